"""How symbols look in the handouts: sequences as subscripts, declared LaTeX names, SI units."""

from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.printing.latex import LatexPrinter

from derive.model import Claim, Derivation, Quantity
from derive.units import as_dims

SI_UNIT = {"length": "m", "time": "s", "mass": "kg", "temperature": "K", "current": "A",
           "amount_of_substance": "mol", "luminous_intensity": "cd"}


class HandoutPrinter(LatexPrinter):
    """SymPy's LaTeX printer, writing x(n - 1) as x_{n - 1} for integer-indexed sequences."""

    def _print_Function(self, expr: sp.Basic, exp: str | None = None) -> str:
        if isinstance(expr, AppliedUndef) and len(expr.args) == 1 and expr.args[0].is_integer:
            name = self._settings["symbol_names"].get(expr.func, str(expr.func))
            text = f"{name}_{{{self._print(expr.args[0])}}}"
            return f"{text}^{{{exp}}}" if exp else text
        return super()._print_Function(expr, exp)


    def _print_Mul(self, expr: sp.Mul) -> str:
        coefficient, rest = expr.as_coeff_Mul()
        decimal = _decimal(coefficient)
        if decimal is None or rest == 1:
            return super()._print_Mul(expr)
        return f"{decimal} \\, {self._print(rest)}"

    def _print_Rational(self, expr: sp.Rational) -> str:
        decimal = _decimal(expr)
        return decimal if decimal is not None else super()._print_Rational(expr)


def _decimal(number: sp.Basic) -> str | None:
    """1/10^k as 10^{-k}, 17/100 as 0.17: how measured values are written; None otherwise."""
    if not isinstance(number, sp.Rational) or number.is_Integer:
        return None
    q = int(number.q)
    digits = len(str(q)) - 1
    if q != 10**digits:
        return None
    if abs(number.p) == 1 and digits > 3:
        return ("-" if number.p < 0 else "") + f"10^{{-{digits}}}"
    return f"{float(number):.{digits}f}"


def printer_for(derivation: Derivation) -> HandoutPrinter:
    names = {q.head: q.latex for q in derivation.symbols if q.latex}
    return HandoutPrinter({"symbol_names": names})


def latex_claim(claim: Claim, printer: HandoutPrinter) -> str:
    relation = r"\approx" if claim.approximate else "="
    return f"{printer.doprint(claim.lhs)} {relation} {printer.doprint(claim.rhs)}"


def latex_symbol(quantity: Quantity, printer: HandoutPrinter) -> str:
    head = quantity.head
    if isinstance(head, sp.core.function.UndefinedFunction):
        return printer.doprint(head(sp.Symbol("n", integer=True)))
    return printer.doprint(head)


def _named_units() -> list[tuple[dict, str]]:
    """Dimensions that have a name or a usual compound unit, tried before SI base units."""
    from sympy.physics.units import (amount_of_substance, capacitance, charge, current, energy, force, length,
                                     mass, temperature, time, voltage)
    from sympy.physics.units.definitions.dimension_definitions import conductance

    area = length**2
    named = [
        (voltage, "V"), (energy, "J"), (charge, "C"), (current, "A"), (capacitance, "F"), (conductance, "S"),
        (force, "N"), (energy / temperature, r"J\,K^{-1}"), (charge / amount_of_substance, r"C\,mol^{-1}"),
        (energy / (temperature * amount_of_substance), r"J\,K^{-1}\,mol^{-1}"),
        (current / area, r"A\,m^{-2}"), (conductance / area, r"S\,m^{-2}"), (capacitance / area, r"F\,m^{-2}"),
        (mass / (length * time), r"Pa\,s"), (amount_of_substance / length**3, r"mol\,m^{-3}"),
        (amount_of_substance / (area * time), r"mol\,m^{-2}\,s^{-1}"), (voltage / time, r"V\,s^{-1}"),
        (1 / amount_of_substance, r"mol^{-1}"),
    ]
    return [(as_dims(dimension), unit) for dimension, unit in named]


def latex_unit(quantity: Quantity) -> str:
    """The SI unit of the quantity's dimension (V, J/K, m^2 s^-1, ...); '1' when dimensionless."""
    dims = as_dims(quantity.dimension)
    if not dims:
        return "1"
    for candidate, unit in _named_units():
        if candidate == dims:
            return r"\mathrm{" + unit + "}"
    parts = []
    for base, power in sorted(dims.items(), key=lambda item: -item[1]):
        unit = SI_UNIT.get(base, base)
        parts.append(unit if power == 1 else f"{unit}^{{{power}}}")
    return r"\mathrm{" + r"\,".join(parts) + "}"
