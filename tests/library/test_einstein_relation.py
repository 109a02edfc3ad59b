"""The Einstein relation handout: it holds for fixed and for random collision times."""

from __future__ import annotations

import sympy as sp

from derive.check import check_step
from derive.library import einstein_relation as er
from derive.library.einstein_relation import D_r, T, k_B, zeta_r
from derive.report import Status

EINSTEIN = er.derivation


def test_quoting_a_result_that_the_other_handout_does_not_state_fails():
    wrong = EINSTEIN.with_claim("friction-collision", sp.Eq(sp.Symbol("zeta", positive=True),
                                                              sp.Symbol("m", positive=True) / sp.Symbol("dt", positive=True)))
    result = check_step(wrong, wrong.labels.index("friction-collision") + 1)
    assert result.status is Status.FAILED
    assert "'friction-collision' of 'viscous-friction'" in result.explain()


def test_einstein_relation_with_random_times_is_not_half_of_k_B_T():
    wrong = EINSTEIN.with_claim("einstein-random", sp.Eq(zeta_r * D_r, k_B * T / 2))
    assert check_step(wrong, wrong.labels.index("einstein-random") + 1).status is Status.FAILED


def run_named(derivation, name):
    from derive.verify import run_check

    return run_check(derivation, next(c for c in derivation.checks if c.name == name))


def test_langevin_check_passes_for_kT_over_zeta_and_rejects_twice_it():
    """The small-step Langevin simulation meets D = k_B T/zeta, and a wrong law, D = 2 k_B T/zeta, fails it."""
    from derive.library.einstein_relation import D, zeta

    assert run_named(EINSTEIN, "langevin").passed
    wrong = EINSTEIN.with_claim("einstein-diffusion", sp.Eq(D, 2 * k_B * T / zeta))
    assert not run_named(wrong, "langevin").passed


def test_langevin_check_rejects_a_law_two_percent_off():
    from derive.library.einstein_relation import D, zeta

    wrong = EINSTEIN.with_claim("einstein-diffusion", sp.Eq(D, sp.Rational(102, 100) * k_B * T / zeta))
    assert not run_named(wrong, "langevin").passed


def test_the_figure_uses_the_viscosities_the_handout_cites():
    """The figure draws each temperature with the viscosity of water the handout cites there."""
    from derive.figures import einstein_relation as figure
    from sympy.physics.units import kelvin, pascal, second

    cited = {float(er.COLD / kelvin): float(er.WATER_VISCOSITY_COLD / (pascal * second)),
             float(er.BODY / kelvin): float(er.WATER_VISCOSITY_BODY / (pascal * second))}
    assert {temperature: viscosity for temperature, viscosity, *_ in figure.TEMPERATURES} == cited


def test_the_einstein_relation_holds_for_gamma_intervals_and_rejects_half_of_it():
    assert run_named(EINSTEIN, "einstein-gamma").passed
    wrong = EINSTEIN.with_claim("einstein-random", sp.Eq(zeta_r * D_r, k_B * T / 2))
    assert not run_named(wrong, "einstein-gamma").passed


def test_warm_water_speeds_diffusion_by_the_cited_viscosities_not_by_temperature_alone():
    statuses = {r.label: r.status for r in __import__("derive.check", fromlist=["check_steps"]).check_steps(EINSTEIN)}
    assert statuses["warm-over-cold-value"] is Status.PROVED
    wrong = EINSTEIN.with_claim("warm-over-cold-value", sp.Eq(er.D_2 / er.D_1, sp.Rational("1.115")))
    assert check_step(wrong, wrong.labels.index("warm-over-cold-value") + 1).status is Status.FAILED
