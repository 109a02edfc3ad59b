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

    def _repr_html_(self) -> str:  # Jupyter (derive.notebook)
        from derive import notebook

        return notebook.step_html(self)

    def _repr_markdown_(self) -> str:
        from derive import notebook

        return notebook.step_markdown(self)

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
    strict: bool = False  # `--strict`: a numerically-only step fails the derivation
    lost: str = ""  # why no result came back (its worker died): the derivation fails

    @property
    def numeric_only(self) -> list[StepResult]:
        """Steps that agreed at every sample point but that SymPy did not prove."""
        return [s for s in self.steps if s.status is Status.NUMERIC]

    @property
    def passed(self) -> bool:
        return (not self.lost and all(s.ok for s in self.steps) and all(c.passed for c in self.checks)
                and not (self.strict and self.numeric_only))

    @property
    def invalid(self) -> bool:
        return any(s.status is Status.INVALID for s in self.steps)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for s in self.steps:
            out[s.status.value] = out.get(s.status.value, 0) + 1
        return out

    def summary(self) -> str:
        if self.lost:
            return f"{self.id}: LOST (not checked: {self.lost})"
        counts = ", ".join(f"{n} {status}" for status, n in self.counts().items())
        passed = sum(c.passed for c in self.checks)
        numeric = "numeric checks skipped" if self.checks_skipped else \
            f"{passed}/{len(self.checks)} numeric checks passed"
        verdict = "ok" if self.passed else ("INVALID" if self.invalid else "FAILED")
        strict = ""
        if self.strict and self.numeric_only and not self.invalid:
            strict = f" [--strict: {len(self.numeric_only)} numerically-only, not proved]"
        return (f"{self.id}: {verdict} ({len(self.steps)} steps: {counts}; {numeric}){strict} "
                f"in {self.seconds:.2f} s")

    def _repr_html_(self) -> str:  # Jupyter (derive.notebook)
        from derive import notebook

        return notebook.derivation_result_html(self)

    def _repr_markdown_(self) -> str:
        from derive import notebook

        return notebook.derivation_result_markdown(self)

    def strict_explain(self) -> str:
        """Why `--strict` fails this derivation: each numerically-only step, where, and why."""
        if not (self.strict and self.numeric_only):
            return ""
        lines = [f"{self.id}: --strict: {len(self.numeric_only)} step(s) only numerically checked, not proved"]
        for s in self.numeric_only:
            lines.append(f"  step {s.number} '{s.label}' at {s.location}" + (f": {s.note}" if s.note else ""))
        return "\n".join(lines)


@dataclass
class Report:
    derivations: list[DerivationResult]
    seed: int
    symbolic_only: bool
    # derivation id -> its Figures, drawn when a notebook displays the report (derive.check fills it)
    figures: dict[str, tuple[Any, ...]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def strict(self) -> bool:
        return any(d.strict for d in self.derivations)

    @property
    def passed(self) -> bool:
        return self.exit_code == 0

    def _repr_html_(self) -> str:  # Jupyter (derive.notebook)
        from derive import notebook

        return notebook.report_html(self)

    def _repr_markdown_(self) -> str:
        from derive import notebook

        return notebook.report_markdown(self)

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
            "strict": self.strict,
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
                    **({"lost": d.lost} if d.lost else {}),
                }
                for d in self.derivations
            ],
        }


def _split_location(location: str) -> tuple[str, int]:
    path, _, line = location.rpartition(":")
    return (path, int(line)) if path and line.isdigit() else (location, 0)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation(level: str, location: str, title: str, message: str) -> str:
    path, line = _split_location(location)
    where_ = f"file={_escape_property(path)}" + (f",line={line}" if line else "")
    return f"::{level} {where_},title={_escape_property(title)}::{_escape_data(message)}"


def github_annotations(report: Report) -> list[str]:
    """GitHub Actions workflow commands, one per failing step or check, at its file and line.

    A numerically-only step is an `error` under --strict and a `warning` otherwise, so the
    pull request shows it either way.
    """
    lines = []
    for d in report.derivations:
        for s in d.steps:
            if not s.ok:
                lines.append(_annotation("error", s.location, f"{s.derivation}: step '{s.label}' {s.status.value}",
                                         s.explain() or f"{s.heading}: {s.status.value}"))
            elif s.status is Status.NUMERIC:
                level = "error" if d.strict else "warning"
                lines.append(_annotation(level, s.location, f"{s.derivation}: step '{s.label}' numerically-only",
                                         f"{s.heading} agreed at {s.points} sample points but was not proved"
                                         + (f": {s.note}" if s.note else "")))
        for c in d.checks:
            if not c.passed:
                lines.append(_annotation("error", c.location, f"{c.derivation}: check '{c.name}' failed",
                                         c.explain()))
    return lines


def junit_xml(report: Report) -> str:
    """The report as JUnit XML: a testsuite per derivation, a testcase per step and numeric check."""
    import xml.etree.ElementTree as ET

    root = ET.Element("testsuites", name="derive check")
    total = failures = 0
    for d in report.derivations:
        suite = ET.SubElement(root, "testsuite", name=d.id, time=f"{d.seconds:.3f}")
        cases = 0
        failed = 0
        for s in d.steps:
            path, line = _split_location(s.location)
            case = ET.SubElement(suite, "testcase", classname=d.id, name=f"step-{s.number} {s.label}",
                                 file=path, line=str(line), time=f"{s.seconds:.3f}")
            strict_failure = d.strict and s.status is Status.NUMERIC
            if not s.ok or strict_failure:
                message = (f"--strict: step '{s.label}' is only numerically checked, not proved"
                           if strict_failure else f"step '{s.label}' {s.status.value}")
                failure = ET.SubElement(case, "failure", message=message, type=s.status.value)
                failure.text = s.explain() or f"{s.heading}: {s.status.value}" + (f": {s.note}" if s.note else "")
                failed += 1
            elif s.status is Status.NUMERIC:
                ET.SubElement(case, "system-out").text = f"numerically-only: {s.note}"
            cases += 1
        for c in d.checks:
            path, line = _split_location(c.location)
            case = ET.SubElement(suite, "testcase", classname=d.id, name=f"check {c.name}",
                                 file=path, line=str(line), time=f"{c.seconds:.3f}")
            if not c.passed:
                failure = ET.SubElement(case, "failure", message=f"check '{c.name}' {c.problem}".strip(),
                                        type="numeric-check")
                failure.text = c.explain()
                failed += 1
            cases += 1
        suite.set("tests", str(cases))
        suite.set("failures", str(failed))
        suite.set("errors", "0")
        total, failures = total + cases, failures + failed
    root.set("tests", str(total))
    root.set("failures", str(failures))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
