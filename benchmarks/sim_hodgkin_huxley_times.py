"""Time the Hodgkin-Huxley simulations at their recommended settings, and print what they find.

For each: the wall time, the value and its error estimate (computed, deterministic results) or
standard error (the stochastic channels; the checks need relative standard error <= 0.25%,
and computed errors <= 0.02% so that 10 of them stay within 0.2%). Never asserts: it only reports.

Run: .venv/bin/python benchmarks/sim_hodgkin_huxley_times.py
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import numpy as np

from derive.estimate import Estimate
from derive.sim import channels as ch
from derive.sim import hodgkin_huxley as hh


def timed(label: str, run: Callable[[], Any], totals: list[float]) -> Any:
    started = time.perf_counter()
    result = run()
    seconds = time.perf_counter() - started
    totals.append(seconds)
    print(f"{label:52s} {seconds:7.3f} s")
    return result


def show(name: str, estimate: Estimate, unit: str) -> None:
    relative = estimate.stderr / abs(estimate.value) if estimate.value else float("nan")
    kind = "error" if estimate.computed else "stderr"
    print(f"    {name:40s} {estimate.value:14.7f} {unit:9s} {kind} {estimate.stderr:.2e}"
          f" ({relative:.1e} relative)")


def main() -> None:
    totals: list[float] = []
    print("# integrators (not counted in the topic total)")
    scratch: list[float] = []
    timed("simulate: step 10 uA/cm^2, 100 ms, rk4 dt=0.01",
          lambda: hh.simulate(hh.step(10.0), 100.0), scratch)
    timed("simulate: step 10 uA/cm^2, 100 ms, rk4 dt=0.02",
          lambda: hh.simulate(hh.step(10.0), 100.0, dt=0.02), scratch)
    timed("simulate: step 10 uA/cm^2, 100 ms, DOP853 1e-10",
          lambda: hh.simulate(hh.step(10.0), 100.0, method="DOP853"), scratch)
    timed("simulate: step 10 uA/cm^2, 100 ms, LSODA 1e-10",
          lambda: hh.simulate(hh.step(10.0), 100.0, method="LSODA"), scratch)
    for rtol in (1e-3, 1e-5):
        timed(f"simulate: step 10 uA/cm^2, 100 ms, DOP853 {rtol:g}",
              lambda: hh.simulate(hh.step(10.0), 100.0, method="DOP853", rtol=rtol), scratch)

    print("\n# the topic's measurements (6.3 C)")
    rk4 = timed("first spike, rk4 (dt 0.01 and 0.02)", lambda: hh.first_spike(method="rk4"), totals)
    dop = timed("first spike, DOP853 (rtol 1e-10 and 1e-8)", lambda: hh.first_spike(method="DOP853"), totals)
    for label, spike in (("rk4", rk4), ("DOP853", dop)):
        show(f"first spike time, {label}", spike.time, "ms")
        show(f"first spike peak, {label}", spike.peak, "mV")
    for what in ("time", "peak"):
        a, b = getattr(rk4, what), getattr(dop, what)
        ratio = abs(a.value - b.value) / (a.stderr + b.stderr)
        print(f"    {what}: |rk4 - DOP853| / (sum of error estimates) = {ratio:.2f}")

    theta = timed("threshold of a 0.5 ms pulse (bisection 1e-6)", hh.threshold, totals)
    show("threshold", theta, "uA/cm^2")
    periods = timed("refractory periods (10x and 1.1x threshold)",
                    lambda: hh.refractory_periods(rest_threshold=theta), totals)
    show("absolute refractory period", periods.absolute, "ms")
    show("relative refractory period", periods.relative, "ms")
    onset = timed("onset of repetitive firing (T = 250, 500 ms)", hh.repetitive_firing_onset, totals)
    show("onset current", onset, "uA/cm^2")
    # first: the upper edge and the regimes reuse them (cached per parameter set)
    points = timed("Hopf points (Jacobian by finite differences)", lambda: hh.hopf_points(hh.HHParams()), totals)
    for point in points:
        show(f"Hopf point ({point.frequency:.1f} Hz)", point.current, "uA/cm^2")
    top = timed("upper edge of repetitive firing (brentq 1e-5)", hh.repetitive_firing_upper_edge, totals)
    show("upper edge current", top, "uA/cm^2")
    currents = [0.0, 5.0, 6.5, 8.0, 10.0, 15.0, 20.0, 30.0, 40.0, 50.0, 62.0, 63.0, 100.0, 150.0, 200.0]
    curve = timed(f"f-I curve, {len(currents)} currents", lambda: hh.fi_curve(currents), totals)
    for f in curve.firings:
        print(f"    I = {f.current:5.1f} uA/cm^2: {f.regime.value:24s} rate {f.rate.value:10.5f} Hz "
              f"(error {f.rate.stderr:.1e}), frequency {f.frequency.value:9.4f} Hz, peak {f.peak.value:8.3f} mV"
              f" (error {f.peak.stderr:.1e}), amplitude {f.amplitude.value:7.3f} mV{'' if f.settled else ', unsettled'}")
    charge = timed("Na charge per spike", hh.sodium_charge_per_spike, totals)
    show("Na charge", charge.sodium, "nC/cm^2")
    show("minimum C dV", charge.minimum, "nC/cm^2")
    show("ratio", charge.ratio, "")
    clamp = timed("voltage clamp -65 -> 0 mV, 10 ms", lambda: hh.voltage_clamp(-65.0, 0.0, 10.0), totals)
    show("n at 1 ms", clamp.gate("n", 10), "")

    rng = np.random.default_rng(0)
    hold, step = hh.gate_rates(-65.0), hh.gate_rates(0.0)
    k = ch.k_channel((hold.alpha_n, hold.beta_n), (step.alpha_n, step.beta_n))
    na = ch.na_channel((hold.alpha_m, hold.beta_m), (step.alpha_m, step.beta_m),
                       (hold.alpha_h, hold.beta_h), (step.alpha_h, step.beta_h))
    times = [0.0, 0.5, 1.0, 2.0, 5.0, 10.0]
    k_open = timed("K channels, 1e8, 6 times", lambda: ch.open_fraction(k, times, 10**8, rng), totals)
    for t, estimate in zip(times, k_open):
        show(f"K open fraction at {t} ms", estimate, "")
    na_open = timed("Na channels, 1e8, 6 times", lambda: ch.open_fraction(na, times, 10**8, rng), totals)
    for t, estimate in zip(times, na_open):
        show(f"Na open fraction at {t} ms", estimate, "")
    timed("K channels gate by gate, 2e5, 6 times (cross-check only)",
          lambda: ch.independent_gates(k, times, 200_000, rng), scratch)
    print(f"\n{'topic total':52s} {sum(totals):7.3f} s")

    print("\n# warmer: 18.5 C")
    warm = hh.HHParams(temperature=18.5)
    charge = timed("Na charge per spike, 18.5 C", lambda: hh.sodium_charge_per_spike(params=warm), scratch)
    show("ratio at 18.5 C", charge.ratio, "")
    warm_threshold = timed("threshold, 18.5 C", lambda: hh.threshold(params=warm), scratch)
    show("threshold at 18.5 C", warm_threshold, "uA/cm^2")


if __name__ == "__main__":
    main()
