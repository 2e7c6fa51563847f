"""A founder-group word inside a list of applicant kinds is one kind among several, not a
requirement (issue 10): "카이스트 학생·교원, 스타트업 및 중소벤처기업" admits a startup without the
대학(원)생 box, and a student too. The rule fires only when the kind after the list separator
admits applicants outside the group on its own ("스타트업", "예비 창업자", "직장인", "국민");
a group word that qualifies the next kind ("여성 예비창업자 및 … 여성 대표자") or a list of group
members only ("재학생, 휴학생 및 졸업(예정자)") stays a requirement.
"""

from __future__ import annotations

import pytest

from graph.eligibility import evaluate
from loaders.eligibility_text import parse_target
from tests.test_notice_rules import firm, program

# 171027 혁신기술사업화 지원사업 (대전), the 2026 통합공고's own 지원대상 cell (중기부 공고
# 제2025-648호, 지방자치단체 표 대전 '혁신창업 및 기술사업화 플랫폼 운영' row).
KAIST = "카이스트 학생·교원, 스타트업 및 중소벤처기업"


def test_171027_reads_students_as_one_kind_beside_firms() -> None:
    elig = parse_target(KAIST)
    assert not elig.student
    # the firms need a business, the students listed beside them do not
    assert elig.founder == "pre_or_founded"
    founder = [e.phrase for e in elig.evidence if e.field == "founder"]
    assert founder == ["학생·교원, 스타트업 및 중소벤처기업"]


@pytest.mark.parametrize(
    "profile",
    [
        {"founded": "2022-03-01", "region": "대전"},  # a startup, no student box
        {"founded": "2010-03-01", "region": "대전"},  # an older 중소기업
        {"pre_founding": True, "ceo_age": 23, "region": "대전", "student": True},
        {"founded": "2025-03-01", "region": "대전", "student": True},
    ],
)
def test_171027_refuses_none_of_the_listed_kinds(profile: dict[str, object]) -> None:
    prog = program(
        KAIST, name="혁신기술사업화 지원사업", level="광역", region="대전", institution="대전광역시"
    )
    verdict = evaluate(prog, firm(as_of="2026-03-01", **profile))
    assert verdict.status != "ineligible", verdict.reasons
    assert "student" not in verdict.failed and "founder" not in verdict.failed


def test_171027_still_keeps_its_area() -> None:
    prog = program(
        KAIST, name="혁신기술사업화 지원사업", level="광역", region="대전", institution="대전광역시"
    )
    verdict = evaluate(prog, firm(as_of="2026-03-01", founded="2022-03-01", region="서울"))
    assert verdict.failed == ("region",)


@pytest.mark.parametrize(
    "text",
    [
        # call 178936 (대구 피지컬AI & 공공데이터 활용 세미나)
        "대학생,취업준비생,예비 창업자 및 현직 실무자",
        # call 177079 (제12회 보건의료빅데이터·AI 활용 창업경진대회)
        "국내 거주 국민 누구나(대학생, 예비 창업자, 기창업자 등)",
        # call 176800 (동작구 청년창업지원센터 전문가 컨설팅)
        "동작구민 및 관내 대학생, 직장인 (예비)창업자",
        # call 179158 (서울AI로봇쇼 피지컬 AI 포럼 참관객 모집)
        "피지컬 AI 및 로봇에 관심이 있는 기관/기업 관계자, 연구원, 학생, 일반시민 등",
    ],
)
def test_a_student_listed_among_other_kinds_is_no_requirement(text: str) -> None:
    assert not parse_target(text).student


def test_a_listed_student_opens_the_door_to_a_pre_founder() -> None:
    # call 179158: "기업 관계자" alone would read as an existing business only
    elig = parse_target(
        "피지컬 AI 및 로봇에 관심이 있는 기관/기업 관계자, 연구원, 학생, 일반시민 등"
    )
    assert elig.founder == "pre_or_founded"


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # call 177220: students or faculty who are (예비) 창업자 — the 창업자 is theirs
        ("창업에 관심있는 울산대학교 대학(원)생·교원(예비) 창업자", "student"),
        # call 179200: every listed kind is a student or graduate
        ("국내 대학 재학생, 휴학생 및 졸업(예정자)", "student"),
        # call 177146: numbered conditions that all apply
        (
            "아래 3가지 조건 모두 해당하는 개인 혹은 팀(대표자 기준) 1. 부산 소재 내 대학생, "
            "대학원생, 휴학생 2. 공고일 기준 만 39세 이하 3. 예비 창업가",
            "student",
        ),
        # call 179105: 여성 qualifies both kinds
        (
            "모집 공고일('26.9.1) 기준, 사업자 등록을 하지 않은 여성 예비창업자 및 창업 6개월 "
            "미만의 여성 대표자",
            "women",
        ),
        # call 178926
        ("리워드형 크라우드펀딩에 적합한 시제품을 보유한 예비 여성창업자 및 여성창업자", "women"),
        # call 177376
        ("부산지역 소재 여성 예비창업자", "women"),
    ],
)
def test_a_group_that_qualifies_every_kind_stays_a_requirement(text: str, flag: str) -> None:
    assert getattr(parse_target(text), flag)
