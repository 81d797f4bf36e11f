import streamlit as st

st.title("gradients")
st.info("準備中です。")
