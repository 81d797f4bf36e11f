"""Showing bank content: Markdown and LaTeX through ``safe_markdown`` (never raw HTML),
answers in words, and links to the app view a question is about."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import streamlit as st

from quiz.answers import Given, answer_text
from quiz.markdown import safe_markdown
from quiz.schema import Question
from routes import ROUTES
from ui.i18n import t


def md(text: str) -> None:
    st.markdown(safe_markdown(text))


def given_text(question: Question, given: Given) -> str:
    if given is None or given == ():
        return t("quiz.unanswered")
    if isinstance(given, bool):
        return t("quiz.true") if given else t("quiz.false")
    return answer_text(given, question)


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


def feedback(question: Question, given: Given, correct: bool) -> None:
    """Right or wrong, the key, the explanation and the link."""
    if correct:
        st.success(t("quiz.right"), icon=":material/check_circle:")
    else:
        st.error(t("quiz.wrong"), icon=":material/cancel:")
    st.markdown(safe_markdown(f"**{t('quiz.given')}**: {given_text(question, given)}  \n"
                              f"**{t('quiz.key')}**: {key_text(question)}"))
    st.markdown(f"**{t('quiz.explanation')}**")
    md(question.explanation)
    link(question)
