"""The navigation map as a self-contained HTML page that works offline.

:func:`map_html` draws a :class:`graph.navmap.MapLayout` (fixed positions: growth stages left to
right, support phases as lanes, programs grouped by ministry or 시·도) with vis-network:

* **Offline.** The page inlines the vis-network build that pyvis ships (``pyvis/templates/lib``)
  in its own small template — or, given ``vis_src``, loads it from the app's own server, which
  serves it once per browser instead of inside every map (``pages/_server.py``); pyvis' page template is not used because it links bootstrap from a
  CDN, wraps the canvas in a card and offers no hook for drawing lanes. Nothing in the page
  fetches anything; it is embedded with ``st.iframe`` (same origin as the app).
* **Escaping.** Program names and texts come from public spreadsheets. Every program string is
  HTML-escaped in Python; the node data is JSON with ``<``, ``>`` and ``&`` written as ``\\u``
  escapes (so it cannot close the ``<script>``), and a small inline script turns escaped labels
  back into plain canvas text and escaped tooltips into DOM elements — nothing from a program is
  ever parsed as markup unescaped.
* **Fixed.** Physics is off; positions come from Python. A filter fades or hides programs, a
  profile fades what it cannot use and draws its path on top — nothing moves.
* **Readable.** Lanes, columns and their names are drawn on the canvas under the nodes; the
  profile's path gets numbered discs and labels placed where they do not cover each other, and
  the same path in words above the canvas (readable without zooming, also on a phone, where the
  first view zooms to the path).
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from graph.eligibility import Verdict
from graph.navmap import COLUMN_LABELS, HEADER_HEIGHT, LANE_LABEL_WIDTH, MapLayout
from graph.path import Gap, Roadmap, Step
from graph.profile import FirmProfile
from loaders.vocab import STATUS_LABELS, STATUSES

__all__ = [
    "STATUS_COLORS",
    "TYPE_COLORS",
    "VIS_NETWORK_FILE",
    "MapView",
    "map_html",
    "vis_network_js",
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


_VIS_DIR = "templates/lib/vis-9.1.2"
VIS_NETWORK_FILE = "vis-network-9.1.2.min.js"  # the name a server serves vis_network_js() under
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
PATH_COLOR = "#C62828"
FADED = 0.12


@dataclass(frozen=True)
class MapView:
    """What :func:`map_html` drew: programs in the layout, programs the filter kept, path steps."""

    html: str
    programs: int
    kept: int
    steps: int


def _vis_asset(name: str) -> str:
    from importlib.resources import files

    return (files("pyvis") / _VIS_DIR / name).read_text(encoding="utf-8")


def vis_network_js() -> str:
    """The vis-network build pyvis ships (≈ 470 KB), the script every map page needs.

    :func:`map_html` inlines it unless given ``vis_src``: a server can serve this text once at
    a fixed URL (:data:`VIS_NETWORK_FILE`, named by its version so a browser may cache it for
    good) instead of sending it inside every map.
    """
    return _vis_asset("vis-network.min.js")


def _json_for_script(value: Any) -> str:
    """JSON safe inside a <script> element: no <, > or & left as such."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _circled(n: int) -> str:
    return _CIRCLED[n - 1] if 1 <= n <= len(_CIRCLED) else f"({n})"


def _status_of(verdicts: Mapping[str, Verdict] | None, pid: str) -> str | None:
    if verdicts is None:
        return None
    v = verdicts.get(pid)
    return None if v is None else v.status


def _step_tip(step: Step, n: int) -> str:
    lines = [f"<b>{_esc(_circled(n))} {_esc(step.name)}</b>"]
    when = step.available_from.isoformat()
    until = step.available_until.isoformat() if step.available_until else "기한 없음"
    lines.append(f"신청 가능: {_esc(when)} ~ {_esc(until)} ({_esc(step.stage or '단계 미상')})")
    lines.append(f"자격: {_esc(STATUS_LABELS.get(step.status, step.status))}")
    if step.needs:
        lines.append(f"확인 필요: {_esc(step.needs)}")
    if step.fit:
        lines.append(f"적합: {_esc(', '.join(step.fit))}")
    if step.note:
        lines.append(f"메모: {_esc(step.note)}")
    return "<br>".join(lines)


def _gap_tip(gap: Gap) -> str:
    lines = [f"<b>공백 — {_esc(gap.phase)}</b>", _esc(gap.reason)]
    if gap.near_miss is not None:
        lines.append(f"가장 가까운 사업: {_esc(gap.near_miss.name)} — {_esc(gap.near_miss.reason)}")
    for cand in gap.candidates:
        lines.append(f"{_esc(cand.label)}: {_esc(cand.name)}")
    return "<br>".join(lines)


def map_html(
    layout: MapLayout,
    *,
    verdicts: Mapping[str, Verdict] | None = None,
    roadmap: Roadmap | None = None,
    you: str = "",
    keep: set[str] | None = None,
    hide: bool = False,
    color_by: ColorBy = "support_type",
    show_next: bool = False,
    vis_src: str | None = None,
) -> MapView:
    """Self-contained HTML of the navigation map (embed with ``st.iframe(html, height=...)``).

    ``layout`` is :func:`graph.navmap.layout_map` of the catalogue (positions never change).
    ``verdicts`` (:func:`graph.eligibility.evaluate_all`'s) colour programs by the profile's
    status when ``color_by="status"``; ``roadmap``
    (a :class:`graph.path.Roadmap`) draws its steps on top in entry order, with their numbers,
    names and dates, and its gaps in the lane labels; everything else is faded. ``you`` labels
    the firm's column ("귀사 · 업력 2년"). ``keep`` is the set of program ids a filter keeps; the
    others are faded, or hidden with ``hide=True`` — never moved. ``show_next`` draws every
    "next step" edge; otherwise a program's next steps appear while the pointer is on it.
    ``vis_src`` is the URL of :func:`vis_network_js` on the same server; without it the script
    is inlined (a page that works opened from a file).
    """
    graph = layout.graph
    steps = list(roadmap.steps) if roadmap is not None else []
    gaps = list(roadmap.gaps) if roadmap is not None else []
    step_no = {s.program_id: n for n, s in enumerate(steps, start=1)}
    profile = roadmap.profile if roadmap is not None else None
    focus = bool(steps) or profile is not None
    nodes: list[dict[str, Any]] = []
    present: set[str] = set()
    kept = 0
    total = 0
    for node, data in graph.nodes(data=True):
        nid = str(node)
        if data.get("kind") == "group":
            nodes.append(
                {
                    "id": nid,
                    "x": data["x"],
                    "y": data["y"],
                    "shape": "text",
                    "label": _esc(f"{data['label']} {data['count']}"),
                    "font": {"size": 14, "color": "#546E7A"},
                    "group_label": True,
                }
            )
            continue
        total += 1
        status = _status_of(verdicts, nid)
        colour = _program_color(
            {"status": status, "support_type": data.get("support_type")}, color_by
        )
        if color_by == "status":
            present.add(status if status in STATUS_COLORS else NO_STATUS)
        else:
            stype = str(data.get("support_type", ""))
            present.add(stype if stype in TYPE_COLORS else "기타")
        matched = keep is None or nid in keep
        kept += matched
        opacity = 0.9
        if focus:
            opacity = {"eligible": 0.55, "maybe": 0.3}.get(status or "", 0.14)
        if not matched:
            opacity = FADED
        tip_data = dict(data)
        tip_data["status"] = status
        item: dict[str, Any] = {
            "id": nid,
            "x": data["x"],
            "y": data["y"],
            "shape": "dot",
            "size": 7,
            "color": colour,
            "opacity": round(opacity, 2),
            "tip": _program_tip(tip_data),
            "label": "",
        }
        if not matched and hide:
            item["hidden"] = True
        n = step_no.get(nid)
        if n is not None:
            item.update(size=13, opacity=1.0, hidden=False, borderWidth=3,
                        color={"background": colour, "border": PATH_COLOR},
                        tip=_step_tip(steps[n - 1], n), step=n)  # fmt: skip
        nodes.append(item)

    edges: list[dict[str, Any]] = []
    for u, v, data in graph.edges(data=True):
        if data.get("kind") != "next":
            continue
        edges.append(
            {
                "id": f"next:{u}>{v}",
                "from": str(u),
                "to": str(v),
                "arrows": "to",
                "color": {"color": "#78909C", "opacity": 0.35},
                "width": 1,
                "hidden": not show_next,
                "next": True,
            }
        )
    for n in range(1, len(steps)):
        a, b = steps[n - 1].program_id, steps[n].program_id
        if a in graph and b in graph:
            edges.append(
                {
                    "id": f"path:{n}",
                    "from": f"step:{n}",
                    "to": f"step:{n + 1}",
                    "arrows": {"to": {"enabled": True, "scaleFactor": 1.2}},
                    "color": {"color": PATH_COLOR, "opacity": 0.85},
                    "width": 4,
                    "smooth": {"enabled": True, "type": "curvedCW", "roundness": 0.2},
                }
            )

    # Each step: its number in a red disc on the program, and its name and date in a label
    # placed beside it where it does not cover another step's label.
    taken: list[tuple[float, float, float, float]] = []
    for step in steps:  # no label may cover another step's disc
        if step.program_id in graph:
            sx, sy = (
                float(graph.nodes[step.program_id]["x"]),
                float(graph.nodes[step.program_id]["y"]),
            )
            taken.append((sx - 18, sy - 18, sx + 18, sy + 18))
    for n, step in enumerate(steps, start=1):
        if step.program_id not in graph:
            continue
        at = graph.nodes[step.program_id]
        x, y = float(at["x"]), float(at["y"])
        when = (
            "지금"
            if profile is not None and step.available_from <= profile.as_of
            else (step.available_from.strftime("%Y-%m") + "부터")
        )
        mark = "○" if step.status == "eligible" else f"△ {step.needs}" if step.needs else "△"
        text = f"{step.name} · {when} {mark}"
        width = _LABEL_CHAR * _display_len(text) + 16
        box = _place_label(x, y, width, _LABEL_HEIGHT, taken, layout.width)
        taken.append(box)
        nodes.append(
            {
                "id": f"step:{n}",
                "x": x,
                "y": y,
                "shape": "circle",
                "label": _esc(str(n)),
                "color": {"background": PATH_COLOR, "border": "#FFFFFF"},
                "font": {"size": 22, "color": "#FFFFFF", "face": "NanumGothic, sans-serif"},
                "borderWidth": 2,
                "margin": 6,
                "tip": _step_tip(step, n),
            }
        )
        nodes.append(
            {
                "id": f"steplabel:{n}",
                "x": (box[0] + box[2]) / 2,
                "y": (box[1] + box[3]) / 2,
                "shape": "box",
                "label": _esc(f"{_circled(n)} {text}"),
                "color": {"background": "rgba(255,255,255,0.94)", "border": PATH_COLOR},
                "font": {"size": _LABEL_FONT, "color": "#1A237E"},
                "borderWidth": 1,
                "margin": 5,
                "tip": _step_tip(step, n),
            }
        )

    # The firm's place: its stage column, and a marker above the lanes.
    stage = profile.stage() if profile is not None else ""
    column = layout.column_of(stage) if stage in COLUMN_LABELS else None
    if column is not None:
        nodes.append(
            {
                "id": "you",
                "x": (column.start + column.end) / 2,
                "y": HEADER_HEIGHT - 22,
                "shape": "box",
                "label": _esc(you or "귀사"),
                "color": {"background": "#0D47A1", "border": "#0D47A1"},
                "font": {"size": 26, "color": "#FFFFFF"},
                "margin": 8,
                "tip": _esc("귀사의 현재 단계") if not you else f"<b>{_esc(you)}</b>",
            }
        )
    for gap in gaps:
        lane = layout.lane_of(gap.phase)
        if lane is None:
            continue
        nodes.append(
            {
                "id": f"gap:{gap.phase}",
                "x": LANE_LABEL_WIDTH / 2,
                "y": lane.start + 74,
                "shape": "box",
                "label": _esc("공백"),
                "color": {"background": "#FFEBEE", "border": PATH_COLOR},
                "font": {"size": 24, "color": PATH_COLOR},
                "borderWidth": 2,
                "tip": _gap_tip(gap),
            }
        )

    data = {
        "nodes": nodes,
        "edges": edges,
        "lanes": [b.to_dict() for b in layout.lanes],
        "columns": [b.to_dict() for b in layout.columns],
        "width": layout.width,
        "height": layout.height,
        "header": HEADER_HEIGHT,
        "laneLabel": LANE_LABEL_WIDTH,
        "you": column.key if column is not None else "",
        "steps": [s.program_id for s in steps if s.program_id in graph],
        "stepNodes": [f"step:{n}" for n, s in enumerate(steps, start=1) if s.program_id in graph],
    }
    legend = _nav_legend(
        present, color_by, total, kept, keep is not None, hide, bool(steps), layout.synthetic
    ) + _path_strip(steps, gaps, profile)
    page = (
        '<!doctype html>\n<html lang="ko"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>정책 지도</title><style>{_NAV_STYLE}</style>"
        + (
            f'<script src="{html.escape(vis_src, quote=True)}"></script>'
            if vis_src
            else f"<script>{vis_network_js()}</script>"
        )
        + "</head><body>"
        f'{legend}<div id="mynetwork"></div>'
        f"<script>var MAP = {_json_for_script(data)};\n{_NAV_JS}</script></body></html>"
    )
    return MapView(page, total, kept, len(steps))


_LABEL_FONT = 26
_LABEL_CHAR = 24.0  # width of a Hangul character at _LABEL_FONT, in map units
_LABEL_HEIGHT = 40.0


def _display_len(text: str) -> float:
    return sum(1.0 if ord(ch) > 0x1100 else 0.55 for ch in text)


def _place_label(
    x: float,
    y: float,
    width: float,
    height: float,
    taken: list[tuple[float, float, float, float]],
    limit: float,
) -> tuple[float, float, float, float]:
    """A box for a step label next to (x, y): right, left, above or below, the first that
    overlaps no label placed before (else the least overlapping), kept inside the map."""

    def clamp(box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
        x0, y0, x1, y1 = box
        shift = max(0.0, x1 - limit) - max(0.0, -x0)
        return (x0 - shift, y0, x1 - shift, y1)

    def overlap(a: tuple[float, float, float, float]) -> float:
        total = 0.0
        for b in taken:
            w = min(a[2], b[2]) - max(a[0], b[0])
            h = min(a[3], b[3]) - max(a[1], b[1])
            if w > 0 and h > 0:
                total += w * h
        return total

    gap = 22.0
    options = [
        (x + gap, y - height / 2, x + gap + width, y + height / 2),
        (x - gap - width, y - height / 2, x - gap, y + height / 2),
        (x - width / 2, y - gap - height, x + width / 2, y - gap),
        (x - width / 2, y + gap, x + width / 2, y + gap + height),
        (x + gap, y - gap - height, x + gap + width, y - gap),
        (x + gap, y + gap, x + gap + width, y + gap + height),
    ]
    boxes = [clamp(b) for b in options]
    return min(boxes, key=lambda b: (overlap(b) > 0, overlap(b), boxes.index(b)))


def _path_strip(steps: list[Step], gaps: list[Gap], profile: FirmProfile | None) -> str:
    """The path in words above the canvas: readable at any zoom and on a phone."""
    if not steps and not gaps:
        return ""
    parts = []
    for n, step in enumerate(steps, start=1):
        if profile is not None and step.available_from <= profile.as_of:
            when = "지금"
        else:
            when = step.available_from.isoformat() + "부터"
        parts.append(
            f'<span class="step">{_esc(_circled(n))} {_esc(step.name)} · {_esc(when)}</span>'
        )
    text = " → ".join(parts) if parts else "추천 단계 없음"
    if gaps:
        text += ' <span class="gap">공백: ' + _esc(", ".join(g.phase for g in gaps)) + "</span>"
    return (
        '<div id="map-path"><button id="view-path" type="button">경로 보기</button> '
        f"<b>귀사 경로</b> {text}</div>"
    )


def _nav_legend(
    present: set[str],
    color_by: ColorBy,
    total: int,
    kept: int,
    filtered: bool,
    hide: bool,
    path: bool,
    synthetic: bool,
) -> str:
    items: list[tuple[str, str]] = []
    if color_by == "status":
        for key in STATUSES:
            if key in present:
                items.append((STATUS_COLORS[key], STATUS_LABELS[key]))
        if NO_STATUS in present:
            items.append(("#90A4AE", NO_STATUS))
    else:
        items += [(c, n) for n, c in TYPE_COLORS.items() if n in present]
        if "기타" in present:
            items.append((OTHER_COLOR, "기타"))
    chips = "".join(
        f'<span class="chip"><span class="sw" style="background:{c}"></span>{_esc(n)}</span>'
        for c, n in items
    )
    if path:
        chips += (
            f'<span class="chip"><span class="sw ring" style="border-color:{PATH_COLOR}"></span>'
            "귀사 경로 (① 순서)</span>"
        )
    count = f"사업 {total:,}개"
    if filtered:
        count += f" 중 {kept:,}개 선택" + (" (나머지 숨김)" if hide else " (나머지 흐리게)")
    note = ""
    if synthetic:
        note = '<span class="warn">합성 데이터 (벤치마크용) — 실제 사업이 아닙니다</span>'
    button = '<button id="view-whole" type="button">전체 보기</button>'
    return f'<div id="map-legend">{button}<b>{_esc(count)}</b>{note}{chips}</div>'


_NAV_STYLE = """
html, body { margin: 0; padding: 0; height: 100%; font-family: 'NanumGothic', 'Nanum Gothic', sans-serif; }
body { display: flex; flex-direction: column; }
#map-legend { display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: center; font-size: 12px;
  padding: 4px 6px; border-bottom: 1px solid #e0e0e0; }
#map-legend .chip { white-space: nowrap; }
#map-legend .sw { display: inline-block; width: 10px; height: 10px; border-radius: 50%;
  margin-right: 4px; vertical-align: -1px; }
#map-legend .sw.ring { background: #fff; border: 3px solid; width: 6px; height: 6px; }
#map-legend .warn { color: #b71c1c; font-weight: bold; }
#map-path { font-size: 12px; padding: 4px 6px; border-bottom: 1px solid #e0e0e0; line-height: 1.6; }
#map-path .step { white-space: nowrap; color: #1A237E; }
#map-path .gap { color: #C62828; white-space: nowrap; }
button { font: inherit; font-size: 12px; padding: 1px 8px; border: 1px solid #90A4AE; border-radius: 4px;
  background: #fff; cursor: pointer; }
#mynetwork { width: 100%; position: relative; flex: 1 1 auto; min-height: 320px; }
div.vis-tooltip { position: absolute; visibility: hidden; padding: 6px 8px; white-space: normal;
  font-size: 12px; line-height: 1.45; max-width: 360px; background: #fff; color: #222;
  border: 1px solid #999; border-radius: 4px; box-shadow: 2px 2px 8px rgba(0,0,0,.2);
  pointer-events: none; z-index: 10; }
"""

# Labels arrive HTML-escaped (program text is never markup); they become plain canvas text here,
# tooltips become elements built from escaped text. The bands are drawn under the nodes.
_NAV_JS = """
(function () {
  var parser = new DOMParser();
  function text(s) {
    return parser.parseFromString('<!doctype html><body>' + s, 'text/html').body.textContent;
  }
  MAP.nodes.forEach(function (n) {
    n.fixed = true;
    if (typeof n.label === 'string') { n.label = text(n.label); }
    if (typeof n.tip === 'string') {
      var el = document.createElement('div');
      el.innerHTML = n.tip;
      n.title = el;
      delete n.tip;
    }
  });
  var nodes = new vis.DataSet(MAP.nodes);
  var edges = new vis.DataSet(MAP.edges);
  var container = document.getElementById('mynetwork');
  var options = {
    physics: false,
    layout: {improvedLayout: false},
    interaction: {hover: true, tooltipDelay: 80, dragNodes: false, zoomSpeed: 0.6},
    nodes: {font: {face: 'NanumGothic, sans-serif'}, borderWidth: 1},
    edges: {smooth: false, selectionWidth: 0, hoverWidth: 0}
  };
  window.network = new vis.Network(container, {nodes: nodes, edges: edges}, options);
  var laneFill = ['#F5F8FA', '#FFFFFF'];
  network.on('beforeDrawing', function (ctx) {
    var top = 0, bottom = MAP.height, left = 0, right = MAP.width;
    ctx.save();
    MAP.columns.forEach(function (c) {
      if (c.key === MAP.you) {
        ctx.fillStyle = 'rgba(13,71,161,0.07)';
        ctx.fillRect(c.start, top, c.end - c.start, bottom - top);
      } else if (c.key === '단계 명시 없음') {
        ctx.fillStyle = 'rgba(96,125,139,0.06)';
        ctx.fillRect(c.start, top, c.end - c.start, bottom - top);
      }
    });
    MAP.lanes.forEach(function (b, i) {
      ctx.fillStyle = laneFill[i % 2];
      ctx.globalAlpha = 0.6;
      ctx.fillRect(left, b.start, right - left, b.end - b.start);
      ctx.globalAlpha = 1;
      ctx.strokeStyle = '#CFD8DC';
      ctx.lineWidth = 1;
      ctx.beginPath(); ctx.moveTo(left, b.start); ctx.lineTo(right, b.start); ctx.stroke();
    });
    ctx.setLineDash([8, 8]);
    ctx.strokeStyle = '#B0BEC5';
    MAP.columns.forEach(function (c) {
      ctx.beginPath(); ctx.moveTo(c.start, 0); ctx.lineTo(c.start, bottom); ctx.stroke();
    });
    ctx.restore();
  });
  // Lane and column names stay on screen (left edge, top edge) at any zoom and pan, in
  // screen pixels, so they read at the same size everywhere.
  network.on('afterDrawing', function (ctx) {
    var ratio = window.devicePixelRatio || 1;
    var w = container.clientWidth, h = container.clientHeight;
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.textBaseline = 'middle';
    ctx.font = 'bold 13px NanumGothic, sans-serif';
    function tag(text, x, y, align, colour) {
      var tw = ctx.measureText(text).width;
      var x0 = align === 'center' ? x - tw / 2 : x;
      ctx.fillStyle = 'rgba(255,255,255,0.9)';
      ctx.fillRect(x0 - 4, y - 10, tw + 8, 20);
      ctx.fillStyle = colour;
      ctx.textAlign = 'left';
      ctx.fillText(text, x0, y);
    }
    MAP.lanes.forEach(function (b) {
      var top = network.canvasToDOM({x: 0, y: b.start}).y;
      var bottom = network.canvasToDOM({x: 0, y: b.end}).y;
      if (bottom < 30 || top > h) { return; }
      tag(b.label, 4, Math.max(top, 30) + 12, 'left', '#263238');
    });
    MAP.columns.forEach(function (c) {
      var left = network.canvasToDOM({x: c.start, y: 0}).x;
      var right = network.canvasToDOM({x: c.end, y: 0}).x;
      if (right < 0 || left > w) { return; }
      var mid = (Math.max(left, 0) + Math.min(right, w)) / 2;
      // At its own place while the top of the map is in view, pinned to the top edge after.
      var y = Math.max(12, network.canvasToDOM({x: 0, y: 24}).y);
      tag(c.label, mid, y, 'center', c.key === MAP.you ? '#0D47A1' : '#37474F');
    });
    ctx.restore();
  });
  // A program's "next step" edges appear while the pointer is on it.
  var shown = [];
  network.on('hoverNode', function (e) {
    var ids = network.getConnectedEdges(e.node).filter(function (id) {
      var ed = edges.get(id); return ed && ed.next && ed.hidden;
    });
    shown = ids;
    edges.update(ids.map(function (id) {
      return {id: id, hidden: false, color: {color: '#37474F', opacity: 0.8}, width: 2};
    }));
  });
  network.on('blurNode', function () {
    edges.update(shown.map(function (id) { return {id: id, hidden: true}; }));
    shown = [];
  });
  // First view: with a path, the path itself (numbered steps, their labels and the firm's
  // marker) at a readable scale; without one, the whole map. The buttons switch between them.
  function box(ids) {
    var b = null;
    ids.forEach(function (id) {
      if (!nodes.get(id)) { return; }
      var r = network.getBoundingBox(id);
      b = b ? {left: Math.min(b.left, r.left), right: Math.max(b.right, r.right),
               top: Math.min(b.top, r.top), bottom: Math.max(b.bottom, r.bottom)} : r;
    });
    return b;
  }
  function show(b, minScale, maxScale) {
    var w = container.clientWidth || 800, h = container.clientHeight || 600;
    var pad = 40;
    var scale = Math.min(w / (b.right - b.left + 2 * pad), h / (b.bottom - b.top + 2 * pad));
    scale = Math.max(minScale, Math.min(maxScale, scale));
    var seen = h / scale;  // canvas units visible from top to bottom
    // The box's top at the top of the view: no empty band above the map, and a path taller
    // than the frame starts with its first steps.
    var cy = b.top - pad + seen / 2;
    network.moveTo({position: {x: (b.left + b.right) / 2, y: cy}, scale: scale, animation: false});
  }
  function whole() { show({left: 0, right: MAP.width, top: 0, bottom: MAP.height}, 0.05, 2); }
  function path() {
    var ids = MAP.stepNodes.concat(MAP.stepNodes.map(function (s) {
      return s.replace('step:', 'steplabel:');
    }));
    if (nodes.get('you')) { ids.push('you'); }
    var b = box(ids);
    if (!b) { whole(); return; }
    b.top -= 60;  // room for the column names above the firm's marker
    show(b, 0.4, 0.6);
  }
  function view() { if (MAP.stepNodes.length) { path(); } else { whole(); } }
  network.once('afterDrawing', view);
  window.addEventListener('resize', view);
  var bWhole = document.getElementById('view-whole');
  var bPath = document.getElementById('view-path');
  if (bWhole) { bWhole.addEventListener('click', whole); }
  if (bPath) { bPath.addEventListener('click', path); }
})();
"""
