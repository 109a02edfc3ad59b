"""The cable simulator: its scheme's convergence, and the cable's known behaviour.

Expected values here may use closed forms (the length constant, the square-root law of the
velocity); the simulator itself never does. Deterministic results are compared within 10 times
their error estimates, which must themselves be small, as `derive.verify` does for computed checks.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from derive.estimate import Estimate
from derive.sim import cable
from derive.sim.hodgkin_huxley import HHParams

ERROR_MULTIPLE = 10.0


def assert_computed(estimate: Estimate, expected: float, relative_error: float = 1e-3) -> None:
    """Within 10 error estimates of `expected`, and the error estimate itself small."""
    assert estimate.computed
    assert estimate.stderr <= relative_error * abs(expected), estimate
    assert abs(estimate.value - expected) <= ERROR_MULTIPLE * estimate.stderr, (
        f"{estimate.value} +- {estimate.stderr} vs {expected}")


@pytest.fixture(scope="module")
def squid() -> Estimate:
    return cable.conduction_velocity()


# --- The passive cable ---------------------------------------------------------------------------


def test_passive_steady_state_decays_with_measured_length_constant() -> None:
    """Measured from the computed profile, the decay length is sqrt(a R_m / (2 R_i))."""
    for radius, r_m, r_i in ((238.0, 1.0 / 0.3e-3, 35.4), (1.0, 2.0e4, 100.0), (0.05, 1.0e3, 200.0)):
        expected = math.sqrt(radius * 1e-4 * r_m / (2.0 * r_i))
        assert_computed(cable.measured_length_constant(radius, r_m, r_i), expected, 1e-4)


def test_passive_profile_is_an_exponential_with_a_flat_sealed_end() -> None:
    lam = math.sqrt(238e-4 * 3333.0 / (2 * 35.4))
    state = cable.passive_steady_state(238.0, 3333.0, 35.4, length=10 * lam, dx=lam / 50)
    sealed = np.cosh((state.x[-1] - state.x) / lam) / np.cosh(state.x[-1] / lam)
    assert np.allclose(state.v, state.v[0] * sealed, rtol=2e-3)
    # the input resistance: V(0) / I = r_i lambda / (pi a^2) on a long cable (1 nA -> mV)
    r_in = 35.4 * lam / (math.pi * (238e-4) ** 2)  # ohm
    assert state.v[0] == pytest.approx(r_in * 1e-9 * 1e3, rel=1e-3)


def test_length_constant_converges_at_second_order() -> None:
    lam = math.sqrt(1e-4 * 2e4 / 200.0)
    errors = []
    for points in (5, 10, 20):
        state = cable.passive_steady_state(1.0, 2e4, 100.0, length=20 * lam, dx=lam / points)
        errors.append(abs(cable.decay_length(state) - lam))
    assert errors[0] / errors[1] == pytest.approx(4.0, rel=0.05)
    assert errors[1] / errors[2] == pytest.approx(4.0, rel=0.05)


# --- The squid axon ------------------------------------------------------------------------------


def test_squid_velocity_is_near_hodgkin_and_huxleys_and_precise(squid: Estimate) -> None:
    """HH 1952 computed 18.8 m/s for this axon (radius 238 um, 35.4 ohm cm, 18.5 C)."""
    assert squid.computed
    assert squid.stderr <= 1e-3 * squid.value
    assert 18.5 < squid.value < 19.0


def test_velocity_converges_under_refinement() -> None:
    """Halving dx and dt together shrinks the change four times (second order), and the
    Richardson error estimate of the coarser pair covers the finer result."""
    params = cable.CableParams()
    dt = 2.0 * params.default_dt()
    h = 0.4 * dt / cable.COURANT * 4.68  # ~ the wave's cm/ms times dt: the same grids as the default
    length = 13.0
    values = [cable._cable_velocity(params, length, h / 2**k, dt / 2**k)[0] for k in range(3)]
    first, second = values[1] - values[0], values[2] - values[1]
    assert first / second == pytest.approx(4.0, rel=0.15)
    assert abs(values[2] - values[1]) <= abs(values[1] - values[0]) / 3.0 * 1.5


def test_velocity_does_not_depend_on_the_stimulus(squid: Estimate) -> None:
    """The wave measured far away has forgotten how it was started."""
    other = cable.conduction_velocity(cable.CableParams().replace(
        stimulus=cable.Pulse(500.0, 0.1, 0.5), stimulus_extent=0.05))
    assert abs(other.value - squid.value) <= ERROR_MULTIPLE * (other.stderr + squid.stderr)


def test_simulated_cable_shows_a_travelling_spike() -> None:
    trace = cable.simulate_cable(cable.CableParams(length=6.0), dx=0.02, duration=4.0)
    assert trace.v.shape == (len(trace.times), len(trace.positions))
    assert trace.positions[-1] == pytest.approx(6.0)
    assert np.all(np.isfinite(trace.arrivals))
    assert np.all(np.diff(trace.arrivals[len(trace.arrivals) // 4:]) > 0)  # away from the stimulus
    away = trace.positions > 2.0
    assert 30.0 < trace.v[:, away].max() < 50.0  # the propagated HH spike's peak
    assert trace.v[0] == pytest.approx(np.full(len(trace.positions), trace.v[0, 0]))  # rest at t = 0


# --- Scaling laws (the simulator knows neither) --------------------------------------------------


def test_quadrupling_the_radius_doubles_the_velocity(squid: Estimate) -> None:
    thin, thick = cable.velocities([59.5, 952.0])
    for ratio in (Estimate(squid.value / thin.value, squid.value / thin.value
                           * (squid.stderr / squid.value + thin.stderr / thin.value), 0, True),
                  Estimate(thick.value / squid.value, thick.value / squid.value
                           * (squid.stderr / squid.value + thick.stderr / thick.value), 0, True)):
        assert_computed(ratio, 2.0, 2e-3)


def test_doubling_axial_resistivity_slows_by_root_two() -> None:
    assert_computed(cable.velocity_ratio(r_i=2 * 35.4), 1.0 / math.sqrt(2.0), 2e-3)


def test_warming_speeds_the_wave() -> None:
    cold = cable.conduction_velocity(cable.CableParams(temperature=6.3))
    assert cold.value < 0.8 * 18.7


def test_a_weakened_sodium_conductance_slows_the_wave(squid: Estimate) -> None:
    weak = cable.conduction_velocity(cable.CableParams(membrane=HHParams(g_na=60.0)))
    assert weak.value < squid.value - ERROR_MULTIPLE * (weak.stderr + squid.stderr)


# --- Myelin --------------------------------------------------------------------------------------


def test_myelinated_velocity_grows_nearly_linearly_with_radius() -> None:
    small, large = cable.myelinated_velocity(1.0), cable.myelinated_velocity(4.0)
    for v in (small, large):
        assert v.stderr <= 1e-3 * v.value
    ratio = large.value / small.value
    assert 3.9 < ratio < 4.05  # linear would be 4; the unmyelinated axon would give 2
    unmyelinated = cable.conduction_velocity(cable.CableParams(radius=4.0))
    assert large.value > 10 * unmyelinated.value


def test_myelin_sheath_follows_the_lamella_count() -> None:
    myelin = cable.MyelinParams()
    c_small, g_small = myelin.sheath(1.0)
    c_large, g_large = myelin.sheath(2.0)
    assert c_small == pytest.approx(2 * c_large) and g_small == pytest.approx(2 * g_large)
    # McIntyre et al. 2002's 10 um fibre: 120 lamellae, 0.1/240 uF/cm^2
    assert myelin.replace(g_ratio=0.69).sheath(3.45)[0] == pytest.approx(0.1 / 240, rel=1e-2)
    assert myelin.internode(5.0) == pytest.approx(100 * 10.0 / 0.7)


def test_myelin_crossover_is_where_the_two_velocities_meet() -> None:
    crossover = cable.myelin_crossover()
    radius = crossover.radius
    assert radius.stderr <= 0.02 * radius.value
    fast, slow = crossover.myelinated, crossover.unmyelinated
    assert abs(fast.value - slow.value) <= ERROR_MULTIPLE * (fast.stderr + slow.stderr)


def test_a_myelinated_fibre_similar_at_every_size_is_exactly_twice_as_fast_when_twice_as_thick():
    similar = cable.MyelinParams(similar_nodes=True)
    ratio = cable.myelinated_ratio(0.5, 2.0, myelin=similar)
    assert abs(ratio.value - 2.0) < 1e-9


def test_real_nodes_of_fixed_length_make_the_myelinated_velocity_slightly_less_than_linear():
    ratio = cable.myelinated_ratio(0.5, 2.0)
    assert 1.99 < ratio.value < 2.0 - 10 * ratio.stderr


def test_a_similar_fibre_on_one_absolute_grid_is_twice_as_fast_within_a_real_error():
    """The same spacing and dt for both radii: the discrete fibres are not rescalings, so the ratio is
    not exactly 2 and its Richardson error is not 0, yet 2 lies within 10 errors of it."""
    ratio = cable.myelinated_ratio_fixed_grid(1.0, 2.0, myelin=cable.MyelinParams(similar_nodes=True))
    assert abs(ratio.value - 2.0) > 1e-6 and ratio.stderr > 1e-6
    assert_computed(ratio, 2.0, 2e-4)


def test_an_absolute_grid_that_does_not_divide_the_node_period_is_refused_by_name():
    with pytest.raises(ValueError, match="dx = 100.0 um must divide the node period"):
        cable.myelinated_velocity(1.0, dx=100.0)
    with pytest.raises(ValueError, match="dx must be a positive"):
        cable.myelinated_velocity(1.0, dx=-1.0)


# --- Direct grid control, the signed Richardson estimate and extrapolation ----------------------


def test_the_fused_rates_are_gate_rates() -> None:
    """The integrator's (6, N) rate arrays hold the six rates of `gate_rates`, at -40 and -55 mV too."""
    from derive.sim.hodgkin_huxley import gate_rates

    v = np.concatenate([np.linspace(-120.0, 60.0, 181), [-40.0, -55.0]])
    params = HHParams(temperature=18.5)
    fused = cable._Rates(len(v), params.rate_factor)(v)
    r = gate_rates(v, params)
    expected = np.stack([r.alpha_m, r.alpha_n, r.alpha_h, r.beta_m, r.beta_n, r.beta_h])
    assert np.allclose(fused, expected, rtol=1e-13, atol=0.0)


@pytest.fixture(scope="module")
def refined() -> cable.VelocityRefinement:
    return cable.velocity_refinement(levels=3)


def test_richardson_estimate_is_signed_and_extrapolation_beats_the_fine_grid(refined) -> None:
    """On the squid axon the fine velocity is low (the coarse lower still): the signed estimate is
    positive, and the extrapolation lands within its error of the extrapolation at half the step,
    much closer than the fine value does."""
    finer = cable.velocity_refinement(dt=cable.CableParams().default_dt() / 2, levels=3)
    assert refined.fine > refined.coarse and refined.richardson > 0
    assert refined.extrapolated == pytest.approx(refined.fine + (refined.fine - refined.coarse) / 3)
    gap = abs(refined.extrapolated - finer.extrapolated)
    assert gap <= refined.extrapolated_error + finer.extrapolated_error
    assert gap < abs(refined.fine - finer.extrapolated) / 20
    estimate = refined.extrapolated_estimate()
    assert estimate.computed and estimate.stderr < 1e-5 * estimate.value * 10


def test_given_dx_dt_and_length_are_the_grids_used() -> None:
    run = cable.velocity_refinement(dx=0.02, dt=0.01, length=13.0, levels=2)
    assert run.dx == pytest.approx(13.0 / 650) and run.dt == 0.01 and run.length == 13.0
    assert 18.0 < run.fine < 19.5
    with pytest.raises(ValueError, match="levels must be at least 3"):
        run.extrapolated_estimate()


@pytest.mark.parametrize("dt", [0.05, 0.2, 1.0, 5.0])
def test_coarse_steps_give_a_finite_velocity_or_an_error_naming_the_grid(dt: float) -> None:
    try:
        estimate = cable.conduction_velocity(dt=dt)
    except cable.GridTooCoarse as error:
        assert "dx" in str(error) and ("dt" in str(error) or "refine dx" in str(error))
    else:
        assert math.isfinite(estimate.value) and math.isfinite(estimate.stderr)


@pytest.mark.parametrize("setting", [{"dx": -0.1}, {"dt": 0.0}, {"dt": math.nan}, {"length": math.inf}])
def test_grid_settings_that_are_not_positive_and_finite_are_refused_by_name(setting) -> None:
    (name, _), = setting.items()
    with pytest.raises(ValueError, match=f"{name} must be a positive finite"):
        cable.velocity_refinement(**setting)


def test_a_coarse_step_on_the_myelinated_fibre_is_an_error_naming_dt() -> None:
    with pytest.raises(cable.GridTooCoarse, match="dt = 0.5 ms"):
        cable.myelinated_velocity(1.0, dt=0.5)


def test_a_hot_axon_whose_spike_peaks_below_0_mV_still_has_a_velocity() -> None:
    """At 31 C the HH wave travels with its peak below 0 mV: the pilot finds no 0 mV wave and measures
    arrivals at LOW_ARRIVAL_LEVEL instead, rather than raising."""
    params = cable.CableParams(temperature=31.0)
    trace = cable.simulate_cable(params.replace(length=4.0), dx=0.01, duration=3.0)
    middle = (trace.positions > 1.0) & (trace.positions < 3.0)  # the sealed end at 4 cm lifts the peak
    assert trace.v[:, middle].max() < cable.SPIKE_LEVEL
    refined = cable.velocity_refinement(params, dt=2 * params.default_dt(), levels=2)
    assert 20.0 < refined.fine < 27.0 and abs(refined.richardson) < 0.01 * refined.fine


def test_a_given_arrival_level_that_no_wave_reaches_is_named() -> None:
    with pytest.raises(cable.GridTooCoarse, match="arrival_level = 60 mV"):
        cable.velocity_refinement(cable.CableParams(arrival_level=60.0), dx=0.05, dt=0.01, length=13.0, levels=1)
