r"""The optimizers as pure step functions, for the labs: one update of a point θ.

``step(g, state, t, theta, **hyper) -> (delta, new_state)``: ``g`` is the gradient at
``theta``, ``t`` counts the updates from 1, ``state`` is the previous ``new_state`` ({} at
first, so every moment starts at 0) and ``delta`` is the change :math:`\Delta\theta`.
Nothing is changed in place. ``new_state`` also holds what a page shows beside the step
(Adam's m̂ and v̂). Written from the papers' update rules; the tests check that each one
follows the same path as its exam-style class.
"""

import numpy as np


def sgd(g, state, t, theta, *, lr):
    return -lr * g, {}


def momentum(g, state, t, theta, *, lr, momentum):
    v = momentum * state.get("v", 0.0) - lr * g
    return v, {"v": v}


def nesterov(g, state, t, theta, *, lr, momentum):
    # Bengio et al. 2012 eq. 7 on the look-ahead point: Δ = μ²v_old − (1 + μ)ηg = μv − ηg.
    v = momentum * state.get("v", 0.0) - lr * g
    return momentum * v - lr * g, {"v": v}


def nesterov_textbook(g, state, t, theta, *, lr, momentum):
    # The textbook's code: μ² times the *updated* v.
    v = momentum * state.get("v", 0.0) - lr * g
    return momentum**2 * v - (1 + momentum) * lr * g, {"v": v}


def adagrad(g, state, t, theta, *, lr, eps=1e-7):
    h = state.get("h", 0.0) + g * g
    return -lr * g / (np.sqrt(h) + eps), {"h": h}


def rmsprop(g, state, t, theta, *, lr, decay_rate, eps=1e-7):
    h = decay_rate * state.get("h", 0.0) + (1 - decay_rate) * g * g
    return -lr * g / (np.sqrt(h) + eps), {"h": h}


def adam(g, state, t, theta, *, lr, beta1, beta2, eps=1e-8, bias_correction=True, weight_decay=0.0):
    g = g + weight_decay * theta  # L2 in the gradient (PyTorch Adam's weight_decay)
    m = beta1 * state.get("m", 0.0) + (1 - beta1) * g
    v = beta2 * state.get("v", 0.0) + (1 - beta2) * g * g
    if bias_correction:
        m_hat, v_hat = m / (1 - beta1**t), v / (1 - beta2**t)
    else:
        m_hat, v_hat = m, v
    return -lr * m_hat / (np.sqrt(v_hat) + eps), {"m": m, "v": v, "m_hat": m_hat, "v_hat": v_hat}


def adamw(
    g, state, t, theta, *, lr, beta1, beta2, eps=1e-8, bias_correction=True, weight_decay=0.01
):
    # Decoupled (Loshchilov & Hutter 2019, as PyTorch's AdamW): m and v never see λθ.
    delta, new_state = adam(
        g,
        state,
        t,
        theta,
        lr=lr,
        beta1=beta1,
        beta2=beta2,
        eps=eps,
        bias_correction=bias_correction,
    )
    return delta - lr * weight_decay * theta, new_state


def adam_textbook(g, state, t, theta, *, lr, beta1, beta2):
    lr_t = lr * np.sqrt(1.0 - beta2**t) / (1.0 - beta1**t)
    m = beta1 * state.get("m", 0.0) + (1 - beta1) * g
    v = beta2 * state.get("v", 0.0) + (1 - beta2) * g * g
    return -lr_t * m / (np.sqrt(v) + 1e-7), {"m": m, "v": v}
