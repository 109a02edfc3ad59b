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

from derive import Derivation, Eq, Estimate, Params, SymbolTable, Text, by, define, given, simulated, step
from derive.library.nernst_potential import BOLTZMANN, ELEMENTARY, ROOM, millimolar, millivolt
from derive.figures.goldman_hodgkin_katz import FIGURES
from derive.sim import nernst_planck

GOLDMAN = "D. E. Goldman, J. Gen. Physiol. 27, 37 (1943)"
HODGKIN_KATZ = "A. L. Hodgkin and B. Katz, J. Physiol. 108, 37 (1949)"
SQUID = ("A. L. Hodgkin, The Conduction of the Nervous Impulse (1964), as tabulated in D. Purves et al., "
         "Neuroscience, Table 2.1 (squid giant axon)")
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

boltzmann_factor = sp.exp(-u)
ghk_bracket = (P_K * K_o + P_Na * Na_o + P_Cl * Cl_i) / (P_K * K_i + P_Na * Na_i + P_Cl * Cl_o)

# Squid axon at rest (Hodgkin and Katz 1949: P_K : P_Na : P_Cl = 1 : 0.04 : 0.45), 20 °C.
SQUID_AT_REST = {
    k_B: BOLTZMANN, T: ROOM, e: ELEMENTARY,
    P_K: 1 * meter / second, P_Na: sp.Rational(4, 100) * meter / second, P_Cl: sp.Rational(45, 100) * meter / second,
    K_i: 400 * millimolar, K_o: 20 * millimolar, Na_i: 50 * millimolar, Na_o: 440 * millimolar,
    Cl_i: 40 * millimolar, Cl_o: 560 * millimolar,
}
# Simulations in units where k_B T / e = 1, mM, μm and ms: only ratios matter.
ONE_ION = {z: 1, e: 1.0, F: 1.0, k_B: 1.0, T: 1.0, P: 1.0, c_in: 400.0, c_out: 20.0}
SQUID_UNITS = {e: 1.0, k_B: 1.0, T: 1.0, P_K: 1.0, P_Na: 0.04, P_Cl: 0.45,
               K_i: 400.0, K_o: 20.0, Na_i: 50.0, Na_o: 440.0, Cl_i: 40.0, Cl_o: 560.0}


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



# What a reader needs first besides the handouts quoted below (read by derive.render.view).
NEEDS = Text("a first-order linear differential equation, solved with an integrating factor",
             "一阶线性微分方程（用积分因子求解）")
SOURCES_ZH = {
    "the constant field": "恒定电场",
    "the voltage equation and the permeability ratios": "电压方程与通透率之比",
    "squid giant axon": "乌贼巨轴突",
    "D. E. Goldman, J. Gen. Physiol. 27, 37 (1943)": "D. E. Goldman，J. Gen. Physiol. 27, 37 (1943)",
    "A. L. Hodgkin and B. Katz, J. Physiol. 108, 37 (1949)": "A. L. Hodgkin 和 B. Katz，J. Physiol. 108, 37 (1949)",
    "A. L. Hodgkin, The Conduction of the Nervous Impulse (1964), as tabulated in D. Purves et al., Neuroscience":
        "A. L. Hodgkin，The Conduction of the Nervous Impulse (1964)，转引自 D. Purves 等，Neuroscience",
}

derivation = Derivation(
    id="goldman-hodgkin-katz",
    title=Text("Goldman-Hodgkin-Katz: why the resting potential is near -70 mV",
               "Goldman-Hodgkin-Katz：为什么静息电位约为 -70 mV"),
    question=Text(
        "Several ions leak through the membrane at once. At what voltage do their currents cancel, "
        "and why is it near -70 mV rather than 0?",
        "多种离子同时漏过细胞膜。它们的电流在什么电压下相互抵消？为什么这个电压约为 -70 mV 而不是 0？",
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
        Text("At the resting potential the total current is zero (pumps are slow and ignored).",
             "静息电位时总电流为零（离子泵很慢，忽略不计）。"),
    ),
    sources=(f"{GOLDMAN} (the constant field)", f"{HODGKIN_KATZ} (the voltage equation and the permeability ratios)",
             f"{SQUID}", "B. Hille, Ion Channels of Excitable Membranes, 3rd ed. (2001), ch. 14",
             "The seed article, 高中生也能看懂的的神经科学数学基础, §1 and §1.2 (2024)"),
    steps=(
        step("nernst-planck",
             Eq(j, -D * (sp.Derivative(c(x), x) + z * e * c(x) * sp.Derivative(phi(x), x) / (k_B * T))),
             by.earlier_result("nernst-potential", "nernst-planck"),
             "Start from the Nernst-Planck flux (the Nernst handout).", "从 Nernst-Planck 通量出发（见能斯特讲义）。"),
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
             "Multiply by the integrating factor exp(-u x / d): the left side becomes a total derivative.",
             "乘以积分因子 exp(-u x / d)：左边变成一个全导数。"),
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
        define("reduced-voltage-monovalent", Eq(v, e * V / (k_B * T)),
               "For several ions, measure the voltage in units of k_B T / e: v = u for z = 1, -u for z = -1.",
               "对多种离子，以 k_B T / e 为单位量电压：z = 1 时 v = u，z = -1 时 v = -u。"),
        step("potassium-current", Eq(I_K, P_K * F * v * (K_i - K_o * sp.exp(-v)) / (1 - sp.exp(-v))),
             by.instance_of("ghk-current", {I: I_K, P: P_K, z: 1, u: v, c_in: K_i, c_out: K_o}),
             "K⁺ (z = 1, so u = eV / k_B T = v).", "K⁺（z = 1，所以 u = eV / k_B T = v）。"),
        step("sodium-current", Eq(I_Na, P_Na * F * v * (Na_i - Na_o * sp.exp(-v)) / (1 - sp.exp(-v))),
             by.instance_of("ghk-current", {I: I_Na, P: P_Na, z: 1, u: v, c_in: Na_i, c_out: Na_o}),
             "Na⁺ likewise.", "Na⁺ 同理。"),
        step("chloride-current", Eq(I_Cl, P_Cl * F * v * (Cl_i - Cl_o * sp.exp(v)) / (1 - sp.exp(v))),
             by.instance_of("ghk-current", {I: I_Cl, P: P_Cl, z: -1, u: -v, c_in: Cl_i, c_out: Cl_o}),
             "Cl⁻ has z = -1, so u = -v.", "Cl⁻ 的 z = -1，所以 u = -v。"),
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
             "The squid axon at rest, P_K : P_Na : P_Cl = 1 : 0.04 : 0.45 (Hodgkin and Katz 1949), 20 °C: "
             "-62 mV, between E_K (-76 mV) and E_Na (+55 mV) but close to E_K, because K⁺ leaks 25 times "
             "more easily than Na⁺. That is why the resting potential is negative, not 0.",
             "乌贼轴突静息时 P_K : P_Na : P_Cl = 1 : 0.04 : 0.45（Hodgkin 和 Katz 1949），20 °C："
             "-62 mV，介于 E_K（-76 mV）和 E_Na（+55 mV）之间，但靠近 E_K，因为 K⁺ 的泄漏比 Na⁺ 容易 25 倍。"
             "这就是静息电位为负而不是 0 的原因。"),
        # --- One ion alone ---------------------------------------------------------------------------
        given("no-current", Eq(c_in - c_out * boltzmann_factor, 0),
              "The current of one ion vanishes exactly when the bracket does (the factor in front is "
              "never zero).", "单一离子的电流为零当且仅当括号为零（前面的因子不为零）。"),
        step("single-ion-reversal", Eq(u, sp.log(c_out / c_in)), by.solving_for(u, "no-current"),
             "So the current of one ion reverses where u = ln(c_out/c_in).",
             "所以单一离子的电流在 u = ln(c_out/c_in) 处反向。"),
        step("reduces-to-nernst", Eq(V, k_B * T / (z * e) * sp.log(c_out / c_in)),
             by.solving_for(V, "single-ion-reversal", setting={u: z * e * V / (k_B * T)}),
             "In volts, that is its Nernst potential, as it must be.",
             "换算成电压，这正是它的能斯特电位，理应如此。"),
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
    ),
    figures=FIGURES,
    module=__name__,
)
