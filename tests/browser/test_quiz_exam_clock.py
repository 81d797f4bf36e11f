"""The mock exam's clock tells the truth: three exams in a row in one tab, each clock read
many times and compared with the time the server has left for the exam kept in the store;
on a phone the clock stays in view, below the header, while the learner scrolls."""

from __future__ import annotations

import json
import math
import re
import sqlite3
import time
from datetime import datetime, timedelta

import pytest

from quiz.session import exam_time_limit_s
from tests.browser.conftest import open_app, wait_rerun
from tests.browser.test_quiz_exam import exam_app, main  # noqa: F401 (a fixture)

expect = pytest.importorskip("playwright.sync_api").expect

CLOCK = ".st-key-quiz-exam-clock strong"
# Every 50 ms for 2.5 s, the clock's text with the moment it was read (ms since the epoch).
SAMPLE = """async (clock) => {
  const out = [];
  for (let i = 0; i < 50; i++) {
    const box = document.querySelector(clock);
    out.push([Date.now(), box ? box.textContent : null]);
    await new Promise((r) => setTimeout(r, 50));
  }
  return out;
}"""


def start_exam(page, n: int) -> None:
    expect(page.get_by_role("button", name="開始")).to_be_visible(timeout=60_000)
    mode = page.get_by_role("radio", name=re.compile("^模試モード"))
    if not mode.is_checked():
        mode.check(force=True)
        wait_rerun(page)
    count = page.get_by_label("問題数")
    count.fill(str(n))
    count.press("Enter")
    wait_rerun(page)
    page.get_by_role("button", name="開始").click()
    wait_rerun(page)
    expect(main(page).get_by_text(re.compile(rf"^1 / {n} 問目"))).to_be_visible(timeout=60_000)


def server_deadline_ms(db, n: int) -> float:
    """The end of the exam in progress, from the run the server keeps in the store."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT payload FROM runs").fetchall()
    assert len(rows) == 1
    state = json.loads(rows[0][0])
    assert len(state["items"]) == n
    started = datetime.fromisoformat(state["started_at"])
    return started.timestamp() * 1000 + exam_time_limit_s(n) * 1000


def check_clock(page, db, n: int) -> list[int]:
    """Read the clock 50 times; each reading is the server's time left (within 2 s, the
    time a rerun takes to reach the browser), never another exam's. Returns the readings."""
    deadline = server_deadline_ms(db, n)
    seen = []
    for at_ms, text in page.evaluate(SAMPLE, CLOCK):
        assert text is not None, "the clock is not on screen"
        mm, ss = re.fullmatch(r"残り時間 (\d+):(\d\d)", text).groups()
        shown = int(mm) * 60 + int(ss)
        truth = math.ceil(max(0.0, deadline - at_ms) / 1000)
        assert abs(shown - truth) <= 2, (text, truth)
        seen.append(shown)
    return seen


def finish_exam(page) -> None:
    page.get_by_role("button", name="解答を終了する").click()
    page.get_by_role("dialog").get_by_role("button", name="終了して採点する").click()
    wait_rerun(page)
    expect(main(page).get_by_text("結果", exact=True)).to_be_visible(timeout=60_000)
    assert page.locator(CLOCK).count() == 0


def test_three_exams_in_a_row_each_clock_reads_the_servers_time(page, exam_app):  # noqa: F811
    url, db = exam_app
    open_app(page, url, "/quiz")
    # Different lengths, so another exam's clock would read tens of seconds off.
    for n in (4, 2, 3):
        start_exam(page, n)
        first = check_clock(page, db, n)
        page.get_by_role("button", name="次へ").click()  # a rerun inside the exam
        wait_rerun(page)
        time.sleep(1.5)
        later = check_clock(page, db, n)
        assert later[-1] < first[0]  # it counts down
        finish_exam(page)
        page.get_by_role("button", name="新しいクイズ").click()
        wait_rerun(page)


def test_on_a_phone_the_clock_stays_in_view_below_the_header(browser, exam_app):  # noqa: F811
    url, db = exam_app
    context = browser.new_context(viewport={"width": 390, "height": 740}, locale="ja-JP")
    page = context.new_page()
    try:
        open_app(page, url, "/quiz")
        if page.get_by_role("button", name="新しいクイズ").count():
            page.get_by_role("button", name="新しいクイズ").click()
            wait_rerun(page)
        start_exam(page, 4)
        page.mouse.move(200, 400)
        for _ in range(3):  # a finger's scroll, a third of the screen at a time
            page.mouse.wheel(0, 250)
            page.wait_for_timeout(400)
            clock = page.locator(".st-key-quiz-exam-clock").bounding_box()
            header = page.locator('[data-testid="stHeader"]').bounding_box()
            assert clock["y"] >= header["y"] + header["height"] - 1, (clock, header)
            assert clock["y"] + clock["height"] <= 740, clock
        # it did scroll: the question's progress bar has gone under the header, the last
        # option is in view
        progress = main(page).locator('[data-testid="stProgress"]').first.bounding_box()
        assert progress["y"] + progress["height"] < header["y"] + header["height"], progress
        expect(page.get_by_role("button", name="解答を終了する")).to_be_in_viewport()
        check_clock(page, db, 4)  # and it still reads the server's time
        finish_exam(page)  # one kept run at a time in this module's store
    finally:
        context.close()


def test_at_zero_the_browser_has_the_server_score_the_exam(page, exam_app):  # noqa: F811
    """No click, no reload: the clock reaches 0:00 and the results replace the question."""
    url, db = exam_app
    open_app(page, url, "/quiz")
    if page.get_by_role("button", name="新しいクイズ").count():
        page.get_by_role("button", name="新しいクイズ").click()
        wait_rerun(page)
    start_exam(page, 2)
    # 6 s left: the run's start moved back, then a reload resumes the kept run
    with sqlite3.connect(db) as conn:
        state = json.loads(conn.execute("SELECT payload FROM runs").fetchone()[0])
        now = datetime.now(datetime.fromisoformat(state["started_at"]).tzinfo)
        moved = now - timedelta(seconds=exam_time_limit_s(2) - 6)
        state["started_at"] = state["entered_at"] = moved.isoformat()
        conn.execute("UPDATE runs SET payload = ?", (json.dumps(state),))
    page.reload()
    page.wait_for_selector(CLOCK, timeout=60_000)
    assert all(s <= 6 for s in check_clock(page, db, 2))
    expect(main(page).get_by_text("時間切れです", exact=False)).to_be_visible(timeout=60_000)
    assert page.locator(CLOCK).count() == 0
