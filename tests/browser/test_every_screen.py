"""A walk through every screen a learner meets (every page and tab, every kind of quiz
screen), checking each as it goes: it draws with every request beyond the app's own server
blocked and no error in the console (a learner on a train); no English of Streamlit's own on
the Japanese screen, in the text read or the names spoken; no critical or serious axe-core
violation. One walk per theme, so the screens are drawn once for all three checks."""

from __future__ import annotations

import tomllib

import pytest

from tests.browser.screen_checks import axe_check, drawn, english_check, offline_page
from tests.browser.screens import main, quiz_server, walk_pages, walk_quiz
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    with quiz_server(tmp_path_factory.mktemp("screens")) as u:
        yield u


def _all(*checks):
    def check(page, name: str) -> None:
        for c in checks:
            c(page, name)
    return check


def _say(problems: dict[str, list[str]]) -> str:
    return "\n".join(f"{what}: {p}" for what, found in problems.items() for p in found)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page(browser, url, scheme):
    context, page, blocked, errors = offline_page(browser, color_scheme=scheme)
    english, axe = [], []
    try:
        # Streamlit's English is the same in either theme: read it once
        walk_pages(page, url, _all(drawn, *([english_check(english)] if scheme == "light"
                                            else []), axe_check(axe)))
        icon = page.evaluate("document.querySelector(\"link[rel~='icon']\").href")
        # the unknown URL (walked last) got the app's own page, in Japanese
        not_found = main(page).get_by_text("ページが見つかりません").count()
    finally:
        context.close()
    problems = {"asked outside": blocked, "console": errors, "English": english, "axe": axe}
    assert not any(problems.values()), _say(problems)
    assert icon.startswith(url), icon  # the favicon is served by the app itself
    assert not_found == 1


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_quiz_screen(browser, url, scheme):
    context, page, blocked, errors = offline_page(browser, color_scheme=scheme)
    english, axe, uploader = [], [], []

    def uploader_text(page, name):
        if name == "quiz history":
            uploader.append(main(page).locator('[data-testid="stFileUploader"]').inner_text())

    try:
        walk_quiz(page, url, _all(drawn, *([english_check(english), uploader_text]
                                           if scheme == "light" else []), axe_check(axe)))
    finally:
        context.close()
    problems = {"asked outside": blocked, "console": errors, "English": english, "axe": axe}
    assert not any(problems.values()), _say(problems)
    if scheme == "light":  # the uploader states the server's real limit, in Japanese
        limit = tomllib.loads((ROOT / ".streamlit/config.toml").read_text("utf-8"))["server"][
            "maxUploadSize"]
        assert f"1 ファイル {limit}MB まで" in uploader[0], uploader
        assert "ファイルを選ぶ" in uploader[0]
