"""Derivations in the user's own repository: [tool.derive] paths, --path, packs, and pytest end to end."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import derive.library
from derive import cli, registry
from derive.model import InputError

MEMBRANE = '''\
"""The membrane time constant tau = R C, written with the conductance."""

import numpy as np
import sympy as sp
from sympy.physics.units import capacitance, impedance, time

from derive import Derivation, Estimate, SymbolTable, Text, by, define, simulated, step

symbols = SymbolTable()
R = symbols.add("R", impedance, "membrane resistance", "膜电阻", positive=True)
C = symbols.add("C", capacitance, "membrane capacitance", "膜电容", positive=True)
g = symbols.add("g", 1 / impedance, "membrane conductance", "膜电导", positive=True)
tau = symbols.add("tau", time, "membrane time constant", "膜时间常数", positive=True)


def area_under_discharge(at, rng):
    """The area under V(t) of a membrane discharging from V = 1, by Euler steps: it equals tau."""
    def area(steps_per_tau):
        dt = at[R] * at[C] / steps_per_tau
        return float(np.sum((1 - dt / (at[R] * at[C])) ** np.arange(60 * steps_per_tau)) * dt)
    return Estimate.from_refinement(area(2000), area(1000), 120_000, 1)


derivation = Derivation(
    id="{id}", title=Text("Membrane time constant", "膜时间常数"),
    question=Text("How fast does a membrane charge?", "细胞膜充电有多快？"), section="2",
    symbols=symbols.freeze(),
    steps=(
        define("time-constant", sp.Eq(tau, R * C), "tau is R times C.", "tau 等于 R 乘以 C。"),
        define("conductance", sp.Eq(g, 1 / R), "g is 1/R.", "g 等于 1/R。"),
        step("in-conductance", sp.Eq(tau, {claim}), by.substituting("time-constant", "conductance"),
             "In terms of the conductance.", "用电导表示。"),
    ),
    checks=(simulated("area", "time-constant", area_under_discharge, {{R: 1e8, C: 1e-10}},
                      "Area under an Euler-integrated discharge.", "用欧拉法积分的放电曲线下的面积。"),),
    module=__name__,
)
'''
RIGHT = "C / g"
WRONG = "2 * C / g"


def membrane(claim: str = RIGHT, id: str = "membrane") -> str:
    return MEMBRANE.format(claim=claim, id=id)


def make_project(root: Path, modules: dict[str, str], paths: str = '["derivations"]') -> Path:
    """A throwaway project: its own pyproject.toml naming derivations/, and derivation modules."""
    (root / "derivations").mkdir(parents=True)
    (root / "pyproject.toml").write_text(f'[project]\nname = "throwaway"\nversion = "0"\n\n'
                                         f"[tool.derive]\npaths = {paths}\n", encoding="utf-8")
    for name, text in modules.items():
        (root / "derivations" / name).write_text(text, encoding="utf-8")
    return root


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def no_leftover_paths():
    yield
    registry.search_also([])


def test_the_project_table_adds_its_derivations_to_the_list(capsys, tmp_path, monkeypatch):
    make_project(tmp_path, {"membrane.py": membrane()})
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "list")
    assert code == 0
    ids = [line.split("\t")[0] for line in out.splitlines()]
    assert "random-walk" in ids[:-1] and ids[-1] == "membrane"  # the library first, then the project
    assert out.splitlines()[-1] == "membrane\t2\tMembrane time constant"


def test_check_without_ids_checks_only_the_projects_derivations(capsys, tmp_path, monkeypatch):
    make_project(tmp_path, {"membrane.py": membrane()})
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "check")
    assert code == 0
    assert err.startswith("membrane: ok (3 steps: 2 axiom, 1 proved; 1/1 numeric checks passed)")
    assert "random-walk" not in err


def test_a_faulty_project_step_is_reported_with_its_file_and_line(capsys, tmp_path, monkeypatch):
    make_project(tmp_path, {"membrane.py": membrane(WRONG)})
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "check", "membrane", "--symbolic-only")
    line = next(n for n, text in enumerate(membrane().splitlines(), start=1) if '"in-conductance"' in text)
    assert code == 1
    assert ("membrane, step 3 'in-conductance' (by substituting 'time-constant' and 'conductance') "
            "does not hold.\n" f"  at derivations/membrane.py:{line}\n") in err
    assert "Traceback" not in err


def test_path_option_finds_derivations_without_a_table(capsys, tmp_path, monkeypatch):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "membrane.py").write_text(membrane())
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "check", "--path", "mine", "--symbolic-only")
    assert code == 0 and err.startswith("membrane: ok")
    code, out, _ = run(capsys, "list", "--path", "mine/membrane.py")
    assert code == 0 and out.splitlines()[-1].startswith("membrane\t")


def test_path_option_to_nowhere_is_bad_input(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "check", "--path", "nowhere")
    assert (code, err) == (2, "derive: error: --path nowhere: no such folder or file\n")


def test_a_file_named_in_the_table_and_with_path_is_one_file(capsys, tmp_path, monkeypatch):
    make_project(tmp_path, {"membrane.py": membrane()})
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "check", "--path", "derivations/membrane.py", "--symbolic-only")
    assert code == 0 and err.count("membrane: ok") == 1


def test_an_id_used_twice_is_bad_input_naming_both_files(capsys, tmp_path, monkeypatch):
    make_project(tmp_path, {"membrane.py": membrane(), "membrane_copy.py": membrane()})
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "check")
    assert code == 2
    assert err == ("derive: error: derivation id 'membrane' is used by both derivations/membrane.py "
                   "and derivations/membrane_copy.py\n")


def test_a_project_id_that_clashes_with_the_library_names_both(capsys, tmp_path, monkeypatch):
    make_project(tmp_path, {"walk.py": membrane(id="random-walk")})
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "list")
    assert code == 2
    assert err == ("derive: error: derivation id 'random-walk' is used by both derive.library.random_walk "
                   "and derivations/walk.py\n")


def test_a_module_that_does_not_import_is_bad_input_naming_file_and_line(capsys, tmp_path, monkeypatch):
    make_project(tmp_path, {"broken.py": "import sympy\n\nvalue = 1 / 0\n"})
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "check")
    assert code == 2
    assert err == ("derive: error: derivations/broken.py:3: cannot import the derivation module: "
                   "ZeroDivisionError: division by zero\n")


def test_a_syntax_error_names_file_and_line(capsys, tmp_path, monkeypatch):
    make_project(tmp_path, {"broken.py": "x = 1\ny = (\n"})
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "check")
    assert code == 2 and err.startswith("derive: error: derivations/broken.py:2: cannot import the "
                                        "derivation module: SyntaxError: ")


def test_a_missing_folder_in_the_table_is_bad_input(capsys, tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.derive]\npaths = ["derivatons"]\n')
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "list")
    assert code == 2
    assert err.startswith(f"derive: error: {tmp_path / 'pyproject.toml'}: [tool.derive] paths: "
                          "'derivatons' does not exist")


@pytest.mark.parametrize("table, problem", [
    ('paths = "derivations"\nfolders = []',
     "[tool.derive] has unknown keys: folders (the keys are paths and languages)"),
    ("paths = [1]", "[tool.derive] paths must be a list of folder or file names, not [1]"),
])
def test_a_malformed_table_is_bad_input(capsys, tmp_path, monkeypatch, table, problem):
    (tmp_path / "derivations").mkdir()
    (tmp_path / "pyproject.toml").write_text(f"[tool.derive]\n{table}\n")
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "list")
    assert code == 2 and err == f"derive: error: {tmp_path / 'pyproject.toml'}: {problem}\n"


def test_a_project_module_named_like_the_standard_library_shadows_nothing(tmp_path, monkeypatch):
    make_project(tmp_path, {"random.py": membrane(id="random-membrane")})
    monkeypatch.chdir(tmp_path)
    found = registry.select(["random-membrane"])[0]
    import random

    assert hasattr(random, "gauss") and found.module.endswith(".random")


def test_a_pack_installed_with_an_entry_point_is_found(capsys, tmp_path, monkeypatch):
    package = tmp_path / "membrane_pack"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "membrane.py").write_text(membrane(id="packed-membrane"))
    (package / "_helpers.py").write_text("raise ImportError('helpers are not derivations')\n")
    info = tmp_path / "membrane_pack-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: membrane-pack\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[neuroderive.derivations]\nmembranes = membrane_pack\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert "membrane_pack.membrane" in registry.pack_modules()
    code, _, err = run(capsys, "check", "packed-membrane", "--symbolic-only")
    assert code == 0 and err.startswith("packed-membrane: ok")


def test_a_pack_that_does_not_import_is_bad_input_naming_the_entry_point(capsys, tmp_path, monkeypatch):
    info = tmp_path / "broken_pack-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: broken-pack\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[neuroderive.derivations]\nbroken = no_such_module\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    code, _, err = run(capsys, "list")
    assert code == 2
    assert err.startswith("derive: error: entry point 'broken' = 'no_such_module' of group "
                          "neuroderive.derivations: cannot import it: ModuleNotFoundError")


def test_the_library_folder_given_as_a_path_is_not_loaded_twice(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    registry.search_also([Path(derive.library.__file__).parent])
    ids = [d.id for d in registry.load_all()]
    assert len(ids) == len(set(ids)) and "random-walk" in ids


def test_load_file_raises_input_error_for_a_module_without_a_derivation(tmp_path):
    (tmp_path / "topic.py").write_text("x = 1\n")
    with pytest.raises(InputError, match=r"topic\.py: defines no `derivation = Derivation\(\.\.\.\)`$"):
        registry.load_file(tmp_path / "topic.py")


def test_a_throwaway_project_runs_under_pytest_with_one_pass_and_one_failure(tmp_path):
    """End to end: its own pyproject, a correct and a faulty derivation, pytest in a subprocess."""
    root = make_project(tmp_path / "throwaway", {"membrane.py": membrane(),
                                                 "faulty_membrane.py": membrane(WRONG, id="faulty-membrane")})
    run = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider"], cwd=root,
                         capture_output=True, text=True, timeout=300)
    out = run.stdout
    assert run.returncode == 1, out + run.stderr
    assert "1 failed, 7 passed" in out
    line = next(n for n, text in enumerate(membrane().splitlines(), start=1) if '"in-conductance"' in text)
    report = [
        "faulty-membrane, step 3 'in-conductance' (by substituting 'time-constant' and 'conductance') "
        "does not hold.",
        f"  at derivations/faulty_membrane.py:{line}",
        "  claimed:        tau = 2*C/g",
        "  rule produced:  ",
        "  residual:       ",
        "  counterexample: ",
    ]
    lines = out.splitlines()
    start = lines.index(report[0])
    for offset, expected in enumerate(report):
        assert lines[start + offset].startswith(expected), lines[start + offset]
    assert "FAILED derivations/faulty_membrane.py::faulty-membrane::step-3" in out
    assert "Traceback" not in out
