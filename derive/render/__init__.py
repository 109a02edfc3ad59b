"""Renders checked derivations as study notes: Markdown, LaTeX (and PDF) and HTML.

Only this package knows where the templates live. One view model (`view.py`) feeds every
format; a format (`formats.py`) only adds its templates and filters. Everything is rendered in
memory first and then written file by file through a temporary file and a rename, so a
template error writes nothing and a reader never sees half a file.

Layout of the output folder (`-o DIR`):

    DIR/<lang>/<stem>.md, index.md        Markdown (GitHub)
    DIR/<lang>/<stem>.tex, book.tex       LaTeX: one standalone file per handout, one book
    DIR/<lang>/<stem>.pdf, book.pdf       PDF, compiled from the .tex by latexmk (--format pdf)
    DIR/<lang>/<stem>.html, index.html    HTML: self-contained, MathML, figures inlined
    DIR/figures/<stem>-<figure>.svg|.pdf  figures, shared by the languages
"""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from derive import registry
from derive.model import Derivation, InputError
from derive.render import view
from derive.render.formats import FORMATS as TEXT_FORMATS
from derive.render.formats import remember_svg
from derive.render.strings import Strings, load
from derive.report import DerivationResult, where

LANGUAGES = ("en", "zh")
FORMATS = ("md", "tex", "html", "pdf")  # pdf: the .tex files, compiled
VIEWS = ("student", "audit", "worksheet")  # the handout, how every step was checked, the exercises alone
SUFFIXES = {"student": "", "audit": ".audit", "worksheet": ".worksheet"}  # viscous_friction.audit.md
PACKAGE_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"  # installed wheel
SOURCE_TEMPLATES = Path(__file__).resolve().parent.parent.parent / "templates"  # source checkout


def project_languages(cwd: Path | None = None) -> tuple[str, ...]:
    """The languages of the project in the working directory (`[tool.derive] languages`)."""
    from derive import project

    try:
        return project.languages(project.find_pyproject(cwd or Path.cwd()))
    except project.ProjectError as error:
        raise InputError(str(error)) from error


def template_dirs(extra: Path | None = None) -> list[Path]:
    """Where templates are looked up: --templates first, then the installed copy, then the checkout."""
    candidates = ([extra] if extra else []) + [PACKAGE_TEMPLATES, SOURCE_TEMPLATES]
    folders = [d for d in candidates if d.is_dir()]
    if not folders:
        raise FileNotFoundError("no templates/ folder found; pass --templates DIR")
    return folders


@dataclass(frozen=True)
class Output:
    """One file to write: where it goes and its text (or bytes, for a figure's PDF)."""

    path: Path
    content: str | bytes


def render(
    derivations: Sequence[Derivation],
    results: Sequence[DerivationResult],
    langs: Sequence[str],
    formats: Sequence[str],
    out: Path,
    templates: Path | None = None,
    *,
    known: Sequence[Derivation] | None = None,
    whole: bool = True,
    views: Sequence[str] = VIEWS,
    seed: int | None = None,
) -> list[Output]:
    """Every file of these handouts in these languages, formats and views, rendered in memory.

    `known` are all the handouts links may point to (prerequisites, next), in any order; `whole`
    says the selection is the whole library (or project), so the index and the books are written
    too: book.tex is the student view, worksheets.tex the exercises. `seed` is shown in the audit.
    """
    views = [view_ for view_ in VIEWS if view_ in views]
    require_texts(derivations, langs)
    folders = template_dirs(templates)
    known = list(known if known is not None else derivations)
    ordered = registry.in_reading_order(known)
    following = {d.id: ordered[i + 1] if i + 1 < len(ordered) else None for i, d in enumerate(ordered)}
    position = {d.id: i for i, d in enumerate(ordered)}
    pairs = sorted(zip(derivations, results), key=lambda pair: position[pair[0].id])
    wanted = [
        TEXT_FORMATS[f] for f in ("md", "tex", "html") if f in formats or (f == "tex" and "pdf" in formats)
    ]
    outputs = _figure_files([d for d, _ in pairs], formats, out)  # first: the HTML inlines the SVGs
    for lang in langs:
        t = load(lang, folders)
        handouts = [view.handout(d, r, t, known=known, following=following[d.id], views=views, seed=seed)
                    for d, r in pairs]
        introduction, references = _introduction(derivations, t)
        index = view.index(handouts, outline_titles(t), t, introduction=introduction, references=references,
                           views=views)
        for fmt in wanted:
            env = fmt.environment(folders)
            for handout in handouts:
                for shown in views:
                    path = out / lang / f"{handout.stem}{SUFFIXES[shown]}.{fmt.extension}"
                    outputs.append(Output(path, fmt.finish(_render(env, fmt.template(shown), handout))))
            if whole and fmt.index:
                outputs.append(Output(out / lang / f"index.{fmt.extension}", fmt.finish(_render(env, fmt.index, index))))
            for shown, (stem, template) in fmt.books.items():
                if whole and shown in views:
                    outputs.append(Output(out / lang / f"{stem}.{fmt.extension}", _render(env, template, index)))
    return outputs


def _introduction(derivations: Sequence[Derivation], t: Strings) -> tuple[list[view.Prose], list[str]]:
    """The library's introduction (derive/library/__init__.py), when the library's handouts are rendered."""
    if not any(d.module.startswith("derive.library.") for d in derivations):
        return [], []
    from derive import library

    text = getattr(library, "INTRODUCTION", None)
    if text is None:
        return [], []
    words = view.translated(text, t.lang, "the introduction (derive/library/__init__.py)")
    paragraphs = [view.Prose(p.strip()) for p in words.split("\n\n") if p.strip()]
    references = [view.translated(r, t.lang, "a reference of the introduction")
                  for r in getattr(library, "REFERENCES", ())]
    return paragraphs, references


def missing_texts(derivation: Derivation, langs: Sequence[str]) -> list[str]:
    """Every text of a handout that one of `langs` lacks, as `file:line: what has no <lang> text`.

    The title must have words in each language rendered; other prose is optional (checking needs
    none), but once it has words in one language it needs them in every language rendered.
    """
    source = _source_of(derivation)

    def at(pattern: str | None, location: tuple[str, int] | None = None) -> str:
        if location is not None and location[1]:
            return where(location)
        return f"{source[0]}:{_line_of(source[1], pattern)}" if source[0] else derivation.id

    texts: list[tuple[str, Any, str]] = [
        ("the title", derivation.title, at("title=")),
        ("the question", derivation.question, at("question=")),
    ]
    texts += [(f"assumption {i}", a, at("assumptions=")) for i, a in enumerate(derivation.assumptions, 1)]
    texts += [(f"the meaning of {q.name}", q.meaning, at(f'"{q.name}"')) for q in derivation.symbols]
    texts += [(f"step '{s.label}'", s.prose, at(None, s.location)) for s in derivation.steps]
    texts += [(f"check '{c.name}'", c.description, at(None, c.location)) for c in derivation.checks]
    texts += [(f"figure '{f.name}'", f.caption, at(f'"{f.name}"')) for f in derivation.figures]
    texts += [(f"key idea {i}", k, at("key_ideas=")) for i, k in enumerate(derivation.key_ideas, start=1)]
    texts += [(f"the heading at step '{s.label}'", s.heading, at(None, s.location)) for s in derivation.steps
              if s.heading is not None]
    for e in derivation.exercises:
        texts += [(f"exercise '{e.label}'", e.question, at(f'"{e.label}"')),
                  (f"the answer of exercise '{e.label}'", e.answer, at(f'"{e.label}"'))]
    missing = []
    for what, text, line in texts:
        said = any(text[lang].strip() for lang in LANGUAGES)
        for lang in langs:
            if not text[lang].strip() and (said or what == "the title"):
                missing.append(f"{line}: {derivation.id}: {what} has no {lang} text")
    return missing


def require_texts(derivations: Sequence[Derivation], langs: Sequence[str]) -> None:
    """Bad input listing every missing text at once, so one run shows all there is to write."""
    missing = [line for d in derivations for line in missing_texts(d, langs)]
    if missing:
        raise InputError(f"missing translation: {len(missing)} text(s) to write before rendering in "
                         f"{', '.join(langs)} ([tool.derive] languages, or --lang):\n  " + "\n  ".join(missing))


def _source_of(derivation: Derivation) -> tuple[str, list[str]]:
    """The derivation module's file (as `derive check` shows it) and its lines, when known."""
    module = sys.modules.get(derivation.module)
    file = getattr(module, "__file__", None)
    if not file:
        return "", []
    try:
        lines = Path(file).read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []
    return where((file, 0)).rsplit(":", 1)[0], lines


def _line_of(lines: list[str], pattern: str | None) -> int:
    """The first line holding `pattern` (1 when none does: the file at least is right)."""
    if pattern:
        for number, line in enumerate(lines, start=1):
            if pattern in line:
                return number
    return 1


def outline_titles(t: Strings) -> dict[str, str]:
    """The seed article's section titles, from the strings `outline_<number>`."""
    return {key.removeprefix("outline_"): t[key] for key in t if key.startswith("outline_")}


def _figure_files(derivations: list[Derivation], formats: Sequence[str], out: Path) -> list[Output]:
    """Figures as files: SVG for Markdown's image links (and the HTML, which inlines it), PDF for LaTeX.

    A figure file already in the output folder that was drawn from the same sources (its
    fingerprint, see `figures.fingerprint`) is reused rather than drawn again."""
    kinds = [kind for kind, users in (("svg", {"md", "html"}), ("pdf", {"tex", "pdf"})) if users & set(formats)]
    if not kinds or not any(d.figures for d in derivations):
        return []
    from derive.render import figures as drawing  # matplotlib is imported only when there are figures

    files = []
    for derivation in derivations:
        for figure in derivation.figures:
            paths = {kind: out / "figures" / f"{view.stem_of(derivation)}-{figure.name}.{kind}" for kind in kinds}
            earlier = {kind: _read(path, binary=kind == "pdf") for kind, path in paths.items()}
            current = drawing.fingerprint(figure)
            if all(content is not None and drawing.drawn_from(content) == current for content in earlier.values()):
                contents = earlier
            else:
                contents = drawing.save(figure, kinds)
            if "svg" in contents:
                remember_svg(figure, str(contents["svg"]))
            files += [Output(paths[kind], contents[kind]) for kind in kinds
                      if kind == "pdf" or "md" in formats]
    return files


def _read(path: Path, binary: bool) -> str | bytes | None:
    try:
        return path.read_bytes() if binary else path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _render(env: jinja2.Environment, name: str, context: Any) -> str:
    """Render a template; a template error becomes bad input naming the template and line."""
    try:
        return env.get_template(name).render(v=context, t=context.t)
    except jinja2.TemplateSyntaxError as error:
        raise InputError(
            f"template {error.filename or error.name}:{error.lineno}: {error.message}"
        ) from error
    except jinja2.TemplateError as error:
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.endswith(".j2")]
        where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else name
        raise InputError(f"template {where}: {error}") from error


def write_atomically(path: Path, content: str | bytes) -> None:
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
        data = content.encode("utf-8") if isinstance(content, str) else content
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes 0600; a handout is for everyone to read
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write(outputs: Sequence[Output]) -> None:
    """Write every file; one that is unchanged is left alone (its time stamp too)."""
    for output in outputs:
        data = output.content.encode("utf-8") if isinstance(output.content, str) else output.content
        if output.path.is_file() and output.path.read_bytes() == data:
            continue
        write_atomically(output.path, data)
