"""neuroderive: derivations of neuroscience results, every step checked by the computer.

The names below are what a derivation module imports; see derive/library/random_walk.py.
They load on first use (PEP 562), so `import derive.sim` and the pytest plugin stay free
of SymPy. `derive.check(derivation)` checks a derivation from a notebook cell or a script and
returns the report (see derive.notebook); in IPython, derivations then display as HTML.
`derive.sweep(func, grid, executor=...)` runs a simulation over a parameter grid (derive.sweeps).
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

_EXPORTS = {
    "by": "derive.by",
    "agrees": "derive.declare",
    "cite": "derive.declare", "define": "derive.declare", "given": "derive.declare",
    "exercise": "derive.declare", "heading": "derive.declare",
    "independent": "derive.declare", "measured": "derive.declare", "refuted": "derive.declare",
    "simulated": "derive.declare",
    "step": "derive.declare",
    "E": "derive.expectation", "Expectation": "derive.expectation",
    "Derivation": "derive.model", "Eq": "derive.model", "Figure": "derive.model", "Estimate": "derive.estimate", "Params": "derive.model",
    "SymbolTable": "derive.model", "Text": "derive.model",
    "sweep": "derive.sweeps",
}

__all__ = sorted([*_EXPORTS, "check"])


class _CheckModule(types.ModuleType):
    """The checker module `derive.check`, callable as `derive.check(derivation, step=None, ...)`.

    The public function and the submodule share one name, and importing a submodule always sets
    the package's attribute to the module; so the module itself is made callable."""

    def __call__(self, derivation: Any, step: Any = None, **options: Any) -> Any:
        from derive.notebook import check

        return check(derivation, step, **options)


class _Package(types.ModuleType):
    def __setattr__(self, name: str, value: Any) -> None:
        if name == "check" and type(value) is types.ModuleType:
            value.__class__ = _CheckModule
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str) -> Any:
    if name == "check":
        return importlib.import_module("derive.check")  # the import makes it callable (_Package)
    if name not in _EXPORTS:
        raise AttributeError(f"module 'derive' has no attribute {name!r}")
    module = importlib.import_module(_EXPORTS[name])
    value = module if name == "by" else getattr(module, name)
    globals()[name] = value
    if "IPython" in sys.modules and name == "Derivation":
        from derive import notebook

        notebook.register()
    return value
