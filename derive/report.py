"""Results as plain data: what `--json` prints, what templates read, what tests assert on."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import Enum
import os
from typing import Any


def where(location: tuple[str, int]) -> str:
    """file:line, relative to the working directory when the file is below it."""
    path, line = location
    try:
        relative = os.path.relpath(path)
    except ValueError:
        relative = path
    return f"{relative if not relative.startswith('..') else path}:{line}"


class Status(Enum):
    """The verdict on one step (see the table in docs/ARCHITECTURE.md)."""

    AXIOM = "axiom"
    PROVED = "proved"
    NUMERIC = "numerically-only"
    REFUTED = "refuted"  # a claim quoted from the source, found false as expected
    FAILED = "failed"
    TIMED_OUT = "timed-out"
    INVALID = "invalid"  # the derivation is written wrongly: bad input

    @property
    def ok(self) -> bool:
        return self in (Status.AXIOM, Status.PROVED, Status.NUMERIC, Status.REFUTED)


@dataclass
class Counterexample:
    """Values at which the claim and what the rule produced differ, with both values."""

    values: dict[str, str]
    claimed: str
    produced: str
    claimed_side: str = "the claim"
    produced_side: str = "the rule"

    def __str__(self) -> str:
        at = ", ".join(f"{k}={v}" for k, v in self.values.items()) or "any values"
        return f"{at} gives {self.claimed} for {self.claimed_side} but {self.produced} for {self.produced_side}"


@dataclass
class StepResult:
    derivation: str
    number: int
    label: str
    rule: str
    kind: str
    status: Status
    seconds: float
    location: str
    claim: str
    side_conditions: list[str] = field(default_factory=list)
    points: int = 0
    digits: int = 0
    note: str = ""
    # filled when the step fails, or is refuted as expected
    problem: str = ""
    obligation: str = ""
    produced: str = ""
    residual: str = ""
    counterexample: Counterexample | None = None
    hint: str = ""

    @property
    def ok(self) -> bool:
        return self.status.ok

    @property
    def heading(self) -> str:
        return f"{self.derivation}, step {self.number} '{self.label}' ({self.rule})"

    def explain(self) -> str:
        """The few-line report of a failed (or refuted) step; empty for a step that holds."""
        if self.status in (Status.AXIOM, Status.PROVED, Status.NUMERIC):
            return ""
        lines = [f"{self.heading} {self.problem}", f"  at {self.location}", f"  claimed:        {self.claim}"]
        if self.produced:
            lines.append(f"  rule produced:  {self.produced}   [{self.obligation}]")
        if self.residual:
            lines.append(f"  residual:       {self.residual}")
        if self.counterexample:
            lines.append(f"  counterexample: {self.counterexample}")
        if self.hint:
            lines.append(f"  hint:           {self.hint}")
        return "\n".join(lines)


@dataclass
class CheckResult:
    derivation: str
    name: str
    step: str
    expect: str
    parameters: dict[str, float]
    prediction: float
    estimate: float
    stderr: float
    tolerance: float
    resolution: float
    samples: int
    passed: bool
    seconds: float
    location: str
    problem: str = ""
    kind: str = "statistical"  # or "computed": stderr is then an error estimate from refinement

    @property
    def relative_difference(self) -> float:
        return (self.estimate - self.prediction) / self.prediction if self.prediction else float("nan")

    def explain(self) -> str:
        if self.passed:
            return ""
        at = ", ".join(f"{k}={v:g}" for k, v in self.parameters.items())
        return "\n".join([
            f"{self.derivation}, check '{self.name}' (step '{self.step}') {self.problem}",
            f"  at {self.location}",
            f"  parameters:  {at}",
            f"  prediction:  {self.prediction:.6g}",
            f"  simulation:  {self.estimate:.6g} ± {self.stderr:.2g} "
            + (f"(error estimate from refinement, {self.samples} points)" if self.kind == "computed"
               else f"(standard error, {self.samples} samples)"),
            f"  difference:  {self.estimate - self.prediction:.3g} "
            f"({self.relative_difference:+.2%}); tolerance {self.tolerance:.3g}",
        ])


@dataclass
class DerivationResult:
    id: str
    title: str
    module: str
    steps: list[StepResult]
    checks: list[CheckResult]
    seconds: float
    checks_skipped: bool = False

    @property
    def passed(self) -> bool:
        return all(s.ok for s in self.steps) and all(c.passed for c in self.checks)

    @property
    def invalid(self) -> bool:
        return any(s.status is Status.INVALID for s in self.steps)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for s in self.steps:
            out[s.status.value] = out.get(s.status.value, 0) + 1
        return out

    def summary(self) -> str:
        counts = ", ".join(f"{n} {status}" for status, n in self.counts().items())
        passed = sum(c.passed for c in self.checks)
        numeric = "numeric checks skipped" if self.checks_skipped else \
            f"{passed}/{len(self.checks)} numeric checks passed"
        verdict = "ok" if self.passed else ("INVALID" if self.invalid else "FAILED")
        return f"{self.id}: {verdict} ({len(self.steps)} steps: {counts}; {numeric}) in {self.seconds:.2f} s"


@dataclass
class Report:
    derivations: list[DerivationResult]
    seed: int
    symbolic_only: bool

    @property
    def exit_code(self) -> int:
        if any(d.invalid for d in self.derivations):
            return 2
        return 0 if all(d.passed for d in self.derivations) else 1

    def to_json(self) -> dict[str, Any]:
        def plain(value: Any) -> Any:
            if isinstance(value, Enum):
                return value.value
            if isinstance(value, dict):
                return {k: plain(v) for k, v in value.items()}
            if isinstance(value, list):
                return [plain(v) for v in value]
            if isinstance(value, float) and value != value:
                return None
            return value

        return {
            "schema": "neuroderive.report/1",
            "seed": self.seed,
            "symbolic_only": self.symbolic_only,
            "passed": self.exit_code == 0,
            "derivations": [
                {
                    "id": d.id,
                    "title": d.title,
                    "passed": d.passed,
                    "seconds": round(d.seconds, 4),
                    "steps": [
                        plain({**asdict(s), "status": s.status, "seconds": round(s.seconds, 4),
                               "counterexample": asdict(s.counterexample) if s.counterexample else None})
                        for s in d.steps
                    ],
                    "checks": [plain({**asdict(c), "seconds": round(c.seconds, 4)}) for c in d.checks],
                }
                for d in self.derivations
            ],
        }
