"""The Hodgkin-Huxley simulator: its integrators against each other and the model's known behaviour.

Expected values here may use closed forms (the clamp relaxation, the limits of the rates);
the simulator itself never does. Deterministic results are compared within 10 times their
error estimates, which must themselves be small, as `derive.verify` does for computed checks.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from derive.estimate import Estimate
from derive.sim import hodgkin_huxley as hh

ERROR_MULTIPLE = 10.0


def assert_computed(estimate: Estimate, expected: float, relative_error: float = 1e-4) -> None:
    """Within 10 error estimates of `expected`, and the error estimate itself small."""
    assert estimate.computed
    assert estimate.stderr <= relative_error * abs(expected), estimate
    assert abs(estimate.value - expected) <= ERROR_MULTIPLE * estimate.stderr + 1e-12 * abs(expected), (
        f"{estimate.value} +- {estimate.stderr} vs {expected}")


def assert_agree(a: Estimate, b: Estimate) -> None:
    """Two computations of one quantity agree within 10 times their combined error estimates."""
    assert abs(a.value - b.value) <= ERROR_MULTIPLE * (a.stderr + b.stderr), f"{a} vs {b}"


@pytest.fixture(scope="module")
def rest_threshold() -> Estimate:
    return hh.threshold()


# --- The model ---------------------------------------------------------------------------------


def test_resting_state_is_a_fixed_point_near_minus_65_mV() -> None:
    rest = hh.resting_state()
    assert -65.5 < rest.v < -64.5
    derivatives = hh._derivatives(hh.HHParams())(*rest, 0.0)
    assert max(abs(x) for x in derivatives[:4]) < 1e-10
    trace = hh.simulate(hh.NO_STIMULUS, 50.0)  # and it is stable: nothing moves
    assert np.max(np.abs(trace.v - rest.v)) < 1e-9
    assert hh.spike_times(trace).size == 0


def test_rate_functions_are_continuous_at_their_removable_singularities() -> None:
    """alpha_n = 0.01 (V+55)/(1 - exp(-(V+55)/10)) -> 0.1 and alpha_m -> 1 at the 0/0 points,
    with slopes 0.005 and 0.05 per mV there (the next term of the Taylor series)."""
    for center, name, limit in ((-55.0, "alpha_n", 0.1), (-40.0, "alpha_m", 1.0)):
        assert getattr(hh.gate_rates(center), name) == pytest.approx(limit, rel=1e-15)
        for offset in (1e-12, 1e-9, 1e-6, 1e-3):
            for v in (center - offset, center + offset):
                expected = limit * (1.0 + (v - center) / 20.0)
                assert abs(getattr(hh.gate_rates(v), name) - expected) <= 1e-15 + limit * offset**2 / 100
        grid = center + np.linspace(-1e-3, 1e-3, 2001)
        assert np.all(np.diff(getattr(hh.gate_rates(grid), name)) > 0)


def test_scalar_right_hand_side_matches_the_vectorised_rates() -> None:
    """The integrators' fast scalar code and `gate_rates` are the same model, at any temperature,
    the singular voltages included."""
    params = hh.HHParams(temperature=18.5)
    f = hh._derivatives(params)
    gates = (0.3, 0.6, 0.4)
    for v in (-100.0, -65.0, -55.0, -40.0, -35.0, 0.0, 40.0):
        r = hh.gate_rates(v, params)
        dv, dm, dh, dn, na_in = f(v, *gates, 2.0)
        m, h, n = gates
        assert dm == pytest.approx(r.alpha_m * (1 - m) - r.beta_m * m, rel=1e-13, abs=1e-15)
        assert dh == pytest.approx(r.alpha_h * (1 - h) - r.beta_h * h, rel=1e-13, abs=1e-15)
        assert dn == pytest.approx(r.alpha_n * (1 - n) - r.beta_n * n, rel=1e-13, abs=1e-15)
        i_na = 120.0 * m**3 * h * (v - 50.0)
        assert na_in == pytest.approx(-i_na, rel=1e-13, abs=1e-13)
        expected_dv = 2.0 - i_na - 36.0 * n**4 * (v + 77.0) - 0.3 * (v + 54.387)
        assert dv == pytest.approx(expected_dv, rel=1e-13, abs=1e-12)


def test_temperature_multiplies_every_rate_by_three_per_ten_degrees() -> None:
    cold, warm = hh.gate_rates(-30.0), hh.gate_rates(-30.0, hh.HHParams(temperature=16.3))
    for slow, fast in zip(cold, warm):
        assert fast == pytest.approx(3.0 * slow, rel=1e-14)


# --- Integrators -------------------------------------------------------------------------------


def test_two_integrators_agree_on_spike_time_and_peak() -> None:
    by_rk4 = hh.first_spike(method="rk4")
    by_dop853 = hh.first_spike(method="DOP853")
    for a, b in ((by_rk4.time, by_dop853.time), (by_rk4.peak, by_dop853.peak)):
        assert a.stderr <= 1e-5 * abs(a.value) and b.stderr <= 1e-5 * abs(b.value)
        assert_agree(a, b)
    assert 0.9 < by_rk4.time.value < 1.1 and 40.0 < by_rk4.peak.value < 41.5


def test_rk4_converges_at_fourth_order() -> None:
    """Spike time errors against DOP853 at rtol 1e-12 shrink about 16-fold per halving of dt."""
    reference = hh.spike_times(hh.simulate(hh.DEFAULT_PULSE, 5.0, method="DOP853", rtol=1e-12))[0]
    errors = [abs(hh.spike_times(hh.simulate(hh.DEFAULT_PULSE, 5.0, dt=dt))[0] - reference)
              for dt in (0.04, 0.02, 0.01)]
    for coarse, fine in zip(errors, errors[1:]):
        assert 10.0 < coarse / fine < 25.0


def test_a_callable_protocol_with_breakpoints_gives_the_stimulus_result() -> None:
    class Square:
        breakpoints = (0.5,)

        def __call__(self, t: float) -> float:
            return 40.0 if t < 0.5 else 0.0

    by_stimulus = hh.simulate(hh.DEFAULT_PULSE, 10.0)
    by_callable = hh.simulate(Square(), 10.0)
    assert np.allclose(by_callable.v, by_stimulus.v, rtol=0, atol=1e-9)
    assert hh.spike_times(by_callable)[0] == pytest.approx(hh.spike_times(by_stimulus)[0], abs=1e-12)


def test_a_run_continued_from_its_final_state_is_the_same_run() -> None:
    protocol = hh.step(10.0)
    whole = hh.simulate(protocol, 40.0)
    first = hh.simulate(protocol, 20.0)
    second = hh.simulate(protocol, 20.0, initial=first.final_state(), start=20.0)
    assert second.v[-1] == pytest.approx(whole.v[-1], abs=1e-9)
    joined = np.concatenate([hh.spike_times(first), hh.spike_times(second)])
    assert np.allclose(joined, hh.spike_times(whole), rtol=0, atol=1e-9)


def test_stimulus_pulses_add_and_switch_at_their_breakpoints() -> None:
    protocol = hh.pulse(5.0, 1.0, 2.0) + hh.step(1.5, 2.0)
    assert protocol.breakpoints == (1.0, 2.0, 3.0)
    assert [protocol(t) for t in (0.5, 1.0, 2.5, 3.0, 100.0)] == [0.0, 5.0, 6.5, 1.5, 1.5]
    assert protocol.scaled(2.0)(2.5) == 13.0


# --- Threshold and refractoriness -------------------------------------------------------------------


def test_threshold_bisection_brackets_the_threshold(rest_threshold: Estimate) -> None:
    """A coarser bisection of the same quantity agrees within the errors, and the error is tiny."""
    assert 13.0 < rest_threshold.value < 13.5
    assert rest_threshold.stderr < 1e-5 * rest_threshold.value
    rough = hh.threshold(precision=1e-4, dt=0.02)
    assert_agree(rest_threshold, rough)


def test_no_spike_below_threshold_and_spike_above(rest_threshold: Estimate) -> None:
    """Checked with the other integrator (DOP853), which the bisection never used."""
    theta = rest_threshold.value
    below = hh.simulate(hh.pulse(theta * (1 - 1e-4), 0.0, 0.5), 20.0, method="DOP853")
    above = hh.simulate(hh.pulse(theta * (1 + 1e-4), 0.0, 0.5), 20.0, method="DOP853")
    assert hh.spike_times(below).size == 0 and below.v.max() < -40.0
    assert hh.spike_times(above).size == 1 and hh.spike_peaks(above)[1][0] > 20.0


def test_a_longer_pulse_needs_less_current() -> None:
    """The strength-duration relation: less current, but more charge, for a longer pulse."""
    short, long = hh.threshold(0.2, precision=1e-4), hh.threshold(1.0, precision=1e-4)
    assert long.value < short.value
    assert long.value * 1.0 > short.value * 0.2


def test_refractory_periods_bracket_the_second_spike(rest_threshold: Estimate) -> None:
    periods = hh.refractory_periods(rest_threshold=rest_threshold)
    assert 5.0 < periods.absolute.value < 8.0 < 12.0 < periods.relative.value < 20.0
    assert periods.absolute.stderr < 1e-3 and periods.relative.stderr < 1e-3
    theta = rest_threshold.value
    for period, multiple in ((periods.absolute.value, 10.0), (periods.relative.value, 1.1)):
        for interval, second in ((period - 0.01, False), (period + 0.01, True)):
            protocol = hh.pulse(2 * theta, 0.0, 0.5) + hh.pulse(multiple * theta, interval, 0.5)
            trace = hh.simulate(protocol, interval + 20.0, method="DOP853")
            assert (hh.spike_times(trace).size == 2) is second


def test_threshold_is_raised_after_a_spike(rest_threshold: Estimate) -> None:
    after = hh.threshold_after_spike(10.0, rest_threshold=rest_threshold, precision=1e-4)
    assert after.value > 1.1 * rest_threshold.value  # 10 ms is inside the relative refractory period
    assert hh.threshold_after_spike(3.0, rest_threshold=rest_threshold, ceiling=20.0).value == np.inf


# --- Repetitive firing --------------------------------------------------------------------------------


def test_repetitive_firing_onset_near_6_uA_per_cm2() -> None:
    onset = hh.repetitive_firing_onset()
    assert 6.1 < onset.value < 6.4
    assert onset.stderr < 0.005
    assert hh.fires_repetitively(onset.value + 0.05, 500.0)
    assert not hh.fires_repetitively(onset.value - 0.05, 500.0)


def test_fi_curve_increases_with_current() -> None:
    """Zero below the onset, then a jump to about 50 Hz (a type II neuron) and a steady rise."""
    curve = hh.fi_curve([4.0, 7.0, 10.0, 20.0, 40.0])
    assert curve.rates[0] == 0.0
    assert np.all(np.diff(curve.rates) > 0)
    assert 50.0 < curve.rates[1] < 65.0
    assert np.all(curve.errors[1:] < 1e-5 * curve.rates[1:])


def test_firing_rate_is_the_inverse_interspike_interval_of_a_long_run() -> None:
    rate = hh.firing_rate(10.0)
    spikes = hh.spike_times(hh.simulate(hh.step(10.0), 150.0, method="DOP853"))
    assert_computed(rate, 1000.0 / (spikes[-1] - spikes[-2]), relative_error=1e-5)


# --- Sodium charge -----------------------------------------------------------------------------------


def test_na_charge_per_spike_exceeds_the_minimum() -> None:
    """At 6.3 C the currents overlap so much that 13 times the minimum C dV enters; warmer,
    faster gates bring it down to about 4 at 18.5 C."""
    cold = hh.sodium_charge_per_spike()
    assert cold.sodium.value > cold.minimum.value
    assert 12.5 < cold.ratio.value < 14.0
    assert cold.ratio.stderr < 1e-5 * cold.ratio.value
    assert 100.0 < cold.minimum.value < 110.0  # C (V_peak - V_rest): a spike of ~106 mV
    warm = hh.sodium_charge_per_spike(params=hh.HHParams(temperature=18.5))
    assert 3.5 < warm.ratio.value < 4.5 < cold.ratio.value


def test_na_charge_of_the_two_integrators_agrees() -> None:
    """The rk4 charge against the one DOP853 carries as its fifth variable."""
    charge = hh.sodium_charge_per_spike()
    trace = hh.simulate(hh.DEFAULT_PULSE, 50.0, method="DOP853")
    rest = hh.resting_state()
    na_rest = 120.0 * rest.m**3 * rest.h * (rest.v - 50.0)
    assert trace.na_charge[-1] + na_rest * 50.0 == pytest.approx(charge.sodium.value, rel=1e-6)


# --- Voltage clamp ---------------------------------------------------------------------------------


@pytest.mark.parametrize("v_step", [-100.0, -55.0, -40.0, 0.0, 40.0])
def test_voltage_clamp_gates_relax_exponentially(v_step: float) -> None:
    """x(t) = x_inf + (x_0 - x_inf) exp(-t / tau), x_inf = alpha/(alpha + beta), tau = 1/(alpha + beta)."""
    clamp = hh.voltage_clamp(-65.0, v_step, 10.0)
    hold, rates = hh.gate_rates(-65.0), hh.gate_rates(v_step)
    for name in ("m", "h", "n"):
        a0, b0 = getattr(hold, f"alpha_{name}"), getattr(hold, f"beta_{name}")
        a, b = getattr(rates, f"alpha_{name}"), getattr(rates, f"beta_{name}")
        x_inf, start = a / (a + b), a0 / (a0 + b0)
        exact = x_inf + (start - x_inf) * np.exp(-(a + b) * clamp.times)
        values, errors = getattr(clamp, name), getattr(clamp, f"{name}_error")
        assert np.all(errors <= 1e-6 * np.abs(exact) + 1e-15)
        assert np.all(np.abs(values - exact) <= ERROR_MULTIPLE * errors + 1e-12 * np.abs(exact) + 1e-16)
        assert_computed(clamp.gate(name, 5), float(exact[5]), relative_error=1e-6)


def test_clamp_conductance_of_k_rises_with_a_delay() -> None:
    """n rises at once and ever more slowly; g_K = g n^4 starts slowly and speeds up (the
    sigmoid delay that made Hodgkin and Huxley raise n to the fourth power)."""
    clamp = hh.voltage_clamp(-65.0, 0.0, 5.0, times=np.linspace(0.0, 5.0, 51))
    g_k = clamp.conductances()["k"]
    assert np.all(np.diff(g_k) > 0)
    assert np.all(np.diff(clamp.n, 2) < 0)
    assert g_k[1] - g_k[0] < g_k[2] - g_k[1] < g_k[3] - g_k[2]


def test_sim_modules_import_no_sympy() -> None:
    """The simulators import no SymPy, no derivation library and no model of derivations."""
    root = Path(__file__).resolve().parents[2]
    code = (
        "import sys, derive.sim.hodgkin_huxley, derive.sim.channels\n"
        "bad = [m for m in sys.modules if m == 'sympy' or m.startswith(('derive.library', 'derive.model'))]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=root, check=True)


def test_threshold_charge_of_ever_briefer_pulses_approaches_the_charge_of_the_threshold_kick():
    kick = hh.kick_threshold()  # mV; with C = 1 uF/cm^2 the charge in nC/cm^2 is the same number
    limit = hh.brief_pulse_charge()
    finest = hh.threshold(width=0.0025).value * 0.0025
    assert abs(limit.value - kick.value) <= 10 * (limit.stderr + kick.stderr)
    assert abs(limit.value - kick.value) < abs(finest - kick.value) / 3  # the extrapolation is what gets there


# --- Coarse steps and loose tolerances ------------------------------------------------------------


@pytest.mark.parametrize("dt", [0.01, 0.02, 0.05, 0.075, 0.09, 0.094, 0.1, 0.2, 0.5, 1.0, 5.0])
def test_simulate_gives_a_finite_answer_or_says_the_step_is_too_coarse(dt: float) -> None:
    """A current step of 10 uA/cm^2 at 5 ms, 100 ms: every dt up to STABLE_DT works, a coarser one
    either works or raises UnstableStepError naming the step (never an OverflowError)."""
    try:
        trace = hh.simulate(hh.step(10.0, start=5.0), 100.0, dt=dt)
    except hh.UnstableStepError as error:
        assert dt > hh.STABLE_DT
        assert f"dt = {dt:g} ms is too coarse" in str(error) and "adaptive method" in str(error)
        return
    assert np.all(np.isfinite(trace.v)) and hh.spike_times(trace).size == 7


def test_a_strong_brief_pulse_at_a_coarse_step_says_the_step_is_too_coarse() -> None:
    with pytest.raises(hh.UnstableStepError, match=r"dt = 0.1 ms is too coarse"):
        hh.simulate(hh.DEFAULT_PULSE, 30.0, dt=0.1)


def test_first_spike_names_its_coarse_run_when_that_run_is_unstable() -> None:
    """first_spike(dt=0.05) also runs at 2 dt = 0.1 ms for its error estimate: the error says so."""
    with pytest.raises(hh.UnstableStepError, match=r"dt = 0.1 ms .*first_spike\(dt=0.05\)"):
        hh.first_spike(dt=0.05)
    assert hh.first_spike(dt=0.03).time.value == pytest.approx(0.9745, abs=1e-3)


@pytest.mark.parametrize("method,rtol", [("DOP853", r) for r in (1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-8)]
                         + [(m, r) for m in ("RK45", "RK23", "LSODA", "Radau", "BDF") for r in (1e-2, 1e-4)])
def test_adaptive_methods_run_at_every_tolerance(method: str, rtol: float) -> None:
    """Loose tolerances make trial steps that would overflow an exponential: the right-hand side
    answers NaN, the solver shrinks the step, and the run ends with the same seven spikes."""
    trace = hh.simulate(hh.step(10.0, start=5.0), 100.0, method=method, rtol=rtol)
    assert np.all(np.isfinite(trace.v)) and hh.spike_times(trace).size == 7


def test_right_hand_side_answers_nan_where_an_exponential_would_overflow() -> None:
    f = hh._derivatives(hh.HHParams())
    assert all(np.isnan(x) for x in f(-1e5, 0.5, 0.5, 0.5, 0.0))
    assert all(np.isfinite(x) for x in f(-1000.0, 0.5, 0.5, 0.5, 0.0))


@pytest.mark.parametrize("setting,value", [("dt", 0.0), ("dt", -0.01), ("dt", float("nan")), ("duration", 0.0),
                                           ("duration", float("inf")), ("rtol", 0.0)])
def test_a_setting_that_is_not_a_positive_number_is_named(setting: str, value: float) -> None:
    with pytest.raises(ValueError, match=f"{setting} must be a positive number"):
        hh.simulate(hh.step(10.0), **{"duration": 10.0, setting: value})


# --- Fixed points, the Jacobian, Hopf points -------------------------------------------------------


def test_equilibrium_is_the_resting_state_and_a_zero_of_the_right_hand_side() -> None:
    assert np.allclose(hh.equilibrium(0.0), hh.resting_state(), rtol=0, atol=1e-10)
    f = hh._derivatives(hh.HHParams())
    for current in (0.0, 50.0, 200.0):
        state = hh.equilibrium(current)
        assert max(abs(x) for x in f(*state, current)[:4]) < 1e-10
        assert len(hh.equilibria(current)) == 1


def test_jacobian_matches_the_symbolic_jacobian_of_the_handouts_equations() -> None:
    """SymPy differentiates the handout's own equations (an independent source of the model);
    the simulator's finite differences of its scalar code must agree to 1e-8 of the largest entry."""
    import sympy as sp

    from derive.library import hodgkin_huxley as lib

    current = 20.0
    setting = {**lib.REDUCED, lib.I_ext: current}
    rates = [lib.derivation.step(label).claim.rhs.xreplace(setting)
             for label in ("voltage-rate", "m-rate", "h-rate", "n-rate")]
    symbolic = sp.lambdify((lib.V, lib.m, lib.h, lib.n), sp.Matrix(rates).jacobian([lib.V, lib.m, lib.h, lib.n]))
    for state in (hh.equilibrium(0.0), hh.State(-20.0, 0.6, 0.3, 0.5), hh.State(-54.9, 0.1, 0.5, 0.4)):
        exact = np.array(symbolic(*state), dtype=float)
        numeric = hh.jacobian(state, current)
        assert np.max(np.abs(numeric - exact)) <= 1e-8 * np.max(np.abs(exact)), numeric - exact


def test_two_hopf_points_bound_the_currents_at_which_the_fixed_point_is_unstable() -> None:
    lower, upper = hh.hopf_points()
    assert 9.0 < lower.current.value < 10.5 and 150.0 < upper.current.value < 160.0
    assert lower.loses_stability and not upper.loses_stability
    assert lower.current.stderr < 1e-6 and upper.current.stderr < 1e-6
    for point, sign in ((lower, 1.0), (upper, -1.0)):
        below = hh.eigenvalues(point.current.value - 0.01)[0].real
        above = hh.eigenvalues(point.current.value + 0.01)[0].real
        assert sign * below < 0.0 < sign * above


def test_the_oscillation_near_the_upper_hopf_point_has_the_hopf_frequency() -> None:
    """The simulated orbit just below the upper Hopf point oscillates at the imaginary part of
    the eigenvalue pair (from the Jacobian), and just above it the oscillation dies out."""
    _, upper = hh.hopf_points()
    near = hh.firing(upper.current.value - 4.0)
    assert near.regime is hh.Regime.OSCILLATION_BELOW_0_MV
    assert near.frequency.value == pytest.approx(upper.frequency, rel=0.02)
    beyond = hh.firing(upper.current.value + 30.0)
    assert beyond.regime is hh.Regime.DEPOLARISATION_BLOCK and beyond.settled


# --- Regimes of a current step ----------------------------------------------------------------------


def test_firing_reports_rest_spikes_oscillation_below_0_mV_and_block() -> None:
    rest, spikes, below, block = (hh.firing(i) for i in (3.0, 10.0, 100.0, 200.0))
    assert rest.regime is hh.Regime.REST and rest.rate.value == 0.0 == rest.frequency.value
    assert rest.peak.value == pytest.approx(hh.equilibrium(3.0).v, abs=1e-12)
    assert spikes.regime is hh.Regime.REPETITIVE_SPIKES and spikes.rate == spikes.frequency
    assert 60.0 < spikes.rate.value < 75.0 and spikes.peak.value > 20.0
    assert below.regime is hh.Regime.OSCILLATION_BELOW_0_MV and below.rate.value == 0.0
    assert below.peak.value < -10.0 and 8.0 < below.amplitude.value < 58.0
    assert 134.0 < below.frequency.value < 169.0 and below.frequency.stderr < 1e-3
    assert block.regime is hh.Regime.DEPOLARISATION_BLOCK and block.amplitude.value == 0.0
    assert all(f.settled for f in (rest, spikes, below, block))


def test_the_rate_is_uncertain_when_the_peak_is_within_its_errors_of_0_mV() -> None:
    """At a coarse step, close to the upper edge, 0 mV lies within 10 errors of the peak: the rate
    may be 0 or the frequency, and its error says so (never a false 0 +- 0)."""
    edge = hh.firing(62.874, dt=0.04)
    assert abs(edge.peak.value) < 10.0 * edge.peak.stderr
    assert edge.rate.stderr >= edge.frequency.value > 100.0


def test_upper_edge_of_repetitive_firing_is_where_the_peak_falls_through_0_mV() -> None:
    """The bisection on the settled peak (rk4) against the other integrator: DOP853 sees the last
    peaks (located on its dense output) of a long step 0.02 uA/cm^2 below the edge above 0 mV, and
    0.02 above it below (the peak falls by about 0.55 mV per uA/cm^2 there)."""
    edge = hh.repetitive_firing_upper_edge(precision=1e-4, tolerance=1e-7)
    assert 62.0 < edge.value < 64.0 and edge.stderr < 5e-4
    for offset, crosses in ((-0.02, True), (0.02, False)):
        trace = hh.simulate(hh.step(edge.value + offset), 300.0, method="DOP853", rtol=1e-10)
        times, peaks = hh.spike_peaks(trace, threshold=-30.0)
        late = peaks[times > 200.0]
        assert late.size > 5 and bool(np.all(late > 0.0)) is crosses and bool(np.all(late < 0.0)) is not crosses
    assert hh.fires_repetitively(edge.value - 0.2) and not hh.fires_repetitively(edge.value + 0.2)


def test_refractory_periods_at_a_coarse_step_name_the_step_not_a_second_spike() -> None:
    with pytest.raises(ValueError, match=r"refractory_periods\(dt=0.05\): at 2 dt = 0.1 ms"):
        hh.refractory_periods(dt=0.05)


# --- the V-n reduction -------------------------------------------------------------------------------

def test_reduced_model_rests_near_the_full_model_and_has_a_kick_threshold():
    from derive.sim import hodgkin_huxley as model

    v, n = model.reduced_rest()
    assert abs(v - model.resting_state().v) < 0.5 and abs(n - model.resting_state().n) < 0.01
    dv, dn = model.reduced_derivatives(v, n)
    assert abs(float(dv)) < 1e-9 and abs(float(dn)) < 1e-11
    assert model.reduced_trajectory(3.0).v.max() < -55.0  # sub-threshold: back to rest
    assert model.reduced_trajectory(7.0).v.max() > 40.0  # a spike
    assert 3.0 < model.reduced_kick_threshold(precision=0.05) < 7.0
