"""The 17 시·도 and their spellings, so "서울", "서울시" and "서울특별시" meet.

Region is an eligibility constraint (a local program is for firms located in its area), so every
place name the loaders or a profile see is reduced to one short canonical 시·도 name here.
"""

from __future__ import annotations

import re

__all__ = ["NATIONWIDE", "SIDO", "SIDO_LONG", "canonical_sido", "find_sido_mentions"]

NATIONWIDE = "전국"

# Short canonical name -> official long forms and common variants (old names included, because
# older notices still say 강원도 / 전라북도).
SIDO_LONG: dict[str, tuple[str, ...]] = {
    "서울": ("서울특별시", "서울시"),
    "부산": ("부산광역시", "부산시"),
    "대구": ("대구광역시", "대구시"),
    "인천": ("인천광역시", "인천시"),
    "광주": ("광주광역시", "광주시"),
    "대전": ("대전광역시", "대전시"),
    "울산": ("울산광역시", "울산시"),
    "세종": ("세종특별자치시", "세종시"),
    "경기": ("경기도",),
    "강원": ("강원특별자치도", "강원도"),
    "충북": ("충청북도", "충북도"),
    "충남": ("충청남도", "충남도"),
    "전북": ("전북특별자치도", "전라북도", "전북도"),
    "전남": ("전라남도", "전남도"),
    "경북": ("경상북도", "경북도"),
    "경남": ("경상남도", "경남도"),
    "제주": ("제주특별자치도", "제주도"),
}
SIDO: tuple[str, ...] = tuple(SIDO_LONG)

_LOOKUP: dict[str, str] = {}
for _short, _longs in SIDO_LONG.items():
    _LOOKUP[_short] = _short
    for _long in _longs:
        _LOOKUP[_long] = _short
_NATIONWIDE_WORDS = {"전국", "전국단위", "nationwide", "중앙", "전지역"}

# Longest spellings first so "광주광역시" wins over "광주" and "경기도" over "경기".
_MENTION = re.compile("|".join(sorted(map(re.escape, _LOOKUP), key=len, reverse=True)))


def canonical_sido(text: str | None) -> str | None:
    """Return the short 시·도 name ("서울") for any spelling, "전국" for nationwide, else None.

    Accepts surrounding whitespace and a trailing 기초 name ("대전광역시 서구" -> "대전").
    """
    if not text:
        return None
    key = "".join(str(text).split())
    if key.lower() in _NATIONWIDE_WORDS:
        return NATIONWIDE
    if key in _LOOKUP:
        return _LOOKUP[key]
    first = str(text).split()[0] if str(text).split() else ""
    if first in _LOOKUP:
        return _LOOKUP[first]
    return None


def find_sido_mentions(text: str) -> list[str]:
    """All distinct 시·도 named in free text, in order of first mention (short names).

    Short names like "광주" also name a 기초 city in 경기 (광주시), so callers treat a bare mention
    as evidence, not proof; the eligibility parser only uses it next to words like 소재/거주.
    """
    seen: list[str] = []
    for match in _MENTION.finditer(text or ""):
        short = _LOOKUP[match.group(0)]
        if short not in seen:
            seen.append(short)
    return seen
