"""The gated activations' section of /compare (AppTest): folded under the lab, in Japanese or
in English, its figure and caption from the core."""

from __future__ import annotations

import plotly.io as pio

from activations import glu, swiglu
from activations.registry import docstring_latex
from plots.gated import gate_facts
from tests.apptest import open_page


def _section(at):
    (exp,) = [e for e in at.expander if e.label.startswith(("ゲート付き", "Gated"))]
    return exp


def test_section_in_japanese():
    at = open_page("compare")
    assert not at.exception
    exp = _section(at)
    assert exp.label == "ゲート付き活性化（GLU・SwiGLU）"
    assert [m.value for m in exp.latex] == [f"$$\n{docstring_latex(f)}\n$$" for f in (glu, swiglu)]
    body = exp.markdown[0].value
    for claim in ("ゲート", "前半 $a$ と後半 $b$", "幅は入力の半分", "要素ごとに働く関数ではありません",
                  "LLaMA", "FFN"):
        assert claim in body
    facts = gate_facts()
    caption = exp.caption[-1].value
    assert f"\\sigma(b) \\approx {facts['sigma_open']:.3f}" in caption
    assert f"\\sigma(b) \\approx {facts['sigma_shut']:.3f}" in caption
    charts = [c for c in exp.get("plotly_chart") if c.proto.id.endswith("-compare.gated_figure")]
    fig = pio.from_json(charts[0].proto.spec)
    assert fig.layout.xaxis2.title.text == "a（入力の前半）"
    assert [tr.name for tr in fig.data if tr.showlegend][0] == "b = 4"


def test_section_in_english():
    at = open_page("compare", lang="en")
    assert not at.exception
    exp = _section(at)
    assert exp.label == "Gated activations (GLU, SwiGLU)"
    assert "half as wide" in exp.markdown[0].value
    fig = pio.from_json(exp.get("plotly_chart")[0].proto.spec)
    assert fig.layout.yaxis.title.text == "Output"
