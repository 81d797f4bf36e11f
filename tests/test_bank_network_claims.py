"""Every explanation that says what a network does agrees with what the app computes.

A question that names a network the gradient lab can compute (a ``layers`` or ``depth``
figure, an initialisation, a weight scale, a depth) and says what happens to its signal or
its gradient is checked here against the app itself:

- a gradient verdict (消失 / 安定 / 爆発) is ``gradflow.mlp.verdict``, the function the
  gradient lab's ② uses for its 判定 column, on the network the question's figure draws
  (``plots.quiz_figures``: width 100, 1000 inputs, seed 0) and on the nearest network a
  learner can set in the lab;
- a number (a gradient ratio, a product of |h'| over layers) is recomputed by ``gradflow``
  and must round to what the explanation prints;
- a claim about the spread of the activations is measured on the figure's own network.

Each check names the phrase of the explanation it checks, so rewording a claim breaks its
check until the check is rewritten with it. ``test_every_network_claim_is_checked`` walks
the whole bank: a question in scope is either checked here or listed with the reason it
makes no claim about a network.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from gradflow import depth, mlp
from plots.quiz_figures import LAYER_BATCH, LAYER_WIDTH, depth_data, layers_data
from quiz.figures import DepthFigure, LayersFigure
from quiz.loader import load_paths
from quiz.themes import UNIT_THEMES
from ui.strings import CATALOGUE
from viewstate import gradients_options as opt

BANK = {q.id: q for q in load_paths([Path(__file__).resolve().parent.parent / "quiz_data"]).questions}
QUIZ_LAYERS = 5  # LayersFigure's default depth: every layers question draws 5 layers
LAB_WIDTH, LAB_BATCH = 128, 64  # the lab's ② cannot draw width 100: its nearest width


# ----------------------------------------------------------------------------- networks
def quiz_net(init: str, std: float = 0.1, layers: int = QUIZ_LAYERS) -> mlp.MLPConfig:
    """The network a ``layers`` figure draws (plots.quiz_figures.layers_data)."""
    return mlp.MLPConfig(depth=layers, width=LAYER_WIDTH, batch=LAYER_BATCH, init=init,
                         std=std, seed=0)


def lab_net(init: str, std: float = 0.1, layers: int = QUIZ_LAYERS) -> mlp.MLPConfig:
    """What the lab's ② runs for these settings (views/gradients.network: float32, bias 0)."""
    assert LAB_WIDTH in opt.WIDTHS and LAB_BATCH in opt.BATCHES and layers <= opt.MAX_DEPTH
    assert init != "custom" or std in opt.STDS, f"the lab offers no std {std}"
    return mlp.MLPConfig(layers, LAB_WIDTH, LAB_BATCH, init, std, 0.0, 0, dtype="float32")


def stats(cfg: mlp.MLPConfig, fn: str) -> mlp.LayerStats:
    return mlp.probe(cfg, fn)


def verdict(cfg: mlp.MLPConfig, fn: str) -> str:
    """The lab's 判定 for this network: the same function the page calls."""
    return mlp.verdict(stats(cfg, fn))


def label(v: str) -> str:
    """The verdict's Japanese label, as the lab's table shows it."""
    return CATALOGUE[f"gradients.mlp.verdict.{v}"][0]


def activations(cfg: mlp.MLPConfig, fn: str) -> list[np.ndarray]:
    net = mlp.make_network(cfg)
    acts, _, _ = mlp.forward(net.inputs, net.weights, net.biases, fn, with_gradient=False)
    return acts


def spreads(cfg: mlp.MLPConfig, fn: str) -> np.ndarray:
    return np.array([float(np.std(a)) for a in activations(cfg, fn)])


def saturated(acts: list[np.ndarray], lo: float, hi: float, margin: float) -> np.ndarray:
    """Per layer, the fraction of outputs within ``margin`` of either end of (lo, hi)."""
    return np.array([float(np.mean((a < lo + margin) | (a > hi - margin))) for a in acts])


def per_layer(s: mlp.LayerStats) -> float:
    """The geometric mean of ‖δ_l‖ / ‖δ_{l+1}‖: the gradient's factor per layer."""
    g = s.grad_norm
    return float((g[0] / g[-1]) ** (1 / (len(g) - 1)))


def weight_gain(cfg: mlp.MLPConfig, fn: str) -> np.ndarray:
    """‖δ_l W_lᵀ‖ / ‖δ_l‖ for every layer but the first: what the weights alone do."""
    net = mlp.make_network(cfg)
    _, derivs, _ = mlp.forward(net.inputs, net.weights, net.biases, fn)
    deltas, _ = mlp.backward(net.upstream, net.weights, derivs)
    return np.array([np.linalg.norm(deltas[i] @ net.weights[i].T) / np.linalg.norm(deltas[i])
                     for i in range(1, len(deltas))])


def mean_grads(cfg: mlp.MLPConfig, fn: str) -> np.ndarray:
    net = mlp.make_network(cfg)
    _, derivs, _ = mlp.forward(net.inputs, net.weights, net.biases, fn)
    return np.array([float(np.mean(d)) for d in derivs])


# ----------------------------------------------------------------------------- numbers
_SHOWN = re.compile(r"^(?P<m>-?\d+(?:\.(?P<d>\d+))?)(?:\s*\\times\s*10\^\{(?P<e>-?\d+)\})?$")


def rounds_to(value: float, shown: str) -> bool:
    """``value`` rounds to the number as printed: "0.84", "4 \\times 10^{-7}", "10^{-20}"."""
    if shown.startswith("10^{"):
        shown = "1 \\times " + shown
    m = _SHOWN.match(shown)
    assert m, f"cannot read {shown!r}"
    exp = int(m["e"] or 0)
    half = 0.5 * 10.0 ** (exp - len(m["d"] or ""))
    return abs(value - float(m["m"]) * 10.0**exp) <= half


def test_rounds_to_reads_what_the_banks_print():
    assert rounds_to(0.841, "0.84") and not rounds_to(0.846, "0.84")
    assert rounds_to(3.92e-7, "4 \\times 10^{-7}") and not rounds_to(3.4e-7, "4 \\times 10^{-7}")
    assert rounds_to(9.54e-7, "9.5 \\times 10^{-7}") and not rounds_to(9.6e-7, "9.5 \\times 10^{-7}")
    assert rounds_to(1e-20, "10^{-20}") and not rounds_to(2e-20, "10^{-20}")


def says(qid: str, *phrases: str) -> str:
    """The explanation, after checking it still makes each claim below in these words."""
    text = BANK[qid].explanation
    for p in phrases:
        assert p in text, f"{qid}: the explanation no longer says {p!r}: rewrite its check"
    return text


# ----------------------------------------------------------------------------- checks
CHECKS: dict[str, Callable[[], None]] = {}


def check(qid: str):
    def register(fn: Callable[[], None]) -> Callable[[], None]:
        CHECKS[qid] = fn
        return fn
    return register


def figure_net(qid: str, fn: str, init: str, std: float = 0.1) -> mlp.MLPConfig:
    """The question's figure is this network, and quiz_net builds the network it draws."""
    fig = BANK[qid].figure
    assert isinstance(fig, LayersFigure)
    assert (fig.fn, fig.init) == (fn, init) and (init != "custom" or fig.std == std)
    cfg = quiz_net(init, std, fig.layers)
    for drawn, ours in zip(layers_data(fig), activations(cfg, fn), strict=True):
        np.testing.assert_array_equal(drawn, ours)
    return cfg


@check("gr-init-sigmoid-std1")
def _sigmoid_std1():
    says("gr-init-sigmoid-std1", "約 $1 \\times \\sqrt{100} = 10$ 倍", "平均 0.07 未満",
         "出力側の約 0.84 倍", f"判定は「{label('steady')}」", "深さ 5・幅 128・標準偏差 1",
         "層ごとに約 1/40 に縮み、消失する")
    cfg = figure_net("gr-init-sigmoid-std1", "sigmoid", "custom", 1.0)
    s = stats(cfg, "sigmoid")
    assert rounds_to(mlp.gradient_ratio(s), "0.84")
    assert mlp.verdict(s) == "steady"
    assert verdict(lab_net("custom", 1.0), "sigmoid") == "steady"
    assert np.all(np.abs(weight_gain(cfg, "sigmoid") / 10 - 1) < 0.05)
    assert np.all(mean_grads(cfg, "sigmoid") < 0.07)
    # the saturation the figure shows: most outputs within 0.05 of 0 or 1 in every layer
    assert np.all(saturated(activations(cfg, "sigmoid"), 0.0, 1.0, 0.05) > 0.5)
    # the bullet on std 0.01 (the other question's network)
    small = stats(quiz_net("custom", 0.01), "sigmoid")
    assert mlp.verdict(small) == "vanish"
    assert abs(per_layer(small) * 40 - 1) < 0.1


@check("gr-init-sigmoid-small")
def _sigmoid_small():
    says("gr-init-sigmoid-small", "$\\sigma'(z) \\approx 0.25$", "$0.01 \\times \\sqrt{100} = 0.1$",
         "約 1/40 倍", "出力側の約 $4 \\times 10^{-7}$ 倍", f"判定は「{label('vanish')}」",
         "深さ 5・幅 128・標準偏差 0.01")
    cfg = figure_net("gr-init-sigmoid-small", "sigmoid", "custom", 0.01)
    s = stats(cfg, "sigmoid")
    assert mlp.verdict(s) == "vanish"
    assert verdict(lab_net("custom", 0.01), "sigmoid") == "vanish"
    assert rounds_to(mlp.gradient_ratio(s), "4 \\times 10^{-7}")
    assert abs(per_layer(s) * 40 - 1) < 0.1
    assert np.all(np.abs(weight_gain(cfg, "sigmoid") / 0.1 - 1) < 0.05)
    assert np.all(np.abs(mean_grads(cfg, "sigmoid") - 0.25) < 0.005)
    # the bullet on std 1: outputs pushed to both ends
    assert np.all(saturated(activations(quiz_net("custom", 1.0), "sigmoid"), 0, 1, 0.05) > 0.5)


@check("gr-init-relu-he")
def _relu_he():
    says("gr-init-relu-he", "層を重ねても広がりが保たれる", "層ごとに分散が約半分")
    he = spreads(figure_net("gr-init-relu-he", "relu", "he"), "relu")
    assert 0.7 < he[-1] / he[0] < 1.4
    xavier = spreads(quiz_net("xavier"), "relu")
    assert np.all(np.abs((xavier[1:] / xavier[:-1]) ** 2 - 0.5) < 0.1)


@check("gr-init-tanh-xavier")
def _tanh_xavier():
    says("gr-init-tanh-xavier", "層を重ねると分布は少しずつ狭まる",
         "どの層でも出力は $-1$ と 1 の両端に偏る")
    cfg = figure_net("gr-init-tanh-xavier", "tanh", "xavier")
    s = spreads(cfg, "tanh")
    assert np.all(np.diff(s) < 0) and s[-1] > 0.25 * s[0]  # narrows, but slowly
    assert np.all(saturated(activations(quiz_net("custom", 1.0), "tanh"), -1, 1, 0.1) > 0.5)


@check("gr-init-relu-xavier")
def _relu_xavier():
    says("gr-init-relu-xavier", "分散が層ごとに約半分", "分布の広がりは層を重ねてもほぼ保たれ")
    s = spreads(figure_net("gr-init-relu-xavier", "relu", "xavier"), "relu")
    assert np.all(np.abs((s[1:] / s[:-1]) ** 2 - 0.5) < 0.1)
    he = spreads(quiz_net("he"), "relu")
    assert 0.7 < he[-1] / he[0] < 1.4


@check("gr-init-choice")
def _init_choice():
    says("gr-init-choice", "層ごとに分散が約半分", "分布はもっと速く 0 に縮む")
    s = spreads(figure_net("gr-init-choice", "relu", "xavier"), "relu")
    assert np.all(np.abs((s[1:] / s[:-1]) ** 2 - 0.5) < 0.1)
    small = spreads(quiz_net("custom", 0.01), "relu")
    assert np.all(small[1:] / small[:-1] < (s[1:] / s[:-1]) / 2)


@check("us-init-for-tanh")
def _tanh_he():
    says("us-init-for-tanh", "tanh に He を使うと分散が大きすぎ、飽和しやすくなる")
    for cfg in (quiz_net, lab_net):
        he = saturated(activations(cfg("he"), "tanh"), -1, 1, 0.1)
        xavier = saturated(activations(cfg("xavier"), "tanh"), -1, 1, 0.1)
        assert np.all(he > xavier)


@check("vg-init-pairing")
def _fixed_small_std():
    says("vg-init-pairing", "標準偏差 0.01 の固定値では深い層ほど出力が一点に集まり",
         "ReLU・tanh では 0 付近、シグモイドでは 0.5 付近", "勾配消失")
    for fn, centre in (("relu", 0.0), ("tanh", 0.0), ("sigmoid", 0.5)):
        for make in (quiz_net, lab_net):
            cfg = make("custom", 0.01)
            assert verdict(cfg, fn) == "vanish", (fn, cfg)
            last = activations(cfg, fn)[-1]
            assert abs(float(np.median(last)) - centre) < 0.01 and float(np.std(last)) < 0.02


@check("vg-relu-sufficiency")
def _relu_needs_init():
    says("vg-relu-sufficiency", "初期値が小さすぎれば勾配は消え、大きすぎれば爆発する")
    for make in (quiz_net, lab_net):
        assert verdict(make("custom", 0.01), "relu") == "vanish"
        assert verdict(make("custom", 1.0), "relu") == "explode"
        assert verdict(make("he"), "relu") == "steady"


def _product(fn: str, layers: int, at: float | None = None, **params) -> float:
    return float(depth_data(DepthFigure(kind="depth", fn=fn, layers=layers, at=at,
                                        params=params))[-1])


@check("gr-depth-sigmoid")
def _depth_sigmoid():
    says("gr-depth-sigmoid", "$0.25^{10} \\approx 9.5 \\times 10^{-7}$", "最大値 $\\approx 1.13$",
         "10 層で約 3.4 倍", "10 層で $10^{-20}$")
    options = {(o.fn, o.at) for o in BANK["gr-depth-sigmoid"].options}
    assert options == {("sigmoid", None), ("relu", 1), ("gelu", None), ("leaky_relu", -1)}
    assert rounds_to(_product("sigmoid", 10), "9.5 \\times 10^{-7}")
    assert _product("relu", 10, 1.0) == 1.0
    assert rounds_to(depth.max_abs_grad("gelu").value, "1.13")
    assert rounds_to(_product("gelu", 10), "3.4")
    assert rounds_to(_product("leaky_relu", 10, -1.0, alpha=0.01), "10^{-20}")


@check("gr-depth-tanh")
def _depth_tanh():
    says("gr-depth-tanh", "\\approx 0.42", "$0.42^{10} \\approx 1.7 \\times 10^{-4}$",
         "$0.197^{10} \\approx 8.6 \\times 10^{-8}$", "\\approx 1.08", "10 層で約 2.2 倍")
    assert rounds_to(depth.grad_at("tanh", 1.0), "0.42")
    assert rounds_to(_product("tanh", 10, 1.0), "1.7 \\times 10^{-4}")
    assert rounds_to(depth.grad_at("sigmoid", 1.0), "0.197")
    assert rounds_to(_product("sigmoid", 10, 1.0), "8.6 \\times 10^{-8}")
    assert rounds_to(depth.grad_at("gelu", 1.0), "1.08")
    assert rounds_to(_product("gelu", 10, 1.0), "2.2")
    assert _product("relu", 10, 1.0) == 1.0


def _sigmoid_ten_layers(qid: str) -> Callable[[], None]:
    def run():
        says(qid, "9.5 \\times 10^{-7}")
        assert rounds_to(float(depth.depth_curves(["sigmoid"], 10)["sigmoid"][-1]),
                         "9.5 \\times 10^{-7}")
        assert rounds_to(depth.max_abs_grad("sigmoid").value, "0.25")
    return run


for _qid in ("vg-sigmoid-cause", "vg-sigmoid-10-layers", "rs-depth-product-blanks"):
    check(_qid)(_sigmoid_ten_layers(_qid))


# Questions in scope that say nothing a network run could contradict, and why.
NO_NETWORK_CLAIM = {
    "vg-he-std": "the init formulas' values (checked in test_bank_values)",
    "vg-he-std-512": "the init formulas' values (checked in test_bank_values)",
    "vg-init-std-pair-50": "the init formulas' values",
    "vg-init-blanks": "the init formulas (test_bank_blanks)",
    "vg-xavier-assumption": "the derivation's assumption, not a network's behaviour",
    "vg-he-factor-two": "E[ReLU(z)²] = Var(z)/2, a property of one layer",
    "vg-sigmoid-5-layers": "0.25⁵, checked in test_bank_values",
    "vg-trace-sigmoid-product": "a code trace at given z (test_bank_values)",
    "vg-weights-chain-blanks": "scalar products at given w and z (test_bank_blanks)",
    "vg-remedies-all": "which remedies help, no network named",
    "us-roles": "what an activation is for, no network named",
    "us-why-nonlinear": "linear layers collapse, no initialisation's effect claimed",
    "us-clipping-vanishing": "gradient clipping, no network named",
    "us-positive-output": "a standard deviation of data, not of weights",
    "us-attention-blanks": "attention's √d_k, not a weight initialisation",
}

_IN_SCOPE = re.compile(r"Xavier|He の初期値|標準偏差|初期値|\d+\s*層")
_GRADIENT_CLAIM = re.compile(r"勾配[^。]*?(消失|消え|爆発|安定|保たれ)")


def _figures(q) -> list:
    figs = [getattr(q, "figure", None)]
    figs += [o for o in (getattr(q, "options", None) or []) if not isinstance(o, str)]
    return [f for f in figs if f is not None]


def _in_scope(q) -> bool:
    # The unit's themes check their own claims against their labs' runs (gradflow.init_bn,
    # gradflow.overfit, optimizers.trajectory) in tests/test_bank_<theme>.py.
    if q.theme in UNIT_THEMES:
        return False
    if any(isinstance(f, LayersFigure | DepthFigure) for f in _figures(q)):
        return True
    blob = " ".join(str(v) for v in q.model_dump().values())
    return bool(_IN_SCOPE.search(blob))


def test_every_network_claim_is_checked():
    scope = {qid for qid, q in BANK.items() if _in_scope(q)}
    assert scope - set(CHECKS) - set(NO_NETWORK_CLAIM) == set(), "check these, or say why not"
    assert set(CHECKS) | set(NO_NETWORK_CLAIM) <= set(BANK), "a listed question has gone"
    assert not set(CHECKS) & set(NO_NETWORK_CLAIM)
    # a question that claims something of a network's gradient is checked, not excused
    claims = {qid for qid in scope if _GRADIENT_CLAIM.search(BANK[qid].explanation)}
    assert claims - set(CHECKS) <= {"vg-remedies-all", "us-clipping-vanishing"}  # no network


@pytest.mark.parametrize("qid", sorted(CHECKS))
def test_the_explanation_agrees_with_the_app(qid):
    CHECKS[qid]()


def test_the_verdict_is_the_one_the_lab_shows():
    """The lab's table cell is mlp.verdict: the page has no verdict of its own to drift."""
    page = (Path(__file__).resolve().parent.parent / "views" / "gradients.py").read_text()
    assert "mlp.verdict(stats[n])" in page
    assert "def verdict" not in page
