"""True but hard (issue 13, item 2): decimal coefficients. 0.1 y + 0.2 y = 0.3 y failed with
"0.3 vs 0.3". Written as exact decimals (Rational) they must be proved; written as Python floats
they must at least not fail (a float 0.1 is not exactly one tenth)."""

import sympy as sp

from derive import Derivation, SymbolTable, Text, by, step

R = sp.Rational
symbols = SymbolTable()
y = symbols.add("y", 1, "y", "y", real=True)
z = symbols.add("z", 1, "z", "z", positive=True)

EXPECTED = {
    "tenths-as-floats": ("holds", []),
    "tenths-exact": ("proved", []),
    "seven-minus-four-tenths-floats": ("holds", []),
    "eleven-tenths-squared-floats": ("holds", []),
    "milli-times-kilo-floats": ("holds", []),
    "quarters-floats": ("proved", []),
    "hundredths-exact": ("proved", []),
    "many-tenths-exact": ("proved", []),
    "decimal-powers-exact": ("proved", []),
}

derivation = Derivation(
    id="corpus-true-decimals", title=Text("decimals", "decimals"), question=Text("?", "?"),
    section="corpus", symbols=symbols.freeze(),
    steps=(
        step("tenths-as-floats", (0.1 * y + 0.2 * y, 0.3 * y), by.algebra()),
        step("tenths-exact", (R("0.1") * y + R("0.2") * y, R("0.3") * y), by.algebra()),
        step("seven-minus-four-tenths-floats", (0.7 * y - 0.4 * y, 0.3 * y), by.algebra()),
        step("eleven-tenths-squared-floats", ((1.1 * z) ** 2, 1.21 * z**2), by.algebra()),
        step("milli-times-kilo-floats", (1e-3 * z * 1e3, z), by.algebra()),
        step("quarters-floats", (0.25 * y + 0.5 * y, 0.75 * y), by.algebra()),
        step("hundredths-exact", (R("0.01") * y * 37, R("0.37") * y), by.algebra()),
        step("many-tenths-exact", (sum(R("0.1") * y for _ in range(10)), y), by.algebra()),
        step("decimal-powers-exact", (R("1.1") ** 10 * z, R("2.5937424601") * z), by.algebra()),
    ),
)
