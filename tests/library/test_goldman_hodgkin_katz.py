"""The GHK handout: current and voltage equations, checked against a numerical Nernst-Planck solution."""

from __future__ import annotations

import sympy as sp

from derive.check import check_step
from derive.library import goldman_hodgkin_katz as ghk
from derive.report import Status
from derive.verify import run_check

GHK = ghk.derivation


def test_chloride_with_inside_and_outside_not_swapped_is_rejected():
    wrong_bracket = (ghk.P_K * ghk.K_o + ghk.P_Na * ghk.Na_o + ghk.P_Cl * ghk.Cl_o) / (
        ghk.P_K * ghk.K_i + ghk.P_Na * ghk.Na_i + ghk.P_Cl * ghk.Cl_i)
    wrong = GHK.with_claim("ghk-voltage-reduced", sp.Eq(ghk.v, sp.log(wrong_bracket)))
    assert check_step(wrong, wrong.labels.index("ghk-voltage-reduced") + 1).status is Status.FAILED


def test_instance_with_a_value_that_breaks_an_assumption_is_bad_input():
    wrong = GHK.with_step("potassium-current", by=ghk.by.instance_of(
        "ghk-current", {ghk.I: ghk.I_K, ghk.P: -ghk.P_K, ghk.z: 1, ghk.u: ghk.v, ghk.c_in: ghk.K_i, ghk.c_out: ghk.K_o}))
    result = check_step(wrong, wrong.labels.index("potassium-current") + 1)
    assert result.status is Status.INVALID
    assert "P is positive, but the value put in for it, -P_K, is not" in result.explain()


def test_pump_ratio_two_to_three_instead_of_three_to_two_is_rejected():
    """A pump that carried 2 Na⁺ out for 3 K⁺ in would weight Na⁺, not K⁺, by 3/2."""
    wrong = GHK.with_claim("pump-ratio", sp.Eq(3 * ghk.I_Nas + 2 * ghk.I_Ks, 0))
    assert check_step(wrong, wrong.labels.index("pump-ratio") + 1).status is Status.FAILED


def test_pumped_resting_potential_is_checked_against_the_nernst_planck_fluxes():
    wrong_bracket = (ghk.P_K * ghk.K_o + ghk.P_Na * ghk.Na_o) / (ghk.P_K * ghk.K_i + ghk.P_Na * ghk.Na_i)
    wrong = GHK.with_claim("mullins-noda", sp.Eq(ghk.V_s, ghk.k_B * ghk.T / ghk.e * sp.log(wrong_bracket)))
    assert check_step(wrong, wrong.labels.index("mullins-noda") + 1).status is Status.FAILED
    assert not run_check(wrong, next(c for c in wrong.checks if c.name == "mammal-pumped-steady-state")).passed


def test_the_chloride_choice_moves_the_squid_value_to_minus_46_mv():
    result = check_step(GHK, GHK.labels.index("squid-high-chloride") + 1)
    assert result.status is Status.PROVED
