"""Figure of the Nernst handout: the reversal potential against the concentration ratio."""

from __future__ import annotations

from typing import Any

import numpy as np

from derive.figures import BLUE, VERMILION, canvas
from derive.model import Figure, Text
from derive.sim import nernst_planck

KT_OVER_E = 1.380649e-23 * 293.15 / 1.602176634e-19 * 1e3  # mV at 20 °C
RATIOS = np.logspace(-2, 2, 9)  # c_out / c_in
SQUID = ((r"K$^+$", 1, 400.0, 20.0), (r"Cl$^-$", -1, 40.0, 560.0))  # name, z, c_in, c_out (mM)


def _zero_flux_voltage(charge: int, inside: float, outside: float) -> float:
    """The voltage (mV) at which the Nernst-Planck flux of one ion vanishes, found numerically."""
    ion = nernst_planck.Ion(charge=charge, diffusion=1.0, inside=inside, outside=outside)
    return nernst_planck.reversal_potential([ion], thickness=1.0, kT_over_e=KT_OVER_E).value


def potential_against_ratio() -> Any:
    """E against c_out/c_in on a log axis for z = +1 and z = -1: the lines (k_B T/ze) ln(c_out/c_in)
    and the voltages where the numerically solved Nernst-Planck flux vanishes."""
    figure, (ax,) = canvas(1, height=3.2)
    ratios = np.logspace(-2, 2, 200)
    for charge, colour, marker in ((1, BLUE, "o"), (-1, VERMILION, "s")):
        ax.plot(ratios, KT_OVER_E / charge * np.log(ratios), color=colour, label=f"$z = {charge:+d}$")
        simulated = [_zero_flux_voltage(charge, 1.0, ratio) for ratio in RATIOS]
        ax.plot(RATIOS, simulated, marker, color=colour, markerfacecolor="white", markersize=5)
    for (name, charge, inside, outside), shift in zip(SQUID, (4.0, 1 / 4.0)):
        ratio = outside / inside
        voltage = KT_OVER_E / charge * np.log(ratio)
        ax.annotate(f"{name}: ${voltage:.0f}$ mV", xy=(ratio, voltage), xytext=(ratio * shift, voltage - 25),
                    arrowprops={"arrowstyle": "-", "color": "0.3", "linewidth": 0.8}, va="center",
                    ha="left" if shift > 1 else "right")
        ax.plot([ratio], [voltage], "o", color="0.3", markersize=3)
    decade = KT_OVER_E * np.log(10.0)
    ax.plot([1.0, 10.0, 10.0], [0.0, 0.0, decade], color="0.3", linewidth=0.8)
    ax.text(12.0, decade / 2, f"{decade:.0f} mV", va="center")
    ax.set_xscale("log")
    ax.set_xlabel(r"$c_{\mathrm{out}}/c_{\mathrm{in}}$")
    ax.set_ylabel("$E$ (mV)")
    ax.set_xlim(ratios[0], ratios[-1])
    ax.legend(loc="upper center")
    return figure


FIGURES = (
    Figure(
        "potential-against-ratio",
        Text(
            "The Nernst potential at 20 °C against the concentration ratio (log scale), for a cation "
            "(z = +1) and an anion (z = −1). Lines: (k_B T/(z e)) ln(c_out/c_in), 58 mV for every tenfold "
            "ratio. Open symbols: the voltage at which the Nernst-Planck flux, solved numerically across "
            "the membrane, vanishes. Marked: K⁺ and Cl⁻ in the squid giant axon.",
            "20 °C 时能斯特电位与浓度比（对数坐标）的关系：阳离子（z = +1）和阴离子（z = −1）。"
            "直线：(k_B T/(z e)) ln(c_out/c_in)，浓度比每变化十倍电位变化 58 mV。空心符号：数值求解跨膜的 "
            "Nernst-Planck 通量、通量为零时的电压。标出的是乌贼巨轴突中的 K⁺ 和 Cl⁻。",
        ),
        potential_against_ratio,
    ),
)
