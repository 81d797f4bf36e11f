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


def test_grid_covers_the_range_on_the_slider_step_and_holds_the_current_value():
    p = next(q for q in REGISTRY["leaky_relu"].params if q.name == "alpha")
    grid = morph_grid(p, 0.37)
    assert grid[0] == p.min and grid[-1] == p.max
    assert 0.37 in grid and len(grid) == MORPH_VALUES + 1
    assert np.allclose(grid / p.step, np.round(grid / p.step))


def test_leaky_relu_frames_are_the_function_at_each_alpha():
    fig = make_morph_figure(REGISTRY["leaky_relu"], {"alpha": 0.2}, "alpha", -3.0, 2.0,
                            labels=LABELS, symbol="α")
    steps = fig.layout.sliders[0].steps
    assert len(fig.frames) == len(steps) == MORPH_VALUES
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
