"""Loss functions E(y, t) and their gradients, for the loss lab, the layers and the quiz.

Pure NumPy (with SciPy's special functions): no Streamlit, no Plotly. Like ``activations``,
every function is stable for every finite float64 input: no NaN, no spurious inf and no
RuntimeWarning (an inf appears only where the true value is infinite, e.g. −log 0).
"""

from activations.exam_style import cross_entropy_error  # the textbook's line, as studied

from .classification import (
    binary_cross_entropy,
    binary_cross_entropy_grad,
    binary_cross_entropy_with_logits,
    binary_cross_entropy_with_logits_grad,
    cross_entropy,
    cross_entropy_grad,
    one_hot,
    softmax_cross_entropy,
    softmax_cross_entropy_grad,
)
from .information import entropy, kl_divergence, kl_divergence_grad
from .regression import (
    CONVENTIONS,
    huber,
    huber_grad,
    mean_squared_error,
    mean_squared_error_grad,
    squared_error,
    squared_error_grad,
)

__all__ = [name for name in dir() if not name.startswith("_")]
