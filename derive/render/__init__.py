"""Renders checked derivations as study notes through jinja2 templates.

Only this package knows where the templates live. Templates hold loops and blocks; all
formatting is done here, in filters and in the view passed to the template.
"""

from __future__ import annotations

import json
import os
import tempfile
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from derive.model import Derivation, Expect, InputError, RuleKind
from derive.render import notation
from derive.report import DerivationResult, Status

LANGUAGES = ("en", "zh")
PACKAGE_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"  # installed wheel
SOURCE_TEMPLATES = Path(__file__).resolve().parent.parent.parent / "templates"  # source checkout


def template_dirs(extra: Path | None = None) -> list[Path]:
    """Where templates are looked up: --templates first, then the installed copy, then the checkout."""
    candidates = ([extra] if extra else []) + [PACKAGE_TEMPLATES, SOURCE_TEMPLATES]
    return [d for d in candidates if d.is_dir()]


def environment(extra: Path | None = None) -> jinja2.Environment:
    """The Markdown environment: prose passes through, math goes in $$ blocks."""
    dirs = template_dirs(extra)
    if not dirs:
        raise FileNotFoundError("no templates/ folder found; pass --templates DIR")
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in dirs]),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def strings(lang: str, extra: Path | None = None) -> dict[str, str]:
    for folder in template_dirs(extra):
        path = folder / "strings" / f"{lang}.json"
        if path.is_file():
            return json.loads(path.read_text(encoding="utf-8"))
    raise FileNotFoundError(f"no strings for language {lang!r} in templates/strings/")


@dataclass(frozen=True)
class Handout:
    """One rendered file: where it goes and what it says."""

    path: Path
    text: str


def markdown(derivation: Derivation, result: DerivationResult, lang: str, templates: Path | None = None) -> str:
    """The Markdown study note of one checked derivation."""
    words = strings(lang, templates)
    printer = notation.printer_for(derivation)
    steps = []
    for step, outcome in zip(derivation.steps, result.steps):
        steps.append({
            "number": outcome.number,
            "label": step.label,
            "latex": notation.latex_claim(step.claim, printer),
            "prose": step.prose[lang],
            "rule": outcome.rule,
            "premises": list(step.by.premises),
            "axiom": step.by.kind is RuleKind.AXIOM,
            "refuted": step.expect is Expect.REFUTED,
            "status": _status(outcome, words),
            "side_conditions": outcome.side_conditions,
            "counterexample": str(outcome.counterexample) if outcome.counterexample else "",
            "correction": _correction(derivation, step.correction, printer),
            "explanation": outcome.explain() if outcome.status is not Status.REFUTED else "",
        })
    checks = []
    for numeric, outcome in zip(derivation.checks, result.checks):
        checks.append({
            "name": numeric.name,
            "step": numeric.step or "—",
            "description": numeric.description[lang],
            "prediction": f"{outcome.prediction:.6g}",
            "estimate": f"{outcome.estimate:.6g} ± {outcome.stderr:.2g}",
            "tolerance": f"{outcome.tolerance:.2g}",
            "passed": words["pass"] if outcome.passed else words["fail"],
            "expect_refuted": numeric.expect is Expect.REFUTED,
        })
    view: dict[str, Any] = {
        "t": words,
        "id": derivation.id,
        "section": derivation.section,
        "title": derivation.title[lang],
        "question": derivation.question[lang],
        "assumptions": [a[lang] for a in derivation.assumptions],
        "symbols": [
            {"latex": notation.latex_symbol(q, printer), "meaning": q.meaning[lang], "unit": notation.latex_unit(q)}
            for q in derivation.symbols
        ],
        "independent": [
            ", ".join(f"${printer.doprint(v)}$" for v in sorted(group.variables, key=str))
            for group in derivation.independent
        ],
        "steps": steps,
        "checks": checks,
        "symbolic_only": result.checks_skipped,
        "counts": result.counts(),
        "passed": result.passed,
        "sources": list(derivation.sources),
    }
    return _render("handout.md.j2", view, templates)


def _render(name: str, view: dict[str, Any], templates: Path | None) -> str:
    """Render a template; a template error becomes bad input naming the template and line."""
    try:
        return environment(templates).get_template(name).render(view)
    except jinja2.TemplateSyntaxError as error:
        raise InputError(f"template {error.filename or error.name}:{error.lineno}: {error.message}") from error
    except jinja2.TemplateError as error:
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.endswith(".j2")]
        where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else name
        raise InputError(f"template {where}: {error}") from error


def _correction(derivation: Derivation, label: str, printer: notation.HandoutPrinter) -> dict[str, Any] | None:
    if not label:
        return None
    number = derivation.labels.index(label) + 1
    return {"number": number, "latex": notation.latex_claim(derivation.step(label).claim, printer)}


def _status(outcome: Any, words: dict[str, str]) -> str:
    if outcome.status is Status.NUMERIC:
        return words["status_numeric"].format(points=outcome.points, digits=outcome.digits)
    return words[f"status_{outcome.status.value.replace('-', '_')}"]


def write_atomically(path: Path, text: str) -> None:
    """Write through a temporary file and rename, so a reader never sees half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError) as error:
        raise InputError(f"cannot write {path}: {path.parent} is not a folder") from error
    except PermissionError as error:
        raise InputError(f"cannot write {path}: no permission to create {path.parent}") from error
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except PermissionError as error:
        raise InputError(f"cannot write {path}: the folder {path.parent} is not writable") from error
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes 0600; a handout is for everyone to read
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def handouts(
    derivations: list[Derivation], results: list[DerivationResult], langs: list[str], out: Path,
    templates: Path | None = None,
) -> list[Handout]:
    """Render everything in memory first: a failing template writes nothing."""
    rendered = []
    for derivation, result in zip(derivations, results):
        stem = derivation.module.rsplit(".", 1)[-1] or derivation.id
        for lang in langs:
            rendered.append(Handout(out / lang / f"{stem}.md", markdown(derivation, result, lang, templates)))
    return rendered
