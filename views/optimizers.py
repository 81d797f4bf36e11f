"""オプティマイザ・ラボ: optimizers' paths on a surface's contours, scrubbed in the browser.

The core computes every trajectory whole (cached per setting); the figure carries every
step as a Plotly frame, so the slider under the plot steps through them with no rerun. The
controls, the chart and what follows them are one ``st.fragment``. The preset and the start
live in the URL (``?preset=divergence&x=-7&y=2``), read before any widget exists, cleaned
(a bad value is reported, never raised), and written back after the widgets.
"""

from __future__ import annotations

import streamlit as st

from optimizers import OPTIMIZERS, SURFACES
from optimizers.params import STEPS
from plots.optimizers_lab import LabLabels, make_loss_figure, trajectory_spec
from plots.shared_figure import share, unchecked
from ui.charts import PLOTLY_CONFIG
from ui.i18n import keep, pick, restore_choices, t
from viewstate import optimizers_lab as lab
from viewstate.optimizers_lab import CUSTOM, PRESETS, Line, Run
from viewstate.query import Problem

SYNCED = "optimizers._query"  # the query string this page wrote last
PROBLEMS = "optimizers._problems"  # problems found by a callback or the URL, warned once
TAPS = "optimizers._taps"  # clicks applied so far: part of the chart's key
PRESET, SURFACE, CHOSEN = "optimizers.preset", "optimizers.surface", "optimizers.chosen"
STEPS_KEY, X, Y = "optimizers.steps", "optimizers.x", "optimizers.y"


def _hyper_key(name: str, param: str) -> str:
    return f"optimizers.{name}.{param}"


def _surface_name() -> str:
    ss = st.session_state
    preset = ss.get(PRESET, CUSTOM)
    return PRESETS[preset].surface if preset in PRESETS else ss.get(SURFACE, "textbook")


def _set_start(xy) -> None:
    st.session_state[X], st.session_state[Y] = float(xy[0]), float(xy[1])


def _default_start() -> tuple:
    preset = st.session_state.get(PRESET, CUSTOM)
    if preset in PRESETS and PRESETS[preset].start is not None:
        return PRESETS[preset].start
    return SURFACES[_surface_name()].start


def _add_problem(p: Problem) -> None:
    st.session_state.setdefault(PROBLEMS, []).append(p)


def _check_start() -> None:
    """A start outside the drawn region goes back to the default, with a message."""
    ss = st.session_state
    xy, problem = lab.clean_start(SURFACES[_surface_name()], ss.get(X), ss.get(Y))
    if problem:
        _add_problem(problem)
        _set_start(xy)


def _on_preset() -> None:
    ss = st.session_state
    preset = ss[PRESET]
    if preset in PRESETS:
        ss[STEPS_KEY] = PRESETS[preset].steps
    _set_start(_default_start())


def _on_surface() -> None:
    _set_start(SURFACES[st.session_state[SURFACE]].start)


def _seed_from_url() -> None:
    """A new link (not the query this page wrote) sets the preset and the start."""
    ss = st.session_state
    raw = st.query_params.to_dict()
    if not raw or raw == ss.get(SYNCED):
        return
    query = lab.parse_query(raw)
    for p in query.problems:
        _add_problem(p)
    ss[PRESET] = query.preset
    if query.surface is not None:  # before the start, which is checked against it
        ss[SURFACE] = query.surface
    _on_preset()
    if query.start is not None:
        _set_start(query.start)
        _check_start()


def _figure_key() -> str:
    return f"optimizers.tap{st.session_state.get(TAPS, 0)}.figure"


def _apply_click() -> None:
    """A click (tap) on the contour plot starts the runs there. The chart then gets a new key,
    so no selection outlives its click: the same point can be tapped again after the start
    moved another way, and typing or the reset button is never undone by an old click."""
    ss = st.session_state
    key = _figure_key()
    points = ss[key].selection.points if key in ss else []
    if not points:
        return
    ss[TAPS] = ss.get(TAPS, 0) + 1
    xy = lab.start_from_click(points, SURFACES[_surface_name()])
    if xy is not None:
        _set_start(xy)


def _line_name(line: Line) -> str:
    spec = OPTIMIZERS[line.optimizer]
    name = pick(spec.name_ja, spec.name_en)
    if not line.variant:
        return name
    return t(f"optimizers.variant.{line.variant}", name=name, lr=lab.num(line.hyper["lr"]))


def _hyper_widget(name: str, p):
    key = _hyper_key(name, p.name)
    st.session_state.setdefault(key, p.default)
    label = f"{p.symbol} — {pick(p.meaning_ja, p.meaning_en)}" if p.symbol else pick(
        p.meaning_ja, p.meaning_en)
    if p.kind == "bool":
        return st.toggle(label, key=key)
    if p.name == "lr":  # 0.0001 to 2: a slider cannot hit both 0.001 and 1.5 on a phone
        return st.number_input(label, float(p.min), float(p.max), step=0.01, format="%g",
                               key=key)
    # %g: β₂ = 0.999 reads 0.999, not Streamlit's default 1.00
    return st.slider(label, float(p.min), float(p.max), step=float(p.step), format=lab.SLIDER_FORMAT,
                     key=key)


def _custom_controls() -> tuple[str, tuple[Line, ...]]:
    surfaces = {name: pick(s.name_ja, s.name_en) for name, s in SURFACES.items()}
    surface = keep(SURFACE, st.selectbox(t("optimizers.surface"), tuple(SURFACES), key=SURFACE,
                                         format_func=surfaces.__getitem__,
                                         on_change=_on_surface))
    names = {name: pick(s.name_ja, s.name_en) for name, s in OPTIMIZERS.items()}
    chosen = keep(CHOSEN, st.multiselect(t("optimizers.optimizers"), tuple(OPTIMIZERS),
                                         key=CHOSEN, format_func=names.__getitem__))
    hypers = {}
    for name in chosen:
        with st.expander(t("optimizers.settings", name=names[name])):
            hypers[name] = {p.name: _hyper_widget(name, p) for p in OPTIMIZERS[name].params}
    lines, _ = lab.custom_lines(chosen, hypers)  # the widgets keep every value in range
    return surface, lines


def _controls() -> tuple[str, str, tuple[Line, ...], int, tuple]:
    presets = {name: t(f"optimizers.preset.{name}") for name in lab.PRESET_NAMES}
    preset = keep(PRESET, st.selectbox(t("optimizers.preset"), lab.PRESET_NAMES, key=PRESET,
                                       format_func=presets.__getitem__, on_change=_on_preset))
    if preset == CUSTOM:
        surface, lines = _custom_controls()
    else:
        surface, lines = PRESETS[preset].surface, PRESETS[preset].lines
    steps = st.slider(t("optimizers.steps"), int(STEPS.min), int(STEPS.max), key=STEPS_KEY)
    cx, cy = st.columns(2)
    cx.number_input(t("optimizers.start_x"), step=0.1, format="%g", key=X,
                    help=t("optimizers.start_help"), on_change=_check_start)
    cy.number_input(t("optimizers.start_y"), step=0.1, format="%g", key=Y,
                    help=t("optimizers.start_help"), on_change=_check_start)
    st.button(t("optimizers.reset_start"), key="optimizers.reset",
              on_click=lambda: _set_start(_default_start()))
    ss = st.session_state
    start, problem = lab.clean_start(SURFACES[surface], ss[X], ss[Y])
    if problem:  # not through a callback (e.g. a value kept from another surface)
        _add_problem(problem)
    return preset, surface, lines, lab.check_steps(steps), start


@st.cache_data(max_entries=64, show_spinner=False)
def _runs(surface: str, lines: tuple, start: tuple, steps: int) -> list[Run]:
    return lab.run_lines(surface, [Line(o, dict(h), v) for o, h, v in lines], start, steps)


def _labels() -> LabLabels:
    return LabLabels(minimum=t("optimizers.legend.minimum"), click=t("optimizers.legend.click"),
                     escaped=t("optimizers.escaped", t="{t}"), step_axis=t("optimizers.step_axis"))


# Shared by every session (read, never changed): 30 learners at 1000 steps would otherwise
# build the same 0.4 MB figure each, ~85 ms apiece, and turn it into a dict on every rerun
# (bench/bench_sessions.py --pages optimizers).
@st.cache_resource(max_entries=16, show_spinner=False)
def _figures(surface: str, key: tuple, start: tuple, steps: int, names: tuple[str, ...],
             labels: LabLabels):
    runs = _runs(surface, key, start, steps)
    return (unchecked(trajectory_spec(SURFACES[surface], runs, list(names), labels=labels)),
            share(make_loss_figure(runs, list(names), labels=labels,
                                   clip=lab.loss_clip(SURFACES[surface], runs))))


def _draw(surface: str, runs: list[Run], fig) -> None:
    surf = SURFACES[surface]
    st.plotly_chart(fig, key=_figure_key(), on_select="rerun", selection_mode="points",
                    config=PLOTLY_CONFIG,
                    alt=t("optimizers.chart_alt", surface=pick(surf.name_ja, surf.name_en)))
    st.caption(t("optimizers.scrub"))
    steps = max(r.traj.steps for r in runs)
    shown = lab.frame_steps(steps)
    if len(shown) < steps + 1:
        st.caption(t("optimizers.sampled", steps=steps, frames=len(shown),
                     every=round(steps / (len(shown) - 1))))


def _fmt_xy(xy) -> str:
    return lab.vec(xy)


def _lesson(preset: str, surface: str, runs: list[Run], names: list[str], start) -> str | None:
    """What the preset teaches, every number taken from the runs drawn."""
    by_key = {r.line.key: (r, n) for r, n in zip(runs, names, strict=True)}
    steps = max(r.traj.steps for r in runs)
    x, y = lab.num(start[0]), lab.num(start[1])
    if preset == CUSTOM:
        return None
    if lab.stationary(SURFACES[surface], start):
        return t("optimizers.lesson.stationary", x=x, y=y)
    if preset in ("textbook", "divergence") and not lab.off_steepest_axis(SURFACES[surface],
                                                                          start):
        return t("optimizers.lesson.on_axis", x=x, y=y)
    if preset == "textbook":
        sgd = by_key["sgd"][0]
        losses = t("optimizers.sep").join(f"{n} {lab.num(r.traj.loss[-1])}" for r, n in zip(runs, names,
                                                                            strict=True))
        lr = sgd.traj.hyper["lr"]
        return t("optimizers.lesson.textbook", x=x, y=y, steps=steps, lr=lab.num(lr),
                 factor=lab.num(lab.zigzag_factor(SURFACES[surface], lr)), losses=losses)
    if preset == "divergence":
        facts = lab.divergence_facts(SURFACES[surface], runs)
        hi, lo = (next(f for f in facts["lines"] if f["diverges"] is d) for d in (True, False))
        return t("optimizers.lesson.divergence", lam=lab.num(facts["lambda_max"]),
                 thr=lab.num(facts["threshold"]), lr_hi=lab.num(hi["lr"]),
                 f_hi=lab.num(hi["factor"]), loss_hi=lab.num(hi["final_loss"]),
                 lr_lo=lab.num(lo["lr"]), f_lo=lab.num(lo["factor"]),
                 loss_lo=lab.num(lo["final_loss"]), steps=steps)
    if preset == "adagrad":
        f = lab.adagrad_facts(runs)
        a, r = f["adagrad"], f["rmsprop"]
        ratios = {k: a[f"first_{k}"] / a[f"last_{k}"] for k in ("eff", "step", "grad")}
        cause = "grad" if ratios["grad"] > ratios["eff"] else "eff"
        first = (t("optimizers.lesson.adagrad_first", steps=steps,
                   share=lab.num(100 * a["first_share"], 3))
                 if a["first_share"] > 0.5 else "")
        return t("optimizers.lesson.adagrad", steps=steps, e1=lab.num(a["first_eff"]),
                 e_last=lab.num(a["last_eff"]), e_ratio=lab.num(ratios["eff"], 3), first=first,
                 s1=lab.num(a["first_step"]), s_last=lab.num(a["last_step"]),
                 s_ratio=lab.num(ratios["step"], 3),
                 cause=t(f"optimizers.lesson.adagrad_{cause}", g1=lab.num(a["first_grad"]),
                         g_last=lab.num(a["last_grad"]), g_ratio=lab.num(ratios["grad"], 3)),
                 end=_fmt_xy(a["end"]), r_last=lab.num(r["last_eff"]), r_end=_fmt_xy(r["end"]))
    if preset == "bias":
        f = lab.bias_facts(runs)
        on, off = f["bias_on"], f["bias_off"]
        return t("optimizers.lesson.bias", lr=lab.num(on["lr"]), on=lab.num(on["first"]),
                 expected=lab.num(off["factor"] * off["lr"]), off=lab.num(off["first"]),
                 ratio=lab.num(off["factor"], 3))
    if preset == "saddle" and lab.saddle_case(start) != "near":
        case = lab.saddle_case(start)  # on y = 0: where each ends; past |y| > 1: its last |y|
        end = (_fmt_xy if case == "on_ridge" else lambda p: lab.num(abs(p[1])))
        ends = t("optimizers.sep").join(f"{n} {end(r.traj.positions[-1])}"
                                        for r, n in zip(runs, names, strict=True))
        return t(f"optimizers.lesson.saddle_{case}", x=x, y=y, steps=steps, ends=ends)
    if preset == "saddle":
        leave = lab.saddle_facts(runs)
        text = t("optimizers.sep").join(f"{n} {leave[r.line.key]}" if leave[r.line.key] is not None else
                        f"{n} {t('optimizers.never', steps=steps)}"
                        for r, n in zip(runs, names, strict=True))
        return t("optimizers.lesson.saddle", y0=y, leave=text)
    if preset == "nesterov":
        first = lab.first_step_facts(runs)
        hyper = runs[0].traj.hyper
        return t("optimizers.lesson.nesterov", mu=lab.num(hyper["momentum"]),
                 lr=lab.num(hyper["lr"]), nag=_fmt_xy(first["nesterov"]),
                 textbook=_fmt_xy(first["nesterov_textbook"]), x=x, y=y)
    return None


def _settings(run: Run) -> str:
    """η = 0.3, β₁ = 0.9, …: the run's numbers by their symbols (on/off switches are in the
    line's name)."""
    params = OPTIMIZERS[run.line.optimizer].params
    return ", ".join(f"{p.symbol} = {lab.num(run.traj.hyper[p.name])}" for p in params
                     if p.kind == "float")


def _below(preset: str, surface: str, runs: list[Run], names: list[str], start, loss_fig) -> None:
    lesson = _lesson(preset, surface, runs, names, start)
    if lesson:
        st.info(lesson)
    thr = lab.quadratic_threshold(SURFACES[surface])
    drawn = {r.line.optimizer for r in runs}
    if thr is not None and preset != "divergence" and "sgd" in drawn:  # a fact about SGD
        st.caption(t("optimizers.threshold", lam=lab.num(thr[0]), thr=lab.num(thr[1])))
    if thr is not None and preset == "divergence":
        st.metric(t("optimizers.threshold_metric"), lab.num(thr[1]))
    nesterovs = drawn & {"nesterov", "nesterov_textbook"}
    if nesterovs:
        other = OPTIMIZERS[next(iter({"nesterov", "nesterov_textbook"} - nesterovs), "nesterov")]
        tail = (t("optimizers.nesterov_note.both") if len(nesterovs) == 2 else
                t("optimizers.nesterov_note.choose", other=pick(other.name_ja, other.name_en)))
        st.caption(f"{t('optimizers.nesterov_note')}{tail}")
    if preset != CUSTOM:
        st.caption(t("optimizers.used", settings="; ".join(
            f"{n}: {_settings(r)}" for r, n in zip(runs, names, strict=True))))
    log = lab.loss_is_log(runs)
    st.markdown(f"**{t('optimizers.loss_log' if log else 'optimizers.loss_linear')}**")
    st.plotly_chart(loss_fig, config=PLOTLY_CONFIG,
                    key="optimizers.loss", alt=t("optimizers.loss_alt"))
    clip = lab.loss_clip(SURFACES[surface], runs)
    if clip:
        out = [n for r, n in zip(runs, names, strict=True) if r.line.key in clip["out"]]
        st.caption(t("optimizers.loss_clipped", lo=lab.num(clip["lo"]), hi=lab.num(clip["hi"]),
                     names=t("optimizers.sep").join(out)))
    with st.expander(t("optimizers.formulas")):
        for name in dict.fromkeys(r.line.optimizer for r in runs):
            spec = OPTIMIZERS[name]
            st.markdown(f"**{pick(spec.name_ja, spec.name_en)}**")
            for line in spec.latex:
                st.latex(line)


@st.fragment
def _lab() -> None:
    ss = st.session_state
    _apply_click()
    warnings = st.container()
    chart, controls = st.columns([2.4, 1], gap="large")  # stacked on a phone: chart first
    with controls:
        preset, surface, lines, steps, start = _controls()
    with warnings:
        for p in ss.pop(PROBLEMS, []):
            st.warning(t(f"optimizers.warn.{p.code}", **p.fields), icon="⚠️")
    if not lines:
        with chart:
            st.info(t("optimizers.none_chosen"))
        return
    key = tuple((ln.optimizer, tuple(sorted(ln.hyper.items())), ln.variant) for ln in lines)
    runs = _runs(surface, key, start, steps)
    names = [_line_name(r.line) for r in runs]
    path_fig, loss_fig = _figures(surface, key, start, steps, tuple(names), _labels())
    with chart:
        _draw(surface, runs, path_fig)
    _below(preset, surface, runs, names, start, loss_fig)
    query = lab.to_query(preset, start, surface)
    if st.query_params.to_dict() != query:
        st.query_params.from_dict(query)
    ss[SYNCED] = query


restore_choices("optimizers")
_ss = st.session_state
_ss.setdefault(PRESET, CUSTOM)
_ss.setdefault(SURFACE, "textbook")
_ss.setdefault(CHOSEN, list(lab.DEFAULT_OPTIMIZERS))
_ss.setdefault(STEPS_KEY, int(STEPS.default))
if X not in _ss or Y not in _ss:
    _set_start(_default_start())
_seed_from_url()

st.title(t("optimizers.title"))
st.caption(t("optimizers.intro"))
_lab()
