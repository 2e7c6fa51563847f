"""Which notice program a call (공고) is issued under, from its title, places and aliases.

K-Startup's calls name their notice program in ``intg_pbanc_biz_nm`` when the API sends it;
copies of the API kept by other projects (the embedded calls among them) drop that field, so a
call has to be linked by what it says: its title, its 공고기관 and its 지원지역. Most calls belong
to no program of the catalogue (events, university and corporate programmes, programs the
catalogue lacks: about 93% of a systematic sample of recent calls), so the default is **no link**
and every link must be earned:

* **Name.** A program's *core* — its name normalised (:func:`~loaders.textnorm.norm_key`, 시·도
  long forms shortened, spelling variants from ``data/call_aliases.csv`` applied) without
  generic endings ("운영", "지원사업", "프로그램") — must appear in the call title, exactly or
  with a typo or two (rapidfuzz ``partial_ratio``); or all of its words must appear in order
  ("광명 혁신스타트업 액셀러레이팅" in "광명형 혁신스타트업 스케일업 액셀러레이팅"); or a
  brand alias kept as data must appear as whole words ("팁스", "GMEP", "IP창업존").
* **Place.** A local program, or a central one with a place in its name ("대전 방산혁신클러스터
  …"), links only to a call that names the same place — in ``supt_regin``, the title or the
  공고기관 ("고양산업진흥원", "(재)대구창조경제혁신센터") — and never to a call that names
  another 시·도 or another 시·군·구. A local program whose 시·도 the catalogue does not know takes
  it from its K-Startup id's neighbours when both agree (an inference, said in the reason and
  lowering the score; see ``data/README.md``); with neither it is never linked.
* **Specificity.** A core that is part of other programs' names ("창업보육센터", "창업아카데미")
  links only with agreement down to the 시·군·구; a core naming an organisation rather than a
  program ("충남창조경제혁신센터") never links, because such bodies run many things; a program
  whose name adds a track ("(창업 트랙)") does not take a call for another track; the longest
  matching core wins, and a tie between two programs leaves the call unlinked.
* **Year.** A call of another year (by the year in its title, else its reception dates) is not
  evidence for this year's program; the 통합공고 itself is never a call of a program.

Each decision is a :class:`CallLink` with a 0–100 score and a Korean reason. Precision and
recall against a hand-labelled set are measured in ``tests/test_call_links.py`` and reported in
the README.
"""

from __future__ import annotations

import csv
import html
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from rapidfuzz import fuzz

from data import DATA_DIR
from loaders.model import Program
from loaders.regions import (
    AMBIGUOUS_SIGUNGU,
    NATIONWIDE,
    SIDO_LONG,
    SIGUNGU,
    SIGUNGU_STEMS,
    find_sido_mentions,
    is_sido_name,
    resolve_sigungu,
)
from loaders.textnorm import norm_key

if TYPE_CHECKING:
    from loaders.announcements import Announcement

__all__ = [
    "ALIASES_FILE",
    "CallLink",
    "Confidence",
    "ProgramIndex",
    "build_index",
    "cached_linker",
    "link_call",
    "link_calls",
]

ALIASES_FILE = DATA_DIR / "call_aliases.csv"
Confidence = Literal["high", "medium"]

# Generic endings dropped from program names before matching ("서울창업허브 창동 운영" is found in
# "서울창업허브 창동 입주기업 모집"). Longest first; a core keeps at least three characters.
_SUFFIXES: tuple[str, ...] = tuple(
    sorted(
        (
            "운영지원사업",
            "운영사업",
            "운영지원",
            "지원사업",
            "육성사업",
            "육성지원",
            "운영",
            "사업",
            "지원",
            "프로그램",
            "프로젝트",
        ),
        key=len,
        reverse=True,
    )
)
# Words that make a core the name of an organisation, which runs many programs and events.
_ORGANISATION_WORDS: tuple[str, ...] = (
    "창조경제혁신센터",
    "테크노파크",
    "경제진흥원",
    "산업진흥원",
    "진흥원",
    "재단",
    "상공회의소",
)
_TRACK_WORD = "트랙"
# A 공고기관 that is a local government itself ("서대문구청장", "익산시청", "광명시장").
_LOCAL_GOVERNMENT = re.compile(r"(?:시|군|구|도)(?:청장?|장|지사)\s*$|(?:시|군|구)청(?:\s|$)")
_MIN_CORE = 4  # characters of a normalised core (two Hangul words at least)
_FUZZY_MIN_LEN = 8  # shorter cores must appear exactly
_FUZZY_CUTOFF = 92.0
_TOKEN_SCORE = 90.0
_ALIAS_SCORE = 95.0
_ORGANISER_SCORE = 88.0
_INFERRED_PENALTY = 5.0
_LINK_CUTOFF = 85.0
_MAX_WORD_GAP = 6
# Everyday words of startup support. A core made only of them ("글로벌 액셀러레이팅", "경영컨설팅",
# "창업보육센터") describes a kind of program that many bodies run, so it links only when it
# starts the call's title; a distinctive name ("창업중심대학", "IP 디딤돌") may stand anywhere.
_COMMON_TEXT = """창업 창업자 창업가 창업기업 스타트업 기업 벤처 글로벌 해외 진출 액셀러레이팅 액셀러레이터
        경영 기술 컨설팅 멘토링 교육 아카데미 스쿨 투자 유치 연계 마케팅 판로 개척 시제품 제작
        사업화 성장 육성 지원 청년 여성 중장년 예비 초기 도약 보육 센터 입주 공간 오픈이노베이션
        혁신 스케일업 데모데이 네트워킹 인증 특허 전략 실증 협업 활성화 사회적경제 소셜벤처
        로컬크리에이터 로컬 크라우드펀딩 인큐베이팅 1인창조기업 바우처 인력 양성 재도전 재창업
        디지털 전환 플랫폼 운영 사업 프로그램 맞춤형 단계별 통합 기반 조성 공동 민간 공공 우수
        신규 신산업 유망 매칭 상담 자금 융자 보증 실전 기초 역량 강화 개발 구축 허브 캠퍼스"""
_COMMON_WORDS: tuple[str, ...] = tuple(sorted(_COMMON_TEXT.split(), key=len, reverse=True))
_HIGH_CUTOFF = 95.0

_BRACKET = re.compile(
    r"[\(\[\{（［｛【〔「『｢<〈《]([^\)\]\}）］｝】〕」』｣>〉》]{2,40})[\)\]\}）］｝】〕」』｣>〉》]"
)
_TITLE_YEAR = re.compile(r"(?<!\d)(20\d{2})\s*(?:년도?|년|\s|$|[^\d])")
_SHORT_YEAR = re.compile(r"(?<![\d'])'?(\d{2})\s*년(?:도)?")
_NOTICE_ITSELF = re.compile(r"창업지원사업\s*통합\s*공고")
_WORDS = re.compile(r"[0-9a-z가-힣]+")
# 시·도 long forms -> short, so "경상북도 예비유니콘" meets "경북 예비유니콘". Longest first.
_SIDO_FORMS = sorted(
    ((long, short) for short, longs in SIDO_LONG.items() for long in longs),
    key=lambda pair: len(pair[0]),
    reverse=True,
)
_SIDO_FORM_RE = re.compile("|".join(re.escape(long) for long, _ in _SIDO_FORMS))
_SIDO_SHORT = dict(_SIDO_FORMS)
# 기초 names in running text: full names ("과천시"), and stems that lead a word and are followed
# by a suffix that makes them a place ("진주형", "고양산업진흥원", "수원대학교", "성남 …").
_FULL_PLACE = re.compile(
    "|".join(
        re.escape(n)
        for n in sorted(SIGUNGU, key=len, reverse=True)
        if n not in AMBIGUOUS_SIGUNGU and " " not in n and not is_sido_name(n)
    )
)
_STEM_PLACE = re.compile(
    r"(?<![가-힣])("
    + "|".join(re.escape(s) for s in sorted(SIGUNGU_STEMS, key=len, reverse=True))
    + r")(?=형|\s|$|[^가-힣]|산업진흥원|상공회의소|시청|시장|대학교|시\s*창업|창업)"
)


@dataclass(frozen=True, slots=True)
class CallLink:
    """The decision for one call: the program it belongs to (or None), score 0–100 and why.

    ``confidence`` is "high" for an exact or alias match with a place that is not inferred,
    "medium" otherwise; None when there is no link. ``method`` names the evidence ("사업명",
    "사업명(유사)", "사업명 낱말", "별칭", "공고기관") or the reason there is none.
    """

    pbanc_sn: str
    program_id: str | None
    score: float
    reason: str
    method: str = ""
    confidence: Confidence | None = None

    @property
    def linked(self) -> bool:
        return self.program_id is not None


@dataclass(frozen=True, slots=True)
class _Places:
    sidos: frozenset[str]
    units: frozenset[str]  # 기초 names as in SIGUNGU_BY_SIDO ("고양시")
    inferred: bool = False

    def __bool__(self) -> bool:
        return bool(self.sidos or self.units)


@dataclass(frozen=True, slots=True)
class _Entry:
    program: Program
    cores: tuple[str, ...]
    track: str  # normalised bracketed track qualifier ("창업트랙"), or ""
    words: tuple[str, ...]  # words of the name without generic endings, for in-order matching
    places: _Places
    needs_place: bool
    organisation: bool  # the core names an organisation (never links on its own)
    generic: frozenset[str]  # cores that are part of another program's name


@dataclass(frozen=True)
class ProgramIndex:
    """Programs prepared once for linking (cores, places, aliases); reuse it for many calls."""

    entries: tuple[_Entry, ...]
    aliases: Mapping[str, tuple[str, ...]]  # alias key -> program ids
    spellings: tuple[tuple[str, str], ...]
    # Two-character grams that open or close a core or open the first word -> entry numbers:
    # a program none of whose grams occurs in a call cannot match it, so it is not looked at.
    by_gram: Mapping[str, tuple[int, ...]]

    def candidates(self, texts: Iterable[str]) -> list[int]:
        """Entry numbers worth matching against ``texts`` (sorted, no repeats)."""
        found: set[int] = set()
        for text in texts:
            for i in range(len(text) - 1):
                found.update(self.by_gram.get(text[i : i + 2], ()))
        return sorted(found)


# --------------------------------------------------------------------------- text helpers


def _normalise(text: str, spellings: Sequence[tuple[str, str]] = ()) -> str:
    """NFKC, entities decoded, 시·도 long forms shortened, lower case, spelling variants."""
    text = unicodedata.normalize("NFKC", html.unescape(text or ""))
    text = _SIDO_FORM_RE.sub(lambda m: _SIDO_SHORT[m.group(0)], text).lower()
    for variant, canonical in spellings:
        text = text.replace(variant, canonical)
    return text


def _strip_suffix(key: str) -> str:
    changed = True
    while changed:
        changed = False
        for suffix in _SUFFIXES:
            if key.endswith(suffix) and len(key) - len(suffix) >= 3:
                key = key[: -len(suffix)]
                changed = True
                break
    return key


def _call_keys(title: str, spellings: Sequence[tuple[str, str]]) -> tuple[str, ...]:
    text = _normalise(title, spellings)
    text = _SHORT_YEAR.sub(" ", text)
    keys = {norm_key(text), norm_key(text, drop_brackets=True)}
    return tuple(k for k in keys if k)


def text_places(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """(시·도, 시·군·구) named in ``text``: 시·도 in any spelling, 기초 names and place stems."""
    text = unicodedata.normalize("NFKC", html.unescape(text or ""))
    sidos = set(find_sido_mentions(text))
    units: set[str] = set()
    for m in _FULL_PLACE.finditer(text):
        sidos.add(SIGUNGU[m.group(0)])
        units.add(m.group(0))
    for m in _STEM_PLACE.finditer(text):
        sido, name = SIGUNGU_STEMS[m.group(1)]
        sidos.add(sido)
        units.add(name)
    return frozenset(sidos), frozenset(units)


def call_year(ann: Announcement) -> tuple[int, ...]:
    """The notice years a call can belong to: the year in its title ("2026년", "'26년"), else
    the years its reception period touches; () when neither is known."""
    found = _TITLE_YEAR.search(ann.title)
    if found:
        return (int(found.group(1)),)
    years = {d.year for d in (ann.start, ann.end) if d is not None}
    if len(years) == 2:
        low, high = min(years), max(years)
        return tuple(range(low, high + 1))
    return tuple(years)


# --------------------------------------------------------------------------- aliases


@lru_cache(maxsize=4)
def _read_aliases(path: Path) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    programs: list[tuple[str, str]] = []
    spellings: list[tuple[str, str]] = []
    if not path.exists():
        return (), ()
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            kind = (row.get("kind") or "").strip()
            text = norm_key(row.get("text") or "", drop_year=False)
            canonical = (row.get("canonical") or "").strip()
            if not text or not canonical:
                continue
            if kind == "program":
                programs.append((text, canonical))
            elif kind == "spelling":
                spellings.append((text, norm_key(canonical, drop_year=False)))
    return tuple(programs), tuple(spellings)


# --------------------------------------------------------------------------- index


def _inferred_regions(programs: Sequence[Program]) -> dict[str, str]:
    """시·도 of local programs without one, from their K-Startup id's known neighbours.

    Local programs' ids follow the notice's province order in several passes (data/README.md),
    so a blank program between two programs of the same 시·도 very likely shares it. Used only
    to agree or disagree with a call's place, and always said to be inferred.
    """
    local = sorted(
        (int(p.kstartup_id), p) for p in programs if p.is_local and p.kstartup_id.isdigit()
    )
    out: dict[str, str] = {}
    for i, (_, p) in enumerate(local):
        if p.region and p.region != NATIONWIDE:
            continue
        before = next((q.region for _, q in reversed(local[:i]) if _known(q)), None)
        after = next((q.region for _, q in local[i + 1 :] if _known(q)), None)
        if before and before == after:
            out[p.program_id] = before
    return out


def _known(p: Program) -> bool:
    return bool(p.region) and p.region != NATIONWIDE


def _program_places(p: Program, inferred: str | None) -> _Places:
    named_sidos, named_units = text_places(p.name)
    sidos, units = set(named_sidos), set(named_units)
    is_inferred = False
    if p.is_local:
        if _known(p):
            sidos.add(p.region)
        elif inferred and not sidos:
            sidos.add(inferred)
            is_inferred = True
        inst = p.institution.strip()
        if inst and not is_sido_name(inst):
            found = resolve_sigungu(inst, p.region or None)
            if found is not None:
                sidos.add(found[0])
                units.add(found[1])
    return _Places(frozenset(sidos), frozenset(units), is_inferred)


def _place_words(places: _Places) -> list[str]:
    """Normalised spellings of a program's own places ("경기", "고양시", "고양")."""
    words = set(places.sidos)
    for unit in places.units:
        words.add(unit)
        if unit[-1] in "시군" and len(unit) >= 3:
            words.add(unit[:-1])
    return sorted((norm_key(w) for w in words), key=len, reverse=True)


def _placed(core: str, entry: _Entry) -> bool:
    return any(core.startswith(w) for w in _place_words(entry.places))


def build_index(programs: Iterable[Program], *, aliases_file: Path = ALIASES_FILE) -> ProgramIndex:
    """Prepare ``programs`` for :func:`link_call` (cores, words, places, aliases).

    Program aliases in ``aliases_file`` name a program by its notice name; an alias whose
    program is not in the catalogue is ignored.
    """
    programs = list(programs)
    alias_rows, spellings = _read_aliases(aliases_file)
    inferred = _inferred_regions(programs)
    full_keys = [norm_key(_normalise(p.name, spellings)) for p in programs]
    entries: list[_Entry] = []
    for n, p in enumerate(programs):
        name = _normalise(p.name, spellings)
        cores: set[str] = set()
        for key in (norm_key(name), norm_key(name, drop_brackets=True)):
            core = _strip_suffix(key)
            if len(core) >= _MIN_CORE:
                cores.add(core)
        track = ""
        for m in _BRACKET.finditer(name):
            inner = _strip_suffix(norm_key(m.group(1)))
            if inner.endswith(_TRACK_WORD):
                track = inner
            elif len(inner) >= 5:
                cores.add(inner)
        words = tuple(
            w
            for w in (_strip_suffix(norm_key(x)) for x in re.split(r"[\s()\[\]]+", name))
            if w and w not in _SUFFIXES and not w.endswith(_TRACK_WORD)
        )
        places = _program_places(p, inferred.get(p.program_id))
        # "경기창업혁신공간" is also written without its own place ("창업혁신공간 서부권"); the
        # place then has to come from the call's region or 공고기관.
        for core in list(cores):
            for word in _place_words(places):
                if core.startswith(word) and len(core) - len(word) >= 5:
                    cores.add(core[len(word) :])
        # A core that is part of another program's name ("창업보육센터") is a kind of program,
        # not one program. Local programs never compete with a central one for a call that
        # names no place, so a central core is generic only against other central names.
        rivals = [
            k
            for m, k in enumerate(full_keys)
            if m != n and (p.is_local or not programs[m].is_local)
        ]
        generic = frozenset(c for c in cores if any(c in k for k in rivals))
        entries.append(
            _Entry(
                program=p,
                cores=tuple(sorted(cores, key=len, reverse=True)),
                track=track,
                words=words,
                places=places,
                needs_place=p.is_local or bool(places),
                organisation=any(w in c for c in cores for w in _ORGANISATION_WORDS),
                generic=generic,
            )
        )
    by_name: dict[str, list[str]] = {}
    for p in programs:
        by_name.setdefault(norm_key(p.name), []).append(p.program_id)
    aliases: dict[str, tuple[str, ...]] = {}
    for alias, canonical in alias_rows:
        ids = by_name.get(norm_key(canonical))
        if ids:
            aliases[alias] = tuple(dict.fromkeys((*aliases.get(alias, ()), *ids)))
    by_gram: dict[str, set[int]] = {}
    for n, entry in enumerate(entries):
        grams = {c[:2] for c in entry.cores} | {c[-2:] for c in entry.cores}
        if entry.words:
            grams.add(entry.words[0][:2])
        for gram in grams:
            by_gram.setdefault(gram, set()).add(n)
    return ProgramIndex(
        tuple(entries),
        aliases,
        spellings,
        {g: tuple(sorted(ns)) for g, ns in by_gram.items()},
    )


# --------------------------------------------------------------------------- linking


@dataclass(frozen=True, slots=True)
class _Candidate:
    entry: _Entry
    score: float
    core: str
    method: str
    level: int  # 2 = same 시·군·구, 1 = same 시·도, 0 = no place needed
    inferred: bool


def _name_match(entry: _Entry, keys: Sequence[str]) -> tuple[float, str, str]:
    """Best (score, matched core, method) of a program's name against the call keys."""
    best: tuple[float, str, str] = (0.0, "", "")
    for core in entry.cores:
        for key in keys:
            if core in key:
                score, method = 100.0, "사업명"
            elif (
                len(core) >= _FUZZY_MIN_LEN
                and len(core) <= len(key)
                and (core[:2] in key or core[-2:] in key)
            ):
                score = fuzz.partial_ratio(core, key, score_cutoff=_FUZZY_CUTOFF)
                method = "사업명(유사)"
            else:
                continue
            if (score, len(core)) > (best[0], len(best[1])):
                best = (score, core, method)
    return best


def _word_match(entry: _Entry, keys: Sequence[str], call_places: _Places) -> bool:
    """All words of the program's name, in order and close together, in a call key."""
    if len(entry.words) < 2 or sum(map(len, entry.words)) < 6:
        return False
    if not any(entry.words[0] in key for key in keys):
        return False
    joined = "".join(entry.words)
    for key in keys:
        at = first = -1
        gap = 0
        for word in entry.words:
            found = key.find(word, max(at, 0))
            if found < 0:
                break
            if at >= 0:
                gap += found - at
            else:
                first = found
            at = found + len(word)
        else:
            # "광명형 혁신스타트업 스케일업 액셀러레이팅", not words scattered over a title.
            if gap > _MAX_WORD_GAP:
                continue
            if not _descriptive(joined) or _leads(key[first:at], key, call_places):
                return True
    return False


@lru_cache(maxsize=4096)
def _descriptive(core: str) -> bool:
    """True when ``core`` is made only of everyday support words ("글로벌액셀러레이팅")."""
    at = 0
    while at < len(core):
        for word in _COMMON_WORDS:
            if core.startswith(word, at):
                at += len(word)
                break
        else:
            return False
    return True


def _leads(core: str, key: str, call_places: _Places) -> bool:
    """True when ``core`` starts the call's subject, after places only ("대구 스타트업 …")."""
    at = key.find(core)
    if at <= 0:
        return at == 0
    head = key[:at]
    words = sorted(
        {norm_key(w) for w in (*call_places.sidos, *call_places.units)}
        | {norm_key(u[:-1]) for u in call_places.units if len(u) >= 3},
        key=len,
        reverse=True,
    )
    while head:
        for word in words:
            if word and head.startswith(word):
                head = head[len(word) :]
                break
        else:
            return False
    return True


def _place_level(entry: _Entry, call: _Places) -> int | None:
    """2/1 for agreement at 시·군·구/시·도 level, 0 when no place is needed, None = conflict."""
    prog = entry.places
    if prog.units and call.units and not (prog.units & call.units):
        return None
    if prog.sidos and call.sidos and not (prog.sidos & call.sidos):
        return None
    if prog.units & call.units:
        return 2
    if prog.sidos & call.sidos:
        return 1
    return None if entry.needs_place else 0


def _alias_hits(index: ProgramIndex, title: str) -> dict[str, str]:
    words = _WORDS.findall(_normalise(title, index.spellings))
    hits: dict[str, str] = {}
    for i in range(len(words)):
        joined = ""
        for j in range(i, min(i + 4, len(words))):
            joined += words[j]
            for pid in index.aliases.get(joined, ()):
                hits.setdefault(pid, joined)
    return hits


def _describe(entry: _Entry, cand: _Candidate, call_places: _Places) -> str:
    p = entry.program
    how = {
        "사업명": f"공고명에 사업명 '{p.name}'",
        "사업명(유사)": f"공고명에 사업명 '{p.name}'과(와) 거의 같은 표기",
        "사업명 낱말": f"공고명에 사업명 '{p.name}'의 낱말이 차례로",
        "별칭": f"공고명에 '{p.name}'의 별칭 '{cand.core}'",
        "공고기관": f"공고기관이 '{p.name}'의 시설·기관",
    }[cand.method]
    where = ""
    if cand.level == 2:
        where = f", 지역 일치({', '.join(sorted(entry.places.units & call_places.units))})"
    elif cand.level == 1:
        shared = ", ".join(sorted(entry.places.sidos & call_places.sidos))
        where = f", 지역 일치({shared}{' — 사업 지역은 ID 순서로 추정' if cand.inferred else ''})"
    elif not p.is_local:
        where = ", 중앙부처 사업"
    return f"{how}{where}"


def link_call(ann: Announcement, index: ProgramIndex) -> CallLink:
    """Link one call to at most one program of ``index`` (see the module docstring)."""
    sn = ann.pbanc_sn
    if _NOTICE_ITSELF.search(unicodedata.normalize("NFKC", ann.title)):
        return CallLink(
            sn, None, 0.0, "통합공고 자체 — 개별 사업의 모집 공고가 아닙니다", "통합공고"
        )
    keys = _call_keys(ann.title, index.spellings)
    sidos, units = text_places(ann.title)
    org_sidos, org_units = text_places(ann.organiser)
    regin = (
        set(find_sido_mentions(ann.region)) if ann.region and ann.region != NATIONWIDE else set()
    )
    call_places = _Places(sidos | org_sidos | frozenset(regin), units | org_units)
    years = call_year(ann)
    org_key = norm_key(_normalise(ann.organiser, index.spellings))
    local_issuer = bool(org_sidos or org_units) and bool(_LOCAL_GOVERNMENT.search(ann.organiser))
    aliases = _alias_hits(index, ann.title)
    candidates: list[_Candidate] = []
    alias_entries = [n for n, e in enumerate(index.entries) if e.program.program_id in aliases]
    for n in sorted({*index.candidates((*keys, org_key)), *alias_entries}):
        entry = index.entries[n]
        p = entry.program
        score, core, method = _name_match(entry, keys)
        if (
            score >= _LINK_CUTOFF
            and method in ("사업명", "사업명(유사)")
            and _descriptive(core)
            and not any(_leads(core, key, call_places) for key in keys)
        ):
            score = 0.0
        if score < _TOKEN_SCORE and _word_match(entry, keys, call_places):
            score, core, method = _TOKEN_SCORE, "".join(entry.words), "사업명 낱말"
        if p.program_id in aliases and score < _ALIAS_SCORE:
            score, core, method = _ALIAS_SCORE, aliases[p.program_id], "별칭"
        if score < _LINK_CUTOFF and org_key:
            # The call is issued by the program's own facility ("과천시 창업지원센터" for
            # "과천시 창업지원센터 운영"); only a core carrying the program's place counts.
            own = [c for c in entry.cores if c in org_key and entry.places and _placed(c, entry)]
            if own:
                score, core, method = _ORGANISER_SCORE, max(own, key=len), "공고기관"
        if score < _LINK_CUTOFF or (entry.organisation and method != "별칭"):
            continue
        if not p.is_local and local_issuer:
            continue  # a 시·군·구청 or 시·도청 issues its own programs' calls
        if years and p.year is not None and p.year not in years:
            continue
        if entry.track and entry.track not in "".join(keys) and _TRACK_WORD in "".join(keys):
            continue  # another track of the same scheme
        level = _place_level(entry, call_places)
        if level is None:
            continue
        if core in entry.generic and method != "별칭" and level < 2:
            continue
        inferred = level == 1 and entry.places.inferred
        if inferred:
            score -= _INFERRED_PENALTY
        if score < _LINK_CUTOFF:
            continue
        candidates.append(_Candidate(entry, score, core, method, level, inferred))
    if not candidates:
        return CallLink(sn, None, 0.0, "공고명·지역으로 연결되는 통합공고 사업이 없습니다", "없음")
    candidates.sort(key=lambda c: (len(c.core), c.score, c.level), reverse=True)
    top = candidates[0]
    for other in candidates[1:]:
        if (len(other.core), other.score, other.level) == (len(top.core), top.score, top.level):
            names = f"'{top.entry.program.name}', '{other.entry.program.name}'"
            return CallLink(
                sn, None, 0.0, f"후보가 둘 이상이라 연결하지 않았습니다: {names}", "모호"
            )
    confidence: Confidence = "high" if top.score >= _HIGH_CUTOFF and not top.inferred else "medium"
    return CallLink(
        sn,
        top.entry.program.program_id,
        round(top.score, 1),
        _describe(top.entry, top, call_places),
        top.method,
        confidence,
    )


def link_calls(
    calls: Iterable[Announcement], programs: Iterable[Program] | ProgramIndex
) -> dict[str, CallLink]:
    """:func:`link_call` for every call, keyed by ``pbanc_sn`` (input order kept)."""
    index = programs if isinstance(programs, ProgramIndex) else build_index(programs)
    return {ann.pbanc_sn: link_call(ann, index) for ann in calls}


# The same catalogue and calls are linked on every page load of a session and again after each
# cache clear; decisions depend only on the programs' names/places and the call's own fields, so
# they are kept per catalogue content (a few catalogues, a few thousand calls at most).
_INDEXES: dict[tuple, ProgramIndex] = {}
_DECISIONS: dict[tuple, CallLink] = {}
_CACHE_LIMIT = 50_000


def _catalogue_key(programs: Sequence[Program]) -> tuple:
    return tuple(
        (p.program_id, p.year, p.level, p.institution, p.region, p.name, p.kstartup_id)
        for p in programs
    )


def cached_linker(programs: Sequence[Program]) -> Callable[[Announcement], CallLink]:
    """A memoised :func:`link_call` for ``programs`` (index built once per catalogue content)."""
    key = _catalogue_key(programs)
    index = _INDEXES.get(key)
    if index is None:
        if len(_INDEXES) >= 4:
            _INDEXES.clear()
        index = _INDEXES[key] = build_index(programs)
    token = hash(key)

    def link(ann: Announcement) -> CallLink:
        call_key = (token, ann.pbanc_sn, ann.title, ann.organiser, ann.region, ann.start, ann.end)
        found = _DECISIONS.get(call_key)
        if found is None:
            if len(_DECISIONS) >= _CACHE_LIMIT:
                _DECISIONS.clear()
            found = _DECISIONS[call_key] = link_call(ann, index)
        return found

    return link
