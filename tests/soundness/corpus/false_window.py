"""Claims false only outside the old sampling window (issue 13, item 3): positive symbols were
drawn in about 0.01-100 and integers up to about 120, so these passed as numerically-only. The
sample design must cover each symbol's whole declared range, extreme magnitudes included; a
`sample=` range must not silently narrow what a claim is checked over."""

import sympy as sp

from derive import Derivation, SymbolTable, Text, by, step

symbols = SymbolTable()
p = symbols.add("p", 1, "p", "p", positive=True)
q = symbols.add("q", 1, "q", "q", negative=True)
x = symbols.add("x", 1, "x", "x", real=True)
k = symbols.add("k", 1, "k", "k", integer=True, positive=True)
n = symbols.add("n", 1, "n", "n", integer=True, nonnegative=True)
j = symbols.add("j", 1, "j", "j", integer=True)
s = symbols.add("s", 1, "s", "s", real=True, sample=(0, 1))
t = symbols.add("t", 1, "t", "t", positive=True, sample=(1, 2))

OUTSIDE = ("does not hold", "counterexample", "sample")
EXPECTED = {
    "abs-beyond-1000": ("rejected", [OUTSIDE], ["less than 1e-22"]),
    "heaviside-beyond-500": ("rejected", [OUTSIDE]),
    "floor-beyond-1000": ("rejected", [OUTSIDE]),
    "min-beyond-1000": ("rejected", [OUTSIDE]),
    "min-beyond-a-million": ("rejected", [OUTSIDE]),
    "max-below-1e-4": ("rejected", [OUTSIDE]),
    "heaviside-below-1e-6": ("rejected", [OUTSIDE]),
    "negative-beyond-minus-100": ("rejected", [OUTSIDE], ["less than 1e-22"]),  # the sides differ in sign
    "sign-beyond-50": ("rejected", [OUTSIDE]),
    "piecewise-beyond-100": ("rejected", [OUTSIDE]),
    "product-of-121-factors": ("rejected", [OUTSIDE]),
    "integer-floor-beyond-1000": ("rejected", [OUTSIDE]),
    "integer-max-below-minus-200": ("rejected", [OUTSIDE]),
    "square-of-an-integer-mod-4": ("rejected", [OUTSIDE]),
    "cosine-of-a-multiple-of-pi": ("rejected", [OUTSIDE]),
    # thresholds beyond any fixed window: the claim's own constants set the scale to sample at
    "heaviside-beyond-1e40": ("rejected", [OUTSIDE]),
    "integer-floor-beyond-1e40": ("rejected", [OUTSIDE]),
    "min-below-1e-50": ("rejected", [OUTSIDE]),
    "sample-range-narrows-a-real": ("rejected", [("sample", "negative", "counterexample", "does not hold")]),
    "sample-range-narrows-a-positive": ("rejected", [("sample", "counterexample", "does not hold")]),
}

derivation = Derivation(
    id="corpus-false-window", title=Text("window", "window"), question=Text("?", "?"),
    section="corpus", symbols=symbols.freeze(),
    steps=(
        step("abs-beyond-1000", (sp.Abs(p - 1000), 1000 - p), by.algebra()),
        step("heaviside-beyond-500", (sp.Heaviside(p - 500), 0), by.algebra()),
        step("floor-beyond-1000", (sp.floor(p / 1000), 0), by.algebra()),
        step("min-beyond-1000", (sp.Min(p, 1000), p), by.algebra()),
        step("min-beyond-a-million", (sp.Min(p, 10**6), p), by.algebra()),
        step("max-below-1e-4", (sp.Max(p, sp.Rational(1, 10**4)), p), by.algebra()),
        step("heaviside-below-1e-6", (sp.Heaviside(p - sp.Rational(1, 10**6)), 1), by.algebra()),
        step("negative-beyond-minus-100", (sp.Abs(q + 100), q + 100), by.algebra()),
        step("sign-beyond-50", (sp.sign(x - 50), -1), by.algebra()),
        step("piecewise-beyond-100", (sp.Piecewise((0, x < 100), (1, True)), 0), by.algebra()),
        step("product-of-121-factors", (sp.Mul(*[k - i for i in range(121)]), 0), by.algebra()),
        step("integer-floor-beyond-1000", (sp.floor(n / 1000), 0), by.algebra()),
        step("integer-max-below-minus-200", (sp.Max(j, -200), j), by.algebra()),
        step("square-of-an-integer-mod-4", (sp.Mod(j**2, 4), 0), by.algebra()),
        step("cosine-of-a-multiple-of-pi", (sp.cos(sp.pi * j), 1), by.algebra()),
        step("heaviside-beyond-1e40", (sp.Heaviside(p - sp.Integer(10) ** 40), 0), by.algebra()),
        step("integer-floor-beyond-1e40", (sp.floor(k / sp.Integer(10) ** 40), 0), by.algebra()),
        step("min-below-1e-50", (sp.Max(p, sp.Rational(1, 10**50)), p), by.algebra()),
        step("sample-range-narrows-a-real", (sp.Abs(s), s), by.algebra()),
        step("sample-range-narrows-a-positive", (sp.Abs(t - 3), 3 - t), by.algebra()),
    ),
)
