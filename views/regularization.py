"""初期化・正規化・正則化 (/regularization): activation histograms per layer with and without
batch normalisation (tab ①), and overfitting with its cures (tab ②).

Thin page: widgets (keys ``reg.*``), cached calls into ``gradflow.init_bn`` and
``gradflow.overfit`` (pure NumPy), figures from ``plots.regularization_lab``. Only the open
tab runs (``st.tabs(on_change="rerun")``) and each tab is one fragment. Each tab draws its
chart first and its controls right under it, so a phone shows both on the first screen.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from gradflow import init_bn, overfit
from plots import regularization_lab as rp
from plots.shared_figure import unchecked
from ui.charts import PLOTLY_CONFIG
from ui.i18n import keep, labelled, name_open_tab, restore_choices, t
from ui.url_warnings import warn
from viewstate import regularization_lab as lab

TAB_KEY = "reg.tab"
TABS, FIT_METHODS, DEFAULTS, OPTIONS = lab.TABS, lab.FIT_METHODS, lab.DEFAULTS, lab.OPTIONS
STRENGTHS = overfit.OFFERED
SYNCED = "reg._query"  # the query this page wrote last: anything else is a new link
URL_PROBLEMS = "reg._url_problems"  # a new link's problems, warned about once


def seed_from_url() -> None:
    """A new link (not the query this page wrote) sets the tab and the choices it names."""
    ss = st.session_state
    raw = st.query_params.to_dict()
    if not raw or raw == ss.get(SYNCED):
        return
    tab, chosen, ss[URL_PROBLEMS] = lab.parse_query(raw)
    ss.update(chosen)
    if tab is not None:
        ss[TAB_KEY] = t(f"reg.tab.{tab}")


def sync_url(tab: str) -> None:
    """Write the open tab and both tabs' choices back to the URL: a reload keeps them."""
    ss = st.session_state
    query = lab.to_query(tab, ss)
    if st.query_params.to_dict() != query:
        st.query_params.from_dict(query)
    ss[SYNCED] = query


def warn_url() -> None:
    labels = {"tab": t("reg.url.tab"), "act": t("reg.init.activation"),
              "init": t("reg.init.init"), "fit": t("reg.fit.method"),
              "l2": t("reg.url.l2"), "l1": t("reg.url.l1"), "dropout": t("reg.fit.ratio"),
              "early": t("reg.url.early")}
    choices = {"tab": {k: t(f"reg.tab.{k}") for k in TABS},
               "act": {k: t(f"reg.init.act.{k}") for k in init_bn.ACTIVATIONS},
               "init": {k: t(f"reg.init.opt.{k}") for k in init_bn.INITS},
               "fit": {k: t(f"reg.fit.m.{k}") for k in FIT_METHODS}}
    warn("reg.warn", st.session_state.pop(URL_PROBLEMS, []), labels, choices)


def remember_controls() -> None:
    """Only the open tab draws its widgets and Streamlit forgets an undrawn widget's value:
    writing each value back keeps a learner's settings across a visit to the other tab."""
    for key, default in DEFAULTS.items():
        value = st.session_state.get(key, default)
        st.session_state[key] = value if value in OPTIONS[key] else default


@st.cache_data(max_entries=64, show_spinner=False)
def experiment(setting: init_bn.Setting) -> init_bn.Result:
    return init_bn.experiment(setting)


# Shared by every session (read, never changed) and built without Plotly's checks: checked,
# the five panels took 45-200 ms to build, and a class of learners trying the same settings
# queued behind each other's builds (tests/test_shared_figure.py checks the spec instead).
@st.cache_resource(max_entries=64, show_spinner=False)
def histogram_figure(setting: init_bn.Setting, layer_title: str, zero_note: str, y_title: str,
                     colour: str):
    return unchecked(rp.histogram_spec(experiment(setting), layer_title, zero_note, y_title,
                                       colour))


def reading_text(result: init_bn.Result) -> str:
    layers = result.layers
    # the mean to 2 decimals: "around 0", not 8.88e-09 (+ 0.0: no "-0")
    fields = {"g": result.growth, "std": layers[-1].std, "mean": round(layers[-1].mean, 2) + 0.0,
              "near": sum(s.near_ends for s in layers) / len(layers)}
    if result.setting.activation in init_bn.OUTPUT_RANGE:
        fields["lo"], fields["hi"] = init_bn.OUTPUT_RANGE[result.setting.activation]
        fields["slope"], fields["peak"] = init_bn.edge_slope(result.setting.activation)
        fields["ratio"] = fields["slope"] / fields["peak"]
    return t(f"reg.read.{result.reading}", **fields)


def histograms(result: init_bn.Result, title_key: str, colour: str, setting_label: str,
               key: str) -> str:
    """Draw one row of histograms under its title; return its reading (shown by the caller)."""
    st.markdown(f"**{t(title_key)}**")
    reading = reading_text(result)
    st.plotly_chart(histogram_figure(result.setting, t("reg.init.layer"), t("reg.init.zero_note"),
                                     t("reg.init.share"), colour),
                    key=key, config=PLOTLY_CONFIG,
                    alt=t("reg.init.alt", setting=setting_label, reading=reading))
    return reading


@st.fragment
def init_tab() -> None:
    s = st.session_state
    activation, init = s["reg.init.activation"], s["reg.init.init"]  # checked by remember_controls
    plain = experiment(init_bn.Setting(activation, init, batchnorm=False))
    normed = experiment(init_bn.Setting(activation, init, batchnorm=True))
    label = f"{t(f'reg.init.act.{activation}')} + {t(f'reg.init.opt.{init}')}"

    reading = histograms(plain, "reg.init.plain", rp.COLOURS["plain"], label,
                         "reg.init.fig_plain")
    left, right = st.columns(2)
    left.radio(t("reg.init.activation"), init_bn.ACTIVATIONS, key="reg.init.activation",
               format_func=labelled("reg.init.act", init_bn.ACTIVATIONS), horizontal=True)
    right.radio(t("reg.init.init"), init_bn.INITS, key="reg.init.init",
                format_func=labelled("reg.init.opt", init_bn.INITS), horizontal=True)
    keep("reg.init.activation", s["reg.init.activation"])
    keep("reg.init.init", s["reg.init.init"])
    st.info(reading)
    if activation == "relu":
        first, last = plain.histograms[0], plain.histograms[-1]
        st.caption(t("reg.init.relu_axis", top=first.edges[-1], bin=first.edges[1],
                     first=init_bn.first_bin_share(first), last=init_bn.first_bin_share(last)))
    st.caption(t("reg.init.sigma", sigma=init_bn.weight_std(init, plain.setting.width),
                 n=plain.setting.width) + " " + t("reg.init.setup"))

    st.info(histograms(normed, "reg.init.bn", rp.COLOURS["bn"], label, "reg.init.fig_bn"))
    layers = normed.layers
    st.caption(t("reg.init.bn_stats", m=max(x.pre_mean_abs_max for x in layers),
                 lo=min(x.pre_std_min for x in layers), hi=max(x.pre_std_max for x in layers)))
    st.caption(t("reg.init.rule"))
    st.write(t("reg.init.lesson"))
    sync_url("init")


@st.cache_data(max_entries=64, show_spinner=False)
def fit(cfg: overfit.OverfitConfig) -> overfit.OverfitRun:
    return overfit.train(cfg)


def gap_text(label: str, run: overfit.OverfitRun) -> str:
    return t("reg.fit.gap", label=label, train=run.train_loss[-1], val=run.val_loss[-1],
             train_acc=run.train_acc, val_acc=run.val_acc)


def strength_control(method: str) -> None:
    if method == "none":
        return
    label = {"l2": "reg.fit.lambda", "l1": "reg.fit.lambda", "dropout": "reg.fit.ratio",
             "early": "reg.fit.patience"}[method]
    st.select_slider(t(label), STRENGTHS[method], key=f"reg.fit.{method}")


@st.fragment
def overfit_tab() -> None:
    s = st.session_state
    method = s["reg.fit.method"]  # checked by remember_controls
    base_cfg = overfit.OverfitConfig()
    base = fit(base_cfg)
    if method in overfit.METHODS and method != "none":
        run = fit(overfit.OverfitConfig(method, float(s[f"reg.fit.{method}"])))
    else:
        run = base
    name = t(f"reg.fit.m.{method}")
    stop = base.stop(int(s["reg.fit.early"])) if method == "early" else None

    st.subheader(t("reg.fit.heading"), anchor=False)
    colours = rp.COLOURS
    curves = {}
    if run is not base:
        curves[t("reg.fit.train_none")] = (base.train_loss, colours["train"], True)
        curves[t("reg.fit.val_none")] = (base.val_loss, colours["val"], True)
    curves[t("reg.fit.train")] = (run.train_loss, colours["train"], False)
    curves[t("reg.fit.val")] = (run.val_loss, colours["val"], False)
    ratio = base.train_loss[-1] / base.val_loss[-1]
    reading = t("reg.fit.overfit", train=base.train_loss[-1], val=base.val_loss[-1], ratio=ratio)
    st.plotly_chart(rp.make_loss_figure(curves, None if stop is None else stop.best_epoch,
                                        t("reg.fit.stop"), t("reg.fit.epoch"), t("reg.fit.loss")),
                    key="reg.fit.loss_figure", config=PLOTLY_CONFIG,
                    alt=t("reg.fit.loss_alt", reading=reading))
    st.radio(t("reg.fit.method"), FIT_METHODS, key="reg.fit.method", horizontal=True,
             format_func=labelled("reg.fit.m", FIT_METHODS))
    keep("reg.fit.method", s["reg.fit.method"])
    strength_control(method)
    st.info(reading)
    if stop is not None:
        fields = dict(patience=int(s["reg.fit.early"]), best=stop.best_epoch + 1,
                      stop=stop.stop_epoch + 1, val=base.val_loss[stop.best_epoch],
                      last=base.val_loss[-1])
        st.success(t("reg.fit.early_note" if stop.stopped else "reg.fit.early_none", **fields))
    elif run is not base:  # the verdict is computed: a cure that does not help here says so
        verdict = overfit.verdict(run, base)
        box = st.success if verdict == "helps" else st.warning
        box(t(f"reg.fit.verdict.{verdict}", label=name, val=run.val_loss[-1],
              base=base.val_loss[-1]) + "\n\n" + gap_text(name, run))
    st.caption(gap_text(t("reg.fit.m.none"), base))
    cfg = base_cfg
    st.caption(t("reg.fit.setup", n_train=cfg.n_train, n_val=cfg.n_val, hidden=cfg.hidden,
                 lr=cfg.lr, epochs=cfg.epochs))

    st.subheader(t("reg.fit.boundary"), anchor=False)
    if stop is not None:
        right = fit(base_cfg.until(stop.best_epoch))
        right_title = t("reg.fit.at_epoch", label=name, epoch=stop.best_epoch + 1)
    else:
        right, right_title = run, name
    panels = [(t("reg.fit.m.none"), base)]
    if right is not base:
        panels.append((right_title, right))
    st.plotly_chart(rp.make_boundary_figure(panels, (t("reg.fit.class0"), t("reg.fit.class1"))),
                    key="reg.fit.boundary_figure", config=PLOTLY_CONFIG,
                    alt=t("reg.fit.boundary_alt", label=right_title))

    st.subheader(t("reg.fit.weights"), anchor=False)
    rows = [(t("reg.fit.m.none"), base)] + ([(right_title, right)] if right is not base else [])
    st.table(pd.DataFrame({
        t("reg.fit.col_run"): [label for label, _ in rows],
        t("reg.fit.col_norm"): [f"{r.weight_norm:.3f}" for _, r in rows],
        t("reg.fit.col_zero", th=overfit.NEAR_ZERO): [f"{r.near_zero:.1%}" for _, r in rows],
    }), hide_index=True)
    st.caption(t("reg.fit.weights_note", th=overfit.NEAR_ZERO))
    if method == "dropout":
        st.caption(t("reg.fit.dropout_note"))
    sync_url("overfit")


# ---------------------------------------------------------------------------- page
restore_choices("reg")
seed_from_url()
remember_controls()
name_open_tab(TAB_KEY, "reg.tab", TABS)
st.html("<style>h1 { word-break: keep-all; }</style>")
st.title(t("reg.title"), anchor=False)
st.caption(t("reg.intro"))
warn_url()
VIEWS = {"init": init_tab, "overfit": overfit_tab}
for tab, name in zip(st.tabs([t(f"reg.tab.{k}") for k in TABS], key=TAB_KEY,
                             on_change="rerun"), TABS, strict=True):
    if tab.open:
        with tab:
            VIEWS[name]()
