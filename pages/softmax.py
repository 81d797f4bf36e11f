import streamlit as st

st.title("softmax")
st.info("準備中です。")
