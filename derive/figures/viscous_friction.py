"""Figure of the viscous-friction handout: the drift velocity is proportional to the force."""

from __future__ import annotations

from typing import Any

import numpy as np

from derive.estimate import Estimate
from derive.figures import BLUE, GREEN, VERMILION, canvas, rng
from derive.model import Figure, Text
from derive.sim import collisions

FORCES = np.linspace(0.5, 4.0, 8)  # in units of sqrt(m k_B T) / Δt
FLIGHTS = 25
PARTICLES = 4000
# Units: m = k_B T = Δt = 1 (and τ = Δt for random collision times).
MASS, KT, INTERVAL = 1.0, 1.0, 1.0
GAMMA_SHAPE = 2.0  # gamma intervals of mean Δt: <s²> = (1 + 1/2) Δt²


def _drift(force: float, intervals: collisions.Intervals, generator: np.random.Generator) -> Estimate:
    """Total displacement over total time of PARTICLES particles after FLIGHTS collisions each."""
    x, t = collisions.after_collisions(FLIGHTS, intervals, force, KT, MASS, PARTICLES, generator)
    return Estimate.of_means(lambda mean_x, mean_t: mean_x / mean_t, x, t)


def drift_against_force() -> Any:
    """The measured drift velocity against the force, for collisions every Δt, at gamma-distributed
    and at exponential intervals of the same mean, with the lines F<s²>/(2m<s>)."""
    generator = rng()
    figure, (ax,) = canvas(1, height=3.2)
    line = np.linspace(0.0, FORCES[-1] * 1.05, 2)
    models = (
        (collisions.fixed_intervals(INTERVAL), line * INTERVAL / (2 * MASS), r"$F\Delta t/(2m)$", BLUE, "o"),
        (collisions.gamma_intervals(INTERVAL, GAMMA_SHAPE), line * (1 + 1 / GAMMA_SHAPE) * INTERVAL / (2 * MASS),
         r"$F\,E[s^2]/(2m\,E[s])$", GREEN, "^"),
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
            "v_drift = FΔt/(2m). Triangles: gamma-distributed intervals of the same mean (shape 2: the mean "
            "square interval is 1.5 times the square of the mean), v_drift = F s_msq/(2m s_mean). Squares: "
            "collisions at random, exponential intervals of the same mean τ = Δt, v_drift = Fτ/m, twice as fast, "
            "because long flights count more. Units: m = k_B T = Δt = 1.",
            "4000 个模拟粒子的漂移速度（空心符号，带标准误差）与外力的关系：与力成正比，落在推导出的直线上。"
            "圆圈：每隔 Δt 碰撞一次，v_drift = FΔt/(2m)。三角：平均间隔相同、服从伽马分布的间隔"
            "（形状参数 2：间隔平方的平均是平均间隔平方的 1.5 倍），v_drift = F s_msq/(2m s_mean)。"
            "方块：完全随机的碰撞，间隔服从指数分布，平均间隔同为 τ = Δt，v_drift = Fτ/m，是圆圈的两倍，因为长的飞行贡献更大。单位：m = k_B T = Δt = 1。",
        ),
        drift_against_force,
    ),
)
