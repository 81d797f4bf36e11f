"""/compare on a phone (390 × 844, touch): the h / h' switch and the chart on one screen,
before and after a switch; no function name broken across lines in any card or list
(the tables broke 「シグモ/イド関数」 and 「ソフトマ/ックス関/数」 in 21 cells)."""

from __future__ import annotations

import pytest

import activations as act
from tests.browser.conftest import open_app, wait_rerun
from tests.browser.phone import finger, new_phone, on_one_screen, to_top

MAIN = '[data-testid="stMain"]'
PLOT = f"{MAIN} .js-plotly-plot"
SWITCH = f"{MAIN} [data-testid=stRadio]"
NAMES = {s.name_ja for s in act.REGISTRY.values()} | {
    f"{s.name_ja}（参考）" for s in act.REGISTRY.values()}

# For every <strong> in the cards and lists: its text and how many line boxes it takes.
NAME_LINES = """(sel) => Array.from(document.querySelectorAll(sel), el => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const half = parseFloat(getComputedStyle(el).fontSize) / 2;
    const tops = Array.from(range.getClientRects()).filter(r => r.width > 0).map(r => r.top)
        .sort((a, b) => a - b);
    return [el.textContent, tops.filter((t, i) => i === 0 || t - tops[i - 1] > half).length];
})"""


@pytest.fixture
def phone(browser):
    yield from new_phone(browser)


def test_the_switch_and_the_chart_share_one_screen(phone, app_url):
    open_app(phone, app_url, "/compare")
    phone.wait_for_selector(f"{PLOT} .main-svg", timeout=30_000)
    to_top(phone, SWITCH)
    on_one_screen(phone, switch=SWITCH, chart=PLOT)
    for label, axis in (("微分 h'(x)", "h'(x)"), ("関数 h(x)", "h(x)")):
        finger(phone, phone.locator(SWITCH).get_by_text(label, exact=True))
        wait_rerun(phone)
        phone.wait_for_function(
            f"() => document.querySelector('{PLOT}')._fullLayout.yaxis.title.text === \"{axis}\"")
        on_one_screen(phone, switch=SWITCH, chart=PLOT)


def test_no_function_name_breaks_in_any_card_or_list(phone, app_url):
    open_app(phone, app_url, "/compare")
    assert phone.locator(f"{MAIN} [data-testid=stTable]").count() == 0
    phone.locator(f"{MAIN} [data-testid=stExpander] summary").first.tap()  # saturation list
    wait_rerun(phone)
    seen = []
    for key in ("compare-regions", "compare-formulas", "compare-study", "compare-guide"):
        box = phone.locator(f".st-key-{key}")
        box.first.wait_for(timeout=30_000)
        found = [(text, n) for text, n in box.first.evaluate(
            f"el => ({NAME_LINES})('.st-key-{key} strong')", ) if text in NAMES]
        assert found, key
        broken = [text for text, n in found if n != 1]
        assert not broken, f"{key}: names broken across lines: {broken}"
        seen += [text for text, _ in found]
    assert {"シグモイド関数", "ソフトマックス関数"} <= set(seen)
