"""The Einstein relation: zeta D = k_B T, friction and diffusion are two faces of the collisions.

Answers the seed article's section 1.2.4: from D = L²/(2Δt) (§1.2.1), zeta = 2m/Δt (§1.2.2)
and (L/Δt)² = E[v²] = k_B T/m (§1.2.3), zeta D = k_B T. With random collision times zeta and
D both change, but their product does not. With Stokes' law it gives the size of a
diffusing molecule from its measured diffusion constant.

Sources: A. Einstein, Ann. Phys. 17, 549 (1905); P. Nelson, Biological Physics (2004), §4.1.4;
R. P. Feynman, The Feynman Lectures on Physics, vol. I (1963), ch. 43; the seed article, §1.2.4.
"""

from __future__ import annotations

import numpy as np
import sympy as sp
import sympy.stats as stats
from sympy.physics.units import (
    joule,
    kelvin,
    length,
    mass,
    meter,
    nanometer,
    pascal,
    second,
    temperature,
    time,
)
from sympy.physics.units import energy

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
    independent,
    simulated,
    step,
)
from derive.figures.einstein_relation import FIGURES
from derive.sim import collisions, langevin

EINSTEIN = "A. Einstein, Ann. Phys. 17, 549 (1905)"
CODATA = "The International System of Units (SI), 9th ed. (BIPM, 2019): k_B is exact"
IAPWS = "IAPWS, Release on the IAPWS Formulation 2008 for the Viscosity of Ordinary Water Substance"
LONGSWORTH = "L. G. Longsworth, J. Am. Chem. Soc. 75, 5705 (1953)"
CRC = "CRC Handbook of Chemistry and Physics, 'Ionic conductivity and diffusion at infinite dilution'"
velocity = length / time

symbols = SymbolTable()
D = symbols.add("D", length**2 / time, "diffusion constant", "扩散系数", positive=True)
L = symbols.add("L", length, "length of one step of the walk", "行走一步的长度", positive=True)
dt = symbols.add("dt", time, "time between collisions", "两次碰撞之间的时间", positive=True, latex=r"\Delta t")
m = symbols.add("m", mass, "mass of the particle", "粒子的质量", positive=True)
zeta = symbols.add("zeta", mass / time, "viscous friction coefficient", "粘性摩擦系数", positive=True)
k_B = symbols.add("k_B", energy / temperature, "Boltzmann's constant", "玻尔兹曼常数", positive=True)
T = symbols.add("T", temperature, "absolute temperature", "绝对温度", positive=True)
v = symbols.random("v", velocity, "velocity just after a collision", "碰撞刚结束时的速度", real=True)
tau = symbols.add("tau", time, "mean time between collisions", "平均碰撞间隔", positive=True)
h = symbols.random("h", time, "random time between collisions (exponential, mean tau)",
                   "随机的碰撞间隔（指数分布，均值为 τ）", latex=r"\Delta t'",
                   distribution=stats.Exponential("h", 1 / tau), positive=True)
Dx_r = symbols.random("Dx_r", length, "displacement during one random flight", "一次随机飞行中的位移",
                      latex=r"\Delta x'")
zeta_r = symbols.add("zeta_r", mass / time, "friction coefficient with random collision times",
                     "随机碰撞时间下的摩擦系数", positive=True, latex=r"\zeta'")
D_r = symbols.add("D_r", length**2 / time, "diffusion constant with random collision times",
                  "随机碰撞时间下的扩散系数", positive=True, latex="D'")
eta = symbols.add("eta", mass / (length * time), "viscosity of the liquid", "液体的粘度", positive=True)
R = symbols.add("R", length, "radius of the diffusing sphere", "扩散小球的半径", positive=True)
D_g = symbols.add("D_g", length**2 / time, "measured diffusion constant of glucose in water",
                  "葡萄糖在水中的扩散系数（实测）", positive=True, latex=r"D_{\mathrm{glucose}}")
D_K = symbols.add("D_K", length**2 / time, "measured diffusion constant of K⁺ in water",
                  "K⁺ 在水中的扩散系数（实测）", positive=True, latex=r"D_{\mathrm{K^+}}")

# Measured values at 25 °C, each with its source in the steps below.
BOLTZMANN = sp.Rational("1.380649e-23") * joule / kelvin
ROOM = sp.Rational("298.15") * kelvin
WATER_VISCOSITY = sp.Rational("0.8900e-3") * pascal * second
GLUCOSE_D = sp.Rational("6.73e-10") * meter**2 / second
POTASSIUM_D = sp.Rational("1.957e-9") * meter**2 / second

FIXED_FLIGHTS = {m: 1.0, dt: 1.0, k_B: 1.0, T: 1.0}
RANDOM_FLIGHTS = {m: 1.0, tau: 1.0, k_B: 1.0, T: 1.0}
LANGEVIN = {m: 1.0, zeta: 2.0, k_B: 1.0, T: 1.5}
FLIGHTS = 25  # per particle; at collision instants the ratios below hold for any number
PUSH = 4.0  # force used to measure the drift: the relation does not depend on it, a larger push measures it better


def _fly(at: Params, rng: np.random.Generator, intervals: collisions.Intervals, force: float, particles: int):
    return collisions.after_collisions(FLIGHTS, intervals, force, at[k_B] * at[T], at[m], particles, rng)


def diffusion_fixed(at: Params, rng: np.random.Generator) -> Estimate:
    """E[x²]/(2 E[t]) of 400 000 free particles with collisions every Δt."""
    x, t = _fly(at, rng, collisions.fixed_intervals(at[dt]), 0.0, 400_000)
    return Estimate.of_means(lambda mean_square, mean_t: mean_square / (2 * mean_t), x**2, t)


def einstein_fixed(at: Params, rng: np.random.Generator) -> Estimate:
    """zeta D from one run of pushed particles: zeta = F/v_drift, D = Var x / (2t).

    With fixed flights the push adds the same displacement to every flight, so it shifts x
    without spreading it: the variance still measures diffusion.
    """
    x, t = _fly(at, rng, collisions.fixed_intervals(at[dt]), PUSH, 400_000)

    def zeta_times_d(mean_x: float, mean_square: float, mean_t: float) -> float:
        return (PUSH * mean_t / mean_x) * (mean_square - mean_x**2) / (2 * mean_t)

    return Estimate.of_means(zeta_times_d, x, x**2, t)


def diffusion_random(at: Params, rng: np.random.Generator) -> Estimate:
    """E[x²]/(2 E[t]) of 500 000 free particles with exponential flight times."""
    x, t = _fly(at, rng, collisions.exponential_intervals(at[tau]), 0.0, 500_000)
    return Estimate.of_means(lambda mean_square, mean_t: mean_square / (2 * mean_t), x**2, t)


def einstein_random(at: Params, rng: np.random.Generator) -> Estimate:
    """zeta' from pushed particles times D' from free ones (a push spreads random flights)."""
    x, t = _fly(at, rng, collisions.exponential_intervals(at[tau]), PUSH, 200_000)
    friction = Estimate.of_means(lambda mean_x, mean_t: PUSH * mean_t / mean_x, x, t)
    return friction.times(diffusion_random(at, rng))


LANGEVIN_PARTICLES = 800_000  # relative standard error 0.23%: the slope's per-particle relative variance is 4.8
LANGEVIN_STEP = 0.2  # relaxation times m/zeta per step


def diffusion_langevin(at: Params, rng: np.random.Generator) -> Estimate:
    """D from the late-time slope of the mean squared displacement of 800 000 Langevin particles.

    The Langevin equation m dv = -zeta v dt + sqrt(2 zeta k_B T) dW integrated in small steps
    (a fifth of the relaxation time m/zeta, implicit midpoint rule), velocity only; positions
    are the summed velocities, so no formula for the spread of x enters. Slope between 7 and 17
    relaxation times: the memory of the starting velocity biases it by e^-7/10 = 9e-5, and the
    step changes it by less than 1e-5 (tests/sim/test_langevin.py), both far below the 0.23%
    standard error.
    """
    tau = at[m] / at[zeta]
    t1, t2 = 7 * tau, 17 * tau
    x = langevin.midpoint_positions([t1, t2], at[m], at[zeta], at[k_B] * at[T], LANGEVIN_PARTICLES, rng,
                                    step=LANGEVIN_STEP * tau)
    return Estimate.mean_of((x[:, 1] ** 2 - x[:, 0] ** 2) / (2.0 * (t2 - t1)))



# Chinese for the sources and glosses this handout cites (read by derive.render.view).
SOURCES_ZH = {
    "The International System of Units (SI), 9th ed. (BIPM, 2019): k_B is exact":
        "《国际单位制（SI）》第 9 版（BIPM，2019）：k_B 是精确值",
    "IAPWS, Release on the IAPWS Formulation 2008 for the Viscosity of Ordinary Water Substance":
        "IAPWS，Release on the IAPWS Formulation 2008 for the Viscosity of Ordinary Water Substance（普通水黏度的 2008 年公式）",
    "L. G. Longsworth, J. Am. Chem. Soc. 75, 5705 (1953)": "L. G. Longsworth，J. Am. Chem. Soc. 75, 5705 (1953)",
    "CRC Handbook of Chemistry and Physics, 'Ionic conductivity and diffusion at infinite dilution'":
        "CRC Handbook of Chemistry and Physics，“无限稀释下的离子电导率与扩散”一表",
    "A. Einstein, Ann. Phys. 17, 549 (1905)": "A. Einstein，Ann. Phys. 17, 549 (1905)",
    "the relation": "该关系",
    "diffusion": "扩散",
    "glucose": "葡萄糖",
    "K⁺": "K⁺",
}

derivation = Derivation(
    id="einstein-relation",
    title=Text("The Einstein relation: ζ D = k_B T", "Einstein 关系：ζD = k_B T"),
    question=Text(
        "Friction and diffusion both come from collisions with the molecules of the liquid. "
        "How are they related?",
        "摩擦和扩散都来自与液体分子的碰撞。它们之间有什么关系？",
    ),
    section="1.2.4",
    symbols=symbols.freeze(),
    assumptions=(
        Text("The collision model of 1.2.2: each collision gives the particle a fresh velocity with "
             "the equilibrium (Maxwell-Boltzmann) distribution; without a force it then flies freely.",
             "沿用 1.2.2 的碰撞模型：每次碰撞给粒子一个服从平衡（麦克斯韦-玻尔兹曼）分布的新速度；"
             "没有外力时粒子随后自由飞行。"),
        Text("Without a force the flights are the steps of the random walk of 1.2.1.",
             "没有外力时，这些飞行就是 1.2.1 中无规行走的每一步。"),
    ),
    independent=(independent(v, h),),
    sources=(f"{EINSTEIN} (the relation)", "P. Nelson, Biological Physics (2004), §4.1.4",
             "R. P. Feynman, The Feynman Lectures on Physics, vol. I (1963), ch. 43 (diffusion)",
             f"{CODATA}", f"{IAPWS}", f"{LONGSWORTH} (glucose)", f"{CRC} (K⁺)",
             "The seed article, 高中生也能看懂的的神经科学数学基础, §1.2.3-1.2.4 (2024)"),
    steps=(
        step("diffusion-constant", Eq(D, L**2 / (2 * dt)), by.earlier_result("random-walk", "diffusion-constant"),
             "From the random walk (1.2.1): D = L²/(2Δt).", "由无规行走（1.2.1）：D = L²/(2Δt)。"),
        step("friction-collision", Eq(zeta, 2 * m / dt),
             by.earlier_result("viscous-friction", "friction-collision"),
             "From the collision model (1.2.2): ζ = 2m/Δt.", "由碰撞模型（1.2.2）：ζ = 2m/Δt。"),
        given("step-is-a-flight", Eq(L**2, E(v**2) * dt**2),
              "Without a force, a step of the walk is a free flight v Δt, so (L/Δt)² = E[v²].",
              "没有外力时，行走的一步就是一次自由飞行 vΔt，所以 (L/Δt)² = E[v²]。"),
        step("equipartition", Eq(E(v**2), k_B * T / m), by.earlier_result("equipartition", "equipartition-1d"),
             "From equipartition (1.2.3): E[v²] = k_B T/m.", "由能量均分（1.2.3）：E[v²] = k_B T/m。"),
        step("step-squared", Eq(L**2, k_B * T * dt**2 / m),
             by.substituting("equipartition", into="step-is-a-flight"),
             "So the step is set by the temperature.", "所以步长由温度决定。"),
        step("diffusion-collision", Eq(D, k_B * T * dt / (2 * m)),
             by.substituting("step-squared", into="diffusion-constant"),
             "The diffusion constant of the collision model: D = k_B T Δt/(2m).",
             "碰撞模型的扩散系数：D = k_B T Δt/(2m)。"),
        step("einstein", Eq(zeta * D, k_B * T), by.substituting("friction-collision", "diffusion-collision"),
             "Multiply: m and Δt cancel, and ζD = k_B T. A particle that feels more friction "
             "diffuses more slowly, in exact proportion.",
             "相乘后 m 和 Δt 消去，ζD = k_B T。摩擦越大的粒子扩散越慢，而且恰好成反比。"),
        step("einstein-diffusion", Eq(D, k_B * T / zeta), by.solving_for(D, "einstein"),
             "Written for D: D = k_B T/ζ.", "写成 D 的形式：D = k_B T/ζ。"),
        # --- Random collision times --------------------------------------------------------------
        step("friction-random", Eq(zeta_r, m / tau), by.earlier_result("viscous-friction", "friction-random"),
             "With exponential collision times of mean τ, 1.2.2 gave ζ' = m/τ.",
             "碰撞时间服从均值为 τ 的指数分布时，1.2.2 给出 ζ' = m/τ。"),
        define("diffusion-of-flights", Eq(D_r, E(Dx_r**2) / (2 * E(h))),
               "The diffusion constant of a walk whose steps take random times: mean squared step "
               "over twice the mean time per step (as D = L²/(2Δt)).",
               "步长耗时随机的行走的扩散系数：步长平方的平均除以每步平均时间的两倍（与 D = L²/(2Δt) 相同）。"),
        given("free-flight", Eq(Dx_r, v * h),
              "Without a force a flight of length Δt' carries the particle v Δt'.",
              "没有外力时，长度为 Δt' 的飞行使粒子移动 vΔt'。"),
        step("flight-squared", Eq(E(Dx_r**2), E(v**2 * h**2)), by.substituting("free-flight"),
             "Square and average.", "平方后取平均。"),
        step("flight-independent", Eq(E(v**2 * h**2), E(v**2) * E(h**2)), by.independence(v, h),
             "The velocity does not depend on how long the flight lasts.", "速度与飞行持续多久无关。"),
        step("mean-interval", Eq(E(h), tau), by.moments_of(h),
             "The mean flight time is τ.", "平均飞行时间为 τ。"),
        step("mean-square-interval", Eq(E(h**2), 2 * tau**2), by.moments_of(h),
             "and its mean square is 2τ².", "其平方的平均为 2τ²。"),
        step("diffusion-random", Eq(D_r, k_B * T * tau / m),
             by.substituting("flight-squared", "flight-independent", "equipartition", "mean-interval",
                             "mean-square-interval", into="diffusion-of-flights"),
             "D' = k_B T τ/m: not k_B T τ/(2m), because long flights count more.",
             "D' = k_B T τ/m，而不是 k_B T τ/(2m)，因为长的飞行贡献更大。"),
        step("einstein-random", Eq(zeta_r * D_r, k_B * T),
             by.substituting("friction-random", "diffusion-random"),
             "ζ' and D' both differ from ζ and D, yet ζ'D' = k_B T again: the Einstein relation does "
             "not depend on the details of the collisions.",
             "ζ' 和 D' 都与 ζ、D 不同，但 ζ'D' 仍然等于 k_B T：Einstein 关系与碰撞的细节无关。"),
        # --- Stokes-Einstein and numbers ------------------------------------------------------------
        step("stokes", Eq(zeta, 6 * sp.pi * eta * R), by.earlier_result("viscous-friction", "stokes"),
             "Stokes' law for a sphere of radius R (1.2.2).", "半径为 R 的球的 Stokes 定律（1.2.2）。"),
        step("stokes-einstein", Eq(6 * sp.pi * eta * R * D, k_B * T),
             by.substituting("stokes", into="einstein"),
             "Put Stokes' law into the Einstein relation.", "把 Stokes 定律代入 Einstein 关系。"),
        step("stokes-radius", Eq(R, k_B * T / (6 * sp.pi * eta * D)), by.solving_for(R, "stokes-einstein"),
             "A measured D tells the size of the molecule.", "由实测的 D 可以求出分子的大小。"),
        cite("boltzmann-constant", Eq(k_B, BOLTZMANN), CODATA,
             "Boltzmann's constant, exact since 2019.", "玻尔兹曼常数，2019 年起为精确值。"),
        cite("water-viscosity", Eq(eta, WATER_VISCOSITY), IAPWS,
             "The viscosity of water at 25 °C (298.15 K).", "水在 25 °C（298.15 K）时的粘度。"),
        cite("glucose", Eq(D_g, GLUCOSE_D), LONGSWORTH,
             "Glucose diffuses in water at 25 °C with D = 6.73 × 10⁻¹⁰ m²/s.",
             "葡萄糖在 25 °C 的水中扩散系数为 6.73 × 10⁻¹⁰ m²/s。"),
        cite("potassium", Eq(D_K, POTASSIUM_D), CRC,
             "A potassium ion: D = 1.957 × 10⁻⁹ m²/s. The seed's 'about 10⁻⁹ m²/s' sits between the two.",
             "钾离子：D = 1.957 × 10⁻⁹ m²/s。原文所说的“约 10⁻⁹ m²/s”正好介于两者之间。"),
        step("glucose-radius", Eq(R, sp.Rational(36, 100) * nanometer),
             by.evaluating_at("stokes-radius", {k_B: BOLTZMANN, T: ROOM, eta: WATER_VISCOSITY, D: GLUCOSE_D},
                              digits=2),
             "Glucose behaves as a sphere of radius 0.36 nm, about the size of the molecule.",
             "葡萄糖表现得像一个半径 0.36 nm 的小球，与分子的大小相当。"),
        step("potassium-radius", Eq(R, sp.Rational(13, 100) * nanometer),
             by.evaluating_at("stokes-radius", {k_B: BOLTZMANN, T: ROOM, eta: WATER_VISCOSITY, D: POTASSIUM_D},
                              digits=2),
             "For K⁺ Stokes' law gives 0.13 nm, smaller than the bare ion (0.14 nm) let alone its "
             "shell of water: at this size water is no longer a smooth fluid, and the law is only "
             "an order of magnitude.",
             "对 K⁺，Stokes 定律给出 0.13 nm，比裸离子（0.14 nm）还小，更不用说它周围的水合层："
             "在这个尺度上水已不再是连续流体，这个定律只能给出数量级。"),
    ),
    checks=(
        simulated("diffusion-fixed", "diffusion-collision", diffusion_fixed, FIXED_FLIGHTS,
                  "E[x²]/(2t) of 400 000 free particles, collisions every Δt.",
                  "40 万个自由粒子（每隔 Δt 碰撞一次）的 E[x²]/(2t)。"),
        simulated("einstein-fixed", "einstein", einstein_fixed, FIXED_FLIGHTS,
                  "ζD measured on 400 000 pushed particles: F/v_drift times Var x/(2t).",
                  "在 40 万个受推动的粒子上测量 ζD：F/v_drift 乘以 Var x/(2t)。"),
        simulated("diffusion-random", "diffusion-random", diffusion_random, RANDOM_FLIGHTS,
                  "E[x²]/(2E[t]) of 500 000 free particles with exponential flight times.",
                  "50 万个飞行时间服从指数分布的自由粒子的 E[x²]/(2E[t])。"),
        simulated("einstein-random", "einstein-random", einstein_random, RANDOM_FLIGHTS,
                  "ζ'D' with exponential flight times: friction from pushed particles, D' from free ones.",
                  "飞行时间服从指数分布时的 ζ'D'：摩擦由受推动的粒子测得，D' 由自由粒子测得。"),
        simulated("langevin", "einstein-diffusion", diffusion_langevin, LANGEVIN,
                  "D from the mean squared displacement of 800 000 particles obeying the Langevin equation "
                  "(friction ζ and thermal noise), integrated in steps of a fifth of the relaxation time m/ζ: "
                  "the velocity is stepped, and the positions are its sums.",
                  "80 万个服从朗之万方程（摩擦 ζ 与热噪声）的粒子由均方位移得到的 D；方程以弛豫时间 m/ζ 的五分之一为步长积分："
                  "逐步推进速度，位置由速度累加而得。"),
    ),
    figures=FIGURES,
    module=__name__,
)
