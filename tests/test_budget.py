"""Budget parser on the K-Startup "(예산현황) … / (지원규모) …" convention and unit edge cases."""

from __future__ import annotations

import pytest

from loaders.budget import parse_budget


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "(예산현황) 24억원(충남도비 9.24억, 천안시비 15.7억) / (지원규모) 스타트업 95개사 내외",
            24.0,
        ),
        ("(예산현황) ‘25년 24.09억원 / (지원규모) 연간 15개사 내외", 24.09),
        (
            "(예산현황) 51.1억원, (지원규모) (1인 창조기업 지원센터) 전국 총 47개, (사업화) 160개 내외",
            51.1,
        ),
        ("(예산현황) 130억원 / (지원규모) 협업 스타트업 120개사 내외", 130.0),
        ("(예산현황) 285백만원 / (지원규모) 10개사", 2.85),
    ],
)
def test_kstartup_budget_text(text, expected):
    assert parse_budget(text).eok == pytest.approx(expected)


def test_non_budget_program_with_scale_on_next_line_is_missing_not_the_scale():
    result = parse_budget("(예산현황) 비예산\r\n(지원규모) 10개사")
    assert result.eok is None
    assert "비예산" in result.warning


@pytest.mark.parametrize("text", ["95개사", "10명", "30%"])
def test_counts_are_not_money(text):
    assert parse_budget(text).eok is None
