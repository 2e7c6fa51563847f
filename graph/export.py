"""Excel and CSV exports of duplicate findings (the roadmap's are :mod:`graph.roadmap_export`).

Consultants hand these files to clients and ministries open them in Excel; every cell goes
through :mod:`graph.sheets`, which keeps formula-like text inert, writes CSV as UTF-8 with BOM
and respects openpyxl's limits. Columns name each other by header (a program name links to the
"상세 URL" column), so a column can move without breaking a link.

The 중복 분석 page's downloads are these functions' bytes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from graph.sheets import (
    Column,
    csv_bytes,
    new_workbook,
    safe_sheet_title,
    workbook_bytes,
    write_table,
)
from loaders.model import Program

if TYPE_CHECKING:
    from graph.duplicates import DuplicateResult

__all__ = [
    "CLUSTER_COLUMNS",
    "PAIR_COLUMNS",
    "cluster_rows",
    "duplicates_to_csv",
    "duplicates_to_excel",
    "pair_rows",
]


def _by_id(programs: Sequence[Program] | Mapping[str, Program]) -> Mapping[str, Program]:
    if isinstance(programs, Mapping):
        return programs
    return {p.program_id: p for p in programs}


# ---------------------------------------------------------------------------- duplicates

PAIR_COLUMNS: tuple[Column, ...] = (
    Column("유사도", 8, number_format="0.0"),
    Column("사업 A", 36, link="URL A"),
    Column("운영기관 A", 20),
    Column("사업 B", 36, link="URL B"),
    Column("운영기관 B", 20),
    Column("이름", 8, number_format="0.0"),
    Column("내용", 8, number_format="0.0"),
    Column("대상", 8, number_format="0.0"),
    Column("유형", 8, number_format="0.0"),
    Column("단계", 8, number_format="0.0"),
    Column("군집", 6),
    Column("사업 A ID", 14),
    Column("사업 B ID", 14),
    Column("URL A", 30),
    Column("URL B", 30),
)


def pair_rows(result: DuplicateResult, by_id: Mapping[str, Program]) -> list[list]:
    """Pair table rows (headers: :data:`PAIR_COLUMNS`), best score first."""
    from graph.duplicates import COMPONENTS  # the breakdown's keys, in the columns' order

    cluster_of = result.cluster_of()
    rows = []
    for pair in sorted(result.pairs, key=lambda p: -p.score):
        a, b = by_id.get(pair.a_id), by_id.get(pair.b_id)
        rows.append(
            [
                pair.score,
                a.name if a else pair.a_id,
                a.institution if a else "",
                b.name if b else pair.b_id,
                b.institution if b else "",
                *(pair.breakdown.get(k) for k in COMPONENTS),
                cluster_of.get(pair.a_id, ""),
                pair.a_id,
                pair.b_id,
                a.url if a else "",
                b.url if b else "",
            ]
        )
    return rows


CLUSTER_COLUMNS: tuple[Column, ...] = (
    Column("군집", 6),
    Column("사업 수", 8),
    Column("기관 수", 8),
    Column("예산 합계(억원)", 14, number_format="#,##0.0"),
    Column("예산 명시 사업", 12),
    Column("사업 (기관)", 80, wrap=True),
    Column("사업 ID", 40, wrap=True),
)


def cluster_rows(result: DuplicateResult, by_id: Mapping[str, Program]) -> list[list]:
    """One row per cluster (headers: :data:`CLUSTER_COLUMNS`): size, institutions, the budget
    the overlapping programs add up to (stated budgets only) and their names."""
    rows = []
    for n, members in enumerate(result.clusters, start=1):
        progs = [by_id[m] for m in members if m in by_id]
        budgets = [p.budget_eok for p in progs if p.budget_eok is not None]
        rows.append(
            [
                n,
                len(members),
                len({p.institution for p in progs if p.institution}),
                round(sum(budgets), 2) if budgets else None,
                len(budgets),
                "\n".join(f"{p.name} ({p.institution or p.region or '기관 미상'})" for p in progs),
                ", ".join(members),
            ]
        )
    return rows


def _frame_rows(frame: Any) -> tuple[list[str], list[list]]:
    """Header and rows of a DataFrame, index first (the overlap matrices)."""
    index_name = frame.index.name or ""
    headers = [str(index_name), *(str(c) for c in frame.columns)]
    rows = [
        [str(idx), *vals]
        for idx, vals in zip(frame.index, frame.itertuples(index=False), strict=True)
    ]
    return headers, rows


def duplicates_to_excel(
    result: DuplicateResult,
    programs: Sequence[Program] | Mapping[str, Program],
    *,
    tables: Mapping[str, Any] | None = None,
) -> bytes:
    """Duplicate findings as a workbook: 중복 쌍 / 군집 / one sheet per overlap table.

    ``result`` is a :class:`graph.duplicates.DuplicateResult`; ``tables`` maps sheet titles to
    DataFrames (e.g. ``{"부처×부처": overlap_table(result, programs, by="ministry")}``).
    """
    by_id = _by_id(programs)
    wb, ws = new_workbook("중복 쌍")
    write_table(ws, PAIR_COLUMNS, pair_rows(result, by_id))
    write_table(wb.create_sheet("군집"), CLUSTER_COLUMNS, cluster_rows(result, by_id))
    for title, frame in (tables or {}).items():
        headers, rows = _frame_rows(frame)
        cols = [Column(headers[0], 20)] + [Column(h, 10) for h in headers[1:]]
        write_table(wb.create_sheet(safe_sheet_title(title)), cols, rows)
    return workbook_bytes(wb)


def duplicates_to_csv(
    result: DuplicateResult, programs: Sequence[Program] | Mapping[str, Program]
) -> bytes:
    """The pair table as CSV (UTF-8 with BOM, formula-like cells neutralised)."""
    return csv_bytes([c.header for c in PAIR_COLUMNS], pair_rows(result, _by_id(programs)))
