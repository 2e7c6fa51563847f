"""지원 경로: the continuous support path R&D → 사업화 → 보육·멘토링 → 판로·투자·융자 → 글로벌.

The plan is :func:`graph.path.plan_path` for the sidebar profile; the Excel/CSV files are
:func:`graph.export.roadmap_to_excel`/``roadmap_to_csv`` — the same files ``navigator roadmap``
writes. Options ``loans`` and ``per`` are bound to the URL like the profile.
"""

from __future__ import annotations

from datetime import date

import altair as alt
import pandas as pd
import streamlit as st

from graph.path import DEFAULT_HORIZON_YEARS
from graph.profile import add_years
from loaders.vocab import PHASES
from pages._caches import roadmap, roadmap_files
from pages._dataset import active_dataset
from pages._format import STATUS_BADGES, md_escape
from pages._router import require_router
from pages._sidebar import profile_sidebar

require_router()

ds = active_dataset()
prof = profile_sidebar()

st.title("지원 경로")
st.caption(
    "R&D → 사업화 → 보육·멘토링 → 판로·투자·융자 → 글로벌: 회사가 자라는 동안 부처와 지자체를 "
    "넘나들며 이어 쓸 수 있는 사업을 단계마다 골라 줍니다."
)

if not prof.given:
    st.info(
        "왼쪽 사이드바에 **창업 여부(예비창업자 또는 설립일)**, 나이, 소재지, 분야를 입력하면 "
        "이 회사의 지원 경로를 그립니다. 먼저 둘러보려면 사이드바의 **예시 프로필로 채우기**를 누르세요.",
        icon=":material/person_add:",
    )
    st.stop()

o1, o2, _ = st.columns([1, 1, 2])
include_loans = o1.toggle(
    "융자·보증 포함", value=True, key="loans", bind="query-params", help="정책자금 융자·보증 사업"
)
per_phase = o2.select_slider("단계별 추천 수", [1, 2, 3], value=2, key="per", bind="query-params")

plan = roadmap(ds, prof, max_per_phase=per_phase, include_loans=include_loans)
data = plan.to_dict()
steps, gaps = data["steps"], data["gaps"]
st.caption(f"프로필: {prof.describe()} · 데이터: {ds.catalogue.label}")

if not steps:
    st.warning(
        "이 프로필로 이어 쓸 수 있는 사업을 찾지 못했습니다. 소재지·분야를 비우거나 "
        "**융자·보증 포함**을 켜 보세요. 아래 공백마다 가장 가까운 사업과 못 미친 조건을 적었습니다.",
        icon=":material/warning:",
    )

# ------------------------------------------------------------------ timeline (phase × when)
as_of = prof.profile.as_of
horizon = add_years(as_of, DEFAULT_HORIZON_YEARS)
if steps:
    rows = []
    rank: dict[str, int] = {}
    for s in steps:
        k = rank[s["phase"]] = rank.get(s["phase"], -1) + 1
        rows.append(
            {
                "단계": s["phase"],
                "순번": k,
                "사업명": s["name"],
                "시작": pd.Timestamp(s["available_from"]),
                "종료": pd.Timestamp(s["available_until"] or horizon),
                "기간": f"{s['available_from']} ~ {s['available_until'] or '기한 없음'}",
                "자격": STATUS_BADGES.get(s["status"], s["status"]),
                "기관": s["institution"] or "",
            }
        )
    for g in gaps:
        rows.append(
            {
                "단계": g["phase"],
                "순번": 0,
                "사업명": "공백 — " + g["reason"],
                "시작": pd.Timestamp(as_of),
                "종료": pd.Timestamp(horizon),
                "기간": "",
                "자격": "공백",
                "기관": "",
            }
        )
    frame = pd.DataFrame(rows)
    domain = [STATUS_BADGES["eligible"], STATUS_BADGES["maybe"]] + (["공백"] if gaps else [])
    colours = alt.Scale(domain=domain, range=["#2E7D32", "#F9A825", "#E53935"][: len(domain)])
    base = alt.Chart(frame).encode(
        y=alt.Y("단계:N", sort=list(PHASES), title=None, axis=alt.Axis(labelFontSize=13)),
        yOffset=alt.YOffset("순번:O"),
    )
    bars = base.mark_bar(cornerRadius=3, opacity=0.85).encode(
        x=alt.X("시작:T", title="신청 가능 시기", axis=alt.Axis(format="%Y-%m")),
        x2="종료:T",
        color=alt.Color("자격:N", scale=colours, legend=alt.Legend(title=None, orient="top")),
        tooltip=["단계", "사업명", "기관", "기간", "자격"],
    )
    labels = base.mark_text(align="left", dx=4, fontSize=11, color="#111").encode(
        x="시작:T", text="사업명:N"
    )
    today = (
        alt.Chart(pd.DataFrame({"x": [pd.Timestamp(as_of)]}))
        .mark_rule(color="#555", strokeDash=[4, 4])
        .encode(x="x:T")
    )
    st.altair_chart((bars + labels + today).properties(height=90 * len(PHASES)), width="stretch")
    st.caption(
        f"막대는 신청 가능한 기간(업력·나이 조건으로 계산, {as_of.isoformat()} 기준), 점선은 기준일입니다."
        + (" 빨간 막대는 이 단계에 쓸 수 있는 사업이 없는 공백입니다." if gaps else "")
    )

# ------------------------------------------------------------------ steps and gaps per phase
gap_of = {g["phase"]: g for g in gaps}
cols = st.columns(len(PHASES))
for col, phase in zip(cols, PHASES, strict=True):
    with col:
        st.markdown(f"**{phase}**")
        for s in (s for s in steps if s["phase"] == phase):
            with st.container(border=True):
                st.markdown(f"{STATUS_BADGES.get(s['status'], '')}  \n**{md_escape(s['name'])}**")
                when = date.fromisoformat(s["available_from"])
                start = "지금" if when <= as_of else f"{s['available_from']}부터"
                until = f" ~ {s['available_until']}" if s["available_until"] else ""
                st.caption(f"{md_escape(s['institution'] or '기관 미상')} · {start}{until}")
                with st.expander("왜 이 사업?"):
                    st.markdown(md_escape(s["why"]))
        gap = gap_of.get(phase)
        if gap:
            near = gap.get("near_miss")
            text = f"**공백** — {md_escape(gap['reason'])}"
            if near:
                text += (
                    f"\n\n가장 가까운 사업: **{md_escape(near['name'])}**"
                    f" ({md_escape(near['institution'] or '기관 미상')})  \n"
                    f"못 미친 조건: {md_escape(near['failed_label'])} — {md_escape(near['reason'])}"
                )
            st.error(text, icon=":material/block:")

if data["assumptions"]:
    with st.expander("이 경로의 가정", expanded=False):
        for a in data["assumptions"]:
            st.markdown(f"- {md_escape(a)}")

# ------------------------------------------------------------------ export
st.subheader("내보내기")
xlsx, csv_bytes = roadmap_files(
    ds, prof, plan, max_per_phase=per_phase, include_loans=include_loans
)
stamp = date.today().strftime("%Y%m%d")
d1, d2, _ = st.columns([1, 1, 2])
d1.download_button(
    "Excel 로드맵 (.xlsx)",
    xlsx,
    file_name=f"roadmap_{stamp}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    key="dl_xlsx",
    type="primary",
    icon=":material/download:",
)
d2.download_button(
    "CSV (.csv)",
    csv_bytes,
    file_name=f"roadmap_{stamp}.csv",
    mime="text/csv",
    key="dl_csv",
    icon=":material/download:",
)
st.caption(
    "Excel에는 로드맵 · 사업 상세 · 가정·프로필 시트가 들어 있습니다. 같은 파일을 명령줄에서 "
    "`navigator roadmap --profile profile.json -o roadmap.xlsx`로 만들 수 있습니다."
)
