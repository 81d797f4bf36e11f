"""Nothing to redo, in Chromium: a reload in the middle of a study run comes back to the same
question with the answers so far; a reload in the middle of a mock exam comes back with the
answer chosen and the clock still counting; a server restarted with an empty disk gets the
exam in progress back from the browser; /explorer stays in English after a reload; a CSV
row that cannot be read says why."""

from __future__ import annotations

import re
import shutil

import pytest

from tests.browser.conftest import (
    free_port,
    open_app,
    serve_app,
    wait_rerun,
    wait_synced,
)
from tests.browser.test_quiz_exam import MORE, at_question, choose_right, main, seconds_left
from tests.quiz_helpers import GOOD_BANK

expect = pytest.importorskip("playwright.sync_api").expect

STEMS = ("一つ目の問い", "二つ目の問い", "三つ目の問い")


@pytest.fixture
def tf_bank(tmp_path):
    """Three true/false questions: each answered with one click."""
    text = "questions:\n"
    for i, (stem, key) in enumerate(zip(
            STEMS, ("true", "false", "true"), strict=True)):
        text += (f"  - id: rl-tf-{i}\n    theme: relu_sigmoid\n    functions: [relu]\n"
                 f"    difficulty: 1\n    type: truefalse\n    text: \"{stem}：ReLU の問い。\"\n"
                 f"    answer: {key}\n    explanation: \"説明 {i}。\"\n")
    (tmp_path / "tf").mkdir()
    (tmp_path / "tf" / "tf.yaml").write_text(text, encoding="utf-8")
    return tmp_path / "tf"


@pytest.fixture
def exam_bank(tmp_path):
    banks = tmp_path / "exam"
    shutil.copytree(GOOD_BANK, banks)
    shutil.copy(MORE, banks)
    return banks


def reload(page):
    page.reload()
    page.wait_for_selector('[data-testid="stMain"] h1', timeout=60_000)
    wait_synced(page)


def shown_stem(page) -> str:
    text = main(page).inner_text()
    [stem] = [s for s in STEMS if s in text]
    return stem


def submit_false(page):
    main(page).get_by_text("誤り", exact=True).click()
    wait_rerun(page)
    page.get_by_role("button", name="解答する").click()
    wait_rerun(page)


def test_a_reload_mid_study_returns_to_the_same_question(page, tf_bank, tmp_path):
    with serve_app(ACTLAB_QUIZ_DIR=str(tf_bank), ACTLAB_DB=str(tmp_path / "h")) as url:
        open_app(page, url, "/quiz")
        page.get_by_role("button", name="開始").click()
        wait_rerun(page)
        expect(main(page).get_by_text("1 / 3 問目")).to_be_visible()
        first = shown_stem(page)
        submit_false(page)
        page.get_by_role("button", name="次へ").click()
        wait_rerun(page)
        second = shown_stem(page)
        submit_false(page)  # checked, verdict on screen, not moved on
        verdict = "正解！" if second == "二つ目の問い" else "不正解"
        expect(main(page).get_by_text(verdict, exact=True)).to_be_visible()

        reload(page)
        expect(main(page).get_by_text("2 / 3 問目")).to_be_visible()
        assert shown_stem(page) == second
        expect(main(page).get_by_text(verdict, exact=True)).to_be_visible()
        page.get_by_role("button", name="次へ").click()
        wait_rerun(page)
        expect(main(page).get_by_text("3 / 3 問目")).to_be_visible()
        third = shown_stem(page)
        assert len({first, second, third}) == 3

        reload(page)  # before answering the last one: still question 3
        expect(main(page).get_by_text("3 / 3 問目")).to_be_visible()
        assert shown_stem(page) == third
        submit_false(page)
        page.get_by_role("button", name="次へ").click()
        wait_rerun(page)
        # The results count every answer, those before the reloads included.
        expect(main(page).get_by_text(re.compile(r"[12] / 3 問正解"))).to_be_visible()
        right = sum(s == "二つ目の問い" for s in (first, second, third))
        expect(main(page).get_by_text(f"{right} / 3 問正解", exact=False)).to_be_visible()


def start_exam(page, url):
    open_app(page, url, "/quiz")
    main(page).get_by_text("模試モード", exact=False).click()
    wait_rerun(page)
    page.get_by_role("button", name="開始").click()
    wait_rerun(page)
    at_question(page, 1)


def test_an_exam_survives_a_reload_and_a_restart_with_a_wiped_disk(browser, exam_bank,
                                                                  tmp_path):
    port = free_port()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ja-JP")
    page = context.new_page()
    with serve_app(port=port, ACTLAB_QUIZ_DIR=str(exam_bank),
                   ACTLAB_DB=str(tmp_path / "h1")) as url:
        start_exam(page, url)
        first = choose_right(page)
        page.get_by_role("button", name="次へ").click()
        wait_rerun(page)
        at_question(page, 2)
        before = seconds_left(page)
        reload(page)  # a reload mid-exam
        at_question(page, 2)
        assert seconds_left(page) <= before
        second = choose_right(page)
        left = seconds_left(page)
        # The learner's browser holds the run with both answers before the server goes:
        # under load its copy is written a moment after the rerun ends.
        page.wait_for_function("""() => {
            const k = Object.keys(localStorage).find(k => k.startsWith("actlab.run."));
            const run = k && JSON.parse(localStorage.getItem(k));
            return run && Object.keys(run.choices || {}).length >= 2; }""", timeout=30_000)

    # The platform reboots with an empty disk: same origin, a new empty history.
    with serve_app(port=port, ACTLAB_QUIZ_DIR=str(exam_bank),
                   ACTLAB_DB=str(tmp_path / "h2")) as url:
        open_app(page, url, "/quiz")
        expect(main(page).get_by_text("途中のクイズを再開しました", exact=False)).to_be_visible()
        at_question(page, 2)
        assert seconds_left(page) <= left  # the same deadline, not a fresh clock
        page.get_by_role("button", name="解答を終了する").click()
        dialog = page.get_by_role("dialog")
        dialog.get_by_role("button", name="終了して採点する").click()
        wait_rerun(page)
        expect(main(page).get_by_text("2 / 4 問正解", exact=False)).to_be_visible()
        details = main(page).locator('[data-testid="stExpander"] summary').all_inner_texts()
        right = [d for d in details if "✓" in d]
        assert all(any(stem[:10] in d for d in right) for stem in (first, second))
        reload(page)  # scored: nothing comes back to resume
        expect(main(page).get_by_role("button", name="開始")).to_be_visible()
        assert main(page).get_by_text("途中のクイズを再開しました", exact=False).count() == 0
    context.close()


def test_a_tampered_exam_in_the_browser_is_refused_and_said(browser, exam_bank, tmp_path):
    port = free_port()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ja-JP")
    page = context.new_page()
    with serve_app(port=port, ACTLAB_QUIZ_DIR=str(exam_bank),
                   ACTLAB_DB=str(tmp_path / "h1")) as url:
        start_exam(page, url)
        choose_right(page)
    key = next(k for k in page.evaluate("Object.keys(window.localStorage)")
               if k.startswith("actlab.run."))
    # An hour more on the clock: a start in the future.
    page.evaluate("""k => {
      const run = JSON.parse(localStorage.getItem(k));
      run.started_at = run.entered_at = new Date(Date.now() + 3600e3).toISOString();
      localStorage.setItem(k, JSON.stringify(run));
    }""", key)
    with serve_app(port=port, ACTLAB_QUIZ_DIR=str(exam_bank),
                   ACTLAB_DB=str(tmp_path / "h2")) as url:
        open_app(page, url, "/quiz")
        expect(main(page).get_by_text("再開できませんでした", exact=False)).to_be_visible()
        expect(main(page).get_by_role("button", name="開始")).to_be_visible()
        assert page.locator('[data-testid="stException"]').count() == 0
    context.close()


def test_explorer_stays_in_english_after_a_reload(page, app_url):
    open_app(page, app_url, "/explorer")
    page.locator('[data-testid="stSidebar"]').get_by_text("English", exact=True).click()
    wait_rerun(page)
    expect(page.locator('[data-testid="stMain"] h1')).to_have_text("Function explorer")
    page.reload()
    # the first heading drawn is already English (no Japanese page first, then a switch)
    first = page.wait_for_selector('[data-testid="stMain"] h1', timeout=60_000)
    assert first.inner_text() == "Function explorer"
    expect(page.locator('[data-testid="stMain"] h1')).to_have_text("Function explorer")
    page.goto(app_url + "/quiz")  # another page of the same browser, too
    expect(page.locator('[data-testid="stMain"] h1')).to_have_text("Self-quiz", timeout=60_000)
    page.locator('[data-testid="stSidebar"]').get_by_text("日本語", exact=True).click()
    wait_rerun(page)
    page.reload()  # and back: Japanese is remembered as well
    expect(page.locator('[data-testid="stMain"] h1')).to_have_text("セルフクイズ", timeout=60_000)


def test_a_language_cookie_we_do_not_offer_is_ignored(page, app_url):
    host = app_url.split("//", 1)[1].split("/", 1)[0].split(":")[0]
    for value in ("fr", "%3Cb%3Een%3C%2Fb%3E", "EN"):
        page.context.clear_cookies()
        page.context.add_cookies([{"name": "actlab_lang", "value": value, "domain": host,
                                   "path": "/"}])
        open_app(page, app_url, "/explorer")
        expect(page.locator('[data-testid="stMain"] h1')).to_have_text("関数エクスプローラ")
        assert page.locator('[data-testid="stException"]').count() == 0


def test_a_refused_csv_row_says_why(page, tf_bank, tmp_path):
    csv_file = tmp_path / "mixed.csv"
    csv_file.write_text(
        "session_id,question_id,theme,correct,answer,answered_at\n"
        "s1,rl-tf-0,relu_sigmoid,1,true,2026-03-01T09:00:00+00:00\n"
        "s1,BAD ID,relu_sigmoid,0,true,2026-03-01T09:00:00+00:00\n"
        "s1,rl-tf-1,relu_sigmoid,0,{broken,2026-03-02T09:00:00+00:00\n"
        's1,rl-tf-2,relu_sigmoid,0,"{""kind"": ""depth"", ""fn"": ""sigmoid"", ""params"": {}, '
        '""layers"": 10, ""at"": null}",2026-03-03T09:00:00+00:00\n', encoding="utf-8")
    with serve_app(ACTLAB_QUIZ_DIR=str(tf_bank), ACTLAB_DB=str(tmp_path / "h")) as url:
        open_app(page, url, "/quiz")
        page.get_by_role("tab", name="学習履歴").click()
        wait_rerun(page)
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
            str(csv_file))
        wait_rerun(page)
        expect(main(page).get_by_text("2 件を追加しました", exact=False)).to_be_visible()
        expect(main(page).get_by_text(
            "読めなかった行: 2（問題IDなどの形式が不正: 1、解答の形式が不正: 1）。行番号: 3, 4",
            exact=False)).to_be_visible()
