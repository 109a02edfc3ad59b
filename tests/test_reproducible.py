"""The same seed gives the same report, and the same derivations the same handouts, byte for byte."""

from __future__ import annotations

import json
from pathlib import Path

from derive import cli


def report_without_timings(capsys, *argv: str) -> str:
    """`derive check --json` with the timing fields (`seconds`, the only ones that vary) removed."""
    assert cli.main(["check", "--json", *argv]) == 0
    report = json.loads(capsys.readouterr().out)

    def strip(node):
        if isinstance(node, dict):
            return {k: strip(v) for k, v in node.items() if k != "seconds"}
        if isinstance(node, list):
            return [strip(v) for v in node]
        return node

    return json.dumps(strip(report), indent=2, ensure_ascii=False)


def test_two_checks_with_the_same_seed_give_the_same_report(capsys):
    first = report_without_timings(capsys, "random-walk", "--seed", "7")
    second = report_without_timings(capsys, "random-walk", "--seed", "7")
    assert first == second
    assert '"estimate"' in first  # the numeric checks ran, and their estimates are part of what is compared


def test_a_different_seed_changes_the_estimates(capsys):
    assert report_without_timings(capsys, "random-walk", "--seed", "7") != \
        report_without_timings(capsys, "random-walk", "--seed", "8")


def test_two_renders_give_byte_identical_files(capsys, tmp_path):
    for run in ("first", "second"):
        assert cli.main(["render", "random-walk", "--seed", "7", "-o", str(tmp_path / run)]) == 0
    capsys.readouterr()

    def files(folder: Path) -> dict[str, bytes]:
        return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}

    first, second = files(tmp_path / "first"), files(tmp_path / "second")
    assert first and first == second


def test_checking_side_by_side_gives_the_same_report_as_one_after_another(capsys):
    ids = ["random-walk", "equipartition", "ion-conductance"]
    assert report_without_timings(capsys, *ids, "--jobs", "2") == report_without_timings(capsys, *ids, "--jobs", "1")
