"""Dimensions through Max, Piecewise and Abs: a length compared with a time is no equation,
while the absolute value or the larger of two lengths is a length."""

import sympy as sp
from sympy.physics.units import length, time

from derive import Derivation, SymbolTable, Text, by, step

symbols = SymbolTable()
L = symbols.add("L", length, "a length", "长度", positive=True)
M = symbols.add("M", length, "another length", "另一长度", positive=True)
t = symbols.add("t", time, "a time", "时间", positive=True)
x = symbols.add("x", 1, "x", "x", real=True)

DIMENSION = [("dimension",)]
EXPECTED = {
    "larger-of-a-length-and-a-time": ("rejected", DIMENSION),
    "piecewise-length-or-time": ("rejected", DIMENSION),
    "length-plus-time-in-abs": ("rejected", DIMENSION),
    "absolute-value-of-a-length": ("proved", []),
    "larger-of-two-lengths": ("holds", []),
    "sign-of-a-length-difference": ("holds", []),
}

derivation = Derivation(
    id="corpus-false-dimensions", title=Text("dimensions", "dimensions"), question=Text("?", "?"),
    section="corpus", symbols=symbols.freeze(),
    steps=(
        step("larger-of-a-length-and-a-time", (sp.Max(L, t), L), by.algebra()),
        step("piecewise-length-or-time", (sp.Piecewise((L, x > 0), (t, True)), L), by.algebra()),
        step("length-plus-time-in-abs", (sp.Abs(L + t), L + t), by.algebra()),
        step("absolute-value-of-a-length", (sp.Abs(L), L), by.algebra()),
        step("larger-of-two-lengths", (sp.Max(L, M) + sp.Min(L, M), L + M), by.algebra()),
        step("sign-of-a-length-difference", (sp.sign(L - M) * (L - M), sp.Abs(L - M)), by.algebra()),
    ),
)
