"""Shared fixtures of the render tests: the library rendered once, a tiny handout, the tools.

Tests are imported in importlib mode (no package), so helpers reach them as fixtures.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from pathlib import Path

import pytest
import sympy as sp

from derive import by, cli, pipeline
from derive.declare import given, step
from derive.model import Derivation, Figure, SymbolTable, Text

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"  # gitignored: screenshots of the handouts


def _need(*tools: str) -> None:
    """Skip, saying which tool is missing; fail instead where CI installed them (DERIVE_REQUIRE_TOOLS=1)."""
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if not missing:
        return
    reason = f"needs {', '.join(missing)} (Debian: see .ci/run for the packages)"
    if os.environ.get("DERIVE_REQUIRE_TOOLS"):
        pytest.fail(f"{reason}, and DERIVE_REQUIRE_TOOLS is set")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole library rendered once (symbolic steps only) as Markdown, LaTeX and HTML."""
    out = tmp_path_factory.mktemp("library")
    code = cli.main(
        ["render", "--symbolic-only", "-o", str(out), "--format", "md", "--format", "tex", "--format", "html"]
    )
    assert code == 0
    return out


PROSE = "Specials: file_name, 50% & #1 cost $5; <b>bold</b> if x > y."


def tiny_figure() -> object:
    """A matplotlib figure small enough to draw in a test."""
    from matplotlib.figure import Figure as MatplotlibFigure

    drawing = MatplotlibFigure(figsize=(2, 1.5))
    axes = drawing.add_subplot()
    axes.plot([0, 1, 2], [0, 1, 4])
    return drawing


def tiny(prose_en: str = PROSE, prose_zh: str = "中文：" + PROSE, figures: bool = True) -> Derivation:
    """A two-step handout whose prose holds every character the formats must escape."""
    symbols = SymbolTable()
    a = symbols.add("a", 1, "a number_with % & # $ < >", "一个数 file_name", positive=True)
    return Derivation(
        id="tiny-specials",
        title=Text("Tiny & special: 100% <sure>", "特殊字符 & 100%"),
        question=Text("Does $x$ stay #1?", "$x$ 还是第 #1 吗？"),
        section="9.9",
        symbols=symbols.freeze(),
        steps=(
            given("start", sp.Eq(a, 2), prose_en, prose_zh),
            step("double", sp.Eq(2 * a, 4), by.substituting("start"), "Double it.", "加倍。"),
        ),
        assumptions=(Text("Nothing > everything & 1 < 2", "无 > 一切 & 1 < 2"),),
        sources=("A. Author, J. Spec. Chars 1, 1 (2024) & 50%",),
        figures=(Figure("curve", Text("A parabola_curve: y = x²", "抛物线：y = x²"), tiny_figure),)
        if figures
        else (),
        module="tiny_specials",
    )


@pytest.fixture
def need():
    """need("xelatex", "latexmk") skips (or, in CI, fails) a test when a tool is missing."""
    return _need


@pytest.fixture
def make_tiny():
    return tiny


@pytest.fixture
def tiny_report():
    derivation = tiny()
    return derivation, pipeline.check([derivation], symbolic_only=True)


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session (tests/render/browser.py)."""
    _need("chromium")
    spec = importlib.util.spec_from_file_location(
        "derive_test_browser", Path(__file__).with_name("browser.py")
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    with module.Browser() as running:
        yield running


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
