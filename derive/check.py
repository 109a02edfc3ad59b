"""The symbolic checker: judges every step of a derivation.

For each obligation a rule produces (`claimed` must equal `produced`), the checker first
tries to falsify it at points drawn from each symbol's whole declared range (derive.falsify:
small integers first, so a counterexample can be checked by hand, then moderate and extreme
values, compared without any floor at rising precision): this is fast and yields the
counterexample. Only then does it try to prove it, cheap canonical forms first and `simplify`
last. All of it runs under the step's time limit. A step that survives the sampling but that
SymPy cannot reduce is "numerically only", never "proved", and is sampled again in 70 digits.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

import sympy as sp

from derive.by import Axiom, hypothesis_conflict, memo, nonzero, support
from derive.falsify import OPAQUE, Design, Falsification, Sampler, exact, in_base_units, opaque_atoms  # noqa: F401
from derive.model import Claim, Context, Derivation, Expect, InputError, Obligation, RuleFailure, RuleKind, Step
from derive.report import Counterexample, Status, StepResult, where
from derive.timelimit import TimeLimitExceeded, time_limit
from derive.units import DimensionError, DimensionWalker, UndeclaredSymbol


@dataclass(frozen=True)
class Settings:
    """How hard the checker tries: sample points, working precision, time per step."""

    points: int = 24
    integer_points: int = 8
    wide_points: int = 6
    minimum_points: int = 12  # points that must be evaluated for a step to be judged at all
    seconds_per_point: float = 0.5
    digits: int = 30
    seconds_per_step: float = 20.0  # the whole judgement: rule, sampling and proof (they had 10 s each)
    simplify_residuals: bool = True  # factor a failure's residual for the report (up to 1 s per failure)

    @property
    def design(self) -> Design:
        return Design(self.points, self.integer_points, self.wide_points, self.minimum_points,
                      self.seconds_per_point)


def check_step(derivation: Derivation, number: int, settings: Settings = Settings()) -> StepResult:
    """Judge step `number` (1-based) of the derivation, all of it (printing the claim included)
    within the step's time limit."""
    step = derivation.steps[number - 1]
    started = time.perf_counter()
    result = StepResult(
        derivation=derivation.id, number=number, label=step.label, rule=step.by.describe(),
        kind=step.by.kind.value, status=Status.FAILED, seconds=0.0,
        location=where(step.location), claim="(not printed: the time limit ran out first)",
    )
    prepare = getattr(step.by, "prepare", None)
    if prepare is not None:  # a quotation: what it quotes is checked first, under limits of its own
        prepare(Context(derivation, number - 1))
    limit = settings.seconds_per_step
    try:
        with time_limit(limit):
            result.claim = _printed(step.claim)
            _check_within_limit(step, Context(derivation, number - 1), settings, result, started + limit * 0.98)
    except TimeLimitExceeded:
        result.status = Status.TIMED_OUT
        result.problem = f"timed out after {limit:g} s while checking it."
    except RecursionError:
        result.status = Status.FAILED
        result.problem = "is too deeply nested for SymPy to work with (Python's recursion limit): split it into steps."
    except Exception as error:  # a bug in a rule: say where it happened
        raise RuntimeError(f"{derivation.id}, step {number} '{step.label}' ({result.rule}): "
                           f"{type(error).__name__}: {error}") from error
    result.seconds = time.perf_counter() - started
    return result


def _check_within_limit(step: Step, context: Context, settings: Settings, result: StepResult, deadline: float) -> None:
    try:
        DimensionWalker({q.head: q.dimension for q in context.derivation.symbols}).check_equation(
            step.claim.lhs, step.claim.rhs
        )
    except UndeclaredSymbol as error:
        result.status, result.problem = Status.INVALID, f"cannot be checked: {error}"
    except DimensionError as error:
        result.problem = "is dimensionally inconsistent."
        result.hint = str(error)
    else:
        _judge(step, context, settings, result, deadline)


_QUOTED: dict[tuple, tuple] = {}


def quoted_verdicts(derivation: Derivation, label: str) -> tuple[str, str]:
    """The status and problem of a step of another handout that a quotation rests on, checked once
    per process (with the default settings)."""
    key = (derivation.id, id(derivation.steps), label)  # the steps' identity: two modules may share an id
    if key not in _QUOTED or _QUOTED[key][2] is not derivation.steps:
        _QUOTED[key] = ("timed-out", "it quotes itself, through other handouts", derivation.steps)  # a cycle ends here
        result = check_step(derivation, derivation.labels.index(label) + 1, Settings(simplify_residuals=False))
        _QUOTED[key] = (result.status.value, result.problem, derivation.steps)
    return _QUOTED[key][:2]


def _printed(claim: object) -> str:
    try:
        return str(claim)
    except RecursionError:
        return "(an expression too deeply nested to print)"


def check_steps(derivation: Derivation, settings: Settings = Settings()) -> Iterator[StepResult]:
    for number in range(1, len(derivation.steps) + 1):
        yield check_step(derivation, number, settings)


def _judge(step: Step, context: Context, settings: Settings, result: StepResult, deadline: float) -> None:
    if step.by.kind is RuleKind.AXIOM:
        conflict = hypothesis_conflict(step, context)
        if conflict:
            result.status, result.problem = Status.INVALID, f"cannot be assumed: {conflict}"
        else:
            result.status = Status.AXIOM
        return
    _judge_checked(step, context, settings, result, deadline)


def _judge_checked(step: Step, context: Context, settings: Settings, result: StepResult, deadline: float) -> None:
    for premise in support(step.label, Context(context.derivation, context.position + 1))[1:]:
        if isinstance(premise.by, Axiom):
            position = context.derivation.labels.index(premise.label)
            conflict = hypothesis_conflict(premise, Context(context.derivation, position))
            if conflict:
                result.status = Status.INVALID
                result.problem = f"rests on '{premise.label}', which cannot be assumed: {conflict}"
                return
    try:
        order, traced = _traced(context.derivation, step.label) if step.claim.order else ((), None)
        obligations = traced if traced is not None else step.by.obligations(step.claim, context)
        if not obligations:  # a checked rule must give something to check (a user's Rule may not)
            raise RuleFailure(f"the rule '{result.rule}' gave nothing to check the claim against")
        result.side_conditions = _side_conditions(step, context)
        if order:
            obligations = _to_order(step, obligations, order)
    except InputError as error:
        result.status, result.problem = Status.INVALID, f"cannot be checked: {error}"
        return
    except RuleFailure as error:
        if step.expect is Expect.REFUTED:  # a rule that cannot apply shows nothing false
            result.problem = (f"is quoted as a false claim, but the rule does not apply ({error}), so nothing "
                              "shows it false.")
        else:
            result.problem = f"does not follow: {error}"
        return

    sampler = Sampler(context.derivation, settings.design, seed=f"{context.derivation.id}/{step.label}")
    if step.expect is Expect.HOLDS and all(not o.computed and not o.axiom and rational_identity(o) is True
                                           for o in obligations):
        result.status = Status.PROVED  # decided exactly: rational functions with rational coefficients
        return
    for obligation in obligations:
        found = sampler.falsify(obligation)
        result.points = max(result.points, found.points)
        if found.counterexample is not None:
            result.obligation, result.produced = obligation.name, _produced(obligation)
            result.counterexample, result.hint = found.counterexample, obligation.hint
            result.residual = _residual_text(obligation, found.sign, settings.simplify_residuals)
            if step.expect is not Expect.REFUTED:
                result.problem = "does not hold."
            elif obligation.either_sign:  # two equations that differ: the claim may still be true
                result.problem = (f"is quoted as a false claim, but '{result.rule}' compares whole equations: "
                                  "a mismatch shows only that the claim is not what the rule gives, not that it is "
                                  "false. Refute it with a rule that computes its sides (by.algebra, "
                                  "by.substituting(...), by.moments_of(...)).")
            elif prove(obligation, deadline) is True:
                result.problem = "is quoted as a false claim, but SymPy proves it."
            else:
                result.status, result.problem = Status.REFUTED, "is false, as the handout says."
            return
        if found.points < settings.minimum_points:
            result.obligation, result.produced = obligation.name, _produced(obligation)
            result.problem = (
                "could not be evaluated at any sample point (a side divides by zero, or is undefined)."
                if found.points == 0 else
                f"could be evaluated at only {found.points} sample points ({found.skipped} skipped: a side undefined "
                f"there, or too slow); at least {settings.minimum_points} are needed to judge it.")
            return

    result.digits = settings.digits
    undecided: list[str] = []
    for obligation in obligations:
        verdict = prove(obligation, deadline)
        if obligation.computed:
            undecided.append(f"{obligation.name}: {obligation.computed}")
        elif verdict is not True:
            undecided.append(f"{obligation.name}: {verdict}")
    if step.expect is Expect.REFUTED:
        result.problem = ("is quoted as a false claim, but the checker finds no counterexample "
                          f"at {result.points} points.")
        return
    jumps = [o for o in obligations if o.either_sign and not o.computed and _discontinuous(o)]
    if undecided and jumps:
        result.obligation, result.produced = jumps[0].name, _produced(jumps[0])
        result.problem = ("cannot be judged by sampling: SymPy could not prove it, and it compares equations "
                          "through a function that jumps (Piecewise, Heaviside, floor, sign, a comparison); two "
                          "such equations can agree at every sample point and still differ exactly where the "
                          "premise holds. Prove it another way, or write the claim without the jump.")
        return
    if undecided:  # not proved: look again, in more digits, before saying it holds numerically
        for obligation in obligations:
            found = sampler.falsify(obligation, confirm=True)
            if found.counterexample is not None:
                result.obligation, result.produced = obligation.name, _produced(obligation)
                result.counterexample, result.hint = found.counterexample, obligation.hint
                result.residual = _residual_text(obligation, found.sign, settings.simplify_residuals)
                result.problem = "does not hold (seen when sampled again at 150 and 310 digits)."
                return
        result.digits = 150
    quoted_axioms = [o.axiom for o in obligations if o.axiom]
    if undecided:
        result.status = Status.NUMERIC
        result.note = "; ".join(undecided)
    elif quoted_axioms:
        result.status = Status.AXIOM
        result.note = "quoted from an axiom: " + "; ".join(quoted_axioms)
    else:
        result.status = Status.PROVED


_JUMPS = (sp.Piecewise, sp.Heaviside, sp.floor, sp.ceiling, sp.sign, sp.frac, sp.Mod, sp.core.relational.Relational,
          sp.KroneckerDelta, sp.DiracDelta)


def _discontinuous(obligation: Obligation) -> bool:
    """Whether an obligation involves a function with jumps: sampling, which sees an open set of
    points, cannot see what happens on the thin set where an equation's premise holds."""
    return any(sp.sympify(side).has(*_JUMPS) for side in (obligation.claimed, obligation.produced))


def _side_conditions(step: Step, context: Context) -> list[str]:
    """The rule's conditions, and where the claim itself is defined: every denominator that the
    symbols' assumptions do not make nonzero ((x**2 - 1)/(x - 1) = x + 1 holds where x - 1 ≠ 0)."""
    conditions = list(step.by.side_conditions(step.claim, context))
    premises = [context.premise(label) for label in step.by.premises if label in context.derivation.labels]
    about = step.claim.lhs.free_symbols | step.claim.rhs.free_symbols
    for side in [step.claim.lhs, step.claim.rhs] + [side for p in premises for side in (p.lhs, p.rhs)]:
        for power in sp.preorder_traversal(sp.sympify(side)):
            if isinstance(power, sp.Pow) and power.exp.is_negative and power.base.is_zero is not False \
                    and power.base.free_symbols <= about:  # a premise's condition on the claim's quantities
                for condition in nonzero(power.base):
                    if condition not in conditions:
                        conditions.append(condition)
    return conditions


@dataclass(frozen=True)
class _ErrorTerms(Context):
    """A context whose approximate premises carry their error term: rhs + O(small**(n + 1)), so a
    rule's own arithmetic says to which order its result holds (dividing by small loses one)."""

    def premise(self, label: str) -> Claim:
        claim = super().premise(label)
        order = effective_order(self.derivation, label)
        if not order:
            return claim
        errors = [sp.O(small ** (n + 1)) for small, n in order] + list(_rewritten_errors(self.derivation, label))
        return Claim(claim.lhs, claim.rhs + sp.Add(*errors), claim.approximate, claim.order)


def effective_order(derivation: Derivation, label: str) -> tuple[tuple[sp.Symbol, int], ...]:
    """The order to which step `label` really holds, in each small quantity: at most the order its
    rule and premises carry, less where its rule's arithmetic loses orders (read off the error
    terms O(small**m) the rule's obligations come out with)."""
    return _traced(derivation, label)[0]


def _rewritten_errors(derivation: Derivation, label: str) -> tuple[sp.Order, ...]:
    """The error terms of step `label` that its rule wrote in other symbols than its small
    quantities (after a = c, O(a**2) is O(c**2)): they travel on to the steps that use it.
    Computed once per derivation and step, like the order."""
    position = derivation.labels.index(label)
    return memo(f"errors/{label}", Context(derivation, position), lambda: _find_rewritten_errors(derivation, label))


def _find_rewritten_errors(derivation: Derivation, label: str) -> tuple[sp.Order, ...]:
    order, obligations = _traced(derivation, label)
    if not obligations:
        return ()
    found: list[sp.Order] = []
    for obligation in obligations:
        for side in (obligation.claimed, obligation.produced):
            try:
                terms = sp.Add.make_args(sp.expand(sp.sympify(side)))
            except Exception:  # noqa: BLE001 - SymPy cannot expand it: nothing more is known
                continue
            found += [t for t in terms if isinstance(t, sp.Order) and not any(t.expr.has(s) for s, _ in order)
                      and t not in found]
    return tuple(found)


def _traced(derivation: Derivation, label: str) -> tuple[tuple[tuple[sp.Symbol, int], ...], list[Obligation] | None]:
    """effective_order, and the obligations the rule gave with error terms in its premises (None
    when it could not run with them: then the carried order stands and the plain ones are used).
    Computed once per derivation and step."""
    position = derivation.labels.index(label)
    return memo(f"order/{label}", Context(derivation, position), lambda: _trace(derivation, position))


def _trace(derivation: Derivation, position: int) -> tuple[tuple[tuple[sp.Symbol, int], ...], list[Obligation] | None]:
    step = derivation.steps[position]
    carried = dict(step.claim.order)
    if not carried or step.by.kind is not RuleKind.CHECKED:
        return tuple(carried.items()), None
    try:
        with time_limit(5.0):
            obligations = step.by.obligations(step.claim, _ErrorTerms(derivation, position))
    except Exception:  # noqa: BLE001 - a rule SymPy cannot run with error terms: the carried order stands
        return tuple(carried.items()), None
    for obligation in obligations:
        for side in (obligation.claimed, obligation.produced):
            side = sp.sympify(side)
            try:  # expanded, so O(e**3)/e is seen as O(e**2)
                side = sp.expand(side) if side.has(sp.Order) else side
            except Exception:  # noqa: BLE001
                continue
            for term in side.atoms(sp.Order):
                for small in carried:
                    power = term.expr.as_powers_dict().get(small, 0)
                    if term.expr.has(small) and power.is_Integer:
                        carried[small] = min(carried[small], int(power) - 1)
    return tuple(carried.items()), obligations


def _to_order(step: Step, obligations: list[Obligation], order: tuple[tuple[sp.Symbol, int], ...]) -> list[Obligation]:
    """A claim that holds to order n in a small quantity: its sides may keep no term beyond that
    order (its premises do not fix those terms), and its obligations are compared up to it."""
    for small, n in order:
        if n < 0:
            raise RuleFailure(f"the premises hold only up to terms of order {small}**{n + 1 if n + 1 else 0}: "
                              f"the rule divides away every order in {small} they are good to")
        for side in (step.claim.lhs, step.claim.rhs):
            if not side.has(small):
                continue
            kept = sp.expand(_truncate(side, small, n))
            if sp.expand(side - kept) != 0:
                beyond = sp.expand(side - kept)
                lost = (f" (the approximations it rests on are stated to order {dict(step.claim.order)[small]}, but the "
                        f"arithmetic since, a division by {small} say, leaves order {n})"
                        if dict(step.claim.order).get(small, n) > n else "")
                raise RuleFailure(f"the claim keeps {sp.sstr(beyond)}, beyond order {n} in {small}{lost}: what it "
                                  f"follows from holds only up to terms of order {small}**{n + 1}, which it does not fix")
    truncated = []
    for obligation in obligations:
        claimed, produced = obligation.claimed, obligation.produced
        for small, n in order:
            claimed, produced = _truncate(claimed, small, n), _truncate(produced, small, n)
        claimed, produced = _without_error_terms(claimed, order, step), _without_error_terms(produced, order, step)
        truncated.append(replace(obligation, claimed=claimed, produced=produced,
                                 shows=f"{obligation.shows}, up to order {', '.join(f'{s}**{n}' for s, n in order)}"))
    return truncated


def _truncate(expr: sp.Expr, small: sp.Symbol, order: int) -> sp.Expr:
    """`expr` without its terms beyond `order` in `small`. An error term O(small**m) with m > order
    goes too; one in another small quantity stays for that quantity's truncation, since SymPy cannot
    expand a sum of orders in two variables (O(a**2) + O(b**4))."""
    expr = sp.sympify(expr)
    if expr.has(sp.Order):
        expr = sp.expand(expr)
    terms = sp.Add.make_args(expr)
    errors = [t for t in terms if isinstance(t, sp.Order)]
    rest = sp.Add(*[t for t in terms if not isinstance(t, sp.Order)])
    others = [e for e in errors if not (e.expr.has(small) and e.expr.as_powers_dict().get(small, 0) > order)]
    if not rest.has(small):
        return rest + sp.Add(*others)
    try:
        return sp.series(rest, small, 0, order + 1).removeO() + sp.Add(*others)
    except ValueError as error:  # SymPy cannot expand it (a pole in small, say)
        raise RuleFailure(f"cannot expand {sp.sstr(expr)} in small {small} to order {order}: {error}") from error


def _without_error_terms(side: sp.Expr, order: tuple[tuple[sp.Symbol, int], ...], step: Step) -> sp.Expr:
    """A truncated side without the error terms left over. One in a small quantity at or below the
    claim's order would be a term the claim does not fix: an error. One the rule's arithmetic has
    written in other symbols (O(a**2) as O(c**2) after a = c, O(dt**2) as O(L**4/D**2) after
    dt = L²/(2D)) still bounds what the claim may keep: no power of c from c**2 on."""
    terms = sp.Add.make_args(sp.sympify(side))
    for error in (t for t in terms if isinstance(t, sp.Order)):
        if any(error.expr.has(small) for small, _ in order):
            raise RuleFailure(f"what the rule gives holds only up to {sp.sstr(error)}, which the orders the claim "
                              f"holds to ({', '.join(f'{s}**{n}' for s, n in order)}) do not cover")
        for symbol, power in error.expr.as_powers_dict().items():
            if isinstance(symbol, sp.Symbol) and power.is_Integer and power > 0:
                _keeps_no_power_from(step, symbol, int(power), error)
    return sp.Add(*[t for t in terms if not isinstance(t, sp.Order)])


def _keeps_no_power_from(step: Step, symbol: sp.Symbol, power: int, error: sp.Order) -> None:
    """The claim's sides have no term c**k (times what does not depend on c) with k >= power: its
    premises hold only up to `error`, so such a term is not fixed by them."""
    for side in (step.claim.lhs, step.claim.rhs):
        for term in sp.Add.make_args(sp.expand(side)):
            monomial = term.as_independent(symbol, as_Add=False)[1]
            base, exp = monomial.as_base_exp()
            if base == symbol and exp.is_Integer and exp >= power:
                raise RuleFailure(f"the claim keeps {sp.sstr(term)}, beyond what its premises fix: they hold only "
                                  f"up to {sp.sstr(error)} (an approximation's error term, written in {symbol} by "
                                  f"the rule), so no term in {symbol}**{power} or beyond follows from them")


def rational_identity(obligation: Obligation) -> bool | None:
    """For an obligation whose sides are rational functions with rational coefficients (unknowns,
    E[...], x(n) and units taken as variables), whether claimed - produced is identically 0, decided
    exactly by polynomial arithmetic; None for anything else (functions, floats in the working)."""
    signs = (1, -1) if obligation.either_sign else (1,)
    try:
        with time_limit(2.0):
            for sign in signs:
                difference = residual(obligation, sign)
                stand_ins = {a: sp.Dummy() for a in opaque_atoms(difference)}
                difference = difference.xreplace(stand_ins)
                if not difference.is_rational_function(*difference.free_symbols):
                    return None
                if difference.atoms(sp.Float) or any(not n.is_Rational for n in difference.atoms(sp.Number)):
                    return None
                if sp.cancel(sp.together(difference)) == 0:
                    return True
            return False
    except (TimeLimitExceeded, sp.PolynomialError, TypeError, ValueError, NotImplementedError):
        return None


def residual(obligation: Obligation, sign: int = 1) -> sp.Expr:
    """claimed - sign * produced, with decimals exact and unit quantities in SI base units."""
    return in_base_units(exact(obligation.claimed) - sign * exact(obligation.produced))


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
                    if attempt(residual(obligation, sign)) == 0:
                        return True
            except TimeLimitExceeded:
                return "symbolic proof timed out"
    return "SymPy could not reduce the residual to 0"


def _produced(obligation: Obligation) -> str:
    shows = f" ({obligation.shows})" if obligation.shows else ""
    return f"{sp.sstr(obligation.produced)}{shows}"


def _residual_text(obligation: Obligation, sign: int, simplified: bool = True) -> str:
    residual = exact(obligation.claimed) - sign * exact(obligation.produced)
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

