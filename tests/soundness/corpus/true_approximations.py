"""True approximations (issue 13, item 8, the other side): after a first-order series, squaring
and keeping only the first order is right, and so is an exact operation on the approximation;
a solution that needs a nonzero coefficient carries that side condition."""

import sympy as sp

from derive import Derivation, Eq, SymbolTable, Text, by, given, step

symbols = SymbolTable()
eps = symbols.add("epsilon", 1, "small", "小量", positive=True)
f = symbols.add("f", 1, "f", "f", positive=True)
g = symbols.add("g", 1, "g", "g", positive=True)

EXPECTED = {
    "first-order": ("proved", []),
    "square-to-first-order": ("holds", []),
    "tripled": ("holds", []),
    "root-to-first-order": ("holds", []),
}

derivation = Derivation(
    id="corpus-true-approximations", title=Text("approximations", "approximations"), question=Text("?", "?"),
    section="corpus", symbols=symbols.freeze(),
    steps=(
        given("exact", Eq(f, sp.exp(eps))),
        step("first-order", (f, 1 + eps), by.series("exact", eps, order=1)),
        step("square-to-first-order", (f**2, 1 + 2 * eps), by.squaring("first-order")),
        step("tripled", (3 * f, 3 + 3 * eps), by.multiplying_both_sides("first-order", 3)),
        step("root-to-first-order", (sp.sqrt(f), 1 + eps / 2), by.applying("first-order", sp.sqrt, "taking the root of")),
    ),
)
