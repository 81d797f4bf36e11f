"""A mock exam in progress survives a reload: JSON out and back, and untrusted text refused."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from quiz.run_json import dumps, loads
from quiz.session import EXAM, QuizRun
from quiz.store import HistoryDB, LearnerHistory, sqlite_engine
from tests.quiz_helpers import fixture_questions

Q = fixture_questions().by_id
NOW = datetime(2026, 1, 1, tzinfo=UTC)


def exam() -> QuizRun:
    run = QuizRun.start([Q["fx-sigmoid-grad-max"], Q["fx-relu-props"]], EXAM,
                        np.random.default_rng(3), started_at=NOW)
    run.choose("0.25")
    run.go(1, NOW + timedelta(seconds=12))
    run.choose(("計算が軽い", "出力がゼロ中心"))
    run.toggle_flag()
    return run


def test_a_run_comes_back_as_it_was():
    run = exam()
    back = loads(dumps(run), Q)
    for name in ("mode", "items", "session_id", "index", "started_at", "entered_at",
                 "choices", "flags", "spent_s"):
        assert getattr(back, name) == getattr(run, name), name
    assert back.seconds_left(NOW + timedelta(seconds=100)) == run.seconds_left(
        NOW + timedelta(seconds=100))  # the clock kept counting from the same start


def test_the_setup_comes_back_and_a_bad_one_is_left_out():
    run = exam()
    run.themes, run.count = ("softmax", "relu_sigmoid"), 2
    back = loads(dumps(run), Q)
    assert (back.themes, back.count) == (("softmax", "relu_sigmoid"), 2)
    for themes, count in (([" softmax", 3, None, "zzz"], -1), ("softmax", True), ({}, 101)):
        data = json.loads(dumps(run))
        data.update(themes=themes, count=count)
        back = loads(json.dumps(data), Q)  # the run itself is kept
        assert back is not None and back.items == run.items
        assert (back.themes, back.count) == ((), 0)
    data = json.loads(dumps(run))
    del data["themes"], data["count"]  # a run kept before the setup was
    assert (loads(json.dumps(data), Q).themes, loads(json.dumps(data), Q).count) == ((), 0)


def tampered(change) -> str:
    data = json.loads(dumps(exam()))
    change(data)
    return json.dumps(data)


@pytest.mark.parametrize("text", [
    None, "", "not json", "[]", "{}",
    tampered(lambda d: d.update(version=2)),
    tampered(lambda d: d.update(mode="study")),
    tampered(lambda d: d.update(index=2)),
    tampered(lambda d: d.update(index=True)),
    tampered(lambda d: d.update(started_at="2026-01-01T00:00:00")),  # no time zone
    tampered(lambda d: d["items"].append(["fx-tanh-grad0", []])),  # not an exam format
    tampered(lambda d: d["items"].__setitem__(0, ["gone", ["a", "b", "c", "d"]])),
    tampered(lambda d: d["items"][0][1].__setitem__(0, "<b>injected</b>")),
    tampered(lambda d: d["choices"].update({"fx-sigmoid-grad-max": "0.99"})),
    tampered(lambda d: d["choices"].update({"fx-relu-props": "計算が軽い"})),
    tampered(lambda d: d["flags"].append("fx-tanh-grad0")),
    tampered(lambda d: d["spent_s"].update({"fx-relu-props": -1})),
    tampered(lambda d: d["spent_s"].update({"fx-relu-props": float("inf")})),
])
def test_untrusted_text_that_does_not_check_out_gives_none(text):
    assert loads(text, Q) is None


def test_the_store_keeps_one_run_and_forgets_it(tmp_path):
    def open_store(path):
        return LearnerHistory(HistoryDB(sqlite_engine(str(path))), "anon:" + "a" * 64)

    store = open_store(tmp_path / "h.sqlite3")
    assert store.load_run() is None
    store.save_run("a")
    store.save_run(dumps(exam()))
    again = open_store(tmp_path / "h.sqlite3")  # a reload: a new connection to the same file
    assert loads(again.load_run(), Q).choices == exam().choices
    again.clear_run()
    assert store.load_run() is None


def test_a_run_with_blanks_and_graph_questions_comes_back_as_it_was():
    from quiz.loader import bank_dir, load_paths
    from quiz.schema import BlanksQuestion, GraphQuestion

    bank = load_paths([bank_dir()])
    picked = [next(q for q in bank.questions if isinstance(q, kind))
              for kind in (BlanksQuestion, GraphQuestion)]
    run = QuizRun.start(picked, EXAM, np.random.default_rng(5), started_at=NOW)
    for i, item in enumerate(run.items):
        run.go(i, NOW + timedelta(seconds=5 * i))
        run.choose(item.options[2])  # as the page reads a choice: the shown option itself
    back = loads(dumps(run), bank.by_id)
    assert back is not None
    assert back.items == run.items and back.choices == run.choices
    assert loads(dumps(run).replace('"fn": "', '"fn": "x'), bank.by_id) is None  # tampered
