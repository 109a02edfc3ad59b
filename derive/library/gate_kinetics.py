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
from sympy.physics.units import current, length, time, voltage

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

# A voltage-clamp step from rest (-65 mV) to 0 mV at 6.3 °C, with the Hodgkin-Huxley model's rates.
REST, STEP = -65.0, 0.0
MODEL = hodgkin_huxley.HHParams()


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
             "The seed article, 高中生也能看懂的的神经科学数学基础, §1 and §1.1 (2024)"),
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
             "g_K = ḡ_K n⁴, Hodgkin and Huxley's equation.", "g_K = ḡ_K n⁴，即 Hodgkin-Huxley 的方程。"),
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
             "g_Na = ḡ_Na m³h.", "g_Na = ḡ_Na m³h。"),
        # --- The delay ---------------------------------------------------------------------------------
        step("single-gate-slope", Eq(sp.Derivative(n(t), t).subs(t, 0), (n_inf - n_0) / tau_n),
             by.substituting("clamp-solution"),
             "Right after the step a single gate already moves at full speed, (n_∞ - n_0)/τ.",
             "阶跃刚发生时，单个门已经以全速 (n_∞ - n_0)/τ 变化。"),
        step("four-gate-slope", Eq(sp.Derivative(n(t) ** 4, t).subs(t, 0), 4 * n_0**3 * (n_inf - n_0) / tau_n),
             by.substituting("clamp-solution"),
             "The open probability of the four-gate channel starts at only 4 n_0³ times that speed.",
             "四门通道开放概率的初始变化速度只有单门的 4 n_0³ 倍。"),
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
    ),
    figures=FIGURES,
    module=__name__,
)
