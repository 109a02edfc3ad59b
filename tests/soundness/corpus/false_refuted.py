"""refuted(...) must mean a counterexample (issue 13, item 6): a rule that cannot apply (a
RuleFailure) does not refute a claim, and a true identity the falsifier wrongly rejects must not
be shown to students as the source's error."""

import sympy as sp

from derive import Derivation, Eq, SymbolTable, Text, by, given, refuted

symbols = SymbolTable()
x = symbols.add("x", 1, "x", "x", real=True)
y = symbols.add("y", 1, "y", "y", real=True)
z = symbols.add("z", 1, "z", "z", real=True)
n = symbols.add("n", 1, "n", "n", integer=True, nonnegative=True)
a = symbols.function("a", 1, "a", "a")

NOT_REFUTED = ("cannot apply", "does not apply", "could not", "no counterexample", "not refuted",
               "not a counterexample", "rule", "holds", "proved")
EXPECTED = {
    "true-claim-wrong-unknown": ("rejected", [NOT_REFUTED]),
    "true-claim-wrong-left-side": ("rejected", [NOT_REFUTED]),
    "true-claim-base-case-mismatch": ("rejected", [NOT_REFUTED]),
    "true-claim-limit-does-not-exist": ("rejected", [NOT_REFUTED]),
    "true-long-expansion": ("rejected", [NOT_REFUTED]),
    "true-decimal-sum": ("rejected", [NOT_REFUTED]),
    "true-multinomial": ("rejected", [NOT_REFUTED]),
    # true given the premise (2y = 4x + 2 when y = 2x + 1); the rule's obligation differs from the claim only
    # at points where the premise is false, which are no counterexample to the claim
    "true-claim-by-rewriting": ("rejected", [NOT_REFUTED]),
    "true-claim-by-doubling": ("rejected", [NOT_REFUTED]),
}

derivation = Derivation(
    id="corpus-false-refuted", title=Text("refuted", "refuted"), question=Text("?", "?"),
    section="corpus", symbols=symbols.freeze(),
    steps=(
        given("line", Eq(y, 2 * x + 1)),
        # solving for z, but the claim gives x: the rule cannot apply; the claim itself is true
        refuted("true-claim-wrong-unknown", (x, (y - 1) / 2), by.solving_for(z, "line")),
        refuted("true-claim-wrong-left-side", (x, (y - 1) / 2),
                by.evaluating_at("line", {x: 1}, digits=2)),
        given("base", Eq(a(1), 1)),
        given("recurrence", Eq(a(n), a(n - 1) + 1)),
        refuted("true-claim-base-case-mismatch", (a(n), n), by.induction(on=n, base="base", step="recurrence")),
        given("signed", Eq(z, sp.sign(x))),
        # the claim restates the given, which is true; the limit of sign(x) at 0 does not exist
        refuted("true-claim-limit-does-not-exist", (z, sp.sign(x)), by.taking_limit("signed", x, 0)),
        refuted("true-claim-by-rewriting", (2 * y, 4 * x + 2), by.rewriting("line")),
        refuted("true-claim-by-doubling", (y, 2 * x + 1), by.applying("line", lambda side: 2 * side, "doubling")),
        refuted("true-long-expansion", (sp.expand((x - y) ** 16), (x - y) ** 16), by.algebra()),
        refuted("true-decimal-sum", (0.1 * y + 0.2 * y, 0.3 * y), by.algebra()),
        refuted("true-multinomial", (sp.expand((x + y + z + 1) ** 12), (x + y + z + 1) ** 12), by.algebra()),
    ),
)
