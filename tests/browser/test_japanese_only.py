"""Streamlit's own English, told in Japanese: the phrases looked for are Streamlit's own, the
translation follows the language toggle, and a number typed out of range is told in Japanese.
(Every screen is read for English by the walk in test_every_screen.py.)"""

from __future__ import annotations

from tests.browser.screen_checks import BUNDLE, NAME_PARTS, NAMES, TEXTS
from tests.browser.screens import new_page


def test_the_phrases_are_streamlits_own():
    bundle = "\n".join(p.read_text("utf-8", errors="replace") for p in BUNDLE.glob("*.js"))
    for phrase in (*TEXTS, *NAMES, *NAME_PARTS.values()):
        assert phrase in bundle, phrase


def test_english_comes_back_with_the_english_ui(browser, app_url):
    """The translation follows the language toggle both ways: Streamlit's own English is
    what an English-speaking screen-reader user expects."""
    from playwright.sync_api import expect

    from tests.browser.conftest import open_app, wait_rerun

    context, page = new_page(browser)
    try:
        open_app(page, app_url, "/compare")
        expect(page.locator('[aria-label="すべて外す"]')).to_have_count(1)
        page.locator('[data-testid="stSidebar"]').get_by_text("English", exact=True).click()
        wait_rerun(page)
        expect(page.locator('html[lang="en"]')).to_have_count(1)
        expect(page.locator('[aria-label="Clear all"]')).to_have_count(1)
        expect(page.locator('[aria-label="すべて外す"]')).to_have_count(0)
    finally:
        context.close()


def test_a_number_out_of_range_is_told_in_japanese(page, app_url):
    """Typed past a number input's range, Streamlit's own message (English) is told in
    Japanese, and says the page goes on with the last value in range (the box keeps what was
    typed). Found by learner testers on /loss, /backprop and /optimizers."""
    from tests.browser.conftest import open_app

    open_app(page, app_url, "/loss")
    page.wait_for_selector('html[lang="ja"]', state="attached", timeout=30_000)
    box = page.get_by_label("正解ラベル（クラスの番号、0 から）")
    box.fill("99")
    box.press("Enter")
    alert = page.locator('[data-testid="stNumberInput"] [role="alert"]').first
    alert.wait_for(timeout=30_000)
    page.wait_for_timeout(500)  # the observer has run
    said = alert.inner_text()
    assert "範囲外の数です。0〜9 の値を入力してください" in said, said
    assert "前の値で計算します" in said and "Number is" not in said
