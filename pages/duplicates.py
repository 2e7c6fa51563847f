"""중복 분석: where the same firm can be funded twice for the same help, and the patterns around it.

The desk is :func:`usecases.duplicates.run` over :mod:`graph.duplicates` (pairs, relations,
reach, views) — the call ``navigator duplicates`` makes — and its files come from
:mod:`usecases.duplicates` (:mod:`graph.export`); this page lays them out. The threshold is
bound to the URL (``thr``), and so is the central program of the local-copies view
(``central``).
"""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from graph.duplicates import (
    COMPONENTS,
    DEFAULT_RELATIONS,
    DEFAULT_THRESHOLD,
    KIND_WEIGHTS,
    RELATION_LABELS,
    RELATION_MEANINGS,
    RELATIONS,
    WEIGHTS,
    local_copy_table,
)
from graph.export import DUPLICATE_VIEWS, duplicate_view_rows
from pages._caches import duplicates
from pages._dataset import active_dataset
from pages._format import eok, md_escape
from pages._narrow import narrow_rows_style
from pages._router import require_router
from usecases.duplicates import OVERLAP_TABLES, table_files, view_files, workbook

require_router()

COMPONENT_LABELS = {
    "name": "이름",
    "content": "내용",
    "type": "유형",
    "form": "형태",
}
# A schematic tile map of the 17 시·도 (column, row), roughly where each lies; drawn offline.
SIDO_TILES: dict[str, tuple[int, int]] = {
    "인천": (0, 0), "서울": (1, 0), "경기": (2, 0), "강원": (3, 0),
    "충남": (0, 1), "세종": (1, 1), "충북": (2, 1), "경북": (3, 1),
    "전북": (0, 2), "대전": (1, 2), "대구": (2, 2), "울산": (3, 2),
    "광주": (0, 3), "전남": (1, 3), "경남": (2, 3), "부산": (3, 3),
    "제주": (0, 4),
}  # fmt: skip

ds = active_dataset()
by_id = ds.by_id()

st.title("중복 분석")
help_weights = " · ".join(f"{COMPONENT_LABELS[k]} {WEIGHTS[k]:.0%}" for k in COMPONENTS)
KIND_LABELS = {"kind": "주된 형태", "type": "유형", "form": "세부 형태", "text": "문구 점수"}
kind_weights = " · ".join(f"{KIND_LABELS[k]} {w:.0%}" for k, w in KIND_WEIGHTS.items())
st.caption(
    "**중복**은 같은 기업이 같은 지원을 두 번 받을 수 있는 사업입니다. 두 부분으로 판단합니다. "
    "**같은 지원** (0–100): 이름·내용이 비슷하거나(문구 점수: "
    f"{help_weights}), 주된 지원 형태(자금·공간·멘토링·교육·행사·해외 …)가 같으면(형태 점수: "
    f"{kind_weights}; 중앙 사업끼리, 지역이 겹치는 지자체 사업끼리, 이름과 사업 핵심어가 닮은 "
    "중앙–지자체 사업) 높은 쪽. 주된 형태가 다르면 문구 점수에서 10점을 뺍니다. "
    "**대상 겹침**: 지역·시군구, 예비/업력, 나이, 대상 집단, 분야 — 같은 기업이 두 사업 모두 신청할 "
    "수 있는가. 모르는 부분은 0점이 아니라 '미상'으로 둡니다. 서로 다른 지역의 같은 사업은 "
    "**지역 간 복제**로, 단계가 이어지는 사업은 **단계 사다리**로 따로 보여 줍니다."
)

thr = st.select_slider(
    "같은 지원 점수 기준 (이 점수 이상인 쌍을 봅니다)",
    sorted({55, 60, 65, 70, 75, 80, 85, 90, 95, round(DEFAULT_THRESHOLD)}),
    value=round(DEFAULT_THRESHOLD),
    key="thr",
    bind="query-params",
    help=f"기본값 {DEFAULT_THRESHOLD:.0f}: 낮추면 더 많이, 높이면 확실한 것만 찾습니다.",
)
desk = duplicates(ds, thr)
result = desk.result
counts = desk.certain_counts()
undetermined = desk.undetermined

# Two rows of three that stay rows on a phone (pages/_narrow.py), not six stacked metrics.
narrow_rows_style()
tiles = [
    *((RELATION_LABELS[rel], f"{counts[rel]:,}쌍", RELATION_MEANINGS[rel]) for rel in RELATIONS),
    (
        "지역 미상",
        f"{undetermined:,}쌍",
        "시·도(또는 같은 시·도 안의 시·군·구)를 알 수 없어 관계를 정하지 못한 쌍",
    ),
]
for k, row in enumerate((tiles[:3], tiles[3:])):
    with st.container(key=f"dup_counts{k}_narrow_row"):
        for col, (label, value, tip) in zip(st.columns(3), row, strict=True):
            col.metric(label, value, help=tip)
if result.other_field:
    st.caption(
        f"분야가 서로 다른 쌍 {result.other_field}개(예: 농식품 / 콘텐츠)는 넣지 않았습니다."
    )


def downloads(view: str, stem: str) -> None:
    """Excel and CSV of one view, side by side."""
    made = view_files(desk, view)
    c1, c2, _ = st.columns([1, 1, 3])
    c1.download_button(
        "Excel (.xlsx)",
        made.xlsx,
        file_name=f"{stem}_thr{thr}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"dl_{view}_xlsx",
        icon=":material/download:",
    )
    c2.download_button(
        "CSV (.csv)",
        made.csv,
        file_name=f"{stem}_thr{thr}.csv",
        mime="text/csv",
        key=f"dl_{view}_csv",
        icon=":material/download:",
    )


def view_frame(view: str) -> pd.DataFrame:
    columns, rows = duplicate_view_rows(view, result, by_id)
    return pd.DataFrame(rows, columns=[c.header for c in columns])


def group_table(view: str, members: str, *, empty: str) -> bool:
    """A family or ladder view: one row per group, its members in one wide column.

    Returns whether there was a table (so a caption can follow it)."""
    frame = view_frame(view)
    if frame.empty:
        st.info(empty)
        return False
    st.dataframe(
        frame,
        hide_index=True,
        placeholder="—",
        width="stretch",
        column_order=[c.header for c in DUPLICATE_VIEWS[view][1][:-1]],
        column_config={
            "예산 합계(억원)": st.column_config.NumberColumn(format="localized"),
            members: st.column_config.TextColumn(width="large"),
        },
    )
    return True


def compare(a_id: str, b_id: str, row: pd.Series) -> None:
    """The two programs side by side, with the reach explanation."""
    st.markdown(
        f"**{md_escape(str(row['관계']))}** · 같은 지원 {row['같은 지원']:.1f} · 대상 겹침 "
        f"{'미상' if pd.isna(row['대상 겹침']) else format(row['대상 겹침'], '.0f')}"
    )
    st.info(
        f"**같은 지원인가** — {md_escape(str(row['같은 지원인가']))}  \n"
        f"**같은 기업이 둘 다 받을 수 있는가** — "
        f"{md_escape(str(row['같은 기업이 둘 다 받을 수 있는가']))}",
        icon=":material/groups:",
    )
    parts = " · ".join(
        f"{COMPONENT_LABELS[k]} 없음"
        if COMPONENT_LABELS[k] in str(row["빠진 요소"]) or pd.isna(row[COMPONENT_LABELS[k]])
        else f"{COMPONENT_LABELS[k]} {row[COMPONENT_LABELS[k]]:.0f}"
        for k in COMPONENTS
    )
    kind = "다른 형태" if pd.isna(row["형태 점수"]) else f"{row['형태 점수']:.0f}"
    st.caption(f"문구 점수 {row['문구 점수']:.0f} ({parts}) · 형태 점수 {kind}")
    for col, pid in zip(st.columns(2), (a_id, b_id), strict=True):
        p = by_id.get(pid)
        with col, st.container(border=True):
            if p is None:
                st.caption("사업 정보 없음")
                continue
            st.markdown(f"**{md_escape(p.name)}**")
            st.caption(
                " · ".join(
                    md_escape(x)
                    for x in (
                        p.institution or p.ministry or "운영기관 미상",
                        p.region,
                        p.support_type,
                        f"예산 {eok(p.budget_eok)}",
                    )
                    if x
                )
            )
            for label, text in (("지원대상", p.target_text), ("지원내용", p.description)):
                if text:
                    st.markdown(f"**{label}**  \n{md_escape(text[:400])}")


def pair_table(frame: pd.DataFrame, key: str) -> None:
    shown = [
        "순위",
        "관계",
        "중복 가능 예산(억원)",
        "예산 메모",
        "같은 지원",
        "대상 겹침",
        "같은 지원인가",
        "사업 A",
        "운영기관 A",
        "지역 A",
        "사업 B",
        "운영기관 B",
        "지역 B",
    ]
    config = {
        h: st.column_config.ProgressColumn(h, min_value=0, max_value=100, format="%.0f", width=90)
        for h in ("같은 지원", "대상 겹침")
    }
    config["중복 가능 예산(억원)"] = st.column_config.NumberColumn(format="localized", width=110)
    config["순위"] = st.column_config.NumberColumn(width=50)
    for h in ("사업 A", "사업 B"):
        config[h] = st.column_config.TextColumn(h, width=220)
    config["같은 지원인가"] = st.column_config.TextColumn(width=200)
    event = st.dataframe(
        frame,
        hide_index=True,
        placeholder="—",
        width="stretch",
        column_order=shown,
        column_config=config,
        key=key,
        on_select="rerun",
        selection_mode="single-row",
    )
    rows = list(event.selection.rows) if event is not None else []
    if rows:
        row = frame.iloc[rows[0]]
        compare(row["사업 A ID"], row["사업 B ID"], row)
    else:
        st.caption(
            "행을 선택하면 두 사업의 대상·내용과 '같은 기업이 둘 다 받을 수 있는가'를 봅니다."
        )


def heatmap(table: pd.DataFrame, title: str, empty: str) -> None:
    if table.empty:
        st.info(empty)
        return
    stacked = table.rename_axis(index="A", columns="B").stack()
    assert isinstance(stacked, pd.Series)  # one level of columns stacks to a Series
    long = stacked.to_frame("쌍").reset_index()
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
    # The container's width, not a fixed step per column: a phone shows every column.
    st.altair_chart(
        (chart + text).properties(width="container", height=alt.Step(28)), width="stretch"
    )
    with st.expander("표로 보기"):
        st.dataframe(table, width="stretch")


def tile_map(table: pd.DataFrame, value: str, title: str) -> None:
    """The 17 시·도 as tiles coloured by ``value`` (offline; positions are schematic)."""
    counts = table[value].astype(int).to_dict()
    tiles = pd.DataFrame(
        [{"시·도": s, "x": x, "y": y, value: counts.get(s, 0)} for s, (x, y) in SIDO_TILES.items()]
    )
    tiles["표시"] = tiles["시·도"] + "\n" + tiles[value].astype(str)
    base = alt.Chart(tiles).encode(
        x=alt.X("x:O", axis=None), y=alt.Y("y:O", axis=None), tooltip=["시·도", value]
    )
    rect = base.mark_rect(stroke="white", strokeWidth=3, cornerRadius=4).encode(
        color=alt.Color(
            f"{value}:Q",
            scale=alt.Scale(scheme="blues", domainMin=0),
            title=value,
        )
    )
    label = base.mark_text(fontSize=13, lineBreak="\n", fontWeight="bold").encode(
        text="표시:N",
        color=alt.condition(f"datum['{value}'] > 0", alt.value("#000"), alt.value("#888")),
    )
    st.markdown(f"**{title}**")
    st.altair_chart(
        (rect + label).properties(width=alt.Step(72), height=alt.Step(60)), width="content"
    )


tabs = st.tabs(
    [
        "중복 (예산순)",
        "지역판",
        "지역 간 복제",
        "단계 사다리",
        "부처 × 부처",
        "시·도 × 시·도",
        "지역 미상",
    ]
)

with tabs[0]:
    st.markdown(
        "같은 기업이 같은 지원을 두 번 받을 수 있는 쌍 — **중복**, **지역판**(그 지역 기업에게), "
        "**분야판**(그 분야 기업에게). **중복 가능 예산**은 두 예산 중 작은 쪽입니다(같은 기업에 "
        "두 번 갈 수 있는 최대액). 예산을 모르는 쌍은 0으로 치지 않고 '예산 메모'에 적어 뒤에 둡니다."
    )
    frame = view_frame("overlaps")
    chosen = st.pills(
        "관계",
        list(DEFAULT_RELATIONS),
        default=list(DEFAULT_RELATIONS),
        format_func=lambda r: f"{RELATION_LABELS[r]} {counts[r]}",
        selection_mode="multi",
        key="dup_rel",
    )
    labels = {RELATION_LABELS[r] for r in chosen or ()}
    shown = frame[frame["관계"].isin(labels)].reset_index(drop=True)
    if shown.empty:
        st.info(
            f"같은 지원 점수 {thr}점 이상이면서 같은 기업이 둘 다 받을 수 있는 쌍이 없습니다. "
            "기준을 낮춰 보세요.",
            icon=":material/search_off:",
        )
    else:
        pair_table(shown, "dup_table")
    downloads("overlaps", "duplicates_overlaps")

with tabs[1]:
    groups = desk.local_copies
    st.markdown(
        "지자체 사업이 중앙 사업을 되풀이하는 경우입니다 — 그 지역 기업은 두 사업에서 같은 지원을 "
        "받을 수 있습니다. 중앙 사업을 고르면 그 사업의 지역판을 시·도별로 봅니다."
    )
    if not groups:
        st.info(f"같은 지원 점수 {thr}점 이상인 지역판이 없습니다.")
    else:
        options = ["", *(g.central_id for g in groups)]
        counts_by = {g.central_id: g.count for g in groups}
        central = st.selectbox(
            "중앙 사업",
            options,
            # Streamlit writes a bound selectbox's shown label into the URL: the label is the
            # program's name alone, so a shared link survives another threshold or count.
            format_func=lambda pid: "전체" if not pid else by_id[pid].name,
            key="central",
            bind="query-params",
        )
        st.caption(
            f"지역판 {counts_by[central]}개"
            if central
            else f"지역판이 있는 중앙 사업 {len(groups)}개 전체"
        )
        table = local_copy_table(result, by_id, central or None)
        left, right = st.columns([3, 2])
        with right:
            tile_map(table, "지역판", "시·도별 지역판 수")
            unplaced = table["지역판"].astype(int).to_dict().get("지역 미상", 0)
            if unplaced:
                st.caption(
                    f"지역 미상 {unplaced}개는 지도에 없습니다 (시·도가 적히지 않은 지자체 사업)."
                )
        with left:
            present = table[table["지역판"] > 0]
            st.dataframe(
                present,
                width="stretch",
                column_config={
                    "예산 명시 합계(억원)": st.column_config.NumberColumn(format="localized")
                },
            )
        frame = view_frame("local_copies")
        if central:
            frame = frame[frame["중앙 사업 ID"] == central]
        st.dataframe(
            frame,
            hide_index=True,
            placeholder="—",
            width="stretch",
            column_order=[
                "중앙 사업",
                "시·도",
                "지자체 사업",
                "운영기관",
                "지역",
                "지자체 예산(억원)",
                "같은 지원",
                "같은 기업이 둘 다 받을 수 있는가",
            ],
            column_config={
                "같은 지원": st.column_config.ProgressColumn(
                    min_value=0, max_value=100, format="%.0f", width=80
                ),
            },
        )
    downloads("local_copies", "duplicates_local_copies")

with tabs[2]:
    st.markdown(
        "같은 사업을 서로 다른 지역이 운영하는 묶음입니다. 한 기업이 두 지역에 함께 있을 수 없으니 "
        "**중복이 아니라 확산 양상**입니다 (사업 수·지역·예산). 묶음의 사업은 **서로 모두 짝**을 "
        "이룹니다 — 쌍을 사슬로 잇지 않으니, 한 사업하고만 닮은 사업들은 한 묶음이 되지 않습니다."
    )
    if group_table(
        "families", "사업 (운영기관 · 지역 · 예산)", empty="지역 간 복제 묶음이 없습니다."
    ):
        st.caption("예산 합계는 예산이 적힌 사업만 더했습니다('예산 명시 사업' 수).")
    downloads("families", "duplicates_regional_copies")

with tabs[3]:
    st.markdown(
        "같은 지원을 겹치지 않는 단계(예비 → 초기 → 도약)나 나이 구간으로 나눠 주는 사업들입니다 — "
        "**보완 관계**이지 중복이 아닙니다. 사다리의 단계는 **서로 모두 짝**을 이룹니다 (쌍을 "
        "사슬로 잇지 않음)."
    )
    group_table(
        "ladders",
        "단계 (앞 단계부터)",
        empty="단계가 확인된 사다리가 없습니다 (지역이 미상인 쌍은 '지역 미상' 탭에 있습니다).",
    )
    downloads("ladders", "duplicates_ladders")

for tab, (by, title), caption, empty in zip(
    tabs[4:6],
    OVERLAP_TABLES.items(),
    (
        "중앙부처 사업끼리의 중복(중복·분야판)만 셉니다. 대각선은 한 부처 안의 중복입니다.",
        "지자체 사업끼리의 중복(같은 기업이 둘 다 받을 수 있는 쌍)만 셉니다. 중앙 사업의 "
        "지역판은 '지역판' 탭에, 다른 지역의 같은 사업은 '지역 간 복제' 탭에 있습니다.",
    ),
    ("중앙부처 사업 사이의 중복이 없습니다.", "지자체 사업 사이의 중복이 없습니다."),
    strict=True,
):
    with tab:
        st.caption(caption)
        heatmap(desk.tables[by], f"{title.replace('×', ' × ')} 중복 쌍 수", empty)
        made = table_files(desk, by)
        c1, c2, _ = st.columns([1, 1, 3])
        stem = "duplicates_ministry" if by == "ministry" else "duplicates_sido"
        c1.download_button(
            "Excel (.xlsx)",
            made.xlsx,
            file_name=f"{stem}_thr{thr}.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key=f"dl_{stem}_xlsx",
            icon=":material/download:",
        )
        c2.download_button(
            "CSV (.csv)",
            made.csv,
            file_name=f"{stem}_thr{thr}.csv",
            mime="text/csv",
            key=f"dl_{stem}_csv",
            icon=":material/download:",
        )

with tabs[6]:
    st.markdown(
        "같은 지원이지만 **지역을 알 수 없어** 중복인지 지역 간 복제인지 정할 수 없는 쌍입니다 "
        "(시·도가 없는 지자체 사업, 또는 같은 시·도에서 시·군·구를 모르는 사업). 운영기관이나 "
        "지역이 확인되면 제자리를 찾습니다."
    )
    frame = view_frame("undetermined")
    if frame.empty:
        st.info("지역 미상 쌍이 없습니다.")
    else:
        pair_table(frame, "dup_unknown_table")
    downloads("undetermined", "duplicates_unknown_place")

st.subheader("모두 내보내기")
st.download_button(
    "Excel (.xlsx) — 모든 보기",
    workbook(desk),
    file_name=f"duplicates_thr{thr}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    key="dup_xlsx",
    type="primary",
    icon=":material/download:",
)
st.caption(
    "시트: "
    + " · ".join(title for title, _ in DUPLICATE_VIEWS.values())
    + " · "
    + " · ".join(OVERLAP_TABLES.values())
)
