"""The 学習履歴 view: today's review (FSRS), accuracy per theme over time, the weakest
questions (each set can be started as a quiz), the mistakes to read again, the study record
and the Anki deck to download, CSV backup."""

from __future__ import annotations

from datetime import UTC, datetime

import streamlit as st

from plots.quiz_history import make_accuracy_figure
from quiz.csv_io import ImportResult, export_csv, import_csv
from quiz.history import daily_accuracy, end_of_day, weakest
from quiz.loader import Bank
from quiz.scheduler import due_ids
from quiz.session import EXAM, STUDY
from quiz.store import LearnerHistory as Store
from quiz.study_record import RecordText, study_record_csv
from quiz.themes import theme_name
from ui.history_privacy import render_privacy
from ui.i18n import lang, t
from ui.learner import refused_text
from ui.quiz_anki import render_anki
from ui.quiz_play import RUN_KEY
from ui.quiz_review import local_zone, render_review
from ui.quiz_setup import start_run
from ui.quiz_text import mark, md, words

TAB_KEY = "quiz.tab"  # the page's tabs; set to the quiz tab's label to show it
_IMPORTED_KEY = "quiz.history.imported"  # (file id, result) of the last upload


def _start_quiz(ids: list[str], bank: Bank, store: Store) -> None:
    """A study quiz of exactly these questions, shown at once in the quiz tab."""
    start_run([bank.by_id[qid] for qid in ids if qid in bank.by_id], STUDY, store)
    st.session_state[TAB_KEY] = t("quiz.tab.quiz")


def _exam_running() -> bool:
    """A mock exam in progress is never thrown away from here (中断 asks first)."""
    run = st.session_state.get(RUN_KEY)
    return run is not None and run.mode == EXAM and not run.finished


def _start_button(label: str, key: str, ids: list[str], bank: Bank, store: Store,
                  **kwargs) -> None:
    running = _exam_running()
    st.button(label, key=key, on_click=_start_quiz, args=(ids, bank, store), disabled=running,
              help=t("quiz.history.exam_running") if running else None, **kwargs)


def _due_today(bank: Bank, attempts: list, store: Store) -> None:
    st.subheader(t("quiz.history.due"))
    st.caption(t("quiz.history.due_means"))
    due = due_ids(bank.questions, attempts, end_of_day(datetime.now(UTC), local_zone()))
    if not due:
        st.info(t("quiz.history.due_none"))
        return
    st.markdown(t("quiz.history.due_count", n=len(due)))
    _start_button(t("quiz.history.due_start", n=len(due)), "quiz.history.due_start", due,
                  bank, store, type="primary", icon=":material/event_repeat:")


def _weak_list(bank: Bank, weak: list) -> None:
    """Each weak question with its numbers and the first paragraph of its text (LaTeX
    rendered, so it is shown whole rather than cut into a table cell), never its id."""
    for n, w in enumerate(weak, start=1):
        question = bank.by_id.get(w.question_id)
        with st.container(border=True):
            st.caption(t("quiz.history.weak_meta", n=n, theme=theme_name(w.theme, lang()),
                         wrong=w.wrong, answered=w.answered, pct=round(100 * w.accuracy),
                         last=w.last_answered, mark=mark(w.last_correct)))
            if question is None:
                st.markdown(t("quiz.history.gone"))
            else:
                md(question.text.strip().split("\n\n")[0])


def _show_import(result: ImportResult) -> None:
    if result.unreadable:
        st.error(t("quiz.history.unreadable"))
    elif result.missing_columns:
        st.error(t("quiz.history.missing_columns", columns=", ".join(result.missing_columns)))
    else:
        st.success(t("quiz.history.imported", added=result.added, duplicates=result.duplicates))
        if result.bad_rows:
            st.warning(t("quiz.history.bad_rows", refused=refused_text(result.refused),
                         rows=", ".join(str(r) for r in result.bad_rows[:50])))


def _retry(bank: Bank, store: Store):
    """The 「この問題を解き直す」 button of one question of the review list."""
    def button(key: str, qid: str) -> None:
        _start_button(t("quiz.review.retry"), key, [qid], bank, store,
                      icon=":material/replay:")
    return button


def _record(bank: Bank, store: Store) -> None:
    """The study record: read and written only when the button is clicked; its words are
    taken now, in the learner's language and time zone."""
    zone = local_zone()
    text = RecordText(lang(), tuple(t(f"quiz.record.col.{c}", tz=zone.key) for c in
                                    ("time", "theme", "question", "given", "key", "result")),
                      t("quiz.record.right"), t("quiz.record.wrong"), t("quiz.history.gone"),
                      words())
    st.subheader(t("quiz.record.header"))
    st.caption(t("quiz.record.note", tz=zone.key))
    st.download_button(
        t("quiz.record.download"),
        lambda: study_record_csv(store.attempts(), bank.by_id, zone, text).encode("utf-8"),
        file_name="activation-lab-study-record.csv", mime="text/csv",
        key="quiz.record.download", on_click="ignore", icon=":material/table_view:")


def _backup(store: Store) -> None:
    st.subheader(t("quiz.history.backup"))
    st.caption(t("quiz.history.backup_note"))
    # a callable: the whole history is read and written out only when the button is clicked
    st.download_button(t("quiz.history.download"), lambda: export_csv(store).encode("utf-8"),
                       file_name="activation-lab-history.csv", mime="text/csv",
                       key="quiz.history.download", on_click="ignore")
    upload = st.file_uploader(t("quiz.history.upload"), type=["csv"], key="quiz.history.upload")
    if upload is not None:
        last = st.session_state.get(_IMPORTED_KEY)
        if last is None or last[0] != upload.file_id:  # import each uploaded file once
            result = import_csv(store, upload.getvalue())
            st.session_state[_IMPORTED_KEY] = (upload.file_id, result)
            if result.added:
                st.rerun()  # redraw the chart and the list above with the imported answers
        _show_import(st.session_state[_IMPORTED_KEY][1])
    render_privacy(store)


def render_history(bank: Bank, store: Store) -> None:
    attempts = store.attempts()
    if not attempts:
        st.info(t("quiz.history.empty"))
    else:
        right = sum(a.correct for a in attempts)
        st.markdown(t("quiz.history.summary", n=len(attempts),
                      pct=round(100 * right / len(attempts))))
        _due_today(bank, attempts, store)
        zone = local_zone()  # the browser's: the review list and the study record use it too
        st.subheader(t("quiz.history.chart", tz=zone.key))
        figure = make_accuracy_figure(daily_accuracy(attempts, zone),
                                      lambda th: theme_name(th, lang()),
                                      t("quiz.history.y"), t("quiz.history.x"))
        st.plotly_chart(figure, key="quiz.history.chart", config={"displayModeBar": False},
                        alt=t("quiz.history.chart", tz=zone.key))
        st.subheader(t("quiz.history.weakest"))
        weak = weakest(attempts, zone=zone)
        if weak:
            _start_button(t("quiz.history.weak_start"), "quiz.history.weak_start",
                          [w.question_id for w in weak], bank, store,
                          icon=":material/fitness_center:")
            _weak_list(bank, weak)
        else:
            st.info(t("quiz.history.no_weak"))
    if _exam_running():  # the keys would be a tab away from the exam's questions
        st.info(t("quiz.review.exam_running"), icon=":material/visibility_off:")
    else:
        if attempts:
            render_review(bank, attempts, _retry(bank, store))
            _record(bank, store)
        render_anki(bank, attempts)
    _backup(store)
