"""The load report: every input row accounted for, as data the CLI and the UI both render.

Modelled on validation reports of frictionless/pandera: issues are collected, never raised one by
one, each naming file, sheet, row, column and value so a person can fix the source file.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from loaders.headers import HeaderMatch

__all__ = ["IssueKind", "LoadReport", "RowIssue", "SheetReport", "cell_ref"]

# "suspicious" marks a row that was loaded but looks like noise (loaders.plausibility); like a
# warning it goes with a loaded row and does not change the accounting.
IssueKind = Literal["skipped", "rejected", "warning", "suspicious"]


def cell_ref(row: int | None, column: int | None) -> str:
    """A spreadsheet cell address from a 1-based row and 0-based column: ``(7, 2)`` → ``"C7"``.

    >>> cell_ref(7, 2), cell_ref(1, 27), cell_ref(None, 0)
    ('C7', 'AB1', '')
    """
    if row is None or column is None or column < 0:
        return ""
    letters = ""
    n = column + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(ord("A") + rem) + letters
    return f"{letters}{row}"


@dataclass(frozen=True, slots=True)
class RowIssue:
    """One row (or cell) that was skipped, rejected, loaded with a warning, or looks like noise.

    ``column``, ``value`` and ``cell`` name the cell that caused the issue: the header as the
    file spells it, the cell's own text ("" for an empty cell) and its address ("C7") where the
    source is a spreadsheet.
    """

    kind: IssueKind
    file: str
    sheet: str
    row: int | None
    reason: str
    column: str = ""
    value: str = ""
    cell: str = ""

    def describe(self) -> str:
        """``file · sheet · 12행 · E12 · 열 '예산' · 값 '미정': reason``."""
        where = [p for p in (self.file, self.sheet) if p]
        if self.row is not None:
            where.append(f"{self.row}행")
        if self.cell:
            where.append(self.cell)
        if self.column:
            where.append(f"열 '{self.column}'")
        if self.value:
            value = self.value if len(self.value) <= 40 else self.value[:39] + "…"
            where.append(f"값 '{value}'")
        elif self.cell and self.column:
            where.append("빈 칸")
        return f"{' · '.join(where)}: {self.reason}"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict."""
        return asdict(self)


@dataclass(slots=True)
class SheetReport:
    """What happened to one program table (a CSV file or one workbook sheet)."""

    file: str
    sheet: str
    header_rows: list[int] = field(default_factory=list)
    mapping: list[HeaderMatch] = field(default_factory=list)
    rows_read: int = 0
    loaded: int = 0
    skipped: int = 0
    rejected: int = 0
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict; the mapping becomes ``{header: {field, method, score}}``."""
        data = asdict(self)
        data["mapping"] = [asdict(m) for m in self.mapping]
        return data


@dataclass(slots=True)
class LoadReport:
    """The whole load: per-sheet reports plus every row issue, in input order."""

    sheets: list[SheetReport] = field(default_factory=list)
    issues: list[RowIssue] = field(default_factory=list)
    ignored_sheets: list[dict[str, str]] = field(default_factory=list)
    encodings: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def rows_read(self) -> int:
        return sum(s.rows_read for s in self.sheets)

    @property
    def loaded(self) -> int:
        return sum(s.loaded for s in self.sheets)

    def of_kind(self, kind: IssueKind) -> list[RowIssue]:
        """Issues of one kind, in input order."""
        return [i for i in self.issues if i.kind == kind]

    @property
    def skipped(self) -> list[RowIssue]:
        return self.of_kind("skipped")

    @property
    def rejected(self) -> list[RowIssue]:
        return self.of_kind("rejected")

    @property
    def warnings(self) -> list[RowIssue]:
        return self.of_kind("warning")

    @property
    def suspicious(self) -> list[RowIssue]:
        """Loaded rows that look like noise (one issue per row)."""
        return self.of_kind("suspicious")

    @property
    def balanced(self) -> bool:
        """The accounting invariant: loaded + skipped + rejected = rows read."""
        return self.loaded + len(self.skipped) + len(self.rejected) == self.rows_read

    def accounting_line(self) -> str:
        """The sentence every summary prints."""
        mark = "✓" if self.balanced else "✗ 불일치"
        return (
            f"읽은 행 {self.rows_read} = 불러옴 {self.loaded} + 건너뜀 {len(self.skipped)}"
            f" + 거부 {len(self.rejected)} {mark}"
        )

    def column_mapping(self) -> dict[str, dict[str, dict[str, Any]]]:
        """``{"file · sheet": {header: {"field", "method", "score"}}}`` for JSON output."""
        out: dict[str, dict[str, dict[str, Any]]] = {}
        for sheet in self.sheets:
            key = f"{sheet.file} · {sheet.sheet}" if sheet.sheet else sheet.file
            out[key] = {
                m.header: {"field": m.field, "method": m.method, "score": round(m.score, 1)}
                for m in sheet.mapping
            }
        return out

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict with the accounting totals."""
        return {
            "rows_read": self.rows_read,
            "loaded": self.loaded,
            "balanced": self.balanced,
            "skipped": [i.to_dict() for i in self.skipped],
            "rejected": [i.to_dict() for i in self.rejected],
            "warnings": [i.to_dict() for i in self.warnings],
            "suspicious": [i.to_dict() for i in self.suspicious],
            "sheets": [s.to_dict() for s in self.sheets],
            "ignored_sheets": list(self.ignored_sheets),
            "encodings": dict(self.encodings),
            "notes": list(self.notes),
            "column_mapping": self.column_mapping(),
        }
