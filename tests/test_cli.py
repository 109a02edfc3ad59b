"""The `derive` command: exit codes, JSON, errors without tracebacks, atomic output."""

from __future__ import annotations

import json

import subprocess
import sys
from pathlib import Path

import pytest
import sympy as sp

from derive import cli, registry
from derive.library import random_walk as rw
from derive.library.random_walk import E, L, n, x

WALK = rw.derivation


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_prints_ids_and_titles(capsys):
    code, out, _ = run(capsys, "list")
    assert code == 0
    assert "random-walk\t1.2.1\tDiffusion as a random walk: E[x²] = 2Dt" in out.splitlines()


def test_check_passes_and_prints_one_line_per_derivation_when_not_on_a_terminal(capsys):
    code, out, err = run(capsys, "check", "random-walk")
    assert code == 0 and out == ""
    assert err.startswith("random-walk: ok (46 steps: ")
    assert "7/7 numeric checks passed" in err


def test_check_json_follows_the_documented_schema(capsys):
    code, out, _ = run(capsys, "check", "--json", "--symbolic-only")
    report = json.loads(out)
    assert code == 0 and report["schema"] == "neuroderive.report/1" and report["passed"]
    walk = next(d for d in report["derivations"] if d["id"] == "random-walk")
    assert walk["id"] == "random-walk" and walk["checks"] == []
    first = walk["steps"][0]
    assert {"label", "rule", "status", "seconds", "side_conditions", "counterexample"} <= set(first)
    refuted = next(s for s in walk["steps"] if s["label"] == "article-any-distribution")
    assert refuted["status"] == "refuted" and refuted["counterexample"]["values"] == {"m": "1", "n": "1", "q": "1"}


def test_check_json_lists_numeric_checks(capsys):
    code, out, _ = run(capsys, "check", "--json")
    checks = next(d for d in json.loads(out)["derivations"] if d["id"] == "random-walk")["checks"]
    assert code == 0
    assert {"name", "prediction", "estimate", "stderr", "tolerance", "passed"} <= set(checks[0])
    assert all(c["passed"] for c in checks)


def test_failed_step_exits_1_with_the_report(capsys, monkeypatch):
    faulty = WALK.with_claim("msd", sp.Eq(E(x(n) ** 2), n**2 * L**2))
    monkeypatch.setattr(registry, "select", lambda ids: [faulty])
    code, _, err = run(capsys, "check", "--symbolic-only")
    assert code == 1
    assert "random-walk, step 16 'msd' (by induction on n from 'msd-start' with 'msd-recurrence') does not hold." in err
    assert "Traceback" not in err


def test_unknown_derivation_is_bad_input_with_a_suggestion(capsys):
    code, _, err = run(capsys, "check", "random-wlak")
    assert code == 2
    assert err.startswith("derive: error: unknown derivation 'random-wlak'; did you mean 'random-walk'? (known: ")


def test_unknown_derivation_without_a_close_match_lists_the_known_ones(capsys):
    code, _, err = run(capsys, "check", "zzz")
    assert code == 2
    assert err.startswith("derive: error: unknown derivation 'zzz' (known: ")
    assert "random-walk" in err and "hodgkin-huxley" in err


def test_broken_derivation_module_is_bad_input_naming_the_module(capsys, monkeypatch, tmp_path):
    (tmp_path / "broken_topic.py").write_text("derivation = (\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(registry, "library_modules", lambda: ["broken_topic"])
    code, _, err = run(capsys, "check")
    assert code == 2
    assert err.startswith("derive: error: broken_topic: cannot import the derivation module: SyntaxError")


def test_usage_error_exits_2(capsys):
    with pytest.raises(SystemExit) as stopped:
        cli.main(["check", "--seed", "many"])
    assert stopped.value.code == 2


def test_render_writes_markdown_in_both_languages(capsys, tmp_path):
    code, _, err = run(capsys, "render", "--symbolic-only", "-o", str(tmp_path))
    assert code == 0
    english = (tmp_path / "en" / "random_walk.md").read_text(encoding="utf-8")
    chinese = (tmp_path / "zh" / "random_walk.md").read_text(encoding="utf-8")
    assert english.startswith("# Diffusion as a random walk")
    assert chinese.startswith("# 扩散即无规行走")
    assert "$$\n\\mathbb{E}\\left[x_{n}^{2}\\right] = L^{2} n" in english
    assert not list(tmp_path.rglob("*.tmp"))


def test_template_error_names_the_template_and_leaves_earlier_files_untouched(capsys, tmp_path):
    target = tmp_path / "en" / "random_walk.md"
    target.parent.mkdir(parents=True)
    target.write_text("earlier", encoding="utf-8")
    broken = tmp_path / "templates"
    (broken / "strings").mkdir(parents=True)
    (broken / "handout.md.j2").write_text("{{ no_such_variable }}")
    code, _, err = run(capsys, "render", "--symbolic-only", "-o", str(tmp_path), "--templates", str(broken))
    assert code == 2
    assert err.splitlines()[-1] == f"derive: error: template {broken / 'handout.md.j2'}:1: 'no_such_variable' is undefined"
    assert target.read_text(encoding="utf-8") == "earlier"
    assert "Traceback" not in err


def test_console_script_reports_errors_without_traceback_unless_debug():
    derive = Path(sys.executable).with_name("derive")
    plain = subprocess.run([str(derive), "check", "nope"], capture_output=True, text=True)
    assert plain.returncode == 2 and "Traceback" not in plain.stderr
    debug = subprocess.run([str(derive), "--debug", "check", "nope"], capture_output=True, text=True)
    assert debug.returncode != 0 and "Traceback" in debug.stderr




def test_invalid_option_values_are_usage_errors(capsys):
    for argv in (["check", "--seed", "-1"], ["check", "--time-limit", "0"], ["render", "--lang", "fr"]):
        with pytest.raises(SystemExit) as stopped:
            cli.main(argv)
        assert stopped.value.code == 2


def test_output_folder_that_is_a_file_is_bad_input(capsys, tmp_path):
    blocker = tmp_path / "taken"
    blocker.write_text("not a folder")
    code, _, err = run(capsys, "render", "random-walk", "--symbolic-only", "-o", str(blocker))
    assert code == 2 and "is not a folder" in err and "Traceback" not in err


def test_handouts_are_readable_by_everyone(capsys, tmp_path):
    run(capsys, "render", "random-walk", "--symbolic-only", "-o", str(tmp_path))
    mode = (tmp_path / "en" / "random_walk.md").stat().st_mode & 0o777
    assert mode & 0o044 == 0o044
