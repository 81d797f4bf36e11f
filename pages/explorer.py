import streamlit as st

st.title("explorer")
st.info("準備中です。")
