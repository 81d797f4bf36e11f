"""Who the learner is (a browser's random id, or a login's issuer and subject), that the
page scopes every history read and write to them, the forget action, and the checks on a
browser's copy of the answers (untrusted input)."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime

import pytest

from quiz import browser_copy
from quiz.attempt import Attempt
from tests.apptest import open_page
from tests.quiz_helpers import GOOD_BANK

ID_A, ID_B = "a" * 32, "b" * 32
T = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("ACTLAB_QUIZ_DIR", str(GOOD_BANK))
    monkeypatch.setenv("ACTLAB_DB", str(tmp_path / "history.sqlite3"))
    return tmp_path


def answer_one(at) -> None:
    """Start a one-question study quiz and submit whatever is first on offer."""
    at.number_input(key="quiz.count").set_value(1)
    at.button(key="quiz.start").click().run()
    history = at.session_state["learner.history"]
    history.add([Attempt("s", "fx-html-text", "softmax", True, "false", T)])
    at.run()
    assert not at.exception


def learners(db) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [r[0] for r in conn.execute("SELECT learner FROM answers")]


def test_each_browser_is_its_own_learner(env):
    a = open_page("quiz", browser_id=ID_A)
    answer_one(a)
    b = open_page("quiz", browser_id=ID_B)
    assert b.session_state["learner.history"].attempts() == []
    keys = learners(env / "history.sqlite3")
    assert len(keys) == 1 and keys[0].startswith("anon:")
    assert ID_A not in keys[0]  # the database sees a hash, never the browser's id


def test_nothing_is_written_until_the_browser_has_said_who_it_is(env):
    at = open_page("quiz", browser_id=None)
    assert not at.exception and at.title[0].value == "セルフクイズ"
    answer_one(at)
    assert learners(env / "history.sqlite3") == []
    at.session_state["learner.browser_id"] = ID_A  # the browser answers
    at.run()
    assert len(learners(env / "history.sqlite3")) == 1


@pytest.mark.parametrize("bad_id", ["", "x" * 32, "A" * 32, "a" * 31, "../" * 11, 12345])
def test_a_malformed_browser_id_is_not_a_learner(env, bad_id):
    at = open_page("quiz", browser_id=bad_id)
    assert not at.exception
    assert not at.session_state["learner.history"].known


def test_a_logged_in_learner_is_their_issuer_and_subject_on_any_device(env, tmp_path):
    (tmp_path / ".streamlit").mkdir()
    user = {"is_logged_in": True, "iss": "https://accounts.example.com", "sub": "u-1",
            "name": "学習者"}
    phone = open_page("quiz", browser_id=ID_A, user=user, auth=True)
    answer_one(phone)
    laptop = open_page("quiz", browser_id=ID_B, user=user, auth=True)
    assert len(laptop.session_state["learner.history"].attempts()) == 1
    other = open_page("quiz", browser_id=ID_A, auth=True,
                      user={**user, "sub": "u-2"})  # same browser, another person
    assert other.session_state["learner.history"].attempts() == []
    [key] = set(learners(env / "history.sqlite3"))
    assert key.startswith("oidc:") and "u-1" not in key
    sidebar = " ".join(c.value for c in laptop.sidebar.caption)
    assert "学習者" in sidebar  # the login lives in the sidebar


def test_without_login_configured_there_is_no_login_button(env):
    at = open_page("quiz")
    assert not [b for b in at.sidebar.button if b.key in ("learner.login", "learner.logout")]


def test_forget_asks_first_then_deletes_only_this_learners_answers(env):
    other = open_page("quiz", browser_id=ID_B)
    answer_one(other)
    at = open_page("quiz", browser_id=ID_A)
    answer_one(at)
    at.button(key="learner.forget").click().run()
    assert len(learners(env / "history.sqlite3")) == 2  # a dialog asks; nothing deleted yet
    at.button(key="learner.forget.yes").click().run()
    assert not at.exception
    assert at.session_state["learner.history"].attempts() == []
    assert len(learners(env / "history.sqlite3")) == 1  # B's answer stays
    assert "履歴を消去しました。" in [s.value for s in at.success]


SLOT = browser_copy.slot("anon:x")
GOOD = ["s1", "rs-relu-grad", "relu_sigmoid", 1, '"0"', "2026-03-01T09:00:00+00:00", None]


def copy_text(rows, slot=SLOT, **extra):
    return json.dumps({"v": 1, "learner": slot, "rows": rows, **extra})


def test_a_good_copy_decodes_to_attempts():
    restored = browser_copy.decode(copy_text([GOOD, [*GOOD[:5], "2026-03-02T09:00:00Z", 3]]),
                                   SLOT)
    assert restored.rejected is None and not restored.refused
    assert [a.rating for a in restored.attempts] == [None, 3]
    assert restored.attempts[0] == Attempt("s1", "rs-relu-grad", "relu_sigmoid", True, '"0"', T)


@pytest.mark.parametrize(("row", "reason"), [
    ([*GOOD[:3], "yes", *GOOD[4:]], "bad_correct"),
    ([GOOD[0], 5, *GOOD[2:]], "missing"),
    ([*GOOD[:4], '"<script>alert(1)</script>"', *GOOD[5:]], "html"),
    ([*GOOD[:4], '["<img src=x onerror=alert(1)>"]', *GOOD[5:]], "html"),
    ([*GOOD[:4], "{not json", *GOOD[5:]], "bad_answer"),
    ([*GOOD[:4], '{"a": null}', *GOOD[5:]], "bad_answer"),
    ([*GOOD[:4], '{"fn": "<b>x</b>"}', *GOOD[5:]], "html"),
    ([*GOOD[:2], "no_theme", *GOOD[3:]], "bad_theme"),
    ([*GOOD[:5], "tomorrow", None], "bad_time"),
    ([*GOOD[:6], 9], "bad_rating"),
    ([*GOOD[:6], True], "bad_rating"),
    (GOOD[:5], "bad_shape"),
    ("a row", "bad_shape"),
])
def test_bad_rows_are_refused_and_the_good_ones_kept(row, reason):
    restored = browser_copy.decode(copy_text([GOOD, row]), SLOT)
    assert len(restored.attempts) == 1 and restored.refused == {reason: 1}


@pytest.mark.parametrize("answer", [
    '"$x < 0$ かつ $y>1$"',  # a formula with < and >, not a tag
    '["（ア）の値", "$e^{x}$"]',  # a blanks answer
    '{"kind": "curve", "fn": "elu", "params": {"alpha": 1.0}, "derivative": true}',  # a graph
    "0.25", "true", '""',
])
def test_what_the_quiz_records_is_accepted(answer):
    row = [*GOOD[:4], answer, *GOOD[5:]]
    assert len(browser_copy.decode(copy_text([row]), SLOT).attempts) == 1


@pytest.mark.parametrize(("text", "reason"), [
    (copy_text([GOOD], slot="0" * 32), browser_copy.OTHER_LEARNER),
    ("x" * (browser_copy.MAX_CHARS + 1), browser_copy.TOO_LARGE),
    (copy_text([GOOD] * (browser_copy.MAX_ROWS + 1)), browser_copy.TOO_LARGE),
    ("{broken", browser_copy.NOT_JSON),
    (json.dumps([GOOD]), browser_copy.NOT_JSON),
    (copy_text([GOOD]).replace('"v": 1', '"v": 2'), browser_copy.NOT_JSON),
    (None, browser_copy.NOT_JSON),
])
def test_a_copy_that_cannot_be_trusted_is_refused_whole(text, reason):
    restored = browser_copy.decode(text, SLOT)
    assert restored.rejected == reason and restored.attempts == ()
