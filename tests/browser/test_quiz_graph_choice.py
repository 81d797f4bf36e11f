"""A graph question: each of the four figures carries its letter and, right under it, the
control that chooses it, so the learner sees the figure they choose, in study and in exam
mode, at 1280 and at 390 px; the choice made there is the answer scored."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import open_app, serve_app, wait_rerun

expect = pytest.importorskip("playwright.sync_api").expect

NEW_TYPES = "tests/fixtures/quiz/new_types/new.yaml"


@pytest.fixture(scope="module")
def graph_app(tmp_path_factory):
    """A server whose only question is a graph question."""
    from tests.conftest import ROOT

    text = (ROOT / NEW_TYPES).read_text(encoding="utf-8")
    banks = tmp_path_factory.mktemp("banks")
    (banks / "one.yaml").write_text(text[:text.index("  - id: nt-layers")], encoding="utf-8")
    with serve_app(ACTLAB_QUIZ_DIR=str(banks),
                   ACTLAB_DB=str(tmp_path_factory.mktemp("db") / "h.sqlite3")) as url:
        yield url


def covered(page) -> float:
    """Where the page under the app's header (and the exam's clock, kept in view) starts."""
    boxes = [page.locator(sel).bounding_box() for sel in
             ('[data-testid="stHeader"]', ".st-key-quiz-exam-clock") if page.locator(sel).count()]
    return max(b["y"] + b["height"] for b in boxes)


def check_each_figure_carries_its_choice(page, height: int) -> None:
    for letter in "ABCD":
        figure = page.get_by_role("figure", name=re.compile(rf"^選択肢 {letter} の図"))
        choice = page.get_by_role("checkbox", name=f"{letter} を選ぶ")
        page.get_by_text(f"{letter} を選ぶ", exact=True).scroll_into_view_if_needed()
        page.wait_for_timeout(200)
        f, c = figure.bounding_box(), page.get_by_text(f"{letter} を選ぶ", exact=True).bounding_box()
        # right under its own figure, in the same column
        assert 0 <= c["y"] - (f["y"] + f["height"]) <= 48, (letter, f, c)
        assert f["x"] <= c["x"] <= f["x"] + f["width"], (letter, f, c)
        # both on screen together, below the header and the exam's clock
        assert f["y"] >= covered(page) - 1 and c["y"] + c["height"] <= height, (letter, f, c)
        expect(choice).not_to_be_checked()


def chosen_line(page) -> str:
    """The line of the marked answers that says which figure was given."""
    return next(line for line in page.locator('[data-testid="stMain"]').inner_text().splitlines()
                if "あなたの解答" in line)


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("mode", ["study", "exam"])
def test_each_figure_carries_its_letter_and_its_choice(browser, graph_app, width, mode):
    height = 900 if width > 400 else 740
    context = browser.new_context(viewport={"width": width, "height": height}, locale="ja-JP")
    page = context.new_page()
    try:
        open_app(page, graph_app, "/quiz")
        if mode == "exam":
            page.get_by_role("radio", name=re.compile("^模試モード")).check(force=True)
            wait_rerun(page)
        page.get_by_role("button", name="開始").click()
        wait_rerun(page)
        check_each_figure_carries_its_choice(page, height)
        # B, then D, where a finger lands on D's control: only D stays chosen
        for letter in "BD":
            page.get_by_text(f"{letter} を選ぶ", exact=True).click()
            wait_rerun(page)
        checked = [page.get_by_role("checkbox", name=f"{x} を選ぶ").is_checked() for x in "ABCD"]
        assert checked == [False, False, False, True]
        if mode == "study":
            page.get_by_role("button", name="解答する").click()
        else:
            page.get_by_role("button", name="解答を終了する").click()
        wait_rerun(page)
        details = page.locator('[data-testid="stMain"] details')
        if details.count() and details.first.get_attribute("open") is None:
            details.first.locator("summary").click()  # the results: a right answer is folded
        assert re.search(r"\bD\b", chosen_line(page)), chosen_line(page)
    finally:
        context.close()
