"""Deadlines of calls (공고) as an iCalendar file a founder can import into any calendar.

Built with the ``icalendar`` library (RFC 5545): each call becomes an all-day event on its last
reception day. Call text comes from outside (K-Startup posters, sync snapshots), so everything
written is neutralised first — control characters removed, length capped, only ``https://``
links kept — and the library escapes what RFC 5545 reserves (line breaks, ``,`` and ``;``), so
no title can start a new line, property or event in the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta

from icalendar import Calendar, Event

from graph.calls import CallVerdict
from loaders.announcements import Announcement
from loaders.vocab import STATUS_LABELS, STATUS_MARKS

__all__ = ["PRODID", "calls_to_ics", "clean_text"]

PRODID = "-//startup-support-navigator//창업지원 내비게이터//KO"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2028\u2029]")
_MAX_TEXT = 500


def clean_text(text: str, limit: int = _MAX_TEXT) -> str:
    """Text safe to put in a calendar property: no control characters, capped length.

    Line breaks become spaces in one-line fields (the caller passes ``limit``); RFC 5545
    escaping itself is left to the library.
    """
    text = _CONTROL.sub(" ", text or "")
    text = " ".join(text.replace("\r", " ").replace("\n", " ").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _safe_url(url: str) -> str:
    url = (url or "").strip()
    if not url.startswith("https://") or any(ch.isspace() or ord(ch) < 32 for ch in url):
        return ""
    return url


def calls_to_ics(
    calls: Iterable[Announcement],
    verdicts: Mapping[str, CallVerdict] | None = None,
    *,
    stamp: datetime | None = None,
    source: str = "",
) -> bytes:
    """An .ics file with one all-day event per call that has a last reception day.

    ``verdicts`` adds the firm's answer and its first reasons to each description; ``stamp``
    is the file's DTSTAMP (pass a fixed value for reproducible files); ``source`` names where
    the calls came from. Calls without an end date are left out (nothing to put in a calendar).
    """
    stamp = stamp or datetime.now(UTC)
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "창업지원 공고 마감일")
    for call in calls:
        if call.end is None:
            continue
        event = Event()
        uid_key = re.sub(r"[^0-9A-Za-z-]", "", call.pbanc_sn) or "unknown"
        event.add("uid", f"kstartup-{uid_key}-deadline@startup-support-navigator")
        event.add("dtstamp", stamp)
        event.add("dtstart", call.end)
        event.add("dtend", call.end + timedelta(days=1))
        event.add("summary", f"[마감] {clean_text(call.title, 200)}")
        lines = []
        if call.period:
            lines.append(f"접수 기간: {call.period}")
        if call.organiser:
            lines.append(f"공고기관: {clean_text(call.organiser, 120)}")
        verdict = verdicts.get(call.pbanc_sn) if verdicts else None
        if verdict is not None:
            mark = f"{STATUS_MARKS[verdict.status]} {STATUS_LABELS[verdict.status]}"
            lines.append(f"판정: {mark}")
            lines += [f"- {clean_text(r, 200)}" for r in verdict.reasons[:4]]
        url = _safe_url(call.url)
        if url:
            lines.append(f"공고: {url}")
            event.add("url", url)
        if source:
            lines.append(f"출처: {clean_text(source, 200)}")
        event.add("description", "\n".join(lines))
        event.add("categories", ["창업지원 공고"])
        cal.add_component(event)
    return cal.to_ical()
