"""Pure Plotly figure builders and the sampling they share (no Streamlit here)."""
