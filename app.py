"""E資格 深層学習ラボ: the router. Every page is declared in routes.py; the language toggle lives here."""

from pathlib import Path

import streamlit as st

import preload  # noqa: F401  (once per server process: shared imports, then gc.freeze())
from routes import by_section, unknown_page
from ui import layout_css, streamlit_ja
from ui.account import render_account
from ui.i18n import LANG_KEY, LANGS, remember_lang, t

# A local image: a ":material/…:" icon is fetched from a font server, which fails offline.
st.set_page_config(page_title="E資格 深層学習ラボ", page_icon=str(Path(__file__).parent / "ui/favicon.png"),
                   layout="wide")

if LANG_KEY not in st.session_state:
    st.session_state[LANG_KEY] = "ja"
layout_css.apply()
with st.sidebar:
    remember_lang()  # the language this browser chose last time
st.sidebar.radio(
    t("app.language"), LANGS, key=LANG_KEY, horizontal=True,
    format_func=lambda code: {"ja": "日本語", "en": "English"}[code],
)
streamlit_ja.apply(st.session_state[LANG_KEY])
render_account()

# One section per part of the unit (activations, loss and backpropagation, ...); home on top.
pages = {
    t(f"nav.section.{key}") if key else "": [
        st.Page(r.script, title=t(r.nav_key), icon=r.icon, url_path=r.path.strip("/"),
                default=r.path == "/")
        for r in routes]
    for key, routes in by_section().items()
}
# An unknown URL gets the app's own not-found page under its name (Streamlit's is an
# English dialog that then runs the home page).
missing = unknown_page(st.context.url, st.get_option("server.baseUrlPath"))
if missing:
    pages.setdefault("", []).append(
        st.Page("views/not_found.py", title=t("notfound.title"), url_path=missing,
                visibility="hidden"))
st.navigation(pages).run()
