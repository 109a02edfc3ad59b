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


def teaching() -> Derivation:
    """A handout with everything a teacher's handout has: headings, a key-ideas box, a definition, a
    given, a derived step, a claim from the article that is false, and two exercises with solutions."""
    from sympy.physics.units import length, time

    from derive.declare import define, exercise, heading, refuted

    symbols = SymbolTable()
    L = symbols.add("L", length, "step length", "步长", positive=True)
    dt = symbols.add("Delta_t", time, "time per step", "每步时间", positive=True, latex=r"\Delta t")
    D = symbols.add("D", length**2 / time, "diffusion constant", "扩散常数", positive=True)
    t = symbols.add("t", time, "elapsed time", "经过的时间", positive=True)
    x2 = symbols.add("x2", length**2, "mean-square displacement", "均方位移", positive=True, latex=r"\overline{x^2}")
    return Derivation(
        id="teaching-walk",
        title=Text("A walk for teaching", "用于教学的行走"),
        question=Text("How far does a walker get in time t?", "行走者在时间 t 内走多远？"),
        section="9.8",
        symbols=symbols.freeze(),
        steps=(
            heading("The diffusion constant", "扩散常数",
                    define("diffusion-constant", sp.Eq(D, L**2 / (2 * dt)), "Define D.", "定义 D。")),
            given("spread", sp.Eq(x2, 2 * D * t), "The spread grows in proportion to t.", "扩散范围与 t 成正比。"),
            heading("In steps", "用步长表示",
                    step("spread-in-steps", sp.Eq(x2, L**2 * t / dt), by.substituting("diffusion-constant", into="spread"),
                         "Put D in.", "代入 D。")),
            refuted("article-spread", sp.Eq(x2, L**2 * t / (2 * dt)), by.substituting("diffusion-constant", "spread"),
                    "The article writes the spread with a factor 1/2.", "原文给出的扩散范围多了因子 1/2。",
                    corrected_by="spread-in-steps"),
            *exercise("ex-double-time", "How does the spread change when t doubles?", "t 加倍时扩散范围如何变化？",
                      step("ex-double", sp.Eq(2 * x2, L**2 * (2 * t) / dt), by.multiplying_both_sides("spread-in-steps", 2),
                           "Double both sides.", "两边乘以 2。"),
                      answer=Text("It doubles.", "加倍。")),
            *exercise("ex-step-length", "Write L with D and Δt.", "用 D 和 Δt 表示 L。",
                      step("ex-length-squared", sp.Eq(L**2, 2 * D * dt), by.solving_for(L**2, "diffusion-constant"),
                           "Solve for L squared.", "解出 L 的平方。"),
                      answer=Text("L² = 2DΔt.", "L² = 2DΔt。")),
        ),
        key_ideas=(Text("Spread grows like t, not t².", "扩散范围与 t 成正比，而不是 t²。"),
                   Text("D = L²/(2Δt) links the walk to diffusion.", "D = L²/(2Δt) 把行走与扩散联系起来。")),
        sources=("A. Author, Walks (2024)",),
        module="teaching_walk",
    )


@pytest.fixture
def make_teaching():
    return teaching


@pytest.fixture(scope="session")
def teaching_report():
    derivation = teaching()
    return derivation, pipeline.check([derivation], symbolic_only=True)
