"""Open calls (공고) from K-Startup's getAnnouncementInformation01, joined to notice programs.

A program of the integrated notice is run through one or more calls for applications, each
with its own reception dates. The API marks calls that belong to a notice program with
``intg_pbanc_yn = Y`` and names the program in ``intg_pbanc_biz_nm``; :func:`join_to_programs`
matches that name to the catalogue's program names through :func:`~loaders.textnorm.norm_key`
(spacing, punctuation and year prefixes do not matter), so the finder can show
"모집 중 · 마감 D-3" next to a program. Nothing is matched on the call's own title: generic
titles ("창업보육센터 입주기업 모집") would join the wrong program, and an unmatched call is
reported with the reason instead.

The same field names are used by the API, by saved API pages and by the embedded real calls
(``data/calls_2026_sep.json``, ``data/calls_2026_h1.json``: 1,327 K-Startup calls as a public
project fetched them on 2026-09-16), so one mapping serves all. Those copies drop
``intg_pbanc_biz_nm``; their calls are linked by title, place and aliases instead
(:mod:`loaders.call_links`), each link with a score and a reason, and most link to no program.
"""

from __future__ import annotations

import copy
import csv
import html
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from data import EMBEDDED_CALL_FILES
from loaders.call_links import CallLink, cached_linker
from loaders.eligibility_text import parse_target
from loaders.errors import LoadError
from loaders.model import Eligibility, Program, Source
from loaders.regions import NATIONWIDE, canonical_sido, find_sido_mentions
from loaders.report import LoadReport, RowIssue, SheetReport
from loaders.rows import clean_url
from loaders.snapshots import KST, SnapshotPage, newest_good, read_item, read_snapshot
from loaders.support_types import normalise_support_type
from loaders.textnorm import clean_cell, norm_key
from loaders.vocab import CALL_STATE_LABELS, CALL_STATES, CallState

__all__ = [
    "ANNOUNCEMENT_OPERATION",
    "CLOSED",
    "OPEN",
    "UNKNOWN",
    "UPCOMING",
    "Announcement",
    "AnnouncementSet",
    "CallRole",
    "CallState",
    "JoinResult",
    "announcements_from_pages",
    "call_state",
    "call_status",
    "d_day",
    "items_from_json",
    "join_to_programs",
    "load_active_announcements",
    "load_announcements_csv",
    "load_call_files",
    "load_embedded_announcements",
    "parse_api_date",
    "program_call_status",
    "today_kst",
]

ANNOUNCEMENT_OPERATION = "getAnnouncementInformation01"
CallRole = Literal["recruit", "activity", "operator", "notice"]
# What a call asks for, from words in its title (data, not a guess per call): a call for
# operators, partners or demand-side firms, or an event or class held inside a program, is not
# a call for the program's own beneficiaries, so it never decides the program's verdict.
_OPERATOR_WORDS = re.compile(
    r"운영사(?!업)|운영기관|주관기관|수요기업|참여기관|파트너사|파트너\s*모집|전문기관|멘토단|"
    r"멘토\s*모집|심사위원|위탁|교육운영"
)
_ACTIVITY_WORDS = re.compile(
    r"설명회|네트워킹|세미나|특강|포럼|데모\s*데이|demo\s*day|밋업|meet\s*up|\bIR\b|매칭\s*데이|"
    r"상담회|토크|콘서트|허브아워|박람회|페스타|페스티벌|교류회|간담회|경진대회|캠프|교육\s*안내|"
    r"장비\s*교육|[가-힣A-Za-z]\s*데이\b",
    re.IGNORECASE,
)
_NOTICE_ITSELF = re.compile(r"창업지원사업\s*통합\s*공고")
# HTML that some calls carry in their 지원대상 text (<span style=…>); only real tag names, so
# "<SE 컨설턴트 멘토링>" in a title stays text.
_HTML_TAG = re.compile(
    r"</?(?:span|div|p|br|b|strong|font|table|tbody|tr|td|th|ul|ol|li|em|i|u|a|img|h[1-6])\b[^>]*>",
    re.IGNORECASE,
)
_FETCHED_AT = re.compile(r"fetchedAt\s+([0-9T:\-]+Z?)")

OPEN, UPCOMING, CLOSED, UNKNOWN = (CALL_STATE_LABELS[s] for s in CALL_STATES)
_STATE_ORDER: dict[str, int] = {s: k for k, s in enumerate(CALL_STATES)}


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


def d_day(end: date | None, today: date | None = None) -> int | None:
    """Days from ``today`` to the last reception day (0 on the day, negative once closed)."""
    if end is None:
        return None
    return (end - (today or today_kst())).days


@dataclass(frozen=True, slots=True)
class Announcement:
    """One call for applications (공고) of K-Startup, in the API's vocabulary.

    ``program_name`` is ``intg_pbanc_biz_nm`` (the notice program the call belongs to, when
    the source says); ``integrated`` is ``intg_pbanc_yn`` as True/False, or None when the
    source left it blank. ``region`` is a short 시·도 name or "전국" when recognised, else the
    source's text ("전남광주" names two 시·도; :attr:`regions` lists them). ``eligibility``
    comes from the same parser as programs' 지원대상 (``target_text``, HTML tags removed);
    ``excluded_text`` is 신청 제외대상 (``aply_excl_trgt_ctnt``).
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
    excluded_text: str = ""

    @property
    def regions(self) -> tuple[str, ...]:
        """Short 시·도 names of ``supt_regin`` (() for 전국 or unknown): "전남광주" → 전남, 광주."""
        if not self.region or self.region == NATIONWIDE:
            return ()
        return tuple(find_sido_mentions(self.region))

    @property
    def is_notice(self) -> bool:
        """True for the 통합공고 itself, which K-Startup lists among the calls."""
        return bool(_NOTICE_ITSELF.search(self.title))

    @property
    def role(self) -> CallRole:
        """What the call asks for, from its title: its program's beneficiaries ("recruit"),
        participants of an event or class ("activity"), operators/partners ("operator"), or
        "notice" for the 통합공고 itself."""
        if self.is_notice:
            return "notice"
        if _OPERATOR_WORDS.search(self.title):
            return "operator"
        if _ACTIVITY_WORDS.search(self.title):
            return "activity"
        return "recruit"

    @property
    def announced(self) -> date | None:
        """The date 업력 and age are counted on: the reception start (the API has no separate
        공고일; the 공고일 is that day or a little earlier), else the end."""
        return self.start or self.end

    def d_day(self, today: date | None = None) -> int | None:
        """See :func:`d_day`."""
        return d_day(self.end, today)

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
    title = clean_cell(html.unescape(str(item.get("biz_pbanc_nm") or "")))
    if not title:
        raise ValueError("공고명(biz_pbanc_nm)이 비어 있습니다")
    # Kept verbatim: NFKC (clean_cell) would turn the API's "ㆍ" (U+318D) into a jamo. The API
    # sends some labels entity-escaped ("기술개발(R&amp;D)").
    raw_type = " ".join(html.unescape(str(item.get("supt_biz_clsfc") or "")).split())
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
    if region_text and not canonical_sido(region_text):
        if find_sido_mentions(region_text):
            issues.append(
                (
                    "supt_regin",
                    region_text,
                    "여러 시·도를 함께 적은 지원지역 — 각 시·도로 읽었습니다",
                )
            )
        else:
            issues.append(("supt_regin", region_text, "알 수 없는 지원지역 — 원래 값을 두었습니다"))
    target = _text(item.get("aply_trgt_ctnt"))
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
        excluded_text=_text(item.get("aply_excl_trgt_ctnt")),
    )


def _text(value: object) -> str:
    """Free text of a call: HTML tags and entities removed, whitespace collapsed."""
    return clean_cell(html.unescape(_HTML_TAG.sub(" ", str(value or ""))))


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


def load_announcements_csv(path: str | Path) -> tuple[list[Announcement], LoadReport]:
    """Announcements from a CSV with the API's column names.

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


def items_from_json(data: object, name: str = "JSON") -> tuple[list[object], str, str]:
    """``(items, citation, fetched_at)`` of a JSON document of API items.

    Accepts a list of items, or a page (an object with a ``data`` list, as the API and
    ``navigator sync`` save it, optionally with ``source``/``fetched_at``). Anything else
    raises :class:`~loaders.errors.LoadError` saying what was found.
    """
    if isinstance(data, list):
        return data, "", ""
    if isinstance(data, dict) and isinstance(data.get("data"), list):
        citation = str(data.get("source") or "")
        found = _FETCHED_AT.search(citation)
        fetched = str(data.get("fetched_at") or (found.group(1) if found else ""))
        return data["data"], citation, fetched
    kind = type(data).__name__
    keys = ", ".join(list(data)[:6]) if isinstance(data, dict) else ""
    raise LoadError(
        f"{name}: 공고 항목 목록(JSON 배열)이나 'data' 목록이 있는 페이지가 아닙니다 "
        f"({kind}{': ' + keys if keys else ''})"
    )


def load_call_files(paths: Iterable[str | Path]) -> tuple[list[Announcement], LoadReport]:
    """Calls from JSON files of API items (see :func:`items_from_json`), every item accounted
    for; a call found twice (same ``pbanc_sn``) is loaded once and the repeat reported."""
    report = LoadReport()
    seen: dict[str, str] = {}
    found: list[Announcement] = []
    for raw_path in paths:
        path = Path(raw_path)
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except OSError as exc:
            raise LoadError(f"{path}: 파일을 열 수 없습니다 ({exc.strerror})") from None
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise LoadError(f"{path.name}: 올바른 JSON이 아닙니다 ({exc})") from None
        items, citation, fetched = items_from_json(data, path.name)
        sr = SheetReport(file=path.name, sheet="")
        report.encodings[path.name] = "utf-8"

        def make_source(
            row: int,
            item: Mapping[str, Any],
            file: str = path.name,
            cite: str = citation,
            when: str = fetched,
        ) -> Source:
            return Source(
                file=file,
                row=row,
                url=clean_url(item.get("detl_pg_url")),
                citation=cite,
                fetched_at=when,
            )

        found += _map_rows(enumerate(items, start=1), sr, report, make_source, seen)
        report.sheets.append(sr)
    return found, report


def load_embedded_announcements() -> tuple[list[Announcement], LoadReport]:
    """The embedded real calls (``data/calls_2026_*.json``), with their source per call.

    Read once per process (the files ship with the package); each caller gets its own list and
    report to change.
    """
    found, report = _embedded_calls()
    return list(found), copy.deepcopy(report)


@lru_cache(maxsize=1)
def _embedded_calls() -> tuple[tuple[Announcement, ...], LoadReport]:
    found, report = load_call_files(EMBEDDED_CALL_FILES)
    return tuple(found), report


@dataclass(frozen=True)
class AnnouncementSet:
    """Announcements plus their load report and a sentence saying which data they are."""

    announcements: tuple[Announcement, ...]
    report: LoadReport
    origin: str  # "snapshot", "embedded" or "file"
    label: str

    def __len__(self) -> int:
        return len(self.announcements)


def load_active_announcements(root: Path | None = None) -> AnnouncementSet:
    """The newest good announcement snapshot, else the embedded real calls.

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
    found, report = load_embedded_announcements()
    report.notes.extend(problems)
    fetched = sorted({a.source.fetched_at[:10] for a in found if a.source.fetched_at})
    when = f", {fetched[-1]} 수집" if fetched else ""
    label = (
        f"내장 공고 (K-Startup 실제 공고 {len(found):,}건{when} — 최신 공고는 K-Startup에서 "
        "새로고침)"
    )
    return AnnouncementSet(tuple(found), report, "embedded", label)


# --------------------------------------------------------------------------- join


@dataclass(frozen=True)
class JoinResult:
    """Announcements matched to programs, and the rest with the reason they were not.

    ``by_program`` maps program_id to its calls (soonest deadline first); ``matched`` lists
    ``(announcement, program_id, method)``; ``unmatched`` lists ``(announcement, reason)``;
    ``links`` holds every call's decision as a :class:`~loaders.call_links.CallLink` (program,
    score 0–100, reason), keyed by ``pbanc_sn``.
    """

    by_program: dict[str, tuple[Announcement, ...]]
    matched: tuple[tuple[Announcement, str, str], ...]
    unmatched: tuple[tuple[Announcement, str], ...]
    links: Mapping[str, CallLink] = field(default_factory=dict)

    def link_of(self, pbanc_sn: str) -> CallLink | None:
        """The decision for one call (None if the call was not in the join)."""
        return self.links.get(pbanc_sn)

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
    """Join calls to programs: by the integrated-notice program name, else by the call's title.

    A call whose number a program's data lists (``Program.call_ids``, each with its source)
    belongs to that program. A call whose ``intg_pbanc_biz_nm`` is given joins by that name: names meet through
    :func:`norm_key` ("2026년 예비창업패키지" = "예비 창업패키지"); when that finds nothing,
    short bracketed qualifiers are dropped too ("(창업 트랙)"). Several programs with the same
    name (two local governments' "창업보육센터 운영 지원") are narrowed by the call's year and
    region; if that still leaves more than one, the call stays unmatched and the reason names
    the candidates rather than guessing. A call that says it belongs to no notice program
    (``intg_pbanc_yn=N``), or names a program the catalogue lacks, is left unlinked. A call
    whose source left both fields blank (the embedded calls) is linked by its title, place and
    aliases (:func:`loaders.call_links.link_call`), and by default to nothing.
    """
    programs = list(programs)
    exact: dict[str, list[Program]] = {}
    loose: dict[str, list[Program]] = {}
    for p in programs:
        exact.setdefault(norm_key(p.name), []).append(p)
        loose.setdefault(norm_key(p.name, drop_brackets=True), []).append(p)
    by_program: dict[str, list[Announcement]] = {}
    matched: list[tuple[Announcement, str, str]] = []
    unmatched: list[tuple[Announcement, str]] = []
    links: dict[str, CallLink] = {}
    linker = None

    def unlinked(ann: Announcement, reason: str, method: str = "없음") -> None:
        unmatched.append((ann, reason))
        links[ann.pbanc_sn] = CallLink(ann.pbanc_sn, None, 0.0, reason, method)

    # A program's own data may name its calls (``Program.call_ids``: K-Startup 공고 numbers read
    # from a cited page); such a call belongs to that program whatever its title says.
    claimed: dict[str, list[Program]] = {}
    for p in programs:
        for sn in p.call_ids:
            claimed.setdefault(sn, []).append(p)

    for ann in announcements:
        owners = claimed.get(ann.pbanc_sn, [])
        if len(owners) == 1:
            program = owners[0]
            by_program.setdefault(program.program_id, []).append(ann)
            matched.append((ann, program.program_id, "공고 번호"))
            links[ann.pbanc_sn] = CallLink(
                ann.pbanc_sn,
                program.program_id,
                100.0,
                f"사업 자료에 이 공고 번호(pbanc_sn {ann.pbanc_sn})가 '{program.name}'의 "
                "모집공고로 출처와 함께 적혀 있음",
                "공고 번호",
                "high",
            )
            continue
        if not ann.program_name:
            if ann.integrated is False:
                unlinked(ann, "통합공고 사업이 아닌 공고입니다 (intg_pbanc_yn=N)")
                continue
            if linker is None:
                linker = cached_linker(programs)
            link = linker(ann)
            links[ann.pbanc_sn] = link
            if link.program_id is None:
                unmatched.append((ann, link.reason))
            else:
                by_program.setdefault(link.program_id, []).append(ann)
                matched.append((ann, link.program_id, link.method))
            continue
        method = "사업명"
        candidates = exact.get(norm_key(ann.program_name), [])
        if not candidates:
            method = "사업명(괄호 제외)"
            candidates = loose.get(norm_key(ann.program_name, drop_brackets=True), [])
        if not candidates:
            unlinked(ann, f"통합공고 사업 '{ann.program_name}'이(가) 목록에 없습니다")
            continue
        candidates = _narrow(candidates, ann)
        if len(candidates) > 1:
            names = ", ".join(
                f"{p.name}({p.region or p.institution or p.program_id})" for p in candidates[:4]
            )
            unlinked(ann, f"같은 이름의 사업이 여럿이라 고르지 않았습니다: {names}", "모호")
            continue
        program = candidates[0]
        by_program.setdefault(program.program_id, []).append(ann)
        matched.append((ann, program.program_id, method))
        links[ann.pbanc_sn] = CallLink(
            ann.pbanc_sn,
            program.program_id,
            100.0,
            f"공고의 통합공고 사업명(intg_pbanc_biz_nm) '{ann.program_name}' = '{program.name}'",
            method,
            "high",
        )
    ordered = {
        pid: tuple(sorted(calls, key=lambda a: (a.end or date.max, a.pbanc_sn)))
        for pid, calls in by_program.items()
    }
    return JoinResult(ordered, tuple(matched), tuple(unmatched), links)


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
