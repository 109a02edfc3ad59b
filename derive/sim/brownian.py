"""Overdamped Brownian particles in a 1-D box with a potential: how concentrations settle.

The model: independent particles diffuse (diffusion constant D) in a box [0, L] with
reflecting walls, pushed by the force -U'(x) of a potential energy U with the Einstein
mobility D/kT:

    dx = -(D/kT) U'(x) dt + sqrt(2 D) dW.

Nothing about the stationary state is put in: particles start uniformly spread, and the
caller reads off, for example, how the mean concentrations in two windows compare once the
particles have settled. (For a step of height dU the answer should be exp(-dU/kT), but this
module never computes it.)

How the SDE is stepped. The Euler-Maruyama step x += -(D/kT) U'(x) dt + sqrt(2 D dt) n has a
stationary density wrong at first order in dt. This module uses instead the Leimkuhler-Matthews
step (B. Leimkuhler, C. Matthews, Appl. Math. Res. Express 2013, 34-56; the high-friction limit
of the BAOAB Langevin splitting), which costs the same:

    x_{n+1} = x_n - (D/kT) U'(x_n) dt + sqrt(2 D dt) (n_n + n_{n+1}) / 2,

each normal draw n_k used by two consecutive steps. Its stationary density is correct to
second order in dt for smooth potentials (and exact for a harmonic one); positions during the
approach to equilibrium are not what it is built for. `scheme="euler"` selects Euler-Maruyama,
to show the difference.

Reflecting walls, exactly. A reflecting wall is a mirror: the box with walls behaves like the
line with the potential extended evenly about 0 and L (period 2L), folded back into the box.
The particles therefore move unfolded on the line, feeling the force -U'(|y|) sign(y) at the
folded point |y|, y = x - 2L round(x / 2L) in [-L, L], and are folded only when looked at. No
step is ever cut at a wall (and the two-step noise of Leimkuhler-Matthews needs no special
care there). For a potential flat next to the walls (U' = 0 there, as for `smooth_step`) the
extended force is as smooth as U' itself, so the walls cost no accuracy; a potential with a
slope at a wall makes the extended force jump there, and the method loses its order.

The noise. Each normal draw is one of 2^16 values: the normal quantiles at the midpoints of
2^16 equal-probability bins, slightly stretched (v = q (a + b q^2)) so that the mean, variance
and fourth moment are exactly those of N(0, 1) (odd moments vanish by symmetry). The schemes'
stationary error expansions see only these low moments (a weak, not pathwise, approximation),
and indexing a table with 16 random bits is five times cheaper than a normal draw.

Statistics. Each particle's fractions of time spent in the windows are averaged over many
steps after a burn-in; particles are independent, so those per-particle fractions are
independent samples, and the ratio of mean densities gets its standard error by the delta
method over them. No autocorrelation analysis is needed: the correlated stretch of each
particle's history sits inside its own average.

Windows and time-step bias. Within about three noise widths sqrt(2 D dt) of where the force
acts, the stationary density of the discrete-time chain has a boundary layer (single steps
carry particles across the region of force), so windows must keep that distance from the
step, and a wide, gentle step lets dt be larger. Measured without sampling (the chain's
transition operator on a 4000-cell grid, iterated to its stationary density:
stationary_chain_ratio in tests/sim/test_brownian.py with cells=4000), for
U = smooth_step(1 kT, 0.2 L, 0.8 L) and windows [0, 0.1 L], [0.9 L, L], the ratio is off
exp(-dU/kT) by -7.8e-5 at dt = 0.005 L^2/D and -2.9e-5 at 0.0025 (Euler-Maruyama: +3.2e-4 and
+1.2e-4). The bias grows fast with the step's height (dU = 2 kT: -1.5e-3 at dt = 0.005,
-4e-4 at 0.0025), with its steepness and with dt (dt = 0.0075: -3.3e-4, dt = 0.01: -1.0e-3),
and as the windows near it (a step of width 0.3 L with windows touching it: -0.55% at
dt = 0.005; Euler-Maruyama +1.6%).

Recommended size (the check of c_right / c_left = exp(-dU/kT)): kT = D = L = 1 (or any units,
times scaling with L^2/D), U = smooth_step(1.0, 0.2, 0.8), windows [0, 0.1) and [0.9, 1),
dt = 0.005, burn-in 0.8, then 10 of averaging (the defaults of `density_ratio`), 40 960
particles: relative standard error 0.23%, in 1.0-1.2 s on one core of a quiet 2-core Xeon VM
(11-12 ns per particle-step; up to 1.7 s when the VM is busy; see
benchmarks/sim_resting_potential_times.py). The standard error is
about sqrt(2.2 / (particles x duration)) relative, duration in units of L^2/D: the particles'
time averages decorrelate over the slowest relaxation time, L^2 / (10.3 D), which also leaves
a bias of only 3e-6 from the burn-in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from scipy.optimize import fsolve
from scipy.special import ndtri

from derive.estimate import Estimate

CHUNK = 8_192  # particles advanced together: arrays of 64 kB stay in cache
TABLE_BITS = 16
# recommended run, times in units of the diffusion time L^2 / D (see the module docstring)
DT, BURN_IN, DURATION = 0.005, 0.8, 10.0
PARTICLES = 5 * CHUNK
SAMPLE_EVERY = 2  # look at the windows every other step: successive looks are nearly the same

Profile = Callable[[np.ndarray], np.ndarray]


@dataclass(frozen=True)
class Potential:
    """A potential energy U(x) on the box and its slope U'(x), both vectorised."""

    energy: Profile
    slope: Profile


def smooth_step(height: float, start: float, stop: float) -> Potential:
    """U = 0 for x <= start, U = height for x >= stop, rising smoothly in between along the
    quintic smoothstep S(t) = 10 t^3 - 15 t^4 + 6 t^5, t = (x - start) / (stop - start), whose
    first and second derivatives vanish at both ends. Flat outside [start, stop] exactly, so
    windows there see no force at all."""
    width = stop - start
    if width <= 0:
        raise ValueError("need start < stop")

    def fraction(x: np.ndarray) -> np.ndarray:
        t = np.asarray(x, dtype=float) - start  # a fresh array: work in place
        t *= 1.0 / width
        return np.clip(t, 0.0, 1.0, out=t)

    def energy(x: np.ndarray) -> np.ndarray:
        t = fraction(x)
        return height * t**3 * (10.0 - 15.0 * t + 6.0 * t * t)

    scale = 30.0 * height / width

    def slope(x: np.ndarray) -> np.ndarray:
        t = fraction(x)
        t *= 1.0 - t
        t *= t
        t *= scale  # 30 height t^2 (1 - t)^2 / width
        return t

    return Potential(energy, slope)


def tanh_step(height: float, centre: float, width: float) -> Potential:
    """U = height (1 + tanh((x - centre) / width)) / 2: a step that is flat only to within
    height exp(-2 |x - centre| / width); keep windows and walls many widths away."""

    def energy(x: np.ndarray) -> np.ndarray:
        return 0.5 * height * (1.0 + np.tanh((np.asarray(x, dtype=float) - centre) / width))

    def slope(x: np.ndarray) -> np.ndarray:
        return 0.5 * height / width / np.cosh((np.asarray(x, dtype=float) - centre) / width) ** 2

    return Potential(energy, slope)


@lru_cache(maxsize=1)
def normal_table() -> np.ndarray:
    """2^16 values whose uniform choice has the mean, variance and fourth moment of N(0, 1).

    The normal quantiles q at probabilities (i + 1/2) / 2^16 have variance and fourth moment a
    little short of 1 and 3 (the tails beyond 4.3 are cut off); v = q (a + b q^2) with a, b
    solved for makes them exact. The table is symmetric, so odd moments are 0.
    """
    size = 1 << TABLE_BITS
    q = ndtri((np.arange(size) + 0.5) / size)

    def moments_off(ab: np.ndarray) -> list[float]:
        v = q * (ab[0] + ab[1] * q * q)
        v2 = v * v
        return [float(v2.mean()) - 1.0, float((v2 * v2).mean()) - 3.0]

    (a, b), _, converged, message = fsolve(moments_off, [1.0, 0.0], full_output=True)
    if converged != 1 or max(abs(r) for r in moments_off(np.array([a, b]))) > 1e-12:
        raise RuntimeError(f"could not match the normal moments: {message}")
    table = q * (a + b * q * q)
    table.flags.writeable = False
    return table


def _normals(rng: np.random.Generator, out: np.ndarray, table: np.ndarray) -> np.ndarray:
    """Fill `out` with draws from `table` (the normal table, perhaps scaled), 16 random bits each."""
    count = out.size
    bits = rng.bit_generator.random_raw((count + 3) // 4).view(np.uint16)[:count]
    return np.take(table, bits, out=out)


SCHEMES = ("leimkuhler-matthews", "euler")


def _walk(
    potential: Potential,
    length: float,
    diffusion: float,
    kT: float,
    count: int,
    rng: np.random.Generator,
    dt: float,
    burn_steps: int,
    count_steps: int,
    windows: Sequence[tuple[float, float]],
    scheme: str,
    start: float | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Move `count` particles, uniform in [0, L] at the start (or all at `start`), by
    burn_steps + count_steps steps.

    Returns (visits, where): visits[k] counts, for each particle, how many of the looks (before
    every SAMPLE_EVERY-th of the last count_steps steps) found it in window k = [lo, hi);
    `where` is its final position in [0, L].
    """
    if scheme not in SCHEMES:
        raise ValueError(f"unknown scheme {scheme!r}; choose one of {SCHEMES}")
    leimkuhler_matthews = scheme == SCHEMES[0]
    drift_per_slope = diffusion / kT * dt  # the step moves x by -(D/kT) U'(x) dt
    noise_scale = np.sqrt(2.0 * diffusion * dt)
    if leimkuhler_matthews:
        noise_scale *= 0.5  # each draw enters two consecutive steps with half weight
    table = normal_table() * noise_scale  # draws come scaled
    period = 2.0 * length

    # the unfolded position on the line
    x = rng.uniform(0.0, length, size=count) if start is None else np.full(count, float(start))
    visits = np.zeros((len(windows), count), dtype=np.int32)
    folded, signed, drift = np.empty(count), np.empty(count), np.empty(count)
    noise, fresh = np.empty(count), np.empty(count)
    inside, below = np.empty(count, dtype=bool), np.empty(count, dtype=bool)
    if leimkuhler_matthews:
        _normals(rng, noise, table)  # the first step's n_0
    for step in range(burn_steps + count_steps):
        # fold: y = x - 2L round(x / 2L) lies in [-L, L], and the particle is at |y| in the box
        np.multiply(x, 1.0 / period, out=folded)
        np.rint(folded, out=folded)
        folded *= -period
        folded += x
        np.copysign(drift_per_slope, folded, out=signed)  # (D/kT) dt sign(y)
        np.abs(folded, out=folded)
        if step >= burn_steps and (step - burn_steps) % SAMPLE_EVERY == 0:
            for k, (lo, hi) in enumerate(windows):
                np.less(folded, hi, out=inside)
                if lo > 0.0:
                    np.less(folded, lo, out=below)
                    inside &= ~below
                visits[k] += inside
        # the evenly extended potential U(|y|) has slope U'(|y|) sign(y)
        np.multiply(potential.slope(folded), signed, out=drift)
        _normals(rng, fresh, table)
        if leimkuhler_matthews:
            noise += fresh  # n_k + n_{k+1}
            x += noise
            noise, fresh = fresh, noise  # n_{k+1} becomes the next step's n_k
        else:
            x += fresh
        x -= drift
    where = np.abs(x - period * np.rint(x / period))
    return visits, where


def occupation_fractions(
    potential: Potential,
    length: float,
    diffusion: float,
    kT: float,
    windows: Sequence[tuple[float, float]],
    particles: int,
    rng: np.random.Generator,
    dt: float,
    burn_in: float,
    duration: float,
    scheme: str = "leimkuhler-matthews",
) -> np.ndarray:
    """Each particle's fraction of time spent in each window [lo, hi) of the box [0, L].

    Particles start uniform in [0, L], take round(burn_in / dt) steps unobserved, then
    round(duration / dt) steps, being looked at before every SAMPLE_EVERY-th. Returns an array of shape
    (particles, len(windows)): independent rows, one per particle. Times are absolute (for
    example dt = 0.005 L^2 / D).
    """
    burn_steps, count_steps = round(burn_in / dt), round(duration / dt)
    if count_steps < 1:
        raise ValueError("duration must be at least one step")
    out = np.empty((particles, len(windows)))
    for start in range(0, particles, CHUNK):
        count = min(CHUNK, particles - start)
        visits, _ = _walk(potential, length, diffusion, kT, count, rng, dt, burn_steps, count_steps,
                          windows, scheme)
        out[start : start + count] = visits.T / len(range(0, count_steps, SAMPLE_EVERY))
    return out


def positions(
    potential: Potential,
    length: float,
    diffusion: float,
    kT: float,
    particles: int,
    rng: np.random.Generator,
    dt: float,
    duration: float,
    scheme: str = "leimkuhler-matthews",
    start: float | None = None,
) -> np.ndarray:
    """Each particle's position in [0, L] after round(duration / dt) steps from a uniform
    start (or from x = `start`): one independent sample per particle (for histograms).

    With the Leimkuhler-Matthews scheme a particle's position after n steps has the spread of
    n - 1/2 steps (its first and last noises count half): the scheme is built for stationary
    averages, not for the approach to them; use "euler" to follow a transient."""
    out = np.empty(particles)
    for first in range(0, particles, CHUNK):
        count = min(CHUNK, particles - first)
        _, out[first : first + count] = _walk(potential, length, diffusion, kT, count, rng, dt,
                                              round(duration / dt), 0, (), scheme, start)
    return out


def density_ratio(
    potential: Potential,
    length: float,
    diffusion: float,
    kT: float,
    left: tuple[float, float],
    right: tuple[float, float],
    rng: np.random.Generator,
    particles: int = PARTICLES,
    dt: float | None = None,
    burn_in: float | None = None,
    duration: float | None = None,
    scheme: str = "leimkuhler-matthews",
) -> Estimate:
    """The stationary ratio c_right / c_left of the mean concentrations in two windows
    [lo, hi) of the box, with its standard error by the delta method over the particles'
    time fractions. dt, burn_in and duration default to DT, BURN_IN and DURATION times the
    diffusion time L^2 / D."""
    diffusion_time = length**2 / diffusion
    dt = DT * diffusion_time if dt is None else dt
    burn_in = BURN_IN * diffusion_time if burn_in is None else burn_in
    duration = DURATION * diffusion_time if duration is None else duration
    fractions = occupation_fractions(potential, length, diffusion, kT, [left, right], particles, rng,
                                     dt, burn_in, duration, scheme)
    left_width, right_width = left[1] - left[0], right[1] - right[0]
    return Estimate.of_means(lambda in_left, in_right: (in_right / right_width) / (in_left / left_width),
                             fractions[:, 0], fractions[:, 1])


def concentration_ratio_across_step(height: float, kT: float, rng: np.random.Generator,
                                    particles: int = PARTICLES) -> Estimate:
    """The recommended check: c_high / c_low, the stationary ratio of the mean concentrations
    on the two sides of a potential-energy step of `height` (positive: the right side is
    higher), with its standard error.

    In units D = L = 1: U = smooth_step(height, 0.2, 0.8), windows [0, 0.1) and [0.9, 1),
    dt = 0.005, burn-in 0.8, 10 of averaging (see the module docstring). Tuned for
    |height| <= kT, where the time-step bias is below 1e-4 relative and the standard error
    0.23%; at 2 kT the bias is 1.5e-3 and the standard error 0.30%, too large for a check
    (it would need 1.5 times the particles, or dt = 0.0025 and 3 times the time).
    """
    return density_ratio(smooth_step(height, 0.2, 0.8), 1.0, 1.0, kT, (0.0, 0.1), (0.9, 1.0), rng,
                         particles=particles)
