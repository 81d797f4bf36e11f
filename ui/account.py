"""Login, offered in the sidebar only where OIDC login is configured (``[auth]`` in
secrets). The app never requires it: without it each browser is its own learner."""

from __future__ import annotations

import streamlit as st

from ui.i18n import t


def login_configured() -> bool:
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all: Streamlit raises its own error types
        return False


def logged_in() -> bool:
    return login_configured() and bool(st.user.is_logged_in)


def render_account() -> None:
    if not login_configured():
        return
    if logged_in():
        name = st.user.get("name") or st.user.get("email") or ""
        st.sidebar.caption(t("learner.logged_in", name=name))
        st.sidebar.button(t("learner.logout"), key="learner.logout", on_click=st.logout)
    else:
        st.sidebar.caption(t("learner.login.why"))
        st.sidebar.button(t("learner.login"), key="learner.login", on_click=st.login)
