"""Parameters of the activation functions: defaults, ranges and meanings, in one place.

The functions check their arguments against these objects and the registry hands the
same objects to the pages, so a slider range and the ValueError can never disagree.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Param:
    """A numeric (``kind="float"``) or on/off (``kind="bool"``) parameter."""

    name: str
    default: float | bool
    min: float = 0.0
    max: float = 1.0
    step: float = 0.01
    meaning_ja: str = ""
    meaning_en: str = ""
    symbol: str = ""  # the letter shown (and spoken by screen readers) next to the slider, e.g. "α"
    kind: str = "float"

    def check(self, value):
        """Return ``value`` as float/bool, or raise ValueError naming the parameter and range."""
        if self.kind == "bool":
            if not isinstance(value, bool | int) or value not in (0, 1):
                raise ValueError(f"{self.name} must be True or False, got {value!r}")
            return bool(value)
        try:
            v = float(value)
        except (TypeError, ValueError):
            raise ValueError(
                f"{self.name} must be a number in [{self.min}, {self.max}], got {value!r}"
            ) from None
        if not (math.isfinite(v) and self.min <= v <= self.max):
            raise ValueError(f"{self.name} must be in [{self.min}, {self.max}], got {value!r}")
        return v


LEAKY_ALPHA = Param(
    "alpha", 0.01, 0.0, 1.0, 0.01,
    meaning_ja="負の領域の傾き（既定値 0.01 は PyTorch と同じ）",
    meaning_en="slope for x ≤ 0 (default 0.01, as in PyTorch)",
    symbol="α",
)
ELU_ALPHA = Param(
    "alpha", 1.0, 0.05, 5.0, 0.05,
    meaning_ja="負の領域の飽和値の大きさ（出力の下限は −α）",
    meaning_en="size of the negative saturation (the output is bounded below by −α)",
    symbol="α",
)
SWISH_BETA = Param(
    "beta", 1.0, 0.0, 10.0, 0.1,
    meaning_ja="σ(βx) の鋭さ（β = 1 が SiLU、β → ∞ で ReLU に近づく）",
    meaning_en="sharpness of σ(βx) (β = 1 is SiLU; β → ∞ tends to ReLU)",
    symbol="β",
)
GELU_APPROXIMATE = Param(
    "approximate", False, kind="bool",
    meaning_ja="tanh による近似式を使う（BERT・GPT-2 の実装）",
    meaning_en="use the tanh approximation (as in BERT and GPT-2)",
)
PRELU_ALPHA = Param(
    "alpha", 0.25, 0.0, 1.0, 0.01,
    meaning_ja="負の領域の傾き（学習で決まる値。PyTorch の nn.PReLU の初期値は 0.25）",
    meaning_en="slope for x ≤ 0, learned in training (PyTorch's nn.PReLU starts at 0.25)",
    symbol="α",
)
