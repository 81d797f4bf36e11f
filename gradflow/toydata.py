"""Two-class 2-D toy data sets, generated with NumPy and seeded.

Each returns ``(X, y)``: X of shape (n, 2), float64, roughly inside [-1.5, 1.5]²; y of
shape (n,) with labels 0 and 1, half of each (the first class gets the odd point).
"""

from __future__ import annotations

import numpy as np

DATASETS = ("xor", "circles", "spiral", "moons")


def _split(n: int) -> tuple[int, int]:
    if n < 2:
        raise ValueError(f"need at least 2 points, got {n}")
    return n - n // 2, n // 2


def _shuffle(rng, X: np.ndarray, y: np.ndarray):
    order = rng.permutation(len(y))
    return X[order], y[order]


def xor(n: int = 400, noise: float = 0.25, seed: int = 0):
    """Four Gaussian blobs at (±1, ±1); label 1 where the signs of x₁ and x₂ differ."""
    rng = np.random.default_rng(seed)
    n0, n1 = _split(n)
    same = rng.choice([-1.0, 1.0], size=(n0, 1)) * np.ones((1, 2))  # (1,1) or (-1,-1)
    diff = rng.choice([-1.0, 1.0], size=(n1, 1)) * np.array([[1.0, -1.0]])  # (1,-1) or (-1,1)
    X = np.vstack([same, diff]) + noise * rng.standard_normal((n, 2))
    y = np.concatenate([np.zeros(n0), np.ones(n1)])
    return _shuffle(rng, X, y)


def circles(n: int = 400, noise: float = 0.08, seed: int = 0):
    """An outer ring (radius 1, label 0) around an inner ring (radius 0.45, label 1)."""
    rng = np.random.default_rng(seed)
    n0, n1 = _split(n)
    t = rng.uniform(0.0, 2 * np.pi, n)
    r = np.concatenate([np.ones(n0), np.full(n1, 0.45)])
    X = np.column_stack([r * np.cos(t), r * np.sin(t)]) + noise * rng.standard_normal((n, 2))
    y = np.concatenate([np.zeros(n0), np.ones(n1)])
    return _shuffle(rng, X, y)


def spiral(n: int = 400, noise: float = 0.05, seed: int = 0, turns: float = 1.25):
    """Two interleaved arms of an Archimedean spiral, the second rotated by π."""
    rng = np.random.default_rng(seed)
    n0, n1 = _split(n)
    s = rng.uniform(0.08, 1.0, n)  # radius; the angle grows with it
    theta = 2 * np.pi * turns * s + np.concatenate([np.zeros(n0), np.full(n1, np.pi)])
    X = 1.3 * np.column_stack([s * np.cos(theta), s * np.sin(theta)])
    X += noise * rng.standard_normal((n, 2))
    y = np.concatenate([np.zeros(n0), np.ones(n1)])
    return _shuffle(rng, X, y)


def moons(n: int = 400, noise: float = 0.1, seed: int = 0):
    """Two interleaving half circles, centred on the origin."""
    rng = np.random.default_rng(seed)
    n0, n1 = _split(n)
    t0 = rng.uniform(0.0, np.pi, n0)
    t1 = rng.uniform(0.0, np.pi, n1)
    upper = np.column_stack([np.cos(t0), np.sin(t0)])
    lower = np.column_stack([1.0 - np.cos(t1), 0.5 - np.sin(t1)])
    X = np.vstack([upper, lower]) - np.array([0.5, 0.25])
    X += noise * rng.standard_normal((n, 2))
    y = np.concatenate([np.zeros(n0), np.ones(n1)])
    return _shuffle(rng, X, y)


_MAKERS = {"xor": xor, "circles": circles, "spiral": spiral, "moons": moons}


def make(name: str, n: int = 400, seed: int = 0):
    """The data set called ``name`` (one of DATASETS) with its default noise."""
    if name not in _MAKERS:
        raise ValueError(f"unknown data set {name!r}; choose one of {DATASETS}")
    return _MAKERS[name](n=n, seed=seed)
