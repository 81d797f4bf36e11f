"""Which questions to draw next: spaced repetition with FSRS (the scheduler behind modern
Anki, package ``fsrs``), weighted up for themes the learner gets wrong.

Each question is an FSRS card. Replaying the history through the scheduler (the learner's
own rating when given, else a right answer rated Good and a wrong one Again) gives each card
a due time: a wrong answer is due again
within minutes, a right one later and later. A question's draw weight is high when it is
due (more so the less likely it is to be recalled), low when it is not, and in between
when it was never asked. The theme's weight multiplies it: a theme answered wrong more
often is drawn more often.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

import numpy as np
from fsrs import Card, Rating, Scheduler

from .attempt import Attempt
from .schema import Question
from .themes import tally_by_theme

NEW_WEIGHT = 1.0  # never asked
DUE_WEIGHT = 2.0  # due for review; up to twice that when recall has become unlikely
NOT_DUE_WEIGHT = 0.2  # reviewed recently and answered right: rarely drawn again soon
# FSRS's learning step brings a first right answer back after 10 minutes (Anki's "again
# today"): for drawing a quiz, where most questions are often still new, a question answered
# right waits at least this long, so that new ones come first.
RIGHT_WAITS = timedelta(days=1)
THEME_BOOST = 2.0  # a theme always answered wrong weighs up to 1 + THEME_BOOST

# No fuzzing: the same history always gives the same schedule (and the same tests).
SCHEDULER = Scheduler(enable_fuzzing=False)


def _rating(a: Attempt) -> Rating:
    """The learner's own rating when given, else Good for a right answer, Again for a wrong one."""
    return Rating(a.rating) if a.rating else Rating.Good if a.correct else Rating.Again


def build_cards(attempts: Iterable[Attempt]) -> dict[str, Card]:
    """question id -> its FSRS card after every recorded answer, in time order."""
    cards: dict[str, Card] = {}
    for a in sorted(attempts, key=lambda a: a.answered_at):
        # An explicit id: Card() would otherwise sleep 1 ms to make a unique one.
        card = cards.get(a.question_id) or Card(card_id=len(cards) + 1)
        # FSRS insists on UTC; an imported CSV may carry another offset.
        cards[a.question_id], _ = SCHEDULER.review_card(card, _rating(a),
                                                        a.answered_at.astimezone(UTC))
    return cards


def due_ids(questions: Iterable[Question], attempts: Iterable[Attempt],
            until: datetime) -> list[str]:
    """「今日の復習」: the questions whose last answer was wrong or rated Again or Hard, and
    those whose review date has come by ``until`` (the end of the learner's today), most
    overdue first. A question answered right today is not due today, even though FSRS's
    learning steps bring a first right answer back within 10 minutes (that is for drawing
    the next quiz, not the day's review list); never-asked questions are new, not due."""
    attempts = list(attempts)
    cards = build_cards(attempts)
    last: dict[str, Attempt] = {}
    for a in sorted(attempts, key=lambda a: a.answered_at):
        last[a.question_id] = a
    today = until - timedelta(days=1)

    def due(qid: str) -> bool:
        if _rating(last[qid]) in (Rating.Again, Rating.Hard):
            return True
        return cards[qid].due <= until and last[qid].answered_at < today

    return [qid for _, qid in sorted((cards[q.id].due, q.id) for q in questions
                                     if q.id in cards and due(q.id))]


def card_weight(card: Card | None, now: datetime, right_at: datetime | None = None) -> float:
    """The draw weight of a question's card at ``now``; ``right_at``: when its last answer was
    right (rated Good or Easy), if it was."""
    if card is None:
        return NEW_WEIGHT
    due = card.due if right_at is None else max(card.due, right_at + RIGHT_WAITS)
    if due <= now:
        return DUE_WEIGHT * (2.0 - SCHEDULER.get_card_retrievability(card, now))
    return NOT_DUE_WEIGHT


def _right_at(attempts: Iterable[Attempt]) -> dict[str, datetime]:
    """question id -> when its last answer was right (Good or Easy), for those whose was."""
    last: dict[str, Attempt] = {}
    for a in sorted(attempts, key=lambda a: a.answered_at):
        last[a.question_id] = a
    return {qid: a.answered_at for qid, a in last.items()
            if _rating(a) in (Rating.Good, Rating.Easy)}


def theme_weights(attempts: Iterable[Attempt]) -> dict[str, float]:
    """theme -> 1 + THEME_BOOST × (smoothed error rate); a theme never seen gets the middle."""
    counts = tally_by_theme(attempts)
    # Laplace smoothing: one right answer out of two wrong ones does not make a weak theme.
    return {t: 1.0 + THEME_BOOST * (1.0 - (c + 1) / (n + 2)) for t, (c, n) in counts.items()}


def draw_weights(questions: list[Question], attempts: list[Attempt], now: datetime) -> np.ndarray:
    """The weight of each question for ``session.draw``, all > 0."""
    cards = build_cards(attempts)
    right_at = _right_at(attempts)
    by_theme = theme_weights(attempts)
    middle = 1.0 + THEME_BOOST / 2
    return np.array([card_weight(cards.get(q.id), now, right_at.get(q.id))
                     * by_theme.get(q.theme, middle) for q in questions])
