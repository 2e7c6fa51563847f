"""Tables and the Excel workbook of a year-over-year diff (:mod:`graph.diff`).

The 연도 비교 page and ``navigator diff -o diff.xlsx`` call the same functions, so both write the
same file. Cells are written like every other export (:mod:`graph.export`): formula-like text is
typed text with Excel's quote prefix (CSV: an apostrophe), control characters are stripped, CSV is
UTF-8 with BOM.
"""

from __future__ import annotations

from typing import Any, Literal

from graph.diff import LINEAGE_COLUMNS, RELATION_LABELS, RELATIONS, NoticeDiff, lineage_rows
from graph.sheets import (
    Column,
    csv_bytes,
    new_workbook,
    safe_sheet_title,
    workbook_bytes,
    write_table,
)

__all__ = [
    "BUDGET_COLUMNS",
    "GROUP_COLUMNS",
    "budget_rows",
    "diff_to_excel",
    "group_rows",
    "summary_rows",
    "table_csv",
    "waterfall_rows",
]

_EOK = "#,##0.0"

BUDGET_COLUMNS: tuple[Column, ...] = (
    Column("관계", 10),
    Column("이전 사업", 40, wrap=True),
    Column("새 사업", 40, wrap=True),
    Column("이전 예산(억원)", 14, number_format=_EOK),
    Column("새 예산(억원)", 14, number_format=_EOK),
    Column("증감(억원)", 12, number_format=_EOK),
    Column("비고", 40, wrap=True),
)

GROUP_COLUMNS: tuple[Column, ...] = (
    Column("구분", 22),
    Column("이전 사업 수", 10),
    Column("새 사업 수", 10),
    Column("이전 예산(억원)", 14, number_format=_EOK),
    Column("새 예산(억원)", 14, number_format=_EOK),
    Column("증감(억원)", 12, number_format=_EOK),
    Column("이전 예산 명시", 10),
    Column("새 예산 명시", 10),
    Column("계속 사업 증감(억원)", 14, number_format=_EOK),
    Column("신규 사업 예산(억원)", 14, number_format=_EOK),
    Column("폐지 사업 예산(억원)", 14, number_format=_EOK),
)

_LINEAGE_COLUMNS: tuple[Column, ...] = tuple(
    Column(h, {"이전 사업명": 36, "새 사업명": 36, "근거": 60}.get(h, 14), wrap=h == "근거")
    for h in LINEAGE_COLUMNS
)


def _names(diff: NoticeDiff, ids: tuple[str, ...], side: Literal["old", "new"]) -> str:
    by_id = diff.old_programs if side == "old" else diff.new_programs
    return "\n".join(by_id[i].name for i in ids)


def budget_rows(diff: NoticeDiff) -> list[list[Any]]:
    """Budget per link (headers :data:`BUDGET_COLUMNS`): every link with a stated budget on
    either side, known changes first, largest first. Missing budgets are said, not zeroed."""
    rows: list[tuple[tuple[int, float], list[Any]]] = []
    for link in diff.links:
        if not (link.old_known or link.new_known):
            continue
        change = link.budget_change
        note = ""
        if change is None:
            missing = [
                side
                for side, ids, total in (
                    ("이전", link.old_ids, link.old_budget),
                    ("새", link.new_ids, link.new_budget),
                )
                if ids and total is None
            ]
            note = " · ".join(f"{m} 예산 미상" for m in missing)
            if link.relation in ("new", "dropped"):
                note = f"{link.label} 사업"
        rows.append(
            (
                (0 if change is not None else 1, -abs(change or link.old_known or link.new_known)),
                [
                    link.label,
                    _names(diff, link.old_ids, "old"),
                    _names(diff, link.new_ids, "new"),
                    link.old_budget if link.old_budget is not None else _partial(link.old_known),
                    link.new_budget if link.new_budget is not None else _partial(link.new_known),
                    change,
                    note,
                ],
            )
        )
    rows.sort(key=lambda r: r[0])
    return [r for _, r in rows]


def _partial(known: float) -> float | None:
    return round(known, 4) if known else None


def group_rows(diff: NoticeDiff, key: Literal["ministry", "support_type"]) -> list[list[Any]]:
    """Budget moved per ministry or support type (headers :data:`GROUP_COLUMNS`)."""
    return [
        [
            m.group,
            m.old_count,
            m.new_count,
            m.old_budget if m.old_with_budget else None,
            m.new_budget if m.new_with_budget else None,
            m.change if (m.old_with_budget or m.new_with_budget) else None,
            m.old_with_budget,
            m.new_with_budget,
            m.continuing_change,
            m.new_budget_added,
            m.dropped_budget,
        ]
        for m in diff.budget_by(key)
    ]


def waterfall_rows(diff: NoticeDiff) -> list[list[Any]]:
    """The budget waterfall as a table: 단계, 금액(억원), 사업 수."""
    return [[s.label, s.amount, s.programs or None] for s in diff.waterfall()]


def summary_rows(diff: NoticeDiff) -> list[list[Any]]:
    """Two-column summary: which data, coverage, counts per relation, notes, lineage issues."""
    counts = diff.program_counts()
    rows: list[list[Any]] = [
        ["이전 데이터", diff.old.label],
        ["이전 범위", diff.old.coverage],
        ["새 데이터", diff.new.label],
        ["새 범위", diff.new.coverage],
        ["비교 범위", {"central": "중앙부처 사업", "local": "지자체 사업"}.get(diff.scope, "전체")],
        ["자동 연결 기준", f"사업명 유사도 {diff.threshold:.0f}점 이상"],
    ]
    for relation in RELATIONS:
        o, n = counts[relation]
        rows.append(
            [RELATION_LABELS[relation], f"{diff.counts()[relation]}건 (이전 {o}개 → 새 {n}개 사업)"]
        )
    rows += [["참고", note] for note in diff.notes]
    rows += [["계보 수정 오류", issue.describe()] for issue in diff.issues]
    return rows


def table_csv(headers: tuple[Column, ...] | tuple[str, ...], rows: list[list[Any]]) -> bytes:
    """Any of these tables as CSV (UTF-8 with BOM, formula-like cells neutralised)."""
    names = [c.header if isinstance(c, Column) else c for c in headers]
    return csv_bytes(names, rows)


def diff_to_excel(diff: NoticeDiff) -> bytes:
    """The diff as a workbook: 요약 · 계보 · 사업별 예산 · 부처별 · 지원유형별 · 예산 흐름 · 비교 제외.

    The 계보 sheet has the lineage CSV's columns, so a person may correct it in Excel, save it
    as CSV and give it back with ``navigator diff --lineage``.
    """
    wb, ws = new_workbook("요약")
    write_table(ws, (Column("항목", 16), Column("내용", 100, wrap=True)), summary_rows(diff))
    write_table(wb.create_sheet("계보"), _LINEAGE_COLUMNS, lineage_rows(diff))
    write_table(wb.create_sheet("사업별 예산"), BUDGET_COLUMNS, budget_rows(diff))
    write_table(
        wb.create_sheet("부처별"),
        (Column("소관 부처·시·도", 22), *GROUP_COLUMNS[1:]),
        group_rows(diff, "ministry"),
    )
    write_table(
        wb.create_sheet("지원유형별"),
        (Column("지원유형", 22), *GROUP_COLUMNS[1:]),
        group_rows(diff, "support_type"),
    )
    write_table(
        wb.create_sheet("예산 흐름"),
        (Column("단계", 30), Column("금액(억원)", 14, number_format=_EOK), Column("사업 수", 8)),
        waterfall_rows(diff),
    )
    excluded = [
        ["이전", pid, diff.old_programs[pid].name, diff.old_programs[pid].level]
        for pid in diff.excluded_old
    ] + [
        ["새", pid, diff.new_programs[pid].name, diff.new_programs[pid].level]
        for pid in diff.excluded_new
    ]
    write_table(
        wb.create_sheet(safe_sheet_title("비교 제외")),
        (Column("데이터", 8), Column("사업 ID", 16), Column("사업명", 40), Column("구분", 10)),
        excluded,
    )
    return workbook_bytes(wb)
