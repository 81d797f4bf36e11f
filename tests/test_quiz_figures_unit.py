"""The unit's figure kinds (quiz/figures_unit.py, plots/quiz_figures_unit.py): each kind's
numbers equal the core's at the spec's parameters (and, where a formula is short, a formula
written out here), a bad spec is reported in Japanese at its field, the caption names the
setting and the alt text never does, and every kind draws as a page figure and as a PNG."""

from __future__ import annotations

import io
import math
import textwrap
import warnings

import numpy as np
import pytest
from PIL import Image
from pydantic import TypeAdapter

import losses
from gradflow import init_bn
from gradflow.overfit import OFFERED, OverfitConfig, train
from optimizers import OPTIMIZERS, SURFACES, trajectory
from plots import figure_png as png_module
from plots.figure_png import figure_png
from plots.quiz_figures import make_question_figure
from plots.quiz_figures_unit import (
    DIVERGED,
    LEFT_BOX,
    TRAIN,
    VALIDATION,
    ZERO_NOTE,
    init_histograms_data,
    loss_data,
    numdiff_data,
    overfit_data,
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


# ------------------------------------------------------------------ init_histograms
def reference_activations(activation: str, init: str, batchnorm: bool, layers: int = 5):
    """The textbook's experiment written out here: its own seed and loop, BN by hand."""
    rng = np.random.default_rng(2024)
    std = {"std1": 1.0, "std001": 0.01, "xavier": np.sqrt(1 / 100), "he": np.sqrt(2 / 100)}[init]
    h = {"sigmoid": sig, "relu": lambda z: np.maximum(z, 0.0), "tanh": np.tanh}[activation]
    a = rng.standard_normal((1000, 100))
    out = []
    for _ in range(layers):
        z = a @ (std * rng.standard_normal((100, 100)))
        if batchnorm:
            z = (z - z.mean(axis=0)) / np.sqrt(z.var(axis=0) + 1e-6)
        a = h(z)
        out.append(a)
    return out


INITS = [(act, init, bn) for act in ("sigmoid", "relu", "tanh")
         for init in ("std1", "std001", "xavier", "he") for bn in (False, True)]


@pytest.mark.parametrize(("activation", "init", "batchnorm"), INITS)
def test_init_histograms_are_the_textbooks_experiment(activation, init, batchnorm):
    fig = spec(kind="init_histograms", activation=activation, init=init, batchnorm=batchnorm)
    edges, shares, zeros = init_histograms_data(fig)
    assert shares.shape == (5, 30) and len(edges) == 31
    core = init_bn.experiment(init_bn.Setting(activation=activation, init=init,
                                              batchnorm=batchnorm))
    assert np.array_equal(zeros, [h.zero_share for h in core.histograms])
    ref = reference_activations(activation, init, batchnorm)
    if activation == "relu":  # one range for every layer, zeros apart
        assert edges[0] == 0 and edges[-1] == max(h.edges[-1] for h in core.histograms)
        assert np.all(shares.sum(axis=1) + zeros <= 1 + 1e-12)
        assert np.all(shares.sum(axis=1) + zeros >= 0.995 - 1e-12)  # ≤ 0.5 % past the range
        ref_shares = [np.histogram(a[a > 0], bins=edges)[0] / a.size for a in ref]
    else:
        for h, row in zip(core.histograms, shares, strict=True):
            assert np.array_equal(h.edges, edges) and np.array_equal(h.share, row)
        assert (edges[0], edges[-1]) == {"sigmoid": (0, 1), "tanh": (-1, 1)}[activation]
        ref_shares = [np.histogram(a, bins=edges)[0] / a.size for a in ref]
    # the independent network draws the same histograms up to the noise of another draw of
    # the weights (total variation in 6 coarse bins: ≤ 0.06 on average over the layers)
    def coarse(s):
        return np.asarray(s).reshape(len(s), 6, 5).sum(axis=2)
    tv = 0.5 * np.abs(coarse(shares) - coarse(ref_shares)).sum(axis=1)
    assert tv.mean() < 0.08, tv


def test_init_histograms_of_different_settings_look_different():
    def last(**kw):
        return init_histograms_data(spec(kind="init_histograms", **kw))[1][-1]
    pairs = [({"activation": "relu", "init": "xavier"}, {"activation": "relu", "init": "he"}),
             ({"activation": "sigmoid", "init": "std1"}, {"activation": "sigmoid", "init": "xavier"}),
             ({"activation": "tanh", "init": "std001"},
              {"activation": "tanh", "init": "std001", "batchnorm": True})]
    for a, b in pairs:
        assert 0.5 * np.abs(last(**a) - last(**b)).sum() > 0.2, (a, b)


def test_init_histograms_draw_one_panel_per_layer():
    fig = make_question_figure(spec(kind="init_histograms", activation="relu", init="he",
                                    layers=3), "A")
    assert len(fig.data) == 3
    assert [a.text for a in fig.layout.annotations] == ["1層目", "2層目", "3層目", ZERO_NOTE]
    sigmoid = make_question_figure(spec(kind="init_histograms", activation="sigmoid",
                                        init="he"))
    assert ZERO_NOTE not in [a.text for a in sigmoid.layout.annotations]


# --------------------------------------------------------------------------- overfit
OVERFITS = [("none", 0.0), ("l2", 0.01), ("l1", 0.003), ("dropout", 0.5)]


@pytest.mark.parametrize(("method", "strength"), OVERFITS)
def test_overfit_curves_are_the_regularisation_labs_run(method, strength):
    fig = spec(kind="overfit", method=method, strength=strength, early_stopping=True)
    epochs, tr, val, best = overfit_data(fig)
    run = train(OverfitConfig(method=method, strength=strength))  # the lab's defaults
    assert run.config.epochs == 500 and run.config.n_train == 30 and run.config.seed == 0
    assert np.array_equal(tr, run.train_loss) and np.array_equal(val, run.val_loss)
    assert np.array_equal(epochs, np.arange(1, 501))
    # the vertical line: the first epoch (1-based) of the lowest validation loss
    assert best == int(np.argmin(run.val_loss)) + 1
    assert overfit_data(fig.model_copy(update={"early_stopping": False}))[3] is None


def test_without_regularisation_the_run_overfits_and_l2_narrows_the_gap():
    """What the figures are asked about, measured: the gap grows without a cure."""
    _, tr, val, _ = overfit_data(spec(kind="overfit", method="none"))
    _, tr2, val2, _ = overfit_data(spec(kind="overfit", method="l2", strength=0.03))
    assert val[-1] - tr[-1] > 0.2 and val[-1] > val.min() + 0.1
    assert (val2 - tr2)[-1] < 0.5 * (val - tr)[-1]


def test_the_loss_view_labels_its_two_lines_and_the_gap_view_draws_one():
    fig = make_question_figure(spec(kind="overfit", method="none", early_stopping=True))
    train_line, val_line, stop = fig.data
    assert train_line.line.dash == "solid" and val_line.line.dash == "dash"
    assert sorted(a.text for a in fig.layout.annotations) == sorted([TRAIN, VALIDATION])
    assert stop.x[0] == stop.x[1] == overfit_data(spec(kind="overfit", method="none",
                                                        early_stopping=True))[3]
    gap = make_question_figure(spec(kind="overfit", method="l1", strength=0.01, view="gap"))
    assert len(gap.data) == 1 and not gap.layout.annotations
    _, tr, val, _ = overfit_data(spec(kind="overfit", method="l1", strength=0.01))
    assert np.allclose(gap.data[0].y, val - tr)


# --------------------------------------------------------------------------- numdiff
def sigmoid_derivatives(x: float) -> tuple[float, float, float, float]:
    """σ, σ′, σ″, σ‴ at x, written out with math (not the registry)."""
    s = 1 / (1 + math.exp(-x))
    return s, s * (1 - s), s * (1 - s) * (1 - 2 * s), s * (1 - s) * (1 - 6 * s + 6 * s * s)


@pytest.mark.parametrize("method", ["central", "forward"])
@pytest.mark.parametrize("at", [1.0, -2.5])
def test_numdiff_error_is_truncation_then_round_off(method, at):
    h, err = numdiff_data(spec(kind="numdiff", fn="sigmoid", at=at, method=method))
    assert h[0] == 1e-16 and h[-1] == 1.0 and np.all(np.diff(np.log10(h)) > 0)
    _, d1, d2, d3 = sigmoid_derivatives(at)
    # truncation, from Taylor: central |f‴| h²/6, forward |f″| h/2 (at h where it dominates)
    mid = (h >= 1e-4) & (h <= 1e-3) if method == "central" else (h >= 1e-6) & (h <= 1e-4)
    want = abs(d3) * h**2 / 6 if method == "central" else abs(d2) * h / 2
    assert np.allclose(err[mid], want[mid], rtol=0.02)
    # the best h: near 1e-5 for central differences, near 1e-8 for forward ones
    best = float(np.log10(h[np.argmin(err)]))
    assert (-7 <= best <= -3.5) if method == "central" else (-10 <= best <= -6.5)
    # too small an h: x + h rounds to x and the derivative is lost
    assert abs(err[0] - abs(d1)) < 1e-12


def test_numdiff_is_the_float64_differences_of_the_registrys_functions():
    """Element by element, in plain Python floats: the same numbers bit for bit."""
    import activations as act
    spec_ = act.REGISTRY["tanh"]
    h, err = numdiff_data(spec(kind="numdiff", fn="tanh", at=0.5))
    exact = float(spec_.dh(np.array([0.5]))[0])
    for hi, e in zip(h, err, strict=True):
        num = (float(spec_.h(np.array([0.5 + hi]))[0])
               - float(spec_.h(np.array([0.5 - hi]))[0])) / (2 * hi)
        assert e == abs(num - exact)


def test_numdiff_of_different_functions_and_methods_differ():
    def err(**kw):
        return np.log10(np.maximum(numdiff_data(spec(kind="numdiff", **kw))[1], 1e-17))
    assert np.max(np.abs(err(fn="sigmoid") - err(fn="sigmoid", method="forward"))) > 2
    assert np.max(np.abs(err(fn="sigmoid") - err(fn="tanh"))) > 1


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
    ("{kind: overfit, method: l2, strength: 0.02}", "figure.strength",
     f"l2 の strength は {', '.join(f'{v:g}' for v in OFFERED['l2'])} のどれかにしてください"),
    ("{kind: overfit, method: none, strength: 0.5}", "figure.strength",
     "method: none の strength は 0 にしてください"),
    ("{kind: numdiff, fn: softmax}", "figure.fn",
     "'softmax' はレジストリの要素ごとの関数ではありません"),
    ("{kind: numdiff, fn: sigmoid, at: 12}", "figure.at", "at は -10 以上 10 以下にしてください"),
])
def test_a_bad_unit_figure_is_reported_in_japanese_at_its_field(tmp_path, figure, field, ja):
    assert problems(tmp_path, figure) == [(field, ja)]


@pytest.mark.parametrize("figure", [
    "{kind: trajectory, surface: noisy, optimizer: sgd}",
    "{kind: trajectory, surface: textbook, optimizer: lion}",
    "{kind: trajectory, surface: textbook, optimizer: sgd, steps: 201}",
    "{kind: loss, loss: cross_entropy, target: 1}",
    "{kind: init_histograms, activation: gelu, init: he}",
    "{kind: init_histograms, activation: relu, init: he, layers: 6}",
    "{kind: overfit, method: early}",
    "{kind: numdiff, fn: sigmoid, method: backward}",
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
    ({"kind": "init_histograms", "activation": "sigmoid", "init": "xavier"},
     "Sigmoid ＋ Xavier の初期値（バッチ正規化なし、5 層）"),
    ({"kind": "init_histograms", "activation": "relu", "init": "std001", "batchnorm": True,
      "layers": 3}, "ReLU ＋ 標準偏差 0.01 の正規分布（バッチ正規化あり、3 層）"),
    ({"kind": "overfit", "method": "l2", "strength": 0.01}, "L2 正則化（λ = 0.01）の訓練・検証損失"),
    ({"kind": "overfit", "method": "dropout", "strength": 0.5, "view": "gap",
      "early_stopping": True},
     "Dropout（比率 0.5）の検証損失と訓練損失の差（縦線: 検証損失が最小のエポック）"),
    ({"kind": "numdiff", "fn": "sigmoid", "at": 1.0},
     "シグモイド関数の x = 1 での中心差分の誤差（刻み幅 h に対して）"),
    ({"kind": "numdiff", "fn": "tanh", "at": -0.5, "method": "forward"},
     "双曲線正接関数 (tanh)の x = −0.5 での前進差分の誤差（刻み幅 h に対して）"),
    ({"kind": "trajectory", "surface": "saddle", "optimizer": "adam", "view": "loss",
      "hyper": {"bias_correction": False}},
     "Adam（学習率 0.3、バイアス補正なし）の 30 ステップの損失の推移（鞍点 x² − y²、開始点 (1.5, 0.01)）"),
]


@pytest.mark.parametrize(("fields", "caption"), CAPTIONS)
def test_the_caption_names_the_setting(fields, caption):
    assert describe(spec(**fields)) == caption


# what an alt text must never say: the names of losses, optimizers, surfaces and settings
SECRETS = ("Sigmoid", "シグモイド", "ReLU", "tanh", "Xavier", "He ", "標準偏差", "正規化",
           "L1", "L2", "Dropout", "ドロップアウト", "λ", "比率", "正則化", "中心", "前進", "x = ",
           "交差エントロピー", "二乗", "Huber", "t =", "で微分", "導関数", "dE", "δ", "学習率", "μ", "η",
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
    {"kind": "init_histograms", "activation": "relu", "init": "xavier"},
    {"kind": "init_histograms", "activation": "tanh", "init": "std1", "batchnorm": True,
     "layers": 2},
    {"kind": "overfit", "method": "none", "early_stopping": True},
    {"kind": "overfit", "method": "dropout", "strength": 0.2, "view": "gap"},
    {"kind": "numdiff", "fn": "sigmoid", "at": 1.0},
    {"kind": "numdiff", "fn": "relu", "at": 0.0, "method": "forward"},
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


# --------------------------------------------------------------- value leaks in a text
GRAPH = """\
questions:
  - id: q
    theme: loss
    functions: [binary_cross_entropy]
    difficulty: 2
    explanation: e
    type: graph
    text: "%s"
    options:
%s
    answer: {kind: %s}
"""


def graph_problems(tmp_path, text: str, options: list[str]) -> list[str]:
    path = tmp_path / "graph.yaml"
    body = "\n".join(f"      - {{kind: {o}}}" for o in options)
    path.write_text(GRAPH % (text, body, options[0]), encoding="utf-8")
    return [p.message_ja for p in load_paths([path]).problems]


LOSSES = ["loss, loss: bce, target: 1", "loss, loss: squared, target: 1, x: [0.01, 0.99]",
          "loss, loss: bce, target: 0", "loss, loss: squared, target: 0, x: [0.01, 0.99]"]


def test_a_loss_value_only_the_keyed_curve_shows_is_reported(tmp_path):
    # −log 0.5 = 0.693…: at y = 0.5 the keyed bce (t = 1) shows 0.69, and so does bce t = 0
    assert graph_problems(tmp_path, "y = 0.5 で E ≈ 0.69 となるのはどれか。", LOSSES) == []
    # −log 0.25 = 1.386…: only the keyed curve has 1.39 at y = 0.25
    assert graph_problems(tmp_path, "y = 0.25 で E ≈ 1.39 となるのはどれか。", LOSSES) == [
        "本文の 1.39 は正解の図のx = 0.25 での値で、ほかの選択肢の図とは違います"]
    # the key's own target is fair to name
    assert graph_problems(tmp_path, "t = 0.25 のときのグラフはどれか。", [
        "loss, loss: bce, target: 0.25", *LOSSES[1:]]) == []


def test_kinds_without_values_to_read_are_not_searched(tmp_path):
    options = ["trajectory, surface: textbook, optimizer: momentum",
               "trajectory, surface: textbook, optimizer: sgd",
               "overfit, method: none", "numdiff, fn: sigmoid, at: 0.5"]
    assert graph_problems(tmp_path, "学習率 0.1 で、誤差は約 0.0001 になる。", options) == []
