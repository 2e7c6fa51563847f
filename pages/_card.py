"""The program card shown when a finder row (or a roadmap step) is selected. Layout only."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import streamlit as st

from graph.eligibility import Verdict
from loaders.announcements import Announcement, JoinResult, today_kst
from loaders.model import Program
from loaders.sources import sources_text
from pages._format import NO_PROFILE, STATUS_BADGES, eok, md_escape

__all__ = ["call_link", "call_when", "program_card"]

ROLE_TAGS = {"activity": "행사·교육", "operator": "운영사·기관 모집", "notice": "통합공고"}
_SHOWN_CALLS = 4


def call_link(call: Announcement) -> str:
    """The call's title as a markdown link to its K-Startup page (plain text if the URL is odd)."""
    title = md_escape(call.title)
    url = call.url
    safe = url.startswith("https://") and not any(ch in url for ch in ' ()<>[]"\n')
    return f"[{title}]({url})" if safe else title


def call_when(call: Announcement, today: date) -> str:
    """ "2026-03-02 ~ 2026-03-20 · 마감 (D+254)" / "… · 모집 중 · 마감 D-3"."""
    when = call.status(today)
    days = call.d_day(today)
    if call.state(today) == "closed" and days is not None:
        when += f" (D+{-days})"
    return f"{call.period or '기간 미상'} · {when}"


def _field(label: str, value: str) -> None:
    if value:
        st.markdown(f"**{label}**  \n{md_escape(value)}")


_FACT_LABELS = {
    "target_text": "지원대상",
    "exclusion_text": "신청 제외 대상",
    "agency": "전담·운영기관",
    "contact": "문의처",
    "apply_period": "신청 기간",
    "call_ids": "모집공고",
    "institution": "운영기관",
    "region": "지역",
    "budget_eok": "예산",
}
_CALL_PAGE = "https://www.k-startup.go.kr/web/contents/bizpbanc-ongoing.do?schM=view&pbancSn="


def _sourced(program: Program, attr: str, label: str, value: str) -> None:
    """A field, marked "(2025 기준)" when it is an older year's rule, with its page below."""
    if not value:
        return
    if attr == "target_text" and program.target_basis:
        label = f"{label} ({program.target_basis})"
    _field(label, value)
    fact = program.source_of(attr)
    if fact is not None:
        kind = "모집공고" if "pbancSn=" in fact.url else "공개 자료"
        year = f"{fact.year}년 " if fact.year else ""
        st.caption(f"{year}{kind}: {md_escape(fact.url)}")


def _call_item(call: Announcement, joined: JoinResult | None, today: date) -> str:
    tag = ROLE_TAGS.get(call.role, "")
    item = f"- {call_link(call)}  \n  {md_escape(call_when(call, today))}"
    if tag:
        item += f" · {md_escape(tag)}"
    link = joined.link_of(call.pbanc_sn) if joined else None
    if link is not None and link.program_id:
        item += f"  \n  :gray[연결 {link.score:g}점 — {md_escape(link.reason)}]"
    return item


def _calls_section(calls: Sequence[Announcement], joined: JoinResult | None, today: date) -> None:
    from graph.calls import sort_calls

    ordered = sort_calls(calls, today)
    st.markdown(f"**이 사업의 공고 {len(ordered)}건** (모집 중 먼저, 마감일 순)")
    st.markdown("\n".join(_call_item(c, joined, today) for c in ordered[:_SHOWN_CALLS]))
    if len(ordered) > _SHOWN_CALLS:
        with st.expander(f"지난 공고 등 {len(ordered) - _SHOWN_CALLS}건 더 보기"):
            st.markdown("\n".join(_call_item(c, joined, today) for c in ordered[_SHOWN_CALLS:]))


def program_card(
    program: Program,
    verdict: Verdict | None,
    call: str = "",
    calls: Sequence[Announcement] = (),
    joined: JoinResult | None = None,
    today: date | None = None,
    *,
    judged: bool = True,
) -> None:
    """Every fact the dataset has about one program, its verdict, its calls (with dates and
    D-n, and why each is linked) and where the facts came from. ``judged=False`` (no profile
    given) says the verdict needs a profile instead of showing one."""
    p = program
    with st.container(border=True):
        st.markdown(f"### {md_escape(p.name)}")
        chips = [p.level, p.ministry, p.institution, p.region, p.support_type, eok(p.budget_eok)]
        # Escaped as one line: "29.9억원" escaped alone would show its line-start escape.
        st.caption(md_escape(" · ".join(c for c in dict.fromkeys(chips) if c)))
        if not judged:
            st.info(
                f"**자격: {NO_PROFILE}** — 내 회사 프로필을 채우면 이 사업의 신청 가능 여부와 이유를 보여 줍니다."
            )
        elif verdict is not None:
            badge = STATUS_BADGES.get(verdict.status, verdict.status)
            lines = "\n".join(f"- {md_escape(r)}" for r in verdict.reasons) or "- (조건 정보 없음)"
            box = {"eligible": st.success, "maybe": st.warning, "ineligible": st.error}
            box.get(verdict.status, st.info)(f"**{badge}**\n\n{lines}")
        if call:
            st.info(f"공고: {md_escape(call)}", icon=":material/event:")
        if calls:
            _calls_section(calls, joined, today or today_kst())
        left, right = st.columns(2)
        with left:
            _sourced(
                p,
                "target_text",
                "지원대상",
                p.target_text or "(통합공고 데이터에 지원대상 원문이 없습니다)",
            )
            _sourced(p, "exclusion_text", "신청 제외 대상", p.exclusion_text)
            _field("지원내용", p.content_text)
            _field("사업개요", p.summary)
        with right:
            _field("예산", eok(p.budget_eok))
            _field("운영기관", p.institution)
            _field("소관 부처·지자체", p.ministry)
            _sourced(p, "agency", "전담기관", p.agency)
            _sourced(p, "contact", "문의처", p.contact)
            _sourced(p, "apply_period", "신청 기간", p.apply_period)
            if not calls:  # the enrichment's sourced calls, when no linked call is listed above
                for sn in p.call_ids:
                    st.link_button(f"2026 모집공고 {sn} ↗", _CALL_PAGE + sn)
            _field("창업 단계", ", ".join(p.stages))
            _field("기술·사업 분야", ", ".join(p.tech_fields))
            if p.url.lower().startswith(("http://", "https://")):
                st.link_button("상세 페이지 열기 ↗", p.url)
        src = p.source
        provenance = [f"위치: {src.describe()}"]
        if src.citation:
            provenance.append(f"출처: {sources_text(src.citation, p.url)}")
        for fact in p.facts:
            year = f"{fact.year}" if fact.year else "연도 미상"
            provenance.append(f"{_FACT_LABELS.get(fact.field, fact.field)} ← {fact.url} ({year})")
        if src.fetched_at:
            provenance.append(f"수집 시각: {src.fetched_at}")
        if p.synthetic:
            provenance.append("합성 데이터 (벤치마크용)")
        provenance.append(f"사업 ID: {p.program_id}")
        st.caption("  \n".join(md_escape(x) for x in provenance))
