"""The answer controls' accessible names: an option's TeX as linear text a screen reader
speaks, its grouping kept; every option of the banks gets one."""

from __future__ import annotations

import pytest

from quiz.answers import option_labels
from quiz.loader import DEFAULT_BANK_DIR, load_paths
from quiz.schema import GraphQuestion
from quiz.spoken import spoken


@pytest.mark.parametrize(("tex", "text"), [
    (r"$\dfrac{1}{1 + e^{-x}}$", "1/(1 + e^(-x))"),
    (r"$\dfrac{x_i}{\sum_j x_j}$", "x_i/(∑_j x_j)"),
    (r"$\dfrac{e^{x_i}}{\sum_j e^{x_j}}$", "(e^(x_i))/(∑_j e^(x_j))"),
    (r"$\frac{1}{2}x\left(1 + \tanh x\right)$", "1/2 x(1 + tanh x)"),
    (r"$\mathbf{y}(1 - \mathbf{y})$", "y(1 - y)"),
    (r"$e^{x_{i}}$", "e^(x_i)"),
    (r"出力は $(0, 1)$", "出力は (0, 1)"),
    ("`np.exp(x)`", "np.exp(x)"),
    ("計算が軽い", "計算が軽い"),
])
def test_tex_is_spoken_with_its_grouping(tex, text):
    assert spoken(tex) == text


def test_every_option_of_the_banks_has_a_speakable_name():
    bank = load_paths([DEFAULT_BANK_DIR])
    labels = [label for q in bank.questions
              if getattr(q, "options", None) and not isinstance(q, GraphQuestion)
              for label in option_labels(q, q.options)]
    assert len(labels) > 500
    bad = [(label, spoken(label)) for label in labels
           if not spoken(label) or any(c in spoken(label) for c in "$\\{}%")]
    assert bad == []
    # different options of a question stay different once spoken
    for q in bank.questions:
        if getattr(q, "options", None) and not isinstance(q, GraphQuestion):
            names = [spoken(label) for label in option_labels(q, q.options)]
            assert len(set(names)) == len(names), (q.id, names)
