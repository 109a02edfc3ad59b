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
from sympy.physics.units import energy, joule, kelvin, kilogram, length, mass, meter, millimeter, second, temperature, time

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
    exercise,
    given,
    heading,
    simulated,
    step,
)
from derive.figures.equipartition import FIGURES
from derive.sim import boltzmann

FEYNMAN = "R. P. Feynman, The Feynman Lectures on Physics, vol. I (1963), ch. 40"
MAXWELL = "J. C. Maxwell, Phil. Mag. 19, 19 (1860)"
BOLTZMANN = sp.Rational("1.380649e-23") * joule / kelvin  # exact since 2019 (SI, 9th ed.)
POTASSIUM_MASS = sp.Rational("6.4924e-26") * kilogram  # 39.098 u
BEAD_MASS = sp.Rational("4.4e-15") * kilogram  # a 1 μm-radius polystyrene bead
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
v_rms = symbols.add("v_rms", velocity, "root mean square velocity along one axis", "沿一个坐标轴的方均根速度",
                    positive=True, latex=r"v_{\mathrm{rms}}")

boltzmann_weight = A * sp.exp(-m * v**2 / (2 * k_B * T))
normalised = sp.sqrt(m / (2 * sp.pi * k_B * T)) * sp.exp(-m * v**2 / (2 * k_B * T))
maxwell_speeds = 4 * sp.pi * w**2 * (m / (2 * sp.pi * k_B * T)) ** sp.Rational(3, 2) * sp.exp(-m * w**2 / (2 * k_B * T))
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
NEEDS = Text("integrals over the whole line, among them the Gaussian integral: e^(−x^2) integrates to √π",
             "在整条实轴上的积分，其中包括高斯积分：e^(−x^2) 的积分等于 √π")
SOURCES_ZH = {"Boltzmann's law and the distribution of velocities": "玻尔兹曼定律与速度分布",
              "J. C. Maxwell, Phil. Mag. 19, 19 (1860)": "J. C. Maxwell，《哲学杂志》第 19 卷第 19 页（1860）",
              "the distribution of velocities in a gas": "气体中的速度分布"}

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
        Text("Its kinetic energy is m v^2/2; no force acts on it (no potential energy).",
             "它的动能是 m v^2/2；没有外力（没有势能）。"),
    ),
    sources=(f"{FEYNMAN} (Boltzmann's law and the distribution of velocities)",
             f"{MAXWELL} (the distribution of velocities in a gas)",
             "P. Nelson, Biological Physics: Energy, Information, Life (2004), §3.2 and §6.2",
             "The source article, 高中生也能看懂的的神经科学数学基础 (“Neuroscience maths a high-school student can follow”), §1.2.3 (2024)"),
    key_ideas=(
        Text("In equilibrium the probability of a velocity falls off with its kinetic energy as the Boltzmann "
             "factor e^(−m v²/(2k_B T)): each velocity component is Gaussian, with mean 0 and variance k_B T/m.",
             "平衡时，某个速度出现的概率随其动能按玻尔兹曼因子 e^(−m v²/(2k_B T)) 衰减：每个速度分量都服从"
             "均值为 0、方差为 k_B T/m 的高斯分布。"),
        Text("Each direction of motion carries k_B T/2 of kinetic energy on average, whatever the mass: "
             "E[v²] = k_B T/m along one axis, 3k_B T/m in space (equipartition).",
             "无论质量多大，每个运动方向平均带有 k_B T/2 的动能：沿一个坐标轴 E[v²] = k_B T/m，"
             "空间中为 3k_B T/m（能量均分）。"),
        Text("Heavier particles move more slowly, as 1/√m: at body temperature the root mean square velocity of "
             "a K⁺ ion along one axis is hundreds of metres per second, that of a 1 μm bead about a millimetre "
             "per second.",
             "越重的粒子运动越慢，按 1/√m 变化：体温下 K⁺ 离子沿一个坐标轴的方均根速度达每秒数百米，"
             "1 μm 的小球约为每秒 1 毫米。"),
        Text("This fixes the random walk's step: a free flight of Δt gives (L/Δt)² = E[v²] = k_B T/m, which the "
             "Einstein relation (the Einstein-relation handout) uses.",
             "这决定了无规行走的步长：一次时长 Δt 的自由飞行给出 (L/Δt)² = E[v²] = k_B T/m，"
             "Einstein 关系（讲义《Einstein 关系》）要用到它。"),
    ),
    steps=(
        heading("The Maxwell-Boltzmann distribution", "麦克斯韦-玻尔兹曼分布",
                cite("boltzmann", Eq(p(v), boltzmann_weight), FEYNMAN,
             "In equilibrium the probability of a velocity falls off with its energy E as exp(−E/(k_B T)): "
             "the Boltzmann distribution of the kinetic energy m v^2/2.",
             "平衡时，某个速度出现的概率随其能量 E 按 exp(−E/(k_B T)) 衰减：这是动能 m v^2/2 的玻尔兹曼分布。")),
        given("normalisation", Eq(sp.Integral(boltzmann_weight, everywhere), 1),
              "The probabilities of all velocities add up to 1.", "所有速度的概率加起来等于 1。"),
        step("normalisation-evaluated", Eq(A * sp.sqrt(2 * sp.pi * k_B * T / m), 1),
             by.rewriting("normalisation"),
             "The Gaussian integral: the integral of exp(−a v^2) over all v is √(π/a).",
             "高斯积分：exp(−a v^2) 在整条实轴上对 v 的积分等于 √(π/a)。"),
        step("amplitude", Eq(A, sp.sqrt(m / (2 * sp.pi * k_B * T))),
             by.solving_for(A, "normalisation-evaluated"),
             "So the normalising factor is √(m/(2π k_B T)).", "所以归一化因子是 √(m/(2π k_B T))。"),
        heading("The mean squared velocity", "速度平方的平均值",
                define("mean-square", Eq(E(v**2), sp.Integral(v**2 * boltzmann_weight, everywhere)),
               "The mean of v² weights each velocity by its probability.",
               "v² 的平均值就是用概率给每个速度加权。")),
        step("equipartition-1d", Eq(E(v**2), k_B * T / m),
             by.substituting("amplitude", into="mean-square"),
             "Another Gaussian integral gives E[v²] = k_B T/m: the heavier the particle, the slower.",
             "再做一个高斯积分得到 E[v²] = k_B T/m：粒子越重，运动越慢。"),
        step("kinetic-energy-1d", Eq(E(m * v**2 / 2), k_B * T / 2), by.substituting("equipartition-1d"),
             "Each direction of motion carries k_B T/2 of kinetic energy on average.",
             "每个运动方向平均带有 k_B T/2 的动能。"),
        heading("Three dimensions", "三维情形",
                define("speed", Eq(w**2, v**2 + v_y**2 + v_z**2),
               "In three dimensions the squared speed is the sum over the three directions.",
               "三维中速率的平方是三个方向之和。")),
        step("mean-square-speed-sum", Eq(E(w**2), E(v**2) + E(v_y**2) + E(v_z**2)),
             by.taking_expectation("speed"),
             "Take the expectation term by term.", "逐项取期望。"),
        given("same-y", Eq(E(v_y**2), E(v**2)),
              "The Boltzmann weight exp(−m(v^2 + v_y^2 + v_z^2)/(2k_B T)), with v the velocity along x, is a "
              "product of three 1-D weights: each direction has the same distribution.",
              "玻尔兹曼权重 exp(−m(v^2 + v_y^2 + v_z^2)/(2k_B T))（v 是 x 方向的速度）是三个一维权重的乘积："
              "每个方向的分布相同。"),
        given("same-z", Eq(E(v_z**2), E(v**2)), "Likewise for z.", "z 方向同理。"),
        step("equipartition-3d", Eq(E(w**2), 3 * k_B * T / m),
             by.substituting("same-y", "same-z", "equipartition-1d", into="mean-square-speed-sum"),
             "In three dimensions E[w²] = 3k_B T/m.", "三维中 E[w²] = 3k_B T/m。"),
        step("kinetic-energy-3d", Eq(E(m * w**2 / 2), sp.Rational(3, 2) * k_B * T),
             by.substituting("equipartition-3d"),
             "The mean kinetic energy is (3/2) k_B T.", "平均动能为 (3/2) k_B T。"),
        *exercise(
            "ex-rms-velocity",
            "How fast does a K⁺ ion (m = 6.4924 × 10⁻²⁶ kg) move along one axis in the body, at 37 °C? And a bead "
            "of mass 4.4 × 10⁻¹⁵ kg (radius 1 μm) in water at 25 °C?",
            "体温 37 °C 下，K⁺ 离子（m = 6.4924 × 10⁻²⁶ kg）沿一个坐标轴运动得多快？25 °C 的水中质量为 "
            "4.4 × 10⁻¹⁵ kg（半径 1 μm）的小球呢？",
            define("ex-rms", Eq(v_rms, sp.sqrt(E(v**2))),
                   "The typical velocity is the root mean square, v_rms = √(E[v²]).",
                   "典型速度是方均根速度 v_rms = √(E[v²])。"),
            step("ex-rms-formula", Eq(v_rms, sp.sqrt(k_B * T / m)), by.substituting("equipartition-1d", into="ex-rms"),
                 "By equipartition, v_rms = √(k_B T/m).", "由能量均分，v_rms = √(k_B T/m)。"),
            step("ex-rms-potassium", Eq(v_rms, 257 * meter / second),
                 by.evaluating_at("ex-rms-formula", {k_B: BOLTZMANN, T: sp.Rational("310.15") * kelvin,
                                                     m: POTASSIUM_MASS}, digits=3),
                 "For K⁺ at 310.15 K,", "K⁺ 在 310.15 K 时，"),
            step("ex-rms-bead", Eq(v_rms, sp.Rational("0.967") * millimeter / second),
                 by.evaluating_at("ex-rms-formula", {k_B: BOLTZMANN, T: sp.Rational("298.15") * kelvin,
                                                     m: BEAD_MASS}, digits=3),
                 "and for the bead at 298.15 K.", "小球在 298.15 K 时。"),
            answer=Text("About 257 m/s for K⁺, about the cruising speed of a jet airliner (some 900 km/h), and about "
                        "1 mm/s for the bead; "
                        "neither gets far, because collisions turn it round long before.",
                        "K⁺ 约为 257 m/s，与喷气客机巡航的速度（约 900 km/h）相当；小球约为 1 mm/s。但两者都走不远，"
                        "因为碰撞很快就让它们掉头。"),
        ),
        *exercise(
            "ex-fourth-moment",
            "Using the normalised distribution, compute E[v⁴]. How does it compare with E[v²]²?",
            "用归一化的分布计算 E[v⁴]。它与 E[v²]² 相比如何？",
            step("ex-fourth", Eq(sp.Integral(v**4 * normalised, everywhere), 3 * (k_B * T / m) ** 2), by.evaluating(),
                 "Weight v⁴ by the probability and integrate (a Gaussian integral again).",
                 "用概率给 v⁴ 加权并积分（又是一个高斯积分）。"),
            answer=Text("E[v⁴] = 3(k_B T/m)² = 3E[v²]², as for every Gaussian; so the kinetic energy fluctuates, with "
                        "variance (k_B T)²/2 per direction.",
                        "E[v⁴] = 3(k_B T/m)² = 3E[v²]²，这对所有高斯分布都成立；所以动能是涨落的，"
                        "每个方向的方差为 (k_B T)²/2。"),
        ),
        *exercise(
            "ex-mean-speed",
            "In three dimensions the speeds w follow Maxwell's distribution "
            "4π w^2 (m/(2π k_B T))^(3/2) e^(−m w^2/(2k_B T)). "
            "Check that it is normalised, and find the mean speed E[w]. Is it √(E[w²])?",
            "三维中速率 w 服从 Maxwell 分布 4π w^2 (m/(2π k_B T))^(3/2) e^(−m w^2/(2k_B T))。验证它是归一化的，并求平均速率 "
            "E[w]。它等于 √(E[w²]) 吗？",
            step("ex-speeds-normalised", Eq(sp.Integral(maxwell_speeds, (w, 0, sp.oo)), 1), by.evaluating(),
                 "A shell of speeds between w and w + dw has volume 4πw² dw in velocity space.",
                 "速率介于 w 与 w + dw 之间的球壳在速度空间中的体积为 4πw² dw。"),
            step("ex-mean-speed-value", Eq(sp.Integral(w * maxwell_speeds, (w, 0, sp.oo)),
                                           sp.sqrt(8 * k_B * T / (sp.pi * m))), by.evaluating(),
                 "Weight each speed by its probability.", "用概率给每个速率加权。"),
            answer=Text("E[w] = √(8k_B T/(π m)) ≈ 1.60 √(k_B T/m), a little less than √(E[w²]) = √(3k_B T/m) "
                        "≈ 1.73 √(k_B T/m): "
                        "the mean of a square is not the square of the mean.",
                        "E[w] = √(8k_B T/(π m)) ≈ 1.60 √(k_B T/m)，略小于 √(E[w²]) = √(3k_B T/m) ≈ 1.73 √(k_B T/m)："
                        "平方的平均不等于平均的平方。"),
        ),
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
