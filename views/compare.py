"""比較 (/compare): several functions overlaid, their saturation regions, the summary tables.

The view lives in the URL (``?fns=sigmoid,relu&which=grad&xmin=-5&xmax=5``), read before
any widget exists (so a bad value can be warned about) and written back after them.
The controls, the chart and the saturation table are one ``st.fragment``: a control reruns and
re-sends only them, not the summary tables below.
"""

import pandas as pd
import streamlit as st

import activations as act
from plots.compare import SATURATION, format_regions, make_compare_figure, saturation_regions
from ui.charts import PLOTLY_CONFIG
from ui.i18n import lang, t
from ui.url_warnings import compare_warn
from viewstate.compare_tables import display_name, formula_rows, guide_rows, study_rows
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


def regions_table(names: list[str], labels: dict, xmin: float, xmax: float) -> None:
    region_rows = []
    for n in names:
        spec = act.REGISTRY[n]
        regions = saturation_regions(spec, spec.defaults(), xmin, xmax)
        if not regions:
            text = t("compare.regions_none")
        elif regions == [(xmin, xmax)]:
            text = t("compare.regions_all")
        else:
            text = format_regions(regions)
        region_rows.append({t("compare.col_function"): labels[n], t("compare.col_regions"): text})
    st.table(pd.DataFrame(region_rows), hide_index=True)


@st.fragment
def lab() -> None:
    """Controls, chart and saturation regions: what a control changes, and nothing else."""
    language = lang()
    warnings = st.container()
    # Chart first: on a phone the columns stack and the chart must lead the first screen.
    chart, controls = st.columns([2, 1.1], gap="large")  # room for the chips of 4+ names
    with controls:
        names = st.multiselect(t("compare.fns"), act.ELEMENTWISE, key="compare.fns",
                               format_func=lambda n: display_name(n, language),
                               help=t("compare.fns_help"))
        which = st.radio(t("compare.which"), ("h", "grad"), key="compare.which",
                         horizontal=True, format_func=lambda w: t(f"compare.which_{w}"))
        xmin, xmax = st.slider(t("compare.xrange"), -X_LIMIT, X_LIMIT, key="compare.xrange",
                               step=0.5)
    view, input_problems = clean_view(names, which, xmin, xmax)
    with warnings:
        warn(st.session_state.pop(URL_PROBLEMS, []) + input_problems)
    names, which, xmin, xmax = list(view.fns), view.which, view.xmin, view.xmax

    labels = {n: display_name(n, language) for n in names}
    axis_titles = {"x": t("compare.axis_x"), "y": t(f"compare.axis_{which}"),
                   "lanes": t("compare.axis_lanes")}
    with chart:
        st.plotly_chart(make_compare_figure(names, which, xmin, xmax, labels, axis_titles),
                        key="compare.figure", config=PLOTLY_CONFIG,
                        alt=t("compare.chart_alt", what=t(f"compare.which_{which}"),
                              threshold=SATURATION))
        st.caption(t("compare.saturation_caption", threshold=SATURATION))
        with st.expander(t("compare.regions_title", threshold=SATURATION)):
            regions_table(names, labels, xmin, xmax)

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

st.title(t("compare.title"))
st.write(t("compare.intro"))
lab()

st.header(t("compare.tables_title"))
st.caption(t("compare.tables_note"))


def show_table(rows: list, columns: tuple[tuple[str, str], ...]) -> None:
    """A static table of dataclass rows; columns are (field, catalogue key of the header)."""
    st.table(pd.DataFrame([{t(key): getattr(r, f) for f, key in columns} for r in rows]),
             hide_index=True)


def formula_cards(rows) -> None:
    """One card per function (two a row, one a row on a phone): a formula table does not fit
    a phone's width, and a card keeps each name whole."""
    with st.container(key="compare-formulas"):
        for i in range(0, len(rows), 2):
            for column, r in zip(st.columns(2), rows[i:i + 2], strict=False):
                with column, st.container(border=True):
                    st.markdown(f"**{r.name}**")
                    st.markdown(r.h)
                    st.markdown(r.dh)
                    st.markdown(f"{t('compare.col_range')}: {r.range}")


st.subheader(t("compare.table_formulas"))
formula_cards(formula_rows(language))
st.subheader(t("compare.table_study"))
show_table(study_rows(language), (("name", "compare.col_function"), ("pros", "compare.col_pros"),
                                  ("cons", "compare.col_cons")))
st.subheader(t("compare.table_guide"))
show_table(guide_rows(language), (("use", "compare.col_use"), ("fns", "compare.col_recommended"),
                                  ("reason", "compare.col_reason")))
