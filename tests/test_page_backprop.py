"""/backprop through the real router (AppTest): stepping, editing the inputs, bad input, the
bug switch, both languages. The numbers on the page are checked against the formulas written
out here, not against the page's own code."""

from __future__ import annotations

import re

import numpy as np
import pytest

from tests.apptest import open_page
from tests.speakable import unspeakable_labels

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def dot(at) -> str:
    charts = at.get("graphviz_chart")
    assert len(charts) == 1
    return charts[0].proto.spec


def red(at) -> list[str]:
    """The gradients drawn on the graph (red), in edge order."""
    return re.findall(r'<FONT COLOR="#c62828">([^<]*)</FONT>', dot(at))


def blue(at) -> list[str]:
    return re.findall(r'<FONT COLOR="#1f4e9c">([^<]*)</FONT>', dot(at))


def codes(at) -> str:
    return "\n".join(c.value for c in at.code)


def press(at, key: str, times: int = 1):
    for _ in range(times):
        at.button(key=key).click().run()
        assert not at.exception
    return at


def test_default_view_starts_at_step_0_of_the_apple_example():
    at = open_page("backprop")
    assert not at.exception and not at.warning
    assert at.title[0].value == "誤差逆伝播ラボ"
    assert at.selectbox(key="backprop.example").value == "apple"
    assert at.slider(key="backprop.step.apple").value == 0
    assert at.button(key="backprop.prev").disabled
    assert "ステップ 0 / 4" in at.info[0].value
    assert blue(at) == ["100", "2", "1.1"] and red(at) == []  # only the inputs
    assert at.success[0].value.startswith("すべてのパラメータで")  # the check, default bug: none


def test_stepping_the_apple_example_forward_then_backward():
    at = open_page("backprop")
    press(at, "backprop.next")
    assert "100 × 2 = 200" in codes(at)
    assert "200" in blue(at)
    press(at, "backprop.next")  # forward done: 200 × 1.1
    assert float(blue(at)[-1]) == pytest.approx(200 * 1.1)
    assert red(at) == []
    press(at, "backprop.next")  # backward through × tax: dL/dL = 1 starts it
    assert "∂L/∂L = 1" in at.caption[1].value or any("∂L/∂L = 1" in c.value for c in at.caption)
    text = codes(at)
    assert "∂L/∂(りんごの代金) = 1 × 1.1 = 1.1" in text  # times the other input, tax
    assert "∂L/∂(消費税（倍率）) = 1 × 200 = 200" in text
    press(at, "backprop.next")
    text = codes(at)
    assert "∂L/∂(りんご 1 個の値段) = 1.1 × 2 = 2.2" in text
    assert "∂L/∂(りんごの個数) = 1.1 × 100 = 110" in text
    assert at.slider(key="backprop.step.apple").value == 4
    assert at.button(key="backprop.next").disabled
    assert "逆伝播が終わりました" in at.success[0].value
    # every gradient of price = apple · n · tax, by hand: d/dapple = n·tax, d/dn = apple·tax
    assert sorted(float(v) for v in red(at)) == pytest.approx(sorted([2.2, 110, 200, 1.1, 1]))
    press(at, "backprop.prev")
    assert at.slider(key="backprop.step.apple").value == 3


def test_the_shop_example_add_node_passes_the_gradient_on():
    at = open_page("backprop")
    at.selectbox(key="backprop.example").set_value("shop").run()
    at.slider(key="backprop.step.shop").set_value(6).run()  # backward through the add node
    assert not at.exception
    assert "加算ノード" in at.markdown[1].value or any("加算ノード" in m.value for m in at.markdown)
    text = codes(at)
    assert "∂L/∂(りんごの代金) = 1.1 × 1 = 1.1" in text
    assert "∂L/∂(みかんの代金) = 1.1 × 1 = 1.1" in text


def test_editing_the_shop_inputs_changes_the_numbers():
    at = open_page("backprop")
    at.selectbox(key="backprop.example").set_value("shop").run()
    at.number_input(key="backprop.apple").set_value(50.0).run()
    at.number_input(key="backprop.tax").set_value(1.08).run()
    at.slider(key="backprop.step.shop").set_value(8).run()
    assert not at.exception
    price = (50 * 2 + 150 * 3) * 1.08
    assert float(blue(at)[-1]) == pytest.approx(price, rel=1e-5)
    assert "∂L/∂(消費税（倍率）) = 1 × 550 = 550" in "\n".join(c.value for c in at.code) or (
        any("550" in v for v in red(at)))
    # the edit survives a visit to another example
    at.selectbox(key="backprop.example").set_value("apple").run()
    at.selectbox(key="backprop.example").set_value("shop").run()
    assert at.number_input(key="backprop.apple").value == 50.0


def softmax(a):
    e = np.exp(a - a.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def test_the_network_steps_through_all_four_layers():
    at = open_page("backprop")
    at.selectbox(key="backprop.example").set_value("net").run()
    assert not at.exception and not at.warning
    press(at, "backprop.next", 4)
    assert "L" in dot(at)
    press(at, "backprop.next")  # Softmax-with-Loss backward
    assert "(y − t) / N" in " ".join(m.value for m in at.markdown)
    text = codes(at)
    assert "∂L/∂a2 (2×3)" in text and "∂L/∂L (1)" in text and "self.y =" in text
    press(at, "backprop.next", 2)  # ReLU backward shows the mask it kept
    assert "self.mask =\n[[ True False False]" in codes(at)
    press(at, "backprop.next")  # step 8: the first Affine
    assert "dx = dout·Wᵀ" in " ".join(m.value for m in at.markdown)
    text = codes(at)
    for name in ("∂L/∂x (2×2)", "∂L/∂W1 (2×3)", "∂L/∂b1 (3)"):
        assert name in text
    assert at.button(key="backprop.next").disabled


def test_sigmoid_shows_its_rule_and_hides_the_mask_bug():
    at = open_page("backprop")
    at.selectbox(key="backprop.example").set_value("net").run()
    at.radio(key="backprop.bug").set_value("no_relu_mask").run()
    at.radio(key="backprop.activation").set_value("sigmoid").run()
    assert not at.exception
    assert "no_relu_mask" not in at.radio(key="backprop.bug").options
    assert at.radio(key="backprop.bug").value == "none"
    at.slider(key="backprop.step.net").set_value(7).run()  # backward through the activation
    assert "y(1 − y)" in " ".join(m.value for m in at.markdown)
    assert "Sigmoid" in dot(at)


@pytest.mark.parametrize(("x", "t", "message"), [
    ("1, abc; 2, 3", "0, 2", "「abc」は数値として読めません"),
    ("", "0, 2", "入力 x が空です"),
    ("1, 2; 3", "0, 2", "2 行目に 2 つの数が必要です"),
    ("1, 50; 2, 3", "0, 2", "大きすぎます"),
    ("1, 2; 3, 4", "0, 7", "ラベル「7」は 0〜2 の整数ではありません"),
    ("1, 2; 3, 4", "0", "ラベルはサンプルと同じ数（2 個）必要です"),
])
def test_bad_network_input_warns_in_japanese_and_falls_back(x, t, message):
    at = open_page("backprop")
    at.selectbox(key="backprop.example").set_value("net").run()
    at.text_input(key="backprop.x").set_value(x).run()
    at.text_input(key="backprop.t").set_value(t).run()
    assert not at.exception
    assert len(at.warning) == 1 and message in at.warning[0].value
    assert dot(at).startswith("digraph")
    assert at.table  # the check still runs on the fallback


def test_each_planted_bug_is_caught_and_the_fix_passes():
    at = open_page("backprop")
    at.selectbox(key="backprop.example").set_value("net").run()
    for bug, failing in (("no_batch_mean", "W1, b1, W2, b2"), ("transposed_w", "W1, b1"),
                         ("no_relu_mask", "W1, b1")):
        at.radio(key="backprop.bug").set_value(bug).run()
        assert not at.exception
        assert at.error[0].value == f"勾配確認が誤りを見つけました：{failing} で逆伝播と数値微分が一致しません。"
        table = at.table[-1].value
        errors = dict(zip(table.iloc[:, 0], table.iloc[:, 1].astype(float), strict=True))
        for key in failing.split(", "):
            assert errors[key] > 0.1
        assert "# バグ" in codes(at)
    at.radio(key="backprop.bug").set_value("no_batch_mean").run()
    assert "(N − 1) / (N + 1) = 0.333 になります（N = 2）" in " ".join(m.value for m in at.markdown)
    at.radio(key="backprop.bug").set_value("none").run()
    assert not at.error and at.success


def test_a_forgotten_mask_with_nothing_masked_is_explained():
    at = open_page("backprop")
    at.selectbox(key="backprop.example").set_value("net").run()
    at.text_input(key="backprop.x").set_value("0, 1; -1, 1").run()
    at.number_input(key="backprop.seed").set_value(5).run()
    at.radio(key="backprop.bug").set_value("no_relu_mask").run()
    assert not at.exception and not at.error
    assert "マスクされる要素が 1 つもない" in at.info[-1].value


def test_a_relu_input_at_the_kink_is_warned_about():
    at = open_page("backprop")
    at.selectbox(key="backprop.example").set_value("net").run()
    at.text_input(key="backprop.x").set_value("0, 0; 1, 1").run()
    assert "折れ目" in at.warning[0].value


def test_at_the_kink_the_check_does_not_call_the_correct_layers_wrong():
    # x = (0, 0): a1 = b1, which seed 2 makes exactly 0, so +h on b1 opens the ReLU and the
    # central difference is half the one-sided slope: b1's relative error is 1 (L1 #5)
    at = open_page("backprop")
    at.selectbox(key="backprop.example").set_value("net").run()
    at.text_input(key="backprop.x").set_value("0, 0").run()
    at.text_input(key="backprop.t").set_value("0").run()
    assert not at.exception and not at.error
    table = at.table[-1].value
    verdicts = dict(zip(table.iloc[:, 0], table.iloc[:, 2], strict=True))
    errors = dict(zip(table.iloc[:, 0], table.iloc[:, 1].astype(float), strict=True))
    assert errors["b1"] > 0.5
    assert verdicts["b1"] == "不一致（折れ目をまたいだため。実装の誤りとは限りません）"
    assert verdicts["W2"] == verdicts["b2"] == "一致"
    warnings = [w.value for w in at.warning]
    assert any(w.startswith("b1 で逆伝播と数値微分が一致しませんが") for w in warnings)
    kink = next(w for w in warnings if "折れ目（0）" in w)
    assert "パラメータ（重み W1・バイアス b1）" in kink and "当てになりません" in kink
    # a bug that hits only W2's side is still called a bug at the kink: W2, b2 do not move a1
    at.text_input(key="backprop.x").set_value("0, 0; 1, 1").run()  # N = 2: a /N to forget
    at.text_input(key="backprop.t").set_value("0, 1").run()
    at.radio(key="backprop.bug").set_value("no_batch_mean").run()
    assert at.error[0].value.endswith("W2, b2 で逆伝播と数値微分が一致しません。")


def test_the_inputs_panel_never_opens_or_closes_by_itself():
    at = open_page("backprop")
    at.selectbox(key="backprop.example").set_value("net").run()
    panel = next(e for e in at.expander if e.label == "入力を変える")
    assert not panel.proto.expanded
    at.text_input(key="backprop.t").set_value("0, 2, 1").run()  # a warning: labels ≠ rows
    assert at.warning
    assert not next(e for e in at.expander if e.label == "入力を変える").proto.expanded
    at.text_input(key="backprop.x").set_value("1, 0.5; -1.2, 0.8; 0.3, 0.3").run()  # valid
    assert not at.warning
    assert not next(e for e in at.expander if e.label == "入力を変える").proto.expanded


def test_english_bug_comments_mark_the_bug_in_english_and_keep_the_code():
    for lang, marks in (("ja", ("# バグ：dout[self.mask] = 0 が抜けている",
                                "# バグ：正しくは np.dot(dout, self.W.T)")),
                        ("en", ("# Bug: dout[self.mask] = 0 is missing",
                                "# Bug: should be np.dot(dout, self.W.T)"))):
        at = open_page("backprop", lang=lang)
        at.selectbox(key="backprop.example").set_value("net").run()
        shown = []
        for bug in ("no_relu_mask", "transposed_w"):
            at.radio(key="backprop.bug").set_value(bug).run()
            shown.append(next(c.value for c in at.code if "def backward" in c.value))
        for mark, code in zip(marks, shown, strict=True):
            assert mark in code
            assert "def backward(self, dout):" in code
        if lang == "en":
            assert not [c for c in shown if JAPANESE.search(c)]


def test_english():
    at = open_page("backprop", lang="en")
    assert not at.exception
    assert at.title[0].value == "Backpropagation lab"
    at.selectbox(key="backprop.example").set_value("net").run()
    at.text_input(key="backprop.x").set_value("1, two").run()
    assert "'two' is not a number" in at.warning[0].value
    at.radio(key="backprop.bug").set_value("transposed_w").run()
    assert at.error[0].value.startswith("The gradient check caught it")
    shown = [m.value for m in (*at.markdown, *at.caption, *at.info, *at.error, *at.warning)]
    assert not [s for s in shown if JAPANESE.search(s)]


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("example", ["apple", "shop", "net"])
def test_labels_are_speakable(lang, example):
    at = open_page("backprop", lang=lang)
    at.selectbox(key="backprop.example").select_index(["apple", "shop", "net"].index(example))
    at.run()
    assert not at.exception
    assert unspeakable_labels(at) == []


def test_a_gradient_below_round_off_is_called_too_small_not_wrong():
    at = open_page("backprop")
    at.selectbox(key="backprop.example").set_value("net").run()
    at.text_input(key="backprop.x").set_value("-9.32, -7.33; 6.66, 3.74; 9.63, 5.13; 1.88, 0.78").run()
    at.text_input(key="backprop.t").set_value("0, 0, 2, 2").run()
    at.number_input(key="backprop.seed").set_value(22).run()
    assert not at.exception and not at.warning and not at.error
    table = at.table[-1].value
    assert "小さすぎて判定できない" in list(table.iloc[:, 2])
    assert any("丸め誤差" in i.value for i in at.info)


def test_switching_the_language_keeps_the_example_the_step_and_the_bug():
    at = open_page("backprop")
    at.selectbox(key="backprop.example").set_value("shop").run()
    at.slider(key="backprop.step.shop").set_value(3).run()
    at.radio(key="backprop.bug").set_value("transposed_w").run()
    at.session_state["lang"] = "en"  # what the sidebar's language radio sets
    at.run()
    assert not at.exception
    assert at.selectbox(key="backprop.example").value == "shop"
    assert at.slider(key="backprop.step.shop").value == 3
    assert at.radio(key="backprop.bug").value == "transposed_w"
    assert at.title[0].value == "Backpropagation lab"


def test_the_view_lives_in_the_url_and_a_link_restores_it():
    at = open_page("backprop")
    assert dict(at.query_params) == {} or all(not v for v in at.query_params.values())
    at.selectbox(key="backprop.example").set_value("shop").run()
    press(at, "backprop.next", 5)
    assert at.query_params["ex"] == "shop" and at.query_params["step"] == "5"
    at.selectbox(key="backprop.example").set_value("net").run()
    at.text_input(key="backprop.x").set_value("0, 1; -1, 1").run()
    at.text_input(key="backprop.t").set_value("1, 2").run()
    at.number_input(key="backprop.seed").set_value(5).run()
    at.radio(key="backprop.activation").set_value("sigmoid").run()
    at.radio(key="backprop.bug").set_value("transposed_w").run()
    press(at, "backprop.next", 3)
    query = {k: at.query_params[k] for k in at.query_params}
    assert query == {"ex": "net", "step": "3", "x": "0, 1; -1, 1", "t": "1, 2", "seed": "5",
                     "act": "sigmoid", "bug": "transposed_w"}
    # a reload, or the link opened by someone else: a new session with that URL
    again = open_page("backprop", query=query)
    assert not again.exception and not again.warning
    assert again.selectbox(key="backprop.example").value == "net"
    assert again.slider(key="backprop.step.net").value == 3
    assert again.text_input(key="backprop.x").value == "0, 1; -1, 1"
    assert again.text_input(key="backprop.t").value == "1, 2"
    assert again.number_input(key="backprop.seed").value == 5
    assert again.radio(key="backprop.activation").value == "sigmoid"
    assert again.radio(key="backprop.bug").value == "transposed_w"
    assert codes(again) == codes(at)  # the same network, the same step shown


def test_a_shop_link_restores_its_prices():
    at = open_page("backprop", query={"ex": "apple", "step": "4", "apple": "120", "tax": "1.08"})
    assert not at.exception and not at.warning
    assert at.slider(key="backprop.step.apple").value == 4
    assert at.number_input(key="backprop.apple").value == 120
    assert "120" in blue(at) and "1.08" in blue(at)


@pytest.mark.parametrize(("query", "message"), [
    ({"ex": "pear"}, "URL の ex=pear は使えない値です。既定値 apple を使います。"),
    ({"step": "-1"}, "URL の step=-1 は使えない値です。既定値 0 を使います。"),
    ({"step": "abc"}, "URL の step=「abc」は数値として読めません。既定値 0 を使います。"),
    ({"step": "9"}, "URL の step=9 はこの例の最後のステップ 4 を超えています。ステップ 0 から始めます。"),
    ({"seed": "3.7"}, "URL の seed=3.7 は使えない値です。既定値 2 を使います。"),
    ({"seed": "1e400"}, "URL の seed=1e400 は使えない値です。既定値 2 を使います。"),
    ({"act": "tanh"}, "URL の act=tanh は使えない値です。既定値 relu を使います。"),
    ({"act": "sigmoid", "bug": "no_relu_mask"},
     "URL の bug=no_relu_mask は使えない値です。既定値 none を使います。"),
    ({"tax": "1e400"}, "URL の tax=1e400 は範囲外です（0〜100000）。既定値 1.1 を使います。"),
])
def test_a_bad_link_warns_in_japanese_and_falls_back(query, message):
    at = open_page("backprop", query=query)
    assert not at.exception
    assert [w.value for w in at.warning] == [message]
    assert at.slider(key="backprop.step.apple").value == 0
    at.selectbox(key="backprop.example").set_value("net").run()
    assert not at.exception


def test_a_bad_x_in_a_link_warns_like_typed_x():
    at = open_page("backprop", query={"ex": "net", "x": "1, two"})
    assert not at.exception
    assert "「two」" in at.warning[0].value
