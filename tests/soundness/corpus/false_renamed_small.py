"""An approximation's error term follows its small quantity through a substitution: after
f ≈ 1 + a (to first order in a) and a = c, f ≈ 1 + c holds up to O(c**2), so its square may not
keep c**2. (The error term used to stay written in a, which the later steps no longer contain.)"""

import sympy as sp

from derive import Derivation, Eq, SymbolTable, Text, by, given, step

symbols = SymbolTable()
a = symbols.add("a", 1, "a small quantity", "小量 a", positive=True)
c = symbols.add("c", 1, "the same quantity, renamed", "改名后的同一个量", positive=True)
f = symbols.add("f", 1, "f", "f", positive=True)

BEYOND = ("beyond", "c**2", "order")
EXPECTED = {
    "f-first-order": ("proved", []),
    "f-of-c": ("proved", []),
    "square-keeps-c-squared": ("rejected", [BEYOND]),
    "square-to-first-order": ("holds", []),
    "divided-keeps-c": ("rejected", [BEYOND]),
}

derivation = Derivation(
    id="corpus-false-renamed-small", title=Text("a renamed small quantity", "改名的小量"), question=Text("?", "?"),
    section="corpus", symbols=symbols.freeze(),
    steps=(
        given("exact", Eq(f, sp.exp(a))),
        given("renamed", Eq(a, c)),
        step("f-first-order", (f, 1 + a), by.series("exact", a, order=1)),
        step("f-of-c", (f, 1 + c), by.substituting("renamed", into="f-first-order")),
        step("square-keeps-c-squared", (f**2, 1 + 2 * c + c**2), by.squaring("f-of-c")),
        step("square-to-first-order", (f**2, 1 + 2 * c), by.squaring("f-of-c")),
        # (f - 1)/c = 1 + O(c): the c/2 of the true e^c expansion is not known from f ≈ 1 + c
        step("divided-keeps-c", ((f - 1) / c, 1 + c / 2), by.applying("f-of-c", lambda side: (side - 1) / c,
                                                                     "subtracting 1 and dividing by c")),
    ),
)
