"""Strings are never evaluated (issue 13, item 11): a string in a tuple claim, in
taking_limit(to=...), in a setting= or values= mapping, or as a factor, must be refused as bad
input (exit 2) naming the string, and a payload in it must not run, even under `derive list`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from derive import cli, registry
from derive.model import InputError

HEADER = '''\
import sympy as sp
from derive import Derivation, E, Eq, Estimate, SymbolTable, Text, by, define, given, simulated, step

symbols = SymbolTable()
x = symbols.add("x", 1, "x", "x", real=True)
y = symbols.add("y", 1, "y", "y", real=True)
PAYLOAD = "__import__('os').system('touch {marker}')"
'''

FOOTER = '''
derivation = Derivation(
    id="corpus-strings", title=Text("strings", "strings"), question=Text("?", "?"),
    section="corpus", symbols=symbols.freeze(), steps=STEPS, checks=globals().get("CHECKS", ()),
)
'''

SPELLINGS = {
    "tuple-claim": 'STEPS = (step("s", (PAYLOAD, x), by.algebra()),)',
    "given-claim": 'STEPS = (given("g", (x, PAYLOAD)),)',
    "limit-to": 'STEPS = (given("g", Eq(y, x)), step("s", (y, 0), by.taking_limit("g", x, to=PAYLOAD)))',
    "solving-setting": 'STEPS = (given("g", Eq(y, x + 1)), step("s", (x, -1), by.solving_for(x, "g", setting={y: PAYLOAD})))',
    "evaluating-values": 'STEPS = (given("g", Eq(y, x + 1)), step("s", (y, 2), by.evaluating_at("g", {x: PAYLOAD}, digits=1)))',
    "instance-values": ('STEPS = (step("g", (x + y, y + x), by.algebra()), '
                        'step("s", (y + 1, 1 + y), by.instance_of("g", {x: PAYLOAD})))'),
    "multiplying-factor": 'STEPS = (given("g", Eq(y, x)), step("s", (y, x), by.multiplying_both_sides("g", PAYLOAD)))',
    "series-small": 'STEPS = (given("g", Eq(y, sp.exp(x))), step("s", (y, 1 + x), by.series("g", PAYLOAD, 1)))',
    "differentiating-wrt": 'STEPS = (given("g", Eq(y, x**2)), step("s", (0, 0), by.differentiating("g", PAYLOAD)))',
    "integrating-over": 'STEPS = (given("g", Eq(y, x)), step("s", (y, y), by.integrating("g", (PAYLOAD, 0, 1))))',
    "root-setting": ('STEPS = (given("g", Eq(x**2, y)), '
                     'step("s", (x, sp.Rational("1.41")), by.finding_root("g", start={x: 1.4}, setting={y: PAYLOAD})))'),
    "derive-eq": 'STEPS = (given("g", Eq(PAYLOAD, x)),)',
    "expectation-of-string": 'STEPS = (step("s", (E(PAYLOAD), 0), by.algebra()),)',
    "independence-of-strings": 'STEPS = (step("s", (E(x * y), E(x) * E(y)), by.independence(PAYLOAD, x)),)',
    "check-scale": ('STEPS = (define("d", Eq(y, x)),)\n'
                    'CHECKS = (simulated("c", "d", lambda at, rng: Estimate(0.0, 0.001, 1000), {x: 0.0}, "c", "c", '
                    'scale=PAYLOAD),)'),
    "evaluating-key": 'STEPS = (given("g", Eq(y, x + 1)), step("s", (y, 2), by.evaluating_at("g", {PAYLOAD: 1}, digits=1)))',
    "instance-key": ('STEPS = (step("g", (x + y, y + x), by.algebra()), '
                     'step("s", (y + 1, 1 + y), by.instance_of("g", {PAYLOAD: 1})))'),
    "setting-key": 'STEPS = (given("g", Eq(y, x + 1)), step("s", (x, -1), by.solving_for(x, "g", setting={PAYLOAD: 0})))',
    "solving-unknown": 'STEPS = (given("g", Eq(y, x + 1)), step("s", (x, y - 1), by.solving_for(PAYLOAD, "g")))',
    "induction-variable": ('STEPS = (given("b", Eq(y, 0)), given("r", Eq(y, y)), '
                           'step("s", (y, 0), by.induction(on=PAYLOAD, base="b", step="r")))'),
    "moments-variable": 'STEPS = (step("s", (E(x), 0), by.moments_of(PAYLOAD)),)',
    "harmless-string": 'STEPS = (step("s", ("x + 1", x + 1), by.algebra()),)',
}


def write(tmp_path: Path, spelling: str) -> tuple[Path, Path]:
    marker = tmp_path / f"pwned_by_corpus_{spelling}"
    module = tmp_path / f"strings_{spelling.replace('-', '_')}.py"
    module.write_text(HEADER.format(marker=marker) + SPELLINGS[spelling] + "\n" + FOOTER, encoding="utf-8")
    return module, marker


def judge_in_process(module: Path) -> str:
    """What checking the module in-process says: its refusal (bad input), or the statuses."""
    from derive.check import check_step

    try:
        derivation = registry.load_file(module)
    except InputError as error:
        return f"refused: {error}"
    from derive.verify import run_check

    results = [check_step(derivation, i + 1) for i in range(len(derivation.steps))]
    said = [f"{r.label}: {r.status.value} {r.problem}" for r in results]
    for check in derivation.checks:
        try:
            said.append(f"check {check.name}: {run_check(derivation, check).problem}")
        except InputError as error:
            said.append(f"check {check.name}: invalid {error}")
    return "; ".join(said)


@pytest.mark.parametrize("spelling", sorted(SPELLINGS))
def test_a_string_is_refused_and_never_evaluated(tmp_path: Path, spelling: str) -> None:
    module, marker = write(tmp_path, spelling)
    try:
        said = judge_in_process(module)
    except Exception as error:  # exit 3
        said = f"internal error: {type(error).__name__}: {error}"
    assert not marker.exists(), f"{spelling}: the payload ran (it created {marker.name})"
    assert said.startswith("refused:") or "invalid" in said, f"{spelling}: not refused as bad input: {said}"
    assert "string" in said.lower(), f"{spelling}: the refusal does not say a string is the fault: {said}"


def test_derive_list_does_not_run_a_payload(tmp_path: Path, capsys) -> None:
    module, marker = write(tmp_path, "tuple-claim")
    try:
        code = cli.main(["list", "--path", str(module)])
    finally:
        registry.search_also([])
    capsys.readouterr()
    assert not marker.exists(), "derive list ran the payload"
    assert code == 2


def test_derive_check_json_refuses_a_payload_with_exit_2_and_clean_stdout(tmp_path: Path) -> None:
    module, marker = write(tmp_path, "limit-to")
    derive = Path(sys.executable).with_name("derive")
    done = subprocess.run([str(derive), "check", "--path", str(module), "--json", "--jobs", "1"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert not marker.exists(), "derive check ran the payload"
    assert done.returncode == 2, (done.returncode, done.stderr)
    if done.stdout.strip():  # a JSON report, if any, must parse
        json.loads(done.stdout)
