"""Propagation along a cable: the Hodgkin-Huxley membrane on an axon, solved on a grid.

The model: an axon of radius a with axoplasm of resistivity R_i, its membrane the HH squid
membrane of `hodgkin_huxley` (HHParams, gate_rates) at the cable's temperature:

    (a / (2 R_i)) d2V/dx2 = C_m dV/dt + i_ion(V, m, h, n) - i_stim(x, t)

V in mV, t in ms, x in cm, a in cm inside the code (um in every parameter), R_i in ohm cm,
C_m in uF/cm^2, currents in uA/cm^2: a/(2 R_i) is in S, times mV/cm^2 gives mA/cm^2, hence the
factor 1000. The ends are sealed (no axial current); a brief current density is injected over
the first 2% of the cable. Nothing here uses a closed-form result (length constant, square-root
law): the equations are discretised and solved, and the numbers are there to be compared.

The scheme (`_integrate`), one for every cable: vertices x_k = k h with control volumes (half
ones at the sealed ends), each with its own HH and/or passive membrane area, neighbours joined
by the axial conductance of a length h; V at whole steps, the gates m, h, n at half steps
(staggered, as in Hines 1984 and NEURON's Crank-Nicolson). The gates advance by exponential
Euler with the rates at the step's midpoint V(n); the ionic current is then linear in V, so
Crank-Nicolson for V is one symmetric positive-definite tridiagonal solve per step (LAPACK
dptsv), vectorised over the compartments: the three gates share one (3, N) array and the six
rates one (6, N) array, so a step is about 40 numpy calls whatever N. Second order in dt and h:
halving both shrinks the velocity's change 4.0-fold (measured; a test holds it), and every
measured quantity is computed at (h, dt) and (2h, 2dt) with error |fine - coarse| / 3
(Richardson, `Estimate.from_refinement`).

`velocity_refinement` gives direct control: dx, dt and the cable's length (no pilot when all
three are given) and any number of grids (dx, dt), (2dx, 2dt), (4dx, 4dt), ...; it returns the
velocities with the signed Richardson estimate (fine - coarse)/3, the extrapolated velocity
fine + (fine - coarse)/3 and, with three grids, the extrapolated value's error (its change one
grid coarser). A grid too coarse to carry the wave raises GridTooCoarse (a ValueError) naming dx
and dt; a finite but coarse grid otherwise gives a finite velocity with a large error. Above
about 29 C the HH wave travels with its peak below 0 mV (-3 mV at 30 C, -11 mV at 32 C): when
the pilot finds no wave crossing 0 mV it measures arrivals at -30 mV instead (23.43 m/s at 30 C,
22.99 at 32 C; any level on the front gives the same velocity far from the ends).

The grid is sized by measuring, never by formula: a coarse pilot (80 vertices, 4 x the default
step) finds the wave's velocity by resizing a trial cable until it holds 3 ms of travel; the cable
is then 7 ms of travel long, h = pilot velocity x dt, dt = 0.02 ms / phi (0.0052 ms at 18.5 C),
and the velocity is the inverse slope of the arrival times (upward crossings of 0 mV,
interpolated within the step) against position between 4 and 6 ms of travel: the start-up
transient has decayed below 1e-5 by then (it decays with an e-folding of ~0.25 ms of travel
here, ~0.4 ms on the myelinated fibre), and the sealed end is felt only over the last ~0.5 ms.

The myelinated fibre (`MyelinParams`, with sources): nodes 1 um long of the same HH membrane,
internodes 100 x the fibre's outer diameter, g-ratio 0.7, and a sheath of lamellae (0.1 uF/cm^2
and 1 mS/cm^2 per lamella membrane, McIntyre, Richardson & Grill 2002) as many as its thickness
holds, so every proportion scales with the radius. The nodes sit on vertices of a uniform grid
(2 spacings per internode; 1 for the coarse run).

Measured at the defaults (squid: radius 238 um, R_i 35.4 ohm cm, 18.5 C), times best/typical on
the shared 2-core VM with other jobs running (benchmarks/sim_cable_times.py; the NEURON comparison
is benchmarks/_neuron_cable.py):

    conduction_velocity        18.7242 +- 0.0077 m/s (4.1e-4 relative), 0.25-0.55 s; grids 2dx
                               and 4dx: 18.7012, 18.6090
    extrapolated (3 grids)     18.73180 +- 0.00011 m/s (6e-6), 0.3-0.5 s; at dt / 2: 18.73189 +-
                               0.00009; at dt / 4: 18.731889 +- 0.000002 (Hodgkin & Huxley 1952
                               computed 18.8, measured 21.2). NEURON 9 (secondorder = 2) on the
                               dt / 4 grid: 18.731406, ours 5e-9 from it
    cost                       per step, one grid: 40 us at 85 compartments, 67 us at 335, 155 us
                               at 1338 (before the gates were stacked: 116, 112, 177 us), at a
                               quiet moment; with the machine loaded 3-fold a least-squares line
                               through 85-5350 compartments gives 128 us fixed + 118 ns each
    velocities (59.5, 952 um)  9.3621, 37.4481 m/s: ratios 2.000000 and 1.999987 to the squid's
                               (the pilot makes the grids near-exact rescalings of each other,
                               so the discretisation errors cancel in the ratio)
    velocity_ratio(r_i=70.8)   0.707108 +- 0.00058
    measured_length_constant   1.058577 +- 0.000028 cm for R_m = 1/g_L (the fit's own grid error:
                               h^2 / (24 lambda^2) = 2.6e-5 at 40 points per decay length); 3 ms
    myelinated_velocity        1.0792, 10.6265, 53.0587 m/s at radius 0.1, 1, 5 um (10.61-10.79
                               m/s per um: near-linear, the fixed 1 um node breaks exact scaling),
                               errors 3e-4 relative; 0.3-1 s each. Unmyelinated at the same radii:
                               0.3838, 1.2137, 2.7139 m/s
    myelin_crossover           radius 0.00958 +- 0.00009 um (0.9%), 4-5 s, 6 evaluations. Far
                               below any real axon (the sheath there would be 0.3 lamellae and the
                               internode 2.7 um): in this model, where every proportion scales
                               and the nodes are squid membrane, myelin pays at every real size.
                               The number belongs to the model's parameters, not to nature.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import optimize
from scipy.linalg import lapack, solve_banded

from derive.estimate import Estimate
from derive.sim.hodgkin_huxley import HHParams, Pulse, gate_rates, resting_state

SPIKE_LEVEL = 0.0  # mV: the wave's arrival at a point is the upward crossing of this level
# Above about 29 C the HH wave still travels but its peak stays below 0 mV (-3 mV at 30 C, -11 mV
# at 32 C on the squid axon, measured): a pilot that finds no wave crossing 0 mV tries this level.
LOW_ARRIVAL_LEVEL = -30.0  # mV
SQUID_RADIUS = 238.0  # um: Hodgkin and Huxley's axon (1952, Part III: the propagated action potential)
MS_PER_S = 1000.0  # mS per S
CM_PER_MS_IN_M_PER_S = 10.0  # 1 cm/ms = 10 m/s
ORDER = 2  # the scheme's order in dt and in the grid spacing
DT_AT_REFERENCE = 0.02  # ms at 6.3 C; the default fine step is this / max(phi, 1): 0.0052 ms at 18.5 C
COURANT = 1.0  # default fine grid: the wave crosses one grid spacing in this many time steps
# The wave is measured between 4 and 6 ms of travel from the stimulated end, on a cable 7 ms of
# travel long: the start-up transient has decayed below 1e-5 by 4 ms, the sealed far end is felt
# over its last ~0.5 ms (measured: see the module docstring).
WINDOW_START, WINDOW_STOP, CABLE_TIME = 4.0, 6.0, 7.0
PILOT_TIME = 3.0  # ms of travel on the coarse pilot cable that finds the wave's scale
MAX_MISSES = 8  # pilot trials in a row without a wave (each cable 4 times shorter) before it gives up
DEFAULT_STIMULUS = Pulse(2000.0, 0.0, 0.2)  # uA/cm^2 for 0.2 ms over the first 2% of the cable


# --- The grid: one vertex-centred scheme for every cable -------------------------------------------


@dataclass(frozen=True)
class _Grid:
    """A cable cut into control volumes around equally spaced vertices x_k = k h, k = 0..N.

    Each vertex carries its control volume's membrane: `active` area (cm^2) of Hodgkin-Huxley
    membrane and `passive` area of a passive membrane (capacitance `passive_c` uF/cm^2,
    conductance `passive_g` mS/cm^2, reversing at the resting potential). Neighbouring vertices
    are joined by the axial conductance `coupling` (mS) of a length h of axoplasm. The ends are
    sealed: the end vertices have half control volumes and nothing beyond them.
    """

    x: np.ndarray  # cm
    active: np.ndarray  # cm^2 of HH membrane at each vertex
    passive: np.ndarray  # cm^2 of passive membrane at each vertex
    passive_c: float  # uF/cm^2
    passive_g: float  # mS/cm^2
    coupling: float  # mS between neighbours
    stimulated: np.ndarray  # cm^2 of membrane at each vertex receiving the stimulus density


def _axial_conductance(radius_cm: float, r_i: float, h: float) -> float:
    """mS through a length h (cm) of axoplasm of resistivity r_i (ohm cm): 1000 pi a^2 / (r_i h)."""
    return MS_PER_S * math.pi * radius_cm**2 / (r_i * h)


def _control_widths(count: int, h: float) -> np.ndarray:
    """The lengths of the control volumes of vertices 0..count-1: h, and h/2 at the two ends."""
    widths = np.full(count, h)
    widths[0] = widths[-1] = 0.5 * h
    return widths


def _overlap(lo: np.ndarray, hi: np.ndarray, start: float, stop: float) -> np.ndarray:
    """The length of each interval [lo, hi] inside [start, stop]."""
    return np.clip(np.minimum(hi, stop) - np.maximum(lo, start), 0.0, None)


# --- The integrator -----------------------------------------------------------------------------------


@dataclass
class _Run:
    """What one integration returns (internal)."""

    times: np.ndarray
    v: np.ndarray  # (len(times), N + 1)
    crossings: np.ndarray  # first upward crossing of the level at each vertex, ms (nan: none)
    steps: int
    stopped: float  # the time at which the run ended, ms


# The six rate exponents as rows a V + b, ordered so that one expm1 and one exp cover them:
# rows 0-2 are alpha_m, alpha_n, alpha_h and rows 3-5 beta_m, beta_n, beta_h (gates in the order
# m, n, h). alpha_m and alpha_n are x / expm1(x); alpha_h, beta_m, beta_n are c exp(x); beta_h is
# 1 / (1 + exp(x)). The formulas are gate_rates' (a test compares them).
_RATE_SLOPE = np.array([-0.1, -0.1, -1.0 / 20.0, -1.0 / 18.0, -1.0 / 80.0, -0.1])[:, None]
_RATE_OFFSET = np.array([-4.0, -5.5, -65.0 / 20.0, -65.0 / 18.0, -65.0 / 80.0, -3.5])[:, None]
_RATE_SCALE = np.array([1.0, 0.1, 0.07, 4.0, 0.125, 1.0])[:, None]


class _Rates:
    """The six HH rates (1/ms) for a vector of potentials, in preallocated arrays: few numpy calls
    per step, since at a thousand compartments each call's fixed cost is most of the work."""

    def __init__(self, count: int, phi: float) -> None:
        self.x = np.empty((6, count))
        self.e = np.empty((6, count))
        self.rates = np.empty((6, count))
        self.scale = phi * _RATE_SCALE

    def __call__(self, v: np.ndarray) -> np.ndarray:
        x, e, rates = self.x, self.e, self.rates
        np.multiply(_RATE_SLOPE, v, out=x)
        x += _RATE_OFFSET
        np.expm1(x[:2], out=e[:2])
        np.exp(x[2:], out=e[2:])
        if e[:2].all():
            np.divide(x[:2], e[:2], out=rates[:2])
        else:  # V exactly at -40 or -55 mV: x / expm1(x) -> 1, its limit
            with np.errstate(invalid="ignore"):
                np.divide(x[:2], e[:2], out=rates[:2])
            rates[:2][e[:2] == 0.0] = 1.0
        rates[2:5] = e[2:5]
        e[5] += 1.0
        np.reciprocal(e[5], out=rates[5])
        rates *= self.scale
        return rates


def _integrate(
    grid: _Grid,
    membrane: HHParams,
    pulse: Pulse,
    dt: float,
    duration: float,
    record_every: int = 0,
    watch: int | None = None,
    level: float = SPIKE_LEVEL,
) -> _Run:
    """Crank-Nicolson for the cable, staggered exponential Euler for the gates.

    V lives at whole steps t_n = n dt, the gates at half steps t_(n+1/2). Each step:
    1. gates: x(n+1/2) = x_inf + (x(n-1/2) - x_inf) exp(-dt / tau), with the rates at V(n)
       (the midpoint of the gates' step: exact for frozen rates, second order);
    2. the HH current is linear in V once the gates are fixed, g (V - E), so Crank-Nicolson is
       a linear tridiagonal solve: a backward-Euler half step to W = V(n+1/2),
           (2C/dt + g - L) W = (2C/dt) V(n) + g E + I_stim,
       then V(n+1) = 2 W - V(n). L is the axial coupling matrix; the matrix is symmetric
       positive definite, solved by LAPACK's dptsv (O(N)).
    Second order in dt and h. If `watch` is a vertex index, stops once it has crossed `level`.
    The three gates live in one (3, N) array and the six rates in one (6, N) array, so a step
    is about 40 numpy calls whatever N.
    """
    count = len(grid.x)
    rest = resting_state(membrane)
    active_idx = np.flatnonzero(grid.active > 0.0)
    everywhere = len(active_idx) == count  # an unmyelinated cable: no gathering or scattering
    area = grid.active[active_idx]
    p = membrane
    capacitance = p.c_m * grid.active + grid.passive_c * grid.passive  # uF
    g_passive = grid.passive_g * grid.passive  # mS
    coupling_sum = np.full(count, 2.0 * grid.coupling)
    coupling_sum[0] = coupling_sum[-1] = grid.coupling
    off_diagonal = np.full(count - 1, -grid.coupling)
    base_diagonal = 2.0 * capacitance / dt + g_passive + coupling_sum
    base_rhs = 2.0 * capacitance / dt
    passive_drive = g_passive * rest.v
    has_passive = bool(np.any(g_passive))
    # g_total = area (g_na + g_k + g_l); drive = g_total e_k + area g_na (e_na - e_k) + area g_l (e_l - e_k)
    na_area, k_area = p.g_na * area, p.g_k * area
    leak_area = p.g_l * area
    leak_drive = leak_area * (p.e_l - p.e_k)
    na_shift = p.e_na - p.e_k

    v = np.full(count, rest.v)
    gates = np.empty((3, len(active_idx)))
    gates[0], gates[1], gates[2] = rest.m, rest.n, rest.h
    m, n, h = gates
    rates = _Rates(len(active_idx), p.rate_factor)
    total, steady, decay = (np.empty_like(gates) for _ in range(3))
    g_na, g_total, drive = (np.empty(len(active_idx)) for _ in range(3))
    diagonal, rhs = np.empty(count), np.empty(count)
    crossings = np.full(count, np.nan)
    pending = np.ones(count, dtype=bool)
    steps = max(1, math.ceil(duration / dt - 1e-9))
    recorded_t, recorded_v = [0.0], [v.copy()]
    t = 0.0
    for k in range(steps):
        t = k * dt
        r = rates(v if everywhere else v[active_idx])
        np.add(r[:3], r[3:], out=total)
        np.divide(r[:3], total, out=steady)
        np.multiply(total, -dt, out=decay)
        np.exp(decay, out=decay)
        gates -= steady
        gates *= decay
        gates += steady
        np.multiply(m, m, out=g_na)
        g_na *= m
        g_na *= h
        g_na *= na_area
        np.multiply(n, n, out=g_total)
        np.multiply(g_total, g_total, out=g_total)
        g_total *= k_area
        g_total += g_na
        g_total += leak_area
        np.multiply(g_total, p.e_k, out=drive)
        g_na *= na_shift
        drive += g_na
        drive += leak_drive
        np.multiply(base_rhs, v, out=rhs)
        if everywhere:
            np.add(base_diagonal, g_total, out=diagonal)
            rhs += drive
        else:
            diagonal[:] = base_diagonal
            diagonal[active_idx] += g_total
            rhs[active_idx] += drive
        if has_passive:
            rhs += passive_drive
        stim = max(0.0, min(t + dt, pulse.stop) - max(t, pulse.start)) / dt * pulse.amplitude
        if stim:
            rhs += stim * grid.stimulated
        _, _, w, info = lapack.dptsv(diagonal, off_diagonal, rhs, overwrite_d=1)
        if info:
            raise RuntimeError(f"tridiagonal solve failed (info {info})")
        w *= 2.0
        w -= v
        up = w >= level
        up &= pending
        if up.any():
            crossings[up] = t + dt * (level - v[up]) / (w[up] - v[up])
            pending &= ~up
        v = w
        if record_every and (k + 1) % record_every == 0:
            recorded_t.append(t + dt)
            recorded_v.append(v.copy())
        if watch is not None and not pending[watch]:
            break
    return _Run(np.array(recorded_t), np.array(recorded_v), crossings, k + 1, t + dt)


# --- Parameters ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CableParams:
    """An unmyelinated axon; the defaults are Hodgkin and Huxley's squid giant axon.

    radius (um), r_i (axoplasm resistivity, ohm cm; 35.4 from HH 1952), temperature (C; it
    replaces the membrane's own), membrane (HHParams: conductances mS/cm^2, C_m uF/cm^2),
    length (cm; None: chosen as the distance the wave travels in 7 ms, found by a coarse pilot
    run), stimulus (a Pulse of current density, uA/cm^2, over the membrane of the first
    `stimulus_extent` of the cable, a fraction of its length), arrival_level (mV: the wave arrives
    where V first crosses it upwards; any level on the wave's rising front gives the same velocity
    far from the ends). Frozen: vary with `replace`.
    """

    radius: float = SQUID_RADIUS
    r_i: float = 35.4
    temperature: float = 18.5
    membrane: HHParams = field(default_factory=HHParams)
    length: float | None = None
    stimulus: Pulse = DEFAULT_STIMULUS
    stimulus_extent: float = 0.02
    arrival_level: float = SPIKE_LEVEL

    def replace(self, **changes: object) -> CableParams:
        """A copy with some parameters changed: `CableParams().replace(r_i=70.8)`."""
        return dataclasses.replace(self, **changes)

    @property
    def hh(self) -> HHParams:
        """The membrane at the cable's temperature."""
        return self.membrane.replace(temperature=self.temperature)

    def default_dt(self) -> float:
        """The fine time step used unless told otherwise: 0.02 ms / max(phi, 1) (0.0052 ms at 18.5 C)."""
        return DT_AT_REFERENCE / max(self.hh.rate_factor, 1.0)


def _uniform_grid(params: CableParams, length: float, h: float) -> _Grid:
    """An unmyelinated cable of `length` cm, vertices about h apart (exactly length / round(length / h))."""
    count = max(round(length / h), 2) + 1
    h = length / (count - 1)
    a = params.radius * 1e-4
    x = np.arange(count) * h
    lo, hi = np.maximum(x - 0.5 * h, 0.0), np.minimum(x + 0.5 * h, length)
    circumference = 2.0 * math.pi * a
    stimulated = circumference * _overlap(lo, hi, 0.0, params.stimulus_extent * length)
    return _Grid(x, circumference * _control_widths(count, h), np.zeros(count), 0.0, 0.0,
                 _axial_conductance(a, params.r_i, h), stimulated)


# --- The simulation -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CableTrace:
    """A simulated cable: V (mV) at `positions` (cm) and `times` (ms), v[i, k] at times[i], positions[k].

    `times` are every `record_every`-th step (a space-time plot needs no more); `arrivals` are
    the first upward crossings of params.arrival_level (0 mV unless set) at every position (ms, linear interpolation within the
    step; nan where the wave never arrived). dx (cm), dt (ms) and `steps` are the grid's.
    """

    times: np.ndarray
    positions: np.ndarray
    v: np.ndarray
    arrivals: np.ndarray
    dx: float
    dt: float
    steps: int


def cable_length(params: CableParams) -> float:
    """params.length, or if it is None the distance (cm) the wave travels in 7 ms (a pilot run)."""
    if params.length is not None:
        return params.length
    return CABLE_TIME * _pilot(params, None)[1]


def simulate_cable(
    params: CableParams | None = None,
    dx: float | None = None,
    dt: float | None = None,
    duration: float = 5.0,
    record_every: int = 10,
) -> CableTrace:
    """The cable from rest, stimulated at x = 0 by params.stimulus, for `duration` ms.

    dx (cm) defaults to the length / 400, dt (ms) to params.default_dt(). The scheme is the
    module's (Crank-Nicolson, staggered gates); V is kept every `record_every` steps.
    """
    params = params or CableParams()
    length = cable_length(params)
    dt = dt or params.default_dt()
    grid = _uniform_grid(params, length, dx or length / 400.0)
    run = _integrate(grid, params.hh, params.stimulus, dt, duration, record_every, level=params.arrival_level)
    return CableTrace(run.times, grid.x, run.v, run.crossings, float(grid.x[1] - grid.x[0]), dt, run.steps)


# --- Conduction velocity ----------------------------------------------------------------------------------


def _fitted_velocity(x: np.ndarray, arrivals: np.ndarray) -> float:
    """The wave's velocity (cm/ms): the inverse slope of the least-squares line through the
    arrival times against position. Raises RuntimeError if the wave did not arrive everywhere."""
    if len(x) < 2 or np.isnan(arrivals).any():
        raise RuntimeError("the wave did not reach every measured point")
    return 1.0 / float(np.polyfit(x, arrivals, 1)[0])


def _window(x: np.ndarray, length: float) -> np.ndarray:
    """Indices of the points between 4/7 and 6/7 of the cable: between 4 and 6 ms of travel."""
    return np.flatnonzero((x >= WINDOW_START / CABLE_TIME * length) & (x <= WINDOW_STOP / CABLE_TIME * length))


class GridTooCoarse(ValueError):
    """The grid or time step cannot carry the wave: the message names the setting and what to do."""


class NoWave(RuntimeError):
    """No wave crossing the arrival level travels along the cable, on any trial length."""


def _check_step(name: str, value: float | None, unit: str) -> None:
    if value is not None and not (isinstance(value, (int, float)) and math.isfinite(value) and value > 0.0):
        raise ValueError(f"{name} must be a positive finite number of {unit}; got {value!r}")


def _cable_velocity(params: CableParams, length: float, h: float, dt: float) -> tuple[float, int]:
    """The velocity (cm/ms) on one grid, and its size (vertices x steps).

    Raises GridTooCoarse, naming dx and dt, when the wave does not cross the measured window
    (a grid too coarse to carry the front) or the window holds fewer than 3 vertices.
    """
    grid = _uniform_grid(params, length, h)
    window = _window(grid.x, length)
    spacing = float(grid.x[1] - grid.x[0])
    if len(window) < 3:
        raise GridTooCoarse(f"dx = {spacing:.4g} cm leaves {len(window)} grid points between 4/7 and 6/7 of the "
                            f"{length:.4g} cm cable, where the velocity is measured; at least 3 are needed: refine dx")
    duration = 3.0 * CABLE_TIME + params.stimulus.stop  # a bound; the run stops when the wave is measured
    run = _integrate(grid, params.hh, params.stimulus, dt, duration, watch=int(window[-1]),
                     level=params.arrival_level)
    arrivals = run.crossings[window]
    if np.isnan(arrivals).any():
        raise GridTooCoarse(f"no propagating wave crossed the measured part of the cable at dx = {spacing:.4g} cm, "
                            f"dt = {dt:.4g} ms (a grid or step too coarse for the spike's front, or a wave whose peak "
                            f"stays below arrival_level = {params.arrival_level:g} mV): refine dx and dt, or lower "
                            f"arrival_level")
    return _fitted_velocity(grid.x[window], arrivals), len(grid.x) * run.steps


def _pilot_velocity(params: CableParams, trial_length: float | None = None) -> float:
    """A rough velocity (cm/ms, a few % off) from coarse runs, to size the real grid.

    Nothing about the wave's scale is assumed: a cable of trial length (`trial_length`, else
    params.length, else 6 cm) with 80 vertices is run at 4 x params.default_dt() (whatever step
    the caller asks of the real run); if the wave failed to cross it (the grid too coarse for the
    front) the cable is made 4 times shorter; if it fired almost at once it is made 16 times
    longer; otherwise it is resized to the distance the measured wave travels in 3 ms, until the
    size agrees within a factor 2.
    """
    length = trial_length or params.length or 6.0
    dt = 4.0 * params.default_dt()
    misses = 0  # trials in a row with no wave: after MAX_MISSES (a cable 4^8 = 65536 times shorter) give up
    for _ in range(30):
        trial = params.replace(length=length)
        grid = _uniform_grid(trial, length, length / 80.0)
        middle = np.flatnonzero((grid.x >= 0.4 * length) & (grid.x <= 0.9 * length))
        run = _integrate(grid, trial.hh, trial.stimulus, dt, 4.0 * PILOT_TIME + trial.stimulus.stop,
                         watch=int(middle[-1]), level=params.arrival_level)
        if np.isnan(run.crossings[middle]).any():
            misses += 1
            if misses >= MAX_MISSES:
                break
            length /= 4.0
            continue
        misses = 0
        velocity = _fitted_velocity(grid.x[middle], run.crossings[middle])
        if not 0.0 < velocity * PILOT_TIME < 16.0 * length:  # the whole cable fired almost at once
            length *= 16.0
            continue
        if 0.5 < velocity * PILOT_TIME / length < 2.0:
            return velocity
        length = velocity * PILOT_TIME
    raise NoWave(f"no propagating wave found: no wave crossing arrival_level = {params.arrival_level:g} mV "
                 f"travels along this cable (temperature {params.temperature:g} C, stimulus {params.stimulus}); the "
                 f"pilot tried cables from far shorter to far longer than any wave's scale")


def _pilot(params: CableParams, trial_length: float | None) -> tuple[CableParams, float]:
    """The pilot's velocity (cm/ms), and params with the arrival level it found a wave at: the
    given one, or LOW_ARRIVAL_LEVEL if no wave crosses 0 mV (a hot axon's low spike)."""
    try:
        return params, _pilot_velocity(params, trial_length)
    except NoWave:
        if params.arrival_level != SPIKE_LEVEL:
            raise
        low = params.replace(arrival_level=LOW_ARRIVAL_LEVEL)
        return low, _pilot_velocity(low, trial_length)


@dataclass(frozen=True)
class VelocityRefinement:
    """Conduction velocities (m/s) of one cable on grids (dx, dt), (2 dx, 2 dt), (4 dx, 4 dt), ...

    `velocities` runs from the finest grid to the coarsest; dx (cm) and dt (ms) are the finest
    grid's, `length` (cm) the cable's; `samples` its vertices x steps. The scheme is second order,
    so the fine velocity's error is about (fine - coarse) / 3 with its sign (`richardson`), and
    fine + richardson (`extrapolated`) cancels the leading error. With three grids or more the
    extrapolated value's own error is estimated from the next pair: the difference between the
    extrapolations of grids (1, 2) and (2, 3) (a conservative bound: it does not divide by the
    next order's 2^p - 1).
    """

    velocities: tuple[float, ...]
    dx: float
    dt: float
    length: float
    samples: int

    @property
    def fine(self) -> float:
        return self.velocities[0]

    @property
    def coarse(self) -> float:
        """The second grid's velocity; nan when only one grid was run."""
        return self.velocities[1] if len(self.velocities) > 1 else math.nan

    @property
    def richardson(self) -> float:
        """The signed estimate of (true - fine): (fine - coarse) / (2^2 - 1); nan with one grid."""
        return (self.fine - self.coarse) / (2**ORDER - 1)

    @property
    def extrapolated(self) -> float:
        """fine + richardson: the leading (dx^2, dt^2) error removed."""
        return self.fine + self.richardson

    @property
    def extrapolated_error(self) -> float:
        """|extrapolated - the same extrapolation one grid coarser|; nan with only two grids."""
        if len(self.velocities) < 3:
            return math.nan
        second = self.velocities[1] + (self.velocities[1] - self.velocities[2]) / (2**ORDER - 1)
        return abs(self.extrapolated - second)

    def estimate(self) -> Estimate:
        """The fine velocity and its error |richardson|, as `conduction_velocity` reports it."""
        if len(self.velocities) < 2:
            raise ValueError("levels must be at least 2 for an error estimate of the velocity")
        return Estimate(self.fine, abs(self.richardson), self.samples, computed=True)

    def extrapolated_estimate(self) -> Estimate:
        """The extrapolated velocity and its error (needs three grids)."""
        if len(self.velocities) < 3:
            raise ValueError("levels must be at least 3 for an error estimate of the extrapolated velocity")
        return Estimate(self.extrapolated, self.extrapolated_error, self.samples, computed=True)


def velocity_refinement(
    params: CableParams | None = None, dx: float | None = None, dt: float | None = None,
    length: float | None = None, levels: int = 3, courant: float = COURANT, trial_length: float | None = None,
) -> VelocityRefinement:
    """The velocity on `levels` grids (dx, dt), (2 dx, 2 dt), ... of one cable: direct control of the grid.

    levels=1 runs the fine grid alone (no error estimate); 2 gives the signed Richardson estimate
    and the extrapolated value; 3 also the extrapolated value's error.

    length (cm): the cable; default params.length, else 7 ms of travel found by a coarse pilot.
    dx (cm): the finest spacing; default the pilot's velocity x dt / courant (the pilot runs then
    even when the length is given). dt (ms): the finest step; default params.default_dt().
    With dx, dt and a length all given, no pilot runs: the cost is the grids' alone. Raises
    ValueError naming the setting for a non-positive or non-finite dx, dt or length, and
    GridTooCoarse (a ValueError) naming dx and dt when a grid cannot carry the wave.
    """
    params = params or CableParams()
    _check_step("dx", dx, "cm")
    _check_step("dt", dt, "ms")
    _check_step("length", length, "cm")
    if not isinstance(levels, int) or levels < 1:
        raise ValueError(f"levels must be a whole number of grids, at least 1; got {levels!r}")
    dt = dt or params.default_dt()
    length = length or params.length
    pilot = None
    if length is None or dx is None:
        params, pilot = _pilot(params, trial_length or length)
    length = length or CABLE_TIME * pilot
    dx = dx or pilot * dt / courant
    values, size = [], 0
    for level in range(levels):
        try:
            value, cost = _cable_velocity(params, length, dx * 2**level, dt * 2**level)
        except GridTooCoarse as error:
            if not level:
                raise
            raise GridTooCoarse(f"with dx = {dx:.4g} cm and dt = {dt:.4g} ms, the refinement's grid {level + 1} "
                                f"(dx x {2**level}, dt x {2**level}) fails: {error}. Refine dx and dt, or ask for "
                                f"fewer levels (levels={levels})") from None
        values.append(CM_PER_MS_IN_M_PER_S * value)
        size = size or cost
    spacing = length / (max(round(length / dx), 2))
    return VelocityRefinement(tuple(values), spacing, dt, length, size)


def _velocity_pair(params: CableParams, dt: float | None, courant: float, trial_length: float | None
                   ) -> tuple[float, float, int]:
    """(fine, coarse) velocity in m/s at (dx, dt) and (2 dx, 2 dt), and the fine run's size."""
    refined = velocity_refinement(params, dt=dt, levels=2, courant=courant, trial_length=trial_length)
    return refined.fine, refined.coarse, refined.samples


def conduction_velocity(
    params: CableParams | None = None, dt: float | None = None, courant: float = COURANT,
    trial_length: float | None = None, dx: float | None = None, extrapolate: bool = False,
) -> Estimate:
    """The speed of the action potential (m/s) on an unmyelinated cable, with its error.

    A coarse pilot finds the wave's scale; the cable is then 7 ms of travel long (unless
    params.length is given) and the velocity is the inverse slope of arrival time against
    position between 4/7 and 6/7 of it. Run at (dx, dt) and (2 dx, 2 dt), dt defaulting to
    params.default_dt() and dx (cm) to the pilot velocity x dt / courant; the error is
    |fine - coarse| / 3 (second order, Richardson). The value is the fine one; with
    `extrapolate`, a third grid (4 dx, 4 dt) is run and the value is the Richardson extrapolation
    fine + (fine - coarse) / 3, its error the change of that extrapolation one grid coarser
    (`VelocityRefinement`). `trial_length` (cm) is where the pilot's search starts (a
    neighbouring run's wave scale saves time).
    """
    refined = velocity_refinement(params, dx=dx, dt=dt, levels=3 if extrapolate else 2, courant=courant,
                                  trial_length=trial_length)
    return refined.extrapolated_estimate() if extrapolate else refined.estimate()


RESCALING = {"radius", "r_i"}  # changes that only stretch the wave: its grid stretches with it


def velocity_ratio(params: CableParams | None = None, dt: float | None = None, **changes: object) -> Estimate:
    """v(params with `changes`) / v(params), e.g. velocity_ratio(radius=952.0).

    When the changes only rescale the cable (radius, r_i), each run's grid is sized by its own
    wave, so the two discrete problems are rescalings of each other and share their
    discretisation error: the ratio is formed on the fine grids and on the coarse grids, and its
    error is the Richardson estimate of the ratio itself, |fine - coarse| / 3. Any other change
    (temperature, membrane) gives unrelated grids, and the two relative errors add."""
    params = params or CableParams()
    base = _velocity_pair(params, dt, COURANT, None)
    changed = _velocity_pair(params.replace(**changes), dt, COURANT, None)
    samples = min(base[2], changed[2])
    if set(changes) <= RESCALING:
        return Estimate.from_refinement(changed[0] / base[0], changed[1] / base[1], samples, ORDER)
    return Estimate.from_refinement(changed[0], changed[1], changed[2], ORDER).over(
        Estimate.from_refinement(base[0], base[1], base[2], ORDER))


def velocities(radii: Sequence[float], params: CableParams | None = None) -> list[Estimate]:
    """`conduction_velocity` (m/s) at each radius (um), the other parameters unchanged."""
    params = params or CableParams()
    return [conduction_velocity(params.replace(radius=float(r))) for r in radii]


# --- The passive cable's steady state -------------------------------------------------------------


@dataclass(frozen=True)
class SteadyState:
    """A passive cable's steady depolarisation v (mV above rest) at positions x (cm)."""

    x: np.ndarray
    v: np.ndarray


def passive_steady_state(
    radius: float, r_m: float, r_i: float, length: float, dx: float, current: float = 1.0,
) -> SteadyState:
    """The steady state of a sealed passive cable with `current` nA injected at x = 0.

    radius um, r_m (membrane resistance) ohm cm^2, r_i ohm cm, length and dx cm. The same
    vertex-centred grid as the simulations (half control volumes at the sealed ends), with
    every time derivative zero: a symmetric tridiagonal system (G the axial conductance of dx,
    g the membrane conductance of each control volume) solved by scipy's solve_banded:
        G (V[k-1] - 2 V[k] + V[k+1]) - g[k] V[k] + I delta[k, 0] = 0.
    Second order in dx.
    """
    count = max(round(length / dx), 2) + 1
    h = length / (count - 1)
    a = radius * 1e-4
    coupling = _axial_conductance(a, r_i, h)
    membrane = MS_PER_S / r_m * 2.0 * math.pi * a * _control_widths(count, h)  # mS
    diagonal = membrane + 2.0 * coupling
    diagonal[0] -= coupling
    diagonal[-1] -= coupling
    bands = np.zeros((3, count))
    bands[0, 1:] = bands[2, :-1] = -coupling
    bands[1] = diagonal
    rhs = np.zeros(count)
    rhs[0] = current * 1e-3  # nA -> uA; uA / mS = mV
    return SteadyState(np.arange(count) * h, solve_banded((1, 1), bands, rhs))


def decay_length(state: SteadyState, stop: float = 0.5) -> float:
    """The distance (cm) over which v falls by e, MEASURED: -1 / the slope of the least-squares
    line through log v against x, over the first `stop` fraction of the cable (away from the
    sealed far end, where the profile bends flat)."""
    keep = (state.x <= stop * state.x[-1]) & (state.v > 1e-250)
    if keep.sum() < 3:
        raise ValueError("the profile decays within two grid points: refine the grid")
    return -1.0 / float(np.polyfit(state.x[keep], np.log(state.v[keep]), 1)[0])


def measured_length_constant(
    radius: float, r_m: float, r_i: float, points: int = 40, lengths: float = 20.0,
) -> Estimate:
    """The length constant (cm) of a passive cable, measured from its computed steady state.

    The grid is found by measuring, not by formula: starting from a 1 cm cable of 200 points,
    the decay length is measured (`decay_length`) and the cable made `lengths` decay lengths
    long with `points` per decay length, until the measurement moves by less than 1%. Then it
    is measured at dx and 2 dx: value the fine one, error |fine - coarse| / 3 (second order).
    """
    length, dx, previous = 1.0, 1.0 / 200.0, math.inf
    for _ in range(40):
        try:
            measured = decay_length(passive_steady_state(radius, r_m, r_i, length, dx))
        except ValueError:  # decayed within a grid spacing: the grid was far too coarse
            length, dx = length / 10.0, dx / 10.0
            continue
        if abs(measured - previous) < 0.01 * measured and length >= lengths * measured:
            break
        previous, length, dx = measured, lengths * measured, measured / points
    else:
        raise RuntimeError("the length-constant measurement did not settle")
    fine_state = passive_steady_state(radius, r_m, r_i, length, dx)
    coarse = decay_length(passive_steady_state(radius, r_m, r_i, length, 2.0 * dx))
    return Estimate.from_refinement(decay_length(fine_state), coarse, len(fine_state.x), ORDER)


# --- The myelinated axon ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class MyelinParams:
    """The geometry and the sheath of a myelinated fibre, everything in proportion to its radius.

    g_ratio: axon diameter / fibre (outer) diameter, 0.7 (McNeal 1976, IEEE Trans. Biomed. Eng.
    23, 329; McIntyre, Richardson & Grill 2002, J. Neurophysiol. 87, 995, have 0.69 for a 10 um
    fibre). internode_per_diameter: internode length / fibre diameter, 100 (Rushton 1951,
    J. Physiol. 115, 101, after Hursh 1939; McNeal 1976). node_length: 1 um (McIntyre et al.
    2002). The sheath is a stack of lamellae, each two membranes of lamella_capacitance
    0.1 uF/cm^2 and lamella_conductance 1 mS/cm^2 in series (McIntyre et al. 2002), so a sheath
    of n lamellae has 0.1/(2n) uF/cm^2 and 1/(2n) mS/cm^2 per unit axon area; n is in proportion
    to the sheath's thickness, lamellae_per_um = 120 / 1.55 (their 10 um fibre: 120 lamellae in a
    (10 - 6.9)/2 um sheath). The internode is the sheath alone (the axolemma beneath it, in
    series, is neglected) and the nodes are the cable's HH membrane.
    """

    g_ratio: float = 0.7
    internode_per_diameter: float = 100.0
    node_length: float = 1.0
    # The fibre exactly similar at every size, as the scaling argument assumes: the node's length
    # along the axon (and so its axial resistance) grows as the radius (1 um at a radius of 1 um)
    # while its membrane stays node_length of axon long (area in proportion to the radius).
    similar_nodes: bool = False
    lamella_capacitance: float = 0.1
    lamella_conductance: float = 1.0
    lamellae_per_um: float = 120.0 / 1.55

    def replace(self, **changes: float) -> MyelinParams:
        """A copy with some parameters changed."""
        return dataclasses.replace(self, **changes)

    def internode(self, radius: float) -> float:
        """Internode length (um) of an axon of `radius` um: 100 x the fibre diameter 2 radius / g."""
        return self.internode_per_diameter * 2.0 * radius / self.g_ratio

    def node_span(self, radius: float) -> float:
        """The node's length along the axon (um): node_length, or in proportion to the radius."""
        return self.node_length * radius if self.similar_nodes else self.node_length

    def sheath(self, radius: float) -> tuple[float, float]:
        """(uF/cm^2, mS/cm^2) of the sheath per unit axon membrane, for an axon of `radius` um."""
        lamellae = self.lamellae_per_um * radius * (1.0 / self.g_ratio - 1.0)
        return self.lamella_capacitance / (2.0 * lamellae), self.lamella_conductance / (2.0 * lamellae)


MYELIN_STIMULUS = Pulse(2.0e4, 0.0, 0.1)  # uA/cm^2 of the first node's membrane


def _myelinated_grid(params: CableParams, myelin: MyelinParams, nodes: int, segments: int) -> _Grid:
    """`nodes` nodes of HH membrane, `segments` grid spacings apart, joined by the sheath.

    The vertices are equally spaced, h = (internode + node length) / segments; every
    `segments`-th is a node, whose control volume holds the node's membrane (node_length of
    axon) and sheath for the rest. The fibre is cut through the middle of a node at each end
    (sealed); the first half-node is stimulated.
    """
    a = params.radius * 1e-4
    h = (myelin.internode(params.radius) + myelin.node_span(params.radius)) * 1e-4 / segments
    count = (nodes - 1) * segments + 1
    circumference = 2.0 * math.pi * a
    widths = _control_widths(count, h)
    node_area = circumference * myelin.node_length * 1e-4
    if myelin.node_span(params.radius) * 1e-4 > h:
        raise ValueError("too many segments: a node would not fit in its control volume")
    active = np.zeros(count)
    active[::segments] = node_area
    active[0] = active[-1] = 0.5 * node_area  # the fibre is cut through the middle of its end nodes
    bare = active * (myelin.node_span(params.radius) / myelin.node_length)  # axon the sheath leaves uncovered
    c_sheath, g_sheath = myelin.sheath(params.radius)
    stimulated = np.zeros(count)
    stimulated[0] = active[0]
    return _Grid(np.arange(count) * h, active, circumference * widths - bare, c_sheath, g_sheath,
                 _axial_conductance(a, params.r_i, h), stimulated)


def _myelinated_run(params: CableParams, myelin: MyelinParams, nodes: int, segments: int, dt: float,
                    first: int, last: int) -> tuple[float, int]:
    """The velocity (cm/ms) fitted to the arrivals at nodes first..last, and the run's size."""
    grid = _myelinated_grid(params, myelin, nodes, segments)
    duration = 3.0 * CABLE_TIME + MYELIN_STIMULUS.stop
    run = _integrate(grid, params.hh, MYELIN_STIMULUS, dt, duration, watch=last * segments)
    measured = slice(first * segments, last * segments + 1, segments)
    if np.isnan(run.crossings[measured]).any():
        raise GridTooCoarse(f"no saltatory wave crossed nodes {first}-{last} of the myelinated fibre (radius "
                            f"{params.radius:g} um) at {segments} grid spacing(s) per node period and dt = {dt:.4g} ms: "
                            f"refine dt (and segments)")
    return _fitted_velocity(grid.x[measured], run.crossings[measured]), len(grid.x) * run.steps


def _segments_for(radius: float, myelin: MyelinParams, segments: int, dx: float | None) -> int:
    """Grid spacings per node period: `segments`, or the period (um) / dx (um) when dx is given,
    which must then be a whole even number (the nodes sit on vertices; the coarse grid halves it)."""
    if dx is None:
        count = segments
    else:
        if not (math.isfinite(dx) and dx > 0.0):
            raise ValueError(f"dx must be a positive finite length in um; got {dx!r}")
        period = myelin.internode(radius) + myelin.node_span(radius)
        count = round(period / dx)
        if count < 2 or abs(count * dx - period) > 1e-6 * period:
            raise ValueError(f"dx = {dx!r} um must divide the node period ({period:.6g} um at radius {radius:g} um) "
                             f"into a whole even number of spacings; it gives {period / dx:.6g}")
    if count < 2 or count % 2:
        raise ValueError(f"segments must be even and at least 2 (the coarse grid has half as many); got {count}")
    return count


def _myelinated_pair(radius: float, params: CableParams | None, myelin: MyelinParams | None,
                     dt: float | None, segments: int, dx: float | None = None) -> tuple[float, float, int]:
    """(fine, coarse) saltatory velocity in m/s, and the fine run's size (see myelinated_velocity)."""
    params = (params or CableParams()).replace(radius=float(radius))
    myelin = myelin or MyelinParams()
    _check_step("dt", dt, "ms")
    dt = dt or 0.8 * params.default_dt()
    segments = _segments_for(radius, myelin, segments, dx)
    pilot, _ = _myelinated_run(params, myelin, 40, 1, 3.2 * params.default_dt(), 15, 35)  # sizes the fibre only
    period = (myelin.internode(radius) + myelin.node_span(radius)) * 1e-4
    nodes = math.ceil(CABLE_TIME * pilot / period) + 1
    first, last = round(WINDOW_START / CABLE_TIME * nodes), round(WINDOW_STOP / CABLE_TIME * nodes)
    fine, size = _myelinated_run(params, myelin, nodes, segments, dt, first, last)
    coarse, _ = _myelinated_run(params, myelin, nodes, segments // 2, 2.0 * dt, first, last)
    return CM_PER_MS_IN_M_PER_S * fine, CM_PER_MS_IN_M_PER_S * coarse, size


def myelinated_velocity(
    radius: float, params: CableParams | None = None, myelin: MyelinParams | None = None,
    dt: float | None = None, segments: int = 2, dx: float | None = None,
) -> Estimate:
    """The speed (m/s) of the saltatory wave on a myelinated axon of `radius` um, with its error.

    The cable's membrane, temperature and r_i are `params`' (its radius is replaced). A pilot
    on 40 nodes (one grid spacing per internode, 3.2 x params.default_dt()) sizes the fibre to 7 ms of travel; the
    velocity is fitted to the arrival times at the nodes between 4 and 6 ms of travel. Fine:
    `segments` grid spacings per node period (or spacings of `dx` um, an absolute grid that
    must divide the period evenly) and dt (default 0.8 x params.default_dt()); coarse: half as
    many spacings and 2 dt; error |fine - coarse| / 3.
    """
    fine, coarse, size = _myelinated_pair(radius, params, myelin, dt, segments, dx)
    return Estimate.from_refinement(fine, coarse, size, ORDER)


def myelinated_ratio(radius: float, factor: float, params: CableParams | None = None,
                     myelin: MyelinParams | None = None, dt: float | None = None, segments: int = 2
                     ) -> Estimate:
    """v_myelinated(factor x radius) / v_myelinated(radius), with the Richardson error of the ratio.

    Both fibres get `segments` spacings per node period, so for a fibre similar at every size
    (MyelinParams(similar_nodes=True)) the two discrete problems are exact rescalings and the
    ratio is exactly `factor`, error 0, whatever the physics: that tests the construction, not
    a law. `myelinated_ratio_fixed_grid` does not share this.
    """
    base = _myelinated_pair(radius, params, myelin, dt, segments)
    changed = _myelinated_pair(factor * radius, params, myelin, dt, segments)
    return Estimate.from_refinement(changed[0] / base[0], changed[1] / base[1], min(base[2], changed[2]),
                                    ORDER)


def myelinated_ratio_fixed_grid(radius: float, factor: float, params: CableParams | None = None,
                                myelin: MyelinParams | None = None, dt: float | None = None,
                                segments: int = 2) -> Estimate:
    """v_myelinated(factor x radius) / v_myelinated(radius) on one absolute grid and time step.

    The spacing (um) is the thinner fibre's node period / `segments`, the same for both (so the
    thicker fibre gets factor x segments spacings per period: `factor` must make that a whole
    even number) and both use the same dt. The discrete problems are then not rescalings of each
    other, and the ratio has a discretisation error of its own. Being a smooth function of two
    second-order results, the ratio is second order in (dx, dt) too: it is formed on the fine
    pair and on the coarse pair (2 dx, 2 dt), and its error is the Richardson |fine - coarse| / 3.
    (Measured for a similar fibre, 1 -> 2 um: fine 2.000123, coarse 2.000481, so error 1.2e-4 and
    extrapolated 2.0000036; with dt halved the fine ratio moves by only 1e-6, time being unscaled.)
    """
    myelin = myelin or MyelinParams()
    dx = (myelin.internode(radius) + myelin.node_span(radius)) / segments
    thin = _myelinated_pair(radius, params, myelin, dt, segments, dx)
    thick = _myelinated_pair(factor * radius, params, myelin, dt, segments, dx)
    return Estimate.from_refinement(thick[0] / thin[0], thick[1] / thin[1], min(thin[2], thick[2]), ORDER)


def myelin_gain(radius: float, params: CableParams | None = None, myelin: MyelinParams | None = None,
                refine: int = 1) -> Estimate:
    """v_myelinated / v_unmyelinated at the same radius (um). The two come from unrelated grids, so
    their relative errors add (nothing cancels). `refine` divides both time steps by `refine` and
    gives the myelinated fibre 2 x `refine` grid points per internode."""
    params = (params or CableParams()).replace(radius=float(radius))
    fast = myelinated_velocity(radius, params, myelin, dt=0.8 * params.default_dt() / refine,
                               segments=2 * refine)
    slow = conduction_velocity(params, dt=params.default_dt() / refine)
    return fast.over(slow)


@dataclass(frozen=True)
class Crossover:
    """Where myelin stops paying: the radius (um, with its error) at which the myelinated and the
    unmyelinated velocities are equal, and the two velocities (m/s) found there."""

    radius: Estimate
    myelinated: Estimate
    unmyelinated: Estimate
    evaluations: int


def myelin_crossover(
    params: CableParams | None = None, myelin: MyelinParams | None = None,
    bracket: tuple[float, float] = (0.004, 1.0), rtol: float = 3e-3, coarsening: float = 2.0,
) -> Crossover:
    """The radius (um) below which an unmyelinated axon is faster than a myelinated one.

    brentq on log(v_myelinated / v_unmyelinated) as a function of log(radius) within `bracket`
    (um), to `rtol` in the radius. The velocities come from `myelinated_velocity` and
    `conduction_velocity` with dt `coarsening` times their defaults (cheaper, still
    error-estimated). The radius's error: the root finder's tolerance plus the velocities'
    relative errors and the residual log-ratio, divided by the log-ratio's slope in log radius
    (measured between the root and the nearest other evaluation). The answer belongs to this
    model: HH nodes, and a fibre that keeps every proportion as it shrinks.
    """
    params = params or CableParams()
    myelin = myelin or MyelinParams()
    dt = coarsening * params.default_dt()
    seen: dict[float, tuple[float, Estimate, Estimate]] = {}
    scale: list[float] = []  # the last unmyelinated wave's 3 ms of travel: the next pilot's start

    def log_ratio(log_radius: float) -> float:
        radius = math.exp(log_radius)
        fast = myelinated_velocity(radius, params, myelin, dt=0.8 * dt)
        slow = conduction_velocity(params.replace(radius=radius), dt=dt,
                                   trial_length=scale[-1] if scale else None)
        scale.append(PILOT_TIME * slow.value / CM_PER_MS_IN_M_PER_S)
        seen[log_radius] = (math.log(fast.value / slow.value), fast, slow)
        return seen[log_radius][0]

    lo, hi = math.log(bracket[0]), math.log(bracket[1])
    root = optimize.brentq(log_ratio, lo, hi, xtol=0.5 * rtol, rtol=1e-12)
    if root not in seen:
        log_ratio(root)
    value, fast, slow = seen[root]
    neighbour = min((x for x in seen if x != root), key=lambda x: abs(x - root))
    slope = (seen[neighbour][0] - value) / (neighbour - root)
    spread = fast.stderr / fast.value + slow.stderr / slow.value + abs(value)
    radius = math.exp(root)
    error = radius * (spread / abs(slope) + 0.5 * rtol)
    return Crossover(Estimate(radius, error, min(fast.samples, slow.samples), computed=True), fast, slow,
                     len(seen))
