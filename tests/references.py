"""High-precision references for the activation tests, written from the formulas with mpmath.

They share no code with `activations`: each is the textbook definition evaluated at 40
significant digits, so cancellation or overflow in double precision cannot hide here.
"""

from __future__ import annotations

import mpmath as mp

mp.mp.dps = 40

# Klambauer et al. (2017), to the digits PyTorch documents.
SELU_ALPHA = mp.mpf("1.6732632423543772848170429916717")
SELU_SCALE = mp.mpf("1.0507009873554804934193349852946")


def _sig(z):
    return 1 / (1 + mp.exp(-mp.mpf(z)))


def _gelu_tanh(x):
    u = mp.sqrt(2 / mp.pi) * (x + mp.mpf("0.044715") * x**3)
    if u < -400:  # 1 + tanh(u) < 2e-347 and u grows as x³: the value underflows float64
        return mp.mpf(0)
    # 1 + tanh(u) cancels for very negative u: carry enough digits to survive it.
    with mp.extradps(int(max(-u, 0)) + 10):
        return x / 2 * (1 + mp.tanh(u))


# name -> h(x, **params) in mpmath.
H = {
    "sigmoid": lambda x: _sig(x),
    "tanh": lambda x: mp.tanh(x),
    "identity": lambda x: x,
    "relu": lambda x: x if x > 0 else mp.mpf(0),
    "leaky_relu": lambda x, alpha=0.01: x if x > 0 else mp.mpf(alpha) * x,
    "elu": lambda x, alpha=1.0: x if x > 0 else mp.mpf(alpha) * mp.expm1(x),
    # x·Φ(x), with Φ(x) = erfc(−x/√2)/2 (1 + erf would cancel in the far left tail)
    "gelu": lambda x, approximate=False: _gelu_tanh(x) if approximate
    else x / 2 * mp.erfc(-x / mp.sqrt(2)),
    "step": lambda x: mp.mpf(1) if x > 0 else mp.mpf(0),
    "softplus": lambda x: mp.log1p(mp.exp(x)),
    "swish": lambda x, beta=1.0: x * _sig(beta * x),
    "mish": lambda x: x * mp.tanh(mp.log1p(mp.exp(x))),
    "selu": lambda x: SELU_SCALE * (x if x > 0 else SELU_ALPHA * mp.expm1(x)),
    "prelu": lambda x, alpha=0.25: x if x > 0 else mp.mpf(alpha) * x,
    "relu6": lambda x: min(max(mp.mpf(0), x), mp.mpf(6)),
    "hard_sigmoid": lambda x: min(max(mp.mpf(0), x + 3), mp.mpf(6)) / 6,
    "hard_swish": lambda x: x * min(max(mp.mpf(0), x + 3), mp.mpf(6)) / 6,
}


def _gelu_tanh_grad(x):
    c = mp.sqrt(2 / mp.pi)
    u = c * (x + mp.mpf("0.044715") * x**3)
    if u < -400:  # both terms carry e^{2u} < e^{-800}: the value underflows float64
        return mp.mpf(0)
    with mp.extradps(int(max(-u, 0)) + 10):
        du = c * (1 + 3 * mp.mpf("0.044715") * x**2)
        return (1 + mp.tanh(u)) / 2 + x / 2 * mp.sech(u) ** 2 * du


def _phi(x):
    return mp.exp(-x * x / 2) / mp.sqrt(2 * mp.pi)


# name -> h'(x, **params): the textbook derivatives, differentiated by hand from H.
DH = {
    "sigmoid": lambda x: mp.exp(-x) / (1 + mp.exp(-x)) ** 2,
    "tanh": lambda x: mp.sech(x) ** 2,
    "identity": lambda x: mp.mpf(1),
    "relu": lambda x: mp.mpf(1) if x > 0 else mp.mpf(0),
    "leaky_relu": lambda x, alpha=0.01: mp.mpf(1) if x > 0 else mp.mpf(alpha),
    "elu": lambda x, alpha=1.0: mp.mpf(1) if x > 0 else mp.mpf(alpha) * mp.exp(x),
    "gelu": lambda x, approximate=False: _gelu_tanh_grad(x) if approximate
    else mp.erfc(-x / mp.sqrt(2)) / 2 + x * _phi(x),
    "step": lambda x: mp.mpf(0),
    "softplus": lambda x: 1 / (1 + mp.exp(-x)),
    # σ(z) + z σ(z) σ(−z), z = βx
    "swish": lambda x, beta=1.0: _sig(beta * x) + beta * x * _sig(beta * x) * _sig(-beta * x),
    "mish": lambda x: mp.tanh(mp.log1p(mp.exp(x)))
    + x * mp.sech(mp.log1p(mp.exp(x))) ** 2 * _sig(x),
    "selu": lambda x: SELU_SCALE * (1 if x > 0 else SELU_ALPHA * mp.exp(x)),
    # The piecewise-linear ones, by piece; a kink belongs to the piece on its left.
    "prelu": lambda x, alpha=0.25: mp.mpf(1) if x > 0 else mp.mpf(alpha),
    "relu6": lambda x: mp.mpf(1) if 0 < x <= 6 else mp.mpf(0),
    "hard_sigmoid": lambda x: mp.mpf(1) / 6 if -3 < x <= 3 else mp.mpf(0),
    "hard_swish": lambda x: mp.mpf(0) if x <= -3 else (2 * x + 3) / 6 if x <= 3 else mp.mpf(1),
}


def h(name: str, x: float, **params):
    return H[name](mp.mpf(x), **params)


def dh(name: str, x: float, **params):
    return DH[name](mp.mpf(x), **params)


def softmax(xs):
    xs = [mp.mpf(v) for v in xs]
    total = mp.fsum(mp.exp(v) for v in xs)
    return [mp.exp(v) / total for v in xs]


def log_softmax(xs):
    xs = [mp.mpf(v) for v in xs]
    lse = mp.log(mp.fsum(mp.exp(v) for v in xs))
    return [v - lse for v in xs]
