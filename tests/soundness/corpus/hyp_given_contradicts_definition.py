"""A given that contradicts a definition and the symbols' assumptions (issue 13, item 4):
v = L/t with L, t positive, and v = 0 given; then L/t = 0 'follows'."""

from sympy.physics.units import length, time

from derive import Derivation, Eq, SymbolTable, Text, by, define, given, step

symbols = SymbolTable()
L = symbols.add("L", length, "length", "长度", positive=True)
t = symbols.add("t", time, "time", "时间", positive=True)
v = symbols.add("v", length / time, "speed", "速度", real=True)

EXPECTED = {
    "length-over-time-is-zero": ("rejected", [("contradict", "inconsistent", "defin", "positive", "already")]),
}

derivation = Derivation(
    id="corpus-hyp-given-contradicts-definition", title=Text("given", "given"), question=Text("?", "?"),
    section="corpus", symbols=symbols.freeze(),
    steps=(
        define("speed", Eq(v, L / t)),
        given("at-rest", Eq(v, 0)),
        step("length-over-time-is-zero", (L / t, 0), by.substituting("speed", into="at-rest")),
    ),
)
