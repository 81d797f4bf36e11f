"""Affine, Relu, Sigmoid and SoftmaxWithLoss in the textbook's form. Relu and Sigmoid are
the study content's own classes (activations/exam_style.py, the code a learner reads)."""

from __future__ import annotations

import numpy as np

from activations import exam_style
from activations.exam_style import Relu, Sigmoid
from losses import softmax_cross_entropy

__all__ = ["Affine", "Relu", "Sigmoid", "SoftmaxWithLoss"]


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


class SoftmaxWithLoss(exam_style.SoftmaxWithLoss):
    """The study content's SoftmaxWithLoss (its backward is the exam's (y − t)/N), with the
    loss taken exactly through the stable log-softmax instead of cross_entropy_error's
    + 1e-7: then (y − t)/N is the exact derivative of the loss a gradient check reads."""

    def forward(self, x, t):
        super().forward(x, t)
        self.loss = softmax_cross_entropy(x, t)
        return self.loss
