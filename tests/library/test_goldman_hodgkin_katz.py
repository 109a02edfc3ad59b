"""The GHK handout: current and voltage equations, checked against a numerical Nernst-Planck solution."""

from __future__ import annotations

import sympy as sp

from derive.check import check_step
from derive.library import goldman_hodgkin_katz as ghk
from derive.report import Status

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
