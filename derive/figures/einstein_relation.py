"""Figure of the Einstein-relation handout: D measured on Langevin particles equals k_B T / ζ."""

from __future__ import annotations

from typing import Any

import numpy as np

from derive.figures import BLUE, GREEN, PURPLE, THEORY, VERMILION, canvas, label_panels, rng
from derive.model import Figure, Text
from derive.sim import langevin

BOLTZMANN = 1.380649e-23  # J/K
DENSITY = 1.35e3  # kg/m^3, about that of a protein
RADII = (0.3e-9, 0.5e-9, 1.0e-9, 2.0e-9)  # m
# Temperature (K), the viscosity of water there (Pa s; IAPWS 2008 at 0.1 MPa, as the handout cites),
# colour and marker: 5 °C and 37 °C.
TEMPERATURES = ((278.15, 1.518e-3, BLUE, "o"), (310.15, 0.6913e-3, VERMILION, "s"))
PARTICLES = 20_000
MICRO_SQUARED_PER_MILLI = 1e9  # m^2/s -> μm^2/ms
NM_SQUARED = 1e18  # m^2 -> nm^2
NS = 1e9  # s -> ns


def _sphere(radius: float, viscosity: float) -> tuple[float, float]:
    """Mass and Stokes friction 6πηR of a sphere of the given radius in water of that viscosity."""
    return DENSITY * 4 / 3 * np.pi * radius**3, 6 * np.pi * viscosity * radius


def diffusion_against_einstein() -> Any:
    """(a) The mean squared displacement of Langevin spheres against time, with the lines
    2 k_B T t/ζ; (b) D from its slope against k_B T/ζ for two temperatures, with D = k_B T/ζ."""
    generator = rng()
    figure, (left, right) = canvas(2)

    body_temperature, body_viscosity = TEMPERATURES[-1][:2]
    kT = BOLTZMANN * body_temperature
    times = np.linspace(0.0, 10e-9, 11)  # s
    for radius, colour in zip(RADII, (BLUE, VERMILION, GREEN, PURPLE)):
        mass, friction = _sphere(radius, body_viscosity)
        x = langevin.langevin_positions(times[1:], mass, friction, kT, PARTICLES // 4, generator)
        squares = x**2 * NM_SQUARED
        left.errorbar(times[1:] * NS, squares.mean(axis=0), yerr=squares.std(axis=0) / np.sqrt(len(x)),
                      fmt="o", color=colour, markerfacecolor="white", markersize=4)
        left.plot(times * NS, 2 * kT / friction * times * NM_SQUARED, color=colour,
                  label=f"$R = {radius * 1e9:g}$ nm")
    left.set_xlabel("$t$ (ns)")
    left.set_ylabel(r"$E[x^2]$ (nm$^2$)")
    left.set_xlim(0, times[-1] * NS)
    left.set_ylim(0, None)
    left.legend(loc="upper left")

    largest = 0.0
    for temperature, viscosity, colour, marker in TEMPERATURES:
        kT = BOLTZMANN * temperature
        predicted, measured, errors = [], [], []
        for radius in RADII:
            mass, friction = _sphere(radius, viscosity)
            d = langevin.diffusion_from_slope(mass, friction, kT, generator, particles=PARTICLES)
            predicted.append(kT / friction * MICRO_SQUARED_PER_MILLI)
            measured.append(d.value * MICRO_SQUARED_PER_MILLI)
            errors.append(d.stderr * MICRO_SQUARED_PER_MILLI)
        right.errorbar(predicted, measured, yerr=errors, fmt=marker, color=colour, markerfacecolor="white",
                       markersize=5, label=f"$T = {temperature:.0f}$ K")
        largest = max(largest, *predicted)
    line = np.array([0.0, 1.1 * largest])
    right.plot(line, line, color=THEORY, zorder=0, label=r"$D = k_BT/\zeta$")
    right.set_xlabel(r"$k_BT/\zeta$ ($\mu$m$^2$/ms)")
    right.set_ylabel(r"$D$ ($\mu$m$^2$/ms)")
    right.set_xlim(0, line[-1])
    right.set_ylim(0, line[-1])
    right.legend(loc="upper left")
    label_panels([left, right])
    return figure


FIGURES = (
    Figure(
        "diffusion-against-einstein",
        Text(
            "Simulated Langevin spheres of radius 0.3, 0.5, 1 and 2 nm in water (friction ζ = 6πηR, thermal "
            "noise). (a) At 37 °C the mean squared displacement of 5000 spheres (points, with standard "
            "errors) grows linearly in time, along 2 k_B T t/ζ (lines): small spheres spread fastest. "
            "(b) The diffusion constant measured from the slope for 20 000 spheres (symbols) against "
            "k_B T/ζ, at 5 °C (η = 1.518 mPa·s) and 37 °C (η = 0.6913 mPa·s): every point lies on the line "
            "D = k_B T/ζ. More friction, slower diffusion, in exact inverse proportion; at 37 °C the same "
            "sphere's D is 2.45 times its D at 5 °C, because the water is warmer and less viscous.",
            "模拟的朗之万小球：水中半径为 0.3、0.5、1、2 nm（摩擦 ζ = 6πηR，带热噪声）。"
            "(a) 37 °C 时 5000 个小球的均方位移（点，带标准误差）随时间线性增长，落在 2k_B T t/ζ（直线）上："
            "越小的球扩散越快。(b) 由斜率测得的 20 000 个小球的扩散系数（符号）"
            "与 k_B T/ζ 的关系，温度为 5 °C（η = 1.518 × 10⁻³ Pa·s）和 37 °C（η = 6.913 × 10⁻⁴ Pa·s）："
            "所有点都落在直线 D = k_B T/ζ 上。摩擦越大，扩散越慢，恰好成反比；同一个小球在 37 °C 时的扩散系数"
            "是 5 °C 时的 2.45 倍，因为水温更高、黏度更小。",
        ),
        diffusion_against_einstein,
    ),
)
