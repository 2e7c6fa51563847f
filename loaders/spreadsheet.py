"""Notice spreadsheets (.xlsx / .csv) to :class:`Program` records, losing nothing.

Layouts vary by year and publisher: title rows above the table, two-row merged headers,
ministry names given only on the first row of a merged group, subtotal and footnote rows, CSVs
saved by Korean Excel in CP949. This module reads each sheet into a grid of cells, finds the
header, maps it through :mod:`loaders.headers`, classifies every row and builds records. Every
row read ends up loaded, skipped or rejected in the :class:`~loaders.report.LoadReport`.
"""

from __future__ import annotations

import csv
import io
import os
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field as dc_field
from pathlib import Path

from loaders.budget import parse_budget
from loaders.derive import derived_fields
from loaders.errors import LoadError
from loaders.headers import FIELD_LABELS, HeaderMatch, match_header, unit_from_header
from loaders.model import Program, Source, make_program_id, same_content
from loaders.regions import (
    NATIONWIDE,
    canonical_sido,
    official_institution_name,
    sido_of_institution,
)
from loaders.report import LoadReport, RowIssue, SheetReport
from loaders.support_types import normalise_support_type
from loaders.textnorm import clean_cell, norm_key

__all__ = ["DEFAULT_MAX_BYTES", "DEFAULT_MAX_ROWS", "load_bytes", "load_path", "read_grids"]

Grid = list[list[object]]


@dataclass(slots=True)
class SheetGrid:
    """One sheet's cells plus what reading it revealed (merged cells filled, bare formulas)."""

    name: str
    rows: Grid
    merged_filled: int = 0
    # (0-based row, 0-based col) -> formula text, for formula cells that carry no cached value.
    formulas: dict[tuple[int, int], str] = dc_field(default_factory=dict)


# Guards against a wrong file (a database dump, a 50 MB export) freezing the app: a full notice
# is under 2 MB and about 500 rows. Override with NAVIGATOR_MAX_UPLOAD_MB / NAVIGATOR_MAX_ROWS.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_MAX_ROWS = 100_000


def _limit(env: str, default: int, scale: int = 1) -> int:
    try:
        return int(float(os.environ[env]) * scale)
    except (KeyError, ValueError):
        return default


_HEADER_SCAN_ROWS = 30
# Columns whose value a merged group gives only on its first row.
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
_UNIT_ONLY = re.compile(
    r"[\(（\[]?\s*(단위\s*[:：]?\s*)?(천억원|억원|백만원|천원|만원|원)\s*[\)）\]]?"
)
_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[ >]")
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


# --------------------------------------------------------------------------- reading grids


def _decode_csv(data: bytes, name: str) -> tuple[str, str]:
    """Decode CSV bytes: UTF-8 (with or without BOM) first, then CP949 (Korean Excel)."""
    for encoding in ("utf-8-sig", "cp949"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise LoadError(
        f"{name}: 문자 인코딩을 알 수 없습니다 (UTF-8도 CP949도 아님). "
        "Excel에서 'CSV UTF-8' 형식으로 다시 저장해 주세요.",
        file=name,
    )


def _csv_grid(text: str) -> Grid:
    sample = text[:20_000]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",\t;|")
    except csv.Error:
        dialect = csv.excel
    return [list(row) for row in csv.reader(io.StringIO(text, newline=""), dialect)]


def _formula_cells(data: bytes) -> dict[str, dict[tuple[int, int], str]]:
    """Formula cells per sheet, read only when the package holds any formula at all."""
    import openpyxl

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        sheets = [n for n in zf.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")]
        if not any(_FORMULA_TAG.search(zf.read(n)) for n in sheets):
            return {}
    workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=False)
    out: dict[str, dict[tuple[int, int], str]] = {}
    for sheet in workbook.worksheets:
        cells = {
            (r, c): value
            for r, row in enumerate(sheet.iter_rows(values_only=True))
            for c, value in enumerate(row)
            if isinstance(value, str) and value.startswith("=")
        }
        if cells:
            out[sheet.title] = cells
    workbook.close()
    return out


def _xlsx_grids(data: bytes, name: str) -> list[SheetGrid]:
    """Every sheet as a grid, merged ranges filled with their top-left value.

    Values are cached results (``data_only=True``). A formula cell in a file that was never
    recalculated (written by a program, not saved by Excel) has no cached value; those cells are
    collected so the report can say so instead of showing an unexplained blank.
    """
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
        formulas = _formula_cells(data)
    except (
        zipfile.BadZipFile,
        InvalidFileException,
        KeyError,
        OSError,
        ValueError,
        TypeError,
    ) as exc:
        raise LoadError(
            f"{name}: 엑셀(.xlsx) 파일을 열 수 없습니다 — 손상되었거나 xlsx 형식이 아닙니다 ({type(exc).__name__}).",
            file=name,
        ) from None
    grids: list[SheetGrid] = []
    for sheet in workbook.worksheets:
        grid: Grid = [list(row) for row in sheet.iter_rows(values_only=True)]
        filled = 0
        for merged in sheet.merged_cells.ranges:
            if merged.min_row > len(grid):
                continue
            top = grid[merged.min_row - 1][merged.min_col - 1]
            for r in range(merged.min_row, min(merged.max_row, len(grid)) + 1):
                row = grid[r - 1]
                for c in range(merged.min_col, min(merged.max_col, len(row)) + 1):
                    if (r, c) != (merged.min_row, merged.min_col) and row[c - 1] is None:
                        row[c - 1] = top
                        filled += 1
        bare = {
            pos: f
            for pos, f in formulas.get(sheet.title, {}).items()
            if pos[0] < len(grid) and pos[1] < len(grid[pos[0]]) and grid[pos[0]][pos[1]] is None
        }
        grids.append(SheetGrid(sheet.title, grid, filled, bare))
    workbook.close()
    return grids


def read_grids(data: bytes, name: str, report: LoadReport | None = None) -> list[SheetGrid]:
    """Raw cell grids of a file, by content rather than by extension.

    A ".xlsx" that is really a CSV is read as CSV (with a note); an OLE2 file (password-protected
    workbook or old .xls) and other binaries fail with a message saying what to do.
    """
    suffix = Path(name).suffix.lower()
    if not data:
        raise LoadError(f"{name}: 빈 파일입니다 (0바이트).", file=name)
    if data.startswith(_OLE2_MAGIC):
        raise LoadError(
            f"{name}: 암호로 보호된 통합문서이거나 옛 Excel 97-2003(.xls) 형식입니다. "
            "암호를 해제한 뒤 .xlsx로 다시 저장해 주세요.",
            file=name,
        )
    if data.startswith(b"PK"):
        if suffix == ".csv" and report is not None:
            report.notes.append(f"{name}: 확장자는 .csv지만 내용은 xlsx여서 엑셀로 읽었습니다.")
        return _xlsx_grids(data, name)
    if suffix in {".xlsx", ".xlsm"} and b"\x00" in data[:4096]:
        raise LoadError(f"{name}: 엑셀(.xlsx) 파일이 아닙니다 (알 수 없는 이진 형식).", file=name)
    if b"\x00" in data[:4096]:
        raise LoadError(f"{name}: 텍스트(CSV) 파일이 아닙니다 (이진 데이터).", file=name)
    text, encoding = _decode_csv(data, name)
    if report is not None:
        report.encodings[name] = encoding
        if suffix in {".xlsx", ".xlsm"}:
            report.notes.append(
                f"{name}: 확장자는 .xlsx지만 내용은 CSV여서 CSV({encoding})로 읽었습니다."
            )
    return [SheetGrid("", _csv_grid(text))]


# --------------------------------------------------------------------------- header detection


@dataclass(slots=True)
class _Header:
    rows: list[int]  # 0-based grid rows that form the header
    matches: list[HeaderMatch]
    columns: dict[str, int]  # field -> column index
    budget_unit: str | None


def _row_texts(row: Sequence[object]) -> list[str]:
    return [clean_cell(v) for v in row]


def _mapped(texts: list[str]) -> list[HeaderMatch]:
    return [match_header(t, i) for i, t in enumerate(texts) if t and len(t) <= 40]


def _looks_like_header(texts: list[str]) -> bool:
    """A program-name header plus mostly known labels (a lone exact "사업명" also counts)."""
    matches = _mapped(texts)
    fields = {m.field for m in matches if m.field}
    nonempty = sum(1 for t in texts if t)
    if "name" not in fields:
        return False
    if len(fields) == 1:
        return nonempty == 1 and any(m.method == "exact" for m in matches)
    return len(fields) * 2 >= nonempty * 0.8


def _is_header_part(texts: list[str]) -> bool:
    """A row next to the header that also holds header labels (second header row)."""
    nonempty = [t for t in texts if t]
    if not nonempty or any(len(t) > 30 for t in nonempty):
        return False
    mapped = [m for m in _mapped(texts) if m.field]
    units = [t for t in nonempty if _UNIT_ONLY.fullmatch(t)]
    labelled = len(mapped) + len(units)
    return labelled >= 1 and labelled * 10 >= len(nonempty) * 6


def _find_header(grid: Grid) -> _Header | None:
    for r in range(min(len(grid), _HEADER_SCAN_ROWS)):
        texts = _row_texts(grid[r])
        if not _looks_like_header(texts):
            continue
        rows = [r]
        if r + 1 < len(grid) and _is_header_part(_row_texts(grid[r + 1])):
            rows.append(r + 1)
        elif (
            r > 0
            and sum(1 for t in _row_texts(grid[r - 1]) if t) >= 2
            and _is_header_part(_row_texts(grid[r - 1]))
        ):
            rows.insert(0, r - 1)
        return _map_header(grid, rows)
    return None


def _map_header(grid: Grid, rows: list[int]) -> _Header:
    width = max(len(grid[r]) for r in rows)
    layers = [_row_texts(grid[r]) + [""] * (width - len(grid[r])) for r in rows]
    if len(layers) == 2:
        # A merged group label over several sub-columns: spread it to the right.
        top, bottom = layers
        for c in range(1, width):
            if not top[c] and bottom[c] and top[c - 1]:
                top[c] = top[c - 1]
    matches: list[HeaderMatch] = []
    columns: dict[str, int] = {}
    budget_unit: str | None = None
    for c in range(width):
        labels = [layer[c] for layer in layers]
        candidates = [labels[-1]]
        if len(labels) == 2:
            candidates += [f"{labels[0]} {labels[1]}".strip(), labels[0]]
        label = " / ".join(dict.fromkeys(x for x in labels if x))
        if not label:
            continue
        chosen = HeaderMatch(c, label, None, "unmapped")
        for cand in candidates:
            if not cand:
                continue
            m = match_header(cand, c)
            if m.field and m.field not in columns:
                chosen = HeaderMatch(c, label, m.field, m.method, m.score)
                break
        if chosen.field:
            columns[chosen.field] = c
            if chosen.field == "budget":
                budget_unit = next(
                    (u for u in (unit_from_header(x) for x in reversed(labels)) if u), None
                )
        matches.append(chosen)
    return _Header(rows, matches, columns, budget_unit)


# --------------------------------------------------------------------------- rows to records


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


def _year_hint(*texts: str) -> int | None:
    for text in texts:
        found = _YEAR.search(text or "")
        if found:
            return int(found.group(1))
    return None


@dataclass(slots=True)
class _Context:
    file: str
    sheet: str
    header: _Header
    default_year: int | None
    report: LoadReport
    sheet_report: SheetReport
    formulas: dict[tuple[int, int], str]
    # Set when a budget cell had no unit in cell or header (reported once per sheet).
    unit_assumed: bool = False


def _issue(
    ctx: _Context, kind: str, row: int, reason: str, column: str = "", value: str = ""
) -> None:
    ctx.report.issues.append(
        RowIssue(kind, ctx.file, ctx.sheet, row, reason, column, value)  # type: ignore[arg-type]
    )


def _col_label(ctx: _Context, field: str) -> str:
    col = ctx.header.columns.get(field)
    for m in ctx.header.matches:
        if m.column == col:
            return m.header
    return FIELD_LABELS.get(field, field)


def _fill_down_fields(ctx: _Context, body: list[tuple[int, list[str]]]) -> set[str]:
    """Grouping columns that look merged: a label once per group, blanks below it.

    A column is filled down only if its first program row has a value and its values are
    (almost) all distinct: a column where the same ministry is written on many rows is a normal
    column with some cells unknown, and blanks there mean "not stated", not "same as above".
    """
    fields: set[str] = set()
    for field in _GROUP_FIELDS:
        col = ctx.header.columns.get(field)
        if col is None:
            continue
        values = [cells[col] for _, cells in body]
        nonblank = [v for v in values if v]
        if not values or not values[0] or len(nonblank) == len(values):
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


def _build_sheet(
    grid: Grid, ctx: _Context, seen: dict[str, tuple[Program, str, int | None]]
) -> list[Program]:
    header = ctx.header
    sr = ctx.sheet_report
    cols = header.columns
    header_keys = {norm_key(m.header, drop_year=False) for m in header.matches}
    header_keys |= {
        norm_key(t, drop_year=False) for r in header.rows for t in _row_texts(grid[r]) if t
    }
    first_data = header.rows[-1] + 1

    # Rows above the header (titles, notes) are read and accounted for as skipped.
    for r in range(header.rows[0]):
        sr.rows_read += 1
        sr.skipped += 1
        texts = [t for t in _row_texts(grid[r]) if t]
        reason = "빈 행" if not texts else f"표 위 제목/설명 행 ('{texts[0][:30]}')"
        _issue(ctx, "skipped", r + 1, reason)

    body: list[tuple[int, list[str]]] = []
    for r in range(first_data, len(grid)):
        sr.rows_read += 1
        raw = grid[r]
        texts = _row_texts(raw)
        name = texts[cols["name"]] if cols["name"] < len(texts) else ""
        reason = _classify(texts, name, header_keys)
        if reason:
            sr.skipped += 1
            _issue(ctx, "skipped", r + 1, reason)
            continue
        if not name:
            sr.rejected += 1
            shown = next((t for t in texts if t), "")
            _issue(
                ctx,
                "rejected",
                r + 1,
                "사업명이 비어 있습니다 — 사업명을 채우거나 행을 지우세요",
                _col_label(ctx, "name"),
                shown,
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
        if program is None:
            sr.rejected += 1
            continue
        dup = seen.get(program.program_id)
        if dup is not None:
            first, where, first_row = dup
            same = same_content(first, program)
            row_text = f"{first_row}행" if first_row is not None else "앞"
            if same:
                sr.skipped += 1
                _issue(
                    ctx,
                    "skipped",
                    r + 1,
                    f"중복 행 — {where} {row_text}과 내용이 같습니다",
                    _col_label(ctx, "name"),
                    program.name,
                )
            else:
                sr.rejected += 1
                _issue(
                    ctx,
                    "rejected",
                    r + 1,
                    f"같은 연도·기관·사업명이 {where} {row_text}에 이미 있는데 내용이 다릅니다 — 어느 쪽이 맞는지 확인하세요",
                    _col_label(ctx, "name"),
                    program.name,
                )
            continue
        seen[program.program_id] = (
            program,
            f"{ctx.file}{' · ' + ctx.sheet if ctx.sheet else ''}",
            r + 1,
        )
        sr.loaded += 1
        programs.append(program)
    for field, count in filled_counts.items():
        sr.notes.append(
            f"'{_col_label(ctx, field)}' 열: 병합된 그룹의 빈 칸 {count}개를 위 값으로 채웠습니다"
        )
    return programs


def _record(ctx: _Context, row: int, raw: Sequence[object], texts: list[str]) -> Program | None:
    cols = ctx.header.columns

    def get(field: str) -> str:
        col = cols.get(field)
        return texts[col] if col is not None else ""

    name = get("name")
    year_text = get("year")
    year = _year_hint(year_text) if year_text else ctx.default_year
    if year_text and year is None:
        _issue(
            ctx,
            "warning",
            row,
            "연도를 읽을 수 없어 파일의 연도를 씁니다",
            _col_label(ctx, "year"),
            year_text,
        )
        year = ctx.default_year

    institution = official_institution_name(get("institution"))
    ministry = get("ministry")
    level = _infer_level(institution or ministry, ctx.sheet, _normalise_level(get("level")))
    if get("level") and _normalise_level(get("level")) is None:
        _issue(
            ctx,
            "warning",
            row,
            "구분 값을 알 수 없어 기관명으로 판단했습니다",
            _col_label(ctx, "level"),
            get("level"),
        )

    region_text = get("region")
    region = canonical_sido(region_text) if region_text else None
    if region_text and region is None:
        _issue(
            ctx,
            "warning",
            row,
            "알 수 없는 지역(시·도) — 비워 두었습니다",
            _col_label(ctx, "region"),
            region_text,
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
        _issue(
            ctx,
            "warning",
            row,
            "알 수 없는 지원유형 — 원래 값을 그대로 두었습니다",
            _col_label(ctx, "support_type"),
            raw_type,
        )
    elif not raw_type and "support_type" in cols:
        _issue(ctx, "warning", row, "지원유형이 비어 있습니다", _col_label(ctx, "support_type"))

    budget_eok = None
    budget_col = cols.get("budget")
    if budget_col is not None:
        cell = raw[budget_col] if budget_col < len(raw) else None
        parsed = parse_budget(
            cell if not isinstance(cell, str) else cell.strip() or None, ctx.header.budget_unit
        )
        budget_eok = parsed.eok
        if parsed.warning:
            _issue(ctx, "warning", row, parsed.warning, _col_label(ctx, "budget"), clean_cell(cell))
        ctx.unit_assumed |= parsed.assumed_unit

    target, content, summary = get("target"), get("content"), get("summary")
    if not content and summary and "content" not in cols:
        content = summary
    derived = derived_fields(name, target=target, summary=summary, content=content)
    url = get("url")
    if url and not re.match(r"^[a-z]+://", url, re.I) and "." in url.split("/")[0]:
        url = "https://" + url
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
    )


# --------------------------------------------------------------------------- public API


def load_bytes(
    data: bytes,
    name: str,
    *,
    report: LoadReport | None = None,
    seen: dict[str, tuple[Program, str, int | None]] | None = None,
    max_bytes: int | None = None,
    max_rows: int | None = None,
) -> tuple[list[Program], LoadReport]:
    """Load one notice file given as bytes (an upload) and its file name.

    Every sheet holding a program table is loaded; the others are listed in
    ``report.ignored_sheets``. Raises :class:`LoadError` when the file cannot be read at all,
    is larger than ``max_bytes`` or longer than ``max_rows``, or no sheet has a program table
    (the message lists the headers seen).
    """
    report = report if report is not None else LoadReport()
    seen = seen if seen is not None else {}
    if max_bytes is None:
        max_bytes = _limit("NAVIGATOR_MAX_UPLOAD_MB", DEFAULT_MAX_BYTES, 1024 * 1024)
    if max_rows is None:
        max_rows = _limit("NAVIGATOR_MAX_ROWS", DEFAULT_MAX_ROWS)
    if len(data) > max_bytes:
        raise LoadError(
            f"{name}: 파일이 너무 큽니다 ({len(data) / 1_048_576:.1f} MB > 최대 {max_bytes / 1_048_576:.0f} MB).",
            file=name,
        )
    grids = read_grids(data, name, report)
    total_rows = sum(len(g.rows) for g in grids)
    if total_rows > max_rows:
        raise LoadError(
            f"{name}: 행이 너무 많습니다 ({total_rows:,}행 > 최대 {max_rows:,}행).", file=name
        )
    programs: list[Program] = []
    seen_headers: list[str] = []
    for sheet_grid in grids:
        sheet, grid, merged_filled = sheet_grid.name, sheet_grid.rows, sheet_grid.merged_filled
        header = _find_header(grid)
        if header is None:
            nonempty = [row for row in grid if any(clean_cell(v) for v in row)]
            first = [clean_cell(v) for v in nonempty[0] if clean_cell(v)] if nonempty else []
            seen_headers.extend(first[:12])
            reason = "빈 시트" if not nonempty else "사업명 열이 있는 표를 찾지 못함"
            report.ignored_sheets.append(
                {"file": name, "sheet": sheet, "reason": reason, "rows": str(len(grid))}
            )
            continue
        if "name" not in header.columns:  # pragma: no cover - _looks_like_header requires it
            continue
        titles = [clean_cell(v) for r in range(header.rows[0]) for v in grid[r]]
        default_year = _year_hint(name, sheet, *titles)
        sr = SheetReport(
            file=name, sheet=sheet, header_rows=[r + 1 for r in header.rows], mapping=header.matches
        )
        if merged_filled:
            sr.notes.append(f"병합된 셀 {merged_filled}개를 병합 범위의 값으로 채웠습니다")
        ctx = _Context(name, sheet, header, default_year, report, sr, sheet_grid.formulas)
        programs.extend(_build_sheet(grid, ctx, seen))
        if ctx.unit_assumed:
            sr.notes.append(
                f"예산 열 '{_col_label(ctx, 'budget')}'에 단위가 없어 억원으로 읽었습니다"
            )
        if default_year is None and "year" not in header.columns:
            sr.notes.append("연도를 파일명·시트명·제목에서 찾지 못했습니다 (연도 없음)")
        report.sheets.append(sr)
    if not report.sheets or all(s.file != name for s in report.sheets):
        seen_text = ", ".join(f"'{h}'" for h in dict.fromkeys(seen_headers)) or "(없음)"
        raise LoadError(
            f"{name}: 사업명 열이 있는 표를 찾지 못했습니다. 첫 행에서 본 머리글: {seen_text}. "
            "'사업명' 또는 '지원사업명' 열이 있어야 합니다.",
            file=name,
        )
    return programs, report


def load_path(path: str | Path, **kwargs: object) -> tuple[list[Program], LoadReport]:
    """Load one notice file from disk (see :func:`load_bytes`)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(
            f"{path}: 파일을 읽을 수 없습니다 ({exc.strerror or exc}).", file=str(path)
        ) from None
    return load_bytes(data, path.name, **kwargs)  # type: ignore[arg-type]
