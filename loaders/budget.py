"""Budget cells to 억원, whatever unit the header or the cell uses.

Notices write budgets as numbers under a unit header ("예산(백만원)" + "1,234"), as text with a
unit ("10억원", "500(백만원)", "1조 2,000억원"), or as the K-Startup convention
"(예산현황) 24억원 / (지원규모) 95개사". Placeholders ("미정", "-", "별도", "비예산") become missing
*with a warning*, so nothing is silently zero.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["MAX_PLAUSIBLE_EOK", "UNIT_TO_EOK", "BudgetParse", "parse_budget"]

UNIT_TO_EOK: dict[str, float] = {
    "조원": 10_000.0,
    "조": 10_000.0,
    "천억원": 1_000.0,
    "억원": 1.0,
    "억": 1.0,
    "천만원": 0.1,
    "백만원": 0.01,
    "만원": 0.0001,
    "천원": 0.000_01,
    "원": 0.000_000_01,
}
# The whole 2024 notice was 37,121억원; a single program above this is a unit or typing error.
MAX_PLAUSIBLE_EOK = 40_000.0

_PLACEHOLDERS = {
    "미정",
    "-",
    "–",
    "—",
    "별도",
    "비예산",
    "해당없음",
    "없음",
    "추후",
    "미확정",
    "추후확정",
    "n/a",
    "na",
    "tbd",
    "x",
    "?",
    ".",
}
_NUMBER = r"[-−]?\d[\d,]*(?:\.\d+)?"
_AMOUNT = re.compile(rf"({_NUMBER})\s*(조원|조|천억원|억원|억|천만원|백만원|만원|천원|원)?")
_JO_EOK = re.compile(rf"({_NUMBER})\s*조\s*({_NUMBER})\s*억")
_BRACKET_UNIT = re.compile(
    r"[\(（]\s*(?:단위\s*[:：]?\s*)?(천억원|억원|백만원|천원|만원|원)\s*[\)）]"
)
# "(예산현황) 24억원 / (지원규모) 95개사": the amount lives before "/" or "(지원규모)".
_BUDGET_SECTION = re.compile(r"\(예산현황\)\s*(.*?)\s*(?:/|\(지원규모\)|$)")
# Numbers that are not money: "'25년" (a year), "95개사", "10명", "30%".
_NOT_MONEY_AFTER = re.compile(r"^\s*(?:년|개|명|회|%|차|건|팀|곳)")


@dataclass(frozen=True, slots=True)
class BudgetParse:
    """Result of parsing one budget cell: 억원 value (or None) and a warning for the report.

    ``assumed_unit`` is True when neither cell nor header named a unit and 억원 was assumed; the
    loader reports that once per column rather than once per cell.
    """

    eok: float | None
    warning: str | None = None
    assumed_unit: bool = False


def _to_float(number: str) -> float:
    return float(number.replace(",", "").replace("−", "-"))


def parse_budget(value: object, header_unit: str | None = None) -> BudgetParse:
    """Parse a budget cell into 억원.

    ``header_unit`` is the unit read from the column header (see
    :func:`loaders.headers.unit_from_header`); a unit written in the cell wins over it. A bare
    number under a header without a unit is taken as 억원 (the notice's own unit) and says so.
    """
    if value is None:
        return BudgetParse(None)
    if isinstance(value, bool):
        return BudgetParse(None, f"예산 값 '{value}'을(를) 숫자로 읽을 수 없습니다")
    if isinstance(value, (int, float)):
        if value != value:  # NaN
            return BudgetParse(None)
        return _finish(float(value), header_unit, str(value), from_header=True)
    text = " ".join(str(value).split())
    if not text:
        return BudgetParse(None)
    section = _BUDGET_SECTION.search(text)
    if section:
        text = section.group(1).strip()
    if text.lower().strip("()[] ") in _PLACEHOLDERS or text.strip("()[] ") in _PLACEHOLDERS:
        return BudgetParse(None, f"예산 '{text}' → 금액 없음(비어 있음)으로 처리")
    jo = _JO_EOK.search(text)
    if jo:
        return _finish(_to_float(jo.group(1)) * 10_000 + _to_float(jo.group(2)), "억원", text)
    candidates = [
        m
        for m in _AMOUNT.finditer(text)
        if not (m.group(2) is None and _NOT_MONEY_AFTER.match(text[m.end() :]))
    ]
    with_unit = [m for m in candidates if m.group(2)]
    match = with_unit[0] if with_unit else (candidates[0] if candidates else None)
    if not match:
        return BudgetParse(None, f"예산 '{text}'에서 금액을 찾지 못했습니다 → 비어 있음으로 처리")
    number, unit = match.group(1), match.group(2)
    if unit is None:
        bracket = _BRACKET_UNIT.search(text)
        unit = bracket.group(1) if bracket else None
    if unit is None:
        return _finish(_to_float(number), header_unit, text, from_header=True)
    return _finish(_to_float(number), unit, text)


def _finish(amount: float, unit: str | None, raw: str, *, from_header: bool = False) -> BudgetParse:
    assumed = unit is None and from_header
    unit = unit or "억원"
    eok = amount * UNIT_TO_EOK[unit]
    if eok < 0:
        return BudgetParse(None, f"예산 '{raw}'이(가) 음수입니다 → 비어 있음으로 처리")
    if eok > MAX_PLAUSIBLE_EOK:
        return BudgetParse(
            None,
            f"예산 '{raw}'({unit})은 {eok:,.0f}억원으로 통합공고 전체보다 큽니다 — 단위를 확인하세요",
        )
    return BudgetParse(round(eok, 6), None, assumed)
