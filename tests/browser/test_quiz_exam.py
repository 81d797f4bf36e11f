"""The mock exam in Chromium, as a learner sits it: flag, skip, back, the overview, the
confirmation before finishing, a reload that returns to the run with the timer still
counting, and a time-out that scores a chosen (never submitted) answer as given."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from datetime import datetime, timedelta

import pytest

from quiz.loader import load_paths
from tests.browser.conftest import open_app, serve_app, wait_rerun, wait_synced
from tests.quiz_helpers import GOOD_BANK

expect = pytest.importorskip("playwright.sync_api").expect

MORE = GOOD_BANK.parent / "exam" / "more_choices.yaml"
CHOICES = {q.text.strip(): q for q in load_paths([GOOD_BANK, MORE]).questions
           if q.type in ("single", "multiple")}


@pytest.fixture(scope="module")
def exam_app(tmp_path_factory):
    banks = tmp_path_factory.mktemp("banks")
    shutil.copytree(GOOD_BANK, banks, dirs_exist_ok=True)
    shutil.copy(MORE, banks)
    db = tmp_path_factory.mktemp("db") / "h.sqlite3"
    with serve_app(ACTLAB_QUIZ_DIR=str(banks), ACTLAB_DB=str(db)) as url:
        yield url, db


def main(page):
    return page.locator('[data-testid="stMain"]')


def shown_question(page):
    """The fixture question whose text is on screen."""
    text = main(page).inner_text()
    # Typeset maths is not plain text: match the stem's longest run of prose.
    found = [q for stem, q in CHOICES.items()
             if max(re.split(r"\$[^$]*\$", stem), key=len).strip() in text]
    assert len(found) == 1, text
    return found[0]


def at_question(page, i: int, n: int = 4) -> None:
    expect(main(page).get_by_text(re.compile(rf"^{i} / {n} 問目"))).to_be_visible(
        timeout=60_000)


def choose_right(page) -> str:
    """Click the right option(s) of the question on screen; returns its stem."""
    q = shown_question(page)
    keys = [q.answer] if q.type == "single" else q.answer
    for key in keys:
        # Typeset maths is not plain text: match the prose, or the TeX KaTeX keeps alongside.
        label = re.sub(r"\$[^$]*\$", "", key).strip() or key.strip("$")
        main(page).locator("label").filter(has_text=label).first.click()
        wait_rerun(page)
    return q.text.strip()


def seconds_left(page) -> int:
    mm, ss = re.search(r"残り時間 (\d+):(\d\d)", main(page).inner_text()).groups()
    return int(mm) * 60 + int(ss)


def test_a_mock_exam_with_flag_skip_back_overview_reload_and_time_out(page, exam_app):
    url, db = exam_app
    open_app(page, url, "/quiz")
    main(page).get_by_text("模試モード", exact=False).click()
    wait_rerun(page)
    page.get_by_role("button", name="開始").click()
    wait_rerun(page)
    at_question(page, 1)
    assert page.get_by_role("button", name="解答する").count() == 0  # choose, never submit

    page.get_by_text("見直し（あとで確認する）").click()  # flag question 1
    wait_rerun(page)
    page.get_by_role("button", name="スキップ").click()
    wait_rerun(page)
    at_question(page, 2)
    second = choose_right(page)
    page.get_by_role("button", name="前へ").click()
    wait_rerun(page)
    at_question(page, 1)

    # The overview: states at a glance, and a jump to question 3.
    overview = main(page).get_by_text(re.compile(r"^問題一覧（解答済み 1・見直し 1・未解答 3）"))
    overview.click()
    jump = main(page).locator('[data-testid="stButtonGroup"] button', has_text="3 □")
    expect(jump).to_be_visible()
    jump.click()
    wait_rerun(page)
    at_question(page, 3)

    # Finishing with unanswered questions asks first; 問題に戻る keeps the exam going.
    page.get_by_role("button", name="解答を終了する").click()
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_text("未解答が 3 問、見直しの印が 1 問あります", exact=False)).to_be_visible()
    dialog.get_by_role("button", name="問題に戻る").click()
    wait_rerun(page)
    expect(page.get_by_role("dialog")).to_have_count(0)
    at_question(page, 3)

    # A reload returns to the run, where it was, with the timer still counting.
    before = seconds_left(page)
    page.reload()
    page.wait_for_selector('[data-testid="stMain"] h1', timeout=60_000)
    wait_synced(page)
    at_question(page, 3)
    page.wait_for_timeout(2_500)
    assert seconds_left(page) < before
    third = choose_right(page)  # chosen: kept at once, never submitted

    # The clock runs out (the run's start moved an hour back), seen at the next load.
    with sqlite3.connect(db) as conn:
        state = json.loads(conn.execute("SELECT payload FROM runs").fetchone()[0])
        start = datetime.fromisoformat(state["started_at"]) - timedelta(hours=1)
        state["started_at"] = state["entered_at"] = start.isoformat()
        conn.execute("UPDATE runs SET payload = ?", (json.dumps(state),))
    page.reload()
    expect(main(page).get_by_text("時間切れです", exact=False)).to_be_visible(timeout=60_000)
    expect(main(page).get_by_text("2 / 4 問正解", exact=False)).to_be_visible()
    expect(main(page).get_by_text("所要時間", exact=False)).to_be_visible()
    details = main(page).locator('[data-testid="stExpander"] summary').all_inner_texts()
    right = [d for d in details if "✓" in d]
    assert len(right) == 2 and all(re.search(r"\d+ 秒", d) for d in details)
    assert all(any(stem[:10] in d for d in right) for stem in (second, third))
    assert page.locator('[data-testid="stException"]').count() == 0


def test_an_answer_chosen_then_next_at_once_is_kept(page, exam_app):
    """A learner taps an option and at once 次へ, before the tap's rerun is over, three times:
    every choice is kept (a message sent mid-rerun used to undo the click)."""
    url, _ = exam_app
    open_app(page, url, "/quiz")
    main(page).get_by_text("模試モード", exact=False).click()
    wait_rerun(page)
    page.get_by_role("button", name="開始").click()
    wait_rerun(page)
    for i in (1, 2, 3):
        at_question(page, i)
        # any option will do (the draw may hold a graph or a fill-in): what counts is that it stays
        main(page).locator('[role="radiogroup"] label, [data-testid="stCheckbox"] label').first.click()
        page.get_by_role("button", name="次へ").click()  # no wait: the tap's rerun is running
    at_question(page, 4)
    wait_rerun(page)
    expect(main(page).get_by_text(re.compile(r"^問題一覧（解答済み 3・見直し 0・未解答 1）"))).to_be_visible()
