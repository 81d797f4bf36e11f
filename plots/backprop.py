"""The computational graph as a DOT string for st.graphviz_chart (drawn in the browser by
Graphviz WASM: no system Graphviz). Top to bottom, so a phone's narrow screen holds it.

Streamlit's stylesheet sets every SVG text to one small size and font (so no monospace): the page's CSS enlarges the
× and + of the operation nodes (class "op") again (OP_CSS).

Forward values are blue, gradients red (the textbook draws backward in red); the node that
runs at this step is outlined, nodes that have run are tinted by direction.
"""

from __future__ import annotations

from html import escape

from backprop.graph import OUTPUT, Graph

VALUE, GRAD, INK = "#1f4e9c", "#c62828", "#222222"
NOW, RAN_FORWARD, RAN_BACKWARD = "#f39c12", "#dbe8fb", "#fbdada"
FONT = "Noto Sans CJK JP, Noto Sans JP, sans-serif"


OP_CSS = """<style>
[data-testid="stGraphVizChart"] g.node.op text { font-size: 22px !important; }
</style>"""


def _lines(text: str, color: str) -> str:
    return "<BR/>".join(f'<FONT COLOR="{color}">{escape(line)}</FONT>' for line in text.split("\n"))


def graph_dot(graph: Graph, step: int, names: dict[str, str], node_labels: dict[str, str],
              fmt, output_name: str) -> str:
    """DOT of ``graph`` as far as ``step``: ``names`` label the edges (the inputs' too),
    ``node_labels`` the nodes, ``fmt`` prints a value; ``output_name`` labels the end."""
    at = graph.at(step)
    now = at[0].key if at else None
    n = len(graph.nodes)
    step = graph.clamp(step)
    out = [
        "digraph {",
        f'graph [rankdir=TB, bgcolor="white", nodesep=0.25, ranksep=0.3, fontname="{FONT}"];',
        f'node [fontname="{FONT}", fontsize=13, color="{INK}", fontcolor="{INK}"];',
        f'edge [fontname="{FONT}", fontsize=11, color="#555555", arrowsize=0.7];',
    ]
    for key in graph.sources():
        out.append(f'"in_{key}" [shape=plaintext, label=<{_lines(names[key], INK)}>];')
    out.append(f'"{OUTPUT}" [shape=plaintext, label=<{_lines(output_name, INK)}>];')
    for i, node in enumerate(graph.nodes):
        ran_backward = step > n and i >= 2 * n - step
        fill = RAN_BACKWARD if ran_backward else RAN_FORWARD if step > i else "white"
        pen = f', color="{NOW}", penwidth=3' if node.key == now else ""
        if node.kind in ("mul", "add"):  # the textbook's circles with × and +, large
            look = (f'shape=circle, class="op", fontsize=26, width=0.6, fixedsize=true, '
                    f'label="{node_labels[node.key]}"')
        else:
            look = f"shape=box, label=<{_lines(node_labels[node.key], INK)}>"
        out.append(f'"{node.key}" [{look}, style="filled,rounded", fillcolor="{fill}"{pen}];')
    for key, edge in graph.edges.items():
        src = edge.src or f"in_{key}"
        parts = [] if edge.src == "" else [_lines(names[key], INK)]
        if graph.value_known(key, step):
            parts.append(_lines(fmt(edge.value), VALUE))
        if graph.grad_known(key, step):
            parts.append(_lines(fmt(edge.grad), GRAD))
        label = "<BR/>".join(parts) or " "
        out.append(f'"{src}" -> "{edge.dst}" [label=<{label}>];')
    out.append("}")
    return "\n".join(out)
