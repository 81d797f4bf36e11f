"""The quiz itself. Study mode: one question at a time, checked at once, the options marked
in place, an optional self-rating for the scheduler. Also what the mock exam
(ui/quiz_exam.py) shares: the answer widgets, the question header, 中断."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import streamlit as st

from quiz.answers import LETTERS, Given, encode, option_labels, overflows, parse_number
from quiz.attempt import Attempt
from quiz.markdown import safe_markdown
from quiz.schema import ONE_CHOICE, GraphQuestion, MultipleQuestion, NumericQuestion, Question
from quiz.session import EXAM, Item, QuizRun
from quiz.spoken import spoken
from quiz.store import LearnerHistory as Store
from quiz.themes import theme_name
from ui.i18n import lang, t
from ui.quiz_figures import graph_choices, question_extras
from ui.quiz_text import explanation, marked_answers, md, verdict

RUN_KEY = "quiz.run"
NOTICE_KEY = "quiz.notice"
RATINGS = (1, 2, 3, 4)  # FSRS: Again, Hard, Good, Easy


def answer_key(run: QuizRun) -> str:
    """The answer widget's key: new for every question of every run, so no answer carries
    over; a multiple-select adds ``.k`` for its k-th checkbox (in display order)."""
    return f"quiz.answer.{run.session_id[:8]}.{run.review_round}.{run.index}"


def read_given(question: Question, item: Item, key: str) -> tuple[Given, tuple | None]:
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
        if number is not None:
            return number, None
        return None, ("quiz.huge_number" if overflows(text) else "quiz.bad_number", {"text": text})
    if value is None:
        return None, ("quiz.need_answer", {})
    return (item.options[value] if isinstance(question, ONE_CHOICE) else value), None


def _submit(by_id: dict[str, Question], store: Store) -> None:
    run: QuizRun | None = st.session_state.get(RUN_KEY)
    if run is None or run.finished or run.revealed or run.mode == EXAM:  # a stale click
        return
    st.session_state.pop(NOTICE_KEY, None)  # the learner acted: the last notice is done
    question = by_id[run.current.qid]
    given, notice = read_given(question, run.current, answer_key(run))
    if notice:
        set_notice(notice[0], **notice[1])
        return
    r = run.answer(question, given, datetime.now(UTC))
    # Stored at once, so that closing the tab loses nothing; a self-rating comes later.
    store.add([_attempt(run, r)])


def _attempt(run: QuizRun, r, rating: int | None = None) -> Attempt:
    return Attempt(run.session_id, r.qid, r.theme, r.correct, encode(r.given), r.answered_at,
                   rating)


def _record_checked(run: QuizRun, store: Store) -> None:
    """The self-rating of the answer just checked, if one was chosen, joins its record."""
    if not run.revealed or not run.responses:
        return
    rating = st.session_state.get(f"{answer_key(run)}.rating")
    if rating in RATINGS:
        store.rate(_attempt(run, run.responses[-1], rating))


def _next(store: Store) -> None:
    run: QuizRun | None = st.session_state.get(RUN_KEY)
    if run is not None:
        _record_checked(run, store)
        run.next()


def quit_run(store: Store) -> None:
    run: QuizRun | None = st.session_state.get(RUN_KEY)
    if run is not None:
        _record_checked(run, store)
        store.clear_run()  # kept runs, study or exam (ui/quiz_kept.py), are forgotten
    st.session_state[RUN_KEY] = None


def _confirm_quit(store: Store) -> None:
    st.markdown(t("quiz.quit.body"))
    left, right = st.columns(2)
    # The work is in the callback (see ui/quiz_exam._confirm_finish for why).
    if left.button(t("quiz.quit.yes"), key="quiz.quit.yes", type="primary", width="stretch",
                   on_click=quit_run, args=(store,)):
        st.rerun()
    if right.button(t("quiz.quit.no"), key="quiz.quit.no", width="stretch"):
        st.rerun()


def quit_button(store: Store) -> None:
    """「中断」: asks before throwing the run away."""
    if st.button(t("quiz.quit"), key="quiz.quit", icon=":material/close:"):
        # The title is in the learner's language, so the dialog is made at call time.
        st.dialog(t("quiz.quit.title"))(_confirm_quit)(store)


def answer_widgets(question: Question, item: Item, key: str, on_change=None,
                   args: tuple = ()) -> None:
    """The answer widgets, in a container the quiz's CSS sizes (ui/layout_css.py: options
    never overlap, each at least 44 px tall); a mock exam passes ``on_change`` to keep each
    choice at once. A graph question's figures come with their choices (ui/quiz_figures)."""
    container = f"quiz-answers-{key.replace('.', '-')}"
    with st.container(key=container):
        _widgets(question, item, key, on_change, args)
        _names(key=f"{key}.names", height=0,
               data={"container": container, "names": _spoken_names(question, item)})


def _spoken_names(question: Question, item: Item) -> list[str]:
    """Each answer input's accessible name, in display order (ui/answer_names.js)."""
    if isinstance(question, GraphQuestion):
        return [t("quiz.graph.choose", letter=letter) for letter in LETTERS[:len(item.options)]]
    if isinstance(question, (*ONE_CHOICE, MultipleQuestion)):
        return [spoken(label) for label in option_labels(question, item.options)]
    if isinstance(question, NumericQuestion):
        return []
    return [t("quiz.true"), t("quiz.false")]


_names = st.components.v2.component(
    "actlab_answer_names", js=(Path(__file__).with_name("answer_names.js")).read_text("utf-8"),
    isolate_styles=False)


def _widgets(question: Question, item: Item, key: str, on_change, args: tuple) -> None:
    if isinstance(question, GraphQuestion):
        graph_choices(item, key, on_change, args)
    elif isinstance(question, MultipleQuestion):
        st.markdown(f"**{t('quiz.answer')}**")
        for k, option in enumerate(item.options):
            st.checkbox(safe_markdown(option), key=f"{key}.{k}", on_change=on_change, args=args)
    elif isinstance(question, ONE_CHOICE):
        labels = [safe_markdown(label) for label in option_labels(question, item.options)]
        st.radio(t("quiz.answer"), list(range(len(labels))), index=None, key=key,
                 format_func=labels.__getitem__, on_change=on_change, args=args)
    elif isinstance(question, NumericQuestion):
        st.text_input(t("quiz.answer.numeric"), key=key, help=t("quiz.answer.numeric_help"))
    else:
        labels = {True: t("quiz.true"), False: t("quiz.false")}
        st.radio(t("quiz.answer"), [True, False], index=None, key=key, horizontal=True,
                 format_func=labels.get)


def _moment(run: QuizRun | None) -> tuple:
    """Where the run stands: a notice belongs to one such moment."""
    return () if run is None else (run.session_id, run.review_round, run.index, run.revealed,
                                   run.finished)


def set_notice(key: str, **fields) -> None:
    st.session_state[NOTICE_KEY] = (key, fields, _moment(st.session_state.get(RUN_KEY)))


def show_notice() -> None:
    """The notice of this moment of the run, on every rerun until the run moves on (the
    page may rerun for other reasons, such as the browser saying who the learner is)."""
    notice = st.session_state.get(NOTICE_KEY)
    if not notice:
        return
    key, fields, moment = notice
    if moment != _moment(st.session_state.get(RUN_KEY)):
        del st.session_state[NOTICE_KEY]
        return
    (st.info if key == "quiz.time_up" else st.warning)(t(key, **fields))


def question_header(run: QuizRun, question: Question, progress_text: str) -> None:
    """Progress, the kind of question and its text: never its id (ids can name the answer)."""
    st.progress(run.index / len(run.items), text=progress_text)
    show_notice()
    st.caption(t("quiz.meta", theme=theme_name(question.theme, lang()),
                 difficulty=t(f"quiz.difficulty.{question.difficulty}"),
                 kind=t(f"quiz.type.{question.type}")))
    md(question.text)
    question_extras(question, run.current, answer_key(run), run.revealed)


def _self_rating(run: QuizRun, correct: bool) -> None:
    labels = {r: t(f"quiz.rating.{r}") for r in RATINGS}
    st.segmented_control(t("quiz.rating"), RATINGS, format_func=labels.get,
                         key=f"{answer_key(run)}.rating",
                         help=t("quiz.rating.help", default=labels[3 if correct else 1]))


def render_study_question(run: QuizRun, by_id: dict[str, Question], store: Store) -> None:
    item = run.current
    question = by_id[item.qid]
    question_header(run, question, t("quiz.progress", i=run.index + 1, n=len(run.items)))
    if not run.revealed:
        submit = {"key": "quiz.submit", "type": "primary", "on_click": _submit,
                  "args": (by_id, store)}
        if isinstance(question, GraphQuestion):  # its choices act at once (no form)
            answer_widgets(question, item, answer_key(run))
            st.button(t("quiz.submit"), **submit)
            return
        # A form, so that Enter in the number field submits the answer.
        with st.form(key=f"quiz.form.{answer_key(run)}", border=False):
            answer_widgets(question, item, answer_key(run))
            st.form_submit_button(t("quiz.submit"), **submit)
        return
    response = run.responses[-1]
    marked_answers(question, response.given, item.options)  # in place of the widgets
    verdict(response.correct)
    # 次へ right under the verdict: on a phone it is on screen without scrolling.
    st.button(t("quiz.next"), key="quiz.next", type="primary", on_click=_next, args=(store,),
              icon=":material/arrow_forward:")
    _self_rating(run, response.correct)
    explanation(question)
