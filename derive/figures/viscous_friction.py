"""Figure of the viscous-friction handout: the drift velocity is proportional to the force."""

from __future__ import annotations

from typing import Any

import numpy as np

from derive.estimate import Estimate
from derive.figures import BLUE, VERMILION, canvas, rng
from derive.model import Figure, Text
from derive.sim import collisions

FORCES = np.linspace(0.5, 4.0, 8)  # in units of sqrt(m k_B T) / Δt
FLIGHTS = 25
PARTICLES = 4000
# Units: m = k_B T = Δt = 1 (and τ = Δt for random collision times).
MASS, KT, INTERVAL = 1.0, 1.0, 1.0


def _drift(force: float, intervals: collisions.Intervals, generator: np.random.Generator) -> Estimate:
    """Total displacement over total time of PARTICLES particles after FLIGHTS collisions each."""
    x, t = collisions.after_collisions(FLIGHTS, intervals, force, KT, MASS, PARTICLES, generator)
    return Estimate.of_means(lambda mean_x, mean_t: mean_x / mean_t, x, t)


def drift_against_force() -> Any:
    """The measured drift velocity against the force, for collisions every Δt and at random times
    of mean τ = Δt, with the lines F Δt/2m and F τ/m."""
    generator = rng()
    figure, (ax,) = canvas(1, height=3.2)
    line = np.linspace(0.0, FORCES[-1] * 1.05, 2)
    models = (
        (collisions.fixed_intervals(INTERVAL), line * INTERVAL / (2 * MASS), r"$F\Delta t/2m$", BLUE, "o"),
        (collisions.exponential_intervals(INTERVAL), line * INTERVAL / MASS, r"$F\tau/m$", VERMILION, "s"),
    )
    for intervals, theory, formula, colour, marker in models:
        drifts = [_drift(force, intervals, generator) for force in FORCES]
        ax.plot(line, theory, color=colour, label=formula)
        ax.errorbar(FORCES, [d.value for d in drifts], yerr=[d.stderr for d in drifts], fmt=marker,
                    color=colour, markerfacecolor="white", markersize=5)
    ax.set_xlabel(r"$F$ ($\sqrt{m k_B T}\,/\Delta t$)")
    ax.set_ylabel(r"$v_{\mathrm{drift}}$ ($\sqrt{k_B T/m}$)")
    ax.set_xlim(0, line[-1])
    ax.set_ylim(0, None)
    ax.legend(loc="upper left")
    return figure


FIGURES = (
    Figure(
        "drift-against-force",
        Text(
            "The drift velocity of 4000 simulated particles (open symbols, with standard errors) against "
            "the force: proportional to it, along the derived lines. Circles: a collision every Δt, "
            "v_drift = FΔt/2m. Squares: collisions at random times of the same mean τ = Δt, "
            "v_drift = Fτ/m, twice as fast, because long flights count more. Units: m = k_B T = Δt = 1.",
            "4000 个模拟粒子的漂移速度（空心符号，带标准误差）与外力的关系：与力成正比，落在推导出的直线上。"
            "圆圈：每隔 Δt 碰撞一次，v_drift = FΔt/2m。方块：在随机时刻碰撞，平均间隔同为 τ = Δt，"
            "v_drift = Fτ/m，快一倍，因为长的飞行贡献更大。单位：m = k_B T = Δt = 1。",
        ),
        drift_against_force,
    ),
)
