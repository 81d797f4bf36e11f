"""Shared test setup: the project root on sys.path, and a clean Streamlit cache per test."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(autouse=True)
def _clear_streamlit_caches():
    """Cached results from one test must not leak into the next."""
    yield
    if "streamlit" in sys.modules:
        import streamlit as st

        st.cache_data.clear()
        st.cache_resource.clear()


@pytest.fixture(scope="session")
def pg_server():
    """A PostgreSQL server URL (tests/postgres.py); skips where there is none."""
    import os

    from tests.postgres import ENV, private_cluster

    if os.environ.get(ENV):
        yield os.environ[ENV]
        return
    with private_cluster() as url:
        yield url
