"""The notice's own rule semantics, on real 지원대상 phrasing (issue 10, item 3).

Every phrase below is quoted from a 2026 source (the program's K-Startup 공고 or a press report
of its 2026 call) with the page it was read from; the same texts are in data/enrichment_2026.csv.
Each test builds the program through the parser, so the parser and the engine are tested
together, the way a founder meets them.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from graph.eligibility import evaluate, evaluate_all
from graph.profile import FirmProfile, profile_from_dict
from loaders.catalogue import load_embedded
from loaders.derive import derived_fields
from loaders.eligibility_text import split_tracks
from loaders.model import Program
from loaders.textnorm import clean_cell

CALL = "https://www.k-startup.go.kr/web/contents/bizpbanc-ongoing.do?schM=view&pbancSn="


def program(target: str, *, name: str = "지원사업", level: str = "중앙부처", region: str = "전국",
            institution: str = "", exclusion: str = "", year: int = 2026,
            target_year: int | None = None) -> Program:  # fmt: skip
    derived = derived_fields(name, target=target, exclusion=exclusion)
    return Program(
        "p1", year, level, institution, institution, region, name, "사업화",
        target_text=target, exclusion_text=exclusion, target_year=target_year, **derived,
    )  # fmt: skip


def firm(**kw: object) -> FirmProfile:
    return profile_from_dict(kw, today=date(2026, 12, 31))


# --------------------------------------------------------------------------- founding dates

# 2026 초기창업패키지(일반형) 모집공고 176019 (inbusiness copy), 2026:
# portal2.inbusiness.kr/small_detail.php?pbno=kStartUp_176019
EARLY = (
    "「중소기업창업 지원법」 제2조제2호부터 제2조제3의2까지의 각 호의 정의에 따른 창업기업의 "
    "대표자로서 모집공고일 기준 창업 3년 이내인 자 < 신청 자격 세부 조건 > > 신청가능 업력 : "
    "2023년 1월 23일 ~ 2026년 1월 22일 - 개인사업자 : 사업자등록증 상 ‘개업연월일’ 기준 - "
    "법인사업자 : 법인등기부등본 상 ‘법인설립등기일’ 기준"
)


@pytest.mark.parametrize(
    ("founded", "status"),
    [("2023-01-23", "eligible"), ("2026-01-22", "eligible"), ("2023-01-22", "ineligible")],
)
def test_a_stated_founding_window_decides(founded: str, status: str) -> None:
    verdict = evaluate(program(EARLY), firm(founded=founded, as_of="2026-02-01"))
    assert verdict.status == status
    if status == "ineligible":
        assert "2023-01-23부터 해당" in verdict.reason_for("years")


def test_the_stated_date_wins_over_the_band_it_spells_out() -> None:
    # 171310 신개념 세대융합청년창업, call 176208 (2026): "3년 이내(2023년 2월 이후 창업)".
    text = "기업업력 예비창업자 또는 3년 이내(2023년 2월 이후 창업) 창업자"
    prog = program(text)
    # 3년 3일 on 2026-02-04, but founded in February 2023: the month the notice states decides.
    assert evaluate(prog, firm(founded="2023-02-01", as_of="2026-02-04")).status == "eligible"
    assert evaluate(prog, firm(founded="2023-01-31", as_of="2026-02-04")).status == "ineligible"


def test_a_cut_off_after_a_date() -> None:
    # 171104 우리지역 스타기업 만들기 (함안군), mediabaro.com/news/459813 (2026).
    text = "공고일 기준 함안군에 사업자등록을 둔 대표자 만 19세 이상 49세 이하 청년 기업(2018.1.21. 이후 창업)"
    prog = program(text, level="기초", region="경남", institution="함안군")
    ok = firm(
        founded="2018-01-21", ceo_age=45, region="경남", district="함안군", as_of="2026-01-21"
    )
    late = firm(
        founded="2018-01-20", ceo_age=45, region="경남", district="함안군", as_of="2026-01-21"
    )
    assert evaluate(prog, ok).status == "eligible"  # 8 years old: the rule has no 7-year cap
    assert evaluate(prog, late).status == "ineligible"


def test_an_outsider_who_moves_after_selection_may_apply_and_is_told_the_condition() -> None:
    # 171104 우리지역 스타기업 만들기 (함안군), mediabaro.com/news/459813 (2026).
    text = (
        "공고일 기준 함안군에 사업자등록을 둔 대표자 만 19세 이상 49세 이하 청년 기업"
        "(2018.1.21. 이후 창업), 관외 기업은 선정 후 3개월 내 본사 이전"
    )
    prog = program(text, level="기초", region="경남", institution="함안군")
    outside = evaluate(prog, firm(founded="2024-05-01", ceo_age=34, region="경북",
                                  district="김천시", as_of="2026-03-01"))  # fmt: skip
    assert outside.status == "eligible"
    reason = outside.reason_for("region")
    assert "관외 기업도 신청 가능, 단 선정 후 이전 조건" in reason
    assert "관외 기업은 선정 후 3개월 내 본사 이전" in reason and "지역 제한 없음" not in reason
    inside = evaluate(prog, firm(founded="2024-05-01", ceo_age=34, region="경남",
                                 district="함안군", as_of="2026-03-01"))  # fmt: skip
    assert inside.status == "eligible"


def test_an_open_address_with_a_move_clause_states_the_condition() -> None:
    # 171133 익산형 위드로컬 청년창업, call 176768 (2026): "주소 전국" and yet a firm must move.
    text = (
        "연령 18세 ~ 39세(1986. 1. 1. ~ 2007. 12. 31. 사이에 태어난 자); 주소 전국 - 타 지역 "
        "창업기업·거주자는 선정 후 3개월 내 사업장(본사 또는 지사 또는 사업시설(공장) 중 택 1)과 "
        "거주지 이전 필수; 창업업력 예비창업자 및 창업 5년 이내 기업(2021. 1. 1. 이후 창업한 기업, "
        "사업자등록증상 사업개시일 기준)"
    )
    prog = program(text, level="기초", region="전북", institution="익산시")
    firm_outside = firm(founded="2024-05-01", birth_date="1991-06-01", region="경북",
                        district="김천시", as_of="2026-03-20")  # fmt: skip
    verdict = evaluate(prog, firm_outside)
    assert verdict.status == "eligible"
    assert "단 선정 후 이전 조건" in verdict.reason_for("region")
    assert "지역 제한 없음" not in verdict.reason_for("region")
    pre = evaluate(prog, firm(pre_founding=True, birth_date="1991-06-01", region="경북",
                              as_of="2026-03-20"))  # fmt: skip
    assert "region" not in pre.failed + pre.uncertain
    assert "관외 예비창업자도 신청 가능" in pre.reason_for("region")


def test_an_outsider_condition_is_not_an_open_area() -> None:
    # 171008 디자인 융합 창업 트랙 (부산), call 176455 (2026) keeps the area but admits
    # outsiders who register in 부산 within 2 months of the agreement: not an open area.
    text = (
        "공고일 기준, 부산 소재 창업 7년 이내의 '창업기업' 중 디자인 융합기업. 관외기업의 경우, "
        "협약일 기준 2개월 이내 부산시 소재 사업등록(본사) 확인 시 지원 가능"
    )
    prog = program(text, level="광역", region="부산", institution="부산광역시")
    verdict = evaluate(prog, firm(founded="2024-05-01", region="서울", as_of="2026-03-01"))
    reason = verdict.reason_for("region")
    assert "관외기업의 경우" in reason and "단 선정 후 이전 조건" in reason
    assert "지역 제한 없음" not in reason


def test_an_area_free_call_that_asks_the_selected_to_move_is_not_a_refusal() -> None:
    # 171076 경북의 저력 딥테크부스터 (경상북도), 기업마당 PBLN_000000000118910 (2026): any
    # region may apply; the selected firm moves to a listed 시·군 within 3 months.
    text = (
        "투자유치를 희망하는 7년 이내 법인(지역 무관) - (필수사항) 선정기업은 3개월 이내 해당 "
        "지자체 내 본사, 연구소, 공장 이전(설립) 중 1개 이상 필수(포항시, 구미시, 경주시, 경산시, 칠곡군)"
    )
    prog = program(text, level="광역", region="경북", institution="경상북도")
    verdict = evaluate(prog, firm(founded="2024-05-01", region="서울", as_of="2026-03-01"))
    assert "region" not in verdict.failed
    reason = verdict.reason_for("region")
    assert "단 선정 후 이전 조건" in reason and "지역 무관" in reason


def test_an_out_of_area_firm_admitted_on_moving_after_the_agreement() -> None:
    # 171149 창업기업 스케일업 지원 (대구), biz.heraldcorp.com/article/10667450 (2026-02-02).
    text = (
        "참여 조건은 대구시에 본사 또는 사업장을 둔 창업 7년 혹은 5년 이내의 법인 및 개인 사업자이며 "
        "역외기업이라도 협약 후 3개월 이내 본사 대구 이전 및 사업종료 후 2년간 유지할 경우 신청할 수 있다"
    )
    prog = program(text, level="광역", region="대구", institution="대구광역시")
    verdict = evaluate(prog, firm(founded="2024-05-01", region="서울", as_of="2026-03-01"))
    assert "region" not in verdict.failed
    reason = verdict.reason_for("region")
    assert "단 선정 후 이전 조건" in reason and "역외기업이라도" in reason
    home = evaluate(prog, firm(founded="2024-05-01", region="대구", as_of="2026-03-01"))
    assert "region" not in home.failed + home.uncertain


def test_a_window_stated_with_from_and_between() -> None:
    # 171098 청년기술창업수당 (창원시), m.news.zum.com/articles/103425172 (2026).
    prog = program("▲개업연월일이 2023년 1월 15일부터 2025년 10월 5일 사이")
    assert evaluate(prog, firm(founded="2025-10-05")).status == "eligible"
    assert evaluate(prog, firm(founded="2025-10-06")).status == "ineligible"


# --------------------------------------------------------------------------- birth dates and ages

# 171310, call 176208 (2026): "연령 만39세 이하(1987년 1월 1일 이후 출생)".
YOUNG = "연령 만39세 이하(1987년 1월 1일 이후 출생); 예비창업자"


def test_a_birth_date_band_decides_over_the_age_it_spells_out() -> None:
    prog = program(YOUNG)
    on = "2026-02-04"
    inside = firm(pre_founding=True, birth_date="1987-01-01", as_of=on)
    outside = firm(pre_founding=True, birth_date="1986-12-31", as_of=on)  # 만 39세, born before
    assert evaluate(prog, inside).status == "eligible"
    verdict = evaluate(prog, outside)
    assert verdict.status == "ineligible"
    assert "1986-12-31 출생" in verdict.reason_for("age")


def test_with_only_an_age_a_birth_band_is_settled_unless_at_its_edge() -> None:
    prog = program(YOUNG)
    assert evaluate(prog, firm(pre_founding=True, ceo_age=30, as_of="2026-02-04")).status == (
        "eligible"
    )
    assert evaluate(prog, firm(pre_founding=True, ceo_age=41, as_of="2026-02-04")).status == (
        "ineligible"
    )
    edge = evaluate(prog, firm(pre_founding=True, ceo_age=39, as_of="2026-02-04"))
    assert edge.status == "maybe" and "생년월일을 입력하면" in edge.reason_for("age")


def test_a_birth_date_must_agree_with_the_age() -> None:
    from loaders.errors import ProfileError

    with pytest.raises(ProfileError, match="birth_date"):
        firm(birth_date="1990-05-05", ceo_age=20, as_of="2026-01-01")
    assert firm(birth_date="1990-05-05", as_of="2026-01-01").ceo_age == 35


# 171106 합천군 청년·여성 창업지원사업, joongdo.co.kr 20260210010003733 (2026).
HAPCHEON = (
    "공고일 기준 합천군에 주소를 둔 예비 창업자. 관내 창업을 희망하는 19세 이상 39세 이하 남성, "
    "19세 이상 60세 이하 여성"
)


def hapcheon() -> Program:
    return program(
        HAPCHEON, name="합천군 청년·여성 창업지원사업", level="기초", region="경남",
        institution="합천군",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("women", "age", "status"),
    [(False, 39, "eligible"), (False, 40, "ineligible"), (True, 55, "eligible"),
     (True, 60, "eligible"), (True, 61, "ineligible")],
)  # fmt: skip
def test_age_limits_per_gender(women: bool, age: int, status: str) -> None:
    profile = firm(pre_founding=True, women=women, ceo_age=age, region="경남", district="합천군")
    verdict = evaluate(hapcheon(), profile)
    assert verdict.status == status
    if not women and status == "ineligible":
        assert "여성 대표자는 만 19~60세" in verdict.reason_for("age")


def test_youth_or_women_is_either_group_not_both() -> None:
    # The same 2026 program's name: "청년·여성" — a woman of 55 or a young man, either.
    prog = program("", name="합천군 청년·여성 창업지원사업", level="기초", region="경남",
                   institution="합천군")  # fmt: skip
    woman = evaluate(prog, firm(pre_founding=True, women=True, ceo_age=55, region="경남",
                                district="합천군"))  # fmt: skip
    young = evaluate(prog, firm(pre_founding=True, ceo_age=30, region="경남", district="합천군"))
    assert "여성" in woman.reason_for("age") and "추정" in woman.reason_for("age")
    assert "청년" in young.reason_for("age")
    assert "age" not in woman.failed and "women" not in young.failed


def test_a_residence_in_a_sigungu_is_quoted_as_that_sigungu() -> None:
    verdict = evaluate(hapcheon(), firm(pre_founding=True, ceo_age=30, region="경남",
                                        district="거창군"))  # fmt: skip
    assert verdict.status == "ineligible"
    reason = verdict.reason_for("region")
    assert "합천군" in reason and "귀사 거창군" in reason and "경남 필요" not in reason


def test_a_military_extension_of_the_age_limit_is_a_maybe_not_a_no() -> None:
    # 171421 넥스트로컬 8기, call 177447 (2026).
    text = (
        "서울시 거주 청년(만 19~39세) ※신청일 기준, 대상의 나이에 부합해야 함 ※군필자의 경우 "
        "상한 연령 연장(군복무 1년 미만 1세, 1년 이상~2년 미만 2세, 2년 이상 3세)"
    )
    prog = program(text, level="광역", region="서울", institution="서울특별시")
    statuses = [
        evaluate(prog, firm(pre_founding=True, ceo_age=age, region="서울")).status
        for age in (39, 40, 42, 43)
    ]
    assert statuses == ["eligible", "maybe", "maybe", "ineligible"]


# --------------------------------------------------------------------------- fields and tracks


# 170017 농식품 기술창업 액셀러레이터, call (2026): "2026년 2월 11일 기준, 창업 7년 이내 농식품 분야
# 초기기업 및 예비창업자".
AGRI = "2026년 2월 11일 기준, 창업 7년 이내 농식품 분야 초기기업 및 예비창업자"


def test_a_field_program_compares_with_the_profiles_field() -> None:
    prog = program(AGRI)
    assert evaluate(prog, firm(founded="2024-02-01", fields=["농식품"])).status == "eligible"
    other = evaluate(prog, firm(founded="2024-02-01", fields=["AI"]))
    assert other.status == "ineligible" and other.failed == ("field",)
    unknown = evaluate(prog, firm(founded="2024-02-01"))
    assert unknown.status == "maybe" and "분야를 고르면" in unknown.reason_for("field")


def test_the_nth_anniversary_is_inside_and_the_day_after_is_said_in_days() -> None:
    prog = program(AGRI)  # counted on the stated 2026-02-11, whatever the profile's as_of
    on_it = firm(founded="2019-02-11", fields=["농식품"], as_of="2026-11-01")
    after = firm(founded="2019-02-10", fields=["농식품"], as_of="2026-11-01")
    assert evaluate(prog, on_it).status == "eligible"
    verdict = evaluate(prog, after)
    assert verdict.status == "ineligible"
    assert verdict.reason_for("years").startswith(
        "업력 7년 1일 (2026-02-11 기준) — '7년 이내' 초과"
    )


@pytest.mark.parametrize(
    "text",
    [
        # 170023, call 176612 (2026) and 170008, etnews 20260201000007 (2026):
        "스포츠산업 분야 예비창업자~7년 미만 창업자",
        "대표자 만 39세 이하, 창업 3년 이내 기업 (심화과정은 창업 7년 이내)",
    ],
)
def test_field_and_track_words_are_not_leftovers(text: str) -> None:
    prog = program(text)
    verdict = evaluate(prog, firm(founded="2022-01-01", ceo_age=30, fields=["스포츠"]))
    assert verdict.status == "eligible", verdict.reasons
    assert prog.eligibility.unparsed == ""


def test_tracks_fit_when_one_track_fits() -> None:
    # 171333 경남형 스타트업 액셀러레이팅, call 176720 (2026).
    text = (
        "AI 리그: 경남도 내 AI 산업분야 업력 10년 이내 창업기업 / 콘텐츠 리그: 경남도 내 콘텐츠 분야 "
        "업력 7년 이내 창업기업(실감형 콘텐츠는 10년 이내)"
    )
    prog = program(text, level="광역", region="경남", institution="경상남도")
    ai = evaluate(
        prog, firm(founded="2017-06-01", fields=["AI"], region="경남", as_of="2026-03-16")
    )
    assert ai.status == "eligible" and ai.reasons[0].startswith("여러 트랙 중 'AI 리그")
    old = evaluate(
        prog, firm(founded="2015-06-01", fields=["AI"], region="경남", as_of="2026-03-16")
    )
    assert old.status == "ineligible"


def test_a_widening_for_some_fields_is_a_maybe_not_a_no() -> None:
    # 170024 스포츠산업 창업중기, call (2026): "- 신산업 분야(…)는 10년 미만까지".
    text = "스포츠산업 분야 창업 7년 미만 기업(예비창업자 제외) - 신산업 분야(인공지능, 빅데이터, 서비스플랫폼 등)는 10년 미만까지"
    prog = program(text)
    eight = evaluate(prog, firm(founded="2018-01-01", fields=["스포츠"], as_of="2026-03-10"))
    assert eight.status == "maybe" and "신산업" in eight.reason_for("years")
    assert evaluate(
        prog, firm(founded="2015-01-01", fields=["스포츠"], as_of="2026-03-10")
    ).status == ("ineligible")
    assert evaluate(prog, firm(pre_founding=True, fields=["스포츠"])).status == "ineligible"


# "7년 이내 … 단, 신산업 분야는 10년 이내": the band is 7 years for everyone, 7–10 years is △
# naming the 신산업 condition, beyond 10 years ×. Each text is a real 2026 call or program target.
SINSANEOP = [
    # 171312 지피지기 투자유치지원사업 (인천), 기업마당 PBLN_000000000121463 (2026)
    "인천 소재(본사ㆍ공장ㆍ연구소) 창업 7년 이내 기업(기술창업, 신산업창업) ※ 단, 신산업 창업 "
    "분야에 관한 규정(중소벤처기업부고시 제2024-2호) 제3조 제1항에 따른 기업은 창업 10년 이내까지 "
    "신청 가능",
    # call 176734 (2026)
    "업력 7년이내 창업기업 및 신산업분야 10년이내 기업 (공고일 기준)",
    # call 177189 (2026)
    "경기도소재 7년(신산업분야 10년)이내 스타트업",
    # call 176774 (2026)
    "사업을 개시한 지 7년 미만인 신기술 스타트업 또는 10년 이내인 신산업 스타트업",
    # call 178981 (2026)
    "모집공고일(’26.8.31.) 기준 창업 7년 이내*인 자 * 신산업 분야([참고 2] 참조) 창업기업의 경우 "
    "업력 10년 이내까지 지원 가능",
    # call 176204 (2026)
    "◦ 창업 후 7년 이내이며 기술을 보유한 중소기업 ◦ 신산업분야 창업 10년 이내 중소기업",
    # call 179084 (2026): the 딥테크 band is the base, 신산업 the exception
    "국내·외 예비창업자 및 창업 7년 이내 딥테크 창업기업 ※ 신산업 분야 창업기업은 창업 10년 이내 가능",
]


@pytest.mark.parametrize("text", SINSANEOP)
def test_a_sinsaneop_exception_is_not_the_band(text: str) -> None:
    prog = program(text, level="광역", region="인천" if "인천" in text else "전국")
    region = "인천" if "인천" in text else "경기"
    five = evaluate(prog, firm(founded="2021-01-01", region=region, as_of="2026-09-01"))
    eight = evaluate(prog, firm(founded="2018-06-01", region=region, as_of="2026-09-01"))
    eleven = evaluate(prog, firm(founded="2015-06-01", region=region, as_of="2026-09-01"))
    assert prog.eligibility.years_max == 7 and prog.eligibility.years_widen == 10
    assert "충족" in five.reason_for("years")
    assert eight.status == "maybe"
    assert "초과, 단 '" in eight.reason_for("years") and "신산업" in eight.reason_for("years")
    assert eleven.status == "ineligible" and "초과" in eleven.reason_for("years")


def test_a_sinsaneop_exception_read_whole_leaves_nothing_unparsed() -> None:
    # 171312: with the exception understood, a 5-year 인천 firm is a plain ○.
    prog = program(SINSANEOP[0], level="광역", region="인천", institution="인천광역시")
    assert prog.eligibility.unparsed == ""
    verdict = evaluate(prog, firm(founded="2021-01-01", region="인천", as_of="2026-09-01"))
    assert verdict.status == "eligible"


def test_older_firms_admitted_on_another_footing_are_a_track_not_a_minimum() -> None:
    # call 176773 인천스타트업파크 TRYOUT (2026): read as "10년 이상" for everyone, a 3-year firm
    # failed the text and a 10-year firm passed it; the clause is a track of its own.
    text = (
        "o 창업 7년(신산업 창업 분야 10년) 이내 관내 기업 또는 이전 확약기업 ※ 인천 관외 기업은 "
        "협약 체결 후 3개월 이내 본점·연구소·공장 중 1개소 이전 필수 (공고일 기준 업력 10년 "
        "이상 기업은 지원예산 없이 자부담으로 지원 가능)"
    )
    assert (
        split_tracks(text)[-1]
        == "공고일 기준 업력 10년 이상 기업은 지원예산 없이 자부담으로 지원 가능"
    )
    prog = program(text)
    young = evaluate(prog, firm(founded="2023-01-01", as_of="2026-03-18"))
    old = evaluate(prog, firm(founded="2016-01-01", as_of="2026-03-18"))
    assert young.status != "ineligible" and old.status != "ineligible"


def test_years_of_a_career_are_not_business_age() -> None:
    # call 176391 (2026), a call for experts: "전문분야 5년이상 경력자", "5년 이상 연구개발 경력".
    prog = program(
        "석사학위 소지자로 전문분야 5년이상 경력자 또는 5년 이상 연구개발 경력이 있는 자"
    )
    assert prog.eligibility.years_min is None


# --------------------------------------------------------------------------- never a silent yes


def test_a_condition_outside_the_profile_keeps_maybe_and_is_named() -> None:
    # 171408 G-유니콘 육성지원, call 176969 (2026).
    text = (
        "1. 공고마감일 기준, 업력 7년 이내 창업기업 2. 투자유치 실적이 누적 5억원 이상인 기업 "
        "3. 공고마감일 기준, 광주 지역 내 본사를 두고 있는 기업"
    )
    prog = program(text, level="광역", region="광주", institution="광주광역시")
    verdict = evaluate(prog, firm(founded="2022-01-01", region="광주", as_of="2026-04-10"))
    assert verdict.status == "maybe"
    assert any("투자유치 실적이 누적 5억원" in r for r in verdict.reasons)


def test_a_clause_not_understood_keeps_maybe_and_is_quoted() -> None:
    # 170004 초격차 스타트업 프로젝트 (2026 press).
    prog = program("6대 전략산업 12대 초격차 기술을 영위하는 창업 10년 이내 스타트업")
    verdict = evaluate(prog, firm(founded="2022-01-01"))
    assert verdict.status == "maybe"
    assert "지원대상 원문 확인 필요: '6대 전략산업 12대 초격차" in verdict.reason_for("target")


def test_every_quoted_snippet_ends_at_a_word_boundary() -> None:
    programs = load_embedded().programs
    verdicts = evaluate_all(programs, firm(founded="2024-01-01", ceo_age=30, region="서울"))
    by_id = {p.program_id: p for p in programs}
    for pid, verdict in verdicts.items():
        source = by_id[pid]
        target = " ".join(f"{source.target_text} {source.exclusion_text}".split())
        for reason in verdict.reasons:
            for quote in re.findall(r"'([^']{8,})…'", reason):
                words = quote.split()
                # the last word before the ellipsis is a whole word of the text
                assert re.search(rf"(^|[\s(]){re.escape(words[-1])}([\s,.;)]|$)", target), (
                    pid, quote,
                )  # fmt: skip


# --------------------------------------------------------------------------- counting dates


def test_a_reference_date_per_program_counts_age_and_years_on_that_day() -> None:
    prog = program("창업 3년 이내 기업")
    profile = firm(founded="2023-03-02", as_of="2026-11-01")
    assert evaluate(prog, profile).status == "ineligible"
    assert evaluate(prog, profile, reference_date=date(2026, 3, 2)).status == "eligible"
    both = evaluate_all([prog], profile, reference_dates={"p1": date(2026, 3, 2)})
    assert both["p1"].status == "eligible"
    assert "(2026-03-02 기준)" in both["p1"].reason_for("years")


def test_an_older_years_rule_says_so_in_every_reason() -> None:
    # 171017 청년 소셜벤처 기업 육성사업 (인천), joongdo.co.kr 20250710010003479 (2025 rule).
    prog = program("창업 7년 이내 초기기업 대표자", target_year=2025)
    verdict = evaluate(prog, firm(founded="2024-01-01"))
    assert prog.target_basis == "2025 기준"
    assert all(r.endswith("(2025 기준)") for r in verdict.reasons)


def test_an_older_years_date_window_leaves_the_firm_open_never_a_wrong_no() -> None:
    # 171117 속초시 생애 첫 창업지원금 (2025 rule, recorded "2025 기준"): its 2026 call dates its
    # own window, so a firm outside the 2025 one is △, and the same rule as 2026's is still ×.
    text = (
        "2024년 1월1일 이후 속초시에서 생애 최초로 사업자등록을 마친 사업자로, 공고일 기준 "
        "별도 독립된 사업장을 두고 사업을 영위하는 소상공인"
    )
    old = program(text, name="속초시 생애 첫 창업지원금 지원", level="지자체", region="강원",
                  institution="속초시", target_year=2025)  # fmt: skip
    verdict = evaluate(old, firm(founded="2023-05-01", region="강원", district="속초시"))
    assert verdict.status == "maybe" and "years" in verdict.uncertain
    assert "(2025 기준) — 날짜 구간은 해마다 바뀝니다" in verdict.reason_for("years")
    current = program(text, name="속초시 생애 첫 창업지원금 지원", level="지자체", region="강원",
                      institution="속초시")  # fmt: skip
    refused = evaluate(current, firm(founded="2023-05-01", region="강원", district="속초시"))
    assert refused.status == "ineligible" and refused.failed == ("years",)
    # a relative rule of an older year still decides ("창업 7년 이내", 171017's 2025 rule)
    seven = program("창업 7년 이내 초기기업 대표자", target_year=2025)
    assert evaluate(seven, firm(founded="2015-01-01")).status == "ineligible"


def test_the_exclusion_of_pre_founders_is_applied() -> None:
    # 171333, call 176720 (2026): 신청 제외 "예비창업자".
    prog = program(
        "경남도 내 AI 산업분야 업력 10년 이내 창업기업", exclusion="예비창업자; 수혜 이력 2회 이상"
    )
    assert evaluate(prog, firm(pre_founding=True, fields=["AI"])).status == "ineligible"


def test_the_embedded_real_programs_follow_the_same_rules() -> None:
    by_kid = {p.kstartup_id: p for p in load_embedded().programs}
    call = by_kid["170002"]  # the 2026 초기창업패키지 call's own window
    assert call.eligibility.founded_from == date(2023, 1, 23)
    assert CALL + "176019" not in call.url  # the program keeps its own 사업소개 page


# --------------------------------------------------------------------------- texts that settle
# 지원대상 texts we hold whose every clause the notice's semantics decide: each was △ for every
# profile (a clause quoted as not understood) although nothing in it is left to check.

NOTICE = "https://www.bizinfo.go.kr/sii/siia/selectSIIA200Detail.do?pblancId=PBLN_000000000116904"


@pytest.mark.parametrize(
    "text",
    [
        # 170083 K-스타트업 그랜드 챌린지, 2026 통합공고 (NOTICE, 글로벌 3).
        "외국 국적을 보유한 예비창업자 및 7년 이내 창업기업",
        # 170086 글로벌 스타트업센터(GSC) 운영, 2026 통합공고 (NOTICE, 글로벌 6).
        "외국 국적자로서 한국 내 창업을 희망하는 예비 또는 7년 이내 기술창업기업",
    ],
)
def test_a_foreign_nationality_is_the_foreign_founder_group(text: str) -> None:
    prog = program(text)
    assert prog.eligibility.foreign and prog.eligibility.unparsed == ""
    foreign = evaluate(prog, firm(founded="2024-01-01", foreign_founder=True))
    assert foreign.status == "eligible", foreign.reasons
    korean = evaluate(prog, firm(founded="2024-01-01"))
    assert korean.status == "ineligible" and korean.failed == ("foreign",)
    assert "외국인 창업자 대상 ('외국 국적" in korean.reason_for("foreign")
    assert evaluate(prog, firm(pre_founding=True, foreign_founder=True)).status == "eligible"


def test_a_rule_for_foreigners_among_others_is_no_foreign_requirement() -> None:
    # call 177427 (2026): a rule for the foreigners who apply, beside "연령 무관, 창업 7년 이내".
    text = (
        "연령 무관, 창업 7년 이내의 창업자 ᄋ 외국인의 경우, 만료일자가 입주기간을 초과하지 않는 "
        "외국인등록증을 보유하거나, 재외국민 국내거소신고증 또는 외국국적동포 국내거소신고증 보유"
    )
    elig = program(text).eligibility
    assert not elig.foreign  # never a refusal of a Korean founder on it
    assert "외국인의 경우" in elig.unparsed  # kept △ and quoted


@pytest.mark.parametrize(
    ("fields", "status"),
    [(["ICT"], "eligible"), (["AI"], "eligible"), ([], "maybe"), (["농식품"], "maybe")],
)
def test_field_words_before_the_applicant_are_a_field_condition(
    fields: list[str], status: str
) -> None:
    # 170054 K-Global 창업멘토링(ICT 혁신기업 멘토링), 2026 통합공고 (NOTICE, 멘토링 4). ICT and
    # AI cut across domains, so a firm of another field is asked, not refused.
    prog = program("ICT, AI/AX 예비창업자(팀) 및 창업기업 대표자")
    assert prog.eligibility.unparsed == ""
    verdict = evaluate(prog, firm(founded="2024-01-01", fields=fields))
    assert verdict.status == status, verdict.reasons
    if not fields:
        assert "분야를 고르면 판정" in verdict.reason_for("field")


def test_a_domain_named_before_the_applicant_rules_out_other_domains() -> None:
    # 170036 해양신산업 인큐베이팅 지원 사업 and 170022 예술분야 창업기업 지원, 2026 통합공고.
    sea = program("해양수산 예비 창업자 및 창업기업")
    assert evaluate(sea, firm(pre_founding=True, fields=["해양수산"])).status == "eligible"
    other = evaluate(sea, firm(pre_founding=True, fields=["AI"]))
    assert other.status == "ineligible" and other.failed == ("field",)
    arts = program("10년 이내 예술기업")
    assert evaluate(arts, firm(founded="2020-01-01", fields=["콘텐츠"])).status == "eligible"


@pytest.mark.parametrize(
    "text",
    [
        # 171218 대전 서구 창업허브센터 (2026 통합공고): a preference, not a field condition.
        "대전 서구 소재 (예비)기술창업기업 / 핀테크기업 우대 ※ 관외기업일 경우 지원대상 확정 후 "
        "3개월 이내 서구로 주사업장 이전조건으로 사업참여",
        # call 176904 (2026): another program's tenants, named in brackets.
        "지역 관계없이 7년 미만의 기창업자 ※과천시 지식정보타운 무상임대 입주기업(푸드테크기업) "
        "모집과 중복지원 불가",
        # call 176825 (2026): a list this reading would take only in part.
        "고양특례시에 소재하거나 이전 가능한 ICT 및 디지털 헬스케어 기업",
        # call 176365 (2026): the partner, not the applicant.
        "우수한 기술력을 보유한 기술기업과 뛰어난 디자인역량을 보유한 디자인기업과의 협업을 희망하는 컨소시엄",
    ],
)
def test_a_field_word_that_is_no_condition_of_the_applicant_is_not_read_as_one(text: str) -> None:
    assert program(text).eligibility.fields == ()


def test_a_wish_for_investment_is_no_investment_record_but_a_corporation_is_a_condition() -> None:
    # 171076 경북의 저력 딥테크부스터 프로그램 (2026 call, PBLN_000000000118910).
    text = (
        "투자유치를 희망하는 7년 이내 법인(지역 무관) - (필수사항) 선정기업은 3개월 이내 해당 지자체 "
        "내 본사, 연구소, 공장 이전(설립) 중 1개 이상 필수(포항시, 구미시, 경주시, 경산시, 칠곡군)"
    )
    elig = program(text, level="광역", region="경북", institution="경상북도").eligibility
    assert not any(c.startswith("투자 유치") for c in elig.open_conditions)
    assert any(c.startswith("법인 사업자: '법인") for c in elig.open_conditions)
    # "법인 또는 개인사업자" (call 176588) is either kind of business.
    either = program("창업 5년 이내 법인 또는 개인사업자").eligibility
    assert either.open_conditions == () and either.unparsed == ""


@pytest.mark.parametrize(
    "text",
    [
        # 171061 이차전지 스타트업 육성 플랫폼 구축 사업, call 176895 (2026).
        "예비 창업자 또는 창업 7년 이내의 사업자 *충북도 외 소재 기업의 경우 협약 기간 완료 후 "
        "1년 이내 이전 확약 필요",
        # 171070 전남형청년창업사관학교 운영 (2026, PBLN_000000000120868).
        "18세 이상 ~ 45세 이하 예비 또는 5년 이내 창업자 전라남도 거주자 및 전입 예정자(타 시ᆞ도 "
        "거주자) ※ 자세한 신청자격 공고문 참조",
        # 171296 군산 STAY 창업가 주거지원사업 (2026 통합공고).
        "만19~49세 이하 군산시 (예비)창업가 및 창업기업의 직원 ※ 계약 후 1개월 내 군산시 전입, "
        "6개월 내 관내 창업가능자",
        # 171402 글로벌 교류·투자유치 지원사업, call 176497 (2026).
        "부산시 소재(본사 기준), 공고일 기준 업력 7년 이내(신산업분야는 10년 이내) 기술창업기업; "
        "해외 프로그램(전시회, 상담회, 컨퍼런스 등) 참가 예정인 기업",
        # 171158 서울창업허브 창동 운영 (2026 통합공고): "… 분야 등" is an example.
        "뉴미디어 분야 등 글로벌 진출이 가능한 스타트업(창업 후 7년 미만)",
        # 171157 서울창업허브 M+ 운영 (2026 통합공고): wishes.
        "대·중소기업과의 협력 및 글로벌 진출 등을 희망하는 창업기업",
    ],
)
def test_duties_wishes_examples_and_roles_are_not_leftovers(text: str) -> None:
    elig = program(text).eligibility
    assert elig.unparsed == "" and elig.open_conditions == ()


def test_an_rnd_consortium_lead_is_understood_and_kept_open() -> None:
    # 170039 AX혁신기업창의기술개발 (2026 통합공고): no 업력 limit, but the lead must be an SME in
    # a consortium — named as that condition, not as a clause not understood.
    elig = program("(주관)중소·벤처기업 (참여)대기업·중견·중소기업").eligibility
    assert elig.unparsed == ""
    assert len(elig.open_conditions) == 1
    assert elig.open_conditions[0].startswith("R&D 컨소시엄 주관기관: '")


def test_a_relocation_tail_leaves_the_move_condition_and_nothing_to_check() -> None:
    # 171296 군산 STAY: a 서울 founder may apply on moving in within a month of the contract.
    text = (
        "만19~49세 이하 군산시 (예비)창업가 및 창업기업의 직원 ※ 계약 후 1개월 내 군산시 전입, "
        "6개월 내 관내 창업가능자"
    )
    prog = program(text, level="기초", region="전북", institution="군산시")
    verdict = evaluate(prog, firm(pre_founding=True, ceo_age=30, region="서울"))
    assert verdict.status == "eligible", verdict.reasons
    assert "선정 후 이전 조건" in verdict.reason_for("region")
    assert evaluate(prog, firm(pre_founding=True, ceo_age=50, region="서울")).status == "ineligible"


@pytest.mark.parametrize(
    ("founded", "status"),
    [("2024-01-01", "eligible"), ("2018-01-01", "maybe"), ("2015-01-01", "ineligible")],
)
def test_a_startup_under_a_misnamed_law_is_still_the_laws_startup(
    founded: str, status: str
) -> None:
    # 170085 K-스타트업 센터 사업 (2026, PBLN_000000000116741): 창업기업 is the 창업지원법's term
    # (7 years, 10 for 신산업) although the text cites 중소기업기본법.
    text = "중소기업기본법 제2조에 따른 중소기업이면서 중소기업 기본법 제2조에 따른 창업기업"
    prog = program(text)
    assert prog.eligibility.unparsed == ""
    verdict = evaluate(prog, firm(founded=founded, as_of="2026-03-01"))
    assert verdict.status == status, verdict.reasons


def test_north_korean_defectors_are_a_founder_group() -> None:
    # 170062 경영컨설팅 지원사업 (통일부, 남북하나재단), 2026 통합공고 (NOTICE, 멘토링 12).
    prog = program("북한이탈주민 (예비)창업자")
    assert prog.eligibility.defector and prog.eligibility.unparsed == ""
    assert evaluate(prog, firm(pre_founding=True, defector=True)).status == "eligible"
    other = evaluate(prog, firm(pre_founding=True))
    assert other.status == "ineligible" and other.failed == ("defector",)
    assert (
        other.reason_for("defector")
        == "북한이탈주민 대상 ('북한이탈주민') — 프로필에 북한이탈주민 미표시"
    )
    # 170034 기창업자 경영개선자금: the group decides for others; the rest stays to check.
    loan = program("사업자등록증 기준 만 6개월 이상 영업 중인 북한이탈주민 개인사업자")
    assert evaluate(loan, firm(founded="2024-01-01")).status == "ineligible"
    assert evaluate(loan, firm(founded="2024-01-01", defector=True)).status == "maybe"


def test_a_group_that_labels_one_kind_of_a_list_is_no_requirement() -> None:
    # call 176405 아산 상회 스타트업 (2026): "대표자가 다음 유형 중 하나에 해당 - 북한이탈주민: … -
    # 이주배경주민: … - 외국인: …" — any one of the kinds, so neither group rules a founder out.
    text = (
        "2. 대표자가 다음 유형 중 하나에 해당 - 북한이탈주민: 북한이탈주민자격증명서 보유자 - "
        "이주배경주민: 결혼이민자, 귀화자 및 그 자녀 등 - 외국인: 외국인등록증 보유자"
    )
    elig = program(text).eligibility
    assert not elig.defector and not elig.foreign
    assert "북한이탈주민:" in elig.unparsed  # kept △ and quoted


@pytest.mark.parametrize(
    ("founded", "status"),
    [("2024-01-01", "eligible"), ("2018-01-01", "maybe"), ("2012-01-01", "maybe")],
)
def test_a_startup_without_a_band_is_the_laws_startup_asked_not_refused(
    founded: str, status: str
) -> None:
    # 171218 대전 서구 창업허브센터 (2026 통합공고): "(예비)기술창업기업" states no 업력 band; a
    # 창업기업 is one within 7 years of founding (「중소기업창업 지원법」 제2조), so a firm of 8 or 14
    # years is asked, never silently admitted (nor refused on a reading).
    text = (
        "대전 서구 소재 (예비)기술창업기업 / 핀테크기업 우대 ※ 관외기업일 경우 지원대상 확정 후 "
        "3개월 이내 서구로 주사업장 이전조건으로 사업참여"
    )
    prog = program(text, level="기초", region="대전", institution="대전광역시 서구")
    verdict = evaluate(
        prog, firm(founded=founded, region="대전", district="서구", as_of="2026-03-01")
    )
    assert verdict.status == status, verdict.reasons
    if status == "maybe":
        assert "지원대상의 '기술창업기업'으로 추정" in verdict.reason_for("years")
    # a text that also admits firms of any age keeps none: "도내 창업기업 및 중소·벤처기업" (171272)
    assert program("도내 창업기업 및 중소·벤처기업, 투자기관 등").eligibility.years_max is None


def test_a_wish_read_whole_leaves_an_old_firm_asked_not_admitted() -> None:
    # 171157 서울창업허브 M+ 운영 (2026 통합공고): nothing left to check for a young firm; a firm
    # of 14 years is asked (창업기업 is the law's 7 years), never a silent yes.
    prog = program("대·중소기업과의 협력 및 글로벌 진출 등을 희망하는 창업기업")
    assert evaluate(prog, firm(founded="2024-01-01", as_of="2026-03-01")).status == "eligible"
    assert evaluate(prog, firm(founded="2012-01-01", as_of="2026-03-01")).status == "maybe"
    assert evaluate(prog, firm(pre_founding=True)).status == "ineligible"


# 170015 에코스타트업, the 2026 notice's own 지원대상 cell: five kinds of applicant, numbered ①–⑤.
ECO = "①예비창업자 ②창업기업(업력 7년 이내) ③39세 이하의 예비창업자 ④39세 이하가 대표인 3년 이내의 창업기업 ⑤그 외 특화창업기업"


def test_circled_item_numbers_survive_cleaning_and_are_not_read_as_digits() -> None:
    # NFKC would turn "③39세" into "339세"; the item numbers stay, full-width digits still fold.
    assert clean_cell("③39세 이하 ７년") == "③39세 이하 7년"
    assert split_tracks(ECO)[:2] == ["①예비창업자", "②창업기업(업력 7년 이내)"]


@pytest.mark.parametrize(
    ("profile", "status"),
    [
        # ① admits any 예비창업자: a 50-year-old is not refused by ③'s 39세 band (was ×).
        ({"pre_founding": True, "ceo_age": 50}, "eligible"),
        ({"founded": "2024-03-01", "ceo_age": 45}, "eligible"),  # ② 7년 이내
        # Past 7 years only ⑤ '그 외 특화창업기업' is left, read as the law's 창업기업: △, never ○.
        ({"founded": "2015-03-01", "ceo_age": 45}, "maybe"),
    ],
)
def test_circled_kinds_of_applicant_are_alternatives(profile: dict, status: str) -> None:
    verdict = evaluate(program(ECO), firm(**profile, as_of="2026-03-01"))
    assert verdict.status == status, verdict.reasons


def test_circled_conditions_to_meet_together_stay_together() -> None:
    # 171074 강진: "①~③요건 모두 충족" — one list of conditions, not three tracks.
    both = "①~③요건 모두 충족 ①공고일 기준 만 19~45세 ②공고일 기준 2개월 이상 강진군에 주민등록을 두고 거주 ③강진 관내 사업장"
    assert split_tracks(both) == [both]
    # 171406 인천: ① an age, ② 예비 or 7년 이내 — no item admits only one kind: one track.
    incheon = (
        "① 공고일 기준 대표자가 만 39세 이하 ② 예비창업자 또는 인천광역시인 7년 이내 창업자(기업)"
    )
    assert split_tracks(incheon) == [incheon]


# --------------------------------------------------------------------------- 창업·벤처기업


@pytest.mark.parametrize(
    "text",
    [
        # 171304 데모데이 및 투자자 매칭데이 운영 (관악구), 2026 통합공고 p.52, 멘토링 1.
        "관악구 소재 창업·벤처기업",
        "관악구 소재 벤처·창업기업",
        "관악구 소재 창업 및 벤처기업",
    ],
)
def test_startup_or_venture_is_seven_years_or_a_venture_of_any_age(text: str) -> None:
    # A 창업기업 (「중소기업창업 지원법」 제2조, 7 years) or a 벤처기업 (any age): the profile
    # has no 벤처 flag, so an older firm is asked — never refused, never a silent ○.
    prog = program(text, level="기초", region="서울", institution="관악구")
    young = firm(founded="2022-03-01", region="서울", district="관악구", as_of="2026-03-01")
    old = firm(founded="2013-03-01", region="서울", district="관악구", as_of="2026-03-01")
    assert evaluate(prog, young).status == "eligible"
    assert "중 창업기업(「중소기업창업 지원법」 7년 이내) 충족" in evaluate(prog, young).reason_for(
        "years"
    )
    verdict = evaluate(prog, old)
    assert verdict.status == "maybe", verdict.reasons
    assert "벤처기업이면 신청 가능 — 벤처기업 확인 필요" in verdict.reason_for("years")
    assert not any("창업기업 대상" in r and "충족" in r for r in verdict.reasons)
    assert "성장" in prog.stages


def test_a_venture_beside_smes_of_any_age_is_no_age_rule() -> None:
    # call "수원 소재 중소·벤처·창업기업" (calls_2026_h1): a 중소기업 of any age is admitted.
    assert program("수원 소재 중소·벤처·창업기업").eligibility.years_max is None
    # a band the text states decides: "대구·경북 소재* 7년 미만 창업·벤처기업으로서 …"
    elig = program(
        "대구·경북 소재*  7년 미만 창업·벤처기업으로서 투자유치를 희망하는 기업"
    ).eligibility
    assert (elig.years_max, elig.years_max_inclusive, elig.years_or_venture) == (7, False, False)


def test_years_not_yet_passed_is_within_n_years() -> None:
    # 171182 영등포구 중소기업 창업지원센터, 2026 통합공고 p.67, 시설 28: "… 7년이 지나지 아니한"
    # is the 중소기업창업 지원법's wording for "7년 이내".
    text = (
        "입주일부터 3개월 이내에 중소·벤처기업 설립이 가능한 예비 창업자 - 중소·벤처기업 "
        "설립한 날부터 7년이 지나지 아니한 자"
    )
    prog = program(text, level="기초", region="서울", institution="영등포구")
    assert (prog.eligibility.years_max, prog.eligibility.years_max_inclusive) == (7, True)
    old = firm(founded="2013-03-01", region="서울", district="영등포구", as_of="2026-03-01")
    verdict = evaluate(prog, old)
    assert verdict.status == "ineligible"
    assert "'설립한 날부터 7년이 지나지 아니한' 초과" in verdict.reason_for("years")
    assert program("창업 후 3년이 지나지 않은 기업").eligibility.years_max == 3
