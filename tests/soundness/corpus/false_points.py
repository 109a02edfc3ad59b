"""Too few points evaluated (issue 13, item 13): sample points where a side raises are skipped,
so a claim defined at only one of the points (gamma has poles at 0, -1, -2, ...) was checked
at that one point and passed as numerically-only. There must be a minimum number of points."""

import sympy as sp

from derive import Derivation, SymbolTable, Text, by, step

symbols = SymbolTable()
k = symbols.add("k", 1, "k", "k", integer=True, positive=True)
n = symbols.add("n", 1, "n", "n", integer=True, nonnegative=True)

FEW = [("point", "evaluat", "defined")]
EXPECTED = {
    "gamma-defined-at-one-only": ("rejected", FEW),
    "factorial-defined-at-zero-only": ("rejected", FEW),
}

derivation = Derivation(
    id="corpus-false-points", title=Text("points", "points"), question=Text("?", "?"),
    section="corpus", symbols=symbols.freeze(),
    steps=(
        step("gamma-defined-at-one-only", (sp.gamma(2 - k) * k, k**2), by.algebra()),
        step("factorial-defined-at-zero-only", (sp.factorial(-n) * (n + 1), 1), by.algebra()),
    ),
)
