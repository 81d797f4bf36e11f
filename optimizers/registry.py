"""The one registry of optimizers the labs, the tests and the pages iterate."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from types import MappingProxyType

from activations.params import Param

from . import steps
from .adagrad import AdaGrad, RMSProp
from .adam import Adam, AdamTextbook, AdamW
from .nesterov import Nesterov, NesterovTextbook
from .params import (
    ADAM_L2,
    BETA1,
    BETA2,
    BIAS_CORRECTION,
    DECAY_RATE,
    MOMENTUM,
    WEIGHT_DECAY,
    lr_param,
)
from .sgd import SGD, Momentum

_MATH = re.compile(r"^\s*\.\. math:: (.+)$", re.MULTILINE)


@dataclass(frozen=True)
class OptimizerSpec:
    name: str
    name_ja: str
    name_en: str
    cls: type  # the exam-style class
    step: Callable  # the pure step function (optimizers.steps)
    params: tuple[Param, ...]  # what a lab offers, with ranges and defaults
    state_keys: tuple[str, ...]  # what each step records besides g and Δθ

    @property
    def latex(self) -> tuple[str, ...]:
        """The update rule as the page shows it: the class docstring's ``.. math::`` lines."""
        return tuple(line.strip() for line in _MATH.findall(self.cls.__doc__ or ""))

    def defaults(self) -> dict:
        return {p.name: p.default for p in self.params}

    def check(self, hyper: dict) -> dict:
        """Every hyper-parameter checked against its range, missing ones at their defaults."""
        known = {p.name: p for p in self.params}
        unknown = set(hyper) - set(known)
        if unknown:
            raise ValueError(f"{self.name} has no hyper-parameter {sorted(unknown)}")
        return {name: p.check(hyper.get(name, p.default)) for name, p in known.items()}

    def make(self, **hyper):
        """The exam-style optimizer with these (checked) hyper-parameters."""
        return self.cls(**self.check(hyper))


_ADAM_PARAMS = (lr_param(0.3), BETA1, BETA2, BIAS_CORRECTION)

_SPECS = (
    OptimizerSpec("sgd", "SGD", "SGD", SGD, steps.sgd, (lr_param(0.95),), ()),
    OptimizerSpec(
        "momentum",
        "Momentum",
        "Momentum",
        Momentum,
        steps.momentum,
        (lr_param(0.1), MOMENTUM),
        ("v",),
    ),
    OptimizerSpec(
        "nesterov",
        "Nesterov（NAG）",
        "Nesterov (NAG)",
        Nesterov,
        steps.nesterov,
        (lr_param(0.1), MOMENTUM),
        ("v",),
    ),
    OptimizerSpec(
        "nesterov_textbook",
        "Nesterov（教科書のコード）",
        "Nesterov (the textbook's code)",
        NesterovTextbook,
        steps.nesterov_textbook,
        (lr_param(0.1), MOMENTUM),
        ("v",),
    ),
    OptimizerSpec(
        "adagrad", "AdaGrad", "AdaGrad", AdaGrad, steps.adagrad, (lr_param(1.5),), ("h",)
    ),
    OptimizerSpec(
        "rmsprop", "RMSProp", "RMSProp", RMSProp, steps.rmsprop, (lr_param(0.1), DECAY_RATE), ("h",)
    ),
    OptimizerSpec(
        "adam",
        "Adam",
        "Adam",
        Adam,
        steps.adam,
        (*_ADAM_PARAMS, ADAM_L2),
        ("m", "v", "m_hat", "v_hat"),
    ),
    OptimizerSpec(
        "adamw",
        "AdamW",
        "AdamW",
        AdamW,
        steps.adamw,
        (*_ADAM_PARAMS, WEIGHT_DECAY),
        ("m", "v", "m_hat", "v_hat"),
    ),
    OptimizerSpec(
        "adam_textbook",
        "Adam（教科書のコード）",
        "Adam (the textbook's code)",
        AdamTextbook,
        steps.adam_textbook,
        (lr_param(0.3), BETA1, BETA2),
        ("m", "v"),
    ),
)

OPTIMIZERS = MappingProxyType({s.name: s for s in _SPECS})
