"""The roadmap as a deliverable: an Excel workbook a consultant hands to a client, and its CSV.

The workbook opens on the roadmap itself, under a title block that says whose it is, when it was
made, from which data and with which profile. Then one row per step in the order the firm can
enter them (real Excel dates, the program name linked to its page, budgets in one number format,
the one fact to check for a △ step, the consultant's note, the sources by publisher and title),
the gaps with their nearest miss, and the alternatives beside the path. Sheets "사업 상세" and
"가정·프로필" hold every fact and assumption. Every sheet prints on A4 landscape, fitted to the
page width, with the table header repeated on each page.

Cells go through the same rules as every export (:mod:`graph.sheets`): text that starts like a
formula is written as typed text with Excel's quote prefix (CSV: a leading apostrophe), control
characters are removed, CSV is UTF-8 with BOM.

The 지원 경로 page and ``navigator roadmap`` call these functions through
:mod:`usecases.roadmap`, so both write the same file.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from graph.path import Alternative, Gap, Roadmap, Step
from graph.profile import FirmProfile, profile_to_dict
from graph.sheets import (
    FORMULA_PREFIXES,
    Column,
    csv_bytes,
    new_workbook,
    safe_sheet_title,
    workbook_bytes,
    write_table,
)
from loaders.model import Program
from loaders.sources import describe_sources, sources_text
from loaders.vocab import (
    CEO_AGE_FORM_LABEL,
    FOUNDER_GROUPS,
    PHASES,
    STATUS_LABELS,
    STATUS_MARKS,
)

__all__ = [
    "DETAIL_COLUMNS",
    "PROFILE_LABELS",
    "ROADMAP_COLUMNS",
    "ClientSummary",
    "clients_index_excel",
    "profile_line",
    "roadmap_rows",
    "roadmap_to_csv",
    "roadmap_to_excel",
]

DATE_FORMAT = "yyyy-mm-dd"
BUDGET_FORMAT = "#,##0.0"
_TITLE_FONT = Font(bold=True, size=16, color="1F4E78")
_LABEL_FONT = Font(bold=True, color="1F4E78")
_HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
_HEADER_FONT = Font(bold=True, color="FFFFFF")
_GAP_FILL = PatternFill("solid", fgColor="FCE4D6")
_ALT_FILL = PatternFill("solid", fgColor="F2F2F2")
_LINK_FONT = Font(color="0563C1", underline="single")
_THIN = Side(style="thin", color="BFBFBF")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)

# Korean labels of FirmProfile fields (profile_to_dict keys), in the order the sheet lists them.
PROFILE_LABELS: dict[str, str] = {
    "pre_founding": "예비창업자 (사업자 등록 전)",
    "founded": "창업일 (개업일)",
    "as_of": "기준일",
    "ceo_age": CEO_AGE_FORM_LABEL,
    "region": "소재지 (시·도)",
    "district": "소재지 (시·군·구)",
    "fields": "기술·사업 분야",
    **{g.profile_field: g.topic for g in FOUNDER_GROUPS},
}

ROADMAP_COLUMNS: tuple[Column, ...] = (
    Column("순서", 5),
    Column("구분", 10, wrap=True),
    Column("신청 시작", 11, DATE_FORMAT),
    Column("신청 종료", 11, DATE_FORMAT),
    Column("성장 단계", 7),
    Column("지원 단계", 12, wrap=True),
    Column("사업명", 30, wrap=True),
    Column("링크", 7, link="상세 URL"),
    Column("운영기관", 16, wrap=True),
    Column("예산(억원)", 9, BUDGET_FORMAT),
    Column("자격", 10),
    Column("확인할 사항", 12, wrap=True),
    Column("추천 이유 · 공백 설명", 44, wrap=True),
    Column("컨설턴트 메모", 20, wrap=True),
    Column("출처", 24, wrap=True),
    Column("사업 ID", 16),
    Column("상세 URL", 30),
)
# The columns printed (the rest — ids and raw URLs — are for re-use, not for the client).
_PRINTED = 15
_TABLE_ROW = 8  # header row of the roadmap table, under the title block


@dataclass(frozen=True, slots=True)
class ClientSummary:
    """One line of the clients' index: who, their profile, the result, and the file written."""

    client: str
    profile: str
    steps: int
    gaps: tuple[str, ...]
    file: str
    problem: str = ""
    memo: str = ""


def profile_line(profile: FirmProfile | None) -> str:
    """The profile in one line: "업력 2년 · 대표자 만 35세 · 경기 수원시 · 인공지능·빅데이터 · 재창업"."""
    if profile is None:
        return "프로필 없음"
    parts = [profile.business_age_text()]
    if profile.ceo_age is not None:
        parts.append(f"대표자 만 {profile.ceo_age}세")
    if profile.region:
        parts.append(profile.place_text())
    parts += list(profile.fields)
    parts += [g.short for g in FOUNDER_GROUPS if getattr(profile, g.profile_field)]
    return " · ".join(parts)


def _owner(program: Program | None, fallback: str) -> str:
    """Who runs the program, or the nearest thing the data names (never a bare "미상")."""
    if program is None:
        return fallback or "미상"
    if program.institution:
        return program.institution
    if program.is_local:
        place = program.region if program.region and program.region != "전국" else ""
        return f"{place} 지자체 (운영기관 미상)".strip()
    if program.ministry:
        return f"{program.ministry} (운영기관 미상)"
    return "운영기관 미상"


def _status(status: str) -> str:
    return f"{STATUS_MARKS.get(status, '')} {STATUS_LABELS.get(status, status)}".strip()


def _sources(program: Program | None) -> str:
    if program is None:
        return ""
    return sources_text(program.source.citation, program.url)


def _step_row(n: int, step: Step, p: Program | None) -> list[Any]:
    return [
        n,
        "컨설턴트 지정" if step.pinned else "추천",
        step.available_from,
        step.available_until or "기한 없음",
        step.stage,
        step.phase,
        step.name,
        "열기" if p is not None and p.url else "",
        _owner(p, step.institution),
        p.budget_eok if p else None,
        _status(step.status),
        step.needs,
        step.why + (" · 적합: " + ", ".join(step.fit) if step.fit else ""),
        step.note,
        _sources(p),
        step.program_id,
        p.url if p else "",
    ]


def _gap_row(n: int, gap: Gap) -> list[Any]:
    text = gap.reason
    if gap.near_miss is not None:
        near = gap.near_miss
        text += f" 가장 가까운 사업: {near.name} — {near.reason}"
    return [n, "공백", None, None, "", gap.phase, "", "", "", None, "", "", text, "", "", "", ""]


def _alt_row(n: int, alt: Alternative, p: Program | None) -> list[Any]:
    return [
        n,
        alt.label,
        alt.available_from,
        None,
        "",
        alt.phase,
        alt.name,
        "열기" if p is not None and p.url else "",
        _owner(p, alt.institution),
        p.budget_eok if p else None,
        "",
        {"field": "분야", "relocate": "본사 이전"}.get(alt.kind, "지원대상"),
        alt.why,
        "",
        _sources(p),
        alt.program_id,
        p.url if p else "",
    ]


def roadmap_rows(roadmap: Roadmap, programs: Mapping[str, Program]) -> list[list[Any]]:
    """The roadmap table (columns :data:`ROADMAP_COLUMNS`): steps in entry order, then gaps in
    phase order, then the alternatives beside the path (a gap's candidates after its gap)."""
    rows: list[list[Any]] = []
    for step in roadmap.steps:
        rows.append(_step_row(len(rows) + 1, step, programs.get(step.program_id)))
    for gap in sorted(roadmap.gaps, key=lambda g: PHASES.index(g.phase)):
        rows.append(_gap_row(len(rows) + 1, gap))
        for cand in gap.candidates:
            rows.append(_alt_row(len(rows) + 1, cand, programs.get(cand.program_id)))
    for alt in roadmap.alternatives:
        rows.append(_alt_row(len(rows) + 1, alt, programs.get(alt.program_id)))
    return rows


# ---------------------------------------------------------------------------- cell writing


def _put(ws: Worksheet, row: int, col: int, value: Any, column: Column | None = None) -> Any:
    """One cell: dates stay dates, numbers numbers, text typed (quote prefix when formula-like)."""
    cell = ws.cell(row=row, column=col)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        value = "예" if value else "아니오"
    if value is None:
        value = ""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.value = value
        cell.data_type = "s"
        if value.startswith(FORMULA_PREFIXES):
            cell.quotePrefix = True
    else:
        cell.value = value
        if isinstance(value, date):
            cell.number_format = DATE_FORMAT
        elif column is not None and column.number_format:
            cell.number_format = column.number_format
    return cell


_LINE_POINTS = 15.0  # one line of 11-point text


def _text_width(text: str) -> int:
    # A Hangul character takes about 1.7 widths of "0" in the default font.
    return int(sum(1.7 if ord(ch) > 0x1100 else 1.0 for ch in text)) + 1


def _fit_row_heights(ws: Worksheet, first_row: int, last_row: int) -> None:
    """Row heights for wrapped text: Excel and LibreOffice do not grow rows that a program
    wrote, so long reasons would be cut off (on screen and on paper) without this."""
    widths = {
        col: (ws.column_dimensions[get_column_letter(col)].width or 10.0)
        for col in range(1, ws.max_column + 1)
    }
    merged = {
        (r, c)
        for rng in ws.merged_cells.ranges
        for r in range(rng.min_row, rng.max_row + 1)
        for c in range(rng.min_col, rng.max_col + 1)
    }
    for row in range(first_row, last_row + 1):
        lines = 1
        for col in range(1, ws.max_column + 1):
            cell = ws.cell(row=row, column=col)
            if not isinstance(cell.value, str) or not cell.value or (row, col) in merged:
                continue
            if not (cell.alignment is not None and cell.alignment.wrap_text):
                continue
            room = max(widths[col] - 1.5, 1.0)
            need = sum(
                max(1, -(-_text_width(part) // int(room))) for part in cell.value.split("\n")
            )
            lines = max(lines, need)
        ws.row_dimensions[row].height = min(_LINE_POINTS * lines + 3, 400)


def _print_setup(
    ws: Worksheet, *, title_rows: str | None = None, last_col: int | None = None
) -> None:
    """A4 landscape, fitted to the page width, header rows repeated, page numbers in the footer."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    ws.print_options.horizontalCentered = True
    if title_rows:
        ws.print_title_rows = title_rows
    if last_col is not None:
        ws.print_area = f"A1:{get_column_letter(last_col)}{max(ws.max_row, 1)}"
    footer = ws.oddFooter
    if footer is not None and footer.center is not None and footer.right is not None:
        footer.center.text = "&P / &N"
        footer.right.text = "&A"


def _title_block(
    ws: Worksheet, client: str, made: date, profile: FirmProfile | None, data: str, width: int
) -> None:
    last = get_column_letter(width)
    ws["A1"] = "창업지원 로드맵" + (f" — {client}" if client else "")
    ws["A1"].font = _TITLE_FONT
    ws.merge_cells(f"A1:{last}1")
    ws.row_dimensions[1].height = 26
    lines = [
        ("고객", client or "(이름 없음)"),
        ("작성일", made),
        ("프로필", profile_line(profile)),
        ("사용한 데이터", data),
        (
            "읽는 법",
            "순서는 신청할 수 있게 되는 날짜 순입니다. ○ 신청 가능 · △ 확인 필요(확인할 사항 참고) · "
            "공백은 맞는 사업이 없는 단계입니다. 자격과 시기는 통합공고를 바탕으로 한 추정이므로 "
            "신청 전 각 사업의 공고문을 확인하세요.",
        ),
    ]
    span = sum(c.width for c in ROADMAP_COLUMNS[2:width])
    for i, (label, value) in enumerate(lines, start=2):
        head = ws.cell(row=i, column=1, value=label)
        head.font = _LABEL_FONT
        head.alignment = Alignment(vertical="top")
        if isinstance(value, str):
            rows = max(1, -(-_text_width(value) // max(span - 2, 1)))
            ws.row_dimensions[i].height = _LINE_POINTS * rows + 3
        ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=2)
        cell = _put(ws, i, 3, value)
        if isinstance(value, date):
            cell.alignment = Alignment(horizontal="left")
        else:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.merge_cells(start_row=i, start_column=3, end_row=i, end_column=width)


def _roadmap_sheet(
    ws: Worksheet,
    rows: Sequence[Sequence[Any]],
    *,
    client: str,
    made: date,
    profile: FirmProfile | None,
    data: str,
) -> None:
    _title_block(ws, client, made, profile, data, _PRINTED)
    head = _TABLE_ROW
    for j, col in enumerate(ROADMAP_COLUMNS, start=1):
        cell = ws.cell(row=head, column=j, value=col.header)
        cell.fill = _HEADER_FILL
        cell.font = _HEADER_FONT
        cell.alignment = Alignment(vertical="center", horizontal="center", wrap_text=True)
        cell.border = _BORDER
        ws.column_dimensions[get_column_letter(j)].width = col.width
    url_col = [c.header for c in ROADMAP_COLUMNS].index("상세 URL")
    for i, row in enumerate(rows, start=head + 1):
        kind = str(row[1])
        fill = (
            _GAP_FILL
            if kind == "공백"
            else _ALT_FILL
            if kind not in ("추천", "컨설턴트 지정")
            else None
        )
        for j, col in enumerate(ROADMAP_COLUMNS, start=1):
            cell = _put(ws, i, j, row[j - 1], col)
            cell.alignment = Alignment(vertical="top", wrap_text=col.wrap)
            cell.border = _BORDER
            if fill is not None:
                cell.fill = fill
            url = row[url_col]
            linked = isinstance(url, str) and url.lower().startswith(("http://", "https://"))
            if col.link and linked and row[j - 1]:
                cell.hyperlink = url
                cell.font = _LINK_FONT
    _fit_row_heights(ws, head, head + len(rows))
    ws.freeze_panes = f"A{head + 1}"
    last = head + max(len(rows), 1)
    ws.auto_filter.ref = f"A{head}:{get_column_letter(len(ROADMAP_COLUMNS))}{last}"
    for j in range(_PRINTED + 1, len(ROADMAP_COLUMNS) + 1):
        ws.column_dimensions[get_column_letter(j)].outlineLevel = 1  # ids and URLs: folded
    _print_setup(ws, title_rows=f"{head}:{head}", last_col=_PRINTED)


DETAIL_COLUMNS: tuple[Column, ...] = (
    Column("사업 ID", 16),
    Column("사업명", 30, wrap=True),
    Column("링크", 7, link="상세 URL"),
    Column("구분", 8),
    Column("소관 부처·지자체", 16, wrap=True),
    Column("운영기관", 18, wrap=True),
    Column("지역", 6),
    Column("지원유형", 12, wrap=True),
    Column("예산(억원)", 9, BUDGET_FORMAT),
    Column("창업 단계", 12, wrap=True),
    Column("기술·사업 분야", 14, wrap=True),
    Column("지원대상", 40, wrap=True),
    Column("지원내용", 40, wrap=True),
    Column("사업개요", 40, wrap=True),
    Column("전담기관", 14, wrap=True),
    Column("문의처", 16, wrap=True),
    Column("신청 기간", 14, wrap=True),
    Column("출처", 30, wrap=True),
    Column("출처 링크", 30, link="출처 링크"),
    Column("상세 URL", 30),
)


def _detail_row(p: Program) -> list[Any]:
    refs = describe_sources(p.source.citation, p.url)
    link = next((r.url for r in refs if r.url and r.url != p.url), "")
    return [
        p.program_id,
        p.name,
        "열기" if p.url else "",
        p.level,
        p.ministry,
        p.institution or "미상",
        p.region,
        p.support_type,
        p.budget_eok,
        p.stages,
        p.tech_fields,
        p.target_text or "(통합공고 데이터에 지원대상 원문 없음)",
        p.content_text,
        p.summary,
        p.agency,
        p.contact,
        p.apply_period,
        "; ".join(r.label for r in refs) or "출처 미상",
        link,
        p.url,
    ]


PROFILE_COLUMNS: tuple[Column, ...] = (
    Column("구분", 10),
    Column("항목", 28),
    Column("값", 90, wrap=True),
)


def _profile_rows(
    profile: FirmProfile | None,
    roadmap: Roadmap,
    *,
    client: str,
    data: str,
    made: date,
) -> list[list[Any]]:
    rows: list[list[Any]] = [["고객", "고객명", client or "(이름 없음)"]]
    values = profile_to_dict(profile) if profile is not None else {}
    for key, label in PROFILE_LABELS.items():
        if key in values:
            value = values[key]
            rows.append(["프로필", label, "" if value is None else value])
    rows += [["가정", str(i), text] for i, text in enumerate(roadmap.assumptions, start=1)]
    edits = roadmap.edits
    if edits.pinned:
        rows.append(["편집", "컨설턴트가 지정한 사업", ", ".join(edits.pinned)])
    if edits.removed:
        rows.append(["편집", "컨설턴트가 뺀 사업", ", ".join(edits.removed)])
    rows.append(["데이터", "사용한 데이터", data])
    rows.append(["데이터", "작성일", made.isoformat()])
    rows.append(
        [
            "안내",
            "확인 필요",
            "자격 판정과 지원 시기는 통합공고·사업 공고문을 바탕으로 한 추정입니다. "
            "신청 전 각 사업의 공고문 원문을 확인하세요.",
        ]
    )
    return rows


def _detail_ids(roadmap: Roadmap) -> list[str]:
    ids = [s.program_id for s in roadmap.steps]
    ids += [g.near_miss.program_id for g in roadmap.gaps if g.near_miss is not None]
    ids += [c.program_id for g in roadmap.gaps for c in g.candidates]
    ids += [a.program_id for a in roadmap.alternatives]
    return list(dict.fromkeys(i for i in ids if i))


def roadmap_to_excel(
    roadmap: Roadmap,
    programs: Mapping[str, Program],
    *,
    client: str = "",
    data: str = "",
    made: date | None = None,
) -> bytes:
    """The workbook: 로드맵 (title block, then the table) / 사업 상세 / 가정·프로필.

    ``data`` names the dataset used (label and coverage), ``made`` is the date on the title
    block (default today). The profile is the roadmap's own.
    """
    made = made or date.today()
    profile = roadmap.profile
    wb, ws = new_workbook("로드맵")
    _roadmap_sheet(
        ws, roadmap_rows(roadmap, programs), client=client, made=made, profile=profile, data=data
    )
    details = [_detail_row(programs[i]) for i in _detail_ids(roadmap) if i in programs]
    detail = wb.create_sheet(safe_sheet_title("사업 상세"))
    write_table(detail, DETAIL_COLUMNS, details)
    _fit_row_heights(detail, 2, detail.max_row)
    _print_setup(detail, title_rows="1:1", last_col=len(DETAIL_COLUMNS) - 2)
    sheet = wb.create_sheet(safe_sheet_title("가정·프로필"))
    write_table(
        sheet,
        PROFILE_COLUMNS,
        _profile_rows(profile, roadmap, client=client, data=data, made=made),
    )
    _fit_row_heights(sheet, 2, sheet.max_row)
    _print_setup(sheet, title_rows="1:1")
    wb.properties.title = "창업지원 로드맵" + (f" — {client}" if client else "")
    wb.properties.creator = "창업지원 내비게이터"
    return workbook_bytes(wb)


def roadmap_to_csv(roadmap: Roadmap, programs: Mapping[str, Program]) -> bytes:
    """The roadmap table as CSV (UTF-8 with BOM, dates as YYYY-MM-DD, formulas neutralised)."""
    return csv_bytes([c.header for c in ROADMAP_COLUMNS], roadmap_rows(roadmap, programs))


INDEX_COLUMNS: tuple[Column, ...] = (
    Column("순서", 5),
    Column("고객", 18, wrap=True, link="파일"),
    Column("프로필", 44, wrap=True),
    Column("추천 단계 수", 10),
    Column("공백 단계", 28, wrap=True),
    Column("메모", 24, wrap=True),
    Column("문제", 40, wrap=True),
    Column("파일", 30),
)


def clients_index_excel(
    summaries: Iterable[ClientSummary], *, data: str = "", made: date | None = None
) -> bytes:
    """The clients' index: one row per client (its workbook linked), problems included."""
    made = made or date.today()
    wb: Workbook
    wb, ws = new_workbook("고객 목록")
    rows = [
        [n, s.client, s.profile, None if s.problem else s.steps, ", ".join(s.gaps), s.memo,
         s.problem, s.file]
        for n, s in enumerate(summaries, start=1)
    ]  # fmt: skip
    write_table(ws, INDEX_COLUMNS, rows)
    # The file links are relative (the workbooks sit beside the index).
    for i, row in enumerate(rows, start=2):
        if row[7]:
            cell = ws.cell(row=i, column=2)
            cell.hyperlink = str(row[7])
            cell.font = _LINK_FONT
    _fit_row_heights(ws, 2, ws.max_row)
    info = wb.create_sheet("안내")
    write_table(
        info,
        (Column("항목", 16), Column("값", 90, wrap=True)),
        [["작성일", made.isoformat()], ["사용한 데이터", data],
         ["안내", "고객마다 로드맵 파일 하나를 만들었습니다. 고객 이름을 누르면 파일이 열립니다."]],
    )  # fmt: skip
    _print_setup(ws, title_rows="1:1")
    return workbook_bytes(wb)
