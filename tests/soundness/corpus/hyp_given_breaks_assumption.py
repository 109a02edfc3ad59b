"""A given that breaks a symbol's assumptions (issue 13, item 4): L is positive, L + 1 = 0 given."""

from derive import Derivation, Eq, SymbolTable, Text, by, given, step

symbols = SymbolTable()
L = symbols.add("L", 1, "a length in units", "长度", positive=True)

EXPECTED = {
    "negative-length": ("rejected", [("positive", "assum", "contradict", "inconsistent")]),
}

derivation = Derivation(
    id="corpus-hyp-given-breaks-assumption", title=Text("given", "given"), question=Text("?", "?"),
    section="corpus", symbols=symbols.freeze(),
    steps=(
        given("impossible", Eq(L + 1, 0)),
        step("negative-length", (L, -1), by.rewriting("impossible")),
    ),
)
