"""The quiz page's loaded resources: the banks (cached until a file changes) and the
learner's history in the shared database."""

from __future__ import annotations

import os

import streamlit as st

from quiz.db_url import ENV_PATH, configured_url
from quiz.loader import BANK_SUFFIXES, Bank, bank_dir, load_paths
from quiz.store import HistoryDB, LearnerHistory, open_db
from ui import learner

_CONNECTION = "history"  # [connections.history] in secrets


@st.cache_data(show_spinner=False)
def _load(directory: str, stamps: tuple) -> Bank:  # stamps: only part of the cache key
    return load_paths([directory])


def load_bank() -> Bank:
    """Every valid question in the bank directory, and every problem found."""
    directory = bank_dir()
    try:
        stamps = tuple(sorted((p.name, p.stat().st_mtime_ns) for p in directory.iterdir()
                              if p.suffix in BANK_SUFFIXES))
    except OSError:
        stamps = ()
    return _load(str(directory), stamps)


def _secret_url() -> str | None:
    try:
        section = st.secrets.get("connections", {}).get(_CONNECTION, {})
        url = section.get("url")
    except Exception:  # no secrets file: Streamlit raises its own error types
        return None
    return url if isinstance(url, str) else None


def _connect(url, **kwargs):
    """st.connection's engine: one per configuration, pooled, shared by every session."""
    return st.connection(_CONNECTION, type="sql", url=url, **kwargs).engine


@st.cache_resource(show_spinner=False)
def _shared_db(url: str | None, path: str | None) -> tuple[HistoryDB | None, str | None]:
    """The process's one migrated history database, or why there is none."""
    return open_db(url, path, _connect)


def get_history() -> LearnerHistory:
    """This session's learner's history: in the shared database, or in memory (with a
    warning) where the database cannot be used."""
    db, warning = _shared_db(configured_url(_secret_url()), os.environ.get(ENV_PATH) or None)
    return learner.history(db, warning)
