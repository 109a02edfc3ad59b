"""The propagation handout: the cable equation, the length constant, the square-root and linear laws."""

from __future__ import annotations

import sympy as sp

from derive.check import check_step
from derive.library import cable_equation as cable
from derive.library.cable_equation import C_m, R_i, R_m, V, a, i_ion, lam, t, x
from derive.report import Status

CABLE = cable.derivation


def judge(derivation, label):
    return check_step(derivation, derivation.labels.index(label) + 1)


def test_cable_equation_with_the_radius_not_halved_is_rejected():
    wrong = CABLE.with_claim("cable", sp.Eq(C_m * sp.Derivative(V(x, t), t) + i_ion,
                                            a / R_i * sp.Derivative(V(x, t), (x, 2))))
    assert judge(wrong, "cable").status is Status.FAILED


def test_length_constant_missing_the_factor_two_is_rejected():
    wrong = CABLE.with_claim("length-constant", sp.Eq(lam, sp.sqrt(a * R_m / R_i)))
    result = judge(wrong, "passive-cable-scaled")
    assert result.status is Status.FAILED and result.counterexample


def test_growing_exponential_is_not_the_steady_state_of_a_long_cable():
    wrong = CABLE.with_claim("steady-decay", sp.Eq(cable.W(x), cable.V_0 * sp.exp(x / lam)))
    assert judge(wrong, "steady-decay").status is Status.FAILED


def test_velocity_proportional_to_radius_for_a_bare_axon_is_rejected():
    linear = CABLE.with_claim("thicker-is-faster", sp.Eq(cable.ratio, 4))
    assert judge(linear, "thicker-is-faster").status is Status.FAILED


def test_internode_charging_time_does_not_depend_on_the_radius():
    result = judge(CABLE, "internode-time-is-size-free")
    assert result.status is Status.PROVED
    assert a not in CABLE.step("internode-time-is-size-free").claim.rhs.free_symbols


def test_squid_length_constant_is_about_a_centimetre():
    assert judge(CABLE, "squid-length-constant").ok
    wrong = CABLE.with_claim("squid-length-constant", sp.Eq(lam, 15 * sp.physics.units.millimeter))
    assert judge(wrong, "squid-length-constant").status is Status.FAILED


# --- against the Hodgkin-Huxley cable ------------------------------------------------------------

def run_named(derivation, name):
    from derive.verify import run_check

    return run_check(derivation, next(c for c in derivation.checks if c.name == name))


def test_doubling_the_resistivity_slows_the_simulated_spike_by_root_two():
    result = run_named(CABLE, "twice-as-resistive")
    assert result.passed and abs(result.estimate - 2**-0.5) <= result.tolerance
    halved = CABLE.with_claim("resistive-is-slower", sp.Eq(cable.ratio_R, sp.Rational(1, 2)))
    assert not run_named(halved, "twice-as-resistive").passed


def test_length_constant_missing_the_factor_two_fails_against_the_computed_cable():
    wrong = CABLE.with_claim("length-constant", sp.Eq(lam, sp.sqrt(a * R_m / R_i)))
    assert not run_named(wrong, "squid-length-constant").passed


def test_square_root_growth_claimed_for_myelin_is_rejected_by_the_saltatory_simulation():
    wrong = CABLE.with_claim("myelin-doubling", sp.Eq(cable.ratio_my, sp.sqrt(2)))
    assert not run_named(wrong, "myelin-doubling").passed


def test_myelin_doubling_check_has_a_real_error_and_passes_the_linear_law():
    """On one absolute grid the two fibres are not rescalings: the ratio is near 2 but not exactly, with a
    non-zero error estimate, and the linear law passes."""
    result = run_named(CABLE, "myelin-doubling")
    assert result.passed
    assert 0 < result.tolerance and result.estimate != 2.0


def test_myelin_velocity_growing_as_the_radius_squared_fails_the_fixed_grid_check():
    """theta proportional to a^2 for a similar fibre (ratio 4) is rejected (sqrt(a): the test above)."""
    wrong = CABLE.with_claim("myelin-doubling", sp.Eq(cable.ratio_my, 4))
    assert not run_named(wrong, "myelin-doubling").passed


# --- the length constant with the resting conductances; real myelinated fibres -----------------------

def test_resting_length_constant_is_seven_millimetres_not_the_leak_only_eleven():
    from sympy.physics.units import millimeter

    assert judge(CABLE, "squid-length-constant").ok
    assert judge(CABLE, "rest-length-constant").ok
    wrong = CABLE.with_claim("rest-length-constant", sp.Eq(lam, 11 * millimeter))
    assert judge(wrong, "rest-length-constant").status is Status.FAILED


def test_resting_gates_are_quoted_from_the_hodgkin_huxley_handout():
    assert judge(CABLE, "n-at-rest").ok
    wrong = CABLE.with_claim("n-at-rest", sp.Eq(cable.n, sp.Rational("0.3")))
    assert judge(wrong, "n-at-rest").status is Status.FAILED


def test_resting_length_constant_agrees_with_the_computed_passive_cable():
    assert run_named(CABLE, "rest-length-constant").passed


def test_hursh_relation_uses_the_outer_diameter_not_the_axon_radius():
    assert judge(CABLE, "hursh-five").ok
    assert judge(CABLE, "model-over-measured-value").ok
    radius_for_diameter = CABLE.with_claim("outer-diameter", sp.Eq(cable.D_out, a))
    assert judge(radius_for_diameter, "hursh-axon").status is Status.FAILED


def test_key_ideas_headings_and_the_myelin_drawing_are_there():
    assert 3 <= len(CABLE.key_ideas) <= 5
    assert sum(s.heading is not None for s in CABLE.steps) >= 5
    assert {"space-time", "myelinated-axon"} <= {f.name for f in CABLE.figures}
