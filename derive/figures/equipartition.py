"""Figure of the equipartition handout: sampled velocities against the Maxwell-Boltzmann density."""

from __future__ import annotations

from typing import Any

import numpy as np

from derive.figures import BLUE, THEORY, VERMILION, canvas, rng
from derive.model import Figure, Text
from derive.sim import boltzmann

BOLTZMANN = 1.380649e-23  # J/K
DALTON = 1.66053906660e-27  # kg
TEMPERATURE = 293.15  # K (20 °C)
SAMPLES = 20_000
PER_MILLI = 1e3  # the density is shown in 10^-3 s/m
# A potassium ion and a glucose molecule: the heavier one moves more slowly.
PARTICLES = ((r"K$^+$", 39.1, BLUE), (r"C$_6$H$_{12}$O$_6$", 180.16, VERMILION))


def velocity_histograms() -> Any:
    """Histograms of velocities drawn with the Boltzmann weight exp(-m v^2/2k_BT) alone, for two
    masses, against the normalised density sqrt(m/2πk_BT) exp(-m v^2/2k_BT)."""
    generator = rng()
    kT = BOLTZMANN * TEMPERATURE
    figure, (ax,) = canvas(1, height=3.0)
    edges = np.linspace(-1000.0, 1000.0, 61)
    v = np.linspace(edges[0], edges[-1], 400)
    for name, daltons, colour in PARTICLES:
        mass = daltons * DALTON
        thermal = np.sqrt(kT / mass)
        samples = boltzmann.sample(boltzmann.kinetic_energy(mass), kT, 12 * thermal, SAMPLES, generator)
        counts, _ = np.histogram(samples, bins=edges, density=True)
        ax.stairs(counts * PER_MILLI, edges, fill=True, color=colour, alpha=0.35, label=name)
        density = np.sqrt(mass / (2 * np.pi * kT)) * np.exp(-mass * v**2 / (2 * kT)) * PER_MILLI
        ax.plot(v, density, color=colour)
        at = np.interp(thermal, v, density)
        ax.annotate(rf"$\sqrt{{k_BT/m}} = {thermal:.0f}$ m/s", xy=(thermal, at),
                    xytext=(thermal + 120, at * 1.25), color=colour,
                    arrowprops={"arrowstyle": "-", "color": colour, "linewidth": 0.8})
    ax.plot([], [], color=THEORY, label=r"$\sqrt{m/2\pi k_BT}\;e^{-mv^2/2k_BT}$")
    ax.set_xlabel("$v$ (m/s)")
    ax.set_ylabel("$p(v)$ ($10^{-3}$ s/m)")
    ax.set_xlim(edges[0], edges[-1])
    ax.set_ylim(0, None)
    ax.legend(loc="upper left")
    return figure


FIGURES = (
    Figure(
        "velocity-histograms",
        Text(
            "Velocities along x of a potassium ion (39 u) and of glucose (180 u) in water at 20 °C: "
            "20 000 of each drawn with the Boltzmann weight alone (histograms), and the normalised "
            "density of the handout (lines). The root mean square velocity √(k_B T/m) is 250 m/s for "
            "K⁺ and 116 m/s for glucose: the heavier molecule moves more slowly.",
            "20 °C 水中钾离子（39 u）和葡萄糖（180 u）沿 "
            "x 方向的速度：各用玻尔兹曼权重抽取 20 000 个（直方图），"
            "与讲义中归一化的概率密度（曲线）对比。方均根速度 √(k_B "
            "T/m) 对 K⁺ 为 250 m/s，对葡萄糖为 116 m/s："
            "分子越重，运动越慢。",
        ),
        velocity_histograms,
    ),
)
