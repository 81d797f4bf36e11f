"""One recorded answer: the row of the ``attempts`` table and of the exported CSV."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

COLUMNS = ("session_id", "question_id", "theme", "correct", "answer", "answered_at")


@dataclass(frozen=True)
class Attempt:
    session_id: str
    question_id: str
    theme: str
    correct: bool
    answer: str  # JSON text of what was given ('' when unanswered)
    answered_at: datetime  # timezone-aware
    # The learner's own FSRS rating, 1..4 (Again, Hard, Good, Easy); None: from ``correct``.
    # Not in row(): the history store keeps it apart.
    rating: int | None = None

    def row(self) -> tuple[str, str, str, int, str, str]:
        return (self.session_id, self.question_id, self.theme, int(self.correct), self.answer,
                stamp(self.answered_at))


def stamp(moment: datetime) -> str:
    """One text form per instant (UTC, microseconds), so the same answer imported twice
    matches the unique key and is not stored twice."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_row(row: tuple) -> Attempt:
    session_id, question_id, theme, correct, answer, answered_at = row
    return Attempt(session_id, question_id, theme, bool(correct), answer,
                   datetime.fromisoformat(answered_at))
