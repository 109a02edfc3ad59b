"""The Hodgkin-Huxley model: the rates, the resting state, and the action potential.

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

import functools

import numpy as np
import sympy as sp
from sympy.physics.units import capacitance, charge, current, length, temperature, time, voltage

from derive import (
    Derivation,
    Eq,
    Estimate,
    Params,
    SymbolTable,
    Text,
    agrees,
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
from derive.figures.hodgkin_huxley import FIGURES
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
mS = symbols.add("mS", conductance_density, "one millisiemens per square centimetre", "1 毫西门子每平方厘米",
                 positive=True, latex=r"\mathrm{mS/cm^2}")
g_rest = symbols.add("g_rest", conductance_density, "the membrane's conductance at rest: that of the channels open at rest",
                     "静息时膜的电导：静息时开放的通道的电导之和", positive=True, latex=r"g_{\mathrm{rest}}")
tau_n = symbols.add("tau_n", time, "time constant of an n gate", "n 门的时间常数", positive=True, latex=r"\tau_{n}")
tau_L = symbols.add("tau_L", time, "membrane time constant with the leak alone", "只计漏电导时的膜时间常数",
                    positive=True, latex=r"\tau_{\mathrm{L}}")
tau_rest = symbols.add("tau_rest", time, "membrane time constant with every resting conductance",
                       "计入所有静息电导时的膜时间常数", positive=True, latex=r"\tau_{\mathrm{rest}}")
lam = symbols.add("lambda_max", 1 / time, "largest real part of the eigenvalues at rest", "静息点处特征值实部的最大值",
                  real=True, latex=r"\lambda_{\max}")

# The action potential (section 5 of the handout)
uF = symbols.add("uF", capacitance / area, "one microfarad per square centimetre", "1 微法每平方厘米", positive=True,
                 latex=r"\mu\mathrm{F/cm^2}")
uA = symbols.add("uA", current / area, "one microampere per square centimetre", "1 微安每平方厘米", positive=True,
                 latex=r"\mu\mathrm{A/cm^2}")
Hz = symbols.add("Hz", 1 / time, "one hertz (one spike per second)", "1 赫兹（每秒一个动作电位）", positive=True,
                 latex=r"\mathrm{Hz}")
Q = symbols.add("Q", charge / area, "charge put on the membrane per area", "单位面积膜上的电荷", real=True)
dV_kick = symbols.add("Delta_V", voltage, "change of V when charge Q is put on the membrane", "放上电荷 Q 时 V 的变化",
                      real=True, latex=r"\Delta V")
dV_th = symbols.add("Delta_V_th", voltage, "the smallest sudden depolarisation from rest that fires a spike",
                    "从静息突然去极化、能引发动作电位的最小幅度", positive=True, latex=r"\Delta V_{\mathrm{th}}")
H = symbols.add("H", voltage, "height of the spike: peak minus rest", "动作电位的高度：峰值减静息电位", positive=True)
Q_min = symbols.add("Q_min", charge / area, "least charge that could raise V by the spike's height",
                    "使 V 升高一个动作电位高度所需的最少电荷", positive=True, latex=r"Q_{\min}")
Q_Na = symbols.add("Q_Na", charge / area, "Na⁺ charge that enters during one spike", "一个动作电位期间进入的 Na⁺ 电荷",
                   positive=True, latex=r"Q_{\mathrm{Na}}")
r_Na = symbols.add("r_Na", 1, "Na⁺ charge per spike over the least needed", "每个动作电位的 Na⁺ 电荷与最少所需之比",
                   positive=True, latex=r"r_{\mathrm{Na}}")
r_warm = symbols.add("r_Na_18", 1, "the same ratio at 18.5 °C", "18.5 °C 时的同一比值", positive=True,
                     latex=r"r_{\mathrm{Na}}(18.5\,°\mathrm{C})")
I_th = symbols.add("I_th", current / area, "threshold of a 0.5 ms current pulse", "0.5 ms 电流脉冲的阈值",
                   positive=True, latex=r"I_{\mathrm{th}}")
t_abs = symbols.add("t_abs", time, "absolute refractory period", "绝对不应期", positive=True, latex=r"t_{\mathrm{abs}}")
t_rel = symbols.add("t_rel", time, "relative refractory period", "相对不应期", positive=True, latex=r"t_{\mathrm{rel}}")
I_on = symbols.add("I_onset", current / area, "smallest steady current that drives repetitive firing",
                   "能驱动持续放电的最小恒定电流", positive=True, latex=r"I_{\mathrm{onset}}")
I_top = symbols.add("I_top", current / area, "largest steady current that drives repetitive firing",
                    "能驱动持续放电的最大恒定电流", positive=True, latex=r"I_{\mathrm{top}}")
I_H1 = symbols.add("I_H1", current / area, "current at which the resting state loses its stability (Hopf point)",
                   "静息态失去稳定性的电流（Hopf 点）", positive=True, latex=r"I_{\mathrm{H1}}")
I_H2 = symbols.add("I_H2", current / area, "current at which the fixed point regains its stability (Hopf point)",
                   "不动点重新获得稳定性的电流（Hopf 点）", positive=True, latex=r"I_{\mathrm{H2}}")
BRACKETS = {  # currents (μA/cm²) half a unit of the last stated figure either side of each Hopf point
    "below-lower-hopf": sp.Rational("9.77535"), "above-lower-hopf": sp.Rational("9.77545"),
    "below-upper-hopf": sp.Rational("154.515"), "above-upper-hopf": sp.Rational("154.525"),
}
lam_at = {
    label: symbols.add(f"lambda_{k}", 1 / time,
                       f"largest real part of the eigenvalues at {float(value):g} μA/cm²",
                       f"{float(value):g} μA/cm² 处特征值实部的最大值", real=True,
                       latex=rf"\lambda_{{\max}}({float(value):g})")
    for k, (label, value) in enumerate(BRACKETS.items(), start=1)
}
f_10 = symbols.add("f_10", 1 / time, "firing rate under 10 μA/cm²", "10 μA/cm² 下的放电频率", positive=True,
                   latex=r"f_{10}")
f_50 = symbols.add("f_50", 1 / time, "firing rate under 50 μA/cm²", "50 μA/cm² 下的放电频率", positive=True,
                   latex=r"f_{50}")

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

REST = -65 * mV  # rest in Hodgkin and Huxley's own convention: V_HH = 0
AT_REST = {rate: MODERN[rate].subs({V: REST, phi: 1}) for rate in MODERN}  # the six rates at rest, 6.3 °C
SQUID_CONDUCTANCES = {gbar_Na: 120 * mS, gbar_K: 36 * mS, g_L: sp.Rational(3, 10) * mS,
                      E_Na: 50 * mV, E_K: -77 * mV}  # Table 3 of the paper, in the modern convention
GATES_AT_REST = {n: sp.Rational("0.3177"), m: sp.Rational("0.05293"), h: sp.Rational("0.5961")}  # 4 figures
OTHER_REST = -70 * mV  # the exercise's axon resting at -70 mV
AT_OTHER_REST = {rate: MODERN[rate].subs({V: OTHER_REST, phi: 1}) for rate in MODERN}


def _five_figures(rates: dict) -> dict:
    """The rates as decimals (per ms) to five figures, as a reader puts them in: enough for the gates to
    come out right to the four figures stated."""
    return {rate: sp.Rational(f"{float(value * ms):.5g}") / ms for rate, value in rates.items()}


RATES_AT_REST = _five_figures(AT_REST)
RATES_AT_OTHER_REST = _five_figures(AT_OTHER_REST)



@functools.cache  # the time, the peak and the height all read the same spike
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


# --- The action potential: what the simulator measures, each by its own method ----------------------

UNITS = {mV: 1, ms: 1, uF: 1, uA: 1, Hz: 1}  # the simulator works in mV, ms, μF/cm², μA/cm² and Hz
WARM = model.HHParams(temperature=18.5)
SPIKE_HEIGHT = sp.Rational("106") * mV  # 3 figures, as the check states them
SODIUM_CHARGE = sp.Rational("1400") * uF * mV


@functools.cache
def kick_threshold() -> Estimate:
    """ΔV_th by bisection on sudden kicks of V (no current at all), at two step sizes."""
    return model.kick_threshold(SQUID)


def brief_pulse_threshold_charge(at: Params, rng: np.random.Generator) -> Estimate:
    """Threshold charge I_th w of pulses 10, 5 and 2.5 μs long, extrapolated to zero width."""
    return model.brief_pulse_charge(SQUID)


def spike_height(at: Params, rng: np.random.Generator) -> Estimate:
    """Peak of the spike after the default pulse minus the resting potential (RK4, step refinement)."""
    peak = _first_spike("rk4").peak
    return Estimate(peak.value - model.resting_state(SQUID).v, peak.stderr, peak.samples, computed=True)


def sodium_charge(at: Params, rng: np.random.Generator) -> Estimate:
    """The extra Na⁺ charge of that spike, integrated along with the ODE (nC/cm²)."""
    return model.sodium_charge_per_spike(params=SQUID).sodium


def sodium_ratio_warm(at: Params, rng: np.random.Generator) -> Estimate:
    """Q_Na / (C H) for the same pulse at 18.5 °C."""
    return model.sodium_charge_per_spike(params=WARM).ratio


@functools.cache
def _pulse_threshold() -> Estimate:
    return model.threshold(width=0.5, params=SQUID, precision=1e-9)


def pulse_threshold(at: Params, rng: np.random.Generator) -> Estimate:
    """Threshold of a 0.5 ms pulse by bisection (relative bracket 1e-9) at two step sizes."""
    return _pulse_threshold()


@functools.cache
def _refractory() -> model.RefractoryPeriods:
    return model.refractory_periods(params=SQUID, precision=1e-6, rest_threshold=_pulse_threshold())


def absolute_refractory(at: Params, rng: np.random.Generator) -> Estimate:
    return _refractory().absolute


def relative_refractory(at: Params, rng: np.random.Generator) -> Estimate:
    return _refractory().relative


def onset(at: Params, rng: np.random.Generator) -> Estimate:
    """Bisection (to 1e-4) on sustained firing in runs of 500 and 1000 ms, extrapolated in the run length."""
    return model.repetitive_firing_onset(SQUID, precision=1e-4, duration=500.0)


@functools.cache
def _upper_edge() -> Estimate:
    return model.repetitive_firing_upper_edge(SQUID, precision=1e-4, tolerance=1e-7)


def upper_edge(at: Params, rng: np.random.Generator) -> Estimate:
    """Where the peak of the settled orbit falls through 0 mV: brentq on the current, each peak from
    a run from rest to a settled orbit, at two RK4 step sizes."""
    return _upper_edge()


@functools.cache
def _hopf_points() -> tuple[model.HopfPoint, ...]:
    return model.hopf_points(SQUID)


def hopf_lower(at: Params, rng: np.random.Generator) -> Estimate:
    """Where the largest real part of the simulator's Jacobian (finite differences of its own
    right-hand side, at its own fixed point) changes sign, by brentq at two difference steps."""
    return _hopf_points()[0].current


def hopf_upper(at: Params, rng: np.random.Generator) -> Estimate:
    return _hopf_points()[1].current


def rate(current: float):
    """The steady firing rate under a current step, from the last interspike interval."""
    def simulate(at: Params, rng: np.random.Generator) -> Estimate:
        return model.firing_rate(current, SQUID)
    simulate.__doc__ = f"Steady firing rate under a step of {current:g} μA/cm² (RK4, step refinement)."
    return simulate


def _conversion(rate: sp.Symbol) -> tuple:
    name = str(rate)
    written = name.replace("alpha", "α").replace("beta", "β")  # α_n in the prose, as in the equations
    return (
        cite(f"{name}-1952", Eq(rate, PAPER[rate]), f"{HH}, eqs. 12-13, 20-21, 23-24",
             f"{written} as the paper writes it, in its own convention.", f"论文原文中的 {written}（采用论文自己的约定）。"),
        step(name, Eq(rate, MODERN[rate]), by.substituting("convention", into=f"{name}-1952"),
             f"{written} in the modern convention.", f"现代约定下的 {written}。"),
    )


BRACKET_POINTS = {  # the fixed point's V (mV, 3 figures) and the largest real part (1/ms, 2 figures) there
    "below-lower-hopf": ("-59.7", "-0.0000017"), "above-lower-hopf": ("-59.7", "0.00000023"),
    "below-upper-hopf": ("-43.1", "0.000033"), "above-upper-hopf": ("-43.1", "-0.000012"),
}


def _hopf_brackets() -> tuple:
    """For each Hopf point, the symbolic Jacobian's largest real part half a unit of the last stated
    figure either side of it: the signs differ, so the stated figures are right."""
    steps = []
    for label, current in BRACKETS.items():
        v, largest = BRACKET_POINTS[label]
        side, which = label.split("-", 1)
        en_side, zh_side = {"below": ("just below", "略低于"), "above": ("just above", "略高于")}[side]
        en_point, zh_point = {"lower-hopf": ("the lower Hopf point", "下 Hopf 点"),
                              "upper-hopf": ("the upper Hopf point", "上 Hopf 点")}[which]
        steps += [
            step(f"fixed-point-{label}", Eq(V, sp.Rational(v) * mV),
                 by.finding_root("voltage-rate", "n-rate", "m-rate", "h-rate",
                                 start={V: float(v), n: 0.4, m: 0.1, h: 0.3}, setting={**REDUCED, I_ext: current},
                                 digits=3),
                 f"The symbolic equations again, with a steady current of {float(current):g} μA/cm² "
                 f"({en_side} {en_point}): a numerical root finder gives the fixed point,",
                 f"再用符号方程，稳定电流取 {float(current):g} μA/cm²（{zh_side}{zh_point}）：数值求出不动点，"),
            step(f"stability-{label}", Eq(lam_at[label], sp.Rational(largest) / ms),
                 by.linear_stability("voltage-rate", "n-rate", "m-rate", "h-rate", states=(V, n, m, h),
                                     fixed_point=f"fixed-point-{label}"),
                 "and the largest real part of the symbolic Jacobian's eigenvalues there.",
                 "以及该处符号雅可比矩阵特征值实部的最大值。"),
        ]
    return tuple(steps)



# What a reader needs first besides the handouts quoted below (read by derive.render.view).
READ_AFTER = ("ion-conductance", "gate-kinetics")  # the membrane equation and the gates
NEEDS = Text("systems of differential equations, limits of the form 0/0, and the eigenvalues of a matrix",
             "微分方程组、0/0 型极限，以及矩阵的特征值")
SOURCES_ZH = {
    "sign convention": "符号约定",
    "J. Z. Young, Cold Spring Harb. Symp. Quant. Biol. 4, 1 (1936)": "J. Z. Young，Cold Spring Harb. Symp. Quant. Biol. 4, 1 (1936)",
    "the squid giant axon": "乌贼巨轴突",
    "A. L. Hodgkin and A. F. Huxley, Nature 144, 710 (1939)": "A. L. Hodgkin 和 A. F. Huxley，Nature 144, 710 (1939)",
    "the action potential recorded from inside": "从轴突内部记录到的动作电位",
    "K. S. Cole, Arch. Sci. Physiol. 3, 253 (1949)": "K. S. Cole，Arch. Sci. Physiol. 3, 253 (1949)",
    "G. Marmont, J. Cell. Comp. Physiol. 34, 351 (1949)": "G. Marmont，J. Cell. Comp. Physiol. 34, 351 (1949)",
    "the voltage clamp": "电压钳",
    "J. Rinzel, Lect. Notes Biomath. 66, 304 (1985)": "J. Rinzel，Lect. Notes Biomath. 66, 304 (1985)",
    "the V-n reduction of the phase-plane figure": "相平面图所用的 V-n 简化模型",
    "the definition of capacitance (e.g. E. M. Purcell, Electricity and Magnetism, §3.4)":
        "电容的定义（例如 E. M. Purcell，《电磁学》（伯克利物理学教程第 2 卷），§3.4）",
    "W. Gerstner, W. M. Kistler, R. Naud and L. Paninski, Neuronal Dynamics (2014)":
        "W. Gerstner、W. M. Kistler、R. Naud 和 L. Paninski，Neuronal Dynamics (2014)",
}

derivation = Derivation(
    id="hodgkin-huxley",
    title=Text("The Hodgkin-Huxley model: rates, rest and the action potential",
               "Hodgkin-Huxley 模型：速率、静息与动作电位"),
    question=Text(
        "How do the Na⁺ and K⁺ conductances depend on the voltage, why does the membrane stay at rest until "
        "it is pushed, and what does it take to fire an action potential, and another?",
        "Na⁺ 和 K⁺ 电导如何依赖于电压？为什么膜在受到推动之前保持静息？引发一个动作电位、再引发一个，需要什么？",
    ),
    section="1.3",
    symbols=symbols.freeze(),
    assumptions=(
        Text("The squid giant axon membrane as a single patch (no propagation): a capacitor in parallel with "
             "Na⁺, K⁺ and leak conductances.",
             "把乌贼巨轴突的膜看作一个小片（不考虑传播）：一个电容与 Na⁺、K⁺ 和漏电导并联。"),
        Text("Gates as in the gate-kinetics handout: the K⁺ conductance is its maximum times n⁴, the Na⁺ "
             "conductance its maximum times m³h, each gate with voltage-dependent rates α and β.",
             "门控与门控讲义相同：K⁺ 电导等于其最大值乘以 n⁴，Na⁺ 电导等于其最大值乘以 m³h，每个门的速率 α、β "
             "依赖于电压。"),
        Text("Modern convention: V is inside minus outside, rest near -65 mV; the paper's V is the displacement "
             "from rest with depolarisation negative, so V_HH = -(V + 65 mV).",
             "现代约定：V 为内减外，静息约 -65 mV；论文中的 V 是相对静息的偏移，且去极化为负，所以 V_HH = -(V + 65 mV)。"),
    ),
    key_ideas=(
        Text("Each gate opens and closes at rates α(V) and β(V) that depend on the voltage; held at one voltage it "
             "relaxes to α/(α + β). The Na⁺ conductance (its maximum times m³h) and the K⁺ conductance (its "
             "maximum times n⁴) are built from such gates, with rates measured under a voltage clamp.",
             "每个门以依赖于电压的速率 α(V) 和 β(V) 开关；固定在某个电压时，它弛豫到 α/(α + β)。Na⁺ 电导"
             "（最大值乘以 m³h）和 K⁺ 电导（最大值乘以 n⁴）都由这样的门构成，其速率是在电压钳下测出的。"),
        Text("The action potential is a positive feedback: depolarisation opens m gates, Na⁺ flows in and "
             "depolarises further. The slower closing of h and opening of n end it and leave the membrane "
             "refractory for several milliseconds.",
             "动作电位是一个正反馈：去极化打开 m 门，Na⁺ 流入并进一步去极化。较慢的 h 门关闭和 n 门开放终止它，"
             "并使膜在几毫秒内处于不应期。"),
        Text("Rest is a stable fixed point where the ionic currents cancel; Hodgkin and Huxley chose E_L to make "
             "it so at −65 mV. To leave it, a brief pulse must put a threshold charge C ΔV_th on the membrane.",
             "静息是离子电流相互抵消的稳定不动点；Hodgkin 和 Huxley 选择 E_L，使它位于 −65 mV。要离开它，"
             "短脉冲至少要给膜充上 C ΔV_th 的电荷。"),
        Text("Under a steady current the squid membrane fires spikes (peaks above 0 mV) again and again between "
             "about 6 and 63 μA/cm², starting at a finite rate (type II). Its resting state loses stability at a "
             "Hopf point near 10 μA/cm²; above 63 μA/cm² the membrane still oscillates, with lower peaks, up to a "
             "second Hopf point near 155 μA/cm².",
             "在恒定电流下，乌贼膜在约 6 到 63 μA/cm² 之间反复产生动作电位（峰值高于 0 mV），并从一个有限的频率"
             "开始（II 型）。它的静息态在约 10 μA/cm² 处的 Hopf 分岔点失去稳定性；电流高于 63 μA/cm² 时膜仍在"
             "振荡，但峰值较低，直到约 155 μA/cm² 处的第二个 Hopf 分岔点。"),
    ),
    sources=(f"{HH}", "J. Z. Young, Cold Spring Harb. Symp. Quant. Biol. 4, 1 (1936) (the squid giant axon)",
             "A. L. Hodgkin and A. F. Huxley, Nature 144, 710 (1939) (the action potential recorded from inside)",
             "K. S. Cole, Arch. Sci. Physiol. 3, 253 (1949); G. Marmont, J. Cell. Comp. Physiol. 34, 351 (1949) "
             "(the voltage clamp)",
             "J. Rinzel, Lect. Notes Biomath. 66, 304 (1985) (the V-n reduction of the phase-plane figure)",
             "P. Dayan and L. F. Abbott, Theoretical Neuroscience (2001), §5.6",
             "W. Gerstner, W. M. Kistler, R. Naud and L. Paninski, Neuronal Dynamics (2014), §2.2",
             "The source article, 高中生也能看懂的的神经科学数学基础 (“Neuroscience maths a high-school student can follow”), §1 (2024)"),
    steps=(
        heading("Hodgkin and Huxley's experiment", "Hodgkin 和 Huxley 的实验",
                cite("convention", Eq(V_HH, -(V + 65 * mV)), f"{HH}, p. 505 (sign convention)",
                     "The squid's giant axon, up to a millimetre thick, was brought to physiology by J. Z. Young "
                     "(1936): a wire fits inside it. Hodgkin and Huxley recorded the action potential from inside "
                     "it in 1939, and in the late 1940s K. S. Cole and G. Marmont built the voltage clamp, which "
                     "holds the membrane at a chosen voltage and measures the current this takes. With it "
                     "Hodgkin and Huxley measured the Na⁺ and K⁺ conductances at many voltages and in 1952 wrote "
                     "down the equations of this handout. Their paper measures the voltage from rest, with "
                     "depolarisation negative; we convert it to the modern convention, inside minus outside.",
                     "乌贼的巨轴突粗达一毫米，由 J. Z. Young（1936 年）引入生理学研究：它粗到可以把一根导线插进去。"
                     "Hodgkin 和 Huxley 在 1939 年从轴突内部记录到动作电位；20 世纪 40 年代后期，K. S. Cole 和 "
                     "G. Marmont 发明了电压钳：把膜电位固定在选定的数值上，并测量为此所需的电流。Hodgkin 和 Huxley "
                     "用它测出了许多电压下的 Na⁺ 和 K⁺ 电导，并在 1952 年写下了本讲义的方程。他们的论文从静息电位"
                     "算起测量电压，而且去极化为负；我们把它换算成现代约定（内减外）。")),
        *(s for rate in (alpha_n, beta_n, alpha_m, beta_m, alpha_h, beta_h) for s in _conversion(rate)),
        cite("temperature-factor", Eq(phi, 3 ** ((T - T_0) / (10 * K))), f"{HH}, p. 519",
             "Every rate is multiplied by 3 for each 10 °C above 6.3 °C (Q₁₀ = 3).",
             "温度每比 6.3 °C 高 10 °C，所有速率都乘以 3（Q₁₀ = 3）。"),
        step("alpha-n-at-minus-55",
             Eq(sp.Limit(MODERN[alpha_n].subs(phi, 1), V, -55 * mV), 1 / (10 * ms)), by.evaluating(),
             "At V = -55 mV α_n is 0/0; the limit is 0.1 per ms (6.3 °C). Simulations must use it.",
             "V = -55 mV 时 α_n 为 0/0；其极限为每毫秒 0.1（6.3 °C）。模拟时必须使用这个值。"),
        step("alpha-m-at-minus-40",
             Eq(sp.Limit(MODERN[alpha_m].subs(phi, 1), V, -40 * mV), 1 / ms), by.evaluating(),
             "At V = -40 mV α_m is 0/0; the limit is 1 per ms.", "V = -40 mV 时 α_m 为 0/0；其极限为每毫秒 1。"),
        heading("The gates and the membrane", "门与膜",
                cite("potassium-gate", Eq(dn, alpha_n * (1 - n) - beta_n * n), f"{HH}, eq. 7",
                     "Each gate obeys the two-state kinetics of the gate-kinetics handout.",
                     "每个门都服从门控讲义中的两态动力学。")),
        cite("sodium-activation", Eq(dm, alpha_m * (1 - m) - beta_m * m), f"{HH}, eq. 15",
             "The Na⁺ activation gates m likewise,", "Na⁺ 激活门 m 同理，"),
        cite("sodium-inactivation", Eq(dh, alpha_h * (1 - h) - beta_h * h), f"{HH}, eq. 16",
             "and the inactivation gate h, which closes when the membrane depolarises.",
             "失活门 h 也一样，它在膜去极化时关闭。"),
        cite("membrane", Eq(C * dV, I_ext - gbar_Na * m**3 * h * (V - E_Na) - gbar_K * n**4 * (V - E_K)
                                - g_L * (V - E_L)), f"{HH}, eq. 26",
             "The membrane: the capacitor is charged by the injected current minus the three ionic currents. "
             "Together with the gates this makes the action potential. A depolarisation opens m gates within a "
             "fraction of a millisecond; Na⁺ flows in, which depolarises the membrane further and opens more m "
             "gates: a positive feedback loop that drives V up towards E_Na. Two slower processes end it: the h "
             "gates close, shutting the Na⁺ channels (inactivation), and the n gates open, letting K⁺ out, which "
             "brings V back down.",
             "细胞膜：注入电流减去三种离子电流为电容充电。它与各个门一起产生动作电位。去极化在不到一毫秒内"
             "打开 m 门；Na⁺ 流入，使膜进一步去极化，又打开更多的 m 门：这是一个正反馈回路，把 V 推向 E_Na。"
             "两个较慢的过程终止它：h 门关闭，使 Na⁺ 通道失活；n 门打开，让 K⁺ 流出，使 V 回落。"),
        step("voltage-rate", Eq(dV, (I_ext - gbar_Na * m**3 * h * (V - E_Na) - gbar_K * n**4 * (V - E_K)
                                        - g_L * (V - E_L)) / C),
             by.solving_for(dV, "membrane"), "The rate of change of V.", "V 的变化率。"),
        step("n-rate", Eq(dn, MODERN[alpha_n] * (1 - n) - MODERN[beta_n] * n),
             by.substituting("alpha_n", "beta_n", into="potassium-gate"), "The gates with their rates written out.",
             "把速率写出来的门方程。"),
        step("m-rate", Eq(dm, MODERN[alpha_m] * (1 - m) - MODERN[beta_m] * m),
             by.substituting("alpha_m", "beta_m", into="sodium-activation"),
             "The m gates with their rates written out.", "把速率写出来的 m 门方程。"),
        step("h-rate", Eq(dh, MODERN[alpha_h] * (1 - h) - MODERN[beta_h] * h),
             by.substituting("alpha_h", "beta_h", into="sodium-inactivation"),
             "The h gate with its rates written out.", "把速率写出来的 h 门方程。"),
        heading("Rest, and where the leak's reversal potential comes from", "静息，以及漏电流反转电位的来历",
                step("n-steady", Eq(n, alpha_n / (alpha_n + beta_n)), by.solving_for(n, "potassium-gate", setting={dn: 0}),
                     "Hodgkin and Huxley measured every voltage from the resting potential, so their rest is V_HH = 0, "
                     "V = −65 mV. Held at a fixed voltage a gate stops changing: with dn/dt = 0 the gate equation "
                     "gives the steady open probability n∞ = α_n/(α_n + β_n),",
                     "Hodgkin 和 Huxley 从静息电位算起测量所有电压，所以他们的静息就是 V_HH = 0，即 V = −65 mV。"
                     "在固定电压下门不再变化：令 dn/dt = 0，门方程给出稳态开放概率 n∞ = α_n/(α_n + β_n)，")),
        step("m-steady", Eq(m, alpha_m / (alpha_m + beta_m)), by.solving_for(m, "sodium-activation", setting={dm: 0}),
             "and likewise for m", "m 也一样，"),
        step("h-steady", Eq(h, alpha_h / (alpha_h + beta_h)), by.solving_for(h, "sodium-inactivation", setting={dh: 0}),
             "and h.", "h 也一样。"),
        step("n-at-rest", Eq(n, GATES_AT_REST[n]),
             by.evaluating_at("n-steady", {alpha_n: RATES_AT_REST[alpha_n], beta_n: RATES_AT_REST[beta_n]}, digits=4),
             "With the rates at −65 mV (6.3 °C), about a third of the n gates are open at rest,",
             "代入 −65 mV 处的速率（6.3 °C），静息时约三分之一的 n 门开放，"),
        step("m-at-rest", Eq(m, GATES_AT_REST[m]),
             by.evaluating_at("m-steady", {alpha_m: RATES_AT_REST[alpha_m], beta_m: RATES_AT_REST[beta_m]}, digits=4),
             "only one m gate in twenty,", "m 门只有二十分之一开放，"),
        step("h-at-rest", Eq(h, GATES_AT_REST[h]),
             by.evaluating_at("h-steady", {alpha_h: RATES_AT_REST[alpha_h], beta_h: RATES_AT_REST[beta_h]}, digits=4),
             "and three h gates in five.", "h 门有五分之三开放。"),
        step("leak-balance", Eq(E_L, V + (gbar_Na * m**3 * h * (V - E_Na) + gbar_K * n**4 * (V - E_K)) / g_L),
             by.solving_for(E_L, "membrane", setting={I_ext: 0, dV: 0}),
             "The leak's reversal potential E_L was not measured. Hodgkin and Huxley chose it so that at rest, "
             "with no current injected, the three ionic currents cancel and V stays put. Setting I_ext = 0 and "
             "dV/dt = 0 in the membrane equation and solving for E_L:",
             "漏电流的反转电位 E_L 并不是测出来的。Hodgkin 和 Huxley 选择它，使得静息时（不注入电流）三种离子电流"
             "相互抵消，V 保持不变。在膜方程中令 I_ext = 0、dV/dt = 0，解出 E_L："),
        step("leak-reversal", Eq(E_L, sp.Rational("-54.40") * mV),
             by.evaluating_at("leak-balance", {V: REST, **SQUID_CONDUCTANCES, **GATES_AT_REST}, digits=4),
             "Put in the resting gates and the squid's conductances and reversal potentials (Table 3 of the "
             "paper): E_L = −54.40 mV, "
             "10.60 mV above rest. Hodgkin and Huxley, computing with their rounded tables, found 10.613 mV, "
             "E_L = −54.387 mV, the value textbooks and this handout use.",
             "代入静息时的门以及乌贼的电导和反转电位（论文表 3）：E_L = −54.40 mV，比静息高 10.60 mV。Hodgkin 和 Huxley 用四舍五入"
             "后的数表计算，得到 10.613 mV，即 E_L = −54.387 mV，这是教科书和本讲义采用的数值。"),
        define("resting-conductance", Eq(g_rest, gbar_Na * m**3 * h + gbar_K * n**4 + g_L),
               "At rest the membrane conducts through every channel that is open: its conductance is the sum of "
               "the three (the chord conductances of the ion-conductance handout).",
               "静息时膜通过所有开放的通道导电：它的电导是三者之和（即离子电导讲义中的弦电导）。"),
        step("resting-conductance-squid", Eq(g_rest, sp.Rational("0.677") * mS),
             by.evaluating_at("resting-conductance", {gbar_Na: 120 * mS, gbar_K: 36 * mS, g_L: sp.Rational(3, 10) * mS,
                                                      **GATES_AT_REST}, digits=3),
             "With the resting gates it is 0.677 mS/cm², more than twice the leak's 0.3 mS/cm²: at rest a good part of the current flows "
             "through K⁺ channels. The cable handout needs this for the length constant.",
             "代入静息时的门，它是 0.677 mS/cm²，是漏电导 0.3 mS/cm² 的两倍多：静息时相当一部分电流流过 K⁺ 通道。"
             "电缆讲义计算长度常数时要用到它。"),
        step("resting-potential", Eq(V, sp.Rational("-65.0") * mV),
             by.finding_root("voltage-rate", "n-rate", "m-rate", "h-rate",
                             start={V: -65.0, n: 0.3, m: 0.05, h: 0.6}, setting=REDUCED, digits=3),
             "Now the other way round: with E_L = −54.387 mV, where do all four rates vanish? A numerical root "
             "finder, started near rest, finds the point at V = −65.0 mV: the resting state is where Hodgkin and "
             "Huxley put it.",
             "现在反过来：取 E_L = −54.387 mV，四个变化率在哪里同时为零？从静息附近出发数值求根，得到 V = −65.0 mV："
             "静息态正在 Hodgkin 和 Huxley 设定的位置。"),
        step("resting-state-is-stable", Eq(lam, sp.Rational("-0.12") / ms),
             by.linear_stability("voltage-rate", "n-rate", "m-rate", "h-rate", states=(V, n, m, h),
                                 fixed_point="resting-potential"),
             "Small disturbances of the resting state die away: every eigenvalue of the Jacobian has a negative "
             "real part, the slowest part decaying at a rate of 0.12 per ms. A spike needs a push beyond threshold.",
             "静息态的小扰动会衰减：雅可比矩阵的所有特征值实部都为负，最慢的分量以每毫秒 0.12 的速率衰减。"
             "要产生动作电位需要超过阈值的推动。"),
        # --- the action potential ---
        heading("How hard must we push? Threshold and the charge of a spike", "需要多大的推动？阈值与一个动作电位的电荷",
                cite("capacitor", Eq(Q, C * dV_kick), "the definition of capacitance (e.g. E. M. Purcell, Electricity "
             "and Magnetism, §3.4)",
             "How hard must we push? Charge Q put on the membrane capacitor changes the voltage by ΔV = Q/C.",
             "需要多大的推动？放到膜电容上的电荷 Q 使电压改变 ΔV = Q/C。")),
        step("kick", Eq(dV_kick, Q / C), by.solving_for(dV_kick, "capacitor"),
             "A current pulse so brief that the ionic currents have no time to act only moves charge: it "
             "shifts V by Q/C, the same as setting V suddenly to rest + Q/C.",
             "一个短到离子电流来不及起作用的电流脉冲只搬运电荷：它使 V 移动 Q/C，"
             "等同于把 V 突然设为静息值加 Q/C。"),
        given("just-fires", Eq(dV_kick, dV_th),
              "Call ΔV_th the smallest sudden depolarisation from rest that is followed by a spike; "
              "a brief pulse at threshold produces exactly that.",
              "记 ΔV_th 为从静息突然去极化后能引发动作电位的最小幅度；阈值处的短脉冲恰好产生这么大的去极化。"),
        step("threshold-charge", Eq(Q, C * dV_th), by.substituting("just-fires", into="capacitor"),
             "So the threshold of a brief pulse is a charge, not a current: a pulse of width w needs a current "
             "I_th with I_th w = C ΔV_th, the strength-duration law of very short pulses. Halve the width and the "
             "threshold current doubles; the charge it delivers stays the same.",
             "所以短脉冲的阈值是电荷而不是电流：宽度为 w 的脉冲所需的阈值电流 I_th 满足 I_th w = C ΔV_th，"
             "即极短脉冲的强度-时程关系。脉冲宽度减半，阈值电流加倍，送上的电荷不变。"),
        measured("spike-height", Eq(H, SPIKE_HEIGHT), "spike-height",
                 "A spike rises from rest to its peak by H = 106 mV.",
                 "动作电位从静息升到峰值，高度 H = 106 mV。"),
        define("least-charge", Eq(Q_min, C * H),
               "The least charge that could raise V by H is what the capacitor alone needs, C H (Q = C ΔV); any K⁺ "
               "current flowing out meanwhile only adds to what Na⁺ must bring in.",
               "使 V 升高 H 所需的最少电荷就是电容本身所需的 C H（Q = C ΔV）；同时流出的 K⁺ 电流只会增加 Na⁺ 必须带入的量。"),
        cite("squid-capacitance", Eq(C, uF), f"{HH}, Table 3",
             "The squid membrane has about 1 μF/cm².", "乌贼轴突膜的电容约为 1 μF/cm²。"),
        step("least-charge-squid", Eq(Q_min, SPIKE_HEIGHT * uF),
             by.substituting("squid-capacitance", "spike-height", into="least-charge"),
             "So a spike needs at least 106 nC/cm² (1 μF/cm² × 1 mV = 1 nC/cm²).",
             "所以一个动作电位至少需要 106 nC/cm²（1 μF/cm² × 1 mV = 1 nC/cm²）。"),
        measured("sodium-charge", Eq(Q_Na, SODIUM_CHARGE), "sodium-charge",
                 "The simulation integrates the Na⁺ current through the spike: about 1400 nC/cm² enter.",
                 "模拟对整个动作电位期间的 Na⁺ 电流积分：约有 1400 nC/cm² 进入。"),
        define("excess", Eq(r_Na, Q_Na / Q_min), "Compare the two.", "比较两者。"),
        step("excess-squid", Eq(r_Na, sp.Rational("13.2")),
             by.evaluating_at("excess", {Q_Na: SODIUM_CHARGE, Q_min: SPIKE_HEIGHT * uF}, digits=3),
             "Thirteen times the minimum enters at 6.3 °C: the Na⁺ and K⁺ currents overlap, so most of the Na⁺ "
             "that comes in is cancelled by K⁺ going out, and the pumps must pay for all of it.",
             "6.3 °C 时进入的 Na⁺ 是最少所需的 13 倍：Na⁺ 和 K⁺ 电流在时间上重叠，进来的 Na⁺ 大多被流出的 K⁺ 抵消，"
             "而离子泵必须为全部 Na⁺ 付出能量。"),
        step("warm-rates", Eq(phi, sp.Rational("3.8")),
             by.evaluating_at("temperature-factor", {T: sp.Rational("291.65") * K, T_0: sp.Rational("279.45") * K},
                              digits=2),
             "Warm the axon to 18.5 °C and every rate is multiplied by 3.8.", "把轴突升温到 18.5 °C，所有速率都变为原来的 3.8 倍。"),
        measured("excess-warm", Eq(r_warm, sp.Rational("3.96")), "excess-warm",
                 "The gates are faster, the currents overlap less, and the ratio falls to "
                 "about 4, the value usually quoted for the squid axon.",
                 "门控更快，电流重叠减少，比值降到约 4，也就是文献中常引用的乌贼轴突数值。"),
        heading("Refractoriness", "不应期",
                measured("pulse-threshold", Eq(I_th, sp.Rational("13.27512") * uA), "pulse-threshold",
                 "The threshold of a 0.5 ms pulse at rest: 13.27512 μA/cm² (bisection; a spike is a crossing of "
                 "0 mV within 20 ms).",
                 "静息时 0.5 ms 脉冲的阈值：13.27512 μA/cm²（二分法；以 20 ms 内越过 0 mV 判定为动作电位）。")),
        measured("absolute-refractory", Eq(t_abs, sp.Rational("6.72") * ms), "absolute-refractory",
                 "After a spike (fired by 2 × threshold), even a pulse of 10 × threshold fires a second one only "
                 "6.72 ms later: the absolute refractory period. h is still small, so few Na⁺ channels can open.",
                 "一个动作电位（由 2 倍阈值引发）之后，即使 10 倍阈值的脉冲也要 6.72 ms 之后才能引发第二个："
                 "这是绝对不应期。此时 h 仍然很小，能开放的 Na⁺ 通道很少。"),
        measured("relative-refractory", Eq(t_rel, sp.Rational("15.4") * ms), "relative-refractory",
                 "A pulse of 1.1 × threshold fires again only after 15.4 ms: the relative refractory period, "
                 "while h recovers and n decays.",
                 "1.1 倍阈值的脉冲要 15.4 ms 之后才能再次引发动作电位：这是相对不应期，期间 h 恢复、n 衰减。"),
        heading("Repetitive firing under a steady current", "恒定电流下的持续放电",
                measured("repetitive-onset", Eq(I_on, sp.Rational("6.26") * uA), "repetitive-onset",
                 "A steady current step from 6.26 μA/cm² up makes the neuron fire again and again; below it, "
                 "a few spikes and then rest.",
                 "从 6.26 μA/cm² 起，恒定电流阶跃使神经元持续放电；低于它，只放几个动作电位便回到静息。")),
        measured("repetitive-top", Eq(I_top, sp.Rational("62.87") * uA), "repetitive-top",
                 "It stops again at 62.87 μA/cm²: above that current the membrane still oscillates after the "
                 "step, but its peaks stay below 0 mV, so by the spike criterion it does not fire. Repetitive "
                 "firing takes a step between the two edges.",
                 "到 62.87 μA/cm² 又会停止：电流更大时，阶跃之后膜电位仍在振荡，但峰值始终低于 0 mV，"
                 "按动作电位的判据它并没有放电。持续放电需要介于这两个边界之间的阶跃电流。"),
        heading("Where the oscillation comes from: the Hopf points", "振荡从何而来：Hopf 点",
                measured("hopf-lower", Eq(I_H1, sp.Rational("9.7754") * uA), "hopf-lower",
                 "Where does the oscillation come from? The resting state moves with the current, and it stays "
                 "stable only up to 9.7754 μA/cm², where a pair of complex eigenvalues of the Jacobian crosses "
                 "into the right half-plane (a Hopf point). Below it rest and firing coexist: from the resting "
                 "state at zero current a step above 6.26 μA/cm² lands on the firing orbit.",
                 "振荡从何而来？静息态随电流移动，只在 9.7754 μA/cm² 以下保持稳定；在那里雅可比矩阵的一对复特征值"
                 "越过虚轴进入右半平面（一个 Hopf 点）。在它以下，静息和放电共存：从零电流时的静息态出发，"
                 "高于 6.26 μA/cm² 的阶跃会落到放电的轨道上。")),
        measured("hopf-upper", Eq(I_H2, sp.Rational("154.52") * uA), "hopf-upper",
                 "At 154.52 μA/cm² the pair crosses back: above it the membrane settles at a depolarised fixed "
                 "point where h stays small and Na⁺ channels cannot open again (depolarisation block); below "
                 "it, down to 62.87 μA/cm², it oscillates without spikes.",
                 "在 154.52 μA/cm² 这对特征值又越回左半平面：电流更大时，膜停在一个去极化的不动点上，h 始终很小，"
                 "Na⁺ 通道无法再次开放（去极化阻滞）；在它以下直到 62.87 μA/cm²，膜振荡但不产生动作电位。"),
        *_hopf_brackets(),
        heading("The f-I curve", "f-I 曲线",
                measured("rate-at-10", Eq(f_10, sp.Rational("68.3") * Hz), "rate-at-10",
                 "Just above the onset the rate does not start from 0 but jumps to tens of spikes per second (the HH "
                 "neuron is of type II): at 10 μA/cm² it fires at 68.3 Hz,",
                 "刚超过起始电流，频率并不从 0 开始，而是直接跳到每秒几十个（HH 神经元属于 II 型）：10 μA/cm² 时为 68.3 Hz，")),
        measured("rate-at-50", Eq(f_50, sp.Rational("117") * Hz), "rate-at-50",
                 "and at 50 μA/cm² only 117 Hz: the f-I curve is steep at the onset and flat above it.",
                 "50 μA/cm² 时也只有 117 Hz：f-I 曲线在起始处陡峭，之后平缓。"),
        *exercise(
            "ex-potassium-gate-at-rest",
            "How fast do the K⁺ gates move at rest? Find α_n and β_n at −65 mV (6.3 °C), and the time constant "
            "τ_n = 1/(α_n + β_n) with which n relaxes after a small voltage step.",
            "静息时 K⁺ 门动得多快？求 −65 mV（6.3 °C）处的 α_n 和 β_n，以及小电压阶跃后 n 弛豫的时间常数 "
            "τ_n = 1/(α_n + β_n)。",
            step("ex-alpha-n-at-rest", Eq(alpha_n, sp.Rational("0.0582") / ms),
                 by.evaluating_at("alpha_n", {V: REST, phi: 1}, digits=3),
                 "Put V = −65 mV into the modern α_n,", "把 V = −65 mV 代入现代约定下的 α_n，"),
            step("ex-beta-n-at-rest", Eq(beta_n, sp.Rational("0.125") / ms),
                 by.evaluating_at("beta_n", {V: REST, phi: 1}, digits=3),
                 "and into β_n.", "再代入 β_n。"),
            define("ex-tau-n", Eq(tau_n, 1 / (alpha_n + beta_n)),
                   "The relaxation time of a gate is one over the sum of its rates (gate-kinetics handout):",
                   "一个门的弛豫时间是其两个速率之和的倒数（门控讲义）："),
            step("ex-tau-n-at-rest", Eq(tau_n, sp.Rational("5.46") * ms),
                 by.evaluating_at("ex-tau-n", {alpha_n: sp.Rational("0.0582") / ms, beta_n: sp.Rational("0.125") / ms},
                                  digits=3),
                 "at rest,", "静息时，"),
            answer=Text("α_n = 0.0582 per ms and β_n = 0.125 per ms, so τ_n = 5.46 ms: the K⁺ conductance follows a "
                        "change of voltage only after several milliseconds, which is why it ends the spike rather "
                        "than preventing it.",
                        "α_n = 每毫秒 0.0582，β_n = 每毫秒 0.125，所以 τ_n = 5.46 ms：K⁺ 电导要过好几毫秒才跟上电压的"
                        "变化，因此它终止动作电位，而不是阻止它发生。"),
        ),
        *exercise(
            "ex-membrane-time-constant",
            "The membrane time constant is C over the membrane's conductance. Compute it for the squid membrane "
            "(C = 1 μF/cm²) with the leak alone (0.3 mS/cm²) and with the conductances of all the channels open at rest. "
            "(1 mS/cm² = 1 μF/cm² per ms.)",
            "膜时间常数等于 C 除以膜电导。对乌贼膜（C = 1 μF/cm²）分别只计漏电导（0.3 mS/cm²）和计入静息时所有开放的"
            "电导，求膜时间常数。（1 mS/cm² = 1 μF/cm² ÷ 1 ms。）",
            define("ex-tau-leak", Eq(tau_L, C / g_L), "With the leak alone", "只计漏电导时"),
            step("ex-tau-leak-squid", Eq(tau_L, sp.Rational("3.3") * ms),
                 by.evaluating_at("ex-tau-leak", {C: uF, g_L: sp.Rational(3, 10) * uF / ms}, digits=2),
                 "the membrane charges in 3.3 ms;", "膜的充电时间为 3.3 ms；"),
            define("ex-tau-rest", Eq(tau_rest, C / g_rest), "with the resting conductance found above",
                   "用上面求得的静息电导"),
            step("ex-tau-rest-squid", Eq(tau_rest, sp.Rational("1.48") * ms),
                 by.evaluating_at("ex-tau-rest", {C: uF, g_rest: sp.Rational("0.677") * uF / ms}, digits=3),
                 "it is shorter.", "它更短。"),
            answer=Text("3.3 ms with the leak alone, 1.48 ms with all the resting conductances: a small "
                        "disturbance of the resting squid membrane fades within a millisecond or two.",
                        "只计漏电导为 3.3 ms，计入所有静息电导为 1.48 ms：乌贼静息膜上的小扰动在一两毫秒内就消失了。"),
        ),
        *exercise(
            "ex-body-temperature",
            "Hodgkin and Huxley's rates hold at 6.3 °C. With Q₁₀ = 3, how many times faster would the gates be "
            "at 37 °C?",
            "Hodgkin 和 Huxley 的速率对应 6.3 °C。取 Q₁₀ = 3，在 37 °C 时门的速率是原来的多少倍？",
            step("ex-rates-at-37", Eq(phi, 29),
                 by.evaluating_at("temperature-factor", {T: sp.Rational("310.15") * K, T_0: sp.Rational("279.45") * K},
                                  digits=2),
                 "Put T = 310.15 K into the temperature factor.", "把 T = 310.15 K 代入温度因子。"),
            answer=Text("About 29 times. Temperature matters a great deal: a mammalian neuron at body temperature, "
                        "with channels of its own, fires spikes far briefer than the squid's at 6.3 °C.",
                        "约为原来的 29 倍。温度的影响很大：体温下的哺乳动物神经元（通道也不同）产生的动作电位比 6.3 °C 下的"
                        "乌贼轴突短得多。"),
        ),
        *exercise(
            "ex-leak-for-another-rest",
            "Suppose a squid axon rested at −70 mV with the same Na⁺ and K⁺ channels. What leak reversal "
            "potential E_L would make the current zero there?",
            "假设一根乌贼轴突的 Na⁺ 和 K⁺ 通道不变，但静息电位为 −70 mV。E_L 取多少才能使那里的电流为零？",
            step("ex-n-at-minus-70", Eq(n, sp.Rational("0.2446")),
                 by.evaluating_at("n-steady", {alpha_n: RATES_AT_OTHER_REST[alpha_n], beta_n: RATES_AT_OTHER_REST[beta_n]},
                                  digits=4),
                 "First find the steady open probabilities of n, m and h at −70 mV from the rates there. For n:",
                 "先由 −70 mV 处的速率求 n、m、h 的稳态开放概率。n："),
            step("ex-m-at-minus-70", Eq(m, sp.Rational("0.02891")),
                 by.evaluating_at("m-steady", {alpha_m: RATES_AT_OTHER_REST[alpha_m], beta_m: RATES_AT_OTHER_REST[beta_m]},
                                  digits=4), "For m:", "m："),
            step("ex-h-at-minus-70", Eq(h, sp.Rational("0.7541")),
                 by.evaluating_at("h-steady", {alpha_h: RATES_AT_OTHER_REST[alpha_h], beta_h: RATES_AT_OTHER_REST[beta_h]},
                                  digits=4), "For h:", "h："),
            step("ex-leak-at-minus-70", Eq(E_L, sp.Rational("-67.9") * mV),
                 by.evaluating_at("leak-balance", {V: OTHER_REST, **SQUID_CONDUCTANCES, n: sp.Rational("0.2446"),
                                                   m: sp.Rational("0.02891"), h: sp.Rational("0.7541")}, digits=3),
                 "Put them and V = −70 mV into the zero-current condition.",
                 "把它们和 V = −70 mV 代入零电流条件。"),
            answer=Text("E_L = −67.9 mV. Fewer K⁺ gates are open at −70 mV (n∞ falls), so the outward K⁺ current "
                        "is smaller and the leak has less to balance: E_L lies only 2 mV above rest instead of "
                        "10.6 mV.",
                        "E_L = −67.9 mV。在 −70 mV 处开放的 K⁺ 门更少（n∞ 下降），向外的 K⁺ 电流更小，漏电流需要平衡的"
                        "也更少：E_L 只比静息高 2 mV，而不是 10.6 mV。"),
        ),
    ),
    checks=(
        agrees("resting-potential", resting_from_the_equations, resting_from_the_simulator, {},
               "The resting potential from the handout's symbolic equations (a root finder at 30 digits) against the "
               "simulator's independently coded rate functions (a separate root finder): a wrong rate in either "
               "would show.",
               "由讲义的符号方程（30 位精度的数值求根）求得的静息电位，与模拟器独立编写的速率函数（另一个数值求根程序）"
               "比较："
               "任一方的速率写错都会暴露。"),
        agrees("spike-time", spike_time_rk4, spike_time_dop853, {},
               "Time of the first spike after a 0.5 ms pulse of 40 μA/cm², by two independent integrators (a "
               "fourth-order Runge–Kutta method with a fixed step, and an adaptive eighth-order one), within their "
               "combined error estimates.",
               "0.5 ms、40 μA/cm² 脉冲后第一个动作电位的时刻，由两个独立的积分器（定步长的四阶龙格-库塔法，以及"
               "自适应步长的八阶龙格-库塔法）计算，应在两者误差估计之和内一致。"),
        agrees("spike-peak", spike_peak_rk4, spike_peak_dop853, {},
               "Peak voltage of that spike, by the same two integrators.", "该动作电位的峰值电压，由同样两个积分器计算。"),
        simulated("brief-pulse-threshold", "threshold-charge", brief_pulse_threshold_charge,
                  {C: 1, dV_th: lambda: kick_threshold().value},
                  "Threshold charge I_th w of current pulses 10, 5 and 2.5 μs long, extrapolated to w → 0, against "
                  "C ΔV_th, with ΔV_th the smallest sudden kick of V that fires (two different experiments).",
                  "宽 10、5、2.5 μs 的电流脉冲的阈值电荷 I_th w 外推到 w → 0，与 C ΔV_th 比较；ΔV_th 是能引发动作电位的"
                  "最小的 V 的突然改变（两个不同的实验）。"),
        simulated("spike-height", "spike-height", spike_height, UNITS,
                  "Peak minus rest of the spike after a 0.5 ms pulse of 40 μA/cm² (the time step halved to check the "
                  "figures).",
                  "0.5 ms、40 μA/cm² 脉冲后动作电位的峰值减静息电位（把时间步长减半以检验有效数字）。", digits=3),
        simulated("sodium-charge", "sodium-charge", sodium_charge, UNITS,
                  "Na⁺ charge of that spike: the Na⁺ current integrated along with the voltage, less the small steady "
                  "Na⁺ current that flows at rest.",
                  "该动作电位的 Na⁺ 电荷：Na⁺ 电流与电压一同积分，并扣除静息时持续流过的小 Na⁺ 电流。", digits=3),
        simulated("excess-warm", "excess-warm", sodium_ratio_warm, UNITS,
                  "Q_Na / (C H) for the same pulse at 18.5 °C.", "18.5 °C 下同一脉冲的 Q_Na / (C H)。", digits=3),
        simulated("pulse-threshold", "pulse-threshold", pulse_threshold, UNITS,
                  "Threshold of a 0.5 ms pulse: the amplitude narrowed down between one that fires and one that does "
                  "not, at two time steps.",
                  "0.5 ms 脉冲的阈值：在两种时间步长下，把幅度夹在能引发和不能引发动作电位的两个值之间逐步缩小。", digits=7),
        simulated("absolute-refractory", "absolute-refractory", absolute_refractory, UNITS,
                  "Shortest interval after which a 10 × threshold pulse fires a second spike (narrowed down between "
                  "an interval that fires and one that does not).",
                  "10 倍阈值脉冲能引发第二个动作电位的最短间隔（夹在能引发和不能引发的两个间隔之间逐步缩小）。", digits=3),
        simulated("relative-refractory", "relative-refractory", relative_refractory, UNITS,
                  "Shortest interval after which a 1.1 × threshold pulse fires a second spike, found the same way.",
                  "1.1 倍阈值脉冲能引发第二个动作电位的最短间隔，求法同上。", digits=3),
        simulated("repetitive-onset", "repetitive-onset", onset, UNITS,
                  "Smallest step current that still drives spikes after 500 and 1000 ms, extrapolated to ever longer "
                  "runs.",
                  "在 500 和 1000 ms 后仍能驱动放电的最小阶跃电流，并外推到更长的运行时间。", digits=3),
        simulated("repetitive-top", "repetitive-top", upper_edge, UNITS,
                  "Largest step current whose settled oscillation still peaks above 0 mV, found by a root finder on the "
                  "current, at two time steps.",
                  "稳定振荡的峰值仍高于 0 mV 的最大阶跃电流：对电流数值求根，在两种时间步长下计算。", digits=4),
        simulated("hopf-lower", "hopf-lower", hopf_lower, UNITS,
                  "Where the largest real part of the eigenvalues at the fixed point changes sign, computed "
                  "independently from the simulator's own equations (their Jacobian by finite differences).",
                  "不动点处特征值的最大实部变号之处，由模拟器自己的方程独立算出（雅可比矩阵用有限差分求得）。", digits=5),
        simulated("hopf-upper", "hopf-upper", hopf_upper, UNITS,
                  "The same, for the upper Hopf point.", "上 Hopf 点，方法同上。", digits=5),
        simulated("rate-at-10", "rate-at-10", rate(10.0), UNITS,
                  "Steady firing rate under 10 μA/cm²: one over the last interval between spikes.",
                  "10 μA/cm² 下的稳定放电频率：最后一个峰间间隔的倒数。", digits=3),
        simulated("rate-at-50", "rate-at-50", rate(50.0), UNITS,
                  "Steady firing rate under 50 μA/cm².", "50 μA/cm² 下的稳定放电频率。", digits=3),
    ),
    figures=FIGURES,
    module=__name__,
)
