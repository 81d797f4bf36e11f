"""The current language and the lookup of UI strings (Japanese first, English on request)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import streamlit as st

from .strings import CATALOGUE

LANGS = ("ja", "en")
LANG_KEY = "lang"


COOKIE = "actlab_lang"  # written by lang_memory.js


def first_lang() -> str:
    """A new session's language: the one this browser kept (its cookie) if we offer it, else
    Japanese. Read before the first page is drawn, so a learner who chose English does not
    see it in Japanese first (the browser's localStorage answers only after a render)."""
    value = st.context.cookies.get(COOKIE)
    return value if value in LANGS else "ja"


def lang() -> str:
    value = st.session_state.get(LANG_KEY, "ja")
    return value if value in LANGS else "ja"


_FIRST, _APPLIED = "i18n.lang_first", "i18n.lang_applied"
_memory = st.components.v2.component(
    "actlab_lang", js=Path(__file__).with_name("lang_memory.js").read_text("utf-8"))


def _noop() -> None:
    pass


def remember_lang() -> None:
    """The language this browser chose last time, taken once per session; and the current
    one kept for next time. Until the browser has answered (or the learner has switched),
    nothing is written: another rerun must not overwrite the kept choice with the default.
    Call before the language toggle is drawn."""
    first = st.session_state.setdefault(_FIRST, lang())
    settled = st.session_state.get(_APPLIED, False) or lang() != first
    result = _memory(key="i18n.memory", height=0, on_saved_change=_noop,
                     data={"lang": lang(), "ask": not settled})
    saved = result.get("saved")
    if saved in LANGS and not settled:
        st.session_state[_APPLIED] = True
        st.session_state[LANG_KEY] = saved


def t(key: str, **fields) -> str:
    """The string for ``key`` in the current language, formatted with ``fields``."""
    ja, en = CATALOGUE[key]
    text = en if lang() == "en" else ja
    return text.format(**fields) if fields else text


def pick(ja: str, en: str) -> str:
    """Choose between two content strings (registry fields, bank text) by language."""
    return en if lang() == "en" else ja


# Choice widgets (selectbox, multiselect, radio with format_func) send their label, which the
# language toggle changes: a page keeps each choice's value, and puts the kept values back
# when the language has changed since its last run, instead of losing or freezing them.
_KEPT = "i18n._kept"


def kept(key: str, default=None):
    """The value last kept for ``key`` (in either language)."""
    return st.session_state.get(_KEPT, {}).get(key, default)


def keep(key: str, value):
    """Remember a choice widget's value (call after the widget); returns the value."""
    st.session_state.setdefault(_KEPT, {})[key] = value
    return value


def restore_choices(page: str) -> None:
    """Call at the top of a page: restore its kept choices (keys ``page.*``) after a switch."""
    seen = f"{page}._lang"
    if st.session_state.get(seen, lang()) != lang():
        for key, value in st.session_state.get(_KEPT, {}).items():
            if key.startswith(f"{page}."):
                st.session_state[key] = value
    st.session_state[seen] = lang()


def labelled(prefix: str, options) -> Callable[[str], str]:
    """format_func from labels looked up now: AppTest calls it outside a script run."""
    return {o: t(f"{prefix}.{o}") for o in options}.__getitem__


def name_open_tab(tab_key: str, prefix: str, tabs) -> None:
    """A tab strip's state is the open tab's label: after the language toggle, name the same
    tab in the new language, or the page would fall back to the first tab."""
    current = st.session_state.get(tab_key)
    for tab in tabs:
        label = t(f"{prefix}.{tab}")
        if current in CATALOGUE[f"{prefix}.{tab}"] and current != label:
            st.session_state[tab_key] = label
