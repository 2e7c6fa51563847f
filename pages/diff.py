"""연도 비교: what changed between two notices — lineage a person can correct, budget moved.

The comparison, every file and every table come from :mod:`usecases.diff`
(:func:`~usecases.diff.compare`, :func:`~usecases.diff.files`, :func:`~usecases.diff.chart`, the
``*_table`` functions) — the calls ``navigator diff`` makes — over :mod:`graph.diff`. The two notices, the threshold and the lineage filter are bound
to the URL (``old``, ``new``, ``thr``, ``rel``); corrections live in the editable table and in a
lineage CSV.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Literal

import altair as alt
import streamlit as st

from graph.diff import (
    DEFAULT_THRESHOLD,
    RELATION_LABELS,
    RELATIONS,
    LineageEdit,
    read_lineage_csv,
)
from loaders.catalogue import Catalogue, embedded_years
from loaders.errors import NavigatorError
from pages._dataset import active_dataset, upload_digest
from pages._format import eok, md_escape
from pages._policy import NO_LINK, editor_edits, embedded, lineage_editor, notice_diff, uploaded
from pages._router import require_router
from usecases.diff import (
    budget_table,
    excluded_table,
    group_table,
    lineage_table,
    moves_table,
    waterfall_table,
)
from usecases.diff import chart as diff_chart
from usecases.diff import files as diff_files

if TYPE_CHECKING:
    import pandas as pd

require_router()

ACTIVE, UPLOAD = "active", "upload"

ds = active_dataset()
years = embedded_years()
SOURCES: dict[str, str] = {f"embedded:{y}": f"내장 {y} 통합공고" for y in years}
SOURCES[ACTIVE] = "지금 보는 데이터"
SOURCES[UPLOAD] = "파일 올리기"

st.title("연도 비교")
st.caption(
    "두 통합공고(내장 연도, 지금 보는 데이터, 올린 파일)를 맞대어 사업마다 유지·명칭 변경·통합·분할·"
    "신규·폐지를 판정하고 예산이 어떻게 옮겨 갔는지 보여 줍니다. 사업명은 띄어쓰기·괄호·연도를 "
    "지우고 비교하며, 판정마다 근거와 점수가 있고 계보 표에서 고칠 수 있습니다."
)


def pick(side: str, default: str) -> tuple[str, Catalogue] | None:
    """The source picker of one side; ``(cache key, catalogue)`` or None while a file is due."""
    what = "이전" if side == "old" else "새"
    keys = list(SOURCES)
    choice = st.selectbox(
        f"{what} 공고",
        keys,
        index=keys.index(default),
        format_func=SOURCES.__getitem__,
        key=side,
        bind="query-params",
    )
    if choice == ACTIVE:
        st.caption(md_escape(ds.catalogue.label))
        return ds.key, ds.catalogue
    if choice and choice.startswith("embedded:"):
        catalogue = embedded(int(choice.partition(":")[2]))
        st.caption(md_escape(catalogue.label))
        return choice, catalogue
    files = st.file_uploader(
        f"{what} 공고 파일 (.xlsx/.csv, 여러 개 가능)",
        type=["xlsx", "csv"],
        accept_multiple_files=True,
        key=f"{side}_file",
    )
    if not files:
        return None
    data = tuple((f.getvalue(), f.name) for f in files)
    digest = upload_digest(list(data))
    try:
        catalogue = uploaded(digest, data)
    except NavigatorError as exc:
        st.error(str(exc), icon=":material/error:")
        return None
    st.caption(f"{md_escape(catalogue.label)} — {catalogue.report.accounting_line()}")
    return f"upload:{digest}", catalogue


left, right = st.columns(2)
with left:
    old = pick("old", f"embedded:{years[1]}" if len(years) > 1 else ACTIVE)
with right:
    new = pick("new", ACTIVE)
c1, c2 = st.columns([1, 1])
threshold = c1.select_slider(
    "자동 연결 기준 (사업명 유사도)",
    [70, 75, 80, 85, 90, 95],
    value=round(DEFAULT_THRESHOLD),
    key="thr",
    bind="query-params",
    help="이 점수 이상이면 같은 사업(명칭 변경)으로 잇습니다. 낮추면 더 많이, 높이면 확실한 것만.",
)
lineage_file = c2.file_uploader(
    "고친 계보 표 (CSV, 선택)",
    type=["csv"],
    key="lineage_file",
    help="이 페이지나 'navigator diff --lineage-out'이 내려받은 계보 표를 고쳐서 올리면 그대로 따릅니다.",
)
if old is None or new is None:
    st.info("비교할 공고 파일을 올려 주세요.", icon=":material/upload_file:")
    st.stop()

file_edits: list[LineageEdit] = []
if lineage_file is not None:
    try:
        file_edits = read_lineage_csv(lineage_file.getvalue(), lineage_file.name)
    except NavigatorError as exc:
        st.error(str(exc), icon=":material/error:")

base = notice_diff(old, new, threshold=threshold, edits=file_edits)
# The editable table starts from the diff before the app's own corrections; its key changes
# with the inputs, so a new comparison starts with a fresh table.
base_key = hashlib.sha1(
    repr((old[0], new[0], threshold, [(e.relation, e.old, e.new) for e in file_edits])).encode()
).hexdigest()[:12]
editor_key = f"lineage_editor_{base_key}"
editor_frame, labels = lineage_editor(base)
app_edits = editor_edits(
    (st.session_state.get(editor_key) or {}).get("edited_rows", {}), editor_frame, labels
)
diff = (
    notice_diff(old, new, threshold=threshold, edits=[*file_edits, *app_edits])
    if app_edits
    else base
)

# ------------------------------------------------------------------------------ summary
counts = diff.counts()
program_counts = diff.program_counts()
# A wrapping row: six metrics side by side on a desktop, two or three a line on a phone.
with st.container(horizontal=True, wrap=True, gap="medium"):
    for relation in RELATIONS:
        o, n = program_counts[relation]
        st.metric(
            RELATION_LABELS[relation],
            f"{counts[relation]:,}건",
            help=f"이전 {o}개 → 새 {n}개 사업",
            width=100,
        )
st.info("\n".join(f"- {md_escape(note)}" for note in diff.notes), icon=":material/info:")
if diff.issues:
    st.warning(
        "계보 표에서 적용하지 못한 행:\n"
        + "\n".join(f"- {md_escape(i.describe())}" for i in diff.issues),
        icon=":material/warning:",
    )
if app_edits:
    st.caption(f"계보 표에서 고친 {len(app_edits)}건을 반영했습니다 (판정 '사람').")


def change_bars(
    frame: pd.DataFrame, label: str, tooltip: list[str], *, width: int, step: int
) -> None:
    """Horizontal bars of 증감(억원) per ``label``, largest first: gains blue, cuts red."""
    st.altair_chart(
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=alt.Y(f"{label}:N", sort="-x", title=None, axis=alt.Axis(labelLimit=width)),
            x=alt.X("증감(억원):Q"),
            color=alt.condition(
                "datum['증감(억원)'] >= 0", alt.value("#2E6DB4"), alt.value("#C8553D")
            ),
            tooltip=tooltip,
        )
        .properties(height=alt.Step(step)),
        width="stretch",
    )


def chart_buttons(name: str) -> None:
    """The SVG and CSV downloads of one chart (:func:`usecases.diff.chart`, as the CLI's)."""
    made = diff_chart(diff, name)
    buttons = st.container(horizontal=True)
    buttons.download_button(
        "그림 (SVG)",
        made.svg,
        file_name=f"{made.stem}.svg",
        mime="image/svg+xml",
        key=f"{name}_svg",
        icon=":material/download:",
        disabled=made.empty,
    )
    buttons.download_button(
        "표 (CSV)",
        made.csv,
        file_name=f"{made.stem}.csv",
        mime="text/csv",
        key=f"{name}_csv",
        icon=":material/download:",
    )


tab_lineage, tab_budget, tab_groups, tab_excluded = st.tabs(
    ["계보", "예산 변동", "부처·유형별", "비교 제외"]
)

with tab_lineage:
    relations = st.pills(
        "관계",
        list(RELATIONS),
        format_func=RELATION_LABELS.__getitem__,
        selection_mode="multi",
        default=["renamed", "merged", "split", "new", "dropped"],
        key="rel",
        bind="query-params",
    )
    st.dataframe(
        lineage_table(diff, relations or RELATIONS),
        hide_index=True,
        placeholder="—",
        width="stretch",
        column_order=["관계", "이전 사업명", "새 사업명", "점수", "근거", "판정", "증감(억원)"],
        column_config={
            "점수": st.column_config.ProgressColumn(min_value=0, max_value=100, format="%.0f"),
            "근거": st.column_config.TextColumn(width="large"),
            "증감(억원)": st.column_config.NumberColumn(format="localized"),
        },
    )
    with st.expander(
        "계보 고치기 — 이전 사업마다 이어질 새 사업을 고르세요", expanded=bool(app_edits)
    ):
        st.caption(
            "고른 연결은 자동 판정보다 우선합니다. 같은 새 사업을 여러 이전 사업에 고르면 통합, "
            f"'{NO_LINK}'을 고르면 폐지입니다. 분할(이전 1개 → 새 여러 개)은 계보 표 CSV로 지정하세요."
        )
        st.data_editor(
            editor_frame,
            key=editor_key,
            hide_index=True,
            width="stretch",
            num_rows="fixed",
            disabled=["이전 사업", "자동 판정", "점수"],
            column_order=["이전 사업", "연결할 새 사업", "자동 판정", "점수"],
            column_config={
                "연결할 새 사업": st.column_config.SelectboxColumn(
                    options=[NO_LINK, *labels.values()], required=True, width="large"
                ),
                "점수": st.column_config.NumberColumn(format="%.0f"),
            },
        )
    st.download_button(
        "계보 표 (CSV) — 고쳐서 다시 올리거나 navigator diff --lineage 로",
        diff_files(diff).lineage_csv,
        file_name="lineage.csv",
        mime="text/csv",
        key="lineage_csv",
        icon=":material/download:",
    )

with tab_budget:
    st.markdown("**예산 흐름** (두 데이터에 적힌 예산만)")
    wf = waterfall_table(diff)
    st.altair_chart(
        alt.Chart(wf)
        .mark_bar()
        .encode(
            y=alt.Y("단계:N", sort=list(wf["단계"]), title=None, axis=alt.Axis(labelLimit=220)),
            x=alt.X("시작:Q", title="억원"),
            x2="끝:Q",
            color=alt.Color(
                "종류:N",
                scale=alt.Scale(
                    domain=["합계", "증가", "감소"], range=["#5B6770", "#2E6DB4", "#C8553D"]
                ),
                legend=None,
            ),
            tooltip=["단계", "금액(억원)", "사업 수"],
        )
        .properties(height=alt.Step(34)),
        width="stretch",
    )
    chart_buttons("waterfall")

    st.markdown("**사업별 예산 증감** (두 데이터 모두 예산이 적힌 사업)")
    bars = moves_table(diff)
    if not bars.empty:
        change_bars(bars, "사업", ["사업", "관계", "증감(억원)"], width=240, step=26)
    else:
        st.info("두 데이터 모두 예산이 적힌 사업이 없어 사업별 증감을 셀 수 없습니다.")
    st.dataframe(
        budget_table(diff),
        hide_index=True,
        placeholder="—",
        width="stretch",
        column_config={
            h: st.column_config.NumberColumn(format="localized")
            for h in ("이전 예산(억원)", "새 예산(억원)", "증감(억원)")
        },
    )
    chart_buttons("program")


def group_section(key: Literal["ministry", "support_type"], name: str) -> None:
    """Budget moved per ministry or support type: chart, table and their downloads."""
    tables = group_table(diff, key, name)
    frame, chart_frame = tables.frame, tables.chart
    st.markdown(
        f"**{name}별 예산 증감** (적힌 예산의 합계 차이 — '예산 명시' 열로 비교 범위를 확인하세요)"
    )
    if not chart_frame.empty:
        tooltip = [name, "이전 예산(억원)", "새 예산(억원)", "증감(억원)"]
        change_bars(chart_frame, "표시", tooltip, width=260, step=24)
    st.dataframe(
        frame,
        hide_index=True,
        placeholder="—",
        width="stretch",
        column_config={
            h: st.column_config.NumberColumn(format="localized")
            for h in frame.columns
            if "억원" in h
        },
    )
    chart_buttons(key)


with tab_groups:
    group_section("ministry", "소관 부처·시·도")
    group_section("support_type", "지원유형")

with tab_excluded:
    excluded = excluded_table(diff)
    if excluded.empty:
        st.caption("두 데이터의 모든 사업을 비교했습니다.")
    else:
        st.caption(
            f"{len(excluded)}개 사업은 다른 쪽 데이터에 같은 구분(중앙부처·지자체)의 사업이 없어 "
            "비교하지 않았습니다 (신규·폐지로 세지 않음)."
        )
        st.dataframe(
            excluded,
            hide_index=True,
            placeholder="—",
            width="stretch",
        )

st.subheader("내보내기")
made = diff_files(diff)
st.download_button(
    "Excel (.xlsx) — 요약·계보·사업별 예산·부처별·지원유형별·예산 흐름·비교 제외",
    made.xlsx,
    file_name=f"{made.stem}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    key="diff_xlsx",
    type="primary",
    icon=":material/download:",
)
st.caption(
    f"예산 합계: 이전 {eok(diff.old.budget_eok)} ({diff.old.with_budget}/{diff.old.programs}개 명시) · "
    f"새 {eok(diff.new.budget_eok)} ({diff.new.with_budget}/{diff.new.programs}개 명시)"
)
