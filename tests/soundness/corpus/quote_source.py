"""A handout whose steps another handout quotes (issue 13, item 12): one false, one only
numerically checked, one proved."""

import sympy as sp

from derive import Derivation, Eq, SymbolTable, Text, by, given, step

symbols = SymbolTable()
x = symbols.add("x", 1, "x", "x", real=True)
y = symbols.add("y", 1, "y", "y", real=True)
r = symbols.add("r", 1, "r", "r", positive=True)

EXPECTED = {
    "wrong": ("rejected", [("does not hold", "counterexample")]),
    "root-of-two": ("not-proved", []),
    "right": ("proved", []),
}

derivation = Derivation(
    id="corpus-quoted", title=Text("quoted", "quoted"), question=Text("?", "?"),
    section="corpus", symbols=symbols.freeze(),
    steps=(
        step("wrong", ((x + y) ** 2, x**2 + y**2), by.algebra()),
        given("square", Eq(r**2, 2)),
        step("root-of-two", (r, sp.Rational("1.41")), by.finding_root("square", start={r: 1.4}, setting={}, digits=3)),
        step("right", ((x + y) ** 2, x**2 + 2 * x * y + y**2), by.algebra()),
    ),
)
