"""Random walkers and random chains, returned as one sample per walker.

Each function draws with the numpy Generator it is given, so a check is reproducible from
its seed. Work is done in chunks of walkers to keep memory bounded.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

CHUNK = 100_000

StepSampler = Callable[[np.random.Generator, tuple[int, int]], np.ndarray]


def unit_coin_steps() -> StepSampler:
    """Steps of +1 or -1 with probability 1/2 each (int8: the cheapest draw); scale the sum by L."""

    def draw(rng: np.random.Generator, shape: tuple[int, int]) -> np.ndarray:
        return rng.integers(0, 2, size=shape, dtype=np.int8) * np.int8(2) - np.int8(1)

    return draw


def exponential_steps(mean: float) -> StepSampler:
    """Steps drawn from an exponential distribution: all forward, of random length."""

    def draw(rng: np.random.Generator, shape: tuple[int, int]) -> np.ndarray:
        return rng.exponential(mean, size=shape)

    return draw


def positions_stepwise(steps: int, walkers: int, draw: StepSampler, rng: np.random.Generator) -> np.ndarray:
    """Each walker's position after `steps` steps, adding the steps one by one."""
    out = np.empty(walkers)
    for start in range(0, walkers, CHUNK):
        count = min(CHUNK, walkers - start)
        out[start : start + count] = draw(rng, (count, steps)).sum(axis=1, dtype=np.float64)
    return out


def positions_binomial(steps: int, step_length: float, walkers: int, rng: np.random.Generator) -> np.ndarray:
    """Positions after `steps` coin steps, sampled exactly: x = L (2B - n), B ~ Binomial(n, 1/2)."""
    forward = rng.binomial(steps, 0.5, size=walkers)
    return step_length * (2.0 * forward - steps)


def positions_cube_corners(steps: int, step_length: float, walkers: int, rng: np.random.Generator) -> np.ndarray:
    """3-D walkers whose every step goes to one of the 8 corners of a cube of side 2L.

    Returns an array of shape (walkers, 3); each axis is an independent coin walk.
    """
    return np.stack([positions_binomial(steps, step_length, walkers, rng) for _ in range(3)], axis=1)


def freely_jointed_chain(links: int, link_length: float, chains: int, rng: np.random.Generator) -> np.ndarray:
    """End-to-end vectors of chains whose links point in uniformly random 3-D directions.

    A uniform direction has cos(theta) uniform on [-1, 1] and phi uniform on [0, 2 pi)
    (Archimedes' hat-box theorem), which costs two uniform draws per link.
    """
    out = np.empty((chains, 3))
    block = max(1, CHUNK * 10 // links)
    for start in range(0, chains, block):
        count = min(block, chains - start)
        cos_theta = rng.uniform(-1.0, 1.0, size=(count, links))
        phi = rng.uniform(0.0, 2 * np.pi, size=(count, links))
        sin_theta = np.sqrt(1.0 - cos_theta**2)
        out[start : start + count, 0] = (sin_theta * np.cos(phi)).sum(axis=1)
        out[start : start + count, 1] = (sin_theta * np.sin(phi)).sum(axis=1)
        out[start : start + count, 2] = cos_theta.sum(axis=1)
    return link_length * out
