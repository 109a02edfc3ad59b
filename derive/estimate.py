"""Estimates with standard errors, from simulation samples. numpy only: simulations use it too."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Estimate:
    """A simulation's estimate of a quantity, its standard error and the number of samples."""

    value: float
    stderr: float  # a standard error, or for a computed (deterministic) value its error estimate
    samples: int  # samples averaged, or grid points / steps of the finest computation
    computed: bool = False  # True: a deterministic computation whose error comes from refinement

    @classmethod
    def from_refinement(cls, fine: float, coarse: float, points: int, order: int) -> Estimate:
        """A deterministic result and its error estimate from two resolutions (Richardson).

        For a method of convergence order p, halving the step shrinks the error by 2^p, so the
        error of the fine result is about |fine - coarse| / (2^p - 1).
        """
        return cls(fine, abs(fine - coarse) / (2**order - 1), points, computed=True)

    @classmethod
    def mean_of(cls, samples: np.ndarray) -> Estimate:
        """The sample mean and its standard error (sample standard deviation / sqrt(count))."""
        count = len(samples)
        return cls(float(samples.mean()), float(samples.std(ddof=1)) / count**0.5, count)

    @classmethod
    def of_means(cls, function: Callable[..., float], *columns: np.ndarray) -> Estimate:
        """function(mean of column 1, mean of column 2, ...), with its standard error by the
        delta method: gradient' * covariance of the means * gradient.

        The columns are per-sample values of the same samples (for example each particle's
        displacement and its square), so their correlation is taken into account.
        """
        data = np.stack([np.asarray(c, dtype=float) for c in columns])
        count = data.shape[1]
        means = data.mean(axis=1)
        covariance = np.atleast_2d(np.cov(data)) / count
        value = float(function(*means))
        gradient = np.empty(len(means))
        for i, mean in enumerate(means):
            h = 1e-6 * max(abs(mean), 1e-300)
            up, down = means.copy(), means.copy()
            up[i] += h
            down[i] -= h
            gradient[i] = (function(*up) - function(*down)) / (2 * h)
        return cls(value, float(np.sqrt(gradient @ covariance @ gradient)), count)

    def over(self, other: Estimate) -> Estimate:
        """The quotient of two results from separate runs. Statistical errors combine in quadrature;
        refinement errors are estimates of bias that need not cancel, so their relative sizes add."""
        value = self.value / other.value
        relative = (self.stderr / abs(self.value), other.stderr / abs(other.value))
        computed = self.computed and other.computed
        error = abs(value) * (sum(relative) if computed else float(np.hypot(*relative)))
        return Estimate(value, error, min(self.samples, other.samples), computed)

    def times(self, other: Estimate) -> Estimate:
        """The product of two independent estimates (from separate runs), with its standard error."""
        value = self.value * other.value
        stderr = float(np.hypot(self.stderr * other.value, other.stderr * self.value))
        return Estimate(value, stderr, min(self.samples, other.samples), self.computed and other.computed)
