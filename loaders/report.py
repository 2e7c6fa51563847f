"""The load report: every input row accounted for, as data the CLI and the UI both render.

Modelled on validation reports of frictionless/pandera: issues are collected, never raised one by
one, each naming file, sheet, row, column and value so a person can fix the source file.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from loaders.headers import HeaderMatch

__all__ = ["LoadReport", "RowIssue", "SheetReport"]

IssueKind = Literal["skipped", "rejected", "warning"]


@dataclass(frozen=True, slots=True)
class RowIssue:
    """One row (or cell) that was skipped, rejected or loaded with a warning."""

    kind: IssueKind
    file: str
    sheet: str
    row: int | None
    reason: str
    column: str = ""
    value: str = ""

    def describe(self) -> str:
        """``file · sheet · 12행 · 열 '예산' · 값 '미정': reason``."""
        where = [p for p in (self.file, self.sheet) if p]
        if self.row is not None:
            where.append(f"{self.row}행")
        if self.column:
            where.append(f"열 '{self.column}'")
        if self.value:
            value = self.value if len(self.value) <= 40 else self.value[:39] + "…"
            where.append(f"값 '{value}'")
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
            "sheets": [s.to_dict() for s in self.sheets],
            "ignored_sheets": list(self.ignored_sheets),
            "encodings": dict(self.encodings),
            "notes": list(self.notes),
            "column_mapping": self.column_mapping(),
        }
