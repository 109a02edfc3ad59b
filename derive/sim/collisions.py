"""Particles kicked about by collisions: Nelson's model of friction and diffusion.

A particle of mass m flies freely between collisions. At every collision it forgets its
velocity and draws a new one from the Maxwell-Boltzmann distribution (normal, mean 0,
variance kT/m); during the flight that follows a constant force F accelerates it uniformly,
so a flight of length s that starts with velocity v0 carries it v0 s + F s^2 / (2m) further.
Flights last either a fixed time dt, an exponentially distributed time of mean tau
(collisions at random: a Poisson process), or a gamma-distributed time of a given mean and shape
(shape 1 is the exponential; a larger shape is more regular, an infinite one fixed), which tests
what holds for any law of the intervals. Every particle starts at x = 0 with a collision
at t = 0. (P. Nelson, Biological Physics, 2004, §4.1.4; the seed article, §1.2.2.)

The functions fly the particles and report where they are; they know nothing of the drift
velocity, the friction constant, the diffusion constant or the Einstein relation that a
caller will measure with them. There are two ways to read the clock:

* `after_collisions`: each particle's displacement and elapsed time after n flights. At
  collision instants the flights are independent and identically distributed, so the ratios
  E[x] / E[t] (drift velocity) and, with F = 0, E[x^2] / (2 E[t]) (diffusion constant) hold
  exactly for any n: nothing needs to be extrapolated to long times.
* `states_at`: positions and velocities at fixed clock times, the partial flight in progress
  at each time included. This is what an observer with a stopwatch measures. With random
  flight times the mean squared displacement is not yet linear in t at finite t (for F = 0,
  E[x(t)^2] = 2 D (t - tau (1 - exp(-t/tau))), because the velocity stays correlated for
  about tau), so D = Var x(T) / (2T) is biased low by tau/T (0.5% at T = 200 tau, twice the
  allowed standard error). Measure the long-time slope instead, between two late times:
  D = (E[x(t2)^2] - E[x(t1)^2]) / (2 (t2 - t1)) and v = (E[x(t2)] - E[x(t1)]) / (t2 - t1),
  exact up to a relative tau exp(-t1/tau) / (t2 - t1) (8e-5 for t1 = 7 tau, t2 = 19 tau).
  Both ways read the same physics: the long-time drift and spread.

Two more subtleties for the caller. (1) With random flight times the drift part of a flight,
F s^2/(2m), is random too, so a force adds spread: the long-time D of a driven particle is
kT tau/m + F^2 tau^3/m^2, not kT tau/m (the Einstein relation is a linear-response result).
Measure D with F = 0 and the drift with F != 0, in separate runs, and combine them as
independent estimates. With fixed flights the drift part is the same every flight, so one
run with F != 0 gives drift, D = Var x / (2t) and zeta D exactly. (2) A particle observed at
a random time sits, more likely than not, in a long flight (the inspection paradox): with
exponential flights the time since its last collision averages tau, not tau/2, which is
why its mean velocity is F tau/m. `velocities_at_random_times` samples exactly that.

Recommended sizes, with kT = m = 1 and dt = tau = 1 (relative standard errors and times from
benchmarks/sim_friction_times.py, one core of a 2-core Xeon VM; all need <= 0.25%):

* fixed dt, F = 1: `after_collisions(25, fixed_intervals(1), ...)`, 400 000 particles:
  drift E[x]/E[t] 0.06%, D = Var x/(2 E[t]) 0.22%, zeta D = F D/v 0.23% (delta method over
  the columns x, x^2, t); 0.2-0.3 s. The same with F = 0: D = E[x^2]/(2 E[t]) 0.22%.
* fixed dt, F = 0: `velocities_at_random_times(0, 4, fixed_intervals(1), ...)`, 400 000
  particles: E[v^2] 0.22%; 0.1-0.2 s.
* exponential, collision clock: `after_collisions(25, exponential_intervals(1), ...)`,
  F = 4 and 200 000 particles: drift 0.07%, 0.15-0.2 s; F = 0 and 500 000 particles: D 0.22%,
  0.3-0.45 s; zeta D from the two runs 0.23%. (With F = 1 the drift is 0.09% and zeta D 0.24%:
  a larger push measures the drift better, the thermal noise being the same.)
* exponential, stopwatch: `positions_at([7, 37], ...)`, F = 4, 150 000 particles: drift (slope
  of E[x]) 0.07%, 0.35-0.4 s; `positions_at([7, 19], ...)`, F = 0, 900 000 particles: D (slope
  of E[x^2]) 0.22%, 1.1-1.6 s. Four times dearer than the collision clock for the same error:
  the slope carries the noise of x(t1)^2, and every flight up to t2 (and a margin) is drawn.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

CHUNK = 100_000
BLOCK = 200_000  # flights held at once (particles per chunk x flights each): small enough to stay in cache


@dataclass(frozen=True)
class Intervals:
    """The law of the time between collisions: a fixed `mean`, exponential with that mean, or
    (with `gamma_shape`) gamma-distributed with that mean and shape."""

    mean: float
    exponential: bool
    gamma_shape: float | None = None

    def draw(self, rng: np.random.Generator, shape: tuple[int, int]) -> np.ndarray:
        """Flight times of the given shape (a fixed flight costs no random draw)."""
        if self.gamma_shape is not None:
            lengths = rng.standard_gamma(self.gamma_shape, size=shape)
            lengths *= self.mean / self.gamma_shape
            return lengths
        if self.exponential:
            lengths = rng.standard_exponential(size=shape)  # and scale: faster than rng.exponential
            lengths *= self.mean
            return lengths
        return np.full(shape, float(self.mean))

    def enough_to_pass(self, horizon: float) -> int:
        """How many flights to draw so that nearly every particle flies past `horizon`.

        Exponential flights: the count of collisions by `horizon` is Poisson, so the expected
        count plus one standard deviation and two; the one particle in ten or so left short is
        flown on by `_observe` (cheaper than drawing a wide margin of flights for everyone).
        """
        expected = horizon / self.mean
        if self.gamma_shape is not None:  # the count's variance is about expected / shape
            return int(np.ceil(expected + np.sqrt(expected / self.gamma_shape))) + 2
        if not self.exponential:
            return int(expected) + 1
        return int(np.ceil(expected + np.sqrt(expected))) + 2


def fixed_intervals(dt: float) -> Intervals:
    """Collisions exactly every dt."""
    return Intervals(dt, exponential=False)


def exponential_intervals(mean: float) -> Intervals:
    """Collisions at random, at rate 1/mean: flight times exponential with the given mean."""
    return Intervals(mean, exponential=True)


def gamma_intervals(mean: float, shape: float) -> Intervals:
    """Flight times gamma-distributed with the given mean and shape (variance mean^2 / shape)."""
    if shape <= 0:
        raise ValueError(f"a gamma shape must be positive, not {shape}")
    return Intervals(mean, exponential=False, gamma_shape=float(shape))


def maxwell_velocities(
    kT: float, mass: float, shape: tuple[int, ...], rng: np.random.Generator
) -> np.ndarray:
    """Velocities fresh from a collision: Maxwell-Boltzmann in 1-D, normal with variance kT/m."""
    velocities = rng.standard_normal(size=shape)  # and scale: faster than rng.normal
    velocities *= np.sqrt(kT / mass)
    return velocities


def _flight_displacements(
    lengths: np.ndarray, velocities: np.ndarray, half_acceleration: float
) -> np.ndarray:
    """How far each flight carries its particle: v0 s + (F/2m) s^2."""
    if half_acceleration == 0.0:
        return lengths * velocities
    out = half_acceleration * lengths
    out += velocities
    out *= lengths
    return out


def _rows(flights: int) -> int:
    """Particles per chunk, so that a chunk holds about BLOCK flights."""
    return max(1, min(CHUNK, BLOCK // max(flights, 1)))


def after_collisions(
    collisions: int,
    intervals: Intervals,
    force: float,
    kT: float,
    mass: float,
    particles: int,
    rng: np.random.Generator,
) -> tuple[np.ndarray, np.ndarray]:
    """Each particle's displacement and the time elapsed after `collisions` flights.

    Returns (x, t), one entry per particle, read at the instant of the particle's last
    collision. For fixed flights t = collisions * dt for everyone.
    """
    x = np.empty(particles)
    t = np.empty(particles)
    half_acceleration = force / (2.0 * mass)
    rows = _rows(collisions)
    for start in range(0, particles, rows):
        count = min(rows, particles - start)
        lengths = intervals.draw(rng, (count, collisions))
        velocities = maxwell_velocities(kT, mass, (count, collisions), rng)
        x[start : start + count] = _flight_displacements(lengths, velocities, half_acceleration).sum(axis=1)
        t[start : start + count] = lengths.sum(axis=1)
    return x, t


def _observe(
    times: np.ndarray,
    intervals: Intervals,
    force: float,
    kT: float,
    mass: float,
    rng: np.random.Generator,
) -> tuple[np.ndarray, np.ndarray]:
    """Positions and velocities at `times` (shape (particles, k), all >= 0) of particles that
    start at x = 0 with a collision at t = 0.

    A particle observed at t is in the flight that began at its last collision c <= t, with
    velocity v0 + F (t - c)/m, at x(c) + v0 (t - c) + F (t - c)^2 / (2m). Particles whose drawn
    flights end before their latest time start afresh from their last collision (a collision
    is a renewal: nothing before it matters) and are flown on.
    """
    rows, k = times.shape
    flights = intervals.enough_to_pass(float(times.max()))
    lengths = intervals.draw(rng, (rows, flights))
    velocities = maxwell_velocities(kT, mass, (rows, flights), rng)
    half_acceleration = force / (2.0 * mass)
    collided = np.zeros((rows, flights + 1))  # the instants of the collisions, the first at 0
    np.cumsum(lengths, axis=1, out=collided[:, 1:])
    landed = np.zeros((rows, flights + 1))  # the positions at those instants
    np.cumsum(_flight_displacements(lengths, velocities, half_acceleration), axis=1, out=landed[:, 1:])

    positions = np.empty((rows, k))
    speeds = np.empty((rows, k))
    row = np.arange(rows)
    for j in range(k):
        now = times[:, j]
        last = np.count_nonzero(collided <= now[:, None], axis=1) - 1
        flight = np.minimum(last, flights - 1)  # particles past the last collision are redone below
        since = now - collided[row, flight]
        positions[:, j] = landed[row, flight] + since * (velocities[row, flight] + half_acceleration * since)
        speeds[:, j] = velocities[row, flight] + 2.0 * half_acceleration * since

    beyond = times >= collided[:, -1:]
    short = beyond.any(axis=1)
    if short.any():
        later = np.maximum(times[short] - collided[short, -1:], 0.0)
        more_x, more_v = _observe(later, intervals, force, kT, mass, rng)
        positions[short] = np.where(beyond[short], landed[short, -1:] + more_x, positions[short])
        speeds[short] = np.where(beyond[short], more_v, speeds[short])
    return positions, speeds


def states_at(
    times: np.ndarray | list[float],
    intervals: Intervals,
    force: float,
    kT: float,
    mass: float,
    particles: int,
    rng: np.random.Generator,
) -> tuple[np.ndarray, np.ndarray]:
    """Positions and velocities of every particle at the clock times `times` (all >= 0).

    Returns (x, v), each of shape (particles, len(times)); the flight in progress at each time
    counts as far as it has gone. Use two late times to measure the long-time slopes (see the
    module docstring).
    """
    times = np.asarray(times, dtype=float)
    k = len(times)
    x = np.empty((particles, k))
    v = np.empty((particles, k))
    rows = _rows(intervals.enough_to_pass(float(times.max())))
    for start in range(0, particles, rows):
        count = min(rows, particles - start)
        grid = np.broadcast_to(times, (count, k))
        x[start : start + count], v[start : start + count] = _observe(grid, intervals, force, kT, mass, rng)
    return x, v


def positions_at(
    times: np.ndarray | list[float],
    intervals: Intervals,
    force: float,
    kT: float,
    mass: float,
    particles: int,
    rng: np.random.Generator,
) -> np.ndarray:
    """Positions only: `states_at(...)[0]`, shape (particles, len(times))."""
    return states_at(times, intervals, force, kT, mass, particles, rng)[0]


def velocities_at_random_times(
    start: float,
    stop: float,
    intervals: Intervals,
    force: float,
    kT: float,
    mass: float,
    particles: int,
    rng: np.random.Generator,
) -> np.ndarray:
    """Each particle's velocity at its own random moment, uniform in [start, stop).

    Not at a collision instant: an observer who looks at random finds the particle part-way
    through a flight, more likely a long one. With F = 0 the velocity is still the one drawn
    at the last collision, so E[v^2] tests equipartition; with F != 0, E[v] is the drift.
    For fixed flights take start and stop multiples of dt (then the phase within the flight is
    uniform); for exponential flights take start >= 8 tau, so the particle has forgotten that
    a collision happened at t = 0.
    """
    out = np.empty(particles)
    rows = _rows(intervals.enough_to_pass(stop))
    for first in range(0, particles, rows):
        count = min(rows, particles - first)
        moments = rng.uniform(start, stop, size=(count, 1))
        out[first : first + count] = _observe(moments, intervals, force, kT, mass, rng)[1][:, 0]
    return out
