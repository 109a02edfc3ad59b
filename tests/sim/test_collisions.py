"""The collision model of friction and diffusion: the simulator against the exact physics.

Expected values here are the known results of the model (they test the simulator; the
simulator itself never uses them). Every comparison allows 5 standard errors, computed from
the samples, and never assumes particular Monte-Carlo values.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from derive.estimate import Estimate
from derive.sim import collisions as col

KT, MASS = 1.3, 0.7
DT = 0.4  # fixed flight time
TAU = 0.5  # mean flight time for collisions at random
SIGMAS = 5.0


def assert_agrees(estimate: Estimate, expected: float) -> None:
    """The estimate lies within 5 of its standard errors of the exact value."""
    assert estimate.stderr > 0
    assert abs(estimate.value - expected) <= SIGMAS * estimate.stderr, (
        f"{estimate.value} +- {estimate.stderr} vs exact {expected}"
    )


def slope_of_mean(x: np.ndarray, t1: float, t2: float) -> Estimate:
    """(E[x(t2)] - E[x(t1)]) / (t2 - t1) from positions at two times (columns 0 and 1)."""
    return Estimate.mean_of((x[:, 1] - x[:, 0]) / (t2 - t1))


def slope_of_variance(x: np.ndarray, t1: float, t2: float) -> Estimate:
    """(Var x(t2) - Var x(t1)) / (2 (t2 - t1)): the long-time diffusion constant."""
    return Estimate.of_means(
        lambda a, b, aa, bb: ((bb - b * b) - (aa - a * a)) / (2 * (t2 - t1)),
        x[:, 0], x[:, 1], x[:, 0] ** 2, x[:, 1] ** 2,
    )


# --- Fixed flight times ---------------------------------------------------------------------


def test_fixed_interval_drift_matches_uniform_acceleration() -> None:
    force = 0.9
    rng = np.random.default_rng(1)
    x, t = col.after_collisions(20, col.fixed_intervals(DT), force, KT, MASS, 100_000, rng)
    assert np.allclose(t, 20 * DT)
    assert_agrees(Estimate.of_means(lambda mx, mt: mx / mt, x, t), force * DT / (2 * MASS))


def test_fixed_interval_diffusion_constant_is_kT_dt_over_2m() -> None:
    x, t = col.after_collisions(20, col.fixed_intervals(DT), 0.0, KT, MASS, 100_000, np.random.default_rng(2))
    assert_agrees(Estimate.of_means(lambda xx, mt: xx / (2 * mt), x**2, t), KT * DT / (2 * MASS))


def test_fixed_interval_spread_does_not_depend_on_force_so_einstein_holds_in_one_run() -> None:
    force = 2.0
    rng = np.random.default_rng(3)
    x, t = col.after_collisions(20, col.fixed_intervals(DT), force, KT, MASS, 100_000, rng)
    diffusion = Estimate.of_means(lambda m, mm, mt: (mm - m * m) / (2 * mt), x, x**2, t)
    assert_agrees(diffusion, KT * DT / (2 * MASS))
    zeta_d = Estimate.of_means(lambda m, mm, mt: force * ((mm - m * m) / (2 * mt)) / (m / mt), x, x**2, t)
    assert_agrees(zeta_d, KT)


def test_zero_force_gives_no_drift() -> None:
    rng = np.random.default_rng(4)
    x, _ = col.after_collisions(20, col.fixed_intervals(DT), 0.0, KT, MASS, 50_000, rng)
    assert_agrees(Estimate.mean_of(x), 0.0)
    x = col.positions_at([3.0, 6.0], col.exponential_intervals(TAU), 0.0, KT, MASS, 50_000, rng)
    assert_agrees(Estimate.mean_of(x[:, 0]), 0.0)
    assert_agrees(Estimate.mean_of(x[:, 1]), 0.0)


def test_clock_times_between_collisions_see_the_partial_flight() -> None:
    """At t = 2.5 dt a particle has made two full flights and half of the third."""
    force = 1.0
    x = col.positions_at([2.5 * DT], col.fixed_intervals(DT), force, KT, MASS, 100_000,
                         np.random.default_rng(5))[:, 0]
    full, half = DT, 0.5 * DT
    mean = force / (2 * MASS) * (2 * full**2 + half**2)
    variance = KT / MASS * (2 * full**2 + half**2)
    assert_agrees(Estimate.mean_of(x), mean)
    assert_agrees(Estimate.mean_of((x - mean) ** 2), variance)


def test_velocity_at_random_times_obeys_equipartition() -> None:
    v = col.velocities_at_random_times(0.0, 5 * DT, col.fixed_intervals(DT), 0.0, KT, MASS, 100_000,
                                       np.random.default_rng(6))
    assert_agrees(Estimate.mean_of(v**2), KT / MASS)


def test_velocity_at_random_times_averages_to_the_fixed_interval_drift() -> None:
    force = 1.5
    v = col.velocities_at_random_times(0.0, 5 * DT, col.fixed_intervals(DT), force, KT, MASS, 100_000,
                                       np.random.default_rng(7))
    assert_agrees(Estimate.mean_of(v), force * DT / (2 * MASS))


# --- Exponential flight times (collisions at random) ----------------------------------------


def test_exponential_interval_drift_is_F_tau_over_m_at_long_times() -> None:
    force = 2.0
    t1, t2 = 7 * TAU, 19 * TAU
    x = col.positions_at([t1, t2], col.exponential_intervals(TAU), force, KT, MASS, 40_000,
                         np.random.default_rng(8))
    assert_agrees(slope_of_mean(x, t1, t2), force * TAU / MASS)


def test_exponential_interval_diffusion_constant_is_kT_tau_over_m_at_long_times() -> None:
    t1, t2 = 7 * TAU, 19 * TAU
    x = col.positions_at([t1, t2], col.exponential_intervals(TAU), 0.0, KT, MASS, 150_000,
                         np.random.default_rng(9))
    assert_agrees(Estimate.mean_of((x[:, 1] ** 2 - x[:, 0] ** 2) / (2 * (t2 - t1))), KT * TAU / MASS)


def test_exponential_intervals_at_fixed_time_carry_the_renewal_correction() -> None:
    """Starting at a collision, E[x(T)] = (F tau/m)(T - tau(1 - e^{-T/tau})) and, with F = 0,
    E[x(T)^2] = 2 (kT tau/m)(T - tau(1 - e^{-T/tau})): the last, partial flight and the
    memory of the starting velocity both count. Short times make the correction large."""
    rng = np.random.default_rng(10)
    times = np.array([0.3, 1.0, 3.0]) * TAU
    memory = times - TAU * (1 - np.exp(-times / TAU))
    force = 1.0
    x = col.positions_at(times, col.exponential_intervals(TAU), force, KT, MASS, 100_000, rng)
    for j in range(len(times)):
        assert_agrees(Estimate.mean_of(x[:, j]), force * TAU / MASS * memory[j])
    x = col.positions_at(times, col.exponential_intervals(TAU), 0.0, KT, MASS, 100_000, rng)
    for j in range(len(times)):
        assert_agrees(Estimate.mean_of(x[:, j] ** 2), 2 * KT * TAU / MASS * memory[j])


def test_displacement_over_total_time_underestimates_D_by_about_tau_over_T() -> None:
    """Var x(T) / (2T) at T = 10 tau is 10% low: why the caller must take the slope."""
    total = 10 * TAU
    x = col.positions_at([total], col.exponential_intervals(TAU), 0.0, KT, MASS, 100_000,
                         np.random.default_rng(11))[:, 0]
    naive = Estimate.mean_of(x**2 / (2 * total))
    d = KT * TAU / MASS
    assert_agrees(naive, d * (1 - TAU / total * (1 - np.exp(-total / TAU))))
    assert d - naive.value > SIGMAS * naive.stderr


def test_force_adds_spread_when_flight_times_are_random() -> None:
    """Random flights make the drift part F s^2/(2m) random: D_eff = kT tau/m + F^2 tau^3/m^2."""
    force = 1.0
    t1, t2 = 7 * TAU, 19 * TAU
    x = col.positions_at([t1, t2], col.exponential_intervals(TAU), force, KT, MASS, 100_000,
                         np.random.default_rng(12))
    assert_agrees(slope_of_variance(x, t1, t2), KT * TAU / MASS + force**2 * TAU**3 / MASS**2)


def test_collision_clock_ratios_are_exact_for_exponential_flights() -> None:
    """Read at each particle's n-th collision, E[x]/E[t] and E[x^2]/(2E[t]) need no long-time
    limit, even for n = 5."""
    rng = np.random.default_rng(13)
    force = 1.0
    x, t = col.after_collisions(5, col.exponential_intervals(TAU), force, KT, MASS, 100_000, rng)
    assert_agrees(Estimate.of_means(lambda mx, mt: mx / mt, x, t), force * TAU / MASS)
    x, t = col.after_collisions(5, col.exponential_intervals(TAU), 0.0, KT, MASS, 100_000, rng)
    assert_agrees(Estimate.of_means(lambda xx, mt: xx / (2 * mt), x**2, t), KT * TAU / MASS)


def test_velocity_at_random_times_shows_the_inspection_paradox() -> None:
    """Looked at at random, a particle has flown for tau on average since its last collision,
    not tau/2, so its mean velocity is F tau/m; E[v^2] is still kT/m with F = 0."""
    rng = np.random.default_rng(14)
    force = 1.0
    v = col.velocities_at_random_times(8 * TAU, 20 * TAU, col.exponential_intervals(TAU), force, KT, MASS,
                                       100_000, rng)
    assert_agrees(Estimate.mean_of(v), force * TAU / MASS)
    v = col.velocities_at_random_times(8 * TAU, 20 * TAU, col.exponential_intervals(TAU), 0.0, KT, MASS,
                                       100_000, rng)
    assert_agrees(Estimate.mean_of(v**2), KT / MASS)


@dataclass(frozen=True)
class _OneFlightAtATime(col.Intervals):
    """Exponential flights drawn one per round, so every particle is flown on many times."""

    def enough_to_pass(self, horizon: float) -> int:
        return 1


def test_flying_on_past_the_drawn_flights_is_seamless() -> None:
    """Particles that outlive their drawn flights restart from their last collision; the
    moments at clock times are still the exact ones."""
    rng = np.random.default_rng(15)
    intervals = _OneFlightAtATime(TAU, exponential=True)
    times = np.array([0.5, 2.0]) * TAU
    memory = times - TAU * (1 - np.exp(-times / TAU))
    force = 1.0
    x, v = col.states_at(times, intervals, force, KT, MASS, 50_000, rng)
    for j in range(len(times)):
        assert_agrees(Estimate.mean_of(x[:, j]), force * TAU / MASS * memory[j])
        assert_agrees(Estimate.mean_of(v[:, j]), force * TAU / MASS * (1 - np.exp(-times[j] / TAU)))
    x = col.positions_at(times, intervals, 0.0, KT, MASS, 50_000, rng)
    for j in range(len(times)):
        assert_agrees(Estimate.mean_of(x[:, j] ** 2), 2 * KT * TAU / MASS * memory[j])


def test_simulation_is_reproducible_from_seed() -> None:
    def run(seed: int) -> list[np.ndarray]:
        rng = np.random.default_rng(seed)
        return [
            *col.after_collisions(7, col.exponential_intervals(TAU), 1.0, KT, MASS, 1_000, rng),
            *col.states_at([0.3, 4.0], col.exponential_intervals(TAU), 1.0, KT, MASS, 1_000, rng),
            col.velocities_at_random_times(0.0, 2.0, col.fixed_intervals(DT), 1.0, KT, MASS, 1_000, rng),
        ]

    first, again, other = run(21), run(21), run(22)
    assert all(np.array_equal(a, b) for a, b in zip(first, again))
    assert not np.array_equal(first[0], other[0])


def test_results_do_not_depend_on_the_chunk_size(monkeypatch) -> None:
    """Chunking bounds memory; particles are independent, so splitting them changes nothing
    but the order of the draws (same statistics, checked loosely by the moments)."""
    monkeypatch.setattr(col, "BLOCK", 1_000)
    x = col.positions_at([3 * TAU], col.exponential_intervals(TAU), 0.0, KT, MASS, 20_000,
                         np.random.default_rng(16))
    assert x.shape == (20_000, 1)
    memory = 3 * TAU - TAU * (1 - np.exp(-3.0))
    assert_agrees(Estimate.mean_of(x[:, 0] ** 2), 2 * KT * TAU / MASS * memory)


def test_sim_modules_import_no_sympy() -> None:
    root = Path(__file__).resolve().parents[2]
    code = "import derive.sim.collisions, derive.sim.langevin, sys; assert 'sympy' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], cwd=root, check=True)


# --- Gamma flight times (neither regular nor exponential) -----------------------------------


def test_gamma_intervals_have_the_mean_and_variance_asked_for() -> None:
    lengths = col.gamma_intervals(TAU, 3.0).draw(np.random.default_rng(21), (200_000, 1))[:, 0]
    assert_agrees(Estimate.mean_of(lengths), TAU)
    assert_agrees(Estimate.mean_of((lengths - TAU) ** 2), TAU**2 / 3.0)


def test_gamma_interval_drift_is_F_mean_square_over_2m_mean() -> None:
    """At collision instants E[x]/E[t] = F E[s^2]/(2 m E[s]), with E[s^2] = (1 + 1/k) E[s]^2."""
    force, shape = 1.5, 2.0
    x, t = col.after_collisions(20, col.gamma_intervals(TAU, shape), force, KT, MASS, 100_000,
                                np.random.default_rng(22))
    mean_square = (1 + 1 / shape) * TAU**2
    assert_agrees(Estimate.of_means(lambda mx, mt: mx / mt, x, t), force * mean_square / (2 * MASS * TAU))


def test_gamma_interval_diffusion_constant_is_kT_mean_square_over_2m_mean() -> None:
    shape = 2.0
    x, t = col.after_collisions(20, col.gamma_intervals(TAU, shape), 0.0, KT, MASS, 100_000,
                                np.random.default_rng(23))
    mean_square = (1 + 1 / shape) * TAU**2
    assert_agrees(Estimate.of_means(lambda xx, mt: xx / (2 * mt), x**2, t), KT * mean_square / (2 * MASS * TAU))


def test_gamma_intervals_observed_at_clock_times_are_flown_past_the_horizon() -> None:
    x = col.positions_at([30 * TAU], col.gamma_intervals(TAU, 0.5), 0.0, KT, MASS, 20_000, np.random.default_rng(24))
    assert np.isfinite(x).all()


def test_a_gamma_shape_must_be_positive() -> None:
    import pytest

    with pytest.raises(ValueError, match="gamma shape must be positive"):
        col.gamma_intervals(1.0, 0.0)
