"""One technology-field taxonomy: merged lists, keyword tags and canonical spellings."""

from __future__ import annotations

import json

import pytest

from loaders.taxonomy import (
    FIELD_ALIASES,
    FIELD_KEYWORDS,
    FORM_FIELDS,
    GENERAL_FIELD,
    KEYWORD_EXCLUSIONS,
    TECH_FIELDS,
    canonical_field,
    related_fields,
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


def test_ict_in_general_is_ict_not_telecom():
    # 정보·통신 is the application forms' own field (ICT·SW), not 차세대 통신.
    assert tag_fields("정보통신산업 업종 기업") == ("정보·통신",)


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


# --- the 기술분야 of the 창업사업화 application forms and everyday words (issue 10, item 4) -----


@pytest.mark.parametrize(
    ("form_field", "canonical"),
    [
        ("정보·통신", "정보·통신"),
        ("기계·소재", "기계·소재"),
        ("전기·전자", "전기·전자"),
        ("화공·섬유", "화공·섬유"),
        ("바이오·의료·생명", "바이오·헬스"),
        ("에너지·자원", "친환경·에너지"),
        ("공예·디자인", "콘텐츠·문화"),
    ],
)
def test_every_form_field_lands_on_one_field(form_field, canonical):
    assert canonical_field(form_field) == canonical
    assert FORM_FIELDS[form_field] == canonical


@pytest.mark.parametrize(
    "word", ["ICT", "IT", "SW", "소프트웨어", "정보통신", "플랫폼", "핀테크", "앱", "커머스"]
)
def test_everyday_ict_words_land_on_ict(word):
    assert canonical_field(word) == "정보·통신"


def test_ict_and_ai_are_related_not_the_same():
    assert "인공지능·빅데이터" in related_fields("정보·통신")
    assert "정보·통신" in related_fields("인공지능·빅데이터")


def test_navigator_fields_lists_names_and_aliases(capsys):
    from navigator.cli import main

    assert main(["fields"]) == 0
    out = capsys.readouterr().out
    assert "정보·통신 [사업계획서 기술분야 '정보·통신']" in out
    assert "별칭: ict, it, sw, 소프트웨어" in out
    assert main(["fields", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["name"] for r in rows} == {*TECH_FIELDS, GENERAL_FIELD}


def test_an_unknown_field_anywhere_exits_2_with_the_list(tmp_path, capsys):
    from navigator.cli import main

    bad = tmp_path / "p.json"
    bad.write_text('{"founded": "2024-01-01", "fields": ["블록체인x"]}', encoding="utf-8")
    assert main(["eligible", "--profile", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "알 수 없는 기술분야 '블록체인x'" in err and "정보·통신" in err
    good = tmp_path / "q.json"
    good.write_text('{"founded": "2024-01-01"}', encoding="utf-8")
    assert main(["path", "--profile", str(good), "--field", "모름"]) == 2
    assert "사용할 수 있는 분야" in capsys.readouterr().err
