import streamlit as st

st.title("compare")
st.info("準備中です。")
