"""Prose with _ % & # $ < > comes out literally in every format."""

from __future__ import annotations

import html.parser
from pathlib import Path

from derive import render
from derive.render import latex


def rendered(tiny_report, tmp_path: Path, fmt: str, lang: str = "en") -> str:
    derivation, report = tiny_report
    outputs = render.render([derivation], report.derivations, [lang], [fmt], tmp_path)
    return next(o.content for o in outputs if o.path.name == f"tiny_specials.{fmt}")


def test_markdown_escapes_what_github_would_read_as_markup(tiny_report, tmp_path):
    text = rendered(tiny_report, tmp_path, "md")
    assert r"Specials: file\_name, 50% &amp; \#1 cost \$5; &lt;b&gt;bold&lt;/b&gt; if x &gt; y." in text
    assert "# Tiny &amp; special: 100% &lt;sure&gt;" in text
    assert r"a number\_with % &amp; \# \$ &lt; &gt;" in text  # inside a table cell


def test_latex_escapes_tex_specials_in_prose(tiny_report, tmp_path):
    text = rendered(tiny_report, tmp_path, "tex")
    assert (
        r"Specials: file\_name, 50\% \& \#1 cost \$5; \textless{}b\textgreater{}bold\textless{}/b\textgreater{} "
        r"if x \textgreater{} y."
    ) in text
    assert r"A. Author, J. Spec. Chars 1, 1 (2024) \& 50\%" in text


def test_latex_escape_writes_unicode_the_fonts_may_lack_as_tex():
    assert latex.escape("ζD = k_B T, E[x²] ≈ 2Dt → ∞, c⁺ ~ ^\\{}") == (
        r"\(\zeta\)D = k\_B T, E[x\textsuperscript{2}] \(\approx\) 2Dt \(\to\) \(\infty\), "
        r"c\textsuperscript{+} \textasciitilde{} \textasciicircum{}\textbackslash{}\{\}"
    )


class _Text(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text += data


def test_html_autoescapes_prose_so_it_reads_as_written(tiny_report, tmp_path):
    page = rendered(tiny_report, tmp_path, "html")
    assert "&lt;b&gt;bold&lt;/b&gt;" in page and "<b>bold</b>" not in page
    parsed = _Text()
    parsed.feed(page)
    assert "Specials: file_name, 50% & #1 cost $5; <b>bold</b> if x > y." in parsed.text
    assert "b" not in parsed.tags


def test_the_escaped_latex_compiles(tiny_report, tmp_path, need):
    need("xelatex", "latexmk")
    from derive.render import pdf

    derivation, report = tiny_report
    outputs = render.render([derivation], report.derivations, ["en", "zh"], ["tex"], tmp_path)
    render.write(outputs)
    for compiled in pdf.compile_all([o.path for o in outputs if o.path.name == "tiny_specials.tex"]):
        assert compiled.pdf.startswith(b"%PDF")
        assert not pdf.missing_glyphs(compiled.log), pdf.missing_glyphs(compiled.log)
