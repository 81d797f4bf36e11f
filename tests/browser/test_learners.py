"""Two learners on one server, in two browser contexts: each sees only their own history,
it follows them to a new session, and after a restart with an empty disk it comes back
from their browser's copy, once. A tampered copy is refused and the page says so."""

from __future__ import annotations

import json
import sqlite3

import pytest

from tests.browser.conftest import free_port, open_app, serve_app, wait_rerun
from tests.quiz_helpers import GOOD_BANK

expect = pytest.importorskip("playwright.sync_api").expect

QUESTION = "fx-html-text"  # a true/false question whose key is 誤り


@pytest.fixture
def banks(tmp_path):
    text = (GOOD_BANK / "mixed.yaml").read_text(encoding="utf-8")
    (tmp_path / "banks").mkdir()
    (tmp_path / "banks" / "one.yaml").write_text(
        "questions:\n" + text[text.index(f"  - id: {QUESTION}"):], encoding="utf-8")
    return tmp_path / "banks"


def new_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ja-JP")
    return context, context.new_page()


def answer_once(page, url):
    open_app(page, url, "/quiz")
    page.get_by_role("button", name="開始").click()
    wait_rerun(page)
    page.get_by_text("誤り", exact=True).click()
    wait_rerun(page)
    page.get_by_role("button", name="解答する").click()
    wait_rerun(page)
    expect(page.get_by_text("正解！")).to_be_visible()


def import_two(page, tmp_path):
    csv_file = tmp_path / "two.csv"
    csv_file.write_text(
        "session_id,question_id,theme,correct,answer,answered_at\n"
        f"s1,{QUESTION},softmax,0,true,2026-03-01T09:00:00+00:00\n"
        f"s1,{QUESTION},softmax,0,true,2026-03-02T09:00:00+00:00\n", encoding="utf-8")
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(csv_file))
    wait_rerun(page)
    expect(page.get_by_text("2 件を追加しました", exact=False)).to_be_visible()


def history_tab(page):
    page.get_by_role("tab", name="学習履歴").click()
    wait_rerun(page)
    return page.locator('[data-testid="stMain"]')


def stored(db) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT learner, question_id, answered_at FROM answers").fetchall()


def test_two_learners_one_server_then_a_wiped_disk(browser, banks, tmp_path):
    port = free_port()
    ctx_a, a = new_page(browser)
    ctx_b, b = new_page(browser)
    with serve_app(port=port, ACTLAB_QUIZ_DIR=str(banks), ACTLAB_DB=str(tmp_path / "h1")) as url:
        answer_once(a, url)
        history_tab(a)
        import_two(a, tmp_path)
        expect(a.get_by_text("これまでに 3 回解答", exact=False)).to_be_visible()

        open_app(b, url, "/quiz")
        main_b = history_tab(b)
        expect(b.get_by_text("まだ解答の記録がありません。")).to_be_visible()
        assert "回解答" not in main_b.inner_text()
        assert "太字にならない" not in main_b.inner_text()  # A's weakest question's text
        assert "sqlite" not in main_b.inner_text() and str(tmp_path) not in main_b.inner_text()
        assert "actlab" not in b.url and "learner" not in b.url

        a2 = ctx_a.new_page()  # a new session of the same browser: the same learner
        open_app(a2, url, "/quiz")
        history_tab(a2)
        expect(a2.get_by_text("これまでに 3 回解答", exact=False)).to_be_visible()
        a2.close()
    learners = {row[0] for row in stored(tmp_path / "h1")}
    assert len(learners) == 1 and len(stored(tmp_path / "h1")) == 3

    # The platform reboots with an empty disk: a new, empty history on the same origin.
    with serve_app(port=port, ACTLAB_QUIZ_DIR=str(banks), ACTLAB_DB=str(tmp_path / "h2")) as url:
        open_app(a, url, "/quiz")
        expect(a.get_by_text("このブラウザに保存されていた解答 3 件", exact=False)).to_be_visible()
        history_tab(a)
        expect(a.get_by_text("これまでに 3 回解答", exact=False)).to_be_visible()
        a.reload()  # a new session: nothing to restore any more, nothing doubled
        open_app(a, url, "/quiz")
        history_tab(a)
        expect(a.get_by_text("これまでに 3 回解答", exact=False)).to_be_visible()
        assert a.get_by_text("このブラウザに保存されていた解答", exact=False).count() == 0
        open_app(b, url, "/quiz")
        history_tab(b)
        expect(b.get_by_text("まだ解答の記録がありません。")).to_be_visible()
    assert sorted(stored(tmp_path / "h2")) == sorted(stored(tmp_path / "h1"))
    ctx_a.close()
    ctx_b.close()


HUGE_COPY = """
const realGet = Storage.prototype.getItem;
Storage.prototype.getItem = function (k) {
  const raw = realGet.call(this, k);
  if (!k.startsWith("actlab.copy.") || !raw) return raw;
  const copy = JSON.parse(raw), r = copy.rows[0];
  for (let i = 0; i < 80000; i++) {
    const s = String(i % 60).padStart(2, "0"), us = String(i).padStart(6, "0");
    copy.rows.push([r[0], r[1], r[2], r[3], r[4], `2027-01-01T09:00:${s}.${us}+00:00`, null]);
  }
  return JSON.stringify(copy);  // about 10 MB
};
"""


def _copy_key(page) -> str:
    keys = page.evaluate("Object.keys(window.localStorage)")
    return next(k for k in keys if k.startswith("actlab.copy."))


def _read_copy(page, key: str) -> dict:
    return json.loads(page.evaluate("k => window.localStorage.getItem(k)", key))


def _tamper(page, key: str, edit) -> None:
    page.evaluate("([k, v]) => window.localStorage.setItem(k, v)",
                  [key, edit(_read_copy(page, key))])


def test_a_tampered_browser_copy_is_refused_and_good_rows_are_kept(browser, banks, tmp_path):
    db = tmp_path / "h"
    ctx, page = new_page(browser)
    with serve_app(ACTLAB_QUIZ_DIR=str(banks), ACTLAB_DB=str(db)) as url:
        answer_once(page, url)
        key = _copy_key(page)
        good = _read_copy(page, key)["rows"][0]
        later = [*good[:5], "2026-03-03T09:00:00.000000+00:00", None]

        # Wrong types and HTML in the answer, beside one good new row.
        def mixed(copy):
            copy["rows"] += [later, [good[0], 5, "softmax", "yes", "1", good[5], None],
                             [*good[:4], '"<img src=x onerror=alert(1)>"',
                              "2026-03-04T09:00:00.000000+00:00", None]]
            return json.dumps(copy)
        _tamper(page, key, mixed)
        open_app(page, url, "/quiz")
        expect(page.get_by_text("解答 1 件をサーバーの履歴に戻しました。読めなかった行: 2"
                                "（必要な値が空: 1、解答に HTML を含む: 1）",
                                exact=False)).to_be_visible()
        assert len(stored(db)) == 2  # the quiz answer and the good restored row
        clean = _read_copy(page, key)
        assert len(clean["rows"]) == 2  # the browser's copy is now the server's, clean

        # Another learner's copy: refused whole.
        def other(copy):
            copy["learner"] = "0" * 32
            copy["rows"] += [[*later[:5], f"2026-04-0{d}T09:00:00+00:00", None]
                             for d in range(1, 6)]
            return json.dumps(copy)

        _tamper(page, key, other)
        open_app(page, url, "/quiz")
        expect(page.get_by_text("別の学習者のものです", exact=False)).to_be_visible()
        assert len(stored(db)) == 2  # nothing added, nothing lost

        # 10 MB of rows: more than Chromium lets a page store, so the tampered browser hands
        # it over from a patched localStorage, as a hostile page script could.
        _tamper(page, key, lambda copy: json.dumps(clean))
        ctx.add_init_script(HUGE_COPY)
        open_app(page, url, "/quiz")
        expect(page.get_by_text("大きすぎます", exact=False)).to_be_visible()
        assert len(stored(db)) == 2
        assert page.locator('[data-testid="stException"]').count() == 0
    ctx.close()


def test_forget_deletes_the_history_on_the_server_and_in_the_browser(browser, banks, tmp_path):
    db = tmp_path / "h"
    ctx, page = new_page(browser)
    with serve_app(ACTLAB_QUIZ_DIR=str(banks), ACTLAB_DB=str(db)) as url:
        answer_once(page, url)
        key = _copy_key(page)
        history_tab(page)
        page.get_by_role("button", name="この履歴を消去").click()
        dialog = page.get_by_role("dialog")
        expect(dialog.get_by_text("1 件", exact=False)).to_be_visible()
        assert len(stored(db)) == 1  # asked first
        dialog.get_by_role("button", name="消去する").click()
        wait_rerun(page)
        expect(page.get_by_text("履歴を消去しました。")).to_be_visible()
        assert stored(db) == []
        page.wait_for_function(
            "k => { const c = JSON.parse(localStorage.getItem(k)); return c && !c.rows.length }",
            arg=key, timeout=30_000)
        open_app(page, url, "/quiz")  # a new session restores nothing
        history_tab(page)
        expect(page.get_by_text("まだ解答の記録がありません。")).to_be_visible()
        assert stored(db) == []
    ctx.close()
