"""neuroderive: derivations of neuroscience results, every step checked by the computer.

The names below are what a derivation module imports; see derive/library/random_walk.py.
They load on first use (PEP 562), so `import derive.sim` and the pytest plugin stay free
of SymPy.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "by": "derive.by",
    "agrees": "derive.declare",
    "cite": "derive.declare", "define": "derive.declare", "given": "derive.declare",
    "independent": "derive.declare", "measured": "derive.declare", "refuted": "derive.declare",
    "simulated": "derive.declare",
    "step": "derive.declare",
    "E": "derive.expectation", "Expectation": "derive.expectation",
    "Derivation": "derive.model", "Eq": "derive.model", "Figure": "derive.model", "Estimate": "derive.estimate", "Params": "derive.model",
    "SymbolTable": "derive.model", "Text": "derive.model",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'derive' has no attribute {name!r}")
    module = importlib.import_module(_EXPORTS[name])
    value = module if name == "by" else getattr(module, name)
    globals()[name] = value
    return value
