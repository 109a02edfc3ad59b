"""Stochastic ion channels under a voltage-clamp step: many channels, each made of independent gates.

A channel has one or more kinds of gate; a kind has `copies` identical gates per channel (the
Hodgkin-Huxley K channel: 4 n-gates; the Na channel: 3 m-gates and 1 h-gate). Every gate is a
two-state Markov chain, closed -> open at rate alpha and open -> closed at rate beta (1/ms),
independently of all the others. A channel conducts when all of its gates are open. The caller
gives the rates (at the holding voltage and at the step voltage) as numbers: this module
knows no Hodgkin-Huxley formula, and no formula for the open probability of a channel either.
It counts open channels.

Two simulations of the same model:

* `state_counts` / `open_fraction` (fast): since gates of one kind are interchangeable, a
  channel's state is the number of open gates of each kind, (k_1, ..., k_G) with
  0 <= k_g <= copies_g, and that number is itself a Markov chain: k_g -> k_g + 1 at rate
  (copies_g - k_g) alpha_g (any of the closed gates may open) and k_g -> k_g - 1 at rate
  k_g beta_g. This lumping is exact for independent identical gates (each of the k open gates
  closes at rate beta, independently: the first of them at rate k beta). Only the numbers of
  channels in each state are tracked. At constant rates the transition probabilities over an
  interval t are P = expm(Q t) for the chain's generator Q (scipy.linalg.expm, to rounding),
  and the channels in state i move to the states j by one multinomial draw with P[i, :]. So the
  update is exact for any interval (no time step to refine), and its cost does not depend on
  the number of channels: 10^8 channels cost what 10^3 do.
* `independent_gates` (slow, for checking the lumping): every gate of every channel is
  simulated, each flipping with the exact two-state transition probabilities (expm of its
  2 x 2 generator) over each interval.

Channels start in the stationary distribution of the chain at the holding voltage (the null
vector of Q, computed numerically; every gate open independently with the stationary
probability of its own two-state chain), as after a long hold.

The estimate of the open fraction at each time is the mean of N independent channel
indicators: p_hat = K / N with standard error sqrt(p_hat (1 - p_hat) / (N - 1)) (what
`Estimate.mean_of` gives for the 0/1 indicators). The times of one run are correlated (one
sample path of the population), each time's estimate is exact on its own.

Use, with the rates from anywhere (here the HH model's):

    hold, clamp = hodgkin_huxley.gate_rates(-65.0), hodgkin_huxley.gate_rates(0.0)
    k = k_channel((hold.alpha_n, hold.beta_n), (clamp.alpha_n, clamp.beta_n))
    open_fraction(k, [0.5, 1.0, 2.0], 10**8, np.random.default_rng(0))   # [Estimate, ...]

Recommended sizes (the cost does not grow with them: about 1 ms for six times; the checks need
a relative standard error sqrt((1 - p)/(p N)) <= 0.25%). HH channels stepped from -65 to
0 mV at 6.3 C:
* K, 10^8 channels: the open fraction rises 0.0102 -> 0.119 (1 ms) -> 0.601 (5 ms) -> 0.678
  (10 ms), relative standard errors 0.10%, 0.027%, 0.008%, 0.007%. n^3 differs from n^4 by
  1500-2600 standard errors at these times.
* Na, 10^10 channels: 8.8e-5 at t = 0 (0.11%), peak 0.234 near 0.5 ms (0.002%), 0.0026 at
  10 ms (0.02%). With 10^8 the rare early and late openings miss 0.25% (1.1% and 0.2%).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import linalg

from derive.estimate import Estimate

CHUNK = 200_000  # channels per block in `independent_gates`


@dataclass(frozen=True)
class GateKind:
    """`copies` identical gates per channel, with (alpha, beta) in 1/ms before the step
    (`hold`, which sets the starting distribution) and after it (`step`)."""

    copies: int
    hold: tuple[float, float]
    step: tuple[float, float]


def k_channel(hold: tuple[float, float], step: tuple[float, float]) -> list[GateKind]:
    """A Hodgkin-Huxley K channel: 4 n-gates with the given (alpha_n, beta_n)."""
    return [GateKind(4, hold, step)]


def na_channel(m_hold: tuple[float, float], m_step: tuple[float, float],
               h_hold: tuple[float, float], h_step: tuple[float, float]) -> list[GateKind]:
    """A Hodgkin-Huxley Na channel: 3 m-gates and 1 h-gate."""
    return [GateKind(3, m_hold, m_step), GateKind(1, h_hold, h_step)]


def states(kinds: Sequence[GateKind]) -> list[tuple[int, ...]]:
    """The lumped states: the numbers of open gates of each kind. The last is all open."""
    return list(itertools.product(*(range(kind.copies + 1) for kind in kinds)))


def generator(kinds: Sequence[GateKind], rates: Sequence[tuple[float, float]]) -> np.ndarray:
    """The generator Q of the lumped chain (rows sum to 0) with `rates` (alpha, beta) per kind:
    k -> k + 1 at (copies - k) alpha, k -> k - 1 at k beta, one kind at a time."""
    labels = states(kinds)
    index = {label: i for i, label in enumerate(labels)}
    q = np.zeros((len(labels), len(labels)))
    for i, label in enumerate(labels):
        for g, (kind, (alpha, beta)) in enumerate(zip(kinds, rates)):
            k = label[g]
            if k < kind.copies:
                q[i, index[label[:g] + (k + 1,) + label[g + 1 :]]] += (kind.copies - k) * alpha
            if k > 0:
                q[i, index[label[:g] + (k - 1,) + label[g + 1 :]]] += k * beta
        q[i, i] = -q[i].sum()
    return q


def stationary(q: np.ndarray) -> np.ndarray:
    """The stationary distribution pi of generator q: pi q = 0, sum pi = 1 (a linear solve)."""
    size = len(q)
    a = q.T.copy()
    a[-1, :] = 1.0
    b = np.zeros(size)
    b[-1] = 1.0
    pi = np.linalg.solve(a, b)
    return _probabilities(pi)


def transition_matrix(q: np.ndarray, interval: float) -> np.ndarray:
    """P = expm(q t): P[i, j] = probability of being in j after `interval` ms, starting in i."""
    return np.array([_probabilities(row) for row in linalg.expm(q * interval)])


def _probabilities(p: np.ndarray) -> np.ndarray:
    """Rounding can leave -1e-17s; clip them and renormalise so a multinomial draw accepts it."""
    p = np.clip(p, 0.0, None)
    return p / p.sum()


def _intervals(times: np.ndarray, max_step: float | None) -> list[list[float]]:
    """For each observation time, the steps that lead to it from the previous one."""
    if np.any(np.diff(times) < 0) or (len(times) and times[0] < 0):
        raise ValueError("times must be non-negative and increasing")
    plan, previous = [], 0.0
    for now in times:
        gap = float(now - previous)
        count = 0 if gap == 0 else 1 if max_step is None else max(1, int(np.ceil(gap / max_step)))
        plan.append([gap / count] * count if count else [])
        previous = float(now)
    return plan


def state_counts(
    kinds: Sequence[GateKind],
    times: Sequence[float] | np.ndarray,
    channels: int,
    rng: np.random.Generator,
    max_step: float | None = None,
) -> np.ndarray:
    """The number of channels in each lumped state (the order of `states(kinds)`) at each of the
    increasing `times` (ms after the step, >= 0): shape (len(times), number of states).

    Start: a multinomial draw of `channels` channels from the stationary distribution at the
    holding rates. Then, per interval, the channels in each state move by one multinomial draw
    with the exact transition probabilities (at most `max_step` per draw; None: one draw per
    interval. The distribution is the same either way).
    """
    times = np.asarray(times, dtype=float)
    q = generator(kinds, [kind.step for kind in kinds])
    counts = rng.multinomial(channels, stationary(generator(kinds, [kind.hold for kind in kinds])))
    cache: dict[float, np.ndarray] = {}
    out = np.empty((len(times), len(counts)), dtype=np.int64)
    for j, steps in enumerate(_intervals(times, max_step)):
        for interval in steps:
            if interval not in cache:
                cache[interval] = transition_matrix(q, interval)
            p = cache[interval]
            counts = sum((rng.multinomial(count, p[i]) for i, count in enumerate(counts) if count),
                         np.zeros_like(counts))
        out[j] = counts
    return out


def _fraction(open_count: int, total: int) -> Estimate:
    """The fraction of open channels with its standard error: the mean of 0/1 indicators."""
    p = open_count / total
    return Estimate(p, float(np.sqrt(p * (1.0 - p) / (total - 1))), total)


def open_fraction(
    kinds: Sequence[GateKind],
    times: Sequence[float] | np.ndarray,
    channels: int,
    rng: np.random.Generator,
    max_step: float | None = None,
) -> list[Estimate]:
    """The fraction of channels with every gate open at each time, with its standard error
    (binomial: the channels are independent). See `state_counts`."""
    counts = state_counts(kinds, times, channels, rng, max_step)
    return [_fraction(int(row[-1]), channels) for row in counts]


def independent_gates(
    kinds: Sequence[GateKind],
    times: Sequence[float] | np.ndarray,
    channels: int,
    rng: np.random.Generator,
) -> np.ndarray:
    """Every gate simulated on its own: whether each channel is open (all its gates open) at
    each time, shape (channels, len(times)), bool. Gates start open with the stationary
    probability of their two-state chain at the holding rates and flip with its exact
    transition probabilities over each interval. Slow (work in proportion to channels x gates);
    for checking `state_counts`. Use `Estimate.mean_of` on a column for the open fraction."""
    times = np.asarray(times, dtype=float)
    plan = _intervals(times, None)
    two_state = [generator([GateKind(1, kind.hold, kind.step)], [kind.step]) for kind in kinds]
    start = [stationary(generator([GateKind(1, kind.hold, kind.step)], [kind.hold]))[1] for kind in kinds]
    out = np.empty((channels, len(times)), dtype=bool)
    for first in range(0, channels, CHUNK):
        count = min(CHUNK, channels - first)
        gates = [rng.random((count, kind.copies)) < p_open for kind, p_open in zip(kinds, start)]
        for j, steps in enumerate(plan):
            for interval in steps:
                for g, q in enumerate(two_state):
                    p = transition_matrix(q, interval)
                    opens, closes = p[0, 1], p[1, 0]
                    u = rng.random(gates[g].shape)
                    gates[g] = np.where(gates[g], u >= closes, u < opens)
            out[first : first + count, j] = np.logical_and.reduce([g.all(axis=1) for g in gates])
    return out


def boltzmann_gates(energy_gap: float, kT: float, count: int, rng: np.random.Generator) -> Estimate:
    """The open fraction of `count` independent two-state gates in thermal equilibrium, drawn from the
    Boltzmann distribution knowing only the energy of each state.

    A gate's conformation is a coordinate x in [-1, 1]: closed for x < 0, open for x > 0, with the open
    state's energy `energy_gap` above the closed one's (both flat, so the two states are equally
    roomy). The conformations are drawn by rejection with the weight exp(-energy/kT)
    (`derive.sim.boltzmann.sample`); no formula for the open probability is used. The estimate is the
    mean of the open indicators.
    """
    from derive.sim import boltzmann

    lowest = min(0.0, energy_gap)  # energies from the minimum, so the weight is at most 1

    def energy(x: np.ndarray) -> np.ndarray:
        return np.where(x > 0, energy_gap, 0.0) - lowest

    conformations = boltzmann.sample(energy, kT, 1.0, count, rng)
    return Estimate.mean_of((conformations > 0).astype(float))
