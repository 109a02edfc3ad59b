"""Figure of the diffusion-equation handout: coin walkers spread as the Gaussian solution."""

from __future__ import annotations

from typing import Any

import numpy as np

from derive.figures import BLUE, GREEN, THEORY, VERMILION, canvas, label_panels, rng
from derive.model import Figure, Text
from derive.sim import random_walk as walk

WALKERS = 20_000
STEPS = (25, 100, 400)  # L = Δt = 1, so D = 1/2 and t = n
COLOURS = (BLUE, GREEN, VERMILION)


def walkers_against_gaussian() -> Any:
    """(a) Histograms of coin walkers' positions after 25, 100 and 400 steps against the Gaussian
    e^(-x²/4Dt)/√(4πDt); (b) the fraction within a of the start against erf(a/√(4Dt))."""
    from scipy.special import erf

    generator = rng()
    figure, (left, right) = canvas(2)
    diffusion = 0.5
    for steps, colour in zip(STEPS, COLOURS):
        ends = walk.positions_binomial(steps, 1.0, WALKERS, generator)
        # After n steps the position has the parity of n: sites 2 L apart, so bins of width 2 L.
        edges = np.arange(-steps - 1, steps + 2, 2.0)
        counts, _ = np.histogram(ends, bins=edges)
        centres = 0.5 * (edges[1:] + edges[:-1])
        density = counts / (WALKERS * 2.0)
        shown = np.abs(centres) <= 60
        left.plot(centres[shown], density[shown], "o", color=colour, markerfacecolor="white", markersize=3.5,
                  label=f"$n = {steps}$")
        grid = np.linspace(-60, 60, 400)
        left.plot(grid, np.exp(-grid**2 / (4 * diffusion * steps)) / np.sqrt(4 * np.pi * diffusion * steps),
                  color=colour, linewidth=1.0)
    left.set_xlabel("$x$ ($L$)")
    left.set_ylabel("$P(x, t)$ ($1/L$)")
    left.set_xlim(-60, 60)
    left.set_ylim(0, None)
    left.legend(loc="upper right")

    steps = STEPS[-1]
    ends = np.abs(walk.positions_binomial(steps, 1.0, WALKERS, generator))
    widths = np.arange(1.0, 80.0, 6.0)  # odd: half-way between reachable (even) positions
    fractions = np.array([(ends < w).mean() for w in widths])
    spread = np.sqrt(2 * diffusion * steps)
    grid = np.linspace(0, widths[-1], 200)
    right.plot(grid / spread, erf(grid / np.sqrt(4 * diffusion * steps)), color=THEORY,
               label=r"$\mathrm{erf}(a/\sqrt{4Dt})$")
    right.errorbar(widths / spread, fractions, yerr=np.sqrt(fractions * (1 - fractions) / WALKERS), fmt="o",
                   color=VERMILION, markerfacecolor="white", markersize=4, label=f"$n = {steps}$")
    right.set_xlabel(r"$a/\sqrt{2Dt}$")
    right.set_ylabel(r"$P(|x| < a)$")
    right.set_xlim(0, grid[-1] / spread)
    right.set_ylim(0, 1.05)
    right.legend(loc="lower right")
    label_panels([left, right])
    return figure


FIGURES = (
    Figure(
        "walkers-against-gaussian",
        Text(
            "(a) Where 20 000 coin walkers are after 25, 100 and 400 steps (points: the fraction on each "
            "site, per unit length) and the Gaussian solution of the diffusion equation, "
            "G = e^(−x²/(4D t))/√(4π D t) with D = L²/(2Δt) (lines): wider and lower as time goes on, its area "
            "always 1. (b) The fraction of walkers within a of the start after 400 steps (points, with "
            "standard errors) against erf(a/√(4Dt)) (line).",
            "(a) 20 000 个抛硬币行走者在 25、100、400 步之后的位置（点：每个格点上的比例，按单位长度计）"
            "与扩散方程的高斯解 G = e^(−x²/(4D t))/√(4π D t)（线，D = L²/(2Δt)）：随时间变宽变矮，面积始终为 1。"
            "(b) 400 步之后离起点不超过 a 的行走者所占比例（点，带标准误差）与误差函数 P(|x| < a)（线）。",
        ),
        walkers_against_gaussian,
    ),
)
