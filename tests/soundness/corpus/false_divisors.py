"""A given that makes a divisor zero, in every spelling (issue 13, item 4): V = -55 mV was seen,
V + 55 mV = 0 and -55 mV = V were not. Dividing by zero proves a = b from 0 a = 0 b."""

import sympy as sp
from sympy.physics.units import voltage, volt

from derive import Derivation, Eq, SymbolTable, Text, by, given, step

mV = volt / 1000
symbols = SymbolTable()
V1, V2, V3, V4, V5 = (symbols.add(f"V_{i}", voltage, "a voltage", "电压", real=True) for i in range(1, 6))
a = symbols.add("a", 1, "a", "a", real=True)
b = symbols.add("b", 1, "b", "b", real=True)
j1, j2, j3 = (symbols.add(f"j_{i}", 1, "j", "j", real=True) for i in range(1, 4))

ZERO = [("divides by", "zero", "is 0", "make 0", "makes 0", "= 0")]
EXPECTED = {
    "as-written-v-equals": ("rejected", ZERO),
    "sum-is-zero": ("rejected", ZERO),
    "reversed": ("rejected", ZERO),
    "scaled": ("rejected", ZERO),
    "difference-is-zero": ("rejected", ZERO),
    "zero-on-the-left": ("rejected", ZERO),
    "square-is-zero": ("rejected", ZERO),
    "twice-is-zero": ("rejected", ZERO),
    "identically-zero-trig": ("rejected", ZERO),
    "identically-zero-polynomial": ("rejected", ZERO),
}


def both(V):
    return Eq((V + 55 * mV) * a, (V + 55 * mV) * b)


derivation = Derivation(
    id="corpus-false-divisors", title=Text("divisors", "divisors"), question=Text("?", "?"),
    section="corpus", symbols=symbols.freeze(),
    steps=(
        given("rest-1", Eq(V1, -55 * mV)), given("both-1", both(V1)),
        step("as-written-v-equals", (a, b), by.dividing_both_sides("both-1", V1 + 55 * mV)),
        given("rest-2", Eq(V2 + 55 * mV, 0)), given("both-2", both(V2)),
        step("sum-is-zero", (a, b), by.dividing_both_sides("both-2", V2 + 55 * mV)),
        given("rest-3", Eq(-55 * mV, V3)), given("both-3", both(V3)),
        step("reversed", (a, b), by.dividing_both_sides("both-3", V3 + 55 * mV)),
        given("rest-4", Eq(2 * V4, -110 * mV)), given("both-4", both(V4)),
        step("scaled", (a, b), by.dividing_both_sides("both-4", V4 + 55 * mV)),
        given("rest-5", Eq(V5 - V1, 0)), given("both-5", both(V5)),
        step("difference-is-zero", (a, b), by.dividing_both_sides("both-5", V5 + 55 * mV)),
        given("none-1", Eq(0, j1)), given("jboth-1", Eq(j1 * a, j1 * b)),
        step("zero-on-the-left", (a, b), by.dividing_both_sides("jboth-1", j1)),
        given("none-2", Eq(j2**2, 0)), given("jboth-2", Eq(j2 * a, j2 * b)),
        step("square-is-zero", (a, b), by.dividing_both_sides("jboth-2", j2)),
        given("none-3", Eq(2 * j3, 0)), given("jboth-3", Eq(j3 * a, j3 * b)),
        step("twice-is-zero", (a, b), by.dividing_both_sides("jboth-3", j3)),
        # divisors that are zero for every value: 0 a = 0 b says nothing about a and b
        given("trig-both", Eq((sp.sin(j1) ** 2 + sp.cos(j1) ** 2 - 1) * a, (sp.sin(j1) ** 2 + sp.cos(j1) ** 2 - 1) * b)),
        step("identically-zero-trig", (a, b), by.dividing_both_sides("trig-both", sp.sin(j1) ** 2 + sp.cos(j1) ** 2 - 1)),
        given("poly-both", Eq(((j2 + 1) ** 2 - j2**2 - 2 * j2 - 1) * a, ((j2 + 1) ** 2 - j2**2 - 2 * j2 - 1) * b)),
        step("identically-zero-polynomial", (a, b),
             by.dividing_both_sides("poly-both", (j2 + 1) ** 2 - j2**2 - 2 * j2 - 1)),
    ),
)
