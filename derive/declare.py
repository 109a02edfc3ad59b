"""The words a derivation module is written in: step, given, define, cite, measured, refuted,
simulated, agrees; heading and exercise arrange steps for the reader.

Each records the file and line it was called from, so a failure points at the module.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import sympy as sp

from derive import by
from derive.model import (
    Claim,
    Exercise,
    Expect,
    Independence,
    Justification,
    NumericCheck,
    Simulation,
    Statement,
    Step,
    Text,
    caller_location,
    expression,
)


def _claim(statement: Statement, justification: Justification) -> Claim:
    claim = Claim.of(statement)
    if getattr(justification, "approximate", False):
        return Claim(claim.lhs, claim.rhs, approximate=True, order=tuple(getattr(justification, "order_of", ())))
    return claim


def step(label: str, statement: Statement, justification: Justification, en: str = "", zh: str = "") -> Step:
    """A checked step: the claim must follow from its premises by the justification."""
    return Step(label, _claim(statement, justification), justification, Text(en, zh),
                location=caller_location())


def given(label: str, statement: Statement, en: str = "", zh: str = "") -> Step:
    """An assumption of the model, taken as true."""
    return Step(label, Claim.of(statement), by.given(), Text(en, zh), location=caller_location())


def define(label: str, statement: Statement, en: str = "", zh: str = "") -> Step:
    """A definition: names the left side."""
    return Step(label, Claim.of(statement), by.definition(), Text(en, zh), location=caller_location())


def cite(label: str, statement: Statement, source: str, en: str = "", zh: str = "") -> Step:
    """A law or a measured value taken from a named source."""
    return Step(label, Claim.of(statement), by.cite(source), Text(en, zh), location=caller_location())


def measured(label: str, statement: Statement, check: str, en: str = "", zh: str = "") -> Step:
    """A value read off a simulation, stated to a number of digits; numeric check `check` must
    name this step and verify the value to those digits (`simulated(..., digits=N)`)."""
    return Step(label, Claim.of(statement), by.measured(check), Text(en, zh), location=caller_location())


def refuted(
    label: str, statement: Statement, justification: Justification, en: str = "", zh: str = "",
    *, corrected_by: str = "",
) -> Step:
    """A claim quoted from the source that the checker must find false, with a counterexample.

    `corrected_by` names the earlier step that states the result correctly.
    """
    return Step(label, _claim(statement, justification), justification, Text(en, zh), Expect.REFUTED,
                location=caller_location(), correction=corrected_by)


def heading(en: str, zh: str, first: Step) -> Step:
    """Start a section of the handout (a subheading) at step `first`."""
    return replace(first, heading=Text(en, zh))


def exercise(label: str, en: str, zh: str, *solution: Step, answer: Text = Text("", "")) -> tuple[Step, ...]:
    """A question for the reader (`en`, `zh`) and its worked solution, whose steps are checked like
    any others and may use the handout's steps. Put exercises after the handout's steps:
    `steps=(..., *exercise("ex-label", "question", "问题", step(...), ...))`."""
    if not solution:
        raise ValueError(f"exercise {label!r} has no solution steps: every exercise's answer is checked")
    question = Exercise(label, Text(en, zh), answer)
    return tuple(replace(s, exercise=question) for s in solution)


def independent(*variables: sp.Basic) -> Independence:
    """Declare random variables mutually independent (an assumption, listed in the handout)."""
    return Independence(frozenset(variables))


def simulated(
    name: str,
    step_label: str,
    simulate: Simulation,
    at: Mapping[sp.Basic, Any],
    en: str = "",
    zh: str = "",
    *,
    scale: sp.Expr | None = None,
    contradicts: bool = False,
    digits: int | None = None,
    budget: float = NumericCheck.budget,
) -> NumericCheck:
    """Compare step `step_label`'s right side at `at` with an independent simulation.

    With `contradicts=True` the simulation must reject the prediction (for refuted claims).
    With `digits=N` the step states a value rounded to N significant figures, and the
    tolerance grows by half a unit in its last figure. A simulation still running after `budget`
    seconds is stopped, and the check fails.
    """
    if scale is not None:
        scale = expression(scale, f"the scale= of check '{name}'")
    return NumericCheck(name, step_label, simulate, dict(at), Text(en, zh),
                        Expect.REFUTED if contradicts else Expect.HOLDS, scale, caller_location(), digits=digits,
                        budget=budget)


def agrees(
    name: str, first: Simulation, second: Simulation, at: Mapping[sp.Basic, Any], en: str = "", zh: str = "",
    *, budget: float = NumericCheck.budget,
) -> NumericCheck:
    """Two independent computations of the same quantity (two integrators, say) must agree within
    their combined error estimates (each stopped after `budget` seconds)."""
    return NumericCheck(name, "", second, dict(at), Text(en, zh), location=caller_location(), reference=first,
                        budget=budget)
