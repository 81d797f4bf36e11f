"""No English of Streamlit's own on a Japanese screen: neither in the text a learner reads nor
in the names a screen reader speaks (aria-label, placeholder, title), on every page and quiz
screen, with the multiselects opened and the uploader shown."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
import streamlit

from tests.browser.screens import main, new_page, quiz_server, walk_pages, walk_quiz
from tests.conftest import ROOT

# Streamlit's frontend phrases, as its bundle spells them (checked below against the bundle).
TEXTS = ("Select all", "Clear all", "Choose an option", "Choose options", "per file", "Upload",
         "Page not found", "Running the app's main page", "Help for", "No results",
         "Press Enter", "Skip to main content", "Drag and drop", "Running...",
         "Number is outside the allowed range", "Number is above the allowed range",
         "Number is below the allowed range")
NAMES = ("Sidebar", "Collapse sidebar", "App pages", "Main menu", "Link to heading", "Open", "Dismiss",
         "Increment", "Decrement", "Selected values", "Clear all", "Clear value",
         "Copy to clipboard", "Show/hide columns", "Download as CSV", "Search", "Fullscreen",
         "file upload", "Choose an option", "Choose options", "Selectbox options")
# Names Streamlit builds around a label, and how its bundle spells each.
NAME_PARTS = {"Help for ": "`Help for ${", "Remove ": "`Remove ${", " icon": "} icon`",
              " — start": "} — ${i===0?`start`:`end`}", " — end": "} — ${i===0?`start`:`end`}"}
BUNDLE = Path(streamlit.__file__).parent / "static" / "static" / "js"

# Every text node outside icons (a Material icon is a ligature: its text is never read) and
# every spoken attribute.
READ = """() => {
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.parentElement.closest('[data-testid="stIconMaterial"], script, style, noscript'))
      texts.push(n.data);
  }
  const names = [];
  for (const el of document.querySelectorAll('[aria-label], [placeholder], [title]'))
    for (const a of ['aria-label', 'placeholder', 'title'])
      if (el.hasAttribute(a)) names.push(el.getAttribute(a));
  return {text: texts.join('\\n'), names};
}"""


def test_the_phrases_are_streamlits_own():
    bundle = "\n".join(p.read_text("utf-8", errors="replace") for p in BUNDLE.glob("*.js"))
    for phrase in (*TEXTS, *NAMES, *NAME_PARTS.values()):
        assert phrase in bundle, phrase


def english_check(found: list[str]):
    def check(page, name: str) -> None:
        # the page speaks Japanese (ui/streamlit_ja.js has run): <html lang="ja">
        page.wait_for_selector('html[lang="ja"]', state="attached", timeout=30_000)
        seen = page.evaluate(READ)
        found.extend(f"{name}: text {p!r}" for p in TEXTS if p in seen["text"])
        for value in seen["names"]:
            v = value.strip()
            if v in NAMES or any(part in f" {v} " for part in NAME_PARTS):
                found.append(f"{name}: name {value!r}")

    return check


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    with quiz_server(tmp_path_factory.mktemp("ja")) as u:
        yield u


def test_no_streamlit_english_on_any_page(browser, url):
    context, page = new_page(browser)
    found: list[str] = []
    try:
        walk_pages(page, url, english_check(found))
        # the unknown URL (walked last) got the app's own page, in Japanese
        assert main(page).get_by_text("ページが見つかりません").count() == 1
    finally:
        context.close()
    assert found == [], "\n".join(found)


def test_no_streamlit_english_on_any_quiz_screen(browser, url):
    context, page = new_page(browser)
    found: list[str] = []
    limit = tomllib.loads((ROOT / ".streamlit/config.toml").read_text("utf-8"))["server"]["maxUploadSize"]
    uploader_texts: list[str] = []

    def check(page, name):
        english_check(found)(page, name)
        if name == "quiz history":
            uploader_texts.append(main(page).locator('[data-testid="stFileUploader"]').inner_text())

    try:
        walk_quiz(page, url, check)
    finally:
        context.close()
    assert found == [], "\n".join(found)
    # the uploader states the server's real limit, in Japanese
    assert f"1 ファイル {limit}MB まで" in uploader_texts[0], uploader_texts
    assert "ファイルを選ぶ" in uploader_texts[0]


def test_english_comes_back_with_the_english_ui(browser, url):
    """The translation follows the language toggle both ways: Streamlit's own English is
    what an English-speaking screen-reader user expects."""
    from playwright.sync_api import expect

    from tests.browser.conftest import open_app, wait_rerun

    context, page = new_page(browser)
    try:
        open_app(page, url, "/compare")
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
