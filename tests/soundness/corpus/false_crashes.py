"""User errors must never end the run with exit 3 (issue 13, item 10): a Python int divisor, a
symbol spelled with other assumptions than declared, a huge expression, an operation that
raises. Each is a failed or invalid step with a message that says what is wrong."""

import sympy as sp

from derive import Derivation, Eq, SymbolTable, Text, by, given, step

symbols = SymbolTable()
x = symbols.add("x", 1, "x", "x", real=True)
y = symbols.add("y", 1, "y", "y", real=True)
a = symbols.add("a", 1, "a", "a", real=True)
b = symbols.add("b", 1, "b", "b", real=True)

x_positive = sp.Symbol("x", positive=True)  # the declared x is real, not positive
deep = x
for _ in range(300):  # deeper than Python's parser nests (lambdify compiles source)
    deep = sp.sin(deep)

EXPECTED = {
    "divide-by-python-zero": ("rejected", [("0", "zero")]),
    "symbol-with-other-assumptions": ("rejected", [("assumption", "positive"), ("x",)]),
    "symbol-with-other-assumptions-in-a-rule": ("rejected", [("assumption", "positive"), ("x",)]),
    "huge-expression": ("rejected", [("recursion", "too deep", "too large", "timed out", "nested", "deep")]),
    "operation-returns-a-string": ("rejected", [("str", "string", "expression", "sympy")]),
    "operation-returns-none": ("rejected", [("none", "expression", "sympy")]),
    # true: a Python int divisor is an ordinary number
    "divide-by-python-two": ("proved", []),
    "multiply-by-python-three": ("proved", []),
}

derivation = Derivation(
    id="corpus-false-crashes", title=Text("crashes", "crashes"), question=Text("?", "?"),
    section="corpus", symbols=symbols.freeze(),
    steps=(
        given("doubled", Eq(2 * a, 2 * b)),
        step("divide-by-python-two", (a, b), by.dividing_both_sides("doubled", 2)),
        step("multiply-by-python-three", (6 * a, 6 * b), by.multiplying_both_sides("doubled", 3)),
        step("divide-by-python-zero", (a, b), by.dividing_both_sides("doubled", 0)),
        step("symbol-with-other-assumptions", (x_positive + 1, 1 + x_positive), by.algebra()),
        given("line", Eq(y, 2 * x + 1)),
        step("symbol-with-other-assumptions-in-a-rule", (y - 1, 2 * x_positive), by.substituting("line")),
        step("huge-expression", (deep, deep + 1), by.algebra()),
        step("operation-returns-a-string", (y, x), by.applying("line", lambda side: "x", "naming")),
        step("operation-returns-none", (y, x), by.applying("line", lambda side: None, "forgetting")),
    ),
)
