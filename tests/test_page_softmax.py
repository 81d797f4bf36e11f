"""The softmax lab through the real router (AppTest): widgets by key, warnings, language."""

from __future__ import annotations

import base64
import math

import numpy as np
import plotly.io as pio
import pytest

from tests.apptest import open_page


def figures(at):
    return [pio.from_json(c.proto.spec) for c in at.get("plotly_chart")]


def values(data) -> list[float]:
    """A trace array from the wire JSON: a list, or Plotly's typed-array form {dtype, bdata}."""
    if isinstance(data, dict):
        return np.frombuffer(base64.b64decode(data["bdata"]), dtype=data["dtype"]).tolist()
    return [float(v) for v in np.asarray(data, dtype=float).ravel()]


def probabilities(at) -> list[float]:
    return values(figures(at)[0].data[0].y)


def test_default_view():
    at = open_page("softmax")
    assert not at.exception and not at.warning
    assert at.title[0].value == "ソフトマックス・ラボ"
    probs, jac, shift = figures(at)
    # softmax([2, 1, 0.1]) = e^{x_i} / Σ e^{x_j}, written out here
    e = [math.exp(2.0), math.exp(1.0), math.exp(0.1)]
    assert values(probs.data[0].y) == pytest.approx([v / sum(e) for v in e], rel=1e-12)
    assert len(probs.data) == 1  # T = 1: no reference series
    assert jac.data[0].type == "heatmap"
    assert len(shift.data) == 2
    assert at.latex and at.code


def test_the_classic_overflow_example_shows_nan_next_to_the_right_answer():
    at = open_page("softmax")
    table = at.table[1].value  # one row per quantity, one column per class
    assert list(table.columns) == ["項目", "x₁", "x₂", "x₃"]
    rows = {r[0]: list(r[1:]) for r in table.itertuples(index=False)}
    assert rows["素朴な式の結果"] == ["NaN", "NaN", "NaN"]  # the naive result, honestly
    assert rows["exp(x)"] == ["inf", "inf", "inf"]
    stable = [float(v) for v in rows["安定な式の結果"]]
    assert stable == pytest.approx([0.99995, 4.54e-5, 2.06e-9], rel=1e-3)
    assert "NaN" in at.error[0].value


def test_small_logits_do_not_overflow():
    at = open_page("softmax")
    at.text_input(key="softmax.big").set_value("1, 2").run()
    assert not at.exception and not at.error
    assert "1010, 1000, 990" in at.info[0].value


@pytest.mark.parametrize("temperature", [0.1, 10.0])
def test_temperature_at_both_ends(temperature):
    at = open_page("softmax")
    at.slider(key="softmax.T").set_value(temperature).run()
    assert not at.exception and not at.warning
    probs = figures(at)[0]
    assert len(probs.data) == 2  # T and the faint T = 1 reference
    e = [math.exp(v / temperature) for v in (2.0, 1.0, 0.1)]
    assert values(probs.data[0].y) == pytest.approx([v / sum(e) for v in e], rel=1e-12)


@pytest.mark.parametrize(("text", "message"), [
    ("", "空です"),
    ("1, x, 3", "「x」は数値として読めません"),
    ("1, nan", "有限の数ではありません"),
    ("1, 1e9", "大きすぎます"),
    ("7", "2 個以上"),
    ("1,2,3,4,5,6,7,8,9,10,11", "10 個まで"),
])
def test_bad_logits_warn_and_fall_back(text, message):
    at = open_page("softmax")
    at.text_input(key="softmax.logits").set_value(text).run()
    assert not at.exception
    assert message in at.warning[0].value
    expected = 10 if "11" in text else 3
    assert len(probabilities(at)) == expected


def test_bad_big_logits_warn_too():
    at = open_page("softmax")
    at.text_input(key="softmax.big").set_value("abc").run()
    assert not at.exception
    assert "「abc」" in at.warning[0].value
    assert list(at.table[1].value.iloc[2, 1:]) == ["NaN", "NaN", "NaN"]  # back to 1010, 1000, 990


def test_ten_classes():
    at = open_page("softmax")
    at.text_input(key="softmax.logits").set_value(", ".join(str(i) for i in range(10))).run()
    assert not at.exception and not at.warning
    assert len(values(figures(at)[1].data[0].z)) == 100


@pytest.mark.parametrize("c", [-1000.0, 1000.0])
def test_shift_at_both_ends_changes_nothing(c):
    at = open_page("softmax")
    at.slider(key="softmax.c").set_value(c).run()
    assert not at.exception
    shift = figures(at)[2]
    assert values(shift.data[1].y) == pytest.approx(values(shift.data[0].y), rel=1e-12)


@pytest.mark.parametrize(("a", "b"), [(-1000.0, 1000.0), (1000.0, 1000.0), (3.0, -2.0)])
def test_two_classes_at_the_ends(a, b):
    at = open_page("softmax")
    at.number_input(key="softmax.two_a").set_value(a).run()
    at.number_input(key="softmax.two_b").set_value(b).run()
    assert not at.exception
    via_softmax, via_sigmoid = (float(m.value) for m in at.metric)
    ref = 1 / (1 + math.exp(-(a - b))) if a - b > -700 else 0.0
    assert via_softmax == pytest.approx(ref, rel=1e-11, abs=1e-300)
    assert via_sigmoid == pytest.approx(ref, rel=1e-11, abs=1e-300)


def test_english():
    at = open_page("softmax", lang="en")
    assert not at.exception
    assert at.title[0].value == "Softmax lab"
    at.text_input(key="softmax.logits").set_value("1, two").run()
    assert "'two' is not a number" in at.warning[0].value


def test_deep_link_sets_logits_and_temperature():
    at = open_page("softmax", query={"logits": "1,2,3", "T": "0.5"})
    assert not at.exception and not at.warning
    assert at.slider(key="softmax.T").value == 0.5
    e = [math.exp(v / 0.5) for v in (1.0, 2.0, 3.0)]
    assert probabilities(at) == pytest.approx([v / sum(e) for v in e], rel=1e-12)


@pytest.mark.parametrize(("query", "message"), [
    ({"T": "0"}, "温度 T は"),
    ({"T": "abc"}, "温度 T は"),
    ({"logits": "1,abc"}, "「abc」は数値として読めません"),
    ({"logits": "5"}, "2 個以上"),
    ({"logits": "1,1e400"}, "有限の数ではありません"),
])
def test_bad_query_params_warn_and_fall_back(query, message):
    at = open_page("softmax", query=query)
    assert not at.exception
    assert any(message in w.value for w in at.warning)
    assert len(probabilities(at)) == 3  # the default logits 2, 1, 0.1


def test_the_view_goes_into_the_url():
    at = open_page("softmax")
    at.text_input(key="softmax.logits").set_value("3, 1").run()
    at.slider(key="softmax.T").set_value(2.0).run()
    assert (at.query_params["logits"], at.query_params["T"]) == ("3, 1", "2")
