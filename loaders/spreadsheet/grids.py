"""Notice files to raw cell grids, by content rather than by extension.

An ``.xlsx`` becomes one grid per sheet with merged ranges filled from their top-left cell and
formula cells that carry no cached value collected (so the report can name them); a CSV is
decoded as UTF-8 (with or without BOM), else CP949 (Korean Excel), with its delimiter sniffed.
Files that are not what they claim are read for what they are, or refused with what to do.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from dataclasses import field as dc_field
from pathlib import Path

from loaders.errors import LoadError
from loaders.report import LoadReport

__all__ = ["Grid", "SheetGrid", "read_grids"]

Grid = list[list[object]]


@dataclass(slots=True)
class SheetGrid:
    """One sheet's cells plus what reading it revealed (merged cells filled, bare formulas)."""

    name: str
    rows: Grid
    merged_filled: int = 0
    # (0-based row, 0-based col) -> formula text, for formula cells that carry no cached value.
    formulas: dict[tuple[int, int], str] = dc_field(default_factory=dict)


_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[ >]")
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


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
