"""The random-walk handout: every step holds, the article's false claim is caught."""

from __future__ import annotations

from derive.check import check_steps
from derive.library import random_walk as rw
from derive.report import Status


def test_every_checked_step_is_proved_not_merely_sampled():
    statuses = {r.label: r.status for r in check_steps(rw.derivation)}
    assert Status.NUMERIC not in statuses.values()
    assert statuses["msd"] is Status.PROVED


def test_article_claim_about_steps_of_any_distribution_is_refuted_by_algebra_and_simulation():
    refuted = [r for r in check_steps(rw.derivation) if r.status is Status.REFUTED]
    assert [r.label for r in refuted] == ["article-any-distribution"]
    names = {c.name: c for c in rw.derivation.checks}
    assert names["article-any-distribution"].expect.value == "refuted"


def test_every_step_has_prose_in_both_languages():
    missing = [s.label for s in rw.derivation.steps if not (s.prose.en and s.prose.zh)]
    assert missing == []


def test_every_symbol_has_a_meaning_in_both_languages():
    assert all(q.meaning.en and q.meaning.zh for q in rw.derivation.symbols)


def test_every_exercise_has_a_question_an_answer_and_proved_steps_in_both_languages():
    from derive.check import check_steps as _check_steps
    from derive.library import random_walk as _module
    from derive.report import Status as _Status

    derivation = _module.derivation
    assert 3 <= len(derivation.exercises) <= 5 and derivation.key_ideas
    statuses = {r.label: r.status for r in _check_steps(derivation)}
    for question in derivation.exercises:
        assert question.question.en and question.question.zh and question.answer.en and question.answer.zh
        for s in derivation.solution(question):
            assert s.prose.en and s.prose.zh
            assert statuses[s.label] in (_Status.PROVED, _Status.AXIOM), s.label
