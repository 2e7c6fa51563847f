"""Run the duplicate desk and make its files — the call the 중복 분석 page and
``navigator duplicates`` both make, so the page's downloads and the command's output agree.

* :func:`run` — :func:`graph.duplicates.find_duplicates` at a threshold for the chosen
  relations, with the catalogue it ran on (:class:`DuplicateDesk`); the desk's derived views
  (pairs per relation, local copies, the ministry × ministry and 시·도 × 시·도 tables) are
  computed once, on first use.
* :func:`view_files`, :func:`table_files`, :func:`workbook` — one view, one count table, or
  everything, as Excel and CSV (:mod:`graph.export`).

>>> from loaders.model import Program
>>> mentoring = "멘토링·컨설팅·교육"
>>> progs = [
...     Program("a", 2026, "중앙부처", "중기부", "창업진흥원", "전국", "창업 멘토링 지원", mentoring),
...     Program("b", 2026, "중앙부처", "과기정통부", "NIPA", "전국", "창업 멘토링 지원사업", mentoring),
... ]
>>> desk = run(progs)
>>> desk.pair_counts()["overlap"], int(desk.tables["ministry"].loc["중기부", "과기정통부"])
(1, 1)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

import pandas as pd

from graph.duplicates import (
    DEFAULT_RELATIONS,
    DEFAULT_THRESHOLD,
    RELATIONS,
    DuplicateResult,
    LocalCopies,
    find_duplicates,
    local_copies,
    overlap_table,
)
from graph.export import (
    duplicate_view_csv,
    duplicate_view_excel,
    duplicates_to_excel,
    table_to_csv,
    table_to_excel,
)
from loaders.model import Program

__all__ = [
    "OVERLAP_TABLES",
    "DeskFiles",
    "DuplicateDesk",
    "TableKey",
    "run",
    "table_files",
    "view_files",
    "workbook",
]

TableKey = Literal["ministry", "region"]
# The two count tables of overlaps (graph.duplicates.overlap_table) and their sheet titles.
OVERLAP_TABLES: dict[TableKey, str] = {"ministry": "부처×부처", "region": "시·도×시·도"}


@dataclass(frozen=True)
class DeskFiles:
    """One view or table as a workbook and as CSV."""

    xlsx: bytes
    csv: bytes


@dataclass(frozen=True)
class DuplicateDesk:
    """A duplicate scan and the programs it ran on (``by_id``), with the views built on it."""

    result: DuplicateResult
    by_id: Mapping[str, Program]

    @property
    def relations(self) -> tuple[str, ...]:
        """The relations the scan reported, in :data:`graph.duplicates.RELATIONS` order."""
        return self.result.relations

    def pair_counts(self) -> dict[str, int]:
        """Reported pairs per relation (every relation of RELATIONS, zero when none)."""
        counts: dict[str, int] = dict.fromkeys(RELATIONS, 0)
        for pair in self.result.pairs:
            counts[pair.relation] += 1
        return counts

    def certain_counts(self) -> dict[str, int]:
        """Pairs at the threshold whose relation is settled, per relation, reported or not."""
        return {r: self.result.counts.get(r, {}).get("certain", 0) for r in RELATIONS}

    @property
    def undetermined(self) -> int:
        """Same-help pairs whose places the data does not give (regional copies aside)."""
        return sum(
            c.get("uncertain", 0) for r, c in self.result.counts.items() if r != "regional_copies"
        )

    @cached_property
    def local_copies(self) -> list[LocalCopies]:
        """Central programs with their local copies (:func:`graph.duplicates.local_copies`)."""
        return local_copies(self.result, self.by_id)

    @cached_property
    def tables(self) -> dict[TableKey, pd.DataFrame]:
        """Overlap counts ministry × ministry and 시·도 × 시·도 (keys of OVERLAP_TABLES)."""
        return {by: overlap_table(self.result, self.by_id, by=by) for by in OVERLAP_TABLES}


def run(
    programs: Sequence[Program],
    threshold: float | None = None,
    *,
    relations: Iterable[str] = DEFAULT_RELATIONS,
    include_undetermined: bool = False,
) -> DuplicateDesk:
    """Find duplicated programs at ``threshold`` (default
    :data:`graph.duplicates.DEFAULT_THRESHOLD`) for ``relations`` (kept in RELATIONS order);
    pairs resting on unknown places only with ``include_undetermined``. An unknown relation
    raises ValueError."""
    result = find_duplicates(
        programs,
        DEFAULT_THRESHOLD if threshold is None else threshold,
        relations=tuple(relations),
        include_undetermined=include_undetermined,
    )
    return DuplicateDesk(result, {p.program_id: p for p in programs})


def view_files(desk: DuplicateDesk, view: str) -> DeskFiles:
    """One view of the desk (keys of :data:`graph.export.DUPLICATE_VIEWS`) as .xlsx and .csv."""
    return DeskFiles(
        duplicate_view_excel(view, desk.result, desk.by_id),
        duplicate_view_csv(view, desk.result, desk.by_id),
    )


def table_files(desk: DuplicateDesk, by: TableKey) -> DeskFiles:
    """One overlap count table as .xlsx and .csv."""
    table = desk.tables[by]
    return DeskFiles(table_to_excel(table, OVERLAP_TABLES[by]), table_to_csv(table))


def workbook(desk: DuplicateDesk) -> bytes:
    """Every view and both count tables in one workbook."""
    return duplicates_to_excel(
        desk.result,
        desk.by_id,
        tables={OVERLAP_TABLES[by]: table for by, table in desk.tables.items()},
    )
