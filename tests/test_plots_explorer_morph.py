"""Drag and watch: every frame is the function at its grid value (closed forms, not the app)."""

from __future__ import annotations

import numpy as np
import pytest

from activations import REGISTRY
from plots.explorer import Labels
from plots.explorer_morph import MORPH_VALUES, make_morph_figure, morph_grid

LABELS = Labels(h="H", grad="G")


def arrays(tr):
    return np.asarray(tr.x, dtype=float), np.asarray(tr.y, dtype=float)


ROUND = {1.0, 2.0, 2.5, 5.0}  # a round step: one of these times a power of ten


def _is_round_step(step: float) -> bool:
    mantissa = step / 10.0 ** np.floor(np.log10(step))
    return any(np.isclose(mantissa, m) for m in ROUND)


@pytest.mark.parametrize("fn, name", [(fn, p.name) for fn, spec in REGISTRY.items()
                                      for p in spec.params if p.kind == "float"])
def test_grid_reads_at_round_values_over_the_range_and_holds_the_current_value(fn, name):
    p = next(q for q in REGISTRY[fn].params if q.name == name)
    current = p.min + 0.37 * (p.max - p.min)
    grid = morph_grid(p, current)
    assert np.isclose(grid, current).any()
    rest = grid[~np.isclose(grid, current)]
    steps = np.diff(rest)
    step = steps[0]
    assert np.allclose(steps, step) and _is_round_step(step) and step >= p.step
    assert len(rest) <= MORPH_VALUES
    # every value a multiple of the step, the first of two: every other label is rounder
    assert np.allclose(rest / step, np.round(rest / step))
    assert np.isclose(rest[0] / (2 * step), round(rest[0] / (2 * step)))
    assert p.min <= rest[0] < p.min + 2 * step and p.max - step < rest[-1] <= p.max
    # the slider's own step: a value dragged to is one the widget can hold
    assert np.allclose((rest - p.min) / p.step, np.round((rest - p.min) / p.step))


def test_grid_examples():
    """Read off by hand: Leaky ReLU's α over [0, 1], ELU's over [0.05, 5], Swish's β over [0, 10]."""
    leaky, elu, swish = (REGISTRY[f].params[0] for f in ("leaky_relu", "elu", "swish"))
    assert list(morph_grid(leaky, 0.01)) == [0, 0.01] + [k / 20 for k in range(1, 21)]
    assert list(morph_grid(elu, 1.0)) == [k / 4 for k in range(2, 21)]
    assert list(morph_grid(swish, 1.0)) == [k / 2 for k in range(21)]


def test_leaky_relu_frames_are_the_function_at_each_alpha():
    fig = make_morph_figure(REGISTRY["leaky_relu"], {"alpha": 0.2}, "alpha", -3.0, 2.0,
                            labels=LABELS, symbol="α")
    steps = fig.layout.sliders[0].steps
    assert len(fig.frames) == len(steps) == MORPH_VALUES  # 0.2 is on the grid
    assert [s.args[0][0] for s in steps] == [f.name for f in fig.frames]
    assert steps[fig.layout.sliders[0].active].label == "0.2"  # opens at the current α
    for frame in fig.frames:
        alpha = float(frame.name)
        h, taken, limit, g, g_taken, g_limit = frame.data
        x, y = arrays(h)
        np.testing.assert_allclose(y, np.where(x > 0, x, alpha * x), rtol=1e-15)
        x, y = arrays(g)
        ok = ~np.isnan(y)
        np.testing.assert_array_equal(y[ok], np.where(x[ok] > 0, 1.0, alpha))
        if alpha != 1.0:  # h' jumps from α to 1 at 0: the line breaks, ● at α, ○ at 1
            assert np.isnan(y).sum() == 1
            assert list(g_taken.y) == [alpha] and list(g_limit.y) == [1.0]
        assert len(taken.x) == 0  # h itself is continuous
    lo, hi = fig.layout.yaxis.range
    assert lo <= -3.0 and hi >= 2.0  # h(−3) = −3 at α = 1, h(2) = 2: every frame fits


@pytest.mark.parametrize("fn", ["elu", "swish"])
def test_the_figure_opens_on_the_current_curve(fn):
    spec = REGISTRY[fn]
    p = spec.params[0]
    fig = make_morph_figure(spec, {p.name: p.default}, p.name, -4.0, 4.0, labels=LABELS,
                            show_grad=False)
    assert [tr.name for tr in fig.data if tr.showlegend is not False] == ["H"]
    x, y = arrays(fig.data[0])
    if fn == "elu":  # α(eˣ − 1) for x ≤ 0, α = 1
        expected = np.where(x > 0, x, np.expm1(np.minimum(x, 0)))
    else:  # x σ(βx), β = 1
        expected = x / (1 + np.exp(-x))
    np.testing.assert_allclose(y, expected, rtol=1e-12, atol=1e-300)
