"""Budget text to 억원: the one budget parser, for notice spreadsheets and K-Startup alike.

Notices write budgets as numbers under a unit header ("예산(백만원)" + "1,234"), as text with a
unit ("10억원", "500(백만원)", "1조 2,000억원", "3억 5천만원"), or as the K-Startup convention
"(예산현황) 24억원 / (지원규모) 95개사". Real text puts spaces inside and around units ("850백만
원", "24 억원", "3,000 천원"), tags an amount with its funding source ("120백만 원 (군)"), states a
total followed by its breakdown ("18억원(도비 7억, 시비 11억)" is 18억) or only the parts ("도비
2억, 시비 1억", summed to 3억 with the parts kept), and mixes in years and counts that are not
money ("1,200백만원('26년)", "(지원규모) 40개사").

A budget comes only from a number standing on its own, a number with a unit, or a known
placeholder ("미정", "-", "비예산" → no budget, said so). Digits glued to other text ("2197Gym")
are not a budget: the cell is reported instead of inventing 2,197억원.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from loaders.model import BudgetPart
from loaders.textnorm import clean_cell

__all__ = [
    "MAX_PLAUSIBLE_EOK",
    "UNIT_TO_EOK",
    "BudgetParse",
    "BudgetPart",
    "parse_budget",
    "parts_text",
]

UNIT_TO_EOK: dict[str, float] = {
    "조원": 10_000.0,
    "조": 10_000.0,
    "천억원": 1_000.0,
    "천억": 1_000.0,
    "억원": 1.0,
    "억": 1.0,
    "천만원": 0.1,
    "천만": 0.1,
    "백만원": 0.01,
    "백만": 0.01,
    "만원": 0.0001,
    "만": 0.0001,
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

# A unit may carry spaces inside ("백만 원", "천 원"); longer spellings first so that "백만원"
# is not read as "백만" followed by a stray "원".
_UNIT_WORDS: tuple[str, ...] = ("조원", "조", "천억원", "천억", "억원", "억", "천만원", "천만")
_UNIT_WORDS += ("백만원", "백만", "만원", "만", "천원", "원")
_UNIT_RE = "|".join(r"\s*".join(word) for word in _UNIT_WORDS)
_TOKEN = re.compile(rf"(?P<sign>[-−])?(?P<num>\d[\d,]*(?:\.\d+)?)(?:\s*(?P<unit>{_UNIT_RE}))?")
_BRACKET_UNIT = re.compile(
    r"[\(（\[]\s*(?:단위\s*[:：]?\s*)?(?P<unit>천\s*억\s*원|억\s*원|백\s*만\s*원|천\s*원|만\s*원|원)\s*[\)）\]]"
)
# "(예산현황) 24억원 / (지원규모) 95개사": the amount lives between "(예산현황)" and the next
# "(지원규모)", "/" or line break; "(지원규모) …" alone states no budget.
_BUDGET_HEAD = re.compile(r"\(\s*예산\s*현황\s*\)")
_BUDGET_END = re.compile(r"\(\s*지원\s*규모\s*\)|/|\r|\n")
_SCALE_HEAD = re.compile(r"\(\s*지원\s*규모\s*\)")
# Numbers that are not money when written without a unit: "95개사", "10명", "30%", "2026년".
_COUNT_AFTER = re.compile(
    r"^\s*(?:년|개|명|회|%|차|건|팀|곳|社|호|기|월|일|주|시간|배|세|위|종|점|과제|기업|인|편|권|석)"
)
_COUNT_UNITS = frozenset({"만", "천만", "백만", "억", "조", "천억"})
_WORD_END = re.compile(r"\S*$")
_WORD_START = re.compile(r"\S*")
# "'26년", "(’25)": a two-digit year after an apostrophe.
_APOSTROPHES = "'‘’`´"
# A funding source written before an amount: "도비 2억", "충남도비 9.24억", "국비: 10억".
_FUNDING_TAG = re.compile(
    r"(?P<tag>[가-힣]{0,6}(?:국비|국고|도비|시비|군비|구비|지방비|광역비|시도비|시군비|자부담"
    r"|자체부담|민간부담금|민간부담|민자|민간|기금|출연금))\s*[:：]?\s*$"
)
# Words that announce a total rather than a part: "총 3억", "합계 3억원", "총사업비 24억".
_TOTAL_TAG = re.compile(r"(?<![가-힣])(?:총|합계|계|총액|총사업비|총예산|사업비|예산)\s*[:：]?\s*$")


@dataclass(frozen=True, slots=True)
class BudgetParse:
    """Result of parsing one budget cell: 억원 value (or None) and a warning for the report.

    ``assumed_unit`` is True when neither cell nor header named a unit and 억원 was assumed; the
    loader reports that once per column rather than once per cell. ``parts`` are the amounts by
    funding source when the text states them (summed when no total is given). ``amount_text``
    is the part of the cell the amount was read from (the "(예산현황)" section for K-Startup).
    """

    eok: float | None
    warning: str | None = None
    assumed_unit: bool = False
    parts: tuple[BudgetPart, ...] = ()
    amount_text: str = ""


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    amount: float  # in the token's own unit
    unit: str | None  # canonical unit ("백만원"), None for a bare number
    text: str
    tag: str = ""  # funding source written before it ("도비")
    total: bool = False  # announced as a total ("총 3억", "= 3억")

    def eok(self, default_unit: str) -> float:
        return self.amount * UNIT_TO_EOK[self.unit or default_unit]


def _fmt(eok: float) -> str:
    return f"{eok:,.2f}".rstrip("0").rstrip(".") + "억"


def parts_text(parts: tuple[BudgetPart, ...], total: float | None) -> str:
    """ "도비 2억 + 시비 1억 = 3억원": the parts a budget was summed from, as one line."""
    left = " + ".join(f"{p.source} {_fmt(p.eok)}" for p in parts)
    return f"{left} = {_fmt(total)}원" if total is not None else left


def _to_float(number: str) -> float:
    return float(number.replace(",", ""))


def _section(raw: str) -> tuple[str, bool]:
    """The text that states the amount, and whether the cell says only 지원규모 (no budget)."""
    head = _BUDGET_HEAD.search(raw)
    if head:
        rest = raw[head.end() :]
        end = _BUDGET_END.search(rest)
        return clean_cell(rest[: end.start()] if end else rest), False
    scale = _SCALE_HEAD.search(raw)
    if scale:
        before = clean_cell(raw[: scale.start()])
        return before, not before
    return clean_cell(raw), False


def _tokens(text: str) -> tuple[list[_Token], list[str]]:
    """Money amounts in ``text`` and the glued digit runs that were not read as money."""
    tokens: list[_Token] = []
    glued: list[str] = []
    for m in _TOKEN.finditer(text):
        num = m.group("num")
        unit = "".join(m.group("unit").split()) if m.group("unit") else None
        pre = text[m.start() - 1] if m.start() else ""
        # A minus sign only at the start or after a space or bracket; "2024-25" is a range.
        negative = bool(m.group("sign")) and (not pre or pre.isspace() or pre in "(（[:：")
        start = m.start() if negative else m.start("num")
        end = m.end("unit") if unit else m.start("num") + len(num)
        before = text[start - 1] if start else ""
        after = text[end:]
        lead = text[:start]
        # Years: "'26년", "2026년", "2026. 3." are dates, not money.
        if before and before in _APOSTROPHES and len(num) == 2:
            continue
        if unit is None and re.match(r"\s*년", after):
            continue
        if (
            unit is None
            and re.fullmatch(r"(19|20)\d\d", num)
            and re.match(r"\s*[.\-/]\s*\d", after)
        ):
            continue
        if unit is None and _COUNT_AFTER.match(after):
            continue
        if unit in _COUNT_UNITS and _COUNT_AFTER.match(after):
            continue  # "3만명", "1억 건": counts in ten-thousands, not money
        glued_before = (
            before.isascii() and (before.isalnum() or before in "._") if before else False
        )
        if before == "-" and len(lead) > 1 and lead[-2].isascii() and lead[-2].isalnum():
            glued_before = True  # "A-3", "KS-2197"
        glued_after = unit is None and bool(after) and (after[0].isalpha() or after[0] == "_")
        if unit is None and "가" <= before <= "힣":
            # A bare number glued to a Korean word counts only after a known label ("도비2").
            glued_before = not (_FUNDING_TAG.search(lead) or _TOTAL_TAG.search(lead))
        if glued_before or glued_after:
            glued.append(_word_around(lead, text[start:end], after))
            continue
        tag = _FUNDING_TAG.search(lead)
        total = bool(_TOTAL_TAG.search(lead)) or lead.rstrip().endswith("=")
        tokens.append(
            _Token(
                start,
                end,
                _to_float(num) * (-1 if negative else 1),
                unit,
                text[start:end],
                tag.group("tag") if tag else "",
                total,
            )
        )
    return _compound(tokens, text), glued


def _word_around(lead: str, middle: str, after: str) -> str:
    """``middle`` with the non-space characters glued to it on both sides ("2197Gym")."""
    head = _WORD_END.search(lead)
    tail = _WORD_START.match(after)
    return (head.group(0) if head else "") + middle + (tail.group(0) if tail else "")


def _compound(tokens: list[_Token], text: str) -> list[_Token]:
    """Merge "1조 2,000억원" and "3억 5천만원" into one amount (a larger unit without 원 first)."""
    out: list[_Token] = []
    for tok in tokens:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.unit is not None
            and tok.unit is not None
            and not prev.unit.endswith("원")
            and UNIT_TO_EOK[prev.unit] > UNIT_TO_EOK[tok.unit]
            and not text[prev.end : tok.start].strip()
        ):
            eok = prev.eok("억원") + tok.eok("억원")
            out[-1] = _Token(
                prev.start, tok.end, eok, "억원", text[prev.start : tok.end], prev.tag, prev.total
            )
            continue
        out.append(tok)
    return out


def parse_budget(value: object, header_unit: str | None = None) -> BudgetParse:
    """Parse a budget cell (or K-Startup ``biz_supt_bdgt_info`` text) into 억원.

    ``header_unit`` is the unit read from the column header (see
    :func:`loaders.headers.unit_from_header`); a unit written in the cell wins over it. A bare
    number under a header without a unit is taken as 억원 (the notice's own unit) and says so
    (``assumed_unit``). Never raises: anything that is not a budget gives ``eok=None`` and a
    warning naming the text.
    """
    if value is None:
        return BudgetParse(None)
    if isinstance(value, bool):
        return BudgetParse(None, f"예산 값 '{value}'을(를) 숫자로 읽을 수 없습니다")
    if isinstance(value, (int, float)):
        if value != value:  # NaN
            return BudgetParse(None)
        if not math.isfinite(value):
            return BudgetParse(None, f"예산 값 '{value}'은(는) 금액이 아닙니다")
        return _finish(float(value), header_unit, str(value), assumed=header_unit is None)
    raw = str(value)
    text, scale_only = _section(raw)
    if scale_only:
        return BudgetParse(None, "예산현황 없이 지원규모만 적혀 있습니다 → 비어 있음으로 처리")
    if not text:
        return BudgetParse(None, "예산현황이 비어 있습니다" if _BUDGET_HEAD.search(raw) else None)
    bare = text.strip("()[] ")
    if text.lower().strip("()[] ") in _PLACEHOLDERS or bare in _PLACEHOLDERS:
        return BudgetParse(None, f"예산 '{text}' → 금액 없음(비어 있음)으로 처리", amount_text=text)
    tokens, glued = _tokens(text)
    if not tokens:
        if glued:
            return BudgetParse(
                None,
                f"예산 '{text}'의 숫자('{glued[0]}')가 다른 글자에 붙어 있어 금액으로 읽지 "
                "않았습니다 → 비어 있음으로 처리",
                amount_text=text,
            )
        return BudgetParse(
            None, f"예산 '{text}'에서 금액을 찾지 못했습니다 → 비어 있음으로 처리", amount_text=text
        )
    bracket = _BRACKET_UNIT.search(text)
    cell_unit = "".join(bracket.group("unit").split()) if bracket else None
    units = {t.unit for t in tokens if t.unit}
    # A bare number takes the unit written in brackets ("500(백만원)"), else the header's.
    default_unit = cell_unit or header_unit
    assumed = default_unit is None and any(t.unit is None for t in tokens)
    unit = default_unit or "억원"
    for tok in tokens:
        if tok.amount < 0:
            return _finish(tok.amount, tok.unit or unit, text)
    with_unit = [t for t in tokens if t.unit]
    candidates = with_unit or tokens
    assumed = assumed and not with_unit
    tagged = [t for t in candidates if t.tag and not t.total]
    parts = tuple(BudgetPart(t.tag, round(t.eok(unit), 6)) for t in tagged)
    stated = [t for t in candidates if t.total]
    first = candidates[0]
    if stated:
        # "도비 2억 + 시비 1억 = 3억원", "도비 2억, 시비 1억 (총 3억)": the stated total.
        chosen = stated[-1]
        result = _finish(chosen.amount, chosen.unit or unit, text, assumed=assumed)
        warning = result.warning
        if result.eok is not None and parts:
            summed = sum(p.eok for p in parts)
            if abs(summed - result.eok) > max(0.01, 0.01 * result.eok):
                warning = (
                    f"예산 '{text}': 재원별 합계 {_fmt(summed)}원이 총액 {_fmt(result.eok)}원과 "
                    "다릅니다 — 총액을 씁니다"
                )
        return BudgetParse(result.eok, warning, result.assumed_unit, parts, text)
    if not first.tag:
        # A total followed by its breakdown ("18억원(도비 7억, 시비 11억)") is the total.
        result = _finish(first.amount, first.unit or unit, text, assumed=assumed)
        return BudgetParse(result.eok, result.warning, result.assumed_unit, parts, text)
    if len(tagged) == 1:
        result = _finish(first.amount, first.unit or unit, text, assumed=assumed)
        return BudgetParse(result.eok, result.warning, result.assumed_unit, parts, text)
    # Only parts by funding source ("도비 2억, 시비 1억"): their sum, with the parts kept.
    summed = sum(t.eok(unit) for t in tagged)
    result = _finish(summed, "억원", text, assumed=False)
    if result.eok is None:
        return BudgetParse(None, result.warning, False, parts, text)
    note = f"재원별 금액을 더했습니다: {parts_text(parts, result.eok)}"
    if len(units) > 1 or assumed:
        note += " (단위 확인 필요)" if len(units) > 1 else " (단위가 없어 억원으로 읽음)"
    return BudgetParse(result.eok, note, assumed, parts, text)


def _finish(amount: float, unit: str | None, raw: str, *, assumed: bool = False) -> BudgetParse:
    unit = unit or "억원"
    eok = amount * UNIT_TO_EOK[unit]
    if eok < 0:
        return BudgetParse(None, f"예산 '{raw}'이(가) 음수입니다 → 비어 있음으로 처리")
    if eok > MAX_PLAUSIBLE_EOK:
        return BudgetParse(
            None,
            f"예산 '{raw}'({unit})은 {eok:,.0f}억원으로 통합공고 전체보다 큽니다 — 단위를 확인하세요",
        )
    return BudgetParse(round(eok, 6), None, assumed, amount_text=raw)
