"""The RC membrane integrator against the exact exponential relaxation.

Expected values are the closed-form solution V(t) = V_inf + (V0 - V_inf) exp(-t / tau),
tau = C / sum g, V_inf = (sum g E + I) / sum g; the integrator never uses it. A computed value
agrees when it is within 10 times its error estimate, with a floor at rounding level.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from derive.estimate import Estimate
from derive.sim import rc_membrane as rc

# a leaky patch, per cm^2: uF, mS, mV, uA (time in ms); K, Na and leak channels at rest
CAPACITANCE = 1.0
CONDUCTANCES = (0.367, 0.0106, 0.3)
REVERSALS = (-77.0, 50.0, -54.4)
INITIAL = -65.0
CURRENT = 2.5
ERROR_MULTIPLE = 10.0


def relaxation(t: float, initial: float = INITIAL, current: float = CURRENT) -> float:
    total = sum(CONDUCTANCES)
    settled = (sum(g * e for g, e in zip(CONDUCTANCES, REVERSALS)) + current) / total
    return settled + (initial - settled) * math.exp(-t * total / CAPACITANCE)


def assert_computed_agrees(estimate: Estimate, expected: float, scale: float = 100.0) -> None:
    assert estimate.computed
    tolerance = max(ERROR_MULTIPLE * estimate.stderr, 1e-12 * scale)
    assert abs(estimate.value - expected) <= tolerance, (
        f"{estimate.value!r} vs exact {expected!r}, error estimate {estimate.stderr:.3g}"
    )
    assert estimate.stderr <= 1e-8 * scale


@pytest.mark.parametrize("t", [0.0, 0.05, 0.5, 1.5, 4.0, 20.0])
def test_rc_voltage_relaxes_exponentially(t: float) -> None:
    v = rc.voltage_at(t, CAPACITANCE, CONDUCTANCES, REVERSALS, INITIAL, CURRENT)
    assert_computed_agrees(v, relaxation(t))


def test_after_one_time_constant_the_voltage_has_gone_1_minus_1_over_e_of_the_way() -> None:
    tau = CAPACITANCE / sum(CONDUCTANCES)
    start = rc.voltage_at(0.0, CAPACITANCE, CONDUCTANCES, REVERSALS, INITIAL, CURRENT).value
    late = rc.voltage_at(60 * tau, CAPACITANCE, CONDUCTANCES, REVERSALS, INITIAL, CURRENT).value
    at_tau = rc.voltage_at(tau, CAPACITANCE, CONDUCTANCES, REVERSALS, INITIAL, CURRENT).value
    assert (at_tau - start) / (late - start) == pytest.approx(1 - math.exp(-1), rel=1e-9)


def test_without_current_the_voltage_settles_at_the_conductance_weighted_reversal() -> None:
    v = rc.voltage_at(200.0, CAPACITANCE, CONDUCTANCES, REVERSALS, 0.0)
    expected = sum(g * e for g, e in zip(CONDUCTANCES, REVERSALS)) / sum(CONDUCTANCES)
    assert_computed_agrees(v, expected)


def test_a_current_pulse_charges_and_then_discharges_the_membrane() -> None:
    """I = 10 between 1 and 3 ms: exponential approach to a higher level, then back."""
    on, off, amplitude = 1.0, 3.0, 10.0

    def pulse(t: float) -> float:
        return amplitude if on <= t < off else 0.0

    rest = relaxation(on, current=0.0)
    top = relaxation(off - on, initial=rest, current=amplitude)
    for t in [0.5, 2.0, 3.0, 5.0]:
        if t <= on:
            expected = relaxation(t, current=0.0)
        elif t <= off:
            expected = relaxation(t - on, initial=rest, current=amplitude)
        else:
            expected = relaxation(t - off, initial=top, current=0.0)
        v = rc.voltage_at(t, CAPACITANCE, CONDUCTANCES, REVERSALS, INITIAL, pulse, breakpoints=(on, off))
        assert_computed_agrees(v, expected)


@pytest.mark.parametrize("rtol", [1e-4, 1e-6, 1e-8])
def test_error_estimates_are_honest(rtol: float) -> None:
    """At loose tolerances too, the true error stays below the error estimate."""
    for t in [0.3, 2.0, 7.0]:
        v = rc.voltage_at(t, CAPACITANCE, CONDUCTANCES, REVERSALS, INITIAL, CURRENT, rtol=rtol)
        assert abs(v.value - relaxation(t)) <= v.stderr + 1e-12 * 100.0
        assert v.stderr <= 10 * rtol * 100.0  # and it is of the size the tolerance asks for


def test_voltage_trace_matches_the_exact_curve() -> None:
    times = np.array([3.0, 0.0, 0.2, 1.0, 10.0])  # any order
    trace = rc.voltage_trace(times, CAPACITANCE, CONDUCTANCES, REVERSALS, INITIAL, CURRENT)
    expected = [relaxation(t) for t in times]
    assert np.allclose(trace, expected, rtol=0, atol=1e-7)


def test_inputs_are_checked() -> None:
    with pytest.raises(ValueError, match="one reversal potential per conductance"):
        rc.voltage_at(1.0, CAPACITANCE, (1.0, 2.0), (0.0,), 0.0)
    with pytest.raises(ValueError, match=">= 0"):
        rc.voltage_at(-1.0, CAPACITANCE, CONDUCTANCES, REVERSALS, INITIAL)


def test_sodium_run_down_starts_at_the_rate_of_the_resting_sodium_leak():
    """The pump stopped: [Na]_in rises at -2 I_Na/(F a), I_Na = g_Na (V_rest - E_Na) (mM/s)."""
    faraday, radius, kT = 96485.33212, 0.0238, 24.08
    total = sum(CONDUCTANCES)
    rest = sum(g * e for g, e in zip(CONDUCTANCES, REVERSALS)) / total
    expected = -2 * CONDUCTANCES[1] * (rest - REVERSALS[1]) / (faraday * radius)
    rate = rc.sodium_run_down(CAPACITANCE, CONDUCTANCES, REVERSALS, radius, faraday, kT, 440.0)
    assert rate.computed
    assert abs(rate.value - expected) <= max(ERROR_MULTIPLE * rate.stderr, 1e-9 * expected)
    assert rate.stderr < 1e-3 * expected
