"""Time the resting-potential simulations at their recommended sizes.

Prints, for each computation, the wall time (best and median of a few runs: the machine is
shared and noisy), the value, its standard error or error estimate relative to the value
(statistical checks need <= 0.25%; computed ones need 10 x the error estimate <= 0.2%), and,
for information, the textbook value it should reproduce (which no simulation uses).
Never asserts: it only reports.

Run: .venv/bin/python benchmarks/sim_resting_potential_times.py [--repeat N]
"""

from __future__ import annotations

import argparse
import math
import statistics
import time
from collections.abc import Callable

import numpy as np

from derive.estimate import Estimate
from derive.sim import brownian as br
from derive.sim import nernst_planck as npk
from derive.sim import rc_membrane as rc

KT_OVER_E = 8.617333262e-5 * (273.15 + 6.3)  # volts at 6.3 C
SQUID = [("K", 1, 400.0, 20.0, 1.0), ("Na", 1, 50.0, 440.0, 0.04), ("Cl", -1, 40.0, 560.0, 0.45)]


def timed(run: Callable[[], Estimate], repeat: int) -> tuple[Estimate, list[float]]:
    seconds = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        seconds.append(time.perf_counter() - start)
    return result, seconds


def report(name: str, seconds: list[float], estimate: Estimate, exact: float) -> None:
    kind = "error estimate" if estimate.computed else "stderr"
    print(f"{name:58s} best {min(seconds) * 1e3:8.2f} ms  median {statistics.median(seconds) * 1e3:8.2f} ms")
    print(f"    value {estimate.value:.12g}  relative {kind} {estimate.stderr / abs(estimate.value):.2e}  "
          f"(textbook {exact:.12g}: relative difference {estimate.value / exact - 1:+.2e})")


def ghk_flux(voltage: float, charge: int, permeability: float, inside: float, outside: float) -> float:
    zu = charge * voltage / KT_OVER_E
    if zu == 0:
        return permeability * (inside - outside)
    return permeability * zu * (inside - outside * math.exp(-zu)) / -math.expm1(-zu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    repeat = options.repeat
    rng = np.random.default_rng(20240601)

    print("# Brownian particles, kT = D = L = 1: step smooth_step(1, 0.2, 0.8), windows [0, 0.1], [0.9, 1]")
    step = br.smooth_step(1.0, 0.2, 0.8)
    br.normal_table()  # built once per process (a few ms): not part of a run
    for dt in (br.DT, br.DT / 2):
        ratio, seconds = timed(lambda: br.density_ratio(step, 1.0, 1.0, 1.0, (0.0, 0.1), (0.9, 1.0), rng, dt=dt),
                               repeat)
        steps = round((br.BURN_IN + br.DURATION) / dt) * br.PARTICLES
        label = "recommended" if dt == br.DT else "half the step (twice the cost)"
        report(f"density_ratio, {br.PARTICLES} particles, dt={dt:g}: {label}", seconds, ratio, math.exp(-1.0))
        print(f"    {min(seconds) / steps * 1e9:.1f} ns per particle-step (best)")

    print("\n# Nernst-Planck, constant field, squid axon at 6.3 C (kT/e = %.5f V), P = D/d = 1" % KT_OVER_E)
    for millivolts in (-100.0, -60.0, 0.0, 40.0):
        v = millivolts * 1e-3
        j, seconds = timed(lambda: npk.flux(v, 1, 1.0, 1.0, 400.0, 20.0, KT_OVER_E), 10 * repeat)
        report(f"flux of K at {millivolts:+.0f} mV (256 RK4 steps + 128)", seconds, j,
               ghk_flux(v, 1, 1.0, 400.0, 20.0))
    ions = [npk.Ion(z, p, inside, out) for _, z, inside, out, p in SQUID]
    numerator = sum(p * (out if z > 0 else inside) for _, z, inside, out, p in SQUID)
    denominator = sum(p * (inside if z > 0 else out) for _, z, inside, out, p in SQUID)
    v, seconds = timed(lambda: npk.reversal_potential(ions, 1.0, KT_OVER_E), 10 * repeat)
    report("reversal_potential of K, Na, Cl (GHK 1 : 0.04 : 0.45)", seconds, v,
           KT_OVER_E * math.log(numerator / denominator))
    k = ions[:1]
    v, seconds = timed(lambda: npk.reversal_potential(k, 1.0, KT_OVER_E), 10 * repeat)
    report("reversal_potential of K alone (Nernst)", seconds, v, KT_OVER_E * math.log(20.0 / 400.0))

    print("\n# RC membrane: C = 1 uF/cm^2, g = 0.367, 0.0106, 0.3 mS/cm^2, E = -77, 50, -54.4 mV, "
          "I = 2.5 uA/cm^2, V0 = -65 mV")
    g, e = (0.367, 0.0106, 0.3), (-77.0, 50.0, -54.4)
    total = sum(g)
    settled = (sum(a * b for a, b in zip(g, e)) + 2.5) / total
    for t in (0.5, 1.5, 10.0):
        value, seconds = timed(lambda: rc.voltage_at(t, 1.0, g, e, -65.0, 2.5), 10 * repeat)
        report(f"voltage_at t = {t:g} ms (tau = {1 / total:.3f} ms), DOP853 rtol 1e-10 and 1e-13",
               seconds, value, settled + (-65.0 - settled) * math.exp(-t * total))


if __name__ == "__main__":
    main()
