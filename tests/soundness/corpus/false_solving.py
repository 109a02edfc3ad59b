"""solving_for must not trust `solve` to list every solution (issue 13, item 5): over the real
line y = tan x has a solution in every period, y = x e^x two below zero. A step that keeps
one of many solutions is not proved."""

import sympy as sp

from derive import Derivation, Eq, SymbolTable, Text, by, given, step

symbols = SymbolTable()
x = symbols.add("x", 1, "x", "x", real=True)
y = symbols.add("y", 1, "y", "y", real=True)
z = symbols.add("z", 1, "z", "z", real=True)

SEVERAL = ("solution", "period", "pi", "branch", "infinitely", "complete", "other")
EXPECTED = {
    "x-is-atan-y": ("rejected", [SEVERAL]),
    "x-is-lambert-w": ("rejected", [SEVERAL]),
    "x-is-asin-y": ("rejected", [SEVERAL]),
    "x-is-acos-y": ("rejected", [SEVERAL]),
    "x-is-half-asin": ("rejected", [SEVERAL]),
    "x-is-cube-root": ("rejected", [SEVERAL]),
    "x-from-cosh": ("rejected", [SEVERAL]),
    "x-is-atan-of-shifted": ("rejected", [SEVERAL]),
    "x-is-scaled-lambert-w": ("rejected", [SEVERAL]),
    "x-is-atan-with-setting": ("rejected", [SEVERAL]),
}

derivation = Derivation(
    id="corpus-false-solving", title=Text("solving", "solving"), question=Text("?", "?"),
    section="corpus", symbols=symbols.freeze(),
    steps=(
        given("tangent", Eq(y, sp.tan(x))),
        step("x-is-atan-y", (x, sp.atan(y)), by.solving_for(x, "tangent")),
        given("lambert", Eq(y, x * sp.exp(x))),
        step("x-is-lambert-w", (x, sp.LambertW(y)), by.solving_for(x, "lambert")),
        given("sine", Eq(y, sp.sin(x))),
        step("x-is-asin-y", (x, sp.asin(y)), by.solving_for(x, "sine")),
        given("cosine", Eq(y, sp.cos(x))),
        step("x-is-acos-y", (x, sp.acos(y)), by.solving_for(x, "cosine")),
        given("double-sine", Eq(z, sp.sin(2 * x))),
        step("x-is-half-asin", (x, sp.asin(z) / 2), by.solving_for(x, "double-sine")),
        given("cube", Eq(y, x**3)),
        step("x-is-cube-root", (x, y ** sp.Rational(1, 3)), by.solving_for(x, "cube")),
        given("cosh", Eq(z, sp.cosh(x))),
        step("x-from-cosh", (x, sp.acosh(z)), by.solving_for(x, "cosh")),
        given("shifted-tangent", Eq(z, sp.tan(x) + 1)),
        step("x-is-atan-of-shifted", (x, sp.atan(z - 1)), by.solving_for(x, "shifted-tangent")),
        given("scaled-lambert", Eq(z, 2 * x * sp.exp(2 * x))),
        step("x-is-scaled-lambert-w", (x, sp.LambertW(z) / 2), by.solving_for(x, "scaled-lambert")),
        given("tangent-of-sum", Eq(z, sp.tan(x + y))),
        step("x-is-atan-with-setting", (x, sp.atan(z)), by.solving_for(x, "tangent-of-sum", setting={y: 0})),
    ),
)
