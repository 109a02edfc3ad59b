"""How the handouts print mathematics: one SymPy printer for every format, as a textbook prints it.

Values are written as a reader writes them (105.75 mV, 1.380649 × 10⁻²³ J/K, 1 μF/cm²: decimals
to their stated figures, scientific notation for very large or small numbers, the numeral 1
before a bare unit, products of units by their named unit), the natural logarithm as ln, and
terms in the conventional order (V − E_K, k_B T, ζD). Only the printing changes: the claims the
checker judges are untouched. Sequences x(n) are written x_n, declared LaTeX names are used.
"""

from __future__ import annotations

import decimal
import functools
import re

import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.physics.units import Quantity as UnitQuantity
from sympy.physics.units import time
from sympy.printing.latex import LatexPrinter

from derive.model import Claim, Derivation, Quantity
from derive.units import as_dims

SI_UNIT = {"length": "m", "time": "s", "mass": "kg", "temperature": "K", "current": "A",
           "amount_of_substance": "mol", "luminous_intensity": "cd"}

GREEK = {"alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "iota", "kappa",
         "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega",
         "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Phi", "Psi", "Omega"}

# Products of declared unit symbols that have a named unit (mV × μF/cm² = nC/cm²): the name of
# each unit symbol with its power, and the named unit.
NAMED_PRODUCTS = {
    frozenset({("mV", 1), ("uF", 1)}): r"\mathrm{nC/cm^2}",
    frozenset({("ms", 1), ("uA", 1)}): r"\mathrm{nC/cm^2}",
    frozenset({("uF", 1), ("ms", -1)}): r"\mathrm{mS/cm^2}",
}
_SHORT_UNITS = {r"\mathrm{hour}": r"\mathrm{h}", r"\mathrm{minute}": r"\mathrm{min}", r"\mathrm{day}": r"\mathrm{d}"}

_UPRIGHT = re.compile(r"^(\\mu\s*)?\\mathrm\{[^{}]*(\{[^{}]*\}[^{}]*)*\}$")
_LOWER_FIRST = {"k_B": 1, "T": 2}  # k_B T, as every textbook writes it: these first, Greek next, then the rest


def is_unit_latex(latex: str | None) -> bool:
    """A symbol whose whole LaTeX name is upright (\\mathrm{mV}, \\mu\\mathrm{F/cm^2}) is a unit, not a variable."""
    return bool(latex) and bool(_UPRIGHT.match(latex.strip()))


def is_unit_symbol(quantity: Quantity) -> bool:
    """A declared symbol that stands for a unit (one millivolt), which a symbols table does not list."""
    return isinstance(quantity.head, sp.Symbol) and is_unit_latex(quantity.latex)


def _rank(symbol: sp.Symbol, units: frozenset, times: frozenset = frozenset()) -> int:
    """Where a factor goes in a product: numbers, counts (n L², z F), k_B, T, Greek letters, other
    symbols, times, differences, units."""
    if symbol in units:
        return 9
    if symbol.is_integer:
        return 0
    name = symbol.name
    if name in _LOWER_FIRST:
        return _LOWER_FIRST[name]
    base = re.split(r"[_']", name)[0]
    if base == "Delta":  # a difference goes last: C ΔV and v Δt, not ΔV C or Δt v
        return 7
    if symbol in times:  # a time goes after what it multiplies: 2Dt, v s, Fτ/m
        return 6
    return 3 if base in GREEK else 5


def number_text(number: sp.Rational) -> str | None:
    """An exact decimal as a reader writes it (105.75, 0.36, 1.380649 \\times 10^{-23}); None when the
    number has no finite decimal expansion (1/3)."""
    number = sp.Rational(number)
    q = int(number.q)
    twos_fives = q
    for prime in (2, 5):
        while twos_fives % prime == 0:
            twos_fives //= prime
    if twos_fives != 1:
        return None
    places = 0
    while not (number * 10**places).is_Integer:
        places += 1
    exact = decimal.Decimal(int(number * 10**places)).scaleb(-places)
    if exact == 0:
        return "0"
    exponent = exact.adjusted()
    if len(exact.normalize().as_tuple().digits) > _LONGEST:  # F = 96485.33212… C/mol, as CODATA lists it
        cut = exact.quantize(decimal.Decimal(1).scaleb(exponent - _LONGEST + 1), rounding=decimal.ROUND_DOWN)
        return _plain_or_scientific(cut, exponent, tail=r"\ldots")
    return _plain_or_scientific(exact, exponent)


_LONGEST = 10  # significant digits printed before an exact value's tail is cut to "…"


def _plain_or_scientific(exact: decimal.Decimal, exponent: int, tail: str = "") -> str:
    """A decimal as it is (0.36, 105.75) when modest, else in scientific notation (1.380649 × 10^{-23});
    `tail` follows the digits (an ellipsis for a cut value)."""
    if not tail:
        exact = exact.normalize()
    if -3 <= exponent < 6:
        return f"{exact:f}{tail}"
    mantissa = exact.scaleb(-exponent)
    if mantissa in (1, -1) and not tail:
        return f"{'-' if mantissa < 0 else ''}10^{{{exponent}}}"
    return f"{mantissa:f}{tail} \\times 10^{{{exponent}}}"


def _decimal(number: sp.Basic) -> str | None:
    """A rational with a power of ten below it (17/100, 1/10^9) as a decimal; None otherwise.
    Other fractions inside formulas stay fractions (m v²/2 is not 0.5 m v²)."""
    if not isinstance(number, sp.Rational) or number.is_Integer:
        return None
    q = int(number.q)
    if q != 10 ** (len(str(q)) - 1):
        return None
    return number_text(number)


_POWERS = dict(zip("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-"))


def tex_unicode(tex: str) -> str:
    """A unit written with Unicode in its name (μF/cm², set by SymPy inside \\mathrm) as TeX that
    every font has: \\mu outside the upright group, powers as superscripts."""
    tex = re.sub(r"\\mathrm\{μ", r"\\mu\\mathrm{", tex).replace("μ", r"\mu ")
    return re.sub(r"[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+", lambda m: "^{" + "".join(_POWERS[c] for c in m.group()) + "}", tex)


class HandoutPrinter(LatexPrinter):
    """SymPy's LaTeX printer as a textbook prints: values with units, ln, k_B T, V − E_K, x_n.

    `sequences` are the functions written as subscripted sequences (the random sequences); None
    means any function at an integer argument, while a function of time such as n(t) stays n(0)
    at t = 0. `units` are the declared symbols that stand for units (mV, ms in the HH handout).
    """

    _default_settings = {**LatexPrinter._default_settings, "sequences": None, "units": frozenset(),
                         "ln_notation": True, "symbols": None, "original": {}, "times": frozenset()}

    def doprint(self, expr: sp.Basic) -> str:
        """Print with the factors of every product in the conventional order (k_B T, ζ D)."""
        expr = sp.sympify(expr)
        units = frozenset(self._settings["units"])
        names = dict(self._settings["symbol_names"])
        renamed: dict[sp.Symbol, sp.Symbol] = {}
        for symbol in expr.free_symbols:
            if not isinstance(symbol, sp.Symbol) or isinstance(symbol, sp.Dummy):
                continue
            rank = _rank(symbol, units, self._settings["times"])  # then the name, case aside: 2π a L, not 2π L a
            new = sp.Symbol(f"{rank}{symbol.name.casefold()}{symbol.name}", **symbol.assumptions0)
            renamed[symbol] = new
            names[new] = self._upright_labels(names.get(symbol) or super()._print_Symbol(symbol))
        saved = self._settings["symbol_names"], self._settings["units"], self._settings.get("original", {})
        self._settings["symbol_names"] = names
        self._settings["units"] = units | {renamed[u] for u in units if u in renamed}
        self._settings["original"] = {new: old for old, new in renamed.items()}
        try:
            return tex_unicode(super().doprint(expr.xreplace(renamed) if renamed else expr))
        finally:
            self._settings["symbol_names"], self._settings["units"], self._settings["original"] = saved

    def _upright_labels(self, tex: str) -> str:
        """A one-capital subscript that names no symbol of the handout is a label, set upright:
        k_B, N_A, E_K, as P_{Na} already is; x_N after N steps stays italic."""
        symbols = self._settings["symbols"]
        if symbols is None:
            return tex
        return re.sub(r"_\{([A-Z])\}", lambda m: m.group() if m.group(1) in symbols else rf"_{{\mathrm{{{m.group(1)}}}}}",
                      tex)

    def value(self, expr: sp.Basic) -> str:
        """The side of an equation or a value put in: a bare unit gets its numeral (1 μF/cm², not μF/cm²)."""
        expr = sp.sympify(expr)
        if expr != 1 and self._units_only(sp.Mul.make_args(expr)):
            return tex_unicode("1 \\, " + self._units_text(sp.Mul.make_args(expr)))
        return self.doprint(expr)

    def _is_unit(self, factor: sp.Basic) -> bool:
        base = factor.base if factor.is_Pow and factor.exp.is_Rational else factor
        return isinstance(base, UnitQuantity) or base in self._settings["units"]

    def _units_only(self, factors: tuple) -> bool:
        return bool(factors) and all(self._is_unit(f) for f in factors)

    def _unit_name(self, unit: sp.Basic) -> str:
        if isinstance(unit, UnitQuantity):
            name = super()._print(unit).replace(r"\text{", r"\mathrm{")
            return _SHORT_UNITS.get(name, name)
        return self._settings["symbol_names"].get(unit) or unit.name

    def _units_text(self, factors: tuple) -> str:
        """Units upright: numerator, then '/' and the denominator (or negative powers: ms^{-1})."""
        powers = []
        for factor in factors:
            base, exp = (factor.base, factor.exp) if factor.is_Pow else (factor, sp.Integer(1))
            powers.append((base, exp))
        original = self._settings.get("original", {})
        key = frozenset((str(original.get(b, b)), int(e)) for b, e in powers if not isinstance(b, UnitQuantity)
                        and e.is_Integer)
        if len(key) == len(powers) and key in NAMED_PRODUCTS:
            return NAMED_PRODUCTS[key]

        def power(name: str, exp: sp.Rational) -> str:
            return name if exp == 1 else f"{name}^{{{exp}}}"

        numerator = [power(self._unit_name(b), e) for b, e in powers if e > 0]
        numerator.sort(key=lambda text: r"\Omega" not in text)  # Ω cm², as resistivities are written
        denominator = [(self._unit_name(b), e) for b, e in powers if e < 0]
        slash = (numerator and len(denominator) == 1
                 and not any("/" in text for text in numerator + [denominator[0][0]]))
        if slash:
            return r"\,".join(numerator) + "/" + power(denominator[0][0], -denominator[0][1])
        return r"\,".join(numerator + [power(name, e) for name, e in denominator])

    def _print_Function(self, expr: sp.Basic, exp: str | None = None) -> str:
        sequences = self._settings["sequences"]
        declared = self._settings["symbol_names"].get(expr.func) if isinstance(expr, AppliedUndef) else None
        if (isinstance(expr, AppliedUndef) and len(expr.args) == 1 and expr.args[0].is_integer
                and (sequences is None or expr.func in sequences)):
            name = declared or self._print(sp.Symbol(expr.func.__name__))
            if "_" in name or "^" in name:  # V_m(0) as {V_{m}}_{0}: TeX forbids a double subscript
                name = f"{{{name}}}"
            text = f"{name}_{{{self._print(expr.args[0])}}}"
            return f"{text}^{{{exp}}}" if exp else text
        if declared:  # θ(a, R_i), as the symbols table names it
            name = f"{{{declared}}}^{{{exp}}}" if exp else declared
            return f"{name}\\left({', '.join(self._print(a) for a in expr.args)}\\right)"
        return super()._print_Function(expr, exp)

    def _print_Add(self, expr: sp.Add, order: str | None = None) -> str:
        """Positive terms first: V - E_K, not -E_K + V; otherwise SymPy's order."""
        terms = self._as_ordered_terms(expr, order=order)
        terms = [t for t in terms if not t.could_extract_minus_sign()] + [t for t in terms if t.could_extract_minus_sign()]
        decimals = any(_decimal(t.as_coeff_Mul()[0]) is not None for t in terms if not t.is_Rational)
        tex = ""
        for i, term in enumerate(terms):
            if i > 0:
                if term.could_extract_minus_sign():
                    tex += " - "
                    term = -term
                else:
                    tex += " + "
            number = number_text(term) if decimals and term.is_Rational else None  # 0.1 V/mV + 2.5
            term_tex = number or self._print(term)
            if self._needs_add_brackets(term):
                term_tex = r"\left(%s\right)" % term_tex
            tex += term_tex
        return tex

    def _print_Mul(self, expr: sp.Mul) -> str:
        merged = self._one_root(expr)
        if merged is not None:
            return merged
        logs = [f for f in sp.Mul.make_args(expr) if isinstance(f, sp.log)]
        rest = sp.Mul(*[f for f in sp.Mul.make_args(expr) if not isinstance(f, sp.log)])
        if logs and rest.as_numer_denom()[1] != 1:  # (k_B T/z e) ln(c_out/c_in), not one fraction round it
            return f"{self._print(rest)} {self._print(sp.Mul(*logs))}"
        coefficient, rest = expr.as_coeff_Mul()
        factors = sp.Mul.make_args(rest)
        if rest != 1 and coefficient.is_Rational and self._units_only(factors):
            number = number_text(coefficient)  # a value: 105.75 mV, not 423 mV/4
            if number is not None:
                return f"{number} \\, {self._units_text(factors)}"
        decimal_text = _decimal(coefficient)
        if decimal_text is None or rest == 1:
            return super()._print_Mul(expr)
        return f"{decimal_text} \\, {self._print(rest)}"

    def _print_ExpBase(self, expr: sp.Basic, exp: str | None = None) -> str:
        """e^x, but exp(−(V + 65 mV)/(80 mV)) when the exponent is a fraction, which a superscript
        would set too small to read; its terms over one denominator."""
        argument = expr.args[0]
        printed = self._print(argument)
        if r"\frac" not in printed:
            return self._do_exponent(rf"e^{{{printed}}}", exp)  # as LatexPrinter writes it
        numerator, denominator = sp.together(argument).as_numer_denom()
        sign = "- " if numerator.could_extract_minus_sign() else ""
        numerator = -numerator if sign else numerator
        tex = rf"\exp\left({sign}\frac{{{self._print(numerator)}}}{{{self._print(denominator)}}}\right)"
        return f"{tex}^{{{exp}}}" if exp else tex

    def _one_root(self, expr: sp.Mul) -> str | None:
        """Square roots of positive factors under one sign, as a textbook writes λ = √(a R_m/(2 R_i)),
        not √2 √R_m √a/(2 √R_i); the rational coefficient goes under the root when that is simpler."""
        coefficient, rest = expr.as_coeff_Mul()
        roots = [f for f in sp.Mul.make_args(rest) if f.is_Pow and abs(f.exp) == sp.S.Half and f.base.is_positive]
        if len(roots) < 2 or not coefficient.is_Rational:
            return None
        radicand = sp.Mul(*[f.base ** sp.sign(f.exp) for f in roots])
        outside = sp.Mul(*[f for f in sp.Mul.make_args(rest) if f not in roots])
        sign, coefficient = (-1, -coefficient) if coefficient < 0 else (1, coefficient)
        numeric, symbolic = radicand.as_coeff_Mul()
        under = coefficient**2 * numeric
        if abs(under.p) * under.q < abs(coefficient.p) * coefficient.q * abs(numeric.p) * numeric.q:
            radicand, coefficient = under * symbolic, sp.Integer(1)
        before = sign * coefficient * outside
        root = rf"\sqrt{{{self._print(radicand)}}}"
        if before == 1:
            return root
        if before == -1:
            return "- " + root
        return f"{self._print(before)} {root}"

    def _print_Rational(self, expr: sp.Rational) -> str:
        """A number on its own (a function's argument, a term) written from a decimal, 154.515 rather
        than 30903/200, keeps its decimal; simple fractions (1/2, 3/4, 1/3) stay fractions."""
        decimal_text = _decimal(expr)
        if decimal_text is None and (expr.q not in (2, 4) or abs(expr.p) >= 10):
            decimal_text = number_text(expr)
        return decimal_text if decimal_text is not None else super()._print_Rational(expr)

    def _print_Integer(self, expr: sp.Integer) -> str:
        return number_text(expr) if abs(expr) >= 10**6 else str(expr)


def printer_for(derivation: Derivation) -> HandoutPrinter:
    """The printer of one handout: its declared LaTeX names, sequences and unit symbols."""
    names = {q.head: q.latex for q in derivation.symbols if q.latex}
    sequences = frozenset(q.head for q in derivation.symbols
                          if q.random and isinstance(q.head, sp.core.function.UndefinedFunction))
    units = frozenset(q.head for q in derivation.symbols if is_unit_symbol(q))
    return HandoutPrinter({"symbol_names": names, "sequences": sequences, "units": units,
                           "symbols": frozenset(q.name for q in derivation.symbols),
                           "times": frozenset(q.head for q in derivation.symbols if q.dimension == time)})


def stated_figures(number: sp.Rational, figures: int) -> str | None:
    """A decimal to the significant figures its step states, trailing zeros kept (-54.40, 7.0,
    1.20 \\times 10^{-7}); None when the number is not a finite decimal."""
    if number_text(number) is None or number == 0:
        return None
    context = decimal.Context(prec=60)
    exact = context.divide(decimal.Decimal(int(number.p)), decimal.Decimal(int(number.q)))
    exponent = exact.adjusted()
    if -3 <= exponent < 6:
        text = f"{exact.quantize(decimal.Decimal(1).scaleb(exponent - figures + 1), context=context):f}"
        return text if exponent - figures + 1 <= 0 else str(int(exact))
    mantissa = exact.scaleb(-exponent).quantize(decimal.Decimal(1).scaleb(1 - figures), context=context)
    return f"{mantissa:f} \\times 10^{{{exponent}}}"


def _stated_side(side: sp.Basic, printer: HandoutPrinter, figures: int | None) -> str:
    number, unit = sp.sympify(side).as_coeff_Mul()
    text = stated_figures(number, figures) if figures and isinstance(number, sp.Rational) else None
    if text is None:
        return printer.value(side)
    if unit == 1:
        return text
    factors = sp.Mul.make_args(unit)
    units = printer._units_text(factors) if printer._units_only(factors) else printer.doprint(unit)
    return tex_unicode(f"{text} \\, {units}")


def claim_sides(claim: Claim, printer: HandoutPrinter, figures: int | None = None) -> tuple[str, str, str]:
    """The left side, the relation (= or \\approx) and the right side, as LaTeX; a value stated to
    `figures` significant figures keeps its trailing zeros."""
    return (printer.value(claim.lhs), r"\approx" if claim.approximate else "=",
            _stated_side(claim.rhs, printer, figures))


def latex_claim(claim: Claim, printer: HandoutPrinter, figures: int | None = None) -> str:
    return " ".join(claim_sides(claim, printer, figures))


def latex_symbol(quantity: Quantity, printer: HandoutPrinter, applied: sp.Basic | None = None) -> str:
    """A symbol as the symbols table lists it; a function with the arguments the handout gives it
    (`applied`, e.g. θ(a, R_i)), so that θ and θ(a, R_i) are told apart."""
    head = quantity.head
    if isinstance(head, sp.core.function.UndefinedFunction):
        if quantity.random:  # a sequence x(n), written x_n
            return printer.doprint(head(sp.Symbol("n", integer=True)))
        if applied is not None:
            return printer.doprint(applied)
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
    """A value as a reader writes it (1.380649 × 10^{-23} J/K, 293.15 K, 1 m/s, 0.3)."""
    return printer.value(value)


# --- Symbols inside prose ------------------------------------------------------------------

class MathText(str):
    """A piece of prose that is mathematics, as LaTeX (prose_parts returns these beside plain text)."""


_GREEK_LETTERS = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ζ": "zeta", "η": "eta", "θ": "theta",
    "κ": "kappa", "λ": "lambda", "μ": "mu", "ν": "nu", "ξ": "xi", "π": "pi", "ρ": "rho", "σ": "sigma", "τ": "tau",
    "φ": "phi", "χ": "chi", "ψ": "psi", "ω": "omega", "Γ": "Gamma", "Δ": "Delta", "Θ": "Theta", "Λ": "Lambda",
    "Π": "Pi", "Σ": "Sigma", "Φ": "Phi", "Ψ": "Psi", "Ω": "Omega",
}
_LETTER = "A-Za-z" + "".join(_GREEK_LETTERS)
_SUPERSCRIPTS = dict(zip("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻", "0123456789+-"))
_MATH_CHARS = re.compile(r"[" + _LETTER + r"0-9_{}^'′½" + "".join(_SUPERSCRIPTS) + r"·×/()\[\]+\-−=≈∝√∞∂., ]+")
_SYMBOL = re.compile(r"([" + _LETTER + r"])_(\{[^{}]*\}|½|[" + _LETTER + r"0-9∞]+)")
_DANGLING = re.compile(r"_(?![{½" + _LETTER + r"0-9∞])")  # a subscript sign with nothing after it: not a formula
_WORD = re.compile(r"(?<![_A-Za-z])[A-Za-z]{2,}")
_FUNCTIONS = {"ln", "exp", "sin", "cos", "max", "min"}
_OPERATORS = {"∂": r"\partial ", "·": r"\cdot ", "×": r"\times ", "−": "-", "≈": r"\approx ", "∝": r"\propto ", "∞": r"\infty ",
              "′": "'"}


def _mathy(token: str, letters: frozenset[str] = frozenset(), after_operator: bool = False) -> bool:
    """A token that can be part of a formula: symbols, numbers and operators, no English word. A
    run of letters inside a formula token is a product when each letter is a symbol of the
    handout (2Dt, mv², nL²); a token of letters alone is a word (at, an, Dt)."""
    if not token:
        return False
    alone = re.fullmatch(r"[A-Za-z]{2,}", token) is not None
    numbered = re.match(r"[0-9]", token) is not None  # 2ab: a number times symbols
    return all(w in _FUNCTIONS or (not alone and len(w) <= 4 and (set(w) <= letters or numbered and len(w) <= 3))
               or (alone and after_operator and len(w) <= 3 and set(w) <= letters)  # = nm
               for w in _WORD.findall(token))


def _balanced(text: str) -> bool:
    for opening, closing in ("()", "[]"):
        depth = 0
        for c in text:
            depth += {opening: 1, closing: -1}.get(c, 0)
            if depth < 0:
                return False
        if depth:
            return False
    return True


def prose_parts(text: str, printer: HandoutPrinter, derivation: Derivation | None = None) -> list[str]:
    """Prose split into plain text and formulas (MathText): every run of symbols that names a
    subscripted symbol (R_i, k_B T, 2k_B T t/ζ, a/(2R_i), x_n^2) is set as mathematics, with the
    handout's own LaTeX names, so that prose, captions and headings print symbols as the equations do."""
    names = {}
    if derivation is not None:
        for q in derivation.symbols:
            if isinstance(q.head, sp.Symbol):
                names[q.name] = printer.doprint(q.head)
    letters = frozenset(n for n in names if len(n) == 1 and n.isascii() and n.isalpha())
    parts: list[str] = []
    position = 0
    for chunk in _MATH_CHARS.finditer(text):
        for start, end in _formula_spans(chunk.group(), chunk.start(), letters):
            if start > position:
                parts.append(text[position:start])
            parts.append(MathText(_formula_latex(text[start:end], names, printer)))
            position = end
    if position < len(text):
        parts.append(text[position:])
    parts = [part if isinstance(part, MathText) else typeset(part) for part in parts] or [typeset(text)]
    for i in range(1, len(parts)):  # R_i = 100 Ω cm: the unit stays on the line of its number
        if isinstance(parts[i - 1], MathText) and not isinstance(parts[i], MathText) and \
                re.search(r"[0-9]\}*$", parts[i - 1]) and re.match(" (?=" + _UNIT + "|Ω)", parts[i]):
            parts[i] = "\u202f" + parts[i][1:]
    return parts


_ION = r"[A-Z][a-z]?[⁰¹²³⁴⁵⁶⁷⁸⁹]*[⁺⁻]"
_UNIT_NAME = r"[μmkMnpc]?(?:m|s|V|A|F|S|Ω|K|Hz|mol|M|L|J|W|C|g|h)"  # with an SI prefix: mV, μm, kΩ
_UNIT_ALONE = rf"(?:{_UNIT_NAME}[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]*/?)+"  # a whole token: m²/s, s⁻¹
_UNIT = rf"(?:{_UNIT_NAME}(?:[²³⁻¹]*)(?:/\S+)?|°C)(?![A-Za-z])"  # the start of the text after a number
_TYPESET = (
    (re.compile(r" - "), " − "),  # n − 1: a minus between terms
    (re.compile(r"(?<![\w)\]'’⁺⁻²³])-(?=[0-9]|[A-Za-z" + "".join(_GREEK_LETTERS) + r"](?![A-Za-z]))"), "−"),  # −62 mV, −L
    (re.compile(r"(?<=[0-9])-(?=[0-9])"), "–"),  # 20–25: a range
    (re.compile(r"\b(Hodgkin|Goldman|Maxwell|Stokes|Nernst|Mullins|Crank)-(?=Huxley|Hodgkin|Katz|Boltzmann|Einstein"
                r"|Planck|Noda|Nicolson)"), "\\1–"),  # Hodgkin–Huxley: two people's names
    (re.compile(r"(?<=[0-9]) (?=" + _UNIT + ")"), "\u202f"),  # 1 μm: a thin space that does not break
    (re.compile(r"(?:(?<=^)|(?<=[\s(\[]))\""), "“"),
    (re.compile(r"\""), "”"),
    (re.compile(r"(?:(?<=^)|(?<=[\s(\[]))'(?=\w)"), "‘"),
    (re.compile(r"(?<=(?<![A-Za-z])[A-Za-z" + "".join(_GREEK_LETTERS) + r"])'(?![A-Za-z])"), "′"),  # D′, ζ′: a prime
    (re.compile(r"'"), "’"),
)


def typeset(text: str) -> str:
    """Plain prose as print sets it: a minus sign and not a hyphen before a number or a symbol,
    an en dash in a range, no line break between a number and its unit, curly quotes, primes."""
    for pattern, replacement in _TYPESET:
        text = pattern.sub(replacement, text)
    return text


def _formula_spans(chunk: str, offset: int, letters: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Where in a run of formula characters the formulas are: maximal runs of formula tokens
    (separated by single spaces) that contain a subscript, a power, a root or a relation (=, ≈, ∝);
    a number joins a run after an operator (E[x_n] = 0)."""
    tokens = [(m.start(), m.end()) for m in re.finditer(r"\S+", chunk)]
    spans: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []

    def close() -> None:
        while run and (_trimmed_end(chunk, run) is None
                       or not _balanced(chunk[run[0][0]:run[-1][1]].lstrip("(").rstrip(".,:;)"))
                       and not _balanced(chunk[run[0][0]:run[-1][1]])):
            run.pop()
        while run and chunk[run[0][0]:run[0][1]] in {"a", "A", "I", "=", "+", "−", "-", "/"}:
            run.pop(0)
        if not run:
            return
        start, end = run[0][0], _trimmed_end(chunk, run)
        while start < end and chunk[start] in "(" and not _balanced(chunk[start:end]):
            start += 1
        while end > start and chunk[end - 1] in ".,:;" + ")" and (chunk[end - 1] != ")" or not _balanced(chunk[start:end])):
            end -= 1
        piece = chunk[start:end]
        powers = re.sub(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]*[⁺⁻](?![⁰¹²³⁴⁵⁶⁷⁸⁹])", "", piece)  # K⁺, Ca²⁺ are ions, s⁻¹ is a power
        formula = ("_" in piece or "^" in piece or "√" in piece or any(c in _SUPERSCRIPTS for c in powers)
                   or (re.search(r"[=≈∝]", piece) and len(run) >= 3))
        if re.fullmatch(_UNIT_ALONE, piece):  # 0.1 s⁻¹, 1 μm²: a unit, upright text
            formula = False
        if formula and _balanced(piece) and not _DANGLING.search(piece):
            spans.append((offset + start, offset + end))

    for token in tokens:
        raw = chunk[token[0]:token[1]]
        word = raw.strip(".,:;")
        gap = chunk[run[-1][1]:token[0]] if run else " "
        after_operator = bool(run) and chunk[run[-1][1] - 1] in "=≈∝+−-×/("
        number = re.fullmatch(r"[0-9.]+", word) is not None
        after_number = bool(run) and re.search(r"[0-9⁰¹²³⁴⁵⁶⁷⁸⁹]$", chunk[run[-1][0]:run[-1][1]]) is not None
        if (after_number and re.fullmatch(_UNIT_ALONE, word)) or re.fullmatch(_ION, word):
            close()  # D = 10⁻⁹ m²/s: the unit after the number is upright text, and so is an ion (K⁺)
            run = []
        elif _mathy(word, letters, after_operator) and (not number or after_operator) and gap == " ":
            run.append(token)
        else:
            close()
            run = [token] if _mathy(word, letters) and not number else []
        inside = chunk[run[0][0]:token[1]] if run else raw
        open_bracket = inside.count("(") > inside.count(")")  # G(x, t): a comma between arguments
        if raw[-1] in ".,:;" and not re.search(r"[0-9]\.$", raw) and not (raw[-1] == "," and open_bracket):
            close()  # the sentence or clause ends here
            run = []
    close()
    return spans


def _trimmed_end(chunk: str, run: list[tuple[int, int]]) -> int | None:
    """The end of a run without trailing punctuation and operators; None if nothing is left of the last token."""
    end = run[-1][1]
    while end > run[-1][0] and chunk[end - 1] in ".,:;=+−-/":
        end -= 1
    return end if end > run[-1][0] else None


def _formula_latex(formula: str, names: dict[str, str], printer: HandoutPrinter) -> str:
    """A formula written in prose (k_B T/m, √(a/(2R_i)), x_n²) as LaTeX."""
    out: list[str] = []
    i = 0
    declared = sorted((n for n in names if "_" in n), key=len, reverse=True)
    while i < len(formula):
        symbol = _SYMBOL.match(formula, i)
        c = formula[i]
        whole = next((n for n in declared if formula.startswith(n, i)
                      and (not re.match(r"[\w']", following := formula[i + len(n):i + len(n) + 1])
                           or (following in names and n + following not in names))), None)  # k_BT: k_B T
        if whole and (i == 0 or not re.match(r"\w", formula[i - 1])):  # v_drift_r: a declared name, whole
            out.append(names[whole] + " ")
            i += len(whole)
        elif symbol:
            base, sub = symbol.group(1), symbol.group(2).strip("{}")
            name = _GREEK_LETTERS.get(base, base) + "_" + "".join(_GREEK_LETTERS.get(s, s) for s in sub)
            if name in names:
                out.append(names[name] + " ")
            elif sub == "½":  # V_½: the half-activation voltage
                out.append(printer.doprint(sp.Symbol(_GREEK_LETTERS.get(base, base))) + "_{1/2} ")
            elif re.fullmatch(r"[A-Za-z]{2,}", sub):  # E_Na, R_int: a word as subscript is a label, upright
                out.append(printer.doprint(sp.Symbol(_GREEK_LETTERS.get(base, base))) + r"_{\mathrm{" + sub + "}} ")
            else:
                out.append(printer.doprint(sp.Symbol(name)) + " ")
            i = symbol.end()
        elif c == "√" and formula[i + 1:i + 2] == "(":
            depth, j = 0, i + 1
            while j < len(formula):
                depth += {"(": 1, ")": -1}.get(formula[j], 0)
                if depth == 0:
                    break
                j += 1
            out.append(r"\sqrt{" + _formula_latex(formula[i + 2:j], names, printer) + "}")
            i = j + 1
        elif c in _SUPERSCRIPTS:
            j = i
            while j < len(formula) and formula[j] in _SUPERSCRIPTS:
                j += 1
            out.append("^{" + "".join(_SUPERSCRIPTS[s] for s in formula[i:j]) + "}")
            i = j
        elif c == "^" and formula[i + 1:i + 2] == "(":  # e^(−x²): the bracket is the exponent
            depth, j = 0, i + 1
            while j < len(formula):
                depth += {"(": 1, ")": -1}.get(formula[j], 0)
                if depth == 0:
                    break
                j += 1
            out.append("^{" + _formula_latex(formula[i + 2:j], names, printer) + "}")
            i = j + 1
        elif c == "^":
            power = re.match(r"\^(\{[^{}]*\}|-?[0-9]+|.)", formula[i:])
            out.append("^{" + _formula_latex(power.group(1).strip("{}"), names, printer) + "}")
            i += power.end()
        elif c in _GREEK_LETTERS:
            out.append((names.get(_GREEK_LETTERS[c]) or "\\" + _GREEK_LETTERS[c]) + " ")
            i += 1
        elif c == "√" and (radicand := re.match(r"[A-Za-z0-9." + "".join(_GREEK_LETTERS) + r"]+", formula[i + 1:])):
            out.append(r"\sqrt{" + _formula_latex(radicand.group(), names, printer) + "}")  # √n, √100
            i += 1 + radicand.end()
        elif c == "√":
            out.append(r"\surd ")
            i += 1
        elif c in _OPERATORS:
            out.append(_OPERATORS[c])
            i += 1
        elif formula.startswith(tuple(_FUNCTIONS), i) and not formula[i - 1:i].isalpha():
            word = next(f for f in _FUNCTIONS if formula.startswith(f, i))
            out.append("\\" + word + " ")
            i += len(word)
        elif c == " ":
            out.append(r"\, " if out and out[-1][-1:].isdigit() else " ")
            i += 1
        else:
            out.append(c)
            i += 1
    return re.sub(r" (?=[)\]}^_/,])|(?<=[(\[/]) ", "", re.sub(r" +", " ", "".join(out))).strip()
