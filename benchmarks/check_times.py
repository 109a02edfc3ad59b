"""Times `derive check`: the whole library from process start to exit, then each step and check.

Prints timings; asserts nothing (machines are noisy). Run: make bench, or
    .venv/bin/python benchmarks/check_times.py [ID ...] [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

DERIVE = Path(sys.executable).with_name("derive")


def wall_time(args: list[str], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run([str(DERIVE), *args], check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("ids", nargs="*")
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()

    print(f"# derive check, process start to exit, {options.repeat} runs")
    for target in (options.ids or [None]):
        args = ["check"] + ([target] if target else [])
        times = wall_time(args, options.repeat)
        print(f"{' '.join(args):32s} median {statistics.median(times):.2f} s  "
              f"min {min(times):.2f} s  max {max(times):.2f} s")
    import_times = wall_time(["list"], options.repeat)
    print(f"{'derive list (imports only)':32s} median {statistics.median(import_times):.2f} s")

    report = json.loads(subprocess.run([str(DERIVE), "check", "--json", *options.ids],
                                       check=True, capture_output=True, text=True).stdout)
    for derivation in report["derivations"]:
        print(f"\n# {derivation['id']}: {derivation['seconds']:.2f} s in the pipeline")
        steps = derivation["steps"]
        print(f"steps: {sum(s['seconds'] for s in steps):.3f} s for {len(steps)}; slowest:")
        for s in sorted(steps, key=lambda s: -s["seconds"])[:8]:
            print(f"  {s['label']:32s} {s['seconds'] * 1000:7.1f} ms  {s['status']}")
        print("numeric checks:")
        for c in derivation["checks"]:
            print(f"  {c['name']:32s} {c['seconds'] * 1000:7.1f} ms  "
                  f"relative stderr {c['stderr'] / abs(c['prediction']) if c['prediction'] else float('nan'):.3%}")


if __name__ == "__main__":
    main()
