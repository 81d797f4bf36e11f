"""The functional form for the labs: a whole trajectory computed at once, every step recorded,
so a page can scrub through the steps without computing anything again."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from .params import NOISE, SEED, STEPS
from .registry import OPTIMIZERS
from .surfaces import SURFACES, Surface, with_noise

ESCAPE = 1e6  # |θ| beyond this ends the run: it has diverged (or left the saddle for good)


@dataclass(frozen=True)
class Trajectory:
    """Step t (1 ≤ t ≤ ``steps``) moved ``positions[t-1]`` to ``positions[t]``.

    ``grads[t-1]`` is the gradient it used (stochastic on a noisy surface), ``updates[t-1]``
    its Δθ, and ``state[key][t-1]`` the optimizer's state after it (v; h; m, v, m̂, v̂).
    ``loss`` is the noiseless f at every position. A run that leaves |θ| ≤ ``ESCAPE``
    stops there: ``escaped_at`` is that step and the arrays end with it.
    """

    optimizer: str
    surface: str
    hyper: Mapping
    positions: np.ndarray  # (steps + 1, 2)
    loss: np.ndarray  # (steps + 1,)
    grads: np.ndarray  # (steps, 2)
    updates: np.ndarray  # (steps, 2)
    state: Mapping[str, np.ndarray]  # each (steps, 2)
    escaped_at: int | None

    @property
    def steps(self) -> int:
        return len(self.grads)

    @property
    def step_sizes(self) -> np.ndarray:
        """|Δθ| of every step (AdaGrad's shrinking steps, a diverging run's growing ones)."""
        return np.linalg.norm(self.updates, axis=1)

    def at(self, t: int) -> dict:
        """The numbers of step t as a page shows them: the point reached and what moved it."""
        if not 1 <= t <= self.steps:
            raise ValueError(f"step must be in [1, {self.steps}], got {t}")
        out = {
            "t": t,
            "theta": self.positions[t],
            "loss": float(self.loss[t]),
            "g": self.grads[t - 1],
            "update": self.updates[t - 1],
        }
        out.update({key: values[t - 1] for key, values in self.state.items()})
        return out


def _surface(surface: str | Surface, noise: float | None) -> Surface:
    if isinstance(surface, str):
        if surface not in SURFACES:
            raise ValueError(f"unknown surface {surface!r}; choose from {sorted(SURFACES)}")
        surface = SURFACES[surface]
    return surface if noise is None else with_noise(surface, NOISE.check(noise))


def _start(surface: Surface, start) -> np.ndarray:
    xy = np.array(surface.start if start is None else start, dtype=float)
    if xy.shape != (2,) or not np.all(np.isfinite(xy)) or np.max(np.abs(xy)) > ESCAPE:
        raise ValueError(f"start must be two finite numbers within ±{ESCAPE:g}, got {start!r}")
    return xy


def _count(param, value) -> int:
    v = param.check(value)
    if not math.isclose(v, round(v)):
        raise ValueError(f"{param.name} must be a whole number, got {value!r}")
    return round(v)


def trajectory(
    optimizer: str,
    surface: str | Surface,
    start=None,
    steps=STEPS.default,
    *,
    noise: float | None = None,
    seed=SEED.default,
    **hyper,
) -> Trajectory:
    """Run ``optimizer`` (a name in ``OPTIMIZERS``) on ``surface`` from ``start``.

    ``start`` defaults to the surface's; ``noise`` (σ) overrides the surface's own and
    ``seed`` draws the noise; ``hyper`` are the optimizer's hyper-parameters (missing ones
    at the lab's defaults). Every argument is checked against ``optimizers.params``.
    """
    if optimizer not in OPTIMIZERS:
        raise ValueError(f"unknown optimizer {optimizer!r}; choose from {sorted(OPTIMIZERS)}")
    spec = OPTIMIZERS[optimizer]
    hyper = spec.check(hyper)
    surf = _surface(surface, noise)
    theta = _start(surf, start)
    steps = _count(STEPS, steps)
    rng = np.random.default_rng(_count(SEED, seed))

    positions, grads, updates = [theta], [], []
    records = {key: [] for key in spec.state_keys}
    state: dict = {}
    escaped_at = None
    for t in range(1, steps + 1):
        g = surf.gradient(theta, rng)
        delta, state = spec.step(g, state, t, theta, **hyper)
        theta = theta + delta
        positions.append(theta)
        grads.append(g)
        updates.append(delta)
        for key in records:
            records[key].append(state[key])
        # Checked before the next gradient: from |θ| ≤ 1e6 one more step stays finite
        # on every surface here, so a diverging run never overflows.
        if np.abs(theta).max() > ESCAPE:  # the method: np.max's wrapper was a quarter of a run
            escaped_at = t
            break

    xy = np.array(positions)
    return Trajectory(
        optimizer=optimizer,
        surface=surf.name,
        hyper=hyper,
        positions=xy,
        loss=surf.f(xy[:, 0], xy[:, 1]),
        grads=np.array(grads),
        updates=np.array(updates),
        state={key: np.array(values) for key, values in records.items()},
        escaped_at=escaped_at,
    )
