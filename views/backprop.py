"""誤差逆伝播ラボ (/backprop): a computational graph stepped forward then backward, node by
node, and a gradient check with planted bugs. Every number is computed by the layers
(backprop/ runs them); this page only reads widgets and draws.

Stepping reruns only the graph's fragment; the bug switch only the check's. The inputs are
outside both: changing them reruns the page, so the graph and the check stay on one network.
"""

import pandas as pd
import streamlit as st

from backprop import APPLE, NET, SHOP, apple_graph, network_graph, shop_graph
from backprop.bugs import (
    BUGS_FOR,
    PARAMS,
    TINY,
    TOLERANCE,
    bug_source,
    gradient_check,
    no_batch_mean_error,
)
from backprop.graph import ACTIVATIONS, CLASSES, Graph
from plots.backprop import OP_CSS, graph_dot
from ui.i18n import keep, labelled, restore_choices, t
from viewstate import backprop as bp

EXAMPLES = bp.EXAMPLES
SHOP_INPUTS = bp.SHOP_INPUTS
ACT_NAMES = {"relu": "ReLU", "sigmoid": "Sigmoid"}
# The URL's names for the session's keys (the step is the shown example's)
KEYS = {**{name: f"backprop.{name}" for name in bp.FIELDS},
        "ex": "backprop.example", "act": "backprop.activation"}
SYNCED = "backprop._query"  # the query this page wrote last: anything else is a new link
URL_PROBLEMS = "backprop._url_problems"  # a new link's problems, warned about once
URL_STEP = "backprop._url_step"  # a new link's step, checked against its graph's last step

restore_choices("backprop")
raw = st.query_params.to_dict()
if raw != st.session_state.get(SYNCED) or "backprop.example" not in st.session_state:
    view, st.session_state[URL_PROBLEMS] = bp.parse_query(raw)
    for name, key in KEYS.items():
        if name != "step":
            st.session_state[key] = getattr(view, name)
    st.session_state[URL_STEP] = view.step
for name, key in KEYS.items():
    # Re-assigning keeps an input's value while its widget is not drawn (another example).
    if name != "step":
        st.session_state[key] = st.session_state.get(key, getattr(bp.BackpropView(), name))


def sync_url() -> None:
    """Write the whole view back to the URL (either fragment may have changed its part)."""
    ss = st.session_state
    example = ss["backprop.example"]
    fields = {name: ss[key] for name, key in KEYS.items() if name != "step"}
    query = bp.to_query(bp.BackpropView(step=ss.get(f"backprop.step.{example}", 0), **fields))
    if st.query_params.to_dict() != query:
        st.query_params.from_dict(query)
    ss[SYNCED] = query


def edge_names(graph: Graph) -> dict[str, str]:
    if graph.name == NET:
        names = {k: k for k in graph.edges}
        names.update(x=t("backprop.edge.x"), t=t("backprop.edge.t"))
        return names
    return {k: t(f"backprop.edge.{k}") for k in graph.edges}


def node_labels(graph: Graph) -> dict[str, str]:
    symbols = {"mul": "×", "add": "+", "softmax_loss": "Softmax-\nwith-Loss"}
    return {n.key: symbols.get(n.kind) or t(f"backprop.kind.{n.kind}") for n in graph.nodes}


def build_graph(example: str, batch: bp.Batch, seed: int, activation: str) -> Graph:
    s = st.session_state
    if example == APPLE:
        return apple_graph(s["backprop.apple"], s["backprop.apple_num"], s["backprop.tax"])
    if example == SHOP:
        return shop_graph(*(s[f"backprop.{k}"] for k in SHOP_INPUTS))
    return network_graph(batch.x, batch.t, seed, activation)


def move(key: str, by: int, last: int) -> None:
    st.session_state[key] = min(max(st.session_state[key] + by, 0), last)


def step_control(graph: Graph, key: str) -> int:
    last = graph.last_step
    with st.container(horizontal=True):
        st.button(t("backprop.prev"), key="backprop.prev", icon=":material/arrow_back:",
                  on_click=move, args=(key, -1, last), disabled=st.session_state[key] <= 0)
        st.button(t("backprop.next"), key="backprop.next", icon=":material/arrow_forward:",
                  on_click=move, args=(key, 1, last), disabled=st.session_state[key] >= last,
                  type="primary")
    return st.slider(t("backprop.step"), 0, last, key=key)


def show_step(graph: Graph, step: int, names: dict[str, str]) -> None:
    """What the node at ``step`` does: its rule, and the numbers it read and wrote."""
    last = graph.last_step
    view = bp.step_view(graph, step)
    if view is None:
        st.info(t("backprop.at.start", last=last))
        return
    node = next(n for n in graph.nodes if n.key == view.node_key)
    kind = t(f"backprop.kind.{view.kind}")
    label = kind if graph.name == NET else t("backprop.node_of", kind=kind,
                                              output=names[node.output])
    st.markdown(f"**{t(f'backprop.at.{view.direction}', step=step, last=last, node=label)}**")
    if step == len(graph.nodes) + 1:
        st.caption(t("backprop.start_backward"))
    st.write(t(f"backprop.rule.{view.kind}.{view.direction}"))
    fmt = bp.format_array
    if view.kind in ("mul", "add"):
        op = view.kind
        if view.direction == "forward":
            (_, a), (_, b) = view.read
            st.code(t(f"backprop.{op}_forward", a=fmt(a), b=fmt(b), out=fmt(view.wrote[0][1])),
                    language=None, wrap_lines=True)
        elif op == "mul":
            st.code("\n".join(
                t("backprop.mul_backward", name=names[k], up=fmt(up), other=fmt(v),
                  other_name=names[other], grad=fmt(g))
                for k, up, other, v, g in bp.swapped_products(graph, view.node_key)),
                language=None, wrap_lines=True)
        else:
            up = view.read[0][1]
            st.code("\n".join(t("backprop.add_backward", name=names[k], up=fmt(up), grad=fmt(g))
                              for k, g in view.wrote), language=None, wrap_lines=True)
    else:
        prefix = "∂L/∂" if view.direction == "backward" else ""
        for part, items in (("read", view.read), ("wrote", view.wrote)):
            st.caption(t(f"backprop.{part}.{view.direction}"))
            st.code("\n".join(f"{prefix}{k} ({bp.shape_text(v)}) =\n{fmt(v)}" for k, v in items),
                    language=None)
        if view.direction == "backward" and view.node_key in graph.kept:
            name, value = graph.kept[view.node_key]
            st.caption(t(f"backprop.kept.{view.kind}"))
            st.code(f"self.{name} =\n{fmt(value)}", language=None)
    if step == last:
        st.success(t("backprop.done"))


def edge_table(graph: Graph, step: int, names: dict[str, str]) -> pd.DataFrame:
    def cell(known: bool, v) -> str:
        return bp.format_array(v).replace("\n", "") if known else t("backprop.not_yet")

    rows = [(names[k], bp.shape_text(e.value), cell(graph.value_known(k, step), e.value),
             t("backprop.no_grad") if e.grad is None else cell(graph.grad_known(k, step), e.grad))
            for k, e in graph.edges.items()]
    return pd.DataFrame(rows, columns=[t("backprop.col_edge"), t("backprop.col_shape"),
                                       t("backprop.col_value"), t("backprop.col_grad")])


@st.fragment
def graph_lab(graph: Graph) -> None:
    """The graph, the step control right under it (a phone stacks the columns), the step."""
    key = f"backprop.step.{graph.name}"
    st.session_state[key] = graph.clamp(st.session_state.get(key, 0))
    names = edge_names(graph)
    output = t("backprop.output.net" if graph.name == NET else "backprop.output.shop")
    drawing, controls = st.columns([3, 2])
    with controls:
        step = step_control(graph, key)
    with drawing:
        st.graphviz_chart(graph_dot(graph, step, names, node_labels(graph), bp.format_on_graph,
                                    output),
                          alt=t("backprop.graph_alt", step=step, last=graph.last_step))
    with controls:
        st.caption(t("backprop.legend"))
        show_step(graph, step, names)
    with st.expander(t("backprop.edges")):
        st.table(edge_table(graph, step, names), hide_index=True)
    sync_url()


def shop_inputs(example: str) -> None:
    keys = ("apple", "apple_num", "tax") if example == APPLE else tuple(SHOP_INPUTS)
    cols = st.columns(len(keys))
    for col, k in zip(cols, keys, strict=True):
        counting = k.endswith("_num")
        col.number_input(t(f"backprop.in.{k}"), 0.0, SHOP_INPUTS[k][1],
                         step=1.0 if counting or k != "tax" else 0.01, key=f"backprop.{k}")


def network_inputs() -> None:
    st.caption(t("backprop.net_note"))
    st.text_input(t("backprop.in.x"), key="backprop.x",
                  help=t("backprop.in.x_help", rows=bp.MAX_ROWS, max_abs=bp.MAX_ABS))
    st.text_input(t("backprop.in.t", top=CLASSES - 1), key="backprop.t")
    left, right = st.columns(2)
    left.number_input(t("backprop.in.seed"), 0, bp.MAX_SEED, step=1, key="backprop.seed")
    keep("backprop.activation", right.radio(
        t("backprop.in.activation"), ACTIVATIONS, key="backprop.activation", horizontal=True,
        format_func=ACT_NAMES.get))


def warn(problems, x, labels) -> None:
    for code, detail in problems:
        st.warning(t(f"backprop.problem.{code}", detail=detail, rows=bp.MAX_ROWS,
                     max_abs=bp.MAX_ABS, top=CLASSES - 1, n=len(x),
                     default=bp.format_batch(bp.DEFAULT_X), labels=bp.format_labels(labels)))


@st.fragment
def gradient_check_lab(batch: bp.Batch, seed: int, activation: str) -> None:
    st.subheader(t("backprop.check"))
    st.write(t("backprop.check_intro", tol=TOLERANCE))
    options = BUGS_FOR[activation]
    if st.session_state["backprop.bug"] not in options:
        st.session_state["backprop.bug"] = "none"
    bug = keep("backprop.bug", st.radio(t("backprop.bug"), options, key="backprop.bug",
                                        format_func=labelled("backprop.bug", options)))
    result = gradient_check(batch.x, batch.t, seed, activation, bug)
    st.table(pd.DataFrame(
        [(k, f"{result.errors[k]:.1e}", t(f"backprop.verdict.{result.verdict(k)}"))
         for k in PARAMS],
        columns=[t("backprop.col_param"), t("backprop.col_error"), t("backprop.col_verdict")]),
        hide_index=True)
    unsure = [k for k in PARAMS if result.unreliable(k)]
    if result.failed:
        st.error(t("backprop.check_failed", params=", ".join(result.failed)))
    elif unsure:
        st.warning(t("backprop.check_unsure", params=", ".join(unsure)))
    else:
        st.success(t("backprop.check_passed"))
    tiny = [k for k in PARAMS if result.errors[k] >= TOLERANCE and result.too_small(k)]
    if tiny:
        st.info(t("backprop.too_small_note", params=", ".join(tiny), tiny=TINY))
    n = len(batch.x)
    st.write(t(f"backprop.why.{bug}", n=n, expected=no_batch_mean_error(n), masked=result.masked))
    if bug == "no_relu_mask" and result.masked == 0:
        st.info(t("backprop.why.no_mask_here"))
    if result.near_kink:
        st.warning(t("backprop.near_kink"))
    if bug != "none":
        st.caption(t("backprop.bug_code"))
        st.code(bp.mark_bug_words(bug_source(bug), t), language="python")
    with st.expander(t("backprop.compare")):
        for k in PARAMS:
            st.code(f"{k}  {t('backprop.analytic')}\n{bp.format_array(result.analytic[k])}\n"
                    f"{k}  {t('backprop.numeric')}\n{bp.format_array(result.numeric[k])}",
                    language=None)
    sync_url()


st.html(OP_CSS)  # style only: takes no room
st.title(t("backprop.title"))
st.write(t("backprop.intro"))
example = keep("backprop.example", st.selectbox(  # one line: the graph starts higher on a phone
    t("backprop.example"), EXAMPLES, key="backprop.example",
    format_func=labelled("backprop.example", EXAMPLES)))

for problem in st.session_state.pop(URL_PROBLEMS, []):
    st.warning(t(f"backprop.warn.{problem.code}", **problem.fields))
batch = bp.parse_batch(st.session_state["backprop.x"], st.session_state["backprop.t"])
seed = int(st.session_state["backprop.seed"])
activation = st.session_state["backprop.activation"]
if example == NET:
    warn(batch.problems, batch.x, batch.t)
graph = build_graph(example, batch, seed, activation)
if (step := st.session_state.pop(URL_STEP, None)) is not None:
    if step > graph.last_step:
        st.warning(t("backprop.warn.step", value=step, last=graph.last_step))
        step = 0
    st.session_state[f"backprop.step.{example}"] = step
graph_lab(graph)

# Never opened by the page: an ``expanded`` that follows the inputs would shut the panel
# under the learner's fingers once they are valid (the warnings show above the graph).
with st.expander(t("backprop.inputs")):
    if example == NET:
        network_inputs()
    else:
        shop_inputs(example)

gradient_check_lab(batch, seed, activation)
