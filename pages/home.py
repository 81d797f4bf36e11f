import streamlit as st

st.title("home")
st.info("準備中です。")
