"""The quiz itself: one question at a time, feedback (study mode) or a timer (exam mode),
then the results with the score by theme and the review round."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
import pandas as pd
import streamlit as st

from quiz.answers import Given, encode, option_labels, parse_number
from quiz.attempt import Attempt
from quiz.markdown import safe_markdown
from quiz.schema import ONE_CHOICE, GraphQuestion, MultipleQuestion, NumericQuestion, Question
from quiz.session import EXAM, Item, QuizRun, score_by_theme
from quiz.store import LearnerHistory as Store
from quiz.themes import theme_name
from ui.i18n import lang, t
from ui.quiz_figures import question_extras
from ui.quiz_text import feedback, md

RUN_KEY = "quiz.run"
NOTICE_KEY = "quiz.notice"


def answer_key(run: QuizRun) -> str:
    """The answer widget's key: new for every question of every run, so no answer carries
    over; a multiple-select adds ``.k`` for its k-th checkbox (in display order)."""
    return f"quiz.answer.{run.session_id[:8]}.{run.review_round}.{run.index}"


def _read_given(question: Question, item: Item, key: str) -> tuple[Given, tuple | None]:
    """What the widgets hold, or the notice to show instead."""
    state = st.session_state
    if isinstance(question, MultipleQuestion):
        chosen = tuple(o for k, o in enumerate(item.options) if state.get(f"{key}.{k}"))
        return (chosen, None) if chosen else (None, ("quiz.need_answer", {}))
    value = state.get(key)
    if isinstance(question, NumericQuestion):
        text = (value or "").strip()
        if not text:
            return None, ("quiz.need_answer", {})
        number = parse_number(text)
        return (number, None) if number is not None else (None, ("quiz.bad_number", {"text": text}))
    if value is None:
        return None, ("quiz.need_answer", {})
    return (item.options[value] if isinstance(question, ONE_CHOICE) else value), None


def _time_up(run: QuizRun, by_id: dict[str, Question], now: datetime) -> bool:
    """Exam time is over: score what is left as unanswered and say so."""
    if run.mode != EXAM or run.seconds_left(now) != 0:
        return False
    run.time_out(by_id, now)
    st.session_state[NOTICE_KEY] = ("quiz.time_up", {})
    return True


def _submit(by_id: dict[str, Question], store: Store) -> None:
    run: QuizRun | None = st.session_state.get(RUN_KEY)
    if run is None or run.finished or run.revealed:  # a stale click from another tab
        return
    now = datetime.now(UTC)
    if _time_up(run, by_id, now):
        return
    item = run.current
    question = by_id[item.qid]
    given, notice = _read_given(question, item, answer_key(run))
    if notice:
        st.session_state[NOTICE_KEY] = notice
        return
    r = run.answer(question, given, now)
    store.add([Attempt(run.session_id, r.qid, r.theme, r.correct, encode(r.given), r.answered_at)])


def _next() -> None:
    run: QuizRun | None = st.session_state.get(RUN_KEY)
    if run is not None:
        run.next()


def _review(by_id: dict[str, Question]) -> None:
    run: QuizRun | None = st.session_state.get(RUN_KEY)
    if run is not None:
        st.session_state[RUN_KEY] = run.review(by_id, np.random.default_rng())


def _quit() -> None:
    st.session_state[RUN_KEY] = None


@st.fragment(run_every=1)
def _timer(by_id: dict[str, Question]) -> None:
    run: QuizRun | None = st.session_state.get(RUN_KEY)
    if run is None or run.finished or run.mode != EXAM:
        return
    now = datetime.now(UTC)
    if _time_up(run, by_id, now):
        st.rerun()
    seconds = int(run.seconds_left(now))
    st.markdown(f":material/timer: **{t('quiz.time_left', mm=seconds // 60, ss=seconds % 60)}**")


def _answer_widgets(question: Question, item: Item, key: str, disabled: bool) -> None:
    if isinstance(question, MultipleQuestion):
        st.markdown(f"**{t('quiz.answer')}**")
        for k, option in enumerate(item.options):
            st.checkbox(safe_markdown(option), key=f"{key}.{k}", disabled=disabled)
    elif isinstance(question, ONE_CHOICE):
        labels = [safe_markdown(label) for label in option_labels(question, item.options)]
        st.radio(t("quiz.answer"), list(range(len(labels))), index=None, key=key,
                 format_func=labels.__getitem__, disabled=disabled,
                 horizontal=isinstance(question, GraphQuestion))  # A–D fit on one line
    elif isinstance(question, NumericQuestion):
        st.text_input(t("quiz.answer.numeric"), key=key, disabled=disabled)
    else:
        labels = {True: t("quiz.true"), False: t("quiz.false")}
        st.radio(t("quiz.answer"), [True, False], index=None, key=key, horizontal=True,
                 format_func=labels.get, disabled=disabled)


def _show_notice() -> None:
    notice = st.session_state.pop(NOTICE_KEY, None)
    if notice:
        key, fields = notice
        (st.info if key == "quiz.time_up" else st.warning)(t(key, **fields))


def render_question(run: QuizRun, by_id: dict[str, Question], store: Store) -> None:
    item = run.current
    question = by_id[item.qid]
    st.progress(run.index / len(run.items),
                text=t("quiz.progress", i=run.index + 1, n=len(run.items)))
    _show_notice()
    meta = t("quiz.meta", theme=theme_name(question.theme, lang()),
             difficulty=t(f"quiz.difficulty.{question.difficulty}"),
             kind=t(f"quiz.type.{question.type}"))
    st.caption(f"{meta} · `{question.id}`")
    md(question.text)
    question_extras(question, item, run.revealed)
    _answer_widgets(question, item, answer_key(run), disabled=run.revealed)
    if not run.revealed:
        st.button(t("quiz.submit"), key="quiz.submit", type="primary", on_click=_submit,
                  args=(by_id, store))
        return
    response = run.responses[-1]
    feedback(question, response.given, response.correct)
    st.button(t("quiz.next"), key="quiz.next", type="primary", on_click=_next)


def _score_table(run: QuizRun) -> pd.DataFrame:
    rows = [{t("quiz.col.theme"): theme_name(theme, lang()), t("quiz.col.correct"): c,
             t("quiz.col.answered"): n, t("quiz.col.accuracy"): f"{round(100 * c / n)}%"}
            for theme, (c, n) in score_by_theme(run.responses).items()]
    return pd.DataFrame(rows)


def render_results(run: QuizRun, by_id: dict[str, Question]) -> None:
    _show_notice()
    st.subheader(t("quiz.results"))
    right = sum(r.correct for r in run.responses)
    total = len(run.responses)
    st.progress(right / total if total else 0.0,
                text=t("quiz.score", correct=right, total=total,
                       pct=round(100 * right / total) if total else 0))
    st.markdown(f"**{t('quiz.by_theme')}**")
    st.dataframe(_score_table(run), hide_index=True, key="quiz.by_theme")
    st.markdown(f"**{t('quiz.details')}**")
    for n, r in enumerate(run.responses, start=1):
        question = by_id[r.qid]
        mark = ":material/check_circle:" if r.correct else ":material/cancel:"
        with st.expander(f"{n}. {mark} `{r.qid}`",
                         expanded=run.mode == EXAM and not r.correct):
            md(question.text)
            feedback(question, r.given, r.correct)
    if run.wrong_ids():
        st.button(t("quiz.review"), key="quiz.review", type="primary", on_click=_review,
                  args=(by_id,))
    else:
        st.success(t("quiz.all_right"), icon=":material/celebration:")
    st.button(t("quiz.restart"), key="quiz.restart", on_click=_quit)


def render_run(run: QuizRun, by_id: dict[str, Question], store: Store) -> None:
    """The running quiz: a question, or the results when it is over."""
    run.prune(by_id)  # a bank file may have changed since the run began
    if run.review_round:
        st.subheader(t("quiz.review_round", r=run.review_round))
    if run.finished:
        render_results(run, by_id)
        return
    if run.mode == EXAM:
        _timer(by_id)
    render_question(run, by_id, store)
    st.button(t("quiz.quit"), key="quiz.quit", on_click=_quit)
