"""Other false steps a user writes: a unit prefix wrong by a power of ten, a divergent integral
evaluated by its antiderivative, a series summed to the wrong value, a limit at infinity taken
as the one at zero. And their true counterparts: unit quantities are not independent unknowns
(1 km is 1000 m), so a correct conversion by substitution must not fail."""

import sympy as sp
from sympy.physics.units import kilometer, length, meter, millimeter, nanometer

from derive import Derivation, Eq, SymbolTable, Text, by, given, step

symbols = SymbolTable()
d = symbols.add("d", length, "a distance", "距离", positive=True)
x = symbols.add("x", 1, "x", "x", real=True)
k = symbols.add("k", 1, "k", "k", integer=True, positive=True)
n = symbols.add("n", 1, "n", "n", integer=True, positive=True)
f = symbols.function("f", 1, "a function", "函数")

WRONG = [("does not hold", "counterexample", "evaluat", "diverg", "infinit")]
EXPECTED = {
    "kilometre-is-100-metres": ("rejected", WRONG),
    "nanometre-is-1e-6-millimetres-wrong": ("rejected", WRONG),
    "divergent-integral": ("rejected", WRONG),
    "basel-sum-is-two": ("rejected", WRONG),
    "sinc-at-infinity": ("rejected", WRONG),
    "one-sided-limit-claimed-two-sided": ("rejected", [("does not exist", "one-sided", "differ", "does not hold")]),
    "derivative-of-a-square-without-chain-rule": ("rejected", WRONG),
    "sum-to-n-wrong": ("rejected", WRONG),
    "kilometre-is-1000-metres-by-substituting": ("holds", []),
    "kilometre-is-1000-metres-by-converting": ("proved", []),
    "nanometre-is-1e-6-millimetres": ("proved", []),
    "basel-sum": ("proved", []),
    "gauss-sum": ("proved", []),
}

derivation = Derivation(
    id="corpus-false-units-and-calculus", title=Text("units", "units"), question=Text("?", "?"),
    section="corpus", symbols=symbols.freeze(),
    steps=(
        given("distance", Eq(d, kilometer)),
        step("kilometre-is-100-metres", (d, 100 * meter), by.converting_units("distance")),
        step("kilometre-is-1000-metres-by-substituting", (d, 1000 * meter), by.substituting("distance")),
        step("kilometre-is-1000-metres-by-converting", (d, 1000 * meter), by.converting_units("distance")),
        step("nanometre-is-1e-6-millimetres", (nanometer, sp.Rational(1, 10**6) * millimeter), by.converting_units()),
        step("nanometre-is-1e-6-millimetres-wrong", (nanometer, sp.Rational(1, 10**3) * millimeter),
             by.converting_units()),
        step("divergent-integral", (sp.Integral(1 / x**2, (x, -1, 1)), -2), by.evaluating()),
        step("basel-sum-is-two", (sp.Sum(1 / k**2, (k, 1, sp.oo)), 2), by.evaluating()),
        step("basel-sum", (sp.Sum(1 / k**2, (k, 1, sp.oo)), sp.pi**2 / 6), by.evaluating()),
        step("gauss-sum", (sp.Sum(k, (k, 1, 100)), 5050), by.evaluating()),
        step("one-sided-limit-claimed-two-sided", (sp.Limit(1 / x, x, 0), sp.oo), by.evaluating()),
        step("derivative-of-a-square-without-chain-rule", (sp.Derivative(f(x) ** 2, x), 2 * sp.Derivative(f(x), x)),
             by.evaluating()),
        step("sum-to-n-wrong", (sp.Sum(k, (k, 1, n)), n**2 / 2), by.evaluating()),
        step("sinc-at-infinity", (sp.Limit(sp.sin(x) / x, x, sp.oo), 1), by.evaluating()),
    ),
)
