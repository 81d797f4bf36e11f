"""What a question shows between its text and its answer widgets: the snippet of a
code-tracing question (and the figures of a graph question)."""

from __future__ import annotations

import streamlit as st

from quiz.schema import Question
from quiz.session import Item


def question_extras(question: Question, item: Item) -> None:
    code = getattr(question, "code", None)
    if code:
        st.code(code, language="python")
