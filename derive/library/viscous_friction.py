"""Viscous friction from collisions: v_drift = F/zeta with zeta = 2m/dt, or m/tau.

Answers the questions of the seed article's section 1.2.2: what is friction in a liquid, and
how does a particle move under a force when it keeps colliding with the molecules around it?
Nelson's collision model: at every collision the particle forgets its velocity; between
collisions the force accelerates it uniformly. With collisions every dt the friction
coefficient is 2m/dt; with collisions at random times of mean tau it is m/tau.

Sources: P. Nelson, Biological Physics: Energy, Information, Life (2004), §4.1.4; G. G. Stokes,
Trans. Camb. Phil. Soc. 9, 8 (1851); L. D. Landau and E. M. Lifshitz, Fluid Mechanics,
2nd ed. (1987), §20; the seed article, §1.2.2.
"""

from __future__ import annotations

import numpy as np
import sympy as sp
import sympy.stats as stats
from sympy.physics.units import energy, length, mass, temperature, time

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
from derive.figures.viscous_friction import FIGURES
from derive.sim import collisions

NELSON = "P. Nelson, Biological Physics: Energy, Information, Life (2004), §4.1.4"
STOKES = ("G. G. Stokes, Trans. Camb. Phil. Soc. 9, 8 (1851); "
          "L. D. Landau and E. M. Lifshitz, Fluid Mechanics, 2nd ed. (1987), §20")
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
zeta = symbols.add("zeta", force / velocity, "viscous friction coefficient", "粘性摩擦系数", positive=True)
tau = symbols.add("tau", time, "mean time between collisions", "平均碰撞间隔", positive=True)
h = symbols.random("h", time, "random time between collisions (exponential, mean tau)",
                   "随机的碰撞间隔（指数分布，均值为 τ）", latex=r"\Delta t'",
                   distribution=stats.Exponential("h", 1 / tau), positive=True)
Dx_r = symbols.random("Dx_r", length, "displacement during one random flight", "一次随机飞行中的位移",
                      latex=r"\Delta x'")
v_drift_r = symbols.add("v_drift_r", velocity, "drift velocity with random collision times",
                        "随机碰撞时间下的漂移速度", real=True, latex=r"v'_{\mathrm{drift}}")
zeta_r = symbols.add("zeta_r", force / velocity, "friction coefficient with random collision times",
                     "随机碰撞时间下的摩擦系数", positive=True, latex=r"\zeta'")
eta = symbols.add("eta", mass / (length * time), "viscosity of the liquid", "液体的粘度", positive=True)
R = symbols.add("R", length, "radius of a sphere", "球的半径", positive=True)
k_B = symbols.add("k_B", energy / temperature, "Boltzmann's constant", "玻尔兹曼常数", positive=True)
T = symbols.add("T", temperature, "temperature (the drift does not depend on it)",
                "温度（漂移与它无关）", positive=True)

FIXED_FLIGHTS = {F: 1.0, m: 1.0, dt: 1.0, k_B: 1.0, T: 1.0}
RANDOM_FLIGHTS = {F: 2.0, m: 1.0, tau: 1.0, k_B: 1.0, T: 1.0}
FLIGHTS = 25  # per particle; at collision instants the ratios below hold for any number


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



# What a reader needs beyond school mathematics (read by derive.render.view).
NEEDS = Text("the average (expectation) of a random quantity, and the exponential distribution of waiting times",
             "随机量的平均值（期望），以及等待时间的指数分布")
SOURCES_ZH = {
    "G. G. Stokes, Trans. Camb. Phil. Soc. 9, 8 (1851)": "G. G. Stokes，Trans. Camb. Phil. Soc. 9, 8 (1851)",
    "L. D. Landau and E. M. Lifshitz, Fluid Mechanics, 2nd ed. (1987)":
        "L. D. Landau 和 E. M. Lifshitz，《流体力学》（朗道理论物理学教程；英文第 2 版 1987 年）",
    "Stokes' law": "斯托克斯定律",
    "the collision model of friction": "摩擦的碰撞模型",
}

derivation = Derivation(
    id="viscous-friction",
    title=Text("Viscous friction from collisions: ζ = 2m/Δt", "碰撞产生的粘性摩擦：ζ = 2m/Δt"),
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
        Text("Either the collisions come every Δt, or at random with exponentially distributed "
             "intervals of mean τ, independent of the velocity.",
             "碰撞要么每隔 Δt 发生一次，要么随机发生，间隔服从均值为 τ 的指数分布，且与速度独立。"),
    ),
    independent=(independent(v, h),),
    sources=(f"{NELSON} (the collision model of friction)", f"{STOKES} (Stokes' law)",
             "The seed article, 高中生也能看懂的的神经科学数学基础, §1.2.2 (2024)"),
    steps=(
        # --- A reminder from school: drag that depends on speed --------------------------------
        given("quadratic-drag", Eq(C * v_ss**2, m * g),
              "A falling object in air meets a drag C v²; at its steady speed the drag balances "
              "its weight.", "空气中下落的物体受到平方阻力 C v²；达到稳定速度时阻力与重力平衡。"),
        step("terminal-speed", Eq(v_ss, sp.sqrt(m * g / C)), by.solving_for(v_ss, "quadratic-drag"),
             "The steady speed is set by the force and the friction together.",
             "稳定速度由外力和摩擦共同决定。"),
        # --- Collisions every dt ------------------------------------------------------------------
        given("mean-after-collision", Eq(E(v), 0),
              "Collisions randomise the velocity: just after one, it is as likely to point left as right.",
              "碰撞把速度打乱：碰撞刚结束时，速度向左向右的可能性相同。"),
        given("uniform-acceleration", Eq(Dx, v * dt + F * dt**2 / (2 * m)),
              "Between collisions the force accelerates the particle uniformly (a = F/m) for a time Δt.",
              "两次碰撞之间，力使粒子以 a = F/m 匀加速运动 Δt 的时间。"),
        step("mean-displacement-terms", Eq(E(Dx), E(v) * dt + F * dt**2 / (2 * m)),
             by.taking_expectation("uniform-acceleration"),
             "Take the mean over many flights.", "对许多次飞行取平均。"),
        step("mean-displacement", Eq(E(Dx), F * dt**2 / (2 * m)),
             by.substituting("mean-after-collision", into="mean-displacement-terms"),
             "The random part averages away: E[x] = F Δt²/(2m).", "随机部分平均为零：E[x] = FΔt²/(2m)。"),
        define("drift-velocity", Eq(v_drift, E(Dx) / dt),
               "The drift velocity is the mean displacement per unit time.", "漂移速度是单位时间内的平均位移。"),
        step("drift", Eq(v_drift, F * dt / (2 * m)),
             by.substituting("mean-displacement", into="drift-velocity"),
             "v_drift = F Δt/(2m): proportional to the force, not growing in time.",
             "v_drift = FΔt/(2m)：与力成正比，且不随时间增长。"),
        define("friction-coefficient", Eq(zeta, F / v_drift),
               "Since m and Δt belong to the particle, not to F, call the ratio of force to drift "
               "velocity the viscous friction coefficient ζ: v_drift = F/ζ.",
               "m 和 Δt 是粒子本身的性质，与 F 无关，于是把力与漂移速度之比称为粘性摩擦系数 ζ：v_drift = F/ζ。"),
        step("friction-collision", Eq(zeta, 2 * m / dt),
             by.substituting("drift", into="friction-coefficient"),
             "In this model ζ = 2m/Δt.", "在这个模型中 ζ = 2m/Δt。"),
        # --- Collisions at random times -----------------------------------------------------------
        step("mean-interval", Eq(E(h), tau), by.moments_of(h),
             "Now let the time between collisions be random, exponential with mean τ.",
             "现在让碰撞间隔随机，服从均值为 τ 的指数分布。"),
        step("mean-square-interval", Eq(E(h**2), 2 * tau**2), by.moments_of(h),
             "For the exponential distribution E[Δt'²] = 2τ², twice the square of the mean: "
             "long flights weigh more.",
             "指数分布的 E[Δt'²] = 2τ²，是均值平方的两倍：长的飞行权重更大。"),
        given("random-flight", Eq(Dx_r, v * h + F * h**2 / (2 * m)),
              "A flight of random length Δt' carries the particle v Δt' + F Δt'²/(2m).",
              "一次长度为 Δt' 的随机飞行使粒子移动 vΔt' + FΔt'²/(2m)。"),
        step("mean-random-displacement-terms", Eq(E(Dx_r), E(v * h) + F * E(h**2) / (2 * m)),
             by.taking_expectation("random-flight"),
             "Take the mean.", "取平均。"),
        step("velocity-independent-of-interval", Eq(E(v * h), E(v) * E(h)),
             by.independence(v, h),
             "The velocity after a collision does not depend on when the next collision comes.",
             "碰撞后的速度与下一次碰撞何时到来无关。"),
        step("mean-random-displacement", Eq(E(Dx_r), F * tau**2 / m),
             by.substituting("velocity-independent-of-interval", "mean-after-collision", "mean-square-interval",
                             into="mean-random-displacement-terms"),
             "So a flight carries the particle F τ²/m on average.", "所以一次飞行平均使粒子移动 Fτ²/m。"),
        define("drift-velocity-random", Eq(v_drift_r, E(Dx_r) / E(h)),
               "Over many flights, the drift velocity is total displacement over total time: the mean "
               "displacement per flight over the mean flight time.",
               "在许多次飞行中，漂移速度等于总位移除以总时间，即每次飞行的平均位移除以平均飞行时间。"),
        step("drift-random", Eq(v_drift_r, F * tau / m),
             by.substituting("mean-random-displacement", "mean-interval", into="drift-velocity-random"),
             "v'_drift = F τ/m: still proportional to the force.", "v'_drift = Fτ/m：仍与力成正比。"),
        define("friction-coefficient-random", Eq(zeta_r, F / v_drift_r),
               "The friction coefficient keeps its definition.", "摩擦系数的定义不变。"),
        step("friction-random", Eq(zeta_r, m / tau),
             by.substituting("drift-random", into="friction-coefficient-random"),
             "With random collision times ζ' = m/τ: the law v_drift = F/ζ survives, the value of ζ "
             "depends on the model, as the article says.",
             "碰撞时间随机时 ζ' = m/τ：v_drift = F/ζ 的形式不变，ζ 的值则随模型而变，正如原文所说。"),
        # --- Stokes' law -----------------------------------------------------------------------
        cite("stokes", Eq(zeta, 6 * sp.pi * eta * R), STOKES,
             "For a sphere of radius R moving slowly through a liquid of viscosity η (low Reynolds "
             "number), hydrodynamics gives ζ = 6πηR.",
             "半径为 R 的球在粘度为 η 的液体中缓慢运动（低雷诺数）时，流体力学给出 ζ = 6πηR。"),
    ),
    checks=(
        simulated("drift-fixed", "drift", drift_fixed, FIXED_FLIGHTS,
                  "Displacement over time of 400 000 particles, 25 collisions each, every Δt.",
                  "40 万个粒子、每个碰撞 25 次（每隔 Δt 一次）的总位移除以总时间。"),
        simulated("friction-fixed", "friction-collision", friction_fixed, FIXED_FLIGHTS,
                  "F divided by the measured drift velocity, collisions every Δt.",
                  "F 除以测得的漂移速度（每隔 Δt 碰撞一次）。"),
        simulated("drift-random", "drift-random", drift_random, RANDOM_FLIGHTS,
                  "Displacement over time of 200 000 particles with exponential flight times.",
                  "20 万个飞行时间服从指数分布的粒子的总位移除以总时间。"),
        simulated("friction-random", "friction-random", friction_random, RANDOM_FLIGHTS,
                  "F divided by the measured drift velocity, exponential flight times.",
                  "F 除以测得的漂移速度（飞行时间服从指数分布）。"),
    ),
    figures=FIGURES,
    module=__name__,
)
