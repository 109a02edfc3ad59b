"""Wall time of the mutation self-test and the false-alarm run on each executor.

For each of `--jobs 1`, `--jobs 2` (forked processes) and Dask with 2 workers (a LocalCluster on
this machine, its start-up included, or `--scheduler ADDRESS`), runs in a fresh process:

  - `derive mutate` over the derivations `--mutate-ids` (default: the whole library);
  - benchmarks/false_alarms.py over seeds 1..`--seeds` (default 200) of `--alarm-ids` (default all);

and prints one row per run: the wall time, the speed-up over one job, and whether the report
(the JSON of `derive mutate` without its timings; the false-alarm table without its seconds)
is the same as with one job. The full runs take long (about 10 and 15 minutes with 2 jobs on
2 cores); `--seeds 20 --mutate-ids equipartition ion-conductance` measures a part.

Never asserts: it only reports.

Run:
    .venv/bin/python benchmarks/executors.py [--seeds N] [--mutate-ids ID ...] [--alarm-ids ID ...]
                                             [--scheduler ADDRESS] [--only mutate|false-alarms] [--save DIR]

A report that differs from one job's while other work edits the library is the library's change,
not the executor's: --save DIR keeps each report for a diff.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXECUTORS = (("--jobs 1", ["--jobs", "1"]), ("--jobs 2", ["--jobs", "2"]),
             ("dask, 2 workers", ["--executor", "dask", "--jobs", "2"]))


def without_timings(node: object) -> object:
    if isinstance(node, dict):
        return {k: without_timings(v) for k, v in node.items() if k != "seconds"}
    if isinstance(node, list):
        return [without_timings(v) for v in node]
    return node


def mutation(ids: list[str], options: list[str]) -> tuple[float, str]:
    started = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "derive.cli", "mutate", *ids, "--json", *options],
                         cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if not run.stdout.strip():
        return seconds, f"failed (exit {run.returncode}): {run.stderr.strip().splitlines()[-1:]}"
    return seconds, json.dumps(without_timings(json.loads(run.stdout)), sort_keys=True)


def false_alarms(ids: list[str], seeds: int, options: list[str]) -> tuple[float, str]:
    started = time.perf_counter()
    command = [sys.executable, str(ROOT / "benchmarks" / "false_alarms.py"), "--seeds", str(seeds), *options]
    if ids:
        command += ["--ids", *ids]
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    # the table without its two timing columns (s total, ms/run) and the wall-time line
    rows = [re.sub(r"\s+\S+\s+\S+$", "", line) for line in run.stdout.splitlines()
            if line and not line.startswith("wall time")]
    return seconds, "\n".join(rows) or f"failed (exit {run.returncode})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=200, help="seeds of the false-alarm run (default 200)")
    parser.add_argument("--mutate-ids", nargs="*", default=[], metavar="ID", help="default: the library")
    parser.add_argument("--alarm-ids", nargs="*", default=[], metavar="ID", help="default: the library")
    parser.add_argument("--scheduler", metavar="ADDRESS", help="run the Dask rows on this cluster")
    parser.add_argument("--only", choices=("mutate", "false-alarms"))
    parser.add_argument("--save", type=Path, metavar="DIR", help="write each report (without timings) here, to diff")
    args = parser.parse_args(argv)
    executors = [(name, options if "dask" not in name or not args.scheduler
                  else ["--scheduler", args.scheduler]) for name, options in EXECUTORS]
    print(f"{'run':48s} {'executor':16s} {'wall s':>8s} {'speed-up':>8s}  same report as --jobs 1")
    work = []
    if args.only != "false-alarms":
        work.append((f"derive mutate {' '.join(args.mutate_ids) or '(library)'}",
                     lambda options: mutation(args.mutate_ids, options)))
    if args.only != "mutate":
        work.append((f"false alarms, seeds 1..{args.seeds} {' '.join(args.alarm_ids) or '(library)'}",
                     lambda options: false_alarms(args.alarm_ids, args.seeds, options)))
    for title, run in work:
        reference = None
        for name, options in executors:
            seconds, report = run(options)
            if args.save:
                args.save.mkdir(parents=True, exist_ok=True)
                name_of = re.sub(r"\W+", "-", f"{title.split(',')[0]} {name}").strip("-")
                (args.save / f"{name_of}.txt").write_text(report + "\n", encoding="utf-8")
            if reference is None:
                reference = (seconds, report)
            same = "yes" if report == reference[1] else "NO"
            print(f"{title[:48]:48s} {name:16s} {seconds:8.1f} {reference[0] / seconds:7.2f}x  {same}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
