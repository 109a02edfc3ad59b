"""Mutation score of the whole library: how many planted errors the checkers catch, and how fast.

Runs `derive.mutate.run` (what `derive mutate` runs) over every derivation of the library, or
over `--ids`, and prints:

  - the table of `derive mutate`: per derivation, the mutants, the equivalent ones, the share
    of non-equivalent mutants the symbolic checker rejects, the mutants of final results (steps
    a numeric check names), and the share of those moving a prediction by more than the check's
    resolution that the numeric checks reject; then the two targets, every survivor with the
    reason it survived, and every equivalent mutant with the reason it is equivalent;
  - one row per mutation operator (flip-sign, exponent, scale, swap, drop-term, function):
    mutants, equivalent, rejected by the symbolic checker;
  - the wall time of the whole run.

The exit status is 0 whatever the figures (a benchmark reports; `derive mutate` and
tests/test_mutate.py assert the targets); 2 for an unknown id.

Run:
    .venv/bin/python benchmarks/mutation_score.py [--ids ID ...] [--symbolic-only] [--seed N]
                                                  [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from derive import mutate, registry
from derive.model import InputError
from derive.progress import Progress


def by_operator(report: mutate.MutationReport) -> str:
    """One row per mutation operator: how many mutants, how many equivalent, how many rejected."""
    rows = [f"{'operator':<10} {'mutants':>7} {'equiv.':>6} {'rejected':>8} {'of non-equiv.':>13}"]
    for operator in mutate.OPERATORS:
        outcomes = [o for d in report.derivations for o in d.outcomes if o.mutant.operator == operator]
        equivalent = sum(bool(o.equivalent) for o in outcomes)
        rejected = sum(o.rejected and not o.equivalent for o in outcomes)
        share = f"{rejected / (len(outcomes) - equivalent):.1%}" if len(outcomes) > equivalent else "-"
        rows.append(f"{operator:<10} {len(outcomes):>7} {equivalent:>6} {rejected:>8} {share:>13}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--ids", nargs="*", default=[], metavar="ID", help="derivations (default: the library)")
    options.add_argument("--symbolic-only", action="store_true", help="skip the numeric checks")
    options.add_argument("--seed", type=int, default=0, help="seed of the numeric checks (default 0)")
    options.add_argument("--json", type=Path, metavar="FILE", help="also write the full report as JSON")
    args = options.parse_args(argv)
    try:
        derivations = registry.select(args.ids) if args.ids else registry.load_all()
    except InputError as error:
        print(f"mutation_score: {error}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    report = mutate.run(derivations, seed=args.seed, symbolic_only=args.symbolic_only, progress=Progress())
    seconds = time.perf_counter() - started
    print(report.text())
    print()
    print(by_operator(report))
    print()
    total = report.tally
    print(f"{len(derivations)} derivations, {total.mutants} mutants ({total.equivalent} equivalent) "
          f"in {seconds:.0f} s")
    if args.json:
        args.json.write_text(json.dumps(report.to_json(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {args.json}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
