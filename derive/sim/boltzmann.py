"""Samples from a Boltzmann distribution knowing only its energy function.

Rejection sampling: propose a value uniformly in a window, accept it with probability
exp(-energy / kT) (energies measured from the minimum, so the weight is at most 1). The
accepted values follow the Boltzmann distribution exactly, truncated to the window; a
window of `width` thermal scales on each side leaves out a tail of order exp(-width^2 / 2).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

Energy = Callable[[np.ndarray], np.ndarray]


def sample(energy: Energy, kT: float, half_window: float, count: int, rng: np.random.Generator) -> np.ndarray:
    """`count` independent samples of x in [-half_window, half_window] with density ∝ exp(-energy(x)/kT)."""
    out = np.empty(count)
    filled = 0
    while filled < count:
        proposals = rng.uniform(-half_window, half_window, size=max(4 * (count - filled), 1000))
        accepted = proposals[rng.random(proposals.size) < np.exp(-energy(proposals) / kT)]
        take = min(accepted.size, count - filled)
        out[filled : filled + take] = accepted[:take]
        filled += take
    return out


def kinetic_energy(mass: float) -> Energy:
    """E(v) = m v^2 / 2."""
    return lambda v: 0.5 * mass * v**2
