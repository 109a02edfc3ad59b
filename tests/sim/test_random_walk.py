"""The random-walk simulators: shapes, exactness of the binomial sampler, reproducibility."""

from __future__ import annotations

import numpy as np

from derive.sim import random_walk as walk


def test_binomial_positions_have_the_parity_and_range_of_a_coin_walk():
    positions = walk.positions_binomial(7, 0.5, 10_000, np.random.default_rng(1))
    steps_forward = positions / 0.5
    assert np.all(np.abs(steps_forward) <= 7)
    assert np.all(steps_forward % 2 == 1)  # 7 steps of +-1 always end at an odd number


def test_stepwise_and_binomial_samplers_give_the_same_distribution():
    rng = np.random.default_rng(2)
    stepwise = walk.positions_stepwise(4, 200_000, walk.unit_coin_steps(), rng)
    binomial = walk.positions_binomial(4, 1.0, 200_000, rng)
    # P(x = 0) = C(4, 2) / 16 = 0.375 for both; standard error sqrt(p(1-p)/N) ≈ 0.0011
    for sample in (stepwise, binomial):
        assert abs(np.mean(sample == 0) - 0.375) < 6 * 0.0011


def test_stepwise_positions_are_reproducible_from_the_seed():
    first = walk.positions_stepwise(10, 1000, walk.exponential_steps(0.5), np.random.default_rng(7))
    again = walk.positions_stepwise(10, 1000, walk.exponential_steps(0.5), np.random.default_rng(7))
    assert np.array_equal(first, again)


def test_cube_corner_steps_move_every_coordinate():
    ends = walk.positions_cube_corners(1, 2.0, 100, np.random.default_rng(3))
    assert ends.shape == (100, 3)
    assert np.all(np.abs(ends) == 2.0)


def test_freely_jointed_links_have_the_stated_length():
    ends = walk.freely_jointed_chain(1, 3.0, 1000, np.random.default_rng(4))
    assert np.allclose(np.linalg.norm(ends, axis=1), 3.0)
