"""Viscous friction from collisions: v_drift = F/zeta with zeta = 2m E[s]/E[s^2].

Answers the questions of the seed article's section 1.2.2: what is friction in a liquid, and
how does a particle move under a force when it keeps colliding with the molecules around it?
Nelson's collision model: at every collision the particle forgets its velocity; between
collisions the force accelerates it uniformly. With collisions every dt the friction
coefficient is 2m/dt; with intervals s of any distribution it is 2m E[s]/E[s^2], which is
m/tau for collisions at random (exponential intervals of mean tau) and is checked against
gamma-distributed intervals too.

Sources: P. Nelson, Biological Physics: Energy, Information, Life (2004), §4.1.4; G. G. Stokes,
Trans. Camb. Phil. Soc. 9, 8 (1851); L. D. Landau and E. M. Lifshitz, Fluid Mechanics,
2nd ed. (1987), §20; the seed article, §1.2.2.
"""

from __future__ import annotations

import numpy as np
import sympy as sp
import sympy.stats as stats
from sympy.physics.units import (
    energy,
    kilogram,
    length,
    mass,
    micrometer,
    newton,
    pascal,
    second,
    temperature,
    time,
)

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
from derive.figures.viscous_friction import FIGURES
from sympy.physics.units.quantities import Quantity
from derive.sim import collisions

NELSON = "P. Nelson, Biological Physics: Energy, Information, Life (2004), §4.1.4"
STOKES = ("G. G. Stokes, Trans. Camb. Phil. Soc. 9, 8 (1851); "
          "L. D. Landau and E. M. Lifshitz, Fluid Mechanics, 2nd ed. (1987), §20")
IAPWS = "IAPWS, Release on the IAPWS Formulation 2008 for the Viscosity of Ordinary Water Substance"
velocity = length / time
force = mass * length / time**2

symbols = SymbolTable()
m = symbols.add("m", mass, "mass of the particle", "粒子的质量", positive=True)
g = symbols.add("g", length / time**2, "acceleration of gravity", "重力加速度", positive=True)
C = symbols.add("C", mass / length, "quadratic drag constant of air", "空气的平方阻力系数", positive=True)
v_ss = symbols.add("v_ss", velocity, "steady falling speed", "稳定下落速度", positive=True, latex=r"v_{\mathrm{ss}}")
F = symbols.add("F", force, "constant force on the particle", "作用在粒子上的恒力", positive=True)
dt = symbols.add("dt", time, "time between collisions", "两次碰撞之间的时间", positive=True, latex=r"\Delta t")
v = symbols.random("v", velocity, "velocity just after a collision", "碰撞刚结束时的速度", real=True)
Dx = symbols.random("Dx", length, "displacement during one flight", "一次飞行中的位移", latex=r"\Delta x")
v_drift = symbols.add("v_drift", velocity, "drift velocity", "漂移速度", real=True, latex=r"v_{\mathrm{drift}}")
zeta = symbols.add("zeta", force / velocity, "viscous friction coefficient", "黏性摩擦系数", positive=True)
s = symbols.random("s", time, "random time between collisions, of any distribution",
                   "随机的碰撞间隔，分布任意", positive=True)
s_mean = symbols.add("s_mean", time, "mean time between collisions E[s]", "平均碰撞间隔 E[s]", positive=True,
                     latex=r"\bar{s}")
s_msq = symbols.add("s_msq", time**2, "mean squared time between collisions E[s²]", "碰撞间隔平方的平均 E[s²]",
                    positive=True, latex=r"\overline{s^{2}}")
Dx_r = symbols.random("Dx_r", length, "displacement during one flight of random duration", "一次随机时长的飞行中的位移",
                      latex=r"\Delta x'")
v_drift_r = symbols.add("v_drift_r", velocity, "drift velocity with random collision times",
                        "随机碰撞时间下的漂移速度", real=True, latex=r"v'_{\mathrm{drift}}")
zeta_r = symbols.add("zeta_r", force / velocity, "friction coefficient with random collision times",
                     "随机碰撞时间下的摩擦系数", positive=True, latex=r"\zeta'")
tau = symbols.add("tau", time, "mean time between collisions at random (exponential intervals)",
                  "随机碰撞（指数分布间隔）的平均间隔", positive=True)
h = symbols.random("h", time, "a time between collisions at random (exponential, mean τ)",
                   "随机碰撞的间隔（指数分布，均值为 τ）", latex=r"s_{\exp}",
                   distribution=stats.Exponential("h", 1 / tau), positive=True)
eta = symbols.add("eta", mass / (length * time), "viscosity of the liquid", "液体的黏度", positive=True)
R = symbols.add("R", length, "radius of a sphere", "球的半径", positive=True)
k_B = symbols.add("k_B", energy / temperature, "Boltzmann's constant", "玻尔兹曼常数", positive=True)
T = symbols.add("T", temperature, "temperature (the drift does not depend on it)",
                "温度（漂移与它无关）", positive=True)
sigma2 = symbols.add("sigma2", time**2, "variance of the time between collisions", "碰撞间隔的方差",
                     nonnegative=True, latex=r"\sigma_s^{2}")

FIXED_FLIGHTS = {F: 1.0, m: 1.0, dt: 1.0, k_B: 1.0, T: 1.0}
RANDOM_FLIGHTS = {F: 2.0, m: 1.0, tau: 1.0, k_B: 1.0, T: 1.0}
# Gamma intervals of shape 2 and mean 1: E[s²] = (1 + 1/2) E[s]², between fixed (1) and exponential (2).
GAMMA_FLIGHTS = {F: 4.0, m: 1.0, s_mean: 1.0, s_msq: 1.5, k_B: 1.0, T: 1.0}
FLIGHTS = 25  # per particle; at collision instants the ratios below hold for any number
millipascal = Quantity("millipascal", abbrev="mPa")  # viscosities of water are written in mPa s
millipascal.set_global_relative_scale_factor(sp.Rational(1, 1000), pascal)
WATER_25C = sp.Rational("0.89") * millipascal * second  # IAPWS 2008 at 25 °C and 0.1 MPa: 0.8900 mPa s
BEAD = micrometer  # radius of the bead of the exercises
PICONEWTON = sp.Rational(1, 10**12) * newton


def _fly(at: Params, rng: np.random.Generator, intervals: collisions.Intervals, particles: int):
    return collisions.after_collisions(FLIGHTS, intervals, at[F], at[k_B] * at[T], at[m], particles, rng)


def drift_fixed(at: Params, rng: np.random.Generator) -> Estimate:
    """Total displacement over total time of 400 000 particles with collisions every dt."""
    x, t = _fly(at, rng, collisions.fixed_intervals(at[dt]), 400_000)
    return Estimate.of_means(lambda mean_x, mean_t: mean_x / mean_t, x, t)


def friction_fixed(at: Params, rng: np.random.Generator) -> Estimate:
    """zeta = F / v_drift measured on 400 000 particles with collisions every dt."""
    x, t = _fly(at, rng, collisions.fixed_intervals(at[dt]), 400_000)
    return Estimate.of_means(lambda mean_x, mean_t: at[F] * mean_t / mean_x, x, t)


def drift_random(at: Params, rng: np.random.Generator) -> Estimate:
    """Total displacement over total time with exponential flight times of mean tau."""
    x, t = _fly(at, rng, collisions.exponential_intervals(at[tau]), 200_000)
    return Estimate.of_means(lambda mean_x, mean_t: mean_x / mean_t, x, t)


def friction_random(at: Params, rng: np.random.Generator) -> Estimate:
    """zeta' = F / v_drift with exponential flight times of mean tau."""
    x, t = _fly(at, rng, collisions.exponential_intervals(at[tau]), 200_000)
    return Estimate.of_means(lambda mean_x, mean_t: at[F] * mean_t / mean_x, x, t)


def gamma_law(at: Params) -> collisions.Intervals:
    """Gamma intervals with the given mean E[s] and mean square E[s²]: shape E[s]²/Var s."""
    mean, mean_square = at[s_mean], at[s_msq]
    return collisions.gamma_intervals(mean, mean**2 / (mean_square - mean**2))


def friction_gamma(at: Params, rng: np.random.Generator) -> Estimate:
    """zeta' = F / v_drift with gamma-distributed flight times: neither fixed nor exponential."""
    x, t = _fly(at, rng, gamma_law(at), 200_000)
    return Estimate.of_means(lambda mean_x, mean_t: at[F] * mean_t / mean_x, x, t)



# What a reader needs beyond school mathematics (read by derive.render.view).
NEEDS = Text("the average (expectation) of a random quantity, the average of a product of independent "
             "quantities, and the exponential distribution of waiting times",
             "随机量的平均值（期望）、独立随机量乘积的平均值，以及等待时间的指数分布")
READ_AFTER = ("random-walk",)  # expectations, independence and the walk whose steps are these flights
SOURCES_ZH = {
    "G. G. Stokes, Trans. Camb. Phil. Soc. 9, 8 (1851)": "G. G. Stokes，Trans. Camb. Phil. Soc. 9, 8 (1851)",
    "L. D. Landau and E. M. Lifshitz, Fluid Mechanics, 2nd ed. (1987)":
        "L. D. Landau 和 E. M. Lifshitz，《流体力学》（朗道理论物理学教程；英文第 2 版 1987 年）",
    "IAPWS, Release on the IAPWS Formulation 2008 for the Viscosity of Ordinary Water Substance":
        "IAPWS，《普通水黏度的 IAPWS 2008 公式》",
    "Stokes' law": "斯托克斯定律",
    "the collision model of friction": "摩擦的碰撞模型",
    "the viscosity of water": "水的黏度",
}

derivation = Derivation(
    id="viscous-friction",
    title=Text("Viscous friction from collisions: ζ = 2m E[s]/E[s²]", "碰撞产生的黏性摩擦：ζ = 2m E[s]/E[s²]"),
    question=Text(
        "What is friction in a liquid, and how does a particle move under a force when it keeps "
        "colliding with the molecules around it?",
        "液体中的摩擦是什么？粒子不断与周围分子碰撞时，在外力作用下如何运动？",
    ),
    section="1.2.2",
    symbols=symbols.freeze(),
    assumptions=(
        Text("Each collision makes the particle forget its velocity: right after it, the velocity "
             "has mean zero.", "每次碰撞都让粒子“忘记”原来的速度：碰撞刚结束时速度的平均为零。"),
        Text("Between collisions only the constant force F acts, so the particle accelerates uniformly.",
             "两次碰撞之间只有恒力 F 作用，粒子做匀加速运动。"),
        Text("The collisions come either every Δt, or at random times whose intervals s have any "
             "distribution, independent of the velocity.",
             "碰撞要么每隔 Δt 发生一次，要么在随机时刻发生，间隔 s 的分布任意，且与速度独立。"),
    ),
    independent=(independent(v, s), independent(v, h)),
    sources=(f"{NELSON} (the collision model of friction)", f"{STOKES} (Stokes' law)",
             f"{IAPWS} (the viscosity of water)",
             "The source article, 高中生也能看懂的的神经科学数学基础 (“Neuroscience maths a high-school student can follow”), §1.2.2 (2024)"),
    key_ideas=(
        Text("In a liquid the molecules knock a particle's velocity about many times every picosecond, so a "
             "steady force does not accelerate it for long: it gives a drift velocity in proportion to the "
             "force, v_drift = F/ζ.",
             "在液体中，分子每皮秒就把粒子的速度打乱许多次，所以恒力不能让它一直加速，"
             "只能产生与力成正比的漂移速度：v_drift = F/ζ。"),
        Text("For collision intervals s of any distribution ζ = 2m E[s]/E[s²]: 2m/Δt for collisions every Δt, "
             "m/τ for collisions at random (exponential intervals), because long flights count more.",
             "对任意分布的碰撞间隔 s，ζ = 2m E[s]/E[s²]：每隔 Δt 碰撞一次时为 2m/Δt，"
             "随机碰撞（指数分布的间隔）时为 m/τ，因为长的飞行贡献更大。"),
        Text("For a sphere of radius R in a liquid of viscosity η, hydrodynamics gives ζ = 6πηR (Stokes, 1851).",
             "对于黏度为 η 的液体中半径为 R 的球，流体力学给出 ζ = 6πηR（Stokes，1851 年）。"),
        Text("What is friction? Not a new force: it is the average effect of the same random collisions whose "
             "fluctuations make the particle diffuse. The Einstein relation ζD = k_B T (the Einstein-relation "
             "handout) makes this exact: this is the fluctuation-dissipation theorem in its simplest form.",
             "摩擦是什么？它不是一种新的力，而是那些随机碰撞的平均效果；同样的碰撞的涨落让粒子扩散。"
             "Einstein 关系 ζD = k_B T（见讲义《Einstein 关系》）把这一点定量地表达出来：这就是最简单形式的涨落-耗散定理。"),
    ),
    steps=(
        heading("A reminder from school: drag that depends on speed", "高中物理回顾：依赖于速度的阻力",
                given("quadratic-drag", Eq(C * v_ss**2, m * g),
                      "A falling object in air meets a drag C v²; at its steady speed the drag balances "
                      "its weight.", "空气中下落的物体受到平方阻力 C v²；达到稳定速度时阻力与重力平衡。")),
        step("terminal-speed", Eq(v_ss, sp.sqrt(m * g / C)), by.solving_for(v_ss, "quadratic-drag"),
             "The steady speed is set by the force and the friction together.",
             "稳定速度由外力和摩擦共同决定。"),
        heading("Collisions every Δt", "每隔 Δt 碰撞一次",
                given("mean-after-collision", Eq(E(v), 0),
                      "In a liquid there is no drag force of this kind. Instead the molecules of the liquid keep "
                      "hitting the particle, and each collision randomises its velocity: just after one, the "
                      "velocity is as likely to point left as right.",
                      "在液体中并没有这样的阻力。液体分子不断撞击粒子，每次碰撞都把它的速度打乱："
                      "碰撞刚结束时，速度向左向右的可能性相同。")),
        given("uniform-acceleration", Eq(Dx, v * dt + F * dt**2 / (2 * m)),
              "Between collisions the force accelerates the particle uniformly (a = F/m) for a time Δt.",
              "两次碰撞之间，力使粒子以 a = F/m 匀加速运动 Δt 的时间。"),
        step("mean-displacement-terms", Eq(E(Dx), E(v) * dt + F * dt**2 / (2 * m)),
             by.taking_expectation("uniform-acceleration"),
             "Take the mean over many flights.", "对许多次飞行取平均。"),
        step("mean-displacement", Eq(E(Dx), F * dt**2 / (2 * m)),
             by.substituting("mean-after-collision", into="mean-displacement-terms"),
             "The random part averages away: E[Δx] = F Δt²/(2m).", "随机部分平均为零：E[Δx] = FΔt²/(2m)。"),
        define("drift-velocity", Eq(v_drift, E(Dx) / dt),
               "The drift velocity is the mean displacement per unit time.", "漂移速度是单位时间内的平均位移。"),
        step("drift", Eq(v_drift, F * dt / (2 * m)),
             by.substituting("mean-displacement", into="drift-velocity"),
             "v_drift = F Δt/(2m): proportional to the force, not growing in time.",
             "v_drift = FΔt/(2m)：与力成正比，且不随时间增长。"),
        define("friction-coefficient", Eq(zeta, F / v_drift),
               "The mass m is the particle's and the interval Δt between collisions is set by the liquid around "
               "it; neither depends on F. So call the ratio of force to drift velocity the viscous friction "
               "coefficient ζ: v_drift = F/ζ.",
               "质量 m 属于粒子，碰撞间隔 Δt 由周围的液体决定，两者都与 F 无关。于是把力与漂移速度之比称为"
               "黏性摩擦系数 ζ：v_drift = F/ζ。"),
        step("friction-collision", Eq(zeta, 2 * m / dt),
             by.substituting("drift", into="friction-coefficient"),
             "In this model ζ = 2m/Δt. This answers the article's question, what is friction: not a force of its "
             "own, but what the collisions do on average, draining the velocity a force builds up. The same "
             "collisions, through their random part, make the particle diffuse; the Einstein-relation handout "
             "shows that the two are tied, ζD = k_B T (the fluctuation-dissipation theorem).",
             "在这个模型中 ζ = 2m/Δt。这回答了原文的问题“摩擦是什么”：它不是一种独立的力，而是碰撞的平均效果，"
             "不断消耗外力积累起来的速度。同样的碰撞通过其随机的部分让粒子扩散；讲义《Einstein 关系》将说明两者紧密相连："
             "ζD = k_B T（涨落-耗散定理）。"),
        heading("Collisions at random times, of any distribution", "随机时刻的碰撞：间隔分布任意",
                given("random-flight", Eq(Dx_r, v * s + F * s**2 / (2 * m)),
                      "Real collisions do not come like clockwork. Let the time s between two collisions be "
                      "random, with any distribution; a flight of duration s carries the particle "
                      "v s + F s²/(2m).",
                      "真实的碰撞并不像钟表那样准时。设两次碰撞之间的时间 s 是随机的，分布任意；"
                      "一次时长为 s 的飞行使粒子移动 v s + F s²/(2m)。")),
        define("interval-mean", Eq(E(s), s_mean), "Call the mean interval s_mean = E[s]", "把平均间隔记作 s_mean = E[s]，"),
        define("interval-mean-square", Eq(E(s**2), s_msq),
               "and the mean of its square s_msq = E[s²].", "把间隔平方的平均记作 s_msq = E[s²]。"),
        step("mean-random-displacement-terms", Eq(E(Dx_r), E(v * s) + F * E(s**2) / (2 * m)),
             by.taking_expectation("random-flight"),
             "Take the mean over many flights.", "对许多次飞行取平均。"),
        step("velocity-independent-of-interval", Eq(E(v * s), E(v) * E(s)), by.independence(v, s),
             "The velocity after a collision does not depend on when the next collision comes.",
             "碰撞后的速度与下一次碰撞何时到来无关。"),
        step("mean-random-displacement", Eq(E(Dx_r), F * s_msq / (2 * m)),
             by.substituting("velocity-independent-of-interval", "mean-after-collision", "interval-mean-square",
                             into="mean-random-displacement-terms"),
             "So a flight carries the particle F E[s²]/(2m) on average: the mean of the square, not the "
             "square of the mean.",
             "所以一次飞行平均使粒子移动 F E[s²]/(2m)：是平方的平均，而不是平均的平方。"),
        define("drift-velocity-random", Eq(v_drift_r, E(Dx_r) / E(s)),
               "Over many flights, the drift velocity is total displacement over total time: the mean "
               "displacement per flight over the mean flight time.",
               "在许多次飞行中，漂移速度等于总位移除以总时间，即每次飞行的平均位移除以平均飞行时间。"),
        step("drift-random", Eq(v_drift_r, F * s_msq / (2 * m * s_mean)),
             by.substituting("mean-random-displacement", "interval-mean", into="drift-velocity-random"),
             "The drift velocity is still proportional to the force.",
             "漂移速度仍与力成正比。"),
        define("friction-coefficient-random", Eq(zeta_r, F / v_drift_r),
               "The friction coefficient keeps its definition.", "摩擦系数的定义不变。"),
        step("friction-general", Eq(zeta_r, 2 * m * s_mean / s_msq),
             by.substituting("drift-random", into="friction-coefficient-random"),
             "For intervals of any distribution ζ′ = 2m E[s]/E[s²]. The law v_drift = F/ζ survives; the value "
             "of ζ depends on how irregular the collisions are. Collisions exactly every Δt have "
             "E[s²] = E[s]² = Δt², and give back ζ = 2m/Δt.",
             "对任意分布的间隔，ζ′ = 2m E[s]/E[s²]。v_drift = F/ζ 的形式不变，ζ 的值则取决于碰撞有多不规则。"
             "恰好每隔 Δt 碰撞一次时 E[s²] = E[s]² = Δt²，又回到 ζ = 2m/Δt。"),
        heading("Collisions at random: exponential intervals", "完全随机的碰撞：指数分布的间隔",
                given("exponential-intervals", Eq(s, h),
                      "If the collisions come at random, each as likely in any instant whatever happened "
                      "before, the intervals are exponential, with mean τ.",
                      "如果碰撞完全随机，即无论之前发生了什么，每一时刻发生碰撞的可能性都相同，"
                      "那么间隔服从指数分布，均值为 τ。")),
        step("mean-interval", Eq(E(h), tau), by.moments_of(h),
             "Its mean is τ,", "其均值为 τ，"),
        step("mean-square-interval", Eq(E(h**2), 2 * tau**2), by.moments_of(h),
             "and its mean square is 2τ², twice the square of the mean: long flights weigh more.",
             "其平方的平均为 2τ²，是均值平方的两倍：长的飞行权重更大。"),
        step("exponential-mean", Eq(s_mean, tau),
             by.substituting("exponential-intervals", "mean-interval", into="interval-mean"),
             "So E[s] = τ", "所以 E[s] = τ，"),
        step("exponential-mean-square", Eq(s_msq, 2 * tau**2),
             by.substituting("exponential-intervals", "mean-square-interval", into="interval-mean-square"),
             "and E[s²] = 2τ².", "E[s²] = 2τ²。"),
        step("drift-exponential", Eq(v_drift_r, F * tau / m),
             by.substituting("exponential-mean", "exponential-mean-square", into="drift-random"),
             "v_drift_r = Fτ/m: twice the drift with collisions exactly every τ.",
             "v_drift_r = Fτ/m：是恰好每隔 τ 碰撞一次时的两倍。"),
        step("friction-random", Eq(zeta_r, m / tau),
             by.substituting("exponential-mean", "exponential-mean-square", into="friction-general"),
             "ζ′ = m/τ, the article's value: it holds for exponential intervals, not for random "
             "collision times in general.",
             "ζ′ = m/τ，即原文给出的值：它只对指数分布的间隔成立，并非对一切随机碰撞时间都成立。"),
        heading("Stokes' law", "Stokes 定律",
                cite("stokes", Eq(zeta, 6 * sp.pi * eta * R), STOKES,
                     "The collision model cannot give ζ for a real particle: for that we need the liquid's "
                     "flow around it. For a sphere of radius R moving slowly through a liquid of viscosity η "
                     "(low Reynolds number), hydrodynamics gives ζ = 6πηR; Stokes derived it in 1851 for "
                     "pendulums swinging in air.",
                     "碰撞模型给不出真实粒子的 ζ：这需要知道液体如何绕着它流动。半径为 R 的球在黏度为 η 的液体中"
                     "缓慢运动（低雷诺数）时，流体力学给出 ζ = 6πηR；Stokes 在 1851 年为研究空气中摆动的单摆推导出了它。")),
        *exercise(
            "ex-bead-friction",
            "A plastic bead of radius 1 μm is held in water at 25 °C (η = 0.89 mPa·s). Estimate its friction "
            "coefficient by Stokes' law.",
            "一个半径 1 μm 的塑料小球放在 25 °C 的水中（η = 8.9 × 10⁻⁴ Pa·s）。用 Stokes 定律估算它的摩擦系数。",
            step("ex-bead-friction-value", Eq(zeta, sp.Rational("1.68e-8") * kilogram / second),
                 by.evaluating_at("stokes", {eta: WATER_25C, R: BEAD}, digits=3),
                 "Put the numbers into ζ = 6πηR.", "把数值代入 ζ = 6πηR。"),
            answer=Text("ζ ≈ 1.68 × 10⁻⁸ kg/s.", "ζ ≈ 1.68 × 10⁻⁸ kg/s。"),
        ),
        *exercise(
            "ex-bead-drift",
            "Optical tweezers pull the same bead with a force of 1 pN. How fast does it drift through the water?",
            "用光镊以 1 pN 的力拉这个小球。它在水中漂移得多快？",
            step("ex-drift-from-friction", Eq(v_drift, F / zeta), by.solving_for(v_drift, "friction-coefficient"),
                 "From the definition of ζ, v_drift = F/ζ.", "由 ζ 的定义，v_drift = F/ζ。"),
            step("ex-drift-stokes", Eq(v_drift, F / (6 * sp.pi * eta * R)),
                 by.substituting("stokes", into="ex-drift-from-friction"),
                 "With Stokes' law for ζ.", "用 Stokes 定律代入 ζ。"),
            step("ex-drift-value", Eq(v_drift, sp.Rational("59.6") * micrometer / second),
                 by.evaluating_at("ex-drift-stokes", {F: PICONEWTON, eta: WATER_25C, R: BEAD}, digits=3),
                 "Put the numbers in.", "代入数值。"),
            answer=Text("About 60 μm/s, some 30 of its own diameters per second.",
                        "约 60 μm/s，即每秒移动大约 30 个自身直径的距离。"),
        ),
        *exercise(
            "ex-irregular-collisions",
            "Write E[s²] = E[s]² + σ_s², where σ_s² is the variance of the intervals. Show that irregular "
            "collisions give less friction than regular ones with the same mean interval.",
            "把 E[s²] 写成 E[s]² + σ_s²，其中 σ_s² 是间隔的方差。证明：平均间隔相同时，不规则的碰撞比规则的碰撞"
            "产生的摩擦小。",
            define("ex-variance", Eq(sigma2, s_msq - s_mean**2),
                   "The variance of the interval is its mean square minus the square of its mean.",
                   "间隔的方差等于其平方的平均减去平均的平方。"),
            step("ex-friction-variance", Eq(zeta_r, 2 * m * s_mean / (s_mean**2 + sigma2)),
                 by.substituting("ex-variance", "friction-general"),
                 "Put E[s²] = E[s]² + σ_s² into ζ′ = 2m E[s]/E[s²].", "把 E[s²] = E[s]² + σ_s² 代入 ζ′ = 2m E[s]/E[s²]。"),
            answer=Text("ζ′ = 2m E[s]/(E[s]² + σ_s²) ≤ 2m/E[s], with equality only when σ_s = 0 (collisions like "
                        "clockwork). Exponential intervals have σ_s = E[s] and half the friction.",
                        "ζ′ = 2m E[s]/(E[s]² + σ_s²) ≤ 2m/E[s]，只有 σ_s = 0（碰撞像钟表一样准时）时取等号。"
                        "指数分布的间隔 σ_s = E[s]，摩擦只有规则碰撞的一半。"),
        ),
    ),
    checks=(
        simulated("drift-fixed", "drift", drift_fixed, FIXED_FLIGHTS,
                  "Displacement over time of 400 000 particles, 25 collisions each, every Δt.",
                  "40 万个粒子、每个碰撞 25 次（每隔 Δt 一次）的总位移除以总时间。"),
        simulated("friction-fixed", "friction-collision", friction_fixed, FIXED_FLIGHTS,
                  "F divided by the measured drift velocity, collisions every Δt.",
                  "F 除以测得的漂移速度（每隔 Δt 碰撞一次）。"),
        simulated("friction-gamma", "friction-general", friction_gamma, GAMMA_FLIGHTS,
                  "F divided by the measured drift velocity of 200 000 particles whose flight times are "
                  "gamma-distributed (shape 2: E[s²] = 1.5 E[s]²), neither regular nor exponential.",
                  "20 万个飞行时间服从伽马分布（形状参数 2：E[s²] = 1.5 E[s]²）的粒子：F 除以测得的漂移速度；"
                  "这种间隔既不规则，也不是指数分布。"),
        simulated("drift-random", "drift-exponential", drift_random, RANDOM_FLIGHTS,
                  "Displacement over time of 200 000 particles with exponential flight times.",
                  "20 万个飞行时间服从指数分布的粒子的总位移除以总时间。"),
        simulated("friction-random", "friction-random", friction_random, RANDOM_FLIGHTS,
                  "F divided by the measured drift velocity, exponential flight times.",
                  "F 除以测得的漂移速度（飞行时间服从指数分布）。"),
    ),
    figures=FIGURES,
    module=__name__,
)
