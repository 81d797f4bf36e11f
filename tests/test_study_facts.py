"""The study content (activations/study.py, the parameters' help) agrees with what the app
computes, and says the same in both languages.

The library defaults quoted there (Keras, TensorFlow, PyTorch, BERT's and GPT-2's code) were
read from their documentation and code; what the app itself computes is checked here.
"""

from __future__ import annotations

import numpy as np
import pytest

import activations as act
from activations import exam_style
from activations.params import LEAKY_ALPHA
from activations.study import STUDY


@pytest.mark.parametrize("name", sorted(STUDY))
def test_both_languages_say_as_many_things(name):
    ja, en = STUDY[name].for_lang("ja"), STUDY[name].for_lang("en")
    assert {k: len(v) for k, v in ja.items()} == {k: len(v) for k, v in en.items()}


def test_gelu_tanh_form_differs_from_the_exact_by_what_the_remark_says():
    x = np.linspace(-10, 10, 200001)
    gap = float(np.max(np.abs(act.gelu(x) - act.gelu(x, approximate=True))))
    assert round(gap, 5) == pytest.approx(4.7e-4, abs=5e-6)
    assert any("4.7 × 10⁻⁴" in r for r in STUDY["gelu"].remarks_ja)
    assert any("4.7 × 10⁻⁴" in r for r in STUDY["gelu"].remarks_en)
    assert any("BERT" in r and "tanh" in r for r in STUDY["gelu"].remarks_ja)


def test_leaky_relu_default_is_pytorchs_and_says_whose():
    assert LEAKY_ALPHA.default == 0.01
    assert "0.01" in LEAKY_ALPHA.meaning_ja and "PyTorch" in LEAKY_ALPHA.meaning_ja
    assert act.leaky_relu(-1.0) == -0.01 and exam_style.leaky_relu(-1.0) == -0.01
    study = STUDY["leaky_relu"]
    assert not any("通常" in s for s in study.pros_ja + study.cons_ja + study.remarks_ja)
    remark = next(r for r in study.remarks_ja if "既定値" in r)
    for default in ("0.01", "0.3", "0.2"):
        assert default in remark


def test_relu_grad_at_zero_is_the_convention_the_remark_states():
    assert act.relu_grad(0.0) == 0.0
    assert act.relu_grad(np.float32(0.0)) == 0.0
    assert any("Bertoin" in r for r in STUDY["relu"].remarks_ja)
