"""정책 지도: programs linked through institution, stage, technology field and support type.

The graph is :func:`graph.network.build_graph`, the HTML :func:`graph.mapviz.network_html`
(vis.js inlined, no CDN, program strings escaped) embedded with ``st.iframe``. Filters are bound
to the URL (``color``, ``m_org``, ``m_field``, ``m_stage``, ``cap``, ``next``).
"""

from __future__ import annotations

import streamlit as st

from loaders.taxonomy import TECH_FIELDS
from loaders.vocab import STAGES
from pages._caches import map_html, program_frame
from pages._dataset import active_dataset
from pages._router import require_router
from pages._sidebar import profile_sidebar

require_router()

ds = active_dataset()
prof = profile_sidebar()

st.title("정책 지도")
st.caption(
    "사업(원)이 운영기관(◆), 창업 단계(▲), 기술 분야(★), 지원유형(■)으로 이어집니다. "
    "마우스를 올리면 사업 정보가 보이고, 휠로 확대하면 사업 이름이 나타납니다. 노드는 끌어서 옮길 수 있습니다."
)

frame = program_frame(ds)
if frame.empty:
    st.info("불러온 데이터에 사업이 없습니다. **데이터** 메뉴에서 통합공고 파일을 불러오세요.")
    st.stop()

COLOR_CHOICES = {"support_type": "지원유형", "status": "내 프로필 자격"}
orgs = sorted(set(frame["소관"]).union(frame["운영기관"]) - {""})
c1, c2, c3, c4 = st.columns(4)
color_by = c1.radio(
    "색깔",
    list(COLOR_CHOICES),
    format_func=COLOR_CHOICES.__getitem__,
    horizontal=True,
    key="color",
    bind="query-params",
)
ministry = c2.selectbox(
    "부처·기관", orgs, index=None, placeholder="전체", key="m_org", bind="query-params"
)
field = c3.selectbox(
    "기술 분야", TECH_FIELDS, index=None, placeholder="전체", key="m_field", bind="query-params"
)
stage = c4.selectbox(
    "창업 단계", STAGES, index=None, placeholder="전체", key="m_stage", bind="query-params"
)
c5, c6, _ = st.columns([2, 1, 1])
cap = c5.select_slider(
    "최대로 그릴 사업 수",
    [50, 100, 200, 400, 800, 1500],
    value=400,
    key="cap",
    bind="query-params",
    help="사업이 많으면 예산이 큰 순서로 이만큼만 그립니다 — 화면이 느려지지 않도록.",
)
show_next = c6.toggle(
    "다음 단계 화살표",
    value=False,
    key="next",
    bind="query-params",
    help="지원 경로에서 이어 쓸 수 있는 사업끼리 점선 화살표로 잇습니다.",
)

if color_by == "status" and not prof.given:
    st.info(
        "자격으로 색칠하려면 왼쪽 사이드바에 프로필을 입력하세요. 지금은 모두 '확인 필요'로 보입니다."
    )

page, note, drawn, total = map_html(
    ds,
    prof if color_by == "status" else None,
    ministry=ministry,
    field=field,
    stage=stage,
    color_by=color_by,
    cap=cap,
    include_next=show_next,
)
if total == 0:
    st.info(
        "이 조건에 맞는 사업이 없습니다. 부처·분야·단계 필터를 하나씩 지워 보세요.",
        icon=":material/filter_alt_off:",
    )
    st.stop()
if note:
    st.warning(note, icon=":material/content_cut:")
else:
    st.caption(f"사업 {drawn:,}개를 모두 그렸습니다.")
st.iframe(page, height=700)
