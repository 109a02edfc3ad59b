"""The handouts' figures: one module per topic, named after its library module.

Each module defines plot functions, every one drawing from a small simulation of its own
(derive/sim/*, a numpy Generator with a fixed seed: the same picture every time, in well
under a second), and `FIGURES`, the `Figure`s its handout shows, with captions in both
languages. Text inside a drawing is only symbols, numbers and units, so one drawing serves
English and Chinese; the captions carry the words.

matplotlib is imported inside the plot functions only: importing a handout draws nothing.
`derive.render.figures` draws them inside the shared style and saves them.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from derive.render.figures import COLOURS, HEIGHT, WIDTH

SEED = 20240601  # every figure's simulation starts from this seed

BLUE, VERMILION, GREEN, PURPLE, ORANGE, SKY, YELLOW, BLACK = COLOURS
THEORY = BLACK  # lines drawn from a derived formula
SIMULATION = VERMILION  # points measured on a simulation


def rng() -> np.random.Generator:
    """A fresh Generator with the figures' fixed seed."""
    return np.random.default_rng(SEED)


def canvas(
    columns: int = 1, rows: int = 1, height: float = HEIGHT, sharex: bool = False
) -> tuple[Any, list[Any]]:
    """A new matplotlib Figure, a handout page wide, with a grid of axes (listed row by row)."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(WIDTH, height), layout="constrained")
    axes = figure.subplots(rows, columns, squeeze=False, sharex=sharex)
    return figure, list(axes.flat)


def mosaic(layout: list[list[str]], height: float = HEIGHT, **options: Any) -> tuple[Any, dict[str, Any]]:
    """A new matplotlib Figure, a handout page wide, with named axes laid out as in `layout`
    (matplotlib's subplot_mosaic: a name repeated over cells spans them)."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(WIDTH, height), layout="constrained")
    return figure, figure.subplot_mosaic(layout, **options)


def label_panels(axes: list[Any]) -> None:
    """Mark the panels (a), (b), ... in their top-left corners, for the caption to refer to."""
    for letter, ax in zip("abcdefgh", axes):
        ax.text(-0.02, 1.02, f"({letter})", transform=ax.transAxes, ha="right", va="bottom",
                fontweight="bold")
