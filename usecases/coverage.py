"""Coverage of a catalogue, nationally or for a firm's place, and its files — the call the
지원 공백 page and ``navigator coverage`` both make.

* :func:`view` — :func:`graph.coverage.coverage_matrix` of every program, or (with a 시·도 and
  optional 시·군·구) of the programs :func:`graph.coverage.reach` finds in reach there, with the
  programs whose area the data cannot settle in their own row;
* :func:`files` — the matrix as an SVG heatmap and a CSV with one row per cell;
  :func:`title` — what the matrix shows, for the heatmap's title and the page's heading;
* :func:`cell_table`, :func:`reach_table` — the programs of one cell, and those a place reaches
  or may reach, as rows of the finder's program table (:func:`usecases.finder.program_table`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from graph.coverage import AXIS_LABELS, Axis, CoverageMatrix, Reach, coverage_matrix, reach
from graph.phases import phase_of
from graph.sheets import csv_bytes
from graph.svgchart import heatmap_svg
from loaders.model import Program

__all__ = [
    "CoverageFiles",
    "CoverageView",
    "cell_label",
    "cell_status",
    "cell_table",
    "files",
    "reach_table",
    "title",
    "view",
]

Measure = Literal["count", "budget"]


@dataclass(frozen=True)
class CoverageView:
    """A matrix and, for a place, the reach it was drawn from (None: the whole catalogue)."""

    matrix: CoverageMatrix
    reach: Reach | None = None


@dataclass(frozen=True)
class CoverageFiles:
    """The heatmap as SVG and the cells as CSV."""

    svg: bytes
    csv: bytes


def view(
    programs: Sequence[Program],
    *,
    by: Axis = "stage",
    field: str | None = None,
    sido: str | None = None,
    region: str | None = None,
    district: str | None = None,
    found: Reach | None = None,
) -> CoverageView:
    """The coverage matrix of ``programs`` — or, with ``region`` (and ``district``), of the
    programs in reach of a firm there. ``found`` passes a reach already computed (the page
    caches it). On the 시·도 axis a place's matrix lists only its own 시·도 row (and the open
    rows); programs the engine cannot place fill the 지역 확인 필요 row."""
    if found is None and region:
        found = reach(programs, region, district)
    if found is None:
        return CoverageView(coverage_matrix(programs, by=by, field=field, sido=sido))
    keep = set(found.ids())
    unsure = set(found.ids("uncertain", "unknown_area"))
    matrix = coverage_matrix(
        [p for p in programs if p.program_id in keep],
        by=by,
        field=field,
        maybe=[p for p in programs if p.program_id in unsure],
        rows=(found.sido,) if by == "sido" else None,
    )
    return CoverageView(matrix, found)


def title(
    by: Axis, *, field: str | None = None, sido: str | None = None, place: str | None = None
) -> str:
    """What a matrix shows, with every filter that narrowed it: "성장 단계 × 지원 국면 ·
    바이오·헬스 (전체)", "… (경북 김천시에서 닿는 사업)".

    >>> title("stage", field="바이오·헬스", place="경북 김천시")
    '성장 단계 × 지원 국면 · 바이오·헬스 (경북 김천시에서 닿는 사업)'
    """
    head = f"{AXIS_LABELS[by]} × 지원 국면"
    if field:
        head += f" · {field}"
    if sido:
        head += f" · {sido} 사업"
    return f"{head} ({place}에서 닿는 사업)" if place else f"{head} (전체)"


def cell_status(matrix: CoverageMatrix, row: str, col: str) -> str:
    """ "gap" (confirmed), "open" (a gap programs of unknown stage or place may fill) or ""."""
    if matrix.confirmed_gap(row, col):
        return "gap"
    return "open" if matrix.is_gap(row, col) else ""


def cell_value(matrix: CoverageMatrix, row: str, col: str, measure: Measure) -> float | None:
    """The number a cell is coloured by: its program count, or its stated budget (None when
    no program of the cell states one)."""
    cell = matrix.cell(row, col)
    if measure == "budget":
        return cell.budget_eok if cell.with_budget else None
    return float(cell.count)


def cell_label(matrix: CoverageMatrix, row: str, col: str, measure: Measure) -> str:
    """The text written in a cell: 공백 / 미확인 / the count / the budget (or 미상)."""
    status = cell_status(matrix, row, col)
    if status == "gap":
        return "공백"
    if status == "open":
        return "미확인"
    cell = matrix.cell(row, col)
    if measure == "budget":
        return f"{cell.budget_eok:,.0f}" if cell.with_budget else "미상"
    return str(cell.count)


def files(matrix: CoverageMatrix, *, measure: Measure, title: str, desc: str) -> CoverageFiles:
    """The heatmap (:func:`graph.svgchart.heatmap_svg`) and one CSV row per cell: 행, 국면,
    사업 수, 예산, 예산 명시 사업, 공백, 설명, 사업 ID."""
    rows, cols = matrix.rows, matrix.cols
    svg = heatmap_svg(
        rows,
        cols,
        [[cell_value(matrix, r, c, measure) for c in cols] for r in rows],
        title=title,
        desc=desc,
        labels=[[cell_label(matrix, r, c, measure) for c in cols] for r in rows],
        gaps=[[cell_status(matrix, r, c) for c in cols] for r in rows],
    )
    headers = ("행", "국면", "사업 수", "예산(억원)", "예산 명시 사업", "공백", "설명", "사업 ID")
    table = [
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
        for r in rows
        for c in cols
    ]
    return CoverageFiles(svg.encode("utf-8"), csv_bytes(headers, table))


def cell_table(frame: pd.DataFrame, matrix: CoverageMatrix, row: str, col: str) -> pd.DataFrame:
    """The rows of ``frame`` (one per program, with a ``program_id`` column — the finder's
    program table) for the programs counted in one cell of ``matrix``."""
    return frame[frame["program_id"].isin(matrix.cell(row, col).program_ids)]


def reach_table(frame: pd.DataFrame, found: Reach, programs: Mapping[str, Program]) -> pd.DataFrame:
    """The programs a place reaches or may reach — every program but other places' own — as the
    rows of ``frame`` with three columns added: 범위 (nationwide, the 시·도's, the 시·군·구's, or
    to be checked), 지역 판정 (the area rule's reason) and 국면 (the support phase).
    ``programs`` maps program ids to programs (for the phase)."""
    ids = frame["program_id"]
    table = frame.assign(
        **{
            "범위": ids.map(lambda pid: found.label(found.scope[pid])),
            "지역 판정": ids.map(found.reasons.__getitem__),
            "국면": ids.map(lambda pid: phase_of(programs[pid]) or "유형 미상"),
        }
    )
    return table[ids.map(lambda pid: found.scope[pid] != "out")]
