"""A Brownian particle in 1-D, by the Langevin equation m dv = -zeta v dt + sqrt(2 zeta kT) dW.

The velocity is an Ornstein-Uhlenbeck process with relaxation time tau = m / zeta and
stationary variance kT/m; the position is its time integral. Both are advanced by the exact
joint update over a step h of any length (D. T. Gillespie, Phys. Rev. E 54, 2084 (1996)), so
a step of 1000 tau is as exact as a step of tau/1000: there is no discretisation error to
mistake for physics. Particles start at x = 0 with velocities from the equilibrium
(Maxwell-Boltzmann) distribution.

The exact update, with mu = exp(-h/tau), sigma^2 = kT/m and n1, n2 independent N(0, 1):

    velocity noise  dv = sigma sqrt(1 - mu^2) n1                      (variance sigma^2 (1 - mu^2))
    v' = mu v + dv
    x' = x + tau (1 - mu) v + X,  where X is the integral of the velocity noise over the step:
        Var X      = sigma^2 tau^2 (2h/tau - 3 + 4 mu - mu^2)
        Cov(X, dv) = sigma^2 tau (1 - mu)^2
    so X = [tau (1 - mu)/(1 + mu)] dv + sigma tau sqrt(Var X/(sigma tau)^2 - (1 - mu)^3/(1 + mu)) n2.

These follow from the OU covariance sigma^2 (exp(-|s - s'|/tau) - exp(-(s + s')/tau)) of the
velocity noise started at 0: they are the model's exact transition law. No diffusion constant
is put in; D is read off the simulated positions. (Being exact, the law must of course yield
the model's true long-time D; with small steps, max_step << tau, it emerges from many short
correlated flights instead of one long step.)

Measuring D: the mean squared displacement is not linear in t until t >> tau (the particle
remembers its starting velocity), so take the slope between two late times,
D = (E[x(t2)^2] - E[x(t1)^2]) / (2 (t2 - t1)), from `langevin_positions(...)[:, 1]` and `[:, 0]`.

Recommended size: times 20 tau and 420 tau, 500 000 particles, max_step=None (one exact step
per interval), as `diffusion_from_slope` does: D to 0.21% relative standard error, in
0.05-0.09 s on one core of a 2-core Xeon VM (benchmarks/sim_friction_times.py). The slope's
per-particle relative variance is about 2 + 4 t1/(t2 - t1), hence a short t1 and a long t2.

The exact update's position variance contains the answer (Var X grows as 2 (kT/zeta) h for a
long step), so a check of D = kT/zeta should not rest on it. `midpoint_positions` integrates
the Langevin equation itself in small steps instead, velocity only, and sums the velocities
into positions; no position variance appears anywhere:

    v' = v - (h/tau) (v + v')/2 + sqrt(2 zeta kT h)/m n,    x' = x + h (v + v')/2

(the implicit midpoint rule, with the step's Wiener increment). Its discretisation error, for a
step of a = h/tau: the velocity's correlation over one step is (1 - a/2)/(1 + a/2) instead of
exp(-a) (relative error a^3/12: 7e-4 at a = 0.2); its stationary variance is kT/m at any step,
and the late-time slope of its mean squared displacement is that of the model at any step
(both follow from summing the update over many steps; tests/sim/test_langevin.py measures
them at a = 1 and a = 0.2). What the step does change is E[x(t)^2] at t ~ tau, which a test
shows at a coarse step.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from derive.estimate import Estimate

CHUNK = 100_000


def _position_noise_shape(a: float) -> float:
    """f(a) = 2a - 3 + 4 exp(-a) - exp(-2a) = Var X / (sigma tau)^2 for a step of a = h/tau.

    For small a the terms cancel down to 2a^3/3; sum the series there instead:
    f(a) = sum over k >= 3 of (-1)^k (4 - 2^k) a^k / k!.
    """
    if a < 0.1:
        return sum((-1) ** k * (4 - 2**k) * a**k / math.factorial(k) for k in range(3, 16))
    b = -math.expm1(-a)  # 1 - mu, without rounding for small a
    return 2.0 * a - 2.0 * b - b * b


def exact_step_coefficients(
    h: float, mass: float, friction: float, kT: float
) -> tuple[float, float, float, float, float]:
    """The coefficients of the exact OU step of length h, in the update

        v' = decay v + v_noise n1
        x' = x + x_from_v v + x_from_v_noise (v_noise n1) + x_noise n2.

    Returns (decay, v_noise, x_from_v, x_from_v_noise, x_noise).
    """
    tau = mass / friction
    sigma = math.sqrt(kT / mass)
    a = h / tau
    b = -math.expm1(-a)  # 1 - mu
    decay = 1.0 - b
    v_noise = sigma * math.sqrt(b * (2.0 - b))  # sqrt(1 - mu^2) = sqrt((1 - mu)(1 + mu))
    x_from_v = tau * b
    x_from_v_noise = tau * b / (2.0 - b)  # Cov(X, dv) / Var dv = tau (1 - mu) / (1 + mu)
    residual = max(_position_noise_shape(a) - b**3 / (2.0 - b), 0.0)
    x_noise = sigma * tau * math.sqrt(residual)
    return decay, v_noise, x_from_v, x_from_v_noise, x_noise


def langevin_states(
    times: Sequence[float] | np.ndarray,
    mass: float,
    friction: float,
    kT: float,
    particles: int,
    rng: np.random.Generator,
    max_step: float | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Positions and velocities at the increasing times `times` (all >= 0).

    Returns (x, v), each of shape (particles, len(times)). Between observation times the
    particles move in equal exact steps no longer than `max_step` (None: one step per
    interval; the result has the same distribution either way).
    """
    times = np.asarray(times, dtype=float)
    if np.any(np.diff(times) < 0) or (len(times) and times[0] < 0):
        raise ValueError("times must be non-negative and increasing")
    plan = []  # for each observation time: (steps, coefficients of one step)
    previous = 0.0
    for now in times:
        gap = now - previous
        steps = 0 if gap == 0 else 1 if max_step is None else max(1, math.ceil(gap / max_step))
        plan.append((steps, exact_step_coefficients(gap / steps, mass, friction, kT) if steps else None))
        previous = now

    x_out = np.empty((particles, len(times)))
    v_out = np.empty((particles, len(times)))
    sigma = math.sqrt(kT / mass)
    for start in range(0, particles, CHUNK):
        count = min(CHUNK, particles - start)
        x = np.zeros(count)
        v = rng.normal(0.0, sigma, size=count)
        for j, (steps, coefficients) in enumerate(plan):
            for _ in range(steps):
                decay, v_noise, x_from_v, x_from_v_noise, x_noise = coefficients
                dv = v_noise * rng.standard_normal(count)
                x += x_from_v * v + x_from_v_noise * dv + x_noise * rng.standard_normal(count)
                v *= decay
                v += dv
            x_out[start : start + count, j] = x
            v_out[start : start + count, j] = v
    return x_out, v_out


def langevin_positions(
    times: Sequence[float] | np.ndarray,
    mass: float,
    friction: float,
    kT: float,
    particles: int,
    rng: np.random.Generator,
    max_step: float | None = None,
) -> np.ndarray:
    """Positions only: `langevin_states(...)[0]`, shape (particles, len(times))."""
    return langevin_states(times, mass, friction, kT, particles, rng, max_step)[0]


def diffusion_from_slope(
    mass: float,
    friction: float,
    kT: float,
    rng: np.random.Generator,
    particles: int = 500_000,
    early: float = 20.0,
    late: float = 420.0,
) -> Estimate:
    """The diffusion constant measured as half the late-time slope of the mean squared
    displacement, (E[x(t2)^2] - E[x(t1)^2]) / (2 (t2 - t1)), with t1 = early tau and
    t2 = late tau (tau = m/zeta), and its standard error.

    At t1 = 20 tau the particles have forgotten their starting velocities to exp(-20) = 2e-9,
    so the slope is the long-time one; measuring E[x(t)^2]/(2t) instead would be low by tau/t.
    """
    tau = mass / friction
    t1, t2 = early * tau, late * tau
    x = langevin_positions([t1, t2], mass, friction, kT, particles, rng)
    return Estimate.mean_of((x[:, 1] ** 2 - x[:, 0] ** 2) / (2.0 * (t2 - t1)))


def midpoint_positions(
    times: Sequence[float] | np.ndarray,
    mass: float,
    friction: float,
    kT: float,
    particles: int,
    rng: np.random.Generator,
    step: float,
) -> np.ndarray:
    """Positions at `times` (increasing, each a whole number of steps) from the Langevin equation
    m dv = -zeta v dt + sqrt(2 zeta kT) dW integrated by the implicit midpoint rule in steps of
    `step`, velocity only; x is the sum of the steps' mean velocities times the step.

    Particles start at x = 0 with Maxwell-Boltzmann velocities. Returns shape (particles, len(times)).
    Raises ValueError naming the setting when a time is not a whole number of steps or the step
    is not positive and finite.
    """
    times = np.asarray(times, dtype=float)
    if not (math.isfinite(step) and step > 0.0):
        raise ValueError(f"step must be a positive finite time; got {step!r}")
    if np.any(np.diff(times) < 0) or (len(times) and times[0] < 0):
        raise ValueError("times must be non-negative and increasing")
    marks = np.rint(times / step).astype(int)
    if np.any(np.abs(marks * step - times) > 1e-9 * np.maximum(times, step)):
        raise ValueError(f"times must be whole numbers of the step {step!r}; got {times.tolist()}")
    a = step * friction / mass  # step / tau
    decay = (1.0 - 0.5 * a) / (1.0 + 0.5 * a)
    kick = math.sqrt(2.0 * friction * kT * step) / mass / (1.0 + 0.5 * a)
    sigma = math.sqrt(kT / mass)
    out = np.empty((particles, len(times)))
    for start in range(0, particles, CHUNK):
        count = min(CHUNK, particles - start)
        v = rng.normal(0.0, sigma, size=count)
        x = np.zeros(count)
        noise = np.empty(count)
        done = 0
        for j, mark in enumerate(marks):
            for _ in range(mark - done):
                rng.standard_normal(count, out=noise)
                noise *= kick
                x += (0.5 * step) * v
                v *= decay
                v += noise
                x += (0.5 * step) * v
            done = mark
            out[start : start + count, j] = x
    return out
