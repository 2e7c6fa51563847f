"""△ you can act on: what each "확인 필요" is missing, and the one profile question that settles most.

A △ verdict is open for one of two kinds of reason: the firm's profile leaves out a fact the
program asks about (설립일, 대표자 나이, 소재지, 시·군·구, 기술분야), or only the program's own text
can say (no 지원대상 text, text only partly read, a condition guessed from the name). This module
sorts every △ program into groups by the missing fact, so a founder sees "시·군·구를 입력하면
판정되는 사업 42개" beside "지원대상 원문 없음 — 공고문 확인 120개" instead of one long list.

Which question settles a condition is found by asking the engine, not by reading its sentences:
the program is judged again with representative answers (the program's own 시·군·구 and another
one; 예비 and several founding dates; several ages; the program's own field and another), and a
condition counts as settled by a question only if it is decided — met or failed — under every
answer. The question that settles the most programs is offered first. ``judge`` is the verdict
function to ask (plain :func:`graph.eligibility.evaluate_all`, or one that also weighs calls).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import timedelta

from graph.eligibility import Verdict, evaluate_all, local_unit
from graph.profile import FirmProfile, add_years
from loaders.model import Program
from loaders.regions import SIDO, SIGUNGU_BY_SIDO, resolve_sigungu
from loaders.taxonomy import GENERAL_FIELD, TECH_FIELDS
from loaders.vocab import CEO_AGE_FORM_LABEL, CEO_AGE_LABEL

__all__ = [
    "QUESTIONS",
    "TEXT_FACTS",
    "Judge",
    "MaybeGroup",
    "MaybeSummary",
    "Question",
    "group_maybes",
]

Judge = Callable[[Sequence[Program], FirmProfile], Mapping[str, Verdict]]


@dataclass(frozen=True, slots=True)
class Question:
    """A profile question: the form field it fills, its wording, and the conditions it settles."""

    key: str  # the profile field: "district", "founded", "ceo_age", "region", "fields"
    field_label: str  # the sidebar box it is answered in
    label: str  # the group's title
    kinds: tuple[str, ...]  # verdict condition kinds it can decide


QUESTIONS: tuple[Question, ...] = (
    Question("district", "시·군·구", "시·군·구를 입력하면 판정되는 사업", ("region",)),
    Question("fields", "기술·사업 분야", "기술분야를 고르면 판정되는 사업", ("field",)),
    Question(
        "founded",
        "창업 여부·설립일",
        "설립일(또는 예비창업자 여부)을 입력하면 판정되는 사업",
        ("founder", "years"),
    ),
    Question("ceo_age", CEO_AGE_FORM_LABEL, f"{CEO_AGE_LABEL}를 입력하면 판정되는 사업", ("age",)),
    Question("region", "소재지", "소재지(시·도)를 입력하면 판정되는 사업", ("region",)),
)
# Groups only the program's own text (or its call) can settle, in the order they are listed.
TEXT_FACTS: dict[str, str] = {
    "no_text": "지원대상 원문 없음 — 공고문 확인",
    "partial_text": "지원대상 원문 일부만 읽힘 — 공고문 확인",
    "place_unknown": "사업 지역(시·도) 미상 — 공고문 확인",
    "cue": "사업명·개요로만 추정한 조건 — 공고문 확인",
    "field": "분야가 맞는지 — 공고문 확인",
    "other": "그 밖의 조건 — 공고문 확인",
}


@dataclass(frozen=True)
class MaybeGroup:
    """△ programs missing one fact. ``question`` is the profile field that settles their
    condition (None for facts only the 공고문 can give); ``settled`` the programs among them
    that the answer would turn into ○ or × outright (whatever the answer)."""

    key: str
    label: str
    program_ids: tuple[str, ...]
    question: Question | None = None
    settled: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.program_ids)


@dataclass(frozen=True)
class MaybeSummary:
    """Every △ program's groups (a program may be in several), and the best question to ask."""

    groups: tuple[MaybeGroup, ...]
    best: MaybeGroup | None
    maybe_total: int

    def to_dict(self) -> dict[str, object]:
        return {
            "maybe_total": self.maybe_total,
            "best_question": self.best.question.key if self.best and self.best.question else None,
            "groups": [
                {
                    "key": g.key,
                    "label": g.label,
                    "count": len(g),
                    "question": g.question.key if g.question else None,
                    "settled": len(g.settled),
                    "program_ids": list(g.program_ids),
                }
                for g in self.groups
            ],
        }


# --------------------------------------------------------------------------- answers to try


def _district_answers(program: Program, profile: FirmProfile) -> list[FirmProfile]:
    region = profile.region
    if region is None or profile.district is not None or not SIGUNGU_BY_SIDO.get(region):
        return []
    names = list(SIGUNGU_BY_SIDO[region])
    unit = local_unit(program)
    own = resolve_sigungu(unit, region, stems=True) if unit else None
    picks = [own[1]] if own and own[0] == region else []
    picks.append(next(n for n in names if n not in picks))
    return [replace(profile, district=name) for name in picks]


def _founded_answers(program: Program, profile: FirmProfile) -> list[FirmProfile]:
    if profile.pre_founding or profile.founded is not None:
        return []
    days = [add_years(profile.as_of, -n) for n in (1, 4, 8, 12)]
    return [replace(profile, pre_founding=True)] + [
        replace(profile, founded=day - timedelta(days=1)) for day in days
    ]


def _age_answers(program: Program, profile: FirmProfile) -> list[FirmProfile]:
    if profile.ceo_age is not None:
        return []
    return [replace(profile, ceo_age=age) for age in (17, 25, 35, 45, 65)]


def _region_answers(program: Program, profile: FirmProfile) -> list[FirmProfile]:
    if profile.region is not None:
        return []
    return [replace(profile, region=sido) for sido in SIDO]


def _field_answers(program: Program, profile: FirmProfile) -> list[FirmProfile]:
    if profile.fields:
        return []
    own = [f for f in program.tech_fields if f != GENERAL_FIELD]
    other = next(f for f in TECH_FIELDS if f not in own)
    return [replace(profile, fields=(f,)) for f in (*own[:1], other)]


_ANSWERS: dict[str, Callable[[Program, FirmProfile], list[FirmProfile]]] = {
    "district": _district_answers,
    "founded": _founded_answers,
    "ceo_age": _age_answers,
    "region": _region_answers,
    "fields": _field_answers,
}


# --------------------------------------------------------------------------- grouping


def _settled_by(
    question: Question,
    programs: Sequence[Program],
    verdicts: Mapping[str, Verdict],
    profile: FirmProfile,
    judge: Judge,
) -> tuple[set[str], set[str]]:
    """(programs whose open condition the question decides, those it decides outright)."""
    # Programs open on one of the question's conditions, and the answers to try for each.
    tries: dict[FirmProfile, list[Program]] = {}
    asked: dict[str, int] = {}
    for p in programs:
        verdict = verdicts[p.program_id]
        if not set(question.kinds) & set(verdict.uncertain):
            continue
        answers = _ANSWERS[question.key](p, profile)
        if not answers:
            continue
        asked[p.program_id] = len(answers)
        for answer in answers:
            tries.setdefault(answer, []).append(p)
    decided: dict[str, int] = {}
    outright: dict[str, int] = {}
    for answer, subset in tries.items():
        got = judge(subset, answer)
        for p in subset:
            v = got[p.program_id]
            if not set(question.kinds) & set(v.uncertain):
                decided[p.program_id] = decided.get(p.program_id, 0) + 1
            if v.status != "maybe":
                outright[p.program_id] = outright.get(p.program_id, 0) + 1
    done = {pid for pid, n in decided.items() if n == asked[pid]}
    whole = {pid for pid, n in outright.items() if n == asked[pid]}
    return done, whole & done


def _text_facts(program: Program, verdict: Verdict, covered: set[str]) -> list[str]:
    """The 공고문-only facts of a △ verdict, for conditions no question settles."""
    facts: list[str] = []
    for kind, reason in zip(verdict.kinds, verdict.reasons, strict=False):
        if kind not in verdict.uncertain or kind in covered:
            continue
        if kind == "target":
            fact = "no_text" if not program.target_text.strip() else "partial_text"
        elif kind == "field":
            fact = "field"
        elif kind == "region" and program.is_local and not program.region:
            fact = "place_unknown"
        elif "추정" in reason:
            fact = "cue"
        else:
            fact = "other"
        if fact not in facts:
            facts.append(fact)
    if "target" in verdict.uncertain and "target" not in verdict.kinds:
        facts.append("partial_text")
    return facts or ["other"]


def group_maybes(
    programs: Iterable[Program],
    verdicts: Mapping[str, Verdict],
    profile: FirmProfile,
    *,
    judge: Judge = evaluate_all,
) -> MaybeSummary:
    """Group the △ programs of ``verdicts`` by the fact each is missing (see module docstring).

    Groups of profile questions come first (largest first), then the 공고문-only groups in the
    order of :data:`TEXT_FACTS`; empty groups are left out. ``best`` is the question group that
    decides the most programs outright, else the one that decides the most conditions.

    >>> from loaders.model import Program
    >>> p = Program("p", 2026, "중앙부처", "", "", "전국", "사업", "사업화")
    >>> summary = group_maybes([p], {"p": evaluate_all([p], FirmProfile())["p"]}, FirmProfile())
    >>> [g.label for g in summary.groups]
    ['지원대상 원문 없음 — 공고문 확인']
    """
    maybes = [p for p in programs if p.program_id in verdicts]
    maybes = [p for p in maybes if verdicts[p.program_id].status == "maybe"]
    covered: dict[str, set[str]] = {p.program_id: set() for p in maybes}
    question_groups: list[MaybeGroup] = []
    for question in QUESTIONS:
        done, whole = _settled_by(question, maybes, verdicts, profile, judge)
        if not done:
            continue
        for pid in done:
            covered[pid].update(question.kinds)
        ids = tuple(p.program_id for p in maybes if p.program_id in done)
        question_groups.append(
            MaybeGroup(
                question.key,
                question.label,
                ids,
                question,
                tuple(pid for pid in ids if pid in whole),
            )
        )
    text: dict[str, list[str]] = {key: [] for key in TEXT_FACTS}
    for p in maybes:
        verdict = verdicts[p.program_id]
        if set(verdict.uncertain) <= covered[p.program_id]:
            continue
        for fact in _text_facts(p, verdict, covered[p.program_id]):
            text[fact].append(p.program_id)
    question_groups.sort(key=lambda g: (-len(g), QUESTIONS.index(g.question)))
    groups = question_groups + [
        MaybeGroup(key, TEXT_FACTS[key], tuple(ids)) for key, ids in text.items() if ids
    ]
    best = max(
        question_groups,
        key=lambda g: (len(g.settled), len(g), -QUESTIONS.index(g.question)),
        default=None,
    )
    return MaybeSummary(tuple(groups), best, len(maybes))
