"""derive.sim against NEURON, side by side in one process start, at equal accuracy.

Single compartment: Hodgkin and Huxley's squid membrane at 6.3 C, a step of 10 uA/cm^2 at t = 0
from rest, 100 ms. Accuracy: the first spike (upward 0 mV crossing) within 1e-3 ms of the
reference, and (a second, stricter target) every spike of the 100 ms within 1e-3 ms. The
reference is our DOP853 at rtol 1e-12 (checked against our RK4 at dt = 0.0025 ms and against
NEURON's own finest run). The same membrane in NEURON: one segment with `hh` (el_hh = -54.387 mV
like ours, exact rates: usetable_hh = 0, and with its rate tables), an IClamp of the same current
density, started from the same resting potential (finitialize sets the gates to their steady
values, which is our rest).

NEURON's default implicit Euler (secondorder=0) is first order: it needs steps of ~1e-5 ms for
1e-3 ms (0.16 ms off at dt = 0.01 ms), so it is left out of the search.

For each side and method the search walks the step (or the tolerance) down by factors of
sqrt(2) (or 10^(1/2)) and takes the first setting that reaches the accuracy and still does one
refinement further (so a lucky cancellation does not count); that setting is timed again, best
of REPEATS runs (the machine is shared). Times include reading the spike times off the run:
ours `simulate` + `spike_times` (crossings located on the integrator's interpolant), NEURON's
`finitialize` + `continuerun` + crossings interpolated linearly between its recorded steps
(fixed step) or NEURON's own NetCon event times (CVODE, which locates them within the step).

Then the squid-axon velocity part (benchmarks/_neuron_cable.py, `cable_comparison()`).

NEURON is a benchmark-only dependency: `pip install -e '.[bench]'` (or `pip install neuron`).
Prints only; asserts nothing. Run: .venv/bin/python benchmarks/vs_neuron.py
"""

from __future__ import annotations

import importlib.util
import math
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from derive.sim import hodgkin_huxley as hh

CURRENT = 10.0  # uA/cm^2
DURATION = 100.0  # ms
TOLERANCE = 1e-3  # ms
REPEATS = 5
PARAMS = hh.HHParams()
AREA = 1e-6  # cm^2 of NEURON's compartment (100 um^2): the IClamp carries CURRENT x AREA

Run = Callable[[float], np.ndarray]  # setting (dt or rtol) -> spike times (ms)


@dataclass(frozen=True)
class Result:
    side: str
    setting: float
    first_error: float
    all_error: float
    seconds: float


# --- NEURON ---------------------------------------------------------------------------------------


class NeuronSoma:
    """One compartment with Hodgkin and Huxley's channels, as ours."""

    def __init__(self) -> None:
        from neuron import h

        h.load_file("stdrun.hoc")
        self.h = h
        h.celsius = PARAMS.temperature
        self.soma = soma = h.Section(name="soma")  # kept: NEURON deletes a section Python forgets
        soma.L = soma.diam = math.sqrt(AREA * 1e8 / math.pi)  # um: pi d L = 100 um^2
        soma.nseg, soma.cm = 1, PARAMS.c_m
        soma.insert("hh")
        segment = soma(0.5)
        segment.hh.gnabar, segment.hh.gkbar = PARAMS.g_na * 1e-3, PARAMS.g_k * 1e-3  # S/cm^2
        segment.hh.gl, segment.hh.el = PARAMS.g_l * 1e-3, PARAMS.e_l
        segment.ena, segment.ek = PARAMS.e_na, PARAMS.e_k
        self.clamp = h.IClamp(segment)
        self.clamp.delay, self.clamp.dur, self.clamp.amp = 0.0, 1e9, CURRENT * AREA * 1e3  # nA
        self.v, self.t = h.Vector(), h.Vector()
        self.v.record(segment._ref_v)
        self.t.record(h._ref_t)
        self.events = h.Vector()
        self.netcon = h.NetCon(segment._ref_v, None, sec=soma)
        self.netcon.threshold = hh.SPIKE_LEVEL
        self.netcon.record(self.events)
        self.cvode = h.CVode()
        self.rest = hh.resting_state(PARAMS).v

    def fixed(self, dt: float, order: int, tables: bool) -> np.ndarray:
        h = self.h
        self.cvode.active(0)
        h.secondorder, h.usetable_hh = order, 1 if tables else 0
        h.dt, h.steps_per_ms = dt, 1.0 / dt
        h.finitialize(self.rest)
        h.continuerun(DURATION)
        v, t = self.v.as_numpy(), self.t.as_numpy()
        up = np.flatnonzero((v[:-1] < hh.SPIKE_LEVEL) & (v[1:] >= hh.SPIKE_LEVEL))
        return t[up] + (t[up + 1] - t[up]) * (hh.SPIKE_LEVEL - v[up]) / (v[up + 1] - v[up])

    def close(self) -> None:
        """Leave NEURON as it was found (fixed step, no section of ours) for the cable part."""
        self.cvode.condition_order(1)
        self.cvode.active(0)
        self.h.secondorder, self.h.usetable_hh = 0, 1
        self.netcon = self.clamp = self.soma = None

    def cvode_run(self, atol: float) -> np.ndarray:
        h = self.h
        self.cvode.active(1)
        self.cvode.condition_order(2)  # threshold crossings interpolated within the step
        self.cvode.atol(atol)
        self.cvode.rtol(0.0)
        h.usetable_hh = 0
        h.finitialize(self.rest)
        h.continuerun(DURATION)
        return self.events.as_numpy().copy()


# --- The search -------------------------------------------------------------------------------------


def errors(spikes: np.ndarray, reference: np.ndarray) -> tuple[float, float]:
    """(first spike's error, largest error of any spike) in ms; inf if the spike counts differ."""
    if len(spikes) == 0:
        return math.inf, math.inf
    first = abs(spikes[0] - reference[0])
    return first, (float(np.max(np.abs(spikes - reference))) if len(spikes) == len(reference) else math.inf)


def timed(run: Run, setting: float) -> tuple[np.ndarray, float]:
    started = time.perf_counter()
    spikes = run(setting)
    return spikes, time.perf_counter() - started


def cheapest(side: str, run: Run, reference: np.ndarray, which: int, start: float, factor: float,
             finest: float) -> Result | None:
    """The first setting from `start`, divided by `factor` each time, whose error (which = 0: the
    first spike's, 1: every spike's) is within TOLERANCE and still is one refinement further."""
    setting, previous = start, None
    while setting >= finest:
        try:
            spikes, _ = timed(run, setting)
            error = errors(spikes, reference)
        except (hh.UnstableStepError, RuntimeError):
            error = (math.inf, math.inf)
        ok = error[which] <= TOLERANCE
        if ok and previous is not None:
            best = min(timed(run, previous)[1] for _ in range(REPEATS))
            spikes, _ = timed(run, previous)
            first, worst = errors(spikes, reference)
            return Result(side, previous, first, worst, best)
        previous = setting if ok else None
        setting /= factor
    return None


def ours_rk4(dt: float) -> np.ndarray:
    return hh.spike_times(hh.simulate(hh.step(CURRENT), DURATION, PARAMS, "rk4", dt))


def ours_rk4_extrapolated(dt: float) -> np.ndarray:
    """RK4 at dt and 2 dt, the spike times extrapolated (Richardson): t + (t - t_coarse) / 15."""
    fine, coarse = ours_rk4(dt), ours_rk4(2.0 * dt)
    if len(fine) != len(coarse):
        return fine
    return fine + (fine - coarse) / (2**hh.RK4_ORDER - 1)


def ours_ivp(method: str) -> Run:
    return lambda rtol: hh.spike_times(hh.simulate(hh.step(CURRENT), DURATION, PARAMS, method, rtol=rtol))


def single_compartment() -> None:
    print(f"# single compartment: a step of {CURRENT:g} uA/cm^2 for {DURATION:g} ms, spike times within "
          f"{TOLERANCE:g} ms")
    reference = ours_ivp("DOP853")(1e-12)
    rk4 = ours_rk4(0.0025)
    print(f"    reference: {len(reference)} spikes, first at {reference[0]:.6f} ms (DOP853, rtol 1e-12); "
          f"RK4 at dt 0.0025 ms differs by at most {np.max(np.abs(rk4 - reference)):.1e} ms")
    soma = NeuronSoma()
    check = soma.fixed(0.001, 2, False)
    print(f"    NEURON Crank-Nicolson at dt 0.001 ms: {len(check)} spikes, at most "
          f"{np.max(np.abs(check - reference)) if len(check) == len(reference) else math.inf:.1e} ms from the reference")
    root2, root10 = math.sqrt(2.0), math.sqrt(10.0)
    sides = [
        ("ours: rk4", ours_rk4, 0.09, root2, 1e-4),
        ("ours: rk4, dt and 2 dt extrapolated", ours_rk4_extrapolated, 0.045, root2, 1e-4),
        ("ours: DOP853 (rtol)", ours_ivp("DOP853"), 1e-3, root10, 1e-13),
        ("ours: LSODA (rtol)", ours_ivp("LSODA"), 1e-3, root10, 1e-13),
        ("NEURON: Crank-Nicolson (secondorder=2)", lambda dt: soma.fixed(dt, 2, False), 0.1, root2, 2e-4),
        ("NEURON: Crank-Nicolson, rate tables", lambda dt: soma.fixed(dt, 2, True), 0.1, root2, 2e-4),
        ("NEURON: CVODE (atol)", soma.cvode_run, 1e-2, root10, 1e-12),
    ]
    for which, target in ((0, "the first spike"), (1, "every spike")):
        print(f"\n## {target} within {TOLERANCE:g} ms")
        results = {}
        for name, run, start, factor, finest in sides:
            result = cheapest(name, run, reference, which, start, factor, finest)
            results[name] = result
            if result is None:
                print(f"    {name:42s} never reached the accuracy")
            else:
                print(f"    {name:42s} setting {result.setting:9.3g}  first {result.first_error:.1e} ms, "
                      f"worst {result.all_error:.1e} ms  {result.seconds * 1e3:8.2f} ms")
        found = {k: v for k, v in results.items() if v is not None}
        ours = min((v for k, v in found.items() if k.startswith("ours")), key=lambda r: r.seconds, default=None)
        fixed = min((v for k, v in found.items() if k.startswith("NEURON") and "CVODE" not in k),
                    key=lambda r: r.seconds, default=None)
        cvode = found.get("NEURON: CVODE (atol)")
        if ours is not None:
            print(f"    ours cheapest: {ours.side} ({ours.seconds * 1e3:.2f} ms)")
            for label, other in (("NEURON's fastest fixed step", fixed), ("CVODE", cvode)):
                if other is not None:
                    print(f"    ours / {label} ({other.side}, {other.seconds * 1e3:.2f} ms): "
                          f"{ours.seconds / other.seconds:.2f}x")
    soma.close()


def cable_part() -> None:
    path = Path(__file__).with_name("_neuron_cable.py")
    print()
    if not path.exists():
        print("# squid-axon velocity: the cable part is missing (benchmarks/_neuron_cable.py)")
        return
    spec = importlib.util.spec_from_file_location("_neuron_cable", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["_neuron_cable"] = module
    spec.loader.exec_module(module)
    module.cable_comparison()


def main() -> None:
    try:
        import neuron  # noqa: F401
    except ImportError:
        print("NEURON is not installed: pip install neuron (the 'bench' extra)")
        return
    single_compartment()
    if "--single" not in sys.argv:
        cable_part()


if __name__ == "__main__":
    main()
