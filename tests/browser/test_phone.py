"""A phone (390 × 844, touch) as the first screen: the chart on it, its controls right after,
no Plotly mode bar, titles and table numbers whole."""

from __future__ import annotations

import pytest

from tests.browser.conftest import assert_no_exception, open_app, wait_rerun

PLOT = '[data-testid="stMain"] .js-plotly-plot'
WIDTH, HEIGHT = 390, 844
PAGES = ["/", "/explorer", "/compare", "/softmax"]


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT}, locale="ja-JP",
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    yield page
    context.close()


def chart_top(page) -> float:
    page.wait_for_selector(PLOT, state="visible", timeout=30_000)
    return page.locator(PLOT).first.bounding_box()["y"]


def title_top(page) -> float:
    return page.locator('[data-testid="stMain"] h1').first.bounding_box()["y"]


def lines(page, selector: str) -> list[int]:
    """How many lines each matching element's text takes."""
    return page.evaluate("""(sel) => Array.from(document.querySelectorAll(sel), el => {
        // the line boxes of its text: rects of its text nodes, grouped by their top
        const half = parseFloat(getComputedStyle(el).fontSize) / 2;
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        const tops = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (!node.textContent.trim()) continue;
            const range = document.createRange();
            range.selectNodeContents(node);
            for (const r of range.getClientRects()) if (r.width > 0) tops.push(r.top);
        }
        tops.sort((a, b) => a - b);
        return tops.filter((t, i) => i === 0 || t - tops[i - 1] > half).length;
    })""", selector)


@pytest.mark.parametrize("path", PAGES)
def test_the_chart_is_on_the_first_screen(phone, app_url, path):
    open_app(phone, app_url, path)
    assert chart_top(phone) < HEIGHT
    # the whole width is the page's: nothing scrolls sideways
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= WIDTH
    assert lines(phone, '[data-testid="stMain"] h1') == [1]  # the title is not broken


@pytest.mark.parametrize("path", PAGES)
def test_no_mode_bar_over_the_chart_after_a_tap(phone, app_url, path):
    open_app(phone, app_url, path)
    chart_top(phone)
    phone.locator(PLOT).first.tap()
    phone.wait_for_timeout(500)
    assert phone.locator(f"{PLOT} .modebar").count() == 0


def test_explorer_controls_follow_the_chart_and_the_probe_keeps_it_in_place(phone, app_url):
    open_app(phone, app_url, "/explorer?fn=leaky_relu")
    top, title = chart_top(phone), title_top(phone)
    chart_bottom = top + phone.locator(PLOT).first.bounding_box()["height"]
    slider = phone.locator('[data-testid="stSlider"]').first.bounding_box()
    assert chart_bottom <= slider["y"] < chart_bottom + HEIGHT / 2  # α right after the chart
    probe = phone.locator('[data-testid="stNumberInput"]').filter(has_text="x₀")
    probe.locator('[data-testid="stNumberInputStepUp"]').tap()
    wait_rerun(phone)
    phone.wait_for_function("() => location.search.includes('x0=1.1')")
    # the chart's place on the page, scroll-independent: its offset below the title
    assert chart_top(phone) - title_top(phone) == pytest.approx(top - title, abs=2)


def test_softmax_overflow_numbers_stay_whole(phone, app_url):
    open_app(phone, app_url, "/softmax")
    table = phone.locator('.st-key-softmax-overflow [data-testid="stTable"]')
    table.scroll_into_view_if_needed()
    assert "4.53999e-05" in table.inner_text()
    assert set(lines(phone, ".st-key-softmax-overflow td")) == {1}
    assert_no_exception(phone)


def test_compare_formula_cards_keep_names_whole(phone, app_url):
    open_app(phone, app_url, "/compare")
    cards = phone.locator(".st-key-compare-formulas strong")
    cards.first.scroll_into_view_if_needed()
    names = cards.all_inner_texts()
    assert "シグモイド関数" in names
    # each name on one line (a card is the phone's width)
    assert max(lines(phone, ".st-key-compare-formulas strong")) == 1


def _swipe_up(page, x: float, y: float, by: float) -> None:
    """A finger put down at (x, y) and moved up by ``by`` px, as a learner scrolls."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for i in range(1, 11):
        cdp.send("Input.dispatchTouchEvent",
                 {"type": "touchMove", "touchPoints": [{"x": x + i, "y": y - by * i / 10}]})
        page.wait_for_timeout(30)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    page.wait_for_timeout(800)


RANGES = """el => [el._fullLayout.xaxis.range.join(), el._fullLayout.yaxis.range.join()]"""


# A chart that answers a tap (the explorer's probe, the optimizer lab's start) is given a
# drag mode by Streamlit ("pan"), whatever the figure says: a swipe that starts on it moves
# nothing (every axis is fixed), but does not scroll the page either.
@pytest.mark.parametrize(("path", "scrolls"), [("/loss", True), ("/regularization", True),
                                               ("/compare", True), ("/explorer", False)])
def test_a_swipe_over_the_chart_scrolls_the_page_and_leaves_the_chart_alone(phone, app_url,
                                                                           path, scrolls):
    open_app(phone, app_url, path)
    chart_top(phone)
    chart = phone.locator(PLOT).first
    box = chart.bounding_box()
    ranges = chart.evaluate(RANGES)
    scrolled = "() => document.querySelector('[data-testid=stMain]').scrollTop"
    before = phone.evaluate(scrolled)
    _swipe_up(phone, box["x"] + box["width"] / 2, min(box["y"] + box["height"] / 2, HEIGHT - 60),
              300)
    assert (phone.evaluate(scrolled) > before + 100) is scrolls
    assert chart.evaluate(RANGES) == ranges  # neither zoomed nor panned
    assert phone.get_by_text("Double-click to zoom back out").count() == 0
