"""Figure of the ion-conductance handout: the membrane charges like an RC circuit."""

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
    ax.text(tau + 0.08, -57.2, rf"$\tau = C/\Sigma g = {tau:.2f}$ ms", va="top")
    ax.set_xlabel("$t$ (ms)")
    ax.set_ylabel("$V$ (mV)")
    ax.set_xlim(0, t[-1])
    return figure


FIGURES = (
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
