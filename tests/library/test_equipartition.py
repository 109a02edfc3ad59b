"""The equipartition handout: the Gaussian integrals are done by SymPy, not typed in."""

from __future__ import annotations

import sympy as sp

from derive.check import check_step
from derive.library import equipartition as eq
from derive.library.equipartition import E, k_B, m, v, T
from derive.report import Status
from derive.verify import run_check

EQUIPARTITION = eq.derivation


def test_mean_square_velocity_off_by_a_factor_two_is_rejected_by_both_checks():
    wrong = EQUIPARTITION.with_claim("equipartition-1d", sp.Eq(E(v**2), 2 * k_B * T / m))
    assert check_step(wrong, wrong.labels.index("equipartition-1d") + 1).status is Status.FAILED
    assert not run_check(wrong, next(c for c in wrong.checks if c.name == "equipartition-1d")).passed
