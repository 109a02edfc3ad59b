"""How symbols look in the handouts: sequences as subscripts, declared LaTeX names, SI units."""

from __future__ import annotations

import decimal
import functools

import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.printing.latex import LatexPrinter

from derive.model import Claim, Derivation, Quantity
from derive.units import as_dims

SI_UNIT = {"length": "m", "time": "s", "mass": "kg", "temperature": "K", "current": "A",
           "amount_of_substance": "mol", "luminous_intensity": "cd"}


class HandoutPrinter(LatexPrinter):
    """SymPy's LaTeX printer, writing x(n - 1) as x_{n - 1} for integer-indexed sequences.

    `sequences` are the functions written so (the random sequences); None means any function
    at an integer argument, while a function of time such as n(t) stays n(0) at t = 0.
    """

    _default_settings = {**LatexPrinter._default_settings, "sequences": None}

    def _print_Function(self, expr: sp.Basic, exp: str | None = None) -> str:
        sequences = self._settings["sequences"]
        if (isinstance(expr, AppliedUndef) and len(expr.args) == 1 and expr.args[0].is_integer
                and (sequences is None or expr.func in sequences)):
            name = self._settings["symbol_names"].get(expr.func) or self._print(sp.Symbol(expr.func.__name__))
            if "_" in name or "^" in name:  # V_m(0) as {V_{m}}_{0}: TeX forbids a double subscript
                name = f"{{{name}}}"
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
    sequences = frozenset(q.head for q in derivation.symbols
                          if q.random and isinstance(q.head, sp.core.function.UndefinedFunction))
    return HandoutPrinter({"symbol_names": names, "sequences": sequences})


def claim_sides(claim: Claim, printer: HandoutPrinter) -> tuple[str, str, str]:
    """The left side, the relation (= or \\approx) and the right side, as LaTeX."""
    return printer.doprint(claim.lhs), r"\approx" if claim.approximate else "=", printer.doprint(claim.rhs)


def latex_claim(claim: Claim, printer: HandoutPrinter) -> str:
    return " ".join(claim_sides(claim, printer))


def latex_symbol(quantity: Quantity, printer: HandoutPrinter) -> str:
    head = quantity.head
    if isinstance(head, sp.core.function.UndefinedFunction):
        if quantity.random:  # a sequence x(n), written x_n
            return printer.doprint(head(sp.Symbol("n", integer=True)))
        return quantity.latex or printer.doprint(sp.Symbol(quantity.name))  # a function V(t): its name
    return printer.doprint(head)


@functools.cache
def _named_units() -> list[tuple[dict, str]]:
    """Dimensions that have a name or a usual compound unit, tried before SI base units, each with
    its LaTeX: letters upright in \\mathrm, Ω outside it (XeLaTeX's text font has no Ω)."""
    from sympy.physics.units import (amount_of_substance, capacitance, charge, current, energy, force, length,
                                     mass, temperature, time, voltage)
    from sympy.physics.units.definitions.dimension_definitions import conductance, impedance

    def rm(unit: str) -> str:
        return r"\mathrm{" + unit + "}"

    area = length**2
    named = [
        (voltage, rm("V")), (energy, rm("J")), (charge, rm("C")), (current, rm("A")), (capacitance, rm("F")),
        (conductance, rm("S")), (force, rm("N")), (energy / temperature, rm(r"J\,K^{-1}")),
        (charge / amount_of_substance, rm(r"C\,mol^{-1}")),
        (energy / (temperature * amount_of_substance), rm(r"J\,K^{-1}\,mol^{-1}")),
        (current / area, rm(r"A\,m^{-2}")), (conductance / area, rm(r"S\,m^{-2}")),
        (capacitance / area, rm(r"F\,m^{-2}")), (mass / (length * time), rm(r"Pa\,s")),
        (amount_of_substance / length**3, rm(r"mol\,m^{-3}")),
        (amount_of_substance / (area * time), rm(r"mol\,m^{-2}\,s^{-1}")), (voltage / time, rm(r"V\,s^{-1}")),
        (1 / amount_of_substance, rm(r"mol^{-1}")), (capacitance / length, rm(r"F\,m^{-1}")),
        (charge / area, rm(r"C\,m^{-2}")),
        (impedance, r"\Omega"), (impedance * length, r"\Omega" + rm(r"\,m")),
        (impedance * area, r"\Omega" + rm(r"\,m^{2}")),
        (length / time * impedance ** sp.Rational(1, 2), rm(r"m\,s^{-1}\,") + r"\Omega^{1/2}"),
    ]
    return [(as_dims(dimension), unit) for dimension, unit in named]


def latex_unit(quantity: Quantity) -> str:
    """The SI unit of the quantity's dimension (V, J/K, m^2 s^-1, ...); '1' when dimensionless."""
    dims = as_dims(quantity.dimension)
    if not dims:
        return "1"
    for candidate, unit in _named_units():
        if candidate == dims:
            return unit
    parts = []
    for base, power in sorted(dims.items(), key=lambda item: -item[1]):
        unit = SI_UNIT.get(base, base)
        parts.append(unit if power == 1 else f"{unit}^{{{power}}}")
    return r"\mathrm{" + r"\,".join(parts) + "}"


def latex_value(value: sp.Basic, printer: HandoutPrinter) -> str:
    """A value as a reader writes it (1.380649 × 10^{-23} J/K, 293.15 K, 0.3); else as SymPy prints it."""
    value = sp.sympify(value)
    number, unit = value.as_coeff_Mul()
    if not number.is_Rational or number.is_Integer and abs(number) < 10**6:
        return printer.doprint(value)
    places = next((k for k in range(40) if (number * 10**k).is_Integer), None)
    if places is None:
        return printer.doprint(value)
    exact = decimal.Decimal(int(number * 10**places)).scaleb(-places).normalize()
    if abs(exact.adjusted()) < 6:
        text = f"{exact:f}"
    else:
        mantissa = exact.scaleb(-exact.adjusted()).normalize()
        text = f"{mantissa:f} \\times 10^{{{exact.adjusted()}}}"
    return text if unit == 1 else f"{text} \\, {printer.doprint(unit)}"
