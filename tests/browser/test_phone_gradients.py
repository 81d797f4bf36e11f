"""/gradients on a phone (390 × 844): every tab's chart starts on the first screen, with
its main control there too; ④ is not hidden by the tab strip; no Plotly mode bar over the
legends; the title breaks only between words; no raw LaTeX read out by a screen reader."""

from __future__ import annotations

import pytest

from tests.browser.conftest import open_app, wait_rerun

WIDTH, HEIGHT = 390, 844
PANEL = '[role="tabpanel"]:visible'
# per tab, the control that moves its chart: ① L, ② the presets, ③ the bias, ④ the activation
MAIN_CONTROL = ('[data-testid="stSlider"]', '[data-testid="stButton"]',
                '[data-testid="stSlider"]', '[data-testid="stSelectbox"]')

# The first character of every line after the first, with the character before it.
LINE_BREAKS = """el => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const chars = [];
    while (walker.nextNode()) {
        const node = walker.currentNode;
        for (let i = 0; i < node.length; i++) {
            const r = document.createRange();
            r.setStart(node, i); r.setEnd(node, i + 1);
            const box = r.getClientRects()[0];
            if (box) chars.push([node.data[i], box.top]);
        }
    }
    const breaks = [];
    for (let i = 1; i < chars.length; i++) {
        if (chars[i][1] > chars[i - 1][1] + 5) breaks.push(chars[i - 1][0] + chars[i][0]);
    }
    return breaks;
}"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT}, is_mobile=True,
                                  has_touch=True, locale="ja-JP")
    yield context.new_page()
    context.close()


def test_each_tab_shows_its_chart_and_control_on_the_first_screen(phone, app_url):
    open_app(phone, app_url, "/gradients", timeout_ms=180_000)
    title = phone.locator('[data-testid="stMain"] h1').first
    for pair in title.evaluate(LINE_BREAKS):
        assert pair[0] in "・ -" or pair[1] == " ", f"title breaks inside a word: {pair!r}"
    tabs = phone.locator('[role="tab"]')
    assert tabs.count() == 4
    last = tabs.nth(3).bounding_box()
    assert last and last["x"] + last["width"] <= WIDTH, "the tab strip hides ④"
    for i, control in enumerate(MAIN_CONTROL):
        tabs.nth(i).tap()
        wait_rerun(phone, 180_000)
        phone.wait_for_selector(f"{PANEL} .js-plotly-plot .main-svg", timeout=120_000)
        phone.evaluate("window.scrollTo(0, 0)")
        chart = phone.locator(f"{PANEL} .js-plotly-plot").first.bounding_box()
        assert chart and 0 <= chart["y"] < HEIGHT, f"tab {i + 1}: chart top at {chart}"
        box = phone.locator(f"{PANEL} {control}").first.bounding_box()
        assert box and box["y"] + box["height"] <= HEIGHT, f"tab {i + 1}: control at {box}"
        assert phone.locator(".modebar").count() == 0, f"tab {i + 1}: Plotly toolbar shown"
        spoken = phone.eval_on_selector_all(
            f"{PANEL} [aria-label]", "els => els.map(e => e.getAttribute('aria-label'))")
        assert not [s for s in spoken if "$" in s or "\\" in s], spoken
