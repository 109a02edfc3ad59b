"""Two givens that contradict each other (issue 13, item 4): y = x + 1 and y = x give 1 = 0."""

from derive import Derivation, Eq, SymbolTable, Text, by, given, step

symbols = SymbolTable()
x = symbols.add("x", 1, "x", "x", real=True)
y = symbols.add("y", 1, "y", "y", real=True)

EXPECTED = {
    "one-is-zero": ("rejected", [("contradict", "inconsistent", "twice", "already", "given")]),
}

derivation = Derivation(
    id="corpus-hyp-given-twice", title=Text("givens", "givens"), question=Text("?", "?"),
    section="corpus", symbols=symbols.freeze(),
    steps=(
        given("shifted", Eq(y, x + 1)),
        given("same", Eq(y, x)),
        step("one-is-zero", (1, 0), by.substituting("shifted", into="same")),
    ),
)
