"""Finding a program table's header in a grid, and mapping its columns onto record fields.

The header is the first row (within the first 30) that names a program-name column and is
mostly known labels; a neighbouring row of labels or units makes it a two-row header, whose
merged group labels are spread over their sub-columns. Each column goes through
:func:`loaders.headers.match_header` (exact, variant, then fuzzy); the budget column's unit is
read from either header row.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from loaders.headers import FIELD_LABELS, HeaderMatch, match_header, unit_from_header
from loaders.spreadsheet.grids import Grid
from loaders.textnorm import clean_cell

__all__ = ["Header", "find_header", "row_texts"]

_HEADER_SCAN_ROWS = 30
_UNIT_ONLY = re.compile(
    r"[\(（\[]?\s*(단위\s*[:：]?\s*)?(천억원|억원|백만원|천원|만원|원)\s*[\)）\]]?"
)


@dataclass(slots=True)
class Header:
    """Where the program table's header is and which column feeds which record field."""

    rows: list[int]  # 0-based grid rows that form the header
    matches: list[HeaderMatch]
    columns: dict[str, int]  # field -> column index
    budget_unit: str | None

    def label(self, field: str) -> str:
        """The header text of ``field``'s column as the file spells it (for row issues)."""
        col = self.columns.get(field)
        for m in self.matches:
            if m.column == col:
                return m.header
        return FIELD_LABELS.get(field, field)


def row_texts(row: Sequence[object]) -> list[str]:
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


def find_header(grid: Grid) -> Header | None:
    for r in range(min(len(grid), _HEADER_SCAN_ROWS)):
        texts = row_texts(grid[r])
        if not _looks_like_header(texts):
            continue
        rows = [r]
        if r + 1 < len(grid) and _is_header_part(row_texts(grid[r + 1])):
            rows.append(r + 1)
        elif (
            r > 0
            and sum(1 for t in row_texts(grid[r - 1]) if t) >= 2
            and _is_header_part(row_texts(grid[r - 1]))
        ):
            rows.insert(0, r - 1)
        return _map_header(grid, rows)
    return None


def _map_header(grid: Grid, rows: list[int]) -> Header:
    width = max(len(grid[r]) for r in rows)
    layers = [row_texts(grid[r]) + [""] * (width - len(grid[r])) for r in rows]
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
    return Header(rows, matches, columns, budget_unit)
