"""Contradictory hypotheses about functions and through other spellings (issue 13, item 4):
F(t) defined twice, two values given for G(1), H(t) = t given for every t and H(1) = 2 too, and
z = 1 defined but 2 z = 4 given."""

from derive import Derivation, Eq, SymbolTable, Text, by, define, given, step

symbols = SymbolTable()
t = symbols.add("t", 1, "t", "t", real=True)
z = symbols.add("z", 1, "z", "z", real=True)
F = symbols.function("F", 1, "a function", "函数")
G = symbols.function("G", 1, "another function", "另一个函数")
H = symbols.function("H", 1, "a third function", "第三个函数")

CONTRADICTION = [("already", "twice", "contradict", "cannot be assumed", "inconsistent")]
EXPECTED = {
    "function-defined-twice": ("rejected", CONTRADICTION),
    "two-values-given": ("rejected", CONTRADICTION),
    "definition-and-given-disagree": ("rejected", CONTRADICTION),
    "general-and-particular": ("rejected", CONTRADICTION),
}

derivation = Derivation(
    id="corpus-hyp-functions", title=Text("functions", "functions"), question=Text("?", "?"),
    section="corpus", symbols=symbols.freeze(),
    steps=(
        define("identity", Eq(F(t), t)),
        define("double", Eq(F(t), 2 * t)),
        step("function-defined-twice", (t, 2 * t), by.substituting("identity", into="double")),
        given("two", Eq(G(1), 2)),
        given("three", Eq(G(1), 3)),
        step("two-values-given", (2, 3), by.substituting("two", into="three")),
        given("everywhere", Eq(H(t), t)),
        given("at-one", Eq(H(1), 2)),
        step("general-and-particular", (1, 2), by.substituting("everywhere", into="at-one")),
        define("one", Eq(z, 1)),
        given("four", Eq(2 * z, 4)),
        step("definition-and-given-disagree", (2, 4), by.substituting("one", into="four")),
    ),
)
