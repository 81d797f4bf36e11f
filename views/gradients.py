"""勾配フロー・ラボ: why activations make or break deep networks, in four experiments.

Thin page: widgets (keys ``gradients.*``), cached calls into ``gradflow`` (pure NumPy) and
figures from ``plots.gradients``. Each tab's outputs live in a fragment, so moving one
slider reruns only that tab.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import streamlit as st

import activations as act
from gradflow import depth, mlp, toydata, train
from plots import gradients as gp
from ui.i18n import keep, pick, restore_choices, t

L_OPTIONS = (1, 2, 3, 5, 7, 10, 15, 20, 30, 50, 70, 100)  # log-spaced: 1 to 100 layers
WIDTHS = (16, 32, 64, 128, 256, 512)
BATCHES = (16, 32, 64, 128, 256)
STDS = (0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0)
MLP_DEFAULT = ("sigmoid", "relu")  # the two lessons of ②; each more costs one network run
DEAD_FNS = ("relu", "leaky_relu", "elu", "gelu")
LRS = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
STEPS = (100, 200, 500, 1000, 2000, 3000)
HIDDEN = (2, 4, 8, 16, 32, 64)
N_POINTS = 400
CHUNKS = 10  # progress-bar updates per training run; each chunk is cached on its own
SEED_MAX = 9999


def names() -> dict[str, str]:
    return {k: pick(act.REGISTRY[k].name_ja, act.REGISTRY[k].name_en) for k in act.ELEMENTWISE}


def labelled(prefix: str, options) -> Callable[[str], str]:
    """format_func from labels looked up now: AppTest calls it outside a script run."""
    return {o: t(f"{prefix}.{o}") for o in options}.__getitem__


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


# ---------------------------------------------------------------------------- ① depth
@st.fragment
def depth_view(labels: dict[str, str]) -> None:
    sig, tanh_max = depth.max_abs_grad("sigmoid"), depth.max_abs_grad("tanh")
    st.markdown(t("gradients.depth.lead", sig_max=num(sig.value), sig_x=short(sig.x),
                  sig_pow10=latex_num(depth.chain_product(sig.value, 10)[-1]),
                  tanh_max=num(tanh_max.value)))
    fns = st.multiselect(t("gradients.depth.fns"), act.ELEMENTWISE,
                         default=["sigmoid", "tanh", "relu"], format_func=labels.get,
                         key="gradients.depth.fns")
    keep("gradients.depth.fns", fns)
    left, right = st.columns(2)
    n_layers = left.select_slider(t("gradients.depth.L"), L_OPTIONS, value=10,
                                   key="gradients.depth.L")
    mode = right.radio(t("gradients.depth.mode"), ("max", "x"), horizontal=True,
                      format_func=labelled("gradients.depth.mode", ("max", "x")),
                      key="gradients.depth.mode")
    keep("gradients.depth.mode", mode)
    x = None
    if mode == "x":
        x = left.slider(t("gradients.depth.x"), -5.0, 5.0, 0.0, 0.1, key="gradients.depth.x")
    if not fns:
        st.info(t("gradients.none"))
        return
    curves = depth.depth_curves(fns, n_layers, x)
    st.plotly_chart(gp.make_depth_figure(curves, labels, t("gradients.depth.x_axis"),
                                         t("gradients.depth.y_axis")),
                    key="gradients.depth.chart", alt=t("gradients.depth.chart_alt"))
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
    if any(curves[name][-1] == 0 for name in fns):
        st.caption(t("gradients.depth.zero"))
    st.caption(t("gradients.depth.note"))


# ---------------------------------------------------------------------------- ② deep MLP
@st.cache_resource(max_entries=1, show_spinner=False)
def weights(cfg: mlp.MLPConfig) -> mlp.Network:
    """Weights and inputs (biases 0), shared read-only by every activation and bias shift.

    One entry: at 100 layers of 512 units the weights alone take 210 MB.
    """
    return mlp.make_network(cfg)


@st.cache_data(max_entries=64, show_spinner=False)
def probe(cfg: mlp.MLPConfig, name: str, with_gradient: bool) -> mlp.LayerStats:
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
    for col, name in zip(st.columns(len(PRESETS)), PRESETS, strict=True):
        col.button(t(f"gradients.mlp.preset.{name}"), key=f"gradients.mlp.preset.{name}",
                   on_click=apply_preset, args=(name,), width="stretch")


def network_settings() -> mlp.MLPConfig:
    """The shared network of ② and ③ (full reruns: both tabs depend on it)."""
    c1, c2, c3 = st.columns(3)
    n_layers = c1.slider(t("gradients.mlp.depth"), 1, 100, 50, key="gradients.mlp.depth")
    width = c2.select_slider(t("gradients.mlp.width"), WIDTHS, value=256,
                             key="gradients.mlp.width")
    batch = c3.select_slider(t("gradients.mlp.batch"), BATCHES, value=256,
                             key="gradients.mlp.batch")
    c1, c2, c3 = st.columns([2, 1, 1])
    init = c1.radio(t("gradients.mlp.init"), mlp.INITS, index=1, horizontal=True,
                    format_func=labelled("gradients.mlp.init", mlp.INITS), key="gradients.mlp.init")
    keep("gradients.mlp.init", init)
    std = 0.1
    if init == "custom":
        std = c2.select_slider(t("gradients.mlp.std"), STDS, value=0.2, key="gradients.mlp.std")
    seed = c3.number_input(t("gradients.mlp.seed"), 0, SEED_MAX, 0, 1, key="gradients.mlp.seed")
    cfg = mlp.MLPConfig(n_layers, width, batch, init, float(std), 0.0, int(seed), dtype="float32")
    st.caption(t("gradients.mlp.std_used", std=num(mlp.init_std(init, width, width, std)),
                 width=width))
    return cfg


@st.fragment
def mlp_view(cfg: mlp.MLPConfig, labels: dict[str, str]) -> None:
    fns = st.multiselect(t("gradients.mlp.fns"), act.ELEMENTWISE,
                         default=list(MLP_DEFAULT), max_selections=4,
                         format_func=labels.get, key="gradients.mlp.fns")
    keep("gradients.mlp.fns", fns)
    if not fns:
        st.info(t("gradients.none"))
        return
    stats = {name: probe(cfg, name, True) for name in fns}
    layer_axis = t("gradients.mlp.layer")
    st.markdown(f"**{t('gradients.mlp.bands')}**")
    bands = (t("gradients.mlp.band.outer"), t("gradients.mlp.band.inner"),
             t("gradients.mlp.band.median"))
    for col, name in zip(st.columns(len(fns)), fns, strict=True):
        col.markdown(f"**{labels[name]}**")
        col.plotly_chart(gp.make_bands_figure(name, stats[name].quantiles, layer_axis,
                                              t("gradients.mlp.value"), bands),
                         key=f"gradients.mlp.bands.{name}",
                         alt=f"{labels[name]}: {t('gradients.mlp.bands')}")
    st.caption(t("gradients.mlp.bands_legend"))
    left, right = st.columns(2)
    left.markdown(f"**{t('gradients.mlp.norm.std')}**")
    left.plotly_chart(gp.make_layer_log_figure({n: s.std for n, s in stats.items()}, labels,
                                               layer_axis),
                      key="gradients.mlp.std_chart", alt=t("gradients.mlp.norm.std"))
    right.markdown(f"**{t('gradients.mlp.norm.grad')}**")
    right.plotly_chart(gp.make_layer_log_figure({n: s.grad_norm for n, s in stats.items()},
                                                labels, layer_axis),
                       key="gradients.mlp.grad_chart", alt=t("gradients.mlp.norm.grad"))
    for name, s in stats.items():
        if s.forward_overflow is not None:
            st.warning(t("gradients.mlp.overflow.forward", fn=labels[name],
                         layer=s.forward_overflow))
        elif s.backward_overflow is not None:
            st.warning(t("gradients.mlp.overflow.backward", fn=labels[name],
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


# ---------------------------------------------------------------------------- ③ dying ReLU
@st.fragment
def dead_view(cfg: mlp.MLPConfig, labels: dict[str, str]) -> None:
    st.caption(t("gradients.dead.settings", depth=cfg.depth, width=cfg.width, batch=cfg.batch,
                 init=t(f"gradients.mlp.init.{cfg.init}"), seed=cfg.seed))
    left, right = st.columns([2, 3])
    bias = left.slider(t("gradients.dead.bias"), -1.0, 0.0, -0.1, 0.05, key="gradients.dead.bias")
    fns = right.multiselect(t("gradients.dead.fns"), act.ELEMENTWISE, default=list(DEAD_FNS),
                            format_func=labels.get, key="gradients.dead.fns")
    keep("gradients.dead.fns", fns)
    if not fns:
        st.info(t("gradients.none"))
        return
    shifted = replace(cfg, bias=float(bias))
    stats = {name: probe(shifted, name, False) for name in fns}
    st.plotly_chart(gp.make_dead_figure({n: s.dead for n, s in stats.items()}, labels,
                                        t("gradients.mlp.layer"), t("gradients.dead.y")),
                    key="gradients.dead.chart", alt=t("gradients.dead.chart_alt"))
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
    return tuple(sorted({max(1, round(steps * k / CHUNKS)) for k in range(1, CHUNKS + 1)}))


@st.cache_data(max_entries=400, show_spinner=False)
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


@st.fragment
def train_view(labels: dict[str, str]) -> None:
    c1, c2, c3 = st.columns(3)
    data = c1.selectbox(t("gradients.train.data"), toydata.DATASETS,
                        format_func=labelled("gradients.train.data", toydata.DATASETS),
                        key="gradients.train.data")
    keep("gradients.train.data", data)
    fn = c2.selectbox(t("gradients.train.fn"), act.ELEMENTWISE,
                      index=act.ELEMENTWISE.index("identity"), format_func=labels.get,
                      key="gradients.train.fn")
    keep("gradients.train.fn", fn)
    optimizer = c3.radio(t("gradients.train.optimizer"), train.OPTIMIZERS, horizontal=True,
                         format_func=labelled("gradients.train.opt", train.OPTIMIZERS),
                         key="gradients.train.optimizer")
    keep("gradients.train.optimizer", optimizer)
    c1, c2, c3, c4 = st.columns(4)
    lr = c1.select_slider(t("gradients.train.lr"), LRS, value=0.03, key="gradients.train.lr")
    steps = c2.select_slider(t("gradients.train.steps"), STEPS, value=1000,
                             key="gradients.train.steps")
    hidden = c3.select_slider(t("gradients.train.width"), HIDDEN, value=32,
                              key="gradients.train.width")
    seed = c4.number_input(t("gradients.train.seed"), 0, SEED_MAX, 0, 1,
                           key="gradients.train.seed")
    cfg = train.TrainConfig(fn, (hidden, hidden), optimizer, float(lr), int(seed))
    marks = milestones(steps)
    bar = st.progress(0.0, text=t("gradients.train.progress", done=0, total=steps))
    for k in range(1, len(marks) + 1):
        state = train_to(data, cfg, marks[:k])
        bar.progress(k / len(marks), text=t("gradients.train.progress", done=marks[k - 1],
                                            total=steps))
    bar.empty()
    grid, accuracy = boundary(data, cfg, marks)
    X, y = toydata.make(data, N_POINTS, cfg.seed)
    low, high = depth.grad_extent(fn)
    if high == 0:
        st.warning(t("gradients.train.zero_grad_note"))
    elif low == high:
        st.info(t("gradients.train.linear_note"))
    m1, m2 = st.columns(2)
    m1.metric(t("gradients.train.accuracy"), f"{100 * accuracy:.1f}%")
    m2.metric(t("gradients.train.final_loss"), num(state.losses[-1]))
    if not train.finite(state):
        st.error(t("gradients.train.diverged"))
    left, right = st.columns([3, 2])
    left.markdown(f"**{t('gradients.train.boundary')}**")
    left.plotly_chart(gp.make_boundary_figure(
        grid.xs, grid.ys, grid.proba, X, y,
        (t("gradients.train.class0"), t("gradients.train.class1")), t("gradients.train.proba")),
        key="gradients.train.boundary_chart", alt=t("gradients.train.boundary"))
    right.markdown(f"**{t('gradients.train.loss')}**")
    right.plotly_chart(gp.make_loss_figure(state.losses, t("gradients.train.step_axis"),
                                           t("gradients.train.loss_axis"),
                                           t("gradients.train.loss")),
                       key="gradients.train.loss_chart", alt=t("gradients.train.loss"))
    st.caption(t("gradients.train.init_note"))


# ---------------------------------------------------------------------------- page
restore_choices("gradients")
st.title(t("gradients.title"))
st.markdown(t("gradients.intro"))
LABELS = names()
tab_depth, tab_mlp, tab_dead, tab_train = st.tabs(
    [t("gradients.tab.depth"), t("gradients.tab.mlp"), t("gradients.tab.dead"),
     t("gradients.tab.train")])
with tab_depth:
    depth_view(LABELS)
with tab_mlp:
    st.markdown(t("gradients.mlp.lead"))
    st.caption(t("gradients.mlp.try"))
    preset_buttons()
    CFG = network_settings()
    mlp_view(CFG, LABELS)
with tab_dead:
    st.markdown(t("gradients.dead.lead"))
    dead_view(CFG, LABELS)
with tab_train:
    st.markdown(t("gradients.train.lead"))
    train_view(LABELS)
