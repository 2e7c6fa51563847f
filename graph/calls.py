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

from graph.eligibility import Verdict, evaluate
from graph.profile import FirmProfile, add_years
from loaders.announcements import Announcement, JoinResult
from loaders.call_links import call_year
from loaders.model import Eligibility, Program
from loaders.regions import NATIONWIDE
from loaders.vocab import CALL_STATE_LABELS, Status

__all__ = [
    "AGE_BANDS",
    "ANNOUNCEMENT_WINDOW",
    "APPLICANT_TYPES",
    "BUSINESS_AGE_BANDS",
    "PRE_FOUNDER_BAND",
    "CallRow",
    "CallVerdict",
    "apply_call_evidence",
    "call_rows",
    "evidence_calls",
    "filter_call_rows",
    "judge_call",
    "judge_calls",
    "reference_call",
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
    # The one reason a short view (a phone's card) shows: the first failing line of a ×, the
    # first open line of a △, else the first line. ``reasons`` follow the call's boxes, so the
    # deciding line is not always first, and one kind can hold both an open and a failing line.
    deciding_reason: str = ""

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
    """Lowest and highest age the CEO can have on ``day`` (exact with a birth date; with only
    ``ceo_age`` on ``as_of`` the birthday is unknown, so a year either way is possible)."""
    if profile.birth_date is not None:
        exact = profile.age_on(day)
        return None if exact is None else (exact, exact)
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


def _whole_years(founded: date, day: date) -> int:
    years = day.year - founded.year
    if add_years(founded, years) > day:
        years -= 1
    return years


def _years_check(call: Announcement, p: FirmProfile, day: date) -> tuple[int, str, str] | None:
    """The 창업기간 boxes against the firm on ``day``.

    Posters often tick only the top box they mean ("10년미만" alone on calls whose text says
    "창업 10년 이내"), so a box set is read two ways — the ticked bands, or "up to the top
    ticked band" — and only what both readings agree on is definite: a firm at or beyond the
    top band's end is out; a firm inside a ticked band is in; a firm below or between the
    ticked bands is left to the 공고문.
    """
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
    early = max(day - timedelta(days=ANNOUNCEMENT_WINDOW), p.founded)
    if PRE_FOUNDER_BAND in known and p.founded > day - timedelta(days=ANNOUNCEMENT_WINDOW):
        return (
            _UNKNOWN,
            "years",
            f"창업기간 {phrase} — 귀사 설립일({p.founded.isoformat()})이 공고일 무렵이라 "
            "공고일 기준 예비창업자였는지 공고문 확인",
        )
    age = _age_text(p, day)
    when = f"({day.isoformat()} 기준)"
    top = max((BUSINESS_AGE_BANDS[b][1] for b in known if b in BUSINESS_AGE_BANDS), default=0)
    years, early_years = _whole_years(p.founded, day), _whole_years(p.founded, early)
    bands = {_band_of(p, day), _band_of(p, early)}
    if bands <= known:
        return _OK, "years", f"{age} {when} — 창업기간 {phrase} 해당"
    if early_years >= top:
        if top == 10 and known >= set(BUSINESS_AGE_BANDS):
            # Every box up to 10년미만 ticked: may mean "no limit" as well as "under 10 years".
            return (
                _UNKNOWN,
                "years",
                f"창업기간 {phrase} — 귀사 {age} {when}: 10년 이상 기업의 신청 가능 여부는 "
                "공고문 확인",
            )
        return _FAIL, "years", f"창업기간 {phrase} — 귀사 {age} {when}"
    if years >= top:
        return (
            _UNKNOWN,
            "years",
            f"창업기간 {phrase} — 귀사 {age} {when}: 공고일(접수 시작일 전 {ANNOUNCEMENT_WINDOW}일 "
            "안)에 따라 달라짐, 공고문의 공고일 확인",
        )
    return (
        _UNKNOWN,
        "years",
        f"창업기간 {phrase} — 귀사 {age} {when}: 표시된 구간만인지 그 이하 전체인지 공고문 확인",
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


def _widened(elig: Eligibility, kind: str, p: FirmProfile, day: date) -> str:
    """The text's widening of the 업력 or age band that covers the firm on ``day`` (its
    phrase), else "" — read from the text or any of its tracks."""
    field = {"age": "age_widen", "years": "years_widen"}.get(kind)
    if field is None:
        return ""
    for track in (elig, *elig.alternatives):
        widen = getattr(track, field)
        if widen is None or widen <= 0:
            continue
        if kind == "age":
            ages = _possible_ages(p, day)
            inside = ages is not None and ages[0] <= widen
        else:
            inside = p.founded is not None and day <= add_years(p.founded, widen)
        ev = track.evidence_for(field)
        if inside:
            return ev.phrase if ev else f"{widen}"
    return ""


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


# Identity cache, as in graph.eligibility: a call's program record is built once per Announcement
# object (frozen), so the engine compiles its 지원대상 once and reuses it for every firm judged.
# Built per judgment, each new firm compiled every linked call again and left the new records in
# the engine's own identity cache (about 110 more entries per new profile on a server).
_PROGRAMS: dict[int, tuple[Announcement, Program]] = {}
_PROGRAMS_MAX = 50_000


def _as_program(call: Announcement) -> Program:
    """The call's 지원대상 text as a program record for the engine (no local-area rule: a
    call's place is its text's rule, or its 지원지역 above)."""
    entry = _PROGRAMS.get(id(call))
    if entry is not None and entry[0] is call:
        return entry[1]
    if len(_PROGRAMS) >= _PROGRAMS_MAX:
        _PROGRAMS.clear()
    program = Program(
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
    _PROGRAMS[id(call)] = (call, program)
    return program


def _aged(p: FirmProfile, day: date, age: int | None) -> FirmProfile:
    """The profile whose CEO is ``age`` on ``day`` as :meth:`FirmProfile.age_on` counts it
    (a birth date keeps deciding; ``None`` leaves the profile as it is)."""
    if age is None or p.birth_date is not None or p.ceo_age is None:
        return p
    moved = (p.age_on(day) or p.ceo_age) - p.ceo_age
    return replace(p, ceo_age=age - moved)


def _judge_on(program: Program, p: FirmProfile, day: date, age: int | None) -> Verdict:
    """The engine's verdict with 업력 and 나이 counted on ``day`` (its reference date: the
    text's own 기준일 still comes first) and the CEO aged ``age`` then."""
    return evaluate(program, _aged(p, day, age), reference_date=day)


def _text_lines(call: Announcement, p: FirmProfile, day: date) -> list[tuple[int, str, str]]:
    """Engine outcomes on the text, on ``day`` (age both ways when the birthday matters)."""
    ages = _possible_ages(p, day)
    low = ages[0] if ages else None
    high = ages[1] if ages else None
    program = _as_program(call)
    first = _judge_on(program, p, day, low)
    second = _judge_on(program, p, day, high) if high != low else first
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


def counting_day(call: Announcement, elig: Eligibility | None = None) -> date | None:
    """The day a call counts 업력 and 나이 on: its 공고일, or its closing day when the text
    (``elig``, else the call's own) says so ("공고마감일 기준 법인 설립일로부터 3년 이상")."""
    rules = elig if elig is not None else call.eligibility
    if (rules.count_on_deadline or call.eligibility.count_on_deadline) and call.end is not None:
        return call.end
    return call.announced


def judge_call(call: Announcement, profile: FirmProfile, *, day: date | None = None) -> CallVerdict:
    """The verdict for one call (see the module docstring for the rules), counted on the
    call's own day (:func:`counting_day`) unless ``day`` is given.

    >>> from datetime import date
    >>> call = Announcement("1", "공고", business_ages=("예비창업자", "1년미만", "2년미만"),
    ...                     start=date(2026, 8, 20), target_text="")
    >>> firm = FirmProfile(founded=date(2024, 2, 1), as_of=date(2026, 9, 1))
    >>> v = judge_call(call, firm)
    >>> v.status, v.reasons[0]
    ('ineligible', "창업기간 '2년미만'까지(예비창업자 포함) — 귀사 업력 2년 6개월 (2026-08-20 기준)")
    """
    day = day or counting_day(call) or profile.as_of
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
    # A condition the parser read in a text it did not fully understand may be a misreading
    # ("사업자등록증이 없는" read as 사업자; "군복무기간 1년 미만" read as 업력): it rules the
    # call out only when a box agrees, or when the whole text was understood.
    understood = not any(k == "target" and o == _UNKNOWN for o, k, _ in text)
    boxed = {k for o, k, _ in structured if o == _FAIL}
    if call.regions and profile.region and profile.region not in call.regions:
        boxed.add("region")
    if not understood:
        text = [
            (_UNKNOWN, k, f"{r} (본문 일부만 읽혀 확정하지 않음 — 공고문 확인)")
            if o == _FAIL and k not in boxed
            else (o, k, r)
            for o, k, r in text
        ]
    text_kinds: dict[str, int] = {}
    for outcome, kind, reason in text:
        if outcome == _OK and reason.endswith("에서 추정)"):
            # A reading the parser marks as its own guess ("창업기업 (…7년 이내로 해석)") does
            # not say the text admits the firm, so it never outvotes a box.
            continue
        text_kinds[kind] = max(text_kinds.get(kind, _OK), outcome)
    for outcome, kind, reason in structured:
        if outcome == _FAIL and text_kinds.get(kind) == _OK:
            # The box and the text disagree: never a wrong × on the box alone.
            outcome = _UNKNOWN
            reason += " — 지원대상 본문은 해당한다고 읽혀 공고문 확인 필요"
        elif outcome == _FAIL and (widened := _widened(call.eligibility, kind, profile, day)):
            # The box holds the usual band; the text widens it for some ("군필자의 경우 상한
            # 연령 연장", "신산업 분야는 10년 이내", call 177447): a firm inside may apply.
            outcome = _UNKNOWN
            reason += f" — 단 지원대상 '{widened}' — 해당하면 신청 가능, 확인 필요"
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
    deciding = _FAIL if failed else _UNKNOWN if uncertain else None
    return CallVerdict(
        call.pbanc_sn,
        status,
        tuple(lines.reasons),
        tuple(lines.kinds),
        failed,
        uncertain,
        day,
        next(
            (r for o, r in zip(lines.outcomes, lines.reasons, strict=True) if o == deciding),
            lines.reasons[0] if lines.reasons else "",
        ),
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

    With ``verdicts``, of calls with the same date eligible ones come first.
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
        return (_STATE_RANK[state], when, status, call.pbanc_sn)

    return sorted(calls, key=key)


# --------------------------------------------------------------------------- calls as evidence
# A linked call is evidence for its program: the notice counts 업력 on the 모집공고일, so a
# program whose call is open or about to open is judged on that call's date; and the call's
# own conditions (boxes and 지원대상) can settle what the program's record leaves open.

_INTRINSIC = frozenset({"years", "founder", "age"})
# Words of a course or class held under a program ("예비창업패키지 … 창업아카데미 교육생 모집"):
# unless the program itself is such a course, its calls do not speak for the program.
_SIDE_WORDS: tuple[str, ...] = ("아카데미", "교육생", "교육 ", "스쿨", "특강", "캠프", "세미나")


def evidence_calls(
    program: Program, calls: Iterable[Announcement], joined: JoinResult | None = None
) -> list[Announcement]:
    """The linked calls that speak for ``program``'s own applicants: calls for its
    beneficiaries (not events, classes or operator calls) of the program's notice year,
    linked by the program's name or alias (a call linked only because its 공고기관 is the
    program's facility may be any of the facility's activities)."""
    out = []
    for call in calls:
        if call.role != "recruit":
            continue
        link = joined.link_of(call.pbanc_sn) if joined else None
        if link is not None and link.method == "공고기관":
            continue
        if any(w in call.title and w not in program.name for w in _SIDE_WORDS):
            continue  # a class or course held under the program, not its own recruitment
        years = call_year(call)
        if program.year is not None and years and program.year not in years:
            continue
        out.append(call)
    return out


def reference_call(calls: Iterable[Announcement], today: date) -> Announcement | None:
    """The call a program is judged on: the open one closing soonest, else the next to open.

    A program whose calls are all closed has no such call: its next call's 공고일 is unknown
    (and not before today), so it is judged on the profile's 기준일.
    """
    live = [c for c in calls if c.announced is not None and c.state(today) in ("open", "upcoming")]
    if not live:
        return None
    return min(
        live,
        key=lambda c: (
            c.state(today) != "open",
            (c.end or date.max) if c.state(today) == "open" else (c.start or date.max),
            c.pbanc_sn,
        ),
    )


def _dated_verdict(
    program: Program, profile: FirmProfile, day: date, *, exact: bool = False
) -> Verdict:
    """The program's verdict with 업력 and age counted on ``day`` (a call's 공고일, or its
    closing day when ``exact``: the text names it).

    Evaluated on ``day`` and (unless ``exact``) on the first day of the 공고일 window before
    it, and with the lowest and highest age the CEO can have; a condition whose answer changes
    with them is left open and says so, never guessed.
    """
    ages = _possible_ages(profile, day)
    low = ages[0] if ages else None
    high = ages[1] if ages else None
    early = day - timedelta(days=ANNOUNCEMENT_WINDOW)
    base = _judge_on(program, profile, day, low)
    others = [] if exact else [_judge_on(program, profile, early, low)]
    if high != low:
        others.append(_judge_on(program, profile, day, high))
    reasons = list(base.reasons)
    failed = list(base.failed)
    uncertain = list(base.uncertain)
    for kind in ("founder", "years", "age"):
        if kind not in base.kinds:
            continue
        at = base.kinds.index(kind)
        if any((kind in other.failed) != (kind in base.failed) for other in others):
            why = "생일에 따라 다름" if kind == "age" else "공고일에 따라 달라짐"
            reasons[at] = f"{reasons[at]} ({why}, 공고문 확인)"
            if kind in failed:
                failed.remove(kind)
            if kind not in uncertain:
                uncertain.append(kind)
    status: Status = "ineligible" if failed else "maybe" if uncertain else "eligible"
    return Verdict(
        program.program_id, status, tuple(reasons), tuple(failed), tuple(uncertain), base.kinds
    )


def _refuses_on(call: Announcement, profile: FirmProfile, day: date) -> bool:
    """True when ``call`` also rules the firm out on its 업력, 예비/기창업 or age counted on
    ``day`` (the profile's 기준일), not only on the call's own day."""
    now = judge_call(call, profile, day=day)
    return now.status == "ineligible" and bool(now.failed) and set(now.failed) <= _INTRINSIC


def _issued_by(call: Announcement, program: Program) -> bool:
    """True when the call's 공고기관 is the program's ministry or institution itself."""
    org = "".join(call.organiser.split())
    names = {"".join(n.split()) for n in (program.institution, program.ministry) if n}
    return any(n and n in org for n in names)


def _national_call(
    program: Program, judged: Iterable[tuple[Announcement, CallVerdict]]
) -> Announcement | None:
    """A call of ``program`` that opens it to firms anywhere, when the program's only area
    rule is the default one of a local program (its 지원대상 names no place).

    A local government's program is read as its own area's (지자체 사업 — 소재지 필요), which
    is what the notice's local rows usually mean but no sentence of the program states. Its
    own call saying 지원지역 '전국' (``supt_regin``) whose 지원대상 does not refuse the firm on
    its place contradicts that reading — the 2026 calls of 대구 스타트업 오픈이노베이션 (176421),
    성남 THE 와플 ("전국 청년 모임 및 단체", 177143) and 진주형 창업사관학교 ("(지역유입) … 전국
    단위 창업기업으로 … 진주이전 가능 기업", 176549) are such — so the firm outside the area is
    left open (△, quoting the call), never refused on the default alone.
    """
    if not program.is_local or any(r and r != NATIONWIDE for r in program.eligibility.regions):
        return None
    for call, verdict in judged:
        if call.region == NATIONWIDE and "region" not in verdict.failed:
            return call
    return None


def _call_line(call: Announcement, today: date) -> str:
    return f"'{call.title}' ({call.period or '기간 미상'}, {call.status(today)})"


def apply_call_evidence(
    programs: Iterable[Program],
    verdicts: Mapping[str, Verdict],
    joined: JoinResult,
    profile: FirmProfile,
) -> dict[str, Verdict]:
    """Program verdicts with their linked calls as evidence (others unchanged).

    For a program with calls for its applicants (:func:`evidence_calls`):

    * an open or upcoming call (:func:`reference_call`) fixes the date 업력 and age are counted
      on — its 공고일 — and the reasons say so;
    * a call that accepts the firm outright (its boxes and fully-read 지원대상 all ○) answers a
      program left open only for lack of its 지원대상 text: ○, quoting the call;
    * when every such call rules the firm out on 업력, 예비/기창업 or age, the program is ×,
      quoting each call (a call's place is never generalised: other places' calls may exist);
    * otherwise the calls are listed as a line to check, and the verdict stays as it was.

    ``profile.as_of`` is the day calls are open or closed on.
    """
    today = profile.as_of
    out = dict(verdicts)
    for program in programs:
        pid = program.program_id
        linked = joined.by_program.get(pid, ())
        calls = evidence_calls(program, linked, joined)
        if pid not in verdicts or not calls:
            continue
        verdict = verdicts[pid]
        ref = reference_call(calls, today)
        ref_day = counting_day(ref, program.eligibility) if ref is not None else None
        if ref is not None and ref.announced is not None and ref_day is not None:
            verdict = _dated_verdict(program, profile, ref_day, exact=ref_day != ref.announced)
        judged = [
            (call, judge_call(call, profile, day=counting_day(call, program.eligibility)))
            for call in calls
        ]
        accepting = [c for c, v in judged if v.status == "eligible"]
        refusing = [(c, v) for c, v in judged if v.status == "ineligible"]
        reasons = list(verdict.reasons)
        kinds = list(verdict.kinds)
        failed = list(verdict.failed)
        uncertain = list(verdict.uncertain)
        if ref is not None:
            basis = "공고일 " if ref_day == ref.announced else f"마감일({ref_day}) "
            reasons.append(f"모집 공고 {_call_line(ref, today)} — 업력·나이는 이 {basis}기준")
            kinds.append("call")
        national = _national_call(program, judged) if "region" in failed else None
        if national is not None:
            where = kinds.index("region")
            rule = reasons[where].removeprefix("지역 제한: ").split(" — ")[0]
            reasons[where] = (
                f"지역: {rule}이나 모집 공고 {_call_line(national, today)}의 지원지역은 '전국' — "
                f"귀사 {profile.region}: 다른 지역 기업의 신청 가능 여부는 공고문 확인"
            )
            failed.remove("region")
            uncertain.append("region")
        if (
            verdict.status == "maybe"
            and set(uncertain) <= {"target"}
            and not program.target_text.strip()
            and accepting
        ):
            call = accepting[0]
            at = kinds.index("target") if "target" in kinds else None
            line = f"모집 공고 {_call_line(call, today)}의 조건으로 신청 가능"
            if at is not None:
                reasons[at], kinds[at] = line, "call"
            else:
                reasons.append(line)
                kinds.append("call")
            uncertain = [k for k in uncertain if k != "target"]
        elif (
            not failed  # also a program the default local area no longer rules out
            and len(refusing) == len(judged)
            and all(set(v.failed) <= _INTRINSIC for _, v in refusing)
        ):
            # The calls speak for the program only when they are all its calls and refuse the
            # firm whatever day it is counted on. A call the program's data lists but that is
            # not loaded (초기창업패키지's own 176019 beside a 주관기관's later programme) is
            # spoken for by the program's 지원대상, read from it; and a firm that fits on the
            # profile's 기준일 but not on a call's own day (a founder who turns 40 between them)
            # may fit another call of the program (Y:LOCAL's 경진대회 opens a month earlier).
            unloaded = [sn for sn in program.call_ids if joined.link_of(sn) is None]
            dated = [c for c, _ in refusing if not _refuses_on(c, profile, today)]
            for call, v in refusing:
                first = next(r for k, r in zip(v.kinds, v.reasons, strict=True) if k in v.failed)
                if unloaded or dated:
                    first += " — 이 공고에는 해당 안 됨, 이 사업의 다른 공고는 공고문 확인"
                reasons.append(f"모집 공고 {_call_line(call, today)}: {first}")
                kinds.append("call")
            if unloaded:
                pass  # the program's own listed call decides; its 지원대상 is the verdict
            elif dated:
                uncertain.append("call")
            else:
                failed.append("call")
                uncertain = [k for k in uncertain if k != "target"]
        elif ref is None:
            own = [c for c in calls if _issued_by(c, program)] or calls
            latest = max(own, key=lambda c: (c.announced or date.min, c.pbanc_sn))
            reasons.append(
                f"지난 모집 공고 {_call_line(latest, today)} — 다음 공고의 조건·공고일은 "
                "공고문 확인"
            )
            kinds.append("call")
        status: Status = "ineligible" if failed else "maybe" if uncertain else "eligible"
        out[pid] = Verdict(
            pid, status, tuple(reasons), tuple(failed), tuple(uncertain), tuple(kinds)
        )
    return out


# --------------------------------------------------------------------------- the calls view


@dataclass(frozen=True)
class CallRow:
    """One line of the calls view (and of `navigator calls`): the call, its state on the day,
    the firm's verdict and the program it belongs to."""

    call: Announcement
    state: str  # open | upcoming | closed | unknown
    when: str  # "모집 중 · 마감 D-3", "마감 (D+40)", …
    d_day: int | None
    verdict: CallVerdict
    program_id: str | None
    program_name: str
    link_score: float | None
    link_reason: str

    @property
    def state_label(self) -> str:
        return CALL_STATE_LABELS[self.state]


def call_rows(
    calls: Iterable[Announcement],
    verdicts: Mapping[str, CallVerdict],
    joined: JoinResult | None,
    program_names: Mapping[str, str],
    today: date,
) -> list[CallRow]:
    """Rows for every call, open first by deadline (see :func:`sort_calls`)."""
    rows = []
    for call in sort_calls(calls, today, verdicts):
        state = call.state(today)
        days = call.d_day(today)
        when = call.status(today)
        if state == "closed" and days is not None:
            when += f" (D+{-days})"
        link = joined.link_of(call.pbanc_sn) if joined else None
        pid = link.program_id if link else None
        rows.append(
            CallRow(
                call,
                state,
                when,
                days,
                verdicts[call.pbanc_sn],
                pid,
                program_names.get(pid, "") if pid else "",
                link.score if link and pid else None,
                link.reason if link and pid else "",
            )
        )
    return rows


def filter_call_rows(
    rows: Iterable[CallRow],
    *,
    states: Iterable[str] = (),
    statuses: Iterable[str] = (),
    support_types: Iterable[str] = (),
    regions: Iterable[str] = (),
    query: str = "",
    linked_only: bool = False,
) -> list[CallRow]:
    """Rows passing every given filter (an empty filter passes everything).

    ``regions`` matches a call's 지원지역 (a 시·도, or "전국"); ``query`` is matched against
    the title and 공고기관 ignoring spaces and case.
    """
    states, statuses = set(states), set(statuses)
    support_types, regions = set(support_types), set(regions)
    needle = "".join(query.split()).lower()
    out = []
    for row in rows:
        call = row.call
        if states and row.state not in states:
            continue
        if statuses and row.verdict.status not in statuses:
            continue
        if support_types and call.support_type not in support_types:
            continue
        if regions and not regions & (set(call.regions) or {"전국"}):
            continue
        if linked_only and row.program_id is None:
            continue
        if needle and needle not in "".join(f"{call.title}{call.organiser}".split()).lower():
            continue
        out.append(row)
    return out
