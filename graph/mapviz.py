"""The policy map as a self-contained pyvis (vis.js) HTML page that works offline.

Why the care:

* **Offline.** ``cdn_resources="in_line"`` inlines vis.js, but pyvis' template still links
  bootstrap from a CDN; those ``<link>``/``<script src>`` tags are removed, and nothing else in
  the page fetches anything. The map is embedded with ``st.iframe`` (same origin as the app).
* **Escaping.** Program names and texts come from public spreadsheets. Every program string is
  HTML-escaped in Python; the node data reaches the page through Jinja's ``tojson`` (so it cannot
  close the ``<script>``), and a small inline script turns the escaped tooltip into a DOM element
  and the escaped label back into plain canvas text — nothing is ever parsed as markup unescaped.
  Tooltips travel in a ``tip`` property rather than ``title`` so pyvis' "href in title" popup
  mode (which assigns ``innerHTML``) never switches on.
* **Scale.** Programs are drawn through facet hubs (institution, stage, field, type) as built by
  :func:`graph.network.build_graph`; at most ``max_nodes`` programs are drawn (largest budgets
  first) and the page says how many were left out. Edges are appended directly (pyvis'
  ``add_edge`` scans every edge for duplicates), and physics stops once the layout settles.
* :func:`network_html` never calls ``show()`` (it would write files and open a browser), and it
  never mutates the graph passed in (``from_nx`` would).
"""

from __future__ import annotations

import html
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

import networkx as nx
from pyvis.network import Network

from loaders.vocab import STATUS_LABELS

__all__ = [
    "FACET_STYLE",
    "STATUS_COLORS",
    "TYPE_COLORS",
    "MapPlan",
    "graph_summary",
    "network_html",
    "plan_map",
]

ColorBy = Literal["support_type", "status"]

# One colour per canonical support type (colour-blind-friendly Tableau 10 order).
TYPE_COLORS: dict[str, str] = {
    "융자·보증": "#4C78A8",
    "사업화": "#F58518",
    "기술개발(R&D)": "#54A24B",
    "시설·공간·보육": "#B279A2",
    "글로벌 진출": "#E45756",
    "멘토링·컨설팅·교육": "#72B7B2",
    "행사·네트워크": "#EECA3B",
    "인력": "#9D755D",
}
OTHER_COLOR = "#BAB0AC"
STATUS_COLORS: dict[str, str] = {
    "eligible": "#2E7D32",
    "maybe": "#F9A825",
    "ineligible": "#BDBDBD",
}
NO_STATUS = "판정 없음"

# Facet hubs: shape, colour and the Korean name of the facet kind.
FACET_STYLE: dict[str, tuple[str, str, str]] = {
    "institution": ("diamond", "#37474F", "운영기관"),
    "stage": ("triangle", "#6A1B9A", "창업 단계"),
    "field": ("star", "#00838F", "기술·사업 분야"),
    "type": ("square", "#5D4037", "지원유형"),
}

DEFAULT_MAX_NODES = 250

_CDN_TAG = re.compile(
    r"<link\b[^>]*href=\"https?://[^\"]*\"[^>]*/?>|<script\b[^>]*src=\"https?://[^\"]*\"[^>]*>\s*</script>",
    re.IGNORECASE | re.DOTALL,
)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>", re.IGNORECASE)
# The template keeps a commented-out <link>/<script> to ../node_modules; drop it too.
_DEAD_COMMENT = re.compile(r"<!--\s*<link[^>]*node_modules.*?-->", re.DOTALL)


@dataclass(frozen=True, slots=True)
class MapPlan:
    """What will be drawn: the (possibly capped) subgraph and a note when programs were left out."""

    graph: nx.DiGraph
    programs_total: int
    programs_drawn: int
    note: str | None

    @property
    def capped(self) -> bool:
        return self.programs_drawn < self.programs_total


def _is_program(data: Mapping[str, Any]) -> bool:
    return data.get("kind", "program") == "program"


def _budget(data: Mapping[str, Any]) -> float:
    value = data.get("budget_eok")
    return float(value) if isinstance(value, (int, float)) else -1.0


def plan_map(graph: nx.DiGraph, max_nodes: int = DEFAULT_MAX_NODES) -> MapPlan:
    """Choose what to draw: every program if at most ``max_nodes``, else the largest budgets.

    Facet hubs are kept only when a drawn program links to them, so a filtered map shows only
    the institutions, stages and fields of what it draws. The returned graph is a new graph;
    the input is never modified.
    """
    programs = [n for n, d in graph.nodes(data=True) if _is_program(d)]
    total = len(programs)
    if total > max_nodes:
        degree = dict(graph.degree(programs))
        ranked = sorted(programs, key=lambda n: (-_budget(graph.nodes[n]), -degree[n], str(n)))
        keep = set(ranked[:max_nodes])
    else:
        keep = set(programs)
    linked = {
        other
        for u, v in graph.edges()
        for node, other in ((u, v), (v, u))
        if node in keep and other not in keep and not _is_program(graph.nodes[other])
    }
    sub = nx.DiGraph(graph.subgraph(keep | linked))  # a copy: attributes are not shared
    note = None
    if total > max_nodes:
        note = (
            f"사업 {total:,}개 중 예산이 큰 {max_nodes:,}개만 그렸습니다 (화면이 느려지지 않도록). "
            "부처·분야·단계로 좁히면 모두 보입니다."
        )
    return MapPlan(sub, total, len(keep), note)


def _esc(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple, set, frozenset)):
        value = ", ".join(str(v) for v in value)
    return html.escape(str(value), quote=True)


def _status_key(data: Mapping[str, Any]) -> str | None:
    status = data.get("status")
    if status is None:
        return None
    return str(getattr(status, "status", status))


def _program_tip(data: Mapping[str, Any]) -> str:
    budget = data.get("budget_eok")
    rows = [
        ("운영기관", data.get("institution")),
        ("소관", data.get("ministry")),
        ("지원유형", data.get("support_type")),
        ("예산", f"{budget:,.1f}억원" if isinstance(budget, (int, float)) else "미상"),
        ("지역", data.get("region")),
        ("단계", data.get("stages")),
        ("분야", data.get("tech_fields")),
        ("경로 단계", data.get("phase")),
    ]
    status = _status_key(data)
    if status:
        rows.append(("자격", STATUS_LABELS.get(status, status)))
    lines = [f"<b>{_esc(data.get('label') or data.get('name'))}</b>"]
    lines += [f"{_esc(k)}: {_esc(v)}" for k, v in rows if v not in (None, "", (), [])]
    return "<br>".join(lines)


def _program_color(data: Mapping[str, Any], color_by: ColorBy) -> str:
    if color_by == "status":
        return STATUS_COLORS.get(_status_key(data) or "", "#90A4AE")
    return TYPE_COLORS.get(str(data.get("support_type", "")), OTHER_COLOR)


def _legend(plan: MapPlan, color_by: ColorBy, present: Iterable[str], facets: Iterable[str]) -> str:
    items: list[tuple[str, str, str]] = []  # (css shape, colour, label)
    if color_by == "status":
        for key in ("eligible", "maybe", "ineligible"):
            if key in present:
                items.append(("dot", STATUS_COLORS[key], STATUS_LABELS[key]))
        if NO_STATUS in present:
            items.append(("dot", "#90A4AE", NO_STATUS))
    else:
        for name, colour in TYPE_COLORS.items():
            if name in present:
                items.append(("dot", colour, name))
        if "기타" in present:
            items.append(("dot", OTHER_COLOR, "기타"))
    for kind in facets:
        shape, colour, label = FACET_STYLE[kind]
        items.append((shape, colour, label))
    rows = "".join(
        f'<div><span class="sw {shape}" style="background:{colour}"></span>{_esc(label)}</div>'
        for shape, colour, label in items
    )
    count = f"사업 {plan.programs_drawn:,}개"
    if plan.capped:
        count += f" / 전체 {plan.programs_total:,}개"
    note = f'<div class="note">{_esc(plan.note)}</div>' if plan.note else ""
    return (
        '<div id="map-legend"><div class="count">' + _esc(count) + "</div>" + rows + note + "</div>"
    )


_STYLE = """
<style>
  html, body { margin: 0; padding: 0; font-family: 'NanumGothic', 'Nanum Gothic', sans-serif; }
  .card { border: 0 !important; }
  #mynetwork { border: 0 !important; float: none !important; }
  #map-legend { position: absolute; top: 8px; left: 8px; z-index: 5; background: rgba(255,255,255,.92);
    border: 1px solid #ddd; border-radius: 6px; padding: 6px 10px; font-size: 12px; max-width: 260px; }
  #map-legend .count { font-weight: bold; margin-bottom: 4px; }
  #map-legend .note { margin-top: 6px; color: #8a4b00; }
  #map-legend .sw { display: inline-block; width: 10px; height: 10px; margin-right: 6px; border-radius: 50%; }
  #map-legend .sw.diamond { border-radius: 0; transform: rotate(45deg) scale(.8); }
  #map-legend .sw.square { border-radius: 0; }
  #map-legend .sw.triangle, #map-legend .sw.star { border-radius: 0;
    clip-path: polygon(50% 0, 100% 100%, 0 100%); }
  .vis-tooltip { font-size: 12px; line-height: 1.45; max-width: 360px; white-space: normal !important; }
</style>
"""

# Escaped label -> text for the canvas; escaped tip -> element for the tooltip (vis-network 9
# shows string titles as text, elements as markup). Runs before the network is created.
_PREPARE_JS = """
                  (function () {
                    var parser = new DOMParser();
                    function text(s) {
                      return parser.parseFromString('<!doctype html><body>' + s, 'text/html').body.textContent;
                    }
                    nodes.update(nodes.get().map(function (n) {
                      var o = {id: n.id};
                      if (typeof n.label === 'string') { o.label = text(n.label); }
                      if (typeof n.tip === 'string') {
                        var el = document.createElement('div');
                        el.innerHTML = n.tip;
                        o.title = el;
                      }
                      return o;
                    }));
                  })();
"""
_SETTLE_JS = """
                  network.once("stabilizationIterationsDone", function () {
                    network.setOptions({physics: false});
                  });
"""


def _options(n_nodes: int) -> dict[str, Any]:
    return {
        "physics": {
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -55,
                "centralGravity": 0.012,
                "springLength": 80,
                "springConstant": 0.06,
                "avoidOverlap": 0.2,
            },
            "stabilization": {"enabled": True, "iterations": 150 if n_nodes > 300 else 250},
            "minVelocity": 1.0,
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": n_nodes > 300},
        "nodes": {"font": {"face": "NanumGothic, sans-serif", "size": 12}},
        "edges": {"smooth": False, "color": {"inherit": False, "color": "#B0BEC5", "opacity": 0.5}},
    }


def network_html(
    graph: nx.DiGraph,
    color_by: ColorBy = "support_type",
    max_nodes: int = DEFAULT_MAX_NODES,
    *,
    height: int = 640,
    include_next: bool = True,
) -> str:
    """Self-contained HTML of the program map (embed with ``st.iframe(html, height=...)``).

    ``graph`` is the output of :func:`graph.network.build_graph` (program nodes with
    ``kind="program"`` and facet hubs). ``color_by="status"`` colours programs by the profile's
    verdict (node attribute ``status``); programs without one are grey. When more than
    ``max_nodes`` programs would be drawn, the largest budgets are drawn and the legend says how
    many were left out (see :func:`plan_map`). ``include_next=False`` leaves out the dashed
    "next step" arrows of the support path and keeps only the facet links.
    """
    plan = plan_map(graph, max_nodes)
    sub = plan.graph
    net = Network(
        height=f"{height}px",
        width="100%",
        directed=True,
        cdn_resources="in_line",
        bgcolor="#ffffff",
    )
    net.options = _options(sub.number_of_nodes())

    present: set[str] = set()
    facets_seen: list[str] = []
    hub_counts = Counter()
    for u, v in sub.edges():
        for node, other in ((u, v), (v, u)):
            if not _is_program(sub.nodes[node]) and _is_program(sub.nodes[other]):
                hub_counts[node] += 1
    # Hub totals in the full graph, so a capped hub can say "12 of 40 shown".
    full_counts = Counter()
    if plan.capped:
        for u, v in graph.edges():
            for node, other in ((u, v), (v, u)):
                if node in hub_counts and _is_program(graph.nodes[other]):
                    full_counts[node] += 1

    for node, data in sub.nodes(data=True):
        nid = str(node)
        if _is_program(data):
            if color_by == "status":
                key = _status_key(data)
                present.add(key if key in STATUS_COLORS else NO_STATUS)
            else:
                stype = str(data.get("support_type", ""))
                present.add(stype if stype in TYPE_COLORS else "기타")
            budget = _budget(data)
            size = 8 + (4 * math.log10(1 + budget) if budget > 0 else 0)
            net.add_node(
                nid,
                label=_esc(data.get("label") or data.get("name") or nid),
                shape="dot",
                color=_program_color(data, color_by),
                size=round(min(size, 28), 1),
                tip=_program_tip(data),
            )
        else:
            kind = str(data.get("kind", ""))
            shape, colour, kind_label = FACET_STYLE.get(kind, ("ellipse", "#607D8B", kind))
            if kind in FACET_STYLE and kind not in facets_seen:
                facets_seen.append(kind)
            label = data.get("label") or nid.split(":", 1)[-1]
            drawn = hub_counts.get(node, 0)
            count = f"사업 {drawn}개"
            if plan.capped and full_counts.get(node, 0) > drawn:
                count = f"사업 {full_counts[node]}개 중 {drawn}개 표시"
            net.add_node(
                nid,
                label=_esc(label),
                shape=shape,
                color=colour,
                size=round(12 + 2 * math.sqrt(drawn), 1),
                font={"size": 22, "color": "#263238", "strokeWidth": 4, "strokeColor": "#ffffff"},
                tip=f"<b>{_esc(label)}</b><br>{_esc(kind_label)} · {_esc(count)}",
            )

    # Append edges directly: Network.add_edge asserts membership and scans for duplicates.
    for u, v, data in sub.edges(data=True):
        if data.get("kind") == "next":
            if not include_next:
                continue
            weight = data.get("weight", 1) or 1
            net.edges.append(
                {
                    "from": str(u),
                    "to": str(v),
                    "arrows": "to",
                    "color": {"color": "#546E7A", "opacity": 0.6},
                    "width": round(min(1 + float(weight), 4), 2),
                    "dashes": True,
                }
            )
        else:
            net.edges.append({"from": str(u), "to": str(v), "arrows": ""})

    page = net.generate_html(notebook=False)
    page = _CDN_TAG.sub("", page)
    page = _EMPTY_HEADING.sub("", page)
    page = _DEAD_COMMENT.sub("", page)
    page = page.replace("</head>", _STYLE + "</head>", 1)
    page = page.replace(
        '<div id="mynetwork"',
        _legend(plan, color_by, present, facets_seen) + '\n<div id="mynetwork"',
        1,
    )
    anchor = "network = new vis.Network(container, data, options);"
    page = page.replace(anchor, _PREPARE_JS + "                  " + anchor + _SETTLE_JS, 1)
    return page


def graph_summary(graph: nx.DiGraph) -> dict[str, int]:
    """Counts by node kind (for captions): ``{"program": 377, "institution": 96, …}``."""
    return dict(Counter(str(d.get("kind", "program")) for _, d in graph.nodes(data=True)))
