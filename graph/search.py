"""Korean program search that tolerates spacing, punctuation and typos.

Founders type names the way they heard them: "예비 창업 패키지", "예비창업패키지(2026)", or with a
slip of the keyboard, "예비창엄패키지". Every comparison therefore runs on :func:`norm_key` text
(no spaces, punctuation or year prefixes), and typo tolerance compares names decomposed into
jamo (NFD), so one wrong final consonant costs one letter out of ~20 instead of a whole syllable.

Hits come in tiers so that exact matches always rank above guesses: the name equals the query,
the name contains it, another field (summary, target, institution …) contains it, every word of
the query appears somewhere, and finally a fuzzy name match. Scores are on a 0–100 scale and only
order results; ``matched`` says which tier produced the hit so a UI can label guesses.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from loaders.model import Program
from loaders.textnorm import norm_key, norm_text

__all__ = ["SearchHit", "SearchIndex", "build_index", "search", "search_ids"]

# Tier bases (see module docstring); within a tier, a query covering more of the name ranks higher.
_EXACT = 100.0
_NAME = 90.0
_TEXT = 78.0
_TOKENS = 72.0
_FUZZY_SCALE = 0.7  # a fuzzy score of 100 maps to 70, below every literal hit

# Jamo-level partial_ratio needed for a typo match. When the query also matched literally
# somewhere, only near-identical names (one or two jamo off) are added, so "초기창업패키지"
# does not drag every "…창업패키지" along.
FUZZY_CUTOFF = 85.0
FUZZY_CUTOFF_WITH_LITERAL = 92.0
# Queries shorter than this (in syllables/letters after normalisation) are matched literally
# only: two syllables have too few letters for a typo to be told apart from another word.
FUZZY_MIN_LEN = 3


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One ranked result: ``matched`` is "이름 일치", "이름", "내용", "단어" or "유사 이름"."""

    program_id: str
    score: float
    matched: str


@dataclass(frozen=True, slots=True)
class SearchIndex:
    """Normalised keys of a catalogue, built once and reused for every query."""

    ids: tuple[str, ...]
    name_keys: tuple[str, ...]
    name_jamo: tuple[str, ...]
    text_keys: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.ids)


def _jamo(key: str) -> str:
    """Hangul syllables decomposed into conjoining jamo (typo distance per letter)."""
    return unicodedata.normalize("NFD", key)


def _text_key(p: Program) -> str:
    # Each field keyed separately and joined with "|" so a query cannot match across a boundary.
    parts: Iterable[str] = (
        p.name,
        p.summary,
        p.target_text,
        p.content_text,
        p.institution,
        p.agency,
        p.ministry,
        p.region,
        p.support_type,
        p.raw_support_type,
        *p.tech_fields,
        *p.stages,
    )
    return "|".join(k for k in (norm_key(x, drop_year=False) for x in parts if x) if k)


def build_index(programs: Sequence[Program]) -> SearchIndex:
    """Normalise every program once; pass the result to :func:`search` for each query."""
    name_keys = tuple(norm_key(p.name) for p in programs)
    return SearchIndex(
        ids=tuple(p.program_id for p in programs),
        name_keys=name_keys,
        name_jamo=tuple(_jamo(k) for k in name_keys),
        text_keys=tuple(_text_key(p) for p in programs),
    )


def search(
    index: SearchIndex | Sequence[Program], query: str, *, limit: int | None = None
) -> list[SearchHit]:
    """Programs matching ``query``, best first (ties keep catalogue order).

    An empty query (after normalisation) returns ``[]``: "no search" is the caller's decision,
    not a match-everything. Example::

        >>> hits = search(programs, "예비 창업 패키지")   # finds 예비창업패키지 first
    """
    if not isinstance(index, SearchIndex):
        index = build_index(index)
    qkey = norm_key(query)
    if not qkey:
        return []
    tokens = [t for t in (norm_key(w) for w in norm_text(query).split()) if t]
    best: dict[int, SearchHit] = {}

    def offer(i: int, score: float, matched: str) -> None:
        current = best.get(i)
        if current is None or score > current.score:
            best[i] = SearchHit(index.ids[i], round(score, 1), matched)

    for i, (name, text) in enumerate(zip(index.name_keys, index.text_keys, strict=True)):
        if name == qkey:
            offer(i, _EXACT, "이름 일치")
        elif qkey in name:
            offer(i, _NAME + 9.0 * len(qkey) / len(name), "이름")
        elif qkey in text:
            offer(i, _TEXT, "내용")
        elif len(tokens) > 1 and all(t in text for t in tokens):
            offer(i, _TOKENS, "단어")

    if len(qkey) >= FUZZY_MIN_LEN:
        cutoff = FUZZY_CUTOFF_WITH_LITERAL if best else FUZZY_CUTOFF
        for _choice, score, i in process.extract(
            _jamo(qkey), index.name_jamo, scorer=fuzz.partial_ratio, score_cutoff=cutoff, limit=None
        ):
            if i not in best:
                offer(i, score * _FUZZY_SCALE, "유사 이름")

    ranked = sorted(best.items(), key=lambda kv: (-kv[1].score, kv[0]))
    hits = [hit for _, hit in ranked]
    return hits if limit is None else hits[:limit]


def search_ids(index: SearchIndex | Sequence[Program], query: str) -> list[str]:
    """Just the ranked program ids (convenience for filters)."""
    return [h.program_id for h in search(index, query)]
