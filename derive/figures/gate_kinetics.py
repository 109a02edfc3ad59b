"""Figure of the gate-kinetics handout: one gate relaxes at once, a four-gate channel with a delay."""

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
)
