"""Exam-style layers: one small class per concept, forward and backward side by side, as
ゼロから作るDeep Learning writes them, and a two-layer network built from them.

Pure NumPy: no Streamlit, no Plotly. Where we differ from the textbook for safety, a
one-line comment says which form this is.
"""

from .basic import Affine, Relu, Sigmoid, SoftmaxWithLoss
from .gradient_check import numerical_gradient, relative_error
from .graph_nodes import AddLayer, MulLayer
from .two_layer_net import TwoLayerNet
