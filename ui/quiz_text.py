"""Showing bank content: Markdown and LaTeX through ``safe_markdown`` (never raw HTML),
answers in words, the options marked in place after answering, and links to the app view
a question is about."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import streamlit as st

from quiz.answer_words import Words, given_words, plain_first_line
from quiz.answers import Given, chosen_options, missed_and_extra, option_labels
from quiz.markdown import safe_markdown
from quiz.schema import ONE_CHOICE, BlanksQuestion, MultipleQuestion, Question
from routes import ROUTES
from ui.i18n import t

# A symbol and a colour each, so that the marks read without colour too.
RIGHT, WRONG = ":green[**✓**]", ":red[**✗**]"
_PLAIN = ":gray[・]"


def md(text: str) -> None:
    st.markdown(safe_markdown(text))


def first_line(question: Question) -> str:
    """The question's first line of prose (Markdown and LaTeX kept), for lists and labels."""
    return safe_markdown(plain_first_line(question.text))


def mark(correct: bool) -> str:
    return RIGHT if correct else WRONG


def words() -> Words:
    """The UI language's words for true, false and unanswered."""
    return Words(t("quiz.true"), t("quiz.false"), t("quiz.unanswered"))


def given_text(question: Question, given: Given) -> str:
    return given_words(question, given, words())


def key_text(question: Question) -> str:
    return given_text(question, question.answer)


def link(question: Question) -> None:
    """A link to the view the question is about, opening that page of this app."""
    if not question.link:
        return
    parts = urlsplit(question.link)
    script = next((r.script for r in ROUTES if r.path == parts.path), None)
    if script is not None:  # the loader already rejected unknown paths
        st.page_link(script, label=t("quiz.link"), icon=":material/open_in_new:",
                     query_params=dict(parse_qsl(parts.query)) or None)


def _option_line(label: str, is_key: bool, picked: bool, multiple: bool) -> str:
    symbol = RIGHT if is_key else WRONG if picked else _PLAIN
    note = ""
    if picked:
        note = f" :gray[{t('quiz.note', text=t('quiz.given'))}]"
    elif is_key and multiple:
        note = f" :orange[{t('quiz.note', text=t('quiz.missed'))}]"
    return f"{symbol} {safe_markdown(label)}{note}"


def _marks(question: Question, given: Given, option) -> tuple[bool, bool]:
    """(is a key, was chosen) for one option; options of blanks and graph questions are
    rows and figures, compared whole."""
    if isinstance(question, MultipleQuestion):
        return option in set(question.answer), option in chosen_options(given)
    same = (lambda a, b: list(a) == list(b)) if isinstance(question, BlanksQuestion) \
        else (lambda a, b: a == b)
    return same(option, question.answer), given is not None and same(option, given)


def marked_answers(question: Question, given: Given, options: tuple = ()) -> None:
    """The answer as it was given, marked: for a choice question every option in its place
    (✓ right, ✗ chosen wrongly), for a multiple-select also what was missed and extra; for
    a number or true/false the given answer and the key."""
    if isinstance(question, (*ONE_CHOICE, MultipleQuestion)):
        shown = options or tuple(question.options)
        labels = option_labels(question, shown)
        lines = [_option_line(label, *_marks(question, given, o),
                              multiple=isinstance(question, MultipleQuestion))
                 for o, label in zip(shown, labels, strict=True)]
        if given is None or given == ():
            lines.append(f":gray[{t('quiz.unanswered')}]")
        st.markdown("  \n".join(lines))
        if isinstance(question, MultipleQuestion) and chosen_options(given):
            missed, extra = missed_and_extra(question, given)
            parts = [f"**{t(key)}**: " + " / ".join(safe_markdown(o) for o in found)
                     for key, found in (("quiz.missed", missed), ("quiz.extra", extra)) if found]
            if parts:
                st.markdown("  \n".join(parts))
        return
    st.markdown(safe_markdown(f"**{t('quiz.given')}**: {given_text(question, given)}  \n"
                              f"**{t('quiz.key')}**: {key_text(question)}"))


def verdict(correct: bool) -> None:
    if correct:
        st.success(t("quiz.right"), icon=":material/check_circle:")
    else:
        st.error(t("quiz.wrong"), icon=":material/cancel:")


def explanation(question: Question) -> None:
    st.markdown(f"**{t('quiz.explanation')}**")
    md(question.explanation)
    link(question)


def feedback(question: Question, given: Given, correct: bool,
             options: tuple[str, ...] = ()) -> None:
    """Right or wrong, the marked answer, the explanation and the link."""
    verdict(correct)
    marked_answers(question, given, options)
    explanation(question)
