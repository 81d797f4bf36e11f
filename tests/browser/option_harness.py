"""Test-only Streamlit script: the answer area of many questions of the banks in one page,
drawn by the quiz's own function (ui.quiz_play.answer_widgets) under the app's own CSS, in a
tab as the quiz is, so a browser test can measure every option's box without walking 250
questions through the quiz. ``?start=i&n=k`` or ``?ids=a,b`` picks the questions (bank order, options in
bank order); run with the repository root as cwd and on PYTHONPATH."""

import streamlit as st

from quiz.loader import bank_dir, load_paths
from quiz.schema import ONE_CHOICE, MultipleQuestion, TrueFalseQuestion
from quiz.session import Item
from ui import layout_css
from ui.quiz_play import answer_widgets

st.set_page_config(page_title="options", layout="wide")  # as app.py
layout_css.apply()
st.sidebar.radio("言語", ["日本語"], key="sidebar.lang")  # the app's sidebar takes its width too


def options(q) -> tuple:
    """Bank order, shaped as a run shapes them (quiz.session.shuffled_options)."""
    return tuple(tuple(o) if isinstance(o, list) else o for o in getattr(q, "options", ()))


# every question answered by choosing: its options, or 正しい/誤り
questions = [q for q in load_paths([bank_dir()]).questions
             if isinstance(q, (*ONE_CHOICE, MultipleQuestion, TrueFalseQuestion))]
if "ids" in st.query_params:
    questions = [q for q in questions if q.id in st.query_params["ids"].split(",")]
start = int(st.query_params.get("start", 0))
n = int(st.query_params.get("n", len(questions)))
(tab,) = st.tabs(["クイズ"])
with tab:
    shown = questions[start:start + n]
    st.caption(f"shown={len(shown)}")
    for q in shown:
        with st.container(key=f"harness-{q.id}"):
            answer_widgets(q, Item(q.id, options(q)), f"harness.{q.id}")
