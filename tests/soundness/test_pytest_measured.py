"""Under pytest, as under the CLI, a measured value that no check names is bad input (issue 13,
item 15): the plugin must not let it pass."""

from __future__ import annotations

import pytest

import derive.check  # noqa: F401  imported here, so the in-process pytester run does not import
import derive.registry  # noqa: F401  numpy and SymPy afresh after it unloads them
import derive.verify  # noqa: F401

pytest_plugins = ["pytester"]

UNCHECKED = '''\
import sympy as sp

from derive import Derivation, SymbolTable, Text, measured

symbols = SymbolTable()
v = symbols.add("v", 1, "a measured speed", "测得的速度", positive=True)

derivation = Derivation(
    id="unchecked-measurement", title=Text("m", "m"), question=Text("?", "?"), section="1",
    symbols=symbols.freeze(),
    steps=(measured("speed", sp.Eq(v, sp.Rational("18.7")), "velocity", "Measured.", "测得。"),),
    module=__name__,
)
'''


def test_a_measured_value_no_check_names_does_not_pass_under_pytest(pytester: pytest.Pytester) -> None:
    pytester.makefile(".toml", pyproject='[tool.derive]\npaths = ["derivations"]\n')
    (pytester.path / "derivations").mkdir()
    (pytester.path / "derivations" / "unchecked.py").write_text(UNCHECKED, encoding="utf-8")
    result = pytester.runpytest("-p", "no:cacheprovider")
    outcomes = result.parseoutcomes()
    assert outcomes.get("failed", 0) + outcomes.get("errors", 0) + outcomes.get("error", 0) >= 1, outcomes
    assert "velocity" in result.stdout.str()
