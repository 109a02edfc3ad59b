"""solving_for must not trust `solve` to list every solution (issue 13, item 5): over the real
line y = tan x has a solution in every period, y = x e^x two below zero. A step that keeps
one of many solutions is not proved."""

import sympy as sp

from derive import Derivation, Eq, SymbolTable, Text, by, given, step

symbols = SymbolTable()
CASES = ("tan", "lambert", "sin", "cos", "sin2", "cube", "cosh", "shifted", "lambert2", "sum")
# each case its own unknown and value, so that the givens of different cases do not constrain each other
x = {case: symbols.add(f"x_{case}", 1, "x", "x", real=True) for case in CASES}
y = {case: symbols.add(f"y_{case}", 1, "y", "y", real=True) for case in CASES}
shift = symbols.add("s", 1, "s", "s", real=True)
coefficient = symbols.add("a", 1, "a", "a", real=True)
x_lin, y_lin = (symbols.add(name, 1, name, name, real=True) for name in ("x_lin", "y_lin"))

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
    # x = y/a needs a != 0 (for a = 0 the equation holds for every x, or none)
    "x-over-a-coefficient": ("conditional", [("a ≠ 0", "a != 0", "a = 0", "a=0", "nonzero")]),
}

derivation = Derivation(
    id="corpus-false-solving", title=Text("solving", "solving"), question=Text("?", "?"),
    section="corpus", symbols=symbols.freeze(),
    steps=(
        given("tangent", Eq(y["tan"], sp.tan(x["tan"]))),
        step("x-is-atan-y", (x["tan"], sp.atan(y["tan"])), by.solving_for(x["tan"], "tangent")),
        given("lambert", Eq(y["lambert"], x["lambert"] * sp.exp(x["lambert"]))),
        step("x-is-lambert-w", (x["lambert"], sp.LambertW(y["lambert"])), by.solving_for(x["lambert"], "lambert")),
        given("sine", Eq(y["sin"], sp.sin(x["sin"]))),
        step("x-is-asin-y", (x["sin"], sp.asin(y["sin"])), by.solving_for(x["sin"], "sine")),
        given("cosine", Eq(y["cos"], sp.cos(x["cos"]))),
        step("x-is-acos-y", (x["cos"], sp.acos(y["cos"])), by.solving_for(x["cos"], "cosine")),
        given("double-sine", Eq(y["sin2"], sp.sin(2 * x["sin2"]))),
        step("x-is-half-asin", (x["sin2"], sp.asin(y["sin2"]) / 2), by.solving_for(x["sin2"], "double-sine")),
        given("cube", Eq(y["cube"], x["cube"] ** 3)),
        step("x-is-cube-root", (x["cube"], y["cube"] ** sp.Rational(1, 3)), by.solving_for(x["cube"], "cube")),
        given("cosh", Eq(y["cosh"], sp.cosh(x["cosh"]))),
        step("x-from-cosh", (x["cosh"], sp.acosh(y["cosh"])), by.solving_for(x["cosh"], "cosh")),
        given("shifted-tangent", Eq(y["shifted"], sp.tan(x["shifted"]) + 1)),
        step("x-is-atan-of-shifted", (x["shifted"], sp.atan(y["shifted"] - 1)),
             by.solving_for(x["shifted"], "shifted-tangent")),
        given("scaled-lambert", Eq(y["lambert2"], 2 * x["lambert2"] * sp.exp(2 * x["lambert2"]))),
        step("x-is-scaled-lambert-w", (x["lambert2"], sp.LambertW(y["lambert2"]) / 2),
             by.solving_for(x["lambert2"], "scaled-lambert")),
        given("tangent-of-sum", Eq(y["sum"], sp.tan(x["sum"] + shift))),
        step("x-is-atan-with-setting", (x["sum"], sp.atan(y["sum"])),
             by.solving_for(x["sum"], "tangent-of-sum", setting={shift: 0})),
        given("proportional", Eq(y_lin, coefficient * x_lin)),
        step("x-over-a-coefficient", (x_lin, y_lin / coefficient), by.solving_for(x_lin, "proportional")),
    ),
)
