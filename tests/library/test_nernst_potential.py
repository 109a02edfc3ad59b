"""The Nernst handout: two routes to one potential; sign and valence errors are caught twice."""

from __future__ import annotations

import sympy as sp

from derive.check import check_step
from derive.library import nernst_potential as nernst
from derive.library.nernst_potential import T, V, c_in, c_out, e, k_B, z
from derive.report import Status
from derive.verify import run_check

NERNST = nernst.derivation


def test_both_routes_reach_the_same_potential():
    assert NERNST.step("nernst").claim == NERNST.step("nernst-again").claim


def _rejected_both_ways(claim: sp.Eq) -> None:
    wrong = NERNST.with_claim("nernst", claim)
    assert check_step(wrong, wrong.labels.index("nernst") + 1).status is Status.FAILED
    for name in ("reversal-potassium", "reversal-chloride"):
        result = run_check(wrong, next(c for c in wrong.checks if c.name == name))
        assert not result.passed, result


def test_sign_error_in_the_nernst_equation_is_rejected_symbolically_and_numerically():
    _rejected_both_ways(sp.Eq(V, -k_B * T / (z * e) * sp.log(c_out / c_in)))


def test_wrong_valence_is_rejected_symbolically_and_numerically():
    _rejected_both_ways(sp.Eq(V, k_B * T / (2 * z * e) * sp.log(c_out / c_in)))


def test_numbers_are_computed_not_typed_in():
    wrong = NERNST.with_claim("squid-potassium", sp.Eq(V, NERNST.step("squid-potassium").claim.rhs * 2))
    assert check_step(wrong, wrong.labels.index("squid-potassium") + 1).status is Status.FAILED
