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
    from derive.library import random_walk

    assert err.startswith(f"random-walk: ok ({len(random_walk.derivation.steps)} steps: ")
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
    assert "$$\n\\mathbb{E}\\left[x_{n}^{2}\\right] = n L^{2}" in english
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


LIGHT = '''\
"""Only what the mathematics needs: dimensionless symbols, no prose, English only."""

import sympy as sp

from derive import Derivation, Eq, SymbolTable, Text, by, define, step

symbols = SymbolTable()
y = symbols.add("y", real=True)
a = symbols.add("a", positive=True)
b = symbols.add("b", positive=True)

derivation = Derivation(
    id="light", title=Text("Light"), question=Text(), section="9", symbols=symbols.freeze(),
    steps=(
        define("sum", Eq(b, a + 1)),
        step("square", Eq(b**2, (a + 1)**2), by.squaring("sum")),
        step("complement", Eq(sp.erf(y) + sp.erfc(y), 1), by.algebra()),
        step("expanded", Eq(b**2, {expanded}), by.rewriting("square")),
    ),
)
'''


@pytest.fixture
def light(tmp_path, monkeypatch):
    """A project with one light derivation; `light(expanded)` writes its last step's right side."""
    (tmp_path / "derivations").mkdir()
    (tmp_path / "pyproject.toml").write_text('[tool.derive]\npaths = ["derivations"]\nlanguages = ["en"]\n')
    monkeypatch.chdir(tmp_path)
    yield lambda expanded="a**2 + 2*a + 1": (tmp_path / "derivations" / "light.py").write_text(
        LIGHT.format(expanded=expanded), encoding="utf-8")
    registry.search_also([])


def line_of(path: Path, fragment: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), start=1) if fragment in line)


def test_a_light_derivation_checks_and_counts_its_numerically_only_step(capsys, light):
    light()
    code, _, err = run(capsys, "check")
    assert code == 0, err
    assert err.startswith("light: ok (4 steps: 1 axiom, 2 proved, 1 numerically-only; 0/0 numeric checks passed)")


def test_strict_fails_a_numerically_only_step_and_says_why(capsys, light):
    light()
    code, _, err = run(capsys, "check", "--strict")
    assert code == 1
    line = line_of(Path("derivations/light.py"), '"complement"')
    assert err.startswith("light: FAILED (4 steps: 1 axiom, 2 proved, 1 numerically-only; 0/0 numeric checks "
                          "passed) [--strict: 1 numerically-only, not proved]")
    assert ("light: --strict: 1 step(s) only numerically checked, not proved\n"
            f"  step 3 'complement' at derivations/light.py:{line}: identity: "  # the obligation's name
            "SymPy could not reduce the residual to 0") in err


def test_strict_passes_when_every_step_is_proved(capsys, tmp_path, monkeypatch):
    code, _, err = run(capsys, "check", "--strict", "--symbolic-only", "random-walk")
    assert code == 0 and "random-walk: ok" in err and "--strict" not in err


def test_github_format_annotates_each_failing_step_at_its_line(capsys, light):
    light("a**2 + a + 1")
    code, out, err = run(capsys, "check", "--format", "github")
    assert code == 1
    module = Path("derivations/light.py")
    lines = out.splitlines()
    assert len(lines) == 2, out
    warning, error = lines
    assert warning.startswith(f"::warning file=derivations/light.py,line={line_of(module, chr(34) + 'complement')},"
                              "title=light%3A step 'complement' numerically-only::")
    assert error.startswith(f"::error file=derivations/light.py,line={line_of(module, chr(34) + 'expanded')},"
                            "title=light%3A step 'expanded' failed::light, step 4 'expanded'")
    assert "%0A  counterexample: " in error and "\n" not in error
    code, out, _ = run(capsys, "check", "--format", "github", "--strict")
    assert [line.split(" ")[0] for line in out.splitlines()] == ["::error", "::error"]


def test_junit_xml_has_a_testcase_per_step_and_a_failure_with_the_report(capsys, light, tmp_path):
    import xml.etree.ElementTree as ET

    light("a**2 + a + 1")
    code, _, err = run(capsys, "check", "--junit-xml", "reports/derive.xml")
    assert code == 1
    root = ET.parse(tmp_path / "reports" / "derive.xml").getroot()
    assert root.tag == "testsuites" and root.get("tests") == "4" and root.get("failures") == "1"
    suite = root.find("testsuite")
    assert suite.get("name") == "light" and suite.get("failures") == "1"
    cases = {case.get("name"): case for case in suite.findall("testcase")}
    assert list(cases) == ["step-1 sum", "step-2 square", "step-3 complement", "step-4 expanded"]
    failed = cases["step-4 expanded"]
    assert failed.get("file") == "derivations/light.py"
    assert failed.get("line") == str(line_of(Path("derivations/light.py"), '"expanded"'))
    assert failed.find("failure").text in err  # the very report derive check prints
    assert all(case.find("failure") is None for name, case in cases.items() if name != "step-4 expanded")


def test_json_and_github_annotations_cannot_share_stdout(capsys):
    code, _, err = run(capsys, "check", "--json", "--format", "github", "random-walk")
    assert code == 2 and "--json and --format github both print on stdout" in err


def test_render_writes_only_the_declared_languages_and_needs_no_prose(capsys, light, tmp_path):
    light()
    code, _, err = run(capsys, "render", "-o", "notes")
    assert code == 0, err
    assert (tmp_path / "notes" / "en" / "light.md").read_text().startswith("# Light")
    assert not (tmp_path / "notes" / "zh").exists()


def test_render_lists_every_missing_text_at_once_with_file_and_line(capsys, light, tmp_path):
    light()
    module = tmp_path / "derivations" / "light.py"
    module.write_text(module.read_text()
                      .replace('b = symbols.add("b", positive=True)', 'b = symbols.add("b", en="", zh="和", positive=True)')
                      .replace('define("sum", Eq(b, a + 1))', 'define("sum", Eq(b, a + 1), "", "定义")')
                      .replace('by.squaring("sum"))', 'by.squaring("sum"), zh="平方")'))
    code, _, err = run(capsys, "render", "-o", "notes")
    assert code == 2 and not (tmp_path / "notes").exists()
    lines = err.splitlines()
    assert lines[0] == ("derive: error: missing translation: 3 text(s) to write before rendering in en "
                        "([tool.derive] languages, or --lang):")
    here = "derivations/light.py"
    assert lines[1:] == [
        f"  {here}:{line_of(module, 'b = symbols')}: light: the meaning of b has no en text",
        f"  {here}:{line_of(module, 'define(')}: light: step 'sum' has no en text",
        f"  {here}:{line_of(module, 'step(' + chr(34) + 'square')}: light: step 'square' has no en text",
    ]


def test_languages_must_be_known_ones(capsys, light):
    light()
    Path("pyproject.toml").write_text('[tool.derive]\npaths = ["derivations"]\nlanguages = ["en", "fr"]\n')
    code, _, err = run(capsys, "render", "-o", "notes")
    assert code == 2
    assert err.endswith("[tool.derive] languages must be a non-empty list of distinct languages out of "
                        "'en', 'zh', not ['en', 'fr']\n")


def pre_commit_hooks() -> dict[str, str]:
    """id -> entry of .pre-commit-hooks.yaml (a flat list of mappings: read without a YAML parser)."""
    text = (Path(__file__).resolve().parent.parent / ".pre-commit-hooks.yaml").read_text()
    hooks, current = {}, None
    for line in text.splitlines():
        if line.startswith("- id: "):
            current = line.removeprefix("- id: ").strip()
        elif line.startswith("  entry: ") and current:
            hooks[current] = line.removeprefix("  entry: ").strip()
    return hooks


def forget_project_modules() -> None:
    """A project file is imported once per process; forget it, so its new text is read."""
    for name in [m for m in sys.modules if m.startswith("neuroderive_project_")]:
        del sys.modules[name]


def test_the_pre_commit_hooks_check_the_changed_derivation_files_and_skip_the_others(capsys, light):
    hooks = pre_commit_hooks()
    assert set(hooks) == {"derive-check", "derive-check-symbolic"}
    Path("derivations/_helpers.py").write_text("VALUE = 1\n")
    Path("setup_notes.py").write_text("VALUE = 2\n")
    for hook, entry in hooks.items():
        program, *options = entry.split()
        assert program == "derive"
        light()
        forget_project_modules()
        code, _, err = run(capsys, *options, "derivations/light.py", "derivations/_helpers.py", "setup_notes.py")
        assert code == 0, (hook, err)
        assert "light: ok" in err and "2 file(s) are not derivation files of this project, skipped" in err
        light("a**2 + a + 1")
        forget_project_modules()
        code, _, err = run(capsys, *options, "derivations/light.py")
        assert code == 1 and "light, step 4 'expanded' (by rewriting 'square') does not hold." in err
        code, _, err = run(capsys, *options, "setup_notes.py")
        assert code == 0 and "no derivation files among the files given; nothing to check" in err


def test_a_library_file_given_by_path_is_checked_as_its_id(capsys):
    import derive.library.random_walk

    code, _, err = run(capsys, "check", "--symbolic-only", derive.library.random_walk.__file__)
    assert code == 0 and err.startswith("random-walk: ok")


def test_render_strict_writes_nothing_when_a_step_is_only_numerically_checked(capsys, light, tmp_path):
    light()
    code, _, err = run(capsys, "render", "--strict", "-o", "notes")
    assert code == 1 and not (tmp_path / "notes").exists()
    assert "light: --strict: 1 step(s) only numerically checked, not proved" in err
