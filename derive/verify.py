"""Numeric verification: a derived result against a simulation that does not use it.

The prediction is the lambdified right-hand side of the step the check names, with the
derivation's definitions put in for symbols the parameter set does not give. The
simulation receives only the parameter values and a seeded numpy Generator.
"""

from __future__ import annotations

import os
import time
import traceback

import numpy as np
import sympy as sp
from sympy.core.function import AppliedUndef

from derive import by, stats
from derive.estimate import Estimate
from derive.executor import unit_seed
from derive.model import Derivation, Expect, InputError, NumericCheck
from derive.report import CheckResult, where
from derive.timelimit import TimeLimitExceeded, time_limit


def prediction_of(derivation: Derivation, check: NumericCheck) -> sp.Expr:
    """The step's right-hand side in terms of the check's parameters.

    Symbols the parameter set does not give are replaced by their earlier definitions
    (`define(symbol = ...)`); a function of the parameters such as n(t) by the last step before
    the checked one that states it (`n(t) = ...`, a derived solution).
    """
    position = derivation.labels.index(check.step)
    expr = derivation.step(check.step).claim.rhs
    definitions = {  # only definitions, and only earlier ones: never a hypothetical `given`
        s.claim.lhs: s.claim.rhs
        for s in derivation.steps[:position]
        if by.is_axiom(s, by.AxiomKind.DEFINITION) and isinstance(s.claim.lhs, sp.Symbol)
    }
    solutions = {
        s.claim.lhs: s.claim.rhs
        for s in derivation.steps[:position]
        if isinstance(s.claim.lhs, AppliedUndef) and s.expect is Expect.HOLDS
    }
    for _ in range(len(definitions) + len(solutions) + 1):
        missing = {sym: definitions[sym] for sym in expr.free_symbols if sym not in check.at and sym in definitions}
        unsolved = {f: solutions[f] for f in expr.atoms(AppliedUndef) if f in solutions and f not in check.at}
        if not missing and not unsolved:
            break
        expr = expr.xreplace({**missing, **unsolved})
    return expr


def _evaluate(expr: sp.Expr, values: dict[sp.Basic, float], what: str) -> float:
    stand_ins = {key: sp.Dummy() for key in values}
    body = sp.sympify(expr).xreplace(stand_ins)
    unknown = body.free_symbols - set(stand_ins.values())
    if unknown or body.has(AppliedUndef):
        names = ", ".join(sorted(sp.sstr(s) for s in unknown)) or sp.sstr(expr)
        raise InputError(f"{what} needs values for {names}")
    function = sp.lambdify(list(stand_ins.values()), body, modules="math", docstring_limit=0)
    try:
        return float(function(*values.values()))
    except (ArithmeticError, ValueError, TypeError):  # a math domain error: the check cannot judge, and fails
        return float("nan")


def _stated_figures(check: NumericCheck, margin: float, stated: float, scale: float, margin_is: str) -> str:
    """Why a value stated to `check.digits` figures cannot be verified to them ('' if it can).

    The simulation must resolve the last stated figure (its own margin at most half a unit of
    it), and the stated figures must say something: half a unit at most 2 % of the value, the
    error every check must be able to see."""
    if not check.digits:
        return ""
    if margin > stated:
        return (f"does not resolve the last of the {check.digits} figures stated: {margin_is} is {margin:.2g}, "
                f"more than half a unit of that figure ({stated:.2g}); state fewer figures or refine.")
    if stated / scale > stats.DETECTABLE:
        return (f"states too few figures: rounding to {check.digits} allows {stated / scale:.2%}, more than "
                f"{stats.DETECTABLE:.0%}.")
    return ""


def rounding(value: float, digits: int | None) -> float:
    """Half a unit in the last of `digits` significant figures of `value` (0 when not rounded)."""
    if not digits or value == 0:
        return 0.0
    return 0.5 * 10.0 ** (np.floor(np.log10(abs(value))) - digits + 1)


def require_measurements_checked(derivation: Derivation) -> None:
    """Every measured value must be verified by the check it names, and that check must name it;
    only measured values are stated to a number of figures."""
    measured = {s.label for s in derivation.steps if by.is_axiom(s, by.AxiomKind.MEASURED)}
    for check in derivation.checks:
        if check.digits is not None and check.step not in measured:
            raise InputError(f"derivation '{derivation.id}', check '{check.name}': digits= is for measured values, "
                             f"but step '{check.step}' is not one (a derived result is checked to 0.2 %)")
        if check.step in measured and check.expect is Expect.REFUTED:
            raise InputError(f"derivation '{derivation.id}', check '{check.name}': a measured value cannot be "
                             "expected to be contradicted")
    for step in derivation.steps:
        if not by.is_axiom(step, by.AxiomKind.MEASURED):
            continue
        checks = [c for c in derivation.checks if c.step == step.label and c.name == step.by.source]
        if not checks:
            raise InputError(f"derivation '{derivation.id}', step '{step.label}': it is {step.by.describe()}, "
                             f"but no check of that name compares it (simulated(name, '{step.label}', ...))")
        if checks[0].digits is None:
            raise InputError(f"derivation '{derivation.id}', check '{checks[0].name}': a measured value needs "
                             "digits= (how many significant figures the step states)")


def _stopped(derivation: Derivation, check: NumericCheck, values: dict, started: float,
             prediction: float = float("nan"), problem: str = "") -> CheckResult:
    """A check that got no estimate (stopped at its time budget, or its parameters failed): failed."""
    nan = float("nan")
    return CheckResult(
        derivation=derivation.id, name=check.name, step=check.step, expect=check.expect.value,
        parameters={sp.sstr(k): v for k, v in values.items()}, prediction=prediction, estimate=nan, stderr=nan,
        tolerance=nan, resolution=nan, samples=0, kind="stopped", passed=False,
        seconds=time.perf_counter() - started, location=where(check.location),
        problem=problem or f"was stopped at its time budget of {check.budget:g} s, before it returned an estimate.",
    )


def _meets_assumptions(values: dict[sp.Basic, float], what: str) -> None:
    """A parameter value must meet its symbol's assumptions (a temperature of -300 K is not one)."""
    tests = {"positive": lambda v: v > 0, "negative": lambda v: v < 0, "nonnegative": lambda v: v >= 0,
             "nonpositive": lambda v: v <= 0, "integer": lambda v: float(v).is_integer(), "nonzero": lambda v: v != 0}
    for symbol, value in values.items():
        for assumption, holds in tests.items():
            if getattr(symbol, f"is_{assumption}", None) and not holds(value):
                raise InputError(f"{what}: {sp.sstr(symbol)} is {assumption}, but the check gives it {value:g}")


def _raised(error: BaseException, what: str) -> str:
    """'<what> raised KeyError: 'x' (at file.py:12)': the user's code, not the engine's, where possible."""
    frames = traceback.extract_tb(error.__traceback__)
    package = os.path.dirname(os.path.abspath(__file__))
    own = [f for f in frames if not os.path.abspath(f.filename).startswith(package) and "site-packages" not in f.filename]
    frame = (own or frames or [None])[-1]
    at = f" (at {where((frame.filename, frame.lineno))})" if frame is not None else ""
    return f"{what} raised {type(error).__name__}: {error}{at}"


def _not_an_estimate(estimate: object, what: str) -> str:
    if not isinstance(estimate, Estimate):
        return f"{what} returned {type(estimate).__name__} ({estimate!r:.60}), not an Estimate (derive.Estimate)"
    for field in ("value", "stderr"):
        number = getattr(estimate, field)
        if not isinstance(number, (int, float, np.integer, np.floating)) or isinstance(number, bool):
            return (f"{what} returned an Estimate whose {field} is {type(number).__name__} ({number!r:.60}), "
                    "not a number (a scalar float)")
    return ""


def run_check(derivation: Derivation, check: NumericCheck, seed: int = 0) -> CheckResult:
    """Simulate, compare with the prediction, and judge with the statistical tolerance."""
    started = time.perf_counter()
    what = f"check '{check.name}'"
    # a parameter may be given as a function, computed only when the check runs (not at import),
    # within the check's budget; one that fails makes the check fail like its simulation would
    try:
        with time_limit(check.budget):
            values = {key: float(value() if callable(value) else value) for key, value in check.at.items()}
    except TimeLimitExceeded:
        return _stopped(derivation, check, {}, started)
    except Exception as error:  # the user's code: whatever it raises, this check fails and the run goes on
        return _stopped(derivation, check, {}, started, problem=f"failed: {_raised(error, 'computing its parameters')}")
    _meets_assumptions(values, what)
    if check.reference is not None and check.reference is check.simulate:
        raise InputError(f"{what}: the two methods it compares are the same function, so they cannot disagree")
    # the check's own stream: the run's seed and the check's name, never the state of the process running it
    rng = np.random.default_rng(unit_seed(seed, f"{derivation.id}/{check.name}"))
    if check.reference is not None:  # two methods: the first one's result is the prediction
        try:
            with time_limit(check.budget):
                reference = check.reference(values, rng)
        except TimeLimitExceeded:
            return _stopped(derivation, check, values, started)
        except Exception as error:
            return _stopped(derivation, check, values, started,
                            problem=f"failed: {_raised(error, 'the first method')}")
        wrong = _not_an_estimate(reference, "the first method")
        if wrong:
            return _stopped(derivation, check, values, started, problem=f"failed: {wrong}")
        prediction = reference.value
    else:
        reference = None
        prediction = _evaluate(prediction_of(derivation, check), values, what)
    if check.scale is not None and prediction != 0 and check.reference is None:
        raise InputError(f"{what}: scale= sets the size of a 2% error for a prediction that is 0, but this "
                         f"prediction is {prediction:.6g}: its own size is the scale; remove scale=")
    scale = abs(prediction) if check.scale is None else abs(_evaluate(check.scale, values, what))
    if scale == 0:
        raise InputError(f"{what}: the prediction is 0, so it needs a scale= to define a 2% error")

    try:
        with time_limit(check.budget):
            estimate = check.simulate(values, rng)
    except TimeLimitExceeded:
        return _stopped(derivation, check, values, started, prediction)
    except Exception as error:  # the simulation broke down (or has a bug): this check fails, the run goes on
        return _stopped(derivation, check, values, started, prediction,
                        problem=f"failed: {_raised(error, 'the simulation')}")
    wrong = _not_an_estimate(estimate, "the simulation")
    if wrong:
        return _stopped(derivation, check, values, started, prediction, problem=f"failed: {wrong}")
    if reference is not None:
        if reference.computed != estimate.computed:
            raise InputError(f"{what}: a computed and a statistical result cannot be compared")
        combined = reference.stderr + estimate.stderr if estimate.computed else float(np.hypot(reference.stderr, estimate.stderr))
        estimate = Estimate(estimate.value, combined, estimate.samples, estimate.computed)
    difference = abs(estimate.value - prediction)
    stated = rounding(prediction, check.digits)
    problem = ""
    if not np.isfinite(prediction):  # NaN compares false with everything: it would pass unseen
        problem = f"cannot be judged: the prediction is {prediction} at these parameters."
        tolerance = float("nan")
    elif not all(np.isfinite([estimate.value, estimate.stderr])):
        problem = f"got a non-finite result from the simulation: {estimate.value} ± {estimate.stderr}."
        tolerance = float("nan")
    elif estimate.stderr < 0:
        problem = (f"got a negative standard error (error estimate) from the simulation ({estimate.stderr:g}): "
                   "an error is at least 0.")
        tolerance = float("nan")
    elif estimate.computed:
        # a floor at rounding level, for a computation whose two resolutions agree exactly
        margin = max(stats.ERROR_MULTIPLE * estimate.stderr, 1e-12 * scale)
        tolerance = margin + stated
        if margin / scale > stats.MAX_RELATIVE_COMPUTED_TOLERANCE:
            problem = (f"is not resolved: {stats.ERROR_MULTIPLE:g} × the error estimate is "
                       f"{margin / scale:.2%} of the prediction, more than "
                       f"{stats.MAX_RELATIVE_COMPUTED_TOLERANCE:.2%}; refine the computation.")
        else:
            problem = _stated_figures(check, margin, stated, scale, f"{stats.ERROR_MULTIPLE:g} × the error estimate")
        if not problem and check.expect is Expect.HOLDS and difference > tolerance:
            problem = f"disagrees with the computation beyond {stats.ERROR_MULTIPLE:g} times its error estimate."
    else:
        margin = stats.tolerance(estimate.stderr)
        tolerance = margin + stated
        if estimate.samples < stats.MIN_SAMPLES or not estimate.stderr > 0:
            problem = (f"is not a statistical estimate: {estimate.samples} sample(s) with standard error "
                       f"{estimate.stderr:g}; a mean needs at least {stats.MIN_SAMPLES} samples and a standard error "
                       "above 0 (a deterministic computation returns Estimate.from_refinement)")
        elif check.expect is Expect.HOLDS and difference > tolerance and difference > stats.DETECTABLE * scale:
            problem = (f"disagrees with the simulation by {difference / scale:.1%} of the prediction, beyond "
                       f"{stats.Z:.2f} standard errors.")
        elif estimate.stderr / scale > stats.MAX_RELATIVE_STDERR:
            problem = (f"is underpowered: relative standard error {estimate.stderr / scale:.2%} exceeds "
                       f"{stats.MAX_RELATIVE_STDERR:.2%}, so a {stats.DETECTABLE:.0%} error could pass; "
                       "use more samples.")
        else:
            problem = _stated_figures(check, margin, stated, scale, f"{stats.Z:.2f} standard errors")
        if not problem and check.expect is Expect.HOLDS and difference > tolerance:
            problem = (f"disagrees with the simulation beyond {stats.Z:.2f} standard errors "
                       f"(false-alarm probability {stats.FALSE_ALARM:g}).")
    if not problem and check.expect is Expect.REFUTED and difference <= tolerance:
        problem = "was expected to be rejected by the simulation, but it agrees with it."
    return CheckResult(
        derivation=derivation.id, name=check.name, step=check.step, expect=check.expect.value,
        parameters={sp.sstr(k): v for k, v in values.items()}, prediction=prediction,
        estimate=estimate.value, stderr=estimate.stderr, tolerance=tolerance,
        resolution=tolerance if estimate.computed else stats.resolution(estimate.stderr) + stated,
        samples=estimate.samples, kind="computed" if estimate.computed else "statistical",
        passed=not problem, seconds=time.perf_counter() - started,
        location=where(check.location), problem=problem,
    )
