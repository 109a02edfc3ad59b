"""Independence declared for S and K although S is defined as 2K (issue 13, item 4)."""

from sympy.physics.units import length

from derive import Derivation, E, Eq, SymbolTable, Text, by, define, independent, step

symbols = SymbolTable()
K = symbols.random("K", length, "a step", "一步")
S = symbols.random("S", length, "twice the step", "两倍步长")

EXPECTED = {
    "factorised": ("rejected", [("independent", "independence"), ("S", "K", "defined", "definition")]),
}

derivation = Derivation(
    id="corpus-hyp-independent-scaled", title=Text("independence", "independence"), question=Text("?", "?"),
    section="corpus", symbols=symbols.freeze(),
    independent=(independent(K, S),),
    steps=(
        define("double", Eq(S, 2 * K)),
        step("factorised", (E(K * S), E(K) * E(S)), by.independence(K, S)),
    ),
)
