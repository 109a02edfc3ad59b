"""Equipartition: the mean squared velocity of a particle at temperature T is k_B T / m.

Section 1.2.3 of the seed article uses (L/Δt)² = E[v²] = k_B T/m without deriving it. Here
it follows from the Boltzmann (Maxwell) distribution of velocities, with the Gaussian
integrals done by SymPy, in one and in three dimensions.

Sources: R. P. Feynman, The Feynman Lectures on Physics, vol. I, ch. 40 (the principles of
statistical mechanics); P. Nelson, Biological Physics (2004), ch. 3 and ch. 6.
"""

from __future__ import annotations

import numpy as np
import sympy as sp
from sympy.physics.units import energy, mass, temperature, time, length

from derive import (
    Derivation,
    E,
    Eq,
    Estimate,
    Params,
    SymbolTable,
    Text,
    by,
    cite,
    define,
    given,
    simulated,
    step,
)
from derive.figures.equipartition import FIGURES
from derive.sim import boltzmann

FEYNMAN = "R. P. Feynman, The Feynman Lectures on Physics, vol. I (1963), ch. 40"
velocity = length / time

symbols = SymbolTable()
m = symbols.add("m", mass, "mass of the particle", "粒子的质量", positive=True)
k_B = symbols.add("k_B", energy / temperature, "Boltzmann's constant", "玻尔兹曼常数", positive=True)
T = symbols.add("T", temperature, "absolute temperature", "绝对温度", positive=True)
A = symbols.add("A", 1 / velocity, "normalising factor of the distribution", "分布的归一化因子", positive=True)
v = symbols.random("v", velocity, "velocity along x", "x 方向的速度", real=True)
v_y = symbols.random("v_y", velocity, "velocity along y", "y 方向的速度", real=True)
v_z = symbols.random("v_z", velocity, "velocity along z", "z 方向的速度", real=True)
w = symbols.random("w", velocity, "speed in three dimensions", "三维中的速率", nonnegative=True)
p = symbols.function("p", 1 / velocity, "probability density of the velocity", "速度的概率密度")

boltzmann_weight = A * sp.exp(-m * v**2 / (2 * k_B * T))
everywhere = (v, -sp.oo, sp.oo)

PARTICLE = {m: 2.0, k_B: 1.0, T: 3.0}


def boltzmann_squares(at: Params, rng: np.random.Generator) -> Estimate:
    """Mean of v² over 400 000 velocities drawn with weight exp(-m v²/(2 k_B T)) by rejection."""
    kT = at[k_B] * at[T]
    thermal = np.sqrt(kT / at[m])  # sets the window only: 12 thermal scales leave out e^-72
    samples = boltzmann.sample(boltzmann.kinetic_energy(at[m]), kT, 12 * thermal, 400_000, rng)
    return Estimate.mean_of(samples**2)


def boltzmann_squares_3d(at: Params, rng: np.random.Generator) -> Estimate:
    """Mean of v_x² + v_y² + v_z²; the 3-D Boltzmann weight factorises into three 1-D weights."""
    kT = at[k_B] * at[T]
    window = 12 * np.sqrt(kT / at[m])
    components = [boltzmann.sample(boltzmann.kinetic_energy(at[m]), kT, window, 200_000, rng) for _ in range(3)]
    return Estimate.mean_of(sum(c**2 for c in components))



# What a reader needs beyond school mathematics (read by derive.render.view).
NEEDS = Text("integrals over the whole line, among them the Gaussian integral: e^(−x²) integrates to √π",
             "在整条实轴上的积分，其中包括高斯积分：e^(−x²) 的积分等于 √π")
SOURCES_ZH = {"Boltzmann's law and the distribution of velocities": "玻尔兹曼定律与速度分布"}

derivation = Derivation(
    id="equipartition",
    title=Text("Equipartition: E[v²] = k_B T / m", "能量均分：E[v²] = k_B T / m"),
    question=Text(
        "How fast does a particle in a liquid at temperature T move, on average? Why (L/Δt)² = k_B T/m?",
        "在温度为 T 的液体中，粒子平均运动得有多快？为什么 (L/Δt)² = k_B T/m？",
    ),
    section="1.2.3",
    symbols=symbols.freeze(),
    assumptions=(
        Text("The particle is in thermal equilibrium with the liquid at temperature T.",
             "粒子与温度为 T 的液体处于热平衡。"),
        Text("Its kinetic energy is m v²/2; no force acts on it (no potential energy).",
             "它的动能是 m v²/2；没有外力（没有势能）。"),
    ),
    sources=(f"{FEYNMAN} (Boltzmann's law and the distribution of velocities)",
             "P. Nelson, Biological Physics: Energy, Information, Life (2004), §3.2 and §6.2",
             "The seed article, 高中生也能看懂的的神经科学数学基础, §1.2.3 (2024)"),
    steps=(
        cite("boltzmann", Eq(p(v), boltzmann_weight), FEYNMAN,
             "In equilibrium the probability of a velocity falls off with its energy E as exp(−E/(k_B T)): "
             "the Boltzmann distribution of the kinetic energy m v²/2.",
             "平衡时，某个速度出现的概率随其能量 E 按 exp(−E/(k_B T)) 衰减：这是动能 m v²/2 的玻尔兹曼分布。"),
        given("normalisation", Eq(sp.Integral(boltzmann_weight, everywhere), 1),
              "The probabilities of all velocities add up to 1.", "所有速度的概率加起来等于 1。"),
        step("normalisation-evaluated", Eq(A * sp.sqrt(2 * sp.pi * k_B * T / m), 1),
             by.rewriting("normalisation"),
             "The Gaussian integral: ∫ exp(-a v²) dv = √(π/a).", "高斯积分：∫ exp(-a v²) dv = √(π/a)。"),
        step("amplitude", Eq(A, sp.sqrt(m / (2 * sp.pi * k_B * T))),
             by.solving_for(A, "normalisation-evaluated"),
             "So the normalising factor is √(m / 2π k_B T).", "所以归一化因子是 √(m / 2π k_B T)。"),
        define("mean-square", Eq(E(v**2), sp.Integral(v**2 * boltzmann_weight, everywhere)),
               "The mean of v² weights each velocity by its probability.",
               "v² 的平均值就是用概率给每个速度加权。"),
        step("equipartition-1d", Eq(E(v**2), k_B * T / m),
             by.substituting("amplitude", into="mean-square"),
             "Another Gaussian integral gives E[v²] = k_B T/m: the heavier the particle, the slower.",
             "再做一个高斯积分得到 E[v²] = k_B T/m：粒子越重，运动越慢。"),
        step("kinetic-energy-1d", Eq(E(m * v**2 / 2), k_B * T / 2), by.substituting("equipartition-1d"),
             "Each direction of motion carries k_B T/2 of kinetic energy on average.",
             "每个运动方向平均带有 k_B T/2 的动能。"),
        define("speed", Eq(w**2, v**2 + v_y**2 + v_z**2),
               "In three dimensions the squared speed is the sum over the three directions.",
               "三维中速率的平方是三个方向之和。"),
        step("mean-square-speed-sum", Eq(E(w**2), E(v**2) + E(v_y**2) + E(v_z**2)),
             by.taking_expectation("speed"),
             "Take the expectation term by term.", "逐项取期望。"),
        given("same-y", Eq(E(v_y**2), E(v**2)),
              "The Boltzmann weight exp(-m(v_x² + v_y² + v_z²)/2k_BT) is a product of three 1-D weights: "
              "each direction has the same distribution.",
              "玻尔兹曼权重 exp(-m(v_x² + v_y² + v_z²)/2k_BT) 是三个一维权重的乘积：每个方向的分布相同。"),
        given("same-z", Eq(E(v_z**2), E(v**2)), "Likewise for z.", "z 方向同理。"),
        step("equipartition-3d", Eq(E(w**2), 3 * k_B * T / m),
             by.substituting("same-y", "same-z", "equipartition-1d", into="mean-square-speed-sum"),
             "In three dimensions E[v²] = 3 k_B T/m.", "三维中 E[v²] = 3 k_B T/m。"),
        step("kinetic-energy-3d", Eq(E(m * w**2 / 2), sp.Rational(3, 2) * k_B * T),
             by.substituting("equipartition-3d"),
             "The mean kinetic energy is (3/2) k_B T.", "平均动能为 (3/2) k_B T。"),
    ),
    checks=(
        simulated("equipartition-1d", "equipartition-1d", boltzmann_squares, PARTICLE,
                  "Mean v² of 400 000 velocities drawn by rejection with the Boltzmann weight only.",
                  "仅用玻尔兹曼权重、以舍选法抽取的 40 万个速度的 v² 平均。"),
        simulated("equipartition-3d", "equipartition-3d", boltzmann_squares_3d, PARTICLE,
                  "Mean squared speed of 200 000 velocities with three Boltzmann-weighted components.",
                  "20 万个三分量均按玻尔兹曼权重抽取的速度的速率平方平均。"),
    ),
    figures=FIGURES,
    module=__name__,
)
