"""Figure for the propagation (cable) topic: the action potential travelling along an axon.

Not attached to a handout yet: the cable derivation will take `FIGURES` when it exists.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from derive.figures import BLUE, GREEN, ORANGE, VERMILION, canvas, label_panels
from derive.model import Figure, Text
from derive.sim import cable

AXON = cable.CableParams(length=6.0)  # Hodgkin and Huxley's squid axon at 18.5 °C, 6 cm long
DURATION = 4.0  # ms
SNAPSHOTS = (1.0, 2.0, 3.0)  # ms


def space_time() -> Any:
    """(a) V(x, t) along the axon after a stimulus at x = 0, as colours, with the arrival line
    x = θ t; (b) V against x at three moments: the same shape, further along each time."""
    trace = cable.simulate_cable(AXON, duration=DURATION, record_every=5)
    arrived = np.isfinite(trace.arrivals) & (trace.positions > 0.1 * trace.positions[-1])
    speed, offset = np.polyfit(trace.arrivals[arrived], trace.positions[arrived], 1)  # cm/ms
    figure, (left, right) = canvas(2, height=3.2)

    image = left.pcolormesh(trace.positions, trace.times, trace.v, cmap="viridis", shading="auto",
                            rasterized=True)
    colourbar = figure.colorbar(image, ax=left, pad=0.02)
    colourbar.set_label("$V$ (mV)")
    times = np.array([0.0, DURATION])
    left.plot(speed * times + offset, times, color="white", linestyle="--", linewidth=1.0)
    # this small figure's coarse grid resolves the speed to two figures only (the handout's converged
    # value is 18.7 m/s), so the label says 19, not a third figure that would contradict the text
    left.text(0.97 * trace.positions[-1], 0.25, rf"$\theta \approx {speed * 10:.0f}$ m/s", color="white",
              ha="right", va="bottom")
    left.set_xlabel("$x$ (cm)")
    left.set_ylabel("$t$ (ms)")
    left.set_xlim(0, trace.positions[-1])
    left.set_ylim(0, trace.times[-1])

    for moment, colour in zip(SNAPSHOTS, (BLUE, VERMILION, GREEN, ORANGE)):
        row = int(np.argmin(np.abs(trace.times - moment)))
        voltage = trace.v[row]
        right.plot(trace.positions, voltage, color=colour)
        peak = int(np.argmax(voltage))
        right.text(trace.positions[peak], voltage[peak] + 4, f"${trace.times[row]:.0f}$ ms", color=colour,
                   ha="center", va="bottom")
    right.set_xlabel("$x$ (cm)")
    right.set_ylabel("$V$ (mV)")
    right.set_xlim(0, trace.positions[-1])
    right.set_ylim(None, 50)
    label_panels([left, right])
    return figure


FIGURES = (
    Figure(
        "space-time",
        Text(
            "An action potential travelling along the squid giant axon (radius 238 μm, 18.5 °C), "
            "started by a brief current at its left end (x = 0). (a) The voltage at every point and "
            "moment, in colour: the bright band of the spike moves along the axon at a constant speed θ "
            "(dashed line). (b) The voltage along the axon at three moments: the same shape each time, "
            "a fixed distance further on.",
            "沿乌贼巨轴突（半径 238 μm，18.5 °C）传播的动作电位，由轴突左端（x = 0）的短暂电流引发。"
            "(a) 用颜色表示每个位置、每个时刻的电压：动作电位的亮带以恒定速度 θ（虚线）沿轴突移动。"
            "(b) 三个时刻沿轴突的电压分布：形状每次都相同，只是向前移动了固定的距离。",
        ),
        space_time,
    ),
)
