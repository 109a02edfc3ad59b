"""Gate kinetics: how ion conductances change, and why the K⁺ conductance rises with a delay.

Answers the seed article's question in section 1.1: why do ion conductances change, and in
what form? In Hodgkin and Huxley's picture each channel has gates that flip between closed
and open at voltage-dependent rates. One gate relaxes exponentially after a voltage step; a
channel that needs four independent gates open (K⁺) is open with probability n⁴, which
starts rising slowly: the delay of the potassium current. The Na⁺ channel needs three
activation gates and one inactivation gate: m³h.

Sources: A. L. Hodgkin and A. F. Huxley, J. Physiol. 117, 500 (1952), eqs. 6-7 and 14-16;
B. Hille, Ion Channels of Excitable Membranes, 3rd ed. (2001), ch. 2.
"""

from __future__ import annotations

import numpy as np
import sympy as sp
import sympy.stats as stats
from scipy.optimize import minimize_scalar
from sympy.physics.units import amount_of_substance, charge, current, energy, kelvin, length, temperature, time, voltage

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
    exercise,
    heading,
    independent,
    measured,
    simulated,
    step,
)
from derive.library.nernst_potential import BOLTZMANN, ELEMENTARY, millivolt
from derive.figures.gate_kinetics import FIGURES
from derive.sim import channels, hodgkin_huxley

HODGKIN_HUXLEY = "A. L. Hodgkin and A. F. Huxley, J. Physiol. 117, 500 (1952)"
conductance_density = current / (voltage * length**2)

symbols = SymbolTable()
t = symbols.add("t", time, "time since the voltage step", "电压阶跃后的时间", nonnegative=True)
n = symbols.function("n", 1, "probability that one K⁺ gate is open", "一个 K⁺ 门处于开放状态的概率")
m = symbols.function("m", 1, "probability that one Na⁺ activation gate is open", "一个 Na⁺ 激活门开放的概率")
h = symbols.function("h", 1, "probability that the Na⁺ inactivation gate is open", "Na⁺ 失活门开放的概率")
alpha = symbols.add("alpha", 1 / time, "opening rate of a gate at the clamped voltage", "钳制电压下门的开放速率",
                    positive=True)
beta = symbols.add("beta", 1 / time, "closing rate of a gate at the clamped voltage", "钳制电压下门的关闭速率",
                   positive=True)
n_0 = symbols.add("n_0", 1, "open probability at the step (at the holding voltage)", "阶跃时刻（保持电压下）的开放概率",
                  nonnegative=True, sample=(0, 1))
n_inf = symbols.add("n_inf", 1, "open probability the gate relaxes to", "门最终趋向的开放概率", positive=True,
                    latex=r"n_{\infty}")
tau_n = symbols.add("tau_n", time, "time constant of the gate", "门的时间常数", positive=True, latex=r"\tau_{n}")
gates_K = [symbols.random(f"G_{i}", 1, f"K⁺ gate {i}: 1 if open, 0 if closed", f"K⁺ 第 {i} 个门：开为 1，关为 0",
                          distribution=stats.Bernoulli(f"G_{i}", n(t)), nonnegative=True) for i in range(1, 5)]
gates_m = [symbols.random(f"M_{i}", 1, f"Na⁺ activation gate {i}: 1 if open", f"Na⁺ 第 {i} 个激活门：开为 1",
                          distribution=stats.Bernoulli(f"M_{i}", m(t)), nonnegative=True) for i in range(1, 4)]
gate_h = symbols.random("H", 1, "Na⁺ inactivation gate: 1 if open", "Na⁺ 失活门：开为 1",
                        distribution=stats.Bernoulli("H", h(t)), nonnegative=True)
open_K = symbols.random("O_K", 1, "1 if a K⁺ channel conducts", "K⁺ 通道导通时为 1", latex=r"O_{\mathrm{K}}",
                        nonnegative=True)
open_Na = symbols.random("O_Na", 1, "1 if a Na⁺ channel conducts", "Na⁺ 通道导通时为 1", latex=r"O_{\mathrm{Na}}",
                         nonnegative=True)
g_K = symbols.add("g_K", conductance_density, "K⁺ conductance per area", "单位面积的 K⁺ 电导", positive=True,
                  latex=r"g_{\mathrm{K}}")
gbar_K = symbols.add("gbar_K", conductance_density, "K⁺ conductance with every channel open", "所有通道都开放时的 K⁺ 电导",
                     positive=True, latex=r"\bar{g}_{\mathrm{K}}")
g_Na = symbols.add("g_Na", conductance_density, "Na⁺ conductance per area", "单位面积的 Na⁺ 电导", positive=True,
                   latex=r"g_{\mathrm{Na}}")
gbar_Na = symbols.add("gbar_Na", conductance_density, "Na⁺ conductance with every channel open",
                      "所有通道都开放时的 Na⁺ 电导", positive=True, latex=r"\bar{g}_{\mathrm{Na}}")
G_1, G_2, G_3, G_4 = gates_K
M_1, M_2, M_3 = gates_m
concentration = amount_of_substance / length**3
# The Boltzmann ratio as the Nernst handout states it (for quoting), then for the two states of a gate.
c_in = symbols.add("c_in", concentration, "concentration inside the cell (Nernst handout)", "细胞内浓度（能斯特讲义）",
                   positive=True, latex=r"c_{\mathrm{in}}")
c_out = symbols.add("c_out", concentration, "concentration outside the cell (Nernst handout)",
                    "细胞外浓度（能斯特讲义）", positive=True, latex=r"c_{\mathrm{out}}")
U_in = symbols.add("U_in", energy, "energy of an ion inside (Nernst handout)", "离子在细胞内的能量（能斯特讲义）",
                   real=True, latex=r"U_{\mathrm{in}}")
U_out = symbols.add("U_out", energy, "energy of an ion outside (Nernst handout)", "离子在细胞外的能量（能斯特讲义）",
                    real=True, latex=r"U_{\mathrm{out}}")
k_B = symbols.add("k_B", energy / temperature, "Boltzmann's constant", "玻尔兹曼常数", positive=True)
T = symbols.add("T", temperature, "absolute temperature", "绝对温度", positive=True)
e = symbols.add("e", charge, "elementary charge", "元电荷", positive=True)
V = symbols.add("V", voltage, "membrane potential", "膜电位", real=True)
V_half = symbols.add("V_half", voltage, "voltage at which the gate is open half the time", "门开放概率为一半时的电压",
                     real=True, latex=r"V_{1/2}")
z_g = symbols.add("z_g", 1, "gating charge moved across the membrane when the gate opens, in units of e",
                  "门打开时跨膜移动的门控电荷（以 e 为单位）", positive=True, latex=r"z_{\mathrm{g}}")
P_o = symbols.add("P_o", 1, "probability that the gate is open, in equilibrium", "平衡时门开放的概率", positive=True,
                  latex=r"P_{\mathrm{open}}")
P_c = symbols.add("P_c", 1, "probability that the gate is closed, in equilibrium", "平衡时门关闭的概率", positive=True,
                  latex=r"P_{\mathrm{closed}}")
U_o = symbols.add("U_o", energy, "energy of the open gate", "门开放时的能量", real=True, latex=r"U_{\mathrm{open}}")
U_c = symbols.add("U_c", energy, "energy of the closed gate", "门关闭时的能量", real=True, latex=r"U_{\mathrm{closed}}")
n_B = symbols.function("n_B", 1, "the Boltzmann gate's open probability at voltage V", "玻尔兹曼门在电压 V 下的开放概率",
                       latex=r"n_{\infty}")
z_eq = symbols.add("z_eq", 1, "gating charge of a Boltzmann gate as steep as Hodgkin and Huxley's n∞ at its steepest",
                   "与 Hodgkin-Huxley 的 n∞ 最陡处同样陡的玻尔兹曼门的门控电荷", positive=True,
                   latex=r"z_{\mathrm{eq}}")
dV_e = symbols.add("dV_e", voltage, "voltage step that changes P_open/P_closed e-fold", "使 P_open/P_closed 变化 e 倍的电压",
                   positive=True, latex=r"\Delta V_{e}")
slope_ratio = symbols.add("rho", 1, "initial slope of n⁴ over that of n", "n⁴ 与 n 的初始斜率之比", real=True)

# A voltage-clamp step from rest (-65 mV) to 0 mV at 6.3 °C, with the Hodgkin-Huxley model's rates.
REST, STEP = -65.0, 0.0
MODEL = hodgkin_huxley.HHParams()


# Units of k_B T = 1 for the sampled gates: only z_g e (V - V_half) / k_B T matters.
GATE_OPENING = {z_g: 2.0, e: 1.0, k_B: 1.0, T: 1.0, V_half: 0.0, V: 0.5}  # z_g e (V - V_half) = k_B T
GATE_CLOSING = {z_g: 2.0, e: 1.0, k_B: 1.0, T: 1.0, V_half: 0.0, V: -0.25}  # -k_B T / 2
SQUID_TEMPERATURE = sp.Rational("279.45")  # K: 6.3 °C, the temperature of Hodgkin and Huxley's rates
KT_OVER_E_MV = 8.617333262e-2 * 279.45  # mV at 6.3 °C: k_B/e = 86.17333262 μV/K


def sampled_gates(at: Params, rng: np.random.Generator) -> Estimate:
    """The open fraction of 600 000 two-state gates drawn from the Boltzmann distribution knowing only the
    energy of the open state relative to the closed one, -z_g e (V - V_half)."""
    gap = -at[z_g] * at[e] * (at[V] - at[V_half])
    return channels.boltzmann_gates(gap, at[k_B] * at[T], 600_000, rng)


def hodgkin_huxley_steepness(at: Params, rng: np.random.Generator) -> Estimate:
    """4 (k_B T/e) times the steepest slope of Hodgkin and Huxley's n∞(V) = α_n/(α_n + β_n), at 6.3 °C: the
    slope by central differences of step 0.02 and 0.01 mV (Richardson, order 2), maximised over V."""

    def n_infinity(v: float) -> float:
        rates = hodgkin_huxley.gate_rates(v, MODEL)
        return float(rates.alpha_n / (rates.alpha_n + rates.beta_n))

    def steepest(h: float) -> float:
        def slope(v: float) -> float:
            return -(n_infinity(v + h) - n_infinity(v - h)) / (2 * h)

        return -minimize_scalar(slope, bounds=(-90.0, -20.0), method="bounded", options={"xatol": 1e-6}).fun

    fine, coarse = steepest(0.01), steepest(0.02)
    return Estimate.from_refinement(4 * KT_OVER_E_MV * fine, 4 * KT_OVER_E_MV * coarse, 2, order=2)


def _clamp(after: float) -> dict:
    """The K⁺ gate's rates at the step voltage, its open probability at rest, and the time."""
    rest, stepped = hodgkin_huxley.gate_rates(REST, MODEL), hodgkin_huxley.gate_rates(STEP, MODEL)
    at_rest = float(rest.alpha_n / (rest.alpha_n + rest.beta_n))  # the start: the gate at rest
    return {alpha: float(stepped.alpha_n), beta: float(stepped.beta_n), n_0: at_rest, t: after}


def integrated_gate(at: Params, rng: np.random.Generator) -> Estimate:
    """n(t) after the clamp step, from integrating the model's gate equation numerically."""
    clamp = hodgkin_huxley.voltage_clamp(REST, STEP, duration=at[t] + 1.0, params=MODEL, times=[at[t]])
    return clamp.gate("n", 0)


def _sodium_clamp(after: float) -> dict:
    """m(t) and h(t) after the step from the model's gate equations integrated numerically (when the
    check runs), and the time. The check then tests only the channel structure: that the open
    fraction is m³h."""

    def gate(name: str):
        return lambda: hodgkin_huxley.voltage_clamp(REST, STEP, duration=after + 1.0, params=MODEL,
                                                    times=[after]).gate(name, 0).value

    return {m(t): gate("m"), h(t): gate("h"), t: after}


def sodium_channels(at: Params, rng: np.random.Generator) -> Estimate:
    """Fraction of 10⁹ simulated Na⁺ channels with three m gates and the h gate open."""
    rest, stepped = hodgkin_huxley.gate_rates(REST, MODEL), hodgkin_huxley.gate_rates(STEP, MODEL)
    kinds = [channels.GateKind(3, (float(rest.alpha_m), float(rest.beta_m)), (float(stepped.alpha_m), float(stepped.beta_m))),
             channels.GateKind(1, (float(rest.alpha_h), float(rest.beta_h)), (float(stepped.alpha_h), float(stepped.beta_h)))]
    return channels.open_fraction(kinds, times=[at[t]], channels=10**9, rng=rng)[0]


def four_gate_channels(at: Params, rng: np.random.Generator) -> Estimate:
    """Fraction of 10⁸ simulated K⁺ channels with all four gates open; each gate a two-state Markov
    chain, held at rest and then switched to the step's rates."""
    rest = hodgkin_huxley.gate_rates(REST, MODEL)
    kind = channels.GateKind(copies=4, hold=(float(rest.alpha_n), float(rest.beta_n)), step=(at[alpha], at[beta]))
    return channels.open_fraction([kind], times=[at[t]], channels=10**8, rng=rng)[0]



# What a reader needs first besides the handouts quoted below (read by derive.render.view).
READ_AFTER = ("ion-conductance",)  # the conductances whose gates this handout explains
NEEDS = Text("a first-order linear differential equation, and the probability that independent events all happen",
             "一阶线性微分方程，以及几个独立事件同时发生的概率")
SOURCES_ZH = {
    "gates": "门",
    "the voltage sensor and gating charge": "电压感受器与门控电荷",
    "S. K. Aggarwal and R. MacKinnon, Neuron 16, 1169 (1996)": "S. K. Aggarwal 和 R. MacKinnon，Neuron 16, 1169 (1996)",
    "N. E. Schoppa, K. McCormack, M. A. Tanouye and F. J. Sigworth, Science 255, 1712 (1992)":
        "N. E. Schoppa、K. McCormack、M. A. Tanouye 和 F. J. Sigworth，Science 255, 1712 (1992)",
    "F. Bezanilla, Physiol. Rev. 80, 555 (2000)": "F. Bezanilla，Physiol. Rev. 80, 555 (2000)",
    "n⁴, m³h": "n⁴、m³h",
}

derivation = Derivation(
    id="gate-kinetics",
    title=Text("Gates: why the potassium conductance rises with a delay", "门控：为什么钾电导的上升有延迟"),
    question=Text(
        "Why do ion conductances change, and in what form? Why does the K⁺ current switch on late?",
        "离子电导为什么会变化？以什么形式变化？为什么 K⁺ 电流开启得晚？",
    ),
    section="1.1",
    symbols=symbols.freeze(),
    assumptions=(
        Text("Each gate flips between closed and open at rates α and β that depend on the voltage only; "
             "under a voltage clamp they are constant.",
             "每个门以只依赖于电压的速率 α、β 在关闭和开放之间切换；电压钳制下它们是常数。"),
        Text("A channel conducts only when all its gates are open; gates move independently of each other.",
             "只有所有门都开放时通道才导通；各个门相互独立地运动。"),
    ),
    independent=(independent(G_1, G_2, G_3, G_4), independent(M_1, M_2, M_3, gate_h)),
    sources=(f"{HODGKIN_HUXLEY}, eqs. 6-7 (gates) and 14-16 (n⁴, m³h)",
             "B. Hille, Ion Channels of Excitable Membranes, 3rd ed. (2001), ch. 2",
             "F. Bezanilla, Physiol. Rev. 80, 555 (2000) (the voltage sensor and gating charge)",
             "N. E. Schoppa, K. McCormack, M. A. Tanouye and F. J. Sigworth, Science 255, 1712 (1992)",
             "S. K. Aggarwal and R. MacKinnon, Neuron 16, 1169 (1996)",
             "The source article, 高中生也能看懂的的神经科学数学基础 (“Neuroscience maths a high-school student can follow”), §1 and §1.1 (2024)"),
    steps=(
        cite("two-state-gate", Eq(sp.Derivative(n(t), t), alpha * (1 - n(t)) - beta * n(t)), HODGKIN_HUXLEY,
             "Closed gates open at rate α, open ones close at rate β: the open fraction n changes by the "
             "difference.", "关闭的门以速率 α 打开，开放的门以速率 β 关闭：开放比例 n 的变化等于两者之差。"),
        define("steady-state", Eq(n_inf, alpha / (alpha + beta)),
               "Where opening and closing balance.", "开放与关闭相平衡之处。"),
        define("time-constant", Eq(tau_n, 1 / (alpha + beta)), "How fast the balance is reached.",
               "达到平衡的快慢。"),
        step("clamp-solution", Eq(n(t), n_inf + (n_0 - n_inf) * sp.exp(-t / tau_n)),
             by.solving_ode("two-state-gate", n(t), {n(0): n_0}, using=("steady-state", "time-constant")),
             "After a voltage step one gate relaxes exponentially from n_0 to n_∞ with time constant τ.",
             "电压阶跃之后，单个门从 n_0 指数地趋向 n_∞，时间常数为 τ。"),
        define("potassium-channel", Eq(open_K, G_1 * G_2 * G_3 * G_4),
               "A K⁺ channel conducts when all four of its gates are open.", "K⁺ 通道在四个门都开放时导通。"),
        step("potassium-open-probability", Eq(E(open_K), E(G_1 * G_2 * G_3 * G_4)),
             by.substituting("potassium-channel"),
             "The probability that it conducts is the mean of that product.", "它导通的概率就是这个乘积的期望。"),
        step("independent-gates", Eq(E(G_1 * G_2 * G_3 * G_4), E(G_1) * E(G_2) * E(G_3) * E(G_4)),
             by.independence(G_1, G_2, G_3, G_4),
             "The gates move independently.", "各个门独立运动。"),
        step("each-gate", Eq(E(G_1) * E(G_2) * E(G_3) * E(G_4), n(t) ** 4), by.moments_of(G_1, G_2, G_3, G_4),
             "Each is open with probability n.", "每个门开放的概率都是 n。"),
        step("n-to-the-fourth", Eq(E(open_K), n(t) ** 4),
             by.substituting("potassium-open-probability", "independent-gates", "each-gate"),
             "So a K⁺ channel is open with probability n⁴.", "所以 K⁺ 通道开放的概率是 n⁴。"),
        define("potassium-conductance-open-fraction", Eq(g_K, gbar_K * E(open_K)),
               "Many channels: the conductance is the maximal one times the fraction open.",
               "许多通道时，电导等于最大电导乘以开放比例。"),
        step("potassium-conductance", Eq(g_K, gbar_K * n(t) ** 4),
             by.substituting("n-to-the-fourth", into="potassium-conductance-open-fraction"),
             "The K⁺ conductance is its maximum times n⁴: Hodgkin and Huxley's equation.",
             "K⁺ 电导等于其最大值乘以 n⁴：这就是 Hodgkin-Huxley 的方程。"),
        define("sodium-channel", Eq(open_Na, M_1 * M_2 * M_3 * gate_h),
               "A Na⁺ channel needs three activation gates and its inactivation gate open.",
               "Na⁺ 通道需要三个激活门和一个失活门都开放。"),
        step("sodium-open-probability", Eq(E(open_Na), E(M_1 * M_2 * M_3 * gate_h)), by.substituting("sodium-channel"),
             "Its open probability is the mean of that product,", "它的开放概率是这个乘积的期望，"),
        step("sodium-independent-gates", Eq(E(M_1 * M_2 * M_3 * gate_h), E(M_1) * E(M_2) * E(M_3) * E(gate_h)),
             by.independence(M_1, M_2, M_3, gate_h), "the gates being independent,", "各门独立，"),
        step("sodium-each-gate", Eq(E(M_1) * E(M_2) * E(M_3) * E(gate_h), m(t) ** 3 * h(t)),
             by.moments_of(M_1, M_2, M_3, gate_h), "each open with probability m or h,", "每个门分别以概率 m 或 h 开放，"),
        step("m-cubed-h", Eq(E(open_Na), m(t) ** 3 * h(t)),
             by.substituting("sodium-open-probability", "sodium-independent-gates", "sodium-each-gate"),
             "so a Na⁺ channel is open with probability m³h,", "所以 Na⁺ 通道开放的概率是 m³h，"),
        define("sodium-open-fraction", Eq(g_Na, gbar_Na * E(open_Na)),
               "and the conductance is the maximal one times the fraction open:", "电导等于最大电导乘以开放比例："),
        step("sodium-conductance", Eq(g_Na, gbar_Na * m(t) ** 3 * h(t)),
             by.substituting("m-cubed-h", into="sodium-open-fraction"),
             "the Na⁺ conductance is its maximum times m³h.", "Na⁺ 电导等于其最大值乘以 m³h。"),
        # --- The delay ---------------------------------------------------------------------------------
        step("single-gate-slope", Eq(sp.Derivative(n(t), t).subs(t, 0), (n_inf - n_0) / tau_n),
             by.substituting("clamp-solution"),
             "Right after the step a single gate already moves at full speed, (n_∞ - n_0)/τ.",
             "阶跃刚发生时，单个门已经以全速 (n_∞ - n_0)/τ 变化。"),
        step("four-gate-slope", Eq(sp.Derivative(n(t) ** 4, t).subs(t, 0), 4 * n_0**3 * (n_inf - n_0) / tau_n),
             by.substituting("clamp-solution"),
             "The open probability of the four-gate channel starts at only 4 n_0³ times that speed.",
             "四门通道开放概率的初始变化速度只是单门的 4 n_0³ 倍（n_0 很小时接近于零）。"),
        given("closed-at-the-step", Eq(n_0, 0),
              "Suppose the gates are all closed when the step comes (a hyperpolarised holding voltage).",
              "假设阶跃到来时各门都关闭（保持在超极化电压）。"),
        step("delay", Eq(sp.Derivative(n(t) ** 4, t).subs(t, 0), 0),
             by.substituting("closed-at-the-step", into="four-gate-slope"),
             "Then the open probability of the channel starts with zero slope: "
             "g_K rises along an S-shaped curve, with a delay. From rest (n_0 ≈ 0.32, n_0³ ≈ 0.03) the start "
             "is still slow.",
             "于是通道开放概率的初始斜率为零：g_K 沿 S 形曲线上升，表现为延迟。"
             "从静息态出发（n_0 ≈ 0.32，n_0³ ≈ 0.03），起步仍然很慢。"),
        # --- Why the rates depend on voltage -----------------------------------------------------------
        heading("Why gates depend on voltage: a two-state Boltzmann gate", "门为什么依赖电压：两态玻尔兹曼门",
                step("boltzmann-ratio", Eq(c_out / c_in, sp.exp(-(U_out - U_in) / (k_B * T))),
                     by.earlier_result("nernst-potential", "boltzmann"),
                     "Why should α and β depend on the voltage at all? A gate is part of a protein that carries "
                     "charges; opening moves some of them across the membrane's field. Held long at one voltage, "
                     "a gate is in thermal equilibrium, and the Boltzmann factor of the Nernst handout applies "
                     "to its two states as it did to an ion's two sides:",
                     "α 和 β 为什么会依赖电压？门是带电荷的蛋白质的一部分；门打开时其中一些电荷跨过膜内的电场。"
                     "在某一电压下保持足够久，门处于热平衡，能斯特讲义中的玻尔兹曼因子对门的两个状态同样适用，"
                     "就像它对离子所在的膜两侧适用一样：")),
        step("gate-ratio", Eq(P_o / P_c, sp.exp(-(U_o - U_c) / (k_B * T))),
             by.instance_of("boltzmann-ratio", {c_out: P_o, c_in: P_c, U_out: U_o, U_in: U_c}),
             "the odds of open to closed fall off with the open state's extra energy.",
             "开放与关闭的概率之比随开放态多出的能量指数下降。"),
        define("gating-energy", Eq(U_o, U_c - z_g * e * (V - V_half)),
               "Opening carries a gating charge z_g e outward across the membrane, so depolarisation favours "
               "it: the open state's energy falls by z_g e V, and the protein's own energy difference is "
               "written as z_g e V_½, where V_½ is the voltage at which the two states are equally likely.",
               "门打开时把门控电荷 z_g e 向外运过细胞膜，所以去极化有利于开放：开放态的能量降低 z_g e V；"
               "蛋白质自身的能量差写成 z_g e V_½，其中 V_½ 是两种状态概率相等时的电压。"),
        step("gate-ratio-voltage", Eq(P_o / P_c, sp.exp(z_g * e * (V - V_half) / (k_B * T))),
             by.substituting("gating-energy", into="gate-ratio"),
             "So the odds grow e-fold for every k_B T / z_g e of depolarisation.",
             "于是每去极化 k_B T / z_g e，开放与关闭之比增大 e 倍。"),
        given("open-or-closed", Eq(P_c, 1 - P_o), "A gate is either open or closed.", "门不是开就是关。"),
        step("gate-odds", Eq(P_o / (1 - P_o), sp.exp(z_g * e * (V - V_half) / (k_B * T))),
             by.substituting("open-or-closed", into="gate-ratio-voltage"),
             "Put P_closed = 1 - P_open into the odds,", "把 P_closed = 1 - P_open 代入开关之比，"),
        step("boltzmann-gate", Eq(P_o, 1 / (1 + sp.exp(-z_g * e * (V - V_half) / (k_B * T)))),
             by.solving_for(P_o, "gate-odds"),
             "Solved for the open probability: an S-shaped (logistic) curve in V, the steady state n∞(V) "
             "that the rates must give, α/(α + β) = P_open.",
             "解出开放概率：它是 V 的 S 形（逻辑斯谛）曲线，即速率必须给出的稳态 n∞(V) = α/(α + β) = P_open。"),
        define("open-curve", Eq(n_B(V), 1 / (1 + sp.exp(-z_g * e * (V - V_half) / (k_B * T)))),
               "Write it as a function of V,", "把它写成 V 的函数，"),
        step("steepest-slope", Eq(sp.Subs(sp.Derivative(n_B(V), V), V, V_half), z_g * e / (4 * k_B * T)),
             by.substituting("open-curve"),
             "whose slope is steepest at V_½: z_g e/(4k_B T). The more charge a gate moves, the steeper its "
             "switch; measuring the steepness measures the gating charge.",
             "它在 V_½ 处斜率最大：z_g e/(4k_B T)。门移动的电荷越多，开关越陡；测量陡度就是测量门控电荷。"),
        measured("hh-steepness", Eq(z_eq, sp.Rational("1.54")), "hh-steepness",
                 "Hodgkin and Huxley's n∞ = α_n/(α_n + β_n), fitted to measurements, is not exactly this curve, "
                 "but at its steepest (near −59 mV) it is as steep as a Boltzmann gate with z_g = z_eq = 1.54 at "
                 "6.3 °C: each of the four K⁺ gates moves about one and a half elementary charges, some six per "
                 "channel. (Gating currents measured on the cloned Shaker K⁺ channel give about 12–14 elementary charges per "
                 "channel (Schoppa et al. 1992; Aggarwal and MacKinnon 1996): a real channel is not four "
                 "independent two-state gates.)",
                 "Hodgkin 和 Huxley 按实验数据拟合的 n∞ = α_n/(α_n + β_n) 并不完全是这条曲线，但在最陡处"
                 "（约 −59 mV）它与 6.3 °C 下 z_g = z_eq = 1.54 的玻尔兹曼门一样陡：四个 K⁺ 门每个移动约一个半元电荷，"
                 "每个通道约六个。（在克隆的 Shaker K⁺ 通道上测得的门控电流给出每个通道约 12～14 个元电荷（Schoppa 等 "
                 "1992；Aggarwal 和 MacKinnon 1996）：真实的通道并不是四个独立的两态门。）"),
        # --- Exercises -------------------------------------------------------------------------------
        *exercise("ex-e-fold",
                  "By how many millivolts must the membrane depolarise to raise a gate's odds P_open/P_closed "
                  "e-fold, if the gate carries z_g = 4 charges, at 6.3 °C?",
                  "若门携带 z_g = 4 个电荷，6.3 °C 时膜要去极化多少毫伏才能使门的 P_open/P_closed 增大 e 倍？",
                  define("ex-e-fold-voltage", Eq(dV_e, k_B * T / (z_g * e)),
                         "From the odds exp(z_g e (V - V_½)/k_B T), an e-fold change needs k_B T / z_g e,",
                         "由开关之比 exp(z_g e (V - V_½)/k_B T)，变化 e 倍需要 k_B T / z_g e，"),
                  step("ex-e-fold-value", Eq(dV_e, sp.Rational("6.0") * millivolt),
                       by.evaluating_at("ex-e-fold-voltage", {k_B: BOLTZMANN, T: SQUID_TEMPERATURE * kelvin,
                                                              z_g: 4, e: ELEMENTARY}, digits=2),
                       "that is,", "即"),
                  answer=Text("6.0 mV: a handful of charges makes a gate a sharp switch.",
                              "6.0 mV：几个电荷就能让门成为灵敏的开关。")),
        *exercise("ex-slope-ratio",
                  "From rest (n_0 = 0.32), how much more slowly does the open probability of a four-gate K⁺ "
                  "channel start to rise than that of a single gate?",
                  "从静息态（n_0 = 0.32）出发，四门 K⁺ 通道开放概率开始上升的速度是单个门的几分之几？",
                  define("ex-ratio", Eq(slope_ratio, sp.Derivative(n(t) ** 4, t).subs(t, 0)
                                        / sp.Derivative(n(t), t).subs(t, 0)),
                         "The ratio of the two initial slopes,", "两个初始斜率之比，"),
                  step("ex-ratio-value", Eq(slope_ratio, 4 * n_0**3),
                       by.substituting("four-gate-slope", "single-gate-slope", into="ex-ratio"), "is 4 n_0³,",
                       "为 4 n_0³，"),
                  step("ex-ratio-number", Eq(slope_ratio, sp.Rational("0.13")),
                       by.evaluating_at("ex-ratio-value", {n_0: sp.Rational("0.32")}, digits=2),
                       "here", "这里为"),
                  answer=Text("0.13: the channel starts almost eight times more slowly than one gate.",
                              "0.13：通道起步的速度只有单个门的约 1/8。")),
        *exercise("ex-gate-value",
                  "A gate with z_g = 2 at 10 mV above its V_½, at 6.3 °C: what fraction of the time is it open?",
                  "z_g = 2 的门在比 V_½ 高 10 mV 的电压下（6.3 °C），有多大比例的时间是开放的？",
                  step("ex-gate-value-number", Eq(P_o, sp.Rational("0.70")),
                       by.evaluating_at("boltzmann-gate", {z_g: 2, e: ELEMENTARY, V: -50 * millivolt,
                                                           V_half: -60 * millivolt, k_B: BOLTZMANN,
                                                           T: SQUID_TEMPERATURE * kelvin}, digits=2),
                       "Put z_g e (V - V_½) = 2 e × 10 mV into the Boltzmann gate.",
                       "把 z_g e (V - V_½) = 2 e × 10 mV 代入玻尔兹曼门。"),
                  answer=Text("0.70 (70 % of the time).", "0.70（70 % 的时间）。")),
    ),
    checks=(
        simulated("clamp-solution", "clamp-solution", integrated_gate, _clamp(2.0),
                  "n(t) 2 ms after a step from -65 to 0 mV, from integrating the gate equation numerically "
                  "(Hodgkin-Huxley rates).",
                  "从 -65 mV 阶跃到 0 mV 后 2 ms 的 n(t)，由数值积分门方程得到（Hodgkin-Huxley 速率）。"),
        *(
            simulated(f"four-gates-at-{after:g}ms", "n-to-the-fourth", four_gate_channels, _clamp(after),
                      f"Fraction of stochastic K⁺ channels (four two-state Markov gates each) that are open "
                      f"{after:g} ms after the step.",
                      f"阶跃后 {after:g} ms 时随机 K⁺ 通道（每个含四个两态马尔可夫门）开放的比例。")
            for after in (0.5, 1.0, 3.0)
        ),
        *(
            simulated(f"sodium-channels-at-{after:g}ms", "m-cubed-h", sodium_channels, _sodium_clamp(after),
                      f"Fraction of stochastic Na⁺ channels (three m gates and one h gate) open {after:g} ms after "
                      "the step, against m³h with m and h from the integrated gate equations.",
                      f"阶跃后 {after:g} ms 时随机 Na⁺ 通道（三个 m 门、一个 h 门）开放的比例，与由数值积分门方程"
                      "得到的 m、h 所算出的 m³h 比较。")
            for after in (0.3, 1.0)
        ),
        simulated("boltzmann-gate-opening", "boltzmann-gate", sampled_gates, GATE_OPENING,
                  "Open fraction of 600 000 two-state gates drawn from the Boltzmann distribution by rejection, "
                  "knowing only the energies of the two states, at z_g e (V - V_½) = k_B T.",
                  "用舍选法从玻尔兹曼分布抽取 600 000 个两态门（只知道两种状态的能量），z_g e (V - V_½) = k_B T "
                  "时开放的比例。"),
        simulated("boltzmann-gate-closing", "boltzmann-gate", sampled_gates, GATE_CLOSING,
                  "The same at z_g e (V - V_½) = -k_B T/2.", "z_g e (V - V_½) = -k_B T/2 时同理。"),
        simulated("hh-steepness", "hh-steepness", hodgkin_huxley_steepness, {}, digits=3,
                  en="4 k_B T/e times the steepest slope of Hodgkin and Huxley's n∞(V), by central differences "
                     "at two step sizes, maximised over V (6.3 °C).",
                  zh="Hodgkin-Huxley 的 n∞(V) 最大斜率乘以 4 k_B T/e：用两种步长的中心差分计算并对 V 求最大（6.3 °C）。"),
    ),
    figures=FIGURES,
    module=__name__,
    key_ideas=(
        Text("Each gate flips between closed and open at rates α and β; after a voltage step it relaxes "
             "exponentially to n∞ = α/(α + β) with the time constant τ = 1/(α + β).",
             "每个门以速率 α、β 在关闭与开放之间切换；电压阶跃后它以时间常数 τ = 1/(α + β) 指数地趋向 n∞ = α/(α + β)。"),
        Text("A channel that needs several independent gates open is open with the product of their "
             "probabilities: n⁴ for K⁺, m³h for Na⁺.",
             "需要几个独立的门同时开放的通道，其开放概率是各门概率之积：K⁺ 为 n⁴，Na⁺ 为 m³h。"),
        Text("n⁴ starts rising with a slope of only 4 n_0³ times a single gate's: the K⁺ conductance switches "
             "on with a delay.", "n⁴ 的初始斜率只是单个门的 4 n_0³ 倍（n_0 很小时接近于零）：K⁺ 电导的开启因此有延迟。"),
        Text("Gates depend on voltage because opening moves charge through the membrane's field: by the "
             "Boltzmann factor, n∞(V) = 1/(1 + exp(-z_g e (V - V_½)/k_B T)), steeper the more charge moves; "
             "Hodgkin and Huxley's n∞ is as steep as z_g ≈ 1.5 per gate.",
             "门依赖电压，是因为门打开时电荷穿过膜内电场：由玻尔兹曼因子，n∞(V) = 1/(1 + exp(-z_g e (V - V_½)/k_B T))，"
             "移动的电荷越多曲线越陡；Hodgkin-Huxley 的 n∞ 相当于每个门 z_g ≈ 1.5。"),
    ),
)
