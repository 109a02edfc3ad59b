"""Calculus on an equation that holds only at some values of the variable: from x = 3 (or
x^2 = 4) differentiating in x gives 1 = 0 (or 2x = 0); integrating or taking a limit likewise
uses values where the premise is false."""

import sympy as sp

from derive import Derivation, Eq, SymbolTable, Text, by, given, step

symbols = SymbolTable()
x1, x2, x3, x4 = (symbols.add(f"x_{i}", 1, "x", "x", real=True) for i in range(1, 5))

FOR_EVERY = [("for every", "only at", "holds for", "fixed", "depends on", "given", "identity")]
EXPECTED = {
    "differentiate-a-point": ("rejected", FOR_EVERY),
    "differentiate-two-points": ("rejected", FOR_EVERY),
    "integrate-a-point": ("rejected", FOR_EVERY),
    "limit-away-from-the-point": ("rejected", FOR_EVERY),
}

derivation = Derivation(
    id="corpus-false-calculus-on-equations", title=Text("calculus", "calculus"), question=Text("?", "?"),
    section="corpus", symbols=symbols.freeze(),
    steps=(
        given("at-three", Eq(x1, 3)),
        step("differentiate-a-point", (1, 0), by.differentiating("at-three", x1)),
        given("at-two-points", Eq(x2**2, 4)),
        step("differentiate-two-points", (2 * x2, 0), by.differentiating("at-two-points", x2)),
        given("at-one", Eq(x3, 1)),
        step("integrate-a-point", (sp.Rational(1, 2), 1), by.integrating("at-one", (x3, 0, 1))),
        given("at-five", Eq(x4, 5)),
        step("limit-away-from-the-point", (0, 5), by.taking_limit("at-five", x4, 0)),
    ),
)
