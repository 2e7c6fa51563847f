"""Eligible / maybe / ineligible for every program, with reasons a founder can check.

The loaders turn each program's 지원대상 text (and cues in its name and summary) into an
:class:`~loaders.model.Eligibility` with the phrase behind every constraint. Here those
constraints meet one :class:`~graph.profile.FirmProfile`:

* a constraint from the 지원대상 text (basis "target") or from a notice-wide rule (basis "rule":
  a local government's program is for firms located in its area) that fails makes the program
  **ineligible**; its kind ("years", "age", "region", "founder", "restart", "women", "student",
  "disabled", "foreign") is listed in ``Verdict.failed`` so the roadmap can show near-misses;
* a constraint known only from a cue in the name or summary never decides alone: it gives
  **maybe**, and the reason says it is only inferred ("사업명의 '청년'으로 추정 — 지원대상 원문
  확인 필요");
* a program without 지원대상 text, with text the parser did not fully understand, or a value the
  profile does not give (age, founding date, region) is **maybe**, never a silent yes;
* everything satisfied and fully understood is **eligible**.

업력 is counted by date (see :mod:`graph.profile`): "3년 이내" holds on the third anniversary of
founding and fails the day after; "3년 초과" starts the day after it.

Speed: each program is compiled once into a tuple of checks (no regex at evaluation time) and
cached by identity; :func:`evaluate_all` evaluates each distinct check and each distinct program
signature once per profile, so 20,000 programs take a few milliseconds.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, NamedTuple

from graph.profile import FirmProfile, add_years
from loaders.model import Eligibility, Program
from loaders.regions import (
    NATIONWIDE,
    canonical_sido,
    is_sido_name,
    resolve_sigungu,
    sido_of_institution,
    sido_of_place,
    sigungu_label,
)
from loaders.taxonomy import GENERAL_FIELD
from loaders.vocab import CEO_AGE_LABEL, FOUNDER_GROUPS, GROUP_BY_KIND, GROUP_KINDS, Status

__all__ = [
    "CONSTRAINT_KINDS",
    "KIND_LABELS",
    "Verdict",
    "evaluate",
    "evaluate_all",
    "local_unit",
    "status_counts",
    "time_window",
]

CONSTRAINT_KINDS: tuple[str, ...] = ("founder", "years", "age", "region", *GROUP_KINDS)
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
_OK, _FAIL, _UNKNOWN = 0, 1, 2


@dataclass(frozen=True)
class Verdict:
    """The answer for one program and one profile.

    ``reasons`` are Korean sentences, one per constraint considered, in a stable order.
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
# A check is a small named tuple: ``kind``, ``cue`` ("" for target/rule evidence, else "사업명" or
# "사업개요": where the cue was read), the ``phrase`` behind it, then the kind's own parameters.
# Being tuples, checks hash by value: equal checks of many programs are evaluated once.


class FounderCheck(NamedTuple):
    """Who may apply: ``mode`` is "pre_only", "pre_or_founded" or "founded_only"."""

    kind: str
    cue: str
    phrase: str
    mode: str


class YearsCheck(NamedTuple):
    """업력 band in whole years since founding, each end inclusive or not."""

    kind: str
    cue: str
    phrase: str
    low: int | None
    low_inclusive: bool
    high: int | None
    high_inclusive: bool
    founder: str | None


class AgeCheck(NamedTuple):
    """대표자 나이 band (만 나이)."""

    kind: str
    cue: str
    phrase: str
    low: int | None
    high: int | None


class RegionCheck(NamedTuple):
    """소재지: the 시·도 ``required``, the ``label`` of the rule, the 기초 ``unit`` it is tied to
    and that unit's resolved (시·도, 시·군·구) ``key``; ``strict`` when another 시·군·구 fails."""

    kind: str
    cue: str
    phrase: str
    required: tuple[str, ...]
    label: str
    unit: str
    key: tuple[str, str] | None
    strict: bool


class GroupCheck(NamedTuple):
    """A founder group the program is for (``kind`` is the group's, e.g. "women")."""

    kind: str
    cue: str
    phrase: str


Check = FounderCheck | YearsCheck | AgeCheck | RegionCheck | GroupCheck
# (checks, whether there is 지원대상 text, the program's specific fields): shared by many programs.
Core = tuple[tuple[Check, ...], bool, tuple[str, ...]]


def _cue_source(program: Program, phrase: str) -> str:
    word = phrase.split(" (")[0].strip()
    return "사업명" if word and word in program.name else "사업개요"


def local_unit(program: Program) -> str:
    """The 기초 local government a local program belongs to ("김천시"), or "" if none is known.

    From a 기초 institution name, else a 기초 place leading the program name ("고양 1인 창조기업
    지원센터" -> "고양"). A 시·도 program (광역) returns "".
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
    return ""


def _institution_unit(program: Program, sido: str | None) -> tuple[str, str] | None:
    """(시·도, 시·군·구) of a program run by a named 기초 local government, else None."""
    inst = program.institution.strip()
    if not inst or is_sido_name(inst) or sido_of_institution(inst) is None:
        return None
    return resolve_sigungu(inst, sido)


def _region_check(program: Program, elig: Eligibility) -> RegionCheck | None:
    """The 소재지 check of a program, or None when it has none.

    The unit key is the resolved (시·도, 시·군·구) of the 기초 place the program is tied to,
    so a profile's ``district`` can settle it. ``strict`` is True when that place is the
    program's own 기초 institution: the local-area rule then rules out other 시·군·구. A 기초
    place known only from the program name or the target phrase settles a match but never
    rules out (the name may be a venue; the target may add "거주예정", "전입" and the like).
    """
    target_regions = tuple(r for r in elig.regions if r and r != NATIONWIDE)
    ev = elig.evidence_for("regions")
    if target_regions:
        phrase = ev.phrase if ev else "/".join(target_regions)
        cue = "" if ev is None or ev.basis != "cue" else _cue_source(program, phrase)
        # A 기초 place in the phrase means the firm must be in that 시·군, which a profile's
        # 시·도 alone cannot confirm.
        first = phrase.split()[0] if phrase.split() else ""
        unit = first if first and not is_sido_name(first) and sido_of_place(first) else ""
        key = None
        strict = False
        if unit and len(target_regions) == 1:
            key = resolve_sigungu(unit.rstrip(",·"), target_regions[0], stems=True)
            # Only a plain "김천시 소재" / "김천시 거주" of the program's own 기초 institution
            # rules out other 시·군·구; "김천시 거주·거주예정", "군산시 전입," may admit them.
            plain = phrase.split()[1:] in (["소재"], ["거주"])
            own = _institution_unit(program, target_regions[0])
            strict = plain and key is not None and key == own
        return RegionCheck("region", cue, phrase, target_regions, "지원대상", unit, key, strict)
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
    return RegionCheck(
        "region", "", area.phrase if area else "", required, label, unit, key, strict
    )


def _compile(program: Program) -> tuple[Core, str]:
    """Program -> ((checks, has_target, fields), unparsed-text note or "")."""
    elig = program.eligibility
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

    has_years = elig.years_min is not None or elig.years_max is not None
    if elig.founder is not None:
        cue, phrase = cue_of("founder")
        checks.append(FounderCheck("founder", cue, phrase, elig.founder))
    elif has_years:
        # An 업력 band without a founder phrase still means an existing business.
        cue, phrase = cue_of("years")
        checks.append(FounderCheck("founder", cue, phrase, "founded_only"))
    if has_years:
        cue, phrase = cue_of("years")
        checks.append(
            YearsCheck(
                "years",
                cue,
                phrase,
                elig.years_min,
                elig.years_min_inclusive,
                elig.years_max,
                elig.years_max_inclusive,
                elig.founder,
            )
        )
    if elig.age_min is not None or elig.age_max is not None:
        cue, phrase = cue_of("age")
        checks.append(AgeCheck("age", cue, phrase, elig.age_min, elig.age_max))
    region = _region_check(program, elig)
    if region is not None:
        checks.append(region)
    for flag in GROUP_KINDS:
        if getattr(elig, flag):
            cue, phrase = cue_of(flag)
            checks.append(GroupCheck(flag, cue, phrase))
    fields = tuple(f for f in program.tech_fields if f != GENERAL_FIELD)
    target = " ".join(program.target_text.split())
    # The core (checks, whether there is text, fields) is shared by many programs; the note
    # quoting this program's own unparsed 지원대상 text is kept apart so it does not make every
    # signature unique.
    note = ""
    if target and elig.unparsed:
        shown = target if len(target) <= 120 else target[:117] + "…"
        note = f"{CHECK_TEXT}: '{shown}'"
    return (tuple(checks), bool(target), fields), note


# Identity cache: Program records are frozen, so a compiled form stays valid for the object's
# lifetime; the stored reference keeps the id from being reused. Each distinct compiled form is
# interned to a small integer once, so evaluate_all groups programs without re-hashing nested
# tuples on every call.
_CACHE: dict[int, tuple[Program, int, Core, str]] = {}
_SIGNATURES: dict[Core, int] = {}
_CACHE_MAX = 250_000


def _compiled(program: Program) -> tuple[int, Core, str]:
    entry = _CACHE.get(id(program))
    if entry is not None and entry[0] is program:
        return entry[1], entry[2], entry[3]
    if len(_CACHE) >= _CACHE_MAX:
        _CACHE.clear()
        _SIGNATURES.clear()
    core, note = _compile(program)
    sig = _SIGNATURES.setdefault(core, len(_SIGNATURES))
    _CACHE[id(program)] = (program, sig, core, note)
    return sig, core, note


# ----------------------------------------------------------------------------- evaluation


def _years_text(low: int | None, low_inc: bool, high: int | None, high_inc: bool) -> str:
    parts = []
    if low is not None:
        parts.append(f"{low}년 {'이상' if low_inc else '초과'}")
    if high is not None:
        parts.append(f"{high}년 {'이내' if high_inc else '미만'}")
    return " ".join(parts)


class _Context:
    """Per-profile values computed once per evaluate_all call."""

    __slots__ = ("age_text", "anniv", "profile")

    def __init__(self, profile: FirmProfile) -> None:
        self.profile = profile
        self.age_text = profile.business_age_text()
        self.anniv: dict[int, date] = {}

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


def _check(check: Check, ctx: _Context) -> tuple[int, str]:
    """Outcome (_OK/_FAIL/_UNKNOWN) and reason of one check; cue failures are unknown."""
    cue, phrase = check.cue, check.phrase
    p = ctx.profile
    outcome, reason = _UNKNOWN, ""
    if isinstance(check, FounderCheck):
        mode = check.mode
        quote = f" ('{phrase}')" if phrase else ""
        if mode == "pre_only":
            if p.pre_founding:
                outcome, reason = _OK, f"예비창업자 대상{quote} — 충족"
            elif p.founded is not None:
                outcome, reason = (
                    _FAIL,
                    f"예비창업자 대상{quote} — 귀사는 이미 창업({ctx.age_text})",
                )
            else:
                reason = f"예비창업자 대상{quote} — 창업 여부(설립일) 미입력, 확인 필요"
        elif mode == "founded_only":
            if p.pre_founding:
                outcome, reason = (
                    _FAIL,
                    f"창업기업 대상{quote} — 예비창업자는 사업자 등록 후 신청 가능",
                )
            else:
                outcome, reason = _OK, f"창업기업 대상{quote} — 충족"
        else:
            outcome, reason = _OK, f"(예비)창업자 대상{quote} — 충족"
    elif isinstance(check, YearsCheck):
        low, low_inc, high, high_inc = (
            check.low,
            check.low_inclusive,
            check.high,
            check.high_inclusive,
        )
        band = phrase or _years_text(low, low_inc, high, high_inc)
        if p.pre_founding:
            # Whether a pre-founder may apply at all is the founder check's answer; the 업력
            # band only starts to count once the business is registered.
            outcome, reason = _OK, f"예비창업자 — 업력 조건('{band}')은 창업 후 적용"
        elif p.founded is None:
            reason = f"설립일 미입력 — 업력 '{band}' 확인 필요"
        else:
            as_of = p.as_of
            ok = True
            hint = ""
            if low is not None:
                start = ctx.anniversary(low)
                if not (as_of >= start if low_inc else as_of > start):
                    ok = False
                    first = start if low_inc else start + timedelta(days=1)
                    hint = f" 미달 ({first.isoformat()}부터 해당)"
            if ok and high is not None:
                end = ctx.anniversary(high)
                if not (as_of <= end if high_inc else as_of < end):
                    ok = False
                    hint = " 초과"
            if ok:
                outcome, reason = _OK, f"{ctx.age_text} — '{band}' 충족"
            else:
                outcome, reason = _FAIL, f"{ctx.age_text} — '{band}'{hint}"
    elif isinstance(check, AgeCheck):
        low, high = check.low, check.high
        if phrase:
            band = phrase
        elif low is None:
            band = f"만 {high}세 이하"
        elif high is None:
            band = f"만 {low}세 이상"
        else:
            band = f"만 {low}~{high}세"
        if p.ceo_age is None:
            reason = f"대표자 나이 미입력 — '{band}' 확인 필요"
        elif (low is not None and p.ceo_age < low) or (high is not None and p.ceo_age > high):
            outcome, reason = _FAIL, f"대표자 만 {p.ceo_age}세 — '{band}' 해당 안 됨"
        else:
            outcome, reason = _OK, f"대표자 만 {p.ceo_age}세 — '{band}' 충족"
    elif isinstance(check, RegionCheck):
        required, label, unit, key, strict = (
            check.required,
            check.label,
            check.unit,
            check.key,
            check.strict,
        )
        need = "·".join(required)
        head = f"지원대상 '{phrase}'" if label == "지원대상" else label
        if not required:
            reason = f"{head} — 소재지 요건 확인 필요"
        elif p.region is None:
            reason = f"지역 제한: {head} — 소재지 {need} 필요, 귀사 소재지 미입력"
        elif p.region not in required:
            outcome, reason = _FAIL, f"지역 제한: {head} — 소재지 {need} 필요, 귀사 {p.region}"
        elif unit and key is not None and p.district:
            place, yours = sigungu_label(*key), p.district_text()
            if strict and label == "지원대상":
                head = f"{place} 사업 (지원대상 '{phrase}')"
            elif strict:
                head = f"{place} 사업"
            if (p.region, p.district) == key:
                outcome, reason = _OK, f"지역: {head} — 소재지 {place} 충족 (귀사 {yours})"
            elif strict:
                outcome, reason = _FAIL, f"지역 제한: {head} — 소재지 {place} 필요, 귀사 {yours}"
            else:
                reason = (
                    f"지역: {head} — 소재지 {need} 충족, 귀사 {yours} — {place} 관내 소재 "
                    "요건이 있는지 확인 필요"
                )
        elif unit:
            reason = f"지역: {head} — 소재지 {need} 충족, {unit} 관내 소재 여부 확인 필요"
            if strict:
                reason += " (시·군·구를 입력하면 판정합니다)"
        else:
            outcome, reason = _OK, f"지역: {head} — 소재지 {need} 충족"
    else:  # a founder group
        group = GROUP_BY_KIND[check.kind]
        label = group.person
        quote = f" ('{phrase}')" if phrase else ""
        if getattr(p, group.profile_field):
            outcome, reason = _OK, f"{label} 대상{quote} — 충족"
        else:
            outcome, reason = _FAIL, f"{label} 대상{quote} — 귀사 해당 없음"
    if cue:
        if outcome == _FAIL:
            return _UNKNOWN, f"{reason.split(' — ')[0]} — {_cue_suffix(cue, phrase)}"
        if outcome == _OK:
            return _OK, f"{reason} ({cue}에서 추정)"
    return outcome, reason


class _Outcome(NamedTuple):
    """A verdict without its program id (the fields of :class:`Verdict` after the id)."""

    status: Status
    reasons: tuple[str, ...]
    failed: tuple[str, ...]
    uncertain: tuple[str, ...]
    kinds: tuple[str, ...]


def _combine(
    core: Core, ctx: _Context, memo: dict[Check, tuple[int, str]]
) -> tuple[_Outcome, _Outcome]:
    """The outcome of a compiled core, and the outcome when the program also carries an
    unparsed-text note (its quoted text is added per program by :func:`_verdict`)."""
    checks, has_target, fields = core
    reasons: list[str] = []
    kinds: list[str] = []
    failed: list[str] = []
    uncertain: list[str] = []
    for check in checks:
        got = memo.get(check)
        if got is None:
            got = memo[check] = _check(check, ctx)
        outcome, reason = got
        reasons.append(reason)
        kinds.append(check.kind)
        if outcome == _FAIL:
            failed.append(check.kind)
        elif outcome == _UNKNOWN:
            uncertain.append(check.kind)
    wanted = ctx.profile.fields
    if wanted and fields:
        shared = [f for f in fields if f in wanted]
        kinds.append("field")
        if shared:
            reasons.append(f"분야 일치: {', '.join(shared)}")
        else:
            reasons.append(
                f"분야: {', '.join(fields)} 분야 사업으로 보임 — 귀사 분야({', '.join(wanted)}) 확인 필요"
            )
            uncertain.append("field")
    if not has_target:
        reasons.append(f"지원대상 원문 없음 — 사업명·개요로만 판단했습니다. {CHECK_TEXT}")
        kinds.append("target")
        uncertain.append("target")
    plain = _Outcome(
        "ineligible" if failed else "maybe" if uncertain else "eligible",
        tuple(reasons),
        tuple(failed),
        tuple(uncertain),
        tuple(kinds),
    )
    noted = _Outcome(
        "ineligible" if failed else "maybe",
        plain.reasons,
        plain.failed,
        (*uncertain, "target"),
        (*kinds, "target"),
    )
    return plain, noted


def _verdict(pid: str, combined: tuple[_Outcome, _Outcome], note: str) -> Verdict:
    plain, noted = combined
    if not note:
        return Verdict(pid, *plain)
    return Verdict(
        pid, noted.status, (*noted.reasons, note), noted.failed, noted.uncertain, noted.kinds
    )


def evaluate(program: Program, profile: FirmProfile) -> Verdict:
    """The verdict for one program (see the module docstring for the rules).

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
    ctx = _Context(profile)
    _, core, note = _compiled(program)
    return _verdict(program.program_id, _combine(core, ctx, {}), note)


def evaluate_all(programs: Iterable[Program], profile: FirmProfile) -> dict[str, Verdict]:
    """Verdicts for every program, keyed by program_id (catalogue order kept).

    Each distinct check and each distinct program signature is evaluated once per call, so the
    cost is dominated by building the result dict.
    """
    # Twenty thousand new verdicts would trigger several cyclic-GC passes over the whole heap
    # (the catalogue included) although verdicts hold no cycles; pausing the collector for the
    # loop makes the time stable (~2-3x faster at 20,000 programs).
    paused = gc.isenabled()
    gc.disable()
    try:
        return _evaluate_all(programs, profile)
    finally:
        if paused:
            gc.enable()


def _evaluate_all(programs: Iterable[Program], profile: FirmProfile) -> dict[str, Verdict]:
    ctx = _Context(profile)
    memo: dict[Check, tuple[int, str]] = {}
    combos: dict[int, tuple[_Outcome, _Outcome]] = {}
    out: dict[str, Verdict] = {}
    cache = _CACHE
    for program in programs:
        entry = cache.get(id(program))
        if entry is not None and entry[0] is program:
            sig, core, note = entry[1], entry[2], entry[3]
        else:
            sig, core, note = _compiled(program)
        got = combos.get(sig)
        if got is None:
            got = combos[sig] = _combine(core, ctx, memo)
        pid = program.program_id
        out[pid] = Verdict(pid, *got[0]) if not note else _verdict(pid, got, note)
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
