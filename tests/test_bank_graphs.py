"""Every graph question's key, recomputed: the figure keyed as the answer shows what the text
asks, computed here from ``activations`` by other means than the plot (finite differences
for derivatives, NumPy's own softmax, an independent random network), and no other option
does. Also: every option is visibly different from the others, and no alt text names what
it shows.

What each question asks is written below from reading its text, not from its options.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import activations as act
from plots.quiz_figures import (
    curve_data,
    depth_data,
    layers_data,
    layers_range,
    make_question_figure,
    softmax_data,
)
from quiz.figures import CurveFigure, DepthFigure, LayersFigure, SoftmaxFigure, alt_text, describe
from quiz.loader import load_paths
from quiz.schema import GraphQuestion
from quiz.themes import UNIT_THEMES

BANK = load_paths([Path(__file__).resolve().parent.parent / "quiz_data"])
# the unit's themes (issues 17, 18) are checked in tests/test_bank_<theme>.py
FIGURED = {q.id: q for q in BANK.questions
           if (isinstance(q, GraphQuestion) or getattr(q, "figure", None) is not None)
           and q.theme not in UNIT_THEMES}
GRAPH = {qid: q for qid, q in FIGURED.items() if isinstance(q, GraphQuestion)}


# ----------------------------------------------------------------------------- references
def h(fn: str, x, **params):
    return act.REGISTRY[fn].fn(np.asarray(x, dtype=float), **params)


def dh(fn: str, x, **params):
    """h'(x) by central differences of h (not the registry's derivative). Next to a kink a
    one-sided difference from x's own side; at the kink the x ≤ 0 side, the app's convention."""
    x = np.asarray(x, dtype=float)
    e = 1e-6
    central = (h(fn, x + e, **params) - h(fn, x - e, **params)) / (2 * e)
    left = (h(fn, x, **params) - h(fn, x - e, **params)) / e
    right = (h(fn, x + e, **params) - h(fn, x, **params)) / e
    out = central
    for k in act.REGISTRY[fn].kinks:
        near = np.abs(x - k) < 2 * e
        out = np.where(near & (x <= k), left, np.where(near & (x > k), right, out))
    return out


def softmax(z) -> np.ndarray:
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max())
    return e / e.sum()


def plotted(fig) -> tuple[np.ndarray, np.ndarray]:
    """(x, y) a curve figure draws, without the NaN that breaks the line at a jump."""
    x, y, _ = curve_data(fig)
    keep = np.isfinite(y)
    return x[keep], y[keep]


def asked_curve(fn: str, derivative: bool = False, **params):
    """A check: the curve figure draws h (or h') of ``fn`` at ``params``."""
    def check(fig) -> bool:
        if not isinstance(fig, CurveFigure):
            return False
        x, y = plotted(fig)
        want = dh(fn, x, **params) if derivative else h(fn, x, **params)
        return bool(np.allclose(y, want, atol=1e-4))
    return check


def curve_property(test):
    """A check: a property of the option's own h and h' (evaluated here, not plotted)."""
    def check(fig) -> bool:
        if not isinstance(fig, CurveFigure) or fig.derivative:
            return False
        p = fig.merged_params()
        return bool(test(lambda x: h(fig.fn, x, **p), lambda x: dh(fig.fn, x, **p)))
    return check


NEG = np.linspace(-6, -0.01, 300)
POS = np.linspace(0.01, 6, 300)


def asked_softmax(logits, temperature=1.0):
    def check(fig) -> bool:
        return isinstance(fig, SoftmaxFigure) and np.allclose(
            softmax_data(fig), softmax(np.asarray(logits, float) / temperature), atol=1e-9)
    return check


def asked_depth(fn: str, at: float | None, layers: int, **params):
    """The product of |h'| through 1..layers layers, h' by differences; ``at=None``: at
    the largest |h'| on a fine grid."""
    grid = np.linspace(-10, 10, 200001)
    factor = (np.max(np.abs(dh(fn, grid, **params))) if at is None
              else abs(float(dh(fn, at, **params))))
    want = factor ** np.arange(1, layers + 1)

    def check(fig) -> bool:
        return isinstance(fig, DepthFigure) and np.allclose(depth_data(fig), want, rtol=1e-5)
    return check


def two_class_probability(fig) -> bool:
    """softmax([x, 0])[0] as a function of x."""
    if not isinstance(fig, CurveFigure):
        return False
    x, y = plotted(fig)
    want = np.array([softmax([v, 0.0])[0] for v in x])
    return bool(np.allclose(y, want, atol=1e-9))


def two_class_diagonal(fig) -> bool:
    """∂s₁/∂x₁ of a two-class softmax, by differences of softmax, against d = x₁ − x₂."""
    if not isinstance(fig, CurveFigure):
        return False
    x, y = plotted(fig)
    e = 1e-6
    want = np.array([(softmax([d + e, 0.0])[0] - softmax([d - e, 0.0])[0]) / (2 * e) for d in x])
    return bool(np.allclose(y, want, atol=1e-6))


def gelu_minimum(fig) -> bool:
    """The text says GELU's minimum is about −0.17: the keyed curve's minimum is, and GELU."""
    if not isinstance(fig, CurveFigure) or fig.derivative:
        return False
    x = np.linspace(-4, 0, 40001)
    y = h(fig.fn, x, **fig.merged_params())
    return abs(float(y.min()) + 0.17) < 0.005 and asked_curve("gelu")(fig)


# qid -> a check that holds for the keyed option and no other
ASKED = {
    "gr-sigmoid-grad": asked_curve("sigmoid", derivative=True),
    "gr-relu-grad": asked_curve("relu", derivative=True),
    "gr-tanh-grad": asked_curve("tanh", derivative=True),
    # zero-centred (odd) and saturating on both sides
    "gr-zero-centred": curve_property(lambda f, d: np.allclose(f(-POS), -f(POS), atol=1e-12)
                                      and abs(d(30.0)) < 1e-6 and abs(d(-30.0)) < 1e-6),
    # exactly 0 for every negative input
    "gr-sparse": curve_property(lambda f, d: np.all(f(NEG) == 0.0)),
    "gr-gelu-near-zero": asked_curve("gelu"),
    "gr-depth-sigmoid": asked_depth("sigmoid", None, 10),
    "gr-depth-tanh": asked_depth("tanh", 1.0, 10),
    "gr-softmax-temperature": asked_softmax([2, 1, 0], 0.5),
    "gr-softmax-order": asked_softmax([0.5, 2.0, 1.0]),
    "gr-softmax-two-class": two_class_probability,
    "gr-softmax-diagonal": two_class_diagonal,
    "gr-softmax-high-temperature": asked_softmax([3, 0, -3], 10),
    # a probability: every output strictly inside (0, 1)
    "gr-output-binary": curve_property(
        lambda f, d: np.all((f(np.linspace(-30, 30, 601)) > 0) & (f(np.linspace(-30, 30, 601)) < 1))),
    # any real number: unbounded above and below
    "gr-output-regression": curve_property(lambda f, d: f(-1e6) < -1e5 and f(1e6) > 1e5),
    "gr-gelu-transformer": gelu_minimum,
    # h' exactly 1 for every positive input
    "gr-hidden-default": curve_property(lambda f, d: np.allclose(d(POS), 1.0, atol=1e-6)),
    # negative outputs, saturating to −α = −1
    "gr-elu-negative": curve_property(lambda f, d: abs(f(-40.0) + 1.0) < 1e-6 and f(-1.0) < 0),
    "gr-elu-grad": asked_curve("elu", derivative=True, alpha=1.0),
    "gr-elu-alpha": asked_curve("elu", alpha=2.0),
    "gr-leaky-grad": asked_curve("leaky_relu", derivative=True, alpha=0.2),
    "gr-softplus-grad": asked_curve("softplus", derivative=True),
    "gr-gelu-grad": asked_curve("gelu", derivative=True),
}


@pytest.mark.parametrize("qid", sorted(GRAPH))
def test_the_keyed_figure_shows_what_is_asked_and_no_other_does(qid):
    q = GRAPH[qid]
    assert qid in ASKED, f"{qid}: add what the question asks to ASKED"
    check = ASKED[qid]
    assert check(q.answer), f"{qid}: the keyed figure is not what the text asks"
    others = [describe(o) for o in q.options if o != q.answer and check(o)]
    assert not others, f"{qid}: these options also fit: {others}"


# ------------------------------------------- questions with a figure under the text
def fits_curve(fn: str, derivative: bool = False, **params):
    check = asked_curve(fn, derivative, **params)
    return check


def fits_softmax(logits, temperature):
    return asked_softmax(logits, temperature)


def _std(init: str, n: int, custom: float = 0.0) -> float:
    # Glorot & Bengio (2010) for n = fan_in = fan_out: √(2/(n+n)); He et al. (2015): √(2/n)
    return {"xavier": np.sqrt(1.0 / n), "he": np.sqrt(2.0 / n)}.get(init, custom)


def reference_layers(fn: str, init: str, std: float = 0.0, layers: int = 5) -> list[np.ndarray]:
    """An independent random network (its own seed and loop): each layer's activations."""
    rng = np.random.default_rng(12345)
    a = rng.standard_normal((1000, 100))
    out = []
    for _ in range(layers):
        a = h(fn, a @ (_std(init, 100, std) * rng.standard_normal((100, 100))))
        out.append(a)
    return out


def _histograms(acts, lo: float, hi: float) -> np.ndarray:
    edges = np.linspace(lo, hi, 21)
    return np.array([np.histogram(np.clip(a, lo, hi), bins=edges)[0] / a.size for a in acts])


def fits_layers(fn: str, init: str, std: float = 0.0):
    """The figure's histograms are those of (fn, init) in an independent network: mean
    total-variation distance over the layers below 0.1 (sampling noise is ≈ 0.02)."""
    def check(fig) -> bool:
        if not isinstance(fig, LayersFigure):
            return False
        shown = layers_data(fig)
        lo, hi = layers_range(fig, shown)
        ref = reference_layers(fn, init, std, fig.layers)
        tv = 0.5 * np.abs(_histograms(shown, lo, hi) - _histograms(ref, lo, hi)).sum(axis=1)
        return bool(tv.mean() < 0.1)
    return check


def _spread_ratio(acts) -> float:
    return float(np.std(acts[-1]) / np.std(acts[0]))


RELU_SHRINKS = "Xavier の初期値。ReLU は負の入力を 0 にするので、各層で出力の分散が約半分になる"
# qid -> option text -> a check of the figure under the text, for EVERY option
FIGURE_OPTIONS = {
    "gr-grad-to-sigmoid": {
        "シグモイド関数": fits_curve("sigmoid", True), "tanh 関数": fits_curve("tanh", True),
        "ReLU 関数": fits_curve("relu", True), "ソフトプラス関数": fits_curve("softplus", True)},
    "gr-grad-to-elu": {
        "ELU（$\\alpha = 1$）": fits_curve("elu", True, alpha=1.0),
        "Leaky ReLU（$\\alpha = 0.1$）": fits_curve("leaky_relu", True, alpha=0.1),
        "ELU（$\\alpha = 0.5$）": fits_curve("elu", True, alpha=0.5),
        "Swish（$\\beta = 1$）": fits_curve("swish", True, beta=1.0)},
    "gr-softmax-which-temperature": {
        f"$T = {t:g}$": fits_softmax([3, 1, 0.2], t) for t in (0.5, 1, 2, 5)},
    "gr-init-sigmoid-std1": {
        "シグモイド関数、標準偏差 1 の正規分布": fits_layers("sigmoid", "custom", 1.0),
        "シグモイド関数、標準偏差 0.01 の正規分布": fits_layers("sigmoid", "custom", 0.01),
        "tanh 関数、Xavier の初期値": fits_layers("tanh", "xavier"),
        "ReLU 関数、He の初期値": fits_layers("relu", "he")},
    "gr-init-sigmoid-small": {
        "シグモイド関数、標準偏差 0.01 の正規分布": fits_layers("sigmoid", "custom", 0.01),
        "シグモイド関数、標準偏差 1 の正規分布": fits_layers("sigmoid", "custom", 1.0),
        "シグモイド関数、Xavier の初期値": fits_layers("sigmoid", "xavier"),
        "tanh 関数、標準偏差 0.01 の正規分布": fits_layers("tanh", "custom", 0.01)},
    "gr-init-relu-he": {
        "ReLU 関数、He の初期値": fits_layers("relu", "he"),
        "ReLU 関数、Xavier の初期値": fits_layers("relu", "xavier"),
        "tanh 関数、Xavier の初期値": fits_layers("tanh", "xavier"),
        "シグモイド関数、Xavier の初期値": fits_layers("sigmoid", "xavier")},
    "gr-init-tanh-xavier": {
        "tanh 関数、Xavier の初期値": fits_layers("tanh", "xavier"),
        "tanh 関数、標準偏差 1 の正規分布": fits_layers("tanh", "custom", 1.0),
        "シグモイド関数、Xavier の初期値": fits_layers("sigmoid", "xavier"),
        "ReLU 関数、He の初期値": fits_layers("relu", "he")},
}


@pytest.mark.parametrize("qid", sorted(FIGURE_OPTIONS))
def test_the_figure_under_the_text_fits_the_key_and_no_other_option(qid):
    q = FIGURED[qid]
    fits = FIGURE_OPTIONS[qid]
    assert set(fits) == set(q.options), f"{qid}: options changed, update FIGURE_OPTIONS"
    assert fits[q.answer](q.figure), f"{qid}: the figure does not fit the key"
    assert [o for o in q.options if o != q.answer and fits[o](q.figure)] == []


@pytest.mark.parametrize("qid", ["gr-init-relu-xavier", "gr-init-choice"])
def test_relu_with_xavier_shrinks_and_he_keeps_the_spread(qid):
    """Both questions show ReLU + Xavier shrinking layer by layer; one keys the cause, the
    other the cure (He). Each claim is measured on the independent network."""
    q = FIGURED[qid]
    assert fits_layers("relu", "xavier")(q.figure)
    assert _spread_ratio(reference_layers("relu", "xavier")) < 0.4  # ≈ (1/√2)⁴ = 0.25
    assert 0.7 < _spread_ratio(reference_layers("relu", "he")) < 1.4
    key = {"gr-init-relu-xavier": RELU_SHRINKS,
           "gr-init-choice": "標準偏差 $\\sqrt{2/n}$ の正規分布（He の初期値）"}[qid]
    assert q.answer == key


def test_every_figured_question_is_checked():
    assert set(FIGURED) == set(GRAPH) | set(FIGURE_OPTIONS) | {"gr-init-relu-xavier",
                                                                "gr-init-choice"}
    assert len(GRAPH) + len(FIGURED) - len(GRAPH) >= 32


# ------------------------------------------------------ what every option looks like
def _signature(fig) -> np.ndarray:
    """What the eye compares: a curve on a common grid, bars, log10 of a depth product."""
    if isinstance(fig, CurveFigure):
        x = np.linspace(fig.x[0], fig.x[1], 201)
        p = fig.merged_params()
        spec = act.REGISTRY[fig.fn]
        return (spec.grad if fig.derivative else spec.fn)(x, **p)
    if isinstance(fig, SoftmaxFigure):
        return softmax_data(fig)
    if isinstance(fig, DepthFigure):
        return np.log10(depth_data(fig))
    return _histograms(layers_data(fig), *layers_range(fig, layers_data(fig))).ravel()


@pytest.mark.parametrize("qid", sorted(GRAPH))
def test_options_are_visibly_different(qid):
    """Two curves differ somewhere by 5 % of the y range they share; two bar charts by 0.02
    (the values are printed to 2 places); two depth lines by a factor 2 somewhere."""
    options = GRAPH[qid].options
    sigs = [_signature(o) for o in options]
    for i in range(len(options)):
        for j in range(i + 1, len(options)):
            a, b = sigs[i], sigs[j]
            gap = float(np.nanmax(np.abs(a - b))) if a.shape == b.shape else np.inf
            if isinstance(options[i], CurveFigure):
                span = max(np.nanmax(a), np.nanmax(b)) - min(np.nanmin(a), np.nanmin(b))
                need = 0.05 * span
            else:
                need = 0.02 if isinstance(options[i], SoftmaxFigure) else np.log10(2)
            assert gap > need, f"{qid}: {describe(options[i])} ≈ {describe(options[j])}"


def _names() -> set[str]:
    names = {"導関数", "微分", "温度", "初期値", "Xavier", "He "}
    for spec in act.REGISTRY.values():
        names |= {spec.name, spec.name_ja, spec.name_en.split(" (")[0], spec.name_en.split()[0]}
    return names


@pytest.mark.parametrize("qid", sorted(FIGURED))
def test_alt_texts_name_no_function_and_every_figure_draws(qid):
    q = FIGURED[qid]
    figures = ([(None, q.figure)] if q.figure is not None else []) + \
        [(label, o) for label, o in zip("ABCD", getattr(q, "options", []) if
                                        isinstance(q, GraphQuestion) else [], strict=False)]
    for label, fig in figures:
        alt = alt_text(fig, label)
        assert not [n for n in _names() if n.lower() in alt.lower()], alt
        assert make_question_figure(fig, label).data
