"""「間違えた問題の復習」 in 学習履歴: each mistake read without answering again — the question
with its figures, the learner's answer and the key in words, the explanation and the link,
and 「この問題を解き直す」. A page at a time, so a long history stays light."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

import streamlit as st

from plots.quiz_figures import CONFIG, make_question_figure
from quiz.answer_words import LIST_SEP, decode, key_words, reading_order, stored_words
from quiz.answers import LETTERS
from quiz.figures import alt_text, describe
from quiz.history import LOCAL_TZ
from quiz.loader import Bank
from quiz.review import Mistake, mistakes
from quiz.schema import BlanksQuestion, GraphQuestion, MultipleQuestion, Question, SingleQuestion
from quiz.themes import THEMES, theme_name
from ui.i18n import keep, lang, t
from ui.quiz_text import explanation, marked_answers, md, words

PAGE_SIZE = 10
THEMES_KEY, PAGE_KEY = "quiz.review.themes", "quiz.review.page"


def local_zone() -> ZoneInfo:
    """The learner's time zone as the browser reports it; Japan time when it says none or
    sends a name that is not a zone (the value is the browser's: untrusted)."""
    name = st.context.timezone
    try:
        return ZoneInfo(name) if isinstance(name, str) and name else LOCAL_TZ
    except (ValueError, KeyError, OSError):  # ZoneInfoNotFoundError is a KeyError
        return LOCAL_TZ


def local_time(moment: datetime, zone: ZoneInfo) -> str:
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M")


def _chart(fig, key: str, label: str | None = None) -> None:
    # keyed: two mistakes on a page may show the same figure
    st.plotly_chart(make_question_figure(fig, label), config=CONFIG, key=key,
                    alt=alt_text(fig, label))


def _figures(question: Question, key: str) -> None:
    """The snippet, the figure and a graph question's four figures in the reading order,
    each with its letter and what it shows (the letters of the answers below)."""
    code = getattr(question, "code", None)
    if code:
        st.code(code.rstrip(), language="python")
    if getattr(question, "figure", None) is not None:
        _chart(question.figure, f"{key}.figure")
    if not isinstance(question, GraphQuestion):
        return
    options = reading_order(question)
    for row in range(0, len(options), 2):
        for col, k in zip(st.columns(2), range(row, min(row + 2, len(options))), strict=False):
            with col:
                option = options[k]
                _chart(option, f"{key}.{k}", LETTERS[k])
                mark = ":material/check_circle: " if option == question.answer else ""
                st.caption(f"{mark}{LETTERS[k]}: {describe(option)}")
    # the run shuffled the figures its own way and did not record it (quiz/answer_words.py)
    st.caption(t("quiz.review.figure_order"))


def _words(text: str, multiple: bool) -> str:
    if multiple and LIST_SEP in text:
        return "\n" + "\n".join(f"- {line}" for line in text.split(LIST_SEP))
    return text


def _mistake(m: Mistake, question: Question | None, zone: ZoneInfo, key: str,
             retry: Callable[[str, str], None]) -> None:
    a = m.attempt
    verdict = t("quiz.review.wrong") if not a.correct else t(
        "quiz.review.hard", rating=t(f"quiz.rating.{a.rating}"))
    with st.container(border=True):
        st.caption(t("quiz.review.meta", theme=theme_name(a.theme, lang()),
                     when=local_time(a.answered_at, zone), verdict=verdict, times=m.times))
        if question is None:
            st.markdown(t("quiz.history.gone"))
            st.markdown(f"**{t('quiz.given')}**: `{a.answer}`")
            return
        md(question.text)
        _figures(question, key)
        if isinstance(question, SingleQuestion | MultipleQuestion | BlanksQuestion):
            # the options in place, marked
            marked_answers(question, decode(question, a.answer), reading_order(question))
        multiple = isinstance(question, MultipleQuestion)
        md(f"**{t('quiz.given')}**: {_words(stored_words(question, a.answer, words()), multiple)}")
        md(f"**{t('quiz.key')}**: {_words(key_words(question, words()), multiple)}")
        explanation(question)
        retry(f"{key}.retry", question.id)


def _themes() -> list[str]:
    chosen = st.pills(t("quiz.review.themes"), list(THEMES), selection_mode="multi",
                      default=list(THEMES), format_func=lambda th: theme_name(th, lang()),
                      key=THEMES_KEY)
    return keep(THEMES_KEY, chosen)


def render_review(bank: Bank, attempts: list, retry: Callable[[str, str], None]) -> None:
    """The mistakes, newest first, in the chosen themes; ``retry(key, question_id)`` draws
    the button that starts a study run of that one question."""
    st.subheader(t("quiz.review.header"))
    st.caption(t("quiz.review.note"))
    rows = mistakes(attempts, set(_themes()))
    if not rows:
        st.info(t("quiz.review.none"))
        return
    pages = -(-len(rows) // PAGE_SIZE)
    page = 1
    if pages > 1:
        if st.session_state.get(PAGE_KEY, 1) > pages:  # fewer pages after a filter
            st.session_state[PAGE_KEY] = pages
        page = st.number_input(t("quiz.review.page", pages=pages), min_value=1,
                               max_value=pages, value=1, step=1, key=PAGE_KEY)
    first = (page - 1) * PAGE_SIZE
    shown = rows[first:first + PAGE_SIZE]
    zone = local_zone()
    st.caption(t("quiz.review.count", n=len(rows), first=first + 1, last=first + len(shown),
                 tz=zone.key))
    for n, m in enumerate(shown):
        _mistake(m, bank.by_id.get(m.attempt.question_id), zone, f"quiz.review.{n}", retry)
