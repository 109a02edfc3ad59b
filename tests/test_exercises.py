"""Exercises and headings: a worked solution is checked like the handout's own steps."""

from __future__ import annotations

import pytest
import sympy as sp
from sympy.physics.units import length, time

from derive import Derivation, SymbolTable, Text, by, define, exercise, heading, step
from derive import pipeline
from derive.report import Status

symbols = SymbolTable()
L = symbols.add("L", length, "step length", "步长", positive=True)
dt = symbols.add("dt", time, "time per step", "每步时间", positive=True)
D = symbols.add("D", length**2 / time, "diffusion constant", "扩散常数", positive=True)
t = symbols.add("t", time, "elapsed time", "经过的时间", positive=True)
x2 = symbols.add("x2", length**2, "mean-square displacement", "均方位移", positive=True)


def walk(answer: sp.Expr) -> Derivation:
    return Derivation(
        id="walk", title=Text("Walk", "行走"), question=Text("How far?", "多远？"), section="1",
        symbols=symbols.freeze(),
        steps=(
            heading("Diffusion constant", "扩散常数",
                    define("diffusion", sp.Eq(D, L**2 / (2 * dt)), "Define D.", "定义 D。")),
            define("spread", sp.Eq(x2, 2 * D * t), "The spread.", "扩散范围。"),
            *exercise("ex-spread", "Write the spread with L and Δt.", "用 L 和 Δt 表示扩散范围。",
                      step("ex-spread-in-steps", sp.Eq(x2, answer), by.substituting("diffusion", into="spread"),
                           "Put D in.", "代入 D。"),
                      answer=Text("The spread grows like t L²/Δt.", "扩散范围按 t L²/Δt 增长。")),
        ),
        module=__name__,
    )


def test_exercise_solution_is_checked_like_any_step():
    right = pipeline.check([walk(L**2 * t / dt)], symbolic_only=True).derivations[0]
    wrong = pipeline.check([walk(2 * L**2 * t / dt)], symbolic_only=True).derivations[0]
    assert right.steps[-1].status is Status.PROVED
    assert wrong.steps[-1].status is Status.FAILED


def test_exercise_carries_its_question_and_answer():
    d = walk(L**2 * t / dt)
    (question,) = d.exercises
    assert question.question.en.startswith("Write the spread")
    assert question.answer.zh.startswith("扩散范围")
    assert [s.label for s in d.solution(question)] == ["ex-spread-in-steps"]


def test_heading_marks_the_step_that_starts_a_section():
    d = walk(L**2 * t / dt)
    assert d.step("diffusion").heading == Text("Diffusion constant", "扩散常数")
    assert d.step("spread").heading is None


def test_handout_step_after_an_exercise_is_refused():
    steps = walk(L**2 * t / dt).steps
    with pytest.raises(ValueError, match="must come after the handout's own steps"):
        Derivation(id="walk", title=Text("W"), question=Text("?"), section="1", symbols=symbols.freeze(),
                   steps=(steps[0], steps[2], steps[1]))


def test_a_handout_of_exercises_alone_is_accepted():
    steps = walk(L**2 * t / dt).steps
    alone = Derivation(id="walk", title=Text("W"), question=Text("?"), section="1", symbols=symbols.freeze(),
                       steps=steps[2:])
    assert [e.label for e in alone.exercises] == ["ex-spread"]


def test_exercise_without_solution_is_refused():
    with pytest.raises(ValueError, match="no solution steps"):
        exercise("ex-empty", "Question?", "问题？")


def _library() -> list[Derivation]:
    from derive import registry

    return [registry.load_module(name) for name in registry.library_modules()]


@pytest.mark.parametrize("derivation", _library(), ids=lambda d: d.id)
def test_every_library_handout_has_key_ideas_and_three_to_five_exercises_in_both_languages(derivation):
    assert derivation.key_ideas and all(idea.en and idea.zh for idea in derivation.key_ideas)
    assert 3 <= len(derivation.exercises) <= 5
    for question in derivation.exercises:
        assert question.question.en and question.question.zh and question.answer.en and question.answer.zh
        for s in derivation.solution(question):
            assert s.prose.en and s.prose.zh, s.label


@pytest.mark.parametrize("derivation", _library(), ids=lambda d: d.id)
def test_every_library_exercise_step_is_proved_or_stated(derivation):
    from derive.check import check_step

    for number, s in enumerate(derivation.steps, start=1):
        if s.exercise is not None:
            assert check_step(derivation, number).status in (Status.PROVED, Status.AXIOM), s.label
