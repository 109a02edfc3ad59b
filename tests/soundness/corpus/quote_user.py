"""A handout quoting corpus-quoted (issue 13, item 12): a quotation's status can be no better
than the quoted step's."""

import sympy as sp

from derive import Derivation, SymbolTable, Text, by, step

symbols = SymbolTable()
x = symbols.add("x", 1, "x", "x", real=True)
y = symbols.add("y", 1, "y", "y", real=True)
r = symbols.add("r", 1, "r", "r", positive=True)

EXPECTED = {
    "quotes-a-failed-step": ("rejected", [("wrong",), ("fail", "does not hold", "not hold")]),
    "quotes-a-numeric-step": ("not-proved", []),
    "quotes-a-proved-step": ("proved", []),
}

derivation = Derivation(
    id="corpus-quoting", title=Text("quoting", "quoting"), question=Text("?", "?"),
    section="corpus", symbols=symbols.freeze(),
    steps=(
        step("quotes-a-failed-step", ((x + y) ** 2, x**2 + y**2), by.earlier_result("corpus-quoted", "wrong")),
        step("quotes-a-numeric-step", (r, sp.Rational("1.41")), by.earlier_result("corpus-quoted", "root-of-two")),
        step("quotes-a-proved-step", ((x + y) ** 2, x**2 + 2 * x * y + y**2),
             by.earlier_result("corpus-quoted", "right")),
    ),
)
