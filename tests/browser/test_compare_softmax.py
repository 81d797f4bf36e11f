"""Compare and softmax lab in a real Chromium: charts drawn, KaTeX rendered (also inside the
tables), and the naive softmax's NaN shown next to the right answer."""

from __future__ import annotations

import pytest

from activations import REGISTRY
from tests.browser.conftest import open_app

PLOT = ".js-plotly-plot"


@pytest.mark.parametrize("path", ["/compare", "/softmax"])
def test_page_renders_chart_and_formulas(page, app_url, path):
    open_app(page, app_url, path)
    # Plotly's bundle loads after the script has finished: wait for the drawing itself
    page.wait_for_selector(PLOT, state="visible", timeout=30_000)
    # the first formula on the page may sit in a folded section (/compare's gated activations)
    page.locator(".katex").filter(visible=True).first.wait_for(state="visible", timeout=30_000)
    assert page.locator('[data-testid="stException"]').count() == 0


def test_formula_cards_render_latex(page, app_url):
    open_app(page, app_url, "/compare")
    cards = page.locator(".st-key-compare-formulas")
    cards.scroll_into_view_if_needed()
    # h, h' and the range of every registry function, each typeset by KaTeX
    formulas = cards.locator(".katex")
    formulas.nth(3 * len(REGISTRY) - 1).wait_for(state="attached", timeout=30_000)
    assert formulas.count() == 3 * len(REGISTRY)
    assert cards.locator(".katex-error").count() == 0


def test_overflow_table_shows_nan_and_the_stable_answer(page, app_url):
    open_app(page, app_url, "/softmax")
    table = page.locator('.st-key-softmax-overflow [data-testid="stTable"]')
    table.scroll_into_view_if_needed()
    text = table.inner_text()
    assert "NaN" in text and "inf" in text
    assert "0.999955" in text  # softmax([1010, 1000, 990])₁ ≈ 0.99995
    page.wait_for_selector(".js-plotly-plot .heatmaplayer", state="attached", timeout=30_000)
