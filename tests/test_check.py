"""The checker accepts the random walk as written and rejects each kind of faulty step.

Each faulty derivation changes one step of the real random-walk derivation (or of a small
calculus derivation for limits and series) and pins the parts of the report a reader needs:
where, which rule, what was claimed, what the rule produced, and a counterexample.
"""

from __future__ import annotations

import re

import sympy as sp
from sympy.physics.units import length

from derive import Derivation, E, SymbolTable, Text, by, given, step
from derive.check import Settings, check_step, prove
from derive.library import random_walk as rw
from derive.library.random_walk import D, L, M, U, k, m, m_0, n, q, r, t, x
from derive.model import Claim, Obligation
from derive.report import Status, StepResult

WALK = rw.derivation


def judge(derivation: Derivation, label: str) -> StepResult:
    return check_step(derivation, derivation.labels.index(label) + 1)


def assert_report(result: StepResult, *patterns: str) -> None:
    text = result.explain()
    for pattern in patterns:
        assert re.search(pattern, text, re.MULTILINE), f"{pattern!r} not in:\n{text}"


def test_check_accepts_every_step_of_the_random_walk():
    statuses = {judge(WALK, label).status for label in WALK.labels}
    assert statuses <= {Status.AXIOM, Status.PROVED, Status.REFUTED}


def test_check_rejects_wrong_sign():
    faulty = WALK.with_claim("msd-recurrence", sp.Eq(E(x(n) ** 2), E(x(n - 1) ** 2) - L**2))
    result = judge(faulty, "msd-recurrence")
    assert result.status is Status.FAILED
    assert_report(
        result,
        r"^random-walk, step 14 'msd-recurrence' \(by substituting 'cross-term-zero' and "
        r"'mean-square-step' into 'msd-recurrence-raw'\) does not hold\.$",
        r"^  at .*random_walk\.py:\d+$",
        r"^  claimed:        E\[x\(n\)\*\*2\] = -L\*\*2 \+ E\[x\(n - 1\)\*\*2\]$",
        r"^  residual:       2\*L\*\*2 ",
        r"^  counterexample: .*L=1 gives 1 for the claim after substituting but -1 for",
    )


def test_check_rejects_wrong_exponent():
    faulty = WALK.with_claim("polymer-size", sp.Eq(E(r(n) ** 2), 3 * L**2 * M**2 / m_0**2))
    result = judge(faulty, "polymer-size")
    assert result.status is Status.FAILED
    assert_report(result, r"^  rule produced:  3\*L\*\*2\*n\*\*2 ", r"^  residual:       -3\*L\*\*2\*n\*\(n - 1\)",
                  r"counterexample: L=1, n=2 gives 6 .* but 12 ")


def test_check_rejects_wrong_coefficient():
    faulty = WALK.with_claim("msd-time", sp.Eq(E(x(n) ** 2), 4 * D * t))
    result = judge(faulty, "msd-time")
    assert result.status is Status.FAILED
    assert_report(result, r"step 34 'msd-time' \(by substituting 'msd', 'diffusion-constant' and 'time'\)",
                  r"^  residual:       ", r"^  counterexample: ")


def test_check_rejects_dropped_term():
    faulty = WALK.with_claim("square-expanded", sp.Eq(x(n) ** 2, x(n - 1) ** 2 + k(n) ** 2))
    result = judge(faulty, "square-expanded")
    assert result.status is Status.FAILED
    assert_report(result, r"\(by rewriting 'square-walk'\) does not hold",
                  r"^  residual:       2\*k\(n\)\*x\(n - 1\)", r"^  counterexample: k\(n\)=1, ")


def test_check_rejects_swapped_symbols():
    faulty = WALK.with_claim("deviation-msd", sp.Eq(E(U(n) ** 2), n * (m**2 - q)))
    result = judge(faulty, "deviation-msd")
    assert result.status is Status.FAILED
    assert_report(result, r"\[inductive step\]", r"hint:           rsolve gives the closed form n\*\(-m\*\*2 \+ q\)")


def test_check_rejects_independence_of_variables_not_declared_independent():
    faulty = WALK.with_step(
        "cross-term", claim=Claim.of(sp.Eq(E(x(n) * k(n)), E(x(n)) * E(k(n)))), by=by.independence(x(n), k(n))
    )
    result = judge(faulty, "cross-term")
    assert result.status is Status.FAILED
    assert_report(result, r"does not follow: x\(n\) and k\(n\) are not declared independent "
                          r"\(declared independent: \{k\(n\), x\(n - 1\)\}; \{K\(n\), U\(n - 1\)\}\)")


def test_check_rejects_factorising_a_product_the_declaration_does_not_cover():
    faulty = WALK.with_claim("cross-term", sp.Eq(E(x(n) * k(n)), E(x(n)) * E(k(n))))
    result = judge(faulty, "cross-term")
    assert result.status is Status.FAILED
    assert_report(result, r"hint:           E\[XY\] = E\[X\]E\[Y\] needs X and Y independent; "
                          r"not declared for k\(n\) and x\(n\)")


def test_check_reports_missing_premise_as_invalid_input():
    faulty = WALK.with_step("msd", by=by.induction(on=n, base="no-such-step", step="msd-recurrence"))
    result = judge(faulty, "msd")
    assert result.status is Status.INVALID
    assert_report(result, r"cannot be checked: premise 'no-such-step' does not exist; earlier steps are: walk, start, ")


def test_check_reports_premise_that_comes_later_as_invalid_input():
    faulty = WALK.with_step("mean-step", by=by.substituting("msd"))
    result = judge(faulty, "mean-step")
    assert result.status is Status.INVALID
    assert_report(result, r"premise 'msd' comes later in the derivation, not before")


def test_check_rejects_dimension_mismatch_naming_the_terms():
    faulty = WALK.with_claim("msd-time", sp.Eq(E(x(n) ** 2), 2 * D))
    result = judge(faulty, "msd-time")
    assert result.status is Status.FAILED
    assert_report(result, r"is dimensionally inconsistent\.$",
                  r"E\[x\(n\)\*\*2\] has dimension length\*\*2, 2\*D has dimension length\*\*2/time")


def test_check_rejects_wrong_moment():
    faulty = WALK.with_claim("mean-square-step", sp.Eq(E(k(n) ** 2), 2 * L**2))
    result = judge(faulty, "mean-square-step")
    assert result.status is Status.FAILED
    assert_report(result, r"^  rule produced:  L\*\*2 \(the left side computed from the distribution of k\)",
                  r"counterexample: L=1 gives 2 for the right side but 1 ")


def test_check_rejects_wrong_recurrence_solution():
    faulty = WALK.with_claim("msd", sp.Eq(E(x(n) ** 2), n**2 * L**2))
    result = judge(faulty, "msd")
    assert result.status is Status.FAILED
    assert_report(result, r"\(by induction on n from 'msd-start' with 'msd-recurrence'\) does not hold",
                  r"counterexample: L=1, n=2 gives 4 for the claim but 2 ",
                  r"hint:           rsolve gives the closed form L\*\*2\*n")


def test_check_rejects_closed_form_that_misses_the_base_case():
    faulty = WALK.with_claim("msd", sp.Eq(E(x(n) ** 2), (n + 1) * L**2))
    result = judge(faulty, "msd")
    assert result.status is Status.FAILED
    assert_report(result, r"\[base case\]", r"counterexample: L=1 gives 1 for the claim but 0 ")


# --- a small calculus derivation, for limits and series ---------------------------------------

calculus = SymbolTable()
s = calculus.add("s", 1, "a dimensionless number", "无量纲数", real=True)
eps = calculus.add("epsilon", 1, "a small number", "小量", positive=True)
f = calculus.add("f", 1, "a value", "一个值", real=True)

CALCULUS = Derivation(
    id="calculus", title=Text("Calculus", "微积分"), question=Text("", ""), section="test",
    symbols=calculus.freeze(),
    steps=(
        step("sinc-limit", sp.Eq(sp.Limit(sp.sin(s) / s, s, 0), 1), by.evaluating()),
        given("exponential", sp.Eq(f, sp.exp(eps))),
        step("linear", sp.Eq(f, 1 + eps), by.series("exponential", eps, order=1)),
        step("quadratic", sp.Eq(f, 1 + eps + eps**2 / 2), by.series("exponential", eps, order=2)),
    ),
)


def test_check_proves_limits_and_series_of_the_right_order():
    assert [judge(CALCULUS, label).status for label in CALCULUS.labels] == [
        Status.PROVED, Status.AXIOM, Status.PROVED, Status.PROVED]


def test_check_rejects_wrong_limit():
    result = judge(CALCULUS.with_claim("sinc-limit", sp.Eq(sp.Limit(sp.sin(s) / s, s, 0), 0)), "sinc-limit")
    assert result.status is Status.FAILED
    assert_report(result, r"\(by evaluating\) does not hold", r"gives 0 for the right side but 1 for the left side")


def test_check_rejects_series_truncated_at_the_wrong_order():
    faulty = CALCULUS.with_claim("linear", sp.Eq(f, 1 + eps + eps**2 / 2))
    result = judge(faulty, "linear")
    assert result.status is Status.FAILED
    assert_report(result, r"\(by expanding 'exponential' in small epsilon to order 1\)",
                  r"the claim keeps epsilon\*\*2/2, beyond order 1 in epsilon")


def test_series_step_records_the_dropped_order_and_is_shown_as_approximate():
    result = judge(CALCULUS, "linear")
    assert result.side_conditions == ["epsilon small: terms of order epsilon**2 are dropped"]
    assert "≈" in result.claim


# --- quoted claims, side conditions, statuses -------------------------------------------------


def test_refuted_claim_of_the_article_comes_with_a_counterexample():
    result = judge(WALK, "article-any-distribution")
    assert result.status is Status.REFUTED
    assert result.counterexample is not None
    assert result.counterexample.values == {"m": "1", "n": "1", "q": "1"}
    assert result.residual.startswith("-m**2*n")


def test_refuted_claim_that_actually_holds_is_a_failure():
    wrongly_quoted = WALK.with_claim("article-any-distribution", sp.Eq(E(U(n) ** 2), n * (q - m**2)))
    result = judge(wrongly_quoted, "article-any-distribution")
    assert result.status is Status.FAILED
    assert "is quoted as a false claim, but the checker finds no counterexample" in result.explain()


def _roots(b_assumptions: dict) -> Derivation:
    table = SymbolTable()
    a = table.add("a", length, "a length", "长度", positive=True)
    b = table.add("b", length, "a length", "长度", **b_assumptions)
    return Derivation(
        id="roots", title=Text("", ""), question=Text("", ""), section="test", symbols=table.freeze(),
        steps=(given("square", sp.Eq(b**2, a**2)), step("root", sp.Eq(b, a), by.solving_for(b, "square"))),
    )


def test_solving_for_a_symbol_with_two_solutions_must_exclude_one_by_assumption():
    result = judge(_roots({"real": True}), "root")
    assert result.status is Status.FAILED
    assert_report(result, r"does not follow: 'square' has 2 solutions for b \(-a, a\); declare assumptions")
    assert judge(_roots({"positive": True}), "root").status is Status.PROVED


def test_dividing_both_sides_records_a_nonzero_divisor():
    table = SymbolTable()
    a = table.add("a", 1, "a number", "数", real=True)
    c = table.add("c", 1, "a number", "数", positive=True)
    divided = Derivation(
        id="divide", title=Text("", ""), question=Text("", ""), section="test", symbols=table.freeze(),
        steps=(given("scaled", sp.Eq(c * a, c)), step("plain", sp.Eq(a, 1), by.dividing_both_sides("scaled", c))),
    )
    result = judge(divided, "plain")
    assert result.status is Status.PROVED
    assert result.side_conditions == ["c ≠ 0 (true by the symbols' assumptions)"]


def test_step_sympy_cannot_reduce_is_numerically_only_never_proved():
    # erf + erfc = 1 is true, but none of the checker's canonical forms reduces it (SymPy 1.14);
    # if a later SymPy proves it, pick another identity SymPy cannot reduce.
    table = SymbolTable()
    y = table.add("y", 1, "a number", "数", real=True)
    hard = Derivation(
        id="hard", title=Text("", ""), question=Text("", ""), section="test", symbols=table.freeze(),
        steps=(step("complement", (sp.erf(y) + sp.erfc(y), 1), by.algebra()),),
    )
    result = judge(hard, "complement")
    assert result.status is Status.NUMERIC
    # a step SymPy cannot prove is sampled again at 150 and 310 digits before it is called numerically-only
    assert result.points == Settings().points and result.digits == 150
    assert "SymPy could not reduce the residual to 0" in result.note


def test_prove_gives_up_at_its_deadline_instead_of_hanging():
    import time

    obligation = Obligation("slow", sp.Integer(1), sp.Integer(1))
    assert prove(obligation, deadline=time.perf_counter() - 1) == "symbolic proof timed out"


class _HangingRule:
    """A rule whose work never finishes, like `simplify` on a Hodgkin-Huxley-sized residual."""

    kind = by.RuleKind.CHECKED
    premises = ()

    def describe(self) -> str:
        return "by a rule that hangs"

    def obligations(self, claim, context):
        while True:
            pass

    def side_conditions(self, claim, context):
        return ()


def test_hung_rule_ends_as_a_reported_timeout():
    hung = WALK.with_step("msd", by=_HangingRule())
    result = check_step(hung, hung.labels.index("msd") + 1, Settings(seconds_per_step=0.3))
    assert result.status is Status.TIMED_OUT
    assert result.seconds < 2
    assert_report(result, r"^random-walk, step 16 'msd' \(by a rule that hangs\) timed out after 0\.3 s")


# --- differential equations and instances ------------------------------------------------------

membrane = SymbolTable()
time_ = membrane.add("t", sp.physics.units.time, "time", "时间", nonnegative=True)
rate = membrane.add("a", 1 / sp.physics.units.time, "a rate", "速率", positive=True)
start = membrane.add("y_0", length, "start", "起点", real=True)
y = membrane.function("y", length, "a decaying length", "衰减的长度")
DECAY = Derivation(
    id="decay", title=Text("", ""), question=Text("", ""), section="test", symbols=membrane.freeze(),
    steps=(
        given("ode", sp.Eq(sp.Derivative(y(time_), time_), -rate * y(time_))),
        step("solution", sp.Eq(y(time_), start * sp.exp(-rate * time_)), by.solving_ode("ode", y(time_), {y(0): start})),
    ),
)


def test_solving_an_ode_checks_the_equation_and_the_initial_value():
    assert judge(DECAY, "solution").status is Status.PROVED
    wrong_rate = judge(DECAY.with_claim("solution", sp.Eq(y(time_), start * sp.exp(-2 * rate * time_))), "solution")
    assert wrong_rate.status is Status.FAILED
    assert_report(wrong_rate, r"\[differential equation\]", r"hint:           dsolve gives ")
    wrong_start = judge(DECAY.with_claim("solution", sp.Eq(y(time_), 2 * start * sp.exp(-rate * time_))), "solution")
    assert_report(wrong_start, r"\[initial condition y\(0\)\]")


def _instance(values: dict, claim: sp.Eq) -> StepResult:
    extended = Derivation(
        id="decay", title=Text("", ""), question=Text("", ""), section="test", symbols=membrane.freeze(),
        steps=(*DECAY.steps, step("instance", claim, by.instance_of("solution", values))),
    )
    return judge(extended, "instance")


def test_instance_of_a_general_result_rejects_values_that_break_assumptions():
    result = _instance({rate: -rate}, sp.Eq(y(time_), start * sp.exp(rate * time_)))
    assert result.status is Status.INVALID
    assert "a is positive, but the value put in for it, -a, is not known to be" in result.explain()
    hypothesis = _instance({rate: 2 * rate}, sp.Eq(y(time_), start * sp.exp(-2 * rate * time_)))
    assert "a appears in the given 'ode'" in hypothesis.explain()


def test_instance_of_a_given_is_refused():
    wrong = DECAY.with_step("solution", by=by.instance_of("ode", {rate: 2 * rate}))
    assert "'ode' is a given, not a general result" in judge(wrong, "solution").explain()


def test_instance_may_not_change_a_symbol_fixed_by_a_hypothesis():
    result = _instance({start: 2 * start}, sp.Eq(y(time_), 2 * start * sp.exp(-rate * time_)))
    assert result.status is Status.INVALID
    assert "y_0 appears in the initial value of 'solution', a hypothesis of the derivation" in result.explain()
