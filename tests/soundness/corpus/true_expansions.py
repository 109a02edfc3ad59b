"""True but hard (issue 13, item 2): long binomial and multinomial expansions. Evaluated at
sample points in 30 digits, their terms cancel far below the size of each term; the checker
must not report a counterexample (expected: proved, since expand reduces each to 0)."""

import sympy as sp

from derive import Derivation, SymbolTable, Text, by, step

symbols = SymbolTable()
x, y, a, b, c, d, e = (symbols.add(name, 1, name, name, real=True) for name in "xyabcde")
p = symbols.add("p", 1, "p", "p", positive=True)

POWERS = (8, 10, 12, 14, 16, 18, 20)
EXPECTED = {
    "binomial-8": ("proved", []), "binomial-10": ("proved", []), "binomial-12": ("proved", []),
    "binomial-14": ("proved", []), "binomial-16": ("proved", []), "binomial-18": ("proved", []),
    "binomial-20": ("proved", []),
    "binomial-20-reversed": ("proved", []),
    "binomial-with-coefficients-10": ("proved", []),
    "multinomial-5-terms-12": ("proved", []),
    "multinomial-3-terms-15": ("proved", []),
    "alternating-4-terms-10": ("proved", []),
    "difference-of-squares-6": ("proved", []),
    "one-plus-p-30": ("proved", []),
    "telescoping-product": ("proved", []),
}

derivation = Derivation(
    id="corpus-true-expansions", title=Text("expansions", "expansions"), question=Text("?", "?"),
    section="corpus", symbols=symbols.freeze(),
    steps=(
        *(step(f"binomial-{n}", (sp.expand((x - y) ** n), (x - y) ** n), by.algebra()) for n in POWERS),
        step("binomial-20-reversed", ((x - y) ** 20, sp.expand((y - x) ** 20)), by.algebra()),
        step("binomial-with-coefficients-10", (sp.expand((2 * x - 3 * y) ** 10), (2 * x - 3 * y) ** 10), by.algebra()),
        step("multinomial-5-terms-12", (sp.expand((a + b + c + d + e) ** 12), (a + b + c + d + e) ** 12), by.algebra()),
        step("multinomial-3-terms-15", (sp.expand((a - b + c) ** 15), (a - b + c) ** 15), by.algebra()),
        step("alternating-4-terms-10", (sp.expand((a - b + c - d) ** 10), (a - b + c - d) ** 10), by.algebra()),
        step("difference-of-squares-6", (sp.expand((x**2 - y**2) ** 6), ((x - y) * (x + y)) ** 6), by.algebra()),
        step("one-plus-p-30", (sp.expand((1 + p) ** 30) - 1, (1 + p) ** 30 - 1), by.algebra()),
        step("telescoping-product", (sp.expand(sp.Mul(*[x - i for i in range(12)])), sp.Mul(*[x - i for i in range(12)])),
             by.algebra()),
    ),
)
