"""Streamlit entry point: navigation only. Each page lives in pages/ and holds layout, no logic."""

import streamlit as st

st.set_page_config(page_title="창업지원 내비게이터", page_icon="🧭", layout="wide")

PAGES = [
    st.Page("pages/overview.py", title="개요 (Overview)", icon="📊", default=True),
]

st.navigation(PAGES).run()
