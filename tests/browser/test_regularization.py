"""/regularization in Chromium: at 390 × 844 each tab's chart and its control start on the
first screen, no exception, no Plotly mode bar; at 1280 px a click on a control redraws.
Set REG_SHOTS=<dir> to keep screenshots of each tab at both widths."""

from __future__ import annotations

import os

import pytest

from tests.browser.conftest import open_app, wait_rerun

HEIGHT = 844
PANEL = '[role="tabpanel"]:visible'
CONTROL = '[data-testid="stRadio"]'  # ① the activation, ② the regularisation method


def shoot(page, name: str) -> None:
    where = os.environ.get("REG_SHOTS")
    if where:
        page.screenshot(path=os.path.join(where, name), full_page=True)


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": HEIGHT}, is_mobile=True,
                                  has_touch=True, locale="ja-JP")
    yield context.new_page()
    context.close()


def test_phone_each_tab_shows_chart_and_control_first(phone, app_url):
    open_app(phone, app_url, "/regularization", timeout_ms=180_000)
    tabs = phone.locator('[role="tab"]')
    assert tabs.count() == 2
    for i in range(2):
        tabs.nth(i).tap()
        wait_rerun(phone, 180_000)
        phone.wait_for_selector(f"{PANEL} .js-plotly-plot .main-svg", timeout=120_000)
        phone.evaluate("window.scrollTo(0, 0)")
        chart = phone.locator(f"{PANEL} .js-plotly-plot").first.bounding_box()
        assert chart and 0 <= chart["y"] < HEIGHT, f"tab {i + 1}: chart top at {chart}"
        box = phone.locator(f"{PANEL} {CONTROL}").first.bounding_box()
        assert box and box["y"] + box["height"] <= HEIGHT, f"tab {i + 1}: control at {box}"
        assert phone.locator(".modebar").count() == 0
        shoot(phone, f"phone-tab{i + 1}.png")


def test_desktop_a_click_redraws_each_tab(page, app_url):
    open_app(page, app_url, "/regularization", timeout_ms=180_000)
    shoot(page, "desktop-tab1.png")
    page.locator(f"{PANEL} label").filter(has_text="ReLU").first.click()
    wait_rerun(page, 180_000)
    # ReLU with N(0, 1) weights: the first reading names the explosion
    assert "発散" in page.locator(f"{PANEL} [data-testid='stAlert']").first.inner_text()
    page.locator('[role="tab"]').nth(1).click()
    wait_rerun(page, 180_000)
    page.wait_for_selector(f"{PANEL} .js-plotly-plot .main-svg", timeout=120_000)
    page.locator(f"{PANEL} label").filter(has_text="早期終了").first.click()
    wait_rerun(page, 180_000)
    assert "早期終了（patience 50）" in page.locator(PANEL).inner_text()
    assert page.locator(f"{PANEL} .js-plotly-plot").count() == 2
    shoot(page, "desktop-tab2.png")


def overlaps(a, b) -> bool:
    return not (a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
                or a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"])


@pytest.mark.parametrize("width", [1280, 390])
def test_boundary_legend_leaves_the_tick_labels_clear(browser, app_url, width):
    """The class legend of ②'s decision-boundary figure covered the left panel's x tick
    labels (−2, −1, 0) at 1280 px (learner L2 #12)."""
    context = browser.new_context(viewport={"width": width, "height": HEIGHT}, locale="ja-JP")
    page = context.new_page()
    try:
        open_app(page, app_url, "/regularization", timeout_ms=180_000)
        page.locator('[role="tab"]').nth(1).click()
        wait_rerun(page, 180_000)
        figure = page.locator(f"{PANEL} .js-plotly-plot").nth(1)
        figure.locator(".legend").wait_for(timeout=120_000)
        figure.scroll_into_view_if_needed()
        legend = figure.locator(".legend .traces")
        ticks = figure.locator(".xaxislayer-above .xtick text")
        assert legend.count() == 2 and ticks.count() >= 5
        for i in range(ticks.count()):
            tick = ticks.nth(i).bounding_box()
            for j in range(2):
                entry = legend.nth(j).bounding_box()
                assert not overlaps(tick, entry), (ticks.nth(i).text_content(), tick, entry)
    finally:
        context.close()


def test_a_reload_keeps_both_tabs_choices(page, app_url):
    """Learner L2's steps: ReLU + Xavier on ①, L1 on ②, reload."""
    open_app(page, app_url, "/regularization", timeout_ms=180_000)
    for name in ("ReLU", "Xavier"):
        page.locator(f"{PANEL} label").filter(has_text=name).first.click()
        wait_rerun(page, 180_000)
    page.locator('[role="tab"]').nth(1).click()
    wait_rerun(page, 180_000)
    page.locator(f"{PANEL} label").filter(has_text="L1").first.click()
    wait_rerun(page, 180_000)
    page.reload()
    page.wait_for_selector(f"{PANEL} .js-plotly-plot .main-svg", timeout=180_000)
    wait_rerun(page, 180_000)
    checked = f"{PANEL} label:has(input:checked)"
    assert page.locator('[role="tab"][aria-selected="true"]').inner_text() == "② 正則化"
    assert page.locator(checked).first.inner_text() == "L1"
    page.locator('[role="tab"]').nth(0).click()
    wait_rerun(page, 180_000)
    assert [page.locator(checked).nth(i).inner_text() for i in range(2)] == ["ReLU", "Xavier（1/√n）"]
