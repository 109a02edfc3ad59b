"""True steps resting on consistent hypotheses: the new consistency, independence and divisor
checks must not raise false alarms on givens that some value meets, on variables that really are
independent, or on a divisor the givens make nonzero (expected: proved)."""

import sympy as sp
from sympy.physics.units import kilogram, length, mass, voltage, volt

from derive import Derivation, E, Eq, SymbolTable, Text, by, define, given, independent, step

mV = volt / 1000
symbols = SymbolTable()
x1, y1, x2, x3, y3, a, b = (symbols.add(name, 1, name, name, real=True)
                            for name in ("x_1", "y_1", "x_2", "x_3", "y_3", "a", "b"))
m = symbols.add("m", mass, "a tiny mass", "极小质量", positive=True)
V = symbols.add("V", voltage, "a voltage", "电压", real=True)
K = symbols.random("K", length, "a step", "一步")
N = symbols.random("N", length, "another step, independent of K", "与 K 独立的另一步")
J = symbols.random("J", length, "twice the other step", "另一步的两倍")
L = symbols.add("L", length, "step length", "步长", positive=True)

EXPECTED = {
    "square-is-four": ("proved", []),
    "exponential-is-two": ("proved", []),
    "sum-and-difference": ("proved", []),
    "tiny-mass-doubled": ("proved", []),
    "divide-by-a-nonzero-given": ("proved", []),
    "independent-of-another-variable": ("proved", []),
    "variance-from-moments": ("proved", []),
}

derivation = Derivation(
    id="corpus-true-hypotheses", title=Text("hypotheses", "hypotheses"), question=Text("?", "?"),
    section="corpus", symbols=symbols.freeze(),
    independent=(independent(K, J), independent(K, N)),
    steps=(
        given("parabola", Eq(y1, x1**2)),
        given("height", Eq(y1, 4)),
        step("square-is-four", (x1**2, 4), by.substituting("height", into="parabola")),
        given("growth", Eq(sp.exp(x2), 2)),
        step("exponential-is-two", (sp.exp(x2) ** 2, 4), by.squaring("growth")),
        given("sum", Eq(x3 + y3, 1)),
        given("difference", Eq(x3 - y3, 0)),
        step("sum-and-difference", ((x3 + y3) * 2, 2), by.multiplying_both_sides("sum", 2)),
        given("tiny", Eq(m, sp.Rational("1e-30") * kilogram)),
        step("tiny-mass-doubled", (2 * m, sp.Rational("2e-30") * kilogram), by.multiplying_both_sides("tiny", 2)),
        given("rest", Eq(V, -55 * mV)),
        given("both", Eq((V + 65 * mV) * a, (V + 65 * mV) * b)),
        step("divide-by-a-nonzero-given", (a, b), by.dividing_both_sides("both", V + 65 * mV)),
        define("twice", Eq(J, 2 * N)),
        step("independent-of-another-variable", (E(K * J), E(K) * E(J)), by.independence(K, J)),
        given("mean", Eq(E(N), 0)),
        given("second-moment", Eq(E(N**2), L**2)),
        step("variance-from-moments", (E(N**2) - E(N) ** 2, L**2), by.substituting("mean", "second-moment")),
    ),
)
