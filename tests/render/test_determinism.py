"""Output is deterministic: two renders give byte-identical files, figures included."""

from __future__ import annotations

from derive import cli


def test_two_renders_are_byte_identical_in_every_format(capsys, tmp_path):
    outputs = []
    for run in ("first", "second"):
        out = tmp_path / run
        code = cli.main(
            [
                "render",
                "random-walk",
                "--symbolic-only",
                "-o",
                str(out),
                "--format",
                "md",
                "--format",
                "tex",
                "--format",
                "html",
            ]
        )
        assert code == 0
        outputs.append({p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()})
    first, second = outputs
    assert first == second
    suffixes = {p.suffix for p in first}
    assert {".md", ".tex", ".html", ".svg", ".pdf"} <= suffixes, suffixes


def test_an_unchanged_file_is_not_rewritten(capsys, tmp_path):
    argv = ["render", "random-walk", "--symbolic-only", "--lang", "en", "-o", str(tmp_path)]
    assert cli.main(argv) == 0
    handout = tmp_path / "en" / "random_walk.md"
    stamp = handout.stat().st_mtime_ns
    assert cli.main(argv) == 0
    assert handout.stat().st_mtime_ns == stamp
