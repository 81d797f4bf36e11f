"""/explorer on a phone (390 × 844, touch): the chart and the control that moves it are on
one screen, before and after every move, in both modes; the value dragged to in drag and
watch is kept when the learner leaves it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import open_app, wait_rerun
from tests.browser.phone import finger, new_phone, on_one_screen, to_top

PLOT = '[data-testid="stMain"] .js-plotly-plot'
SLIDER = '[data-testid="stMain"] [data-testid="stSlider"]'


# The slider's rail (the track's first child): where a finger lands to move the thumb.
RAIL = """el => {
    const r = el.closest('[role=group]').firstElementChild.firstElementChild
        .getBoundingClientRect();
    return {x: r.x, y: r.y, width: r.width, height: r.height};
}"""


def alpha_in_url(page) -> str:
    return re.search(r"alpha=([^&]+)", page.url).group(1)


@pytest.fixture
def phone(browser):
    yield from new_phone(browser)


def test_chart_and_alpha_stay_on_one_screen_and_the_dragged_value_is_kept(phone, app_url):
    open_app(phone, app_url, "/explorer?fn=elu")
    phone.wait_for_selector(f"{PLOT} .main-svg", timeout=30_000)
    # the learner looks at the chart: its top at the top of the screen
    to_top(phone, PLOT)
    on_one_screen(phone, chart=PLOT, control=SLIDER)
    seen = [alpha_in_url(phone)]
    for frac in (0.8, 0.3):  # a finger on the α slider's track, where it lands
        box = phone.locator(f"{SLIDER} input[type=range]").first.evaluate(RAIL)
        phone.touchscreen.tap(box["x"] + frac * box["width"], box["y"] + box["height"] / 2)
        wait_rerun(phone)
        phone.wait_for_function(f"() => !location.search.includes('alpha={seen[-1]}')")
        seen.append(alpha_in_url(phone))
        on_one_screen(phone, chart=PLOT, control=SLIDER)
    assert float(seen[1]) > float(seen[2]) > 0  # each tap moved α where the finger was

    # drag and watch: its switch is right under the chart, the slider is the chart's own
    finger(phone, phone.get_by_text("α をドラッグ", exact=True))
    wait_rerun(phone)
    rail = phone.locator(f"{PLOT} .slider-rail-rect")
    rail.wait_for(timeout=30_000)
    on_one_screen(phone, chart=PLOT, control=f"{PLOT} .slider-container")
    assert phone.locator(SLIDER).count() == 0  # one α control on screen, the chart's
    for frac in (0.9, 0.5):
        box = rail.bounding_box()
        phone.touchscreen.tap(box["x"] + frac * box["width"], box["y"] + box["height"] / 2)
        label = phone.locator(f"{PLOT} .slider-label").filter(has_text="α =")
        shown = label.text_content().split("=")[1].strip()
        # the finger lifted: the value shown becomes α, in the URL too
        phone.wait_for_function(f"() => location.search.includes('alpha={shown}')",
                                timeout=30_000)
        wait_rerun(phone)
        on_one_screen(phone, chart=PLOT, control=f"{PLOT} .slider-container")
    dragged = float(shown)
    assert dragged != float(seen[-1])

    finger(phone, phone.get_by_text("α をドラッグ", exact=True))  # leave the mode
    wait_rerun(phone)
    phone.wait_for_selector(SLIDER, timeout=30_000)
    thumb = phone.locator(f"{SLIDER} input[type=range]").first
    expect(thumb).to_have_attribute("aria-valuetext", f"{dragged:.2f}")
    assert float(alpha_in_url(phone)) == pytest.approx(dragged)
