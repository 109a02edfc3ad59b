"""The corpus through the real command line (issue 13): a false step or a failing check exits 1,
bad input 2, never 3 and never 0; the JSON report on stdout stays clean; `--strict` fails a
run with a numerically-only step. Most run `derive.cli.main` in-process; two run the installed
`derive` command, as a user would."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from derive import cli, registry

CORPUS = Path(__file__).resolve().parent / "corpus"
DERIVE = Path(sys.executable).with_name("derive")


def derive_in_process(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = cli.main([*argv, "--jobs", "1"] if argv[0] == "check" else list(argv))
    finally:
        registry.search_also([])
    out, err = capsys.readouterr()
    return code, out, err


def derive_command(*argv: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(DERIVE), *argv], capture_output=True, text=True, cwd=cwd, timeout=300)


@pytest.mark.parametrize("module", ["false_magnitudes", "false_series"])
def test_a_module_of_false_steps_exits_1(capsys, module: str) -> None:
    code, _, err = derive_in_process(capsys, "check", "--path", str(CORPUS / f"{module}.py"), "--symbolic-only")
    assert code == 1, f"{module}: exit {code}\n{err[-2000:]}"


def test_a_module_with_an_invalid_step_exits_2_not_3(capsys) -> None:
    code, _, err = derive_in_process(capsys, "check", "--path", str(CORPUS / "false_crashes.py"), "--symbolic-only")
    assert code == 2, f"exit {code}\n{err[-2000:]}"
    assert "internal error" not in err


def test_broken_simulations_exit_1_and_every_check_is_reported(tmp_path: Path) -> None:
    done = derive_command("check", "--path", str(CORPUS / "checks_crashing.py"), "--json", "--jobs", "1", cwd=tmp_path)
    assert done.returncode == 1, (done.returncode, done.stderr[-2000:])
    report = json.loads(done.stdout)
    (derivation,) = report["derivations"]
    checks = {c["name"]: c for c in derivation["checks"]}
    assert len(checks) == 10 and checks["sound"]["passed"]
    for name in ("raises-key-error", "raises-index-error", "raises-type-error", "raises-assertion-error"):
        assert not checks[name]["passed"] and name in done.stderr


def test_true_hard_steps_exit_0(tmp_path: Path) -> None:
    """(true_expansions is left to test_corpus.py: its 5-term multinomial alone takes seconds.)"""
    paths = [f"--path={CORPUS / name}.py" for name in ("true_decimals", "true_si", "true_integers", "true_branches",
                                                        "true_assumptions")]
    done = derive_command("check", *paths, "--json", "--symbolic-only", "--jobs", "1", cwd=tmp_path)
    assert done.returncode == 0, (done.returncode, done.stderr[-3000:])
    statuses = {s["status"] for d in json.loads(done.stdout)["derivations"] for s in d["steps"]}
    assert statuses <= {"axiom", "proved", "numerically-only"}


def test_strict_fails_a_numerically_only_step_and_the_default_does_not(capsys) -> None:
    module = str(CORPUS / "strict_numeric.py")
    default, _, summary = derive_in_process(capsys, "check", "--path", module, "--symbolic-only")
    strict, _, err = derive_in_process(capsys, "check", "--path", module, "--symbolic-only", "--strict")
    assert (default, strict) == (0, 1), err[-2000:]
    assert "1 numerically-only" in summary, summary  # the summary line counts them
    assert "root-of-two" in err, err  # --strict names the step that is not proved
