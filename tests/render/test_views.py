"""Three views of one handout (issue 15): the student's, the audit, and the worksheet.

- The student's handout reads like a textbook: prose and equations, each step's reason a short
  phrase with equation numbers; no status words, rule ids, labels or "axioms". Only its last
  section, "How every step was checked", counts the statuses, and it points to the audit.
- The audit shows everything: statuses, rules with their labels, side conditions, check tables.
- The worksheet has the exercises' questions and none of their solutions.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from derive import cli, registry, render
from derive.render import latex, notation, strings, view

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
FORMATS = ("md", "tex", "html")
WORDS = {lang: json.loads((TEMPLATES / "strings" / f"{lang}.json").read_text(encoding="utf-8")) for lang in ("en", "zh")}
APPENDIX = {fmt: {lang: {"md": f"## {w['how_checked']}", "html": f'<h2 id="how-checked">{w["how_checked"]}</h2>',
                         "tex": f"\\section*{{{w['how_checked']}}}"}[fmt] for lang, w in WORDS.items()} for fmt in FORMATS}
STATUS_WORDS = {lang: [w[key] for key in w if key.startswith("status_")] for lang, w in WORDS.items()}
AXIOM = {"en": "axiom", "zh": "公理"}


def _render_teaching(make_teaching, teaching_report, out: Path, views=render.VIEWS) -> list[render.Output]:
    derivation, report = teaching_report
    outputs = render.render([derivation], report.derivations, ["en", "zh"], list(FORMATS), out, views=views)
    render.write(outputs)
    return outputs


def visible(text: str, fmt: str) -> str:
    """What a reader sees: HTML without its tags and attributes, TeX without its preamble, Markdown as it is."""
    if fmt == "tex" and "\\begin{document}" in text:
        text = text.split("\\begin{document}", 1)[1]
    if fmt == "html":
        text = re.sub(r"<style>.*?</style>", " ", text, flags=re.S)
        text = re.sub(r"<[^>]*>", " ", text)
    return text


def labels_of(derivation) -> list[str]:
    return [s.label for s in derivation.steps if "-" in s.label] + [c.name for c in derivation.checks if "-" in c.name]


def test_every_view_renders_in_every_format_and_language(make_teaching, teaching_report, tmp_path):
    _render_teaching(make_teaching, teaching_report, tmp_path)
    for lang in ("en", "zh"):
        for fmt in FORMATS:
            for suffix in ("", ".audit", ".worksheet"):
                assert (tmp_path / lang / f"teaching_walk{suffix}.{fmt}").is_file(), (lang, fmt, suffix)
        assert {p.name for p in (tmp_path / lang).glob("index.*")} == {"index.md", "index.html"}
        assert (tmp_path / lang / "book.tex").is_file() and (tmp_path / lang / "worksheets.tex").is_file()


def test_the_student_view_has_no_status_words_rule_ids_labels_or_axioms(make_teaching, teaching_report, tmp_path):
    derivation, _ = teaching_report
    _render_teaching(make_teaching, teaching_report, tmp_path)
    for lang in ("en", "zh"):
        for fmt in FORMATS:
            text = visible((tmp_path / lang / f"teaching_walk.{fmt}").read_text(encoding="utf-8"), fmt)
            assert AXIOM[lang] not in text.lower(), (lang, fmt)
            body, appendix = text.split(visible(APPENDIX[fmt][lang], fmt))
            assert not [w for w in STATUS_WORDS[lang] if w in body], (lang, fmt)
            assert not [label for label in labels_of(derivation) if label in text], (lang, fmt)
            assert "\\steplabel" not in text and "\\status{" not in text
            if fmt == "md":
                assert "`" not in text
            assert WORDS[lang]["audit_link"] in appendix  # the full audit is one link away


def test_the_student_view_says_what_a_stated_step_is_and_gives_a_derived_steps_reason_by_numbers(
        make_teaching, teaching_report, tmp_path):
    _render_teaching(make_teaching, teaching_report, tmp_path)
    english = (tmp_path / "en" / "teaching_walk.md").read_text(encoding="utf-8")
    chinese = (tmp_path / "zh" / "teaching_walk.md").read_text(encoding="utf-8")
    assert "<sub>(1) definition</sub>" in english and "<sub>(2) assumption</sub>" in english
    assert "<sub>(3) by substituting (1) into (2)</sub>" in english
    assert "<sub>(1) 定义</sub>" in chinese and "<sub>(3) 将 (1) 代入 (2)</sub>" in chinese
    assert "### The diffusion constant" in english and "### 用步长表示" in chinese  # headings
    assert "> **Key ideas**\n>\n> - Spread grows like t, not $t^{2}$." in english  # a power in prose is mathematics


def test_a_false_claim_of_the_article_stays_visible_in_the_student_view(make_teaching, teaching_report, tmp_path):
    _render_teaching(make_teaching, teaching_report, tmp_path)
    for lang, says, false, correct in (("en", "False claim in the article", "This is false", "The correct statement is (3)"),
                                       ("zh", "原文中的错误说法", "这是错误的", "正确的结论是式 (3)")):
        for fmt in FORMATS:
            text = visible((tmp_path / lang / f"teaching_walk.{fmt}").read_text(encoding="utf-8"), fmt)
            assert says in text and false in text and correct in text, (lang, fmt)
            assert WORDS[lang]["counterexample"] in text, (lang, fmt)


def test_the_audit_view_shows_statuses_rules_with_labels_side_conditions_and_exercise_steps(
        make_teaching, teaching_report, tmp_path):
    derivation, _ = teaching_report
    _render_teaching(make_teaching, teaching_report, tmp_path)
    for lang in ("en", "zh"):
        for fmt in FORMATS:
            text = (tmp_path / lang / f"teaching_walk.audit.{fmt}").read_text(encoding="utf-8")
            shown = visible(text, fmt)
            assert WORDS[lang]["status_axiom"] in shown and WORDS[lang]["status_proved"] in shown, (lang, fmt)
            assert WORDS[lang]["status_refuted"] in shown, (lang, fmt)
            assert all(label in text for label in labels_of(derivation)), (lang, fmt)  # exercises' steps too
            assert WORDS[lang]["numeric_checks"] in shown and WORDS[lang]["source_error"] in shown
    english = (tmp_path / "en" / "teaching_walk.audit.md").read_text(encoding="utf-8")
    assert "✅ **proved** · `spread-in-steps` · by substituting `diffusion-constant` (1) into `spread` (2)" in english
    assert "### Exercise 2 · `ex-step-length`" in english


def test_the_worksheet_has_the_questions_and_none_of_the_solutions(make_teaching, teaching_report, tmp_path):
    derivation, _ = teaching_report
    _render_teaching(make_teaching, teaching_report, tmp_path)
    for lang in ("en", "zh"):
        for fmt in FORMATS:
            text = visible((tmp_path / lang / f"teaching_walk.worksheet.{fmt}").read_text(encoding="utf-8"), fmt)
            written = latex.escape if fmt == "tex" else str
            for exercise in derivation.exercises:
                assert written(exercise.question[lang]) in text, (lang, fmt)
                assert written(exercise.answer[lang]) not in text, (lang, fmt)
                for solution in derivation.solution(exercise):
                    assert written(solution.prose[lang]) not in text, (lang, fmt)
            assert "\\tag" not in text and "(5)" not in text  # no worked step
            assert WORDS[lang]["key_ideas"] in text
    assert "\\worksheetexercise{" in (tmp_path / "en" / "teaching_walk.worksheet.tex").read_text(encoding="utf-8")
    assert 'class="answer-space"' in (tmp_path / "zh" / "teaching_walk.worksheet.html").read_text(encoding="utf-8")


def test_exercise_steps_are_numbered_after_the_handouts_own_and_referenced_by_those_numbers(
        make_teaching, teaching_report, tmp_path):
    _render_teaching(make_teaching, teaching_report, tmp_path)
    student = (tmp_path / "en" / "teaching_walk.md").read_text(encoding="utf-8")
    audit = (tmp_path / "en" / "teaching_walk.audit.md").read_text(encoding="utf-8")
    solutions = student.split("## Worked solutions")[1]
    assert solutions.index("\\tag{5}") < solutions.index("### Exercise 2") < solutions.index("\\tag{6}")
    assert "<sub>(5) by multiplying both sides of (3) by $2$</sub>" in solutions
    assert "<sub>(6) by solving (1) for $L^{2}$</sub>" in solutions
    assert "**(5)** Double both sides." in audit and "\\tag{5}" in audit
    assert "`spread-in-steps` (3)" in audit.split("### Exercise 1")[1]
    assert student.split("## Exercises")[1].startswith("\n\n1. How does the spread change when t doubles?\n"
                                                       "2. Write L with D and Δt.")


def test_render_view_writes_only_the_views_asked_for(make_teaching, teaching_report, tmp_path):
    outputs = _render_teaching(make_teaching, teaching_report, tmp_path, views=["worksheet"])
    names = {o.path.name for o in outputs}
    assert "teaching_walk.worksheet.md" in names and "worksheets.tex" in names
    assert not [n for n in names if n.startswith("teaching_walk.") and ".worksheet." not in n]
    assert "book.tex" not in names  # the book is the student view
    index = (tmp_path / "en" / "index.md").read_text(encoding="utf-8")
    assert "teaching_walk.worksheet.md" in index and "teaching_walk.audit.md" not in index


def test_the_cli_render_view_option_is_repeatable_and_checks_its_values(capsys, tmp_path):
    code = cli.main(["render", "random-walk", "--symbolic-only", "--view", "audit", "--view", "worksheet",
                     "-o", str(tmp_path), "--lang", "en"])
    assert code == 0, capsys.readouterr().err
    assert sorted(p.name for p in (tmp_path / "en").iterdir()) == ["random_walk.audit.md", "random_walk.worksheet.md"]
    with pytest.raises(SystemExit):
        cli.main(["render", "--view", "teacher"])


def test_the_index_links_the_student_view_and_each_handouts_audit_and_worksheet(library):
    for lang in ("en", "zh"):
        md = (library / lang / "index.md").read_text(encoding="utf-8")
        html = (library / lang / "index.html").read_text(encoding="utf-8")
        for derivation in registry.load_all():
            stem = view.stem_of(derivation)
            for suffix in ("", ".audit", ".worksheet"):
                assert f"]({stem}{suffix}.md)" in md, (lang, stem, suffix)
                assert f'href="{stem}{suffix}.html"' in html, (lang, stem, suffix)


def test_the_index_and_the_book_open_with_the_introduction_only_for_the_library(
        library, make_teaching, teaching_report, tmp_path):
    assert "## Introduction\n\nWhat does computational neuroscience study?" in (
        library / "en" / "index.md").read_text(encoding="utf-8")
    for lang, heading in (("en", "Introduction"), ("zh", "引言")):
        for name in ("index.md", "index.html", "book.tex"):
            text = (library / lang / name).read_text(encoding="utf-8")
            assert heading in text and "Hodgkin" in text and "Neher" in text, (lang, name)
    _render_teaching(make_teaching, teaching_report, tmp_path)
    assert "Introduction" not in (tmp_path / "en" / "index.md").read_text(encoding="utf-8")


def test_a_measured_value_is_justified_by_its_simulation_named_in_words():
    t = strings.load("en", [TEMPLATES])
    measured = [(d, s) for d in registry.load_all() for s in d.steps if s.by.wording().key == "measured"]
    assert measured
    for derivation, step in measured:
        numbers = {s.label: i for i, s in enumerate(derivation.steps, start=1)}
        phrase = view.student_phrase(derivation, step, t, notation.printer_for(derivation), numbers, (),
                                     lambda text, what: text.en)
        check = next(c for c in derivation.checks if c.name == step.by.wording().fields["source"])
        assert phrase.template == t.just_measured
        assert phrase.fields["check"] == view.mid_sentence(check.description.en)


def test_a_simulations_description_after_the_colon_continues_the_sentence_but_names_keep_capitals():
    assert view.mid_sentence("The same with nodes 1 μm long") == "the same with nodes 1 μm long"
    assert view.mid_sentence("Saltatory velocity of a fibre") == "saltatory velocity of a fibre"
    for kept in ("Hodgkin-Huxley cable", "V at rest", "Na⁺ charge", "HH nodes", "Monte Carlo walkers", "F divided"):
        assert view.mid_sentence(kept) == kept
