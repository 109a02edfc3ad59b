"""Figures of the random-walk handout: sample paths, and E[x_n^2] = n L^2 measured."""

from __future__ import annotations

from typing import Any

import numpy as np

from derive.figures import BLUE, GREEN, ORANGE, PURPLE, SIMULATION, SKY, THEORY, canvas, label_panels, rng
from derive.model import Figure, Text
from derive.sim import random_walk as walk

STEPS = 200
WALKERS = 2000
SHOWN = 5  # sample paths drawn in panel (a)


def _paths(generator: np.random.Generator) -> np.ndarray:
    """Positions x_0 ... x_STEPS (in units of L) of WALKERS coin walkers, one row each."""
    steps = walk.unit_coin_steps()(generator, (WALKERS, STEPS))
    return np.concatenate([np.zeros((WALKERS, 1)), np.cumsum(steps, axis=1, dtype=np.float64)], axis=1)


def paths_and_msd() -> Any:
    """(a) A few walkers' paths inside the band ±sqrt(n) L; (b) the mean of x_n^2 over 2000
    walkers against n, with the line n L^2."""
    paths = _paths(rng())
    n = np.arange(STEPS + 1)
    figure, (left, right) = canvas(2)

    for path, colour in zip(paths[:SHOWN], (BLUE, GREEN, ORANGE, PURPLE, SKY)):
        left.plot(n, path, color=colour, linewidth=0.9)
    left.plot(n, np.sqrt(n), color=THEORY, linestyle="--", linewidth=1.0, label=r"$\pm\sqrt{n}\,L$")
    left.plot(n, -np.sqrt(n), color=THEORY, linestyle="--", linewidth=1.0)
    left.axhline(0.0, color="0.6", linewidth=0.6, zorder=0)
    left.set_xlabel("$n$")
    left.set_ylabel("$x_n$ ($L$)")
    left.set_xlim(0, STEPS)
    left.legend(loc="upper left")

    every = n[::20]
    squares = paths[:, every] ** 2
    mean = squares.mean(axis=0)
    error = squares.std(axis=0, ddof=1) / np.sqrt(WALKERS)
    right.plot(n, n, color=THEORY, label=r"$nL^2$")
    right.errorbar(every, mean, yerr=error, fmt="o", color=SIMULATION, label=rf"$N = {WALKERS}$")
    right.set_xlabel("$n$")
    right.set_ylabel(r"$E[x_n^2]$ ($L^2$)")
    right.set_xlim(0, STEPS)
    right.set_ylim(0, None)
    right.legend(loc="upper left")
    label_panels([left, right])
    return figure


FIGURES = (
    Figure(
        "paths-and-msd",
        Text(
            "(a) Five coin walkers, each step +L or −L: they wander off in either direction; the "
            "dashed curves ±√n L mark the typical (root mean square) distance. "
            "(b) The mean of x_n² over 2000 walkers (points, with their "
            "standard errors) grows in proportion to the number of steps, along the derived n L².",
            "(a) 五个抛硬币的行走者，每步 +L 或 −L：它们向两侧随机游荡；虚线 ±√n L 标出典型（均方根）距离。"
            "(b) 2000 个行走者的 x_n² 的平均（点，带标准误差）与步数成正比，落在推导出的 nL² 上。",
        ),
        paths_and_msd,
    ),
)
