"""Fick's laws and the diffusion equation, from the random walk.

Answers the second half of the seed article's first question (section 1.2.1): how do we
describe diffusion quantitatively? Not one walker, but the probability P(x, t) of finding it at
x, or the concentration c(x, t) of many walkers. The walk's master equation, expanded for small
steps, is the diffusion equation dP/dt = D d²P/dx² with the walk's own D = L²/(2Δt); counting
walkers across a plane gives Fick's first law j = -D dc/dx, and the conservation of walkers
turns it into the same equation for c (Fick's second law). Its solution from a point is a
Gaussian of variance 2Dt, checked against coin walkers.

Sources: A. Fick, Ann. Phys. 170, 59 (1855); P. Nelson, Biological Physics: Energy,
Information, Life (2004), §4.4.1-4.4.2 and §4.6.5'; H. C. Berg, Random Walks in Biology (1993),
ch. 1-2; the seed article, §1.2.1.
"""

from __future__ import annotations

import numpy as np
import sympy as sp
from sympy.physics.units import length, time

from derive import (
    Derivation,
    Eq,
    Estimate,
    Params,
    SymbolTable,
    Text,
    by,
    define,
    exercise,
    given,
    heading,
    simulated,
    step,
)
from derive.figures.diffusion_equation import FIGURES
from derive.sim import random_walk as walk

NELSON = "P. Nelson, Biological Physics: Energy, Information, Life (2004)"
FICK = "A. Fick, Ann. Phys. 170, 59 (1855)"
BERG = "H. C. Berg, Random Walks in Biology, expanded ed. (1993)"

symbols = SymbolTable()
x = symbols.add("x", length, "position", "位置", real=True)
t = symbols.add("t", time, "time", "时间", positive=True)
L = symbols.add("L", length, "length of one step", "每一步的长度", positive=True)
dt = symbols.add("dt", time, "time per step", "每一步所用的时间", positive=True, latex=r"\Delta t")
D = symbols.add("D", length**2 / time, "diffusion constant", "扩散系数", positive=True)
P = symbols.function("P", 1 / length, "probability density of the walker's position", "粒子位置的概率密度")
c = symbols.function("c", 1 / length, "concentration: walkers per unit length", "浓度：单位长度内的粒子数")
j = symbols.function("j", 1 / time, "flux: walkers crossing a plane per unit time, left to right",
                     "通量：单位时间内从左向右穿过某一平面的粒子数")
a = symbols.add("a", length, "half-width of an interval around the start", "以起点为中心的区间的半宽",
                positive=True)
g = symbols.add("g", 1 / length**2, "slope of a linear concentration profile", "线性浓度分布的斜率", real=True)
c_0 = symbols.add("c_0", 1 / length, "concentration at x = 0", "x = 0 处的浓度", positive=True)
r = symbols.add("r", length, "distance from the start in three dimensions", "三维中离起点的距离", nonnegative=True)
G = symbols.function("G", 1 / length, "the spreading Gaussian: walkers released at x = 0 at t = 0",
                     "不断展宽的高斯分布：t = 0 时从 x = 0 释放的粒子")
G_3 = symbols.function("G_3", 1 / length**3, "the spreading Gaussian in three dimensions", "三维中不断展宽的高斯分布")

gaussian = sp.exp(-x**2 / (4 * D * t)) / sp.sqrt(4 * sp.pi * D * t)
gaussian_3d = sp.exp(-r**2 / (4 * D * t)) / (4 * sp.pi * D * t) ** sp.Rational(3, 2)
everywhere = (x, -sp.oo, sp.oo)

# 1000 coin steps of L = 1 every Δt = 1: D = 1/2, t = 1000. Positions are even multiples of L, so
# the interval's edge a = 31 L lies half-way between two of them (30 L and 32 L), where the
# lattice's probabilities and the Gaussian's area agree best: the walk's exact binomial
# probability differs from the Gaussian's by 2 parts in a million, far below the check's
# resolution.
SPREAD = {L: 1.0, dt: 1.0, D: 0.5, t: 1000.0, a: 31.0}
WALKERS = 400_000  # the fraction 0.673 to 0.11 % relative standard error


def fraction_within(p: Params, rng: np.random.Generator) -> Estimate:
    """Fraction of 400 000 coin walkers (exact binomial sampler of the sum of t/Δt steps) that end
    within a of the start."""
    steps = int(round(p[t] / p[dt]))
    ends = walk.positions_binomial(steps, p[L], WALKERS, rng)
    return Estimate.mean_of((np.abs(ends) < p[a]).astype(float))


# What a reader needs beyond school mathematics (read by derive.render.view).
NEEDS = Text("partial derivatives, the Taylor expansion f(x + h) = f(x) + h f′(x) + h^2 f′′(x)/2 + …, and "
             "integrals over the whole line (the Gaussian integral)",
             "偏导数、泰勒展开 f(x + h) = f(x) + h f′(x) + h^2 f′′(x)/2 + …，以及整条实轴上的积分（高斯积分）")
READ_AFTER = ("random-walk",)  # the walk, its D = L²/(2Δt) and E[x²] = 2Dt
SOURCES_ZH = {
    "A. Fick, Ann. Phys. 170, 59 (1855)": "A. Fick，Ann. Phys. 170, 59 (1855)",
    "H. C. Berg, Random Walks in Biology, expanded ed. (1993)": "伯格，《生物学中的随机游走》（扩充版，1993 年）",
    "Fick's laws": "菲克定律",
    "the diffusion equation": "扩散方程",
    "diffusion from a random walk": "由无规行走得到扩散",
}

derivation = Derivation(
    id="diffusion-equation",
    title=Text("Fick's laws and the diffusion equation: ∂c/∂t = D ∂²c/∂x²",
               "菲克定律与扩散方程：∂c/∂t = D ∂²c/∂x²"),
    question=Text(
        "How do we describe diffusion quantitatively: not one walker, but the concentration of many?",
        "如何定量地描述扩散？不是描述一个粒子，而是描述许多粒子的浓度。",
    ),
    section="1.2.1",
    symbols=symbols.freeze(),
    assumptions=(
        Text("Walkers on a line take one step of length L every Δt, +L or −L with probability 1/2, each "
             "independently of the others.",
             "直线上的粒子每隔 Δt 走一步，步长为 L，各以 1/2 的概率为 +L 或 −L，彼此独立。"),
        Text("The step L is small compared with the distances over which the probability or the "
             "concentration changes appreciably.",
             "与概率或浓度发生明显变化的距离相比，步长 L 很小。"),
        Text("Walkers are neither created nor destroyed.", "粒子既不产生也不消失。"),
    ),
    sources=(f"{FICK} (Fick's laws)", f"{NELSON}, §4.4.1–4.4.2 (the diffusion equation)",
             f"{BERG}, ch. 1 and ch. 2 (diffusion from a random walk)",
             "The source article, 高中生也能看懂的的神经科学数学基础 (“Neuroscience maths a high-school student can follow”), §1.2.1 (2024)"),
    key_ideas=(
        Text("The walk's master equation, P(x, t + Δt) = P(x − L, t)/2 + P(x + L, t)/2, expanded for small steps, "
             "is the diffusion equation ∂P/∂t = D ∂²P/∂x², with the same D = L²/(2Δt) as E[x²] = 2Dt.",
             "无规行走的主方程 P(x, t + Δt) = P(x − L, t)/2 + P(x + L, t)/2 在步长很小时展开，"
             "就是扩散方程 ∂P/∂t = D ∂²P/∂x²，其中的 D = L²/(2Δt) 与 E[x²] = 2Dt 中的相同。"),
        Text("Fick's first law, j = −D ∂c/∂x: each walker moves at random, but where there are more walkers on "
             "one side more of them cross from that side, so a net flux runs down the gradient.",
             "菲克第一定律 j = −D ∂c/∂x：每个粒子都在随机运动，但哪一侧的粒子多，从那一侧穿过的粒子就多，"
             "于是净通量沿浓度梯度向下流动。"),
        Text("Walkers are conserved, ∂c/∂t = −∂j/∂x, which turns Fick's first law into his second law, "
             "∂c/∂t = D ∂²c/∂x²: the same equation, now for the concentration.",
             "粒子数守恒，∂c/∂t = −∂j/∂x，它把菲克第一定律变成第二定律 ∂c/∂t = D ∂²c/∂x²："
             "同一个方程，现在描述的是浓度。"),
        Text("Walkers released at one point spread as a Gaussian of variance 2Dt: its width grows as √t, "
             "its height falls as 1/√t, and its area stays 1.",
             "从一点释放的粒子按方差为 2Dt 的高斯分布散开：宽度按 √t 增长，高度按 1/√t 下降，面积始终为 1。"),
    ),
    steps=(
        heading("From the walk to an equation for the probability", "从无规行走到概率的方程",
                given("master", Eq(P(x, t + dt), P(x - L, t) / 2 + P(x + L, t) / 2),
                      "Follow not one walker but the probability density P(x, t) of finding it at x at time t. "
                      "To be at x at time t + Δt, the walker must have been at x − L and stepped right, or at "
                      "x + L and stepped left, each with probability 1/2. This is the walk's master equation.",
                      "不再追踪单个粒子，而是考虑在时刻 t 于 x 处找到它的概率密度 P(x, t)。粒子要在 t + Δt 时刻"
                      "位于 x，它必须原先在 x − L 处并向右走一步，或原先在 x + L 处并向左走一步，各自的概率为 1/2。"
                      "这就是无规行走的主方程。")),
        step("master-reversed", Eq(P(x - L, t) / 2 + P(x + L, t) / 2, P(x, t + dt)), by.rewriting("master"),
             "Diffusion is what the walk looks like from far away, where single steps are too small and too "
             "quick to see. Read the master equation from right to left,",
             "扩散就是从远处看到的无规行走：单步太小、太快，已经看不清。把主方程从右往左读，"),
        step("short-time", Eq(P(x - L, t) / 2 + P(x + L, t) / 2, P(x, t) + dt * sp.Derivative(P(x, t), t)),
             by.series("master-reversed", dt, 1),
             "and expand P at the slightly later time t + Δt: P(x, t) + Δt ∂P/∂t, with an error of order Δt².",
             "并把稍晚时刻 t + Δt 的 P 展开：P(x, t) + Δt ∂P/∂t，误差是 Δt² 量级。"),
        step("diffusion-constant", Eq(D, L**2 / (2 * dt)), by.earlier_result("random-walk", "diffusion-constant"),
             "The walk has the diffusion constant D = L²/(2Δt) (the random-walk handout).",
             "无规行走的扩散系数为 D = L²/(2Δt)（见讲义《扩散即无规行走》）。"),
        step("time-step", Eq(dt, L**2 / (2 * D)), by.solving_for(dt, "diffusion-constant"),
             "Make the steps small and quick while keeping D fixed: the time per step is Δt = L²/(2D).",
             "让步子变小变快，同时保持 D 不变：每步的时间为 Δt = L²/(2D)。"),
        step("short-time-diffusive",
             Eq(P(x - L, t) / 2 + P(x + L, t) / 2, P(x, t) + L**2 / (2 * D) * sp.Derivative(P(x, t), t)),
             by.substituting("time-step", into="short-time"),
             "Put it in.", "代入。"),
        step("change-in-one-step",
             Eq(L**2 / (2 * D) * sp.Derivative(P(x, t), t), P(x - L, t) / 2 + P(x + L, t) / 2 - P(x, t)),
             by.rewriting("short-time-diffusive"),
             "The change of P in one step is the average of its two neighbours minus its own value.",
             "一步之内 P 的变化等于两个邻点的平均值减去它自身的值。"),
        step("rate-of-change",
             Eq(sp.Derivative(P(x, t), t), 2 * D * (P(x - L, t) / 2 + P(x + L, t) / 2 - P(x, t)) / L**2),
             by.dividing_both_sides("change-in-one-step", L**2 / (2 * D)),
             "Divide by L²/(2D) for the rate of change.", "两边除以 L²/(2D)，得到变化率。"),
        step("diffusion-equation", Eq(sp.Derivative(P(x, t), t), D * sp.Derivative(P(x, t), (x, 2))),
             by.series("rate-of-change", L, 1),
             "For a small step, expand in L: the terms in L and L³ cancel between the two neighbours, and what "
             "is left is the diffusion equation, ∂P/∂t = D ∂²P/∂x². Where P curves upwards (a dip), it fills "
             "in; where it curves downwards (a peak), it drains. The details of the step, L and Δt, enter "
             "only through D.",
             "对小步长按 L 展开：L 和 L³ 的项在左右两个邻点之间相互抵消，剩下的就是扩散方程 "
             "∂P/∂t = D ∂²P/∂x²。P 向上弯（低谷）的地方会被填高，向下弯（峰）的地方会被削低。"
             "步的细节 L 和 Δt 只通过 D 出现。"),
        heading("Fick's first law: counting walkers across a plane", "菲克第一定律：数一数穿过平面的粒子",
                given("flux-count", Eq(j(x, t), L * (c(x - L / 2, t) - c(x + L / 2, t)) / (2 * dt)),
                      "Now take many walkers, c(x, t) of them per unit length, on sites L apart, and a plane at x "
                      "between the sites at x − L/2 and x + L/2, each holding about c L walkers. In one step half "
                      "of those on the left cross to the right, and half of those on the right cross to the left: "
                      "the net number crossing per unit time is the flux j.",
                      "现在考虑许多粒子，单位长度内有 c(x, t) 个，分布在间距为 L 的格点上；在 x − L/2 和 x + L/2 "
                      "两个格点之间的 x 处放一个平面，每个格点上约有 c L 个粒子。一步之内，左边格点上的一半粒子"
                      "穿到右边，右边格点上的一半粒子穿到左边：单位时间内净穿过的粒子数就是通量 j。")),
        step("flux-small-step", Eq(j(x, t), -L**2 / (2 * dt) * sp.Derivative(c(x, t), x)),
             by.series("flux-count", L, 3),
             "Expand for a small step: the difference of the two neighbours is −L ∂c/∂x, up to terms of "
             "order L³.",
             "对小步长展开：两个邻点的浓度之差为 −L ∂c/∂x，误差是 L³ 量级。"),
        step("fick-first", Eq(j(x, t), -D * sp.Derivative(c(x, t), x)),
             by.substituting("diffusion-constant", into="flux-small-step"),
             "Fick's first law, j = −D ∂c/∂x: no force pushes the walkers, yet they flow from where they are "
             "many to where they are few, faster the steeper the gradient. Adolf Fick, a physiologist, "
             "proposed it in 1855 by analogy with the flow of heat, fifty years before Einstein explained "
             "it by random motion.",
             "菲克第一定律 j = −D ∂c/∂x：没有力推动粒子，它们却从多的地方流向少的地方，梯度越陡流得越快。"
             "生理学家菲克（Fick）在 1855 年类比热的流动提出了这一定律，比 Einstein 用随机运动解释它早了五十年。"),
        heading("Fick's second law: walkers are conserved", "菲克第二定律：粒子数守恒",
                given("conservation", Eq(sp.Derivative(c(x, t), t), -sp.Derivative(j(x, t), x)),
                      "Walkers are neither made nor destroyed: the number between x and x + dx grows only by "
                      "the difference between what flows in at x and what flows out at x + dx.",
                      "粒子既不产生也不消失：x 与 x + dx 之间的粒子数只能因为从 x 处流入与从 x + dx 处流出之差而增加。")),
        step("fick-second", Eq(sp.Derivative(c(x, t), t), D * sp.Derivative(c(x, t), (x, 2))),
             by.substituting("fick-first", into="conservation"),
             "Put in Fick's first law: ∂c/∂t = D ∂²c/∂x², the diffusion equation again, now for the "
             "concentration (Fick's second law).",
             "代入菲克第一定律：∂c/∂t = D ∂²c/∂x²，又是扩散方程，现在描述的是浓度（菲克第二定律）。"),
        heading("The spreading Gaussian", "不断展宽的高斯分布",
                define("gaussian", Eq(G(x, t), gaussian),
                       "Walkers released at x = 0 at t = 0 spread as the Gaussian G = e^(−x²/(4D t))/√(4π D t).",
                       "t = 0 时从 x = 0 释放的粒子按高斯分布 G = e^(−x²/(4D t))/√(4π D t) 散开。")),
        step("gaussian-solves", Eq(sp.Derivative(G(x, t), t), D * sp.Derivative(G(x, t), (x, 2))),
             by.substituting("gaussian"),
             "Differentiating shows that it satisfies the diffusion equation at every t > 0,",
             "求导可以验证，它在每个 t > 0 都满足扩散方程；"),
        step("gaussian-normalised", Eq(sp.Integral(G(x, t), everywhere), 1), by.substituting("gaussian"),
             "its area stays 1: no walker is lost;", "它的面积始终为 1：没有粒子丢失；"),
        step("gaussian-spread", Eq(sp.Integral(x**2 * G(x, t), everywhere), 2 * D * t), by.substituting("gaussian"),
             "and its mean squared displacement is 2Dt, as the walk gave directly: the width grows as √t.",
             "它的均方位移为 2Dt，与无规行走直接给出的结果相同：宽度按 √t 增长。"),
        step("gaussian-fraction", Eq(sp.Integral(G(x, t), (x, -a, a)), sp.erf(a / (2 * sp.sqrt(D * t)))),
             by.substituting("gaussian"),
             "The fraction of walkers within a of the start is erf(a/√(4Dt)); for a = √(2Dt), one standard "
             "deviation, it is 68%.",
             "离起点不超过 a 的粒子所占比例由上式中的误差函数给出；当 a = √(2Dt)，即一个标准差时，比例为 68%。"),
        *exercise(
            "ex-linear-profile",
            "A membrane keeps the concentration at c_0 on one side of a thin layer and lower on the other, so "
            "that inside the layer c(x) = c_0 + g x. Show that this profile does not change in time, and find "
            "the flux through the layer.",
            "膜使一薄层一侧的浓度保持为 c_0，另一侧较低，于是层内 c(x) = c_0 + g x。证明这个分布不随时间变化，"
            "并求穿过薄层的通量。",
            step("ex-linear-steady", Eq(D * sp.Derivative(c_0 + g * x, (x, 2)), 0), by.evaluating(),
                 "By Fick's second law the profile changes at the rate D ∂²c/∂x², which is zero for a "
                 "straight line.",
                 "由菲克第二定律，分布的变化率为 D ∂²c/∂x²，对直线它等于零。"),
            step("ex-linear-flux", Eq(-D * sp.Derivative(c_0 + g * x, x), -D * g), by.evaluating(),
                 "By Fick's first law the flux is −D times the slope, the same everywhere in the layer.",
                 "由菲克第一定律，通量等于 −D 乘以斜率，在层内处处相同。"),
            answer=Text("The linear profile is a steady state, and the flux −D g is the same at every x: as many "
                        "walkers leave each slice as enter it. Here g < 0, so the flux −D g is positive: the walkers flow "
                        "towards the low side, as they always do.",
                        "线性分布是稳态，通量 −D g 在每个 x 处都相同：每一薄片流出的粒子与流入的一样多。"
                        "这里 g < 0，所以通量 −D g > 0：粒子总是流向浓度较低的一侧。"),
        ),
        *exercise(
            "ex-gaussian-3d",
            "In three dimensions walkers released at the origin spread as "
            "G_3 = e^(−r²/(4D t))/(4π D t)^(3/2), where r is the distance from the origin. Check that the "
            "probability of all distances adds up to 1, "
            "and find how the mean squared distance E[r²] grows.",
            "在三维中，从原点释放的粒子按 G_3 = e^(−r²/(4D t))/(4π D t)^(3/2) 散开，其中 r 是离原点的距离。验证所有距离的概率之和为 1，"
            "并求均方距离 E[r²] 如何增长。",
            define("ex-gaussian-3d", Eq(G_3(r, t), gaussian_3d),
                   "The density of walkers at distance r.", "距离为 r 处的粒子密度。"),
            step("ex-gaussian-3d-normalised", Eq(sp.Integral(4 * sp.pi * r**2 * G_3(r, t), (r, 0, sp.oo)), 1),
                 by.substituting("ex-gaussian-3d"),
                 "A shell of radius r and thickness dr has volume 4πr² dr.", "半径为 r、厚度为 dr 的球壳体积为 4πr² dr。"),
            step("ex-gaussian-3d-spread",
                 Eq(sp.Integral(4 * sp.pi * r**4 * G_3(r, t), (r, 0, sp.oo)), 6 * D * t),
                 by.substituting("ex-gaussian-3d"),
                 "Weight each shell by r².", "用 r² 给每个球壳加权。"),
            answer=Text("E[r²] = 6Dt, three times the 2Dt of one coordinate, as the cube-corner walkers of the "
                        "random-walk handout gave.",
                        "E[r²] = 6Dt，是一个坐标的 2Dt 的三倍，与无规行走讲义中立方体顶点行走者的结果一致。"),
        ),
        *exercise(
            "ex-peak-height",
            "How does the height of the Gaussian at the start, G(0, t), fall with time? How much lower is it "
            "after four times as long?",
            "起点处高斯分布的高度 G(0, t) 如何随时间下降？经过四倍长的时间后，它是原来的几分之几？",
            step("ex-peak", Eq(G(0, t), 1 / sp.sqrt(4 * sp.pi * D * t)), by.substituting("gaussian"),
                 "Put x = 0 into the Gaussian.", "把 x = 0 代入高斯分布。"),
            step("ex-peak-later", Eq(G(0, 4 * t) / G(0, t), sp.Rational(1, 2)), by.substituting("gaussian"),
                 "Compare the heights at 4t and at t.", "比较 4t 与 t 时刻的高度。"),
            answer=Text("G(0, t) = 1/√(4πDt) falls as 1/√t: four times as long, half as high (and twice as wide).",
                        "G(0, t) = 1/√(4πDt) 按 1/√t 下降：时间变为原来的四倍，高度变为原来的一半（宽度变为两倍）。"),
        ),
    ),
    checks=(
        simulated("gaussian-fraction", "gaussian-fraction", fraction_within, SPREAD,
                  "Fraction of 400 000 coin walkers (1000 steps each, exact binomial sampler of the sum of steps) "
                  "that end within a = 31 L of the start, against the Gaussian's erf.",
                  "40 万个抛硬币行走者（各走 1000 步，用二项分布精确抽样步长之和）中终点离起点不超过 a = 31 L "
                  "的比例，与高斯分布的误差函数比较。"),
    ),
    figures=FIGURES,
    module=__name__,
)
