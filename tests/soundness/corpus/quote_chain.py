"""A handout quoting a quotation (issue 13, item 12, transitively): corpus-quoting's quotation of
a failed step is itself not sound, so quoting it here must fail too."""

from derive import Derivation, SymbolTable, Text, by, step

symbols = SymbolTable()
x = symbols.add("x", 1, "x", "x", real=True)
y = symbols.add("y", 1, "y", "y", real=True)

EXPECTED = {"quotes-a-quotation-of-a-failed-step": ("rejected", [("wrong", "quotes-a-failed-step")])}

derivation = Derivation(
    id="corpus-quoting-again", title=Text("quoting", "quoting"), question=Text("?", "?"),
    section="corpus", symbols=symbols.freeze(),
    steps=(
        step("quotes-a-quotation-of-a-failed-step", ((x + y) ** 2, x**2 + y**2),
             by.earlier_result("corpus-quoting", "quotes-a-failed-step")),
    ),
)
