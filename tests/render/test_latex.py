"""LaTeX: standalone handouts and a book that compiles cleanly; without TeX, a clear exit 2."""

from __future__ import annotations

import subprocess
from pathlib import Path

from derive import cli
from derive.render import pdf


def test_a_standalone_file_per_handout_and_one_book_per_language(library):
    for lang, document in (
        ("en", "\\documentclass[11pt]{article}"),
        ("zh", "\\documentclass[UTF8,11pt]{ctexart}"),
    ):
        files = sorted(p.name for p in (library / lang).glob("*.tex") if p.name not in ("book.tex", "worksheets.tex"))
        assert len(files) == len(list((library / lang).glob("*.md"))) - 1  # every .md but the index
        students = [name for name in files if name.count(".") == 1]  # not .audit.tex, .worksheet.tex
        assert len(files) == 3 * len(students)
        for view in ("", ".audit", ".worksheet"):
            first = (library / lang / f"random_walk{view}.tex").read_text(encoding="utf-8").splitlines()[0]
            assert first == document
        book = (library / lang / "book.tex").read_text(encoding="utf-8")
        assert book.count("\\chapter{") == len(students)
    assert "\\includegraphics[width=\\linewidth]{../figures/random_walk-" in (
        library / "en" / "random_walk.tex"
    ).read_text(encoding="utf-8")


def test_both_books_compile_without_errors_overfull_lines_or_missing_glyphs(library, need):
    need("xelatex", "latexmk")
    books = [library / lang / f"{book}.tex" for lang in ("en", "zh") for book in ("book", "worksheets")]
    for compiled in pdf.compile_all(books):
        assert compiled.pdf.startswith(b"%PDF")
        assert pdf.overfull(compiled.log) == [], compiled.tex
        assert pdf.missing_glyphs(compiled.log) == [], compiled.tex


def test_the_overfull_check_sees_an_equation_running_off_the_page(tmp_path, need):
    need("xelatex", "latexmk")
    wide = " + ".join(f"x_{{{i}}}^{{2}}" for i in range(60))
    tex = tmp_path / "wide.tex"
    tex.write_text(f"\\documentclass{{article}}\n\\begin{{document}}\n\\[ {wide} \\]\n\\end{{document}}\n")
    assert pdf.overfull(pdf.compile_one(tex).log)


def test_pdf_without_tex_names_the_debian_packages_and_exits_2(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr(pdf.shutil, "which", lambda tool: None)
    code = cli.main(["render", "random-walk", "--format", "pdf", "-o", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.splitlines()[-1] == (
        "derive: error: --format pdf needs XeLaTeX, ctex and latexmk, but latexmk, xelatex cannot be found; "
        "on Debian or Ubuntu install them with: "
        "apt-get install --no-install-recommends texlive-xetex texlive-lang-chinese latexmk fonts-lmodern"
    )
    assert not list(Path(tmp_path).iterdir())  # said before checking anything: nothing written


def test_render_pdf_of_one_handout_writes_its_pdf(capsys, tmp_path, need):
    need("xelatex", "latexmk")
    code = cli.main(
        ["render", "random-walk", "--symbolic-only", "--lang", "zh", "--format", "pdf", "-o", str(tmp_path)]
    )
    assert code == 0, capsys.readouterr().err
    assert (tmp_path / "zh" / "random_walk.pdf").read_bytes().startswith(b"%PDF")
    assert not (tmp_path / "zh" / "book.tex").exists()  # a selection has no book
    leftovers = subprocess.run(
        ["ls", "-a", str(tmp_path / "zh")], capture_output=True, text=True
    ).stdout.split()
    assert not [name for name in leftovers if name.endswith((".aux", ".log", ".fls", ".xdv"))]
