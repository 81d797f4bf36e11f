"""Helpers for AppTest: run the real router at a page, as a learner's browser would."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

APP = str(ROOT / "app.py")


def open_page(page: str | None = None, query: dict | None = None, lang: str = "ja") -> AppTest:
    """AppTest of app.py switched to ``views/<page>.py`` with optional query params, run once."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = lang
    for key, value in (query or {}).items():
        at.query_params[key] = value
    if page is not None:
        at.switch_page(f"views/{page}.py")
    return at.run()
