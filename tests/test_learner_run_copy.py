"""The quiz in progress kept in the browser: given back to a server that lost it (a wiped
disk), never over the server's own word (a run finished or dropped there), refused when it
does not check out, and never over the size limit."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import numpy as np

from quiz import run_json
from quiz.attempt import Attempt
from quiz.loader import DEFAULT_BANK_DIR, load_paths
from quiz.session import EXAM, EXAM_TYPES, QuizRun
from quiz.store import LearnerHistory, memory_db
from ui.learner import _restore_run, _Sync

BANK = load_paths([DEFAULT_BANK_DIR])
LEARNER = "anon:copy"


def exam_text() -> tuple[QuizRun, str]:
    picked = [q for q in BANK.questions if isinstance(q, EXAM_TYPES)][:3]
    run = QuizRun.start(picked, EXAM, np.random.default_rng(0),
                        started_at=datetime.now(UTC) - timedelta(minutes=1))
    run.choose(run.items[0].options[0])
    return run, run_json.dumps(run)


def test_a_wiped_server_gets_the_run_back_with_its_deadline():
    run, text = exam_text()
    store, sync = LearnerHistory(memory_db(), LEARNER), _Sync()
    assert _restore_run(store, sync, text, BANK.by_id)
    back = run_json.loads(store.load_run(), BANK.by_id)
    assert back.deadline == run.deadline and back.choices == run.choices
    assert sync.run_notice == ("learner.run.restored", {})


def test_after_the_copy_restored_answers_the_run_comes_back_too():
    _, text = exam_text()
    store, sync = LearnerHistory(memory_db(), LEARNER), _Sync(restored=True)
    store.add([Attempt("s0", "rs-relu-grad", "relu_sigmoid", True, '"0"', datetime.now(UTC))])
    assert _restore_run(store, sync, text, BANK.by_id)


def test_an_intact_server_without_a_run_keeps_its_word():
    _, text = exam_text()
    store, sync = LearnerHistory(memory_db(), LEARNER), _Sync()
    store.add([Attempt("s0", "rs-relu-grad", "relu_sigmoid", True, '"0"', datetime.now(UTC))])
    assert not _restore_run(store, sync, text, BANK.by_id)  # finished or dropped there
    assert store.load_run() is None and sync.run_notice is None


def test_the_servers_own_run_stands():
    _, text = exam_text()
    other, _ = exam_text()
    store, sync = LearnerHistory(memory_db(), LEARNER), _Sync()
    store.save_run(run_json.dumps(other))
    assert not _restore_run(store, sync, text, BANK.by_id)
    assert run_json.loads(store.load_run(), BANK.by_id).session_id == other.session_id


def test_an_exam_already_scored_is_not_resumed():
    run, text = exam_text()
    store, sync = LearnerHistory(memory_db(), LEARNER), _Sync(restored=True)
    q = BANK.by_id[run.items[0].qid]
    store.add([Attempt(run.session_id, q.id, q.theme, False, '"x"', datetime.now(UTC))])
    assert not _restore_run(store, sync, text, BANK.by_id)
    assert store.load_run() is None


def test_a_tampered_or_oversized_run_is_refused_and_said():
    _, text = exam_text()
    data = json.loads(text)
    data["started_at"] = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    for bad in (json.dumps(data), text[:-1], "[" * 5000 + "]" * 5000,
                text.replace('"choices": {', '"pad": "' + "x" * run_json.MAX_CHARS + '", '
                             '"choices": {')):
        store, sync = LearnerHistory(memory_db(), LEARNER), _Sync()
        assert not _restore_run(store, sync, bad, BANK.by_id)
        assert store.load_run() is None
        assert sync.run_notice == ("learner.run.refused", {})
    assert run_json.loads(text, BANK.by_id) is not None  # the untouched run checks out


def test_a_study_run_comes_back_with_its_answers_and_verdicts():
    picked = [q for q in BANK.questions if q.type == "truefalse"][:3]
    run = QuizRun.start(picked, "study", np.random.default_rng(0),
                        started_at=datetime.now(UTC) - timedelta(minutes=1))
    run.answer(picked[0], not picked[0].answer, datetime.now(UTC))
    run.next()
    store, sync = LearnerHistory(memory_db(), LEARNER), _Sync()
    assert _restore_run(store, sync, run_json.dumps(run), BANK.by_id)
    back = run_json.loads(store.load_run(), BANK.by_id)
    assert back.index == 1 and [r.correct for r in back.responses] == [False]
    data = json.loads(run_json.dumps(run))
    data["responses"][0][1] = picked[0].answer  # tampered to the right answer: verdict follows
    store, sync = LearnerHistory(memory_db(), LEARNER), _Sync()
    assert _restore_run(store, sync, json.dumps(data), BANK.by_id)
    assert [r.correct for r in run_json.loads(store.load_run(), BANK.by_id).responses] == [True]
