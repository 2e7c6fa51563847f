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


def strip_control(text: str) -> str:
    """Remove control characters (openpyxl refuses them; they also break CSV viewers)."""
    return _CONTROL.sub("", text)


def clean_cell(value: object) -> str:
    """Turn a spreadsheet cell into clean display text.

    NFKC folds full-width letters and digits ("ＡＩ", "１２３") into ASCII, then whitespace runs
    (including non-breaking spaces and line breaks) collapse to one space.
    """
    if value is None:
        return ""
    if isinstance(value, float):
        if value != value:  # NaN
            return ""
        if value.is_integer():
            value = int(value)
    text = unicodedata.normalize("NFKC", str(value))
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
