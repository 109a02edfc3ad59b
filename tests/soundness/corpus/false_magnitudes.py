"""Magnitudes (issue 13, item 2): values below 1e-25 and relative differences below 1e-22 must
not compare equal. SI constants in SI units are small or huge numbers; a conversion off by a
factor 1000, or a value off by one part in 10^30, is false and must fail."""

import sympy as sp
from sympy.physics.units import (charge, coulomb, energy, gram, joule, kelvin, kilogram, length, mass, meter,
                                 second, temperature, time)

from derive import Derivation, Eq, SymbolTable, Text, by, given, step

R = sp.Rational
symbols = SymbolTable()
m = symbols.add("m_e", mass, "electron mass", "电子质量", positive=True)
h = symbols.add("h", energy * time, "Planck's constant", "普朗克常数", positive=True)
hbar = symbols.add("hbar", energy * time, "reduced Planck constant", "约化普朗克常数", positive=True)
k = symbols.add("k_B", energy / temperature, "Boltzmann's constant", "玻尔兹曼常数", positive=True)
q = symbols.add("q", charge, "elementary charge", "元电荷", positive=True)
M = symbols.add("M_sun", mass, "solar mass", "太阳质量", positive=True)
N = symbols.add("N", 1, "a large count", "大数", positive=True, integer=True)
x = symbols.add("x", 1, "x", "x", positive=True)
m_f = symbols.add("m_f", mass, "electron mass, as a float", "电子质量（浮点数）", positive=True)
area = symbols.add("A", length**2, "an area", "面积", positive=True)
femto = symbols.add("r", length, "a nuclear radius", "核半径", positive=True)

ROOT_TWO_100 = ("1.414213562373095048801688724209698078569671875376948073176679737990732478462107038850387"
                "5343276415727")
PI_100 = ("3.141592653589793238462643383279502884197169399375105820974944592307816406286208998628034825342"
          "11706")
FACTOR = ("does not hold", "counterexample", "differ", "1000", "factor")
EXPECTED = {
    "electron-mass-in-grams-off-by-1000": ("rejected", [FACTOR]),
    "planck-off-by-3": ("rejected", [FACTOR]),
    "planck-substituted-off-by-3": ("rejected", [FACTOR]),
    "hbar-off-by-2": ("rejected", [FACTOR]),
    "boltzmann-off-by-10": ("rejected", [FACTOR]),
    "charge-squared-off-by-10": ("rejected", [FACTOR]),
    "nuclear-area-off-by-1000": ("rejected", [FACTOR]),
    "tiny-coefficient-doubled": ("rejected", [FACTOR]),
    "solar-mass-off-by-one-kilogram": ("rejected", [FACTOR]),
    "large-count-off-by-one": ("rejected", [FACTOR]),
    "one-plus-tiny": ("rejected", [FACTOR]),
    "huge-power-off-by-one": ("rejected", [FACTOR]),
    # the same mistakes written with Python floats, as users often write them
    "tiny-float-coefficient-doubled": ("rejected", [FACTOR]),
    "electron-mass-floats-off-by-1000": ("rejected", [FACTOR]),
    "decimal-floats-off-by-a-hundredth": ("rejected", [FACTOR]),
    # exact numbers that differ in the 101st digit: deciding them needs exact arithmetic (or evalf
    # to enough digits), not a fixed 30 or 70
    "root-two-to-100-digits": ("rejected", [FACTOR]),
    "pi-to-100-digits-times-x": ("rejected", [FACTOR]),
}

derivation = Derivation(
    id="corpus-false-magnitudes", title=Text("magnitudes", "magnitudes"), question=Text("?", "?"),
    section="corpus", symbols=symbols.freeze(),
    steps=(
        given("electron", Eq(m, R("9.1093837015e-31") * kilogram)),
        step("electron-mass-in-grams-off-by-1000", (m, R("9.1093837015e-31") * gram), by.converting_units("electron")),
        given("planck", Eq(h, R("6.62607015e-34") * joule * second)),
        step("planck-off-by-3", (h, R("2.20869005e-34") * kilogram * meter**2 / second), by.converting_units("planck")),
        step("planck-substituted-off-by-3", (3 * h, R("6.62607015e-34") * joule * second), by.substituting("planck")),
        given("reduced", Eq(hbar, h / (2 * sp.pi))),
        step("hbar-off-by-2", (hbar, R("6.62607015e-34") * joule * second / sp.pi),
             by.substituting("reduced", "planck")),
        given("boltzmann", Eq(k, R("1.380649e-23") * joule / kelvin)),
        step("boltzmann-off-by-10", (k, R("1.380649e-22") * joule / kelvin), by.substituting("boltzmann")),
        given("charge", Eq(q, R("1.602176634e-19") * coulomb)),
        step("charge-squared-off-by-10", (q**2, R("2.566969932e-37") * coulomb**2), by.substituting("charge")),
        given("radius", Eq(femto, R("1.2e-15") * meter)),
        given("nuclear-area", Eq(area, femto**2)),
        step("nuclear-area-off-by-1000", (area, R("1.44e-33") * meter**2), by.substituting("nuclear-area", "radius")),
        step("tiny-coefficient-doubled", (R("1e-30") * x, R("2e-30") * x), by.algebra()),
        given("sun", Eq(M, R("1.98847e30") * kilogram)),
        step("solar-mass-off-by-one-kilogram", (M, (R("1.98847e30") + 1) * kilogram), by.substituting("sun")),
        given("count", Eq(N, 2**100)),
        step("large-count-off-by-one", (N + 1, 2**100 + 2), by.substituting("count")),
        step("one-plus-tiny", (x + R(1, 10**25) * x, x), by.algebra()),
        step("tiny-float-coefficient-doubled", (1e-30 * x, 2e-30 * x), by.algebra()),
        given("electron-float", Eq(m_f, 9.1093837015e-31 * kilogram)),
        step("electron-mass-floats-off-by-1000", (m_f, 9.1093837015e-31 * gram), by.converting_units("electron-float")),
        step("decimal-floats-off-by-a-hundredth", (0.1 * x + 0.2 * x, 0.31 * x), by.algebra()),
        step("root-two-to-100-digits", (sp.sqrt(2), R(ROOT_TWO_100)), by.evaluating()),
        step("pi-to-100-digits-times-x", (sp.pi * x, R(PI_100) * x), by.algebra()),
        step("huge-power-off-by-one", (sp.Integer(10) ** 40 * x + 1, sp.Integer(10) ** 40 * x), by.algebra()),
    ),
)
