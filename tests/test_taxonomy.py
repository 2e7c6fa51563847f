"""One technology-field taxonomy: merged lists, keyword tags and canonical spellings."""

from __future__ import annotations

import pytest

from loaders.taxonomy import (
    FIELD_ALIASES,
    FIELD_KEYWORDS,
    GENERAL_FIELD,
    KEYWORD_EXCLUSIONS,
    TECH_FIELDS,
    canonical_field,
    tag_fields,
)


def test_general_field_is_not_a_tech_field():
    assert GENERAL_FIELD == "일반/분야무관"
    assert GENERAL_FIELD not in TECH_FIELDS


def test_every_field_has_keywords():
    assert all(FIELD_KEYWORDS[field] for field in TECH_FIELDS)


def test_aliases_only_name_known_fields():
    assert set(FIELD_ALIASES) <= {*TECH_FIELDS, GENERAL_FIELD}


def test_exclusions_contain_their_keyword():
    for keyword, phrases in KEYWORD_EXCLUSIONS.items():
        for phrase in phrases:
            assert keyword.replace(" ", "") in phrase.replace(" ", ""), phrase


@pytest.mark.parametrize(
    "domain", ["콘텐츠·문화", "관광", "농식품", "해양수산", "국방", "소셜벤처", "로컬"]
)
def test_sector_domains_are_fields(domain):
    assert domain in TECH_FIELDS


@pytest.mark.parametrize("spelling", ["AI", "ai", "인공지능", "빅데이터·AI", "빅데이터 AI", "ＡＩ"])
def test_ai_spellings_meet_in_one_field(spelling):
    assert canonical_field(spelling) == "인공지능·빅데이터"


@pytest.mark.parametrize(
    ("spelling", "field"),
    [
        ("시스템반도체", "반도체·디스플레이"),
        ("첨단 모빌리티", "미래 모빌리티"),
        ("차세대원전", "차세대 원자력"),
        ("첨단 바이오", "바이오·헬스"),
        ("바이오·의료", "바이오·헬스"),
        ("수소", "친환경·에너지"),
        ("환경", "친환경·에너지"),
        ("사이버보안·네트워크", "사이버보안"),
        ("사이버 보안", "사이버보안"),
        ("첨단로봇·제조", "로봇·첨단제조"),
        ("우주항공·해양", "우주항공·해양"),
        ("해양", "해양수산"),
        ("로컬(지역)", "로컬"),
        ("분야무관", GENERAL_FIELD),
    ],
)
def test_canonical_field_merges_the_three_lists(spelling, field):
    assert canonical_field(spelling) == field


def test_canonical_field_falls_back_to_a_single_keyword_field():
    assert canonical_field("스마트팜 기술") == "농식품"


def test_canonical_field_refuses_text_naming_two_fields():
    assert canonical_field("AI 바이오") is None


@pytest.mark.parametrize("text", ["", "   ", "!!", "창업"])
def test_canonical_field_of_nothing_is_none(text):
    assert canonical_field(text) is None


def test_untagged_program_is_general():
    assert tag_fields("창업보육센터 운영 지원", "입주기업 보육") == (GENERAL_FIELD,)


def test_tags_come_in_taxonomy_order():
    tags = tag_fields("신산업 유망스타트업", "AI, 로봇, 바이오헬스 등 미래 신산업 분야")
    assert tags == ("인공지능·빅데이터", "바이오·헬스", "로봇·첨단제조")


def test_ax_program_is_ai():
    # Real 2026 program (K-Startup 170xxx): AX혁신기업창의기술개발.
    assert tag_fields("AX혁신기업창의기술개발") == ("인공지능·빅데이터",)


def test_ai_is_not_found_inside_latin_words():
    assert tag_fields("MAIN STAGE FAIR") == (GENERAL_FIELD,)


def test_ai_followed_by_hangul_still_counts():
    assert tag_fields("AI기반 창업자를 위한 교육") == ("인공지능·빅데이터",)


def test_sheriff_is_not_security():
    assert tag_fields("보안관 프로그램") == (GENERAL_FIELD,)


def test_information_security_is_security():
    assert tag_fields("정보보안 솔루션 기업") == ("사이버보안",)


def test_space_and_ocean_phrase_does_not_tag_fisheries():
    assert tag_fields("우주항공·해양 분야 기업") == ("우주항공·해양",)


def test_bare_ocean_is_fisheries():
    assert tag_fields("해양신산업 인큐베이팅 지원 사업") == ("해양수산",)


def test_aviation_university_name_is_not_aviation():
    assert tag_fields("한국항공대 창업보육센터 운영지원") == (GENERAL_FIELD,)


def test_words_across_a_space_do_not_join():
    # "초기 후속 투자" contains 기·후 across a space; that is not 기후 (climate).
    assert tag_fields("창업기업 초기 후속 투자 유치") == (GENERAL_FIELD,)


def test_public_research_is_not_performing_arts():
    assert tag_fields("출연(연)의 공공연구성과") == (GENERAL_FIELD,)


def test_promo_video_in_content_is_not_culture():
    assert tag_fields("창업보육센터 지원사업", content="홍보동영상 제작 지원") == (GENERAL_FIELD,)


def test_rural_corporation_is_not_fisheries():
    assert tag_fields("농지 임대료", target="한국농어촌공사 농지은행") == ("농식품",)


def test_ict_in_general_is_not_telecom():
    assert tag_fields("정보통신산업 업종 기업") == (GENERAL_FIELD,)


def test_glocal_university_is_not_local():
    assert tag_fields("글로컬대학 30 연계") == (GENERAL_FIELD,)


def test_target_and_content_are_read_too():
    assert tag_fields("창업지원", target="바이오 분야 벤처", content="스마트팜 실증") == (
        "바이오·헬스",
        "농식품",
    )


def test_sports_joins_culture():
    assert tag_fields("스포츠산업 예비초기창업 지원") == ("콘텐츠·문화",)


def test_forestry_joins_agrifood():
    assert tag_fields("청년 산림창업 마중물 지원") == ("농식품",)
