"""Mutation self-test: plant small errors in every derivation and count how many are caught.

A mutant is a derivation with one checked step's claim edited the way a tired person edits a
formula: a sign flipped, an integer exponent changed by one, a coefficient doubled or halved,
two symbols of the same dimension swapped, a term of a sum dropped, exp written for log (or
sin for cos). Axioms (given, define, cite) are assumptions, not results, and are never
mutated; nor are claims declared `refuted` (they are false already).

Each mutant is judged twice, independently:

- symbolically: the mutated step is checked by `derive.check.check_step` in the context of
  the otherwise unchanged derivation. It is *rejected* when its status is not ok (failed,
  timed out, invalid).
- numerically, when the mutated step is a final result (a `NumericCheck` names it): the
  numeric checks of that step are run again with the mutated prediction. The simulation
  never sees the formula, so its result (same seed, same parameters) is recorded once and
  replayed; the judging is `derive.verify.run_check`'s own.

A mutant may say the same thing as the original (-E[k] = 0 for E[k] = 0): it is *equivalent*
and cannot be caught. Every mutant is tested for equivalence, by the checker's own sampler
first (a point where the two differ proves they are not equivalent), then by SymPy. The
targets are measured on the non-equivalent mutants only (symbolic), and on the mutants that
move a final result by more than its check's resolution (numeric): 2 % of the prediction for
a statistical check (`stats.DETECTABLE`), the tolerance for a computed one (`verify.py`).
"""

from __future__ import annotations

import itertools
import random
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.physics.units import Quantity as UnitQuantity

from derive import by, expectation, stats
from derive import executor as executors
from derive.check import OPAQUE, Sampler, Settings, check_step, prove
from derive.executor import Executor, Lost, Unit
from derive.model import Claim, Context, Derivation, Expect, NumericCheck, Obligation, RuleKind, Step
from derive.progress import Progress
from derive.registry import ship
from derive.report import CheckResult
from derive.timelimit import time_limit
from derive.units import as_dims
from derive.verify import run_check

SYMBOLIC_TARGET = 0.99  # of non-equivalent mutants rejected by the symbolic checker
NUMERIC_TARGET = 0.95  # of mutants moving a final result beyond resolution rejected by its checks

OPERATORS = ("flip-sign", "exponent", "scale", "swap", "drop-term", "function", "magnitude", "branch",
             "extra-hypothesis")

# Only the expression (the first argument) of these is edited, never their variables or limits.
_BINDING = (sp.Derivative, sp.Integral, sp.Limit, sp.Sum, sp.Subs)
_SWAPPED_FUNCTIONS = {sp.exp: sp.log, sp.log: sp.exp, sp.sin: sp.cos, sp.cos: sp.sin,
                      sp.sinh: sp.cosh, sp.cosh: sp.sinh}
_SIDES = {"lhs": "left side", "rhs": "right side"}


# --- generating mutants --------------------------------------------------------------------


@dataclass(frozen=True)
class Mutant:
    """One step's claim, edited once."""

    derivation: str
    number: int  # 1-based position of the step
    label: str
    operator: str  # one of OPERATORS
    edit: str  # what was changed, in words
    claim: Claim

    def apply(self, derivation: Derivation) -> Derivation:
        """The derivation with this mutant's claim in place of the original one."""
        return derivation.with_claim(self.label, self.claim)


Path = tuple[int, ...]


def _sites(expr: sp.Basic) -> Iterator[tuple[Path, sp.Basic, str]]:
    """Every node of expr with its path (argument indices) and its role in its parent:
    'side' (the root), 'term' (of a sum), 'factor' (of a product), 'base', 'exponent',
    'argument' (of a function, an E[...], a sequence x(n), or the expression of a derivative)."""

    def walk(node: sp.Basic, path: Path, role: str) -> Iterator[tuple[Path, sp.Basic, str]]:
        yield path, node, role
        if node.is_Atom or isinstance(node, UnitQuantity):
            return
        if isinstance(node, _BINDING):
            children = [(0, "argument")]
        elif isinstance(node, sp.Add):
            children = [(i, "term") for i in range(len(node.args))]
        elif isinstance(node, sp.Mul):
            children = [(i, "factor") for i in range(len(node.args))]
        elif isinstance(node, sp.Pow):
            children = [(0, "base"), (1, "exponent")]
        elif isinstance(node, sp.Function):
            children = [(i, "argument") for i in range(len(node.args))]
        else:  # tuples, piecewise conditions, ...: left alone
            return
        for index, child_role in children:
            yield from walk(node.args[index], path + (index,), child_role)

    yield from walk(sp.sympify(expr), (), "side")


def _replaced(expr: sp.Basic, path: Path, new: sp.Basic) -> sp.Basic:
    """expr with the node at `path` replaced by `new` (the parents rebuilt, so SymPy
    re-evaluates them as it would if the formula had been typed that way)."""
    if not path:
        return new
    args = list(expr.args)
    args[path[0]] = _replaced(args[path[0]], path[1:], new)
    return expr.func(*args)


def _edits(expr: sp.Basic) -> Iterator[tuple[str, str, sp.Basic]]:
    """(operator, description, edited expression) for every single-node edit of expr."""
    for path, node, role in _sites(expr):
        shown = sp.sstr(node)
        if role in ("side", "term", "argument", "exponent") and node != 0:
            yield "flip-sign", f"flip the sign of {shown}", _replaced(expr, path, -node)
        if role in ("side", "term", "argument") and node != 0:
            yield "scale", f"double {shown}", _replaced(expr, path, 2 * node)
            yield "scale", f"halve {shown}", _replaced(expr, path, node / 2)
        if isinstance(node, sp.Pow) and node.exp.is_Integer:
            for change in (1, -1):
                exponent = node.exp + change
                yield ("exponent", f"change the exponent of {sp.sstr(node.base)} from {node.exp} to {exponent}",
                       _replaced(expr, path, sp.Pow(node.base, exponent)))
        if isinstance(node, sp.Add):
            for index, term in enumerate(node.args):
                rest = node.args[:index] + node.args[index + 1:]
                yield "drop-term", f"drop the term {sp.sstr(term)} of {shown}", _replaced(expr, path, sp.Add(*rest))
        if (isinstance(node, UnitQuantity) or (node.is_Number and node not in (0, 1, -1))) and role != "exponent":
            # a constant or a unit off by a factor 1000 (kg for g, mV for V): the commonest unit slip
            yield "magnitude", f"multiply {shown} by 1000", _replaced(expr, path, 1000 * node)
            yield "magnitude", f"divide {shown} by 1000", _replaced(expr, path, node / 1000)
        if isinstance(node, sp.Abs):  # (the negative root of a square root is already a flipped sign)
            yield "branch", f"drop the absolute value of {shown}", _replaced(expr, path, node.args[0])
        if isinstance(node, sp.Function) and node.func in _SWAPPED_FUNCTIONS:
            other = _SWAPPED_FUNCTIONS[node.func]
            yield ("function", f"write {other.__name__} for {node.func.__name__} in {shown}",
                   _replaced(expr, path, other(*node.args)))


def _swap(expr: sp.Basic, a: Any, b: Any) -> sp.Basic:
    """expr with the symbols (or sequence heads such as x and y in x(n), y(n)) a and b swapped."""
    if isinstance(a, sp.Symbol):
        return sp.sympify(expr).xreplace({a: b, b: a})
    return sp.sympify(expr).replace(
        lambda e: isinstance(e, AppliedUndef) and e.func in (a, b),
        lambda e: (b if e.func == a else a)(*e.args),
    )


def _swappable_pairs(derivation: Derivation, claim: Claim) -> list[tuple[Any, Any]]:
    """Pairs of declared symbols, or of declared sequence heads, of the same dimension that both
    occur in the claim."""
    expr = sp.Tuple(claim.lhs, claim.rhs)
    present = expr.free_symbols | {f.func for f in expr.atoms(AppliedUndef)}
    groups: dict[tuple[bool, tuple], list[Any]] = {}
    for quantity in derivation.symbols:
        if quantity.head in present:
            key = (isinstance(quantity.head, sp.Symbol), tuple(sorted(as_dims(quantity.dimension).items())))
            groups.setdefault(key, []).append(quantity.head)
    return [pair for heads in groups.values() for pair in itertools.combinations(heads, 2)]


def mutable(step: Step) -> bool:
    """Whether the step is mutated: checked steps that must hold (not axioms, not refuted claims)."""
    return step.by.kind is not RuleKind.AXIOM and step.expect is Expect.HOLDS


def mutants_of_step(derivation: Derivation, number: int) -> list[Mutant]:
    """Every distinct mutant of step `number` (1-based); edits that leave the claim as it was
    (swapping the two factors of a product, negating a 0) are not mutants."""
    step = derivation.steps[number - 1]
    original = step.claim
    seen = {(original.lhs, original.rhs)}
    found: list[Mutant] = []

    def add(operator: str, edit: str, lhs: sp.Basic, rhs: sp.Basic) -> None:
        if (lhs, rhs) in seen:
            return
        seen.add((lhs, rhs))
        found.append(Mutant(derivation.id, number, step.label, operator, edit,
                            Claim(lhs, rhs, approximate=original.approximate)))

    for side in ("lhs", "rhs"):
        expr = getattr(original, side)
        for operator, edit, edited in _edits(expr):
            lhs, rhs = (edited, original.rhs) if side == "lhs" else (original.lhs, edited)
            add(operator, f"{edit} in the {_SIDES[side]}", lhs, rhs)
    for a, b in _swappable_pairs(derivation, original):
        add("swap", f"swap {a} and {b}", _swap(original.lhs, a, b), _swap(original.rhs, a, b))
        add("swap", f"swap {a} and {b} in the left side only", _swap(original.lhs, a, b), original.rhs)
        add("swap", f"swap {a} and {b} in the right side only", original.lhs, _swap(original.rhs, a, b))
    for symbol, value in _silent_hypotheses(derivation, original):
        # a result that holds only under an unstated hypothesis (L = 1, a mean step of 0)
        try:
            edited = sp.sympify(original.rhs).subs(symbol, value)
        except (ValueError, TypeError, ZeroDivisionError):
            continue
        if not edited.has(sp.zoo, sp.nan):
            add("extra-hypothesis", f"assume {symbol} = {value} silently in the right side", original.lhs, edited)
    return found


def _silent_hypotheses(derivation: Derivation, claim: Claim) -> list[tuple[sp.Symbol, sp.Integer]]:
    """The values an unstated hypothesis would give the claim's declared symbols: 1 for any, and 0
    for those whose assumptions allow it."""
    declared = {q.head for q in derivation.symbols if isinstance(q.head, sp.Symbol)}
    found = []
    rhs = sp.sympify(claim.rhs)
    bound = {v for a in rhs.atoms(sp.Derivative, sp.Integral, sp.Subs, sp.Sum, sp.Limit)
             for v in getattr(a, "variables", ()) + tuple(getattr(a, "free_symbols", set()) - rhs.free_symbols)}
    for symbol in sorted((rhs.free_symbols & declared) - bound, key=lambda s: s.name):
        found.append((symbol, sp.Integer(1)))
        if symbol.is_zero is not False and not symbol.is_positive:
            found.append((symbol, sp.Integer(0)))
    return found


def mutants_of(derivation: Derivation) -> list[Mutant]:
    """Every mutant of every mutable step, in the order of the steps."""
    return [m for number, step in enumerate(derivation.steps, start=1) if mutable(step)
            for m in mutants_of_step(derivation, number)]


# --- judging one mutant ----------------------------------------------------------------------


@dataclass
class NumericVerdict:
    """What the numeric checks of the mutated step said."""

    checks: list[str]  # names of the checks run
    moved: bool  # the prediction moved by more than the resolution for at least one check
    rejected: bool  # at least one check failed (or could not evaluate the prediction)
    detail: str  # predictions before and after, resolutions, which checks failed
    unevaluable: bool = False  # a check stopped with an error: the prediction could not be evaluated


@dataclass
class Outcome:
    """One mutant and what the checkers made of it."""

    mutant: Mutant
    status: str  # the symbolic checker's status for the mutated step
    rejected: bool  # by the symbolic checker
    reason: str  # why it was rejected (the problem and counterexample), or the checker's note
    equivalent: str = ""  # why the mutant says the same as the original; "" if it does not
    numeric: NumericVerdict | None = None

    @property
    def survived(self) -> bool:
        """Accepted by the symbolic checker although it says something else than the original."""
        return not self.rejected and not self.equivalent


class Equivalence:
    """Decides whether mutants of one step say the same as the original, or "" when they do not.

    Three tests, each by a quick evaluation at one point, then the checker's sampler (a point
    where two expressions differ settles it), then SymPy:

    1. the two equations are the same: lhs - rhs of each agree up to sign, once E[...] is put
       in linear normal form (always valid: E[-X] = -E[X]);
    2. one is the other multiplied by a number (2 E[k] = 0 is E[k] = 0);
    3. the mutated claim is true under the derivation's hypotheses: with every earlier axiom
       (given, definition, cited law) substituted and the moments of the declared distributions
       put in, its two sides agree (x(0) = 0 makes E[x(0)^3] = 0 as true as E[x(0)^2] = 0).
       No checked step is used, so this does not rely on the checker's verdicts.

    Agreement at every sample point that SymPy cannot prove is reported as such. Built once per
    step: the unmutated side of most mutants is reduced only once.
    """

    def __init__(self, derivation: Derivation, number: int, settings: Settings):
        self.derivation, self.settings = derivation, settings
        self.context = Context(derivation, number - 1)
        step = derivation.steps[number - 1]
        self.sampler = Sampler(derivation, settings.design, seed=f"{derivation.id}/{step.label}/equivalence")
        self.hypotheses = [s.claim for s in derivation.steps[: number - 1] if s.by.kind is RuleKind.AXIOM]
        with time_limit(settings.seconds_per_step):
            self.original = by.normal(step.claim.difference, self.context)
        self._reduced: dict[sp.Basic, sp.Basic] = {}

    def of(self, mutated: Claim) -> str:
        """Why `mutated` says the same as the original claim, or ""."""
        limit = self.settings.seconds_per_step  # each piece below; SymPy's own work is limited inside _agree
        try:
            with time_limit(limit):
                after = by.normal(mutated.difference, self.context)
            same = self._agree(Obligation("equivalence", after, self.original, either_sign=True))
            if same:
                return f"the same equation as the original ({same})"
            with time_limit(limit):
                for factor in (2, sp.Rational(1, 2), -2, -sp.Rational(1, 2)):
                    if sp.expand(after - factor * self.original) == 0:
                        return f"the original equation multiplied by {factor}"
            with time_limit(limit):
                lhs, rhs = self._under_hypotheses(mutated.lhs), self._under_hypotheses(mutated.rhs)
            true = self._agree(Obligation("truth", lhs, rhs))
            if true:
                return f"true under the derivation's hypotheses ({true}): {sp.sstr(lhs)} = {sp.sstr(rhs)}"
        except Exception:  # noqa: BLE001 - any failure here means "undecided"
            return ""  # undecided counts as not equivalent: the conservative side for the checker's score
        return ""

    def _agree(self, obligation: Obligation) -> str:
        """How the obligation's two sides were found equal ("proved", "at all N sampled points"), or ""."""
        if _differ_at_one_point(obligation, self.derivation):
            return ""  # most mutants: settled without compiling the sampler's functions
        found = self.sampler.falsify(obligation)
        if found.counterexample is not None or found.points == 0:
            return ""
        verdict = prove(obligation, time.perf_counter() + min(self.settings.seconds_per_step, 2.0))
        return "proved by SymPy" if verdict is True else \
            f"equal at all {found.points} sampled points, not proved: {verdict}"

    def _under_hypotheses(self, expr: sp.Expr) -> sp.Expr:
        """expr with the earlier axioms substituted, E[...] normalised and declared moments computed."""
        if expr not in self._reduced:
            reduced = by.normal(by.substitute(sp.sympify(expr), self.hypotheses), self.context)
            for quantity in self.derivation.symbols:
                if quantity.distribution is not None and reduced.has(quantity.head):
                    reduced = expectation.moments(reduced, quantity.head, quantity.distribution,
                                                  self.context.is_random)
            self._reduced[expr] = reduced
        return self._reduced[expr]


def _differ_at_one_point(obligation: Obligation, derivation: Derivation) -> bool:
    """Whether the two sides take different real values (with either sign, if allowed) at one point
    inside every symbol's declared range. A quick, sound disproof: False means "not shown"."""
    claimed, produced = sp.sympify(obligation.claimed), sp.sympify(obligation.produced)
    both = sp.Tuple(claimed, produced)
    rng = random.Random(len(both.args[0].args) + 7 * len(both.args[1].args))
    values: dict[sp.Basic, sp.Expr] = {}
    for atom in sorted(_opaque(both), key=sp.default_sort_key):  # E[...], x(n), units: independent values
        values[atom] = sp.Float(rng.uniform(0.5, 2.0), 30)
    quantities = {q.head: q for q in derivation.symbols}
    for symbol in sorted(both.xreplace(values).free_symbols, key=sp.default_sort_key):
        sample = getattr(quantities.get(symbol), "sample", None)
        if symbol.is_even or symbol.is_odd or symbol.is_prime or symbol.is_nonzero is False:
            return False  # assumptions this quick test does not try to meet
        if sample is not None and not symbol.is_integer:
            values[symbol] = sp.Float(rng.uniform(*sample), 30)
        elif symbol.is_integer:
            values[symbol] = sp.Integer(rng.randint(2, 6) * (-1 if symbol.is_negative else 1))
        else:
            values[symbol] = sp.Float(rng.uniform(0.5, 2.0) * (-1 if symbol.is_negative else 1), 30)
        if sample is not None and not sample[0] <= values[symbol] <= sample[1]:
            return False
    try:
        with time_limit(0.5):
            a, b = (sp.N(side.xreplace(values), 30) for side in (claimed, produced))
    except Exception:  # noqa: BLE001 - not evaluable here: not shown to differ
        return False
    if not (a.is_real and b.is_real and a.is_finite and b.is_finite):
        return False
    signs = (1, -1) if obligation.either_sign else (1,)
    return all(abs(a - sign * b) > sp.Float(10) ** -20 * max(abs(a), abs(b), 1) for sign in signs)


def _opaque(expr: sp.Basic) -> set[sp.Basic]:
    """The outermost parts the checker's sampler treats as independent values (E[...], x(n), ...)."""
    if isinstance(expr, OPAQUE):
        return {expr}
    return set().union(*(_opaque(arg) for arg in expr.args))


@dataclass
class _Baseline:
    """A numeric check as it ran on the unmutated derivation, ready to be replayed."""

    check: NumericCheck  # with its simulation replaced by the recorded result
    result: CheckResult
    resolution: float  # the smallest change of the prediction the check is meant to catch


def _baselines(derivation: Derivation, seed: int, step: str | None = None) -> dict[str, list[_Baseline]]:
    """The passing numeric checks that name a step (the step `step`, if given), by step label,
    each run once for real.

    Computed parameters are frozen to their values and the simulation's result recorded, so
    replaying a check with a mutated prediction gives what `derive check` would give.
    """
    found: dict[str, list[_Baseline]] = {}
    for check in derivation.checks:
        if not check.step or check.expect is not Expect.HOLDS or check.reference is not None:
            continue
        if step is not None and check.step != step:
            continue
        frozen = {key: float(value() if callable(value) else value) for key, value in check.at.items()}
        recorded: list[Any] = []

        def recording(values: Any, rng: Any, simulate: Callable = check.simulate,
                      recorded: list[Any] = recorded) -> Any:
            recorded.append(simulate(values, rng))
            return recorded[-1]

        result = run_check(derivation, replace(check, at=frozen, simulate=recording), seed)
        if not result.passed or not recorded:
            continue  # a check that fails unmutated cannot judge mutants
        estimate = recorded[0]
        replay = replace(check, at=frozen, simulate=lambda values, rng, estimate=estimate: estimate)
        if result.kind == "computed":
            resolution = result.resolution
        else:
            scale = abs(result.prediction) if check.scale is None else \
                abs(float(sp.sympify(check.scale).xreplace({k: sp.Float(v) for k, v in frozen.items()})))
            resolution = stats.DETECTABLE * scale
        found.setdefault(check.step, []).append(_Baseline(replay, result, resolution))
    return found


def _numeric_verdict(mutated: Derivation, baselines: list[_Baseline], seed: int) -> NumericVerdict:
    moved, rejected, unevaluable, notes = False, False, False, []
    for baseline in baselines:
        name = baseline.check.name
        try:
            result = run_check(mutated, baseline.check, seed)
        except Exception as error:  # noqa: BLE001 - InputError, math domain error...: `derive check` stops too
            moved = rejected = unevaluable = True
            notes.append(f"'{name}': the prediction cannot be evaluated ({type(error).__name__}: {error})")
            continue
        change = abs(result.prediction - baseline.result.prediction)
        beyond = not change <= baseline.resolution  # a NaN prediction counts as moved
        moved = moved or beyond
        rejected = rejected or not result.passed
        notes.append(
            f"'{name}': prediction {baseline.result.prediction:.6g} -> {result.prediction:.6g} "
            f"(resolution {baseline.resolution:.3g}); simulation {result.estimate:.6g} ± {result.stderr:.2g}, "
            f"tolerance {result.tolerance:.3g}: {'passed' if result.passed else 'failed'}"
        )
    return NumericVerdict([b.check.name for b in baselines], moved, rejected, "; ".join(notes), unevaluable)


def judge(derivation: Derivation, mutant: Mutant, settings: Settings, baselines: list[_Baseline] | None = None,
          seed: int = 0, equivalence: Equivalence | None = None) -> Outcome:
    """Check the mutated step in the unchanged derivation, test it for equivalence, and run the
    numeric checks of the step when `baselines` (from the unmutated derivation) are given.

    `equivalence` may be shared by the mutants of one step (it caches work on the original)."""
    mutated = mutant.apply(derivation)
    try:
        result = check_step(mutated, mutant.number, settings)
    except RuntimeError as error:  # the checker crashed on it: `derive check` would stop with an error
        outcome = Outcome(mutant, "crashed", True, f"the checker raised: {error}")
    else:
        reason = result.problem or result.note or result.status.value
        if result.counterexample is not None:
            reason += f" Counterexample: {result.counterexample}"
        elif result.hint:
            reason += f" {result.hint}"
        outcome = Outcome(mutant, result.status.value, not result.ok, reason)
    equivalence = equivalence or Equivalence(derivation, mutant.number, settings)
    outcome.equivalent = equivalence.of(mutant.claim)
    if baselines:
        outcome.numeric = _numeric_verdict(mutated, baselines, seed)
    return outcome


# --- scores ----------------------------------------------------------------------------------


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _percent(rate: float | None) -> str:
    return "-" if rate is None else f"{100 * rate:.1f} %"


@dataclass
class Tally:
    """The counts behind the two kill rates, for one derivation or the whole selection."""

    mutants: int = 0
    equivalent: int = 0
    symbolic_rejected: int = 0  # among the non-equivalent mutants
    of_final_results: int = 0  # mutants of steps that numeric checks name
    beyond_resolution: int = 0  # ... that move a prediction by more than a check's resolution
    numeric_rejected: int = 0  # ... of those, rejected by the checks
    numeric_unevaluable: int = 0  # ... of those, rejected because a check could not evaluate the prediction

    @property
    def non_equivalent(self) -> int:
        return self.mutants - self.equivalent

    @property
    def symbolic_rate(self) -> float | None:
        return _rate(self.symbolic_rejected, self.non_equivalent)

    @property
    def numeric_rate(self) -> float | None:
        return _rate(self.numeric_rejected, self.beyond_resolution)

    def add(self, other: Tally) -> None:
        for name in ("mutants", "equivalent", "symbolic_rejected", "of_final_results",
                     "beyond_resolution", "numeric_rejected", "numeric_unevaluable"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class DerivationScore:
    """The outcomes of every mutant of one derivation."""

    id: str
    outcomes: list[Outcome]
    seconds: float
    skipped: list[str] = field(default_factory=list)  # steps not mutated because they fail unmutated
    lost: list[str] = field(default_factory=list)  # steps whose worker died: "step 3 'msd': why"

    @property
    def tally(self) -> Tally:
        tally = Tally(mutants=len(self.outcomes))
        for o in self.outcomes:
            tally.equivalent += bool(o.equivalent)
            tally.symbolic_rejected += o.rejected and not o.equivalent
            if o.numeric is not None:
                tally.of_final_results += 1
                tally.beyond_resolution += o.numeric.moved
                tally.numeric_rejected += o.numeric.moved and o.numeric.rejected
                tally.numeric_unevaluable += o.numeric.moved and o.numeric.unevaluable
        return tally

    def summary(self) -> str:
        """One line for the progress stream (the same shape as `derive check`'s)."""
        t = self.tally
        lost = f"; LOST {len(self.lost)} step(s): " + "; ".join(self.lost) if self.lost else ""
        return (f"{self.id}: {t.mutants} mutants, {t.equivalent} equivalent; symbolic "
                f"{t.symbolic_rejected}/{t.non_equivalent} rejected; numeric {t.numeric_rejected}/"
                f"{t.beyond_resolution} rejected in {self.seconds:.1f} s{lost}")


@dataclass
class MutationReport:
    """The mutation self-test of a selection of derivations, with the targets."""

    derivations: list[DerivationScore]
    seed: int
    symbolic_only: bool
    seconds: float

    @property
    def tally(self) -> Tally:
        total = Tally()
        for score in self.derivations:
            total.add(score.tally)
        return total

    @property
    def symbolic_met(self) -> bool:
        rate = self.tally.symbolic_rate
        return rate is None or rate >= SYMBOLIC_TARGET

    @property
    def numeric_met(self) -> bool:
        rate = self.tally.numeric_rate
        return self.symbolic_only or rate is None or rate >= NUMERIC_TARGET

    @property
    def lost(self) -> list[str]:
        """Steps whose mutants were not judged because their worker died, each named."""
        return [f"{d.id}, {why}" for d in self.derivations for why in d.lost]

    @property
    def passed(self) -> bool:
        return self.symbolic_met and self.numeric_met and not self.lost

    @property
    def exit_code(self) -> int:
        return 0 if self.passed else 1

    def survivors(self) -> list[Outcome]:
        """Non-equivalent mutants the symbolic checker accepted."""
        return [o for d in self.derivations for o in d.outcomes if o.survived]

    def numeric_survivors(self) -> list[Outcome]:
        """Mutants that move a final result beyond resolution and pass its numeric checks."""
        return [o for d in self.derivations for o in d.outcomes
                if o.numeric is not None and o.numeric.moved and not o.numeric.rejected]

    def equivalents(self) -> list[Outcome]:
        return [o for d in self.derivations for o in d.outcomes if o.equivalent]

    def text(self) -> str:
        """The table, the targets, then every survivor and every equivalent mutant with its reason."""
        header = (f"{'derivation':<22} {'mutants':>7} {'equiv.':>6}  {'symbolic rejected':<22} "
                  f"{'final-result mutants':>20}  {'numeric rejected (moved > resolution)':<20}  {'seconds':>7}")
        rows = [header]

        def row(name: str, t: Tally, seconds: float) -> str:
            numeric = "skipped" if self.symbolic_only else \
                f"{t.numeric_rejected}/{t.beyond_resolution} ({_percent(t.numeric_rate)})"
            return (f"{name:<22} {t.mutants:>7} {t.equivalent:>6}  "
                    f"{f'{t.symbolic_rejected}/{t.non_equivalent} ({_percent(t.symbolic_rate)})':<22} "
                    f"{t.of_final_results:>20}  {numeric:<38}  {seconds:>7.1f}")

        rows += [row(d.id, d.tally, d.seconds) for d in self.derivations]
        total = self.tally
        rows.append(row("all", total, self.seconds))
        met = {True: "met", False: "MISSED"}
        rows.append("")
        rows.append(f"symbolic target: at least {SYMBOLIC_TARGET:.0%} of non-equivalent mutants rejected: "
                    f"{met[self.symbolic_met]} ({_percent(total.symbolic_rate)})")
        if self.symbolic_only:
            rows.append("numeric target: not measured (--symbolic-only)")
        else:
            rows.append(f"numeric target: at least {NUMERIC_TARGET:.0%} of mutants that move a final result "
                        f"beyond its check's resolution rejected: {met[self.numeric_met]} "
                        f"({_percent(total.numeric_rate)}; {total.numeric_unevaluable} of the "
                        f"{total.numeric_rejected} because a check could not evaluate the prediction)")
        for score in self.derivations:
            for label in score.skipped:
                rows.append(f"{score.id}: step '{label}' fails unmutated and was not mutated")
        for lost in self.lost:
            rows.append(f"LOST, not judged: {lost}")
        sections = [
            ("symbolic survivors", self.survivors(), lambda o: f"survived as {o.status}: {o.reason}"),
            ("numeric survivors", self.numeric_survivors(), lambda o: o.numeric.detail),
            ("equivalent mutants", self.equivalents(),
             lambda o: f"equivalent: {o.equivalent} (checker: {o.status})"),
        ]
        for title, outcomes, why in sections:
            rows.append("")
            rows.append(f"{title} ({len(outcomes)}):" if outcomes else f"{title}: none")
            for o in outcomes:
                m = o.mutant
                rows.append(f"  {m.derivation}, step {m.number} '{m.label}' ({m.operator}): {m.edit}")
                rows.append(f"    mutated claim: {m.claim}")
                rows.append(f"    {why(o)}")
        return "\n".join(rows)

    def to_json(self) -> dict[str, Any]:
        """The report as plain data (schema neuroderive.mutation/1)."""

        def counts(t: Tally) -> dict[str, Any]:
            return {"mutants": t.mutants, "equivalent": t.equivalent, "non_equivalent": t.non_equivalent,
                    "symbolic_rejected": t.symbolic_rejected, "symbolic_rate": t.symbolic_rate,
                    "final_result_mutants": t.of_final_results, "beyond_resolution": t.beyond_resolution,
                    "numeric_rejected": t.numeric_rejected, "numeric_unevaluable": t.numeric_unevaluable,
                    "numeric_rate": t.numeric_rate}

        def outcome(o: Outcome) -> dict[str, Any]:
            m = o.mutant
            numeric = None if o.numeric is None else {
                "checks": o.numeric.checks, "moved_beyond_resolution": o.numeric.moved,
                "rejected": o.numeric.rejected, "unevaluable": o.numeric.unevaluable,
                "detail": o.numeric.detail}
            return {"step": m.label, "number": m.number, "operator": m.operator, "edit": m.edit,
                    "claim": str(m.claim), "status": o.status, "rejected": o.rejected, "reason": o.reason,
                    "equivalent": o.equivalent or None, "survived": o.survived, "numeric": numeric}

        return {
            "schema": "neuroderive.mutation/1",
            "seed": self.seed,
            "symbolic_only": self.symbolic_only,
            "seconds": round(self.seconds, 2),
            "targets": {"symbolic": SYMBOLIC_TARGET, "numeric": NUMERIC_TARGET,
                        "symbolic_met": self.symbolic_met, "numeric_met": self.numeric_met},
            "passed": self.passed,
            "total": counts(self.tally),
            "derivations": [
                {"id": d.id, "seconds": round(d.seconds, 2), "skipped_steps": d.skipped, **counts(d.tally),
                 "mutants": [outcome(o) for o in d.outcomes], **({"lost_steps": d.lost} if d.lost else {})}
                for d in self.derivations
            ],
        }


# --- the whole run ---------------------------------------------------------------------------


@dataclass
class StepScore:
    """The outcomes of the mutants of one step: one unit of work of the mutation self-test."""

    number: int
    label: str
    outcomes: list[Outcome]
    seconds: float
    skipped: bool = False  # the step fails unmutated, so it was not mutated


def score_step(derivation: Derivation, number: int, *, seed: int = 0, symbolic_only: bool = False,
               settings: Settings = Settings(), progress: Progress | None = None) -> StepScore:
    """Generate and judge every mutant of step `number` (1-based), with the baselines of the
    numeric checks that name it. A step that fails unmutated is not mutated (`skipped`): a
    mutant of a failing step says nothing about the checker."""
    progress = progress or Progress(quiet=True)
    settings = replace(settings, simplify_residuals=False)  # mutants' residuals are not shown
    started = time.perf_counter()
    step = derivation.steps[number - 1]
    if not check_step(derivation, number, settings).ok:
        return StepScore(number, step.label, [], time.perf_counter() - started, skipped=True)
    baselines = {} if symbolic_only else _baselines(derivation, seed, step=step.label)
    mutants = mutants_of_step(derivation, number)
    equivalence = Equivalence(derivation, number, settings)
    outcomes = []
    for index, mutant in enumerate(mutants, start=1):
        progress.doing(f"{derivation.id}: step {number}/{len(derivation.steps)} '{step.label}', "
                       f"mutant {index}/{len(mutants)}")
        outcomes.append(judge(derivation, mutant, settings, baselines.get(step.label), seed, equivalence))
    return StepScore(number, step.label, outcomes, time.perf_counter() - started)


def _score_unit(shipped: Any, number: int, seed: int, symbolic_only: bool, settings: Settings) -> StepScore:
    """One step's mutants, in whichever process runs them."""
    return score_step(shipped.derivation, number, seed=seed, symbolic_only=symbolic_only, settings=settings)


def _mutated_steps(derivation: Derivation, steps: Sequence[str] | None = None) -> list[int]:
    return [number for number, step in enumerate(derivation.steps, start=1)
            if mutable(step) and (steps is None or step.label in steps)]


def _assemble(derivation: Derivation, steps: list[StepScore | Lost]) -> DerivationScore:
    outcomes, skipped, lost, seconds = [], [], [], 0.0
    for number, part in zip(_mutated_steps(derivation), steps):
        if isinstance(part, Lost):
            lost.append(f"step {number} '{derivation.steps[number - 1].label}': {part.reason}")
            continue
        outcomes += part.outcomes
        seconds += part.seconds
        if part.skipped:
            skipped.append(part.label)
    return DerivationScore(derivation.id, outcomes, seconds, skipped, lost)


def score(derivation: Derivation, *, seed: int = 0, symbolic_only: bool = False,
          settings: Settings = Settings(), steps: Sequence[str] | None = None,
          progress: Progress | None = None) -> DerivationScore:
    """Generate and judge every mutant of one derivation (of the steps labelled `steps`, if given),
    in this process. Steps that fail unmutated are listed in `skipped`."""
    parts = [score_step(derivation, number, seed=seed, symbolic_only=symbolic_only, settings=settings,
                        progress=progress) for number in _mutated_steps(derivation, steps)]
    return DerivationScore(derivation.id, [o for part in parts for o in part.outcomes],
                           sum(part.seconds for part in parts), [part.label for part in parts if part.skipped])


def run(derivations: Sequence[Derivation], *, seed: int = 0, symbolic_only: bool = False,
        settings: Settings = Settings(), progress: Progress | None = None,
        executor: Executor | None = None) -> MutationReport:
    """The mutation self-test of every derivation given, one summary line each on `progress`.

    The mutants of one step are one unit of work, on `executor` (default: in this process); a
    step whose worker died is listed as lost, by name, and fails the self-test."""
    progress = progress or Progress(quiet=True)
    started = time.perf_counter()
    plan = [(d, number) for d in derivations for number in _mutated_steps(d)]
    executor = executor or executors.Serial()
    with executor as running:
        units = [Unit(f"{d.id}, step {number} '{d.steps[number - 1].label}'",
                      (ship(d, portable=running.ships), number, seed, symbolic_only, settings)) for d, number in plan]
        parts: dict[int, StepScore | Lost] = {}
        remaining = {d.id: len(_mutated_steps(d)) for d in derivations}
        by_id = {d.id: d for d in derivations}

        def finished(index: int, part: StepScore | Lost) -> None:
            parts[index] = part
            derivation = plan[index][0]
            remaining[derivation.id] -= 1
            if not remaining[derivation.id]:
                mine = [parts[i] for i, (d, _) in enumerate(plan) if d.id == derivation.id]
                progress.finished(_assemble(by_id[derivation.id], mine))  # type: ignore[arg-type]  # needs only .summary()
            progress.doing(f"mutated {len(parts)} of {len(plan)} steps on {running.describe()}")

        if isinstance(running, executors.Serial):  # in this process: the live line shows each mutant
            results = []
            for index, unit in enumerate(units):
                d, number = plan[index]
                results.append(score_step(d, number, seed=seed, symbolic_only=symbolic_only, settings=settings,
                                          progress=progress))
                finished(index, results[-1])
        else:
            results = running.map(_score_unit, units, finished)
    for derivation in derivations:  # one with no mutable step still gets its line
        if not remaining[derivation.id] and not _mutated_steps(derivation):
            progress.finished(_assemble(derivation, []))  # type: ignore[arg-type]
    progress.close()
    scores = [_assemble(d, [results[i] for i, (p, _) in enumerate(plan) if p.id == d.id]) for d in derivations]
    return MutationReport(scores, seed, symbolic_only, time.perf_counter() - started)
