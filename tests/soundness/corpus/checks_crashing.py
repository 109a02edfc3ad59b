"""Simulations that raise or return the wrong type (issue 13, item 10): each fails its own check
(exit 1), naming the exception, the check and file:line, and the run goes on to report the rest.
`sound` is a correct check, run after the broken ones: it must still pass."""

import numpy as np
import sympy as sp

from derive import Derivation, Estimate, Eq, SymbolTable, Text, agrees, define, simulated

symbols = SymbolTable()
mu = symbols.add("mu", 1, "a mean", "均值", positive=True)
m = symbols.add("m", 1, "the mean of a uniform variable", "均匀变量的均值", positive=True)

CHECKS = {
    "raises-key-error": ("failed", [("KeyError",)]),
    "raises-index-error": ("failed", [("IndexError",)]),
    "raises-type-error": ("failed", [("TypeError",)]),
    "raises-assertion-error": ("failed", [("AssertionError",)]),
    "returns-none": ("failed", [("None",), ("Estimate",)]),
    "returns-a-float": ("failed", [("float",), ("Estimate",)]),
    "returns-a-tuple": ("failed", [("tuple",), ("Estimate",)]),
    "reference-raises-key-error": ("failed", [("KeyError",)]),
    "parameter-raises-key-error": ("failed", [("KeyError",)]),
    "sound": ("passed", []),
}


def broken(error: type[Exception]):
    def simulate(at, rng):
        raise error("the user's simulation is broken")
    return simulate


def key_error(at, rng):
    return Estimate.mean_of(rng.uniform(0, 2 * at[sp.Symbol("not-a-parameter")], 1000))


def index_error(at, rng):
    return Estimate.mean_of(rng.uniform(0, 2 * at[mu], 1000)[[10**6]])


def type_error(at, rng):
    return Estimate.mean_of(rng.uniform(0, 2 * at[mu], "many"))


def assertion_error(at, rng):
    assert at[mu] < 0, "mu must be negative here"
    return Estimate(0.0, 1.0, 10)


def uniform_mean(at, rng):
    """The mean of 400 000 uniform draws on [0, 2 mu]: mu, to 0.1 %."""
    return Estimate.mean_of(rng.uniform(0, 2 * at[mu], 400_000))


def bad_parameter():
    return {}["missing"]


AT = {mu: 1.0}
derivation = Derivation(
    id="corpus-checks-crashing", title=Text("checks", "checks"), question=Text("?", "?"),
    section="corpus", symbols=symbols.freeze(),
    steps=(define("mean", Eq(m, mu)),),
    checks=(
        simulated("raises-key-error", "mean", key_error, AT, "KeyError", "KeyError"),
        simulated("raises-index-error", "mean", index_error, AT, "IndexError", "IndexError"),
        simulated("raises-type-error", "mean", type_error, AT, "TypeError", "TypeError"),
        simulated("raises-assertion-error", "mean", assertion_error, AT, "AssertionError", "AssertionError"),
        simulated("returns-none", "mean", lambda at, rng: None, AT, "None", "None"),
        simulated("returns-a-float", "mean", lambda at, rng: 1.0, AT, "a float", "浮点数"),
        simulated("returns-a-tuple", "mean", lambda at, rng: (1.0, 0.001), AT, "a tuple", "元组"),
        agrees("reference-raises-key-error", broken(KeyError), uniform_mean, AT, "KeyError", "KeyError"),
        simulated("parameter-raises-key-error", "mean", uniform_mean, {mu: bad_parameter}, "KeyError", "KeyError"),
        simulated("sound", "mean", uniform_mean, AT, "uniform draws", "均匀抽样"),
    ),
)
