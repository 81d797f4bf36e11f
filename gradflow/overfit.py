r"""Overfitting and its cures on a tiny data set, in the textbook's layers (pure NumPy).

A 2-layer net (Affine → ReLU → [Dropout] → Affine → SoftmaxWithLoss, from ``layers`` and
``regularization``) is trained full-batch on a few noisy points and scored on many more
from the same distribution, every epoch. The cures:

- weight decay: :math:`L + \tfrac{1}{2}\lambda\sum W^2` (L2, gradient :math:`+\lambda W`) or
  :math:`L + \lambda\sum |W|` (L1, subgradient :math:`+\lambda\,\mathrm{sign}(W)`), on the
  weight matrices only, as the textbook's ``MultiLayerNetExtend`` does;
- inverted dropout after the hidden ReLU (scaled by 1/(1 − r) in training, nothing at
  inference);
- early stopping, read off the validation losses by ``regularization.early_stopping``.

Both curves are the loss *without* the penalty and at inference (no dropout), so every
setting is scored the same way. The optimiser is plain SGD (W ← W − η ∂L/∂W), as in the
textbook's ``overfit_weight_decay.py``: with an adaptive optimiser an L2 term in the
gradient is rescaled and no longer means weight decay (see AdamW).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
from scipy.special import expit

from gradflow import toydata
from layers import Affine, Relu, SoftmaxWithLoss
from regularization import (
    EarlyStop,
    InvertedDropout,
    early_stopping,
    l1_grad,
    l1_penalty,
    l2_grad,
    l2_penalty,
)

METHODS = ("none", "l2", "l1", "dropout")
DATASETS = ("moons", "circles")
# |w| below this counts as a weight ≈ 0. Subgradient descent on λ|w| never lands on 0
# exactly: a weight there flips sign by η·λ each step, so η·λ must stay below this.
NEAR_ZERO = 1e-2
# The settings the page offers (λ, dropout ratio, early stopping's patience): each trains in
# about 0.15 s of CPU (bench/bench_regularization.py). L1's η·λ stays below NEAR_ZERO.
OFFERED = {"l2": (0.001, 0.003, 0.01, 0.03), "l1": (0.001, 0.003, 0.01),
           "dropout": (0.2, 0.5), "early": (10, 20, 50, 100)}
# A cure "helps" when its final validation loss is at least 5 % below the run without one,
# and "hurts" when it is 5 % above; in between it does not change much.
CLEAR = 0.05
GRID = 61  # points per side of the decision-boundary grid
PLANE = (-2.0, 2.0)  # the plane the boundary is drawn over (the data lie within ±1.6)


@dataclass(frozen=True)
class OverfitConfig:
    """One training run; the same seed gives the same data, weights and dropout masks."""

    method: str = "none"
    strength: float = 0.0  # λ of L2 / L1, or the dropout ratio r
    dataset: str = "moons"
    n_train: int = 30
    n_val: int = 200
    noise: float = 0.3
    hidden: int = 100
    epochs: int = 500
    lr: float = 0.9
    seed: int = 0

    def __post_init__(self):
        if self.method not in METHODS:
            raise ValueError(f"method must be one of {METHODS}, got {self.method!r}")
        if self.dataset not in DATASETS:
            raise ValueError(f"dataset must be one of {DATASETS}, got {self.dataset!r}")
        if not np.isfinite(self.strength) or self.strength < 0:
            raise ValueError(f"strength must be a number ≥ 0, got {self.strength!r}")
        if self.method == "dropout" and not self.strength < 1:
            raise ValueError(f"the dropout ratio must be in [0, 1), got {self.strength!r}")
        if not (4 <= self.n_train <= 1000 and 4 <= self.n_val <= 2000):
            raise ValueError("n_train in [4, 1000], n_val in [4, 2000]")
        if not (1 <= self.hidden <= 1000 and 1 <= self.epochs <= 20000):
            raise ValueError("hidden in [1, 1000], epochs in [1, 20000]")
        if not (np.isfinite(self.lr) and self.lr > 0):
            raise ValueError(f"lr must be positive, got {self.lr!r}")

    def baseline(self) -> OverfitConfig:
        """The same run without regularisation."""
        return replace(self, method="none", strength=0.0)

    def until(self, epoch: int) -> OverfitConfig:
        """The same run stopped after ``epoch`` (0-based): its weights are the run's there."""
        return replace(self, epochs=epoch + 1)


def data(cfg: OverfitConfig):
    """(X_train, y_train, X_val, y_val): one distribution, two independent seeded draws."""
    make = getattr(toydata, cfg.dataset)
    X, y = make(n=cfg.n_train, noise=cfg.noise, seed=cfg.seed)
    Xv, yv = make(n=cfg.n_val, noise=cfg.noise, seed=cfg.seed + 1000)
    return X, y.astype(int), Xv, yv.astype(int)


class Net:
    """Affine → ReLU → [inverted dropout] → Affine, with He-initialised weights."""

    def __init__(self, hidden: int, dropout: float, seed: int):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.standard_normal((2, hidden)) * np.sqrt(2.0 / 2),
            "b1": np.zeros(hidden),
            "W2": rng.standard_normal((hidden, 2)) * np.sqrt(2.0 / hidden),
            "b2": np.zeros(2),
        }
        self.affine1 = Affine(self.params["W1"], self.params["b1"])
        self.relu = Relu()
        self.dropout = InvertedDropout(dropout, rng=seed + 1) if dropout > 0 else None
        self.affine2 = Affine(self.params["W2"], self.params["b2"])
        self.last = SoftmaxWithLoss()

    def predict(self, x, train_flg=False):
        h = self.relu.forward(self.affine1.forward(x))
        if self.dropout is not None:
            h = self.dropout.forward(h, train_flg)
        return self.affine2.forward(h)

    def gradient(self, x, t):
        """∂L/∂params of the data loss, one forward (training mode) and one backward."""
        self.last.forward(self.predict(x, train_flg=True), t)
        d = self.affine2.backward(self.last.backward(1))
        if self.dropout is not None:
            d = self.dropout.backward(d)
        self.affine1.backward(self.relu.backward(d))
        return {"W1": self.affine1.dW, "b1": self.affine1.db,
                "W2": self.affine2.dW, "b2": self.affine2.db}


def penalty(params, method: str, lam: float) -> float:
    if method == "l2":
        return sum(l2_penalty(params[k], lam) for k in ("W1", "W2"))
    if method == "l1":
        return sum(l1_penalty(params[k], lam) for k in ("W1", "W2"))
    return 0.0


@dataclass(frozen=True)
class OverfitRun:
    config: OverfitConfig
    train_loss: np.ndarray  # per epoch, after its update: data loss at inference
    val_loss: np.ndarray
    objective: np.ndarray  # what was minimised: training data loss (with dropout) + penalty
    train_acc: float
    val_acc: float
    weights: np.ndarray  # every weight (W1 and W2, no biases) at the end, flattened
    grid: np.ndarray  # (GRID, GRID) probability of class 1 over PLANE² at the end
    X: np.ndarray
    y: np.ndarray
    X_val: np.ndarray
    y_val: np.ndarray

    @property
    def weight_norm(self) -> float:
        return float(np.linalg.norm(self.weights))

    def stop(self, patience: int) -> EarlyStop:
        """Where early stopping with ``patience`` epochs stops on this run's validation loss."""
        return early_stopping(self.val_loss, patience=patience)

    @property
    def near_zero(self) -> float:
        """Fraction of weights with |w| < NEAR_ZERO."""
        return float(np.mean(np.abs(self.weights) < NEAR_ZERO))


def verdict(run: OverfitRun, base: OverfitRun) -> str:
    """"helps", "same" or "hurts": ``run``'s final validation loss against ``base``'s."""
    ratio = run.val_loss[-1] / base.val_loss[-1]
    if ratio <= 1 - CLEAR:
        return "helps"
    return "hurts" if ratio >= 1 + CLEAR else "same"


def scores(params, x: np.ndarray) -> np.ndarray:
    """The net at inference, in plain NumPy (dropout does nothing there: it is inverted)."""
    return np.maximum(x @ params["W1"] + params["b1"], 0.0) @ params["W2"] + params["b2"]


def loss(s: np.ndarray, t: np.ndarray) -> float:
    """Two-class softmax cross-entropy, mean over the batch: log(e^{s₀} + e^{s₁}) − s_t,
    by logaddexp so that no exp overflows (the same value as losses.softmax_cross_entropy)."""
    return float(np.mean(np.logaddexp(s[:, 0], s[:, 1]) - s[np.arange(len(t)), t]))


def probability(s: np.ndarray) -> np.ndarray:
    """softmax(s)[:, 1] = σ(s₁ − s₀), class 1's probability."""
    return expit(s[:, 1] - s[:, 0])


def train(cfg: OverfitConfig) -> OverfitRun:
    """Full-batch SGD for ``cfg.epochs`` epochs, both losses recorded after every update."""
    X, y, Xv, yv = data(cfg)
    dropout = cfg.strength if cfg.method == "dropout" else 0.0
    lam = cfg.strength if cfg.method in ("l2", "l1") else 0.0
    net = Net(cfg.hidden, dropout, cfg.seed)
    p = net.params
    train_loss, val_loss, objective = (np.empty(cfg.epochs) for _ in range(3))
    for epoch in range(cfg.epochs):
        grads = net.gradient(X, y)
        objective[epoch] = net.last.loss + penalty(p, cfg.method, lam)
        for key in ("W1", "W2"):
            if cfg.method == "l2":
                grads[key] = grads[key] + l2_grad(p[key], lam)
            elif cfg.method == "l1":
                grads[key] = grads[key] + l1_grad(p[key], lam)
        for key in p:
            p[key] -= cfg.lr * grads[key]  # in place: the layers hold the same arrays
        train_loss[epoch] = loss(scores(p, X), y)
        val_loss[epoch] = loss(scores(p, Xv), yv)
    axis = np.linspace(*PLANE, GRID)
    gx, gy = np.meshgrid(axis, axis)
    grid = probability(scores(p, np.column_stack([gx.ravel(), gy.ravel()]))).reshape(GRID, GRID)
    return OverfitRun(
        cfg, train_loss, val_loss, objective,
        float(np.mean(scores(p, X).argmax(axis=1) == y)),
        float(np.mean(scores(p, Xv).argmax(axis=1) == yv)),
        np.concatenate([p["W1"].ravel(), p["W2"].ravel()]), grid, X, y, Xv, yv)
