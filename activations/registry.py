"""The one registry of activation specs that pages, plots, quiz checks and tests iterate.

Adding a function to the app is adding one ``Spec`` here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

import numpy as np

from . import elementwise as ew
from . import exam_style, hard
from . import softmax as sm
from .params import ELU_ALPHA, GELU_APPROXIMATE, LEAKY_ALPHA, PRELU_ALPHA, SWISH_BETA, Param
from .source_code import source
from .study import STUDY, Study

_MATH = re.compile(r"^\s*\.\. math:: (.+)$", re.MULTILINE)


def docstring_latex(fn: Callable, variant: int = 0) -> str:
    """The formula the app shows: a docstring's ``.. math::`` line, the first by default.

    Further lines are the formulas of other parameter settings (GELU's tanh form).
    """
    found = _MATH.findall(fn.__doc__ or "")
    if len(found) <= variant:
        raise ValueError(f"{fn.__name__} has no '.. math::' line number {variant + 1}")
    return found[variant].strip()


@dataclass(frozen=True)
class Interval:
    lo: float
    hi: float
    lo_closed: bool = False
    hi_closed: bool = False

    def contains(self, values: np.ndarray) -> np.ndarray:
        """Membership with closed ends: in float64 σ(40) rounds to exactly 1."""
        return (values >= self.lo) & (values <= self.hi)


@dataclass(frozen=True)
class Spec:
    name: str
    name_ja: str
    name_en: str
    kind: str  # "elementwise" or "vector"
    fn: Callable
    grad: Callable  # h'(x) elementwise; the Jacobian for vector kinds
    params: tuple[Param, ...]
    range_latex: str  # output range as shown, e.g. r"(-\alpha, \infty)"
    output_range: Callable[[dict], Interval]
    study: Study
    exam_code: tuple  # objects whose source the learner reads
    in_notes: bool  # covered by the study notes (else labelled 参考 / extra)
    monotone: bool = False  # non-decreasing for every allowed parameter
    kinks: tuple[float, ...] = ()  # where h or h' is not smooth
    h_jump: bool = False  # h itself jumps at the kinks
    grad_jump: Callable[[dict], bool] = field(default=lambda p: False)
    # which ``.. math::`` line of fn's and grad's docstrings describes these parameters
    formula_variant: Callable[[dict], int] = field(default=lambda p: 0)
    exam_code_variants: tuple = ()  # the exam-style code of variants 1, 2, ...

    @property
    def latex(self) -> str:
        return docstring_latex(self.fn)

    @property
    def latex_grad(self) -> str:
        return docstring_latex(self.grad)

    def latex_for(self, params: dict) -> str:
        """h as computed with these parameters (GELU's tanh switch changes the formula)."""
        return docstring_latex(self.fn, self.formula_variant(params))

    def latex_grad_for(self, params: dict) -> str:
        return docstring_latex(self.grad, self.formula_variant(params))

    def defaults(self) -> dict:
        return {p.name: p.default for p in self.params}

    def h(self, x, **params):
        return self.fn(x, **params)

    def dh(self, x, **params):
        return self.grad(x, **params)

    def exam_source(self, params: dict | None = None) -> str:
        """The exam-style code; with params, the variant they select (GELU's tanh form)."""
        code = self.exam_code
        if params is not None and self.formula_variant(params) and self.exam_code_variants:
            code = self.exam_code_variants[self.formula_variant(params) - 1]
        return "\n\n".join(source(obj).rstrip() for obj in code)


def _minimum(fn, lo: float, hi: float, **params) -> float:
    """The minimum value of a unimodal fn on [lo, hi], found numerically (never typed in).

    Golden-section search: plain NumPy, so importing the registry does not pull in
    scipy.optimize (0.2 s of every cold start).
    """
    inv_phi = (math.sqrt(5) - 1) / 2
    a, b = lo, hi
    while b - a > 1e-9:
        c, d = b - inv_phi * (b - a), a + inv_phi * (b - a)
        if float(fn(c, **params)) < float(fn(d, **params)):
            b = d
        else:
            a = c
    return float(fn((a + b) / 2, **params))


_GELU_MIN = _minimum(ew.gelu, -3.0, 0.0)
_GELU_TANH_MIN = _minimum(ew.gelu, -3.0, 0.0, approximate=True)
_SELU_LOWER = -ew.SELU_SCALE * ew.SELU_ALPHA
_MISH_MIN = _minimum(ew.mish, -3.0, 0.0)
_SILU_MIN = _minimum(ew.swish, -5.0, 0.0)  # swish(x, β) = silu(βx)/β, so min = _SILU_MIN/β
# at h'(x) = (2x + 3)/6 = 0: the search above lands a rounding short of it
_HARD_SWISH_MIN = float(hard.hard_swish(-1.5))
_INF = math.inf


def _swish_range(p: dict) -> Interval:
    beta = p.get("beta", SWISH_BETA.default)
    return Interval(-_INF, _INF) if beta == 0 else Interval(_SILU_MIN / beta, _INF, True)


_SPECS = [
    Spec("sigmoid", "シグモイド関数", "Sigmoid", "elementwise", ew.sigmoid, ew.sigmoid_grad, (),
         "(0, 1)", lambda p: Interval(0.0, 1.0), STUDY["sigmoid"],
         (exam_style.sigmoid, exam_style.Sigmoid), True, monotone=True),
    Spec("tanh", "双曲線正接関数 (tanh)", "Hyperbolic tangent (tanh)", "elementwise", ew.tanh,
         ew.tanh_grad, (), "(-1, 1)", lambda p: Interval(-1.0, 1.0), STUDY["tanh"],
         (exam_style.tanh, exam_style.Tanh), True, monotone=True),
    Spec("softmax", "ソフトマックス関数", "Softmax", "vector", sm.softmax, sm.softmax_jacobian, (),
         r"(0, 1),\ \textstyle\sum_i h(x_i) = 1", lambda p: Interval(0.0, 1.0), STUDY["softmax"],
         (exam_style.softmax, exam_style.cross_entropy_error, exam_style.SoftmaxWithLoss), True),
    Spec("identity", "恒等関数", "Identity", "elementwise", ew.identity, ew.identity_grad, (),
         r"(-\infty, \infty)", lambda p: Interval(-_INF, _INF), STUDY["identity"],
         (exam_style.identity_function,), True, monotone=True),
    Spec("relu", "ReLU関数", "ReLU", "elementwise", ew.relu, ew.relu_grad, (),
         r"[0, \infty)", lambda p: Interval(0.0, _INF, True), STUDY["relu"],
         (exam_style.relu, exam_style.Relu), True, monotone=True, kinks=(0.0,),
         grad_jump=lambda p: True),
    Spec("leaky_relu", "Leaky ReLU", "Leaky ReLU", "elementwise", ew.leaky_relu,
         ew.leaky_relu_grad, (LEAKY_ALPHA,),
         (r"\begin{array}{ll} (-\infty, \infty) & (\alpha > 0) \\ "
          r"{[0, \infty)} & (\alpha = 0) \end{array}"),
         lambda p: Interval(0.0 if p.get("alpha", LEAKY_ALPHA.default) == 0 else -_INF, _INF,
                            True),
         STUDY["leaky_relu"], (exam_style.leaky_relu,), True, monotone=True, kinks=(0.0,),
         grad_jump=lambda p: p.get("alpha", LEAKY_ALPHA.default) != 1.0),
    Spec("elu", "ELU", "ELU (Exponential Linear Unit)", "elementwise", ew.elu, ew.elu_grad,
         (ELU_ALPHA,), r"(-\alpha, \infty)",
         lambda p: Interval(-p.get("alpha", ELU_ALPHA.default), _INF), STUDY["elu"],
         (exam_style.elu,), True, monotone=True, kinks=(0.0,),
         grad_jump=lambda p: p.get("alpha", ELU_ALPHA.default) != 1.0),
    Spec("gelu", "GELU", "GELU (Gaussian Error Linear Unit)", "elementwise", ew.gelu, ew.gelu_grad,
         (GELU_APPROXIMATE,), rf"[\approx {_GELU_MIN:.3f}, \infty)",
         lambda p: Interval(_GELU_TANH_MIN if p.get("approximate") else _GELU_MIN, _INF, True),
         STUDY["gelu"], (exam_style.gelu,), True,
         formula_variant=lambda p: 1 if p.get("approximate") else 0,
         exam_code_variants=((exam_style.gelu_tanh,),)),
    Spec("step", "ステップ関数", "Step function", "elementwise", ew.step, ew.step_grad, (),
         r"\{0, 1\}", lambda p: Interval(0.0, 1.0, True, True), STUDY["step"],
         (exam_style.step_function,), False, monotone=True, kinks=(0.0,), h_jump=True),
    Spec("softplus", "ソフトプラス関数", "Softplus", "elementwise", ew.softplus, ew.softplus_grad,
         (), r"(0, \infty)", lambda p: Interval(0.0, _INF), STUDY["softplus"],
         (exam_style.softplus,), False, monotone=True),
    Spec("swish", "Swish / SiLU", "Swish / SiLU", "elementwise", ew.swish, ew.swish_grad,
         (SWISH_BETA,),
         (rf"\begin{{array}}{{ll}} [\approx {_SILU_MIN:.3f}/\beta, \infty) & (\beta > 0) \\ "
          r"(-\infty, \infty) & (\beta = 0) \end{array}"),
         _swish_range,
         STUDY["swish"], (exam_style.swish,), False),
    Spec("mish", "Mish", "Mish", "elementwise", ew.mish, ew.mish_grad, (),
         rf"[\approx {_MISH_MIN:.3f}, \infty)", lambda p: Interval(_MISH_MIN, _INF, True),
         STUDY["mish"], (exam_style.mish,), False),
    Spec("selu", "SELU", "SELU (Scaled ELU)", "elementwise", ew.selu, ew.selu_grad, (),
         rf"(-\lambda\alpha, \infty) \approx ({_SELU_LOWER:.3f}, \infty)",
         lambda p: Interval(_SELU_LOWER, _INF), STUDY["selu"],
         (exam_style.selu,), False, monotone=True, kinks=(0.0,), grad_jump=lambda p: True),
    Spec("prelu", "PReLU", "PReLU (Parametric ReLU)", "elementwise", ew.prelu, ew.prelu_grad,
         (PRELU_ALPHA,),
         (r"\begin{array}{ll} (-\infty, \infty) & (\alpha > 0) \\ "
          r"{[0, \infty)} & (\alpha = 0) \end{array}"),
         lambda p: Interval(0.0 if p.get("alpha", PRELU_ALPHA.default) == 0 else -_INF, _INF,
                            True),
         STUDY["prelu"], (exam_style.prelu,), False, monotone=True, kinks=(0.0,),
         grad_jump=lambda p: p.get("alpha", PRELU_ALPHA.default) != 1.0),
    Spec("relu6", "ReLU6", "ReLU6", "elementwise", hard.relu6, hard.relu6_grad, (),
         r"[0, 6]", lambda p: Interval(0.0, 6.0, True, True), STUDY["relu6"],
         (exam_style.relu6,), False, monotone=True, kinks=(0.0, 6.0),
         grad_jump=lambda p: True),
    Spec("hard_sigmoid", "ハードシグモイド", "Hard sigmoid", "elementwise", hard.hard_sigmoid,
         hard.hard_sigmoid_grad, (), r"[0, 1]", lambda p: Interval(0.0, 1.0, True, True),
         STUDY["hard_sigmoid"], (exam_style.relu6, exam_style.hard_sigmoid), False,
         monotone=True, kinks=(-3.0, 3.0), grad_jump=lambda p: True),
    Spec("hard_swish", "ハードスウィッシュ", "Hard swish", "elementwise", hard.hard_swish,
         hard.hard_swish_grad, (), rf"[{_HARD_SWISH_MIN:.3f}, \infty)",
         lambda p: Interval(_HARD_SWISH_MIN, _INF, True), STUDY["hard_swish"],
         (exam_style.relu6, exam_style.hard_swish), False, kinks=(-3.0, 3.0),
         grad_jump=lambda p: True),
    Spec("log_softmax", "対数ソフトマックス関数", "Log-softmax", "vector", sm.log_softmax,
         sm.log_softmax_jacobian, (), r"(-\infty, 0)", lambda p: Interval(-_INF, 0.0),
         STUDY["log_softmax"], (exam_style.log_softmax,), False),
]

REGISTRY: Mapping[str, Spec] = MappingProxyType({s.name: s for s in _SPECS})
ELEMENTWISE = tuple(s.name for s in _SPECS if s.kind == "elementwise")
