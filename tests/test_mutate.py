"""The mutation self-test: plant errors in the derivations, count how many the checkers catch."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
import sympy as sp

from derive import cli, mutate, registry
from derive.check import Settings, check_step
from derive.library import random_walk as rw
from derive.library.random_walk import E, L, k, n, x
from derive.model import Claim
from derive.report import Status
from derive.verify import run_check

WALK = rw.derivation
SETTINGS = Settings(simplify_residuals=False)


def mutant(label: str, lhs: sp.Expr, rhs: sp.Expr) -> mutate.Mutant:
    """The generated mutant of step `label` whose claim is lhs = rhs (it must be generated)."""
    number = WALK.labels.index(label) + 1
    for candidate in mutate.mutants_of_step(WALK, number):
        if (candidate.claim.lhs, candidate.claim.rhs) == (lhs, rhs):
            return candidate
    raise AssertionError(f"no mutant of {label!r} claims {lhs} = {rhs}")


_BASELINES: dict[str, list] = {}


def baselines(label: str) -> list:
    """The random walk's numeric checks of step `label`, run once for the module and replayed."""
    if not _BASELINES:
        _BASELINES.update(mutate._baselines(WALK, seed=0))
    return _BASELINES[label]


@pytest.fixture(scope="module")
def walk_report() -> mutate.MutationReport:
    """The whole self-test of the random walk (about 1000 mutants), run once for the module."""
    return mutate.run([WALK])


def test_mutate_rejects_sign_flip_of_final_result():
    flipped = mutant("msd", E(x(n) ** 2), -n * L**2)
    outcome = mutate.judge(WALK, flipped, SETTINGS, baselines("msd"))
    assert flipped.operator == "flip-sign"
    assert outcome.rejected and outcome.status == Status.FAILED.value and not outcome.equivalent
    assert outcome.numeric is not None and outcome.numeric.moved and outcome.numeric.rejected
    assert "msd-stepwise" in outcome.numeric.checks and "msd" in outcome.numeric.checks


def test_mutate_rejects_exponent_off_by_one_in_a_recurrence():
    raised = mutant("msd-recurrence", E(x(n) ** 2), E(x(n - 1) ** 2) + L**3)
    outcome = mutate.judge(WALK, raised, SETTINGS)
    assert raised.operator == "exponent"
    assert outcome.rejected and "dimensionally inconsistent" in outcome.reason


def test_mutate_rejects_a_dropped_term_with_a_counterexample():
    dropped = mutant("msd-recurrence-raw", E(x(n) ** 2), E(x(n - 1) ** 2) + E(k(n) ** 2))
    outcome = mutate.judge(WALK, dropped, SETTINGS)
    assert dropped.operator == "drop-term"
    assert outcome.rejected and "Counterexample:" in outcome.reason and outcome.numeric is None


def test_numeric_checks_reject_a_doubled_final_result_even_without_the_symbolic_checker():
    doubled = mutant("msd-3d-time", E(sp.Function("r", real=True)(n) ** 2), 12 * rw.D * rw.t)
    verdict = mutate._numeric_verdict(doubled.apply(WALK), baselines("msd-3d-time"), seed=0)
    assert verdict.moved and verdict.rejected and "failed" in verdict.detail


def test_a_mutant_of_the_left_side_does_not_move_the_prediction():
    lhs_only = mutant("msd", 2 * E(x(n) ** 2), n * L**2)
    verdict = mutate._numeric_verdict(lhs_only.apply(WALK), baselines("msd"), seed=0)
    assert not verdict.moved and not verdict.rejected


def test_mutants_leave_axioms_and_refuted_claims_alone():
    mutated = {m.label for m in mutate.mutants_of(WALK)}
    axioms = {s.label for s in WALK.steps if s.by.kind.value == "axiom"}
    assert mutated and not mutated & axioms
    assert "article-any-distribution" not in mutated
    assert {"msd", "mean-step", "spread-time", "bacterium"} <= mutated


def test_mutants_differ_from_the_original_and_from_each_other():
    number = WALK.labels.index("square-expanded") + 1
    mutants = mutate.mutants_of_step(WALK, number)
    original = WALK.steps[number - 1].claim
    claims = [(m.claim.lhs, m.claim.rhs) for m in mutants]
    assert (original.lhs, original.rhs) not in claims
    assert len(claims) == len(set(claims))


def test_mutation_operators_all_apply_to_the_nernst_potential():
    (nernst,) = registry.select(["nernst-potential"])
    examples = {m.operator: m for m in mutate.mutants_of(nernst)}
    assert set(examples) == set(mutate.OPERATORS) - {"branch"}  # the library has no absolute values to drop
    assert examples["function"].edit.startswith(("write exp for log", "write log for exp"))
    assert examples["magnitude"].edit.startswith(("multiply", "divide")) and "1000" in examples["magnitude"].edit
    assert examples["extra-hypothesis"].edit.startswith("assume ")


def test_a_result_that_needs_an_unstated_hypothesis_is_rejected():
    number = WALK.labels.index("msd") + 1
    silent = [m for m in mutate.mutants_of_step(WALK, number) if m.operator == "extra-hypothesis"]
    assert {m.claim.rhs for m in silent} >= {n, L**2}  # E[x(n)**2] = n L**2 with L = 1, or with n = 1
    for mutant in silent:
        assert not check_step(mutant.apply(WALK), number, SETTINGS).status.ok, mutant.edit


def test_the_branch_operator_drops_an_absolute_value_and_the_checker_rejects_it():
    from derive import Derivation, SymbolTable, Text, by, step

    table = SymbolTable()
    y = table.add("y", 1, "y", "y", real=True)
    derivation = Derivation(id="branch", title=Text("", ""), question=Text("", ""), section="test",
                            symbols=table.freeze(),
                            steps=(step("product", (sp.Abs(y) * sp.Abs(y - 1), sp.Abs(y**2 - y)), by.algebra()),))
    assert check_step(derivation, 1, SETTINGS).status.ok
    branches = [m for m in mutate.mutants_of(derivation) if m.operator == "branch"]
    assert len(branches) == 3  # |y|, |y - 1| and |y**2 - y| dropped in turn
    for mutant in branches:
        result = check_step(derivation.with_claim("product", (mutant.claim.lhs, mutant.claim.rhs)), 1, SETTINGS)
        assert result.status is Status.FAILED, mutant.edit


def test_swap_exchanges_two_symbols_of_the_same_dimension_only():
    number = WALK.labels.index("spread-time") + 1  # t = R**2/(6 D): no two symbols share a dimension
    assert not [m for m in mutate.mutants_of_step(WALK, number) if m.operator == "swap"]
    number = WALK.labels.index("msd-3d-sum") + 1  # x, y, z and r are all lengths
    swaps = {m.edit: str(m.claim) for m in mutate.mutants_of_step(WALK, number) if m.operator == "swap"}
    assert swaps["swap x and r in the right side only"] == "E[r(n)**2] = E[r(n)**2] + E[y(n)**2] + E[z(n)**2]"
    assert "swap x and y in the right side only" not in swaps  # E[y²] + E[x²] + E[z²] is no change


def test_equivalent_mutants_are_not_survivors_and_say_why():
    same = mutate.judge(WALK, mutant("mean-step", -E(k(n)), sp.Integer(0)), SETTINGS)
    multiple = mutate.judge(WALK, mutant("mean-step", 2 * E(k(n)), sp.Integer(0)), SETTINGS)
    still_true = mutate.judge(WALK, mutant("msd-start", E(x(0) ** 3), sp.Integer(0)), SETTINGS)
    assert same.equivalent.startswith("the same equation as the original (proved by SymPy)")
    assert multiple.equivalent == "the original equation multiplied by 2"
    assert still_true.equivalent.startswith("true under the derivation's hypotheses (proved by SymPy)")
    assert not (same.survived or multiple.survived or still_true.survived)


def test_a_false_mutant_is_never_called_equivalent():
    wrong = mutate.judge(WALK, mutant("msd", E(x(n) ** 2), 2 * n * L**2), SETTINGS)
    assert wrong.equivalent == ""


def test_mutation_self_test_meets_both_targets_on_the_random_walk(walk_report):
    total = walk_report.tally
    assert total.mutants > 500 and total.non_equivalent > 500 and total.beyond_resolution >= 20
    assert total.symbolic_rate >= mutate.SYMBOLIC_TARGET
    assert total.numeric_rate >= mutate.NUMERIC_TARGET
    assert walk_report.passed and walk_report.exit_code == 0


def test_report_lists_counts_targets_and_equivalents(walk_report):
    text = walk_report.text()
    assert text.splitlines()[0].startswith("derivation")
    assert "symbolic target: at least 99% of non-equivalent mutants rejected: met" in text
    assert "equivalent mutants (" in text and "mutated claim: -E[k(n)] = 0" in text
    document = walk_report.to_json()
    assert document["schema"] == "neuroderive.mutation/1" and document["passed"]
    walk = document["derivations"][0]
    assert walk["id"] == "random-walk" and walk["mutants"][0]["step"] == "mean-step"
    json.dumps(document)  # plain data


def test_a_checker_that_accepts_everything_misses_the_symbolic_target(monkeypatch):
    def accepts_everything(derivation, number, settings=SETTINGS):
        step = derivation.steps[number - 1]
        from derive.report import StepResult
        return StepResult(derivation.id, number, step.label, "", "checked", Status.PROVED, 0.0, "", str(step.claim))

    monkeypatch.setattr(mutate, "check_step", accepts_everything)
    report = mutate.MutationReport([mutate.score(WALK, symbolic_only=True, steps=["msd"])], 0, True, 0.0)
    assert not report.symbolic_met and report.exit_code == 1
    assert report.survivors() and "symbolic survivors (" in report.text() and "MISSED" in report.text()


def test_numeric_checks_that_pass_everything_miss_the_numeric_target(monkeypatch):
    real = mutate.run_check

    def passes_everything(derivation, check, seed=0):
        return replace(real(derivation, check, seed), passed=True)

    monkeypatch.setattr(mutate, "run_check", passes_everything)
    report = mutate.MutationReport([mutate.score(WALK, steps=["msd"])], 0, False, 0.0)
    # only mutants whose prediction cannot even be evaluated (a zero with no scale) are still rejected
    assert report.tally.beyond_resolution > 0 and report.tally.numeric_rejected == report.tally.numeric_unevaluable
    assert not report.numeric_met and report.exit_code == 1 and report.numeric_survivors()


def test_mutate_command_prints_json_and_exits_0_when_the_targets_are_met(capsys, monkeypatch, walk_report):
    asked = {}

    def run(derivations, **options):
        asked.update(ids=[d.id for d in derivations], **options)
        return walk_report

    monkeypatch.setattr(mutate, "run", run)
    code = cli.main(["mutate", "random-walk", "--json", "--seed", "3", "--time-limit", "4"])
    out, err = capsys.readouterr()
    assert code == 0 and json.loads(out) == json.loads(json.dumps(walk_report.to_json()))
    assert asked["ids"] == ["random-walk"] and asked["seed"] == 3 and not asked["symbolic_only"]
    assert asked["settings"].seconds_per_step == 4 and "Traceback" not in err


def test_mutate_command_prints_the_table_and_exits_1_when_a_target_is_missed(capsys, monkeypatch, walk_report):
    missed = replace(walk_report.derivations[0], outcomes=[replace(o, rejected=False) for o in walk_report.derivations[0].outcomes])
    monkeypatch.setattr(mutate, "run", lambda derivations, **options: mutate.MutationReport([missed], 0, True, 1.0))
    code = cli.main(["mutate", "random-walk", "--symbolic-only"])
    out, _ = capsys.readouterr()
    assert code == 1 and out.startswith("derivation") and "MISSED" in out


def test_mutate_command_exits_2_for_an_unknown_id_without_a_traceback(capsys):
    code = cli.main(["mutate", "no-such-derivation"])
    _, err = capsys.readouterr()
    assert code == 2 and "unknown derivation 'no-such-derivation'" in err and "Traceback" not in err


def test_claims_keep_their_approximation_mark_when_mutated():
    number = WALK.labels.index("bacterium") + 1
    original = WALK.steps[number - 1].claim
    assert all(m.claim.approximate == original.approximate for m in mutate.mutants_of_step(WALK, number))
    assert isinstance(original, Claim)


# --- holes the mutation self-test found in the checker, now closed ------------------------------


def test_linear_stability_rejects_a_claim_about_twice_the_largest_real_part():
    (hh,) = registry.select(["hodgkin-huxley"])
    number = hh.labels.index("resting-state-is-stable") + 1
    claim = hh.steps[number - 1].claim
    assert check_step(hh, number, SETTINGS).ok
    for wrong in (2 * claim.lhs, -claim.lhs):
        result = check_step(hh.with_claim("resting-state-is-stable", (wrong, claim.rhs)), number, SETTINGS)
        assert result.status is Status.FAILED and "must be a symbol" in result.problem


def test_a_step_that_divides_by_zero_fails_instead_of_crashing_the_checker():
    number = WALK.labels.index("msd-start") + 1
    result = check_step(WALK.with_claim("msd-start", (E(x(0) ** -2), 0)), number, SETTINGS)
    assert result.status is Status.FAILED and "could not be evaluated" in result.problem


def test_a_numeric_check_fails_when_the_prediction_is_not_a_number():
    (check,) = [c for c in WALK.checks if c.name == "msd"]
    result = run_check(WALK.with_claim("msd", (E(x(n) ** 2), sp.nan)), check, 0)
    assert not result.passed and "the prediction is nan" in result.problem
