"""Caches and chart builders shared by the analysts' pages (지원 공백, 연도 비교).

Each cache wraps one library call (:mod:`graph.coverage`, :mod:`graph.diff`) keyed by the
dataset key and plain options, with heavy inputs passed unhashed (``_catalogue``), like
:mod:`pages._caches`. The Altair builders turn a library result into an in-page chart; the
downloadable files come from :mod:`graph.svgchart` so that they render Korean offline.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from graph.coverage import Axis, CoverageMatrix, Reach, coverage_matrix, reach
from graph.diff import LineageEdit, NoticeDiff, diff_catalogues
from graph.svgchart import cell_colour, heatmap_svg, text_colour
from loaders.catalogue import Catalogue, load_embedded, load_uploads
from loaders.model import Program
from pages._dataset import Dataset

__all__ = [
    "NO_LINK",
    "cell_status",
    "coverage",
    "editor_edits",
    "embedded",
    "heatmap_chart",
    "lineage_editor",
    "matrix_csv",
    "matrix_svg",
    "notice_diff",
    "reach_coverage",
    "reach_of",
    "uploaded",
]


@st.cache_resource(max_entries=32)
def _coverage(
    key: str,
    by: Axis,
    field: str | None,
    sido: str | None,
    _programs: Sequence[Program],
    _maybe: Sequence[Program] = (),
    rows: tuple[str, ...] | None = None,
) -> CoverageMatrix:
    return coverage_matrix(_programs, by=by, field=field, sido=sido, maybe=_maybe, rows=rows)


def coverage(
    ds: Dataset, *, by: Axis, field: str | None = None, sido: str | None = None
) -> CoverageMatrix:
    """:func:`graph.coverage.coverage_matrix` of the whole dataset."""
    return _coverage(ds.key, by, field, sido, ds.programs)


@st.cache_resource(max_entries=32)
def _reach(key: str, sido: str, district: str | None, _catalogue: Catalogue) -> Reach:
    return reach(_catalogue.programs, sido, district)


def reach_of(ds: Dataset, sido: str, district: str | None) -> Reach:
    """:func:`graph.coverage.reach` for a place."""
    return _reach(ds.key, sido, district, ds.catalogue)


def reach_coverage(
    ds: Dataset, found: Reach, *, by: Axis, field: str | None = None
) -> CoverageMatrix:
    """The coverage matrix of the programs in reach of ``found``'s place; programs whose area
    the engine cannot settle fill the matrix's 확인 필요 row. On the 시·도 axis only the place's
    own row (and the open rows) are listed."""
    keep = set(found.ids())
    unsure = set(found.ids("uncertain", "unknown_area"))
    programs = [p for p in ds.programs if p.program_id in keep]
    maybe = [p for p in ds.programs if p.program_id in unsure]
    key = f"{ds.key}|reach:{found.sido}:{found.district or ''}"
    rows = (found.sido,) if by == "sido" else None
    return _coverage(key, by, field, None, programs, maybe, rows)


@st.cache_resource(show_spinner="내장 데이터를 불러오는 중…", max_entries=4)
def embedded(year: int) -> Catalogue:
    """An embedded notice year (:func:`loaders.catalogue.load_embedded`)."""
    return load_embedded(year)


@st.cache_resource(show_spinner="파일을 읽는 중…", max_entries=8)
def uploaded(digest: str, _files: tuple[tuple[bytes, str], ...]) -> Catalogue:
    """Uploaded notice files as one catalogue (``digest`` identifies the bytes)."""
    return load_uploads(_files)


@st.cache_resource(show_spinner="두 공고를 비교하는 중…", max_entries=16)
def _diff(
    old_key: str,
    new_key: str,
    threshold: float,
    edits: tuple[tuple[str, str, str, str], ...],
    _old: Catalogue,
    _new: Catalogue,
) -> NoticeDiff:
    return diff_catalogues(_old, _new, threshold=threshold, edits=[LineageEdit(*e) for e in edits])


def notice_diff(
    old: tuple[str, Catalogue],
    new: tuple[str, Catalogue],
    *,
    threshold: float,
    edits: Sequence[LineageEdit] = (),
) -> NoticeDiff:
    """:func:`graph.diff.diff_catalogues` of two ``(key, catalogue)`` notices."""
    plain = tuple((e.relation, e.old, e.new, e.where) for e in edits)
    return _diff(old[0], new[0], float(threshold), plain, old[1], new[1])


# ------------------------------------------------------------------------------ charts


def cell_status(matrix: CoverageMatrix, row: str, col: str) -> str:
    """ "gap" (confirmed), "open" (a gap unknown programs may fill) or ""."""
    if matrix.confirmed_gap(row, col):
        return "gap"
    return "open" if matrix.is_gap(row, col) else ""


def _cell_label(matrix: CoverageMatrix, row: str, col: str, measure: str) -> str:
    cell = matrix.cell(row, col)
    status = cell_status(matrix, row, col)
    if status == "gap":
        return "공백"
    if status == "open":
        return "미확인"
    if measure == "budget":
        return f"{cell.budget_eok:,.0f}" if cell.with_budget else "미상"
    return str(cell.count)


def _cell_value(matrix: CoverageMatrix, row: str, col: str, measure: str) -> float | None:
    cell = matrix.cell(row, col)
    if measure == "budget":
        return cell.budget_eok if cell.with_budget else None
    return float(cell.count)


# Phase names short and on at most two lines, so five columns fit a phone: "R&D",
# "보육 / 멘토링", "판로·투자 / 융자" (a Vega expression: an array is drawn as lines).
_PHASE_LABEL = (
    "datum.label == '기술개발(R&D)' ? 'R&D' : lastindexof(datum.label, '·') > 0"
    " ? [substring(datum.label, 0, lastindexof(datum.label, '·')),"
    " substring(datum.label, lastindexof(datum.label, '·') + 1)] : datum.label"
)


def heatmap_chart(matrix: CoverageMatrix, *, measure: str, name: str) -> alt.LayerChart:
    """The matrix as an Altair heatmap with a point selection ``name`` over (행, 국면), so a
    click can open the cell. Cells are filled with the SVG file's colours
    (:func:`graph.svgchart.cell_colour`: gaps orange, unconfirmed gaps grey, values blue)."""
    values = {(r, c): _cell_value(matrix, r, c, measure) for r in matrix.rows for c in matrix.cols}
    peak = max([v for v in values.values() if v is not None] + [0.0])
    records = []
    for row in matrix.rows:
        for col in matrix.cols:
            cell = matrix.cell(row, col)
            status = cell_status(matrix, row, col)
            value = values[(row, col)]
            records.append(
                {
                    "행": row,
                    "국면": col,
                    "표시": _cell_label(matrix, row, col, measure),
                    "사업 수": cell.count,
                    "예산(억원)": round(cell.budget_eok, 1) if cell.with_budget else None,
                    "상태": {"gap": "공백", "open": "미확인 공백"}.get(status, ""),
                    "fill": cell_colour(value, peak, status),
                    "ink": text_colour(value, peak, status),
                }
            )
    frame = pd.DataFrame(records)
    pick = alt.selection_point(name=name, fields=["행", "국면"], on="click")
    base = alt.Chart(frame).encode(
        x=alt.X(
            "국면:N",
            sort=list(matrix.cols),
            title=None,
            axis=alt.Axis(
                orient="top",
                labelAngle=0,
                labelOverlap=False,
                labelBaseline="line-bottom",
                labelExpr=_PHASE_LABEL,
            ),
        ),
        y=alt.Y("행:N", sort=list(matrix.rows), title=None, axis=alt.Axis(labelLimit=140)),
        tooltip=["행", "국면", "사업 수", "예산(억원)", "상태"],
    )
    # One colour channel with literal colours: Vega-Lite cannot layer a scaled colour with an
    # unscaled one (the chart fails to draw), and literal colours match the SVG file.
    cells = base.mark_rect(stroke="#DDDDDD").encode(color=alt.Color("fill:N", scale=None))
    text = base.mark_text(fontSize=12).encode(text="표시:N", color=alt.Color("ink:N", scale=None))
    # A transparent layer on top takes the clicks, so a click on a cell's number opens it too.
    hits = base.mark_rect(opacity=0).add_params(pick)
    return (cells + text + hits).properties(height=alt.Step(30))


def matrix_svg(matrix: CoverageMatrix, *, measure: str, title: str, desc: str) -> bytes:
    """The matrix as the downloadable SVG heatmap (:func:`graph.svgchart.heatmap_svg`)."""
    rows, cols = matrix.rows, matrix.cols
    return heatmap_svg(
        rows,
        cols,
        [[_cell_value(matrix, r, c, measure) for c in cols] for r in rows],
        title=title,
        desc=desc,
        labels=[[_cell_label(matrix, r, c, measure) for c in cols] for r in rows],
        gaps=[[cell_status(matrix, r, c) for c in cols] for r in rows],
    ).encode("utf-8")


def matrix_csv(matrix: CoverageMatrix) -> bytes:
    """One row per cell: 행, 국면, 사업 수, 예산, 예산 명시 사업, 공백 여부, 설명, 사업 ID."""
    from graph.diff_export import table_csv

    headers = ("행", "국면", "사업 수", "예산(억원)", "예산 명시 사업", "공백", "설명", "사업 ID")
    rows = [
        [
            r,
            c,
            matrix.cell(r, c).count,
            round(matrix.cell(r, c).budget_eok, 2) if matrix.cell(r, c).with_budget else None,
            matrix.cell(r, c).with_budget,
            {"gap": "공백", "open": "미확인 공백"}.get(cell_status(matrix, r, c), ""),
            matrix.gap_note(r, c),
            " ".join(matrix.cell(r, c).program_ids),
        ]
        for r in matrix.rows
        for c in matrix.cols
    ]
    return table_csv(headers, rows)


# ------------------------------------------------------------------------------ lineage editor

NO_LINK = "(연결 없음 — 폐지)"
EDITOR_COLUMNS = ("이전 사업", "연결할 새 사업", "자동 판정", "점수", "_old_id")


def lineage_editor(diff: NoticeDiff) -> tuple[pd.DataFrame, dict[str, str]]:
    """The editable lineage table — one row per old program with the new program it is linked
    to (first one of a split) — and a unique label per in-scope new program ("name · 기관")."""
    labels: dict[str, str] = {}
    seen: dict[str, int] = {}
    for link in diff.links:
        for pid in link.new_ids:
            p = diff.new_programs[pid]
            where = p.institution or p.region
            text = f"{p.name} · {where}" if where else p.name
            seen[text] = seen.get(text, 0) + 1
            labels[pid] = text if seen[text] == 1 else f"{text} ({seen[text]})"
    rows = [
        [
            diff.old_programs[oid].name,
            labels[link.new_ids[0]] if link.new_ids else NO_LINK,
            link.label,
            link.score,
            oid,
        ]
        for link in diff.links
        for oid in link.old_ids
    ]
    return pd.DataFrame(rows, columns=list(EDITOR_COLUMNS)), labels


def editor_edits(
    edited_rows: Mapping[Any, Mapping[str, Any]], frame: pd.DataFrame, labels: Mapping[str, str]
) -> list[LineageEdit]:
    """The person's changes in the editable table (``st.data_editor``'s ``edited_rows``) as
    lineage edits: a chosen new program links, :data:`NO_LINK` drops."""
    by_label = {label: pid for pid, label in labels.items()}
    edits: list[LineageEdit] = []
    for index, change in sorted(edited_rows.items(), key=lambda kv: int(kv[0])):
        chosen = change.get("연결할 새 사업")
        row = int(index)
        if chosen is None or not 0 <= row < len(frame):
            continue
        target = by_label.get(str(chosen), "")
        edits.append(
            LineageEdit(
                "명칭 변경" if target else "폐지",
                str(frame.iloc[row]["_old_id"]),
                target,
                f"앱 계보 표 {row + 1}행",
            )
        )
    return edits
