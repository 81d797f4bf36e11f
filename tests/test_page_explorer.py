"""The explorer page through the real router (AppTest): widgets by key, the URL, the warnings."""

from __future__ import annotations

import base64
import math

import numpy as np
import plotly.io as pio
import pytest

from activations import REGISTRY
from tests.apptest import open_page
from ui.strings import CATALOGUE

BAD_QUERIES = [
    {"fn": "nosuch"},
    {"fn": "leaky_relu", "alpha": "abc"},
    {"fn": "leaky_relu", "alpha": "3"},
    {"fn": "elu", "alpha": "-1"},
    {"fn": "swish", "beta": "1e9"},
    {"fn": "gelu", "approximate": "perhaps"},
    {"xmin": "4", "xmax": "-4"},
    {"xmin": "-1e7"},
    {"xmax": "1e300"},
    {"xmin": "NaN"},
    {"x0": "42"},
    {"x0": "x"},
    {"show": "?"},
]


def figure(at):
    charts = at.get("plotly_chart")
    assert len(charts) == 1
    return pio.from_json(charts[0].proto.spec)


def array(value) -> np.ndarray:
    """A trace array from the wire JSON: a list, or Plotly's typed-array form {dtype, bdata}."""
    if isinstance(value, dict):
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"]).astype(float)
    return np.asarray(value, dtype=float)


def trace(fig, name):
    (tr,) = [tr for tr in fig.data if tr.name == name]
    return array(tr.x), array(tr.y)


def latex(at) -> list[str]:
    return [e.value.strip().removeprefix("$$").removesuffix("$$").strip() for e in at.latex]


def open_tab(at, key: str, lang: int = 0):
    """Open a study tab (they run only while open) by its catalogue key, and rerun."""
    at.session_state["explorer.tab"] = CATALOGUE[key][lang]
    return at.run()


def exam_code(at) -> str:
    return open_tab(at, "explorer.code").code[0].value


def metrics(at):
    return {m.label: m.value for m in at.metric}


def test_default_view():
    at = open_page("explorer")
    assert not at.exception and not at.warning
    assert at.selectbox(key="explorer.fn").value == "sigmoid"
    fig = figure(at)
    x, y = trace(fig, "h(x)")
    np.testing.assert_allclose(y, 1 / (1 + np.exp(-x)), rtol=1e-12)
    assert (x[0], x[-1]) == (-5.0, 5.0)
    s1 = 1 / (1 + math.exp(-1))
    assert metrics(at) == {"h(1)": f"{s1:.6g}", "h'(1)": f"{s1 * (1 - s1):.6g}"}
    assert latex(at)[:2] == [REGISTRY["sigmoid"].latex, REGISTRY["sigmoid"].latex_grad]
    assert not at.code  # the closed tabs do not run
    assert at.title[0].value == "関数エクスプローラ"
    assert at.query_params["fn"] == "sigmoid"
    assert exam_code(at) == REGISTRY["sigmoid"].exam_source()
    assert not at.latex and not at.exception


@pytest.mark.parametrize("fn", list(REGISTRY))
def test_every_registry_function(fn):
    at = open_page("explorer")
    at.selectbox(key="explorer.fn").set_value(fn).run()
    assert not at.exception and not at.warning
    spec = REGISTRY[fn]
    assert at.query_params["fn"] == fn
    assert latex(at)[:2] == [spec.latex, spec.latex_grad]
    if spec.kind == "elementwise":
        assert len(at.get("plotly_chart")) == 1
    assert exam_code(at) == spec.exam_source()
    uses = spec.study.uses_ja[0]
    assert any(uses in md.value for md in open_tab(at, "explorer.study").markdown)
    if spec.kind == "elementwise":
        assert len(at.get("plotly_chart")) == 1
    else:  # no one-variable graph: a note pointing to the softmax lab
        assert not at.get("plotly_chart")
        assert "ソフトマックス・ラボ" in at.info[0].value
        assert at.get("page_link")
        assert set(at.query_params) == {"fn"}


def _param_cases():
    for fn, spec in REGISTRY.items():
        for p in spec.params:
            ends = (False, True) if p.kind == "bool" else (p.min, p.max)
            for end in ends:
                yield fn, p.name, end


@pytest.mark.parametrize("fn, name, end", list(_param_cases()))
def test_every_parameter_at_both_ends(fn, name, end):
    at = open_page("explorer", query={"fn": fn})
    widget_key = f"explorer.{fn}.{name}"
    widget = at.radio(key=widget_key) if isinstance(end, bool) else at.slider(key=widget_key)
    widget.set_value(end).run()
    assert not at.exception and not at.warning
    expected = ("tanh" if end else "none") if isinstance(end, bool) else end
    assert at.query_params[name] in (str(expected), repr(expected).removesuffix(".0"))
    fig = figure(at)
    x, y = trace(fig, "h(x)")
    np.testing.assert_allclose(y, REGISTRY[fn].fn(x, **{name: end}), rtol=1e-12)


def test_leaky_relu_deep_link_and_probe():
    at = open_page("explorer", query={"fn": "leaky_relu", "alpha": "0.2", "xmin": "-2",
                                      "xmax": "3", "x0": "-1"})
    assert not at.exception and not at.warning
    assert at.slider(key="explorer.leaky_relu.alpha").value == 0.2
    assert (at.number_input(key="explorer.xmin").value,
            at.number_input(key="explorer.xmax").value) == (-2.0, 3.0)
    # h(−1) = α·(−1) = −0.2 and h'(−1) = α = 0.2 (x ≤ 0 branch)
    assert metrics(at) == {"h(-1)": "-0.2", "h'(-1)": "0.2"}
    x, y = trace(figure(at), "h(x)")
    assert (x[0], x[-1]) == (-2.0, 3.0)
    assert y[0] == pytest.approx(-0.4)  # 0.2 · (−2)


def test_probe_moves_and_the_url_follows():
    at = open_page("explorer", query={"fn": "tanh"})
    at.number_input(key="explorer.x0").set_value(-0.5).run()
    assert not at.exception
    assert at.query_params["x0"] == "-0.5"
    th = math.tanh(-0.5)
    assert metrics(at) == {"h(-0.5)": f"{th:.6g}", "h'(-0.5)": f"{1 - th * th:.6g}"}
    fig = figure(at)
    tx, ty = trace(fig, "x₀ での接線")
    assert (ty[1] - ty[0]) / (tx[1] - tx[0]) == pytest.approx(1 - th * th, rel=1e-9)


def test_probe_on_a_kink_explains_the_convention():
    at = open_page("explorer", query={"fn": "relu", "x0": "0"})
    assert not at.exception
    assert metrics(at) == {"h(0)": "0", "h'(0)": "0"}
    assert any("不連続" in i.value and "慣例" in i.value for i in at.info)


@pytest.mark.parametrize("query", BAD_QUERIES, ids=lambda q: "&".join(f"{k}={v}" for k, v in q.items()))
def test_bad_query_params_warn_and_fall_back(query):
    at = open_page("explorer", query=query)
    assert not at.exception
    assert len(at.warning) >= 1
    assert "既定" in at.warning[0].value or "x₀ =" in at.warning[0].value
    assert len(at.get("plotly_chart")) == 1
    # the URL now holds the cleaned view, which parses without a warning
    again = open_page("explorer", query=dict(at.query_params))
    assert not again.warning


def _inputs(at) -> tuple[float, float, float]:
    return tuple(at.number_input(key=f"explorer.{k}").value for k in ("xmin", "xmax", "x0"))


def test_a_bad_range_typed_shows_the_fallback_in_the_inputs_and_the_chart():
    """Issue 16: xmin 3, xmax 20, then xmax 1 showed inputs (3, 1, 11.5) over a chart of
    (−5, 5) with x₀ = 1. The inputs now show what the chart uses, and the page says so."""
    at = open_page("explorer")
    at.number_input(key="explorer.xmin").set_value(3.0).run()
    at.number_input(key="explorer.xmax").set_value(20.0).run()
    assert not at.warning
    assert _inputs(at) == (3.0, 20.0, 4.0)  # x₀ = 1 left (3, 5): its middle, silently
    at.number_input(key="explorer.xmax").set_value(1.0).run()
    assert not at.exception
    (warning,) = at.warning
    assert "最小 3 ≥ 最大 1" in warning.value and "-5 〜 5" in warning.value
    x, _ = trace(figure(at), "h(x)")
    assert (x[0], x[-1]) == (-5.0, 5.0)
    probe = trace(figure(at), "プローブ x₀")[0]
    assert _inputs(at) == (x[0], x[-1], probe[0]) == (-5.0, 5.0, 4.0)
    assert (at.query_params["xmin"], at.query_params["xmax"], at.query_params["x0"]) == (
        "-5", "5", "4")
    at.number_input(key="explorer.xmax").set_value(8.0).run()  # the learner moves on
    assert not at.warning
    x, _ = trace(figure(at), "h(x)")
    assert (x[0], x[-1]) == (-5.0, 8.0) and _inputs(at) == (-5.0, 8.0, 4.0)


def test_a_probe_typed_outside_the_range_shows_the_one_used():
    at = open_page("explorer")
    at.number_input(key="explorer.x0").set_value(30.0).run()
    (warning,) = at.warning
    assert "x₀ = 30" in warning.value and "x₀ = 1 を使います" in warning.value
    assert _inputs(at)[2] == 1.0 == trace(figure(at), "プローブ x₀")[0][0]
    at.number_input(key="explorer.x0").set_value(2.0).run()
    assert not at.warning and _inputs(at)[2] == 2.0


def test_a_range_too_narrow_is_replaced_in_the_inputs_too():
    at = open_page("explorer")
    at.number_input(key="explorer.xmax").set_value(-4.9999).run()
    assert at.warning and _inputs(at)[:2] == (-5.0, 5.0)


def test_a_warning_goes_once_the_learner_moves_on():
    at = open_page("explorer", query={"fn": "elu", "alpha": "99"})
    assert at.warning and at.slider(key="explorer.elu.alpha").value == 1.0
    at.slider(key="explorer.elu.alpha").set_value(0.5).run()
    assert not at.warning and at.query_params["alpha"] == "0.5"


def test_hiding_curves():
    at = open_page("explorer", query={"fn": "relu"})
    at.toggle(key="explorer.show_grad").set_value(False).run()
    assert at.query_params["show"] == "h"
    assert [tr.name for tr in figure(at).data if tr.name.startswith("h'")] == []
    at.toggle(key="explorer.show_h").set_value(False).run()
    assert not at.exception and not at.get("plotly_chart") and at.info
    assert at.query_params["show"] == "none"


def test_moved_parameter_shows_the_default_reference():
    at = open_page("explorer", query={"fn": "elu", "alpha": "2"})
    names = [tr.name for tr in figure(at).data]
    assert "h(x)（既定値）" in names and "h'(x)（既定値）" in names
    assert any("既定値" in c.value and "α = 1" in c.value for c in at.caption)
    at = open_page("explorer", query={"fn": "gelu", "approximate": "tanh"})
    assert any("既定値（厳密 (erf)）" in c.value for c in at.caption)


def test_gelu_formula_follows_the_exact_tanh_switch():
    spec = REGISTRY["gelu"]
    at = open_page("explorer", query={"fn": "gelu", "approximate": "tanh"})
    shown = latex(at)[:2]
    assert shown == [spec.latex_for({"approximate": True}),
                     spec.latex_grad_for({"approximate": True})]
    assert all(r"\tanh" in f and "erf" not in f and r"\Phi" not in f for f in shown)
    code = exam_code(at)
    assert code == spec.exam_source({"approximate": True})
    assert "np.tanh" in code and "erf" not in code
    at.radio(key="explorer.gelu.approximate").set_value(False).run()
    assert "erf" in at.code[0].value  # the switch reran the whole page: the open tab follows
    open_tab(at, "explorer.formulas")
    assert latex(at)[:2] == [spec.latex, spec.latex_grad]
    assert "erf" in latex(at)[0]


def test_switching_away_and_back_restores_sane_widgets():
    at = open_page("explorer", query={"fn": "softmax"})
    at.selectbox(key="explorer.fn").set_value("elu").run()
    assert not at.exception and not at.warning
    assert at.number_input(key="explorer.xmin").value == -5.0
    assert at.slider(key="explorer.elu.alpha").value == 1.0


def test_english():
    at = open_page("explorer", query={"fn": "gelu", "approximate": "tanh"}, lang="en")
    assert not at.exception and not at.warning
    assert at.title[0].value == "Function explorer"
    assert REGISTRY["gelu"].name_en in at.selectbox(key="explorer.fn").options
    assert at.radio(key="explorer.gelu.approximate").value is True
    assert [tab.label for tab in at.tabs] == [CATALOGUE[k][1] for k in (
        "explorer.formulas", "explorer.study", "explorer.code")]
    open_tab(at, "explorer.study", lang=1)
    assert any(REGISTRY["gelu"].study.uses_en[0] in md.value for md in at.markdown)


def test_english_warning():
    at = open_page("explorer", query={"fn": "nosuch"}, lang="en")
    assert "There is no function" in at.warning[0].value


def test_drag_and_watch_hides_the_second_slider_and_keeps_the_value():
    """In drag and watch the chart's own slider moves α (a browser test drags it); the page's
    α slider is not drawn, and its value lives on for when the learner leaves the mode."""
    at = open_page("explorer", query={"fn": "elu", "alpha": "0.5"})
    at.toggle(key="explorer.morph").set_value(True).run()
    assert not at.exception
    assert not [s for s in at.slider if s.key == "explorer.elu.alpha"]
    fig = figure(at)
    steps = fig.layout.sliders[0].steps
    assert steps[fig.layout.sliders[0].active].label == "0.5"
    assert at.query_params["alpha"] == "0.5"
    assert any("指を離した値が α の値になり" in c.value for c in at.caption)
    at.toggle(key="explorer.morph").set_value(False).run()
    assert at.slider(key="explorer.elu.alpha").value == 0.5
