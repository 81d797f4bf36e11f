"""A computational graph whose values were computed by the layers, revealed step by step.

Step 0 shows the inputs; steps 1..n run the n nodes forward in order; steps n+1..2n run them
backward in reverse order. An edge's value is known once its source node has run forward
(an input's from the start); its gradient once its destination node has run backward (the
output's, dL/dL = 1, from the first backward step on).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from layers import AddLayer, Affine, MulLayer, Relu, Sigmoid, SoftmaxWithLoss, TwoLayerNet

APPLE, SHOP, NET = "apple", "shop", "net"
ACTIVATIONS = ("relu", "sigmoid")
OUTPUT = "out"  # the sink the last edge points to


@dataclass(frozen=True)
class Edge:
    key: str  # also the symbol shown on the page (x, W1, a1, ...)
    src: str  # a node key, or "" for an input of the graph
    dst: str  # a node key, or OUTPUT
    value: np.ndarray | float
    grad: np.ndarray | float | None  # None: no gradient flows there (the labels t)


@dataclass(frozen=True)
class Node:
    key: str
    kind: str  # mul, add, affine, relu, sigmoid, softmax_loss: the page words its rule
    inputs: tuple[str, ...]  # edge keys, in the layer's argument order
    output: str  # edge key


@dataclass(frozen=True)
class Graph:
    name: str
    nodes: tuple[Node, ...]  # in forward order
    edges: dict[str, Edge]
    # What a node kept on self in forward for its backward (node key -> (name, value)):
    # Relu's mask, Sigmoid's out, SoftmaxWithLoss's y, read from the layers after the run.
    kept: dict[str, tuple[str, np.ndarray]] = field(default_factory=dict)

    @property
    def last_step(self) -> int:
        return 2 * len(self.nodes)

    def clamp(self, step: int) -> int:
        return min(max(int(step), 0), self.last_step)

    def at(self, step: int) -> tuple[Node, str] | None:
        """The node that runs at ``step`` and its direction ("forward", "backward")."""
        step, n = self.clamp(step), len(self.nodes)
        if step == 0:
            return None
        if step <= n:
            return self.nodes[step - 1], "forward"
        return self.nodes[2 * n - step], "backward"

    def _ran(self, step: int) -> tuple[set[str], set[str]]:
        step, n = self.clamp(step), len(self.nodes)
        forward = {node.key for node in self.nodes[:step]}
        backward = {node.key for node in self.nodes[2 * n - step:]} if step > n else set()
        return forward, backward

    def value_known(self, key: str, step: int) -> bool:
        edge = self.edges[key]
        return edge.src == "" or edge.src in self._ran(step)[0]

    def grad_known(self, key: str, step: int) -> bool:
        edge = self.edges[key]
        if edge.grad is None:
            return False
        if edge.dst == OUTPUT:
            return self.clamp(step) > len(self.nodes)
        return edge.dst in self._ran(step)[1]

    def sources(self) -> tuple[str, ...]:
        return tuple(k for k, e in self.edges.items() if e.src == "")


def _graph(name, nodes, values, grads, kept=None) -> Graph:
    """Edges from the nodes' wiring, with the values and gradients the layers gave."""
    src = {node.output: node.key for node in nodes}
    dst = {key: node.key for node in nodes for key in node.inputs}
    edges = {key: Edge(key, src.get(key, ""), dst.get(key, OUTPUT), values[key], grads.get(key))
             for key in values}
    return Graph(name, tuple(nodes), edges, kept or {})


def apple_graph(apple: float = 100.0, apple_num: float = 2.0, tax: float = 1.1) -> Graph:
    """The textbook's first example: apple × count × tax, two multiply nodes."""
    mul_apple, mul_tax = MulLayer(), MulLayer()
    apple_price = mul_apple.forward(apple, apple_num)
    price = mul_tax.forward(apple_price, tax)
    dapple_price, dtax = mul_tax.backward(1)
    dapple, dapple_num = mul_apple.backward(dapple_price)
    nodes = (Node("mul_apple", "mul", ("apple", "apple_num"), "apple_price"),
             Node("mul_tax", "mul", ("apple_price", "tax"), "price"))
    values = {"apple": apple, "apple_num": apple_num, "tax": tax, "apple_price": apple_price,
              "price": price}
    grads = {"apple": dapple, "apple_num": dapple_num, "tax": dtax,
             "apple_price": dapple_price, "price": 1}
    return _graph(APPLE, nodes, values, grads)


def shop_graph(apple: float = 100.0, apple_num: float = 2.0, orange: float = 150.0,
               orange_num: float = 3.0, tax: float = 1.1) -> Graph:
    """The shop example: (apple × count + orange × count) × tax."""
    mul_apple, mul_orange, add, mul_tax = MulLayer(), MulLayer(), AddLayer(), MulLayer()
    apple_price = mul_apple.forward(apple, apple_num)
    orange_price = mul_orange.forward(orange, orange_num)
    all_price = add.forward(apple_price, orange_price)
    price = mul_tax.forward(all_price, tax)
    dall_price, dtax = mul_tax.backward(1)
    dapple_price, dorange_price = add.backward(dall_price)
    dorange, dorange_num = mul_orange.backward(dorange_price)
    dapple, dapple_num = mul_apple.backward(dapple_price)
    nodes = (Node("mul_apple", "mul", ("apple", "apple_num"), "apple_price"),
             Node("mul_orange", "mul", ("orange", "orange_num"), "orange_price"),
             Node("add", "add", ("apple_price", "orange_price"), "all_price"),
             Node("mul_tax", "mul", ("all_price", "tax"), "price"))
    values = {"apple": apple, "apple_num": apple_num, "orange": orange,
              "orange_num": orange_num, "tax": tax, "apple_price": apple_price,
              "orange_price": orange_price, "all_price": all_price, "price": price}
    grads = {"apple": dapple, "apple_num": dapple_num, "orange": dorange,
             "orange_num": dorange_num, "tax": dtax, "apple_price": dapple_price,
             "orange_price": dorange_price, "all_price": dall_price, "price": 1}
    return _graph(SHOP, nodes, values, grads)


# The network the page shows: 2 inputs, 3 hidden units, 3 classes. W2 is square (3 × 3) so
# that a transposed W2 in backward still fits the shapes: the gradient check, not a shape
# error, has to catch it (backprop/bugs.py).
INPUT_SIZE, HIDDEN_SIZE, CLASSES = 2, 3, 3
WEIGHT_STD = 1.0  # large enough for the numbers to read, and for ReLU to mask some


def make_net(seed: int, activation: str = "relu") -> TwoLayerNet:
    """The page's TwoLayerNet (seeded weights), with Sigmoid in place of Relu on request."""
    net = TwoLayerNet(INPUT_SIZE, HIDDEN_SIZE, CLASSES, weight_init_std=WEIGHT_STD, seed=seed)
    if activation == "sigmoid":
        net.layers["Relu1"] = Sigmoid()  # the key is the textbook's; the layer is what runs
    return net


def network_graph(x, t, seed: int = 0, activation: str = "relu") -> Graph:
    """Affine → ReLU (or Sigmoid) → Affine → SoftmaxWithLoss on the batch x with labels t."""
    if activation not in ACTIVATIONS:
        raise ValueError(f"activation must be one of {ACTIVATIONS}, got {activation!r}")
    net = make_net(seed, activation)
    x, t = np.asarray(x, dtype=float), np.asarray(t)
    affine1, act, affine2 = net.layers.values()
    loss_layer: SoftmaxWithLoss = net.lastLayer
    assert isinstance(affine1, Affine) and isinstance(act, Relu | Sigmoid)
    a1 = affine1.forward(x)
    h1 = act.forward(a1)
    a2 = affine2.forward(h1)
    loss = loss_layer.forward(a2, t)
    da2 = loss_layer.backward(1)
    dh1 = affine2.backward(da2)
    da1 = act.backward(dh1.copy())  # Relu.backward writes into its dout: keep dh1 as it was
    dx = affine1.backward(da1)
    p = net.params
    nodes = (Node("affine1", "affine", ("x", "W1", "b1"), "a1"),
             Node("act", activation, ("a1",), "h1"),
             Node("affine2", "affine", ("h1", "W2", "b2"), "a2"),
             Node("loss", "softmax_loss", ("a2", "t"), "L"))
    values = {"x": x, "W1": p["W1"], "b1": p["b1"], "a1": a1, "h1": h1, "W2": p["W2"],
              "b2": p["b2"], "a2": a2, "t": t, "L": loss}
    grads = {"x": dx, "W1": affine1.dW, "b1": affine1.db, "a1": da1, "h1": dh1,
             "W2": affine2.dW, "b2": affine2.db, "a2": da2, "L": 1}
    kept = {"act": ("mask", act.mask.copy()) if activation == "relu" else ("out", act.out),
            "loss": ("y", loss_layer.y)}
    return _graph(NET, nodes, values, grads, kept)
