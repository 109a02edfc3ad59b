"""Prose inside LaTeX: TeX's special characters escaped, and the Unicode the handouts use
(Greek letters, superscripts, arrows) written as LaTeX, so no glyph depends on the font."""

from __future__ import annotations

import re

SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "_": r"\_",
    "%": r"\%",
    "&": r"\&",
    "#": r"\#",
    "$": r"\$",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "<": r"\textless{}",
    ">": r"\textgreater{}",
    "\u00a0": "~",
    "\u202f": "\\,",
}

GREEK = {
    "α": "alpha",
    "β": "beta",
    "γ": "gamma",
    "δ": "delta",
    "ε": "varepsilon",
    "ζ": "zeta",
    "η": "eta",
    "θ": "theta",
    "κ": "kappa",
    "λ": "lambda",
    "μ": "mu",
    "ν": "nu",
    "ξ": "xi",
    "π": "pi",
    "ρ": "rho",
    "σ": "sigma",
    "τ": "tau",
    "φ": "phi",
    "χ": "chi",
    "ψ": "psi",
    "ω": "omega",
    "Γ": "Gamma",
    "Δ": "Delta",
    "Θ": "Theta",
    "Λ": "Lambda",
    "Ξ": "Xi",
    "Π": "Pi",
    "Σ": "Sigma",
    "Φ": "Phi",
    "Ψ": "Psi",
    "Ω": "Omega",
}
MATH_SYMBOLS = {
    "→": r"\to",
    "⟨": r"\langle",
    "⟩": r"\rangle",
    "′": r"{}^{\prime}",
    "″": r"{}^{\prime\prime}",
    "←": r"\leftarrow",
    "≈": r"\approx",
    "∝": r"\propto",
    "≠": r"\neq",
    "≤": r"\leq",
    "≥": r"\geq",
    "×": r"\times",
    "±": r"\pm",
    "−": "-",
    "∞": r"\infty",
    "·": r"\cdot",
    "∂": r"\partial",
    "∫": r"\int",
    "∑": r"\sum",
    "√": r"\surd",
    "°": r"^\circ",
    "ḡ": r"\bar{g}",
    "ℓ": r"\ell",
}
SUPERSCRIPT = dict(zip("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻", "0123456789+-"))
SUBSCRIPT = dict(zip("₀₁₂₃₄₅₆₇₈₉₊₋", "0123456789+-"))

_RUN = re.compile("[" + "".join(SUPERSCRIPT) + "]+|[" + "".join(SUBSCRIPT) + "]+|.", re.DOTALL)


def escape(text: str) -> str:
    """Plain text as LaTeX that prints it literally."""
    out = []
    for match in _RUN.finditer(text):
        piece = match.group()
        first = piece[0]
        if first in SUPERSCRIPT:
            out.append(
                r"\textsuperscript{"
                + "".join(SUPERSCRIPT[c] for c in piece).replace("-", "\\textminus{}")
                + "}"
            )
        elif first in SUBSCRIPT:
            out.append(
                r"\textsubscript{" + "".join(SUBSCRIPT[c] for c in piece).replace("-", "\\textminus{}") + "}"
            )
        elif first in SPECIAL:
            out.append(SPECIAL[first])
        elif first in GREEK:
            out.append(f"\\(\\{GREEK[first]}\\)")
        elif first in MATH_SYMBOLS:
            out.append(f"\\({MATH_SYMBOLS[first]}\\)")
        else:
            out.append(re.sub(r"-(?=-)", "-{}", piece))  # --symbolic-only, not an en dash
    return "".join(out)
