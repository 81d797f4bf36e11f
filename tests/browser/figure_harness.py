"""Test-only Streamlit script: the unit's quiz figures (tests/browser/test_quiz_figures_unit.py
SPECS) drawn as the quiz draws them (ui.quiz_figures._chart: st.plotly_chart under Streamlit's
theme and the app's CSS), one under another, so a browser test can measure them at a phone's
width. Run with the repository root as cwd and on PYTHONPATH."""

import json

import streamlit as st
from pydantic import TypeAdapter

from quiz.figures import Figure
from tests.browser.figure_specs import SPECS
from ui import layout_css
from ui.quiz_figures import _chart

st.set_page_config(page_title="figures", layout="wide")  # as app.py
layout_css.apply()
for i, fields in enumerate(SPECS):
    st.caption(json.dumps(fields))
    _chart(TypeAdapter(Figure).validate_python(fields), f"figure.{i}", "A")
st.caption(f"shown={len(SPECS)}")
