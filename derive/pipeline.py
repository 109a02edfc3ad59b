"""The one readable function behind every command: derivations in, a Report out."""

from __future__ import annotations

import time
from collections.abc import Sequence

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
) -> Report:
    """Check every step, then run every numeric check (unless symbolic_only)."""
    progress = progress or Progress(quiet=True)
    results = []
    for derivation in derivations:
        require_measurements_checked(derivation)
    for derivation in derivations:
        started = time.perf_counter()
        steps = []
        for number, step in enumerate(derivation.steps, start=1):
            progress.doing(f"{derivation.id}: step {number}/{len(derivation.steps)} '{step.label}'")
            steps.append(check_step(derivation, number, settings))
        checks = []
        if not symbolic_only:
            for number, numeric in enumerate(derivation.checks, start=1):
                progress.doing(f"{derivation.id}: simulating '{numeric.name}' "
                               f"({number}/{len(derivation.checks)})")
                checks.append(run_check(derivation, numeric, seed))
        result = DerivationResult(derivation.id, derivation.title.en, derivation.module, steps, checks,
                                  time.perf_counter() - started, checks_skipped=symbolic_only)
        progress.finished(result)
        results.append(result)
    progress.close()
    return Report(results, seed, symbolic_only)
