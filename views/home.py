"""ホーム: the map of the unit (its parts and their pages), a glance at the activations and
their three roles."""

from __future__ import annotations

import streamlit as st

from activations import REGISTRY
from plots.home import HOME_FUNCTIONS, make_home_figure
from routes import by_section
from ui.charts import PLOTLY_CONFIG
from ui.i18n import pick, t

# The formula under each role: what the role means, in one line a learner can check.
ROLES = (
    ("nonlinear", ":material/timeline:", r"W_2(W_1\mathbf{x}) = (W_2 W_1)\,\mathbf{x}"),
    ("gradient", ":material/waves:", r"\sigma'(x) = \sigma(x)\,(1 - \sigma(x)) \le \tfrac{1}{4}"),
    ("normalize", ":material/percent:", r"\textstyle\sum_i \mathrm{softmax}(\mathbf{x})_i = 1"),
)


def _figure():
    return make_home_figure({fn: pick(REGISTRY[fn].name_ja, REGISTRY[fn].name_en)
                             for fn in HOME_FUNCTIONS})


st.title(f":material/monitoring: {t('app.title')}")
with st.container(key="home-tagline"):  # h2, so that the headings below follow in order
    st.markdown(f"## {t('home.tagline')}")
st.write(t("home.unit"))
chart, menu = st.columns([3, 2], gap="large")
with chart:
    st.plotly_chart(_figure(), config=PLOTLY_CONFIG, alt=t("home.chart_alt", names=", ".join(
        pick(REGISTRY[fn].name_ja, REGISTRY[fn].name_en) for fn in HOME_FUNCTIONS)))
    st.caption(t("home.chart_caption"))
with menu:  # the unit's parts, as the navigation groups them
    for key, routes in by_section().items():
        if not key:
            continue
        st.subheader(t(f"nav.section.{key}"))
        for route in routes:
            st.page_link(route.script, label=f"**{t(route.nav_key)}**", icon=route.icon)
            st.caption(t(f"home.desc.{route.nav_key.removeprefix('nav.')}"))

# The chart comes first so a phone's first screen shows it; then the roles of an activation.
st.subheader(t("home.roles"))
st.write(t("home.lead"))
with st.container(key="home-roles"):  # CSS: the cards wrap before a formula outgrows its card
    for column, (role, icon, formula) in zip(st.columns(3), ROLES, strict=True):
        with column, st.container(border=True, height="stretch"):
            st.markdown(f"#### {icon} {t(f'home.role.{role}.title')}")
            st.write(t(f"home.role.{role}.body"))
            st.latex(formula)

with st.expander(t("home.exam"), icon=":material/school:"):
    st.markdown("\n".join(f"- {line}" for line in t("home.exam.items").splitlines()))

st.caption(t("home.footer"))
