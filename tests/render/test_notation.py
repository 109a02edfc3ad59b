"""The handouts print mathematics as a physics textbook does: one printer, every case the review found."""

from __future__ import annotations

import pytest
import sympy as sp
from sympy.physics.units import joule, kelvin, meter, micrometer, millimeter, mol, nanometer, second

from derive.render import notation
from derive.render.notation import HandoutPrinter, number_text

mV, ms, uF, uA, Hz = sp.symbols("mV ms uF uA Hz", positive=True)
UNITS = {mV: r"\mathrm{mV}", ms: r"\mathrm{ms}", uF: r"\mu\mathrm{F/cm^2}", uA: r"\mu\mathrm{A/cm^2}",
         Hz: r"\mathrm{Hz}"}
k_B, T, zeta, D, V, E_K, t, theta, x, m, tau, e, z = sp.symbols("k_B T zeta D V E_K t theta x m tau e z")


def printer() -> HandoutPrinter:
    """The printer of a handout that declares mV, ms, μF/cm², μA/cm² and Hz as unit symbols (as HH does)."""
    return HandoutPrinter({"symbol_names": dict(UNITS), "units": frozenset(UNITS)})


def test_the_numeral_one_is_written_before_a_bare_unit():
    assert printer().value(uF) == r"1 \, \mu\mathrm{F/cm^2}"  # C = 1 μF/cm², not C = μF/cm²
    assert printer().value(meter / second) == r"1 \, \mathrm{m}/\mathrm{s}"  # P_K = 1 m/s
    assert printer().value(micrometer) == r"1 \, \mu\mathrm{m}"  # R = 1 μm


def test_values_are_decimals_to_their_stated_figures_not_fractions():
    p = printer()
    assert p.value(sp.Rational(423, 4) * mV) == r"105.75 \, \mathrm{mV}"  # not 423 mV/4
    assert p.value(sp.Rational(9, 25) * nanometer) == r"0.36 \, \mathrm{nm}"  # not 9 nm/25
    assert p.value(millimeter / 2) == r"0.5 \, \mathrm{mm}"  # not mm/2
    assert p.value(sp.Rational(165939, 12500) * uA) == r"13.27512 \, \mu\mathrm{A/cm^2}"
    assert p.value(sp.Rational(1708, 25) * Hz) == r"68.32 \, \mathrm{Hz}"
    assert p.value(-sp.Rational(3, 25) / ms) == r"-0.12 \, \mathrm{ms}^{-1}"  # not -3/(25 ms)


def test_a_value_keeps_the_trailing_zeros_of_the_figures_its_step_states():
    from derive.model import Claim

    E_L = sp.Symbol("E_L")
    assert notation.latex_claim(Claim(E_L, -sp.Rational("54.40") * mV), printer(), 4) == r"E_{L} = -54.40 \, \mathrm{mV}"
    assert notation.stated_figures(sp.Rational(7), 2) == "7.0"  # λ = 7.0 mm, not 7 mm
    assert notation.stated_figures(sp.Rational("1.2e-7"), 3) == r"1.20 \times 10^{-7}"
    assert notation.stated_figures(sp.Rational(1200), 2) == "1200"


def test_a_unit_written_in_unicode_is_tex_every_font_has():
    from sympy.physics.units import Quantity

    micro_farad = Quantity("uF_per_cm2_test", abbrev="μF/cm²")
    assert "μ" not in printer().value(micro_farad) and "²" not in printer().value(micro_farad)


def test_a_value_without_a_finite_decimal_stays_a_fraction():
    assert printer().value(mV / 3) == r"\frac{\mathrm{mV}}{3}"
    assert number_text(sp.Rational(1, 3)) is None


def test_very_small_and_large_numbers_are_in_scientific_notation():
    p = printer()
    assert p.value(sp.Rational(1380649, 10**29) * joule / kelvin) == r"1.380649 \times 10^{-23} \, \mathrm{J}/\mathrm{K}"
    assert p.value(sp.Rational(673, 10**12) * meter**2 / second) == r"6.73 \times 10^{-10} \, \mathrm{m}^{2}/\mathrm{s}"
    assert p.doprint(sp.Integer(10**8)) == "10^{8}"
    assert number_text(sp.Rational(293_15, 100)) == "293.15"


def test_products_of_units_are_written_as_their_named_unit():
    assert printer().value(sp.Rational(423, 4) * mV * uF) == r"105.75 \, \mathrm{nC/cm^2}"  # not mV μF/cm²
    assert printer().value(400 * mol / meter**3) == r"400 \, \mathrm{mol}/\mathrm{m}^{3}"


def test_the_natural_logarithm_is_ln():
    assert printer().doprint(sp.log(x)) == r"\ln{\left(x \right)}"


def test_terms_and_factors_come_in_the_conventional_order():
    p = printer()
    assert p.doprint(V - E_K) == "V - E_{K}"  # not -E_K + V
    assert p.doprint(T * k_B) == "k_{B} T"  # not T k_B
    assert p.doprint(D * zeta) == r"\zeta D"  # ζD = k_B T
    assert p.doprint(k_B * T * tau / m) == r"\frac{k_{B} T \tau}{m}"
    assert p.doprint(x - t * theta) == r"x - \theta t"
    assert p.doprint(z * e * V / (k_B * T)).endswith(r"{k_{B} T}")


def test_a_formula_with_decimals_writes_its_constants_as_decimals_too():
    assert printer().doprint(sp.Rational(1, 10) * V / mV + sp.Rational(5, 2)) == r"0.1 \, \frac{V}{\mathrm{mV}} + 2.5"


def test_reordering_changes_only_the_printing_not_the_expression():
    expr = D * zeta - T * k_B
    printer().doprint(expr)
    assert expr == D * zeta - T * k_B and expr.free_symbols == {D, zeta, T, k_B}


def test_symbols_named_in_prose_are_set_as_mathematics():
    p = printer()
    parts = notation.prose_parts("A bath of resistivity R_i fills the axon, so 2k_B T t/ζ grows.", p)
    assert [type(part).__name__ for part in parts] == ["str", "MathText", "str", "MathText", "str"]
    assert parts[1] == "R_{i}" and parts[3] == r"2k_{B} T t/\zeta"
    assert notation.prose_parts("x_n^2 and √(a/(2R_i))", p)[0] == "x_{n}^{2}"
    assert notation.prose_parts("电阻率为 R_i 的轴浆；", p) == ["电阻率为 ", "R_{i}", " 的轴浆；"]


def test_prose_without_symbols_is_left_as_it_is():
    text = "A signal fades within a millimetre, so distant synapses need help (file_name, 50%)."
    assert notation.prose_parts(text, printer()) == [text]


def test_a_symbol_whose_whole_name_is_upright_is_a_unit():
    assert notation.is_unit_latex(r"\mathrm{mV}") and notation.is_unit_latex(r"\mu\mathrm{F/cm^2}")
    assert not notation.is_unit_latex(r"E_{\mathrm{K}}") and not notation.is_unit_latex(None)


def test_a_measured_ratio_is_a_decimal_but_a_simple_fraction_stays():
    assert printer().value(sp.Rational("2.8")) == "2.8"  # stored by SymPy as 14/5
    assert printer().value(sp.Rational("13.21")) == "13.21"
    assert printer().value(sp.Rational(1, 2)) == r"\frac{1}{2}"


def test_a_decimal_argument_stays_a_decimal():
    lam = sp.Function("lambda_max")
    assert printer().doprint(lam(sp.Rational("154.515"))) == r"\lambda_{max}{\left(154.515 \right)}"
    assert printer().doprint(V / (80 * mV)) == r"\frac{V}{80 \mathrm{mV}}"  # a coefficient 1/80 is no decimal


def test_greek_letters_in_a_power_written_in_prose_are_set_as_tex():
    assert notation.prose_parts("grows as e^{x/λ} along", printer())[1] == r"e^{x/\lambda}"


def test_a_bracketed_power_written_in_prose_is_the_exponent():
    assert notation.prose_parts("the integral of e^(−x²) over", printer())[1] == "e^{-x^{2}}"


def test_a_difference_comes_after_its_coefficient():
    C, dV = sp.symbols("C Delta_V")
    assert HandoutPrinter({"symbol_names": {dV: r"\Delta V"}}).doprint(C * dV) == r"C \Delta V"


def test_a_difference_comes_after_a_variable_as_in_v_delta_t():
    v, dt = sp.symbols("v Delta_t")
    assert HandoutPrinter({"symbol_names": {dt: r"\Delta t"}}).doprint(v * dt) == r"v \Delta t"


def test_a_time_goes_after_what_it_multiplies():
    v, s, D, t = sp.symbols("v s D t")
    printer = HandoutPrinter({"times": frozenset({s, t})})
    assert printer.doprint(v * s) == "v s" and printer.doprint(2 * D * t) == "2 D t"


def test_square_roots_of_positive_factors_are_one_root():
    a, R_m, R_i, c = sp.symbols("a R_m R_i c", positive=True)
    assert HandoutPrinter().doprint(sp.sqrt(a * R_m / (2 * R_i))) == r"\sqrt{\frac{a R_{m}}{2 R_{i}}}"
    assert HandoutPrinter().doprint(c * sp.sqrt(a / (2 * R_i))) == r"c \sqrt{\frac{a}{2 R_{i}}}"
    assert HandoutPrinter().doprint(2 * sp.sqrt(2 * a)) == r"2 \sqrt{2 a}"  # not √(8a)


def test_roots_of_factors_of_unknown_sign_stay_apart():
    a, b = sp.symbols("a b")  # √a √b is not √(ab) when both are negative
    assert HandoutPrinter().doprint(sp.sqrt(a) * sp.sqrt(b)) == r"\sqrt{a} \sqrt{b}"


def test_an_exact_constant_longer_than_ten_figures_is_cut_with_an_ellipsis():
    assert number_text(sp.Rational("96485.3321233100184")) == r"96485.33212\ldots"  # F = e N_A, exact
    assert number_text(sp.Rational("8.31446261815324")) == r"8.314462618\ldots"
    assert number_text(sp.Rational("1.602176634e-19")) == r"1.602176634 \times 10^{-19}"  # ten figures: whole


def test_a_word_subscript_in_prose_is_upright_unless_the_handout_names_the_symbol():
    assert notation.prose_parts("far from E_Na at rest", printer())[1] == r"E_{\mathrm{Na}}"


def test_a_half_as_subscript_is_one_half_and_a_lone_underscore_is_not_mathematics():
    assert notation.prose_parts("steepest at V_½: the slope", printer()) == ["steepest at ", "V_{1/2}", ": the slope"]
    assert notation.prose_parts("the file x_ alone", printer()) == ["the file x_ alone"]


def test_a_declared_name_with_two_underscores_is_set_as_its_own_latex():
    from derive import registry

    friction = registry.select(["viscous-friction"])[0]
    p = notation.printer_for(friction)
    if not any(q.name == "v_drift_r" for q in friction.symbols):
        pytest.skip("the friction handout no longer declares v_drift_r")
    assert notation.prose_parts("v_drift_r = Fτ/m：快一倍。", p, friction)[0] == r"v'_{\mathrm{drift}} = F\tau/m"


def test_a_root_in_prose_takes_its_radicand_and_a_number_times_letters_is_a_product():
    parts = notation.prose_parts("spread as √n and (a + b)² = a² + 2ab + b², so", printer())
    assert r"\sqrt{n}" in parts and "(a + b)^{2} = a^{2} + 2ab + b^{2}" in parts


def test_prose_sets_a_minus_sign_a_range_and_a_thin_unbreakable_space_before_a_unit():
    assert notation.typeset("near -65 mV, 20-25 times, n - 1 steps") == "near −65\u202fmV, 20–25 times, n − 1 steps"
    assert notation.typeset("Hodgkin-Huxley, x-axis, Na⁺-K⁺") == "Hodgkin–Huxley, x-axis, Na⁺-K⁺"
