"""Figures of the unit's graph questions (loss functions, optimizers, initialisation,
regularisation, numerical differentiation): specs, never data, like quiz/figures.py.

Each kind checks its own ranges (``issues``, English and Japanese), says what it shows
once answered (``describe``) and what a screen reader hears before (``alt``: the kind of
plot and its axes, never the setting asked).
"""

from __future__ import annotations

import math
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from activations import REGISTRY
from gradflow.overfit import METHODS, OFFERED
from optimizers import OPTIMIZERS, SURFACES

Issue = tuple[str, str, str]  # (field, English message, Japanese message), as quiz/figures.py
LIMIT = 10.0  # x ranges, targets and the numerical derivative's x stay inside [-10, 10]
Pair = Annotated[list[float], Field(min_length=2, max_length=2)]


def num(v: float) -> str:
    """A number as the captions print it: shortest form, a true minus sign."""
    return f"{v:g}".replace("-", "−")


def param_issues(values: dict, params, owner: str, field: str,
                 noun: tuple[str, str] = ("parameter", "パラメータ")) -> list[Issue]:
    """Each value named in ``params`` (``activations.params.Param``) and in its range."""
    allowed = {p.name: p for p in params}
    issues: list[Issue] = []
    for name, value in values.items():
        if name not in allowed:
            issues.append((f"{field}.{name}", f"{owner} has no {noun[0]} {name!r}",
                           f"{owner} に{noun[1]} {name!r} はありません"))
            continue
        try:
            allowed[name].check(value)
        except ValueError as err:
            issues.append((f"{field}.{name}", str(err), f"範囲外です: {err}"))
    return issues


class _Unit(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# ------------------------------------------------------------------------------ loss
LOSS_NAMES = {"squared": "二乗誤差 ½(y − t)²", "bce": "2値交差エントロピー", "huber": "Huber 損失"}


class LossFigure(_Unit):
    """One sample's loss E (or dE/dy, dE/da) against the prediction y or the logit a."""

    kind: Literal["loss"]
    loss: Literal["squared", "bce", "huber"]
    target: float
    over: Literal["prediction", "logit"] = "prediction"
    derivative: bool = False
    delta: Annotated[float, Field(gt=0, le=LIMIT)] = 1.0  # huber only
    x: Pair | None = None

    def bounds(self) -> tuple[float, float]:
        """The x range: the spec's, else the default of its loss and axis ([t − 3, t + 3]
        over a squared or Huber loss's prediction, inside [−10, 10])."""
        if self.x is not None:
            return self.x[0], self.x[1]
        if self.over == "logit":
            return -6.0, 6.0
        if self.loss == "bce":
            return 0.01, 0.99
        return max(self.target - 3.0, -LIMIT), min(self.target + 3.0, LIMIT)

    def issues(self) -> list[Issue]:
        issues: list[Issue] = []
        if self.loss == "bce" and not 0 <= self.target <= 1:
            issues.append(("target", "the target of bce must be in [0, 1]",
                           "2値交差エントロピーの target は 0 以上 1 以下にしてください"))
        elif not -LIMIT <= self.target <= LIMIT:
            issues.append(("target", f"the target must be in [-{LIMIT:g}, {LIMIT:g}]",
                           f"target は -{LIMIT:g} 以上 {LIMIT:g} 以下にしてください"))
        if self.loss == "huber" and self.over == "logit":
            issues.append(("over", "huber is drawn over the prediction only",
                           "Huber 損失は over: prediction だけで描けます"))
        if self.loss != "huber" and "delta" in self.model_fields_set:
            issues.append(("delta", "delta belongs to huber only",
                           "delta は Huber 損失（loss: huber）のときだけ指定できます"))
        lo, hi = self.bounds()
        if self.loss == "bce" and self.over == "prediction":
            if not 0 < lo < hi < 1:
                issues.append(("x", "bce over the prediction needs 0 < lo < hi < 1",
                               "予測 y に対する2値交差エントロピーは 0 < 下端 < 上端 < 1 にしてください"))
        elif not -LIMIT <= lo < hi <= LIMIT:
            issues.append(("x", f"needs -{LIMIT:g} <= lo < hi <= {LIMIT:g}",
                           f"-{LIMIT:g} ≤ 下端 < 上端 ≤ {LIMIT:g} にしてください"))
        return issues

    def describe(self) -> str:
        name = LOSS_NAMES[self.loss]
        if self.loss == "huber":
            name += f"（δ = {num(self.delta)}）"
        name += f"（t = {num(self.target)}）"
        if self.derivative:
            return (f"{name}をロジット a で微分した dE/da" if self.over == "logit"
                    else f"{name}を y で微分した dE/dy")
        return (f"{name}のロジット a（y = σ(a)）に対するグラフ" if self.over == "logit"
                else f"{name}の y に対するグラフ")

    def alt(self) -> str:
        lo, hi = self.bounds()
        axis = "ロジット a" if self.over == "logit" else "予測 y"
        return f"{axis}（{num(lo)} から {num(hi)} まで）に対する曲線"


# ------------------------------------------------------------------------ trajectory
SURFACE_TEXT = {"textbook": "x²/20 + y²", "ill_conditioned": "(x² + 10y²)/2",
                "rosenbrock": "ローゼンブロック関数", "saddle": "鞍点 x² − y²"}


class TrajectoryFigure(_Unit):
    """An optimizer's path on a test surface (``view: path``) or its loss against the step."""

    kind: Literal["trajectory"]
    surface: Literal["textbook", "ill_conditioned", "rosenbrock", "saddle"]
    optimizer: Literal[tuple(OPTIMIZERS)]  # type: ignore[valid-type]
    hyper: dict[str, float | bool] = Field(default_factory=dict)
    steps: Annotated[int, Field(ge=1, le=200)] = 30
    start: Pair | None = None
    view: Literal["path", "loss"] = "path"

    def start_point(self) -> tuple[float, float]:
        s = self.start if self.start is not None else SURFACES[self.surface].start
        return float(s[0]), float(s[1])

    def merged_hyper(self) -> dict:
        """Every hyper-parameter, missing ones at the lab's defaults (raises if out of range)."""
        return OPTIMIZERS[self.optimizer].check(dict(self.hyper))

    def issues(self) -> list[Issue]:
        issues = param_issues(self.hyper, OPTIMIZERS[self.optimizer].params, self.optimizer,
                              "hyper", ("hyper-parameter", "ハイパーパラメータ"))
        surface = SURFACES[self.surface]
        x, y = self.start_point()
        if not (surface.xlim[0] <= x <= surface.xlim[1] and surface.ylim[0] <= y <= surface.ylim[1]):
            box = (f"[{num(surface.xlim[0])}, {num(surface.xlim[1])}] × "
                   f"[{num(surface.ylim[0])}, {num(surface.ylim[1])}]")
            issues.append(("start", f"start must lie in the plotted box {box}",
                           f"開始点は描画範囲 {box} の中にしてください"))
        return issues

    def _hyper_text(self) -> str:
        parts = [f"学習率 {num(self.merged_hyper()['lr'])}"]
        for p in OPTIMIZERS[self.optimizer].params:
            if p.name == "lr" or p.name not in self.hyper:
                continue
            value = self.hyper[p.name]
            if p.kind == "bool":
                parts.append("バイアス補正あり" if value else "バイアス補正なし")
            else:
                parts.append(f"{p.symbol or p.name} = {num(value)}")
        return "、".join(parts)

    def describe(self) -> str:
        x, y = self.start_point()
        what = "軌跡" if self.view == "path" else "損失の推移"
        return (f"{OPTIMIZERS[self.optimizer].name_ja}（{self._hyper_text()}）の {self.steps} "
                f"ステップの{what}（{SURFACE_TEXT[self.surface]}、開始点 ({num(x)}, {num(y)})）")

    def alt(self) -> str:
        if self.view == "path":
            return "関数の等高線の上に描いたパラメータ (x, y) の移動の軌跡（● が開始点）"
        scale = "線形目盛" if self.surface == "saddle" else "対数目盛"
        return f"ステップ数（0 から {self.steps} まで）に対する損失の折れ線（縦軸は{scale}）"


# ------------------------------------------------------------------- init_histograms
INIT_TEXT = {"std1": "標準偏差 1 の正規分布", "std001": "標準偏差 0.01 の正規分布",
             "xavier": "Xavier の初期値", "he": "He の初期値"}
ACTIVATION_TEXT = {"sigmoid": "Sigmoid", "relu": "ReLU", "tanh": "tanh"}


class InitHistogramsFigure(_Unit):
    """The textbook's activation histograms per layer (gradflow.init_bn, seed 0)."""

    kind: Literal["init_histograms"]
    activation: Literal["sigmoid", "relu", "tanh"]
    init: Literal["std1", "std001", "xavier", "he"]
    batchnorm: bool = False
    layers: Annotated[int, Field(ge=2, le=5)] = 5

    def issues(self) -> list[Issue]:
        return []

    def describe(self) -> str:
        bn = "バッチ正規化あり" if self.batchnorm else "バッチ正規化なし"
        return (f"{ACTIVATION_TEXT[self.activation]} ＋ {INIT_TEXT[self.init]}"
                f"（{bn}、{self.layers} 層）")

    def alt(self) -> str:
        return f"{self.layers} 層それぞれの活性化関数の出力のヒストグラム"


# --------------------------------------------------------------------------- overfit
METHOD_TEXT = {"none": "正則化なし", "l2": "L2 正則化（λ = {s}）", "l1": "L1 正則化（λ = {s}）",
               "dropout": "Dropout（比率 {s}）"}


class OverfitFigure(_Unit):
    """Training and validation loss per epoch of the regularisation lab's run (gradflow.overfit)."""

    kind: Literal["overfit"]
    method: Literal[METHODS]  # type: ignore[valid-type]
    strength: float = 0.0
    view: Literal["loss", "gap"] = "loss"
    early_stopping: bool = False

    def issues(self) -> list[Issue]:
        if self.method == "none":
            if self.strength != 0:
                return [("strength", "method none takes strength 0",
                         "method: none の strength は 0 にしてください")]
            return []
        offered = OFFERED[self.method]
        if not any(math.isclose(self.strength, v) for v in offered):
            values = ", ".join(f"{v:g}" for v in offered)
            return [("strength", f"{self.method} offers strength {values}",
                     f"{self.method} の strength は {values} のどれかにしてください")]
        return []

    def describe(self) -> str:
        head = METHOD_TEXT[self.method].format(s=num(self.strength))
        text = (f"{head}の訓練・検証損失" if self.view == "loss"
                else f"{head}の検証損失と訓練損失の差")
        return text + ("（縦線: 検証損失が最小のエポック）" if self.early_stopping else "")

    def alt(self) -> str:
        what = ("訓練損失（実線）と検証損失（破線）の折れ線" if self.view == "loss"
                else "検証損失と訓練損失の差の折れ線")
        return f"エポックに対する{what}" + ("、縦線つき" if self.early_stopping else "")


# --------------------------------------------------------------------------- numdiff
class NumdiffFigure(_Unit):
    """|numerical − exact derivative| against the step h, log–log, in float64."""

    kind: Literal["numdiff"]
    fn: str
    at: float = 1.0
    method: Literal["central", "forward"] = "central"

    def issues(self) -> list[Issue]:
        spec = REGISTRY.get(self.fn)
        issues: list[Issue] = []
        if spec is None or spec.kind != "elementwise":
            issues.append(("fn", f"{self.fn!r} is not an elementwise function of the registry",
                           f"{self.fn!r} はレジストリの要素ごとの関数ではありません"))
        if not -LIMIT <= self.at <= LIMIT:
            issues.append(("at", f"at must be in [-{LIMIT:g}, {LIMIT:g}]",
                           f"at は -{LIMIT:g} 以上 {LIMIT:g} 以下にしてください"))
        return issues

    def describe(self) -> str:
        method = "中心差分" if self.method == "central" else "前進差分"
        return (f"{REGISTRY[self.fn].name_ja}の x = {num(self.at)} での{method}の誤差"
                "（刻み幅 h に対して）")

    def alt(self) -> str:
        return "刻み幅 h（10⁻¹⁶ から 1 まで）に対する数値微分の誤差の折れ線（両対数目盛）"


UNIT_FIGURES = (LossFigure, TrajectoryFigure, InitHistogramsFigure, OverfitFigure, NumdiffFigure)
UNIT_KINDS = ("loss", "trajectory", "init_histograms", "overfit", "numdiff")
