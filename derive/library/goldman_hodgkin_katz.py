"""The Goldman-Hodgkin-Katz equations: current through a membrane, and the resting potential.

Answers the seed article's question in section 1: why does the resting potential sit near
-70 mV rather than 0? Several ions leak through the membrane at once; with a constant field in
the membrane the Nernst-Planck flux of each can be integrated exactly (the GHK current
equation), and the voltage at which the currents cancel is the GHK voltage equation. It
reduces to the Nernst potential of K⁺ when K⁺ dominates; with Hodgkin and Katz's permeability
ratios it gives the squid axon's resting potential.

Sources: D. E. Goldman, J. Gen. Physiol. 27, 37 (1943); A. L. Hodgkin and B. Katz,
J. Physiol. 108, 37 (1949); B. Hille, Ion Channels of Excitable Membranes, 3rd ed. (2001), ch. 14.
"""

from __future__ import annotations

import numpy as np
import sympy as sp
from sympy.physics.units import (
    amount_of_substance,
    charge,
    current,
    energy,
    length,
    meter,
    second,
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
    define,
    exercise,
    given,
    heading,
    simulated,
    step,
)
from derive.library.nernst_potential import BODY, BOLTZMANN, ELEMENTARY, ROOM, millimolar, millivolt
from derive.figures.goldman_hodgkin_katz import FIGURES
from derive.sim import nernst_planck

GOLDMAN = "D. E. Goldman, J. Gen. Physiol. 27, 37 (1943)"
HODGKIN_KATZ = "A. L. Hodgkin and B. Katz, J. Physiol. 108, 37 (1949)"
SQUID = ("A. L. Hodgkin, The Conduction of the Nervous Impulse (1964), as tabulated in D. Purves et al., "
         "Neuroscience, Table 2.1 (squid giant axon)")
MAMMAL = "D. Purves et al., Neuroscience, Table 2.1 (a typical mammalian neuron; one value from each range)"
MULLINS_NODA = "L. J. Mullins and K. Noda, J. Gen. Physiol. 47, 117 (1963)"
SKOU = "J. C. Skou, Biochim. Biophys. Acta 23, 394 (1957)"
concentration = amount_of_substance / length**3
flux = amount_of_substance / (length**2 * time)
current_density = current / length**2
permeability = length / time

symbols = SymbolTable()
V = symbols.add("V", voltage, "membrane potential, inside minus outside", "膜电位（内减外）", real=True)
k_B = symbols.add("k_B", energy / temperature, "Boltzmann's constant", "玻尔兹曼常数", positive=True)
T = symbols.add("T", temperature, "absolute temperature", "绝对温度", positive=True)
e = symbols.add("e", charge, "elementary charge", "元电荷", positive=True)
F = symbols.add("F", charge / amount_of_substance, "Faraday's constant, the charge of a mole of protons",
                "法拉第常数（1 摩尔质子的电荷）", positive=True)
z = symbols.add("z", 1, "valence of the ion", "离子的价数", integer=True, nonzero=True)
x = symbols.add("x", length, "position across the membrane, from inside (0) to outside (d)",
                "跨膜的位置，从内侧 (0) 到外侧 (d)", real=True)
d = symbols.add("d", length, "thickness of the membrane", "膜的厚度", positive=True)
c = symbols.function("c", concentration, "concentration at position x", "位置 x 处的浓度")
phi = symbols.function("phi", voltage, "electric potential at position x", "位置 x 处的电势")
j = symbols.add("j", flux, "flux of ions, outward", "离子通量（向外为正）", real=True)
D = symbols.add("D", length**2 / time, "diffusion constant of the ion in the membrane", "离子在膜中的扩散系数",
                positive=True)
c_in = symbols.add("c_in", concentration, "concentration inside", "细胞内浓度", positive=True, latex=r"c_{\mathrm{in}}")
c_out = symbols.add("c_out", concentration, "concentration outside", "细胞外浓度", positive=True,
                    latex=r"c_{\mathrm{out}}")
u = symbols.add("u", 1, "reduced voltage z e V / k_B T", "约化电压 z e V / k_B T", real=True, nonzero=True)
P = symbols.add("P", permeability, "permeability of the membrane to the ion", "膜对该离子的通透率", positive=True)
I = symbols.add("I", current_density, "current density of the ion, outward", "该离子的电流密度（向外为正）",
                real=True)
v = symbols.add("v", 1, "reduced voltage e V / k_B T", "约化电压 e V / k_B T", real=True, nonzero=True)
ions = {}
for ion, name_en, name_zh in (("K", "K⁺", "K⁺"), ("Na", "Na⁺", "Na⁺"), ("Cl", "Cl⁻", "Cl⁻")):
    ions[f"P_{ion}"] = symbols.add(f"P_{ion}", permeability, f"permeability to {name_en}", f"对 {name_zh} 的通透率",
                                   positive=True, latex=rf"P_{{\mathrm{{{ion}}}}}")
    ions[f"I_{ion}"] = symbols.add(f"I_{ion}", current_density, f"current density of {name_en}",
                                   f"{name_zh} 的电流密度", real=True, latex=rf"I_{{\mathrm{{{ion}}}}}")
    ions[f"{ion}_i"] = symbols.add(f"{ion}_i", concentration, f"{name_en} inside", f"细胞内 {name_zh}",
                                   positive=True, latex=rf"[\mathrm{{{ion}}}]_{{\mathrm{{in}}}}")
    ions[f"{ion}_o"] = symbols.add(f"{ion}_o", concentration, f"{name_en} outside", f"细胞外 {name_zh}",
                                   positive=True, latex=rf"[\mathrm{{{ion}}}]_{{\mathrm{{out}}}}")
P_K, P_Na, P_Cl = ions["P_K"], ions["P_Na"], ions["P_Cl"]
I_K, I_Na, I_Cl = ions["I_K"], ions["I_Na"], ions["I_Cl"]
K_i, K_o, Na_i, Na_o, Cl_i, Cl_o = (ions[k] for k in ("K_i", "K_o", "Na_i", "Na_o", "Cl_i", "Cl_o"))
V_s = symbols.add("V_s", voltage, "resting potential of the pumped steady state", "有泵时稳态的静息电位", real=True,
                  latex=r"V_{\mathrm{s}}")
w = symbols.add("w", 1, "reduced resting potential e V_s / k_B T", "约化静息电位 e V_s / k_B T", real=True,
                nonzero=True)
I_Ks = symbols.add("I_Ks", current_density, "K⁺ current through the channels at V_s", "V_s 处流过通道的 K⁺ 电流",
                   real=True, latex=r"I_{\mathrm{K,s}}")
I_Nas = symbols.add("I_Nas", current_density, "Na⁺ current through the channels at V_s", "V_s 处流过通道的 Na⁺ 电流",
                    real=True, latex=r"I_{\mathrm{Na,s}}")
r = symbols.add("r", flux, "pump cycles per area and time (moles)", "单位面积、单位时间泵的循环次数（以摩尔计）",
                positive=True)
I_p = symbols.add("I_p", current_density, "current carried by the Na⁺/K⁺ pump, outward", "Na⁺/K⁺ 泵携带的电流（向外为正）",
                  real=True, latex=r"I_{\mathrm{pump}}")

boltzmann_factor = sp.exp(-u)
ghk_bracket = (P_K * K_o + P_Na * Na_o + P_Cl * Cl_i) / (P_K * K_i + P_Na * Na_i + P_Cl * Cl_o)

# Squid axon at rest (Hodgkin and Katz 1949: P_K : P_Na : P_Cl = 1 : 0.04 : 0.45), 20 °C. Only the ratios
# enter the voltage equation; the magnitude, P_K = 10⁻⁶ cm/s, is the figure's and a realistic one.
PERMEABILITY_K = sp.Rational(1, 10**8) * meter / second
SQUID_AT_REST = {
    k_B: BOLTZMANN, T: ROOM, e: ELEMENTARY,
    P_K: PERMEABILITY_K, P_Na: sp.Rational(4, 100) * PERMEABILITY_K, P_Cl: sp.Rational(45, 100) * PERMEABILITY_K,
    K_i: 400 * millimolar, K_o: 20 * millimolar, Na_i: 50 * millimolar, Na_o: 440 * millimolar,
    Cl_i: 40 * millimolar, Cl_o: 560 * millimolar,
}
# The squid with Cl⁻ inside at the high end of the tabulated range (150 mM).
SQUID_HIGH_CHLORIDE = {**SQUID_AT_REST, Cl_i: 150 * millimolar}
# A mammalian neuron at 37 °C: K⁺ 5/140, Na⁺ 145/15, Cl⁻ 110/10 mM (out/in; Purves et al., Table 2.1),
# P_K : P_Na : P_Cl = 1 : 0.05 : 0.45 (the squid's P_Cl/P_K of Hodgkin and Katz; P_Na/P_K raised from the squid's
# 0.04 to 0.05, an illustrative choice said so in the prose).
MAMMAL_AT_REST = {
    k_B: BOLTZMANN, T: BODY, e: ELEMENTARY,
    P_K: PERMEABILITY_K, P_Na: sp.Rational(5, 100) * PERMEABILITY_K, P_Cl: sp.Rational(45, 100) * PERMEABILITY_K,
    K_i: 140 * millimolar, K_o: 5 * millimolar, Na_i: 15 * millimolar, Na_o: 145 * millimolar,
    Cl_i: 10 * millimolar, Cl_o: 110 * millimolar,
}
# Simulations in units where k_B T / e = 1, mM, μm and ms: only ratios matter.
ONE_ION = {z: 1, e: 1.0, F: 1.0, k_B: 1.0, T: 1.0, P: 1.0, c_in: 400.0, c_out: 20.0}
SQUID_UNITS = {e: 1.0, k_B: 1.0, T: 1.0, P_K: 1.0, P_Na: 0.04, P_Cl: 0.45,
               K_i: 400.0, K_o: 20.0, Na_i: 50.0, Na_o: 440.0, Cl_i: 40.0, Cl_o: 560.0}
MAMMAL_UNITS = {e: 1.0, k_B: 1.0, T: 1.0, P_K: 1.0, P_Na: 0.05, P_Cl: 0.45,
                K_i: 140.0, K_o: 5.0, Na_i: 15.0, Na_o: 145.0, Cl_i: 10.0, Cl_o: 110.0}


# The reduced voltage of Cl⁻ at -60 mV and 20 °C, -eV/k_B T = 2.3751..., to four figures (exercise 2).
REDUCED_CHLORIDE = sp.Rational("2.375")

MEMBRANE = 1.0  # thickness d in the simulations: then the permeability P = D / d is D


def nernst_planck_current(at: Params, rng: np.random.Generator) -> Estimate:
    """F z J, with J the Nernst-Planck flux solved numerically across a constant-field membrane."""
    charge_flux = nernst_planck.current(at[V], int(at[z]), at[P] * MEMBRANE, MEMBRANE, at[c_in], at[c_out],
                                        kT_over_e=at[k_B] * at[T] / at[e])
    return Estimate(at[F] * charge_flux.value, at[F] * charge_flux.stderr, charge_flux.samples, computed=True)


def three_ion_reversal(at: Params, rng: np.random.Generator) -> Estimate:
    """The voltage at which the numerically solved K⁺, Na⁺ and Cl⁻ currents cancel (root-finding)."""
    ions = [nernst_planck.Ion(charge, at[p] * MEMBRANE, at[inside], at[outside])
            for charge, p, inside, outside in ((1, P_K, K_i, K_o), (1, P_Na, Na_i, Na_o), (-1, P_Cl, Cl_i, Cl_o))]
    return nernst_planck.reversal_potential(ions, MEMBRANE, kT_over_e=at[k_B] * at[T] / at[e])


def pumped_steady_state(at: Params, rng: np.random.Generator) -> Estimate:
    """The voltage at which the numerically solved Nernst-Planck fluxes of Na⁺ and K⁺ stand in the pump's
    ratio, J_Na = -(3/2) J_K: the zero of 3 J_K + 2 J_Na, which is the zero-current voltage of K⁺ with 3/2
    times its permeability and Na⁺ with its own (the fluxes are proportional to the permeability)."""
    ions = [nernst_planck.Ion(1, 1.5 * at[P_K] * MEMBRANE, at[K_i], at[K_o]),
            nernst_planck.Ion(1, at[P_Na] * MEMBRANE, at[Na_i], at[Na_o])]
    return nernst_planck.reversal_potential(ions, MEMBRANE, kT_over_e=at[k_B] * at[T] / at[e])



# What a reader needs first besides the handouts quoted below (read by derive.render.view).
NEEDS = Text("a first-order linear differential equation, solved with an integrating factor",
             "一阶线性微分方程（用积分因子求解）")
SOURCES_ZH = {
    "the constant field": "恒定电场",
    "the voltage equation and the permeability ratios": "电压方程与通透率之比",
    "squid giant axon": "乌贼巨轴突",
    "D. E. Goldman, J. Gen. Physiol. 27, 37 (1943)": "D. E. Goldman，J. Gen. Physiol. 27, 37 (1943)",
    "A. L. Hodgkin and B. Katz, J. Physiol. 108, 37 (1949)": "A. L. Hodgkin 和 B. Katz，J. Physiol. 108, 37 (1949)",
    "D. Purves et al., Neuroscience": "D. Purves 等，Neuroscience",
    "a typical mammalian neuron; one value from each range": "典型的哺乳动物神经元；每个范围各取一个值",
    "L. J. Mullins and K. Noda, J. Gen. Physiol. 47, 117 (1963)": "L. J. Mullins 和 K. Noda，J. Gen. Physiol. 47, 117 (1963)",
    "the pumped steady state": "有泵的稳态",
    "J. C. Skou, Biochim. Biophys. Acta 23, 394 (1957)": "J. C. Skou，Biochim. Biophys. Acta 23, 394 (1957)",
    "the pump": "离子泵",
    "A. L. Hodgkin, The Conduction of the Nervous Impulse (1964), as tabulated in D. Purves et al., Neuroscience":
        "A. L. Hodgkin，The Conduction of the Nervous Impulse (1964)，转引自 D. Purves 等，Neuroscience",
}

derivation = Derivation(
    id="goldman-hodgkin-katz",
    title=Text("Goldman-Hodgkin-Katz and the pump: why the resting potential is -60 to -70 mV",
               "Goldman-Hodgkin-Katz 方程与离子泵：为什么静息电位在 -60 到 -70 mV 之间"),
    question=Text(
        "Several ions leak through the membrane at once. At what voltage do their currents cancel, "
        "why is it -60 to -70 mV rather than 0, and is the resting cell in equilibrium?",
        "多种离子同时漏过细胞膜。它们的电流在什么电压下相互抵消？为什么这个电压在 -60 到 -70 mV 之间而不是 0？"
        "静息的细胞处于平衡吗？",
    ),
    section="1.2",
    symbols=symbols.freeze(),
    assumptions=(
        Text("Inside the membrane the electric field is constant: the potential falls linearly by V "
             "from the inner to the outer face (Goldman's assumption).",
             "膜内电场恒定：电势从内表面到外表面线性下降 V（Goldman 假设）。"),
        Text("Each ion moves independently by Nernst-Planck diffusion and drift; the concentrations at "
             "the two faces equal those in the solutions (partition coefficient 1).",
             "每种离子独立地按 Nernst-Planck 方程扩散和漂移；两表面的浓度等于溶液中的浓度（分配系数为 1）。"),
        Text("Rest is a steady state, not an equilibrium: Na⁺ leaks in and K⁺ leaks out all the time, and the "
             "Na⁺/K⁺ pump (3 Na⁺ out, 2 K⁺ in for each ATP) carries them back. The first sections neglect the "
             "pump's own small current (total channel current zero); the last one includes it.",
             "静息是稳态而不是平衡：Na⁺ 不断漏入、K⁺ 不断漏出，由 Na⁺/K⁺ 泵（每消耗一个 ATP 泵出 3 个 Na⁺、"
             "泵入 2 个 K⁺）把它们送回。前几节忽略泵本身的小电流（通道电流之和为零），最后一节把它考虑进来。"),
    ),
    sources=(f"{GOLDMAN} (the constant field)", f"{HODGKIN_KATZ} (the voltage equation and the permeability ratios)",
             f"{SQUID}", f"{MAMMAL}", f"{MULLINS_NODA} (the pumped steady state)", f"{SKOU} (the pump)",
             "B. Hille, Ion Channels of Excitable Membranes, 3rd ed. (2001), ch. 14",
             "The source article, 高中生也能看懂的的神经科学数学基础 (“Neuroscience maths a high-school student can follow”), §1 and §1.2 (2024)"),
    steps=(
        heading("The current of one ion through the membrane", "单一离子穿过细胞膜的电流", step("nernst-planck",
             Eq(j, -D * (sp.Derivative(c(x), x) + z * e * c(x) * sp.Derivative(phi(x), x) / (k_B * T))),
             by.earlier_result("nernst-potential", "nernst-planck"),
             "In 1902 Bernstein proposed that the resting membrane is permeable mainly to K⁺; Goldman (1943) "
             "computed the current of ions through a membrane with a constant field, and Hodgkin and Katz (1949) "
             "used it for several ions at once to explain the squid axon's resting and action potentials. "
             "Start, as Goldman did, from the Nernst-Planck flux of the Nernst handout.",
             "1902 年 Bernstein 提出静息的细胞膜主要让 K⁺ 通过；Goldman（1943）在恒定电场下计算了离子穿过膜的电流，"
             "Hodgkin 和 Katz（1949）把它用于同时存在的多种离子，解释了乌贼轴突的静息电位和动作电位。"
             "我们像 Goldman 那样，从能斯特讲义中的 Nernst-Planck 通量出发。")),
        given("constant-field", Eq(sp.Derivative(phi(x), x), -V / d),
              "Assume the potential falls linearly across the membrane.", "假设电势在膜内线性下降。"),
        step("flux-constant-field",
             Eq(j, -D * sp.Derivative(c(x), x) + D * z * e * V * c(x) / (k_B * T * d)),
             by.substituting("constant-field", into="nernst-planck"),
             "The drift is now the same everywhere in the membrane.", "于是膜内各处的漂移都相同。"),
        define("reduced-voltage", Eq(u, z * e * V / (k_B * T)),
               "Measure the voltage in units of k_B T / z e.", "以 k_B T / z e 为单位量电压。"),
        step("slope", Eq(sp.Derivative(c(x), x), u * c(x) / d - j / D),
             by.solving_for(sp.Derivative(c(x), x), "flux-constant-field", setting={V: u * k_B * T / (z * e)}),
             "A first-order linear equation for c(x), with j constant at steady state.",
             "这是关于 c(x) 的一阶线性方程，稳态时 j 为常数。"),
        step("integrating-factor",
             Eq(sp.Derivative(c(x) * sp.exp(-u * x / d), x), -j * sp.exp(-u * x / d) / D),
             by.substituting("slope"),
             "Multiply by the integrating factor e^(−ux/d): the left side becomes a total derivative.",
             "乘以积分因子 e^(−ux/d)：左边变成一个全导数。"),
        step("integrated",
             Eq(c(d) * sp.exp(-u) - c(0), -j * d * (1 - sp.exp(-u)) / (D * u)),
             by.integrating("integrating-factor", over=(x, 0, d)),
             "Integrate across the membrane.", "对整个膜积分。"),
        define("inside", Eq(c(0), c_in), "The concentration at the inner face,", "内表面的浓度，"),
        define("outside", Eq(c(d), c_out), "and at the outer face.", "以及外表面的浓度。"),
        step("ghk-flux", Eq(j, D * u * (c_in - c_out * boltzmann_factor) / (d * (1 - boltzmann_factor))),
             by.solving_for(j, "integrated", setting={c(0): c_in, c(d): c_out}),
             "Solve for the flux.", "解出通量。"),
        define("permeability", Eq(P, D / d), "The permeability P = D / d: thin membranes and mobile ions leak most.",
               "通透率 P = D / d：膜越薄、离子越易移动，泄漏越多。"),
        define("current", Eq(I, z * F * j), "Each mole of ions carries the charge z F.", "每摩尔离子携带电荷 z F。"),
        step("ghk-current", Eq(I, P * z * F * u * (c_in - c_out * boltzmann_factor) / (1 - boltzmann_factor)),
             by.substituting("current", "ghk-flux", "permeability"),
             "The GHK current equation. At V = 0 it is the limit P z F (c_in - c_out): pure diffusion.",
             "GHK 电流方程。V = 0 时取极限 P z F (c_in - c_out)：纯扩散。"),
        step("ghk-current-volts",
             Eq(I, P * z**2 * F * e * V / (k_B * T) * (c_in - c_out * sp.exp(-z * e * V / (k_B * T)))
                   / (1 - sp.exp(-z * e * V / (k_B * T)))),
             by.substituting("reduced-voltage", into="ghk-current"),
             "The same with the voltage written out.", "把电压写出来的同一个式子。"),
        # --- Several ions ---------------------------------------------------------------------------
        heading("Several ions: where their currents cancel", "多种离子：电流在何处相互抵消",
                define("reduced-voltage-monovalent", Eq(v, e * V / (k_B * T)),
               "For several ions, measure the voltage in units of k_B T / e: v = u for z = 1, -u for z = -1.",
               "对多种离子，以 k_B T / e 为单位量电压：z = 1 时 v = u，z = -1 时 v = -u。")),
        step("potassium-current", Eq(I_K, P_K * F * v * (K_i - K_o * sp.exp(-v)) / (1 - sp.exp(-v))),
             by.instance_of("ghk-current", {I: I_K, P: P_K, z: 1, u: v, c_in: K_i, c_out: K_o}),
             "K⁺ (z = 1, so u = eV / k_B T = v).", "K⁺（z = 1，所以 u = eV / k_B T = v）。"),
        step("sodium-current", Eq(I_Na, P_Na * F * v * (Na_i - Na_o * sp.exp(-v)) / (1 - sp.exp(-v))),
             by.instance_of("ghk-current", {I: I_Na, P: P_Na, z: 1, u: v, c_in: Na_i, c_out: Na_o}),
             "Na⁺ likewise.", "Na⁺ 同理。"),
        step("chloride-current", Eq(I_Cl, P_Cl * F * v * (Cl_i - Cl_o * sp.exp(v)) / (1 - sp.exp(v))),
             by.instance_of("ghk-current", {I: I_Cl, P: P_Cl, z: -1, u: -v, c_in: Cl_i, c_out: Cl_o}),
             "Cl⁻ has z = -1, so u = -v.", "Cl⁻ 的 z = -1，所以 u = -v。"),
        step("pump-combination",
             Eq(2 * I_Na + 3 * I_K, 2 * P_Na * F * v * (Na_i - Na_o * sp.exp(-v)) / (1 - sp.exp(-v))
                + 3 * P_K * F * v * (K_i - K_o * sp.exp(-v)) / (1 - sp.exp(-v))),
             by.substituting("sodium-current", "potassium-current"),
             "For the last section (the pump) we shall need the combination 2 I_Na + 3 I_K,",
             "最后一节（离子泵）要用到组合 2 I_Na + 3 I_K，"),
        step("pump-combination-at-rest",
             Eq(2 * I_Nas + 3 * I_Ks, 2 * P_Na * F * w * (Na_i - Na_o * sp.exp(-w)) / (1 - sp.exp(-w))
                + 3 * P_K * F * w * (K_i - K_o * sp.exp(-w)) / (1 - sp.exp(-w))),
             by.instance_of("pump-combination", {I_Na: I_Nas, I_K: I_Ks, v: w}),
             "at a second voltage, the resting potential V_s of the pumped cell, where the currents are "
             "I_Nas and I_Ks.",
             "而且是在另一个电压下，即有泵时细胞的静息电位 V_s，那里的电流记作 I_Nas 和 I_Ks。"),
        define("reduced-resting-potential", Eq(w, e * V_s / (k_B * T)),
               "Here w stands for V_s in units of k_B T / e.",
               "这里 w 代表以 k_B T / e 为单位的 V_s。"),
        given("zero-total-current", Eq(I_K + I_Na + I_Cl, 0),
              "At rest the currents cancel.", "静息时各电流相互抵消。"),
        step("currents-cancel",
             Eq(P_K * F * v * (K_i - K_o * sp.exp(-v)) / (1 - sp.exp(-v))
                   + P_Na * F * v * (Na_i - Na_o * sp.exp(-v)) / (1 - sp.exp(-v))
                   + P_Cl * F * v * (Cl_i - Cl_o * sp.exp(v)) / (1 - sp.exp(v)), 0),
             by.substituting("potassium-current", "sodium-current", "chloride-current", into="zero-total-current"),
             "Write the three currents out.", "把三个电流写出来。"),
        step("bracket",
             Eq(P_K * (K_i - K_o * sp.exp(-v)) + P_Na * (Na_i - Na_o * sp.exp(-v))
                   + P_Cl * (Cl_o - Cl_i * sp.exp(-v)), 0),
             by.dividing_both_sides("currents-cancel", F * v / (1 - sp.exp(-v))),
             "Divide by the common factor F v / (1 - e^(-v)); for Cl⁻, (1 - e^(-v)) / (1 - e^v) = -e^(-v) "
             "swaps its inside and outside.",
             "除以公因子 F v / (1 - e^(-v))；对 Cl⁻，(1 - e^(-v)) / (1 - e^v) = -e^(-v)，内外浓度互换位置。"),
        step("ghk-voltage-reduced", Eq(v, sp.log(ghk_bracket)), by.solving_for(v, "bracket"),
             "Solve for the voltage.", "解出电压。"),
        step("ghk-voltage", Eq(V, k_B * T / e * sp.log(ghk_bracket)),
             by.solving_for(V, "ghk-voltage-reduced", setting={v: e * V / (k_B * T)}),
             "The GHK voltage equation: each ion pulls the voltage towards its own Nernst potential, "
             "in proportion to its permeability.",
             "GHK 电压方程：每种离子都把电压拉向它自己的能斯特电位，拉力与其通透率成正比。"),
        step("no-sodium", Eq(V, k_B * T / e * sp.log((P_K * K_o + P_Cl * Cl_i) / (P_K * K_i + P_Cl * Cl_o))),
             by.taking_limit("ghk-voltage", P_Na, 0),
             "If the membrane let no Na⁺ through (P_Na → 0), the voltage equation keeps only K⁺ and Cl⁻.",
             "如果膜完全不让 Na⁺ 通过（P_Na → 0），电压方程只剩下 K⁺ 和 Cl⁻。"),
        step("potassium-dominates", Eq(V, k_B * T / e * sp.log(K_o / K_i)),
             by.taking_limit("no-sodium", P_Cl, 0),
             "If it let no Cl⁻ through either (P_Cl → 0), the resting potential would be the Nernst potential of K⁺.",
             "如果也不让 Cl⁻ 通过（P_Cl → 0），静息电位就等于 K⁺ 的能斯特电位。"),
        step("squid-resting-potential", Eq(V, -62 * millivolt),
             by.evaluating_at("ghk-voltage", SQUID_AT_REST, digits=2),
             "The squid axon at rest, P_K : P_Na : P_Cl = 1 : 0.04 : 0.45 (Hodgkin and Katz 1949), 20 °C. Only these "
             "ratios enter the equation; for the values we take a typical magnitude, 10⁻⁶ cm/s for P_K. "
             "The result is −62 mV, between E_K (−76 mV) and E_Na (+55 mV) but close to E_K, because the membrane "
             "is 25 times as permeable to K⁺ as to Na⁺. That is why the resting potential is negative, not 0.",
             "乌贼轴突静息时 P_K : P_Na : P_Cl = 1 : 0.04 : 0.45（Hodgkin 和 Katz 1949），20 °C。方程里只出现这些"
             "比值；数值上取典型的量级，P_K 为 10⁻⁶ cm/s。结果是 −62 mV，介于 E_K（−76 mV）和 E_Na（+55 mV）之间，"
             "但靠近 E_K，因为 K⁺ 的通透率是 Na⁺ 的 25 倍。"
             "这就是静息电位为负而不是 0 的原因。"),
        step("squid-high-chloride", Eq(V, -46 * millivolt),
             by.evaluating_at("ghk-voltage", SQUID_HIGH_CHLORIDE, digits=2),
             "That value took 40 mM for the Cl⁻ inside, the low end of the range 40–150 mM in Purves et al.'s Table 2.1. At the high end, "
             "150 mM, the same equation gives -46 mV: with P_Cl almost half of P_K, chloride matters. Which is "
             "right? The Na⁺/K⁺ pump does not move Cl⁻. A cell that does not transport Cl⁻ at all lets it drift "
             "until its current vanishes, at E_Cl = V; then Cl⁻ adds nothing to the balance and the squid axon "
             "rests at -60 mV with about 52 mM Cl⁻ inside (exercise 2), near the low end. More Cl⁻ than that "
             "inside can only be held by a transporter that carries it in; the measured range reflects such "
             "transport and differences between preparations. The choice of 40 mM is the one nearest to a "
             "passively distributed Cl⁻.",
             "上面的值取细胞内 Cl⁻ 为 40 mM，即 Purves 等人表 2.1 中 40～150 mM 的下限。若取上限 150 mM，同一方程给出 -46 mV："
             "P_Cl 几乎是 P_K 的一半，氯离子的作用不可忽视。哪个对？Na⁺/K⁺ 泵并不转运 Cl⁻。如果细胞完全不转运 "
             "Cl⁻，Cl⁻ 就会漂移到它的电流为零为止，即 E_Cl = V；这时 Cl⁻ 对电流平衡毫无贡献，乌贼轴突静息于 "
             "-60 mV，细胞内 Cl⁻ 约为 52 mM（练习 2），接近下限。细胞内的 Cl⁻ 要比这更多，只能靠把它运进细胞的"
             "转运体维持；测得的范围反映了这种转运以及不同标本之间的差别。取 40 mM 最接近被动分布的 Cl⁻。"),
        step("passive-chloride",
             Eq(V, k_B * T / e * sp.log((P_K * K_o + P_Na * Na_o) / (P_K * K_i + P_Na * Na_i))),
             by.taking_limit("ghk-voltage", P_Cl, 0),
             "A Cl⁻ at its own Nernst potential carries no current, whatever P_Cl: the balance is then that of "
             "K⁺ and Na⁺ alone, the same as for P_Cl → 0,",
             "处于自身能斯特电位的 Cl⁻ 不携带电流，无论 P_Cl 多大：这时只剩 K⁺ 与 Na⁺ 之间的平衡，与 P_Cl → 0 相同，"),
        step("squid-passive-chloride", Eq(V, -60 * millivolt),
             by.evaluating_at("passive-chloride", SQUID_AT_REST, digits=2),
             "which for the squid axon is -60 mV.", "对乌贼轴突为 -60 mV。"),
        step("mammal-resting-potential", Eq(V, -65 * millivolt),
             by.evaluating_at("ghk-voltage", MAMMAL_AT_REST, digits=2),
             "A mammalian neuron at 37 °C, with K⁺ 5/140, Na⁺ 145/15 and Cl⁻ 110/10 mM (outside/inside; "
             "Purves et al., Table 2.1) and P_K : P_Na : P_Cl = 1 : 0.05 : 0.45 (the squid's P_Cl/P_K, with P_Na/P_K "
             "raised from the squid's 0.04 to 0.05: an illustrative choice, not a measurement; measured ratios "
             "differ from cell to cell): −65 mV. Its Cl⁻ is close to passive (E_Cl = -64 mV), "
             "so here chloride hardly matters.",
             "37 °C 的哺乳动物神经元，K⁺ 5/140、Na⁺ 145/15、Cl⁻ 110/10 mM（外/内），P_K : P_Na : P_Cl = "
             "1 : 0.05 : 0.45（P_Cl/P_K 沿用乌贼的值，P_Na/P_K 由乌贼的 0.04 提高到 0.05：这只是示例性的取值，"
             "不是实测值；实测比值因细胞而异）：−65 mV。它的 Cl⁻ 接近被动分布"
             "（E_Cl = -64 mV），所以这里氯离子几乎不起作用。"),
        # --- One ion alone ---------------------------------------------------------------------------
        # --- The pump ------------------------------------------------------------------------------
        heading("Rest is a pumped steady state, not an equilibrium", "静息是由泵维持的稳态，而不是平衡",
                given("sodium-balance", Eq(I_Nas, -3 * F * r),
              "At the resting potential no ion is at its own Nernst potential (E_K = -76 mV, E_Na = +55 mV "
              "in the squid): K⁺ keeps leaking out and Na⁺ keeps leaking in. The resting cell is not in "
              "electrochemical equilibrium, as it is often described; it is a steady state, kept by "
              "the Na⁺/K⁺ pump (Skou 1957), which uses one ATP to carry 3 Na⁺ out and 2 K⁺ in. In the steady "
              "state, with resting potential V_s, the Na⁺ that leaks in is pumped out, 3 per cycle (r cycles "
              "per area and time).",
              "静息电位处没有一种离子处于自己的能斯特电位（乌贼中 E_K = -76 mV，E_Na = +55 mV）："
              "K⁺ 不断漏出，Na⁺ 不断漏入。静息的细胞并不像常说的那样处于电化学平衡，而是处于稳态，"
              "由 Na⁺/K⁺ 泵（Skou 1957）维持：它每消耗一个 ATP 把 3 个 Na⁺ 运出、2 个 K⁺ 运入。"
              "在静息电位为 V_s 的稳态中，漏入的 Na⁺ 被泵出，每个循环 3 个（单位面积、单位时间 r 个循环）。")),
        given("potassium-balance", Eq(I_Ks, 2 * F * r),
              "The K⁺ that leaks out is pumped in, 2 per cycle.", "漏出的 K⁺ 被泵入，每个循环 2 个。"),
        define("pump-current", Eq(I_p, F * r),
               "Each cycle moves one net charge outward: the pump carries a current of its own.",
               "每个循环向外净移动一个电荷：泵本身携带电流。"),
        step("no-net-current", Eq(I_Ks + I_Nas + I_p, 0),
             by.substituting("potassium-balance", "sodium-balance", "pump-current"),
             "So the channel currents no longer cancel by themselves: they add up to minus the pump's current, "
             "and the cell's charge stays constant.",
             "于是通道电流之和不再为零，而是等于泵电流的相反数，细胞的电荷保持不变。"),
        step("pump-ratio", Eq(2 * I_Nas + 3 * I_Ks, 0), by.substituting("sodium-balance", "potassium-balance"),
             "The pump fixes the ratio of the two leaks: 3 Na⁺ in for every 2 K⁺ out.",
             "泵确定了两种泄漏之比：每漏出 2 个 K⁺ 就漏入 3 个 Na⁺。"),
        step("pump-ratio-written",
             Eq(2 * P_Na * F * w * (Na_i - Na_o * sp.exp(-w)) / (1 - sp.exp(-w))
                + 3 * P_K * F * w * (K_i - K_o * sp.exp(-w)) / (1 - sp.exp(-w)), 0),
             by.substituting("sodium-balance", "potassium-balance", into="pump-combination-at-rest"),
             "Write the two currents out.", "把两个电流写出来。"),
        step("pump-bracket", Eq(3 * P_K * (K_i - K_o * sp.exp(-w)) + 2 * P_Na * (Na_i - Na_o * sp.exp(-w)), 0),
             by.dividing_both_sides("pump-ratio-written", F * w / (1 - sp.exp(-w))),
             "Divide by the common factor.", "除以公因子。"),
        step("pumped-reduced",
             Eq(w, sp.log((3 * P_K * K_o + 2 * P_Na * Na_o) / (3 * P_K * K_i + 2 * P_Na * Na_i))),
             by.solving_for(w, "pump-bracket"), "Solve for w.", "解出 w。"),
        step("mullins-noda",
             Eq(V_s, k_B * T / e * sp.log((3 * P_K * K_o + 2 * P_Na * Na_o) / (3 * P_K * K_i + 2 * P_Na * Na_i))),
             by.solving_for(V_s, "pumped-reduced", setting={w: e * V_s / (k_B * T)}),
             "The resting potential of the pumped cell (Mullins and Noda 1963), with Cl⁻ passively distributed: "
             "like the GHK equation, but K⁺ counts 3/2 times its permeability, because the pump's outward "
             "current must be balanced by extra inward current through the channels.",
             "有泵的细胞的静息电位（Mullins 和 Noda 1963；Cl⁻ 被动分布）：形式与 GHK 方程相同，但 K⁺ 按其"
             "通透率的 3/2 倍计入，因为泵向外的电流必须由通道中额外的内向电流来平衡。"),
        step("squid-pumped", Eq(V_s, -64 * millivolt), by.evaluating_at("mullins-noda", SQUID_AT_REST, digits=2),
             "The squid axon: -64 mV, 4 mV more negative than the -60 mV of GHK with a passive Cl⁻.",
             "乌贼轴突：-64 mV，比 Cl⁻ 被动分布时 GHK 给出的 -60 mV 更负 4 mV。"),
        step("mammal-pumped", Eq(V_s, -71 * millivolt), by.evaluating_at("mullins-noda", MAMMAL_AT_REST, digits=2),
             "The mammalian neuron: -71 mV, 6 mV more negative than GHK's -65 mV. The pump's current is small "
             "(a few tenths of a μA/cm², see the ion-conductance handout) and the pump is far too slow to matter "
             "during a millisecond action potential; but it is what keeps the gradients that the resting "
             "potential lives on. Stop it and the cell runs down over minutes to hours.",
             "哺乳动物神经元：-71 mV，比 GHK 的 -65 mV 更负 6 mV。泵电流很小（每平方厘米零点几 μA，见离子电导"
             "讲义），在持续约一毫秒的动作电位中泵慢得无足轻重；但正是它维持着静息电位赖以存在的浓度梯度。"
             "让泵停下，细胞会在几分钟到几小时内逐渐失去这些梯度。"),
        # --- One ion alone ----------------------------------------------------------------------------
        heading("One ion alone", "只有一种离子", given("no-current", Eq(c_in - c_out * boltzmann_factor, 0),
              "The current of one ion vanishes exactly when the bracket does (the factor in front is "
              "never zero).", "单一离子的电流为零当且仅当括号为零（前面的因子不为零）。")),
        step("single-ion-reversal", Eq(u, sp.log(c_out / c_in)), by.solving_for(u, "no-current"),
             "So the current of one ion reverses where u = ln(c_out/c_in).",
             "所以单一离子的电流在 u = ln(c_out/c_in) 处反向。"),
        step("reduces-to-nernst", Eq(V, k_B * T / (z * e) * sp.log(c_out / c_in)),
             by.solving_for(V, "single-ion-reversal", setting={u: z * e * V / (k_B * T)}),
             "In volts, that is its Nernst potential, as it must be.",
             "换算成电压，这正是它的能斯特电位，理应如此。"),
        # --- Exercises -------------------------------------------------------------------------------
        *exercise("ex-raised-potassium",
                  "The K⁺ outside a mammalian neuron rises from 5 to 10 mM (as after intense activity). What "
                  "does the GHK equation give for the resting potential?",
                  "哺乳动物神经元外的 K⁺ 从 5 mM 升到 10 mM（例如剧烈活动之后）。GHK 方程给出的静息电位是多少？",
                  step("ex-raised-potassium-value", Eq(V, -58 * millivolt),
                       by.evaluating_at("ghk-voltage", {**MAMMAL_AT_REST, K_o: 10 * millimolar}, digits=2),
                       "Put K_o = 10 mM into the GHK voltage equation.", "把 K_o = 10 mM 代入 GHK 电压方程。"),
                  answer=Text("-58 mV: the cell depolarises by 7 mV, because K⁺ dominates the resting membrane.",
                              "-58 mV：细胞去极化 7 mV，因为静息膜主要由 K⁺ 决定。")),
        *exercise("ex-passive-chloride",
                  "If the squid axon did not transport Cl⁻ at all, Cl⁻ would settle where its current vanishes. "
                  "How much Cl⁻ would there be inside at -60 mV (outside 560 mM, 20 °C)?",
                  "如果乌贼轴突完全不转运 Cl⁻，Cl⁻ 就会重新分布，直到它的电流为零。在 −60 mV 时细胞内会有多少 Cl⁻"
                  "（细胞外 560 mM，20 °C）？",
                  step("ex-passive-chloride-inside", Eq(c_in, c_out * sp.exp(-u)),
                       by.solving_for(c_in, "single-ion-reversal"),
                       "The current of one ion vanishes where u = ln(c_out/c_in): solve for c_in.",
                       "单一离子的电流在 u = ln(c_out/c_in) 处为零：解出 c_in。"),
                  step("ex-passive-chloride-value", Eq(c_in, 52 * millimolar),
                       by.evaluating_at("ex-passive-chloride-inside",
                                        {c_out: 560 * millimolar,
                                         u: REDUCED_CHLORIDE}, digits=2),
                       "For Cl⁻, z = −1: at V = −60 mV and 20 °C the reduced voltage is u = −eV/(k_B T), "
                       "which is 2.375.",
                       "对 Cl⁻，z = −1：在 V = −60 mV、20 °C 时，约化电压 u = −eV/(k_B T) 为 2.375。"),
                  answer=Text("About 52 mM, near the low end of the measured 40–150 mM.",
                              "约 52 mM，接近实测范围 40～150 mM 的下限。")),
        *exercise("ex-sodium-only",
                  "What would the resting potential be if the membrane let through only Na⁺?",
                  "如果细胞膜只让 Na⁺ 通过，静息电位会是多少？",
                  step("ex-sodium-only-no-potassium",
                       Eq(V, k_B * T / e * sp.log((P_Na * Na_o + P_Cl * Cl_i) / (P_Na * Na_i + P_Cl * Cl_o))),
                       by.taking_limit("ghk-voltage", P_K, 0), "Let P_K → 0,", "令 P_K → 0，"),
                  step("ex-sodium-only-limit", Eq(V, k_B * T / e * sp.log(Na_o / Na_i)),
                       by.taking_limit("ex-sodium-only-no-potassium", P_Cl, 0), "then P_Cl → 0.", "再令 P_Cl → 0。"),
                  step("ex-sodium-only-squid", Eq(V, 55 * millivolt),
                       by.evaluating_at("ex-sodium-only-limit", SQUID_AT_REST, digits=2),
                       "In the squid:", "在乌贼中："),
                  answer=Text("E_Na, +55 mV in the squid: at the peak of an action potential, when Na⁺ channels "
                              "dominate, the membrane comes close to it.",
                              "E_Na，乌贼中为 +55 mV：动作电位峰值时 Na⁺ 通道占主导，膜电位接近这个值。")),
    ),
    checks=(
        *(
            simulated(f"current-at-{millivolts:+d}kT", "ghk-current-volts", nernst_planck_current,
                      {**ONE_ION, V: float(millivolts)},
                      f"Current of K⁺ (squid concentrations) from the Nernst-Planck equation solved numerically "
                      f"across the membrane, at V = {millivolts:+d} k_B T/e.",
                      f"在 V = {millivolts:+d} k_B T/e 时，数值求解 Nernst-Planck 方程得到的 K⁺ 电流（乌贼浓度）。")
            for millivolts in (-4, -1, 2, 5)
        ),
        simulated("squid-reversal", "ghk-voltage", three_ion_reversal, SQUID_UNITS,
                  "The voltage at which the numerically solved K⁺, Na⁺ and Cl⁻ currents cancel, found by "
                  "root-finding (squid concentrations and permeabilities), in units of k_B T/e.",
                  "用求根法找出数值求解的 K⁺、Na⁺、Cl⁻ 电流相互抵消的电压（乌贼浓度和通透率），单位 k_B T/e。"),
        simulated("squid-pumped-steady-state", "mullins-noda", pumped_steady_state, SQUID_UNITS,
                  "The voltage at which the numerically solved Nernst-Planck fluxes of Na⁺ and K⁺ are in the "
                  "pump's ratio 3 : 2 (squid concentrations and permeabilities), in units of k_B T/e.",
                  "数值求解的 Na⁺ 与 K⁺ 的 Nernst-Planck 通量之比等于泵的比值 3 : 2 时的电压（乌贼浓度和通透率），"
                  "单位 k_B T/e。"),
        simulated("mammal-pumped-steady-state", "mullins-noda", pumped_steady_state, MAMMAL_UNITS,
                  "The same for the mammalian neuron's concentrations and permeabilities.",
                  "哺乳动物神经元的浓度和通透率下同理。"),
    ),
    figures=FIGURES,
    module=__name__,
    key_ideas=(
        Text("With a constant field in the membrane, the Nernst-Planck flux of each ion integrates exactly: "
             "the GHK current equation.", "膜内电场恒定时，每种离子的 Nernst-Planck 通量可以精确积分：这就是 GHK 电流方程。"),
        Text("Where the currents of K⁺, Na⁺ and Cl⁻ cancel, the voltage is a permeability-weighted compromise "
             "between their Nernst potentials; at rest the membrane is 20–25 times as permeable to K⁺ as to Na⁺, "
             "so the resting potential, −60 to −65 mV, lies near E_K.",
             "K⁺、Na⁺、Cl⁻ 的电流相互抵消时，电压是它们各自能斯特电位之间按通透率加权的折中；静息时 K⁺ "
             "的通透率是 Na⁺ 的 20～25 倍，所以静息电位（−60 至 −65 mV）靠近 E_K。"),
        Text("A Cl⁻ that no transporter moves redistributes until E_Cl = V (its current is then zero), and then "
             "does not affect the resting potential.",
             "没有转运体搬运的 Cl⁻ 会重新分布，直到 E_Cl = V（这时它的电流为零），于是不影响静息电位。"),
        Text("Rest is a steady state, not an equilibrium: Na⁺ and K⁺ leak all the time, and the Na⁺/K⁺ pump "
             "(3 Na⁺ out, 2 K⁺ in) carries them back; its own outward current makes the cell a few mV more "
             "negative, -64 mV in the squid and -71 mV in a mammalian neuron.",
             "静息是稳态而不是平衡：Na⁺ 与 K⁺ 一直在泄漏，由 Na⁺/K⁺ 泵（运出 3 个 Na⁺、运入 2 个 K⁺）送回；"
             "泵自身向外的电流使细胞再负几个 mV：乌贼为 -64 mV，哺乳动物神经元为 -71 mV。"),
    ),
)
