"""Givens no real value can meet (issue 13, item 4, in more spellings): x^2 + 1 = 0, sin x = 2,
e^x = -1 and |x| = -1 for real x; p + |p| = 0 for positive p. Anything 'follows' from them."""

import sympy as sp

from derive import Derivation, Eq, SymbolTable, Text, by, given, step

symbols = SymbolTable()
x1, x2, x3, x4 = (symbols.add(f"x_{i}", 1, "x", "x", real=True) for i in range(1, 5))
p = symbols.add("p", 1, "p", "p", positive=True)

IMPOSSIBLE = [("contradict", "cannot be assumed", "impossible", "no real", "no value", "assum")]
EXPECTED = {
    "from-a-square-plus-one": ("rejected", IMPOSSIBLE),
    "from-a-sine-of-two": ("rejected", IMPOSSIBLE),
    "from-a-negative-exponential": ("rejected", IMPOSSIBLE),
    "from-a-negative-absolute-value": ("rejected", IMPOSSIBLE),
    "from-a-positive-sum-of-zero": ("rejected", IMPOSSIBLE),
}

derivation = Derivation(
    id="corpus-hyp-impossible-givens", title=Text("impossible", "impossible"), question=Text("?", "?"),
    section="corpus", symbols=symbols.freeze(),
    steps=(
        given("square", Eq(x1**2 + 1, 0)),
        step("from-a-square-plus-one", (x1**2, -1), by.rewriting("square")),
        given("sine", Eq(sp.sin(x2), 2)),
        step("from-a-sine-of-two", (sp.sin(x2) ** 2, 4), by.substituting("sine")),
        given("exponential", Eq(sp.exp(x3), -1)),
        step("from-a-negative-exponential", (sp.exp(x3) ** 2, 1), by.squaring("exponential")),
        given("absolute", Eq(sp.Abs(x4), -1)),
        step("from-a-negative-absolute-value", (sp.Abs(x4) + 1, 0), by.rewriting("absolute")),
        given("sum", Eq(p + sp.Abs(p), 0)),
        step("from-a-positive-sum-of-zero", (p, 0), by.solving_for(p, "sum")),
    ),
)
