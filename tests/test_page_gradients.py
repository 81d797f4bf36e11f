"""The gradient-flow page through the real router (AppTest): every control at both ends,
driven by key, and the lessons visible in what the page draws.

Only one test runs the page at its (heavy) defaults. The others start from a light
network and a short training run, preset through session state, so that moving one
control to its end never multiplies with another control's end.
"""

from __future__ import annotations

import base64
import json

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

import activations as act
from tests.apptest import APP, open_page

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
    table = _table(at, 1)
    return dict(zip(table.iloc[:, 0], table.iloc[:, 1], strict=True))


def _accuracy(at) -> float:
    (value,) = [m.value for m in at.metric if m.label == "訓練データの正解率"]
    return float(value.rstrip("%")) / 100


def test_defaults_show_the_lessons():
    """At the defaults (50 layers, He): sigmoid vanishes, ReLU holds; identity fails on XOR."""
    at = open_page("gradients")
    _ok(at)
    assert at.title[0].value == "勾配フロー・ラボ"
    assert len(at.tabs) == 4
    # ① 3 lines, ② 2 band panels + 2 log charts, ③ 1, ④ boundary + loss
    assert len(at.get("plotly_chart")) == 8
    verdicts = _verdicts(at)
    assert verdicts[act.REGISTRY["sigmoid"].name_ja] == "消失"
    assert verdicts[act.REGISTRY["relu"].name_ja] == "安定"
    assert at.selectbox(key="gradients.train.fn").value == "identity"
    assert _accuracy(at) <= 0.75
    at.selectbox(key="gradients.train.fn").set_value("relu").run()
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
    for value in (1, 100, 8):
        at.slider(key="gradients.mlp.depth").set_value(value).run()
        _ok(at)
    for value in (16, 512, 32):
        at.select_slider(key="gradients.mlp.width").set_value(value).run()
        _ok(at)
    for value in (256, 16):
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
    at.slider(key="gradients.dead.bias").set_value(-1.0).run()
    _ok(at)
    dead = _traces(_chart(at, "gradients.dead.chart"))
    assert dead[act.REGISTRY["relu"].name_ja][-1] == 100.0  # every unit of the last layer dead
    assert np.all(dead["Leaky ReLU"] == 0.0)
    at.slider(key="gradients.dead.bias").set_value(0.0).run()
    _ok(at)
    at.multiselect(key="gradients.dead.fns").set_value([]).run()
    _ok(at)
    at.multiselect(key="gradients.dead.fns").set_value(list(act.ELEMENTWISE)).run()
    _ok(at)


def test_training_controls_at_both_ends(at):
    for data in ("circles", "spiral", "moons", "xor"):
        at.selectbox(key="gradients.train.data").set_value(data).run()
        _ok(at)
    for fn in (act.ELEMENTWISE[0], act.ELEMENTWISE[-1], "step"):
        at.selectbox(key="gradients.train.fn").set_value(fn).run()
        _ok(at)
    assert at.warning  # the step function's derivative is 0: the page says so
    for opt in ("gd", "adam"):
        at.radio(key="gradients.train.optimizer").set_value(opt).run()
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
    at.select_slider(key="gradients.train.steps").set_value(3000).run()
    _ok(at)
    loss = _traces(_chart(at, "gradients.train.loss_chart"))
    assert len(next(iter(loss.values()))) == 3000


def test_english():
    at = _light("en")
    assert at.title[0].value == "Gradient-flow lab"
    assert [tab.label for tab in at.tabs][0] == "① Depth arithmetic"


def test_choices_survive_the_language_toggle(at):
    at.multiselect(key="gradients.depth.fns").set_value(["gelu"]).run()
    at.radio(key="gradients.depth.mode").set_value("x").run()
    at.radio(key="gradients.mlp.init").set_value("xavier").run()
    at.selectbox(key="gradients.train.data").set_value("moons").run()
    at.session_state["lang"] = "en"  # what the sidebar toggle (key "lang") does
    at.run()
    _ok(at)
    assert at.title[0].value == "Gradient-flow lab"
    assert at.multiselect(key="gradients.depth.fns").value == ["gelu"]
    assert at.radio(key="gradients.depth.mode").value == "x"
    assert at.radio(key="gradients.mlp.init").value == "xavier"
    assert at.selectbox(key="gradients.train.data").value == "moons"


@pytest.mark.parametrize("preset, fn, verdict", [
    ("vanish", "sigmoid", "消失"),
    ("steady", "relu", "安定"),
    ("explode", "relu", "爆発"),  # 0.2·√(256/2) ≈ 2.3 per layer, 50 layers
    ("shrink", "relu", "消失"),  # 0.05·√128 ≈ 0.57 per layer
])
def test_presets_show_each_lesson(at, preset, fn, verdict):
    at.button(key=f"gradients.mlp.preset.{preset}").click().run()
    _ok(at)
    assert at.slider(key="gradients.mlp.depth").value == 50
    assert _verdicts(at)[act.REGISTRY[fn].name_ja] == verdict
