"""Pairing two browsers into one learner with a one-time code (quiz/pairing.py, ui/pairing.py):
the code hands over the first browser's id once, within its time, and to nobody who guesses;
the database never holds a browser id in the clear; the second browser's own answers join.

The store-level tests run on embedded SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from quiz import pairing
from quiz.attempt import Attempt
from quiz.db_url import normalize
from quiz.store import HistoryDB, sqlite_engine
from tests.apptest import open_page
from tests.postgres import fresh_database
from tests.quiz_helpers import GOOD_BANK

ID_A, ID_B = "0a" * 16, "b7" * 16
LEARNER_A, LEARNER_B = "anon:" + "a" * 64, "anon:" + "b" * 64
T0 = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)
ME = ["session:me", "address:198.51.100.7"]


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path):
    if request.param == "sqlite":
        opened = HistoryDB(sqlite_engine(str(tmp_path / "h.sqlite3")))
    else:
        url = fresh_database(request.getfixturevalue("pg_server"))
        opened = HistoryDB(sa.create_engine(normalize(url)))
    yield opened
    opened.engine.dispose()


def test_a_code_hands_over_the_browser_id_once(db):
    offer = pairing.new_code(db, LEARNER_A, ID_A, T0)
    assert offer.expires_at == T0 + pairing.TTL
    assert pairing.redeem(db, offer.code, ME, T0 + timedelta(minutes=1)) == pairing.Redeemed(
        pairing.OK, ID_A)
    again = pairing.redeem(db, offer.code, ["session:other"], T0 + timedelta(minutes=2))
    assert again == pairing.Redeemed(pairing.USED)


def test_an_expired_code_is_refused_and_no_longer_holds_the_id(db):
    offer = pairing.new_code(db, LEARNER_A, ID_A, T0)
    late = T0 + pairing.TTL + timedelta(seconds=1)
    assert pairing.redeem(db, offer.code, ME, late) == pairing.Redeemed(pairing.EXPIRED)
    with db.engine.connect() as conn:
        assert [r.sealed for r in conn.execute(sa.select(pairing.pairing_codes))] == [""]


def test_a_new_code_ends_the_learners_earlier_one(db):
    first = pairing.new_code(db, LEARNER_A, ID_A, T0)
    second = pairing.new_code(db, LEARNER_A, ID_A, T0 + timedelta(seconds=5))
    assert first.code != second.code
    assert pairing.redeem(db, first.code, ME, T0 + timedelta(seconds=6)).status == pairing.EXPIRED
    assert pairing.redeem(db, second.code, ME, T0 + timedelta(seconds=7)).browser_id == ID_A


def test_guessing_is_refused_after_a_few_tries_even_with_the_right_code(db):
    offer = pairing.new_code(db, LEARNER_A, ID_A, T0)
    wrong = "ZZZZ-ZZZZ" if offer.code != "ZZZZ-ZZZZ" else "YYYY-YYYY"
    for i in range(pairing.MAX_FAILS_PER_SESSION):
        got = pairing.redeem(db, wrong, ME, T0 + timedelta(seconds=i))
        assert got.status == pairing.UNKNOWN
    assert pairing.redeem(db, offer.code, ME, T0 + timedelta(seconds=30)).status == pairing.LIMITED
    # Another session from the same address still may; the window passes for this one.
    other = ["session:other", ME[1]]
    assert pairing.redeem(db, offer.code, other, T0 + timedelta(seconds=31)).status == pairing.OK


def test_an_address_is_limited_across_sessions(db):
    offer = pairing.new_code(db, LEARNER_A, ID_A, T0)
    for i in range(pairing.MAX_FAILS_PER_ADDRESS):
        pairing.redeem(db, "ZZZZ-ZZZ0" if offer.code != "ZZZZ-ZZZ0" else "ZZZZ-ZZZ1",
                       [f"session:{i}", "address:203.0.113.9"], T0 + timedelta(seconds=i))
    fresh_session = ["session:new", "address:203.0.113.9"]
    assert pairing.redeem(db, offer.code, fresh_session,
                          T0 + timedelta(seconds=60)).status == pairing.LIMITED
    after = T0 + timedelta(seconds=60) + pairing.WINDOW
    assert pairing.redeem(db, offer.code, fresh_session, after).status == pairing.EXPIRED


def test_the_database_never_holds_a_browser_id_in_the_clear(db):
    offer = pairing.new_code(db, LEARNER_A, ID_A, T0)
    pairing.redeem(db, "ZZZZ-ZZZZ", ME, T0)
    with db.engine.connect() as conn:
        for table in (pairing.pairing_codes, pairing.pairing_fails):
            for row in conn.execute(sa.select(table)):
                text = " ".join(str(v) for v in row)
                assert ID_A not in text and offer.code.replace("-", "") not in text
                assert "198.51.100.7" not in text


@pytest.mark.parametrize("typed", [
    "abcd-efgh", " ABCD EFGH ", "ABCDEFGH", "abcd－efgh", "ABCD‐EFGH"])
def test_a_code_is_read_as_a_learner_types_it(typed):
    assert pairing.normalize(typed) == "ABCDEFGH"


def test_letters_read_as_digits_are_taken_as_them():
    assert pairing.normalize("O1IL-2345") == "01112345"


@pytest.mark.parametrize("typed", [
    None, 12345678, "", "ABCD-EFG", "ABCD-EFGHJ", "ABCU-EFGH", "あいうえおかきく", "A" * 500,
    "ABCD;EFGH", "<script>"])
def test_anything_else_is_malformed_and_costs_no_try(db, typed):
    for _ in range(pairing.MAX_FAILS_PER_SESSION + 1):
        assert pairing.redeem(db, typed, ME, T0).status == pairing.MALFORMED
    offer = pairing.new_code(db, LEARNER_A, ID_A, T0)
    assert pairing.redeem(db, offer.code, ME, T0).status == pairing.OK


def test_a_code_is_for_a_browser_id_only(db):
    with pytest.raises(ValueError):
        pairing.new_code(db, LEARNER_A, "not-an-id", T0)


def _attempt(question: str, minute: int) -> Attempt:
    return Attempt("s", question, "softmax", minute % 2 == 0, '"x"',
                   T0 + timedelta(minutes=minute))


def test_the_second_browsers_answers_join_the_learner_it_becomes(db):
    db.add(LEARNER_A, [_attempt("q-a", 1), _attempt("q-a", 2)])
    db.add(LEARNER_B, [_attempt("q-b", 3), _attempt("q-a", 2)])  # one answer is A's as well
    db.save_run(LEARNER_B, '{"exam": 1}')
    assert pairing.move_answers(db, LEARNER_B, LEARNER_A) == 1
    assert sorted(a.question_id for a in db.attempts(LEARNER_A)) == ["q-a", "q-a", "q-b"]
    assert db.attempts(LEARNER_B) == [] and db.load_run(LEARNER_B) is None
    assert db.load_run(LEARNER_A) == '{"exam": 1}'


# The page: AppTest runs no JavaScript, so it plays both browsers by their ids.

@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("ACTLAB_QUIZ_DIR", str(GOOD_BANK))
    monkeypatch.setenv("ACTLAB_DB", str(tmp_path / "history.sqlite3"))
    return tmp_path


def _offer(at) -> str:
    at.button(key="pair.offer.button").click().run()
    assert not at.exception
    code = at.session_state["pair.offer"].code
    shown = [m.value for m in at.metric]
    assert code in shown  # the dialog shows it
    return code


def _redeem(at, code: str):
    at.text_input(key="pair.code").input(code)
    at.button(key="FormSubmitter:pair.form-この端末で引き継ぐ").click().run()
    assert not at.exception
    return at


def test_entering_the_code_makes_the_second_browser_the_same_learner(env):
    a = open_page("quiz", browser_id=ID_A)
    a.session_state["learner.history"].add([_attempt("fx-html-text", 1)])
    code = _offer(a)
    b = open_page("quiz", browser_id=ID_B)
    b.session_state["learner.history"].add([_attempt("fx-html-text", 5)])
    _redeem(b, code)
    assert b.session_state["learner.browser_id"] == ID_A
    assert b.session_state["learner.adopt"] == ID_A  # sent to the browser to keep
    assert len(b.session_state["learner.history"].attempts()) == 2
    assert "引き継ぎました" in " ".join(s.value for s in b.success)
    with sqlite3.connect(env / "history.sqlite3") as conn:
        assert len({r[0] for r in conn.execute("SELECT learner FROM answers")}) == 1
    c = open_page("quiz", browser_id="c" * 32)
    _redeem(c, code)
    assert "すでに使われています" in " ".join(e.value for e in c.error)
    assert c.session_state["learner.browser_id"] == "c" * 32


def test_a_wrong_code_says_why_in_japanese_and_changes_nothing(env):
    b = open_page("quiz", browser_id=ID_B)
    _redeem(b, "1234")
    assert "8 文字" in " ".join(e.value for e in b.error)
    _redeem(b, "ZZZZ-ZZZZ")
    assert "見つかりません" in " ".join(e.value for e in b.error)
    assert b.session_state["learner.browser_id"] == ID_B


def test_the_qr_codes_link_fills_the_field_and_leaves_the_url(env):
    at = open_page("quiz", browser_id=ID_B, query={"pair": "abcd-efgh"})
    assert at.session_state["pair.code"] == "ABCD-EFGH"
    assert "pair" not in at.query_params
    assert at.session_state["learner.browser_id"] == ID_B  # nothing redeemed by itself


def test_no_pairing_for_a_logged_in_learner(env):
    at = open_page("quiz", browser_id=ID_B, auth=True,
                   user={"is_logged_in": True, "iss": "https://idp.example", "sub": "42"})
    assert not at.exception
    assert not [b for b in at.button if b.key == "pair.offer.button"]
