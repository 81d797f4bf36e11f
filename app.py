"""E資格 深層学習ラボ: the router. Every page is declared in routes.py; the language toggle lives here."""

from pathlib import Path

import streamlit as st

import preload  # noqa: F401  (once per server process: shared imports, then gc.freeze())
from routes import by_section, unknown_page
from ui import layout_css, streamlit_ja
from ui.account import render_account
from ui.i18n import LANG_KEY, LANGS, first_lang, remember_lang, t

# A local image: a ":material/…:" icon is fetched from a font server, which fails offline.
st.set_page_config(page_title="E資格 深層学習ラボ", page_icon=str(Path(__file__).parent / "ui/favicon.png"),
                   layout="wide")

if LANG_KEY not in st.session_state:
    st.session_state[LANG_KEY] = first_lang()
layout_css.apply()
with st.sidebar:
    remember_lang()  # the language this browser chose last time
# One section per part of the unit (activations, loss and backpropagation, ...); home on top.
# The menu is drawn here with page links: Streamlit's own sectioned sidebar puts each section's
# heading inside the list of links, which a screen reader reads as a broken list (axe-core).
sections = {key: [(r, st.Page(r.script, title=t(r.nav_key), icon=r.icon,
                              url_path=r.path.strip("/"), default=r.path == "/"))
                  for r in routes]
            for key, routes in by_section().items()}
pages = [page for entries in sections.values() for _, page in entries]
# An unknown URL gets the app's own not-found page under its name (Streamlit's is an
# English dialog that then runs the home page).
missing = unknown_page(st.context.url, st.get_option("server.baseUrlPath"))
if missing:
    pages.append(st.Page("views/not_found.py", title=t("notfound.title"), url_path=missing,
                         visibility="hidden"))
current = st.navigation(pages, position="hidden")
with st.sidebar.container(key="app-menu"):
    for key, entries in sections.items():
        if key:
            st.markdown(f"**{t(f'nav.section.{key}')}**")
        for route, page in entries:
            st.page_link(page, icon=route.icon)
st.sidebar.divider()
st.sidebar.radio(
    t("app.language"), LANGS, key=LANG_KEY, horizontal=True,
    format_func=lambda code: {"ja": "日本語", "en": "English"}[code],
)
streamlit_ja.apply(st.session_state[LANG_KEY])
render_account()
current.run()
