"""시·도 and 기초 name tables: every spelling meets one short 시·도 name."""

from __future__ import annotations

import pytest

from loaders.regions import (
    AMBIGUOUS_SIGUNGU,
    SIDO,
    SIGUNGU,
    SIGUNGU_BY_SIDO,
    canonical_sido,
    find_sido_mentions,
    is_sido_name,
    sido_of_institution,
    sido_of_place,
)


def test_there_are_seventeen_sido():
    assert len(SIDO) == 17


def test_canonical_sido_accepts_long_and_short_forms():
    assert (
        canonical_sido("서울특별시") == canonical_sido("서울시") == canonical_sido("서울") == "서울"
    )


def test_canonical_sido_reads_the_first_word_of_a_basic_name():
    assert canonical_sido("대전광역시 서구") == "대전"


def test_find_sido_mentions_prefers_the_longest_spelling():
    assert find_sido_mentions("광주광역시 및 전라남도 소재") == ["광주", "전남"]


def test_sigungu_covers_every_local_government():
    # 226 기초 local governments + 인천's three 2026 구 + 제주's two 행정시.
    assert sum(len(names) for names in SIGUNGU_BY_SIDO.values()) == 231


def test_every_sigungu_maps_to_a_known_sido():
    assert set(SIGUNGU.values()) <= set(SIDO)


def test_sejong_has_no_basic_tier():
    assert SIGUNGU_BY_SIDO["세종"] == ()


def test_gunwi_belongs_to_daegu_since_2023():
    assert SIGUNGU["군위군"] == "대구"


@pytest.mark.parametrize("name", ["중구", "동구", "서구", "남구", "북구", "강서구", "고성군"])
def test_shared_names_need_a_sido_prefix(name):
    assert name in AMBIGUOUS_SIGUNGU
    assert name not in SIGUNGU
    assert sido_of_institution(name) is None


def test_shared_names_are_keyed_with_their_sido():
    assert SIGUNGU["부산 중구"] == "부산"
    assert SIGUNGU["경남 고성군"] == "경남"


@pytest.mark.parametrize(
    ("name", "sido"),
    [
        ("김천시", "경북"),
        ("울주군", "울산"),
        ("부산진구", "부산"),
        ("마포구", "서울"),
        ("전북특별자치도", "전북"),
        ("경기도", "경기"),
        ("서울시", "서울"),
        ("대전광역시 서구", "대전"),
        ("부산 중구", "부산"),
        ("강원특별자치도 고성군", "강원"),
        ("경기도 광주시", "경기"),
        ("서귀포시", "제주"),
    ],
)
def test_sido_of_institution(name, sido):
    assert sido_of_institution(name) == sido


def test_bare_gwangju_si_is_ambiguous():
    # 경기 광주시 or 광주광역시: the notice writes the latter in full, but a bare name is a guess.
    assert sido_of_institution("광주시") is None


def test_a_ministry_is_not_a_local_government():
    assert sido_of_institution("중소벤처기업부") is None


def test_a_basic_name_under_the_wrong_sido_is_rejected():
    assert sido_of_institution("부산 강남구") is None


@pytest.mark.parametrize("value", [None, "", "   "])
def test_empty_names_have_no_sido(value):
    assert sido_of_institution(value) is None


def test_is_sido_name_separates_wide_from_basic():
    assert is_sido_name("경기도")
    assert is_sido_name("대전광역시")
    assert not is_sido_name("김천시")


def test_sido_of_place_accepts_stems():
    assert sido_of_place("강진") == "전남"
    assert sido_of_place("용인") == "경기"


def test_sido_of_place_skips_stems_shared_by_two_sido():
    assert sido_of_place("고성") is None


@pytest.mark.parametrize(
    ("text", "sido", "expected"),
    [
        ("김천시", None, ("경북", "김천시")),
        ("경상북도 김천시", None, ("경북", "김천시")),
        ("대전광역시 서구", None, ("대전", "서구")),
        ("서구", "대전", ("대전", "서구")),
        ("서구", None, None),
        ("광주시", None, None),
        ("경기도", None, None),
        ("부산 강남구", None, None),
        ("", None, None),
    ],
)
def test_resolve_sigungu(text, sido, expected):
    from loaders.regions import resolve_sigungu

    assert resolve_sigungu(text, sido) == expected
