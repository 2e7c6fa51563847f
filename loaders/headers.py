"""Header variants: which spreadsheet column feeds which :class:`Program` field.

Notices are re-typed by every ministry and local government, so the same column appears as
"사업명", "지원사업명", "사업 명" … Known variants map exactly (after normalisation); unseen ones
fall back to rapidfuzz similarity above :data:`FUZZY_THRESHOLD`. Every decision is returned as a
:class:`HeaderMatch` so the load report can show how each header was mapped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from loaders.textnorm import norm_key

__all__ = [
    "FIELD_LABELS",
    "FUZZY_THRESHOLD",
    "HEADER_VARIANTS",
    "HeaderMatch",
    "match_header",
    "unit_from_header",
]

# field -> known header spellings. Order inside a list does not matter; keys are compared after
# norm_key (spacing, punctuation and brackets ignored), so "예산(억원)" needs no own entry unless
# the unit matters (units are read separately by unit_from_header).
HEADER_VARIANTS: dict[str, tuple[str, ...]] = {
    "name": (
        "사업명",
        "지원사업명",
        "사업 명",
        "세부사업명",
        "사업명칭",
        "프로그램명",
        "지원사업",
        "사업이름",
        "program_name",
        "name",
    ),
    "level": ("구분", "중앙지자체구분", "중앙/지자체", "소관구분", "사업구분", "level", "기관구분"),
    "ministry": ("소관부처", "부처명", "부처", "소관", "소관부처명", "광역지자체", "ministry"),
    "institution": (
        "기관명",
        "지자체",
        "지자체명",
        "소관기관",
        "소관부처지자체",
        "소관부처·지자체",
        "기초지자체",
        "시군구",
        "institution",
        "ministry_or_region",
    ),
    "region": ("지역", "시도", "시·도", "소재지", "광역시도", "region"),
    "support_type": (
        "지원유형",
        "사업유형",
        "지원분야",
        "유형",
        "지원형태",
        "분야",
        "support_type",
        "사업분야",
    ),
    "budget": (
        "예산",
        "예산억원",
        "예산백만원",
        "사업비",
        "총사업비",
        "예산액",
        "사업예산",
        "예산현황",
        "budget_eok",
        "budget",
    ),
    "target": ("지원대상", "신청자격", "신청대상", "대상", "지원자격", "참여대상", "target"),
    "content": ("지원내용", "사업내용", "주요내용", "지원내역", "content"),
    "summary": ("사업개요", "사업소개", "개요", "사업목적", "summary"),
    "agency": ("전담기관", "수행기관", "주관기관", "운영기관", "전담주관기관", "agency"),
    "contact": ("문의처", "연락처", "문의", "전화번호", "담당부서", "contact"),
    "url": ("url", "링크", "상세url", "홈페이지", "바로가기", "상세페이지"),
    "apply_period": ("신청기간", "접수기간", "모집기간", "신청시기", "공고시기", "apply_period"),
    "year": ("연도", "사업연도", "년도", "year"),
    "citation": ("출처", "자료출처", "근거", "source"),
    "kstartup_id": ("kstartupid", "k-startup id", "사업id", "kstartup_id"),
    "row_no": ("번호", "연번", "순번", "no"),
    # Columns of the embedded dataset (data/build_embedded.py) a notice file may also carry.
    "exclusion": ("신청제외대상", "지원제외대상", "신청제외", "제외대상", "exclusion"),
    "target_year": ("지원대상기준연도", "지원대상연도", "target_year"),
    "calls": ("모집공고", "공고번호", "모집공고번호", "calls", "pbanc_sn"),
    "fact_sources": ("항목별출처", "fact_sources"),
}

# Korean display names for the report.
FIELD_LABELS: dict[str, str] = {
    "name": "사업명",
    "level": "구분(중앙/지자체)",
    "ministry": "소관부처",
    "institution": "기관(지자체)",
    "region": "지역(시·도)",
    "support_type": "지원유형",
    "budget": "예산",
    "target": "지원대상",
    "content": "지원내용",
    "summary": "사업개요",
    "agency": "전담기관",
    "contact": "문의처",
    "url": "URL",
    "apply_period": "신청기간",
    "year": "연도",
    "citation": "출처",
    "kstartup_id": "K-Startup ID",
    "row_no": "번호",
    "exclusion": "신청제외대상",
    "target_year": "지원대상 기준연도",
    "calls": "모집공고",
    "fact_sources": "항목별 출처",
}

FUZZY_THRESHOLD = 85.0

_EXACT: dict[str, str] = {}
for _field, _variants in HEADER_VARIANTS.items():
    for _v in _variants:
        _EXACT[norm_key(_v, drop_year=False)] = _field
        _EXACT[norm_key(_v, drop_year=False, drop_brackets=True)] = _field
_CHOICES = list(_EXACT)
# A unit is read only where headers put one: inside brackets, after "단위", or as a suffix
# ("예산억원"). A bare "원" elsewhere is part of words such as 지원.
_UNIT_IN_BRACKETS = re.compile(
    r"[\(\[（［]\s*(?:단위\s*[:：]?\s*)?(천억원|억원|백만원|천원|만원|원|억)\s*[\)\]）］]"
)
_UNIT_AFTER_LABEL = re.compile(r"단위\s*[:：]?\s*(천억원|억원|백만원|천원|만원|원|억)")
_UNIT_SUFFIX = re.compile(r"(천억원|억원|백만원|천원|만원)$")


@dataclass(frozen=True, slots=True)
class HeaderMatch:
    """How one header cell was mapped: ``method`` is "exact", "fuzzy" or "unmapped"."""

    column: int
    header: str
    field: str | None
    method: str
    score: float = 0.0

    def describe(self) -> str:
        """One line for the report, e.g. ``'예산(백만원)' → 예산 (exact)``."""
        if self.field is None:
            return f"'{self.header}' → (사용 안 함)"
        target = FIELD_LABELS.get(self.field, self.field)
        detail = f"fuzzy {self.score:.0f}" if self.method == "fuzzy" else self.method
        return f"'{self.header}' → {target} ({detail})"


def _keys(header: str) -> list[str]:
    # "예산(억원)" / "예산 (단위: 백만원)": dropping brackets also drops the unit.
    keys = [
        norm_key(header, drop_year=False),
        norm_key(header, drop_year=False, drop_brackets=True),
    ]
    return [k for k in dict.fromkeys(keys) if k]


def match_header(
    header: str, column: int = 0, *, threshold: float = FUZZY_THRESHOLD
) -> HeaderMatch:
    """Map one header cell to a field, exactly if known, else by rapidfuzz similarity.

    Fuzzy matching uses ``fuzz.ratio`` on normalised text (not partial ratios, which would map
    any header containing "사업" to the name column).
    """
    text = header.strip()
    keys = _keys(text)
    for key in keys:
        if key in _EXACT:
            return HeaderMatch(column, text, _EXACT[key], "exact", 100.0)
    best: tuple[str, float] | None = None
    for key in keys:
        found = process.extractOne(key, _CHOICES, scorer=fuzz.ratio, score_cutoff=threshold)
        if found and (best is None or found[1] > best[1]):
            best = (found[0], float(found[1]))
    if best:
        return HeaderMatch(column, text, _EXACT[best[0]], "fuzzy", best[1])
    return HeaderMatch(column, text, None, "unmapped", 0.0)


def unit_from_header(header: str) -> str | None:
    """The budget unit named in a header ("예산(백만원)" → "백만원"), or None."""
    text = header.strip()
    found = (
        _UNIT_IN_BRACKETS.search(text)
        or _UNIT_AFTER_LABEL.search(text)
        or _UNIT_SUFFIX.search(text.replace(" ", ""))
    )
    if not found:
        return None
    unit = found.group(1)
    return "억원" if unit == "억" else unit
