"""Independence declared for K and J, where J is made of K through two definitions (M = K + L,
J = 2M), and for K and a variable a given (not a definition) makes equal to K."""

from sympy.physics.units import length

from derive import Derivation, E, Eq, SymbolTable, Text, by, define, given, independent, step

symbols = SymbolTable()
K = symbols.random("K", length, "a step", "一步")
L = symbols.add("L", length, "a length", "长度", positive=True)
M = symbols.random("M", length, "the step plus L", "步长加 L")
J = symbols.random("J", length, "twice that", "其两倍")
G = symbols.random("G", length, "the step, given equal to it", "与之相等的步")

MADE_OF = [("independent", "independence"), ("made of", "defined", "definition", "given", "depends")]
EXPECTED = {
    "factorised-through-a-chain": ("rejected", MADE_OF),
    "factorised-through-a-given": ("rejected", MADE_OF),
}

derivation = Derivation(
    id="corpus-hyp-independent-chain", title=Text("independence", "independence"), question=Text("?", "?"),
    section="corpus", symbols=symbols.freeze(),
    independent=(independent(K, J), independent(K, G)),
    steps=(
        define("plus-one", Eq(M, K + L)),
        define("twice", Eq(J, 2 * M)),
        step("factorised-through-a-chain", (E(K * J), E(K) * E(J)), by.independence(K, J)),
        given("same", Eq(G, K)),
        step("factorised-through-a-given", (E(K * G), E(K) * E(G)), by.independence(K, G)),
    ),
)
