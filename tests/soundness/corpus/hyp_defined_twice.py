"""A symbol defined twice (issue 13, item 4): z = 1 and z = 2 together prove 1 = 2."""

from derive import Derivation, Eq, SymbolTable, Text, by, define, step

symbols = SymbolTable()
z = symbols.add("z", 1, "z", "z", real=True)

EXPECTED = {
    "one-is-two": ("rejected", [("twice", "already", "defined", "contradict", "inconsistent")]),
}

derivation = Derivation(
    id="corpus-hyp-defined-twice", title=Text("twice", "twice"), question=Text("?", "?"),
    section="corpus", symbols=symbols.freeze(),
    steps=(
        define("one", Eq(z, 1)),
        define("two", Eq(z, 2)),
        step("one-is-two", (1, 2), by.substituting("one", into="two")),
    ),
)
