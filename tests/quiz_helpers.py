"""Shared for the quiz tests: the small fixture bank, loaded once per test."""

from __future__ import annotations

from pathlib import Path

from quiz.loader import load_paths
from quiz.schema import BlanksQuestion, MultipleQuestion, NumericQuestion, TrueFalseQuestion

GOOD_BANK = Path(__file__).parent / "fixtures" / "quiz" / "good"


def fixture_questions():
    bank = load_paths([GOOD_BANK])
    assert not bank.problems, bank.problems
    return bank


def wrong_answer(q):
    """A wrong answer of the kind the quiz records (blanks rows as tuples, as a run has them)."""
    if isinstance(q, TrueFalseQuestion):
        return not q.answer
    if isinstance(q, NumericQuestion):
        return q.answer + 10 * q.tolerance + 1
    if isinstance(q, MultipleQuestion):
        others = [o for o in q.options if o not in q.answer]
        return tuple(others[:1] + q.answer[:1])
    wrong = next(o for o in q.options if o != q.answer)
    return tuple(wrong) if isinstance(q, BlanksQuestion) else wrong
