"""Times the drawing of every figure of the library: draw, and draw plus save as SVG and PDF.

Prints timings; asserts nothing (machines are noisy). Run:
    .venv/bin/python benchmarks/figure_times.py [ID ...] [--repeat N]
"""

from __future__ import annotations

import argparse
import functools
import statistics
import time

from derive import registry
from derive.render import figures


def seconds(action, repeat: int) -> float:
    """The median wall time of `action()` over `repeat` runs."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("ids", nargs="*")
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()

    derivations = [d for d in registry.load_all() if not options.ids or d.id in options.ids]
    import matplotlib.figure  # noqa: F401  (import time is not drawing time)

    print(f"# median of {options.repeat} runs, seconds: draw only | draw + SVG | draw + PDF")
    totals = [0.0, 0.0, 0.0]
    for derivation in derivations:
        for figure in derivation.figures:
            row = [seconds(functools.partial(action, figure), options.repeat)
                   for action in (figures.draw, figures.svg, figures.pdf)]
            totals = [a + b for a, b in zip(totals, row)]
            name = f"{derivation.id}/{figure.name}"
            print(f"{name:60s} {row[0]:6.3f} | {row[1]:6.3f} | {row[2]:6.3f}")
    print(f"{'total':60s} {totals[0]:6.3f} | {totals[1]:6.3f} | {totals[2]:6.3f}")


if __name__ == "__main__":
    main()
