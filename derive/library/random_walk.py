"""The random walk: why a diffusing particle's mean squared displacement grows as 2 D t.

Answers the question of the seed article's section 1.2.1: how do we describe a random walk,
and diffusion, quantitatively? Follows the article's outline: E[x_n] = 0, E[x_n^2] = n L^2,
steps of any distribution (where the article's formula is corrected), continuous time,
three dimensions, the size of a polymer, and the numbers for a small molecule in water.

Sources: P. Nelson, Biological Physics: Energy, Information, Life (W. H. Freeman, 2004),
sections 4.1.2, 4.1.3 and 4.3.1; the seed article, section 1.2.1.
"""

from __future__ import annotations

import numpy as np
import sympy as sp
import sympy.stats as stats
from sympy.physics.units import centimeter, hour, length, mass, meter, micrometer, millisecond, second, time

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
    refuted,
    simulated,
    step,
)
from derive.figures.random_walk import FIGURES
from derive.sim import random_walk as walk

NELSON = "P. Nelson, Biological Physics: Energy, Information, Life (2004)"
BROWN = "R. Brown, Phil. Mag. 4, 161 (1828)"
PEARSON = "K. Pearson, Nature 72, 294 (1905)"
POTASSIUM_D = sp.Rational("1.957e-9") * meter**2 / second  # in water at 25 °C (CRC Handbook; handout 1.2.4)

symbols = SymbolTable()
n = symbols.add("n", 1, "number of steps taken", "已走的步数", integer=True, nonnegative=True)
L = symbols.add("L", length, "length of one step", "每一步的长度", positive=True)
k = symbols.random_sequence(
    "k", length, "the n-th step: +L or −L with probability 1/2 each", "第 n 步：各以 1/2 的概率为 +L 或 −L",
    distribution=stats.FiniteRV("k", {L: sp.Rational(1, 2), -L: sp.Rational(1, 2)}),
)
x = symbols.random_sequence("x", length, "position after n steps", "走 n 步之后的位置")
K = symbols.random_sequence("K", length, "a step of any distribution", "任意分布的一步")
X = symbols.random_sequence("X", length, "position after n steps of any distribution", "任意分布的 n 步之后的位置")
U = symbols.random_sequence("U", length, "deviation from the mean drift", "相对于平均漂移的偏离")
m = symbols.add("m", length, "mean step E[K]", "平均步长 E[K]", real=True)
q = symbols.add("q", length**2, "mean squared step E[K^2]", "步长平方的期望 E[K^2]", positive=True)
dt = symbols.add("dt", time, "time per step", "每一步所用的时间", positive=True, latex=r"\Delta t")
t = symbols.add("t", time, "time elapsed", "经过的时间", nonnegative=True)
D = symbols.add("D", length**2 / time, "diffusion constant", "扩散系数", positive=True)
y = symbols.random_sequence("y", length, "y coordinate after n steps", "n 步之后的 y 坐标")
z = symbols.random_sequence("z", length, "z coordinate after n steps", "n 步之后的 z 坐标")
r = symbols.random_sequence("r", length, "distance from the start after n steps", "n 步之后离起点的距离")
m_0 = symbols.add("m_0", mass, "mass of one monomer (one link)", "一个单体（一节）的质量", positive=True)
M = symbols.add("M", mass, "mass of the polymer", "高分子的质量", positive=True)
D_w = symbols.add("D_w", length**2 / time, "diffusion constant of a small molecule in water",
                  "小分子在水中的扩散系数", positive=True, latex="D_{w}")
R = symbols.add("R", length, "radius of a bacterium", "细菌的半径", positive=True)
X_d = symbols.add("X_d", length, "a distance to diffuse along one axis", "沿一个坐标轴扩散的距离", positive=True,
                  latex="X")
rho = symbols.random_sequence("rho", length, "distance from the start after n steps in a plane",
                              "平面内 n 步之后离起点的距离", latex=r"\rho")

COIN_WALK = {n: 1000, L: 1.0}
SHORT_COIN_WALK = {n: 50, L: 0.5}
# Exponential steps of mean 1/2: every step forward, so E[K] != 0 and the article's formula fails.
EXPONENTIAL_STEP = stats.Exponential("K_exp", 2)
EXPONENTIAL_WALK = {n: 20, m: stats.E(EXPONENTIAL_STEP), q: stats.E(EXPONENTIAL_STEP**2)}
CUBE_WALK = {n: 200, L: 0.5, dt: 2.0}
POLYMER = {n: 20, L: 1.0, m_0: 1.0}


def coin_walk_positions(p: Params, rng: np.random.Generator) -> Estimate:
    """Mean position of walkers after n coin steps (binomial sampler of the sum of steps)."""
    return Estimate.mean_of(walk.positions_binomial(int(p[n]), p[L], 400_000, rng))


def coin_walk_squares(p: Params, rng: np.random.Generator) -> Estimate:
    """Mean of x_n^2 over walkers, from the binomial sampler of the sum of steps."""
    return Estimate.mean_of(walk.positions_binomial(int(p[n]), p[L], 400_000, rng) ** 2)


def coin_walk_squares_stepwise(p: Params, rng: np.random.Generator) -> Estimate:
    """Mean of x_n^2 over walkers that take their steps one at a time."""
    positions = p[L] * walk.positions_stepwise(int(p[n]), 400_000, walk.unit_coin_steps(), rng)
    return Estimate.mean_of(positions**2)


def exponential_walk_deviation(p: Params, rng: np.random.Generator, walkers: int = 500_000) -> Estimate:
    """Mean of (X_n - n E[K])^2 for walkers whose steps are exponential with mean E[K]."""
    positions = walk.positions_stepwise(int(p[n]), walkers, walk.exponential_steps(p[m]), rng)
    return Estimate.mean_of((positions - p[n] * p[m]) ** 2)


def exponential_walk_deviation_few(p: Params, rng: np.random.Generator) -> Estimate:
    """The same with 150 000 walkers: enough to reject a prediction twice too large."""
    return exponential_walk_deviation(p, rng, walkers=150_000)


def cube_walk_squares(p: Params, rng: np.random.Generator) -> Estimate:
    """Mean of r^2 for 3-D walkers stepping to the corners of a cube of side 2L."""
    ends = walk.positions_cube_corners(int(p[n]), p[L], 200_000, rng)
    return Estimate.mean_of((ends**2).sum(axis=1))


def freely_jointed_squares(p: Params, rng: np.random.Generator) -> Estimate:
    """Mean of r^2 for chains whose links (length sqrt(3) L, as in the cube model) point anywhere."""
    ends = walk.freely_jointed_chain(int(p[n]), np.sqrt(3) * p[L], 150_000, rng)
    return Estimate.mean_of((ends**2).sum(axis=1))



# What a reader needs beyond school mathematics (read by derive.render.view).
NEEDS = Text("the average (expectation) of a random quantity, and proof by induction",
             "随机量的平均值（期望），以及数学归纳法")
SOURCES_ZH = {
    "order of magnitude for small molecules in water at room temperature": "室温下小分子在水中的数量级",
    "the random walk": "无规行走",
    "steps of any distribution": "任意分布的步长",
    "the conformation of polymers": "高分子的构象",
    "R. Brown, Phil. Mag. 4, 161 (1828)": "R. Brown，《哲学杂志》第 4 卷第 161 页（1828）",
    "K. Pearson, Nature 72, 294 (1905)": "皮尔逊，Nature 72, 294 (1905)",
    "the jiggling of particles from inside pollen grains, seen in 1827": "1827 年观察到的花粉中释放出的微粒的抖动",
    "the name “random walk”": "“无规行走”这一名称",
}

derivation = Derivation(
    id="random-walk",
    title=Text("Diffusion as a random walk: E[x²] = 2Dt", "扩散即无规行走：E[x²] = 2Dt"),
    question=Text(
        "How do we describe a random walk, and diffusion, quantitatively?",
        "如何定量地描述无规行走？又如何定量地描述扩散？",
    ),
    section="1.2.1",
    symbols=symbols.freeze(),
    assumptions=(
        Text("A walker starts at the origin and takes one step of length L every Δt.",
             "粒子从原点出发，每隔 Δt 走一步，步长为 L。"),
        Text("Each step is +L or −L with probability 1/2, independent of all earlier steps.",
             "每一步各以 1/2 的概率为 +L 或 −L，且与之前的所有步独立。"),
        Text("In three dimensions each step goes to one of the 8 corners of a cube of side 2L "
             "(Nelson §4.3.1): the three coordinates walk independently.",
             "三维情形下，每一步走到以当前位置为中心、边长为 2L 的立方体的 8 个顶点之一（Nelson §4.3.1）："
             "三个坐标各自独立地行走。"),
    ),
    independent=(independent(k(n), x(n - 1)), independent(K(n), U(n - 1))),
    sources=(
        f"{NELSON}, §4.1.2 (the random walk), §4.1.3 (steps of any distribution), "
        "§4.3.1 (the conformation of polymers)",
        f"{BROWN} (the jiggling of particles from inside pollen grains, seen in 1827)",
        f"{PEARSON} (the name “random walk”)",
        "The source article, 高中生也能看懂的的神经科学数学基础 (“Neuroscience maths a high-school student can follow”), §1.2.1 (2024)",
    ),
    key_ideas=(
        Text("A walker that steps +L or −L at random goes nowhere on average, E[x_n] = 0, but its mean squared "
             "displacement grows in proportion to the number of steps, E[x_n²] = nL²: its typical distance grows "
             "only as √n.",
             "随机地走 +L 或 −L 的粒子平均来看哪儿也不去，E[x_n] = 0，但它的均方位移与步数成正比，"
             "E[x_n²] = nL²：典型距离只按 √n 增长。"),
        Text("In time, E[x²] = 2Dt with the diffusion constant D = L²/(2Δt); in three dimensions E[r²] = 6Dt.",
             "用时间来写，E[x²] = 2Dt，其中扩散系数 D = L²/(2Δt)；三维中 E[r²] = 6Dt。"),
        Text("For steps of any distribution the spread about the mean drift is N Var(K), the variance of one "
             "step, not N E[K²] as the article writes.",
             "对任意分布的步长，相对于平均漂移的偏离平方的期望是 N Var(K)，即一步的方差的 N 倍，"
             "而不是原文所写的 N E[K²]。"),
        Text("Diffusion is fast over short distances and slow over long ones, because time grows as distance "
             "squared: a small molecule crosses a bacterium in a fraction of a millisecond, but needs hours to "
             "cross a centimetre.",
             "扩散在短距离上很快、在长距离上很慢，因为所需时间随距离的平方增长：小分子穿过一个细菌只需不到一毫秒，"
             "穿过一厘米却需要几个小时。"),
    ),
    steps=(
        # --- The mean position ------------------------------------------------------------
        heading("The mean position", "平均位置",
                define("walk", Eq(x(n), x(n - 1) + k(n)),
               "After n steps the walker is where it was after n − 1 steps, plus the n-th step.",
               "走了 n 步后的位置 = 走了 n − 1 步后的位置 + 第 n 步。")),
        define("start", Eq(x(0), 0),
               "The walker starts at the origin.", "粒子从原点出发。"),
        step("mean-step", Eq(E(k(n)), 0), by.moments_of(k),
             "A step is +L or −L with equal probability, so on average it goes nowhere.",
             "每一步向左向右的概率相同，所以平均来看哪儿也不去。"),
        step("mean-recurrence", Eq(E(x(n)), E(x(n - 1)) + E(k(n))), by.taking_expectation("walk"),
             "The expectation of a sum is the sum of the expectations.",
             "和的期望等于期望的和。"),
        step("mean-recurrence-simplified", Eq(E(x(n)), E(x(n - 1))),
             by.substituting("mean-step", into="mean-recurrence"),
             "So the mean position does not change from one step to the next.",
             "所以平均位置一步一步都不变。"),
        step("mean-start", Eq(E(x(0)), 0), by.substituting("start"),
             "At the start the position is 0 for certain.", "开始时位置一定是 0。"),
        step("mean-position", Eq(E(x(n)), 0),
             by.induction(on=n, base="mean-start", step="mean-recurrence-simplified"),
             "Starting from 0 and never changing, the mean position stays 0: E[x_n] = 0.",
             "从 0 开始且一直不变，平均位置永远是 0：E[x_n] = 0。"),
        # --- The mean squared displacement --------------------------------------------------
        heading("The mean squared displacement", "均方位移",
                step("square-walk", Eq(x(n) ** 2, (x(n - 1) + k(n)) ** 2), by.squaring("walk"),
             "E[x_n] = 0 says nothing about how far the walker gets; square the position instead.",
             "E[x_n] = 0 并不能说明粒子走了多远；于是考虑位置的平方。")),
        step("square-expanded", Eq(x(n) ** 2, x(n - 1) ** 2 + 2 * x(n - 1) * k(n) + k(n) ** 2),
             by.rewriting("square-walk"),
             "Expand the square: (a + b)² = a² + 2ab + b².", "展开平方：(a + b)² = a² + 2ab + b²。"),
        step("msd-recurrence-raw",
             Eq(E(x(n) ** 2), E(x(n - 1) ** 2) + 2 * E(x(n - 1) * k(n)) + E(k(n) ** 2)),
             by.taking_expectation("square-expanded"),
             "Take the expectation of both sides, term by term.", "两边取期望，逐项计算。"),
        step("cross-term", Eq(E(x(n - 1) * k(n)), E(x(n - 1)) * E(k(n))),
             by.independence(x(n - 1), k(n)),
             "The n-th step does not know where the walker is: x_{n-1} and k_n are independent, "
             "so the expectation of their product is the product of their expectations.",
             "第 n 步与粒子此刻的位置无关：x_{n-1} 与 k_n 独立，所以乘积的期望等于期望的乘积。"),
        step("cross-term-zero", Eq(E(x(n - 1) * k(n)), 0),
             by.substituting("mean-step", into="cross-term"),
             "Since E[k_n] = 0, the cross term vanishes.", "因为 E[k_n] = 0，交叉项为零。"),
        step("mean-square-step", Eq(E(k(n) ** 2), L**2), by.moments_of(k),
             "Whether the step is +L or −L, its square is L².", "无论这一步是 +L 还是 −L，它的平方都是 L²。"),
        step("msd-recurrence", Eq(E(x(n) ** 2), E(x(n - 1) ** 2) + L**2),
             by.substituting("cross-term-zero", "mean-square-step", into="msd-recurrence-raw"),
             "Each step adds L² to the mean squared displacement.", "每走一步，均方位移增加 L²。"),
        step("msd-start", Eq(E(x(0) ** 2), 0), by.substituting("start"),
             "At the start the squared displacement is 0.", "开始时位移的平方为 0。"),
        step("msd", Eq(E(x(n) ** 2), n * L**2),
             by.induction(on=n, base="msd-start", step="msd-recurrence"),
             "Each of the n steps adds L², starting from 0: E[x_n²] = nL². The walker's typical distance "
             "grows only as the square root of the number of steps.",
             "从 0 开始，n 步中每一步都加上 L²：E[x_n²] = nL²。粒子的典型距离只随步数的平方根增长。"),
        # --- Steps of any distribution (the article's §4.1.3 claim) -------------------------
        heading("Steps of any distribution", "任意分布的步长",
                define("general-walk", Eq(X(n), X(n - 1) + K(n)),
               "Now let each step K_n have any distribution, the same for every step.",
               "现在让每一步 K_n 服从任意分布（每一步的分布相同）。")),
        define("general-start", Eq(X(0), 0), "The walker starts at the origin.", "粒子从原点出发。"),
        define("step-mean", Eq(E(K(n)), m), "Call the mean step m.", "把平均步长记作 m。"),
        define("step-second-moment", Eq(E(K(n) ** 2), q),
               "Call the mean squared step q.", "把步长平方的期望记作 q。"),
        define("deviation", Eq(U(n), X(n) - n * m),
               "Measure the position from where the average drift has taken it.",
               "从平均漂移到达的位置开始量位置的偏离。"),
        step("deviation-recurrence", Eq(U(n), U(n - 1) + K(n) - m),
             by.substituting("deviation", "general-walk"),
             "The deviation is itself a walk, whose steps K_n − m have mean zero.",
             "偏离本身也是一个无规行走，它的步长 K_n − m 的平均为零。"),
        step("deviation-squared", Eq(U(n) ** 2, (U(n - 1) + K(n) - m) ** 2),
             by.squaring("deviation-recurrence"),
             "Square, as before.", "和前面一样，取平方。"),
        step("deviation-square",
             Eq(E(U(n) ** 2), E(U(n - 1) ** 2) + 2 * E(U(n - 1) * (K(n) - m)) + E((K(n) - m) ** 2)),
             by.taking_expectation("deviation-squared"),
             "Take the expectation of both sides.", "两边取期望。"),
        step("deviation-cross", Eq(E(U(n - 1) * (K(n) - m)), E(U(n - 1)) * (E(K(n)) - m)),
             by.independence(U(n - 1), K(n)),
             "The new step is independent of the deviation so far.", "新的一步与此前的偏离独立。"),
        step("deviation-cross-zero", Eq(E(U(n - 1) * (K(n) - m)), 0),
             by.substituting("step-mean", into="deviation-cross"),
             "E[K_n] − m = 0, so the cross term vanishes again.", "E[K_n] − m = 0，所以交叉项再次为零。"),
        step("step-variance", Eq(E((K(n) - m) ** 2), q - m**2),
             by.substituting("step-mean", "step-second-moment"),
             "The mean squared deviation of one step is its variance, E[K²] − E[K]².",
             "一步的偏离平方的期望就是它的方差 E[K²] − E[K]²。"),
        step("deviation-msd-recurrence", Eq(E(U(n) ** 2), E(U(n - 1) ** 2) + q - m**2),
             by.substituting("deviation-cross-zero", "step-variance", into="deviation-square"),
             "Each step adds the variance of one step.", "每一步增加一步的方差。"),
        step("deviation-start", Eq(E(U(0) ** 2), 0), by.substituting("deviation", "general-start"),
             "At the start the deviation is 0.", "开始时偏离为 0。"),
        step("deviation-msd", Eq(E(U(n) ** 2), n * (q - m**2)),
             by.induction(on=n, base="deviation-start", step="deviation-msd-recurrence"),
             "So E[U_n²] = E[(X_n − n E[K])²] = n(E[K²] − E[K]²) = n Var(K): the spread grows in proportion "
             "to the number of steps, for steps of any distribution.",
             "所以 E[U_n²] = E[(X_n − n E[K])²] = n(E[K²] − E[K]²) = n Var(K)：对任意分布的步长，"
             "偏离的平方的期望都与步数成正比。"),
        refuted("article-any-distribution", Eq(E(U(n) ** 2), n * q), by.substituting("deviation-msd"),
                "E[(x_N − N E[L])²] = N E[L²], where the article's L is the random step, called K in this "
                "chapter (whose L is the step length): in our notation E[(X_n − n E[K])²] = n E[K²]. That is "
                "false whenever the mean step is not zero: it needs E[K²] − E[K]², the variance. A walker "
                "whose every step is +L never deviates from nL, yet the formula gives nL².",
                "E[(x_N − N E[L])²] = N E[L²]，其中原文的 L 是随机的一步，即本章的 K（本章的 L 是步长的大小）："
                "用本章的记号就是 E[(X_n − n E[K])²] = n E[K²]。只要平均步长不为零，这就是错的：应当是方差 "
                "E[K²] − E[K]²。一个每一步都是 +L 的粒子永远恰好在 nL，偏离为零，这个公式却给出 nL²。",
                corrected_by="deviation-msd"),
        # --- Continuous time ------------------------------------------------------------------
        heading("Continuous time", "连续时间",
                define("time", Eq(t, n * dt), "After n steps of duration Δt, the time is t = n Δt.",
               "走 n 步、每步用时 Δt，经过的时间为 t = nΔt。")),
        define("diffusion-constant", Eq(D, L**2 / (2 * dt)),
               "Define the diffusion constant D = L²/(2Δt): it combines the step and its duration.",
               "定义扩散系数 D = L²/(2Δt)：它把步长和每步的时间合在一起。"),
        step("msd-time", Eq(E(x(n) ** 2), 2 * D * t),
             by.substituting("msd", "diffusion-constant", "time"),
             "In terms of time: E[x(t)²] = 2 D t. The mean squared displacement grows linearly in time.",
             "用时间来写：E[x(t)²] = 2Dt。均方位移随时间线性增长。"),
        # --- Three dimensions and polymers ----------------------------------------------------
        heading("Three dimensions, and the size of a polymer", "三维情形与高分子的大小",
                define("pythagoras", Eq(r(n) ** 2, x(n) ** 2 + y(n) ** 2 + z(n) ** 2),
               "In three dimensions the squared distance is the sum of the squared coordinates.",
               "三维中距离的平方等于各坐标平方之和。")),
        step("msd-3d-sum", Eq(E(r(n) ** 2), E(x(n) ** 2) + E(y(n) ** 2) + E(z(n) ** 2)),
             by.taking_expectation("pythagoras"),
             "Take the expectation, term by term.", "逐项取期望。"),
        given("same-walk-y", Eq(E(y(n) ** 2), E(x(n) ** 2)),
              "In the cube-corner model, y takes ±L steps exactly as x does.",
              "在立方体顶点模型中，y 方向与 x 方向一样走 ±L 的步。"),
        given("same-walk-z", Eq(E(z(n) ** 2), E(x(n) ** 2)),
              "And so does z.", "z 方向也一样。"),
        step("msd-3d", Eq(E(r(n) ** 2), 3 * n * L**2),
             by.substituting("same-walk-y", "same-walk-z", "msd", into="msd-3d-sum"),
             "Each coordinate contributes n L².", "每个坐标贡献 nL²。"),
        step("msd-3d-time", Eq(E(r(n) ** 2), 6 * D * t),
             by.substituting("msd-3d", "diffusion-constant", "time"),
             "In three dimensions E[r²] = 6 D t.", "三维中 E[r²] = 6Dt。"),
        define("polymer-mass", Eq(M, n * m_0),
               "Model a polymer as a chain of n links of mass m_0 each, joined at random angles "
               "(Nelson §4.3.1): its shape is a random walk of n steps.",
               "把高分子看作由 n 节、每节质量 m_0 的链节以随机角度连接而成（Nelson §4.3.1）："
               "它的形状就是一个 n 步的无规行走。"),
        step("polymer-size", Eq(E(r(n) ** 2), 3 * L**2 * M / m_0),
             by.substituting("msd-3d", "polymer-mass"),
             "The mean squared end-to-end distance is proportional to the molecular mass: "
             "E[r_n²] = 3nL², proportional to M. (Real chains avoid themselves and swell a little more.)",
             "首尾距离平方的期望与分子量成正比：E[r_n²] = 3nL²，与 M 成正比。（真实的链不能自我重叠，会更舒展一些。）"),
        # --- Numbers ----------------------------------------------------------------------------
        heading("Numbers for a cell", "细胞尺度上的数值",
                cite("small-molecule-in-water", Eq(D_w, sp.Integer(10) ** -9 * meter**2 / second),
             f"{NELSON}, ch. 4 (order of magnitude for small molecules in water at room temperature)",
             "A small molecule in water at room temperature has D of about 10⁻⁹ m²/s.",
             "室温下小分子在水中的扩散系数约为 10⁻⁹ m²/s。")),
        step("in-cell-units", Eq(D_w, micrometer**2 / millisecond),
             by.converting_units("small-molecule-in-water"),
             "In units that suit a cell: 1 μm² per millisecond.", "换成适合细胞尺度的单位：1 μm²/ms。"),
        step("spread-time", Eq(t, R**2 / (6 * D)),
             by.solving_for(t, "msd-3d-time", setting={E(r(n) ** 2): R**2}),
             "The time for the mean squared distance to reach R².", "均方距离达到 R² 所需的时间。"),
        step("bacterium", Eq(t, sp.Rational(17, 100) * millisecond),
             by.evaluating_at("spread-time", {R: micrometer, D: sp.Integer(10) ** -9 * meter**2 / second}, digits=2),
             "Across a bacterium of radius 1 μm: about 0.17 ms, the article's “about 0.2 ms”. "
             "Diffusion is fast on the scale of a cell.",
             "穿过半径 1 μm 的细菌：约 0.17 ms，即原文所说的“大约 0.2 ms”。在细胞的尺度上扩散非常快。"),
        *exercise(
            "ex-potassium-distance",
            "A K⁺ ion in water has D = 1.957 × 10⁻⁹ m²/s. How long does it take, typically, to diffuse 1 μm "
            "along one axis? And 1 cm?",
            "水中 K⁺ 离子的 D = 1.957 × 10⁻⁹ m²/s。它沿一个坐标轴扩散 1 μm 通常需要多长时间？1 cm 呢？",
            step("ex-time-for-distance", Eq(t, X_d**2 / (2 * D)),
                 by.solving_for(t, "msd-time", setting={E(x(n) ** 2): X_d**2}),
                 "Set E[x²] = 2Dt equal to X² and solve for t.", "令 E[x²] = 2Dt 等于 X²，解出 t。"),
            step("ex-potassium-micrometre", Eq(t, sp.Rational("0.26") * millisecond),
                 by.evaluating_at("ex-time-for-distance", {X_d: micrometer, D: POTASSIUM_D}, digits=2),
                 "For X = 1 μm,", "X = 1 μm 时，"),
            step("ex-potassium-centimetre", Eq(t, sp.Rational("7.1") * hour),
                 by.evaluating_at("ex-time-for-distance", {X_d: centimeter, D: POTASSIUM_D}, digits=2),
                 "and for X = 1 cm, ten thousand times as far.", "X = 1 cm，即距离为 1 μm 的一万倍时，"),
            answer=Text("About 0.26 ms for 1 μm, but 7.1 hours for 1 cm: ten thousand times the distance takes a "
                        "hundred million times as long. This is why nerves carry signals electrically, not by "
                        "diffusion.",
                        "1 μm 约需 0.26 ms，1 cm 却要 7.1 小时：距离是前者的一万倍，时间却是一亿倍。这就是神经用电信号而不是"
                        "靠扩散来传递信号的原因。"),
        ),
        *exercise(
            "ex-membrane-protein",
            "A protein in a cell membrane walks in a plane: each step moves x and y by ±L independently, as in the "
            "cube-corner model. How does its mean squared distance from the start grow with time?",
            "细胞膜中的蛋白质在平面内行走：与立方体顶点模型一样，每一步使 x 和 y 各自独立地改变 ±L。"
            "它离起点的均方距离如何随时间增长？",
            define("ex-plane", Eq(rho(n) ** 2, x(n) ** 2 + y(n) ** 2),
                   "In the plane the squared distance is x² + y².", "平面内距离的平方为 x² + y²。"),
            step("ex-plane-sum", Eq(E(rho(n) ** 2), E(x(n) ** 2) + E(y(n) ** 2)), by.taking_expectation("ex-plane"),
                 "Take the expectation term by term.", "逐项取期望。"),
            step("ex-plane-msd", Eq(E(rho(n) ** 2), 2 * n * L**2),
                 by.substituting("same-walk-y", "msd", into="ex-plane-sum"),
                 "Each coordinate contributes nL².", "每个坐标贡献 nL²。"),
            step("ex-plane-time", Eq(E(rho(n) ** 2), 4 * D * t),
                 by.substituting("ex-plane-msd", "diffusion-constant", "time"),
                 "In terms of time.", "用时间来写。"),
            answer=Text("E[ρ²] = 4Dt: 2Dt for each dimension, so 2Dt on a line, 4Dt in a plane, 6Dt in space.",
                        "E[ρ²] = 4Dt：每个维度贡献 2Dt，所以直线上为 2Dt，平面内为 4Dt，空间中为 6Dt。"),
        ),
        *exercise(
            "ex-drift",
            "Steps of any distribution with mean m = E[K]: show that the mean position is E[X_n] = nm. Compare "
            "how the drift and the spread grow with n.",
            "步长分布任意、平均步长为 m = E[K]：证明平均位置 E[X_n] = nm，并比较漂移与偏离随 n 增长的快慢。",
            step("ex-drift-recurrence-raw", Eq(E(X(n)), E(X(n - 1)) + E(K(n))), by.taking_expectation("general-walk"),
                 "Take the expectation of the walk.", "对行走取期望。"),
            step("ex-drift-recurrence", Eq(E(X(n)), E(X(n - 1)) + m),
                 by.substituting("step-mean", into="ex-drift-recurrence-raw"),
                 "Each step adds m on average.", "每一步平均增加 m。"),
            step("ex-drift-start", Eq(E(X(0)), 0), by.substituting("general-start"),
                 "The walk starts at 0.", "从 0 出发。"),
            step("ex-drift-mean", Eq(E(X(n)), n * m),
                 by.induction(on=n, base="ex-drift-start", step="ex-drift-recurrence"),
                 "Each of the n steps adds m, starting from 0.", "从 0 开始，n 步中每一步都加上 m。"),
            answer=Text("The drift E[X_n] = nm grows as n, the spread √(n Var(K)) only as √n: after many steps any drift, "
                        "however small, outruns the spread (ions pushed by a field drift this way).",
                        "漂移 E[X_n] = nm 按 n 增长，而偏离 √(n Var(K)) 只按 √n 增长：步数很多时，再小的漂移也会超过偏离"
                        "（电场推动的离子就是这样漂移的）。"),
        ),
    ),
    checks=(
        simulated("mean-position", "mean-position", coin_walk_positions, COIN_WALK,
                  "Mean position of 400 000 coin walkers (binomial sampler of the sum of steps).",
                  "40 万个抛硬币行走者的平均位置（用二项分布精确抽样步长之和）。",
                  scale=sp.sqrt(n) * L),
        simulated("msd-stepwise", "msd", coin_walk_squares_stepwise, SHORT_COIN_WALK,
                  "Mean of x_n² over 400 000 walkers taking their steps one at a time.",
                  "40 万个逐步行走的粒子的 x_n² 的平均。"),
        simulated("msd", "msd", coin_walk_squares, COIN_WALK,
                  "Mean of x_n² over 400 000 walkers of 1000 steps (binomial sampler).",
                  "40 万个走 1000 步的粒子的 x_n² 的平均（二项分布抽样）。"),
        simulated("any-distribution", "deviation-msd", exponential_walk_deviation, EXPONENTIAL_WALK,
                  "Mean of (X_n − n E[K])² over 500 000 walkers with exponential steps of mean 1/2.",
                  "50 万个步长服从均值 1/2 的指数分布的粒子的 (X_n − nE[K])² 的平均。"),
        simulated("article-any-distribution", "article-any-distribution", exponential_walk_deviation_few,
                  EXPONENTIAL_WALK,
                  "150 000 such walkers reject the article's n E[K²].", "15 万个同样的粒子否定了原文的 n E[K²]。",
                  contradicts=True),
        simulated("msd-3d", "msd-3d-time", cube_walk_squares, CUBE_WALK,
                  "Mean of r² over 200 000 cube-corner walkers in 3-D; D and t from their definitions.",
                  "20 万个三维立方体顶点行走者的 r² 的平均；D 和 t 由定义给出。"),
        simulated("polymer-size", "polymer-size", freely_jointed_squares, POLYMER,
                  "Mean squared end-to-end distance of 150 000 freely jointed chains (links of length "
                  "√3 L pointing anywhere): a different chain model, the same 3 N L².",
                  "15 万条自由连接链（每节长 √3 L，方向任意）的首尾距离平方的平均：模型不同，结果同为 3NL²。"),
    ),
    figures=FIGURES,
    module=__name__,
)
