"""The Einstein relation: zeta D = k_B T, friction and diffusion are two faces of the collisions.

Answers the seed article's section 1.2.4: from D = L²/(2Δt) (§1.2.1), zeta = 2m/Δt (§1.2.2)
and (L/Δt)² = E[v²] = k_B T/m (§1.2.3), zeta D = k_B T. With collision intervals of any
distribution zeta and D both change, but their product does not (checked against exponential
and gamma intervals). With Stokes' law it gives the size of a diffusing molecule from its
measured diffusion constant, and how D changes with temperature through T and the viscosity.

Sources: A. Einstein, Ann. Phys. 17, 549 (1905); W. Sutherland, Phil. Mag. 9, 781 (1905);
M. Smoluchowski, Ann. Phys. 21, 756 (1906); J. Perrin, C. R. Acad. Sci. 146, 967 (1908);
P. Nelson, Biological Physics (2004), §4.1.4; R. P. Feynman, The Feynman Lectures on Physics,
vol. I (1963), ch. 41 and 43; the seed article, §1.2.4.
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
    micrometer,
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
    exercise,
    given,
    heading,
    independent,
    simulated,
    step,
)
from derive.figures.einstein_relation import FIGURES
from sympy.physics.units.quantities import Quantity
from derive.sim import collisions, langevin

EINSTEIN = "A. Einstein, Ann. Phys. 17, 549 (1905)"
CODATA = "The International System of Units (SI), 9th ed. (BIPM, 2019): the Boltzmann constant is exact"
IAPWS = "IAPWS, Release on the IAPWS Formulation 2008 for the Viscosity of Ordinary Water Substance"
HISTORY = "W. Sutherland, Phil. Mag. 9, 781 (1905); M. Smoluchowski, Ann. Phys. 21, 756 (1906)"
PERRIN = "J. Perrin, C. R. Acad. Sci. 146, 967 (1908)"
LONGSWORTH = "L. G. Longsworth, J. Am. Chem. Soc. 75, 5705 (1953)"
CRC = "CRC Handbook of Chemistry and Physics, 'Ionic conductivity and diffusion at infinite dilution'"
velocity = length / time

symbols = SymbolTable()
D = symbols.add("D", length**2 / time, "diffusion constant", "扩散系数", positive=True)
L = symbols.add("L", length, "length of one step of the walk", "行走一步的长度", positive=True)
dt = symbols.add("dt", time, "time between collisions", "两次碰撞之间的时间", positive=True, latex=r"\Delta t")
m = symbols.add("m", mass, "mass of the particle", "粒子的质量", positive=True)
zeta = symbols.add("zeta", mass / time, "viscous friction coefficient", "黏性摩擦系数", positive=True)
k_B = symbols.add("k_B", energy / temperature, "Boltzmann's constant", "玻尔兹曼常数", positive=True)
T = symbols.add("T", temperature, "absolute temperature", "绝对温度", positive=True)
v = symbols.random("v", velocity, "velocity just after a collision", "碰撞刚结束时的速度", real=True)
s = symbols.random("s", time, "random time between collisions, of any distribution",
                   "随机的碰撞间隔，分布任意", positive=True)
s_mean = symbols.add("s_mean", time, "mean time between collisions E[s]", "平均碰撞间隔 E[s]", positive=True,
                     latex=r"\bar{s}")
s_msq = symbols.add("s_msq", time**2, "mean squared time between collisions E[s²]", "碰撞间隔平方的平均 E[s²]",
                    positive=True, latex=r"\overline{s^{2}}")
tau = symbols.add("tau", time, "mean time between collisions at random (exponential intervals)",
                  "随机碰撞（指数分布间隔）的平均间隔", positive=True)
h = symbols.random("h", time, "a time between collisions at random (exponential, mean τ)",
                   "随机碰撞的间隔（指数分布，均值为 τ）", latex=r"s_{\exp}",
                   distribution=stats.Exponential("h", 1 / tau), positive=True)
Dx_r = symbols.random("Dx_r", length, "displacement during one free flight of random length",
                      "一次随机长度的自由飞行中的位移", latex=r"\Delta x'")
zeta_r = symbols.add("zeta_r", mass / time, "friction coefficient with random collision times",
                     "随机碰撞时间下的摩擦系数", positive=True, latex=r"\zeta'")
D_r = symbols.add("D_r", length**2 / time, "diffusion constant with random collision times",
                  "随机碰撞时间下的扩散系数", positive=True, latex="D'")
eta = symbols.add("eta", mass / (length * time), "viscosity of the liquid", "液体的黏度", positive=True)
R = symbols.add("R", length, "radius of the diffusing sphere", "扩散小球的半径", positive=True)
D_g = symbols.add("D_g", length**2 / time, "measured diffusion constant of glucose in water",
                  "葡萄糖在水中的扩散系数（实测）", positive=True, latex=r"D_{\mathrm{glucose}}")
D_K = symbols.add("D_K", length**2 / time, "measured diffusion constant of K⁺ in water",
                  "K⁺ 在水中的扩散系数（实测）", positive=True, latex=r"D_{\mathrm{K^+}}")
T_1 = symbols.add("T_1", temperature, "the colder temperature", "较低的温度", positive=True)
T_2 = symbols.add("T_2", temperature, "the warmer temperature", "较高的温度", positive=True)
eta_1 = symbols.add("eta_1", mass / (length * time), "viscosity of water at T_1", "水在 T_1 时的黏度", positive=True)
eta_2 = symbols.add("eta_2", mass / (length * time), "viscosity of water at T_2", "水在 T_2 时的黏度", positive=True)
D_1 = symbols.add("D_1", length**2 / time, "diffusion constant of the sphere at T_1", "小球在 T_1 时的扩散系数",
                  positive=True)
D_2 = symbols.add("D_2", length**2 / time, "diffusion constant of the sphere at T_2", "小球在 T_2 时的扩散系数",
                  positive=True)

# Measured values at 25 °C, each with its source in the steps below.
BOLTZMANN = sp.Rational("1.380649e-23") * joule / kelvin
ROOM = sp.Rational("298.15") * kelvin
millipascal = Quantity("millipascal", abbrev="mPa")  # viscosities of water are written in mPa s
millipascal.set_global_relative_scale_factor(sp.Rational(1, 1000), pascal)


def in_mpa_s(viscosity: sp.Expr) -> sp.Expr:
    """A viscosity given in Pa s, written in mPa s (1.518 mPa s, not 0.001518 Pa s)."""
    return viscosity / (pascal * second) * 1000 * millipascal * second


WATER_VISCOSITY = in_mpa_s(sp.Rational("0.8900e-3") * pascal * second)
# The viscosity of water at 0.1 MPa from the IAPWS 2008 formulation (Kestin, Sokolov and Wakeham,
# J. Phys. Chem. Ref. Data 7, 941 (1978) agree to 0.1 %): the figure uses the same numbers.
COLD = sp.Rational("278.15") * kelvin  # 5 °C
BODY = sp.Rational("310.15") * kelvin  # 37 °C
WATER_VISCOSITY_COLD = sp.Rational("1.518e-3") * pascal * second
WATER_VISCOSITY_BODY = sp.Rational("0.6913e-3") * pascal * second
GLUCOSE_D = sp.Rational("6.73e-10") * meter**2 / second
POTASSIUM_D = sp.Rational("1.957e-9") * meter**2 / second

FIXED_FLIGHTS = {m: 1.0, dt: 1.0, k_B: 1.0, T: 1.0}
RANDOM_FLIGHTS = {m: 1.0, tau: 1.0, k_B: 1.0, T: 1.0}
# Gamma intervals of shape 2 and mean 1: E[s²] = 1.5 E[s]², neither regular nor exponential.
GAMMA_FLIGHTS = {m: 1.0, s_mean: 1.0, s_msq: 1.5, k_B: 1.0, T: 1.0}
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


def gamma_law(at: Params) -> collisions.Intervals:
    """Gamma intervals with the given mean E[s] and mean square E[s²]: shape E[s]²/Var s."""
    mean, mean_square = at[s_mean], at[s_msq]
    return collisions.gamma_intervals(mean, mean**2 / (mean_square - mean**2))


def diffusion_gamma(at: Params, rng: np.random.Generator) -> Estimate:
    """E[x²]/(2 E[t]) of 500 000 free particles with gamma-distributed flight times."""
    x, t = _fly(at, rng, gamma_law(at), 0.0, 500_000)
    return Estimate.of_means(lambda mean_square, mean_t: mean_square / (2 * mean_t), x**2, t)


def einstein_gamma(at: Params, rng: np.random.Generator) -> Estimate:
    """zeta' from pushed particles times D′ from free ones (a push spreads random flights), with
    gamma-distributed flight times."""
    x, t = _fly(at, rng, gamma_law(at), PUSH, 200_000)
    friction = Estimate.of_means(lambda mean_x, mean_t: PUSH * mean_t / mean_x, x, t)
    return friction.times(diffusion_gamma(at, rng))


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
    "The International System of Units (SI), 9th ed. (BIPM, 2019): the Boltzmann constant is exact":
        "《国际单位制（SI）》第 9 版（BIPM，2019）：玻尔兹曼常数是精确值",
    "IAPWS, Release on the IAPWS Formulation 2008 for the Viscosity of Ordinary Water Substance":
        "IAPWS，《普通水黏度的 IAPWS 2008 公式》",
    "L. G. Longsworth, J. Am. Chem. Soc. 75, 5705 (1953)": "L. G. Longsworth，J. Am. Chem. Soc. 75, 5705 (1953)",
    "CRC Handbook of Chemistry and Physics, 'Ionic conductivity and diffusion at infinite dilution'":
        "《CRC 化学与物理手册》，“无限稀释下的离子电导率与扩散”一表",
    "A. Einstein, Ann. Phys. 17, 549 (1905)": "A. Einstein，Ann. Phys. 17, 549 (1905)",
    "W. Sutherland, Phil. Mag. 9, 781 (1905)": "萨瑟兰，《哲学杂志》第 9 卷第 781 页（1905）",
    "M. Smoluchowski, Ann. Phys. 21, 756 (1906)": "斯莫卢霍夫斯基，Ann. Phys. 21, 756 (1906)",
    "J. Perrin, C. R. Acad. Sci. 146, 967 (1908)": "J. Perrin，C. R. Acad. Sci. 146, 967 (1908)",
    "the relation": "该关系",
    "the same relation, found independently": "独立发现的同一关系",
    "Brownian motion measured, and Avogadro's number": "布朗运动的测量与阿伏伽德罗常数",
    "diffusion": "扩散",
    "glucose": "葡萄糖",
    "K⁺": "K⁺",
    "the viscosity of water at 5, 25 and 37 °C": "水在 5、25、37 °C 时的黏度",
}
# What a reader needs beyond the handouts it quotes (read by derive.render.view).
NEEDS = Text("the average (expectation) of a random quantity, and of a product of independent quantities",
             "随机量的平均值（期望），以及独立随机量乘积的平均值")

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
        Text("The collision model of the viscous-friction handout: each collision gives the particle a fresh velocity with "
             "the equilibrium (Maxwell-Boltzmann) distribution; without a force it then flies freely.",
             "沿用讲义《碰撞产生的黏性摩擦》的碰撞模型：每次碰撞给粒子一个服从平衡（麦克斯韦-玻尔兹曼）分布的新速度；"
             "没有外力时粒子随后自由飞行。"),
        Text("Without a force the flights are the steps of the random walk of the random-walk handout.",
             "没有外力时，这些飞行就是 讲义《扩散即无规行走》中的无规行走的每一步。"),
    ),
    independent=(independent(v, s), independent(v, h)),
    sources=(f"{EINSTEIN} (the relation)", f"{HISTORY} (the same relation, found independently)",
             f"{PERRIN} (Brownian motion measured, and Avogadro's number)",
             "P. Nelson, Biological Physics (2004), §4.1.4",
             "R. P. Feynman, The Feynman Lectures on Physics, vol. I (1963), ch. 43 (diffusion)",
             f"{CODATA}", f"{IAPWS} (the viscosity of water at 5, 25 and 37 °C)", f"{LONGSWORTH} (glucose)",
             f"{CRC} (K⁺)", "The source article, 高中生也能看懂的的神经科学数学基础 (“Neuroscience maths a high-school student can follow”), §1.2.3–1.2.4 (2024)"),
    key_ideas=(
        Text("ζD = k_B T: the friction a particle feels and the speed at which it diffuses come from the same "
             "collisions, so the more friction, the slower the diffusion, in exact inverse proportion.",
             "ζD = k_B T：粒子感受到的摩擦和它扩散的快慢来自同样的碰撞，所以摩擦越大，扩散越慢，而且恰好成反比。"),
        Text("The relation does not depend on the details of the collisions: for intervals of any distribution "
             "ζ and D both change, but their product is always k_B T.",
             "这个关系与碰撞的细节无关：无论碰撞间隔服从什么分布，ζ 和 D 都会变，但它们的乘积总是 k_B T。"),
        Text("With Stokes' law, D = k_B T/(6πηR): a measured D gives the size of a molecule, and warming water "
             "speeds diffusion twice over, through T and through the falling viscosity η (D at 37 °C is 2.45 "
             "times D at 5 °C).",
             "结合 Stokes 定律，D = k_B T/(6πηR)：由实测的 D 可以得到分子的大小；水温升高通过 T 和下降的黏度 η "
             "两方面加快扩散（37 °C 时的扩散系数是 5 °C 时的 2.45 倍）。"),
        Text("Perrin (1908) used the relation the other way round: from the measured D of visible beads he "
             "found k_B, and so Avogadro's number, which convinced physicists that atoms are real.",
             "Perrin（1908 年）反过来使用这个关系：由看得见的小球的实测 D 求出 k_B，进而得到阿伏伽德罗常数，"
             "使物理学家们相信原子真实存在。"),
    ),
    steps=(
        heading("Three results put together", "把三个结果放在一起",
                step("diffusion-constant", Eq(D, L**2 / (2 * dt)),
                     by.earlier_result("random-walk", "diffusion-constant"),
                     "From the random walk (the random-walk handout): D = L²/(2Δt).", "由无规行走（讲义《扩散即无规行走》）：D = L²/(2Δt)。")),
        step("friction-collision", Eq(zeta, 2 * m / dt),
             by.earlier_result("viscous-friction", "friction-collision"),
             "From the collision model (the viscous-friction handout): ζ = 2m/Δt.", "由碰撞模型（讲义《碰撞产生的黏性摩擦》）：ζ = 2m/Δt。"),
        given("step-is-a-flight", Eq(L**2, E(v**2) * dt**2),
              "Without a force, a step of the walk is a free flight v Δt, so (L/Δt)² = E[v²].",
              "没有外力时，行走的一步就是一次自由飞行 vΔt，所以 (L/Δt)² = E[v²]。"),
        step("equipartition", Eq(E(v**2), k_B * T / m), by.earlier_result("equipartition", "equipartition-1d"),
             "From equipartition (the equipartition handout): E[v²] = k_B T/m.", "由能量均分（讲义《能量均分》）：E[v²] = k_B T/m。"),
        step("step-squared", Eq(L**2, k_B * T * dt**2 / m),
             by.substituting("equipartition", into="step-is-a-flight"),
             "So the step is set by the temperature.", "所以步长由温度决定。"),
        step("diffusion-collision", Eq(D, k_B * T * dt / (2 * m)),
             by.substituting("step-squared", into="diffusion-constant"),
             "The diffusion constant of the collision model: D = k_B T Δt/(2m).",
             "碰撞模型的扩散系数：D = k_B T Δt/(2m)。"),
        step("einstein", Eq(zeta * D, k_B * T), by.substituting("friction-collision", "diffusion-collision"),
             "Multiply: m and Δt cancel, and ζD = k_B T. A particle that feels more friction "
             "diffuses more slowly, in exact inverse proportion. Einstein found this in 1905, in the paper "
             "that explained the jiggling Robert Brown had watched in 1827 in the tiny particles released "
             "from pollen grains; Sutherland found it independently the same year, and Smoluchowski in 1906.",
             "相乘后 m 和 Δt 消去，ζD = k_B T。摩擦越大的粒子扩散越慢，而且恰好成反比。Einstein 在 1905 年"
             "得到这一关系，那篇论文解释了 Brown 于 1827 年观察到的花粉中释放出的微粒的无规抖动；"
             "同年萨瑟兰独立地得到了它，斯莫卢霍夫斯基则在 1906 年得到。"),
        step("einstein-diffusion", Eq(D, k_B * T / zeta), by.solving_for(D, "einstein"),
             "Written for D: D = k_B T/ζ.", "写成 D 的形式：D = k_B T/ζ。"),
        heading("Collision intervals of any distribution", "任意分布的碰撞间隔",
                step("friction-general", Eq(zeta_r, 2 * m * s_mean / s_msq),
                     by.earlier_result("viscous-friction", "friction-general"),
                     "With intervals s of any distribution, the viscous-friction handout gave ζ′ = 2m E[s]/E[s²].",
                     "碰撞间隔 s 服从任意分布时，讲义《碰撞产生的黏性摩擦》给出 ζ′ = 2m E[s]/E[s²]。")),
        define("diffusion-of-flights", Eq(D_r, E(Dx_r**2) / (2 * E(s))),
               "The diffusion constant of a walk whose steps take random times: mean squared step "
               "over twice the mean time per step (as D = L²/(2Δt)).",
               "步长耗时随机的行走的扩散系数：步长平方的平均除以每步平均时间的两倍（与 D = L²/(2Δt) 相同）。"),
        given("free-flight", Eq(Dx_r, v * s),
              "Without a force a flight of length s carries the particle v s.",
              "没有外力时，长度为 s 的飞行使粒子移动 v s。"),
        step("flight-squared", Eq(E(Dx_r**2), E(v**2 * s**2)), by.substituting("free-flight"),
             "Square and average.", "平方后取平均。"),
        step("flight-independent", Eq(E(v**2 * s**2), E(v**2) * E(s**2)), by.independence(v, s),
             "The velocity does not depend on how long the flight lasts.", "速度与飞行持续多久无关。"),
        define("interval-mean", Eq(E(s), s_mean), "The mean interval is s_mean = E[s]", "平均间隔为 s_mean = E[s]，"),
        define("interval-mean-square", Eq(E(s**2), s_msq), "and its mean square s_msq = E[s²].", "间隔平方的平均为 s_msq = E[s²]。"),
        step("diffusion-random", Eq(D_r, k_B * T * s_msq / (2 * m * s_mean)),
             by.substituting("flight-squared", "flight-independent", "equipartition", "interval-mean",
                             "interval-mean-square", into="diffusion-of-flights"),
             "D′ = k_B T E[s²]/(2m E[s]): long flights count more here too.",
             "D′ = k_B T E[s²]/(2m E[s])：这里长的飞行同样贡献更大。"),
        step("einstein-random", Eq(zeta_r * D_r, k_B * T),
             by.substituting("friction-general", "diffusion-random"),
             "E[s] and E[s²] cancel: ζ′D′ = k_B T for intervals of any distribution. ζ and D each depend on "
             "the details of the collisions; their product does not.",
             "E[s] 和 E[s²] 消去：对任意分布的间隔都有 ζ′D′ = k_B T。ζ 和 D 各自取决于碰撞的细节，"
             "它们的乘积却与这些细节无关。"),
        heading("Collisions at random: exponential intervals", "完全随机的碰撞：指数分布的间隔",
                given("exponential-intervals", Eq(s, h),
                      "For collisions at random the intervals are exponential with mean τ.",
                      "对完全随机的碰撞，间隔服从均值为 τ 的指数分布。")),
        step("mean-interval", Eq(E(h), tau), by.moments_of(h),
             "The mean flight time is τ", "平均飞行时间为 τ，"),
        step("mean-square-interval", Eq(E(h**2), 2 * tau**2), by.moments_of(h),
             "and its mean square is 2τ².", "其平方的平均为 2τ²。"),
        step("exponential-mean", Eq(s_mean, tau),
             by.substituting("exponential-intervals", "mean-interval", into="interval-mean"),
             "So E[s] = τ", "所以 E[s] = τ，"),
        step("exponential-mean-square", Eq(s_msq, 2 * tau**2),
             by.substituting("exponential-intervals", "mean-square-interval", into="interval-mean-square"),
             "and E[s²] = 2τ².", "E[s²] = 2τ²。"),
        step("diffusion-exponential", Eq(D_r, k_B * T * tau / m),
             by.substituting("exponential-mean", "exponential-mean-square", into="diffusion-random"),
             "D′ = k_B T τ/m: not k_B T τ/(2m), because long flights count more; and ζ′ = m/τ (the viscous-friction handout), so "
             "again ζ′D′ = k_B T.",
             "D′ = k_B T τ/m，而不是 k_B T τ/(2m)，因为长的飞行贡献更大；而 ζ′ = m/τ（讲义《碰撞产生的黏性摩擦》），所以仍有 ζ′D′ = k_B T。"),
        heading("Stokes-Einstein: the size of a molecule", "Stokes-Einstein 关系：分子的大小",
                step("stokes", Eq(zeta, 6 * sp.pi * eta * R), by.earlier_result("viscous-friction", "stokes"),
                     "Stokes' law for a sphere of radius R (the viscous-friction handout).", "半径为 R 的球的 Stokes 定律（讲义《碰撞产生的黏性摩擦》）。")),
        step("stokes-einstein", Eq(6 * sp.pi * eta * R * D, k_B * T),
             by.substituting("stokes", into="einstein"),
             "Put Stokes' law into the Einstein relation.", "把 Stokes 定律代入 Einstein 关系。"),
        step("stokes-radius", Eq(R, k_B * T / (6 * sp.pi * eta * D)), by.solving_for(R, "stokes-einstein"),
             "A measured D tells the size of the molecule.", "由实测的 D 可以求出分子的大小。"),
        cite("boltzmann-constant", Eq(k_B, BOLTZMANN), CODATA,
             "Boltzmann's constant, exact since 2019.", "玻尔兹曼常数，2019 年起为精确值。"),
        cite("water-viscosity", Eq(eta, WATER_VISCOSITY), IAPWS,
             "The viscosity of water at 25 °C (298.15 K).", "水在 25 °C（298.15 K）时的黏度。"),
        cite("glucose", Eq(D_g, GLUCOSE_D), LONGSWORTH,
             "Glucose diffuses in water at 25 °C with D = 6.73 × 10⁻¹⁰ m²/s.",
             "葡萄糖在 25 °C 的水中扩散系数为 6.73 × 10⁻¹⁰ m²/s。"),
        cite("potassium", Eq(D_K, POTASSIUM_D), CRC,
             "A potassium ion: D = 1.957 × 10⁻⁹ m²/s. The article's “about 10⁻⁹ m²/s” sits between the two.",
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
        heading("Warm water: diffusion and temperature", "温暖的水：扩散与温度",
                step("stokes-einstein-diffusion", Eq(D, k_B * T / (6 * sp.pi * eta * R)),
                     by.solving_for(D, "stokes-einstein"),
                     "For a sphere of fixed size D = k_B T/(6πηR): temperature enters twice, in T and in the "
                     "viscosity η, which falls steeply as water warms.",
                     "对大小不变的小球，D = k_B T/(6πηR)：温度出现两次，一次在 T 中，一次在黏度 η 中；"
                     "水变暖时黏度下降得很快。")),
        step("diffusion-cold", Eq(D_1, k_B * T_1 / (6 * sp.pi * eta_1 * R)),
             by.instance_of("stokes-einstein-diffusion", {D: D_1, T: T_1, eta: eta_1}),
             "At a temperature T_1, where water has viscosity η_1,", "在温度 T_1（水的黏度为 η_1）时，"),
        step("diffusion-warm", Eq(D_2, k_B * T_2 / (6 * sp.pi * eta_2 * R)),
             by.instance_of("stokes-einstein-diffusion", {D: D_2, T: T_2, eta: eta_2}),
             "and at T_2, where it has viscosity η_2.", "在温度 T_2（水的黏度为 η_2）时，"),
        step("warm-over-cold", Eq(D_2 / D_1, T_2 * eta_1 / (T_1 * eta_2)),
             by.substituting("diffusion-warm", "diffusion-cold"),
             "The ratio does not depend on the size of the sphere.", "两者之比与小球的大小无关。"),
        cite("water-viscosity-cold", Eq(eta_1, in_mpa_s(WATER_VISCOSITY_COLD)), IAPWS,
             "Water at 5 °C (278.15 K) has η = 1.518 mPa·s,", "水在 5 °C（278.15 K）时 η = 1.518 × 10⁻³ Pa·s，"),
        cite("water-viscosity-body", Eq(eta_2, in_mpa_s(WATER_VISCOSITY_BODY)), IAPWS,
             "and at body temperature, 37 °C (310.15 K), η = 0.6913 mPa·s: less than half.",
             "在体温 37 °C（310.15 K）时 η = 6.913 × 10⁻⁴ Pa·s：不到一半。"),
        step("warm-over-cold-value", Eq(D_2 / D_1, sp.Rational("2.45")),
             by.evaluating_at("warm-over-cold", {T_1: COLD, T_2: BODY, eta_1: in_mpa_s(WATER_VISCOSITY_COLD),
                                                 eta_2: in_mpa_s(WATER_VISCOSITY_BODY)}, digits=3),
             "At 37 °C a molecule's diffusion constant is 2.45 times what it is at 5 °C: the temperature alone "
             "gives a factor of 1.115, the fall in viscosity the other factor of 2.20.",
             "37 °C 时分子的扩散系数是 5 °C 时的 2.45 倍：其中温度本身贡献 1.115 倍，黏度降低贡献 2.20 倍。"),
        *exercise(
            "ex-bead-diffusion",
            "How far does a bead of radius 1 μm in water at 25 °C diffuse? Find its D by Stokes-Einstein.",
            "半径 1 μm 的小球在 25 °C 的水中扩散得多快？用 Stokes-Einstein 关系求它的 D。",
            step("ex-bead-diffusion-value", Eq(D, sp.Rational("0.245") * micrometer**2 / second),
                 by.evaluating_at("stokes-einstein-diffusion",
                                  {k_B: BOLTZMANN, T: ROOM, eta: WATER_VISCOSITY, R: micrometer}, digits=3),
                 "Put the numbers into D = k_B T/(6πηR).", "把数值代入 D = k_B T/(6πηR)。"),
            answer=Text("D ≈ 0.245 μm²/s, about 1/8000 of the D of K⁺: in one second it wanders about "
                        "√(2 × 0.245 μm²/s × 1 s) ≈ 0.7 μm along each axis, visible under a microscope, as Brown saw.",
                        "D ≈ 0.245 μm²/s，只有 K⁺ 的约 1/8000：一秒钟内它沿每个坐标轴游荡约 "
                        "√(2 × 0.245 μm²/s × 1 s) ≈ 0.7 μm，"
                        "在显微镜下看得见，正如 Brown 所见。"),
        ),
        *exercise(
            "ex-potassium-warm",
            "K⁺ has D = 1.957 × 10⁻⁹ m²/s in water at 25 °C. Estimate its D at 37 °C, supposing that its "
            "Stokes radius does not change.",
            "K⁺ 在 25 °C 的水中 D = 1.957 × 10⁻⁹ m²/s。假设它的 Stokes 半径不变，估算它在 37 °C 时的 D。",
            step("ex-warm-from-cold", Eq(D_2, D_1 * T_2 * eta_1 / (T_1 * eta_2)),
                 by.solving_for(D_2, "warm-over-cold"),
                 "From the ratio, D_2 = D_1 (T_2/T_1)(η_1/η_2).", "由比值，D_2 = D_1 (T_2/T_1)(η_1/η_2)。"),
            step("ex-potassium-warm-value", Eq(D_2, sp.Rational("2.62e-9") * meter**2 / second),
                 by.evaluating_at("ex-warm-from-cold", {D_1: POTASSIUM_D, T_1: ROOM, T_2: BODY,
                                                        eta_1: WATER_VISCOSITY, eta_2: in_mpa_s(WATER_VISCOSITY_BODY)},
                                  digits=3),
                 "Now T_1 = 25 °C and T_2 = 37 °C.", "此时 T_1 = 25 °C，T_2 = 37 °C。"),
            answer=Text("About 2.62 × 10⁻⁹ m²/s, a third more than at room temperature (measured: 2.6 × 10⁻⁹ m²/s).",
                        "约 2.62 × 10⁻⁹ m²/s，约为室温时的 4/3（实测约 2.6 × 10⁻⁹ m²/s）。"),
        ),
        *exercise(
            "ex-perrin",
            "Perrin's idea: a bead of radius 0.5 μm in water at 20 °C (η = 1.002 mPa·s) is seen to diffuse with "
            "D = 0.429 μm²/s. What value of k_B does this give?",
            "Perrin 的思路：半径 0.5 μm 的小球在 20 °C 的水中（η = 1.002 × 10⁻³ Pa·s）扩散，测得 D = 0.429 μm²/s。"
            "由此得到的 k_B 是多少？",
            step("ex-boltzmann-from-diffusion", Eq(k_B, 6 * sp.pi * eta * R * D / T),
                 by.solving_for(k_B, "stokes-einstein"),
                 "Solve the Stokes-Einstein relation for k_B.", "由 Stokes-Einstein 关系解出 k_B。"),
            step("ex-perrin-value", Eq(k_B, sp.Rational("1.38e-23") * joule / kelvin),
                 by.evaluating_at("ex-boltzmann-from-diffusion",
                                  {eta: sp.Rational("1.002") * millipascal * second, R: nanometer * 500,
                                   D: sp.Rational("0.429e-12") * meter**2 / second, T: sp.Rational("293.15") * kelvin},
                                  digits=3),
                 "Put the measured numbers in.", "代入测量值。"),
            answer=Text("k_B ≈ 1.38 × 10⁻²³ J/K; with the gas constant N_A k_B = 8.314 J/(mol K), known from "
                        "chemistry, this counts the molecules in a mole: N_A ≈ 6.0 × 10²³ mol⁻¹.",
                        "k_B ≈ 1.38 × 10⁻²³ J/K；由化学中已知的气体常数 N_A k_B（每摩尔 8.314 J/K），可以数出一摩尔中的"
                        "分子数：N_A ≈ 6.0 × 10²³。"),
        ),
    ),
    checks=(
        simulated("diffusion-fixed", "diffusion-collision", diffusion_fixed, FIXED_FLIGHTS,
                  "E[x²]/(2t) of 400 000 free particles, collisions every Δt.",
                  "40 万个自由粒子（每隔 Δt 碰撞一次）的 E[x²]/(2t)。"),
        simulated("einstein-fixed", "einstein", einstein_fixed, FIXED_FLIGHTS,
                  "ζD measured on 400 000 pushed particles: F/v_drift times Var(x)/(2t).",
                  "在 40 万个受推动的粒子上测量 ζD：F/v_drift 乘以 Var(x)/(2t)。"),
        simulated("diffusion-gamma", "diffusion-random", diffusion_gamma, GAMMA_FLIGHTS,
                  "E[x²]/(2E[t]) of 500 000 free particles with gamma-distributed flight times "
                  "(shape 2: E[s²] = 1.5 E[s]²).",
                  "50 万个飞行时间服从伽马分布（形状参数 2：E[s²] = 1.5 E[s]²）的自由粒子的 E[x²]/(2E[t])。"),
        simulated("einstein-gamma", "einstein-random", einstein_gamma, GAMMA_FLIGHTS,
                  "ζ′D′ with gamma-distributed flight times: friction from 200 000 pushed particles, D′ from "
                  "500 000 free ones.",
                  "飞行时间服从伽马分布时的 ζ′D′：摩擦由 20 万个受推动的粒子测得，D′ 由 50 万个自由粒子测得。"),
        simulated("diffusion-random", "diffusion-exponential", diffusion_random, RANDOM_FLIGHTS,
                  "E[x²]/(2E[t]) of 500 000 free particles with exponential flight times.",
                  "50 万个飞行时间服从指数分布的自由粒子的 E[x²]/(2E[t])。"),
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
