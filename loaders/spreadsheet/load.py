"""Notice files (.xlsx / .csv) to :class:`~loaders.model.Program` records, losing nothing.

The entry points for one file: size and row limits, then :mod:`~loaders.spreadsheet.grids`
(cells), :mod:`~loaders.spreadsheet.header` (where the table is, which column is which) and
:mod:`~loaders.spreadsheet.records` (rows to records) for every sheet. Every row read ends up
loaded, skipped or rejected in the :class:`~loaders.report.LoadReport`.
"""

from __future__ import annotations

import os
from pathlib import Path

from loaders.errors import LoadError
from loaders.model import Program
from loaders.report import LoadReport
from loaders.rows import SeenPrograms
from loaders.spreadsheet.grids import read_grids
from loaders.spreadsheet.header import find_header
from loaders.spreadsheet.records import load_sheet
from loaders.textnorm import clean_cell

__all__ = ["DEFAULT_MAX_BYTES", "DEFAULT_MAX_ROWS", "load_bytes", "load_path"]

# Guards against a wrong file (a database dump, a 50 MB export) freezing the app: a full notice
# is under 2 MB and about 500 rows. Override with NAVIGATOR_MAX_UPLOAD_MB / NAVIGATOR_MAX_ROWS.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_MAX_ROWS = 100_000


def _limit(env: str, default: int, scale: int = 1) -> int:
    try:
        return int(float(os.environ[env]) * scale)
    except (KeyError, ValueError):
        return default


def load_bytes(
    data: bytes,
    name: str,
    *,
    report: LoadReport | None = None,
    seen: SeenPrograms | None = None,
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
    seen = seen if seen is not None else SeenPrograms()
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
        header = find_header(sheet_grid.rows)
        if header is None:
            grid = sheet_grid.rows
            nonempty = [row for row in grid if any(clean_cell(v) for v in row)]
            first = [clean_cell(v) for v in nonempty[0] if clean_cell(v)] if nonempty else []
            seen_headers.extend(first[:12])
            reason = "빈 시트" if not nonempty else "사업명 열이 있는 표를 찾지 못함"
            report.ignored_sheets.append(
                {"file": name, "sheet": sheet_grid.name, "reason": reason, "rows": str(len(grid))}
            )
            continue
        programs.extend(load_sheet(sheet_grid, header, name, report, seen))
    if not report.sheets or all(s.file != name for s in report.sheets):
        seen_text = ", ".join(f"'{h}'" for h in dict.fromkeys(seen_headers)) or "(없음)"
        raise LoadError(
            f"{name}: 사업명 열이 있는 표를 찾지 못했습니다. 첫 행에서 본 머리글: {seen_text}. "
            "'사업명' 또는 '지원사업명' 열이 있어야 합니다.",
            file=name,
        )
    return programs, report


def load_path(
    path: str | Path,
    *,
    report: LoadReport | None = None,
    seen: SeenPrograms | None = None,
    max_bytes: int | None = None,
    max_rows: int | None = None,
) -> tuple[list[Program], LoadReport]:
    """Load one notice file from disk (see :func:`load_bytes`)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(
            f"{path}: 파일을 읽을 수 없습니다 ({exc.strerror or exc}).", file=str(path)
        ) from None
    return load_bytes(
        data, path.name, report=report, seen=seen, max_bytes=max_bytes, max_rows=max_rows
    )
