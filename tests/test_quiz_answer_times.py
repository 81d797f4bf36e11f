"""A mock exam's answers keep the time each was chosen, not the time the exam was scored,
also across a reload (the kept JSON); a run kept before answer times were recorded still
loads and is stamped at the end as before."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import numpy as np

from quiz.run_json import dumps, loads
from quiz.session import EXAM, QuizRun
from tests.quiz_helpers import fixture_questions

Q = fixture_questions().by_id
NOW = datetime(2026, 1, 1, tzinfo=UTC)
FIRST, SECOND, END = (NOW + timedelta(seconds=s) for s in (5, 40, 90))


def exam() -> QuizRun:
    run = QuizRun.start([Q["fx-sigmoid-grad-max"], Q["fx-relu-props"]], EXAM,
                        np.random.default_rng(3), started_at=NOW)
    run.choose("0.5", NOW + timedelta(seconds=2))
    run.choose("0.25", FIRST)  # changed: the last choice's time counts
    run.go(1, NOW + timedelta(seconds=12))
    run.choose(("計算が軽い", "出力がゼロ中心"), SECOND)
    return run


def test_each_answer_keeps_the_time_it_was_chosen():
    run = exam()
    times = {r.qid: r.answered_at for r in run.finish(Q, END)}
    assert times == {"fx-sigmoid-grad-max": FIRST, "fx-relu-props": SECOND}


def test_the_times_survive_a_reload():
    back = loads(dumps(exam()), Q)
    assert back.chosen_at == {"fx-sigmoid-grad-max": FIRST, "fx-relu-props": SECOND}
    assert {r.qid: r.answered_at for r in back.finish(Q, END)}["fx-relu-props"] == SECOND


def test_unchoosing_forgets_the_time():
    run = exam()
    run.choose(None, END)
    assert "fx-relu-props" not in run.chosen_at


def test_a_run_kept_without_times_still_loads_and_is_stamped_at_the_end():
    data = json.loads(dumps(exam()))
    del data["chosen_at"]
    back = loads(json.dumps(data), Q)
    assert back is not None and back.chosen_at == {}
    assert {r.answered_at for r in back.finish(Q, END)} == {END}


def test_tampered_times_are_refused():
    for bad in ({"fx-tanh-grad0": FIRST.isoformat()}, {"fx-relu-props": "yesterday"},
                {"fx-relu-props": "2026-01-01T00:00:00"}, []):
        data = json.loads(dumps(exam()))
        data["chosen_at"] = bad
        assert loads(json.dumps(data), Q) is None, bad


def test_after_the_deadline_the_time_is_the_deadline():
    run = exam()
    late = run.deadline + timedelta(minutes=5)
    run.chosen_at["fx-relu-props"] = late  # as if the clock had run past the limit
    times = {r.qid: r.answered_at for r in run.finish(Q, late)}
    assert times["fx-relu-props"] == run.deadline


class _Clock:
    """ui/quiz_exam's datetime, at a time the test sets."""

    moment = NOW

    @classmethod
    def now(cls, tz=None):
        return cls.moment


def test_the_page_stores_each_answer_at_the_time_it_was_chosen(tmp_path, monkeypatch):
    import ui.quiz_exam
    from tests.apptest import open_page
    from tests.quiz_helpers import GOOD_BANK
    from ui.quiz_play import answer_key

    monkeypatch.setenv("ACTLAB_QUIZ_DIR", str(GOOD_BANK))
    monkeypatch.setenv("ACTLAB_DB", str(tmp_path / "history.sqlite3"))
    monkeypatch.setattr(ui.quiz_exam, "datetime", _Clock)
    at = open_page("quiz")
    at.number_input(key="quiz.count").set_value(2)
    at.radio(key="quiz.mode").set_value("exam")
    at.button(key="quiz.start").click().run()
    run = at.session_state["quiz.run"]
    first, second, end = (run.started_at + timedelta(seconds=s) for s in (5, 40, 90))
    chosen = {}
    for n, moment in enumerate((first, second)):
        _Clock.moment = moment
        item, key = run.current, answer_key(run)
        if Q.get(item.qid) is not None and Q[item.qid].type == "multiple":
            at.checkbox(key=f"{key}.0").check().run()
        else:
            at.radio(key=key).set_value(0).run()
        chosen[item.qid] = moment
        if n == 0:
            at.button(key="quiz.exam.next").click().run()
    _Clock.moment = end
    at.button(key="quiz.exam.finish").click().run()
    assert not at.exception
    stored = {a.question_id: a.answered_at for a in at.session_state["learner.history"].attempts()}
    assert stored == chosen  # not the time the exam was scored
