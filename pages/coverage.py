"""지원 공백: stage (or field, or 시·도) × support phase coverage, and what a place can reach.

The matrix, its files and the program tables come from :mod:`usecases.coverage` (as for
``navigator coverage``): :func:`graph.coverage.coverage_matrix`, over the reach
:func:`graph.coverage.reach` finds by the eligibility engine's area rule; the downloadable SVG
is :mod:`graph.svgchart`. Choices are
bound to the URL (``cov_by``, ``cov_field``, ``cov_measure``, ``reach_sido``, ``reach_sgg`` and
the open cell ``nat_row``/``nat_col``, ``here_row``/``here_col``).
"""

from __future__ import annotations

from typing import cast

import streamlit as st

from graph.coverage import AXIS_LABELS, Axis, CoverageMatrix, Reach
from loaders.regions import SIDO, SIGUNGU_BY_SIDO
from loaders.taxonomy import TECH_FIELDS
from pages._caches import program_frame
from pages._dataset import Dataset, active_dataset
from pages._format import eok
from pages._policy import coverage, heatmap_chart, reach_coverage, reach_of
from pages._router import require_router
from pages._sidebar import NO_DISTRICT, district_label
from usecases.coverage import Measure, cell_status, cell_table, reach_table
from usecases.coverage import files as coverage_files
from usecases.coverage import title as coverage_title

require_router()

ALL = "전체"
MEASURES = {"count": "사업 수", "budget": "예산(억원, 명시분)"}

ds = active_dataset()

st.title("지원 공백")
st.caption(
    "성장 단계(또는 분야·시·도)와 지원 국면(R&D → 사업화 → 보육·멘토링 → 판로·투자·융자 → 글로벌)의 "
    "칸마다 사업 수와 예산을 셉니다. 빈칸은 **공백**이고, 단계·지역을 알 수 없는 사업이 그 국면에 "
    "있으면 **미확인 공백**입니다. 칸을 누르거나 아래에서 고르면 그 칸의 사업이 열립니다."
)

c1, c2, c3 = st.columns([2, 2, 2])
by = c1.segmented_control(
    "행 기준",
    list(AXIS_LABELS),
    format_func=AXIS_LABELS.__getitem__,
    default="stage",
    key="cov_by",
    bind="query-params",
)
by = cast(Axis, by or "stage")
field_choice = c2.selectbox(
    "분야 (이 분야 사업만)",
    [ALL, *TECH_FIELDS],
    key="cov_field",
    bind="query-params",
    disabled=by == "field",
)
field = None if by == "field" or field_choice == ALL else field_choice
measure_choice = c3.segmented_control(
    "칸의 값",
    list(MEASURES),
    format_func=MEASURES.__getitem__,
    default="count",
    key="cov_measure",
    bind="query-params",
)
measure: Measure = cast(Measure, measure_choice or "count")


def _open_cell(prefix: str) -> None:
    # The heatmap's click (a point selection named "cell") sets the two boxes below it.
    event = st.session_state.get(f"{prefix}_chart")
    points = (event or {}).get("selection", {}).get("cell") or []
    if points:
        st.session_state[f"{prefix}_row"] = points[0].get("행")
        st.session_state[f"{prefix}_col"] = points[0].get("국면")


def cell_programs(ds: Dataset, matrix: CoverageMatrix, row: str, col: str) -> None:
    """The programs of one cell as a table (the finder's columns), or why it is empty."""
    cell = matrix.cell(row, col)
    status = cell_status(matrix, row, col)
    if status:
        st.info(matrix.gap_note(row, col), icon=":material/block:")
        return
    budget = eok(cell.budget_eok) if cell.with_budget else "예산 미상"
    unknown = (
        f" · 예산 미상 {cell.without_budget}개" if cell.with_budget and cell.without_budget else ""
    )
    st.markdown(f"**{row} · {col}** — {cell.count}개 사업, {budget} (명시분){unknown}")
    st.dataframe(
        cell_table(program_frame(ds), matrix, row, col),
        hide_index=True,
        placeholder="—",
        width="stretch",
        column_order=[
            "사업명",
            "운영기관",
            "지역",
            "지원유형",
            "예산(억원)",
            "단계",
            "분야",
            "링크",
        ],
        column_config={
            "예산(억원)": st.column_config.NumberColumn(format="localized"),
            "링크": st.column_config.LinkColumn(display_text="상세"),
        },
    )


def matrix_view(ds: Dataset, matrix: CoverageMatrix, *, prefix: str, title: str) -> None:
    """Heatmap (click opens a cell), the cell picker and its programs, notes and downloads."""
    st.markdown(f"**{title}** — {matrix.programs:,}개 사업")
    st.altair_chart(
        heatmap_chart(matrix, measure=measure, name="cell"),
        key=f"{prefix}_chart",
        on_select=lambda: _open_cell(prefix),
        selection_mode="cell",
        width="stretch",
    )
    gaps = matrix.gaps()
    confirmed = sum(1 for *_, sure in gaps if sure)
    st.caption(
        f"공백 {len(gaps)}칸 (확인된 공백 {confirmed}, 미확인 {len(gaps) - confirmed}). "
        + " ".join(matrix.notes)
    )
    left, right = st.columns(2)
    row = left.selectbox("칸 열기: 행", matrix.rows, key=f"{prefix}_row", bind="query-params")
    col = right.selectbox("칸 열기: 국면", matrix.cols, key=f"{prefix}_col", bind="query-params")
    cell_programs(ds, matrix, row or matrix.rows[0], col or matrix.cols[0])
    stem = f"coverage_{prefix}_{matrix.by}"
    made = coverage_files(matrix, measure=measure, title=title, desc=ds.catalogue.label)
    buttons = st.container(horizontal=True)
    buttons.download_button(
        "그림 (SVG)",
        made.svg,
        file_name=f"{stem}.svg",
        mime="image/svg+xml",
        key=f"{prefix}_svg",
        icon=":material/download:",
    )
    buttons.download_button(
        "표 (CSV)",
        made.csv,
        file_name=f"{stem}.csv",
        mime="text/csv",
        key=f"{prefix}_csv",
        icon=":material/download:",
    )


def reach_summary(found: Reach) -> None:
    counts = found.counts()
    m1, m2, m3, m4 = st.columns(4)
    m1.metric("닿는 사업", f"{len(found.ids()):,}개", help="전국 + 시·도 + 시·군·구 사업")
    m2.metric("전국 사업", f"{counts['nationwide']:,}개")
    local = counts["sido"] + counts["sigungu"]
    m3.metric(
        f"{found.place} 지역 사업",
        f"{local:,}개",
        help=f"{found.sido} 사업 {counts['sido']}개 + 시·군·구 사업 {counts['sigungu']}개",
    )
    m4.metric(
        "확인 필요",
        f"{counts['uncertain'] + counts['unknown_area']:,}개",
        help=(
            f"관내 여부 확인 필요 {counts['uncertain']}개 (시·군·구 사업 등) · "
            f"지역 미상 {counts['unknown_area']}개 (데이터에 시·도가 없는 지자체 사업)"
        ),
    )
    if counts["uncertain"] and not found.district:
        st.caption("시·군·구를 고르면 시·군·구 사업의 관내 요건까지 판정합니다.")


tab_nation, tab_here = st.tabs(["전국 현황", "우리 지역에서 닿는 사업"])
with tab_nation:
    national = coverage(ds, by=by, field=field)
    matrix_view(ds, national, prefix="nat", title=coverage_title(by, field=field))

with tab_here:
    p1, p2 = st.columns(2)
    sido = p1.selectbox(
        "시·도",
        SIDO,
        index=None,
        placeholder="시·도 선택",
        key="reach_sido",
        bind="query-params",
    )
    district = None
    if sido and SIGUNGU_BY_SIDO.get(sido):
        choice = p2.selectbox(
            "시·군·구",
            [NO_DISTRICT, *SIGUNGU_BY_SIDO[sido]],
            format_func=district_label(sido),
            key="reach_sgg",
            bind="query-params",
        )
        district = None if choice == NO_DISTRICT else choice
    if not sido:
        st.info(
            "시·도(와 시·군·구)를 고르면 그곳 기업이 닿는 사업 — 전국 사업, 그 시·도의 사업, 그 "
            "시·군·구의 사업 — 으로 같은 표를 그리고 전국 현황과 나란히 보여 줍니다.",
            icon=":material/location_on:",
        )
    else:
        found = reach_of(ds, sido, district)
        reach_summary(found)
        here = reach_coverage(ds, found, by=by, field=field)
        left, right = st.columns(2)
        with left:
            matrix_view(
                ds, here, prefix="here", title=coverage_title(by, field=field, place=found.place)
            )
        with right:
            st.markdown(f"**전국 현황** — {national.programs:,}개 사업")
            st.altair_chart(
                heatmap_chart(national, measure=measure, name="cell_nat"), width="stretch"
            )
        with st.expander("닿는 사업과 확인이 필요한 사업 전체"):
            st.dataframe(
                reach_table(program_frame(ds), found, ds.by_id()),
                hide_index=True,
                placeholder="—",
                width="stretch",
                column_order=["범위", "사업명", "운영기관", "지역", "국면", "지역 판정"],
            )
