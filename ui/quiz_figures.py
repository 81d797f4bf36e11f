"""What a question shows between its text and its answer widgets: the snippet of a
code-tracing question, the figure under a question's text, and the four figures of a graph
question (two per row; Streamlit stacks them on a phone), labelled A–D in display order."""

from __future__ import annotations

import streamlit as st

from plots.quiz_figures import CONFIG, make_question_figure
from quiz.answers import LETTERS
from quiz.figures import alt_text, describe
from quiz.schema import GraphQuestion, Question
from quiz.session import Item


def _chart(fig, label: str | None = None) -> None:
    st.plotly_chart(make_question_figure(fig, label), config=CONFIG, alt=alt_text(fig, label))


def question_extras(question: Question, item: Item, revealed: bool = False) -> None:
    code = getattr(question, "code", None)
    if code:
        st.code(code.rstrip(), language="python")
    figure = getattr(question, "figure", None)
    if figure is not None:
        _chart(figure)
    if not isinstance(question, GraphQuestion):
        return
    for row in range(0, len(item.options), 2):
        for col, k in zip(st.columns(2), range(row, min(row + 2, len(item.options))), strict=False):
            with col:
                option = item.options[k]
                _chart(option, LETTERS[k])
                if revealed:  # once answered, say what each figure was
                    mark = ":material/check_circle: " if option == question.answer else ""
                    st.caption(f"{mark}{LETTERS[k]}: {describe(option)}")
