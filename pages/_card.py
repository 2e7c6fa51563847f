"""The program card shown when a finder row (or a roadmap step) is selected. Layout only."""

from __future__ import annotations

import streamlit as st

from graph.eligibility import Verdict
from loaders.model import Program
from loaders.sources import sources_text
from pages._format import STATUS_BADGES, eok, md_escape

__all__ = ["program_card"]


def _field(label: str, value: str) -> None:
    if value:
        st.markdown(f"**{label}**  \n{md_escape(value)}")


def program_card(program: Program, verdict: Verdict | None, call: str = "") -> None:
    """Every fact the dataset has about one program, its verdict and where the facts came from."""
    p = program
    with st.container(border=True):
        st.markdown(f"### {md_escape(p.name)}")
        chips = [p.level, p.ministry, p.institution, p.region, p.support_type, eok(p.budget_eok)]
        st.caption(" · ".join(md_escape(c) for c in dict.fromkeys(chips) if c))
        if verdict is not None:
            badge = STATUS_BADGES.get(verdict.status, verdict.status)
            lines = "\n".join(f"- {md_escape(r)}" for r in verdict.reasons) or "- (조건 정보 없음)"
            box = {"eligible": st.success, "maybe": st.warning, "ineligible": st.error}
            box.get(verdict.status, st.info)(f"**{badge}**\n\n{lines}")
        if call:
            st.info(f"공고: {md_escape(call)}", icon=":material/event:")
        left, right = st.columns(2)
        with left:
            _field("지원대상", p.target_text or "(통합공고 데이터에 지원대상 원문이 없습니다)")
            _field("지원내용", p.content_text)
            _field("사업개요", p.summary)
        with right:
            _field("예산", eok(p.budget_eok))
            _field("운영기관", p.institution)
            _field("소관 부처·지자체", p.ministry)
            _field("전담기관", p.agency)
            _field("문의처", p.contact)
            _field("신청 기간", p.apply_period)
            _field("창업 단계", ", ".join(p.stages))
            _field("기술·사업 분야", ", ".join(p.tech_fields))
            if p.url.lower().startswith(("http://", "https://")):
                st.link_button("상세 페이지 열기 ↗", p.url)
        src = p.source
        provenance = [f"위치: {src.describe()}"]
        if src.citation:
            provenance.append(f"출처: {sources_text(src.citation, p.url)}")
        if src.fetched_at:
            provenance.append(f"수집 시각: {src.fetched_at}")
        if p.synthetic:
            provenance.append("합성 데이터 (벤치마크용)")
        provenance.append(f"사업 ID: {p.program_id}")
        st.caption("  \n".join(md_escape(x) for x in provenance))
