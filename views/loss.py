"""損失関数ラボ (/loss): loss and derivative against the prediction, why sigmoid and softmax
pair with cross-entropy (the gradient at the logit), and log(0) with and without the
textbook's + 1e-7. Every number comes from viewstate.loss_lab (on ``losses``); figures from
plots.loss_lab.

The view lives in the URL (``/loss?t=0&y=0.9&a=-5&logits=2,1,0.1&label=2``): read before the
widgets exist, written back by whichever section reran. Each section is an ``st.fragment``:
moving a slider reruns and re-sends that section only.
"""

import pandas as pd
import streamlit as st

import losses
from plots.loss_lab import make_logit_figure, make_loss_figure, make_routes_figure
from ui.charts import PLOTLY_CONFIG
from ui.i18n import keep, restore_choices, t
from viewstate import logits as lg
from viewstate import loss_lab as ll

SYNCED = "loss._query"  # the query this page wrote last: anything else is a new link
URL_PROBLEMS = "loss._url_problems"  # a new link's problems, warned about once

restore_choices("loss")
raw = st.query_params.to_dict()
KEYS = {name: f"loss.{name}" for name in ("t", "y", "a", "ta", "logits", "label")}
KEYS["extra"] = "loss.extra_a"
if raw != st.session_state.get(SYNCED) or "loss.t" not in st.session_state:
    view, st.session_state[URL_PROBLEMS] = ll.parse_query(raw)
    for name, key in KEYS.items():
        st.session_state[key] = getattr(view, name)


def sync_url() -> None:
    """Write the whole view back to the URL (any section may have changed its part)."""
    ss = st.session_state
    query = ll.to_query(ll.LossView(**{name: ss.get(key) for name, key in KEYS.items()}))
    if st.query_params.to_dict() != query:
        st.query_params.from_dict(query)
    ss[SYNCED] = query


def fmt(v: float) -> str:
    return lg.format_value(float(v) + 0.0)  # + 0.0: −t/y at t = 0 is −0, shown as 0


def ratio(r: float) -> str:
    """1/σ′(a) as a learner reads it: 「約 22,000」, 「4」."""
    rounded, digits = ll.ratio_text(r)
    return t("loss.about", n=digits) if rounded else digits


@st.fragment
def loss_section() -> None:
    """① BCE and ½(y − t)² with their derivatives against y, a probe at the learner's y."""
    chart, controls = st.columns([3, 2])  # chart first: it leads a phone's first screen
    with controls:
        st.slider(t("loss.t"), 0.0, 1.0, key="loss.t", step=0.05, help=t("loss.t_help"))
        st.slider(t("loss.y"), ll.Y_MIN, ll.Y_MAX, key="loss.y", step=0.001, format="%.3f",
                  help=t("loss.y_help"))
        target, y = float(st.session_state["loss.t"]), float(st.session_state["loss.y"])
        probe = ll.loss_probe(y, target)
        st.table(pd.DataFrame({
            t("loss.col_quantity"): [t("loss.row_loss"), t("loss.row_grad")],
            t("loss.col_bce"): [fmt(probe.bce), fmt(probe.bce_grad)],
            t("loss.col_se"): [fmt(probe.se), fmt(probe.se_grad)],
        }), hide_index=True)
    with chart:
        st.subheader(t("loss.curves"))
        names = {"bce": t("loss.bce"), "se": t("loss.se"), "loss": t("loss.axis_loss"),
                 "grad": t("loss.axis_grad"), "y": t("loss.axis_y"), "probe": t("loss.probe")}
        st.plotly_chart(make_loss_figure(ll.loss_curves(target), probe, names),
                        key="loss.curves_chart", config=PLOTLY_CONFIG, alt=t("loss.curves_alt"))
        st.caption(t("loss.grad_clip"))
    st.caption(t("loss.convention", mean=probe.mean, mean_grad=probe.mean_grad))
    bce_col, se_col = st.columns(2)
    with bce_col:  # the core names BCE's argument p; the page calls it y throughout
        st.latex(ll.in_y(ll.math_block(losses.binary_cross_entropy)))
        st.latex(ll.in_y(ll.math_block(losses.binary_cross_entropy_grad)))
    with se_col:
        st.latex(ll.math_block(losses.squared_error))
        st.latex(ll.math_block(losses.squared_error_grad))
    sync_url()


@st.fragment
def logit_section() -> None:
    """② |∂E/∂a| against a for sigmoid + BCE and sigmoid + MSE, a probe at the learner's a."""
    st.subheader(t("loss.logit"))
    example = ll.logit_probe(ll.EXAMPLE_A, 1)
    st.write(t("loss.logit_intro", a=example.a, y=example.y, ratio=ratio(example.ratio)))
    chart, controls = st.columns([3, 2])
    with controls:
        st.slider(t("loss.a"), ll.A_MIN, ll.A_MAX, key="loss.a", step=0.1)
        target = keep("loss.ta", st.radio(t("loss.ta"), (0, 1), key="loss.ta", horizontal=True,
                                          format_func=lambda v: t("loss.ta_option", t=v)))
        probe = ll.logit_probe(float(st.session_state["loss.a"]), target)
        st.table(pd.DataFrame({
            t("loss.col_pair"): [t("loss.pair_bce"), t("loss.pair_mse")],
            t("loss.col_dEda"): [fmt(probe.bce), fmt(probe.mse)],
        }), hide_index=True)
    with chart:
        names = {"bce": t("loss.bce_pair"), "mse": t("loss.mse_pair"), "grad": t("loss.axis_dEda"),
                 "a": t("loss.axis_a"), "probe": t("loss.probe")}
        st.plotly_chart(make_logit_figure(ll.logit_curves(target), probe, names),
                        key="loss.logit_chart", config=PLOTLY_CONFIG, alt=t("loss.logit_alt"))
    st.caption(t("loss.logit_probe", a=probe.a, y=probe.y, dsigma=probe.dsigma))
    st.info(t(f"loss.{probe.verdict}", ratio=ratio(probe.ratio), dsigma=probe.dsigma,
              limit=ll.SATURATED_DSIGMA))
    bce_col, mse_col = st.columns(2)
    bce_col.latex(ll.math_block(losses.binary_cross_entropy_with_logits_grad))
    mse_col.latex(ll.SIGMOID_MSE_LATEX)
    sync_url()


def read_logits() -> tuple[float, ...]:
    parsed = lg.parse_logits(st.session_state["loss.logits"], lg.DEFAULT_LOGITS)
    for kind, detail in parsed.problems:
        st.warning(t(f"loss.problem.{kind}", detail=detail, max_abs=lg.MAX_ABS_LOGIT,
                     default=lg.format_logits(lg.DEFAULT_LOGITS)))
    return parsed.values


@st.fragment
def softmax_section() -> None:
    """③ y − t next to Jᵀ·∂E/∂y, for logits and a label the learner types."""
    st.subheader(t("loss.softmax"))
    st.write(t("loss.softmax_intro"))
    chart, controls = st.columns([3, 2])
    with controls:
        st.text_input(t("loss.logits"), key="loss.logits",
                      help=t("loss.logits_help", max_abs=lg.MAX_ABS_LOGIT))
        st.number_input(t("loss.label"), 0, ll.MAX_LABEL, key="loss.label", step=1)
        a = read_logits()
        label = int(st.session_state["loss.label"])
        if label >= len(a):
            st.warning(t("loss.bad_label", label=label, n=len(a), top=len(a) - 1))
            label = 0
    routes = ll.softmax_routes(a, label)
    labels = [str(k) for k in range(len(a))]  # as the label is typed: from 0, as the textbook
    with chart:
        names = {"fused": t("loss.fused"), "jacobian": t("loss.jacobian"),
                 "grad": t("loss.axis_dEda_k"), "class": t("loss.col_class")}
        st.plotly_chart(make_routes_figure(labels, routes.fused, routes.via_jacobian, names),
                        key="loss.routes_chart", config=PLOTLY_CONFIG, alt=t("loss.routes_alt"))
    if routes.broken:  # y = 0 exactly (underflow), or a subnormal y whose −1/y overflows
        st.error(t("loss.routes_underflow" if routes.y_label == 0 else "loss.routes_overflow",
                   loss=routes.loss, y=fmt(routes.y_label)))
    else:
        st.success(t("loss.routes_equal", loss=routes.loss, diff=routes.max_diff))
    with st.container(key="loss-routes"):  # CSS: numbers never break (ui/layout_css.py)
        st.table(pd.DataFrame({
            t("loss.col_k"): labels, t("loss.col_a"): [fmt(v) for v in routes.a],
            t("loss.col_y"): [fmt(v) for v in routes.y], t("loss.col_t"): [fmt(v) for v in routes.t],
            t("loss.col_dEdy"): [fmt(v) for v in routes.de_dy],
            t("loss.col_fused"): [fmt(v) for v in routes.fused],
            t("loss.col_jacobian"): [fmt(v) for v in routes.via_jacobian],
        }), hide_index=True)
    st.latex(ll.math_block(losses.softmax_cross_entropy_grad))
    st.latex(ll.JACOBIAN_ROUTE_LATEX)
    st.caption(t("loss.batch_note"))
    sync_url()


@st.fragment
def safety_section() -> None:
    """④ −log y, −log(y + 1e-7) and the stable form from the logits, side by side."""
    st.subheader(t("loss.safety"))
    st.write(t("loss.safety_intro"))
    naive_col, textbook_col = st.columns(2)
    for col, name, latex in ((naive_col, "naive", ll.NAIVE_LOG_LATEX),
                             (textbook_col, "textbook", ll.TEXTBOOK_LOG_LATEX)):
        col.caption(t(f"loss.{name}"))
        col.latex(latex)
    st.caption(t("loss.stable"))  # full width: the longest of the three
    st.latex(ll.STABLE_LOG_LATEX)
    extra = st.number_input(t("loss.extra_a"), -ll.EXTRA_A, ll.EXTRA_A, step=1.0,
                            key="loss.extra_a")  # empty (None) until a learner or a link adds one
    rows = ll.safety_rows(extra)
    with st.container(key="loss-safety"):  # CSS: as the routes table
        st.table(pd.DataFrame(
            [[fmt(r.a), fmt(r.y), fmt(r.naive), fmt(r.textbook), fmt(r.stable)] for r in rows],
            columns=[t("loss.col_a"), "y", t("loss.col_naive"), t("loss.col_textbook"),
                     t("loss.col_stable")]), hide_index=True)
    st.info(t("loss.delta_note", cap=ll.textbook_cap()))
    if (row := ll.below_zero(rows)) is not None:
        st.caption(t("loss.delta_negative", y=fmt(row.y), value=fmt(row.textbook)))
    sync_url()


st.title(t("loss.title"))
st.write(t("loss.intro"))
for problem in st.session_state.pop(URL_PROBLEMS, []):
    st.warning(t(f"loss.warn.{problem.code}", **problem.fields))
loss_section()
logit_section()
softmax_section()
safety_section()

st.subheader(t("loss.code"))
st.code(ll.exam_source(), language="python")
