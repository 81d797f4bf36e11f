"""What a question shows between its text and its answer widgets: the snippet of a
code-tracing question and the figure under a question's text; and the four figures of a
graph question (two per row; Streamlit stacks them on a phone), labelled A–D in display
order, each with the checkbox that chooses it right under it, or once answered with what
it was."""

from __future__ import annotations

import streamlit as st

from plots.quiz_figures import CONFIG, make_question_figure
from quiz.answers import LETTERS
from quiz.figures import alt_text, describe
from quiz.schema import GraphQuestion, Question
from quiz.session import Item
from ui.i18n import t


def _chart(fig, key: str | None = None, label: str | None = None) -> None:
    st.plotly_chart(make_question_figure(fig, label), config=CONFIG, alt=alt_text(fig, label),
                    key=key)


def question_extras(question: Question, item: Item, key: str, revealed: bool = False) -> None:
    """``key``: the question's answer key, which its charts' keys extend."""
    code = getattr(question, "code", None)
    if code:
        st.code(code.rstrip(), language="python")
    figure = getattr(question, "figure", None)
    if figure is not None:
        _chart(figure, f"{key}.figure")
    if isinstance(question, GraphQuestion) and revealed:  # before, graph_choices draws them
        for k, col in _grid(len(item.options)):
            with col:
                option = item.options[k]
                _chart(option, f"{key}.figure.{k}", LETTERS[k])
                mark = ":material/check_circle: " if option == question.answer else ""
                st.caption(f"{mark}{LETTERS[k]}: {describe(option)}")  # what each one was


def _grid(n: int):
    """(index, column) for n figures, two per row."""
    for row in range(0, n, 2):
        yield from zip(range(row, min(row + 2, n)), st.columns(2), strict=False)


def _pick(key: str, k: int, n: int, on_change, args: tuple) -> None:
    """The k-th figure's checkbox changed: at most one is ticked, and the choice (its index,
    as a radio would hold it) is kept under ``key``."""
    state = st.session_state
    if state.get(f"{key}.{k}"):
        for j in range(n):
            if j != k:
                state[f"{key}.{j}"] = False
        state[key] = k
    elif state.get(key) == k:
        state[key] = None
    if on_change is not None:
        on_change(*args)


def graph_choices(item: Item, key: str, on_change=None, args: tuple = ()) -> None:
    """The figures to choose from, each with its letter as its title and its own checkbox
    under it: the learner sees the figure they choose (on a phone too, where the four
    stack). ``on_change(*args)`` runs after each choice (the mock exam keeps it at once)."""
    n = len(item.options)
    for k, col in _grid(n):
        with col:
            _chart(item.options[k], f"{key}.figure.{k}", LETTERS[k])
            box = f"{key}.{k}"
            st.session_state.setdefault(box, st.session_state.get(key) == k)  # a kept choice
            st.checkbox(t("quiz.graph.choose", letter=LETTERS[k]), key=box, on_change=_pick,
                        args=(key, k, n, on_change, args))
