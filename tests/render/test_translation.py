"""Both languages: every template string and every rule phrase translated; a gap is an error."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from derive import cli, registry, render
from derive.model import InputError
from derive.render import notation, strings, view

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def test_every_language_has_exactly_the_english_strings():
    english = json.loads((TEMPLATES / "strings" / "en.json").read_text(encoding="utf-8"))
    for lang in render.LANGUAGES:
        words = json.loads((TEMPLATES / "strings" / f"{lang}.json").read_text(encoding="utf-8"))
        assert set(words) == set(english), lang
        assert all(value.strip() for value in words.values()), lang


def test_every_rule_of_the_library_is_worded_in_both_languages_with_the_same_fields():
    for lang in render.LANGUAGES:
        t = strings.load(lang, [TEMPLATES])
        for derivation in registry.load_all():
            printer = notation.printer_for(derivation)
            numbers = {s.label: i for i, s in enumerate(derivation.steps, start=1)}
            for step in derivation.steps:
                phrase = view.rule_phrase(step.by, t, printer, numbers)
                phrase.template.format(**phrase.fields)  # every {field} of the translation is filled


def test_the_chinese_handouts_show_no_english_rule_phrases_or_side_conditions(library):
    english = [
        "by substituting",
        "by algebra",
        "by definition",
        "by rewriting",
        "by solving",
        "by induction",
        "by taking",
        "by independence",
        "by the distribution",
        "as an instance",
        "from handout",
        "given",
        "measured",
        "simulation check",
        "is an integer",
        "small: terms",
        "true by the symbols",
    ]
    for md in (library / "zh").glob("*.md"):
        text = md.read_text(encoding="utf-8")
        rule_lines = [line for line in text.splitlines() if line.startswith(("✅", "📘", "🔢", "❗"))]
        assert rule_lines, md
        for line in rule_lines:
            assert not any(phrase in line for phrase in english), f"{md}: {line}"


def test_a_missing_translation_of_a_template_string_is_an_error_naming_it(capsys, tmp_path):
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES / "strings", templates / "strings")
    words = json.loads((templates / "strings" / "zh.json").read_text(encoding="utf-8"))
    del words["rule_substituting_into"]
    (templates / "strings" / "zh.json").write_text(json.dumps(words, ensure_ascii=False), encoding="utf-8")
    code = cli.main(
        [
            "render",
            "random-walk",
            "--symbolic-only",
            "--lang",
            "zh",
            "-o",
            str(tmp_path / "out"),
            "--templates",
            str(templates),
        ]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert err.splitlines()[-1] == (
        f"derive: error: missing translation: {templates / 'strings' / 'zh.json'} has no string "
        "for 'rule_substituting_into' (which "
        f"{templates / 'strings' / 'en.json'} has)"
    )
    assert not (tmp_path / "out").exists()


def test_a_step_without_chinese_prose_is_an_error_not_an_english_fallback(tiny_report, make_tiny, tmp_path):
    derivation = make_tiny(prose_zh="")
    _, report = tiny_report
    with pytest.raises(
        InputError, match=r"^missing translation: tiny-specials: step 'start' has no zh text$"
    ):
        render.render([derivation], report.derivations, ["zh"], ["md"], tmp_path)
    render.render([derivation], report.derivations, ["en"], ["md"], tmp_path)  # English is complete
