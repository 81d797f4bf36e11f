"""A graph question's text that names a value only the keyed curve shows.

Curves are the ``curve`` and ``loss`` kinds; the other kinds (bars, histograms, paths,
errors on a log axis) print no value a learner would read off by an x, so are not searched.


「GELU(1) ≈ 0.84」 or 「最小値は約 −0.17」 under four curves lets a learner read the axis
instead of knowing the function. For a graph question whose figures are curves, each number
the text prints (not a whole number, not a parameter of the key) is compared, at the
precision it is written in, with what the keyed curve shows: its value at each x the text
names, its minimum and its maximum over the plotted range. A number that matches the key
and no other option gives the key away.
"""

from __future__ import annotations

import numpy as np

from activations import REGISTRY
from plots.quiz_figures_unit import loss_values  # the numbers the loss figure draws

from .figures import CurveFigure, LossFigure
from .leaks import half_unit, numbers_in
from .schema import GraphQuestion, Issue

_SLACK = 1 + 1e-9


Quantity = tuple[str, str]  # how to name it: (English, Japanese)


def _function(fig: CurveFigure | LossFigure):
    """(the plotted function of x, its x range)."""
    if isinstance(fig, LossFigure):
        return (lambda x: loss_values(fig, x)), fig.bounds()
    spec, params = REGISTRY[fig.fn], fig.merged_params()
    f = spec.dh if fig.derivative else spec.h
    return (lambda x: f(x, **params)), (fig.x[0], fig.x[1])


def _shows(fig: CurveFigure | LossFigure, xs: list[float]) -> dict[Quantity, float]:
    """What a curve lets a learner read: h at each x, its minimum and maximum."""
    f, (lo, hi) = _function(fig)
    y = np.asarray(f(np.linspace(lo, hi, 4001)), dtype=float)
    y = y[np.isfinite(y)]
    found = {("its minimum", "最小値"): float(y.min()), ("its maximum", "最大値"): float(y.max())}
    for x in xs:
        if lo <= x <= hi:
            found[(f"its value at x = {x:g}", f"x = {x:g} での値")] = float(
                np.asarray(f(np.array([x])), dtype=float)[0])
    return found


def _parameters(fig: CurveFigure | LossFigure) -> set[float]:
    """The key's own settings, which a text may name."""
    if isinstance(fig, LossFigure):
        return {float(fig.target), float(fig.delta)}
    return {float(v) for v in fig.params.values()}


def figure_value_leaks(question: GraphQuestion) -> list[Issue]:
    if not all(isinstance(o, CurveFigure | LossFigure) for o in question.options):
        return []
    printed = numbers_in(question.text)
    xs = [v for _, v in printed]
    key = _shows(question.answer, xs)
    others = [_shows(o, xs) for o in question.options if o != question.answer]
    parameters = _parameters(question.answer)
    issues: list[Issue] = []
    for written, value in printed:
        if value == round(value) or value in parameters:
            continue
        tol = half_unit(written) * _SLACK
        for (en, ja), shown in key.items():
            if abs(shown - value) <= tol and all(
                    (en, ja) in o and abs(o[(en, ja)] - value) > tol for o in others):
                issues.append(("text", f"the text gives {written}, {en} of the keyed figure "
                               f"and of no other option",
                               f"本文の {written} は正解の図の{ja}で、ほかの選択肢の図とは違います"))
                break
    return issues
