"""Time the cable simulations at their default settings, and print what they find.

For each: the wall time (best and median of several runs: the machine is shared), the value and
its error estimate (deterministic, from grid refinement). Also the cost per compartment-step
against one tridiagonal solve of the same size (solve_banded and LAPACK's dptsv), the physical
floor of an implicit step. Never asserts: it only reports.

Run: .venv/bin/python benchmarks/sim_cable_times.py
"""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable
from typing import Any

import numpy as np
from scipy.linalg import lapack, solve_banded

from derive.estimate import Estimate
from derive.sim import cable
from derive.sweeps import sweep

REPEATS = 5


def timed(label: str, run: Callable[[], Any], repeats: int = REPEATS) -> tuple[Any, float]:
    """Run `repeats` times; print the best and the median wall time; return the result and the best."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - started)
    print(f"{label:58s} best {min(times):7.3f} s  median {statistics.median(times):7.3f} s")
    return result, min(times)


def show(name: str, estimate: Estimate, unit: str) -> None:
    relative = estimate.stderr / abs(estimate.value)
    print(f"    {name:44s} {estimate.value:14.6f} {unit:5s} error {estimate.stderr:.2e} ({relative:.1e} relative)")


def solve_floor(count: int) -> tuple[float, float]:
    """Seconds for one tridiagonal solve of `count` unknowns: solve_banded, dptsv (best of 2000)."""
    diagonal, off = np.full(count, 4.0), np.full(count - 1, -1.0)
    bands = np.vstack([np.r_[0.0, off], diagonal, np.r_[off, 0.0]])
    rhs = np.random.default_rng(0).random(count)
    best = []
    for solve in (lambda: solve_banded((1, 1), bands, rhs, check_finite=False),
                  lambda: lapack.dptsv(diagonal, off, rhs)):
        runs = []
        for _ in range(5):
            started = time.perf_counter()
            for _ in range(400):
                solve()
            runs.append((time.perf_counter() - started) / 400)
        best.append(min(runs))
    return best[0], best[1]


def main() -> None:
    params = cable.CableParams()
    print("# squid axon: radius 238 um, R_i 35.4 ohm cm, 18.5 C, HH membrane")
    squid, _ = timed("conduction velocity (pilot, fine and coarse grids)", cable.conduction_velocity)
    show("velocity", squid, "m/s")
    refined, _ = timed("velocity_refinement, 3 grids (pilot, dx, 2dx, 4dx)", lambda: cable.velocity_refinement(levels=3))
    show("extrapolated velocity", refined.extrapolated_estimate(), "m/s")
    print(f"    {'signed Richardson estimate (true - fine)':44s} {refined.richardson:+14.6f} m/s")
    finer, _ = timed("velocity_refinement, 3 grids, dt halved",
                     lambda: cable.velocity_refinement(dt=params.default_dt() / 2, levels=3), 3)
    show("extrapolated velocity, dt halved", finer.extrapolated_estimate(), "m/s")
    length, dx, dt = refined.length, refined.dx, refined.dt
    timed("the same 3 grids given directly (no pilot)",
          lambda: cable.velocity_refinement(params, dx=dx, dt=dt, length=length, levels=3))

    print("\n# cost per compartment-step (one grid, the squid cable, dt = default)")
    rows = []
    for count in (85, 170, 335, 670, 1338, 2675, 5350):
        h = length / (count - 1)
        (_, size), best = timed(f"one grid of {count} compartments", lambda h=h: cable._cable_velocity(
            params, length, h, dt), 3)
        steps = size // count
        rows.append((count, best / steps))
        print(f"    {count} compartments x {steps} steps: {best / size * 1e9:.1f} ns per compartment-step,"
              f" {best / steps * 1e6:.1f} us per step")
    counts, per_step = np.array(rows).T
    slope, fixed = np.polyfit(counts, per_step, 1)
    print(f"    least-squares line: {fixed * 1e6:.1f} us per step fixed + {slope * 1e9:.1f} ns per compartment")
    count = round(length / dx) + 1
    banded, dptsv = solve_floor(count)
    print(f"    one tridiagonal solve of {count}: solve_banded {banded * 1e6:.1f} us, dptsv {dptsv * 1e6:.1f} us"
          f" ({banded / count * 1e9:.1f} and {dptsv / count * 1e9:.1f} ns per unknown)")

    print("\n# scaling (the simulator knows no formula)")
    thin, thick = sweep(lambda radius: cable.conduction_velocity(params.replace(radius=radius)), [59.5, 952.0])
    show("radius 59.5 um", thin, "m/s")
    show("radius 952 um", thick, "m/s")
    print(f"    v(238)/v(59.5) = {squid.value / thin.value:.6f}, v(952)/v(238) = {thick.value / squid.value:.6f}"
          f"  (square-root law: 2)")
    ratio, _ = timed("velocity ratio with R_i doubled", lambda: cable.velocity_ratio(r_i=70.8), 1)
    show("v(2 R_i) / v(R_i)", ratio, "")
    print(f"    {'1/sqrt(2)':44s} {1 / math.sqrt(2):14.6f}")
    lam, _ = timed("measured length constant, R_m = 1/g_L = 3333 ohm cm^2",
                   lambda: cable.measured_length_constant(238.0, 1 / 0.3e-3, 35.4))
    show("length constant", lam, "cm")
    print(f"    {'sqrt(a R_m / (2 R_i))':44s} {math.sqrt(238e-4 / 0.3e-3 / (2 * 35.4)):14.6f} cm")

    print("\n# myelinated fibre (HH nodes 1 um, g = 0.7, internode 100 x fibre diameter, MRG sheath)")
    for radius in (0.1, 1.0, 5.0):
        myelinated, _ = timed(f"myelinated velocity, radius {radius} um",
                              lambda radius=radius: cable.myelinated_velocity(radius), 3)
        plain = cable.conduction_velocity(params.replace(radius=radius))
        show(f"myelinated, {radius} um", myelinated, "m/s")
        show(f"unmyelinated, {radius} um", plain, "m/s")
        print(f"    per um of radius: {myelinated.value / radius:.4f} m/s;"
              f" ratio myelinated/unmyelinated {myelinated.value / plain.value:.2f}")
    crossover, _ = timed("myelin crossover (brentq on the log-ratio)", cable.myelin_crossover, 2)
    show("crossover radius", crossover.radius, "um")
    show("velocity there (myelinated)", crossover.myelinated, "m/s")
    show("velocity there (unmyelinated)", crossover.unmyelinated, "m/s")
    print(f"    {crossover.evaluations} evaluations of the two velocities")


if __name__ == "__main__":
    main()
