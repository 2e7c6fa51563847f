"""Korean program search that tolerates spacing, punctuation, typos and everyday abbreviations.

Founders type names the way they heard them: "예비 창업 패키지", "예비창업패키지(2026)", with a
slip of the keyboard, "예비창엄패키지", or as everyone says it, "예창패". Every comparison
therefore runs on :func:`norm_key` text (no spaces, punctuation or year prefixes); typo
tolerance compares names decomposed into jamo (NFD), so one wrong final consonant costs one
letter out of ~20 instead of a whole syllable; and a query that is one of the
:data:`loaders.vocab.SEARCH_ALIASES` words is also searched as the other words of its group
(예창패 → 예비창업패키지, 팁스 ↔ TIPS, 재창업 ↔ 재도전). Latin words match whole words only, so
"AI" does not hit "KAIST".

Hits come in tiers so that exact matches always rank above guesses: the name equals the query
(or an alias), the name contains it, another field (summary, target, institution …) contains
it, every word of the query appears somewhere, then guesses — a fuzzy name match, and for a
query of several words of which no program has all, the programs with some of them. Scores
are on a 0–100 scale and only order results; ``matched`` says which tier produced the hit so a
UI can label guesses, ``via`` which alias found it. :func:`rank_by_status` puts the programs a
firm can apply for first, without dropping any.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

from loaders.model import Program
from loaders.textnorm import norm_key, norm_text
from loaders.vocab import SEARCH_ALIASES, STATUSES

__all__ = [
    "GUESSES",
    "SearchHit",
    "SearchIndex",
    "build_index",
    "expand_query",
    "rank_by_status",
    "search",
    "search_ids",
]

# Tier bases (see module docstring); within a tier, a query covering more of the name ranks higher.
_EXACT = 100.0
_NAME = 90.0
_TEXT = 78.0
_TOKENS = 72.0
_FUZZY_SCALE = 0.7  # a fuzzy score of 100 maps to 70, below every literal hit
_PARTIAL = 50.0  # + up to 10 for the share of the query's words found
_ALIAS_COST = 1.0  # an alias hit ranks just below the same hit for the words typed

# Jamo-level partial_ratio needed for a typo match. When the query also matched literally
# somewhere, only near-identical names (one or two jamo off) are added, so "초기창업패키지"
# does not drag every "…창업패키지" along.
FUZZY_CUTOFF = 85.0
FUZZY_CUTOFF_WITH_LITERAL = 92.0
# Queries shorter than this (in syllables/letters after normalisation) are matched literally
# only: two syllables have too few letters for a typo to be told apart from another word.
FUZZY_MIN_LEN = 3
# Words shorter than this do not count towards a partial ("some words") match.
PARTIAL_MIN_LEN = 2

# ``matched`` values that are guesses rather than literal matches.
GUESSES: frozenset[str] = frozenset({"유사 이름", "일부 단어"})

_LATIN_WORD = re.compile(r"[a-z0-9]*[a-z][a-z0-9]*")


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One ranked result.

    ``matched`` is "이름 일치", "이름", "내용", "단어", "유사 이름" or "일부 단어" (the last two
    are :data:`GUESSES`); ``via`` is the alias the hit was found through, as written in
    :data:`loaders.vocab.SEARCH_ALIASES` ("예비창업패키지" for a search of "예창패"), else "".
    """

    program_id: str
    score: float
    matched: str
    via: str = ""


@dataclass(frozen=True, slots=True)
class SearchIndex:
    """Normalised keys of a catalogue, built once and reused for every query.

    ``*_keys`` are :func:`norm_key` text (no separators), ``*_words`` :func:`norm_text` text
    (words kept apart) for whole-word matching of Latin words.
    """

    ids: tuple[str, ...]
    name_keys: tuple[str, ...]
    name_jamo: tuple[str, ...]
    text_keys: tuple[str, ...]
    name_words: tuple[str, ...] = ()
    text_words: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.ids)


@dataclass(frozen=True, slots=True)
class _Term:
    """A word to look for: its key, the alias it stands for ("" for the words typed)."""

    key: str
    via: str = ""

    def found_in(self, key: str, words: str) -> bool:
        if not _LATIN_WORD.fullmatch(self.key):
            return self.key in key
        # A Latin word must not sit inside a longer Latin word ("ai" in "kaist"); Hangul or a
        # separator around it is fine ("ai창업교육", "g-space@tips").
        pattern = _whole_word(self.key)
        return bool(pattern.search(key) or pattern.search(words))


@cache
def _whole_word(key: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z]){re.escape(key)}(?![a-z])")


def _jamo(key: str) -> str:
    """Hangul syllables decomposed into conjoining jamo (typo distance per letter)."""
    return unicodedata.normalize("NFD", key)


def _parts(p: Program) -> Iterable[str]:
    return (
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


def _text_key(p: Program) -> str:
    # Each field keyed separately and joined with "|" so a query cannot match across a boundary.
    return "|".join(k for k in (norm_key(x, drop_year=False) for x in _parts(p) if x) if k)


def _text_words(p: Program) -> str:
    return " | ".join(w for w in (norm_text(x) for x in _parts(p) if x) if w)


@cache
def _alias_groups() -> dict[str, tuple[tuple[str, str], ...]]:
    """norm_key of every alias word → the (key, spelling) of the other words of its group."""
    table: dict[str, tuple[tuple[str, str], ...]] = {}
    for group in SEARCH_ALIASES:
        keyed = [(norm_key(w), w) for w in group]
        for k, _ in keyed:
            table[k] = tuple((other, w) for other, w in keyed if other != k)
    return table


def expand_query(query: str) -> tuple[str, ...]:
    """The other words ``query`` is also searched as (its alias group), as written in the table.

    >>> expand_query("예창패")
    ('예비창업패키지',)
    >>> expand_query("창업")
    ()
    """
    return tuple(w for _, w in _alias_groups().get(norm_key(query), ()))


def _terms(key: str) -> list[_Term]:
    """``key`` itself, then its aliases."""
    return [_Term(key), *(_Term(k, w) for k, w in _alias_groups().get(key, ()))]


def build_index(programs: Sequence[Program]) -> SearchIndex:
    """Normalise every program once; pass the result to :func:`search` for each query."""
    name_keys = tuple(norm_key(p.name) for p in programs)
    return SearchIndex(
        ids=tuple(p.program_id for p in programs),
        name_keys=name_keys,
        name_jamo=tuple(_jamo(k) for k in name_keys),
        text_keys=tuple(_text_key(p) for p in programs),
        name_words=tuple(norm_text(p.name) for p in programs),
        text_words=tuple(_text_words(p) for p in programs),
    )


def search(
    index: SearchIndex | Sequence[Program], query: str, *, limit: int | None = None
) -> list[SearchHit]:
    """Programs matching ``query``, best first (ties keep catalogue order).

    An empty query (after normalisation) returns ``[]``: "no search" is the caller's decision,
    not a match-everything. Example (``programs`` a catalogue's programs)::

        search(programs, "예비 창업 패키지")   # 예비창업패키지 first
        search(programs, "예창패")             # the same, via its abbreviation
    """
    if not isinstance(index, SearchIndex):
        index = build_index(index)
    qkey = norm_key(query)
    if not qkey:
        return []
    name_words = index.name_words or index.name_keys
    text_words = index.text_words or index.text_keys
    terms = _terms(qkey)
    tokens = [t for t in (norm_key(w) for w in norm_text(query).split()) if t]
    token_terms = [_terms(t) for t in tokens] if len(tokens) > 1 else []
    best: dict[int, SearchHit] = {}

    def offer(i: int, score: float, matched: str, via: str = "") -> None:
        if via:
            score -= _ALIAS_COST
        current = best.get(i)
        if current is None or score > current.score:
            best[i] = SearchHit(index.ids[i], round(score, 1), matched, via)

    for i, (name, text) in enumerate(zip(index.name_keys, index.text_keys, strict=True)):
        for term in terms:
            if name == term.key:
                offer(i, _EXACT, "이름 일치", term.via)
            elif term.found_in(name, name_words[i]):
                offer(i, _NAME + 9.0 * len(term.key) / len(name), "이름", term.via)
            elif term.found_in(text, text_words[i]):
                offer(i, _TEXT, "내용", term.via)
        if token_terms and i not in best:
            found = [next((t for t in alts if t.found_in(text, text_words[i])), None)
                     for alts in token_terms]  # fmt: skip
            if all(found):
                via = " ".join(t.via for t in found if t is not None and t.via)
                offer(i, _TOKENS, "단어", via)

    literal = bool(best)
    if len(qkey) >= FUZZY_MIN_LEN:
        cutoff = FUZZY_CUTOFF_WITH_LITERAL if literal else FUZZY_CUTOFF
        for _choice, score, i in process.extract(
            _jamo(qkey), index.name_jamo, scorer=fuzz.partial_ratio, score_cutoff=cutoff, limit=None
        ):
            if i not in best:
                offer(i, score * _FUZZY_SCALE, "유사 이름")

    if not literal and token_terms:
        # No program has every word: those with some of them, more words first.
        counted = [alts for alts in token_terms if len(alts[0].key) >= PARTIAL_MIN_LEN]
        for i, text in enumerate(index.text_keys):
            n = sum(any(t.found_in(text, text_words[i]) for t in alts) for alts in counted)
            if n:
                offer(i, _PARTIAL + 10.0 * n / len(token_terms), "일부 단어")

    ranked = sorted(best.items(), key=lambda kv: (-kv[1].score, kv[0]))
    hits = [hit for _, hit in ranked]
    return hits if limit is None else hits[:limit]


def rank_by_status(hits: Sequence[SearchHit], status_of: Mapping[str, str]) -> list[SearchHit]:
    """``hits`` with the programs a firm can apply for first: ○, then △, then × (never dropped).

    Within a status the search order is kept. ``status_of`` maps program ids to a verdict
    status (:data:`loaders.vocab.STATUSES`); a program without one, or with another value
    (no profile given), ranks with △, so without any verdict the order is the search's.

    >>> hits = [SearchHit("x", 100.0, "이름 일치"), SearchHit("o", 90.0, "이름")]
    >>> [h.program_id for h in rank_by_status(hits, {"x": "ineligible", "o": "eligible"})]
    ['o', 'x']
    """
    order: dict[str, int] = {s: i for i, s in enumerate(STATUSES)}
    middle = order["maybe"]
    return sorted(hits, key=lambda h: order.get(status_of.get(h.program_id, ""), middle))


def search_ids(index: SearchIndex | Sequence[Program], query: str) -> list[str]:
    """Just the ranked program ids (convenience for filters)."""
    return [h.program_id for h in search(index, query)]
