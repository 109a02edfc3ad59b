"""The Hodgkin-Huxley handout: conversions, limits, rest and stability; two integrators agree."""

from __future__ import annotations

import pytest
import sympy as sp

from derive.check import check_step
from derive.estimate import Estimate
from derive.library import hodgkin_huxley as hh
from derive.library.hodgkin_huxley import MODERN, V, alpha_n, lam, mV, ms, phi, u
from derive.report import Status
from derive.verify import run_check

HH = hh.derivation


def judge(derivation, label):
    return check_step(derivation, derivation.labels.index(label) + 1)


def test_rate_written_with_the_wrong_sign_convention_is_rejected():
    wrong = HH.with_claim("alpha_n", sp.Eq(alpha_n, phi / ms * sp.Rational(1, 100) * (u - 55) / (1 - sp.exp((u - 55) / 10))))
    assert judge(wrong, "alpha_n").status is Status.FAILED


def test_rate_with_bare_numbers_fails_the_dimension_check():
    wrong = HH.with_claim("alpha_n", sp.Eq(alpha_n, MODERN[alpha_n] * ms))
    result = judge(wrong, "alpha_n")
    assert result.status is Status.FAILED and "dimensionally inconsistent" in result.explain()


def test_wrong_limit_at_the_removable_singularity_is_rejected():
    wrong = HH.with_claim("alpha-n-at-minus-55",
                          sp.Eq(sp.Limit(MODERN[alpha_n].subs(phi, 1), V, -55 * mV), 1 / ms))
    assert judge(wrong, "alpha-n-at-minus-55").status is Status.FAILED


def test_resting_potential_and_stability_are_numerically_only_and_wrong_values_fail():
    assert judge(HH, "resting-potential").status is Status.NUMERIC
    assert judge(HH.with_claim("resting-potential", sp.Eq(V, -70 * mV)), "resting-potential").status is Status.FAILED
    assert judge(HH.with_claim("resting-state-is-stable", sp.Eq(lam, sp.Rational(12, 100) / ms)),
                 "resting-state-is-stable").status is Status.FAILED


def test_integrators_that_disagree_fail_the_agreement_check():
    def shifted(at, rng):
        found = hh.spike_time_dop853(at, rng)
        return Estimate(found.value * 1.001, found.stderr, found.samples, computed=True)

    broken = HH.with_check("spike-time", simulate=shifted)
    result = run_check(broken, next(c for c in broken.checks if c.name == "spike-time"))
    assert not result.passed


# --- the action potential ----------------------------------------------------------------------

def run_named(derivation, name):
    return run_check(derivation, next(c for c in derivation.checks if c.name == name))


def test_threshold_charge_without_the_capacitance_is_rejected_symbolically():
    wrong = HH.with_claim("threshold-charge", sp.Eq(hh.Q, hh.dV_th * hh.uF))
    assert judge(wrong, "threshold-charge").status is Status.FAILED


def test_brief_pulses_reject_a_threshold_charge_twice_too_large():
    wrong = HH.with_claim("threshold-charge", sp.Eq(hh.Q, 2 * hh.C * hh.dV_th))
    assert not run_named(wrong, "brief-pulse-threshold").passed


def test_measured_value_off_by_one_in_its_last_stated_figure_fails_its_check():
    assert run_named(HH, "pulse-threshold").passed
    for wrong in ("13.27513", "13.27511"):
        result = run_named(HH.with_claim("pulse-threshold", sp.Eq(hh.I_th, sp.Rational(wrong) * hh.uA)),
                           "pulse-threshold")
        assert not result.passed and "disagrees" in result.problem, wrong


def test_measured_value_with_more_figures_than_the_simulation_resolves_fails():
    fine = HH.with_claim("spike-height", sp.Eq(hh.H, sp.Rational("105.75000") * hh.mV)).with_check(
        "spike-height", digits=8)
    result = run_named(fine, "spike-height")
    assert not result.passed and "does not resolve the last of the 8 figures" in result.problem


def test_measured_value_with_too_few_figures_to_say_anything_fails():
    coarse = HH.with_claim("rate-at-50", sp.Eq(hh.f_50, 100 * hh.Hz)).with_check("rate-at-50", digits=1)
    result = run_named(coarse, "rate-at-50")
    assert not result.passed and "states too few figures" in result.problem


def test_digits_on_a_derived_result_is_bad_input():
    from derive.model import InputError
    from derive.verify import require_measurements_checked

    loose = HH.with_check("brief-pulse-threshold", digits=2)
    with pytest.raises(InputError, match="digits= is for measured values"):
        require_measurements_checked(loose)


def test_sodium_entry_is_about_thirteen_times_the_least_charge_at_6_3_celsius():
    assert judge(HH, "excess-squid").ok
    wrong = HH.with_claim("excess-squid", sp.Eq(hh.r_Na, sp.Rational("13.31")))
    assert judge(wrong, "excess-squid").status is Status.FAILED


# --- the range of repetitive firing and the Hopf points ------------------------------------------

def test_symbolic_jacobian_changes_sign_across_each_stated_hopf_point():
    """Half a unit of the last stated figure either side of each Hopf point, the largest real part
    of the symbolic Jacobian's eigenvalues has opposite signs; a claim with the wrong sign fails."""
    for label in hh.BRACKETS:
        assert judge(HH, f"fixed-point-{label}").ok
        assert judge(HH, f"stability-{label}").ok
    signs = {label: float(HH.step(f"stability-{label}").claim.rhs.subs(hh.ms, 1)) for label in hh.BRACKETS}
    assert signs["below-lower-hopf"] < 0 < signs["above-lower-hopf"]
    assert signs["below-upper-hopf"] > 0 > signs["above-upper-hopf"]
    wrong = HH.with_claim("stability-above-lower-hopf",
                          sp.Eq(hh.lam_at["above-lower-hopf"], sp.Rational("-0.00000023") / hh.ms))
    assert judge(wrong, "stability-above-lower-hopf").status is Status.FAILED


def test_the_brackets_lie_half_a_unit_either_side_of_the_stated_hopf_currents():
    for which, stated in (("lower", "hopf-lower"), ("upper", "hopf-upper")):
        value = HH.step(stated).claim.rhs.subs(hh.uA, 1)
        below, above = hh.BRACKETS[f"below-{which}-hopf"], hh.BRACKETS[f"above-{which}-hopf"]
        assert below < value < above and above - below == 2 * (value - below)


@pytest.mark.parametrize("label,symbol,wrong", [("hopf-lower", hh.I_H1, "9.7755"), ("hopf-upper", hh.I_H2, "154.53"),
                                                ("repetitive-top", hh.I_top, "62.86")])
def test_range_and_hopf_values_off_by_one_in_their_last_figure_fail_their_checks(label, symbol, wrong):
    assert run_named(HH, label).passed
    result = run_named(HH.with_claim(label, sp.Eq(symbol, sp.Rational(wrong) * hh.uA)), label)
    assert not result.passed and "disagrees" in result.problem


def test_no_prose_says_the_neuron_fires_above_the_upper_edge():
    """The onset's sentence no longer claims firing for every current above it."""
    onset = HH.step("repetitive-onset")
    assert "above 6.26" not in onset.prose.en and "高于 6.26" not in onset.prose.zh


# --- rest: the leak's reversal potential and the resting conductance -----------------------------

def test_leak_reversal_potential_follows_from_zero_current_at_rest():
    assert judge(HH, "leak-balance").status is Status.PROVED
    assert judge(HH, "leak-reversal").ok
    for wrong in ("-54.39", "-54.41"):  # Hodgkin and Huxley's -54.387 rounds to -54.39: not what the gates give
        result = judge(HH.with_claim("leak-reversal", sp.Eq(hh.E_L, sp.Rational(wrong) * mV)), "leak-reversal")
        assert result.status is Status.FAILED, wrong


def test_steady_gate_with_the_rates_swapped_is_rejected():
    wrong = HH.with_claim("n-steady", sp.Eq(hh.n, hh.beta_n / (hh.alpha_n + hh.beta_n)))
    assert judge(wrong, "n-steady").status is Status.FAILED


def test_resting_conductance_is_not_the_leak_alone():
    assert judge(HH, "resting-conductance-squid").ok
    wrong = HH.with_claim("resting-conductance-squid", sp.Eq(hh.g_rest, sp.Rational(3, 10) * hh.mS))
    assert judge(wrong, "resting-conductance-squid").status is Status.FAILED


def test_key_ideas_and_headings_are_there():
    assert 3 <= len(HH.key_ideas) <= 5
    assert sum(s.heading is not None for s in HH.steps) >= 5


def test_phase_plane_figure_is_attached():
    assert "phase-plane" in {f.name for f in HH.figures}
