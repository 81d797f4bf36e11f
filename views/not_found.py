"""A URL that names no page: say so in the learner's language and offer every page."""

import streamlit as st

from routes import ROUTES
from ui.i18n import t

st.title(t("notfound.title"))
st.write(t("notfound.body"))
for route in ROUTES:
    st.page_link(route.script, label=t(route.nav_key), icon=route.icon)
