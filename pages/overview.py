"""개요: which dataset is loaded, how much of the notice it holds, and where the budget goes."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from loaders.catalogue import published_totals
from pages._caches import summary
from pages._dataset import active_dataset
from pages._format import bar_spec, eok
from pages._router import require_router

require_router()

ds = active_dataset()
s = summary(ds)
published = s["published"]

st.title("창업지원 내비게이터")
st.caption(
    "중앙부처 및 지자체 창업지원사업 통합공고를 한눈에 — Startup Support Navigator. "
    "왼쪽 메뉴에서 **사업 찾기**로 우리 회사가 신청할 수 있는 사업을, **지원 경로**로 "
    "R&D부터 해외진출까지 이어지는 로드맵을 확인하세요."
)

with st.container(border=True):
    st.markdown(f"**지금 보는 데이터:** {s['label']}")
    detail = [f"통합공고 연도 {s['year']}" if s["year"] else "연도 미상"]
    detail.append(f"불러온 시각 {s['loaded_at'].replace('T', ' ')}")
    if s["files"]:
        detail.append("파일 " + ", ".join(s["files"]))
    st.caption(" · ".join(detail))
    st.info(s["coverage"], icon=":material/info:")
    for flag in s["flags"]:  # the load holds more than the year's notice published
        st.warning(flag, icon=":material/priority_high:")

c1, c2, c3, c4 = st.columns(4)
c1.metric(
    "사업 수",
    f"{s['programs']:,}개",
    help="불러온 데이터의 사업 수",
)
c2.metric(
    "기관 수",
    f"{s['institutions']:,}곳",
    help=f"운영기관이 적힌 사업 기준 (기관 미상 사업 {s['programs_without_institution']}개)",
)
c3.metric(
    "예산 합계 (명시분)",
    eok(s["total_budget_eok"]) if s["programs_with_budget"] else "예산 정보 없음",
    help="예산이 적힌 사업만 더한 값입니다",
)
c4.metric("예산이 적힌 사업", f"{s['programs_with_budget']:,}개 / {s['programs']:,}개")

if published:
    with st.expander(f"{published['year']}년 통합공고 공표 총계와 비교", expanded=True):
        rows = [
            {
                "항목": "기관 수",
                "공표": f"{published['institutions']:,}곳 (중앙 {published['institutions_central']} · 지자체 {published['institutions_local']})",
                "이 데이터": f"{s['institutions']:,}곳",
            },
            {
                "항목": "사업 수",
                "공표": f"{published['programs']:,}개 (중앙 {published['programs_central']} · 지자체 {published['programs_local']})",
                "이 데이터": f"{s['programs']:,}개",
            },
            {
                "항목": "총예산",
                "공표": f"{eok(published['budget_total_eok'])} (중앙 {eok(published['budget_central_eok'])} · 지자체 {eok(published['budget_local_eok'])})",
                "이 데이터": f"{eok(s['total_budget_eok'])} (예산 명시 {s['programs_with_budget']}개 사업)",
            },
        ]
        st.dataframe(pd.DataFrame(rows), hide_index=True, placeholder="—", width="stretch")
        st.caption(f"출처: {published['source']}")
else:
    years = ", ".join(str(y) for y in sorted(published_totals()))
    st.caption(f"이 데이터의 연도에 대한 공표 총계가 없습니다 (공표 총계가 있는 연도: {years}).")

no_budget = s["programs_with_budget"] == 0
if no_budget:
    st.warning(
        "이 데이터에는 예산 정보가 없습니다. 아래 표와 그래프는 사업 수로 보여 줍니다. "
        "예산이 들어 있는 통합공고 엑셀 파일을 **데이터** 메뉴에서 불러오면 예산 분석도 볼 수 있습니다.",
        icon=":material/warning:",
    )
elif s["programs_with_budget"] < s["programs"]:
    st.caption(
        f"예산은 예산이 적힌 {s['programs_with_budget']}개 사업만 합산합니다 — "
        "빠진 사업이 있으니 공표 총계보다 작게 나옵니다."
    )


def group_table(groups: dict, label: str) -> pd.DataFrame:
    frame = pd.DataFrame(
        [
            {
                label: name,
                "사업 수": g["count"],
                "예산 명시 사업": g["with_budget"],
                "예산(억원)": g["budget_eok"] if g["with_budget"] else None,
            }
            for name, g in groups.items()
        ],
        columns=[label, "사업 수", "예산 명시 사업", "예산(억원)"],
    )
    frame["예산(억원)"] = frame["예산(억원)"].astype("float64")
    return frame


def show_group(groups: dict, label: str, empty: str) -> None:
    if not groups:
        st.info(empty)
        return
    frame = group_table(groups, label)
    measure = "사업 수" if no_budget else "예산(억원)"
    chart = frame.dropna(subset=[measure]) if not no_budget else frame
    left, right = st.columns([3, 2])
    with left:
        st.vega_lite_chart(
            chart.head(25),
            bar_spec(label, measure, height=max(220, 26 * min(len(chart), 25))),
            width="stretch",
        )
        if len(chart) > 25:
            st.caption(f"그래프는 상위 25개만 — 전체 {len(chart)}개는 오른쪽 표에 있습니다.")
    with right:
        st.dataframe(
            frame,
            hide_index=True,
            placeholder="—",
            width="stretch",
            column_config={
                "예산(억원)": st.column_config.NumberColumn("예산(억원)", format="localized"),
            },
        )


tab_type, tab_ministry, tab_region, tab_level = st.tabs(
    ["지원유형별", "중앙부처별", "지자체 시·도별", "중앙·지방별"]
)
with tab_type:
    show_group(s["by_support_type"], "지원유형", "지원유형 정보가 없습니다.")
with tab_ministry:
    show_group(s["by_ministry"], "소관 부처", "중앙부처 사업이 없습니다.")
with tab_region:
    show_group(s["by_region"], "시·도", "지자체 사업이 없습니다.")
    if published:
        st.caption(
            f"공표된 지자체 예산 합계: {eok(published['budget_local_eok'])} "
            f"({published['programs_local']}개 사업)"
        )
with tab_level:
    show_group(s["by_level"], "구분", "구분 정보가 없습니다.")
    if published:
        st.caption(
            f"공표: 중앙 {eok(published['budget_central_eok'])}"
            + (
                f" (융자 제외 {eok(published['budget_central_excl_loans_eok'])})"
                if published["budget_central_excl_loans_eok"]
                else ""
            )
            + f" · 지자체 {eok(published['budget_local_eok'])}"
        )

st.divider()
st.markdown("#### 바로 가기")
g1, g2, g3 = st.columns(3)
g1.page_link(
    "pages/finder.py", label="사업 찾기 — 우리 회사가 신청할 수 있는 사업", icon=":material/search:"
)
g2.page_link(
    "pages/roadmap.py", label="지원 경로 — R&D에서 해외진출까지 로드맵", icon=":material/route:"
)
g3.page_link(
    "pages/duplicates.py", label="중복 분석 — 기관 간 겹치는 사업", icon=":material/join_inner:"
)
