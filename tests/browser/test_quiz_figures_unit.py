"""The unit's quiz figures drawn by Plotly.js in Chromium at a phone's width (390 px, the
figure as wide as the page's column): no script error, nothing wider than the screen, no
two tick labels on top of each other, every label and note inside the picture, no axis title
on a tick label; and the same figures as the quiz draws them (st.plotly_chart, whose theme
pads the plot area: that put the titles on the tick labels, which Plotly.js alone does not
show)."""

from __future__ import annotations

import json
from pathlib import Path

import plotly
import pytest
import streamlit  # noqa: F401  (the app's default template: figures are built as it builds them)
from pydantic import TypeAdapter

from plots.quiz_figures import CONFIG, make_question_figure
from quiz.figures import Figure
from tests.browser.conftest import READY, assert_no_exception, serve_app
from tests.browser.figure_specs import SPECS
from tests.conftest import ROOT

PHONE, COLUMN = 390, 358  # the viewport, and the main column inside Streamlit's padding

# every text Plotly draws in the figure, with its box and the axis it belongs to
MEASURE = """() => {
  const svg = document.querySelector('.main-svg').getBoundingClientRect();
  const box = (e) => { const r = e.getBoundingClientRect();
    return {l: r.left, r: r.right, t: r.top, b: r.bottom, text: e.textContent}; };
  const ticks = {};
  for (const g of document.querySelectorAll('.xaxislayer-above, .yaxislayer-above')) {
    const name = g.classList.contains('xaxislayer-above') ? 'x' : 'y';
    ticks[name + Object.keys(ticks).length] = [...g.querySelectorAll('text')].map(box);
  }
  const texts = [...document.querySelectorAll('.main-svg text')].filter(e => e.textContent)
    .map(box).filter(b => b.r > b.l);  // Plotly keeps hidden labels at size 0
  const titles = [...document.querySelectorAll('.g-xtitle text, .g-ytitle text')]
    .filter(e => e.textContent).map(box);
  const tickBoxes = [...document.querySelectorAll('.xtick text, .ytick text')]
    .map(box).filter(b => b.r > b.l);
  const sizes = [...document.querySelectorAll('.xtick text, .ytick text')]
    .map(e => parseFloat(getComputedStyle(e).fontSize));
  return {svg: {l: svg.left, r: svg.right, t: svg.top, b: svg.bottom}, ticks, texts, sizes,
          titles, tickBoxes, width: document.documentElement.scrollWidth};
}"""


PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def _clear(title: dict, tick: dict) -> bool:
    """An axis title apart from a tick label (their line boxes overhang the glyphs by a few
    px: a title 2 px under its labels touches them so)."""
    return (title["r"] <= tick["l"] + 4 or tick["r"] <= title["l"] + 4
            or title["b"] <= tick["t"] + 4 or tick["b"] <= title["t"] + 4)


@pytest.fixture  # a fresh page per figure: nothing of the last drawing is left to measure
def phone(browser):
    """A phone-sized page with Plotly.js loaded, for one figure."""
    context = browser.new_context(viewport={"width": PHONE, "height": 700}, locale="ja-JP")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.set_content(f'<div id="fig" style="width: {COLUMN}px"></div>')
    page.add_script_tag(path=str(PLOTLY_JS))
    yield page, errors
    context.close()


@pytest.mark.parametrize("fields", SPECS, ids=lambda f: "-".join(str(v) for v in f.values())[:60])
def test_a_unit_figure_reads_at_390_px(phone, fields):
    page, errors = phone
    fig = make_question_figure(TypeAdapter(Figure).validate_python(fields), "A")
    spec = json.loads(fig.to_json())
    page.evaluate("""async ([fig, config]) => {
        const div = document.getElementById('fig');
        Plotly.purge(div);
        await Plotly.newPlot(div, fig.data, fig.layout, config);
    }""", [spec, CONFIG])
    # Plotly may redraw once more after newPlot resolves, to fit its automatic margins: on a
    # busy machine the first reading can come before that; read until two agree
    m = page.evaluate(MEASURE)
    for _ in range(20):
        page.wait_for_timeout(150)
        again = page.evaluate(MEASURE)
        if again == m:
            break
        m = again
    assert errors == []
    assert m["width"] <= PHONE
    assert min(m["sizes"]) >= 9  # tick labels a phone can read
    svg = m["svg"]
    for t in m["texts"]:  # every label and note inside the picture (a glyph's box overhangs
        # its drawing by a few px: the letter's box at the top does by 2)
        assert svg["l"] - 3 <= t["l"] and t["r"] <= svg["r"] + 3, t
        assert svg["t"] - 3 <= t["t"] and t["b"] <= svg["b"] + 3, t
    for title in m["titles"]:  # an axis title clear of every tick label
        for tick in m["tickBoxes"]:
            assert _clear(title, tick), (title, tick)
    for name, labels in m["ticks"].items():  # no two tick labels of an axis overlap
        labels = sorted((b for b in labels if b["r"] > b["l"]), key=lambda b: (b["l"], b["t"]))
        for a, b in zip(labels, labels[1:], strict=False):
            apart = (a["r"] <= b["l"] + 0.5) if name.startswith("x") else (
                a["b"] <= b["t"] + 0.5 or b["b"] <= a["t"] + 0.5)
            assert apart, (name, a["text"], b["text"])


HARNESS_MEASURE = """() => [...document.querySelectorAll('.js-plotly-plot')].map(plot => {
  const box = (e) => { const r = e.getBoundingClientRect();
    return {l: r.left, r: r.right, t: r.top, b: r.bottom, text: e.textContent}; };
  const all = (sel) => [...plot.querySelectorAll(sel)].filter(e => e.textContent).map(box)
    .filter(b => b.r > b.l);
  return {xtitle: all('.g-xtitle text'), ytitle: all('.g-ytitle text'),
          xticks: all('.xtick text'), yticks: all('.ytick text')};
})"""


@pytest.fixture(scope="module")
def harness_url():
    with serve_app(script="tests/browser/figure_harness.py", PYTHONPATH=str(ROOT)) as url:
        yield url


def test_in_the_app_no_axis_title_sits_on_a_tick_label(browser, harness_url):
    context = browser.new_context(viewport={"width": PHONE, "height": 844}, locale="ja-JP")
    page = context.new_page()
    try:
        page.goto(harness_url)
        page.get_by_text(f"shown={len(SPECS)}").wait_for(timeout=120_000)
        page.wait_for_function(f"document.querySelectorAll('.js-plotly-plot .xtick').length "
                               f">= {len(SPECS)}", timeout=120_000)
        page.wait_for_selector(READY, timeout=120_000)
        page.wait_for_timeout(1000)  # Plotly's margin redraw
        assert_no_exception(page)
        charts = page.evaluate(HARNESS_MEASURE)
    finally:
        context.close()
    assert len(charts) == len(SPECS)
    for fields, chart in zip(SPECS, charts, strict=True):
        assert chart["xticks"], fields
        # the x title under the x tick labels, the y title left of the y ones (their line
        # boxes overhang the glyphs by up to 5 px: a title 2 px away touches them so; a title
        # on the tick labels' row overlapped them by 11)
        for title in chart["xtitle"]:
            assert title["t"] >= max(t["b"] for t in chart["xticks"]) - 6, (fields, title)
        for title in chart["ytitle"]:
            assert title["r"] <= min(t["l"] for t in chart["yticks"]) + 6, (fields, title)
