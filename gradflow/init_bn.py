r"""Activation histograms per layer: the textbook's weight-initialisation experiment, computed.

ゼロから作るDeep Learning §6.2 feeds 1000 standard Gaussian inputs through 5 layers of
width 100 (no biases) and draws each layer's activations:
:math:`z_l = a_{l-1} W_l`, optionally :math:`z_l \leftarrow \mathrm{BN}(z_l)` (train mode,
γ = 1, β = 0, inserted before the activation as §6.3 does), :math:`a_l = h(z_l)`.
The weights are drawn from N(0, σ²) with σ = 1, 0.01, Xavier's 1/√n or He's √(2/n)
(n = 100 inputs per node).

``reading`` names what the histograms show, decided from the numbers, not assumed:
saturation at the ends of a sigmoid or tanh, collapse onto one value, a signal that
shrinks, vanishes or explodes layer by layer, or a spread that holds.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.special import logit

import activations as act
from gradflow.mlp import init_std
from normalization import BatchNormalization

ACTIVATIONS = ("sigmoid", "relu", "tanh")
INITS = ("std1", "std001", "xavier", "he")
_CUSTOM = {"std1": 1.0, "std001": 0.01}
# where a bounded activation's values may fall, for the histogram bins and the tests below
OUTPUT_RANGE = {"sigmoid": (0.0, 1.0), "tanh": (-1.0, 1.0)}
BINS = 30  # as the textbook's plt.hist(a.flatten(), 30, range=(0, 1))

# Thresholds of the reading: rules of thumb, stated here and on the page.
EDGE = 0.1  # "near an end": within 10 % of the output range of its lower or upper end
SATURATED = 0.5  # at least half the values of the layers near an end
COLLAPSED = 0.05  # last layer's std below 5 % of the output range: every input looks alike
EXPLODE, VANISH, SHRINK = 1.5, 0.3, 0.85  # ReLU: the std's mean factor per layer


@dataclass(frozen=True)
class Setting:
    """One run of the experiment; the same seed gives the same weights and inputs."""

    activation: str = "sigmoid"
    init: str = "std1"
    batchnorm: bool = False
    layers: int = 5
    width: int = 100
    samples: int = 1000
    seed: int = 0

    def __post_init__(self):
        if self.activation not in ACTIVATIONS:
            raise ValueError(f"activation must be one of {ACTIVATIONS}, got {self.activation!r}")
        if self.init not in INITS:
            raise ValueError(f"init must be one of {INITS}, got {self.init!r}")
        if not (1 <= self.layers <= 20 and 2 <= self.width <= 500 and 2 <= self.samples <= 5000):
            raise ValueError("layers in [1, 20], width in [2, 500], samples in [2, 5000]")


_INVERSE = {"sigmoid": logit, "tanh": np.arctanh}  # z with h(z) = a given output


def edge_slope(activation: str) -> tuple[float, float]:
    """(largest h′ where the output is near an end, h′ at 0 — its peak) for sigmoid or tanh.

    h′ is symmetric and falls away from 0, so its largest value near the ends is at the
    inner edge of the lower band, h⁻¹(lo + EDGE·(hi − lo)).
    """
    lo, hi = OUTPUT_RANGE[activation]
    grad = act.REGISTRY[activation].grad
    z_edge = _INVERSE[activation](lo + EDGE * (hi - lo))
    return float(grad(np.float64(z_edge))), float(grad(np.float64(0.0)))


def weight_std(init: str, n: int) -> float:
    """σ of the weights: 1, 0.01, Xavier 1/√n or He √(2/n) for n inputs per node.

    For a square layer Glorot's √(2/(n_in + n_out)) is the textbook's 1/√n.
    """
    if init in _CUSTOM:
        return _CUSTOM[init]
    return init_std(init, n, n)


@dataclass(frozen=True)
class Run:
    pre: list[np.ndarray]  # z_l after batch normalisation when it is on, shape (samples, width)
    post: list[np.ndarray]  # a_l = h(z_l)


def forward(s: Setting) -> Run:
    """The 5-layer forward pass of the textbook's experiment (its activations, per layer)."""
    rng = np.random.default_rng(s.seed)
    a = rng.standard_normal((s.samples, s.width))
    std = weight_std(s.init, s.width)
    fn = act.REGISTRY[s.activation].fn
    pre, post = [], []
    for _ in range(s.layers):
        w = std * rng.standard_normal((s.width, s.width))
        z = a @ w
        if s.batchnorm:
            bn = BatchNormalization(np.ones(s.width), np.zeros(s.width))
            z = bn.forward(z, train_flg=True)
        a = fn(z)
        pre.append(z)
        post.append(a)
    return Run(pre, post)


@dataclass(frozen=True)
class Histogram:
    edges: np.ndarray  # BINS + 1 bin edges
    share: np.ndarray  # fraction of all the layer's values in each bin
    zero_share: float  # fraction of values exactly 0 (ReLU's dead outputs; not in the bins)


def relu_top(post: list[np.ndarray]) -> float:
    """One x range for every ReLU layer, [0, the largest layer's 99.5th percentile of its
    positive values]: on a shared axis a signal that grows or shrinks layer by layer shows
    (each layer on its own range would draw the same bell five times)."""
    tops = [float(np.percentile(a[a > 0.0], 99.5)) for a in post if np.any(a > 0.0)]
    top = max(tops, default=0.0)
    return top if top > 0 else 1.0


def histogram(a: np.ndarray, activation: str, top: float | None = None) -> Histogram:
    """A layer's histogram: fixed bins over a bounded output range; ReLU's positive values
    over [0, ``top``] (``relu_top`` of all the layers; this layer's own if None), its exact
    zeros counted apart (they would dwarf the rest)."""
    flat = a.ravel()
    zeros = float(np.mean(flat == 0.0))
    if activation in OUTPUT_RANGE:
        counts, edges = np.histogram(flat, BINS, range=OUTPUT_RANGE[activation])
        return Histogram(edges, counts / flat.size, zeros)
    positive = flat[flat > 0.0]
    counts, edges = np.histogram(positive, BINS, range=(0.0, top or relu_top([a])))
    return Histogram(edges, counts / flat.size, zeros)


def first_bin_share(h: Histogram) -> float:
    """Of a ReLU layer's positive values, the fraction in its first bin (0 if none is positive)."""
    positive = 1.0 - h.zero_share
    return float(h.share[0] / positive) if positive > 0 else 0.0


@dataclass(frozen=True)
class LayerSummary:
    mean: float
    std: float
    near_ends: float  # bounded activations: fraction within EDGE of either end (else NaN)
    pre_mean: float  # of z_l over all units
    pre_std_min: float  # smallest and largest per-unit std of z_l over the batch
    pre_std_max: float
    pre_mean_abs_max: float  # largest |per-unit mean| of z_l


def summarise(run: Run, activation: str) -> list[LayerSummary]:
    out = []
    for z, a in zip(run.pre, run.post, strict=True):
        near = float("nan")
        if activation in OUTPUT_RANGE:
            lo, hi = OUTPUT_RANGE[activation]
            margin = EDGE * (hi - lo)
            near = float(np.mean((a < lo + margin) | (a > hi - margin)))
        unit_std = z.std(axis=0)
        out.append(LayerSummary(float(a.mean()), float(a.std()), near, float(z.mean()),
                                float(unit_std.min()), float(unit_std.max()),
                                float(np.abs(z.mean(axis=0)).max())))
    return out


READINGS = ("saturate", "collapse", "spread", "explode", "vanish", "shrink", "keep")


def growth(layers: list[LayerSummary]) -> float:
    """The activations' std, mean factor per layer: (std_L / std_1)^(1/(L − 1))."""
    first, last = layers[0].std, layers[-1].std
    if len(layers) < 2 or first == 0:
        return 1.0
    return float((last / first) ** (1.0 / (len(layers) - 1)))


def reading(layers: list[LayerSummary], activation: str) -> str:
    """What the histograms show, from their numbers (thresholds above). A bounded activation
    whose std shrinks layer by layer (tanh, centred on 0) vanishes as ReLU's does; one that
    holds a small std around one value (sigmoid, around 0.5) has collapsed."""
    if activation in OUTPUT_RANGE:
        lo, hi = OUTPUT_RANGE[activation]
        if np.mean([s.near_ends for s in layers]) >= SATURATED:
            return "saturate"
        if growth(layers) < VANISH:
            return "vanish"
        if layers[-1].std < COLLAPSED * (hi - lo):
            return "collapse"
        return "spread"
    g = growth(layers)
    if g > EXPLODE:
        return "explode"
    if g < VANISH:
        return "vanish"
    return "shrink" if g < SHRINK else "keep"


@dataclass(frozen=True)
class Result:
    setting: Setting
    histograms: list[Histogram]
    layers: list[LayerSummary]
    reading: str
    growth: float


def experiment(s: Setting) -> Result:
    """Everything the page draws for one setting (cache this: it is pure)."""
    run = forward(s)
    layers = summarise(run, s.activation)
    top = relu_top(run.post) if s.activation == "relu" else None
    return Result(s, [histogram(a, s.activation, top) for a in run.post], layers,
                  reading(layers, s.activation), growth(layers))
