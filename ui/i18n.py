"""The current language and the lookup of UI strings (Japanese first, English on request)."""

from __future__ import annotations

import streamlit as st

from .strings import CATALOGUE

LANGS = ("ja", "en")
LANG_KEY = "lang"


def lang() -> str:
    value = st.session_state.get(LANG_KEY, "ja")
    return value if value in LANGS else "ja"


def t(key: str, **fields) -> str:
    """The string for ``key`` in the current language, formatted with ``fields``."""
    ja, en = CATALOGUE[key]
    text = en if lang() == "en" else ja
    return text.format(**fields) if fields else text


def pick(ja: str, en: str) -> str:
    """Choose between two content strings (registry fields, bank text) by language."""
    return en if lang() == "en" else ja
