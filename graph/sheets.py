"""Spreadsheet cells and tables that are safe to open in Excel, for every export.

Consultants hand exports to clients and ministries open them in Excel, so they must be safe and
readable there:

* **Formula injection.** Program text comes from public spreadsheets and the web; a cell that
  starts with ``=``, ``+``, ``-``, ``@``, tab or CR would be run as a formula. CSV cells get a
  leading apostrophe (:func:`neutralise`, the OWASP advice). In ``.xlsx`` such cells are written as
  typed text with Excel's own *quote prefix*, so Excel never evaluates them yet shows the text
  unchanged ("- 사업화 자금 …" is a common bullet in 지원내용).
* **Korean in Excel.** CSV is UTF-8 *with BOM*, the only way Excel detects UTF-8 on open.
* **openpyxl limits.** Control characters raise ``IllegalCharacterError`` and are stripped; sheet
  titles are cut to 31 characters without ``[]:*?/\\``.

A table is a sequence of :class:`Column` and rows of values in column order; links name the
column that holds their URL.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

__all__ = [
    "FORMULA_PREFIXES",
    "Column",
    "cell_value",
    "csv_bytes",
    "neutralise",
    "new_workbook",
    "safe_sheet_title",
    "workbook_bytes",
    "write_table",
]

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_BAD_TITLE = re.compile(r"[\[\]:*?/\\]")
_HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
_HEADER_FONT = Font(bold=True, color="FFFFFF")
_GAP_FILL = PatternFill("solid", fgColor="FCE4D6")
_LINK_FONT = Font(color="0563C1", underline="single")


def neutralise(value: Any) -> Any:
    """Make a text cell inert in spreadsheet software (prefix ``'`` to formula-like text).

    Non-strings are returned unchanged, so numbers stay numbers. Example::

        >>> neutralise("=HYPERLINK(\\"http://x\\")")
        '\\'=HYPERLINK("http://x")'
    """
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def cell_value(value: Any) -> Any:
    """Cell value openpyxl accepts: control characters stripped, collections joined."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple, set, frozenset)):
        value = ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "예" if value else "아니오"
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def safe_sheet_title(title: str) -> str:
    """A worksheet title Excel accepts: no ``[]:*?/\\``, at most 31 characters, never empty."""
    cleaned = _BAD_TITLE.sub(" ", ILLEGAL_CHARACTERS_RE.sub("", title)).strip().strip("'")
    return (cleaned or "Sheet")[:31]


# ---------------------------------------------------------------------------- table writing


@dataclass(frozen=True, slots=True)
class Column:
    """One exported column: header, max width (characters), number format, wrap, and the header
    of the column whose URL this cell links to (named, so columns can move)."""

    header: str
    width: int = 16
    number_format: str = ""
    wrap: bool = False
    link: str | None = None  # header of the column holding this cell's URL


def _display_width(text: str) -> int:
    # Hangul and other wide characters take about two Latin widths in Excel's default font.
    return sum(2 if ord(ch) > 0x1100 else 1 for ch in text)


def _is_http(url: Any) -> bool:
    return isinstance(url, str) and url.lower().startswith(("http://", "https://"))


def write_table(
    ws: Worksheet,
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
    *,
    highlight: Callable[[Sequence[Any]], bool] | None = None,
) -> None:
    """Header row styled and frozen, widths fitted (capped), long text wrapped, links live."""
    for j, col in enumerate(columns, start=1):
        head = ws.cell(row=1, column=j, value=col.header)
        head.fill = _HEADER_FILL
        head.font = _HEADER_FONT
        head.alignment = Alignment(vertical="center", wrap_text=True)
    widths = [_display_width(c.header) + 2 for c in columns]
    position = {c.header: j for j, c in enumerate(columns)}
    links = [position[c.link] if c.link is not None else None for c in columns]
    for i, row in enumerate(rows, start=2):
        marked = highlight is not None and highlight(row)
        for j, col in enumerate(columns, start=1):
            value = cell_value(row[j - 1])
            cell = ws.cell(row=i, column=j)
            cell.value = value
            if isinstance(value, str):
                # Typed text + quote prefix: Excel shows it as typed and never runs it.
                cell.data_type = "s"
                if value.startswith(FORMULA_PREFIXES):
                    cell.quotePrefix = True
            if col.number_format and isinstance(value, (int, float)):
                cell.number_format = col.number_format
            link = links[j - 1]
            url = row[link] if link is not None else None
            if _is_http(url) and value:
                cell.hyperlink = url
                cell.font = _LINK_FONT
            cell.alignment = Alignment(vertical="top", wrap_text=col.wrap)
            if marked:
                cell.fill = _GAP_FILL
            widths[j - 1] = max(widths[j - 1], _display_width(str(value)) + 2)
    for j, col in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(j)].width = max(8, min(widths[j - 1], col.width))
    ws.freeze_panes = "A2"
    if ws.max_row > 1:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{ws.max_row}"


def csv_bytes(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([neutralise(cell_value(v)) for v in row])
    return buf.getvalue().encode("utf-8-sig")


def workbook_bytes(wb: Workbook) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def new_workbook(first_sheet: str) -> tuple[Workbook, Worksheet]:
    """A workbook and its first sheet, titled ``first_sheet`` (made safe)."""
    wb = Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet)  # a new workbook always has one worksheet
    ws.title = safe_sheet_title(first_sheet)
    return wb, ws
