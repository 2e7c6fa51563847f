"""중복 분석: overlapping programs of different institutions, explained, clustered, exported.

Pairs and clusters are :func:`graph.duplicates.find_duplicates`, the matrices
:func:`graph.duplicates.overlap_table`, the files :mod:`graph.export`. The threshold is bound to
the URL (``thr``).
"""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from graph.duplicates import COMPONENTS, DEFAULT_THRESHOLD, WEIGHTS, overlap_table
from graph.export import (
    CLUSTER_COLUMNS,
    PAIR_COLUMNS,
    cluster_rows,
    duplicates_to_csv,
    duplicates_to_excel,
    pair_rows,
)
from pages._caches import duplicates
from pages._dataset import active_dataset
from pages._format import eok, md_escape
from pages._router import require_router

require_router()

COMPONENT_LABELS = {
    "name": "이름",
    "content": "내용",
    "target": "대상",
    "type": "유형",
    "stage": "단계",
}

ds = active_dataset()
by_id = ds.by_id()

st.title("중복 분석")
weights = " · ".join(f"{COMPONENT_LABELS[k]} {WEIGHTS[k]:.0%}" for k in COMPONENTS)
st.caption(
    "서로 다른 기관이 같은 기업에게 비슷한 지원을 하는 사업을 찾습니다. 유사도는 다섯 요소의 "
    f"가중 평균입니다 ({weights}); 한쪽에 없는 요소는 빼고 계산합니다."
)

thr = st.select_slider(
    "유사도 기준 (이 점수 이상을 중복으로 봅니다)",
    sorted({55, 60, 65, 70, 75, 80, 85, 90, 95, round(DEFAULT_THRESHOLD)}),
    value=round(DEFAULT_THRESHOLD),
    key="thr",
    bind="query-params",
    help=f"기본값 {DEFAULT_THRESHOLD:.0f}: 낮추면 더 많이, 높이면 확실한 것만 찾습니다.",
)
result = duplicates(ds, thr)
pairs = pair_rows(result, by_id)
clusters = cluster_rows(result, by_id)
cluster_budget = sum(r[3] or 0 for r in clusters)
in_clusters = sum(r[1] for r in clusters)

m1, m2, m3, m4 = st.columns(4)
m1.metric("중복 쌍", f"{len(pairs):,}")
m2.metric("군집", f"{len(clusters):,}")
m3.metric("관련 사업", f"{in_clusters:,}개 / {len(ds.programs):,}개")
m4.metric(
    "겹치는 사업 예산 합계",
    eok(cluster_budget) if any(r[4] for r in clusters) else "예산 정보 없음",
    help="군집에 든 사업 중 예산이 적힌 사업만 더한 값",
)
for note in result.notes:
    st.caption(note)

if not pairs:
    st.info(
        f"유사도 {thr}점 이상으로 겹치는 사업 쌍이 없습니다. 기준을 낮춰 보세요 "
        "(데이터에 지원대상·지원내용 원문이 적으면 점수가 낮게 나옵니다).",
        icon=":material/search_off:",
    )
    st.stop()

tab_pairs, tab_clusters, tab_ministry, tab_region = st.tabs(
    ["중복 쌍", "군집", "부처 × 부처", "시·도 × 시·도"]
)
with tab_pairs:
    headers = [c.header for c in PAIR_COLUMNS]
    frame = pd.DataFrame(pairs, columns=headers)
    shown = [
        "유사도",
        "사업 A",
        "운영기관 A",
        "사업 B",
        "운영기관 B",
        "이름",
        "내용",
        "대상",
        "유형",
        "단계",
        "군집",
    ]
    score_cols = {
        h: st.column_config.ProgressColumn(
            h, min_value=0, max_value=100, format="%.0f", width=110 if h == "유사도" else 72
        )
        for h in ("유사도", "이름", "내용", "대상", "유형", "단계")
    }
    score_cols.update(
        {
            h: st.column_config.TextColumn(h, width=200 if h.startswith("사업") else 100)
            for h in ("사업 A", "운영기관 A", "사업 B", "운영기관 B")
        }
    )
    score_cols["군집"] = st.column_config.NumberColumn("군집", width=50)
    event = st.dataframe(
        frame,
        hide_index=True,
        placeholder="—",
        width="stretch",
        column_order=shown,
        column_config=score_cols,
        key="dup_table",
        on_select="rerun",
        selection_mode="single-row",
    )
    rows = list(event.selection.rows) if event is not None else []
    if rows:
        row = frame.iloc[rows[0]]
        a, b = by_id.get(row["사업 A ID"]), by_id.get(row["사업 B ID"])
        st.markdown(f"**유사도 {row['유사도']:.1f}** — 두 사업 비교")
        for col, p in zip(st.columns(2), (a, b), strict=True):
            with col, st.container(border=True):
                if p is None:
                    st.caption("사업 정보 없음")
                    continue
                st.markdown(f"**{md_escape(p.name)}**")
                st.caption(
                    " · ".join(
                        md_escape(x)
                        for x in (p.institution, p.region, p.support_type, eok(p.budget_eok))
                        if x
                    )
                )
                for label, text in (
                    ("지원대상", p.target_text),
                    ("지원내용", p.content_text or p.summary),
                ):
                    if text:
                        st.markdown(f"**{label}**  \n{md_escape(text[:400])}")
    else:
        st.caption("행을 선택하면 두 사업의 대상·내용을 나란히 비교합니다.")

with tab_clusters:
    cframe = pd.DataFrame(clusters, columns=[c.header for c in CLUSTER_COLUMNS])
    st.dataframe(
        cframe,
        hide_index=True,
        placeholder="—",
        width="stretch",
        column_order=[c.header for c in CLUSTER_COLUMNS[:-1]],
        column_config={
            "예산 합계(억원)": st.column_config.NumberColumn(format="localized"),
            "사업 (기관)": st.column_config.TextColumn(width="large"),
        },
    )
    st.caption("군집: 중복 쌍으로 이어진 사업 묶음. 예산은 예산이 적힌 사업만 더했습니다.")


def heatmap(table: pd.DataFrame, title: str) -> None:
    if table.empty:
        st.info("표로 보일 중복 쌍이 없습니다.")
        return
    long = table.rename_axis(index="A", columns="B").stack().rename("쌍").reset_index()
    long = long[long["쌍"] > 0]
    order = list(table.index)
    chart = (
        alt.Chart(long)
        .mark_rect()
        .encode(
            x=alt.X(
                "B:N",
                sort=order,
                scale=alt.Scale(domain=order),
                title=None,
                axis=alt.Axis(labelAngle=-45, labelOverlap=False, orient="top"),
            ),
            y=alt.Y(
                "A:N",
                sort=order,
                scale=alt.Scale(domain=order),
                title=None,
                axis=alt.Axis(labelOverlap=False),
            ),
            color=alt.Color("쌍:Q", scale=alt.Scale(scheme="oranges"), title="중복 쌍"),
            tooltip=["A", "B", "쌍"],
        )
    )
    text = chart.mark_text(fontSize=11).encode(text="쌍:Q", color=alt.value("#222"))
    st.markdown(f"**{title}**")
    st.altair_chart(
        (chart + text).properties(width=alt.Step(34), height=alt.Step(26)), width="content"
    )
    with st.expander("표로 보기"):
        st.dataframe(table, width="stretch")


tables = {
    "부처×부처": overlap_table(result, by_id, by="ministry"),
    "시·도×시·도": overlap_table(result, by_id, by="region"),
}
with tab_ministry:
    heatmap(tables["부처×부처"], "소관 부처·지자체 사이의 중복 쌍 수")
with tab_region:
    heatmap(tables["시·도×시·도"], "시·도 사이의 중복 쌍 수 (중앙부처 사업은 '전국')")

st.subheader("내보내기")
e1, e2, _ = st.columns([1, 1, 2])
e1.download_button(
    "Excel (.xlsx)",
    duplicates_to_excel(result, by_id, tables=tables),
    file_name=f"duplicates_thr{thr}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    key="dup_xlsx",
    type="primary",
    icon=":material/download:",
)
e2.download_button(
    "CSV (.csv)",
    duplicates_to_csv(result, by_id),
    file_name=f"duplicates_thr{thr}.csv",
    mime="text/csv",
    key="dup_csv",
    icon=":material/download:",
)
st.caption("Excel에는 중복 쌍 · 군집 · 부처×부처 · 시·도×시·도 시트가 들어 있습니다.")
