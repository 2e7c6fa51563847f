"""Excel and CSV exports of duplicate findings (the roadmap's are :mod:`graph.roadmap_export`).

Consultants hand these files to clients and ministries open them in Excel; every cell goes
through :mod:`graph.sheets`, which keeps formula-like text inert, writes CSV as UTF-8 with BOM
and respects openpyxl's limits. Columns name each other by header (a program name links to the
"상세 URL" column), so a column can move without breaking a link.

The 중복 분석 page's downloads are these functions' bytes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import pandas as pd
from openpyxl.worksheet.worksheet import Worksheet

from graph.duplicates import (
    DEFAULT_RELATIONS,
    RELATION_LABELS,
    DuplicateResult,
    Family,
    Pair,
    band_label,
    budget_at_stake,
    ladders,
    local_copies,
    ranked_overlaps,
    regional_families,
)
from graph.eligibility import program_area
from graph.sheets import (
    Column,
    csv_bytes,
    new_workbook,
    safe_sheet_title,
    workbook_bytes,
    write_table,
)
from loaders.model import Program

__all__ = [
    "DUPLICATE_VIEWS",
    "FAMILY_COLUMNS",
    "LADDER_COLUMNS",
    "LOCAL_COPY_COLUMNS",
    "PAIR_COLUMNS",
    "duplicate_view_csv",
    "duplicate_view_excel",
    "duplicate_view_rows",
    "duplicates_to_csv",
    "duplicates_to_excel",
    "family_rows",
    "ladder_rows",
    "local_copy_rows",
    "pair_rows",
    "table_to_csv",
    "table_to_excel",
]


def _by_id(programs: Sequence[Program] | Mapping[str, Program]) -> Mapping[str, Program]:
    if isinstance(programs, Mapping):
        return programs
    return {p.program_id: p for p in programs}


# ---------------------------------------------------------------------------- duplicates
# One table per view of the duplicate desk (graph.duplicates); the page offers each as .xlsx and
# .csv, and duplicates_to_excel() writes them all into one workbook.


def _inst(p: Program | None) -> str:
    if p is None:
        return ""
    return p.institution or (p.ministry if not p.is_local else "") or "미상"


def _area(p: Program | None) -> str:
    if p is None:
        return ""
    return program_area(p).describe()


PAIR_COLUMNS: tuple[Column, ...] = (
    Column("순위", 6),
    Column("관계", 14),
    Column("중복 가능 예산(억원)", 12, number_format="#,##0.0"),
    Column("예산 메모", 24),
    Column("같은 지원", 8, number_format="0.0"),
    Column("대상 겹침", 8, number_format="0.0"),
    Column("사업 A", 36, link="URL A"),
    Column("운영기관 A", 18),
    Column("지역 A", 12),
    Column("예산 A(억원)", 10, number_format="#,##0.0"),
    Column("사업 B", 36, link="URL B"),
    Column("운영기관 B", 18),
    Column("지역 B", 12),
    Column("예산 B(억원)", 10, number_format="#,##0.0"),
    Column("같은 지원인가", 40, wrap=True),
    Column("같은 기업이 둘 다 받을 수 있는가", 60, wrap=True),
    Column("이름", 7, number_format="0.0"),
    Column("내용", 7, number_format="0.0"),
    Column("유형", 7, number_format="0.0"),
    Column("형태", 7, number_format="0.0"),
    Column("문구 점수", 8, number_format="0.0"),
    Column("형태 점수", 8, number_format="0.0"),
    Column("빠진 요소", 14),
    Column("사업 A ID", 14),
    Column("사업 B ID", 14),
    Column("URL A", 30),
    Column("URL B", 30),
)

BREAKDOWN_KEYS = ("name", "content", "type", "form", "text", "kind")
_MISSING_LABELS = {
    "name": "이름",
    "content": "내용",
    "type": "유형",
    "form": "형태",
    "place": "지역",
    "stage": "단계",
    "age": "나이",
}


def _pair_row(rank: int, pair: Pair, by_id: Mapping[str, Program]) -> list:
    a, b = by_id.get(pair.a_id), by_id.get(pair.b_id)
    stake, note = budget_at_stake(a, b) if a is not None and b is not None else (None, "")
    reach = pair.reach
    missing = [*pair.missing, *(reach.missing if reach is not None else ())]
    return [
        rank,
        RELATION_LABELS.get(pair.relation, pair.relation),
        stake,
        note,
        pair.score,
        reach.score if reach is not None else None,
        a.name if a else pair.a_id,
        _inst(a),
        _area(a),
        a.budget_eok if a else None,
        b.name if b else pair.b_id,
        _inst(b),
        _area(b),
        b.budget_eok if b else None,
        pair.help_summary(),
        reach.summary() if reach is not None else "",
        *(pair.breakdown.get(k) for k in BREAKDOWN_KEYS),
        ", ".join(_MISSING_LABELS.get(m, m) for m in missing),
        pair.a_id,
        pair.b_id,
        a.url if a else "",
        b.url if b else "",
    ]


def pair_rows(
    result: DuplicateResult, by_id: Mapping[str, Program], pairs: Iterable[Pair] | None = None
) -> list[list]:
    """Pair table rows (headers: :data:`PAIR_COLUMNS`), in the order given.

    Default: the duplicates proper (overlap, local_copy, sector_variant) ranked by the budget at
    stake (:func:`graph.duplicates.ranked_overlaps`).
    """
    chosen = ranked_overlaps(result, by_id) if pairs is None else list(pairs)
    return [_pair_row(n, pair, by_id) for n, pair in enumerate(chosen, start=1)]


LOCAL_COPY_COLUMNS: tuple[Column, ...] = (
    Column("중앙 사업", 32, link="중앙 URL"),
    Column("소관 부처", 16),
    Column("중앙 예산(억원)", 12, number_format="#,##0.0"),
    Column("시·도", 8),
    Column("지자체 사업", 36, link="지자체 URL"),
    Column("운영기관", 16),
    Column("지역", 14),
    Column("지자체 예산(억원)", 12, number_format="#,##0.0"),
    Column("같은 지원", 8, number_format="0.0"),
    Column("같은 기업이 둘 다 받을 수 있는가", 60, wrap=True),
    Column("중앙 사업 ID", 14),
    Column("지자체 사업 ID", 14),
    Column("중앙 URL", 30),
    Column("지자체 URL", 30),
)


def local_copy_rows(result: DuplicateResult, by_id: Mapping[str, Program]) -> list[list]:
    """One row per central program × local copy (headers: :data:`LOCAL_COPY_COLUMNS`), grouped
    by central program (most copies first) and 시·도."""
    rows = []
    for group in local_copies(result, by_id):
        central = by_id.get(group.central_id)
        score = {p.b_id: p for p in group.pairs}
        for sido, locals_ in group.by_sido.items():
            for pid in locals_:
                local, pair = by_id.get(pid), score[pid]
                rows.append(
                    [
                        central.name if central else group.central_id,
                        (central.ministry or central.institution) if central else "",
                        central.budget_eok if central else None,
                        sido,
                        local.name if local else pid,
                        _inst(local),
                        _area(local),
                        local.budget_eok if local else None,
                        pair.score,
                        pair.reach.summary() if pair.reach is not None else "",
                        group.central_id,
                        pid,
                        central.url if central else "",
                        local.url if local else "",
                    ]
                )
    return rows


FAMILY_COLUMNS: tuple[Column, ...] = (
    Column("번호", 6),
    Column("사업(대표 이름)", 32),
    Column("사업 수", 8),
    Column("지역", 30, wrap=True),
    Column("예산 합계(억원)", 14, number_format="#,##0.0"),
    Column("예산 명시 사업", 12),
    Column("사업 (운영기관 · 지역 · 예산)", 80, wrap=True),
    Column("쌍 (모두 서로 짝)", 24, wrap=True),
    Column("사업 ID", 40, wrap=True),
)


def _budget_text(p: Program) -> str:
    return f"{p.budget_eok:,.1f}억원" if p.budget_eok is not None else "예산 미상"


def _pair_evidence(fam: Family) -> str:
    """The pairs behind a group: every two members are a reported pair ("3쌍 · 같은 지원 71–83")."""
    scores = [p.score for p in fam.pairs]
    if not scores:
        return ""
    low, high = min(scores), max(scores)
    span = f"{low:.0f}" if round(low) == round(high) else f"{low:.0f}–{high:.0f}"
    return f"{len(scores)}쌍 · 같은 지원 {span}"


def family_rows(families: Sequence[Family], by_id: Mapping[str, Program]) -> list[list]:
    """One row per family (regional copies or ladder; headers: :data:`FAMILY_COLUMNS`)."""
    rows = []
    for n, fam in enumerate(families, start=1):
        progs = [by_id[m] for m in fam.members if m in by_id]
        rows.append(
            [
                n,
                fam.scheme,
                len(fam.members),
                ", ".join(dict.fromkeys(fam.places)),
                fam.budget_eok,
                fam.budget_stated,
                "\n".join(f"{p.name} ({_inst(p)} · {_area(p)} · {_budget_text(p)})" for p in progs),
                _pair_evidence(fam),
                ", ".join(fam.members),
            ]
        )
    return rows


LADDER_COLUMNS: tuple[Column, ...] = (
    Column("번호", 6),
    Column("사업(대표 이름)", 32),
    Column("단계 수", 8),
    Column("단계 (앞 단계부터)", 80, wrap=True),
    Column("운영기관", 24, wrap=True),
    Column("예산 합계(억원)", 14, number_format="#,##0.0"),
    Column("예산 명시 사업", 12),
    Column("쌍 (모두 서로 짝)", 24, wrap=True),
    Column("사업 ID", 40, wrap=True),
)


def ladder_rows(ladders: Sequence[Family], by_id: Mapping[str, Program]) -> list[list]:
    """One row per ladder (headers: :data:`LADDER_COLUMNS`), rungs from the earliest band."""
    rows = []
    for n, fam in enumerate(ladders, start=1):
        progs = [by_id[m] for m in fam.members if m in by_id]
        rows.append(
            [
                n,
                fam.scheme,
                len(fam.members),
                " → ".join(f"{p.name} [{band_label(p)}]" for p in progs),
                ", ".join(dict.fromkeys(_inst(p) for p in progs)),
                fam.budget_eok,
                fam.budget_stated,
                _pair_evidence(fam),
                ", ".join(fam.members),
            ]
        )
    return rows


# View key -> (sheet title, columns). The desk's tabs and their downloads use these keys.
DUPLICATE_VIEWS: dict[str, tuple[str, tuple[Column, ...]]] = {
    "overlaps": ("중복(예산순)", PAIR_COLUMNS),
    "local_copies": ("지역판", LOCAL_COPY_COLUMNS),
    "families": ("지역 간 복제", FAMILY_COLUMNS),
    "ladders": ("단계 사다리", LADDER_COLUMNS),
    "undetermined": ("지역 미상 쌍", PAIR_COLUMNS),
}


def duplicate_view_rows(
    view: str, result: DuplicateResult, programs: Sequence[Program] | Mapping[str, Program]
) -> tuple[tuple[Column, ...], list[list]]:
    """``(columns, rows)`` of one desk view (keys of :data:`DUPLICATE_VIEWS`)."""
    by_id = _by_id(programs)
    if view not in DUPLICATE_VIEWS:
        raise ValueError(f"unknown view {view!r}")
    columns = DUPLICATE_VIEWS[view][1]
    if view == "overlaps":
        return columns, pair_rows(result, by_id)
    if view == "local_copies":
        return columns, local_copy_rows(result, by_id)
    if view == "families":
        return columns, family_rows(regional_families(result, by_id), by_id)
    if view == "ladders":
        return columns, ladder_rows(ladders(result, by_id), by_id)
    uncertain = [
        p for p in result.of(*DEFAULT_RELATIONS, "ladder", certain_only=False) if not p.certain
    ]
    return columns, pair_rows(result, by_id, uncertain)


def duplicate_view_csv(
    view: str, result: DuplicateResult, programs: Sequence[Program] | Mapping[str, Program]
) -> bytes:
    """One desk view as CSV (UTF-8 with BOM, formula-like cells neutralised)."""
    columns, rows = duplicate_view_rows(view, result, programs)
    return csv_bytes([c.header for c in columns], rows)


def duplicate_view_excel(
    view: str, result: DuplicateResult, programs: Sequence[Program] | Mapping[str, Program]
) -> bytes:
    """One desk view as a one-sheet workbook."""
    columns, rows = duplicate_view_rows(view, result, programs)
    wb, ws = new_workbook(DUPLICATE_VIEWS[view][0])
    write_table(ws, columns, rows)
    return workbook_bytes(wb)


def _frame_rows(frame: pd.DataFrame) -> tuple[list[str], list[list]]:
    """Header and rows of a DataFrame, index first (the overlap matrices)."""
    index_name = frame.index.name or ""
    headers = [str(index_name), *(str(c) for c in frame.columns)]
    rows = [
        [str(idx), *vals]
        for idx, vals in zip(frame.index, frame.itertuples(index=False), strict=True)
    ]
    return headers, rows


def table_to_csv(frame: pd.DataFrame) -> bytes:
    """A count matrix (e.g. :func:`graph.duplicates.overlap_table`) as CSV, index first."""
    headers, rows = _frame_rows(frame)
    return csv_bytes(headers, rows)


def table_to_excel(frame: pd.DataFrame, title: str) -> bytes:
    """A count matrix as a one-sheet workbook titled ``title``."""
    wb, ws = new_workbook(title)
    _write_frame(ws, frame)
    return workbook_bytes(wb)


def _write_frame(ws: Worksheet, frame: pd.DataFrame) -> None:
    headers, rows = _frame_rows(frame)
    cols = [Column(headers[0], 24)] + [Column(h, 10) for h in headers[1:]]
    write_table(ws, cols, rows)


def duplicates_to_excel(
    result: DuplicateResult,
    programs: Sequence[Program] | Mapping[str, Program],
    *,
    tables: Mapping[str, pd.DataFrame] | None = None,
) -> bytes:
    """Every desk view in one workbook, one sheet each, then one sheet per count table.

    ``result`` is a :class:`graph.duplicates.DuplicateResult` holding every relation (the desk
    asks for all); ``tables`` maps sheet titles to DataFrames (e.g. ``{"부처×부처":
    overlap_table(result, programs, by="ministry")}``).
    """
    by_id = _by_id(programs)
    views = list(DUPLICATE_VIEWS.items())
    wb, ws = new_workbook(views[0][1][0])
    for n, (view, (title, _)) in enumerate(views):
        columns, rows = duplicate_view_rows(view, result, by_id)
        sheet = ws if n == 0 else wb.create_sheet(safe_sheet_title(title))
        write_table(sheet, columns, rows)
    for title, frame in (tables or {}).items():
        _write_frame(wb.create_sheet(safe_sheet_title(title)), frame)
    return workbook_bytes(wb)


def duplicates_to_csv(
    result: DuplicateResult, programs: Sequence[Program] | Mapping[str, Program]
) -> bytes:
    """The duplicates proper, ranked by budget at stake, as CSV (the ``overlaps`` view)."""
    return duplicate_view_csv("overlaps", result, programs)
