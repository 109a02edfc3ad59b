"""Counts false alarms: how often a correct numeric check fails when only the seed changes.

Runs every numeric check of the library (or of `--ids` / `--checks`) with seeds 1..N through
`derive.verify.run_check`, the function `derive check --seed S` uses, and prints one row per
check:

  kind      statistical (a Monte Carlo estimate) or computed (a deterministic computation
            with a refinement error estimate, from CheckResult.kind). A computed check does
            not depend on the seed, so it runs once, with seed 1.
  runs      how many seeds ran.
  fail      runs that failed. For a check declared expect=REFUTED (the simulation must
            reject the prediction) a failure is a run that did NOT reject it.
  expected  failures expected by chance. For a statistical check that must hold it is
            stats.FALSE_ALARM x runs (about 0.0002 for 200 runs): a single failure is then
            a sign that the tolerance or the simulation is wrong (its standard error too
            small, or an estimate biased or not normal). For a refuted check it is the chance
            of not rejecting, given the mean offset seen, x runs. Computed: "-" (no chance).
  ratio     the smallest and the largest |estimate - prediction| / tolerance seen. A run
            passes a holding check when the ratio is at most 1, and a refuted one when it is
            above 1. For a correct statistical check the largest of 200 ratios is typically
            0.5-0.7 (the largest |z| of 200 normal draws is about 2.9, out of 4.89).
  s total   seconds spent in run_check over all runs, and ms per run.

Every failure is listed after the table with the command that reproduces it. The last line
reads "N checks, F failures in R runs (expected E)". The exit status is 0 whatever the
results (a benchmark reports, it does not assert); 2 for an unknown id or check name.

Each run (a check and a seed) is one unit of work on the executor `derive check` uses
(derive/executor.py): `--jobs K` forked processes (default 2), or `--executor dask` (a local
cluster of K workers, or `--scheduler ADDRESS`). A run whose worker died is counted as a failure
and listed by name. The seed of a run is its own (derive.verify: the seed and the check's name).

Run:
    .venv/bin/python benchmarks/false_alarms.py [--seeds N] [--ids ID ...] [--checks NAME ...]
                                                [--jobs K] [--executor local|dask] [--scheduler ADDRESS]
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from statistics import NormalDist, fmean

from derive import executor as executors
from derive import registry, stats
from derive.model import Derivation, Expect, InputError, NumericCheck
from derive.registry import Shipped
from derive.verify import run_check

Key = tuple[str, str]  # (derivation id, check name)
Task = tuple[str, str, int]  # (derivation id, check name, seed)


@dataclass(frozen=True)
class Outcome:
    """What one run of one check gave, small enough to send back from a worker."""

    key: Key
    seed: int
    kind: str  # "statistical", "computed", or "error" when run_check raised
    passed: bool
    offset: float  # (estimate - prediction) / stderr
    ratio: float  # |estimate - prediction| / tolerance
    seconds: float
    problem: str


@dataclass
class Tally:
    """All runs of one check."""

    key: Key
    expect: Expect
    kind: str = ""
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.passed]

    @property
    def expected_failures(self) -> float | None:
        """Failures expected by chance; None for a deterministic check."""
        if self.kind != "statistical":
            return None
        if self.expect is Expect.HOLDS:
            return stats.FALSE_ALARM * len(self.outcomes)
        offsets = [o.offset for o in self.outcomes if math.isfinite(o.offset)]
        return miss_probability(fmean(offsets)) * len(self.outcomes) if offsets else math.nan

    @property
    def seconds(self) -> float:
        return sum(o.seconds for o in self.outcomes)


def miss_probability(offset: float) -> float:
    """P(|N(offset, 1)| <= Z): a refuted check, off by `offset` standard errors, does not reject."""
    normal = NormalDist(offset, 1)
    return normal.cdf(stats.Z) - normal.cdf(-stats.Z)


def select_checks(ids: list[str], names: list[str]) -> dict[Key, tuple[Derivation, NumericCheck]]:
    """The checks to run: of the derivations `ids` (all of the library if empty), named `names`."""
    derivations = registry.select(ids) if ids else registry.load_all()
    chosen = {(d.id, c.name): (d, c) for d in derivations for c in d.checks
              if not names or c.name in names}
    unknown = set(names) - {name for _, name in chosen}
    if unknown:
        raise InputError(f"no check named {', '.join(sorted(unknown))} in {', '.join(d.id for d in derivations)}")
    return chosen


def run_one(shipped: Shipped, name: str, seed: int) -> Outcome:
    """Run one check with one seed (in a worker); an exception becomes a failed Outcome."""
    derivation = shipped.derivation
    derivation_id, check = derivation.id, next(c for c in derivation.checks if c.name == name)
    started = time.perf_counter()
    try:
        result = run_check(derivation, check, seed)
    except Exception as error:  # a benchmark records the error and goes on
        return Outcome((derivation_id, name), seed, "error", False, math.nan, math.nan,
                       time.perf_counter() - started, f"raised {type(error).__name__}: {error}")
    difference = result.estimate - result.prediction
    offset = difference / result.stderr if result.stderr else math.copysign(math.inf, difference)
    ratio = abs(difference) / result.tolerance if result.tolerance else math.inf
    return Outcome((derivation_id, name), seed, result.kind, result.passed, offset, ratio,
                   result.seconds, result.problem)


class Progress:
    """Prints to stderr, every `every` runs, how many ran, how many failed, and the time left."""

    def __init__(self, total: int, every: int) -> None:
        self.total, self.every = total, max(1, every)
        self.done = self.failed = 0
        self.started = time.perf_counter()

    def update(self, outcome: Outcome) -> None:
        self.done += 1
        self.failed += not outcome.passed
        if self.done % self.every == 0 or self.done == self.total:
            elapsed = time.perf_counter() - self.started
            left = elapsed / self.done * (self.total - self.done)
            print(f"  {self.done}/{self.total} runs, {self.failed} failed, {elapsed:.0f} s elapsed, "
                  f"about {left:.0f} s left", file=sys.stderr, flush=True)


def run_all(running: executors.Executor, checks: dict[Key, tuple[Derivation, NumericCheck]], tasks: list[Task],
            tallies: dict[Key, Tally], progress: Progress) -> None:
    """Run the tasks on the executor and add each outcome to its check's tally, as it arrives."""
    shipped = {d.id: registry.ship(d, portable=running.ships) for d, _ in checks.values()}
    units = [executors.Unit(f"{i} / {name}, seed {seed}", (shipped[i], name, seed)) for i, name, seed in tasks]

    def arrived(index: int, outcome: Outcome | executors.Lost) -> None:
        if isinstance(outcome, executors.Lost):  # its worker died: a failure, by name
            derivation_id, name, seed = tasks[index]
            outcome = Outcome((derivation_id, name), seed, "error", False, math.nan, math.nan, 0.0,
                              f"was lost: {outcome.reason}")
        tally = tallies[outcome.key]
        tally.outcomes.append(outcome)
        if outcome.kind != "error" and not tally.kind:
            tally.kind = outcome.kind
        progress.update(outcome)

    running.map(run_one, units, arrived)


def seed_major(keys: Iterable[Key], seeds: Iterable[int]) -> list[Task]:
    """Every check for seed 1, then every check for seed 2, ...: progress moves evenly."""
    return [(i, name, seed) for seed in seeds for i, name in keys]


def format_rows(tallies: Iterable[Tally]) -> Iterator[str]:
    yield (f"{'derivation / check':50s} {'kind':11s} {'runs':>5s} {'fail':>5s} {'expected':>9s} "
           f"{'min ratio':>9s} {'max ratio':>9s} {'s total':>8s} {'ms/run':>7s}")
    for t in tallies:
        ratios = [o.ratio for o in t.outcomes if math.isfinite(o.ratio)]
        expected = t.expected_failures
        shown_expected = "-" if expected is None else f"{expected:.2g}"
        kind = (t.kind or "error") + ("*" if t.kind == "computed" else "")
        name = f"{t.key[0]} / {t.key[1]}" + (" (refuted)" if t.expect is Expect.REFUTED else "")
        yield (f"{name:50s} {kind:11s} {len(t.outcomes):5d} {len(t.failures):5d} {shown_expected:>9s} "
               f"{min(ratios, default=math.nan):9.3f} {max(ratios, default=math.nan):9.3f} "
               f"{t.seconds:8.1f} {1000 * t.seconds / max(1, len(t.outcomes)):7.0f}")


def format_failures(tallies: Iterable[Tally]) -> Iterator[str]:
    for t in tallies:
        for o in sorted(t.failures, key=lambda o: o.seed):
            yield (f"  {t.key[0]} / {t.key[1]}, seed {o.seed}: ratio {o.ratio:.3f}, {o.problem}\n"
                   f"    reproduce: derive check {t.key[0]} --seed {o.seed}")


def summary(tallies: list[Tally]) -> str:
    runs = sum(len(t.outcomes) for t in tallies)
    failures = sum(len(t.failures) for t in tallies)
    expected = sum(e for t in tallies if (e := t.expected_failures) is not None and math.isfinite(e))
    return f"{len(tallies)} checks, {failures} failures in {runs} runs (expected {expected:.2g})"


def report(tallies: list[Tally], seeds: int, seconds: float, interrupted: bool) -> None:
    print(f"# numeric checks over seeds 1..{seeds}; false-alarm probability {stats.FALSE_ALARM:g} "
          f"per run (|z| > {stats.Z:.2f}); ratio = |estimate - prediction| / tolerance")
    if interrupted:
        print("# interrupted: the counts below cover the runs that finished")
    for line in format_rows(tallies):
        print(line)
    if any(t.kind == "computed" for t in tallies):
        print("* computed: deterministic, the seed does not matter, so it ran once (seed 1)")
    failed = list(format_failures(tallies))
    if failed:
        print("failures:")
        print("\n".join(failed))
    print(f"wall time {seconds:.0f} s")
    print(summary(tallies))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", type=int, default=200, help="seeds 1..N (default 200)")
    parser.add_argument("--ids", nargs="+", default=[], metavar="ID", help="only these derivations")
    parser.add_argument("--checks", nargs="+", default=[], metavar="NAME", help="only the checks with these names")
    parser.add_argument("--jobs", "--workers", type=int, default=2, dest="jobs",
                        help="worker processes, or the local Dask cluster's workers (default 2)")
    parser.add_argument("--executor", choices=executors.KINDS, default="local",
                        help="local: forked processes (default); dask: a Dask cluster")
    parser.add_argument("--scheduler", metavar="ADDRESS", help="a Dask scheduler, e.g. tcp://host:8786 "
                                                               "(implies --executor dask)")
    options = parser.parse_args(argv)
    try:
        checks = select_checks(options.ids, options.checks)
        executor = executors.choose(options.executor, max(1, options.jobs), options.scheduler)
    except InputError as error:
        print(f"false_alarms: {error}", file=sys.stderr)
        return 2

    tallies = {key: Tally(key, check.expect) for key, (_, check) in checks.items()}
    started = time.perf_counter()
    interrupted = False
    try:
        with executor as running:
            print(f"running on {running.describe()}", file=sys.stderr, flush=True)
            # seed 1 of every check first: it tells which checks are computed and need no more seeds
            print(f"seed 1 of {len(tallies)} checks", file=sys.stderr, flush=True)
            run_all(running, checks, seed_major(tallies, [1]), tallies, Progress(len(tallies), len(tallies)))
            statistical = [key for key, t in tallies.items() if t.kind == "statistical"]
            tasks = seed_major(statistical, range(2, options.seeds + 1))
            print(f"seeds 2..{options.seeds} of {len(statistical)} statistical checks", file=sys.stderr, flush=True)
            run_all(running, checks, tasks, tallies, Progress(len(tasks), 5 * len(statistical)))
    except InputError as error:
        print(f"false_alarms: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        interrupted = True
    report(list(tallies.values()), options.seeds, time.perf_counter() - started, interrupted)
    return 0


if __name__ == "__main__":
    sys.exit(main())
