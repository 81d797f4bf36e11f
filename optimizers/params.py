"""The settings a lab offers, in one place: the trajectory checks its arguments against these,
the pages build their controls from them, and the tests walk their whole grid.

The learning rates' defaults are the textbook's comparison on x²/20 + y² (chapter 6:
SGD 0.95, Momentum 0.1, AdaGrad 1.5, Adam 0.3); the other hyper-parameters default to the
values the classes use.
"""

from __future__ import annotations

from dataclasses import replace

from activations.params import Param

LR_MIN, LR_MAX = 0.0001, 2.0


def lr_param(default: float) -> Param:
    """The learning rate η, one range for every optimizer (defaults differ)."""
    return Param(
        "lr",
        default,
        LR_MIN,
        LR_MAX,
        0.0001,
        meaning_ja="学習率（1 回の更新の大きさ）",
        meaning_en="learning rate (the size of one update)",
        symbol="η",
    )


MOMENTUM = Param(
    "momentum",
    0.9,
    0.0,
    0.99,
    0.01,
    meaning_ja="モーメンタム係数（前の速度をどれだけ残すか。教科書の式では α）",
    meaning_en="momentum coefficient (how much of the previous velocity is kept; α in the textbook)",
    symbol="μ",
)
DECAY_RATE = Param(
    "decay_rate",
    0.99,
    0.5,
    0.999,
    0.001,
    meaning_ja="勾配の 2 乗の移動平均の減衰率（教科書 0.99、PyTorch alpha=0.99、Keras rho=0.9）",
    meaning_en="decay of the moving average of squared gradients (textbook 0.99, PyTorch alpha=0.99, Keras rho=0.9)",
    symbol="ρ",
)
BETA1 = Param(
    "beta1",
    0.9,
    0.0,
    0.99,
    0.01,
    meaning_ja="勾配の移動平均 m の減衰率",
    meaning_en="decay of the moving average m of gradients",
    symbol="β₁",
)
BETA2 = Param(
    "beta2",
    0.999,
    0.5,
    0.9999,
    0.0001,
    meaning_ja="勾配の 2 乗の移動平均 v の減衰率",
    meaning_en="decay of the moving average v of squared gradients",
    symbol="β₂",
)
BIAS_CORRECTION = Param(
    "bias_correction",
    True,
    kind="bool",
    meaning_ja="バイアス補正（m̂ = m/(1 − β₁ᵗ)、v̂ = v/(1 − β₂ᵗ)）を使う",
    meaning_en="use the bias correction (m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ))",
)
WEIGHT_DECAY = Param(
    "weight_decay",
    0.01,
    0.0,
    0.5,
    0.01,
    meaning_ja="重み減衰の係数（勾配とは別に W から ηλW を引く）",
    meaning_en="weight decay coefficient (ηλW taken from W apart from the gradient)",
    symbol="λ",
)
# Adam's λ is L2 regularisation: λW joins the gradient and goes through m, v and √v̂
# (PyTorch Adam's weight_decay); AdamW's decay above does not. The exam asks the difference.
ADAM_L2 = replace(
    WEIGHT_DECAY,
    default=0.0,
    meaning_ja="L2 正則化の係数（勾配に λW を足す。AdamW の重み減衰とは別物）",
    meaning_en="L2 regularisation coefficient (λW added to the gradient; not AdamW's weight decay)",
)
STEPS = Param(
    "steps",
    30,
    1,
    1000,
    1,
    meaning_ja="更新の回数",
    meaning_en="number of updates",
    symbol="T",
)
NOISE = Param(
    "noise",
    0.0,
    0.0,
    5.0,
    0.1,
    meaning_ja="勾配に加える雑音の標準偏差（確率的勾配）",
    meaning_en="standard deviation of the noise added to the gradient (stochastic gradient)",
    symbol="σ",
)
SEED = Param("seed", 0, 0, 2**31 - 1, 1, meaning_ja="乱数の種", meaning_en="random seed")
