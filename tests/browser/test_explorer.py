"""Home and explorer in a real Chromium: charts drawn, KaTeX rendered, the deep link's values."""

from __future__ import annotations

import math
import re

import pytest

from tests.browser.conftest import open_app, wait_rerun
from ui.strings import CATALOGUE

PLOT = ".js-plotly-plot"

# Every trace of the drawn chart as plain arrays. gd.data holds what the server sent: a list,
# or Plotly's typed-array form {dtype, bdata (base64)}, decoded here byte for byte.
READ_TRACES = """() => {
    const kinds = {f8: Float64Array, f4: Float32Array, i4: Int32Array, i2: Int16Array,
                   i1: Int8Array, u4: Uint32Array, u2: Uint16Array, u1: Uint8Array};
    const plain = v => {
        if (v == null) return [];
        if (v.bdata !== undefined) {
            const bytes = Uint8Array.from(atob(v.bdata), c => c.charCodeAt(0));
            return Array.from(new kinds[v.dtype](bytes.buffer));
        }
        return Array.from(v);
    };
    return Array.from(document.querySelector('.js-plotly-plot').data).map(
        t => ({name: t.name, x: plain(t.x), y: plain(t.y)}));
}"""


def leaky_relu(x: float, alpha: float) -> float:
    return x if x > 0 else alpha * x


def at_minus_one(trace) -> float:
    """The plotted value at x = −1: the sample there, or the line between its neighbours.

    Both h and h' are linear on x ≤ 0 for Leaky ReLU, so the line the chart draws between
    the two samples around −1 is the function itself: interpolating is exact, not a guess.
    """
    pts = sorted((x, y) for x, y in zip(trace["x"], trace["y"], strict=True)
                 if y is not None and y == y)  # NaN (None in JSON) marks a break
    for (x1, y1), (x2, y2) in zip(pts, pts[1:], strict=False):
        if x1 <= -1.0 <= x2 and x2 <= 0:
            return y1 if x1 == x2 else y1 + (y2 - y1) * (-1.0 - x1) / (x2 - x1)
    raise AssertionError("x = −1 is not inside the plotted negative branch")


def traces_by_name(page) -> dict[str, dict]:
    page.wait_for_selector(PLOT, state="visible", timeout=30_000)
    page.wait_for_function("() => (document.querySelector('.js-plotly-plot').data || []).length > 0")
    return {t["name"]: t for t in page.evaluate(READ_TRACES)}


def chart_and_formulas_visible(page) -> None:
    # Plotly's bundle loads after the script has finished: wait for the drawing itself
    page.wait_for_selector(PLOT, state="visible", timeout=30_000)
    page.wait_for_selector(".katex", state="visible", timeout=30_000)
    assert page.locator(f"{PLOT} .main-svg").count() >= 1


def test_home_renders_chart_and_formulas(page, app_url):
    open_app(page, app_url, "/")
    chart_and_formulas_visible(page)


def test_issue_deep_link_draws_leaky_relu_at_minus_one(page, app_url):
    open_app(page, app_url, "/explorer?fn=leaky_relu&alpha=0.2")
    chart_and_formulas_visible(page)
    traces = traces_by_name(page)
    alpha = 0.2
    assert at_minus_one(traces["h(x)"]) == pytest.approx(leaky_relu(-1.0, alpha), abs=1e-12)
    assert at_minus_one(traces["h'(x)"]) == pytest.approx(alpha, abs=1e-12)  # slope left of 0
    # the default α = 0.01 stays as the faint reference, and the slider shows 0.2
    assert at_minus_one(traces["h(x)（既定値）"]) == pytest.approx(leaky_relu(-1.0, 0.01))
    assert "alpha=0.2" in page.url
    # screen readers get the chart as a named figure
    alt = CATALOGUE["explorer.chart_alt"][0].format(name="Leaky ReLU")
    assert page.get_by_role("figure", name=alt, exact=True).count() == 1


@pytest.mark.parametrize("link", ["/explorer?fn=gelu&approximate=tanh", "/explorer?fn=mish"])
def test_multi_line_formulas_typeset(page, app_url, link):
    """The aligned (multi-line) formulas parse in KaTeX: no red error text, every line drawn."""
    open_app(page, app_url, link)
    chart_and_formulas_visible(page)
    main = page.locator('[data-testid="stMain"]')
    assert main.locator(".katex-error").count() == 0
    assert main.locator(".katex-display").count() >= 2
    assert main.locator(".katex-display .mtable").count() >= 1  # aligned became a table


def test_probe_marks_the_exact_point(page, app_url):
    open_app(page, app_url, "/explorer?fn=leaky_relu&alpha=0.2&x0=-1")
    probe = traces_by_name(page)["プローブ x₀"]
    assert probe["x"] == [-1.0, -1.0]
    assert probe["y"] == pytest.approx([leaky_relu(-1.0, 0.2), 0.2], abs=1e-15)


def test_bad_link_warns_without_exception(page, app_url):
    open_app(page, app_url, "/explorer?fn=nosuch&alpha=abc&xmin=3&xmax=1")
    warnings = page.locator('[data-testid="stAlertContentWarning"]')
    assert warnings.count() == 2
    assert "nosuch" in warnings.first.inner_text()
    page.wait_for_function("() => location.search.includes('fn=sigmoid')")
    page.wait_for_selector(PLOT, state="visible", timeout=30_000)


def test_widgets_write_the_url_and_the_language_toggle_keeps_the_view(page, app_url):
    open_app(page, app_url, "/explorer?fn=gelu&approximate=tanh&x0=0.5")
    page.get_by_text("厳密 (erf)", exact=True).click()
    page.wait_for_function("() => location.search.includes('approximate=none')")
    page.locator('[data-testid="stSidebar"]').get_by_text("English").click()
    page.wait_for_selector("text=Function explorer")
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]')
    assert re.search(r"fn=gelu", page.url) and "approximate=none" in page.url
    assert page.locator('[data-testid="stException"]').count() == 0
    # still GELU, exact form, probe at 0.5: x·Φ(x) with Φ from math.erf
    page.wait_for_function("() => document.querySelector('.js-plotly-plot').data"
                           ".some(t => t.name === 'probe x₀')")
    probe = traces_by_name(page)["probe x₀"]
    assert probe["y"][0] == pytest.approx(0.5 * 0.5 * (1 + math.erf(0.5 / math.sqrt(2))),
                                          rel=1e-12)


def test_drag_and_watch_morphs_alpha_without_a_rerun_and_keeps_where_it_ends(page, app_url):
    open_app(page, app_url, "/explorer?fn=leaky_relu")
    page.get_by_text("α をドラッグ", exact=True).click()
    page.wait_for_selector(f"{PLOT} .slider-container", timeout=30_000)
    assert page.evaluate(f"() => document.querySelector('{PLOT}')._transitionData._frames"
                         ".length") == 22  # 0, 0.05, …, 1 and α = 0.01 itself
    labels = page.locator(f"{PLOT} .slider-labels .slider-label").all_text_contents()
    assert labels and all(float(v) * 20 == round(float(v) * 20) for v in labels), labels
    page.evaluate("() => { window.__runs = 0; new MutationObserver(() => { if (document"
                  ".querySelector('[data-testid=\"stApp\"]').dataset.testScriptState === "
                  "'running') window.__runs++; }).observe(document.querySelector("
                  "'[data-testid=\"stApp\"]'), {attributes: true}); }")
    rail = page.locator(f"{PLOT} .slider-rail-rect").bounding_box()
    y = rail["y"] + rail["height"] / 2
    page.mouse.move(rail["x"] + 2, y)
    page.mouse.down()
    for frac in (0.2, 0.45, 0.7):  # a drag across the rail, frame by frame
        page.mouse.move(rail["x"] + frac * rail["width"], y, steps=4)
    page.wait_for_timeout(300)
    label = page.locator(f"{PLOT} .slider-label").filter(has_text="α =").text_content()
    alpha = float(label.split("=")[1])
    assert 0.5 <= alpha <= 0.9  # the slider moved with the mouse
    h = traces_by_name(page)["h(x)"]
    assert at_minus_one(h) == pytest.approx(leaky_relu(-1.0, alpha), abs=1e-12)
    assert page.evaluate("() => window.__runs") == 0  # no round trip while dragging
    assert "alpha=0.01" in page.url
    page.mouse.up()  # where the drag ends becomes α, in the URL too, and stays after the mode
    page.wait_for_function(f"() => location.search.includes('alpha={alpha:g}')")
    wait_rerun(page)
    page.get_by_text("α をドラッグ", exact=True).click()
    wait_rerun(page)
    h = traces_by_name(page)["h(x)"]
    assert at_minus_one(h) == pytest.approx(leaky_relu(-1.0, alpha), abs=1e-12)
    thumb = page.locator('[data-testid="stSlider"] input[type=range]').first
    assert float(thumb.input_value()) == pytest.approx(alpha)


def test_a_click_on_the_chart_moves_the_probe(page, app_url):
    open_app(page, app_url, "/explorer?fn=relu&xmin=-5&xmax=5")
    box = page.locator(f"{PLOT} .nsewdrag").first.bounding_box()
    # x = −2.5 is a quarter of the way along the x-axis; click on the h'(x) = 0 line there
    page.wait_for_function(f"() => document.querySelector('{PLOT}')._fullLayout")
    px = page.evaluate(f"() => {{ const gd = document.querySelector('{PLOT}'); const xa = "
                       "gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis; return "
                       "[xa._offset + xa.l2p(-2.5), ya._offset + ya.l2p(0)]; }")
    page.mouse.click(box["x"] - page.evaluate(f"() => document.querySelector('{PLOT}')"
                                              "._fullLayout.xaxis._offset") + px[0],
                     box["y"] - page.evaluate(f"() => document.querySelector('{PLOT}')"
                                              "._fullLayout.yaxis._offset") + px[1])
    page.wait_for_function("() => /x0=-2\\.[45]/.test(location.search)", timeout=30_000)
    probe = traces_by_name(page)["プローブ x₀"]
    assert -2.6 < probe["x"][0] < -2.4 and probe["y"] == [0.0, 0.0]  # ReLU and ReLU' at x < 0
