r"""A tiny MLP classifier trained in NumPy: full-batch gradient descent or Adam.

Architecture 2 → hidden … → 1: every hidden layer applies the chosen registry activation,
the output is a logit s with :math:`p = \sigma(s)`, and the loss is the binary
cross-entropy, computed from the logit as :math:`\log(1 + e^{s}) - y s` so it never
overflows. Backpropagation multiplies by the registry's h'(z), the same derivative the
rest of the app shows.

Training can be resumed: ``advance`` takes a state and returns a new one, so a page can
train in chunks (and cache each chunk) while it updates a progress bar.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from scipy.special import expit

import activations as act
from gradflow.mlp import init_std

OPTIMIZERS = ("adam", "gd")
_BETA1, _BETA2, _EPS = 0.9, 0.999, 1e-8  # Adam's usual constants (Kingma & Ba 2015)


@dataclass(frozen=True)
class TrainConfig:
    activation: str = "tanh"
    hidden: tuple[int, ...] = (32, 32)
    optimizer: str = "adam"
    lr: float = 0.01
    seed: int = 0

    def __post_init__(self):
        spec = act.REGISTRY.get(self.activation)
        if spec is None or spec.kind != "elementwise":
            raise ValueError(f"{self.activation!r} is not an elementwise activation")
        if self.optimizer not in OPTIMIZERS:
            raise ValueError(f"optimizer must be one of {OPTIMIZERS}, got {self.optimizer!r}")
        if not (np.isfinite(self.lr) and self.lr > 0):
            raise ValueError(f"learning rate must be positive, got {self.lr}")
        if not self.hidden or min(self.hidden) < 1:
            raise ValueError(f"hidden sizes must be positive, got {self.hidden}")


@dataclass
class TrainState:
    """Parameters [W1, b1, W2, b2, …], Adam's moments, the step count and the loss history."""

    params: list[np.ndarray]
    m: list[np.ndarray]
    v: list[np.ndarray]
    step: int = 0
    losses: list[float] = field(default_factory=list)

    def copy(self) -> TrainState:
        return TrainState([p.copy() for p in self.params], [a.copy() for a in self.m],
                          [a.copy() for a in self.v], self.step, list(self.losses))


def init_state(cfg: TrainConfig, n_in: int = 2) -> TrainState:
    """Xavier (Glorot) normal weights, zero biases, seeded."""
    rng = np.random.default_rng(cfg.seed)
    sizes = (n_in, *cfg.hidden, 1)
    params = []
    for fan_in, fan_out in zip(sizes[:-1], sizes[1:], strict=True):
        std = init_std("xavier", fan_in, fan_out)
        params.append(std * rng.standard_normal((fan_in, fan_out)))
        params.append(np.zeros(fan_out))
    zeros = [np.zeros_like(p) for p in params]
    return TrainState(params, zeros, [z.copy() for z in zeros])


def _activation(name: str):
    spec = act.REGISTRY[name]
    p = spec.defaults()
    return (lambda z: spec.fn(z, **p)), (lambda z: spec.grad(z, **p))


def logits(params: list[np.ndarray], X: np.ndarray, name: str) -> np.ndarray:
    """The output logit s for every row of X."""
    fn, _ = _activation(name)
    a = X
    n_layers = len(params) // 2
    for i in range(n_layers):
        z = a @ params[2 * i] + params[2 * i + 1]
        a = fn(z) if i < n_layers - 1 else z
    return a[:, 0]


def bce(s: np.ndarray, y: np.ndarray) -> float:
    """Mean binary cross-entropy from logits: log(1 + e^s) − y·s, overflow-free."""
    return float(np.mean(np.logaddexp(0.0, s) - y * s))


def loss_and_grads(params: list[np.ndarray], X: np.ndarray, y: np.ndarray, name: str):
    """The loss and its gradient with respect to every parameter, by backpropagation."""
    fn, grad = _activation(name)
    n_layers = len(params) // 2
    inputs, derivs = [], []
    a = X
    for i in range(n_layers - 1):
        z = a @ params[2 * i] + params[2 * i + 1]
        inputs.append(a)
        derivs.append(grad(z))
        a = fn(z)
    inputs.append(a)
    s = (a @ params[-2] + params[-1])[:, 0]
    loss = bce(s, y)
    # d/ds of mean(log(1+e^s) − y s) = (σ(s) − y)/N
    delta = ((expit(s) - y) / len(y))[:, None]
    grads: list[np.ndarray] = [np.empty(0)] * len(params)
    for i in range(n_layers - 1, -1, -1):
        grads[2 * i] = inputs[i].T @ delta
        grads[2 * i + 1] = delta.sum(axis=0)
        if i > 0:
            delta = (delta @ params[2 * i].T) * derivs[i - 1]
    return loss, grads


def advance(state: TrainState, X: np.ndarray, y: np.ndarray, cfg: TrainConfig, steps: int,
            callback: Callable[[int, float], None] | None = None,
            every: int = 50) -> TrainState:
    """A new state ``steps`` updates further on; the input state is left unchanged.

    ``callback(step, loss)`` is called every ``every`` steps and after the last one.
    """
    st = state.copy()
    lr = cfg.lr
    # Exploding training (too large a learning rate) is shown, not warned about.
    with np.errstate(over="ignore", invalid="ignore"):
        for k in range(steps):
            loss, grads = loss_and_grads(st.params, X, y, cfg.activation)
            st.losses.append(loss)
            st.step += 1
            if cfg.optimizer == "gd":
                for p, g in zip(st.params, grads, strict=True):
                    p -= lr * g
            else:
                c1 = 1.0 - _BETA1**st.step
                c2 = 1.0 - _BETA2**st.step
                for p, g, m, v in zip(st.params, grads, st.m, st.v, strict=True):
                    m *= _BETA1
                    m += (1.0 - _BETA1) * g
                    v *= _BETA2
                    v += (1.0 - _BETA2) * g * g
                    p -= lr * (m / c1) / (np.sqrt(v / c2) + _EPS)
            if callback is not None and ((k + 1) % every == 0 or k + 1 == steps):
                callback(st.step, loss)
    return st


def train(X: np.ndarray, y: np.ndarray, cfg: TrainConfig, steps: int,
          callback: Callable[[int, float], None] | None = None, every: int = 50) -> TrainState:
    """Train from a fresh initialisation for ``steps`` full-batch updates."""
    return advance(init_state(cfg, X.shape[1]), X, y, cfg, steps, callback, every)


def predict_proba(state: TrainState, X: np.ndarray, name: str) -> np.ndarray:
    """p(y = 1 | x) for every row of X."""
    with np.errstate(over="ignore", invalid="ignore"):
        return expit(logits(state.params, X, name))


def finite(state: TrainState) -> bool:
    """False once training has diverged (a parameter or the loss left the float64 range)."""
    return bool(np.all(np.isfinite(state.losses)) and all(np.isfinite(p).all() for p in state.params))


def accuracy(state: TrainState, X: np.ndarray, y: np.ndarray, name: str) -> float:
    """Share of points on the right side of p = 0.5."""
    return float(np.mean((predict_proba(state, X, name) > 0.5) == (y > 0.5)))


@dataclass(frozen=True)
class Grid:
    xs: np.ndarray  # (resolution,)
    ys: np.ndarray  # (resolution,)
    proba: np.ndarray  # (resolution, resolution), row = y, column = x


def decision_grid(state: TrainState, X: np.ndarray, name: str, resolution: int = 100,
                  margin: float = 0.3) -> Grid:
    """p(y = 1) on a square grid covering the data plus a margin: the decision boundary."""
    lo = X.min(axis=0) - margin
    hi = X.max(axis=0) + margin
    xs = np.linspace(lo[0], hi[0], resolution)
    ys = np.linspace(lo[1], hi[1], resolution)
    gx, gy = np.meshgrid(xs, ys)
    pts = np.column_stack([gx.ravel(), gy.ravel()])
    return Grid(xs, ys, predict_proba(state, pts, name).reshape(resolution, resolution))
