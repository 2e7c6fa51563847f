"""Eligible / maybe / ineligible for every program, with reasons a founder can check.

The loaders turn each program's 지원대상 text (and cues in its name and summary) into an
:class:`~loaders.model.Eligibility` with the phrase behind every constraint. Here those
constraints meet one :class:`~graph.profile.FirmProfile`:

* a constraint from the 지원대상 text (basis "target") or from a notice-wide rule (basis "rule":
  a local government's program is for firms located in its area) that fails makes the program
  **ineligible**; its kind ("years", "age", "region", "founder", "restart", "women", "student",
  "disabled", "foreign", "field") is listed in ``Verdict.failed`` so the roadmap can show
  near-misses;
* a constraint known only from a cue in the name or summary never decides alone: it gives
  **maybe**, and the reason says it is only inferred ("사업명의 '청년'으로 추정 — 지원대상 원문
  확인 필요");
* a program without 지원대상 text, with a clause the parser did not understand, a condition the
  profile cannot decide ("법인에 한정"), or a value the profile does not give (age, founding
  date, region) is **maybe**, and the reason names the phrase — never a silent yes;
* everything satisfied and fully understood is **eligible**.

The notice's own semantics: 업력 is counted by date (see :mod:`graph.profile`) — "3년 이내" holds
on the third anniversary of founding and fails the day after, and a reason about a boundary
says the days ("업력 3년 1일 — '3년 이내' 초과"); founding and birth dates a text states decide
over the band they spell out; 업력 and 나이 are counted on the text's own 기준일, else on a
reference date the caller gives per program (e.g. a linked call's 공고일), else on the
profile's ``as_of``; a text with several tracks fits when one track fits.

Speed: each program is compiled once into tuples of :class:`Check` (no regex at evaluation
time) and cached by identity; :func:`evaluate_all` evaluates each distinct check and each
distinct program signature once per profile and reference date, so 20,000 programs take a few
milliseconds.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any, NamedTuple

from graph.profile import FirmProfile, add_years
from loaders.eligibility_text import attracted_firms
from loaders.model import Eligibility, Program
from loaders.regions import (
    DEPOPULATION_AREAS,
    DEPOPULATION_INTEREST_AREAS,
    NATIONWIDE,
    SIGUNGU_BY_SIDO,
    canonical_sido,
    depopulation_kind,
    is_sido_name,
    resolve_sigungu,
    sido_of_institution,
    sido_of_place,
    sigungu_label,
)
from loaders.taxonomy import GENERAL_FIELD, related_fields
from loaders.vocab import (
    CEO_AGE_LABEL,
    EARLY_YEARS,
    FOUNDER_GROUPS,
    GROUP_BY_KIND,
    GROUP_KINDS,
    Status,
)

__all__ = [
    "CONSTRAINT_KINDS",
    "KIND_LABELS",
    "Area",
    "Check",
    "Verdict",
    "evaluate",
    "evaluate_all",
    "local_unit",
    "program_area",
    "status_counts",
    "time_window",
]

# The constraint kinds a verdict names; "field" is the target's own field requirement.
CONSTRAINT_KINDS: tuple[str, ...] = ("founder", "years", "age", "region", *GROUP_KINDS, "field")
# Korean names of constraint kinds, for near-miss sentences ("1개 조건 불충족: 업력").
KIND_LABELS: dict[str, str] = {
    "founder": "창업 여부(예비/기창업)",
    "years": "업력",
    "age": CEO_AGE_LABEL,
    "region": "소재지",
    **{g.kind: g.topic for g in FOUNDER_GROUPS},
    "field": "기술분야",
    "target": "지원대상 원문",
    "call": "모집 공고 조건",
}
CHECK_TEXT = "지원대상 원문 확인 필요"

# Group kind -> (who the program is for, the profile attribute saying the founder is in it).
_FLAG_LABEL = {g.kind: (g.person, g.profile_field) for g in FOUNDER_GROUPS}
_OK, _FAIL, _UNKNOWN = 0, 1, 2
_BRACKETED_NAME = re.compile(r"[(\[]([^()\[\]]{2,12})[)\]]")
_RANK = {"eligible": 0, "maybe": 1, "ineligible": 2}


class Check(NamedTuple):
    """One constraint of one program, ready to meet a profile.

    ``kind`` is the constraint kind reported in :class:`Verdict` (:data:`CONSTRAINT_KINDS`,
    or "target" for a clause not understood); ``rule`` picks the evaluator; ``cue`` is "" for
    target/rule evidence, else where a weaker hint was read ("사업명", "사업개요", or
    "지원대상" for a word the parser interpreted, such as 청년 → 39세); ``phrase`` is quoted in
    the reason; ``args`` are the rule's parameters (hashable, so checks memoise).
    """

    kind: str
    rule: str
    cue: str
    phrase: str
    args: tuple[Any, ...] = ()


@dataclass(frozen=True)
class Verdict:
    """The answer for one program and one profile.

    ``reasons`` are Korean sentences, one per constraint considered: the conditions the firm
    fails first, then the open questions, then those it meets (each group in a stable order;
    a multi-track program's "여러 트랙 중 …" line leads an ○ and follows the first reason of
    a × or △).
    ``failed`` lists the constraint kinds that rule the program out (target/rule evidence only);
    ``uncertain`` the kinds that could not be decided (cue-only evidence, missing profile value,
    a 기초 program whose 시·군 the profile does not say, a field mismatch, unparsed text).
    ``kinds`` gives the constraint kind of each reason ("field" and "target" for the field and
    원문 notes), so a UI can mark each line.
    """

    program_id: str
    status: Status
    reasons: tuple[str, ...]
    failed: tuple[str, ...]
    uncertain: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()

    def reason_for(self, kind: str) -> str:
        """The reason sentence about constraint ``kind`` ("" if none)."""
        for k, reason in zip(self.kinds, self.reasons, strict=False):
            if k == kind:
                return reason
        return ""

    def to_dict(self) -> dict[str, Any]:
        """Plain dict (lists instead of tuples)."""
        return {
            "program_id": self.program_id,
            "status": self.status,
            "reasons": list(self.reasons),
            "failed": list(self.failed),
            "uncertain": list(self.uncertain),
            "kinds": list(self.kinds),
        }


# ----------------------------------------------------------------------------- compilation


def _cue_source(program: Program, phrase: str) -> str:
    word = phrase.split(" (")[0].strip()
    return "사업명" if word and word in program.name else "사업개요"


def local_unit(program: Program) -> str:
    """The 기초 local government a local program belongs to ("김천시"), or "" if none is known.

    From a 기초 institution name, else a 기초 place leading the program name ("고양 1인 창조기업
    지원센터" -> "고양"), else a full 기초 name in brackets ("청년농업인 영농정착지원금
    (서귀포시)" -> "서귀포시"). A 시·도 program (광역) returns "".
    """
    inst = program.institution.strip()
    if inst and not is_sido_name(inst) and sido_of_place(inst) is not None:
        return inst
    if program.level == "광역":
        return ""
    words = program.name.split()
    if len(words) > 1:
        first = words[0]
        if not is_sido_name(first) and sido_of_place(first) is not None:
            return first
    for inner in _BRACKETED_NAME.findall(program.name):
        # Full names only ("서귀포시"): a bare stem in brackets is too often an ordinary word.
        inner = inner.strip()
        if not is_sido_name(inner) and sido_of_institution(inner) is not None:
            return inner
    return ""


def _institution_unit(program: Program, sido: str | None) -> tuple[str, str] | None:
    """(시·도, 시·군·구) of a program run by a named 기초 local government, else None."""
    inst = program.institution.strip()
    if not inst or is_sido_name(inst) or sido_of_institution(inst) is None:
        return None
    return resolve_sigungu(inst, sido)


def _region_check(program: Program, elig: Eligibility) -> Check | None:
    """The location check: the target's own place, else the local-area rule, else none.

    ``args`` = (required 시·도, label, 기초 unit, unit key, strict, premises, relocation
    phrase). ``unit key`` is
    the resolved (시·도, 시·군·구) of the 기초 place, so a profile's ``district`` can settle it.
    ``strict``: a plain "합천군에 주소를 둔" / "화성시 소재" in the target, or the program's own
    기초 institution under the local-area rule, rules out other 시·군·구; a softened phrase
    ("김천시 거주·거주예정", "군산시 전입") or a place read from the name only settles a match.
    ``premises``: the target speaks of the firm's premises (본사·사업장), which a 예비창업자
    does not have yet. A text that opens the area ("주소 : 전국", "거주지 제한 없음") gives a check
    that always holds and says so; one that admits outsiders who move after selection ("관외
    기업은 선정 후 이전", also after "주소 전국 - 타 지역 창업기업은 … 이전 필수") keeps the area
    and turns a failure into ○ whose reason states the condition (a firm moves, a 예비창업자
    founds there after selection).
    """
    if elig.region_open and not elig.region_relocate:
        ev = elig.evidence_for("region_open")
        return Check("region", "open", "", ev.phrase if ev else "")
    target_regions = tuple(r for r in elig.regions if r and r != NATIONWIDE)
    ev = elig.evidence_for("regions")
    relocation = elig.evidence_for("region_relocate") if elig.region_relocate else None
    moving = relocation.phrase if relocation else ""
    if target_regions:
        phrase = ev.phrase if ev else "/".join(target_regions)
        cue = "" if ev is None or ev.basis != "cue" else _cue_source(program, phrase)
        first = phrase.split()[0].lstrip("▲◦○□❍▸*※(") if phrase.split() else ""
        first = first.split("에")[0] if not sido_of_place(first) else first
        unit = first if first and not is_sido_name(first) and sido_of_place(first) else ""
        key = None
        if unit and len(target_regions) == 1:
            key = resolve_sigungu(unit.rstrip(",·"), target_regions[0], stems=True)
        plain = phrase.split()[1:] in (["소재"], ["거주"])
        own = _institution_unit(program, target_regions[0])
        strict = key is not None and (elig.region_strict or (plain and key == own))
        move_to = _move_to(elig, target_regions)
        args = (
            target_regions,
            "지원대상",
            unit,
            key,
            strict,
            elig.region_premises,
            moving,
            move_to,
            elig.region_or_student,
        )
        return Check("region", "region", cue, phrase, args)
    if not program.is_local:
        return None
    sido = canonical_sido(program.region)
    if sido == NATIONWIDE:
        return None
    area = elig.evidence_for("local_area")
    unit = local_unit(program)
    if area is not None and "도내" in area.phrase:
        unit = ""
    who = program.institution or unit or (sido or "")
    label = f"지자체({who}) 사업" if who else "지자체 사업"
    key = None
    strict = False
    if unit:
        own = _institution_unit(program, sido)
        if own is not None and unit == program.institution.strip():
            key, strict = own, True
        else:
            key = resolve_sigungu(unit, sido, stems=True)
        if key is not None and sido is not None and key[0] != sido:
            key, strict = None, False
    required = (sido,) if sido else ()
    phrase = area.phrase if area else ""
    if not moving and area is None:
        # The text states no place rule and the program exists to bring firms in ("해외스타트업
        # 유치 지원사업", 171418): an outside firm is who it is for, on the condition of moving.
        moving = attracted_firms(program.name, program.target_text)
    move_to = _move_to(elig, required)
    args = (required, label, unit, key, strict, False, moving, move_to, elig.region_or_student)
    return Check("region", "region", "", phrase, args)


def _move_to(elig: Eligibility, required: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(시·도, 시·군·구) of the places a relocation must go to ("(포항시, 구미시, …)")."""
    if not elig.relocate_to:
        return ()
    sido = required[0] if len(required) == 1 else None
    keys = (resolve_sigungu(name, sido, stems=True) for name in elig.relocate_to)
    return tuple(k for k in keys if k is not None)


@dataclass(frozen=True, slots=True)
class Area:
    """Where a program's applicants must be located, as the eligibility rules read it.

    ``sidos`` are the short 시·도 names the firm must be in: ``("전국",)`` for a nationwide
    program, ``()`` when the data does not say (a local program without region). ``unit`` is the
    (시·도, 시·군·구) of the 기초 place the program is tied to, if any; ``own_unit`` is True when
    that place is the program's own 기초 institution (the local-area rule then excludes other
    시·군·구), False when it is only read from the name or the target phrase. ``whole_sido`` is
    True when the program covers all of its 시·도: a 광역 government's program, or a central one
    whose 지원대상 names 시·도. Why: the duplicate desk asks whether one firm can be within reach
    of two programs, and must answer from the same rules the finder judges a firm with.
    """

    sidos: tuple[str, ...]
    unit: tuple[str, str] | None = None
    own_unit: bool = False
    whole_sido: bool = False

    @property
    def nationwide(self) -> bool:
        """True for programs open to firms anywhere."""
        return self.sidos == (NATIONWIDE,)

    def describe(self) -> str:
        """Korean label: "전국", "경기", "경북 김천시", "지역 미상"."""
        if not self.sidos:
            return "지역 미상"
        if self.unit is not None:
            return f"{self.unit[0]} {sigungu_label(*self.unit).removeprefix(self.unit[0] + ' ')}"
        return "·".join(self.sidos)


def program_area(program: Program, *, tenancy: bool = False) -> Area:
    """The :class:`Area` of a program, from the same region check the verdicts use.

    A local program without a 시·도 falls back to a 기초 place leading its name ("고양 1인 창조기업
    지원센터" -> 경기 고양시), which places it but never settles its 시·군·구. A text that opens
    the area only to firms that move in keeps the program's own area (the parser does not read
    it as an open area), since a firm is in one place at a time. With ``tenancy`` (a local
    centre or space whose help is moving in), a text that opens the area ("거주지 제한 없음") keeps
    it too: whoever applies, the tenant is located where the space is.
    """
    elig = program.eligibility
    if tenancy and program.is_local and elig.region_open:
        elig = replace(elig, region_open=False)
    check = _region_check(program, elig)
    if check is None or check.rule == "open":
        return Area((NATIONWIDE,), whole_sido=True)
    required, _label, unit_word, key = check.args[:4]
    own = _institution_unit(program, required[0] if len(required) == 1 else None)
    if own is not None and (not required or own[0] in required):
        return Area(required or (own[0],), own, own_unit=True)
    # 세종 has no 기초 tier, so its programs cover the whole 시·도.
    whole = not program.is_local or (
        program.level == "광역"
        or is_sido_name(program.institution.strip())
        or all(not SIGUNGU_BY_SIDO.get(s, ("?",)) for s in required)
    )
    if not required:
        unit = local_unit(program)
        place = resolve_sigungu(unit, stems=True) if unit else None
        if place is None:
            return Area(())
        return Area((place[0],), place)
    if unit_word and key is not None and key[0] in required:
        return Area(required, key, whole_sido=False)
    return Area(required, None, whole_sido=whole and not unit_word)


def _track_checks(program: Program, elig: Eligibility) -> tuple[Check, ...]:
    """The checks of one track (or of the whole text when it has one)."""
    checks: list[Check] = []

    def cue_of(field: str) -> tuple[str, str]:
        ev = elig.evidence_for(field)
        if ev is None:
            return "", ""
        if ev.basis == "cue":
            return _cue_source(program, ev.phrase), ev.phrase
        if "해석" in ev.phrase:
            # "청년 (통상 만 39세 이하로 해석)": the bound is the parser's reading of a word, and
            # local governments define 청년 differently (up to 45), so it cannot rule out alone.
            return "지원대상", ev.phrase
        return "", ev.phrase

    ref = elig.reference_date
    has_years = elig.years_min is not None or elig.years_max is not None
    has_dates = elig.founded_from is not None or elig.founded_until is not None
    if elig.founder is not None:
        cue, phrase = cue_of("founder")
        checks.append(Check("founder", "founder", cue, phrase, (elig.founder,)))
    elif has_years or has_dates:
        # An 업력 band without a founder phrase still means an existing business.
        cue, phrase = cue_of("years") if has_years else ("", "")
        checks.append(Check("founder", "founder", cue, phrase, ("founded_only",)))
    if has_dates:
        # The dates the text states decide over the band they spell out ("3년 이내(2023.3.1.
        # 이후 창업)"): they are the notice's own counting of that band.
        _, phrase = cue_of("founded_dates")
        checks.append(
            Check("years", "founded_dates", "", phrase, (elig.founded_from, elig.founded_until))
        )
    elif has_years:
        cue, phrase = cue_of("years")
        widen = elig.evidence_for("years_widen")
        args = (
            elig.years_min,
            elig.years_min_inclusive,
            elig.years_max,
            elig.years_max_inclusive,
            elig.years_widen,
            widen.phrase if widen else "",
            ref,
            elig.years_or_venture,
            read.phrase
            if (read := elig.evidence_for("years_read")) and elig.years_max_read
            else "",
        )
        checks.append(Check("years", "years", cue, phrase, args))
    elif elig.early_word and elig.founder in ("pre_or_founded", "founded_only"):
        _, phrase = cue_of("early")
        checks.append(Check("years", "early", "", phrase))
    if elig.born_from is not None or elig.born_until is not None:
        _, phrase = cue_of("birth")
        checks.append(Check("age", "birth", "", phrase, (elig.born_from, elig.born_until, ref)))
    elif elig.gender_ages:
        _, phrase = cue_of("age_gender")
        checks.append(Check("age", "gender_age", "", phrase, (elig.gender_ages, ref)))
    elif elig.age_min is not None or elig.age_max is not None:
        cue, phrase = cue_of("age")
        widen = elig.evidence_for("age_widen")
        age_args = (elig.age_min, elig.age_max, elig.age_widen, widen.phrase if widen else "", ref)
        checks.append(Check("age", "age", cue, phrase, age_args))
    if elig.any_of_groups:
        cue, phrase = cue_of("groups")
        checks.append(Check("age", "groups", cue, phrase, (elig.any_of_groups, ref)))
    region = _region_check(program, elig)
    if region is not None:
        checks.append(region)
    if elig.depopulation:
        ev = elig.evidence_for("depopulation")
        moving = elig.evidence_for("region_relocate") if elig.region_relocate else None
        sidos = elig.depopulation_sidos
        if "관내" in sidos:
            # "도내 인구 감소 지역": the program's own 시·도; unknown for a program of no 시·도
            # (a call whose 지원지역 is 전국), which then never settles the place.
            own = canonical_sido(program.region) if program.is_local else None
            known = own is not None and own != NATIONWIDE
            sidos = tuple(s for s in sidos if s != "관내") + ((own,) if known and own else ("?",))
        depop_args = (
            tuple(dict.fromkeys(sidos)),
            elig.depopulation == "decline_or_interest",
            elig.depopulation_soft,
            moving.phrase if moving else "",
        )
        checks.append(Check("region", "depopulation", "", ev.phrase if ev else "", depop_args))
    for flag in GROUP_KINDS:
        if getattr(elig, flag):
            cue, phrase = cue_of(flag)
            checks.append(Check(flag, "flag", cue, phrase))
    if elig.korean_only:
        _, phrase = cue_of("korean")
        checks.append(Check("foreign", "korean", "", phrase))
    if elig.fields:
        _, phrase = cue_of("fields")
        checks.append(Check("field", "field", "", phrase, (elig.fields,)))
    for flag, phrase, excepted in elig.excluded:
        kind = "founder" if flag == "founded" else flag
        checks.append(Check(kind, "excluded", "", phrase, (excepted,)))
    for condition in elig.open_conditions:
        checks.append(Check("target", "open", "", condition))
    if elig.unparsed:
        checks.append(Check("target", "unparsed", "", elig.unparsed))
    return tuple(checks)


def _compile(program: Program) -> tuple:
    """Program -> (tracks, track labels, has_target, tag fields, rule year note)."""
    elig = program.eligibility
    alternatives = elig.alternatives or (elig,)
    tracks = tuple(_track_checks(program, alt) for alt in alternatives)
    labels = tuple(alt.track for alt in alternatives) if elig.alternatives else ()
    stated = any(alt.fields for alt in alternatives)
    fields = () if stated else tuple(f for f in program.tech_fields if f != GENERAL_FIELD)
    target = bool(program.target_text.strip())
    # An older year's 지원대상 ("2025 기준") still decides, but every reason read from it says so.
    return (tracks, labels, target, fields, program.target_basis)


# Identity cache: Program records are frozen, so a compiled form stays valid for the object's
# lifetime; the stored reference keeps the id from being reused. Each distinct compiled form is
# interned to a small integer once, so evaluate_all groups programs without re-hashing nested
# tuples on every call.
_CACHE: dict[int, tuple[Program, int, tuple]] = {}
_SIGNATURES: dict[tuple, int] = {}
_CACHE_MAX = 250_000


def _compiled(program: Program) -> tuple[int, tuple]:
    entry = _CACHE.get(id(program))
    if entry is not None and entry[0] is program:
        return entry[1], entry[2]
    if len(_CACHE) >= _CACHE_MAX:
        _CACHE.clear()
        _SIGNATURES.clear()
    core = _compile(program)
    sig = _SIGNATURES.setdefault(core, len(_SIGNATURES))
    _CACHE[id(program)] = (program, sig, core)
    return sig, core


# ----------------------------------------------------------------------------- evaluation


def _years_text(low: int | None, low_inc: bool, high: int | None, high_inc: bool) -> str:
    parts = []
    if low is not None:
        parts.append(f"{low}년 {'이상' if low_inc else '초과'}")
    if high is not None:
        parts.append(f"{high}년 {'이내' if high_inc else '미만'}")
    return " ".join(parts)


def _span_text(start: date, end: date) -> str:
    """Whole years, months and (at a boundary) days from ``start`` to ``end``: "3년 1일"."""
    years = end.year - start.year
    if add_years(start, years) > end:
        years -= 1
    base = add_years(start, years)
    months = 0
    while months < 11 and _add_months(base, months + 1) <= end:
        months += 1
    days = (end - _add_months(base, months)).days
    if years == 0 and months == 0:
        return f"{days}일"
    if months == 0:
        return f"{years}년 {days}일" if days else f"{years}년"
    return f"{years}년 {months}개월" if years else f"{months}개월"


def _add_months(start: date, months: int) -> date:
    month0 = start.month - 1 + months
    year = start.year + month0 // 12
    month = month0 % 12 + 1
    day = min(start.day, _month_days(year, month))
    return date(year, month, day)


def _month_days(year: int, month: int) -> int:
    nxt = date(year + month // 12, month % 12 + 1, 1)
    return (nxt - timedelta(days=1)).day


class _Context:
    """Per-profile values computed once per evaluate_all call, for one counting day."""

    __slots__ = ("age", "age_text", "anniv", "day", "others", "profile", "when")

    def __init__(self, profile: FirmProfile, day: date | None = None) -> None:
        self.profile = profile
        self.day = day or profile.as_of
        self.when = "" if self.day == profile.as_of else f" ({self.day.isoformat()} 기준)"
        self.age = profile.age_on(self.day)
        if profile.pre_founding:
            self.age_text = "예비창업자"
        elif profile.founded is None:
            self.age_text = "업력 미상"
        elif profile.founded > self.day:
            self.age_text = f"{self.day.isoformat()}에는 창업 전"
        else:
            self.age_text = f"업력 {_span_text(profile.founded, self.day)}"
        self.anniv: dict[int, date] = {}
        self.others: dict[date, _Context] = {}

    def at(self, day: date | None) -> _Context:
        """The context for counting day ``day`` (this one when None or the same day)."""
        if day is None or day == self.day:
            return self
        ctx = self.others.get(day)
        if ctx is None:
            ctx = self.others[day] = _Context(self.profile, day)
        return ctx

    def anniversary(self, years: int) -> date:
        day = self.anniv.get(years)
        if day is None:
            founded = self.profile.founded
            assert founded is not None
            day = self.anniv[years] = add_years(founded, years)
        return day


def _ro(word: str) -> str:
    """The particle 으로/로 after ``word`` (로 after a vowel or ㄹ final)."""
    last = word.rstrip(" '\")")[-1:] if word else ""
    if "가" <= last <= "힣":
        final = (ord(last) - 0xAC00) % 28
        return "로" if final in (0, 8) else "으로"
    return "(으)로"


def _cue_suffix(cue: str, phrase: str) -> str:
    word = phrase.split(" (")[0]
    return f"{cue}의 '{word}'{_ro(word)} 추정 — {CHECK_TEXT}"


Outcome = tuple[int, str]


def _founder(check: Check, ctx: _Context) -> Outcome:
    p, phrase = ctx.profile, check.phrase
    mode = check.args[0]
    quote = f" ('{phrase}')" if phrase else ""
    if mode == "pre_only":
        if p.pre_founding:
            return _OK, f"예비창업자 대상{quote} — 충족"
        if p.founded is not None:
            return _FAIL, f"예비창업자 대상{quote} — 귀사는 이미 창업({ctx.age_text})"
        return _UNKNOWN, f"예비창업자 대상{quote} — 창업 여부(설립일) 미입력, 확인 필요"
    if mode == "founded_only":
        if p.pre_founding:
            return _FAIL, f"창업기업 대상{quote} — 예비창업자는 사업자 등록 후 신청 가능"
        if "벤처" in phrase:
            # "창업·벤처기업": an existing business; its 업력 is the years check's answer.
            return _OK, f"기업 대상{quote} — 사업자 등록 기업 충족"
        return _OK, f"창업기업 대상{quote} — 충족"
    return _OK, f"(예비)창업자 대상{quote} — 충족"


def _years(check: Check, ctx: _Context) -> Outcome:
    low, low_inc, high, high_inc, widen, widen_phrase, ref, venture, read = check.args
    c = ctx.at(ref)
    p = c.profile
    band = check.phrase or _years_text(low, low_inc, high, high_inc)
    if p.pre_founding:
        # Whether a pre-founder may apply at all is the founder check's answer; the 업력
        # band only starts to count once the business is registered.
        return _OK, f"예비창업자 — 업력 조건('{band}')은 창업 후 적용"
    if p.founded is None:
        return _UNKNOWN, f"설립일 미입력 — 업력 '{band}' 확인 필요"
    day = c.day
    if low is not None:
        start = c.anniversary(low)
        if not (day >= start if low_inc else day > start):
            first = start if low_inc else start + timedelta(days=1)
            return _FAIL, f"{c.age_text}{c.when} — '{band}' 미달 ({first.isoformat()}부터 해당)"
    if high is not None:
        end = c.anniversary(high)
        if not (day <= end if high_inc else day < end):
            if widen is not None and day <= c.anniversary(widen):
                return _UNKNOWN, (
                    f"{c.age_text}{c.when} — '{band}' 초과, 단 '{widen_phrase}' — 해당 분야이면 "
                    "신청 가능, 확인 필요"
                )
            if read:
                # "업력 3년 이상 … 창업기업" (171215): the upper bound is the parser's reading of
                # the word 창업기업, not a stated band — it asks rather than refuses.
                return _UNKNOWN, (
                    f"{c.age_text}{c.when} — '{band}' 충족, 단 지원대상의 '{read}' — "
                    "공고문 확인 필요"
                )
            if venture:
                # "창업·벤처기업": past a 창업기업's 7 years, a 벤처기업 of any age still applies.
                return _UNKNOWN, (
                    f"{c.age_text}{c.when} — 지원대상 '{band}' 중 창업기업(7년 이내)은 지남 — "
                    "벤처기업이면 신청 가능 — 벤처기업 확인 필요"
                )
            return _FAIL, f"{c.age_text}{c.when} — '{band}' 초과"
    if venture:
        return _OK, (
            f"{c.age_text}{c.when} — 지원대상 '{band}' 중 창업기업(「중소기업창업 지원법」 7년 이내) "
            "충족"
        )
    return _OK, f"{c.age_text}{c.when} — '{band}' 충족"


def _founded_dates(check: Check, ctx: _Context) -> Outcome:
    first, last = check.args
    p = ctx.profile
    rule = check.phrase or "창업일 조건"
    if p.pre_founding:
        return _OK, f"예비창업자 — 창업일 조건('{rule}')은 창업 후 적용"
    if p.founded is None:
        return _UNKNOWN, f"설립일 미입력 — '{rule}' 확인 필요"
    founded = p.founded.isoformat()
    if first is not None and p.founded < first:
        return _FAIL, f"설립일 {founded} — '{rule}' 밖 ({first.isoformat()}부터 해당)"
    if last is not None and p.founded > last:
        return _FAIL, f"설립일 {founded} — '{rule}' 밖 ({last.isoformat()}까지 해당)"
    return _OK, f"설립일 {founded} — '{rule}' 충족"


def _age_band(low: int | None, high: int | None) -> str:
    if low is None:
        return f"만 {high}세 이하"
    if high is None:
        return f"만 {low}세 이상"
    return f"만 {low}~{high}세"


def _age(check: Check, ctx: _Context) -> Outcome:
    low, high, widen, widen_phrase, ref = check.args
    c = ctx.at(ref)
    band = check.phrase or _age_band(low, high)
    if c.age is None:
        return _UNKNOWN, f"대표자 나이 미입력 — '{band}' 확인 필요"
    if low is not None and c.age < low:
        return _FAIL, f"대표자 만 {c.age}세{c.when} — '{band}' 해당 안 됨"
    if high is not None and c.age > high:
        if widen is not None and c.age <= widen:
            return _UNKNOWN, (
                f"대표자 만 {c.age}세{c.when} — '{band}' 초과, 단 '{widen_phrase}' — 해당하면 "
                "신청 가능, 확인 필요"
            )
        return _FAIL, f"대표자 만 {c.age}세{c.when} — '{band}' 해당 안 됨"
    return _OK, f"대표자 만 {c.age}세{c.when} — '{band}' 충족"


def _birth(check: Check, ctx: _Context) -> Outcome:
    first, last, ref = check.args
    c = ctx.at(ref)
    p = c.profile
    band = check.phrase or "출생일 조건"
    if p.birth_date is not None:
        born = p.birth_date.isoformat()
        if (first is not None and p.birth_date < first) or (
            last is not None and p.birth_date > last
        ):
            return _FAIL, f"대표자 {born} 출생 — '{band}' 해당 안 됨"
        return _OK, f"대표자 {born} 출생 — '{band}' 충족"
    if c.age is None:
        return _UNKNOWN, f"대표자 생년월일·나이 미입력 — '{band}' 확인 필요"
    # With only 만 나이 on a day, the birthday lies in (day - age-1 years, day - age years].
    earliest = add_years(c.day, -(c.age + 1)) + timedelta(days=1)
    latest = add_years(c.day, -c.age)
    if (first is not None and latest < first) or (last is not None and earliest > last):
        return _FAIL, f"대표자 만 {c.age}세{c.when} — '{band}' 해당 안 됨"
    if (first is None or earliest >= first) and (last is None or latest <= last):
        return _OK, f"대표자 만 {c.age}세{c.when} — '{band}' 충족"
    return _UNKNOWN, (
        f"대표자 만 {c.age}세{c.when} — '{band}' 경계, 생년월일을 입력하면 판정합니다"
    )


_GENDER_WORD = {"men": "남성", "women": "여성"}


def _gender_age(check: Check, ctx: _Context) -> Outcome:
    bands, ref = check.args
    c = ctx.at(ref)
    mine = "women" if c.profile.women else "men"
    own = [b for b in bands if b[0] == mine]
    other = [b for b in bands if b[0] != mine]
    if not own:
        return _UNKNOWN, f"'{check.phrase}' — {_GENDER_WORD[mine]} 대표자의 나이 요건 확인 필요"
    _, low, high = own[0]
    band = f"{_age_band(low, high)} {_GENDER_WORD[mine]}"
    note = ""
    if other and mine == "men":
        note = f" (여성 대표자는 {_age_band(other[0][1], other[0][2])})"
    if c.age is None:
        return _UNKNOWN, f"대표자 나이 미입력 — '{band}' 확인 필요{note}"
    if (low is not None and c.age < low) or (high is not None and c.age > high):
        return (
            _FAIL,
            f"{_GENDER_WORD[mine]} 대표자 만 {c.age}세{c.when} — '{band}' 해당 안 됨{note}",
        )
    return _OK, f"{_GENDER_WORD[mine]} 대표자 만 {c.age}세{c.when} — '{band}' 충족"


# 청년 as most notices define it (만 39세 이하) and the widest local definition (49세).
_YOUTH_MAX, _YOUTH_LOCAL_MAX = 39, 49


def _groups(check: Check, ctx: _Context) -> Outcome:
    groups, ref = check.args
    c = ctx.at(ref)
    quote = f"'{check.phrase}'"
    if "women" in groups and c.profile.women:
        return _OK, f"{quote} 중 여성 창업자 — 충족"
    if "youth" in groups:
        if c.age is None:
            return _UNKNOWN, f"{quote} — 대표자 나이 미입력, 청년 여부 확인 필요"
        if c.age <= _YOUTH_MAX:
            return _OK, f"{quote} 중 청년 — 대표자 만 {c.age}세 충족 (통상 만 39세 이하)"
        if c.age <= _YOUTH_LOCAL_MAX:
            return _UNKNOWN, (f"{quote} — 대표자 만 {c.age}세, 이 사업의 청년 나이 기준 확인 필요")
    return _FAIL, f"{quote} — 청년·여성 어느 쪽에도 해당 안 됨"


def _region(check: Check, ctx: _Context) -> Outcome:
    outcome, reason = _region_rule(check, ctx)
    moving, move_to = check.args[6], check.args[7]
    p = ctx.profile
    if move_to and p.region is not None:
        # "(지역 무관) … 선정기업은 3개월 이내 해당 지자체 내 본사, 연구소, 공장 이전(설립) …
        # 필수(포항시, 구미시, 경주시, 경산시, 칠곡군)" (171076): the places the move must go to
        # decide, not the 시·도 — a firm elsewhere in it moves too.
        head = reason.split(" — ")[0].replace("지역 제한: ", "지역: ")
        places = "·".join(sigungu_label(*k) for k in move_to)
        if p.district and (p.region, p.district) in move_to:
            return _OK, f"{head} — 소재지 {p.district_text()} 충족 (이전 대상지 {places})"
        if p.district:
            yours = f"귀사 {p.district_text()}: 단 선정 후 이전 조건 — 이전 대상지 {places}"
        else:
            yours = f"귀사 {p.region} (시·군·구 미입력): {places}가 아니면 단 선정 후 이전 조건"
        return _OK, f"{head} — {yours} (지원대상 '{moving}')"
    student_way = check.args[8]
    if outcome == _FAIL and not moving and student_way:
        # "경기도에 거주하거나 도내 소재 대학(원)에 재학 중인" (171037): a student living
        # elsewhere may still be in through a university in the area, which the profile does
        # not record — asked, not refused; without the 대학(원)생 box the refusal stands.
        if p.student:
            head = reason.split(" — ")[0].replace("지역 제한: ", "지역: ")
            return _UNKNOWN, (
                f"{head} — 귀사 {p.region}: 지역 내 대학(원) 재학생이면 신청 가능 ('{student_way}'), "
                "재학 대학 소재지 확인 필요"
            )
        return outcome, f"{reason} (또는 지역 내 대학(원) 재학생 — 프로필에 대학(원)생 미표시)"
    if outcome != _FAIL or not moving:
        return outcome, reason
    # "관외 기업은 선정 후 3개월 내 본사 이전": the notice admits outsiders, on a condition
    # they meet after selection (a 예비창업자 founds there, a firm moves). The rule is decided:
    # yes, and the reason states the condition so a founder who will not move reads it first.
    head = reason.split(" — ")[0].replace("지역 제한: ", "지역: ")
    who = "관외 예비창업자" if ctx.profile.pre_founding else "관외 기업"
    source = moving if moving.startswith(("사업명 '", "지원대상 '")) else f"지원대상 '{moving}'"
    return _OK, f"{head} — {who}도 신청 가능, 단 선정 후 이전 조건 ({source})"


def _region_rule(check: Check, ctx: _Context) -> Outcome:
    p = ctx.profile
    phrase = check.phrase
    required, label, unit, key, strict, premises, _, _, _ = check.args
    need = "·".join(required)
    head = f"지원대상 '{phrase}'" if label == "지원대상" else label
    if not required:
        return _UNKNOWN, f"{head} — 소재지 요건 확인 필요"
    if p.region is None:
        return _UNKNOWN, f"지역 제한: {head} — 소재지 {need} 필요, 귀사 소재지 미입력"
    place = sigungu_label(*key) if key is not None else need
    if p.region not in required:
        if premises and p.pre_founding:
            return _UNKNOWN, (
                f"지역: {head} — 사업장 요건이며 예비창업자의 거주지 요건은 원문에 없음, 확인 필요"
            )
        return (
            _FAIL,
            f"지역 제한: {head} — 소재지 {place if strict else need} 필요, 귀사 {p.region}",
        )
    if unit and key is not None and p.district:
        yours = p.district_text()
        if strict and label == "지원대상":
            head = f"지원대상 '{phrase}'"
        elif strict:
            head = f"{place} 사업"
        if (p.region, p.district) == key:
            return _OK, f"지역: {head} — 소재지 {place} 충족 (귀사 {yours})"
        if strict and premises and p.pre_founding:
            return _UNKNOWN, (
                f"지역: {head} — 사업장 요건이며 예비창업자의 거주지 요건은 원문에 없음, 확인 필요"
            )
        if strict:
            return _FAIL, f"지역 제한: {head} — 소재지 {place} 필요, 귀사 {yours}"
        return _UNKNOWN, (
            f"지역: {head} — 소재지 {need} 충족, 귀사 {yours} — {place} 관내 소재 "
            "요건이 있는지 확인 필요"
        )
    if unit:
        reason = f"지역: {head} — 소재지 {need} 충족, {unit} 관내 소재 여부 확인 필요"
        if strict:
            reason += " (시·군·구를 입력하면 판정합니다)"
        return _UNKNOWN, reason
    return _OK, f"지역: {head} — 소재지 {need} 충족"


_DEPOPULATION_LABEL = {
    "decline": "인구감소지역(행정안전부 고시 제2021-66호)",
    "interest": "인구감소관심지역(행정안전부 고시 제2025-78호)",
}


def _depopulation(check: Check, ctx: _Context) -> Outcome:
    """A place rule naming the 행정안전부's 인구감소지역 (and 관심지역), settled by the
    profile's 시·군·구 against the designated list (loaders.regions.DEPOPULATION_AREAS)."""
    outcome, reason = _depopulation_rule(check, ctx)
    moving = check.args[3]
    if outcome != _FAIL or not moving:
        return outcome, reason
    head = reason.split(" — ")[0].replace("지역 제한: ", "지역: ")
    who = "예비창업자" if ctx.profile.pre_founding else "그 밖의 기업"
    return _OK, f"{head} — {who}도 신청 가능, 단 선정 후 이전 조건 (지원대상 '{moving}')"


def _depopulation_rule(check: Check, ctx: _Context) -> Outcome:
    sidos, interest, soft, _ = check.args
    p = ctx.profile
    head = f"지원대상 '{check.phrase}'" if check.phrase else "인구감소지역 대상"
    what = "인구감소지역·관심지역" if interest else "인구감소지역"
    where = "·".join(s for s in sidos if s != "?")
    need = f"{where} {what}" if where else what
    if p.region is None:
        return _UNKNOWN, f"지역 제한: {head} — {need} 소재 필요, 귀사 소재지 미입력"
    if "?" in sidos:
        return _UNKNOWN, (
            f"지역: {head} — 어느 시·도의 {what}인지 원문에 없음 (귀사 {p.district_text() or p.region}), "
            "공고문 확인"
        )
    if sidos and p.region not in sidos:
        return _FAIL, f"지역 제한: {head} — {need} 소재 필요, 귀사 {p.region}"
    names = list(DEPOPULATION_AREAS.get(p.region, ()))
    if interest:
        names += DEPOPULATION_INTEREST_AREAS.get(p.region, ())
    listed = "·".join(sigungu_label(p.region, n) for n in names)
    planned = soft and p.pre_founding
    if not names:
        if planned:
            return _UNKNOWN, (
                f"지역: {head} — {p.region}에는 {what} 없음: 창업 예정지가 {what}이면 신청 가능, "
                "확인 필요"
            )
        return _FAIL, f"지역 제한: {head} — {need} 소재 필요, 귀사 {p.region}에는 {what} 없음"
    if p.district is None:
        return _UNKNOWN, (
            f"지역: {head} — {p.region}의 {what}: {listed} — 귀사 시·군·구 미입력 "
            "(시·군·구를 입력하면 판정합니다)"
        )
    yours = p.district_text()
    kind = depopulation_kind(p.region, p.district)
    if kind == "decline" or (kind == "interest" and interest):
        return _OK, f"지역: {head} — 귀사 {yours}: {_DEPOPULATION_LABEL[kind]} 충족"
    if kind == "unsettled" and interest:
        return _UNKNOWN, (
            f"지역: {head} — 귀사 {yours}: 관심지역(인천 동구) 승계 여부가 고시에 없음, 확인 필요"
        )
    if planned:
        return _UNKNOWN, (
            f"지역: {head} — 귀사 {yours}는 {what} 아님: 창업 예정지가 {what}"
            f"({listed})이면 신청 가능, 확인 필요"
        )
    return _FAIL, f"지역 제한: {head} — 귀사 {yours}는 {what} 아님 ({p.region}: {listed})"


def _region_open(check: Check, ctx: _Context) -> Outcome:
    del ctx
    return _OK, f"지역: 지원대상 '{check.phrase}' — 지역 제한 없음"


def _flag(check: Check, ctx: _Context) -> Outcome:
    label, attr = _FLAG_LABEL[check.kind]
    quote = f" ('{check.phrase}')" if check.phrase else ""
    if getattr(ctx.profile, attr):
        return _OK, f"{label} 대상{quote} — 충족"
    # The profile says only that its box is not ticked, not who the founder is.
    return _FAIL, f"{label} 대상{quote} — 프로필에 {GROUP_BY_KIND[check.kind].short} 미표시"


def _korean(check: Check, ctx: _Context) -> Outcome:
    if ctx.profile.foreign_founder:
        return _FAIL, f"'{check.phrase}' 대상 — 외국인 창업자 해당 없음"
    return _OK, f"'{check.phrase}' 대상 — 충족"


# Technology fields that cut across domains (a 바이오 firm may be an AI or 첨단제조 firm too).
_CROSS_FIELDS = frozenset(
    {
        "인공지능·빅데이터",
        "로봇·첨단제조",
        "정보·통신",
        "기계·소재",
        "전기·전자",
        "화공·섬유",
        "사이버보안",
        "차세대 통신",
        "반도체·디스플레이",
        "양자",
    }
)


def _field(check: Check, ctx: _Context) -> Outcome:
    (fields,) = check.args
    wanted = tuple(f for f in ctx.profile.fields if f != GENERAL_FIELD)
    head = f"분야: 지원대상 '{check.phrase}'"
    if not wanted:
        return _UNKNOWN, f"{head} — 귀사 기술분야 미입력 (분야를 고르면 판정합니다)"
    shared = [f for f in fields if f in wanted]
    if shared:
        return _OK, f"{head} — 귀사 {', '.join(shared)} 충족"
    near = [f for f in wanted if set(related_fields(f)) & set(fields)]
    if not near and set(fields) <= _CROSS_FIELDS:
        # A technology named as the program's field ("첨단제조 스타트업") often runs through
        # firms of other fields: only a domain field (농식품, 관광 …) rules a firm out.
        near = list(wanted)
    if near:
        return _UNKNOWN, (
            f"{head} — 귀사 {', '.join(near)}: {', '.join(fields)} 분야에도 해당하는지 확인 필요"
        )
    return _FAIL, f"분야 제한: 지원대상 '{check.phrase}' — 귀사 분야({', '.join(wanted)}) 해당 없음"


def _early(check: Check, ctx: _Context) -> Outcome:
    p = ctx.profile
    word = check.phrase or "초기"
    if p.pre_founding:
        return _OK, f"예비창업자 — '{word}' 조건은 창업 후 적용"
    if p.founded is None:
        return _UNKNOWN, f"설립일 미입력 — '{word}' 확인 필요"
    if ctx.day <= ctx.anniversary(EARLY_YEARS):
        return _OK, f"{ctx.age_text} — '{word}'({EARLY_YEARS}년 이내) 충족"
    return _UNKNOWN, (
        f"{ctx.age_text} — '{word}' 창업자 대상이나 업력 기준이 원문에 없음 "
        f"(통상 {EARLY_YEARS}년 이내), 확인 필요"
    )


def _excluded(check: Check, ctx: _Context) -> Outcome:
    """A group the 신청 제외 대상 names: out, unless the text states an exception (then △)."""
    if check.kind == "founder":
        label, member = (
            "사업자 대표",
            ctx.profile.founded is not None and not ctx.profile.pre_founding,
        )
    else:
        label, attr = _FLAG_LABEL[check.kind]
        member = bool(getattr(ctx.profile, attr))
    if not member:
        return _OK, f"신청 제외 대상('{check.phrase}') — 귀사 해당 없음"
    if check.args[0]:
        return _UNKNOWN, f"신청 제외 대상('{check.phrase}') — {label}, 예외 해당 여부 확인 필요"
    return _FAIL, f"신청 제외 대상('{check.phrase}') — {label} 해당"


def _open(check: Check, ctx: _Context) -> Outcome:
    del ctx
    return _UNKNOWN, f"확인 필요 — {check.phrase} (프로필로 판정할 수 없는 조건)"


def _unparsed(check: Check, ctx: _Context) -> Outcome:
    del ctx
    return _UNKNOWN, f"{CHECK_TEXT}: {check.phrase}"


_RULES: dict[str, Callable[[Check, _Context], Outcome]] = {
    "founder": _founder,
    "years": _years,
    "founded_dates": _founded_dates,
    "early": _early,
    "age": _age,
    "birth": _birth,
    "gender_age": _gender_age,
    "groups": _groups,
    "region": _region,
    "depopulation": _depopulation,
    "open": _open,
    "excluded": _excluded,
    "flag": _flag,
    "korean": _korean,
    "field": _field,
    "unparsed": _unparsed,
}


def _check(check: Check, ctx: _Context) -> Outcome:
    """Outcome (_OK/_FAIL/_UNKNOWN) and reason of one check; cue failures are unknown."""
    rule = "open_region" if check.kind == "region" and check.rule == "open" else check.rule
    outcome, reason = (_region_open if rule == "open_region" else _RULES[rule])(check, ctx)
    if check.cue:
        if outcome == _FAIL:
            return _UNKNOWN, f"{reason.split(' — ')[0]} — {_cue_suffix(check.cue, check.phrase)}"
        if outcome == _OK:
            return _OK, f"{reason} ({check.cue}에서 추정)"
        return _UNKNOWN, f"{reason} ({check.cue}에서 추정)"
    return outcome, reason


# Checks against calendar dates (a founding-date or birth-date window): the ones an older
# year's 지원대상 ("2025 기준") cannot settle for this year's call.
_DATED_RULES = frozenset({"founded_dates", "birth"})


def _track(
    checks: tuple[Check, ...], ctx: _Context, memo: dict[Check, Outcome], basis: str
) -> tuple[Status, list[str], list[str], list[str], list[str], list[int]]:
    reasons: list[str] = []
    kinds: list[str] = []
    failed: list[str] = []
    uncertain: list[str] = []
    outcomes: list[int] = []
    for check in checks:
        got = memo.get(check)
        if got is None:
            got = memo[check] = _check(check, ctx)
        outcome, reason = got
        from_target = (
            check.kind != "region"
            or check.rule in ("open", "depopulation")
            or check.args[1:2] == ("지원대상",)
        )
        if basis and not check.cue and check.rule not in ("open", "unparsed") and from_target:
            reason = f"{reason} ({basis})"
            if outcome == _FAIL and check.rule in _DATED_RULES:
                # An older year's call dates its window for that year ("2024년 1월1일 이후
                # … 사업자등록"); the program's own call moves it, so it can refuse no firm.
                outcome = _UNKNOWN
                reason = f"{reason} — 날짜 구간은 해마다 바뀝니다: 올해 공고문 확인"
        reasons.append(reason)
        kinds.append(check.kind)
        outcomes.append(outcome)
        if outcome == _FAIL:
            failed.append(check.kind)
        elif outcome == _UNKNOWN:
            uncertain.append(check.kind)
    status: Status = "ineligible" if failed else "maybe" if uncertain else "eligible"
    return status, reasons, failed, uncertain, kinds, outcomes


# Reasons are listed by what they mean for the firm: a condition it fails first (why ×), then
# the questions still open (why △), then what it meets — a table cell cut short still shows
# the decisive one. Within each group the checks keep their order.
_REASON_ORDER: dict[int, int] = {_FAIL: 0, _UNKNOWN: 1, _OK: 2}


def _combine(core: tuple, ctx: _Context, memo: dict[Check, Outcome]) -> tuple:
    """(status, reasons, failed, uncertain, kinds) of a compiled core: the best track's."""
    tracks, labels, has_target, fields, basis = core
    results = [_track(t, ctx, memo, basis) for t in tracks]
    best = min(
        range(len(results)),
        key=lambda i: (_RANK[results[i][0]], len(results[i][2]), len(results[i][3])),
    )
    status, reasons, failed, uncertain, kinds, outcomes = results[best]
    wanted = ctx.profile.fields
    if wanted and fields:
        shared = [f for f in fields if f in wanted]
        kinds.append("field")
        if shared:
            reasons.append(f"분야 일치: {', '.join(shared)}")
            outcomes.append(_OK)
        else:
            reasons.append(
                f"분야: {', '.join(fields)} 분야 사업으로 보임 — 귀사 분야({', '.join(wanted)}) 확인 필요"
            )
            outcomes.append(_UNKNOWN)
            uncertain.append("field")
            if status == "eligible":
                status = "maybe"
    if not has_target:
        reasons.append(f"지원대상 원문 없음 — 사업명·개요로만 판단했습니다. {CHECK_TEXT}")
        kinds.append("target")
        outcomes.append(_UNKNOWN)
        uncertain.append("target")
        if status == "eligible":
            status = "maybe"
    order = sorted(range(len(reasons)), key=lambda i: _REASON_ORDER[outcomes[i]])
    reasons = [reasons[i] for i in order]
    kinds = [kinds[i] for i in order]
    if labels:
        others = len(labels) - 1
        head = f"여러 트랙 중 '{labels[best]}' 기준"
        if status == "ineligible":
            head += f" — 다른 {others}개 트랙도 해당 없음"
        # Which track was judged leads an ○; a × or △ leads with its deciding reason.
        at = 0 if status == "eligible" or not reasons else 1
        reasons.insert(at, head)
        kinds.insert(at, "track")
    return status, tuple(reasons), tuple(failed), tuple(uncertain), tuple(kinds)


def evaluate(
    program: Program, profile: FirmProfile, *, reference_date: date | None = None
) -> Verdict:
    """The verdict for one program (see the module docstring for the rules).

    ``reference_date`` is the day 업력 and 나이 are counted on when the program's text states
    none — e.g. the 공고일 of the program's call; default the profile's ``as_of``.

    >>> from datetime import date
    >>> from loaders.model import Eligibility, Evidence, Program
    >>> elig = Eligibility(years_max=3, founder="founded_only", evidence=(
    ...     Evidence("years", "target", "창업 3년 이내"), Evidence("founder", "target", "창업 3년 이내")))
    >>> prog = Program("p1", 2026, "중앙부처", "중기부", "중기부", "전국", "초기창업패키지", "사업화",
    ...                target_text="창업 3년 이내 기업", eligibility=elig)
    >>> firm = FirmProfile(founded=date(2023, 3, 15), as_of=date(2026, 3, 15))
    >>> evaluate(prog, firm).status
    'eligible'
    """
    ctx = _Context(profile, reference_date)
    _, core = _compiled(program)
    return Verdict(program.program_id, *_combine(core, ctx, {}))


def evaluate_all(
    programs: Iterable[Program],
    profile: FirmProfile,
    *,
    reference_dates: Mapping[str, date] | None = None,
) -> dict[str, Verdict]:
    """Verdicts for every program, keyed by program_id (catalogue order kept).

    ``reference_dates`` maps a program_id to the day its 업력 and 나이 are counted on (a linked
    call's 공고일); other programs count on the profile's ``as_of``. Each distinct check and
    each distinct program signature is evaluated once per counting day, so the cost is
    dominated by building the result dict.
    """
    # Twenty thousand new verdicts would trigger several cyclic-GC passes over the whole heap
    # (the catalogue included) although verdicts hold no cycles; pausing the collector for the
    # loop makes the time stable (~2-3x faster at 20,000 programs).
    paused = gc.isenabled()
    gc.disable()
    try:
        return _evaluate_all(programs, profile, reference_dates or {})
    finally:
        if paused:
            gc.enable()


def _evaluate_all(
    programs: Iterable[Program], profile: FirmProfile, reference_dates: Mapping[str, date]
) -> dict[str, Verdict]:
    base = _Context(profile)
    contexts: dict[date | None, tuple[_Context, dict[Check, Outcome], dict[int, tuple]]] = {
        None: (base, {}, {})
    }
    out: dict[str, Verdict] = {}
    cache = _CACHE
    for program in programs:
        entry = cache.get(id(program))
        if entry is not None and entry[0] is program:
            sig, core = entry[1], entry[2]
        else:
            sig, core = _compiled(program)
        pid = program.program_id
        day = reference_dates.get(pid)
        group = contexts.get(day)
        if group is None:
            group = contexts[day] = (_Context(profile, day), {}, {})
        ctx, memo, combos = group
        got = combos.get(sig)
        if got is None:
            got = combos[sig] = _combine(core, ctx, memo)
        out[pid] = Verdict(pid, *got)
    return out


def status_counts(verdicts: Mapping[str, Verdict]) -> dict[str, int]:
    """How many programs are eligible / maybe / ineligible (always all three keys)."""
    counts = {"eligible": 0, "maybe": 0, "ineligible": 0}
    for v in verdicts.values():
        counts[v.status] += 1
    return counts


def time_window(
    program: Program, profile: FirmProfile, *, founding: date | None = None
) -> tuple[date, date | None] | None:
    """When, from ``profile.as_of`` on, the program's time-bound constraints hold.

    Time-bound are 업력 (years), 예비/기창업 (founder) and age (the founder gets one year older
    per year, see :meth:`FirmProfile.age_on`). ``founding`` is the assumed founding date of an
    예비창업자: pre-founder programs close the day before it, founded-only ones open on it.
    Returns ``(first_day, last_day)`` (``last_day`` None = open-ended) or None when the window
    is empty. Region and flags do not change with time and are not looked at here.
    """
    elig = program.eligibility
    as_of = profile.as_of
    start: date = as_of
    end: date | None = None
    pre = profile.pre_founding
    founded = founding if pre else profile.founded
    has_years = elig.years_min is not None or elig.years_max is not None
    mode = elig.founder or ("founded_only" if has_years else None)

    def clip(day: date) -> None:
        nonlocal end
        end = day if end is None else min(end, day)

    if mode == "pre_only":
        if not pre and profile.founded is not None:
            return None
        if pre and founding is not None:
            clip(founding - timedelta(days=1))
    elif mode == "founded_only" and pre:
        if founding is None:
            return None
        start = max(start, founding)
    if founded is not None and mode != "pre_only":
        # Founding dates a text states are fixed: the founding date is inside or it is not.
        if elig.founded_from is not None and founded < elig.founded_from:
            return None
        if elig.founded_until is not None and founded > elig.founded_until:
            return None
    if has_years and founded is not None and mode != "pre_only":
        if elig.years_min is not None and not (pre and mode == "pre_or_founded"):
            # (A pre-founder may apply as 예비 before founding; the band counts afterwards.)
            first = add_years(founded, elig.years_min)
            if not elig.years_min_inclusive:
                first += timedelta(days=1)
            start = max(start, first)
        if elig.years_max is not None:
            last = add_years(founded, elig.years_max)
            if not elig.years_max_inclusive:
                last -= timedelta(days=1)
            clip(last)
    if profile.ceo_age is not None:
        age = profile.ceo_age
        if elig.age_max is not None:
            if age > elig.age_max:
                return None
            clip(add_years(as_of, elig.age_max - age + 1) - timedelta(days=1))
        if elig.age_min is not None and age < elig.age_min:
            start = max(start, add_years(as_of, elig.age_min - age))
    if end is not None and end < start:
        return None
    return start, end
