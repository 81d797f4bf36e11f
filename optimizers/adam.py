r"""Adam (Kingma & Ba 2015, Algorithm 1), the textbook's folded form of it, and AdamW.

Defaults as published: α = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, added to
:math:`\sqrt{\hat v}`. With bias correction the first step is
:math:`\alpha\, g / (|g| + \epsilon) \approx \alpha \operatorname{sign}(g)` whatever :math:`|g|` is.
"""

import numpy as np

from ._state import zeros_like_each


class Adam:
    r"""Adam, Algorithm 1 of Kingma & Ba 2015 (t counts the updates from 1).

    .. math:: g = \frac{\partial L}{\partial W} + \lambda W
    .. math:: m \leftarrow \beta_1 m + (1 - \beta_1) g
    .. math:: v \leftarrow \beta_2 v + (1 - \beta_2) g \odot g
    .. math:: \hat m = \frac{m}{1 - \beta_1^t}, \quad \hat v = \frac{v}{1 - \beta_2^t}
    .. math:: W \leftarrow W - \eta \frac{\hat m}{\sqrt{\hat v} + \epsilon}

    ``bias_correction=False`` uses m and v in place of m̂ and v̂ (both start at 0, so the first
    steps are too small or too large). The first line is L2 regularisation: ``weight_decay=λ``
    adds the L2 gradient λW to g before m and v (PyTorch ``Adam(weight_decay=λ)``): the decay is then divided by √v̂ like the rest,
    which is not what AdamW does.
    """

    def __init__(
        self, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8, bias_correction=True, weight_decay=0.0
    ):
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.bias_correction = bias_correction
        self.weight_decay = weight_decay
        self.iter = 0
        self.m = None
        self.v = None

    def update(self, params, grads):
        if self.weight_decay:
            grads = {key: grads[key] + self.weight_decay * params[key] for key in params}
        self._adam_step(params, grads)

    def _adam_step(self, params, grads):
        if self.m is None:
            self.m, self.v = zeros_like_each(params), zeros_like_each(params)
        self.iter += 1
        t = self.iter
        for key in params.keys():
            g = grads[key]
            self.m[key] = self.beta1 * self.m[key] + (1 - self.beta1) * g
            self.v[key] = self.beta2 * self.v[key] + (1 - self.beta2) * g * g
            if self.bias_correction:
                m_hat = self.m[key] / (1 - self.beta1**t)
                v_hat = self.v[key] / (1 - self.beta2**t)
            else:
                m_hat, v_hat = self.m[key], self.v[key]
            params[key] -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)


class AdamW(Adam):
    r"""AdamW (Loshchilov & Hutter 2019): weight decay apart from the adaptive step.

    .. math:: g = \frac{\partial L}{\partial W}
    .. math:: m \leftarrow \beta_1 m + (1 - \beta_1) g, \quad v \leftarrow \beta_2 v + (1 - \beta_2) g \odot g
    .. math:: \hat m = \frac{m}{1 - \beta_1^t}, \quad \hat v = \frac{v}{1 - \beta_2^t}
    .. math:: W \leftarrow W - \eta \lambda W - \eta \frac{\hat m}{\sqrt{\hat v} + \epsilon}

    m̂ and v̂ are Adam's, computed from the loss gradient g alone. This is PyTorch's ``AdamW``
    (η = ``lr``, default λ = 0.01). The paper's Algorithm 2 writes
    :math:`W \leftarrow W - \eta_t (\alpha \hat m/(\sqrt{\hat v} + \epsilon) + \lambda W)` with a
    schedule multiplier :math:`\eta_t`: its λ (with :math:`\eta_t = 1`, its α our η) is PyTorch's η·λ.
    """

    def __init__(
        self, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8, bias_correction=True, weight_decay=0.01
    ):
        super().__init__(lr, beta1, beta2, eps, bias_correction, weight_decay)

    def update(self, params, grads):
        for key in params.keys():
            params[key] -= self.lr * self.weight_decay * params[key]
        self._adam_step(params, grads)


class AdamTextbook:
    r"""The textbook's ``Adam.update``: the bias correction folded into the learning rate.

    .. math:: \eta_t = \eta \frac{\sqrt{1 - \beta_2^t}}{1 - \beta_1^t}
    .. math:: m \leftarrow m + (1 - \beta_1)(g - m), \quad v \leftarrow v + (1 - \beta_2)(g \odot g - v)
    .. math:: W \leftarrow W - \eta_t \frac{m}{\sqrt{v} + 10^{-7}}

    The m and v lines equal Algorithm 1's. Kingma & Ba (section 2) give this order of
    computation too, and Keras computes Adam this way (its ε = 1e-7 is this "ε hat"); it puts
    ε beside √v, not √v̂, so its ε acts as
    :math:`10^{-7}/\sqrt{1 - \beta_2^t}` would in Algorithm 1 (≈ 3.2e-6 at t = 1).
    """

    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999):
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.iter = 0
        self.m = None
        self.v = None

    def update(self, params, grads):
        if self.m is None:
            self.m, self.v = zeros_like_each(params), zeros_like_each(params)
        self.iter += 1
        lr_t = self.lr * np.sqrt(1.0 - self.beta2**self.iter) / (1.0 - self.beta1**self.iter)
        for key in params.keys():
            self.m[key] += (1 - self.beta1) * (grads[key] - self.m[key])
            self.v[key] += (1 - self.beta2) * (grads[key] ** 2 - self.v[key])
            params[key] -= lr_t * self.m[key] / (np.sqrt(self.v[key]) + 1e-7)
