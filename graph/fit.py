"""Does a program *fit* a firm well enough to be a step of its roadmap?

A verdict (:mod:`graph.eligibility`) answers "may this firm apply?" with ○ / △ / ×. A roadmap a
consultant hands over needs a stricter answer, because a △ means very different things:

* "대표자 나이 미입력" — one fact the profile did not give; the step holds if the fact does, so
  it may be a step, labelled with that fact (:data:`FitKind` ``"needs_fact"``);
* "지원대상 원문 없음" or an unparsed clause — nobody knows who may apply; such a program is
  never a step, at most a candidate to verify in a gap (``"unverified"``);
* "사업명의 '여성'으로 추정" for a founder who is not a woman — a program for a group the firm is
  not in; it never appears in the roadmap at all (``"excluded"``), nor does a program of another
  technology field;
* a program of another area open to outside firms only if they move there ("관외 기업은 선정 후
  본사 이전") is an alternative "본사를 옮기면", never a step (``"relocate_alternative"``);
* a field-specific program when the profile names no field ("바이오 글로벌 파트너링" for a firm
  that said nothing about its field) is not a step either: it is listed as an alternative
  "분야가 맞으면" (``"field_alternative"``).

Group words read from the name alone are strong enough to *exclude* here (not to rule out in the
finder), because a roadmap step must be a program the firm fits, not one it might fit:
:data:`GROUP_NAME_CUES` adds a few name cues the 지원대상 parser does not treat as groups (a
university-lab program is for 교원·연구원·학생 of that lab, not for any firm).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from graph.eligibility import KIND_LABELS, Verdict, local_unit
from graph.profile import FirmProfile
from loaders.model import Program
from loaders.regions import NATIONWIDE, canonical_sido, resolve_sigungu
from loaders.taxonomy import GENERAL_FIELD
from loaders.textnorm import norm_key
from loaders.vocab import CEO_AGE_LABEL, FOUNDER_GROUPS

__all__ = [
    "FLAG_OF_KIND",
    "GROUP_LABELS",
    "GROUP_NAME_CUES",
    "Fit",
    "FitKind",
    "assess",
    "group_restriction",
    "relocation",
    "shared_groups",
    "specific_fields",
]

FitKind = Literal[
    "fits", "needs_fact", "field_alternative", "relocate_alternative", "unverified", "excluded"
]

# Eligibility flag (constraint kind) -> the FirmProfile attribute that says the founder is in it.
FLAG_OF_KIND: dict[str, str] = {g.kind: g.profile_field for g in FOUNDER_GROUPS}
# Who a group program is for; a university-lab program (a student cue) is for the lab's people.
GROUP_LABELS: dict[str, str] = {
    **{g.kind: g.person for g in FOUNDER_GROUPS},
    "student": "대학(원)생·대학 실험실",
}

# Words that tie a program to a group although the 지원대상 parser does not flag it, read in
# the name (first tuple) and, for phrases too specific to mean anything else, in the summary
# (second tuple). "실험실 특화형 창업선도대학" funds university-lab startups (교원·연구원·학생 of
# the lab); "창업이민"/OASIS and K-Startup 그랜드챌린지 bring foreign founders to Korea.
GROUP_NAME_CUES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "student": (("실험실", "대학생", "학생창업"), ()),
    "foreign": (
        ("외국인", "유학생", "창업이민", "그랜드챌린지", "인바운드", "해외스타트업유치"),
        (
            "외국인 창업",
            "창업이민",
            "해외 우수 스타트업의 국내",
            "해외 창업자",
            "해외 스타트업 유치",
        ),
    ),
    "women": (("여성창업", "여성기업"), ()),
    "disabled": (("장애인",), ()),
    "restart": (("재창업", "재도전"), ()),
    "defector": (("북한이탈", "탈북"), ("북한이탈주민",)),
}
_CUE_KEYS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    kind: (tuple(norm_key(w) for w in name), tuple(norm_key(w) for w in summary))
    for kind, (name, summary) in GROUP_NAME_CUES.items()
}
# "중장년" programs (중장년 기술창업센터 …) are for founders aged 40 and over (만 40세 이상 in
# their calls); with a known younger age they are not for the firm.
_MIDDLE_AGED = norm_key("중장년")
_MIDDLE_AGED_FROM = 40

# A missing profile value and the constraint kinds it leaves open: one fact may open several
# kinds (no founding date leaves both 창업 여부 and 업력 open).
_FACT_LABELS: dict[str, str] = {
    "age": CEO_AGE_LABEL,
    "founded": "설립일(창업 여부·업력)",
    "region": "소재지(시·도)",
    "district": "시·군·구",
}


@dataclass(frozen=True, slots=True)
class Fit:
    """How a program fits a profile for the roadmap.

    ``fact`` names the one fact the profile did not give (``needs_fact``, and a field
    alternative that also needs one); ``detail`` is a Korean sentence saying why (the verdict's
    reason about the open fact, the group or field that excludes, or what is unverified).
    """

    kind: FitKind
    fact: str = ""
    detail: str = ""

    @property
    def is_step(self) -> bool:
        """May be a roadmap step (○, or △ for one named fact the profile did not give)."""
        return self.kind in ("fits", "needs_fact")


def specific_fields(program: Program) -> tuple[str, ...]:
    """The program's technology fields other than "일반/분야무관"."""
    return tuple(f for f in program.tech_fields if f != GENERAL_FIELD)


def group_restriction(program: Program, profile: FirmProfile) -> str:
    """The group the program is for and the founder is not in ("" when none).

    From the parsed eligibility (target text or name/summary cue) and :data:`GROUP_NAME_CUES`.
    """
    elig = program.eligibility
    name = norm_key(program.name)
    summary = ""
    for kind in FLAG_OF_KIND:
        attr = FLAG_OF_KIND.get(kind)
        if attr and getattr(profile, attr):
            continue
        if attr and getattr(elig, kind):
            return kind
        in_name, in_summary = _CUE_KEYS.get(kind, ((), ()))
        if any(w in name for w in in_name):
            return kind
        if in_summary:
            summary = summary or norm_key(program.summary)
            if any(w in summary for w in in_summary):
                return kind
    return ""


def _too_young(program: Program, profile: FirmProfile) -> bool:
    """A "중장년" program and a founder known to be younger than 40."""
    if profile.ceo_age is None or profile.ceo_age >= _MIDDLE_AGED_FROM:
        return False
    return _MIDDLE_AGED in norm_key(program.name) or _MIDDLE_AGED in norm_key(program.summary)


def relocation(program: Program, profile: FirmProfile) -> str:
    """Where the firm would have to move for a program of another area that admits outside
    firms on condition of moving ("관외 기업은 선정 후 3개월 내 본사 이전",
    :attr:`~loaders.model.Eligibility.region_relocate`): "경남 함안군", or "" when the program
    is in the firm's own area (or its 시·군·구 is not known) or nationwide."""
    elig = program.eligibility
    # The evidence is there also when only one track of the text admits movers (경남형 … 리그).
    moves = elig.region_relocate or elig.evidence_for("region_relocate") is not None
    if not moves or not program.is_local or profile.region is None:
        return ""
    sido = canonical_sido(program.region)
    if not sido or sido == NATIONWIDE:
        return ""
    unit = local_unit(program)
    key = resolve_sigungu(unit, sido, stems=True) if unit else None
    if sido != profile.region:
        return f"{sido} {key[1]}" if key else sido
    if key is not None and profile.district and key != (profile.region, profile.district):
        return f"{sido} {key[1]}"
    return ""


def shared_groups(program: Program, profile: FirmProfile) -> tuple[str, ...]:
    """Groups the program is for that the founder is in (a 재창업 program for a 재창업자)."""
    elig = program.eligibility
    return tuple(
        k for k, attr in FLAG_OF_KIND.items() if getattr(profile, attr) and getattr(elig, k)
    )


def _missing_fact(kind: str, verdict: Verdict, profile: FirmProfile) -> str:
    """The profile fact whose absence leaves constraint ``kind`` open ("" when none is missing)."""
    if kind == "age":
        return "age" if profile.ceo_age is None else ""
    if kind in ("years", "founder"):
        return "founded" if not profile.pre_founding and profile.founded is None else ""
    if kind == "region":
        if profile.region is None:
            return "region"
        regional = [r for k, r in zip(verdict.kinds, verdict.reasons, strict=False) if k == kind]
        asks = ("관내 소재 여부 확인 필요", "시·군·구를 입력하면 판정")
        if profile.district is None and any(a in r for r in regional for a in asks):
            return "district"
    return ""


def assess(program: Program, verdict: Verdict, profile: FirmProfile) -> Fit:
    """How ``program`` fits ``profile`` for a roadmap, given the verdict for the same pair.

    >>> from loaders.model import Program
    >>> from graph.eligibility import evaluate
    >>> bio = Program("b", 2026, "중앙부처", "", "", "전국", "바이오 글로벌 파트너링", "글로벌 진출",
    ...               target_text="창업기업", tech_fields=("바이오·헬스",))
    >>> firm = FirmProfile()
    >>> assess(bio, evaluate(bio, firm), firm).kind
    'field_alternative'
    """
    group = group_restriction(program, profile)
    if group:
        return Fit("excluded", detail=f"{GROUP_LABELS[group]} 대상 사업 — 귀사 해당 없음")
    if _too_young(program, profile):
        return Fit("excluded", detail=f"중장년(만 {_MIDDLE_AGED_FROM}세 이상) 대상 사업")
    fields = specific_fields(program)
    wanted = tuple(f for f in profile.fields if f != GENERAL_FIELD)
    if fields and wanted and not any(f in wanted for f in fields):
        return Fit(
            "excluded",
            detail=f"{', '.join(fields)} 분야 사업 — 귀사 분야({', '.join(wanted)})와 다름",
        )
    if verdict.status == "ineligible":
        labels = ", ".join(KIND_LABELS.get(k, k) for k in verdict.failed)
        return Fit("excluded", detail=f"불충족: {labels}")
    moving = relocation(program, profile)
    if moving:
        # Open to outside firms only if they move: a choice the profile cannot make for the
        # founder, so never a step — an alternative "본사를 옮기면" when everything else holds.
        if verdict.status == "eligible":
            return Fit("relocate_alternative", fact=f"본사 이전({moving})",
                       detail=f"관외 기업은 선정 후 {moving}(으)로 본사 이전 조건")  # fmt: skip
        return Fit("excluded", detail=f"{moving} 소재 사업 — 본사 이전 조건")
    alternative = bool(fields) and not wanted
    if verdict.status == "eligible":
        if alternative:
            return Fit("field_alternative", detail=f"{', '.join(fields)} 분야 사업")
        return Fit("fits")
    open_kinds = [k for k in dict.fromkeys(verdict.uncertain) if k != "field"]
    facts = {k: _missing_fact(k, verdict, profile) for k in open_kinds}
    missing = set(facts.values())
    if open_kinds and "" not in missing and len(missing) == 1:
        fact = _FACT_LABELS[missing.pop()]
        detail = next((verdict.reason_for(k) for k in open_kinds if verdict.reason_for(k)), "")
        if alternative:
            return Fit("field_alternative", fact=fact, detail=f"{', '.join(fields)} 분야 사업")
        return Fit("needs_fact", fact=fact, detail=detail)
    if alternative:
        # Neither the field nor the target is known to fit: not even a candidate to verify.
        return Fit("excluded", detail=f"{', '.join(fields)} 분야 사업 — 지원대상도 확인 필요")
    unknown = [KIND_LABELS.get(k, k) for k, f in facts.items() if not f]
    return Fit("unverified", detail="확인 필요: " + ", ".join(dict.fromkeys(unknown or ["자격"])))
