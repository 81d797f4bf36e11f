"""The gated activations' figure and what its caption says about it, against the core."""

from __future__ import annotations

import numpy as np
import pytest

import activations as act
from plots.gated import B_VALUES, GATE_OPEN, GATE_SHUT, gate_facts, make_gated_figure

LABELS = {"glu": "GLU", "swiglu": "SwiGLU", "x": "a", "y": "out", "b": "b = {b}"}


def _lines(fig, axis: str) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    return {tr.legendgroup: (np.asarray(tr.x), np.asarray(tr.y)) for tr in fig.data
            if tr.yaxis == axis}


def _b(name: str) -> float:
    return float(name.removeprefix("b = ").replace("−", "-"))


def test_each_panel_draws_one_line_per_b_from_the_definitions():
    fig = make_gated_figure(LABELS)
    glu_lines, swiglu_lines = _lines(fig, "y"), _lines(fig, "y2")
    assert [_b(n) for n in glu_lines] == list(B_VALUES) == [_b(n) for n in swiglu_lines]
    for name, (a, y) in glu_lines.items():
        np.testing.assert_allclose(y, a * act.sigmoid(_b(name)), rtol=1e-15, atol=0)
    for name, (a, y) in swiglu_lines.items():
        np.testing.assert_allclose(y, a / (1 + np.exp(-a)) * _b(name), rtol=1e-14, atol=0)
    assert [tr.name for tr in fig.data if tr.showlegend] == ["b = 4", "b = 1", "b = 0", "b = −1",
                                                             "b = −4"]


def test_caption_claims_hold_on_the_lines():
    """「b = 4 では a がほぼそのまま通り、b = −4 では出力はほぼ 0」, σ(b) as printed, and
    「SwiGLU の b は倍率で、負なら符号も反転」, on the figure's own lines."""
    facts = gate_facts()
    assert (facts["b_open"], facts["b_shut"]) == (GATE_OPEN, GATE_SHUT) == (4.0, -4.0)
    assert f"{facts['sigma_open']:.3f}" == "0.982" and f"{facts['sigma_shut']:.3f}" == "0.018"
    lines = {_b(n): v for n, v in _lines(make_gated_figure(LABELS), "y").items()}
    a, y = lines[GATE_OPEN]
    assert np.all(np.abs(y - a) <= 0.02 * np.abs(a))  # almost a itself
    a, y = lines[GATE_SHUT]
    assert np.all(np.abs(y) <= 0.02 * np.abs(a))  # almost 0
    for b, (a, y) in lines.items():  # straight lines of slope σ(b), between 0 and 1
        slope = np.polyfit(a, y, 1)
        np.testing.assert_allclose(slope, [1 / (1 + np.exp(-b)), 0.0], atol=1e-12)
    sw = {_b(n): v[1] for n, v in _lines(make_gated_figure(LABELS), "y2").items()}
    np.testing.assert_allclose(sw[-4.0], -sw[4.0], rtol=1e-15)  # a negative b flips the sign
    np.testing.assert_allclose(sw[4.0], 4 * sw[1.0], rtol=1e-15)  # b multiplies
    assert np.ptp(sw[4.0]) > 1  # not squeezed into 0…1 as a gate would be


def test_body_claims_hold_in_the_core():
    """Half as wide, two inputs per output, and not offered by the elementwise chart."""
    x = np.arange(12.0).reshape(2, 6)
    assert act.glu(x).shape == act.swiglu(x).shape == (2, 3)
    y = act.glu(x)
    x2 = x.copy()
    x2[0, 4] += 1.0  # b of output 1 changes output 1 only
    changed = act.glu(x2) != y
    assert changed.tolist() == [[False, True, False], [False, False, False]]
    assert "glu" not in act.ELEMENTWISE and "swiglu" not in act.ELEMENTWISE


@pytest.mark.parametrize("fn", [act.glu, act.swiglu])
def test_the_formula_shown_is_the_docstrings(fn):
    from activations.registry import docstring_latex

    assert r"\otimes" in docstring_latex(fn) and docstring_latex(fn) in fn.__doc__
