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


# ---- learner tester L2's findings ---------------------------------------------------------


@pytest.fixture
def tap(monkeypatch):
    """A click on the contour chart as the browser reports it (AppTest has no Plotly
    clicks): the chart's selection, sent with every rerun while that chart is on the page."""
    from streamlit.proto.WidgetStates_pb2 import WidgetState
    from streamlit.testing.v1.element_tree import ElementTree

    sent: dict[str, str] = {}
    states = ElementTree.get_widget_states

    def with_taps(tree):
        ws = states(tree)
        shown = {e.proto.id for e in tree.get("plotly_chart")}
        ws.widgets.extend(WidgetState(id=i, string_value=v) for i, v in sent.items()
                          if i in shown)
        return ws

    monkeypatch.setattr(ElementTree, "get_widget_states", with_taps)

    def do(at, x: float, y: float):
        chart = at.get("plotly_chart")[0]
        point = {"x": x, "y": y, "curve_number": 1, "point_number": 0, "point_index": 0}
        sent[chart.proto.id] = json.dumps({"selection": {
            "points": [point], "point_indices": [0], "box": [], "lasso": []}})
        return _ok(at.run())

    return do


def _start(at) -> tuple[float, float]:
    return at.number_input(key="optimizers.x").value, at.number_input(key="optimizers.y").value


def test_the_same_point_can_be_tapped_again_after_the_start_moved(tap):
    at = _ok(open_page("optimizers", query={"preset": "textbook"}))
    assert _start(tap(at, 5, -5)) == (5.0, -5.0)
    at.button(key="optimizers.reset").click().run()
    assert _start(_ok(at)) == (-7.0, 2.0)  # the old tap does not come back
    assert _start(tap(at, 5, -5)) == (5.0, -5.0)
    at.number_input(key="optimizers.x").set_value(3.0).run()
    assert _start(_ok(at)) == (3.0, -5.0)  # typing is kept too
    at.selectbox(key=PRESET).set_value("divergence").run()
    assert _start(_ok(at)) == (-7.0, 2.0)
    assert _start(tap(at, 5, -5)) == (5.0, -5.0)
    assert at.query_params["x"] in ("5", ["5"])


def test_adam_sliders_show_their_values_exactly():
    at = _ok(open_page("optimizers"))
    at.multiselect(key="optimizers.chosen").set_value(["adam", "rmsprop"]).run()
    _ok(at)
    for key, value in (("optimizers.adam.beta2", 0.999), ("optimizers.rmsprop.decay_rate", 0.99)):
        slider = at.slider(key=key)
        assert slider.value == value
        assert slider.proto.format % value == str(value)  # the browser shows 0.999, not 1.00
    assert "λ — L2 正則化の係数" in page_text(at)


def test_custom_function_is_in_the_link_and_a_reload_keeps_it():
    at = _ok(open_page("optimizers"))
    at.selectbox(key="optimizers.surface").set_value("saddle").run()
    _ok(at)
    query = {k: (v[-1] if isinstance(v, list) else v) for k, v in at.query_params.items()}
    assert query == {"preset": "custom", "fn": "saddle", "x": "1.5", "y": "0.01"}
    again = _ok(open_page("optimizers", query=query))  # a reload: the same link, a new session
    assert again.selectbox(key="optimizers.surface").value == "saddle"
    assert _start(again) == (1.5, 0.01) and not again.warning


def test_a_links_unknown_function_warns_in_japanese():
    at = _ok(open_page("optimizers", query={"preset": "custom", "fn": "zzz", "x": "3", "y": "1"}))
    assert any(w.value.startswith("リンクの関数「zzz」はありません") for w in at.warning)
    assert at.selectbox(key="optimizers.surface").value == "textbook" and _start(at) == (3.0, 1.0)


def test_english_lessons_use_the_english_comma():
    at = _ok(open_page("optimizers", lang="en", query={"preset": "textbook"}))
    runs = lab.run_lines("textbook", lab.PRESETS["textbook"].lines, None, 30)
    losses = ", ".join(f"{n} {lab.num(r.traj.loss[-1])}"
                       for r, n in zip(runs, ["SGD", "Momentum", "AdaGrad", "Adam"], strict=True))
    assert f"f after 30 steps: {losses}." in at.info[0].value
    at = _ok(open_page("optimizers", lang="en", query={"preset": "saddle"}))
    assert "、" not in at.info[0].value and "SGD 49, Momentum" in at.info[0].value


def test_nesterov_note_never_asks_for_a_line_already_drawn():
    at = _ok(open_page("optimizers", query={"preset": "nesterov"}))
    note = next(c.value for c in at.caption if "Nesterov.update" in c.value)
    assert "選んで" not in note and "図の 2 本の線がその違いです" in note
    at = _ok(open_page("optimizers"))
    at.multiselect(key="optimizers.chosen").set_value(["nesterov"]).run()
    note = next(c.value for c in _ok(at).caption if "Nesterov.update" in c.value)
    assert "「Nesterov（教科書のコード）」も選んでください" in note


@pytest.mark.parametrize("preset,shown", [("textbook", True), ("bias", False),
                                          ("nesterov", False)])
def test_the_sgd_threshold_shows_only_with_sgd_drawn(preset, shown):
    at = _ok(open_page("optimizers", query={"preset": preset}))
    assert any("SGD が収束するのは" in c.value for c in at.caption) is shown


def test_saddle_start_on_the_ridge_says_no_method_leaves():
    at = _ok(open_page("optimizers", query={"preset": "saddle", "x": "1.5", "y": "0"}))
    lesson = at.info[0].value
    assert lesson.startswith("開始点 (1.5, 0) は y = 0 の上にあります") and "達しない" not in lesson
    for name in ("sgd", "momentum", "adam"):  # what the text claims, from the core
        traj = opt.trajectory(name, "saddle", (1.5, 0.0), 60, lr=0.05)
        assert not np.any(traj.positions[:, 1]) and abs(traj.positions[-1, 0]) < 1.5
        assert lab.vec(traj.positions[-1]) in lesson


def test_saddle_start_already_past_one_says_so():
    at = _ok(open_page("optimizers", query={"preset": "saddle", "x": "1.5", "y": "1.5"}))
    lesson = at.info[0].value
    assert lesson.startswith("開始点の y = 1.5 はすでに |y| > 1") and "SGD 0" not in lesson
    for name in ("sgd", "momentum", "adam"):  # "keeps moving away": |y| grows every step
        traj = opt.trajectory(name, "saddle", (1.5, 1.5), 60, lr=0.05)
        assert np.all(np.diff(np.abs(traj.positions[:, 1])) > 0)
        assert lab.num(abs(traj.positions[-1, 1])) in lesson


def test_adagrad_text_names_the_gradient_as_the_main_shrink():
    at = _ok(open_page("optimizers", query={"preset": "adagrad"}))
    lesson = at.info[0].value
    ada = opt.trajectory("adagrad", "rosenbrock", steps=1000, lr=0.3)
    eff = 0.3 / (np.sqrt(ada.state["h"]) + 1e-7)
    g = np.linalg.norm(ada.grads, axis=1)
    assert g[0] / g[-1] > 100 * eff[0, 0] / eff[-1, 0]  # the numbers: |g| fell far more
    assert f"約 1/{lab.num(eff[0, 0] / eff[-1, 0], 3)}" in lesson
    assert f"勾配の大きさ |g| が {lab.num(g[0])} → {lab.num(g[-1])}" in lesson
    share = ada.grads[0, 0] ** 2 / ada.state["h"][-1, 0]
    assert share > 0.5 and f"{lab.num(100 * share, 3)}% をその 2 乗が占める" in lesson


def test_saddle_loss_chart_keeps_the_region_in_view():
    at = _ok(open_page("optimizers", query={"preset": "saddle"}))
    axis = figure(at, 1)["layout"]["yaxis"]
    assert axis["type"] == "linear" and axis["range"] == pytest.approx([-4.4, 4.4])
    assert any(c.value.startswith("縦軸は、等高線の図の範囲での f の値（-4〜4）") for c in at.caption)
