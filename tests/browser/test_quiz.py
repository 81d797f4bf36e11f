"""/quiz in Chromium: the page renders, formulas are typeset by KaTeX, bank HTML shows as
text and never runs, and a question can be answered; no exception box anywhere."""

from __future__ import annotations

import shutil

import pytest

from tests.browser.conftest import open_app, serve_app, wait_rerun
from tests.quiz_helpers import GOOD_BANK
from ui.strings import CATALOGUE

expect = pytest.importorskip("playwright.sync_api").expect

HTML_QUESTION = "fx-html-text"  # text: "<script>alert(1)</script> … ($a < b$ & c)"


@pytest.fixture(scope="module")
def html_bank_url(tmp_path_factory):
    """A server whose only question carries HTML and LaTeX (a bank of one, so it comes first)."""
    banks = tmp_path_factory.mktemp("banks")
    text = (GOOD_BANK / "mixed.yaml").read_text(encoding="utf-8")
    one = "questions:\n" + text[text.index(f"  - id: {HTML_QUESTION}"):]
    (banks / "one.yaml").write_text(one, encoding="utf-8")
    with serve_app(ACTLAB_QUIZ_DIR=str(banks),
                   ACTLAB_DB=str(tmp_path_factory.mktemp("db") / "h.sqlite3")) as url:
        yield url
    shutil.rmtree(banks, ignore_errors=True)


def test_quiz_page_renders_and_a_quiz_starts(page, app_url):
    open_app(page, app_url, "/quiz")
    expect(page.get_by_text("出題の設定")).to_be_visible()
    page.get_by_role("button", name="開始").click()
    wait_rerun(page)
    expect(page.get_by_text("1 / 10 問目")).to_be_visible()
    page.get_by_role("tab", name="学習履歴").click()
    wait_rerun(page)


def test_bank_html_is_text_and_latex_is_typeset(page, html_bank_url):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    open_app(page, html_bank_url, "/quiz")
    page.get_by_role("button", name="開始").click()
    wait_rerun(page)
    main = page.locator('[data-testid="stMain"]')
    expect(main.get_by_text("<script>alert(1)</script>", exact=False)).to_be_visible()
    assert main.locator("script").count() == 0
    expect(main.locator(".katex").first).to_be_visible()  # $a < b$ typeset, not raw
    page.get_by_text("誤り", exact=True).click()
    wait_rerun(page)
    page.get_by_role("button", name="解答する").click()
    wait_rerun(page)
    expect(page.get_by_text("正解！")).to_be_visible()
    expect(main.get_by_text("<b>太字にならない</b>", exact=False)).to_be_visible()
    assert main.locator("b", has_text="太字にならない").count() == 0
    assert dialogs == []
    page.get_by_text("アプリで確かめる").click()  # the bank's link opens the app's view
    page.wait_for_url("**/explorer?fn=tanh*", timeout=60_000)


def test_history_csv_upload_adds_answers_once(page, html_bank_url, tmp_path):
    csv_file = tmp_path / "history.csv"
    csv_file.write_text(
        "session_id,question_id,theme,correct,answer,answered_at\n"
        f"s1,{HTML_QUESTION},softmax,0,true,2026-03-01T09:00:00+00:00\n"
        f"s1,{HTML_QUESTION},softmax,1,false,2026-03-02T09:00:00+00:00\n", encoding="utf-8")
    open_app(page, html_bank_url, "/quiz")
    page.get_by_role("tab", name="学習履歴").click()
    wait_rerun(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(csv_file))
    wait_rerun(page)
    expect(page.get_by_text("2 件を追加しました", exact=False)).to_be_visible()
    expect(page.locator('[data-testid="stPlotlyChart"]').first).to_be_visible()
    # The weakest list shows the question's text, never its id.
    expect(page.get_by_text("<script>alert(1)</script>", exact=False).first).to_be_visible()
    assert page.get_by_text(HTML_QUESTION, exact=False).count() == 0


def test_theme_chips_follow_the_language_toggle(page, app_url):
    """The theme multiselect sends labels; after 日本語 → English the same themes stay chosen,
    now under their English names (they used to stay frozen in Japanese)."""
    from quiz.themes import THEMES, theme_name

    open_app(page, app_url, "/quiz")
    chips = page.locator('[data-testid="stMultiSelect"]').first.locator("[data-tag] > span[title]")
    expect(chips.first).to_have_attribute("title", theme_name(next(iter(THEMES)), "ja"))
    page.get_by_role("radio", name="English").check(force=True)
    wait_rerun(page)
    expect(chips.first).to_have_attribute("title", theme_name(next(iter(THEMES)), "en"))
    titles = list(dict.fromkeys(c.get_attribute("title") for c in chips.all()))
    assert titles == [theme_name(theme, "en") for theme in THEMES]
    assert page.get_by_role("radio", name=CATALOGUE["quiz.mode.study"][1]).is_checked()
    assert page.locator('[data-testid="stException"]').count() == 0


@pytest.fixture(scope="module")
def numeric_bank_url(tmp_path_factory):
    """A server whose only question wants a number (key 1, tolerance 0.001)."""
    banks = tmp_path_factory.mktemp("banks")
    text = (GOOD_BANK / "mixed.yaml").read_text(encoding="utf-8")
    start, end = text.index("  - id: fx-tanh-grad0"), text.index("  - id: fx-softmax-sum")
    (banks / "one.yaml").write_text("questions:\n" + text[start:end], encoding="utf-8")
    with serve_app(ACTLAB_QUIZ_DIR=str(banks),
                   ACTLAB_DB=str(tmp_path_factory.mktemp("db") / "h.sqlite3")) as url:
        yield url
    shutil.rmtree(banks, ignore_errors=True)


def test_on_a_phone_enter_submits_and_next_is_on_screen(browser, numeric_bank_url):
    context = browser.new_context(viewport={"width": 390, "height": 740}, locale="ja-JP")
    page = context.new_page()
    try:
        open_app(page, numeric_bank_url, "/quiz")
        page.get_by_role("button", name="開始").click()
        wait_rerun(page)
        field = page.get_by_role("textbox", name="数値")  # the answer field, not the pairing code's
        field.fill("1")
        field.press("Enter")  # no click on 解答する
        wait_rerun(page)
        expect(page.get_by_text("正解！")).to_be_visible()
        expect(page.get_by_role("button", name="次へ")).to_be_in_viewport()
    finally:
        context.close()
