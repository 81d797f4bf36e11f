"""/compare's gated activations section in a real Chromium: folded at first, opened by a
click on its heading, its chart drawn (both panels, five lines each) and its maths typeset."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.conftest import assert_no_exception, open_app


def test_opening_the_section_draws_its_chart_and_formulas(page, app_url):
    open_app(page, app_url, "/compare")
    section = page.locator('[data-testid="stExpander"]').filter(has_text="ゲート付き活性化")
    expect(section).to_have_count(1)
    chart = section.locator(".js-plotly-plot")
    expect(chart).to_be_hidden()  # folded: the page reads as before until it is opened
    section.locator("summary").click()
    expect(chart).to_be_visible(timeout=30_000)
    expect(chart.locator(".scatterlayer .trace")).to_have_count(10, timeout=30_000)
    # the two display formulas and the inline maths of the text and captions
    expect(section.locator(".katex-display")).to_have_count(2, timeout=30_000)
    assert section.locator(".katex").count() > 10
    assert section.locator(".katex-error").count() == 0
    assert_no_exception(page)
