"""The justifications a step can give, named as the handout says them.

`by.substituting("mean-step", into="walk")` reads "by substituting 'mean-step' into 'walk'".
A justification never decides anything: it turns the claim and its premises into
obligations (`claimed` must equal `produced`), and `derive.check` judges them. Axioms
(`given`, `definition`, `cite`) have no obligations and are counted as axioms.
"""

from __future__ import annotations

import decimal
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum

import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.physics import units as u

from derive import expectation
from derive.timelimit import TimeLimitExceeded, time_limit
from derive.model import Claim, Context, Expect, InputError, Obligation, RuleFailure, RuleKind, Step, expression

SOLVESET_SECONDS = 3.0
SI_BASE = [u.meter, u.second, u.kilogram, u.kelvin, u.ampere, u.mole, u.candela]


def _quote(labels: tuple[str, ...]) -> str:
    quoted = [f"'{label}'" for label in labels]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


@dataclass(frozen=True)
class Wording:
    """A rule's phrase for the handouts: a key of templates/strings/*.json and what fills it in.

    `describe()` stays the English the checker reports in; the handouts say `wording()` in each
    language. A field is a tuple of step labels, a SymPy expression or a tuple of them (printed as
    math), a dict {symbol: value} (printed as "a = 1, b = 2"), or plain text (a source, a number).
    """

    key: str
    fields: Mapping[str, object] = field(default_factory=dict)


class Condition(str):
    """A side condition of a step: the English the reports and the JSON show, and its wording
    (a key of templates/strings/*.json with its fields) for the handouts in each language."""

    wording: Wording

    def __new__(cls, text: str, wording: Wording) -> Condition:
        made = super().__new__(cls, text)
        made.wording = wording
        return made

    def __reduce__(self) -> tuple:
        return (Condition, (str(self), self.wording))


def normal(expr: sp.Basic, context: Context) -> sp.Basic:
    """Expectations in linear normal form, unevaluated derivatives and integrals done."""
    if expr.has(sp.Limit):
        expr = expr.replace(lambda e: isinstance(e, sp.Limit),
                            lambda e: two_sided_limit(e.args[0], e.args[1], e.args[2]))
    if expr.has(sp.Derivative, sp.Integral, sp.Sum):
        expr = expr.doit()
    if expr.has(expectation.Expectation):
        expr = expectation.linear(expr, context.is_random)
    return expr


def substitute(expr: sp.Basic, premises: list[Claim]) -> sp.Basic:
    """Replace each premise's left side by its right side until nothing changes.

    A premise such as u(n) = y(n) - n m defines u for every argument, so u(n - 1) is replaced
    too; a recursive one such as x(n) = x(n-1) + k(n) replaces only x(n) itself.
    """
    for _ in range(len(premises) + 1):
        before = expr
        for premise in premises:
            lhs, rhs = premise.lhs, premise.rhs
            if (
                isinstance(lhs, AppliedUndef)
                and all(isinstance(a, sp.Symbol) for a in lhs.args)
                and len(set(lhs.args)) == len(lhs.args)
                and not rhs.has(lhs.func)
            ):
                expr = expr.replace(lhs.func, sp.Lambda(lhs.args, rhs))
            else:
                expr = expr.subs(lhs, rhs)
        if expr == before:
            break
    return expr


# --- axioms ---------------------------------------------------------------------------


class AxiomKind(Enum):
    """What an axiom is: a hypothesis of the model, a name for something, or a law from a source."""

    GIVEN = "given"
    DEFINITION = "by definition"
    CITED = "cited"
    MEASURED = "measured"  # by a numeric check of the same derivation, which must name the step




@dataclass(frozen=True)
class Axiom:
    """Taken as true: a given, a definition, or a law cited from a source."""

    nature: AxiomKind
    source: str = ""
    kind: RuleKind = RuleKind.AXIOM
    premises: tuple[str, ...] = ()

    def describe(self) -> str:
        if self.nature is AxiomKind.MEASURED:
            return f"measured: simulation check '{self.source}'"
        return f"{self.nature.value}: {self.source}" if self.source else self.nature.value

    def wording(self) -> Wording:
        return Wording(self.nature.name.lower(), {"source": self.source})

    def obligations(self, claim: Claim, context: Context) -> list[Obligation]:
        return []

    def side_conditions(self, claim: Claim, context: Context) -> tuple[str, ...]:
        return ()


def is_axiom(step: Step, *natures: AxiomKind) -> bool:
    """Whether the step is an axiom of one of these natures."""
    return isinstance(step.by, Axiom) and step.by.nature in natures


def given() -> Axiom:
    return Axiom(AxiomKind.GIVEN)


def definition() -> Axiom:
    return Axiom(AxiomKind.DEFINITION)


def cite(source: str) -> Axiom:
    if not source.strip():
        raise InputError("a cited law needs its source")
    return Axiom(AxiomKind.CITED, source)


def measured(check: str) -> Axiom:
    """A value read off a simulation: the numeric check `check` verifies it to its stated digits."""
    if not check.strip():
        raise InputError("a measured value needs the name of the check that measures it")
    return Axiom(AxiomKind.MEASURED, check)


# --- checked rules --------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """Base of the checked rules: a phrase, premises and no side conditions by default."""

    premises: tuple[str, ...] = ()
    kind: RuleKind = field(default=RuleKind.CHECKED, init=False)

    def wording(self) -> Wording:
        raise NotImplementedError(f"{type(self).__name__} has no wording for the handouts")

    def side_conditions(self, claim: Claim, context: Context) -> tuple[str, ...]:
        return ()


@dataclass(frozen=True)
class Algebra(Rule):
    """Both sides are equal by algebra alone (expand, factor, simplify)."""

    phrase: str = "by algebra"
    key: str = "algebra"

    def describe(self) -> str:
        return self.phrase

    def wording(self) -> Wording:
        return Wording(self.key)

    def obligations(self, claim: Claim, context: Context) -> list[Obligation]:
        return [
            Obligation(
                "identity", normal(claim.rhs, context), normal(claim.lhs, context),
                shows="the left side, evaluated", claimed_shows="the right side",
            )
        ]


def algebra() -> Algebra:
    return Algebra()


def linearity_of_expectation() -> Algebra:
    return Algebra(phrase="by linearity of expectation", key="linearity_of_expectation")


@dataclass(frozen=True)
class Rewriting(Rule):
    """The claim is the premise rearranged: the same equation, written differently."""

    def describe(self) -> str:
        return f"by rewriting {_quote(self.premises)}"

    def wording(self) -> Wording:
        return Wording("rewriting", {"labels": self.premises})

    def obligations(self, claim: Claim, context: Context) -> list[Obligation]:
        premise = context.premise(self.premises[0])
        return [
            Obligation(
                "rearrangement", normal(claim.difference, context),
                normal(premise.difference, context), either_sign=True,
                shows=f"'{self.premises[0]}' as left side - right side",
            )
        ]


def rewriting(label: str) -> Rewriting:
    return Rewriting((label,))


@dataclass(frozen=True)
class Substituting(Rule):
    """Replace the left side of each premise by its right side, in `into` or in the claim."""

    into: str | None = None

    def describe(self) -> str:
        used = self.premises[:-1] if self.into else self.premises
        target = f" into '{self.into}'" if self.into else ""
        return f"by substituting {_quote(used)}{target}"

    def wording(self) -> Wording:
        if self.into:
            return Wording("substituting_into", {"labels": self.premises[:-1], "into": (self.into,)})
        return Wording("substituting", {"labels": self.premises})

    def obligations(self, claim: Claim, context: Context) -> list[Obligation]:
        used = self.premises[:-1] if self.into else self.premises
        premises = [context.premise(label) for label in used]
        normalised = premises + [
            Claim(normal(p.lhs, context), normal(p.rhs, context)) for p in premises
        ]

        def reduce(expr: sp.Basic) -> sp.Basic:
            return normal(substitute(normal(substitute(expr, premises), context), normalised), context)

        if self.into is None:
            return [
                Obligation(
                    "substitution", reduce(claim.lhs), reduce(claim.rhs),
                    shows="the right side after substituting",
                    claimed_shows="the left side after substituting",
                )
            ]
        target = context.premise(self.into)
        return [
            Obligation(
                "substitution", reduce(claim.difference), reduce(target.difference),
                either_sign=True,
                shows=f"'{self.into}' after substituting, as left side - right side",
                claimed_shows="the claim after substituting",
            )
        ]


def substituting(*labels: str, into: str | None = None) -> Substituting:
    if not labels:
        raise InputError("by.substituting needs at least one premise")
    return Substituting(labels + ((into,) if into else ()), into)


@dataclass(frozen=True)
class Applying(Rule):
    """The same operation applied to both sides of a premise."""

    operation: Callable[[sp.Expr], sp.Expr] = lambda side: side
    phrase: str = "applying"
    conditions: Callable[[Claim], tuple[str, ...]] = lambda premise: ()
    variable: sp.Symbol | None = None  # for calculus: what the operation varies
    divisor: sp.Expr | None = None  # for division: what must not be zero
    words: Wording | None = None  # the handouts' phrase; None for a phrase given by the module

    def describe(self) -> str:
        return f"by {self.phrase} {_quote(self.premises)}"

    def wording(self) -> Wording:
        words = self.words or Wording("applying", {"phrase": self.phrase})
        return Wording(words.key, {**words.fields, "labels": self.premises})

    def obligations(self, claim: Claim, context: Context) -> list[Obligation]:
        premise = context.premise(self.premises[0])
        if self.variable is not None:  # calculus: the premise must hold for every value of the variable
            _independent_of(self.variable, premise, context)
            _holds_for_every(self.variable, self.premises[0], context)
            produced = self.operation(premise.lhs) - self.operation(premise.rhs)
            hint = ""
        else:  # an operation on values: a = b gives f(a) = f(b) only for a function f of the side
            produced = _as_function_of_side(self.operation, self.phrase, premise)
            # the library's own operations are functions of the value: only a user's may look at form
            hint = "" if self.words else _form_dependence_hint(self.operation, premise, produced)
        if self.divisor is not None:
            _divisor_not_forced_zero(self.divisor, context)
        return [
            Obligation(
                self.phrase, normal(claim.difference, context), normal(produced, context),
                either_sign=True, shows=f"{self.phrase} '{self.premises[0]}'", hint=hint,
            )
        ]

    def side_conditions(self, claim: Claim, context: Context) -> tuple[str, ...]:
        return self.conditions(context.premise(self.premises[0]))


def _as_function_of_side(operation: Callable[[sp.Expr], sp.Expr], phrase: str, premise: Claim) -> sp.Expr:
    """f(lhs) - f(rhs) for the operation read as a function f of the side's value.

    The operation is applied once, to a fresh symbol standing for a side, and the sides are put
    in afterwards: an operation that looks at a side's form rather than its value (numer, diff,
    expand_log(force=True), refine with assumptions the symbols lack) then does nothing, and a
    claim that needed it does not follow."""
    side = sp.Dummy("side")
    try:
        applied = operation(side)
    except Exception as error:  # the user's operation: whatever it raises, the rule cannot apply
        raise RuleFailure(f"{phrase}: the operation raised {type(error).__name__} on a side: {error}") from error
    if not isinstance(applied, sp.Expr):  # an Eq, a Tuple, a number type SymPy does not know...
        raise InputError(f"{phrase}: the operation must return a SymPy expression (a value), not "
                         f"{type(applied).__name__}")
    # an unevaluated operator (Integral, Derivative, Limit, Subs) acts on the stand-in now, not on
    # the sides later: d/dx of a value that does not vary is 0, whatever the side is written as
    applied = applied.doit()
    return applied.xreplace({side: premise.lhs}) - applied.xreplace({side: premise.rhs})


def _form_dependence_hint(operation: Callable[[sp.Expr], sp.Expr], premise: Claim, produced: sp.Expr) -> str:
    """Say so when the operation gives something else on the sides as written: it looks at their
    form (numer, diff, expand_log(force=True), refine), which equal values need not share."""
    try:
        direct = operation(premise.lhs) - operation(premise.rhs)
    except Exception:  # the operation fails on the written sides: nothing to compare
        return ""
    if direct == produced:
        return ""
    return (f"the operation is applied as a function of each side's value, f(side); applied to the sides as "
            f"written it gives {sp.sstr(direct)} instead: it depends on how a side is written, which the "
            "premise does not fix (a = b does not give numer(a) = numer(b), d/dx a = d/dx b, ...)")


def nonzero(factor: sp.Expr) -> tuple[str, ...]:
    if factor.is_zero is False:
        return (Condition(f"{sp.sstr(factor)} ≠ 0 (true by the symbols' assumptions)",
                          Wording("nonzero_known", {"expr": factor})),)
    return (Condition(f"{sp.sstr(factor)} ≠ 0", Wording("nonzero", {"expr": factor})),)


def squaring(label: str) -> Applying:
    return Applying((label,), lambda side: side**2, "squaring both sides of",
                    words=Wording("squaring"))


def multiplying_both_sides(label: str, by: sp.Expr) -> Applying:
    by = expression(by, "the factor of by.multiplying_both_sides")
    return Applying((label,), lambda side: side * by, f"multiplying by {sp.sstr(by)} both sides of",
                    words=Wording("multiplying", {"by": by}))


def dividing_both_sides(label: str, by: sp.Expr) -> Applying:
    by = expression(by, "the divisor of by.dividing_both_sides")
    return Applying(
        (label,), lambda side: side / by, f"dividing by {sp.sstr(by)} both sides of",
        lambda premise: nonzero(by), divisor=by, words=Wording("dividing", {"by": by}),
    )


def _independent_of(variable: sp.Symbol, premise: Claim, context: Context, own_lhs: bool = False) -> None:
    """Calculus in `variable` treats every other symbol as constant: refuse if one is defined through it.

    With `own_lhs`, the premise's own left side is exempt: a series expands only the right side."""
    definitions = {**_named_by_laws(context), **fixed_symbols(context)}
    for symbol in premise.lhs.free_symbols | premise.rhs.free_symbols:
        seen, todo = set(), [symbol]
        while todo:
            current = todo.pop()
            if current in seen or current not in definitions or (own_lhs and current == premise.lhs):
                continue
            seen.add(current)
            if variable in definitions[current].free_symbols:
                raise RuleFailure(f"{sp.sstr(symbol)} depends on {variable} through its definition "
                                  f"({sp.sstr(current)} = {sp.sstr(definitions[current])}); put the definition "
                                  f"in first, so that the dependence on {variable} is explicit")
            todo.extend(definitions[current].free_symbols)


def support(label: str, context: Context) -> list[Step]:
    """The earlier steps that step `label` rests on, itself included, following premises back."""
    seen: dict[str, Step] = {}
    todo = [label]
    while todo:
        current = todo.pop()
        if current in seen or current not in context.derivation.labels:
            continue
        found = context.derivation.step(current)
        seen[current] = found
        todo.extend(found.by.premises)
        todo.extend(filter(None, [getattr(found.by, "fixed_point", "")]))
    return list(seen.values())


def _is_law_in(expr: sp.Basic, variable: sp.Symbol) -> bool:
    """Whether an equation is about functions of `variable` (an ODE, f(x) = ...): such an
    equation holds for every value of it. One with the variable bare (x + y = 3) pins it."""
    return any(variable in f.free_symbols for f in expr.atoms(AppliedUndef)) or any(
        variable in d.variables for d in expr.atoms(sp.Derivative))


def _holds_for_every(variable: sp.Symbol, label: str, context: Context) -> None:
    """Differentiating, integrating or taking a limit in `variable` is sound only for an
    equation that holds for every value of it: refuse one that rests on a hypothesis pinning it."""
    pinned = fixed_symbols(context)
    if variable in pinned:
        raise RuleFailure(f"{variable} is fixed by an earlier given or definition ({variable} = "
                          f"{sp.sstr(pinned[variable])}): an equation that holds at one value of {variable} "
                          f"cannot be differentiated, integrated or taken to a limit in {variable}")
    for premise in support(label, context):
        if not is_axiom(premise, AxiomKind.GIVEN):
            continue
        difference = premise.claim.difference
        if variable in difference.free_symbols and not _is_law_in(difference, variable):
            raise RuleFailure(
                f"'{label}' rests on the given '{premise.label}' ({premise.claim}), which holds only at "
                f"particular values of {variable}, not for every {variable}; calculus in {variable} needs an "
                f"equation that holds for every {variable} (write the quantities that vary with {variable} "
                f"as functions of it, y({variable}))")


_MEMO: dict[tuple, tuple] = {}


def memo(kind: str, context: Context, compute: Callable[[], object]) -> object:
    """compute(), once per derivation (its tuple of steps) and position: the hypotheses before a
    step do not change while its derivation is checked. The steps are kept with the value, so the
    key's id() cannot be reused by another derivation."""
    key = (kind, id(context.derivation.steps), context.position)
    found = _MEMO.get(key)
    if found is None or found[0] is not context.derivation.steps:
        if len(_MEMO) > 20_000:  # the mutation self-test checks thousands of derivations: forget old ones
            _MEMO.clear()
        found = (context.derivation.steps, compute())
        _MEMO[key] = found
    return found[1]


def hypothesis_values(context: Context) -> dict[sp.Symbol, sp.Expr]:
    """Values the earlier givens and definitions force on symbols, whatever the spelling:
    x = -55 mV, -55 mV = x and x + 55 mV = 0 all give x = -55 mV; so does y - x = 0 once x is known."""
    return dict(memo("values", context, lambda: _hypothesis_values(context)))


def _hypothesis_values(context: Context) -> dict[sp.Symbol, sp.Expr]:
    values = dict(fixed_symbols(context))
    hypotheses = [s.claim.difference for s in context.derivation.steps[: context.position]
                  if is_axiom(s, AxiomKind.GIVEN, AxiomKind.DEFINITION) and not s.claim.difference.has(AppliedUndef)]
    for _ in range(len(hypotheses)):
        before = len(values)
        for difference in hypotheses:
            known = substitute(difference, [Claim(k, v) for k, v in values.items()])
            unknowns = [v for v in known.free_symbols if v not in values]
            if len(unknowns) != 1 or len(known.free_symbols) != 1:
                continue
            try:
                solutions = sp.solve(known, unknowns[0])
            except (NotImplementedError, ValueError, TypeError):
                continue
            if len(solutions) == 1:
                values[unknowns[0]] = solutions[0]
        if len(values) == before:
            break
    return values


def hypothesis_conflict(step: Step, context: Context) -> str:
    """Why a given or a definition cannot stand beside the earlier ones ('' if it can): a name defined
    twice, a definition in terms of itself, or an equation the earlier hypotheses or the symbols'
    assumptions make false (given y = x + 1 then y = x; L > 0 then L + 1 = 0)."""
    return memo("conflict", context, lambda: _hypothesis_conflict(step, context))


def _hypothesis_conflict(step: Step, context: Context) -> str:
    lhs = step.claim.lhs
    if is_axiom(step, AxiomKind.DEFINITION) and isinstance(lhs, (sp.Symbol, AppliedUndef)):
        # a symbol, or a sequence or function at one argument (x(0) = 0 beside x(n) = x(n - 1) + k(n) is fine)
        for earlier in context.derivation.steps[: context.position]:
            if isinstance(earlier.by, Axiom) and earlier.claim.lhs == lhs:
                return (f"{sp.sstr(lhs)} is already named by '{earlier.label}' ({earlier.claim}); a definition "
                        "introduces a new name: define another symbol, or derive the relation")
        if step.claim.rhs.has(lhs):
            return f"{sp.sstr(lhs)} is defined in terms of itself"
    if step.claim.difference.has(AppliedUndef):
        return _function_conflict(step, context)
    known = substitute(step.claim.difference, [Claim(k, v) for k, v in hypothesis_values(context).items()])
    try:
        known = sp.simplify(known)
    except (TypeError, ValueError, NotImplementedError):
        return ""
    if known.is_zero is False:
        reason = ("the earlier givens and definitions" if known.is_number else
                  "the earlier givens and definitions with the symbols' assumptions")
        return f"contradicts {reason}: with them put in, it says {sp.sstr(known)} = 0"
    unknowns = [v for v in known.free_symbols if isinstance(v, sp.Symbol)]
    if len(unknowns) == 1 and not known.atoms(u.Quantity):
        (unknown,) = unknowns
        try:
            with time_limit(2.0):
                solutions = sp.solveset(known, unknown, _domain_of(unknown))
        except (TimeLimitExceeded, NotImplementedError, ValueError, TypeError):
            return ""
        if solutions is sp.S.EmptySet:
            return (f"no value of {unknown} that its assumptions allow ({_domain_of(unknown)}) satisfies it: "
                    f"{sp.sstr(known)} = 0 has no solution there")
    return ""


def _function_conflict(step: Step, context: Context) -> str:
    """A hypothesis about a function's values against the earlier ones: G(1) = 2 beside G(1) = 3, or
    H(t) = t for every t beside H(1) = 2. Only a contradiction down to a nonzero number is reported."""
    earlier = [s.claim for s in context.derivation.steps[: context.position]
               if is_axiom(s, AxiomKind.GIVEN, AxiomKind.DEFINITION) and isinstance(s.claim.lhs, AppliedUndef)
               and not s.claim.rhs.has(s.claim.lhs.func)]
    if not earlier:
        return ""
    try:
        with time_limit(2.0):
            known = sp.simplify(substitute(step.claim.difference, earlier).doit())
    except (TimeLimitExceeded, TypeError, ValueError, NotImplementedError):
        return ""
    if known.is_number and known.is_zero is False:
        return f"contradicts the earlier givens and definitions of functions: with them put in, it says {sp.sstr(known)} = 0"
    return ""


def _divisor_not_forced_zero(divisor: sp.Expr, context: Context) -> None:
    """Refuse a division by a quantity that the hypotheses make zero, in any spelling."""
    known = substitute(divisor, [Claim(k, v) for k, v in hypothesis_values(context).items()])
    forced = sp.simplify(known) == 0
    for s in context.derivation.steps[: context.position]:
        if forced:
            break
        if is_axiom(s, AxiomKind.GIVEN, AxiomKind.DEFINITION) and s.claim.difference != 0:
            ratio = sp.simplify(divisor / s.claim.difference)
            forced = ratio.is_number and ratio.is_finite and ratio != 0
    if forced:
        raise RuleFailure(f"divides by {sp.sstr(divisor)}, which the earlier givens and definitions make 0")


def taking_log(label: str) -> Applying:
    def positive(premise: Claim) -> tuple[str, ...]:
        return tuple(Condition(f"{sp.sstr(side)} > 0", Wording("positive", {"expr": side}))
                     for side in (premise.lhs, premise.rhs))

    return Applying((label,), sp.log, "taking the logarithm of", positive, words=Wording("taking_log"))


def taking_expectation(label: str) -> Applying:
    return Applying((label,), expectation.Expectation, "taking the expectation of",
                    words=Wording("taking_expectation"))


def applying(label: str, operation: Callable[[sp.Expr], sp.Expr], phrase: str) -> Applying:
    return Applying((label,), operation, phrase)


@dataclass(frozen=True)
class SolvingFor(Rule):
    """Solve a premise for one symbol, optionally after setting some values in it."""

    unknown: sp.Symbol = sp.Symbol("x")
    setting: Mapping[sp.Basic, sp.Expr] = field(default_factory=dict)

    def describe(self) -> str:
        where = ", ".join(f"{sp.sstr(k)} = {sp.sstr(v)}" for k, v in self.setting.items())
        return f"by solving {_quote(self.premises)} for {self.unknown}" + (f" with {where}" if where else "")

    def wording(self) -> Wording:
        fields = {"labels": self.premises, "unknown": self.unknown, "setting": dict(self.setting)}
        return Wording("solving_for_with" if self.setting else "solving_for", fields)

    def _solutions(self, context: Context) -> list[sp.Expr]:
        """Every solution in the unknown's declared domain (solveset), or RuleFailure when SymPy
        cannot list them all: solve() alone misses branches (tan x = y has x = atan y + k pi)."""
        premise = context.premise(self.premises[0])
        equation = normal(substitute(premise.difference, [Claim(k, v) for k, v in self.setting.items()]), context)
        domain = _domain_of(self.unknown)
        try:
            with time_limit(SOLVESET_SECONDS):
                found = sp.solveset(equation, self.unknown, domain)
        except TimeLimitExceeded as error:
            raise RuleFailure(f"SymPy could not list the solutions of {_quote(self.premises)} for {self.unknown} "
                              f"within {SOLVESET_SECONDS:g} s, so no single one is known to follow") from error
        except (NotImplementedError, ValueError, TypeError) as error:
            raise RuleFailure(f"SymPy cannot solve {_quote(self.premises)} for {self.unknown} over {domain}: {error}") from error
        listed = _finite_part(found)
        if listed is None:
            raise RuleFailure(f"{_quote(self.premises)} has solutions for {self.unknown} that SymPy cannot list as a "
                              f"finite set over {domain} ({sp.sstr(found)}): infinitely many, or not all known, so no "
                              f"single one follows; restrict {self.unknown} (positive=True, ...) or the equation")
        return sorted((c for c in listed if not _excluded(c, self.unknown)), key=sp.default_sort_key)

    def obligations(self, claim: Claim, context: Context) -> list[Obligation]:
        if claim.lhs != self.unknown:
            raise RuleFailure(f"solving for {self.unknown} gives '{self.unknown} = ...', "
                              f"but the claim's left side is {sp.sstr(claim.lhs)}")
        solutions = self._solutions(context)
        if not solutions:
            raise RuleFailure(f"{_quote(self.premises)} has no solution for {self.unknown}")
        if len(solutions) > 1:
            listed = ", ".join(sp.sstr(s) for s in solutions)
            raise RuleFailure(f"{_quote(self.premises)} has {len(solutions)} solutions for {self.unknown} ({listed}); "
                              f"declare assumptions on the symbols (positive=True, ...) that exclude all but one")
        return [Obligation("solution", claim.rhs, solutions[0], shows=f"the solution for {self.unknown}")]



def _values_of(values: Mapping[sp.Basic, sp.Expr] | None, what: str) -> dict[sp.Basic, sp.Basic]:
    """A {symbol: value} mapping with every key and value a SymPy object (strings are refused)."""
    return {expression(k, f"a symbol of {what}"): expression(v, f"the value of {k} in {what}")
            for k, v in (values or {}).items()}


def _domain_of(symbol: sp.Symbol) -> sp.Set:
    """The set a symbol's assumptions allow, for solveset (which ignores assumptions)."""
    if symbol.is_positive:
        return sp.Interval.open(0, sp.oo)
    if symbol.is_nonnegative:
        return sp.Interval(0, sp.oo)
    if symbol.is_negative:
        return sp.Interval.open(-sp.oo, 0)
    if symbol.is_nonpositive:
        return sp.Interval(-sp.oo, 0)
    return sp.S.Reals if symbol.is_real else sp.S.Complexes


def _finite_part(found: sp.Set) -> list[sp.Expr] | None:
    """The candidates of a solution set that is a finite list (possibly intersected with the domain
    or with points removed); None for infinite or unknown sets (ImageSet, ConditionSet, ...)."""
    if found is sp.S.EmptySet:
        return []
    if isinstance(found, sp.FiniteSet):
        return list(found)
    if isinstance(found, (sp.Intersection, sp.Complement)):
        finite = [a for a in found.args if isinstance(a, sp.FiniteSet)]
        if finite and all(isinstance(a, (sp.FiniteSet, sp.Interval)) or a in (sp.S.Reals, sp.S.Complexes)
                          for a in found.args):
            return list(finite[0])
    return None


def _excluded(candidate: sp.Expr, unknown: sp.Symbol) -> bool:
    """Whether the unknown's assumptions rule the candidate out (known false, not merely unknown)."""
    return any(getattr(unknown, f"is_{a}") and getattr(candidate, f"is_{a}") is False for a in _ASSUMPTIONS)


def solving_for(unknown: sp.Symbol, label: str, setting: Mapping[sp.Basic, sp.Expr] | None = None) -> SolvingFor:
    return SolvingFor((label,), expression(unknown, "the unknown of by.solving_for"),
                      _values_of(setting, "the setting of by.solving_for"))


def differentiating(label: str, wrt: sp.Symbol) -> Applying:
    wrt = expression(wrt, "the variable of by.differentiating")
    return Applying((label,), lambda side: sp.diff(side, wrt), f"differentiating with respect to {wrt}",
                    variable=wrt, words=Wording("differentiating", {"variable": wrt}))


def integrating(label: str, over: tuple[sp.Symbol, sp.Expr, sp.Expr]) -> Applying:
    variable, low, high = (expression(v, "the range of by.integrating") for v in over)
    over = (variable, low, high)
    return Applying(
        (label,), lambda side: sp.integrate(side, over),
        f"integrating over {variable} from {sp.sstr(low)} to {sp.sstr(high)}", variable=variable,
        words=Wording("integrating", {"variable": variable, "low": low, "high": high}),
    )


def two_sided_limit(expr: sp.Expr, variable: sp.Symbol, to: sp.Expr) -> sp.Expr:
    """The limit from both sides (SymPy's default is from above only); at ±oo, the one there is."""
    to = expression(to, "the point of a limit")
    try:
        found = sp.limit(expr, variable, to) if to.is_infinite else sp.limit(expr, variable, to, dir="+-")
    except ValueError as error:  # SymPy: the one-sided limits differ
        raise RuleFailure(f"the limit of {sp.sstr(expr)} as {variable} → {sp.sstr(to)} does not exist: {error}") from error
    if found.has(sp.zoo, sp.nan):  # unbounded without a sign, or undefined: the one-sided limits differ
        raise RuleFailure(f"the limit of {sp.sstr(expr)} as {variable} → {sp.sstr(to)} does not exist "
                          f"(SymPy gives {sp.sstr(found)}: the one-sided limits differ)")
    return found


def taking_limit(label: str, variable: sp.Symbol, to: sp.Expr) -> Applying:
    to = expression(to, "the point of by.taking_limit")
    return Applying(
        (label,), lambda side: two_sided_limit(side, variable, to),
        f"taking the limit {variable} → {sp.sstr(to)} of", variable=variable,
        words=Wording("taking_limit", {"variable": variable, "to": to}),
    )


def evaluating() -> Algebra:
    """The claim's integrals, derivatives, limits or sums, evaluated by SymPy."""
    return Algebra(phrase="by evaluating", key="evaluating")


@dataclass(frozen=True)
class Series(Rule):
    """The premise's right side expanded in a small quantity, terms up to `order` kept."""

    small: sp.Symbol = sp.Symbol("x")
    order: int = 1
    approximate: bool = field(default=True, init=False)

    @property
    def order_of(self) -> tuple[tuple[sp.Symbol, int], ...]:
        """The claim holds up to terms of order small**(order + 1)."""
        return ((self.small, self.order),)

    def describe(self) -> str:
        return f"by expanding {_quote(self.premises)} in small {self.small} to order {self.order}"

    def wording(self) -> Wording:
        return Wording("series", {"labels": self.premises, "small": self.small, "order": str(self.order)})

    def obligations(self, claim: Claim, context: Context) -> list[Obligation]:
        premise = context.premise(self.premises[0])
        _independent_of(self.small, premise, context, own_lhs=True)
        truncated = sp.series(premise.rhs, self.small, 0, self.order + 1).removeO()
        # f(x + h) expands into Subs(Derivative(f(xi), xi), xi, x): write it as f'(x)
        truncated = truncated.replace(lambda e: isinstance(e, sp.Subs), lambda e: e.doit())
        return [
            Obligation("left side", claim.lhs, premise.lhs, shows=f"the left side of '{self.premises[0]}'"),
            Obligation(
                f"series to order {self.order}", claim.rhs, truncated,
                shows=f"the series in {self.small} up to {self.small}**{self.order}",
            ),
        ]

    def side_conditions(self, claim: Claim, context: Context) -> tuple[str, ...]:
        return (Condition(f"{self.small} small: terms of order {self.small}**{self.order + 1} are dropped",
                          Wording("small", {"small": self.small, "power": self.small ** (self.order + 1)})),)


def series(label: str, small: sp.Symbol, order: int) -> Series:
    if not isinstance(order, int) or order < 0:
        raise InputError(f"the order of by.series must be a whole number ≥ 0, not {order!r}")
    return Series((label,), expression(small, "the small quantity of by.series"), order)


@dataclass(frozen=True)
class Induction(Rule):
    """A closed form a(n) = f(n) proved from a base case and a recurrence a(n) = G(a(n-1), n)."""

    variable: sp.Symbol = sp.Symbol("n")
    start: int = 0

    def describe(self) -> str:
        base, recurrence = self.premises
        return f"by induction on {self.variable} from '{base}' with '{recurrence}'"

    def wording(self) -> Wording:
        base, recurrence = self.premises
        return Wording("induction", {"variable": self.variable, "base": (base,), "recurrence": (recurrence,)})

    def obligations(self, claim: Claim, context: Context) -> list[Obligation]:
        n = self.variable
        lowest = 0 if n.is_nonnegative else 1 if n.is_positive else None
        if not n.is_integer or lowest is None or lowest != self.start:
            raise InputError(f"induction on {n} from {self.start} needs {n} declared integer with "
                             f"{'nonnegative' if self.start == 0 else 'positive'}=True (its smallest value is the base case)")
        base_label, recurrence_label = self.premises
        base, recurrence = context.premise(base_label), context.premise(recurrence_label)
        n, sequence = self.variable, normal(claim.lhs, context)
        at_start = normal(sequence.subs(n, self.start), context)
        if normal(base.lhs, context) != at_start:
            raise RuleFailure(
                f"the base case '{base_label}' is about {sp.sstr(base.lhs)}, "
                f"but the claim at {n} = {self.start} is about {sp.sstr(at_start)}"
            )
        if normal(recurrence.lhs, context) != sequence:
            raise RuleFailure(
                f"the recurrence '{recurrence_label}' gives {sp.sstr(recurrence.lhs)}, "
                f"but the claim is about {sp.sstr(claim.lhs)}"
            )
        previous = normal(sequence.subs(n, n - 1), context)
        closed = claim.rhs
        step = normal(recurrence.rhs, context).xreplace({previous: closed.subs(n, n - 1)})
        # The step from n - 1 to n is needed for n > start only; sample it there.
        later = {n: sp.Symbol(n.name, integer=True, positive=True) + self.start}
        return [
            Obligation("base case", closed.subs(n, self.start), base.rhs,
                       shows=f"'{base_label}' at {n} = {self.start}"),
            Obligation(
                "inductive step", closed.xreplace(later), step.xreplace(later),
                shows=f"'{recurrence_label}' with the claim put in for {n} - 1",
                hint=self._rsolve_hint(recurrence.rhs, previous, base.rhs, context),
            ),
        ]

    def _rsolve_hint(self, rhs: sp.Expr, previous: sp.Expr, base: sp.Expr, context: Context) -> str:
        a, n = sp.Function("a"), self.variable
        try:
            solution = sp.rsolve(
                a(n) - normal(rhs, context).xreplace({previous: a(n - 1)}), a(n), {a(self.start): base}
            )
        except (ValueError, NotImplementedError, TypeError):
            return ""
        return f"rsolve gives the closed form {sp.sstr(solution)}" if solution is not None else ""

    def side_conditions(self, claim: Claim, context: Context) -> tuple[str, ...]:
        return (Condition(f"{self.variable} is an integer ≥ {self.start}",
                          Wording("integer", {"variable": self.variable, "start": sp.sympify(self.start)})),)


def induction(on: sp.Symbol, base: str, step: str, start: int = 0) -> Induction:
    return Induction((base, step), expression(on, "the variable of by.induction"), start)


@dataclass(frozen=True)
class Factorising(Rule):
    """E[X Y] = E[X] E[Y] for variables the derivation declares independent, and no others."""

    variables: tuple[sp.Basic, ...] = ()

    def describe(self) -> str:
        return "by independence of " + " and ".join(sp.sstr(v) for v in self.variables)

    def wording(self) -> Wording:
        return Wording("independence", {"variables": self.variables})

    def obligations(self, claim: Claim, context: Context) -> list[Obligation]:
        wanted = frozenset(self.variables)
        groups = [g.variables for g in context.derivation.independent if wanted <= g.variables]
        declared = "; ".join(
            "{" + ", ".join(sorted(sp.sstr(v) for v in g.variables)) + "}"
            for g in context.derivation.independent
        ) or "none"
        if not groups:
            raise RuleFailure(
                f"{' and '.join(sp.sstr(v) for v in self.variables)} are not declared independent "
                f"(declared independent: {declared})"
            )
        _not_made_of_each_other(groups, context)

        def factorise(expr: sp.Expr) -> sp.Expr:
            return expectation.factorise(normal(expr, context), context.is_random, groups)

        unlicensed = expectation.unlicensed_products(claim.difference, context.is_random, groups)
        hint = ""
        if unlicensed:
            names = ", ".join(" and ".join(sorted(sp.sstr(b) for b in bases)) for bases in unlicensed)
            hint = f"E[XY] = E[X]E[Y] needs X and Y independent; not declared for {names} (declared: {declared})"
        return [Obligation("factorisation", factorise(claim.rhs), factorise(claim.lhs),
                           shows="the left side, factorised", claimed_shows="the right side", hint=hint)]


def _not_made_of_each_other(groups: list[frozenset], context: Context) -> None:
    """Variables declared independent must not be defined from one another (J = 2K is not
    independent of K): such a declaration contradicts the definitions."""
    values = [Claim(k, v) for k, v in hypothesis_values(context).items()]
    for group in groups:
        for variable in group:
            made_of = substitute(variable, values)
            for other in group - {variable}:
                if made_of != variable and made_of.has(other):
                    raise InputError(f"{sp.sstr(variable)} and {sp.sstr(other)} are declared independent, but "
                                     f"{sp.sstr(variable)} is made of {sp.sstr(other)} ({sp.sstr(variable)} = "
                                     f"{sp.sstr(made_of)}): a variable is not independent of what it is made of")


def independence(*variables: sp.Basic) -> Factorising:
    if len(variables) < 2:
        raise InputError("by.independence needs at least two random variables")
    return Factorising((), tuple(expression(v, "a variable of by.independence") for v in variables))


@dataclass(frozen=True)
class Moments(Rule):
    """E[g(k)] computed from k's declared distribution with sympy.stats."""

    variables: tuple[sp.Basic, ...] = ()

    def describe(self) -> str:
        return "by the distribution of " + " and ".join(sp.sstr(v) for v in self.variables)

    def wording(self) -> Wording:
        return Wording("moments", {"variables": self.variables})

    def obligations(self, claim: Claim, context: Context) -> list[Obligation]:
        laws = []
        for variable in self.variables:
            quantity = context.derivation.quantity(variable)
            if quantity is None or quantity.distribution is None:
                raise InputError(f"{variable} has no declared distribution in the symbols table")
            laws.append((variable, quantity.distribution))

        def compute(expr: sp.Expr) -> sp.Expr:
            expr = normal(expr, context)
            for variable, law in laws:
                expr = expectation.moments(expr, variable, law, context.is_random)
            return expr

        names = " and ".join(sp.sstr(v) for v in self.variables)
        return [Obligation("moment", compute(claim.rhs), compute(claim.lhs),
                           shows=f"the left side computed from the distribution of {names}",
                           claimed_shows="the right side")]


def moments_of(*variables: sp.Basic) -> Moments:
    if not variables:
        raise InputError("by.moments_of needs at least one random variable")
    return Moments((), tuple(expression(v, "a variable of by.moments_of") for v in variables))


@dataclass(frozen=True)
class ConvertingUnits(Rule):
    """The same quantity in other units: both sides compared in SI base units.

    With a premise, the claim's left side is replaced by the premise's right side first.
    """

    def describe(self) -> str:
        return f"by converting the units of {_quote(self.premises)}" if self.premises else "by converting units"

    def wording(self) -> Wording:
        return Wording("converting_units_of", {"labels": self.premises}) if self.premises else Wording("converting_units")

    def obligations(self, claim: Claim, context: Context) -> list[Obligation]:
        lhs = substitute(claim.lhs, [context.premise(label) for label in self.premises])
        return [Obligation("units", u.convert_to(claim.rhs, SI_BASE), u.convert_to(lhs, SI_BASE),
                           shows="the left side in SI base units", claimed_shows="the right side")]


def converting_units(label: str | None = None) -> ConvertingUnits:
    return ConvertingUnits((label,) if label else ())


def _show_value(value: sp.Expr) -> str:
    """A value with units as a reader writes it: 8.31446*joule/(kelvin*mole), not a long fraction."""
    value = sp.sympify(value)
    number, unit = value.as_coeff_Mul()
    if not number.is_Rational or (number.is_Integer and abs(number) < 10**6):
        return sp.sstr(value)
    places = next((k for k in range(40) if (number * 10**k).is_Integer), None)
    if places is not None:  # a decimal: show it exactly (1.380649E-23, 293.15)
        exact = decimal.Decimal(int(number * 10**places)).scaleb(-places).normalize()
        text = str(exact) if abs(exact.adjusted()) < 6 else f"{exact:E}"
    else:
        text = sp.sstr(sp.Float(number, 6))
    return text if unit == 1 else f"{text}*{sp.sstr(unit)}"


def _decimal_coefficient(expr: sp.Expr) -> tuple[sp.Expr, sp.Expr]:
    """A number times a unit; a decimal written as a float (0.36) is read as the exact decimal 36/100."""
    number, unit = sp.sympify(expr).as_coeff_Mul()
    if isinstance(number, sp.Float):
        number = sp.Rational(str(number))
    return number, unit


def round_to(value: sp.Expr, digits: int) -> sp.Rational:
    """value rounded to `digits` significant figures, as an exact rational."""
    number = sp.N(value, 30)
    if number == 0:
        return sp.Integer(0)
    exponent = sp.floor(sp.log(abs(number), 10)) - digits + 1
    scaled = abs(number) / sp.Integer(10) ** exponent
    rounded = sp.floor(scaled + sp.Rational(1, 2))  # halves round away from zero, as readers expect
    return sp.sign(number) * sp.Rational(rounded) * sp.Integer(10) ** exponent


@dataclass(frozen=True)
class Evaluating(Rule):
    """A premise evaluated at stated values, in the claim's unit, to `digits` significant figures."""

    values: Mapping[sp.Basic, sp.Expr] = field(default_factory=dict)
    digits: int = 2
    approximate: bool = field(default=True, init=False)

    def describe(self) -> str:
        at = ", ".join(f"{sp.sstr(k)} = {_show_value(v)}" for k, v in self.values.items())
        return f"by evaluating {_quote(self.premises)} at {at}, to {self.digits} significant figures"

    def wording(self) -> Wording:
        return Wording("evaluating_at", {"labels": self.premises, "values": dict(self.values), "digits": str(self.digits)})

    def obligations(self, claim: Claim, context: Context) -> list[Obligation]:
        premise = context.premise(self.premises[0])
        if claim.lhs != premise.lhs:
            raise RuleFailure(f"'{self.premises[0]}' gives {sp.sstr(premise.lhs)}, the claim is about {sp.sstr(claim.lhs)}")
        meets_assumptions(self.values, context)
        number, unit = _decimal_coefficient(claim.rhs)
        if not number.is_Number:
            raise InputError(f"the claim of an evaluation must be a number times a unit, not {sp.sstr(claim.rhs)}")
        from derive.falsify import exact  # decimals as the exact decimals they show, never a guessed closed form

        in_unit = sp.simplify(exact(u.convert_to(exact(premise.rhs.subs(self.values) / unit), SI_BASE)))
        if not in_unit.is_number:
            raise RuleFailure(f"{sp.sstr(premise.rhs.subs(self.values))} cannot be expressed in {sp.sstr(unit)}")
        return [Obligation("value", number, round_to(in_unit, self.digits),
                           shows=f"the value in {sp.sstr(unit)}, rounded to {self.digits} significant figures")]


def evaluating_at(label: str, values: Mapping[sp.Basic, sp.Expr], digits: int) -> Evaluating:
    return Evaluating((label,), _values_of(values, "by.evaluating_at"), digits)


@dataclass(frozen=True)
class EarlierResult(Rule):
    """A result proved in another handout, quoted here: the claim must be that step's claim."""

    derivation_id: str = ""
    label: str = ""

    def describe(self) -> str:
        return f"from handout '{self.derivation_id}', step '{self.label}'"

    def wording(self) -> Wording:
        return Wording("earlier_result", {"handout": self.derivation_id, "step": self.label})

    def obligations(self, claim: Claim, context: Context) -> list[Obligation]:
        from derive import registry  # the library is only needed when a step quotes it

        if self.derivation_id == context.derivation.id:
            raise InputError("a handout cannot quote itself; refer to the earlier step as a premise")
        other = registry.select([self.derivation_id])[0]
        try:
            quoted = other.step(self.label)
        except KeyError as error:
            raise InputError(str(error.args[0])) from error
        if quoted.expect is Expect.REFUTED:
            raise InputError(f"'{self.label}' of '{self.derivation_id}' is a refuted claim and cannot be quoted")
        axiom = quoted.by.kind is RuleKind.AXIOM
        numeric = self._verdict_there(other)
        return [Obligation("quotation", normal(claim.difference, context), normal(quoted.claim.difference, context),
                           either_sign=True, shows=f"'{self.label}' of '{self.derivation_id}', as left side - right side",
                           claimed_shows="the claim, as left side - right side",
                           axiom=f"{quoted.by.describe()} (in '{self.derivation_id}')" if axiom else "",
                           computed=numeric)]

    def prepare(self, context: Context) -> None:
        """Check what the quotation rests on, before the step's own time limit starts: the quoted
        handout's steps are judged each under its own limit."""
        try:
            from derive import registry

            other = registry.select([self.derivation_id])[0]
            self._verdict_there(other)
        except Exception:  # noqa: BLE001 - the step's own judgement reports whatever is wrong
            pass

    def _verdict_there(self, other) -> str:
        """Check, in the other handout, the quoted step and every step it rests on: a quotation is no
        better than what it quotes. Returns why it is only numerical ('' if proved or an axiom)."""
        from derive.check import quoted_verdicts  # the checker judges; a rule only asks

        position = other.labels.index(self.label)
        numeric = []
        for found in sorted(support(self.label, Context(other, position + 1)), key=lambda s: other.labels.index(s.label)):
            status, problem = quoted_verdicts(other, found.label)
            if status in ("failed", "invalid", "timed-out"):
                raise RuleFailure(f"it quotes '{self.label}' of '{self.derivation_id}', which rests on step "
                                  f"'{found.label}' there, and that step is {status}: {problem}")
            if status == "numerically-only":
                numeric.append(found.label)
        if numeric:
            return (f"quotes '{self.label}' of '{self.derivation_id}', which rests on steps checked only "
                    f"numerically there ({', '.join(numeric)})")
        return ""


def earlier_result(derivation_id: str, label: str) -> EarlierResult:
    return EarlierResult((), derivation_id, label)


@dataclass(frozen=True)
class SolvingOde(Rule):
    """The claim f(t) = expression solves the ODE premise and meets the initial condition."""

    function: sp.Basic = sp.Function("f")(sp.Symbol("t"))
    initial: Mapping[sp.Basic, sp.Expr] = field(default_factory=dict)
    bounded: bool = False  # the solution must stay finite as its variable grows without bound

    def describe(self) -> str:
        start = ", ".join(f"{sp.sstr(k)} = {sp.sstr(v)}" for k, v in self.initial.items())
        if self.bounded:
            start += f"{', ' if start else ''}bounded as {sp.sstr(self.function.args[0])} -> oo"
        using = f" using {_quote(self.premises[1:])}" if len(self.premises) > 1 else ""
        return f"by solving '{self.premises[0]}'" + (f" with {start}" if start else "") + using

    def wording(self) -> Wording:
        key = ("solving_ode" + ("_initial" if self.initial else "") + ("_bounded" if self.bounded else "")
               + ("_using" if len(self.premises) > 1 else ""))
        return Wording(key, {"labels": self.premises[:1], "initial": dict(self.initial), "using": self.premises[1:],
                             "variable": self.function.args[0]})

    def obligations(self, claim: Claim, context: Context) -> list[Obligation]:
        if claim.lhs != self.function:
            raise RuleFailure(f"the claim must give {sp.sstr(self.function)} on its left side, "
                              f"not {sp.sstr(claim.lhs)}")
        ode = context.premise(self.premises[0])
        definitions = [context.premise(label) for label in self.premises[1:]]
        solution = substitute(claim.rhs, definitions)
        claim = Claim(claim.lhs, solution)
        (variable,) = self.function.args
        if self.bounded:
            far = sp.limit(claim.rhs, variable, sp.oo)
            if far.is_finite is not True:
                raise RuleFailure(f"the claimed solution is not bounded as {variable} -> oo: it tends to {sp.sstr(far)}")
        in_ode = substitute(ode.difference, [Claim(self.function, claim.rhs)]).doit()
        solved = self._dsolve(ode)
        obligations = [Obligation("differential equation", sp.Integer(0), in_ode,
                                  shows=f"'{self.premises[0]}' with the claim put in, as left side - right side",
                                  claimed_shows="zero",
                                  hint=f"dsolve gives {sp.sstr(solved)}" if solved is not None else "")]
        for point, value in self.initial.items():
            at = point.args[0]
            obligations.append(Obligation(f"initial condition {sp.sstr(point)}", value,
                                          claim.rhs.subs(variable, at),
                                          shows=f"the claim at {variable} = {sp.sstr(at)}",
                                          claimed_shows="the initial value"))
        if solved is not None:  # SymPy's own solution must agree too
            shows = "SymPy's dsolve"
            free = sorted(solved.free_symbols - claim.rhs.free_symbols - ode.difference.free_symbols, key=str)
            if free:  # too few conditions for a unique solution: the claim must be one member of the family
                members = sp.solve(sp.expand(solved - claim.rhs), free, dict=True)
                # a member is a choice of constants: values free of the variable and of the other constants
                if len(members) == 1 and not any(sp.sympify(value).free_symbols & {*free, variable}
                                                 for value in members[0].values()):
                    solved = solved.xreplace(members[0])
                    chosen = ", ".join(f"{sp.sstr(k)} = {sp.sstr(v)}" for k, v in members[0].items())
                    shows = f"SymPy's dsolve, the member of its family with {chosen}"
            obligations.append(Obligation("dsolve", claim.rhs, solved, shows=shows,
                                          claimed_shows="the claimed solution"))
        return obligations

    def _dsolve(self, ode: Claim) -> sp.Expr | None:
        """SymPy's solution with the initial values, or None where dsolve cannot give one."""
        try:
            found = sp.dsolve(sp.Eq(ode.lhs, ode.rhs), self.function, ics=dict(self.initial) or None)
        except (NotImplementedError, ValueError, TypeError):
            return None
        return found.rhs if isinstance(found, sp.Equality) else None


def solving_ode(
    label: str, function: sp.Basic, initial: Mapping[sp.Basic, sp.Expr] | None = None, using: tuple[str, ...] = (),
    bounded: bool = False,
) -> SolvingOde:
    """By solving the differential equation `label` for `function` (e.g. V(t)), with initial values;
    `using` names definitions of the symbols the claimed solution is written with (tau, V_inf);
    `bounded` requires the solution to stay finite as its variable grows (a long cable)."""
    return SolvingOde((label, *using), function, dict(initial or {}), bounded)


_ASSUMPTIONS = ("positive", "negative", "nonnegative", "nonpositive", "nonzero", "integer", "real")


def meets_assumptions(values: Mapping[sp.Basic, sp.Expr], context: Context) -> None:
    """Each value put in for a symbol must meet that symbol's assumptions (a number with a unit by
    its number: -293 K is not positive) and lie in its declared range."""
    for symbol, value in values.items():
        number = sp.sympify(value)
        if number.has(u.Quantity):  # a value with units: its sign is its number's
            number = sp.sympify(number.xreplace({q: 1 for q in number.atoms(u.Quantity)}))
        for assumption in _ASSUMPTIONS:
            if getattr(symbol, f"is_{assumption}") and getattr(number, f"is_{assumption}") is not True:
                raise InputError(f"{sp.sstr(symbol)} is {assumption}, but the value put in for it, "
                                 f"{sp.sstr(value)}, is not known to be")
        quantity = context.derivation.quantity(symbol)
        if quantity is not None and quantity.sample is not None and number.is_number:
            low, high = quantity.sample
            if not low <= float(number) <= high:
                raise InputError(f"{sp.sstr(symbol)} is declared in [{low:g}, {high:g}], but the value put in for it "
                                 f"is {sp.sstr(value)}")


@dataclass(frozen=True)
class InstanceOf(Rule):
    """A general result with particular values or expressions put in for its symbols.

    Sound because a derived equation holds for every value its symbols' assumptions allow;
    so each value put in must itself meet the assumptions of the symbol it replaces.
    """

    values: Mapping[sp.Symbol, sp.Expr] = field(default_factory=dict)

    def describe(self) -> str:
        at = ", ".join(f"{sp.sstr(k)} = {sp.sstr(v)}" for k, v in self.values.items())
        return f"as an instance of {_quote(self.premises)} with {at}"

    def wording(self) -> Wording:
        return Wording("instance_of", {"labels": self.premises, "values": dict(self.values)})

    def obligations(self, claim: Claim, context: Context) -> list[Obligation]:
        general = context.premise(self.premises[0])
        source = context.derivation.step(self.premises[0])
        if is_axiom(source, AxiomKind.GIVEN, AxiomKind.DEFINITION):
            raise InputError(f"'{self.premises[0]}' is a {source.by.nature.name.lower()}, not a general result; "
                             "an instance of it would only define or assume something new: say so with define/given")
        meets_assumptions(self.values, context)
        self._respect_definitions(context)
        instance = general.difference.xreplace(dict(self.values))
        return [Obligation("instance", normal(claim.difference, context), normal(instance, context),
                           either_sign=True, shows=f"'{self.premises[0]}' with the values put in, as left side - right side",
                           claimed_shows="the claim, as left side - right side")]


    def _respect_definitions(self, context: Context) -> None:
        """A symbol an earlier given or definition fixes is not free: it may only be replaced by a new
        symbol (which the instance then defines), or by one whose definition matches its own. A symbol
        in an earlier hypothesis (a `given`, an initial value) may not be replaced at all."""
        hypotheses = _hypothesis_symbols(context)
        for symbol in self.values:
            if symbol in hypotheses:
                raise InputError(f"{sp.sstr(symbol)} appears in {hypotheses[symbol]}, a hypothesis of the "
                                 "derivation: the general result holds for its value only, not for any other")
        definitions = fixed_symbols(context)
        used = set().union(*(s.claim.lhs.free_symbols | s.claim.rhs.free_symbols
                             for s in context.derivation.steps[: context.position]))
        for symbol, value in self.values.items():
            if symbol not in definitions:
                continue
            value = sp.sympify(value)
            if isinstance(value, sp.Symbol) and value not in used:
                continue
            expected = definitions[symbol].xreplace(dict(self.values))
            if sp.simplify(substitute(value, [Claim(k, v) for k, v in definitions.items()]) - expected) != 0:
                raise InputError(f"{sp.sstr(symbol)} is fixed by an earlier given or definition "
                                 f"({sp.sstr(symbol)} = {sp.sstr(definitions[symbol])}); replace it by a new symbol "
                                 f"or by one defined as {sp.sstr(expected)}, not by {sp.sstr(value)}")


def _hypothesis_symbols(context: Context) -> dict[sp.Symbol, str]:
    """Symbols constrained by earlier givens (other than the symbol a given names) and initial values."""
    found: dict[sp.Symbol, str] = {}
    for s in context.derivation.steps[: context.position]:
        if is_axiom(s, AxiomKind.GIVEN):
            named = {s.claim.lhs} if isinstance(s.claim.lhs, sp.Symbol) else set()
            for symbol in (s.claim.lhs.free_symbols | s.claim.rhs.free_symbols) - named:
                found.setdefault(symbol, f"the given '{s.label}'")
        for value in getattr(s.by, "initial", {}).values():
            for symbol in sp.sympify(value).free_symbols:
                found.setdefault(symbol, f"the initial value of '{s.label}'")
    return found


def fixed_symbols(context: Context) -> dict[sp.Symbol, sp.Expr]:
    """Symbols that earlier givens and definitions (not cited general laws) give a value."""
    return {
        s.claim.lhs: s.claim.rhs
        for s in context.derivation.steps[: context.position]
        if is_axiom(s, AxiomKind.GIVEN, AxiomKind.DEFINITION) and isinstance(s.claim.lhs, sp.Symbol)
    }


def _named_by_laws(context: Context) -> dict[sp.Symbol, sp.Expr]:
    """Symbols that earlier cited laws or measured values state in terms of others (F = -k x)."""
    return {
        s.claim.lhs: s.claim.rhs
        for s in context.derivation.steps[: context.position]
        if is_axiom(s, AxiomKind.CITED, AxiomKind.MEASURED) and isinstance(s.claim.lhs, sp.Symbol)
    }


def instance_of(label: str, values: Mapping[sp.Symbol, sp.Expr]) -> InstanceOf:
    return InstanceOf((label,), _values_of(values, "by.instance_of"))


def _premise_system(labels: tuple[str, ...], context: Context) -> list[sp.Expr]:
    return [normal(context.premise(label).difference, context) for label in labels]


@dataclass(frozen=True)
class FindingRoot(Rule):
    """A root of the premises (as left side - right side = 0) found by SymPy's nsolve at 30 digits.

    `setting` fixes the other symbols (parameters, and units such as mV = 1 to work in reduced
    units); `start` gives the unknowns and their initial guesses. The claim gives one unknown as a
    number times a unit, rounded to `digits` significant figures. A numerical root is not a proof:
    the step is at best "numerically only", and says so.
    """

    start: Mapping[sp.Symbol, float] = field(default_factory=dict)
    setting: Mapping[sp.Basic, sp.Expr] = field(default_factory=dict)
    digits: int = 3

    def describe(self) -> str:
        near = ", ".join(f"{sp.sstr(k)} = {v:g}" for k, v in self.start.items())
        return f"by finding the root of {_quote(self.premises)} near {near}"

    def wording(self) -> Wording:
        return Wording("finding_root", {"labels": self.premises, "start": dict(self.start)})

    def root(self, context: Context) -> dict[sp.Symbol, sp.Float]:
        key = f"root/{self.premises}/{sorted(self.start.items(), key=str)}/{sorted(self.setting.items(), key=str)}"
        return dict(memo(key, context, lambda: self._root(context)))

    def _root(self, context: Context) -> dict[sp.Symbol, sp.Float]:
        equations = [e.xreplace(dict(self.setting)) for e in _premise_system(self.premises, context)]
        unknowns = list(self.start)
        stray = set().union(*(e.free_symbols for e in equations)) - set(unknowns)
        if stray:
            raise InputError(f"the setting does not fix {', '.join(sorted(map(sp.sstr, stray)))}")
        found = sp.nsolve(equations, unknowns, list(self.start.values()), prec=30)
        return {u: sp.Float(found[i], 30) for i, u in enumerate(unknowns)}

    def obligations(self, claim: Claim, context: Context) -> list[Obligation]:
        if claim.lhs not in self.start:
            raise RuleFailure(f"the claim's left side {sp.sstr(claim.lhs)} is not one of the unknowns "
                              f"{', '.join(map(sp.sstr, self.start))}")
        number, unit = _decimal_coefficient(claim.rhs)
        if sp.sympify(unit).xreplace(dict(self.setting)) != 1:
            raise RuleFailure(f"the claim is in {sp.sstr(unit)}, but the setting works in units where "
                              f"{', '.join(sp.sstr(k) for k, v in self.setting.items() if v == 1)} are 1")
        value = self.root(context)[claim.lhs]
        return [Obligation("root", number, round_to(value, self.digits),
                           shows=f"the root, rounded to {self.digits} significant figures",
                           computed="root found by nsolve at 30 digits")]


def finding_root(*labels: str, start: Mapping[sp.Symbol, float], setting: Mapping[sp.Basic, sp.Expr],
                 digits: int = 3) -> FindingRoot:
    """By solving the premises numerically for the symbols in `start` (with initial guesses)."""
    return FindingRoot(labels, dict(start), _values_of(setting, "the setting of by.finding_root"), digits)


@dataclass(frozen=True)
class LinearStability(Rule):
    """The largest real part of the eigenvalues of the Jacobian of a system of ODEs at its fixed point.

    The premises are `rate = right side` equations; the Jacobian d(right side_i)/d(state_j) is taken
    symbolically, evaluated at the root found by the step `fixed_point` (a by.finding_root step, in
    its reduced units), and its eigenvalues computed at 30 digits: negative means stable.
    """

    states: tuple[sp.Basic, ...] = ()
    fixed_point: str = ""
    digits: int = 2

    def describe(self) -> str:
        return f"by the eigenvalues of the Jacobian of {_quote(self.premises)} at the root of '{self.fixed_point}'"

    def wording(self) -> Wording:
        return Wording("linear_stability", {"labels": self.premises, "fixed_point": (self.fixed_point,)})

    def obligations(self, claim: Claim, context: Context) -> list[Obligation]:
        import mpmath

        if not isinstance(claim.lhs, sp.Symbol):  # 2*lambda = -0.12/ms would otherwise pass unread
            raise RuleFailure(f"the claim's left side {sp.sstr(claim.lhs)} must be a symbol naming the "
                              "largest real part of the eigenvalues")
        anchor = context.derivation.step(self.fixed_point)
        if not isinstance(anchor.by, FindingRoot):
            raise InputError(f"'{self.fixed_point}' is not a by.finding_root step")
        context.premise(self.fixed_point)  # it must come earlier
        position = context.derivation.labels.index(self.fixed_point)
        point = anchor.by.root(Context(context.derivation, position))
        rates = [normal(context.premise(label).rhs, context) for label in self.premises]
        jacobian = sp.Matrix(rates).jacobian(list(self.states))
        numeric = jacobian.xreplace(dict(anchor.by.setting)).xreplace(point).evalf(30)
        if numeric.free_symbols:
            raise InputError(f"the fixed point does not fix {', '.join(map(sp.sstr, numeric.free_symbols))}")
        with mpmath.workdps(30):
            eigenvalues = mpmath.eig(mpmath.matrix(numeric.tolist()))[0]
            largest = max(mpmath.re(e) for e in eigenvalues)
        number, unit = _decimal_coefficient(claim.rhs)
        if sp.sympify(unit).xreplace(dict(anchor.by.setting)) != 1:
            raise RuleFailure(f"the claim is in {sp.sstr(unit)}, not in the units the fixed point's setting makes 1")
        return [Obligation("largest real part", number, round_to(sp.Float(largest, 30), self.digits),
                           shows=f"the largest real part of the eigenvalues, to {self.digits} significant figures",
                           computed="eigenvalues of the symbolic Jacobian, evaluated at 30 digits")]


def linear_stability(*labels: str, states: tuple[sp.Basic, ...], fixed_point: str, digits: int = 2) -> LinearStability:
    return LinearStability(labels, tuple(expression(s, "a state of by.linear_stability") for s in states),
                           fixed_point, digits)
