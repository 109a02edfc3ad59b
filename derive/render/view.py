"""The one view model every format renders: what a handout and the index say, in one language.

Nothing here knows Markdown, LaTeX or HTML. Prose is plain text, formulas are `Math` (LaTeX
source, as SymPy prints it), references to steps are `Ref`s, links to other handouts are
`Link`s, and a rule's phrase is a `Phrase` whose template is translated and whose fields are
any of these. Each format's filters (derive/render/formats.py) turn them into its own markup.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Union

import sympy as sp
from sympy.core.function import AppliedUndef

from derive import registry
from derive.model import Derivation, Expect, Figure, InputError, RuleKind, Text
from derive.render import notation
from derive.render.strings import Strings, translated
from derive.report import DerivationResult, Status


@dataclass(frozen=True)
class Math:
    """A formula, as LaTeX source."""

    latex: str


@dataclass(frozen=True)
class Ref:
    """A reference to a step of the same handout: its label and number. A `bare` reference is
    the student's: the equation number alone, "(5)", with no label."""

    label: str
    number: int
    bare: bool = False


@dataclass(frozen=True)
class Link:
    """A link to another handout; each format adds its own file extension to `stem`."""

    stem: str
    id: str
    title: str  # a Prose when made by link()
    section: str


class Prose(str):
    """Prose, as plain text, and the same split into words and formulas: the symbols a sentence
    names (R_i, k_B T, a/(2R_i)) are set as mathematics, like the equations."""

    parts: tuple

    def __new__(cls, text: str, parts: Sequence[Any] = ()) -> "Prose":
        made = super().__new__(cls, text)
        made.parts = tuple(parts) if parts else (str(text),)
        return made


Part = Union[str, Math, Link, tuple]  # a tuple holds Refs or Maths, shown as a list


@dataclass(frozen=True)
class Phrase:
    """Translated words with {fields} to fill in, e.g. "by substituting {labels} into {into}"."""

    template: str
    fields: dict[str, Part]
    separator: str  # between the items of a list but the last two: ", "
    last: str  # between the last two items of a list: " and "


@dataclass(frozen=True)
class StepView:
    number: int
    label: str
    claim: Math
    sides: tuple[str, str, str]  # left side, relation, right side: LaTeX sets long claims on two lines
    prose: str
    rule: Phrase
    status: str  # the Status value: "proved", "axiom", ...
    status_text: str  # the status in words, in the handout's language
    axiom: bool
    refuted: bool
    side_conditions: list[Phrase]
    counterexample: Phrase | None
    correction: tuple[Ref, Math] | None  # for a refuted claim: the step that states it correctly
    explanation: str  # the checker's report of a failed step (English, as on the command line)
    heading: Prose | None = None  # a section of the handout starts here
    exercise: str = ""  # the label of the exercise whose worked solution this step is part of
    justification: Phrase | None = None  # the student's phrase: "by substituting (3) into (5)", "definition"
    failed: bool = False  # a step that did not pass (rendered with --even-if-failed): marked in every view
    counterexample_plain: Phrase | None = None  # the counterexample without the checker's names of the sides


@dataclass(frozen=True)
class ExerciseView:
    """An exercise: its question, its worked solution (steps checked like the handout's) and answer."""

    number: int
    label: str
    question: Prose
    answer: Prose
    steps: list[StepView]


@dataclass(frozen=True)
class CheckView:
    name: str
    step: Ref | None
    description: str
    prediction: str
    estimate: str
    tolerance: str
    passed: bool
    expect_refuted: bool


@dataclass(frozen=True)
class FigureView:
    """A figure: drawn by derive/render/figures.py, written once to figures/<file>.svg|.pdf."""

    name: str
    file: str  # "<handout stem>-<figure name>", without extension
    caption: str
    figure: Figure = field(repr=False)


@dataclass(frozen=True)
class SymbolView:
    symbol: Math
    meaning: str
    unit: Math


@dataclass(frozen=True)
class HandoutView:
    lang: str
    t: Strings
    id: str
    stem: str
    section: str
    title: Prose
    question: Prose
    prerequisites: list[Link]
    needs: Prose  # what else the reader needs ("" for school mathematics alone)
    position: int  # place in the reading order: every prerequisite comes earlier
    next: Link | None
    passed: bool
    summary: list[tuple[str, str, int]]  # (status, words, count) in a fixed order
    checks_passed: int
    symbolic_only: bool
    assumptions: list[str]
    independent: list[tuple[Math, ...]]
    symbols: list[SymbolView]
    steps: list[StepView]
    checks: list[CheckView]
    figures: list[FigureView]
    sources: list[str]
    key_ideas: list[Prose] = field(default_factory=list)
    exercises: list[ExerciseView] = field(default_factory=list)
    views: tuple[str, ...] = ("student", "audit", "worksheet")  # the views rendered, for the links between them
    seed: int | None = None  # the simulations' seed (`--seed`), shown in the audit

    @property
    def body(self) -> list[StepView]:
        """The handout's own steps, without the exercises' worked solutions."""
        return [s for s in self.steps if not s.exercise]

    @property
    def stated(self) -> int:
        """How many steps are stated, not derived: definitions, assumptions, laws, measured values."""
        return sum(s.axiom for s in self.steps)

    @property
    def derived(self) -> int:
        """How many steps are derived and passed their checks (proved, or checked numerically)."""
        return sum(s.status in ("proved", "numerically-only") for s in self.steps)

    def count(self, status: str) -> int:
        return sum(s.status == status for s in self.steps)


@dataclass(frozen=True)
class SectionView:
    number: str
    title: str  # from the seed article's outline; "" for a section it does not have
    depth: int
    handouts: list[HandoutView]


@dataclass(frozen=True)
class IndexView:
    lang: str
    t: Strings
    sections: list[SectionView]
    handouts: list[HandoutView]  # in reading order (prerequisites first): what the index lists and the book collects
    outline: dict[str, str] = field(default_factory=dict)  # the seed article's section titles by number
    introduction: list[Prose] = field(default_factory=list)  # paragraphs, shown with the library's handouts
    references: list[str] = field(default_factory=list)
    views: tuple[str, ...] = ("student", "audit", "worksheet")


STATUS_ORDER = [s.value for s in Status]


def stem_of(derivation: Derivation) -> str:
    """The file name of a handout: its module's name (random_walk), else its id."""
    return derivation.module.rsplit(".", 1)[-1] or derivation.id


def needs(derivation: Derivation) -> Text | None:
    """The mathematics a handout needs beyond school (its module's `NEEDS`), None for school alone."""
    return registry.module_attribute(derivation, "NEEDS", None)


# Works every handout cites, as a Chinese reader finds them: the Chinese editions of Nelson and
# Feynman (which the seed article cites), other titles in their original language.
SOURCES_ZH = {
    "The source article, 高中生也能看懂的的神经科学数学基础 (“Neuroscience maths a high-school student can follow”)": "原文《高中生也能看懂的的神经科学数学基础》",
    "A. L. Hodgkin and A. F. Huxley, J. Physiol. 117, 500 (1952)": "A. L. Hodgkin 和 A. F. Huxley，J. Physiol. 117, 500 (1952)",
    "P. Nelson, Biological Physics: Energy, Information, Life (2004)":
        "P. Nelson，《生物物理学：能量、信息、生命》（中译本；英文原版 2004 年）",
    "P. Nelson, Biological Physics (2004)": "P. Nelson，《生物物理学：能量、信息、生命》（中译本；英文原版 2004 年）",
    "R. P. Feynman, The Feynman Lectures on Physics, vol. I (1963)":
        "R. P. Feynman，《费恩曼物理学讲义》第 1 卷（中译本；英文原版 1963 年）",
    "B. Hille, Ion Channels of Excitable Membranes, 3rd ed. (2001)": "B. Hille，Ion Channels of Excitable Membranes，第 3 版 (2001)",
    "P. Dayan and L. F. Abbott, Theoretical Neuroscience (2001)": "P. Dayan 和 L. F. Abbott，Theoretical Neuroscience (2001)",
    "The International System of Units (SI), 9th ed. (BIPM, 2019)": "《国际单位制（SI）》第 9 版（BIPM，2019）",
}


def citation(text: str, derivation: Derivation, lang: str) -> str:
    """A source as the handout's language cites it: in Chinese, the module's `SOURCES_ZH` gives the
    Chinese edition or a translated gloss ("k_B is exact"); a source cited with a page or an equation
    after it (HH 1952, eq. 7) is translated by its longest known beginning, the rest by `_zh_locator`."""
    if lang != "zh":
        return text
    table = {**SOURCES_ZH, **registry.module_attribute(derivation, "SOURCES_ZH", {})}
    parts = re.split(r"; (?![^()]*\))", text)  # works cited together, not a gloss's own semicolon
    return "；".join(_zh_source(part, table) for part in parts)


def _zh_source(text: str, table: dict[str, str]) -> str:
    if text in table:
        return table[text]
    for english in sorted(table, key=len, reverse=True):
        if text.startswith(english):
            return table[english] + _zh_locator(text[len(english):], table)
    return text


def _zh_locator(rest: str, table: dict[str, str]) -> str:
    """", eq. 7" as "，式 7", ", p. 505" as "，第 505 页", ", Table 3" as "，表 3"; a gloss in
    parentheses, "(the relation)", by the table."""
    rest = re.sub(r" ?\(([^()]*)\)", lambda m: f"（{table[m.group(1)]}）" if m.group(1) in table else m.group(0), rest)
    for english, chinese in ((r",\s*", "，"), (r"\beqs?\.\s*", "式 "), (r"\bpp?\.\s*(\d+(?:-\d+)?)", r"第 \1 页"),
                             (r"\bTable\s+", "表 "), (r"\bFigs?\.\s*", "图 "), (r"\bch\.\s*(\d+)", r"第 \1 章"),
                             (r"\b(\d+)(?:st|nd|rd|th) ed\.", r"第 \1 版"), (r" and ", "、")):
        rest = re.sub(english, chinese, rest)
    return rest


def link(derivation: Derivation, lang: str, short: bool = False) -> Link:
    """A link to a handout, its title with the symbols it names set as mathematics; `short`, the
    title before its colon (a reason cites "Equipartition, equation (6)", not the whole title)."""
    title = translated(derivation.title, lang, f"{derivation.id}: the title")
    if short:
        title = re.split(r"[:：]", title, maxsplit=1)[0].strip() or title
    printer = notation.printer_for(derivation)
    parts = [Math(p) if isinstance(p, notation.MathText) else p
             for p in notation.prose_parts(title, printer, derivation)]
    return Link(stem_of(derivation), derivation.id, Prose(title, parts), derivation.section)


def handout(
    derivation: Derivation,
    result: DerivationResult,
    t: Strings,
    *,
    known: Sequence[Derivation] = (),
    following: Derivation | None = None,
    views: Sequence[str] = ("student", "audit", "worksheet"),
    seed: int | None = None,
) -> HandoutView:
    """The view of one checked handout; `known` are the handouts it may link to as prerequisites."""
    lang = t.lang
    printer = notation.printer_for(derivation)
    where = derivation.id

    def words(text: Any, what: str) -> str:
        return translated(text, lang, f"{where}: {what}")

    def prose(text: Any, what: str) -> Prose:
        plain = words(text, what)
        return Prose(plain, [Math(p) if isinstance(p, notation.MathText) else p
                             for p in notation.prose_parts(plain, printer, derivation)])

    numbers = {step.label: number for number, step in enumerate(derivation.steps, start=1)}
    steps = [
        _step(derivation, step, outcome, t, printer, numbers, prose, known)
        for step, outcome in zip(derivation.steps, result.steps)
    ]
    exercises = [
        ExerciseView(
            number,
            exercise.label,
            prose(exercise.question, f"exercise '{exercise.label}'"),
            prose(exercise.answer, f"the answer of exercise '{exercise.label}'"),
            [s for s in steps if s.exercise == exercise.label],
        )
        for number, exercise in enumerate(derivation.exercises, start=1)
    ]
    before = registry.prerequisites(derivation)
    reading = [d.id for d in registry.in_reading_order(list(known) or [derivation])]
    applied = _first_applications(derivation)
    counts = result.counts()
    return HandoutView(
        lang=lang,
        t=t,
        id=derivation.id,
        stem=stem_of(derivation),
        section=derivation.section,
        title=prose(derivation.title, "the title"),
        question=prose(derivation.question, "the question"),
        prerequisites=[link(d, lang) for d in registry.in_reading_order(known) if d.id in before],
        needs=prose(needs(derivation), "what it needs") if needs(derivation) else Prose(""),
        position=reading.index(derivation.id) if derivation.id in reading else len(reading),
        next=link(following, lang) if following else None,
        passed=result.passed,
        summary=[(s, t[f"status_{s.replace('-', '_')}"], counts[s]) for s in STATUS_ORDER if s in counts],
        checks_passed=sum(c.passed for c in result.checks),
        symbolic_only=result.checks_skipped,
        assumptions=[prose(a, "an assumption") for a in derivation.assumptions],
        independent=[
            tuple(Math(printer.doprint(v)) for v in sorted(g.variables, key=str))
            for g in derivation.independent
        ],
        symbols=[
            SymbolView(
                Math(notation.latex_symbol(q, printer, applied.get(q.head))),
                prose(q.meaning, f"the meaning of {q.name}"),
                Math(notation.latex_unit(q)),
            )
            for q in derivation.symbols
            if not notation.is_unit_symbol(q)  # mV, ms: units, not symbols of the handout
        ],
        steps=steps,
        checks=[
            CheckView(
                name=numeric.name,
                step=Ref(numeric.step, numbers[numeric.step]) if numeric.step in numbers else None,
                description=prose(numeric.description, f"check '{numeric.name}'"),
                prediction=f"{outcome.prediction:.6g}",
                estimate=f"{outcome.estimate:.6g} ± {outcome.stderr:.2g}",
                tolerance=f"{outcome.tolerance:.2g}",
                passed=outcome.passed,
                expect_refuted=numeric.expect is Expect.REFUTED,
            )
            for numeric, outcome in zip(derivation.checks, result.checks)
        ],
        figures=[
            FigureView(f.name, f"{stem_of(derivation)}-{f.name}", prose(f.caption, f"figure '{f.name}'"), f)
            for f in derivation.figures
        ],
        sources=[citation(s, derivation, lang) for s in derivation.sources],
        key_ideas=[prose(k, f"key idea {i}") for i, k in enumerate(derivation.key_ideas, start=1)],
        exercises=exercises,
        views=tuple(views),
        seed=None if result.checks_skipped else seed,
    )


def _first_applications(derivation: Derivation) -> dict[Any, sp.Basic]:
    """Each function's first application to symbols alone in the steps (θ(a, R_i)), for the symbols table."""
    found: dict[Any, sp.Basic] = {}
    for step in derivation.steps:
        for side in (step.claim.lhs, step.claim.rhs):
            for applied in sp.preorder_traversal(side):
                if (isinstance(applied, AppliedUndef) and applied.func not in found
                        and all(isinstance(a, sp.Symbol) for a in applied.args)):
                    found[applied.func] = applied
    return found


def _stated(derivation: Derivation, step: Any) -> int | None:
    """The significant figures a step states its value to: an evaluation's, or those of the check
    that measures it."""
    if isinstance(getattr(step.by, "digits", None), int):
        return step.by.digits
    for check in derivation.checks:
        if check.step == step.label and check.digits:
            return check.digits
    return None


def _step(
    derivation: Derivation,
    step: Any,
    outcome: Any,
    t: Strings,
    printer: notation.HandoutPrinter,
    numbers: dict[str, int],
    words: Callable[[Any, str], str],
    known: Sequence[Derivation] = (),
) -> StepView:
    status = outcome.status
    if status is Status.NUMERIC:
        status_text = t["status_numeric"].format(points=outcome.points, digits=outcome.digits)
    else:
        status_text = t[f"status_{status.value.replace('-', '_')}"]
    correction = None
    if step.correction:
        right = derivation.step(step.correction)
        correction = (
            Ref(right.label, numbers[right.label]),
            Math(notation.latex_claim(right.claim, printer)),
        )
    return StepView(
        number=outcome.number,
        label=step.label,
        claim=Math(notation.latex_claim(step.claim, printer, _stated(derivation, step))),
        sides=notation.claim_sides(step.claim, printer, _stated(derivation, step)),
        prose=words(step.prose, f"step '{step.label}'"),
        rule=rule_phrase(step.by, t, printer, numbers, lambda s: citation(s, derivation, t.lang)),
        status=status.value,
        status_text=status_text,
        axiom=step.by.kind is RuleKind.AXIOM,
        refuted=step.expect is Expect.REFUTED,
        side_conditions=[condition_phrase(c, t, printer) for c in outcome.side_conditions],
        counterexample=_counterexample(outcome.counterexample, t, printer, names=_names(derivation))
        if outcome.counterexample
        else None,
        correction=correction,
        explanation=outcome.explain() if status is not Status.REFUTED else "",
        heading=words(step.heading, f"the heading at step '{step.label}'") if step.heading else None,
        exercise=step.exercise.label if step.exercise else "",
        justification=student_phrase(derivation, step, t, printer, numbers, known, words),
        failed=not status.ok,
        counterexample_plain=_counterexample(outcome.counterexample, t, printer, t.counterexample_plain,
                                             _names(derivation))
        if outcome.counterexample
        else None,
    )


_NAMES = frozenset("""Boltzmann Brownian Crank Einstein Euler Fick Gaussian Goldman Hursh Kirchhoff
    Langevin Maxwell Monte Nernst Ohm Perrin Poisson Richardson""".split())


def mid_sentence(text: str) -> str:
    """A description written as a sentence, as it reads after a colon: "measured in a simulation:
    the same with ...", while names, symbols and acronyms keep their capitals (Hodgkin-Huxley, V, HH)."""
    first = re.match(r"[A-Z][a-z]+(?=[\s,;:]|$)", text)
    if first is None or first.group() in _NAMES:
        return text
    return text[0].lower() + text[1:]


def student_phrase(derivation: Derivation, step: Any, t: Strings, printer: notation.HandoutPrinter,
                   numbers: dict[str, int], known: Sequence[Derivation],
                   words: Callable[[Any, str], str]) -> Phrase:
    """A step's justification as a student reads it: what a stated step is (definition, assumption,
    from a source, measured in a simulation named in words), and a derived step's rule with its
    premises as equation numbers, "(5)", never as labels."""
    wording = step.by.wording() if hasattr(step.by, "wording") else None
    key = getattr(wording, "key", "")
    if key in ("given", "definition"):
        return Phrase(t[f"just_{key}"], {}, t.list_separator, t.list_last)
    if key == "cited":
        return Phrase(t.just_cited, {"source": citation(str(wording.fields["source"]), derivation, t.lang)},
                      t.list_separator, t.list_last)
    if key == "measured":
        check = next((c for c in derivation.checks if c.name == wording.fields["source"]), None)
        what = mid_sentence(words(check.description, f"check '{check.name}'")) if check else ""
        return Phrase(t.just_measured if what else t.just_measured_unnamed, {"check": what},
                      t.list_separator, t.list_last)
    if key == "earlier_result":
        other = next((d for d in known if d.id == wording.fields["handout"]), None)
        if other is not None:
            number = other.labels.index(wording.fields["step"]) + 1 if wording.fields["step"] in other.labels else 0
            return Phrase(t.just_earlier_result, {"handout": link(other, t.lang, short=True), "number": f"({number})"},
                          t.list_separator, t.list_last)
        return Phrase(t.just_earlier_result_elsewhere, {}, t.list_separator, t.list_last)
    if key == "evaluating":  # say what is evaluated: the integral, the limit
        what = next((name for kind, name in _EVALUATED if step.claim.lhs.has(kind) or step.claim.rhs.has(kind)), "")
        if what:
            return Phrase(t[f"just_evaluating_{what}"], {}, t.list_separator, t.list_last)
    phrase = rule_phrase(step.by, t, printer, numbers, lambda s: citation(s, derivation, t.lang))
    template, fields = phrase.template, {name: _bare(value) for name, value in phrase.fields.items()}
    if key == "evaluating_at":  # the values the evaluated equation uses; the figures are the audit's
        used: set[sp.Basic] = set()
        for label in wording.fields["labels"]:
            if label in derivation.labels:
                claim = derivation.steps[derivation.labels.index(label)].claim
                used |= claim.lhs.free_symbols | claim.rhs.free_symbols | claim.lhs.atoms(AppliedUndef) | claim.rhs.atoms(AppliedUndef)
        values = [(k, v) for k, v in wording.fields["values"].items() if k in used] or list(wording.fields["values"].items())
        template = t.just_evaluating_at
        fields["values"] = tuple(Math(f"{printer.doprint(k)} = {notation.latex_value(v, printer)}") for k, v in values)
    return Phrase(template, fields, phrase.separator, phrase.last)


_EVALUATED = ((sp.Integral, "integral"), (sp.Limit, "limit"), (sp.Sum, "sum"), (sp.Derivative, "derivative"))


def _bare(value: Part) -> Part:
    """Step references as equation numbers alone."""
    if isinstance(value, Ref):
        return Ref(value.label, value.number, bare=True)
    if isinstance(value, tuple):
        return tuple(_bare(v) for v in value)
    return value


def _names(derivation: Derivation) -> dict[str, sp.Basic]:
    """The symbols of a handout by name, so a counterexample's values print as its symbols do."""
    return {str(q.head): q.head for q in derivation.symbols if isinstance(q.head, sp.Symbol)}


def condition_phrase(condition: str, t: Strings, printer: notation.HandoutPrinter) -> Phrase:
    """A side condition in the handout's language (derive.by.Condition carries its wording)."""
    wording = getattr(condition, "wording", None)
    if wording is None:
        raise InputError(f"the side condition {condition!r} has no wording for the handouts (use by.Condition)")
    return _phrase(wording, t, printer, {}, "cond_")


def rule_phrase(rule: Any, t: Strings, printer: notation.HandoutPrinter, numbers: dict[str, int],
                cited: Callable[[str], str] = str) -> Phrase:
    """The rule's wording (derive/by.py) in the handout's language, its fields ready to print;
    `cited` translates a cited source."""
    try:
        wording = rule.wording()
    except (AttributeError, NotImplementedError) as error:
        raise InputError(f"the rule {rule.describe()!r} has no wording for the handouts: {error}") from error
    return _phrase(wording, t, printer, numbers, "rule_", cited)


def _phrase(wording: Any, t: Strings, printer: notation.HandoutPrinter, numbers: dict[str, int],
            prefix: str, cited: Callable[[str], str] = str) -> Phrase:
    fields: dict[str, Part] = {}
    for name, value in wording.fields.items():
        if (wording.key, name) in {("measured", "source"), ("earlier_result", "handout"), ("earlier_result", "step")}:
            fields[name] = Ref(str(value), 0)  # a check's, handout's or other handout's step's id: code, like a label
        elif wording.key == "cited" and name == "source":
            fields[name] = cited(str(value))
        elif isinstance(value, tuple) and all(isinstance(v, str) for v in value):
            fields[name] = tuple(Ref(label, numbers.get(label, 0)) for label in value)
        elif isinstance(value, tuple):
            fields[name] = tuple(Math(printer.doprint(v)) for v in value)
        elif isinstance(value, dict):  # each value its own formula, so a long list can wrap on a phone
            fields[name] = tuple(Math(f"{printer.doprint(k)} = {notation.latex_value(v, printer)}")
                                 for k, v in value.items())
        elif isinstance(value, sp.Basic):
            fields[name] = Math(printer.doprint(value))
        else:
            fields[name] = str(value)
    return Phrase(t[f"{prefix}{wording.key}"], fields, t.list_separator, t.list_last)


def _counterexample(found: Any, t: Strings, printer: notation.HandoutPrinter, template: str = "",
                    names: dict[str, sp.Basic] | None = None) -> Phrase:
    names = names or {}
    values = Math(", ".join(f"{printer.doprint(names.get(name, sp.Symbol(name)))} = {value}"
                            for name, value in found.values.items()))
    return Phrase(
        template or t.counterexample_at,
        {
            "values": values,
            "claimed": found.claimed,
            "produced": found.produced,
            "claimed_side": found.claimed_side,
            "produced_side": found.produced_side,
        },
        t.list_separator,
        t.list_last,
    )


def index(handouts: list[HandoutView], titles: dict[str, str], t: Strings, *,
          introduction: Sequence[Prose] = (), references: Sequence[str] = (),
          views: Sequence[str] = ("student", "audit", "worksheet")) -> IndexView:
    """The index: the handouts in reading order (each after its prerequisites), and the outline's
    sections with their handouts (parents of sections included), for the section titles."""
    handouts = sorted(handouts, key=lambda h: h.position)
    numbers: set[str] = set()
    for h in handouts:
        parts = h.section.split(".")
        numbers.update(".".join(parts[:k]) for k in range(1, len(parts) + 1))
    sections = [
        SectionView(
            number, titles.get(number, ""), number.count("."), [h for h in handouts if h.section == number]
        )
        for number in sorted(numbers, key=registry.section_key)
    ]
    return IndexView(t.lang, t, sections, handouts, dict(titles), list(introduction), list(references), tuple(views))
