"""Every setting a lab offers (optimizers.params), on every surface: finite numbers, no warning.

Each hyper-parameter at its minimum and maximum with the others at their defaults, plus all
at their minima, all at their maxima and all at their defaults; from the surface's start
and two opposite corners of its plot; for the most steps offered, with the most noise.
"""

import numpy as np
import pytest

import optimizers as opt
from optimizers.params import NOISE, STEPS

pytestmark = pytest.mark.filterwarnings("error")


def _values(p):
    return [False, True] if p.kind == "bool" else [p.min, p.max]


def _settings(spec):
    base = spec.defaults()
    yield base
    yield {p.name: _values(p)[0] for p in spec.params}
    yield {p.name: _values(p)[-1] for p in spec.params}
    for p in spec.params:
        for v in _values(p):
            yield {**base, p.name: v}


SURFACES = [*opt.SURFACES.values(), opt.with_noise(opt.SURFACES["rosenbrock"], NOISE.max)]


@pytest.mark.parametrize("name", list(opt.OPTIMIZERS))
@pytest.mark.parametrize("surface", SURFACES, ids=lambda s: f"{s.name}-σ{s.noise_std}")
def test_every_offered_setting_stays_finite(name, surface):
    spec = opt.OPTIMIZERS[name]
    starts = [surface.start, (surface.xlim[0], surface.ylim[0]), (surface.xlim[1], surface.ylim[1])]
    for hyper in _settings(spec):
        for start in starts:
            run = opt.trajectory(name, surface, start, STEPS.max, seed=1, **hyper)
            arrays = [run.positions, run.loss, run.grads, run.updates, *run.state.values()]
            assert all(np.all(np.isfinite(a)) for a in arrays), (hyper, start)
            n = run.steps
            assert run.positions.shape == (n + 1, 2) and run.loss.shape == (n + 1,)
            assert all(a.shape == (n, 2) for a in (run.grads, run.updates, *run.state.values()))
            assert run.escaped_at == n if run.escaped_at is not None else n == STEPS.max


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"optimizer": "adamax"}, "unknown optimizer"),
        ({"surface": "himmelblau"}, "unknown surface"),
        ({"lr": 0.0}, "lr"),
        ({"lr": float("nan")}, "lr"),
        ({"steps": 1001}, "steps"),
        ({"steps": 2.5}, "whole"),
        ({"start": (float("inf"), 0.0)}, "start"),
        ({"start": (1.0,)}, "start"),
        ({"momentum": 0.9}, "no hyper-parameter"),
        ({"noise": -1.0}, "noise"),
    ],
)
def test_bad_arguments_are_refused_with_a_message(kwargs, match):
    args = {"optimizer": "adam", "surface": "textbook", **kwargs}
    with pytest.raises(ValueError, match=match):
        opt.trajectory(args.pop("optimizer"), args.pop("surface"), **args)
