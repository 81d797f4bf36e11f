"""A graph question's text that names a value only the keyed curve shows.

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

from .figures import CurveFigure
from .leaks import half_unit, numbers_in
from .schema import GraphQuestion, Issue

_SLACK = 1 + 1e-9


Quantity = tuple[str, str]  # how to name it: (English, Japanese)


def _shows(fig: CurveFigure, xs: list[float]) -> dict[Quantity, float]:
    """What a curve lets a learner read: h at each x, its minimum and maximum."""
    spec, params = REGISTRY[fig.fn], fig.merged_params()
    f = spec.dh if fig.derivative else spec.h
    y = np.asarray(f(np.linspace(fig.x[0], fig.x[1], 4001), **params), dtype=float)
    found = {("its minimum", "最小値"): float(y.min()), ("its maximum", "最大値"): float(y.max())}
    for x in xs:
        if fig.x[0] <= x <= fig.x[1]:
            found[(f"its value at x = {x:g}", f"x = {x:g} での値")] = float(
                f(np.array([x]), **params)[0])
    return found


def figure_value_leaks(question: GraphQuestion) -> list[Issue]:
    if not all(isinstance(o, CurveFigure) for o in question.options):
        return []
    printed = numbers_in(question.text)
    xs = [v for _, v in printed]
    key = _shows(question.answer, xs)
    others = [_shows(o, xs) for o in question.options if o != question.answer]
    parameters = {float(v) for v in question.answer.params.values()}
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
