"""False claims the checker must never prove: each test is a hole a review found, now closed."""

from __future__ import annotations

import sympy as sp
from sympy.physics.units import kilogram, length, mass, time

from derive import Derivation, SymbolTable, Text, by, define, given, step
from derive.check import check_step
from derive.report import Status


def judge(symbols, *steps) -> list:
    table = symbols.freeze() if isinstance(symbols, SymbolTable) else symbols
    derivation = Derivation(id="probe", title=Text("", ""), question=Text("", ""), section="test",
                            symbols=table, steps=tuple(steps))
    return [check_step(derivation, i + 1) for i in range(len(steps))]


def test_a_handout_cannot_quote_itself():
    table = SymbolTable()
    x = table.add("x", 1, "x", "x", real=True)
    (result,) = judge(table, step("self", (x, x + 1), by.earlier_result("probe", "self")))
    assert result.status is Status.INVALID and "cannot quote itself" in result.explain()


def test_quoting_a_refuted_claim_is_refused():
    from derive.library.random_walk import E, U, n, q
    from derive.library.random_walk import derivation as walk

    (result,) = judge(walk.symbols, step("quote", sp.Eq(E(U(n) ** 2), n * q),
                                  by.earlier_result("random-walk", "article-any-distribution")))
    assert result.status is Status.INVALID and "refuted claim and cannot be quoted" in result.explain()


def test_a_quoted_law_stays_an_axiom():
    from derive.library.viscous_friction import R, derivation, eta, zeta

    (result,) = judge(derivation.symbols, step("stokes", sp.Eq(zeta, 6 * sp.pi * eta * R),
                                          by.earlier_result("viscous-friction", "stokes")))
    assert result.status is Status.AXIOM and "quoted from an axiom" in result.note


def test_differentiating_ignores_no_definition_that_depends_on_the_variable():
    table = SymbolTable()
    L = table.add("L", length, "length", "长度", positive=True)
    t = table.add("t", time, "time", "时间", positive=True)
    v = table.add("v", length / time, "speed", "速度", positive=True)
    results = judge(table, define("speed", sp.Eq(v, L / t)),
                    step("wrong", (0, -L / t**2), by.differentiating("speed", t)))
    assert results[1].status is Status.FAILED and "v depends on t through its definition" in results[1].explain()


def test_dividing_by_a_quantity_a_given_makes_zero_is_refused():
    table = SymbolTable()
    j, a, b = (table.add(name, 1, name, name, real=True) for name in ("j", "a", "b"))
    results = judge(table, given("none", sp.Eq(j, 0)), given("both", sp.Eq(j * a, j * b)),
                    step("wrong", sp.Eq(a, b), by.dividing_both_sides("both", j)))
    assert results[2].status is Status.FAILED and "divides by j" in results[2].explain()


def test_a_step_built_on_an_approximation_is_itself_approximate():
    table = SymbolTable()
    eps = table.add("epsilon", 1, "small", "小量", positive=True)
    f = table.add("f", 1, "f", "f", real=True)
    g = table.add("g", 1, "g", "g", real=True)
    derivation = Derivation(id="approx", title=Text("", ""), question=Text("", ""), section="test",
                            symbols=table.freeze(), steps=(
                                given("exact", sp.Eq(f, sp.exp(eps))),
                                step("linear", sp.Eq(f, 1 + eps), by.series("exact", eps, order=1)),
                                define("twice", sp.Eq(g, 2 * f)),
                                step("doubled", sp.Eq(g, 2 + 2 * eps), by.substituting("linear", into="twice")),
                            ))
    assert derivation.step("doubled").claim.approximate


def test_induction_needs_an_integer_variable_starting_at_the_base_case():
    table = SymbolTable()
    n = table.add("n", 1, "n", "n", real=True)
    a = table.function("a", 1, "a", "a")
    results = judge(table, given("base", sp.Eq(a(0), 0)), given("rec", sp.Eq(a(n), a(n - 1) + 1)),
                    step("closed", sp.Eq(a(n), n + sp.sin(sp.pi * n)), by.induction(on=n, base="base", step="rec")))
    assert results[2].status is Status.INVALID and "needs n declared integer" in results[2].explain()


def test_numbers_far_below_one_are_compared_relatively():
    table = SymbolTable()
    M = table.add("M", mass, "mass", "质量", positive=True)
    results = judge(table, given("true", sp.Eq(M, sp.Rational("2.99e-26") * kilogram)),
                    step("wrong", sp.Eq(M, sp.Rational("9.9e-26") * kilogram), by.substituting("true")))
    assert results[1].status is Status.FAILED


def test_max_and_piecewise_have_dimensions():
    table = SymbolTable()
    current = table.add("I", 1, "current", "电流", real=True)
    rate = table.add("r", 1, "rate", "速率", real=True)
    results = judge(table, step("rectified", (sp.Max(0, current) * rate, sp.Max(current, 0) * rate), by.algebra()))
    assert results[0].status is Status.PROVED


def test_limits_are_two_sided():
    table = SymbolTable()
    y = table.add("y", 1, "y", "y", real=True)
    (result,) = judge(table, step("sign", (sp.Limit(sp.sign(y), y, 0), 1), by.evaluating()))
    assert result.status is not Status.PROVED


def test_integer_claims_are_sampled_beyond_small_integers():
    table = SymbolTable()
    n = table.add("n", 1, "n", "n", integer=True, nonnegative=True)
    (result,) = judge(table, step("floor", (sp.floor(n / 13), 0), by.algebra()))
    assert result.status is Status.FAILED


def test_a_value_written_as_a_float_is_read_as_its_decimal():
    from sympy.physics.units import nanometer

    from derive.library import einstein_relation as er

    float_claim = er.derivation.with_claim("glucose-radius", sp.Eq(er.R, 0.36 * nanometer))
    assert check_step(float_claim, float_claim.labels.index("glucose-radius") + 1).status is Status.PROVED


def test_solving_ode_does_not_accept_a_wrong_solution_as_a_member_of_dsolves_family():
    """dsolve leaves constants for a second-order equation; 'choosing' them as functions of x made
    dsolve's family equal to anything. Only constants free of x may select a member, so the dsolve
    obligation on its own rejects a wrong solution (the ODE obligation rejects it too)."""
    from derive.library import cable_equation as cable
    from derive.model import Claim, Context

    for wrong in ((1 + cable.x**2) * sp.exp(-cable.x / cable.lam), sp.exp(-2 * cable.x / cable.lam)):
        claim = Claim(cable.W(cable.x), cable.V_0 * wrong)
        faulty = cable.derivation.with_claim("steady-decay", (claim.lhs, claim.rhs))
        position = faulty.labels.index("steady-decay")
        obligations = faulty.step("steady-decay").by.obligations(claim, Context(faulty, position))
        dsolve = next(o for o in obligations if o.name == "dsolve")
        assert sp.simplify(dsolve.claimed - dsolve.produced) != 0
        assert check_step(faulty, position + 1).status is Status.FAILED
