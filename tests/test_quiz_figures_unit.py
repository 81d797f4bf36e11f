"""The unit's figure kinds (quiz/figures_unit.py, plots/quiz_figures_unit.py): each kind's
numbers equal the core's at the spec's parameters (and, where a formula is short, a formula
written out here), a bad spec is reported in Japanese at its field, the caption names the
setting and the alt text never does, and every kind draws as a page figure and as a PNG."""

from __future__ import annotations

import io
import textwrap
import warnings

import numpy as np
import pytest
from PIL import Image
from pydantic import TypeAdapter

import losses
from optimizers import OPTIMIZERS, SURFACES, trajectory
from plots import figure_png as png_module
from plots.figure_png import figure_png
from plots.quiz_figures import make_question_figure
from plots.quiz_figures_unit import (
    DIVERGED,
    LEFT_BOX,
    loss_data,
    trajectory_data,
    trajectory_loss,
)
from quiz.figures import Figure, alt_text, describe
from quiz.loader import load_paths

ADAPTER = TypeAdapter(Figure)


def spec(**fields):
    return ADAPTER.validate_python(fields)


# ------------------------------------------------------------------------ references
def sig(a):
    return 1.0 / (1.0 + np.exp(-np.asarray(a, dtype=float)))


def reference_loss(name: str, y, t: float, delta: float = 1.0):
    """E(y, t) written out from the formulas of the spec."""
    y = np.asarray(y, dtype=float)
    if name == "squared":
        return 0.5 * (y - t) ** 2
    if name == "bce":
        with np.errstate(divide="ignore", invalid="ignore"):
            return -np.nan_to_num(t * np.log(y)) - np.nan_to_num((1 - t) * np.log(1 - y))
    r = np.abs(y - t)
    return np.where(r <= delta, 0.5 * r**2, delta * (r - delta / 2))


def by_differences(f, x, e=1e-6):
    return (f(x + e) - f(x - e)) / (2 * e)


LOSS_CASES = [
    (name, over, derivative, t)
    for name, targets in (("squared", (0.0, 2.5)), ("bce", (0.0, 1.0, 0.3)), ("huber", (0.0, -1.5)))
    for over in ("prediction", "logit") if not (name == "huber" and over == "logit")
    for derivative in (False, True)
    for t in targets
]


@pytest.mark.parametrize(("name", "over", "derivative", "t"), LOSS_CASES)
def test_loss_figure_draws_the_formula_and_the_losses_package(name, over, derivative, t):
    fig = spec(kind="loss", loss=name, target=t, over=over, derivative=derivative,
               **({"delta": 0.5} if name == "huber" else {}))
    x, y = loss_data(fig)
    delta = 0.5 if name == "huber" else 1.0
    if over == "prediction":
        def e(v):
            return reference_loss(name, v, t, delta)
    else:
        def e(v):
            return reference_loss(name, sig(v), t, delta)
    want = by_differences(e, x) if derivative else e(x)
    assert np.allclose(y, want, rtol=1e-5, atol=1e-6)
    # ... and the core's own functions at the same points, exactly
    core = {("squared", "prediction", False): lambda: losses.squared_error(x, t),
            ("squared", "prediction", True): lambda: losses.squared_error_grad(x, t),
            ("bce", "prediction", False): lambda: losses.binary_cross_entropy(x, t),
            ("bce", "prediction", True): lambda: losses.binary_cross_entropy_grad(x, t),
            ("bce", "logit", False): lambda: losses.binary_cross_entropy_with_logits(x, t),
            ("bce", "logit", True): lambda: losses.binary_cross_entropy_with_logits_grad(x, t),
            ("huber", "prediction", False): lambda: losses.huber(x, t, delta=0.5),
            ("huber", "prediction", True): lambda: losses.huber_grad(x, t, delta=0.5)}
    if (name, over, derivative) in core:
        assert np.array_equal(y, core[(name, over, derivative)]())


def test_loss_ranges_default_as_the_spec_says():
    assert loss_data(spec(kind="loss", loss="bce", target=1))[0][[0, -1]].tolist() == [0.01, 0.99]
    assert loss_data(spec(kind="loss", loss="squared", target=2))[0][[0, -1]].tolist() == [-1, 5]
    assert loss_data(spec(kind="loss", loss="huber", target=0))[0][[0, -1]].tolist() == [-3, 3]
    assert loss_data(spec(kind="loss", loss="squared", target=0, over="logit"))[0][
        [0, -1]].tolist() == [-6, 6]
    assert loss_data(spec(kind="loss", loss="bce", target=0, x=[0.2, 0.4]))[0][
        [0, -1]].tolist() == [0.2, 0.4]


def test_the_logit_gradient_of_bce_is_y_minus_t_and_of_squared_error_is_not():
    """The fact the figures are for: σ′ cancels in BCE's dE/da, not in the squared error's."""
    a_bce, g_bce = loss_data(spec(kind="loss", loss="bce", target=1, over="logit",
                                  derivative=True))
    assert np.allclose(g_bce, sig(a_bce) - 1, atol=1e-12)
    a_sq, g_sq = loss_data(spec(kind="loss", loss="squared", target=1, over="logit",
                                derivative=True))
    assert np.allclose(g_sq, (sig(a_sq) - 1) * sig(a_sq) * (1 - sig(a_sq)), atol=1e-12)
    assert abs(g_sq[0]) < 0.01 < abs(g_bce[0])  # at a = −6: squared error's gradient vanishes


# ----------------------------------------------------------------------- trajectory
TRAJECTORIES = [
    dict(surface="textbook", optimizer="momentum", hyper={"lr": 0.1, "momentum": 0.9},
         steps=30, start=[-7.0, 2.0]),
    dict(surface="ill_conditioned", optimizer="sgd", hyper={"lr": 0.25}, steps=40),
    dict(surface="rosenbrock", optimizer="adam", hyper={"lr": 0.05, "bias_correction": False},
         steps=120),
    dict(surface="saddle", optimizer="rmsprop", hyper={"lr": 0.01}, steps=200, view="loss"),
    dict(surface="textbook", optimizer="adagrad", steps=1),
    dict(surface="textbook", optimizer="sgd", hyper={"lr": 2.0}, steps=200, view="loss"),
]


@pytest.mark.parametrize("fields", TRAJECTORIES)
def test_a_trajectory_is_the_optimizers_own_run(fields):
    fig = spec(kind="trajectory", **fields)
    run = trajectory_data(fig)
    start = fields.get("start", SURFACES[fields["surface"]].start)
    want = trajectory(fields["optimizer"], fields["surface"], start=start, steps=fields["steps"],
                      **fields.get("hyper", {}))
    assert np.array_equal(run.positions, want.positions)
    assert np.array_equal(run.loss, want.loss, equal_nan=True)
    assert run.escaped_at == want.escaped_at
    t, y = trajectory_loss(fig, run)
    assert np.array_equal(t, np.arange(len(want.loss)))
    assert np.allclose(y, want.loss, atol=0)  # every surface here has f_min = 0 (or none)


def test_missing_hyper_parameters_take_the_labs_defaults():
    fig = spec(kind="trajectory", surface="textbook", optimizer="adam")
    assert trajectory_data(fig).hyper == OPTIMIZERS["adam"].defaults()


def test_different_settings_draw_different_paths_and_the_same_setting_the_same():
    base = dict(kind="trajectory", surface="textbook", optimizer="momentum")
    a = trajectory_data(spec(**base, hyper={"momentum": 0.9})).positions
    b = trajectory_data(spec(**base, hyper={"momentum": 0.5})).positions
    assert np.max(np.abs(a - b)) > 1
    assert np.array_equal(a, trajectory_data(spec(**base, hyper={"momentum": 0.9})).positions)


def _notes(fig) -> list[str]:
    return [a.text for a in fig.layout.annotations]


def test_a_run_that_leaves_the_box_says_so():
    diverged = spec(kind="trajectory", surface="textbook", optimizer="sgd", hyper={"lr": 2.0},
                    steps=200)
    assert trajectory_data(diverged).escaped_at is not None  # the core stops it
    assert DIVERGED in _notes(make_question_figure(diverged))
    assert DIVERGED in _notes(make_question_figure(diverged.model_copy(update={"view": "loss"})))
    fine = spec(kind="trajectory", surface="textbook", optimizer="sgd", hyper={"lr": 0.9})
    assert _notes(make_question_figure(fine)) == []
    saddle = spec(kind="trajectory", surface="saddle", optimizer="sgd", hyper={"lr": 0.1})
    assert _notes(make_question_figure(saddle)) == [LEFT_BOX]  # no minimum: not divergence


def test_the_path_view_draws_contours_the_path_its_start_and_the_minimum():
    fig = make_question_figure(spec(kind="trajectory", surface="textbook", optimizer="momentum"))
    contour, path, start, minimum = fig.data
    assert contour.type == "contour" and contour.contours.coloring == "lines"
    assert (start.x[0], start.y[0]) == (-7.0, 2.0)
    assert (minimum.x[0], minimum.y[0], minimum.marker.symbol) == (0.0, 0.0, "x")
    assert len(path.x) == 31
    assert list(fig.layout.xaxis.range) == [-10, 10]  # the box: a path beyond it is clipped
    saddle = make_question_figure(spec(kind="trajectory", surface="saddle", optimizer="sgd"))
    assert len(saddle.data) == 3  # no minimum to mark


# ------------------------------------------------------------------ problems in a bank
HEAD = """\
questions:
  - id: q
    theme: formulas
    functions: [sigmoid]
    difficulty: 2
    explanation: e
    text: t
    type: single
    figure: %s
    options: [a, b, c, d]
    answer: a
"""


def problems(tmp_path, figure: str) -> list[tuple[str, str]]:
    path = tmp_path / "bank.yaml"
    path.write_text(textwrap.dedent(HEAD % figure), encoding="utf-8")
    return [(p.location.split(" → ")[-1], p.message_ja) for p in load_paths([path]).problems]


@pytest.mark.parametrize(("figure", "field", "ja"), [
    ("{kind: loss, loss: bce, target: 1.5}", "figure.target",
     "2値交差エントロピーの target は 0 以上 1 以下にしてください"),
    ("{kind: loss, loss: squared, target: 11}", "figure.target",
     "target は -10 以上 10 以下にしてください"),
    ("{kind: loss, loss: huber, target: 0, over: logit}", "figure.over",
     "Huber 損失は over: prediction だけで描けます"),
    ("{kind: loss, loss: bce, target: 0, delta: 2}", "figure.delta",
     "delta は Huber 損失（loss: huber）のときだけ指定できます"),
    ("{kind: loss, loss: bce, target: 0, x: [0, 0.5]}", "figure.x",
     "予測 y に対する2値交差エントロピーは 0 < 下端 < 上端 < 1 にしてください"),
    ("{kind: loss, loss: squared, target: 0, x: [-12, 1]}", "figure.x",
     "-10 ≤ 下端 < 上端 ≤ 10 にしてください"),
    ("{kind: loss, loss: bce, target: 0, over: logit, x: [2, 1]}", "figure.x",
     "-10 ≤ 下端 < 上端 ≤ 10 にしてください"),
    ("{kind: trajectory, surface: textbook, optimizer: sgd, hyper: {lr: 5}}", "figure.hyper.lr",
     "範囲外です: lr must be in [0.0001, 2.0], got 5.0"),
    ("{kind: trajectory, surface: textbook, optimizer: sgd, hyper: {momentum: 0.9}}",
     "figure.hyper.momentum", "sgd にハイパーパラメータ 'momentum' はありません"),
    ("{kind: trajectory, surface: saddle, optimizer: sgd, start: [3, 0]}", "figure.start",
     "開始点は描画範囲 [−2, 2] × [−2, 2] の中にしてください"),
])
def test_a_bad_unit_figure_is_reported_in_japanese_at_its_field(tmp_path, figure, field, ja):
    assert problems(tmp_path, figure) == [(field, ja)]


@pytest.mark.parametrize("figure", [
    "{kind: trajectory, surface: noisy, optimizer: sgd}",
    "{kind: trajectory, surface: textbook, optimizer: lion}",
    "{kind: trajectory, surface: textbook, optimizer: sgd, steps: 201}",
    "{kind: loss, loss: cross_entropy, target: 1}",
])
def test_a_value_outside_the_kinds_choices_is_reported(tmp_path, figure):
    (found,) = problems(tmp_path, figure)
    assert found[0].startswith("figure.") and found[1]


# ------------------------------------------------------------------- captions and alt
CAPTIONS = [
    ({"kind": "loss", "loss": "bce", "target": 1, "over": "logit", "derivative": True},
     "2値交差エントロピー（t = 1）をロジット a で微分した dE/da"),
    ({"kind": "loss", "loss": "squared", "target": 0},
     "二乗誤差 ½(y − t)²（t = 0）の y に対するグラフ"),
    ({"kind": "loss", "loss": "huber", "target": -1, "delta": 0.5, "derivative": True},
     "Huber 損失（δ = 0.5）（t = −1）を y で微分した dE/dy"),
    ({"kind": "trajectory", "surface": "textbook", "optimizer": "momentum",
      "hyper": {"lr": 0.1, "momentum": 0.9}, "steps": 30, "start": [-7.0, 2.0]},
     "Momentum（学習率 0.1、μ = 0.9）の 30 ステップの軌跡（x²/20 + y²、開始点 (−7, 2)）"),
    ({"kind": "trajectory", "surface": "saddle", "optimizer": "adam", "view": "loss",
      "hyper": {"bias_correction": False}},
     "Adam（学習率 0.3、バイアス補正なし）の 30 ステップの損失の推移（鞍点 x² − y²、開始点 (1.5, 0.01)）"),
]


@pytest.mark.parametrize(("fields", "caption"), CAPTIONS)
def test_the_caption_names_the_setting(fields, caption):
    assert describe(spec(**fields)) == caption


# what an alt text must never say: the names of losses, optimizers, surfaces and settings
SECRETS = ("交差エントロピー", "二乗", "Huber", "t =", "微分", "dE", "δ", "学習率", "μ", "η",
           "x²", "ローゼンブロック", "鞍点", *(o.name_ja.split("（")[0] for o in OPTIMIZERS.values()),
           *(o.name for o in OPTIMIZERS.values()), "SGD", "Momentum", "Adam")


@pytest.mark.parametrize("fields", [f for f, _ in CAPTIONS] + [
    {"kind": "trajectory", **t} for t in TRAJECTORIES])
def test_the_alt_text_names_the_plot_and_its_axes_never_the_setting(fields):
    fig = spec(**fields)
    alt = alt_text(fig, "C")
    assert alt.startswith("選択肢 C の図：")
    assert not [s for s in SECRETS if s.lower() in alt.lower()], alt


# ------------------------------------------------------------------------- drawing
DRAWN = [
    {"kind": "loss", "loss": "bce", "target": 1, "over": "logit", "derivative": True},
    {"kind": "loss", "loss": "bce", "target": 0.3},
    {"kind": "loss", "loss": "huber", "target": 1, "delta": 0.5},
    *({"kind": "trajectory", **t} for t in TRAJECTORIES),
]


def _is_png_with_the_line_colour(data: bytes) -> bool:
    image = np.asarray(Image.open(io.BytesIO(data)).convert("RGB")).reshape(-1, 3).astype(int)
    blue = np.array([0x25, 0x63, 0xEB])
    return bool(np.sum(np.abs(image - blue).sum(axis=1) < 60) > 50)


@pytest.mark.parametrize("fields", DRAWN)
def test_every_kind_draws_and_renders_as_an_anki_png(fields):
    fig = make_question_figure(spec(**fields), "B")
    assert fig.data and fig.layout.title.text == "<b>B</b>" and fig.layout.showlegend is False
    assert _is_png_with_the_line_colour(figure_png(fig))


@pytest.mark.parametrize("fields", DRAWN)
def test_without_a_japanese_font_every_label_is_drawn_in_english(monkeypatch, fields):
    monkeypatch.setattr(png_module, "cjk_font", lambda: None)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns for each glyph it cannot draw
        assert png_module.figure_png(make_question_figure(spec(**fields), "A")).startswith(
            b"\x89PNG")
