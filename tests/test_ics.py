"""The .ics export of call deadlines: a valid calendar, nothing from a title escapes its field."""

from __future__ import annotations

from datetime import UTC, date, datetime

from icalendar import Calendar

from graph.calls import judge_calls
from graph.ics import calls_to_ics, clean_text
from graph.profile import FirmProfile
from loaders.announcements import Announcement

STAMP = datetime(2026, 9, 1, tzinfo=UTC)


def call(sn: str, title: str, *, end: date | None = date(2026, 9, 10), url: str = "", org=""):
    """SYNTHETIC TEST DATA: a call with a deadline."""
    return Announcement(sn, title, start=date(2026, 9, 1), end=end, url=url, organiser=org)


def test_one_all_day_event_per_deadline_with_the_verdict():
    calls = [
        call("1", "2026년 예비창업패키지 모집", url="https://www.k-startup.go.kr/x?a=1&b=2"),
        call("2", "마감일 없는 상시 모집", end=None),
    ]
    verdicts = judge_calls(calls, FirmProfile(pre_founding=True, as_of=date(2026, 9, 1)))
    data = calls_to_ics(calls, verdicts, stamp=STAMP, source="내장 공고")
    cal = Calendar.from_ical(data)
    events = cal.walk("VEVENT")
    assert len(events) == 1  # no deadline, no event
    event = events[0]
    assert event.decoded("dtstart") == date(2026, 9, 10)
    assert event.decoded("dtend") == date(2026, 9, 11)
    assert str(event["summary"]) == "[마감] 2026년 예비창업패키지 모집"
    assert str(event["url"]) == "https://www.k-startup.go.kr/x?a=1&b=2"
    assert "판정:" in str(event["description"]) and "출처: 내장 공고" in str(event["description"])
    assert calls_to_ics(calls, verdicts, stamp=STAMP) == calls_to_ics(calls, verdicts, stamp=STAMP)


def test_hostile_text_cannot_add_lines_properties_or_events():
    hostile = call(
        "9\r\nUID:evil",
        "제목\r\nBEGIN:VEVENT\nSUMMARY:가짜;X-ALT,1\x07",
        url="javascript:alert(1)",
        org="기관\nATTENDEE:mailto:x@y",
    )
    data = calls_to_ics([hostile], stamp=STAMP)
    cal = Calendar.from_ical(data)
    assert len(cal.walk("VEVENT")) == 1
    lines = data.decode("utf-8").splitlines()
    assert sum(line == "BEGIN:VEVENT" for line in lines) == 1
    assert not any(line.startswith(("ATTENDEE", "X-ALT", "UID:evil")) for line in lines)
    event = cal.walk("VEVENT")[0]
    assert "url" not in event  # only https links
    assert "\x07" not in str(event["summary"])


def test_clean_text_caps_and_strips():
    assert clean_text("a\x00b\r\nc", 10) == "a b c"
    assert clean_text("가" * 20, 5) == "가가가가…"
