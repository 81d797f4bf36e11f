"""The UI text catalogue: one module of (ja, en) pairs per page, merged into CATALOGUE.

Keys are namespaced by page (``explorer.title``); a key defined twice is an error.
"""

from . import (
    backprop,
    common,
    compare,
    explorer,
    gradients,
    home,
    learner,
    loss_lab,
    optimizers_lab,
    quiz,
    regularization_lab,
    softmax_lab,
)

CATALOGUE: dict[str, tuple[str, str]] = {}
for _module in (common, home, explorer, compare, softmax_lab, gradients, loss_lab, backprop,
                optimizers_lab, regularization_lab, quiz, learner):
    for _key, _pair in _module.STRINGS.items():
        if _key in CATALOGUE:
            raise KeyError(f"UI string {_key!r} is defined twice")
        CATALOGUE[_key] = _pair
