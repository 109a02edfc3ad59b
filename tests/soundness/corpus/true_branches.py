"""True but hard: logarithms and roots on the right branch. Each holds over the declared
domain of its symbols (a log of a product of positive numbers splits; a root of a square of a
real number is its absolute value)."""

import sympy as sp

from derive import Derivation, Eq, SymbolTable, Text, by, given, step

symbols = SymbolTable()
p = symbols.add("p", 1, "p", "p", positive=True)
r = symbols.add("r", 1, "r", "r", positive=True)
x = symbols.add("x", 1, "x", "x", real=True)
a = symbols.add("a", 1, "a", "a", real=True)
b = symbols.add("b", 1, "b", "b", real=True)
y = symbols.add("y", 1, "y", "y", positive=True)
w = symbols.add("w", 1, "w", "w", real=True)
v = symbols.add("v", 1, "v", "v", positive=True)
s_ = symbols.add("s", 1, "s", "s", positive=True)

EXPECTED = {
    "root-of-positive-square": ("proved", []),
    "root-of-real-square": ("proved", []),
    "log-of-product": ("holds", []),
    "log-of-quotient": ("holds", []),
    "log-of-real-power": ("holds", []),
    "exp-of-log": ("proved", []),
    "log-of-exp": ("proved", []),
    "power-of-power": ("proved", []),
    "root-of-product": ("proved", []),
    "cube-root-of-cube": ("proved", []),
    "log-both-sides": ("holds", []),
    "solve-exponential": ("proved", []),
    "solve-linear": ("proved", []),
    "solve-positive-square": ("proved", []),
}

derivation = Derivation(
    id="corpus-true-branches", title=Text("branches", "branches"), question=Text("?", "?"),
    section="corpus", symbols=symbols.freeze(),
    steps=(
        step("root-of-positive-square", (sp.sqrt(p**2), p), by.algebra()),
        step("root-of-real-square", (sp.sqrt(x**2), sp.Abs(x)), by.algebra()),
        step("log-of-product", (sp.log(p * r), sp.log(p) + sp.log(r)), by.algebra()),
        step("log-of-quotient", (sp.log(p / r), sp.log(p) - sp.log(r)), by.algebra()),
        step("log-of-real-power", (sp.log(p**x), x * sp.log(p)), by.algebra()),
        step("exp-of-log", (sp.exp(sp.log(p)), p), by.algebra()),
        step("log-of-exp", (sp.log(sp.exp(x)), x), by.algebra()),
        step("power-of-power", ((p**a) ** b, p ** (a * b)), by.algebra()),
        step("root-of-product", (sp.sqrt(p * r), sp.sqrt(p) * sp.sqrt(r)), by.algebra()),
        step("cube-root-of-cube", ((p**3) ** sp.Rational(1, 3), p), by.algebra()),
        given("growth", Eq(y, sp.exp(x))),
        step("log-both-sides", (sp.log(y), x), by.taking_log("growth")),
        step("solve-exponential", (x, sp.log(y)), by.solving_for(x, "growth")),
        given("line", Eq(w, 2 * x + 1)),
        step("solve-linear", (x, (w - 1) / 2), by.solving_for(x, "line")),
        given("square", Eq(v, s_**2)),
        step("solve-positive-square", (s_, sp.sqrt(v)), by.solving_for(s_, "square")),
    ),
)
