"""The membrane as an RC circuit: the voltage equation integrated numerically.

The model: a patch of membrane with capacitance C, ion channels of conductances g_i whose
batteries are the reversal potentials E_i, and an injected current I(t) (inward through the
electrode, so it charges the inside positive):

    C dV/dt = -sum_i g_i (V - E_i) + I(t),     V(0) = V0.

Units are any consistent set (F, S, V, A, s; or per unit area: F/m^2, S/m^2, A/m^2). The
equation is integrated by scipy's solve_ivp with the 8th-order Dormand-Prince method
(DOP853), twice: at the relative tolerance `rtol` and at rtol / 1000. The coarse result's
error bounds the fine one's, so the error estimate is |fine - coarse| (given to
Estimate.from_refinement as order 1): generous, of the order of rtol, never made up. No
exponential solution is used anywhere; the solver only ever evaluates the right-hand side.

A current that jumps (a pulse) should be given with its jump times as `breakpoints`: the
integration then restarts at each jump, so the solver never steps across a discontinuity.

Recommended size: the default rtol = 1e-10 (fine solve 1e-13) gives errors of 1e-15 to 1e-14
relative and error estimates of 1e-13 to 3e-12 relative (the coarse error: a bound some
100-1000 times the fine error), in 1-7 ms per voltage for t up to 7 tau (solve_ivp's Python
overhead, about 0.1 ms a step); see benchmarks/sim_resting_potential_times.py.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from scipy.integrate import solve_ivp

from derive.estimate import Estimate

Current = Callable[[float], float]
REFINEMENT = 1e-3  # the fine solve's tolerance relative to the coarse one's


def _as_current(current: float | Current) -> Current:
    if callable(current):
        return current
    constant = float(current)
    return lambda t: constant


def voltage_slope(
    capacitance: float, conductances: Sequence[float], reversal_potentials: Sequence[float],
    current: float | Current,
) -> Callable[[float, np.ndarray], np.ndarray]:
    """dV/dt = (-sum_i g_i (V - E_i) + I(t)) / C, as solve_ivp wants it: f(t, [V])."""
    g = [float(x) for x in conductances]
    e = [float(x) for x in reversal_potentials]
    if len(g) != len(e):
        raise ValueError("need one reversal potential per conductance")
    drive = _as_current(current)

    def slope(t: float, y: np.ndarray) -> np.ndarray:
        v = y[0]
        channels = sum(gi * (v - ei) for gi, ei in zip(g, e))
        return np.array([(-channels + drive(t)) / capacitance])

    return slope


def _scale(initial: float, reversal_potentials: Sequence[float], conductances: Sequence[float],
           current: float | Current) -> float:
    """A voltage scale for the absolute tolerance: the largest of |V0|, |E_i| and |I(0)| / sum g."""
    total = sum(abs(float(g)) for g in conductances)
    drive = abs(_as_current(current)(0.0)) / total if total > 0 else 0.0
    return max(abs(initial), *(abs(float(e)) for e in reversal_potentials), drive, 1e-300)


def _integrate(
    times: np.ndarray,
    slope: Callable[[float, np.ndarray], np.ndarray],
    initial: float,
    rtol: float,
    atol: float,
    breakpoints: Sequence[float],
) -> tuple[np.ndarray, int]:
    """V at `times` (all >= 0) and the number of solver steps taken.

    The integration runs from 0 to the latest time in pieces that end at the breakpoints;
    within a piece V is read from the solver's dense output (DOP853's 7th-order interpolant).
    """
    end = float(times.max(initial=0.0))
    edges = [0.0, *sorted(float(b) for b in set(breakpoints) if 0.0 < b < end), end]
    out = np.full(len(times), float(initial))
    v = float(initial)
    steps = 0
    for start, stop in zip(edges[:-1], edges[1:]):
        if stop == start:
            continue
        solution = solve_ivp(slope, (start, stop), [v], method="DOP853", rtol=rtol, atol=atol,
                             dense_output=True)
        if not solution.success:
            raise RuntimeError(f"solve_ivp failed: {solution.message}")
        inside = (times > start) & (times <= stop)
        if inside.any():
            out[inside] = solution.sol(times[inside])[0]
        steps += len(solution.t) - 1
        v = float(solution.y[0, -1])
    return out, steps


def voltage_trace(
    times: Sequence[float] | np.ndarray,
    capacitance: float,
    conductances: Sequence[float],
    reversal_potentials: Sequence[float],
    initial: float,
    current: float | Current = 0.0,
    rtol: float = 1e-10,
    breakpoints: Sequence[float] = (),
) -> np.ndarray:
    """V at each of `times` (>= 0, any order), from one integration at tolerance rtol: for
    plotting. V is in the units of the reversal potentials, times in those of C / g."""
    times = np.asarray(times, dtype=float)
    if np.any(times < 0):
        raise ValueError("times must be >= 0")
    slope = voltage_slope(capacitance, conductances, reversal_potentials, current)
    atol = rtol * _scale(initial, reversal_potentials, conductances, current)
    return _integrate(times, slope, initial, rtol, atol, breakpoints)[0]


def voltage_at(
    time: float,
    capacitance: float,
    conductances: Sequence[float],
    reversal_potentials: Sequence[float],
    initial: float,
    current: float | Current = 0.0,
    rtol: float = 1e-10,
    breakpoints: Sequence[float] = (),
) -> Estimate:
    """V(time) with its error estimate: integrated at tolerances rtol and rtol / 1000, the
    estimate being |fine - coarse| (see the module docstring). `samples` is the number of
    steps of the fine integration."""
    if time < 0:
        raise ValueError("time must be >= 0")
    slope = voltage_slope(capacitance, conductances, reversal_potentials, current)
    scale = _scale(initial, reversal_potentials, conductances, current)
    at = np.array([float(time)])
    fine, steps = _integrate(at, slope, initial, rtol * REFINEMENT, rtol * REFINEMENT * scale, breakpoints)
    coarse, _ = _integrate(at, slope, initial, rtol, rtol * scale, breakpoints)
    return Estimate.from_refinement(float(fine[0]), float(coarse[0]), max(steps, 1), order=1)


def sodium_run_down(
    capacitance: float, conductances: Sequence[float], reversal_potentials: Sequence[float], radius: float,
    faraday: float, kT_over_e: float, sodium_outside: float, window: float = 60.0, rtol: float = 1e-9,
) -> Estimate:
    """How fast Na⁺ accumulates in a cylindrical cell whose pump has stopped: the initial rate of rise of
    the Na⁺ concentration inside, in mM/s.

    The cell starts at its resting potential (where dV/dt = 0) with the Na⁺ concentrations that make
    the given E_Na (the second reversal potential) its Nernst potential. Then, with nothing pumping,
    V follows the membrane equation and [Na⁺]_in follows the Na⁺ current: a membrane area 2πaℓ fills
    a volume πa²ℓ, so d[Na⁺]_in/dt = -2 I_Na / (F a), and E_Na = (kT/e) ln([Na⁺]_out/[Na⁺]_in) is
    recomputed as it changes. Units: mV, ms, mS/cm², μF/cm² (so I in μA/cm²), the radius in cm, F in
    C/mol, concentrations in mM (1 μA/cm² / (C/mol cm) = 1 mM/s).

    Integrated by the stiff solver Radau (the voltage settles in milliseconds, the concentration
    moves over hours). The mean rate over `window` seconds differs from the initial rate by O(window);
    it is computed over window and window/2 and extrapolated (Richardson, order 1), the difference
    being the error estimate.
    """
    g_k, g_na, g_l = (float(g) for g in conductances)
    e_k, e_na, e_l = (float(e) for e in reversal_potentials)
    inside = sodium_outside * np.exp(-e_na / kT_over_e)
    total = g_k + g_na + g_l
    rest = (g_k * e_k + g_na * e_na + g_l * e_l) / total  # dV/dt = 0 at the start

    def slope(t_ms: float, y: np.ndarray) -> np.ndarray:
        v, na = y
        e_sodium = kT_over_e * np.log(sodium_outside / na)
        i_na = g_na * (v - e_sodium)
        i_total = g_k * (v - e_k) + i_na + g_l * (v - e_l)
        return np.array([-i_total / capacitance, -2.0 * i_na / (faraday * radius) / 1000.0])  # mM per ms

    def mean_rate(seconds: float) -> float:
        run = solve_ivp(slope, (0.0, seconds * 1000.0), [rest, inside], method="Radau", rtol=rtol,
                        atol=[rtol * abs(rest), rtol * inside])
        if not run.success:
            raise RuntimeError(f"solve_ivp failed: {run.message}")
        return float((run.y[1, -1] - inside) / seconds)

    half, full = mean_rate(window / 2), mean_rate(window)
    extrapolated = 2 * half - full
    return Estimate(extrapolated, abs(extrapolated - half), 1, computed=True)
