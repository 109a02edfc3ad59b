"""Stochastic channels of independent gates: counted open channels against the product of gate
probabilities.

Expected values use the closed-form gate relaxation x(t) = x_inf + (x_0 - x_inf) exp(-t/tau)
(the simulator never does). Every statistical comparison allows 5 standard errors computed
from the samples; no Monte-Carlo value is assumed.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from derive.estimate import Estimate
from derive.sim import channels as ch
from derive.sim import hodgkin_huxley as hh

SIGMAS = 5.0
V_HOLD, V_STEP = -65.0, 0.0
TIMES = [0.0, 0.5, 1.0, 2.0, 5.0]
CHANNELS = 10**8


def assert_agrees(estimate: Estimate, expected: float) -> None:
    assert estimate.stderr > 0
    assert abs(estimate.value - expected) <= SIGMAS * estimate.stderr, (
        f"{estimate.value} +- {estimate.stderr} vs exact {expected}")


def rates(gate: str, v: float) -> tuple[float, float]:
    r = hh.gate_rates(v)
    return float(getattr(r, f"alpha_{gate}")), float(getattr(r, f"beta_{gate}"))


def gate_probability(gate: str, t: float | np.ndarray) -> float | np.ndarray:
    """The closed-form open probability of one gate after the clamp step."""
    (a0, b0), (a, b) = rates(gate, V_HOLD), rates(gate, V_STEP)
    start, final = a0 / (a0 + b0), a / (a + b)
    return final + (start - final) * np.exp(-(a + b) * np.asarray(t))


def k_kinds() -> list[ch.GateKind]:
    return ch.k_channel(rates("n", V_HOLD), rates("n", V_STEP))


def test_open_fraction_of_four_gate_channels_follows_n_to_the_fourth() -> None:
    estimates = ch.open_fraction(k_kinds(), TIMES, CHANNELS, np.random.default_rng(1))
    for t, estimate in zip(TIMES, estimates):
        expected = gate_probability("n", t) ** 4
        assert estimate.stderr <= 0.0025 * expected  # as powerful as a check must be
        assert_agrees(estimate, expected)


def test_open_fraction_is_not_n_cubed() -> None:
    estimates = ch.open_fraction(k_kinds(), TIMES, CHANNELS, np.random.default_rng(2))
    for t, estimate in zip(TIMES, estimates):
        n = gate_probability("n", t)
        assert abs(estimate.value - n**3) > 100 * SIGMAS * estimate.stderr


def test_na_channels_open_as_m_cubed_h() -> None:
    kinds = ch.na_channel(rates("m", V_HOLD), rates("m", V_STEP), rates("h", V_HOLD), rates("h", V_STEP))
    times = [0.2, 0.5, 1.0, 3.0]
    estimates = ch.open_fraction(kinds, times, 10**9, np.random.default_rng(3))
    for t, estimate in zip(times, estimates):
        assert_agrees(estimate, gate_probability("m", t) ** 3 * gate_probability("h", t))


def test_lumped_counts_match_independently_simulated_gates() -> None:
    """The count chain (k -> k+1 at (4-k) alpha, k -> k-1 at k beta) against every gate simulated
    on its own: the two open fractions agree within 5 combined standard errors, and the
    gate-by-gate one agrees with n^4 too."""
    times = [0.5, 2.0]
    gates = ch.independent_gates(k_kinds(), times, 200_000, np.random.default_rng(4))
    counted = ch.open_fraction(k_kinds(), times, 200_000, np.random.default_rng(5))
    for j, t in enumerate(times):
        direct = Estimate.mean_of(gates[:, j].astype(float))
        combined = np.hypot(direct.stderr, counted[j].stderr)
        assert abs(direct.value - counted[j].value) <= SIGMAS * combined
        assert_agrees(direct, gate_probability("n", t) ** 4)


def test_channels_start_in_the_binomial_distribution_of_open_gates() -> None:
    counts = ch.state_counts(k_kinds(), [0.0], CHANNELS, np.random.default_rng(6))[0]
    n0 = gate_probability("n", 0.0)
    for k, count in enumerate(counts):
        p = math.comb(4, k) * n0**k * (1 - n0) ** (4 - k)
        fraction = count / CHANNELS
        assert_agrees(Estimate(fraction, np.sqrt(fraction * (1 - fraction) / CHANNELS), CHANNELS), p)


def test_open_gate_counts_stay_binomial_after_the_step() -> None:
    """Independent gates: at every time the number of open gates per channel is
    Binomial(4, n(t)), not only the all-open state."""
    times = [0.3, 2.0]
    counts = ch.state_counts(k_kinds(), times, CHANNELS, np.random.default_rng(11))
    for t, row in zip(times, counts):
        n = gate_probability("n", t)
        for k, count in enumerate(row):
            fraction = count / CHANNELS
            expected = math.comb(4, k) * n**k * (1 - n) ** (4 - k)
            assert_agrees(Estimate(fraction, np.sqrt(fraction * (1 - fraction) / CHANNELS), CHANNELS), expected)


def test_many_short_exact_steps_give_the_same_distribution_as_one() -> None:
    """Chapman-Kolmogorov: the exact update over 2 ms equals 40 exact updates over 0.05 ms."""
    one = ch.open_fraction(k_kinds(), [2.0], CHANNELS, np.random.default_rng(7))[0]
    many = ch.open_fraction(k_kinds(), [2.0], CHANNELS, np.random.default_rng(8), max_step=0.05)[0]
    assert abs(one.value - many.value) <= SIGMAS * np.hypot(one.stderr, many.stderr)
    assert_agrees(many, gate_probability("n", 2.0) ** 4)


def test_generator_rows_sum_to_zero_and_transitions_to_one() -> None:
    kinds = ch.na_channel((1.0, 2.0), (3.0, 0.5), (0.1, 0.2), (0.3, 0.4))
    assert len(ch.states(kinds)) == 8 and ch.states(kinds)[-1] == (3, 1)
    q = ch.generator(kinds, [kind.step for kind in kinds])
    assert np.allclose(q.sum(axis=1), 0.0)
    p = ch.transition_matrix(q, 0.7)
    assert np.all(p >= 0) and np.allclose(p.sum(axis=1), 1.0)
    assert np.allclose(ch.stationary(q) @ q, 0.0, atol=1e-14)


def test_simulation_is_reproducible_from_seed() -> None:
    def run(seed: int) -> np.ndarray:
        return ch.state_counts(k_kinds(), TIMES, 10_000, np.random.default_rng(seed))

    assert np.array_equal(run(9), run(9))
    assert not np.array_equal(run(9), run(10))
    assert np.all(run(9).sum(axis=1) == 10_000)


def test_times_must_increase() -> None:
    with pytest.raises(ValueError):
        ch.open_fraction(k_kinds(), [1.0, 0.5], 100, np.random.default_rng(0))



def test_boltzmann_gates_have_no_preference_at_zero_energy_gap():
    """Equal energies: the two equally roomy states are equally likely (the sample mean of 0/1 indicators)."""
    fraction = ch.boltzmann_gates(0.0, 1.0, 100_000, np.random.default_rng(1))
    assert fraction.samples == 100_000
    assert 0.48 < fraction.value < 0.52


def test_boltzmann_gates_favour_the_lower_energy_state():
    generator = np.random.default_rng(2)
    assert ch.boltzmann_gates(-2.0, 1.0, 10_000, generator).value > 0.8
    assert ch.boltzmann_gates(2.0, 1.0, 10_000, generator).value < 0.2
