"""Figures of the gate-kinetics handout: one gate relaxes at once, a four-gate channel with a delay; and the
Boltzmann gate's n∞(V) beside Hodgkin and Huxley's."""

from __future__ import annotations

from typing import Any

import numpy as np

from derive.figures import BLUE, GREEN, ORANGE, VERMILION, canvas, label_panels, rng
from derive.model import Figure, Text
from derive.sim import channels, hodgkin_huxley

REST, STEP = -65.0, 0.0  # mV: the clamp step of the handout, at 6.3 °C
DURATION = 8.0  # ms
CHANNELS = 1000


def _rates(voltage: float) -> tuple[float, float]:
    rates = hodgkin_huxley.gate_rates(voltage)
    return float(rates.alpha_n), float(rates.beta_n)


def delay_of_four_gates() -> Any:
    """(a) n(t) and n(t)^4 after a clamp step from -65 to 0 mV, with the open fractions of 1000
    simulated single gates and of 1000 four-gate channels; (b) n^k for k = 1..4, each scaled
    from its start (0) to its end (1): the more gates, the longer the delay."""
    clamp = hodgkin_huxley.voltage_clamp(REST, STEP, times=np.linspace(0.0, DURATION, 321))
    t, n = clamp.times, clamp.n
    sampled = np.linspace(0.0, DURATION, 33)
    generator = rng()
    figure, (left, right) = canvas(2)

    for copies, colour, marker, label in ((1, BLUE, "o", "$n$"), (4, VERMILION, "s", "$n^4$")):
        kind = channels.GateKind(copies, _rates(REST), _rates(STEP))
        fractions = channels.open_fraction([kind], sampled, CHANNELS, generator)
        left.plot(t, n**copies, color=colour, label=label)
        left.plot(sampled, [f.value for f in fractions], marker, color=colour, markerfacecolor="white",
                  markersize=4)
    left.set_xlabel("$t$ (ms)")
    left.set_ylabel("$P_{\\mathrm{open}}$")
    left.set_xlim(-0.2, DURATION)
    left.set_ylim(0, 1)
    left.legend(loc="lower right")

    alpha, beta = _rates(STEP)
    settled = alpha / (alpha + beta)  # n(∞) at the step voltage
    for copies, colour in zip((1, 2, 3, 4), (BLUE, GREEN, ORANGE, VERMILION)):
        rise = (n**copies - n[0] ** copies) / (settled**copies - n[0] ** copies)
        right.plot(t, rise, color=colour, label="$n$" if copies == 1 else f"$n^{copies}$")
    right.set_xlabel("$t$ (ms)")
    right.set_ylabel(r"$\dfrac{x(t) - x(0)}{x(\infty) - x(0)}$")
    right.set_xlim(0, 6.0)
    right.set_ylim(0, 1.02)
    right.legend(loc="lower right")
    label_panels([left, right])
    return figure


KT_OVER_E = 8.617333262e-2 * 279.45  # mV at 6.3 °C
SAMPLED = 20_000  # gates per point


def boltzmann_gate() -> Any:
    """Hodgkin and Huxley's n∞(V) = α_n/(α_n + β_n) (line), the Boltzmann gate with the same steepest slope
    at the same voltage (z_g = 4 (k_B T/e) max dn∞/dV, dashed), and the open fraction of 20 000 gates drawn
    from the Boltzmann distribution at each of a few voltages (open circles)."""
    voltage = np.linspace(-110.0, 20.0, 1301)
    rates = hodgkin_huxley.gate_rates(voltage)
    n_infinity = rates.alpha_n / (rates.alpha_n + rates.beta_n)
    slope = np.gradient(n_infinity, voltage)
    steepest = int(np.argmax(slope))
    charge = 4 * KT_OVER_E * slope[steepest]
    shift = -np.log(1 / n_infinity[steepest] - 1) * KT_OVER_E / charge  # n_B(V_steep) = n∞(V_steep)
    half = voltage[steepest] - shift
    figure, (ax,) = canvas(1, height=3.0)
    ax.plot(voltage, n_infinity, color=BLUE, label=r"$\alpha_n/(\alpha_n + \beta_n)$")
    ax.plot(voltage, 1 / (1 + np.exp(-charge * (voltage - half) / KT_OVER_E)), "--", color=VERMILION,
            label=rf"$z_{{\mathrm{{g}}}} = {charge:.2f}$")
    generator = rng()
    sampled = np.linspace(-100.0, 10.0, 12)
    fractions = [channels.boltzmann_gates(-charge * (v - half), KT_OVER_E, SAMPLED, generator).value for v in sampled]
    ax.plot(sampled, fractions, "o", color=VERMILION, markerfacecolor="white", markersize=4)
    ax.set_xlabel("$V$ (mV)")
    ax.set_ylabel(r"$n_{\infty}$")
    ax.set_xlim(voltage[0], voltage[-1])
    ax.set_ylim(0, 1)
    ax.legend(loc="upper left")
    return figure


FIGURES = (
    Figure(
        "delay-of-four-gates",
        Text(
            "A voltage-clamp step from -65 mV to 0 mV at t = 0 (squid, 6.3 °C). (a) The probability n(t) "
            "that one K⁺ gate is open rises at once, exponentially; the probability n⁴ that all four gates "
            "of a channel are open starts flat and rises later. Open symbols: the open fraction of 1000 "
            "simulated single gates and of 1000 simulated four-gate channels, each gate flipping at "
            "random. (b) n, n², n³ and n⁴, each scaled to rise from 0 to 1: the more gates a channel "
            "needs, the longer the delay, as in the measured K⁺ conductance.",
            "t = 0 时电压钳从 -65 mV 阶跃到 0 mV（乌贼，6.3 "
            "°C）。(a) 一个 K⁺ 门开放的概率 n(t) 立即按指数上升；"
            "一个通道的四个门全部开放的概率 n⁴ 起初平坦，较晚才上升。空心符号：1000 个模拟的单个门、"
            "1000 个模拟的四门通道（每个门随机翻转）中开放的比例。(b) n、n²、n³、n⁴，各自缩放为从 0 升到 1："
            "通道需要的门越多，延迟越长，与实测的 K⁺ 电导一致。",
        ),
        delay_of_four_gates,
    ),
    Figure(
        "boltzmann-gate",
        Text(
            "The steady-state open probability of a K⁺ gate against voltage at 6.3 °C. Line: Hodgkin and "
            "Huxley's n∞ = α_n/(α_n + β_n). Dashed: the two-state Boltzmann gate 1/(1 + e^(-z_g e (V - V_½)/k_B T)) "
            "with the same slope at the same voltage where n∞ is steepest, z_g = 1.54. Open circles: the open "
            "fraction of 20 000 gates drawn from the Boltzmann distribution, knowing only the energies of the "
            "two states. Hodgkin and Huxley's n∞, fitted to measurements rather than derived, is close to a "
            "Boltzmann gate near its midpoint and departs from it further away, most at positive voltages.",
            "6.3 °C 下 K⁺ 门的稳态开放概率随电压的变化。实线：Hodgkin-Huxley 的 n∞ = α_n/(α_n + β_n)。"
            "虚线：两态玻尔兹曼门 1/(1 + e^(-z_g e (V - V_½)/k_B T))，在 n∞ 最陡的电压处与之斜率相同，z_g = 1.54。"
            "空心圆：只知道两种状态能量、从玻尔兹曼分布中抽取的 20 000 个门中开放的比例。Hodgkin-Huxley 的 n∞ "
            "是按实验数据拟合而非推导出来的，它在中点附近接近玻尔兹曼门，离中点越远偏离越大，在正电压下最明显。",
        ),
        boltzmann_gate,
    ),
)
