"""Gradient flow through deep networks, in pure NumPy (no Streamlit, no Plotly).

- ``depth``: the chain-rule product of h'(x) through L layers.
- ``mlp``: a deep MLP with random weights; per-layer activation statistics, the
  backpropagated gradient and dead units.
- ``toydata``: 2-D toy data sets (XOR, circles, spiral, moons).
- ``train``: a tiny MLP trained by gradient descent or Adam, backprop through the registry.

Every activation and derivative comes from ``activations.REGISTRY``.
"""
