"""Every question of the real banks, rendered in every mode (study question and feedback,
mock-exam question, both results pages, the review round, the weakest list), read back from
the page: no question id anywhere, no link before answering, and no number in the page's
own labels, hints, captions and messages equal to any key."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
from google.protobuf.json_format import MessageToDict

from quiz.answers import parse_number
from quiz.attempt import Attempt
from quiz.leaks import examples_in, numbers_in
from quiz.loader import DEFAULT_BANK_DIR, load_paths
from quiz.schema import (
    ONE_CHOICE,
    BlanksQuestion,
    MultipleQuestion,
    NumericQuestion,
    SingleQuestion,
)
from quiz.session import EXAM, STUDY, QuizRun, askable
from quiz.store import HistoryDB, LearnerHistory, sqlite_engine
from tests.apptest import BROWSER_ID, open_page
from ui.learner import browser_learner

BANK = load_paths([DEFAULT_BANK_DIR])
IDS = {q.id for q in BANK.questions}
assert all(re.fullmatch(r"[\w-]+", i) for i in IDS)  # so an id on screen is a whole token:
TOKEN = re.compile(r"[\w-]+")  # a maximal run of word characters and hyphens
# What the page writes itself around an answer (never bank text), by AppTest's element
# type: every number in a widget's label, hint or placeholder is an example (a checkbox's
# or radio's options may be bank options: left out) ...
INPUT_CHROME = {"text_input": ("label", "help", "placeholder"), "radio": ("label", "help"),
                "button_group": ("label", "help"), "checkbox": ("help",),
                "number_input": ("label", "help", "placeholder"), "button": ("label", "help")}
# ... while captions and messages also carry counts: there only what follows 例 / e.g.
MESSAGES = ("caption", "info", "warning", "error", "success")


def _keys() -> list[float]:
    """Every key that is a number: numeric answers and choice keys written as numbers."""
    keys = []
    for q in BANK.questions:
        if isinstance(q, NumericQuestion):
            keys.append(q.answer)
        elif isinstance(q, SingleQuestion | MultipleQuestion | BlanksQuestion):
            answers = [q.answer] if isinstance(q, SingleQuestion) else q.answer
            keys += [v for v in (parse_number(a) for a in answers) if v is not None]
    return keys


KEYS = _keys()


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _nodes(node):
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _nodes(child)


def read_page(at) -> tuple[list[str], list[str]]:
    """(every string the page sends, the page's own text where examples are given)."""
    everything, chrome = [], []
    for node in _nodes(at._tree):
        proto = getattr(node, "proto", None)
        if proto is None or not hasattr(proto, "DESCRIPTOR"):
            continue
        data = MessageToDict(proto)
        everything += _strings(data)
        chrome += [s for f in INPUT_CHROME.get(node.type, ()) for s in _strings(data.get(f))]
        if node.type in MESSAGES:
            chrome += examples_in(data.get("body", ""))
    return everything, chrome


def check(at, where: str) -> None:
    assert not at.exception, where
    everything, chrome = read_page(at)
    text = "\n".join(everything)
    shown = sorted(IDS.intersection(TOKEN.findall(text)))  # one pass, not one per id
    assert not shown, f"{where}: ids on screen: {shown[:5]}"
    for s in chrome:
        for written, value in numbers_in(s):
            assert not any(abs(value - k) <= 1e-12 for k in KEYS), \
                f"{where}: the example {written!r} in {s!r} equals a key"


@pytest.fixture
def page(tmp_path, monkeypatch):
    monkeypatch.setenv("ACTLAB_QUIZ_DIR", str(DEFAULT_BANK_DIR))
    monkeypatch.setenv("ACTLAB_DB", str(tmp_path / "h.sqlite3"))
    return open_page("quiz")


def _given(q, right: bool):
    """A right or a wrong answer of the right type."""
    if isinstance(q, BlanksQuestion):  # a row of the options, as the page reads it
        return tuple(q.answer) if right else tuple(next(o for o in q.options if o != q.answer))
    if isinstance(q, ONE_CHOICE):  # single, and graph (a figure)
        return q.answer if right else next(o for o in q.options if o != q.answer)
    if isinstance(q, MultipleQuestion):
        return tuple(q.answer) if right else tuple(o for o in q.options if o not in q.answer)
    if isinstance(q, NumericQuestion):
        return q.answer if right else q.answer + 1
    return q.answer if right else not q.answer


def test_the_check_fails_on_an_id_and_on_an_example_equal_to_a_key(page):
    """The test itself can fail: the old label and an id in a caption are caught."""
    import streamlit as st  # noqa: F401 (the AppTest below runs a script that uses it)
    from streamlit.testing.v1 import AppTest

    qid = BANK.questions[0].id
    at = AppTest.from_string(
        "import streamlit as st\n"
        f"st.caption('`{qid}`')\n"
        "st.text_input('数値（例: 0.25、1/4、-0.632）')\n").run()
    with pytest.raises(AssertionError, match="ids on screen"):
        check(at, "fake")
    for element in ("st.text_input('数値（例: -0.632）')", "st.caption('例: 0.25 など')"):
        at = AppTest.from_string(f"import streamlit as st\n{element}\n").run()
        with pytest.raises(AssertionError, match="equals a key"):
            check(at, "fake")


# The bank is walked in parts, each a run of its own, so that no one test nears the
# per-test time limit as the bank grows; together the parts are every question.
PARTS = 4


@pytest.mark.parametrize("part", range(PARTS))
def test_study_mode_every_question_and_its_feedback(page, part):
    at = page
    questions = list(BANK.questions)[part::PARTS]
    run = QuizRun.start(questions, STUDY, np.random.default_rng(0))
    at.session_state["quiz.run"] = run
    now = datetime.now(UTC)
    for n, q in enumerate(questions):
        at.run()
        check(at, f"study question {q.id}")
        assert not at.main.get("page_link"), f"{q.id}: a link shown before answering"
        run.answer(q, _given(q, right=n % 2 == 0), now)
        at.run()
        check(at, f"study feedback {q.id}")
        run.next()
    at.run()
    check(at, "study results")
    at.button(key="quiz.review").click().run()
    check(at, "review round")


@pytest.mark.parametrize("part", range(PARTS))
def test_mock_exam_every_question_and_the_results(page, part):
    at = page
    questions = askable(list(BANK.questions), EXAM)[part::PARTS]
    assert questions
    run = QuizRun.start(questions, EXAM, np.random.default_rng(0))
    at.session_state["quiz.run"] = run
    now = datetime.now(UTC)
    for i, q in enumerate(questions):
        run.go(i, now)
        if i % 3:
            run.choose(_given(q, right=i % 2 == 0))
        at.run()
        check(at, f"exam question {q.id}")
        assert not at.main.get("page_link"), f"{q.id}: a link shown before the end"
    run.finish({q.id: q for q in questions}, now)
    at.run()
    check(at, "exam results")


def test_the_weakest_list_and_todays_review(page, tmp_path):
    store = LearnerHistory(HistoryDB(sqlite_engine(str(tmp_path / "h.sqlite3"))),
                           browser_learner(BROWSER_ID))  # the AppTest browser's learner
    then = datetime.now(UTC) - timedelta(days=3)
    store.add([Attempt("s", q.id, q.theme, False, "", then + timedelta(seconds=i))
               for i, q in enumerate(BANK.questions)])
    at = page
    at.run()
    assert at.button(key="quiz.history.due_start").label == f"今日の復習を始める（{len(BANK.questions)} 問）"
    assert len([c for c in at.caption if "不正解 1 / 1 回" in c.value]) == 10
    check(at, "history")
