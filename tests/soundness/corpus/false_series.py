"""Approximations carry an order (issue 13, item 8): after a first-order series, squaring and
keeping the x^2 term is not 'proved', since the x^2 term of the square is not known to that order."""

import sympy as sp

from derive import Derivation, Eq, SymbolTable, Text, by, define, given, step

symbols = SymbolTable()
eps = symbols.add("epsilon", 1, "small", "小量", positive=True)
f = symbols.add("f", 1, "f", "f", positive=True)
g = symbols.add("g", 1, "g", "g", positive=True)
r = symbols.add("r", 1, "r", "r", positive=True)
s = symbols.add("s", 1, "s", "s", positive=True)
hq = symbols.add("h", 1, "h", "h", positive=True)

ORDER = ("order", "epsilon**2", "epsilon**3", "epsilon^2", "beyond", "dropped", "approximat")
EXPECTED = {
    "square-keeps-second-order": ("rejected", [ORDER]),
    "cube-keeps-second-order": ("rejected", [ORDER]),
    "substituted-square-keeps-second-order": ("rejected", [ORDER]),
    "root-squared-keeps-second-order": ("rejected", [ORDER]),
    "second-order-squared-keeps-third": ("rejected", [ORDER]),
    # dividing by epsilon lowers the order: (f - 1)/epsilon from a second-order f is known to first order
    # only, so its square's epsilon**2 term (1/4 here; 7/12 in truth) does not follow
    "square-after-dividing-by-epsilon": ("rejected", [ORDER]),
    "first-order": ("proved", []),
    "root-linear": ("proved", []),
    "s-second-order": ("proved", []),
    "quotient-to-first-order": ("holds", []),
    "product-of-two-orders": ("rejected", [ORDER]),
}

derivation = Derivation(
    id="corpus-false-series", title=Text("series", "series"), question=Text("?", "?"),
    section="corpus", symbols=symbols.freeze(),
    steps=(
        given("exact", Eq(f, sp.exp(eps))),
        step("first-order", (f, 1 + eps), by.series("exact", eps, order=1)),
        step("square-keeps-second-order", (f**2, 1 + 2 * eps + eps**2), by.squaring("first-order")),
        step("cube-keeps-second-order", (f**3, 1 + 3 * eps + 3 * eps**2 + eps**3),
             by.applying("first-order", lambda side: sp.expand(side**3), "cubing")),
        define("squared", Eq(g, f**2)),
        step("substituted-square-keeps-second-order", (g, 1 + 2 * eps + eps**2),
             by.substituting("first-order", into="squared")),
        given("root", Eq(r, sp.sqrt(1 + eps))),
        step("root-linear", (r, 1 + eps / 2), by.series("root", eps, order=1)),
        step("root-squared-keeps-second-order", (r**2, 1 + eps + eps**2 / 4), by.squaring("root-linear")),
        given("exact-s", Eq(s, sp.exp(eps))),
        step("s-second-order", (s, 1 + eps + eps**2 / 2), by.series("exact-s", eps, order=2)),
        define("quotient", Eq(hq, (s - 1) / eps)),
        step("quotient-to-first-order", (hq, 1 + eps / 2), by.substituting("s-second-order", into="quotient")),
        step("square-after-dividing-by-epsilon", (hq**2, 1 + eps + eps**2 / 4), by.squaring("quotient-to-first-order")),
        step("product-of-two-orders", (s * f, 1 + 2 * eps + sp.Rational(3, 2) * eps**2 + eps**3 / 2),
             by.substituting("s-second-order", "first-order")),
        step("second-order-squared-keeps-third", (s**2, sp.expand((1 + eps + eps**2 / 2) ** 2)),
             by.squaring("s-second-order")),
    ),
)
