r"""Test surfaces f(x, y) with exact gradients, for watching the optimizers move.

``f`` and ``grad`` take arrays of any (equal) shape, so a page can evaluate a grid for its
contours with the same functions the trajectories use. A convex quadratic also carries its
Hessian H: gradient descent on it converges iff :math:`0 < \eta < 2/\lambda_{\max}(H)`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from types import MappingProxyType

import numpy as np


@dataclass(frozen=True)
class Surface:
    name: str
    name_ja: str
    name_en: str
    latex: str
    f: Callable  # f(x, y) -> z
    grad: Callable  # grad(x, y) -> (∂f/∂x, ∂f/∂y)
    xlim: tuple[float, float]  # the region a page draws
    ylim: tuple[float, float]
    start: tuple[float, float]
    minimum: tuple[float, float] | None  # None: unbounded below (the saddle)
    hessian: tuple | None = None  # constant Hessian of a convex quadratic, else None
    noise_std: float = 0.0  # σ of the Gaussian noise added to each gradient component

    @property
    def lambda_max(self) -> float | None:
        """The largest eigenvalue of the Hessian (a convex quadratic only)."""
        if self.hessian is None:
            return None
        return float(np.linalg.eigvalsh(np.array(self.hessian, dtype=float)).max())

    @property
    def divergence_lr(self) -> float | None:
        r"""The learning rate at which gradient descent stops converging: :math:`2/\lambda_{\max}`."""
        lam = self.lambda_max
        return None if lam is None else 2.0 / lam

    def gradient(self, xy, rng: np.random.Generator | None = None) -> np.ndarray:
        """The gradient at one point as an array (2,); with noise, a stochastic one from ``rng``."""
        g = np.array(self.grad(xy[0], xy[1]), dtype=float)
        if self.noise_std:
            if rng is None:
                raise ValueError(f"surface {self.name!r} is noisy: pass a seeded rng")
            g = g + self.noise_std * rng.standard_normal(2)
        return g

    def loss(self, xy) -> float:
        return float(self.f(xy[0], xy[1]))


def with_noise(surface: Surface, noise_std: float) -> Surface:
    """The same surface with stochastic gradients :math:`g + \\sigma z`, z ~ N(0, I)."""
    return replace(surface, noise_std=float(noise_std))


def _textbook_f(x, y):
    return x**2 / 20.0 + y**2


def _textbook_grad(x, y):
    return x / 10.0, 2.0 * y


def _ill_f(x, y):
    return 0.5 * (x**2 + 10.0 * y**2)


def _ill_grad(x, y):
    return x, 10.0 * y


def _rosenbrock_f(x, y):
    return (1.0 - x) ** 2 + 100.0 * (y - x**2) ** 2


def _rosenbrock_grad(x, y):
    return -2.0 * (1.0 - x) - 400.0 * x * (y - x**2), 200.0 * (y - x**2)


def _saddle_f(x, y):
    return x**2 - y**2


def _saddle_grad(x, y):
    return 2.0 * x, -2.0 * y


TEXTBOOK = Surface(
    "textbook",
    "教科書の関数 x²/20 + y²",
    "The textbook's x²/20 + y²",
    r"f(x, y) = \frac{1}{20}x^2 + y^2",
    _textbook_f,
    _textbook_grad,
    (-10.0, 10.0),
    (-10.0, 10.0),
    (-7.0, 2.0),
    (0.0, 0.0),
    hessian=((0.1, 0.0), (0.0, 2.0)),
)
ILL_CONDITIONED = Surface(
    "ill_conditioned",
    "悪条件の 2 次関数",
    "Ill-conditioned quadratic",
    r"f(x, y) = \frac{1}{2}\left(x^2 + 10 y^2\right)",
    _ill_f,
    _ill_grad,
    (-2.0, 2.0),
    (-2.0, 2.0),
    (1.0, 1.0),
    (0.0, 0.0),
    hessian=((1.0, 0.0), (0.0, 10.0)),
)
ROSENBROCK = Surface(
    "rosenbrock",
    "ローゼンブロック関数",
    "Rosenbrock function",
    r"f(x, y) = (1 - x)^2 + 100\,(y - x^2)^2",
    _rosenbrock_f,
    _rosenbrock_grad,
    (-2.0, 2.0),
    (-1.0, 3.0),
    (-1.2, 1.0),
    (1.0, 1.0),
)
SADDLE = Surface(
    "saddle",
    "鞍点 x² − y²",
    "Saddle x² − y²",
    r"f(x, y) = x^2 - y^2",
    _saddle_f,
    _saddle_grad,
    (-2.0, 2.0),
    (-2.0, 2.0),
    (1.5, 0.01),
    None,
)
NOISY = replace(
    with_noise(TEXTBOOK, 0.5),
    name="noisy",
    name_ja="雑音のある勾配（x²/20 + y²）",
    name_en="Noisy gradients (x²/20 + y²)",
)

SURFACES = MappingProxyType(
    {s.name: s for s in (TEXTBOOK, ILL_CONDITIONED, ROSENBROCK, SADDLE, NOISY)}
)
