"""Ion conductance: currents as g (V - E), the resting potential as a weighted mean, the membrane as an RC circuit.

Answers the questions of the seed article's section 1.1: why does the membrane potential
change, and what sets an ion conductance? Near its Nernst potential, the GHK current of an
ion is linear in the voltage: I = g (V - E), with a conductance g proportional to the
permeability. Several such currents in parallel set the resting potential to the
conductance-weighted mean of the Nernst potentials; with the membrane capacitance they make
an RC circuit that relaxes exponentially with the time constant C / g.

Sources: A. L. Hodgkin and A. F. Huxley, J. Physiol. 117, 500 (1952) (the equivalent circuit);
B. Hille, Ion Channels of Excitable Membranes, 3rd ed. (2001), ch. 1 and 14; P. Dayan and
L. F. Abbott, Theoretical Neuroscience (2001), §5.2.
"""

from __future__ import annotations

import numpy as np
import sympy as sp
from sympy.physics.units import (
    amount_of_substance,
    capacitance,
    charge,
    current,
    energy,
    length,
    temperature,
    time,
    voltage,
)

from derive import (
    Derivation,
    Eq,
    Estimate,
    Params,
    SymbolTable,
    Text,
    by,
    cite,
    define,
    given,
    simulated,
    step,
)
from derive.figures.ion_conductance import FIGURES
from derive.sim import rc_membrane

HODGKIN_HUXLEY = "A. L. Hodgkin and A. F. Huxley, J. Physiol. 117, 500 (1952), Fig. 1"
concentration = amount_of_substance / length**3
area = length**2
conductance_density = current / (voltage * area)

symbols = SymbolTable()
V = symbols.add("V", voltage, "membrane potential", "膜电位", real=True)
E = symbols.add("E", voltage, "Nernst (reversal) potential of the ion", "该离子的能斯特（反转）电位", real=True)
eps = symbols.add("epsilon", voltage, "small departure of V from E", "V 偏离 E 的小量", real=True)
k_B = symbols.add("k_B", energy / temperature, "Boltzmann's constant", "玻尔兹曼常数", positive=True)
T = symbols.add("T", temperature, "absolute temperature", "绝对温度", positive=True)
e = symbols.add("e", charge, "elementary charge", "元电荷", positive=True)
F = symbols.add("F", charge / amount_of_substance, "Faraday's constant", "法拉第常数", positive=True)
z = symbols.add("z", 1, "valence of the ion", "离子的价数", integer=True, nonzero=True)
P = symbols.add("P", length / time, "permeability of the membrane to the ion", "膜对该离子的通透率", positive=True)
c_in = symbols.add("c_in", concentration, "concentration inside", "细胞内浓度", positive=True, latex=r"c_{\mathrm{in}}")
c_out = symbols.add("c_out", concentration, "concentration outside", "细胞外浓度", positive=True,
                    latex=r"c_{\mathrm{out}}")
I = symbols.add("I", current / area, "current density of the ion, outward", "该离子的电流密度（向外为正）", real=True)
g = symbols.add("g", conductance_density, "slope conductance of the membrane to the ion at E, per area",
                "膜对该离子在 E 处的斜率电导（单位面积）", positive=True)
g_chord = symbols.add("g_chord", conductance_density, "chord conductance at V, per area", "V 处的弦电导（单位面积）",
                      real=True, latex=r"g_{\mathrm{chord}}")
t = symbols.add("t", time, "time", "时间", nonnegative=True)
V_t = symbols.function("V_m", voltage, "membrane potential at time t", "t 时刻的膜电位")
C = symbols.add("C", capacitance / area, "membrane capacitance per area", "单位面积的膜电容", positive=True)
I_ext = symbols.add("I_ext", current / area, "current injected into the cell, per area", "注入细胞的电流（单位面积）",
                    real=True, latex=r"I_{\mathrm{ext}}")
V_0 = symbols.add("V_0", voltage, "membrane potential at t = 0", "t = 0 时的膜电位", real=True)
V_inf = symbols.add("V_inf", voltage, "potential the membrane settles at", "膜最终稳定的电位", real=True,
                    latex=r"V_{\infty}")
V_rest = symbols.add("V_rest", voltage, "resting potential", "静息电位", real=True, latex=r"V_{\mathrm{rest}}")
tau = symbols.add("tau", time, "membrane time constant", "膜时间常数", positive=True)
conductances = {}
for ion, en, zh in (("K", "K⁺", "K⁺"), ("Na", "Na⁺", "Na⁺"), ("L", "leak (mostly Cl⁻)", "漏电流（主要是 Cl⁻）")):
    conductances[f"g_{ion}"] = symbols.add(f"g_{ion}", conductance_density, f"conductance to {en}",
                                           f"对 {zh} 的电导", positive=True, latex=rf"g_{{\mathrm{{{ion}}}}}")
    conductances[f"E_{ion}"] = symbols.add(f"E_{ion}", voltage, f"reversal potential of {en}",
                                           f"{zh} 的反转电位", real=True, latex=rf"E_{{\mathrm{{{ion}}}}}")
g_K, g_Na, g_L = (conductances[k] for k in ("g_K", "g_Na", "g_L"))
E_K, E_Na, E_L = (conductances[k] for k in ("E_K", "E_Na", "E_L"))

total = g_K + g_Na + g_L
weighted = g_K * E_K + g_Na * E_Na + g_L * E_L
slope_conductance = P * z**3 * F * e**2 * E * c_in / ((k_B * T) ** 2 * (1 - sp.exp(-z * e * E / (k_B * T))))

# A membrane patch in units of mV, ms, mS/cm² and μF/cm² (squid-like leak values).
PATCH = {C: 1.0, g_K: 0.36, g_Na: 0.012, g_L: 0.3, E_K: -77.0, E_Na: 50.0, E_L: -54.4, I_ext: 2.0, V_0: -65.0}


def integrated_voltage(at: Params, rng: np.random.Generator) -> Estimate:
    """V at time t from integrating C dV/dt = -Σ g_i (V - E_i) + I numerically (two tolerances)."""
    return rc_membrane.voltage_at(
        time=at[t], capacitance=at[C], conductances=[at[g_K], at[g_Na], at[g_L]],
        reversal_potentials=[at[E_K], at[E_Na], at[E_L]], initial=at[V_0], current=at[I_ext],
    )



# What a reader needs beyond the handouts quoted below (read by derive.render.view).
NEEDS = Text("Taylor series to first order, and a first-order linear differential equation",
             "一阶泰勒展开，以及一阶线性微分方程")
SOURCES_ZH = {
    "the equivalent circuit": "等效电路",
    "A. L. Hodgkin and A. F. Huxley, J. Physiol. 117, 500 (1952), Fig. 1":
        "A. L. Hodgkin 和 A. F. Huxley，J. Physiol. 117, 500 (1952)，图 1",
}

derivation = Derivation(
    id="ion-conductance",
    title=Text("Ion conductance and the membrane as an RC circuit", "离子电导与作为 RC 电路的细胞膜"),
    question=Text(
        "Why does the membrane potential change? What sets an ion conductance, and how quickly does the "
        "voltage follow a current?",
        "膜电位为什么会改变？离子电导由什么决定？电压跟随电流变化有多快？",
    ),
    section="1.1",
    symbols=symbols.freeze(),
    assumptions=(
        Text("Each ion's current is given by the GHK current equation, or near its reversal potential by "
             "its linearisation.", "每种离子的电流由 GHK 电流方程给出，在其反转电位附近则由其线性化给出。"),
        Text("The membrane is a capacitor in parallel with the ion conductances (Hodgkin and Huxley's "
             "equivalent circuit); the conductances are constant here (no gating).",
             "细胞膜是一个电容，与各离子电导并联（Hodgkin-Huxley 等效电路）；这里电导为常数（没有门控）。"),
    ),
    sources=(f"{HODGKIN_HUXLEY} (the equivalent circuit)",
             "B. Hille, Ion Channels of Excitable Membranes, 3rd ed. (2001), ch. 1 and 14",
             "P. Dayan and L. F. Abbott, Theoretical Neuroscience (2001), §5.2",
             "The seed article, 高中生也能看懂的的神经科学数学基础, §1 and §1.1 (2024)"),
    steps=(
        # --- From the GHK current to a conductance ---------------------------------------------------
        step("ghk-current",
             Eq(I, P * z**2 * F * e * V / (k_B * T) * (c_in - c_out * sp.exp(-z * e * V / (k_B * T)))
                   / (1 - sp.exp(-z * e * V / (k_B * T)))),
             by.earlier_result("goldman-hodgkin-katz", "ghk-current-volts"),
             "The GHK current of one ion (previous handout).", "单一离子的 GHK 电流（上一讲）。"),
        step("boltzmann-ratio", Eq(c_out / c_in, sp.exp(z * e * V / (k_B * T))),
             by.earlier_result("nernst-potential", "ratio"),
             "At its Nernst potential, an ion's concentrations have the Boltzmann ratio.",
             "在能斯特电位处，离子浓度满足玻尔兹曼比。"),
        step("at-reversal", Eq(c_out / c_in, sp.exp(z * e * E / (k_B * T))),
             by.instance_of("boltzmann-ratio", {V: E}),
             "Call that potential E.", "把这个电位记作 E。"),
        step("outside-from-E", Eq(c_out, c_in * sp.exp(z * e * E / (k_B * T))), by.solving_for(c_out, "at-reversal"),
             "So c_out can be written with E.", "于是 c_out 可以用 E 表示。"),
        step("current-from-E",
             Eq(I, P * z**2 * F * e * V * c_in / (k_B * T) * (1 - sp.exp(z * e * (E - V) / (k_B * T)))
                   / (1 - sp.exp(-z * e * V / (k_B * T)))),
             by.substituting("outside-from-E", into="ghk-current"),
             "The current vanishes at V = E, as it should.", "电流在 V = E 处为零，理应如此。"),
        define("near-reversal", Eq(V, E + eps), "Look at voltages close to E.", "考察接近 E 的电压。"),
        step("current-near-E",
             Eq(I, P * z**2 * F * e * (E + eps) * c_in / (k_B * T) * (1 - sp.exp(-z * e * eps / (k_B * T)))
                   / (1 - sp.exp(-z * e * (E + eps) / (k_B * T)))),
             by.substituting("near-reversal", into="current-from-E"),
             "Put V = E + ε.", "令 V = E + ε。"),
        step("linearised", Eq(I, slope_conductance * eps), by.series("current-near-E", eps, order=1),
             "To first order in ε the current is proportional to V - E: an ohmic current I = g (V - E), whose "
             "conductance g is proportional to the permeability P.",
             "到 ε 的一阶，电流与 V - E 成正比：这就是欧姆电流 I = g (V - E)，电导 g 与通透率 P 成正比。"),
        define("slope-conductance", Eq(g, slope_conductance),
               "The slope conductance at E.", "E 处的斜率电导。"),
        step("ohmic", Eq(I, g * (V - E)), by.substituting("linearised", "slope-conductance", "near-reversal"),
             "So near E: I = g (V - E). The membrane potential changes when the conductances change, because "
             "each conductance pulls V towards its own E.",
             "所以在 E 附近 I = g (V - E)。电导改变时膜电位随之改变，因为每个电导都把 V 拉向它自己的 E。"),
        define("chord-conductance", Eq(g_chord, I / (V - E)),
               "Away from E, the chord conductance is the current over the driving force V - E.",
               "远离 E 时，弦电导等于电流除以驱动力 V - E。"),
        # --- Several conductances in parallel, and the capacitor -----------------------------------------
        cite("membrane", Eq(C * sp.Derivative(V_t(t), t),
                                -g_K * (V_t(t) - E_K) - g_Na * (V_t(t) - E_Na) - g_L * (V_t(t) - E_L) + I_ext),
             HODGKIN_HUXLEY,
             "Charge conservation: the injected current either charges the membrane capacitor or flows out "
             "through the ion conductances.",
             "电荷守恒：注入的电流要么给膜电容充电，要么经由离子电导流出。"),
        define("settling-potential", Eq(V_inf, (weighted + I_ext) / total),
               "Name the conductance-weighted mean of the reversal potentials, shifted by the injected current.",
               "把各反转电位按电导加权的平均值（再加上注入电流引起的偏移）记作 V_∞。"),
        step("stationary", Eq(g_K * (V_inf - E_K) + g_Na * (V_inf - E_Na) + g_L * (V_inf - E_L), I_ext),
             by.substituting("settling-potential"),
             "At V_∞ the currents out balance the current in: dV/dt = 0.", "在 V_∞ 处流出的电流与注入的电流平衡：dV/dt = 0。"),
        given("at-rest", Eq(g_K * (V_rest - E_K) + g_Na * (V_rest - E_Na) + g_L * (V_rest - E_L), 0),
              "At rest, with no injected current, V does not change: the three ionic currents cancel.",
              "静息时没有注入电流，V 不变：三种离子电流相互抵消。"),
        step("resting-potential", Eq(V_rest, weighted / total), by.solving_for(V_rest, "at-rest"),
             "Without injected current: the resting potential is the conductance-weighted mean of the "
             "reversal potentials. A large g_K pulls it towards E_K.",
             "没有注入电流时，静息电位是各反转电位按电导加权的平均值。较大的 g_K 把它拉向 E_K。"),
        define("time-constant", Eq(tau, C / total), "The membrane time constant τ = C / Σ g.",
               "膜时间常数 τ = C / Σ g。"),
        step("rc-solution", Eq(V_t(t), V_inf + (V_0 - V_inf) * sp.exp(-t / tau)),
             by.solving_ode("membrane", V_t(t), {V_t(0): V_0}, using=("settling-potential", "time-constant")),
             "After a step of current the voltage relaxes exponentially to V_∞ with time constant τ: "
             "the membrane is an RC circuit.",
             "电流阶跃之后，电压以时间常数 τ 指数地趋向 V_∞：细胞膜就是一个 RC 电路。"),
    ),
    checks=(
        *(
            simulated(f"rc-at-{when:g}ms", "rc-solution", integrated_voltage, {**PATCH, t: when},
                      f"V at t = {when:g} ms from integrating the membrane equation numerically (a squid-like patch: "
                      "mV, ms, mS/cm², μF/cm²).",
                      f"数值积分膜方程得到的 t = {when:g} ms 时的 V（类乌贼膜片：mV、ms、mS/cm²、μF/cm²）。")
            for when in (0.5, 1.5, 4.0)
        ),
    ),
    figures=FIGURES,
    module=__name__,
)
