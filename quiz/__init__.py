"""The self-quiz engine: banks (schema, loader), drawing and scoring, scheduling, history.

No Streamlit here; pages/quiz.py is the only view.
"""
