"""Streamlit-side helpers shared by the pages: the text catalogue and the language."""
