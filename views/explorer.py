"""関数エクスプローラ: one activation's h and h', its parameters, a probe, and the study content.

The view lives in the URL. Widgets are NOT bound with ``bind="query-params"``: a bound
widget takes its key as the parameter name (``?explorer.fn=...`` instead of ``?fn=...``),
drops an invalid value silently, and its parameter can no longer be written through
``st.query_params``. Instead the page reads ``st.query_params`` before any widget exists,
cleans it (explorer_params.parse_query, which reports every bad value), seeds the widgets'
session state, and writes the cleaned view back to the URL after the widgets.

The controls and the chart are one ``st.fragment``: moving a slider reruns and re-sends only
them. The study below (formulas, exam points, code) sits in tabs that run only when open; a
control that changes it (the function, GELU's formula switch) asks for a full rerun.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from activations import REGISTRY, Spec
from plots.explorer import Labels, make_explorer_figure, probe, tangent_latex
from plots.explorer_morph import make_morph_figure
from ui.charts import PLOTLY_CONFIG
from ui.i18n import lang, pick, t
from ui.url_warnings import explorer_warn
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
    dragged_param,
    fmt_number,
    parse_query,
    to_query,
    x0_from_click,
)

SYNCED = "explorer._query"  # the query string this page wrote last: anything else is new
SYNCED_LANG = "explorer._lang"  # the language of the last run
URL_PROBLEMS = "explorer._url_problems"  # a new link's problems, warned about once
STUDY_STALE = "explorer._study_stale"  # a control changed what the study tabs show
VIEW = "explorer._view"  # the fragment's cleaned view, for the study tabs below it
CLICKED = "explorer._clicked"  # the chart click last turned into x₀
INPUT_PROBLEMS = "explorer._input_problems"  # a bad range or x₀ typed, and the fallback used
FIGURE = "explorer.figure"
DRAG = "explorer.drag"  # the browser side of drag and watch: the value a drag ended on

# Drag and watch: the slider under the chart swaps precomputed frames in the browser; when
# the finger lifts, this reports the value it rests on, which becomes the parameter's value.
_drag_bridge = st.components.v2.component(
    "actlab_explorer_drag", js=(Path(__file__).parent.parent / "ui" / "explorer_drag.js")
    .read_text("utf-8"), isolate_styles=False)


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


def _range_changed() -> None:
    """A range typed in the inputs: a bad one is replaced, in the inputs too, by the range
    the chart uses (and the page says so); a probe left outside moves inside, silently."""
    ss = st.session_state
    view, problems = clean_view(ss["explorer.fn"], {}, ss["explorer.xmin"], ss["explorer.xmax"],
                                None)
    if problems:
        ss[INPUT_PROBLEMS] = problems
        ss["explorer.xmin"], ss["explorer.xmax"] = view.xmin, view.xmax
    if not view.xmin <= ss["explorer.x0"] <= view.xmax:
        ss["explorer.x0"] = default_x0(view.xmin, view.xmax)


def _x0_changed() -> None:
    """A probe typed outside the range: the input shows the x₀ the chart uses instead."""
    ss = st.session_state
    view, problems = clean_view(ss["explorer.fn"], {}, ss["explorer.xmin"], ss["explorer.xmax"],
                                ss["explorer.x0"])
    if problems:
        ss[INPUT_PROBLEMS] = problems
        ss["explorer.x0"] = view.x0


def _study_changed() -> None:
    st.session_state[STUDY_STALE] = True


def _apply_click() -> None:
    """A click on the chart moves the probe there (before the x₀ input exists)."""
    ss = st.session_state
    points = ss[FIGURE].selection.points if FIGURE in ss else []
    if not points or points == ss.get(CLICKED):
        return
    ss[CLICKED] = points
    x0 = x0_from_click(points, ss["explorer.xmin"], ss["explorer.xmax"])
    if x0 is not None:
        ss["explorer.x0"] = x0


def _fn_label(fn: str) -> str:
    spec = REGISTRY[fn]
    name = pick(spec.name_ja, spec.name_en)
    return name if spec.in_notes else f"{name}（{t('explorer.advanced')}）"


def _param_text(p, value) -> str:
    """α = 0.01, or the GELU switch's label."""
    if p.kind == "bool":
        return t("explorer.gelu.tanh" if value else "explorer.gelu.exact")
    return f"{p.symbol} = {fmt_number(value)}"


def _param_widget(spec: Spec, p, shown: bool = True):
    key = _param_key(spec.name, p.name)
    # Written back every run: the value lives on while its slider is not drawn (in drag and
    # watch the chart has its own), and a slider drawn again shows it, not its minimum.
    st.session_state[key] = st.session_state.get(key, p.default)
    if not shown:
        return st.session_state[key]
    meaning = pick(p.meaning_ja, p.meaning_en)
    if p.kind == "bool":  # GELU's exact/tanh switch: the formulas and the code follow it
        names = {False: t("explorer.gelu.exact"), True: t("explorer.gelu.tanh")}
        return st.radio(t("explorer.gelu.label"), (False, True), key=key, horizontal=True,
                        help=meaning, format_func=names.__getitem__, on_change=_study_changed)
    # A plain letter, not LaTeX: the label is also what a screen reader speaks
    return st.slider(f"{p.symbol} — {meaning}", float(p.min), float(p.max),
                     step=float(p.step), key=key)


def _apply_drag() -> None:
    """The value a drag under the chart ended on becomes the parameter's value: it stays
    when the learner leaves drag and watch, and the URL carries it. Whatever the browser
    sends is checked like a typed value; a bad one is refused with a warning."""
    ss = st.session_state
    spec = REGISTRY.get(ss.get("explorer.fn"))
    p = _morph_param(spec) if spec is not None and spec.kind == "elementwise" else None
    value = (ss.get(DRAG) or {}).get("value")
    if p is None or value is None:
        return
    key = _param_key(spec.name, p.name)
    ss[key], problems = dragged_param(spec.name, p.name, value, ss.get(key, p.default))
    if problems:
        ss[INPUT_PROBLEMS] = problems


def _labels() -> Labels:
    return Labels(reference=t("explorer.legend.reference"), tangent=t("explorer.legend.tangent"),
                  probe=t("explorer.legend.probe"), taken=t("explorer.legend.taken"),
                  limit=t("explorer.legend.limit"))


def _morph_param(spec: Spec):
    """The parameter a learner can drag in the browser: the first numeric one, if any."""
    return next((p for p in spec.params if p.kind == "float"), None)


def _draw_morph(spec: Spec, view: ExplorerView) -> None:
    p = _morph_param(spec)
    fig = make_morph_figure(spec, view.param_dict, p.name, view.xmin, view.xmax,
                            show_h=view.show_h, show_grad=view.show_grad, labels=_labels(),
                            symbol=p.symbol)
    with st.container(key="explorer-morph-chart"):
        st.plotly_chart(fig, config=PLOTLY_CONFIG,
                        alt=t("explorer.chart_alt", name=pick(spec.name_ja, spec.name_en)))
    _drag_bridge(key=DRAG, data={}, height=0, on_value_change=_apply_drag)
    st.caption(t("explorer.morph_caption", symbol=p.symbol))


def _draw(spec: Spec, view: ExplorerView, morph: bool) -> None:
    if not (view.show_h or view.show_grad):
        st.info(t("explorer.nothing_shown"))
        return
    if morph:
        _draw_morph(spec, view)
        return
    # Not cached: building takes ~5 ms, less than unpickling a cached go.Figure (bench_app.py).
    fig = make_explorer_figure(spec, view.param_dict, view.xmin, view.xmax, show_h=view.show_h,
                               show_grad=view.show_grad, x0=view.x0, labels=_labels(),
                               clickable=True)
    st.plotly_chart(fig, key=FIGURE, on_select="rerun", selection_mode="points",
                    config=PLOTLY_CONFIG,
                    alt=t("explorer.chart_alt", name=pick(spec.name_ja, spec.name_en)))
    params = view.param_dict
    if spec.h_jump or (view.show_grad and spec.grad_jump(params)):
        st.caption(t("explorer.jump_caption"))
    if params != spec.defaults():
        defaults = ", ".join(_param_text(p, p.default) for p in spec.params)
        st.caption(t("explorer.reference_caption", defaults=defaults))


def _probe_readout(spec: Spec, view: ExplorerView) -> None:
    """h(x₀), h'(x₀), the tangent, and what a kink means there."""
    pr = probe(spec, view.param_dict, view.x0)
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


def _main_controls() -> tuple[Spec, dict, bool]:
    """Right under the chart, on a phone too: the function and what moves its curve."""
    # Labels looked up, not computed, in format_func: it must not need the session (AppTest
    # calls it outside a script run).
    fn_labels = {name: _fn_label(name) for name in REGISTRY}
    left, right = st.columns(2)
    fn = left.selectbox(t("explorer.fn"), tuple(REGISTRY), key="explorer.fn",
                        format_func=fn_labels.__getitem__, on_change=_study_changed)
    spec = REGISTRY[fn]
    if spec.kind != "elementwise":
        return spec, {}, False
    dragged = _morph_param(spec)
    morph = dragged is not None and st.session_state.get("explorer.morph", False)
    with right:
        values = {p.name: _param_widget(spec, p, shown=not (morph and p is dragged))
                  for p in spec.params}
        if dragged is not None:
            morph = st.toggle(t("explorer.morph", symbol=dragged.symbol), key="explorer.morph",
                              help=t("explorer.morph_help"))
    return spec, values, morph


def _view_controls(spec: Spec, values: dict) -> tuple[ExplorerView, list[Problem]]:
    """The probe, the x-range and which curves: beside the chart, after it on a phone."""
    ss = st.session_state
    if spec.kind != "elementwise":
        return clean_view(spec.name, {}, ss["explorer.xmin"], ss["explorer.xmax"],
                          ss["explorer.x0"])
    x0 = st.number_input(t("explorer.probe"), -X_LIMIT, X_LIMIT, step=0.1, format="%g",
                         key="explorer.x0", help=t("explorer.probe_help"),
                         on_change=_x0_changed)
    st.markdown(f"**{t('explorer.range')}**")
    lo, hi = st.columns(2)
    xmin = lo.number_input(t("explorer.xmin"), -X_LIMIT, X_LIMIT, step=0.5, format="%g",
                           key="explorer.xmin", on_change=_range_changed)
    xmax = hi.number_input(t("explorer.xmax"), -X_LIMIT, X_LIMIT, step=0.5, format="%g",
                           key="explorer.xmax", on_change=_range_changed)
    show_h = st.toggle(t("explorer.show_h"), key="explorer.show_h")
    show_grad = st.toggle(t("explorer.show_grad"), key="explorer.show_grad")
    return clean_view(spec.name, values, xmin, xmax, x0, show_h, show_grad)


@st.fragment
def _lab() -> None:
    """Controls and chart: a control's rerun stays in here unless the study must follow."""
    ss = st.session_state
    if ss.pop(STUDY_STALE, False):
        st.rerun(scope="app")
    _apply_click()
    warnings = st.container()
    # Chart first, the control that moves it right under it: on a phone the columns stack,
    # and the chart and its control stay on one screen while the learner moves it.
    chart, side = st.columns([2.4, 1], gap="large")
    with chart:
        slot = st.container()
        spec, values, morph = _main_controls()
    with side:
        view, input_problems = _view_controls(spec, values)
    with warnings:
        explorer_warn(ss.pop(URL_PROBLEMS, []) + ss.pop(INPUT_PROBLEMS, []) + input_problems)
    with slot:
        if spec.kind == "elementwise":
            _draw(spec, view, morph)
        else:
            st.info(t("explorer.vector_note", name=pick(spec.name_ja, spec.name_en)))
            st.page_link("views/softmax.py", label=t("explorer.vector_link"),
                         icon=":material/casino:")
    # Below both columns: on a phone the controls come right after the chart, then this.
    if spec.kind == "elementwise" and (view.show_h or view.show_grad) and not morph:
        _probe_readout(spec, view)
    ss[VIEW] = view
    query = to_query(view)
    if st.query_params.to_dict() != query:
        st.query_params.from_dict(query)
    ss[SYNCED] = query


def _study(spec: Spec, params: dict) -> None:
    """Formulas, exam points and code, each in a tab that runs only while it is open."""
    formulas, points, code = st.tabs(
        [t("explorer.formulas"), t("explorer.study"), t("explorer.code")],
        key="explorer.tab", on_change="rerun")
    if formulas.open:
        with formulas:
            st.latex(spec.latex_for(params))
            st.latex(spec.latex_grad_for(params))
            st.markdown(f"{t('explorer.output_range')}: $h \\in {spec.range_latex}$")
    if points.open:
        with points:
            study = spec.study.for_lang(lang())
            for column, part in zip(st.columns(3), ("uses", "pros", "cons"), strict=True):
                with column:
                    st.markdown(f"**{t(f'explorer.{part}')}**")
                    st.markdown("\n".join(f"- {escape_markdown(item)}" for item in study[part]))
            if study["remarks"]:
                st.markdown(f"**{t('explorer.remarks')}**")
                st.markdown("\n".join(f"- {escape_markdown(item)}"
                                      for item in study["remarks"]))
    if code.open:
        with code:
            st.code(spec.exam_source(params), language="python")


raw = st.query_params.to_dict()
if raw != st.session_state.get(SYNCED):
    url_view, st.session_state[URL_PROBLEMS] = parse_query(raw)
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
_lab()
_view = st.session_state[VIEW]
_study(REGISTRY[_view.fn], _view.param_dict)
