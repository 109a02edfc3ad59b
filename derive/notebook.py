"""Derivations in Jupyter: `derive.check(...)` from a cell, and rich display of what it returns.

A `Report`, a `DerivationResult` and a `StepResult` display themselves (`_repr_html_`,
`_repr_markdown_`, defined in derive.report and built here): the step table with each status,
a failure's report with its counterexample. A `Derivation` displays as its handout in brief
(symbols, claims in MathML, justifications, figures inline) once IPython is running, through
IPython's HTML formatter (`register`), which `import derive` sets up in a notebook.

    import derive
    report = derive.check(derivation)          # every step and numeric check: a Report
    derive.check(derivation, "spike-count")    # one step of it: a StepResult
    derive.check(derivation, step(...))        # a step being written, after the others
"""

from __future__ import annotations

import dataclasses
import html
from typing import Any

from derive.model import Derivation, Step
from derive.report import CheckResult, DerivationResult, Report, Status, StepResult

COLOURS = {
    "axiom": "#555", "proved": "#1a7f37", "numerically-only": "#9a6700", "refuted": "#0550ae",
    "failed": "#cf222e", "timed-out": "#cf222e", "invalid": "#cf222e",
}


def check(
    derivation: Derivation,
    step: str | Step | None = None,
    *,
    seed: int = 0,
    symbolic_only: bool = False,
    time_limit: float | None = None,
    strict: bool = False,
) -> Report | StepResult:
    """Check a derivation as `derive check` does and return the report (which displays itself).

    With `step` a label, only that step is judged; with `step` a Step not yet in the derivation
    (one being written in a cell), it is judged after all the derivation's steps.
    """
    from derive import pipeline
    from derive.check import Settings, check_step

    if not isinstance(derivation, Derivation):
        raise TypeError(f"derive.check expects a Derivation, not {type(derivation).__name__}")
    settings = Settings() if time_limit is None else Settings(seconds_per_step=time_limit)
    if isinstance(step, Step):
        if step.label in derivation.labels:
            if derivation.step(step.label) != step:
                derivation = derivation.with_step(step.label, claim=step.claim, by=step.by)
        else:
            derivation = dataclasses.replace(derivation, steps=derivation.steps + (step,))
        step = step.label
    if step is not None:
        if step not in derivation.labels:
            raise KeyError(f"{derivation.id}: no step {step!r}; steps are: {', '.join(derivation.labels)}")
        return check_step(derivation, derivation.labels.index(step) + 1, settings)
    report = pipeline.check([derivation], seed=seed, symbolic_only=symbolic_only, settings=settings)
    for result in report.derivations:
        result.strict = strict
    report.figures[derivation.id] = derivation.figures
    return report


def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _status(status: Status) -> str:
    colour = COLOURS.get(status.value, "#000")
    return f'<span style="color:{colour};font-weight:bold">{_e(status.value)}</span>'


def _pre(text: str) -> str:
    return f'<pre style="white-space:pre-wrap;margin:0.3em 0">{_e(text)}</pre>'


def step_html(result: StepResult) -> str:
    """One step's verdict: a one-row table, and the report when it fails (or is refuted)."""
    return _steps_table([result]) + _step_details(result)


def _step_details(s: StepResult) -> str:
    if s.explain():
        return _pre(s.explain())
    if s.status is Status.NUMERIC and s.note:
        return _pre(f"{s.heading}: numerically-only ({s.points} points, {s.digits} digits): {s.note}")
    return ""


def _steps_table(steps: list[StepResult]) -> str:
    rows = "".join(
        f"<tr><td>{s.number}</td><td><code>{_e(s.label)}</code></td><td>{_status(s.status)}</td>"
        f"<td><code>{_e(s.claim)}</code></td><td>{_e(s.rule)}</td><td>{_e(s.location)}</td></tr>"
        for s in steps
    )
    return ("<table><thead><tr><th>#</th><th>step</th><th>status</th><th>claim</th><th>justification</th>"
            f"<th>where</th></tr></thead><tbody>{rows}</tbody></table>")


def _checks_table(checks: list[CheckResult]) -> str:
    if not checks:
        return ""
    rows = "".join(
        f"<tr><td><code>{_e(c.name)}</code></td><td><code>{_e(c.step)}</code></td>"
        f"<td>{c.prediction:.6g}</td><td>{c.estimate:.6g} ± {c.stderr:.2g}</td><td>{c.tolerance:.2g}</td>"
        f"<td>{_status(Status.PROVED if c.passed else Status.FAILED).replace('proved', 'passed')}</td></tr>"
        for c in checks
    )
    return ("<table><thead><tr><th>check</th><th>step</th><th>prediction</th><th>simulation</th>"
            f"<th>tolerance</th><th>verdict</th></tr></thead><tbody>{rows}</tbody></table>")


def derivation_result_html(result: DerivationResult) -> str:
    """A derivation's verdict: the summary line, the steps, the checks, then every failure's report."""
    failures = [s for s in result.steps if s.explain()] + [c for c in result.checks if not c.passed]
    reports = "".join(_pre(f.explain()) for f in failures)
    if result.strict_explain():
        reports += _pre(result.strict_explain())
    return (f"<div><p><strong>{_e(result.summary())}</strong></p>{_steps_table(result.steps)}"
            f"{_checks_table(result.checks)}{reports}</div>")


def report_html(report: Report) -> str:
    """Every derivation's verdict, each followed by its figures when the report knows them."""
    return "".join(derivation_result_html(d) + _figures_html(report.figures.get(d.id, ()))
                   for d in report.derivations)


def _figures_html(figures: Any) -> str:
    if not figures:
        return ""
    from derive.render import figures as drawing  # matplotlib only when there is something to draw

    return "".join(f"<figure>{drawing.svg(f)}<figcaption>{_e(_words(f.caption))}</figcaption></figure>"
                   for f in figures)


def _md(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def derivation_result_markdown(result: DerivationResult) -> str:
    lines = [f"**{_md(result.summary())}**", "", "| # | step | status | claim |", "|---|---|---|---|"]
    lines += [f"| {s.number} | `{_md(s.label)}` | {s.status.value} | `{_md(s.claim)}` |" for s in result.steps]
    if result.checks:
        lines += ["", "| check | prediction | simulation | passed |", "|---|---|---|---|"]
        lines += [f"| `{_md(c.name)}` | {c.prediction:.6g} | {c.estimate:.6g} ± {c.stderr:.2g} | "
                  f"{'yes' if c.passed else 'no'} |" for c in result.checks]
    for failure in [s.explain() for s in result.steps] + [c.explain() for c in result.checks]:
        if failure:
            lines += ["", "```text", failure, "```"]
    return "\n".join(lines)


def report_markdown(report: Report) -> str:
    return "\n\n".join(derivation_result_markdown(d) for d in report.derivations)


def step_markdown(result: StepResult) -> str:
    text = f"step {result.number} `{result.label}`: **{result.status.value}**: `{_md(result.claim)}`"
    details = result.explain() or (result.note if result.status is Status.NUMERIC else "")
    return text + (f"\n\n```text\n{details}\n```" if details else "")


def _math(expression: Any) -> str:
    """MathML for a SymPy expression (the handouts' HTML does the same), or its text if that fails."""
    import latex2mathml.converter
    import sympy as sp

    try:
        return latex2mathml.converter.convert(sp.latex(expression))
    except Exception:  # a LaTeX construct latex2mathml does not know: show the plain text
        return f"<code>{_e(sp.sstr(expression))}</code>"


def _words(text: Any) -> str:
    return text.en or text.zh


def derivation_html(derivation: Derivation, figures: bool = True) -> str:
    """A derivation in brief, before it is checked: symbols, steps with their claims, checks, figures."""
    import sympy as sp

    symbols = "".join(
        f"<tr><td>{_math(q.head if isinstance(q.head, sp.Symbol) else sp.Symbol(q.name))}</td>"
        f"<td>{_e(q.dimension.name)}</td><td>{_e(_words(q.meaning))}</td></tr>"
        for q in derivation.symbols
    )
    def above(number: int, s: Step) -> str:
        """A subheading, or an exercise's question before its first step, as a row of its own."""
        rows = f"<tr><td colspan='5'><strong>{_e(_words(s.heading))}</strong></td></tr>" if s.heading else ""
        if s.exercise and (number == 1 or derivation.steps[number - 2].exercise != s.exercise):
            rows += (f"<tr><td colspan='5'><em>exercise <code>{_e(s.exercise.label)}</code>: "
                     f"{_e(_words(s.exercise.question))}</em></td></tr>")
        return rows

    steps = "".join(
        above(number, s) +
        f"<tr><td>{number}</td><td><code>{_e(s.label)}</code></td>"
        f"<td>{_math(s.claim.lhs)} {'≈' if s.claim.approximate else '='} {_math(s.claim.rhs)}</td>"
        f"<td>{_e(s.by.describe())}{' (quoted as false)' if s.expect.value == 'refuted' else ''}</td>"
        f"<td>{_e(_words(s.prose))}</td></tr>"
        for number, s in enumerate(derivation.steps, start=1)
    )
    checks = "".join(f"<li><code>{_e(c.name)}</code> (step <code>{_e(c.step)}</code>): "
                     f"{_e(_words(c.description))}</li>" for c in derivation.checks)
    drawn = _figures_html(derivation.figures) if figures else ""
    title = _words(derivation.title) or derivation.id
    return (f"<div><h3>{_e(title)} <small>({_e(derivation.id)}, not yet checked: "
            f"<code>derive.check(derivation)</code>)</small></h3>"
            f"<p>{_e(_words(derivation.question))}</p>"
            + ("<ul>" + "".join(f"<li>{_e(_words(k))}</li>" for k in derivation.key_ideas) + "</ul>"
               if derivation.key_ideas else "") +
            f"<table><thead><tr><th>symbol</th><th>dimension</th><th>meaning</th></tr></thead>"
            f"<tbody>{symbols}</tbody></table>"
            f"<table><thead><tr><th>#</th><th>step</th><th>claim</th><th>justification</th><th></th></tr></thead>"
            f"<tbody>{steps}</tbody></table>"
            + (f"<p>Numeric checks:</p><ul>{checks}</ul>" if checks else "") + drawn + "</div>")


def register(ipython: Any = None) -> bool:
    """Make IPython display a Derivation as HTML; True when an IPython shell was there to tell."""
    if ipython is None:
        try:
            from IPython import get_ipython
        except ImportError:
            return False
        ipython = get_ipython()
    if ipython is None:
        return False
    formatter = ipython.display_formatter.formatters["text/html"]
    formatter.for_type(Derivation, derivation_html)
    return True


def load_ipython_extension(ipython: Any) -> None:
    """`%load_ext derive.notebook`: the same as what `import derive` does in a notebook."""
    register(ipython)
