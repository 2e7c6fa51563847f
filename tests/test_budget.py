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


# ------------------------------------------------------------------ budget text as published
# Patterns seen in real K-Startup and notice text (shared/README "Budget text as published").


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(예산현황) 640백만 원", 6.4),
        ("(예산현황) 850백만 원", 8.5),
        ("12 억원", 12.0),
        ("24 억원", 24.0),
        ("3,000 천원", 0.03),  # 3,000 × 1,000원 = 300만원
        ("500 만 원", 0.05),
        ("120백만 원 (군)", 1.2),  # a funding-source tag after the amount is not an amount
        ("55.5백만 원(시비)", 0.555),
        ("1,200백만원('26년)", 12.0),  # the year is not money
        ("1조 2,000억원", 12_000.0),
        ("3억 5천만원", 3.5),
    ],
)
def test_units_with_spaces_inside_and_around(text, expected):
    result = parse_budget(text)
    assert result.eok == pytest.approx(expected)
    assert result.warning is None and not result.assumed_unit


def test_a_total_followed_by_its_breakdown_is_the_total():
    result = parse_budget("18억원(도비 7억, 시비 11억)")
    assert result.eok == 18.0
    assert [(p.source, p.eok) for p in result.parts] == [("도비", 7.0), ("시비", 11.0)]


@pytest.mark.parametrize(
    ("text", "header_unit"),
    [
        ("도비 2억, 시비 1억", None),
        ("도비 2, 시비 1", "억원"),
        ("도비 200백만원 시비 100백만원", None),
    ],
)
def test_parts_without_a_total_are_summed_and_kept(text, header_unit):
    result = parse_budget(text, header_unit)
    assert result.eok == pytest.approx(3.0)
    assert [(p.source, p.eok) for p in result.parts] == [("도비", 2.0), ("시비", 1.0)]
    assert "도비 2억 + 시비 1억 = 3억원" in result.warning


def test_a_stated_sum_is_the_total_and_a_mismatch_is_reported():
    assert parse_budget("도비 2억 + 시비 1억 = 3억원").eok == 3.0
    assert parse_budget("도비 2억 + 시비 1억 = 3억원").warning is None
    wrong = parse_budget("총 3억 (도비 2억, 시비 2억)")
    assert wrong.eok == 3.0
    assert "재원별 합계 4억원이 총액 3억원과 다릅니다" in wrong.warning


@pytest.mark.parametrize(
    "text", ["2197Gym", "Gym2197", "ab12cd", "12가나", "KS-2197", "x9", "v1.2"]
)
def test_digits_glued_to_text_are_not_a_budget(text):
    result = parse_budget(text)
    assert result.eok is None
    assert "다른 글자에 붙어 있어" in result.warning
    assert text in result.warning


@pytest.mark.parametrize(
    "text", ["(지원규모) 40개사", "2026년", "'26년", "40개사 내외", "3만명", "100%"]
)
def test_years_and_counts_are_not_money(text):
    assert parse_budget(text).eok is None


@pytest.mark.parametrize("text", ["비예산", "-", "미정"])
def test_placeholders_are_no_budget_and_say_so(text):
    result = parse_budget(text)
    assert result.eok is None
    assert "금액 없음" in result.warning


def test_a_bare_number_is_the_notice_unit_and_says_so():
    assert parse_budget("24").assumed_unit
    assert parse_budget("24", "백만원").eok == 0.24
    assert not parse_budget("24", "백만원").assumed_unit


@pytest.mark.parametrize("value", [float("inf"), float("-inf"), "1e400"])
def test_non_finite_numbers_are_not_a_budget(value):
    assert parse_budget(value).eok is None
