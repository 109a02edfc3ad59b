"""The Nernst potential: the voltage at which an ion's diffusion and drift balance.

Answers the question of the seed article's section 1.2 (how is the electrochemical
equilibrium derived?) by two routes: from the Boltzmann distribution, and from the
Nernst-Planck flux (diffusion plus drift, the drift given by the Einstein relation of
1.2.4) set to zero. Then the numbers: about 58 mV per tenfold concentration ratio at 20 °C,
and the Nernst potentials of K⁺, Na⁺, Cl⁻ and Ca²⁺ in the squid giant axon and in a
mammalian neuron.

Sources: W. Nernst, Z. Phys. Chem. 4, 129 (1889); M. Planck, Ann. Phys. 275, 161 (1890);
P. Nelson, Biological Physics (2004), §4.6.3 and §11.1; B. Hille, Ion Channels of Excitable
Membranes, 3rd ed. (2001), ch. 1; the seed article, §1.2.
"""

from __future__ import annotations

import numpy as np
import sympy as sp
from sympy.physics.units import (
    amount_of_substance,
    charge,
    coulomb,
    energy,
    joule,
    kelvin,
    length,
    mass,
    meter,
    mol,
    temperature,
    time,
    volt,
    voltage,
)
from sympy.physics.units.quantities import Quantity

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
from derive.figures.nernst_potential import FIGURES
from derive.sim import brownian, nernst_planck

SI_2019 = ("The International System of Units (SI), 9th ed. (BIPM, 2019): the elementary charge, "
           "Avogadro's constant and the Boltzmann constant are exact")
BOLTZMANN_LAW = "L. Boltzmann (1877); R. P. Feynman, The Feynman Lectures on Physics, vol. I (1963), ch. 40"
NERNST_PLANCK = "W. Nernst, Z. Phys. Chem. 4, 129 (1889); M. Planck, Ann. Phys. 275, 161 (1890)"
SQUID = ("A. L. Hodgkin, The Conduction of the Nervous Impulse (1964), as tabulated in D. Purves et al., "
         "Neuroscience, Table 2.1 (squid giant axon)")
BERNSTEIN = "J. Bernstein, Pflügers Arch. 92, 521 (1902)"
NERNST_1888 = "W. Nernst, Z. Phys. Chem. 2, 613 (1888)"
SQUID_TEMPERATURE = sp.Rational("279.45") * kelvin  # 6.3 °C, Hodgkin and Huxley's
MAMMAL = "D. Purves et al., Neuroscience, Table 2.1 (a typical mammalian neuron; one value from each range)"
concentration = amount_of_substance / length**3
millimolar = mol / meter**3  # 1 mM = 1 mol/m³


def _millivolt() -> Quantity:
    unit = Quantity("millivolt", abbrev="mV")
    unit.set_global_relative_scale_factor(sp.Rational(1, 1000), volt)
    return unit


millivolt = _millivolt()

symbols = SymbolTable()
V = symbols.add("V", voltage, "membrane potential, inside minus outside", "膜电位（内减外）", real=True)
k_B = symbols.add("k_B", energy / temperature, "Boltzmann's constant", "玻尔兹曼常数", positive=True)
T = symbols.add("T", temperature, "absolute temperature", "绝对温度", positive=True)
e = symbols.add("e", charge, "elementary charge", "元电荷", positive=True)
z = symbols.add("z", 1, "valence of the ion (+1 for K⁺, −1 for Cl⁻)", "离子的价数（K⁺ 为 +1，Cl⁻ 为 −1）",
                integer=True, nonzero=True)
c_in = symbols.add("c_in", concentration, "concentration inside the cell", "细胞内浓度", positive=True,
                   latex=r"c_{\mathrm{in}}")
c_out = symbols.add("c_out", concentration, "concentration outside the cell", "细胞外浓度", positive=True,
                    latex=r"c_{\mathrm{out}}")
U_in = symbols.add("U_in", energy, "energy of an ion inside", "离子在细胞内的能量", real=True,
                   latex=r"U_{\mathrm{in}}")
U_out = symbols.add("U_out", energy, "energy of an ion outside", "离子在细胞外的能量", real=True,
                    latex=r"U_{\mathrm{out}}")
phi_in = symbols.add("phi_in", voltage, "electric potential inside", "细胞内的电势", real=True,
                     latex=r"\phi_{\mathrm{in}}")
phi_out = symbols.add("phi_out", voltage, "electric potential outside", "细胞外的电势", real=True,
                      latex=r"\phi_{\mathrm{out}}")
N_A = symbols.add("N_A", 1 / amount_of_substance, "Avogadro's constant", "阿伏伽德罗常数", positive=True)
R = symbols.add("R", energy / (temperature * amount_of_substance), "gas constant", "气体常数", positive=True)
F = symbols.add("F", charge / amount_of_substance, "Faraday's constant", "法拉第常数", positive=True)
x = symbols.add("x", length, "position across the membrane, from inside (0) to outside (d)",
                "跨膜的位置，从内侧（0）到外侧（d）", real=True)
d = symbols.add("d", length, "thickness of the membrane", "膜的厚度", positive=True)
c = symbols.function("c", concentration, "concentration at position x", "位置 x 处的浓度")
phi = symbols.function("phi", voltage, "electric potential at position x", "位置 x 处的电势")
j = symbols.add("j", amount_of_substance / (length**2 * time), "flux of ions, outward", "离子通量（向外为正）",
                real=True)
D = symbols.add("D", length**2 / time, "diffusion constant of the ion in the membrane", "离子在膜中的扩散系数",
                positive=True)
zeta = symbols.add("zeta", mass / time, "friction coefficient of the ion", "离子的摩擦系数", positive=True)
v_drift = symbols.add("v_drift", length / time, "drift velocity of the ion", "离子的漂移速度", real=True,
                      latex=r"v_{\mathrm{drift}}")

ELEMENTARY = sp.Rational("1.602176634e-19") * coulomb
AVOGADRO = sp.Rational("6.02214076e23") / mol
BOLTZMANN = sp.Rational("1.380649e-23") * joule / kelvin
GAS = AVOGADRO * BOLTZMANN
FARADAY = AVOGADRO * ELEMENTARY
ROOM = sp.Rational("293.15") * kelvin  # 20 °C
BODY = sp.Rational("310.15") * kelvin  # 37 °C


def nernst_at(ion_in: str, ion_out: str, valence: int, temperature_k: sp.Expr) -> dict:
    """The values at which the molar Nernst equation is evaluated for one ion."""
    return {R: GAS, F: FARADAY, T: temperature_k, z: valence,
            c_in: sp.Rational(ion_in) * millimolar, c_out: sp.Rational(ion_out) * millimolar}


# Units of k_B T / e = 1 for the simulations: the ratio depends only on z e V / k_B T.
ACROSS_A_STEP = {z: 1, e: 1.0, V: -1.0, k_B: 1.0, T: 1.0}
SQUID_POTASSIUM = {z: 1, e: 1.0, k_B: 1.0, T: 1.0, c_in: 400.0, c_out: 20.0}
SQUID_CHLORIDE = {z: -1, e: 1.0, k_B: 1.0, T: 1.0, c_in: 40.0, c_out: 560.0}


def boltzmann_ratio(at: Params, rng: np.random.Generator) -> Estimate:
    """c_out/c_in of Brownian ions that meet a potential-energy step of height -z e V."""
    step_height = -at[z] * at[e] * at[V]
    return brownian.concentration_ratio_across_step(step_height, at[k_B] * at[T], rng)


def reversal_potential(at: Params, rng: np.random.Generator) -> Estimate:
    """The voltage at which the Nernst-Planck flux of one ion vanishes, found by root-finding."""
    ion = nernst_planck.Ion(charge=int(at[z]), diffusion=1.0, inside=at[c_in], outside=at[c_out])
    return nernst_planck.reversal_potential([ion], thickness=1.0, kT_over_e=at[k_B] * at[T] / at[e])



# Chinese for the sources and glosses this handout cites (read by derive.render.view).
NEEDS = Text("the exponential function and the natural logarithm, derivatives, and integrating a derivative",
             "指数函数与自然对数、导数，以及对导数积分")
SOURCES_ZH = {
    "L. Boltzmann (1877)": "L. Boltzmann (1877)",
    "W. Nernst, Z. Phys. Chem. 2, 613 (1888)": "W. Nernst，Z. Phys. Chem. 2, 613 (1888)",
    "J. Bernstein, Pflügers Arch. 92, 521 (1902)": "J. Bernstein，Pflügers Arch. 92, 521 (1902)",
    "W. Nernst, Z. Phys. Chem. 4, 129 (1889)": "W. Nernst，Z. Phys. Chem. 4, 129 (1889)",
    "M. Planck, Ann. Phys. 275, 161 (1890)": "M. Planck，Ann. Phys. 275, 161 (1890)",
    "the Boltzmann distribution": "玻尔兹曼分布",
    "the flux": "通量",
    "The International System of Units (SI), 9th ed. (BIPM, 2019): the elementary charge, "
    "Avogadro's constant and the Boltzmann constant are exact":
        "《国际单位制（SI）》第 9 版（BIPM，2019）：元电荷、阿伏伽德罗常数和玻尔兹曼常数是精确值",
    "A. L. Hodgkin, The Conduction of the Nervous Impulse (1964), as tabulated in D. Purves et al., Neuroscience":
        "A. L. Hodgkin，The Conduction of the Nervous Impulse (1964)，转引自 D. Purves 等，Neuroscience",
    "D. Purves et al., Neuroscience": "D. Purves 等，Neuroscience（中译本《神经科学》）",
    "squid giant axon": "乌贼巨轴突",
    "a typical mammalian neuron; one value from each range": "典型的哺乳动物神经元；每个范围各取一个值",
}

derivation = Derivation(
    id="nernst-potential",
    title=Text("The Nernst potential: E = (k_B T/z e) ln(c_out/c_in)", "能斯特电位：E = (k_B T/z e) ln(c_out/c_in)"),
    question=Text(
        "At what voltage does an ion stop moving across the membrane, although its concentrations "
        "inside and outside differ?",
        "当膜内外的浓度不同时，在什么电压下离子不再净跨膜移动？",
    ),
    section="1.2",
    symbols=symbols.freeze(),
    assumptions=(
        Text("The ion species is in equilibrium across the membrane: no net flux.",
             "该离子跨膜处于平衡：没有净通量。"),
        Text("Concentrations are dilute: ions do not interact except through the mean electric potential.",
             "溶液足够稀：离子之间除了通过平均电势外没有相互作用。"),
        Text("Along the Nernst-Planck route, the ion inside the membrane moves as a Brownian particle "
             "with diffusion constant D and friction ζ (the Einstein-relation handout).",
             "在 Nernst-Planck 的推导中，离子在膜内像布朗粒子一样运动，扩散系数为 D，摩擦系数为 ζ（讲义《Einstein 关系》）。"),
    ),
    sources=(f"{BOLTZMANN_LAW} (the Boltzmann distribution)", f"{NERNST_PLANCK} (the flux)", NERNST_1888, BERNSTEIN,
             f"{SI_2019}", f"{SQUID}", f"{MAMMAL}",
             "B. Hille, Ion Channels of Excitable Membranes, 3rd ed. (2001), ch. 1",
             "The source article, 高中生也能看懂的的神经科学数学基础 (“Neuroscience maths a high-school student can follow”), §1.2 (2024)"),
    steps=(
        # --- Route 1: the Boltzmann distribution ------------------------------------------------
        heading("First route: the Boltzmann distribution", "第一条路：玻尔兹曼分布",
                cite("boltzmann", Eq(c_out / c_in, sp.exp(-(U_out - U_in) / (k_B * T))), BOLTZMANN_LAW,
             "Nernst (1888, 1889) found the voltage that balances a concentration difference of ions in "
             "solution, and Planck (1890) wrote the flux that his argument rests on; in 1902 Bernstein "
             "proposed that a nerve at rest is a membrane permeable to K⁺, whose voltage is the Nernst "
             "potential of K⁺. The first route starts from Boltzmann's law: in equilibrium, the concentration "
             "of particles falls off with their energy as exp(−U/(k_B T)).",
             "Nernst（1888、1889）求出了能与溶液中离子浓度差相平衡的电压，Planck（1890）写出了这一论证所依据的"
             "通量；1902 年 Bernstein 提出，静息的神经是一层让 K⁺ 通过的膜，其电压就是 K⁺ 的能斯特电位。"
             "第一条路从玻尔兹曼定律出发：平衡时，粒子的浓度随其能量按 exp(−U/(k_B T)) 衰减。")),
        define("energy-inside", Eq(U_in, z * e * phi_in), "The electric energy of an ion of charge ze inside.",
               "电荷为 ze 的离子在细胞内的电势能。"),
        define("energy-outside", Eq(U_out, z * e * phi_out), "And outside.", "以及在细胞外。"),
        define("membrane-potential", Eq(V, phi_in - phi_out),
               "The membrane potential is the inside minus the outside potential.", "膜电位等于内侧电势减去外侧电势。"),
        step("ratio", Eq(c_out / c_in, sp.exp(z * e * V / (k_B * T))),
             by.substituting("boltzmann", "energy-inside", "energy-outside", "membrane-potential"),
             "A potential difference holds a concentration ratio: for a cation, a negative inside "
             "(V < 0) keeps the inside concentration high.",
             "电势差维持着浓度比：对阳离子，膜内为负（V < 0）时膜内浓度较高。"),
        step("log-ratio", Eq(sp.log(c_out / c_in), z * e * V / (k_B * T)), by.taking_log("ratio"),
             "Take the logarithm of both sides.", "两边取对数。"),
        step("nernst", Eq(V, k_B * T / (z * e) * sp.log(c_out / c_in)), by.solving_for(V, "log-ratio"),
             "Solved for the voltage: the Nernst potential E = (k_B T/z e) ln(c_out/c_in).",
             "解出电压：能斯特电位 E = (k_B T/z e) ln(c_out/c_in)。"),
        # --- In molar units -------------------------------------------------------------------------
        heading("In the chemists' units", "化学家的单位",
                define("gas-constant", Eq(R, N_A * k_B), "Per mole: R = N_A k_B.", "按摩尔计：R = N_A k_B。")),
        define("faraday-constant", Eq(F, N_A * e), "and F = N_A e.", "以及 F = N_A e。"),
        step("nernst-molar", Eq(V, R * T / (z * F) * sp.log(c_out / c_in)),
             by.substituting("gas-constant", "faraday-constant", into="nernst"),
             "The same in the chemists' units: E = (RT/zF) ln(c_out/c_in).",
             "化学家常用的写法：E = (RT/zF) ln(c_out/c_in)。"),
        given("tenfold", Eq(c_out, 10 * c_in), "Take a tenfold concentration ratio.", "取浓度比为 10。"),
        step("per-decade", Eq(V, R * T * sp.log(10) / (z * F)), by.substituting("tenfold", into="nernst-molar"),
             "Every tenfold ratio is worth (RT/zF) ln 10.", "浓度比每变化 10 倍，电位变化 (RT/zF) ln 10。"),
        step("58-millivolts", Eq(V, 58 * millivolt),
             by.evaluating_at("per-decade", {R: GAS, T: ROOM, F: FARADAY, z: 1}, digits=2),
             "About 58 mV for a monovalent ion at 20 °C.", "20 °C 时一价离子约为 58 mV。"),
        # --- Route 2: the Nernst-Planck flux --------------------------------------------------------
        heading("Second route: diffusion and drift balance", "第二条路：扩散与漂移相平衡",
                step("einstein", Eq(D, k_B * T / zeta), by.earlier_result("einstein-relation", "einstein-diffusion"),
             "The Einstein relation (the Einstein-relation handout) links friction and diffusion.", "Einstein 关系（讲义《Einstein 关系》）联系着摩擦与扩散。")),
        step("friction-from-diffusion", Eq(zeta, k_B * T / D), by.solving_for(zeta, "einstein"),
             "Written for the friction.", "写成摩擦系数的形式。"),
        define("drift-velocity", Eq(v_drift, -z * e * sp.Derivative(phi(x), x) / zeta),
               "The electric force on the ion, −z e dφ/dx, divided by its friction coefficient ζ, is its drift "
               "velocity v_drift (the viscous-friction handout).",
               "离子受到的电场力 −z e dφ/dx 除以摩擦系数 ζ，就是它的漂移速度 v_drift（讲义《碰撞产生的黏性摩擦》）。"),
        cite("flux", Eq(j, -D * sp.Derivative(c(x), x) + c(x) * v_drift), NERNST_PLANCK,
             "The flux of ions is diffusion down the concentration gradient (Fick) plus drift.",
             "离子通量 = 沿浓度梯度的扩散（Fick 定律）+ 漂移。"),
        step("nernst-planck",
             Eq(j, -D * (sp.Derivative(c(x), x) + z * e * c(x) * sp.Derivative(phi(x), x) / (k_B * T))),
             by.substituting("drift-velocity", "friction-from-diffusion", into="flux"),
             "The Nernst-Planck equation: one diffusion constant governs both terms.",
             "Nernst-Planck 方程：两项由同一个扩散系数决定。"),
        given("equilibrium", Eq(j, 0), "In equilibrium there is no net flux.", "平衡时没有净通量。"),
        step("zero-flux",
             Eq(D * sp.Derivative(c(x), x) + D * z * e * c(x) * sp.Derivative(phi(x), x) / (k_B * T), 0),
             by.substituting("equilibrium", into="nernst-planck"),
             "Diffusion and drift cancel at every point of the membrane.", "在膜内每一点，扩散与漂移相互抵消。"),
        step("log-slope",
             Eq(sp.Derivative(sp.log(c(x) / c_in), x), -z * e * sp.Derivative(phi(x), x) / (k_B * T)),
             by.dividing_both_sides("zero-flux", D * c(x)),
             "Divide by D c: the slope of ln(c/c_in) follows the slope of the potential.",
             "除以 D c：ln(c/c_in) 的斜率跟随电势的斜率。"),
        step("across-the-membrane",
             Eq(sp.log(c(d) / c_in) - sp.log(c(0) / c_in), -z * e * (phi(d) - phi(0)) / (k_B * T)),
             by.integrating("log-slope", over=(x, 0, d)),
             "Integrate from the inside (x = 0) to the outside (x = d).", "从内侧（x = 0）积分到外侧（x = d）。"),
        define("inside", Eq(c(0), c_in), "At the inner face the concentration is c_in,", "内表面的浓度为 c_in，"),
        define("outside", Eq(c(d), c_out), "at the outer face c_out,", "外表面为 c_out，"),
        define("potential-drop", Eq(phi(0), phi(d) + V), "and the potential drops by V across the membrane.",
               "跨膜电势降为 V。"),
        step("across-in-terms-of-V", Eq(sp.log(c_out / c_in), z * e * V / (k_B * T)),
             by.substituting("inside", "outside", "potential-drop", into="across-the-membrane"),
             "Put in the values at the two faces.", "代入两侧的值。"),
        step("nernst-again", Eq(V, k_B * T / (z * e) * sp.log(c_out / c_in)),
             by.solving_for(V, "across-in-terms-of-V"),
             "The same Nernst potential, now from the flux: equilibrium means diffusion and drift balance.",
             "从通量出发得到同样的能斯特电位：平衡就是扩散与漂移的平衡。"),
        # --- Numbers ---------------------------------------------------------------------------------
        heading("The numbers: squid axon and mammalian neuron", "数值：乌贼轴突与哺乳动物神经元",
                step("squid-potassium", Eq(V, -76 * millivolt),
             by.evaluating_at("nernst-molar", nernst_at("400", "20", 1, ROOM), digits=2),
             f"Squid axon, K⁺ 400 mM inside, 20 mM outside, 20 °C ({SQUID}).",
             "乌贼轴突，K⁺ 内 400 mM、外 20 mM，20 °C。")),
        step("squid-sodium", Eq(V, 55 * millivolt),
             by.evaluating_at("nernst-molar", nernst_at("50", "440", 1, ROOM), digits=2),
             "Na⁺ 50 mM inside, 440 mM outside.", "Na⁺ 内 50 mM、外 440 mM。"),
        step("squid-chloride", Eq(V, -67 * millivolt),
             by.evaluating_at("nernst-molar", nernst_at("40", "560", -1, ROOM), digits=2),
             "Cl⁻ 40 mM inside (the low end of 40–150 mM), 560 mM outside.", "Cl⁻ 内 40 mM（40～150 mM 的下限）、外 560 mM。"),
        step("squid-calcium", Eq(V, 145 * millivolt),
             by.evaluating_at("nernst-molar", nernst_at("0.0001", "10", 2, ROOM), digits=3),
             "Ca²⁺ 0.1 μM inside, 10 mM outside: a huge ratio, halved by the double charge.",
             "Ca²⁺ 内 0.1 μM、外 10 mM：比值极大，但二价电荷使电位减半。"),
        step("mammal-potassium", Eq(V, -89 * millivolt),
             by.evaluating_at("nernst-molar", nernst_at("140", "5", 1, BODY), digits=2),
             f"Mammalian neuron at 37 °C, K⁺ 140 mM inside, 5 mM outside ({MAMMAL}).",
             "哺乳动物神经元，37 °C，K⁺ 内 140 mM、外 5 mM。"),
        step("mammal-sodium", Eq(V, 61 * millivolt),
             by.evaluating_at("nernst-molar", nernst_at("15", "145", 1, BODY), digits=2),
             "Na⁺ 15 mM inside, 145 mM outside.", "Na⁺ 内 15 mM、外 145 mM。"),
        step("mammal-chloride", Eq(V, -64 * millivolt),
             by.evaluating_at("nernst-molar", nernst_at("10", "110", -1, BODY), digits=2),
             "Cl⁻ 10 mM inside, 110 mM outside.", "Cl⁻ 内 10 mM、外 110 mM。"),
        step("mammal-calcium", Eq(V, 132 * millivolt),
             by.evaluating_at("nernst-molar", nernst_at("0.0001", "2", 2, BODY), digits=3),
             "Ca²⁺ 0.1 μM inside, 2 mM outside.", "Ca²⁺ 内 0.1 μM、外 2 mM。"),
        # --- Exercises -------------------------------------------------------------------------------
        *exercise("ex-temperature",
                  "Hodgkin and Huxley worked on squid axons at 6.3 °C. What is E_K for the squid's concentrations "
                  "(400 mM inside, 20 mM outside) at 6.3 °C, and what would it be at body temperature, 37 °C?",
                  "Hodgkin 和 Huxley 在 6.3 °C 下研究乌贼轴突。按乌贼的浓度（内 400 mM、外 20 mM），6.3 °C 时的 E_K "
                  "是多少？在体温 37 °C 下又是多少？",
                  step("ex-temperature-cold", Eq(V, -72 * millivolt),
                       by.evaluating_at("nernst-molar", nernst_at("400", "20", 1, SQUID_TEMPERATURE), digits=2),
                       "At 6.3 °C,", "6.3 °C 时，"),
                  step("ex-temperature-warm", Eq(V, -80 * millivolt),
                       by.evaluating_at("nernst-molar", nernst_at("400", "20", 1, BODY), digits=2),
                       "at 37 °C.", "37 °C 时。"),
                  answer=Text("−72 mV and −80 mV: the Nernst potential is proportional to the absolute "
                              "temperature (310 K / 279 K = 1.11).",
                              "−72 mV 和 −80 mV：能斯特电位与绝对温度成正比（310 K / 279 K = 1.11）。")),
        *exercise("ex-raised-potassium",
                  "After intense activity the K⁺ outside a mammalian neuron can rise from 5 to 10 mM. What is "
                  "E_K then (140 mM inside, 37 °C)?",
                  "剧烈活动之后，哺乳动物神经元外的 K⁺ 可能从 5 mM 升到 10 mM。此时 E_K 是多少（细胞内 140 mM，37 °C）？",
                  step("ex-raised-potassium-value", Eq(V, -71 * millivolt),
                       by.evaluating_at("nernst-molar", nernst_at("140", "10", 1, BODY), digits=2),
                       "Put c_out = 10 mM into the Nernst equation.", "把 c_out = 10 mM 代入能斯特方程。"),
                  answer=Text("−71 mV instead of −89 mV: doubling c_out shifts E_K by (RT/F) ln 2 = 18 mV.",
                              "−71 mV，而不是 −89 mV：c_out 加倍使 E_K 移动 (RT/F) ln 2 = 18 mV。")),
        *exercise("ex-decade-at-body",
                  "How many millivolts is a tenfold concentration ratio worth at 37 °C?",
                  "37 °C 时，浓度比每变化 10 倍，电位变化多少毫伏？",
                  step("ex-decade-at-body-value", Eq(V, 62 * millivolt),
                       by.evaluating_at("per-decade", {R: GAS, T: BODY, F: FARADAY, z: 1}, digits=2),
                       "Evaluate (RT/zF) ln 10 at 310.15 K.", "在 310.15 K 下计算 (RT/zF) ln 10。"),
                  answer=Text("About 62 mV for a monovalent ion (31 mV for Ca²⁺).",
                              "一价离子约为 62 mV（Ca²⁺ 为 31 mV）。")),
    ),
    checks=(
        simulated("boltzmann-ratio", "ratio", boltzmann_ratio, ACROSS_A_STEP,
                  "Stationary concentration ratio of overdamped Brownian ions across a potential-energy step "
                  "of height k_B T.",
                  "过阻尼布朗离子在高度为 k_B T 的势能台阶两侧的稳态浓度比。"),
        simulated("reversal-potassium", "nernst", reversal_potential, SQUID_POTASSIUM,
                  "Zero of the Nernst-Planck flux (solved numerically across a constant-field membrane), "
                  "found by root-finding: K⁺, squid concentrations, in units of k_B T/e.",
                  "用求根法找出 Nernst-Planck 通量（在恒场膜上数值求解）为零的电压：K⁺，乌贼浓度，单位 k_B T/e。"),
        simulated("reversal-chloride", "nernst", reversal_potential, SQUID_CHLORIDE,
                  "The same for Cl⁻ (z = −1).", "Cl⁻（z = −1）同理。"),
    ),
    figures=FIGURES,
    module=__name__,
    key_ideas=(
        Text("An ion species is in equilibrium across a membrane when its concentration ratio is the Boltzmann "
             "factor of its electric energy difference: c_out/c_in = exp(z e V/(k_B T)).",
             "当浓度比等于电势能差的玻尔兹曼因子 c_out/c_in = exp(z e V/(k_B T)) 时，该离子跨膜处于平衡。"),
        Text("The same result follows when diffusion down the concentration gradient and drift in the field "
             "cancel (zero Nernst-Planck flux), with one constant D for both by the Einstein relation.",
             "沿浓度梯度的扩散与电场中的漂移相互抵消（Nernst-Planck 通量为零）时，得到同样的结果；由 Einstein "
             "关系，两项共用同一个扩散系数 D。"),
        Text("E = (k_B T/z e) ln(c_out/c_in): about 58 mV per tenfold ratio at 20 °C, 62 mV at 37 °C.",
             "E = (k_B T/z e) ln(c_out/c_in)：20 °C 时浓度比每变化 10 倍，电位约变化 58 mV，37 °C 时约变化 62 mV。"),
        Text("Each ion has its own Nernst potential (K⁺ near −80 to −90 mV, Na⁺ near +55 to +60 mV); the "
             "resting potential is none of them, because a cell lets several ions through at once. Near −70 mV, "
             "it lies close to E_K and far from E_Na: at rest the membrane lets K⁺ through far more easily "
             "than Na⁺ (see the Goldman-Hodgkin-Katz handout).",
             "每种离子都有自己的能斯特电位（K⁺ 约为 −80 至 −90 mV，Na⁺ 约为 +55 至 +60 mV）；静息电位不等于其中任何一个，"
             "因为细胞同时让几种离子通过。静息电位约为 −70 mV，接近 E_K 而远离 E_Na："
             "静息时膜对 K⁺ 的通透性远大于 Na⁺（见 Goldman-Hodgkin-Katz 讲义）。"),
    ),
)
