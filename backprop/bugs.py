"""The gradient check (backpropagation against central differences, for every parameter of
the two-layer network) and three classic bugs to plant in it, each a small subclass whose
wrong line carries a comment."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

import numpy as np

from activations.source_code import source
from layers import Affine, Relu, SoftmaxWithLoss, relative_error

from .graph import make_net

PARAMS = ("W1", "b1", "W2", "b2")
FIRST_LAYER = ("W1", "b1")  # the only parameters whose ±h step moves the ReLU's input a1
H = 1e-4  # the textbook's step, numerical_gradient's default
TOLERANCE = 1e-6  # agreement to ~1e-8 is right; a bug shows as ~1e-1 (h = 1e-4, float64)
# Below this ‖a‖ + ‖n‖ the central difference's round-off (≈ ε·|L|/h ≈ 1e-12·|L|) is no
# longer small against the gradient: the relative error says nothing there.
TINY = 1e-4


gradient_error = relative_error  # the page's measure is the layers' own


class SoftmaxWithLossWithoutN(SoftmaxWithLoss):
    """Bug: the batch mean is forgotten in backward (the loss is a mean; its gradient is not)."""

    def backward(self, dout=1):
        batch_size = self.t.shape[0]
        dx = self.y.copy()
        dx[np.arange(batch_size), self.t] -= 1
        return dx  # バグ：正しくは dx / batch_size


class AffineTransposedW(Affine):
    """Bug: W where Wᵀ belongs in dx. The shapes fit only because W is square."""

    def backward(self, dout):
        dx = np.dot(dout, self.W)  # バグ：正しくは np.dot(dout, self.W.T)
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)
        return dx.reshape(*self.original_x_shape)


class ReluWithoutMask(Relu):
    """Bug: the mask is forgotten, so backward passes every gradient through."""

    def backward(self, dout):
        dx = dout  # バグ：dout[self.mask] = 0 が抜けている
        return dx


BUGS = ("none", "no_batch_mean", "transposed_w", "no_relu_mask")
BUGGY_LAYERS = {"no_batch_mean": SoftmaxWithLossWithoutN, "transposed_w": AffineTransposedW,
                "no_relu_mask": ReluWithoutMask}
BUGS_FOR = {"relu": BUGS, "sigmoid": BUGS[:3]}  # no mask to forget in a Sigmoid layer


def no_batch_mean_error(n: int) -> float:
    """The relative error a forgotten /N gives every gradient: N·a against a,
    ‖N·a − a‖ / (‖N·a‖ + ‖a‖) = (N − 1) / (N + 1)."""
    return (n - 1) / (n + 1)


def bug_source(bug: str) -> str:
    """The buggy backward as the page shows it: the code that runs, its wrong line marked."""
    return textwrap.dedent(source(BUGGY_LAYERS[bug].backward))


def planted_net(seed: int, activation: str, bug: str):
    """The page's network with ``bug`` planted in its layers."""
    if bug not in BUGS_FOR[activation]:
        raise ValueError(f"bug {bug!r} does not apply to {activation}")
    net = make_net(seed, activation)
    if bug == "no_batch_mean":
        net.lastLayer = SoftmaxWithLossWithoutN()
    elif bug == "transposed_w":
        net.layers["Affine2"] = AffineTransposedW(net.params["W2"], net.params["b2"])
    elif bug == "no_relu_mask":
        net.layers["Relu1"] = ReluWithoutMask()
    return net


@dataclass(frozen=True)
class CheckResult:
    errors: dict[str, float]  # parameter -> gradient_error, backprop against numerical
    analytic: dict[str, np.ndarray]
    numeric: dict[str, np.ndarray]
    masked: int  # ReLU inputs ≤ 0 (masked in backward); 0 for Sigmoid
    near_kink: bool  # a ±h step in a first-layer weight can move some ReLU input across 0

    def too_small(self, key: str) -> bool:
        return np.linalg.norm(self.analytic[key]) + np.linalg.norm(self.numeric[key]) < TINY

    def passed(self, key: str) -> bool:
        """Agreement; a gradient too small to judge counts as no evidence of a bug."""
        return self.errors[key] < TOLERANCE or self.too_small(key)

    @property
    def all_passed(self) -> bool:
        return all(self.passed(key) for key in PARAMS)

    def unreliable(self, key: str) -> bool:
        """A disagreement here may be the kink, not the code: ±h can cross ReLU's 0."""
        return self.near_kink and key in FIRST_LAYER and not self.passed(key)

    def verdict(self, key: str) -> str:
        """"agree", "too_small", "kink" (differs, but the check cannot be trusted) or "differ"."""
        if self.errors[key] < TOLERANCE:
            return "agree"
        if self.too_small(key):
            return "too_small"
        return "kink" if self.unreliable(key) else "differ"

    @property
    def failed(self) -> tuple[str, ...]:
        """The parameters where the check found a real disagreement."""
        return tuple(k for k in PARAMS if self.verdict(k) == "differ")


def gradient_check(x, t, seed: int = 0, activation: str = "relu",
                   bug: str = "none") -> CheckResult:
    """Backpropagation (with ``bug`` planted) against the numerical gradient (h = 1e-4)."""
    x, t = np.asarray(x, dtype=float), np.asarray(t)
    net = planted_net(seed, activation, bug)
    analytic = {k: np.array(v, dtype=float) for k, v in net.gradient(x, t).items()}
    numeric = net.numerical_gradient(x, t)
    a1 = net.layers["Affine1"].forward(x)
    relu = activation == "relu"
    # W1[i, j] ± h moves a1[n, j] by h·x[n, i], b1[j] ± h by h: a margin of 10 such steps
    reach = 10 * H * np.maximum(1.0, np.abs(x).max(axis=1, keepdims=True))
    return CheckResult(
        errors={k: gradient_error(analytic[k], numeric[k]) for k in PARAMS},
        analytic=analytic, numeric=numeric,
        masked=int(np.sum(a1 <= 0)) if relu else 0,
        near_kink=relu and bool(np.any(np.abs(a1) < reach)),
    )
