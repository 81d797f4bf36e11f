"""Helpers for AppTest: run the real router at a page, as a learner's browser would."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

APP = str(ROOT / "app.py")


# What a browser's localStorage would hold (ui/learner_bridge.js): AppTest runs no JavaScript.
BROWSER_ID = "0123456789abcdef0123456789abcdef"


def open_page(page: str | None = None, query: dict | None = None, lang: str = "ja",
              browser_id: str | None = BROWSER_ID, user: dict | None = None,
              auth: bool = False) -> AppTest:
    """AppTest of app.py switched to ``views/<page>.py`` with optional query params, run once,
    as a browser whose learner id is ``browser_id`` (None: not known yet); ``user`` is
    st.user's claims, ``auth`` makes OIDC login configured (an ``[auth]`` secret)."""
    at = AppTest.from_file(APP, default_timeout=60)
    if auth:
        at.secrets["auth"] = {"redirect_uri": "http://localhost:8501/oauth2callback",
                              "cookie_secret": "x" * 32}
    if user is not None:
        at.user = user
    at.session_state["lang"] = lang
    if browser_id is not None:
        at.session_state["learner.browser_id"] = browser_id
    for key, value in (query or {}).items():
        at.query_params[key] = value
    if page is not None:
        at.switch_page(f"views/{page}.py")
    return at.run()
