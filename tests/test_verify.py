"""Numeric checks: the statistical tolerance, its power, and predictions taken from the steps."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from derive import stats
from derive.estimate import Estimate
from derive.library import random_walk as rw
from derive.library.random_walk import E, L, n, x
from derive.model import InputError
from derive.verify import prediction_of, run_check

WALK = rw.derivation


def test_tolerance_gives_a_false_alarm_probability_of_one_in_a_million():
    assert stats.Z == pytest.approx(4.8916, abs=1e-4)
    assert stats.resolution(1.0) == pytest.approx(4.8916 + 2.3263, abs=1e-3)


def test_a_relative_standard_error_of_a_quarter_percent_resolves_two_percent():
    assert stats.resolution(stats.MAX_RELATIVE_STDERR) < stats.DETECTABLE


def test_prediction_puts_in_definitions_for_symbols_the_check_does_not_give():
    check = next(c for c in WALK.checks if c.name == "msd-3d")
    assert sp.simplify(prediction_of(WALK, check) - 3 * n * L**2) == 0


def test_msd_prediction_of_n_L_squared_agrees_with_the_walkers():
    result = run_check(WALK, next(c for c in WALK.checks if c.name == "msd"), seed=0)
    assert result.passed, result.explain()
    assert result.stderr / result.prediction <= stats.MAX_RELATIVE_STDERR


def test_prediction_five_percent_too_large_fails_at_the_default_seed():
    wrong = WALK.with_claim("msd", sp.Eq(E(x(n) ** 2), sp.Rational(105, 100) * n * L**2))
    result = run_check(wrong, next(c for c in wrong.checks if c.name == "msd"), seed=0)
    assert not result.passed
    text = result.explain()
    assert text.startswith("random-walk, check 'msd' (step 'msd') disagrees with the simulation")
    assert "prediction:  1050" in text
    assert abs(result.estimate - result.prediction) > result.tolerance  # the report's own numbers, not a pinned one


def test_refuted_claim_is_rejected_by_its_simulation():
    result = run_check(WALK, next(c for c in WALK.checks if c.name == "article-any-distribution"), seed=0)
    assert result.passed and result.expect == "refuted"
    assert abs(result.estimate - result.prediction) > 10 * result.tolerance


def test_underpowered_simulation_is_a_failed_check():
    def few_walkers(p, rng):
        return Estimate.mean_of(rng.normal(p[n] * p[L] ** 2, p[n] * p[L] ** 2, size=1000))

    weak = WALK.with_check("msd", simulate=few_walkers)
    result = run_check(weak, next(c for c in weak.checks if c.name == "msd"), seed=0)
    assert not result.passed
    assert "is underpowered: relative standard error" in result.problem


def test_seed_changes_the_random_stream_but_not_the_verdict():
    check = next(c for c in WALK.checks if c.name == "msd")
    first, second = run_check(WALK, check, seed=1), run_check(WALK, check, seed=2)
    assert first.estimate != second.estimate
    assert first.passed and second.passed
    assert run_check(WALK, check, seed=1).estimate == first.estimate


def test_prediction_that_cannot_be_evaluated_names_the_missing_symbol():
    partial = WALK.with_check("msd", at={n: 10})
    with pytest.raises(InputError, match=r"check 'msd' needs values for L"):
        run_check(partial, next(c for c in partial.checks if c.name == "msd"))


def test_estimate_of_means_uses_the_delta_method():
    rng = np.random.default_rng(3)
    a = rng.normal(2.0, 1.0, 200_000)
    ratio = Estimate.of_means(lambda u: 1 / u, a)
    # d(1/u)/du = -1/u^2, so stderr ≈ (1/4) * 1/sqrt(N)
    assert ratio.stderr == pytest.approx(0.25 / np.sqrt(200_000), rel=0.02)




def test_computed_check_passes_within_ten_error_estimates_and_fails_beyond():
    def computed(p, rng):
        return Estimate.from_refinement(fine=p[n] * p[L] ** 2 * 1.00001, coarse=p[n] * p[L] ** 2 * 1.00005,
                                        points=1000, order=2)

    close = WALK.with_check("msd", simulate=computed)
    result = run_check(close, next(c for c in close.checks if c.name == "msd"))
    assert result.passed and result.kind == "computed"
    wrong = close.with_claim("msd", sp.Eq(E(x(n) ** 2), sp.Rational(101, 100) * n * L**2))
    result = run_check(wrong, next(c for c in wrong.checks if c.name == "msd"))
    assert not result.passed
    assert "beyond 10 times its error estimate" in result.problem
    assert "(error estimate from refinement, 1000 points)" in result.explain()


def test_unresolved_computation_is_a_failed_check():
    def rough(p, rng):
        return Estimate.from_refinement(fine=p[n] * p[L] ** 2, coarse=p[n] * p[L] ** 2 * 1.1, points=10, order=1)

    rough_check = WALK.with_check("msd", simulate=rough)
    result = run_check(rough_check, next(c for c in rough_check.checks if c.name == "msd"))
    assert not result.passed and result.problem.startswith("is not resolved")


def test_non_finite_simulation_result_is_a_failed_check():
    nan = WALK.with_check("msd", simulate=lambda p, rng: Estimate(float("nan"), 1.0, 10))
    result = run_check(nan, next(c for c in nan.checks if c.name == "msd"))
    assert not result.passed and "non-finite" in result.problem


def test_rounding_is_half_a_unit_in_the_last_stated_figure():
    from derive.verify import rounding

    assert rounding(13.27512, 7) == pytest.approx(5e-6)
    assert rounding(1397.0, 5) == pytest.approx(0.05)
    assert rounding(0.0, 3) == 0.0 and rounding(5.0, None) == 0.0


def test_measured_step_without_a_check_that_names_it_is_bad_input():
    from derive import pipeline
    from derive.library import hodgkin_huxley as hh

    orphan = hh.derivation.with_check("pulse-threshold", step="spike-height")
    with pytest.raises(InputError, match="pulse-threshold.*no check of that name"):
        pipeline.check([orphan], symbolic_only=True)


def test_prediction_outside_its_functions_domain_fails_the_check_instead_of_crashing():
    broken = rw.derivation.with_claim("msd", sp.Eq(E(x(n) ** 2), sp.acos(n) * L**2))
    result = run_check(broken, next(c for c in broken.checks if c.step == "msd"))
    assert not result.passed and "cannot be judged" in result.problem


def test_quotient_of_computed_results_adds_their_relative_errors_and_of_samples_combines_them():
    computed = Estimate(6.0, 0.06, 10, computed=True).over(Estimate(2.0, 0.04, 20, computed=True))
    assert computed.value == 3.0 and computed.stderr == pytest.approx(3.0 * (0.01 + 0.02)) and computed.computed
    sampled = Estimate(6.0, 0.06, 10).over(Estimate(2.0, 0.04, 20))
    assert sampled.stderr == pytest.approx(3.0 * np.hypot(0.01, 0.02)) and not sampled.computed
    assert sampled.samples == 10
