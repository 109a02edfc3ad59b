"""Figure of the Goldman-Hodgkin-Katz handout: the K⁺ current against voltage, and the resting
potential against the outside K⁺ concentration."""

from __future__ import annotations

from typing import Any

import numpy as np

from derive.figures import BLUE, SIMULATION, THEORY, canvas, label_panels
from derive.model import Figure, Text
from derive.sim import nernst_planck

KT_OVER_E = 1.380649e-23 * 293.15 / 1.602176634e-19 * 1e3  # mV at 20 °C
FARADAY = 96485.33212  # C/mol
P_K = 1e-8  # m/s (10⁻⁶ cm/s)
MICROAMPS_PER_CM2 = 100.0  # 1 A/m² = 100 μA/cm²
# The squid axon (mM) and Hodgkin and Katz's permeability ratios P_K : P_Na : P_Cl.
K_IN, NA_IN, NA_OUT, CL_IN, CL_OUT = 400.0, 50.0, 440.0, 40.0, 560.0
K_OUT = 20.0
RATIOS = {"K": 1.0, "Na": 0.04, "Cl": 0.45}


def _ghk_current(voltage: np.ndarray, inside: float, outside: float) -> np.ndarray:
    """The GHK current of a monovalent cation (μA/cm²) at voltages in mV (none exactly 0)."""
    u = voltage / KT_OVER_E
    return P_K * FARADAY * u * (inside - outside * np.exp(-u)) / (1 - np.exp(-u)) * MICROAMPS_PER_CM2


def _ghk_voltage(k_out: np.ndarray) -> np.ndarray:
    """The GHK voltage equation (mV) for the squid's ions with the outside K⁺ concentration k_out."""
    top = RATIOS["K"] * k_out + RATIOS["Na"] * NA_OUT + RATIOS["Cl"] * CL_IN
    bottom = RATIOS["K"] * K_IN + RATIOS["Na"] * NA_IN + RATIOS["Cl"] * CL_OUT
    return KT_OVER_E * np.log(top / bottom)


def _zero_current_voltage(k_out: float) -> float:
    """The voltage (mV) where the numerically solved Nernst-Planck currents of K⁺, Na⁺ and Cl⁻ cancel."""
    ions = [nernst_planck.Ion(1, RATIOS["K"], K_IN, k_out), nernst_planck.Ion(1, RATIOS["Na"], NA_IN, NA_OUT),
            nernst_planck.Ion(-1, RATIOS["Cl"], CL_IN, CL_OUT)]
    return nernst_planck.reversal_potential(ions, thickness=1.0, kT_over_e=KT_OVER_E).value


def current_and_resting_potential() -> Any:
    """(a) The K⁺ current against V: the GHK current equation, the Nernst-Planck flux solved
    numerically, and the tangent at E_K; (b) the resting potential against [K⁺]_out (log scale):
    the GHK voltage equation, the zero of the simulated currents, and E_K."""
    figure, (left, right) = canvas(2)

    voltage = np.linspace(-100.0, 60.0, 321)
    voltage = voltage[np.abs(voltage) > 1e-9]
    reversal = KT_OVER_E * np.log(K_OUT / K_IN)
    left.plot(voltage, _ghk_current(voltage, K_IN, K_OUT), color=THEORY, label=r"$I_{\mathrm{K}}$")
    shown = np.arange(-100.0, 61.0, 20.0) + 5.0
    simulated = [P_K * FARADAY * MICROAMPS_PER_CM2
                 * nernst_planck.current(v, 1, 1.0, 1.0, K_IN, K_OUT, KT_OVER_E).value for v in shown]
    left.plot(shown, simulated, "o", color=SIMULATION, markerfacecolor="white", markersize=5)
    h = 1e-3  # mV: the slope conductance at E_K by a central difference
    above, below = _ghk_current(np.array([reversal + h, reversal - h]), K_IN, K_OUT)
    slope = (above - below) / (2 * h)
    left.plot(voltage, slope * (voltage - reversal), color=BLUE, linestyle="--",
              label=r"$g\,(V - E_{\mathrm{K}})$")
    left.axhline(0.0, color="0.6", linewidth=0.6, zorder=0)
    left.axvline(reversal, color="0.6", linewidth=0.6, zorder=0)
    left.text(reversal + 3, left.get_ylim()[0] * 0.9, r"$E_{\mathrm{K}}$", color="0.3")
    left.set_xlabel("$V$ (mV)")
    left.set_ylabel(r"$I_{\mathrm{K}}$ ($\mu$A/cm$^2$)")
    left.set_xlim(voltage[0], voltage[-1])
    left.legend(loc="upper left")

    k_out = np.logspace(0, np.log10(K_IN), 200)
    right.plot(k_out, _ghk_voltage(k_out), color=THEORY, label=r"$V_{\mathrm{rest}}$")
    right.plot(k_out, KT_OVER_E * np.log(k_out / K_IN), color=BLUE, linestyle="--", label=r"$E_{\mathrm{K}}$")
    points = np.array([1.0, 3.0, 10.0, 20.0, 50.0, 100.0, 200.0, 400.0])
    right.plot(points, [_zero_current_voltage(k) for k in points], "o", color=SIMULATION,
               markerfacecolor="white", markersize=5)
    rest = float(_ghk_voltage(np.array([K_OUT]))[0])
    right.annotate(f"${rest:.0f}$ mV", xy=(K_OUT, rest), xytext=(K_OUT / 6, rest + 30),
                   arrowprops={"arrowstyle": "-", "color": "0.3", "linewidth": 0.8}, va="center")
    right.set_xscale("log")
    right.set_xlabel(r"$[\mathrm{K}^+]_{\mathrm{out}}$ (mM)")
    right.set_ylabel("$V$ (mV)")
    right.set_xlim(k_out[0], k_out[-1])
    right.legend(loc="upper left")
    label_panels([left, right])
    return figure


FIGURES = (
    Figure(
        "current-and-resting-potential",
        Text(
            "(a) The K⁺ current through a membrane with the squid's concentrations (400 mM inside, 20 mM "
            "outside; P_K = 10⁻⁶ cm/s, 20 °C), outward positive: the GHK current equation (line) and the "
            "Nernst-Planck flux solved numerically (open circles). It reverses at E_K = -76 mV, where it "
            "is close to the straight line g (V - E_K); far "
            "from E_K it bends: more current flows out than in. "
            "(b) The resting potential of the squid axon (P_K "
            ": P_Na : P_Cl = 1 : 0.04 : 0.45) as the outside "
            "K⁺ is changed: the GHK voltage equation (line), the voltage where the simulated K⁺, Na⁺ and "
            "Cl⁻ currents cancel (open circles), and E_K (dashed). At high K⁺ the membrane follows E_K; at "
            "low K⁺ the small Na⁺ and Cl⁻ leaks hold it above E_K. Marked: normal sea water, -62 mV.",
            "(a) 具有乌贼浓度（内 400 mM、外 20 mM；P_K = 10⁻⁶ cm/s，20 °C）的膜上的 K⁺ 电流（向外为正）："
            "GHK 电流方程（曲线）与数值求解的 Nernst-Planck 通量（空心圆）。电流在 E_K = -76 mV 处反向，"
            "在那附近接近直线 g (V - E_K)；远离 E_K 时曲线弯曲：向外流的电流比向内流的大。"
            "(b) 改变细胞外 K⁺ 浓度时乌贼轴突（P_K : P_Na : P_Cl = 1 : 0.04 : 0.45）的静息电位："
            "GHK 电压方程（曲线）、模拟的 K⁺、Na⁺、Cl⁻ 电流相互抵消的电压（空心圆）以及 E_K（虚线）。"
            "K⁺ 浓度高时膜电位跟随 E_K；K⁺ 浓度低时，少量的 Na⁺ 和 Cl⁻ 泄漏使它高于 E_K。"
            "标出的是正常海水中的值 -62 mV。",
        ),
        current_and_resting_potential,
    ),
)
