"""Korean text normalisation shared by search, header matching and duplicate detection.

Notice files and the K-Startup portal spell the same program with different spacing,
punctuation, brackets and year prefixes ("2026년 예비창업패키지", "예비 창업 패키지",
"(예비)창업패키지"). Every comparison goes through :func:`norm_key` so that these meet.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["clean_cell", "norm_key", "norm_text", "strip_control"]

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_YEAR_PREFIX = re.compile(r"(?:^|\s)(?:19|20)\d{2}\s*(?:년도?|년)?(?=\s|$|[^\d])|'\d{2}년")
_BRACKETED = re.compile(
    r"[\(\[\{（［｛【〔「『｢<〈《][^\)\]\}）］｝】〕」』｣>〉》]{0,40}[\)\]\}）］｝】〕」』｣>〉》]"
)
_NON_WORD = re.compile(r"[^0-9a-z가-힣ㄱ-ㅎㅏ-ㅣ]+")
# Circled numbers ①–⑳ number the items of a 지원대상 ("①예비창업자 ②창업기업(업력 7년 이내)
# ③39세 이하의 예비창업자", 170015). NFKC would fold them into plain digits and glue them to
# what follows ("339세 이하"), so display text keeps them.
_CIRCLED = re.compile(r"([\u2460-\u2473])")


def strip_control(text: str) -> str:
    """Remove control characters (openpyxl refuses them; they also break CSV viewers)."""
    return _CONTROL.sub("", text)


def clean_cell(value: object) -> str:
    """Turn a spreadsheet cell into clean display text.

    NFKC folds full-width letters and digits ("ＡＩ", "１２３") into ASCII (circled item numbers
    ①–⑳ excepted), then whitespace runs (including non-breaking spaces and line breaks) collapse
    to one space.
    """
    if value is None:
        return ""
    if isinstance(value, float):
        if value != value:  # NaN
            return ""
        if value.is_integer():
            value = int(value)
    text = "".join(
        piece if _CIRCLED.fullmatch(piece) else unicodedata.normalize("NFKC", piece)
        for piece in _CIRCLED.split(str(value))
    )
    text = strip_control(text.replace("\r", " ").replace("\n", " ").replace("\t", " "))
    return " ".join(text.split())


def norm_text(text: str) -> str:
    """Lower-cased NFKC text with runs of punctuation and space collapsed to one space."""
    text = unicodedata.normalize("NFKC", text or "").lower()
    return " ".join(_NON_WORD.sub(" ", text).split())


def norm_key(text: str, *, drop_brackets: bool = False, drop_year: bool = True) -> str:
    """A spacing- and punctuation-free key for matching Korean names.

    ``drop_year`` removes year prefixes such as "2026년" or "'26년"; ``drop_brackets`` also drops
    short bracketed qualifiers such as "(창업 트랙)". The result contains only Hangul, digits and
    lower-case Latin letters.
    """
    text = unicodedata.normalize("NFKC", text or "").lower()
    if drop_year:
        text = _YEAR_PREFIX.sub(" ", text)
    if drop_brackets:
        text = _BRACKETED.sub(" ", text)
    return _NON_WORD.sub("", text)
