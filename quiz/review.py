"""The learner's mistakes to read again: every question answered wrong, or rated もう一度 or
難しい, once each (its newest such answer), newest first."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from .attempt import Attempt

HARD = 2  # FSRS ratings 1 (Again) and 2 (Hard) count as a mistake even when right


@dataclass(frozen=True)
class Mistake:
    attempt: Attempt  # the newest wrong or hard answer to the question
    times: int  # how many of its answers were wrong or hard


def is_mistake(a: Attempt) -> bool:
    return not a.correct or (a.rating is not None and a.rating <= HARD)


def mistakes(attempts: list[Attempt], themes: Collection[str] | None = None) -> list[Mistake]:
    """One entry per question with a mistake, in ``themes`` (all when None), newest first."""
    newest: dict[str, Attempt] = {}
    times: dict[str, int] = {}
    for a in attempts:
        if not is_mistake(a) or (themes is not None and a.theme not in themes):
            continue
        times[a.question_id] = times.get(a.question_id, 0) + 1
        last = newest.get(a.question_id)
        if last is None or a.answered_at >= last.answered_at:
            newest[a.question_id] = a
    rows = [Mistake(a, times[qid]) for qid, a in newest.items()]
    rows.sort(key=lambda m: (m.attempt.answered_at, m.attempt.question_id), reverse=True)
    return rows
