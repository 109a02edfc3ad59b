"""The diffusion-equation handout: the walk's master equation becomes the diffusion equation,
counting walkers gives Fick's law, and the Gaussian's shape is checked against coin walkers."""

from __future__ import annotations

import sympy as sp

from derive.check import check_step, check_steps
from derive.library import diffusion_equation as de
from derive.library.diffusion_equation import D, G, L, P, a, c, dt, j, t, x
from derive.report import Status
from derive.verify import run_check

DIFFUSION = de.derivation


def test_every_checked_step_is_proved_not_merely_sampled():
    statuses = {r.label: r.status for r in check_steps(DIFFUSION)}
    assert Status.NUMERIC not in statuses.values() and Status.FAILED not in statuses.values()
    assert statuses["diffusion-equation"] is Status.PROVED and statuses["fick-first"] is Status.PROVED


def test_the_diffusion_constant_is_the_walks_own_and_a_factor_of_two_is_caught():
    wrong = DIFFUSION.with_claim("diffusion-equation",
                                 sp.Eq(sp.Derivative(P(x, t), t), 2 * D * sp.Derivative(P(x, t), (x, 2))))
    assert check_step(wrong, wrong.labels.index("diffusion-equation") + 1).status is Status.FAILED


def test_ficks_law_has_the_minus_sign_walkers_flow_down_the_gradient():
    wrong = DIFFUSION.with_claim("fick-first", sp.Eq(j(x, t), D * sp.Derivative(c(x, t), x)))
    assert check_step(wrong, wrong.labels.index("fick-first") + 1).status is Status.FAILED


def test_the_flux_count_expanded_keeps_no_term_beyond_its_order():
    wrong = DIFFUSION.with_claim("flux-small-step", sp.Eq(
        j(x, t), -L**2 / (2 * dt) * sp.Derivative(c(x, t), x) + L**3 * sp.Derivative(c(x, t), (x, 2))))
    assert check_step(wrong, wrong.labels.index("flux-small-step") + 1).status is Status.FAILED


def test_coin_walkers_meet_the_gaussian_and_reject_a_gaussian_twice_as_wide():
    check = next(c for c in DIFFUSION.checks if c.name == "gaussian-fraction")
    assert run_check(DIFFUSION, check).passed
    wide = DIFFUSION.with_claim("gaussian-fraction", sp.Eq(sp.Integral(G(x, t), (x, -a, a)),
                                                         sp.erf(a / (2 * sp.sqrt(2 * D * t)))))
    assert not run_check(wide, check).passed
