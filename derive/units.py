"""Dimensional consistency of every claim.

Each symbol declares its SI dimension; a small walker over the expression tree computes the
dimension of every sub-expression as a map base dimension -> exponent (from `dimsys_SI`),
insists that the terms of a sum agree and that arguments of exp, log and trigonometric
functions are dimensionless. Substituting units into expressions would be unsound: x - y
collapses to 0 and the mismatch disappears.
"""

from __future__ import annotations

from collections.abc import Mapping

import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.functions.elementary.piecewise import ExprCondPair
from sympy.physics.units import Quantity as UnitQuantity
from sympy.physics.units.dimensions import Dimension
from sympy.physics.units.systems.si import SI, dimsys_SI

from derive.expectation import Expectation

Dims = Mapping[str, sp.Rational]
DIMENSIONLESS: Dims = {}


class DimensionError(Exception):
    """A claim whose sides, terms or function arguments disagree in dimension."""


class UndeclaredSymbol(DimensionError):
    """A symbol the derivation's table does not declare: bad input, not a false claim."""


def as_dims(dimension: Dimension) -> dict[str, sp.Rational]:
    """A Dimension as {'length': 2, 'time': -1}, the form the walker multiplies."""
    deps = dimsys_SI.get_dimensional_dependencies(dimension, mark_dimensionless=False)
    return {str(base.name): sp.Rational(power) for base, power in deps.items() if power != 0}


def show(dims: Dims) -> str:
    """'length**2/time' style text for messages; '1' for dimensionless."""
    if not dims:
        return "1 (dimensionless)"
    expr = sp.Mul(*(sp.Symbol(base) ** power for base, power in sorted(dims.items())))
    return sp.sstr(expr)


def _times(a: Dims, b: Dims, power: sp.Rational = sp.Integer(1)) -> dict[str, sp.Rational]:
    out = dict(a)
    for base, exponent in b.items():
        out[base] = out.get(base, sp.Integer(0)) + exponent * power
    return {k: v for k, v in out.items() if v != 0}


class DimensionWalker:
    """Computes dimensions of expressions over a fixed table of declared symbols."""

    def __init__(self, declared: Mapping[sp.Basic, Dimension]):
        self._declared = {head: as_dims(dim if isinstance(dim, Dimension) else Dimension(dim))
                          for head, dim in declared.items()}

    def of(self, expr: sp.Basic) -> Dims:
        """The dimension of expr, or DimensionError naming the offending parts."""
        if isinstance(expr, (sp.Number, sp.NumberSymbol)) or expr is sp.I:
            return DIMENSIONLESS
        if isinstance(expr, UnitQuantity):
            return as_dims(SI.get_quantity_dimension(expr))
        if isinstance(expr, sp.Symbol):
            return self._lookup(expr)
        if isinstance(expr, AppliedUndef):
            return self._lookup(expr.func)
        if isinstance(expr, Expectation):
            return self.of(expr.args[0])
        if isinstance(expr, sp.Add):
            return self._sum(expr.args, expr)
        if isinstance(expr, sp.Mul):
            dims: Dims = DIMENSIONLESS
            for factor in expr.args:
                dims = _times(dims, self.of(factor))
            return dims
        if isinstance(expr, sp.Pow):
            return self._power(expr)
        if isinstance(expr, sp.Derivative):
            dims = self.of(expr.expr)
            for variable, count in expr.variable_count:
                dims = _times(dims, self.of(variable), -sp.Integer(count))
            return dims
        if isinstance(expr, sp.Integral):
            dims = self.of(expr.function)
            for limits in expr.limits:
                dims = _times(dims, self.of(limits[0]))
                for bound in limits[1:]:
                    self._agree([limits[0], bound], expr, what="the variable and the limits")
            return dims
        if isinstance(expr, sp.Sum):
            return self.of(expr.function)
        if isinstance(expr, sp.Subs):
            for variable, point in zip(expr.variables, expr.point):
                self._agree([variable, point], expr, what="the variable and the point")
            return self.of(expr.expr)
        if isinstance(expr, sp.Limit):
            return self.of(expr.args[0])
        if isinstance(expr, (sp.Abs, sp.re, sp.im, sp.sign, sp.floor, sp.ceiling)):
            inner = self.of(expr.args[0])
            return DIMENSIONLESS if isinstance(expr, sp.sign) else inner
        if isinstance(expr, (sp.Max, sp.Min, sp.Piecewise)):
            parts = [a.expr if isinstance(a, ExprCondPair) else a for a in expr.args]
            return self._agree(parts, expr)
        if isinstance(expr, sp.Function):
            for arg in expr.args:
                dims = self.of(arg)
                if dims:
                    raise DimensionError(
                        f"the argument of {expr.func} must be dimensionless, "
                        f"but {sp.sstr(arg)} has dimension {show(dims)}"
                    )
            return DIMENSIONLESS
        raise DimensionError(f"cannot tell the dimension of {sp.sstr(expr)} ({type(expr).__name__})")

    def check_equation(self, lhs: sp.Expr, rhs: sp.Expr) -> Dims:
        """Both sides must have one dimension; returns it."""
        return self._agree([lhs, rhs], None, what="the two sides")

    def _lookup(self, head: sp.Basic) -> Dims:
        if head in self._declared:
            return self._declared[head]
        if isinstance(head, sp.Dummy):
            return DIMENSIONLESS
        namesake = next((h for h in self._declared if str(h) == str(head)), None)
        if namesake is not None:  # same name, other assumptions: SymPy sees two different symbols
            theirs = ", ".join(sorted(k for k, v in namesake.assumptions0.items() if v)) or "none"
            ours = ", ".join(sorted(k for k, v in head.assumptions0.items() if v)) or "none"
            raise UndeclaredSymbol(f"symbol {head} here has other assumptions ({ours}) than the {head} the symbols "
                                   f"table declares ({theirs}): SymPy treats them as different symbols; use the one "
                                   "the table returned")
        raise UndeclaredSymbol(f"symbol {head} has no declared dimension; declare it in the symbols table")

    def _sum(self, terms: tuple[sp.Basic, ...], whole: sp.Basic) -> Dims:
        return self._agree(list(terms), whole)

    def _agree(self, parts: list[sp.Basic], whole: sp.Basic | None, what: str = "the terms") -> Dims:
        # 0 and ±oo have every dimension: "E[x] = 0" is consistent whatever x measures.
        found = [(p, self.of(p)) for p in map(sp.sympify, parts)
                 if not (p.is_number and (p.is_zero or p.is_infinite))]
        if not found:
            return DIMENSIONLESS
        first_part, first = found[0]
        for part, dims in found[1:]:
            if dims != first:
                where = f" of {sp.sstr(whole)}" if whole is not None else ""
                raise DimensionError(
                    f"{what}{where} disagree: {sp.sstr(first_part)} has dimension {show(first)}, "
                    f"{sp.sstr(part)} has dimension {show(dims)}"
                )
        return first

    def _power(self, expr: sp.Pow) -> Dims:
        base, exponent = expr.args
        if self.of(exponent):
            raise DimensionError(
                f"the exponent of {sp.sstr(expr)} must be dimensionless, "
                f"but {sp.sstr(exponent)} has dimension {show(self.of(exponent))}"
            )
        base_dims = self.of(base)
        if not base_dims:
            return DIMENSIONLESS
        if not exponent.is_Rational:
            raise DimensionError(
                f"{sp.sstr(base)} has dimension {show(base_dims)}, so its exponent must be a "
                f"number, not {sp.sstr(exponent)}"
            )
        return _times(DIMENSIONLESS, base_dims, exponent)
