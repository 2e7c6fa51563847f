"""The word 창업기업 carries the law's 7 years even beside a stated lower band.

171215 대전 창업성장캠퍼스 활성화 사업 (notice cell): "업력 3년 이상, 대전광역시 소재 창업기업 또는
입주계약 후 2개월 이내 주소 이전 기업(본사 또는 지사, 기업부설연구소)". Only a lower band is
stated; a 창업기업 is one within 7 years of founding (「중소기업창업 지원법」 제2조). The upper bound
is read, not stated, so a firm past it is asked about (△) — it had been ○ for a 14-year-old firm.
"""

from __future__ import annotations

import pytest

from graph.eligibility import evaluate
from loaders.eligibility_text import parse_target
from loaders.model import Program
from tests.test_notice_rules import firm, program

DAEJEON = (
    "업력 3년 이상, 대전광역시 소재 창업기업 또는 입주계약 후 2개월 이내 주소 이전 기업"
    "(본사 또는 지사, 기업부설연구소)"
)


def _program(target: str) -> Program:
    return program(
        target, name="대전 창업성장캠퍼스 활성화 사업", level="지자체", region="대전",
        institution="대전광역시",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("founded", "status", "quote"),
    [
        ("2012-01-01", "maybe", "7년 이내로 해석"),  # past the law's 7 years: asked, never ○
        ("2021-01-01", "eligible", "'3년 이상' 충족"),
        ("2025-01-01", "ineligible", "'3년 이상' 미달"),  # the stated band still refuses
    ],
)
def test_a_lower_band_beside_the_word_changeopgieop(founded: str, status: str, quote: str) -> None:
    verdict = evaluate(
        _program(DAEJEON), firm(founded=founded, ceo_age=50, region="대전", as_of="2026-06-01")
    )
    assert verdict.status == status, verdict.reasons
    assert any(quote in r for r in verdict.reasons), verdict.reasons


def test_a_stated_upper_band_or_any_firm_is_not_capped() -> None:
    # A stated band decides on its own; a text admitting 중소기업 of any age gets no 7-year cap.
    assert not parse_target("업력 3년 이상 10년 이내 창업기업").years_max_read
    assert parse_target("업력 3년 이상 10년 이내 창업기업").years_max == 10
    assert not parse_target("업력 3년 이상 창업기업 및 중소기업").years_max_read
    assert parse_target(DAEJEON).years_max_read
