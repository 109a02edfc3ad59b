"""The squid-axon conduction velocity, NEURON against derive.sim.cable, at equal accuracy.

`cable_comparison()` builds the same axon in both (radius 238 um, R_i 35.4 ohm cm, C_m 1 uF/cm^2,
the HH squid membrane at 18.5 C, 7 ms of travel long, sealed ends, a brief current at x = 0) and
measures the velocity the same way (upward 0 mV crossings, interpolated within the step, fitted
between 4/7 and 6/7 of the cable). NEURON runs its fixed-step Crank-Nicolson (secondorder = 2,
the same staggered scheme as ours), with exact rates (usetable_hh = 0) and with its rate tables,
and its default backward Euler (secondorder = 0, tables).

The reference is our Richardson-extrapolated velocity on grids far finer than any tested here,
checked against NEURON's own finest run. For each accuracy (0.5 % and 0.01 %) and each side, the
search walks dt down by factors of sqrt(2) at several fixed ratios dx / dt, and takes at each
ratio the first (cheapest) dt whose velocity is within the accuracy and stays within it one step
finer (so a lucky cancellation of the dx and dt errors does not count); the cheapest over the
ratios wins, and is timed again (best of REPEATS runs). Times are CPU seconds of this process
(time.process_time; both sides run single-threaded in it), so other jobs on a shared machine
distort them less than they would wall time. Our side is
timed through the public call `velocity_refinement(params, dx, dt, length, levels)`: one grid
(levels=1), and two grids with the extrapolated value (levels=2). NEURON's time is
`h.continuerun` alone (the model is built beforehand) run until the wave has reached the
measured window's end (ours stops there by itself), ours the whole call.

NEURON is a benchmark-only dependency (`pip install neuron`, the `bench` extra). Called by
benchmarks/vs_neuron.py; runs on its own too: .venv/bin/python benchmarks/_neuron_cable.py
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from derive.sim import cable
from derive.sim.hodgkin_huxley import resting_state

PARAMS = cable.CableParams()
ACCURACIES = (5e-3, 1e-4)
REPEATS = 3
SPEED = 1.873  # cm/ms, the wave's rough speed: sets the dx / dt ratios searched (dx = ratio x SPEED x dt)
RATIOS = (0.5, 1.0, 2.0, 4.0)
COARSEST_DT = 0.08  # ms: every search starts here and refines by sqrt(2)
FINEST_DT = 0.0004
MAX_WORK = 4e7  # compartment-steps: a setting costing more (about 10 s) is not run, and counts as not reaching


@dataclass(frozen=True)
class Result:
    """One setting of one side: the velocity (m/s), its relative error against the reference, the
    best wall time (s), and what was run."""

    side: str
    dx: float  # cm
    dt: float  # ms
    velocity: float
    error: float
    seconds: float
    compartments: int


# --- NEURON -------------------------------------------------------------------------------------


class NeuronAxon:
    """The squid axon in NEURON, rebuilt when nseg changes. There is one at a time: NEURON
    integrates every section that exists, so a second axon would double the cost of each run."""

    def __init__(self, length: float) -> None:
        from neuron import h

        h.load_file("stdrun.hoc")
        self.h, self.length = h, length
        self.section = None
        self.nseg = 0
        self.rest = resting_state(PARAMS.hh).v
        h.celsius = PARAMS.temperature

    def _build(self, nseg: int) -> None:
        h, membrane = self.h, PARAMS.membrane
        if self.section is not None:
            h.delete_section(sec=self.section)
        section = h.Section(name="axon")
        section.L, section.diam, section.nseg = self.length * 1e4, 2.0 * PARAMS.radius, nseg
        section.Ra, section.cm = PARAMS.r_i, membrane.c_m
        section.insert("hh")
        for segment in section:
            segment.hh.gnabar, segment.hh.gkbar = membrane.g_na * 1e-3, membrane.g_k * 1e-3  # S/cm^2
            segment.hh.gl, segment.hh.el = membrane.g_l * 1e-3, membrane.e_l
            segment.ena, segment.ek = membrane.e_na, membrane.e_k
        pulse = PARAMS.stimulus
        extent = PARAMS.stimulus_extent * self.length  # the same total current as ours, into the first segment
        self.clamp = h.IClamp(section(0.5 / nseg))
        self.clamp.delay, self.clamp.dur = pulse.start, pulse.width
        self.clamp.amp = pulse.amplitude * 2.0 * math.pi * PARAMS.radius * 1e-4 * extent * 1e3  # nA
        x = np.array([segment.x for segment in section]) * self.length
        self.window = np.flatnonzero((x >= 4 / 7 * self.length) & (x <= 6 / 7 * self.length))
        self.x = x[self.window]
        segments = list(section)
        self.vectors = [h.Vector() for _ in self.window]
        for vector, index in zip(self.vectors, self.window):
            vector.record(segments[index]._ref_v)
        self.section, self.nseg = section, nseg

    def velocity(self, dx: float, dt: float, stop: float, tables: bool = False, order: int = 2,
                 capped: bool = True) -> tuple[float, float, int]:
        """(m/s, seconds of h.continuerun, nseg) on segments of about dx cm and steps of dt ms, run to
        `stop` ms; `tables`: NEURON's hh rate tables; `order`: h.secondorder (2 Crank-Nicolson, 0
        backward Euler). A run of more than MAX_WORK compartment-steps is skipped (nan) if `capped`."""
        h = self.h
        nseg = max(round(self.length / dx), 3)
        if capped and nseg * stop / dt > MAX_WORK:
            return math.nan, math.inf, nseg
        if nseg != self.nseg:
            self._build(nseg)
        h.usetable_hh = 1 if tables else 0
        h.secondorder = order
        h.dt, h.steps_per_ms = dt, 1.0 / dt
        h.finitialize(self.rest)
        started = time.process_time()
        h.continuerun(stop)
        seconds = time.process_time() - started
        arrivals = []
        for vector in self.vectors:
            v = np.array(vector)
            up = np.flatnonzero((v[:-1] < cable.SPIKE_LEVEL) & (v[1:] >= cable.SPIKE_LEVEL))
            if not len(up):
                return math.nan, seconds, nseg
            k = up[0]
            arrivals.append(dt * (k + (cable.SPIKE_LEVEL - v[k]) / (v[k + 1] - v[k])))
        self.last_arrival = arrivals[-1]
        return 10.0 / float(np.polyfit(self.x, arrivals, 1)[0]), seconds, nseg


# --- The search -----------------------------------------------------------------------------------


Runner = Callable[[float, float], tuple[float, float, int]]  # (dx, dt) -> (m/s, seconds, compartments)


def best_time(run: Runner, dx: float, dt: float) -> tuple[float, float, int]:
    velocity, seconds, count = run(dx, dt)
    for _ in range(REPEATS - 1):
        seconds = min(seconds, run(dx, dt)[1])
    return velocity, seconds, count


def cheapest(side: str, run: Runner, reference: float, accuracy: float) -> Result | None:
    """The cheapest (dx, dt) on the searched ratios whose velocity is within `accuracy` of the
    reference, and still is one sqrt(2) refinement further; timed again, best of REPEATS."""
    found: list[Result] = []
    for ratio in RATIOS:
        dt, previous = COARSEST_DT, None
        while dt >= FINEST_DT:
            dx = ratio * SPEED * dt
            try:
                velocity, seconds, count = run(dx, dt)
            except cable.GridTooCoarse:
                velocity, seconds, count = math.nan, math.inf, 0
            error = abs(velocity - reference) / reference if math.isfinite(velocity) else math.inf
            ok = error <= accuracy
            if ok and previous is not None:
                found.append(previous)
                break
            previous = Result(side, dx, dt, velocity, error, seconds, count) if ok else None
            dt /= math.sqrt(2.0)
    if not found:
        return None
    winner = min(found, key=lambda r: r.seconds)
    velocity, seconds, count = best_time(run, winner.dx, winner.dt)
    return Result(side, winner.dx, winner.dt, velocity, abs(velocity - reference) / reference, seconds, count)


def ours(levels: int, length: float) -> Runner:
    def run(dx: float, dt: float) -> tuple[float, float, int]:
        if (length / dx) * 7.0 / dt > MAX_WORK:
            return math.nan, math.inf, round(length / dx) + 1
        started = time.process_time()
        refined = cable.velocity_refinement(PARAMS, dx=dx, dt=dt, length=length, levels=levels)
        seconds = time.process_time() - started
        value = refined.fine if levels == 1 else refined.extrapolated
        return value, seconds, round(length / refined.dx) + 1
    return run


def cable_comparison() -> None:
    """Print, for the squid-axon velocity at 0.5 % and 0.01 %, each side's cheapest settings and the time ratios."""
    print("# squid-axon conduction velocity: NEURON (fixed-step Crank-Nicolson) against derive.sim.cable")
    try:
        import neuron  # noqa: F401
    except ImportError:
        print("    NEURON is not installed: .venv/bin/pip install -c constraints.txt -e '.[bench]'")
        return
    started = time.process_time()
    fine = cable.velocity_refinement(PARAMS, dt=PARAMS.default_dt() / 4, levels=3)
    length = fine.length
    reference = fine.extrapolated
    print(f"    reference: {reference:.6f} +- {fine.extrapolated_error:.1e} m/s (ours, extrapolated from dx = "
          f"{fine.dx * 1e4:.1f} um, dt = {fine.dt * 1e3:.2f} us and two coarser grids; {time.process_time() - started:.1f} s)"
          f"; cable {length:.4f} cm")
    axon = NeuronAxon(length)
    check, _, nseg = axon.velocity(fine.dx, fine.dt, 10.0, capped=False)
    print(f"    NEURON at the reference's finest grid (nseg {nseg}, dt {fine.dt * 1e3:.2f} us): {check:.6f} m/s "
          f"({(check - fine.fine) / fine.fine:+.1e} from ours on the same grid)")
    # NEURON runs until the wave has reached the window's end (ours stops there by itself), with 2 % to spare
    stop = 1.02 * float(axon.last_arrival)
    sides = {
        "ours, one grid (levels=1)": ours(1, length),
        "ours, extrapolated (levels=2)": ours(2, length),
        "NEURON, exact rates": lambda dx, dt: axon.velocity(dx, dt, stop),
        "NEURON, rate tables": lambda dx, dt: axon.velocity(dx, dt, stop, tables=True),
        "NEURON, backward Euler, tables": lambda dx, dt: axon.velocity(dx, dt, stop, tables=True, order=0),
    }
    for accuracy in ACCURACIES:
        print(f"\n## within {accuracy:.2%} of the reference")
        results = {}
        for name, run in sides.items():
            result = cheapest(name, run, reference, accuracy)
            results[name] = result
            if result is None:
                print(f"    {name:34s} not reached down to dt = {FINEST_DT} ms or {MAX_WORK:.0e} compartment-steps")
                continue
            print(f"    {name:34s} dx {result.dx * 1e4:7.1f} um ({result.compartments:5d} compartments), dt "
                  f"{result.dt * 1e3:6.2f} us: {result.velocity:.5f} m/s ({result.error:.1e} off), "
                  f"{result.seconds:.3f} s")
        fastest_neuron = min((r for k, r in results.items() if k.startswith("NEURON") and r), key=lambda r: r.seconds,
                             default=None)
        for name in ("ours, one grid (levels=1)", "ours, extrapolated (levels=2)"):
            mine = results[name]
            if mine and fastest_neuron:
                print(f"    {name:34s} time / NEURON's fastest ({fastest_neuron.side}): "
                      f"{mine.seconds / fastest_neuron.seconds:.2f}x")


if __name__ == "__main__":
    cable_comparison()
