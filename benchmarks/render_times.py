"""How long rendering takes, apart from the checks: per format, figures, and PDF compilation.

    .venv/bin/python benchmarks/render_times.py [--symbolic-only] [--pdf] [ID ...]

Checks the derivations once (timed separately), then renders into a temporary folder: each
format in both languages, the figures, and, with --pdf and TeX installed, the PDFs. Prints the
times; asserts nothing.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from derive import pipeline, registry, render
from derive.render import formats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ids", nargs="*")
    parser.add_argument("--symbolic-only", action="store_true")
    parser.add_argument("--pdf", action="store_true", help="also compile the LaTeX (needs TeX)")
    args = parser.parse_args()

    started = time.perf_counter()
    derivations = registry.select(args.ids)
    report = pipeline.check(derivations, symbolic_only=args.symbolic_only)
    print(f"checks ({len(derivations)} handouts):          {time.perf_counter() - started:6.2f} s")

    langs = list(render.LANGUAGES)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        started = time.perf_counter()
        figures = render.render(derivations, report.derivations, langs, ["md"], out)
        figure_count = sum(len(d.figures) for d in derivations)
        print(
            f"md, both languages, + {figure_count} figures as SVG: {time.perf_counter() - started:6.2f} s "
            "(the figures are drawn here, once)"
        )
        started = time.perf_counter()
        from derive.render import figures as drawing

        for derivation in derivations:
            for figure in derivation.figures:
                drawing.pdf(figure)
        print(f"the {figure_count} figures as PDF (drawn again):  {time.perf_counter() - started:6.2f} s "
              "(the tex run below draws them too)")
        for fmt in ("md", "tex", "html"):
            started = time.perf_counter()
            outputs = render.render(derivations, report.derivations, langs, [fmt], out)
            print(
                f"{fmt:4} both languages ({len(outputs)} files):     {time.perf_counter() - started:6.2f} s"
            )
        started = time.perf_counter()
        render.write(figures + outputs)
        print(f"writing:                           {time.perf_counter() - started:6.2f} s")
        print(f"MathML conversions cached:         {formats.mathml.cache_info().currsize}")
        if args.pdf:
            from derive.render import pdf

            texs = render.render(derivations, report.derivations, langs, ["tex"], out)
            render.write(texs)
            started = time.perf_counter()
            pdf.compile_all([o.path for o in texs if o.path.name == "book.tex"])
            print(f"pdf: the two books:                {time.perf_counter() - started:6.2f} s")
            started = time.perf_counter()
            pdf.compile_all([o.path for o in texs if o.path.suffix == ".tex" and o.path.name != "book.tex"])
            print(f"pdf: every handout:                {time.perf_counter() - started:6.2f} s")


if __name__ == "__main__":
    main()
