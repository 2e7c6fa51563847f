"""Open calls (공고) from K-Startup's getAnnouncementInformation01, joined to notice programs.

A program of the integrated notice is run through one or more calls for applications, each
with its own reception dates. The API marks calls that belong to a notice program with
``intg_pbanc_yn = Y`` and names the program in ``intg_pbanc_biz_nm``; :func:`join_to_programs`
matches that name to the catalogue's program names through :func:`~loaders.textnorm.norm_key`
(spacing, punctuation and year prefixes do not matter), so the finder can show
"모집 중 · 마감 D-3" next to a program. Nothing is matched on the call's own title: generic
titles ("창업보육센터 입주기업 모집") would join the wrong program, and an unmatched call is
reported with the reason instead.

The same field names are used by the API and by ``data/announcements_2026_sample.csv`` (real
2026 calls kept by a public source), so one mapping serves both.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from data import DATA_DIR
from loaders.eligibility_text import parse_target
from loaders.model import Eligibility, Program, Source
from loaders.regions import NATIONWIDE, canonical_sido
from loaders.report import LoadReport, RowIssue, SheetReport
from loaders.rows import clean_url
from loaders.snapshots import KST, SnapshotPage, newest_good, read_item, read_snapshot
from loaders.support_types import normalise_support_type
from loaders.textnorm import clean_cell, norm_key

__all__ = [
    "ANNOUNCEMENT_OPERATION",
    "CLOSED",
    "OPEN",
    "SAMPLE_FILE",
    "UNKNOWN",
    "UPCOMING",
    "Announcement",
    "AnnouncementSet",
    "CallState",
    "JoinResult",
    "announcements_from_pages",
    "call_state",
    "call_status",
    "join_to_programs",
    "load_active_announcements",
    "load_announcements_csv",
    "parse_api_date",
    "program_call_status",
    "today_kst",
]

ANNOUNCEMENT_OPERATION = "getAnnouncementInformation01"
SAMPLE_FILE = DATA_DIR / "announcements_2026_sample.csv"

CallState = Literal["open", "upcoming", "closed", "unknown"]
OPEN, UPCOMING, CLOSED, UNKNOWN = "모집 중", "접수 예정", "마감", "일정 미상"
_STATE_ORDER: dict[str, int] = {"open": 0, "upcoming": 1, "closed": 2, "unknown": 3}


def today_kst() -> date:
    """Today's date in Korea (reception deadlines are Korean dates)."""
    return datetime.now(KST).date()


def parse_api_date(value: object) -> date | None:
    """``20260915`` / ``"20260915"`` / ``"2026-09-15"`` → date; anything else → None."""
    text = re.sub(r"[^0-9]", "", str(value or ""))
    if len(text) != 8:
        return None
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        return None


def call_state(start: date | None, end: date | None, today: date | None = None) -> CallState:
    """Where ``today`` falls relative to the reception period (both ends inclusive).

    A call with a start but no end is open-ended (상시 모집) once it has started; a call with
    no dates at all is ``"unknown"`` rather than a guess.
    """
    today = today or today_kst()
    if start is None and end is None:
        return "unknown"
    if start is not None and today < start:
        return "upcoming"
    if end is not None and today > end:
        return "closed"
    return "open"


def call_status(start: date | None, end: date | None, today: date | None = None) -> str:
    """The label the finder shows: "모집 중 · 마감 D-n", "마감", "접수 예정" or "일정 미상".

    D-n counts calendar days to the last reception day; on that day it reads "마감 D-day".
    Open-ended calls read "모집 중 (상시)".

    >>> call_status(date(2026, 9, 1), date(2026, 9, 30), today=date(2026, 9, 27))
    '모집 중 · 마감 D-3'
    """
    today = today or today_kst()
    state = call_state(start, end, today)
    if state == "upcoming":
        return UPCOMING
    if state == "closed":
        return CLOSED
    if state == "unknown":
        return UNKNOWN
    if end is None:
        return f"{OPEN} (상시)"
    days = (end - today).days
    return f"{OPEN} · 마감 {'D-day' if days == 0 else f'D-{days}'}"


@dataclass(frozen=True, slots=True)
class Announcement:
    """One call for applications (공고) of K-Startup, in the API's vocabulary.

    ``program_name`` is ``intg_pbanc_biz_nm`` (the notice program the call belongs to, when
    the source says); ``integrated`` is ``intg_pbanc_yn`` as True/False, or None when the
    source left it blank. ``region`` is a short 시·도 name or "전국" when recognised, else the
    source's text. ``eligibility`` comes from the same parser as programs' 지원대상.
    """

    pbanc_sn: str
    title: str
    program_name: str = ""
    integrated: bool | None = None
    support_type: str = ""
    raw_support_type: str = ""
    target_text: str = ""
    applicant_types: tuple[str, ...] = ()
    region: str = ""
    business_ages: tuple[str, ...] = ()
    ages: tuple[str, ...] = ()
    start: date | None = None
    end: date | None = None
    organiser: str = ""
    supervisor: str = ""
    recruiting: bool | None = None
    url: str = ""
    eligibility: Eligibility = field(default_factory=Eligibility)
    source: Source = field(default_factory=Source)

    def state(self, today: date | None = None) -> CallState:
        """See :func:`call_state`."""
        return call_state(self.start, self.end, today)

    def status(self, today: date | None = None) -> str:
        """See :func:`call_status`."""
        return call_status(self.start, self.end, today)

    @property
    def period(self) -> str:
        """ "2026-09-15 ~ 2026-10-06" (blank ends shown as "?")."""
        if self.start is None and self.end is None:
            return ""
        a = self.start.isoformat() if self.start else "?"
        b = self.end.isoformat() if self.end else "?"
        return f"{a} ~ {b}"


def _split_list(value: object) -> tuple[str, ...]:
    return tuple(p for p in (clean_cell(x) for x in str(value or "").split(",")) if p)


def _yn(value: object) -> bool | None:
    text = str(value or "").strip().upper()
    return True if text == "Y" else False if text == "N" else None


def announcement_from_item(
    item: Mapping[str, Any], source: Source, issues: list[tuple[str, str, str]] | None = None
) -> Announcement:
    """Map one API item (or sample CSV row) onto :class:`Announcement`.

    Raises ``ValueError`` with a reason when the item has no title. ``issues`` collects
    ``(column, value, reason)`` warnings for the load report (bad dates, unknown labels).
    """
    issues = issues if issues is not None else []
    title = clean_cell(item.get("biz_pbanc_nm"))
    if not title:
        raise ValueError("공고명(biz_pbanc_nm)이 비어 있습니다")
    # Kept verbatim: NFKC (clean_cell) would turn the API's "ㆍ" (U+318D) into a jamo.
    raw_type = " ".join(str(item.get("supt_biz_clsfc") or "").replace("&amp;", "&").split())
    support_type, known = normalise_support_type(raw_type)
    if raw_type and not known:
        issues.append(
            ("supt_biz_clsfc", raw_type, "알 수 없는 지원유형 — 원래 값을 그대로 두었습니다")
        )
    dates: dict[str, date | None] = {}
    for key in ("pbanc_rcpt_bgng_dt", "pbanc_rcpt_end_dt"):
        raw = clean_cell(item.get(key))
        dates[key] = parse_api_date(raw)
        if raw and dates[key] is None:
            issues.append((key, raw, "날짜(YYYYMMDD)를 읽을 수 없어 비워 두었습니다"))
    region_text = clean_cell(item.get("supt_regin"))
    region = canonical_sido(region_text) or region_text
    target = clean_cell(item.get("aply_trgt_ctnt"))
    return Announcement(
        pbanc_sn=clean_cell(item.get("pbanc_sn")),
        title=title,
        program_name=clean_cell(item.get("intg_pbanc_biz_nm")),
        integrated=_yn(item.get("intg_pbanc_yn")),
        support_type=support_type,
        raw_support_type=raw_type,
        target_text=target,
        applicant_types=_split_list(item.get("aply_trgt")),
        region=region,
        business_ages=_split_list(item.get("biz_enyy")),
        ages=_split_list(item.get("biz_trgt_age")),
        start=dates["pbanc_rcpt_bgng_dt"],
        end=dates["pbanc_rcpt_end_dt"],
        organiser=clean_cell(item.get("pbanc_ntrp_nm")),
        supervisor=clean_cell(item.get("sprv_inst")),
        recruiting=_yn(item.get("rcrt_prgs_yn")),
        url=clean_url(item.get("detl_pg_url")),
        eligibility=parse_target(target, name=title, summary=""),
        source=source,
    )


def _map_rows(
    rows: Iterable[tuple[int, object]],
    sheet_report: SheetReport,
    report: LoadReport,
    make_source: Any,
    seen: dict[str, str],
) -> list[Announcement]:
    found: list[Announcement] = []
    file, sheet = sheet_report.file, sheet_report.sheet
    for row, raw in rows:
        item = read_item(raw, sheet_report, report, row)
        if item is None:
            continue
        warnings: list[tuple[str, str, str]] = []
        try:
            ann = announcement_from_item(item, make_source(row, item), warnings)
        except ValueError as exc:
            sheet_report.rejected += 1
            report.issues.append(
                RowIssue("rejected", file, sheet, row, str(exc), "biz_pbanc_nm", "")
            )
            continue
        key = ann.pbanc_sn or f"{norm_key(ann.title)}|{ann.start}"
        if key in seen:
            sheet_report.skipped += 1
            report.issues.append(
                RowIssue(
                    "skipped",
                    file,
                    sheet,
                    row,
                    f"중복 공고 — {seen[key]}에 이미 있습니다",
                    "pbanc_sn",
                    ann.pbanc_sn,
                )
            )
            continue
        seen[key] = f"{sheet or file} {row}행"
        for column, value, reason in warnings:
            report.issues.append(RowIssue("warning", file, sheet, row, reason, column, value))
        sheet_report.loaded += 1
        found.append(ann)
    return found


def announcements_from_pages(
    pages: Sequence[SnapshotPage], *, file: str = f"K-Startup {ANNOUNCEMENT_OPERATION}"
) -> tuple[list[Announcement], LoadReport]:
    """Announcements from raw API pages; every item loaded, skipped (duplicate) or rejected."""
    report = LoadReport()
    seen: dict[str, str] = {}
    found: list[Announcement] = []
    for page in pages:
        sr = SheetReport(file=file, sheet=f"page {page.page}")

        def make_source(row: int, item: Mapping[str, Any], page: SnapshotPage = page) -> Source:
            return Source(
                file=file,
                sheet=f"page {page.page}",
                row=row,
                url=clean_url(item.get("detl_pg_url")),
                citation="K-Startup OpenAPI getAnnouncementInformation01 (data.go.kr 15125364)",
                fetched_at=page.fetched_at,
            )

        found += _map_rows(enumerate(page.items, start=1), sr, report, make_source, seen)
        report.sheets.append(sr)
    return found, report


def load_announcements_csv(path: str | Path = SAMPLE_FILE) -> tuple[list[Announcement], LoadReport]:
    """Announcements from a CSV with the API's column names (the bundled 2026 sample by default).

    The ``source`` column, when present, becomes each call's citation. Row numbers count the
    header as row 1, as a spreadsheet does.
    """
    path = Path(path)
    report = LoadReport()
    sr = SheetReport(file=path.name, sheet="")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    report.encodings[path.name] = "utf-8"

    def make_source(row: int, item: Mapping[str, Any]) -> Source:
        return Source(
            file=path.name,
            row=row,
            url=clean_url(item.get("detl_pg_url")),
            citation=item.get("source") or "",
        )

    found = _map_rows(enumerate(rows, start=2), sr, report, make_source, {})
    report.sheets.append(sr)
    return found, report


@dataclass(frozen=True)
class AnnouncementSet:
    """Announcements plus their load report and a sentence saying which data they are."""

    announcements: tuple[Announcement, ...]
    report: LoadReport
    origin: str  # "snapshot" or "sample"
    label: str

    def __len__(self) -> int:
        return len(self.announcements)


def load_active_announcements(root: Path | None = None) -> AnnouncementSet:
    """The newest good announcement snapshot, else the bundled real 2026 sample.

    The label says which, and how old a snapshot is, so the finder never shows dates without
    saying where they came from.
    """
    problems: list[str] = []
    info = newest_good(ANNOUNCEMENT_OPERATION, root, problems=problems)
    if info is not None:
        try:
            info, pages, _ = read_snapshot(info.path)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            problems.append(f"스냅샷 {info.path.name}을(를) 읽을 수 없음 ({type(exc).__name__})")
        else:
            found, report = announcements_from_pages(pages)
            report.notes.extend(problems)
            label = f"K-Startup 공고 데이터 ({info.describe()}, {len(found)}건)"
            return AnnouncementSet(tuple(found), report, "snapshot", label)
    found, report = load_announcements_csv(SAMPLE_FILE)
    report.notes.extend(problems)
    label = f"내장 공고 표본 ({SAMPLE_FILE.name}, 2026년 실제 공고 {len(found)}건 — 최신 공고는 K-Startup에서 새로고침)"
    return AnnouncementSet(tuple(found), report, "sample", label)


# --------------------------------------------------------------------------- join


@dataclass(frozen=True)
class JoinResult:
    """Announcements matched to programs, and the rest with the reason they were not.

    ``by_program`` maps program_id to its calls (soonest deadline first); ``matched`` lists
    ``(announcement, program_id, method)``; ``unmatched`` lists ``(announcement, reason)``.
    """

    by_program: dict[str, tuple[Announcement, ...]]
    matched: tuple[tuple[Announcement, str, str], ...]
    unmatched: tuple[tuple[Announcement, str], ...]

    def status_of(self, program_id: str, today: date | None = None) -> str:
        """The program's call label (see :func:`program_call_status`), "" if it has no call."""
        return program_call_status(self.by_program.get(program_id, ()), today)


def _narrow(candidates: list[Program], ann: Announcement) -> list[Program]:
    """Pick among same-named programs by year, then by region (a 시·도 call → that 시·도)."""
    when = ann.start or ann.end
    year = when.year if when is not None else None
    if year is not None:
        same_year = [p for p in candidates if p.year == year]
        if same_year:
            candidates = same_year
    if len(candidates) > 1 and ann.region:
        if ann.region == NATIONWIDE:
            pool = [p for p in candidates if not p.is_local]
        else:
            pool = [p for p in candidates if p.region == ann.region]
        if pool:
            candidates = pool
    return candidates


def join_to_programs(
    announcements: Iterable[Announcement], programs: Iterable[Program]
) -> JoinResult:
    """Join calls to programs by the integrated-notice program name.

    Names meet through :func:`norm_key` ("2026년 예비창업패키지" = "예비 창업패키지"); when
    that finds nothing, short bracketed qualifiers are dropped too ("(창업 트랙)"). Several
    programs with the same name (two local governments' "창업보육센터 운영 지원") are narrowed
    by the call's year and region; if that still leaves more than one, the call stays
    unmatched and the reason names the candidates rather than guessing.
    """
    exact: dict[str, list[Program]] = {}
    loose: dict[str, list[Program]] = {}
    for p in programs:
        exact.setdefault(norm_key(p.name), []).append(p)
        loose.setdefault(norm_key(p.name, drop_brackets=True), []).append(p)
    by_program: dict[str, list[Announcement]] = {}
    matched: list[tuple[Announcement, str, str]] = []
    unmatched: list[tuple[Announcement, str]] = []
    for ann in announcements:
        if not ann.program_name:
            reason = (
                "통합공고 사업명(intg_pbanc_biz_nm)이 비어 있습니다"
                if ann.integrated is not False
                else "통합공고 사업이 아닌 공고입니다 (intg_pbanc_yn=N)"
            )
            unmatched.append((ann, reason))
            continue
        method = "사업명"
        candidates = exact.get(norm_key(ann.program_name), [])
        if not candidates:
            method = "사업명(괄호 제외)"
            candidates = loose.get(norm_key(ann.program_name, drop_brackets=True), [])
        if not candidates:
            unmatched.append((ann, f"통합공고 사업 '{ann.program_name}'이(가) 목록에 없습니다"))
            continue
        candidates = _narrow(candidates, ann)
        if len(candidates) > 1:
            names = ", ".join(
                f"{p.name}({p.region or p.institution or p.program_id})" for p in candidates[:4]
            )
            unmatched.append((ann, f"같은 이름의 사업이 여럿이라 고르지 않았습니다: {names}"))
            continue
        program = candidates[0]
        by_program.setdefault(program.program_id, []).append(ann)
        matched.append((ann, program.program_id, method))
    ordered = {
        pid: tuple(sorted(calls, key=lambda a: (a.end or date.max, a.pbanc_sn)))
        for pid, calls in by_program.items()
    }
    return JoinResult(ordered, tuple(matched), tuple(unmatched))


def program_call_status(announcements: Iterable[Announcement], today: date | None = None) -> str:
    """One label for a program with several calls: an open call first (soonest deadline),
    else the next upcoming one, else "마감"; "" when the program has no call at all."""
    today = today or today_kst()
    calls = list(announcements)
    if not calls:
        return ""

    def rank(a: Announcement) -> tuple[int, date]:
        # Every closed call reads "마감", so only open/upcoming calls need a date order.
        return _STATE_ORDER[a.state(today)], a.end or a.start or date.max

    best = min(calls, key=rank)
    return best.status(today)
