"""Rows of a program table to :class:`~loaders.model.Program` records, every row accounted for.

Each row under the header is a program, or skipped with the reason (blank, repeated header,
subtotal, footnote, the same row twice), or rejected (no program name, a conflicting second
version of a program). Grouping columns that a merged cell gave only on a group's first row are
filled down; the level (중앙부처/광역/기초) comes from the level column, else the institution's
name, else the sheet's name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from loaders.budget import parse_budget
from loaders.derive import derived_fields
from loaders.headers import FIELD_LABELS, match_header
from loaders.model import BudgetPart, FactSource, Program, Source, make_program_id
from loaders.plausibility import noise_reasons
from loaders.regions import (
    NATIONWIDE,
    canonical_sido,
    official_institution_name,
    sido_of_institution,
)
from loaders.report import IssueKind, LoadReport, SheetReport, cell_ref
from loaders.rows import SeenPrograms, clean_url, tally
from loaders.spreadsheet.grids import Grid, SheetGrid
from loaders.spreadsheet.header import Header, row_texts
from loaders.support_types import normalise_support_type
from loaders.textnorm import clean_cell, norm_key

__all__ = ["fact_sources", "load_sheet", "year_hint"]

_GROUP_FIELDS = ("level", "ministry", "institution", "region", "support_type", "year")
_TOTAL_WORDS = {"소계", "합계", "총계", "계", "총합계", "누계", "total", "subtotal", "sum"}
_FOOTNOTE = re.compile(r"^\s*(※|\*|주\s*[:)）.]|注|비고\s*[:：]|출처\s*[:：])")
_YEAR = re.compile(r"(20[1-3]\d)\s*년?")
_LEVEL_WORDS: dict[str, str] = {
    "중앙": "중앙부처",
    "중앙부처": "중앙부처",
    "부처": "중앙부처",
    "central": "중앙부처",
    "광역": "광역",
    "광역지자체": "광역",
    "시도": "광역",
    "기초": "기초",
    "기초지자체": "기초",
    "시군구": "기초",
    "지자체": "지자체",
    "지방": "지자체",
    "지방자치단체": "지자체",
    "local": "지자체",
}
_CENTRAL_SUFFIX = re.compile(r"(부|처|청|위원회|원)$")


# Header field -> Program attribute, for the 항목별 출처 column ("지원대상 2026 https://…").
_FACT_ATTRS: dict[str, str] = {
    "target": "target_text",
    "exclusion": "exclusion_text",
    "content": "content_text",
    "summary": "summary",
    "agency": "agency",
    "contact": "contact",
    "apply_period": "apply_period",
    "calls": "call_ids",
    "ministry": "institution",
    "institution": "institution",
    "region": "region",
    "budget": "budget_eok",
}
_FACT_ENTRY = re.compile(r"^(\S+)\s+(\d{4}|-)\s+(https?://\S+)$")
_CALL_ID = re.compile(r"\d{5,7}")


def fact_sources(text: str) -> tuple[FactSource, ...]:
    """The ``항목별 출처`` cell as FactSource records; entries that cannot be read are skipped.

    >>> fact_sources("지원대상 2026 https://a.example/1; 전담기관 - https://b.example/2")
    (FactSource(field='target_text', url='https://a.example/1', year=2026), \
FactSource(field='agency', url='https://b.example/2', year=None))
    """
    out: list[FactSource] = []
    for entry in (e.strip() for e in (text or "").split(";")):
        found = _FACT_ENTRY.match(entry)
        if not found:
            continue
        attr = _FACT_ATTRS.get(match_header(found.group(1)).field or "")
        if attr:
            year = int(found.group(2)) if found.group(2).isdigit() else None
            out.append(FactSource(attr, found.group(3), year))
    return tuple(out)


def _normalise_level(value: str) -> str | None:
    return _LEVEL_WORDS.get(norm_key(value, drop_year=False)) if value else None


def _infer_level(institution: str, sheet: str, explicit: str | None) -> str:
    """Level from the level column, else the institution's name, else the sheet's name."""
    sido = canonical_sido(institution) if institution else None
    if explicit in {"중앙부처", "광역", "기초"}:
        return explicit
    if institution:
        # "경기도" is 광역; a bare "광주" could also be 광주시 in 경기, so short names don't count.
        one_word = len(institution.split()) == 1
        if sido and sido != NATIONWIDE and one_word and institution != sido:
            return "광역"
        if re.search(r"(시|군|구)$", institution) and not _CENTRAL_SUFFIX.search(institution):
            return "기초"
        if explicit is None and _CENTRAL_SUFFIX.search(institution):
            return "중앙부처"
    if explicit:
        return explicit
    if "중앙" in sheet:
        return "중앙부처"
    if "지자체" in sheet or "지방" in sheet:
        return "지자체"
    return "중앙부처" if institution and _CENTRAL_SUFFIX.search(institution) else "지자체"


def year_hint(*texts: str) -> int | None:
    """The first notice year (2010–2039) named in ``texts`` ("2026년 통합공고" → 2026), else None."""
    for text in texts:
        found = _YEAR.search(text or "")
        if found:
            return int(found.group(1))
    return None


@dataclass(slots=True)
class _Context:
    """One sheet being read: where it is, its header, and the books it writes to."""

    file: str
    sheet: str
    header: Header
    default_year: int | None
    report: LoadReport
    sheet_report: SheetReport
    formulas: dict[tuple[int, int], str]
    # Set when a budget cell had no unit in cell or header (reported once per sheet).
    unit_assumed: bool = False


def _issue(
    ctx: _Context,
    kind: IssueKind,
    row: int,
    reason: str,
    column: str = "",
    value: str = "",
    col: int | None = None,
) -> None:
    """Record an issue on ``row``; ``col`` (0-based) names the cell that caused it ("C7")."""
    tally(ctx.report, ctx.sheet_report, kind, row, reason, column, value, cell_ref(row, col))


def _cell_issue(
    ctx: _Context, kind: IssueKind, row: int, reason: str, field: str, value: str
) -> None:
    """An issue caused by ``field``'s cell on ``row``: header label, value and address."""
    _issue(ctx, kind, row, reason, ctx.header.label(field), value, ctx.header.columns.get(field))


# Record fields compared between two versions of a program, and the column each comes from.
_FIELD_COLUMN = {
    "support_type": "support_type",
    "budget_eok": "budget",
    "target_text": "target",
    "content_text": "content",
    "summary": "summary",
    "url": "url",
    "name": "name",
}


def _fill_down_fields(ctx: _Context, body: list[tuple[int, list[str]]]) -> set[str]:
    """Grouping columns written once per group, blanks below (a merged cell saved as CSV).

    A column is filled down only when it looks like that layout: its first program row has a
    value, blanks outnumber values (groups of several rows) and the values are (almost) all
    distinct. A column where the same ministry is written on many rows is a normal column with
    some cells unknown, and blanks there mean "not stated", not "same as above"; random text
    with a few blank cells is not a grouping either. Rows that look like noise are left out.
    """
    name_col = ctx.header.columns["name"]
    rows = [cells for _, cells in body if not noise_reasons(cells[name_col])]
    if len(rows) * 2 < len(body):
        return set()  # mostly noise: no layout to infer
    fields: set[str] = set()
    for field in _GROUP_FIELDS:
        col = ctx.header.columns.get(field)
        if col is None:
            continue
        values = [cells[col] for cells in rows]
        nonblank = [v for v in values if v]
        blanks = len(values) - len(nonblank)
        if not values or not values[0] or blanks < max(1, len(nonblank)):
            continue
        if len(set(nonblank)) * 10 >= len(nonblank) * 9:
            fields.add(field)
    return fields


def _classify(texts: list[str], name: str, header_keys: set[str]) -> str | None:
    """Reason to skip a non-program row, or None for a program row."""
    nonempty = [t for t in texts if t]
    if not nonempty:
        return "빈 행"
    keys = {norm_key(t, drop_year=False) for t in nonempty}
    if keys and keys <= header_keys:
        return "표 머리글이 반복된 행"
    if _FOOTNOTE.match(nonempty[0]) and (len(nonempty) <= 2 or not name):
        return f"각주/설명 행 ('{nonempty[0][:20]}')"
    label_cells = [name, *nonempty[:3]]
    for cell in label_cells:
        key = norm_key(cell, drop_year=False)
        if key in _TOTAL_WORDS or re.fullmatch(r"(소계|합계|총계)\S{0,6}", key or "-"):
            return f"소계/합계 행 ('{cell[:20]}')"
    return None


def _build_sheet(grid: Grid, ctx: _Context, seen: SeenPrograms) -> list[Program]:
    header = ctx.header
    sr = ctx.sheet_report
    cols = header.columns
    header_keys = {norm_key(m.header, drop_year=False) for m in header.matches}
    header_keys |= {
        norm_key(t, drop_year=False) for r in header.rows for t in row_texts(grid[r]) if t
    }
    first_data = header.rows[-1] + 1

    # Rows above the header (titles, notes) are read and accounted for as skipped.
    for r in range(header.rows[0]):
        sr.rows_read += 1
        texts = [t for t in row_texts(grid[r]) if t]
        reason = "빈 행" if not texts else f"표 위 제목/설명 행 ('{texts[0][:30]}')"
        _issue(ctx, "skipped", r + 1, reason)

    body: list[tuple[int, list[str]]] = []
    for r in range(first_data, len(grid)):
        sr.rows_read += 1
        raw = grid[r]
        texts = row_texts(raw)
        name = texts[cols["name"]] if cols["name"] < len(texts) else ""
        skip = _classify(texts, name, header_keys)
        if skip:
            _issue(ctx, "skipped", r + 1, skip)
            continue
        if not name:
            # The cell at fault is the empty name; the row's other text helps find the row.
            context = ", ".join(f"'{t[:20]}'" for t in [t for t in texts if t][:3])
            _cell_issue(
                ctx,
                "rejected",
                r + 1,
                f"사업명이 비어 있습니다 (이 행의 다른 값: {context}) — 사업명을 채우거나 행을 지우세요",
                "name",
                "",
            )
            continue
        width = max(len(texts), max(cols.values()) + 1)
        texts += [""] * (width - len(texts))
        body.append((r, texts))

    fill = _fill_down_fields(ctx, body)
    filled_counts: dict[str, int] = {}
    last: dict[str, str] = {}
    programs: list[Program] = []
    labels = {m.column: m.header for m in header.matches}
    for r, texts in body:
        for (fr, fc), formula in ctx.formulas.items():
            if fr == r:
                _issue(
                    ctx,
                    "warning",
                    r + 1,
                    "수식만 있고 계산된 값이 없어 빈 값으로 읽었습니다 — Excel에서 열어 저장한 뒤 다시 불러오세요",
                    labels.get(fc, f"{fc + 1}번째 열"),
                    formula,
                    fc,
                )
        for field in _GROUP_FIELDS:
            col = cols.get(field)
            if col is None:
                continue
            if texts[col]:
                last[field] = texts[col]
            elif field in fill and field in last:
                texts[col] = last[field]
                filled_counts[field] = filled_counts.get(field, 0) + 1
        program = _record(ctx, r + 1, grid[r], texts)
        repeat = seen.repeat_of(program)
        if repeat is not None:
            if repeat.kind == "skipped":
                reason = f"중복 행 — {repeat.where}과 내용이 같습니다"
                _cell_issue(ctx, "skipped", r + 1, reason, "name", program.name)
                continue
            # Name the cell whose value differs from the first version (else the name cell).
            field = _FIELD_COLUMN.get(repeat.differs or "", "name")
            if field not in cols:
                field = "name"
            col = cols[field]
            label = FIELD_LABELS.get(field, field)
            reason = (
                f"같은 연도·기관·사업명이 {repeat.where}에 이미 있는데 내용이 다릅니다 ({label}) — "
                "어느 쪽이 맞는지 확인하세요"
            )
            _cell_issue(
                ctx,
                "rejected",
                r + 1,
                reason,
                field,
                clean_cell(grid[r][col]) if col < len(grid[r]) else "",
            )
            continue
        seen.add(program, f"{ctx.file}{' · ' + ctx.sheet if ctx.sheet else ''} {r + 1}행")
        sr.loaded += 1
        programs.append(program)
        noise = noise_reasons(
            program.name,
            (program.target_text, program.content_text, program.summary, program.agency),
        )
        if noise:
            _cell_issue(ctx, "suspicious", r + 1, "; ".join(noise), "name", program.name)
    for field, count in filled_counts.items():
        sr.notes.append(
            f"'{ctx.header.label(field)}' 열: 묶음의 첫 행에만 값이 적혀 있어 빈 칸 {count}개를 "
            "위 값으로 채웠습니다"
        )
    return programs


def _record(ctx: _Context, row: int, raw: Sequence[object], texts: list[str]) -> Program:
    cols = ctx.header.columns

    def get(field: str) -> str:
        col = cols.get(field)
        return texts[col] if col is not None else ""

    name = get("name")
    year_text = get("year")
    year = year_hint(year_text) if year_text else ctx.default_year
    if year_text and year is None:
        _cell_issue(
            ctx, "warning", row, "연도를 읽을 수 없어 파일의 연도를 씁니다", "year", year_text
        )
        year = ctx.default_year

    institution = official_institution_name(get("institution"))
    ministry = get("ministry")
    level = _infer_level(institution or ministry, ctx.sheet, _normalise_level(get("level")))
    if get("level") and _normalise_level(get("level")) is None:
        _cell_issue(
            ctx,
            "warning",
            row,
            "구분 값을 알 수 없어 기관명으로 판단했습니다",
            "level",
            get("level"),
        )

    region_text = get("region")
    region = canonical_sido(region_text) if region_text else None
    if region_text and region is None:
        _cell_issue(
            ctx, "warning", row, "알 수 없는 지역(시·도) — 비워 두었습니다", "region", region_text
        )
    if region is None:
        if level == "중앙부처":
            region = NATIONWIDE
        else:
            region = sido_of_institution(institution) or sido_of_institution(ministry) or ""
    if not institution:
        institution = official_institution_name(ministry)
    if not ministry:
        ministry = institution if level == "중앙부처" else region

    raw_type = get("support_type")
    support_type, known = normalise_support_type(raw_type)
    if raw_type and not known:
        _cell_issue(
            ctx,
            "warning",
            row,
            "알 수 없는 지원유형 — 원래 값을 그대로 두었습니다",
            "support_type",
            raw_type,
        )
    elif not raw_type and "support_type" in cols:
        _cell_issue(ctx, "warning", row, "지원유형이 비어 있습니다", "support_type", "")

    budget_eok = None
    budget_parts: tuple[BudgetPart, ...] = ()
    budget_col = cols.get("budget")
    if budget_col is not None:
        cell = raw[budget_col] if budget_col < len(raw) else None
        parsed = parse_budget(
            cell if not isinstance(cell, str) else cell.strip() or None, ctx.header.budget_unit
        )
        budget_eok = parsed.eok
        budget_parts = parsed.parts if parsed.eok is not None else ()
        if parsed.warning:
            _cell_issue(ctx, "warning", row, parsed.warning, "budget", clean_cell(cell))
        ctx.unit_assumed |= parsed.assumed_unit

    target, content, summary = get("target"), get("content"), get("summary")
    if not content and summary and "content" not in cols:
        content = summary
    derived = derived_fields(
        name, target=target, summary=summary, content=content, exclusion=get("exclusion")
    )
    url = clean_url(get("url"))
    target_year = year_hint(get("target_year")) if target and get("target_year") else None
    source = Source(
        file=ctx.file,
        sheet=ctx.sheet,
        row=row,
        url=url,
        citation=get("citation"),
    )
    return Program(
        program_id=make_program_id(
            year, institution, name, fallback=region or get("kstartup_id") or url
        ),
        year=year,
        level=level,
        ministry=ministry,
        institution=institution,
        region=region,
        name=name,
        support_type=support_type,
        budget_eok=budget_eok,
        budget_parts=budget_parts,
        target_text=target,
        content_text=content,
        summary=summary,
        agency=get("agency"),
        contact=get("contact"),
        url=url,
        apply_period=get("apply_period"),
        raw_support_type=raw_type,
        **derived,
        source=source,
        kstartup_id=get("kstartup_id"),
        exclusion_text=get("exclusion"),
        target_year=target_year,
        call_ids=tuple(dict.fromkeys(_CALL_ID.findall(get("calls")))),
        facts=fact_sources(get("fact_sources")),
    )


def load_sheet(
    sheet_grid: SheetGrid, header: Header, file: str, report: LoadReport, seen: SeenPrograms
) -> list[Program]:
    """The programs of one sheet whose program table starts at ``header``.

    Adds the sheet's :class:`~loaders.report.SheetReport` to ``report`` with its notes (cells
    filled from merged ranges or groups, a budget unit assumed, no year found) and an issue for
    every row not loaded cleanly. ``seen`` spans the whole load, so a program repeated in a
    later sheet or file is settled against the first one.
    """
    sheet, grid = sheet_grid.name, sheet_grid.rows
    titles = [clean_cell(v) for r in range(header.rows[0]) for v in grid[r]]
    default_year = year_hint(file, sheet, *titles)
    sr = SheetReport(
        file=file, sheet=sheet, header_rows=[r + 1 for r in header.rows], mapping=header.matches
    )
    if sheet_grid.merged_filled:
        sr.notes.append(f"병합된 셀 {sheet_grid.merged_filled}개를 병합 범위의 값으로 채웠습니다")
    ctx = _Context(file, sheet, header, default_year, report, sr, sheet_grid.formulas)
    programs = _build_sheet(grid, ctx, seen)
    if ctx.unit_assumed:
        sr.notes.append(f"예산 열 '{header.label('budget')}'에 단위가 없어 억원으로 읽었습니다")
    if default_year is None and "year" not in header.columns:
        sr.notes.append("연도를 파일명·시트명·제목에서 찾지 못했습니다 (연도 없음)")
    report.sheets.append(sr)
    return programs
