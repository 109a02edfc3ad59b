"""Figures of the Hodgkin-Huxley handout: one action potential with its gates, repetitive
firing under a constant current (the f-I curve), and the bifurcation diagram (what a step of each
current settles into)."""

from __future__ import annotations

from functools import partial
from typing import Any

import numpy as np

from derive.figures import BLUE, GREEN, SIMULATION, THEORY, VERMILION, canvas, label_panels, mosaic
from derive.model import Figure, Text
from derive.sim import hodgkin_huxley as model
from derive.sweeps import sweep

SQUID = model.HHParams()  # Hodgkin and Huxley's squid axon at 6.3 °C
KICK = model.pulse(40.0, start=2.0, width=0.5)  # μA/cm² for 0.5 ms: the handout's default pulse, at 2 ms
CURRENTS = (3.0, 6.0, 6.5, 8.0, 12.0, 20.0, 32.0, 50.0)  # μA/cm², for the f-I curve
FI_STEP = 0.02  # ms: RK4 step of the f-I runs (the rate at 0.02 and 0.04 ms agree to 0.1 Hz)
FI_DURATION = 300.0  # ms at most per current


def spike_and_gates() -> Any:
    """V(t) of one action potential after a brief pulse, between E_K and E_Na, above the gates
    m(t), h(t) and n(t)."""
    trace = model.simulate(KICK, 16.0, SQUID)
    figure, (top, bottom) = canvas(1, rows=2, height=4.2, sharex=True)
    top.plot(trace.times, trace.v, color=THEORY)
    for level, name in ((SQUID.e_na, r"$E_{\mathrm{Na}}$"), (SQUID.e_k, r"$E_{\mathrm{K}}$")):
        top.axhline(level, color="0.6", linestyle="--", linewidth=0.8)
        above = level > 0  # E_Na's name above its line, E_K's below
        top.text(0.2, level + (3 if above else -3), name, va="bottom" if above else "top", color="0.3")
    top.set_ylabel("$V$ (mV)")
    top.set_ylim(-95, 65)
    for gate, colour in (("m", BLUE), ("h", VERMILION), ("n", GREEN)):
        bottom.plot(trace.times, getattr(trace, gate), color=colour, label=f"${gate}$")
    bottom.set_xlabel("$t$ (ms)")
    bottom.set_ylabel("$m,\\ h,\\ n$")
    bottom.set_ylim(0, 1)
    bottom.set_xlim(0, trace.times[-1])
    bottom.legend(loc="upper right", ncols=3)
    label_panels([top, bottom])
    return figure


def firing_rate_against_current() -> Any:
    """(a) V(t) under current steps of 10 and 5 μA/cm²: a train, and a single spike; (b) the steady
    firing rate against the step current (the f-I curve), zero below the onset, then about 50 Hz."""
    figure, axes = mosaic([["high", "rate"], ["low", "rate"]], sharex=False)
    for current, name in ((10.0, "high"), (5.0, "low")):
        trace = model.simulate(model.step(current, start=5.0), 100.0, SQUID)
        ax = axes[name]
        ax.plot(trace.times, trace.v, color=THEORY, linewidth=1.0)
        ax.text(0.98, 0.95, rf"$I_{{\mathrm{{ext}}}} = {current:g}$ $\mu$A/cm$^2$", transform=ax.transAxes,
                ha="right", va="top")
        ax.set_ylabel("$V$ (mV)")
        ax.set_xlim(0, 100)
        ax.set_ylim(-85, 60)
    axes["high"].sharex(axes["low"])
    axes["high"].tick_params(labelbottom=False)
    axes["low"].set_xlabel("$t$ (ms)")
    right = axes["rate"]

    found = sweep(partial(model.firing, params=SQUID, dt=FI_STEP, duration=FI_DURATION), CURRENTS)  # the f-I curve
    currents, rates = np.asarray(CURRENTS, dtype=float), np.array([f.rate.value for f in found])
    firing = rates > 0
    right.plot(currents[firing], rates[firing], "-o", color=SIMULATION, markerfacecolor="white")
    right.plot(currents[~firing], rates[~firing], "o", color=SIMULATION, markerfacecolor="white")
    right.set_xlabel(r"$I_{\mathrm{ext}}$ ($\mu$A/cm$^2$)")
    right.set_ylabel("$f$ (Hz)")
    right.set_xlim(0, max(CURRENTS) * 1.05)
    right.set_ylim(0, None)
    label_panels([axes["high"], right])
    return figure


BIFURCATION_CURRENTS = (0.0, 4.0, 6.5, 8.0, 12.0, 20.0, 30.0, 40.0, 50.0, 58.0, 62.0, 64.0, 70.0, 80.0, 95.0,
                        110.0, 125.0, 140.0, 150.0, 160.0, 180.0, 200.0)  # μA/cm², the steps simulated for the bifurcation diagram
BIFURCATION_STEP = 0.025  # ms: RK4 step of those runs (and 0.05 ms for their error estimate)
BIFURCATION_DURATION = 300.0  # ms at most per current


def bifurcation_diagram() -> Any:
    """The settled response to a current step from rest: the peak and trough of V against the
    current, over the fixed point's V (solid where stable, dashed where unstable), with the 0 mV
    spike level and the two edges of repetitive firing and the two Hopf points marked."""
    figure, (ax,) = canvas(1, height=3.6)
    currents = np.linspace(0.0, 200.0, 401)
    fixed = np.array([model.equilibrium(i, SQUID).v for i in currents])
    lower, upper = model.hopf_points(SQUID)
    unstable = (currents > lower.current.value) & (currents < upper.current.value)
    ax.plot(currents, np.where(unstable, np.nan, fixed), color=THEORY, linewidth=1.2)
    ax.plot(currents, np.where(unstable, fixed, np.nan), color=THEORY, linewidth=1.2, linestyle="--")
    firings = sweep(partial(model.firing, params=SQUID, dt=BIFURCATION_STEP, duration=BIFURCATION_DURATION,
                            tolerance=1e-3), BIFURCATION_CURRENTS)
    styles = {model.Regime.REPETITIVE_SPIKES: ("o", SIMULATION), model.Regime.OSCILLATION_BELOW_0_MV: ("s", BLUE)}
    for regime, (marker, colour) in styles.items():
        chosen = [f for f in firings if f.regime is regime]
        for values in ([f.peak.value for f in chosen], [f.trough.value for f in chosen]):
            ax.plot([f.current for f in chosen], values, marker, color=colour, markerfacecolor="white",
                    markersize=4.5)
    rests = [f for f in firings if f.regime in (model.Regime.REST, model.Regime.DEPOLARISATION_BLOCK)]
    ax.plot([f.current for f in rests], [f.peak.value for f in rests], "o", color=THEORY, markersize=3.5)
    ax.axhline(model.SPIKE_LEVEL, color="0.6", linestyle=":", linewidth=0.8)
    onset = model.repetitive_firing_onset(SQUID, precision=1e-2, duration=150.0).value  # to a line's width
    top = model.repetitive_firing_upper_edge(SQUID, dt=BIFURCATION_STEP, precision=1e-2, tolerance=1e-4).value
    for current, name, side in ((onset, r"$I_{\mathrm{onset}}$", "right"), (lower.current.value,
                                r"$I_{\mathrm{H1}}$", "left"), (top, r"$I_{\mathrm{top}}$", "center"),
                                (upper.current.value, r"$I_{\mathrm{H2}}$", "center")):
        ax.axvline(current, color="0.75", linewidth=0.8)
        ax.text(current, 57.0, name, ha=side, va="bottom", fontsize="small", color="0.3")
    ax.axvspan(onset, top, color="0.93", zorder=0)
    ax.set_xlabel(r"$I_{\mathrm{ext}}$ ($\mu$A/cm$^2$)")
    ax.set_ylabel("$V$ (mV)")
    ax.set_xlim(0, 200)
    ax.set_ylim(-85, 68)
    ax.set_yticks([-80, -60, -40, -20, 0, 20, 40])
    return figure


PHASE_KICKS = (3.0, 7.0)  # mV: below and above the reduction's kick threshold (5.4 mV)


def phase_plane() -> Any:
    """The V-n reduction (m = m_inf(V), h = 0.8 - n): (a) the V- and n-nullclines in the (V, n)
    plane with the trajectories after a sub- and a super-threshold kick of V from rest; (b) the
    same near rest, where the middle branch of the V-nullcline separates the two."""
    figure, (plane, zoom) = canvas(2, height=3.3)
    rest_v, rest_n = model.reduced_rest(SQUID)
    runs = [model.reduced_trajectory(kick, 25.0, SQUID) for kick in PHASE_KICKS]
    for ax, (v_lo, v_hi), (n_lo, n_hi) in ((plane, (-85.0, 55.0), (0.2, 0.8)),
                                           (zoom, (-68.0, -52.0), (0.305, 0.335))):
        v = np.linspace(v_lo, v_hi, 561)
        n = np.linspace(n_lo, n_hi, 401)
        grid_v, grid_n = np.meshgrid(v, n)
        dv, _ = model.reduced_derivatives(grid_v, grid_n, SQUID)
        ax.contour(grid_v, grid_n, dv, levels=[0.0], colors=[THEORY], linewidths=1.2)
        rates = model.gate_rates(v, SQUID)
        ax.plot(v, rates.alpha_n / (rates.alpha_n + rates.beta_n), color=GREEN, linewidth=1.2)
        for run, colour in zip(runs, (BLUE, VERMILION)):
            ax.plot(run.v, run.n, color=colour, linewidth=1.0)
            ax.plot(run.v[0], run.n[0], "o", color=colour, markersize=3.5)
        ax.plot(rest_v, rest_n, "o", color=THEORY, markersize=4.0)
        ax.set_xlabel("$V$ (mV)")
        ax.set_ylabel("$n$")
        ax.set_xlim(v_lo, v_hi)
        ax.set_ylim(n_lo, n_hi)
    plane.text(-15.0, 0.765, r"$dV/dt = 0$", color=THEORY, ha="center", va="center")
    plane.text(-38.0, 0.5, r"$dn/dt = 0$", color=GREEN, ha="left", va="center")
    for run, colour, y in zip(runs, (BLUE, VERMILION), (0.26, 0.23)):
        plane.text(-20.0, y, rf"$\Delta V = {run.kick:g}$ mV", color=colour, ha="left", va="center")
    plane.indicate_inset_zoom(zoom, edgecolor="0.5")
    label_panels([plane, zoom])
    return figure

FIGURES = (
    Figure(
        "spike-and-gates",
        Text(
            "An action potential of the Hodgkin-Huxley model (squid, 6.3 °C) after a pulse of 40 μA/cm² "
            "for 0.5 ms at t = 2 ms. (a) The voltage rises towards E_Na, falls back below rest towards "
            "E_K, and recovers. (b) The gates: m opens fast and lets Na⁺ in (the upstroke); h closes and "
            "n opens more slowly, shutting Na⁺ off and letting K⁺ out (the downstroke); while h is still "
            "low and n high, the membrane cannot fire again.",
            "Hodgkin-Huxley 模型（乌贼，6.3 °C）在 t = 2 "
            "ms 时受到 40 μA/cm²、持续 0.5 ms 的脉冲后产生的动作电位。"
            "(a) 电压升向 E_Na，随后回落到静息电位以下、趋向 E_K，然后恢复。(b) 各个门：m 开得快，"
            "让 Na⁺ 流入（上升相）；h 关闭、n 开放都较慢，它们切断 Na⁺ 并让 K⁺ 流出（下降相）；"
            "在 h 仍然很低、n 仍然很高的时候，膜不能再次放电。",
        ),
        spike_and_gates,
    ),
    Figure(
        "firing-rate-against-current",
        Text(
            "A constant current switched on at t = 5 ms. (a) At 10 μA/cm² the membrane fires again and "
            "again; at 5 μA/cm² it fires once and settles. (b) The steady "
            "firing rate against the current: zero up to the onset near 6.3 μA/cm², then it jumps to about "
            "50 Hz and grows slowly. Unlike a neuron that can fire arbitrarily slowly, the squid axon "
            "starts at a finite rate (a type II neuron).",
            "在 t = 5 ms 时接通恒定电流。(a) 10 μA/cm² "
            "时膜一次又一次地放电；5 μA/cm² 时它只放电一次便恢复静息。"
            "(b) 稳定放电频率与电流的关系：在约 6.3 μA/cm² 的起始点以下为零，"
            "随后跳到约 50 Hz，再缓慢增长。与能以任意低频率放电的神经元不同，乌贼轴突从一个有限的频率开始放电"
            "（II 型神经元）。",
        ),
        firing_rate_against_current,
    ),
    Figure(
        "bifurcation-diagram",
        Text(
            "What a constant current step from rest settles into, against the current (squid, 6.3 °C). "
            "Circles: the peak and the trough of V in repetitive firing, between the onset I_onset and "
            "the upper edge I_top (shaded), where the peak falls through 0 mV (dotted). Squares: above "
            "I_top the membrane keeps oscillating, ever more narrowly, with peaks below 0 mV. Dots: rest, "
            "and above the upper Hopf point I_H2 depolarisation block. The line is the fixed point, dashed "
            "between the Hopf points I_H1 and I_H2, where it is unstable; between I_onset and I_H1 it is "
            "stable, yet a step from rest fires: rest and firing coexist.",
            "从静息出发的恒定电流阶跃最终进入的状态与电流的关系（乌贼，6.3 °C）。"
            "圆圈：持续放电时 V 的峰值和谷值，位于起始电流 I_onset 与上边界 I_top 之间（阴影），"
            "在 I_top 处峰值降到 0 mV（点线）以下。方块：高于 I_top 时膜仍在振荡，幅度越来越小，峰值低于 0 mV。"
            "实心点：静息，以及高于上 Hopf 点 I_H2 时的去极化阻滞。曲线是不动点，在两个 Hopf 点 I_H1 与 I_H2 "
            "之间为虚线，表示不稳定；在 I_onset 与 I_H1 之间它是稳定的，但从静息出发的阶跃仍会放电："
            "静息与放电共存。",
        ),
        bifurcation_diagram,
    ),
    Figure(
        "phase-plane",
        Text(
            "Excitability in the phase plane of the V-n reduction (squid, 6.3 °C): the fastest gate m is put at "
            "its steady value m∞(V) and h is tied to n by h = 0.8 − n, which leaves two variables, V and n. "
            "(a) The V-nullcline (dV/dt = 0, black) and the n-nullcline n = n∞(V) (green) cross at the resting "
            "point (black dot). A kick of 3 mV (blue) returns straight to rest; a kick of 7 mV (vermilion) lands "
            "beyond the middle branch of the V-nullcline, where dV/dt > 0: V runs to the right branch (the "
            "spike), n slowly rises, and the orbit comes back round to rest. (b) Near rest: between the left and the middle "
            "branch of the V-nullcline dV/dt < 0 and V falls back; the threshold lies just beyond the middle "
            "branch (a kick of 5.4 mV in this reduction, 6.5 mV in the full model).",
            "V-n 简化模型相平面中的可兴奋性（乌贼，6.3 °C）：最快的门 m 取其稳态值 m∞(V)，h 用 h = 0.8 − n 与 n "
            "绑定，只剩 V 和 n 两个变量。(a) V 零倾线（dV/dt = 0，黑色）与 n 零倾线 n = n∞(V)（绿色）相交于静息点"
            "（黑点）。3 mV 的突然去极化（蓝色）直接回到静息；7 mV 的（朱红色）落在 V 零倾线中间分支的另一侧，"
            "那里 dV/dt > 0：V 冲向右侧分支（动作电位），n 缓慢上升，轨道绕一圈回到静息。"
            "(b) 静息点附近：在 V 零倾线的左分支与中间分支之间 dV/dt < 0，V 回落；阈值就在中间分支稍右"
            "（本简化模型中突然去极化 5.4 mV，完整模型中 6.5 mV）。",
        ),
        phase_plane,
    ),
)
