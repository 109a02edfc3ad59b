"""True but hard: identities over large integers, where a relative comparison at 30 digits sees
nothing and exact arithmetic is needed (expected: proved)."""

import sympy as sp

from derive import Derivation, Eq, SymbolTable, Text, by, given, step

symbols = SymbolTable()
N = symbols.add("N", 1, "a large count", "大数", integer=True, positive=True)
M = symbols.add("M", 1, "another", "另一个大数", integer=True, positive=True)
x = symbols.add("x", 1, "x", "x", real=True)

EXPECTED = {
    "next-square": ("proved", []),
    "mersenne-127": ("proved", []),
    "fermat-5-factors": ("proved", []),
    "factorial-30": ("proved", []),
    "gauss-sum-1e20": ("proved", []),
    "difference-of-squares-1e20": ("proved", []),
    "off-by-one-survives": ("proved", []),
    "huge-coefficients": ("proved", []),
}

derivation = Derivation(
    id="corpus-true-integers", title=Text("integers", "integers"), question=Text("?", "?"),
    section="corpus", symbols=symbols.freeze(),
    steps=(
        given("huge", Eq(N, sp.Integer(10) ** 40)),
        step("next-square", ((N + 1) ** 2 - N**2, 2 * sp.Integer(10) ** 40 + 1), by.substituting("huge")),
        step("mersenne-127", (sp.Integer(2) ** 127 - 1, sp.Integer(170141183460469231731687303715884105727)),
             by.algebra()),
        step("fermat-5-factors", (sp.Integer(2) ** 32 + 1, sp.Mul(641, 6700417, evaluate=False)), by.algebra()),
        step("factorial-30", (sp.factorial(30), sp.Integer(265252859812191058636308480000000)), by.evaluating()),
        given("count", Eq(M, sp.Integer(10) ** 20)),
        step("gauss-sum-1e20", (M * (M + 1) / 2, sp.Integer(10) ** 40 / 2 + sp.Integer(10) ** 20 / 2),
             by.substituting("count")),
        step("difference-of-squares-1e20", ((M + 1) * (M - 1), sp.Integer(10) ** 40 - 1), by.substituting("count")),
        step("off-by-one-survives", (N + 1 - N, 1), by.substituting("huge")),
        step("huge-coefficients", (sp.Integer(10) ** 30 * x + sp.Integer(10) ** 30 * x, 2 * sp.Integer(10) ** 30 * x),
             by.algebra()),
    ),
)
