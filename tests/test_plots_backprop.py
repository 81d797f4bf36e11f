"""The DOT of the graph: what is drawn at a step is what the step model says is known."""

from __future__ import annotations

import re

from backprop import apple_graph, network_graph
from plots.backprop import GRAD, NOW, VALUE, graph_dot
from viewstate.backprop import DEFAULT_SEED, DEFAULT_T, DEFAULT_X, format_on_graph


def draw(graph, step, names=None):
    names = names or {k: k for k in graph.edges}
    return graph_dot(graph, step, names, {n.key: n.kind for n in graph.nodes}, format_on_graph,
                     "L")


def coloured(dot: str, colour: str) -> list[str]:
    return re.findall(rf'<FONT COLOR="{colour}">([^<]*)</FONT>', dot)


def test_each_step_draws_the_values_and_gradients_known_then():
    g = network_graph(DEFAULT_X, DEFAULT_T, DEFAULT_SEED)
    for step in range(g.last_step + 1):
        dot = draw(g, step)
        values = [line for k, e in g.edges.items() if g.value_known(k, step)
                  for line in format_on_graph(e.value).split("\n")]
        grads = [line for k, e in g.edges.items() if g.grad_known(k, step)
                 for line in format_on_graph(e.grad).split("\n")]
        assert coloured(dot, VALUE) == values
        assert coloured(dot, GRAD) == grads
        outlined = re.findall(rf'"(\w+)" \[[^\]]*color="{NOW}", penwidth=3', dot)
        assert outlined == ([] if step == 0 else [g.at(step)[0].key])


def test_names_are_escaped_for_graphviz_html_labels():
    g = apple_graph()
    dot = draw(g, 0, {k: f"<{k}> & co" for k in g.edges})
    assert "&lt;apple&gt; &amp; co" in dot and "<apple>" not in dot
