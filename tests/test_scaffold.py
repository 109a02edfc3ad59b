"""`derive new`: a module and a test that pass as generated; never overwrite; configure the project."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

from derive import cli, registry, scaffold


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def no_leftover_paths():
    yield
    registry.search_also([])


def test_new_writes_a_module_a_test_and_a_pyproject(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "new", "spike_intervals")
    assert code == 0 and out == ""
    assert err.splitlines() == [
        "wrote pyproject.toml",
        "wrote derivations/spike_intervals.py",
        "wrote tests/test_spike_intervals.py",
        "next: derive check spike-intervals; pytest; derive render spike-intervals",
    ]
    table = tomllib.loads((tmp_path / "pyproject.toml").read_text())
    assert table["tool"]["derive"] == {"paths": ["derivations"], "languages": ["en"]}


def test_the_generated_module_passes_derive_check_and_renders_in_the_projects_language(capsys, tmp_path,
                                                                                        monkeypatch):
    monkeypatch.chdir(tmp_path)
    run(capsys, "new", "spike_intervals")
    code, _, err = run(capsys, "check")
    assert code == 0, err
    assert err.startswith("spike-intervals: ok (4 steps: 3 proved, 1 axiom; 1/1 numeric checks passed)")
    code, _, err = run(capsys, "render", "-o", "handouts")
    assert code == 0, err
    assert (tmp_path / "handouts" / "en" / "spike_intervals.md").is_file()
    assert not (tmp_path / "handouts" / "zh").exists()  # languages = ["en"], as derive new wrote it
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(pyproject.read_text().replace('languages = ["en"]', 'languages = ["en", "zh"]'))
    code, _, err = run(capsys, "render", "-o", "handouts")
    assert code == 0, err
    english = (tmp_path / "handouts" / "en" / "spike_intervals.md").read_text()
    chinese = (tmp_path / "handouts" / "zh" / "spike_intervals.md").read_text()
    assert english.startswith("# Spike intervals: $E[\\tau] = 1/r$")  # the title's formula set as mathematics
    assert "So the mean number of spikes is the rate times the length of the window." in english
    assert "所以平均发放次数等于发放率乘以时间窗的长度。" in chinese


def test_the_generated_project_passes_pytest(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run(capsys, "new", "spike_intervals")
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "7 passed" in result.stdout  # 4 steps, 1 numeric check, 2 tests


def test_new_never_overwrites(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run(capsys, "new", "spike_intervals")
    module = tmp_path / "derivations" / "spike_intervals.py"
    module.write_text("# my work\n")
    code, _, err = run(capsys, "new", "spike_intervals")
    assert code == 2
    assert err == ("derive: error: derivations/spike_intervals.py, tests/test_spike_intervals.py already "
                   "exists; derive new never overwrites a file (choose another name or delete it)\n")
    assert module.read_text() == "# my work\n"


def test_new_refuses_when_only_the_test_exists(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_spike_intervals.py").write_text("# mine\n")
    code, _, err = run(capsys, "new", "spike_intervals")
    assert code == 2 and "tests/test_spike_intervals.py already exists" in err
    assert not (tmp_path / "derivations").exists() and not (tmp_path / "pyproject.toml").exists()


@pytest.mark.parametrize("name", ["SpikeIntervals", "spike-intervals", "2nd_topic", "class", "a__b", ""])
def test_a_name_that_is_not_a_snake_case_topic_is_refused(capsys, tmp_path, monkeypatch, name):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "new", name)
    assert code == 2
    assert err == (f"derive: error: {name!r} is not a topic name: use lowercase words joined by "
                   "underscores, such as spike_intervals\n")


@pytest.mark.parametrize("name, better", [("test_spikes", " such as 'spikes'"), ("spikes_test", " such as 'spikes'"),
                                          ("conftest", "")])
def test_a_name_that_discovery_would_ignore_is_refused(capsys, tmp_path, monkeypatch, name, better):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "new", name)
    assert code == 2
    assert err == (f"derive: error: {name!r}: derive and pytest would not find a derivation named {name}.py "
                   "(test_*.py, *_test.py and conftest.py are tests, not derivations); "
                   f"choose another name{better}\n")
    assert list(tmp_path.iterdir()) == []


def test_every_name_derive_new_accepts_is_one_its_discovery_finds(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("tests_of_spikes", "contest", "latest", "testing"):
        assert run(capsys, "new", name)[0] == 0
    code, out, err = run(capsys, "list")
    assert code == 0, err
    assert {"tests-of-spikes", "contest", "latest", "testing"} <= {line.split("\t")[0] for line in out.splitlines()}


def test_an_existing_pyproject_without_a_table_gets_one_appended(capsys, tmp_path, monkeypatch):
    original = '[project]\nname = "mine"\nversion = "1"\n'
    (tmp_path / "pyproject.toml").write_text(original)
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "new", "spike_intervals")
    assert code == 0 and "wrote pyproject.toml" in err
    text = (tmp_path / "pyproject.toml").read_text()
    assert text.startswith(original)
    assert tomllib.loads(text)["tool"]["derive"] == {"paths": ["derivations"], "languages": ["en"]}


def test_a_table_that_misses_the_folder_is_left_alone_with_a_hint(capsys, tmp_path, monkeypatch):
    (tmp_path / "notes").mkdir()
    table = '[tool.derive]\npaths = ["notes"]\n'
    (tmp_path / "pyproject.toml").write_text(table)
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "new", "spike_intervals", "--dir", "elsewhere")
    assert code == 0
    assert (tmp_path / "elsewhere" / "spike_intervals.py").is_file()
    assert (tmp_path / "pyproject.toml").read_text() == table
    assert ("derive: note: pyproject.toml: add 'elsewhere' to [tool.derive] paths, so that `derive` and "
            "pytest find the new module") in err


def test_the_first_configured_folder_is_the_default(capsys, tmp_path, monkeypatch):
    (tmp_path / "notes").mkdir()
    (tmp_path / "pyproject.toml").write_text('[tool.derive]\npaths = ["notes"]\n')
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")  # below the project: files still go to the project's folders
    code, _, err = run(capsys, "new", "spike_intervals")
    assert code == 0, err
    assert (tmp_path / "notes" / "spike_intervals.py").is_file()
    assert (tmp_path / "tests" / "test_spike_intervals.py").is_file()
    assert "derive: note" not in err


def test_the_generated_test_finds_its_module_from_another_folder(tmp_path):
    made = scaffold.create("spike_intervals", Path("src/notes"), cwd=tmp_path)
    assert made.module == tmp_path / "src" / "notes" / "spike_intervals.py"
    assert "joinpath('..', 'src', 'notes', 'spike_intervals.py')" in made.test.read_text()


def test_a_pyproject_above_without_a_table_is_left_alone(capsys, tmp_path, monkeypatch):
    outer = '[project]\nname = "someone-else"\n'
    (tmp_path / "pyproject.toml").write_text(outer)
    (tmp_path / "mine").mkdir()
    monkeypatch.chdir(tmp_path / "mine")
    code, _, err = run(capsys, "new", "spike_intervals")
    assert code == 0
    assert (tmp_path / "pyproject.toml").read_text() == outer
    assert (tmp_path / "mine" / "pyproject.toml").is_file()
    assert (tmp_path / "mine" / "derivations" / "spike_intervals.py").is_file()
    assert f"derive: note: {tmp_path / 'pyproject.toml'} has no [tool.derive] table" in err
