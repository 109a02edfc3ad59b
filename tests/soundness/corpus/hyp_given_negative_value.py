"""A given that puts a value breaking the symbol's assumptions (issue 13, item 4): L is
positive, L = -2 is given, and L^2 = 4 'follows'."""

from derive import Derivation, Eq, SymbolTable, Text, by, given, step

symbols = SymbolTable()
L = symbols.add("L", 1, "a length in units", "长度", positive=True)

EXPECTED = {
    "square-of-negative-length": ("rejected", [("positive", "assum", "contradict", "inconsistent")]),
}

derivation = Derivation(
    id="corpus-hyp-given-negative-value", title=Text("given", "given"), question=Text("?", "?"),
    section="corpus", symbols=symbols.freeze(),
    steps=(
        given("impossible", Eq(L, -2)),
        step("square-of-negative-length", (L**2, 4), by.substituting("impossible")),
    ),
)
