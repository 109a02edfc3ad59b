"""Quotations of another handout (issue 13, item 12): quoting a failed step fails, quoting a
numerically-only step is at best numerically-only, and checking the quoting handout fails when
what it quotes fails (exit 1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from derive import cli, registry
from derive.check import check_step
from derive.report import Status

CORPUS = Path(__file__).resolve().parent / "corpus"
SOURCE, USER, CHAIN = CORPUS / "quote_source.py", CORPUS / "quote_user.py", CORPUS / "quote_chain.py"


@pytest.fixture
def both_on_the_path():
    registry.search_also([SOURCE, USER, CHAIN])
    yield
    registry.search_also([])


def judge(path: Path, label: str):
    derivation = registry.load_file(path)
    return check_step(derivation, derivation.labels.index(label) + 1)


@pytest.mark.parametrize("label", ["wrong", "root-of-two", "right"])
def test_the_quoted_steps_have_the_verdicts_the_quotations_rely_on(both_on_the_path, label: str) -> None:
    result = judge(SOURCE, label)
    expected = {"wrong": {Status.FAILED}, "root-of-two": {Status.NUMERIC}, "right": {Status.PROVED}}[label]
    assert result.status in expected, result.explain() or result.note


def test_quoting_a_failed_step_fails(both_on_the_path) -> None:
    result = judge(USER, "quotes-a-failed-step")
    assert result.status in (Status.FAILED, Status.INVALID), f"quoting a failed step: {result.status.value}"
    assert "wrong" in result.explain()


def test_quoting_a_numerically_only_step_is_not_proved(both_on_the_path) -> None:
    result = judge(USER, "quotes-a-numeric-step")
    assert result.status not in (Status.PROVED, Status.AXIOM), f"quoting a numerically-only step: {result.status.value}"


def test_quoting_a_proved_step_is_proved(both_on_the_path) -> None:
    assert judge(USER, "quotes-a-proved-step").status is Status.PROVED


def test_quoting_a_quotation_of_a_failed_step_fails(both_on_the_path) -> None:
    result = judge(CHAIN, "quotes-a-quotation-of-a-failed-step")
    assert result.status in (Status.FAILED, Status.INVALID), f"quoting a quotation of a failed step: {result.status.value}"


def test_checking_the_quoting_handout_fails_when_a_quoted_step_fails(both_on_the_path, capsys) -> None:
    try:
        code = cli.main(["check", "corpus-quoting", "--path", str(SOURCE), "--path", str(USER), "--jobs", "1",
                         "--symbolic-only"])
    finally:
        registry.search_also([SOURCE, USER, CHAIN])
    capsys.readouterr()
    assert code == 1
