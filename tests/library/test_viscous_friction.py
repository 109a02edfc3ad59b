"""The friction handout: every step holds; a wrong friction coefficient is caught twice."""

from __future__ import annotations

import sympy as sp

from derive.check import check_step
from derive.library import viscous_friction as vf
from derive.library.viscous_friction import dt, m, zeta
from derive.report import Status
from derive.verify import run_check

FRICTION = vf.derivation


def test_friction_coefficient_m_over_dt_is_rejected_by_the_checker():
    wrong = FRICTION.with_claim("friction-collision", sp.Eq(zeta, m / dt))
    result = check_step(wrong, wrong.labels.index("friction-collision") + 1)
    assert result.status is Status.FAILED
    assert "counterexample: " in result.explain()


def test_friction_coefficient_m_over_dt_is_rejected_by_the_simulation():
    wrong = FRICTION.with_claim("friction-collision", sp.Eq(zeta, m / dt))
    result = run_check(wrong, next(c for c in wrong.checks if c.name == "friction-fixed"))
    assert not result.passed
    assert abs(result.estimate / result.prediction - 2) < 0.05


def test_exponential_interval_moments_come_from_sympy_stats():
    for label in ("mean-interval", "mean-square-interval"):
        result = check_step(FRICTION, FRICTION.labels.index(label) + 1)
        assert result.status is Status.PROVED and result.rule == "by the distribution of h"


def test_friction_for_gamma_intervals_is_two_m_mean_over_mean_square_not_m_over_mean():
    """The general law passes against gamma intervals; the exponential case's m/<s> does not."""
    from derive.library.viscous_friction import s_mean, zeta_r

    assert run_check(FRICTION, next(c for c in FRICTION.checks if c.name == "friction-gamma")).passed
    wrong = FRICTION.with_claim("friction-general", sp.Eq(zeta_r, m / s_mean))
    assert not run_check(wrong, next(c for c in wrong.checks if c.name == "friction-gamma")).passed
