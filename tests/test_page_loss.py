"""The loss lab through the real router (AppTest): every control by key, both languages, links
and bad input. Chart data is checked against the formulas written out, not the page's code."""

from __future__ import annotations

import base64
import math

import numpy as np
import plotly.io as pio
import pytest

from tests.apptest import open_page
from tests.speakable import unspeakable_labels
from ui.strings.loss_lab import STRINGS


def figures(at):
    return {c.proto.id.rsplit("-", 1)[-1]: pio.from_json(c.proto.spec)
            for c in at.get("plotly_chart")}


def values(data) -> list[float]:
    """A trace array from the wire JSON: a list, or Plotly's typed-array form {dtype, bdata}."""
    if isinstance(data, dict):
        return np.frombuffer(base64.b64decode(data["bdata"]), dtype=data["dtype"]).tolist()
    return [float(v) for v in np.asarray(data, dtype=float).ravel()]


def probe(fig) -> list[float]:
    """x₁, y₁, x₂, y₂ of the probe markers (the first marker trace)."""
    tr = next(tr for tr in fig.data if tr.mode == "markers")
    return [v for xy in zip(values(tr.x), values(tr.y), strict=True) for v in xy]


def sigmoid(a: float) -> float:
    return 1 / (1 + math.exp(-a))


def page_text(at) -> str:
    parts = [e.value for kind in ("title", "subheader", "markdown", "caption", "info", "success",
                                  "warning", "error") for e in getattr(at, kind)]
    parts += [w.label for kind in ("slider", "radio", "text_input", "number_input")
              for w in getattr(at, kind)]
    for table in at.table:
        parts += [str(c) for c in table.value.columns]
        parts += [str(v) for v in table.value.to_numpy().ravel()]
    return "\n".join(parts)


def test_default_view():
    at = open_page("loss")
    assert not at.exception and not at.warning
    assert at.title[0].value == "損失関数ラボ"
    figs = figures(at)
    assert set(figs) == {"loss.curves_chart", "loss.logit_chart", "loss.routes_chart"}
    # t = 1, y = 0.2: BCE = −log 0.2, ∂E/∂y = −1/0.2; ½(y − t)² = 0.32, y − t = −0.8
    assert probe(figs["loss.curves_chart"]) == pytest.approx(
        [0.2, -math.log(0.2), 0.2, 0.32], rel=1e-12)
    s = sigmoid(-5.0)  # a = −5, t = 1
    assert probe(figs["loss.logit_chart"]) == pytest.approx(
        [-5.0, 1 - s, -5.0, (1 - s) * s * (1 - s)], rel=1e-12)
    e = [math.exp(v) for v in (2.0, 1.0, 0.1)]
    y = [v / sum(e) for v in e]
    routes = figs["loss.routes_chart"]
    assert values(routes.data[0].y) == pytest.approx([y[0] - 1, y[1], y[2]], rel=1e-12)
    assert values(routes.data[1].y) == pytest.approx([y[0] - 1, y[1], y[2]], rel=1e-12)
    assert at.latex and at.code
    assert "150 分の 1" in at.info[0].value  # the stall, at the default a = −5


def test_safety_table_and_the_computed_cap():
    at = open_page("loss")
    table = at.table[-1].value
    rows = {r[1]: r for r in table.itertuples(index=False)}  # by y
    assert rows["0"][2] == "inf" and rows["0"][3] == "16.1181" and rows["0"][4] == "800"
    assert rows["1e-300"][2] == "690.776" and rows["1e-300"][3] == "16.1181"
    assert f"{-math.log(1e-7):.1f}" in at.info[-1].value  # −log(1e-7) ≈ 16.1


def test_extra_logit_adds_a_row():
    at = open_page("loss")
    n = len(at.table[-1].value)
    at.number_input(key="loss.extra_a").set_value(-30.0).run()
    assert not at.exception
    table = at.table[-1].value
    assert len(table) == n + 1
    assert list(table.iloc[-1]) == ["-30", f"{sigmoid(-30.0):.6g}", "30", "16.1181", "30"]


@pytest.mark.parametrize(("t", "y", "url"), [(0.0, 0.999, {"t": "0", "y": "0.999"}),
                                             (0.5, 0.001, {"t": "0.5", "y": "0.001"}),
                                             (1.0, 0.5, {"y": "0.5"})])  # t = 1: the default
def test_target_and_prediction(t, y, url):
    at = open_page("loss")
    at.slider(key="loss.t").set_value(t).run()
    at.slider(key="loss.y").set_value(y).run()
    assert not at.exception and not at.warning
    bce = -(t * math.log(y) + (1 - t) * math.log(1 - y))
    assert probe(figures(at)["loss.curves_chart"]) == pytest.approx(
        [y, bce, y, 0.5 * (y - t) ** 2], rel=1e-12, abs=1e-15)
    assert {k: at.query_params[k] for k in ("t", "y") if k in at.query_params} == url


@pytest.mark.parametrize(("a", "ta", "stall"), [(-10.0, 1, True), (10.0, 1, False),
                                                (4.0, 0, True), (-3.0, 0, False),
                                                (-1.0, 1, False)])  # wrong, not saturated
def test_logit_and_its_target(a, ta, stall):
    at = open_page("loss")
    at.slider(key="loss.a").set_value(a).run()
    at.radio(key="loss.ta").set_value(ta).run()
    assert not at.exception
    s = sigmoid(a)
    assert probe(figures(at)["loss.logit_chart"]) == pytest.approx(
        [a, abs(s - ta), a, abs((s - ta) * s * (1 - s))], rel=1e-12)
    ratio = 1 / (s * (1 - s))
    digits = f"{float(f'{ratio:.2g}'):,.0f}" if ratio >= 1000 else f"{ratio:.3g}"
    message = at.info[0].value
    assert f"約 {digits} 分の 1" in message
    assert ("反対側で飽和しています" in message) == stall


def test_softmax_logits_and_label():
    at = open_page("loss")
    at.text_input(key="loss.logits").set_value("1, 2, 3, 4").run()
    at.number_input(key="loss.label").set_value(2).run()  # from 0, as the textbook: the third
    assert not at.exception and not at.warning
    e = [math.exp(v) for v in (1.0, 2.0, 3.0, 4.0)]
    want = [v / sum(e) - (k == 2) for k, v in enumerate(e)]
    routes = figures(at)["loss.routes_chart"]
    assert values(routes.data[0].y) == pytest.approx(want, rel=1e-12)
    assert values(routes.data[1].y) == pytest.approx(want, rel=1e-12)
    assert "損失 E = " + f"{-math.log(e[2] / sum(e)):.6g}" in at.success[0].value
    assert at.query_params["label"] == "2" and at.query_params["logits"] == "1, 2, 3, 4"
    assert list(at.table[2].value.iloc[:, 0]) == ["0", "1", "2", "3"]


def test_the_jacobian_route_breaks_visibly():
    at = open_page("loss")
    at.text_input(key="loss.logits").set_value("0, 1000, 0").run()
    assert not at.exception
    message = at.error[0].value
    assert message.startswith("正解クラスの y が 0 にアンダーフローしました")  # e^-1000 = 0 exactly
    assert "0 での割り算" in message and "E = 1000）" in message  # E = 1000, finite
    assert values(figures(at)["loss.routes_chart"].data[0].y) == [-1.0, 1.0, 0.0]


@pytest.mark.parametrize(("text", "message"), [
    ("", "空です"),
    ("1, x, 3", "「x」は数値として読めません"),
    ("一, 二", "「一」は数値として読めません"),
    ("1, nan", "有限の数ではありません"),
    ("1, 1e9", "大きすぎます"),
    ("7", "2 個以上"),
])
def test_bad_logits_warn_in_japanese_and_fall_back(text, message):
    at = open_page("loss")
    at.text_input(key="loss.logits").set_value(text).run()
    assert not at.exception
    assert message in at.warning[0].value and "2, 1, 0.1" in at.warning[0].value
    assert len(values(figures(at)["loss.routes_chart"].data[0].y)) == 3


def test_the_jacobian_route_overflows_at_a_subnormal_y():
    at = open_page("loss")
    at.text_input(key="loss.logits").set_value("0, 710").run()  # y = e^-710 ≈ 4.5e-309 > 0
    message = at.error[0].value
    assert message.startswith("正解クラスの y = 4.47") and "float64 の範囲を超え" in message


def test_a_label_beyond_the_classes_warns_and_uses_class_0():
    at = open_page("loss")
    assert at.number_input(key="loss.label").value == 0  # the first class, as the textbook counts
    at.number_input(key="loss.label").set_value(3).run()
    assert not at.exception
    assert at.warning[0].value == ("正解ラベル 3 のクラスはありません（クラスは 3 個で、番号は 0〜2）。"
                                   "クラス 0 を使います。")
    e = [math.exp(v) for v in (2.0, 1.0, 0.1)]
    assert values(figures(at)["loss.routes_chart"].data[0].y)[0] == pytest.approx(
        e[0] / sum(e) - 1, rel=1e-12)


def test_a_link_sets_every_control():
    query = {"t": "0", "y": "0.9", "a": "3", "ta": "0", "logits": "1,2", "label": "1"}
    at = open_page("loss", query=query)
    assert not at.exception and not at.warning
    assert at.slider(key="loss.t").value == 0.0 and at.slider(key="loss.y").value == 0.9
    assert at.slider(key="loss.a").value == 3.0 and at.radio(key="loss.ta").value == 0
    assert at.text_input(key="loss.logits").value == "1,2"
    assert at.number_input(key="loss.label").value == 1


def test_a_bad_link_warns_in_japanese_and_falls_back():
    at = open_page("loss", query={"t": "abc", "y": "5", "ta": "2", "label": "0.5"})
    assert not at.exception
    warnings = [w.value for w in at.warning]
    assert any("t=「abc」は数値として読めません" in w for w in warnings)
    assert any("y=5 は範囲外です" in w for w in warnings)
    assert any("ta=2 は使えない値です" in w for w in warnings)
    assert any("label=0.5 は使えない値です" in w for w in warnings)
    assert at.slider(key="loss.t").value == 1.0 and at.slider(key="loss.y").value == 0.2
    at.slider(key="loss.a").set_value(1.0).run()  # warned once, not on every rerun
    assert not at.warning


def test_a_zero_logit_is_on_the_boundary():
    at = open_page("loss")
    for ta in (1, 0):
        at.radio(key="loss.ta").set_value(ta).run()
        at.slider(key="loss.a").set_value(0.0).run()
        message = at.info[0].value
        assert message.startswith("出力 y = σ(0) = 0.5 はちょうど境目で")
        assert "正解の側にあります" not in message and "BCE の 4 分の 1" in message  # 1/σ′(0)


def test_the_stall_message_reads_as_a_rounded_number():
    at = open_page("loss")
    at.slider(key="loss.a").set_value(-10.0).run()
    s = sigmoid(-10.0)
    assert round(1 / (s * (1 - s)), -3) == 22000
    assert "間違っているのに、二乗誤差の勾配は BCE の 約 22,000 分の 1" in at.info[0].value
    assert any("BCE の 約 150 分の 1 です" in m.value for m in at.markdown)  # the intro, a = −5


def test_the_bce_formulas_use_y_as_the_rest_of_the_page():
    at = open_page("loss")
    bce = [x.value.strip("$\n") for x in at.latex][:2]
    assert bce[0] == r"E = -\left(t \log y + (1 - t)\log(1 - y)\right)"
    assert bce[1].startswith(r"\frac{\partial E}{\partial y}")
    assert not any("p は予測" in c.value for c in at.caption)


def test_a_slightly_negative_textbook_loss_is_explained():
    at = open_page("loss")
    assert not any("わずかに負" in c.value for c in at.caption)
    at.number_input(key="loss.extra_a").set_value(1000.0).run()
    row = at.table[-1].value.iloc[-1]
    assert list(row)[:2] == ["1000", "1"] and float(row.iloc[3]) < 0  # −log(1 + 1e-7)
    note = next(c.value for c in at.caption if "わずかに負" in c.value)
    assert f"= {-math.log1p(1e-7):.6g}" in note
    assert at.query_params["extra"] == "1000"  # and a link brings it back
    again = open_page("loss", query={"extra": "1000"})
    assert not again.warning and again.number_input(key="loss.extra_a").value == 1000.0
    assert list(again.table[-1].value.iloc[-1])[:2] == ["1000", "1"]


def test_a_link_warning_quotes_what_was_typed():
    at = open_page("loss", query={"y": "1e400", "extra": "abc"})
    warnings = [w.value for w in at.warning]
    assert "URL の y=1e400 は範囲外です（0.001〜0.999）。既定値 0.2 を使います。" in warnings
    assert "URL の extra=「abc」は使えません（−1000〜1000 の数）。表に行を加えません。" in warnings


def test_english():
    at = open_page("loss", lang="en")
    assert not at.exception
    assert at.title[0].value == "Loss lab"
    assert "150 times smaller" in at.info[0].value


def english_heads() -> dict[str, str]:
    """The start of every English string that differs from its Japanese one (long enough to
    be unmistakable), up to its first field."""
    heads = {}
    for key, (ja, en) in STRINGS.items():
        head = en.split("{")[0].strip()
        if ja != en and len(head) >= 12 and any(c.isalpha() and c.isascii() for c in head):
            heads[key] = head
    return heads


def test_no_english_on_the_japanese_page():
    text = page_text(open_page("loss"))
    assert [key for key, head in english_heads().items() if head in text] == []
    # the check can fail: the English page shows many of the same heads
    assert len([h for h in english_heads().values() if h in page_text(open_page("loss", lang="en"))]) > 20


def test_language_switch_keeps_the_controls():
    at = open_page("loss")
    at.slider(key="loss.a").set_value(2.0).run()
    at.radio(key="loss.ta").set_value(0).run()
    at.session_state["lang"] = "en"
    at.run()
    assert not at.exception
    assert at.slider(key="loss.a").value == 2.0 and at.radio(key="loss.ta").value == 0


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_labels_are_speakable(lang):
    at = open_page("loss", lang=lang)
    assert not at.exception
    assert unspeakable_labels(at) == []
