"""Calls (공고) judged for one firm: K-Startup's structured fields first, the 지원대상 text second.

A call carries tick-box fields set by whoever posted it — 창업기간 (``biz_enyy``: 예비창업자,
1년미만 … 10년미만), 대상연령 (``biz_trgt_age``), 지원지역 (``supt_regin``) and 신청대상
(``aply_trgt``) — and the 지원대상 text (``aply_trgt_ctnt``), read by the same parser and engine
as programs (:func:`graph.eligibility.evaluate`). Both are counted on the call's date, as the
notice counts 업력 and age on the 모집공고일: the API has no separate 공고일, so the reception
start stands for it, and a boundary that falls in the :data:`ANNOUNCEMENT_WINDOW` days before it
(where the real 공고일 may be) gives △ instead of a guess.

* A tick-box field that excludes the firm is a definite × and is quoted ("창업기간 '2년미만'까지
  — 귀사 업력 2년 6개월") — unless the text says otherwise for the same condition (the text
  "만19~39세" beside the 20–39 box): then △ with both quoted, never a wrong ×.
* 지원지역 is where the program runs, not always who may apply: real calls put 대전 on a
  "세종시 소재" call and 충북 on one open to 충청권, so a 지원지역 alone never rules out; a
  location rule in the text does.
* The text narrows further (여성, 지역 소재, 재창업 …) and, where not fully understood, leaves △
  with the phrase quoted (never a silent ○).

Each answer is a :class:`CallVerdict` with one Korean sentence per condition.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from graph.eligibility import evaluate
from graph.profile import FirmProfile, add_years
from loaders.announcements import Announcement
from loaders.model import Program
from loaders.vocab import Status

__all__ = [
    "AGE_BANDS",
    "ANNOUNCEMENT_WINDOW",
    "APPLICANT_TYPES",
    "BUSINESS_AGE_BANDS",
    "PRE_FOUNDER_BAND",
    "CallVerdict",
    "judge_call",
    "judge_calls",
    "sort_calls",
]

# K-Startup's 창업기간 boxes: label -> [low, high) in whole years since founding.
PRE_FOUNDER_BAND = "예비창업자"
BUSINESS_AGE_BANDS: dict[str, tuple[int, int]] = {
    "1년미만": (0, 1),
    "2년미만": (1, 2),
    "3년미만": (2, 3),
    "5년미만": (3, 5),
    "7년미만": (5, 7),
    "10년미만": (7, 10),
}
# 대상연령 boxes: label -> (lowest, highest) age, None = open.
AGE_BANDS: dict[str, tuple[int | None, int | None]] = {
    "만 20세 미만": (None, 19),
    "만 20세 이상 ~ 만 39세 이하": (20, 39),
    "만 40세 이상": (40, None),
}
# 신청대상 boxes, and which of them a firm or a would-be founder (a person) can apply as.
APPLICANT_TYPES: tuple[str, ...] = (
    "청소년",
    "대학생",
    "일반인",
    "대학",
    "연구기관",
    "일반기업",
    "1인 창조기업",
)
_FIRM_TYPES = frozenset({"일반기업", "1인 창조기업"})
_INSTITUTION_TYPES = frozenset({"대학", "연구기관"})
# The 공고일 is the reception start or up to this many days before it.
ANNOUNCEMENT_WINDOW = 30

_OK, _FAIL, _UNKNOWN = 0, 1, 2


@dataclass(frozen=True)
class CallVerdict:
    """The answer for one call and one firm.

    ``reasons`` are Korean sentences in a stable order, ``kinds`` the condition of each
    ("years", "age", "region", "applicant", "founder", flags, "target", "role", "exclusion").
    ``failed`` and ``uncertain`` list the kinds that rule the call out or leave it open.
    ``counted_on`` is the date 업력 and age were counted on (the reception start).
    """

    pbanc_sn: str
    status: Status
    reasons: tuple[str, ...]
    kinds: tuple[str, ...]
    failed: tuple[str, ...]
    uncertain: tuple[str, ...]
    counted_on: date | None

    def to_dict(self) -> dict[str, Any]:
        """Plain dict (lists instead of tuples, ISO date)."""
        return {
            "pbanc_sn": self.pbanc_sn,
            "status": self.status,
            "reasons": list(self.reasons),
            "kinds": list(self.kinds),
            "failed": list(self.failed),
            "uncertain": list(self.uncertain),
            "counted_on": self.counted_on.isoformat() if self.counted_on else None,
        }


@dataclass
class _Lines:
    reasons: list[str]
    kinds: list[str]
    outcomes: list[int]

    def add(self, outcome: int, kind: str, reason: str) -> None:
        self.outcomes.append(outcome)
        self.kinds.append(kind)
        self.reasons.append(reason)


# --------------------------------------------------------------------------- helpers


def _band_of(profile: FirmProfile, day: date) -> str | None:
    """The 창업기간 box of a founded firm on ``day`` (None beyond 10 years or not founded yet)."""
    founded = profile.founded
    if founded is None or founded > day:
        return None
    years = day.year - founded.year
    if add_years(founded, years) > day:
        years -= 1
    for label, (low, high) in BUSINESS_AGE_BANDS.items():
        if low <= years < high:
            return label
    return None


def _band_phrase(ticked: Iterable[str]) -> str:
    """ "'3년미만'까지(예비창업자 포함)", "'5년미만', '7년미만'", … for reasons."""
    chosen = [b for b in BUSINESS_AGE_BANDS if b in ticked]
    labels = list(BUSINESS_AGE_BANDS)
    pre = PRE_FOUNDER_BAND in ticked
    if chosen and chosen == labels[: len(chosen)]:
        text = f"'{chosen[-1]}'까지"
    elif chosen:
        text = ", ".join(f"'{b}'" for b in chosen)
    else:
        return "'예비창업자'만"
    return f"{text}{'(예비창업자 포함)' if pre else ''}"


def _age_text(profile: FirmProfile, day: date) -> str:
    return replace(profile, as_of=day).business_age_text() if profile.founded else "업력 미상"


def _possible_ages(profile: FirmProfile, day: date) -> tuple[int, int] | None:
    """Lowest and highest age the CEO can have on ``day`` (the birthday is not asked for)."""
    age = profile.ceo_age
    if age is None:
        return None
    if day == profile.as_of:
        return age, age
    if day > profile.as_of:
        years = (day - profile.as_of).days / 365.25
        return age + int(years), age + int(years) + (0 if years == int(years) else 1)
    years = (profile.as_of - day).days / 365.25
    return max(age - int(years) - (0 if years == int(years) else 1), 0), age - int(years)


def _fits(age: int, band: tuple[int | None, int | None]) -> bool:
    low, high = band
    return (low is None or age >= low) and (high is None or age <= high)


# --------------------------------------------------------------------------- structured fields


def _years_check(call: Announcement, p: FirmProfile, day: date) -> tuple[int, str, str] | None:
    ticked = set(call.business_ages)
    known = ticked & {PRE_FOUNDER_BAND, *BUSINESS_AGE_BANDS}
    if not known or known == {PRE_FOUNDER_BAND, *BUSINESS_AGE_BANDS}:
        return None
    phrase = _band_phrase(known)
    if p.pre_founding:
        if PRE_FOUNDER_BAND in known:
            return _OK, "founder", f"예비창업자 — 창업기간 {phrase} 해당"
        return _FAIL, "founder", f"창업기간 {phrase} — 예비창업자는 해당 없음 (사업자 등록 후 신청)"
    if p.founded is None:
        if known == set(BUSINESS_AGE_BANDS):
            return _OK, "founder", f"창업기간 {phrase} — 창업기업 대상"
        return _UNKNOWN, "years", f"창업기간 {phrase} — 설립일 미입력, 확인 필요"
    if p.founded > day:
        return (
            _UNKNOWN,
            "years",
            f"창업기간 {phrase} — 귀사 설립일({p.founded.isoformat()})이 접수 시작일"
            f"({day.isoformat()}) 뒤라 공고일 기준 창업 여부 확인 필요",
        )
    early = day - timedelta(days=ANNOUNCEMENT_WINDOW)
    now_band, early_band = _band_of(p, day), _band_of(p, early)
    if early < p.founded:
        early_band = PRE_FOUNDER_BAND
    age = _age_text(p, day)
    when = f"({day.isoformat()} 기준)"
    inside = now_band in known
    if inside and (early_band in known or early_band == now_band):
        return _OK, "years", f"{age} {when} — 창업기간 {phrase} 해당"
    if now_band is None and "10년미만" in known and known >= set(BUSINESS_AGE_BANDS):
        # Every box up to 10년미만 ticked: may mean "no limit" as well as "under 10 years".
        return (
            _UNKNOWN,
            "years",
            f"창업기간 {phrase} — 귀사 {age} {when}: 10년 이상 기업의 신청 가능 여부는 공고문 확인",
        )
    if not inside and early_band not in known:
        return _FAIL, "years", f"창업기간 {phrase} — 귀사 {age} {when}"
    return (
        _UNKNOWN,
        "years",
        f"창업기간 {phrase} — 귀사 {age} {when}: 공고일(접수 시작일 전 {ANNOUNCEMENT_WINDOW}일 "
        "안)에 따라 달라짐, 공고문의 공고일 확인",
    )


def _age_check(call: Announcement, p: FirmProfile, day: date) -> tuple[int, str, str] | None:
    ticked = [b for b in AGE_BANDS if b in call.ages]
    if not ticked or len(ticked) == len(AGE_BANDS):
        return None
    phrase = ", ".join(f"'{b}'" for b in ticked)
    ages = _possible_ages(p, day)
    if ages is None:
        return _UNKNOWN, "age", f"대상연령 {phrase} — 대표자 나이 미입력, 확인 필요"
    low, high = ages
    fits = [_fits(a, AGE_BANDS[b]) for a in (low, high) for b in ticked]
    shown = f"만 {low}세" if low == high else f"만 {low}~{high}세"
    if all(any(_fits(a, AGE_BANDS[b]) for b in ticked) for a in (low, high)):
        return _OK, "age", f"대표자 {shown} ({day.isoformat()} 기준) — 대상연령 {phrase} 해당"
    if not any(fits):
        return _FAIL, "age", f"대상연령 {phrase} — 대표자 {shown} ({day.isoformat()} 기준)"
    return (
        _UNKNOWN,
        "age",
        f"대상연령 {phrase} — 대표자 {shown} ({day.isoformat()} 기준, 생일에 따라 다름) 확인 필요",
    )


def _region_check(call: Announcement, p: FirmProfile) -> tuple[int, str, str] | None:
    regions = call.regions
    if not regions:
        return None
    need = "·".join(regions)
    if p.region is None:
        return _UNKNOWN, "region", f"지원지역 {need} — 귀사 소재지 미입력, 확인 필요"
    if p.region in regions:
        return _OK, "region", f"지원지역 {need} — 귀사 {p.region}"
    return (
        _UNKNOWN,
        "region",
        f"지원지역 {need} — 귀사 {p.region}: 다른 지역 기업의 신청 가능 여부는 공고문 확인",
    )


def _applicant_check(call: Announcement, p: FirmProfile) -> tuple[int, str, str] | None:
    ticked = [t for t in APPLICANT_TYPES if t in call.applicant_types]
    if not ticked or len(ticked) == len(APPLICANT_TYPES):
        return None
    phrase = ", ".join(ticked)
    chosen = set(ticked)
    if chosen <= _INSTITUTION_TYPES:
        return _FAIL, "applicant", f"신청대상 '{phrase}' — 대학·연구기관 대상 공고"
    if p.pre_founding:
        person = {"일반인"} | ({"대학생"} if p.student else set())
        if p.ceo_age is not None and p.ceo_age < 20:
            person.add("청소년")
        if chosen & person:
            return _OK, "applicant", f"신청대상 '{phrase}' — 예비창업자(개인) 포함"
        if (
            chosen <= _FIRM_TYPES | _INSTITUTION_TYPES
            and PRE_FOUNDER_BAND not in call.business_ages
        ):
            return _FAIL, "applicant", f"신청대상 '{phrase}' — 사업자가 없는 예비창업자는 해당 없음"
        return _UNKNOWN, "applicant", f"신청대상 '{phrase}' — 예비창업자 신청 가능 여부 확인 필요"
    if chosen & _FIRM_TYPES:
        return _OK, "applicant", f"신청대상 '{phrase}' — 기업 포함"
    if "대학생" in chosen and p.student:
        return _OK, "applicant", f"신청대상 '{phrase}' — 대학(원)생 대표자 해당"
    if chosen & {"일반인", "대학생"}:
        return _UNKNOWN, "applicant", f"신청대상 '{phrase}' — 기업이 아닌 개인 대상, 확인 필요"
    return _FAIL, "applicant", f"신청대상 '{phrase}' — 기업 대상 공고가 아님"


# --------------------------------------------------------------------------- the text


def _as_program(call: Announcement) -> Program:
    """The call's 지원대상 text as a program record for the engine (no local-area rule: a
    call's place is its text's rule, or its 지원지역 above)."""
    return Program(
        program_id=f"call:{call.pbanc_sn}",
        year=call.announced.year if call.announced else None,
        level="중앙부처",
        ministry="",
        institution=call.organiser,
        region="전국",
        name=call.title,
        support_type=call.support_type,
        target_text=call.target_text,
        eligibility=call.eligibility,
    )


def _profile_on(p: FirmProfile, day: date, age: int | None) -> FirmProfile:
    if p.founded is not None and p.founded > day:
        return replace(p, ceo_age=age)
    return replace(p, as_of=day, ceo_age=age)


def _text_lines(call: Announcement, p: FirmProfile, day: date) -> list[tuple[int, str, str]]:
    """Engine outcomes on the text, on ``day`` (age both ways when the birthday matters)."""
    ages = _possible_ages(p, day)
    low = ages[0] if ages else None
    high = ages[1] if ages else None
    program = _as_program(call)
    first = evaluate(program, _profile_on(p, day, low))
    second = evaluate(program, _profile_on(p, day, high)) if high != low else first
    lines: list[tuple[int, str, str]] = []
    for kind, reason, other in zip(first.kinds, first.reasons, second.reasons, strict=False):
        if kind in first.failed:
            outcome = _FAIL
        elif kind in first.uncertain:
            outcome = _UNKNOWN
        else:
            outcome = _OK
        if kind == "age" and (kind in first.failed) != (kind in second.failed):
            outcome, reason = _UNKNOWN, f"{reason} / {other} (생일에 따라 다름) 확인 필요"
        if kind == "target" and reason.startswith("지원대상 원문 없음"):
            reason = "지원대상 원문 없음 — 공고문 확인 필요"
        lines.append((outcome, kind, reason))
    return lines


# --------------------------------------------------------------------------- combining


def judge_call(call: Announcement, profile: FirmProfile) -> CallVerdict:
    """The verdict for one call (see the module docstring for the rules).

    >>> from datetime import date
    >>> call = Announcement("1", "공고", business_ages=("예비창업자", "1년미만", "2년미만"),
    ...                     start=date(2026, 8, 20), target_text="")
    >>> firm = FirmProfile(founded=date(2024, 2, 1), as_of=date(2026, 9, 1))
    >>> v = judge_call(call, firm)
    >>> v.status, v.reasons[0]
    ('ineligible', "창업기간 '2년미만'까지(예비창업자 포함) — 귀사 업력 2년 6개월 (2026-08-20 기준)")
    """
    day = call.announced or profile.as_of
    lines = _Lines([], [], [])
    if call.is_notice:
        lines.add(_UNKNOWN, "role", "통합공고 자체 — 신청은 개별 사업의 모집 공고로 합니다")
        return _finish(call, lines, day)
    if call.role == "operator":
        lines.add(
            _UNKNOWN,
            "role",
            "운영사·수요기업·참여기관을 찾는 공고 — 창업기업 지원 공고인지 확인 필요",
        )
    structured = [
        check
        for check in (
            _years_check(call, profile, day),
            _age_check(call, profile, day),
            _region_check(call, profile),
            _applicant_check(call, profile),
        )
        if check is not None
    ]
    text = _text_lines(call, profile, day) if call.target_text else []
    text_kinds: dict[str, int] = {}
    for outcome, kind, _ in text:
        text_kinds[kind] = max(text_kinds.get(kind, _OK), outcome)
    for outcome, kind, reason in structured:
        if outcome == _FAIL and text_kinds.get(kind) == _OK:
            # The box and the text disagree: never a wrong × on the box alone.
            outcome = _UNKNOWN
            reason += " — 지원대상 본문은 해당한다고 읽혀 공고문 확인 필요"
        lines.add(outcome, kind, reason)
    if not structured:
        lines.add(_OK, "boxes", "공고 항목(창업기간·대상연령·지원지역·신청대상) 제한 없음")
    for outcome, kind, reason in text:
        lines.add(outcome, kind, reason)
    if call.target_text and not text:
        shown = call.target_text if len(call.target_text) <= 80 else call.target_text[:79] + "…"
        lines.add(_OK, "target", f"지원대상 '{shown}' — 제한 조건 없음")
    if not call.target_text:
        lines.add(_UNKNOWN, "target", "지원대상 원문 없음 — 공고문 확인 필요")
    if call.excluded_text:
        shown = call.excluded_text
        shown = shown if len(shown) <= 100 else shown[:99] + "…"
        lines.add(_OK, "exclusion", f"신청 제외 대상 확인: '{shown}'")
    return _finish(call, lines, day)


def _finish(call: Announcement, lines: _Lines, day: date) -> CallVerdict:
    failed = tuple(
        dict.fromkeys(k for k, o in zip(lines.kinds, lines.outcomes, strict=True) if o == _FAIL)
    )
    uncertain = tuple(
        dict.fromkeys(k for k, o in zip(lines.kinds, lines.outcomes, strict=True) if o == _UNKNOWN)
    )
    status: Status = "ineligible" if failed else "maybe" if uncertain else "eligible"
    return CallVerdict(
        call.pbanc_sn,
        status,
        tuple(lines.reasons),
        tuple(lines.kinds),
        failed,
        uncertain,
        day,
    )


def judge_calls(calls: Iterable[Announcement], profile: FirmProfile) -> dict[str, CallVerdict]:
    """:func:`judge_call` for every call, keyed by ``pbanc_sn`` (input order kept)."""
    return {call.pbanc_sn: judge_call(call, profile) for call in calls}


_STATE_RANK = {"open": 0, "upcoming": 1, "closed": 2, "unknown": 3}


def sort_calls(
    calls: Iterable[Announcement],
    today: date,
    verdicts: Mapping[str, CallVerdict] | None = None,
) -> list[Announcement]:
    """Open calls first by deadline, then upcoming by start, then closed (latest first).

    With ``verdicts``, eligible calls come before maybe and ineligible ones within each group.
    """
    order = {"eligible": 0, "maybe": 1, "ineligible": 2}

    def key(call: Announcement) -> tuple:
        state = call.state(today)
        if state == "open":
            when = (call.end or date.max).toordinal()
        elif state == "upcoming":
            when = (call.start or date.max).toordinal()
        else:
            when = -(call.end or call.start or date.min).toordinal()
        status = order[verdicts[call.pbanc_sn].status] if verdicts else 0
        return (_STATE_RANK[state], status, when, call.pbanc_sn)

    return sorted(calls, key=key)
