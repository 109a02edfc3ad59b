"""Both languages: every template string and every rule phrase translated; a gap is an error."""

from __future__ import annotations

import json
import re
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
        assert all(value.strip() for key, value in words.items() if key != "gap"), lang  # zh: no space


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
    for md in (library / "zh").glob("*.audit.md"):
        text = md.read_text(encoding="utf-8")
        rule_lines = [line for line in text.splitlines() if line.startswith(("✅", "📘", "🔢", "❗"))]
        assert rule_lines, md
        for line in rule_lines:
            words = re.sub(r"`[^`]*`", " ", line)  # step labels are code (model-over-measured)
            assert not any(phrase in words for phrase in english), f"{md}: {line}"


def test_the_chinese_students_handouts_give_every_reason_in_chinese(library):
    english = ["by ", "definition", "assumption", "from ", "measured", "simulation", "equation"]
    for md in sorted((library / "zh").glob("*.md")):
        if md.name.count(".") > 1 or md.name == "index.md":
            continue  # the audit and the worksheet; the index
        reasons = re.findall(r"^<sub>\((\d+)\) (.*)</sub>$", md.read_text(encoding="utf-8"), re.MULTILINE)
        assert reasons, md
        for number, reason in reasons:
            words = re.sub(r"\$[^$]*\$", " ", reason)
            assert not any(phrase in words for phrase in english), f"{md.name} ({number}): {reason}"


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
        InputError, match=r"^missing translation: 1 text\(s\) .*\n  \S+conftest.py:\d+: tiny-specials: step 'start' has no zh text$"
    ):
        render.render([derivation], report.derivations, ["zh"], ["md"], tmp_path)
    render.render([derivation], report.derivations, ["en"], ["md"], tmp_path)  # English is complete


# Names and titles a Chinese text keeps in their original language: people, journals (abbreviated),
# works cited that have no Chinese edition, programs, and a few mathematical operators.
PROPER_NAMES = {
    "Hodgkin", "Huxley", "Katz", "Goldman", "Nernst", "Planck", "Einstein", "Boltzmann", "Maxwell", "Stokes",
    "Rushton", "Waxman", "Bennett", "McIntyre", "Richardson", "Grill", "McNeal", "Hille", "Dayan", "Abbott",
    "Gerstner", "Kistler", "Naud", "Paninski", "Purves", "Purcell", "Landau", "Lifshitz", "Longsworth", "Nelson",
    "Feynman", "Fick", "Ornstein", "Uhlenbeck", "Crank", "Nicolson", "Hopf", "Ranvier", "Kutta", "Runge",
    "Perrin", "Brown", "Young", "Ohm", "Kirchhoff", "Jacobi", "Hursh", "Waxman", "Rall", "Neher", "Sakmann",
    "Hopfield", "Schultz", "Montague", "Aggarwal", "Bezanilla", "MacKinnon", "McCormack", "Schoppa", "Sigworth",
    "Tanouye", "Shaker", "Neuron", "Rev", "Muscle", "Nerve", "Exp", "Neurol", "Proc", "Natl", "Acad", "USA", "Science",
    "Physiol", "Phys", "Chem", "Soc", "Ann", "Gen", "Trans", "Camb", "Phil", "Nature", "New", "Biol",
    "Neurophysiol", "Biomed", "Eng", "Sci", "IAPWS", "CRC", "BIPM", "IEEE",
    "Bernstein", "Mullins", "Noda", "Skou", "Cole", "Marmont", "Rinzel", "ATP",
    "GHK", "SymPy", "NumPy", "SciPy", "neuroderive", "nsolve", "brentq", "dsolve", "Var", "exp",
}
ORIGINAL_TITLES = (
    "Ion Channels of Excitable Membranes", "Theoretical Neuroscience", "Neuronal Dynamics", "Neuroscience",
    "The Conduction of the Nervous Impulse",
    "Release on the IAPWS Formulation 2008 for the Viscosity of Ordinary Water Substance",
    "Handbook of Chemistry and Physics",
    # journals, abbreviated as they are cited
    "Pflügers Arch.", "Biochim. Biophys. Acta", "Lect. Notes Biomath.", "Cold Spring Harb. Symp. Quant. Biol.",
    "J. Cell. Comp. Physiol.", "Arch. Sci. Physiol.",
)


def _chinese_prose(markdown: str) -> str:
    """A zh handout without its mathematics, code, link targets, anchors and titles kept in the original."""
    text = re.sub(r"^\$\$\n.*?\n\$\$$", " ", markdown, flags=re.S | re.M)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", text)  # a figure's alt text repeats its caption, checked below it
    text = re.sub(r"\$[^$\n]+\$", " ", text)
    text = re.sub(r"`[^`\n]*`", " ", text)
    text = re.sub(r"\]\([^)\s]*\)", "]", text)
    text = re.sub(r"<[^>]*>", " ", text)
    text = re.sub(r"--[a-z-]+", " ", text)  # command-line options are code
    for title in ORIGINAL_TITLES:
        text = text.replace(title, " ")
    return text


def test_the_chinese_handouts_have_no_english_words_outside_math_code_proper_names_and_titles(library):
    for md in sorted((library / "zh").glob("*.md")):
        words = re.findall(r"(?<![A-Za-z\\])[A-Za-z]{3,}(?![A-Za-z])", _chinese_prose(md.read_text(encoding="utf-8")))
        english = sorted({w for w in words if w not in PROPER_NAMES})
        assert not english, f"{md.name}: English in the Chinese handout: {english}"


def test_the_english_words_test_would_catch_an_english_sentence():
    assert re.findall(r"(?<![A-Za-z\\])[A-Za-z]{3,}(?![A-Za-z])", _chinese_prose("电荷守恒 (Kirchhoff's current law)。"))
    assert not re.findall(r"(?<![A-Za-z\\])[A-Za-z]{3,}(?![A-Za-z])", _chinese_prose("电压 $V_{\\mathrm{rest}}$ 与 `spike-height`"))


CJK = "[\u3400-\u9fff]"
HALF_WIDTH_AFTER_CHINESE = re.compile(CJK + r"[,.:;!?]|[,:;](?= ?" + CJK + r")|\([^()$]*" + CJK + r"[^()$]*\)")


def test_chinese_text_is_followed_by_full_width_punctuation(library):
    for md in sorted((library / "zh").glob("*.md")):
        prose = _chinese_prose(md.read_text(encoding="utf-8"))
        found = [prose[max(0, m.start() - 12):m.end() + 4] for m in HALF_WIDTH_AFTER_CHINESE.finditer(prose)]
        assert not found, f"{md.name}: half-width punctuation after Chinese text: {found}"


def test_the_punctuation_test_would_catch_a_half_width_comma_or_colon():
    assert HALF_WIDTH_AFTER_CHINESE.search("电压,电流")
    assert HALF_WIDTH_AFTER_CHINESE.search("**问题:** 为什么")
    assert not HALF_WIDTH_AFTER_CHINESE.search("电压，电流：$V$ (mV)")
