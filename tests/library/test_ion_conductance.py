"""The ion-conductance handout: the ohmic law as a linearisation, the RC solution against an integrator."""

from __future__ import annotations

import sympy as sp

from derive.check import check_step
from derive.library import ion_conductance as ic
from derive.report import Status
from derive.verify import run_check

CONDUCTANCE = ic.derivation


def test_time_constant_g_over_c_is_rejected_by_the_solver_check_and_the_integrator():
    wrong = CONDUCTANCE.with_claim("rc-solution", sp.Eq(ic.V_t(ic.t), ic.V_inf + (ic.V_0 - ic.V_inf)
                                                        * sp.exp(-2 * ic.t / ic.tau)))
    result = check_step(wrong, wrong.labels.index("rc-solution") + 1)
    assert result.status is Status.FAILED and "[differential equation]" in result.explain()
    assert not run_check(wrong, next(c for c in wrong.checks if c.name == "rc-at-1.5ms")).passed
