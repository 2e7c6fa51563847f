"""The program map: facet hubs instead of cliques, bounded "next" edges that a firm could follow."""

from __future__ import annotations

from datetime import date

from graph.eligibility import evaluate_all
from graph.network import build_graph, next_edges
from graph.phases import phase_of
from graph.profile import FirmProfile
from loaders.catalogue import load_embedded
from loaders.model import Eligibility, Program
from loaders.support_types import SUPPORT_TYPES
from loaders.vocab import PHASE_OF_TYPE, PHASES


def prog(
    pid: str,
    stype: str,
    *,
    name: str = "",
    region: str = "전국",
    fields: tuple[str, ...] = ("일반/분야무관",),
    stages: tuple[str, ...] = (),
    elig: Eligibility | None = None,
    budget: float | None = None,
) -> Program:
    local = region != "전국"
    return Program(
        pid, 2026, "광역" if local else "중앙부처", region if local else "중소벤처기업부",
        region if local else "중소벤처기업부", region, name or pid, stype, budget_eok=budget,
        stages=stages, tech_fields=fields, eligibility=elig or Eligibility(),
    )  # fmt: skip


RND = prog("rnd", "기술개발(R&D)", fields=("인공지능·빅데이터",), stages=("초기",))
BIZ_AI = prog("biz_ai", "사업화", fields=("인공지능·빅데이터",), stages=("초기",))
BIZ_FOOD = prog("biz_food", "사업화", fields=("농식품",), stages=("초기",))
BIZ_ANY = prog("biz_any", "사업화", stages=("초기", "도약"))
BIZ_PRE = prog("biz_pre", "사업화", stages=("예비",))
SPACE_BUSAN = prog("space_busan", "시설·공간·보육", region="부산", stages=("초기",))
SPACE_SEOUL = prog("space_seoul", "시설·공간·보육", region="서울", stages=("초기",))
SPACE_OLD = prog("space_old", "시설·공간·보육", elig=Eligibility(age_min=40), stages=("초기",))
YOUNG_BIZ = prog("young_biz", "사업화", elig=Eligibility(age_max=39), stages=("초기",))
GLOBAL = prog("global", "글로벌 진출", stages=("초기", "도약"))
CATALOGUE = [RND, BIZ_AI, BIZ_FOOD, BIZ_ANY, BIZ_PRE, SPACE_BUSAN, SPACE_SEOUL, SPACE_OLD,
             YOUNG_BIZ, GLOBAL]  # fmt: skip


def next_of(graph, node: str) -> set[str]:  # type: ignore[no-untyped-def]
    return {t for t in graph.successors(node) if graph.edges[node, t]["kind"] == "next"}


def test_every_support_type_has_a_phase_in_order() -> None:
    assert set(PHASE_OF_TYPE) == set(SUPPORT_TYPES)
    assert set(PHASE_OF_TYPE.values()) == set(PHASES)
    assert len(PHASES) == 5


def test_domestic_market_access_leaves_the_global_phase() -> None:
    assert phase_of(prog("x", "글로벌 진출", name="농식품 판로지원")) == "판로·투자·융자"
    assert phase_of(prog("y", "글로벌 진출", name="해외 판로 개척")) == "글로벌"
    assert phase_of(prog("z", "사업화", name="유망 창업기업 투자유치 지원사업")) == "판로·투자·융자"
    assert phase_of(prog("u", "알수없음")) is None


def test_program_nodes_carry_what_the_map_needs() -> None:
    graph = build_graph(CATALOGUE)
    node = graph.nodes["rnd"]
    assert node["kind"] == "program"
    assert node["phase"] == "기술개발(R&D)"
    assert node["label"] == "rnd"
    for key in ("support_type", "budget_eok", "institution", "ministry", "region", "level",
                "stages", "tech_fields", "status"):  # fmt: skip
        assert key in node


def test_programs_meet_through_facet_hubs_not_cliques() -> None:
    graph = build_graph(CATALOGUE)
    assert graph.nodes["inst:중소벤처기업부"]["kind"] == "institution"
    assert graph.nodes["stage:초기"]["kind"] == "stage"
    assert graph.nodes["field:인공지능·빅데이터"]["kind"] == "field"
    assert graph.nodes["type:사업화"]["kind"] == "type"
    for u, v, data in graph.edges(data=True):
        if data["kind"] == "facet":
            assert graph.nodes[u]["kind"] == "program"
            assert graph.nodes[v]["kind"] != "program"
        else:
            assert data["kind"] == "next"


def test_next_edges_go_forward_in_phase() -> None:
    graph = build_graph(CATALOGUE)
    index = {p: i for i, p in enumerate(PHASES)}
    for u, v, data in graph.edges(data=True):
        if data["kind"] == "next":
            assert index[graph.nodes[u]["phase"]] < index[graph.nodes[v]["phase"]]
            assert data["weight"] > 0


def test_next_edges_respect_field_region_age_and_stage() -> None:
    graph = build_graph(CATALOGUE, k=20)
    from_rnd = next_of(graph, "rnd")
    assert "biz_ai" in from_rnd and "biz_any" in from_rnd
    assert "biz_food" not in from_rnd  # a different specific field
    assert "biz_pre" not in from_rnd  # an earlier growth stage
    from_young = next_of(graph, "young_biz")
    assert "space_old" not in from_young  # age bands do not overlap
    busan_next = next_of(graph, "space_busan")
    assert "global" in busan_next


def test_shared_field_is_the_better_continuation() -> None:
    edges = {(e.source, e.target): e.weight for e in next_edges(CATALOGUE, k=20)}
    assert edges[("rnd", "biz_ai")] < edges[("rnd", "biz_any")]


def test_next_edges_are_bounded_by_k() -> None:
    graph = build_graph(CATALOGUE, k=2)
    for node in CATALOGUE:
        assert len(next_of(graph, node.program_id)) <= 2


def test_region_incompatible_programs_are_not_linked() -> None:
    a = prog("a_busan", "사업화", region="부산")
    b = prog("b_seoul", "시설·공간·보육", region="서울")
    assert next_edges([a, b]) == []


def test_verdicts_prune_permanently_ruled_out_successors() -> None:
    profile = FirmProfile(founded=date(2025, 1, 1), as_of=date(2026, 1, 1), region="서울")
    verdicts = evaluate_all(CATALOGUE, profile)
    graph = build_graph(CATALOGUE, verdicts, k=20)
    assert graph.nodes["space_busan"]["status"] == "ineligible"
    assert "space_busan" not in next_of(graph, "biz_any")
    assert "space_seoul" in next_of(graph, "biz_any")


def test_embedded_graph_is_sparse() -> None:
    programs = load_embedded().programs
    graph = build_graph(programs, k=5)
    nexts = sum(1 for *_, d in graph.edges(data=True) if d["kind"] == "next")
    assert 0 < nexts <= 5 * len(programs)
    facets = sum(1 for *_, d in graph.edges(data=True) if d["kind"] == "facet")
    assert facets <= 20 * len(programs)
