"""False steps through by.applying (issue 13, item 1): an operation that is not a function of
the sides, or that rewrites them under assumptions the symbols lack, must not prove anything.

Each false step is judged from its premises as claimed; EXPECTED says what the checker must
say about it (a verdict, then words of which the message must contain one from each group).
"""

import sympy as sp

from derive import Derivation, Eq, SymbolTable, Text, by, define, given, step

symbols = SymbolTable()
x = symbols.add("x", 1, "x", "x", real=True)
y = symbols.add("y", 1, "y", "y", real=True)
w = symbols.add("w", 1, "w", "w", real=True)
a = symbols.add("a", 1, "a", "a", real=True)
b = symbols.add("b", 1, "b", "b", real=True)
c = symbols.add("c", 1, "c", "c", real=True)
d = symbols.add("d", 1, "d", "d", real=True, nonzero=True)
v = symbols.add("v", 1, "v", "v", real=True)
# the givens of different cases are about different symbols, so they never constrain each other
t, u = (symbols.add(name, 1, name, name, real=True) for name in ("t", "u"))
w1, w2, w3 = (symbols.add(f"w_{i}", 1, "w", "w", real=True) for i in (1, 2, 3))
e, f, g, h = (symbols.add(name, 1, name, name, real=True) for name in ("e", "f", "g", "h"))
z1, z2, z3, z4 = (symbols.add(f"z_{i}", 1, "z", "z", real=True) for i in (1, 2, 3, 4))
F = symbols.function("F", 1, "an unknown function", "未知函数")
calls: list = []

NOT_A_FUNCTION = ("not a function", "depends on", "does not follow", "counterexample", "not valid",
                  "does not hold", "cannot")
APPROXIMATE = ("not a function", "depends on", "does not follow", "counterexample", "not valid",
               "does not hold", "cannot", "approximat", "series", "order")

EXPECTED = {
    # differentiating through by.applying bypasses the dependence guard: from y = 2x + 1, 0 = 2
    "diff-through-applying": ("rejected", [("depends on", "not a function", "through its", "given")]),
    "derivative-doit": ("rejected", [("depends on", "not a function", "through its", "given")]),
    "diff-of-definition": ("rejected", [("depends on", "not a function", "through its", "definition")]),
    "integrate-over-x": ("rejected", [("depends on", "not a function", "through its", "given")]),
    "limit-x-to-0": ("rejected", [("depends on", "not a function", "through its", "given")]),
    "subs-x-0": ("rejected", [NOT_A_FUNCTION]),
    "subs-y-0": ("rejected", [NOT_A_FUNCTION]),
    "coeff-of-x": ("rejected", [NOT_A_FUNCTION]),
    "as-coeff-mul": ("rejected", [NOT_A_FUNCTION]),
    "looks-at-its-side": ("rejected", [NOT_A_FUNCTION]),
    # rewrites valid only under assumptions the symbols lack
    "expand-log-force": ("rejected", [("log", "negative", "counterexample", "assum", "force")]),
    "refine-positive": ("rejected", [("negative", "positive", "assum", "counterexample", "refine")]),
    "powdenest-force": ("rejected", [("negative", "positive", "assum", "counterexample", "force")]),
    "expand-force-sqrt": ("rejected", [("negative", "assum", "counterexample", "force", "sqrt")]),
    # numer/denom are not functions of the value: a/d = c does not give a = c
    "numer": ("rejected", [NOT_A_FUNCTION]),
    "denom": ("rejected", [NOT_A_FUNCTION]),
    # an operation that raises is a failed step, not an internal error
    "operation-raises": ("rejected", [("KeyError",)]),
    # an approximation smuggled in as an operation: exact '=' from a truncated series or a substitution
    "series-through-applying": ("rejected", [APPROXIMATE]),
    "approximation-through-subs": ("rejected", [APPROXIMATE]),
    "method-spelling-of-diff": ("rejected", [("depends on", "not a function", "through its", "given")]),
    "unevaluated-integral": ("rejected", [("depends on", "not a function", "through its", "given", "does not hold")]),
    "stateful-operation": ("rejected", [NOT_A_FUNCTION]),
    # a function of the value that tests the premise's own equation: generic sample points miss the
    # premise's solution set, where f(y) = f(2x + 1) = 1, so 0 = 1 must not follow
    "indicator-of-the-premise": ("rejected", [NOT_A_FUNCTION]),
    "indicator-off-the-grid": ("rejected", [NOT_A_FUNCTION]),
    "operation-returns-an-equation": ("rejected", [("expression", "Eq", "equation", "boolean", "relational")]),
    "operation-returns-a-tuple": ("rejected", [("expression", "tuple", "Tuple")]),
    "unevaluated-derivative": ("rejected", [("depends on", "not a function", "through its", "given", "does not hold")]),
    "unevaluated-subs": ("rejected", [NOT_A_FUNCTION]),
    "unevaluated-limit": ("rejected", [("depends on", "not a function", "through its", "given", "does not hold")]),
    # true: a genuine function applied to both sides
    "exp-both-sides": ("proved", []),
    "cube-both-sides": ("proved", []),
    "unknown-function-of-both-sides": ("proved", []),
    "rewrite-both-sides": ("proved", []),
}

derivation = Derivation(
    id="corpus-false-applying", title=Text("applying", "applying"), question=Text("?", "?"),
    section="corpus", symbols=symbols.freeze(),
    steps=(
        given("line", Eq(y, 2 * x + 1)),
        step("diff-through-applying", (0, 2), by.applying("line", lambda s: sp.diff(s, x), "differentiating")),
        step("derivative-doit", (0, 2), by.applying("line", lambda s: sp.Derivative(s, x).doit(), "differentiating")),
        define("speed", Eq(v, 3 * x**2)),
        step("diff-of-definition", (0, 6 * x), by.applying("speed", lambda s: sp.diff(s, x), "differentiating")),
        step("integrate-over-x", (y, 2), by.applying("line", lambda s: sp.integrate(s, (x, 0, 1)), "integrating")),
        step("limit-x-to-0", (y, 1), by.applying("line", lambda s: sp.limit(s, x, 0), "taking x to 0 in")),
        step("subs-x-0", (y, 1), by.applying("line", lambda s: s.subs(x, 0), "putting x = 0 in")),
        step("subs-y-0", (0, 2 * x + 1), by.applying("line", lambda s: s.subs(y, 0), "putting y = 0 in")),
        step("coeff-of-x", (0, 2), by.applying("line", lambda s: s.coeff(x), "taking the coefficient of x in")),
        given("triple", Eq(u, 3 * t)),
        step("as-coeff-mul", (1, 3), by.applying("triple", lambda s: s.as_coeff_Mul()[0], "the numeric factor of")),
        step("looks-at-its-side", (t, 2 * t),
             by.applying("triple", lambda s: t if s == u else 2 * t, "a side-dependent map of")),
        given("product", Eq(w, a * b)),
        step("expand-log-force", (sp.log(w), sp.log(a) + sp.log(b)),
             by.applying("product", lambda s: sp.expand_log(sp.log(s), force=True), "taking the logarithm of")),
        given("root", Eq(w1, sp.sqrt(h**2))),
        step("refine-positive", (w1, h), by.applying("root", lambda s: sp.refine(s, sp.Q.positive(h)), "refining")),
        step("powdenest-force", (w1, h), by.applying("root", lambda s: sp.powdenest(s, force=True), "denesting")),
        given("root-product", Eq(w2, sp.sqrt(e * f))),
        step("expand-force-sqrt", (w2, sp.sqrt(e) * sp.sqrt(f)),
             by.applying("root-product", lambda s: sp.expand(s, force=True), "expanding")),
        given("ratio", Eq(w3 / d, g)),
        step("numer", (w3, g), by.applying("ratio", sp.numer, "taking the numerator of")),
        step("denom", (d, 1), by.applying("ratio", sp.denom, "taking the denominator of")),
        step("operation-raises", (x, x), by.applying("line", lambda s: {}["missing"], "a broken operation on")),
        step("exp-both-sides", (sp.exp(y), sp.exp(2 * x + 1)), by.applying("line", sp.exp, "exponentiating")),
        step("cube-both-sides", (y**3, (2 * x + 1) ** 3), by.applying("line", lambda s: s**3, "cubing")),
        step("unknown-function-of-both-sides", (F(y), F(2 * x + 1)), by.applying("line", F, "applying F to")),
        given("growth", Eq(z1, sp.exp(z2))),
        step("rewrite-both-sides", (z1, sp.cosh(z2) + sp.sinh(z2)),
             by.applying("growth", lambda s: s.rewrite(sp.cosh), "rewriting in cosh and sinh")),
        step("series-through-applying", (z1, 1 + z2),
             by.applying("growth", lambda s: sp.series(s, z2, 0, 2).removeO(), "expanding")),
        step("approximation-through-subs", (z1, 1 + z2),
             by.applying("growth", lambda s: s.subs(sp.exp(z2), 1 + z2), "linearising")),
        step("method-spelling-of-diff", (0, 2), by.applying("line", lambda s: s.diff(x), "differentiating")),
        step("unevaluated-integral", (y, 2),
             by.applying("line", lambda s: sp.Integral(s, (x, 0, 1)), "integrating")),
        step("indicator-of-the-premise", (0, 1),
             by.applying("line", lambda s: sp.Piecewise((1, sp.Eq(s, 2 * x + 1)), (0, True)), "testing")),
        given("third", Eq(z3, 2 * z4 + sp.Rational(1, 3))),
        step("indicator-off-the-grid", (0, 1),
             by.applying("third", lambda s: sp.Piecewise((1, sp.Eq(s, 2 * z4 + sp.Rational(1, 3))), (0, True)), "testing")),
        step("operation-returns-an-equation", (y, 0), by.applying("line", lambda s: sp.Eq(s, 0), "equating")),
        step("operation-returns-a-tuple", (y, 0), by.applying("line", lambda s: sp.Tuple(s, 1), "pairing")),
        step("unevaluated-derivative", (0, 2), by.applying("line", lambda s: sp.Derivative(s, x), "differentiating")),
        step("unevaluated-subs", (y, 1), by.applying("line", lambda s: sp.Subs(s, x, 0), "putting x = 0 in")),
        step("unevaluated-limit", (y, 1), by.applying("line", lambda s: sp.Limit(s, x, 0), "taking x to 0 in")),
        step("stateful-operation", (1, 2),
             by.applying("line", lambda s: calls.append(s) or sp.Integer(len(calls)), "counting")),
    ),
)
