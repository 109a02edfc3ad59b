"""The handouts' figures: deterministic files, labelled axes, text any reader's font can show."""

from __future__ import annotations

import functools
import importlib
import pkgutil
import subprocess
import sys

import pytest

import derive.figures
from derive import registry
from derive.model import Figure, Text
from derive.render import figures

matplotlib = pytest.importorskip("matplotlib")

LIBRARY = [(d.id, f) for d in registry.load_all() for f in d.figures]
IDS = [f"{derivation}/{figure.name}" for derivation, figure in LIBRARY]
# Every figure of derive/figures, including those no handout shows yet.
MODULES = [
    importlib.import_module(f"derive.figures.{m.name}") for m in pkgutil.iter_modules(derive.figures.__path__)
]
ALL = [f for module in MODULES for f in module.FIGURES]
ALL_IDS = [f"{module.__name__.rsplit('.', 1)[-1]}/{f.name}" for module in MODULES for f in module.FIGURES]


@functools.cache
def drawn(figure: Figure):
    """Each library figure drawn once for all the tests that inspect it."""
    return figures.draw(figure)


def tiny() -> Figure:
    def draw():
        from matplotlib.figure import Figure as Canvas

        canvas = Canvas()
        ax = canvas.add_subplot()
        ax.plot([0, 1, 2], [0, 1, 4], label="$x^2$")
        ax.set_xlabel("$t$ (ms)")
        ax.set_ylabel("$V$ (mV)")
        ax.legend()
        return canvas

    return Figure("tiny", Text("A parabola.", "一条抛物线。"), draw)


def test_svg_is_the_same_on_every_run():
    assert figures.svg(tiny()) == figures.svg(tiny())


def test_pdf_is_the_same_on_every_run():
    assert figures.pdf(tiny()) == figures.pdf(tiny())


def test_a_figure_drawn_from_a_seeded_simulation_is_the_same_on_every_run():
    figure = dict(zip(IDS, (f for _, f in LIBRARY)))["random-walk/paths-and-msd"]
    assert figures.svg(figure) == figures.svg(figure)


def test_files_carry_no_date():
    svg, pdf = figures.svg(tiny()), figures.pdf(tiny())
    assert svg.startswith("<?xml") and "<dc:date>" not in svg
    assert pdf.startswith(b"%PDF") and b"/CreationDate" not in pdf and b"/ModDate" not in pdf


def test_rendering_leaves_matplotlibs_settings_as_they_were():
    before = dict(matplotlib.rcParams)
    figures.svg(tiny())
    assert dict(matplotlib.rcParams) == before


def test_importing_the_library_draws_nothing_and_rendering_uses_no_pyplot():
    probe = (
        "import sys\n"
        "from derive import registry\n"
        "library = registry.load_all()\n"
        "print('matplotlib' in sys.modules)\n"
        "from derive.render import figures\n"
        "figures.svg(next(f for d in library for f in d.figures))\n"
        "print('matplotlib.pyplot' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_every_figure_has_a_caption_in_both_languages_and_a_unique_name():
    for module in MODULES:
        assert all(f.caption.en and f.caption.zh for f in module.FIGURES), module.__name__
    for derivation in registry.load_all():
        names = [f.name for f in derivation.figures]
        assert len(set(names)) == len(names), derivation.id
        for figure in derivation.figures:
            assert figure.caption.en and figure.caption.zh, f"{derivation.id}/{figure.name}"


def test_the_handouts_that_need_pictures_have_them():
    with_figures = {d.id for d in registry.load_all() if d.figures}
    assert {
        "random-walk",
        "viscous-friction",
        "equipartition",
        "einstein-relation",
        "nernst-potential",
        "goldman-hodgkin-katz",
        "gate-kinetics",
        "hodgkin-huxley",
    } <= with_figures


@pytest.mark.parametrize("figure", ALL, ids=ALL_IDS)
def test_every_axis_is_labelled(figure):
    # An x axis shared with a labelled panel below it needs no label of its own; a colour bar
    # needs its one label; a drawing (a circuit, an axon) has its axes switched off and no scale.
    for ax in drawn(figure).axes:
        if not ax.axison:
            continue
        assert ax.get_ylabel(), f"{figure.name}: a panel has no y label"
        if getattr(ax, "_colorbar", None) is not None:
            continue
        shared = ax.get_shared_x_axes().get_siblings(ax)
        assert any(other.get_xlabel() for other in shared), f"{figure.name}: a panel has no x label"


@pytest.mark.parametrize("figure", ALL, ids=ALL_IDS)
def test_text_inside_figures_needs_no_cjk_font(figure):
    # One drawing serves every language: words belong in the caption. Every character must be in
    # DejaVu Sans, the font matplotlib ships (Latin, Greek, math), so no CJK font is ever needed.
    from matplotlib import font_manager, ft2font
    from matplotlib.text import Text as Label

    charmap = ft2font.FT2Font(font_manager.findfont("DejaVu Sans")).get_charmap()
    texts = [t.get_text() for t in drawn(figure).findobj(Label)]
    missing = {c for text in texts for c in text if ord(c) not in charmap and not c.isspace()}
    assert missing == set(), f"{figure.name}: {sorted(missing)}"
    cjk = [
        text for text in texts if any("\u2e80" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef" for c in text)
    ]
    assert cjk == []


@pytest.mark.parametrize("figure", ALL, ids=ALL_IDS)
def test_every_figure_fits_a_handout_page(figure):
    width, _ = drawn(figure).get_size_inches()
    assert width == pytest.approx(figures.WIDTH)
