"""Numeric checks without the power they claim (issue 13, item 9): scale= is for zero
predictions only (with it, an underpowered simulation let a 10 % error pass on about a third of
seeds); one sample with zero standard error is not a statistical estimate; a 100 % error is a
disagreement, not a lack of samples."""

import numpy as np
import sympy as sp

from derive import Derivation, Estimate, Eq, SymbolTable, Text, define, simulated

symbols = SymbolTable()
mu = symbols.add("mu", 1, "a mean", "均值", positive=True)
m = symbols.add("m", 1, "the mean of a uniform variable", "均匀变量的均值", positive=True)

CHECKS = {
    "one-sample-zero-error": ("failed", [("sample", "standard error", "stderr")]),
    "one-sample-some-error": ("failed", [("sample", "standard error", "stderr")]),
    "scale-on-a-nonzero-prediction": ("failed-or-invalid", [("scale",)]),
    # 2 ± 0.1 against 1: underpowered (10 % standard error), but the 100 % difference is 10 standard
    # errors, so the report must say it disagrees, not only that it needs more samples
    "hundred-percent-error": ("failed", [("disagree", "differ")]),
    "negative-standard-error": ("failed", [("standard error", "stderr"), ("negative", "below 0", "above 0", "< 0", "positive")]),
    "vector-estimate": ("failed", [("array", "number", "scalar", "float")]),
    "sound": ("passed", []),
}


def uniform_mean(at, rng):
    """The mean of 400 000 uniform draws on [0, 2 mu]: mu, to 0.1 %."""
    return Estimate.mean_of(rng.uniform(0, 2 * at[mu], 400_000))


def ten_percent_high_underpowered(at, rng):
    """Uniform on [0, 2.2 mu]: its mean is 10 % above mu; only 100 samples."""
    return Estimate.mean_of(rng.uniform(0, 2.2 * at[mu], 100))


AT = {mu: 1.0}
derivation = Derivation(
    id="corpus-checks-power", title=Text("checks", "checks"), question=Text("?", "?"),
    section="corpus", symbols=symbols.freeze(),
    steps=(define("mean", Eq(m, mu)),),
    checks=(
        simulated("one-sample-zero-error", "mean", lambda at, rng: Estimate(at[mu], 0.0, 1), AT,
                  "one sample", "一个样本"),
        simulated("one-sample-some-error", "mean", lambda at, rng: Estimate(at[mu], 1e-4, 1), AT,
                  "one sample", "一个样本"),
        simulated("scale-on-a-nonzero-prediction", "mean", ten_percent_high_underpowered, AT,
                  "scale on a nonzero prediction", "非零预测的 scale", scale=sp.Integer(100)),
        simulated("hundred-percent-error", "mean", lambda at, rng: Estimate(2 * at[mu], 0.1, 400), AT,
                  "twice the prediction", "预测的两倍"),
        simulated("negative-standard-error", "mean", lambda at, rng: Estimate(1.1 * at[mu], -0.5, 1000), AT,
                  "a negative standard error", "负的标准误差"),
        simulated("vector-estimate", "mean", lambda at, rng: Estimate(np.array([at[mu], at[mu]]), 0.001, 1000), AT,
                  "an array where a number belongs", "数组代替数"),
        simulated("sound", "mean", uniform_mean, AT, "uniform draws", "均匀抽样"),
    ),
)
