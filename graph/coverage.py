"""Where support is missing: stage × support-phase coverage, and what a firm in a place can reach.

The policy report behind the project complains that programs do not connect, so firms fall
through between stages, and that support piles up in some places while others have none. Two
views answer that, both built from the vocabulary the engine already uses:

* :func:`coverage_matrix` counts programs and their stated budgets in each cell of a grid whose
  columns are the support phases of :mod:`graph.phases` (:data:`~graph.phases.PHASES`, plus
  "유형 미상" for a type the loader could not map) and whose rows are the growth stages
  (:data:`~loaders.vocab.GROWTH_STAGES`, then the 재창업 group), the technology fields of
  :mod:`loaders.taxonomy`, or the 시·도 of :mod:`loaders.regions`. A program serving several
  stages (or fields) counts in each of its rows; budgets therefore add up along a row's cells but
  not down a column — :meth:`CoverageMatrix.column_total` counts each program once.
* An empty cell is a **gap**. It is *confirmed* only when nothing else could fill it: the
  row of programs whose stage (or 시·도) is unknown has nothing in that column either. Otherwise
  the note says how many such programs might ("단계 미상 사업 12개가 이 국면에 있음"). Most
  programs without 지원대상 text have no known stage, so on partial data most gaps are
  unconfirmed, and the matrix says so instead of overstating them.
* :func:`reach` asks the eligibility engine's local-area rule (:mod:`graph.eligibility`) which
  programs a firm located in a 시·도 — and, when given, a 시·군·구 — may use: nationwide
  programs, its 시·도's programs and its 시·군·구's own, versus programs whose area the data
  cannot settle. No second set of area rules exists here: a program is in reach exactly when
  the engine's region check does not rule it out or leave it open.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from graph.eligibility import evaluate_all, local_unit
from graph.phases import phase_of
from graph.profile import profile_from_dict
from loaders.model import Program
from loaders.regions import NATIONWIDE, SIDO, canonical_sido
from loaders.taxonomy import GENERAL_FIELD, TECH_FIELDS
from loaders.vocab import GROWTH_STAGES, PHASES, STAGES

__all__ = [
    "AXES",
    "AXIS_LABELS",
    "MAYBE_ROW",
    "NATIONWIDE_ROW",
    "REACH_LABELS",
    "REACH_SCOPES",
    "UNKNOWN_PHASE",
    "UNKNOWN_SIDO",
    "UNKNOWN_STAGE",
    "Axis",
    "Cell",
    "CoverageMatrix",
    "Reach",
    "coverage_matrix",
    "reach",
    "sido_of_program",
]

Axis = Literal["stage", "field", "sido"]
AXES: tuple[str, ...] = ("stage", "field", "sido")
AXIS_LABELS: dict[str, str] = {"stage": "성장 단계", "field": "분야", "sido": "시·도"}
UNKNOWN_STAGE = "단계 미상"
UNKNOWN_PHASE = "유형 미상"
UNKNOWN_SIDO = "시·도 미상"
NATIONWIDE_ROW = "전국"


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell: its programs (ids, catalogue order) and their stated budget."""

    row: str
    col: str
    program_ids: tuple[str, ...]
    budget_eok: float
    with_budget: int

    @property
    def count(self) -> int:
        return len(self.program_ids)

    @property
    def without_budget(self) -> int:
        """Programs in the cell whose budget the data does not state."""
        return self.count - self.with_budget

    @property
    def gap(self) -> bool:
        return not self.program_ids


@dataclass(frozen=True)
class CoverageMatrix:
    """Programs and budget per (row, phase) cell; see the module docstring.

    ``unknown_rows`` hold programs whose value the data does not state (단계 미상, 시·도 미상):
    they may fill another row's gap, so a gap is confirmed only when they have nothing in that
    column. ``general_rows`` hold programs open to every value (분야무관, 전국): a gap stays a
    gap (nothing specific), and its note says what general programs a firm still has.
    """

    by: Axis
    rows: tuple[str, ...]
    cols: tuple[str, ...]
    cells: Mapping[tuple[str, str], Cell]
    programs: int
    unknown_rows: tuple[str, ...] = ()
    general_rows: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    _column_ids: Mapping[str, frozenset[str]] = field(default_factory=dict, repr=False)

    @property
    def open_rows(self) -> tuple[str, ...]:
        """Rows that are not a value of the axis (unknown or general); never gaps themselves."""
        return self.unknown_rows + self.general_rows

    def cell(self, row: str, col: str) -> Cell:
        return self.cells[(row, col)]

    def column_total(self, col: str) -> int:
        """Distinct programs in a column (a program of several rows counts once)."""
        return len(self._column_ids.get(col, ()))

    def row_total(self, row: str) -> int:
        return sum(self.cells[(row, c)].count for c in self.cols)

    def is_gap(self, row: str, col: str) -> bool:
        """An empty cell in a row that is a value of the axis (not an open row)."""
        return row not in self.open_rows and self.cells[(row, col)].gap

    def confirmed_gap(self, row: str, col: str) -> bool:
        """A gap that no program of unknown value could fill (none of them is in the column)."""
        return self.is_gap(row, col) and not any(
            self.cells[(r, col)].count for r in self.unknown_rows
        )

    def gap_note(self, row: str, col: str) -> str:
        """Why an empty cell is (or may not be) a gap, in one Korean sentence; "" otherwise."""
        if not self.is_gap(row, col):
            return ""

        def listed(rows: tuple[str, ...]) -> str:
            found = [
                f"{r} 사업 {self.cells[(r, col)].count}개"
                for r in rows
                if self.cells[(r, col)].count
            ]
            return ", ".join(found)

        unknown, general = listed(self.unknown_rows), listed(self.general_rows)
        text = f"{'미확인 공백' if unknown else '공백'} — {row} · {col}: 확인된 사업이 없습니다"
        if unknown:  # every item ends in "…개", hence 가 / 를
            text += f". {unknown}가 이 칸에 들 수 있습니다"
        if general:
            text += f". 대신 모두에게 열린 {general}를 쓸 수 있습니다"
        return text

    def gaps(self) -> list[tuple[str, str, bool]]:
        """Every gap as ``(row, col, confirmed)``, row by row."""
        return [
            (r, c, self.confirmed_gap(r, c))
            for r in self.rows
            for c in self.cols
            if self.is_gap(r, c)
        ]

    def table(self, measure: Literal["count", "budget"] = "count") -> list[list[Any]]:
        """Rows of ``[row label, value per column…]``: counts, or stated budgets (None where
        no program of the cell states one)."""
        out: list[list[Any]] = []
        for r in self.rows:
            values: list[Any] = []
            for c in self.cols:
                cell = self.cells[(r, c)]
                if measure == "count":
                    values.append(cell.count)
                else:
                    values.append(round(cell.budget_eok, 2) if cell.with_budget else None)
            out.append([r, *values])
        return out

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form (cells as a list)."""
        return {
            "by": self.by,
            "rows": list(self.rows),
            "cols": list(self.cols),
            "programs": self.programs,
            "unknown_rows": list(self.unknown_rows),
            "general_rows": list(self.general_rows),
            "cells": [
                {
                    "row": c.row,
                    "col": c.col,
                    "count": c.count,
                    "budget_eok": round(c.budget_eok, 2),
                    "with_budget": c.with_budget,
                    "gap": self.is_gap(c.row, c.col),
                    "confirmed_gap": self.confirmed_gap(c.row, c.col),
                    "program_ids": list(c.program_ids),
                }
                for c in self.cells.values()
            ],
            "notes": list(self.notes),
        }


def sido_of_program(program: Program) -> str:
    """The row a program takes on the 시·도 axis: "전국" for central and nationwide programs,
    its 시·도, or "시·도 미상" for a local program whose place the data does not state."""
    if not program.is_local:
        return NATIONWIDE_ROW
    sido = canonical_sido(program.region)
    if sido == NATIONWIDE:
        return NATIONWIDE_ROW
    return sido or UNKNOWN_SIDO


def _rows_of(program: Program, by: Axis) -> tuple[str, ...]:
    if by == "stage":
        return program.stages or (UNKNOWN_STAGE,)
    if by == "field":
        return program.tech_fields or (GENERAL_FIELD,)
    return (sido_of_program(program),)


MAYBE_ROW = "지역 확인 필요"


def coverage_matrix(
    programs: Iterable[Program],
    *,
    by: Axis = "stage",
    field: str | None = None,
    sido: str | None = None,
    stage: str | None = None,
    maybe: Iterable[Program] = (),
    rows: Sequence[str] | None = None,
) -> CoverageMatrix:
    """Programs and stated budget per (``by`` row, support phase) cell.

    ``field``, ``sido`` and ``stage`` first narrow the programs: a field keeps programs tagged
    with it (not the 분야무관 ones, which the note counts), a 시·도 keeps that 시·도's local
    programs, a stage keeps programs serving it. Every row of the axis is listed, empty or not,
    so gaps show — or only ``rows`` (plus every row that has programs: nothing is hidden).
    ``maybe`` are programs that may belong but are not confirmed (a place's programs whose area
    the data cannot settle): they fill one extra unknown row, :data:`MAYBE_ROW`, so the gaps
    they might fill are not called confirmed. Example::

        >>> from loaders.catalogue import load_embedded
        >>> m = coverage_matrix(load_embedded().programs, by="stage")
        >>> m.rows[:5], m.cols[0]
        (('예비', '초기', '도약', '성장', '재창업'), '기술개발(R&D)')
    """
    if by not in AXES:
        raise ValueError(f"by must be one of {AXES}")
    notes: list[str] = []
    chosen = _narrow(list(programs), field, sido, stage, notes)
    unsure = _narrow(list(maybe), field, sido, stage, [])
    phase = {p.program_id: phase_of(p) or UNKNOWN_PHASE for p in (*chosen, *unsure)}
    cols = [*PHASES]
    if UNKNOWN_PHASE in phase.values():
        cols.append(UNKNOWN_PHASE)
    unknown_rows: tuple[str, ...] = ()
    general_rows: tuple[str, ...] = ()
    if by == "stage":
        # 예비 → 초기 → 도약 → 성장, then the groups the notice lists among stages (재창업).
        groups = [s for s in STAGES if s not in GROWTH_STAGES]
        axis, unknown_rows = [*GROWTH_STAGES, *groups, UNKNOWN_STAGE], (UNKNOWN_STAGE,)
    elif by == "field":
        axis, general_rows = [*TECH_FIELDS, GENERAL_FIELD], (GENERAL_FIELD,)
    else:
        axis = [NATIONWIDE_ROW, *SIDO, UNKNOWN_SIDO]
        unknown_rows, general_rows = (UNKNOWN_SIDO,), (NATIONWIDE_ROW,)
    if unsure:
        axis.append(MAYBE_ROW)
        unknown_rows += (MAYBE_ROW,)
    open_rows = general_rows + unknown_rows
    ids: dict[tuple[str, str], list[str]] = {(r, c): [] for r in axis for c in cols}
    budget: dict[tuple[str, str], float] = dict.fromkeys(ids, 0.0)
    stated: dict[tuple[str, str], int] = dict.fromkeys(ids, 0)
    column_ids: dict[str, set[str]] = {c: set() for c in cols}
    placed = [(p, _rows_of(p, by)) for p in chosen] + [(p, (MAYBE_ROW,)) for p in unsure]
    for p, where in placed:
        col = phase[p.program_id]
        column_ids[col].add(p.program_id)
        for row in where:
            key = (row, col)
            if key not in ids:  # a value outside the vocabulary (kept, never dropped)
                axis.append(row)
                for c in cols:
                    ids[(row, c)], budget[(row, c)], stated[(row, c)] = [], 0.0, 0
            ids[key].append(p.program_id)
            if p.budget_eok is not None:
                budget[key] += p.budget_eok
                stated[key] += 1
    if rows is not None:  # the rows asked for, and every row that holds a program
        wanted = set(rows)
        axis = [r for r in axis if r in wanted or any(ids[(r, c)] for c in cols)]
    # Open rows go last, whatever order values were met in.
    ordered = [r for r in axis if r not in open_rows] + [r for r in axis if r in open_rows]
    cells = {
        (r, c): Cell(r, c, tuple(ids[(r, c)]), round(budget[(r, c)], 4), stated[(r, c)])
        for r in ordered
        for c in cols
    }
    if by == "stage":
        n = sum(1 for p in chosen if not p.stages)
        if n:
            notes.append(
                f"{len(chosen)}개 중 {n}개는 지원대상 원문이 없거나 단계를 알 수 없어 '{UNKNOWN_STAGE}'에 "
                "있습니다: 빈칸이 그 사업들로 채워질 수 있습니다."
            )
    if unsure:
        notes.append(
            f"지역 요건을 데이터로 판정할 수 없는 사업 {len(unsure)}개는 '{MAYBE_ROW}' 행에 따로 셉니다."
        )
    with_budget = sum(1 for p in chosen if p.budget_eok is not None)
    if with_budget < len(chosen):
        notes.append(
            f"예산은 예산이 적힌 {with_budget}개 사업만 더했습니다 ({len(chosen) - with_budget}개 예산 미상). "
            "여러 단계(분야)에 걸친 사업은 각 칸에 모두 들어가므로 세로로 더하면 중복됩니다."
        )
    return CoverageMatrix(
        by=by,
        rows=tuple(ordered),
        cols=tuple(cols),
        cells=cells,
        programs=len(chosen),
        unknown_rows=tuple(r for r in unknown_rows if r in ordered),
        general_rows=tuple(r for r in general_rows if r in ordered),
        notes=tuple(notes),
        _column_ids={c: frozenset(v) for c, v in column_ids.items()},
    )


def _narrow(
    chosen: list[Program],
    field: str | None,
    sido: str | None,
    stage: str | None,
    notes: list[str],
) -> list[Program]:
    """Apply the field / 시·도 / stage filters, saying in ``notes`` what each left out."""
    if field:
        general = sum(1 for p in chosen if GENERAL_FIELD in p.tech_fields)
        chosen = [p for p in chosen if field in p.tech_fields]
        notes.append(
            f"분야 '{field}' 사업 {len(chosen)}개만 셉니다 — 분야를 가리지 않는 사업 "
            f"{general}개도 이 분야 기업이 신청할 수 있습니다."
        )
    if sido:
        chosen = [p for p in chosen if sido_of_program(p) == sido]
        notes.append(f"{sido} 지자체 사업만 셉니다 (전국 사업은 빼고).")
    if stage:
        unknown = sum(1 for p in chosen if not p.stages)
        chosen = [p for p in chosen if stage in p.stages]
        notes.append(f"'{stage}' 단계 사업만 셉니다 — 단계 미상 사업 {unknown}개는 빠졌습니다.")
    return chosen


# ----------------------------------------------------------------------------- reach

ReachScope = Literal["nationwide", "sido", "sigungu", "uncertain", "unknown_area", "out"]
REACH_SCOPES: tuple[str, ...] = (
    "nationwide",
    "sido",
    "sigungu",
    "uncertain",
    "unknown_area",
    "out",
)
REACH_LABELS: dict[str, str] = {
    "nationwide": "전국 사업",
    "sido": "시·도 사업",
    "sigungu": "시·군·구 사업",
    "uncertain": "관내 여부 확인 필요",
    "unknown_area": "지역 미상",
    "out": "다른 지역 사업",
}
_REACHABLE = ("nationwide", "sido", "sigungu")


@dataclass(frozen=True)
class Reach:
    """What a firm located in ``sido`` (and ``district``) can reach, per program.

    ``scope`` maps each program id to nationwide / sido / sigungu (in reach), uncertain (the
    engine cannot settle the area rule: a 시·군·구 program when no 시·군·구 is given, a place only
    named in the text), unknown_area (a local program whose place the data does not state) or
    out (another area's program). ``reasons`` holds the engine's region sentence per program.
    """

    sido: str
    district: str | None
    scope: Mapping[str, str]
    reasons: Mapping[str, str]

    @property
    def place(self) -> str:
        return f"{self.sido} {self.district}" if self.district else self.sido

    def ids(self, *scopes: str) -> tuple[str, ...]:
        """Program ids in any of ``scopes`` (default: the three in-reach scopes)."""
        wanted = set(scopes or _REACHABLE)
        return tuple(pid for pid, s in self.scope.items() if s in wanted)

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(REACH_SCOPES, 0)
        for s in self.scope.values():
            out[s] += 1
        return out

    def label(self, scope: str) -> str:
        """Korean label of a scope for this place ("경북 사업", "김천시 사업")."""
        if scope == "sido":
            return f"{self.sido} 사업"
        if scope == "sigungu" and self.district:
            return f"{self.district} 사업"
        return REACH_LABELS[scope]


def reach(programs: Sequence[Program], sido: str, district: str | None = None) -> Reach:
    """Which programs a firm in ``sido`` (short name or any spelling) and optional ``district``
    may use, by the eligibility engine's area rule. Raises
    :class:`~loaders.errors.ProfileError` for an unknown 시·도 or a 시·군·구 outside it.

    >>> from loaders.catalogue import load_embedded
    >>> r = reach(load_embedded().programs, "경북", "김천시")
    >>> r.counts()["nationwide"] > 0, r.place
    (True, '경북 김천시')
    """
    profile = profile_from_dict({"region": sido, "district": district})
    verdicts = evaluate_all(programs, profile)
    scope: dict[str, str] = {}
    reasons: dict[str, str] = {}
    for p in programs:
        v = verdicts[p.program_id]
        reasons[p.program_id] = v.reason_for("region")
        if "region" not in v.kinds:
            scope[p.program_id] = "nationwide"
        elif "region" in v.failed:
            scope[p.program_id] = "out"
        elif "region" in v.uncertain:
            known = p.eligibility.regions or (p.is_local and canonical_sido(p.region))
            scope[p.program_id] = "uncertain" if known else "unknown_area"
        elif p.is_local and local_unit(p) and profile.district:
            scope[p.program_id] = "sigungu"
        else:
            scope[p.program_id] = "sido"
    return Reach(profile.region or sido, profile.district, scope, reasons)
