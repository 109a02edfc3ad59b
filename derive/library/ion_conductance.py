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
    ampere,
    capacitance,
    centimeter,
    charge,
    coulomb,
    current,
    energy,
    farad,
    length,
    micrometer,
    millisecond,
    ohm,
    second,
    siemens,
    temperature,
    time,
    voltage,
)
from sympy.physics.units.quantities import Quantity
from sympy.physics.units.systems.si import SI

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
    exercise,
    given,
    heading,
    simulated,
    step,
)
from derive.library.nernst_potential import AVOGADRO, ELEMENTARY, FARADAY, millimolar, millivolt
from derive.figures.ion_conductance import FIGURES
from derive.sim import rc_membrane

HODGKIN_HUXLEY = "A. L. Hodgkin and A. F. Huxley, J. Physiol. 117, 500 (1952), Fig. 1"
CAPACITOR = "the definition of capacitance, Q = C V (e.g. E. M. Purcell, Electricity and Magnetism, §3.4)"


def _unit(name: str, abbrev: str, dimension: sp.Expr, scale: sp.Expr) -> Quantity:
    """A unit of the SI with its own name (mS/cm²), so values print as physiologists quote them."""
    unit = Quantity(name, abbrev=abbrev)
    SI.set_quantity_dimension(unit, dimension)
    SI.set_quantity_scale_factor(unit, scale)
    return unit


# Units per square centimetre of membrane, as physiologists quote them.
mS_cm2 = _unit("mS_per_cm2", "mS/cm²", current / (voltage * length**2), sp.Rational(1, 1000) * siemens / centimeter**2)
uA_cm2 = _unit("uA_per_cm2", "μA/cm²", current / length**2, sp.Rational(1, 10**6) * ampere / centimeter**2)
uF_cm2 = _unit("uF_per_cm2", "μF/cm²", capacitance / length**2, sp.Rational(1, 10**6) * farad / centimeter**2)
uC_cm2 = _unit("uC_per_cm2", "μC/cm²", charge / length**2, sp.Rational(1, 10**6) * coulomb / centimeter**2)
kohm_cm2 = _unit("kohm_cm2", "kΩ cm²", voltage * length**2 / current, 1000 * ohm * centimeter**2)
per_cm2 = _unit("per_cm2", "cm⁻²", 1 / length**2, 1 / centimeter**2)
uM_per_s = _unit("uM_per_s", "μM/s", amount_of_substance / (length**3 * time), millimolar / (1000 * second))
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
                                           f"对{zh}的电导" if ion == "L" else f"对 {zh} 的电导", positive=True, latex=rf"g_{{\mathrm{{{ion}}}}}")
    conductances[f"E_{ion}"] = symbols.add(f"E_{ion}", voltage, f"reversal potential of {en}",
                                           f"{zh} 的反转电位", real=True, latex=rf"E_{{\mathrm{{{ion}}}}}")
g_rest = symbols.add("g_rest", conductance_density, "total conductance of the membrane at rest, per area",
                     "静息时膜的总电导（单位面积）", positive=True, latex=r"g_{\mathrm{rest}}")
I_Na_rest = symbols.add("I_Na_rest", current / area, "Na⁺ current through the channels at rest, outward",
                        "静息时流过通道的 Na⁺ 电流（向外为正）", real=True, latex=r"I_{\mathrm{Na,rest}}")
I_pump = symbols.add("I_pump", current / area, "current the Na⁺/K⁺ pump carries outward, per area",
                     "Na⁺/K⁺ 泵向外携带的电流（单位面积）", real=True, latex=r"I_{\mathrm{pump}}")
a = symbols.add("a", length, "radius of the axon", "轴突的半径", positive=True)
rise_Na = symbols.add("rise_Na", concentration / time, "rate at which Na⁺ accumulates inside, pump stopped",
                      "泵停止后细胞内 Na⁺ 的积累速率", real=True,
                      latex=r"\frac{\mathrm{d}[\mathrm{Na}]_{\mathrm{in}}}{\mathrm{d}t}")
t_run = symbols.add("t_run", time, "time for the inside Na⁺ to rise by a given amount", "细胞内 Na⁺ 升高给定量所需的时间",
                    positive=True, latex=r"t_{\mathrm{run}}")
dc_Na = symbols.add("dc_Na", concentration, "rise of the inside Na⁺ concentration", "细胞内 Na⁺ 浓度的升高量",
                    positive=True, latex=r"\Delta c_{\mathrm{Na}}")
R_m = symbols.add("R_m", voltage * area / current, "resistance of unit area of the resting membrane",
                  "单位面积静息膜的电阻", positive=True, latex=r"R_{\mathrm{m}}")
Q = symbols.add("Q", charge / area, "charge on the membrane capacitor, per area", "膜电容上的电荷（单位面积）", real=True)
dV = symbols.add("dV", voltage, "change of the membrane potential", "膜电位的变化量", real=True, latex=r"\Delta V")
N_ions = symbols.add("N_ions", 1 / area, "number of monovalent ions carrying that charge, per area",
                     "携带这些电荷的一价离子数（单位面积）", real=True, latex=r"N_{\mathrm{ions}}")
N_A = symbols.add("N_A", 1 / amount_of_substance, "Avogadro's constant", "阿伏伽德罗常数", positive=True)
c_K = symbols.add("c_K", concentration, "K⁺ concentration inside the axon", "轴突内的 K⁺ 浓度", positive=True,
                  latex=r"c_{\mathrm{K}}")
share = symbols.add("share", 1, "those ions as a fraction of the K⁺ inside, per area of membrane",
                    "这些离子占（每单位膜面积下）细胞内 K⁺ 的比例", real=True, latex=r"f_{\mathrm{K}}")
g_K, g_Na, g_L = (conductances[k] for k in ("g_K", "g_Na", "g_L"))
E_K, E_Na, E_L = (conductances[k] for k in ("E_K", "E_Na", "E_L"))

total = g_K + g_Na + g_L
weighted = g_K * E_K + g_Na * E_Na + g_L * E_L
slope_conductance = P * z**3 * F * e**2 * E * c_in / ((k_B * T) ** 2 * (1 - sp.exp(-z * e * E / (k_B * T))))

# A membrane patch in units of mV, ms, mS/cm² and μF/cm² (squid-like leak values).
PATCH = {C: 1.0, g_K: 0.36, g_Na: 0.012, g_L: 0.3, E_K: -77.0, E_Na: 50.0, E_L: -54.4, I_ext: 2.0, V_0: -65.0}


# The same patch with units: the Hodgkin-Huxley model's resting conductances (36 n⁴, 120 m³h and the leak at
# -65 mV, 6.3 °C), rounded as in PATCH.
SQUID_REST = {C: 1 * uF_cm2, g_K: sp.Rational("0.36") * mS_cm2, g_Na: sp.Rational("0.012") * mS_cm2,
              g_L: sp.Rational("0.3") * mS_cm2, E_K: -77 * millivolt, E_Na: 50 * millivolt,
              E_L: sp.Rational("-54.4") * millivolt}
SQUID_AXON = {**SQUID_REST, F: FARADAY, a: 238 * micrometer}  # Hodgkin and Huxley's axon radius
# For the run-down simulation: mV, ms, mS/cm², μF/cm², cm, C/mol; Na⁺ outside 440 mM at 6.3 °C.
RUN_DOWN = {**PATCH, F: 96485.33212, a: 0.0238}
SODIUM_OUTSIDE = 440.0  # mM
KT_OVER_E = 8.617333262e-2 * 279.45  # mV at 6.3 °C


def pump_stopped(at: Params, rng: np.random.Generator) -> Estimate:
    """The initial rate of rise of the inside Na⁺ (mM/s) of a squid axon whose pump has stopped: the
    membrane equation and the Na⁺ balance integrated together, E_Na following the concentration."""
    return rc_membrane.sodium_run_down(
        at[C], [at[g_K], at[g_Na], at[g_L]], [at[E_K], at[E_Na], at[E_L]], radius=at[a], faraday=at[F],
        kT_over_e=KT_OVER_E, sodium_outside=SODIUM_OUTSIDE)


def integrated_voltage(at: Params, rng: np.random.Generator) -> Estimate:
    """V at time t from integrating C dV/dt = -Σ g_i (V - E_i) + I numerically (two tolerances)."""
    return rc_membrane.voltage_at(
        time=at[t], capacitance=at[C], conductances=[at[g_K], at[g_Na], at[g_L]],
        reversal_potentials=[at[E_K], at[E_Na], at[E_L]], initial=at[V_0], current=at[I_ext],
    )



# What a reader needs beyond the handouts quoted below (read by derive.render.view).
READ_AFTER = ("nernst-potential", "goldman-hodgkin-katz")  # the reversal potentials and the GHK current
NEEDS = Text("Taylor series to first order, and a first-order linear differential equation",
             "一阶泰勒展开，以及一阶线性微分方程")
SOURCES_ZH = {
    "the equivalent circuit": "等效电路",
    "the definition of capacitance, Q = C V (e.g. E. M. Purcell, Electricity and Magnetism, §3.4)":
        "电容的定义 Q = C V（例如 E. M. Purcell，《电磁学》（伯克利物理学教程第 2 卷），§3.4）",
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
             "The source article, 高中生也能看懂的的神经科学数学基础 (“Neuroscience maths a high-school student can follow”), §1 and §1.1 (2024)"),
    steps=(
        # --- From the GHK current to a conductance ---------------------------------------------------
        heading("From the GHK current to a conductance", "从 GHK 电流到电导", step("ghk-current",
             Eq(I, P * z**2 * F * e * V / (k_B * T) * (c_in - c_out * sp.exp(-z * e * V / (k_B * T)))
                   / (1 - sp.exp(-z * e * V / (k_B * T)))),
             by.earlier_result("goldman-hodgkin-katz", "ghk-current-volts"),
             "The GHK current of one ion (previous handout).", "单一离子的 GHK 电流（上一讲）。")),
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
        heading("The membrane as an electric circuit", "作为电路的细胞膜", cite("membrane", Eq(C * sp.Derivative(V_t(t), t),
                                -g_K * (V_t(t) - E_K) - g_Na * (V_t(t) - E_Na) - g_L * (V_t(t) - E_L) + I_ext),
             HODGKIN_HUXLEY,
             "Charge conservation in the equivalent circuit (figure): the injected current either charges the "
             "membrane capacitor or flows out through the ion conductances, each a conductance in series "
             "with its battery E.",
             "等效电路（见图）中的电荷守恒：注入的电流要么给膜电容充电，要么经由各离子电导流出；"
             "每个电导都与它自己的电池 E 串联。")),
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
        define("time-constant", Eq(tau, C / total), "The membrane time constant τ = C/Σg.",
               "膜时间常数 τ = C/Σg。"),
        step("rc-solution", Eq(V_t(t), V_inf + (V_0 - V_inf) * sp.exp(-t / tau)),
             by.solving_ode("membrane", V_t(t), {V_t(0): V_0}, using=("settling-potential", "time-constant")),
             "After a step of current the voltage relaxes exponentially to V_∞ with time constant τ: "
             "the membrane is an RC circuit.",
             "电流阶跃之后，电压按指数规律趋向 V_∞，时间常数为 τ：细胞膜就是一个 RC 电路。"),
        # --- The resting squid membrane ----------------------------------------------------------------
        heading("The resting membrane: its conductances, and the pump", "静息的细胞膜：电导与离子泵",
                define("resting-conductance", Eq(g_rest, total),
                       "At rest the three conductances are in parallel, so they add: the membrane's resting "
                       "conductance.", "静息时三个电导并联，因此相加：这就是膜的静息电导。")),
        step("squid-resting-conductance", Eq(g_rest, sp.Rational("0.67") * mS_cm2),
             by.evaluating_at("resting-conductance", SQUID_REST, digits=2),
             "For the squid axon, with the resting conductances of Hodgkin and Huxley's model rounded "
             "(g_K = 0.36, g_Na = 0.012, g_L = 0.3 mS/cm²): 0.67 mS/cm². Nearly all of it is K⁺ and the leak; "
             "Na⁺ contributes under 2 %. (The Hodgkin-Huxley handout computes the K⁺ and Na⁺ parts from the "
             "gates at rest, 0.367 and 0.0106 mS/cm², and gets 0.677 mS/cm²; the rounded values here give "
             "the time constant to two figures, 1.5 ms, against its 1.48 ms.)",
             "对乌贼轴突，用 Hodgkin-Huxley 模型静息电导的近似值（g_K = 0.36、g_Na = 0.012、g_L = 0.3 mS/cm²）："
             "0.67 mS/cm²。其中几乎全部来自 K⁺ 和漏电流；Na⁺ 不到 2%。（Hodgkin-Huxley 讲义由静息时的门算出 "
             "K⁺ 和 Na⁺ 的部分为 0.367 和 0.0106 mS/cm²，总和为 0.677 mS/cm²；这里的近似值给出两位有效数字的"
             "时间常数 1.5 ms，那里为 1.48 ms。）"),
        define("membrane-resistance", Eq(R_m, 1 / g_rest),
               "Its inverse is the resistance of a unit area of membrane,", "它的倒数是单位面积膜的电阻，"),
        step("membrane-resistance-written", Eq(R_m, 1 / total),
             by.substituting("resting-conductance", into="membrane-resistance"),
             "one over the sum of the conductances:", "即各电导之和的倒数："),
        step("squid-membrane-resistance", Eq(R_m, sp.Rational("1.5") * kohm_cm2),
             by.evaluating_at("membrane-resistance-written", SQUID_REST, digits=2),
             "1.5 kΩ cm² for the squid at rest.", "乌贼静息时为 1.5 kΩ·cm²。"),
        step("squid-time-constant", Eq(tau, sp.Rational("1.5") * millisecond),
             by.evaluating_at("time-constant", SQUID_REST, digits=2),
             "With C = 1 μF/cm² the membrane time constant is 1.5 ms.", "取 C = 1 μF/cm²，膜时间常数为 1.5 ms。"),
        step("squid-resting-potential", Eq(V_rest, sp.Rational("-64.6") * millivolt),
             by.evaluating_at("resting-potential", SQUID_REST, digits=3),
             "The weighted mean puts the resting potential at -64.6 mV, close to E_K = -77 mV and far from "
             "E_Na = +50 mV.", "加权平均给出静息电位 -64.6 mV，接近 E_K = -77 mV，远离 E_Na = +50 mV。"),
        define("sodium-leak", Eq(I_Na_rest, g_Na * (V_rest - E_Na)),
               "But at rest no current is zero by itself. The Na⁺ current there,",
               "然而静息时没有哪一种电流自己为零。此时的 Na⁺ 电流，"),
        step("sodium-leak-written", Eq(I_Na_rest, g_Na * (weighted / total - E_Na)),
             by.substituting("resting-potential", into="sodium-leak"),
             "with the resting potential put in,", "代入静息电位之后，"),
        step("squid-sodium-leak", Eq(I_Na_rest, sp.Rational("-1.4") * uA_cm2),
             by.evaluating_at("sodium-leak-written", SQUID_REST, digits=2),
             "is -1.4 μA/cm² in the squid: Na⁺ flows in all the time, and K⁺ flows out. Rest is not an "
             "equilibrium; the currents only cancel in sum.",
             "在乌贼中为 -1.4 μA/cm²：Na⁺ 一直在流入，K⁺ 一直在流出。静息并不是平衡，只是各电流之和为零。"),
        given("pump-balances-sodium", Eq(I_pump, -I_Na_rest / 3),
              "In a steady state the Na⁺/K⁺ pump must carry that Na⁺ out again, 3 Na⁺ per cycle, and each "
              "cycle (3 Na⁺ out, 2 K⁺ in) moves one net charge outward: the pump's current is a third of the "
              "Na⁺ leak.",
              "稳态时 Na⁺/K⁺ 泵必须把这些 Na⁺ 再运出去，每个循环 3 个 Na⁺；每个循环（运出 3 个 Na⁺、运入 2 个 K⁺）"
              "向外净移动一个电荷：泵电流是 Na⁺ 泄漏电流的三分之一。"),
        step("pump-current", Eq(I_pump, -g_Na * (weighted / total - E_Na) / 3),
             by.substituting("sodium-leak-written", into="pump-balances-sodium"),
             "In terms of the conductances:", "用电导表示："),
        step("squid-pump-current", Eq(I_pump, sp.Rational("0.46") * uA_cm2),
             by.evaluating_at("pump-current", SQUID_REST, digits=2),
             "0.46 μA/cm²: some thousand times less than the currents of an action potential, which is why the "
             "pump can be left out of the Hodgkin-Huxley model of a spike. But it cannot be left out of rest.",
             "0.46 μA/cm²：约为动作电位中电流的千分之一，所以描述单个动作电位的 Hodgkin-Huxley 模型可以不考虑泵；"
             "但静息状态离不开泵。"),
        given("sodium-accumulates", Eq(rise_Na, -2 * I_Na_rest / (F * a)),
              "Stop the pump: the Na⁺ that enters through the membrane of a length ℓ of axon (area 2πaℓ) "
              "fills its volume πa²ℓ, so the inside concentration rises at -2 I_Na / (F a).",
              "让泵停下：经一段长 ℓ 的轴突膜（面积 2πaℓ）进入的 Na⁺ 充满其体积 πa²ℓ，"
              "所以细胞内浓度以 -2 I_Na / (F a) 的速率上升。"),
        step("sodium-rise", Eq(rise_Na, -2 * g_Na * (weighted / total - E_Na) / (F * a)),
             by.substituting("sodium-leak-written", into="sodium-accumulates"),
             "With the Na⁺ leak written out,", "把 Na⁺ 泄漏写出来，"),
        step("squid-sodium-rise", Eq(rise_Na, sp.Rational("1.2") * uM_per_s),
             by.evaluating_at("sodium-rise", SQUID_AXON, digits=2),
             "a squid axon of radius 238 μm gains 1.2 μM of Na⁺ per second: with about 50 mM inside, the "
             "gradients run down only over an hour or more (exercise 3). Thin axons and small cells, with "
             "more membrane per volume, run down much faster.",
             "半径 238 μm 的乌贼轴突每秒增加 1.2 μM 的 Na⁺：细胞内约有 50 mM，所以浓度梯度要一小时以上才会"
             "明显衰减（练习 3）。细的轴突和小细胞单位体积的膜面积更大，衰减得快得多。"),
        # --- Exercises -------------------------------------------------------------------------------
        *exercise("ex-charge-for-100mV",
                  "How much charge per cm² changes the membrane potential by 100 mV (C = 1 μF/cm²), how many "
                  "ions is that, and what fraction of the K⁺ inside a squid axon (400 mM, radius 238 μm) per cm² "
                  "of its membrane?",
                  "使膜电位改变 100 mV 需要每平方厘米多少电荷（C = 1 μF/cm²）？这是多少个离子？它占乌贼轴突"
                  "（400 mM，半径 238 μm）每平方厘米膜下细胞内 K⁺ 的多大比例？",
                  cite("ex-capacitor", Eq(Q, C * dV), CAPACITOR,
                       "The charge on a capacitor is Q = C ΔV.", "电容器上的电荷为 Q = C ΔV。"),
                  step("ex-charge-value", Eq(Q, sp.Rational("0.1") * uC_cm2),
                       by.evaluating_at("ex-capacitor", {C: 1 * uF_cm2, dV: 100 * millivolt}, digits=2),
                       "For 100 mV:", "对于 100 mV："),
                  define("ex-ions", Eq(N_ions, Q / e), "Each monovalent ion carries e,", "每个一价离子携带电荷 e，"),
                  step("ex-ions-from-C", Eq(N_ions, C * dV / e), by.substituting("ex-capacitor", into="ex-ions"),
                       "so", "所以"),
                  step("ex-ions-value", Eq(N_ions, sp.Rational("6.2e11") * per_cm2),
                       by.evaluating_at("ex-ions-from-C", {C: 1 * uF_cm2, dV: 100 * millivolt, e: ELEMENTARY},
                                        digits=2),
                       "about 6 × 10¹¹ ions per cm².", "每平方厘米约 6 × 10¹¹ 个离子。"),
                  define("ex-share", Eq(share, N_ions / (c_K * N_A * a / 2)),
                         "Under each unit area of its membrane an axon of radius a holds the volume a/2 "
                         "(πa²ℓ over 2πaℓ), with c_K N_A a/2 K⁺ ions in it.",
                         "半径为 a 的轴突，每单位膜面积下的体积为 a/2（πa²ℓ 除以 2πaℓ），其中有 c_K N_A a/2 个 K⁺。"),
                  step("ex-share-from-C", Eq(share, 2 * C * dV / (e * c_K * N_A * a)),
                       by.substituting("ex-ions-from-C", into="ex-share"), "So", "于是"),
                  step("ex-share-value", Eq(share, sp.Rational("2.2e-7")),
                       by.evaluating_at("ex-share-from-C", {C: 1 * uF_cm2, dV: 100 * millivolt, e: ELEMENTARY,
                                                            c_K: 400 * millimolar, N_A: AVOGADRO,
                                                            a: 238 * micrometer}, digits=2),
                       "a fraction of 2 × 10⁻⁷.", "比例为 2 × 10⁻⁷。"),
                  answer=Text("0.1 μC/cm², about 6 × 10¹¹ ions per cm², two ten-millionths of the K⁺ inside: "
                              "a voltage change moves almost no ions, so the concentrations, and the Nernst "
                              "potentials, stay put during an action potential.",
                              "0.1 μC/cm²，每平方厘米约 6 × 10¹¹ 个离子，只占细胞内 K⁺ 的千万分之二："
                              "电压的变化几乎不移动离子，所以在动作电位期间浓度以及能斯特电位都几乎不变。")),
        *exercise("ex-more-potassium",
                  "More K⁺ channels open at rest: g_K doubles to 0.72 mS/cm². What are the squid's new resting "
                  "potential and time constant?",
                  "静息时开放的 K⁺ 通道增多：g_K 加倍为 0.72 mS/cm²。乌贼新的静息电位和时间常数是多少？",
                  step("ex-more-potassium-rest", Eq(V_rest, sp.Rational("-69.0") * millivolt),
                       by.evaluating_at("resting-potential", {**SQUID_REST, g_K: sp.Rational("0.72") * mS_cm2},
                                        digits=3),
                       "The weighted mean with g_K = 0.72 mS/cm²,", "g_K = 0.72 mS/cm² 时的加权平均，"),
                  step("ex-more-potassium-tau", Eq(tau, sp.Rational("0.97") * millisecond),
                       by.evaluating_at("time-constant", {**SQUID_REST, g_K: sp.Rational("0.72") * mS_cm2},
                                        digits=2),
                       "and the time constant.", "以及时间常数。"),
                  answer=Text("-69.0 mV and 0.97 ms: the potential moves towards E_K, and the membrane, leakier, "
                              "responds faster.", "-69.0 mV 和 0.97 ms：电位移向 E_K；膜更“漏”，响应也更快。")),
        *exercise("ex-run-down-time",
                  "With the pump stopped, how long until the Na⁺ inside the squid axon has risen by 5 mM "
                  "(a tenth of its 50 mM), at the initial rate?",
                  "泵停止后，按初始速率，乌贼轴突内的 Na⁺ 要多久才升高 5 mM（约为其 50 mM 的十分之一）？",
                  define("ex-run-down", Eq(t_run, dc_Na / rise_Na), "Time is the rise over the rate:",
                         "时间等于升高量除以速率："),
                  step("ex-run-down-written", Eq(t_run, dc_Na * F * a / (-2 * g_Na * (weighted / total - E_Na))),
                       by.substituting("sodium-rise", into="ex-run-down"), "with the rate put in,", "代入速率，"),
                  step("ex-run-down-value", Eq(t_run, 70 * 60 * second),
                       by.evaluating_at("ex-run-down-written", {**SQUID_AXON, dc_Na: 5 * millimolar}, digits=2),
                       "about 4200 s.", "约 4200 s。"),
                  answer=Text("About 70 minutes: the pump matters on the scale of minutes to hours, not in a "
                              "single spike.", "约 70 分钟：泵的作用体现在几分钟到几小时的尺度上，而不是在单个动作电位中。")),
    ),
    checks=(
        *(
            simulated(f"rc-at-{when:g}ms", "rc-solution", integrated_voltage, {**PATCH, t: when},
                      f"V at t = {when:g} ms from integrating the membrane equation numerically (a squid-like patch: "
                      "mV, ms, mS/cm², μF/cm²).",
                      f"数值积分膜方程得到的 t = {when:g} ms 时的 V（类乌贼膜片：mV、ms、mS/cm²、μF/cm²）。")
            for when in (0.5, 1.5, 4.0)
        ),
        simulated("pump-stopped", "sodium-rise", pump_stopped, RUN_DOWN,
                  "The initial rate of rise of the inside Na⁺ (mM/s) of a squid axon (radius 238 μm) whose pump "
                  "has stopped: the membrane equation and the Na⁺ balance integrated together over a minute, with "
                  "E_Na recomputed from the concentrations as they change.",
                  "泵停止后乌贼轴突（半径 238 μm）内 Na⁺ 的初始上升速率（mM/s）：把膜方程与 Na⁺ 的物质守恒"
                  "一起积分一分钟，E_Na 随浓度的变化重新计算。"),
    ),
    figures=FIGURES,
    module=__name__,
    key_ideas=(
        Text("Near its reversal potential E, an ion's current is ohmic, I = g (V - E), with a conductance g "
             "proportional to the membrane's permeability to it.",
             "在反转电位 E 附近，离子电流是欧姆型的：I = g (V - E)，电导 g 与膜对该离子的通透率成正比。"),
        Text("The membrane is a capacitor in parallel with one battery-and-conductance branch per ion; the "
             "potential settles at the conductance-weighted mean of the reversal potentials.",
             "细胞膜是一个电容，与每种离子各一条“电池加电导”的支路并联；膜电位最终停在各反转电位按电导加权的平均值。"),
        Text("After a change of current, V relaxes exponentially with the time constant τ = C/Σg, 1.5 ms for "
             "the squid's resting membrane (about 0.67 mS/cm²).",
             "电流改变后，V 按指数规律弛豫，时间常数 τ = C/Σg；乌贼的静息膜（约 0.67 mS/cm²）为 1.5 ms。"),
        Text("At rest Na⁺ leaks in and K⁺ leaks out all the time; the Na⁺/K⁺ pump's small current "
             "(0.46 μA/cm² in the squid) carries them back, and without it the gradients run down.",
             "静息时 Na⁺ 不断漏入、K⁺ 不断漏出；Na⁺/K⁺ 泵以很小的电流（乌贼中 0.46 μA/cm²）把它们送回，"
             "没有泵，浓度梯度就会逐渐消失。"),
        Text("Changing V by 100 mV moves only about 2 × 10⁻⁷ of the K⁺ inside a squid axon: voltages change, "
             "concentrations hardly do.",
             "使 V 改变 100 mV 只需移动乌贼轴突内约千万分之二的 K⁺：电压会变，浓度几乎不变。"),
    ),
)
