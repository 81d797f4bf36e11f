"""勾配フロー・ラボ: why activations make or break deep networks, in four experiments.

Thin page: widgets (keys ``gradients.*``), cached calls into ``gradflow`` (pure NumPy) and
figures from ``plots.gradients``. Only the open tab runs (``st.tabs(on_change="rerun")``), and
each tab's controls and charts are one fragment, so moving a control reruns only that tab.
Each tab draws its main chart first and its main control right under it: on a phone both
are on the first screen, and the explanation follows.
"""

from __future__ import annotations

import threading
import time
from dataclasses import replace

import streamlit as st

import activations as act
from gradflow import depth, mlp, toydata, train
from plots import gradients as gp
from plots.shared_figure import share
from ui.i18n import keep, labelled, lang, name_open_tab, pick, restore_choices, t
from viewstate import gradients_options as opt

MLP_DEFAULT = ("sigmoid", "relu")  # the two lessons of ②; each more costs one network run
DEAD_FNS = ("relu", "leaky_relu", "elu", "gelu")
N_POINTS = 400
SEED_MAX = 9999


def names() -> dict[str, str]:
    return {k: pick(act.REGISTRY[k].name_ja, act.REGISTRY[k].name_en) for k in act.ELEMENTWISE}


def num(v: float) -> str:
    """A number for a table cell: 4 significant digits, scientific when tiny or huge."""
    if v != v:  # NaN
        return "—"
    return f"{v:.4g}" if v == 0 or 1e-3 <= abs(v) < 1e4 else f"{v:.3e}"


def latex_num(v: float) -> str:
    """A number inside $…$: 9.54 \\times 10^{-7} rather than 9.54e-07."""
    mantissa, _, exp = f"{v:.3g}".partition("e")
    return rf"{mantissa} \times 10^{{{int(exp)}}}" if exp else mantissa


def short(v: float) -> str:
    """A location like x = 0: rounded to 4 decimals, without a signed zero."""
    return f"{round(v, 4) + 0.0:g}"


# ---------------------------------------------------------------------------- state
TABS = ("depth", "mlp", "dead", "train")
TAB_KEY = "gradients.tab"
# Every control's starting value, in one place: the widgets take them from session state.
DEFAULTS = {
    "gradients.depth.fns": ["sigmoid", "tanh", "relu"],
    "gradients.depth.L": 10,
    "gradients.depth.mode": "max",
    "gradients.depth.x": 0.0,
    "gradients.mlp.fns": list(MLP_DEFAULT),
    "gradients.mlp.depth": 50,
    "gradients.mlp.width": 256,
    "gradients.mlp.batch": 64,
    "gradients.mlp.init": "he",
    "gradients.mlp.std": 0.2,
    "gradients.mlp.seed": 0,
    "gradients.dead.bias": -0.1,
    "gradients.dead.fns": list(DEAD_FNS),
    "gradients.train.data": toydata.DATASETS[0],
    "gradients.train.fn": "identity",
    "gradients.train.optimizer": train.OPTIMIZERS[0],
    "gradients.train.lr": 0.03,
    "gradients.train.steps": 1000,
    "gradients.train.width": 32,
    "gradients.train.seed": 0,
}


def remember_controls() -> None:
    """Only the open tab draws its widgets, and Streamlit forgets the value of a widget a run
    did not draw: writing every control's value back as session state keeps a learner's
    settings across a visit to another tab (and gives the defaults on the first run)."""
    for key, default in DEFAULTS.items():
        value = st.session_state.get(key, default)
        st.session_state[key] = list(value) if isinstance(value, list) else value


def network() -> mlp.MLPConfig:
    """The random network of ② and ③, from its controls' values (drawn in ② only)."""
    s = st.session_state
    return mlp.MLPConfig(int(s["gradients.mlp.depth"]), int(s["gradients.mlp.width"]),
                         int(s["gradients.mlp.batch"]), s["gradients.mlp.init"],
                         float(s["gradients.mlp.std"]), 0.0, int(s["gradients.mlp.seed"]),
                         dtype="float32")


def chart(where, fig, key: str, alt: str) -> None:
    # No mode bar: on a touch screen it sits over the legend, and nothing here needs zooming.
    where.plotly_chart(fig, key=key, alt=alt, config={"displayModeBar": False})


# ---------------------------------------------------------------------------- ① depth
# Building a Plotly figure costs ~9 ms, a third of a rerun of ①; the figure depends only on the
# settings, so every learner shares one (read, never changed: its dict is made once).
@st.cache_resource(max_entries=256, show_spinner=False)
def depth_figure(fns: tuple[str, ...], n_layers: int, x: float | None, language: str):
    """The figure of ① for these settings, in ``language`` (the one the caller runs in)."""
    curves = depth.depth_curves(fns, n_layers, x)
    return share(gp.make_depth_figure(curves, names(), t("gradients.depth.x_axis"),
                                      t("gradients.depth.y_axis")))


@st.fragment
def depth_tab(labels: dict[str, str]) -> None:
    slot = st.container()
    n_layers = st.select_slider(t("gradients.depth.L"), opt.DEPTH_L, key="gradients.depth.L")
    fns = st.multiselect(t("gradients.depth.fns"), act.ELEMENTWISE, format_func=labels.get,
                         key="gradients.depth.fns", wrap=True)
    keep("gradients.depth.fns", fns)
    left, right = st.columns(2)
    mode = left.radio(t("gradients.depth.mode"), ("max", "x"), horizontal=True,
                      format_func=labelled("gradients.depth.mode", ("max", "x")),
                      key="gradients.depth.mode")
    keep("gradients.depth.mode", mode)
    x = None
    if mode == "x":
        x = right.slider(t("gradients.depth.x"), -5.0, 5.0, step=0.1, key="gradients.depth.x")
    sig, tanh_max = depth.max_abs_grad("sigmoid"), depth.max_abs_grad("tanh")
    st.markdown(t("gradients.depth.lead", sig_max=num(sig.value), sig_x=short(sig.x),
                  sig_pow10=latex_num(depth.chain_product(sig.value, 10)[-1]),
                  tanh_max=num(tanh_max.value)))
    if not fns:
        slot.info(t("gradients.none"))
        return
    curves = depth.depth_curves(fns, n_layers, x)
    chart(slot, depth_figure(tuple(fns), n_layers, x, lang()), "gradients.depth.chart",
          t("gradients.depth.chart_alt"))
    # the product first after the name, so a phone shows it without scrolling the table
    rows = {key: [] for key in ("fn", "product", "factor", "max", "argmax")}
    for name in fns:
        best = depth.max_abs_grad(name)
        where = (t("gradients.depth.argmax.limit") if best.at_edge
                 else short(best.x) if best.unique else t("gradients.depth.argmax.interval"))
        rows["fn"].append(labels[name])
        rows["max"].append(num(best.value))
        rows["argmax"].append(where)
        rows["factor"].append(num(curves[name][0]))
        rows["product"].append(num(curves[name][-1]))
    st.dataframe({t(f"gradients.depth.col.{k}") + (f" (L = {n_layers})" if k == "product" else ""): v
                  for k, v in rows.items()}, hide_index=True)
    for group in gp.coinciding(curves):  # e.g. tanh and ReLU, both at 1
        st.caption(t("gradients.depth.overlap", names=t("gradients.list_sep").join(
            labels[name] for name in group)))
    if any(curves[name][-1] == 0 for name in fns):
        st.caption(t("gradients.depth.zero"))
    st.caption(t("gradients.depth.note"))


# ---------------------------------------------------------------------------- ② deep MLP
@st.cache_resource(max_entries=opt.NETWORKS_KEPT, show_spinner=False)
def weights(cfg: mlp.MLPConfig) -> mlp.Network:
    """Weights and inputs (biases 0), shared read-only by every activation, every bias shift
    and every learner: a server keeps at most opt.NETWORKS_KEPT networks (25 MB each at the
    largest offered), however many learners there are."""
    return mlp.make_network(cfg)


@st.cache_resource(show_spinner=False)
def network_runs() -> threading.Semaphore:
    """Networks run at once on the whole server. Two keep both cores busy; more would not
    finish sooner, and each one in flight holds its weights and activations in memory."""
    return threading.Semaphore(opt.NETWORK_RUNS)


@st.cache_data(max_entries=256, show_spinner=False)
def probe(cfg: mlp.MLPConfig, name: str, with_gradient: bool) -> mlp.LayerStats:
    with network_runs():
        net = mlp.with_bias(weights(replace(cfg, bias=0.0)), cfg.bias)
        return mlp.probe(cfg, name, with_gradient=with_gradient, net=net)


# One click to each lesson of ②: (init, std or None, activations). Depth and width are
# set too, because whether a scale explodes depends on them (ReLU: σ·√(n/2) per layer).
PRESETS = {
    "vanish": ("xavier", None, ["sigmoid", "tanh"]),
    "steady": ("he", None, ["relu", "sigmoid"]),
    "explode": ("custom", 0.2, ["relu", "tanh"]),
    "shrink": ("custom", 0.05, ["relu", "tanh"]),
}


def apply_preset(name: str) -> None:
    init, std, fns = PRESETS[name]
    st.session_state["gradients.mlp.depth"] = 50
    st.session_state["gradients.mlp.width"] = 256
    st.session_state["gradients.mlp.init"] = keep("gradients.mlp.init", init)
    if std is not None:
        st.session_state["gradients.mlp.std"] = std
    st.session_state["gradients.mlp.fns"] = keep("gradients.mlp.fns", list(fns))


def preset_buttons() -> None:
    st.caption(t("gradients.mlp.presets"))
    # a row that wraps: two short rows on a phone, where columns would stack four tall ones
    row = st.container(horizontal=True)
    for name in PRESETS:
        row.button(t(f"gradients.mlp.preset.{name}"), key=f"gradients.mlp.preset.{name}",
                   on_click=apply_preset, args=(name,))


def network_settings() -> mlp.MLPConfig:
    c1, c2, c3 = st.columns(3)
    c1.slider(t("gradients.mlp.depth"), 1, opt.MAX_DEPTH, key="gradients.mlp.depth")
    c2.select_slider(t("gradients.mlp.width"), opt.WIDTHS, key="gradients.mlp.width")
    c3.select_slider(t("gradients.mlp.batch"), opt.BATCHES, key="gradients.mlp.batch")
    c1, c2, c3 = st.columns([2, 1, 1])
    init = c1.radio(t("gradients.mlp.init"), mlp.INITS, horizontal=True,
                    format_func=labelled("gradients.mlp.init", mlp.INITS), key="gradients.mlp.init")
    keep("gradients.mlp.init", init)
    if init == "custom":
        c2.select_slider(t("gradients.mlp.std"), opt.STDS, key="gradients.mlp.std")
    c3.number_input(t("gradients.mlp.seed"), 0, SEED_MAX, step=1, key="gradients.mlp.seed")
    cfg = network()
    st.caption(t("gradients.mlp.std_used", std=num(mlp.init_std(init, cfg.width, cfg.width,
                                                                cfg.std)), width=cfg.width))
    return cfg


@st.fragment
def mlp_tab(labels: dict[str, str]) -> None:
    preset_buttons()  # the main control first here: the chart's heading and chart follow
    slot = st.container()
    fns = st.multiselect(t("gradients.mlp.fns"), act.ELEMENTWISE, max_selections=opt.MAX_FNS,
                         format_func=labels.get, key="gradients.mlp.fns", wrap=True)
    keep("gradients.mlp.fns", fns)
    cfg = network_settings()
    if not fns:
        slot.info(t("gradients.none"))
        st.markdown(t("gradients.mlp.lead"))
        return
    with slot, st.spinner(t("gradients.computing")):
        stats = {name: probe(cfg, name, True) for name in fns}
    layer_axis = t("gradients.mlp.layer")
    slot.markdown(f"**{t('gradients.mlp.norm.grad')}**")
    chart(slot, gp.make_layer_log_figure({n: s.grad_norm for n, s in stats.items()}, labels,
                                         layer_axis),
          "gradients.mlp.grad_chart", t("gradients.mlp.norm.grad"))
    # what this chart shows, from the settings and the verdicts it is drawn with
    init = (f"{t('gradients.mlp.std')} {num(cfg.std)}" if cfg.init == "custom"
            else t(f"gradients.mlp.init.{cfg.init}"))
    slot.caption(t("gradients.mlp.try", init=init, depth=cfg.depth,
                   verdicts=t("gradients.list_sep").join(
                       f"{labels[n]} {t(f'gradients.mlp.verdict.{mlp.verdict(stats[n])}')}"
                       for n in fns)))
    for name, s in stats.items():
        if s.forward_overflow is not None:
            slot.warning(t("gradients.mlp.overflow.forward", fn=labels[name],
                           layer=s.forward_overflow))
        elif s.backward_overflow is not None:
            slot.warning(t("gradients.mlp.overflow.backward", fn=labels[name],
                           layer=s.backward_overflow))
    # the verdict next to the name, so a phone shows it without scrolling the table
    st.dataframe({
        t("gradients.mlp.col.fn"): [labels[n] for n in fns],
        t("gradients.mlp.col.verdict"): [t(f"gradients.mlp.verdict.{mlp.verdict(stats[n])}")
                                         for n in fns],
        t("gradients.mlp.col.ratio"): [num(mlp.gradient_ratio(stats[n])) for n in fns],
        t("gradients.mlp.col.grad_first"): [num(stats[n].grad_norm[0]) for n in fns],
        t("gradients.mlp.col.grad_last"): [num(stats[n].grad_norm[-1]) for n in fns],
    }, hide_index=True)
    st.caption(t("gradients.mlp.verdict_note", low=num(mlp.VANISH), high=num(mlp.EXPLODE)))
    st.markdown(f"**{t('gradients.mlp.norm.std')}**")
    chart(st, gp.make_layer_log_figure({n: s.std for n, s in stats.items()}, labels, layer_axis),
          "gradients.mlp.std_chart", t("gradients.mlp.norm.std"))
    st.markdown(f"**{t('gradients.mlp.bands')}**")
    bands = (t("gradients.mlp.band.outer"), t("gradients.mlp.band.inner"),
             t("gradients.mlp.band.median"))
    for col, name in zip(st.columns(len(fns)), fns, strict=True):
        col.markdown(f"**{labels[name]}**")
        chart(col, gp.make_bands_figure(name, stats[name].quantiles, layer_axis,
                                        t("gradients.mlp.value"), bands),
              f"gradients.mlp.bands.{name}", f"{labels[name]}: {t('gradients.mlp.bands')}")
    st.caption(t("gradients.mlp.bands_legend"))
    st.markdown(t("gradients.mlp.lead"))


# ---------------------------------------------------------------------------- ③ dying ReLU
@st.fragment
def dead_tab(labels: dict[str, str]) -> None:
    cfg = network()
    slot = st.container()
    bias = st.slider(t("gradients.dead.bias"), -1.0, 0.0, step=0.05, key="gradients.dead.bias")
    fns = st.multiselect(t("gradients.dead.fns"), act.ELEMENTWISE, max_selections=opt.MAX_FNS,
                         format_func=labels.get, key="gradients.dead.fns", wrap=True)
    keep("gradients.dead.fns", fns)
    st.caption(t("gradients.dead.settings", depth=cfg.depth, width=cfg.width, batch=cfg.batch,
                 init=t(f"gradients.mlp.init.{cfg.init}"), seed=cfg.seed))
    st.markdown(t("gradients.dead.lead"))
    if not fns:
        slot.info(t("gradients.none"))
        return
    shifted = replace(cfg, bias=float(bias))
    with slot, st.spinner(t("gradients.computing")):
        stats = {name: probe(shifted, name, False) for name in fns}
    chart(slot, gp.make_dead_figure({n: s.dead for n, s in stats.items()}, labels,
                                    t("gradients.mlp.layer"), t("gradients.dead.y")),
          "gradients.dead.chart", t("gradients.dead.chart_alt"))
    st.dataframe({
        t("gradients.dead.col.fn"): [labels[n] for n in fns],
        t("gradients.dead.col.mean"): [f"{100 * mlp.nan_mean(stats[n].dead):.1f}%" for n in fns],
        t("gradients.dead.col.last"): [f"{100 * stats[n].dead[-1]:.1f}%" for n in fns],
    }, hide_index=True)
    for name, s in stats.items():
        if s.forward_overflow is not None:
            st.warning(t("gradients.mlp.overflow.forward", fn=labels[name],
                         layer=s.forward_overflow))
    st.caption(t("gradients.dead.note"))


# ---------------------------------------------------------------------------- ④ training
def milestones(steps: int) -> tuple[int, ...]:
    return tuple(sorted({max(1, round(steps * k / opt.CHUNKS)) for k in range(1, opt.CHUNKS + 1)}))


@st.cache_data(max_entries=200, show_spinner=False)  # ~200 KB each at the largest net
def train_to(data: str, cfg: train.TrainConfig, marks: tuple[int, ...]) -> train.TrainState:
    """The state after marks[-1] steps, resumed from the (cached) state at marks[-2]."""
    X, y = toydata.make(data, N_POINTS, cfg.seed)
    if not marks:
        return train.init_state(cfg, X.shape[1])
    before = train_to(data, cfg, marks[:-1])
    return train.advance(before, X, y, cfg, marks[-1] - before.step)


@st.cache_data(max_entries=50, show_spinner=False)
def boundary(data: str, cfg: train.TrainConfig, marks: tuple[int, ...]):
    X, y = toydata.make(data, N_POINTS, cfg.seed)
    state = train_to(data, cfg, marks)
    return train.decision_grid(state, X, cfg.activation), train.accuracy(state, X, y, cfg.activation)


JOB = "gradients.train.job"  # the run in progress: {"run": (data, config, steps), "done", "stopped"}


def training_job(data: str, cfg: train.TrainConfig, steps: int) -> dict:
    """The run these settings ask for: the one in session state, or a new one from step 0
    (every chunk already trained is cached, so a run seen before replays at once)."""
    job = st.session_state.get(JOB)
    if not job or job["run"] != (data, cfg, steps):
        job = st.session_state[JOB] = {"run": (data, cfg, steps), "done": 0, "stopped": False}
    return job


def running(job: dict) -> bool:
    return not job["stopped"] and job["done"] < len(milestones(job["run"][2]))


def set_stopped(stopped: bool) -> None:
    """停止 / 続きを学習: read by the next slice of training, which then does not start.
    The value is fixed when the button is drawn, so a double click does not undo itself."""
    job = st.session_state.get(JOB)
    if job:
        job["stopped"] = stopped


def training_view(job: dict, labels: dict[str, str]) -> None:
    """The boundary and the loss curve after the steps trained so far, under a progress bar
    while the run goes on, or with the step it was stopped at."""
    data, cfg, steps = job["run"]
    marks = milestones(steps)[:job["done"]]
    done = marks[-1] if marks else 0
    if running(job):
        st.progress(done / steps, text=t("gradients.train.progress", done=done, total=steps))
    elif done < steps:
        st.info(t("gradients.train.stopped", done=done, total=steps))
    if not marks:
        return
    state = train_to(data, cfg, marks)
    # While the run goes on, the boundary (a heavy chart to draw, on a phone above all) is
    # redrawn every few chunks only; the loss curve follows every slice.
    drawn = marks[:len(marks) - len(marks) % opt.BOUNDARY_EVERY or 1] if running(job) else marks
    grid, accuracy = boundary(data, cfg, drawn)
    X, y = toydata.make(data, N_POINTS, cfg.seed)
    left, right = st.columns([3, 2])
    left.markdown(f"**{t('gradients.train.boundary')}**")
    chart(left, gp.make_boundary_figure(
        grid.xs, grid.ys, grid.proba, X, y,
        (t("gradients.train.class0"), t("gradients.train.class1")), t("gradients.train.proba")),
        "gradients.train.boundary_chart", t("gradients.train.boundary"))
    right.markdown(f"**{t('gradients.train.loss')}**")
    chart(right, gp.make_loss_figure(state.losses, t("gradients.train.step_axis"),
                                     t("gradients.train.loss_axis"), t("gradients.train.loss"),
                                     total=steps),
          "gradients.train.loss_chart", t("gradients.train.loss"))
    m1, m2 = st.columns(2)
    m1.metric(t("gradients.train.accuracy"), f"{100 * accuracy:.1f}%")
    m2.metric(t("gradients.train.final_loss"), num(state.losses[-1]))
    if not train.finite(state):
        st.error(t("gradients.train.diverged"))


@st.fragment(run_every=opt.TRAIN_TICK_S)
def training_run(labels: dict[str, str]) -> None:
    """One slice of the run, then the view. Streamlit delivers a click made during a fragment
    run only once that run has ended, so the run is cut into slices of about
    opt.TRAIN_SLICE_S, one per run of this fragment (its timer starts the next): 停止 lands
    between two slices. Drawn only while a run goes on; once it has finished or been
    stopped, a rerun of the page drops this fragment and with it its timer."""
    job = st.session_state.get(JOB)
    if not job or not running(job):
        st.rerun(scope="app")
    data, cfg, steps = job["run"]
    marks = milestones(steps)
    start = time.monotonic()
    while running(job):  # chunks already cached by any learner take no time
        train_to(data, cfg, marks[:job["done"] + 1])
        job["done"] += 1
        if time.monotonic() - start >= opt.TRAIN_SLICE_S:
            break
    if not running(job):
        st.rerun(scope="app")
    training_view(job, labels)


@st.fragment
def train_tab(labels: dict[str, str]) -> None:
    # the main controls above the chart: on a phone both fit on the first screen
    c1, c2 = st.columns(2)
    fn = c1.selectbox(t("gradients.train.fn"), act.ELEMENTWISE, format_func=labels.get,
                      key="gradients.train.fn")
    keep("gradients.train.fn", fn)
    data = c2.selectbox(t("gradients.train.data"), toydata.DATASETS,
                        format_func=labelled("gradients.train.data", toydata.DATASETS),
                        key="gradients.train.data")
    keep("gradients.train.data", data)
    # 停止 right above the progress bar and the charts, where the eye is while a run goes on
    stop_slot = st.container()
    slot = st.container()
    c1, c2, c3, c4 = st.columns(4)
    lr = c1.select_slider(t("gradients.train.lr"), opt.LRS, key="gradients.train.lr")
    steps = c2.select_slider(t("gradients.train.steps"), opt.STEPS, key="gradients.train.steps")
    hidden = c3.select_slider(t("gradients.train.width"), opt.HIDDEN, key="gradients.train.width")
    seed = c4.number_input(t("gradients.train.seed"), 0, SEED_MAX, step=1,
                           key="gradients.train.seed")
    optimizer = st.radio(t("gradients.train.optimizer"), train.OPTIMIZERS, horizontal=True,
                         format_func=labelled("gradients.train.opt", train.OPTIMIZERS),
                         key="gradients.train.optimizer")
    keep("gradients.train.optimizer", optimizer)
    cfg = train.TrainConfig(fn, (hidden, hidden), optimizer, float(lr), int(seed))
    job = training_job(data, cfg, int(steps))
    stopped = job["stopped"] and job["done"] < len(milestones(steps))
    stop_slot.button(t("gradients.train.resume" if stopped else "gradients.train.stop"),
                     key="gradients.train.stop", on_click=set_stopped, args=(not stopped,),
                     icon=":material/play_arrow:" if stopped else ":material/stop:",
                     disabled=not (stopped or running(job)))
    with slot:
        if running(job):
            training_run(labels)
        else:
            training_view(job, labels)
    low, high = depth.grad_extent(fn)
    if high == 0:
        slot.warning(t("gradients.train.zero_grad_note"))
    elif low == high:
        slot.info(t("gradients.train.linear_note"))
    st.markdown(t("gradients.train.lead"))
    st.caption(t("gradients.train.init_note"))


# ---------------------------------------------------------------------------- page
restore_choices("gradients")
remember_controls()
name_open_tab(TAB_KEY, "gradients.tab", TABS)
# Japanese has no spaces: without keep-all a phone breaks the title inside a word
# (勾配フロー・ラ/ボ); with it the title breaks only after ・ or a space.
st.html("<style>h1 { word-break: keep-all; }</style>")
st.title(t("gradients.title"), anchor=False)  # the anchor icon would wrap to a line of its own
st.caption(t("gradients.intro"))
LABELS = names()
VIEWS = {"depth": depth_tab, "mlp": mlp_tab, "dead": dead_tab, "train": train_tab}
for tab, name in zip(st.tabs([t(f"gradients.tab.{k}") for k in TABS], key=TAB_KEY,
                             on_change="rerun"), TABS, strict=True):
    if tab.open:
        with tab:
            VIEWS[name](LABELS)
