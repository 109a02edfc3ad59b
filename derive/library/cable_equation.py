"""Propagation: the cable equation, the length constant, conduction velocity and myelin.

Answers the seed article's section 1.3 and the question of its section 1: how does an action
potential travel along an axon, why does myelin make it faster, and how does a thick squid
axon without myelin compare? Current conservation in a short piece of axon gives the cable
equation; a passive cable gives the length constant; a scaling argument gives the square-root
law of conduction velocity, whose constant a Hodgkin-Huxley cable simulation supplies; and a
similarity argument gives the linear law of myelinated fibres.

Sources: A. L. Hodgkin and A. F. Huxley, J. Physiol. 117, 500 (1952), Part III; W. A. H. Rushton,
J. Physiol. 115, 101 (1951); P. Dayan and L. F. Abbott, Theoretical Neuroscience (2001), §6.3;
the seed article, §1.3.
"""

from __future__ import annotations

import numpy as np
import sympy as sp
from sympy.physics.units import capacitance, centimeter, current, farad, length, meter, micrometer, millimeter, ohm
from sympy.physics.units import Quantity, milli, millisecond, second, siemens, time, voltage
from sympy.physics.units.definitions.dimension_definitions import impedance

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
    measured,
    simulated,
    step,
)
from derive.figures.cable import FIGURES
from derive.library.ion_conductance import kohm_cm2, uF_cm2  # kΩ cm² and μF/cm², as physiologists quote them
from derive.sim import cable as solver

HH = "A. L. Hodgkin and A. F. Huxley, J. Physiol. 117, 500 (1952)"
RUSHTON = "W. A. H. Rushton, J. Physiol. 115, 101 (1951)"
DAYAN_ABBOTT = "P. Dayan and L. F. Abbott, Theoretical Neuroscience (2001), §6.3"
HURSH = "J. B. Hursh, Am. J. Physiol. 127, 131 (1939)"
area = length**2

symbols = SymbolTable()
x = symbols.add("x", length, "position along the axon", "沿轴突的位置", real=True)
t = symbols.add("t", time, "time", "时间", real=True)
dx = symbols.add("Delta_x", length, "length of a short piece of axon", "一小段轴突的长度", positive=True,
                 latex=r"\Delta x")
a = symbols.add("a", length, "radius of the axon", "轴突半径", positive=True)
R_i = symbols.add("R_i", impedance * length, "resistivity of the axoplasm", "轴浆电阻率", positive=True,
                  latex=r"R_{\mathrm{i}}")
R_m = symbols.add("R_m", impedance * area, "resistance of a unit area of passive membrane", "单位面积被动膜的电阻",
                  positive=True, latex=r"R_{\mathrm{m}}")
C_m = symbols.add("C_m", capacitance / area, "membrane capacitance per area", "单位面积膜电容", positive=True,
                  latex=r"C_{\mathrm{m}}")
R_seg = symbols.add("R_seg", impedance, "resistance of the axoplasm of one short piece", "一小段轴浆的电阻",
                    positive=True, latex=r"R_{\Delta x}")
i_m = symbols.add("i_m", current / area, "current through a unit area of membrane, outward", "单位面积膜电流（向外）",
                  real=True, latex=r"i_{\mathrm{m}}")
i_ion = symbols.add("i_ion", current / area, "ionic current per area, outward", "单位面积离子电流（向外）", real=True,
                    latex=r"i_{\mathrm{ion}}")
V = symbols.function("V", voltage, "membrane potential at x and t (from rest in the passive cable)",
                     "x 处、t 时刻的膜电位（被动电缆中从静息算起）")
U = symbols.function("U", voltage, "shape of a travelling wave", "行波的形状")
theta = symbols.add("theta", length / time, "conduction velocity", "传导速度", positive=True)
lam = symbols.add("lambda", length, "length constant", "长度常数", positive=True)
tau_m = symbols.add("tau_m", time, "membrane time constant", "膜时间常数", positive=True, latex=r"\tau_{\mathrm{m}}")
V_0 = symbols.add("V_0", voltage, "potential held at x = 0", "x = 0 处保持的电位", real=True, latex=r"V_{0}")
W = symbols.function("W", voltage, "steady-state potential along a passive cable", "被动电缆上的稳态电位")
velocity = symbols.function("theta_at", length / time, "conduction velocity of an axon of radius a and resistivity R_i",
                            "半径为 a、轴浆电阻率为 R_i 的轴突的传导速度", latex=r"\theta")
c_theta = symbols.add("c_theta", length / time * impedance ** sp.Rational(1, 2),
                      "the constant of the square-root law, set by the membrane alone", "平方根定律中的常数，只由膜决定",
                      positive=True, latex=r"c_{\theta}")
s_ = symbols.add("s", 1, "a stretch factor", "伸缩因子", positive=True)
theta_squid = symbols.add("theta_squid", length / time, "conduction velocity of the squid giant axon at 18.5 °C",
                          "18.5 °C 时乌贼巨轴突的传导速度", positive=True, latex=r"\theta_{\mathrm{squid}}")
theta_5 = symbols.add("theta_5", length / time, "conduction velocity of a myelinated fibre whose axon has radius 5 μm",
                      "轴突半径为 5 μm 的有髓纤维的传导速度", positive=True, latex=r"\theta_{5\,\mu\mathrm{m}}")
a_squid = symbols.add("a_squid", length, "radius of the squid giant axon", "乌贼巨轴突的半径", positive=True,
                      latex=r"a_{\mathrm{squid}}")
a_match = symbols.add("a_match", length, "radius a bare axon needs to be as fast as the myelinated fibre",
                      "裸轴突要与该有髓纤维一样快所需的半径", positive=True, latex=r"a_{\mathrm{match}}")
L_int = symbols.add("L", length, "length of an internode (node to node)", "结间段长度（两个郎飞结之间）", positive=True)
rho_L = symbols.add("rho_L", 1, "internode length over axon radius", "结间段长度与轴突半径之比", positive=True,
                    latex=r"\rho_{L}")
d_my = symbols.add("d", length, "thickness of the myelin sheath", "髓鞘厚度", positive=True)
delta = symbols.add("delta", 1, "sheath thickness over axon radius", "髓鞘厚度与轴突半径之比", positive=True)
eps = symbols.add("epsilon", capacitance / length, "permittivity of myelin", "髓鞘的介电常数", positive=True)
c_my = symbols.add("c_my", capacitance / area, "capacitance per area of the sheath", "单位面积髓鞘电容", positive=True,
                   latex=r"c_{\mathrm{my}}")
R_int = symbols.add("R_int", impedance, "axial resistance of one internode", "一个结间段的轴向电阻", positive=True,
                    latex=r"R_{\mathrm{int}}")
C_int = symbols.add("C_int", capacitance, "capacitance of one internode's sheath", "一个结间段髓鞘的电容", positive=True,
                    latex=r"C_{\mathrm{int}}")
tau_int = symbols.add("tau_int", time, "charging time of one internode", "一个结间段的充电时间", positive=True,
                      latex=r"\tau_{\mathrm{int}}")
kappa = symbols.add("kappa", 1, "internode charging times per jump", "每跳一次所需的结间段充电时间个数", positive=True)
velocity_my = symbols.function("theta_my", length / time, "conduction velocity of a myelinated fibre whose axon has radius a",
                               "轴突半径为 a 的有髓纤维的传导速度", latex=r"\theta_{\mathrm{my}}")
ratio = symbols.add("rho", 1, "velocity of an axon with four times the radius over the original", "半径为原来四倍的轴突与原轴突的速度之比",
                    positive=True, latex=r"\rho")
ratio_R = symbols.add("rho_R", 1, "velocity with twice the axoplasm resistivity over the original",
                      "轴浆电阻率加倍后与原来的速度之比", positive=True, latex=r"\rho_{R}")
ratio_nodes = symbols.add("rho_nodes", 1, "the same with real nodes, 1 μm long at every size",
                          "结长在各种粗细下都为 1 μm 时的同一比值", positive=True, latex=r"\rho_{\mathrm{nodes}}")
gain_thin = symbols.add("G_thin", 1, "speed of a myelinated over a bare axon of radius 0.1 μm",
                        "半径 0.1 μm 时有髓与无髓轴突的速度之比", positive=True, latex=r"G_{0.1\,\mu\mathrm{m}}")
ratio_my = symbols.add("rho_my", 1, "velocity of a myelinated fibre with twice the axon radius over the original",
                       "轴突半径为原来两倍的有髓纤维与原纤维的速度之比", positive=True, latex=r"\rho_{\mathrm{my}}")

n = symbols.add("n", 1, "open probability of a K⁺ gate", "K⁺ 门的开放概率", positive=True, sample=(0, 1))
m = symbols.add("m", 1, "open probability of a Na⁺ activation gate", "Na⁺ 激活门的开放概率", positive=True,
                sample=(0, 1))
h = symbols.add("h", 1, "open probability of the Na⁺ inactivation gate", "Na⁺ 失活门的开放概率", positive=True,
                sample=(0, 1))
conductance_density = current / (voltage * area)
gbar_Na = symbols.add("gbar_Na", conductance_density, "maximal Na⁺ conductance", "最大 Na⁺ 电导", positive=True,
                      latex=r"\bar{g}_{\mathrm{Na}}")
gbar_K = symbols.add("gbar_K", conductance_density, "maximal K⁺ conductance", "最大 K⁺ 电导", positive=True,
                     latex=r"\bar{g}_{\mathrm{K}}")
g_L = symbols.add("g_L", conductance_density, "leak conductance", "漏电导", positive=True, latex=r"g_{\mathrm{L}}")
g_rest = symbols.add("g_rest", conductance_density, "the membrane's conductance at rest: every channel open at rest",
                     "静息时膜的电导：静息时开放的所有通道", positive=True, latex=r"g_{\mathrm{rest}}")
g_ratio = symbols.add("g", 1, "g-ratio: axon diameter over the fibre's outer diameter", "g 比：轴突直径与纤维外径之比",
                      positive=True)
D_out = symbols.add("D", length, "outer diameter of a myelinated fibre, sheath included", "有髓纤维的外径（含髓鞘）",
                    positive=True)
theta_hursh = symbols.add("theta_H", length / time, "conduction velocity by Hursh's measured relation",
                          "按 Hursh 实测关系得到的传导速度", positive=True, latex=r"\theta_{\mathrm{H}}")
k_H = symbols.add("k_H", 1 / time, "Hursh's velocity per unit of outer diameter", "Hursh 关系中每单位外径对应的速度",
                   positive=True, latex=r"k_{\mathrm{H}}")
HURSH_SLOPE = 6 * meter / second / micrometer
r_model = symbols.add("r_model", 1, "the model's velocity over Hursh's", "模型速度与 Hursh 关系所给速度之比",
                      positive=True, latex=r"r_{\mathrm{model}}")
rho_10 = symbols.add("rho_100", 1, "velocity of a bare axon with 100 times the radius over the original",
                     "半径为原来 100 倍的裸轴突与原轴突的速度之比", positive=True, latex=r"\rho_{100}")
ell = symbols.add("ell", length, "distance travelled", "传导的距离", positive=True, latex=r"\ell")
t_travel = symbols.add("t_travel", time, "time to travel the distance ℓ", "传导距离 ℓ 所需的时间", positive=True,
                       latex=r"t_{\ell}")
millisiemens = Quantity("millisiemens", abbrev="mS", latex_repr=r"\text{mS}")
millisiemens.set_global_relative_scale_factor(milli, siemens)
mS_cm2 = millisiemens / centimeter**2  # 1 mS/cm², the unit of the Hodgkin-Huxley conductances
GATES_AT_REST = {n: sp.Rational("0.3177"), m: sp.Rational("0.05293"), h: sp.Rational("0.5961")}  # HH handout

# --- The simulations: a Hodgkin-Huxley cable solved on a grid (derive/sim/cable.py) -------------

SQUID = solver.CableParams()  # radius 238 μm, R_i 35.4 Ω cm, 18.5 °C, Hodgkin-Huxley membrane
SIMILAR = solver.MyelinParams(similar_nodes=True)  # every proportion kept, as the scaling argument assumes
SQUID_AXON = {a: 238e-4, R_m: 1e4 / 3, R_i: 35.4}  # cm, Ω cm², Ω cm: λ comes out in cm
RESTING_CONDUCTANCE = sp.Rational("0.677")  # mS/cm², g_rest of the Hodgkin-Huxley handout, to 3 figures
RESTING_RESISTANCE = sp.Rational("1.477") * kohm_cm2  # 1/g_rest = 1.4771 kΩ cm², to 4 figures
SQUID_AT_REST = {a: 238e-4, R_m: 1e3 / float(RESTING_CONDUCTANCE), R_i: 35.4}
DENDRITE = {a: 0.5e-4, R_m: 1e4, R_i: 100.0}
SI = {meter: 1, second: 1}
SQUID_VELOCITY = sp.Rational("18.7") * meter / second
MYELINATED_VELOCITY = sp.Rational("53.1") * meter / second


def length_constant(at: Params, rng: np.random.Generator) -> Estimate:
    """λ measured as the decay length of a passive cable's computed steady state (cm)."""
    return solver.measured_length_constant(radius=at[a] * 1e4, r_m=at[R_m], r_i=at[R_i])


def four_times_thicker(at: Params, rng: np.random.Generator) -> Estimate:
    """Velocity at 4 × 238 μm over velocity at 238 μm, both by the Hodgkin-Huxley cable."""
    return solver.velocity_ratio(SQUID, radius=4 * SQUID.radius)


def twice_as_resistive(at: Params, rng: np.random.Generator) -> Estimate:
    """Velocity with R_i = 70.8 Ω cm over velocity with 35.4 Ω cm."""
    return solver.velocity_ratio(SQUID, r_i=2 * SQUID.r_i)


def squid_velocity(at: Params, rng: np.random.Generator) -> Estimate:
    """The squid axon's velocity, Richardson-extrapolated from grids (dx, dt), (2dx, 2dt) and (4dx, 4dt)
    at the default step; its error is the extrapolation's change one grid coarser (about 6e-6 of the value)."""
    return solver.conduction_velocity(SQUID, extrapolate=True)


def myelin_doubled(at: Params, rng: np.random.Generator) -> Estimate:
    """Saltatory velocity at 2 μm over 1 μm radius, the fibre similar at every size, both on one
    absolute grid (143 μm spacing) and time step, so the two discrete fibres are not rescalings."""
    return solver.myelinated_ratio_fixed_grid(1.0, 2.0, SQUID, SIMILAR)


def myelin_doubled_real_nodes(at: Params, rng: np.random.Generator) -> Estimate:
    """The same with nodes 1 μm long at both sizes."""
    return solver.myelinated_ratio(1.0, 2.0, SQUID)


def myelinated_five(at: Params, rng: np.random.Generator) -> Estimate:
    """Saltatory velocity at a radius of 5 μm: 4 grid points per internode, time step 0.4 of the default."""
    return solver.myelinated_velocity(5.0, SQUID, dt=0.4 * SQUID.default_dt(), segments=4)


def gain(radius: float):
    """Myelinated over unmyelinated velocity at `radius` μm."""
    def simulate(at: Params, rng: np.random.Generator) -> Estimate:
        return solver.myelin_gain(radius, SQUID, refine=2)
    simulate.__doc__ = f"Myelinated over bare velocity at a radius of {radius:g} μm."
    return simulate



# What a reader needs first besides the handouts quoted below (read by derive.render.view).
READ_AFTER = ("hodgkin-huxley",)  # the cable's membrane is the Hodgkin-Huxley membrane
NEEDS = Text("partial derivatives, a Taylor expansion to second order, and the exponential solutions of "
             "y″ = y/λ²",
             "偏导数、展开到二阶的泰勒展开，以及 y″ = y/λ² 的指数解")
SOURCES_ZH = {
    "Ohm's law for a uniform conductor": "均匀导体的欧姆定律",
    "Kirchhoff's current law (conservation of charge)": "基尔霍夫电流定律（电荷守恒）",
    "the capacitance of a thin insulating layer (parallel plates)": "薄绝缘层的电容（平行板电容器）",
    "W. A. H. Rushton, J. Physiol. 115, 101 (1951)": "W. A. H. Rushton，J. Physiol. 115, 101 (1951)",
    "S. G. Waxman and M. V. L. Bennett, Nature New Biol. 238, 217 (1972)":
        "S. G. Waxman 和 M. V. L. Bennett，Nature New Biol. 238, 217 (1972)",
    "C. C. McIntyre, A. G. Richardson and W. M. Grill, J. Neurophysiol. 87, 995 (2002)":
        "C. C. McIntyre、A. G. Richardson 和 W. M. Grill，J. Neurophysiol. 87, 995 (2002)",
    "the sheath": "髓鞘",
    "D. R. McNeal, IEEE Trans. Biomed. Eng. 23, 329 (1976)": "D. R. McNeal，IEEE Trans. Biomed. Eng. 23, 329 (1976)",
    "g-ratio and internode length": "g 比与结间段长度",
    "J. B. Hursh, Am. J. Physiol. 127, 131 (1939)": "J. B. Hursh，Am. J. Physiol. 127, 131 (1939)",
    "S. G. Waxman, Muscle Nerve 3, 141 (1980)": "S. G. Waxman，Muscle Nerve 3, 141 (1980)",
    "conduction in myelinated fibres, a review": "有髓纤维的传导，综述",
}

derivation = Derivation(
    id="cable-equation",
    title=Text("Propagation: the cable equation, conduction velocity and myelin", "传导：电缆方程、传导速度与髓鞘"),
    question=Text(
        "How does an action potential travel along an axon, why does myelin make it faster, and how does a thick "
        "squid axon without myelin compare?",
        "动作电位如何沿轴突传播？髓鞘为什么让它更快？又粗又长、没有髓鞘的乌贼轴突与之相比如何？",
    ),
    section="1.3",
    symbols=symbols.freeze(),
    assumptions=(
        Text("The axon is a long cylinder of radius a filled with axoplasm of resistivity R_i; the outside is a "
             "good conductor at one potential.",
             "轴突是半径为 a 的长圆柱，内充电阻率为 R_i 的轴浆；外部是处于同一电位的良导体。"),
        Text("Current inside flows along the axis (the potential is the same across a cross-section).",
             "轴内电流沿轴向流动（同一横截面上电位相同）。"),
    ),
    key_ideas=(
        Text("Current conservation in a short piece of axon gives the cable equation: the membrane's current per "
             "area is a/(2R_i) times the second derivative of V along the axon.",
             "对一小段轴突应用电流守恒得到电缆方程：单位面积的膜电流等于 a/(2R_i) 乘以 V 沿轴突的二阶导数。"),
        Text("A passive cable has one time scale, τ_m = R_m C_m, and one length scale, λ = √(a R_m/(2R_i)): a "
             "steady signal falls by a factor e every λ, half a millimetre in a thin dendrite and 7 mm in the "
             "resting squid giant axon.",
             "被动电缆只有一个时间尺度 τ_m = R_m C_m 和一个长度尺度 λ = √(a R_m/(2R_i))：稳态信号每经过一个 λ "
             "衰减为 1/e，细树突中约半毫米，静息的乌贼巨轴突中为 7 mm。"),
        Text("A spike is a wave of fixed shape; stretching the cable equation shows that a bare axon conducts at "
             "θ ∝ √(a/R_i): twice the speed takes four times the radius.",
             "动作电位是形状不变的波；对电缆方程做尺度变换可知，裸轴突的传导速度 θ ∝ √(a/R_i)：速度加倍需要四倍的半径。"),
        Text("Myelin makes the time to charge the next node independent of the radius, so a myelinated fibre "
             "conducts at θ ∝ a, as Hursh measured (about 6 m/s per μm of outer diameter).",
             "髓鞘使给下一个郎飞结充电的时间与半径无关，所以有髓纤维的速度 θ ∝ a，与 Hursh 的测量一致"
             "（外径每 μm 约 6 m/s）。"),
    ),
    sources=(HH, RUSHTON, DAYAN_ABBOTT, HURSH,
             "S. G. Waxman, Muscle Nerve 3, 141 (1980) (conduction in myelinated fibres, a review)",
             "S. G. Waxman and M. V. L. Bennett, Nature New Biol. 238, 217 (1972)",
             "C. C. McIntyre, A. G. Richardson and W. M. Grill, J. Neurophysiol. 87, 995 (2002) (the sheath)",
             "D. R. McNeal, IEEE Trans. Biomed. Eng. 23, 329 (1976) (g-ratio and internode length)", "The source article, 高中生也能看懂的的神经科学数学基础 (“Neuroscience maths a high-school student can follow”), §1.3 (2024)"),
    steps=(
        # --- 1. the cable equation from current conservation ---
        heading("The cable equation from current conservation", "由电流守恒得到电缆方程",
                cite("core-resistance", Eq(R_seg, R_i * dx / (sp.pi * a**2)), "Ohm's law for a uniform conductor",
                     "A piece of axon of length Δx is a resistor: resistivity times length over cross-section.",
                     "长为 Δx 的一段轴突是一个电阻：电阻率乘长度除以横截面积。")),
        cite("membrane-current", Eq(i_m, C_m * sp.Derivative(V(x, t), t) + i_ion), f"{HH}, eq. 1",
             "Through the membrane flow a capacitive current and the ionic currents.",
             "穿过膜的是电容电流和离子电流。"),
        cite("kirchhoff",
             Eq(2 * sp.pi * a * dx * i_m,
                   (V(x - dx, t) - V(x, t)) / R_seg - (V(x, t) - V(x + dx, t)) / R_seg),
             "Kirchhoff's current law (conservation of charge)",
             "Charge is conserved in the piece around x: what flows in from the left minus what flows on to the "
             "right leaves through its membrane, of area 2πa Δx.",
             "电荷守恒：从左边流入、减去向右流走的电流，从这一小段的膜（面积 2πa Δx）流出。"),
        step("segment",
             Eq(2 * sp.pi * a * dx * (C_m * sp.Derivative(V(x, t), t) + i_ion),
                   sp.pi * a**2 / (R_i * dx) * (V(x + dx, t) - 2 * V(x, t) + V(x - dx, t))),
             by.substituting("core-resistance", "membrane-current", into="kirchhoff"),
             "Put in the resistance and the membrane current.", "代入电阻和膜电流。"),
        step("per-area",
             Eq(C_m * sp.Derivative(V(x, t), t) + i_ion,
                   a / (2 * R_i) * (V(x + dx, t) - 2 * V(x, t) + V(x - dx, t)) / dx**2),
             by.dividing_both_sides("segment", 2 * sp.pi * a * dx),
             "Per unit area of membrane.", "换算到单位膜面积。"),
        step("cable",
             Eq(C_m * sp.Derivative(V(x, t), t) + i_ion, a / (2 * R_i) * sp.Derivative(V(x, t), (x, 2))),
             by.series("per-area", dx, 0),
             "Let the piece shrink: the second difference over Δx² becomes the second derivative. This is the "
             "cable equation.",
             "让小段趋于零：二阶差分除以 Δx² 变成二阶导数。这就是电缆方程。"),
        # --- 2. the passive cable ---
        heading("The passive cable: one time scale and one length scale", "被动电缆：一个时间尺度和一个长度尺度",
                given("passive", Eq(i_ion, V(x, t) / R_m),
                      "Below threshold the membrane is a resistor: measured from rest, the ionic current is V/R_m.",
                      "阈下膜是一个电阻：从静息算起，离子电流为 V/R_m。")),
        step("passive-cable",
             Eq(C_m * sp.Derivative(V(x, t), t) + V(x, t) / R_m, a / (2 * R_i) * sp.Derivative(V(x, t), (x, 2))),
             by.substituting("passive", into="cable"), "The passive cable.", "被动电缆方程。"),
        define("time-constant", Eq(tau_m, R_m * C_m), "The membrane time constant,", "膜时间常数，"),
        define("length-constant", Eq(lam, sp.sqrt(a * R_m / (2 * R_i))), "and the length constant.", "以及长度常数。"),
        step("passive-cable-times-R_m",
             Eq(R_m * C_m * sp.Derivative(V(x, t), t) + V(x, t),
                   a * R_m / (2 * R_i) * sp.Derivative(V(x, t), (x, 2))),
             by.multiplying_both_sides("passive-cable", R_m), "Multiply by R_m:", "乘以 R_m："),
        step("passive-cable-scaled",
             Eq(tau_m * sp.Derivative(V(x, t), t) + V(x, t), lam**2 * sp.Derivative(V(x, t), (x, 2))),
             by.substituting("time-constant", "length-constant", into="passive-cable-times-R_m"),
             "the passive cable has one time scale and one length scale: "
             "τ_m ∂V/∂t + V = λ² ∂²V/∂x².",
             "乘以 R_m 后，被动电缆只有一个时间尺度和一个长度尺度：τ_m ∂V/∂t + V = λ² ∂²V/∂x²。"),
        given("steady", Eq(V(x, t), W(x)),
              "Hold x = 0 at V_0 long enough and the potential stops changing: V(x, t) = W(x).",
              "在 x = 0 处保持 V_0 足够久，电位不再变化：V(x, t) = W(x)。"),
        step("steady-cable", Eq(W(x), lam**2 * sp.Derivative(W(x), (x, 2))),
             by.substituting("steady", into="passive-cable-scaled"),
             "The steady state obeys an ordinary differential equation in x.", "稳态满足一个关于 x 的常微分方程。"),
        step("steady-decay", Eq(W(x), V_0 * sp.exp(-x / lam)),
             by.solving_ode("steady-cable", W(x), {W(0): V_0}, bounded=True),
             "Its solution that stays bounded on a long cable (the other one grows as e^{x/λ}) decays by a factor e "
             "every length constant: this is what λ means.",
             "它在长电缆上保持有界的解（另一个解按 e^{x/λ} 增长）每经过一个长度常数衰减为 1/e：这就是 λ 的含义。"),
        heading("How far a signal spreads passively", "信号被动传播能走多远",
                step("dendrite-length-constant", Eq(lam, sp.Rational("0.50") * millimeter),
             by.evaluating_at("length-constant", {a: sp.Rational(1, 2) * micrometer,
                                                  R_m: 10 * kohm_cm2, R_i: 100 * ohm * centimeter},
                              digits=2),
             "A dendrite 1 μm thick, with typical R_m = 10 kΩ cm² and R_i = 100 Ω cm: a signal fades within a "
             "millimetre, so distant synapses need help (active channels) to be heard.",
             "一根 1 μm 粗的树突，取典型值 R_m = 10 kΩ cm²、R_i = 100 Ω cm：信号在一毫米内就衰减了，"
             "所以远处突触的信号需要帮助（主动通道）才能传到胞体。")),
        step("squid-length-constant", Eq(lam, 11 * millimeter),
             by.evaluating_at("length-constant", {a: 238 * micrometer, R_m: sp.Rational("3.333") * kohm_cm2,
                                                  R_i: sp.Rational("35.4") * ohm * centimeter},
                              digits=2),
             "The squid giant axon (radius 238 μm, R_i = 35.4 Ω cm), if its membrane were the leak of the HH "
             "model alone (R_m = 1/(0.3 mS/cm²) = 3.333 kΩ cm²), would have λ = 11 mm, the figure often quoted. But at rest "
             "the K⁺ and Na⁺ channels are partly open too.",
             "乌贼巨轴突（半径 238 μm，R_i = 35.4 Ω cm）如果膜只有 HH 模型的漏电导（R_m = 1/(0.3 mS/cm²) = 3.333 kΩ cm²），"
             "λ = 11 mm，这是常被引用的数值。但静息时 K⁺ 和 Na⁺ 通道也部分开放。"),
        step("n-at-rest", Eq(n, GATES_AT_REST[n]), by.earlier_result("hodgkin-huxley", "n-at-rest"),
             "The Hodgkin-Huxley handout found the fractions of the n, m and h gates open at rest. For n:",
             "Hodgkin-Huxley 讲义求出了静息时 n、m、h 门开放的比例。n："),
        step("m-at-rest", Eq(m, GATES_AT_REST[m]), by.earlier_result("hodgkin-huxley", "m-at-rest"), "For m:",
             "m："),
        step("h-at-rest", Eq(h, GATES_AT_REST[h]), by.earlier_result("hodgkin-huxley", "h-at-rest"),
             "For h:", "h："),
        step("resting-conductance", Eq(g_rest, gbar_Na * m**3 * h + gbar_K * n**4 + g_L),
             by.earlier_result("hodgkin-huxley", "resting-conductance"),
             "The membrane's conductance at rest is the sum of the three.", "静息时膜的电导是三者之和。"),
        step("resting-conductance-squid", Eq(g_rest, RESTING_CONDUCTANCE * mS_cm2),
             by.evaluating_at("resting-conductance", {gbar_Na: 120 * mS_cm2, gbar_K: 36 * mS_cm2,
                                                      g_L: sp.Rational(3, 10) * mS_cm2, **GATES_AT_REST}, digits=3),
             "With these gates and the squid's maximal conductances, g_rest = 0.677 mS/cm², more than twice the "
             "leak.",
             "代入这些门和乌贼的最大电导，g_rest = 0.677 mS/cm²，是漏电导的两倍多。"),
        step("rest-length-constant", Eq(lam, sp.Rational("7.0") * millimeter),
             by.evaluating_at("length-constant", {a: 238 * micrometer, R_m: RESTING_RESISTANCE,
                                                  R_i: sp.Rational("35.4") * ohm * centimeter}, digits=2),
             "With R_m = 1/g_rest = 1.477 kΩ cm² the squid axon's resting length constant is 7.0 mm, two thirds of the "
             "leak-only value. (A slow, sustained depolarisation also opens more n gates, so it spreads less "
             "far still.) Either way passive spread cannot carry a signal along an axon many centimetres long: "
             "the spike must be renewed as it goes.",
             "取 R_m = 1/g_rest = 1.477 kΩ cm²，乌贼轴突静息时的长度常数为 7.0 mm，是只计漏电导时的三分之二。（缓慢而持续的去极化"
             "还会打开更多的 n 门，传得更近。）无论哪种情况，被动的电紧张性传播都无法把信号沿几厘米长的轴突传下去："
             "动作电位必须一路再生。"),
        # --- 3. the travelling wave and the square-root law ---
        heading("The travelling wave and the square-root law", "行波与平方根定律",
                given("wave", Eq(V(x, t), U(x - theta * t)),
              "Far from where it started, a spike travels as a wave of fixed shape U at velocity θ.",
              "远离起点后，动作电位以固定形状 U、速度 θ 的波传播。")),
        step("wave-in-time", Eq(sp.Derivative(V(x, t), t), -theta * sp.Derivative(U(x - theta * t), x)),
             by.differentiating("wave", t),
             "At a fixed place, the wave passing by changes V at θ times its slope,",
             "在固定位置，经过的波使 V 以其斜率的 θ 倍变化，"),
        step("wave-in-space", Eq(sp.Derivative(V(x, t), x), sp.Derivative(U(x - theta * t), x)),
             by.differentiating("wave", x), "and its slope in space is the shape's own:", "而它在空间中的斜率就是形状本身的斜率："),
        step("wave-curvature", Eq(sp.Derivative(V(x, t), (x, 2)), sp.Derivative(U(x - theta * t), (x, 2))),
             by.differentiating("wave-in-space", x),
             "Differentiating once more gives the second derivative, which the cable equation needs.",
             "再求一次导数，得到电缆方程所需的二阶导数。"),
        step("travelling-wave",
             Eq(-theta * C_m * sp.Derivative(U(x - theta * t), x) + i_ion,
                   a / (2 * R_i) * sp.Derivative(U(x - theta * t), (x, 2))),
             by.substituting("wave-in-time", "wave-curvature", into="cable"),
             "So the cable equation becomes an ordinary differential equation for the shape, with a and R_i only in "
             "a/(2R_i). Stretch x by a factor s: the second derivative shrinks by s², the first by s. The equation "
             "is unchanged if a/(2R_i) grows by s² and θ by s: an axon with four times the radius carries the same "
             "spike, stretched twice as long, at twice the speed.",
             "于是电缆方程变成关于波形的常微分方程，其中 a 和 R_i 只以 a/(2R_i) 的形式出现。把 x 拉伸 s 倍："
             "二阶导数变为原来的 1/s²，一阶导数变为原来的 1/s。只要 a/(2R_i) 变为原来的 s² 倍、θ 变为原来的 s 倍，"
             "方程就不变：半径为原来四倍的轴突传导同样的动作电位，长度拉长为两倍，速度也是原来的两倍。"),
        step("stretched-wave",
             Eq(-(s_ * theta) * C_m * sp.Derivative(U(x - theta * t), x) / s_ + i_ion,
                   s_**2 * a / (2 * R_i) * sp.Derivative(U(x - theta * t), (x, 2)) / s_**2),
             by.rewriting("travelling-wave"),
             "Written out: with θ → sθ and a/(2R_i) → s² a/(2R_i), and each x-derivative divided by s (the wave "
             "stretched by s), the factors cancel and the same equation remains. This is only the algebra of the "
             "scaling argument; the square-root law it leads to is cited below and compared with simulations.",
             "写出来：θ → sθ，a/(2R_i) → s² a/(2R_i)，每个 x 导数除以 s（波形拉伸 s 倍），这些因子相互抵消，"
             "方程不变。这一步只验证上面的代数推理；由此得到的平方根定律在下面引用，并与模拟比较。"),
        measured("squid-velocity", Eq(theta_squid, SQUID_VELOCITY), "squid-velocity",
                 "A Hodgkin-Huxley cable with the squid's radius (238 μm), R_i = 35.4 Ω cm and 18.5 °C carries "
                 "the spike at 18.7 m/s (Hodgkin and Huxley computed 18.8 m/s and measured 21.2 m/s).",
                 "半径 238 μm、R_i = 35.4 Ω cm、18.5 °C 的 Hodgkin-Huxley 电缆以 18.7 m/s 传导动作电位"
                 "（Hodgkin 和 Huxley 算得 18.8 m/s，测得 21.2 m/s）。"),
        cite("square-root-law", Eq(velocity(a, R_i), c_theta * sp.sqrt(a / (2 * R_i))), RUSHTON,
             "Hence, for a given membrane, the velocity is a constant times √(a/(2R_i)); the constant c_θ depends "
             "on the membrane alone and must come from a simulation of the full equation.",
             "因此，对给定的膜，速度等于一个常数乘以 √(a/(2R_i))；常数 c_θ 只取决于膜，必须由完整方程的模拟给出。"),
        define("thicker", Eq(ratio, velocity(4 * a, R_i) / velocity(a, R_i)),
               "Compare an axon of four times the radius with the original:", "把半径为原来四倍的轴突与原来的轴突比较："),
        step("thicker-is-faster", Eq(ratio, 2), by.substituting("square-root-law", into="thicker"),
             "it is twice as fast.", "速度是原来的两倍。"),
        define("more-resistive", Eq(ratio_R, velocity(a, 2 * R_i) / velocity(a, R_i)),
               "Double the resistivity of the axoplasm instead:", "若改为把轴浆电阻率加倍："),
        step("resistive-is-slower", Eq(ratio_R, 1 / sp.sqrt(2)), by.substituting("square-root-law", into="more-resistive"),
             "the spike's speed is divided by √2.", "动作电位的速度变为原来的 1/√2。"),
        # --- 4. myelin ---
        heading("Myelin: a speed in proportion to the radius", "髓鞘：速度与半径成正比",
                given("internode-length", Eq(L_int, rho_L * a),
                      "Myelin wraps the axon except at the nodes of Ranvier (see the drawing), spaced in proportion "
                      "to the fibre's size (about 100 outer diameters), and so in proportion to the axon's radius a.",
                      "髓鞘包裹轴突，只在郎飞结处留空（见示意图）；结间距离与纤维粗细成正比（约为外径的 100 倍），"
                      "因而也与轴突半径 a 成正比。")),
        given("sheath-thickness", Eq(d_my, delta * a),
              "The sheath's thickness is also proportional to the radius (a nearly constant g-ratio, the axon's "
              "diameter over the fibre's outer diameter).",
              "髓鞘厚度也与半径成正比（g 比，即轴突直径与纤维外径之比，近似恒定）。"),
        cite("sheath-capacitance", Eq(c_my, eps / d_my), "the capacitance of a thin insulating layer "
             "(parallel plates)",
             "A thin insulating layer of thickness d has a capacitance ε/d per area: thick myelin, small capacitance.",
             "厚度为 d 的薄绝缘层单位面积电容为 ε/d：髓鞘越厚，电容越小。"),
        step("internode-resistance", Eq(R_int, R_i * L_int / (sp.pi * a**2)),
             by.instance_of("core-resistance", {R_seg: R_int, dx: L_int}),
             "The core of one internode is a resistor,", "一个结间段的轴芯是一个电阻，"),
        define("internode-capacitance", Eq(C_int, 2 * sp.pi * a * L_int * c_my),
               "and its sheath a capacitor of area 2πaL.", "其髓鞘是一个面积为 2πaL 的电容。"),
        define("internode-time", Eq(tau_int, R_int * C_int),
               "The next node is charged through the internode in a time of order R_int C_int:",
               "下一个郎飞结通过结间段充电，所需时间量级为 R_int C_int："),
        step("internode-time-is-size-free", Eq(tau_int, 2 * R_i * rho_L**2 * eps / delta),
             by.substituting("internode-resistance", "internode-capacitance", "sheath-capacitance", "sheath-thickness",
                             "internode-length", into="internode-time"),
             "the radius cancels: thin and thick fibres charge their next node equally fast. (The node itself, "
             "with area and currents in proportion to a, keeps its time course too.)",
             "半径消掉了：细纤维和粗纤维给下一个结充电一样快。（郎飞结本身面积和电流都与 a 成正比，时间进程也不变。）"),
        given("saltatory", Eq(velocity_my(a), L_int / (kappa * tau_int)),
              "The spike jumps from node to node, one internode in a fixed number κ of charging times.",
              "动作电位从一个结跳到下一个结，每跳过一个结间段需要固定的 κ 个充电时间。"),
        step("myelin-velocity", Eq(velocity_my(a), delta * a / (2 * kappa * R_i * rho_L * eps)),
             by.substituting("internode-time-is-size-free", "internode-length", into="saltatory"),
             "So the velocity of a myelinated fibre grows in proportion to its axon's radius (and to its outer "
             "diameter, the g-ratio being fixed), against the square root for a bare axon. Below some radius myelin no longer pays; the simulation finds it.",
             "所以有髓纤维的传导速度与轴突半径成正比（g 比固定时也与外径成正比），而裸轴突只与半径的平方根成正比。半径小到一定程度，"
             "髓鞘就不再划算；模拟给出这个半径。"),
        define("myelin-doubled", Eq(ratio_my, velocity_my(2 * a) / velocity_my(a)),
               "Compare a myelinated fibre of twice the axon radius with the original:",
               "把轴突半径为原来两倍的有髓纤维与原纤维比较："),
        step("myelin-doubling", Eq(ratio_my, 2), by.substituting("myelin-velocity", into="myelin-doubled"),
             "it is twice as fast (a bare axon would gain only a factor √2).", "速度是原来的两倍（裸轴突的速度只变为原来的 √2 倍）。"),
        measured("real-nodes", Eq(ratio_nodes, sp.Rational("1.998")), "real-nodes",
                 "Real nodes are about 1 μm long at every size, which breaks the proportion a little: doubling an "
                 "axon radius of 1 μm then gives 1.998.",
                 "真实的郎飞结在各种粗细下都约 1 μm 长，这稍微破坏了比例：把 1 μm 的轴突半径加倍，速度比为 1.998。"),
        measured("myelinated-velocity", Eq(theta_5, MYELINATED_VELOCITY), "myelinated-velocity",
                 "The same nodes and sheath on an axon of radius 5 μm, about a fiftieth of the squid axon's radius, "
                 "carry the spike at 53.1 m/s (a model with squid nodes: see its comparison with real fibres below).",
                 "同样的郎飞结和髓鞘放在半径 5 μm（约为乌贼轴突半径的五十分之一）的轴突上，以 53.1 m/s 传导动作电位"
                 "（这是一个郎飞结取自乌贼的模型：它与真实纤维的比较见下文）。"),
        given("as-fast", Eq(velocity(a_match, R_i) / velocity(a_squid, R_i), theta_5 / theta_squid),
              "How thick would a bare axon have to be to keep up? Ask for a radius a_match whose speed exceeds the "
              "squid's in the ratio θ_5 / θ_squid.",
              "裸轴突要多粗才能跟上？求半径 a_match，使其速度与乌贼轴突之比等于 θ_5 / θ_squid。"),
        step("as-fast-root", Eq(sp.sqrt(a_match / a_squid), theta_5 / theta_squid),
             by.substituting("square-root-law", into="as-fast"), "By the square-root law,", "由平方根定律，"),
        step("matching-radius", Eq(a_match, a_squid * (theta_5 / theta_squid) ** 2),
             by.solving_for(a_match, "as-fast-root"), "so the radius must grow as the square of the speed:",
             "所以半径必须随速度的平方增长："),
        step("matching-radius-value", Eq(a_match, sp.Rational("1.9") * millimeter),
             by.evaluating_at("matching-radius", {a_squid: 238 * micrometer, theta_5: MYELINATED_VELOCITY,
                                                  theta_squid: SQUID_VELOCITY}, digits=2),
             "a bare axon nearly 4 mm thick. That is why the squid's axon is so thick, and why vertebrates, with "
             "thousands of fast fibres in one nerve, wrap theirs in myelin instead.",
             "一根近 4 mm 粗的裸轴突。这就是乌贼轴突如此之粗的原因，也是脊椎动物（一条神经里有成千上万根快速纤维）"
             "改用髓鞘包裹轴突的原因。"),
        measured("myelin-pays-when-thin", Eq(gain_thin, sp.Rational("2.8")), "myelin-pays-when-thin",
                 "Even at a radius of 0.1 μm (the thinnest myelinated axons of the brain are 0.2 μm across) the "
                 "model's myelinated fibre is 2.8 times faster than a bare one. The bare axon wins only far below any "
                 "real axon: in this model, which keeps every proportion as the fibre shrinks, myelin pays at every "
                 "real size. Rushton (1951) put "
                 "the critical diameter at about 1 μm from the shape of peripheral fibres; Waxman and Bennett (1972) showed that those shapes do not hold for small central fibres, "
                 "which are myelinated down to 0.2 μm.",
                 "即使在 0.1 μm 的半径（脑中最细的有髓轴突直径约 0.2 μm），模型中有髓纤维的速度也是裸轴突的 2.8 倍。"
                 "只有在远小于任何真实轴突的半径下裸轴突才更快："
                 "这个模型在纤维变细时保持一切比例，在所有真实尺寸下髓鞘都划算。"
                 "Rushton（1951 年）根据外周纤维的形态把临界直径定为约 1 μm；Waxman 和 Bennett（1972 年）指出这种形态"
                 "不适用于细小的中枢纤维，它们细到 0.2 μm 仍有髓鞘。"),
        heading("The model and real fibres", "模型与真实纤维",
                define("outer-diameter", Eq(D_out, 2 * a / g_ratio),
                       "How good is the model's 53.1 m/s? A fibre's size is usually given by its outer diameter D, "
                       "sheath included; the g-ratio g is the axon's diameter over D (0.7 in this model, 0.6–0.7 in "
                       "peripheral nerves).",
                       "模型的 53.1 m/s 有多可靠？纤维的粗细通常用含髓鞘的外径 D 表示；g 比是轴突直径与 D 之比"
                       "（本模型取 0.7，外周神经中为 0.6–0.7）。")),
        step("outer-diameter-five", Eq(D_out, 14 * micrometer),
             by.evaluating_at("outer-diameter", {a: 5 * micrometer, g_ratio: sp.Rational(7, 10)}, digits=2),
             "The model fibre, with an axon of radius 5 μm, is 14 μm across.",
             "模型纤维的轴突半径为 5 μm，外径为 14 μm。"),
        cite("hursh", Eq(theta_hursh, k_H * D_out), HURSH,
             "Hursh measured the conduction velocity of cat nerve fibres against their outer diameter and found "
             "it in proportion, about 6 m/s per μm, as the similarity argument above says (Rushton 1951 gave "
             "that argument to explain Hursh's line; Waxman 1980 reviews the later measurements).",
             "Hursh 测量了猫神经纤维的传导速度与外径的关系，发现二者成正比，约每 μm 6 m/s，正如上面的相似性论证"
             "所说（Rushton 1951 年正是用这个论证来解释 Hursh 的直线；Waxman 1980 年综述了后来的测量）。"),
        cite("hursh-slope", Eq(k_H, 6 * meter / second / micrometer), HURSH,
             "His constant of proportion: 6 m/s for each μm of outer diameter.", "他得到的比例常数：外径每 μm 对应 6 m/s。"),
        step("hursh-axon", Eq(theta_hursh, 2 * k_H * a / g_ratio),
             by.substituting("outer-diameter", into="hursh"), "In terms of the axon's radius,", "用轴突半径表示，"),
        step("hursh-five", Eq(theta_hursh, 86 * meter / second),
             by.evaluating_at("hursh-axon", {a: 5 * micrometer, g_ratio: sp.Rational(7, 10), k_H: HURSH_SLOPE}, digits=2),
             "Hursh's relation gives 86 m/s for the model's fibre,", "Hursh 的关系给模型纤维的速度是 86 m/s，"),
        step("hursh-five-thin-sheath", Eq(theta_hursh, 100 * meter / second),
             by.evaluating_at("hursh-axon", {a: 5 * micrometer, g_ratio: sp.Rational(6, 10), k_H: HURSH_SLOPE}, digits=2),
             "or 100 m/s for the same axon in a thicker sheath (g = 0.6).",
             "同一根轴突若髓鞘更厚（g = 0.6），则为 100 m/s。"),
        define("model-over-measured", Eq(r_model, theta_5 / theta_hursh),
               "Compare the model with the measured relation:", "把模型与实测关系比较："),
        step("model-over-measured-value", Eq(r_model, sp.Rational("0.62")),
             by.evaluating_at("model-over-measured", {theta_5: MYELINATED_VELOCITY,
                                                      theta_hursh: 86 * meter / second}, digits=2),
             "the model reaches 0.62 of the measured speed. It should not be expected to do better: its nodes are "
             "squid membrane at 18.5 °C (mammalian nodes at 37 °C have faster gates and many more Na⁺ channels per "
             "area), its axoplasm is the squid's, and only its sheath is mammalian. What it gets right is the law "
             "θ ∝ a that Hursh measured; its absolute speed belongs to its borrowed parameters.",
             "模型只达到实测速度的 0.62。不能指望它更好：它的郎飞结是 18.5 °C 下的乌贼膜（37 °C 下哺乳动物的郎飞结"
             "门控更快，单位面积的 Na⁺ 通道也多得多），轴浆也是乌贼的，只有髓鞘是哺乳动物的。它说对的是 Hursh 测到的"
             "定律 θ ∝ a；它给出的速度绝对值取决于借来的参数。"),
        *exercise(
            "ex-ten-times-faster",
            "A bare axon must conduct ten times faster. Show that its radius must grow a hundredfold.",
            "要使裸轴突的传导速度变为原来的 10 倍，证明它的半径必须变为原来的 100 倍。",
            define("ex-hundred-times-the-radius", Eq(rho_10, velocity(100 * a, R_i) / velocity(a, R_i)),
                   "Compare an axon of 100 times the radius with the original", "把半径为原来 100 倍的轴突与原轴突比较，"),
            step("ex-ten-times", Eq(rho_10, 10), by.substituting("square-root-law", into="ex-hundred-times-the-radius"),
                 "by the square-root law.", "用平方根定律。"),
            answer=Text("√100 = 10: a hundred times the radius, ten thousand times the cross-section and the "
                        "axoplasm. That is the price of speed without myelin.",
                        "√100 = 10：半径为原来的 100 倍，横截面和轴浆则是原来的一万倍。这就是没有髓鞘时速度的代价。"),
        ),
        *exercise(
            "ex-thicker-dendrite",
            "What is the length constant of a dendrite 4 μm thick, with R_m = 10 kΩ cm² and R_i = 100 Ω cm?",
            "一根 4 μm 粗的树突，R_m = 10 kΩ cm²，R_i = 100 Ω cm，它的长度常数是多少？",
            step("ex-thicker-dendrite-value", Eq(lam, sp.Rational("1.0") * millimeter),
                 by.evaluating_at("length-constant", {a: 2 * micrometer, R_m: 10 * kohm_cm2,
                                                      R_i: 100 * ohm * centimeter}, digits=2),
                 "Put a = 2 μm into λ = √(a R_m/(2R_i)).", "把 a = 2 μm 代入 λ = √(a R_m/(2R_i))。"),
            answer=Text("1.0 mm: four times the radius of the 1 μm dendrite, twice the length constant (λ ∝ √a).",
                        "1.0 mm：半径是前文那根直径 1 μm 的树突的 4 倍，长度常数是它的 2 倍（λ ∝ √a）。"),
        ),
        *exercise(
            "ex-membrane-time-constant",
            "What is the membrane time constant of a neuron with R_m = 10 kΩ cm² and C_m = 1 μF/cm²?",
            "R_m = 10 kΩ cm²、C_m = 1 μF/cm² 的神经元，膜时间常数是多少？",
            step("ex-membrane-time-constant-value", Eq(tau_m, 10 * millisecond),
                 by.evaluating_at("time-constant", {R_m: 10 * kohm_cm2, C_m: uF_cm2}, digits=2),
                 "Multiply: τ_m = R_m C_m.", "相乘：τ_m = R_m C_m。"),
            answer=Text("10 ms, whatever the cell's size: R_m and C_m are both per unit area, and the area cancels.",
                        "10 ms，与细胞大小无关：R_m 和 C_m 都是单位面积的量，面积相互抵消。"),
        ),
        *exercise(
            "ex-spinal-reflex",
            "A signal runs 1 m from the spinal cord to the foot. How long does it take in a myelinated fibre 10 μm "
            "across, by Hursh's relation, and at the squid axon's 18.7 m/s?",
            "信号从脊髓传到脚要走 1 m。在外径 10 μm 的有髓纤维中（按 Hursh 的关系）需要多长时间？以乌贼轴突的 "
            "18.7 m/s 传导又需要多长时间？",
            step("ex-hursh-ten", Eq(theta_hursh, 60 * meter / second),
                 by.evaluating_at("hursh", {D_out: 10 * micrometer, k_H: HURSH_SLOPE}, digits=2),
                 "Hursh's relation for D = 10 μm,", "D = 10 μm 时 Hursh 的关系给出"),
            define("ex-travel-time", Eq(t_travel, ell / theta), "The time to travel a distance ℓ at speed θ",
                   "以速度 θ 传导距离 ℓ 所需的时间"),
            step("ex-travel-time-myelinated", Eq(t_travel, 17 * millisecond),
                 by.evaluating_at("ex-travel-time", {ell: meter, theta: 60 * meter / second}, digits=2),
                 "is 17 ms in the myelinated fibre", "在有髓纤维中为 17 ms，"),
            step("ex-travel-time-squid", Eq(t_travel, 53 * millisecond),
                 by.evaluating_at("ex-travel-time", {ell: meter, theta: SQUID_VELOCITY}, digits=2),
                 "and 53 ms at the squid axon's speed.", "以乌贼轴突的速度则为 53 ms。"),
            answer=Text("17 ms against 53 ms: a fibre 10 μm across, about a fiftieth of the squid axon's diameter, is "
                        "three times faster.",
                        "17 ms 对 53 ms：外径 10 μm 的纤维比乌贼轴突细得多（直径约为其五十分之一），速度却是它的约 3 倍。"),
        ),
    ),
    checks=(
        simulated("squid-length-constant", "length-constant", length_constant, SQUID_AXON,
                  "Decay length of a passive cable's steady state (squid radius, R_m = 3.33 kΩ cm²), solved on a "
                  "grid as a linear system and fitted, against the closed form.",
                  "被动电缆稳态（乌贼半径，R_m = 3.33 kΩ cm²）在网格上作为线性方程组求解并拟合得到的衰减长度，与解析式比较。"),
        simulated("rest-length-constant", "length-constant", length_constant, SQUID_AT_REST,
                  "The same with every resting conductance (R_m = 1/g_rest = 1/(0.677 mS/cm²)).",
                  "计入所有静息电导（R_m = 1/g_rest = 1/(0.677 mS/cm²)）时的同一比较。"),
        simulated("dendrite-length-constant", "length-constant", length_constant, DENDRITE,
                  "The same for a 1 μm dendrite.", "1 μm 树突的同一比较。"),
        simulated("squid-velocity", "squid-velocity", squid_velocity, SI,
                  "Hodgkin-Huxley cable solved on three grids, each twice as fine as the last, and the velocity "
                  "extrapolated to an infinitely fine grid: velocity between two points far from the ends.",
                  "Hodgkin-Huxley 电缆在三套网格上求解（每套比上一套加密一倍），速度外推到无限细的网格："
                  "远离两端的两点间的速度。", digits=3),
        simulated("four-times-thicker", "thicker-is-faster", four_times_thicker, {},
                  "Simulated velocity of a 952 μm axon over that of the 238 μm squid axon.",
                  "模拟得到的 952 μm 轴突与 238 μm 乌贼轴突的速度之比。"),
        simulated("twice-as-resistive", "resistive-is-slower", twice_as_resistive, {},
                  "Simulated velocity with R_i doubled over the original.", "R_i 加倍后与原来的模拟速度之比。"),
        simulated("myelin-doubling", "myelin-doubling", myelin_doubled, {},
                  "Saltatory velocity of a myelinated fibre (HH nodes, passive sheath) at 2 μm over 1 μm radius, the "
                  "fibre kept similar at both sizes as the argument assumes (node span in proportion, node membrane "
                  "1 μm of axon). Both are solved on the same absolute grid (143 μm spacing: 2 per node period of the "
                  "thin fibre, 4 of the thick one) and time step, so the discrete fibres are not rescalings of each "
                  "other and the ratio carries both grids' errors; the real-nodes check below measures the departure "
                  "of real fibres.",
                  "有髓纤维（HH 郎飞结，被动髓鞘）半径 2 μm 与 1 μm 的跳跃传导速度之比，两种粗细都保持论证所假设的相似"
                  "（结的长度按比例，结膜为 1 μm 长的轴突）。两者在同一个绝对网格（间距 143 μm：细纤维每个结周期 2 格，"
                  "粗纤维 4 格）和同一时间步上求解，所以两根离散纤维并非彼此的缩放，比值带有两个网格的误差；"
                  "下面的真实郎飞结检验测量真实纤维的偏离。"),
        simulated("real-nodes", "real-nodes", myelin_doubled_real_nodes, {},
                  "The same with nodes 1 μm long at both sizes.", "两种粗细的郎飞结都为 1 μm 长时的同一比值。",
                  digits=4),
        simulated("myelinated-velocity", "myelinated-velocity", myelinated_five, SI,
                  "Saltatory velocity of a myelinated fibre of radius 5 μm (HH nodes, passive sheath; grid and time "
                  "step refined).",
                  "半径 5 μm 的有髓纤维的跳跃传导速度（HH 郎飞结，被动髓鞘；网格与时间步加密）。", digits=3),
        simulated("myelin-pays-when-thin", "myelin-pays-when-thin", gain(0.1), {},
                  "Myelinated over bare velocity at a radius of 0.1 μm (time steps halved to check the figures).",
                  "半径 0.1 μm 时有髓与无髓速度之比（把时间步减半以检验有效数字）。", digits=2),
    ),
    figures=FIGURES,
    module=__name__,
)
