"""The self-quiz engine: banks (schema, loader), drawing and scoring, scheduling, history.

No Streamlit here; views/quiz.py is the only view.
"""
