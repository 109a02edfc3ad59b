"""derive in Jupyter: examples/checking_in_a_notebook.ipynb runs headless, and its results display.

The notebook is executed by nbclient in a fresh ipykernel (this environment's Python), as a user
would run it; the assertions read the outputs Jupyter would show.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from derive.model import Derivation, Text
from derive.report import CheckResult, DerivationResult, Report, Status, StepResult

NOTEBOOK = Path(__file__).resolve().parent.parent / "examples" / "checking_in_a_notebook.ipynb"


@pytest.fixture(scope="module")
def executed():
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    return [cell for cell in notebook.cells if cell.cell_type == "code"]


def outputs(cell, mime: str) -> str:
    return "".join(o.get("data", {}).get(mime, "") for o in cell.outputs if o.output_type == "execute_result")


def test_the_notebook_runs_without_errors(executed):
    assert not [o for cell in executed for o in cell.outputs if o.output_type == "error"]


def test_a_step_checked_as_it_is_written_displays_its_status(executed):
    shown = outputs(executed[1], "text/html")
    assert "<code>rate</code>" in shown and ">proved</span>" in shown


def test_a_wrong_step_displays_its_report_with_a_counterexample(executed):
    shown = outputs(executed[2], "text/html")
    assert ">failed</span>" in shown and "counterexample:" in shown and "does not hold." in shown


def test_a_derivation_displays_its_claims_in_mathml_and_its_figure_inline(executed):
    shown = outputs(executed[3], "text/html")
    assert "<h3>Spike counts" in shown and "<math" in shown and "<svg" in shown
    assert "Intervals at 20 spikes/s" in shown


def test_the_report_displays_the_step_table_and_the_numeric_check(executed):
    shown = outputs(executed[4], "text/html")
    assert "spike-counts: ok (3 steps: 2 proved, 1 axiom; 1/1 numeric checks passed)" in shown
    assert "<code>mean-interval</code>" in shown and ">passed</span>" in shown
    assert "<svg" in shown and "Intervals at 20 spikes/s" in shown  # the figure, inline
    printed = "".join(o.get("text", "") for o in executed[5].outputs if o.output_type == "stream")
    assert printed.strip() == "True spike-counts: ok (3 steps: 2 proved, 1 axiom; 1/1 numeric checks passed)"


def step_result(status: Status, **fields) -> StepResult:
    return StepResult("d", 2, "s", "by algebra", "checked", status, 0.0, "d.py:7", "x = <y & z>", **fields)


def test_a_failed_step_shows_its_report_escaped_in_html_and_markdown():
    failed = step_result(Status.FAILED, problem="does not hold.", residual="x")
    assert "x = &lt;y &amp; z&gt;" in failed._repr_html_() and "<y & z>" not in failed._repr_html_()
    assert "does not hold." in failed._repr_markdown_() and "```text" in failed._repr_markdown_()


def test_a_numerically_only_step_shows_why_it_is_not_proved():
    numeric = step_result(Status.NUMERIC, note="identity: SymPy could not reduce the residual to 0", points=24)
    assert "numerically-only (24 points" in numeric._repr_html_()
    assert "SymPy could not reduce the residual to 0" in numeric._repr_markdown_()


def test_a_report_with_a_failed_check_shows_the_comparison():
    check = CheckResult("d", "c", "s", "holds", {"a": 1.0}, 3.0, 3.5, 0.01, 0.0489, 0.07, 1000, False, 0.0,
                        "d.py:9", problem="disagrees with the simulation")
    report = Report([DerivationResult("d", "D", "m", [step_result(Status.PROVED)], [check], 0.1)], 0, False)
    shown = report._repr_html_()
    assert "d: FAILED" in shown and "prediction:  3" in shown and ">failed</span>" in shown
    assert "| `c` | 3 | 3.5 ± 0.01 | no |" in report._repr_markdown_()


def test_derive_check_is_callable_although_derive_check_is_also_the_checker_module():
    import derive
    from derive.check import Settings  # importing the submodule does not hide the function

    assert callable(derive.check) and Settings is derive.check.Settings
    with pytest.raises(TypeError, match="derive.check expects a Derivation, not str"):
        derive.check("random-walk")


def test_derive_check_of_one_label_judges_that_step_only():
    import derive
    from derive import Eq, SymbolTable, by, define, step

    symbols = SymbolTable()
    a = symbols.add("a", positive=True)
    b = symbols.add("b", positive=True)
    derivation = Derivation("tiny", Text("Tiny"), Text(), "9", symbols.freeze(), (
        define("sum", Eq(b, a + 1)),
        step("square", Eq(b**2, (a + 1)**2), by.squaring("sum")),
    ))
    assert derive.check(derivation, "square").status is Status.PROVED
    wrong = derive.check(derivation, step("cube", Eq(b**3, (a + 1)**2), by.rewriting("square")))
    assert wrong.status is Status.FAILED and wrong.number == 3 and wrong.counterexample is not None
    with pytest.raises(KeyError, match="no step 'squar'"):
        derive.check(derivation, "squar")
