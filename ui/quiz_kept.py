"""The quiz in progress, kept with the learner's history after every change, so that a reload
or a tab opened again comes back to it (ui/quiz_exam.resume): a mock exam with its clock still
counting from its start, a study run at the same question with its answers so far and its
review round. A finished or abandoned run is forgotten."""

from __future__ import annotations

import streamlit as st

from quiz.run_json import dumps
from quiz.store import LearnerHistory as Store
from ui.quiz_play import RUN_KEY

_KEPT_KEY = "quiz.kept"  # the text last written for this session


def keep_run(store: Store) -> None:
    """Write the run as it now stands, when it changed. Call after ``resume``, before the
    page draws (callbacks have run) and again at its end (time up, a pruned bank)."""
    if not store.known:
        return
    run = st.session_state.get(RUN_KEY)
    text = dumps(run) if run is not None and not run.finished else None
    if _KEPT_KEY in st.session_state and st.session_state[_KEPT_KEY] == text:
        return
    if text is None:
        store.clear_run()
    else:
        store.save_run(text)
    st.session_state[_KEPT_KEY] = text
