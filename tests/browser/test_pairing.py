"""Pairing, as two learners' devices do it: browser A shows a code, browser B enters it and
is A's learner from then on (after a reload too); the same code is refused to a third
browser, an expired code is refused, and guessing is cut off. No URL carries the id."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from quiz.attempt import stamp
from tests.browser.conftest import open_app, serve_app, wait_rerun
from tests.browser.test_learners import answer_once, banks, history_tab, new_page  # noqa: F401

expect = pytest.importorskip("playwright.sync_api").expect

FIELD = "別の端末で表示した引き継ぎコード"


def show_code(page) -> str:
    page.get_by_role("button", name="別の端末に引き継ぐ").click()
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_text("引き継ぎコード")).to_be_visible()
    expect(dialog.get_by_role("img")).to_be_visible()  # the QR code
    code = dialog.locator('[data-testid="stMetricValue"]').inner_text().strip()
    page.keyboard.press("Escape")  # closes the dialog (its button is named in the UI language)
    return code


def enter_code(page, code: str) -> None:
    page.get_by_label(FIELD).fill(code)
    page.get_by_role("button", name="この端末で引き継ぐ").click()
    wait_rerun(page)


def browser_id(page) -> str:
    return page.evaluate("localStorage.getItem('actlab.learner')")


def test_two_devices_become_one_learner_with_a_one_time_code(browser, banks, tmp_path):  # noqa: F811
    db = tmp_path / "h"
    ctx_a, a = new_page(browser)
    ctx_b, b = new_page(browser)
    ctx_c, c = new_page(browser)
    urls: list[str] = []
    for ctx in (ctx_a, ctx_b, ctx_c):
        ctx.on("request", lambda request: urls.append(request.url))
    with serve_app(ACTLAB_QUIZ_DIR=str(banks), ACTLAB_DB=str(db)) as url:
        answer_once(a, url)
        history_tab(a)
        code = show_code(a)
        assert len(code.replace("-", "")) == 8

        open_app(b, url, "/quiz")
        history_tab(b)
        expect(b.get_by_text("まだ解答の記録がありません。")).to_be_visible()
        assert browser_id(b) != browser_id(a)
        enter_code(b, code)
        expect(b.get_by_text("引き継ぎました", exact=False)).to_be_visible()
        expect(b.get_by_text("これまでに 1 回解答", exact=False)).to_be_visible()
        b.wait_for_function("id => localStorage.getItem('actlab.learner') === id",
                            arg=browser_id(a), timeout=30_000)
        b.reload()  # a new session of B: still A's learner, from its own storage
        open_app(b, url, "/quiz")
        history_tab(b)
        expect(b.get_by_text("これまでに 1 回解答", exact=False)).to_be_visible()

        open_app(c, url, "/quiz")
        history_tab(c)
        enter_code(c, code)  # the same code again
        expect(c.get_by_text("すでに使われています", exact=False)).to_be_visible()

        late = show_code(a)
        with sqlite3.connect(db) as conn:  # ten minutes pass
            conn.execute("UPDATE pairing_codes SET expires_at = ? WHERE used_at IS NULL",
                         (stamp(datetime.now(UTC) - timedelta(minutes=1)),))
        enter_code(c, late)
        expect(c.get_by_text("有効期限が切れています", exact=False)).to_be_visible()

        fresh = show_code(a)
        for guess in ("ZZZZ-ZZZZ", "YYYY-YYYY", "XXXX-XXXX", "WWWW-WWWW"):
            if guess != fresh:
                enter_code(c, guess)
        expect(c.get_by_text("しばらく受け付けません", exact=False)).to_be_visible()
        enter_code(c, fresh)  # even the right code, while guessing is cut off
        expect(c.get_by_text("しばらく受け付けません", exact=False)).to_be_visible()
        expect(c.get_by_text("まだ解答の記録がありません。")).to_be_visible()

        for page in (a, b, c):
            assert "pair" not in page.url and browser_id(a) not in page.url
    assert not [u for u in urls if browser_id(a) in u]
    with sqlite3.connect(db) as conn:
        assert len({r[0] for r in conn.execute("SELECT learner FROM answers")}) == 1
        dump = "\n".join(conn.iterdump())
    assert browser_id(a) not in dump  # the database never held the id in the clear
    for ctx in (ctx_a, ctx_b, ctx_c):
        ctx.close()
