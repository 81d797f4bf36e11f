"""A learner on a train: every screen draws with every request beyond the app's own server
blocked, asks for nothing outside, and logs no error in the browser's console."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import assert_no_exception
from tests.browser.screens import main, new_page, quiz_server, walk_pages, walk_quiz

# Streamlit's own start-up on a deep link (/explorer) first asks for /explorer/_stcore/health
# and /explorer/_stcore/host-config on the app's server, gets 404, then the right ones
# (streamlit/streamlit#7074): local requests, not an offline failure, and no app can avoid them.
BASE_PATH_PROBE = re.compile(r"^http://127\.0\.0\.1:\d+/[^/]+/_stcore/(health|host-config)$")


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    with quiz_server(tmp_path_factory.mktemp("offline")) as u:
        yield u


def offline_page(browser):
    context, page = new_page(browser)
    blocked: list[str] = []
    errors: list[str] = []

    def route(r):
        if urlsplit(r.request.url).hostname == "127.0.0.1":
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    def console(m):
        where = m.location.get("url", "")
        if m.type == "error" and not BASE_PATH_PROBE.match(where):
            errors.append(f"{m.text} ({where})")

    context.route("**/*", route)
    page.on("console", console)
    page.on("pageerror", lambda e: errors.append(f"uncaught: {e}"))
    return context, page, blocked, errors


def drawn(page, name: str) -> None:
    assert main(page).locator("h1").count() >= 1, name
    assert_no_exception(page)


def test_every_page_works_offline(browser, url):
    context, page, blocked, errors = offline_page(browser)
    try:
        walk_pages(page, url, drawn)
        icon = page.evaluate("document.querySelector(\"link[rel~='icon']\").href")
    finally:
        context.close()
    assert blocked == []
    assert errors == []
    assert icon.startswith(url), icon  # the favicon is served by the app itself


def test_every_quiz_screen_works_offline(browser, url):
    context, page, blocked, errors = offline_page(browser)
    try:
        walk_quiz(page, url, drawn)
    finally:
        context.close()
    assert blocked == []
    assert errors == []
