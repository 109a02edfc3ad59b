"""True but hard at extreme magnitudes: the sample design now reaches huge and tiny values,
where these identities cancel catastrophically in 30 digits ((1 + p)^2 - p^2 at p = 1e30 needs
60). The checker must not call them false (expected: proved where SymPy can, else at least
numerically-only)."""

import sympy as sp

from derive import Derivation, SymbolTable, Text, by, step

symbols = SymbolTable()
p = symbols.add("p", 1, "p", "p", positive=True)
q = symbols.add("q", 1, "q", "q", positive=True)
x = symbols.add("x", 1, "x", "x", real=True)
n = symbols.add("n", 1, "n", "n", integer=True, positive=True)

EXPECTED = {
    "square-difference-at-large-p": ("proved", []),
    "root-difference-at-large-p": ("holds", []),
    "log-ratio-at-large-p": ("holds", []),
    "hyperbolic-identity": ("holds", []),
    "geometric-sum-near-one": ("holds", []),
    "large-integer-power-difference": ("proved", []),
    "tiny-plus-huge": ("proved", []),
    "exp-of-sum": ("holds", []),
    "softplus": ("holds", []),
    "logistic": ("holds", []),
    "one-minus-tanh-squared": ("holds", []),
    "arcsine-plus-arccosine": ("holds", []),
}

derivation = Derivation(
    id="corpus-true-extremes", title=Text("extremes", "extremes"), question=Text("?", "?"),
    section="corpus", symbols=symbols.freeze(),
    steps=(
        step("square-difference-at-large-p", ((1 + p) ** 2 - p**2, 1 + 2 * p), by.algebra()),
        step("root-difference-at-large-p", (sp.sqrt(p**2 + 1) - p, 1 / (sp.sqrt(p**2 + 1) + p)), by.algebra()),
        step("log-ratio-at-large-p", (sp.log(1 + p) - sp.log(p), sp.log(1 + 1 / p)), by.algebra()),
        step("hyperbolic-identity", (sp.cosh(x) ** 2 - sp.sinh(x) ** 2, 1), by.algebra()),
        step("geometric-sum-near-one", (sum(q**i for i in range(10)) * (1 - q), 1 - q**10), by.algebra()),
        step("large-integer-power-difference", ((n + 1) ** 3 - n**3, 3 * n**2 + 3 * n + 1), by.algebra()),
        step("tiny-plus-huge", (sp.Rational(1, 10**30) * p + 10**30 * q - 10**30 * q, p / 10**30), by.algebra()),
        step("exp-of-sum", (sp.exp(p + q), sp.exp(p) * sp.exp(q)), by.algebra()),
        # neuroscience's softplus and logistic rates: at p = 1e30 the left sides cancel to nothing in 30 digits
        step("softplus", (sp.log(sp.exp(p) + 1) - p, sp.log(1 + sp.exp(-p))), by.algebra()),
        step("logistic", (1 / (1 + sp.exp(-x)), sp.exp(x) / (1 + sp.exp(x))), by.algebra()),
        step("one-minus-tanh-squared", (1 - sp.tanh(x) ** 2, 1 / sp.cosh(x) ** 2), by.algebra()),
        step("arcsine-plus-arccosine", (sp.asin(x) + sp.acos(x), sp.pi / 2), by.algebra()),
    ),
)
