"""Figures of the propagation (cable) handout: the action potential travelling along an axon, and
a drawing of a myelinated axon."""

from __future__ import annotations

from typing import Any

import numpy as np

from derive.figures import BLACK, BLUE, GREEN, ORANGE, SKY, VERMILION, canvas, label_panels
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
    # the dashed line is this small run's own fit; the label prints the velocity the handout states,
    # measured by the converged, Richardson-extrapolated simulation and rounded to the same 3 figures
    measured = cable.conduction_velocity(cable.CableParams(), extrapolate=True).value
    left.text(0.97 * trace.positions[-1], 0.25, rf"$\theta = {measured:.3g}$ m/s", color="white",
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


def myelinated_axon() -> Any:
    """A schematic myelinated axon in longitudinal section: the axon of radius a, the sheath of
    thickness d in internodes of length L, and the nodes of Ranvier between them (not to scale:
    a real internode is about 100 fibre diameters long)."""
    from matplotlib.patches import FancyBboxPatch, Rectangle

    figure, (ax,) = canvas(1, height=2.3)
    a, d, node, internode = 1.0, 0.6, 0.35, 4.0
    period = internode + node
    starts = [node / 2 + k * period for k in range(3)]
    ax.add_patch(Rectangle((-0.3, -a), 3 * period + 0.6, 2 * a, facecolor="#f3e7c9", edgecolor="none"))
    ax.plot([-0.3, 3 * period + 0.3], [a, a], color=BLACK, linewidth=1.0)
    ax.plot([-0.3, 3 * period + 0.3], [-a, -a], color=BLACK, linewidth=1.0)
    ax.plot([-0.3, 3 * period + 0.3], [0, 0], color="0.6", linewidth=0.6, linestyle="-.")
    for x0 in starts:
        for y0 in (a, -a - d):
            ax.add_patch(FancyBboxPatch((x0, y0), internode, d, boxstyle="round,pad=0,rounding_size=0.25",
                                        facecolor=SKY, edgecolor=BLUE, linewidth=0.8))
    for k in range(4):  # the nodes: bare axon membrane with Na+ and K+ channels
        centre = k * period
        ax.plot([centre, centre], [a, a + 0.18], color=VERMILION, linewidth=2.5)
        ax.plot([centre, centre], [-a, -a - 0.18], color=VERMILION, linewidth=2.5)
    arrow = dict(arrowstyle="<->", color=BLACK, linewidth=0.8, shrinkA=0, shrinkB=0)
    x_a = starts[0] + 0.5 * internode
    ax.annotate("", (x_a, 0), (x_a, a), arrowprops=arrow)
    ax.text(x_a + 0.08, 0.5 * a, "$a$", va="center")
    x_d = starts[1] + 0.5 * internode
    ax.annotate("", (x_d, a), (x_d, a + d), arrowprops=arrow)
    ax.text(x_d + 0.08, a + 0.5 * d, "$d$", va="center")
    ax.annotate("", (0, -a - d - 0.35), (period, -a - d - 0.35), arrowprops=arrow)
    ax.text(0.5 * period, -a - d - 0.45, "$L$", ha="center", va="top")
    ax.annotate("", (period, a + d + 0.35), (period, a + 0.2), arrowprops=dict(arrowstyle="->", color=VERMILION))
    ax.text(period, a + d + 0.4, r"Na$^+$, K$^+$", color=VERMILION, ha="center", va="bottom")
    ax.annotate("", (3 * period - 0.2, 0.35), (2 * period + 0.2, 0.35),
                arrowprops=dict(arrowstyle="->", color=GREEN, linewidth=1.0))
    ax.text(2.5 * period, 0.42, r"$\theta$", color=GREEN, ha="center", va="bottom")
    ax.set_xlim(-0.4, 3 * period + 0.4)
    ax.set_ylim(-a - d - 1.0, a + d + 1.0)
    ax.set_aspect("equal")
    # a schematic: its axes (x along the axon, r from its centre line) are named but not drawn
    ax.axis("off")
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
    Figure(
        "myelinated-axon",
        Text(
            "A myelinated axon cut along its length (not to scale). The axon of radius a (pale) is wrapped in a "
            "sheath of myelin of thickness d (blue), interrupted every internode length L by a node of Ranvier "
            "(vermilion), where the bare membrane carries the Na⁺ and K⁺ channels. The spike jumps from node to "
            "node at velocity θ. The fibre's outer diameter is 2(a + d); its g-ratio is the axon's diameter over "
            "the fibre's, a/(a + d), about 0.6–0.7. In real fibres L is about 100 outer diameters.",
            "沿长轴剖开的有髓轴突（未按比例）。半径为 a 的轴突（浅色）外包厚度为 d 的髓鞘（蓝色），每隔一个结间段"
            "长度 L 被一个郎飞结（朱红色）打断；郎飞结处裸露的膜上有 Na⁺ 和 K⁺ 通道。动作电位以速度 θ 从一个结"
            "跳到下一个结。纤维的外径为 2(a + d)；g 比是轴突直径与纤维外径之比 a/(a + d)，约为 0.6–0.7。"
            "真实纤维中 L 约为外径的 100 倍。",
        ),
        myelinated_axon,
    ),
)
