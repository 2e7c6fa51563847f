"""Duplicates as analysts define them: the same help within reach of the same firm.

Unit facts about keys and scores, one test per relation on hand-built programs, the exactness of
the cdist pipeline, the desk's views, the CLI, and dataset-wide guarantees on the embedded data.
"""

from __future__ import annotations

import json

import networkx as nx
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

from graph.duplicates import (
    COMPONENTS,
    DEFAULT_RELATIONS,
    DEFAULT_THRESHOLD,
    RELATIONS,
    _components,
    _evaluate,
    _prepare,
    budget_at_stake,
    candidate_cutoffs,
    clique_groups,
    find_duplicates,
    help_forms,
    help_kind,
    jamo_key,
    ladders,
    local_copies,
    local_copy_table,
    name_key,
    overlap_table,
    ranked_overlaps,
    regional_families,
    score_pair,
)
from graph.eligibility import program_area
from loaders.catalogue import load_embedded
from loaders.derive import derived_fields
from loaders.model import Program
from loaders.regions import canonical_sido
from navigator.cli import main

GRANT = "예비창업자에게 사업화 자금과 멘토링을 지원하여 창업 성공률을 높임"
SPACE = "창업기업에 입주 공간과 멘토링을 제공하여 성장을 지원"


def prog(
    pid: str,
    name: str,
    *,
    level: str = "중앙부처",
    institution: str = "",
    region: str = "",
    ministry: str = "",
    target: str = "",
    summary: str = GRANT,
    stype: str = "사업화",
    budget: float | None = None,
) -> Program:
    """A program whose eligibility, stages and fields come from the real parsers."""
    if level == "중앙부처" and not region:
        region = "전국"
    return Program(
        pid, 2026, level, ministry or institution or region, institution, region, name, stype,
        budget_eok=budget, target_text=target, summary=summary,
        **derived_fields(name, target=target, summary=summary),
    )  # fmt: skip


def relation_of(a: Program, b: Program) -> tuple[str, bool]:
    pair = score_pair(a, b)
    return pair.relation, pair.certain


# ----------------------------------------------------------------------------- keys and scores


def test_name_key_drops_places_years_brackets_and_generic_endings() -> None:
    assert name_key("2026년 김해시 1인 창조기업 지원센터 운영사업") == "1인창조기업지원센터"
    assert name_key("고양 1인 창조기업 지원센터 운영") == "1인창조기업지원센터"
    assert name_key("창업보육센터 운영 지원") == name_key("창업보육센터 지원사업")
    assert name_key("서울창업허브 공덕 (우수기업 발굴·육성)") == "서울창업허브공덕"


def test_jamo_key_stays_in_the_fast_byte_range() -> None:
    key = jamo_key("창업보육센터ai5")
    assert all(ord(ch) < 0x100 for ch in key)
    assert key.endswith("ai5")
    assert len(key) > len("창업보육센터ai5")


def test_help_forms_read_what_a_firm_receives() -> None:
    assert help_forms(prog("a", "예비창업패키지")) == ("자금", "멘토링·컨설팅")
    space = prog("b", "창업보육센터 운영", summary=SPACE)
    assert "공간" in help_forms(space)
    assert help_forms(prog("c", "X", summary="해외 전시회 참가와 수출 상담")) == (
        "행사·경진",
        "해외",
    )


def test_help_kind_reads_the_name_then_the_support_type() -> None:
    assert help_kind(prog("a", "창업보육센터 운영", stype="사업화")) == "공간"
    assert help_kind(prog("b", "스타트업 해외전시회 지원", stype="글로벌 진출")) == "행사·경진"
    assert help_kind(prog("c", "관광벤처사업 공모전")) == "자금"  # 공모전 selects, it is no event
    assert help_kind(prog("d", "예비창업패키지")) == "자금"
    assert help_kind(prog("e", "K-스타트업그랜드 챌린지", stype="글로벌 진출")) == "해외"


def test_breakdown_has_both_scores_and_missing_parts_are_not_scored() -> None:
    a = prog("a", "청년창업 지원사업", level="기초", institution="홍천군", region="강원",
             summary="청년 창업가 발굴")  # fmt: skip
    b = prog("b", "청년창업 지원사업", level="기초", institution="정읍시", region="전북",
             summary="청년 창업가 발굴 및 사업화 자금 지원")  # fmt: skip
    pair = score_pair(a, b)
    assert set(pair.breakdown) == {*COMPONENTS, "text", "kind"}
    assert pair.missing == ("form",)  # a names no form of help: left out, not scored 0
    assert pair.breakdown["form"] == 0.0
    assert pair.breakdown["name"] == 100.0
    # One kind (자금) and one type, forms unknown on one side: the wording decides the rest, so
    # two grants do not all score 100.
    text = pair.breakdown["text"]
    assert text is not None
    assert pair.breakdown["kind"] == pytest.approx((40 + 15 + 0.20 * text) / 0.75, abs=0.1)
    data = pair.to_dict({p.program_id: p for p in (a, b)})
    assert data["help"]["kinds"] == ["자금", "자금"]


def test_kind_score_counts_for_central_pairs_without_similar_names() -> None:
    pre = prog("p", "예비창업패키지", institution="중소벤처기업부", target="예비창업자")
    univ = prog("u", "창업중심대학", institution="중소벤처기업부", target="예비창업자",
                summary="대학의 창업 인프라로 예비창업자에게 사업화 자금 지원")  # fmt: skip
    pair = score_pair(pre, univ)
    assert pair.breakdown["text"] < DEFAULT_THRESHOLD <= pair.score
    assert (pair.basis, pair.relation) == ("kind", "overlap")
    assert "같은 형태의 지원(자금)" in pair.help_summary()
    # Between a central and a local program the scheme must be recognisable by name.
    local = prog("l", "청년 도전 창업 지원", level="기초", institution="홍천군", region="강원",
                 target="예비창업자", summary="지역에 정착하는 청년의 창업 초기 비용을 돕는다")  # fmt: skip
    assert score_pair(pre, local).score < DEFAULT_THRESHOLD


# ----------------------------------------------------------------------------- relations


def test_same_ministry_and_unknown_institutions_are_compared() -> None:
    a = prog("a", "예비창업 사업화 지원", institution="중소벤처기업부", target="예비창업자")
    b = prog("b", "예비창업자 사업화 지원", institution="중소벤처기업부", target="예비창업자")
    assert relation_of(a, b) == ("overlap", True)
    c = prog("c", "예비창업 사업화 지원", target="예비창업자")  # no institution at all
    d = prog("d", "예비 창업 사업화 지원사업", target="예비창업자")
    result = find_duplicates([c, d])
    assert [(p.a_id, p.b_id, p.relation) for p in result.pairs] == [("c", "d", "overlap")]


def test_local_copy_puts_the_central_program_first() -> None:
    central = prog("z1", "글로벌 액셀러레이팅 지원사업", institution="중소벤처기업부")
    local = prog(
        "a1", "천안 글로벌 액셀러레이팅 프로그램", level="기초", institution="천안시",
        region="충남",
    )  # fmt: skip
    pair = score_pair(local, central)
    assert (pair.relation, pair.a_id, pair.b_id) == ("local_copy", "z1", "a1")
    assert pair.reach is not None and pair.reach.status == "intersects"
    assert "충남 천안시 기업은 둘 다 신청 가능" in pair.reach.summary()


def test_sector_variant_puts_the_general_program_first() -> None:
    general = prog("g", "오픈이노베이션 지원", summary="대기업과 스타트업 협업 지원")
    tourism = prog("t", "관광 오픈이노베이션 지원", summary="관광 대기업과 스타트업 협업 지원")
    pair = score_pair(tourism, general)
    assert (pair.relation, pair.a_id) == ("sector_variant", "g")
    assert pair.reach is not None and pair.reach.dims["field"] == "within"
    assert any("관광 분야 기업에 한해" in r for r in pair.reach.reasons)


def test_ladder_is_consecutive_stages_that_do_not_meet() -> None:
    early = prog("b", "초기창업 사업화 패키지", target="창업 3년 이내 기업")
    pre = prog("a", "예비창업 사업화 패키지", target="예비창업자")
    leap = prog("c", "도약창업 사업화 패키지", target="창업 3년 초과 7년 이내 기업")
    assert relation_of(early, pre) == ("ladder", True)
    assert relation_of(early, leap) == ("ladder", True)
    pair = score_pair(leap, early)
    assert (pair.a_id, pair.b_id) == ("b", "c")  # earlier band first
    assert pair.reach is not None and pair.reach.score == 0.0
    result = find_duplicates([early, pre, leap], 50, relations=["ladder"])
    assert [f.members for f in ladders(result, [early, pre, leap])] == [["a", "b", "c"]]
    # "7년 이내" contains the 초기 band: the same firm can apply to both.
    wide = prog("d", "창업 사업화 패키지", target="창업 7년 이내 기업")
    assert relation_of(early, wide) == ("overlap", True)


def test_age_bands_that_do_not_meet_are_a_ladder() -> None:
    young = prog(
        "y", "기술창업센터 운영", level="기초", institution="고양시", region="경기",
        target="만 39세 이하 청년 (예비)창업자", summary=SPACE, stype="시설·공간·보육",
    )  # fmt: skip
    senior = prog(
        "s", "중장년 기술창업센터 운영", level="기초", institution="고양시", region="경기",
        target="만 40세 이상 중장년 (예비)창업자", summary=SPACE, stype="시설·공간·보육",
    )  # fmt: skip
    assert relation_of(young, senior) == ("ladder", True)


def test_regional_copies_are_places_no_firm_spans() -> None:
    a = prog("a", "청년창업 지원사업", level="기초", institution="홍천군", region="강원")
    b = prog("b", "청년창업 지원사업", level="기초", institution="정읍시", region="전북")
    c = prog("c", "청년창업 지원사업", level="기초", institution="영월군", region="강원")
    assert relation_of(a, b) == ("regional_copies", True)
    assert relation_of(a, c) == ("regional_copies", True)  # one 시·도, two 기초 governments
    jeju = prog("j1", "청년농업인 영농정착지원금 (제주시)", level="지자체", region="제주")
    seogwipo = prog("j2", "청년농업인 영농정착지원금 (서귀포시)", level="지자체", region="제주")
    assert relation_of(jeju, seogwipo) == ("regional_copies", True)
    result = find_duplicates([a, b, c], relations=RELATIONS)
    fams = regional_families(result, [a, b, c])
    assert len(fams) == 1 and sorted(fams[0].members) == ["a", "b", "c"]
    assert fams[0].budget_eok is None and fams[0].budget_stated == 0
    assert find_duplicates([a, b, c]).pairs == []  # not duplicates by default


# Groups of one relation are cliques, not chains: a star of pairs through one program (the
# 2026 data's 예비창업패키지 ladder-paired with 15 programs that share nothing with each other)
# is not one group of 16.
def test_a_star_of_pairs_is_not_one_group() -> None:
    star = [("hub", f"leaf{k}", 80.0) for k in range(5)] + [("leaf0", "leaf1", 70.0)]
    assert clique_groups(star) == [["hub", "leaf0", "leaf1"]]


def test_a_chain_of_pairs_is_split_where_members_share_nothing() -> None:
    chain = [("a", "b", 90.0), ("b", "c", 60.0), ("c", "d", 95.0), ("d", "e", 50.0)]
    assert clique_groups(chain) == [["c", "d"], ["a", "b"]]


def test_groups_are_disjoint_cliques_chosen_by_size_then_score() -> None:
    square = [("a", "b", 70.0), ("b", "c", 70.0), ("c", "d", 70.0), ("d", "a", 70.0)]
    square += [("a", "c", 99.0), ("b", "d", 60.0)]  # two triangles share a–c / b–d
    groups = clique_groups(square)
    assert groups == [["a", "b", "c", "d"]]  # the whole square is a clique
    # without b–d: two triangles of equal size and score; the smaller ids win
    assert clique_groups(square[:5]) == [["a", "b", "c"]]


@pytest.mark.parametrize("relation", ["ladder", "regional_copies"])
def test_embedded_families_are_cliques_of_the_unchanged_pairs(relation: str) -> None:
    programs = load_embedded().programs
    result = find_duplicates(programs, relations=RELATIONS)
    pairs = {frozenset((p.a_id, p.b_id)) for p in result.of(relation)}
    groups = (ladders if relation == "ladder" else regional_families)(result, programs)
    assert groups
    seen: set[str] = set()
    for fam in groups:
        n = len(fam.members)
        assert not seen & set(fam.members)  # disjoint
        seen |= set(fam.members)
        every = {frozenset((x, y)) for k, x in enumerate(fam.members) for y in fam.members[k + 1 :]}
        assert every <= pairs  # every two members are a reported pair
        assert len(fam.pairs) == n * (n - 1) // 2
    by_id = {p.program_id: p for p in programs}
    if relation == "ladder":
        names = [by_id[m].name for m in groups[0].members]
        assert names == ["예비창업패키지", "초기창업패키지", "창업도약패키지"]
    else:
        assert len(groups[0].members) < 10  # not the 24-place chain around 마포구


def test_a_province_program_meets_its_own_cities() -> None:
    province = prog(
        "p", "청년창업 지원사업", level="광역", institution="강원특별자치도", region="강원"
    )
    county = prog("c", "청년창업 지원사업", level="기초", institution="홍천군", region="강원")
    other = prog("o", "청년창업 지원사업", level="기초", institution="정읍시", region="전북")
    assert relation_of(province, county) == ("overlap", True)
    assert relation_of(province, other) == ("regional_copies", True)


def test_unknown_places_are_marked_not_guessed() -> None:
    a = prog("a", "창업보육센터 운영지원", level="지자체", summary=SPACE, stype="시설·공간·보육")
    b = prog("b", "창업보육센터 운영 지원", level="지자체", summary=SPACE, stype="시설·공간·보육")
    pair = score_pair(a, b)
    assert pair.relation == "overlap" and pair.certain is False
    assert pair.reach is not None
    assert pair.reach.status == "unknown" and pair.reach.score is None
    assert "place" in pair.reach.missing
    result = find_duplicates([a, b])
    assert result.pairs == [] and result.counts["overlap"]["uncertain"] == 1
    assert "지역을 알 수 없어" in result.notes[0]
    flagged = find_duplicates([a, b], include_undetermined=True).pairs
    assert [(p.a_id, p.b_id, p.certain) for p in flagged] == [("a", "b", False)]
    # Same province, tier unknown: still unknown, not a match.
    c = prog("c", "창업보육센터 운영지원", level="지자체", region="경기", summary=SPACE)
    d = prog("d", "창업보육센터 운영 지원", level="지자체", region="경기", summary=SPACE)
    assert relation_of(c, d) == ("overlap", False)


def test_different_fields_are_not_reported() -> None:
    food = prog("f", "농식품 창업 사업화 지원", summary="농식품 창업기업에 사업화 자금 지원")
    content = prog("c", "콘텐츠 창업 사업화 지원", summary="콘텐츠 창업기업에 사업화 자금 지원")
    pair = score_pair(food, content)
    assert pair.reach is not None and pair.reach.dims["field"] == "disjoint"
    result = find_duplicates([food, content], 50, relations=RELATIONS)
    assert result.pairs == [] and result.other_field == 1


def test_reach_missing_parts_are_missing_not_zero() -> None:
    a = prog("a", "창업 사업화 지원", summary="사업화 자금과 멘토링 지원")  # no target, no cue
    b = prog("b", "창업 사업화 지원사업", target="예비창업자", summary="사업화 자금과 멘토링 지원")
    pair = score_pair(a, b)
    assert pair.reach is not None
    assert {"stage", "age"} <= set(pair.reach.missing)
    assert pair.reach.score == 100.0
    data = pair.to_dict({p.program_id: p for p in (a, b)})
    assert data["breakdown"]["help"] == data["score"]
    assert data["breakdown"]["reach"] == 100.0
    assert data["reach"]["dimensions"]["stage"] == "unknown"


def test_groups_narrow_the_reach_but_never_separate() -> None:
    general = prog("g", "창업 사업화 지원", target="창업 3년 이내 기업")
    women = prog("w", "여성 창업 사업화 지원", target="창업 3년 이내 여성 기업")
    pair = score_pair(general, women)
    assert pair.relation == "overlap"
    assert pair.reach is not None and "여성 창업자에 한해 겹침" in pair.reach.summary()


# ----------------------------------------------------------------------------- views


def test_a_space_open_to_anyone_stays_in_its_own_place() -> None:
    """마포구 1인창조기업 지원센터 ("거주지 제한 없음") and 영등포구 창업지원센터: a tenant is located
    in one 구 at a time, so two centres of two 구 are copies across places, never a duplicate."""
    mapo = prog("m", "마포구 1인창조기업 지원센터", level="기초", institution="마포구",
                region="서울", stype="시설·공간·보육", summary=SPACE,
                target="3년 이내 (예비·초기) 1인 창조기업; 거주지 제한 없음(마포구 거주자 우대)")  # fmt: skip
    ydp = prog("y", "영등포구 중소기업 창업지원센터", level="기초", institution="영등포구",
               region="서울", stype="시설·공간·보육", summary=SPACE)  # fmt: skip
    pair = score_pair(mapo, ydp)
    assert (pair.relation, pair.certain) == ("regional_copies", True)
    assert pair.reach is not None and pair.reach.dims["place"] == "disjoint"
    # A grant open to firms from anywhere does reach them.
    grant = prog("g", "마포구 창업 사업화 지원", level="기초", institution="마포구",
                 region="서울", target="예비창업자, 거주지 제한 없음")  # fmt: skip
    ydp_grant = prog("h", "영등포구 창업 사업화 지원", level="기초", institution="영등포구",
                     region="서울", target="예비창업자")  # fmt: skip
    assert score_pair(grant, ydp_grant).reach.dims["place"] != "disjoint"  # type: ignore[union-attr]


def test_a_group_program_is_not_a_copy_of_a_general_one() -> None:
    """A local 재창업-only grant meets 초기창업패키지 only for 재창업자: an overlap, not its copy."""
    early = prog("c", "초기창업패키지", institution="중소벤처기업부", target="창업 3년 이내 기업",
                 summary="초기창업기업의 사업화 자금 지원")  # fmt: skip
    restart = prog("r", "창업재도전 지원", level="지자체", region="경기",
                   summary="유망 창업 아이템을 보유한 재창업자의 성공적인 재창업 사업화 자금 지원")  # fmt: skip
    pair = score_pair(early, restart)
    assert pair.relation == "overlap"
    assert pair.reach is not None and "재창업자에 한해 겹침" in pair.reach.summary()
    again = prog("s", "재도전성공패키지", institution="중소벤처기업부",
                 target="폐업 이력 보유 예비재창업자 또는 7년 이내 재창업기업",
                 summary="재창업자 발굴 및 사업화 자금 지원")  # fmt: skip
    assert score_pair(again, restart).relation == "local_copy"


def test_a_local_copy_shares_a_word_of_the_scheme() -> None:
    """ "창업중심대학" and "안동시 창업 돋움 지원사업" share only "창업": not a copy, although their
    jamo look alike; "G-스타트업 예비창업지원사업" shares "예비" with 예비창업패키지."""
    univ = prog("u", "창업중심대학", institution="중소벤처기업부",
                summary="권역별 주력산업, 딥테크 등 우수한 기술을 보유한 (예비)창업기업의 성장을 집중 지원")  # fmt: skip
    andong = prog("a", "안동시 창업 돋움 지원사업", level="기초", institution="안동시",
                  region="경북", summary="안동시 내 유망기업을 발굴해 우수 창업기업으로의 도약을 지원")  # fmt: skip
    assert score_pair(univ, andong).score < DEFAULT_THRESHOLD
    pre = prog("p", "예비창업패키지", institution="중소벤처기업부", target="예비창업자")
    g = prog("g", "G-스타트업 예비창업지원사업", level="지자체", region="경기", target="예비창업자")
    pair = score_pair(pre, g)
    assert pair.relation == "local_copy" and pair.score >= DEFAULT_THRESHOLD


def test_a_preferred_field_does_not_make_a_sector_variant() -> None:
    """ "특화 분야 (예비)창업기업 우대" admits every firm: the program is not field-specific."""
    general = prog("g", "창업지원센터 운영", level="기초", institution="마포구", region="서울",
                   stype="시설·공간·보육", summary=SPACE)  # fmt: skip
    preferring = prog("p", "1인창조기업 지원센터", level="기초", institution="마포구",
                      region="서울", stype="시설·공간·보육", summary=SPACE,
                      target="타 직장에 재직 중이지 않은 3년 이내 (예비·초기) 1인 창조기업; "
                      "특화(빅데이터를 활용한 문화콘텐츠 및 지식서비스) 분야 (예비)창업기업 우대")  # fmt: skip
    assert score_pair(general, preferring).relation == "overlap"
    tourism = prog("t", "관광 창업지원센터", level="기초", institution="마포구", region="서울",
                   stype="시설·공간·보육", summary=SPACE)  # fmt: skip
    assert score_pair(general, tourism).relation == "sector_variant"


def test_patent_and_permit_consulting_are_not_general_consulting() -> None:
    ip = prog("i", "IP 디딤돌 프로그램", stype="멘토링·컨설팅·교육",
              summary="창업초기 아이디어 단계부터 특허 컨설팅")  # fmt: skip
    mgmt = prog("m", "경영컨설팅 지원사업", stype="멘토링·컨설팅·교육",
                summary="(예비)창업자 1:1 맞춤형 컨설팅 지원")  # fmt: skip
    assert (help_kind(ip), help_kind(mgmt)) == ("지식재산", "멘토링·컨설팅")
    assert score_pair(ip, mgmt).score < DEFAULT_THRESHOLD


def test_scores_spread_on_the_embedded_data() -> None:
    """The help score ranks: no score is shared by more than 5% of the default pairs, and two
    grants of unlike wording do not reach 100."""
    from collections import Counter

    result = find_duplicates(load_embedded().programs)
    scores = [round(p.score, 1) for p in result.pairs]
    assert len(scores) > 100
    assert Counter(scores).most_common(1)[0][1] <= 0.05 * len(scores)
    assert sum(s >= 99.95 for s in scores) <= 0.01 * len(scores)


def test_budget_at_stake_is_the_smaller_budget_and_unknowns_are_stated() -> None:
    a = prog("a", "x", budget=491.0)
    b = prog("b", "y", budget=12.0)
    c = prog("c", "z")
    assert budget_at_stake(a, b) == (12.0, "")
    assert budget_at_stake(a, c) == (None, "B 예산 미상 (A 491.0억원)")
    assert budget_at_stake(c, c)[0] is None


def test_overlaps_ranked_by_budget_at_stake_unknown_last() -> None:
    programs = [
        prog("a", "예비창업 사업화 지원", target="예비창업자", budget=10.0),
        prog("b", "예비창업자 사업화 지원", target="예비창업자", budget=50.0),
        prog("c", "예비 창업 사업화 지원사업", target="예비창업자", budget=100.0),
        prog("d", "예비창업 사업화 지원 사업", target="예비창업자"),
    ]
    result = find_duplicates(programs)
    ranked = [(p.a_id, p.b_id) for p in ranked_overlaps(result, programs)]
    assert ranked[0] == ("b", "c")  # stake 50, the largest known
    assert all("d" in pair for pair in ranked[-3:])  # stake unknown: after every known one


def test_local_copies_are_grouped_by_sido() -> None:
    central = prog("z", "청년 창업 사업화 지원", institution="중소벤처기업부", budget=100.0)
    copies = [
        prog("a", "홍천군 청년 창업 사업화 지원", level="기초", institution="홍천군", region="강원"),
        prog("b", "정읍시 청년 창업 사업화 지원", level="기초", institution="정읍시", region="전북"),
        prog("c", "영월군 청년 창업 사업화 지원", level="기초", institution="영월군", region="강원"),
        prog("d", "청년 창업 사업화 지원사업", level="지자체"),
    ]  # fmt: skip
    programs = [central, *copies]
    result = find_duplicates(programs)
    groups = local_copies(result, programs)
    assert len(groups) == 1 and groups[0].central_id == "z"
    assert groups[0].by_sido == {"강원": ["a", "c"], "전북": ["b"], "지역 미상": ["d"]}
    table = local_copy_table(result, programs)
    assert int(table.loc["강원", "지역판"]) == 2 and int(table.loc["서울", "지역판"]) == 0
    assert int(table.loc["지역 미상", "지역판"]) == 1
    # Copies among themselves are regional copies, not duplicates.
    assert {p.relation for p in result.pairs} == {"local_copy"}


def test_overlap_tables_count_overlaps_only() -> None:
    programs = [
        prog("m1", "예비창업 사업화 지원", institution="중소벤처기업부", target="예비창업자"),
        prog("m2", "예비창업자 사업화 지원", institution="중소벤처기업부", target="예비창업자"),
        prog("c1", "예비창업 사업화 지원사업", institution="문화체육관광부", target="예비창업자"),
        prog("l1", "예비창업 사업화 지원", level="기초", institution="홍천군", region="강원",
             target="예비창업자"),
        prog("l2", "예비창업 사업화 지원", level="기초", institution="정읍시", region="전북",
             target="예비창업자"),
        prog("l3", "예비창업 사업화 지원", level="광역", institution="강원특별자치도",
             region="강원", target="예비창업자"),
    ]  # fmt: skip
    result = find_duplicates(programs, relations=RELATIONS)
    ministry = overlap_table(result, programs, by="ministry")
    assert list(ministry.index) == ["문화체육관광부", "중소벤처기업부"]
    assert int(ministry.loc["중소벤처기업부", "중소벤처기업부"]) == 1  # inside one ministry
    assert int(ministry.loc["문화체육관광부", "중소벤처기업부"]) == 2
    assert (ministry.values == ministry.values.T).all()
    region = overlap_table(result, programs, by="region")
    assert list(region.index) == ["강원"] and int(region.loc["강원", "강원"]) == 1


# ----------------------------------------------------------------------------- the scan


@pytest.mark.parametrize("threshold", [55.0, DEFAULT_THRESHOLD, 85.0])
def test_scan_equals_brute_force(threshold: float) -> None:
    """The scan (cdist blocks + kind groups) reports exactly the pairs a score of every pair
    would: same pairs, same relations, same scores."""
    programs = list(load_embedded().programs)
    prep = _prepare(programs)
    i, j = np.triu_indices(len(programs), 1)
    name = process.cpdist(prep.names[i], prep.names[j], scorer=fuzz.ratio, dtype=np.uint8)
    content = process.cpdist(prep.leads[i], prep.leads[j], scorer=fuzz.ratio, dtype=np.uint8)
    brute = _evaluate(prep, i, j, name, content, threshold)
    ids = [p.program_id for p in programs]
    expected = {
        (*sorted((ids[a], ids[b])), RELATIONS[r], round(float(t), 6))
        for a, b, r, t in zip(brute.i, brute.j, brute.reach.relation, brute.total, strict=True)
        if r >= 0
    }
    result = find_duplicates(
        programs, threshold, relations=RELATIONS, include_undetermined=True, block_rows=50
    )
    found = {(*sorted((p.a_id, p.b_id)), p.relation, round(p.score, 6)) for p in result.pairs}
    assert {x[:3] for x in found} == {x[:3] for x in expected}
    assert {(x[0], x[1], round(x[3], 2)) for x in found} == {
        (x[0], x[1], round(x[3], 2)) for x in expected
    }


def test_candidate_cutoffs_are_monotone() -> None:
    low = candidate_cutoffs(60)
    high = candidate_cutoffs(80)
    assert low[0] <= high[0] and low[1] <= high[1]
    assert candidate_cutoffs(0) == (0.0, 0.0)


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=60))
def test_components_match_networkx(edges: list[tuple[int, int]]) -> None:
    edges = [(a, b) for a, b in edges if a != b]
    i = np.array([a for a, _ in edges], dtype=np.int64)
    j = np.array([b for _, b in edges], dtype=np.int64)
    ours = sorted(sorted(c) for c in _components(31, i, j))
    theirs = sorted(sorted(c) for c in nx.connected_components(nx.Graph(edges)))
    assert ours == theirs


def test_synthetic_catalogue_is_marked_and_deterministic() -> None:
    from benchmarks.synthetic import SYNTHETIC_CITATION, synthetic_catalogue

    first = synthetic_catalogue(600, seed=3)
    assert len({p.program_id for p in first}) == 600
    assert all(p.synthetic and p.source.citation == SYNTHETIC_CITATION for p in first)
    assert all(p.program_id.startswith("SYN-3-") for p in first)
    assert [p.name for p in synthetic_catalogue(600, seed=3)] == [p.name for p in first]


# ----------------------------------------------------------------------------- embedded data


_SPACE_WORDS = ("센터", "창업소", "보육", "공간", "입주", "타운", "캠퍼스", "허브", "오피스")


def _open_anywhere(p: Program) -> bool:
    """The 지원대상 lifts the area rule ("거주지 제한 없음", "주소 전국"); the parser leaves a clause
    that asks the firm to move in ("관외 기업은 선정 후 이전") out of this. A centre or space
    stays where it is whoever may apply: its tenants are located there."""
    return p.eligibility.region_open and not any(w in p.name for w in _SPACE_WORDS)


def _places_disjoint(a: Program, b: Program) -> bool:
    """An independent reading of "no firm can be in both places": two local programs of
    different 시·도, or two named 기초 governments, neither open to firms from anywhere."""
    if not (a.is_local and b.is_local) or _open_anywhere(a) or _open_anywhere(b):
        return False
    sa, sb = canonical_sido(a.region), canonical_sido(b.region)
    if sa and sb and sa != sb:
        return True
    ua, ub = program_area(a), program_area(b)
    return ua.own_unit and ub.own_unit and ua.unit != ub.unit


def test_no_overlap_in_disjoint_places_on_the_embedded_data() -> None:
    programs = load_embedded().programs
    by_id = {p.program_id: p for p in programs}
    result = find_duplicates(programs, 50, relations=RELATIONS, include_undetermined=True)
    within = [p for p in result.pairs if p.relation != "regional_copies"]
    assert within, "the embedded data has pairs to check"
    bad = [
        (by_id[p.a_id].name, by_id[p.b_id].name)
        for p in within
        if _places_disjoint(by_id[p.a_id], by_id[p.b_id])
    ]
    assert bad == []
    copies = [p for p in result.pairs if p.relation == "regional_copies"]
    assert copies and all(
        p.reach is not None and p.reach.dims["place"] == "disjoint" for p in copies
    )


# ----------------------------------------------------------------------------- CLI


def test_cli_duplicates_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["duplicates", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["pairs"] and "clusters" in data
    assert data["relations"] == list(DEFAULT_RELATIONS)
    for pair in data["pairs"]:
        assert set(pair) >= {"a", "b", "score", "relation", "reach", "breakdown"}
        for side in (pair["a"], pair["b"]):
            assert {"program_id", "name"} <= set(side)
        assert pair["relation"] in DEFAULT_RELATIONS
        assert pair["certain"] is True
        assert pair["reach"]["status"] == "intersects"
        assert set(pair["breakdown"]) >= {"help", "reach", *COMPONENTS}
        assert pair["score"] >= DEFAULT_THRESHOLD
    assert main(["duplicates", "--json", "--relation", "regional_copies"]) == 0
    copies = json.loads(capsys.readouterr().out)
    assert copies["pairs"] and {p["relation"] for p in copies["pairs"]} == {"regional_copies"}
    assert main(["duplicates", "--json", "--relation", "all", "--include-undetermined"]) == 0
    everything = json.loads(capsys.readouterr().out)
    assert len(everything["pairs"]) > len(data["pairs"]) + len(copies["pairs"])


def test_cli_duplicates_text_and_bad_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["duplicates", "--relation", "overlap,local_copy"]) == 0
    out = capsys.readouterr().out
    assert "[중복 (overlap)" in out and "같은 기업이" in out
    for bad in (["--threshold", "150"], ["--relation", "twins"]):
        with pytest.raises(SystemExit) as exc:
            main(["duplicates", *bad])
        assert exc.value.code == 2


def test_two_years_of_one_program_are_not_a_pair() -> None:
    from dataclasses import replace

    a = prog("a", "예비창업패키지", institution="중소벤처기업부", target="예비창업자")
    b = replace(
        prog("b", "예비창업패키지", institution="중소벤처기업부", target="예비창업자"), year=2025
    )
    assert find_duplicates([a, b]).pairs == []
    assert len(find_duplicates([a, replace(b, year=2026)]).pairs) == 1


# ----------------------------------------------------------------------------- evaluation


def test_labelled_pairs_are_sourced_and_map_to_the_embedded_data() -> None:
    from tests.dup_eval import FINDINGS, LABELS, load_labels

    rows = load_labels()
    assert len(rows) >= 100
    kids = {p.kstartup_id for p in load_embedded().programs}
    findings = {r["finding_id"] for r in load_labels(FINDINGS)}
    for row in rows:
        assert row["kstartup_id_a"] in kids and row["kstartup_id_b"] in kids, row
        assert row["relation"] in LABELS and row["reason"] and row["second_look"]
        if row["origin"] == "published":
            assert row["finding_id"] in findings, row
    for finding in load_labels(FINDINGS):
        assert finding["source_url"].startswith("http") and finding["year"].isdigit()


def test_sample_audit_is_complete_and_maps_to_the_embedded_data() -> None:
    """The README's sample audit: 40 default pairs, each judged, each on the embedded data."""
    from tests.dup_eval import AUDIT, audit_table, load_labels

    rows = load_labels(AUDIT)
    kids = {p.kstartup_id for p in load_embedded().programs}
    assert len(rows) == 40
    for row in rows:
        assert {row["kstartup_id_a"], row["kstartup_id_b"]} <= kids, row
        assert row["relation"] in DEFAULT_RELATIONS and row["note"]
        assert row["duplicate"] in ("yes", "no") and row["relation_right"] in ("yes", "no")
    assert "| all | 40 |" in audit_table()


def test_evaluation_targets_at_the_default_threshold() -> None:
    """Issue 11's targets: precision of `overlap` ≥ 0.9, recall of published overlaps ≥ 0.7
    (README "Evaluation" has every figure)."""
    from tests.dup_eval import evaluate

    ev = evaluate()
    tp, predicted, _ = ev.per_relation("overlap")
    assert predicted and tp / predicted >= 0.9, ev.table()
    found, _, total = ev.published()
    assert total >= 10 and found / total >= 0.7, ev.table()
    tp, predicted, _ = ev.duplicates()
    assert tp / predicted >= 0.9, ev.table()


def test_cli_help_constants_agree_with_the_library() -> None:
    """The CLI writes the relations out for --help (it must not import the engine to start)."""
    from navigator import cmd_engine

    assert cmd_engine._RELATIONS_HELP == RELATIONS
    assert cmd_engine._DEFAULT_RELATIONS_HELP == DEFAULT_RELATIONS
    assert cmd_engine._DUPLICATE_THRESHOLD_HELP == DEFAULT_THRESHOLD
