"""One technology-field taxonomy for programs and profiles.

The policy report behind the project names three overlapping lists: the 12 national strategic
technologies (2022), the 10 fields of 초격차 스타트업 1000+, and the sector domains the notice's
ministry programs cluster in. Matching a profile ("AI") against programs ("빅데이터·AI",
"인공지능") only works if they share one vocabulary, so the three lists are merged here into
:data:`TECH_FIELDS` plus :data:`GENERAL_FIELD`, and every spelling goes through
:func:`canonical_field`.

Merges (decisions, so that each concept has exactly one field):

* 인공지능 (12대) + 빅데이터·AI (초격차) -> 인공지능·빅데이터
* 반도체·디스플레이 (12대) + 시스템반도체 (초격차) -> 반도체·디스플레이
* 첨단 모빌리티 (12대) + 미래 모빌리티 (초격차) -> 미래 모빌리티 (드론 and UAM included, as in
  the 신산업 list "드론·개인 이동수단")
* 차세대 원자력 (12대) + 차세대원전 (초격차) -> 차세대 원자력
* 첨단 바이오 (12대) + 바이오·헬스 (초격차) + 바이오·의료 (domain) -> 바이오·헬스 (보건산업,
  의료기기 included)
* 수소 (12대) + 친환경·에너지 (초격차) + 환경 (domain) -> 친환경·에너지: the notice's 환경부
  programs (에코스타트업, 그린스타트업타운) are green-tech programs, and 수소 has no program of
  its own
* 사이버 보안 (12대) + 사이버보안·네트워크 (초격차) -> 사이버보안; the network half goes to
  차세대 통신 (12대), because a bare "네트워크" in the notice means networking events
* 첨단로봇·제조 (12대) + 로봇 (초격차) -> 로봇·첨단제조
* 우주항공·해양 (both lists) stays one field matched by space/aviation words; a bare "해양"
  means 해양수산 (the ocean programs in the notice are 해양수산부 ones), and the literal phrase
  "우주항공·해양" does not also tag 해양수산
* 콘텐츠·문화 includes 스포츠 and 예술 (문화체육관광부 programs); 농식품 includes 산림 (농림 domain)

What founders call their own field is broader than these strategic lists. The 창업사업화
application forms ask for a 전문기술분야 from their own short classification — 기계·소재, 전기·전자,
정보·통신, 화공·섬유, 바이오·의료·생명, 에너지·자원, 공예·디자인 (택1) — in the 2026
초기창업패키지(일반형) 사업계획서 양식 (별첨1 of the 2026 모집공고, 중소벤처기업부,
https://www.mss.go.kr/site/smba/ex/bbs/View.do?bcIdx=1065015&cbIdx=310) and, as examples of "전 기술
분야", in the 2026 예비창업패키지 모집공고 (…bcIdx=1066579&cbIdx=310). We read the list through public
repositories that transcribe those forms (the HWP form's table cells "기계·소재 … 공예·디자인", checked
in 2026-11; two independent transcriptions agree). So that a founder lands on one field whatever
list they think in:

* 정보·통신 (ICT·SW), 기계·소재, 전기·전자 and 화공·섬유 are fields of their own;
* 바이오·의료·생명 is 바이오·헬스, 에너지·자원 is 친환경·에너지, 공예·디자인 is 콘텐츠·문화 (aliases);
* everyday words land on one field: ICT, IT, SW, 소프트웨어, 정보통신, 플랫폼, 핀테크, 앱, 커머스 …
  on 정보·통신 (:data:`FIELD_ALIASES`);
* :data:`RELATED_FIELDS` links a broad form field to the strategic fields inside it (정보·통신 ↔
  인공지능·빅데이터, 사이버보안, 차세대 통신; 전기·전자 ↔ 반도체·디스플레이, 이차전지; 기계·소재 ↔
  로봇·첨단제조, 미래 모빌리티, 화공·섬유), so an ICT firm and an AI-only program are "related —
  check", never a flat mismatch.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from loaders.textnorm import norm_key, norm_text

__all__ = [
    "FIELD_ALIASES",
    "FIELD_KEYWORDS",
    "FORM_FIELDS",
    "GENERAL_FIELD",
    "KEYWORD_EXCLUSIONS",
    "RELATED_FIELDS",
    "TECH_FIELDS",
    "canonical_field",
    "field_choices",
    "field_of_word",
    "related_fields",
    "tag_fields",
    "unknown_field_message",
]

GENERAL_FIELD = "일반/분야무관"

# Canonical field -> keywords, matched on norm_text() output (lower case, punctuation -> space).
# A space inside a keyword is optional in the text ("사이버 보안" also matches "사이버보안"),
# but no other spaces are bridged: "초기 후속" must not read as 기후. Latin keywords ("ai", "5g") only as whole Latin tokens, so "ai" does not match
# inside "main" or "fair" but does match "ai기술" and "생성형ai".
FIELD_KEYWORDS: dict[str, tuple[str, ...]] = {
    "인공지능·빅데이터": (
        "인공지능", "ai", "ax", "빅데이터", "데이터", "머신러닝", "딥러닝", "생성형", "llm", "gpt",
        "챗봇", "에이아이",
    ),
    "반도체·디스플레이": (
        "반도체", "시스템반도체", "디스플레이", "팹리스", "파운드리", "oled", "전력반도체",
    ),
    "이차전지": ("이차전지", "2차전지", "배터리", "전고체", "양극재", "음극재"),
    "미래 모빌리티": (
        "모빌리티", "자율주행", "전기차", "수소차", "자동차", "uam", "도심항공", "드론", "전장부품",
        "스마트카", "퍼스널 모빌리티",
    ),
    "차세대 원자력": ("원자력", "차세대 원전", "원전 산업", "원전 기술", "smr", "소형모듈원자로", "핵융합", "방사선"),
    "바이오·헬스": (
        "바이오", "헬스케어", "헬스", "의료", "의료기기", "보건산업", "보건의료", "제약", "신약",
        "의약", "메디컬", "디지털치료", "실버케어", "에이지테크", "age tech",
    ),
    "우주항공·해양": ("우주", "항공", "위성", "발사체", "에어로스페이스", "해양플랜트", "심해"),
    "친환경·에너지": (
        "친환경", "에너지", "수소", "신재생", "태양광", "풍력", "탄소", "기후", "그린", "녹색",
        "환경산업", "환경기술", "환경부", "자원순환", "순환경제", "재활용", "재생원료", "폐기물",
        "수처리", "업사이클", "리사이클", "클린테크", "ccus", "에코",
    ),
    "사이버보안": (
        "사이버보안", "보안", "정보보호", "개인정보보호", "시큐리티", "security", "암호기술",
    ),
    "차세대 통신": ("통신", "5g", "6g", "이동통신", "무선통신", "오픈랜", "네트워크 장비"),
    "로봇·첨단제조": (
        "로봇", "로보틱스", "첨단제조", "스마트제조", "스마트공장", "스마트팩토리", "3d프린팅",
        "3d 프린팅", "제조혁신",
    ),
    "양자": ("양자", "퀀텀", "quantum"),
    "콘텐츠·문화": (
        "콘텐츠", "컨텐츠", "문화예술", "문화콘텐츠", "문화산업", "전통문화", "문화기술", "예술",
        "공연", "게임", "웹툰", "애니메이션", "캐릭터", "영상", "음악", "출판", "방송",
        "뉴미디어", "디자인", "패션", "한류", "스포츠", "이스포츠",
    ),
    "관광": ("관광", "여행", "숙박", "마이스", "mice"),
    "농식품": (
        "농식품", "농업", "농산업", "농산물", "농축산", "농촌", "창농", "귀농", "스마트팜",
        "푸드테크", "식품", "외식", "축산", "산림", "임업", "그린바이오", "영농", "농지",
    ),
    "해양수산": (
        "해양", "해양수산", "수산", "어업", "어촌", "수산양식", "양식업", "항만", "해운", "조선",
        "선박", "블루푸드", "오션", "ocean", "마린",
    ),
    "국방": ("국방", "방산", "방위산업", "방위사업", "군수", "밀리테크"),
    "소셜벤처": (
        "소셜벤처", "사회적기업", "사회적경제", "협동조합", "임팩트", "마을기업", "자활기업",
        "사회혁신", "소셜임팩트",
    ),
    "로컬": ("로컬", "로컬크리에이터", "지역가치", "골목상권", "골목", "지역자원"),
    "정보·통신": (
        "정보통신", "ict", "소프트웨어", "sw", "핀테크", "클라우드", "saas", "메타버스",
        "전자상거래", "이커머스", "모바일 앱", "앱 서비스", "웹 서비스", "it 기업", "it 서비스",
    ),
    "기계·소재": (
        "기계", "신소재", "소재부품", "소재 부품", "부품소재", "소부장", "금속", "뿌리산업",
    ),
    "전기·전자": ("전기전자", "전자", "전자기반", "전력", "센서", "임베디드", "사물인터넷", "iot", "가전"),
    "화공·섬유": ("화공", "화학", "정밀화학", "고분자", "섬유", "텍스타일"),
}  # fmt: skip

# Longer words in which a keyword does not mean its field: a keyword match lying inside one of
# its exclusions is dropped. Decisions: 보안관 (sheriff) and 보안서약 (confidentiality pledge) are
# not security; 항공대 is 한국항공대학교 (its incubator is tagged by its summary, not its name);
# 정보통신 is ICT in general, 통신판매 mail-order retail, 통신비 a phone bill; 글로컬 is a
# university programme; 공공연(구) is not 공연; 농어촌 is rural policy in general
# (한국농어촌공사); marketing deliverables (홍보영상, 콘텐츠 제작, 광고·제품 디자인) are support
# items of general programs, not the culture field; "우주항공·해양" does not also tag 해양수산.
KEYWORD_EXCLUSIONS: dict[str, tuple[str, ...]] = {
    "보안": ("보안관", "보안서약", "보안각서", "보안유지"),
    "항공": ("항공대", "항공대학교"),
    "통신": ("정보통신", "통신판매", "통신비"),
    "로컬": ("글로컬",),
    "해양": ("우주항공 해양", "우주항공해양"),
    "양자": ("양자간", "양자 간", "양자협력", "양자 협력", "양자회담"),
    "데이터": ("데이터 요금",),
    "조선": ("조선일보", "조선시대", "조선왕조"),
    "어촌": ("농어촌",),
    "에코": ("에코백",),
    "그린": ("그린벨트",),
    "디자인": (
        "디자인씽킹", "디자인 씽킹", "디자인 제작", "디자인 개발", "광고 디자인", "제품 디자인",
        "패키지 디자인", "포장 디자인",
    ),
    "영상": ("영상회의", "영상통화", "홍보영상", "홍보 영상", "동영상", "영상 스튜디오"),
    "콘텐츠": ("콘텐츠 제작", "홍보 콘텐츠", "마케팅 콘텐츠"),
    "컨텐츠": ("컨텐츠 제작", "홍보 컨텐츠", "마케팅 컨텐츠"),
    "공연": ("공공연",),
    "전자": ("전자상거래", "전자신문", "전자계약", "전자문서", "전자결재", "전자기반"),
    "기계": ("기계적",),
    "전력": ("전력반도체",),
}  # fmt: skip

# Spellings a profile or a source may use for a whole field (compared after norm_key).
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "인공지능·빅데이터": ("인공지능", "ai", "빅데이터·ai", "빅데이터", "빅데이터ai", "데이터"),
    "반도체·디스플레이": ("반도체", "시스템반도체", "디스플레이"),
    "이차전지": ("2차전지", "배터리"),
    "미래 모빌리티": ("첨단 모빌리티", "모빌리티", "자율주행"),
    "차세대 원자력": ("차세대원전", "원전", "원자력"),
    "바이오·헬스": ("첨단 바이오", "바이오", "바이오·의료", "의료", "헬스케어", "바이오헬스"),
    "우주항공·해양": ("우주항공", "우주", "항공"),
    "친환경·에너지": ("수소", "환경", "에너지", "친환경", "녹색", "그린", "탄소중립"),
    "사이버보안": ("사이버 보안", "사이버보안·네트워크", "보안", "정보보호"),
    "차세대 통신": ("통신", "5g", "6g", "네트워크"),
    "로봇·첨단제조": ("첨단로봇·제조", "로봇", "첨단제조", "제조"),
    "양자": ("양자기술", "퀀텀"),
    "콘텐츠·문화": ("콘텐츠", "문화", "문화콘텐츠", "예술", "스포츠"),
    "관광": ("관광산업",),
    "농식품": ("농업", "식품", "푸드테크", "농림"),
    "해양수산": ("해양", "수산"),
    "국방": ("방산", "방위산업"),
    "소셜벤처": ("사회적기업", "사회적경제", "소셜"),
    "로컬": ("로컬(지역)", "지역", "로컬크리에이터"),
    "정보·통신": (
        "ict",
        "it",
        "sw",
        "소프트웨어",
        "정보통신",
        "정보·통신",
        "플랫폼",
        "핀테크",
        "앱",
        "모바일",
        "모바일앱",
        "웹",
        "인터넷",
        "커머스",
        "이커머스",
        "전자상거래",
        "클라우드",
        "saas",
        "디지털",
    ),
    "기계·소재": ("기계", "소재", "부품", "소부장", "기계소재", "금속", "재료", "기계·소재(재료)"),
    "전기·전자": ("전기", "전자", "전기전자", "가전", "iot", "사물인터넷", "센서"),
    "화공·섬유": ("화공", "화학", "섬유", "화학(화공·섬유)", "고분자"),
    GENERAL_FIELD: ("일반", "분야무관", "전분야", "기타", "무관", "해당없음"),
}
# The 전문기술분야 of the 창업사업화 application forms (see the module docstring) and the field
# of the one taxonomy each lands on.
FORM_FIELDS: dict[str, str] = {
    "정보·통신": "정보·통신",
    "기계·소재": "기계·소재",
    "전기·전자": "전기·전자",
    "화공·섬유": "화공·섬유",
    "바이오·의료·생명": "바이오·헬스",
    "에너지·자원": "친환경·에너지",
    "공예·디자인": "콘텐츠·문화",
}
for _form, _field in FORM_FIELDS.items():
    if _form != _field:
        FIELD_ALIASES[_field] = (*FIELD_ALIASES[_field], _form)
FIELD_ALIASES["바이오·헬스"] = (
    *FIELD_ALIASES["바이오·헬스"],
    "바이오·의료(생명·식품)",
    "생명",
    "생명과학",
    "의료기기",
    "헬스",
)
FIELD_ALIASES["친환경·에너지"] = (
    *FIELD_ALIASES["친환경·에너지"],
    "에너지·자원(환경·에너지)",
    "자원",
)
FIELD_ALIASES["콘텐츠·문화"] = (*FIELD_ALIASES["콘텐츠·문화"], "공예", "디자인", "게임")

# A broad form field and the strategic fields inside it: a firm in one and a program of the
# other are "related — check", never a flat mismatch (both directions).
RELATED_FIELDS: dict[str, tuple[str, ...]] = {
    "정보·통신": ("인공지능·빅데이터", "사이버보안", "차세대 통신", "양자"),
    "전기·전자": ("반도체·디스플레이", "이차전지", "차세대 통신"),
    "기계·소재": ("로봇·첨단제조", "미래 모빌리티", "우주항공·해양", "화공·섬유"),
    "화공·섬유": ("이차전지", "친환경·에너지"),
}

TECH_FIELDS: tuple[str, ...] = tuple(FIELD_KEYWORDS)


def _pattern(word: str) -> str:
    """Regex for one keyword on norm_text() output: its own spaces optional, Latin/digit ends
    only at Latin boundaries."""
    word = norm_text(word)
    body = r"\s?".join(re.escape(part) for part in word.split(" "))
    if word[:1].isascii():
        body = r"(?<![a-z0-9])" + body
    if word[-1:].isascii():
        body = body + r"(?![a-z0-9])"
    return body


def _alternation(words: Iterable[str]) -> re.Pattern[str]:
    # Longest first, so "시스템반도체" is one match rather than "반도체" inside it.
    ordered = sorted(set(words), key=lambda w: len(norm_text(w)), reverse=True)
    return re.compile("|".join(_pattern(w) for w in ordered))


_KEYWORD_FIELD: dict[str, str] = {}
for _field, _words in FIELD_KEYWORDS.items():
    for _word in _words:
        _KEYWORD_FIELD[norm_text(_word).replace(" ", "")] = _field
_KEYWORDS = _alternation(word for words in FIELD_KEYWORDS.values() for word in words)
_EXCLUSION_OF: dict[str, str] = {
    norm_text(phrase).replace(" ", ""): norm_text(keyword).replace(" ", "")
    for keyword, phrases in KEYWORD_EXCLUSIONS.items()
    for phrase in phrases
}
_EXCLUSIONS = _alternation(phrase for phrases in KEYWORD_EXCLUSIONS.values() for phrase in phrases)

_ALIAS_FIELD: dict[str, str] = {}
for _field in (*TECH_FIELDS, GENERAL_FIELD):
    _ALIAS_FIELD[norm_key(_field)] = _field
for _field, _aliases in FIELD_ALIASES.items():
    for _alias in _aliases:
        _ALIAS_FIELD.setdefault(norm_key(_alias), _field)


def _matched_fields(text: str) -> set[str]:
    norm = norm_text(text)
    if not norm:
        return set()
    blocked: list[tuple[int, int, str]] = [
        (m.start(), m.end(), _EXCLUSION_OF[m.group(0).replace(" ", "")])
        for m in _EXCLUSIONS.finditer(norm)
    ]
    found: set[str] = set()
    for match in _KEYWORDS.finditer(norm):
        word = match.group(0).replace(" ", "")
        if any(
            start <= match.start() and match.end() <= end and word == keyword
            for start, end, keyword in blocked
        ):
            continue
        found.add(_KEYWORD_FIELD[word])
    return found


def tag_fields(
    name: str, summary: str = "", target: str = "", content: str = ""
) -> tuple[str, ...]:
    """Technology fields a program belongs to, in :data:`TECH_FIELDS` order.

    Tags come from keywords in the name, summary, 지원대상 and 지원내용, so a program is found
    by field even when its name does not say it. Returns ``(GENERAL_FIELD,)`` when no keyword
    matches: most notice programs are open to every field, and the engine treats that as "no
    field restriction" rather than "unknown".

    >>> tag_fields("AX혁신기업창의기술개발", "새로운 AI 제품·서비스 창출")
    ('인공지능·빅데이터',)
    """
    found: set[str] = set()
    for text in (name, summary, target, content):
        if text:
            found |= _matched_fields(str(text))
    if not found:
        return (GENERAL_FIELD,)
    return tuple(field for field in TECH_FIELDS if field in found)


def field_of_word(word: str) -> str | None:
    """The field whose keyword ``word`` is, whole ("ICT", "AX", "해양수산", "예술"), else None.

    Stricter than :func:`canonical_field`: a word that only contains a keyword ("기술창업",
    "제조하는") or is only a loose alias ("제조", "지역") gives None, so a word read before an
    applicant noun ("ICT, AI/AX 예비창업자") names a field only when it is one.

    >>> field_of_word("ICT"), field_of_word("예술"), field_of_word("제조")
    ('정보·통신', '콘텐츠·문화', None)
    """
    key = norm_text(str(word)).replace(" ", "")
    return _KEYWORD_FIELD.get(key) if key else None


def related_fields(field: str) -> tuple[str, ...]:
    """Fields related to ``field`` through :data:`RELATED_FIELDS` (either direction)."""
    out = list(RELATED_FIELDS.get(field, ()))
    out += [broad for broad, inner in RELATED_FIELDS.items() if field in inner]
    return tuple(dict.fromkeys(out))


def field_choices() -> list[tuple[str, tuple[str, ...]]]:
    """Every valid field name with its aliases, in taxonomy order (``navigator fields``)."""
    return [(f, FIELD_ALIASES.get(f, ())) for f in (*TECH_FIELDS, GENERAL_FIELD)]


def unknown_field_message(text: str) -> str:
    """The one message for an unknown field, with the valid names (profile and CLI alike)."""
    names = ", ".join((*TECH_FIELDS, GENERAL_FIELD))
    return (
        f"알 수 없는 기술분야 '{text}' — 사용할 수 있는 분야: {names} "
        "(별칭은 'navigator fields'로 확인)"
    )


def canonical_field(text: str) -> str | None:
    """The canonical field for a field name as a person or source writes it, else None.

    "AI", "인공지능" and "빅데이터·AI" all give "인공지능·빅데이터", so a profile's field meets
    the programs' tags. Known names and aliases are tried first; otherwise the text's keywords
    decide, but only when they point at exactly one field.
    """
    if not text:
        return None
    key = norm_key(str(text))
    if not key:
        return None
    if key in _ALIAS_FIELD:
        return _ALIAS_FIELD[key]
    found = _matched_fields(str(text))
    if len(found) == 1:
        return next(iter(found))
    return None
