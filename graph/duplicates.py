"""Duplicated programs as analysts define them: the same help within reach of the same firm.

Audits (감사원, 국정감사, 예정처, 국무조정실) call two programs duplicated when *the same firm can be
funded twice for the same help*. So a pair has two parts, and both are shown:

**Same help** (``Pair.score``, 0–100, the threshold applies to it) — the higher of two readings:

* the *text score*, a weighted mean (:data:`WEIGHTS`) of ``name`` (rapidfuzz ``ratio`` of the
  names after :func:`~loaders.textnorm.norm_key`, leading places and generic endings stripped,
  as jamo), ``content`` (the same on the first :data:`LEAD_LEN` jamo of 지원내용, else 사업개요),
  ``type`` (the notice's same support type) and ``form`` (overlap of the forms of help read from
  name, summary and content, :data:`HELP_FORMS`) — the same scheme in other words;
* the *kind score* (:data:`KIND_WEIGHTS`), for two programs whose **main form of help**
  (:func:`help_kind`) is the same: a grant and a grant, a space and a space — the same kind, the
  same support type, the overlap of the forms and the text score, so that scores rank. It counts
  between two central programs, between two local programs whose places meet, and between a
  central and a local program whose names score at least :data:`COPY_NAME` and share a word of
  the scheme (:func:`scheme_words`) — otherwise every local grant would "repeat" every central
  one. Programs whose main forms differ are read by the text score less
  :data:`OTHER_KIND_PENALTY`.

A component one program lacks (no content, no recognisable form) is listed in ``Pair.missing``
and its weight shared by the others: absence of text is not evidence of difference.

**Reach** (``Pair.reach``) — whether one firm can be eligible for both, read from the same
eligibility model the finder judges firms with (:class:`loaders.model.Eligibility`,
:func:`graph.eligibility.program_area`), dimension by dimension:

* ``place`` — 시·도 and 시·군·구 (:func:`reach_area`): nationwide meets everything; two 시·도 never
  meet; a 시·도-wide program meets its 기초 governments; two 기초 governments meet only if they
  are the same; a local centre or space stays in its place even when anyone may apply (its
  tenants are located there). A local program whose place the data does not give is *unknown*,
  not a match and not a miss;
* ``stage`` — 예비/기창업 and the 업력 band, counted as the notice counts them ("3년 이내" and
  "3년 초과 7년 이내" do not meet);
* ``age`` — the age bands (a 청년 bound read as 만 39세 이하 is said to be a reading);
* ``groups`` — required groups (여성, 재창업, 대학생, 북한이탈주민 …) never separate two programs,
  they narrow the firms both reach, and the explanation says so;
* ``field`` — a field-specific program (:func:`design_fields`: a field its 지원대상 requires or
  its name names) is within reach of a general one for firms of that field; two different
  fields do not meet.

``Reach.score`` (0–100) is the share of the narrower program's applicants the other also admits,
on the least overlapping known dimension; it is ``None`` (미상) when the places are unknown.

**Relations.** Every reported pair carries exactly one (:data:`RELATIONS`):

* ``overlap`` — within reach and the same help: a duplicate;
* ``local_copy`` — a local program repeating a central one: an overlap for firms in that area
  (reserved for the same groups; a 재창업-only grant is not a copy of 초기창업패키지);
* ``sector_variant`` — a field-specific version of a general program: an overlap for that field
  (same groups, and the same tier or a name that echoes it);
* ``ladder`` — the same help for bands that do not meet (예비 → 초기 → 도약, 청년 → 중장년):
  complementary, not a duplicate;
* ``regional_copies`` — the same scheme in places no firm spans: a diffusion pattern.

Programs of one ministry or one local government are compared like any others, and an unknown
institution excludes nothing. A pair whose relation depends on places the data does not give
(two local programs without region, or two programs of one 시·도 whose 시·군 is unknown) is
marked ``certain=False`` and left out unless asked for (``include_undetermined``). Two
different fields (농식품 vs 콘텐츠) are not reported at all (``DuplicateResult.other_field``).

**Speed.** ``process.cdist`` (``workers=-1``, ``dtype=uint8``) runs on row blocks of the upper
triangle for name and content, once per distinct (name, content) pair of keys; a cell is a
candidate when its integer scores can still reach the threshold (:func:`candidate_cutoffs`) or
when it joins a central and a local program of one kind with alike names. Pairs the kind score
decides without any text are enumerated by group (:func:`_kind_pairs`). So no pair at or above
the threshold is missed; reach and relations are computed on arrays in chunks, and
:class:`Pair` objects (with the text of kind-only pairs) are built only when read.

**Why jamo.** rapidfuzz's bit-parallel fast path needs characters below U+0100; NFD jamo mapped
to one byte each keep ``cdist`` on it, and a one-letter slip costs one jamo, not a syllable.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import islice
from typing import Any, Literal, overload
from urllib.parse import urlparse

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from graph.eligibility import Area, program_area
from loaders.model import Program
from loaders.regions import NATIONWIDE, SIDO, SIDO_LONG, SIGUNGU, canonical_sido, sido_of_place
from loaders.taxonomy import GENERAL_FIELD, TECH_FIELDS, tag_fields
from loaders.textnorm import norm_key, norm_text
from loaders.vocab import FOUNDER_GROUPS, GROWTH_STAGES

__all__ = [
    "COMPONENTS",
    "COPY_NAME",
    "DEFAULT_RELATIONS",
    "DEFAULT_THRESHOLD",
    "HELP_FORMS",
    "HELP_NAME_CUES",
    "KIND_WEIGHTS",
    "LEAD_LEN",
    "OTHER_KIND_PENALTY",
    "REACH_DIMENSIONS",
    "RELATIONS",
    "RELATION_LABELS",
    "RELATION_MEANINGS",
    "TYPE_KIND",
    "WEIGHTS",
    "DuplicateResult",
    "Family",
    "LocalCopies",
    "Pair",
    "PairTable",
    "Reach",
    "band_label",
    "budget_at_stake",
    "candidate_cutoffs",
    "clique_groups",
    "different_institutions",
    "find_duplicates",
    "help_forms",
    "help_kind",
    "jamo_key",
    "ladders",
    "local_copies",
    "local_copy_table",
    "name_key",
    "overlap_table",
    "ranked_overlaps",
    "regional_families",
    "score_pair",
]

Relation = Literal["overlap", "local_copy", "sector_variant", "ladder", "regional_copies"]
RELATIONS: tuple[Relation, ...] = (
    "overlap",
    "local_copy",
    "sector_variant",
    "ladder",
    "regional_copies",
)
# What an analyst means by "duplicated": the same firm can be funded twice for the same help.
DEFAULT_RELATIONS: tuple[Relation, ...] = ("overlap", "local_copy", "sector_variant")
RELATION_LABELS: dict[str, str] = {
    "overlap": "중복",
    "local_copy": "지역판",
    "sector_variant": "분야판",
    "ladder": "단계 사다리",
    "regional_copies": "지역 간 복제",
}
RELATION_MEANINGS: dict[str, str] = {
    "overlap": "같은 기업이 두 사업에서 같은 지원을 받을 수 있음",
    "local_copy": "지자체 사업이 중앙 사업을 되풀이함 — 그 지역 기업에게는 중복",
    "sector_variant": "일반 사업의 분야 특화판 — 그 분야 기업에게는 중복",
    "ladder": "같은 지원을 이어지는 단계(구간)에 나눠 줌 — 겹치지 않는 보완 관계",
    "regional_copies": "같은 사업을 서로 다른 지역에서 운영 — 한 기업이 둘 다 받을 수 없는 확산 양상",
}

COMPONENTS: tuple[str, ...] = ("name", "content", "type", "form")
# The text score: name and content carry it, support type and forms of help confirm it.
WEIGHTS: dict[str, float] = {
    "name": 0.45,
    "content": 0.30,
    "type": 0.10,
    "form": 0.15,
}
# The kind score, for two programs whose main form of help is the same (help_kind): the same
# support type, the same further forms and alike wording (the text score) make it surer. The
# text share spreads the scores so that they rank (a fixed 100 for every two grants would not),
# and two programs of one kind whose forms of help share nothing stay below the default
# threshold (0.35 + 0.15 + 0.25 × text < 0.65 unless the texts are alike).
KIND_WEIGHTS: dict[str, float] = {"kind": 0.40, "type": 0.15, "form": 0.25, "text": 0.20}
# A central and a local program of the same kind count as one repeating the other only when
# the scheme is recognisable in the name too (name score at least this): otherwise every local
# grant would "repeat" every central one.
COPY_NAME: int = 50
# Two programs whose main forms of help differ (help_kind: a permit consultancy and a management
# one, an exhibition and an accelerator) give the same help only when their wording is closer:
# their text score counts this much less.
OTHER_KIND_PENALTY: float = 10.0
REACH_DIMENSIONS: tuple[str, ...] = ("place", "stage", "age", "groups", "field")
# Measured on tests/labelled_pairs.csv (106 sourced, hand-labelled pairs): at 65 the duplicates
# found are 97% right (overlap 94%) and all 11 published overlaps are found; a seeded
# sample of 40 default pairs read by hand was 93% right. See README "Evaluation" and
# tests/dup_eval.py.
DEFAULT_THRESHOLD: float = 65.0
# Jamo kept of names and of content/target text. rapidfuzz's cdist runs several short queries per
# SIMD register, grouped by length (≤8, ≤16, ≤32, ≤64 letters); 32 letters (~13 syllables, the
# opening phrase) doubles the throughput of 64. 90% of name keys in the 2026 data fit in 32 jamo.
LEAD_LEN = 32
NAME_LEN = 32
_BLOCK_CELLS = 8_000_000  # cells per cdist block (8 MB of uint8)
_EVAL_CHUNK = 500_000  # candidate pairs scored at once

# Forms of help, read from name, summary and content (norm_text, space optional inside a
# keyword). The notice's eight support types are coarse (사업화 covers grants, vouchers and
# allowances alike); these say what a firm actually receives.
HELP_FORMS: dict[str, tuple[str, ...]] = {
    "자금": (
        "사업화 자금", "사업화자금", "사업비", "지원금", "보조금", "창업자금", "바우처", "수당",
        "활동비", "정착지원금", "자금 지원", "자금을 지원", "재정지원", "만원",
    ),
    "공간": (
        "입주", "공간", "사무실", "사무공간", "보육센터", "창업센터", "지원센터", "키움센터",
        "점포", "지식산업센터", "오피스", "임차료", "임대료", "인큐베이팅", "메이커스페이스",
    ),
    "멘토링·컨설팅": (
        "멘토링", "컨설팅", "코칭", "자문", "액셀러레이팅", "엑셀러레이팅", "보육 프로그램",
        "진단",
    ),
    "교육": ("교육", "아카데미", "강좌", "강의", "캠프", "스쿨", "훈련", "역량강화", "양성"),
    "행사·경진": (
        "경진대회", "공모전", "데모데이", "콘테스트", "피칭", "박람회", "페스티벌", "네트워킹",
        "포럼", "챌린지", "오디션", "전시회",
    ),
    "융자·보증": ("융자", "대출", "보증", "이차보전", "정책자금"),
    "투자": ("투자", "펀드", "ir"),
    "기술개발": ("기술개발", "r d", "연구개발"),
    "시제품": ("시제품", "시금형", "제품화", "시작품", "프로토타입"),
    "판로·마케팅": (
        "판로", "마케팅", "홍보", "판매", "공공구매", "구매", "브랜딩", "브랜드", "온라인몰",
        "쇼핑몰", "입점",
    ),
    "해외": ("해외", "글로벌", "수출", "현지"),
    "협업": ("오픈이노베이션", "개방형 혁신", "협업", "대 중견", "대중견", "대기업"),
    "인력": ("채용", "인건비", "인력"),
    "지식재산": ("특허", "지식재산", "지재권", "ip"),
}  # fmt: skip

# The main form of help a program gives, read from its name (the first cue that matches, in
# this order), else from its support type (TYPE_KIND). Names say what a program is
# ("창업보육센터", "창업아카데미", "해외전시회 지원"); summaries mention every form in passing, so they
# only refine the kind score (HELP_FORMS). "공모전" and "챌린지" are left out: in program names
# they are how firms are selected for funding, not an event the firm attends.
HELP_NAME_CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("융자·보증", ("융자", "보증", "대출")),
    ("기술개발", ("기술개발", "r d", "연구개발")),
    ("시제품", ("시제품", "제품화", "시금형")),
    # Consulting on patents or on permits is its own help: "IP 디딤돌" and "인·허가 컨설팅" do
    # not repeat a general 경영 컨설팅.
    ("지식재산", ("특허", "지식재산", "ip")),
    ("인증·평가", ("인허가", "인증", "기술평가")),
    ("행사·경진", ("경진대회", "데모데이", "전시회", "박람회", "페스티벌", "콘테스트", "오디션")),
    ("판로·마케팅", ("판로", "마케팅", "홍보", "공공구매", "조달", "브랜딩")),
    ("투자", ("투자유치", "펀드", "상장", "ir", "ipo")),
    ("협업", ("오픈이노베이션", "개방형 혁신", "협업")),
    ("교육", ("아카데미", "교육", "스쿨", "캠프")),
    ("멘토링·컨설팅", (
        "컨설팅", "멘토링", "코칭", "액셀러레이팅", "엑셀러레이팅", "액셀러레이터", "엑셀러레이터",
        "ac",
    )),
    ("공간", (
        "센터", "보육", "입주", "공간", "캠퍼스", "타운", "허브", "창업소", "스타트업파크",
    )),
    ("자금", ("수당", "지원금", "바우처", "임대료", "자금")),
    ("해외", ("해외", "글로벌")),
)  # fmt: skip
# The notice's eight support types, each read as its usual main form of help.
TYPE_KIND: dict[str, str] = {
    "사업화": "자금",
    "시설·공간·보육": "공간",
    "멘토링·컨설팅·교육": "멘토링·컨설팅",
    "글로벌 진출": "해외",
    "기술개발(R&D)": "기술개발",
    "융자·보증": "융자·보증",
    "행사·네트워크": "행사·경진",
    "인력": "인력",
}

# Endings that every program name may carry; stripping them lets "창업보육센터 운영 지원" meet
# "창업보육센터 지원사업". Applied repeatedly, longest first, never down to an empty key.
_GENERIC_ENDINGS: tuple[str, ...] = tuple(
    sorted(
        {
            norm_key(w)
            for w in (
                "지원사업", "운영사업", "육성사업", "사업", "운영지원", "지원", "운영", "육성",
                "활성화", "프로그램", "모집",
            )
        },
        key=len,
        reverse=True,
    )
)  # fmt: skip
_PLACE_WORDS: frozenset[str] = frozenset(
    [*SIDO_LONG, *(w for longs in SIDO_LONG.values() for w in longs), *SIGUNGU]
)
_BRACKET_WORDS = re.compile(r"[(\[]([^()\[\]]{2,12})[)\]]")

# Hangul jamo (conjoining, after NFKD) -> one byte each (U+0080..), digits and a-z unchanged.
_JAMO_RANGES = ((0x1100, 0x1112), (0x1161, 0x1175), (0x11A8, 0x11C2))
_JAMO_TABLE: dict[int, str] = {}
_code = 0x80
for _lo, _hi in _JAMO_RANGES:
    for _cp in range(_lo, _hi + 1):
        _JAMO_TABLE[_cp] = chr(_code)
        _code += 1
del _code
_NON_BYTE = re.compile(r"[^\x00-\xff]+")


def jamo_key(text: str, limit: int | None = None) -> str:
    """Hangul decomposed into jamo, one byte-range character each (fast rapidfuzz path).

    Input should already be a :func:`norm_key`; other characters are kept if ASCII, else dropped.
    """
    out = _NON_BYTE.sub("", unicodedata.normalize("NFKD", text).translate(_JAMO_TABLE))
    return out[:limit] if limit else out


def _is_place(word: str) -> bool:
    return word in _PLACE_WORDS or (len(word) >= 2 and sido_of_place(word) is not None)


def _strip_places(name: str) -> tuple[str, str]:
    """Drop leading place words ("김해시 …", "경기도 …", "고양 …"); return (rest, place).

    A place named in brackets ("청년농업인 영농정착지원금 (서귀포시)") also counts as the
    program's place; the brackets themselves are dropped from the key later.
    """
    words = name.split()
    place = ""
    while len(words) > 1:
        word = words[0].strip("()[]")
        if norm_key(word) and not _is_place(word):
            break
        if norm_key(word):  # a year prefix ("2026년") normalises to nothing
            place = place or _place_key(word)
        words = words[1:]
    if not place:
        for inner in _BRACKET_WORDS.findall(name):
            if _is_place(inner.strip()):
                place = _place_key(inner.strip())
                break
    return " ".join(words), place


def _place_key(word: str) -> str:
    return norm_key(word).removesuffix("시").removesuffix("군").removesuffix("구")


@lru_cache(maxsize=65_536)
def name_key(name: str) -> str:
    """The comparable core of a program name (see module docstring), as norm_key text."""
    key = norm_key(_strip_places(name)[0], drop_brackets=True) or norm_key(name)
    changed = True
    while changed:
        changed = False
        for ending in _GENERIC_ENDINGS:
            if key.endswith(ending) and len(key) > len(ending) + 1:
                key = key[: -len(ending)]
                changed = True
                break
    return key


_PORTAL_HOSTS = ("k-startup.go.kr", "bizinfo.go.kr", "data.go.kr", "mss.go.kr", "kised.or.kr")


def _host(url: str) -> str:
    try:
        host = urlparse(url).hostname or ""
    except ValueError:
        return ""
    host = host.lower().removeprefix("www.")
    if not host or any(host == p or host.endswith("." + p) for p in _PORTAL_HOSTS):
        return ""
    return host


def different_institutions(a: Program, b: Program) -> bool | None:
    """True if two programs are run by different institutions, False if by the same one, None
    when the data cannot tell.

    Evidence: two named institutions; central vs local; different 시·도; different places in the
    names; different detail-page hosts (portal hosts say nothing). Duplicate detection no longer
    needs this (it compares programs of one institution too); the year-over-year diff
    (:mod:`graph.diff`) uses it to tell one program's two editions from two programs.
    """
    ia, ib = norm_key(a.institution), norm_key(b.institution)
    if ia and ib:
        return ia != ib
    if a.is_local != b.is_local:
        return True
    ra = NATIONWIDE if not a.is_local else (canonical_sido(a.region) or "")
    rb = NATIONWIDE if not b.is_local else (canonical_sido(b.region) or "")
    if ra and rb and ra != rb:
        return True
    pa, pb = _strip_places(a.name)[1], _strip_places(b.name)[1]
    if pa and pb and pa != pb:
        return True
    ha, hb = _host(a.url), _host(b.url)
    if ha and hb and ha != hb:
        return True
    return None


# Korean keywords are matched with spaces removed on both sides (a space inside a keyword is
# optional, "사업화 자금" = "사업화자금"); Latin ones ("ir", "r d") only as whole Latin tokens.
# One lookahead alternation finds every keyword start in one pass; no keyword of one form is a
# prefix of another form's keyword (checked at import), so no match can hide another form.
_FORM_OF_WORD: dict[str, str] = {
    w.replace(" ", ""): form for form, words in HELP_FORMS.items() for w in words if not w.isascii()
}
for _w, _f in _FORM_OF_WORD.items():
    for _other, _g in _FORM_OF_WORD.items():
        if _g != _f and _other != _w and _other.startswith(_w):
            raise AssertionError(f"help form keyword {_w!r} ({_f}) prefixes {_other!r} ({_g})")
_FORM_WORDS = re.compile(
    "(?=(" + "|".join(map(re.escape, sorted(_FORM_OF_WORD, key=len, reverse=True))) + "))"
)
_FORM_LATIN: dict[str, re.Pattern[str]] = {
    form: re.compile("|".join(r"(?<![a-z])" + re.escape(w) + r"(?![a-z])" for w in latin))
    for form, words in HELP_FORMS.items()
    if (latin := [w for w in words if w.isascii()])
}
_FORM_BITS = {form: 1 << k for k, form in enumerate(HELP_FORMS)}


def help_forms(program: Program) -> tuple[str, ...]:
    """The forms of help (:data:`HELP_FORMS` keys) a program's name, summary or content names."""
    text = norm_text(" ".join((program.name, program.summary, program.content_text)))
    found = {_FORM_OF_WORD[w] for w in _FORM_WORDS.findall(text.replace(" ", ""))}
    found.update(form for form, latin in _FORM_LATIN.items() if latin.search(text))
    return tuple(form for form in HELP_FORMS if form in found)


# Every Korean cue word -> (priority, kind); one lookahead alternation finds them all in a name.
_CUE_OF_WORD: dict[str, tuple[int, str]] = {}
for _rank, (_kind, _words) in enumerate(HELP_NAME_CUES):
    for _w in _words:
        if not _w.isascii():
            _CUE_OF_WORD.setdefault(_w.replace(" ", ""), (_rank, _kind))
for _w, (_r, _k) in _CUE_OF_WORD.items():
    for _other, (_r2, _k2) in _CUE_OF_WORD.items():
        if _k2 != _k and _other != _w and _other.startswith(_w) and _r2 > _r:
            raise AssertionError(f"name cue {_w!r} ({_k}) hides {_other!r} ({_k2})")
_CUE_WORDS = re.compile(
    "(?=(" + "|".join(map(re.escape, sorted(_CUE_OF_WORD, key=len, reverse=True))) + "))"
)
_CUE_LATIN: tuple[tuple[int, str, re.Pattern[str]], ...] = tuple(
    (rank, kind, re.compile("|".join(r"(?<![a-z])" + re.escape(w) + r"(?![a-z])" for w in latin)))
    for rank, (kind, words) in enumerate(HELP_NAME_CUES)
    if (latin := [w for w in words if w.isascii()])
)


def help_kind(program: Program) -> str:
    """The main form of help (:data:`HELP_NAME_CUES` from the name, else :data:`TYPE_KIND`).

    >>> from loaders.model import Program
    >>> help_kind(Program("p", 2026, "기초", "", "", "", "창업보육센터 운영", "사업화"))
    '공간'
    """
    return _help_kind(program.name, program.support_type)


# Words that hold a cue across a word boundary once spaces are dropped: "창업 소상공인" is not a
# "창업소" (a space).
_NOT_CUES = re.compile("소상공인")


@lru_cache(maxsize=65_536)
def _help_kind(name: str, support_type: str) -> str:
    text = norm_text(name)
    found = [_CUE_OF_WORD[w] for w in _CUE_WORDS.findall(_NOT_CUES.sub(" ", text).replace(" ", ""))]
    found += [(rank, kind) for rank, kind, latin in _CUE_LATIN if latin.search(text)]
    if found:
        return min(found)[1]
    return TYPE_KIND.get(support_type, support_type or "유형 미상")


# ----------------------------------------------------------------------------- reach model


def reach_area(program: Program) -> Area:
    """The area whose firms can hold the program: :func:`graph.eligibility.program_area`, except
    that a local centre or space (main help 공간) keeps its own place even when its 지원대상 lifts
    the residence rule ("거주지 제한 없음"): a tenant is located where the space is, so two
    spaces of two 시·군·구 never serve one firm at once.
    """
    return program_area(program, tenancy=program.is_local and help_kind(program) == "공간")


@lru_cache(maxsize=65_536)
def _name_fields(name: str) -> tuple[str, ...]:
    return tuple(f for f in tag_fields(name) if f != GENERAL_FIELD)


def design_fields(program: Program) -> tuple[str, ...]:
    """The technology fields a program is designed for (empty for a general program).

    A field counts when the 지원대상 requires it (``Eligibility.fields``, in every track) or the
    name names it ("관광 오픈이노베이션", "농식품 벤처육성"). Fields tagged only from the summary or
    content — a 우대 phrase, a sector mentioned in passing — do not make a program
    field-specific: "특화 분야 우대" still admits every firm.
    """
    elig = program.eligibility
    tracks = elig.alternatives or (elig,)
    stated = set(elig.fields)
    if all(t.fields for t in tracks):
        for t in tracks:
            stated.update(t.fields)
    named = set(_name_fields(program.name))
    found = stated | named
    return tuple(f for f in TECH_FIELDS if f in found and f != GENERAL_FIELD)


_SIDO_BIT = {s: 1 << k for k, s in enumerate(SIDO)}
_FIELD_BIT = {f: 1 << k for k, f in enumerate(TECH_FIELDS)}
_STAGE_BIT = {s: 1 << k for k, s in enumerate(GROWTH_STAGES)}
# Place kinds (see _place_codes).
_UNKNOWN, _NATION, _WHOLE, _OWN_UNIT, _IN_SIDO = 0, 1, 2, 3, 4
_INF = float("inf")


@dataclass(frozen=True)
class Reach:
    """Whether one firm can be eligible for both programs, dimension by dimension.

    ``status`` is ``"intersects"``, ``"disjoint"`` or ``"unknown"`` (places not known);
    ``dims`` maps each of :data:`REACH_DIMENSIONS` to ``"same"`` (same reach), ``"within"`` (one
    reaches a part of the other's firms), ``"partial"``, ``"disjoint"``, ``"open"`` (no limit on
    either side) or ``"unknown"``; ``reasons`` has one Korean sentence per dimension that says
    something; ``missing`` lists the dimensions the data does not give; ``score`` is the share
    (0–100) of the narrower program's applicants the other admits, None when unknown.
    """

    status: Literal["intersects", "disjoint", "unknown"]
    score: float | None
    dims: dict[str, str]
    reasons: tuple[str, ...]
    missing: tuple[str, ...] = ()

    def summary(self) -> str:
        """One line: the verdict and its reasons."""
        head = {
            "intersects": "같은 기업이 두 사업 모두 신청 가능",
            "disjoint": "같은 기업이 두 사업을 함께 신청할 수 없음",
            "unknown": "같은 기업이 둘 다 신청할 수 있는지 알 수 없음",
        }[self.status]
        return f"{head}: " + " · ".join(self.reasons) if self.reasons else head

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: status, score, per-dimension verdicts, reasons, missing, summary."""
        return {
            "status": self.status,
            "score": None if self.score is None else round(self.score, 1),
            "dimensions": dict(self.dims),
            "reasons": list(self.reasons),
            "missing": list(self.missing),
            "summary": self.summary(),
        }


@dataclass(frozen=True)
class Pair:
    """Two programs that give the same help, with their relation and reach.

    ``score`` (0–100) is the same-help score, the weighted mean of ``breakdown`` (keys
    :data:`COMPONENTS`) over the components both programs have; ``missing`` lists the others.
    ``reach`` says whether the same firm can apply to both, ``relation`` is one of
    :data:`RELATIONS`. ``certain`` is False when the relation rests on places the data does not
    give. For ``local_copy`` ``a`` is the central program, for ``sector_variant`` the general
    one, for ``ladder`` the earlier band.
    """

    a_id: str
    b_id: str
    score: float
    breakdown: dict[str, float | None]
    missing: tuple[str, ...] = ()
    relation: Relation = "overlap"
    reach: Reach | None = None
    certain: bool = True
    basis: Literal["kind", "text"] = "text"
    kinds: tuple[str, str] = ("", "")

    def help_summary(self) -> str:
        """One line on why the help is the same: the kind of help, or the wording."""
        text = self.breakdown.get("text")
        words = f"이름·내용 유사도 {text:.0f}" if text is not None else ""
        if self.basis == "kind":
            return f"같은 형태의 지원({self.kinds[0]}) · {words}"
        if self.kinds[0] == self.kinds[1]:
            return f"{words} · 지원 형태 {self.kinds[0]}"
        return (
            f"{words} · 지원 형태 {self.kinds[0]} / {self.kinds[1]} "
            f"(형태가 달라 {OTHER_KIND_PENALTY:.0f}점 감점)"
        )

    def to_dict(self, programs: Mapping[str, Program] | None = None) -> dict[str, Any]:
        """The CLI's pair object (``a``/``b`` with name, program_id, institution, …)."""
        by_id = programs or {}
        a, b = by_id.get(self.a_id), by_id.get(self.b_id)
        stake = budget_at_stake(a, b) if a is not None and b is not None else (None, "")
        reach = self.reach.to_dict() if self.reach is not None else None
        return {
            "a": _side(self.a_id, a),
            "b": _side(self.b_id, b),
            "relation": self.relation,
            "relation_label": RELATION_LABELS[self.relation],
            "score": round(self.score, 1),
            "reach": reach,
            "breakdown": {
                "help": round(self.score, 1),
                "reach": reach["score"] if reach else None,
                **{k: None if v is None else round(v, 1) for k, v in self.breakdown.items()},
            },
            "help": {
                "basis": self.basis,
                "kinds": list(self.kinds),
                "summary": self.help_summary(),
            },
            "missing": list(self.missing),
            "certain": self.certain,
            "budget_at_stake_eok": stake[0],
            "budget_note": stake[1],
        }


def _side(pid: str, p: Program | None) -> dict[str, Any]:
    if p is None:
        return {"program_id": pid, "name": ""}
    return {
        "program_id": pid,
        "name": p.name,
        "institution": p.institution,
        "ministry": p.ministry,
        "level": p.level,
        "region": p.region,
        "area": reach_area(p).describe(),
        "support_type": p.support_type,
        "budget_eok": p.budget_eok,
        "url": p.url,
    }


def budget_at_stake(a: Program, b: Program) -> tuple[float | None, str]:
    """The budget that could fund the same firms twice, and a note when it is not known.

    It is the smaller of the two budgets (억원): no more than that can go to firms both reach
    twice. With one budget unknown the amount is unknown and the note says which side is
    stated ("B 예산 미상 (A 12.0억원)"), so a ranking can state it instead of treating it as 0.
    """
    ba, bb = a.budget_eok, b.budget_eok
    if ba is not None and bb is not None:
        return round(min(ba, bb), 2), ""
    if ba is None and bb is None:
        return None, "두 사업 모두 예산 미상"
    if ba is None:
        return None, f"A 예산 미상 (B {bb:,.1f}억원)"
    return None, f"B 예산 미상 (A {ba:,.1f}억원)"


@dataclass
class _Prepared:
    programs: Sequence[Program]
    ids: list[str]
    names: np.ndarray  # object arrays of jamo keys, indexable by pair index arrays
    leads: np.ndarray
    has_lead: np.ndarray
    types: np.ndarray
    forms: np.ndarray
    kinds: np.ndarray
    central: np.ndarray
    place_kind: np.ndarray
    sido_mask: np.ndarray
    unit: np.ndarray
    owner: np.ndarray
    band_known: np.ndarray
    pre: np.ndarray
    founded: np.ndarray
    ylo: np.ndarray
    yhi: np.ndarray
    ylo_inc: np.ndarray
    yhi_inc: np.ndarray
    stage_bits: np.ndarray
    age_known: np.ndarray
    age_lo: np.ndarray
    age_hi: np.ndarray
    fields: np.ndarray
    groups: np.ndarray
    years: np.ndarray
    words: np.ndarray
    id_rank: np.ndarray  # position of each program id in sorted order (orientation of pairs)


def _codes(values: Sequence[str]) -> np.ndarray:
    table: dict[str, int] = {}
    return np.array([table.setdefault(v, len(table)) if v else -1 for v in values], dtype=np.int32)


# Words every program name may hold; what is left names the scheme ("예비", "중심대학", "글로벌
# 액셀러레이팅"). Jamo similarity of whole names rates "창업중심대학" and "안동시 창업 돋움" alike
# (55) because of "창업"; a copy also shares a word of the scheme.
_COMMON_WORDS: tuple[str, ...] = tuple(
    sorted(
        {
            norm_key(w)
            for w in (
                "창업", "지원", "기업", "스타트업", "육성", "사업", "운영", "패키지", "프로그램",
                "활성화", "센터", "벤처", "청년", "발굴", "성장", "지역", "프로젝트",
            )
        },
        key=len,
        reverse=True,
    )
)  # fmt: skip
_HANGUL = re.compile(r"[가-힣]+|[a-z0-9]+")


def scheme_words(name: str) -> frozenset[str]:
    """Two-letter pieces (syllable pairs, Latin words) of a name's scheme: the name key without
    the words every name holds (:data:`_COMMON_WORDS`).

    >>> sorted(scheme_words("G-스타트업 예비창업지원사업"))
    ['g', '예비']
    """
    key = name_key(name)
    for word in _COMMON_WORDS:
        key = key.replace(word, " ")
    out: set[str] = set()
    for run in _HANGUL.findall(key):
        if run.isascii():
            out.add(run)
        else:
            out.update(run[k : k + 2] for k in range(len(run) - 1))
    return frozenset(out)


def _word_bits(programs: Sequence[Program]) -> np.ndarray:
    """(n, words) uint64 bit matrix: bit b of row k is set when program k's name holds the b-th
    scheme word of the central programs (only a central/local pair is tested, so only words
    that some central program holds can be shared)."""
    sets = [scheme_words(p.name) for p in programs]
    vocab: dict[str, int] = {}
    for p, ws in zip(programs, sets, strict=True):
        if not p.is_local:
            for w in sorted(ws):
                vocab.setdefault(w, len(vocab))
    width = max(1, -(-len(vocab) // 64))
    bits = np.zeros((len(programs), width), dtype=np.uint64)
    for k, ws in enumerate(sets):
        for w in ws:
            b = vocab.get(w)
            if b is not None:
                bits[k, b // 64] |= np.uint64(1) << np.uint64(b % 64)
    return bits


# Groups read from the name, summary and 지원대상 as well as from the parsed flag (a program "for
# 북한이탈주민" may say so in its summary only).
_TEXT_GROUPS: tuple[tuple[str, str], ...] = (("북한이탈주민", "북한이탈주민"),)


def _groups(program: Program) -> tuple[str, ...]:
    """The founder groups a program is reserved for (재창업자, 여성 … and :data:`_TEXT_GROUPS`)."""
    elig = program.eligibility
    out = [g.person for g in FOUNDER_GROUPS if getattr(elig, g.kind)]
    text = " ".join((program.name, program.summary, program.target_text))
    out += [label for word, label in _TEXT_GROUPS if word in text]
    return tuple(dict.fromkeys(out))


_GROUP_BIT = {
    label: 1 << k
    for k, label in enumerate([*(g.person for g in FOUNDER_GROUPS), *(x for _, x in _TEXT_GROUPS)])
}


def _place_codes(area: Area) -> tuple[int, int, str]:
    """(kind, 시·도 bit mask, unit key) of an :class:`Area`.

    Kinds: unknown; nationwide; whole 시·도; the program's own 기초 government; somewhere in the
    시·도 (a 지자체 of unknown tier, or a 기초 place read from the name only).
    """
    if not area.sidos:
        return _UNKNOWN, 0, ""
    if area.nationwide:
        return _NATION, 0, ""
    mask = 0
    for s in area.sidos:
        mask |= _SIDO_BIT.get(s, 0)
    unit = "|".join(area.unit) if area.unit else ""
    if area.own_unit:
        return _OWN_UNIT, mask, unit
    if area.whole_sido:
        return _WHOLE, mask, ""
    return _IN_SIDO, mask, unit


def _band(program: Program) -> tuple[bool, bool, bool, float, float, bool, bool]:
    """(known, pre-founders admitted, founded firms admitted, 업력 low, high, inclusive flags)."""
    elig = program.eligibility
    has_years = elig.years_min is not None or elig.years_max is not None
    mode = elig.founder or ("founded_only" if has_years else None)
    if mode is None:
        # A 지원대상 without any stage phrase admits every stage; no text at all says nothing.
        known = bool(program.target_text.strip())
        return known, True, True, 0.0, _INF, True, True
    lo = float(elig.years_min) if elig.years_min is not None else 0.0
    hi = float(elig.years_max) if elig.years_max is not None else _INF
    return (
        True,
        mode in ("pre_only", "pre_or_founded"),
        mode in ("founded_only", "pre_or_founded"),
        lo,
        hi,
        elig.years_min_inclusive if elig.years_min is not None else True,
        elig.years_max_inclusive if elig.years_max is not None else True,
    )


def _prepare(programs: Sequence[Program]) -> _Prepared:
    leads = [jamo_key(norm_key(p.description), LEAD_LEN) for p in programs]
    places = [_place_codes(reach_area(p)) for p in programs]
    bands = [_band(p) for p in programs]
    forms = []
    for p in programs:
        mask = 0
        for f in help_forms(p):
            mask |= _FORM_BITS[f]
        forms.append(mask)
    fields, groups, age_known, age_lo, age_hi = [], [], [], [], []
    for p in programs:
        mask = 0
        for f in design_fields(p):
            mask |= _FIELD_BIT.get(f, 0)
        fields.append(mask)
        elig = p.eligibility
        groups.append(sum(_GROUP_BIT[g] for g in _groups(p)))
        has_age = elig.age_min is not None or elig.age_max is not None
        age_known.append(has_age or bool(p.target_text.strip()))
        age_lo.append(float(elig.age_min) if elig.age_min is not None else 0.0)
        age_hi.append(float(elig.age_max) if elig.age_max is not None else _INF)
    return _Prepared(
        programs=programs,
        ids=[p.program_id for p in programs],
        names=np.array([jamo_key(name_key(p.name), NAME_LEN) for p in programs], dtype=object),
        leads=np.array(leads, dtype=object),
        has_lead=np.array([bool(x) for x in leads], dtype=bool),
        types=_codes([p.support_type for p in programs]),
        forms=np.array(forms, dtype=np.int64),
        kinds=_codes([help_kind(p) for p in programs]),
        central=np.array([not p.is_local for p in programs], dtype=bool),
        place_kind=np.array([k for k, _, _ in places], dtype=np.int8),
        sido_mask=np.array([m for _, m, _ in places], dtype=np.int64),
        unit=_codes([u for _, _, u in places]),
        owner=_codes([norm_key(p.institution) for p in programs]),
        band_known=np.array([b[0] for b in bands], dtype=bool),
        pre=np.array([b[1] for b in bands], dtype=bool),
        founded=np.array([b[2] for b in bands], dtype=bool),
        ylo=np.array([b[3] for b in bands], dtype=np.float64),
        yhi=np.array([b[4] for b in bands], dtype=np.float64),
        ylo_inc=np.array([b[5] for b in bands], dtype=bool),
        yhi_inc=np.array([b[6] for b in bands], dtype=bool),
        stage_bits=np.array(
            [sum(_STAGE_BIT.get(s, 0) for s in set(p.stages)) for p in programs], dtype=np.int64
        ),
        age_known=np.array(age_known, dtype=bool),
        age_lo=np.array(age_lo, dtype=np.float64),
        age_hi=np.array(age_hi, dtype=np.float64),
        fields=np.array(fields, dtype=np.int64),
        groups=np.array(groups, dtype=np.int64),
        years=np.array([p.year or 0 for p in programs], dtype=np.int64),
        words=_word_bits(programs),
        id_rank=np.argsort(np.argsort(np.array([p.program_id for p in programs]), kind="stable")),
    )


_POPCOUNT16 = np.array([bin(k).count("1") for k in range(1 << 16)], dtype=np.int64)


def _popcount(x: np.ndarray) -> np.ndarray:
    """Set bits of each (non-negative) integer, 16 bits at a time by table lookup."""
    x = x.astype(np.int64)
    count = _POPCOUNT16[x & 0xFFFF]
    x = x >> 16
    while np.any(x):
        count = count + _POPCOUNT16[x & 0xFFFF]
        x = x >> 16
    return count


def _meet(
    lo_a: np.ndarray,
    lo_a_inc: np.ndarray,
    hi_a: np.ndarray,
    hi_a_inc: np.ndarray,
    lo_b: np.ndarray,
    lo_b_inc: np.ndarray,
    hi_b: np.ndarray,
    hi_b_inc: np.ndarray,
) -> np.ndarray:
    """Whether intervals with open/closed ends intersect (vectorised)."""
    lo = np.maximum(lo_a, lo_b)
    lo_inc = np.where(lo_a > lo_b, lo_a_inc, np.where(lo_b > lo_a, lo_b_inc, lo_a_inc & lo_b_inc))
    hi = np.minimum(hi_a, hi_b)
    hi_inc = np.where(hi_a < hi_b, hi_a_inc, np.where(hi_b < hi_a, hi_b_inc, hi_a_inc & hi_b_inc))
    return (lo < hi) | ((lo == hi) & lo_inc & hi_inc)


@dataclass
class _ReachArrays:
    place: np.ndarray  # 1 intersects, 0 disjoint, -1 unknown
    band: np.ndarray  # 1 intersects, 0 disjoint, -1 unknown (one side says nothing)
    age: np.ndarray
    field: np.ndarray  # 2 same (or both general), 1 one within the other, 0 disjoint
    score: np.ndarray  # NaN when unknown
    relation: np.ndarray  # index into RELATIONS, -1 none (different fields)
    certain: np.ndarray
    swap: np.ndarray  # orientation: True -> report (j, i)


_REACH_FIELDS = ("place", "band", "age", "field", "score", "relation", "certain", "swap")


def _reach(prep: _Prepared, i: np.ndarray, j: np.ndarray, name: np.ndarray) -> _ReachArrays:
    """Reach verdicts and relations for the pairs (i[k], j[k]) with integer name scores ``name``
    (see module docstring)."""
    ki, kj = prep.place_kind[i], prep.place_kind[j]
    mi, mj = prep.sido_mask[i], prep.sido_mask[j]
    ui, uj = prep.unit[i], prep.unit[j]
    place = np.full(len(i), -1, dtype=np.int8)
    same_unit = (ui >= 0) & (ui == uj)
    known = (ki != _UNKNOWN) & (kj != _UNKNOWN)
    shared = known & ((mi & mj) != 0)
    place[known & ((mi & mj) == 0)] = 0
    # Two different 기초 places in one 시·도: the programs' own institutions, or places their
    # names give ("고양 …", "(서귀포시)") — a city's name on a program names whose it is.
    place[shared & (ui >= 0) & (uj >= 0) & (ui != uj)] = 0
    place[shared & ((ki == _WHOLE) | (kj == _WHOLE))] = 1
    place[shared & same_unit] = 1
    place[(ki == _NATION) | (kj == _NATION)] = 1
    oi, oj = prep.owner[i], prep.owner[j]
    place[(oi >= 0) & (oi == oj)] = 1  # one institution: one place

    # 예비/기창업 and 업력: a pre-founder state both admit, or an 업력 both bands contain.
    bk = prep.band_known[i] & prep.band_known[j]
    years = _meet(
        prep.ylo[i], prep.ylo_inc[i], prep.yhi[i], prep.yhi_inc[i],
        prep.ylo[j], prep.ylo_inc[j], prep.yhi[j], prep.yhi_inc[j],
    )  # fmt: skip
    band_meet = (prep.pre[i] & prep.pre[j]) | (prep.founded[i] & prep.founded[j] & years)
    band = np.where(bk, band_meet.astype(np.int8), np.int8(-1))
    ak = prep.age_known[i] & prep.age_known[j]
    all_true = np.ones(len(i), dtype=bool)
    age_meet = _meet(
        prep.age_lo[i], all_true, prep.age_hi[i], all_true,
        prep.age_lo[j], all_true, prep.age_hi[j], all_true,
    )  # fmt: skip
    age = np.where(ak, age_meet.astype(np.int8), np.int8(-1))

    fi, fj = prep.fields[i], prep.fields[j]
    field_ = np.full(len(i), 2, dtype=np.int8)
    specific_i, specific_j = fi != 0, fj != 0
    field_[specific_i != specific_j] = 1
    field_[specific_i & specific_j & ((fi & fj) == 0)] = 0

    # Reach score: the least overlapping known dimension, as a share of the narrower side.
    si, sj = prep.stage_bits[i], prep.stage_bits[j]
    s_inter, s_min = _popcount(si & sj), np.minimum(_popcount(si), _popcount(sj))
    stage_share = np.where(s_min > 0, 100.0 * s_inter / np.maximum(s_min, 1), 100.0)
    stage_share = np.where(band == 0, 0.0, stage_share)
    width = np.minimum(prep.age_hi[i], 80.0) - prep.age_lo[i]
    width_j = np.minimum(prep.age_hi[j], 80.0) - prep.age_lo[j]
    inter = np.minimum(np.minimum(prep.age_hi[i], prep.age_hi[j]), 80.0) - np.maximum(
        prep.age_lo[i], prep.age_lo[j]
    )
    age_share = np.clip(100.0 * inter / np.maximum(np.minimum(width, width_j), 1.0), 0.0, 100.0)
    age_share = np.where(age == 0, 0.0, age_share)
    score = np.full(len(i), 100.0)
    score = np.where(band >= 0, np.minimum(score, stage_share), score)
    score = np.where(age >= 0, np.minimum(score, age_share), score)
    score = np.where(field_ == 0, 0.0, score)
    score = np.where(place == 0, 0.0, score)
    score = np.where(place < 0, np.nan, score)

    rel = np.full(len(i), RELATIONS.index("overlap"), dtype=np.int8)
    mixed = prep.central[i] != prep.central[j]
    # A version of another program serves the same founders: a local program reserved for a
    # group (재창업자, 여성 …) the central one is not reserved for — or the reverse — is not its
    # copy, and a field program is not a version of a general one reserved for a group. Such
    # pairs merely meet (overlap) for the firms in both.
    same_groups = prep.groups[i] == prep.groups[j]
    rel[mixed & same_groups] = RELATIONS.index("local_copy")
    # A field-specific version of a general program (of the same tier, or with a recognisable
    # name across tiers) is a sector variant wherever it runs.
    version = same_groups & (~mixed | (name >= COPY_NAME))
    rel[(field_ == 1) & version] = RELATIONS.index("sector_variant")
    rel[field_ == 0] = -1
    rel[(band == 0) | (age == 0)] = RELATIONS.index("ladder")
    rel[place == 0] = RELATIONS.index("regional_copies")
    certain = place >= 0

    # Orientation: central first (local_copy), general first (sector_variant), earlier band
    # first (ladder); otherwise by program id.
    swap = prep.id_rank[j] < prep.id_rank[i]
    lc = rel == RELATIONS.index("local_copy")
    swap = np.where(lc, ~prep.central[i], swap)
    sv = rel == RELATIONS.index("sector_variant")
    swap = np.where(sv, specific_i & ~specific_j, swap)
    ld = rel == RELATIONS.index("ladder")
    start_i = np.where(prep.pre[i], -1.0, prep.ylo[i]) + prep.age_lo[i] / 1000.0
    start_j = np.where(prep.pre[j], -1.0, prep.ylo[j]) + prep.age_lo[j] / 1000.0
    swap = np.where(ld, start_j < start_i, swap)
    return _ReachArrays(place, band, age, field_, score, rel, certain, swap.astype(bool))


def candidate_cutoffs(
    threshold: float, weights: Mapping[str, float] = WEIGHTS
) -> tuple[float, float]:
    """Bounds that guarantee no pair scoring ≥ ``threshold`` is missed: ``(rhs, c_alone)``.

    With every other component at its best (100) and present — weights are renormalised over
    the present ones, and the threshold is at most 100, so having them all present is the
    loosest case — a pair where both programs have content can only reach the threshold when
    ``w_name·name + w_content·content ≥ rhs``; a pair where one lacks content only when
    ``name ≥ c_alone``. The scan keeps exactly the pairs meeting these bounds (on upper bounds
    of cdist's integer scores) and then scores them exactly.
    """
    optional = sum(w for k, w in weights.items() if k not in ("name", "content") and w > 0)
    wn, wc = weights["name"], weights["content"]
    rhs = threshold * (wn + wc) - (100 - threshold) * optional
    c_alone = threshold - (100 - threshold) * optional / wn
    return max(0.0, rhs), max(0.0, c_alone)


def _score(
    prep: _Prepared,
    i: np.ndarray,
    j: np.ndarray,
    name: np.ndarray,
    content: np.ndarray,
    weights: Mapping[str, float] = WEIGHTS,
) -> tuple[np.ndarray, np.ndarray, dict[str, np.ndarray], dict[str, np.ndarray]]:
    """Text and kind scores of the pairs (i[k], j[k]) from their integer name/content scores.

    Returns ``(text, kind, components, available)``; ``kind`` is NaN where the main forms of
    help differ (the kind score only exists for one kind of help).
    """
    comp: dict[str, np.ndarray] = {
        "name": name.astype(np.float64),
        "content": content.astype(np.float64),
    }
    avail: dict[str, np.ndarray] = {
        "name": np.ones(len(i), dtype=bool),
        "content": prep.has_lead[i] & prep.has_lead[j],
    }
    ty_i, ty_j = prep.types[i], prep.types[j]
    comp["type"] = np.where(ty_i == ty_j, 100.0, 0.0)
    avail["type"] = (ty_i >= 0) & (ty_j >= 0)
    fo_i, fo_j = prep.forms[i], prep.forms[j]
    union = _popcount(fo_i | fo_j)
    comp["form"] = np.where(union > 0, 100.0 * _popcount(fo_i & fo_j) / np.maximum(union, 1), 0.0)
    avail["form"] = (fo_i > 0) & (fo_j > 0)
    num = np.zeros(len(i))
    den = np.zeros(len(i))
    for key in COMPONENTS:
        w = weights.get(key, 0.0)
        comp[key] = np.where(avail[key], comp[key], 0.0)
        num += w * comp[key] * avail[key]
        den += w * avail[key]
    text = np.divide(num, den, out=np.zeros_like(num), where=den > 0)
    kw = KIND_WEIGHTS
    # A support type one side lacks is missing, not a difference (as in the text score).
    k_num = (
        kw["kind"] * 100.0
        + kw["type"] * comp["type"] * avail["type"]
        + kw["form"] * comp["form"] * avail["form"]
        + kw["text"] * text
    )
    k_den = kw["kind"] + kw["type"] * avail["type"] + kw["form"] * avail["form"] + kw["text"]
    same_kind = prep.kinds[i] == prep.kinds[j]
    kind = np.where(same_kind, k_num / k_den, np.nan)
    return text, kind, comp, avail


def _kind_applies(
    prep: _Prepared, i: np.ndarray, j: np.ndarray, place: np.ndarray, name: np.ndarray
) -> np.ndarray:
    """Where the kind score counts: two central programs; two local ones whose places meet; a
    central and a local one whose names score at least :data:`COPY_NAME` and share a word of
    the scheme (:func:`scheme_words`: "예비", "도약", "중심대학") — a recognisable copy."""
    ci, cj = prep.central[i], prep.central[j]
    copy = (ci != cj) & (name >= COPY_NAME)
    if copy.any():
        at = np.nonzero(copy)[0]
        copy[at] = _share_word(prep.words, i[at], j[at])
    return (ci & cj) | (~ci & ~cj & (place == 1)) | copy


def _share_word(words: np.ndarray, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Whether programs i[k] and j[k] share a scheme word (bit matrix of :func:`_word_bits`)."""
    out = np.zeros(len(i), dtype=bool)
    for w in range(words.shape[1]):
        out |= (words[i, w] & words[j, w]) != 0
    return out


# ----------------------------------------------------------------------------- explanations


def _stage_text(p: Program) -> str:
    elig = p.eligibility
    has_years = elig.years_min is not None or elig.years_max is not None
    parts = []
    if elig.founder == "pre_only":
        parts.append("예비창업자")
    elif elig.founder == "pre_or_founded":
        parts.append("(예비)창업자")
    if has_years:
        lo, hi = elig.years_min, elig.years_max
        band = []
        if lo is not None:
            band.append(f"{lo}년 {'이상' if elig.years_min_inclusive else '초과'}")
        if hi is not None:
            band.append(f"{hi}년 {'이내' if elig.years_max_inclusive else '미만'}")
        parts.append("업력 " + " ".join(band))
    elif elig.founder == "founded_only":
        parts.append("창업기업")
    return " ".join(parts) or "단계 제한 없음"


def band_label(p: Program) -> str:
    """The program's band in words: "예비창업자", "업력 3년 초과 7년 이내 · 만 39세 이하"."""
    stage, age = _stage_text(p), _age_text(p)
    parts = [x for x in (stage, age) if x not in ("단계 제한 없음", "나이 제한 없음")]
    return " · ".join(parts) or "제한 없음"


def _age_text(p: Program) -> str:
    elig = p.eligibility
    ev = elig.evidence_for("age")
    if elig.age_min is None and elig.age_max is None:
        return "나이 제한 없음"
    if elig.age_min is None:
        band = f"만 {elig.age_max}세 이하"
    elif elig.age_max is None:
        band = f"만 {elig.age_min}세 이상"
    else:
        band = f"만 {elig.age_min}~{elig.age_max}세"
    if ev is not None and "해석" in ev.phrase:
        band += f" ('{ev.phrase.split(' (')[0]}'을 통상 기준으로 해석)"
    return band


def _fields_text(p: Program) -> str:
    fields = design_fields(p)
    return "·".join(fields) if fields else "분야 무관"


def _explain(prep: _Prepared, ra: _ReachArrays, k: int, ia: int, ib: int) -> Reach:
    """The :class:`Reach` of one pair (``ia`` reported as A), with Korean reasons."""
    a, b = prep.programs[ia], prep.programs[ib]
    area_a, area_b = reach_area(a), reach_area(b)
    dims: dict[str, str] = {}
    reasons: list[str] = []
    missing: list[str] = []

    place = int(ra.place[k])
    la, lb = area_a.describe(), area_b.describe()
    if place < 0:
        dims["place"] = "unknown"
        missing.append("place")
        reasons.append(f"지역: {la} / {lb} — 같은 지역인지 자료로 알 수 없음")
    elif place == 0:
        dims["place"] = "disjoint"
        by_name = "" if area_a.own_unit and area_b.own_unit else " (사업명의 지명 기준)"
        if area_a.sidos != area_b.sidos:
            by_name = ""
        reasons.append(f"지역: {la} / {lb} — 두 지역에 함께 소재한 기업은 없음{by_name}")
    elif area_a.nationwide and area_b.nationwide:
        dims["place"] = "same"
        reasons.append("지역: 둘 다 전국")
    elif area_a.nationwide or area_b.nationwide:
        dims["place"] = "within"
        local = lb if area_a.nationwide else la
        if local == "지역 미상":
            reasons.append(
                "지역: 전국 사업과 지역 미상 지자체 사업 — 그 지역 기업은 둘 다 신청 가능"
            )
        else:
            reasons.append(f"지역: 전국 사업과 {local} 사업 — {local} 기업은 둘 다 신청 가능")
    else:
        dims["place"] = "same" if la == lb else "within"
        reasons.append(f"지역: {la} / {lb} — 겹침" if la != lb else f"지역: 둘 다 {la}")

    for dim, label, overlap, ta, tb, open_text, apart in (
        (
            "stage",
            "단계",
            ra.band,
            _stage_text(a),
            _stage_text(b),
            "단계 제한 없음",
            "구간이 겹치지 않음",
        ),
        ("age", "나이", ra.age, _age_text(a), _age_text(b), "나이 제한 없음", "겹치지 않음"),
    ):
        # overlap: < 0 unknown (a side has no band), 0 disjoint bands, > 0 they intersect.
        state = int(overlap[k])
        if state < 0:
            dims[dim] = "unknown"
            missing.append(dim)
        elif state == 0:
            dims[dim] = "disjoint"
            reasons.append(f"{label}: {ta} → {tb} — {apart}")
        elif ta == tb:
            dims[dim] = "open" if ta == open_text else "same"
            if ta != open_text:
                reasons.append(f"{label}: 둘 다 {ta}")
        else:
            dims[dim] = "partial"
            reasons.append(f"{label}: {ta} / {tb} — 겹침")

    if "stage" in missing or "age" in missing:
        sides = [x for x, prog in (("A", a), ("B", b)) if not prog.target_text.strip()]
        who = "·".join(sides) or "한쪽"
        reasons.append(f"대상 조건: {who} 지원대상 원문 없음 — 단계·나이가 겹치는지 확인 필요")
    # A firm in every group either program requires reaches both.
    need = list(dict.fromkeys([*_groups(a), *_groups(b)]))
    if need:
        dims["groups"] = "within"
        reasons.append(f"대상: {'·'.join(need)}에 한해 겹침")
    else:
        dims["groups"] = "open"

    fld = int(ra.field[k])
    fa, fb = _fields_text(a), _fields_text(b)
    if fld == 0:
        dims["field"] = "disjoint"
        reasons.append(f"분야: {fa} / {fb} — 다름")
    elif fld == 1:
        dims["field"] = "within"
        narrow = fb if fa == "분야 무관" else fa
        reasons.append(f"분야: {narrow} 분야 기업에 한해 겹침")
    else:
        dims["field"] = "same" if fa != "분야 무관" else "open"
        if fa != "분야 무관":
            reasons.append(f"분야: {fa}" if fa == fb else f"분야: {fa} / {fb} — 겹침")

    status: Literal["intersects", "disjoint", "unknown"]
    if place == 0 or int(ra.band[k]) == 0 or int(ra.age[k]) == 0 or fld == 0:
        status = "disjoint"
    elif place < 0:
        status = "unknown"
    else:
        status = "intersects"
    score = float(ra.score[k])
    return Reach(
        status, None if math.isnan(score) else round(score, 1), dims, tuple(reasons), tuple(missing)
    )


# ----------------------------------------------------------------------------- the pair table


@dataclass
class _Scored:
    """Candidate pairs with everything a :class:`Pair` is built from, as arrays."""

    i: np.ndarray
    j: np.ndarray
    name: np.ndarray  # uint8 integer scores
    content: np.ndarray
    text: np.ndarray
    kind: np.ndarray  # NaN where the main forms differ
    applies: np.ndarray  # the kind score counts for this pair
    total: np.ndarray
    reach: _ReachArrays

    def take(self, sel: np.ndarray) -> _Scored:
        return _Scored(
            **{f: getattr(self, f)[sel] for f in _SCORED_FIELDS},
            reach=_ReachArrays(**{f: getattr(self.reach, f)[sel] for f in _REACH_FIELDS}),
        )


_NO_SCORE = np.uint8(255)  # name/content not computed (kind-only pairs): built lazily


def _evaluate(
    prep: _Prepared,
    i: np.ndarray,
    j: np.ndarray,
    name: np.ndarray,
    content: np.ndarray,
    threshold: float,
    weights: Mapping[str, float] = WEIGHTS,
) -> _Scored:
    """Score, reach and relation of candidate pairs with their name/content scores; keeps those
    whose help score — the higher of the text score and the kind score where it applies —
    reaches ``threshold``."""
    same_year = _same_year(prep, i, j)
    text, kind, _, _ = _score(prep, i, j, name, content, weights)
    cut = threshold - 1e-9
    sel = np.nonzero(same_year & ((text >= cut) | (kind >= cut)))[0]
    i, j, name, content, text, kind = i[sel], j[sel], name[sel], content[sel], text[sel], kind[sel]
    reach = _reach(prep, i, j, name)
    applies = _kind_applies(prep, i, j, reach.place, name) & ~np.isnan(kind)
    # Unlike main forms of help (NaN kind score): the wording must be closer to call it one help.
    worded = text - np.where(np.isnan(kind), OTHER_KIND_PENALTY, 0.0)
    total = np.where(applies, np.fmax(worded, kind), worded)
    scored = _Scored(i, j, name, content, text, kind, applies, total, reach)
    return scored.take(np.nonzero(total >= cut)[0])


def _evaluate_kind(
    prep: _Prepared,
    i: np.ndarray,
    j: np.ndarray,
    threshold: float,
    weights: Mapping[str, float] = WEIGHTS,
) -> _Scored:
    """Pairs of one kind of help whose text score cannot reach ``threshold`` (they are not
    among the scanned candidates): reported when the kind score applies and reaches it.

    The kind score's bound with the texts alike (text score 100) is checked first, and the
    pair's place: the kind score counts for two central programs, and for two local ones only
    where their places meet. Only the pairs left have their names and contents compared.
    """
    same_year = _same_year(prep, i, j)
    top = np.full(len(i), 100, dtype=np.uint8)
    _, bound, _, _ = _score(prep, i, j, top, top, weights)
    sel = np.nonzero(same_year & (bound >= threshold - 1e-9))[0]
    i, j = i[sel], j[sel]
    local = ~prep.central[i] & ~prep.central[j]
    if local.any():
        place = _reach(prep, i, j, np.zeros(len(i), dtype=np.uint8)).place
        keep = ~local | (place == 1)
        i, j = i[keep], j[keep]
    name = process.cpdist(
        list(prep.names[i]), list(prep.names[j]), scorer=fuzz.ratio, dtype=np.uint8, workers=-1
    )
    content = process.cpdist(
        list(prep.leads[i]), list(prep.leads[j]), scorer=fuzz.ratio, dtype=np.uint8, workers=-1
    )
    return _evaluate(prep, i, j, name, content, threshold, weights)


def _same_year(prep: _Prepared, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    # Two notice years are two editions of a program, not two programs: compare within a year.
    yi, yj = prep.years[i], prep.years[j]
    return (yi == yj) | (yi == 0) | (yj == 0)


def _concat(parts: Sequence[_Scored]) -> _Scored:
    return _Scored(
        **{f: np.concatenate([getattr(p, f) for p in parts]) for f in _SCORED_FIELDS},
        reach=_ReachArrays(
            **{f: np.concatenate([getattr(p.reach, f) for p in parts]) for f in _REACH_FIELDS}
        ),
    )


_SCORED_FIELDS = ("i", "j", "name", "content", "text", "kind", "applies", "total")


class PairTable(Sequence[Pair]):
    """The reported pairs, best help score first; each :class:`Pair` is built on access.

    A 20,000-program scan can report millions of pairs; keeping them as arrays and building
    Python objects only for the ones read keeps the scan fast. Behaves like a read-only list
    (``len``, indexing, slicing, iteration, ``==`` with lists).
    """

    def __init__(self, prep: _Prepared | None = None, scored: _Scored | None = None) -> None:
        self._prep = prep
        self._s = scored
        self._cache: dict[int, Pair] = {}

    def __len__(self) -> int:
        return 0 if self._s is None else len(self._s.i)

    @overload
    def __getitem__(self, k: int) -> Pair: ...
    @overload
    def __getitem__(self, k: slice) -> list[Pair]: ...
    def __getitem__(self, k: int | slice) -> Pair | list[Pair]:
        if isinstance(k, slice):
            return [self[n] for n in range(*k.indices(len(self)))]
        n = len(self)
        if k < 0:
            k += n
        if not 0 <= k < n:
            raise IndexError(k)
        pair = self._cache.get(k)
        if pair is None:
            pair = self._cache[k] = self._make(k)
        return pair

    def __iter__(self) -> Iterator[Pair]:
        for k in range(len(self)):
            yield self[k]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (list, tuple, PairTable)):
            return len(self) == len(other) and all(x == y for x, y in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"PairTable({len(self)} pairs)"

    def _make(self, k: int) -> Pair:
        prep, s = self._prep, self._s
        assert prep is not None and s is not None
        ia, ib = int(s.i[k]), int(s.j[k])
        if s.reach.swap[k]:
            ia, ib = ib, ia
        one_i, one_j = np.array([ia]), np.array([ib])
        name, content = s.name[k : k + 1], s.content[k : k + 1]
        if name[0] == _NO_SCORE:
            name = process.cpdist(
                prep.names[one_i], prep.names[one_j], scorer=fuzz.ratio, dtype=np.uint8
            )
            content = process.cpdist(
                prep.leads[one_i], prep.leads[one_j], scorer=fuzz.ratio, dtype=np.uint8
            )
        text, kind, comp, avail = _score(prep, one_i, one_j, name, content)
        breakdown: dict[str, float | None] = {c: round(float(comp[c][0]), 1) for c in COMPONENTS}
        breakdown["text"] = round(float(text[0]), 1)
        breakdown["kind"] = None if np.isnan(kind[0]) else round(float(kind[0]), 1)
        missing = tuple(c for c in COMPONENTS if not avail[c][0])
        a, b = prep.programs[ia], prep.programs[ib]
        # Kind-only pairs carry no text score in the arrays (their text cannot reach the threshold).
        by_kind = bool(s.applies[k]) and (np.isnan(s.text[k]) or s.kind[k] >= s.text[k])
        return Pair(
            prep.ids[ia],
            prep.ids[ib],
            round(float(s.total[k]), 2),
            breakdown,
            missing,
            RELATIONS[int(s.reach.relation[k])],
            _explain(prep, s.reach, k, ia, ib),
            bool(s.reach.certain[k]),
            "kind" if by_kind else "text",
            (help_kind(a), help_kind(b)),
        )

    def relations(self) -> list[str]:
        """The relation of every pair, in order, without building the pairs."""
        if self._s is None:
            return []
        return [RELATIONS[r] for r in self._s.reach.relation.tolist()]

    def certain(self) -> list[bool]:
        """Whether each pair's relation is certain, in order, without building the pairs."""
        return [] if self._s is None else self._s.reach.certain.tolist()

    def edges(self) -> tuple[list[str], np.ndarray, np.ndarray]:
        """``(program ids, i, j)``: the pairs as index arrays into the ids."""
        if self._s is None or self._prep is None:
            return [], np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
        return self._prep.ids, self._s.i, self._s.j


@dataclass(frozen=True)
class DuplicateResult:
    """Pairs at or above the threshold (best first) of the chosen relations, and clusters.

    ``clusters`` (computed on first use) are the connected components of the reported pairs,
    largest first. ``counts`` holds, for every relation, how many pairs reached the threshold
    with a known reach (``certain``) and with places unknown (``uncertain``), reported or not;
    ``other_field`` counts pairs left out because their fields differ; ``candidates`` how many
    pairs the scan scored.
    """

    pairs: Sequence[Pair]
    threshold: float = DEFAULT_THRESHOLD
    relations: tuple[str, ...] = DEFAULT_RELATIONS
    include_undetermined: bool = False
    candidates: int = 0
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    other_field: int = 0
    programs: int = 0
    notes: list[str] = field(default_factory=list)

    @cached_property
    def clusters(self) -> list[list[str]]:
        """Connected components (two or more programs) of the reported pairs, largest first."""
        if isinstance(self.pairs, PairTable):
            ids, i, j = self.pairs.edges()
        else:
            ids = sorted({p.a_id for p in self.pairs} | {p.b_id for p in self.pairs})
            index = {pid: k for k, pid in enumerate(ids)}
            i = np.array([index[p.a_id] for p in self.pairs], dtype=np.int64)
            j = np.array([index[p.b_id] for p in self.pairs], dtype=np.int64)
        members = _components(len(ids), i, j) if len(i) else []
        return sorted(
            (sorted(ids[m] for m in group) for group in members), key=lambda c: (-len(c), c[0])
        )

    def of(self, *relations: str, certain_only: bool = True) -> list[Pair]:
        """The reported pairs of these relations (all reported ones when none is given)."""
        wanted = set(relations or RELATIONS)
        if isinstance(self.pairs, PairTable):
            rels, certain = self.pairs.relations(), self.pairs.certain()
        else:
            rels = [p.relation for p in self.pairs]
            certain = [p.certain for p in self.pairs]
        return [
            self.pairs[k]
            for k, (r, c) in enumerate(zip(rels, certain, strict=True))
            if r in wanted and (c or not certain_only)
        ]

    def to_dict(self, programs: Iterable[Program] | Mapping[str, Program]) -> dict[str, Any]:
        """``{"pairs": [{a, b, score, relation, reach, breakdown}], "clusters": [...], ...}``."""
        by_id = programs if isinstance(programs, Mapping) else {p.program_id: p for p in programs}
        return {
            "pairs": [p.to_dict(by_id) for p in self.pairs],
            "clusters": [list(c) for c in self.clusters],
            "threshold": self.threshold,
            "relations": list(self.relations),
            "include_undetermined": self.include_undetermined,
            "counts": {r: dict(c) for r, c in self.counts.items()},
            "other_field_pairs": self.other_field,
            "weights": {"text": dict(WEIGHTS), "kind": dict(KIND_WEIGHTS)},
            "copy_name": COPY_NAME,
            "programs": self.programs,
            "candidates": self.candidates,
            "definition": dict(RELATION_MEANINGS),
            "notes": list(self.notes),
        }


def _need_tables(threshold: float, weights: Mapping[str, float]) -> tuple[np.ndarray, np.ndarray]:
    """Per integer name score v: the least content score that lets the text score reach
    ``threshold`` (101 = none), and whether the name alone can (no content on one side)."""
    rhs, c_alone = candidate_cutoffs(threshold, weights)
    wn, wc = weights["name"], weights["content"]
    values = np.arange(101, dtype=np.float64)
    need = np.ceil((rhs - wn * values) / wc - 1e-9) if wc else np.full(101, 101.0)
    return np.clip(need, 0, 101).astype(np.uint8), values >= c_alone - 1e-9


def _candidates(
    prep: _Prepared, weights: Mapping[str, float], threshold: float, rows: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Candidate pairs (i < j) with their integer name and content scores.

    Name and content are compared for every cell of the upper triangle with ``cdist``, once per
    distinct (name, content) pair of keys (a notice repeats "창업보육센터 운영지원" in many places).
    A cell is kept when its text score can reach ``threshold`` with every other component at
    its best (:func:`candidate_cutoffs`), or when it joins a central and a local program of one
    kind of help whose names score at least :data:`COPY_NAME`. Pairs of one kind that need no
    text — two central programs, or two local ones whose places meet — come from
    :func:`_kind_pairs`. Every pair that can be reported is among the two.
    """
    combos: dict[tuple[str, str], int] = {}
    combo = np.array(
        [combos.setdefault(key, len(combos)) for key in zip(prep.names, prep.leads, strict=True)],
        dtype=np.int64,
    )
    m = len(combos)
    u_names = np.array([k[0] for k in combos], dtype=object)
    u_leads = np.array([k[1] for k in combos], dtype=object)
    u_has_lead = np.array([bool(k[1]) for k in combos], dtype=bool)
    # Kinds of help of each combo's central and local programs, as bit masks.
    kind_bit = np.left_shift(np.int64(1), np.clip(prep.kinds, 0, 62).astype(np.int64))
    cen = np.zeros(m, dtype=np.int64)
    loc = np.zeros(m, dtype=np.int64)
    np.bitwise_or.at(cen, combo[prep.central], kind_bit[prep.central])
    np.bitwise_or.at(loc, combo[~prep.central], kind_bit[~prep.central])
    need_t, alone_t = _need_tables(threshold, weights)
    copy_name = np.arange(101) >= COPY_NAME
    all_lead = bool(u_has_lead.all())

    def cdist(texts: np.ndarray, rows_: slice, cols: slice) -> np.ndarray:
        return process.cdist(
            list(texts[rows_]), list(texts[cols]), scorer=fuzz.ratio, dtype=np.uint8, workers=-1
        )

    parts: list[tuple[np.ndarray, ...]] = []
    for start in range(0, m, rows):
        stop = min(m, start + rows)
        # Upper triangle only: rows [start, stop) against columns [start, m).
        block, cols = slice(start, stop), slice(start, m)
        name = cdist(u_names, block, cols)
        content = cdist(u_leads, block, cols)
        keep = content >= need_t[name]
        if not all_lead:
            both = u_has_lead[block, None] & u_has_lead[None, start:]
            keep = np.where(both, keep, alone_t[name])
            del both
        # Central/local copies: only the few cells with alike names need the kind masks.
        ci, cj = np.nonzero(copy_name[name] & ~keep)
        ri, rj = ci + start, cj + start
        copy = ((cen[ri] & loc[rj]) | (loc[ri] & cen[rj])) != 0
        bi, bj = np.nonzero(keep)
        del keep
        bi = np.concatenate([bi, ci[copy]])
        bj = np.concatenate([bj, cj[copy]])
        upper = bj > bi
        bi, bj = bi[upper], bj[upper]
        parts.append((bi + start, bj + start, name[bi, bj], content[bi, bj]))
        del name, content
    cu = np.concatenate([p[0] for p in parts]) if parts else np.empty(0, dtype=np.int64)
    cv = np.concatenate([p[1] for p in parts]) if parts else np.empty(0, dtype=np.int64)
    cn = np.concatenate([p[2] for p in parts]) if parts else np.empty(0, dtype=np.uint8)
    cc = np.concatenate([p[3] for p in parts]) if parts else np.empty(0, dtype=np.uint8)
    return _expand(combo, m, cu, cv, cn, cc)


def _expand(
    combo: np.ndarray,
    m: int,
    cu: np.ndarray,
    cv: np.ndarray,
    cn: np.ndarray,
    cc: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Program pairs (i < j) behind candidate combo pairs, with their scores, plus the pairs
    inside each combo (identical keys: name and content 100)."""
    order = np.argsort(combo, kind="stable")
    counts = np.bincount(combo, minlength=m)
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    sizes = counts[cu] * counts[cv]
    k = np.repeat(np.arange(len(cu)), sizes)
    r = np.arange(int(sizes.sum())) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    width = counts[cv[k]]
    a = order[starts[cu[k]] + r // width]
    b = order[starts[cv[k]] + r % width]
    parts_i, parts_j = [np.minimum(a, b)], [np.maximum(a, b)]
    parts_n, parts_c = [cn[k]], [cc[k]]
    for c in np.nonzero(counts > 1)[0].tolist():
        members = order[starts[c] : starts[c] + counts[c]]
        ti, tj = np.triu_indices(len(members), 1)
        x, y = members[ti], members[tj]
        parts_i.append(np.minimum(x, y))
        parts_j.append(np.maximum(x, y))
        parts_n.append(np.full(len(x), 100, dtype=np.uint8))
        parts_c.append(np.full(len(x), 100, dtype=np.uint8))
    return (
        np.concatenate(parts_i),
        np.concatenate(parts_j),
        np.concatenate(parts_n),
        np.concatenate(parts_c),
    )


def _all_pairs(members: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    ti, tj = np.triu_indices(len(members), 1)
    return members[ti], members[tj]


def _group_pairs(members: np.ndarray, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """All pairs of ``members`` that share a code (codes < 0 share nothing)."""
    known = codes >= 0
    m, c = members[known], codes[known]
    order = np.argsort(c, kind="stable")
    m, c = m[order], c[order]
    if len(c) < 2:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, c[1:] != c[:-1]])
    ends = np.r_[starts[1:], len(c)]
    out_i, out_j = [], []
    for lo, hi in zip(starts.tolist(), ends.tolist(), strict=True):
        if hi - lo > 1:
            a, b = _all_pairs(m[lo:hi])
            out_i.append(a)
            out_j.append(b)
    if not out_i:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    return np.concatenate(out_i), np.concatenate(out_j)


def _kind_pairs(prep: _Prepared) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i < j) of one kind of help whose kind score can apply without any text: two
    central programs; two local programs of the same institution or 시·군·구, a 시·도-wide
    program and a program in its 시·도, or a nationwide local program and any (a superset:
    :func:`_reach` decides whether their places meet)."""
    n = len(prep.ids)
    out_i: list[np.ndarray] = []
    out_j: list[np.ndarray] = []
    central = np.nonzero(prep.central)[0]
    local = np.nonzero(~prep.central)[0]
    out = [_group_pairs(central, prep.kinds[central])]
    # Local programs: one kind and one institution, or one kind and one 시·군·구.
    n_kinds = int(prep.kinds.max()) + 2
    for codes in (prep.owner[local], prep.unit[local]):
        joint = np.where(codes >= 0, codes.astype(np.int64) * n_kinds + prep.kinds[local] + 1, -1)
        out.append(_group_pairs(local, joint))
    # A 시·도-wide (or nationwide) local program and the programs of its kind in its 시·도.
    place = prep.place_kind[local]
    wide = local[(place == _WHOLE) | (place == _NATION)]
    everywhere = np.int64(-1)
    for w_kind in np.unique(prep.kinds[wide]).tolist():
        ws = wide[prep.kinds[wide] == w_kind]
        ms = local[prep.kinds[local] == w_kind]
        for bit in [*_SIDO_BIT.values(), everywhere]:
            if bit == everywhere:
                w_here = ws[prep.place_kind[ws] == _NATION]
                m_here = ms
            else:
                w_here = ws[(prep.sido_mask[ws] & bit) != 0]
                m_here = ms[(prep.sido_mask[ms] & bit) != 0]
            if len(w_here) and len(m_here):
                out.append((np.repeat(w_here, len(m_here)), np.tile(m_here, len(w_here))))
    for a, b in out:
        keep = a != b
        out_i.append(np.minimum(a[keep], b[keep]))
        out_j.append(np.maximum(a[keep], b[keep]))
    keys = np.sort(np.concatenate(out_i) * n + np.concatenate(out_j))
    keys = keys[np.r_[True, keys[1:] != keys[:-1]]] if len(keys) else keys
    return keys // n, keys % n


def _not_in(n: int, i: np.ndarray, j: np.ndarray, si: np.ndarray, sj: np.ndarray) -> np.ndarray:
    """Mask of the pairs (i, j) that are not among the pairs (si, sj)."""
    if not len(si) or not len(i):
        return np.ones(len(i), dtype=bool)
    known = np.sort(si * n + sj)
    keys = i * n + j
    at = np.clip(np.searchsorted(known, keys), 0, len(known) - 1)
    return known[at] != keys


def find_duplicates(
    programs: Sequence[Program],
    threshold: float = DEFAULT_THRESHOLD,
    *,
    relations: Iterable[str] = DEFAULT_RELATIONS,
    include_undetermined: bool = False,
    weights: Mapping[str, float] = WEIGHTS,
    block_rows: int | None = None,
) -> DuplicateResult:
    """Pairs of programs that give the same help, with their reach and relation.

    Pairs whose help score reaches ``threshold`` (0–100, default :data:`DEFAULT_THRESHOLD`)
    and whose relation is in ``relations`` (default :data:`DEFAULT_RELATIONS`: the duplicates
    proper) are returned best first; pairs whose relation rests on unknown places only with
    ``include_undetermined``. See the module docstring for the definition.
    """
    wanted = tuple(r for r in RELATIONS if r in set(relations))
    unknown = set(relations) - set(RELATIONS)
    if unknown:
        raise ValueError(f"unknown relation(s): {', '.join(sorted(unknown))}")
    progs = [p for p in programs if norm_key(p.name)]
    n = len(progs)
    if n < 2:
        return DuplicateResult(PairTable(), threshold, wanted, include_undetermined, programs=n)
    prep = _prepare(progs)
    rows = block_rows or max(16, min(n, _BLOCK_CELLS // max(n, 1)))
    i, j, name, content = _candidates(prep, weights, threshold, rows)
    ki, kj = _kind_pairs(prep)
    fresh = _not_in(n, ki, kj, i, j)
    ki, kj = ki[fresh], kj[fresh]
    candidates = len(i) + len(ki)
    # In chunks, so the temporaries of a 20,000-program scan stay small.
    step = _EVAL_CHUNK
    scored = _concat(
        [
            *(
                _evaluate(
                    prep,
                    i[s : s + step],
                    j[s : s + step],
                    name[s : s + step],
                    content[s : s + step],
                    threshold,
                    weights,
                )
                for s in range(0, max(len(i), 1), step)
            ),
            *(
                _evaluate_kind(prep, ki[s : s + step], kj[s : s + step], threshold, weights)
                for s in range(0, max(len(ki), 1), step)
            ),
        ]
    )
    ra = scored.reach
    # Per relation (index + 1, 0 = different fields) and certainty, in one pass.
    tally = np.bincount((ra.relation.astype(np.int64) + 1) * 2 + ra.certain, minlength=12)
    counts: dict[str, dict[str, int]] = {
        rel: {"certain": int(tally[(r + 1) * 2 + 1]), "uncertain": int(tally[(r + 1) * 2])}
        for r, rel in enumerate(RELATIONS)
    }
    other_field = int(tally[0] + tally[1])
    keep = np.isin(ra.relation, [RELATIONS.index(r) for r in wanted])
    if not include_undetermined:
        keep &= ra.certain
    kept = np.nonzero(keep)[0]
    # Best first; ties by the text score, then by the pair, so the order is stable. Only the
    # reported pairs are sorted (filtering a sorted list keeps its order: the same result).
    order = np.lexsort(
        (scored.j[kept], scored.i[kept], -np.nan_to_num(scored.text[kept]), -scored.total[kept])
    )
    pairs = PairTable(prep, scored.take(kept[order]))
    notes = []
    hidden = sum(counts[r]["uncertain"] for r in wanted)
    if hidden and not include_undetermined:
        notes.append(
            f"지역을 알 수 없어 관계를 정할 수 없는 쌍 {hidden}개는 뺐습니다 "
            "(시·도가 없는 지자체 사업, 또는 같은 시·도에서 시·군·구를 모르는 사업)."
        )
    if other_field:
        notes.append(f"분야가 서로 다른 쌍 {other_field}개(예: 농식품 / 콘텐츠)는 뺐습니다.")
    return DuplicateResult(
        pairs, threshold, wanted, include_undetermined, candidates, counts, other_field, n, notes
    )


def score_pair(a: Program, b: Program, weights: Mapping[str, float] = WEIGHTS) -> Pair:
    """Score and classify one pair exactly as :func:`find_duplicates` does (tests, baselines).

    The pair is returned whatever its score (threshold 0).
    """
    prep = _prepare([a, b])
    i, j = np.array([0]), np.array([1])
    name = process.cpdist(prep.names[i], prep.names[j], scorer=fuzz.ratio, dtype=np.uint8)
    content = process.cpdist(prep.leads[i], prep.leads[j], scorer=fuzz.ratio, dtype=np.uint8)
    return PairTable(prep, _evaluate(prep, i, j, name, content, 0.0, weights))[0]


def _components(n: int, i: np.ndarray, j: np.ndarray) -> list[list[int]]:
    """Connected components (of two or more nodes) of the graph with edges (i[k], j[k]).

    Min-label propagation with pointer jumping, vectorised: each round every edge pulls both
    ends to the smaller label, then labels follow their own labels to the root. Same answer as
    ``networkx.connected_components`` without building 10⁵ Python edge tuples.
    """
    if len(i) == 0:
        return []
    label = np.arange(n)
    while True:
        low = np.minimum(label[i], label[j])
        before = label.copy()
        np.minimum.at(label, i, low)
        np.minimum.at(label, j, low)
        while True:
            jumped = label[label]
            if np.array_equal(jumped, label):
                break
            label = jumped
        if np.array_equal(before, label):
            break
    nodes = np.unique(np.concatenate([i, j]))
    groups: dict[int, list[int]] = {}
    for node, root in zip(nodes.tolist(), label[nodes].tolist(), strict=True):
        groups.setdefault(root, []).append(node)
    return list(groups.values())


# ----------------------------------------------------------------------------- desk views


def _by_id(programs: Iterable[Program] | Mapping[str, Program]) -> Mapping[str, Program]:
    return programs if isinstance(programs, Mapping) else {p.program_id: p for p in programs}


def _sort_key_budget(a: Program, b: Program, score: float) -> tuple:
    stake, _ = budget_at_stake(a, b)
    known = [x for x in (a.budget_eok, b.budget_eok) if x is not None]
    # Known stakes first (largest first), then pairs with one stated budget, then none.
    return (
        0 if stake is not None else 1 if known else 2,
        -(stake if stake is not None else max(known, default=0.0)),
        -score,
    )


def ranked_overlaps(
    result: DuplicateResult,
    programs: Iterable[Program] | Mapping[str, Program],
    relations: Iterable[str] = DEFAULT_RELATIONS,
) -> list[Pair]:
    """Pairs of these relations ranked by the budget at stake (:func:`budget_at_stake`).

    Pairs whose stake is known come first, largest first; then pairs with only one stated
    budget (by that budget), then pairs with none — each group by score. Unknown budgets are
    never read as 0.
    """
    by_id = _by_id(programs)
    pairs = [p for p in result.of(*relations) if p.a_id in by_id and p.b_id in by_id]
    return sorted(pairs, key=lambda p: _sort_key_budget(by_id[p.a_id], by_id[p.b_id], p.score))


def _sido_of(program: Program) -> str:
    area = reach_area(program)
    if area.nationwide:
        return NATIONWIDE
    return "·".join(area.sidos) if area.sidos else "지역 미상"


@dataclass(frozen=True)
class LocalCopies:
    """A central program and the local programs repeating it, by 시·도."""

    central_id: str
    by_sido: dict[str, list[str]]
    pairs: list[Pair]

    @property
    def count(self) -> int:
        """How many local programs repeat the central one."""
        return sum(len(v) for v in self.by_sido.values())


def local_copies(
    result: DuplicateResult, programs: Iterable[Program] | Mapping[str, Program]
) -> list[LocalCopies]:
    """For every central program with local copies: those copies grouped by 시·도.

    Ordered by the number of copies, then by the central program's budget. 시·도 the data does
    not give are grouped as "지역 미상".
    """
    by_id = _by_id(programs)
    groups: dict[str, list[Pair]] = {}
    for pair in result.of("local_copy"):
        groups.setdefault(pair.a_id, []).append(pair)
    out = []
    for central, pairs in groups.items():
        by_sido: dict[str, list[str]] = {}
        for pair in sorted(pairs, key=lambda p: -p.score):
            local = by_id.get(pair.b_id)
            sido = _sido_of(local) if local is not None else "지역 미상"
            by_sido.setdefault(sido, []).append(pair.b_id)
        by_sido = dict(sorted(by_sido.items(), key=lambda kv: (kv[0] == "지역 미상", kv[0])))
        out.append(LocalCopies(central, by_sido, pairs))
    budget = {pid: (by_id[pid].budget_eok or 0.0) if pid in by_id else 0.0 for pid in groups}
    return sorted(out, key=lambda lc: (-lc.count, -budget[lc.central_id], lc.central_id))


def local_copy_table(
    result: DuplicateResult,
    programs: Iterable[Program] | Mapping[str, Program],
    central_id: str | None = None,
) -> pd.DataFrame:
    """Local copies counted by 시·도: one row per 시·도 (the 17 in order, then "지역 미상").

    Columns 지역판 (copies), 중앙 사업 (how many central programs they repeat), 예산 명시 합계
    (억원, stated budgets only) and 예산 미상 (copies without a budget). With ``central_id``
    only that central program's copies count. Every 시·도 is listed, with zeros, so the table
    can colour a map.
    """
    by_id = _by_id(programs)
    rows: dict[str, dict[str, Any]] = {
        s: {"지역판": 0, "중앙 사업": set(), "예산 명시 합계(억원)": 0.0, "예산 미상": 0}
        for s in (*SIDO, "지역 미상")
    }
    for group in local_copies(result, by_id):
        if central_id is not None and group.central_id != central_id:
            continue
        for sido, pids in group.by_sido.items():
            for sd in sido.split("·") if sido != "지역 미상" else [sido]:
                row = rows.setdefault(
                    sd,
                    {"지역판": 0, "중앙 사업": set(), "예산 명시 합계(억원)": 0.0, "예산 미상": 0},
                )
                row["지역판"] += len(pids)
                row["중앙 사업"].add(group.central_id)
                for pid in pids:
                    budget = by_id[pid].budget_eok if pid in by_id else None
                    if budget is None:
                        row["예산 미상"] += 1
                    else:
                        row["예산 명시 합계(억원)"] += budget
    frame = pd.DataFrame(
        [
            {
                "시·도": sido,
                "지역판": r["지역판"],
                "중앙 사업": len(r["중앙 사업"]),
                "예산 명시 합계(억원)": round(r["예산 명시 합계(억원)"], 2),
                "예산 미상": r["예산 미상"],
            }
            for sido, r in rows.items()
        ]
    )
    return frame.set_index("시·도")


@dataclass(frozen=True)
class Family:
    """Programs of one relation that all pair with one another (a regional-copy family or a
    ladder).

    ``members`` are ordered (ladders: earliest band first; families: by place); ``scheme`` is
    the commonest name core, a label for people; ``pairs`` are the reported pairs among the
    members — every two members are one of them, which is the evidence for the group.
    """

    members: list[str]
    scheme: str
    places: list[str]
    budget_eok: float | None
    budget_stated: int
    pairs: list[Pair]


# Enough for any real catalogue; bounds the work on a pathological pair graph.
_MAX_CLIQUES = 100_000


def clique_groups(edges: Iterable[tuple[str, str, float]]) -> list[list[str]]:
    """Disjoint groups of ids in which every two ids share an edge, best first.

    Pairs chained into connected components put programs that share nothing in one group (a
    ladder of 17 programs through 예비창업패키지, a family of 24 centres through a few alike
    names). A group here is a clique — each member pairs with every other — picked greedily:
    the largest, then the highest sum of pair scores, then the smallest ids; its members are
    taken, and the next group is chosen from what is left. A program whose partners all went
    to other groups is in none (its pairs stay in the pair list).

    >>> clique_groups([("a", "b", 90), ("b", "c", 80), ("a", "c", 70), ("c", "d", 95)])
    [['a', 'b', 'c']]
    >>> clique_groups([("a", "b", 90), ("b", "c", 80), ("c", "d", 95)])
    [['c', 'd'], ['a', 'b']]
    """
    import networkx as nx

    graph: nx.Graph[str] = nx.Graph()
    for a, b, score in edges:
        if a != b:
            graph.add_edge(a, b, score=float(score))
    groups: list[list[str]] = []
    for component in sorted(sorted(c) for c in nx.connected_components(graph)):
        sub = graph.subgraph(component)
        cliques = [frozenset(c) for c in islice(nx.find_cliques(sub), _MAX_CLIQUES)]
        used: set[str] = set()
        while True:
            # What is left of each maximal clique is a clique; every maximal clique of the
            # remaining graph is one of these remainders, so no enumeration is repeated.
            best: tuple[int, float, list[str]] | None = None
            for clique in cliques:
                rest = sorted(clique - used)
                if len(rest) < 2:
                    continue
                score = sum(sub[x][y]["score"] for k, x in enumerate(rest) for y in rest[k + 1 :])
                if (
                    best is None
                    or (len(rest), score) > best[:2]
                    or ((len(rest), score) == best[:2] and rest < best[2])
                ):
                    best = (len(rest), score, rest)
            if best is None:
                break
            groups.append(best[2])
            used.update(best[2])
    return groups


def _families(
    result: DuplicateResult,
    programs: Iterable[Program] | Mapping[str, Program],
    relation: str,
) -> list[Family]:
    by_id = _by_id(programs)
    pairs = [p for p in result.of(relation) if p.a_id in by_id and p.b_id in by_id]
    if not pairs:
        return []
    out = []
    for members in clique_groups((p.a_id, p.b_id, p.score) for p in pairs):
        progs = [by_id[m] for m in members]
        if relation == "ladder":
            order = {pid: _band_start(by_id[pid]) for pid in members}
            members.sort(key=lambda m: (order[m], by_id[m].name))
        else:
            members.sort(key=lambda m: (_sido_of(by_id[m]), by_id[m].name))
        keys = Counter(name_key(p.name) for p in progs)
        scheme_key = keys.most_common(1)[0][0]
        scheme = min((p.name for p in progs if name_key(p.name) == scheme_key), key=len, default="")
        budgets = [p.budget_eok for p in progs if p.budget_eok is not None]
        member_set = set(members)
        out.append(
            Family(
                members,
                scheme,
                [reach_area(by_id[m]).describe() for m in members],
                round(sum(budgets), 2) if budgets else None,
                len(budgets),
                [p for p in pairs if p.a_id in member_set and p.b_id in member_set],
            )
        )
    return sorted(out, key=lambda f: (-len(f.members), -(f.budget_eok or 0.0), f.scheme))


def _band_start(p: Program) -> tuple[float, float]:
    elig = p.eligibility
    if elig.founder == "pre_only":
        start = -1.0
    else:
        start = float(elig.years_min) if elig.years_min is not None else 0.0
        start += 0.0 if elig.years_min_inclusive else 0.5
    return start, float(elig.age_min or 0)


def regional_families(
    result: DuplicateResult, programs: Iterable[Program] | Mapping[str, Program]
) -> list[Family]:
    """Regional-copy families: one scheme run in N places no firm spans, with their budgets —
    places that all pair with one another (:func:`clique_groups`), not chains of pairs."""
    return _families(result, programs, "regional_copies")


def ladders(
    result: DuplicateResult, programs: Iterable[Program] | Mapping[str, Program]
) -> list[Family]:
    """Ladders: the same help split over bands that do not meet, earliest band first — rungs
    that all pair with one another (:func:`clique_groups`), not chains of pairs."""
    return _families(result, programs, "ladder")


def _label(program: Program, by: str) -> str:
    if by == "ministry":
        return program.ministry or program.institution or "소관 미상"
    sido = _sido_of(program)
    return sido


def overlap_table(
    result: DuplicateResult,
    programs: Iterable[Program] | Mapping[str, Program],
    by: Literal["ministry", "region"] = "ministry",
    relations: Iterable[str] = ("overlap", "sector_variant"),
) -> pd.DataFrame:
    """Square count table of overlaps between ministries, or between 시·도.

    ``ministry`` counts pairs of two central programs by 소관 부처 (the diagonal holds overlaps
    inside one ministry); ``region`` counts pairs of two local programs by 시·도. Only pairs
    within reach of the same firm count (default ``overlap`` and ``sector_variant``; a central
    program and its local copy are :func:`local_copies`), so neither table mixes the other's
    programs in and copies across places never show.
    """
    if by not in ("ministry", "region"):
        raise ValueError("by must be 'ministry' or 'region'")
    by_id = _by_id(programs)
    counts: dict[tuple[str, str], int] = {}
    labels: set[str] = set()
    for pair in result.of(*relations):
        a, b = by_id.get(pair.a_id), by_id.get(pair.b_id)
        if a is None or b is None or a.is_local != b.is_local:
            continue
        if (by == "ministry") == a.is_local:
            continue
        la, lb = sorted((_label(a, by), _label(b, by)))
        labels.update((la, lb))
        counts[(la, lb)] = counts.get((la, lb), 0) + 1
        if la != lb:
            counts[(lb, la)] = counts.get((lb, la), 0) + 1
    order = sorted(labels, key=lambda x: (x.endswith("미상"), x))
    frame = pd.DataFrame(0, index=order, columns=order, dtype="int64")
    for (la, lb), c in counts.items():
        frame.loc[la, lb] = c
    frame.index.name = "소관 부처" if by == "ministry" else "시·도"
    frame.columns.name = frame.index.name
    return frame
