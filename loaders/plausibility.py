"""Does a loaded row, or a whole load, look like a notice at all?

A file of random text under a valid header loads: every row has a "사업명". Rows whose name and
text cells look like noise — no Korean word anywhere, a random mix of letters, digits and
symbols, Hangul syllables almost never used in Korean, an implausible length — are still loaded
(an English-only name such as "TIPS" can be real, and nothing is lost) but reported as
*suspicious*, so the load summary, ``navigator load --json`` and ``--strict`` can say so. A
loaded total above the year's published total (data/notice_totals.csv) is flagged too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from itertools import pairwise
from typing import Protocol

__all__ = ["MAX_NAME_LENGTH", "catalogue_flags", "noise_reasons"]

# The longest program name in the 2026 notice is under 60 characters; a cell ten times longer is
# a paragraph pasted into the name column.
MAX_NAME_LENGTH = 200

_HANGUL_WORD = re.compile(r"[가-힣]{2,}")
_HANGUL = re.compile(r"[가-힣]")
_LETTER = re.compile(r"[^\W\d_]")
# Separators inside real names ("K-Startup", "R&D", "AI·빅데이터", "Born2Global").
_SPLIT = re.compile(r"[\s\-_.·,/&+()\[\]{}:;'\"]+")


def _char_class(ch: str) -> str:
    if ch.isdigit():
        return "d"
    if ch.isascii() and ch.isalpha():
        return "u" if ch.isupper() else "l"
    if _HANGUL.match(ch):
        return "h"
    return "s"


def _random_mix(token: str) -> bool:
    """True for tokens like "2197Gym", "xK9q", "a#3Zp!": several switches of character class.

    CamelCase words switch once ("Startup" none, "KStartup" one) and real mixed names such as
    "Born2Global" keep long runs; noise switches often within a short token.
    """
    if len(token) < 3:
        return False
    classes = [_char_class(c) for c in token]
    switches = sum(1 for a, b in pairwise(classes) if a != b)
    has_digit = "d" in classes
    has_alpha = any(c in "ulh" for c in classes)
    if has_digit and has_alpha and classes[0] == "d" and classes[-1] != "d":
        return True  # digits glued in front of letters: "2197Gym"
    return switches >= 3 and switches * 2 >= len(token)


def _rare_syllables(text: str) -> int:
    """Hangul syllables outside KS X 1001's 2,350 common ones (random Hangul is mostly these)."""
    rare = 0
    for ch in _HANGUL.findall(text):
        try:
            # CPython's euc-kr writes the other syllables as 8-byte make-up sequences.
            common = len(ch.encode("euc-kr")) == 2
        except UnicodeEncodeError:
            common = False
        rare += not common
    return rare


def noise_reasons(name: str, texts: Sequence[str] = ()) -> list[str]:
    """Why a row with program name ``name`` and text cells ``texts`` looks like noise (or ``[]``).

    ``texts`` are the row's other free-text cells (지원대상, 지원내용, 사업개요, 기관): a name
    without Korean is fine when they are Korean ("TIPS" with a Korean target), not when the
    whole row has no Korean word.

    >>> noise_reasons("예비창업패키지")
    []
    >>> noise_reasons("2197Gym")[0]
    "사업명 '2197Gym'이(가) 무작위 문자 조합으로 보입니다"
    """
    reasons: list[str] = []
    shown = name if len(name) <= 30 else name[:29] + "…"
    if len(name) > MAX_NAME_LENGTH:
        reasons.append(f"사업명이 {len(name):,}자로 비정상적으로 깁니다")
    if not _LETTER.search(name):
        reasons.append(f"사업명 '{shown}'에 글자가 없습니다 (숫자·기호뿐)")
        return reasons
    syllables = len(_HANGUL.findall(name))
    rare = _rare_syllables(name)
    if rare >= 2 and rare * 4 >= syllables:
        reasons.append(
            f"사업명 '{shown}'에 거의 쓰이지 않는 한글 음절이 {rare}개 있습니다 (무작위 글자로 보임)"
        )
    if _HANGUL_WORD.search(name):
        return reasons
    mixed = [t for t in _SPLIT.split(name) if _random_mix(t)]
    if mixed:
        reasons.append(f"사업명 '{shown}'이(가) 무작위 문자 조합으로 보입니다")
    elif not any(_HANGUL_WORD.search(t) for t in texts if t):
        reasons.append(f"사업명 '{shown}'과 이 행의 글자 칸 어디에도 한글 단어가 없습니다")
    return reasons


class _Budgeted(Protocol):
    @property
    def year(self) -> int | None: ...
    @property
    def budget_eok(self) -> float | None: ...


class _Totals(Protocol):
    @property
    def programs(self) -> int: ...
    @property
    def budget_total_eok(self) -> float: ...


def catalogue_flags(programs: Iterable[_Budgeted], totals: Mapping[int, _Totals]) -> list[str]:
    """Sentences flagging a load that holds more than the year's notice published.

    A loaded budget total above the published total of its notice year is a unit error, a
    duplicated file or noise read as amounts; so is a program count above the published one.
    Years without published totals are not judged.
    """
    count: dict[int, int] = {}
    budget: dict[int, float] = {}
    for p in programs:
        if p.year is None:
            continue
        count[p.year] = count.get(p.year, 0) + 1
        if p.budget_eok is not None:
            budget[p.year] = budget.get(p.year, 0.0) + p.budget_eok
    flags: list[str] = []
    for year in sorted(count):
        published = totals.get(year)
        if published is None:
            continue
        total = budget.get(year, 0.0)
        if total > published.budget_total_eok:
            flags.append(
                f"{year}년 사업의 예산 합계 {total:,.0f}억원이 {year} 통합공고 공표 총액 "
                f"{published.budget_total_eok:,.0f}억원보다 큽니다 "
                f"({total / published.budget_total_eok:.1f}배) — 예산 단위나 중복·잡음 행을 확인하세요"
            )
        if count[year] > published.programs:
            flags.append(
                f"{year}년 사업 {count[year]:,}개가 {year} 통합공고 공표 사업 수 "
                f"{published.programs:,}개보다 많습니다 — 중복이나 잡음 행을 확인하세요"
            )
    return flags
