"""Figures of the ion-conductance handout: the membrane's equivalent circuit, and how it charges like an RC circuit."""

from __future__ import annotations

from typing import Any

import numpy as np

from derive.figures import SIMULATION, THEORY, canvas
from derive.model import Figure, Text
from derive.sim import rc_membrane

# The handout's patch: mV, ms, mS/cm², μF/cm², μA/cm² (squid-like leak values).
CAPACITANCE = 1.0
CONDUCTANCES = (0.36, 0.012, 0.3)  # K⁺, Na⁺, leak
REVERSALS = (-77.0, 50.0, -54.4)
START = -65.0
CURRENTS = (2.0, 4.0, -2.0)  # μA/cm², injected from t = 0


def charging_curves() -> Any:
    """V(t) after current steps of 2, 4 and -2 μA/cm²: the numerically integrated membrane equation
    (points) and V_∞ + (V_0 - V_∞) exp(-t/τ) (lines), with τ = C/Σg marked."""
    total = sum(CONDUCTANCES)
    tau = CAPACITANCE / total
    weighted = sum(g * e for g, e in zip(CONDUCTANCES, REVERSALS))
    t = np.linspace(0.0, 7.0, 200)
    sampled = np.linspace(0.0, 7.0, 29)
    figure, (ax,) = canvas(1, height=3.0)
    for current in CURRENTS:
        settled = (weighted + current) / total
        ax.plot(t, settled + (START - settled) * np.exp(-t / tau), color=THEORY, linewidth=1.2)
        simulated = rc_membrane.voltage_trace(sampled, CAPACITANCE, CONDUCTANCES, REVERSALS, START, current)
        ax.plot(sampled, simulated, "o", color=SIMULATION, markerfacecolor="white", markersize=4)
        ax.text(t[-1], settled + 0.3, rf"${current:+g}$ $\mu$A/cm$^2$", ha="right", va="bottom")
    ax.set_ylim(-68.5, -57.0)
    ax.axvline(tau, color="0.6", linestyle="--", linewidth=0.8)
    ax.text(tau + 0.08, -57.2, rf"$\tau = C/\Sigma g = {tau:.2g}$ ms", va="top")
    ax.set_xlabel("$t$ (ms)")
    ax.set_ylabel("$V$ (mV)")
    ax.set_xlim(0, t[-1])
    return figure


def _resistor(ax: Any, x: float, bottom: float, top: float) -> None:
    """A zigzag resistor on the vertical line x between heights bottom and top."""
    heights = np.linspace(bottom, top, 13)
    offsets = np.array([0, 1, -1] * 4 + [0]) * 0.09
    offsets[-1] = 0.0
    ax.plot(x + offsets, heights, color="black", linewidth=1.2)


def _battery(ax: Any, x: float, centre: float, positive_up: bool) -> None:
    """A cell on the vertical line x: the long plate is the + pole."""
    long_at, short_at = (centre + 0.06, centre - 0.06) if positive_up else (centre - 0.06, centre + 0.06)
    ax.plot([x - 0.22, x + 0.22], [long_at, long_at], color="black", linewidth=1.4)
    ax.plot([x - 0.11, x + 0.11], [short_at, short_at], color="black", linewidth=2.6)


def equivalent_circuit() -> Any:
    """The membrane as Hodgkin and Huxley drew it: the capacitor C in parallel with three branches, each a
    conductance g in series with its battery E (the reversal potential), between the inside and the outside."""
    figure, (ax,) = canvas(1, height=3.2)
    top, bottom = 3.0, 0.0
    branches = [(0.8, None), (2.2, "Na"), (3.6, "K"), (5.0, "L")]
    ax.plot([0.3, 5.5], [top, top], color="black", linewidth=1.2)
    ax.plot([0.3, 5.5], [bottom, bottom], color="black", linewidth=1.2)
    ax.text(5.65, top, r"$\phi_{\mathrm{in}}$", va="center", ha="left", fontsize=12)
    ax.text(5.65, bottom, r"$\phi_{\mathrm{out}}$", va="center", ha="left", fontsize=12)
    # the capacitor
    x = branches[0][0]
    ax.plot([x, x], [top, 1.6], color="black", linewidth=1.2)
    ax.plot([x, x], [1.4, bottom], color="black", linewidth=1.2)
    ax.plot([x - 0.3, x + 0.3], [1.6, 1.6], color="black", linewidth=2.0)
    ax.plot([x - 0.3, x + 0.3], [1.4, 1.4], color="black", linewidth=2.0)
    ax.text(x + 0.4, 1.5, "$C$", va="center", fontsize=12)
    for x, ion in branches[1:]:
        ax.plot([x, x], [top, 2.55], color="black", linewidth=1.2)
        _resistor(ax, x, 1.75, 2.55)
        ax.text(x + 0.2, 2.15, rf"$g_{{\mathrm{{{ion}}}}}$", va="center", fontsize=12)
        ax.plot([x, x], [1.75, 1.0], color="black", linewidth=1.2)
        # E is inside minus outside when no current flows: + pole up for E > 0 (Na⁺), down for K⁺ and the leak
        _battery(ax, x, 0.95, positive_up=(ion == "Na"))
        ax.text(x + 0.3, 0.95, rf"$E_{{\mathrm{{{ion}}}}}$", va="center", fontsize=12)
        ax.plot([x, x], [0.89, bottom], color="black", linewidth=1.2)
        ax.plot([x, x], [1.01, 1.0], color="black", linewidth=1.2)
    for x, _ in branches:
        ax.plot([x], [top], "o", color="black", markersize=3)
        ax.plot([x], [bottom], "o", color="black", markersize=3)
    ax.annotate("", xy=(0.3, 2.2), xytext=(0.3, top), arrowprops={"arrowstyle": "->", "color": "0.3"})
    ax.text(0.12, 2.55, r"$I_{\mathrm{ext}}$", ha="right", va="center", fontsize=11)
    ax.annotate("", xy=(6.4, bottom + 0.1), xytext=(6.4, top - 0.1),
                arrowprops={"arrowstyle": "<->", "color": "0.3"})
    ax.text(6.5, 1.5, "$V$", va="center", fontsize=12)
    ax.set_xlim(-0.4, 7.0)
    ax.set_ylim(-0.3, 3.3)
    ax.set_axis_off()
    return figure


FIGURES = (
    Figure(
        "equivalent-circuit",
        Text(
            "The membrane's equivalent circuit (after Hodgkin and Huxley 1952, Fig. 1). The lipid bilayer is a "
            "capacitor C between the inside (potential φ_in) and the outside (φ_out), V = φ_in - φ_out. "
            "Each kind of channel is a conductance g in series with a battery, its reversal potential E "
            "(long plate: the + pole; E_Na > 0, E_K and E_L < 0). All branches are in parallel, so every one "
            "sees the same V, and the currents through them add up to the injected current I_ext.",
            "细胞膜的等效电路（仿 Hodgkin 和 Huxley 1952 年论文图 1）。脂质双层是位于细胞内（电势 φ_in）与"
            "细胞外（φ_out）之间的电容 C，V = φ_in - φ_out。每一类通道是一个电导 g 与一个电池（它的反转电位 E）"
            "串联（长极板为正极；E_Na > 0，E_K 和 E_L < 0）。各支路并联，所以它们两端的电压都是 V，"
            "流过它们的电流之和等于注入的电流 I_ext。",
        ),
        equivalent_circuit,
    ),
    Figure(
        "charging-curves",
        Text(
            "A membrane patch (C = 1 μF/cm², g_K = 0.36, g_Na = 0.012, g_L = 0.3 mS/cm²) at -65 mV, with a "
            "constant current injected from t = 0. Points: the membrane equation C dV/dt = -Σ g (V - E) + I "
            "integrated numerically. Lines: the derived V_∞ + (V_0 - V_∞) e^(-t/τ). The voltage moves "
            "towards its new level exponentially, with the time constant τ = C/Σg = 1.5 ms, whatever the "
            "current; the new level shifts in proportion to the current.",
            "膜片（C = 1 μF/cm²，g_K = 0.36、g_Na = 0.012、g_L "
            "= 0.3 mS/cm²）起始于 -65 mV，从 t = 0 起注入恒定电流。"
            "点：数值积分膜方程 C dV/dt = -Σ g (V - E) + I "
            "的结果。曲线：推导出的 V_∞ + (V_0 - V_∞) e^(-t/τ)。"
            "电压按指数趋向新的水平，时间常数 τ = C/Σg = 1.5 ms，与电流大小无关；新的水平随电流成比例移动。",
        ),
        charging_curves,
    ),
)
