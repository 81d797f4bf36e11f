"""Every screen a learner meets, walked as a learner walks it, with a check at each: every
page (each tab of /explorer and /gradients, an opened multiselect), an unknown URL, and the
quiz: its setup, one question of each type with its feedback, the results, the history with
its uploader, and a mock exam's question and overview. Used by the axe, offline and
Japanese-only tests, each with its own check."""

from __future__ import annotations

import contextlib
import re
import shutil
from collections.abc import Callable
from pathlib import Path

from tests.browser.conftest import open_app, serve_app, wait_rerun
from tests.quiz_helpers import GOOD_BANK

Check = Callable[[object, str], None]  # (page, name of the screen)

NEW_TYPES = GOOD_BANK.parent / "new_types"
PAGES = ("/", "/explorer", "/compare", "/softmax", "/gradients", "/loss", "/backprop",
         "/optimizers", "/regularization")
TABS = {"/explorer": ("E資格のポイント", "E資格スタイルの NumPy 実装"),
        "/gradients": ("② 深いMLP", "③ Dying ReLU", "④ 非線形性")}


@contextlib.contextmanager
def quiz_server(tmp: Path):
    """The app with a bank of one question of every type (single, multiple, numeric,
    true/false, graph, a figure, blanks, code): a study run walks them all."""
    banks = tmp / "banks"
    shutil.copytree(GOOD_BANK, banks, dirs_exist_ok=True)
    shutil.copytree(NEW_TYPES, banks, dirs_exist_ok=True)
    with serve_app(ACTLAB_QUIZ_DIR=str(banks), ACTLAB_DB=str(tmp / "h.sqlite3")) as url:
        yield url


def main(page):
    return page.locator('[data-testid="stMain"]')


def _open_multiselect(page, check: Check, name: str) -> None:
    """Open the first multiselect's list (where Streamlit adds its own entries), check, close."""
    box = main(page).locator('[data-testid="stMultiSelect"]').first
    box.get_by_role("combobox").click()
    page.locator('[data-testid="stMultiSelectDropdown"] [role="option"]').first.wait_for(
        timeout=30_000)
    # the list fades in: read mid-fade on a loaded machine, its text measured 3.58:1 against
    # the 4.5:1 it has once shown (axe, in a full run)
    settle(page)
    check(page, f"{name} (multiselect open)")
    page.keyboard.press("Escape")


def settle(page) -> None:
    """Wait until the screen is what a learner sees once it has settled: the web fonts loaded
    (KaTeX's set a formula's width) and no finite animation or transition running (the
    multiselect's list read mid-fade measured 3.58:1 against the 4.5:1 it has once shown).
    axe reads a screen only after this, so it judges what a learner is left looking at."""
    page.evaluate("document.fonts.ready.then(() => true)")
    page.wait_for_function(
        """() => document.getAnimations().every(a => a.playState !== 'running'
                 || a.effect?.getComputedTiming().endTime === Infinity)""", timeout=30_000)


def walk_pages(page, url: str, check: Check) -> None:
    for path in PAGES:
        open_app(page, url, path)
        check(page, path)
        if path in ("/compare", "/gradients"):
            _open_multiselect(page, check, path)
        for tab in TABS.get(path, ()):
            page.get_by_role("tab", name=tab).click()
            wait_rerun(page)
            check(page, f"{path} tab {tab}")
    page.goto(url + "/no-such-page")
    page.wait_for_selector('[data-testid="stMain"] h1', timeout=60_000)
    wait_rerun(page)
    check(page, "/no-such-page")


def _answer_something(page) -> None:
    """Any answer, as a hurried learner gives it: the feedback screen is what is checked."""
    m = main(page)
    number = m.get_by_label("数値", exact=True)
    if number.count():
        number.fill("0.5")
    elif m.locator('[data-testid="stCheckbox"] label').count():
        m.locator('[data-testid="stCheckbox"] label').first.click()
    else:
        m.locator('[role="radiogroup"] label').first.click()
    page.wait_for_timeout(300)


def walk_quiz(page, url: str, check: Check) -> None:
    m = main(page)
    open_app(page, url, "/quiz")
    check(page, "quiz setup")
    _open_multiselect(page, check, "quiz setup")
    page.get_by_role("button", name="開始").click()
    wait_rerun(page)
    asked = 0
    while page.get_by_role("button", name="解答する").count():
        asked += 1
        assert asked <= 20, "the study run does not end"
        check(page, f"quiz question {asked}")
        _answer_something(page)
        page.get_by_role("button", name="解答する").click()
        wait_rerun(page)
        check(page, f"quiz feedback {asked}")
        page.get_by_role("button", name="次へ").click()
        wait_rerun(page)
    assert asked == 9, asked  # every question of the bank, each type at least once
    assert m.get_by_text("結果", exact=True).count()
    check(page, "quiz results")
    page.get_by_role("tab", name="学習履歴").click()
    wait_rerun(page)
    m.locator('[data-testid="stFileUploader"]').first.wait_for()
    check(page, "quiz history")
    page.get_by_role("tab", name="クイズ").click()
    wait_rerun(page)
    page.get_by_role("button", name="新しいクイズ").click()
    wait_rerun(page)
    m.get_by_text("模試モード", exact=False).click()
    wait_rerun(page)
    page.get_by_role("button", name="開始").click()
    wait_rerun(page)
    check(page, "exam question")
    m.get_by_text(re.compile(r"^問題一覧（")).click()
    m.locator('[data-testid="stButtonGroup"]').first.wait_for()
    check(page, "exam overview")


def new_page(browser, **context_options):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ja-JP",
                                  **context_options)
    return context, context.new_page()

