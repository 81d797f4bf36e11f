"""The results of a run: the score, the time used (mock exam), the score by theme, and each
question (its first line with a coloured ✓/✗, never its id) with the marked answer and the
explanation; then the review round of the wrong ones."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from quiz.schema import Question
from quiz.session import EXAM, QuizRun, score_by_theme
from quiz.store import LearnerHistory as Store
from quiz.themes import theme_name
from ui.i18n import lang, t
from ui.quiz_play import RUN_KEY, quit_run, show_notice
from ui.quiz_text import feedback, first_line, mark, md


def _review(by_id: dict[str, Question]) -> None:
    run: QuizRun | None = st.session_state.get(RUN_KEY)
    if run is not None:
        st.session_state[RUN_KEY] = run.review(by_id, np.random.default_rng())


def mm_ss(seconds: float) -> str:
    seconds = max(0, round(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


def _score_table(run: QuizRun) -> pd.DataFrame:
    rows = [{t("quiz.col.theme"): theme_name(theme, lang()), t("quiz.col.correct"): c,
             t("quiz.col.answered"): n, t("quiz.col.accuracy"): f"{round(100 * c / n)}%"}
            for theme, (c, n) in score_by_theme(run.responses).items()]
    return pd.DataFrame(rows)


def render_results(run: QuizRun, by_id: dict[str, Question], store: Store) -> None:
    show_notice()
    st.subheader(t("quiz.results"))
    right = sum(r.correct for r in run.responses)
    total = len(run.responses)
    st.progress(right / total if total else 0.0,
                text=t("quiz.score", correct=right, total=total,
                       pct=round(100 * right / total) if total else 0))
    if run.time_used_s is not None:
        st.markdown(t("quiz.time_used", used=mm_ss(run.time_used_s),
                      limit=mm_ss(run.time_limit_s)))
    st.markdown(f"**{t('quiz.by_theme')}**")
    st.dataframe(_score_table(run), hide_index=True, key="quiz.by_theme")
    st.markdown(f"**{t('quiz.details')}**")
    options = {item.qid: item.options for item in run.items}
    for n, r in enumerate(run.responses, start=1):
        question = by_id[r.qid]
        label = f"{n}. {mark(r.correct)} {first_line(question)}"
        if r.given is None:
            label += f" :gray[{t('quiz.note', text=t('quiz.unanswered'))}]"
        if run.mode == EXAM:
            label += f" · :gray[{t('quiz.seconds', s=round(run.spent_s.get(r.qid, 0.0)))}]"
        with st.expander(label, expanded=run.mode == EXAM and not r.correct):
            md(question.text)
            feedback(question, r.given, r.correct, options.get(r.qid, ()))
    if run.wrong_ids():
        st.button(t("quiz.review"), key="quiz.review", type="primary", on_click=_review,
                  args=(by_id,))
    else:
        st.success(t("quiz.all_right"), icon=":material/celebration:")
    st.button(t("quiz.restart"), key="quiz.restart", on_click=quit_run, args=(store,))
