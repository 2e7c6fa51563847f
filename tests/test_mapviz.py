"""The navigation map: a layout with meaning, fixed positions, the profile's path on top.

Layout (graph.navmap): stages left to right, phases as lanes, programs grouped by owner.
HTML (graph.mapviz): offline (vis-network inlined), escaped program strings, filters that fade
or hide without moving anything.
"""

from __future__ import annotations

import html
import json
import re
from datetime import date

import pytest

from graph.eligibility import evaluate_all
from graph.mapviz import STATUS_COLORS, TYPE_COLORS, map_html
from graph.navmap import (
    STAGE_COLUMNS,
    UNSTAGED,
    layout_map,
    matching_programs,
    owner_group,
    stage_slot,
)
from graph.path import plan_path
from graph.profile import FirmProfile
from loaders.model import Eligibility, Program
from loaders.vocab import PHASES
from tests.builders import LEAP, WITHIN_3, ev

EVIL = '<script>alert("x")</script><img src=x onerror=alert(1)> R&D'
SEVEN = Eligibility(
    years_max=7, founder="pre_or_founded",
    evidence=(ev("years", "7년 이내"), ev("founder", "(예비)창업자")),
)  # fmt: skip


def prog(
    pid: str,
    name: str,
    stype: str,
    *,
    region: str = "전국",
    stages: tuple[str, ...] = (),
    elig: Eligibility | None = None,
    ministry: str = "중소벤처기업부",
) -> Program:
    local = region != "전국"
    inst = region if local else ministry
    return Program(
        pid, 2026, "광역" if local else "중앙부처", inst, inst, region, name, stype,
        target_text="지원대상", stages=stages, eligibility=elig or SEVEN,
    )  # fmt: skip


CATALOGUE = [
    prog("rnd", "창업성장기술개발", "기술개발(R&D)", stages=("초기", "도약")),
    prog("pre", "예비창업패키지", "사업화", stages=("예비",),
         elig=Eligibility(founder="pre_only", evidence=(ev("founder", "예비창업자"),))),
    prog("early", "초기창업패키지", "사업화", stages=("초기",), elig=WITHIN_3),
    prog("leap", "창업도약패키지", "사업화", stages=("도약",), elig=LEAP),
    prog("space", "경기창업혁신공간", "시설·공간·보육", region="경기", stages=("예비", "초기", "도약")),
    prog("mentor", "부산 멘토링", "멘토링·컨설팅·교육", region="부산"),
    prog("evil", EVIL, "글로벌 진출", stages=("초기",)),
    prog("culture", "콘텐츠 창업", "사업화", stages=("초기",), ministry="문화체육관광부"),
]  # fmt: skip
FIRM = FirmProfile(founded=date(2025, 3, 15), as_of=date(2026, 4, 1), ceo_age=33, region="경기")


def _data(page: str) -> dict:
    match = re.search(r"var MAP = (\{.*?\});\n", page, re.DOTALL)
    assert match
    return json.loads(match.group(1))


def _programs(page: str) -> dict[str, dict]:
    return {n["id"]: n for n in _data(page)["nodes"] if n.get("shape") == "dot"}


# ----------------------------------------------------------------------------- layout


def test_stage_slot_is_the_middle_of_the_stages_a_program_serves() -> None:
    assert stage_slot(CATALOGUE[1]) == 0  # 예비
    assert stage_slot(CATALOGUE[2]) == 2  # 초기
    assert stage_slot(CATALOGUE[0]) == 3  # 초기~도약: the border between 초기 and 도약
    assert stage_slot(CATALOGUE[4]) == 2  # 예비~도약: the middle, 초기
    assert stage_slot(CATALOGUE[5]) == 7  # no stage stated


def test_stages_run_left_to_right_and_phases_top_to_bottom() -> None:
    layout = layout_map(CATALOGUE)
    pos = {n: (d["x"], d["y"]) for n, d in layout.graph.nodes(data=True) if d["kind"] == "program"}
    assert pos["pre"][0] < pos["early"][0] < pos["rnd"][0] < pos["leap"][0] < pos["mentor"][0]
    assert pos["rnd"][1] < pos["pre"][1] < pos["space"][1] < pos["evil"][1]
    assert [b.key for b in layout.lanes] == list(PHASES)
    assert [b.key for b in layout.columns] == [*STAGE_COLUMNS, UNSTAGED]
    for pid, (_x, y) in pos.items():
        lane = layout.lane_of(layout.graph.nodes[pid]["phase"])
        assert lane is not None and lane.start < y < lane.end, pid


def test_programs_are_grouped_by_ministry_or_sido() -> None:
    layout = layout_map(CATALOGUE)
    owners = {g.owner for g in layout.groups}
    assert {"중소벤처기업부", "문화체육관광부", "경기", "부산"} <= owners
    assert owner_group(CATALOGUE[4]) == "경기"
    # Two ministries in one lane and slot: separate blocks that do not overlap.
    early = [g for g in layout.groups if g.phase == "사업화" and g.slot == 2]
    assert len(early) == 2
    a, b = early
    assert a.x + a.width <= b.x or b.y >= a.y + a.height or a.y >= b.y + b.height


def test_layout_is_deterministic_and_independent_of_order() -> None:
    one = layout_map(CATALOGUE)
    two = layout_map(list(reversed(CATALOGUE)))
    pos = lambda lay: {n: (d["x"], d["y"]) for n, d in lay.graph.nodes(data=True)}  # noqa: E731
    assert pos(one) == pos(two)


def test_next_edges_run_from_earlier_to_later_lanes() -> None:
    layout = layout_map(CATALOGUE)
    edges = [(u, v) for u, v, d in layout.graph.edges(data=True) if d["kind"] == "next"]
    assert edges
    for u, v in edges:
        pu = PHASES.index(layout.graph.nodes[u]["phase"])
        pv = PHASES.index(layout.graph.nodes[v]["phase"])
        assert pu < pv


def test_matching_programs_filters_by_owner_field_stage_type() -> None:
    assert matching_programs(CATALOGUE, ministry="경기") == {"space"}
    assert matching_programs(CATALOGUE, stage="예비") == {"pre", "space"}
    assert matching_programs(CATALOGUE, support_type="사업화") == {
        "pre",
        "early",
        "leap",
        "culture",
    }
    assert matching_programs(CATALOGUE) == {p.program_id for p in CATALOGUE}


# ----------------------------------------------------------------------------- html


def test_page_is_self_contained_with_no_external_resources() -> None:
    page = map_html(layout_map(CATALOGUE)).html
    assert "vis.Network" in page and "vis-network" in page.lower()  # vis-network inlined
    assert not re.search(r"<link\b[^>]*href=", page)
    assert not re.search(r"<script\b[^>]*\bsrc=", page)
    assert "cdn.jsdelivr" not in page and "cdnjs" not in page and "bootstrap" not in page.lower()
    assert "physics:false" in page.replace(" ", "") and "improvedLayout" in page


def test_a_server_that_serves_vis_network_gets_a_page_that_loads_it() -> None:
    # The app's server serves the script once (pages/_server.py) instead of inside every map.
    page = map_html(layout_map(CATALOGUE), vis_src='/vendor/vis.js?a="b"&c').html
    assert '<script src="/vendor/vis.js?a=&quot;b&quot;&amp;c"></script>' in page
    assert "vis.Network" in page  # the map's own script stays
    assert len(page) < len(map_html(layout_map(CATALOGUE)).html) - 400_000


def test_program_strings_never_appear_unescaped() -> None:
    layout = layout_map(CATALOGUE)
    roadmap = plan_path(CATALOGUE, FIRM, edits=None)
    page = map_html(layout, roadmap=roadmap).html
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "\\u003cimg" not in page  # a raw "<" in the data would become a tag in the tooltip
    node = _programs(page)["evil"]
    assert "&lt;img src=x" in node["tip"] and "R&amp;D" in node["tip"]
    assert "title" not in node  # the tooltip element is built in the page from escaped text


def test_colour_by_support_type_or_status() -> None:
    layout = layout_map(CATALOGUE)
    by_type = _programs(map_html(layout).html)
    assert by_type["early"]["color"] == TYPE_COLORS["사업화"]
    verdicts = evaluate_all(CATALOGUE, FIRM)
    by_status = _programs(map_html(layout, verdicts=verdicts, color_by="status").html)
    assert by_status["early"]["color"] == STATUS_COLORS["eligible"]
    assert by_status["pre"]["color"] == STATUS_COLORS["ineligible"]
    assert "신청 가능" in map_html(layout, verdicts=verdicts, color_by="status").html


def test_filters_fade_or_hide_without_moving_anything() -> None:
    layout = layout_map(CATALOGUE)
    plain = _programs(map_html(layout).html)
    keep = matching_programs(CATALOGUE, stage="예비")
    faded = map_html(layout, keep=keep)
    assert (faded.programs, faded.kept) == (8, 2)
    nodes = _programs(faded.html)
    assert {k: (n["x"], n["y"]) for k, n in nodes.items()} == {
        k: (n["x"], n["y"]) for k, n in plain.items()
    }
    assert nodes["early"]["opacity"] < nodes["pre"]["opacity"]
    assert "2개 선택 (나머지 흐리게)" in faded.html
    hidden = _programs(map_html(layout, keep=keep, hide=True).html)
    assert hidden["early"].get("hidden") is True and not hidden["pre"].get("hidden")


def test_the_profile_path_is_drawn_on_top_in_entry_order() -> None:
    layout = layout_map(CATALOGUE)
    roadmap = plan_path(CATALOGUE, FIRM)
    verdicts = evaluate_all(CATALOGUE, FIRM)
    view = map_html(layout, verdicts=verdicts, roadmap=roadmap, you="귀사 · 업력 1년")
    data = _data(view.html)
    ids = {n["id"]: n for n in data["nodes"]}
    assert view.steps == len(roadmap.steps)
    for n, step in enumerate(roadmap.steps, start=1):
        disc = ids[f"step:{n}"]
        at = ids[step.program_id]
        assert (disc["x"], disc["y"]) == (at["x"], at["y"]) and disc["label"] == str(n)
        assert html.escape(step.name) in ids[f"steplabel:{n}"]["label"]
    path = [e for e in data["edges"] if e["id"].startswith("path:")]
    assert [(e["from"], e["to"]) for e in path] == [
        (f"step:{n}", f"step:{n + 1}") for n in range(1, len(roadmap.steps))
    ]
    assert data["you"] == "초기" and ids["you"]["label"] == "귀사 · 업력 1년"
    # Everything else is faded; programs the firm cannot use most.
    others = [n for k, n in ids.items() if n.get("shape") == "dot" and "step" not in n]
    assert max(n["opacity"] for n in others) < 1.0
    assert "귀사 경로" in view.html and "① " in view.html


def test_step_labels_do_not_cover_each_other() -> None:
    layout = layout_map(CATALOGUE)
    roadmap = plan_path(CATALOGUE, FIRM, max_per_phase=3)
    labels = [n for n in _data(map_html(layout, roadmap=roadmap).html)["nodes"]
              if n["id"].startswith("steplabel:")]  # fmt: skip
    assert len(labels) == len(roadmap.steps)
    centres = {(round(n["x"]), round(n["y"])) for n in labels}
    assert len(centres) == len(labels)


def test_gaps_are_marked_in_their_lane() -> None:
    layout = layout_map(CATALOGUE)
    roadmap = plan_path(CATALOGUE, FIRM)
    ids = {n["id"] for n in _data(map_html(layout, roadmap=roadmap).html)["nodes"]}
    assert {f"gap:{g.phase}" for g in roadmap.gaps} <= ids


def test_synthetic_catalogues_say_so() -> None:
    from dataclasses import replace

    synthetic = [replace(p, synthetic=True) for p in CATALOGUE]
    assert "합성 데이터" in map_html(layout_map(synthetic)).html
    assert "합성 데이터" not in map_html(layout_map(CATALOGUE)).html


def test_empty_catalogue_still_renders() -> None:
    view = map_html(layout_map([]))
    assert view.programs == 0 and "사업 0개" in view.html


@pytest.mark.parametrize("n", [377, 500])
def test_real_and_synthetic_sizes_stay_wider_than_tall(n: int) -> None:
    from benchmarks.synthetic import synthetic_catalogue
    from loaders.catalogue import load_embedded

    programs = load_embedded().programs if n == 377 else synthetic_catalogue(n)
    layout = layout_map(programs)
    assert len(layout.program_ids) == sum(1 for p in programs if p.support_type in TYPE_COLORS)
    assert layout.width > layout.height  # fits a landscape frame at a readable scale
