"""The navigation map's layout: growth stages left to right, support phases as lanes.

The old policy map drew every program and its facet hubs in a force layout: a hairball that
said neither where a firm stands nor where it can go, and moved whenever a filter changed. Here
positions have a meaning and are computed once per catalogue, in Python:

* **x — growth stage.** Four stage columns, 예비 → 초기 (3년 이내) → 도약 (3~7년) → 성장 (7년 초과)
  (:data:`STAGE_COLUMNS`). A program sits at the middle of the stages it serves: "초기" only in the
  middle of the 초기 column, "예비~초기" on the border between 예비 and 초기, "예비~도약" in the
  초기 column. Programs whose text states no stage (most programs without 지원대상 text) sit
  in a separate column on the right, "단계 명시 없음".
* **y — support phase.** One lane per phase of :data:`graph.phases.PHASES` (R&D, 사업화,
  보육·멘토링, 판로·투자·융자, 글로벌), top to bottom in path order.
* **Groups.** Inside a lane and a stage slot, programs are grouped by owner — the ministry for
  central programs, the 시·도 for local ones — each group a small block of dots under its name,
  blocks stacked in a fixed order (central by size, then 시·도 in the official order).

The result (:class:`MapLayout`) holds a :mod:`networkx` graph whose program nodes carry fixed
``x``/``y`` (and the facts a tooltip shows), group label nodes, and the "next step" edges of
:func:`graph.network.next_edges` between lanes; plus the lane and column bands for drawing.
Nothing here depends on a profile or a filter, so :func:`graph.mapviz.map_html` can fade or
hide nodes and draw a profile's path on top without moving anything.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import networkx as nx

from graph.network import next_edges
from graph.phases import phase_of
from loaders.model import Program
from loaders.regions import NATIONWIDE, SIDO, canonical_sido
from loaders.taxonomy import GENERAL_FIELD
from loaders.vocab import EARLY_YEARS, GROWTH_STAGES, PHASES, STARTUP_YEARS

__all__ = [
    "COLUMN_LABELS",
    "STAGE_COLUMNS",
    "UNSTAGED",
    "Band",
    "GroupBox",
    "MapLayout",
    "layout_map",
    "matching_programs",
    "owner_group",
    "stage_slot",
]

STAGE_COLUMNS: tuple[str, ...] = GROWTH_STAGES
COLUMN_LABELS: dict[str, str] = {
    "예비": "예비창업",
    "초기": f"초기 · {EARLY_YEARS}년 이내",
    "도약": f"도약 · {EARLY_YEARS}~{STARTUP_YEARS}년",
    "성장": f"성장 · {STARTUP_YEARS}년 초과",
}
UNSTAGED = "단계 명시 없음"

# Geometry in vis-network units (the page scales the whole map to its frame).
COLUMN_WIDTH = 440.0
LANE_LABEL_WIDTH = 190.0
HEADER_HEIGHT = 90.0
LANE_PAD_TOP = 46.0
LANE_PAD_BOTTOM = 22.0
LANE_MIN_HEIGHT = 150.0
DOT_PITCH = 20.0
BLOCK_COLUMNS = 8  # at most this many dots per row in a group block
GROUP_LABEL_HEIGHT = 24.0
LABEL_CHAR_WIDTH = 14.0  # a Hangul character of a group label, in map units
BLOCK_GAP = 14.0
UNSTAGED_GAP = 70.0
UNSTAGED_WIDTH = 3 * COLUMN_WIDTH / 2  # the 단계 명시 없음 column
NEXT_K = 3  # "next step" edges kept per program

_SLOT_WIDTH = COLUMN_WIDTH / 2 - BLOCK_GAP  # stage slots are half a column apart
_STAGE_INDEX = {s: i for i, s in enumerate(STAGE_COLUMNS)}
_UNSTAGED_SLOT = 2 * len(STAGE_COLUMNS) - 1  # slots 0..6 are stage spans, 7 is unstaged


@dataclass(frozen=True, slots=True)
class Band:
    """A lane (``kind="lane"``, y range) or a column (``kind="column"``, x range) to draw."""

    kind: str
    key: str
    label: str
    start: float
    end: float

    def to_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "key": self.key,
            "label": self.label,
            "start": round(self.start, 1),
            "end": round(self.end, 1),
        }


@dataclass(frozen=True, slots=True)
class GroupBox:
    """One owner's block of programs in a lane and stage slot (its label node is ``node_id``)."""

    node_id: str
    phase: str
    slot: int
    owner: str
    x: float
    y: float
    width: float
    height: float
    count: int


@dataclass(frozen=True)
class MapLayout:
    """Fixed positions for every program (``graph`` node attributes ``x``, ``y``), the group
    blocks, the lane and column bands, and the drawing's extent."""

    graph: nx.DiGraph
    groups: tuple[GroupBox, ...]
    lanes: tuple[Band, ...]
    columns: tuple[Band, ...]
    width: float
    height: float
    synthetic: bool = False

    @property
    def program_ids(self) -> list[str]:
        return [n for n, d in self.graph.nodes(data=True) if d.get("kind") == "program"]

    def lane_of(self, phase: str) -> Band | None:
        return next((b for b in self.lanes if b.key == phase), None)

    def column_of(self, stage: str) -> Band | None:
        return next((b for b in self.columns if b.key == stage), None)


def stage_slot(program: Program) -> int:
    """The x slot of a program: 0..6 for the stage span (lo + hi over :data:`STAGE_COLUMNS`),
    7 when its text states no stage (재창업 alone is not a growth stage)."""
    idx = [_STAGE_INDEX[s] for s in program.stages if s in _STAGE_INDEX]
    if not idx:
        return _UNSTAGED_SLOT
    return min(idx) + max(idx)


def owner_group(program: Program) -> str:
    """The owner a program is grouped under: its ministry (central) or 시·도 (local)."""
    if not program.is_local:
        return program.ministry or "중앙부처 (소관 미상)"
    sido = canonical_sido(program.region)
    if sido and sido != NATIONWIDE:
        return sido
    return "지자체 (지역 미상)"


def _owner_order(owners: Iterable[str], counts: dict[str, int]) -> list[str]:
    central = [o for o in owners if o not in SIDO and not o.startswith("지자체")]
    local = [o for o in owners if o in SIDO]
    unknown = [o for o in owners if o.startswith("지자체")]
    central.sort(key=lambda o: (o.endswith("미상)"), -counts[o], o))
    local.sort(key=SIDO.index)
    return central + local + sorted(unknown)


def _slot_area(slot: int) -> tuple[float, float]:
    """Left edge and width of a slot's area (blocks flow left to right inside it)."""
    if slot == _UNSTAGED_SLOT:
        left = LANE_LABEL_WIDTH + len(STAGE_COLUMNS) * COLUMN_WIDTH + UNSTAGED_GAP
        return left, UNSTAGED_WIDTH
    centre = LANE_LABEL_WIDTH + (slot / 2 + 0.5) * COLUMN_WIDTH
    return centre - _SLOT_WIDTH / 2, _SLOT_WIDTH


def _block_size(owner: str, count: int) -> tuple[float, float, int]:
    """Width, height and dots per row of a group block (wide enough for its label)."""
    label = LABEL_CHAR_WIDTH * len(owner)
    per_row = max(1, min(BLOCK_COLUMNS, count, math.ceil(label / DOT_PITCH)))
    if count > per_row and per_row < BLOCK_COLUMNS:
        per_row = min(BLOCK_COLUMNS, count)
    width = max(label, per_row * DOT_PITCH)
    return width, GROUP_LABEL_HEIGHT + math.ceil(count / per_row) * DOT_PITCH, per_row


def _program_attrs(p: Program) -> dict[str, object]:
    return {
        "kind": "program",
        "label": p.name,
        "support_type": p.support_type,
        "phase": phase_of(p),
        "budget_eok": p.budget_eok,
        "institution": p.institution,
        "ministry": p.ministry,
        "region": p.region,
        "level": p.level,
        "stages": tuple(p.stages),
        "tech_fields": tuple(p.tech_fields),
        "url": p.url,
        "synthetic": p.synthetic,
    }


def layout_map(programs: Sequence[Program], *, next_k: int = NEXT_K) -> MapLayout:
    """Compute the map for a catalogue (deterministic: same programs, same positions).

    Programs without one of the eight support types have no phase and are left out (the
    roadmap leaves them out too). Next edges are profile-independent (``next_k`` per program).
    """
    placed = [(p, phase_of(p)) for p in programs]
    placed = [(p, ph) for p, ph in placed if ph is not None]
    cells: dict[tuple[str, int], dict[str, list[Program]]] = defaultdict(lambda: defaultdict(list))
    owner_counts: dict[str, int] = defaultdict(int)
    for p, ph in placed:
        owner = owner_group(p)
        owner_counts[owner] += 1
        cells[(str(ph), stage_slot(p))][owner].append(p)
    order = {o: i for i, o in enumerate(_owner_order(owner_counts, owner_counts))}

    graph: nx.DiGraph[str] = nx.DiGraph()
    groups: list[GroupBox] = []
    lanes: list[Band] = []
    y = HEADER_HEIGHT
    for phase in PHASES:
        top = y + LANE_PAD_TOP
        lane_height = LANE_MIN_HEIGHT
        for slot in range(_UNSTAGED_SLOT + 1):
            owners = cells.get((phase, slot))
            if not owners:
                continue
            left, area = _slot_area(slot)
            # Blocks flow left to right and wrap: small groups (one 시·도, two programs) share
            # a row instead of each taking a line.
            cx, cy, row_height = 0.0, 0.0, 0.0
            for owner in sorted(owners, key=order.__getitem__):
                members = sorted(
                    owners[owner],
                    key=lambda p: (p.support_type, -(p.budget_eok or 0.0), p.name, p.program_id),
                )
                width, height, per_row = _block_size(owner, len(members))
                if cx > 0 and cx + width > area:
                    cx, cy, row_height = 0.0, cy + row_height + BLOCK_GAP, 0.0
                bx, by = left + cx, top + cy
                node_id = f"group:{phase}:{slot}:{owner}"
                groups.append(
                    GroupBox(node_id, phase, slot, owner, bx, by, width, height, len(members))
                )
                graph.add_node(
                    node_id,
                    kind="group",
                    label=owner,
                    count=len(members),
                    x=bx + width / 2,
                    y=by + 8.0,
                )
                for k, p in enumerate(members):
                    row, colk = divmod(k, per_row)
                    graph.add_node(
                        p.program_id,
                        **_program_attrs(p),
                        owner=owner,
                        x=bx + (colk + 0.5) * DOT_PITCH,
                        y=by + GROUP_LABEL_HEIGHT + (row + 0.5) * DOT_PITCH,
                    )
                cx += width + BLOCK_GAP
                row_height = max(row_height, height)
            lane_height = max(lane_height, LANE_PAD_TOP + cy + row_height + LANE_PAD_BOTTOM)
        lanes.append(Band("lane", phase, phase, y, y + lane_height))
        y += lane_height
    unstaged_left, unstaged_width = _slot_area(_UNSTAGED_SLOT)
    width = unstaged_left + unstaged_width + 20
    columns = [
        Band(
            "column",
            stage,
            COLUMN_LABELS[stage],
            LANE_LABEL_WIDTH + i * COLUMN_WIDTH,
            LANE_LABEL_WIDTH + (i + 1) * COLUMN_WIDTH,
        )
        for i, stage in enumerate(STAGE_COLUMNS)
    ]
    columns.append(Band("column", UNSTAGED, UNSTAGED, unstaged_left - 20, width))
    progs = [p for p, _ in placed]
    for edge in next_edges(progs, None, k=next_k):
        graph.add_edge(edge.source, edge.target, kind="next", weight=edge.weight, why=edge.why)
    return MapLayout(
        graph,
        tuple(groups),
        tuple(lanes),
        tuple(columns),
        width,
        y,
        synthetic=any(p.synthetic for p in progs),
    )


def matching_programs(
    programs: Iterable[Program],
    *,
    ministry: str | None = None,
    field: str | None = None,
    stage: str | None = None,
    support_type: str | None = None,
) -> set[str]:
    """Ids of the programs a map filter keeps (None means "any"): ministry or institution,
    technology field (a field-agnostic program matches no specific field), stage, type."""
    out: set[str] = set()
    for p in programs:
        if ministry and ministry not in (p.ministry, p.institution, owner_group(p)):
            continue
        if field and field not in p.tech_fields:
            continue
        if field == GENERAL_FIELD and len(p.tech_fields) > 1:
            continue
        if stage and stage not in p.stages:
            continue
        if support_type and p.support_type != support_type:
            continue
        out.add(p.program_id)
    return out
