"""Generic cancellation (issue 13, item 13): (x^2 - 1)/(x - 1) = x + 1 only where x != 1. Such a
step may be accepted only with the side condition that names the excluded point, or rejected.
(x/x and sin(x)/sin(x) are written unevaluated, since SymPy cancels them while building them.)"""

import sympy as sp

from derive import Derivation, SymbolTable, Text, by, given, step

symbols = SymbolTable()
x = symbols.add("x", 1, "x", "x", real=True)
y = symbols.add("y", 1, "y", "y", real=True)
w = symbols.add("w", 1, "w", "w", real=True)

EXPECTED = {
    "difference-of-squares": ("conditional", [("x - 1", "x ≠ 1", "x != 1", "x = 1", "x=1", "1 - x")]),
    "x-over-x": ("conditional", [("x ≠ 0", "x != 0", "x = 0", "x=0", "nonzero", "zero")]),
    "two-variables": ("conditional", [("x - y", "y - x", "x ≠ y", "x = y", "x=y")]),
    "sine-over-sine": ("conditional", [("sin(x)", "zero", "≠ 0")]),
    "cancel-through-applying": ("conditional", [("x - 1", "x ≠ 1", "x = 1", "x=1", "1 - x")]),
    "cubic": ("conditional", [("x - 2", "x ≠ 2", "x = 2", "x=2", "2 - x")]),
}

derivation = Derivation(
    id="corpus-false-cancellation", title=Text("cancellation", "cancellation"), question=Text("?", "?"),
    section="corpus", symbols=symbols.freeze(),
    steps=(
        step("difference-of-squares", ((x**2 - 1) / (x - 1), x + 1), by.algebra()),
        step("x-over-x", (sp.Mul(x, y, 1 / x, evaluate=False), y), by.algebra()),
        step("two-variables", ((x**2 - y**2) / (x - y), x + y), by.algebra()),
        step("sine-over-sine", (sp.Mul(sp.sin(x), y, 1 / sp.sin(x), evaluate=False), y), by.algebra()),
        given("quotient", sp.Eq(w, (x**2 - 1) / (x - 1), evaluate=False)),
        step("cancel-through-applying", (w, x + 1), by.applying("quotient", sp.cancel, "cancelling in")),
        step("cubic", ((x**3 - 8) / (x - 2), x**2 + 2 * x + 4), by.algebra()),
    ),
)
