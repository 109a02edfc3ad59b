"""neuroderive: derivations of neuroscience results, every step checked by the computer.

The names below are what a derivation module imports; see derive/library/random_walk.py.
"""

from derive import by
from derive.declare import cite, define, given, independent, refuted, simulated, step
from derive.expectation import E, Expectation
from derive.model import Derivation, Estimate, Params, SymbolTable, Text

__all__ = [
    "by", "cite", "define", "given", "independent", "refuted", "simulated", "step",
    "E", "Expectation", "Derivation", "Estimate", "Params", "SymbolTable", "Text",
]
