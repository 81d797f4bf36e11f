"""The mock exam, like the E資格's CBT: single and multiple choice only, answers chosen (not
submitted), next / back / skip, a 見直し flag, an overview that jumps to any question, and a
confirmation before finishing with questions unanswered or flagged. When the time runs out
every chosen answer counts. The run is kept in the store after every change, so a reload
or a closed tab comes back to it with the timer still counting."""

from __future__ import annotations

import math
from datetime import UTC, datetime
from pathlib import Path

import streamlit as st

from quiz.answers import encode
from quiz.attempt import Attempt
from quiz.run_json import dumps, loads
from quiz.schema import MultipleQuestion, Question
from quiz.session import EXAM, Item, QuizRun
from quiz.store import LearnerHistory as Store
from ui.i18n import t
from ui.quiz_play import (
    RUN_KEY,
    answer_key,
    answer_widgets,
    question_header,
    read_given,
    set_notice,
)


def _run() -> QuizRun | None:
    run = st.session_state.get(RUN_KEY)
    return run if run is not None and run.mode == EXAM and not run.finished else None


def save(run: QuizRun, store: Store) -> None:
    store.save_run(dumps(run))


def resume(store: Store, by_id: dict[str, Question]) -> None:
    """A new browser session (a reload, a tab opened again) returns to the mock exam in
    progress; the timer has kept counting from its start. Whenever the page has no run and
    the browser has said who the learner is: a kept run exists only while a mock exam is in
    progress (finishing, 中断 and starting another quiz all clear it)."""
    if store.known and st.session_state.get(RUN_KEY) is None:
        st.session_state[RUN_KEY] = loads(store.load_run(), by_id)


def finish(run: QuizRun, by_id: dict[str, Question], store: Store, now: datetime) -> None:
    """Score the run and store every answer given (unanswered questions are not attempts)."""
    responses = run.finish(by_id, now)
    store.add([Attempt(run.session_id, r.qid, r.theme, r.correct, encode(r.given), r.answered_at)
               for r in responses if r.given is not None])
    store.clear_run()


def time_up(run: QuizRun, by_id: dict[str, Question], store: Store, now: datetime) -> bool:
    """The time is over: score what is chosen and say so."""
    if run.finished or run.seconds_left(now) != 0:
        return False
    finish(run, by_id, store, now)
    set_notice("quiz.time_up")
    return True


def _choose(by_id: dict[str, Question], store: Store) -> None:
    run, now = _run(), datetime.now(UTC)
    if run is None or time_up(run, by_id, store, now):
        return
    given, _ = read_given(by_id[run.current.qid], run.current, answer_key(run))
    run.choose(given, now)
    save(run, store)


def _flag(store: Store) -> None:
    run = _run()
    if run is not None:
        run.toggle_flag()
        save(run, store)


def _go(index: int | None, store: Store) -> None:
    run = _run()
    if run is not None and index is not None:
        run.go(index, datetime.now(UTC))
        save(run, store)


def _jump(key: str, store: Store) -> None:
    index = st.session_state.get(key)
    if index is not None:
        _go(index, store)


_clock = st.components.v2.component(
    "actlab_exam_clock", js=(Path(__file__).with_name("exam_clock.js")).read_text("utf-8"),
    isolate_styles=False)


def _timer(run: QuizRun, by_id: dict[str, Question], store: Store) -> None:
    """The time left, drawn by the server and counted down by the browser, which reruns the
    page once when it reaches 0 (then, or at any earlier rerun, the server scores it). The
    clock's key is the exam's: a new exam mounts a new clock, never the last one's."""
    now = datetime.now(UTC)
    if time_up(run, by_id, store, now):
        st.rerun()  # the whole page: the results replace the question
    left = run.seconds_left(now)
    seconds = math.ceil(left)  # as the browser counts: 0:00 only when the time is up
    with st.container(key="quiz-exam-clock"):
        st.markdown(f":material/timer: **{t('quiz.time_left', mm=seconds // 60, ss=seconds % 60)}**")
    template = t("quiz.time_left", mm="{mm}", ss=0).replace("00", "{ss}")
    _clock(key=f"quiz.exam.clock.{run.session_id}", height=0, on_time_up_change=_noop,
           data={"left_ms": left * 1000, "template": template})


def _noop() -> None:
    pass


def _restore(question: Question, item: Item, key: str, run: QuizRun) -> None:
    """Show the answer chosen earlier when coming back to a question (or after a reload)."""
    given = run.choices.get(item.qid)
    if isinstance(question, MultipleQuestion):
        for k, option in enumerate(item.options):
            st.session_state.setdefault(f"{key}.{k}", given is not None and option in given)
    elif given is not None and key not in st.session_state:
        st.session_state[key] = item.options.index(given)


def _overview(run: QuizRun, store: Store) -> None:
    """Every question with its state; choosing one jumps there."""
    unanswered, flagged = set(run.unanswered()), set(run.flagged())
    n = len(run.items)
    label = t("quiz.exam.overview", answered=n - len(unanswered), flagged=len(flagged),
              unanswered=len(unanswered))
    with st.expander(label, icon=":material/grid_view:"):
        st.caption(t("quiz.exam.legend"))
        names = {i: f"{i + 1} {'□' if i in unanswered else '■'}{' ⚑' if i in flagged else ''}"
                 for i in range(n)}
        key = f"quiz.overview.{run.session_id[:8]}.{run.index}"
        st.pills(t("quiz.exam.jump"), list(range(n)), default=run.index, required=True,
                 format_func=names.get, key=key, on_change=_jump, args=(key, store))


def _finish_now(by_id: dict[str, Question], store: Store) -> None:
    run = _run()
    if run is not None:
        finish(run, by_id, store, datetime.now(UTC))


def _confirm_finish(run: QuizRun, by_id: dict[str, Question], store: Store) -> None:
    st.markdown(t("quiz.exam.confirm_body", unanswered=len(run.unanswered()),
                  flagged=len(run.flagged())))
    left, right = st.columns(2)
    # The work is in callbacks, which run before any rerun; the button's own True then
    # leaves the dialog (a dialog's click reruns only the dialog) for the whole page.
    if left.button(t("quiz.exam.finish_yes"), key="quiz.exam.finish_yes", type="primary",
                   width="stretch", on_click=_finish_now, args=(by_id, store)):
        st.rerun()
    if right.button(t("quiz.exam.finish_no"), key="quiz.exam.finish_no", width="stretch"):
        st.rerun()


def _navigation(run: QuizRun, store: Store) -> None:
    last, skip_to = len(run.items) - 1, run.next_unanswered()
    back, forward, skip = st.columns(3)
    back.button(t("quiz.exam.back"), key="quiz.exam.back", disabled=run.index == 0,
                on_click=_go, args=(run.index - 1, store), icon=":material/arrow_back:",
                width="stretch")
    forward.button(t("quiz.exam.next"), key="quiz.exam.next", disabled=run.index == last,
                   on_click=_go, args=(run.index + 1, store), icon=":material/arrow_forward:",
                   type="primary", width="stretch")
    skip.button(t("quiz.exam.skip"), key="quiz.exam.skip", help=t("quiz.exam.skip_help"),
                disabled=skip_to in (None, run.index), on_click=_go, args=(skip_to, store),
                icon=":material/redo:", width="stretch")


def render_exam_question(run: QuizRun, by_id: dict[str, Question], store: Store) -> None:
    _timer(run, by_id, store)
    item = run.current
    question = by_id[item.qid]
    n = len(run.items)
    question_header(run, question, t("quiz.exam.progress", i=run.index + 1, n=n,
                                     answered=n - len(run.unanswered())))
    key = answer_key(run)
    _restore(question, item, key, run)
    answer_widgets(question, item, key, on_change=_choose, args=(by_id, store))
    st.checkbox(t("quiz.exam.flag"), value=item.qid in run.flags,
                key=f"quiz.flag.{run.session_id[:8]}.{run.index}", on_change=_flag,
                args=(store,))
    _navigation(run, store)
    _overview(run, store)
    if st.button(t("quiz.exam.finish"), key="quiz.exam.finish", icon=":material/done_all:"):
        if run.unanswered() or run.flagged():
            st.dialog(t("quiz.exam.confirm_title"))(_confirm_finish)(run, by_id, store)
        else:
            _finish_now(by_id, store)
            st.rerun()
