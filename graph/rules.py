"""중복 수혜 (double-benefit) rules as data, and the check the roadmap uses.

A roadmap that lists 초기창업패키지 and 청년창업사관학교 side by side for the same year would tell a
founder to do what the rules forbid. The rules below are the ones the notice and its management
guideline state for the 중기부 창업사업화 programs; each rule is data (members, scope, citation)
so that a new year's wording is an edit here, not new code.

Sources (cited per rule below):

* [통합공고] 2026년 중앙부처 및 지자체 창업지원사업 통합공고, 중소벤처기업부 공고 제2025-648호,
  https://www.k-startup.go.kr/afile/fileDownload/8niLn — the 예비·초기·도약 packages are the
  "성장단계별 창업패키지", one per growth stage (예비창업자 / 창업 3년 이내 / 3년 초과 7년 이내);
  the 2024 call describes the same three-stage structure (asiatoday.co.kr, 2024-01-29,
  https://www.asiatoday.co.kr/kn/view.php?key=20240129010016964).
* [관리지침] 중소기업창업 지원사업 통합관리지침 (제14차, 2025-12-23; earlier editions titled
  창업사업화 지원사업 통합관리지침),
  https://grant-documents.thevc.kr/285873_(%EB%B3%84%EC%B2%A85)+%EC%A4%91%EC%86%8C%EA%B8%B0%EC%97%85%EC%B0%BD%EC%97%85+%EC%A7%80%EC%9B%90%EC%82%AC%EC%97%85+%ED%86%B5%ED%95%A9%EA%B4%80%EB%A6%AC%EC%A7%80%EC%B9%A8+%EC%A0%9C14%EC%B0%A8.pdf
  — a firm may not carry out two 창업사업화 programs at the same time (협약기간 overlap), and the
  calls exclude applicants already selected for the same program.
* Practitioner summary of the same rules (secondary, for wording): "예비창업패키지 … 동일 연도 내
  타 사업과 중복 수혜 불가 … 청년창업사관학교 + 예비창업패키지: 동일 연도 동시 수혜 불가",
  https://alstjd.com/entry/정부-청년-창업-지원금-중복-신청-가능한가요-2025년-기준

What is implemented (:data:`RULES`): (1) each package once, and one package per stage; (2) one
중기부 창업사업화 flagship per growth stage (they run in overlapping 협약 periods); (3) the same
program (same normalised name, any institution) at most once per roadmap. Local programs state
their own limits in their calls; those are not modelled, and the roadmap says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations
from typing import Literal

from loaders.model import Program
from loaders.textnorm import norm_key
from loaders.vocab import GROWTH_STAGES

__all__ = [
    "RULES",
    "Conflict",
    "ExclusivityRule",
    "conflicts",
    "rule_stage",
]

Scope = Literal["same_stage", "once"]


@dataclass(frozen=True, slots=True)
class ExclusivityRule:
    """Programs of which a firm may receive at most one per scope.

    ``members`` maps a normalised name fragment to the growth stage the program serves ("" when
    the stage comes from the roadmap step). ``scope`` is "same_stage" (at most one member per
    growth stage) or "once" (at most one member at all). ``source`` cites the text.
    """

    rule_id: str
    title: str
    members: tuple[tuple[str, str], ...]
    scope: Scope
    source: str

    def stage_of(self, program: Program) -> str | None:
        """The stage a member serves per the rule, "" if the rule leaves it open, None if not a member."""
        key = norm_key(program.name, drop_brackets=False)
        for fragment, stage in self.members:
            if fragment in key:
                return stage
        return None


RULES: tuple[ExclusivityRule, ...] = (
    ExclusivityRule(
        rule_id="stage-packages",
        title="성장단계별 창업패키지(예비·초기·도약)는 단계마다 하나",
        members=(
            (norm_key("예비창업패키지"), "예비"),
            (norm_key("초기창업패키지"), "초기"),
            (norm_key("창업도약패키지"), "도약"),
        ),
        scope="same_stage",
        source="[통합공고] 2026 공고 제2025-648호 — 예비·초기·도약 패키지 단계별 1회; [관리지침] 제14차",
    ),
    ExclusivityRule(
        rule_id="mss-commercialisation",
        title="중기부 창업사업화 사업은 같은 성장 단계에 동시에 하나만 (협약기간 중복 수행 불가)",
        members=(
            (norm_key("예비창업패키지"), "예비"),
            (norm_key("초기창업패키지"), "초기"),
            (norm_key("창업도약패키지"), "도약"),
            (norm_key("청년창업사관학교"), ""),
            (norm_key("창업중심대학"), ""),
            (norm_key("재도전성공패키지"), ""),
            (norm_key("민관공동창업자발굴육성"), ""),
        ),
        scope="same_stage",
        source="[관리지침] 제14차 (2025-12-23) — 창업사업화 지원사업 동시 수행 제한; "
        "alstjd.com 2025 정리 (청년창업사관학교+예비창업패키지 동일 연도 동시 수혜 불가)",
    ),
)

# Growth order first; 재창업 (a group, not a point in time) last.
_STAGE_ORDER = (*GROWTH_STAGES, "재창업")


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two programs a firm cannot both receive under ``rule_id`` (``message`` is Korean)."""

    rule_id: str
    program_ids: tuple[str, str]
    message: str
    source: str


def rule_stage(program: Program, rule: ExclusivityRule, planned: str | None = None) -> str:
    """The growth stage at which a member is received: the rule's, else the plan's, else the
    program's earliest stage ("" when unknown)."""
    stage = rule.stage_of(program) or ""
    if stage:
        return stage
    if planned:
        return planned
    for s in _STAGE_ORDER:
        if s in program.stages:
            return s
    return ""


def conflicts(
    items: Iterable[Program | str],
    programs: Mapping[str, Program] | Iterable[Program] | None = None,
    *,
    stages: Mapping[str, str] | None = None,
) -> list[Conflict]:
    """Pairs among ``items`` that break a 중복 수혜 rule.

    ``items`` are programs or program ids (ids need ``programs`` to look them up). ``stages``
    gives, per program id, the growth stage at which the roadmap plans it (the firm's stage on
    the step's date), used when a rule member serves several stages. Besides :data:`RULES`, the
    same program (same normalised name) planned twice is a conflict.

    >>> from loaders.model import Program
    >>> a = Program("a", 2026, "중앙부처", "중소벤처기업부", "중소벤처기업부", "전국", "초기창업패키지", "사업화")
    >>> b = Program("b", 2026, "중앙부처", "중소벤처기업부", "중소벤처기업부", "전국", "청년창업사관학교", "사업화")
    >>> [c.rule_id for c in conflicts([a, b], stages={"b": "초기"})]
    ['mss-commercialisation']
    """
    lookup: Mapping[str, Program]
    if programs is None:
        lookup = {}
    elif isinstance(programs, Mapping):
        lookup = programs
    else:
        lookup = {p.program_id: p for p in programs}
    resolved: list[Program] = []
    for item in items:
        if isinstance(item, Program):
            resolved.append(item)
        elif item in lookup:
            resolved.append(lookup[item])
        else:
            raise KeyError(f"알 수 없는 사업 ID: {item}")
    planned = stages or {}
    found: list[Conflict] = []
    seen_pairs: set[tuple[str, str]] = set()
    for a, b in combinations(resolved, 2):
        pair = (a.program_id, b.program_id)
        if norm_key(a.name, drop_brackets=True) == norm_key(b.name, drop_brackets=True):
            found.append(
                Conflict(
                    "same-program",
                    pair,
                    f"같은 사업을 두 번 받을 수 없습니다: '{a.name}'",
                    "[관리지침] 동일 사업 중복 선정 제외",
                )
            )
            seen_pairs.add(pair)
            continue
        for rule in RULES:
            if rule.stage_of(a) is None or rule.stage_of(b) is None:
                continue
            if rule.scope == "same_stage":
                sa = rule_stage(a, rule, planned.get(a.program_id))
                sb = rule_stage(b, rule, planned.get(b.program_id))
                if sa and sb and sa != sb:
                    continue
                where = f"같은 단계({sa or sb or '단계 미상'})에서 "
            else:
                where = ""
            if pair in seen_pairs:
                continue
            seen_pairs.add(pair)
            found.append(
                Conflict(
                    rule.rule_id,
                    pair,
                    f"{where}'{a.name}'와 '{b.name}'은 함께 받을 수 없습니다 — {rule.title}",
                    rule.source,
                )
            )
    return found
