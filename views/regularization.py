"""初期化・正規化・正則化 (/regularization): activation histograms per layer with and without
batch normalisation (tab ①), and overfitting with its cures (tab ②).

Thin page: widgets (keys ``reg.*``), cached calls into ``gradflow.init_bn`` and
``gradflow.overfit`` (pure NumPy), figures from ``plots.regularization_lab``. Only the open
tab runs (``st.tabs(on_change="rerun")``) and each tab is one fragment. Each tab draws its
chart first and its controls right under it, so a phone shows both on the first screen.
"""

from __future__ import annotations

import streamlit as st

from gradflow import init_bn
from plots import regularization_lab as rp
from ui.charts import PLOTLY_CONFIG
from ui.i18n import keep, restore_choices, t
from ui.strings import CATALOGUE

TABS = ("init", "overfit")
TAB_KEY = "reg.tab"
DEFAULTS = {"reg.init.activation": "sigmoid", "reg.init.init": "std1"}
OPTIONS = {"reg.init.activation": init_bn.ACTIVATIONS, "reg.init.init": init_bn.INITS}


def labelled(prefix: str, options):
    """format_func from labels looked up now: AppTest calls it outside a script run."""
    return {o: t(f"{prefix}.{o}") for o in options}.__getitem__


def remember_controls() -> None:
    """Only the open tab draws its widgets and Streamlit forgets an undrawn widget's value:
    writing each value back keeps a learner's settings across a visit to the other tab."""
    for key, default in DEFAULTS.items():
        value = st.session_state.get(key, default)
        st.session_state[key] = value if value in OPTIONS[key] else default


def open_tab_in_this_language() -> None:
    """The tab strip's state is the open tab's label: name it in the new language."""
    current = st.session_state.get(TAB_KEY)
    for tab in TABS:
        label = t(f"reg.tab.{tab}")
        if current in CATALOGUE[f"reg.tab.{tab}"] and current != label:
            st.session_state[TAB_KEY] = label


@st.cache_data(max_entries=64, show_spinner=False)
def experiment(setting: init_bn.Setting) -> init_bn.Result:
    return init_bn.experiment(setting)


def reading_text(result: init_bn.Result) -> str:
    layers = result.layers
    fields = {"g": result.growth, "std": layers[-1].std, "mean": layers[-1].mean,
              "near": sum(s.near_ends for s in layers) / len(layers)}
    if result.setting.activation in init_bn.OUTPUT_RANGE:
        fields["lo"], fields["hi"] = init_bn.OUTPUT_RANGE[result.setting.activation]
    return t(f"reg.read.{result.reading}", **fields)


def histograms(result: init_bn.Result, title_key: str, colour: str, top: float,
               setting_label: str, key: str) -> None:
    st.markdown(f"**{t(title_key)}**")
    reading = reading_text(result)
    st.plotly_chart(rp.make_histogram_figure(result, t("reg.init.layer"), t("reg.init.zero_note"),
                                             t("reg.init.share"), colour, top),
                    key=key, config=PLOTLY_CONFIG,
                    alt=t("reg.init.alt", setting=setting_label, reading=reading))
    st.info(reading)


@st.fragment
def init_tab() -> None:
    s = st.session_state
    activation, init = s["reg.init.activation"], s["reg.init.init"]  # checked by remember_controls
    plain = experiment(init_bn.Setting(activation, init, batchnorm=False))
    normed = experiment(init_bn.Setting(activation, init, batchnorm=True))
    top = rp.histogram_top(plain, normed)
    label = f"{t(f'reg.init.act.{activation}')} + {t(f'reg.init.opt.{init}')}"

    st.subheader(t("reg.init.heading"), anchor=False)
    histograms(plain, "reg.init.plain", rp.COLOURS["plain"], top, label, "reg.init.fig_plain")
    left, right = st.columns(2)
    left.radio(t("reg.init.activation"), init_bn.ACTIVATIONS, key="reg.init.activation",
               format_func=labelled("reg.init.act", init_bn.ACTIVATIONS), horizontal=True)
    right.radio(t("reg.init.init"), init_bn.INITS, key="reg.init.init",
                format_func=labelled("reg.init.opt", init_bn.INITS), horizontal=True)
    keep("reg.init.activation", s["reg.init.activation"])
    keep("reg.init.init", s["reg.init.init"])
    st.caption(t("reg.init.sigma", sigma=init_bn.weight_std(init, plain.setting.width),
                 n=plain.setting.width) + " " + t("reg.init.setup"))

    histograms(normed, "reg.init.bn", rp.COLOURS["bn"], top, label, "reg.init.fig_bn")
    layers = normed.layers
    st.caption(t("reg.init.bn_stats", m=max(x.pre_mean_abs_max for x in layers),
                 lo=min(x.pre_std_min for x in layers), hi=max(x.pre_std_max for x in layers)))
    st.caption(t("reg.init.rule"))
    st.write(t("reg.init.lesson"))


# ---------------------------------------------------------------------------- page
restore_choices("reg")
remember_controls()
open_tab_in_this_language()
st.html("<style>h1 { word-break: keep-all; }</style>")
st.title(t("reg.title"), anchor=False)
st.caption(t("reg.intro"))
VIEWS = {"init": init_tab}
SHOWN = tuple(k for k in TABS if k in VIEWS)
for tab, name in zip(st.tabs([t(f"reg.tab.{k}") for k in SHOWN], key=TAB_KEY,
                             on_change="rerun"), SHOWN, strict=True):
    if tab.open:
        with tab:
            VIEWS[name]()
