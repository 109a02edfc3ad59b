"""A figure already drawn from the same sources is reused; one drawn from other sources is redrawn."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from derive import render
from derive.model import Figure, Text

pytest.importorskip("matplotlib")
from derive.render import figures as drawing  # noqa: E402
from derive.render import pdf  # noqa: E402

DRAWN: list[str] = []


def tiny() -> object:
    """A small figure that records each time it is drawn."""
    from matplotlib.figure import Figure as Canvas

    DRAWN.append("tiny")
    canvas = Canvas(figsize=(2, 1))
    axes = canvas.add_subplot()
    axes.plot([0, 1], [0, 1])
    axes.set_xlabel("$x$ (m)")
    axes.set_ylabel("$y$ (m)")
    return canvas


FIGURE = Figure("line", Text("A line.", "一条线。"), tiny)


class Holder:
    """Just enough of a Derivation for _figure_files: a module name and its figures."""

    id = "toy"
    module = "toy"
    figures = (FIGURE,)


def files(out: Path) -> dict[str, str | bytes]:
    found = render._figure_files([Holder()], ["md", "tex"], out)
    return {o.path.suffix: o.content for o in found}


def test_every_figure_file_carries_the_fingerprint_of_its_sources(tmp_path):
    made = files(tmp_path)
    assert drawing.drawn_from(made[".svg"]) == drawing.fingerprint(FIGURE)
    assert drawing.drawn_from(made[".pdf"]) == drawing.fingerprint(FIGURE)


def test_a_figure_drawn_from_the_same_sources_is_reused_not_drawn_again(tmp_path):
    render.write([render.Output(p, c) for p, c in
                  [(tmp_path / "figures" / f"toy-line{k}", v) for k, v in files(tmp_path).items()]])
    DRAWN.clear()
    again = files(tmp_path)
    assert DRAWN == [] and drawing.drawn_from(again[".svg"]) == drawing.fingerprint(FIGURE)


def test_a_figure_drawn_from_other_sources_is_drawn_again(tmp_path):
    stale = drawing.save(FIGURE, ["svg", "pdf"])
    stale = {".svg": stale["svg"].replace(drawing.fingerprint(FIGURE), "0" * 20),
             ".pdf": stale["pdf"].replace(drawing.fingerprint(FIGURE).encode(), b"0" * 20)}
    render.write([render.Output(tmp_path / "figures" / f"toy-line{k}", v) for k, v in stale.items()])
    DRAWN.clear()
    fresh = files(tmp_path)
    assert DRAWN == ["tiny"] and drawing.drawn_from(fresh[".svg"]) == drawing.fingerprint(FIGURE)


def test_a_pdf_older_than_its_tex_or_a_figure_is_out_of_date(tmp_path):
    tex = tmp_path / "en" / "book.tex"
    figure = tmp_path / "figures" / "a.pdf"
    for path in (tex, figure, tex.with_suffix(".pdf")):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    now = time.time()
    os.utime(tex, (now - 20, now - 20))
    os.utime(figure, (now - 20, now - 20))
    os.utime(tex.with_suffix(".pdf"), (now - 10, now - 10))
    assert pdf.up_to_date(tex)
    os.utime(figure, (now, now))
    assert not pdf.up_to_date(tex)
    tex.with_suffix(".pdf").unlink()
    assert not pdf.up_to_date(tex)


def test_a_figure_drawn_by_another_function_file_has_another_fingerprint(tmp_path, monkeypatch):
    module = tmp_path / "user_figures.py"
    module.write_text("def draw():\n    return None\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    import importlib

    user = importlib.import_module("user_figures")
    before = drawing.fingerprint(Figure("mine", Text("a", "a"), user.draw))
    module.write_text("def draw():\n    return 1\n")
    after = drawing.fingerprint(Figure("mine", Text("a", "a"), user.draw))
    assert before != after != drawing.fingerprint(FIGURE)
