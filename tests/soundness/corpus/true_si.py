"""True but hard (issue 13, item 2): SI constants from 1e-34 to 1e30 in unit conversions and
products. The numbers are exact decimals, so each step should be proved; it must never fail."""

import sympy as sp
from sympy.physics.units import (charge, coulomb, energy, gram, joule, kelvin, kilogram, length, mass, meter,
                                 mole, second, temperature, time)

from derive import Derivation, Eq, SymbolTable, Text, by, given, step

R = sp.Rational
symbols = SymbolTable()
m = symbols.add("m_e", mass, "electron mass", "电子质量", positive=True)
h = symbols.add("h", energy * time, "Planck's constant", "普朗克常数", positive=True)
hbar = symbols.add("hbar", energy * time, "reduced Planck constant", "约化普朗克常数", positive=True)
k = symbols.add("k_B", energy / temperature, "Boltzmann's constant", "玻尔兹曼常数", positive=True)
q = symbols.add("q", charge, "elementary charge", "元电荷", positive=True)
N_A = symbols.add("N_A", 1 / sp.physics.units.amount_of_substance, "Avogadro's constant", "阿伏伽德罗常数",
                  positive=True)
gas = symbols.add("R", energy / temperature / sp.physics.units.amount_of_substance, "gas constant", "气体常数",
                  positive=True)
F = symbols.add("F", charge / sp.physics.units.amount_of_substance, "Faraday's constant", "法拉第常数",
                positive=True)
M = symbols.add("M_sun", mass, "solar mass", "太阳质量", positive=True)
c = symbols.add("c", length / time, "speed of light", "光速", positive=True)
rest = symbols.add("E_0", energy, "electron rest energy", "电子静能", positive=True)
ly = symbols.add("l_y", length, "light year", "光年", positive=True)
# the same constants as Python floats get their own symbols: a float given and an exact given of one
# symbol would contradict each other in the last binary digit
m_f = symbols.add("m_f", mass, "electron mass", "电子质量", positive=True)
h_f = symbols.add("h_f", energy * time, "Planck's constant", "普朗克常数", positive=True)
N_f = symbols.add("N_f", 1 / sp.physics.units.amount_of_substance, "Avogadro's constant", "阿伏伽德罗常数",
                  positive=True)
k_f = symbols.add("k_f", energy / temperature, "Boltzmann's constant", "玻尔兹曼常数", positive=True)
gas_f = symbols.add("R_f", energy / temperature / sp.physics.units.amount_of_substance, "gas constant",
                    "气体常数", positive=True)
M_f = symbols.add("M_f", mass, "solar mass", "太阳质量", positive=True)

PLANCK = R("6.62607015e-34")
ELECTRON = R("9.1093837015e-31")
EXPECTED = {
    "electron-mass-in-grams": ("proved", []),
    "planck-in-base-units": ("proved", []),
    "reduced-planck": ("proved", []),
    "gas-constant": ("proved", []),
    "faraday-constant": ("proved", []),
    "solar-mass-in-grams": ("proved", []),
    "solar-mass-in-electron-masses": ("proved", []),
    "electron-rest-energy": ("proved", []),
    "light-year-in-meters": ("proved", []),
    "planck-over-boltzmann": ("proved", []),
    "charge-squared": ("proved", []),
    # the same constants written as Python floats, as users often write them: not exact, so only
    # "not failed" is promised
    "electron-mass-in-grams-floats": ("holds", []),
    "planck-in-base-units-floats": ("holds", []),
    "gas-constant-floats": ("holds", []),
    "solar-mass-in-grams-floats": ("holds", []),
}

derivation = Derivation(
    id="corpus-true-si", title=Text("SI", "SI"), question=Text("?", "?"),
    section="corpus", symbols=symbols.freeze(),
    steps=(
        given("electron", Eq(m, ELECTRON * kilogram)),
        step("electron-mass-in-grams", (m, ELECTRON * 1000 * gram), by.converting_units("electron")),
        given("planck", Eq(h, PLANCK * joule * second)),
        step("planck-in-base-units", (h, PLANCK * kilogram * meter**2 / second), by.converting_units("planck")),
        given("reduced", Eq(hbar, h / (2 * sp.pi))),
        step("reduced-planck", (hbar, PLANCK / (2 * sp.pi) * joule * second), by.substituting("reduced", "planck")),
        given("avogadro", Eq(N_A, R("6.02214076e23") / mole)),
        given("boltzmann", Eq(k, R("1.380649e-23") * joule / kelvin)),
        given("gas-law", Eq(gas, N_A * k)),
        step("gas-constant", (gas, R("8.31446261815324") * joule / (kelvin * mole)),
             by.substituting("gas-law", "avogadro", "boltzmann")),
        given("charge", Eq(q, R("1.602176634e-19") * coulomb)),
        given("faraday", Eq(F, N_A * q)),
        step("faraday-constant", (F, R("96485.3321233100184") * coulomb / mole),
             by.substituting("faraday", "avogadro", "charge")),
        given("sun", Eq(M, R("1.98847e30") * kilogram)),
        step("solar-mass-in-grams", (M, R("1.98847e33") * gram), by.converting_units("sun")),
        step("solar-mass-in-electron-masses", (M / m, R("1.98847e30") / ELECTRON),
             by.substituting("sun", "electron")),
        given("light", Eq(c, 299792458 * meter / second)),
        given("rest-energy", Eq(rest, m * c**2)),
        step("electron-rest-energy", (rest, ELECTRON * 299792458**2 * kilogram * meter**2 / second**2),
             by.substituting("rest-energy", "electron", "light")),
        given("year", Eq(ly, c * R("365.25") * 86400 * second)),
        step("light-year-in-meters", (ly, 9460730472580800 * meter), by.substituting("year", "light")),
        step("planck-over-boltzmann", (h / k, PLANCK / R("1.380649e-23") * kelvin * second),
             by.substituting("planck", "boltzmann")),
        given("electron-float", Eq(m_f, 9.1093837015e-31 * kilogram)),
        step("electron-mass-in-grams-floats", (m_f, 9.1093837015e-28 * gram), by.converting_units("electron-float")),
        given("planck-float", Eq(h_f, 6.62607015e-34 * joule * second)),
        step("planck-in-base-units-floats", (h_f, 6.62607015e-34 * kilogram * meter**2 / second),
             by.converting_units("planck-float")),
        given("avogadro-float", Eq(N_f, 6.02214076e23 / mole)),
        given("boltzmann-float", Eq(k_f, 1.380649e-23 * joule / kelvin)),
        given("gas-law-float", Eq(gas_f, N_f * k_f)),
        step("gas-constant-floats", (gas_f, 8.31446261815324 * joule / (kelvin * mole)),
             by.substituting("gas-law-float", "avogadro-float", "boltzmann-float")),
        given("sun-float", Eq(M_f, 1.98847e30 * kilogram)),
        step("solar-mass-in-grams-floats", (M_f, 1.98847e33 * gram), by.converting_units("sun-float")),
        step("charge-squared", (q**2, R("2.566969966535569956e-38") * coulomb**2), by.substituting("charge")),
    ),
)
