"""The Hodgkin-Huxley handout: conversions, limits, rest and stability; two integrators agree."""

from __future__ import annotations

import sympy as sp

from derive.check import check_step
from derive.estimate import Estimate
from derive.library import hodgkin_huxley as hh
from derive.library.hodgkin_huxley import MODERN, V, alpha_n, lam, mV, ms, phi, u
from derive.report import Status
from derive.verify import run_check

HH = hh.derivation


def judge(derivation, label):
    return check_step(derivation, derivation.labels.index(label) + 1)


def test_rate_written_with_the_wrong_sign_convention_is_rejected():
    wrong = HH.with_claim("alpha_n", sp.Eq(alpha_n, phi / ms * sp.Rational(1, 100) * (u - 55) / (1 - sp.exp((u - 55) / 10))))
    assert judge(wrong, "alpha_n").status is Status.FAILED


def test_rate_with_bare_numbers_fails_the_dimension_check():
    wrong = HH.with_claim("alpha_n", sp.Eq(alpha_n, MODERN[alpha_n] * ms))
    result = judge(wrong, "alpha_n")
    assert result.status is Status.FAILED and "dimensionally inconsistent" in result.explain()


def test_wrong_limit_at_the_removable_singularity_is_rejected():
    wrong = HH.with_claim("alpha-n-at-minus-55",
                          sp.Eq(sp.Limit(MODERN[alpha_n].subs(phi, 1), V, -55 * mV), 1 / ms))
    assert judge(wrong, "alpha-n-at-minus-55").status is Status.FAILED


def test_resting_potential_and_stability_are_numerically_only_and_wrong_values_fail():
    assert judge(HH, "resting-potential").status is Status.NUMERIC
    assert judge(HH.with_claim("resting-potential", sp.Eq(V, -70 * mV)), "resting-potential").status is Status.FAILED
    assert judge(HH.with_claim("resting-state-is-stable", sp.Eq(lam, sp.Rational(12, 100) / ms)),
                 "resting-state-is-stable").status is Status.FAILED


def test_integrators_that_disagree_fail_the_agreement_check():
    def shifted(at, rng):
        found = hh.spike_time_dop853(at, rng)
        return Estimate(found.value * 1.001, found.stderr, found.samples, computed=True)

    broken = HH.with_check("spike-time", simulate=shifted)
    result = run_check(broken, next(c for c in broken.checks if c.name == "spike-time"))
    assert not result.passed
