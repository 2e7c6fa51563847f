"""What changed between two notices: new, dropped, renamed, merged and split programs, budget moved.

Analysts compare one year's 통합공고 with the last by hand. :func:`diff_catalogues` lines the two
up and says, for every program of either notice, what became of it, with the reason and a score a
person can check and correct:

* **Names are compared normalised.** :func:`~loaders.textnorm.norm_key` removes spacing,
  punctuation and year prefixes ("2026년 예비 창업 패키지" = "예비창업패키지");
  :func:`~graph.duplicates.name_key` also drops brackets, leading places and generic endings
  ("지원사업", "운영"), so "실험실 특화형 창업선도대학" meets "실험실 특화형 창업선도대학 사업". The
  score is rapidfuzz ``ratio`` (0–100) on whole syllables — the better of the two keys. Syllables,
  not jamo: "예비창업패키지" and "초기창업패키지" are different programs and score 71, under the
  threshold, where their jamo would score 81.
* **Only programs that could be one program are compared**: central with central, local with
  local; local ones must not be run by evidently different institutions
  (:func:`~graph.duplicates.different_institutions`: named institution, 시·도, a place in the
  name, site host); central ones must not name different ministries, after the October 2025
  reorganisation (:data:`MINISTRY_SUCCESSORS`: 환경부 → 기후에너지환경부, 특허청 → 지식재산처).
* **Links are one-to-one first**, best score first, at or above ``threshold`` (default
  :data:`DEFAULT_THRESHOLD`). A program with two equally good partners is not linked at all — a
  wrong lineage is worse than none — and its reason names the candidates. Then a program left
  over whose best partner (≥ threshold) is already linked joins that link: several old programs
  into one new one is a **merge**, one old into several new a **split**.
* **Relations follow the links' shape**: one old and one new program with the same normalised
  name are *same*; with another name *renamed*; many→one *merged*; one→many *split*; an old
  program without a link is *dropped*, a new one *new*. Each unlinked program keeps its best
  candidate under the threshold (≥ :data:`CANDIDATE_FLOOR`) in its reason, for a person to check.
* **A person corrects the lineage** with :class:`LineageEdit` rows — from a lineage CSV
  (:func:`read_lineage_csv`, the same columns :func:`lineage_rows` writes) or the app's editable
  table. Every program named in an edit is decided by the edits alone; the rest is matched as
  above.
* **Scope and coverage.** When one notice holds no local (or no central) program, the other's are
  left out of the comparison and counted in ``excluded``, so a partial list never turns 316 local
  programs into "new". Each side states how much of its year's published notice it holds; when
  that is not all of it, "new" means "not in the old data" and the notes say so.

Budgets: a link's budget change is known when every program on both sides states one; the
totals per ministry and support type sum stated budgets only and count the rest.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

import numpy as np
from rapidfuzz import fuzz, process

from graph.duplicates import different_institutions, name_key
from loaders.catalogue import Catalogue, published_totals
from loaders.errors import LoadError
from loaders.model import Program
from loaders.regions import canonical_sido
from loaders.textnorm import norm_key

__all__ = [
    "CANDIDATE_FLOOR",
    "DEFAULT_THRESHOLD",
    "LINEAGE_COLUMNS",
    "MINISTRY_SUCCESSORS",
    "RELATIONS",
    "RELATION_LABELS",
    "BudgetStep",
    "GroupMove",
    "LineageEdit",
    "LineageIssue",
    "Link",
    "NoticeDiff",
    "Side",
    "diff_catalogues",
    "diff_programs",
    "lineage_rows",
    "lineage_to_csv",
    "name_similarity",
    "read_lineage_csv",
]

Relation = Literal["same", "renamed", "merged", "split", "new", "dropped"]
RELATIONS: tuple[str, ...] = ("same", "renamed", "merged", "split", "new", "dropped")
RELATION_LABELS: dict[str, str] = {
    "same": "유지",
    "renamed": "명칭 변경",
    "merged": "통합",
    "split": "분할",
    "new": "신규",
    "dropped": "폐지",
}
# Spellings a person may type in a lineage file (Korean labels, English keys, synonyms).
_RELATION_WORDS: dict[str, str] = {
    **{k: k for k in RELATIONS},
    **{norm_key(v): k for k, v in RELATION_LABELS.items()},
    "동일": "same",
    "계속": "same",
    "변경": "renamed",
    "이름변경": "renamed",
    "명칭변경": "renamed",
    "병합": "merged",
    "합병": "merged",
    "통폐합": "merged",
    "종료": "dropped",
    "삭제": "dropped",
    "없음": "dropped",
    "신설": "new",
    "추가": "new",
}
_LINKING = frozenset({"same", "renamed", "merged", "split"})

# Measured on the real 2025 → 2026 central programs (README "연도 비교"): the links the diff makes
# at 80 are all the same program renamed or respelled (the lowest scores 83, "(콘텐츠) 엑셀러레이터
# 연계 사업화 지원" → "(콘텐츠) 액셀러레이터 연계 지원"); the best-scoring pair of programs known
# to differ scores 74 ("경영컨설팅 지원사업" / "인·허가 컨설팅 지원사업").
DEFAULT_THRESHOLD: float = 80.0
# Unlinked programs name their best candidate from this score up.
CANDIDATE_FLOOR: float = 60.0
_TIE = 0.5  # scores this close count as a tie between two partners

# The October 2025 government reorganisation (정부조직법 개정, in force 2025-10-01) renamed two
# institutions that run startup programs; a program does not change by its ministry's new name.
MINISTRY_SUCCESSORS: dict[str, str] = {
    "환경부": "기후에너지환경부",
    "특허청": "지식재산처",
}
_SUCCESSOR_KEYS = {norm_key(k): norm_key(v) for k, v in MINISTRY_SUCCESSORS.items()}
UNKNOWN = "미상"


# ----------------------------------------------------------------------------- data types


@dataclass(frozen=True, slots=True)
class Side:
    """One notice of the comparison: which data, how many programs, how much of its year."""

    label: str
    year: int | None
    programs: int
    central: int
    local: int
    with_budget: int
    budget_eok: float
    published_programs: int | None = None
    coverage: str = ""

    @property
    def share(self) -> str:
        """ "43%" of the published programs in scope, or "일부" when the total is unknown."""
        if not self.published_programs:
            return "비율 미상"
        return f"{self.programs / self.published_programs:.0%}"

    @property
    def complete(self) -> bool:
        """True when the side holds at least the published number of programs in scope."""
        return self.published_programs is not None and self.programs >= self.published_programs

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "year": self.year,
            "programs": self.programs,
            "central": self.central,
            "local": self.local,
            "with_budget": self.with_budget,
            "budget_eok": round(self.budget_eok, 2),
            "published_programs": self.published_programs,
            "coverage": self.coverage,
        }


@dataclass(frozen=True, slots=True)
class Link:
    """What became of a group of programs: old ids → new ids with relation, score and reason.

    ``score`` is the name similarity (the weakest edge of a merge or split; None for new and
    dropped programs). ``candidate`` is the best partner below the threshold of an unlinked
    program, as ``(program_id, score)``. ``decided`` is "auto" or "person" (a lineage edit).
    Budgets are sums of stated budgets; ``old_budget``/``new_budget`` are None unless every
    program on that side states one.
    """

    relation: Relation
    old_ids: tuple[str, ...]
    new_ids: tuple[str, ...]
    score: float | None
    reason: str
    decided: Literal["auto", "person"] = "auto"
    candidate: tuple[str, float] | None = None
    old_budget: float | None = None
    new_budget: float | None = None
    old_known: float = 0.0
    new_known: float = 0.0

    @property
    def budget_change(self) -> float | None:
        """New minus old budget, when both sides state every budget."""
        if self.old_budget is None or self.new_budget is None:
            return None
        return round(self.new_budget - self.old_budget, 4)

    @property
    def label(self) -> str:
        return RELATION_LABELS[self.relation]


@dataclass(frozen=True, slots=True)
class LineageEdit:
    """A person's statement about the lineage: ``old`` → ``new`` with ``relation``.

    ``old``/``new`` are program ids or names (resolved against the two notices); one may be
    empty for "new" and "dropped". ``where`` says where the edit came from ("lineage.csv 3행").
    """

    relation: str
    old: str = ""
    new: str = ""
    where: str = ""


@dataclass(frozen=True, slots=True)
class LineageIssue:
    """An edit that could not be applied, with where it came from and why."""

    where: str
    column: str
    value: str
    reason: str

    def describe(self) -> str:
        return f"{self.where} {self.column} '{self.value}': {self.reason}"


@dataclass(frozen=True, slots=True)
class GroupMove:
    """Budget and count of one ministry (or support type) in both notices.

    ``continuing_change`` sums the budget changes of links (attributed to the new program's
    group) whose budgets are stated on both sides; ``new_budget_added``/``dropped_budget`` are
    the stated budgets of new and dropped programs in the group.
    """

    group: str
    old_count: int
    new_count: int
    old_budget: float
    new_budget: float
    old_with_budget: int
    new_with_budget: int
    continuing_change: float
    new_budget_added: float
    dropped_budget: float

    @property
    def change(self) -> float:
        return round(self.new_budget - self.old_budget, 4)


@dataclass(frozen=True, slots=True)
class BudgetStep:
    """One bar of the budget waterfall (stated budgets only): label, amount, and kind."""

    label: str
    amount: float
    kind: Literal["total", "step"]
    programs: int = 0


@dataclass(frozen=True)
class NoticeDiff:
    """The comparison of two notices. ``links`` cover every in-scope program exactly once."""

    old: Side
    new: Side
    links: tuple[Link, ...]
    old_programs: Mapping[str, Program]
    new_programs: Mapping[str, Program]
    threshold: float
    scope: str
    notes: tuple[str, ...] = ()
    issues: tuple[LineageIssue, ...] = ()
    excluded_old: tuple[str, ...] = ()
    excluded_new: tuple[str, ...] = ()
    edits: tuple[LineageEdit, ...] = field(default=(), repr=False)

    def counts(self) -> dict[str, int]:
        """Links per relation (every relation present, 0 when none)."""
        out = dict.fromkeys(RELATIONS, 0)
        for link in self.links:
            out[link.relation] += 1
        return out

    def program_counts(self) -> dict[str, tuple[int, int]]:
        """Per relation, ``(old programs, new programs)`` involved."""
        out = {r: (0, 0) for r in RELATIONS}
        for link in self.links:
            o, n = out[link.relation]
            out[link.relation] = (o + len(link.old_ids), n + len(link.new_ids))
        return out

    def link_of(self, program_id: str, side: Literal["old", "new"]) -> Link | None:
        """The link an old (``side`` "old") or new program belongs to."""
        for link in self.links:
            if program_id in (link.old_ids if side == "old" else link.new_ids):
                return link
        return None

    def budget_by(self, key: Literal["ministry", "support_type"]) -> list[GroupMove]:
        """Budget moved per ministry (소관; the 시·도 for local programs) or support type."""
        return _group_moves(self, key)

    def waterfall(self) -> list[BudgetStep]:
        """Old stated total → dropped → continuing changes → new programs → new stated total."""
        return _waterfall(self)

    def to_dict(self) -> dict[str, Any]:
        """The ``navigator diff --json`` document."""

        def prog(pid: str, by_id: Mapping[str, Program]) -> dict[str, Any]:
            p = by_id[pid]
            return {
                "program_id": pid,
                "name": p.name,
                "ministry": p.ministry,
                "support_type": p.support_type,
                "budget_eok": p.budget_eok,
            }

        def move(m: GroupMove) -> dict[str, Any]:
            return {
                "group": m.group,
                "old_count": m.old_count,
                "new_count": m.new_count,
                "old_budget_eok": round(m.old_budget, 2),
                "new_budget_eok": round(m.new_budget, 2),
                "change_eok": round(m.change, 2),
                "old_with_budget": m.old_with_budget,
                "new_with_budget": m.new_with_budget,
                "continuing_change_eok": round(m.continuing_change, 2),
                "new_programs_eok": round(m.new_budget_added, 2),
                "dropped_programs_eok": round(m.dropped_budget, 2),
            }

        return {
            "old": self.old.to_dict(),
            "new": self.new.to_dict(),
            "scope": self.scope,
            "threshold": self.threshold,
            "counts": self.counts(),
            "program_counts": {k: list(v) for k, v in self.program_counts().items()},
            "links": [
                {
                    "relation": link.relation,
                    "label": link.label,
                    "old": [prog(i, self.old_programs) for i in link.old_ids],
                    "new": [prog(i, self.new_programs) for i in link.new_ids],
                    "score": None if link.score is None else round(link.score, 1),
                    "reason": link.reason,
                    "decided": link.decided,
                    "candidate": (
                        None
                        if link.candidate is None
                        else {"program_id": link.candidate[0], "score": round(link.candidate[1], 1)}
                    ),
                    "old_budget_eok": link.old_budget,
                    "new_budget_eok": link.new_budget,
                    "budget_change_eok": link.budget_change,
                }
                for link in self.links
            ],
            "budget": {
                "waterfall": [
                    {"label": s.label, "amount_eok": round(s.amount, 2), "kind": s.kind}
                    for s in self.waterfall()
                ],
                "by_ministry": [move(m) for m in self.budget_by("ministry")],
                "by_support_type": [move(m) for m in self.budget_by("support_type")],
            },
            "excluded": {"old": list(self.excluded_old), "new": list(self.excluded_new)},
            "notes": list(self.notes),
            "lineage_issues": [i.describe() for i in self.issues],
        }


# ----------------------------------------------------------------------------- similarity


def name_similarity(a: str, b: str) -> tuple[float, str]:
    """``(score 0–100, basis)`` of two program names; basis "exact", "core" or "fuzzy".

    >>> name_similarity("2026년 예비 창업 패키지", "예비창업패키지")
    (100.0, 'exact')
    >>> name_similarity("실험실 특화형 창업선도대학", "실험실 특화형 창업선도대학 사업")
    (100.0, 'core')
    >>> name_similarity("예비창업패키지", "초기창업패키지")[0] < DEFAULT_THRESHOLD
    True
    """
    ka, kb = norm_key(a), norm_key(b)
    if ka and ka == kb:
        return 100.0, "exact"
    ca, cb = name_key(a), name_key(b)
    full = float(fuzz.ratio(ka, kb))
    core = float(fuzz.ratio(ca, cb)) if ca and cb else 0.0
    if core > full:
        return core, "core"
    return full, "fuzzy"


def _ministry_key(p: Program) -> str:
    key = norm_key(p.ministry or p.institution)
    return _SUCCESSOR_KEYS.get(key, key)


def _compatible(a: Program, b: Program) -> bool:
    """False when the two programs cannot be one program (see the module docstring)."""
    if a.is_local != b.is_local:
        return False
    if a.is_local:
        return different_institutions(a, b) is not True
    ma, mb = _ministry_key(a), _ministry_key(b)
    if ma and mb and ma != mb:
        return False
    # Places in the names and site hosts still tell two central programs apart.
    return (
        different_institutions(replace(a, institution=""), replace(b, institution="")) is not True
    )


def _basis_text(basis: str, score: float) -> str:
    if basis == "exact":
        return "정규화한 사업명 일치"
    if basis == "core" and score >= 100:
        return "괄호·지명·'지원사업' 같은 어미를 뺀 사업명 일치"
    if basis == "core":
        return f"괄호·어미를 뺀 사업명 유사 {score:.0f}점"
    return f"사업명 유사 {score:.0f}점"


# ----------------------------------------------------------------------------- matching


@dataclass(frozen=True, slots=True)
class _Edge:
    score: float
    basis: str
    context: int  # how many other facts agree (see _context); breaks ties between equal names
    old: str
    new: str


def _context(a: Program, b: Program) -> int:
    """How many stated facts besides the name two programs share: institution, 시·도, support
    type, detail URL, K-Startup id, 지원대상 and summary text. Two notices of one year list each
    of several same-named local programs ("창업보육센터 운영") with its own page and place; this
    tells which is which. Across years these mostly differ and equal names stay a tie."""
    pairs = (
        (norm_key(a.institution), norm_key(b.institution)),
        (canonical_sido(a.region) or "", canonical_sido(b.region) or ""),
        (a.support_type, b.support_type),
        (a.url, b.url),
        (a.kstartup_id, b.kstartup_id),
        (norm_key(a.target_text), norm_key(b.target_text)),
        (norm_key(a.summary), norm_key(b.summary)),
    )
    return sum(1 for x, y in pairs if x and x == y)


_BASIS_RANK = {"exact": 0, "core": 1, "fuzzy": 2}


def _edges(old: Sequence[Program], new: Sequence[Program], floor: float) -> list[_Edge]:
    """Every compatible (old, new) pair scoring ≥ ``floor``, best first."""
    if not old or not new:
        return []
    keys_old = [norm_key(p.name) for p in old]
    keys_new = [norm_key(p.name) for p in new]
    cores_old = [name_key(p.name) for p in old]
    cores_new = [name_key(p.name) for p in new]
    full = process.cdist(keys_old, keys_new, scorer=fuzz.ratio, score_cutoff=floor, workers=-1)
    core = process.cdist(cores_old, cores_new, scorer=fuzz.ratio, score_cutoff=floor, workers=-1)
    rows, cols = np.nonzero((full >= floor) | (core >= floor))
    out: list[_Edge] = []
    for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
        a, b = old[i], new[j]
        if not _compatible(a, b):
            continue
        score, basis = name_similarity(a.name, b.name)
        if score >= floor:
            out.append(_Edge(score, basis, _context(a, b), a.program_id, b.program_id))
    out.sort(key=lambda e: (-e.score, _BASIS_RANK[e.basis], -e.context, e.old, e.new))
    return out


def _rivals(e: _Edge, r: _Edge) -> bool:
    """True when ``r`` is as good a link as ``e`` (same score within _TIE, basis and context)."""
    return (
        r is not e
        and abs(r.score - e.score) < _TIE
        and r.basis == e.basis
        and r.context == e.context
    )


def _family(programs: Sequence[Program]) -> bool:
    """True when tied programs look like parts of one scheme rather than namesakes: their
    names differ ("…(기초)", "…(고도화)") and nothing says different institutions run them."""
    names = {norm_key(p.name) for p in programs}
    if len(names) < len(programs):
        return False
    return not any(
        different_institutions(a, b) is True
        for i, a in enumerate(programs)
        for b in programs[i + 1 :]
    )


def _one_to_one(
    edges: list[_Edge],
    threshold: float,
    old_by: Mapping[str, Program],
    new_by: Mapping[str, Program],
) -> tuple[list[_Edge], dict[str, list[tuple[str, float]]]]:
    """Greedy best-first links at or above ``threshold``, one-to-one unless a tie is a family.

    When a program has several equally good partners (:func:`_rivals`) that form a
    :func:`_family` and have no equally good partner elsewhere, it links to all of them (a
    merge or split). Otherwise neither it nor they are linked; ``ties`` maps each such program
    (keyed ``"o:id"`` / ``"n:id"``: two files of one year share ids) to its tied partners.
    """
    chosen: list[_Edge] = []
    ties: dict[str, list[tuple[str, float]]] = {}
    taken_old: set[str] = set()
    taken_new: set[str] = set()
    strong = [e for e in edges if e.score >= threshold]
    by_old: dict[str, list[_Edge]] = defaultdict(list)
    by_new: dict[str, list[_Edge]] = defaultdict(list)
    for e in strong:
        by_old[e.old].append(e)
        by_new[e.new].append(e)

    def free(e: _Edge) -> bool:
        return not (
            e.old in taken_old or e.new in taken_new or f"o:{e.old}" in ties or f"n:{e.new}" in ties
        )

    for e in strong:
        if not free(e):
            continue
        to_new = [r for r in by_old[e.old] if _rivals(e, r) and free(r)]
        to_old = [r for r in by_new[e.new] if _rivals(e, r) and free(r)]
        group = [e, *to_new, *to_old]
        if to_new and to_old:
            family = False
        elif to_new:  # one old, several equally good new: a split if nothing else claims them
            family = _family([new_by[r.new] for r in group]) and not any(
                _rivals(e, x) and x.old != e.old for r in to_new for x in by_new[r.new]
            )
        elif to_old:  # several old, one new: a merge under the same condition
            family = _family([old_by[r.old] for r in group]) and not any(
                _rivals(e, x) and x.new != e.new for r in to_old for x in by_old[r.old]
            )
        else:
            family = True
        if not family:
            for r in group:
                ties.setdefault(f"o:{r.old}", []).extend((x.new, x.score) for x in group)
                ties.setdefault(f"n:{r.new}", []).extend((x.old, x.score) for x in group)
            continue
        chosen.extend(group)
        taken_old.update(r.old for r in group)
        taken_new.update(r.new for r in group)
    return chosen, {key: list(dict.fromkeys(partners)) for key, partners in ties.items()}


def _components(edges: Iterable[tuple[str, str]]) -> list[tuple[list[str], list[str]]]:
    """Connected components of old–new edges as (old ids, new ids), in first-seen order."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    order: list[str] = []
    for o, n in edges:
        for node in (("o", o), ("n", n)):
            tag = f"{node[0]}:{node[1]}"
            if tag not in parent:
                order.append(tag)
                parent[tag] = tag
        ra, rb = find(f"o:{o}"), find(f"n:{n}")
        if ra != rb:
            parent[rb] = ra
    groups: dict[str, tuple[list[str], list[str]]] = {}
    for tag in order:
        root = find(tag)
        olds, news = groups.setdefault(root, ([], []))
        (olds if tag.startswith("o:") else news).append(tag[2:])
    return list(groups.values())


def _resolve(
    ref: str, programs: Mapping[str, Program], name_index: Mapping[str, list[str]]
) -> tuple[str | None, str]:
    """A program id for an id-or-name reference, or (None, why not)."""
    ref = ref.strip()
    if ref in programs:
        return ref, ""
    found = name_index.get(norm_key(ref), [])
    if len(found) == 1:
        return found[0], ""
    if found:
        return None, f"같은 이름의 사업이 {len(found)}개입니다 — 사업 ID로 지정하세요"
    return None, "이 이름이나 ID의 사업이 없습니다"


def _budget(programs: Iterable[Program]) -> tuple[float | None, float]:
    """(sum if every budget is stated else None, sum of stated budgets)."""
    values = [p.budget_eok for p in programs]
    known = sum(v for v in values if v is not None)
    return (round(known, 4) if values and all(v is not None for v in values) else None), known


@dataclass
class _Pins:
    """A person's edits resolved to ids: forced links and the programs they decide."""

    forced: dict[tuple[str, str], str] = field(default_factory=dict)  # (old, new) -> where
    old: dict[str, str] = field(default_factory=dict)  # program id -> where
    new: dict[str, str] = field(default_factory=dict)
    issues: list[LineageIssue] = field(default_factory=list)


def _name_index(programs: Sequence[Program]) -> dict[str, list[str]]:
    index: dict[str, list[str]] = defaultdict(list)
    for p in programs:
        index[norm_key(p.name)].append(p.program_id)
    return index


def _apply_edits(
    edits: Sequence[LineageEdit], old: Sequence[Program], new: Sequence[Program]
) -> _Pins:
    """Resolve edits against the two lists; every problem becomes a :class:`LineageIssue`."""
    pins = _Pins()
    sides = (
        ("old", {p.program_id: p for p in old}, _name_index(old), "이전 사업"),
        ("new", {p.program_id: p for p in new}, _name_index(new), "새 사업"),
    )
    for edit in edits:
        relation = _RELATION_WORDS.get(norm_key(edit.relation) or edit.relation.strip().lower())
        if relation is None:
            why = "알 수 없는 관계입니다 (유지·명칭 변경·통합·분할·신규·폐지)"
            pins.issues.append(LineageIssue(edit.where, "관계", edit.relation, why))
            continue
        found: dict[str, str] = {}
        for (side, by_id, index, column), ref in zip(sides, (edit.old, edit.new), strict=True):
            if not ref.strip():
                continue
            pid, why = _resolve(ref, by_id, index)
            if pid is None:
                pins.issues.append(LineageIssue(edit.where, column, ref, why))
            else:
                found[side] = pid
        if len(found) < sum(1 for ref in (edit.old, edit.new) if ref.strip()):
            continue  # a name that could not be resolved: the whole row is left out
        if relation in _LINKING:
            if len(found) < 2:
                why = "연결에는 이전 사업과 새 사업이 모두 필요합니다"
                pins.issues.append(LineageIssue(edit.where, "관계", edit.relation, why))
                continue
            pins.forced.setdefault((found["old"], found["new"]), edit.where)
        if "old" in found:
            pins.old.setdefault(found["old"], edit.where)
        if "new" in found:
            pins.new.setdefault(found["new"], edit.where)
    return pins


def _join_leftovers(
    edges: list[_Edge],
    threshold: float,
    taken_old: set[str],
    taken_new: set[str],
    ties: dict[str, list[tuple[str, float]]],
) -> list[_Edge]:
    """Edges that attach a leftover program to an existing one-to-one link (merge or split):
    only when its single best partner (≥ threshold, no tie) is already linked."""
    joined: list[_Edge] = []
    for side in ("old", "new"):
        best: dict[str, list[_Edge]] = defaultdict(list)
        for e in edges:  # best first
            pid = e.old if side == "old" else e.new
            if not best[pid] or _rivals(best[pid][0], e):
                best[pid].append(e)
        for pid, tops in best.items():
            e = tops[0]
            leftover = pid not in (taken_old if side == "old" else taken_new)
            partner_taken = (e.new in taken_new) if side == "old" else (e.old in taken_old)
            tag = f"{side[0]}:{pid}"
            if not leftover or not partner_taken or tag in ties or e.score < threshold:
                continue
            if len(tops) > 1:  # two equally good links to join: a person decides
                ties[tag] = [(t.new if side == "old" else t.old, e.score) for t in tops]
                continue
            joined.append(e)
    return joined


def _link(
    olds: list[str],
    news: list[str],
    old_by: Mapping[str, Program],
    new_by: Mapping[str, Program],
    auto: Mapping[tuple[str, str], _Edge],
    pins: _Pins,
) -> Link:
    """The :class:`Link` of one connected group of old and new programs."""
    scored: list[tuple[float, str, str, str]] = []
    for o in olds:
        for n in news:
            if (o, n) in auto:
                scored.append((auto[(o, n)].score, auto[(o, n)].basis, o, n))
            elif (o, n) in pins.forced:
                scored.append((*name_similarity(old_by[o].name, new_by[n].name), o, n))
    relation: Relation
    if len(olds) == 1 and len(news) == 1:
        s, basis, *_ = scored[0]
        relation = "same" if basis == "exact" else "renamed"
        reason = _basis_text(basis, s)
    else:
        relation = "split" if len(olds) == 1 else "merged"
        head = f"이전 사업 {len(olds)}개가 새 사업 {len(news)}개로"
        named = old_by if relation == "merged" else new_by
        parts = [
            f"{named[o if relation == 'merged' else n].name} {s:.0f}점" for s, _, o, n in scored
        ]
        reason = f"{head}: " + ", ".join(parts)
    reason += _type_note([old_by[o] for o in olds], [new_by[n] for n in news])
    wheres = sorted({w for (o, n), w in pins.forced.items() if o in olds and n in news})
    if wheres:
        reason = f"사람이 지정 ({', '.join(w for w in wheres if w) or '계보 수정'}) — {reason}"
    old_budget, old_known = _budget(old_by[o] for o in olds)
    new_budget, new_known = _budget(new_by[n] for n in news)
    return Link(
        relation,
        tuple(olds),
        tuple(news),
        min(s for s, *_ in scored),
        reason,
        decided="person" if wheres else "auto",
        old_budget=old_budget,
        new_budget=new_budget,
        old_known=old_known,
        new_known=new_known,
    )


def _unlinked(
    p: Program,
    side: Literal["old", "new"],
    other: Mapping[str, Program],
    best: Mapping[str, _Edge],
    ties: Mapping[str, list[tuple[str, float]]],
    pinned: str | None,
    caveat: str,
    threshold: float,
) -> Link:
    """A dropped (``side`` "old") or new program, with its best candidate and the caveats."""
    pid = p.program_id
    tag = f"{side[0]}:{pid}"
    candidate = None
    where = "새" if side == "old" else "이전"
    if pinned is not None:
        reason = f"사람이 지정 ({pinned or '계보 수정'})"
    elif tag in ties:
        partners = list(dict.fromkeys(ties[tag]))
        candidate = partners[0]
        names = ", ".join(other[q].name for q, _ in partners[:4] if q in other)
        reason = (
            f"같은 점수({candidate[1]:.0f}점)의 후보가 여럿이라 자동으로 잇지 않았습니다: "
            f"{names} — 계보 표에서 지정하세요"
        )
    elif tag in best:
        e = best[tag]
        candidate = (e.new if side == "old" else e.old, e.score)
        reason = (
            f"가장 비슷한 {where} 사업: {other[candidate[0]].name} ({e.score:.0f}점, "
            f"자동 연결 기준 {threshold:.0f}점 미만)"
        )
    else:
        reason = f"{where} 데이터에 같거나 비슷한 이름의 사업이 없습니다"
    if caveat and pinned is None:
        reason += f" — {caveat}"
    budget = p.budget_eok
    dropped = side == "old"
    return Link(
        "dropped" if dropped else "new",
        (pid,) if dropped else (),
        () if dropped else (pid,),
        None,
        reason,
        decided="person" if pinned is not None else "auto",
        candidate=candidate,
        old_budget=budget if dropped else None,
        new_budget=None if dropped else budget,
        old_known=(budget or 0.0) if dropped else 0.0,
        new_known=0.0 if dropped else (budget or 0.0),
    )


def _caveat(p: Program, general: str, other_types: set[str], other_side: str) -> str:
    """Why a new/dropped verdict may only be a gap in the data: partial coverage, and a support
    type the other notice does not hold at all (e.g. no 융자·보증 program was collected)."""
    parts = []
    if p.support_type and p.support_type not in other_types:
        parts.append(f"{other_side} 데이터에 '{p.support_type}' 유형 사업이 하나도 없습니다")
    if general:
        parts.append(general)
    return "; ".join(parts)


def diff_programs(
    old: Sequence[Program],
    new: Sequence[Program],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    edits: Sequence[LineageEdit] = (),
    caveat_new: str = "",
    caveat_dropped: str = "",
) -> tuple[list[Link], list[LineageIssue]]:
    """The links between two program lists (every program in exactly one link) and the edits
    that could not be applied. See the module docstring for the rules; ``caveat_*`` is appended
    to the reason of new / dropped programs (e.g. that the old data is partial)."""
    old_by = {p.program_id: p for p in old}
    new_by = {p.program_id: p for p in new}
    # 1. A person's edits: every program they name is decided by them alone.
    pins = _apply_edits(edits, old, new)
    # 2. Automatic one-to-one links among the programs nobody pinned, then merges and splits.
    free_old = [p for p in old if p.program_id not in pins.old]
    free_new = [p for p in new if p.program_id not in pins.new]
    edges = _edges(free_old, free_new, CANDIDATE_FLOOR)
    chosen, ties = _one_to_one(edges, threshold, old_by, new_by)
    taken_old = {e.old for e in chosen}
    taken_new = {e.new for e in chosen}
    joined = _join_leftovers(edges, threshold, taken_old, taken_new, ties)
    auto = {(e.old, e.new): e for e in (*chosen, *joined)}
    pairs = list(pins.forced) + [k for k in auto if k not in pins.forced]
    # 3. Links by shape, then everything left over as dropped or new.
    links: list[Link] = []
    linked: set[str] = set()
    for olds, news in _components(pairs):
        linked.update(f"o:{o}" for o in olds)
        linked.update(f"n:{n}" for n in news)
        links.append(_link(olds, news, old_by, new_by, auto, pins))
    best: dict[str, _Edge] = {}
    for e in edges:  # best first
        best.setdefault(f"o:{e.old}", e)
        best.setdefault(f"n:{e.new}", e)
    types_old = {p.support_type for p in old}
    types_new = {p.support_type for p in new}
    for p in old:
        if f"o:{p.program_id}" not in linked:
            caveat = _caveat(p, caveat_dropped, types_new, "새")
            pinned = pins.old.get(p.program_id)
            links.append(_unlinked(p, "old", new_by, best, ties, pinned, caveat, threshold))
    for p in new:
        if f"n:{p.program_id}" not in linked:
            caveat = _caveat(p, caveat_new, types_old, "이전")
            pinned = pins.new.get(p.program_id)
            links.append(_unlinked(p, "new", old_by, best, ties, pinned, caveat, threshold))
    return links, pins.issues


def _type_note(olds: Sequence[Program], news: Sequence[Program]) -> str:
    """ " · 지원유형 사업화 → 글로벌 진출" when the support type changed (both stated)."""
    before = {p.support_type for p in olds if p.support_type}
    after = {p.support_type for p in news if p.support_type}
    notes = []
    if before and after and before != after:
        notes.append(f"지원유형 {'·'.join(sorted(before))} → {'·'.join(sorted(after))}")
    mb = {p.ministry for p in olds if p.ministry}
    ma = {p.ministry for p in news if p.ministry}
    if mb and ma and mb != ma:
        notes.append(f"소관 {'·'.join(sorted(mb))} → {'·'.join(sorted(ma))}")
    return "".join(f" · {n}" for n in notes)


# ----------------------------------------------------------------------------- catalogues


def _side(catalogue: Catalogue, programs: Sequence[Program], scope: str) -> Side:
    year = catalogue.year
    totals = published_totals()
    published = None
    coverage = ""
    budgets = [p.budget_eok for p in programs if p.budget_eok is not None]
    n = len(programs)
    if year in totals:
        t = totals[year]
        published = {
            "all": t.programs,
            "central": t.programs_central,
            "local": t.programs_local,
        }[scope]
        what = {"all": "", "central": "중앙부처 ", "local": "지자체 "}[scope]
        share = f" ({n / published:.0%})" if published else ""
        coverage = f"{year} 통합공고 {what}사업 {published}개 중 {n}개{share}"
    else:
        coverage = f"{n}개 사업 (해당 연도의 공표 총계 없음)"
    return Side(
        label=catalogue.label,
        year=year,
        programs=n,
        central=sum(1 for p in programs if not p.is_local),
        local=sum(1 for p in programs if p.is_local),
        with_budget=len(budgets),
        budget_eok=round(sum(budgets), 4),
        published_programs=published,
        coverage=coverage,
    )


def diff_catalogues(
    old: Catalogue,
    new: Catalogue,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    edits: Sequence[LineageEdit] = (),
) -> NoticeDiff:
    """Compare two loaded notices (files, snapshots or embedded years); see the module docstring.

    >>> from loaders.catalogue import load_embedded
    >>> d = diff_catalogues(load_embedded(2025), load_embedded(2026))
    >>> d.scope, d.counts()["same"] > 20
    ('central', True)
    """
    notes: list[str] = []
    old_has = {p.is_local for p in old.programs}
    new_has = {p.is_local for p in new.programs}
    shared = old_has & new_has
    if shared == {False}:
        scope = "central"
    elif shared == {True}:
        scope = "local"
    else:
        scope = "all"
    keep = (lambda p: True) if scope == "all" else (lambda p: p.is_local == (scope == "local"))
    old_in = [p for p in old.programs if keep(p)]
    new_in = [p for p in new.programs if keep(p)]
    excluded_old = tuple(p.program_id for p in old.programs if not keep(p))
    excluded_new = tuple(p.program_id for p in new.programs if not keep(p))
    if not shared:
        notes.append("두 데이터에 함께 있는 구분(중앙부처·지자체)이 없어 비교할 사업이 없습니다.")
    where = {"central": "중앙부처", "local": "지자체"}.get(scope)
    for side_name, excluded in (("이전", excluded_old), ("새", excluded_new)):
        if excluded and where:
            other = "지자체" if scope == "central" else "중앙부처"
            notes.append(
                f"{side_name} 데이터의 {other} 사업 {len(excluded)}개는 다른 쪽 데이터에 {other} 사업이 "
                f"없어 비교에서 뺐습니다 ({where} 사업만 비교)."
            )
    old_side = _side(old, old_in, scope)
    new_side = _side(new, new_in, scope)
    caveat_new = caveat_dropped = ""
    if not old_side.complete:
        caveat_new = f"이전 데이터가 공고 일부({old_side.share})만 담고 있어 신규가 아닐 수 있음"
        notes.append(
            f"이전 데이터는 {old_side.coverage}만 담고 있습니다: '신규'는 '이전 데이터에 없음'이라는 뜻입니다."
        )
    if not new_side.complete:
        caveat_dropped = f"새 데이터가 공고 일부({new_side.share})만 담고 있어 폐지가 아닐 수 있음"
        notes.append(
            f"새 데이터는 {new_side.coverage}만 담고 있습니다: '폐지'는 '새 데이터에 없음'이라는 뜻입니다."
        )
    if old.year and new.year and old.year >= new.year:
        notes.append(f"이전 데이터의 연도({old.year})가 새 데이터({new.year})보다 늦거나 같습니다.")
    notes.append(
        "예산은 두 데이터에 적힌 예산만 비교합니다: "
        f"이전 {old_side.with_budget}/{old_side.programs}개, 새 {new_side.with_budget}/{new_side.programs}개 사업에 예산이 있습니다."
    )
    links, issues = diff_programs(
        old_in,
        new_in,
        threshold=threshold,
        edits=edits,
        caveat_new=caveat_new,
        caveat_dropped=caveat_dropped,
    )
    return NoticeDiff(
        old=old_side,
        new=new_side,
        links=tuple(links),
        old_programs={p.program_id: p for p in old.programs},
        new_programs={p.program_id: p for p in new.programs},
        threshold=threshold,
        scope=scope,
        notes=tuple(notes),
        issues=tuple(issues),
        excluded_old=excluded_old,
        excluded_new=excluded_new,
        edits=tuple(edits),
    )


# ----------------------------------------------------------------------------- budgets


def _group_of(p: Program, key: str) -> str:
    name = getattr(p, key) or UNKNOWN
    # A ministry renamed by the reorganisation is one ministry in both years: its programs'
    # budgets move within it, not from the old name to the new.
    return MINISTRY_SUCCESSORS.get(name, name) if key == "ministry" else name


def _group_label(group: str, key: str, diff: NoticeDiff) -> str:
    """The successor's name, saying its former name when programs carried it: "기후에너지환경부
    (구 환경부)"."""
    if key != "ministry":
        return group
    former = sorted(
        {
            p.ministry
            for p in (*diff.old_programs.values(), *diff.new_programs.values())
            if p.ministry != group and MINISTRY_SUCCESSORS.get(p.ministry) == group
        }
    )
    return f"{group} (구 {', '.join(former)})" if former else group


def _group_moves(diff: NoticeDiff, key: Literal["ministry", "support_type"]) -> list[GroupMove]:
    acc: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for link in diff.links:
        olds = [diff.old_programs[i] for i in link.old_ids]
        news = [diff.new_programs[i] for i in link.new_ids]
        for p in olds:
            g = acc[_group_of(p, key)]
            g["old_count"] += 1
            if p.budget_eok is not None:
                g["old_budget"] += p.budget_eok
                g["old_with_budget"] += 1
                if link.relation == "dropped":
                    g["dropped"] += p.budget_eok
        for p in news:
            g = acc[_group_of(p, key)]
            g["new_count"] += 1
            if p.budget_eok is not None:
                g["new_budget"] += p.budget_eok
                g["new_with_budget"] += 1
                if link.relation == "new":
                    g["added"] += p.budget_eok
        change = link.budget_change
        if change is not None and news:
            # A merge's change is attributed to the group of its (first) new program.
            acc[_group_of(news[0], key)]["continuing"] += change
    moves = [
        GroupMove(
            group=_group_label(name, key, diff),
            old_count=int(v["old_count"]),
            new_count=int(v["new_count"]),
            old_budget=round(v["old_budget"], 4),
            new_budget=round(v["new_budget"], 4),
            old_with_budget=int(v["old_with_budget"]),
            new_with_budget=int(v["new_with_budget"]),
            continuing_change=round(v["continuing"], 4),
            new_budget_added=round(v["added"], 4),
            dropped_budget=round(v["dropped"], 4),
        )
        for name, v in acc.items()
    ]
    moves.sort(key=lambda m: (m.group == UNKNOWN, -abs(m.change), -m.new_count, m.group))
    return moves


def _waterfall(diff: NoticeDiff) -> list[BudgetStep]:
    dropped = added = cont = only_old = only_new = 0.0
    n_dropped = n_added = n_cont = n_only_old = n_only_new = 0
    old_total = new_total = 0.0
    for link in diff.links:
        old_total += link.old_known
        new_total += link.new_known
        if link.relation == "dropped":
            if link.old_budget is not None:
                dropped += link.old_budget
                n_dropped += 1
        elif link.relation == "new":
            if link.new_budget is not None:
                added += link.new_budget
                n_added += 1
        elif link.budget_change is not None:
            cont += link.budget_change
            n_cont += 1
        else:
            if link.old_known:
                only_old += link.old_known
                n_only_old += 1
            if link.new_known:
                only_new += link.new_known
                n_only_new += 1
    steps = [
        BudgetStep(f"{diff.old.year or '이전'} 예산 합계 (명시분)", old_total, "total"),
        BudgetStep("폐지(새 데이터에 없음)", -dropped, "step", n_dropped),
        BudgetStep("계속 사업 증감", cont, "step", n_cont),
        BudgetStep("계속 사업 — 새 예산 미상", -only_old, "step", n_only_old),
        BudgetStep("계속 사업 — 이전 예산 미상", only_new, "step", n_only_new),
        BudgetStep("신규(이전 데이터에 없음)", added, "step", n_added),
        BudgetStep(f"{diff.new.year or '새'} 예산 합계 (명시분)", new_total, "total"),
    ]
    return [replace(s, amount=round(s.amount, 4)) for s in steps if s.kind == "total" or s.programs]


# ----------------------------------------------------------------------------- lineage files

# Columns of the lineage table (CSV, Excel sheet and the app's editable table).
LINEAGE_COLUMNS: tuple[str, ...] = (
    "관계",
    "이전 사업 ID",
    "이전 사업명",
    "새 사업 ID",
    "새 사업명",
    "점수",
    "근거",
    "판정",
    "이전 예산(억원)",
    "새 예산(억원)",
    "증감(억원)",
)
_HEADER_ALIASES: dict[str, str] = {
    "관계": "relation",
    "relation": "relation",
    "이전사업id": "old_id",
    "oldid": "old_id",
    "이전사업명": "old_name",
    "oldname": "old_name",
    "새사업id": "new_id",
    "newid": "new_id",
    "새사업명": "new_name",
    "newname": "new_name",
}


def lineage_rows(diff: NoticeDiff) -> list[list[Any]]:
    """The lineage table (headers :data:`LINEAGE_COLUMNS`): one row per old–new pair of a link,
    one per new or dropped program. Budgets are those of the two programs of the row; the change
    is the link's (merges and splits repeat it on each row)."""
    rows: list[list[Any]] = []
    for link in diff.links:
        olds = link.old_ids or ("",)
        news = link.new_ids or ("",)
        for o in olds:
            for n in news:
                po = diff.old_programs.get(o) if o else None
                pn = diff.new_programs.get(n) if n else None
                score = link.score
                if o and n and len(link.old_ids) * len(link.new_ids) > 1 and po and pn:
                    score = name_similarity(po.name, pn.name)[0]
                rows.append(
                    [
                        link.label,
                        o,
                        po.name if po else "",
                        n,
                        pn.name if pn else "",
                        None if score is None else round(score, 1),
                        link.reason,
                        "사람" if link.decided == "person" else "자동",
                        po.budget_eok if po else None,
                        pn.budget_eok if pn else None,
                        link.budget_change,
                    ]
                )
    return rows


def lineage_to_csv(diff: NoticeDiff) -> bytes:
    """The lineage table as CSV (UTF-8 with BOM, formula-like cells neutralised) — the file
    ``navigator diff --lineage`` reads back after a person corrects it."""
    from graph.sheets import csv_bytes  # openpyxl only when writing files

    return csv_bytes(LINEAGE_COLUMNS, lineage_rows(diff))


def read_lineage_csv(data: bytes | str | Path, name: str = "") -> list[LineageEdit]:
    """Lineage edits from a CSV a person corrected (the columns :func:`lineage_rows` writes;
    English headers relation/old_id/old_name/new_id/new_name also work).

    ID columns win over name columns; a row whose relation is blank is skipped. Raises
    :class:`~loaders.errors.LoadError` when the file cannot be read or has no 관계 column.
    Unknown relations and programs are reported per row by :func:`diff_catalogues`.
    """
    if isinstance(data, (str, Path)):
        path = Path(data)
        name = name or path.name
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise LoadError(
                f"{path}: 계보 파일을 읽을 수 없습니다 ({exc.strerror or exc})."
            ) from None
    text = None
    for encoding in ("utf-8-sig", "cp949"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if text is None:
        raise LoadError(f"{name}: 계보 파일의 인코딩을 알 수 없습니다 (UTF-8 또는 CP949).")
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if not header:
        raise LoadError(f"{name}: 계보 파일이 비어 있습니다.")
    columns = {
        _HEADER_ALIASES[key]: i
        for i, h in enumerate(header)
        if (key := norm_key(h, drop_year=False)) in _HEADER_ALIASES
    }
    if "relation" not in columns:
        raise LoadError(f"{name}: 계보 파일에 '관계'(relation) 열이 없습니다.")

    def cell(row: list[str], key: str) -> str:
        i = columns.get(key)
        value = row[i].strip() if i is not None and i < len(row) else ""
        return value.removeprefix("'")  # undo the formula neutralisation of our own files

    edits: list[LineageEdit] = []
    for n, row in enumerate(reader, start=2):
        relation = cell(row, "relation")
        if not relation:
            continue
        edits.append(
            LineageEdit(
                relation,
                cell(row, "old_id") or cell(row, "old_name"),
                cell(row, "new_id") or cell(row, "new_name"),
                f"{name} {n}행".strip(),
            )
        )
    return edits
