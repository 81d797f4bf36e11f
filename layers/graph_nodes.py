"""The computational graph's two simplest nodes (the textbook's shop example): an add node
passes the upstream gradient on unchanged; a multiply node sends each input the upstream
gradient times the *other* input."""

from __future__ import annotations


class MulLayer:
    def __init__(self):
        self.x = None
        self.y = None

    def forward(self, x, y):
        self.x = x
        self.y = y
        return x * y

    def backward(self, dout):
        dx = dout * self.y  # the inputs swap
        dy = dout * self.x
        return dx, dy


class AddLayer:
    def forward(self, x, y):
        return x + y

    def backward(self, dout):
        dx = dout * 1  # passed on unchanged
        dy = dout * 1
        return dx, dy
