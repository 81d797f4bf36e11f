"""The gradient-flow lab in a real Chromium: no exception box, and every tab's charts drawn
(only the open tab runs: a click on a tab reruns the page)."""

from __future__ import annotations

import re

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from tests.browser.conftest import RUNNING, open_app, wait_rerun

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


# A trace's number of points: a list, or Plotly's typed-array form {dtype, bdata}.
LENGTH = """el => {
    const x = el.data[0].x;
    if (Array.isArray(x) || ArrayBuffer.isView(x)) return x.length;
    const size = {i1: 1, u1: 1, i2: 2, u2: 2, i4: 4, u4: 4, f4: 4, f8: 8}[x.dtype];
    return atob(x.bdata).length / size;
}"""


def _loss_points(panel) -> int:
    """The steps the loss chart draws, read from the Plotly graph in the page (once drawn:
    a rerun of the page mounts it again, so the element is looked up anew until it holds
    data; on a loaded machine the one first found may be replaced while it is awaited)."""
    page = panel.page
    for _ in range(6):
        chart = panel.locator(PLOT).nth(1).element_handle()
        try:
            page.wait_for_function("el => el.isConnected && el.data && el.data.length > 0",
                                   arg=chart, timeout=20_000)
            return chart.evaluate(LENGTH)
        except PlaywrightError:  # detached, or not drawn yet
            continue
    raise AssertionError("the loss chart never held data")


def test_stop_during_a_real_run_stops_it(page, app_url):
    """④ at its longest (3000 steps, 64 units): 停止 pressed while the run goes on stops it
    well before the end, and it stays stopped; 続きを学習 goes on to the end."""
    open_app(page, app_url, "/gradients", timeout_ms=180_000)
    page.locator('[role="tab"]').nth(3).click()
    wait_rerun(page, 180_000)
    panel = page.locator('[role="tabpanel"]:visible')
    stop = panel.get_by_role("button", name="停止")
    # One setting at a time, each run to its end: a control moved while a run goes on is a
    # new run, and two moved at once race each other in Streamlit's frontend.
    for label, value in (("隠れ層のユニット数", "64"), ("学習ステップ数", "3000")):
        expect(stop).to_be_disabled(timeout=180_000)  # the run before has ended
        slider = panel.locator('[data-testid="stSlider"]').filter(has_text=label)
        slider.get_by_role("slider").press("End")
        expect(slider.get_by_role("slider")).to_have_attribute("aria-valuetext", value)
    progress = panel.get_by_text(re.compile(r"学習中… \d+ / 3000 ステップ"))
    expect(progress).to_be_visible(timeout=60_000)
    stop.click()
    note = panel.get_by_text(re.compile(r"\d+ / 3000 ステップで停止しました"))
    expect(note).to_be_visible(timeout=60_000)
    done = int(re.search(r"(\d+) / 3000", note.inner_text()).group(1))
    assert 0 < done < 3000
    page.wait_for_timeout(5_000)  # long enough for several more slices, were it still running
    assert page.locator(RUNNING).count() == 0
    assert progress.count() == 0
    assert re.search(r"(\d+) / 3000", note.inner_text()).group(1) == str(done)
    assert _loss_points(panel) == done
    panel.get_by_role("button", name="続きを学習").click()
    expect(note).to_have_count(0, timeout=60_000)
    expect(panel.get_by_role("button", name="停止")).to_be_disabled(timeout=180_000)
    assert _loss_points(panel) == 3000
    assert page.locator('[data-testid="stException"]').count() == 0
