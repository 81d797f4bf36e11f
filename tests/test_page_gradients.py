"""The gradient-flow page through the real router (AppTest): every control at both ends,
driven by key, and the lessons visible in what the page draws. Only the open tab runs; a
test opens a tab as the tab strip does, by setting its state (the tab's label).

Only one test runs the page at its (heavy) defaults. The others start from a light
network and a short training run, preset through session state, so that moving one
control to its end never multiplies with another control's end.
"""

from __future__ import annotations

import base64
import json
import re

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

import activations as act
from tests.apptest import APP, open_page
from ui.strings import CATALOGUE
from viewstate import gradients_options as opt

LIGHT = {"gradients.mlp.depth": 8, "gradients.mlp.width": 32, "gradients.mlp.batch": 16,
         "gradients.train.steps": 100}


def _array(value) -> np.ndarray:
    """A trace array from the wire JSON: a list, or Plotly's typed-array form {dtype, bdata}."""
    if isinstance(value, dict):
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"]).astype(float)
    return np.array([np.nan if v is None else v for v in value], dtype=float)


def _chart(at, key_part: str) -> dict:
    """The figure JSON of the chart whose element id contains ``key_part``."""
    found = [c for c in at.get("plotly_chart") if key_part in c.proto.id]
    assert len(found) == 1, [c.proto.id for c in at.get("plotly_chart")]
    return json.loads(found[0].proto.spec)


def _traces(fig: dict) -> dict[str, np.ndarray]:
    return {tr.get("name"): _array(tr["y"]) for tr in fig["data"] if tr.get("name")}


def _open(at, tab: str, lang: str = "ja") -> AppTest:
    """Click a tab: its state becomes its label, and the page reruns."""
    at.session_state["gradients.tab"] = CATALOGUE[f"gradients.tab.{tab}"][lang == "en"]
    at.run()
    _ok(at)
    return at


def _ok(at) -> None:
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]


def _table(at, index: int):
    return at.dataframe[index].value


def _light(lang: str = "ja") -> AppTest:
    page = AppTest.from_file(APP, default_timeout=120)
    page.session_state["lang"] = lang
    for key, value in LIGHT.items():
        page.session_state[key] = value
    page.switch_page("views/gradients.py")
    page.run()
    _ok(page)
    return page


@pytest.fixture
def at():
    return _light()


def _verdicts(at) -> dict[str, str]:
    table = _table(at, 0)  # ② draws one table
    return dict(zip(table.iloc[:, 0], table.iloc[:, 1], strict=True))


def _trained(at, runs: int = 60) -> AppTest:
    """Rerun until ④'s run has ended. In a browser the training fragment's timer starts each
    slice of the run; AppTest has no timer, and each run of the page trains one slice."""
    for _ in range(runs):
        if not at.get("progress"):
            return at
        at.run()
        _ok(at)
    raise AssertionError("the training run did not end")


def _progress(at) -> str:
    (bar,) = at.get("progress")
    return bar.proto.text


def _accuracy(at) -> float:
    (value,) = [m.value for m in at.metric if m.label == "訓練データの正解率"]
    return float(value.rstrip("%")) / 100


def test_defaults_show_the_lessons():
    """At the defaults (50 layers, He): sigmoid vanishes, ReLU holds; identity fails on XOR."""
    at = open_page("gradients")
    _ok(at)
    assert at.title[0].value == "勾配フロー・ラボ"
    assert len(at.tabs) == 4
    # only the open tab runs: ① draws 1 chart; ② 2 log charts + 2 band panels, ③ 1, ④ 2
    assert len(at.get("plotly_chart")) == 1
    for tab, charts in (("mlp", 4), ("dead", 1), ("train", 2)):
        assert len(_open(at, tab).get("plotly_chart")) == charts, tab
    _open(at, "mlp")
    verdicts = _verdicts(at)
    assert verdicts[act.REGISTRY["sigmoid"].name_ja] == "消失"
    assert verdicts[act.REGISTRY["relu"].name_ja] == "安定"
    _trained(_open(at, "train"))
    assert at.selectbox(key="gradients.train.fn").value == "identity"
    assert _accuracy(at) <= 0.75
    _trained(at.selectbox(key="gradients.train.fn").set_value("relu").run())
    _ok(at)
    assert _accuracy(at) >= 0.95


def test_depth_controls_at_both_ends(at):
    at.multiselect(key="gradients.depth.fns").set_value([]).run()
    _ok(at)
    assert any("活性化関数を1つ以上" in i.value for i in at.info)
    at.multiselect(key="gradients.depth.fns").set_value(list(act.ELEMENTWISE)).run()
    _ok(at)
    for value in (1, 100):
        at.select_slider(key="gradients.depth.L").set_value(value).run()
        _ok(at)
    at.radio(key="gradients.depth.mode").set_value("x").run()
    for x in (-5.0, 5.0, 0.0):
        at.slider(key="gradients.depth.x").set_value(x).run()
        _ok(at)
    # at z = 0 through 100 layers: σ'(0) = 1/4, so the last point is 4^-100
    lines = _traces(_chart(at, "gradients.depth.chart"))
    sigmoid = lines[act.REGISTRY["sigmoid"].name_ja]
    assert sigmoid[-1] == pytest.approx(4.0**-100, rel=1e-10)
    assert np.all(np.isnan(lines[act.REGISTRY["relu"].name_ja]))  # ReLU'(0) = 0: no line on a log axis
    at.radio(key="gradients.depth.mode").set_value("max").run()
    _ok(at)


def test_network_controls_at_both_ends(at):
    _open(at, "mlp")
    for value in (1, opt.MAX_DEPTH, 8):
        at.slider(key="gradients.mlp.depth").set_value(value).run()
        _ok(at)
    for value in (opt.WIDTHS[0], opt.WIDTHS[-1], 32):
        at.select_slider(key="gradients.mlp.width").set_value(value).run()
        _ok(at)
    for value in (opt.BATCHES[-1], 16):
        at.select_slider(key="gradients.mlp.batch").set_value(value).run()
        _ok(at)
    for init in ("xavier", "he", "custom"):
        at.radio(key="gradients.mlp.init").set_value(init).run()
        _ok(at)
    for std in (0.01, 1.0):
        at.select_slider(key="gradients.mlp.std").set_value(std).run()
        _ok(at)
    # std 1.0 with 32 units: ReLU scales by about √(32/2) = 4 per layer, 4^8 ≫ 1e3
    assert _verdicts(at)[act.REGISTRY["relu"].name_ja] == "爆発"
    for seed in (9999, 0):
        at.number_input(key="gradients.mlp.seed").set_value(seed).run()
        _ok(at)
    at.multiselect(key="gradients.mlp.fns").set_value([]).run()
    _ok(at)
    at.multiselect(key="gradients.mlp.fns").set_value(["identity", "step", "mish", "selu"]).run()
    _ok(at)


def test_dying_relu_controls_at_both_ends(at):
    _open(at, "dead")
    at.slider(key="gradients.dead.bias").set_value(-1.0).run()
    _ok(at)
    dead = _traces(_chart(at, "gradients.dead.chart"))
    assert dead[act.REGISTRY["relu"].name_ja][-1] == 100.0  # every unit of the last layer dead
    assert np.all(dead["Leaky ReLU"] == 0.0)
    at.slider(key="gradients.dead.bias").set_value(0.0).run()
    _ok(at)
    at.multiselect(key="gradients.dead.fns").set_value([]).run()
    _ok(at)
    at.multiselect(key="gradients.dead.fns").set_value(list(act.ELEMENTWISE[-opt.MAX_FNS:])).run()
    _ok(at)


def test_training_controls_at_both_ends(at):
    _open(at, "train")
    for data in ("circles", "spiral", "moons", "xor"):
        at.selectbox(key="gradients.train.data").set_value(data).run()
        _ok(at)
    for fn in (act.ELEMENTWISE[0], act.ELEMENTWISE[-1], "step"):
        at.selectbox(key="gradients.train.fn").set_value(fn).run()
        _ok(at)
    assert at.warning  # the step function's derivative is 0: the page says so
    for optimizer in ("gd", "adam"):
        at.radio(key="gradients.train.optimizer").set_value(optimizer).run()
        _ok(at)
    for lr in (0.001, 1.0):
        at.select_slider(key="gradients.train.lr").set_value(lr).run()
        _ok(at)
    for width in (64, 2):
        at.select_slider(key="gradients.train.width").set_value(width).run()
        _ok(at)
    for seed in (9999, 0):
        at.number_input(key="gradients.train.seed").set_value(seed).run()
        _ok(at)
    at.selectbox(key="gradients.train.fn").set_value("relu").run()
    _trained(at.select_slider(key="gradients.train.steps").set_value(3000).run())
    loss = _traces(_chart(at, "gradients.train.loss_chart"))
    assert len(next(iter(loss.values()))) == 3000


def test_english():
    at = _light("en")
    assert at.title[0].value == "Gradient-flow lab"
    assert [tab.label for tab in at.tabs] == ["① Depth", "② Deep MLP", "③ Dying ReLU",
                                              "④ Nonlinearity"]


def test_choices_survive_the_language_toggle(at):
    at.multiselect(key="gradients.depth.fns").set_value(["gelu"]).run()
    at.radio(key="gradients.depth.mode").set_value("x").run()
    _open(at, "mlp").radio(key="gradients.mlp.init").set_value("xavier").run()
    _open(at, "train").selectbox(key="gradients.train.data").set_value("moons").run()
    at.session_state["lang"] = "en"  # what the sidebar toggle (key "lang") does
    at.run()
    _ok(at)
    assert at.title[0].value == "Gradient-flow lab"
    # the same tab stays open, named in English
    assert at.session_state["gradients.tab"] == "④ Nonlinearity"
    assert at.selectbox(key="gradients.train.data").value == "moons"
    assert _open(at, "mlp", "en").radio(key="gradients.mlp.init").value == "xavier"
    _open(at, "depth", "en")
    assert at.multiselect(key="gradients.depth.fns").value == ["gelu"]
    assert at.radio(key="gradients.depth.mode").value == "x"


def test_settings_survive_a_visit_to_another_tab(at):
    """Streamlit drops the state of widgets a run does not draw; the page keeps it."""
    at.select_slider(key="gradients.depth.L").set_value(50).run()
    _open(at, "mlp").slider(key="gradients.mlp.depth").set_value(5).run()
    _open(at, "dead")
    assert any("ネットワーク：5 層" in c.value for c in at.caption)  # ③ runs ②'s network
    _open(at, "train")
    assert _open(at, "depth").select_slider(key="gradients.depth.L").value == 50
    assert _open(at, "mlp").slider(key="gradients.mlp.depth").value == 5


def _loss_points(at) -> int:
    return len(next(iter(_traces(_chart(at, "gradients.train.loss_chart")).values())))


def test_stop_keeps_the_steps_trained_and_resume_goes_on(at):
    """停止 during a run: the run stays where it was, rerun after rerun; 続きを学習 goes on
    from there to the end. (The browser test presses 停止 during a real run.)"""
    _open(at, "train")
    at.select_slider(key="gradients.train.steps").set_value(3000).run()
    _ok(at)
    assert "/ 3000" in _progress(at)  # one slice per run: the run goes on
    at.button(key="gradients.train.stop").click().run()
    _ok(at)
    assert not at.get("progress")
    (note,) = [i.value for i in at.info if "停止しました" in i.value]
    done = int(re.search(r"(\d+) / 3000", note).group(1))
    assert 0 < done < 3000
    assert _loss_points(at) == done
    for _ in range(3):  # nothing trains on while stopped
        at.run()
        _ok(at)
        assert _loss_points(at) == done and not at.get("progress")
    assert at.button(key="gradients.train.stop").label == "続きを学習"
    _trained(at.button(key="gradients.train.stop").click().run())
    assert _loss_points(at) == 3000
    assert not [i for i in at.info if "停止しました" in i.value]
    assert at.button(key="gradients.train.stop").disabled  # nothing left to stop
    _trained(at.select_slider(key="gradients.train.lr").set_value(0.1).run())  # a new run
    assert _loss_points(at) == 3000


@pytest.mark.parametrize("preset, fn, verdict", [
    ("vanish", "sigmoid", "消失"),
    ("steady", "relu", "安定"),
    ("explode", "relu", "爆発"),  # 0.2·√(256/2) ≈ 2.3 per layer, 50 layers
    ("shrink", "relu", "消失"),  # 0.05·√128 ≈ 0.57 per layer
])
def test_presets_show_each_lesson(at, preset, fn, verdict):
    _open(at, "mlp")
    at.button(key=f"gradients.mlp.preset.{preset}").click().run()
    _ok(at)
    assert at.slider(key="gradients.mlp.depth").value == 50
    assert _verdicts(at)[act.REGISTRY[fn].name_ja] == verdict
    # the chart's caption names the initialisation the preset chose, and the table's verdicts
    (caption,) = [c.value for c in at.caption if c.value.startswith("いまの設定")]
    init = at.radio(key="gradients.mlp.init").value
    named = {"xavier": "（Xavier", "he": "（He", "custom": "（重みの標準偏差 "}
    assert named[init] in caption
    assert not [w for k, w in named.items() if k != init and w in caption]
    for name, v in _verdicts(at).items():
        assert f"{name} {v}" in caption


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_tabs_charts_are_described(lang):
    """tests/test_chart_alt.py sees only the open tab (①); here every tab, in each language."""
    at = _light(lang)
    japanese = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
    for tab in ("depth", "mlp", "dead", "train"):
        alts = [chart.proto.alt for chart in _open(at, tab, lang).get("plotly_chart")]
        assert alts and all(alt.strip() for alt in alts), (tab, alts)
        assert all(bool(japanese.search(alt)) == (lang == "ja") for alt in alts), (tab, alts)
