"""Korean search: spacing, punctuation, year prefixes and typos still find the program."""

from __future__ import annotations

import pytest

from graph.search import build_index, search, search_ids
from loaders.model import Program


def prog(pid: str, name: str, **kw: object) -> Program:
    base: dict[str, object] = {
        "program_id": pid,
        "year": 2026,
        "level": "중앙부처",
        "ministry": "중소벤처기업부",
        "institution": "중소벤처기업부",
        "region": "전국",
        "name": name,
        "support_type": "사업화",
    }
    base.update(kw)
    return Program(**base)  # type: ignore[arg-type]


PROGRAMS = [
    prog("p1", "예비창업패키지"),
    prog("p2", "초기창업패키지"),
    prog("p3", "창업도약패키지"),
    prog("p4", "청년창업사관학교", summary="만 39세 이하 청년 예비창업자 창업 전 과정 지원"),
    prog("p5", "AI 바우처 지원사업", support_type="기술개발(R&D)", region="서울", level="광역"),
    prog("p6", "글로벌 액셀러레이팅", support_type="글로벌 진출", agency="창업진흥원"),
]


@pytest.mark.parametrize(
    "query",
    [
        "예비창업패키지",
        "예비 창업 패키지",
        "예비-창업·패키지",
        "2026년 예비창업패키지",
        "(예비)창업패키지",
    ],
)
def test_spacing_punctuation_and_year_prefix_find_the_program(query: str) -> None:
    assert search_ids(PROGRAMS, query)[0] == "p1"


def test_typo_in_one_syllable_still_finds_the_program_first() -> None:
    hits = search(PROGRAMS, "예비창엄패키지")
    assert hits[0].program_id == "p1"
    assert hits[0].matched == "유사 이름"


def test_exact_name_ranks_above_fuzzy_neighbours() -> None:
    hits = search(PROGRAMS, "초기창업패키지")
    assert hits[0].program_id == "p2"
    assert hits[0].score == 100.0
    # A literal hit exists, so only near-identical names are added as guesses.
    assert "p3" not in [h.program_id for h in hits]


def test_substring_of_name_lists_every_package() -> None:
    ids = search_ids(PROGRAMS, "창업패키지")
    assert set(ids[:2]) == {"p1", "p2"}
    assert "p3" not in ids  # 창업도약패키지 does not contain 창업패키지


def test_matches_in_other_fields_rank_below_name_matches() -> None:
    hits = search(PROGRAMS, "예비창업")
    assert [h.program_id for h in hits][:2] == ["p1", "p4"]
    assert hits[1].matched == "내용"


def test_every_word_of_a_multi_word_query_may_sit_in_different_fields() -> None:
    hits = search(PROGRAMS, "서울 바우처")
    assert [h.program_id for h in hits] == ["p5"]
    assert hits[0].matched == "단어"


def test_latin_letters_are_case_insensitive() -> None:
    assert search_ids(PROGRAMS, "ai바우처") == ["p5"]


def test_empty_or_punctuation_only_query_returns_nothing() -> None:
    assert search(PROGRAMS, "") == []
    assert search(PROGRAMS, " ·-() ") == []


def test_unrelated_query_returns_nothing() -> None:
    assert search(PROGRAMS, "수산물 유통 물류센터") == []


def test_short_queries_are_literal_only() -> None:
    # Two syllables: no fuzzy guesses (예비 ≠ 초기), only literal containment.
    assert search_ids(PROGRAMS, "예비") == ["p1", "p4"]


def test_limit_and_prebuilt_index_give_the_same_ranking() -> None:
    index = build_index(PROGRAMS)
    assert len(index) == len(PROGRAMS)
    assert search(index, "패키지", limit=2) == search(PROGRAMS, "패키지")[:2]


def test_scores_are_ordered_and_bounded() -> None:
    hits = search(PROGRAMS, "창업")
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert all(0 < s <= 100 for s in scores)


# ----------------------------------------------------------------------------- aliases

ALIASED = [
    *PROGRAMS,
    prog("t1", "경북 TIPS(기술창업)지원 프로그램", level="광역", region="경북"),
    prog("t2", "민간투자주도형 기술창업 활성화 지원", summary="팁스 운영사가 투자한 창업팀"),
    prog("r1", "재도전성공패키지", target_text="폐업 이력이 있는 재창업자"),
    prog("k1", "카이스트 글로벌 스튜디오", summary="KAIST 창업원 프로그램"),
    prog("a1", "창업성공사관학교 및 AI창업교육"),
    prog("y1", "창업성공패키지(청년창업사관학교)"),
]


@pytest.mark.parametrize(
    ("query", "first"),
    [("예창패", "p1"), ("초창패", "p2"), ("창도패", "p3"), ("청창사", "p4"), ("재창업", "r1")],
)
def test_everyday_abbreviations_find_the_program(query: str, first: str) -> None:
    hits = search(ALIASED, query)
    assert hits[0].program_id == first
    assert hits[0].via  # says which name it was found through


def test_tips_and_its_korean_spelling_find_the_same_programs() -> None:
    assert set(search_ids(ALIASED, "팁스")) == set(search_ids(ALIASED, "TIPS")) == {"t1", "t2"}


def test_an_alias_hit_ranks_just_below_the_same_hit_for_the_typed_words() -> None:
    typed = search(ALIASED, "예비창업패키지")[0]
    aliased = search(ALIASED, "예창패")[0]
    assert typed.program_id == aliased.program_id
    assert typed.score > aliased.score > search(ALIASED, "예비창업")[0].score - 20


def test_latin_words_match_whole_words_only() -> None:
    # "AI" is in "AI창업교육" (Hangul after it) and the 바우처 name, not inside "KAIST".
    ids = search_ids(ALIASED, "AI")
    assert "a1" in ids and "p5" in ids
    assert "k1" not in ids


def test_expand_query_lists_the_other_words_of_the_group() -> None:
    from graph.search import expand_query

    assert expand_query("팁스") == ("TIPS",)
    assert expand_query(" 예 창 패 ") == ("예비창업패키지",)
    assert expand_query("패키지") == ()


GUESSES_ = {"일부 단어", "유사 이름"}


def test_a_query_whose_words_no_program_has_together_finds_those_with_some() -> None:
    hits = search(ALIASED, "AI 글로벌")
    assert hits and {h.matched for h in hits} <= GUESSES_
    assert {"a1", "p6"} <= {h.program_id for h in hits}


def test_every_word_together_is_not_a_guess() -> None:
    hits = search(ALIASED, "서울 바우처")
    assert [h.matched for h in hits] == ["단어"]


# ----------------------------------------------------------------------------- verdict order


def test_rank_by_status_puts_eligible_first_and_keeps_every_hit() -> None:
    from graph.search import rank_by_status

    hits = search(PROGRAMS, "패키지")
    status = {"p1": "ineligible", "p2": "eligible", "p3": "maybe"}
    ranked = rank_by_status(hits, status)
    assert [h.program_id for h in ranked] == ["p2", "p3", "p1"]
    assert sorted(ranked, key=lambda h: h.program_id) == sorted(hits, key=lambda h: h.program_id)


def test_rank_by_status_without_verdicts_keeps_the_search_order() -> None:
    from graph.search import rank_by_status

    hits = search(PROGRAMS, "창업")
    assert rank_by_status(hits, {}) == hits


# ----------------------------------------------------------------------------- embedded data


@pytest.fixture(scope="module")
def embedded_index():
    from graph.search import build_index
    from loaders.catalogue import load_embedded

    catalogue = load_embedded()
    return build_index(catalogue.programs), catalogue.by_id()


def test_the_search_box_examples_find_programs(embedded_index) -> None:
    from graph.search import GUESSES
    from loaders.vocab import SEARCH_EXAMPLES

    index, _ = embedded_index
    for example in SEARCH_EXAMPLES:
        hits = search(index, example)
        assert any(h.matched not in GUESSES for h in hits), example


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("예창패", "예비창업패키지"),
        ("초창패", "초기창업패키지"),
        ("청창사", "창업성공패키지(청년창업사관학교)"),
        ("재창업", "재도전성공패키지"),
    ],
)
def test_abbreviations_find_the_real_programs(embedded_index, query: str, name: str) -> None:
    index, by_id = embedded_index
    assert name in [by_id[h.program_id].name for h in search(index, query)[:3]]


def test_tips_finds_as_many_programs_in_either_spelling(embedded_index) -> None:
    index, _ = embedded_index
    assert set(search_ids(index, "팁스")) >= set(search_ids(index, "TIPS"))
    assert len(search_ids(index, "TIPS")) >= 5
