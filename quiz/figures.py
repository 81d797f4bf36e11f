"""Figures in questions: what a bank names, never data it typed in.

A figure is a spec (a function of the registry and its parameters, logits and a temperature,
a random network from ``gradflow``); the page draws it from ``activations`` and ``gradflow``
(plots/quiz_figures.py), so a plot can never disagree with the code. ``figure_issues`` checks
what the schema cannot: registry names and parameters in the registry's ranges.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from activations import REGISTRY

from .figures_unit import UNIT_FIGURES, UNIT_KINDS, param_issues
from .figures_unit import InitHistogramsFigure as InitHistogramsFigure
from .figures_unit import LossFigure as LossFigure
from .figures_unit import NumdiffFigure as NumdiffFigure
from .figures_unit import OverfitFigure as OverfitFigure
from .figures_unit import TrajectoryFigure as TrajectoryFigure

X_LIMIT = 10.0  # a curve's x range stays inside [-10, 10]: where every activation bends
Issue = tuple[str, str, str]  # (field, English message, Japanese message)


class _Figure(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class _OfFunction(_Figure):
    fn: str  # an elementwise registry name
    params: dict[str, float | bool] = Field(default_factory=dict)

    def merged_params(self) -> dict:
        return {**REGISTRY[self.fn].defaults(), **self.params}

    def issues(self) -> list[Issue]:
        spec = REGISTRY.get(self.fn)
        if spec is None or spec.kind != "elementwise":
            return [("fn", f"{self.fn!r} is not an elementwise function of the registry",
                     f"{self.fn!r} はレジストリの要素ごとの関数ではありません")]
        return param_issues(self.params, spec.params, self.fn, "params")


class CurveFigure(_OfFunction):
    """h(x), or h'(x) with ``derivative: true``, over ``x``."""

    kind: Literal["curve"]
    derivative: bool = False
    x: Annotated[list[float], Field(min_length=2, max_length=2)] = Field(
        default_factory=lambda: [-4.0, 4.0])

    def issues(self) -> list[Issue]:
        issues = super().issues()
        lo, hi = self.x
        if not -X_LIMIT <= lo < hi <= X_LIMIT:
            issues.append(("x", f"needs -{X_LIMIT:g} <= lo < hi <= {X_LIMIT:g}",
                           f"-{X_LIMIT:g} ≤ 下端 < 上端 ≤ {X_LIMIT:g} にしてください"))
        return issues


class DepthFigure(_OfFunction):
    """The chain-rule product of |h'| through 1..layers layers (gradflow.depth), every layer
    at the x where |h'| is largest (the best case) or at the given ``at``."""

    kind: Literal["depth"]
    layers: Annotated[int, Field(ge=2, le=50)] = 10
    at: float | None = None


class SoftmaxFigure(_Figure):
    """The probabilities softmax(logits / temperature) as bars."""

    kind: Literal["softmax"]
    logits: Annotated[list[float], Field(min_length=2, max_length=6)]
    temperature: Annotated[float, Field(gt=0, le=100)] = 1.0

    def issues(self) -> list[Issue]:
        if max(self.logits) - min(self.logits) > 50:
            return [("logits", "keep the logits within 50 of each other (bars would be 0)",
                     "ロジットの差は 50 以内にしてください（棒が 0 になります）")]
        return []


class LayersFigure(_Figure):
    """Histograms of every layer's activations in a random network after initialisation
    (gradflow.mlp: width 100, 1000 standard Gaussian inputs, biases 0)."""

    kind: Literal["layers"]
    fn: str
    init: Literal["xavier", "he", "custom"]
    std: Annotated[float, Field(gt=0, le=10)] = 0.1  # the weights' std when init is custom
    layers: Annotated[int, Field(ge=2, le=6)] = 5

    def issues(self) -> list[Issue]:
        return _OfFunction(fn=self.fn).issues()


Figure = Annotated[CurveFigure | DepthFigure | SoftmaxFigure | LayersFigure | LossFigure
                   | TrajectoryFigure | InitHistogramsFigure | OverfitFigure | NumdiffFigure,
                   Field(discriminator="kind")]
FIGURE_KINDS = ("curve", "depth", "softmax", "layers", *UNIT_KINDS)


def _params_text(fig: _OfFunction) -> str:
    spec = REGISTRY[fig.fn]
    parts = []
    for p in spec.params:
        if p.name not in fig.params:
            continue
        value = fig.params[p.name]
        if p.kind == "bool":
            parts.append("tanh 近似" if value else "厳密形")
        else:
            parts.append(f"{p.name.replace('alpha', 'α').replace('beta', 'β')} = {value:g}")
    return f"（{', '.join(parts)}）" if parts else ""


def _init_text(fig: LayersFigure) -> str:
    return {"xavier": "Xavier の初期値", "he": "He の初期値"}.get(
        fig.init, f"標準偏差 {fig.std:g} の正規分布")


def describe(fig) -> str:
    """What the figure shows, in Japanese: the key text once a graph question is answered.

    (Before that, the page shows only the neutral alt text of ``alt_text``.)
    """
    if isinstance(fig, UNIT_FIGURES):
        return fig.describe()
    if isinstance(fig, SoftmaxFigure):
        logits = ", ".join(f"{v:g}" for v in fig.logits)
        return f"ソフトマックス（ロジット [{logits}]、温度 T = {fig.temperature:g}）"
    name = REGISTRY[fig.fn].name_ja
    if isinstance(fig, LayersFigure):
        return f"{name} ＋ {_init_text(fig)}（{fig.layers} 層）"
    if isinstance(fig, DepthFigure):
        where = "|h'| が最大の点" if fig.at is None else f"x = {fig.at:g}"
        return f"{name}{_params_text(fig)}の |h'| の {fig.layers} 層分の積（各層で {where}）"
    what = "導関数 h'(x)" if fig.derivative else " h(x)"
    return f"{name}{_params_text(fig)}の{what}"


def alt_text(fig, label: str | None = None) -> str:
    """What a screen reader hears: the kind of plot and its axes, never which function or
    setting it is (that is what the question asks)."""
    head = f"選択肢 {label} の図" if label else "問題の図"
    if isinstance(fig, UNIT_FIGURES):
        return f"{head}：{fig.alt()}"
    if isinstance(fig, SoftmaxFigure):
        return f"{head}：{len(fig.logits)} クラスの確率の棒グラフ"
    if isinstance(fig, LayersFigure):
        return f"{head}：{fig.layers} 層それぞれの活性の値のヒストグラム"
    if isinstance(fig, DepthFigure):
        return f"{head}：層の数（1〜{fig.layers}）に対する勾配の倍率の折れ線（対数目盛）"
    return f"{head}：x が {fig.x[0]:g} から {fig.x[1]:g} までの曲線"
