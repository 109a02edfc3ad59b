"""Wrong branches: identities of logs, roots and inverse functions that hold for positive
numbers, or on the principal interval, claimed for every real number. Each has a counterexample
in the declared range (a negative number, an angle beyond pi/2)."""

import sympy as sp

from derive import Derivation, SymbolTable, Text, by, step

symbols = SymbolTable()
x = symbols.add("x", 1, "x", "x", real=True)
y = symbols.add("y", 1, "y", "y", real=True)
a = symbols.add("a", 1, "a", "a", real=True)
b = symbols.add("b", 1, "b", "b", real=True)

BRANCH = [("does not hold", "counterexample")]
EXPECTED = {
    "log-of-real-product": ("rejected", BRANCH),
    "root-of-real-square": ("rejected", BRANCH),
    "root-of-real-product": ("rejected", BRANCH),
    "power-of-real-power": ("rejected", BRANCH),
    "cube-root-of-real-cube": ("rejected", BRANCH),
    "atan-of-tan": ("rejected", BRANCH),
    "asin-of-sin": ("rejected", BRANCH),
    "acos-of-cos": ("rejected", BRANCH),
    "log-of-real-square": ("rejected", BRANCH),
    "reciprocal-root": ("rejected", BRANCH),
}

derivation = Derivation(
    id="corpus-false-branches", title=Text("branches", "branches"), question=Text("?", "?"),
    section="corpus", symbols=symbols.freeze(),
    steps=(
        step("log-of-real-product", (sp.log(x * y), sp.log(x) + sp.log(y)), by.algebra()),
        step("root-of-real-square", (sp.sqrt(x**2), x), by.algebra()),
        step("root-of-real-product", (sp.sqrt(x * y), sp.sqrt(x) * sp.sqrt(y)), by.algebra()),
        step("power-of-real-power", ((x**a) ** b, x ** (a * b)), by.algebra()),
        step("cube-root-of-real-cube", ((x**3) ** sp.Rational(1, 3), x), by.algebra()),
        step("atan-of-tan", (sp.atan(sp.tan(x)), x), by.algebra()),
        step("asin-of-sin", (sp.asin(sp.sin(x)), x), by.algebra()),
        step("acos-of-cos", (sp.acos(sp.cos(x)), x), by.algebra()),
        step("log-of-real-square", (sp.log(x**2), 2 * sp.log(x)), by.algebra()),
        step("reciprocal-root", (sp.sqrt(1 / x), 1 / sp.sqrt(x)), by.algebra()),
    ),
)
