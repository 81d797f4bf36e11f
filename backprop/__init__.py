"""Backpropagation on a computational graph, step by step, and a gradient check with
planted bugs: the logic behind /backprop. Every number comes from the layers' own forward and
backward (layers/); nothing here is computed by a formula of its own. No Streamlit, no Plotly.
"""

from .bugs import BUGS, BUGS_FOR, CheckResult, gradient_check
from .graph import (
    ACTIVATIONS,
    APPLE,
    NET,
    SHOP,
    Edge,
    Graph,
    Node,
    apple_graph,
    network_graph,
    shop_graph,
)
