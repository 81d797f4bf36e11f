"""A click chooses what it touches: for every question of the banks answered by choosing
(single, multiple, blanks, graph, code, true/false), at 1280 and 390 px, every option's
typeset text lies inside its own clickable box, no two boxes overlap, and on a phone each
box is at least 44 px tall; and each answer input has its option's name for a screen
reader (axe-core's critical finding: unnamed radios). The options are drawn by the quiz's own function and CSS in one
test page (tests/browser/option_harness.py) instead of 220 questions walked one by one."""

from __future__ import annotations

import re

import pytest

from quiz.answers import LETTERS, option_labels
from quiz.loader import DEFAULT_BANK_DIR, load_paths
from quiz.schema import ONE_CHOICE, GraphQuestion, MultipleQuestion, TrueFalseQuestion
from quiz.spoken import spoken
from tests.browser.conftest import READY, assert_no_exception, serve_app
from tests.conftest import ROOT

pytest.importorskip("playwright.sync_api")

CHOSEN = [q for q in load_paths([DEFAULT_BANK_DIR]).questions
          if isinstance(q, (*ONE_CHOICE, MultipleQuestion, TrueFalseQuestion))]
CHOSEN_BY_CLICK = [q.id for q in CHOSEN]
ANSWERS = '[class*="st-key-quiz-answers"]'
# Per question: each option's clickable box (the <label> a click lands on) and the box of
# the ink drawn in it: the rectangles of its text (KaTeX's visible glyphs, not its hidden
# MathML) and of the rules KaTeX draws (fraction bars, roots).
MEASURE = """(sel) => {
  const grow = (a, r) => a ? {top: Math.min(a.top, r.top), bottom: Math.max(a.bottom, r.bottom),
      left: Math.min(a.left, r.left), right: Math.max(a.right, r.right)}
    : {top: r.top, bottom: r.bottom, left: r.left, right: r.right};
  return [...document.querySelectorAll(sel)].map((group) => ({
    key: group.className,
    options: [...group.querySelectorAll(
        '[data-testid="stRadioOption"], [data-testid="stCheckbox"] label')].map((label) => {
      let ink = null;
      const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
      for (let n; (n = walker.nextNode());) {
        if (!n.textContent.trim() || n.parentElement.closest(".katex-mathml")) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        for (const r of range.getClientRects()) if (r.width > 0 && r.height > 0) ink = grow(ink, r);
      }
      for (const el of label.querySelectorAll('svg, [class*="-line"]')) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.height > 0) ink = grow(ink, r);
      }
      return {box: grow(null, label.getBoundingClientRect()), ink,
              name: label.querySelector("input")?.getAttribute("aria-label"),
              text: label.innerText.replace(/\\s+/g, " ").slice(0, 40)};
    }),
  }));
}"""


def spoken_names(q) -> list[str]:
    """What each input must be called, in the bank's order (the test page's order)."""
    if isinstance(q, TrueFalseQuestion):
        return ["正しい", "誤り"]
    if isinstance(q, GraphQuestion):
        return [f"{letter} を選ぶ" for letter in LETTERS[:len(q.options)]]
    return [spoken(label) for label in option_labels(q, [tuple(o) if isinstance(o, list) else o
                                                         for o in q.options])]


@pytest.fixture(scope="module")
def harness_url():
    with serve_app(script="tests/browser/option_harness.py", PYTHONPATH=str(ROOT),
                   ACTLAB_QUIZ_DIR=str(DEFAULT_BANK_DIR)) as url:
        yield url


def _overlap(a: dict, b: dict) -> bool:
    """More than half a pixel shared both ways (boxes that only touch are apart)."""
    return (min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > 0.5
            and min(a["right"], b["right"]) - max(a["left"], b["left"]) > 0.5)


def _inside(ink: dict, box: dict) -> bool:
    return (ink["top"] >= box["top"] - 1 and ink["bottom"] <= box["bottom"] + 1
            and ink["left"] >= box["left"] - 1 and ink["right"] <= box["right"] + 1)


@pytest.mark.parametrize("width", [1280, 390])
def test_every_option_of_every_question_is_its_own_target(browser, harness_url, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="ja-JP")
    page = context.new_page()
    try:
        page.goto(harness_url)
        page.get_by_text(f"shown={len(CHOSEN_BY_CLICK)}").wait_for(timeout=120_000)
        page.wait_for_function(f"document.querySelectorAll('{ANSWERS}').length >= "
                               f"{len(CHOSEN_BY_CLICK)}", timeout=300_000)
        page.wait_for_selector(READY, timeout=300_000)
        page.evaluate("document.fonts.ready")  # KaTeX's fonts, which set the sizes
        assert_no_exception(page)
        groups = page.evaluate(MEASURE, ANSWERS)
    finally:
        context.close()
    seen = [re.search(r"st-key-quiz-answers-harness-(\S+)", g["key"]).group(1) for g in groups]
    assert seen == CHOSEN_BY_CLICK  # every question, each once
    problems = []
    for q, group in zip(CHOSEN, groups, strict=True):
        qid, options = q.id, group["options"]
        assert len(options) >= 2, qid
        names = [o["name"] for o in options]
        if names != spoken_names(q):
            problems.append(f"{qid}: the inputs are named {names}")
        for o in options:
            if o["ink"] is None or not _inside(o["ink"], o["box"]):
                problems.append(f"{qid}: 「{o['text']}」 is drawn outside its box")
            if width <= 400 and o["box"]["bottom"] - o["box"]["top"] < 44:
                problems.append(f"{qid}: 「{o['text']}」 is under 44 px tall")
        for i, a in enumerate(options):
            problems += [f"{qid}: 「{a['text']}」 overlaps 「{b['text']}」"
                         for b in options[i + 1:] if _overlap(a["box"], b["box"])]
    assert not problems, "\n".join(problems)
