"""The Hodgkin-Huxley model of the squid giant axon, integrated two independent ways.

The model (A. L. Hodgkin and A. F. Huxley, J. Physiol. 117, 500 (1952)) in the modern
convention, shifted so that rest is near -65 mV: V in mV, t in ms, currents in uA/cm^2,
conductances in mS/cm^2, capacitance in uF/cm^2, charges in nC/cm^2 (uA/cm^2 x ms):

    C dV/dt = I_ext(t) - g_Na m^3 h (V - E_Na) - g_K n^4 (V - E_K) - g_L (V - E_L)
    dx/dt   = phi (alpha_x(V) (1 - x) - beta_x(V) x)        for the gates x = m, h, n

with the rates of `gate_rates` (1/ms at 6.3 C) and phi = 3^((T - 6.3)/10). A user asking "what
if g_Na were halved?" writes

    p = HHParams().replace(g_na=60.0)
    trace = simulate(pulse(40.0, width=0.5), 30.0, p)   # 40 uA/cm^2 for 0.5 ms at t = 0
    spike_times(trace)

Two integrators, sharing nothing but the model's right-hand side:

* "rk4": classical fixed-step Runge-Kutta written here, on a grid that puts every switch of
  the stimulus on a grid point (a jump inside a step would cost the fourth order). Between
  grid points, V is one RK4 step of the needed length from the grid point before, so spike
  times and peaks located on it converge at the fourth order, like the grid values. Every
  quantity the module measures with it is computed at dt and at 2 dt, and the error of the
  fine value is estimated as |fine - coarse| / 15 (Richardson, `Estimate.from_refinement`).
  About 6 us per step (pure Python floats: a numpy call per scalar would cost more than the
  arithmetic): 100 ms at dt = 0.01 ms takes 0.06 s. Being explicit, it is stable only for
  steps below about 0.075-0.09 ms at 6.3 C (STABLE_DT); a run that diverges raises
  UnstableStepError naming the step (functions that also run at 2 dt say so), never an
  OverflowError.
* any `scipy.integrate.solve_ivp` method ("DOP853" by default, rtol 1e-10), restarted at
  every switch of the stimulus, with dense output for crossings and peaks; 100 ms in 0.3 s.
  Every method runs at every tolerance: where a trial step is so long that an exponential
  would overflow, the right-hand side answers NaN and the solver shrinks the step.

Both carry the sodium charge Q_Na(t) = -integral of I_Na dt (positive for the inward current)
as a fifth variable, so the charge per spike is as accurate as the spike.

What the module measures, by bisection where a threshold is involved (each function states
its definition and precision), with the values at the defaults (6.3 C) and the times on one
core of a 2-core Xeon VM (benchmarks/sim_hodgkin_huxley_times.py; ~3 s for all of them):

    resting_state            V = -64.9964 mV (a root of the 4-D right-hand side)
    first_spike              0.974524 ms and 40.75370 mV for 40 uA/cm^2 x 0.5 ms; rk4 0.03 s,
                             DOP853 0.15 s, agreeing within their error estimates
    threshold                13.275123 +- 5e-6 uA/cm^2 for a 0.5 ms pulse; 0.15 s
    refractory_periods       absolute 6.71898 ms (test pulse 10 x threshold), relative 15.44665 ms
                             (1.1 x threshold), each +- 3e-5 ms; 0.4 s
    repetitive_firing_onset  6.2605 +- 0.0015 uA/cm^2; 1.3 s
    repetitive_firing_upper_edge  62.87427 +- 7e-5 uA/cm^2: above it the orbit peaks below 0 mV; 2.4 s
    hopf_points              9.775438 and 154.522434 uA/cm^2 (+- 1e-9; 93 and 169 Hz): the fixed point
                             (`equilibrium`) is unstable between them (`jacobian`, `eigenvalues`); 0.2 s
    firing, fi_curve         the regime (rest, repetitive spikes, oscillation below 0 mV,
                             depolarisation block) with frequency, peak and trough: 55.06 Hz at 6.5,
                             68.32 at 10, 117.04 at 50 uA/cm^2 (errors ~4e-5 Hz); an oscillation of
                             126.5-169 Hz peaking below 0 mV from 62.9 to 154.5; 0.1-0.3 s per current
    sodium_charge_per_spike  1396.99 nC/cm^2 against C dV = 105.750: ratio 13.210 (3.958 at
                             18.5 C); 0.06 s
    voltage_clamp            the gates to ~1e-11; 0.01 s

The gates under an ideal voltage clamp are integrated numerically: the closed-form relaxation
is what a check compares them with, so it is not used here.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import math
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple, TypeVar

import numpy as np
from scipy import integrate, optimize

from derive.estimate import Estimate

REFERENCE_TEMPERATURE = 6.3  # C: the temperature of the rate functions below
Q10 = 3.0
RK4_ORDER = 4
DEFAULT_DT = 0.01  # ms at 6.3 C; divided by the rate factor at higher temperatures
DEFAULT_RTOL = 1e-10
SPIKE_LEVEL = 0.0  # mV: an action potential is an upward crossing of this level


# --- Parameters and the stimulus ------------------------------------------------------------


@dataclass(frozen=True)
class HHParams:
    """The membrane's parameters; the defaults are Hodgkin and Huxley's squid axon at 6.3 C.

    Frozen, so a variant is made with `replace`: `HHParams().replace(g_na=60.0)`.
    Units: mS/cm^2, mV, uF/cm^2, degrees C.
    """

    g_na: float = 120.0
    g_k: float = 36.0
    g_l: float = 0.3
    e_na: float = 50.0
    e_k: float = -77.0
    e_l: float = -54.387
    c_m: float = 1.0
    temperature: float = REFERENCE_TEMPERATURE

    @property
    def rate_factor(self) -> float:
        """phi = 3^((T - 6.3)/10): every gate rate is multiplied by it."""
        return Q10 ** ((self.temperature - REFERENCE_TEMPERATURE) / 10.0)

    def replace(self, **changes: float) -> HHParams:
        """A copy with some parameters changed."""
        return dataclasses.replace(self, **changes)

    def default_dt(self) -> float:
        """The rk4 step the module uses unless told otherwise: 0.01 ms / max(phi, 1)."""
        return DEFAULT_DT / max(self.rate_factor, 1.0)


@dataclass(frozen=True)
class Pulse:
    """A rectangular current pulse: `amplitude` uA/cm^2 from `start` for `width` ms (inf: a step)."""

    amplitude: float
    start: float = 0.0
    width: float = math.inf

    @property
    def stop(self) -> float:
        return self.start + self.width


@dataclass(frozen=True)
class Stimulus:
    """A piecewise-constant injected current: the sum of its pulses. Stimuli add with `+`.

    Any callable current(t) -> uA/cm^2 can be used instead; give it a `breakpoints` attribute
    (times of its jumps) if it has any, or the integrators lose accuracy at the jumps.
    """

    pulses: tuple[Pulse, ...] = ()

    def __call__(self, t: float) -> float:
        return sum((p.amplitude for p in self.pulses if p.start <= t < p.stop), 0.0)

    def __add__(self, other: Stimulus) -> Stimulus:
        return Stimulus(self.pulses + other.pulses)

    @property
    def breakpoints(self) -> tuple[float, ...]:
        """The times at which the current jumps."""
        edges = {p.start for p in self.pulses} | {p.stop for p in self.pulses if p.stop < math.inf}
        return tuple(sorted(edges))

    def scaled(self, factor: float) -> Stimulus:
        """The same pulses with every amplitude multiplied by `factor`."""
        return Stimulus(tuple(dataclasses.replace(p, amplitude=factor * p.amplitude) for p in self.pulses))


def pulse(amplitude: float, start: float = 0.0, width: float = 0.5) -> Stimulus:
    """One rectangular pulse of `amplitude` uA/cm^2 from `start` for `width` ms."""
    return Stimulus((Pulse(amplitude, start, width),))


def step(amplitude: float, start: float = 0.0) -> Stimulus:
    """A constant current of `amplitude` uA/cm^2 switched on at `start` and left on."""
    return Stimulus((Pulse(amplitude, start),))


NO_STIMULUS = Stimulus()
DEFAULT_PULSE = pulse(40.0, 0.0, 0.5)  # fires from rest for 6.3-25 C, and with g_Na halved
Protocol = Callable[[float], float]


# --- Rates and the right-hand side ----------------------------------------------------------


def _x_over_expm1(x: np.ndarray) -> np.ndarray:
    """x / (exp(x) - 1), equal to 1 at x = 0 (a removable singularity), vectorised.

    expm1 keeps the ratio accurate to rounding for every x != 0 (no cancellation in
    exp(x) - 1); x = 0 exactly is replaced by the limit.
    """
    x = np.asarray(x, dtype=float)
    zero = x == 0.0
    safe = np.where(zero, 1.0, x)
    return np.where(zero, 1.0, safe / np.expm1(safe))


class GateRates(NamedTuple):
    """Opening (alpha) and closing (beta) rates of the three gates, 1/ms."""

    alpha_m: np.ndarray
    beta_m: np.ndarray
    alpha_h: np.ndarray
    beta_h: np.ndarray
    alpha_n: np.ndarray
    beta_n: np.ndarray


def gate_rates(v: float | np.ndarray, params: HHParams | None = None) -> GateRates:
    """The six rates at membrane potential(s) `v` (mV), including the temperature factor.

    alpha_n = 0.01 (V + 55) / (1 - exp(-(V + 55)/10)) and
    alpha_m = 0.1 (V + 40) / (1 - exp(-(V + 40)/10))
    are 0/0 at V = -55 and -40 mV. Written as 0.1 x/expm1(x) with x = -(V + 55)/10, and as
    x/expm1(x) with x = -(V + 40)/10, they are smooth there, with the limits 0.1 and 1 /ms.
    """
    phi = (params or HHParams()).rate_factor
    v = np.asarray(v, dtype=float)
    return GateRates(
        alpha_m=phi * _x_over_expm1(-(v + 40.0) / 10.0),
        beta_m=phi * 4.0 * np.exp(-(v + 65.0) / 18.0),
        alpha_h=phi * 0.07 * np.exp(-(v + 65.0) / 20.0),
        beta_h=phi / (1.0 + np.exp(-(v + 35.0) / 10.0)),
        alpha_n=phi * 0.1 * _x_over_expm1(-(v + 55.0) / 10.0),
        beta_n=phi * 0.125 * np.exp(-(v + 65.0) / 80.0),
    )


Derivatives = Callable[[float, float, float, float, float], tuple[float, float, float, float, float]]
NAN_DERIVATIVES = (math.nan,) * 5


def _derivatives(params: HHParams) -> Derivatives:
    """The right-hand side as a fast scalar function (plain floats and `math`: a numpy call
    on one number costs more than the arithmetic).

    f(V, m, h, n, I_ext) -> (dV/dt, dm/dt, dh/dt, dn/dt, -I_Na); the last is the rate of the
    sodium charge entering (uA/cm^2). The same formulas as `gate_rates` (a test checks it).
    Never raises: where an exponential would overflow (|V| > ~7000 mV, reached only by an
    integration that diverges) it returns NaNs, which an adaptive solver answers by shrinking its
    step and the RK4 loop reports as a step too coarse for stability.
    """
    phi = params.rate_factor
    g_na, g_k, g_l = params.g_na, params.g_k, params.g_l
    e_na, e_k, e_l = params.e_na, params.e_k, params.e_l
    inv_c = 1.0 / params.c_m
    exp, expm1 = math.exp, math.expm1
    a_n0, b_n0, b_m0, a_h0 = 0.1 * phi, 0.125 * phi, 4.0 * phi, 0.07 * phi

    def f(v: float, m: float, h: float, n: float, current: float) -> tuple[float, float, float, float, float]:
        try:
            x = -0.1 * (v + 55.0)
            alpha_n = a_n0 * (x / expm1(x) if x else 1.0)
            x = -0.1 * (v + 40.0)
            alpha_m = phi * (x / expm1(x) if x else 1.0)
            u = v + 65.0
            beta_n = b_n0 * exp(-0.0125 * u)
            beta_m = b_m0 * exp(-u / 18.0)
            alpha_h = a_h0 * exp(-0.05 * u)
            beta_h = phi / (1.0 + exp(-0.1 * (v + 35.0)))
        except OverflowError:  # |V| of thousands of mV: a diverging integration, never a membrane
            return NAN_DERIVATIVES
        i_na = g_na * m * m * m * h * (v - e_na)
        n2 = n * n
        dv = (current - i_na - g_k * n2 * n2 * (v - e_k) - g_l * (v - e_l)) * inv_c
        return (dv, alpha_m * (1.0 - m) - beta_m * m, alpha_h * (1.0 - h) - beta_h * h,
                alpha_n * (1.0 - n) - beta_n * n, -i_na)

    return f


class State(NamedTuple):
    """The membrane's state: V (mV) and the gates m, h, n (open probabilities)."""

    v: float
    m: float
    h: float
    n: float


def resting_state(params: HHParams | None = None, current: float = 0.0) -> State:
    """The fixed point of the model with a constant current (0: rest), by scipy.optimize.root
    on the 4-D right-hand side from the guess (-65 mV, 0.05, 0.6, 0.32).

    Raises RuntimeError if the root finder fails. (For large currents the fixed point may be
    unstable: this finds it all the same.)
    """
    f = _derivatives(params or HHParams())
    scale = np.array([1.0, 0.01, 0.01, 0.01])  # dV/dt is in mV/ms, the gates' rates are ~100x smaller

    def residual(y: np.ndarray) -> np.ndarray:
        return np.array(f(*y, current)[:4]) / scale

    solution = optimize.root(residual, np.array([-65.0, 0.05, 0.6, 0.32]), method="hybr", tol=1e-14)
    # judged by the residual: at tol=1e-14 hybr may report that it can improve no further
    gates = solution.x[1:]
    if np.max(np.abs(residual(solution.x))) > 1e-10 or np.any((gates < 0.0) | (gates > 1.0)):
        raise RuntimeError(f"no fixed point found: {solution.message}")
    return State(*(float(y) for y in solution.x))


# --- Fixed points and their stability ----------------------------------------------------------


def _steady_gates(v: float | np.ndarray, params: HHParams) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """m, h, n at their steady values alpha / (alpha + beta) at V (mV)."""
    r = gate_rates(v, params)
    return (r.alpha_m / (r.alpha_m + r.beta_m), r.alpha_h / (r.alpha_h + r.beta_h),
            r.alpha_n / (r.alpha_n + r.beta_n))


def steady_current(v: float | np.ndarray, params: HHParams | None = None) -> np.ndarray:
    """The constant current (uA/cm^2) that holds the membrane at V (mV) for ever: the ionic current
    with every gate at its steady value. A fixed point at current I is a root of steady_current(V) - I."""
    params = params or HHParams()
    v = np.asarray(v, dtype=float)
    m, h, n = _steady_gates(v, params)
    return (params.g_na * m**3 * h * (v - params.e_na) + params.g_k * n**4 * (v - params.e_k)
            + params.g_l * (v - params.e_l))


EQUILIBRIUM_RANGE = (-200.0, 200.0)  # mV searched for fixed points


def equilibria(current: float = 0.0, params: HHParams | None = None) -> list[State]:
    """Every fixed point under a constant `current` (uA/cm^2), lowest V first: the roots of
    steady_current(V) = current in EQUILIBRIUM_RANGE (sign changes on a 0.1 mV grid, then brentq
    to rounding), with the gates at their steady values. One for Hodgkin and Huxley's parameters,
    whose steady current rises with V; a changed model may have three."""
    params = params or HHParams()
    grid = np.arange(EQUILIBRIUM_RANGE[0], EQUILIBRIUM_RANGE[1] + 0.05, 0.1)
    excess = steady_current(grid, params) - current
    states = []
    for k in np.flatnonzero(np.sign(excess[:-1]) != np.sign(excess[1:])):
        v = optimize.brentq(lambda x: float(steady_current(x, params)) - current, grid[k], grid[k + 1],
                            xtol=1e-13, rtol=4 * np.finfo(float).eps)
        states.append(State(v, *(float(x) for x in _steady_gates(v, params))))
    return states


def equilibrium(current: float = 0.0, params: HHParams | None = None) -> State:
    """The fixed point under a constant `current` (uA/cm^2). Raises ValueError unless there is
    exactly one in EQUILIBRIUM_RANGE (then use `equilibria`). Agrees with `resting_state`, which
    finds it by a 4-D root finder instead."""
    found = equilibria(current, params)
    if len(found) != 1:
        raise ValueError(f"current = {current:g} uA/cm^2: expected one fixed point between "
                         f"{EQUILIBRIUM_RANGE[0]:g} and {EQUILIBRIUM_RANGE[1]:g} mV, found {len(found)} "
                         "(equilibria() lists them)")
    return found[0]


JACOBIAN_STEPS = (1e-3, 1e-5)  # finite-difference steps for V (mV) and for the gates


def jacobian(state: Sequence[float], current: float = 0.0, params: HHParams | None = None,
             scale: float = 1.0) -> np.ndarray:
    """The 4 x 4 Jacobian d(dV/dt, dm/dt, dh/dt, dn/dt) / d(V, m, h, n) at `state` (V, m, h, n)
    under a constant `current`, in 1/ms (row V: mV/ms per unit of the column's variable).

    Fourth-order central differences of the integrators' own right-hand side, with steps
    JACOBIAN_STEPS x `scale` (truncation ~1e-12, rounding ~1e-11 relative); `scale` = 2 gives a
    second estimate, for an error. A test compares it with SymPy's symbolic Jacobian."""
    f = _derivatives(params or HHParams())
    x0 = np.array([float(s) for s in state[:4]])
    out = np.empty((4, 4))
    for j in range(4):
        h = (JACOBIAN_STEPS[0] if j == 0 else JACOBIAN_STEPS[1]) * scale
        columns = []
        for k in (2.0, 1.0, -1.0, -2.0):
            x = x0.copy()
            x[j] += k * h
            columns.append(np.array(f(*x.tolist(), current)[:4]))
        out[:, j] = (-columns[0] + 8.0 * columns[1] - 8.0 * columns[2] + columns[3]) / (12.0 * h)
    return out


def eigenvalues(current: float = 0.0, params: HHParams | None = None) -> np.ndarray:
    """Eigenvalues (1/ms) of the Jacobian at the fixed point under `current`, largest real part
    first: all real parts negative means the fixed point is stable."""
    values = np.linalg.eigvals(jacobian(equilibrium(current, params), current, params))
    return values[np.argsort(-values.real)]


@dataclass(frozen=True)
class HopfPoint:
    """A current (uA/cm^2) at which a complex pair of the fixed point's eigenvalues crosses the
    imaginary axis, the frequency (Hz) of that pair there, and the fixed point."""

    current: Estimate
    frequency: float
    state: State
    loses_stability: bool  # True where the fixed point turns unstable as the current rises


HOPF_SCAN = (0.0, 400.0, 2.0)  # uA/cm^2: start, stop and spacing of the search for sign changes


def _largest_real_part(current: float, params: HHParams, scale: float = 1.0) -> float:
    state = equilibrium(current, params)
    return float(np.max(np.linalg.eigvals(jacobian(state, current, params, scale)).real))


def hopf_points(params: HHParams | None = None, scan: tuple[float, float, float] = HOPF_SCAN
                ) -> tuple[HopfPoint, ...]:
    """The Hopf points of the fixed point, by increasing current: where the largest real part of
    the Jacobian's eigenvalues changes sign (found on the grid `scan`, then by brentq to 1e-10).

    Each is found twice, with the Jacobian's finite-difference steps and with twice them; the error
    is the difference plus the root's bracket. For Hodgkin and Huxley's squid axon at 6.3 C: about
    9.78 uA/cm^2 (the resting state loses stability; a subcritical Hopf point, so the neuron already
    fires from 6.26) and 154.5 uA/cm^2 (stability regained: depolarisation block)."""
    return _hopf_points(params or HHParams(), tuple(scan))


@functools.lru_cache(maxsize=16)
def _hopf_points(params: HHParams, scan: tuple[float, float, float]) -> tuple[HopfPoint, ...]:
    grid = np.arange(scan[0], scan[1] + 0.5 * scan[2], scan[2])
    largest = [_largest_real_part(i, params) for i in grid]
    points = []
    for k in range(len(grid) - 1):
        if (largest[k] < 0.0) == (largest[k + 1] < 0.0):
            continue
        found = [optimize.brentq(lambda i: _largest_real_part(i, params, scale), grid[k], grid[k + 1],
                                 xtol=1e-10, rtol=4 * np.finfo(float).eps) for scale in (1.0, 2.0)]
        state = equilibrium(found[0], params)
        values = np.linalg.eigvals(jacobian(state, found[0], params))
        pair = values[np.argmax(values.real)]
        if pair.imag == 0.0:
            continue  # a real eigenvalue crossing zero is not a Hopf point
        points.append(HopfPoint(Estimate(found[0], abs(found[0] - found[1]) + 1e-10, 1, computed=True),
                                float(1000.0 * abs(pair.imag) / (2.0 * math.pi)), state, bool(largest[k] < 0.0)))
    return tuple(points)


# --- The trace and the two integrators -------------------------------------------------------


@dataclass(frozen=True)
class Trace:
    """A simulated time course. Arrays are aligned with `times` (ms).

    v (mV), m, h, n, dvdt (mV/ms), na_charge (nC/cm^2: the sodium charge that has entered since
    t = 0). A time at which the stimulus jumps appears twice: with the derivative before the
    jump and after it. `steps` counts integration steps; `method` is "rk4" or the solve_ivp
    method. `interpolate(t)` gives (V, dV/dt) between samples at the integrator's accuracy.
    """

    times: np.ndarray
    v: np.ndarray
    m: np.ndarray
    h: np.ndarray
    n: np.ndarray
    dvdt: np.ndarray
    na_charge: np.ndarray
    params: HHParams
    method: str
    steps: int
    interpolate: Callable[[float], tuple[float, float]] = field(repr=False, compare=False)

    def final_state(self) -> State:
        """The state at the last sample, to start a following simulation from."""
        return State(float(self.v[-1]), float(self.m[-1]), float(self.h[-1]), float(self.n[-1]))

    def currents(self) -> dict[str, np.ndarray]:
        """The ionic currents I_Na, I_K, I_L (uA/cm^2, outward positive) at the samples."""
        p = self.params
        return {
            "na": p.g_na * self.m**3 * self.h * (self.v - p.e_na),
            "k": p.g_k * self.n**4 * (self.v - p.e_k),
            "l": p.g_l * (self.v - p.e_l),
        }


def _segments(protocol: Protocol, start: float, stop: float) -> list[tuple[float, float]]:
    """[t0, t1) intervals covering [start, stop] inside which the stimulus is smooth (constant,
    for a Stimulus)."""
    cuts = [t for t in getattr(protocol, "breakpoints", ()) if start < t < stop]
    edges = [start, *sorted(set(cuts)), stop]
    return list(zip(edges[:-1], edges[1:]))


def _segment_current(protocol: Protocol, t0: float, t1: float) -> float | None:
    """The constant current of a Stimulus on [t0, t1); None for a general callable."""
    return protocol(0.5 * (t0 + t1)) if isinstance(protocol, Stimulus) else None


Row = tuple[float, float, float, float, float, float, float]  # t, V, m, h, n, Q_Na, dV/dt
STABLE_DT = 0.075  # ms: rk4 found stable for steps of 0-200 and 0.5 ms pulses of 0-400 uA/cm^2 at 6.3 C


class UnstableStepError(ValueError):
    """An rk4 run diverged: its step is too coarse for the explicit integrator to be stable."""

    def __init__(self, dt: float, time: float, context: str = "") -> None:
        self.dt, self.time = dt, time
        super().__init__(
            f"dt = {dt:g} ms is too coarse for the rk4 integrator: the run became unstable and diverged "
            f"at t = {time:.4g} ms{context}. At 6.3 C steps up to {STABLE_DT:g} ms are stable for currents up to "
            "200 uA/cm^2 (steps up to 0.09 ms for weaker ones; stronger currents and warmer membranes need "
            "smaller steps); use a smaller dt or an adaptive method (method='LSODA' or 'DOP853')")


def _rk4_run(
    f: Derivatives,
    protocol: Protocol,
    start: float,
    stop: float,
    dt: float,
    initial: Sequence[float],
    record: bool = True,
    stop_after: int | None = None,
    level: float = SPIKE_LEVEL,
    crossing_times: list[float] | None = None,
) -> tuple[list[Row], Row, int, int]:
    """Classical RK4 from `initial` (V, m, h, n, Q) over [start, stop], segment by segment.

    Each segment gets a whole number of equal steps no longer than dt. Returns (rows, final,
    steps, crossings): the rows (t, V, m, h, n, Q, dV/dt) at every grid point if `record`, the
    final row, the number of steps and the number of upward crossings of `level` seen on the
    grid. With `stop_after` = k, stops at the grid point of the k-th crossing. The grid time
    just after each crossing is appended to `crossing_times` if given.
    """
    v, m, h, n, q = initial
    rows: list[Row] = []
    steps = crossings = 0
    below = v < level
    final: Row = (start, v, m, h, n, q, math.nan)
    for t0, t1 in _segments(protocol, start, stop):
        count = max(1, math.ceil((t1 - t0) / dt - 1e-9))
        hstep = (t1 - t0) / count
        half, sixth = 0.5 * hstep, hstep / 6.0
        constant = _segment_current(protocol, t0, t1)
        i1 = i2 = i4 = constant
        for k in range(count):
            t = t0 + k * hstep
            if constant is None:
                i1, i2 = protocol(t), protocol(t + half)
                i4 = protocol(t + hstep if k < count - 1 else math.nextafter(t1, -math.inf))
            a1, b1, c1, d1, e1 = f(v, m, h, n, i1)
            if record:
                rows.append((t, v, m, h, n, q, a1))
            a2, b2, c2, d2, e2 = f(v + half * a1, m + half * b1, h + half * c1, n + half * d1, i2)
            a3, b3, c3, d3, e3 = f(v + half * a2, m + half * b2, h + half * c2, n + half * d2, i2)
            a4, b4, c4, d4, e4 = f(v + hstep * a3, m + hstep * b3, h + hstep * c3, n + hstep * d3, i4)
            v += sixth * (a1 + 2.0 * (a2 + a3) + a4)
            m += sixth * (b1 + 2.0 * (b2 + b3) + b4)
            h += sixth * (c1 + 2.0 * (c2 + c3) + c4)
            n += sixth * (d1 + 2.0 * (d2 + d3) + d4)
            q += sixth * (e1 + 2.0 * (e2 + e3) + e4)
            steps += 1
            if v != v:  # NaN: the run diverged (see _derivatives)
                raise UnstableStepError(dt, t + hstep)
            if below and v >= level:
                crossings += 1
                if crossing_times is not None:
                    crossing_times.append(t + hstep)
                if stop_after is not None and crossings >= stop_after:
                    return rows, (t + hstep, v, m, h, n, q, f(v, m, h, n, i4)[0]), steps, crossings
            below = v < level
        final = (t1, v, m, h, n, q, f(v, m, h, n, i4)[0])
        if record:
            rows.append(final)  # the segment's end, with the derivative from the left
    return rows, final, steps, crossings


def _rk4_interpolant(f: Derivatives, protocol: Protocol, table: np.ndarray
                     ) -> Callable[[float], tuple[float, float]]:
    """(V, dV/dt) at any time: one RK4 step of the needed length from the grid point before.

    A partial step of length s has local error O(s^5), below the O(dt^4) of the grid values,
    and it varies smoothly with s: so a crossing or a peak located on it converges at the
    fourth order and Richardson's estimate applies (a cubic through the grid values would add
    an interpolation error that jumps with the position of the event inside its step). At
    s = the full step it reproduces the next grid point.
    """
    t = table[:, 0]

    def at(time: float) -> tuple[float, float]:
        j = min(max(int(np.searchsorted(t, time, side="right")) - 1, 0), len(t) - 2)
        while j > 0 and t[j + 1] == t[j]:  # a repeated time (a jump of the stimulus): the step before
            j -= 1
        t0, t1 = float(t[j]), float(t[j + 1])
        s = min(max(time - t0, 0.0), t1 - t0)
        v, m, h, n = (float(x) for x in table[j, 1:5])
        if isinstance(protocol, Stimulus):
            i1 = i2 = i4 = protocol(0.5 * (t0 + t1))
        else:
            i1, i2 = protocol(t0), protocol(t0 + 0.5 * s)
            i4 = protocol(min(t0 + s, math.nextafter(t1, -math.inf)))
        half = 0.5 * s
        a1, b1, c1, d1, _ = f(v, m, h, n, i1)
        a2, b2, c2, d2, _ = f(v + half * a1, m + half * b1, h + half * c1, n + half * d1, i2)
        a3, b3, c3, d3, _ = f(v + half * a2, m + half * b2, h + half * c2, n + half * d2, i2)
        a4, b4, c4, d4, _ = f(v + s * a3, m + s * b3, h + s * c3, n + s * d3, i4)
        sixth = s / 6.0
        state = (v + sixth * (a1 + 2.0 * (a2 + a3) + a4), m + sixth * (b1 + 2.0 * (b2 + b3) + b4),
                 h + sixth * (c1 + 2.0 * (c2 + c3) + c4), n + sixth * (d1 + 2.0 * (d2 + d3) + d4))
        return state[0], f(*state, i4)[0]

    return at


def _initial(params: HHParams, initial: Sequence[float] | None) -> tuple[float, ...]:
    state = resting_state(params) if initial is None else initial
    return (*(float(x) for x in state), 0.0)


def _simulate_rk4(protocol: Protocol, start: float, stop: float, params: HHParams, dt: float,
                  initial: Sequence[float] | None) -> Trace:
    f = _derivatives(params)
    rows, _, steps, _ = _rk4_run(f, protocol, start, stop, dt, _initial(params, initial))
    table = np.array(rows)
    return Trace(table[:, 0], table[:, 1], table[:, 2], table[:, 3], table[:, 4], table[:, 6], table[:, 5],
                 params, "rk4", steps, _rk4_interpolant(f, protocol, table))


def _simulate_ivp(protocol: Protocol, start: float, stop: float, params: HHParams, method: str,
                  rtol: float, initial: Sequence[float] | None) -> Trace:
    f = _derivatives(params)
    y = np.array(_initial(params, initial))
    atol = rtol * np.array([100.0, 1.0, 1.0, 1.0, 100.0])  # mV and nC/cm^2 are ~100x the gates
    pieces, samples, steps = [], [], 0
    for t0, t1 in _segments(protocol, start, stop):
        constant = _segment_current(protocol, t0, t1)

        def current(t: float, c: float | None = constant, end: float = t1) -> float:
            return c if c is not None else protocol(min(t, math.nextafter(end, -math.inf)))

        def fun(t: float, y: np.ndarray, current: Callable[[float], float] = current) -> np.ndarray:
            v, m, h, n = y.tolist()[:4]  # plain floats: no numpy overflow warnings, and faster
            return np.array(f(v, m, h, n, current(t)))

        # A trial step far too long gives NaN derivatives; the solver rejects it and shrinks the step,
        # so the warnings its error norm would print are silenced.
        with np.errstate(all="ignore"):
            solution = integrate.solve_ivp(fun, (t0, t1), y, method=method, rtol=rtol, atol=atol,
                                           dense_output=True)
        if not solution.success or not np.all(np.isfinite(solution.y[:, -1])):
            raise RuntimeError(f"solve_ivp ({method}, rtol = {rtol:g}) failed on [{t0:g}, {t1:g}] ms: "
                               f"{solution.message}")
        steps += len(solution.t) - 1
        pieces.append((t0, t1, solution.sol, fun))
        for k, tk in enumerate(solution.t):
            yk = solution.y[:, k]
            samples.append((tk, *yk, fun(tk, yk)[0]))
        y = solution.y[:, -1]
    table = np.array(samples)
    starts = [p[0] for p in pieces]

    def interpolate(time: float) -> tuple[float, float]:
        t0, t1, sol, fun = pieces[max(bisect_right(starts, time) - 1, 0)]
        state = sol(min(max(time, t0), t1))
        return float(state[0]), float(fun(time, state)[0])

    return Trace(table[:, 0], table[:, 1], table[:, 2], table[:, 3], table[:, 4], table[:, 6], table[:, 5],
                 params, method, steps, interpolate)


def simulate(
    protocol: Protocol = NO_STIMULUS,
    duration: float = 50.0,
    params: HHParams | None = None,
    method: str = "rk4",
    dt: float | None = None,
    rtol: float = DEFAULT_RTOL,
    initial: Sequence[float] | None = None,
    start: float = 0.0,
) -> Trace:
    """The membrane's response to the injected current `protocol` (uA/cm^2, a function of t in
    ms) over [start, start + duration] ms.

    Starts from `initial` (V, m, h, n), by default the resting state at zero current; to go on
    from where a trace ended, pass `initial=trace.final_state()` and `start=trace.times[-1]`.
    method "rk4": fixed steps of at most dt ms (default `params.default_dt()`, 0.01 ms at
    6.3 C), about 6 us each; any other name is a solve_ivp method ("DOP853", "Radau", "LSODA",
    ...) run at relative tolerance `rtol` (absolute: 100 rtol for mV, rtol for the gates).
    """
    params = params or HHParams()
    for name, value in (("duration", duration), ("dt", dt), ("rtol", rtol)):
        if value is not None and not (math.isfinite(value) and value > 0.0):
            raise ValueError(f"{name} must be a positive number (ms for duration and dt), not {value!r}")
    if method == "rk4":
        return _simulate_rk4(protocol, start, start + duration, params, dt or params.default_dt(), initial)
    return _simulate_ivp(protocol, start, start + duration, params, method, rtol, initial)


# --- Spikes -----------------------------------------------------------------------------------


def _crossing_indices(trace: Trace, level: float) -> np.ndarray:
    """Indices k with V[k] < level <= V[k+1] (and t[k] < t[k+1]): upward crossings."""
    v, t = trace.v, trace.times
    return np.flatnonzero((v[:-1] < level) & (v[1:] >= level) & (t[1:] > t[:-1]))


def _root(g: Callable[[float], float], a: float, b: float) -> float:
    """A root of g in [a, b] (g(a), g(b) of opposite signs or zero), to rounding in t."""
    ga, gb = g(a), g(b)
    if ga == 0.0:
        return a
    if gb == 0.0:
        return b
    return optimize.brentq(g, a, b, xtol=1e-14, rtol=4 * np.finfo(float).eps)


def spike_times(trace: Trace, threshold: float = SPIKE_LEVEL) -> np.ndarray:
    """Times (ms) at which V crosses `threshold` (mV) upwards, located on the interpolant."""
    t = trace.times
    return np.array([_root(lambda s: trace.interpolate(s)[0] - threshold, t[k], t[k + 1])
                     for k in _crossing_indices(trace, threshold)])


def spike_peaks(trace: Trace, threshold: float = SPIKE_LEVEL) -> tuple[np.ndarray, np.ndarray]:
    """(times, values) of each spike's maximum of V: one per upward crossing of `threshold`.

    The maximum is where the interpolated dV/dt changes sign next to the largest sample
    between the upward crossing and the next downward one (or at that sample, if V has a
    corner there because the stimulus jumped).
    """
    t, v, dvdt = trace.times, trace.v, trace.dvdt
    ups = _crossing_indices(trace, threshold)
    downs = np.flatnonzero((v[:-1] >= threshold) & (v[1:] < threshold))
    times, values = [], []
    for k in ups:
        later = downs[downs > k]
        last = int(later[0]) if len(later) else len(v) - 1
        i = k + 1 + int(np.argmax(v[k + 1 : last + 1]))
        a, b = (i, i + 1) if dvdt[i] > 0 else (i - 1, i)
        if b < len(t) and t[b] > t[a] and dvdt[a] > 0 >= dvdt[b]:
            peak_time = _root(lambda s: trace.interpolate(s)[1], t[a], t[b])
            peak = max(trace.interpolate(peak_time)[0], v[i])
        else:
            peak_time, peak = t[i], v[i]
        times.append(peak_time)
        values.append(peak)
    return np.array(times), np.array(values)


# --- Measurements with error estimates ---------------------------------------------------------


@dataclass(frozen=True)
class FirstSpike:
    """The first action potential's upward crossing of 0 mV (ms) and peak (mV), with error estimates."""

    time: Estimate
    peak: Estimate


def first_spike(
    protocol: Protocol | None = None,
    duration: float = 20.0,
    params: HHParams | None = None,
    method: str = "rk4",
    dt: float | None = None,
    rtol: float = DEFAULT_RTOL,
) -> FirstSpike:
    """Time and peak of the first spike evoked by `protocol` (default `DEFAULT_PULSE`: 40 uA/cm^2
    for 0.5 ms at t = 0, 3 x threshold at 6.3 C), each an Estimate with computed=True.

    "rk4" runs at dt (default `params.default_dt()`) and 2 dt: error |fine - coarse| / 15.
    A solve_ivp method runs at rtol and 100 rtol: error |fine - coarse|, a generous bound (the
    error of an adaptive method shrinks about in proportion to its tolerance). The two methods
    share only the right-hand side, so their agreement within these errors checks both.
    Raises ValueError if there is no spike. Cost (default pulse): rk4 0.03 s, DOP853 0.15 s.
    """
    params = params or HHParams()
    protocol = protocol if protocol is not None else DEFAULT_PULSE

    def first(trace: Trace) -> tuple[float, float]:
        times, (_, peaks) = spike_times(trace), spike_peaks(trace)
        if not len(times):
            raise ValueError("the protocol evokes no spike")
        return float(times[0]), float(peaks[0])

    if method == "rk4":
        dt = dt or params.default_dt()
        fine, coarse = _at_two_steps(lambda h: simulate(protocol, duration, params, "rk4", h), dt, "first_spike")
        (tc, pc), (tf, pf) = first(coarse), first(fine)
        return FirstSpike(Estimate.from_refinement(tf, tc, fine.steps, RK4_ORDER),
                          Estimate.from_refinement(pf, pc, fine.steps, RK4_ORDER))
    coarse = simulate(protocol, duration, params, method, rtol=100.0 * rtol)
    fine = simulate(protocol, duration, params, method, rtol=rtol)
    (tc, pc), (tf, pf) = first(coarse), first(fine)
    return FirstSpike(Estimate(tf, abs(tf - tc), fine.steps, computed=True),
                      Estimate(pf, abs(pf - pc), fine.steps, computed=True))


def _bisect(fires: Callable[[float], bool], lo: float, hi: float, width: float) -> tuple[float, float]:
    """Narrow [lo, hi], with fires(lo) false and fires(hi) true, to at most `width`."""
    while hi - lo > width:
        middle = 0.5 * (lo + hi)
        if fires(middle):
            hi = middle
        else:
            lo = middle
    return lo, hi


def _bisect_near(fires: Callable[[float], bool], lo: float, hi: float, width: float,
                 floor: float = -math.inf) -> tuple[float, float]:
    """Like `_bisect`, from a bracket [lo, hi] that is only a guess (a coarser computation's):
    widened, doubling its width each time, until fires(lo) is false and fires(hi) true."""
    span = max(hi - lo, width)
    while fires(lo):
        lo, span = max(lo - span, floor), 2.0 * span
    while not fires(hi):
        hi, span = hi + span, 2.0 * span
    return _bisect(fires, lo, hi, width)


class _Runner:
    """rk4 runs without recording, for the yes/no questions of the bisections; counts steps."""

    def __init__(self, params: HHParams) -> None:
        self.params = params
        self.f = _derivatives(params)
        self.rest = _initial(params, None)
        self.steps = 0

    def spikes(self, protocol: Protocol, duration: float, dt: float, count: int) -> bool:
        """Whether V crosses 0 mV upwards at least `count` times in [0, duration] from rest
        (crossings seen on the grid; the run stops at the count)."""
        _, _, steps, crossings = _rk4_run(self.f, protocol, 0.0, duration, dt, self.rest,
                                          record=False, stop_after=count)
        self.steps += steps
        return crossings >= count


def _bisection_estimate(fires: Callable[[float, float], bool], lo: float, hi: float, width: float,
                        dt: float, runner: _Runner, floor: float = -math.inf) -> Estimate:
    """The switching point of fires(x, dt) (false below, true above), found by bisection to
    `width` at steps 2 dt and then dt (starting from the coarse bracket). Value: the middle of
    the fine bracket; error: half its width + |fine - coarse| / 15 + the coarse half width / 15."""
    coarse = _bisect(lambda x: fires(x, 2.0 * dt), lo, hi, width)
    before = runner.steps
    fine = _bisect_near(lambda x: fires(x, dt), coarse[0], coarse[1], width, floor)
    middle_fine, middle_coarse = 0.5 * sum(fine), 0.5 * sum(coarse)
    error = (0.5 * (fine[1] - fine[0]) + (abs(middle_fine - middle_coarse) + 0.5 * (coarse[1] - coarse[0]))
             / (2**RK4_ORDER - 1))
    return Estimate(middle_fine, error, runner.steps - before, computed=True)


def _upper_bracket(fires: Callable[[float], bool], guess: float, limit: float) -> float:
    """The first of guess, 2 guess, 4 guess, ... at which fires() is true (ValueError past limit)."""
    x = guess
    while not fires(x):
        x *= 2.0
        if x > limit:
            raise ValueError(f"no spike up to {limit:g}")
    return x


def threshold(
    width: float = 0.5,
    params: HHParams | None = None,
    precision: float = 1e-6,
    window: float = 20.0,
    dt: float | None = None,
) -> Estimate:
    """The current threshold (uA/cm^2) of a rectangular pulse of `width` ms applied at rest: the
    smallest amplitude for which V crosses 0 mV within `window` ms of the pulse's onset.

    Bisection to a bracket of relative width `precision`, at dt (default `params.default_dt()`)
    and 2 dt; the error is the half bracket plus the Richardson estimate (see
    `_bisection_estimate`). Near threshold the spike comes late (7 ms at 1e-4 above threshold,
    11 ms at 1e-8, for 0.5 ms at 6.3 C), so the 20 ms window decides to better than 1e-8.
    (The HH model has no all-or-none threshold in the strict sense: the peak grows steeply but
    continuously with the amplitude; the 0 mV criterion makes the threshold well defined.)
    About 13.275123 uA/cm^2 for 0.5 ms at 6.3 C, in 0.15 s.
    """
    params = params or HHParams()
    dt = dt or params.default_dt()
    runner = _Runner(params)

    def fires(amplitude: float, step_dt: float) -> bool:
        return runner.spikes(pulse(amplitude, 0.0, width), window, step_dt, 1)

    hi = _upper_bracket(lambda a: fires(a, 2.0 * dt), 5.0 * 0.5 / width, 1e6)
    estimate = _bisection_estimate(fires, 0.0, hi, precision * hi / 2.0, dt, runner, floor=0.0)
    return estimate


def kick_threshold(params: HHParams | None = None, precision: float = 1e-7, window: float = 20.0,
                   dt: float | None = None) -> Estimate:
    """The smallest sudden depolarisation (mV) from rest that is followed by a spike: V is set to
    rest + kick with the gates left at rest and no current at all, and a spike is an upward
    crossing of 0 mV within `window` ms. Bisection to `precision` mV at dt and dt / 2; the error
    is the difference of the two plus the bracket. 6.5050712 mV at 6.3 C, in 1.3 s."""
    params = params or HHParams()
    dt = dt or params.default_dt()
    rest = resting_state(params)

    def at(step_dt: float) -> float:
        def fires(kick: float) -> bool:
            start = (rest.v + kick, rest.m, rest.h, rest.n)
            trace = simulate(NO_STIMULUS, window, params, "rk4", step_dt, initial=start)
            return len(spike_times(trace)) > 0
        return 0.5 * sum(_bisect(fires, 0.0, 30.0, precision))

    fine, coarse = at(0.5 * dt), at(dt)
    return Estimate(fine, abs(fine - coarse) + precision, 0, computed=True)


def brief_pulse_charge(params: HHParams | None = None, widths: Sequence[float] = (0.01, 0.005, 0.0025),
                       precision: float = 1e-8) -> Estimate:
    """The threshold charge I_th w (nC/cm^2) of a current pulse in the limit of zero width.

    Q(w) approaches its limit linearly in w, so 2 Q(w/2) - Q(w) removes the linear term, using the
    last three `widths` (each half the one before). The error is the change of that
    extrapolation between the two finest pairs plus three times the bisection errors. Pulses are
    applied as current: nothing here moves V directly (compare `kick_threshold`)."""
    params = params or HHParams()
    thresholds = [threshold(width=w, params=params, precision=precision) for w in widths]
    charges = [t.value * w for t, w in zip(thresholds, widths)]
    coarse, fine = 2 * charges[-2] - charges[-3], 2 * charges[-1] - charges[-2]
    error = abs(fine - coarse) + 3 * sum(t.stderr * w for t, w in zip(thresholds, widths))
    return Estimate(fine, error, sum(t.samples for t in thresholds), computed=True)


@dataclass(frozen=True)
class RefractoryPeriods:
    """The resting threshold of the pulse used (uA/cm^2) and the refractory periods (ms)."""

    threshold: Estimate
    absolute: Estimate
    relative: Estimate


def _paired(conditioning: float, test: float, interval: float, width: float) -> Stimulus:
    """A conditioning pulse at t = 0 and a test pulse `interval` ms later (onset to onset)."""
    return pulse(conditioning, 0.0, width) + pulse(test, interval, width)


def refractory_periods(
    width: float = 0.5,
    params: HHParams | None = None,
    strong: float = 10.0,
    recovered: float = 1.1,
    conditioning: float = 2.0,
    precision: float = 1e-4,
    window: float = 20.0,
    dt: float | None = None,
    rest_threshold: Estimate | None = None,
) -> RefractoryPeriods:
    """The absolute and relative refractory periods, as intervals between the onsets of two
    pulses of `width` ms: a conditioning pulse of `conditioning` x the resting threshold theta
    at t = 0, which fires a spike, and a test pulse.

    absolute: the shortest interval at which a strong test pulse (`strong` x theta) fires a
    second spike. Below it no pulse of that size can; a larger pulse shortens it somewhat (the
    textbook "however strong" limit is not sharp in the model). relative: the shortest interval
    at which a test pulse of `recovered` x theta fires a second spike, i.e. after which the
    threshold has come back to within 10% (for 1.1) of its resting value. A second spike is a
    second upward crossing of 0 mV within `window` ms of the test pulse. Bisection to
    `precision` ms at dt and 2 dt, as for `threshold` (theta is computed first unless given).
    At 6.3 C with 0.5 ms pulses: 6.71898 and 15.44665 ms (+- 3e-5), in 0.4 s for both (and
    0.15 s for theta). Raises ValueError if the conditioning pulse does not fire.
    """
    params = params or HHParams()
    dt = dt or params.default_dt()
    theta = rest_threshold or threshold(width, params, dt=dt, window=window)
    runner = _Runner(params)

    if not runner.spikes(pulse(conditioning * theta.value, 0.0, width), window, dt, 1):
        raise ValueError("the conditioning pulse fires no spike")

    def period(multiple: float) -> Estimate:
        def fires(interval: float, step_dt: float) -> bool:
            protocol = _paired(conditioning * theta.value, multiple * theta.value, interval, width)
            return runner.spikes(protocol, interval + window, step_dt, 2)

        lo = width
        if fires(lo, 2.0 * dt):
            if fires(lo, dt):
                raise ValueError("a test pulse right after the conditioning pulse fires a second spike")
            raise ValueError(f"refractory_periods(dt={dt:g}): at 2 dt = {2.0 * dt:g} ms, the run that estimates "
                             "the error, a test pulse right after the conditioning pulse fires a second spike "
                             "that the run at dt does not: dt is too coarse, use a smaller one")
        hi = _upper_bracket(lambda s: fires(s, 2.0 * dt), 8.0, 1e4)
        return _bisection_estimate(fires, lo, hi, precision, dt, runner, floor=lo)

    return RefractoryPeriods(theta, period(strong), period(recovered))


def threshold_after_spike(
    interval: float,
    width: float = 0.5,
    params: HHParams | None = None,
    conditioning: float = 2.0,
    precision: float = 1e-5,
    window: float = 20.0,
    dt: float | None = None,
    rest_threshold: Estimate | None = None,
    ceiling: float = 100.0,
) -> Estimate:
    """The threshold (uA/cm^2) of a test pulse `interval` ms after the onset of a conditioning
    pulse (`conditioning` x the resting threshold theta), both `width` ms long: the recovery
    curve of excitability. A second spike is a second upward crossing of 0 mV within `window`
    ms of the test. Returns an Estimate of inf if no test up to `ceiling` x theta fires.
    Bisection to relative `precision` at dt and 2 dt.
    """
    params = params or HHParams()
    dt = dt or params.default_dt()
    theta = rest_threshold or threshold(width, params, dt=dt, window=window)
    runner = _Runner(params)

    def fires(amplitude: float, step_dt: float) -> bool:
        protocol = _paired(conditioning * theta.value, amplitude, interval, width)
        return runner.spikes(protocol, interval + window, step_dt, 2)

    try:
        hi = _upper_bracket(lambda a: fires(a, 2.0 * dt), theta.value, ceiling * theta.value)
    except ValueError:
        return Estimate(math.inf, 0.0, runner.steps, computed=True)
    return _bisection_estimate(fires, 0.0, hi, precision * hi / 2.0, dt, runner, floor=0.0)


# --- Repetitive firing ------------------------------------------------------------------------


CHUNK_MS = 50.0  # long runs go in chunks, so they can stop as soon as the answer is known


def _silent(spikes: list[float], now: float) -> bool:
    """Firing has stopped: no spike for over twice the last interspike interval (over 100 ms
    with fewer than two spikes)."""
    if len(spikes) < 2:
        return now - (spikes[-1] if spikes else 0.0) > 100.0
    return now - spikes[-1] > 2.0 * (spikes[-1] - spikes[-2])


def _step_response(
    current: float,
    params: HHParams,
    dt: float,
    duration: float,
    done: Callable[[list[float], float], bool],
    exact: bool = True,
) -> tuple[list[float], float, int]:
    """Spike times after a current step from rest at t = 0, run in chunks until
    done(spikes, now) or `duration`. Returns (spikes, time reached, steps). The spike times
    are interpolated if `exact`, else the grid times just after the crossings (cheaper)."""
    protocol = step(current)
    f = _derivatives(params)
    state = _initial(params, None)
    spikes: list[float] = []
    now, steps = 0.0, 0
    while now < duration and not done(spikes, now):
        length = min(CHUNK_MS, duration - now)
        if exact:
            trace = simulate(protocol, length, params, "rk4", dt, initial=state[:4], start=now)
            spikes.extend(spike_times(trace).tolist())
            state, now, steps = (*trace.final_state(), 0.0), float(trace.times[-1]), steps + trace.steps
        else:
            _, final, taken, _ = _rk4_run(f, protocol, now, now + length, dt, state, record=False,
                                          crossing_times=spikes)
            state, now, steps = final[1:6], final[0], steps + taken
    return spikes, now, steps


def fires_repetitively(current: float, duration: float = 250.0, params: HHParams | None = None,
                       dt: float | None = None) -> bool:
    """Whether a current step of `current` uA/cm^2 from rest still drives spikes at `duration`
    ms: at least 3 spikes and the last within twice the last interspike interval of the end.
    (Stops early once firing has stopped.) A yes/no from crossings seen on the grid, at a coarse
    step (default 0.04 ms), for the bisection of the onset. Near the upper edge, where the peak
    only just reaches 0 mV, it answers no from 62.8712 uA/cm^2 (62.8709 at dt 0.01 ms: the orbit
    has not quite settled at 250 ms), 0.003 below the edge `repetitive_firing_upper_edge` finds on
    the settled, interpolated peak (62.8743, with an error)."""
    params = params or HHParams()
    dt = dt or 4.0 * params.default_dt()
    spikes, now, _ = _step_response(current, params, dt, duration, _silent, exact=False)
    return len(spikes) >= 3 and not _silent(spikes, duration) and now >= duration


def repetitive_firing_onset(
    params: HHParams | None = None,
    precision: float = 5e-4,
    duration: float = 250.0,
    dt: float | None = None,
) -> Estimate:
    """The smallest constant current (uA/cm^2), stepped on at rest, that drives sustained firing.

    Just below the onset (a saddle-node of periodic orbits in the HH model) a step gives a
    train of spikes that slows and stops, ever later the closer the current is to the onset,
    so a run of finite length T finds an onset I(T) that is low by about c / T^2 (measured:
    I = 6.25583, 6.25924, 6.26010, 6.26028 for T = 250, 500, 1000, 2000 ms). The bisection
    (to `precision`) is done for T = `duration` and 2T; the value is the extrapolation
    I(2T) + (I(2T) - I(T)) / 3 and the error the size of that correction plus the brackets.
    Steps of dt (default 4 x `params.default_dt()`: I(250 ms) is the same at 0.02 and 0.04 ms to
    1e-4). 6.2605 +- 0.0015 uA/cm^2 at 6.3 C in 1.3 s (the extrapolation from the longer runs
    is 6.26034, so the error is generous); duration=500 gives +- 4e-4 in about 3 s.
    """
    params = params or HHParams()
    dt = dt or 4.0 * params.default_dt()

    def sustained(length: float) -> Callable[[float], bool]:
        return lambda current: fires_repetitively(current, length, params, dt)

    hi = _upper_bracket(sustained(duration), 1.0, 1e4)
    short = _bisect(sustained(duration), 0.5 * hi if hi > 1.0 else 0.0, hi, precision)
    # I(2T) > I(T), not by much: start from just above I(T)
    long = _bisect_near(sustained(2.0 * duration), short[0], short[1] + 10.0 * precision, precision, 0.0)
    middle_short, middle_long = 0.5 * sum(short), 0.5 * sum(long)
    correction = (middle_long - middle_short) / 3.0
    error = abs(correction) + 0.5 * (long[1] - long[0]) + 0.5 * (short[1] - short[0]) / 3.0
    return Estimate(middle_long + correction, error, int(2.0 * duration / dt), computed=True)


class Regime(enum.Enum):
    """What the membrane settles into under a constant current stepped on at rest."""

    REST = "rest"  # a stable fixed point below the lower Hopf point (after a few spikes, perhaps)
    REPETITIVE_SPIKES = "repetitive spikes"  # a periodic orbit whose peak crosses SPIKE_LEVEL
    OSCILLATION_BELOW_0_MV = "oscillation below 0 mV"  # a periodic orbit peaking below SPIKE_LEVEL
    DEPOLARISATION_BLOCK = "depolarisation block"  # a stable fixed point above the upper Hopf point


@dataclass(frozen=True)
class Firing:
    """The settled response to a current step from rest: its regime, the frequency (Hz) of the
    oscillation (0 at a fixed point), the peak and trough of V (mV; both the fixed point's V at a
    fixed point), and the firing rate (Hz: 0 mV crossings per second). Each value is an Estimate
    whose error covers the step size (Richardson) and the transient not yet gone; `settled` is
    False if the run ended before the orbit or the fixed point was reached (the errors then say
    how far from settled it was)."""

    current: float
    regime: Regime
    frequency: Estimate
    peak: Estimate
    trough: Estimate
    rate: Estimate
    settled: bool

    @property
    def amplitude(self) -> Estimate:
        """Peak minus trough (mV), with the two errors added."""
        return Estimate(self.peak.value - self.trough.value, self.peak.stderr + self.trough.stderr,
                        self.peak.samples, computed=True)


FIXED_POINT_DISTANCE = 1e-7  # mV (and 1e-9 in the gates): a run this close to a stable fixed point stays


Outcome = TypeVar("Outcome")


class _Settled(NamedTuple):
    """One run's outcome: at a fixed point, or the last cycle's period (ms), peak and trough (mV),
    each with the change the transient may still make to it."""

    fixed: bool
    period: float
    peak: float
    trough: float
    transient: tuple[float, float, float]
    settled: bool
    steps: int


def _extrema(trace: Trace) -> list[tuple[float, float, bool]]:
    """(time, V, is_maximum) of every local extremum of V, located where the interpolated dV/dt
    changes sign (to the integrator's accuracy)."""
    t, d = trace.times, trace.dvdt
    found = []
    for k in np.flatnonzero(((d[:-1] > 0) & (d[1:] <= 0)) | ((d[:-1] < 0) & (d[1:] >= 0))):
        if t[k + 1] <= t[k]:
            continue
        when = _root(lambda s: trace.interpolate(s)[1], t[k], t[k + 1])
        found.append((when, trace.interpolate(when)[0], bool(d[k] > 0)))
    return found


PLATEAU_CYCLES = 10  # after this many cycles, changes that no longer shrink are the integrator's noise


def _changes(values: list[float]) -> np.ndarray:
    return np.abs(np.diff(values))


def _plateau(values: list[float]) -> bool:
    """The cycle-to-cycle changes of a sequence no longer shrink (the largest of the last three is
    at least the largest of the three before): what is left is the fixed-step integrator's jitter
    (each cycle's peak falls at another point of its step), not a transient."""
    if len(values) < PLATEAU_CYCLES:
        return False
    changes = _changes(values[-7:])
    return bool(changes[-3:].max() >= changes[:3].max())


def _remaining(values: list[float]) -> float:
    """How much the last of a converging sequence may still be off: at a plateau the largest of the
    last three changes (the jitter); else the last change, scaled up by the geometric tail
    rho / (1 - rho) when the changes shrink slowly (rho = ratio of the last two changes), and ten
    times the last change when they do not shrink at all."""
    if _plateau(values):
        return float(_changes(values[-4:]).max())
    last, before = values[-1] - values[-2], values[-2] - values[-3]
    rho = abs(last / before) if before else 0.0
    return abs(last) * (max(1.0, rho / (1.0 - rho)) if rho < 1.0 else 10.0)


def _settle(current: float, params: HHParams, dt: float, duration: float, tolerance: float) -> _Settled:
    """Run a current step from rest at dt in chunks until the state is within FIXED_POINT_DISTANCE
    of a stable fixed point, or two successive cycles (maximum to maximum) agree in period, peak
    and trough to `tolerance` (relative to the period and to the amplitude), or `duration` ms."""
    protocol = step(current)
    target = equilibrium(current, params)
    stable = _largest_real_part(current, params) < 0.0
    state: Sequence[float] = resting_state(params)
    now, steps = 0.0, 0
    peaks: list[tuple[float, float]] = []
    troughs: list[float] = []

    def converged() -> bool:
        if len(peaks) < 3 or len(troughs) < 2:
            return False
        periods = [b[0] - a[0] for a, b in zip(peaks, peaks[1:])]
        tops = [p[1] for p in peaks]
        size = tops[-1] - troughs[-1]
        return all(abs(x[-1] - x[-2]) <= scale or _plateau(x)
                   for x, scale in ((periods, tolerance * periods[-1]), (tops, tolerance * size),
                                    (troughs, tolerance * size)))

    while now < duration:
        trace = simulate(protocol, min(CHUNK_MS, duration - now), params, "rk4", dt, initial=state, start=now)
        steps += trace.steps
        for when, v, is_max in _extrema(trace):
            if is_max:
                peaks.append((when, v))
            elif peaks:  # troughs after the first peak only, so each cycle is peak then trough
                troughs.append(v)
        state, now = trace.final_state(), float(trace.times[-1])
        near = max(abs(state.v - target.v),
                   100.0 * max(abs(state.m - target.m), abs(state.h - target.h), abs(state.n - target.n)))
        if stable and near < FIXED_POINT_DISTANCE:
            return _Settled(True, math.inf, target.v, target.v, (0.0, 0.0, 0.0), True, steps)
        if converged():
            break
    if len(peaks) < 4 or len(troughs) < 3:
        raise ValueError(f"current = {current:g} uA/cm^2: after duration = {duration:g} ms the membrane is "
                         "neither at its fixed point nor through three cycles of an oscillation; give a "
                         "longer duration")
    periods = [b[0] - a[0] for a, b in zip(peaks, peaks[1:])]
    tops = [p[1] for p in peaks]
    return _Settled(False, periods[-1], tops[-1], troughs[-1],
                    (_remaining(periods), _remaining(tops), _remaining(troughs)), converged(), steps)


def _at_two_steps(run: Callable[[float], Outcome], dt: float, caller: str) -> tuple[Outcome, Outcome]:
    """run(dt) and run(2 dt); an unstable coarse run is reported as the caller's."""
    fine = run(dt)
    try:
        coarse = run(2.0 * dt)
    except UnstableStepError as error:
        raise UnstableStepError(error.dt, error.time, f" (the run at 2 dt by which {caller}(dt={dt:g}) "
                                "estimates its error)") from None
    return fine, coarse


def _fixed_point_regime(current: float, params: HHParams) -> Regime:
    """Rest, or depolarisation block if the current is above a Hopf point where the fixed point
    regains its stability."""
    hopf = hopf_points(params)
    blocked = bool(hopf) and not hopf[-1].loses_stability and current >= hopf[-1].current.value
    return Regime.DEPOLARISATION_BLOCK if blocked else Regime.REST


def firing(
    current: float,
    params: HHParams | None = None,
    dt: float | None = None,
    duration: float = 1000.0,
    tolerance: float = 1e-6,
) -> Firing:
    """What a constant current step of `current` uA/cm^2 from rest settles into (see `Regime`),
    with the frequency, peak and trough of the settled oscillation.

    Runs at dt (default 2 x `params.default_dt()`) and 2 dt until settled (see `_settle`) or
    `duration` ms. Errors: |fine - coarse| / 15 (Richardson) plus what the transient may still
    change; where the two step sizes disagree on the regime, the whole difference. A fixed point
    is the exact root of `equilibrium`, 0 Hz with no error; rest and depolarisation block are told
    apart by the Hopf points (`hopf_points`). The firing rate is the frequency when the peak is
    above SPIKE_LEVEL by more than 10 error estimates, 0 when below by as much, and otherwise
    uncertain: its error is then the whole frequency. ~0.05-0.3 s per current.
    """
    params = params or HHParams()
    dt = dt or 2.0 * params.default_dt()
    fine, coarse = _at_two_steps(lambda h: _settle(current, params, h, duration, tolerance), dt, "firing")
    if fine.fixed:
        regime = _fixed_point_regime(current, params)
        if coarse.fixed:
            v = Estimate(fine.peak, 0.0, fine.steps, computed=True)
            zero = Estimate(0.0, 0.0, fine.steps, computed=True)
            return Firing(float(current), regime, zero, v, v, zero, True)
    frequency_fine = 0.0 if fine.fixed else 1000.0 / fine.period
    frequency_coarse = 0.0 if coarse.fixed else 1000.0 / coarse.period

    def in_hz(settled: _Settled) -> float:
        return 0.0 if settled.fixed else 1000.0 * settled.transient[0] / settled.period**2

    def estimate(value: float, other: float, transient: float, coarse_transient: float) -> Estimate:
        if fine.fixed != coarse.fixed:
            return Estimate(value, abs(value - other) + transient, fine.steps, computed=True)
        error = (abs(value - other) + coarse_transient) / (2**RK4_ORDER - 1) + transient
        return Estimate(value, error, fine.steps, computed=True)

    frequency = estimate(frequency_fine, frequency_coarse, in_hz(fine), in_hz(coarse))
    peak = estimate(fine.peak, coarse.peak, fine.transient[1], coarse.transient[1])
    trough = estimate(fine.trough, coarse.trough, fine.transient[2], coarse.transient[2])
    amplitude = peak.value - trough.value
    if not fine.fixed and _largest_real_part(current, params) < 0.0 and amplitude <= peak.stderr + trough.stderr:
        # an oscillation about a stable fixed point, so small that it may be dying out: not settled
        regime = _fixed_point_regime(current, params)
        v = equilibrium(current, params).v
        peak = Estimate(v, abs(peak.value - v) + peak.stderr, fine.steps, computed=True)
        trough = Estimate(v, abs(trough.value - v) + trough.stderr, fine.steps, computed=True)
        frequency = Estimate(0.0, frequency.value + frequency.stderr, fine.steps, computed=True)
    elif not fine.fixed:
        regime = Regime.REPETITIVE_SPIKES if peak.value >= SPIKE_LEVEL else Regime.OSCILLATION_BELOW_0_MV
    margin = ERROR_MULTIPLE * peak.stderr
    if peak.value - SPIKE_LEVEL > margin:
        rate = frequency
    elif SPIKE_LEVEL - peak.value > margin:
        rate = Estimate(0.0, 0.0, fine.steps, computed=True)
    else:  # the peak is within its errors of the spike level: it may or may not cross it
        value = frequency.value if regime is Regime.REPETITIVE_SPIKES else 0.0
        rate = Estimate(value, frequency.value + frequency.stderr, fine.steps, computed=True)
    dying = regime in (Regime.REST, Regime.DEPOLARISATION_BLOCK) and not fine.fixed
    return Firing(float(current), regime, frequency, peak, trough, rate,
                  fine.settled and coarse.settled and not dying)


ERROR_MULTIPLE = 10.0  # a value is certain to lie on one side of a level when 10 errors away from it


def firing_rate(
    current: float,
    params: HHParams | None = None,
    dt: float | None = None,
    duration: float = 1000.0,
    tolerance: float = 1e-6,
) -> Estimate:
    """The steady firing rate (Hz: spikes, i.e. upward crossings of 0 mV, per second) under a
    constant current step from rest: `firing(...).rate`. 0 at rest, in depolarisation block and
    in an oscillation that peaks below 0 mV (surely, if 10 errors below), else the frequency of
    the settled orbit, 1000 / its period in ms. ~0.05-0.3 s per current.
    """
    return firing(current, params, dt, duration, tolerance).rate


@dataclass(frozen=True)
class FICurve:
    """Firing rate (Hz) against step current (uA/cm^2), with the error estimate of each rate, and
    the whole `Firing` (regime, frequency, peak, trough) at each current."""

    currents: np.ndarray
    rates: np.ndarray
    errors: np.ndarray
    firings: tuple[Firing, ...] = ()

    @property
    def regimes(self) -> tuple[Regime, ...]:
        return tuple(f.regime for f in self.firings)

    @property
    def frequencies(self) -> np.ndarray:
        """Hz: the oscillation's frequency, spiking or not (0 at a fixed point)."""
        return np.array([f.frequency.value for f in self.firings])

    @property
    def peaks(self) -> np.ndarray:
        return np.array([f.peak.value for f in self.firings])

    @property
    def troughs(self) -> np.ndarray:
        return np.array([f.trough.value for f in self.firings])


def fi_curve(currents: Sequence[float] | np.ndarray, params: HHParams | None = None, dt: float | None = None,
             duration: float = 1000.0) -> FICurve:
    """`firing` at each current: the f-I curve of a current step from rest, with the regimes. The
    HH rate jumps from 0 to about 50 Hz at the onset (~6.26 uA/cm^2 at 6.3 C: a type II neuron),
    and falls back to 0 at ~62.9, where the orbit's peak sinks below 0 mV; the oscillation
    itself goes on, ever smaller, up to the upper Hopf point (~154.5), then depolarisation block."""
    found = tuple(firing(float(i), params, dt, duration) for i in currents)
    return FICurve(np.asarray(currents, dtype=float), np.array([f.rate.value for f in found]),
                   np.array([f.rate.stderr for f in found]), found)


@dataclass(frozen=True)
class FiringRange:
    """The currents (uA/cm^2) between which a step from rest drives repetitive spikes."""

    lower: Estimate
    upper: Estimate


def repetitive_firing_upper_edge(
    params: HHParams | None = None,
    dt: float | None = None,
    precision: float = 1e-5,
    duration: float = 1000.0,
    tolerance: float = 1e-9,
) -> Estimate:
    """The current (uA/cm^2) above which a step from rest no longer drives spikes: where the peak
    of the settled orbit falls through SPIKE_LEVEL (the orbit goes on below it).

    The peak falls smoothly with the current, so its crossing is found by brentq (to `precision`)
    between the Hopf points, once at dt (default 2 x `params.default_dt()`) and once at 2 dt.
    Error: |fine - coarse| / 15 plus the bracket plus the peak's remaining transient divided by
    the slope of the peak against the current. About 62.87 uA/cm^2 at 6.3 C.
    """
    params = params or HHParams()
    dt = dt or 2.0 * params.default_dt()
    hopf = hopf_points(params)
    if len(hopf) != 2:
        raise ValueError(f"expected two Hopf points, found {len(hopf)}")
    lo, hi = hopf[0].current.value, hopf[1].current.value

    def edge(step_dt: float) -> tuple[float, float, int]:
        runs: dict[float, _Settled] = {}

        def excess(i: float) -> float:
            runs[i] = _settle(i, params, step_dt, duration, tolerance)
            return runs[i].peak - SPIKE_LEVEL

        lo, hi = hopf[0].current.value, 0.5 * (hopf[0].current.value + hopf[1].current.value)
        if not excess(lo) > 0.0 > excess(hi):
            raise ValueError(f"the settled peak does not fall through {SPIKE_LEVEL:g} mV between {lo:.4g} "
                             f"and {hi:.4g} uA/cm^2")
        root = optimize.brentq(excess, lo, hi, xtol=precision, rtol=4 * np.finfo(float).eps)
        a, b = sorted(runs, key=lambda i: abs(i - root))[:2]
        slope = (runs[a].peak - runs[b].peak) / (a - b)
        return root, runs[a].transient[1] / abs(slope), sum(r.steps for r in runs.values())

    (fine, transient, steps), (coarse, _, _) = _at_two_steps(edge, dt, "repetitive_firing_upper_edge")
    error = abs(fine - coarse) / (2**RK4_ORDER - 1) + precision + transient
    return Estimate(fine, error, steps, computed=True)


def repetitive_firing_range(params: HHParams | None = None) -> FiringRange:
    """The onset (`repetitive_firing_onset`) and the upper edge (`repetitive_firing_upper_edge`)."""
    return FiringRange(repetitive_firing_onset(params), repetitive_firing_upper_edge(params))


# --- The sodium charge of a spike ---------------------------------------------------------------


@dataclass(frozen=True)
class SpikeCharge:
    """The sodium charge that enters during one spike and the least that could do the job,
    both in nC/cm^2, and their ratio (the "excess sodium entry" of the spike)."""

    sodium: Estimate
    minimum: Estimate
    ratio: Estimate


def sodium_charge_per_spike(
    protocol: Protocol | None = None,
    params: HHParams | None = None,
    duration: float = 50.0,
    dt: float | None = None,
) -> SpikeCharge:
    """The sodium charge per spike against the minimum C (V_peak - V_rest).

    sodium: the extra charge carried in by I_Na because of the spike evoked at rest by `protocol`
    (default `DEFAULT_PULSE`), integral over [0, duration] of -(I_Na(t) - I_Na(rest)) dt: at rest
    a steady sodium "window" current (-1.22 uA/cm^2 at 6.3 C) flows, balanced by K and leak,
    and would add 1.2 nC/cm^2 per ms of the window; it is subtracted. The integral is carried as
    a fifth variable of the ODE, so it is O(dt^4) like V. The error: Richardson (dt, 2 dt)
    plus the change of the integral over the last 20% of the window (the return to rest).
    minimum: C (V_peak - V_rest), the charge that must be put on the capacitor to depolarise it
    by the spike's height (if no K current opposed it). Raises ValueError unless there is
    exactly one spike. At 6.3 C: 1397 / 105.8 = 13.2; at 18.5 C: 3.96 (the "about 4" of the
    literature is the squid model at 18 C: the ratio falls as the currents overlap less).
    """
    params = params or HHParams()
    dt = dt or params.default_dt()
    protocol = protocol if protocol is not None else DEFAULT_PULSE
    rest = resting_state(params)
    na_rest = params.g_na * rest.m**3 * rest.h * (rest.v - params.e_na)

    def measure(step_dt: float) -> tuple[float, float, float, int]:
        trace = simulate(protocol, duration, params, "rk4", step_dt)
        _, peaks = spike_peaks(trace)
        if len(peaks) != 1:
            raise ValueError(f"expected one spike, got {len(peaks)}")
        excess = trace.na_charge + na_rest * trace.times
        earlier = excess[int(np.searchsorted(trace.times, 0.8 * duration))]
        return float(excess[-1]), abs(float(excess[-1]) - float(earlier)), float(peaks[0]), trace.steps

    (q_fine, tail, peak_fine, steps), (q_coarse, _, peak_coarse, _) = _at_two_steps(
        measure, dt, "sodium_charge_per_spike")
    richardson = Estimate.from_refinement(q_fine, q_coarse, steps, RK4_ORDER).stderr
    sodium = Estimate(q_fine, richardson + tail, steps, computed=True)
    height = Estimate.from_refinement(peak_fine - rest.v, peak_coarse - rest.v, steps, RK4_ORDER)
    minimum = Estimate(params.c_m * height.value, params.c_m * height.stderr, steps, computed=True)
    return SpikeCharge(sodium, minimum, sodium.over(minimum))


# --- Voltage clamp ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Clamp:
    """The gates at `times` (ms after the step from v_hold to v_step, mV) under an ideal voltage
    clamp, with the error estimate of each value (Richardson, from dt and 2 dt)."""

    times: np.ndarray
    v_hold: float
    v_step: float
    m: np.ndarray
    h: np.ndarray
    n: np.ndarray
    m_error: np.ndarray
    h_error: np.ndarray
    n_error: np.ndarray
    steps: int

    def gate(self, name: str, index: int = -1) -> Estimate:
        """One gate's value at times[index], as an Estimate (computed=True)."""
        return Estimate(float(getattr(self, name)[index]), float(getattr(self, f"{name}_error")[index]),
                        self.steps, computed=True)

    def conductances(self, params: HHParams | None = None) -> dict[str, np.ndarray]:
        """g_Na m^3 h and g_K n^4 (mS/cm^2) at the times."""
        params = params or HHParams()
        return {"na": params.g_na * self.m**3 * self.h, "k": params.g_k * self.n**4}


GATE_STEP = 0.05  # the clamp's RK4 step is at most this fraction of the gate's time constant


def _gate_rk4(alpha: float, beta: float, x: float, times: np.ndarray, dt: float) -> tuple[np.ndarray, int]:
    """The gate equation dx/dt = alpha (1 - x) - beta x at constant rates, integrated by RK4 from
    x at t = 0 to each of the increasing `times` (whole steps of at most dt between them)."""
    out = np.empty(len(times))
    now, steps = 0.0, 0

    def slope(y: float) -> float:
        return alpha * (1.0 - y) - beta * y

    for j, target in enumerate(times):
        count = math.ceil((target - now) / dt - 1e-9) if target > now else 0
        if count:
            h = (target - now) / count
            for _ in range(count):
                k1 = slope(x)
                k2 = slope(x + 0.5 * h * k1)
                k3 = slope(x + 0.5 * h * k2)
                k4 = slope(x + h * k3)
                x += h / 6.0 * (k1 + 2.0 * (k2 + k3) + k4)
            steps += count
        out[j] = x
        now = target
    return out, steps


def _gate_fixed_point(alpha: float, beta: float) -> float:
    """Where the gate equation's right-hand side vanishes in [0, 1] (brentq): the steady state
    the gate holds at a clamped voltage."""
    return optimize.brentq(lambda y: alpha * (1.0 - y) - beta * y, 0.0, 1.0, xtol=1e-16, rtol=1e-15)


def voltage_clamp(
    v_hold: float,
    v_step: float,
    duration: float = 10.0,
    params: HHParams | None = None,
    times: Sequence[float] | np.ndarray | None = None,
    dt: float | None = None,
) -> Clamp:
    """The gates m, h, n after an ideal clamp step from `v_hold` (held long enough for the gates
    to settle) to `v_step` (mV), at `times` ms after the step (default: every 0.1 ms up to
    `duration`).

    Each gate equation is integrated numerically at the constant rates of v_step, by RK4 with
    steps of dt (default `params.default_dt()`, but at most 0.05 / (alpha + beta), so that a
    fast gate is resolved too) and twice that, from its steady state at v_hold (the zero of its
    right-hand side, found by brentq). Nothing here uses the closed-form exponential
    relaxation: the numbers are there to be compared with it. The errors are ~1e-9 relative
    or less; a few ms.
    """
    params = params or HHParams()
    dt = dt or params.default_dt()
    times = np.arange(0.0, duration + 1e-9, 0.1) if times is None else np.asarray(times, dtype=float)
    if np.any(np.diff(times) < 0) or (len(times) and times[0] < 0):
        raise ValueError("times must be non-negative and increasing")
    hold, clamp = gate_rates(v_hold, params), gate_rates(v_step, params)
    values, errors, steps = {}, {}, 0
    for name in ("m", "h", "n"):
        a_hold, b_hold = float(getattr(hold, f"alpha_{name}")), float(getattr(hold, f"beta_{name}"))
        a, b = float(getattr(clamp, f"alpha_{name}")), float(getattr(clamp, f"beta_{name}"))
        start = _gate_fixed_point(a_hold, b_hold)
        step_dt = min(dt, GATE_STEP / (a + b))
        fine, taken = _gate_rk4(a, b, start, times, step_dt)
        coarse, _ = _gate_rk4(a, b, start, times, 2.0 * step_dt)
        steps = max(steps, taken)
        values[name], errors[name] = fine, np.abs(fine - coarse) / (2**RK4_ORDER - 1)
    return Clamp(times, float(v_hold), float(v_step), values["m"], values["h"], values["n"],
                 errors["m"], errors["h"], errors["n"], steps)


# --- The V-n reduction: excitability in the phase plane -------------------------------------------

REDUCED_H_PLUS_N = 0.8  # Rinzel's reduction (J. Rinzel, Lect. Notes Biomath. 66, 304 (1985)): h = 0.8 - n


@dataclass(frozen=True)
class ReducedTrajectory:
    """A run of the V-n reduction: times (ms), V (mV) and n, from V kicked by `kick` mV above rest."""

    kick: float
    times: np.ndarray
    v: np.ndarray
    n: np.ndarray


def reduced_derivatives(v: float | np.ndarray, n: float | np.ndarray, params: HHParams | None = None,
                        current: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """(dV/dt, dn/dt) of the two-variable reduction of the model: m, the fastest gate, at its
    steady value m_inf(V) = alpha_m / (alpha_m + beta_m), and h tied to n by h = 0.8 - n (along a
    Hodgkin-Huxley spike h + n stays near 0.8). Vectorised over V and n."""
    params = params or HHParams()
    v, n = np.asarray(v, dtype=float), np.asarray(n, dtype=float)
    r = gate_rates(v, params)
    m = r.alpha_m / (r.alpha_m + r.beta_m)
    h = REDUCED_H_PLUS_N - n
    dv = (current - params.g_na * m**3 * h * (v - params.e_na) - params.g_k * n**4 * (v - params.e_k)
          - params.g_l * (v - params.e_l)) / params.c_m
    return dv, r.alpha_n * (1.0 - n) - r.beta_n * n


def reduced_rest(params: HHParams | None = None) -> tuple[float, float]:
    """The resting point (V mV, n) of the V-n reduction, by scipy's root finder from (-65 mV, 0.32)."""
    params = params or HHParams()

    def residual(y: np.ndarray) -> list[float]:
        dv, dn = reduced_derivatives(y[0], y[1], params)
        return [float(dv), 100.0 * float(dn)]  # dn/dt is ~100x smaller than dV/dt

    solution = optimize.root(residual, [-65.0, 0.32], method="hybr", tol=1e-13)
    if not solution.success:
        raise RuntimeError(f"no resting point of the reduction: {solution.message}")
    return float(solution.x[0]), float(solution.x[1])


def reduced_trajectory(kick: float, duration: float = 25.0, params: HHParams | None = None,
                       rtol: float = 1e-9) -> ReducedTrajectory:
    """The V-n reduction from its resting point with V suddenly raised by `kick` mV (n unchanged),
    integrated by SciPy's DOP853 for `duration` ms, sampled every 0.01 ms."""
    params = params or HHParams()
    v0, n0 = reduced_rest(params)
    times = np.arange(0.0, duration + 1e-9, 0.01)

    def rhs(_: float, y: np.ndarray) -> list[float]:
        dv, dn = reduced_derivatives(y[0], y[1], params)
        return [float(dv), float(dn)]

    run = integrate.solve_ivp(rhs, (0.0, duration), [v0 + kick, n0], method="DOP853", t_eval=times,
                              rtol=rtol, atol=1e-12)
    if not run.success:
        raise RuntimeError(f"the reduced model could not be integrated: {run.message}")
    return ReducedTrajectory(float(kick), run.t, run.y[0], run.y[1])


def reduced_kick_threshold(params: HHParams | None = None, precision: float = 1e-4) -> float:
    """The smallest kick (mV) after which the reduction's V crosses 0 mV within 25 ms (bisection)."""
    def fires(kick: float) -> bool:
        return bool(np.max(reduced_trajectory(kick, params=params).v) > SPIKE_LEVEL)

    lo, hi = 0.0, 30.0
    if not fires(hi):
        raise RuntimeError("the reduction does not fire even after a 30 mV kick")
    while hi - lo > precision:
        mid = 0.5 * (lo + hi)
        lo, hi = (lo, mid) if fires(mid) else (mid, hi)
    return 0.5 * (lo + hi)
