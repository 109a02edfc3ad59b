"""Tolerances for stochastic checks: how far an estimate may stray before we call it wrong.

A check passes when |estimate - prediction| <= Z * stderr. For a normally distributed
estimate (the mean of many independent samples, by the central limit theorem) the
probability that a correct prediction fails is then P(|N(0,1)| > Z) = FALSE_ALARM. A wrong
prediction, off by delta, is caught with probability at least POWER when
delta >= (Z + Z_POWER) * stderr: that is the check's resolution. Requiring the relative
standard error to be at most MAX_RELATIVE_STDERR makes the resolution below 2%.
"""

from __future__ import annotations

from statistics import NormalDist

FALSE_ALARM = 1e-6  # per check, two-sided
POWER = 0.99  # probability of catching an error of one resolution
DETECTABLE = 0.02  # the relative error every check must be able to catch
MAX_RELATIVE_STDERR = 0.0025
MIN_SAMPLES = 100  # a statistical estimate averages at least this many samples (the normal approximation)

Z = NormalDist().inv_cdf(1 - FALSE_ALARM / 2)  # 4.89
Z_POWER = NormalDist().inv_cdf(POWER)  # 2.33


def tolerance(stderr: float) -> float:
    """The largest |estimate - prediction| that still passes."""
    return Z * stderr


def resolution(stderr: float) -> float:
    """The smallest error in the prediction caught with probability POWER."""
    return (Z + Z_POWER) * stderr


def samples_needed(relative_spread: float) -> int:
    """Samples for which the mean of values with this relative spread meets MAX_RELATIVE_STDERR."""
    return int((relative_spread / MAX_RELATIVE_STDERR) ** 2) + 1


# Deterministic checks (ODE, PDE, quadrature): the error estimate comes from refinement, and a
# check passes when the difference is within ERROR_MULTIPLE of it. Its tolerance must be small
# enough to see a 2% error with room to spare.
ERROR_MULTIPLE = 10.0
MAX_RELATIVE_COMPUTED_TOLERANCE = DETECTABLE / 10
