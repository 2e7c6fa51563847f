"""A consultant's roadmap: the programs a firm fits, in the order it can enter them as it ages.

:func:`plan_path` answers "what can this firm use, in which order, and from when?":

1. **Candidates.** Every program of a known phase whose permanent constraints (region, flags)
   hold and whose time-bound constraints (업력, age, 예비/기창업) hold now or on a later day
   within the horizon (:func:`graph.eligibility.time_window`). A 1-year-old firm gets
   초기창업패키지 now and 창업도약패키지 from the day after its third founding anniversary;
   ``available_from`` says which. Programs that open later are judged for the firm as it will
   be on their first day.
2. **Fit** (:func:`graph.fit.assess`). Only programs the firm *fits* become steps: ○, or △ for
   one named fact the profile did not give (대표자 나이, 설립일, 소재지, 시·군·구), labelled with
   that fact (``Step.needs``). A program for a group the founder is not in (외국인, 여성, 재창업,
   대학(원)생·실험실 …) or of another technology field never appears. With no field in the
   profile, field-specific programs are listed as alternatives "분야가 맞으면"
   (``Roadmap.alternatives``), not as steps. A program whose 지원대상 is unknown is never a step;
   it may be a candidate to verify in a gap.
3. **Rank by fit** (lower cost is better): a group the founder is in (a 재창업 program for a
   재창업자), a shared technology field, the firm's own 시·군·구 or
   시·도, the firm's growth stage on the day it enters, a ○ before a △, then the size of the
   support (budget, a little), and sooner before later — not budget alone. ``Step.fit`` lists
   what made a step fit.
4. **Chain.** One program per phase is chosen by dynamic programming over the phases in order,
   adding the weight of the graph's next edge (:func:`graph.network.next_edges`) between
   consecutive choices, so connected continuations (same field, same region, adjacent stage)
   win over isolated good programs.
5. **More per phase.** Up to ``max_per_phase`` programs per phase, preferring a different
   growth stage (초기 now, 도약 later) and never two that break a 중복 수혜 rule
   (:mod:`graph.rules`).
6. **Order.** Steps are listed by the day the firm can enter them, then by phase.
7. **Gaps.** A phase with no step is reported with its nearest miss (a program of that phase
   failing exactly one constraint, and which — never a group or field the firm is not in) and
   up to three candidates whose 지원대상 text is missing, to verify.
8. **Edits.** A consultant's :class:`RoadmapEdits` pin programs onto the path (even beyond
   ``max_per_phase``), remove programs from it, and annotate steps; the plan is recomputed
   around them, so the page, the CLI and the exports show the same edited roadmap.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any, Literal

from graph.eligibility import (
    KIND_LABELS,
    Verdict,
    evaluate,
    evaluate_all,
    local_unit,
    time_window,
)
from graph.fit import GROUP_LABELS, Fit, assess, group_restriction, shared_groups, specific_fields
from graph.network import TIME_BOUND_KINDS, next_edges
from graph.phases import LOAN_TYPES, phase_of
from graph.profile import FirmProfile, add_years, profile_to_dict
from graph.rules import RULES, conflicts
from loaders.errors import ProfileError
from loaders.model import Program
from loaders.regions import NATIONWIDE, canonical_sido, resolve_sigungu
from loaders.taxonomy import GENERAL_FIELD, canonical_field, unknown_field_message
from loaders.textnorm import norm_key
from loaders.vocab import EARLY_YEARS, PHASES, STARTUP_YEARS, STATUS_LABELS, Status

__all__ = [
    "DEFAULT_HORIZON_YEARS",
    "PRE_FOUNDING_RUNWAY_DAYS",
    "Alternative",
    "Gap",
    "NearMiss",
    "Roadmap",
    "RoadmapEdits",
    "Step",
    "plan_path",
]

# How far ahead the roadmap looks (the 창업기업 definition ends at 7 years).
DEFAULT_HORIZON_YEARS = STARTUP_YEARS
# An 예비창업자's founding day is not known; the roadmap assumes registration one year after the
# reference date (an 예비창업패키지 협약 runs about 8–10 months) and says so.
PRE_FOUNDING_RUNWAY_DAYS = 365
_TOP_PER_PHASE = 40  # candidates per phase considered by the chain
_NO_EDGE = 1.5  # transition cost when the graph has no next edge between two choices
_ALTERNATIVES_PER_PHASE = 2
_VERIFY_PER_GAP = 3


@dataclass(frozen=True)
class Step:
    """One program on the path: when the firm can enter it, why, and how sure that is.

    ``needs`` names the one fact to confirm for a △ step ("대표자 나이"); ``fit`` what made it
    fit (shared field, own region, stage, size); ``pinned`` and ``note`` come from the
    consultant's :class:`RoadmapEdits`.
    """

    phase: str
    program_id: str
    name: str
    institution: str
    available_from: date
    why: str
    status: Status = "eligible"
    available_until: date | None = None
    stage: str = ""
    needs: str = ""
    fit: tuple[str, ...] = ()
    pinned: bool = False
    note: str = ""

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
            "needs": self.needs,
            "fit": list(self.fit),
            "pinned": self.pinned,
            "note": self.note,
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


AlternativeKind = Literal["field", "relocate", "verify"]
ALTERNATIVE_LABELS: dict[str, str] = {
    "field": "분야가 맞으면",
    "relocate": "본사를 옮기면",
    "verify": "지원대상 확인 후",
}


@dataclass(frozen=True)
class Alternative:
    """A program shown beside the path, not on it.

    ``kind="field"``: a field-specific program the firm fits otherwise, for a profile that
    names no field ("분야가 맞으면"). ``kind="relocate"``: a program of another area open to
    outside firms that move there after selection ("본사를 옮기면"). ``kind="verify"``: a program of a gap's phase whose
    지원대상 is not known, to check in its call ("지원대상 확인 후").
    """

    kind: AlternativeKind
    phase: str
    program_id: str
    name: str
    institution: str
    why: str
    available_from: date | None = None

    @property
    def label(self) -> str:
        return ALTERNATIVE_LABELS[self.kind]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready alternative."""
        return {
            "kind": self.kind,
            "label": self.label,
            "phase": self.phase,
            "program_id": self.program_id,
            "name": self.name,
            "institution": self.institution,
            "why": self.why,
            "available_from": self.available_from.isoformat() if self.available_from else None,
        }


@dataclass(frozen=True)
class Gap:
    """A phase without any program this firm fits, with the nearest miss if there is one and
    candidates whose 지원대상 is unknown (to verify)."""

    phase: str
    reason: str
    near_miss: NearMiss | None = None
    candidates: tuple[Alternative, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready gap."""
        return {
            "phase": self.phase,
            "reason": self.reason,
            "near_miss": self.near_miss.to_dict() if self.near_miss else None,
            "candidates": [c.to_dict() for c in self.candidates],
        }


@dataclass(frozen=True)
class RoadmapEdits:
    """A consultant's changes to a planned roadmap: pinned and removed programs, step notes.

    Hashable (tuples), so pages can cache on it; :meth:`to_dict`/:meth:`from_dict` store it
    with a client's profile. ``pinned`` programs are put on the path even beyond
    ``max_per_phase``; ``removed`` ones are left out of the plan (the phase refills with the
    next best); ``notes`` are ``(program_id, text)`` pairs.
    """

    pinned: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    notes: tuple[tuple[str, str], ...] = ()

    def note_for(self, program_id: str) -> str:
        """The note on ``program_id`` ("" when none)."""
        return dict(self.notes).get(program_id, "")

    def is_empty(self) -> bool:
        return not (self.pinned or self.removed or self.notes)

    def pin(self, program_id: str) -> RoadmapEdits:
        """Pinned (and no longer removed)."""
        return replace(
            self,
            pinned=tuple(dict.fromkeys([*self.pinned, program_id])),
            removed=tuple(x for x in self.removed if x != program_id),
        )

    def remove(self, program_id: str) -> RoadmapEdits:
        """Removed (and no longer pinned)."""
        return replace(
            self,
            pinned=tuple(x for x in self.pinned if x != program_id),
            removed=tuple(dict.fromkeys([*self.removed, program_id])),
        )

    def restore(self, program_id: str) -> RoadmapEdits:
        """Neither pinned nor removed (the note stays)."""
        return replace(
            self,
            pinned=tuple(x for x in self.pinned if x != program_id),
            removed=tuple(x for x in self.removed if x != program_id),
        )

    def with_note(self, program_id: str, text: str) -> RoadmapEdits:
        """The note on ``program_id`` set (an empty text deletes it)."""
        notes = dict(self.notes)
        text = " ".join(str(text).split())
        if text:
            notes[program_id] = text
        else:
            notes.pop(program_id, None)
        return replace(self, notes=tuple(sorted(notes.items())))

    def to_dict(self) -> dict[str, Any]:
        """``{"pinned": [...], "removed": [...], "notes": {id: text}}``."""
        return {
            "pinned": list(self.pinned),
            "removed": list(self.removed),
            "notes": dict(self.notes),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> RoadmapEdits:
        """Validate a stored dict (lists of ids, a dict of notes); a wrong shape raises
        :class:`~loaders.errors.ProfileError` naming the key."""
        if not data:
            return cls()
        if not isinstance(data, Mapping):
            raise ProfileError("편집(edits): JSON 객체여야 합니다.", field="edits")
        unknown = set(data) - {"pinned", "removed", "notes"}
        if unknown:
            raise ProfileError(
                f"편집(edits): 알 수 없는 항목 {', '.join(sorted(unknown))}", field="edits"
            )

        def ids(key: str) -> tuple[str, ...]:
            value = data.get(key) or []
            if isinstance(value, str):
                value = [v for v in value.replace(";", ",").split(",")]
            if not isinstance(value, (list, tuple)):
                raise ProfileError(f"편집(edits).{key}: 사업 ID 목록이어야 합니다.", field="edits")
            return tuple(dict.fromkeys(str(v).strip() for v in value if str(v).strip()))

        notes = data.get("notes") or {}
        if not isinstance(notes, Mapping):
            raise ProfileError("편집(edits).notes: {사업 ID: 메모} 객체여야 합니다.", field="edits")
        edits = cls(ids("pinned"), ids("removed"))
        for pid, text in notes.items():
            edits = edits.with_note(str(pid), str(text))
        return edits


@dataclass
class Roadmap:
    """Steps in the order the firm can enter them, gaps, alternatives beside the path, and the
    assumptions the plan rests on."""

    steps: list[Step]
    gaps: list[Gap]
    assumptions: list[str] = field(default_factory=list)
    profile: FirmProfile | None = None
    alternatives: list[Alternative] = field(default_factory=list)
    edits: RoadmapEdits = field(default_factory=RoadmapEdits)

    def to_dict(self) -> dict[str, Any]:
        """``{"steps", "gaps", "alternatives", "assumptions", "edits", "profile"}``."""
        out: dict[str, Any] = {
            "steps": [s.to_dict() for s in self.steps],
            "gaps": [g.to_dict() for g in self.gaps],
            "alternatives": [a.to_dict() for a in self.alternatives],
            "assumptions": list(self.assumptions),
        }
        if not self.edits.is_empty():
            out["edits"] = self.edits.to_dict()
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
    fit: Fit
    notes: tuple[str, ...] = ()


def _firm_stage(profile: FirmProfile, day: date, founding: date | None) -> str:
    founded: date | None
    if profile.pre_founding:
        if founding is None or day < founding:
            return "예비"
        founded = founding
    else:
        founded = profile.founded
    if founded is None:
        return ""
    if day <= add_years(founded, EARLY_YEARS):
        return "초기"
    if day <= add_years(founded, STARTUP_YEARS):
        return "도약"
    return "성장"


def _fit_cost(
    prog: Program, fit: Fit, start: date, stage: str, profile: FirmProfile, wanted: tuple[str, ...]
) -> tuple[float, tuple[str, ...]]:
    """Cost (lower = better fit) and the notes that explain it: field, region, stage, size."""
    cost = 0.0
    notes: list[str] = []
    if fit.kind == "needs_fact":
        cost += 0.5
    groups = shared_groups(prog, profile)
    if groups:
        cost -= 0.5
        notes.append(f"대상 일치({', '.join(GROUP_LABELS[g] for g in groups)})")
    shared = [f for f in specific_fields(prog) if f in wanted]
    if shared:
        cost -= 0.6
        notes.append(f"분야 일치({', '.join(shared)})")
    sido = canonical_sido(prog.region) if prog.is_local else None
    if prog.is_local and (not sido or sido == NATIONWIDE):
        cost += 0.4  # a local program whose 시·도 no source names: its reach is unknown
    elif prog.is_local and profile.region and sido == profile.region:
        unit = local_unit(prog)
        key = resolve_sigungu(unit, profile.region, stems=True) if unit else None
        if profile.district and key == (profile.region, profile.district):
            cost -= 0.35
            notes.append(f"지역 사업({profile.district_text()})")
        else:
            cost -= 0.2
            notes.append(f"지역 사업({profile.region})")
    if stage and stage in prog.stages:
        cost -= 0.25
        notes.append(f"단계 일치({stage})")
    budget = prog.budget_eok or 0.0
    if budget > 0:
        cost -= 0.08 * math.log10(1.0 + budget)
        notes.append(f"예산 {budget:,.0f}억원" if budget >= 1 else f"예산 {budget:,.1f}억원")
    cost += 0.12 * max(0, (start - profile.as_of).days) / 365.25
    return cost, tuple(notes)


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
    if c.fit.kind == "needs_fact":
        parts.append(f"확인 필요: {c.fit.fact} (프로필에 없음)")
    elif c.verdict.status == "maybe":
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
        if canon is None:
            raise ProfileError(unknown_field_message(str(f)), field="fields")
        if canon != GENERAL_FIELD and canon not in out:
            out.append(canon)
    return tuple(out)


def _beyond_startup(profile: FirmProfile) -> bool:
    """A founded firm older than 7 years on the reference date (no longer a 창업기업)."""
    if profile.pre_founding or profile.founded is None:
        return False
    # The notice's programs are for 예비창업자 and 창업기업 unless their text says otherwise.
    return profile.as_of > add_years(profile.founded, STARTUP_YEARS)


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
    edits: RoadmapEdits | None = None,
) -> Roadmap:
    """The roadmap for one profile (see the module docstring for the method).

    ``fields`` overrides the profile's technology fields; ``verdicts`` may be passed when the
    caller already evaluated the same programs for the same profile; ``founding`` is the
    assumed founding day of an 예비창업자 (default: reference date +
    :data:`PRE_FOUNDING_RUNWAY_DAYS`); ``edits`` pins, removes and annotates steps. Steps are
    in the order the firm can enter them (date, then phase).
    """
    progs: Sequence[Program] = list(programs)
    max_per_phase = max(1, int(max_per_phase))
    edits = edits or RoadmapEdits()
    removed = set(edits.removed)
    if verdicts is None:
        verdicts = evaluate_all(progs, profile)
    wanted = _canonical_fields(fields, profile)
    pre = profile.pre_founding
    if pre and founding is None:
        founding = profile.as_of + timedelta(days=PRE_FOUNDING_RUNWAY_DAYS)
    horizon = add_years(profile.as_of, horizon_years)

    by_phase: dict[int, list[_Cand]] = defaultdict(list)
    alts: dict[int, list[_Cand]] = defaultdict(list)
    moves: dict[int, list[_Cand]] = defaultdict(list)
    verify: dict[int, list[_Cand]] = defaultdict(list)
    pool: dict[int, list[tuple[Program, Verdict]]] = defaultdict(list)  # for near-misses
    in_phase: dict[int, int] = defaultdict(int)
    later: dict[date, list[tuple[Program, int, date, date | None]]] = defaultdict(list)
    unverified_ids: set[str] = set()

    def consider(
        p: Program, idx: int, start: date, end: date | None, v: Verdict, firm: FirmProfile
    ) -> None:
        fit = assess(p, v, replace(firm, fields=wanted))
        if fit.kind == "excluded":
            return
        stage = _firm_stage(profile, start, founding)
        cost, notes = _fit_cost(p, fit, start, stage, profile, wanted)
        cand = _Cand(p, idx, start, end, v, cost, stage, fit, notes)
        if fit.is_step:
            by_phase[idx].append(cand)
        elif fit.kind == "field_alternative":
            alts[idx].append(cand)
        elif fit.kind == "relocate_alternative":
            moves[idx].append(cand)
        else:
            unverified_ids.add(p.program_id)
            if p.is_local and canonical_sido(p.region) in (None, NATIONWIDE):
                return  # a local program of unknown reach is not a candidate either
            verify[idx].append(cand)

    for p in progs:
        ph = phase_of(p)
        if ph is None:
            continue
        idx = PHASES.index(ph)
        if not include_loans and p.support_type in LOAN_TYPES:
            continue
        in_phase[idx] += 1
        if p.program_id in removed:
            continue
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
        registered = founding is not None and start >= founding
        if start == profile.as_of and v.status != "ineligible" and not (pre and registered):
            consider(p, idx, start, end, v, profile)
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
            if v.status != "ineligible":
                consider(p, idx, s, end, v, firm)

    for bucket in (by_phase, alts, moves, verify):
        for cands in bucket.values():
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

    # Pinned programs first (wherever they stand), then each phase filled up to max_per_phase
    # respecting 중복 수혜 rules.
    pinned = _pinned_cands(
        edits, progs, verdicts, profile, founding, wanted, by_phase, alts, moves, verify
    )
    chosen: list[_Cand] = list(pinned)
    pinned_ids = {c.program.program_id for c in pinned}
    for i in range(len(PHASES)):
        if i not in filled:
            continue
        picked = [c for c in pinned if c.phase == i]
        own = 0
        taken_names = {norm_key(c.program.name, drop_brackets=True) for c in chosen}
        head = [chain[i]] if i in chain else []
        # Prefer another growth stage than the ones already taken (초기 now, 도약 later).
        held = {x.stage for x in [*picked, *head]}
        rest = sorted(
            by_phase[i],
            key=lambda c: (
                c.cost - (0.3 if c.stage not in held else 0.0),
                c.start,
                c.program.program_id,
            ),
        )
        for c in [*head, *rest]:
            if own >= max_per_phase:
                break
            if c.program.program_id in pinned_ids or any(c is x for x in picked):
                continue
            key = norm_key(c.program.name, drop_brackets=True)
            if key in taken_names:
                continue
            trial = [*chosen, c]
            stages = {x.program.program_id: x.stage for x in trial}
            if conflicts([x.program for x in trial], stages=stages):
                continue
            picked.append(c)
            chosen.append(c)
            own += 1
            taken_names.add(key)

    chain_prev: dict[str, _Cand] = {}
    for n in range(1, len(filled)):
        if filled[n] in chain and filled[n - 1] in chain:
            chain_prev[chain[filled[n]].program.program_id] = chain[filled[n - 1]]
    chosen_ids = {c.program.program_id for c in chosen}
    steps: list[Step] = []
    for c in sorted(chosen, key=lambda c: (c.start, c.phase, c.cost, c.program.program_id)):
        prev = chain_prev.get(c.program.program_id)
        if prev is not None and prev.program.program_id not in chosen_ids:
            prev = None
        edge = edges.get((prev.program.program_id, c.program.program_id)) if prev else None
        pid = c.program.program_id
        why = _why(c, profile, founding, prev if edge else None, edge.why if edge else "")
        if pid in pinned_ids:
            why = "컨설턴트가 지정한 단계 · " + why
            if not c.fit.is_step:
                why += f" · 주의: {c.fit.detail or STATUS_LABELS.get(c.verdict.status, '')}"
        steps.append(
            Step(
                phase=PHASES[c.phase],
                program_id=pid,
                name=c.program.name,
                institution=c.program.institution,
                available_from=c.start,
                why=why,
                status=c.verdict.status,
                available_until=c.end,
                stage=c.stage,
                needs=c.fit.fact if c.fit.kind in ("needs_fact", "field_alternative") else "",
                fit=c.notes,
                pinned=pid in pinned_ids,
                note=edits.note_for(pid),
            )
        )

    beyond = _beyond_startup(profile)
    with_steps = {c.phase for c in chosen}
    gaps = [
        _gap(
            i,
            in_phase.get(i, 0),
            pool.get(i, []),
            include_loans,
            replace(profile, fields=wanted),
            []
            if beyond
            else [c for c in verify.get(i, []) if c.program.program_id not in chosen_ids],
        )
        for i in range(len(PHASES))
        if i not in with_steps
    ]
    alternatives = [
        Alternative(
            "field",
            PHASES[i],
            c.program.program_id,
            c.program.name,
            c.program.institution,
            _alt_why(c, profile),
            c.start,
        )
        for i in range(len(PHASES))
        for c in [x for x in alts.get(i, []) if x.program.program_id not in chosen_ids][
            :_ALTERNATIVES_PER_PHASE
        ]
    ]
    alternatives += [
        Alternative(
            "relocate",
            PHASES[i],
            c.program.program_id,
            c.program.name,
            c.program.institution,
            f"{c.fit.detail} — 다른 조건은 모두 충족",
            c.start,
        )
        for i in range(len(PHASES))
        for c in [x for x in moves.get(i, []) if x.program.program_id not in chosen_ids][
            :_ALTERNATIVES_PER_PHASE
        ]
    ]
    # Programs whose stated conditions all hold but whose 지원대상 has a clause the parser did
    # not understand ("신청제외 사유에 해당되지 않는 자"): beside a filled phase, when they fit
    # the firm's region, field or group — checking one clause may turn them into a step.
    alternatives += [
        Alternative(
            "verify",
            PHASES[i],
            c.program.program_id,
            c.program.name,
            c.program.institution,
            _verify_why(c),
            c.start,
        )
        for i in sorted(with_steps)
        for c in [
            x
            for x in verify.get(i, [])
            if x.program.target_text
            and set(x.verdict.uncertain) == {"target"}
            and any(not n.startswith("예산") for n in x.notes)
            and x.program.program_id not in chosen_ids
        ][:_ALTERNATIVES_PER_PHASE]
    ]
    n_alt = len({c.program.program_id for cands in alts.values() for c in cands})
    assumptions = _assumptions(
        profile, founding, include_loans, horizon_years, steps, len(unverified_ids), n_alt, beyond
    )
    return Roadmap(steps, gaps, assumptions, profile, alternatives, edits)


def _alt_why(c: _Cand, profile: FirmProfile) -> str:
    fields = ", ".join(specific_fields(c.program))
    when = "지금" if c.start <= profile.as_of else f"{c.start.isoformat()}부터"
    status = STATUS_LABELS.get(c.verdict.status, c.verdict.status)
    text = f"{fields} 분야라면 {when} 신청 가능 ({status}"
    if c.fit.fact:
        text += f", 확인 필요: {c.fit.fact}"
    return text + ")"


def _verify_why(c: _Cand) -> str:
    good = _positive(c.verdict.reasons)
    fits = ", ".join(n for n in c.notes if not n.startswith("예산"))
    head = f"명시된 조건은 모두 충족 ({fits})" if fits else "명시된 조건은 모두 충족"
    if good:
        head += " · " + " · ".join(good[:2])
    return head + " — 해석하지 못한 지원대상 문구가 있어 공고문 확인 필요"


def _pinned_cands(
    edits: RoadmapEdits,
    progs: Sequence[Program],
    verdicts: Mapping[str, Verdict],
    profile: FirmProfile,
    founding: date | None,
    wanted: tuple[str, ...],
    *buckets: Mapping[int, list[_Cand]],
) -> list[_Cand]:
    """Candidates for the pinned programs: the planned one when the program was a candidate,
    else one built from its verdict (it may be one the firm does not fit; the step says so)."""
    if not edits.pinned:
        return []
    known = {
        c.program.program_id: c for bucket in buckets for cands in bucket.values() for c in cands
    }
    by_id = {p.program_id: p for p in progs}
    out: list[_Cand] = []
    for pid in edits.pinned:
        if pid in edits.removed:
            continue
        if pid in known:
            out.append(known[pid])
            continue
        p = by_id.get(pid)
        ph = phase_of(p) if p is not None else None
        if p is None or ph is None:
            continue
        v = verdicts.get(pid) or evaluate(p, profile)
        window = time_window(p, profile, founding=founding)
        start, end = window if window is not None else (profile.as_of, None)
        fit = assess(p, v, replace(profile, fields=wanted))
        stage = _firm_stage(profile, start, founding)
        cost, notes = _fit_cost(p, fit, start, stage, profile, wanted)
        out.append(_Cand(p, PHASES.index(ph), start, end, v, cost, stage, fit, notes))
    return out


def _gap(
    idx: int,
    count: int,
    pool: list[tuple[Program, Verdict]],
    include_loans: bool,
    profile: FirmProfile,
    unverified: list[_Cand],
) -> Gap:
    phase = PHASES[idx]
    if count == 0:
        reason = f"불러온 데이터에 '{phase}' 단계 사업이 없습니다"
        if not include_loans and phase == "판로·투자·융자":
            reason += " (융자·보증 제외 설정)"
        return Gap(phase, reason + ".", None)
    wanted = profile.fields
    near: tuple[float, Program, Verdict] | None = None
    for p, v in pool:
        if len(v.failed) != 1 or group_restriction(p, profile):
            continue
        specific = specific_fields(p)
        if specific and wanted and not any(f in wanted for f in specific):
            continue  # another field's program is not a miss, it is not for this firm
        rank = (
            (0.0 if v.status != "maybe" else 0.5)
            + 0.3 * len(v.uncertain)
            + (0.3 if specific and not wanted else 0.0)
            + (0.0 if v.failed[0] in TIME_BOUND_KINDS else 0.2)
            - 0.05 * math.log10(1.0 + max(p.budget_eok or 0.0, 0.0))
        )
        if near is None or (rank, p.program_id) < (near[0], near[1].program_id):
            near = (rank, p, v)
    reason = f"이 단계 사업 {count}개 중 귀사에 맞는 사업이 없습니다."
    candidates = tuple(
        Alternative(
            "verify",
            phase,
            c.program.program_id,
            c.program.name,
            c.program.institution,
            f"{c.fit.detail} — 공고문에서 지원대상을 확인하세요",
            c.start,
        )
        for c in unverified[:_VERIFY_PER_GAP]
    )
    if unverified:
        reason += f" 지원대상 원문이 없어 판정하지 못한 사업 {len(unverified)}개가 있습니다."
    if near is None:
        return Gap(phase, reason + " 한 가지 조건만 어긋나는 사업도 없습니다.", None, candidates)
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
    return Gap(phase, reason, near_miss, candidates)


def _assumptions(
    profile: FirmProfile,
    founding: date | None,
    include_loans: bool,
    horizon_years: int,
    steps: list[Step],
    unverified: int = 0,
    field_alternatives: int = 0,
    beyond_startup: bool = False,
) -> list[str]:
    out: list[str] = [
        "추천 단계는 자격이 ○(신청 가능)인 사업과, 프로필에 없는 사실 하나만 확인하면 되는 "
        "△ 사업으로만 골랐습니다 (확인할 사실을 단계마다 적었습니다). 귀사가 해당하지 않는 "
        "대상(외국인·여성·재창업·대학(원)생 등)이나 다른 분야의 사업은 넣지 않았습니다."
    ]
    if profile.pre_founding and founding is not None:
        out.append(
            f"예비창업자: {founding.isoformat()}에 창업(사업자 등록)한다고 가정하고 이후 단계를 "
            "계획했습니다. 예비창업자 대상 사업은 그 전날까지로 보았습니다."
        )
    elif profile.founded is not None:
        out.append(
            f"업력은 설립일 {profile.founded.isoformat()}부터 날짜로 계산했습니다 "
            f"(기준일 {profile.as_of.isoformat()}, '{EARLY_YEARS}년 이내'는 설립 "
            f"{EARLY_YEARS}주년 당일까지)."
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
    if unverified:
        out.append(
            f"지원대상 원문이 없거나 일부만 해석된 사업 {unverified}개는 추천하지 않았습니다"
            + (
                " — 업력 7년이 지난 기업은 창업기업(중소기업창업 지원법 제2조)이 아니므로 "
                "확인 후보로도 넣지 않았습니다."
                if beyond_startup
                else " — 공백인 단계에 '지원대상 확인 후' 후보로 보였습니다."
            )
        )
    if field_alternatives:
        out.append(
            f"분야를 입력하지 않아 특정 분야 사업 {field_alternatives}개는 추천하지 않고 "
            "'분야가 맞으면' 대안으로 보였습니다."
        )
    titles = "; ".join(rule.title for rule in RULES)
    out.append(
        f"중복 수혜 규칙: {titles} (통합공고·중소기업창업 지원사업 통합관리지침). "
        "같은 사업은 한 번만 넣었습니다. 지자체 사업의 개별 중복 제한은 각 공고문에서 확인하세요."
    )
    return out
