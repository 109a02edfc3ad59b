"""The one readable function behind every command: derivations in, a Report out."""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed

from derive.check import Settings, check_step
from derive.model import Derivation
from derive.progress import Progress
from derive.report import DerivationResult, Report
from derive.verify import require_measurements_checked, run_check


def check(
    derivations: Sequence[Derivation],
    *,
    seed: int = 0,
    symbolic_only: bool = False,
    settings: Settings = Settings(),
    progress: Progress | None = None,
    jobs: int = 1,
) -> Report:
    """Check every step, then run every numeric check (unless symbolic_only).

    With jobs > 1 the derivations are checked side by side in forked worker processes (each
    derivation stays in one process, so its results are the same as in a sequential run).
    """
    progress = progress or Progress(quiet=True)
    for derivation in derivations:
        require_measurements_checked(derivation)
    jobs = min(jobs, len(derivations))
    if jobs > 1 and _can_fork():
        results = _in_parallel(derivations, seed, symbolic_only, settings, progress, jobs)
    else:
        results = []
        for derivation in derivations:
            results.append(check_one(derivation, seed, symbolic_only, settings, progress))
            progress.finished(results[-1])
    progress.close()
    return Report(results, seed, symbolic_only)


def check_one(derivation: Derivation, seed: int, symbolic_only: bool, settings: Settings,
              progress: Progress) -> DerivationResult:
    """Every step of one derivation, then its numeric checks."""
    started = time.perf_counter()
    steps = []
    for number, step in enumerate(derivation.steps, start=1):
        progress.doing(f"{derivation.id}: step {number}/{len(derivation.steps)} '{step.label}'")
        steps.append(check_step(derivation, number, settings))
    checks = []
    if not symbolic_only:
        for number, numeric in enumerate(derivation.checks, start=1):
            progress.doing(f"{derivation.id}: simulating '{numeric.name}' ({number}/{len(derivation.checks)})")
            checks.append(run_check(derivation, numeric, seed))
    return DerivationResult(derivation.id, derivation.title.en, derivation.module, steps, checks,
                            time.perf_counter() - started, checks_skipped=symbolic_only)


def default_jobs() -> int:
    """One worker per core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _can_fork() -> bool:
    """Workers are forked so they inherit the loaded derivations (which need not pickle)."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


_WORK: tuple = ()  # what a forked worker checks: (derivations, seed, symbolic_only, settings)


def _work(index: int) -> DerivationResult:
    derivations, seed, symbolic_only, settings = _WORK
    return check_one(derivations[index], seed, symbolic_only, settings, Progress(quiet=True))


def _in_parallel(derivations: Sequence[Derivation], seed: int, symbolic_only: bool, settings: Settings,
                 progress: Progress, jobs: int) -> list[DerivationResult]:
    global _WORK
    _WORK = (list(derivations), seed, symbolic_only, settings)
    # the likely longest first (simulations cost most), so no worker is left with a long tail
    order = sorted(range(len(derivations)), key=lambda i: (-len(derivations[i].checks), -len(derivations[i].steps)))
    pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"))
    try:
        futures = {pool.submit(_work, index): index for index in order}  # forks the workers
        # only now the live progress line may start its thread: a fork copies no threads, and a
        # lock one of them held would stay held in the child
        progress.doing(f"checking {len(derivations)} derivations in {jobs} processes")
        results: dict[int, DerivationResult] = {}
        for future in as_completed(futures):
            results[futures[future]] = future.result()
            progress.finished(results[futures[future]])
            if len(results) < len(futures):
                progress.doing(f"checked {len(results)} of {len(derivations)} derivations")
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)  # a failure (or ^C) does not wait for the rest
        raise
    else:
        pool.shutdown()
    finally:
        _WORK = ()
    return [results[index] for index in range(len(derivations))]
