"""A template error is bad input (exit 2) naming the template and line, and writes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

from derive import cli

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def broken_copy(tmp_path: Path, name: str, text: str) -> Path:
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    (templates / name).write_text(text, encoding="utf-8")
    return templates


def render(capsys, *argv: str) -> tuple[int, str]:
    code = cli.main(["render", "random-walk", "--symbolic-only", *argv])
    return code, capsys.readouterr().err


def test_a_latex_syntax_error_names_the_template_and_line(capsys, tmp_path):
    templates = broken_copy(tmp_path, "handout.tex.j2", "\\documentclass{article}\n\\BLOCK{for x in}\n")
    code, err = render(capsys, "-o", str(tmp_path / "out"), "--format", "tex", "--templates", str(templates))
    assert code == 2
    assert err.splitlines()[-1].startswith(f"derive: error: template {templates / 'handout.tex.j2'}:2: ")
    assert "Traceback" not in err


def test_an_undefined_value_in_an_html_template_names_the_template_and_line(capsys, tmp_path):
    page = (
        (TEMPLATES / "handout.html.j2")
        .read_text(encoding="utf-8")
        .replace("<h2>{{ t.assumptions }}</h2>", "<h2>{{ v.no_such_field }}</h2>")
    )
    templates = broken_copy(tmp_path, "handout.html.j2", page)
    line = page.splitlines().index("<h2>{{ v.no_such_field }}</h2>") + 1
    code, err = render(capsys, "-o", str(tmp_path / "out"), "--format", "html", "--templates", str(templates))
    assert code == 2
    assert err.splitlines()[-1].startswith(
        f"derive: error: template {templates / 'handout.html.j2'}:{line}: "
    )
    assert "no_such_field" in err


def test_an_error_in_one_format_leaves_every_earlier_file_intact(capsys, tmp_path):
    out = tmp_path / "out"
    code, _ = render(capsys, "-o", str(out), "--format", "md", "--format", "html")
    assert code == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    templates = broken_copy(tmp_path, "handout.html.j2", "{{ v.steps[0].nothing }}")
    (templates / "strings" / "en.json").write_text(
        (TEMPLATES / "strings" / "en.json").read_text(encoding="utf-8").replace('"Assumptions"', '"CHANGED"'),
        encoding="utf-8",
    )
    code, err = render(
        capsys, "-o", str(out), "--format", "md", "--format", "html", "--templates", str(templates)
    )
    assert code == 2 and "handout.html.j2:1" in err
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before  # the Markdown, which rendered fine, was not written either
    assert not list(out.rglob("*.tmp"))
