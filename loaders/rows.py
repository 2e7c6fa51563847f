"""Row bookkeeping every loader shares: count each row once, settle repeats, clean URLs.

Both loaders (notice spreadsheets and K-Startup items) keep the same books: every row read is
loaded, skipped or rejected, and each skip or rejection is a :class:`~loaders.report.RowIssue`
naming the place (:func:`tally`). A program id met a second time within one load is the same
row given twice when the content agrees (skipped), and two conflicting versions of a program
when it does not (rejected, for a person to decide) — :class:`SeenPrograms` applies that one
rule for both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.model import CONTENT_FIELDS, Program, same_content
from loaders.report import IssueKind, LoadReport, RowIssue, SheetReport
from loaders.textnorm import clean_cell

__all__ = ["Repeat", "SeenPrograms", "clean_url", "tally"]

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)


def clean_url(value: object) -> str:
    """A cell's URL as one clean string; a bare host ("www.k-startup.go.kr/…") gets ``https://``.

    >>> clean_url(" www.k-startup.go.kr/web/x?id=1 ")
    'https://www.k-startup.go.kr/web/x?id=1'
    >>> clean_url("see notice")
    'see notice'
    """
    url = clean_cell(value)
    if url and not _SCHEME.match(url) and "." in url.split("/")[0]:
        url = "https://" + url
    return url


def tally(
    report: LoadReport,
    sheet: SheetReport,
    kind: IssueKind,
    row: int | None,
    reason: str,
    column: str = "",
    value: str = "",
    cell: str = "",
) -> None:
    """Record one row's issue; a skipped or rejected row also counts on its sheet.

    Warnings and suspicious rows go with a row that is loaded (and counted as loaded by its
    caller), so they add an issue without a count.
    """
    if kind == "skipped":
        sheet.skipped += 1
    elif kind == "rejected":
        sheet.rejected += 1
    report.issues.append(RowIssue(kind, sheet.file, sheet.sheet, row, reason, column, value, cell))


@dataclass(frozen=True, slots=True)
class Repeat:
    """A program whose id was loaded before in the same load.

    ``kind`` is ``"skipped"`` when every compared field agrees with the first one (the same
    row twice), else ``"rejected"``; ``where`` says where the first one was read.
    """

    kind: IssueKind
    where: str
    first: Program
    # The first compared field where the two versions differ ("budget_eok"), None when equal.
    differs: str | None = None


class SeenPrograms:
    """Program ids loaded so far in one load (across files, sheets or pages), with their place."""

    __slots__ = ("_first",)

    def __init__(self) -> None:
        self._first: dict[str, tuple[Program, str]] = {}

    def __len__(self) -> int:
        return len(self._first)

    def repeat_of(
        self, program: Program, *, fields: tuple[str, ...] = CONTENT_FIELDS
    ) -> Repeat | None:
        """The :class:`Repeat` verdict when ``program``'s id was seen, else None.

        ``fields`` are those two versions must share to count as one row given twice.
        """
        seen = self._first.get(program.program_id)
        if seen is None:
            return None
        first, where = seen
        if same_content(first, program, fields=fields):
            return Repeat("skipped", where, first)
        differs = next(f for f in fields if getattr(first, f) != getattr(program, f))
        return Repeat("rejected", where, first, differs)

    def add(self, program: Program, where: str) -> None:
        """Remember ``program`` as loaded at ``where`` ("notice.csv · 사업 12행", "page 1 3번째 항목")."""
        self._first.setdefault(program.program_id, (program, where))
