"""The 17 시·도 and their spellings, so "서울", "서울시" and "서울특별시" meet.

Region is an eligibility constraint (a local program is for firms located in its area), so every
place name the loaders or a profile see is reduced to one short canonical 시·도 name here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

__all__ = [
    "AMBIGUOUS_SIGUNGU",
    "DEPOPULATION_AREAS",
    "DEPOPULATION_INTEREST_AREAS",
    "DEPOPULATION_SOURCES",
    "DEPOPULATION_UNSETTLED",
    "NATIONWIDE",
    "REGION_GROUPS",
    "REGION_GROUP_SOURCES",
    "SIDO",
    "SIDO_LONG",
    "SIGUNGU",
    "SIGUNGU_BY_SIDO",
    "SIGUNGU_STEMS",
    "canonical_sido",
    "depopulation_kind",
    "find_sido_mentions",
    "is_sido_name",
    "official_institution_name",
    "resolve_sigungu",
    "sido_of_institution",
    "sido_of_place",
    "sigungu_label",
]

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


# --- groupings of 시·도 (권역) -----------------------------------------------------------------
# 지원대상 texts name a grouping instead of its 시·도 ("동남권 소재", "대전·충청 소재", "충청권
# 소재 기업", "비수도권 소재"). 충청 is not a 시·도: each grouping maps to the 시·도 its cited
# source defines, and a text that spells its own set out in brackets ("호남권(전라·광주·제주)",
# "비수도권 (서울, 경기 제외)") is read by its own list instead (loaders.eligibility_text).
# 호남권 has no entry: the 2025 '5극 3특' puts 전북 among the 특별자치도 beside a 호남권 of
# 광주·전남, while calls use it with their own lists — without one the phrase stays △.
_CAPITAL_AREA = ("서울", "인천", "경기")
REGION_GROUPS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "수도권": _CAPITAL_AREA,
        "비수도권": tuple(s for s in SIDO if s not in _CAPITAL_AREA),
        "충청권": ("대전", "세종", "충북", "충남"),
        # "대전·충청 소재", "대전/세종/충청지역": 충청 as a 권역 name is the 충청권.
        "충청": ("대전", "세종", "충북", "충남"),
        "동남권": ("부산", "울산", "경남"),
        "부울경": ("부산", "울산", "경남"),
        "대경권": ("대구", "경북"),
    }
)
_KOREA_KR_5_3 = (
    "https://www.korea.kr/news/policyNewsView.do?newsId=148946609 (2025-07-29, 정책주간지 K-공감: "
    "'부산·울산·경남 메가시티를 중심으로 하는 동남권, 대구·경북 지방을 아우르는 대경권')"
)
REGION_GROUP_SOURCES: Mapping[str, str] = MappingProxyType(
    {
        "수도권": "수도권정비계획법 제2조 제1호와 시행령 제2조: 서울특별시와 그 주변 지역(인천광역시, "
        "경기도) — https://www.law.go.kr/법령/수도권정비계획법시행령",
        "비수도권": "수도권(서울·인천·경기) 밖의 시·도 — 같은 출처; K-Startup 공고 177195 (2026): "
        "'수도권(서울·인천·경기)을 제외한 비수도권'",
        "충청권": "충청광역연합(2024-12 출범, 대전·세종·충북·충남) — "
        "https://hankyung.com/article/2024121856241; K-Startup 공고 176156 (2026): '충청권 소재 기업 "
        "(충북/충남/대전/세종)'",
        "충청": "충청권과 같음 — https://hankyung.com/article/2024121856241",
        "동남권": f"{_KOREA_KR_5_3}; K-Startup 공고 178907 (2026): '동남권: 부산 울산 경남'",
        "부울경": f"{_KOREA_KR_5_3}; K-Startup 공고 177363 (2026): '동남권(부·울·경)'",
        "대경권": f"{_KOREA_KR_5_3}; K-Startup 공고 178893 (2026): '대경권(대구·경북)'",
    }
)


# --- 기초 local governments (시·군·구) ----------------------------------------------------------
# The 2026 notice lists programs of 79 기초 institutions by their own name ("김천시", "대전광역시
# 서구"), so the program's 시·도 must be derived from a 기초 name. The table follows the 행정안전부
# list of 226 기초 local governments (2026), with 군위군 under 대구 (since 2023-07) and 인천's
# 2026-07 reorganisation (제물포구, 영종구, 검단구) added beside the old names, because notices of
# the same year use both. 제주시/서귀포시 are 행정시 (not local governments) but institutions and
# targets name them, so they map to 제주. 세종 has no 기초 tier.
SIGUNGU_BY_SIDO: dict[str, tuple[str, ...]] = {
    "서울": (
        "종로구", "중구", "용산구", "성동구", "광진구", "동대문구", "중랑구", "성북구", "강북구",
        "도봉구", "노원구", "은평구", "서대문구", "마포구", "양천구", "강서구", "구로구", "금천구",
        "영등포구", "동작구", "관악구", "서초구", "강남구", "송파구", "강동구",
    ),
    "부산": (
        "중구", "서구", "동구", "영도구", "부산진구", "동래구", "남구", "북구", "해운대구",
        "사하구", "금정구", "강서구", "연제구", "수영구", "사상구", "기장군",
    ),
    "대구": ("중구", "동구", "서구", "남구", "북구", "수성구", "달서구", "달성군", "군위군"),
    "인천": (
        "중구", "동구", "미추홀구", "연수구", "남동구", "부평구", "계양구", "서구", "강화군",
        "옹진군", "제물포구", "영종구", "검단구",
    ),
    "광주": ("동구", "서구", "남구", "북구", "광산구"),
    "대전": ("동구", "중구", "서구", "유성구", "대덕구"),
    "울산": ("중구", "남구", "동구", "북구", "울주군"),
    "세종": (),
    "경기": (
        "수원시", "성남시", "의정부시", "안양시", "부천시", "광명시", "평택시", "동두천시",
        "안산시", "고양시", "과천시", "구리시", "남양주시", "오산시", "시흥시", "군포시",
        "의왕시", "하남시", "용인시", "파주시", "이천시", "안성시", "김포시", "화성시", "광주시",
        "양주시", "포천시", "여주시", "연천군", "가평군", "양평군",
    ),
    "강원": (
        "춘천시", "원주시", "강릉시", "동해시", "태백시", "속초시", "삼척시", "홍천군", "횡성군",
        "영월군", "평창군", "정선군", "철원군", "화천군", "양구군", "인제군", "고성군", "양양군",
    ),
    "충북": (
        "청주시", "충주시", "제천시", "보은군", "옥천군", "영동군", "증평군", "진천군", "괴산군",
        "음성군", "단양군",
    ),
    "충남": (
        "천안시", "공주시", "보령시", "아산시", "서산시", "논산시", "계룡시", "당진시", "금산군",
        "부여군", "서천군", "청양군", "홍성군", "예산군", "태안군",
    ),
    "전북": (
        "전주시", "군산시", "익산시", "정읍시", "남원시", "김제시", "완주군", "진안군", "무주군",
        "장수군", "임실군", "순창군", "고창군", "부안군",
    ),
    "전남": (
        "목포시", "여수시", "순천시", "나주시", "광양시", "담양군", "곡성군", "구례군", "고흥군",
        "보성군", "화순군", "장흥군", "강진군", "해남군", "영암군", "무안군", "함평군", "영광군",
        "장성군", "완도군", "진도군", "신안군",
    ),
    "경북": (
        "포항시", "경주시", "김천시", "안동시", "구미시", "영주시", "영천시", "상주시", "문경시",
        "경산시", "의성군", "청송군", "영양군", "영덕군", "청도군", "고령군", "성주군", "칠곡군",
        "예천군", "봉화군", "울진군", "울릉군",
    ),
    "경남": (
        "창원시", "진주시", "통영시", "사천시", "김해시", "밀양시", "거제시", "양산시", "의령군",
        "함안군", "창녕군", "고성군", "남해군", "하동군", "산청군", "함양군", "거창군", "합천군",
    ),
    "제주": ("제주시", "서귀포시"),
}  # fmt: skip


def _build_sigungu() -> tuple[dict[str, str], frozenset[str]]:
    owners: dict[str, set[str]] = {}
    for sido, names in SIGUNGU_BY_SIDO.items():
        for name in names:
            owners.setdefault(name, set()).add(sido)
    table: dict[str, str] = {}
    ambiguous: set[str] = set()
    for name, sidos in owners.items():
        if len(sidos) > 1:
            ambiguous.add(name)
            for sido in sidos:
                table[f"{sido} {name}"] = sido
        else:
            table[name] = next(iter(sidos))
    return table, frozenset(ambiguous)


# 기초 name -> short 시·도. Names that exist in several 시·도 (중구, 동구, 서구, 남구, 북구, 강서구,
# 고성군) appear only with their 시·도 prefix ("부산 중구"); a bare "중구" cannot be placed.
SIGUNGU: dict[str, str]
AMBIGUOUS_SIGUNGU: frozenset[str]
SIGUNGU, AMBIGUOUS_SIGUNGU = _build_sigungu()

# "광주시" is both 경기 광주시 (a 기초 city) and the colloquial name of 광주광역시. A bare "광주시"
# keeps meaning 광주광역시 as in SIDO_LONG; only "경기 광주시"/"경기도 광주시" reaches 경기.
_SIDO_SHADOWED = frozenset(name for name in SIGUNGU if name in _LOOKUP)
_SIGUNGU_SETS: dict[str, frozenset[str]] = {
    sido: frozenset(names) for sido, names in SIGUNGU_BY_SIDO.items()
}

# Stems without 시/군 ("김천", "강진", "용인") as targets write them ("강진에 주소를 둔", "용인
# 소재"). Only unambiguous stems of two or more syllables; many stems are also ordinary words
# (예산 "budget", 양산 "mass production", 영양 "nutrition"), so callers must only trust a stem
# next to a location word such as 소재/거주/관내.
_STEMS: dict[str, str] = {}
# The full 기초 name behind each such stem ("고양" -> "고양시"), for :func:`resolve_sigungu`.
_STEM_NAMES: dict[str, str] = {}
_stem_owners: dict[str, set[tuple[str, str]]] = {}
for _name, _sido in SIGUNGU.items():
    if " " in _name or _name[-1] not in "시군" or len(_name) < 3:
        continue
    _stem_owners.setdefault(_name[:-1], set()).add((_sido, _name))
for _stem, _owners in _stem_owners.items():
    if len(_owners) == 1 and _stem not in _LOOKUP:
        _STEMS[_stem], _STEM_NAMES[_stem] = next(iter(_owners))
del _stem_owners
# Public read-only view: stem -> (short 시·도, full 기초 name), e.g. "고양" -> ("경기", "고양시").
SIGUNGU_STEMS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {stem: (_STEMS[stem], _STEM_NAMES[stem]) for stem in _STEMS}
)


def is_sido_name(name: str | None) -> bool:
    """True when ``name`` is a 시·도 itself (any spelling), i.e. a 광역 rather than a 기초 body.

    Lets a loader decide the level of a local institution: "경기도" is 광역, "김천시" is 기초.
    """
    if not name:
        return False
    return "".join(str(name).split()) in _LOOKUP


def sido_of_institution(name: str | None) -> str | None:
    """Short 시·도 of a local government named as the notice names it, else None.

    "김천시" -> "경북", "대전광역시 서구" -> "대전", "경기도" -> "경기", "서울시" -> "서울". A bare
    name shared by several places ("중구", "고성군", and "광주시", which is 경기 광주시 or
    광주광역시) returns None rather than a guess; so does anything that is not a local
    government ("중소벤처기업부"). A 시·도 prefix resolves them ("경기도 광주시" -> "경기").
    """
    if not name:
        return None
    parts = str(name).split()
    if not parts:
        return None
    key = "".join(parts)
    if key in _SIDO_SHADOWED:
        return None
    if key in _LOOKUP:
        return _LOOKUP[key]
    if len(parts) == 1:
        return SIGUNGU.get(key)
    prefix = _LOOKUP.get(parts[0])
    if prefix is None:
        return SIGUNGU.get(key)
    rest = "".join(parts[1:])
    if rest in _SIGUNGU_SETS[prefix]:
        return prefix
    # A 기초 name that belongs to another 시·도 ("부산 강남구") is a contradiction, not a place.
    owner = SIGUNGU.get(rest)
    if owner is not None or rest in AMBIGUOUS_SIGUNGU:
        return None
    return prefix


def sido_of_place(name: str | None) -> str | None:
    """Short 시·도 for a place word in a target text: a 시·도, a 기초 name or its stem.

    Extends :func:`sido_of_institution` with stems ("김천", "강진", "용인"). Stems are often
    ordinary words too, so the eligibility parser calls this only next to a location word.
    """
    found = sido_of_institution(name)
    if found is not None or not name:
        return found
    return _STEMS.get("".join(str(name).split()))


def resolve_sigungu(
    text: str | None, sido: str | None = None, *, stems: bool = False
) -> tuple[str, str] | None:
    """``(short 시·도, 기초 name as in SIGUNGU_BY_SIDO)`` for a 시·군·구 name, else None.

    Why: a profile's 시·군·구 and a program's 기초 institution must meet on one key, whether
    written "김천시", "경상북도 김천시", "대전광역시 서구" or "서구" beside the 시·도 "대전". A
    leading 시·도 decides the place (even when it contradicts ``sido``, so the caller can say
    so); otherwise ``sido`` (a short name) resolves names shared by several 시·도. A bare
    ambiguous name ("서구", and "광주시", which may mean 광주광역시) gives None, as does a 시·도
    itself or a 기초 name under the wrong prefix. ``stems`` also accepts "고양" for "고양시"
    (only for program names; stems are ordinary words too).

    >>> resolve_sigungu("대전광역시 서구"), resolve_sigungu("서구", "대전"), resolve_sigungu("서구")
    (('대전', '서구'), ('대전', '서구'), None)
    """
    if not text:
        return None
    parts = str(text).split()
    if not parts:
        return None
    if len(parts) > 1 and parts[0] in _LOOKUP:
        prefix = _LOOKUP[parts[0]]
        rest = "".join(parts[1:])
        return (prefix, rest) if rest in _SIGUNGU_SETS[prefix] else None
    key = "".join(parts)
    if key in _LOOKUP and key not in _SIDO_SHADOWED:
        return None
    if sido is not None and key in _SIGUNGU_SETS.get(sido, ()):
        return sido, key
    if key in SIGUNGU and key not in _SIDO_SHADOWED:
        return SIGUNGU[key], key
    if stems and key in _STEM_NAMES:
        return _STEMS[key], _STEM_NAMES[key]
    return None


def sigungu_label(sido: str, name: str) -> str:
    """How to write a resolved 시·군·구 for people: "김천시", but "대전 서구" and "경기 광주시".

    Names that several 시·도 share (or that read as a 시·도) keep their 시·도 in front.
    """
    if name in AMBIGUOUS_SIGUNGU or name in _LOOKUP:
        return f"{sido} {name}"
    return name


def official_institution_name(name: str) -> str:
    """One spelling per 광역 government ("서울시", "서울" → "서울특별시"); others as written.

    Sources write the same 시·도 several ways; every loader passes institution names through
    this so the duplicate desk does not count "서울시" and "서울특별시" as two institutions.
    Ambiguous names ("광주시", also a city in 경기) are left as written.
    """
    sido = sido_of_institution(name)
    if sido and is_sido_name(name):
        return SIDO_LONG[sido][0]
    return name


# --- 인구감소지역 and 인구감소관심지역 ---------------------------------------------------------
# "충남 인구감소지역 내 창업 예정인 청년" (K-Startup 공고 177133, 2026), "'인구소멸 감소 및
# 관심지역' 내 로컬사업분야 창업기업" (177008, 2026): a 지원대상 that names these areas names a
# list of 시·군·구 the 행정안전부 designated, so a profile's 시·군·구 settles it. Two lists:
# * 인구감소지역 (89): 행정안전부 고시 제2021-66호 (2021-10-19, 국가균형발전 특별법 시행령
#   제2조의3), amended by 고시 제2024-15호 (2024-02-27: 군위군 moved from 경북 to 대구 on
#   2023-07-01; still 89). The designation runs five years (to 2026-10-19); every 2026 call in
#   the data was published before that, and no re-designation was found in the sources searched
#   on 2026-11-30 (a 2026-09-24 compilation of the 행정안전부 고시 board found none) — a new
#   고시 would replace this table.
# * 인구감소관심지역 (18): a separate list — first the 지방소멸대응기금 배분 기준 (고시 제2022-11호,
#   별표1), designated as such by 고시 제2025-78호 (2025-12-24, in force 2026-01-01 to
#   2026-10-19). A text that names only 인구감소지역 does not admit them.
# 인천 동구 (관심지역) was merged into 제물포구 on 2026-07-01; whether 제물포구 inherits the status
# is not in a 고시, so a 제물포구 firm is left open, never refused (DEPOPULATION_UNSETTLED).
DEPOPULATION_AREAS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "부산": ("동구", "서구", "영도구"),
        "대구": ("남구", "서구", "군위군"),
        "인천": ("강화군", "옹진군"),
        "경기": ("가평군", "연천군"),
        "강원": (
            "고성군", "삼척시", "양구군", "양양군", "영월군", "정선군", "철원군", "태백시",
            "평창군", "홍천군", "화천군", "횡성군",
        ),
        "충북": ("괴산군", "단양군", "보은군", "영동군", "옥천군", "제천시"),
        "충남": (
            "공주시", "금산군", "논산시", "보령시", "부여군", "서천군", "예산군", "청양군",
            "태안군",
        ),
        "전북": (
            "고창군", "김제시", "남원시", "무주군", "부안군", "순창군", "임실군", "장수군",
            "정읍시", "진안군",
        ),
        "전남": (
            "강진군", "고흥군", "곡성군", "구례군", "담양군", "보성군", "신안군", "영광군",
            "영암군", "완도군", "장성군", "장흥군", "진도군", "함평군", "해남군", "화순군",
        ),
        "경북": (
            "고령군", "문경시", "봉화군", "상주시", "성주군", "안동시", "영덕군", "영양군",
            "영주시", "영천시", "울릉군", "울진군", "의성군", "청도군", "청송군",
        ),
        "경남": (
            "거창군", "고성군", "남해군", "밀양시", "산청군", "의령군", "창녕군", "하동군",
            "함안군", "함양군", "합천군",
        ),
    }
)  # fmt: skip
DEPOPULATION_INTEREST_AREAS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "부산": ("중구", "금정구"),
        "인천": ("동구",),
        "광주": ("동구",),
        "대전": ("동구", "중구", "대덕구"),
        "경기": ("동두천시", "포천시"),
        "강원": ("강릉시", "동해시", "속초시", "인제군"),
        "전북": ("익산시",),
        "경북": ("경주시", "김천시"),
        "경남": ("사천시", "통영시"),
    }
)  # fmt: skip
# (시·도, 시·군·구) whose status no 고시 settles: the successor of a 관심지역 merged away.
DEPOPULATION_UNSETTLED: frozenset[tuple[str, str]] = frozenset({("인천", "제물포구")})
_MOIS_BOARD = (
    "https://www.mois.go.kr/frt/bbs/type001/commonSelectBoardArticle.do"
    "?bbsId=BBSMSTR_000000000016&nttId="
)
DEPOPULATION_SOURCES: Mapping[str, str] = MappingProxyType(
    {
        "decline": "행정안전부 고시 제2021-66호 「인구감소지역 지정 고시」 (2021-10-19) — "
        f"{_MOIS_BOARD}90651; 변경 고시 제2024-15호 (2024-02-27, 군위군 대구 편입) — "
        f"{_MOIS_BOARD}107400; 89곳 보도 (2021-10-18) — "
        "https://imnews.imbc.com/replay/2021/nw1200/article/6308025_34909.html; 충남 9곳은 "
        "K-Startup 공고 176535·176538 (2026)의 '(인구감소지역) 공주시, 금산군, 논산시, 보령시, "
        "부여군, 서천군, 예산군, 청양군, 태안군'과 같음",
        "interest": "행정안전부 고시 제2025-78호 「인구감소관심지역 지정 고시」 (2025-12-24, "
        f"2026-01-01 시행) — {_MOIS_BOARD}122812; 명단은 "
        "https://github.com/hosungseo/gonpunclaw-policymap (src/data/"
        "population-region-index-with-codes.json, sourceNotice 2025-78)로 대조",
    }
)
_DECLINE_SETS = {sido: frozenset(names) for sido, names in DEPOPULATION_AREAS.items()}
_INTEREST_SETS = {sido: frozenset(names) for sido, names in DEPOPULATION_INTEREST_AREAS.items()}


def depopulation_kind(sido: str | None, district: str | None) -> str | None:
    """Which list a 시·군·구 is on: "decline" (인구감소지역), "interest" (인구감소관심지역),
    "unsettled" (a place no 고시 decides), else None (any other 시·군·구, or none given).

    Why: a 지원대상 limited to 인구감소지역 is decided by the 행정안전부 list, so a founder who
    gives a 시·군·구 gets a definite answer (see DEPOPULATION_SOURCES).

    >>> [depopulation_kind("충남", "공주시"), depopulation_kind("경북", "김천시")]
    ['decline', 'interest']
    >>> depopulation_kind("충남", "천안시") is None
    True
    """
    if not sido or not district:
        return None
    if district in _DECLINE_SETS.get(sido, ()):
        return "decline"
    if district in _INTEREST_SETS.get(sido, ()):
        return "interest"
    if (sido, district) in DEPOPULATION_UNSETTLED:
        return "unsettled"
    return None
