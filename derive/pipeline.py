"""The one readable function behind every command: derivations in, a Report out."""

from __future__ import annotations

import os
import time
from collections.abc import Sequence

from derive import executor as executors
from derive.check import Settings, check_step
from derive.executor import Executor, Lost, Unit, default_jobs  # noqa: F401  (default_jobs: the CLI's default)
from derive.model import Derivation
from derive.progress import Progress
from derive.registry import Shipped, ship
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
    executor: Executor | None = None,
) -> Report:
    """Check every step, then run every numeric check (unless symbolic_only).

    One derivation is one unit of work: on `executor` (default: one after another, or with
    jobs > 1 in forked worker processes), each derivation stays in one process, so its results
    are the same whatever runs them. A derivation whose worker died comes back `lost`, by name.
    """
    progress = progress or Progress(quiet=True)
    for derivation in derivations:
        require_measurements_checked(derivation)
    if executor is None:
        executor = executors.choose("local", min(jobs, len(derivations)))
    with executor as running:
        units = [Unit(d.id, (ship(d, portable=running.ships), seed, symbolic_only, settings)) for d in derivations]
        order = list(range(len(units)))
        if not isinstance(running, executors.Serial):
            # the likely longest first (simulations cost most), so no worker is left with a long tail
            order.sort(key=lambda i: (-len(derivations[i].checks), -len(derivations[i].steps)))
        _live[:] = [(os.getpid(), progress)]  # what runs in this very process shows its steps
        done = 0

        def finished(position: int, result: DerivationResult | Lost) -> None:
            nonlocal done
            done += 1
            progress.finished(_as_result(derivations[order[position]], result))
            if done < len(units) and not isinstance(running, executors.Serial):
                progress.doing(f"checked {done} of {len(units)} derivations on {running.describe()}")

        try:
            results = running.map(_check_unit, [units[i] for i in order], finished)
        finally:
            _live.clear()
    progress.close()
    by_index = {index: _as_result(derivations[index], result) for index, result in zip(order, results)}
    return Report([by_index[index] for index in range(len(derivations))], seed, symbolic_only)


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


def _check_unit(shipped: Shipped, seed: int, symbolic_only: bool, settings: Settings) -> DerivationResult:
    """One unit of work, in whichever process runs it: live progress only in the run's own process."""
    return check_one(shipped.derivation, seed, symbolic_only, settings, _unit_progress())


_live: list[tuple[int, Progress]] = []  # (process id, progress) of the run under way


def _unit_progress() -> Progress:
    """The run's live progress in its own process; quiet in a worker (forked or remote)."""
    if _live and _live[0][0] == os.getpid():
        return _live[0][1]
    return Progress(quiet=True)


def _as_result(derivation: Derivation, result: DerivationResult | Lost) -> DerivationResult:
    if isinstance(result, Lost):
        return DerivationResult(derivation.id, derivation.title.en, derivation.module, [], [], 0.0, lost=result.reason)
    return result
