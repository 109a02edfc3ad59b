"""The Hodgkin-Huxley model: the rate functions, the resting state and its stability.

The heart of the seed article's section 1: how do ion conductances change, and how is an action
potential generated? Hodgkin and Huxley's equations in the modern convention (rest near
-65 mV, depolarisation positive), converted step by step from the 1952 paper, with explicit
units, their removable singularities resolved by limits, the temperature factor, and the
resting state as a stable fixed point.

Sources: A. L. Hodgkin and A. F. Huxley, J. Physiol. 117, 500 (1952), eqs. 7, 12-13, 15-16,
20-21, 23-24, 26; the modern convention as in P. Dayan and L. F. Abbott, Theoretical
Neuroscience (2001), §5.6, and W. Gerstner et al., Neuronal Dynamics (2014), §2.2.
"""

from __future__ import annotations

import numpy as np
import sympy as sp
from sympy.physics.units import capacitance, current, length, temperature, time, voltage

from derive import Derivation, Estimate, Params, SymbolTable, Text, agrees, by, cite, step
from derive.model import Context
from derive.sim import hodgkin_huxley as model

HH = "A. L. Hodgkin and A. F. Huxley, J. Physiol. 117, 500 (1952)"
area = length**2
conductance_density = current / (voltage * area)

symbols = SymbolTable()
V = symbols.add("V", voltage, "membrane potential, modern convention (inside minus outside)",
                "膜电位（现代约定：内减外）", real=True)
V_HH = symbols.add("V_HH", voltage, "Hodgkin and Huxley's V: displacement from rest, depolarisation negative",
                   "Hodgkin 和 Huxley 的 V：相对静息的偏移，去极化为负", real=True, latex=r"V_{\mathrm{HH}}")
mV = symbols.add("mV", voltage, "one millivolt", "1 毫伏", positive=True, latex=r"\mathrm{mV}")
ms = symbols.add("ms", time, "one millisecond", "1 毫秒", positive=True, latex=r"\mathrm{ms}")
T = symbols.add("T", temperature, "temperature", "温度", positive=True)
T_0 = symbols.add("T_0", temperature, "temperature of the 1952 experiments, 6.3 °C", "1952 年实验的温度 6.3 °C",
                  positive=True, latex=r"T_{0}")
K = symbols.add("K", temperature, "one kelvin", "1 开尔文", positive=True, latex=r"\mathrm{K}")
phi = symbols.add("phi", 1, "temperature factor of the rates", "速率的温度因子", positive=True)
rates = {}
for name, en in (("alpha_n", "opening rate of an n gate"), ("beta_n", "closing rate of an n gate"),
                 ("alpha_m", "opening rate of an m gate"), ("beta_m", "closing rate of an m gate"),
                 ("alpha_h", "opening rate of the h gate"), ("beta_h", "closing rate of the h gate")):
    greek, gate = name.split("_")
    zh = {"alpha": "开放速率", "beta": "关闭速率"}[greek]
    rates[name] = symbols.add(name, 1 / time, en, f"{gate} 门的{zh}", positive=True, latex=rf"\{greek}_{{{gate}}}")
alpha_n, beta_n, alpha_m, beta_m, alpha_h, beta_h = rates.values()
n = symbols.add("n", 1, "open probability of a K⁺ gate", "K⁺ 门的开放概率", positive=True, sample=(0, 1))
m = symbols.add("m", 1, "open probability of a Na⁺ activation gate", "Na⁺ 激活门的开放概率", positive=True, sample=(0, 1))
h = symbols.add("h", 1, "open probability of the Na⁺ inactivation gate", "Na⁺ 失活门的开放概率", positive=True,
                sample=(0, 1))
dn = symbols.add("dn_dt", 1 / time, "rate of change of n", "n 的变化率", real=True, latex=r"\frac{dn}{dt}")
dm = symbols.add("dm_dt", 1 / time, "rate of change of m", "m 的变化率", real=True, latex=r"\frac{dm}{dt}")
dh = symbols.add("dh_dt", 1 / time, "rate of change of h", "h 的变化率", real=True, latex=r"\frac{dh}{dt}")
dV = symbols.add("dV_dt", voltage / time, "rate of change of V", "V 的变化率", real=True, latex=r"\frac{dV}{dt}")
C = symbols.add("C", capacitance / area, "membrane capacitance per area", "单位面积膜电容", positive=True)
I_ext = symbols.add("I_ext", current / area, "injected current per area", "注入电流（单位面积）", real=True,
                    latex=r"I_{\mathrm{ext}}")
gbar_Na = symbols.add("gbar_Na", conductance_density, "maximal Na⁺ conductance", "最大 Na⁺ 电导", positive=True,
                      latex=r"\bar{g}_{\mathrm{Na}}")
gbar_K = symbols.add("gbar_K", conductance_density, "maximal K⁺ conductance", "最大 K⁺ 电导", positive=True,
                     latex=r"\bar{g}_{\mathrm{K}}")
g_L = symbols.add("g_L", conductance_density, "leak conductance", "漏电导", positive=True, latex=r"g_{\mathrm{L}}")
E_Na = symbols.add("E_Na", voltage, "Na⁺ reversal potential", "Na⁺ 反转电位", real=True, latex=r"E_{\mathrm{Na}}")
E_K = symbols.add("E_K", voltage, "K⁺ reversal potential", "K⁺ 反转电位", real=True, latex=r"E_{\mathrm{K}}")
E_L = symbols.add("E_L", voltage, "leak reversal potential", "漏电流反转电位", real=True, latex=r"E_{\mathrm{L}}")
lam = symbols.add("lambda_max", 1 / time, "largest real part of the eigenvalues at rest", "静息点处特征值实部的最大值",
                  real=True, latex=r"\lambda_{\max}")

u_hh = V_HH / mV  # the paper's bare numbers are millivolts ...
per_ms = phi / ms  # ... and rates per millisecond, at 6.3 °C
u = V / mV


PAPER = {  # Hodgkin and Huxley (1952), their V (depolarisation negative), rates at 6.3 °C
    alpha_n: per_ms * sp.Rational(1, 100) * (u_hh + 10) / (sp.exp((u_hh + 10) / 10) - 1),
    beta_n: per_ms * sp.Rational(1, 8) * sp.exp(u_hh / 80),
    alpha_m: per_ms * sp.Rational(1, 10) * (u_hh + 25) / (sp.exp((u_hh + 25) / 10) - 1),
    beta_m: per_ms * 4 * sp.exp(u_hh / 18),
    alpha_h: per_ms * sp.Rational(7, 100) * sp.exp(u_hh / 20),
    beta_h: per_ms / (sp.exp((u_hh + 30) / 10) + 1),
}
MODERN = {  # the same in the modern convention, as textbooks write them
    alpha_n: per_ms * sp.Rational(1, 100) * (u + 55) / (1 - sp.exp(-(u + 55) / 10)),
    beta_n: per_ms * sp.Rational(1, 8) * sp.exp(-(u + 65) / 80),
    alpha_m: per_ms * sp.Rational(1, 10) * (u + 40) / (1 - sp.exp(-(u + 40) / 10)),
    beta_m: per_ms * 4 * sp.exp(-(u + 65) / 18),
    alpha_h: per_ms * sp.Rational(7, 100) * sp.exp(-(u + 65) / 20),
    beta_h: per_ms / (1 + sp.exp(-(u + 35) / 10)),
}
PARAMETERS = {  # Hodgkin and Huxley (1952), Table 3, in the modern convention
    C: 1, gbar_Na: 120, gbar_K: 36, g_L: sp.Rational(3, 10),
    E_Na: 50 * mV, E_K: -77 * mV, E_L: sp.Rational("-54.387") * mV,
}
# Working in mV, ms, μF/cm², mS/cm² and μA/cm²: those units are 1, and so is phi (at 6.3 °C).
REDUCED = {mV: 1, ms: 1, phi: 1, I_ext: 0, C: 1, gbar_Na: 120, gbar_K: 36, g_L: sp.Rational(3, 10),
           E_Na: 50, E_K: -77, E_L: sp.Rational("-54.387"), dn: 0, dm: 0, dh: 0, dV: 0}


SQUID = model.HHParams()  # the same parameters, for the simulator (6.3 °C)


def _first_spike(method: str) -> model.FirstSpike:
    """The first spike after the default pulse (40 μA/cm² for 0.5 ms), by one integrator."""
    return model.first_spike(model.DEFAULT_PULSE, params=SQUID, method=method)


def spike_time_rk4(at: Params, rng: np.random.Generator) -> Estimate:
    """Time the voltage first crosses 0 mV: classical RK4 at 0.01 ms, error from halving the step."""
    return _first_spike("rk4").time


def spike_time_dop853(at: Params, rng: np.random.Generator) -> Estimate:
    """The same with SciPy's adaptive DOP853 at rtol 1e-10, error from a 100 times looser run."""
    return _first_spike("DOP853").time


def spike_peak_rk4(at: Params, rng: np.random.Generator) -> Estimate:
    return _first_spike("rk4").peak


def spike_peak_dop853(at: Params, rng: np.random.Generator) -> Estimate:
    return _first_spike("DOP853").peak


def resting_from_the_equations(at: Params, rng: np.random.Generator) -> Estimate:
    """The resting potential as this handout finds it: nsolve on its own symbolic equations (30 digits)."""
    position = derivation.labels.index("resting-potential")
    root = derivation.step("resting-potential").by.root(Context(derivation, position))
    return Estimate(float(root[V]), 1e-12, 1, computed=True)


def resting_from_the_simulator(at: Params, rng: np.random.Generator) -> Estimate:
    """The simulator's resting state: scipy's root finder on its own numpy right-hand side (tol 1e-14)."""
    return Estimate(model.resting_state(SQUID).v, 1e-10, 1, computed=True)


def _conversion(rate: sp.Symbol) -> tuple:
    name = str(rate)
    return (
        cite(f"{name}-1952", sp.Eq(rate, PAPER[rate]), f"{HH}, eqs. 12-13, 20-21, 23-24",
             f"{name} as the paper writes it, in its own convention.", f"论文原文中的 {name}（采用论文自己的约定）。"),
        step(name, sp.Eq(rate, MODERN[rate]), by.substituting("convention", into=f"{name}-1952"),
             f"{name} in the modern convention.", f"现代约定下的 {name}。"),
    )


derivation = Derivation(
    id="hodgkin-huxley",
    title=Text("The Hodgkin-Huxley model: rates, rest and stability", "Hodgkin-Huxley 模型：速率、静息与稳定性"),
    question=Text(
        "How do the Na⁺ and K⁺ conductances depend on the voltage, and why does the membrane stay at rest "
        "until it is pushed?",
        "Na⁺ 和 K⁺ 电导如何依赖于电压？为什么膜在受到推动之前保持静息？",
    ),
    section="1.3",
    symbols=symbols.freeze(),
    assumptions=(
        Text("The squid giant axon membrane as a single patch (no propagation): a capacitor in parallel with "
             "Na⁺, K⁺ and leak conductances.",
             "把乌贼巨轴突的膜看作一个小片（不考虑传播）：一个电容与 Na⁺、K⁺ 和漏电导并联。"),
        Text("Gates as in the gate-kinetics handout: g_K = ḡ_K n⁴, g_Na = ḡ_Na m³h, each gate with voltage-"
             "dependent rates α and β.",
             "门控与门控讲义相同：g_K = ḡ_K n⁴，g_Na = ḡ_Na m³h，每个门的速率 α、β 依赖于电压。"),
        Text("Modern convention: V is inside minus outside, rest near -65 mV; the paper's V is the displacement "
             "from rest with depolarisation negative, so V_HH = -(V + 65 mV).",
             "现代约定：V 为内减外，静息约 -65 mV；论文中的 V 是相对静息的偏移，且去极化为负，所以 V_HH = -(V + 65 mV)。"),
    ),
    sources=(f"{HH}", "P. Dayan and L. F. Abbott, Theoretical Neuroscience (2001), §5.6",
             "W. Gerstner, W. M. Kistler, R. Naud and L. Paninski, Neuronal Dynamics (2014), §2.2",
             "The seed article, 高中生也能看懂的的神经科学数学基础, §1 (2024)"),
    steps=(
        cite("convention", sp.Eq(V_HH, -(V + 65 * mV)), f"{HH}, p. 505 (sign convention)",
             "Convert the paper's voltage to the modern one.", "把论文的电压换算成现代约定。"),
        *(s for rate in (alpha_n, beta_n, alpha_m, beta_m, alpha_h, beta_h) for s in _conversion(rate)),
        cite("temperature-factor", sp.Eq(phi, 3 ** ((T - T_0) / (10 * K))), f"{HH}, p. 519",
             "Every rate is multiplied by 3 for each 10 °C above 6.3 °C (Q₁₀ = 3).",
             "温度每比 6.3 °C 高 10 °C，所有速率都乘以 3（Q₁₀ = 3）。"),
        step("alpha-n-at-minus-55",
             sp.Eq(sp.Limit(MODERN[alpha_n].subs(phi, 1), V, -55 * mV), 1 / (10 * ms)), by.evaluating(),
             "At V = -55 mV α_n is 0/0; the limit is 0.1 per ms (6.3 °C). Simulations must use it.",
             "V = -55 mV 时 α_n 为 0/0；其极限为每毫秒 0.1（6.3 °C）。模拟时必须使用这个值。"),
        step("alpha-m-at-minus-40",
             sp.Eq(sp.Limit(MODERN[alpha_m].subs(phi, 1), V, -40 * mV), 1 / ms), by.evaluating(),
             "At V = -40 mV α_m is 0/0; the limit is 1 per ms.", "V = -40 mV 时 α_m 为 0/0；其极限为每毫秒 1。"),
        cite("potassium-gate", sp.Eq(dn, alpha_n * (1 - n) - beta_n * n), f"{HH}, eq. 7",
             "Each gate obeys the two-state kinetics of the gate-kinetics handout.", "每个门都服从门控讲义中的两态动力学。"),
        cite("sodium-activation", sp.Eq(dm, alpha_m * (1 - m) - beta_m * m), f"{HH}, eq. 15",
             "The Na⁺ activation gates m likewise,", "Na⁺ 激活门 m 同理，"),
        cite("sodium-inactivation", sp.Eq(dh, alpha_h * (1 - h) - beta_h * h), f"{HH}, eq. 16",
             "and the inactivation gate h, which closes when the membrane depolarises.",
             "失活门 h 也一样，它在膜去极化时关闭。"),
        cite("membrane", sp.Eq(C * dV, I_ext - gbar_Na * m**3 * h * (V - E_Na) - gbar_K * n**4 * (V - E_K)
                                - g_L * (V - E_L)), f"{HH}, eq. 26",
             "The membrane: the capacitor is charged by the injected current minus the three ionic currents.",
             "细胞膜：注入电流减去三种离子电流为电容充电。"),
        step("voltage-rate", sp.Eq(dV, (I_ext - gbar_Na * m**3 * h * (V - E_Na) - gbar_K * n**4 * (V - E_K)
                                        - g_L * (V - E_L)) / C),
             by.solving_for(dV, "membrane"), "The rate of change of V.", "V 的变化率。"),
        step("n-rate", sp.Eq(dn, MODERN[alpha_n] * (1 - n) - MODERN[beta_n] * n),
             by.substituting("alpha_n", "beta_n", into="potassium-gate"), "The gates with their rates written out.",
             "把速率写出来的门方程。"),
        step("m-rate", sp.Eq(dm, MODERN[alpha_m] * (1 - m) - MODERN[beta_m] * m),
             by.substituting("alpha_m", "beta_m", into="sodium-activation"),
             "The m gates with their rates written out.", "把速率写出来的 m 门方程。"),
        step("h-rate", sp.Eq(dh, MODERN[alpha_h] * (1 - h) - MODERN[beta_h] * h),
             by.substituting("alpha_h", "beta_h", into="sodium-inactivation"),
             "The h gate with its rates written out.", "把速率写出来的 h 门方程。"),
        step("resting-potential", sp.Eq(V, sp.Rational("-65.0") * mV),
             by.finding_root("voltage-rate", "n-rate", "m-rate", "h-rate",
                             start={V: -65.0, n: 0.3, m: 0.05, h: 0.6}, setting=REDUCED, digits=3),
             "At rest nothing changes: all four rates vanish. SymPy's nsolve finds that point at V = -65.0 mV "
             "(the leak reversal potential E_L = -54.387 mV was chosen by the modern convention to put it there).",
             "静息时一切不变：四个变化率都为零。SymPy 的 nsolve 找到这一点在 V = -65.0 mV"
             "（现代约定正是为此选择了 E_L = -54.387 mV）。"),
        step("resting-state-is-stable", sp.Eq(lam, sp.Rational("-0.12") / ms),
             by.linear_stability("voltage-rate", "n-rate", "m-rate", "h-rate", states=(V, n, m, h),
                                 fixed_point="resting-potential"),
             "Small disturbances of the resting state die away: every eigenvalue of the Jacobian has a negative "
             "real part, the slowest decaying at 0.12 per ms. A spike needs a push beyond threshold.",
             "静息态的小扰动会衰减：雅可比矩阵的所有特征值实部都为负，最慢的以每毫秒 0.12 衰减。"
             "要产生动作电位需要超过阈值的推动。"),
    ),
    checks=(
        agrees("resting-potential", resting_from_the_equations, resting_from_the_simulator, {},
               "The resting potential from the handout's symbolic equations (nsolve) against the simulator's "
               "independently coded rate functions (scipy's root finder): a wrong rate in either would show.",
               "由讲义的符号方程（nsolve）求得的静息电位，与模拟器独立编写的速率函数（scipy 求根）比较："
               "任一方的速率写错都会暴露。"),
        agrees("spike-time", spike_time_rk4, spike_time_dop853, {},
               "Time of the first spike after a 0.5 ms pulse of 40 μA/cm², by two independent integrators "
               "(own fixed-step RK4; SciPy's adaptive DOP853), within their combined error estimates.",
               "0.5 ms、40 μA/cm² 脉冲后第一个动作电位的时刻，由两个独立的积分器（自编定步长 RK4；SciPy 的自适应 "
               "DOP853）计算，应在两者误差估计之和内一致。"),
        agrees("spike-peak", spike_peak_rk4, spike_peak_dop853, {},
               "Peak voltage of that spike, by the same two integrators.", "该动作电位的峰值电压，由同样两个积分器计算。"),
    ),
    module=__name__,
)
