"""The quiz page's loaded resources: the banks (cached until a file changes) and the store."""

from __future__ import annotations

import os

import streamlit as st

from quiz.loader import BANK_SUFFIXES, Bank, bank_dir, load_paths
from quiz.store import ENV_VAR, Store, open_store

_MEMORY_KEY = "quiz.memory_store"


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


@st.cache_resource(show_spinner=False)
def _file_store(env_value: str | None) -> Store:
    return open_store(env_value)


def get_store() -> Store:
    """The shared history file; a memory fallback is kept per browser session instead, so
    that learners on one server never see each other's answers."""
    store = _file_store(os.environ.get(ENV_VAR) or None)
    if not store.in_memory:
        return store
    if _MEMORY_KEY not in st.session_state:
        st.session_state[_MEMORY_KEY] = open_store(os.environ.get(ENV_VAR) or None)
    return st.session_state[_MEMORY_KEY]
