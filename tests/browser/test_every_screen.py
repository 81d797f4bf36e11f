"""A walk through every screen a learner meets (every page and tab, every kind of quiz
screen). Offline and in Japanese: each draws with every request beyond the app's own server
blocked and no error in the console (a learner on a train), and no English of Streamlit's own
is left in the text read or the names spoken; both are checked on one walk. Accessible: no
critical or serious axe-core violation, in the light and the dark theme, on walks of their
own (requests routed through the test slow a loaded machine's page loads, and axe must read
a screen as a learner gets it)."""

from __future__ import annotations

import tomllib

import pytest

from tests.browser.screen_checks import axe_check, drawn, english_check, offline_page
from tests.browser.screens import main, new_page, quiz_server, walk_pages, walk_quiz
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    with quiz_server(tmp_path_factory.mktemp("screens")) as u:
        yield u


def _both(*checks):
    def check(page, name: str) -> None:
        for c in checks:
            c(page, name)
    return check


def test_every_page_offline_and_in_japanese(browser, url):
    context, page, blocked, errors = offline_page(browser)
    english: list[str] = []
    try:
        walk_pages(page, url, _both(drawn, english_check(english)))
        icon = page.evaluate("document.querySelector(\"link[rel~='icon']\").href")
        # the unknown URL (walked last) got the app's own page, in Japanese
        not_found = main(page).get_by_text("ページが見つかりません").count()
    finally:
        context.close()
    assert blocked == []
    assert errors == []
    assert english == [], "\n".join(english)
    assert icon.startswith(url), icon  # the favicon is served by the app itself
    assert not_found == 1


def test_every_quiz_screen_offline_and_in_japanese(browser, url):
    context, page, blocked, errors = offline_page(browser)
    english: list[str] = []
    uploader: list[str] = []

    def uploader_text(page, name):
        if name == "quiz history":
            uploader.append(main(page).locator('[data-testid="stFileUploader"]').inner_text())

    try:
        walk_quiz(page, url, _both(drawn, english_check(english), uploader_text))
    finally:
        context.close()
    assert blocked == []
    assert errors == []
    assert english == [], "\n".join(english)
    # the uploader states the server's real limit, in Japanese
    limit = tomllib.loads((ROOT / ".streamlit/config.toml").read_text("utf-8"))["server"][
        "maxUploadSize"]
    assert f"1 ファイル {limit}MB まで" in uploader[0], uploader
    assert "ファイルを選ぶ" in uploader[0]


@pytest.mark.parametrize("walk", [walk_pages, walk_quiz], ids=["pages", "quiz screens"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_screen_is_accessible(browser, url, scheme, walk):
    context, page = new_page(browser, color_scheme=scheme)
    found: list[str] = []
    try:
        walk(page, url, axe_check(found))
    finally:
        context.close()
    assert found == [], "\n".join(found)
