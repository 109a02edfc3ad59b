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
