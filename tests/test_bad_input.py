"""Bad input gets a clear answer: a short message naming file, derivation and step, exit code 2
(1 for a failed check), no traceback, and nothing written to the output folder.

Each case runs `derive render` on a small user derivation into a folder that already holds a
handout, and checks that the folder is byte-for-byte what it was.
"""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from derive import cli, registry

HEADER = '''\
import math
import sympy as sp
from sympy.physics.units import length, time
from derive import Derivation, Estimate, SymbolTable, Text, by, define, given, simulated, step

symbols = SymbolTable()
a = symbols.add("a", length, "a length", "长度", positive=True)
b = symbols.add("b", length, "another length", "另一长度", positive=True)
T = symbols.add("T", time, "a time", "时间", positive=True)
'''


def module(steps: str, checks: str = "", before: str = "", id: str = "toy") -> str:
    """A derivation module with these steps (and checks), indented as written here."""
    return HEADER + textwrap.dedent(before) + textwrap.dedent(f'''
        derivation = Derivation(
            id="{id}", title=Text("Toy", "玩具"), question=Text("Q?", "问？"), section="9",
            symbols=symbols.freeze(),
            steps=(
        {textwrap.indent(textwrap.dedent(steps).strip(), " " * 8)}
            ),
            checks=({checks}),
            module=__name__,
        )
        ''')


GOOD_STEPS = '''
    define("double", sp.Eq(b, 2 * a), "b is twice a.", "b 是 a 的两倍。"),
    step("half", sp.Eq(a, b / 2), by.solving_for(a, "double"), "So a is half of b.", "所以 a 是 b 的一半。"),
'''


@pytest.fixture(autouse=True)
def no_leftover_paths():
    yield
    registry.search_also([])


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def render(capsys, tmp_path: Path, *files: tuple[str, str], extra: tuple[str, ...] = (), ids=("toy",)):
    """Write the modules, render them into an output folder holding an earlier handout; return
    (exit code, stderr), after asserting the folder is unchanged and no traceback was printed."""
    for name, text in files:
        (tmp_path / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    (out / "en").mkdir(parents=True)
    (out / "en" / "toy.md").write_text("an earlier handout\n", encoding="utf-8")
    before = snapshot(out)
    argv = ["render", *ids, "-o", str(out), *extra]
    for name, _ in files:
        argv += ["--path", str(tmp_path / name)]
    code = cli.main(argv)
    err = capsys.readouterr().err
    assert snapshot(out) == before, "the output folder changed"
    assert "Traceback" not in err
    return code, err


def test_syntax_error_names_the_file_and_line(capsys, tmp_path):
    code, err = render(capsys, tmp_path, ("toy.py", HEADER + "derivation = (\n"))
    assert code == 2
    assert "toy.py:" in err and "SyntaxError" in err


def test_module_that_raises_while_building_names_the_file_line_and_error(capsys, tmp_path):
    code, err = render(capsys, tmp_path, ("toy.py", module(GOOD_STEPS, before="boom = 1 / 0\n")))
    assert code == 2
    assert "toy.py:10" in err and "ZeroDivisionError" in err


def test_step_citing_a_missing_label_names_derivation_step_and_label(capsys, tmp_path):
    steps = GOOD_STEPS.replace('by.solving_for(a, "double")', 'by.solving_for(a, "triple")')
    code, err = render(capsys, tmp_path, ("toy.py", module(steps)))
    assert code == 2
    assert "toy" in err and "'half'" in err and "'triple'" in err


def test_step_citing_a_later_label_is_bad_input(capsys, tmp_path):
    steps = '''
        step("half", sp.Eq(a, b / 2), by.solving_for(a, "double"), "a", "a"),
        define("double", sp.Eq(b, 2 * a), "b", "b"),
    '''
    code, err = render(capsys, tmp_path, ("toy.py", module(steps)))
    assert code == 2
    assert "'half'" in err and "'double'" in err and "later" in err


def test_unknown_rule_names_the_file_and_line(capsys, tmp_path):
    steps = GOOD_STEPS.replace("by.solving_for(", "by.guessing(")
    code, err = render(capsys, tmp_path, ("toy.py", module(steps)))
    assert code == 2
    assert "toy.py:" in err and "guessing" in err


def test_symbol_without_a_declared_dimension_is_named(capsys, tmp_path):
    steps = GOOD_STEPS.replace("sp.Eq(b, 2 * a)", "sp.Eq(b, 2 * a + sp.Symbol('q'))")
    code, err = render(capsys, tmp_path, ("toy.py", module(steps)))
    assert code == 2
    assert "'double'" in err and "q" in err and "dimension" in err


def test_dimension_mismatch_is_a_failed_step(capsys, tmp_path):
    steps = GOOD_STEPS + '''
        step("wrong", sp.Eq(a, T), by.algebra(), "a is T.", "a 是 T。"),
    '''
    code, err = render(capsys, tmp_path, ("toy.py", module(steps)))
    assert code == 1
    assert "'wrong'" in err and "dimension" in err and "toy.py:" in err


def test_negative_value_for_a_positive_symbol_is_bad_input(capsys, tmp_path):
    steps = GOOD_STEPS + '''
        step("negative", sp.Eq(-a, b / 2 - 2 * a), by.instance_of("half", {a: -a}), "-", "-"),
    '''
    code, err = render(capsys, tmp_path, ("toy.py", module(steps)))
    assert code == 2
    assert "'negative'" in err and "positive" in err


def test_two_derivations_with_the_same_id_name_both_files(capsys, tmp_path):
    code, err = render(capsys, tmp_path, ("one.py", module(GOOD_STEPS)), ("two.py", module(GOOD_STEPS)))
    assert code == 2
    assert "one.py" in err and "two.py" in err and "toy" in err


def test_check_producing_nan_is_a_failed_check(capsys, tmp_path):
    before = '''
        def broken(at, rng):
            return Estimate(float("nan"), 1.0, 10)
    '''
    checks = 'simulated("nan", "half", broken, {b: 2.0}, "NaN", "NaN"),'
    code, err = render(capsys, tmp_path, ("toy.py", module(GOOD_STEPS, checks, before)))
    assert code == 1
    assert "'nan'" in err and "non-finite" in err


def test_simulation_over_its_time_budget_is_stopped_and_reported(capsys, tmp_path):
    before = '''
        def slow(at, rng):
            while True:
                pass
    '''
    checks = 'simulated("slow", "half", slow, {b: 2.0}, "slow", "慢", budget=0.5),'
    code, err = render(capsys, tmp_path, ("toy.py", module(GOOD_STEPS, checks, before)))
    assert code == 1
    assert "'slow'" in err and "time budget" in err and "0.5 s" in err


def test_template_with_an_error_names_template_and_line(capsys, tmp_path):
    broken = tmp_path / "templates"
    (broken / "strings").mkdir(parents=True)
    (broken / "handout.md.j2").write_text("line one\n{{ no_such_variable }}\n")
    code, err = render(capsys, tmp_path, ("toy.py", module(GOOD_STEPS)), extra=("--symbolic-only", "--templates",
                                                                              str(broken)))
    assert code == 2
    assert "handout.md.j2:2" in err and "no_such_variable" in err


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root may write anywhere")
def test_output_folder_that_is_not_writable_is_bad_input(capsys, tmp_path):
    out = tmp_path / "locked"
    out.mkdir()
    out.chmod(0o500)
    try:
        code = cli.main(["render", "random-walk", "--symbolic-only", "-o", str(out)])
    finally:
        out.chmod(0o700)
    err = capsys.readouterr().err
    assert code == 2 and "not writable" in err and not list(out.iterdir())


def test_output_folder_under_a_file_is_bad_input(capsys, tmp_path):
    blocker = tmp_path / "taken"
    blocker.write_text("a file\n")
    code = cli.main(["render", "random-walk", "--symbolic-only", "-o", str(blocker / "out")])
    err = capsys.readouterr().err
    assert code == 2 and "is not a folder" in err and blocker.read_text() == "a file\n"


def test_unknown_id_suggests_the_closest(capsys, tmp_path):
    code, err = render(capsys, tmp_path, ("toy.py", module(GOOD_STEPS)), ids=("tyo",))
    assert code == 2
    assert "unknown derivation 'tyo'; did you mean 'toy'?" in err


@pytest.mark.parametrize("argv", [["--seed", "-1"], ["--lang", "fr"], ["--time-limit", "0"]])
def test_invalid_option_values_exit_2_naming_the_option(capsys, tmp_path, argv):
    with pytest.raises(SystemExit) as stopped:
        render(capsys, tmp_path, ("toy.py", module(GOOD_STEPS)), extra=tuple(argv))
    assert stopped.value.code == 2
    assert argv[0] in capsys.readouterr().err
