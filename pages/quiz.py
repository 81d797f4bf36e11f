import streamlit as st

st.title("quiz")
st.info("準備中です。")
