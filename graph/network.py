"""The program map: programs linked through facets, plus "next" edges for support paths.

Two kinds of links, for two uses:

* **Facets** (:func:`build_graph`, the program graph for analysis). Each program links to one
  node per institution, growth stage, technology field and support type (ids ``inst:…``,
  ``stage:…``, ``field:…``, ``type:…``). Programs sharing a facet meet at its hub, so a
  catalogue of n programs has O(n) edges instead of the O(n²) cliques "same ministry" links
  would make. (The map users see is :mod:`graph.navmap`: fixed lanes and columns, no hubs.)
* **Next edges** (the support path and the map's "next step" arrows). From a program of an earlier phase (:mod:`graph.phases`) to
  one of a later phase that the same firm could use next: growth stages not going backwards,
  age bands overlapping, regions compatible (same 시·도 or nationwide) and a technology field in
  common or field-agnostic. ``weight`` is lower for better continuations (shared field, same
  region, adjacent phase, no stage jump). Each program keeps only its ``k`` best successors, so
  20,000 programs give at most 20,000·k next edges.

Next edges are computed with numpy over programs grouped by their compatibility signature
(phase, region, fields, stages, age band): programs with the same signature share successors, so
the cost grows with the number of distinct signatures, not with n².
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import networkx as nx
import numpy as np

from graph.eligibility import Verdict
from graph.phases import phase_of
from loaders.model import Program
from loaders.regions import NATIONWIDE, canonical_sido
from loaders.taxonomy import GENERAL_FIELD, TECH_FIELDS
from loaders.vocab import GROWTH_STAGES, PHASES

__all__ = [
    "DEFAULT_K",
    "TIME_BOUND_KINDS",
    "NextEdge",
    "build_graph",
    "facet_id",
    "next_edges",
]

DEFAULT_K = 5
# Constraint kinds that change as the firm grows older: a program failing only these may still
# be a later step of the path, so it stays a possible successor.
TIME_BOUND_KINDS: frozenset[str] = frozenset({"years", "age", "founder"})

_STAGE_INDEX = {s: i for i, s in enumerate(GROWTH_STAGES)}
_FIELD_BIT = {f: 1 << i for i, f in enumerate(TECH_FIELDS)}
_STATUS_COST = {"eligible": 0.0, "maybe": 0.1}


def facet_id(kind: str, value: str) -> str:
    """Node id of a facet: ``inst:…``, ``stage:…``, ``field:…`` or ``type:…``."""
    return f"{kind}:{value}"


@dataclass(frozen=True, slots=True)
class NextEdge:
    """A "could come next" link; lower ``weight`` is a better continuation."""

    source: str
    target: str
    weight: float
    why: str


@dataclass(slots=True)
class _Features:
    ids: list[str]
    phase: np.ndarray
    region: np.ndarray  # 0 = nationwide or unknown (compatible with all)
    fields: np.ndarray  # bitmask; 0 = field-agnostic
    stage_lo: np.ndarray
    stage_hi: np.ndarray
    age_lo: np.ndarray
    age_hi: np.ndarray
    cost: np.ndarray  # status cost and budget tie-break, per target
    usable: np.ndarray  # may be a successor (not ruled out by a permanent constraint)
    region_names: list[str]


def _features(programs: Sequence[Program], verdicts: Mapping[str, Verdict] | None) -> _Features:
    n = len(programs)
    region_codes: dict[str, int] = {}
    phase = np.full(n, -1, dtype=np.int16)
    region = np.zeros(n, dtype=np.int32)
    fields = np.zeros(n, dtype=np.int64)
    stage_lo = np.zeros(n, dtype=np.int8)
    stage_hi = np.full(n, 3, dtype=np.int8)
    age_lo = np.zeros(n, dtype=np.int16)
    age_hi = np.full(n, 200, dtype=np.int16)
    cost = np.zeros(n, dtype=np.float64)
    usable = np.ones(n, dtype=bool)
    for k, p in enumerate(programs):
        ph = phase_of(p)
        phase[k] = PHASES.index(ph) if ph is not None else -1
        sido = canonical_sido(p.region) if p.is_local else NATIONWIDE
        if sido and sido != NATIONWIDE:
            region[k] = region_codes.setdefault(sido, len(region_codes) + 1)
        mask = 0
        for f in p.tech_fields:
            if f != GENERAL_FIELD:
                mask |= _FIELD_BIT.get(f, 0)
        fields[k] = mask
        idx = [_STAGE_INDEX[s] for s in p.stages if s in _STAGE_INDEX]
        if idx:
            stage_lo[k], stage_hi[k] = min(idx), max(idx)
        elig = p.eligibility
        if elig.age_min is not None:
            age_lo[k] = elig.age_min
        if elig.age_max is not None:
            age_hi[k] = elig.age_max
        budget = p.budget_eok or 0.0
        cost[k] = -0.05 * math.log10(1.0 + max(budget, 0.0)) / 4.0
        if verdicts is not None:
            v = verdicts.get(p.program_id)
            if v is not None:
                if v.status == "ineligible" and not set(v.failed) <= TIME_BOUND_KINDS:
                    usable[k] = False
                cost[k] += _STATUS_COST.get(v.status, 0.2)
    names = ["", *sorted(region_codes, key=region_codes.__getitem__)]
    return _Features(
        [p.program_id for p in programs],
        phase,
        region,
        fields,
        stage_lo,
        stage_hi,
        age_lo,
        age_hi,
        cost,
        usable,
        names,
    )


def next_edges(
    programs: Sequence[Program],
    verdicts: Mapping[str, Verdict] | None = None,
    *,
    k: int = DEFAULT_K,
) -> list[NextEdge]:
    """The ``k`` best later-phase successors of every program (see module docstring).

    With ``verdicts`` (one profile's), programs ruled out by a permanent constraint (region,
    flags) are never successors, "maybe" ones cost a little more, and programs failing only on
    time (업력, age, 예비/기창업) stay: they may be the later steps of the path.
    """
    feats = _features(programs, verdicts)
    n = len(feats.ids)
    if n == 0 or k <= 0:
        return []
    valid = (feats.phase >= 0) & feats.usable
    signature = np.stack(
        [
            feats.phase.astype(np.int64),
            feats.region.astype(np.int64),
            feats.fields,
            feats.stage_lo.astype(np.int64),
            feats.stage_hi.astype(np.int64),
            feats.age_lo.astype(np.int64),
            feats.age_hi.astype(np.int64),
        ],
        axis=1,
    )
    sources = np.nonzero(feats.phase >= 0)[0]
    if len(sources) == 0:
        return []
    groups, inverse = np.unique(signature[sources], axis=0, return_inverse=True)
    edges: list[NextEdge] = []
    for g, sig in enumerate(groups):
        ph, reg, fmask, slo, shi, alo, ahi = (int(x) for x in sig)
        cand = valid & (feats.phase > ph)
        if reg:
            cand &= (feats.region == 0) | (feats.region == reg)
        if fmask:
            cand &= (feats.fields == 0) | ((feats.fields & fmask) != 0)
        cand &= feats.stage_hi >= slo
        cand &= np.maximum(feats.age_lo, alo) <= np.minimum(feats.age_hi, ahi)
        idx = np.nonzero(cand)[0]
        if len(idx) == 0:
            continue
        shared = (feats.fields[idx] & fmask) != 0
        generic = (feats.fields[idx] == 0) | (fmask == 0)
        same_region = (feats.region[idx] == reg) & (reg != 0)
        weight = (
            1.0
            + 0.5 * (feats.phase[idx] - ph - 1)
            + 0.25 * np.maximum(0, feats.stage_lo[idx] - shi)
            - 0.3 * shared
            + 0.15 * generic
            - 0.15 * same_region
            + feats.cost[idx]
        )
        weight = np.maximum(weight, 0.05)
        take = min(k, len(idx))
        best = np.lexsort((idx, weight))[:take]
        members = sources[inverse == g]
        for b in best:
            j = int(idx[b])
            parts = []
            if shared[b]:
                parts.append("같은 기술분야")
            elif generic[b]:
                parts.append("분야 무관")
            if same_region[b]:
                parts.append(f"같은 지역({feats.region_names[reg]})")
            if feats.phase[j] - ph == 1:
                parts.append("다음 단계")
            why = ", ".join(parts)
            w = round(float(weight[b]), 4)
            for m in members:
                if int(m) != j:
                    edges.append(NextEdge(feats.ids[int(m)], feats.ids[j], w, why))
    return edges


def build_graph(
    programs: Iterable[Program],
    verdicts: Mapping[str, Verdict] | None = None,
    *,
    k: int = DEFAULT_K,
) -> nx.DiGraph:
    """The program map as a directed graph (program → facet, program → next program).

    Program nodes (id = program_id) carry ``kind="program"``, ``label``, ``support_type``,
    ``phase``, ``budget_eok``, ``institution``, ``ministry``, ``region``, ``level``, ``stages``,
    ``tech_fields``, ``url`` and ``status`` (the profile's verdict, or None). Facet nodes carry
    ``kind`` ("institution", "stage", "field", "type"), ``label`` and ``count`` (programs
    linked). Facet edges have ``kind="facet"``; next edges ``kind="next"``, ``weight`` and
    ``why``. Node ids are strings, as pyvis requires.
    """
    progs = list(programs)
    graph: nx.DiGraph[str] = nx.DiGraph()
    facet_kinds = {"inst": "institution", "stage": "stage", "field": "field", "type": "type"}
    for p in progs:
        verdict = verdicts.get(p.program_id) if verdicts is not None else None
        graph.add_node(
            p.program_id,
            kind="program",
            label=p.name,
            support_type=p.support_type,
            phase=phase_of(p),
            budget_eok=p.budget_eok,
            institution=p.institution,
            ministry=p.ministry,
            region=p.region,
            level=p.level,
            stages=tuple(p.stages),
            tech_fields=tuple(p.tech_fields),
            url=p.url,
            status=verdict.status if verdict is not None else None,
        )
        facets: list[tuple[str, str]] = []
        owner = p.institution or p.ministry
        if owner:
            facets.append(("inst", owner))
        facets.extend(("stage", s) for s in p.stages)
        facets.extend(("field", f) for f in p.tech_fields)
        if p.support_type:
            facets.append(("type", p.support_type))
        for kind, value in facets:
            node = facet_id(kind, value)
            if node not in graph:
                graph.add_node(node, kind=facet_kinds[kind], label=value, count=0)
            graph.nodes[node]["count"] += 1
            graph.add_edge(p.program_id, node, kind="facet")
    for edge in next_edges(progs, verdicts, k=k):
        graph.add_edge(edge.source, edge.target, kind="next", weight=edge.weight, why=edge.why)
    return graph
