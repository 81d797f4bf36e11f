"""Streamlit's own English (screen-reader names, placeholders, the uploader's texts) in
Japanese while the app is: ui/streamlit_ja.js, an ``st.components.v2`` component that
Streamlit gives the only hook for, since its frontend has no language setting."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

_component = st.components.v2.component(
    "actlab_streamlit_ja", js=Path(__file__).with_name("streamlit_ja.js").read_text("utf-8"))


def apply(lang: str) -> None:
    """Mount once per run; the browser side acts only when the language changes."""
    _component(data={"lang": lang}, key="streamlit_ja", height=0)
