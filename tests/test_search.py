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
