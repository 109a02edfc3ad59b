"""Time the friction / equipartition / Einstein-relation simulations at their recommended sizes.

Prints, for each simulation, the wall time, the quantities a check would estimate from it,
the estimates and their relative standard errors (the checks need <= 0.25%). Units: kT = m = 1
and dt = tau = 1 (collisions), zeta = 1 (Langevin), so the expected values are 1 except the
drifts (F/2 for fixed flights, F for exponential ones) and D = 1/2 for fixed flights.
Never asserts: it only reports.

Run: .venv/bin/python benchmarks/sim_friction_times.py
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import numpy as np

from derive.estimate import Estimate
from derive.sim import collisions as col
from derive.sim import langevin as lg

KT = MASS = DT = TAU = FRICTION = 1.0
FIXED = col.fixed_intervals(DT)
RANDOM = col.exponential_intervals(TAU)
T1, T2 = 7.0, 19.0  # late times for the slope of E[x^2] with exponential flights (units of tau)
V1, V2 = 7.0, 37.0  # late times for the slope of E[x] with exponential flights


def timed(run: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    result = run()
    return result, time.perf_counter() - start


def report(name: str, seconds: float | None, estimates: dict[str, Estimate]) -> None:
    clock = f"{seconds:6.3f} s" if seconds is not None else "   (derived)"
    print(f"{name:62s} {clock}")
    for quantity, e in estimates.items():
        relative = 100 * e.stderr / abs(e.value)
        print(f"    {quantity:30s} = {e.value:9.5f} +- {e.stderr:.5f}   relative {relative:.3f}%")


def ratio(x: np.ndarray, t: np.ndarray) -> Estimate:
    """E[x] / E[t]."""
    return Estimate.of_means(lambda mx, mt: mx / mt, x, t)


def spread(x: np.ndarray, t: np.ndarray) -> Estimate:
    """E[x^2] / (2 E[t]) (for unpushed particles)."""
    return Estimate.of_means(lambda xx, mt: xx / (2 * mt), x**2, t)


def main() -> None:
    rng = np.random.default_rng(20240601)
    total = 0.0

    # Fixed flights: one pushed run gives drift, D (the push does not spread x) and zeta D.
    force = 1.0
    (x, t), s = timed(lambda: col.after_collisions(25, FIXED, force, KT, MASS, 400_000, rng))
    total += s
    report("fixed dt, F=1: after_collisions(25), 400k particles", s, {
        "drift v = E[x]/E[t]": ratio(x, t),
        "D = Var x / (2 E[t])": Estimate.of_means(lambda m, mm, mt: (mm - m * m) / (2 * mt), x, x**2, t),
        "zeta D = F D / v": Estimate.of_means(lambda m, mm, mt: force * (mm - m * m) / (2 * m), x, x**2, t),
    })

    (x, t), s = timed(lambda: col.after_collisions(25, FIXED, 0.0, KT, MASS, 400_000, rng))
    total += s
    report("fixed dt, F=0: after_collisions(25), 400k particles", s, {"D = E[x^2] / (2 E[t])": spread(x, t)})

    v, s = timed(lambda: col.velocities_at_random_times(0.0, 4 * DT, FIXED, 0.0, KT, MASS, 400_000, rng))
    total += s
    report("fixed dt, F=0: velocities_at_random_times(0, 4 dt), 400k", s,
           {"E[v^2] (kT/m)": Estimate.mean_of(v**2)})

    # Exponential flights, collision clock (what derive/library uses): exact at any n.
    force = 4.0
    (x, t), s = timed(lambda: col.after_collisions(25, RANDOM, force, KT, MASS, 200_000, rng))
    total += s
    drift = ratio(x, t)
    report("exponential, F=4: after_collisions(25), 200k", s, {"drift v = E[x]/E[t]": drift})

    (x, t), s = timed(lambda: col.after_collisions(25, RANDOM, 0.0, KT, MASS, 500_000, rng))
    total += s
    diffusion = spread(x, t)
    report("exponential, F=0: after_collisions(25), 500k", s, {"D = E[x^2] / (2 E[t])": diffusion})
    zeta_d = Estimate(force, 0.0, drift.samples).times(diffusion).times(
        Estimate(1 / drift.value, drift.stderr / drift.value**2, drift.samples))
    report("exponential: zeta D = F D / v from the two runs above", None,
           {"zeta D (independent runs)": zeta_d})

    # Exponential flights, stopwatch clock: slopes between two late times.
    x, s = timed(lambda: col.positions_at([V1, V2], RANDOM, force, KT, MASS, 150_000, rng))
    drift = Estimate.mean_of((x[:, 1] - x[:, 0]) / (V2 - V1))
    report("[stopwatch] exponential, F=4: positions_at([7, 37] tau), 150k", s,
           {"drift (slope of E[x])": drift})

    x, s = timed(lambda: col.positions_at([T1, T2], RANDOM, 0.0, KT, MASS, 900_000, rng))
    diffusion = Estimate.mean_of((x[:, 1] ** 2 - x[:, 0] ** 2) / (2 * (T2 - T1)))
    report("[stopwatch] exponential, F=0: positions_at([7, 19] tau), 900k", s,
           {"D (slope of E[x^2])": diffusion})

    # Langevin: exact OU steps, slope of the mean squared displacement between 20 tau and 420 tau.
    d, s = timed(lambda: lg.diffusion_from_slope(MASS, FRICTION, KT, rng))
    total += s
    report("Langevin: diffusion_from_slope (20, 420 tau), 500k, exact", s, {"D (slope of E[x^2])": d})

    print(f"{'total (all but [stopwatch])':62s} {total:6.3f} s")


if __name__ == "__main__":
    main()
