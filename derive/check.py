"""The symbolic checker: judges every step of a derivation.

For each obligation a rule produces (`claimed` must equal `produced`), the checker first
tries to falsify it at points drawn from each symbol's declared range (small integers first,
so a counterexample can be checked by hand, then random floats, all in 30-digit mpmath):
this is fast and yields the counterexample. Only then does it try to prove it, cheap
canonical forms first and `simplify` last, each under a time limit. A step that survives
the sampling but that SymPy cannot reduce is "numerically only", never "proved".
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import mpmath
import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.physics.units import Quantity as UnitQuantity

from derive.expectation import Expectation
from derive.model import Context, Derivation, Expect, InputError, Obligation, RuleFailure, RuleKind, Step
from derive.report import Counterexample, Status, StepResult, where
from derive.timelimit import TimeLimitExceeded, time_limit
from derive.units import DimensionError, DimensionWalker, UndeclaredSymbol


@dataclass(frozen=True)
class Settings:
    """How hard the checker tries: sample points, working precision, time per step."""

    points: int = 24
    integer_points: int = 8
    wide_points: int = 4
    seconds_per_point: float = 0.5
    digits: int = 30
    seconds_per_step: float = 10.0
    simplify_residuals: bool = True  # factor a failure's residual for the report (up to 1 s per failure)


OPAQUE = (Expectation, AppliedUndef, sp.Derivative, UnitQuantity, sp.Integral, sp.Limit, sp.Sum)


def check_step(derivation: Derivation, number: int, settings: Settings = Settings()) -> StepResult:
    """Judge step `number` (1-based) of the derivation."""
    step = derivation.steps[number - 1]
    started = time.perf_counter()
    result = StepResult(
        derivation=derivation.id, number=number, label=step.label, rule=step.by.describe(),
        kind=step.by.kind.value, status=Status.FAILED, seconds=0.0,
        location=where(step.location), claim=str(step.claim),
    )
    try:
        DimensionWalker({q.head: q.dimension for q in derivation.symbols}).check_equation(
            step.claim.lhs, step.claim.rhs
        )
    except UndeclaredSymbol as error:
        result.status, result.problem = Status.INVALID, f"cannot be checked: {error}"
    except DimensionError as error:
        result.problem = "is dimensionally inconsistent."
        result.hint = str(error)
    else:
        try:
            _judge(step, Context(derivation, number - 1), settings, result)
        except Exception as error:  # a bug in a rule: say where it happened
            raise RuntimeError(f"{derivation.id}, step {number} '{step.label}' ({result.rule}): "
                               f"{type(error).__name__}: {error}") from error
    result.seconds = time.perf_counter() - started
    return result


def check_steps(derivation: Derivation, settings: Settings = Settings()) -> Iterator[StepResult]:
    for number in range(1, len(derivation.steps) + 1):
        yield check_step(derivation, number, settings)


def _judge(step: Step, context: Context, settings: Settings, result: StepResult) -> None:
    if step.by.kind is RuleKind.AXIOM:
        result.status = Status.AXIOM
        return
    try:
        with time_limit(settings.seconds_per_step):
            obligations = step.by.obligations(step.claim, context)
            result.side_conditions = list(step.by.side_conditions(step.claim, context))
    except InputError as error:
        result.status, result.problem = Status.INVALID, f"cannot be checked: {error}"
        return
    except RuleFailure as error:
        _settle_failure(step, result, f"does not follow: {error}")
        return
    except TimeLimitExceeded:
        result.status = Status.TIMED_OUT
        result.problem = f"timed out after {settings.seconds_per_step:g} s while applying the rule."
        return

    sampler = Sampler(context.derivation, settings, seed=f"{context.derivation.id}/{step.label}")
    for obligation in obligations:
        found = sampler.falsify(obligation)
        result.points = max(result.points, found.points)
        if found.counterexample is not None:
            result.obligation, result.produced = obligation.name, _produced(obligation)
            result.counterexample, result.hint = found.counterexample, obligation.hint
            result.residual = _residual_text(obligation, found.sign, settings.simplify_residuals)
            _settle_failure(step, result, "does not hold.")
            return
        if found.points == 0:
            _settle_failure(step, result, "could not be evaluated at any sample point.")
            result.obligation, result.produced = obligation.name, _produced(obligation)
            return

    result.digits = settings.digits
    deadline = time.perf_counter() + settings.seconds_per_step
    undecided: list[str] = []
    for obligation in obligations:
        verdict = prove(obligation, deadline)
        if obligation.computed:
            undecided.append(f"{obligation.name}: {obligation.computed}")
        elif verdict is not True:
            undecided.append(f"{obligation.name}: {verdict}")
    if step.expect is Expect.REFUTED:
        result.status = Status.FAILED
        result.problem = ("is quoted as a false claim, but the checker finds no counterexample "
                          f"at {result.points} points.")
        return
    quoted_axioms = [o.axiom for o in obligations if o.axiom]
    if undecided:
        result.status = Status.NUMERIC
        result.note = "; ".join(undecided)
    elif quoted_axioms:
        result.status = Status.AXIOM
        result.note = "quoted from an axiom: " + "; ".join(quoted_axioms)
    else:
        result.status = Status.PROVED


def _settle_failure(step: Step, result: StepResult, problem: str) -> None:
    if step.expect is Expect.REFUTED:
        result.status, result.problem = Status.REFUTED, "is false, as the handout says."
    else:
        result.status, result.problem = Status.FAILED, problem


def prove(obligation: Obligation, deadline: float) -> bool | str:
    """True if SymPy reduces claimed - produced (or claimed + produced) to zero in time.

    Otherwise a short reason: "SymPy could not simplify the residual to 0" or "timed out".
    """
    signs = (1, -1) if obligation.either_sign else (1,)
    attempts: list[Callable[[sp.Expr], sp.Expr]] = [
        lambda e: e,
        sp.expand,
        lambda e: sp.cancel(sp.together(e)),
        lambda e: sp.expand(sp.powsimp(sp.expand_power_base(e, force=False))),
        sp.simplify,
    ]
    for attempt in attempts:
        for sign in signs:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                return "symbolic proof timed out"
            try:
                with time_limit(remaining):
                    if attempt(sp.sympify(obligation.claimed - sign * obligation.produced)) == 0:
                        return True
            except TimeLimitExceeded:
                return "symbolic proof timed out"
    return "SymPy could not reduce the residual to 0"


@dataclass
class Falsification:
    points: int
    counterexample: Counterexample | None = None
    sign: int = 1


class Sampler:
    """Evaluates obligations at points that respect the symbols' assumptions and ranges."""

    def __init__(self, derivation: Derivation, settings: Settings, seed: str):
        self.derivation, self.settings = derivation, settings
        self.random = random.Random(seed)

    def falsify(self, obligation: Obligation) -> Falsification:
        opaque = _opaque_atoms(obligation.claimed) | _opaque_atoms(obligation.produced)
        stand_ins = {atom: sp.Dummy(sp.sstr(atom)) for atom in sorted(opaque, key=sp.default_sort_key)}
        claimed = sp.sympify(obligation.claimed).xreplace(stand_ins)
        produced = sp.sympify(obligation.produced).xreplace(stand_ins)
        if claimed.has(sp.zoo, sp.nan) or produced.has(sp.zoo, sp.nan):
            return Falsification(0)  # a division by zero (zoo) or 0/0 (nan): there is no value to compare
        free = sorted(claimed.free_symbols | produced.free_symbols, key=lambda s: s.name)
        atom_of = {dummy: atom for atom, dummy in stand_ins.items()}
        names = {s: sp.sstr(atom_of[s]) if s in atom_of else s.name for s in free}
        evaluate = sp.lambdify(free, [claimed, produced], modules="mpmath", docstring_limit=0)
        evaluated = []
        with mpmath.workdps(self.settings.digits):
            for values in self._points(free, stand_ins):
                try:
                    with time_limit(self.settings.seconds_per_point):  # a point that explodes is skipped
                        c, p = (mpmath.mpmathify(v) for v in evaluate(*values))
                except (ZeroDivisionError, ValueError, OverflowError, TypeError, TimeLimitExceeded):
                    continue
                if all(mpmath.isfinite(v) for v in (c, p)):
                    evaluated.append((values, c, p))
            floor = bool(free)  # plain numbers are compared relatively, without a floor near zero
            sign = _preferred_sign(obligation, lambda s: sum(self._close(c, s * p, floor) for _, c, p in evaluated))
            for values, c, p in evaluated:
                if not self._close(c, sign * p, floor):
                    example = Counterexample(
                        {names[s]: _show_value(v) for s, v in zip(free, values)},
                        _show_value(c), _show_value(sign * p),
                        obligation.claimed_shows, obligation.shows or "the rule",
                    )
                    return Falsification(len(evaluated), example, sign)
        return Falsification(len(evaluated), sign=sign)

    def _close(self, a: mpmath.mpf, b: mpmath.mpf, floor: bool = True) -> bool:
        """Equal to working precision. With `floor`, two values both below 1e-25 count as zero: at
        the O(1) sample points, that is rounding left over from terms that cancel."""
        scale = max(abs(a), abs(b))
        tiny = mpmath.mpf(10) ** (-(self.settings.digits - 5))
        return (floor and scale < tiny) or abs(a - b) <= scale * mpmath.mpf(10) ** (-(self.settings.digits - 8))

    def _points(self, free: list[sp.Symbol], stand_ins: dict) -> Iterator[list]:
        quantities = {q.head: q for q in self.derivation.symbols}
        replaced = {d: atom for atom, d in stand_ins.items()}
        kinds = [_kind(s, quantities.get(s), replaced.get(s)) for s in free]
        # All ones first (the easiest point to check by hand), then other small integers.
        ones = [min(kind.small, key=lambda v: (abs(v - 1), v)) for kind in kinds]
        small = [
            [self.random.choice(kind.small) for kind in kinds]
            for _ in range(self.settings.integer_points - 1)
        ]
        small = [ones] + sorted(small, key=lambda point: sum(abs(v) for v in point))
        for point in small:
            yield [mpmath.mpf(v) for v in point]
        for _ in range(self.settings.points - self.settings.integer_points - self.settings.wide_points):
            yield [kind.draw(self.random) for kind in kinds]
        for _ in range(self.settings.wide_points):  # a few far from 1: large integers, tiny and huge reals
            yield [kind.draw(self.random, wide=True) for kind in kinds]


def _preferred_sign(obligation: Obligation, agreements: Callable[[int], int]) -> int:
    """For an equation that may be read either way round, the reading to report on.

    The one whose residual is simpler (an equation written right to left leaves 0; a wrong
    coefficient leaves one term), else the one agreeing at more points; ties: as written.
    """
    if not obligation.either_sign:
        return 1
    try:
        with time_limit(0.5):
            sizes = {s: sp.count_ops(sp.expand(obligation.claimed - s * obligation.produced)) for s in (1, -1)}
        if sizes[1] != sizes[-1]:
            return min(sizes, key=sizes.__getitem__)
    except TimeLimitExceeded:
        pass
    return max((1, -1), key=agreements)


@dataclass(frozen=True)
class _Kind:
    small: tuple[int, ...]
    low: float
    high: float
    integer: bool = False
    log: bool = False

    bounded: bool = False  # a declared sample range: stay inside it

    def draw(self, rng: random.Random, wide: bool = False) -> mpmath.mpf:
        stretch = 1 if (self.bounded or not wide) else 10
        if self.integer:
            return mpmath.mpf(rng.randint(int(self.low) * stretch, int(self.high) * stretch))
        if self.log:
            return mpmath.mpf(10) ** mpmath.mpf(rng.uniform(self.low * 2 if wide else self.low,
                                                            self.high * 2 if wide else self.high))
        return mpmath.mpf(rng.uniform(self.low * stretch, self.high * stretch))


def _kind(symbol: sp.Symbol, quantity, atom: sp.Basic | None) -> _Kind:
    if quantity is not None and quantity.sample is not None:
        low, high = quantity.sample
        allowed = [v for v in range(int(low), int(high) + 1) if low <= v <= high and not (v == 0 and symbol.is_positive)]
        if symbol.is_positive and low <= 0:
            low = min(high / 100, 1e-3)  # a positive symbol is never sampled at 0
        return _Kind(tuple(allowed[:4]) or (low,), low, high, integer=bool(symbol.is_integer), bounded=True)
    if atom is not None and isinstance(atom, UnitQuantity):
        return _Kind((1, 2, 3), -1, 1, log=True)
    if symbol.is_integer:
        if symbol.is_positive:
            return _Kind((1, 2, 3, 4), 1, 12, integer=True)
        if symbol.is_nonnegative:
            return _Kind((0, 1, 2, 3), 0, 12, integer=True)
        return _Kind((-2, -1, 0, 1, 2, 3), -8, 8, integer=True)
    if symbol.is_positive or symbol.is_nonnegative:
        return _Kind((1, 2, 3), -1, 1, log=True)
    if symbol.is_negative:
        return _Kind((-1, -2, -3), -3, -0.1)
    return _Kind((-2, -1, 0, 1, 2, 3), -3, 3)


def _opaque_atoms(expr: sp.Basic) -> set[sp.Basic]:
    """Outermost E[...], x(n), derivatives of unknown functions and units: sampled as values."""
    found: set[sp.Basic] = set()

    def visit(node: sp.Basic) -> None:
        if isinstance(node, OPAQUE):
            found.add(node)
            return
        for arg in node.args:
            visit(arg)

    visit(sp.sympify(expr))
    return found


def _show_value(value: mpmath.mpf) -> str:
    if isinstance(value, mpmath.mpc):
        return mpmath.nstr(value, 8)
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return mpmath.nstr(value, 8)


def _produced(obligation: Obligation) -> str:
    shows = f" ({obligation.shows})" if obligation.shows else ""
    return f"{sp.sstr(obligation.produced)}{shows}"


def _residual_text(obligation: Obligation, sign: int, simplified: bool = True) -> str:
    residual = sp.sympify(obligation.claimed - sign * obligation.produced)
    if not simplified:
        return sp.sstr(residual) + "   (claimed - produced)"
    try:
        with time_limit(1.0):
            residual = sp.factor(sp.simplify(residual))
    except TimeLimitExceeded:
        pass
    except (TypeError, ValueError, NotImplementedError, sp.PolynomialError):
        pass
    return sp.sstr(residual) + "   (claimed - produced)"

