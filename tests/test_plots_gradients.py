"""The gradient-flow lab's figures: lines that coincide stay distinguishable (issue 16:
in ① tanh's line hid under ReLU's at 1)."""

from __future__ import annotations

import numpy as np
import pytest

import activations as act
from gradflow import depth
from plots import gradients as gp

NAMES = {k: k for k in act.ELEMENTWISE}


def _traces(fig):
    return {tr.name: tr for tr in fig.data}


@pytest.mark.parametrize("fns", [("sigmoid", "tanh", "relu"), ("tanh", "relu"),
                                 ("relu", "tanh", "leaky_relu", "elu")])
def test_coinciding_depth_lines_stay_distinguishable(fns):
    curves = depth.depth_curves(fns, 10, None)
    groups = gp.coinciding(curves)
    assert any({"tanh", "relu"} <= set(g) for g in groups)  # max |h'| = 1 for both
    traces = _traces(gp.make_depth_figure(curves, NAMES, "L", "y"))
    order = list(curves)
    for group in groups:
        drawn = sorted(group, key=order.index)
        for under, over in zip(drawn, drawn[1:], strict=False):
            a, b = traces[under], traces[over]
            assert a.line.dash != b.line.dash
            assert a.line.width > b.line.width  # the one beneath shows at the edges
            assert a.marker.symbol != b.marker.symbol
            assert b.marker.symbol.endswith("-open")  # the marker beneath shows through
            assert a.marker.size > b.marker.size


def test_coinciding_finds_equal_lines_only():
    curves = {"a": np.ones(5), "b": np.ones(5), "c": np.full(5, 0.5), "d": np.ones(5) * 0.5,
              "e": np.arange(5.0)}
    assert gp.coinciding(curves) == [["a", "b"], ["c", "d"]]
    assert gp.coinciding({"a": np.ones(3), "b": np.ones(3) * (1 + 1e-6)}) == []


def test_the_page_names_the_lines_that_coincide():
    from tests.test_page_gradients import _light

    at = _light()
    notes = [c.value for c in at.caption if "重なっています" in c.value]
    assert notes == [notes[0]] and "双曲線正接関数 (tanh)、ReLU関数" in notes[0]
