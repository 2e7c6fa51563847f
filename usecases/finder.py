"""Find programs: the 사업 찾기 table filtered and sorted for a profile — the page's one call.

The finder shows every program with its verdict. :func:`find` applies the filters a person sets
(:class:`FinderQuery`: support type, ministry or institution, region, stage, budget range,
verdict, open call, search text) to the catalogue, the profile's verdicts and the open calls,
and returns the rows in the order the page lists them with the counts it reports
(:class:`FinderResult`). Without a search, eligible programs come first, then those with an
open call, then the larger budgets. With a search every match is shown whatever its verdict
— the verdict filter does not hide one (a founder who types 예비창업패키지 must see it, and
why it is ×) — eligible matches first, × last, each group best match first
(:func:`graph.search.rank_by_status`). Without a profile there is no verdict at all
(``verdicts=None``): rows carry none, nothing is counted as ○/△/×, and the page says
"프로필을 입력하면 판정". Plain Python, so the rules are unit-tested without Streamlit and any
front end gets the same table.

>>> from loaders.model import Program
>>> progs = [
...     Program("a", 2026, "중앙부처", "중기부", "중기부", "전국", "작은 사업", "사업화", budget_eok=1.0),
...     Program("b", 2026, "중앙부처", "중기부", "중기부", "전국", "큰 사업", "사업화", budget_eok=9.0),
... ]
>>> [row.program.name for row in find(progs, {}).rows]
['큰 사업', '작은 사업']
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from graph.eligibility import Verdict
from graph.profile import FirmProfile
from graph.search import GUESSES, SearchIndex, rank_by_status, search
from graph.settle import Judge, MaybeSummary, group_maybes
from loaders.model import Program
from loaders.vocab import CALL_STATE_LABELS, STATUS_FILTER_KEEPS, STATUSES, Status, StatusFilter

__all__ = [
    "BUDGET_STOPS",
    "OPEN_CALL",
    "FinderOptions",
    "FinderQuery",
    "FinderResult",
    "FinderRow",
    "StatusFilter",
    "filter_options",
    "find",
    "open_questions",
    "program_table",
]

# The budget slider's stops in 억원; the top one means "no upper limit".
BUDGET_STOPS: tuple[int, ...] = (0, 1, 5, 10, 50, 100, 500, 1000, 5000, 100000)
# Call labels that mean the program is taking applications now ("모집 중 · 마감 D-3").
OPEN_CALL = CALL_STATE_LABELS["open"]
_STATUS_ORDER: dict[str, int] = {s: i for i, s in enumerate(STATUSES)}


@dataclass(frozen=True)
class FinderQuery:
    """The finder's filters; empty tuples mean "all", ``budget`` is (low, high) in 억원."""

    text: str = ""
    types: tuple[str, ...] = ()
    orgs: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()
    budget: tuple[float, float] = (BUDGET_STOPS[0], BUDGET_STOPS[-1])
    status: StatusFilter = "maybe"
    only_open: bool = False
    only: tuple[str, ...] = ()  # program ids (e.g. one group of △ by missing fact)

    @property
    def budget_limited(self) -> bool:
        """True when the budget range is narrower than the whole slider."""
        return tuple(self.budget) != (BUDGET_STOPS[0], BUDGET_STOPS[-1])


@dataclass(frozen=True)
class FinderRow:
    """One program in the table: its verdict (None without a profile), the reasons, its open
    call and search score."""

    program: Program
    status: Status | None
    reasons: tuple[str, ...] = ()
    call: str = ""
    score: float | None = None

    @property
    def open_call(self) -> bool:
        return self.call.startswith(OPEN_CALL)


@dataclass(frozen=True)
class FinderResult:
    """The rows to show, in order, and what the page says about them.

    ``counts`` are ○/△/× of the programs the active filters and the search leave (the verdict
    filter aside, so the three numbers say how the view splits), ``counts_all`` the same over
    the whole catalogue; ``in_view`` those programs (for grouping their △ by the missing fact);
    ``eligible_in_view`` how many ○ programs the filters other than the verdict filter leave
    (so an empty "○ only" view can say why);
    ``budget_unknown`` how many programs state no budget (a budget range leaves them out);
    ``searched`` whether a search ran, ``similar_only`` whether it found only guesses (similar
    names, some of the words), ``aliases`` the other words that found matches (예비창업패키지
    for 예창패) and ``judged`` whether there were verdicts (a profile) at all.
    """

    rows: tuple[FinderRow, ...]
    counts: dict[str, int] = field(default_factory=dict)
    counts_all: dict[str, int] = field(default_factory=dict)
    in_view: tuple[Program, ...] = ()
    eligible_in_view: int = 0
    budget_unknown: int = 0
    searched: bool = False
    hits: int = 0
    similar_only: bool = False
    aliases: tuple[str, ...] = ()
    judged: bool = True


@dataclass(frozen=True)
class FinderOptions:
    """The choices the filters offer for a catalogue (support types, ministries/institutions)."""

    types: tuple[str, ...]
    orgs: tuple[str, ...]


def filter_options(programs: Sequence[Program]) -> FinderOptions:
    """Support types and ministries/institutions present in ``programs``, sorted."""
    types = sorted({p.support_type for p in programs} - {""})
    orgs = sorted({p.ministry for p in programs} | {p.institution for p in programs} - {""})
    return FinderOptions(tuple(types), tuple(o for o in orgs if o))


def _passes(p: Program, row: FinderRow, q: FinderQuery, high: float) -> bool:
    """Every filter but the verdict filter and the search."""
    if q.types and p.support_type not in q.types:
        return False
    if q.orgs and p.ministry not in q.orgs and p.institution not in q.orgs:
        return False
    if q.regions and (p.region or "") not in q.regions:
        return False
    if q.stages and not set(q.stages).intersection(p.stages):
        return False
    if q.budget_limited and (p.budget_eok is None or not q.budget[0] <= p.budget_eok <= high):
        return False
    if q.only and p.program_id not in q.only:
        return False
    return not (q.only_open and not row.open_call)


def _status_kept(status: str | None, wanted: StatusFilter) -> bool:
    # No profile: nothing to filter on.
    return status is None or status in STATUS_FILTER_KEEPS[wanted]


def find(
    programs: Sequence[Program],
    verdicts: Mapping[str, Verdict] | None,
    query: FinderQuery = FinderQuery(),
    *,
    calls: Mapping[str, str] | None = None,
    index: SearchIndex | None = None,
) -> FinderResult:
    """The finder table for ``query``: filtered rows in display order, with the counts.

    ``verdicts`` are the profile's (a program without one counts as △), or None when no
    profile was given (no verdicts, no counts, the verdict filter does nothing); ``calls`` maps
    program ids to their call label; ``index`` is the catalogue's search index (built from
    ``programs`` when a search needs it and none is given).
    """
    calls = calls or {}
    judged = verdicts is not None
    rows: list[FinderRow] = []
    for p in programs:
        v = verdicts.get(p.program_id) if verdicts is not None else None
        status: Status | None = v.status if v is not None else "maybe" if judged else None
        rows.append(
            FinderRow(p, status, v.reasons if v is not None else (), calls.get(p.program_id, ""))
        )
    counts_all = _count(rows) if judged else {}
    high = query.budget[1] if query.budget[1] != BUDGET_STOPS[-1] else math.inf
    kept = [row for row in rows if _passes(row.program, row, query, high)]
    budget_unknown = sum(1 for p in programs if p.budget_eok is None)
    searched = bool(query.text.strip())
    hits = []
    if searched:
        hits = search(index if index is not None else programs, query.text)
        by_id = {r.program.program_id: r for r in kept}
        status_of = {r.program.program_id: r.status or "" for r in kept}
        # Eligible matches first, × last, best match first within each: never dropped.
        kept = [
            FinderRow(r.program, r.status, r.reasons, r.call, h.score)
            for h in rank_by_status([h for h in hits if h.program_id in by_id], status_of)
            for r in (by_id[h.program_id],)
        ]
    # What the filters and the search leave, before the verdict filter: the counts follow it.
    counts = _count(kept) if judged else {}
    in_view = tuple(r.program for r in kept)
    eligible_in_view = counts.get("eligible", 0)

    if not searched:
        # Browsing: the verdict filter applies and the order is ○, △, ×, open calls first, then
        # the larger budgets. A search shows every match, whatever its verdict, in match order.
        kept = [row for row in kept if _status_kept(row.status, query.status)]
        kept.sort(key=_browse_order)
    return FinderResult(
        tuple(kept),
        counts,
        counts_all,
        in_view,
        eligible_in_view,
        budget_unknown,
        searched=searched,
        hits=len(hits),
        similar_only=bool(hits) and all(h.matched in GUESSES for h in hits),
        aliases=tuple(dict.fromkeys(h.via for h in hits if h.via)),
        judged=judged,
    )


def _browse_order(r: FinderRow) -> tuple[int, int, bool, float]:
    budget = r.program.budget_eok
    rank = _STATUS_ORDER[r.status] if r.status is not None else 0
    return (rank, 0 if r.open_call else 1, budget is None, -(budget or 0.0))


def _count(rows: Sequence[FinderRow]) -> dict[str, int]:
    counts: dict[str, int] = {s: 0 for s in STATUSES}
    for row in rows:
        if row.status is not None:
            counts[row.status] += 1
    return counts


def open_questions(
    result: FinderResult,
    verdicts: Mapping[str, Verdict],
    profile: FirmProfile,
    *,
    judge: Judge | None = None,
) -> MaybeSummary:
    """The △ programs of the view grouped by the fact each is missing, and the one profile
    question that settles the most (:func:`graph.settle.group_maybes`). ``judge`` re-judges
    with an answer (default :func:`graph.eligibility.evaluate_all`; pass one that also weighs
    calls when the verdicts did)."""
    if judge is None:
        return group_maybes(result.in_view, verdicts, profile)
    return group_maybes(result.in_view, verdicts, profile, judge=judge)


def program_table(programs: Sequence[Program]) -> pd.DataFrame:
    """One row per program with the finder's display columns (사업명, 운영기관, 소관, 구분, 지역,
    지원유형, 예산(억원), 단계, 분야, 링크) and its ``program_id`` — the table the finder and the
    지원 공백 page show programs in."""
    rows = [
        {
            "program_id": p.program_id,
            "사업명": p.name,
            # Loaders leave institution blank only when no source names who runs the program
            # (a local row's ministry is then just its 시·도), so it is shown as unknown.
            "운영기관": p.institution,
            "소관": p.ministry,
            "구분": p.level,
            "지역": p.region or "",
            "지원유형": p.support_type,
            "예산(억원)": p.budget_eok,
            "단계": ", ".join(p.stages),
            "분야": ", ".join(p.tech_fields),
            "링크": p.url or None,
        }
        for p in programs
    ]
    columns = ["program_id", "사업명", "운영기관", "소관", "구분", "지역", "지원유형"]
    columns += ["예산(억원)", "단계", "분야", "링크"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["예산(억원)"] = frame["예산(억원)"].astype("float64")
    return frame
