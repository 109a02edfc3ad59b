"""The steady Nernst-Planck solver against the Goldman-Hodgkin-Katz results.

The closed forms here (GHK current, GHK voltage equation, Nernst potential) are the expected
values; the solver never uses them. A computed value agrees when it is within 10 times its
error estimate (as derive.verify judges it), with a floor at rounding level.
"""

from __future__ import annotations

import math

import pytest

from derive.estimate import Estimate
from derive.sim import nernst_planck as np_

KT_OVER_E = 8.617333262e-5 * (273.15 + 6.3)  # volts, at 6.3 C (Hodgkin and Huxley's squid axon)
THICKNESS = 4e-9  # m
DIFFUSION = 2e-9 * 1e-6  # m^2/s in the membrane (any value: J scales with P = D/d)
ERROR_MULTIPLE = 10.0

# squid giant axon, mM inside / outside, and relative permeabilities K : Na : Cl = 1 : 0.04 : 0.45
SQUID = {"K": (1, 400.0, 20.0, 1.0), "Na": (1, 50.0, 440.0, 0.04), "Cl": (-1, 40.0, 560.0, 0.45)}


def ghk_flux(voltage: float, charge: int, permeability: float, inside: float, outside: float) -> float:
    """J = P z u (c_in - c_out e^{-z u}) / (1 - e^{-z u}), u = eV/kT; P (c_in - c_out) at V = 0."""
    zu = charge * voltage / KT_OVER_E
    if zu == 0:
        return permeability * (inside - outside)
    return permeability * zu * (inside - outside * math.exp(-zu)) / -math.expm1(-zu)


def ghk_voltage(ions: dict[str, tuple[int, float, float, float]]) -> float:
    """V = (kT/e) ln((sum_cations P c_out + sum_anions P c_in) / (sum_cations P c_in + sum_anions P c_out))."""
    numerator = sum(p * (out if z > 0 else inside) for z, inside, out, p in ions.values())
    denominator = sum(p * (inside if z > 0 else out) for z, inside, out, p in ions.values())
    return KT_OVER_E * math.log(numerator / denominator)


def assert_computed_agrees(estimate: Estimate, expected: float, scale: float) -> None:
    assert estimate.computed
    tolerance = max(ERROR_MULTIPLE * estimate.stderr, 1e-12 * scale)
    assert abs(estimate.value - expected) <= tolerance, (
        f"{estimate.value!r} vs exact {expected!r}: off by {estimate.value - expected:.3g}, "
        f"error estimate {estimate.stderr:.3g}"
    )
    assert ERROR_MULTIPLE * estimate.stderr <= 1e-6 * scale  # resolved far beyond the checks' 0.2%


@pytest.mark.parametrize("charge, inside, outside", [(1, 400.0, 20.0), (-1, 40.0, 560.0), (2, 1e-4, 10.0)])
@pytest.mark.parametrize("millivolts", [-100.0, -60.0, -20.0, 0.0, 15.0, 60.0])
def test_nernst_planck_flux_matches_the_ghk_current_at_several_voltages(
    charge: int, inside: float, outside: float, millivolts: float
) -> None:
    voltage = millivolts * 1e-3
    j = np_.flux(voltage, charge, DIFFUSION, THICKNESS, inside, outside, KT_OVER_E)
    permeability = DIFFUSION / THICKNESS
    scale = permeability * max(inside, outside)
    assert_computed_agrees(j, ghk_flux(voltage, charge, permeability, inside, outside), scale)
    current = np_.current(voltage, charge, DIFFUSION, THICKNESS, inside, outside, KT_OVER_E)
    assert current.value == pytest.approx(charge * j.value, rel=1e-15)


def test_flux_is_outward_when_the_inside_is_richer_and_there_is_no_field() -> None:
    j = np_.flux(0.0, 1, DIFFUSION, THICKNESS, 400.0, 20.0, KT_OVER_E)
    assert j.value > 0
    assert j.value == pytest.approx(DIFFUSION / THICKNESS * 380.0, rel=1e-14)  # Fick's law, exactly


def test_positive_inside_potential_pushes_cations_out_and_pulls_anions_in() -> None:
    equal = (100.0, 100.0)
    assert np_.flux(0.05, 1, DIFFUSION, THICKNESS, *equal, KT_OVER_E).value > 0
    assert np_.flux(0.05, -1, DIFFUSION, THICKNESS, *equal, KT_OVER_E).value < 0


@pytest.mark.parametrize("name", ["K", "Na", "Cl"])
def test_flux_vanishes_at_the_nernst_potential(name: str) -> None:
    charge, inside, outside, _ = SQUID[name]
    nernst = KT_OVER_E / charge * math.log(outside / inside)
    j = np_.flux(nernst, charge, DIFFUSION, THICKNESS, inside, outside, KT_OVER_E)
    assert_computed_agrees(j, 0.0, DIFFUSION / THICKNESS * max(inside, outside))


def test_reversal_potential_of_three_ions_matches_the_ghk_voltage_equation() -> None:
    ions = [np_.Ion(z, p * DIFFUSION, inside, out) for z, inside, out, p in SQUID.values()]
    v = np_.reversal_potential(ions, THICKNESS, KT_OVER_E)
    expected = ghk_voltage(SQUID)
    assert -0.070 < expected < -0.050  # the squid axon rests near -60 mV
    assert_computed_agrees(v, expected, abs(expected))


def test_reversal_potential_of_one_ion_is_its_nernst_potential() -> None:
    v = np_.reversal_potential([np_.Ion(1, DIFFUSION, 400.0, 20.0)], THICKNESS, KT_OVER_E)
    assert_computed_agrees(v, KT_OVER_E * math.log(20.0 / 400.0), KT_OVER_E)


def test_reversal_potential_does_not_depend_on_the_scale_of_the_permeabilities() -> None:
    ions = [np_.Ion(z, p * DIFFUSION, inside, out) for z, inside, out, p in SQUID.values()]
    faster = [np_.Ion(i.charge, 1e3 * i.diffusion, i.inside, i.outside) for i in ions]
    slow = np_.reversal_potential(ions, THICKNESS, KT_OVER_E)
    fast = np_.reversal_potential(faster, 10 * THICKNESS, KT_OVER_E)
    assert fast.value == pytest.approx(slow.value, rel=1e-10)


def test_no_reversal_potential_without_opposing_currents() -> None:
    with pytest.raises(ValueError, match="does not change sign"):
        np_.reversal_potential([np_.Ion(1, DIFFUSION, 100.0, 0.0)], THICKNESS, KT_OVER_E)


@pytest.mark.parametrize("steps", [8, 16, 32, 256])
@pytest.mark.parametrize("millivolts", [-90.0, 40.0])
def test_error_estimates_are_honest(steps: int, millivolts: float) -> None:
    """The true error (against GHK) is within a small factor of the Richardson estimate, at
    coarse steps where the error is large as well as at the default."""
    voltage = millivolts * 1e-3
    j = np_.flux(voltage, 1, DIFFUSION, THICKNESS, 400.0, 20.0, KT_OVER_E, steps=steps)
    exact = ghk_flux(voltage, 1, DIFFUSION / THICKNESS, 400.0, 20.0)
    error = abs(j.value - exact)
    floor = 1e-13 * abs(exact)
    assert error <= 2.0 * j.stderr + floor
    assert j.stderr <= 2.0 * error + floor  # an estimate, not a loose bound: it tracks the error


def test_reversal_error_estimate_is_honest_at_coarse_steps() -> None:
    ions = [np_.Ion(z, p * DIFFUSION, inside, out) for z, inside, out, p in SQUID.values()]
    v = np_.reversal_potential(ions, THICKNESS, KT_OVER_E, steps=8)
    error = abs(v.value - ghk_voltage(SQUID))
    assert 1e-9 < error <= 2.0 * v.stderr
    assert v.stderr <= 2.0 * error


def test_steps_must_be_even() -> None:
    with pytest.raises(ValueError, match="even"):
        np_.flux(0.01, 1, DIFFUSION, THICKNESS, 1.0, 2.0, KT_OVER_E, steps=15)


def test_concentration_profile_meets_both_baths_with_the_same_flux_everywhere() -> None:
    voltage, charge, inside, outside = -0.07, 1, 400.0, 20.0
    x, c = np_.concentration_profile(voltage, charge, DIFFUSION, THICKNESS, inside, outside, KT_OVER_E,
                                     points=401)
    assert x[0] == 0.0 and x[-1] == pytest.approx(THICKNESS)
    assert c[0] == inside
    assert c[-1] == pytest.approx(outside, rel=1e-9)
    # J = -D (dc/dx + (e/kT) z c dphi/dx) with dphi/dx = -V/d, by fourth-order central differences
    # (the two terms nearly cancel here, 200 to 1, so second-order differences are too coarse)
    h = x[1] - x[0]
    dc_dx = (-c[4:] + 8 * c[3:-1] - 8 * c[1:-3] + c[:-4]) / (12 * h)
    local_flux = -DIFFUSION * (dc_dx + charge / KT_OVER_E * c[2:-2] * (-voltage / THICKNESS))
    j = np_.flux(voltage, charge, DIFFUSION, THICKNESS, inside, outside, KT_OVER_E).value
    assert max(abs(local_flux / j - 1)) < 1e-6
