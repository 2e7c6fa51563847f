"""The calls (모집 공고) for a profile: every call judged, open first, with its program — the call
``navigator calls`` and the 모집 공고 page both make, so they list the same calls the same way.

* :func:`load_calls` — the calls to use: the given JSON files, else the active calls (newest
  K-Startup snapshot, else the embedded real calls), with their load report and a label.
* :func:`board` — every call judged for the profile (:func:`graph.calls.judge_calls`: 업력 and
  age counted on each call's own 공고일), joined to the programs, in display order on the day
  (:func:`graph.calls.call_rows`) — a :class:`CallBoard`.
* :func:`view` — the rows a :class:`CallQuery` keeps and how the view splits (:class:`CallView`).

>>> from loaders.announcements import Announcement
>>> from graph.profile import FirmProfile
>>> from datetime import date
>>> call = Announcement("1", "예비창업패키지", start=date(2026, 3, 1), end=date(2026, 3, 20))
>>> b = board([call], FirmProfile(pre_founding=True), [], today=date(2026, 3, 10))
>>> [(r.call.title, r.state, r.when) for r in b.rows]
[('예비창업패키지', 'open', '모집 중 · 마감 D-10')]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from graph.calls import CallRow, CallVerdict, call_rows, filter_call_rows, judge_calls
from graph.profile import FirmProfile
from loaders import announcements
from loaders.announcements import Announcement, AnnouncementSet, JoinResult
from loaders.model import Program
from loaders.vocab import STATUS_FILTER_KEEPS, STATUSES, StatusFilter

__all__ = [
    "CallBoard",
    "CallQuery",
    "CallView",
    "board",
    "load_calls",
    "view",
]


def load_calls(files: Sequence[str | Path] = ()) -> AnnouncementSet:
    """The calls in ``files`` (API items as a JSON list, or a page with ``data``), else the
    active calls: the newest good K-Startup snapshot, else the embedded real calls.

    Every item is loaded or reported in the set's ``report``; its ``label`` says which calls
    these are ("공고 파일 a.json (3건)"). A bad file raises :class:`~loaders.errors.LoadError`.
    """
    if files:
        found, report = announcements.load_call_files(files)
        names = ", ".join(str(f) for f in files)
        return AnnouncementSet(
            tuple(found), report, "file", f"공고 파일 {names} ({len(found):,}건)"
        )
    return announcements.load_active_announcements()


@dataclass(frozen=True)
class CallBoard:
    """Every call judged for a profile on ``today``, in display order (open first by deadline).

    ``rows`` hold each call's state and D-n on the day, the firm's verdict and the program it
    is linked to; ``verdicts`` the same verdicts by ``pbanc_sn`` (for the .ics file).
    """

    rows: tuple[CallRow, ...]
    verdicts: Mapping[str, CallVerdict]
    today: date

    def counts(self) -> dict[str, int]:
        """○/△/× over every call."""
        return {s: sum(r.verdict.status == s for r in self.rows) for s in STATUSES}

    def linked(self) -> int:
        """How many calls are linked to a program of the catalogue."""
        return sum(r.program_id is not None for r in self.rows)

    def to_dicts(self) -> list[dict[str, object]]:
        """One JSON object a call (the keys ``navigator calls --json`` prints)."""
        return [
            {
                "pbanc_sn": r.call.pbanc_sn,
                "title": r.call.title,
                "status": r.verdict.status,
                "reasons": list(r.verdict.reasons),
                "open": r.state == "open",
                "d_day": r.d_day,
                "program_id": r.program_id,
                "link_score": r.link_score,
            }
            for r in self.rows
        ]


def board(
    calls: Sequence[Announcement],
    profile: FirmProfile,
    programs: Iterable[Program],
    *,
    today: date | None = None,
    joined: JoinResult | None = None,
) -> CallBoard:
    """Judge every call for ``profile`` and list it with its program, as of ``today``.

    ``today`` (the day calls are open or closed on) defaults to the profile's 기준일; 업력 and
    age are counted on each call's own date whatever it is. ``joined`` is the calls' join to
    ``programs`` when the caller already has it (made here otherwise).
    """
    programs = list(programs)
    day = today if today is not None else profile.as_of
    if joined is None:
        joined = announcements.join_to_programs(calls, programs)
    verdicts = judge_calls(calls, profile)
    names = {p.program_id: p.name for p in programs}
    return CallBoard(tuple(call_rows(calls, verdicts, joined, names, day)), verdicts, day)


@dataclass(frozen=True)
class CallQuery:
    """The calls view's filters; empty tuples mean "all"."""

    states: tuple[str, ...] = ()
    status: StatusFilter = "all"
    support_types: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    text: str = ""
    linked_only: bool = False


@dataclass(frozen=True)
class CallView:
    """The rows to show and how the view splits: ``counts`` holds ``open``, ``upcoming`` and
    each verdict over the rows every filter but the verdict filter keeps."""

    shown: tuple[CallRow, ...]
    counts: dict[str, int] = field(default_factory=dict)


def view(rows: Iterable[CallRow], query: CallQuery = CallQuery()) -> CallView:
    """The rows ``query`` keeps, in their order, with the counts the page reports."""
    rows = list(rows)

    def kept(statuses: Iterable[str]) -> list[CallRow]:
        return filter_call_rows(
            rows,
            states=query.states,
            statuses=statuses,
            support_types=query.support_types,
            regions=query.regions,
            query=query.text,
            linked_only=query.linked_only,
        )

    shown = kept(() if query.status == "all" else STATUS_FILTER_KEEPS[query.status])
    # Counts follow every filter but the verdict one, so they say how the view splits.
    in_view = kept(())
    counts: dict[str, int] = {
        "open": sum(r.state == "open" for r in in_view),
        "upcoming": sum(r.state == "upcoming" for r in in_view),
        **{s: sum(r.verdict.status == s for r in in_view) for s in STATUSES},
    }
    return CallView(tuple(shown), counts)
