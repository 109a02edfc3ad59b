"""A step that can be at best numerically-only (a root found by nsolve): `derive check` passes it
(exit 0), `derive check --strict` fails the run on it (exit 1)."""

import sympy as sp

from derive import Derivation, Eq, SymbolTable, Text, by, given, step

symbols = SymbolTable()
r = symbols.add("r", 1, "r", "r", positive=True)

EXPECTED = {"root-of-two": ("numerically-only", [])}

derivation = Derivation(
    id="corpus-strict-numeric", title=Text("strict", "strict"), question=Text("?", "?"),
    section="corpus", symbols=symbols.freeze(),
    steps=(
        given("square", Eq(r**2, 2)),
        step("root-of-two", (r, sp.Rational("1.41")), by.finding_root("square", start={r: 1.4}, setting={}, digits=3)),
    ),
)
