"""The data a derivation module declares: symbols, steps and numeric checks.

Plain, frozen data. Nothing here checks anything; `derive.check` and `derive.verify` judge
it, `derive.render` presents it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from enum import Enum
from typing import Any, Protocol, Union

import numpy as np
import sympy as sp
from sympy.physics.units.dimensions import Dimension

from derive.estimate import Estimate

Params = Mapping[sp.Basic, float]


@dataclass(frozen=True)
class Text:
    """Prose in the handouts' languages; a language left empty is asked for only when a project
    renders in it (`[tool.derive] languages`), so `Text("Spike counts")` is enough in English."""

    en: str = ""
    zh: str = ""

    def __getitem__(self, lang: str) -> str:
        return {"en": self.en, "zh": self.zh}[lang]


def expression(value: Any, what: str = "a value") -> sp.Basic:
    """`value` as a SymPy object, without ever parsing text: a string (which SymPy would run
    through Python's eval) or an object SymPy has no conversion for is bad input."""
    if isinstance(value, (sp.Basic, sp.FunctionClass)):  # a SymPy object, or the head of a sequence x(n)
        return value
    if isinstance(value, str):
        raise InputError(f"{what} is the string {value!r}: write it as a SymPy expression "
                         "(strings are never parsed, since SymPy parses them with eval)")
    try:
        return sp.sympify(value, strict=True)
    except (sp.SympifyError, TypeError) as error:
        raise InputError(f"{what} must be a SymPy expression or a number, not {type(value).__name__}") from error


def Eq(lhs: Any, rhs: Any) -> sp.Equality:
    """An equation as written. SymPy's own Eq tries to decide the equation while it is built,
    which is slow for long expressions and may turn it into True; the checker decides later."""
    return sp.Eq(lhs, rhs, evaluate=False)


@dataclass(frozen=True)
class Figure:
    """A picture for the handout, drawn on demand (rendering is the only thing that draws).

    `draw()` returns a matplotlib Figure. Text inside it stays language-neutral (symbols,
    numbers and units), so one drawing serves every language; the caption is translated.
    """

    name: str
    caption: Text
    draw: Callable[[], Any]


@dataclass(frozen=True)
class Quantity:
    """A symbol of the handout: its meaning, its SI dimension and how to print it.

    `head` is a SymPy Symbol, or an undefined Function for sequences such as x(n).
    `random` marks random variables (the expectation rules treat everything else as
    constant); `distribution` is a sympy.stats random variable every instance follows.
    """

    head: sp.Symbol | sp.core.function.UndefinedFunction
    dimension: Dimension
    meaning: Text
    latex: str | None = None
    random: bool = False
    distribution: sp.Basic | None = None
    sample: tuple[float, float] | None = None

    @property
    def name(self) -> str:
        return str(self.head)


class SymbolTable:
    """Builds the symbols table of a derivation while its module declares the symbols.

    Each `add` returns the SymPy object, so a module reads `L = symbols.add("L", length, ...)`.
    """

    def __init__(self) -> None:
        self._entries: dict[str, Quantity] = {}

    def add(
        self,
        name: str,
        dimension: Dimension | int = 1,
        en: str = "",
        zh: str = "",
        *,
        latex: str | None = None,
        sample: tuple[float, float] | None = None,
        **assumptions: bool,
    ) -> sp.Symbol:
        """Declare a constant symbol with its SymPy assumptions (positive=True, ...).

        The dimension defaults to 1 (dimensionless) and the meaning to none: declare them where
        they matter (the checker tests dimensions; a handout shows meanings)."""
        return self._declare(sp.Symbol(name, **assumptions), dimension, en, zh, latex=latex, sample=sample)

    def random(
        self,
        name: str,
        dimension: Dimension | int = 1,
        en: str = "",
        zh: str = "",
        *,
        latex: str | None = None,
        distribution: sp.Basic | None = None,
        **assumptions: bool,
    ) -> sp.Symbol:
        """Declare a single random variable, optionally with its sympy.stats distribution."""
        head = sp.Symbol(name, **(assumptions or {"real": True}))
        return self._declare(head, dimension, en, zh, latex=latex, random=True, distribution=distribution)

    def random_sequence(
        self, name: str, dimension: Dimension | int = 1, en: str = "", zh: str = "", *,
        latex: str | None = None, distribution: sp.Basic | None = None,
    ) -> sp.core.function.UndefinedFunction:
        """Declare a random sequence x(n); with a distribution, every x(m) follows it."""
        head = sp.Function(name, real=True)
        return self._declare(head, dimension, en, zh, latex=latex, random=True, distribution=distribution)

    def function(
        self, name: str, dimension: Dimension | int = 1, en: str = "", zh: str = "", *,
        latex: str | None = None,
    ) -> sp.core.function.UndefinedFunction:
        """Declare an unknown function such as p(v) or V(t); `dimension` is that of its value."""
        return self._declare(sp.Function(name, real=True), dimension, en, zh, latex=latex)

    def _declare(self, head: Any, dimension: Dimension | int, en: str, zh: str, **details: Any) -> Any:
        if isinstance(dimension, str):
            raise TypeError(f"symbol {str(head)!r}: the second argument is the dimension (a sympy.physics.units "
                            f"Dimension, or 1), not the text {dimension!r}; give a meaning alone as en=...")
        self._put(Quantity(head, _dimension(dimension), Text(en, zh), **details))
        return head

    def _put(self, quantity: Quantity) -> None:
        if quantity.name in self._entries:
            raise ValueError(f"symbol {quantity.name!r} is declared twice")
        self._entries[quantity.name] = quantity

    def freeze(self) -> tuple[Quantity, ...]:
        return tuple(self._entries.values())


def _dimension(dimension: Dimension | int) -> Dimension:
    if isinstance(dimension, Dimension):
        return dimension
    if dimension == 1:
        return Dimension(1)
    raise TypeError(f"a dimension must be a sympy.physics.units Dimension or 1, not {dimension!r}")


class RuleKind(Enum):
    """Whether a justification is taken as true or checked."""

    AXIOM = "axiom"
    CHECKED = "checked"


class Expect(Enum):
    """What the checker should find: the step holds, or (for a claim we quote) it is false."""

    HOLDS = "holds"
    REFUTED = "refuted"


@dataclass(frozen=True)
class Claim:
    """An equation kept as two sides: `Eq(a, a)` would collapse to True and lose them."""

    lhs: sp.Expr
    rhs: sp.Expr
    approximate: bool = False  # shown with "≈": a truncated series or a rounded number
    order: tuple[tuple[sp.Symbol, int], ...] = ()  # holds up to terms of order small**(n + 1): (small, n)

    @classmethod
    def of(cls, statement: Any) -> Claim:
        if isinstance(statement, Claim):
            return statement
        if isinstance(statement, sp.Equality):
            return cls(statement.lhs, statement.rhs)
        if isinstance(statement, tuple) and len(statement) == 2:
            return cls(expression(statement[0], "the claim's left side"),
                       expression(statement[1], "the claim's right side"))
        if isinstance(statement, sp.logic.boolalg.BooleanAtom):
            raise ValueError(
                f"the claim evaluated to {statement} before it reached the checker; "
                "write it as Eq(lhs, rhs, evaluate=False) or as a (lhs, rhs) pair"
            )
        raise TypeError(f"a claim must be an Eq or a (lhs, rhs) pair, not {type(statement).__name__}")

    @property
    def difference(self) -> sp.Expr:
        return self.lhs - self.rhs

    def __str__(self) -> str:
        sign = "≈" if self.approximate else "="
        return f"{sp.sstr(self.lhs)} {sign} {sp.sstr(self.rhs)}"


@dataclass(frozen=True)
class Obligation:
    """What a justification asks the checker to confirm: `claimed` equals `produced`.

    `produced` is what the rule gives; `claimed` is the corresponding part of the claim.
    With `either_sign`, `claimed = -produced` also counts (an equation read right to left).
    """

    name: str
    claimed: sp.Expr
    produced: sp.Expr
    either_sign: bool = False
    shows: str = ""  # what `produced` is, for the failure report
    claimed_shows: str = "the claim"
    hint: str = ""  # a likely cause, shown when the obligation fails
    computed: str = ""  # set when `produced` came from a numerical computation (a root, eigenvalues):
    # the step can then be at best "numerically only", and this says how it was computed
    axiom: str = ""  # set when the claim is quoted from an axiom elsewhere: it stays an axiom here


class Justification(Protocol):
    """Why a step follows: an axiom, or a rule that turns premises into obligations."""

    kind: RuleKind
    premises: tuple[str, ...]

    def describe(self) -> str:
        """The handout's phrase, e.g. "by substituting 'mean-step' into 'walk'"."""
        ...

    def obligations(self, claim: Claim, context: Context) -> list[Obligation]:
        """What must be zero for the step to hold; raises PremiseError on bad references."""
        ...

    def side_conditions(self, claim: Claim, context: Context) -> tuple[str, ...]:
        """Conditions the rule needs (a divisor that is not zero, a branch of a root)."""
        ...


@dataclass(frozen=True)
class Step:
    """One line of the handout: a claim and the reason it follows."""

    label: str
    claim: Claim
    by: Justification
    prose: Text = Text("", "")
    expect: Expect = Expect.HOLDS
    location: tuple[str, int] = ("<unknown>", 0)  # file and line, for error messages
    correction: str = ""  # for a refuted claim: the label of the step that states it correctly
    heading: Text | None = None  # a section of the handout starts at this step
    exercise: Exercise | None = None  # a step of an exercise's worked solution


@dataclass(frozen=True)
class Exercise:
    """A question for the reader, whose worked solution is steps checked like the handout's own.

    Its steps come after the handout's and may use them as premises; the worksheet rendering
    prints the question without the solution.
    """

    label: str
    question: Text
    answer: Text = Text("", "")  # the result in words, after the worked steps


Simulation = Callable[[Params, np.random.Generator], Estimate]


@dataclass(frozen=True)
class NumericCheck:
    """A derived result compared with a simulation that does not use it.

    The prediction is the right-hand side of step `step`, evaluated at `at`; symbols that `at`
    does not give are replaced by the derivation's definitions. `scale` sets the size of a
    2% error when the prediction is zero.
    """

    name: str
    step: str
    simulate: Simulation
    at: Mapping[sp.Basic, Any]
    description: Text
    expect: Expect = Expect.HOLDS
    scale: sp.Expr | None = None
    location: tuple[str, int] = ("<unknown>", 0)
    reference: Simulation | None = None  # for two methods that must agree: the first, `simulate` the second
    digits: int | None = None  # the step states its value to this many significant figures
    budget: float = 120.0  # seconds of wall time the simulation may take before it is stopped


@dataclass(frozen=True)
class Independence:
    """Random variables declared mutually independent, e.g. the next step and the past."""

    variables: frozenset[sp.Basic]

    def covers(self, bases: set[sp.Basic]) -> bool:
        return len(bases) > 1 and bases <= self.variables


@dataclass(frozen=True)
class Derivation:
    """A whole handout: metadata, symbols, assumptions, steps and numeric checks."""

    id: str
    title: Text
    question: Text
    section: str
    symbols: tuple[Quantity, ...]
    steps: tuple[Step, ...]
    checks: tuple[NumericCheck, ...] = ()
    assumptions: tuple[Text, ...] = ()
    independent: tuple[Independence, ...] = ()
    sources: tuple[str, ...] = ()
    figures: tuple[Figure, ...] = ()
    module: str = ""
    key_ideas: tuple[Text, ...] = ()  # the handout's summary box: a few sentences a student keeps

    def __post_init__(self) -> None:
        labels = [s.label for s in self.steps]
        repeated = sorted({label for label in labels if labels.count(label) > 1})
        if repeated:
            raise ValueError(f"derivation {self.id!r}: step labels used twice: {', '.join(repeated)}")
        in_exercise = [s.exercise is not None for s in self.steps]
        if True in in_exercise and not all(in_exercise[in_exercise.index(True):]):
            first = self.steps[in_exercise.index(True)]
            raise ValueError(f"derivation {self.id!r}: exercise steps (from {first.label!r} on) must come after "
                             "the handout's own steps, which cannot rest on an exercise")
        runs = [s.exercise.label for i, s in enumerate(self.steps)
                if s.exercise is not None and (i == 0 or self.steps[i - 1].exercise != s.exercise)]
        if len(set(runs)) != len(runs):
            raise ValueError(f"derivation {self.id!r}: the steps of exercise "
                             f"{next(r for r in runs if runs.count(r) > 1)!r} are not together, or two "
                             "exercises share a label")
        object.__setattr__(self, "steps", _carry_approximations(self.steps))

    def step(self, label: str) -> Step:
        for candidate in self.steps:
            if candidate.label == label:
                return candidate
        raise KeyError(f"{self.id}: no step {label!r}; steps are: {', '.join(self.labels)}")

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(s.label for s in self.steps)

    @property
    def exercises(self) -> tuple[Exercise, ...]:
        """The exercises, in order, each once (their steps carry them)."""
        seen: dict[str, Exercise] = {}
        for s in self.steps:
            if s.exercise is not None and s.exercise.label not in seen:
                seen[s.exercise.label] = s.exercise
        return tuple(seen.values())

    def solution(self, exercise: Exercise) -> tuple[Step, ...]:
        """The worked solution of one exercise."""
        return tuple(s for s in self.steps if s.exercise is not None and s.exercise.label == exercise.label)

    def quantity(self, head: sp.Basic) -> Quantity | None:
        for q in self.symbols:
            if q.head == head:
                return q
        return None

    def with_claim(self, label: str, statement: Any) -> Derivation:
        """A copy with one step's claim replaced: how tests build faulty derivations."""
        steps = tuple(
            replace(s, claim=Claim.of(statement)) if s.label == label else s for s in self.steps
        )
        self.step(label)
        return replace(self, steps=steps)

    def with_step(self, label: str, **changes: Any) -> Derivation:
        """A copy with fields of one step replaced (its rule, its expectation, ...)."""
        self.step(label)
        steps = tuple(replace(s, **changes) if s.label == label else s for s in self.steps)
        return replace(self, steps=steps)

    def with_check(self, name: str, **changes: Any) -> Derivation:
        names = [c.name for c in self.checks]
        if name not in names:
            raise KeyError(f"{self.id}: no check {name!r}; checks are: {', '.join(names)}")
        checks = tuple(replace(c, **changes) if c.name == name else c for c in self.checks)
        return replace(self, checks=checks)


@dataclass(frozen=True)
class Context:
    """What a rule may look at: the derivation and the steps before the current one."""

    derivation: Derivation
    position: int  # 0-based index of the step being checked

    def premise(self, label: str) -> Claim:
        earlier = self.derivation.steps[: self.position]
        for candidate in earlier:
            if candidate.label == label:
                if candidate.expect is Expect.REFUTED:
                    raise PremiseError(f"premise {label!r} is a refuted claim and cannot be used")
                return candidate.claim
        later = [s.label for s in self.derivation.steps[self.position :]]
        if label in later:
            raise PremiseError(f"premise {label!r} comes later in the derivation, not before")
        valid = ", ".join(s.label for s in earlier) or "(none)"
        raise PremiseError(f"premise {label!r} does not exist; earlier steps are: {valid}")

    def is_random(self, head: sp.Basic) -> bool:
        q = self.derivation.quantity(head)
        return q is not None and q.random


class InputError(ValueError):
    """A derivation written wrongly (as opposed to mathematics that does not hold): bad input."""


class PremiseError(InputError):
    """A step refers to a premise that does not exist or is not earlier."""


class RuleFailure(Exception):
    """A rule could not produce anything comparable with the claim (no solution, wrong base case)."""


def caller_location(depth: int = 2) -> tuple[str, int]:
    """The file and line of the derivation module that declared a step."""
    frame = sys._getframe(depth)
    return frame.f_code.co_filename, frame.f_lineno


Statement = Union[sp.Equality, Claim, tuple]


def _carry_approximations(steps: tuple[Step, ...]) -> tuple[Step, ...]:
    """A step that uses an approximate premise (a truncated series, a rounded number) is itself
    approximate: it is shown with "≈", never as an exact equation."""
    approximate: dict[str, tuple[tuple[sp.Symbol, int], ...]] = {}
    carried = []
    for s in steps:
        used = [approximate[label] for label in s.by.premises if label in approximate]
        # the order comes from the rule (a series) and the premises, never from the claim as written:
        # a claim cannot loosen its own comparison
        orders: dict[sp.Symbol, int] = dict(getattr(s.by, "order_of", ()))
        for small, n in (pair for order in used for pair in order):
            orders[small] = min(n, orders.get(small, n))
        if used or tuple(orders.items()) != s.claim.order:
            s = replace(s, claim=Claim(s.claim.lhs, s.claim.rhs, approximate=s.claim.approximate or bool(used),
                                       order=tuple(orders.items())))
        if s.claim.approximate:
            approximate[s.label] = s.claim.order
        carried.append(s)
    return tuple(carried)
