"""関数エクスプローラ: one activation's h and h', its parameters, a probe, and the study content.

The view lives in the URL. Widgets are NOT bound with ``bind="query-params"``: a bound
widget takes its key as the parameter name (``?explorer.fn=...`` instead of ``?fn=...``),
drops an invalid value silently, and its parameter can no longer be written through
``st.query_params``. Instead the page reads ``st.query_params`` before any widget exists,
cleans it (explorer_params.parse_query, which reports every bad value), seeds the widgets'
session state, and writes the cleaned view back to the URL after the widgets.
"""

from __future__ import annotations

import streamlit as st

from activations import REGISTRY, Spec
from plots.explorer import Labels, make_explorer_figure, probe, tangent_latex
from ui.i18n import lang, pick, t
from viewstate.compare_tables import escape_markdown
from viewstate.explorer_params import (
    DEFAULT_X0,
    DEFAULT_XMAX,
    DEFAULT_XMIN,
    X_LIMIT,
    ExplorerView,
    Problem,
    clean_view,
    default_x0,
    fmt_number,
    parse_query,
    to_query,
)

SYNCED = "explorer._query"  # the query string this page wrote last: anything else is new
SYNCED_LANG = "explorer._lang"  # the language of the last run


def _param_key(fn: str, name: str) -> str:
    return f"explorer.{fn}.{name}"  # per function: α of Leaky ReLU and of ELU differ in range


def _seed(view: ExplorerView) -> None:
    """Put a (cleaned) view into the widgets' state, before they are created."""
    st.session_state["explorer.fn"] = view.fn
    for name, value in view.params:
        st.session_state[_param_key(view.fn, name)] = value
    st.session_state["explorer.xmin"] = view.xmin
    st.session_state["explorer.xmax"] = view.xmax
    st.session_state["explorer.x0"] = view.x0
    st.session_state["explorer.show_h"] = view.show_h
    st.session_state["explorer.show_grad"] = view.show_grad


def _keep_probe_inside() -> None:
    """After a range change, move a probe left outside to the new range (no warning needed)."""
    ss = st.session_state
    xmin, xmax, x0 = ss["explorer.xmin"], ss["explorer.xmax"], ss["explorer.x0"]
    if xmin < xmax and not xmin <= x0 <= xmax:
        ss["explorer.x0"] = default_x0(xmin, xmax)


def _fn_label(fn: str) -> str:
    spec = REGISTRY[fn]
    name = pick(spec.name_ja, spec.name_en)
    return name if spec.in_notes else f"{name}（{t('explorer.advanced')}）"


def _param_text(p, value) -> str:
    """α = 0.01, or the GELU switch's label."""
    if p.kind == "bool":
        return t("explorer.gelu.tanh" if value else "explorer.gelu.exact")
    return f"${p.symbol}$ = {fmt_number(value)}"


def _param_widget(spec: Spec, p):
    key = _param_key(spec.name, p.name)
    if key not in st.session_state:
        st.session_state[key] = p.default
    meaning = pick(p.meaning_ja, p.meaning_en)
    if p.kind == "bool":  # GELU's exact/tanh switch
        names = {False: t("explorer.gelu.exact"), True: t("explorer.gelu.tanh")}
        return st.radio(t("explorer.gelu.label"), (False, True), key=key, horizontal=True,
                        help=meaning, format_func=names.__getitem__)
    return st.slider(f"${p.symbol}$ — {meaning}", float(p.min), float(p.max),
                     step=float(p.step), key=key)


def _labels() -> Labels:
    return Labels(reference=t("explorer.legend.reference"), tangent=t("explorer.legend.tangent"),
                  probe=t("explorer.legend.probe"), taken=t("explorer.legend.taken"),
                  limit=t("explorer.legend.limit"))


def _warn(problems: list[Problem]) -> None:
    for p in problems:
        st.warning(t(f"explorer.warn.{p.code}", **p.fields), icon="⚠️")


def _draw(spec: Spec, view: ExplorerView) -> None:
    if not (view.show_h or view.show_grad):
        st.info(t("explorer.nothing_shown"))
        return
    # Not cached: building takes ~5 ms, less than unpickling a cached go.Figure (bench_app.py).
    fig = make_explorer_figure(spec, view.param_dict, view.xmin, view.xmax, show_h=view.show_h,
                               show_grad=view.show_grad, x0=view.x0, labels=_labels())
    st.plotly_chart(fig, alt=t("explorer.chart_alt", name=pick(spec.name_ja, spec.name_en)))
    params = view.param_dict
    if spec.h_jump or (view.show_grad and spec.grad_jump(params)):
        st.caption(t("explorer.jump_caption"))
    if params != spec.defaults():
        defaults = ", ".join(_param_text(p, p.default) for p in spec.params)
        st.caption(t("explorer.reference_caption", defaults=defaults))

    pr = probe(spec, params, view.x0)
    c1, c2 = st.columns(2)
    c1.metric(f"h({fmt_number(view.x0)})", f"{pr.h:.6g}")
    c2.metric(f"h'({fmt_number(view.x0)})", f"{pr.grad:.6g}")
    st.markdown(f"{t('explorer.tangent_eq')}: ${tangent_latex(pr)}$")
    if pr.h_jumps:
        st.info(t("explorer.kink_h", x0=fmt_number(view.x0), value=f"{pr.h:.6g}",
                  other=f"{pr.h_other:.6g}"))
    if pr.grad_jumps:
        st.info(t("explorer.kink_grad", x0=fmt_number(view.x0), value=f"{pr.grad:.6g}",
                  other=f"{pr.grad_other:.6g}"))


def _study(spec: Spec, params: dict) -> None:
    st.subheader(t("explorer.formulas"))
    st.latex(spec.latex_for(params))
    st.latex(spec.latex_grad_for(params))
    st.markdown(f"{t('explorer.output_range')}: $h \\in {spec.range_latex}$")

    st.subheader(t("explorer.study"))
    study = spec.study.for_lang(lang())
    for column, part in zip(st.columns(3), ("uses", "pros", "cons"), strict=True):
        with column:
            st.markdown(f"**{t(f'explorer.{part}')}**")
            st.markdown("\n".join(f"- {escape_markdown(item)}" for item in study[part]))
    if study["remarks"]:
        st.markdown(f"**{t('explorer.remarks')}**")
        st.markdown("\n".join(f"- {escape_markdown(item)}" for item in study["remarks"]))

    st.subheader(t("explorer.code"))
    st.code(spec.exam_source(params), language="python")


raw = st.query_params.to_dict()
url_problems: list[Problem] = []
if raw != st.session_state.get(SYNCED):
    url_view, url_problems = parse_query(raw)
    _seed(url_view)
elif st.session_state.get(SYNCED_LANG) != lang():
    # The selectbox and the GELU switch send their choice as its label, which the language
    # toggle just changed: restore the view from the URL instead of losing it.
    _seed(parse_query(raw)[0])
st.session_state[SYNCED_LANG] = lang()

# A widget that was not drawn last run (e.g. after a vector function) has lost its state.
for _key, _default in (("explorer.xmin", DEFAULT_XMIN), ("explorer.xmax", DEFAULT_XMAX),
                       ("explorer.x0", DEFAULT_X0), ("explorer.show_h", True),
                       ("explorer.show_grad", True)):
    st.session_state.setdefault(_key, _default)

st.title(t("explorer.title"))
st.caption(t("explorer.intro"))
warnings = st.container()

controls, chart = st.columns([1, 2.4], gap="large")
with controls:
    # Labels looked up, not computed, in format_func: it must not need the session (AppTest
    # calls it outside a script run).
    fn_labels = {name: _fn_label(name) for name in REGISTRY}
    fn = st.selectbox(t("explorer.fn"), tuple(REGISTRY), key="explorer.fn",
                      format_func=fn_labels.__getitem__)
    spec = REGISTRY[fn]
    if spec.kind == "elementwise":
        values = {p.name: _param_widget(spec, p) for p in spec.params}
        st.markdown(f"**{t('explorer.range')}**")
        lo, hi = st.columns(2)
        xmin = lo.number_input(t("explorer.xmin"), -X_LIMIT, X_LIMIT, step=0.5, format="%g",
                               key="explorer.xmin", on_change=_keep_probe_inside)
        xmax = hi.number_input(t("explorer.xmax"), -X_LIMIT, X_LIMIT, step=0.5, format="%g",
                               key="explorer.xmax", on_change=_keep_probe_inside)
        show_h = st.toggle(t("explorer.show_h"), key="explorer.show_h")
        show_grad = st.toggle(t("explorer.show_grad"), key="explorer.show_grad")
        x0 = st.number_input(t("explorer.probe"), -X_LIMIT, X_LIMIT, step=0.1, format="%g",
                             key="explorer.x0", help=t("explorer.probe_help"))
        view, input_problems = clean_view(fn, values, xmin, xmax, x0, show_h, show_grad)
    else:
        view, input_problems = clean_view(fn, {}, st.session_state["explorer.xmin"],
                                          st.session_state["explorer.xmax"],
                                          st.session_state["explorer.x0"])

with warnings:
    _warn(url_problems + input_problems)

with chart:
    if spec.kind == "elementwise":
        _draw(spec, view)
    else:
        st.info(t("explorer.vector_note", name=pick(spec.name_ja, spec.name_en)))
        st.page_link("views/softmax.py", label=t("explorer.vector_link"), icon=":material/casino:")

_study(spec, view.param_dict)

query = to_query(view)
if raw != query:
    st.query_params.from_dict(query)
st.session_state[SYNCED] = query
