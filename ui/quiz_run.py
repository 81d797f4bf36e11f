"""The running quiz: a study question, a mock-exam question, or the results."""

from __future__ import annotations

from datetime import UTC, datetime

import streamlit as st

from quiz.schema import Question
from quiz.session import EXAM, QuizRun
from quiz.store import LearnerHistory as Store
from ui.i18n import t
from ui.quiz_exam import render_exam_question, time_up
from ui.quiz_play import quit_button, render_study_question
from ui.quiz_results import render_results


def render_run(run: QuizRun, by_id: dict[str, Question], store: Store) -> None:
    run.prune(by_id)  # a bank file may have changed since the run began
    if run.review_round:
        st.subheader(t("quiz.review_round", r=run.review_round))
    if run.mode == EXAM and not run.finished:
        time_up(run, by_id, store, datetime.now(UTC))
    if run.finished:
        render_results(run, by_id, store)
        return
    if run.mode == EXAM:
        render_exam_question(run, by_id, store)
    else:
        render_study_question(run, by_id, store)
    quit_button(store)
