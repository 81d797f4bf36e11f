"""Setting up a quiz: themes, number of questions, mode; drawing with the scheduler."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
import streamlit as st

from quiz.loader import Bank
from quiz.run_json import MAX_COUNT
from quiz.scheduler import draw_weights
from quiz.schema import Question
from quiz.session import (
    EXAM,
    SECONDS_PER_QUESTION,
    STUDY,
    QuizRun,
    askable,
    draw,
    drawable,
    exam_time_limit_s,
)
from quiz.store import LearnerHistory as Store
from quiz.themes import THEMES, theme_name
from ui.i18n import keep, kept, lang, t
from ui.quiz_exam import save
from ui.quiz_play import RUN_KEY, quit_run

DEFAULT_COUNT = 10

_LAST_COUNT, _LAST_MODE = "quiz.last_count", "quiz.last_mode"  # as the last run began


def start_run(questions: list[Question], mode: str, store: Store, themes: tuple = (),
              count: int = 0) -> None:
    """Start a run of exactly these questions (options shuffled); it is kept in the store
    from its first second, so that a reload comes back to it (with the setup it came from:
    ``themes`` chosen, ``count`` asked for)."""
    quit_run(store)  # an answer checked but not yet stored is kept, not lost
    run = QuizRun.start(questions, mode, np.random.default_rng(), themes=tuple(themes),
                        count=count)
    st.session_state[RUN_KEY] = run
    save(run, store)


def _start(pool: list[Question], store: Store) -> None:
    count = keep(_LAST_COUNT, int(st.session_state.get("quiz.count") or DEFAULT_COUNT))
    mode = keep(_LAST_MODE, st.session_state.get("quiz.mode") or STUDY)
    pool = askable(pool, mode)
    weights = draw_weights(pool, store.attempts(), datetime.now(UTC))
    start_run(draw(pool, count, np.random.default_rng(), weights), mode, store,
              themes=kept("quiz.themes", ()), count=count)


def recall_setup(run: QuizRun | None) -> None:
    """A run resumed in a new browser session (a reload) puts back the setup it was started
    from, so that 「新しいクイズ」 offers the learner's choices, not the defaults."""
    if run is None or kept(_LAST_MODE) is not None:  # this session has its own
        return
    keep(_LAST_MODE, run.mode)
    if run.themes:
        keep("quiz.themes", list(run.themes))
    if run.count:
        keep(_LAST_COUNT, run.count)


def render_setup(bank: Bank, store: Store) -> None:
    st.subheader(t("quiz.setup.header"))
    present = [theme for theme in THEMES if any(q.theme == theme for q in bank.questions)]
    # Labels are fixed at render time: format_func may be called outside this run.
    names = {theme: theme_name(theme, lang()) for theme in present}
    # One widget per language: a multiselect sends its labels, and a value still in flight
    # in the old language's labels must not empty the new one (seen under load).
    default = [theme for theme in kept("quiz.themes", present) if theme in present]
    chosen = st.multiselect(t("quiz.themes"), present, default=default,
                            key=f"quiz.themes.{lang()}",
                            format_func=lambda theme: names.get(theme, str(theme)))
    keep("quiz.themes", chosen)
    pool = [q for q in bank.questions if q.theme in chosen]
    if not chosen:
        st.warning(t("quiz.themes.none"))
    st.caption(t("quiz.available", n=len(pool)))
    # A widget's value is dropped while a run hides it: 「新しいクイズ」 puts back the
    # learner's last choices, not the defaults.
    count = st.number_input(t("quiz.count"), min_value=1, max_value=MAX_COUNT, step=1,
                            value=kept(_LAST_COUNT, DEFAULT_COUNT), key="quiz.count")
    if "quiz.mode" not in st.session_state:
        st.session_state["quiz.mode"] = kept(_LAST_MODE, STUDY)
    modes = {m: t(f"quiz.mode.{m}") for m in (STUDY, EXAM)}
    mode = keep("quiz.mode", st.radio(t("quiz.mode"), list(modes), key="quiz.mode",
                                      format_func=modes.get))
    if mode == EXAM:
        n = min(int(count), drawable(askable(pool, EXAM)))  # one per group
        st.caption(t("quiz.exam.limit", minutes=round(exam_time_limit_s(n) / 60, 1),
                     seconds=SECONDS_PER_QUESTION))
        st.caption(t("quiz.exam.formats", n=len(askable(pool, EXAM))))
    st.button(t("quiz.start"), key="quiz.start", type="primary",
              disabled=not askable(pool, mode), on_click=_start, args=(pool, store))
