"""Affine, Relu, Sigmoid and SoftmaxWithLoss in the textbook's form."""

from __future__ import annotations

import numpy as np

from activations import sigmoid, softmax
from losses import softmax_cross_entropy


class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = (x <= 0)
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dout = dout.copy()  # the textbook writes into dout; a copy leaves the caller's intact
        dout[self.mask] = 0
        dx = dout
        return dx


class Sigmoid:
    def __init__(self):
        self.out = None

    def forward(self, x):
        out = sigmoid(x)  # the textbook's 1 / (1 + np.exp(-x)) overflows for x < -709
        self.out = out
        return out

    def backward(self, dout):
        dx = dout * (1.0 - self.out) * self.out
        return dx


class Affine:
    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.x = None
        self.original_x_shape = None
        self.dW = None
        self.db = None

    def forward(self, x):
        self.original_x_shape = x.shape  # an image batch (N, C, H, W) is flattened to (N, D)
        x = x.reshape(x.shape[0], -1)
        self.x = x
        out = np.dot(self.x, self.W) + self.b
        return out

    def backward(self, dout):
        dx = np.dot(dout, self.W.T)
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)
        dx = dx.reshape(*self.original_x_shape)
        return dx


class SoftmaxWithLoss:
    def __init__(self):
        self.loss = None
        self.y = None  # softmax output
        self.t = None  # targets: one-hot rows or label indices

    def forward(self, x, t):
        self.t = t
        self.y = softmax(x, axis=-1)
        # The textbook takes cross_entropy_error(self.y, self.t), with its + 1e-7; the exact,
        # stable log-softmax form makes (y − t)/N the exact derivative of this loss.
        self.loss = softmax_cross_entropy(x, t)
        return self.loss

    def backward(self, dout=1):
        batch_size = self.t.shape[0]
        if self.t.size == self.y.size:  # one-hot targets
            dx = (self.y - self.t) / batch_size
        else:  # label indices
            dx = self.y.copy()
            dx[np.arange(batch_size), self.t] -= 1
            dx = dx / batch_size
        return dx * dout  # the textbook omits dout: it is 1 at the end of the graph
