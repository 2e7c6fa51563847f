"""A consultant's roadmap: programs for every phase, following the firm's 업력 forward in time.

:func:`plan_path` answers "what can this firm use, in which order, and from when?":

1. **Candidates.** Every program of a known phase whose permanent constraints (region, flags)
   hold and whose time-bound constraints (업력, age, 예비/기창업) hold now or on a later day
   within the horizon (:func:`graph.eligibility.time_window`). A 1-year-old firm gets
   초기창업패키지 now and 창업도약패키지 from the day after its third founding anniversary;
   ``available_from`` says which.
2. **Cost** (lower is better): eligible before maybe, a shared technology field before a
   field-agnostic program before another field's, the firm's own region, sooner before later,
   and a little for budget.
3. **Chain.** One program per phase is chosen by dynamic programming over the phases in order,
   adding the weight of the graph's next edge (:func:`graph.network.next_edges`) between
   consecutive choices, so connected continuations (same field, same region, adjacent stage)
   win over isolated good programs.
4. **More per phase.** Up to ``max_per_phase`` programs per phase, preferring a different
   growth stage (초기 now, 도약 later) and never two that break a 중복 수혜 rule
   (:mod:`graph.rules`).
5. **Gaps.** A phase with no candidate is reported with its nearest miss: a program of that
   phase failing exactly one constraint, and which.

"Maybe" programs are used when nothing better exists — most of the notice states no 지원대상
text — and every such step says what to check.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from graph.eligibility import (
    KIND_LABELS,
    Status,
    Verdict,
    evaluate_all,
    time_window,
)
from graph.network import TIME_BOUND_KINDS, next_edges
from graph.phases import LOAN_TYPES, PHASES, phase_of
from graph.profile import FirmProfile, add_years, profile_to_dict
from graph.rules import RULES, conflicts
from loaders.model import Program
from loaders.taxonomy import GENERAL_FIELD, canonical_field
from loaders.textnorm import norm_key

__all__ = [
    "DEFAULT_HORIZON_YEARS",
    "PRE_FOUNDING_RUNWAY_DAYS",
    "Gap",
    "NearMiss",
    "Roadmap",
    "Step",
    "plan_path",
]

# How far ahead the roadmap looks (the 창업기업 definition ends at 7 years).
DEFAULT_HORIZON_YEARS = 7
# An 예비창업자's founding day is not known; the roadmap assumes registration one year after the
# reference date (an 예비창업패키지 협약 runs about 8–10 months) and says so.
PRE_FOUNDING_RUNWAY_DAYS = 365
_TOP_PER_PHASE = 40  # candidates per phase considered by the chain
_NO_EDGE = 1.5  # transition cost when the graph has no next edge between two choices
_STAGE_NAMES = ("예비", "초기", "도약", "성장")


@dataclass(frozen=True)
class Step:
    """One recommended program: when it opens (``available_from``), why, and its status."""

    phase: str
    program_id: str
    name: str
    institution: str
    available_from: date
    why: str
    status: Status = "eligible"
    available_until: date | None = None
    stage: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready step (ISO dates)."""
        return {
            "phase": self.phase,
            "program_id": self.program_id,
            "name": self.name,
            "institution": self.institution,
            "available_from": self.available_from.isoformat(),
            "why": self.why,
            "status": self.status,
            "available_until": self.available_until.isoformat() if self.available_until else None,
            "stage": self.stage,
        }


@dataclass(frozen=True)
class NearMiss:
    """The closest program of a gap's phase: it fails exactly one constraint (``failed``)."""

    program_id: str
    name: str
    institution: str
    failed: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        """``failed`` is the constraint kind ("region", "years" …); ``failed_label`` Korean."""
        return {
            "program_id": self.program_id,
            "name": self.name,
            "institution": self.institution,
            "failed": self.failed,
            "failed_label": KIND_LABELS.get(self.failed, self.failed),
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Gap:
    """A phase without any program this firm can use, with the nearest miss if there is one."""

    phase: str
    reason: str
    near_miss: NearMiss | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready gap."""
        return {
            "phase": self.phase,
            "reason": self.reason,
            "near_miss": self.near_miss.to_dict() if self.near_miss else None,
        }


@dataclass
class Roadmap:
    """Ordered steps (phase order, then date), gaps, and the assumptions the plan rests on."""

    steps: list[Step]
    gaps: list[Gap]
    assumptions: list[str] = field(default_factory=list)
    profile: FirmProfile | None = None

    def to_dict(self) -> dict[str, Any]:
        """``{"steps": [...], "gaps": [...], "assumptions": [...], "profile": {...}}``."""
        out: dict[str, Any] = {
            "steps": [s.to_dict() for s in self.steps],
            "gaps": [g.to_dict() for g in self.gaps],
            "assumptions": list(self.assumptions),
        }
        if self.profile is not None:
            out["profile"] = profile_to_dict(self.profile)
        return out


@dataclass
class _Cand:
    program: Program
    phase: int
    start: date
    end: date | None
    verdict: Verdict
    cost: float
    stage: str


def _firm_stage(profile: FirmProfile, day: date, founding: date | None) -> str:
    if profile.pre_founding:
        if founding is None or day < founding:
            return "예비"
        founded = founding
    else:
        founded = profile.founded
    if founded is None:
        return ""
    if day <= add_years(founded, 3):
        return "초기"
    if day <= add_years(founded, 7):
        return "도약"
    return "성장"


def _cost(
    cand_prog: Program, verdict: Verdict, start: date, profile: FirmProfile, wanted: tuple[str, ...]
) -> float:
    cost = 0.0
    if verdict.status == "maybe":
        cost += 0.6 + 0.1 * sum(1 for k in verdict.uncertain if k != "target")
    specific = [f for f in cand_prog.tech_fields if f != GENERAL_FIELD]
    if wanted and specific:
        cost += -0.4 if any(f in wanted for f in specific) else 0.8
    if cand_prog.is_local and profile.region and cand_prog.region == profile.region:
        cost -= 0.1
    cost += 0.15 * max(0, (start - profile.as_of).days) / 365.25
    cost -= 0.05 * math.log10(1.0 + max(cand_prog.budget_eok or 0.0, 0.0))
    return cost


def _opening(program: Program, start: date, profile: FirmProfile, founding: date | None) -> str:
    """Why a step opens on ``start`` (a later day than the reference date)."""
    elig = program.eligibility
    if profile.pre_founding and founding is not None and start == founding:
        return "창업(사업자 등록) 후"
    founded = founding if profile.pre_founding else profile.founded
    if founded is not None and elig.years_min is not None:
        anniv = add_years(founded, elig.years_min)
        if start in (anniv, anniv + timedelta(days=1)):
            word = "이상" if elig.years_min_inclusive else "초과"
            return f"업력 {elig.years_min}년 {word}"
    if elig.age_min is not None:
        return f"대표자 만 {elig.age_min}세 이후"
    return "조건 충족 후"


def _positive(reasons: Iterable[str]) -> list[str]:
    return [r for r in reasons if r.endswith("충족") or "충족 (" in r or r.startswith("분야 일치")]


def _why(
    c: _Cand, profile: FirmProfile, founding: date | None, prev: _Cand | None, edge_why: str
) -> str:
    parts: list[str] = []
    if c.start <= profile.as_of:
        parts.append("지금 신청 가능")
    else:
        parts.append(
            f"{c.start.isoformat()}부터 신청 가능 ({_opening(c.program, c.start, profile, founding)})"
        )
    if c.end is not None:
        parts.append(f"{c.end.isoformat()}까지")
    good = _positive(c.verdict.reasons)
    parts.extend(good[:2])
    if c.verdict.status == "maybe":
        labels = [KIND_LABELS.get(k, k) for k in c.verdict.uncertain]
        parts.append("확인 필요: " + ", ".join(dict.fromkeys(labels)))
    if prev is not None:
        link = f" ({edge_why})" if edge_why else ""
        parts.append(f"앞 단계 '{prev.program.name}'에서 이어짐{link}")
    return " · ".join(parts)


def _canonical_fields(fields: Iterable[str] | None, profile: FirmProfile) -> tuple[str, ...]:
    if fields is None:
        return tuple(f for f in profile.fields if f != GENERAL_FIELD)
    out: list[str] = []
    for f in fields:
        canon = canonical_field(str(f))
        if canon and canon != GENERAL_FIELD and canon not in out:
            out.append(canon)
    return tuple(out)


def plan_path(
    programs: Iterable[Program],
    profile: FirmProfile,
    *,
    fields: Iterable[str] | None = None,
    max_per_phase: int = 2,
    include_loans: bool = True,
    verdicts: Mapping[str, Verdict] | None = None,
    founding: date | None = None,
    horizon_years: int = DEFAULT_HORIZON_YEARS,
) -> Roadmap:
    """The roadmap for one profile (see the module docstring for the method).

    ``fields`` overrides the profile's technology fields as the preference; ``verdicts`` may be
    passed when the caller already evaluated the same programs for the same profile;
    ``founding`` is the assumed founding day of an 예비창업자 (default: reference date +
    :data:`PRE_FOUNDING_RUNWAY_DAYS`). Steps are in phase order, then by date.
    """
    progs: Sequence[Program] = list(programs)
    max_per_phase = max(1, int(max_per_phase))
    if verdicts is None:
        verdicts = evaluate_all(progs, profile)
    wanted = _canonical_fields(fields, profile)
    pre = profile.pre_founding
    if pre and founding is None:
        founding = profile.as_of + timedelta(days=PRE_FOUNDING_RUNWAY_DAYS)
    horizon = add_years(profile.as_of, horizon_years)

    by_phase: dict[int, list[_Cand]] = defaultdict(list)
    pool: dict[int, list[tuple[Program, Verdict]]] = defaultdict(list)  # for near-misses
    in_phase: dict[int, int] = defaultdict(int)
    later: dict[date, list[tuple[Program, int, date, date | None]]] = defaultdict(list)
    for p in progs:
        ph = phase_of(p)
        if ph is None:
            continue
        idx = PHASES.index(ph)
        if not include_loans and p.support_type in LOAN_TYPES:
            continue
        in_phase[idx] += 1
        v = verdicts.get(p.program_id)
        if v is None:
            continue
        pool[idx].append((p, v))
        if v.status == "ineligible" and not set(v.failed) <= TIME_BOUND_KINDS:
            continue
        window = time_window(p, profile, founding=founding)
        if window is None:
            continue
        start, end = window
        if start > horizon:
            continue
        if start == profile.as_of and v.status != "ineligible" and not (pre and start >= founding):  # type: ignore[operator]
            stage = _firm_stage(profile, start, founding)
            by_phase[idx].append(
                _Cand(p, idx, start, end, v, _cost(p, v, start, profile, wanted), stage)
            )
        else:
            later[start].append((p, idx, start, end))
    # Programs that open later are judged by the firm as it will be on their first day.
    for start, items in later.items():
        firm = profile.at(
            start, founded=founding if pre and founding and start >= founding else None
        )
        judged = evaluate_all([p for p, *_ in items], firm)
        for p, idx, s, end in items:
            v = judged[p.program_id]
            if v.status == "ineligible":
                continue
            stage = _firm_stage(profile, s, founding)
            by_phase[idx].append(_Cand(p, idx, s, end, v, _cost(p, v, s, profile, wanted), stage))

    for cands in by_phase.values():
        cands.sort(key=lambda c: (c.cost, c.start, c.program.program_id))
    filled = [i for i in range(len(PHASES)) if by_phase.get(i)]
    top = {i: by_phase[i][:_TOP_PER_PHASE] for i in filled}

    # Next edges among the shortlisted candidates (judged for this profile).
    short = [c.program for i in filled for c in top[i]]
    short_verdicts = {c.program.program_id: c.verdict for i in filled for c in top[i]}
    edges = {(e.source, e.target): e for e in next_edges(short, short_verdicts, k=_TOP_PER_PHASE)}

    def trans(a: _Cand, b: _Cand) -> float:
        e = edges.get((a.program.program_id, b.program.program_id))
        w = e.weight if e is not None else _NO_EDGE
        if b.end is not None and b.end < a.start:
            w += 0.5  # b closes before a opens: the chain runs backwards in time
        return w

    # Viterbi over the filled phases.
    chain: dict[int, _Cand] = {}
    if filled:
        best: list[dict[str, tuple[float, _Cand | None]]] = []
        for n, i in enumerate(filled):
            layer: dict[str, tuple[float, _Cand | None]] = {}
            for c in top[i]:
                if n == 0:
                    layer[c.program.program_id] = (c.cost, None)
                    continue
                prev_layer = best[-1]
                prev_cands = top[filled[n - 1]]
                choice = min(
                    prev_cands,
                    key=lambda a: (
                        prev_layer[a.program.program_id][0] + trans(a, c),
                        a.program.program_id,
                    ),
                )
                score = prev_layer[choice.program.program_id][0] + trans(choice, c) + c.cost
                layer[c.program.program_id] = (score, choice)
            best.append(layer)
        last_i = filled[-1]
        cur = min(
            top[last_i], key=lambda c: (best[-1][c.program.program_id][0], c.program.program_id)
        )
        for n in range(len(filled) - 1, -1, -1):
            chain[filled[n]] = cur
            back = best[n][cur.program.program_id][1]
            if back is None:
                break
            cur = back

    # Fill each phase up to max_per_phase, respecting 중복 수혜 rules.
    chosen: list[_Cand] = []
    for i in filled:
        picked = [chain[i]] if i in chain else []
        taken_names = {norm_key(c.program.name, drop_brackets=True) for c in chosen + picked}
        for c in sorted(
            by_phase[i],
            key=lambda c: (
                c.cost - (0.3 if c.stage not in {x.stage for x in picked} else 0.0),
                c.start,
                c.program.program_id,
            ),
        ):
            if len(picked) >= max_per_phase:
                break
            if any(c is x for x in picked):
                continue
            key = norm_key(c.program.name, drop_brackets=True)
            if key in taken_names:
                continue
            trial = [*chosen, *picked, c]
            stages = {x.program.program_id: x.stage for x in trial}
            if conflicts([x.program for x in trial], stages=stages):
                continue
            picked.append(c)
            taken_names.add(key)
        chosen.extend(picked)

    steps: list[Step] = []
    chain_prev: dict[str, _Cand] = {}
    for n in range(1, len(filled)):
        if filled[n] in chain and filled[n - 1] in chain:
            chain_prev[chain[filled[n]].program.program_id] = chain[filled[n - 1]]
    for c in sorted(chosen, key=lambda c: (c.phase, c.start, c.cost, c.program.program_id)):
        prev = chain_prev.get(c.program.program_id)
        edge = edges.get((prev.program.program_id, c.program.program_id)) if prev else None
        steps.append(
            Step(
                phase=PHASES[c.phase],
                program_id=c.program.program_id,
                name=c.program.name,
                institution=c.program.institution,
                available_from=c.start,
                why=_why(c, profile, founding, prev if edge else None, edge.why if edge else ""),
                status=c.verdict.status,
                available_until=c.end,
                stage=c.stage,
            )
        )

    gaps = [
        _gap(i, in_phase.get(i, 0), pool.get(i, []), include_loans, wanted)
        for i in range(len(PHASES))
        if i not in by_phase or not by_phase[i]
    ]
    return Roadmap(
        steps, gaps, _assumptions(profile, founding, include_loans, horizon_years, steps), profile
    )


def _gap(
    idx: int,
    count: int,
    pool: list[tuple[Program, Verdict]],
    include_loans: bool,
    wanted: tuple[str, ...],
) -> Gap:
    phase = PHASES[idx]
    if count == 0:
        reason = f"불러온 데이터에 '{phase}' 단계 사업이 없습니다"
        if not include_loans and phase == "판로·투자·융자":
            reason += " (융자·보증 제외 설정)"
        return Gap(phase, reason + ".", None)
    near: tuple[float, Program, Verdict] | None = None
    for p, v in pool:
        if len(v.failed) != 1:
            continue
        specific = [f for f in p.tech_fields if f != GENERAL_FIELD]
        rank = (
            (0.0 if v.status != "maybe" else 0.5)
            + 0.3 * len(v.uncertain)
            + (0.0 if not wanted or not specific or any(f in wanted for f in specific) else 0.8)
            - 0.05 * math.log10(1.0 + max(p.budget_eok or 0.0, 0.0))
        )
        if near is None or (rank, p.program_id) < (near[0], near[1].program_id):
            near = (rank, p, v)
    reason = f"이 단계 사업 {count}개 중 귀사가 지원할 수 있는 사업이 없습니다."
    if near is None:
        return Gap(phase, reason + " 한 가지 조건만 어긋나는 사업도 없습니다.", None)
    _, p, v = near
    kind = v.failed[0]
    failing = v.reason_for(kind)
    label = KIND_LABELS.get(kind, kind)
    near_miss = NearMiss(
        p.program_id,
        p.name,
        p.institution,
        kind,
        f"{label} 조건 하나만 불충족: {failing}" if failing else f"{label} 조건 하나만 불충족",
    )
    return Gap(phase, reason, near_miss)


def _assumptions(
    profile: FirmProfile,
    founding: date | None,
    include_loans: bool,
    horizon_years: int,
    steps: list[Step],
) -> list[str]:
    out: list[str] = []
    if profile.pre_founding and founding is not None:
        out.append(
            f"예비창업자: {founding.isoformat()}에 창업(사업자 등록)한다고 가정하고 이후 단계를 "
            "계획했습니다. 예비창업자 대상 사업은 그 전날까지로 보았습니다."
        )
    elif profile.founded is not None:
        out.append(
            f"업력은 설립일 {profile.founded.isoformat()}부터 날짜로 계산했습니다 "
            f"(기준일 {profile.as_of.isoformat()}, '3년 이내'는 설립 3주년 당일까지)."
        )
    else:
        out.append("설립일이 없어 업력 조건이 있는 사업은 '확인 필요'로 보았습니다.")
    if profile.ceo_age is not None:
        out.append("대표자 나이는 기준일 이후 매년 한 살씩 늘어난다고 가정했습니다 (생일 미입력).")
    if profile.region is None:
        out.append("소재지가 없어 지자체 사업의 지역 요건은 '확인 필요'로 보았습니다.")
    elif profile.district is None:
        out.append(
            "시·군·구가 없어 시·군·구 사업의 관내 소재 요건은 '확인 필요'로 보았습니다 "
            "(시·군·구를 입력하면 판정합니다)."
        )
    if not include_loans:
        out.append("요청에 따라 융자·보증 사업은 제외했습니다.")
    out.append(f"향후 {horizon_years}년 안에 신청할 수 있게 되는 사업까지 계획에 넣었습니다.")
    if any(s.status == "maybe" for s in steps):
        out.append(
            "'확인 필요' 단계는 지원대상 원문이 없거나 일부만 해석된 사업입니다 — 공고문에서 "
            "자격을 확인하세요."
        )
    titles = "; ".join(rule.title for rule in RULES)
    out.append(
        f"중복 수혜 규칙: {titles} (통합공고·중소기업창업 지원사업 통합관리지침). "
        "같은 사업은 한 번만 넣었습니다. 지자체 사업의 개별 중복 제한은 각 공고문에서 확인하세요."
    )
    return out
