"""Steady ion flux across a membrane by the Nernst-Planck equation, solved numerically.

The model: a membrane of thickness d, inside at x = 0 and outside at x = d. Ions of charge
number z move by diffusion and drift in the field, with flux (ions per area per time)

    J = -D (dc/dx + (z e / kT) c dphi/dx),

the Nernst-Planck equation (Fick's law plus the drift given by the Einstein mobility D/kT).
The field is constant: the potential falls linearly from phi_in at x = 0 to phi_out at x = d.
At steady state nothing piles up, so J is the same at every x, and the bath concentrations
fix the ends: c(0) = c_in, c(d) = c_out.

Sign conventions (used throughout):
    V = phi_in - phi_out, the membrane potential, so dphi/dx = -V/d;
    J > 0 is an outward flux (towards +x, from inside to outside);
    the electric current density carried by the ion is z e J, outward positive.
kT/e is a parameter (`kT_over_e`, in the units of V), so u = V / (kT/e) is dimensionless.

How J is found, without any closed form: with s = x/d and j = J d/D the equation reads

    dc/ds = z u c - j,

a linear first-order ODE, so c(d) is an affine function of j: c(d) = A - B j, where A is the
end value of the solution with j = 0 started at c_in, and B that with j = -1 started at 0.
Both are integrated side by side by the classical fourth-order Runge-Kutta method (RK4) with
`steps` equal steps, and j = (A - c_out) / B makes c(d) = c_out (one shot, no iteration). The
error estimate comes from the same computation with half the steps (Richardson: the error of
the fine result is about |fine - coarse| / (2^4 - 1)). V = 0 needs no special case: the ODE
is then dc/ds = -j, and RK4 is exact for it.

The reversal (zero-current) potential of several ions is the V at which the total electric
current sum_i z_i e J_i(V) vanishes, found by Brent's method (to rounding accuracy) on the
currents computed with `steps` and again with `steps/2`; the two roots give the value and
its Richardson error estimate.

Recommended size: the default `steps` (256, or more when |z u| > 4) gives relative errors
around 1e-10 for |z u| <= 4 (5e-12 at u = +1.7, 4e-10 at u = -4.2), with error estimates
that match them to a few percent, in about 0.25 ms per flux and 12 ms per reversal potential
of three ions (2 x 16 evaluations of the three currents), on one core of a 2-core Xeon VM;
see benchmarks/sim_resting_potential_times.py. Plain Python floats, not numpy: for scalars
they are several times faster.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import brentq

from derive.estimate import Estimate

ORDER = 4  # the Runge-Kutta method's order, for the Richardson error estimate
MIN_STEPS = 256
STEPS_PER_UNIT_DRIFT = 64  # at least this many steps per unit of |z u|: keeps |z u| h <= 1/64


@dataclass(frozen=True)
class Ion:
    """One permeant ion species: charge number z, diffusion constant D in the membrane, and
    the bath concentrations inside and outside. Its permeability is P = D / d."""

    charge: int
    diffusion: float
    inside: float
    outside: float


def default_steps(drift: float) -> int:
    """Runge-Kutta steps across the membrane for a drift |z u|: at least 256, and enough that
    |z u| h <= 1/64. Always even, so that half the steps is a whole number."""
    return max(MIN_STEPS, STEPS_PER_UNIT_DRIFT * math.ceil(abs(drift)))


def end_values(drift: float, inside: float, steps: int) -> tuple[float, float]:
    """Integrate dc/ds = drift c - j over s in [0, 1] by RK4 with `steps` equal steps.

    Returns (A, B): c(1) for j = 0 starting from c(0) = inside, and c(1) for j = -1 starting
    from c(0) = 0, so that c(1) = A - B j for any j (the ODE is linear in c and j).
    """
    h = 1.0 / steps
    a, b = float(inside), 0.0
    for _ in range(steps):
        k1, m1 = drift * a, drift * b + 1.0
        k2, m2 = drift * (a + 0.5 * h * k1), drift * (b + 0.5 * h * m1) + 1.0
        k3, m3 = drift * (a + 0.5 * h * k2), drift * (b + 0.5 * h * m2) + 1.0
        k4, m4 = drift * (a + h * k3), drift * (b + h * m3) + 1.0
        a += (h / 6.0) * (k1 + 2.0 * k2 + 2.0 * k3 + k4)
        b += (h / 6.0) * (m1 + 2.0 * m2 + 2.0 * m3 + m4)
    return a, b


def flux_at(
    voltage: float,
    charge: float,
    diffusion: float,
    thickness: float,
    inside: float,
    outside: float,
    kT_over_e: float,
    steps: int,
) -> float:
    """The steady flux J (outward positive) from one integration with `steps` RK4 steps.

    With s = x/d the Nernst-Planck equation is dc/ds = -(J d/D) - z (e/kT) d (dphi/dx) c,
    and the constant field has dphi/dx = -V/d.
    """
    potential_slope = -voltage / thickness  # dphi/dx of the constant field
    drift = -charge * thickness * potential_slope / kT_over_e  # coefficient of c in dc/ds
    a, b = end_values(drift, inside, steps)
    j = (a - outside) / b  # the J d/D that makes c(1) = A - B j equal c_out
    return diffusion / thickness * j


def _checked_steps(steps: int | None, drift: float) -> int:
    steps = steps or default_steps(drift)
    if steps < 4 or steps % 2:
        raise ValueError(f"steps must be even and at least 4, got {steps}")
    return steps


def flux(
    voltage: float,
    charge: float,
    diffusion: float,
    thickness: float,
    inside: float,
    outside: float,
    kT_over_e: float,
    steps: int | None = None,
) -> Estimate:
    """The steady Nernst-Planck flux J across the membrane (outward positive; in units of
    diffusion / thickness x concentration), with its error estimate from `steps` and `steps/2`
    RK4 steps. V = phi_in - phi_out, in the units of kT_over_e."""
    steps = _checked_steps(steps, charge * voltage / kT_over_e)
    args = (voltage, charge, diffusion, thickness, inside, outside, kT_over_e)
    fine = flux_at(*args, steps)
    coarse = flux_at(*args, steps // 2)
    return Estimate.from_refinement(fine, coarse, steps, ORDER)


def current(
    voltage: float,
    charge: float,
    diffusion: float,
    thickness: float,
    inside: float,
    outside: float,
    kT_over_e: float,
    steps: int | None = None,
) -> Estimate:
    """The electric current density carried by the ion, in units of e: z J (outward positive).
    Multiply by e (or by Faraday's constant, for molar concentrations) for amperes per area."""
    j = flux(voltage, charge, diffusion, thickness, inside, outside, kT_over_e, steps)
    return Estimate(charge * j.value, abs(charge) * j.stderr, j.samples, computed=True)


def total_current_at(voltage: float, ions: Sequence[Ion], thickness: float, kT_over_e: float,
                     steps: int) -> float:
    """sum_i z_i J_i(V): the total electric current density in units of e, outward positive."""
    return sum(ion.charge * flux_at(voltage, ion.charge, ion.diffusion, thickness, ion.inside,
                                    ion.outside, kT_over_e, steps) for ion in ions)


def _zero_current(ions: Sequence[Ion], thickness: float, kT_over_e: float, steps: int) -> float:
    """The V where the total current vanishes, by Brent's method to rounding accuracy.

    Outward current grows with V (a higher inside potential pushes cations out and pulls
    anions in), so the root is bracketed by widening [-w, w] from w = kT/e until the signs
    of the current at the ends differ.
    """

    def total(v: float) -> float:
        return total_current_at(v, ions, thickness, kT_over_e, steps)

    half_width = kT_over_e
    for _ in range(6):  # up to 32 kT/e: far beyond any membrane potential
        low, high = -half_width, half_width
        if total(low) * total(high) <= 0:
            return brentq(total, low, high, xtol=1e-15 * kT_over_e, rtol=4 * np.finfo(float).eps,
                          maxiter=200)
        half_width *= 2
    raise ValueError("the total current does not change sign within 32 kT/e: no reversal potential")


def reversal_potential(
    ions: Sequence[Ion],
    thickness: float,
    kT_over_e: float,
    steps: int | None = None,
) -> Estimate:
    """The zero-current (reversal, resting) potential V = phi_in - phi_out of several ions
    diffusing independently across the same constant-field membrane, in the units of
    kT_over_e, with its error estimate from solving with `steps` and `steps/2` RK4 steps.

    The default steps keep the RK4 error near 1e-10 for |z| V / (kT/e) up to about 4 (|V| <~
    100 mV for z = 1 at room temperature); pass more for ions of higher charge or steeper
    gradients (the error estimate shows when they are needed).
    """
    if not ions:
        raise ValueError("need at least one ion")
    steps = _checked_steps(steps, 4.0 * max(abs(ion.charge) for ion in ions))
    fine = _zero_current(ions, thickness, kT_over_e, steps)
    coarse = _zero_current(ions, thickness, kT_over_e, steps // 2)
    return Estimate.from_refinement(fine, coarse, steps, ORDER)


def concentration_profile(
    voltage: float,
    charge: float,
    diffusion: float,
    thickness: float,
    inside: float,
    outside: float,
    kT_over_e: float,
    points: int = 101,
) -> tuple[np.ndarray, np.ndarray]:
    """The steady concentration c(x) at `points` equally spaced x in [0, d] (for plotting):
    the RK4 solution with the flux that meets both boundary values."""
    steps = default_steps(charge * voltage / kT_over_e)
    steps = max(steps, points - 1)
    steps += (-steps) % (points - 1)  # a multiple of the intervals between plotted points
    j = flux_at(voltage, charge, diffusion, thickness, inside, outside, kT_over_e, steps) * thickness / diffusion
    drift = charge * voltage / kT_over_e  # as in flux_at: -z d (e/kT) dphi/dx
    h = 1.0 / steps
    c = float(inside)
    out = [c]
    every = steps // (points - 1)

    def slope(value: float) -> float:
        return drift * value - j

    for n in range(1, steps + 1):
        k1 = slope(c)
        k2 = slope(c + 0.5 * h * k1)
        k3 = slope(c + 0.5 * h * k2)
        k4 = slope(c + h * k3)
        c += (h / 6.0) * (k1 + 2.0 * k2 + 2.0 * k3 + k4)
        if n % every == 0:
            out.append(c)
    return np.linspace(0.0, thickness, points), np.array(out)
