"""Approximations in two small quantities at once: a product of a first-order series in a and a
third-order series in b holds to those orders in each, so it may keep a*b**2 but no a**2 term,
and it may not drop a*b**2 either (that term is within both orders). SymPy cannot add O(a**2)
and O(b**4), so each quantity's error terms are dropped at its own truncation."""

import sympy as sp

from derive import Derivation, Eq, SymbolTable, Text, by, given, step

symbols = SymbolTable()
a = symbols.add("a", 1, "a small quantity", "小量 a", positive=True)
b = symbols.add("b", 1, "another small quantity", "小量 b", positive=True)
f = symbols.add("f", 1, "f", "f", positive=True)
g = symbols.add("g", 1, "g", "g", positive=True)

ORDER = ("order", "does not hold", "beyond")
EXPECTED = {
    "f-first-order": ("proved", []),
    "g-third-order": ("proved", []),
    "product": ("proved", []),
    "product-wrong-coefficient": ("rejected", [ORDER]),
    "product-drops-a-term-within-both-orders": ("rejected", [ORDER]),
    "product-keeps-a-squared": ("rejected", [ORDER]),
}

derivation = Derivation(
    id="corpus-two-small-quantities", title=Text("two small quantities", "两个小量"), question=Text("?", "?"),
    section="corpus", symbols=symbols.freeze(),
    steps=(
        given("exact-f", Eq(f, sp.exp(a))),
        given("exact-g", Eq(g, sp.cos(b))),
        step("f-first-order", (f, 1 + a), by.series("exact-f", a, order=1)),
        step("g-third-order", (g, 1 - b**2 / 2), by.series("exact-g", b, order=3)),
        step("product", (f * g, (1 + a) * (1 - b**2 / 2)), by.substituting("f-first-order", "g-third-order")),
        step("product-wrong-coefficient", (f * g, (1 + 2 * a) * (1 - b**2 / 2)),
             by.substituting("f-first-order", "g-third-order")),
        step("product-drops-a-term-within-both-orders", (f * g, 1 + a - b**2 / 2),
             by.substituting("f-first-order", "g-third-order")),
        step("product-keeps-a-squared", (f * g, (1 + a + a**2 / 2) * (1 - b**2 / 2)),
             by.substituting("f-first-order", "g-third-order")),
    ),
)
