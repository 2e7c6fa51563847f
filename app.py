"""Streamlit entry point: navigation only. Each page lives in pages/ and holds layout, no logic.

Run with ``streamlit run app.py``; it opens on the embedded dataset, needs no set-up and no
internet (the policy map inlines vis.js).
"""

import streamlit as st

# An emoji favicon is rendered locally; a ":material/…:" favicon would be fetched from
# fonts.gstatic.com, and the app must make no request off the machine.
st.set_page_config(page_title="창업지원 내비게이터", page_icon="🧭", layout="wide")

PAGES = [
    st.Page(
        "pages/overview.py", title="개요 (Overview)", icon=":material/dashboard:", default=True
    ),
    st.Page("pages/finder.py", title="사업 찾기 (Finder)", icon=":material/search:"),
    st.Page("pages/roadmap.py", title="지원 경로 (Roadmap)", icon=":material/route:"),
    st.Page("pages/policy_map.py", title="정책 지도 (Policy map)", icon=":material/hub:"),
    st.Page("pages/duplicates.py", title="중복 분석 (Duplicates)", icon=":material/join_inner:"),
    st.Page("pages/data_desk.py", title="데이터 (Data desk)", icon=":material/upload_file:"),
]

st.navigation(PAGES).run()
