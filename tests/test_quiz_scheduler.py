"""Spaced repetition: wrong answers come back sooner, weak themes are drawn more often."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import numpy as np

from quiz.attempt import Attempt
from quiz.history import end_of_day
from quiz.scheduler import build_cards, card_weight, draw_weights, due_ids, theme_weights
from quiz.session import draw
from tests.quiz_helpers import fixture_questions

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
BANK = fixture_questions()


def att(qid: str, correct: bool, at: datetime, theme: str = "softmax") -> Attempt:
    return Attempt("s", qid, theme, correct, "", at)


def test_a_wrong_answer_is_due_sooner_than_a_right_one():
    cards = build_cards([att("wrong", False, T0), att("right", True, T0)])
    assert cards["wrong"].due < cards["right"].due
    # Answered right again and again, the interval grows.
    history, at = [], T0
    dues = []
    for _ in range(4):
        history.append(att("r", True, at))
        due = build_cards(history)["r"].due
        dues.append(due - at)
        at = due
    assert dues == sorted(dues) and dues[-1] > timedelta(days=1)


def test_history_order_does_not_matter():
    a = [att("q", True, T0), att("q", False, T0 + timedelta(days=2))]
    assert build_cards(a)["q"].due == build_cards(a[::-1])["q"].due


def test_a_due_question_outweighs_a_new_one_which_outweighs_a_recent_right_one():
    later = T0 + timedelta(minutes=5)
    cards = build_cards([att("wrong", False, T0), att("right", True, T0)])
    assert card_weight(cards["wrong"], later) > card_weight(None, later) \
        > card_weight(cards["right"], later)


def test_a_question_answered_right_waits_behind_new_ones_for_a_day():
    """FSRS makes a first right answer due again after 10 minutes; drawn that soon it would
    come back twice as often as a question never asked (found by a learner: 6 of 26 draws
    were questions answered right 10-20 minutes before, with 150 never asked)."""
    history = [att("right", True, T0)]
    card = build_cards(history)["right"]
    assert card.due - T0 == timedelta(minutes=10)  # what FSRS says
    for later in (timedelta(minutes=15), timedelta(hours=1), timedelta(hours=20)):
        weights = draw_weights([_q("right"), _q("new")], history, T0 + later)
        assert weights[0] < weights[1] / 4, later
    # a day on, it is due and weighs more than a new one
    weights = draw_weights([_q("right"), _q("new")], history, T0 + timedelta(days=1, hours=1))
    assert weights[0] > weights[1]
    # a wrong answer is not held back: due within minutes, above a new question
    wrong = [att("wrong", False, T0)]
    weights = draw_weights([_q("wrong"), _q("new")], wrong, T0 + timedelta(minutes=15))
    assert weights[0] > weights[1]


def _q(qid: str):
    return type("Q", (), {"id": qid, "theme": "softmax"})()


def test_weak_themes_weigh_more():
    history = [att(f"a{i}", False, T0, "softmax") for i in range(8)] \
        + [att(f"b{i}", True, T0, "usage") for i in range(8)]
    weights = theme_weights(history)
    # (1 + 0)/(8 + 2) right for softmax, (8 + 1)/(8 + 2) for usage.
    assert np.isclose(weights["softmax"], 1 + 2 * 0.9)
    assert np.isclose(weights["usage"], 1 + 2 * 0.1)


def test_drawing_follows_the_history():
    """Two questions answered wrong a day ago come up far more often than two answered right
    a moment ago, over many fixed seeds."""
    questions = list(BANK.questions)
    wrong = [q for q in questions if q.theme == "relu_sigmoid"]  # 2 questions
    right = [q for q in questions if q.theme == "softmax"]  # 2 questions
    now = T0 + timedelta(days=1)
    history = [att(q.id, False, T0, q.theme) for q in wrong] \
        + [att(q.id, True, now - timedelta(minutes=1), q.theme) for q in right]
    weights = draw_weights(questions, history, now)
    assert (weights > 0).all()
    counts = {q.id: 0 for q in questions}
    for seed in range(300):
        for q in draw(questions, 2, np.random.default_rng(seed), weights):
            counts[q.id] += 1
    assert min(counts[q.id] for q in wrong) > 3 * max(counts[q.id] for q in right)


def test_answers_with_another_offset_are_the_same_instants():
    tokyo = timezone(timedelta(hours=9))
    a = build_cards([att("q", False, T0.astimezone(tokyo))])["q"]
    b = build_cards([att("q", False, T0)])["q"]
    assert a.due == b.due


def test_the_learners_own_rating_drives_the_schedule_and_today_s_review():
    t0 = datetime(2026, 3, 1, 1, 0, tzinfo=UTC)  # 10:00 in Tokyo
    right = [Attempt("s", "q", "softmax", True, "", t0)]
    easy = [Attempt("s", "q", "softmax", True, "", t0, rating=4)]
    again = [Attempt("s", "q", "softmax", True, "", t0, rating=1)]
    due = {name: build_cards(h)["q"].due for name, h in
           (("right", right), ("easy", easy), ("again", again))}
    assert due["again"] < due["right"] < due["easy"]  # the rating, not `correct`, decides
    q = type("Q", (), {"id": "q"})()
    today = end_of_day(t0)
    assert str(today) == "2026-03-02 00:00:00+09:00"
    assert due_ids([q], again, today) == ["q"] and due_ids([q], easy, today) == []


def test_today_s_review_is_what_a_learner_expects():
    """Due today: the last answer wrong, or rated Again or Hard, or a review date that has
    come; never a question just answered right (FSRS's learning step would bring it back
    in 10 minutes), never a question not asked."""
    from fsrs import State

    now = datetime(2026, 3, 1, 1, 0, tzinfo=UTC)  # 10:00 in Tokyo
    hour, day = timedelta(hours=1), timedelta(days=1)

    def a(qid, correct, at, rating=None):
        return Attempt("s", qid, "softmax", correct, "", at, rating)

    history = [
        a("right-now", True, now),
        a("easy-now", True, now, 4),
        a("wrong-now", False, now),
        a("hard-now", True, now, 2),
        a("again-now", True, now, 1),
        a("wrong-then-right", False, now - hour), a("wrong-then-right", True, now),
        a("right-then-wrong", True, now - 3 * day), a("right-then-wrong", False, now),
        a("right-yesterday", True, now - day),
        a("reviewed-due", True, now - 3 * day), a("reviewed-due", True, now - 3 * day + hour),
        a("reviewed-later", True, now - 2 * hour), a("reviewed-later", True, now - hour),
        a("wrong-last-week", False, now - 7 * day),
        a("gone", False, now),  # no longer in the banks
    ]
    ids = sorted({x.question_id for x in history} - {"gone"}) + ["never-asked"]
    questions = [type("Q", (), {"id": qid})() for qid in ids]
    today = end_of_day(now)
    cards = build_cards(history)
    # The trap: FSRS itself has the right answer of a moment ago due before the day ends.
    assert cards["right-now"].due <= today and cards["right-now"].state == State.Learning
    # Two right answers make a review card with a date: come for one, not for the other.
    assert cards["reviewed-due"].state == cards["reviewed-later"].state == State.Review
    assert cards["reviewed-due"].due <= today < cards["reviewed-later"].due

    due = due_ids(questions, history, today)
    assert set(due) == {"wrong-now", "hard-now", "again-now", "right-then-wrong",
                        "right-yesterday", "reviewed-due", "wrong-last-week"}
    # Most overdue first.
    assert due == sorted(due, key=lambda qid: cards[qid].due)
    assert due[0] == "wrong-last-week"
