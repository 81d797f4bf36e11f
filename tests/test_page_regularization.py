"""The regularisation lab through the real router (AppTest): every control, both languages,
and the page's readings against the core's numbers."""

from __future__ import annotations

import base64

import numpy as np
import plotly.io as pio
import pytest
import streamlit as st

from gradflow import init_bn
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
