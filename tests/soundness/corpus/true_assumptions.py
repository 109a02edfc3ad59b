"""True but hard (issue 13, item 3): Abs, Piecewise, floor, Min/Max, Heaviside and sign under
the symbols' assumptions. A wider sample design must not turn these into false alarms; most are
proved by SymPy's refinement, the rest must at least hold."""

import sympy as sp

from derive import Derivation, SymbolTable, Text, by, step

symbols = SymbolTable()
p = symbols.add("p", 1, "p", "p", positive=True)
q = symbols.add("q", 1, "q", "q", negative=True)
x = symbols.add("x", 1, "x", "x", real=True)
n = symbols.add("n", 1, "n", "n", integer=True)
k = symbols.add("k", 1, "k", "k", integer=True, nonnegative=True)

EXPECTED = {
    "abs-of-positive": ("proved", []),
    "abs-of-negative": ("proved", []),
    "abs-of-positive-plus-1000": ("proved", []),
    "abs-of-square": ("proved", []),
    "floor-of-integer": ("proved", []),
    "floor-shifts-by-integers": ("holds", []),
    "ceiling-of-integer": ("proved", []),
    "max-of-positive-and-its-negative": ("proved", []),
    "min-of-positive-and-zero": ("proved", []),
    "heaviside-of-positive": ("proved", []),
    "sign-of-negative": ("proved", []),
    "piecewise-on-positive": ("proved", []),
    "abs-times-sign": ("holds", []),
    "max-plus-min": ("holds", []),
    "parity-of-even": ("proved", []),
    "floor-of-half-of-even": ("proved", []),
    "product-of-consecutive-is-even": ("holds", []),
    "cosine-of-even-multiple-of-pi": ("proved", []),
}

derivation = Derivation(
    id="corpus-true-assumptions", title=Text("assumptions", "assumptions"), question=Text("?", "?"),
    section="corpus", symbols=symbols.freeze(),
    steps=(
        step("abs-of-positive", (sp.Abs(p), p), by.algebra()),
        step("abs-of-negative", (sp.Abs(q), -q), by.algebra()),
        step("abs-of-positive-plus-1000", (sp.Abs(p + 1000), p + 1000), by.algebra()),
        step("abs-of-square", (sp.Abs(x**2), x**2), by.algebra()),
        step("floor-of-integer", (sp.floor(n), n), by.algebra()),
        step("floor-shifts-by-integers", (sp.floor(x + n), sp.floor(x) + n), by.algebra()),
        step("ceiling-of-integer", (sp.ceiling(n), sp.floor(n)), by.algebra()),
        step("max-of-positive-and-its-negative", (sp.Max(p, -p), p), by.algebra()),
        step("min-of-positive-and-zero", (sp.Min(p, 0), 0), by.algebra()),
        step("heaviside-of-positive", (sp.Heaviside(p), 1), by.algebra()),
        step("sign-of-negative", (sp.sign(q), -1), by.algebra()),
        step("piecewise-on-positive", (sp.Piecewise((1, p > 0), (0, True)), 1), by.algebra()),
        step("abs-times-sign", (sp.Abs(x) * sp.sign(x), x), by.algebra()),
        step("max-plus-min", (sp.Max(x, p) + sp.Min(x, p), x + p), by.algebra()),
        step("parity-of-even", ((-1) ** (2 * n), 1), by.algebra()),
        step("floor-of-half-of-even", (sp.floor(2 * k / 2), k), by.algebra()),
        step("product-of-consecutive-is-even", (sp.Mod(n * (n + 1), 2), 0), by.algebra()),
        step("cosine-of-even-multiple-of-pi", (sp.cos(2 * sp.pi * n), 1), by.algebra()),
    ),
)
