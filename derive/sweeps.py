"""`derive.sweep`: a simulation run at every point of a parameter grid, on any executor.

    rates = derive.sweep(lambda current: hodgkin_huxley.firing_rate(current), [5.0, 10.0, 20.0])
    speeds = derive.sweep(velocity, {"radius": [60.0, 240.0], "r_i": [35.4, 70.8]}, executor="dask")

The grid is a list of points, or a dict of lists whose cartesian product is the grid (each
point then a dict, the last name varying fastest). The results come back in the grid's order,
whichever worker finished first. A function of two arguments, `func(point, rng)`, gets a numpy
Generator of its own, seeded from `seed` and the point itself (`derive.executor.unit_seed`): a
point gives the same value serially, in forked processes or on a cluster, and whatever else the
grid holds.

`executor` is "serial" (the default), a number of forked processes, "dask" (a LocalCluster of
one worker per core), a `distributed.Client` of a running cluster, or a
`derive.executor.Executor`. On Dask the function and the points are pickled (cloudpickle: a
lambda will do), so the workers need the same packages and files.
"""

from __future__ import annotations

import inspect
import itertools
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from derive import executor as executors


class SweepIncomplete(RuntimeError):
    """Some points did not finish because their workers died; `results` holds what did (a
    `derive.executor.Lost` in place of each missing point)."""

    def __init__(self, lost: list[executors.Lost], results: list[Any]):
        shown = "; ".join(map(str, lost[:5])) + ("; ..." if len(lost) > 5 else "")
        super().__init__(f"{len(lost)} of {len(results)} points of the sweep did not finish: {shown}")
        self.lost, self.results = lost, results


def points_of(grid: Iterable[Any] | Mapping[str, Iterable[Any]]) -> list[Any]:
    """The grid's points: the list itself, or the cartesian product of a dict of lists as dicts."""
    if isinstance(grid, Mapping):
        names = list(grid)
        return [dict(zip(names, values)) for values in itertools.product(*(list(v) for v in grid.values()))]
    return list(grid)


def sweep(func: Callable[..., Any], grid: Iterable[Any] | Mapping[str, Iterable[Any]], *,
          executor: Any = "serial", seed: int = 0) -> list[Any]:
    """func(point) (or func(point, rng)) at every point of the grid, in the grid's order."""
    points = points_of(grid)
    with_rng = takes_rng(func)
    units = [executors.Unit(f"point {point!r}", (func, point, seed, with_rng)) for point in points]
    with executors.of(executor) as running:
        results = running.map(evaluate, units)
    lost = [r for r in results if isinstance(r, executors.Lost)]
    if lost:
        raise SweepIncomplete(lost, results)
    return results


def evaluate(func: Callable[..., Any], point: Any, seed: int, with_rng: bool) -> Any:
    """One point (in a worker): with its own Generator when the function takes one."""
    if not with_rng:
        return func(point)
    import numpy as np

    return func(point, np.random.default_rng(executors.unit_seed(seed, f"point {point!r}")))


def takes_rng(func: Callable[..., Any]) -> bool:
    """Whether func takes a second positional argument (the Generator), or one named rng."""
    try:
        parameters = inspect.signature(func).parameters.values()
    except (TypeError, ValueError):  # a builtin without a signature: the point only
        return False
    positional = [p for p in parameters if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    required = [p for p in positional if p.default is p.empty]
    return len(required) >= 2 or any(p.kind is p.VAR_POSITIONAL for p in parameters) or \
        any(p.name == "rng" for p in positional[1:2])
