"""The gate-kinetics handout: n⁴ and m³h, told apart from n³ and m²h by algebra and by stochastic channels."""

from __future__ import annotations

import sympy as sp

from derive.check import check_step
from derive.library import gate_kinetics as gk
from derive.library.gate_kinetics import E, h, m, n, open_K, open_Na, t
from derive.report import Status
from derive.verify import run_check

GATES = gk.derivation


def test_n_cubed_is_rejected_by_the_checker_and_by_the_stochastic_channels():
    wrong = GATES.with_claim("n-to-the-fourth", sp.Eq(E(open_K), n(t) ** 3))
    assert check_step(wrong, wrong.labels.index("n-to-the-fourth") + 1).status is Status.FAILED
    for name in ("four-gates-at-0.5ms", "four-gates-at-1ms", "four-gates-at-3ms"):
        assert not run_check(wrong, next(c for c in wrong.checks if c.name == name)).passed


def test_m_squared_h_is_rejected_by_the_checker_and_by_the_stochastic_channels():
    wrong = GATES.with_claim("m-cubed-h", sp.Eq(E(open_Na), m(t) ** 2 * h(t)))
    assert check_step(wrong, wrong.labels.index("m-cubed-h") + 1).status is Status.FAILED
    for name in ("sodium-channels-at-0.3ms", "sodium-channels-at-1ms"):
        assert not run_check(wrong, next(c for c in wrong.checks if c.name == name)).passed


def test_the_slope_of_n_to_the_fourth_at_the_step_is_not_that_of_one_gate():
    wrong = GATES.with_claim("four-gate-slope",
                             sp.Eq(sp.Derivative(n(t) ** 4, t).subs(t, 0), (gk.n_inf - gk.n_0) / gk.tau_n))
    assert check_step(wrong, wrong.labels.index("four-gate-slope") + 1).status is Status.FAILED


def test_boltzmann_gate_with_the_wrong_sign_is_rejected_by_the_checker_and_by_the_sampled_gates():
    """A gate that closed on depolarisation: exp(+z e (V - V½)/k_B T) in the denominator."""
    wrong = GATES.with_claim("boltzmann-gate", sp.Eq(gk.P_o, 1 / (1 + sp.exp(gk.z_g * gk.e * (gk.V - gk.V_half)
                                                                          / (gk.k_B * gk.T)))))
    assert check_step(wrong, wrong.labels.index("boltzmann-gate") + 1).status is Status.FAILED
    for name in ("boltzmann-gate-opening", "boltzmann-gate-closing"):
        assert not run_check(wrong, next(c for c in wrong.checks if c.name == name)).passed


def test_steepest_slope_over_two_instead_of_four_is_rejected():
    wrong = GATES.with_claim("steepest-slope", sp.Eq(sp.Subs(sp.Derivative(gk.n_B(gk.V), gk.V), gk.V, gk.V_half),
                                                    gk.z_g * gk.e / (2 * gk.k_B * gk.T)))
    assert check_step(wrong, wrong.labels.index("steepest-slope") + 1).status is Status.FAILED
