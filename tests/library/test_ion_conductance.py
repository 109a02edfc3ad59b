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


def test_pump_current_of_half_the_sodium_leak_is_rejected():
    wrong = CONDUCTANCE.with_claim("pump-balances-sodium", sp.Eq(ic.I_pump, -ic.I_Na_rest / 2))
    wrong = wrong.with_claim("pump-current", sp.Eq(ic.I_pump, -ic.g_Na * (ic.weighted / ic.total - ic.E_Na) / 2))
    assert check_step(wrong, wrong.labels.index("squid-pump-current") + 1).status is Status.FAILED


def test_sodium_rise_without_the_factor_two_of_a_cylinder_is_rejected_by_the_stopped_pump():
    wrong = CONDUCTANCE.with_claim("sodium-rise", sp.Eq(ic.rise_Na, -ic.g_Na * (ic.weighted / ic.total - ic.E_Na)
                                                        / (ic.F * ic.a)))
    assert check_step(wrong, wrong.labels.index("sodium-rise") + 1).status is Status.FAILED
    assert not run_check(wrong, next(c for c in wrong.checks if c.name == "pump-stopped")).passed


def test_resting_conductance_the_cable_handout_quotes():
    assert CONDUCTANCE.step("squid-resting-conductance").claim.rhs == sp.Rational("0.67") * ic.mS_cm2
    assert check_step(CONDUCTANCE, CONDUCTANCE.labels.index("squid-resting-conductance") + 1).status is Status.PROVED
