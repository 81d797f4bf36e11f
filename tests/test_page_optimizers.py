"""/optimizers in AppTest: every control and preset, both languages, bad input of every kind."""

from __future__ import annotations

import base64
import json
import re

import numpy as np
import pytest
import streamlit as st

import optimizers as opt
from tests.apptest import open_page
from tests.speakable import unspeakable_labels
from ui.strings import CATALOGUE
from viewstate import optimizers_lab as lab

PRESET = "optimizers.preset"


@pytest.fixture(autouse=True)
def _fresh_cache():
    st.cache_data.clear()


def _ok(at):
    assert not at.exception, at.exception
    return at


def figure(at, index: int = 0) -> dict:
    return json.loads(at.get("plotly_chart")[index].proto.spec)


def page_text(at) -> str:
    parts = [e.value for kind in ("title", "caption", "markdown", "info", "warning", "metric")
             for e in getattr(at, kind) if isinstance(e.value, str)]
    for kind in ("selectbox", "multiselect", "slider", "number_input", "toggle", "button",
                 "expander"):
        parts += [e.label for e in getattr(at, kind)]
    for kind in ("selectbox", "multiselect"):
        for e in getattr(at, kind):
            parts += [str(o) for o in e.options]
    for fig in at.get("plotly_chart"):
        spec = json.loads(fig.proto.spec)
        parts += [tr.get("name") or "" for tr in spec["data"]]
        parts += [t for tr in spec["data"] for t in (tr.get("text") or [])]
    return "\n".join(parts)


def english_fragments() -> list[str]:
    """The fixed words of this page's English strings (between the {fields})."""
    out = []
    for key, (ja, en) in CATALOGUE.items():
        if key.startswith("optimizers.") or key == "nav.optimizers":
            out += [f for f in re.split(r"\{[^}]*\}", en) if len(f.strip()) >= 10 and f != ja]
    return out


def test_opens_in_japanese_with_the_default_optimizers():
    at = _ok(open_page("optimizers"))
    assert at.title[0].value == "オプティマイザ・ラボ"
    assert at.selectbox(key=PRESET).value == lab.CUSTOM
    assert at.multiselect(key="optimizers.chosen").value == list(lab.DEFAULT_OPTIMIZERS)
    spec = figure(at)
    names = [tr.get("name") for tr in spec["data"] if tr.get("mode") == "lines+markers"
             and tr.get("name")]
    assert names == ["SGD", "Momentum", "AdaGrad", "Adam"]
    assert len(spec["frames"]) == 31  # 30 steps and the start
    assert at.query_params["preset"] in (lab.CUSTOM, [lab.CUSTOM])
    assert not unspeakable_labels(at)


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("preset", list(lab.PRESETS))
def test_every_preset_in_both_languages(preset, lang):
    at = _ok(open_page("optimizers", lang=lang))
    at.selectbox(key=PRESET).set_value(preset).run()
    _ok(at)
    p = lab.PRESETS[preset]
    assert at.slider(key="optimizers.steps").value == p.steps
    start = p.start or opt.SURFACES[p.surface].start
    assert (at.number_input(key="optimizers.x").value,
            at.number_input(key="optimizers.y").value) == tuple(map(float, start))
    assert len(at.info) == 1  # the lesson
    spec = figure(at)
    assert len(spec["frames"]) == len(lab.frame_steps(p.steps))
    assert not unspeakable_labels(at)
    text = page_text(at)
    if lang == "ja":
        leaks = [f for f in english_fragments() if f in text]
        assert not leaks, leaks
    else:
        assert "オプティマイザ" not in text and "プリセット" not in text


def test_divergence_text_states_the_computed_threshold():
    at = _ok(open_page("optimizers", query={"preset": "divergence"}))
    lesson = at.info[0].value
    assert "λ_max = 2" in lesson and "2/λ_max = 1 " in lesson
    assert "η = 1.05 > 1" in lesson and "1.1 倍" in lesson and "0.9 倍" in lesson
    sgd_hi = opt.trajectory("sgd", "textbook", steps=30, lr=1.05)
    assert f"f = {lab.num(sgd_hi.loss[-1])}" in lesson
    assert at.metric[0].value == "1"


def test_adagrad_text_states_the_computed_rates():
    at = _ok(open_page("optimizers", query={"preset": "adagrad"}))
    lesson = at.info[0].value
    ada = opt.trajectory("adagrad", "rosenbrock", steps=1000, lr=0.3)
    eff = 0.3 / (np.sqrt(ada.state["h"]) + 1e-7)
    assert f"{lab.num(eff[0, 0])} → 1000 歩目 {lab.num(eff[-1, 0])}" in lesson
    assert f"{lab.num(ada.step_sizes[0])} から {lab.num(ada.step_sizes[-1])}" in lesson
    assert any("1000 歩のうち 101 か所（ほぼ 10 歩ごと）" in c.value for c in at.caption)


def test_bias_text_states_the_first_steps():
    at = _ok(open_page("optimizers", query={"preset": "bias"}))
    lesson = at.info[0].value
    assert "η = 0.3" in lesson and "= 0.9487" in lesson and "約 3.16 倍" in lesson


def test_nesterov_preset_and_note():
    at = _ok(open_page("optimizers", query={"preset": "nesterov"}))
    assert "(0.905, 0.05)" in at.info[0].value and "(0.8645, -0.355)" in at.info[0].value
    assert any("教科書の Nesterov.update は更新後の v" in c.value for c in at.caption)
    names = [tr.get("name") for tr in figure(at)["data"] if tr.get("mode") == "lines+markers"
             and tr.get("name")]
    assert names == ["Nesterov（NAG）", "Nesterov（教科書のコード）"]


def test_saddle_text_and_linear_loss_axis():
    at = _ok(open_page("optimizers", query={"preset": "saddle"}))
    leave = {n: lab.leave_step(opt.trajectory(n, "saddle", steps=60, lr=0.05))
             for n in ("sgd", "momentum", "adam")}
    assert f"SGD {leave['sgd']}、Momentum {leave['momentum']}、Adam {leave['adam']}" in \
        at.info[0].value
    assert figure(at, 1)["layout"]["yaxis"]["type"] == "linear"
    assert any("線形目盛" in m.value for m in at.markdown)


def test_custom_controls_change_the_runs():
    at = _ok(open_page("optimizers"))
    at.selectbox(key="optimizers.surface").set_value("ill_conditioned").run()
    _ok(at)
    assert (at.number_input(key="optimizers.x").value,
            at.number_input(key="optimizers.y").value) == (1.0, 1.0)
    assert any("2/λ_max = 0.2" in c.value for c in at.caption)
    at.multiselect(key="optimizers.chosen").set_value(["adam", "rmsprop"]).run()
    _ok(at)
    at.number_input(key="optimizers.adam.lr").set_value(0.05).run()
    at.slider(key="optimizers.adam.beta1").set_value(0.5).run()
    at.slider(key="optimizers.adam.beta2").set_value(0.99).run()
    at.toggle(key="optimizers.adam.bias_correction").set_value(False).run()
    at.slider(key="optimizers.rmsprop.decay_rate").set_value(0.9).run()
    at.slider(key="optimizers.steps").set_value(12).run()
    _ok(at)
    spec = figure(at)
    adam = next(tr for tr in spec["data"] if tr.get("name") == "Adam")
    core = opt.trajectory("adam", "ill_conditioned", (1, 1), 12, lr=0.05, beta1=0.5,
                          beta2=0.99, bias_correction=False)
    np.testing.assert_allclose(_decode(adam["x"]), core.positions[:, 0])
    assert len(spec["frames"]) == 13
    at.multiselect(key="optimizers.chosen").set_value(["momentum"]).run()
    at.slider(key="optimizers.momentum.momentum").set_value(0.5).run()
    at.multiselect(key="optimizers.chosen").set_value(["adamw"]).run()
    at.slider(key="optimizers.adamw.weight_decay").set_value(0.2).run()
    _ok(at)


def _decode(v):
    if isinstance(v, dict):  # Plotly's typed-array form
        return np.frombuffer(base64.b64decode(v["bdata"]), dtype=v["dtype"])
    return np.array(v, dtype=float)


def test_every_optimizer_can_be_drawn_at_its_defaults():
    at = _ok(open_page("optimizers"))
    at.multiselect(key="optimizers.chosen").set_value(list(opt.OPTIMIZERS)).run()
    _ok(at)
    assert len(at.expander) == len(opt.OPTIMIZERS) + 1  # and the update rules
    assert any("教科書の Nesterov.update" in c.value for c in at.caption)
    assert not unspeakable_labels(at)


def test_no_optimizer_chosen_says_so():
    at = _ok(open_page("optimizers"))
    at.multiselect(key="optimizers.chosen").set_value([]).run()
    _ok(at)
    assert at.info[0].value == "オプティマイザを 1 つ以上選んでください。"


def test_a_start_outside_the_plot_is_refused_in_japanese():
    at = _ok(open_page("optimizers"))
    at.number_input(key="optimizers.x").set_value(50.0).run()
    _ok(at)
    assert at.warning[0].value.startswith("開始点 (50, 2) は図の範囲")
    assert at.number_input(key="optimizers.x").value == -7.0  # the default start again


def test_reset_button_and_start_in_the_url():
    at = _ok(open_page("optimizers", query={"preset": "textbook", "x": "3", "y": "-1.5"}))
    assert not at.warning
    spec = figure(at)
    sgd = next(tr for tr in spec["data"] if tr.get("name") == "SGD")
    assert _decode(sgd["x"])[0] == 3.0 and _decode(sgd["y"])[0] == -1.5
    assert "(3, -1.5) から" in at.info[0].value
    at.button(key="optimizers.reset").click().run()
    _ok(at)
    assert at.number_input(key="optimizers.x").value == -7.0
    assert at.query_params["x"] in ("-7", ["-7"])


@pytest.mark.parametrize("query,message", [
    ({"preset": "nosuch"}, "リンクのプリセット「nosuch」はありません"),
    ({"preset": "bias", "x": "abc", "y": "1"}, "リンクの x =「abc」は数値として読めません"),
    ({"preset": "saddle", "x": "1e9", "y": "0"}, "開始点 (1000000000, 0) は図の範囲"),
    ({"preset": "saddle", "x": "nan", "y": "0"}, "開始点 (?, 0) は図の範囲"),
])
def test_bad_links_warn_in_japanese_and_fall_back(query, message):
    at = _ok(open_page("optimizers", query=query))
    assert any(w.value.startswith(message) for w in at.warning), [w.value for w in at.warning]
    assert figure(at)["frames"]


def test_english_page():
    at = _ok(open_page("optimizers", lang="en", query={"preset": "divergence"}))
    assert at.title[0].value == "Optimizer lab"
    assert "converges only for η < 2/λ_max = 1" in at.info[0].value
    at = _ok(open_page("optimizers", lang="en", query={"preset": "x", "x": "0"}))
    assert any("does not exist" in w.value for w in at.warning)


def test_the_language_toggle_keeps_the_view():
    at = _ok(open_page("optimizers"))
    at.selectbox(key=PRESET).set_value("bias").run()
    at.number_input(key="optimizers.x").set_value(3.0).run()
    at.session_state["lang"] = "en"
    at.run()
    _ok(at)
    assert at.selectbox(key=PRESET).value == "bias"
    assert at.number_input(key="optimizers.x").value == 3.0
    assert "The first step" in at.info[0].value
    assert "Adam (no bias correction)" in page_text(at)


@pytest.mark.parametrize("preset", ["textbook", "divergence"])
def test_a_start_on_y_zero_gets_the_on_axis_text(preset):
    at = _ok(open_page("optimizers", query={"preset": preset, "x": "5", "y": "0"}))
    assert at.info[0].value.startswith("開始点 (5, 0) は y = 0 の上にあります")
    assert "発散し" not in at.info[0].value


@pytest.mark.parametrize("preset", list(lab.PRESETS))
def test_a_start_where_the_gradient_is_zero_says_nothing_moves(preset):
    surface = opt.SURFACES[lab.PRESETS[preset].surface]
    x, y = surface.minimum or (0.0, 0.0)  # the saddle point itself for the saddle
    assert not np.any(surface.grad(x, y))
    at = _ok(open_page("optimizers", query={"preset": preset, "x": str(x), "y": str(y)}))
    assert "勾配が 0 なので、どの手法も 1 歩も動きません" in at.info[0].value
    for tr in figure(at)["data"]:
        if tr.get("mode") == "lines+markers" and tr.get("name"):
            assert set(_decode(tr["x"])) == {x} and set(_decode(tr["y"])) == {y}
