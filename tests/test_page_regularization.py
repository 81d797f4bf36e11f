"""The regularisation lab through the real router (AppTest): every control, both languages,
and the page's readings against the core's numbers."""

from __future__ import annotations

import base64
import re

import numpy as np
import plotly.io as pio
import pytest
import streamlit as st

from gradflow import init_bn, overfit
from tests.apptest import open_page
from tests.speakable import unspeakable_labels
from ui.strings import CATALOGUE


@pytest.fixture(autouse=True)
def fresh_caches():
    st.cache_data.clear()


def values(data) -> np.ndarray:
    """A trace array from the wire JSON: a list, or Plotly's typed-array form {dtype, bdata}."""
    if isinstance(data, dict):
        return np.frombuffer(base64.b64decode(data["bdata"]), dtype=data["dtype"])
    return np.asarray(data, dtype=float)


def charts(at):
    return [pio.from_json(c.proto.spec) for c in at.get("plotly_chart")]


def test_default_tab_shows_sigmoid_std1_with_and_without_bn():
    at = open_page("regularization")
    assert not at.exception and not at.warning
    assert at.title[0].value == "初期化・正規化・正則化"
    plain, normed = charts(at)[:2]
    want_plain = init_bn.experiment(init_bn.Setting("sigmoid", "std1"))
    want_bn = init_bn.experiment(init_bn.Setting("sigmoid", "std1", batchnorm=True))
    for fig, want in ((plain, want_plain), (normed, want_bn)):
        ys = [values(bar.y) for bar in fig.data]
        for y, h in zip(ys, want.histograms, strict=True):
            np.testing.assert_allclose(y, h.share)
    infos = [i.value for i in at.info]
    assert "飽和" in infos[0] and "76%" in infos[0]  # the computed share at the ends
    assert "広がって" in infos[1]
    assert unspeakable_labels(at) == []


READ_WORDS = {"saturate": "飽和", "collapse": "表現力の制限", "spread": "広がって",
              "explode": "発散", "vanish": "ほぼ 0", "shrink": "0 に偏る", "keep": "保たれて"}


@pytest.mark.parametrize("activation", init_bn.ACTIVATIONS)
def test_every_setting_reads_as_computed(activation):
    at = open_page("regularization")
    at.radio(key="reg.init.activation").set_value(activation).run()
    for init in init_bn.INITS:
        at.radio(key="reg.init.init").set_value(init).run()
        assert not at.exception
        plain = init_bn.experiment(init_bn.Setting(activation, init))
        assert READ_WORDS[plain.reading] in at.info[0].value
        np.testing.assert_allclose(values(charts(at)[0].data[-1].y),
                                   plain.histograms[-1].share)


def test_english():
    at = open_page("regularization", lang="en")
    assert not at.exception
    assert at.title[0].value == CATALOGUE["reg.title"][1]
    assert "saturation" in at.info[0].value
    at.radio(key="reg.init.activation").set_value("relu").run()
    at.radio(key="reg.init.init").set_value("he").run()
    assert "holds" in at.info[0].value
    assert unspeakable_labels(at) == []


def test_language_switch_keeps_the_choice():
    at = open_page("regularization")
    at.radio(key="reg.init.activation").set_value("tanh").run()
    at.session_state["lang"] = "en"
    at.run()
    assert not at.exception
    assert at.radio(key="reg.init.activation").value == "tanh"


def open_fit(lang="ja"):
    at = open_page("regularization", lang=lang)
    at.session_state["reg.tab"] = CATALOGUE["reg.tab.overfit"][0 if lang == "ja" else 1]
    return at.run()


def test_overfit_tab_default_is_l2_against_none():
    at = open_fit()
    assert not at.exception and not at.warning
    base = overfit.train(overfit.OverfitConfig())
    l2 = overfit.train(overfit.OverfitConfig("l2", 0.003))
    loss_fig, boundary = charts(at)
    curves = {tr.name: values(tr.y) for tr in loss_fig.data}
    np.testing.assert_allclose(curves["検証（正則化なし）"], base.val_loss)
    np.testing.assert_allclose(curves["訓練"], l2.train_loss)
    np.testing.assert_allclose(curves["検証"], l2.val_loss)
    assert "過学習" in at.info[0].value
    assert f"{base.train_loss[-1]:.3f}" in at.info[0].value
    contours = [tr for tr in boundary.data if tr.type == "contour"]
    assert len(contours) == 2
    np.testing.assert_allclose(values(contours[1].z).reshape(overfit.GRID, overfit.GRID),
                               l2.grid)
    table = at.table[0].value
    assert table.iloc[1, 1] == f"{l2.weight_norm:.3f}"
    assert float(table.iloc[1, 1]) < float(table.iloc[0, 1])  # the page's L2 claim
    assert unspeakable_labels(at) == []


def test_l1_shows_more_weights_near_zero():
    at = open_fit()
    at.radio(key="reg.fit.method").set_value("l1").run()
    assert not at.exception
    for lam in (0.001, 0.003, 0.01):
        at.select_slider(key="reg.fit.l1").set_value(lam).run()
        table = at.table[0].value
        run = overfit.train(overfit.OverfitConfig("l1", lam))
        assert table.iloc[1, 2] == f"{run.near_zero:.1%}"
        assert float(table.iloc[1, 2][:-1]) > 10 * float(table.iloc[0, 2][:-1])


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_method_and_strength_runs(lang):
    at = open_fit(lang)
    for method in ("none", "l2", "dropout", "early"):
        at.radio(key="reg.fit.method").set_value(method).run()
        assert not at.exception, method
        for value in (() if method == "none" else
                      at.select_slider(key=f"reg.fit.{method}").options):
            at.select_slider(key=f"reg.fit.{method}").set_value(type(
                at.select_slider(key=f"reg.fit.{method}").value)(value)).run()
            assert not at.exception, (method, value)
    assert unspeakable_labels(at) == []


@pytest.mark.parametrize("method", ["l2", "l1", "dropout"])
def test_the_box_says_whether_the_cure_helps_here(method):
    """Green only when the validation loss falls clearly (5 %) below no regularisation's;
    dropout at its default r = 0.5 does not, and says so."""
    at = open_fit()
    at.radio(key="reg.fit.method").set_value(method).run()
    base = overfit.train(overfit.OverfitConfig()).val_loss[-1]
    for value in overfit.OFFERED[method]:
        at.select_slider(key=f"reg.fit.{method}").set_value(value).run()
        val = overfit.train(overfit.OverfitConfig(method, value)).val_loss[-1]
        boxes = at.success if val <= 0.95 * base else at.warning
        assert len(boxes) == 1, (method, value)
        assert f"{val:.3f}" in boxes[0].value and f"{base:.3f}" in boxes[0].value
        assert ("下がりました" if val <= 0.95 * base else "抑えていません" if val < 1.05 * base
                else "逆効果") in boxes[0].value
    if method == "dropout":
        assert at.select_slider(key="reg.fit.dropout").options == ["0.2", "0.5"]
        assert not at.success


@pytest.mark.parametrize("patience", [10, 50])
def test_early_stopping_marks_the_validation_minimum(patience):
    at = open_fit()
    at.radio(key="reg.fit.method").set_value("early").run()
    at.select_slider(key="reg.fit.early").set_value(patience).run()
    base = overfit.train(overfit.OverfitConfig())
    stop = base.stop(patience)
    star = [tr for tr in charts(at)[0].data if tr.mode == "markers"][0]
    assert values(star.x).tolist() == [stop.best_epoch + 1]
    assert values(star.y)[0] == pytest.approx(base.val_loss.min())
    assert f"エポック {stop.best_epoch + 1} で重みを残し" in at.success[0].value
    assert f"{stop.stop_epoch + 1} エポックで学習を止め" in at.success[0].value


def test_overfit_tab_in_english():
    at = open_fit("en")
    assert not at.exception
    assert "overfitting" in at.info[0].value
    at.radio(key="reg.fit.method").set_value("dropout").run()
    assert not at.exception
    assert any("Inverted dropout" in c.value for c in at.caption)
    assert unspeakable_labels(at) == []


def test_language_switch_keeps_tab_two_and_its_choice():
    at = open_fit()
    at.radio(key="reg.fit.method").set_value("l1").run()
    at.session_state["lang"] = "en"
    at.run()
    assert not at.exception
    assert at.radio(key="reg.fit.method").value == "l1"
    assert at.session_state["reg.tab"] == CATALOGUE["reg.tab.overfit"][1]
    assert at.table[0].value.columns[0] == "Run"


def test_stale_or_forged_state_falls_back_to_the_defaults():
    at = open_page("regularization")  # tab ①: the controls of ② are not drawn
    at.session_state["reg.fit.method"] = "l3"
    at.session_state["reg.fit.l2"] = -5.0
    at.run()
    assert not at.exception
    at.session_state["reg.tab"] = CATALOGUE["reg.tab.overfit"][0]
    at.run()
    assert not at.exception
    assert at.radio(key="reg.fit.method").value == "l2"
    assert at.select_slider(key="reg.fit.l2").value == 0.003


def test_tanh_std001_reads_as_vanishing_around_0():
    at = open_page("regularization")
    at.radio(key="reg.init.activation").set_value("tanh").run()
    at.radio(key="reg.init.init").set_value("std001").run()
    stds = [a.std() for a in init_bn.forward(init_bn.Setting("tanh", "std001")).post]
    g = (stds[-1] / stds[0]) ** (1 / 4)
    assert g < 0.3
    assert "消失" in at.info[0].value and f"{g:.3g} 倍に縮み" in at.info[0].value
    assert "e-" not in at.info[0].value
    at.radio(key="reg.init.activation").set_value("sigmoid").run()
    assert "0.5 付近に集中" in at.info[0].value  # sigmoid + 0.01 holds its std around 0.5


@pytest.mark.parametrize("init", ["std1", "std001"])
def test_relu_caption_states_what_the_figure_draws(init):
    at = open_page("regularization")
    at.radio(key="reg.init.activation").set_value("relu").run()
    at.radio(key="reg.init.init").set_value(init).run()
    fig = charts(at)[0]
    zero = [h.zero_share for h in init_bn.experiment(init_bn.Setting("relu", init)).histograms]
    first = [values(b.y)[0] / (1 - z) for b, z in zip(fig.data, zero, strict=True)]
    tops = {round(values(b.x)[-1] + (values(b.x)[1] - values(b.x)[0]) / 2, 6) for b in fig.data}
    assert len(tops) == 1  # one x range for the five layers
    note = next(c.value for c in at.caption if "ReLU の横軸" in c.value)
    assert f"1 層目 {first[0]:.0%}、5 層目 {first[-1]:.0%}" in note
    # what the reading says shows: a vanishing signal ends as one bar at 0, an exploding one
    # starts as one
    assert (first[-1] if init == "std001" else first[0]) > 0.99


def test_a_link_opens_both_tabs_choices_and_the_page_writes_them_back():
    query = {"tab": "overfit", "act": "relu", "init": "xavier", "fit": "l1", "l1": "0.01",
             "l2": "0.003", "dropout": "0.2", "early": "10"}
    at = open_page("regularization", query=query)
    assert not at.exception and not at.warning
    assert at.session_state["reg.tab"] == CATALOGUE["reg.tab.overfit"][0]
    assert at.radio(key="reg.fit.method").value == "l1"
    assert at.select_slider(key="reg.fit.l1").value == 0.01
    at.radio(key="reg.fit.method").set_value("dropout").run()
    assert at.query_params["fit"] == "dropout" and at.query_params["dropout"] == "0.2"
    at.session_state["reg.tab"] = CATALOGUE["reg.tab.init"][0]
    at.run()
    assert at.radio(key="reg.init.activation").value == "relu"
    assert at.radio(key="reg.init.init").value == "xavier"
    at.radio(key="reg.init.init").set_value("he").run()
    written = {k: at.query_params[k] for k in query}
    assert written == {**query, "tab": "init", "init": "he", "fit": "dropout"}


def test_a_reload_keeps_the_choices():
    """A reload is a new session with the URL the page wrote."""
    at = open_page("regularization")
    at.radio(key="reg.init.activation").set_value("relu").run()
    at.radio(key="reg.init.init").set_value("xavier").run()
    url = {k: at.query_params[k] for k in at.query_params}
    assert url["act"] == "relu" and url["init"] == "xavier"
    again = open_page("regularization", query=url)
    assert not again.exception and not again.warning
    assert again.radio(key="reg.init.activation").value == "relu"
    assert again.radio(key="reg.init.init").value == "xavier"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_bad_link_values_are_warned_about_and_replaced(lang):
    at = open_page("regularization", lang=lang,
                   query={"act": "gelu", "init": "std1", "l2": "5", "tab": "zzz"})
    assert not at.exception
    warnings = [w.value for w in at.warning]
    assert len(warnings) == 3
    if lang == "ja":
        assert "URL の 活性化関数「gelu」は選べません" in warnings[1]
        assert "既定の「シグモイド」を使います" in warnings[1]
        assert "「5」は選べる値（0.001, 0.003, 0.01, 0.03）にありません" in warnings[2]
        assert "既定の「① 初期化とバッチ正規化」" in warnings[0]
    else:
        assert all(not any("\u3040" <= ch <= "\u30ff" for ch in w) for w in warnings)
        assert "“gelu” is not a choice here. Using the default, “Sigmoid”." in warnings[1]
    assert not any(re.search(r"\b(sigmoid|overfit|act|l2)\b", w) for w in warnings)  # no URL ids
    assert at.radio(key="reg.init.activation").value == "sigmoid"
    at.run()
    assert not at.warning  # warned once
