"""The API contract: shapes, dtypes, kink conventions, parameter errors, the registry."""

import inspect
import re

import numpy as np
import pytest

import activations as act
from activations import exam_style

pytestmark = pytest.mark.filterwarnings("error")
ELEMENTWISE_FNS = [f for n in act.ELEMENTWISE for f in (act.REGISTRY[n].fn, act.REGISTRY[n].grad)]
VECTOR_FNS = [act.softmax, act.log_softmax]


@pytest.mark.parametrize("fn", ELEMENTWISE_FNS + VECTOR_FNS, ids=lambda f: f.__name__)
@pytest.mark.parametrize(
    ("x", "dtype"),
    [(0.5, np.float64), (3, np.float64), ([1, -2, 3], np.float64),
     (np.ones((2, 3, 4), np.float32), np.float32), (np.ones((2, 3), np.float16), np.float64),
     (np.arange(6).reshape(3, 2), np.float64)],
    ids=["float", "int", "list", "float32-3d", "float16", "int-2d"],
)
def test_shape_and_dtype_are_kept(fn, x, dtype):
    out = fn(x)
    assert isinstance(out, np.ndarray)
    assert out.shape == np.shape(x)
    assert out.dtype == dtype


def test_kink_conventions_take_the_left_branch():
    assert act.relu_grad(0.0) == 0.0
    assert act.leaky_relu_grad(0.0, alpha=0.2) == 0.2
    assert act.elu_grad(0.0, alpha=0.7) == 0.7
    assert act.selu_grad(0.0) == act.SELU_SCALE * act.SELU_ALPHA
    assert act.step(0.0) == 0.0 and act.step(1e-300) == 1.0
    assert not act.step_grad(np.linspace(-5, 5, 11)).any()


@pytest.mark.parametrize("name", ["relu_grad", "leaky_relu_grad", "elu_grad", "step_grad"])
def test_docstrings_state_the_kink_convention(name):
    assert "x ≤ 0" in inspect.getdoc(getattr(act, name))


@pytest.mark.parametrize(
    ("call", "param"),
    [(lambda: act.leaky_relu(1.0, alpha=-0.1), "alpha"), (lambda: act.leaky_relu(1.0, alpha=1.5), "alpha"),
     (lambda: act.leaky_relu_grad(1.0, alpha="x"), "alpha"), (lambda: act.elu(1.0, alpha=0.0), "alpha"),
     (lambda: act.elu_grad(1.0, alpha=float("nan")), "alpha"), (lambda: act.swish(1.0, beta=-1), "beta"),
     (lambda: act.swish_grad(1.0, beta=11), "beta"), (lambda: act.gelu(1.0, approximate="yes"), "approximate"),
     (lambda: act.gelu_grad(1.0, approximate=2), "approximate")],
)
def test_bad_parameters_raise_value_error_naming_parameter_and_range(call, param):
    with pytest.raises(ValueError, match=param) as err:
        call()
    if param != "approximate":
        assert "[" in str(err.value) and "]" in str(err.value)


@pytest.mark.parametrize("spec", act.REGISTRY.values(), ids=lambda s: s.name)
def test_registry_spec_is_complete(spec):
    assert spec.name_ja and spec.name_en and spec.kind in ("elementwise", "vector")
    assert spec.latex.startswith(("h(x", r"\frac")) and spec.latex_grad
    # The page shows the very string the docstring carries.
    assert spec.latex in spec.fn.__doc__ and spec.latex_grad in spec.grad.__doc__
    for lang in ("ja", "en"):
        content = spec.study.for_lang(lang)
        assert content["uses"] and content["pros"] and content["cons"]
    for p in spec.params:
        assert p.check(p.default) == p.default
        if p.kind == "float":
            assert p.min < p.max and 0 < p.step <= p.max - p.min
    assert spec.exam_source().startswith(("def ", "class "))
    # every parameter setting's formula is a docstring line too (GELU's tanh form)
    for params in _bool_settings(spec):
        assert spec.latex_for(params) in spec.fn.__doc__
        assert spec.latex_grad_for(params) in spec.grad.__doc__


def _bool_settings(spec):
    settings = [spec.defaults()]
    for p in spec.params:
        if p.kind == "bool":
            settings += [{**s, p.name: v} for s in list(settings) for v in (False, True)]
    return settings


def test_gelu_tanh_formula_as_shown_is_the_computed_function():
    """Evaluate the displayed tanh-form LaTeX with its own constants against gelu()."""
    spec = act.REGISTRY["gelu"]
    h_tex, dh_tex = (spec.latex_for({"approximate": True}),
                     spec.latex_grad_for({"approximate": True}))
    (c,) = re.findall(r"\d+\.\d+", h_tex)
    (c3,) = re.findall(r"\d+\.\d+", dh_tex)
    assert r"\sqrt{2/\pi}\,(x + " + c + "x^{3})" in h_tex
    assert r"\sqrt{2/\pi}\,(1 + " + c3 + "x^{2})" in dh_tex
    x = np.linspace(-8, 8, 2001)
    u = np.sqrt(2 / np.pi) * (x + float(c) * x**3)
    du = np.sqrt(2 / np.pi) * (1 + float(c3) * x**2)
    np.testing.assert_allclose(act.gelu(x, approximate=True), x / 2 * (1 + np.tanh(u)),
                               rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(act.gelu_grad(x, approximate=True),
                               (1 + np.tanh(u)) / 2 + x / 2 * (1 - np.tanh(u) ** 2) * du,
                               rtol=1e-10, atol=1e-13)  # the transcription cancels near 0
    assert spec.latex_for({"approximate": True}) != spec.latex


def test_registry_covers_the_notes_and_beyond():
    notes = {"sigmoid", "tanh", "softmax", "identity", "relu", "leaky_relu", "elu", "gelu"}
    assert notes == {n for n, s in act.REGISTRY.items() if s.in_notes}
    assert {"step", "softplus", "swish", "mish", "selu", "log_softmax"} <= set(act.REGISTRY)


@pytest.mark.parametrize("name", act.ELEMENTWISE)
def test_output_range_excludes_values_outside(name):
    """The range is not vacuous: points just outside it are rejected."""
    interval = act.REGISTRY[name].output_range(act.REGISTRY[name].defaults())
    outside = [v for v in (interval.lo - 1e-3, interval.hi + 1e-3) if np.isfinite(v)]
    assert not interval.contains(np.array(outside)).any()


# The exam-style code must teach the same functions the library computes.
EXAM_PAIRS = [
    (exam_style.step_function, act.step), (exam_style.sigmoid, act.sigmoid), (exam_style.tanh, act.tanh),
    (exam_style.identity_function, act.identity), (exam_style.relu, act.relu),
    (exam_style.leaky_relu, act.leaky_relu), (exam_style.elu, act.elu), (exam_style.gelu, act.gelu),
    (exam_style.softplus, act.softplus), (exam_style.swish, act.swish), (exam_style.mish, act.mish),
    (exam_style.selu, act.selu), (exam_style.softmax, act.softmax), (exam_style.log_softmax, act.log_softmax),
    (exam_style.gelu_tanh, lambda x: act.gelu(x, approximate=True)),
]


@pytest.mark.parametrize(("exam", "lib"), EXAM_PAIRS, ids=lambda f: f.__name__)
def test_exam_style_code_agrees_with_the_library(exam, lib):
    x = np.linspace(-8, 8, 33)
    np.testing.assert_allclose(exam(x), lib(x), rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize(("layer", "fn", "grad"), [
    (exam_style.Sigmoid, act.sigmoid, act.sigmoid_grad), (exam_style.Relu, act.relu, act.relu_grad),
    (exam_style.Tanh, act.tanh, act.tanh_grad)])
def test_exam_style_layers_backpropagate_the_derivative(layer, fn, grad):
    x = np.linspace(-4, 4, 17)
    lay = layer()
    np.testing.assert_allclose(lay.forward(x.copy()), fn(x), rtol=1e-12)
    dout = np.full_like(x, 2.0)
    np.testing.assert_allclose(lay.backward(dout), 2.0 * grad(x), rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize(("name", "params", "guess"), [
    ("gelu", {}, -0.75), ("gelu", {"approximate": True}, -0.75), ("mish", {}, -1.2),
    ("swish", {"beta": 1.0}, -1.28), ("swish", {"beta": 4.0}, -0.32)])
def test_lower_bounds_are_the_true_minima(name, params, guess):
    """The registry finds minima numerically; mpmath finds them as roots of h'."""
    from tests import references as ref

    root = ref.mp.findroot(lambda t: ref.DH[name](t, **params), guess)
    want = float(ref.H[name](root, **params))
    assert act.REGISTRY[name].output_range(params).lo == pytest.approx(want, rel=1e-12)
