"""The one view model every format renders: what a handout and the index say, in one language.

Nothing here knows Markdown, LaTeX or HTML. Prose is plain text, formulas are `Math` (LaTeX
source, as SymPy prints it), references to steps are `Ref`s, links to other handouts are
`Link`s, and a rule's phrase is a `Phrase` whose template is translated and whose fields are
any of these. Each format's filters (derive/render/formats.py) turn them into its own markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Union

import sympy as sp

from derive.model import Derivation, Expect, Figure, InputError, RuleKind
from derive.render import notation
from derive.render.strings import Strings, translated
from derive.report import DerivationResult, Status


@dataclass(frozen=True)
class Math:
    """A formula, as LaTeX source."""

    latex: str


@dataclass(frozen=True)
class Ref:
    """A reference to a step of the same handout: its label and number."""

    label: str
    number: int


@dataclass(frozen=True)
class Link:
    """A link to another handout; each format adds its own file extension to `stem`."""

    stem: str
    id: str
    title: str
    section: str


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
    title: str
    question: str
    prerequisites: list[Link]
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
    handouts: list[HandoutView]  # in the outline's order: what the book collects


STATUS_ORDER = [s.value for s in Status]


def stem_of(derivation: Derivation) -> str:
    """The file name of a handout: its module's name (random_walk), else its id."""
    return derivation.module.rsplit(".", 1)[-1] or derivation.id


def outline_key(section: str) -> tuple[int, ...]:
    """'1.2.10' sorts after '1.2.9'; sections that are not numbers go last."""
    try:
        return tuple(int(part) for part in section.split("."))
    except ValueError:
        return (10**6,)


def in_outline_order(derivations: Sequence[Derivation]) -> list[Derivation]:
    """The handouts as the article's outline orders them (stable within a section)."""
    return sorted(derivations, key=lambda d: outline_key(d.section))


def link(derivation: Derivation, lang: str) -> Link:
    return Link(
        stem_of(derivation),
        derivation.id,
        translated(derivation.title, lang, f"{derivation.id}: the title"),
        derivation.section,
    )


def handout(
    derivation: Derivation,
    result: DerivationResult,
    t: Strings,
    *,
    known: Sequence[Derivation] = (),
    following: Derivation | None = None,
) -> HandoutView:
    """The view of one checked handout; `known` are the handouts it may link to as prerequisites."""
    lang = t.lang
    printer = notation.printer_for(derivation)
    where = derivation.id

    def words(text: Any, what: str) -> str:
        return translated(text, lang, f"{where}: {what}")

    numbers = {step.label: number for number, step in enumerate(derivation.steps, start=1)}
    steps = [
        _step(derivation, step, outcome, t, printer, numbers, words)
        for step, outcome in zip(derivation.steps, result.steps)
    ]
    quoted = {s.by.derivation_id for s in derivation.steps if hasattr(s.by, "derivation_id")}
    counts = result.counts()
    return HandoutView(
        lang=lang,
        t=t,
        id=derivation.id,
        stem=stem_of(derivation),
        section=derivation.section,
        title=words(derivation.title, "the title"),
        question=words(derivation.question, "the question"),
        prerequisites=[link(d, lang) for d in in_outline_order(known) if d.id in quoted],
        next=link(following, lang) if following else None,
        passed=result.passed,
        summary=[(s, t[f"status_{s.replace('-', '_')}"], counts[s]) for s in STATUS_ORDER if s in counts],
        checks_passed=sum(c.passed for c in result.checks),
        symbolic_only=result.checks_skipped,
        assumptions=[words(a, "an assumption") for a in derivation.assumptions],
        independent=[
            tuple(Math(printer.doprint(v)) for v in sorted(g.variables, key=str))
            for g in derivation.independent
        ],
        symbols=[
            SymbolView(
                Math(notation.latex_symbol(q, printer)),
                words(q.meaning, f"the meaning of {q.name}"),
                Math(notation.latex_unit(q)),
            )
            for q in derivation.symbols
        ],
        steps=steps,
        checks=[
            CheckView(
                name=numeric.name,
                step=Ref(numeric.step, numbers[numeric.step]) if numeric.step in numbers else None,
                description=words(numeric.description, f"check '{numeric.name}'"),
                prediction=f"{outcome.prediction:.6g}",
                estimate=f"{outcome.estimate:.6g} ± {outcome.stderr:.2g}",
                tolerance=f"{outcome.tolerance:.2g}",
                passed=outcome.passed,
                expect_refuted=numeric.expect is Expect.REFUTED,
            )
            for numeric, outcome in zip(derivation.checks, result.checks)
        ],
        figures=[
            FigureView(f.name, f"{stem_of(derivation)}-{f.name}", words(f.caption, f"figure '{f.name}'"), f)
            for f in derivation.figures
        ],
        sources=list(derivation.sources),
    )


def _step(
    derivation: Derivation,
    step: Any,
    outcome: Any,
    t: Strings,
    printer: notation.HandoutPrinter,
    numbers: dict[str, int],
    words: Callable[[Any, str], str],
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
        claim=Math(notation.latex_claim(step.claim, printer)),
        sides=notation.claim_sides(step.claim, printer),
        prose=words(step.prose, f"step '{step.label}'"),
        rule=rule_phrase(step.by, t, printer, numbers),
        status=status.value,
        status_text=status_text,
        axiom=step.by.kind is RuleKind.AXIOM,
        refuted=step.expect is Expect.REFUTED,
        side_conditions=[condition_phrase(c, t, printer) for c in outcome.side_conditions],
        counterexample=_counterexample(outcome.counterexample, t, printer)
        if outcome.counterexample
        else None,
        correction=correction,
        explanation=outcome.explain() if status is not Status.REFUTED else "",
    )


def condition_phrase(condition: str, t: Strings, printer: notation.HandoutPrinter) -> Phrase:
    """A side condition in the handout's language (derive.by.Condition carries its wording)."""
    wording = getattr(condition, "wording", None)
    if wording is None:
        raise InputError(f"the side condition {condition!r} has no wording for the handouts (use by.Condition)")
    return _phrase(wording, t, printer, {}, "cond_")


def rule_phrase(rule: Any, t: Strings, printer: notation.HandoutPrinter, numbers: dict[str, int]) -> Phrase:
    """The rule's wording (derive/by.py) in the handout's language, its fields ready to print."""
    try:
        wording = rule.wording()
    except (AttributeError, NotImplementedError) as error:
        raise InputError(f"the rule {rule.describe()!r} has no wording for the handouts: {error}") from error
    return _phrase(wording, t, printer, numbers, "rule_")


def _phrase(wording: Any, t: Strings, printer: notation.HandoutPrinter, numbers: dict[str, int],
            prefix: str) -> Phrase:
    fields: dict[str, Part] = {}
    for name, value in wording.fields.items():
        if isinstance(value, tuple) and all(isinstance(v, str) for v in value):
            fields[name] = tuple(Ref(label, numbers.get(label, 0)) for label in value)
        elif isinstance(value, tuple):
            fields[name] = tuple(Math(printer.doprint(v)) for v in value)
        elif isinstance(value, dict):
            fields[name] = Math(
                ", ".join(
                    f"{printer.doprint(k)} = {notation.latex_value(v, printer)}" for k, v in value.items()
                )
            )
        elif isinstance(value, sp.Basic):
            fields[name] = Math(printer.doprint(value))
        else:
            fields[name] = str(value)
    return Phrase(t[f"{prefix}{wording.key}"], fields, t.list_separator, t.list_last)


def _counterexample(found: Any, t: Strings, printer: notation.HandoutPrinter) -> Phrase:
    values = Math(
        ", ".join(f"{printer.doprint(sp.Symbol(name))} = {value}" for name, value in found.values.items())
    )
    return Phrase(
        t.counterexample_at,
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


def index(handouts: list[HandoutView], titles: dict[str, str], t: Strings) -> IndexView:
    """The index: the outline's sections, each with its handouts; parents of sections included."""
    numbers: set[str] = set()
    for h in handouts:
        parts = h.section.split(".")
        numbers.update(".".join(parts[:k]) for k in range(1, len(parts) + 1))
    sections = [
        SectionView(
            number, titles.get(number, ""), number.count("."), [h for h in handouts if h.section == number]
        )
        for number in sorted(numbers, key=outline_key)
    ]
    return IndexView(t.lang, t, sections, handouts)
