"""The expectation rules: linearity always, factorising only with declared independence."""

from __future__ import annotations

import sympy as sp
import sympy.stats as stats

from derive.expectation import E, factorise, linear, moments, unlicensed_products

n, a, L = sp.symbols("n a L", positive=True)
x, k = sp.Function("x"), sp.Function("k")
RANDOM = {x, k}


def is_random(head):
    return head in RANDOM


def test_linearity_expands_squares_and_pulls_out_constants():
    assert linear(E(a * (x(n) + k(n)) ** 2 + 3), is_random) == (
        a * E(x(n) ** 2) + 2 * a * E(x(n) * k(n)) + a * E(k(n) ** 2) + 3
    )


def test_expectation_of_a_constant_is_the_constant():
    assert linear(E(a * L), is_random) == a * L


def test_factorise_splits_declared_independent_variables_only():
    declared = [frozenset({x(n - 1), k(n)})]
    assert factorise(E(x(n - 1) * k(n) ** 2), is_random, declared) == E(x(n - 1)) * E(k(n) ** 2)
    assert factorise(E(x(n) * k(n)), is_random, declared) == E(x(n) * k(n))


def test_unlicensed_products_names_the_variables():
    declared = [frozenset({x(n - 1), k(n)})]
    assert unlicensed_products(E(x(n)) * E(k(n)), is_random, declared) == [{x(n), k(n)}]
    assert unlicensed_products(E(x(n - 1)) * E(k(n)), is_random, declared) == []


def test_moments_come_from_the_declared_distribution():
    coin = stats.FiniteRV("c", {L: sp.Rational(1, 2), -L: sp.Rational(1, 2)})
    assert moments(E(k(n) ** 2) + E(k(n)), k, coin, is_random) == L**2
    assert moments(E(k(n) ** 4), k, coin, is_random) == L**4
