"""evaluating_at must respect the symbols' assumptions (issue 13, item 7): a Nernst potential at
T = -293 K is not 'proved'; nor is a positive concentration put to zero or an integer to 1/2."""

import sympy as sp
from sympy.physics.units import coulomb, joule, kelvin, temperature, voltage, volt

from derive import Derivation, Eq, SymbolTable, Text, by, cite, define, step

R = sp.Rational
symbols = SymbolTable()
E = symbols.add("E", voltage, "Nernst potential", "能斯特电位", real=True)
T = symbols.add("T", temperature, "temperature", "温度", positive=True)
c_o = symbols.add("c_o", 1, "outside concentration", "胞外浓度", positive=True)
c_i = symbols.add("c_i", 1, "inside concentration", "胞内浓度", positive=True)
n = symbols.add("n", 1, "a count", "计数", integer=True, positive=True)
g = symbols.add("g", 1, "g", "g", real=True)
u = symbols.add("u", 1, "u", "u", negative=True)
f = symbols.add("f", 1, "f", "f", real=True)

KB = R("1.380649e-23") * joule / kelvin
Q = R("1.602176634e-19") * coulomb
ASSUMPTION = [("T", "c_o", "n", "u"), ("positive", "negative", "integer", "assum")]
EXPECTED = {
    "nernst-at-negative-temperature": ("rejected", [("T",), ("positive", "assum")]),
    "nernst-at-zero-concentration": ("rejected", [("c_o", "zero", "log"), ("positive", "assum", "zoo", "infinite", "not")]),
    "count-at-one-half": ("rejected", [("n",), ("integer", "assum")]),
    "negative-at-plus-two": ("rejected", [("u",), ("negative", "assum")]),
}

derivation = Derivation(
    id="corpus-false-evaluating", title=Text("evaluating", "evaluating"), question=Text("?", "?"),
    section="corpus", symbols=symbols.freeze(),
    steps=(
        cite("nernst", Eq(E, KB * T / Q * sp.log(c_o / c_i)), "W. Nernst (1889)"),
        step("nernst-at-negative-temperature", (E, R("-0.058") * volt),
             by.evaluating_at("nernst", {T: -293 * kelvin, c_o: 10, c_i: 1}, digits=2)),
        step("nernst-at-zero-concentration", (E, R("-0.058") * volt),
             by.evaluating_at("nernst", {T: 293 * kelvin, c_o: 0, c_i: 1}, digits=2)),
        define("half", Eq(g, n**2)),
        step("count-at-one-half", (g, R("0.25")), by.evaluating_at("half", {n: R(1, 2)}, digits=2)),
        define("square", Eq(f, u**2)),
        step("negative-at-plus-two", (f, 4), by.evaluating_at("square", {u: 2}, digits=1)),
    ),
)
