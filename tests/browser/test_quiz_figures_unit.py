"""The unit's quiz figures drawn by Plotly.js in Chromium at a phone's width (390 px, the
figure as wide as the page's column): no script error, nothing wider than the screen, no
two tick labels on top of each other, every label and note inside the picture."""

from __future__ import annotations

import json
from pathlib import Path

import plotly
import pytest
import streamlit  # noqa: F401  (the app's default template: figures are built as it builds them)
from pydantic import TypeAdapter

from plots.quiz_figures import CONFIG, make_question_figure
from quiz.figures import Figure

PHONE, COLUMN = 390, 358  # the viewport, and the main column inside Streamlit's padding
SPECS = [
    {"kind": "loss", "loss": "bce", "target": 1, "over": "logit", "derivative": True},
    {"kind": "loss", "loss": "bce", "target": 0.3, "derivative": True},
    {"kind": "loss", "loss": "huber", "target": -2, "delta": 0.5},
    {"kind": "trajectory", "surface": "textbook", "optimizer": "momentum"},
    {"kind": "trajectory", "surface": "rosenbrock", "optimizer": "adam", "hyper": {"lr": 0.05},
     "steps": 200, "view": "loss"},
    {"kind": "trajectory", "surface": "ill_conditioned", "optimizer": "sgd",
     "hyper": {"lr": 0.25}},
    {"kind": "trajectory", "surface": "saddle", "optimizer": "momentum", "view": "loss"},
    {"kind": "init_histograms", "activation": "relu", "init": "xavier"},
    {"kind": "init_histograms", "activation": "tanh", "init": "std1", "batchnorm": True},
    {"kind": "overfit", "method": "none", "early_stopping": True},
    {"kind": "overfit", "method": "l2", "strength": 0.03, "view": "gap"},
    {"kind": "numdiff", "fn": "sigmoid", "at": 1.0},
    {"kind": "numdiff", "fn": "gelu", "at": -2.0, "method": "forward"},
]

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
  const sizes = [...document.querySelectorAll('.xtick text, .ytick text')]
    .map(e => parseFloat(getComputedStyle(e).fontSize));
  return {svg: {l: svg.left, r: svg.right, t: svg.top, b: svg.bottom}, ticks, texts, sizes,
          width: document.documentElement.scrollWidth};
}"""


PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


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
    for name, labels in m["ticks"].items():  # no two tick labels of an axis overlap
        labels = sorted((b for b in labels if b["r"] > b["l"]), key=lambda b: (b["l"], b["t"]))
        for a, b in zip(labels, labels[1:], strict=False):
            apart = (a["r"] <= b["l"] + 0.5) if name.startswith("x") else (
                a["b"] <= b["t"] + 0.5 or b["b"] <= a["t"] + 0.5)
            assert apart, (name, a["text"], b["text"])
