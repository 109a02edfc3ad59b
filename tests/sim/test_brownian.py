"""Overdamped Brownian particles in a box: the simulator against the Boltzmann distribution.

Expected values are the known stationary results (they test the simulator; the simulator never
uses them). Every Monte Carlo comparison allows 5 standard errors computed from the samples.
Units: kT = D = L = 1, so times are in units of the diffusion time L^2 / D.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import scipy.sparse as sps

from derive.estimate import Estimate
from derive.sim import brownian as br

KT = DIFFUSION = LENGTH = 1.0
SIGMAS = 5.0
LEFT, RIGHT = (0.0, 0.1), (0.9, 1.0)  # windows on the flat parts of the recommended step
STEP = br.smooth_step(1.0, 0.2, 0.8)


def assert_agrees(estimate: Estimate, expected: float) -> None:
    assert estimate.stderr > 0
    assert abs(estimate.value - expected) <= SIGMAS * estimate.stderr, (
        f"{estimate.value} +- {estimate.stderr} vs exact {expected}"
    )


def test_stationary_density_ratio_across_a_step_is_the_boltzmann_factor() -> None:
    """The recommended run (density_ratio(STEP, 1, 1, 1, LEFT, RIGHT, rng) with its defaults):
    c_right / c_left = exp(-dU/kT), to the checks' 0.25%."""
    ratio = br.concentration_ratio_across_step(1.0, KT, np.random.default_rng(1))
    assert ratio.stderr / ratio.value <= 0.0025
    assert_agrees(ratio, np.exp(-1.0 / KT))


def test_halving_the_time_step_changes_the_ratio_by_less_than_its_tolerance() -> None:
    """dt = 0.005 and 0.0025 agree within 5 standard errors of their difference, and each
    with the Boltzmann factor. (The exact stationary densities of the two discrete chains
    differ from it by -8e-5 and -3e-5 relative: see the module docstring.)"""
    runs = [
        br.density_ratio(STEP, LENGTH, DIFFUSION, KT, LEFT, RIGHT, np.random.default_rng(2),
                         particles=2 * br.CHUNK, dt=dt, duration=5.0)
        for dt in (0.005, 0.0025)
    ]
    coarse, fine = runs
    assert abs(coarse.value - fine.value) <= SIGMAS * np.hypot(coarse.stderr, fine.stderr)
    for run in runs:
        assert run.stderr / run.value < 0.006
        assert_agrees(run, np.exp(-1.0))


def stationary_chain_ratio(potential: br.Potential, dt: float, left: tuple[float, float],
                           right: tuple[float, float], scheme: str, cells: int = 2000,
                           nodes: int = 121) -> float:
    """c_right / c_left of the discrete-time chain itself, without sampling: its transition
    operator on a grid of `cells` over the unfolded period [-L, L) (Gaussian noise by `nodes`
    quadrature points, mass shared linearly between neighbouring cells), iterated from the
    uniform density until it stops changing. This measures the scheme's time-step bias alone.

    Leimkuhler-Matthews is Markov in z_n = x_n - (s/2) n_n (s = sqrt(2 D dt)): with u = z + (s/2) n,
    z' = u + (s/2) n + (D/kT) F(u) dt, and x_n = z_n + (s/2) n_n with a fresh n.
    """
    h = 2 * LENGTH / cells
    z = (-LENGTH + h * np.arange(cells))[:, None]
    n = np.linspace(-7.0, 7.0, nodes)
    weight = np.exp(-n * n / 2)
    weight /= weight.sum()
    s = np.sqrt(2 * DIFFUSION * dt)

    def force(y: np.ndarray) -> np.ndarray:
        y = y - 2 * LENGTH * np.rint(y / (2 * LENGTH))
        return -potential.slope(np.abs(y)) * np.sign(y)

    def spread(points: np.ndarray) -> sps.csr_matrix:  # row i: where the mass at cell i goes
        position = (points + LENGTH) / h
        low = np.floor(position)
        part = position - low
        low = low.astype(int) % cells
        rows = np.repeat(np.arange(cells), nodes)
        values = np.concatenate([((1 - part) * weight).ravel(), (part * weight).ravel()])
        columns = np.concatenate([low.ravel(), ((low + 1) % cells).ravel()])
        return sps.csr_matrix((values, (np.concatenate([rows, rows]), columns)), shape=(cells, cells))

    mobility = DIFFUSION / KT
    if scheme == "leimkuhler-matthews":
        u = z + 0.5 * s * n
        step = spread(u + 0.5 * s * n + mobility * dt * force(u)).T.tocsr()
    else:
        step = spread(z + s * n + mobility * dt * force(z)).T.tocsr()
    p = np.full(cells, 1.0 / cells)
    for _ in range(20_000):
        following = step @ p
        converged = np.abs(following - p).max() < 1e-13 * p.max()
        p = following
        if converged:
            break
    if scheme == "leimkuhler-matthews":
        p = spread(z + 0.5 * s * n).T @ p
    a = np.abs(z[:, 0])
    in_left = (a >= left[0]) & (a < left[1])
    in_right = (a >= right[0]) & (a < right[1])
    return float(p[in_right].mean() / p[in_left].mean())


def test_time_step_bias_of_the_stationary_density_is_far_below_the_tolerance() -> None:
    """Computed, not sampled: at the recommended dt the chain's ratio is off exp(-1) by under
    2e-4 relative, a sixtieth of the checks' 4.89 x 0.25% (a finer grid, 4000 cells, gives
    -7.8e-5 at dt = 0.005 and -2.9e-5 at 0.0025). On a steep step, with windows touching it,
    Euler-Maruyama is off by several percent (+13%, +5%, +1.6% at dt = 0.02, 0.01, 0.005)."""
    for dt in (br.DT, br.DT / 2):
        ratio = stationary_chain_ratio(STEP, dt, LEFT, RIGHT, "leimkuhler-matthews")
        assert abs(ratio / np.exp(-1.0) - 1) < 2e-4
    steep = br.smooth_step(1.0, 0.35, 0.65)
    bias = [stationary_chain_ratio(steep, dt, (0.0, 0.35), (0.65, 1.0), "euler") / np.exp(-1.0) - 1
            for dt in (0.01, 0.005)]
    assert bias[0] > bias[1] > 0.01  # several percent, shrinking with the step


def test_euler_maruyama_at_a_coarse_step_is_visibly_biased() -> None:
    """The checks can see time-step error: with a steep step (width 0.3) and dt = 0.02 the
    Euler-Maruyama chain puts about 13% too many particles on the high side; the
    Leimkuhler-Matthews chain, at the same cost, is within about 1%."""
    steep = br.smooth_step(1.0, 0.35, 0.65)
    kwargs = dict(particles=br.CHUNK, dt=0.02, duration=4.0)
    euler = br.density_ratio(steep, LENGTH, DIFFUSION, KT, (0.0, 0.35), (0.65, 1.0),
                             np.random.default_rng(3), scheme="euler", **kwargs)
    assert euler.value / np.exp(-1.0) - 1 > 0.05 + SIGMAS * euler.stderr / euler.value
    lm = br.density_ratio(steep, LENGTH, DIFFUSION, KT, (0.0, 0.35), (0.65, 1.0),
                          np.random.default_rng(3), **kwargs)
    assert abs(lm.value / np.exp(-1.0) - 1) < 0.02 + SIGMAS * lm.stderr / lm.value


def test_a_tanh_step_gives_the_boltzmann_factor_too() -> None:
    """Any smooth step: here tanh, flat to 1e-6 at the windows."""
    step = br.tanh_step(0.7, 0.5, 0.05)
    ratio = br.density_ratio(step, LENGTH, DIFFUSION, KT, (0.0, 0.15), (0.85, 1.0), np.random.default_rng(4),
                             particles=2 * br.CHUNK, dt=0.0025, duration=3.0)
    assert_agrees(ratio, np.exp(-0.7))


def test_without_a_potential_the_particles_spread_uniformly() -> None:
    flat = br.Potential(lambda x: np.zeros_like(x), lambda x: np.zeros_like(x))
    rng = np.random.default_rng(5)
    ratio = br.density_ratio(flat, LENGTH, DIFFUSION, KT, (0.0, 0.2), (0.5, 0.9), rng,
                             particles=br.CHUNK, burn_in=0.0, duration=1.0)
    assert_agrees(ratio, 1.0)
    x = br.positions(flat, LENGTH, DIFFUSION, KT, 20_000, rng, dt=0.01, duration=1.0)
    assert x.min() >= 0.0 and x.max() <= LENGTH
    assert_agrees(Estimate.mean_of(x), LENGTH / 2)
    assert_agrees(Estimate.mean_of((x - LENGTH / 2) ** 2), LENGTH**2 / 12)


def test_walls_reflect_free_diffusion_exactly() -> None:
    """Without a force an Euler-Maruyama step is an exact Gaussian step, and folding it back
    into the box must give reflected Brownian motion exactly, whatever the step: from x0,
    E[cos(pi x / L)] = cos(pi x0 / L) exp(-pi^2 D t / L^2) (the first Neumann mode)."""
    flat = br.Potential(lambda x: np.zeros_like(x), lambda x: np.zeros_like(x))
    x0, t = 0.1, 0.04
    expected = np.cos(np.pi * x0 / LENGTH) * np.exp(-np.pi**2 * DIFFUSION * t / LENGTH**2)
    for steps in (1, 8):
        x = br.positions(flat, LENGTH, DIFFUSION, KT, 50_000, np.random.default_rng(6), dt=t / steps,
                         duration=t, scheme="euler", start=x0)
        assert x.min() >= 0.0 and x.max() <= LENGTH
        assert_agrees(Estimate.mean_of(np.cos(np.pi * x / LENGTH)), expected)


def test_normal_table_has_the_first_moments_of_a_standard_normal() -> None:
    table = br.normal_table()
    assert table.size == 2**16
    assert abs(table.mean()) < 1e-15
    assert np.mean(table**2) == pytest.approx(1.0, abs=1e-12)
    assert np.mean(table**3) == pytest.approx(0.0, abs=1e-12)
    assert np.mean(table**4) == pytest.approx(3.0, abs=1e-12)
    assert np.mean(table**5) == pytest.approx(0.0, abs=1e-11)
    assert np.mean(table**6) == pytest.approx(15.0, rel=2e-3)  # not matched: the cut-off tails


def test_occupation_fractions_are_per_particle_time_averages() -> None:
    fractions = br.occupation_fractions(STEP, LENGTH, DIFFUSION, KT, [(0.0, 0.5), (0.5, 1.0)], 1000,
                                        np.random.default_rng(8), dt=0.01, burn_in=0.1, duration=0.5)
    assert fractions.shape == (1000, 2)
    assert np.allclose(fractions.sum(axis=1), 1.0)  # the two halves cover the box
    steps = round(0.5 / 0.01)
    assert np.allclose(fractions * steps, np.round(fractions * steps))


def test_simulation_is_reproducible_from_seed() -> None:
    def run(seed: int) -> np.ndarray:
        return br.positions(STEP, LENGTH, DIFFUSION, KT, 500, np.random.default_rng(seed), dt=0.01,
                            duration=0.2)

    assert np.array_equal(run(9), run(9))
    assert not np.array_equal(run(9), run(10))


def test_results_do_not_depend_on_the_chunk_size(monkeypatch) -> None:
    monkeypatch.setattr(br, "CHUNK", 1_000)
    fractions = br.occupation_fractions(STEP, LENGTH, DIFFUSION, KT, [LEFT, RIGHT], 2_500,
                                        np.random.default_rng(11), dt=0.005, burn_in=0.8, duration=4.0)
    ratio = Estimate.of_means(lambda left, right: right / left, fractions[:, 0], fractions[:, 1])
    assert_agrees(ratio, np.exp(-1.0))


def test_unknown_scheme_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown scheme"):
        br.positions(STEP, LENGTH, DIFFUSION, KT, 10, np.random.default_rng(0), dt=0.01, duration=0.1,
                     scheme="milstein")


def test_sim_modules_import_no_sympy() -> None:
    root = Path(__file__).resolve().parents[2]
    code = ("import derive.sim.brownian, derive.sim.nernst_planck, derive.sim.rc_membrane, sys; "
            "assert 'sympy' not in sys.modules and not any(m.startswith('derive.library') for m in sys.modules)")
    subprocess.run([sys.executable, "-c", code], cwd=root, check=True)
