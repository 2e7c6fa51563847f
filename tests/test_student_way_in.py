"""A second way into a local program's area for students (issue 10): "○○에 거주하거나 도내 소재
대학(원)에 재학 중인". The profile records whether the founder is a 대학(원)생, not where the
university is, so a student living elsewhere is asked (never refused); without the box ticked the
area rule stands and the reason names the other way in.
"""

from __future__ import annotations

import pytest

from graph.eligibility import evaluate
from tests.test_notice_rules import firm, program

CASES = [
    # 171037 경기도 대학생 융합기술 창업지원 (경기도), 2026 통합공고 지원대상 (2025 기준 text).
    (
        "경기도에 거주하거나 도내 소재 대학(원)에 재학 중인 39세 이하 청년 예비창업자 및 3년 이내 "
        "초기 창업자",
        "경기도 대학생 융합기술 창업지원",
        "경기",
        "경기도",
        "도내 소재 대학(원)에 재학",
    ),
    # 171339 창창한 창업스쿨 (전북), 2026 통합공고 지원대상.
    (
        "도내 거주 또는 재·휴학 중인 예비창업자(일반인, 재직자, 대학(원)생 등) - 제조 기반의 "
        "아이디어 제품이 있거나 판매 계획 중인 자",
        "창창한 창업스쿨",
        "전북",
        "전북특별자치도",
        "재·휴학 중인",
    ),
]


@pytest.mark.parametrize(("text", "name", "sido", "institution", "quote"), CASES)
def test_a_student_elsewhere_is_asked_not_refused(
    text: str, name: str, sido: str, institution: str, quote: str
) -> None:
    prog = program(text, name=name, level="광역", region=sido, institution=institution)
    student = firm(pre_founding=True, ceo_age=23, region="서울", student=True, as_of="2026-03-01")
    verdict = evaluate(prog, student)
    assert "region" not in verdict.failed, verdict.reasons
    reason = verdict.reason_for("region")
    assert "지역 내 대학(원) 재학생이면 신청 가능" in reason and f"('{quote}')" in reason
    # without the 대학(원)생 box the place rule stands, and says what would open it
    other = evaluate(prog, firm(pre_founding=True, ceo_age=23, region="서울", as_of="2026-03-01"))
    assert "region" in other.failed
    assert "프로필에 대학(원)생 미표시" in other.reason_for("region")
    # a resident meets the place rule as before
    local = firm(pre_founding=True, ceo_age=23, region=sido, as_of="2026-03-01")
    assert "region" not in evaluate(prog, local).failed


def test_a_plain_residence_rule_gets_no_student_way_in() -> None:
    # 171104 우리지역 스타기업 만들기 (함안군): "함안군에 사업자등록을 둔 …" — no university named.
    prog = program("공고일 기준 함안군에 사업자등록을 둔 대표자 만 19세 이상 49세 이하 청년 기업")
    assert prog.eligibility.region_or_student == ""
