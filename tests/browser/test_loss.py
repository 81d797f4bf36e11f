"""The loss lab in a real Chromium at 1280 px and on a 390 px phone: every chart drawn, the
formulas typeset, no exception, the first chart on a phone's first screen, and the probe
following the slider a learner moves (by keyboard, as a thumb or a screen reader does)."""

from __future__ import annotations

import math

import pytest

from tests.browser.conftest import assert_no_exception, open_app, wait_rerun

PLOT = '[data-testid="stMain"] .js-plotly-plot'
PHONE = (390, 844)


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": PHONE[0], "height": PHONE[1]},
                                  locale="ja-JP", is_mobile=True, has_touch=True)
    page = context.new_page()
    yield page
    context.close()


def probe_xy(page, chart_key: str) -> list[list[float]]:
    """The probe markers' x and y as the browser's Plotly holds them (after drawing)."""
    return page.evaluate("""(key) => {
        const gd = document.querySelector(`.st-key-${key} .js-plotly-plot`);
        const tr = gd.data.find(t => t.mode === 'markers');
        return [Array.from(tr.x), Array.from(tr.y)];
    }""", chart_key)


def wait_probe_x(page, chart_key: str, x: float) -> None:
    page.wait_for_function("""([key, x]) => {
        const gd = document.querySelector(`.st-key-${key} .js-plotly-plot`);
        const tr = gd && gd.data && gd.data.find(t => t.mode === 'markers');
        return tr && Math.abs(tr.x[0] - x) < 1e-9;
    }""", arg=[chart_key, x], timeout=60_000)


def press(page, slider_key: str, key: str) -> None:
    page.locator(f".st-key-{slider_key}").scroll_into_view_if_needed()
    page.locator(f'.st-key-{slider_key} input[type="range"]').press(key)  # focuses it first
    wait_rerun(page)


def test_desktop_draws_everything_and_the_probe_follows_y(page, app_url):
    open_app(page, app_url, "/loss")
    page.wait_for_function(f"() => document.querySelectorAll('{PLOT} .main-svg').length >= 3",
                           timeout=60_000)
    page.wait_for_selector(".katex", state="visible", timeout=30_000)
    assert page.locator(".katex-error").count() == 0
    wait_probe_x(page, "loss-curves_chart", 0.2)
    press(page, "loss-y", "ArrowRight")  # y: 0.200 → 0.201
    wait_probe_x(page, "loss-curves_chart", 0.201)
    xs, ys = probe_xy(page, "loss-curves_chart")
    assert ys[0] == pytest.approx(-math.log(0.201), rel=1e-12)  # BCE at t = 1
    page.wait_for_function("() => location.search.includes('y=0.201')")
    assert_no_exception(page)


def test_phone_chart_first_and_the_probe_follows_a(phone, app_url):
    open_app(phone, app_url, "/loss")
    phone.wait_for_selector(PLOT, state="visible", timeout=60_000)
    first = phone.locator(PLOT).first.bounding_box()
    assert first["y"] < PHONE[1]  # the first chart starts on the first screen
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= PHONE[0]
    # its controls follow it, within half a screen
    slider = phone.locator('.st-key-loss-t [data-testid="stSlider"]').bounding_box()
    assert first["y"] + first["height"] <= slider["y"] < first["y"] + first["height"] + PHONE[1] / 2
    wait_probe_x(phone, "loss-logit_chart", -5.0)
    press(phone, "loss-a", "ArrowRight")  # a: −5 → −4.9
    wait_probe_x(phone, "loss-logit_chart", -4.9)
    _, ys = probe_xy(phone, "loss-logit_chart")
    s = 1 / (1 + math.exp(4.9))
    assert ys == pytest.approx([1 - s, (1 - s) * s * (1 - s)], rel=1e-12)
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= PHONE[0]
    # the safety table's numbers (1e-300, -690.776) each stay on one line: every cell as tall
    cells = phone.locator(".st-key-loss-safety td")
    cells.first.scroll_into_view_if_needed()
    heights = {round(box["height"]) for box in
               (cells.nth(i).bounding_box() for i in range(cells.count()))}
    assert max(heights) - min(heights) <= 1, heights
    assert "1e-300" in phone.locator(".st-key-loss-safety").inner_text()
    assert_no_exception(phone)


def test_phone_routes_table_headings_break_only_between_words(phone, app_url):
    # 「クラス k」 stood one character a line at 390 px (learner test L1 #9)
    open_app(phone, app_url, "/loss")
    table = phone.locator('.st-key-loss-routes [data-testid="stTable"]')
    table.wait_for(timeout=60_000)
    table.scroll_into_view_if_needed()
    heads = phone.evaluate("""() => [...document.querySelectorAll('.st-key-loss-routes th p')]
        .map(p => {
            const lh = parseFloat(getComputedStyle(p).lineHeight);
            return [p.innerText, Math.round(p.getBoundingClientRect().height / lh)];
        })""")
    assert [h[0] for h in heads][:2] == ["k", "a"]
    for text, lines in heads:
        assert lines <= len(text.split()), (text, lines)
    # and the whole table fits the card: no sideways scroll to reach Jᵀ·∂E/∂y
    assert phone.evaluate("""() => { const t = document.querySelector(
        '.st-key-loss-routes [data-testid="stTable"]'); return t.scrollWidth <= t.clientWidth; }""")
    assert_no_exception(phone)
