"""E資格 深層学習ラボ: the router. Every page is declared in routes.py; the language toggle lives here."""

import streamlit as st

import preload  # noqa: F401  (once per server process: shared imports, then gc.freeze())
from routes import by_section
from ui import layout_css
from ui.account import render_account
from ui.i18n import LANG_KEY, LANGS, remember_lang, t

st.set_page_config(page_title="E資格 深層学習ラボ", page_icon=":material/show_chart:", layout="wide")
layout_css.apply()

if LANG_KEY not in st.session_state:
    st.session_state[LANG_KEY] = "ja"
with st.sidebar:
    remember_lang()  # the language this browser chose last time
st.sidebar.radio(
    t("app.language"), LANGS, key=LANG_KEY, horizontal=True,
    format_func=lambda code: {"ja": "日本語", "en": "English"}[code],
)
render_account()

# One section per part of the unit (activations, loss and backpropagation, ...); home on top.
pages = {
    t(f"nav.section.{key}") if key else "": [
        st.Page(r.script, title=t(r.nav_key), icon=r.icon, url_path=r.path.strip("/"),
                default=r.path == "/")
        for r in routes]
    for key, routes in by_section().items()
}
st.navigation(pages).run()
