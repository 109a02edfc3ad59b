"""HTML: self-contained pages with MathML and inline SVG, checked in a real headless Chromium."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from derive import registry


def pages(library: Path) -> list[Path]:
    return sorted((library / "en").glob("*.html")) + sorted((library / "zh").glob("*.html"))


def test_pages_are_self_contained_math_is_mathml_and_figures_are_inline_svg(library):
    assert len(pages(library)) == 2 * len(list((library / "en").glob("*.md")))  # a page per handout + index
    for page in pages(library):
        html = page.read_text(encoding="utf-8")
        assert "<script" not in html and 'rel="stylesheet"' not in html, page
        assert not re.search(r"""(src|href)=["']?(https?:|//)""", html), page
        assert "<img" not in html, page
        assert "$$" not in html, page
    walk = (library / "en" / "random_walk.html").read_text(encoding="utf-8")
    steps = len(registry.select(["random-walk"])[0].steps)
    assert walk.count('<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">') == steps
    assert "<figure" in walk and "<svg" in walk
    assert "<merror" not in walk


def test_every_page_loads_in_headless_chromium_without_console_errors(library, browser):
    facts = {
        "maths": "document.querySelectorAll('math').length",
        "flat": "[...document.querySelectorAll('math')]"
        ".filter(m => m.getBoundingClientRect().height < 5).length",
        "links": "[...document.querySelectorAll('a[href]')].filter(a => a.href.startsWith('file:'))"
        ".map(a => a.href.split('#')[0])",
    }
    for page in pages(library):
        seen = browser.open(page.as_uri(), width=1200, facts=facts)
        assert seen.errors == [], (page, seen.errors)
        assert seen.facts["flat"] == 0, (page, seen.facts)
        assert seen.facts["maths"] > 0 or page.name == "index.html" or ".worksheet." in page.name, page
        for target in seen.facts["links"]:
            assert Path(target.removeprefix("file://")).is_file(), (page, target)


def test_pages_fit_a_phone_screen_and_a_screenshot_is_kept(library, browser, tmp_path, artifacts):
    for page in pages(library):
        seen = browser.open(page.as_uri(), width=390, height=844, mobile=True)
        assert seen.scroll_width <= seen.viewport_width, (page, seen.scroll_width)
    shot = browser.open((library / "zh" / "random_walk.html").as_uri(), width=390, height=844, mobile=True)
    assert shot.screenshot.startswith(b"\x89PNG")
    (tmp_path / "random_walk.zh.phone.png").write_bytes(shot.screenshot)
    shutil.copy(tmp_path / "random_walk.zh.phone.png", artifacts / "random_walk.zh.phone.png")


def test_one_letter_units_are_upright_not_italic_like_variables(library):
    walk = (library / "en" / "random_walk.html").read_text(encoding="utf-8")
    row = next(line for line in walk.splitlines() if "length of one step" in line)
    assert "<mtext>m</mtext>" in row, row


def test_a_formula_keeps_the_chinese_punctuation_after_it_and_a_long_one_scrolls_in_its_own_box():
    from derive.render.formats import html_finish, mathml

    short, long = mathml("x_n"), mathml(" + ".join(f"a_{i}" for i in range(30)))
    page = html_finish(f"<p>设 {short}，于是 {long}。</p>")
    assert f'<span class="nobr">{short}，</span>' in page
    assert f'<span class="nobr"><span class="wide">{long}</span>。</span>' in page
    assert html_finish(f"<p>{short}</p>") == f"<p>{short}</p>"  # a short formula alone is left as it is
