"""Where units of work run: in this process, in forked worker processes, or on a Dask cluster.

A unit is a function's arguments with a name (`Unit.key`, what a report calls it: a derivation
id, a step of one, a check and a seed). An executor runs one module-level function over many
units and returns the results in the order of the units, calling `on_done` as each one completes
(in whatever order they complete), so progress can count them across the cluster.

- `Serial()`: one after another, in this process.
- `Processes(jobs)`: forked workers (Linux). They inherit the units, so these need not pickle
  (derivations hold lambdas); only results travel back.
- `Dask(scheduler, workers)`: a `distributed` cluster, a `LocalCluster` of processes on this
  machine unless a scheduler address is given. Units and results are pickled (`ships` is True):
  a derivation travels as the name of its module or file (`derive.registry.Shipped`) and each
  worker process loads it once.

A unit whose worker dies is not lost silently. Dask reschedules it on another worker, up to
`allowed_failures` times; the fork executor runs the units that were under way when a worker
died again, each alone, so the one that kills its worker is found. A unit that still cannot
finish comes back as a `Lost` naming it, in its place among the results. An exception the
function raises is raised again here, as it would be in one process.

Every unit's random stream comes from the run's seed and the unit's own name (`unit_seed`),
never from the worker that runs it: results do not depend on the executor or the split.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import socket
import sys
import time
import uuid
import zlib
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from derive.model import InputError

KINDS = ("local", "dask")  # what --executor accepts; local: serial for one job, else forked processes
DASK_EXTRA = "pip install 'neuroderive[dask]'"


@dataclass(frozen=True)
class Unit:
    """One piece of work: the function's arguments, and the name reports give it."""

    key: str
    args: tuple


@dataclass(frozen=True)
class Lost:
    """A unit that did not finish because its worker died (or no worker was left to run it)."""

    key: str
    reason: str

    def __str__(self) -> str:
        return f"{self.key}: {self.reason}"


OnDone = Callable[[int, Any], None]


def unit_seed(seed: int, key: str) -> Any:
    """The unit's own `numpy.random.SeedSequence`: the run's seed and a stable hash of the unit's
    name (crc32, the same in every process and on every machine; Python's hash() is not)."""
    import numpy as np

    return np.random.SeedSequence([seed, zlib.crc32(key.encode())])


def default_jobs() -> int:
    """One worker per core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    """Workers are forked so they inherit the units (which need not pickle)."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


class Executor:
    """Runs a function over units; a context manager (a Dask executor starts its cluster on entry)."""

    ships = False  # units and the function are pickled and sent to processes that share nothing with this one
    workers = 1

    def __enter__(self) -> Executor:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def describe(self) -> str:
        return "this process"

    def map(self, function: Callable[..., Any], units: Sequence[Unit], on_done: OnDone | None = None) -> list[Any]:
        """function(*unit.args) for every unit, in the units' order; a Lost in place of a unit
        whose worker died."""
        raise NotImplementedError


class Serial(Executor):
    """One unit after another, in this process."""

    def map(self, function: Callable[..., Any], units: Sequence[Unit], on_done: OnDone | None = None) -> list[Any]:
        results = []
        for index, unit in enumerate(units):
            results.append(function(*unit.args))
            if on_done:
                on_done(index, results[-1])
        return results


# What the forked workers run: (function, units, started), set before the pool forks them.
_FORKED: tuple = ()
_RUNNING, _FINISHED = 1, 2


def _run_forked(index: int) -> Any:
    function, units, started = _FORKED
    started[index] = _RUNNING  # shared memory: the parent sees which units a dead worker had
    try:
        return function(*units[index].args)
    finally:
        started[index] = _FINISHED


class Processes(Executor):
    """Forked worker processes on this machine (Linux): `jobs` at a time."""

    def __init__(self, jobs: int):
        if not can_fork():
            raise InputError("--jobs N needs fork (Linux); use --jobs 1 or --executor dask")
        self.workers = jobs

    def describe(self) -> str:
        return f"{self.workers} processes"

    def map(self, function: Callable[..., Any], units: Sequence[Unit], on_done: OnDone | None = None) -> list[Any]:
        global _FORKED
        context = multiprocessing.get_context("fork")
        started = context.RawArray("b", max(1, len(units)))
        _FORKED = (function, list(units), started)
        results: dict[int, Any] = {}

        def finish(index: int, result: Any) -> None:
            results[index] = result
            if on_done:
                on_done(index, result)

        try:
            pending = list(range(len(units)))
            for _ in range(2 * len(units) + 2):  # each round ends a unit, or the workers keep dying
                if not pending:
                    break
                suspects = self._round(context, pending, self.workers, started, finish)
                for index in suspects:  # under way when a worker died: again, alone, to find the culprit
                    if self._round(context, [index], 1, started, finish):
                        finish(index, Lost(units[index].key, "its worker process died while running it, "
                                                             "and again when it ran alone"))
                pending = [i for i in pending if i not in results]
            for index in pending:
                finish(index, Lost(units[index].key, "worker processes kept dying before it could run"))
        finally:
            _FORKED = ()
        return [results[index] for index in range(len(units))]

    @staticmethod
    def _round(context: Any, indices: list[int], jobs: int, started: Any, finish: Callable[[int, Any], None]
               ) -> list[int]:
        """Run the units `indices` in a fresh pool; the units under way when a worker died, if one did."""
        for index in indices:
            started[index] = 0
        pool = ProcessPoolExecutor(min(jobs, len(indices)), mp_context=context)
        broken = False
        try:
            futures = {pool.submit(_run_forked, index): index for index in indices}  # forks the workers
            for future in as_completed(futures):
                try:
                    result = future.result()
                except BrokenProcessPool:
                    broken = True
                    continue
                finish(futures[future], result)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)  # a failure (or ^C) does not wait for the rest
            raise
        pool.shutdown(wait=not broken)
        if not broken:
            return []
        return [i for i in indices if started[i] == _RUNNING]


class Dask(Executor):
    """A Dask `distributed` cluster: at `scheduler` (an address, or a Client), else a LocalCluster
    of `workers` processes on this machine, one thread each."""

    ships = True

    def __init__(self, scheduler: Any = None, workers: int = 2, allowed_failures: int = 2,
                 no_worker_timeout: float = 60.0, connect_timeout: float = 10.0):
        self.scheduler, self.workers = scheduler, workers
        self.allowed_failures, self.no_worker_timeout = allowed_failures, no_worker_timeout
        self.connect_timeout = connect_timeout
        self.client: Any = None
        self._cluster: Any = None
        self._own_client = False

    def __enter__(self) -> Dask:
        self._depth = getattr(self, "_depth", 0) + 1
        if self.client is not None:  # entered already (a sweep inside a run): the same cluster
            return self
        distributed = _import_distributed()
        import dask

        if self.scheduler is not None and not isinstance(self.scheduler, str):  # a Client given
            self.client = self.scheduler
        elif self.scheduler is not None:
            _reachable(self.scheduler, distributed)
            try:
                self.client = distributed.Client(self.scheduler, timeout=self.connect_timeout, set_as_default=False)
            except (OSError, ValueError, TypeError) as error:  # refused, timed out, not an address
                raise InputError(f"--scheduler {self.scheduler}: cannot connect to a Dask scheduler there "
                                 f"({type(error).__name__}: {error})") from error
            self._own_client = True
        else:
            # the scheduler runs in this process: a task whose worker died is rescheduled at most
            # allowed_failures times; worker-saturation 1 sends a worker only the task it runs, so
            # a worker's death counts against that task alone
            with dask.config.set({"distributed.scheduler.allowed-failures": self.allowed_failures,
                                  "distributed.scheduler.worker-saturation": 1.0}):
                self._cluster = distributed.LocalCluster(
                    n_workers=self.workers, threads_per_worker=1, processes=True, dashboard_address=None,
                    silence_logs=logging.ERROR)
            self.client = distributed.Client(self._cluster, set_as_default=False)
            self._own_client = True
        self.workers = max(1, len(self.client.nthreads()))
        return self

    def __exit__(self, *exc: object) -> None:
        self._depth -= 1
        if self._depth:
            return
        if self._own_client and self.client is not None:
            self.client.close()
        if self._cluster is not None:
            self._cluster.close()
        self.client = self._cluster = None

    def describe(self) -> str:
        where = "a local Dask cluster" if self._cluster is not None else f"the Dask scheduler {self._address()}"
        return f"{where} of {self.workers} workers"

    def _address(self) -> str:
        try:
            return str(self.client.scheduler.address)
        except AttributeError:
            return str(self.scheduler)

    def map(self, function: Callable[..., Any], units: Sequence[Unit], on_done: OnDone | None = None) -> list[Any]:
        distributed = _import_distributed()
        if self.client is None:
            raise RuntimeError("a Dask executor runs inside `with`")
        run = uuid.uuid4().hex[:8]
        futures = [self.client.submit(function, *unit.args, key=f"derive-{run}-{index}", pure=False)
                   for index, unit in enumerate(units)]
        index_of = {future.key: index for index, future in enumerate(futures)}
        results: dict[int, Any] = {}

        def finish(index: int, result: Any) -> None:
            results[index] = result
            if on_done:
                on_done(index, result)

        pending = set(futures)
        arriving = distributed.as_completed(futures, loop=self.client.loop)
        workers_seen = checked = time.monotonic()
        again: dict[int, int] = {}  # index -> times its result was lost with a worker and computed again
        try:
            while pending:
                done = arriving.next_batch(block=False)
                for future in sorted(done, key=lambda f: index_of[f.key]):
                    pending.discard(future)
                    index = index_of[future.key]
                    if future.status == "finished":
                        finish(index, future.result())
                    elif future.status == "error" and isinstance(future.exception(), distributed.KilledWorker):
                        finish(index, Lost(units[index].key, "the Dask worker running it died, and again each "
                                                             "time it was rescheduled"))
                    elif future.status == "error":
                        future.result()  # the function raised: raise it here, as in one process
                    elif future.status in ("lost", "pending") and again.get(index, 0) < 3:
                        # its result died with a worker before it was fetched: the scheduler computes it again
                        again[index] = again.get(index, 0) + 1
                        pending.add(future)
                        arriving.add(future)
                    else:  # cancelled, or lost with the scheduler
                        finish(index, Lost(units[index].key, f"its Dask task was {future.status}"))
                if done or not pending:
                    continue
                time.sleep(0.05)
                if time.monotonic() - checked < 2.0:
                    continue
                checked = time.monotonic()
                if self.client.nthreads():
                    workers_seen = checked
                elif checked - workers_seen > self.no_worker_timeout:  # nobody left to run them: say so, by name
                    for future in sorted(pending, key=lambda f: index_of[f.key]):
                        finish(index_of[future.key], Lost(units[index_of[future.key]].key,
                                                          f"no Dask worker was connected for "
                                                          f"{self.no_worker_timeout:g} s"))
                    pending = set()
        except BaseException:
            self.client.cancel(list(pending))
            raise
        return [results[index] for index in range(len(units))]


def _reachable(address: str, distributed: Any) -> None:
    """InputError naming the address unless it parses and (tcp) a socket opens there: at once,
    rather than after the client's retries (and its noisy cleanup of a half-made connection)."""
    from distributed.comm.addressing import parse_address, parse_host_port

    try:
        scheme, location = parse_address(address)
        host, port = parse_host_port(location)
    except (ValueError, TypeError) as error:
        raise InputError(f"--scheduler {address}: not a scheduler address ({error}); "
                         "write it as tcp://host:8786") from error
    if scheme not in ("tcp", "tls"):
        return
    try:
        socket.create_connection((host, port), timeout=5).close()
    except OSError as error:
        raise InputError(f"--scheduler {address}: cannot connect to a Dask scheduler there "
                         f"({error.strerror or type(error).__name__})") from error


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError as error:
        raise InputError(f"--executor dask needs Dask's distributed scheduler, which is not installed: "
                         f"{DASK_EXTRA}") from error
    return distributed


def choose(kind: str = "local", jobs: int = 1, scheduler: Any = None) -> Executor:
    """The executor `--executor KIND --jobs N [--scheduler ADDRESS]` asks for."""
    if scheduler is not None or kind == "dask":
        return Dask(scheduler, workers=jobs)
    if kind != "local":
        raise InputError(f"--executor {kind}: unknown executor (choose from {', '.join(KINDS)})")
    return Processes(jobs) if jobs > 1 and can_fork() else Serial()


def of(spec: Any) -> Executor:
    """An executor from what `derive.sweep` accepts: "serial", a number of processes, "dask",
    a distributed Client, or an Executor."""
    if isinstance(spec, Executor):
        return spec
    if spec in (None, "serial", 1):
        return Serial()
    if isinstance(spec, int) and not isinstance(spec, bool) and spec > 1:
        return Processes(spec) if can_fork() else Serial()
    if spec == "dask":
        return Dask(workers=default_jobs())
    if type(spec).__name__ == "Client" and hasattr(spec, "submit"):
        return Dask(spec)
    raise InputError(f"executor={spec!r}: choose 'serial', a number of processes, 'dask', "
                     "a distributed.Client or a derive.executor.Executor")
