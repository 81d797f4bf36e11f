"""比較 (/compare): several functions overlaid, their saturation regions, the summary tables.

The view lives in the URL (``?fns=sigmoid,relu&which=grad&xmin=-5&xmax=5``), read before
any widget exists (so a bad value can be warned about) and written back after them.
The controls, the chart and the saturation table are one ``st.fragment``: a control reruns and
re-sends only them, not the summary tables below.
"""

import plotly.graph_objects as go
import streamlit as st

import activations as act
from activations.registry import docstring_latex
from plots.compare import SATURATION, format_regions, make_compare_figure, saturation_regions
from plots.gated import gate_facts, make_gated_figure
from ui.charts import PLOTLY_CONFIG
from ui.i18n import lang, t
from ui.url_warnings import compare_warn
from viewstate.compare_tables import (
    display_name,
    escape_markdown,
    formula_rows,
    guide_rows,
    study_rows,
)
from viewstate.compare_view import (
    DEFAULT_FNS,
    X_LIMIT,
    CompareView,
    clean_view,
    parse_query,
    to_query,
)

SYNCED = "compare._query"  # the query this page wrote last: anything else is a new link
SYNCED_LANG = "compare._lang"  # a language switch relabels the widgets: re-seed them
URL_PROBLEMS = "compare._url_problems"  # a new link's problems, warned about once


def seed(view: CompareView) -> None:
    st.session_state["compare.fns"] = list(view.fns)
    st.session_state["compare.which"] = view.which
    st.session_state["compare.xrange"] = (view.xmin, view.xmax)


def warn(problems) -> None:
    compare_warn(problems, ", ".join(display_name(n, language) for n in DEFAULT_FNS))


def regions_list(names: list[str], labels: dict, xmin: float, xmax: float) -> None:
    """Each function's saturation regions, one line each: a list, not a table, so that a
    phone never breaks a function's name across lines."""
    lines = []
    for n in names:
        spec = act.REGISTRY[n]
        regions = saturation_regions(spec, spec.defaults(), xmin, xmax)
        if not regions:
            text = t("compare.regions_none")
        elif regions == [(xmin, xmax)]:
            text = t("compare.regions_all")
        else:
            text = format_regions(regions)
        lines.append(f"- **{escape_markdown(labels[n])}**：{escape_markdown(text)}")
    with st.container(key="compare-regions"):
        st.markdown("\n".join(lines))


@st.fragment
def lab() -> None:
    """Controls, chart and saturation regions: what a control changes, and nothing else."""
    language = lang()
    warnings = st.container()
    # Chart first: on a phone the columns stack and the chart must lead the first screen.
    # The h / h' switch sits right above the curves, so a phone shows both at once.
    chart, controls = st.columns([2, 1.1], gap="large")
    with chart:
        which = st.radio(t("compare.which"), ("h", "grad"), key="compare.which",
                         horizontal=True, format_func=lambda w: t(f"compare.which_{w}"))
        slot = st.container()
    with controls:
        names = st.multiselect(t("compare.fns"), act.ELEMENTWISE, key="compare.fns",
                               format_func=lambda n: display_name(n, language),
                               help=t("compare.fns_help"), wrap=True)  # every chip in view
        xmin, xmax = st.slider(t("compare.xrange"), -X_LIMIT, X_LIMIT, key="compare.xrange",
                               step=0.5)
    view, input_problems = clean_view(names, which, xmin, xmax)
    with warnings:
        warn(st.session_state.pop(URL_PROBLEMS, []) + input_problems)
    names, which, xmin, xmax = list(view.fns), view.which, view.xmin, view.xmax

    labels = {n: display_name(n, language) for n in names}
    axis_titles = {"x": t("compare.axis_x"), "y": t(f"compare.axis_{which}"),
                   "lanes": t("compare.axis_lanes")}
    with slot:
        st.plotly_chart(make_compare_figure(names, which, xmin, xmax, labels, axis_titles),
                        key="compare.figure", config=PLOTLY_CONFIG,
                        alt=t("compare.chart_alt", what=t(f"compare.which_{which}"),
                              threshold=SATURATION))
        st.caption(t("compare.saturation_caption", threshold=SATURATION))
        with st.expander(t("compare.regions_title", threshold=SATURATION)):
            regions_list(names, labels, xmin, xmax)

    query = to_query(view)
    if st.query_params.to_dict() != query:
        st.query_params.from_dict(query)
    st.session_state[SYNCED] = query


language = lang()
raw = st.query_params.to_dict()
if raw != st.session_state.get(SYNCED):
    url_view, st.session_state[URL_PROBLEMS] = parse_query(raw)
    seed(url_view)
elif st.session_state.get(SYNCED_LANG) != language:
    seed(parse_query(raw)[0])
st.session_state[SYNCED_LANG] = language
if "compare.fns" not in st.session_state:  # back from another page: widget state was dropped
    seed(parse_query(raw)[0])


@st.cache_data(max_entries=4, show_spinner=False)
def gated_figure(labels: tuple[tuple[str, str], ...]) -> go.Figure:
    return make_gated_figure(dict(labels))


def gated_section() -> None:
    """GLU and SwiGLU: not elementwise, so not in the chart above; folded, so the page's
    layout stays as it was for whoever does not open it."""
    with st.expander(t("compare.gated.title")):
        st.markdown(t("compare.gated.body"))
        st.latex(docstring_latex(act.glu))
        st.latex(docstring_latex(act.swiglu))
        st.caption(t("compare.gated.convention"))
        labels = {"glu": t("compare.gated.panel_glu"), "swiglu": t("compare.gated.panel_swiglu"),
                  "x": t("compare.gated.axis_x"), "y": t("compare.gated.axis_y"),
                  "b": t("compare.gated.legend_b")}
        st.plotly_chart(gated_figure(tuple(labels.items())), key="compare.gated_figure",
                        config=PLOTLY_CONFIG, alt=t("compare.gated.chart_alt"))
        st.caption(t("compare.gated.caption", **gate_facts()))


st.title(t("compare.title"))
st.write(t("compare.intro"))
lab()
gated_section()

st.header(t("compare.tables_title"))
st.caption(t("compare.tables_note"))


def cards(rows: list, key: str, draw) -> None:
    """One bordered card per row, two a row (one a row on a phone, where the columns stack):
    a table does not fit a phone's width and breaks names inside a word; a card keeps each
    name whole, as its heading."""
    with st.container(key=key):
        for i in range(0, len(rows), 2):
            for column, r in zip(st.columns(2), rows[i:i + 2], strict=False):
                with column, st.container(border=True):
                    draw(r)


def formula_card(r) -> None:
    st.markdown(f"**{r.name}**")
    st.markdown(r.h)
    st.markdown(r.dh)
    st.markdown(f"{t('compare.col_range')}: {r.range}")


def study_card(r) -> None:
    st.markdown(f"**{escape_markdown(r.name)}**")
    st.markdown(f"{t('compare.col_pros')}  \n{r.pros}")
    st.markdown(f"{t('compare.col_cons')}  \n{r.cons}")


def guide_card(r) -> None:
    st.markdown(f"**{escape_markdown(r.use)}**")
    st.markdown(f"{t('compare.col_recommended')}：" + " / ".join(
        f"**{escape_markdown(name)}**" for name in r.names))
    st.markdown(f"{t('compare.col_reason')}：{escape_markdown(r.reason)}")


st.subheader(t("compare.table_formulas"))
cards(formula_rows(language), "compare-formulas", formula_card)
st.subheader(t("compare.table_study"))
cards(study_rows(language), "compare-study", study_card)
st.subheader(t("compare.table_guide"))
cards(guide_rows(language), "compare-guide", guide_card)
