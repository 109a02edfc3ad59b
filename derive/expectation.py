"""An unevaluated expectation operator and the rules that manipulate it.

`sympy.stats` cannot take the expectation of a sum of n steps with symbolic n, so the
random walk uses E[...] as an opaque function with three explicit rules: linearity
(always true), factorising products (only for variables declared independent) and moments
(computed from a declared sympy.stats distribution, never typed in).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import sympy as sp
import sympy.stats
from sympy.core.function import AppliedUndef


class Expectation(sp.Function):
    """E[X]: stays unevaluated; the rules below rewrite it."""

    nargs = 1
    is_real = True

    def __new__(cls, *args: object, **options: object) -> sp.Basic:
        if any(isinstance(a, str) for a in args):  # Function would sympify it, which runs eval
            from derive.model import InputError

            raise InputError(f"E[...] of the string {args[0]!r}: write it as a SymPy expression")
        return super().__new__(cls, *args, **options)

    def _latex(self, printer: sp.printing.latex.LatexPrinter) -> str:
        return r"\mathbb{E}\left[%s\right]" % printer._print(self.args[0])

    def _sympystr(self, printer: sp.printing.str.StrPrinter) -> str:
        return "E[%s]" % printer._print(self.args[0])


E = Expectation

IsRandom = Callable[[sp.Basic], bool]


def random_bases(expr: sp.Basic, is_random: IsRandom) -> set[sp.Basic]:
    """The random variables (x(n-1), k(n), r, ...) in expr, not looking inside E[...]."""
    found: set[sp.Basic] = set()

    def visit(node: sp.Basic) -> None:
        if isinstance(node, Expectation):
            return
        if isinstance(node, AppliedUndef) and is_random(node.func):
            found.add(node)
            return
        if isinstance(node, sp.Symbol) and is_random(node):
            found.add(node)
            return
        for arg in node.args:
            visit(arg)

    visit(expr)
    return found


def linear(expr: sp.Basic, is_random: IsRandom) -> sp.Basic:
    """Apply linearity everywhere: E[a X + b Y + c] = a E[X] + b E[Y] + c.

    The argument is expanded into monomials first, so E[(X + Y)^2] becomes
    E[X^2] + 2 E[X Y] + E[Y^2]. This is always valid, so checks normalise with it freely.
    """

    def expand_one(arg: sp.Expr) -> sp.Expr:
        total = sp.Integer(0)
        for term in sp.Add.make_args(sp.expand(arg)):
            constant, randoms = [], []
            for factor in sp.Mul.make_args(term):
                (randoms if random_bases(factor, is_random) else constant).append(factor)
            coefficient = sp.Mul(*constant)
            total += coefficient * Expectation(sp.Mul(*randoms)) if randoms else coefficient
        return total

    return expr.replace(lambda e: isinstance(e, Expectation), lambda e: expand_one(e.args[0]))


def factorise(
    expr: sp.Basic, is_random: IsRandom, independent: Iterable[frozenset[sp.Basic]]
) -> sp.Basic:
    """E[X^a Y^b] = E[X^a] E[Y^b], only where X and Y are declared independent."""
    groups = list(independent)

    def split(e: Expectation) -> sp.Expr:
        by_base: dict[sp.Basic, list[sp.Expr]] = {}
        for factor in sp.Mul.make_args(e.args[0]):
            bases = random_bases(factor, is_random)
            if len(bases) != 1:
                return e
            by_base.setdefault(bases.pop(), []).append(factor)
        if not any(len(by_base) > 1 and set(by_base) <= group for group in groups):
            return e
        return sp.Mul(*(Expectation(sp.Mul(*factors)) for factors in by_base.values()))

    return linear(expr, is_random).replace(lambda e: isinstance(e, Expectation), split)


def unlicensed_products(
    expr: sp.Basic, is_random: IsRandom, independent: Iterable[frozenset[sp.Basic]]
) -> list[set[sp.Basic]]:
    """Products of E[...] over several variables that no declaration of independence covers."""
    groups = list(independent)
    missing = []
    for term in sp.Add.make_args(sp.expand(linear(expr, is_random))):
        factors = [f for f in sp.Mul.make_args(term) if isinstance(f, Expectation)]
        bases: set[sp.Basic] = set()
        for f in factors:
            bases |= random_bases(f.args[0], is_random)
        if len(factors) > 1 and len(bases) > 1 and not any(bases <= g for g in groups):
            missing.append(bases)
    return missing


def moments(expr: sp.Basic, head: sp.Basic, distribution: sp.Basic, is_random: IsRandom) -> sp.Basic:
    """Replace E[g(k(m))] by the expectation under `distribution` (computed by sympy.stats)."""

    def compute(e: Expectation) -> sp.Expr:
        bases = random_bases(e.args[0], is_random)
        if len(bases) != 1:
            return e
        (base,) = bases
        if getattr(base, "func", None) != head and base != head:
            return e
        return sp.simplify(sympy.stats.E(e.args[0].xreplace({base: distribution})))

    return linear(expr, is_random).replace(lambda e: isinstance(e, Expectation), compute)
