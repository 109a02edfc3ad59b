"""The falsifier: looks for a point where an obligation's two sides differ.

The sample design covers each symbol's whole declared range: small integers first (a
counterexample a reader can check by hand), then moderate values, then extreme magnitudes
(10^-30 to 10^30 for reals, up to 10^12 for integers), and complex values for symbols not
declared real. Points are exact rationals; unit quantities are written in SI base units
(so 1 km = 1000 m is exact) and the base units sampled as positive values.

Comparisons are scale-free, with no floor near zero: at a point, the two sides are evaluated
in 30 digits; a difference there is confirmed at 70, 150 and 310 digits, since cancellation
can leave rounding noise of any size. A difference that shrinks as the precision grows is noise
(the sides are equal); one that stays the same at three precisions in a row is real, however
small the values are; a point where it does neither is skipped.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction

import mpmath
import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.physics import units as u
from sympy.physics.units import Quantity as UnitQuantity

from derive.expectation import Expectation
from derive.model import Derivation, Obligation
from derive.report import Counterexample
from derive.timelimit import TimeLimitExceeded, time_limit

OPAQUE = (Expectation, AppliedUndef, sp.Derivative, UnitQuantity, sp.Integral, sp.Limit, sp.Sum, sp.Subs)
SI_BASE = (u.meter, u.second, u.kilogram, u.kelvin, u.ampere, u.mole, u.candela)
PRECISIONS = (30, 70, 150, 310)  # digits; the first decides when the sides agree there


@dataclass(frozen=True)
class Design:
    """How many points of each kind, and how long one may take."""

    points: int = 24
    integer_points: int = 8
    wide_points: int = 6
    minimum: int = 12  # fewer points evaluated than this and the step cannot be judged
    seconds_per_point: float = 0.5


@dataclass
class Falsification:
    points: int  # points where both sides could be evaluated and compared
    counterexample: Counterexample | None = None
    sign: int = 1
    skipped: int = 0  # points where a side could not be evaluated (a pole, a branch cut, a time-out)


def exact(expr: sp.Basic) -> sp.Basic:
    """Decimals written as floats (0.1, 6.02214076e23) read as the exact decimals they show."""
    expr = sp.sympify(expr)
    floats = expr.atoms(sp.Float)
    return expr.xreplace({f: sp.Rational(str(f)) for f in floats}) if floats else expr


def in_base_units(expr: sp.Basic) -> sp.Basic:
    """Every unit quantity (km, mV, planck) replaced by its exact value in SI base units."""
    units = [q for q in sp.sympify(expr).atoms(UnitQuantity) if q not in SI_BASE]
    if not units:
        return expr
    return expr.xreplace({q: exact(u.convert_to(q, list(SI_BASE))) for q in units})


def opaque_atoms(expr: sp.Basic) -> set[sp.Basic]:
    """Outermost E[...], x(n), derivatives of unknown functions and units: sampled as values."""
    found: set[sp.Basic] = set()

    def visit(node: sp.Basic) -> None:
        if isinstance(node, OPAQUE):
            found.add(node)
            return
        for arg in node.args:
            visit(arg)

    visit(sp.sympify(expr))
    return found


class Sampler:
    """Evaluates obligations at points that respect the symbols' assumptions and ranges."""

    def __init__(self, derivation: Derivation, design: Design, seed: str):
        self.derivation, self.design = derivation, design
        self.random = random.Random(seed)

    def falsify(self, obligation: Obligation, confirm: bool = False) -> Falsification:
        """The first point where the sides differ, if any. With `confirm`, every comparison is made
        at 150 and 310 digits, so relative differences down to about 1e-140 are seen (for steps SymPy
        cannot prove)."""
        try:
            return self._falsify(obligation, confirm)
        except (TimeLimitExceeded, RecursionError):
            raise
        except Exception:  # noqa: BLE001 - an expression lambdify cannot compile: there is no value to compare
            return Falsification(0)

    def _falsify(self, obligation: Obligation, confirm: bool) -> Falsification:
        claimed = in_base_units(exact(obligation.claimed))
        produced = in_base_units(exact(obligation.produced))
        opaque = opaque_atoms(claimed) | opaque_atoms(produced)
        stand_ins = {atom: sp.Dummy(sp.sstr(atom), **_sign_of(atom)) for atom in sorted(opaque, key=sp.default_sort_key)}
        claimed, produced = claimed.xreplace(stand_ins), produced.xreplace(stand_ins)
        if claimed.has(sp.zoo, sp.nan) or produced.has(sp.zoo, sp.nan):
            return Falsification(0)  # a division by zero (zoo) or 0/0 (nan): there is no value to compare
        free = sorted(claimed.free_symbols | produced.free_symbols, key=lambda s: s.name)
        atom_of = {dummy: atom for atom, dummy in stand_ins.items()}
        names = {s: sp.sstr(atom_of[s]) if s in atom_of else s.name for s in free}
        evaluate = sp.lambdify(free, [claimed, produced], modules="mpmath", docstring_limit=0)
        magnitude = _Magnitude(free, claimed, produced)
        if _interval_safe(claimed) and _interval_safe(produced):
            enclose = sp.lambdify(free, [claimed, produced], modules=[_INTERVAL, "mpmath"], docstring_limit=0)
        else:
            enclose = None
        kinds = [_kind(s, self.derivation.quantity(s), atom_of.get(s)) for s in free]

        compared: list[tuple[list[Fraction], list[Comparison]]] = []
        skipped = 0
        landmarks = _landmarks(claimed, produced)
        for point in self._points(kinds, landmarks):
            precisions = PRECISIONS[2:] if confirm else PRECISIONS
            readings = None
            if enclose is not None and all(isinstance(v, Fraction) for v in point):
                readings = _enclosed(enclose, point, self.design.seconds_per_point, obligation.either_sign, precisions)
            if readings is None:
                readings = _compare(evaluate, point, self.design.seconds_per_point, obligation.either_sign, precisions,
                                    magnitude)
            if readings is None:
                skipped += 1
                continue
            compared.append((point, readings))
            if len(compared) >= self.design.points + 2 * len(landmarks):
                break
        sign = _preferred_sign(obligation, lambda s: sum(r[_index(s)].equal for _, r in compared))
        for point, readings in compared:
            reading = readings[_index(sign)]
            if not reading.equal:
                example = Counterexample(
                    {names[s]: _show_exact(v) for s, v in zip(free, point)},
                    *_shown_apart(reading.claimed, reading.produced if sign == 1 else -reading.produced),
                    obligation.claimed_shows, obligation.shows or "the rule",
                )
                return Falsification(len(compared), example, sign, skipped)
        return Falsification(len(compared), sign=sign, skipped=skipped)

    def _points(self, kinds: Sequence[_Kind], landmarks: Sequence[Fraction] = ()) -> Iterator[list[Fraction]]:
        """All ones first (the easiest point to check by hand), then other small integers, then
        moderate values, then extreme ones, then values near the scales the expression itself names
        (Heaviside(p - 10**40) changes at 10**40, however far that is); then more of every kind,
        for points that failed."""
        design = self.design
        yield [Fraction(min(kind.small, key=lambda v: (abs(v - 1), v))) for kind in kinds]
        small = [[Fraction(self.random.choice(kind.small)) for kind in kinds] for _ in range(design.integer_points - 1)]
        yield from sorted(small, key=lambda point: sum(abs(v) for v in point))
        moderate = design.points - design.integer_points - design.wide_points
        for _ in range(3):  # the design, then twice more for points that could not be evaluated
            for landmark in landmarks:
                for above in (False, True):
                    yield [kind.near(landmark, self.random, above) for kind in kinds]
            for _ in range(moderate):
                yield [kind.draw(self.random) for kind in kinds]
            for _ in range(design.wide_points):
                yield [kind.draw(self.random, wide=True) for kind in kinds]


_INTERVAL = {"mpf": mpmath.iv.mpf, "exp": mpmath.iv.exp, "log": mpmath.iv.log, "sqrt": mpmath.iv.sqrt,
             "sin": mpmath.iv.sin, "cos": mpmath.iv.cos, "tan": mpmath.iv.tan, "pi": mpmath.iv.pi, "e": mpmath.iv.e,
             "fabs": abs}
_INTERVAL_SAFE = (sp.Add, sp.Mul, sp.Pow, sp.exp, sp.log, sp.sin, sp.cos, sp.tan, sp.Abs, sp.Symbol, sp.Number,
                  sp.core.numbers.Pi, sp.core.numbers.Exp1)


def _interval_safe(expr: sp.Basic) -> bool:
    """Whether interval arithmetic (mpmath.iv) can enclose the expression's value rigorously."""
    return all(isinstance(node, _INTERVAL_SAFE) for node in sp.preorder_traversal(expr))


def _enclosed(enclose: Callable, point: list[Fraction], seconds: float, either_sign: bool,
              precisions: Sequence[int]) -> list[Comparison] | None:
    """The comparison by interval arithmetic: the sides differ when the enclosure of their difference
    excludes 0; they agree when it holds 0 at two precisions in a row (or tightly at the first).
    None when the intervals cannot be computed (a branch cut): the plain evaluation decides then."""
    signs = (1, -1) if either_sign else (1,)
    found: list[Comparison] = []
    try:
        with time_limit(seconds):
            for sign in signs:
                held = 0
                for digits in precisions:
                    mpmath.iv.dps = digits
                    values = [mpmath.iv.mpf(v.numerator) / v.denominator for v in point]
                    c, p = (v if isinstance(v, mpmath.iv.mpf) else mpmath.iv.mpf(v) for v in enclose(*values))
                    if not (isinstance(c, mpmath.ctx_iv.ivmpf) and isinstance(p, mpmath.ctx_iv.ivmpf)):
                        return None  # a complex value (a root of a negative number): the plain evaluation decides
                    difference = c - sign * p
                    mid_c, mid_p = c.mid, p.mid
                    if not all(mpmath.isfinite(v) for v in (mid_c, mid_p, difference.delta)):
                        return None
                    if 0 not in difference:
                        with mpmath.workdps(digits):
                            found.append(Comparison(False, mpmath.mpf(mid_c), mpmath.mpf(mid_p)))
                        break
                    held += 1
                    tight = (difference.delta <= max(abs(mid_c), abs(mid_p)) * mpmath.mpf(10) ** (8 - digits)
                             and len(precisions) == len(PRECISIONS))  # a confirmation holds at every precision
                    if held == len(precisions[:2]) or tight:
                        with mpmath.workdps(digits):
                            found.append(Comparison(True, mpmath.mpf(mid_c), mpmath.mpf(mid_p)))
                        break
                else:
                    return None
    except (TimeLimitExceeded, ZeroDivisionError, ValueError, OverflowError, TypeError, ArithmeticError):
        return None
    finally:
        mpmath.iv.dps = 15
    return _for_both_signs(found)


def _for_both_signs(found: list[Comparison]) -> list[Comparison]:
    """[reading as written, reading with produced negated]: one reading serves both when the
    obligation is not read either way round."""
    return found + found[:1] * (2 - len(found))


@dataclass(frozen=True)
class Comparison:
    equal: bool
    claimed: mpmath.mpf | mpmath.mpc
    produced: mpmath.mpf | mpmath.mpc


def _index(sign: int) -> int:
    return 0 if sign == 1 else 1


class _Magnitude:
    """The largest term any sum in the expressions adds up at a point: rounding in a sum is
    relative to its terms, not to its result, so a difference smaller than this in the last digits
    is not seen (cosh(x)**2 - sinh(x)**2 at x = 1e25 is 0 or 1 in any feasible precision)."""

    def __init__(self, free: list[sp.Symbol], *exprs: sp.Basic):
        self.free, self.exprs, self.evaluate = free, exprs, None

    def at(self, point: list, digits: int) -> mpmath.mpf:
        if self.evaluate is None:  # only for a would-be counterexample: compiled on first use
            terms = {a for e in self.exprs for node in sp.preorder_traversal(e) if node.is_Add for a in node.args}
            self.evaluate = sp.lambdify(self.free, list(terms) or [sp.Integer(0)], modules="mpmath", docstring_limit=0)
        with mpmath.workdps(digits):
            values = [mpmath.mpf(v.numerator) / v.denominator if isinstance(v, Fraction) else mpmath.mpmathify(v)
                      for v in point]
            try:
                return max(abs(mpmath.mpmathify(t)) for t in self.evaluate(*values))
            except (ZeroDivisionError, ValueError, OverflowError, TypeError, ArithmeticError):
                return mpmath.inf


def _compare(evaluate: Callable, point: list[Fraction], seconds: float, either_sign: bool,
             precisions: Sequence[int], magnitude: _Magnitude) -> list[Comparison] | None:
    """The comparison of claimed with produced (and with -produced) at one point, or None when
    a side cannot be evaluated there."""
    signs = (1, -1) if either_sign else (1,)
    found: list[Comparison] = []
    try:
        with time_limit(seconds):
            history = [_values(evaluate, point, digits) for digits in precisions[:1]]
            if history[0] is None:
                return None
            for sign in signs:
                found.append(_settle(evaluate, point, sign, history, precisions))
            for index, comparison in enumerate(found):  # a difference lost in the rounding of large terms
                if comparison is not None and not comparison.equal and history[-1] is not None:
                    digits = history[-1][0]
                    with mpmath.workdps(digits + 10):
                        difference = abs(comparison.claimed - signs[index] * comparison.produced)
                        if difference <= magnitude.at(point, digits) * mpmath.mpf(10) ** (8 - digits):
                            return None
    except TimeLimitExceeded:
        return None
    if any(c is None for c in found):
        return None
    return _for_both_signs(found)


def _values(evaluate: Callable, point: list[Fraction], digits: int) -> tuple | None:
    with mpmath.workdps(digits):
        try:
            values = [mpmath.mpf(v.numerator) / v.denominator if isinstance(v, Fraction) else mpmath.mpmathify(v)
                      for v in point]
            c, p = (mpmath.mpmathify(v) for v in evaluate(*values))
        except (ZeroDivisionError, ValueError, OverflowError, TypeError, ArithmeticError):
            return None
        if not all(mpmath.isfinite(v) for v in (c, p)):
            return None
        return digits, c, p


def _settle(evaluate: Callable, point: list[Fraction], sign: int, history: list,
            precisions: Sequence[int]) -> Comparison | None:
    """Raise the precision until the difference is seen to vanish (shrinking with the precision)
    or to stay (the same at three precisions in a row); None if it never settles."""
    previous, steady, first = None, 0, None
    for level, digits in enumerate(precisions):
        if level >= len(history):
            history.append(_values(evaluate, point, digits))
        reading = history[level]
        if reading is None:
            return None
        _, c, p = reading
        with mpmath.workdps(digits + 10):
            difference = c - sign * p
            scale = max(abs(c), abs(p))
            if difference == 0 or abs(difference) <= scale * mpmath.mpf(10) ** (8 - digits):
                return Comparison(True, c, p)
            if first is None:
                first = (digits, abs(difference))
            elif abs(difference) <= first[1] * mpmath.mpf(10) ** (-(digits - first[0]) // 2):
                return Comparison(True, c, p)  # shrinking with the precision: rounding noise
            same = previous is not None and abs(difference - previous) <= abs(difference) * mpmath.mpf(10) ** -6
            steady = steady + 1 if same else 0
            if steady == 2:
                return Comparison(False, c, p)
            previous = difference
    return None


def _preferred_sign(obligation: Obligation, agreements: Callable[[int], int]) -> int:
    """For an equation that may be read either way round, the reading to report on.

    The one whose residual is simpler (an equation written right to left leaves 0; a wrong
    coefficient leaves one term), else the one agreeing at more points; ties: as written.
    """
    if not obligation.either_sign:
        return 1
    try:
        with time_limit(0.5):
            sizes = {s: sp.count_ops(sp.expand(obligation.claimed - s * obligation.produced)) for s in (1, -1)}
        if sizes[1] != sizes[-1]:
            return min(sizes, key=sizes.__getitem__)
    except TimeLimitExceeded:
        pass
    return max((1, -1), key=agreements)


@dataclass(frozen=True)
class _Kind:
    """The values one symbol takes: `small` integers, then draws from its range."""

    small: tuple[int, ...]
    sign: int = 0  # +1 positive, -1 negative, 0 either
    zero: bool = True  # whether 0 is allowed
    integer: bool = False
    complex: bool = False
    bounds: tuple[Fraction, Fraction] | None = None  # a declared sample range: moderate points stay inside
    beyond: _Kind | None = None  # the symbol's whole domain, where the extreme points are drawn

    def near(self, landmark: Fraction, rng: random.Random, above: bool) -> Fraction:
        """A value of this kind's sign below or above a scale the expression names."""
        value = landmark * (Fraction(rng.randint(11, 29), 10) if above else Fraction(rng.randint(1, 9), 10))
        if self.integer:
            value = Fraction(max(round(value), 1))
        sign = self.sign or rng.choice((1, -1))
        return sign * value

    def draw(self, rng: random.Random, wide: bool = False) -> Fraction | mpmath.mpc:
        if wide and self.beyond is not None:  # a sample range never narrows what a claim is checked over
            return self.beyond.draw(rng, wide=True)
        if self.bounds is not None:
            low, high = self.bounds
            if wide and rng.random() < 0.5:  # near an end of the range
                end, inward = (low, 1) if rng.random() < 0.5 else (high, -1)
                offset = (high - low) * Fraction(10) ** -rng.randint(3, 30)
                value = end + inward * offset
            else:
                value = low + (high - low) * Fraction(rng.randint(1, 999), 1000)
            return Fraction(round(value)) if self.integer else value
        if self.integer:
            top = 10 ** rng.randint(3, 12) if wide else 12
            magnitude = Fraction(rng.randint(1, top))
        else:
            exponent = rng.uniform(-30, 30) if wide else rng.uniform(-1, 1)
            magnitude = _decimal(10 ** (exponent % 1)) * Fraction(10) ** int(exponent // 1)
        sign = self.sign or rng.choice((1, -1))
        if self.complex and rng.random() < 0.5:
            with mpmath.workdps(max(PRECISIONS)):
                imaginary = mpmath.mpf(rng.uniform(-3, 3))
                return mpmath.mpc(float(sign * magnitude) if wide else sign * magnitude.numerator / magnitude.denominator,
                                  imaginary)
        return sign * magnitude


def _landmarks(*exprs: sp.Basic) -> list[Fraction]:
    """The magnitudes of the numbers an expression names outside the range the design already covers
    (below 10**-3 or above 10**3), and their reciprocals, at most six; the design adds a point below
    and above each."""
    found: set[Fraction] = set()
    for expr in exprs:
        for number in expr.atoms(sp.Rational):
            value = abs(Fraction(int(number.p), int(number.q)))
            if value and (value > 1000 or value < Fraction(1, 1000)):
                found.update((value, 1 / value))  # p - 10**40 changes at 10**40, and so does p/10**40
    return sorted(found)[:6]


def _decimal(x: float) -> Fraction:
    """x to 6 significant figures, as an exact fraction (a point a reader can type)."""
    return Fraction(f"{x:.6g}")


def _sign_of(atom: sp.Basic) -> dict[str, bool]:
    """The assumptions a stand-in for an opaque atom keeps: real (E[...], x(n) and derivatives of
    real functions are real), and the sign where SymPy knows it (a unit is positive)."""
    if isinstance(atom, UnitQuantity) or atom.is_positive:
        return {"positive": True}
    if atom.is_nonnegative:
        return {"nonnegative": True}
    if atom.is_negative:
        return {"negative": True}
    return {"real": True}


def _kind(symbol: sp.Symbol, quantity, atom: sp.Basic | None) -> _Kind:
    if quantity is not None and quantity.sample is not None:
        low, high = (Fraction(str(v)) for v in quantity.sample)
        if symbol.is_positive and low <= 0:
            low = min(high / 1000, Fraction(1, 1000))  # a positive symbol is never sampled at 0
        allowed = [v for v in range(int(low), int(high) + 1) if low <= v <= high and not (v == 0 and symbol.is_positive)]
        return _Kind(tuple(allowed[:4]) or (low,), integer=bool(symbol.is_integer), bounds=(low, high),
                     beyond=_kind(symbol, None, None))
    if symbol.is_integer:
        if symbol.is_positive:
            return _Kind((1, 2, 3, 4), sign=1, zero=False, integer=True)
        if symbol.is_nonnegative:
            return _Kind((0, 1, 2, 3), sign=1, integer=True)
        if symbol.is_negative:
            return _Kind((-1, -2, -3), sign=-1, zero=False, integer=True)
        return _Kind((-2, -1, 0, 1, 2, 3), integer=True)
    if symbol.is_positive:
        return _Kind((1, 2, 3), sign=1, zero=False)
    if symbol.is_nonnegative:
        return _Kind((0, 1, 2, 3), sign=1)
    if symbol.is_negative:
        return _Kind((-1, -2, -3), sign=-1, zero=False)
    if symbol.is_nonpositive:
        return _Kind((0, -1, -2, -3), sign=-1)
    return _Kind((-2, -1, 0, 1, 2, 3), complex=symbol.is_real is not True)


def _show_exact(value: Fraction | mpmath.mpc) -> str:
    if isinstance(value, Fraction):
        if value.denominator == 1 and abs(value) < 10**15:
            return str(value.numerator)
        with mpmath.workdps(30):
            return mpmath.nstr(mpmath.mpf(value.numerator) / value.denominator, 8)
    return mpmath.nstr(value, 8)


def _shown_apart(a: mpmath.mpf | mpmath.mpc, b: mpmath.mpf | mpmath.mpc) -> tuple[str, str]:
    """Two values that differ, printed with enough digits that they are seen to differ."""
    for digits in (8, 12, 16, 20, 25, 30, 40, 60, 100, 150, 310):
        with mpmath.workdps(digits + 5):
            if mpmath.nstr(a, digits) != mpmath.nstr(b, digits):
                break
    return _show_value(a, digits), _show_value(b, digits)


def _show_value(value: mpmath.mpf | mpmath.mpc, digits: int = 8) -> str:
    if isinstance(value, mpmath.mpc):
        return mpmath.nstr(value, digits)
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    with mpmath.workdps(max(digits, 15) + 5):
        return mpmath.nstr(value, digits)
