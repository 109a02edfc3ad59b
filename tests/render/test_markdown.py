"""Markdown for GitHub: display math in $$ blocks, relative links that resolve, the outline index."""

from __future__ import annotations

import re
from pathlib import Path

from derive import registry
from derive.render import view


def handouts(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.md") if p.name != "index.md")


def test_every_step_is_a_display_math_block_tagged_with_its_number(library):
    text = (library / "en" / "random_walk.md").read_text(encoding="utf-8")
    assert "$$\n\\mathbb{E}\\left[x_{n}^{2}\\right] = n L^{2}\n\\tag{16}\n$$" in text
    for md in handouts(library / "en") + handouts(library / "zh"):
        body = md.read_text(encoding="utf-8")
        assert body.count("$$") % 2 == 0, md
        assert all(block.strip() for block in body.split("$$")[1::2]), f"{md}: an empty $$ block"


def test_relative_links_and_figure_images_all_resolve(library):
    for md in (library / "en").glob("*.md"):
        for target in re.findall(r"\]\(([^)#]+)\)", md.read_text(encoding="utf-8")):
            assert not target.startswith(("http:", "https:", "/")), f"{md}: {target} is not relative"
            assert (md.parent / target).is_file(), f"{md}: {target} does not exist"
    figures = list((library / "figures").glob("*.svg"))
    assert figures and all(f.read_text(encoding="utf-8").lstrip().startswith("<?xml") for f in figures)
    assert "![" in (library / "en" / "random_walk.md").read_text(encoding="utf-8")


def test_the_index_lists_every_handout_after_its_prerequisites_with_its_outline_section(library):
    index = (library / "en" / "index.md").read_text(encoding="utf-8")
    derivations = registry.load_all()
    place = {}
    for derivation in derivations:
        stem = derivation.module.rsplit(".", 1)[-1]
        line = next(line for line in index.splitlines() if f"]({stem}.md)" in line)
        assert re.match(r"^\d+\. ✅ \*\*\[", line), line
        place[derivation.id] = index.index(f"]({stem}.md)")
    for derivation in derivations:
        for before in registry.prerequisites(derivation):
            assert place[before] < place[derivation.id], f"{before} must come before {derivation.id}"
    assert place["random-walk"] < place["viscous-friction"] < place["equipartition"] < place["einstein-relation"]
    assert place["nernst-potential"] < place["goldman-hodgkin-katz"] < place["ion-conductance"]
    assert place["ion-conductance"] < place["gate-kinetics"] < place["hodgkin-huxley"] < place["cable-equation"]
    assert "*Section 1.2: The resting potential" in index
    assert "*第 1.2 节：静息电位" in (library / "zh" / "index.md").read_text(encoding="utf-8")


def test_a_handout_links_its_prerequisites_and_the_next_handout(library):
    text = (library / "en" / "einstein_relation.md").read_text(encoding="utf-8")
    assert "**Before this**: [Diffusion as a random walk" in text
    assert "(random_walk.md)" in text.split("## Assumptions")[0]
    assert re.search(r"^\*\*Next\*\*: \[.+\]\(\w+\.md\)$", text, re.MULTILINE)


def test_tables_have_as_many_cells_as_their_header(library):
    for md in handouts(library / "en") + handouts(library / "zh"):
        rows = [line for line in md.read_text(encoding="utf-8").splitlines() if line.startswith("|")]
        widths = {len(re.split(r"(?<!\\)\|", row)) for row in rows if not row.startswith("|---")}
        assert len(widths) <= 2, f"{md}: rows of different widths {widths}"  # symbols (3) and checks (6)


def test_a_refuted_claim_of_the_article_shows_its_counterexample_and_the_correct_statement(library):
    english = (library / "en" / "random_walk.audit.md").read_text(encoding="utf-8")
    chinese = (library / "zh" / "random_walk.audit.md").read_text(encoding="utf-8")
    assert "> **The source is wrong here.** Counterexample: $m = 1, n = 1, q = 1$ gives 0 for" in english
    assert (
        "> The correct statement is step (30): "
        "$\\mathbb{E}\\left[U_{n}^{2}\\right] = n \\left(q - m^{2}\\right)$"
        in english
    )
    assert "> **原文此处有误。** 反例：取 $m = 1, n = 1, q = 1$ 时两边不相等" in chinese


def test_the_students_handout_shows_the_articles_false_claim_too_with_its_counterexample_and_correction(library):
    english = (library / "en" / "random_walk.md").read_text(encoding="utf-8")
    chinese = (library / "zh" / "random_walk.md").read_text(encoding="utf-8")
    assert "> **False claim in the article**: " in english
    assert "> ❗ **This is false.** Counterexample: at $m = 1, n = 1, q = 1$ the two sides differ: " in english
    assert "> The correct statement is (30): $\\mathbb{E}\\left[U_{n}^{2}\\right] = n \\left(q - m^{2}\\right)$" in english
    assert "> ❗ **这是错误的。** 反例：取 $m = 1, n = 1, q = 1$ 时两边不相等" in chinese
