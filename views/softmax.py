"""ソフトマックス・ラボ (/softmax): probabilities, temperature, the Jacobian, overflow, shift
invariance and the two-class case, each computed by `logits` and drawn by plots.softmax_lab.

The logits and T live in the URL (``/softmax?logits=1,2,3&T=0.5``), read before the
widgets exist and written back after them.

Each section with its own controls is an ``st.fragment``: the logits and T rerun the
probabilities, the Jacobian and the shift check (all drawn from them); the overflow and the
two-class sections rerun alone; the formulas and the code are never re-sent.
"""

import pandas as pd
import streamlit as st

import activations as act
from plots.softmax_lab import (
    class_labels,
    indexed,
    make_jacobian_figure,
    make_probability_figure,
)
from ui.charts import PLOTLY_CONFIG
from ui.i18n import t
from viewstate import logits as lg

SPEC = act.REGISTRY["softmax"]
SYNCED = "softmax._query"  # the query this page wrote last: anything else is a new link
DEFAULTS = {
    "softmax.big": lg.format_logits(lg.OVERFLOW_LOGITS),
    "softmax.c": 100.0,
    "softmax.two_a": 2.0,
    "softmax.two_b": 0.5,
}
URL_T_OK = "softmax._url_t_ok"  # False once, after a link with a bad T
raw = st.query_params.to_dict()
if raw != st.session_state.get(SYNCED) or "softmax.logits" not in st.session_state:
    text, url_temperature, st.session_state[URL_T_OK] = lg.parse_query(raw)
    st.session_state["softmax.logits"] = text
    st.session_state["softmax.T"] = url_temperature
for key, value in DEFAULTS.items():
    if key not in st.session_state:
        st.session_state[key] = value


def read_logits(key: str, default: tuple[float, ...]) -> tuple[float, ...]:
    """The logits typed into ``key``, warning (in the learner's language) about bad input."""
    parsed = lg.parse_logits(st.session_state[key], default)
    for kind, detail in parsed.problems:
        st.warning(t(f"softmax.problem.{kind}", detail=detail, default=lg.format_logits(default),
                     max_abs=lg.MAX_ABS_LOGIT))
    return parsed.values


def fmt(values) -> list[str]:
    return [lg.format_value(float(v)) for v in values]


def overflow_table(big, both) -> pd.DataFrame:
    """One row per quantity, one column per class: three numbers a row fit a phone's width."""
    rows = ((t("softmax.col_logit"), both.x), (t("softmax.col_naive_exp"), both.naive_exp),
            (t("softmax.col_naive"), both.naive), (t("softmax.col_stable_exp"), both.stable_exp),
            (t("softmax.col_stable"), both.stable))
    return pd.DataFrame([[label, *fmt(v)] for label, v in rows],
                        columns=[t("softmax.col_quantity"), *class_labels(len(big))])


@st.fragment
def probabilities() -> None:
    """The logits and T, and everything drawn from them."""
    chart, controls = st.columns([3, 2])  # chart first: it leads a phone's first screen
    with controls:
        st.text_input(t("softmax.logits"), key="softmax.logits",
                      help=t("softmax.logits_help", max_abs=lg.MAX_ABS_LOGIT))
        st.slider(t("softmax.temperature"), lg.T_MIN, lg.T_MAX, key="softmax.T", step=0.1,
                  help=t("softmax.temperature_help"))
        x = read_logits("softmax.logits", lg.DEFAULT_LOGITS)
        temperature, ok = lg.check_temperature(st.session_state["softmax.T"])
        if not (ok and st.session_state.pop(URL_T_OK, True)):
            st.warning(t("softmax.bad_temperature", lo=lg.T_MIN, hi=lg.T_MAX))
        view = lg.at_temperature(x, temperature)
        labels = class_labels(len(x))
        st.table(pd.DataFrame({t("softmax.col_class"): labels,
                               t("softmax.col_logit"): fmt(view.x),
                               t("softmax.col_scaled"): fmt(view.scaled),
                               t("softmax.col_prob"): fmt(view.probs)}), hide_index=True)
    with chart:
        st.header(t("softmax.probabilities"))
        series = {t("softmax.series_t", t=temperature): view.probs}
        if temperature != 1.0:
            series[t("softmax.series_t1")] = lg.softmax_t(x, 1.0)
        st.plotly_chart(make_probability_figure(labels, series, t("softmax.axis_prob"),
                                                faint=(t("softmax.series_t1"),)),
                        key="softmax.prob_figure", config=PLOTLY_CONFIG,
                        alt=t("softmax.prob_alt"))
        st.caption(t("softmax.sum_note", total=view.total, top=labels[view.top]))
    st.caption(t("softmax.formula"))  # full width: the formulas do not fit a column
    st.latex(SPEC.latex)
    st.latex(lg.TEMPERATURE_LATEX)

    # --- the Jacobian -------------------------------------------------------------------
    st.header(t("softmax.jacobian"))
    st.write(t("softmax.jacobian_intro"))
    st.latex(SPEC.latex_grad)
    st.latex(lg.JACOBIAN_MATRIX_LATEX)
    # columns are z_j = x_j / T: the derivative is taken with respect to the scaled logits
    st.plotly_chart(make_jacobian_figure(view.jacobian, indexed("z", len(x)),
                                         t("softmax.jacobian_colorbar")),
                    key="softmax.jacobian_figure", config=PLOTLY_CONFIG,
                    alt=t("softmax.jacobian_alt"))
    st.caption(t("softmax.jacobian_rows", worst=view.worst_row_sum))

    # --- shift invariance (of the same logits) ------------------------------------------
    st.header(t("softmax.shift"))
    st.latex(lg.SHIFT_LATEX)
    st.slider(t("softmax.shift_c"), -1000.0, 1000.0, key="softmax.c", step=10.0)
    p, q, diff = lg.shift_invariance(x, st.session_state["softmax.c"])
    st.plotly_chart(make_probability_figure(labels, {t("softmax.series_x"): p,
                                                     t("softmax.series_xc"): q},
                                            t("softmax.axis_prob")),
                    key="softmax.shift_figure", config=PLOTLY_CONFIG,
                    alt=t("softmax.shift_alt"))
    st.caption(t("softmax.shift_note") + " " + t("softmax.shift_diff", diff=diff))

    query = lg.to_query(x, temperature)
    if st.query_params.to_dict() != query:
        st.query_params.from_dict(query)
    st.session_state[SYNCED] = query


@st.fragment
def overflow() -> None:
    """Naive exp against the max-subtracted form, on its own logits."""
    st.header(t("softmax.overflow"))
    st.write(t("softmax.overflow_intro"))
    naive_col, stable_col = st.columns(2)
    with naive_col:
        st.caption(t("softmax.naive"))
        st.latex(lg.NAIVE_LATEX)
    with stable_col:
        st.caption(t("softmax.stable"))
        st.latex(lg.STABLE_LATEX)
    st.text_input(t("softmax.big_logits"), key="softmax.big")
    big = read_logits("softmax.big", lg.OVERFLOW_LOGITS)
    both = lg.naive_vs_stable(big)
    with st.container(key="softmax-overflow"):  # CSS: numbers never break (ui/layout_css.py)
        st.table(overflow_table(big, both), hide_index=True)
    if both.naive_failed:
        st.error(t("softmax.naive_failed", total=lg.format_value(both.naive_sum)))
    else:
        st.info(t("softmax.naive_ok"))
    st.caption(t("softmax.stable_note", c=both.shift, total=both.stable_total))


@st.fragment
def two_classes() -> None:
    st.header(t("softmax.two"))
    st.latex(lg.TWO_CLASS_LATEX)
    a_col, b_col = st.columns(2)
    a_col.number_input(t("softmax.two_a"), -1000.0, 1000.0, key="softmax.two_a", step=0.5)
    b_col.number_input(t("softmax.two_b"), -1000.0, 1000.0, key="softmax.two_b", step=0.5)
    via_softmax, via_sigmoid, gap = lg.two_class(st.session_state["softmax.two_a"],
                                            st.session_state["softmax.two_b"])
    m1, m2 = st.columns(2)
    m1.metric(t("softmax.two_softmax"), f"{via_softmax:.12g}")
    m2.metric(t("softmax.two_sigmoid"), f"{via_sigmoid:.12g}")
    st.caption(t("softmax.two_diff", diff=gap))


st.title(t("softmax.title"))
st.write(t("softmax.intro"))
probabilities()
overflow()
two_classes()

st.header(t("softmax.code"))
st.code(SPEC.exam_source(), language="python")
st.caption(t("softmax.code_note"))
