"""Hypotheses that contradict the definitions (issue 13, item 4): J is defined as K, so declaring
K and J independent is false (E[KJ] = E[K^2] = L^2, not E[K]E[J] = 0). The declaration, or the
factorisation that uses it, must be refused."""

import sympy as sp
from sympy.physics.units import length

from derive import Derivation, E, Eq, SymbolTable, Text, by, define, given, independent, step

symbols = SymbolTable()
L = symbols.add("L", length, "step length", "步长", positive=True)
K = symbols.random("K", length, "a step", "一步")
J = symbols.random("J", length, "the same step", "同一步")

EXPECTED = {
    "factorised": ("rejected", [("independent", "independence"), ("J", "K", "defined", "definition")]),
}

derivation = Derivation(
    id="corpus-hyp-independent-copy", title=Text("independence", "independence"), question=Text("?", "?"),
    section="corpus", symbols=symbols.freeze(),
    independent=(independent(K, J),),
    steps=(
        given("mean", Eq(E(K), 0)),
        given("square", Eq(E(K**2), L**2)),
        define("copy", Eq(J, K)),
        step("factorised", (E(K * J), E(K) * E(J)), by.independence(K, J)),
    ),
)
