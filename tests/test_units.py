"""Dimensions: every term of a sum agrees, function arguments are dimensionless."""

from __future__ import annotations

import pytest
import sympy as sp
from sympy.physics.units import energy, length, mass, meter, millisecond, second, temperature, time

from derive.expectation import E
from derive.units import DimensionError, DimensionWalker

L, T, t, m, zeta, D, k_B = sp.symbols("L T t m zeta D k_B", positive=True)
x = sp.Function("x")
nu = sp.Symbol("nu", real=True)
WALKER = DimensionWalker({
    nu: 1,
    L: length, T: temperature, t: time, m: mass, zeta: mass / time, D: length**2 / time,
    k_B: energy / temperature, x: length,
})


def test_einstein_relation_is_dimensionally_consistent():
    assert WALKER.check_equation(zeta * D, k_B * T) == {"mass": 1, "length": 2, "time": -2}


def test_sum_of_a_length_and_a_time_names_both_terms():
    with pytest.raises(DimensionError, match=r"the terms of L \+ t disagree: (L|t) has dimension"):
        WALKER.of(L + t)


def test_difference_of_unlike_terms_does_not_collapse_to_zero():
    # Substituting units would turn zeta*D - k_B into 0 * unit; the walker must not.
    with pytest.raises(DimensionError, match="the two sides disagree"):
        WALKER.check_equation(zeta * D, k_B)


def test_exponential_of_a_temperature_is_rejected():
    with pytest.raises(DimensionError, match=r"the argument of exp must be dimensionless, but T has dimension temperature"):
        WALKER.of(sp.exp(T))


def test_logarithm_of_a_ratio_is_dimensionless():
    assert WALKER.of(sp.log(L / (D * t) ** sp.Rational(1, 2))) == {}


def test_power_of_a_dimensional_base_needs_a_numeric_exponent():
    with pytest.raises(DimensionError, match=r"its exponent must be a number"):
        WALKER.of(L**nu)


def test_zero_takes_the_dimension_of_the_other_side():
    assert WALKER.check_equation(E(x(t)), 0) == {"length": 1}


def test_expectation_derivative_and_integral_carry_dimensions():
    assert WALKER.of(E(x(t) ** 2)) == {"length": 2}
    assert WALKER.of(sp.Derivative(x(t), t)) == {"length": 1, "time": -1}
    assert WALKER.of(sp.Integral(x(t), (t, 0, T * 0 + t))) == {"length": 1, "time": 1}


def test_units_have_their_quantity_dimension():
    assert WALKER.check_equation(D, meter**2 / second) == {"length": 2, "time": -1}
    with pytest.raises(DimensionError):
        WALKER.check_equation(t, meter * millisecond)


def test_undeclared_symbol_is_named():
    with pytest.raises(DimensionError, match=r"symbol w has no declared dimension"):
        WALKER.of(sp.Symbol("w") * L)
