"""정책 지도: a navigation map — growth stages left to right, support phases as lanes.

The layout is :func:`graph.navmap.layout_map` (positions computed once per dataset, fixed), the
HTML :func:`graph.mapviz.map_html` (vis-network inlined, no CDN, program strings escaped)
embedded with ``st.iframe``. With a profile its roadmap (the same :func:`graph.path.plan_path`
call as the 지원 경로 page, with that page's options) is drawn on top and the rest is faded.
Filters fade or hide programs without moving anything. Bound to the URL: ``color``, ``m_org``,
``m_field``, ``m_stage``, ``m_type``, ``m_hide``, ``next``.
"""

from __future__ import annotations

import streamlit as st

from loaders.support_types import SUPPORT_TYPES
from loaders.taxonomy import TECH_FIELDS
from loaders.vocab import STAGES
from pages._caches import map_html, program_frame, roadmap
from pages._clients import current_edits
from pages._dataset import active_dataset
from pages._router import require_router
from pages._sidebar import profile_sidebar

require_router()

ds = active_dataset()
prof = profile_sidebar()

st.title("정책 지도")
st.caption(
    "가로는 창업 단계(예비 → 초기 3년 이내 → 도약 3~7년 → 성장), 세로는 지원 단계(R&D → 사업화 → "
    "보육·멘토링 → 판로·투자·융자 → 글로벌)입니다. 점 하나가 사업이고 부처·시도별로 묶었습니다. "
    "점에 마우스를 올리면 사업 정보와 이어 쓸 수 있는 다음 단계가 보입니다."
)

frame = program_frame(ds)
if frame.empty:
    st.info("불러온 데이터에 사업이 없습니다. **데이터** 메뉴에서 통합공고 파일을 불러오세요.")
    st.stop()

COLOR_CHOICES = {"support_type": "지원유형", "status": "내 프로필 자격"}
HIDE_CHOICES = {"fade": "흐리게", "hide": "숨기기"}
orgs = sorted(set(frame["소관"]).union(frame["운영기관"]).union(frame["지역"]) - {"", "전국"})
active = [
    str(st.session_state.get(k)) for k in ("m_org", "m_field", "m_stage", "m_type")
    if st.session_state.get(k)
]  # fmt: skip
with st.expander("필터·표시" + (f" — {' · '.join(active)}" if active else ""), expanded=False):
    c1, c2, c3, c4 = st.columns(4)
    ministry = c1.selectbox(
        "부처·기관·시도", orgs, index=None, placeholder="전체", key="m_org", bind="query-params"
    )
    field = c2.selectbox(
        "기술 분야", TECH_FIELDS, index=None, placeholder="전체", key="m_field", bind="query-params"
    )
    stage = c3.selectbox(
        "창업 단계", STAGES, index=None, placeholder="전체", key="m_stage", bind="query-params"
    )
    stype = c4.selectbox(
        "지원유형", SUPPORT_TYPES, index=None, placeholder="전체", key="m_type", bind="query-params"
    )
    c5, c6, c7 = st.columns([1, 1, 1])
    color_by = c5.radio(
        "색깔",
        list(COLOR_CHOICES),
        format_func=COLOR_CHOICES.__getitem__,
        horizontal=True,
        key="color",
        bind="query-params",
    )
    hide = c6.radio(
        "필터 밖 사업",
        list(HIDE_CHOICES),
        format_func=HIDE_CHOICES.__getitem__,
        horizontal=True,
        key="m_hide",
        bind="query-params",
    )
    show_next = c7.toggle(
        "다음 단계 화살표 모두 보기",
        value=False,
        key="next",
        bind="query-params",
        help="지원 경로에서 이어 쓸 수 있는 사업끼리 화살표로 잇습니다 (끄면 마우스를 올린 사업만).",
    )

plan = None
if prof.given:
    # The 지원 경로 page's options, when the user set them there (same plan on both pages).
    per = st.session_state.get("per", 2)
    loans = st.session_state.get("loans", True)
    per = per if per in (1, 2, 3) else 2
    # ... and the consultant's pinned, removed and annotated steps: the same path on both pages.
    plan = roadmap(ds, prof, max_per_phase=per, include_loans=bool(loans), edits=current_edits())
    st.caption(
        f"프로필: {prof.describe()} — 귀사의 현재 단계(파란 열)와 지원 경로(빨간 ①②③…)를 위에 "
        "그리고, 신청할 수 없는 사업은 흐리게 그렸습니다."
    )
else:
    st.caption("**내 회사 프로필**을 입력하면 귀사의 위치와 지원 경로가 지도 위에 그려집니다.")
if color_by == "status" and not prof.given:
    st.info("자격으로 색칠하려면 프로필을 입력하세요. 지금은 모두 '판정 없음'으로 보입니다.")

page, total, kept, steps = map_html(
    ds,
    prof,
    ministry=ministry,
    field=field,
    stage=stage,
    support_type=stype,
    color_by=color_by,
    hide=hide == "hide",
    show_next=show_next,
    plan=plan,
)
if kept == 0:
    st.info(
        "이 조건에 맞는 사업이 없습니다. 부처·분야·단계·유형 필터를 하나씩 지워 보세요.",
        icon=":material/filter_alt_off:",
    )
    st.stop()
if kept < total:
    rest = "숨겼습니다" if hide == "hide" else "흐리게 그렸습니다"
    st.caption(f"사업 {total:,}개 중 {kept:,}개가 필터에 맞습니다. 나머지는 자리를 지킨 채 {rest}.")
st.iframe(page, height=720)
