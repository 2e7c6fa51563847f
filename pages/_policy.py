"""Caches and the in-page heatmap shared by the analysts' pages (지원 공백, 연도 비교).

Each cache wraps one use-case call (:mod:`usecases.coverage`, :mod:`usecases.diff`) keyed by
the dataset key and plain options, with heavy inputs passed unhashed (``_catalogue``), like
:mod:`pages._caches`. Downloadable files come from the same use cases as the CLI's.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from graph.coverage import Axis, CoverageMatrix, Reach, reach
from graph.diff import LineageEdit, NoticeDiff
from graph.svgchart import cell_colour, text_colour
from loaders.catalogue import Catalogue, load_embedded, load_uploads
from pages._dataset import Dataset
from usecases import coverage as coverage_usecase
from usecases import diff as diff_usecase
from usecases.coverage import Measure, cell_label, cell_status, cell_value

__all__ = [
    "NO_LINK",
    "coverage",
    "editor_edits",
    "embedded",
    "heatmap_chart",
    "lineage_editor",
    "notice_diff",
    "reach_coverage",
    "reach_of",
    "uploaded",
]


@st.cache_resource(max_entries=32)
def _view(
    key: str,
    by: Axis,
    field: str | None,
    sido: str | None,
    _catalogue: Catalogue,
    _found: Reach | None = None,
) -> CoverageMatrix:
    return coverage_usecase.view(
        _catalogue.programs, by=by, field=field, sido=sido, found=_found
    ).matrix


def coverage(
    ds: Dataset, *, by: Axis, field: str | None = None, sido: str | None = None
) -> CoverageMatrix:
    """:func:`usecases.coverage.view` of the whole dataset."""
    return _view(ds.key, by, field, sido, ds.catalogue)


@st.cache_resource(max_entries=32)
def _reach(key: str, sido: str, district: str | None, _catalogue: Catalogue) -> Reach:
    return reach(_catalogue.programs, sido, district)


def reach_of(ds: Dataset, sido: str, district: str | None) -> Reach:
    """:func:`graph.coverage.reach` for a place."""
    return _reach(ds.key, sido, district, ds.catalogue)


def reach_coverage(
    ds: Dataset, found: Reach, *, by: Axis, field: str | None = None
) -> CoverageMatrix:
    """:func:`usecases.coverage.view` for ``found``'s place."""
    key = f"{ds.key}|reach:{found.sido}:{found.district or ''}"
    return _view(key, by, field, None, ds.catalogue, found)


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
    edits_ = [LineageEdit(*e) for e in edits]
    return diff_usecase.compare(_old, _new, threshold=threshold, edits=edits_)


def notice_diff(
    old: tuple[str, Catalogue],
    new: tuple[str, Catalogue],
    *,
    threshold: float,
    edits: Sequence[LineageEdit] = (),
) -> NoticeDiff:
    """:func:`usecases.diff.compare` of two ``(key, catalogue)`` notices."""
    plain = tuple((e.relation, e.old, e.new, e.where) for e in edits)
    return _diff(old[0], new[0], float(threshold), plain, old[1], new[1])


# ------------------------------------------------------------------------------ charts


# Phase names short and on at most two lines, so five columns fit a phone: "R&D",
# "보육 / 멘토링", "판로·투자 / 융자" (a Vega expression: an array is drawn as lines).
_PHASE_LABEL = (
    "datum.label == '기술개발(R&D)' ? 'R&D' : lastindexof(datum.label, '·') > 0"
    " ? [substring(datum.label, 0, lastindexof(datum.label, '·')),"
    " substring(datum.label, lastindexof(datum.label, '·') + 1)] : datum.label"
)


def heatmap_chart(matrix: CoverageMatrix, *, measure: Measure, name: str) -> alt.LayerChart:
    """The matrix as an Altair heatmap with a point selection ``name`` over (행, 국면), so a
    click can open the cell. Cells are filled with the SVG file's colours
    (:func:`graph.svgchart.cell_colour`: gaps orange, unconfirmed gaps grey, values blue)."""
    values = {(r, c): cell_value(matrix, r, c, measure) for r in matrix.rows for c in matrix.cols}
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
                    "표시": cell_label(matrix, row, col, measure),
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
