"""Policy-map HTML: offline (no CDN), escaped program strings, capped when large."""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest

from graph.mapviz import STATUS_COLORS, TYPE_COLORS, graph_summary, network_html, plan_map

EVIL = '<script>alert("x")</script><img src=x onerror=alert(1)> R&D'


def make_graph(n: int = 12, *, evil: bool = False) -> nx.DiGraph:
    """n programs linked through 3 institutions and 2 stages, plus a chain of next edges."""
    g = nx.DiGraph()
    types = list(TYPE_COLORS)
    for i in range(n):
        pid = f"p{i}"
        g.add_node(
            pid,
            kind="program",
            label=(EVIL if evil and i == 0 else f"사업 {i}"),
            support_type=types[i % len(types)],
            budget_eok=float(i) if i % 2 else None,
            institution="중소벤처기업부" if i % 3 else f"기관 {i}",
            ministry="중소벤처기업부",
            region="전국",
            stages=("예비",),
            tech_fields=("인공지능",),
            status=["eligible", "maybe", "ineligible"][i % 3],
        )
        g.add_edge(pid, f"inst:{i % 3}")
        g.add_edge(pid, f"stage:{i % 2}")
    for j in range(3):
        g.nodes[f"inst:{j}"].update(kind="institution", label=f"기관 {j}")
    for j in range(2):
        g.nodes[f"stage:{j}"].update(kind="stage", label=["예비", "초기"][j])
    for i in range(n - 1):
        g.add_edge(f"p{i}", f"p{i + 1}", kind="next", weight=0.5)
    return g


def _nodes(page: str) -> list[dict]:
    match = re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);", page, re.DOTALL)
    assert match
    return json.loads(match.group(1))


def test_page_is_self_contained_with_no_external_resources() -> None:
    page = network_html(make_graph())
    assert "vis.Network" in page and "vis-network" in page.lower()  # vis.js inlined
    assert not re.search(r"<link\b[^>]*href=", page)
    assert not re.search(r"<script\b[^>]*\bsrc=", page)
    assert "cdn.jsdelivr" not in page and "cdnjs" not in page
    assert "bootstrap" not in page.lower()


def test_program_strings_never_appear_unescaped() -> None:
    page = network_html(make_graph(evil=True))
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    node = next(n for n in _nodes(page) if n["id"] == "p0")
    # HTML-escaped in Python (then JSON-escaped by the template): both label and tooltip.
    assert node["label"].startswith("&lt;script&gt;")
    assert "R&amp;D" in node["label"]
    assert "&lt;img src=x" in node["tip"]
    assert "title" not in node  # tooltip travels as "tip" so pyvis' innerHTML popup stays off


def test_tooltip_lists_program_facts() -> None:
    node = next(n for n in _nodes(network_html(make_graph())) if n["id"] == "p3")
    assert "운영기관: 기관 3" in node["tip"]
    assert "예산: 3.0억원" in node["tip"]
    assert "자격: 신청 가능" in node["tip"]


def test_colour_by_support_type_or_status() -> None:
    g = make_graph()
    by_type = {n["id"]: n["color"] for n in _nodes(network_html(g))}
    assert by_type["p1"] == TYPE_COLORS[g.nodes["p1"]["support_type"]]
    by_status = {n["id"]: n["color"] for n in _nodes(network_html(g, color_by="status"))}
    assert by_status["p0"] == STATUS_COLORS["eligible"]
    assert by_status["p2"] == STATUS_COLORS["ineligible"]
    assert "신청 가능" in network_html(g, color_by="status")  # legend


def test_facet_hubs_and_next_edges_are_drawn() -> None:
    page = network_html(make_graph(6))
    ids = {n["id"] for n in _nodes(page)}
    assert {"inst:0", "inst:1", "inst:2", "stage:0", "stage:1"} <= ids
    edges = json.loads(re.search(r"edges = new vis\.DataSet\((\[.*?\])\);", page, re.DOTALL)[1])
    assert sum(1 for e in edges if e.get("arrows") == "to") == 5
    assert len(edges) == 6 * 2 + 5


def test_next_edges_can_be_left_out() -> None:
    page = network_html(make_graph(6), include_next=False)
    edges = json.loads(re.search(r"edges = new vis\.DataSet\((\[.*?\])\);", page, re.DOTALL)[1])
    assert len(edges) == 12 and not any(e.get("arrows") == "to" for e in edges)


def test_large_graph_is_capped_with_a_note() -> None:
    g = make_graph(60)
    plan = plan_map(g, max_nodes=20)
    assert plan.capped and plan.programs_total == 60 and plan.programs_drawn == 20
    assert plan.note and "60" in plan.note and "20" in plan.note
    # Largest budgets are drawn first.
    drawn = {n for n, d in plan.graph.nodes(data=True) if d["kind"] == "program"}
    assert "p59" in drawn and "p0" not in drawn
    page = network_html(g, max_nodes=20)
    assert sum(1 for n in _nodes(page) if not n["id"].startswith(("inst:", "stage:"))) == 20
    assert "60개 중 예산이 큰 20개만" in page
    assert "개 중" in next(n for n in _nodes(page) if n["id"] == "inst:0")["tip"]


def test_small_graph_has_no_note() -> None:
    plan = plan_map(make_graph(5), max_nodes=20)
    assert not plan.capped and plan.note is None


def test_input_graph_is_not_modified() -> None:
    g = make_graph()
    before = {n: dict(d) for n, d in g.nodes(data=True)}
    network_html(g, color_by="status", max_nodes=5)
    assert {n: dict(d) for n, d in g.nodes(data=True)} == before


def test_empty_graph_still_renders() -> None:
    page = network_html(nx.DiGraph())
    assert "사업 0개" in page


def test_graph_summary_counts_kinds() -> None:
    assert graph_summary(make_graph(4)) == {"program": 4, "institution": 3, "stage": 2}


@pytest.mark.parametrize("color_by", ["support_type", "status"])
def test_physics_stops_after_layout(color_by: str) -> None:
    page = network_html(make_graph(), color_by=color_by)  # type: ignore[arg-type]
    assert "stabilizationIterationsDone" in page and "physics: false" in page
