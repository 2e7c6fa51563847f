"""개요: which dataset is loaded and what it holds (summary of loaders.catalogue)."""

import streamlit as st

from loaders.catalogue import load_embedded, summarise


@st.cache_data(show_spinner="데이터를 불러오는 중…")
def _summary() -> dict:
    return summarise(load_embedded())


summary = _summary()
st.title("창업지원 내비게이터")
st.caption("중앙부처 및 지자체 창업지원사업 통합공고 — Startup Support Navigator")
st.info(summary["coverage"])
c1, c2, c3 = st.columns(3)
c1.metric("사업 수", f"{summary['programs']:,}")
c2.metric("기관 수", f"{summary['institutions']:,}")
c3.metric("예산 합계(명시분)", f"{summary['total_budget_eok']:,.0f}억원")
st.subheader("지원유형별")
st.dataframe(
    [
        {"지원유형": k, "사업 수": v["count"], "예산(억원)": v["budget_eok"]}
        for k, v in summary["by_support_type"].items()
    ],
    hide_index=True,
)
