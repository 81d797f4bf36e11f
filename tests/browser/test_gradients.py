"""The gradient-flow lab in a real Chromium: no exception box, and every tab's charts drawn
(only the open tab runs: a click on a tab reruns the page)."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.conftest import open_app, wait_rerun

PLOT = ".js-plotly-plot"
# charts per tab at the defaults: ① 1, ② 2 band panels + 2 log charts, ③ 1, ④ 2
EXPECTED = (1, 4, 1, 2)


def _visible_plots(page):
    return [p for p in page.locator(PLOT).all() if p.is_visible()]


def test_every_tab_draws_its_charts(page, app_url):
    open_app(page, app_url, "/gradients", timeout_ms=180_000)
    tabs = page.locator('[role="tab"]')
    assert tabs.count() == 4
    for i, expected in enumerate(EXPECTED):
        tabs.nth(i).click()
        wait_rerun(page, 180_000)
        page.wait_for_selector(f'[role="tabpanel"]:visible {PLOT}', state="visible",
                               timeout=30_000)
        plots = _visible_plots(page)
        assert len(plots) == expected, f"tab {i + 1}"
        for plot in plots:
            # drawn, not just mounted: an SVG with traces and a real size
            plot.locator(".main-svg").first.wait_for(state="attached", timeout=30_000)
            assert plot.locator(".scatterlayer .trace, .heatmaplayer .hm").count() > 0
            box = plot.bounding_box()
            assert box and box["width"] > 100 and box["height"] > 100
    assert page.locator('[data-testid="stException"]').count() == 0


def test_katex_formulas_render_in_the_depth_tab(page, app_url):
    open_app(page, app_url, "/gradients", timeout_ms=180_000)
    page.wait_for_selector(".katex", state="visible", timeout=30_000)
    assert page.locator(".katex-error").count() == 0


def test_choices_keep_their_value_across_the_language_toggle(page, app_url):
    """Choice widgets send their label; after 日本語 → English the same choices stay selected."""
    open_app(page, app_url, "/")
    page.locator('[data-testid="stSidebar"] a').filter(has_text="勾配フロー").first.click()
    page.wait_for_selector(f'[role="tabpanel"]:visible {PLOT}', state="visible", timeout=180_000)
    page.get_by_role("radio", name="English").check(force=True)
    wait_rerun(page, 180_000)
    expect(page.get_by_role("tab", name="① Depth")).to_be_visible()
    panel = page.locator('[role="tabpanel"]:visible')
    chips = panel.locator('[data-testid="stMultiSelect"]').first.locator("[data-tag] > span[title]")
    expect(chips.first).to_have_attribute("title", "Sigmoid")
    titles = list(dict.fromkeys(c.get_attribute("title") for c in chips.all()))
    assert titles == ["Sigmoid", "Hyperbolic tangent (tanh)", "ReLU"]
    assert panel.get_by_role("radio", name="z where |h'| is largest (upper bound)").is_checked()
    assert page.locator('[data-testid="stException"]').count() == 0
