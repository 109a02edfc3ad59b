"""The Langevin (Ornstein-Uhlenbeck) simulator against the exact moments of the model.

With tau = m/zeta, D = kT/zeta and a start from equilibrium at x = 0:
E[v(t)^2] = kT/m, E[x(t) v(t)] = D (1 - e^{-t/tau}), E[x(t)^2] = 2 D (t - tau (1 - e^{-t/tau})).
Every comparison allows 5 standard errors computed from the samples.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from derive.estimate import Estimate
from derive.sim import langevin as lg

KT, MASS, FRICTION = 1.3, 0.7, 2.1
TAU = MASS / FRICTION
D = KT / FRICTION
SIGMAS = 5.0


def assert_agrees(estimate: Estimate, expected: float) -> None:
    assert estimate.stderr > 0
    assert abs(estimate.value - expected) <= SIGMAS * estimate.stderr, (
        f"{estimate.value} +- {estimate.stderr} vs exact {expected}"
    )


def exact_msd(t: float) -> float:
    return 2 * D * (t - TAU * (1 - math.exp(-t / TAU)))


@pytest.mark.parametrize("max_step", [None, 0.05 * TAU], ids=["one-step-per-interval", "small-steps"])
def test_langevin_position_update_is_exact_for_large_steps(max_step: float | None) -> None:
    """One exact step from 0 to each time, or many small ones: the same, exact, moments,
    from the ballistic regime (t << tau) to the diffusive one (t >> tau)."""
    times = np.array([0.1, 1.0, 3.0, 10.0]) * TAU
    x, v = lg.langevin_states(times, MASS, FRICTION, KT, 60_000, np.random.default_rng(1), max_step)
    for j, t in enumerate(times):
        assert_agrees(Estimate.mean_of(x[:, j] ** 2), exact_msd(t))
        assert_agrees(Estimate.mean_of(x[:, j] * v[:, j]), D * (1 - math.exp(-t / TAU)))
        assert_agrees(Estimate.mean_of(v[:, j] ** 2), KT / MASS)


def test_langevin_increments_over_one_huge_step_are_exact() -> None:
    """A single step of 50 tau from a late time: the displacement forgets the velocity."""
    t1, t2 = 2.0 * TAU, 52.0 * TAU
    x = lg.langevin_positions([t1, t2], MASS, FRICTION, KT, 100_000, np.random.default_rng(2))
    step = x[:, 1] - x[:, 0]
    assert_agrees(Estimate.mean_of(step), 0.0)
    assert_agrees(Estimate.mean_of(step**2), exact_msd(t2 - t1))


def test_langevin_long_time_slope_gives_einstein_diffusion() -> None:
    """D = (E[x(t2)^2] - E[x(t1)^2]) / (2 (t2 - t1)) = kT/zeta at late times."""
    t1, t2 = 20 * TAU, 420 * TAU
    x = lg.langevin_positions([t1, t2], MASS, FRICTION, KT, 200_000, np.random.default_rng(3))
    assert_agrees(Estimate.mean_of((x[:, 1] ** 2 - x[:, 0] ** 2) / (2 * (t2 - t1))), D)


def test_step_coefficients_reduce_to_the_langevin_equation_for_small_steps() -> None:
    """Over a tiny step h: v' = (1 - h/tau) v + sqrt(2 zeta kT h)/m n1 and x' = x + v h."""
    h = 1e-6 * TAU
    decay, v_noise, x_from_v, x_from_v_noise, x_noise = lg.exact_step_coefficients(h, MASS, FRICTION, KT)
    assert decay == pytest.approx(1 - h / TAU, rel=1e-12)
    assert v_noise == pytest.approx(math.sqrt(2 * FRICTION * KT * h) / MASS, rel=1e-5)
    assert x_from_v == pytest.approx(h, rel=1e-5)
    assert x_from_v_noise == pytest.approx(h / 2, rel=1e-5)  # the noise enters x at mid-step on average
    assert x_noise**2 == pytest.approx(KT / MASS * h**3 / (6 * TAU), rel=1e-5)


def test_step_coefficients_are_continuous_where_the_series_takes_over() -> None:
    below = lg.exact_step_coefficients(0.1 * TAU * (1 - 1e-12), MASS, FRICTION, KT)
    above = lg.exact_step_coefficients(0.1 * TAU, MASS, FRICTION, KT)
    assert below == pytest.approx(above, rel=1e-9)


def test_step_coefficients_give_the_exact_one_step_covariance() -> None:
    """Var x' = sigma^2 tau^2 (2a - 3 + 4e^{-a} - e^{-2a}) and Cov(x', v') = sigma^2 tau (1 - e^{-a})^2
    when x = v = 0 at the start of a step of a = h/tau."""
    sigma2 = KT / MASS
    for a in (0.01, 0.5, 2.0, 30.0):
        coefficients = lg.exact_step_coefficients(a * TAU, MASS, FRICTION, KT)
        decay, v_noise, x_from_v, x_from_v_noise, x_noise = coefficients
        var_x = (x_from_v_noise * v_noise) ** 2 + x_noise**2
        cov_xv = x_from_v_noise * v_noise**2
        shape = 2 * a - 3 + 4 * math.exp(-a) - math.exp(-2 * a)
        assert var_x == pytest.approx(sigma2 * TAU**2 * shape, rel=1e-9)
        assert cov_xv == pytest.approx(sigma2 * TAU * (1 - math.exp(-a)) ** 2, rel=1e-12)
        assert v_noise**2 == pytest.approx(sigma2 * (1 - math.exp(-2 * a)), rel=1e-12)
        assert x_from_v == pytest.approx(TAU * (1 - math.exp(-a)), rel=1e-12)


def test_zero_force_gives_no_drift() -> None:
    x = lg.langevin_positions([5 * TAU, 50 * TAU], MASS, FRICTION, KT, 50_000, np.random.default_rng(4))
    assert_agrees(Estimate.mean_of(x[:, 0]), 0.0)
    assert_agrees(Estimate.mean_of(x[:, 1]), 0.0)


def test_simulation_is_reproducible_from_seed() -> None:
    def run(seed: int) -> tuple[np.ndarray, np.ndarray]:
        rng = np.random.default_rng(seed)
        return lg.langevin_states([0.0, 1.0, 7.5], MASS, FRICTION, KT, 1_000, rng, max_step=0.3)

    first, again, other = run(5), run(5), run(6)
    assert np.array_equal(first[0], again[0]) and np.array_equal(first[1], again[1])
    assert not np.array_equal(first[1], other[1])
    assert np.all(first[0][:, 0] == 0.0)


def test_times_must_increase() -> None:
    with pytest.raises(ValueError):
        lg.langevin_states([2.0, 1.0], MASS, FRICTION, KT, 10, np.random.default_rng(7))


def test_diffusion_from_slope_meets_the_einstein_value_with_a_small_error() -> None:
    estimate = lg.diffusion_from_slope(MASS, FRICTION, KT, np.random.default_rng(8), particles=200_000)
    assert_agrees(estimate, D)
    assert estimate.stderr / estimate.value < 0.005  # 0.21% at the default 500 000 particles


# --- The Langevin equation in small steps (implicit midpoint rule, velocity only) -------------------


def discrete_msd(a: float, steps: int) -> float:
    """E[x^2] after `steps` midpoint steps of a = h/tau from equilibrium: x = h sum (v_n + v_(n+1))/2
    with the scheme's velocity correlation (1 - a/2)/(1 + a/2) per step and variance kT/m."""
    h, mu = a * TAU, (1 - a / 2) / (1 + a / 2)
    weights = np.zeros(steps + 1)
    weights[:steps] += h / 2
    weights[1:] += h / 2
    lags = np.abs(np.subtract.outer(np.arange(steps + 1), np.arange(steps + 1)))
    return float(weights @ (KT / MASS * mu**lags) @ weights)


@pytest.mark.parametrize("a", [1.0, 0.2], ids=["one-tau-steps", "fifth-tau-steps"])
def test_midpoint_late_slope_is_kT_over_zeta_at_any_step(a: float) -> None:
    """The check's estimator, slope of E[x^2] between 7 and 17 tau, gives kT/zeta whatever the step."""
    x = lg.midpoint_positions([7 * TAU, 17 * TAU], MASS, FRICTION, KT, 150_000, np.random.default_rng(9), a * TAU)
    assert_agrees(Estimate.mean_of((x[:, 1] ** 2 - x[:, 0] ** 2) / (2 * 10 * TAU)), D)


def test_midpoint_bias_of_the_late_slope_is_far_below_the_checks_resolution() -> None:
    """The scheme's own slope between 7 and 17 tau (exact, from its correlations): off by the start's
    memory e^-7/10 = 9e-5 at every step, the step itself moving it by < 1e-5: the check resolves 2e-3."""
    biases = [(discrete_msd(a, round(17 / a)) - discrete_msd(a, round(7 / a))) / (2 * 10 * TAU) / D - 1
              for a in (1.0, 0.2, 0.05)]
    assert all(abs(b) < 1.5e-4 for b in biases)
    assert abs(biases[1] - biases[2]) < 1e-5
    assert biases[0] != pytest.approx(biases[2], abs=1e-7)  # the step does enter: the bias is not put in


def test_midpoint_short_time_spread_shows_its_step() -> None:
    """At t = tau, one step of tau is visibly wrong (the ballistic start is crude) while the simulation
    matches its own discrete law: the step is a real discretisation, not an exact update."""
    x = lg.midpoint_positions([TAU], MASS, FRICTION, KT, 200_000, np.random.default_rng(10), TAU)
    msd = Estimate.mean_of(x[:, 0] ** 2)
    assert_agrees(msd, discrete_msd(1.0, 1))
    assert abs(msd.value - exact_msd(TAU)) > 20 * msd.stderr


def test_midpoint_diffusion_doubles_with_the_temperature() -> None:
    """Doubling k_B T (the noise and the thermal velocities) doubles the measured D."""
    rng = np.random.default_rng(11)
    base = lg.midpoint_positions([7 * TAU, 17 * TAU], MASS, FRICTION, KT, 100_000, rng, 0.2 * TAU)
    hot = lg.midpoint_positions([7 * TAU, 17 * TAU], MASS, FRICTION, 2 * KT, 100_000, rng, 0.2 * TAU)
    slope = [Estimate.mean_of((x[:, 1] ** 2 - x[:, 0] ** 2) / (2 * 10 * TAU)) for x in (base, hot)]
    assert_agrees(slope[0], D)
    assert_agrees(slope[1], 2 * D)


def test_midpoint_times_must_be_whole_steps() -> None:
    with pytest.raises(ValueError, match="whole numbers of the step"):
        lg.midpoint_positions([0.35], MASS, FRICTION, KT, 10, np.random.default_rng(12), 0.1)
    with pytest.raises(ValueError, match="step must be a positive"):
        lg.midpoint_positions([1.0], MASS, FRICTION, KT, 10, np.random.default_rng(12), 0.0)
