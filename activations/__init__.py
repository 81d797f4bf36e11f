"""Activation functions h(x), their derivatives h'(x), and the registry the app runs on.

Pure NumPy (with SciPy's special functions): no Streamlit, no Plotly.
"""

from .elementwise import (
    SELU_ALPHA,
    SELU_SCALE,
    elu,
    elu_grad,
    gelu,
    gelu_grad,
    identity,
    identity_grad,
    leaky_relu,
    leaky_relu_grad,
    mish,
    mish_grad,
    prelu,
    prelu_grad,
    prelu_grad_alpha,
    relu,
    relu_grad,
    selu,
    selu_grad,
    sigmoid,
    sigmoid_grad,
    silu,
    silu_grad,
    softplus,
    softplus_grad,
    step,
    step_grad,
    swish,
    swish_grad,
    tanh,
    tanh_grad,
)
from .gated import geglu, geglu_grad, glu, glu_grad, swiglu, swiglu_grad
from .hard import hard_sigmoid, hard_sigmoid_grad, hard_swish, hard_swish_grad, relu6, relu6_grad
from .params import Param
from .registry import ELEMENTWISE, REGISTRY, Interval, Spec
from .softmax import log_softmax, log_softmax_jacobian, softmax, softmax_jacobian

__all__ = [name for name in dir() if not name.startswith("_")]
