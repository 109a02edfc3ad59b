"""The `derive` command: list, check and render derivations, and start a new one.

Exit codes: 0 every check passed, 1 some check failed, 2 bad input or usage,
3 an internal error (a bug in neuroderive; rerun with --debug for the traceback).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from derive import executor as executors
from derive import pipeline, registry, render
from derive.check import Settings
from derive.model import InputError
from derive.progress import Progress
from derive.report import DerivationResult, github_annotations, junit_xml

OK, FAILED, BAD_INPUT, INTERNAL = 0, 1, 2, 3


def _seed(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be a non-negative integer, not {text}")
    return value


def _positive_seconds(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds, not {text}")
    return value


def _positive_count(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a positive integer, not {text}")
    return value


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="derive", description="Derive and check the mathematics of neuroscience.")
    main.add_argument("--debug", action="store_true", help="show tracebacks")
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def finding(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--path", type=Path, action="append", default=[], metavar="DIR",
                         help="also look for derivations in this folder or .py file (repeatable)")

    finding(commands.add_parser("list", help="list derivations (id and title)"))

    def checking(sub: argparse.ArgumentParser, strict: bool = True) -> None:
        finding(sub)
        sub.add_argument("ids", nargs="*", metavar="ID",
                         help="derivation ids, or derivation files (FILE.py; other files are skipped); "
                              "default: the project's derivations, else all")
        sub.add_argument("--seed", type=_seed, default=0, help="seed of the numeric checks (default 0)")
        sub.add_argument("--symbolic-only", action="store_true", help="skip the simulations")
        sub.add_argument("--time-limit", type=_positive_seconds, default=Settings.seconds_per_step, metavar="S",
                         help="seconds of symbolic work allowed per step (default %(default)g)")
        sub.add_argument("--jobs", type=_positive_count, default=pipeline.default_jobs(), metavar="N",
                         help="this many units of work side by side (default: one per core, %(default)s); "
                              "with --executor dask and no --scheduler, the local cluster's workers")
        sub.add_argument("--executor", choices=executors.KINDS, default="local",
                         help="local: in this process, or in --jobs forked processes (default); dask: on a "
                              "Dask cluster (needs neuroderive[dask])")
        sub.add_argument("--scheduler", metavar="ADDRESS",
                         help="the Dask scheduler to use, e.g. tcp://host:8786 (implies --executor dask; "
                              "default: a local cluster of --jobs processes)")
        sub.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks")
        if strict:
            sub.add_argument("--strict", action="store_true",
                             help="numerically-only steps (checked at sample points, not proved) fail the run")

    check = commands.add_parser("check", help="check every step and run the numeric checks")
    checking(check)
    check.add_argument("--json", action="store_true", help="print the report as JSON on stdout")
    check.add_argument("--format", choices=("text", "github"), default="text", dest="report_format",
                       help="github: also print GitHub Actions annotations (::error file=...,line=...::) "
                            "on stdout at each failing step and check")
    check.add_argument("--junit-xml", type=Path, metavar="PATH", help="write the report as JUnit XML to PATH")

    notes = commands.add_parser("render", help="check, then render the handouts")
    checking(notes)
    notes.add_argument("--lang", choices=render.LANGUAGES, action="append",
                       help="language (repeatable; default: [tool.derive] languages, else en and zh)")
    notes.add_argument("-o", "--output", type=Path, default=Path("output"), help="folder (default: output)")
    notes.add_argument("--templates", type=Path, help="look for templates here first")
    notes.add_argument("--even-if-failed", action="store_true",
                       help="write the handouts even when a step or check fails (the failures are marked)")
    notes.add_argument("--format", choices=render.FORMATS, action="append", dest="formats",
                       help="md, tex, html or pdf (repeatable; default: md); pdf compiles the book, "
                            "or with ids each handout named")
    notes.add_argument("--view", choices=render.VIEWS, action="append", dest="views",
                       help="student (the handout), audit (every status, rule and check) or worksheet "
                            "(the exercises alone) (repeatable; default: all three)")

    new = commands.add_parser("new", help="write a new derivation module and its test, ready to edit")
    new.add_argument("name", metavar="NAME",
                     help="the topic in lowercase words joined by _, e.g. spike_intervals")
    new.add_argument("--dir", type=Path, help="folder of the module (default: the first folder of "
                                              "[tool.derive] paths, else derivations/)")
    new.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks")

    mutation = commands.add_parser("mutate", help="plant errors in the derivations; report how many the checks catch")
    checking(mutation, strict=False)  # the mutants of one step are one unit of work
    mutation.add_argument("--json", action="store_true", help="print the mutation report as JSON on stdout")
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return run(args)
    except InputError as error:
        if args.debug:
            raise
        print(f"derive: error: {error}", file=sys.stderr)
        return BAD_INPUT
    except KeyboardInterrupt:
        print("derive: interrupted", file=sys.stderr)
        return 130
    except Exception as error:
        if args.debug:
            raise
        print(f"derive: internal error: {type(error).__name__}: {error} (rerun with --debug for the traceback)",
              file=sys.stderr)
        return INTERNAL


def run(args: argparse.Namespace) -> int:
    if args.command == "new":
        return new(args)
    registry.search_also(args.path)
    if args.command == "list":
        for derivation in registry.load_all():
            print(f"{derivation.id}\t{derivation.section}\t{derivation.title.en}")
        return OK
    if args.command == "mutate":
        return mutation_test(args)

    if args.command == "check" and args.json and args.report_format == "github":
        raise InputError("--json and --format github both print on stdout: choose one")
    derivations = _selection(args)
    if args.command == "render":
        args.lang = args.lang or list(render.project_languages())
        render.require_texts(derivations, args.lang)  # before the checks: every missing text at once
    if args.command == "render" and args.templates and not args.templates.is_dir():
        raise InputError(f"--templates {args.templates}: no such folder")
    if args.command == "render" and "pdf" in (args.formats or []):
        from derive.render import pdf

        pdf.require(args.lang or render.LANGUAGES)  # before the checks: say at once what to install
    report = pipeline.check(
        derivations, seed=args.seed, symbolic_only=args.symbolic_only,
        settings=Settings(seconds_per_step=args.time_limit), progress=_Progress(args.strict),
        executor=_executor(args, len(derivations)),
    )
    for result in report.derivations:
        result.strict = args.strict  # also when a parallel worker's result arrives without the progress
        if result.lost:
            print(f"derive: {result.id} was not checked: {result.lost}", file=sys.stderr)
        for failure in [s.explain() for s in result.steps if not s.ok] + [c.explain() for c in result.checks]:
            if failure:
                print(failure, file=sys.stderr)
        if result.strict_explain():
            print(result.strict_explain(), file=sys.stderr)

    if args.command == "check":
        if args.junit_xml:
            render.write_atomically(args.junit_xml, junit_xml(report))
        if args.json:
            json.dump(report.to_json(), sys.stdout, indent=2, ensure_ascii=False)
            print()
        if args.report_format == "github":
            for line in github_annotations(report):
                print(line)
        return report.exit_code

    if report.exit_code != OK and not args.even_if_failed:
        print("derive: nothing written, as some steps or checks did not pass "
              "(--even-if-failed renders the handouts anyway, marking the failures)", file=sys.stderr)
        return report.exit_code
    return notes(args, derivations, report)


def _executor(args: argparse.Namespace, units: int) -> executors.Executor:
    """Where the units of work run: --executor, --jobs and --scheduler."""
    if args.scheduler is None and args.executor == "local":
        return executors.choose("local", max(1, min(args.jobs, units)))
    return executors.choose("dask", args.jobs, args.scheduler)


def _selection(args: argparse.Namespace) -> list:
    """The derivations the ids name; arguments ending in .py are files (pre-commit passes the changed
    files): the derivation files among them are checked, the others skipped with a note."""
    files = [Path(i) for i in args.ids if i.endswith(".py")]
    if not files:
        return registry.select(args.ids)
    ids = [i for i in args.ids if not i.endswith(".py")]
    found, skipped = registry.select_files(files)
    if skipped:
        print(f"derive: note: {len(skipped)} file(s) are not derivation files of this project, skipped: "
              + ", ".join(map(str, skipped)), file=sys.stderr)
    chosen = (registry.select(ids) if ids else []) + found
    if not chosen:
        print("derive: no derivation files among the files given; nothing to check", file=sys.stderr)
    return list({d.id: d for d in chosen}.values())


class _Progress(Progress):
    """Progress whose summary lines already know about --strict."""

    def __init__(self, strict: bool):
        super().__init__()
        self.strict = strict

    def finished(self, result: DerivationResult) -> None:
        result.strict = self.strict
        super().finished(result)


def notes(args: argparse.Namespace, derivations: list, report: pipeline.Report) -> int:
    """Render the checked handouts: every file in memory first, then written; PDFs compiled last."""
    langs, formats = args.lang, args.formats or ["md"]
    known = registry.select([]) if args.ids else derivations  # links and "next" as in the whole set
    outputs = render.render(derivations, report.derivations, langs, formats, args.output, args.templates,
                            known=known, whole=not args.ids, views=args.views or render.VIEWS, seed=args.seed)
    render.write(outputs)
    for output in outputs:
        print(f"wrote {output.path}", file=sys.stderr)
    if "pdf" in formats:
        from derive.render import pdf

        texs = [o.path for o in outputs if o.path.suffix == ".tex"]
        if not args.ids:  # the whole library's PDF is its book; name handouts for their own PDFs
            texs = [path for path in texs if path.name in ("book.tex", "worksheets.tex")]
        for tex in [path for path in texs if pdf.up_to_date(path)]:
            print(f"up to date: {tex.with_suffix('.pdf')}", file=sys.stderr)
        for compiled in pdf.compile_all([path for path in texs if not pdf.up_to_date(path)]):
            render.write_atomically(compiled.tex.with_suffix(".pdf"), compiled.pdf)
            print(f"wrote {compiled.tex.with_suffix('.pdf')}", file=sys.stderr)
    return report.exit_code


def mutation_test(args: argparse.Namespace) -> int:
    """`derive mutate`: 0 when the checks catch their target share of the mutants, else 1."""
    from derive import mutate

    derivations = registry.select(args.ids)
    report = mutate.run(derivations, seed=args.seed, symbolic_only=args.symbolic_only,
                        settings=Settings(seconds_per_step=args.time_limit), progress=Progress(),
                        executor=_executor(args, sum(mutate.mutable(s) for d in derivations for s in d.steps)))
    if args.json:
        json.dump(report.to_json(), sys.stdout, indent=2, ensure_ascii=False)
        print()
    else:
        print(report.text())
    return report.exit_code


def new(args: argparse.Namespace) -> int:
    from derive import scaffold

    made = scaffold.create(args.name, args.dir)
    for path in made.written:
        print(f"wrote {scaffold.shown(path)}", file=sys.stderr)
    if made.hint:
        print(f"derive: note: {made.hint}", file=sys.stderr)
    print(f"next: derive check {made.id}; pytest; derive render {made.id}", file=sys.stderr)
    return OK


if __name__ == "__main__":
    sys.exit(main())
