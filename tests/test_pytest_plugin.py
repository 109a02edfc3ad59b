"""The pytest plugin: derivations as test nodes, steps and checks as items, reports not tracebacks."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import derive
import derive.check  # noqa: F401  imported here, so in-process pytester runs do not import
import derive.registry  # noqa: F401  numpy and SymPy afresh after each run unloads them
import derive.verify  # noqa: F401

pytest_plugins = ["pytester"]

LIBRARY = Path(derive.__file__).resolve().parent / "library"

SUMS = '''\
"""Sums: (a + b)^2 expanded, a small derivation for the plugin's tests."""

import numpy as np
import sympy as sp

from derive import Derivation, Estimate, SymbolTable, Text, by, define, simulated, step

symbols = SymbolTable()
a = symbols.add("a", 1, "a number", "一个数", positive=True)
b = symbols.add("b", 1, "another number", "另一个数", positive=True)
c = symbols.add("c", 1, "their sum", "它们的和", positive=True)


def uniform_sums(at, rng):
    """Mean of U(0, 2a) + U(0, 2b) over 400 000 draws."""
    return Estimate.mean_of(rng.uniform(0, 2 * at[a], 400_000) + rng.uniform(0, 2 * at[b], 400_000))


derivation = Derivation(
    id="{id}", title=Text("Sums", "和"), question=Text("What is c squared?", "c 的平方是多少？"),
    section="1", symbols=symbols.freeze(),
    steps=(
        define("sum", sp.Eq(c, a + b), "c is the sum.", "c 是和。"),
        step("square", sp.Eq(c**2, (a + b)**2), by.squaring("sum"), "Square it.", "平方。"),
        step("expanded", sp.Eq(c**2, {expanded}), by.rewriting("square"), "Expand.", "展开。"),
    ),
    checks=(simulated("sum", "sum", uniform_sums, {{a: 1.0, b: 2.0}}, "Two uniforms.", "两个均匀分布。"),),
    module=__name__,
)
'''
RIGHT = "a**2 + 2*a*b + b**2"
WRONG = "a**2 + a*b + b**2"
PYPROJECT = '[tool.derive]\npaths = ["derivations"]\n'


def line_of(text: str, fragment: str) -> int:
    """The number of the first line of `text` that contains `fragment`."""
    return next(number for number, line in enumerate(text.splitlines(), start=1) if fragment in line)


def sums(expanded: str = RIGHT, id: str = "sums") -> str:
    return SUMS.format(id=id, expanded=expanded)


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    """A project whose pyproject.toml names derivations/ in [tool.derive] paths."""
    pytester.makefile(".toml", pyproject=PYPROJECT)
    (pytester.path / "derivations").mkdir()
    return pytester


def write(pytester: pytest.Pytester, name: str, text: str) -> Path:
    path = pytester.path / "derivations" / name
    path.write_text(text, encoding="utf-8")
    return path


def test_each_step_and_each_check_is_an_item_with_a_readable_id(project):
    write(project, "sums.py", sums())
    result = project.runpytest("--collect-only", "-q")
    assert result.ret == 0
    result.stdout.fnmatch_lines([
        "derivations/sums.py::sums::step-1",
        "derivations/sums.py::sums::step-2",
        "derivations/sums.py::sums::step-3",
        "derivations/sums.py::sums::check-sum",
    ])


def test_library_modules_are_collected_by_their_path(pytester):
    result = pytester.runpytest(str(LIBRARY / "random_walk.py"), "--collect-only", "-q",
                                f"--rootdir={LIBRARY}")
    assert result.ret == 0
    result.stdout.fnmatch_lines(["random_walk.py::random-walk::step-3",
                                 "random_walk.py::random-walk::check-msd"])


def test_a_correct_derivation_passes_every_item(project):
    write(project, "sums.py", sums())
    project.runpytest().assert_outcomes(passed=4)


def test_a_faulty_step_fails_with_the_report_of_derive_check_and_no_traceback(project):
    path = write(project, "sums.py", sums(WRONG))
    line = line_of(path.read_text(), '"expanded"')
    result = project.runpytest()
    result.assert_outcomes(passed=3, failed=1)
    result.stdout.fnmatch_lines([
        "*_ sums, step 3 'expanded' _*",
        "sums, step 3 'expanded' (by rewriting 'square') does not hold.",
        f"  at derivations/sums.py:{line}",
        "  claimed:        c**2 = a**2 + a*b + b**2",
        "  rule produced:  *",
        "  residual:       *(claimed - produced)",
        "  counterexample: *",
        "FAILED derivations/sums.py::sums::step-3*",
    ])
    assert "Traceback" not in result.stdout.str()
    assert "sympy" not in result.stdout.str()  # no frames from inside SymPy


def test_a_step_that_cites_a_missing_premise_fails_with_its_message(project):
    write(project, "sums.py", sums().replace('by.rewriting("square")', 'by.rewriting("sqare")'))
    result = project.runpytest()
    result.assert_outcomes(passed=3, failed=1)
    result.stdout.fnmatch_lines(["sums, step 3 'expanded' (by rewriting 'sqare') cannot be checked: "
                                 "premise 'sqare' does not exist; earlier steps are: sum, square"])
    assert "Traceback" not in result.stdout.str()


def test_a_failing_numeric_check_prints_the_comparison(project):
    write(project, "sums.py", sums().replace("2 * at[b], 400_000)", "2.2 * at[b], 400_000)"))
    result = project.runpytest()
    result.assert_outcomes(passed=3, failed=1)
    result.stdout.fnmatch_lines([
        "sums, check 'sum' (step 'sum') disagrees with the simulation * beyond 4.89 standard errors*",
        "  parameters:  a=1, b=2",
        "  prediction:  3",
        "  simulation:  * ± * (standard error, 400000 samples)",
    ])
    assert "Traceback" not in result.stdout.str()


def test_symbolic_only_skips_the_numeric_checks_with_a_reason(project):
    write(project, "sums.py", sums())
    result = project.runpytest("--derive-symbolic-only", "-rs")
    result.assert_outcomes(passed=3, skipped=1)
    result.stdout.fnmatch_lines(["SKIPPED * numeric checks skipped (--derive-symbolic-only)"])


def test_the_seed_option_reaches_the_simulations(project):
    draw = 'open("draws.txt", "a").write(f"{rng.integers(1 << 30)}\\n")\n    return Estimate'
    write(project, "sums.py", sums().replace("return Estimate", draw, 1))
    for seed in ("7", "7", "8"):
        project.runpytest("--derive-seed", seed).assert_outcomes(passed=4)
    first, again, other = (project.path / "draws.txt").read_text().split()
    assert first == again != other


def test_a_module_that_does_not_import_is_a_collection_error_naming_file_and_line(project):
    write(project, "broken.py", "import sympy\n\nx = undefined_name\n")
    result = project.runpytest()
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.stdout.fnmatch_lines(["derivations/broken.py:3: cannot import the derivation module: "
                                 "NameError: name 'undefined_name' is not defined"])
    assert "Traceback" not in result.stdout.str()


def test_two_files_with_one_id_are_a_collection_error_naming_both(project):
    write(project, "sums.py", sums())
    write(project, "sums_again.py", sums())
    result = project.runpytest()
    assert result.ret == pytest.ExitCode.INTERRUPTED
    assert re.search(r"derivation id 'sums' is used by both \S*derivations/sums\.py and \S*sums_again\.py",
                     result.stdout.str())


def test_helpers_and_tests_next_to_derivations_are_not_derivations(project):
    write(project, "sums.py", sums())
    write(project, "_helpers.py", "VALUE = 1\n")
    write(project, "test_sums.py", "def test_ordinary():\n    pass\n")
    result = project.runpytest("--collect-only", "-q")
    assert "_helpers" not in result.stdout.str()
    result.stdout.fnmatch_lines(["derivations/test_sums.py::test_ordinary"])


def test_files_outside_the_configured_paths_are_left_alone(pytester):
    pytester.makepyfile(topic=sums())  # a Derivation, but no [tool.derive] names it
    result = pytester.runpytest("--collect-only", "-q", "topic.py")
    assert "topic.py::sums" not in result.stdout.str()


def test_a_wrong_derive_table_is_a_warning_not_a_crash(pytester):
    pytester.makefile(".toml", pyproject='[tool.derive]\npaths = ["nowhere"]\n')
    pytester.makepyfile(topic="X = 1\n", test_ordinary="def test_it():\n    pass\n")
    result = pytester.runpytest()
    result.assert_outcomes(passed=1, warnings=1)
    assert "PytestConfigWarning: derive: " in result.stdout.str()
    assert "pyproject.toml: [tool.derive] paths: 'nowhere' does not exist" in result.stdout.str()


def test_importing_the_plugin_loads_neither_sympy_nor_the_checker():
    probe = ("import sys, pytest, derive.pytest_plugin\n"
             "print(sorted(m for m in sys.modules if m == 'sympy' or m.startswith(('derive.model', "
             "'derive.check', 'derive.library', 'derive.registry'))))\n")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_plugin_adds_well_under_a_tenth_of_a_second_to_pytest_startup():
    probe = "import pytest; import derive.pytest_plugin"
    out = subprocess.run([sys.executable, "-X", "importtime", "-c", probe], capture_output=True, text=True,
                         check=True)
    cumulative = {line.split("|")[-1].strip(): int(line.split("|")[1]) for line in out.stderr.splitlines()
                  if line.startswith("import time:") and "|" in line and line.split("|")[1].strip().isdigit()}
    assert cumulative["derive.pytest_plugin"] < 100_000  # microseconds; measured: about 4 000


def test_a_repository_without_derivations_never_imports_sympy(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.pytest.ini_options]\n")
    (tmp_path / "helpers.py").write_text("VALUE = 1\n")
    (tmp_path / "test_plain.py").write_text("def test_plain():\n    assert True\n")
    (tmp_path / "conftest.py").write_text(textwrap.dedent("""\
        import sys

        def pytest_sessionfinish(session):
            open("imported.txt", "w").write(str(sorted(m for m in sys.modules if m == "sympy"
                                                       or m.startswith("derive."))))
        """))
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=tmp_path,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert (tmp_path / "imported.txt").read_text() == "['derive.project', 'derive.pytest_plugin']"


HARD = "\n        step(\"complement\", sp.Eq(sp.erf(a) + sp.erfc(a), 1), by.algebra(), \"erf + erfc.\", \"erf 加 erfc。\"),"


def with_numeric_only(text: str) -> str:
    """The sums derivation with a fourth step SymPy cannot prove (erf + erfc = 1: numerically only)."""
    marker = 'by.rewriting("square"), "Expand.", "展开。"),'
    return text.replace(marker, marker + HARD)


def test_derive_strict_fails_a_numerically_only_step_and_the_default_passes_it(project):
    write(project, "sums.py", with_numeric_only(sums()))
    project.runpytest().assert_outcomes(passed=5)
    result = project.runpytest("--derive-strict")
    result.assert_outcomes(passed=4, failed=1)
    result.stdout.fnmatch_lines([
        "sums, step 4 'complement' (by algebra) is only numerically checked, not proved (--derive-strict)",
        "  at derivations/sums.py:*",
        "  note: *SymPy could not reduce the residual to 0",
        "FAILED derivations/sums.py::sums::step-4*",
    ])


def verdicts(result: pytest.RunResult) -> dict[str, str]:
    """nodeid -> PASSED/FAILED/SKIPPED, from the short summary of -rA."""
    found = {}
    for line in result.stdout.lines:
        match = re.match(r"^(PASSED|FAILED|SKIPPED|ERROR) (\S+)", line)
        if match:
            found[match.group(2)] = match.group(1)
    return found


def test_xdist_workers_give_the_same_verdicts_as_one_process(project):
    pytest.importorskip("xdist")
    write(project, "sums.py", with_numeric_only(sums()))
    write(project, "wrong.py", with_numeric_only(sums(WRONG, id="wrong")))
    for options in ([], ["--derive-strict"]):
        alone = project.runpytest_subprocess("-rA", "-p", "no:cacheprovider", *options)
        workers = project.runpytest_subprocess("-rA", "-p", "no:cacheprovider", "-n", "2", *options)
        assert verdicts(alone) and verdicts(workers) == verdicts(alone), (options, workers.stdout.str())
        assert "FAILED derivations/wrong.py::wrong::step-3" in workers.stdout.str()


def test_time_limits_interrupt_work_in_xdist_workers(pytester):
    """derive.timelimit stops a runaway computation in a worker, as the step time limit needs."""
    pytest.importorskip("xdist")
    pytester.makepyfile(test_limits='''
        import threading

        import pytest
        from derive.timelimit import TimeLimitExceeded, time_limit

        @pytest.mark.parametrize("worker", range(4))
        def test_a_busy_loop_is_stopped(worker):
            assert threading.current_thread() is threading.main_thread()  # where SIGALRM is delivered
            with pytest.raises(TimeLimitExceeded):
                with time_limit(0.2):
                    while True:
                        pass
    ''')
    result = pytester.runpytest_subprocess("-n", "2", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=4)
