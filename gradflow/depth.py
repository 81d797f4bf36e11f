r"""The chain-rule product of h'(x) through L layers: why depth makes gradients vanish.

Backpropagation through L layers multiplies L activation derivatives (and L weight
matrices, whose scale the initialisation controls). Whatever the weights do, the
activation factor is bounded by

.. math:: \prod_{l=1}^{L} |h'(z_l)| \le \left(\max_x |h'(x)|\right)^{L}

For the sigmoid the maximum is 1/4, so the bound falls as 0.25^L. Every maximum here is
found numerically from the registry's derivative, never typed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from scipy.optimize import minimize_scalar

import activations as act

SEARCH_RANGE = (-10.0, 10.0)  # every registry derivative does its bending inside this
_GRID = 4001  # spacing 0.005: the coarse search before the refinement
_TIE = 1e-12  # grid points this close to the maximum count as attaining it


@dataclass(frozen=True)
class GradMax:
    """max |h'(x)| over the search range, where it is attained, and whether x is unique."""

    value: float
    x: float
    unique: bool  # False when a whole interval attains it (ReLU: every x > 0)
    at_edge: bool  # attained at the end of the search range: a limit approached as |x| grows


def _grad(name: str, params: dict | None):
    spec = act.REGISTRY[name]
    if spec.kind != "elementwise":
        raise ValueError(f"{name} is not an elementwise activation")
    merged = {**spec.defaults(), **(params or {})}
    return lambda x: np.abs(spec.grad(x, **merged))


def max_abs_grad(name: str, params: dict | None = None,
                 lo: float = SEARCH_RANGE[0], hi: float = SEARCH_RANGE[1]) -> GradMax:
    """max |h'(x)| for x in [lo, hi]: a grid search, then a bounded 1-D refinement."""
    g = _grad(name, params)
    x = np.linspace(lo, hi, _GRID)
    y = g(x)
    i = int(np.argmax(y))
    best_x, best = float(x[i]), float(y[i])
    ties = int(np.count_nonzero(y >= best - _TIE * max(1.0, best)))
    if ties == 1:
        step = (hi - lo) / (_GRID - 1)
        a, b = max(lo, best_x - step), min(hi, best_x + step)
        res = minimize_scalar(lambda t: -float(g(t)), bounds=(a, b), method="bounded",
                              options={"xatol": 1e-12})
        if -res.fun > best:
            best_x, best = float(res.x), float(-res.fun)
    edge = ties == 1 and min(best_x - lo, hi - best_x) < 1e-9 * (hi - lo)
    return GradMax(best, best_x, ties == 1, edge)


@lru_cache(maxsize=64)
def _default_max(name: str) -> GradMax:
    return max_abs_grad(name)


def grad_at(name: str, x: float, params: dict | None = None) -> float:
    """|h'(x)| at one point x."""
    return float(_grad(name, params)(np.float64(x)))


def chain_product(factor: float, depth: int) -> np.ndarray:
    """factor, factor², …, factor^depth: the product of ``depth`` equal per-layer factors.

    Built as a running product, the way backpropagation accumulates it layer by layer.
    """
    if depth < 1:
        raise ValueError(f"depth must be at least 1, got {depth}")
    return np.cumprod(np.full(int(depth), float(factor)))


def depth_curves(names, depth: int, x: float | None = None) -> dict[str, np.ndarray]:
    """For each activation, the product through 1..depth layers of |h'|.

    ``x=None``: every layer at the x maximising |h'| (the upper bound).
    A number: every layer at that same pre-activation x.
    """
    out = {}
    for name in names:
        factor = _default_max(name).value if x is None else grad_at(name, x)
        out[name] = chain_product(factor, depth)
    return out


@lru_cache(maxsize=64)
def grad_extent(name: str) -> tuple[float, float]:
    """(min, max) of h'(x) on the search range: equal when h is linear, both 0 for the step."""
    spec = act.REGISTRY[name]
    y = spec.grad(np.linspace(*SEARCH_RANGE, _GRID), **spec.defaults())
    return float(np.min(y)), float(np.max(y))
