"""Drawing, shuffling, scoring and the review round of a quiz run."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from quiz.answers import answer_text, encode, is_correct, parse_number
from quiz.loader import DEFAULT_BANK_DIR, load_paths
from quiz.schema import QUESTION_ADAPTER
from quiz.session import (
    EXAM,
    SECONDS_PER_QUESTION,
    STUDY,
    QuizRun,
    askable,
    draw,
    drawable,
    score_by_theme,
)
from tests.quiz_helpers import fixture_questions

BANK = fixture_questions()
Q = BANK.by_id
NOW = datetime(2026, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize("n", [0, 1, 3, 5, 9])
def test_draw_gives_distinct_questions_and_never_more_than_there_are(n):
    for seed in range(20):
        got = draw(list(BANK.questions), n, np.random.default_rng(seed))
        assert len(got) == min(n, 5)
        assert len({q.id for q in got}) == len(got)


def test_draw_prefers_heavy_weights():
    questions = list(BANK.questions)
    weights = np.array([50.0, 1, 1, 1, 1])
    hits = sum(draw(questions, 1, np.random.default_rng(s), weights)[0] is questions[0]
               for s in range(200))
    # P(first) = 50/54 ≈ 0.93; 200 fixed seeds.
    assert hits > 160


def _tf(qid: str, group: str | None = None):
    raw = {"id": qid, "theme": "softmax", "functions": ["softmax"], "difficulty": 1,
           "type": "truefalse", "text": "t", "answer": True, "explanation": "e"}
    return QUESTION_ADAPTER.validate_python(raw if group is None else {**raw, "group": group})


@pytest.mark.parametrize("mode", [STUDY, EXAM])
def test_a_draw_from_the_banks_never_holds_two_questions_of_a_group(mode):
    pool = askable(list(load_paths([DEFAULT_BANK_DIR]).questions), mode)
    grouped = [q for q in pool if q.group is not None]
    assert len({q.group for q in grouped}) < len(grouped)  # some group has 2+ in this mode
    for seed in range(40):
        for n in (10, 40, len(pool)):  # up to the whole pool: the groups must still hold
            got = draw(pool, n, np.random.default_rng(seed))
            groups = [q.group for q in got if q.group is not None]
            assert len(groups) == len(set(groups))
            assert len({q.id for q in got}) == len(got) == min(n, drawable(pool))


def test_a_small_pool_gives_one_per_group_and_every_ungrouped_question():
    pool = [_tf("a", "g"), _tf("b", "g"), _tf("c", "g"), _tf("d"), _tf("e", "h")]
    assert drawable(pool) == 3
    for seed in range(30):
        got = draw(pool, 5, np.random.default_rng(seed))
        assert len(got) == 3
        assert sum(q.group == "g" for q in got) == 1 and {"d", "e"} <= {q.id for q in got}


def test_every_member_of_a_group_can_be_drawn():
    pool = [_tf("a", "g"), _tf("b", "g"), _tf("c")]
    seen = {q.id for seed in range(60) for q in draw(pool, 2, np.random.default_rng(seed))}
    assert seen == {"a", "b", "c"}


def test_weights_choose_within_a_group():
    pool = [_tf("a", "g"), _tf("b", "g")]
    weights = np.array([1.0, 50.0])
    hits = sum(draw(pool, 2, np.random.default_rng(s), weights)[0].id == "b" for s in range(200))
    assert hits > 160  # P = 50/51; and only one of the two is ever drawn
    assert all(len(draw(pool, 2, np.random.default_rng(s), weights)) == 1 for s in range(20))


def test_options_are_shuffled_and_the_answer_followed_by_content():
    q = Q["fx-sigmoid-grad-max"]
    orders = set()
    for seed in range(30):
        run = QuizRun.start([q], STUDY, np.random.default_rng(seed))
        options = run.items[0].options
        assert sorted(options) == sorted(q.options)
        orders.add(options)
        response = run.answer(q, "0.25", NOW)
        assert response.correct
    assert len(orders) > 5  # 24 orders possible


def test_multiple_select_needs_exactly_the_right_set():
    q = Q["fx-relu-props"]
    right = ("計算が軽い", "$x > 0$ で導関数は 1")  # order does not matter
    assert is_correct(q, right)
    assert not is_correct(q, right[:1])
    assert not is_correct(q, (*right, "出力がゼロ中心"))
    assert not is_correct(q, ())
    assert not is_correct(q, None)


@pytest.mark.parametrize(("given", "ok"), [
    (1.0, True), (1.0009, True), (0.999, True), (1.0011, False), (0.9, False),
    (True, False), (None, False),
])
def test_numeric_answers_within_the_tolerance(given, ok):
    assert is_correct(Q["fx-tanh-grad0"], given) is ok  # key 1, tolerance 0.001


def test_truefalse():
    assert is_correct(Q["fx-softmax-sum"], True)
    assert not is_correct(Q["fx-softmax-sum"], False)


@pytest.mark.parametrize(("text", "value"), [
    ("0.25", 0.25), ("０．２５", 0.25), ("1/4", 0.25), (" −0.632 ", -0.632), ("2.5e-3", 0.0025),
    ("1,000", 1000.0), ("", None), ("abc", None), ("1/0", None), ("inf", None), ("nan", None),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_encode_and_key_text():
    assert encode(None) == ""
    assert encode(("a", "b")) == '["a", "b"]'
    assert encode(True) == "true"
    assert answer_text(Q["fx-tanh-grad0"].answer) == "1"
    assert answer_text(Q["fx-relu-props"].answer) == "$x > 0$ で導関数は 1 / 計算が軽い"


def run_of(ids, mode):
    return QuizRun.start([Q[i] for i in ids], mode, np.random.default_rng(0), started_at=NOW)


def test_study_mode_reveals_then_moves_on():
    run = run_of(["fx-softmax-sum", "fx-tanh-grad0"], STUDY)
    run.answer(Q["fx-softmax-sum"], False, NOW)
    assert run.revealed and run.index == 0
    with pytest.raises(ValueError):
        run.answer(Q["fx-tanh-grad0"], 1.0, NOW)
    run.next()
    assert run.current.qid == "fx-tanh-grad0" and not run.revealed
    run.answer(Q["fx-tanh-grad0"], 1.0, NOW)
    run.next()
    assert run.finished and run.time_limit_s is None


def test_the_mock_exam_moves_freely_and_scores_at_the_end():
    run = run_of(["fx-sigmoid-grad-max", "fx-relu-props"], EXAM)
    assert run.time_limit_s == 2 * SECONDS_PER_QUESTION
    assert run.seconds_left(NOW + timedelta(seconds=10)) == 2 * SECONDS_PER_QUESTION - 10
    with pytest.raises(ValueError):
        run.answer(Q["fx-sigmoid-grad-max"], "0.25", NOW)  # nothing is checked before the end
    run.choose("0.25")
    run.toggle_flag()
    assert run.next_unanswered() == 1
    run.go(1, NOW + timedelta(seconds=30))
    run.choose(("計算が軽い",))
    run.go(0, NOW + timedelta(seconds=50))  # back
    run.toggle_flag()  # 見直し done
    assert run.unanswered() == [] and run.flagged() == [] and not run.finished
    responses = run.finish(Q, NOW + timedelta(seconds=60))
    assert run.finished and [r.correct for r in responses] == [True, False]
    assert run.spent_s == {"fx-sigmoid-grad-max": 40.0, "fx-relu-props": 20.0}
    assert run.time_used_s == 60.0


def test_a_time_out_scores_every_chosen_answer_as_given():
    run = run_of(["fx-sigmoid-grad-max", "fx-relu-props"], EXAM)
    run.go(1, NOW + timedelta(seconds=5))
    run.choose(tuple(Q["fx-relu-props"].answer))  # chosen, never "submitted"
    later = NOW + timedelta(hours=1)
    assert run.seconds_left(later) == 0
    responses = run.time_out(Q, later)
    assert [(r.given is None, r.correct) for r in responses] == [(True, False), (False, True)]
    assert run.time_used_s == run.time_limit_s  # scored as of the deadline
    assert run.spent_s["fx-relu-props"] == run.time_limit_s - 5


def test_only_single_and_multiple_questions_go_into_a_mock_exam():
    assert {q.type for q in askable(list(BANK.questions), EXAM)} == {"single", "multiple"}
    assert askable(list(BANK.questions), STUDY) == list(BANK.questions)


def test_a_run_survives_questions_removed_from_the_bank():
    """A bank file edited mid-run: time-out and review must not look up a vanished id."""
    ids = ["fx-softmax-sum", "fx-tanh-grad0", "fx-sigmoid-grad-max", "fx-relu-props"]
    run = run_of(ids, STUDY)
    run.answer(Q["fx-softmax-sum"], False, NOW)  # wrong, then removed from the bank
    run.next()
    run.answer(Q["fx-tanh-grad0"], 0.0, NOW)  # wrong, stays
    run.next()
    smaller = {qid: q for qid, q in Q.items() if qid not in ("fx-softmax-sum", "fx-relu-props")}
    run.prune(smaller)
    assert [i.qid for i in run.items] == ["fx-tanh-grad0", "fx-sigmoid-grad-max"]
    assert run.index == 1 and run.current.qid == "fx-sigmoid-grad-max"
    review = run.review(smaller, np.random.default_rng(0))
    assert [i.qid for i in review.items] == ["fx-tanh-grad0"]

    exam = run_of(["fx-sigmoid-grad-max", "fx-relu-props"], EXAM)
    exam.go(1, NOW)
    exam.choose(("計算が軽い",))
    exam.toggle_flag()
    exam.prune({"fx-sigmoid-grad-max": Q["fx-sigmoid-grad-max"]})
    assert exam.index == 0 and exam.choices == {} and exam.flags == set()
    assert [r.qid for r in exam.time_out(Q, NOW + timedelta(hours=1))] == ["fx-sigmoid-grad-max"]


def test_pruning_the_revealed_current_question_moves_on():
    run = run_of(["fx-softmax-sum", "fx-tanh-grad0"], STUDY)
    run.answer(Q["fx-softmax-sum"], False, NOW)
    run.prune({qid: q for qid, q in Q.items() if qid != "fx-softmax-sum"})
    assert not run.revealed and run.current.qid == "fx-tanh-grad0" and run.responses == []


def test_score_by_theme_and_the_review_round():
    run = run_of(["fx-sigmoid-grad-max", "fx-relu-props", "fx-softmax-sum", "fx-html-text"],
                 STUDY)
    for qid, given in [("fx-sigmoid-grad-max", "0.25"),  # right (relu_sigmoid)
                       ("fx-relu-props", ("計算が軽い",)),  # wrong (relu_sigmoid)
                       ("fx-softmax-sum", False),  # wrong (softmax)
                       ("fx-html-text", False)]:  # right (softmax)
        run.answer(Q[qid], given, NOW)
        run.next()
    assert score_by_theme(run.responses) == {"relu_sigmoid": (1, 2), "softmax": (1, 2)}
    review = run.review(Q, np.random.default_rng(1))
    assert [i.qid for i in review.items] == ["fx-relu-props", "fx-softmax-sum"]
    assert review.mode == STUDY and review.review_round == 1
    assert review.session_id == run.session_id
    for item in review.items:
        review.answer(Q[item.qid], Q[item.qid].answer if item.qid == "fx-softmax-sum"
                      else tuple(Q[item.qid].answer), NOW)
        review.next()
    assert review.finished and review.wrong_ids() == []
    assert review.review(Q, np.random.default_rng(2)).items == []
