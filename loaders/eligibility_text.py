"""지원대상 text to structured eligibility constraints, with the phrase behind each one.

The notice states who may apply in free Korean ("창업 3년 초과 7년 이내 기업", "만 39세 이하
(예비)창업자", "김천시 거주 청년"). The engine needs numbers and flags, and founders need to see
*why*: every constraint set here carries an :class:`~loaders.model.Evidence` with the exact
phrase, and whatever is not understood is quoted in ``unparsed`` so the engine answers "maybe —
지원대상 원문 확인 필요" instead of a silent yes.

The notice's own rule semantics are kept:

* absolute dates decide over the relative band they spell out — "창업 3년 이내(2023.3.1. 이후
  창업)", "신청가능 업력 : 2023년 1월 23일 ~ 2026년 1월 22일" (``founded_from/until``), and a
  birth-date band over the age it spells out — "만 39세 이하(1987년 1월 1일 이후 출생)";
* a date followed by 기준 ("2026년 2월 11일 기준, 창업 7년 이내") is the day 업력 and 나이 are
  counted on (``reference_date``); "공고마감일 기준" says it is the call's closing day
  (``count_on_deadline``);
* "19세 이상 39세 이하 남성, 19세 이상 60세 이하 여성" are age bands per gender, and "청년·여성"
  means either group (``any_of_groups``), not both;
* a field named as a requirement ("농식품 분야", "스포츠산업 분야") becomes ``fields`` in the
  one taxonomy, compared with the profile's field; track and course words ("심화과정", "리그",
  "권역") and selection words ("우수한 아이템") are understood, not leftovers;
* an exception that widens a bound for some firms only ("신산업 분야는 10년 이내", "기술창업의
  경우 만 49세 이하까지", a 군필 age extension) is ``years_widen``/``age_widen``: the engine says
  △ for a firm inside the widened band instead of a wrong ×;
* "전국", "거주지 제한 없음" open the area (``region_open``); "관외 기업은 선정 후 이전",
  "역외기업이라도 협약 후 … 이전", "(지역 무관) … 선정기업은 … 이전" admit out-of-area applicants on
  that condition (``region_relocate``);
* "충남 인구감소지역 내", "'인구소멸 감소 및 관심지역' 내" name the 행정안전부's lists
  (``depopulation``, :data:`loaders.regions.DEPOPULATION_AREAS`), which a 시·군·구 settles; a
  preference for them ("※우대가점 : … 인구감소지역") is none;
* a condition the profile cannot decide ("법인에 한정", "투자유치 실적 5억원 이상") is quoted in
  ``open_conditions`` and keeps △.

Several tracks in one text ("예비: … / 초기: … / 성장: …", quota groups "…60%이상, …40%이하")
are parsed one by one into ``alternatives``: the firm can apply if *some* track fits. The
top-level fields hold their union (loosest bounds) for stages and roadmap windows.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from loaders.model import Basis, Eligibility, Evidence
from loaders.regions import (
    REGION_GROUPS,
    SIDO,
    SIDO_LONG,
    SIGUNGU,
    SIGUNGU_BY_SIDO,
    is_sido_name,
    sido_of_institution,
    sido_of_place,
)
from loaders.taxonomy import GENERAL_FIELD, canonical_field, field_of_word, tag_fields
from loaders.textnorm import clean_cell
from loaders.vocab import EARLY_YEARS, GROUP_KINDS, STAGES, STARTUP_YEARS

__all__ = ["attracted_firms", "derive_stages", "parse_exclusion", "parse_target", "split_tracks"]

# --------------------------------------------------------------------------- patterns (data)

# A program that exists to bring firms into its area: "해외스타트업 유치 지원사업" (171418, 전북 —
# K-Startup 그랜드 챌린지 firms brought to the 도), "○○ 이전기업 지원", "역외기업 유치". Never
# 투자 유치 ("스케일업 투자 유치 지원", "투자유치를 희망하는 기업": the firm attracts money).
_ATTRACT_NAME = re.compile(
    r"(?<!투자)(?<!투자\s)(?:스타트업|기업|창업기업|벤처기업|창업팀|본사)\s*(?:의\s*)?(?:도내|관내|지역)?\s*유치"
    r"|(?:역외|관외|수도권|타\s*지역)\s*(?:소재\s*)?기업\s*(?:유치|이전)|이전\s*기업\s*(?:지원|유치|정착)"
)
# … or whose 지원대상 says so: "도내 유치", "관내로 유치된" (not "기업유치정책에 해당하는 업종 우대").
# "경기도에 거주하거나 도내 소재 대학(원)에 재학 중인" (171037): the place rule, or a student of a
# university in the area — a second way in for a student living elsewhere.
_REGION_OR_STUDENT = re.compile(
    r"(?:거주|소재|주소를\s*두)\s*(?:하|하고\s*있)?거나\s*(?P<way>(?:도내|관내|시내|[가-힣]{1,6}(?:도|시|군|구)?\s*내?)\s*"
    r"(?:소재\s*)?(?:의\s*)?대학\s*(?:\(\s*원\s*\)|원|교)?\s*(?:에\s*)?(?:재학|재적))"
    # "도내 거주 또는 재·휴학 중인 예비창업자(일반인, 재직자, 대학(원)생 등)" (창창한 창업스쿨, 전북)
    r"|(?:거주|소재)\s*또는\s*(?P<way2>(?:도내\s*|관내\s*)?(?:대학\s*(?:\(\s*원\s*\))?\s*)?(?:재\s*[·ㆍ]\s*휴학|재학)\s*중인)"
)
_ATTRACT_TARGET = re.compile(r"(?:도내|관내|시내|지역\s*내)\s*(?:로\s*)?유치")

_NUM = r"(\d{1,2})"
_YEARS_RANGE = re.compile(
    rf"{_NUM}\s*년\s*(초과|이상)?\s*(?:[~∼\-–]|부터)\s*{_NUM}\s*년\s*(이내|이하|미만)?"
    rf"|{_NUM}\s*[~∼\-–]\s*{_NUM}\s*년\s*(이내|이하|미만)?"
    rf"|{_NUM}\s*년\s*(초과|이상)\s*(?:,\s*)?{_NUM}\s*년\s*(이내|이하|미만)"
)
# "초기~3년", "창업 초기~7년": a band open at the bottom (from founding up to N years).
_YEARS_FROM_START = re.compile(rf"(?:초기|창업)\s*[~∼\-–]\s*{_NUM}\s*년\s*(이내|이하|미만)?")
# "창업 후 3년이 지나지 않은", "중소·벤처기업 설립한 날부터 7년이 지나지 아니한 자" (171182, the
# 중소기업창업 지원법's own wording for "N년 이내").
_YEARS_MAX = re.compile(
    rf"(?:만\s*)?{_NUM}\s*년\s*(이내|이하|미만|까지)"
    rf"|(?:창업|설립|개업)\s*(?:한\s*날\s*)?(?:후|부터|로부터|이후)\s*{_NUM}\s*년이?\s*지나지\s*(?:아니한|않은)"
)
_YEARS_MIN = re.compile(rf"{_NUM}\s*년\s*(초과|이상)")
# "양구군에 1년 이상 주소를 두고": a residence period, not 업력; "창업 후 3개월이 경과" neither.
# "독립 영농경영 3년 이하", "경력 5년 이상": years of something else than the business.
_NOT_BUSINESS_AGE = re.compile(r"영농|경영|경력|근무|재직|거주")
# ... unless 창업/업력 names the count itself: "강릉시에 거주하는 창업 3년 이내" is 업력.
_BUSINESS_AGE_WORD = re.compile(r"(?:창업|업력)\s*(?:후\s*)?$")
_RESIDENCE_AFTER = re.compile(r"^\s*(?:이상\s*)?(?:주소|거주|전입|정착)")
# An exception that widens the 업력 bound for some firms only: "(신산업 분야는 10년 이내)",
# "신산업 분야의 경우 업력 기준은 10년 이내까지", "실감형 콘텐츠는 10년 이내".
_WIDEN_WORDS = r"(?:신산업|첨단기술|딥테크|실감형)"
_PAREN_OR_CHAR = r"(?:[^()\[\];/※*\-\d]|\d(?!\d*\s*[년세])|\([^()\d]*\))"
_YEARS_WIDEN = re.compile(
    rf"(?:^|(?<=[(\[;/※*,\-])|(?<=단\s))\s*(?:단,?\s*)?{_PAREN_OR_CHAR}{{0,60}}?{_WIDEN_WORDS}{_PAREN_OR_CHAR}{{0,50}}?"
    rf"(?:만\s*)?{_NUM}\s*년\s*(?:이내|미만|이하|까지)?(?!\s*(?:이상|초과))"
    rf"(?:[^()\[\];/※*,]{{0,16}}?(?:까지|기업|적용|신청\s*가능|가능|창업기업)(?=[\s)\];,.]|$))?"
    rf"|(?:창업\s*)?{_NUM}\s*년\s*(?:이내|미만|이하)\s*(?:의\s*)?{_WIDEN_WORDS}[가-힣\s]{{0,8}}?기업"
)
# "창업 7년(신산업 창업 분야 10년) 이내", "경기도소재 7년(신산업분야 10년)이내": the base band
# and its exception share one ending (calls 177062, 176773, 177189).
_YEARS_PAREN_WIDEN = re.compile(
    rf"{_NUM}\s*년\s*\(\s*([^()]{{0,24}}?신산업[^()]{{0,16}}?)\s*(?:만\s*)?{_NUM}\s*년\s*\)\s*"
    r"(이내|미만|이하|을\s*초과하지\s*않은)"
)
# A band stated for 신산업 firms only, found next to a band for everyone: the words before it in
# its own clause ("※ 단, 신산업 분야([참고 2] 참조) 창업기업의 경우 업력 10년 이내까지") or right
# after it ("10년 이내인 신산업 스타트업"). A clause starts after a bullet or separator; a "*"
# glued to a word is a footnote mark ("신산업분야** 창업 10년 이내"), not a bullet.
_CLAUSE_MARK = re.compile(r"[※;◦○□❍▸•\n]|(?<![가-힣A-Za-z0-9)\]*])\*|\s-\s")
_QUALIFIER_AFTER = re.compile(
    r"^\s*(?:이내|미만|이하)?\s*(?:인|의)?\s*신산업\s*(?:창업\s*)?(?:분야\s*)?(?:[가-힣·ㆍ]{0,6}?(?:스타트업|기업))?"
)
_QUALIFIER_TAIL = re.compile(
    r"^[^※*;◦○□❍▸•\n.]{0,16}?(?:까지\s*(?:신청\s*)?가능|신청\s*가능|지원\s*가능|가능|까지)"
)
# "전문분야 5년이상 경력자": years of a person's career, not of the business (call 176391).
_NOT_BUSINESS_AFTER = re.compile(
    r"^\s*(?:이상|이하|이내)?\s*(?:의\s*)?(?:연구개발\s*|관련\s*)?(?:경력|근무|재직|실무)"
)
_AGE_WIDEN_WORDS = r"(?:신산업|첨단기술|딥테크|실감형|기술창업)"
_AGE_WIDEN = re.compile(
    rf"[*※(]?\s*{_AGE_WIDEN_WORDS}[^()※*;]{{0,12}}?(?:의\s*경우|은|는)\s*(?:만\s*)?(\d{{2}})\s*세\s*(?:이하|미만)[^()※*;]{{0,14}}"
)
# "군필자의 경우 상한 연령 연장(군복무 1년 미만 1세, …)" (171421), "군필자의 경우(병적증명서,
# 전역증 등 별도 제출) 상한 연령을 다음과 같이 연장함 - …" (its call 177447).
_MILITARY = re.compile(r"군필[^※*;()]{0,20}?(?:\([^()]{0,40}\))?\s*상한\s*연령[^※*;]{0,80}")

_AGE_RANGE = re.compile(
    r"(?:만\s*)?(\d{2})\s*세?\s*(?:이상)?\s*(?:[~∼\-–]|부터|에서)\s*(?:만\s*)?(\d{2})\s*세\s*(이하|미만)?"
    r"|(?:만\s*)?(\d{2})\s*세\s*이상\s*(?:만\s*)?(\d{2})\s*세\s*(이하|미만)"
)
_AGE_MAX = re.compile(r"(?:만\s*)?(\d{2})\s*세\s*(이하|미만)")
_AGE_MIN = re.compile(r"(?:만\s*)?(\d{2})\s*세\s*이상")
_AGE_ANY = re.compile(r"연령\s*(?:무관|제한\s*없음|불문)")
_GENDER_AGE = re.compile(
    r"(?:(?:만\s*)?(\d{2})\s*세\s*이상\s*)?(?:만\s*)?(\d{2})\s*세\s*(이하|미만)\s*(?:의\s*)?(남성|여성)"
)
_YOUTH = re.compile(r"청년")
_MIDDLE_AGED = re.compile(r"중장년|신중년|시니어")
# "청년·여성", "청년 또는 여성": either group.
_EITHER_GROUP = re.compile(r"(청년|여성)\s*(?:[·ㆍ\u119e,]|또는|및|이나)\s*(청년|여성)")

_PRE = re.compile(
    r"\(\s*예비\s*\)|예비\s*(?:재창업|청년)?\s*창업\s*(?:자|가|팀|기업)?|예비\s*(?:또는|및|·|ㆍ|\u119e|,)|예비[ㆍ·\u119e]?\s*초기"
    r"|창업\s*(?:을|를)?\s*희망|창업\s*준비|창업\s*(?:\([^)]*\))?\s*희망자|예비\s*(?=창업|청년|재창업)"
    r"|창업\s*\(?\s*예정\s*\)?\s*(?:자|인)|미창업자|예비\s*\(\s*재\s*\)\s*창업\s*(?:자|가)?"
)
# Ways of saying "has no business registration": 예비창업자 only.
_NO_BUSINESS = re.compile(
    r"사업자\s*등록\s*(?:증)?\s*(?:을|를|이|가)?\s*(?:보유하고\s*있지\s*않|없는|하지\s*않은|이\s*없는)"
    r"|사업자\s*(?:등록)?(?:\s*및\s*법인\s*설립\s*등기)?\s*이력이\s*없는|미창업자|사업자가\s*없는"
    r"|사업자\s*등록\s*및\s*법인\s*설립\s*등기를\s*하지\s*않은"
)
# "(예비창업자 제외)", "사업 개시 및 사업자 등록을 완료하여야": an existing business only.
_FOUNDED_ONLY = re.compile(
    r"\(?\s*예비\s*창업자\s*제외\s*\)?|사업\s*개시\s*및\s*사업자\s*등록을\s*완료"
)
_FOUNDED = re.compile(
    r"기업|사업자|창업자|창업가|스타트업|창업팀|소상공인|기창업|재창업자|법인|1인\s*창조기업|입주"
    r"|창업\s*\([^)]*\)\s*자"
)
_RESTART = re.compile(r"재창업|재도전|폐업\s*(?:이력|경험)")
_WOMEN = re.compile(r"여성")
_STUDENT = re.compile(r"대학\s*\(?원\)?\s*생|대학생|대학원생|재학생|학생")
_DISABLED = re.compile(r"장애인")
# "외국인", "외국 국적을 보유한" (170083), "외국 국적자로서" (170086) — not "외국인의 경우, …"
# (a rule for foreigners among others), a document ("외국인등록증") or 외국국적동포's 거소신고증.
_FOREIGN = re.compile(
    r"외국인(?!\s*(?:의|인)?\s*경우|\s*등록)|외국\s*국적(?!\s*동포)(?:자(?:로서)?|을\s*보유한)?"
)
_KOREAN = re.compile(r"대한민국\s*국적|한국\s*국적|내국인")
# 북한이탈주민 — not the certificate that proves it ("북한이탈주민자격증명서 보유자").
_DEFECTOR = re.compile(
    r"(?:북한\s*이탈\s*주민|새터민|탈북\s*(?:민|주민|자))(?!\s*(?:자격\s*)?(?:증명서|확인서))"
)
# A group named as the label of one item in a list of kinds ("대표자가 다음 유형 중 하나에 해당 -
# 북한이탈주민: … - 외국인: …", call 176405) is one alternative, not a requirement: left quoted.
_GROUP_LABEL = re.compile(r"^\s*:")
# A flag word offered as an alternative ("(예비)창업자 및 학생 등") is not a requirement.
_ALTERNATIVE_BEFORE = re.compile(r"(?:및|또는|,|ㆍ|·|\u119e)\s*(?:예비\s*)?$")
# … nor one kind in a list of applicant kinds whose other kinds admit anyone of the group or not:
# "카이스트 학생·교원, 스타트업 및 중소벤처기업" (171027's notice cell), "대학생,취업준비생,예비
# 창업자 및 현직 실무자" (call 178936), "국내 거주 국민 누구나(대학생, 예비 창업자, 기창업자 등)"
# (177079). The kind after the separator must start the item: "여성 예비창업자 및 여성 기업"
# (여성 qualifies the 예비창업자) and "대학(원)생·교원(예비) 창업자" (177220) stay group-only, and
# items named on the way ("·교원", ", 취업준비생") are single words.
_ALTERNATIVE_AFTER = re.compile(
    r"^(?:\s*[,·ㆍ\u119e‧]\s*[가-힣]{1,8}(?:\([가-힣]{1,8}\))?)*\s*(?:,|및|또는|[·ㆍ\u119e‧])\s*"
    r"(?:[가-힣]{1,6}(?:지역|소재|관내|도내)\s*)?"
    r"(?:(?:\(\s*예비\s*\)|예비)\s*)?"
    r"(?:창업\s*(?:\(?\s*예정\s*\)?\s*)?(?:자|가|팀|기업)|기창업자|스타트업|(?:중소\s*[·ㆍ‧]?\s*)?(?:벤처\s*)?기업"
    r"|일반인|직장인|취업\s*준비생|실무자|[가-힣]{1,4}(?:도민|시민|군민|구민)|국민)"
)
# "초기" with no number: a stage word whose 업력 the text does not define.
_EARLY_WORD = re.compile(r"초기")
# The law's word for a firm within 7 years of founding (창업자, a person, is used loosely).
_STARTUP_TERM = re.compile(r"(?<!재)(?:기술\s*)?창업\s*기업")
# … unless the text admits firms of any age beside them ("도내 창업기업 및 중소·벤처기업").
_ANY_FIRM = re.compile(
    r"(?:중소\s*[·ㆍ‧]?\s*(?:벤처)?\s*기업|벤처\s*[·ㆍ‧]?\s*기업|벤처\s*[·ㆍ‧]|중견)"
    r"(?!\s*(?:기업)?\s*(?:과|와)의)"  # partners ("대·중소기업과의 협력") are no applicants
)
# "관악구 소재 창업·벤처기업" (171304's notice cell), "벤처·창업기업", "창업 및 벤처기업": a
# 창업기업 (7 years, 「중소기업창업 지원법」 제2조) or a 벤처기업 (any age, 「벤처기업육성에 관한
# 특별법」 confirmation) — not "중소·벤처·창업기업", where a 중소기업 of any age is admitted.
_STARTUP_OR_VENTURE = re.compile(
    r"창업\s*[·ㆍ‧]\s*벤처\s*기업|벤처\s*[·ㆍ‧]\s*창업\s*기업"
    r"|창업\s*(?:기업)?\s*(?:및|또는|이나|과|,)\s*벤처\s*기업|벤처\s*(?:기업)?\s*(?:및|또는|이나|와|,)\s*창업\s*기업"
    # "창업·벤처기업에 해당하는 중소기업" (국가철도공단, call in calls_2026_sep): the 중소기업 is
    # the 창업·벤처기업 itself, not a firm of any age beside it.
    r"(?:\s*(?:에\s*해당하는|인)\s*중소\s*기업)?"
)
# … and a 중소기업 of any age beside them ("수원 소재 중소·벤처·창업기업") admits everyone.
_SME_BESIDE = re.compile(r"중소\s*[·ㆍ‧]|중견")

_LOCATION_WORD = re.compile(
    r"^\s*(?:[가-힣]{1,4}(?:시|군|구)\s+)?(?:에\s*)?(?:\d+\s*년\s*이상\s*)?(?:시\s*)?(?:소재|거주|주소|관내|도내|내\s|내에|내$|지역|권역|권\s*(?:소재|내|지역)|시민|도민|군민|구민|정착|전입|에\s*본사|에\s*주소|에\s*소재|에\s*거주|에\s*주민등록|에\s*사업자\s*등록|에\s*사업장|에서\s*생애|내\s*사업장)"
)
_LOCAL_AREA = re.compile(r"관내|도내|시내\s*소재|지역\s*내")
# After a place: words that make the location rule softer than "must be there now".
_LOCATION_SOFT = re.compile(r"예정|전입|이전|희망|우대|정착|계획")
# Location phrases about the firm's premises (not where a 예비창업자 lives).
_PREMISES = re.compile(r"본사|본점|사업장|사업자\s*등록|주사무소|공장|연구소|소재지를\s*두고")
_RESIDENCE = re.compile(r"거주|주소|주민\s*등록|시민|도민|군민|구민")
# The area is open: 전국, no residence limit, or out-of-area firms apply and move after selection.
_REGION_OPEN = re.compile(
    r"주\s*소\s*:?\s*전국|전국\s*단위|전국의|거주지\s*(?:제한\s*)?(?::\s*)?제한\s*없음|거주지\s*제한\s*없음"
    r"|타\s*시\s*[·ㆍ]?\s*도\s*거주자도?\s*(?:모두\s*)?신청\s*가능|\(\s*전국\s*\)"
)
# Out-of-area applicants admitted on condition that they move (or found there) after selection.
_REGION_RELOCATE = re.compile(
    r"(?:관외|역외|도외|타\s*지역|지역\s*외|[가-힣]{1,4}\s*외\s*(?:소재|지역)|[가-힣]{2,5}\s*이외)\s*(?:의\s*)?"
    r"(?:기업|창업기업|기창업자|거주자|[가-힣·ㆍ]{0,12})?"
    r"(?:[^.;※]|(?<=\d)\.(?=\d)|\.(?=\))){0,80}?(?<!기술)(?:이전|설립|전입|창업예정자\s*참여\s*가능|지원\s*가능|신청\s*가능)"
    r"|협약\s*기간\s*내\s*본사\s*소재지를\s*[가-힣]{1,4}(?:으로|로)\s*이전\s*가능한"
    # "7년 이내 법인(지역 무관) - (필수사항) 선정기업은 3개월 이내 … 본사 … 이전(설립)"
    r"|지역\s*무관\)?(?:[^.;※]|(?<=\d)\.(?=\d)){0,80}?선정[^.;※]{0,40}?(?:이전|설립|전입)"
    # "동남권 소재 또는 동남권으로 이전을 희망하는" (call 178907), "구미소재 기업 및 구미(본사)로
    # 이전 계획 기업" (176367), "관내 기업 또는 창원시로 본사 이전 계획이 있는 관외기업" (176810),
    # "울주군에 … 소재하고 있거나 이전 예정인" (171033), "전라남도 거주자 및 전입 예정자" (176888):
    # firms there, or firms that will move there — never "이전 예정 기업 불가" (177283), never
    # 기술이전.
    r"|(?:(?:소재|기업|거주자?)(?!\s*\()\s*[^.;※/()]{0,6}?(?:또는|혹은|및)|(?:있|하였|했)거나)\s*[^.;※/]{0,50}?"
    r"(?<!기술)(?:이전|전입|이주|옮길)\s*(?:을|를|이)?\s*(?:희망|예정|계획|가능|확약|수요|(?=\s*기업))"
    r"(?![^.;※)]{0,10}불가)"
    # "① 광명시 본사 소재 기업 … ② 광명시 본사 이전 계획이 있는 기업" (171326, call 177293)
    r"|(?:본사|본점|사업장)\s*(?:을|를)?\s*이전\s*(?:계획|예정)이\s*있는(?![^.;※)]{0,10}(?:제외|불가))"
    # "울산으로 소재지를 옮길 예정인 관외기업" (177319), "이전 확약 역외기업" (177300)
    r"|(?:이전|옮길)\s*(?:을|를)?\s*(?:예정|계획|확약)(?:인|이\s*있는)?\s*(?:관외|역외|타\s*지역)\s*기업"
    # "본점 경기도 이전 시 사업 참여 가능" (177301), "전입신고를 할 경우 참여 가능" (177299)
    r"|(?<!기술)(?:이전|전입\s*(?:신고)?)\s*(?:을|를)?\s*(?:할\s*경우|시)\s*(?:사업\s*)?(?:참여|지원|신청)\s*가능"
    # "• 수도권 기업 중 (대구)지능형반도체 개발·지원센터 입주 예정인 기업" (177034): firms of
    # another area admitted if they move into a centre in the text's area
    r"|(?:수도권|관외|역외|도외|타\s*지역|지역\s*외)\s*(?:소재\s*)?기업\s*중\s*[^.;※•]{0,50}?입주\s*(?:예정|확정|희망)"
    # "계약 후 1개월 내 군산시 전입" (171296), "입주 후 3개월 이내 과천시로 … 이전": a named place
    # (a move into a centre, "입주 계약 후 1개월 이내 주사업장(본사) 이전", admits nobody: 176808)
    r"|(?:계약|협약|선정|입주)\s*(?:체결\s*)?(?:후|이후)\s*\d+\s*(?:개월|일)\s*(?:이내|내)\s*"
    r"[가-힣]{1,5}(?:시|군|구|도)(?:으로|로)?\s*(?:[가-힣()]{1,10}\s*)?(?:전입|이전)"
)

# Every place a target may name: 시·도 spellings, 기초 names and unambiguous stems. Longest
# first, so "대전광역시" wins over "대전" and "창원시" over "창원".
_PLACES = sorted(
    {*(n for longs in SIDO_LONG.values() for n in longs), *SIDO_LONG, *SIGUNGU},
    key=len,
    reverse=True,
)
_PLACE = re.compile("|".join(re.escape(p) for p in _PLACES if " " not in p))
_PLACE_WORDS = frozenset(_PLACES)
# The location word before the place: "본사 소재지가 대전광역시인", "사업장 소재지가 인천에 위치한".
_LOCATION_NOUN_BEFORE = re.compile(
    r"(?:소재지|주소지|거주지|본사|본점|사업장|주사무소)\s*(?:소재지)?\s*(?:가|는|이)\s*$"
)
_PLACE_AS_PREDICATE = re.compile(r"^\s*(?:인\s|인$|에\s|이며|이어야|일\s|내\s|내에)")
# What separates the places of one list: a slash, a middle dot, a comma, 및 or 또는.
_PLACE_LIST_SEP = re.compile(r"\s*(?:[/·ㆍ‧,]|및|또는)\s*")
# A grouping of 시·도 (loaders.regions.REGION_GROUPS), with the text's own list in brackets when
# it gives one: "동남권(부산·울산·경남)", "호남권(전라·광주·제주)", "비수도권 (서울, 경기 제외)".
_GROUP = re.compile(
    r"(?<![가-힣])(비수도권|수도권|충청권|충청(?![남북]|권)|동남권|대경권|부울경|부\s*[·ㆍ]\s*울\s*[·ㆍ]\s*경"
    r"|호남권)(?:\s*\(([^()]{2,40})\))?"
)
_AREA = re.compile(f"{_GROUP.pattern}|{_PLACE.pattern}")
# Old names of two 시·도 each, as a bracket list spells them ("전라·광주·제주").
_PAIR_NAMES: dict[str, tuple[str, ...]] = {"전라": ("전북", "전남"), "경상": ("경북", "경남")}
# A clause that prefers or gives quota to a place does not require it: "* 광주 지역 창업자 우선
# 선발", "호남권(…) 소재 (예비)창업기업을 60% 이상 선발", "(우대사항) 대구광역시 본사 소재 기업".
_PREFERENCE = re.compile(r"우대|가점|우선\s*(?:선발|선정|지원)|\d+\s*%\s*이상\s*(?:선발|선정)")
# Clauses for that purpose: bullets, ※ notes, " - " items ("*" glued to a word is a footnote mark).
_PREF_CLAUSE = re.compile(r"[;※▲◦○□❍▸■•]|(?<![가-힣A-Za-z0-9)\]*])\*|\s-\s?(?=[가-힣(])|\s/\s")
# A bracketed exception is no requirement either: "(*부울경 소재 기업 업력 제한 없음)" (call 177091).
_EXCEPTION_NOTE = re.compile(r"\([^()]*제한\s*없음[^()]*\)")
_PREF_LABEL = re.compile(r"^\s*[(\[]?\s*우대\s*(?:사항|대상|조건)?\s*[)\]]?\s*:?")
_PREF_END = re.compile(r"^[\s)\].,]*(?:함|합니다)?[\s)\].,]*$")
# Where a noun phrase ends and the next begins ("…7년 이내 기업 AI, … 기업 우대"): the preference
# at a clause's end speaks of the last phrase only. A list ("거주자, … 기업") is one phrase.
_HEAD_BOUNDARY = re.compile(r"(?:기업|창업자|창업가|자|팀|기관)(?=\s+(?!또는|및|혹은)[^\s,·])")
_PLACE_STEM = re.compile(
    r"([가-힣]{2,3})(?=\s*(?:소재|거주|에\s*주소|에\s*소재|관내|지역|시민|군민))"
)

# The 행정안전부's 인구감소지역, with or without its 인구감소관심지역 (loaders.regions
# DEPOPULATION_AREAS): "충남 인구감소지역 내 창업 예정인" (call 177133), "충청남도 인구감소지역에서"
# (176535), "'인구소멸 감소 및 관심지역' 내" and "도내 인구 감소 지역 내" (177008).
_DEPOPULATION = re.compile(
    r"인구\s*(?:소멸\s*)?(?:감소|소멸)\s*(?:[·ㆍ‧]\s*|(?:및|또는|혹은)\s*)?(관심\s*)?지역"
    r"(?:\s*(?:내에서|내에|내|에서|에))?"
)
_SCOPE_BEFORE = re.compile(r"([가-힣]{2,8})\s*$")
# "도내 인구 감소 지역 내 본사를 설립·이전" (177008): the areas of the program's own 시·도.
_OWN_AREA_WORDS = frozenset({"도내", "관내", "시내", "군내"})
_OWN_AREA = "관내"
# "사업장 (예정)소재지가 '인구소멸 … 지역' 내": a planned place, like "… 내 창업 예정인".
_PLANNED_BEFORE = re.compile(r"\(\s*예정\s*\)\s*소재지")


# A field named as a requirement: "<words> 분야", "<words>산업 분야", "<words> 스타트업".
_FIELD_PHRASE = re.compile(
    r"([A-Za-z가-힣·ㆍ‧\u119e,\-]+(?:[\s,]+[A-Za-z가-힣·ㆍ‧\u119e\-]+){0,2}?)\s*(?:산업\s*)?(?:분야|관련|스타트업|벤처|리그)"
)
_NOT_A_FIELD = re.compile(
    r"신산업|전\s*분야|모든\s*분야|분야\s*무관|업종\s*무관|첨단기술|특화|기술"
)
# Field words right before the applicant noun: "ICT, AI/AX 예비창업자(팀)" (170054), "해양수산 예비
# 창업자" (170036), "10년 이내 예술기업" (170022). Every word of the list must be a field keyword
# (loaders.taxonomy.field_of_word), so "도내 예비창업자" or "기술창업기업" name none.
_FIELD_LEAD = re.compile(
    r"(?<![A-Za-z가-힣])((?:[A-Za-z가-힣]+\s*(?:,|/|·|ㆍ|‧|∙|및)\s*)*[A-Za-z가-힣]+?)\s*"
    r"((?:\(\s*예비\s*\)\s*|예비\s*)?(?:창업자|창업가|창업팀|창업기업|기업|스타트업))"
)
_FIELD_LEAD_SEP = re.compile(r"\s*(?:,|/|·|ㆍ|‧|∙|및)\s*")
# What makes such a phrase no requirement of the applicant: after it, an example, preference,
# exclusion or partner ("핀테크기업 우대", "바이오 기업 제외", "콘텐츠 기업 등", "디자인기업과의
# 협업"); before it, a bracket ("(푸드테크기업) 모집과 중복지원 불가", call 176904) or a list
# this reading did not take whole ("ICT 및 디지털 헬스케어 기업", "소재, 제조 기업 등과 디자인
# 기업" — calls 176825, 176577).
_FIELD_LEAD_NOT = re.compile(
    r"^\s*(?:\([^()]*\)\s*)?(?:등|우대|가점|우선|제외|불가|과|와|들|의(?!\s*(?:대표|경우)))"
)
_FIELD_LEAD_BEFORE = re.compile(r"(?:[(,/·ㆍ‧∙]|및|또는|혹은|등|[가-힣]과|[가-힣]와)\s*$")
# Fields that are a legal status or a place rather than a technology (사회적경제기업, 로컬).
_FIELD_LEAD_SKIP = frozenset({"소셜벤처", "로컬"})

# Conditions a profile cannot decide: understood as conditions, quoted, and kept as △.
_OPEN_CONDITIONS: tuple[tuple[str, str], ...] = (
    (
        r"법인\s*에?\s*한정|법인\s*사업자\s*\)?|개인사업자\s*신청\s*불가|법인\s*설립일로부터"
        # "7년 이내 법인(지역 무관)" (171076), "7년 이내 법인 기업": a corporation, not a 개인사업자
        # (not "법인기업의 경우 … 기준" nor "▪ 법인기업 : …", which say how 업력 is counted, nor
        # "개인사업자 혹은 법인", "법인(사업자등록)")
        r"|(?<!또는\s)(?<!혹은\s)(?<!및\s)(?<![가-힣·ㆍ,/])법인\s*(?:기업|스타트업)"
        r"(?!\s*(?:및|또는|혹은)\s*개인|\s*(?:의\s*경우|은|는|:))(?:\s*\([^()]*\))?"
        r"|(?<=\s)(?<!개인\s)(?<!,\s)(?<!또는\s)(?<!혹은\s)(?<!및\s)법인"
        r"(?:\s*\((?!\s*(?:개인|사업자))[^()]*\)|(?=\s*(?:\((?!\s*(?:개인|사업자))|$|[.;])))",
        "법인 사업자",
    ),
    # "투자유치를 희망하는" (171076) is a wish, not a record.
    (r"투자\s*(?:유치|금|사|를\s*유치)(?!\s*(?:를|을)?\s*희망)[^.;※]{0,30}", "투자 유치 실적"),
    (r"매출[^.;※]{0,20}", "매출 요건"),
    (r"기업가치[^.;※]{0,15}", "기업가치"),
    (r"보증을\s*받은", "보증 실적"),
    (r"상시\s*근로자|소공인", "소공인(상시근로자 수)"),
    (r"1인\s*창조기업", "1인 창조기업"),
    (r"사회적\s*경제\s*기업|사회적기업|협동조합|마을기업|자활기업", "사회적경제기업"),
    (r"입주\s*(?:한|중인|기업)|입주기업", "입주기업"),
    (
        r"팁스\s*운영사|추천을\s*받은|판정을\s*받은|협약\s*\(?\s*완료\s*\)?\s*한|선정자|공모에\s*통과",
        "선정·추천 이력",
    ),
    (r"교육\s*이수자|사전\s*창업교육", "사전 교육 이수"),
    (r"건강보험|중위소득|소득\s*요건", "소득·건강보험 요건"),
    (r"재직\s*중이지\s*않은|재직자|근로자\s*신분", "재직 여부"),
    (r"[^▲;※]{0,60}업종\s*중\s*하나[^▲;※]{0,12}|업종\s*:|제조업|가공업|업종범위", "업종"),
    (r"(?:이전\s*연도|전년도)[^;/]{0,12}?완료\s*기업|완료\s*기업", "이전 참여 이력"),
    (r"2\s*인\s*이상|모임\s*및\s*단체|단체", "팀·단체 구성"),
    (r"\(?\s*시\s*\)?\s*제품을\s*보유|기술이전\s*계약\s*필수|기술이전\s*수행", "제품·기술 보유"),
    (r"농업경영체|농지\s*임대차|영농경영", "영농 요건"),
    (r"조인트벤처|JV\s*설립|현지\s*파트너", "해외 법인·파트너"),
    (r"주권상장|비상장|IPO", "상장 여부"),
    (r"점포\s*사업장\s*임대료|임대료를\s*납부", "점포 임차"),
    (r"입점", "입점 요건"),
    # A mention _depopulation did not read as the 행정안전부 list ("인구감소 대응 …").
    (r"인구\s*(?:소멸|감소)", "인구감소지역 소재"),
    (
        r"트랙별\s*신청\s*자격|세부\s*사업별\s*신청\s*자격|공고문\s*내\s*'?신청\s*자격",
        "트랙별 세부 자격",
    ),
    (r"ESG", "ESG 분야"),
    # "(주관)중소·벤처기업 (참여)대기업·중견·중소기업" (170039): an R&D consortium led by an SME —
    # its size and the consortium are the call's to check, not the profile's.
    (r"\(\s*주관\s*\)\s*[가-힣·ㆍ‧]{0,12}", "R&D 컨소시엄 주관기관"),
    (r"제조\s*(?:분야|기반)", "제조 분야"),
    (r"해외\s*진출이\s*준비된|해외\s*IP|수출\s*실적", "해외진출 준비 요건"),
    (r"졸업\s*예정|휴학생|재학생", "재학 여부"),
)
_OPEN = tuple((re.compile(p), label) for p, label in _OPEN_CONDITIONS)

# How a date or place is proven (document bases), blanked before anything else is read so that
# "법인사업자 : 법인등기부등본 상 '법인설립등기일' 기준" is not taken for "법인 only".
_DOC_BASIS = re.compile(
    "|".join(
        (
            r"\(?\s*개인\s*[·ㆍ,]?\s*법인\s*\)?",
            r"개인\s*사업자\s*:?\s*사업자\s*등록증\s*상\s*['‘’]?개업\s*연월일['‘’]?\s*기준",
            r"법인\s*사업자\s*:?\s*법인\s*등기부\s*등본\s*상\s*['‘’]?법인\s*설립\s*등기일['‘’]?\s*기준",
            r"사업자\s*등록\s*(?:증)?\s*(?:상|일자)?\s*(?:사업\s*개시일|개업\s*연월일)?\s*기준",
            r"사업자\s*등록증\s*또는\s*법인\s*등기부\s*등본\s*기준",
            r"업력\s*(?:산정|기준)[^,.;)]*?기준|창업\s*및\s*업력\s*산정은?[^.;]*?준용",
            r"\(?\s*주민\s*등록\s*(?:등본)?\s*(?:상|기준)\s*\)?",
            r"주민\s*등록\s*등본상\s*[가-힣]{1,4}\s*거주로\s*확인",
            r"공동\s*대표[^.;]*?해당되지\s*않아야\s*함?",
            r"신청자\s*명의의",
            r",?\s*법인의\s*법률상\s*대표권을\s*가지고\s*있지\s*않은",
            r"국내에서\s*법인\s*설립\s*및\s*창업\s*활동을\s*하고자\s*하는|합법\s*체류",
            # The rest of the 예비창업자 definition: a business closed a while ago is none.
            r"(?:사업\s*공고일|신청일)\s*(?:\d+\s*개월\s*)?이전(?:에)?\s*(?:기존\s*)?개인\s*사업자\s*(?:폐업\s*)?또는\s*법인\s*사업자\s*폐업"
            r"[^;.]{0,30}?(?:현재\s*사업자가\s*없는\s*자|된\s*자)",
        )
    )
)

# Words and phrases that say nothing a profile could fail: selection qualities, document
# bases, legal definitions of 창업기업, boilerplate about arrears and closure, obligations after
# selection, preferences. Removed before looking for what was not understood.
_BENIGN: tuple[str, ...] = (
    r"「[^」]*」|『[^』]*』|'중소기업[^']*'",
    r"제\s*\d+\s*조(?:\s*제?\s*\d+\s*(?:호|항))*(?:의\s*\d+)?(?:\s*(?:부터|까지))?",
    r"(?:중소기업\s*)?창업\s*지원법|중소기업\s*기본법|중소기업창업지원법",
    r"(?:에\s*)?(?:따른|의한|해당하는|해당되는|정의에|정의)",
    r"각\s*호",
    r"(?:상세|세부|자세한)\s*(?:내용|사항|신청\s*자격|지원\s*대상)?은?\s*(?:개별\s*)?공고문\s*(?:을\s*)?참(?:조|고)|자격\s*예외\s*요건\s*등",
    r"공고문\s*참조",
    r"(?:아래|다음)\s*(?:의\s*)?(?:조건|요건)(?:을|를)?\s*모두\s*충족(?:하는|한)?|[가-하]\s*[~∼]\s*[가-하]\s*요건을\s*모두\s*충족한",
    r"모든\s*조건을\s*충족|지원\s*자격을\s*모두\s*충족하는|본\s*모집\s*공고에서\s*정하는",
    r"지원\s*제외\s*대상?\s*업종에\s*해당하지\s*않을\s*것|신청\s*제외\s*(?:사유|대상)에\s*해당(?:되|하)지\s*않(?:는|아야)",
    r"휴\s*[·ㆍ/]?\s*폐업[^;.]{0,20}|휴업\s*[/·ㆍ,]?\s*폐업|휴업\s*중인|국세\s*또는\s*지방세\s*체납액이\s*없는|체납",
    r"대\s*[·ㆍ‧]?\s*중견\s*[·ㆍ‧]?\s*중소\s*기업과\s*협업할",
    r"[가-힣]+\s*현안\s*문제와\s*관련된",
    r"[가-힣]+\s*청년\s*[가-힣\s]{0,12}조례\s*기준",
    r"(?:공고일\s*기준\s*)?만\s*\d+\s*년\s*\([^)]*\)\s*을\s*초과하지\s*않은\s*자?",
    r"컨소시엄\s*신청\s*불가|단독으로\s*수행",
    r"학력\s*,?\s*전공\s*무관",
    r"우대|가점\s*부여",
    r"선발\s*시[^)]*?필수|선정\s*(?:시|후)\s*\d+\s*개월\s*이내[^.;*]*?필수",
    r"(?:예비\s*창업자는?\s*)?\d+\s*개월\s*이내\s*사업자\s*등록\s*필수",
    # "기업선정 이후 6개월 이내 도내 인구 감소 지역 내 본사 … 설립·이전하고 상시인력 1명 이상
    # 고용하여야 함" (177008): what a firm that moves in owes after selection, read with the move.
    r"(?:기업\s*)?선정\s*이후\s*\d+\s*개월\s*이내[^.;※]*?(?:이전|설립)[^.;※]*?고용하여야\s*함",
    r"보조금\s*정산일부터[^.;]*?완료해야\s*하며",
    r"사업\s*기간\s*동안\s*주소지\s*역시\s*유지해야\s*함",
    r"지원\s*기간\s*내[^.;]*?창업\s*\(?사업자\s*등록\)?이\s*가능한|협약\s*(?:체결\s*이후\s*)?(?:협약\s*)?기간\s*내[^.;]*?창업",
    r"(?:본\s*사업\s*)?협약\s*체결\s*이후",
    r"^\s*\([^()\s]+\s[^()]{3,30}\)",
    r"창업\s*사업화\s*자금\s*지원을\s*통해",
    r"우수한|유망한?|혁신\s*(?:적인|적|)|창의적(?:인|이고)|특색\s*있는|미래\s*가치가\s*높은|실현\s*가능한",
    r"창업\s*아이템|아이템|아이디어|사업\s*계획(?:서)?|기술력|기술을\s*보유한|기술\s*기반|기술창업",
    r"(?:해외|글로벌)\s*진출\s*(?:등\s*)?(?:을|이)?\s*(?:희망|가능)|참가\s*예정",
    # "대·중소기업과의 협력 및 글로벌 진출 등을 희망하는 창업기업" (171157): wishes too.
    r"(?:대\s*[·ㆍ‧]?\s*중소\s*기업|대\s*[·ㆍ‧]?\s*중견\s*기업|대기업)과의\s*협력\s*(?:및|을\s*희망하는)",
    # Wishes and plans are no condition: "투자유치를 희망하는" (171076), "해외 프로그램(전시회, …)
    # 참가 예정인" (171402); nor an example field ("뉴미디어 분야 등", 171217).
    r"투자\s*유치\s*(?:를|을)?\s*희망하는|해외\s*프로그램\s*\([^()]*\)|해외\s*프로그램(?=\s*(?:에\s*)?참가)",
    r"[가-힣A-Za-z·ㆍ]+\s*분야\s*등(?=\s)",
    # The tail of a relocation rule read by _regions: "… 이전조건으로 사업참여" (171185), "… 이전
    # 확약 필요" (170044).
    r"(?:이전\s*)?조건으로\s*사업\s*참여|(?:이전\s*)?확약\s*(?:서\s*)?(?:제출\s*)?필요",
    # Other people who may also apply, beside the founder: "(예비)창업가 및 창업기업의 직원";
    # and a 예비창업자's duty after moving in: "6개월 내 관내 창업가능자" (171296).
    r"(?:및|또는)\s*창업\s*기업의\s*직원|\d+\s*개월\s*(?:이\s*)?(?:내|이내)\s*(?:관내\s*)?창업\s*가능자",
    # The partners of an R&D consortium (170039, after its lead — an open condition — was read):
    # "(참여)대기업·중견·중소기업".
    r"\(\s*참여\s*\)\s*(?:대\s*기업\s*[·ㆍ‧]\s*중견\s*[·ㆍ‧]\s*중소\s*기업)?",
    # Either kind of business: "법인 또는 개인사업자" (call 176588), "개인·법인 사업자".
    r"법인\s*(?:및|또는|[·ㆍ,])\s*개인\s*사업자|개인\s*(?:및|또는|[·ㆍ,])\s*법인\s*사업자",
    r"접목\s*가능한|파트너사\s*중점\s*사업\s*영역과",
    r"창업에\s*관심\s*있는|관심있는|누구나|(?:자격\s*|대상\s*)?제한\s*없음",
    r"신청일\s*기준,?\s*대상의\s*나이에\s*부합해야\s*함|팀원\s*(?:이\s*)?모두[^※*;]*?(?:이어야\s*함|어야\s*함)",
    r"대표자\s*및\s*팀원이\s*모두[^※*;]*?이어야\s*함|팀원\s*모두\s*해당\s*연령이어야\s*함",
    r"연령은\s*사업\s*공고일[^※*;]*?적용이며",
    r"본\s*사업은[^.]*?지원합니다\.?",
    r"\d+\s*개\s*사\s*(?:내외)?|\d+\s*개\s*기업|[\d,.]+\s*(?:천만|백만|억)?\s*원\s*[xX×]\s*\d+\s*개사\s*내외|최대\s*[\d,.]+\s*(?:천만|억)?\s*원",
    r"\d+\s*%\s*(?:이상|이하|이내)?",
    r"(?:예비|초기|성장|도약)\s*:",
    # "(필수사항) 「중소기업창업지원법」에 따른 …" (call 176421): a label, not a condition.
    r"\(\s*필수\s*(?:사항|요건|조건)?\s*\)",
    r"심화\s*과정|일반\s*트랙|리그|트랙|권역|유형|과정",
    r"모집\s*공고일|사업\s*공고일|공고\s*마감일|공모\s*마감일|공고일|신청일|마감일|기준일|현재|기준",
    r"중소\s*[·ㆍ‧]?\s*벤처\s*기업|대\s*[·ㆍ‧]\s*중견\s*[·ㆍ‧]\s*중소\s*기업",
    # "창업 7년 이내 기업(기술창업, 신산업창업)" (171312): the kinds of 창업 the law counts; the
    # 신산업 widening itself is read by _years.
    r"\(\s*기술\s*창업\s*[,·ㆍ]\s*신산업\s*창업\s*\)",
)
_BENIGN_RE = re.compile("|".join(f"(?:{p})" for p in _BENIGN))
# Tokens that carry no condition (after their particles are stripped): the generic applicant
# words, location and document words (a place itself is read by _regions), connectives.
_KNOWN_TEXT = """
    예비 창업 창업자 창업가 창업팀 창업기업 기창업자 재창업자 예비창업자 예비창업가 청년창업자 청년창업가 청년창업기업 기업 중소기업 벤처기업 벤처 스타트업 대표 대표자
    사람 팀 개인 법인 업력 초기 도약 성장 청년 여성 이내 이하 미만 이상 초과 만 세 년 개월 일 자 등 및 또는 혹은 사업 사업자 사업자등록 사업자등록증
    사업자등록증상 등록 등록증 등록증상 개업 개업연월일 설립 소재 소재지 본사 본점 지사 공장 연구소 부설연구소 기업부설연구소 사업장 사업장소재지 주사무소 주소 주소지
    주민등록 거주 거주지 거주자 이전 전입 정착 관내 도내 시내 지역 내 내에 외 관외 타 시도 시·도 필수 의무 완료 예정 가능 희망 희망자 희망하는 있는 없는 신청
    참여 지원 선정 확인 협약 협약일 협약기간 기간 동안 유지 조건 요건 모두 충족 해당 기준 현재 공고 공고일 이후 부터 까지 경우 단 포함 중 중인 위한 통한 통해
    등을 각 호 정의 따른 의한 관련 영위 영위하는 보유 보유한 운영 운영하는 두고 둔 두어야 있거나 하거나 하여야 해야 하며 하고 위치 위치한 소재한 소재하고 소재인
    소재하는 입지한 개소 하나 1개소 이상이 택 사업시설 국내 국외 전국 누구나 분야 산업 업종 제외 대상 자격 신청자격 지원대상 세부 상세 내용 참조 공고문 문의
    우대 가점 프로그램 과정 트랙 리그 심화과정 권역 유형 일반 특화 기술 기술창업 기술창업기업 기술기반 혁신 우수 유망 아이템 아이디어 사업계획 계획 실현 창의적
    미래 가치 연령 대상연령 신청업력 창업업력 신청가능 신청자 명의 법인등기부등본 법인설립등기일 반드시 기존 창업예정 예비청년 창업초기 충족하면서 설립하 기업부설 확약
    확약서 인정 시민 도민 군민 구민 주민등록지 대표자이자 대표자로서 대표자가 중소 청년창업 사업기간 종료 기타 법률 초기기업 초기창업자 초기창업 창업초기기업 국내에서
    법인설립 창업활동 하고자 합법 체류 기업의 한국
"""
_KNOWN_WORDS = (
    frozenset(_KNOWN_TEXT.split())
    | frozenset(
        [
            "으며",
            "으로",
            "하는",
            "이며",
            "며",
            "고",
            "로",
            "에",
            "의",
            "을",
            "를",
            "은",
            "는",
            "이",
            "가",
            "와",
            "과",
            "도",
            "한",
            "인",
            "된",
            "할",
            "기업업력",
            "신청일",
            "관외기업",
            "기업당",
            "PoC",
            "최근",
            "거주예정인",
            "거주예정",
            "정착희망",
            "모집공고",
            "연령무관",
            "해당시",
            "창농",
            "청년으로써",
            "적용",
            "최초",
            "창업도약패키지",
            "예비창업패키지",
            "초기창업패키지",
            "특화창업",
            "개시",
            "내에서",
            "중·장년",
            "장년",
            "중장년",
            "신중년",
            "공장등록증명서",
            "연구개발전담부서",
            "사업자등록일",
            "예비청년창업자",
            "청년창업자",
        ]
    )
    | frozenset(name for names in SIGUNGU_BY_SIDO.values() for name in names)
)
_PLACE_TOKEN = re.compile(r"^([가-힣]{1,7}?)(?:광역시|특별시|특별자치시|특별자치도|도|시|군|구)?$")
_PARTICLE_SUFFIX = re.compile(
    r"(?:이면서|으로써|으로서|로써|로서|에서|으로|부터|까지|이며|으며|이고|이나|이거나|거나|하는|하고|"
    r"하며|하여야|하여|해야|하고자|하지|할|된|되는|되어|될|인|한|은|는|이|가|을|를|의|에|로|와|과|도|만)$"
)
# Clause boundaries (on the blanked working text, so positions map back to the original).
_CLAUSE_SPLIT = re.compile(
    r"\s*(?:;|※|\*|▲|◦|○|□|❍|▸|·\s(?=[가-힣])|\s-\s|\s/\s|(?<=[.)])\s(?=[가-힣(])|\s[1-9]\s(?=[가-힣'])|\(\d\)|[가-하]\.\s)\s*"
)

_CUE_PRE_EARLY = re.compile(r"예비\s*[·ㆍ\u119e]?\s*초기")
_CUE_PRE = re.compile(r"예비\s*창업|예비\s*재창업")
_CUE_EARLY = re.compile(r"초기\s*창업")
_CUE_LEAP = re.compile(r"창업\s*도약|도약\s*패키지")
_CUE_STUDENT = re.compile(r"대학생|학생\s*창업|청소년")

# Dates: "2019. 2. 12.", "2023년 1월 23일", "'19.2.12", "2023년 2월".
_DATE = re.compile(
    r"(?:((?:19|20)\d{2})|['‘’`](\d{2}))\s*(?:년|\.)\s*(\d{1,2})\s*(?:월|\.)?\s*(?:(\d{1,2})\s*(?:일|\.(?!\d))?)?"
)
# "※ 공고마감일 기준 법인 설립일로부터 3년 이상" (call 176841): 업력 and 나이 are counted on the
# call's closing day, not on its 공고일.
_DEADLINE_BASIS = re.compile(r"(?:공고|모집|접수|신청)\s*마감일\s*(?:\(\s*\)\s*)?기준")
_DATE_JOIN = re.compile(r"^\s*\)?\s*(?:~|∼|-|–|부터)\s*\(?\s*")
_BIRTH_YEAR_ONLY = re.compile(r"((?:19|20)\d{2})\s*년\s*(이전|이후)\s*출생(?:한|자)?")
_BIRTH_YEAR_RANGE = re.compile(
    r"((?:19|20)\d{2})\s*년?\s*[~∼\-–]\s*((?:19|20)\d{2})\s*년\s*출생(?:자)?"
)
_LEGAL_STARTUP = re.compile(
    r"창업\s*지원법\s*['’」]?\s*(?:제\s*2\s*조(?:에\s*따른|의)?)?\s*(?:에\s*따른\s*)?(?:의\s*)?['‘]?(?:창업기업|창업자|창업)"
    # "중소기업 기본법 제2조에 따른 창업기업" (170038): the law is misnamed, the term is the
    # 창업지원법's (7 years; 10 for 신산업).
    r"|기본법\s*['’」]?\s*제\s*2\s*조에\s*따른\s*창업기업"
)
_FOUNDING_WORDS = re.compile(r"창업|업력|개업|설립|사업자\s*등록|사업\s*개시|사업개시")

# --------------------------------------------------------------------------- accumulation


@dataclass(slots=True)
class _Bounds:
    """Intervals found in one text; combined as a union of tracks."""

    lows: list[tuple[int | None, bool]] = field(default_factory=list)
    highs: list[tuple[int | None, bool]] = field(default_factory=list)
    phrases: list[str] = field(default_factory=list)

    def add(
        self, low: int | None, low_inc: bool, high: int | None, high_inc: bool, phrase: str
    ) -> None:
        self.lows.append((low, low_inc))
        self.highs.append((high, high_inc))
        self.phrases.append(phrase.strip())

    def union(self) -> tuple[int | None, bool, int | None, bool]:
        """Loosest bounds over all tracks (a missing bound on any track means unbounded)."""
        low: int | None = None
        low_inc = True
        if self.lows and all(v is not None for v, _ in self.lows):
            low = min(v for v, _ in self.lows if v is not None)
            low_inc = any(inc for v, inc in self.lows if v == low)
        high: int | None = None
        high_inc = True
        if self.highs and all(v is not None for v, _ in self.highs):
            high = max(v for v, _ in self.highs if v is not None)
            high_inc = any(inc for v, inc in self.highs if v == high)
        return low, low_inc, high, high_inc


class _Work:
    """The text being parsed and its working copy with understood spans blanked out."""

    __slots__ = ("buf", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.buf = text

    def take(self, span: tuple[int, int]) -> None:
        start, end = span
        self.buf = self.buf[:start] + " " * (end - start) + self.buf[end:]

    def quote(self, span: tuple[int, int]) -> str:
        return _snippet(self.text, *span)


_SNIP_STOPS = "(,;:▲◦○□❍▸*※"


def _snippet(text: str, start: int, end: int, limit: int = 60) -> str:
    """``text[start:end]`` widened to whole words and cut at a word boundary (never mid-word)."""
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in _SNIP_STOPS:
        start -= 1
    while end < len(text) and not text[end].isspace() and text[end] not in "),;":
        end += 1
    piece = text[start:end].strip(" ,;:-" + _SNIP_STOPS)
    if len(piece) <= limit:
        return piece
    cut = piece[:limit]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:(·") + "…"


def _date(m: re.Match[str], *, end: bool) -> date | None:
    """The date a _DATE match names; a month without a day is its first (or, as an end, its
    last) day."""
    year = int(m.group(1)) if m.group(1) else None
    if year is None:
        short = int(m.group(2))
        year = 1900 + short if short > 40 else 2000 + short
    month = int(m.group(3))
    if not 1 <= month <= 12 or not 1900 <= year <= 2099:
        return None
    last = calendar.monthrange(year, month)[1]
    if m.group(4) is None:
        return date(year, month, last if end else 1)
    day = int(m.group(4))
    return date(year, month, day) if 1 <= day <= last else None


# --------------------------------------------------------------------------- tracks


_TRACK_QUOTA = re.compile(r"(?<=\d%)\s*(?:이상|이하|이내)?\s*\)?\s*(?:,|또는|및)\s*")
# "(공고일 기준 업력 10년 이상 기업은 지원예산 없이 자부담으로 지원 가능)" (call 176773): older
# firms admitted on another footing are a track of their own, not a minimum for everyone.
_TRACK_ADMIT = re.compile(
    r"\(\s*([^()]*?\d{1,2}\s*년\s*(?:이상|초과)\s*(?:의\s*)?(?:창업)?기업\s*(?:은|는|도)[^()]*?"
    r"(?:지원|신청|참여)\s*가능)\s*\)"
)


# A short applicant kind after " / " ("예비창업가", "로컬크리에이터"): no condition of its own.
_KIND_ONLY = re.compile(r"[가-힣A-Za-z·ㆍ()]{1,12}")
# Numbered items that each open with a scope in brackets are tracks: "1. (전국) 예비창업자 2.
# (광주·전남지역) 에너지분야 초기창업자 [업력 7년 미만]" (call 177358) — not conditions to meet together.
_NUMBERED_SCOPE = re.compile(r"(?:^|(?<=\s))\d\s*[.)]\s*(?=\([^()]{1,12}\))")


def _items_at(part: str, starts: list[int]) -> list[str]:
    """``part`` cut at ``starts`` (the positions of its item marks), each item stripped."""
    bounds = [*starts[1:], len(part)]
    return [part[a:b].strip() for a, b in zip(starts, bounds, strict=True)]


def _numbered_scopes(part: str) -> list[str]:
    starts = [m.start() for m in _NUMBERED_SCOPE.finditer(part)]
    if len(starts) < 2:
        return [part]
    return _items_at(part, starts)


# Items numbered ①, ②, … from the start of a text are kinds of applicant when one item admits
# only 예비창업자 and another only founded firms — nobody can be both: "①예비창업자
# ②창업기업(업력 7년 이내) ③39세 이하의 예비창업자 ④39세 이하가 대표인 3년 이내의 창업기업"
# (170015 에코스타트업, the notice's own cell). Lists under "모두 충족" stay conditions to meet
# together (171074 "①~③요건 모두 충족", 171002 "아래 조건을 모두 충족하는 … ① … ②").
_CIRCLED_ITEM = re.compile(r"[\u2460-\u2473]")
_PRE_ONLY_ITEM = re.compile(r"예비\s*창업(?:자|가|팀)")
_FIRM_ONLY_ITEM = re.compile(r"창업\s*기업|기\s*창업자|업력")


def _circled_kinds(part: str) -> list[str]:
    if not _CIRCLED_ITEM.match(part) or "모두" in part:
        return [part]
    items = _items_at(part, [m.start() for m in _CIRCLED_ITEM.finditer(part)])
    pre_only = any(_PRE_ONLY_ITEM.search(i) and not _FIRM_ONLY_ITEM.search(i) for i in items)
    firm_only = any(_FIRM_ONLY_ITEM.search(i) and not _PRE_ONLY_ITEM.search(i) for i in items)
    return items if len(items) > 1 and pre_only and firm_only else [part]


def split_tracks(text: str) -> list[str]:
    """The alternative tracks of one 지원대상 text (one element when there are none).

    Tracks are separated by " / " outside brackets (several calls of one program, "예비: … /
    초기: …", "AI 리그: … / 콘텐츠 리그: …") or are quota groups ("만 40세 이상 …(60%) 또는 7년
    이내 창업기업(40%)"). A trailing note that starts with ※ after the last track applies to all.
    """
    text = text.strip()
    parts: list[str] = []
    depth = 0
    start = 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in "([{「『":
            depth += 1
        elif ch in ")]}」』" and depth:
            depth -= 1
        elif depth == 0 and text.startswith(" / ", i):
            parts.append(text[start:i])
            start = i + 3
            i += 2
        i += 1
    parts.append(text[start:])
    if len(parts) > 1 and all(_KIND_ONLY.fullmatch(p.strip()) for p in parts[1:]):
        # "부·울·경 소재 스타트업 / 예비창업가 / 로컬크리에이터" (call 177232): kinds of applicant
        # sharing the first part's place, not tracks of their own.
        parts = [text]
    out: list[str] = []
    for part in parts:
        pieces = [p for p in _TRACK_QUOTA.split(part) if p.strip()]
        if len(pieces) == 1:
            pieces = _numbered_scopes(part)
        if len(pieces) == 1:
            pieces = _circled_kinds(part)
        out.extend(pieces if len(pieces) > 1 else [part])
    admitted: list[str] = []
    for k, part in enumerate(out):
        if (admit := _TRACK_ADMIT.search(part)) is not None:
            out[k] = part[: admit.start()] + part[admit.end() :]
            admitted.append(admit.group(1))
    out = [p.strip() for p in [*out, *admitted] if p.strip()]
    merged: list[str] = []
    for part in out:
        # "/ 핀테크기업 우대": a preference added to the track before, not a track of its own.
        if merged and re.search(r"우대|가점", part) and len(part.split("※")[0]) < 30:
            merged[-1] = f"{merged[-1]} / {part}"
        else:
            merged.append(part)
    out = merged
    if (
        len(out) > 1
        and "※" in out[-1]
        and re.search(r"이전|관외|지역\s*외", out[-1].split("※", 1)[1])
    ):
        # "… / 신산업 리그: … ※ 경남 지역 외 기업은 … 이전": the note belongs to every track.
        body, note = out[-1].split("※", 1)
        out[-1] = body
        out = [f"{p} ※{note}" for p in out]
    return out if len(out) > 1 and all(len(p) >= 4 for p in out) else [text]


# --------------------------------------------------------------------------- extraction steps


def _reference_date(w: _Work) -> tuple[date | None, str]:
    """A date followed by 기준 ("2026년 2월 11일 기준", "공고일('26.4.3.) 기준")."""
    found: date | None = None
    phrase = ""
    for m in _DATE.finditer(w.buf):
        after = w.buf[m.end() : m.end() + 6]
        if re.match(r"^\s*\)?\s*,?\s*기준", after):
            day = _date(m, end=False)
            if day is not None and m.group(4) is not None and found is None:
                found, phrase = day, w.text[m.start() : m.end()].strip(" (")
            w.take(m.span())
    return found, phrase


def _loosest(values: list[date | None], pick: Any) -> date | None:
    """The loosest end over several windows: open (None) if any window is open there."""
    known = [v for v in values if v is not None]
    return None if len(known) < len(values) else pick(known)


def _absolute_dates(w: _Work) -> dict[str, Any]:
    """Founding-date and birth-date windows stated as dates."""
    out: dict[str, Any] = {}
    births: list[tuple[date | None, date | None, str]] = []
    foundings: list[tuple[date | None, date | None, str]] = []
    for m in _BIRTH_YEAR_RANGE.finditer(w.buf):
        a, b = sorted((int(m.group(1)), int(m.group(2))))
        births.append((date(a, 1, 1), date(b, 12, 31), w.quote(m.span())))
        w.take(m.span())
    for m in _BIRTH_YEAR_ONLY.finditer(w.buf):
        year = int(m.group(1))
        if m.group(2) == "이전":
            births.append((None, date(year, 12, 31), w.quote(m.span())))
        else:
            births.append((date(year + 1, 1, 1), None, w.quote(m.span())))
        w.take(m.span())
    matches = [m for m in _DATE.finditer(w.buf) if _date(m, end=False) is not None]
    used: set[int] = set()
    for i, m in enumerate(matches):
        if i in used:
            continue
        second = None
        if i + 1 < len(matches):
            gap = w.buf[m.end() : matches[i + 1].start()]
            if _DATE_JOIN.fullmatch(gap + "") or re.fullmatch(
                r"\s*\)?\s*(?:~|∼|-|–|부터)\s*\(?\s*", gap
            ):
                second = matches[i + 1]
        start_pos = m.start()
        end_pos = (second or m).end()
        before = w.text[max(0, start_pos - 30) : start_pos]
        after = w.text[end_pos : end_pos + 24]
        first_day = _date(m, end=False)
        if second is not None:
            used.add(i + 1)
            last_day = _date(second, end=True)
            if first_day and last_day and last_day < first_day:
                first_day, last_day = _date(second, end=False), _date(m, end=True)
            window: tuple[date | None, date | None] = (first_day, last_day)
        else:
            word = re.match(r"^\s*\)?\s*(이후|부터|포함\s*이전|이전|까지)", after)
            if word is None:
                continue
            kind = word.group(1).replace(" ", "")
            window = (first_day, None) if kind in ("이후", "부터") else (None, _date(m, end=True))
            end_pos += word.end()
            after = w.text[end_pos : end_pos + 24]
        span = (start_pos, end_pos)
        phrase = w.quote(span)
        tail = re.match(r"^\s*\)?\s*(?:사이에\s*)?(?:태어난\s*자|출생(?:한|자)?)", after)
        if tail or "출생" in before[-12:]:
            if tail:
                span = (start_pos, end_pos + tail.end())
                phrase = w.quote(span)
            births.append((*window, phrase))
            w.take(span)
            continue
        if re.search(r"세\s*(?:이하|미만)?\s*\(?\s*$", before[-8:]) and second is not None:
            births.append((*window, phrase))  # "19세~39세(1986. 4. 7. ~ 2007. 4. 6.)"
            w.take(span)
            continue
        if re.match(r"^\s*\)?\s*(?:이전\s*)?(?:미창업|창업하지)", after) or re.search(
            r"이전|전입|필수|의무|이내|참가|수혜", after[:14]
        ):
            continue  # the 예비창업자 definition, or a deadline to move or register by
        context = before[-26:] + " " + after[:24]
        if second is None and window[0] is None:
            continue  # "'26년 12월까지 사업자등록": a deadline, not a founding window
        if _FOUNDING_WORDS.search(context):
            foundings.append((*window, phrase))
            w.take(span)
    if births:
        out["born_from"] = _loosest([b[0] for b in births], min)
        out["born_until"] = _loosest([b[1] for b in births], max)
        out["_birth_phrase"] = " / ".join(b[2] for b in births)
    if foundings:
        out["founded_from"] = _loosest([f[0] for f in foundings], min)
        out["founded_until"] = _loosest([f[1] for f in foundings], max)
        out["_founded_phrase"] = " / ".join(f[2] for f in foundings)
    return out


def _years(w: _Work) -> tuple[_Bounds, int | None, str]:
    """업력 bounds and a widening exception (e.g. 신산업 10년); used phrases are blanked."""
    widen: int | None = None
    high: int | None
    widen_phrase = ""
    bounds = _Bounds()
    for m in _YEARS_PAREN_WIDEN.finditer(w.buf):
        base, extra = int(m.group(1)), int(m.group(3))
        if base >= extra or extra > 20:
            continue
        bounds.add(None, True, base, m.group(4) != "미만", f"{base}년 {m.group(4)}")
        widen, widen_phrase = max(widen or 0, extra), m.group(2).strip() + f" {extra}년"
        w.take(m.span())
    found = [m for m in _YEARS_WIDEN.finditer(w.buf) if int(m.group(1) or m.group(2)) <= 20]
    values = {int(m.group(1) or m.group(2)) for m in found}
    for m in found:
        value = int(m.group(1) or m.group(2))
        if m.group(2) is not None and len(values) > 1 and value == min(values):
            # "창업 7년 이내 딥테크 창업기업 ※ 신산업 분야 … 10년 이내 가능" (call 179084): the
            # narrower "N년 이내 딥테크 기업" beside a wider exception is the band itself.
            bounds.add(None, True, value, True, w.quote(m.span()))
        else:
            widen = max(widen or 0, value)
            widen_phrase = w.quote(m.span()).strip("()[]*※ ;,")
        w.take(m.span())
    for m in _YEARS_FROM_START.finditer(w.buf):
        value = int(m.group(1))
        if value <= 20:
            bounds.add(None, True, value, m.group(2) != "미만", m.group(0))
            w.take(m.span())
    # Bands with an upper bound, by position: one stated for 신산업 firms only beside one for
    # everyone is the exception, not a second track (see _qualified_bands).
    uppers: list[tuple[int, int, int]] = []  # (index in bounds, start, end)
    for m in _YEARS_RANGE.finditer(w.buf):
        g = m.groups()
        if g[0] is not None:
            low, low_kw, high, high_kw = int(g[0]), g[1], int(g[2]), g[3]
        elif g[4] is not None:
            low, low_kw, high, high_kw = int(g[4]), None, int(g[5]), g[6]
        else:
            low, low_kw, high, high_kw = int(g[7]), g[8], int(g[9]), g[10]
        if low > high or high > 20:
            continue
        uppers.append((len(bounds.phrases), *m.span()))
        bounds.add(low, low_kw != "초과", high, high_kw != "미만", m.group(0))
        w.take(m.span())
    for m in _YEARS_MAX.finditer(w.buf):
        value = int(m.group(1) or m.group(3))
        before = w.buf[max(0, m.start() - 8) : m.start()]
        if _NOT_BUSINESS_AGE.search(before) and not _BUSINESS_AGE_WORD.search(before):
            continue
        if (
            value > 20
            or _RESIDENCE_AFTER.match(w.buf[m.end() :])
            or _NOT_BUSINESS_AFTER.match(w.buf[m.end() :])
        ):
            continue
        uppers.append((len(bounds.phrases), *m.span()))
        bounds.add(None, True, value, m.group(2) != "미만", m.group(0))
        w.take(m.span())
    for m in _YEARS_MIN.finditer(w.buf):
        value = int(m.group(1))
        if (
            value > 20
            or _RESIDENCE_AFTER.match(w.buf[m.end() :])
            or _NOT_BUSINESS_AFTER.match(w.buf[m.end() :])
        ):
            continue
        bounds.add(value, m.group(2) != "초과", None, True, m.group(0))
        w.take(m.span())
    qualified = _qualified_bands(w, bounds, uppers)
    if qualified:
        value, phrase = qualified
        if widen is None or value > widen:
            widen, widen_phrase = value, phrase
    if widen is not None and bounds.highs:
        _, _, high, _ = bounds.union()
        if high is not None and widen <= high:
            widen = None
    elif widen is not None:
        # "신산업 리그: 신산업 분야 업력 10년 이내": the qualified band is the only one, so it is
        # the band, and the qualifier is a condition of its own (see _parse).
        bounds.add(None, True, widen, True, widen_phrase)
        widen = -widen
    return bounds, widen, widen_phrase


def _qualified_bands(
    w: _Work, bounds: _Bounds, uppers: list[tuple[int, int, int]]
) -> tuple[int, str] | None:
    """Move the bands stated for 신산업 firms only out of ``bounds``: (widest, phrase) or None.

    "업력 7년이내 창업기업 및 신산업분야 10년이내 기업" (call 176734), "창업 7년 이내 … ※ 단, 신산업
    창업 분야에 관한 규정(…) 제3조 제1항에 따른 기업은 창업 10년 이내까지 신청 가능" (171312): the
    10 years are an exception for 신산업 firms, so the band is 7 years and a firm of 7–10 years
    gets △ naming the condition. Only when a band for everyone stays and every qualified band
    is wider than it; the qualifier words are blanked with the band (they are understood).
    """
    if len(uppers) < 2:
        return None
    ends = sorted(e for _, _, e in uppers)
    found: list[tuple[int, int, int, int, int]] = []  # (index, value, blank from, quote from, end)
    for index, start, end in uppers:
        prev_end = max((e for e in ends if e <= start), default=0)
        window_start = max(prev_end, start - 90)
        marks = list(_CLAUSE_MARK.finditer(w.text, window_start, start))
        clause_start = marks[-1].end() if marks else window_start
        word = re.search(_WIDEN_WORDS, w.text[clause_start:start])
        after = None
        if word is not None:
            head = quote_from = clause_start + word.start()
            if re.search(r"단\s*,?\s*$", w.text[max(clause_start, head - 4) : head]):
                head = w.text.rindex("단", max(clause_start, head - 4), head)
        elif (after := _QUALIFIER_AFTER.match(w.text[end:])) is not None:
            head = quote_from = start
        else:
            continue
        stop = end
        if after is not None:
            stop = end + after.end()
        elif (tail := _QUALIFIER_TAIL.match(w.text[end:])) is not None:
            stop = end + tail.end()
        value = bounds.highs[index][0]
        if value is not None:
            found.append((index, value, head, quote_from, stop))
    rest = [bounds.highs[i][0] for i, _, _ in uppers if i not in {f[0] for f in found}]
    if not found or not rest or any(v is None for v in rest):
        return None
    base = max(v for v in rest if v is not None)
    if any(f[1] <= base for f in found):
        return None
    drop = {f[0] for f in found}
    kept = [k for k in range(len(bounds.phrases)) if k not in drop]
    bounds.lows[:] = [bounds.lows[k] for k in kept]
    bounds.highs[:] = [bounds.highs[k] for k in kept]
    bounds.phrases[:] = [bounds.phrases[k] for k in kept]
    widest = max(found, key=lambda f: f[1])
    phrase = _snippet(w.text, widest[3], widest[4], 80).strip("()[]*※ ;,")
    for _, _, head, _, stop in found:
        w.take((head, stop))
    return widest[1], phrase


def _ages(w: _Work) -> tuple[_Bounds, list[tuple[str, int | None, int | None, str]]]:
    genders: list[tuple[str, int | None, int | None, str]] = []
    for m in _GENDER_AGE.finditer(w.buf):
        low = int(m.group(1)) if m.group(1) else None
        high = int(m.group(2)) - (1 if m.group(3) == "미만" else 0)
        genders.append(("women" if m.group(4) == "여성" else "men", low, high, m.group(0)))
        w.take(m.span())
    bounds = _Bounds()
    for m in _AGE_RANGE.finditer(w.buf):
        a = m.groups()
        lo_s, hi_s, kw = (a[0], a[1], a[2]) if a[0] is not None else (a[3], a[4], a[5])
        hi = int(hi_s) - (1 if kw == "미만" else 0)
        if int(lo_s) > hi:
            continue
        bounds.add(int(lo_s), True, hi, True, m.group(0))
        w.take(m.span())
    for m in _AGE_MAX.finditer(w.buf):
        bounds.add(
            None, True, int(m.group(1)) - (1 if m.group(2) == "미만" else 0), True, m.group(0)
        )
        w.take(m.span())
    for m in _AGE_MIN.finditer(w.buf):
        bounds.add(int(m.group(1)), True, None, True, m.group(0))
        w.take(m.span())
    return bounds, genders


def _regions(w: _Work) -> dict[str, Any]:
    """시·도 named next to a location word, the 기초 place, strictness and whether the rule is
    about premises (본사·사업장) only."""
    found: list[str] = []
    phrases: list[str] = []
    strict = False
    premises = True
    local = _LOCAL_AREA.search(w.buf)
    local_phrase = local.group(0) if local else ""
    opened = _REGION_OPEN.search(w.buf)
    open_phrase = w.quote(opened.span()) if opened else ""
    if opened:
        w.take(opened.span())
    moving = _REGION_RELOCATE.search(w.buf)
    move_phrase = w.quote(moving.span()) if moving else ""
    # The relocation phrase is blanked after the places are read: the place it names is the
    # area ("… 또는 동남권으로 이전을 희망하는", "계약 후 1개월 내 군산시 전입").
    hits: list[tuple[int, int, str, str]] = []
    preferred = _preference_spans(w.text)

    def in_preference(pos: int) -> bool:
        return any(a <= pos < b for a, b in preferred)

    # "<소재지>가 <place>인": start of a place -> (start of its location noun, length of the ending)
    predicate: dict[int, tuple[int, int]] = {}
    matches = [m for m in _AREA.finditer(w.buf) if not in_preference(m.start())]
    for m in matches:
        tail = w.buf[m.end() : m.end() + 14]
        if not _LOCATION_WORD.match(tail):
            noun = _LOCATION_NOUN_BEFORE.search(w.buf[max(0, m.start() - 16) : m.start()])
            pred = _PLACE_AS_PREDICATE.match(tail)
            if not (noun and pred):
                continue
            predicate[m.start()] = (
                max(0, m.start() - 16) + noun.start(),
                len(pred.group(0).rstrip()),
            )
        hits.extend((m.start(), m.end(), m.group(0), sido) for sido in _area_sidos(m))
    # A list of places sharing one location word ("대전/세종/충남/충북에 소재", "부산, 울산, 경남
    # 소재", "대전·충청 소재", "광주 전남 권역 내"): every place of the list is named, not only the
    # one next to the word.
    list_end: dict[int, int] = {}  # start of a listed place -> end of the list's last place
    for k in range(len(matches) - 2, -1, -1):
        m, nxt = matches[k], matches[k + 1]
        if not any(s == nxt.start() for s, _, _, _ in hits) or any(
            s == m.start() for s, _, _, _ in hits
        ):
            continue
        gap = w.buf[m.end() : nxt.start()]
        spaced = (
            gap.isspace()
            and len(gap) <= 2
            and all(is_sido_name(x.group(0)) or x.group(1) for x in (m, nxt))
        )
        if not (_PLACE_LIST_SEP.fullmatch(gap) or spaced):
            continue
        sidos = _area_sidos(m)
        if sidos:
            hits.extend((m.start(), m.end(), m.group(0), sido) for sido in sidos)
            list_end[m.start()] = list_end.get(nxt.start(), nxt.end())
    for m in _PLACE_STEM.finditer(w.buf):
        sido = sido_of_place(m.group(1))
        if (
            sido
            and not any(s <= m.start() < e for s, e, _, _ in hits)
            and not in_preference(m.start())
        ):
            hits.append((m.start(1), m.end(1), m.group(1), sido))
    for start, end, _place, sido in sorted(hits):
        clause_end = re.search(r"[.;※]|\s/\s|$", w.text[end:])
        clause = w.text[end : end + (clause_end.start() if clause_end else 20)]
        last = list_end.get(start, end)
        word = _LOCATION_WORD.match(w.text[last : last + 14])
        near = w.text[last : last + 18]
        if sido not in found:
            found.append(sido)
            stop = last + (len(word.group(0).rstrip()) if word else 0)
            head = start
            if start in predicate:
                head, ending = predicate[start]
                stop = end + ending
            phrase = _snippet(w.text, head, stop, 30)
            if not any(phrase in p for p in phrases):
                phrases.append(phrase)
        if word and not _LOCATION_SOFT.search(near) and not re.match(r"^\s*지역", near):
            strict = True
        if start in predicate and not _LOCATION_SOFT.search(near):
            strict = True
        if _RESIDENCE.search(w.text[max(0, start - 4) : last + 16]) or not _PREMISES.search(
            w.text[max(0, start - 12) : last + 16]
        ):
            premises = False
        del clause
    for start, end, _, _ in hits:
        w.take((start, end))
    if moving:
        w.take(moving.span())
    out: dict[str, Any] = {
        "regions": tuple(found),
        "_region_phrase": " / ".join(phrases),
        "_local_phrase": local_phrase,
        "region_strict": strict and bool(found),
        "region_premises": premises and bool(found),
    }
    if local:
        w.take(local.span())
    if opened:
        out["region_open"] = True
        out["_open_phrase"] = open_phrase
    if moving:
        out["region_relocate"] = True
        out["_move_phrase"] = move_phrase
        places = _MOVE_PLACES.match(w.text, moving.end())
        if places is not None:
            names = [n.strip() for n in _PLACE_LIST_SEP.split(places.group(1)) if n.strip()]
            if len(names) > 1 and all(sido_of_place(n) and not is_sido_name(n) for n in names):
                # "… 이전(설립) 중 1개 이상 필수(포항시, 구미시, 경주시, 경산시, 칠곡군)" (171076):
                # where the move must go, not the area applicants come from ("지역 무관").
                out["relocate_to"] = tuple(names)
                w.take(places.span(1))
    return out


def _depopulation(w: _Work) -> dict[str, Any]:
    """A place rule naming the 행정안전부's 인구감소지역 (and 관심지역), read as that list.

    Returns ``depopulation`` ("decline" or "decline_or_interest"), the 시·도 named right
    before it ("충남 인구감소지역" → ("충남",); "도내 인구 감소 지역" → ("관내",), the program's
    own 시·도), whether it is a place still to be founded or
    moved to ("창업 예정", "(예정)소재지") and the phrase; {} when the text names none. A
    mention inside a preference ("※우대가점 : … 89개 인구감소지역 혹은 18개 관심지역 소재
    조직", call 176927) is no rule and gives nothing. ``_spans`` are the words read, blanked
    by the caller after the places (a relocation clause may run through them: "인구 감소 지역
    외 (예비) 창업기업도 지원 가능하나 … 이전", 177008).
    """
    preferred = _preference_spans(w.text)
    kind = ""
    sidos: list[str] = []
    soft = False
    phrase = ""
    spans: list[tuple[int, int]] = []
    for m in _DEPOPULATION.finditer(w.buf):
        spans.append(m.span())
        if any(a <= m.start() < b for a, b in preferred):
            continue
        kind = "decline_or_interest" if m.group(1) or kind == "decline_or_interest" else "decline"
        start = m.start()
        scope = _SCOPE_BEFORE.search(w.buf[max(0, start - 10) : start])
        word = scope.group(1) if scope else ""
        if word in _OWN_AREA_WORDS and _OWN_AREA not in sidos:
            sidos.append(_OWN_AREA)  # "도내 인구 감소 지역": the program's own 시·도
        elif word and is_sido_name(word):
            sido = sido_of_institution(word)
            if sido and sido not in sidos:
                sidos.append(sido)
        if scope and (word in _OWN_AREA_WORDS or is_sido_name(word)):
            start = max(0, start - 10) + scope.start(1)
            spans.append((start, m.start()))
        after = w.text[m.end() : m.end() + 16]
        if _LOCATION_SOFT.search(after) or _PLANNED_BEFORE.search(
            w.text[max(0, start - 16) : start]
        ):
            soft = True
        if not phrase:
            phrase = _snippet(w.text, start, m.end(), 40).strip("'\"“”‘’ ")
    if not kind:
        return {"_spans": spans}
    return {
        "_spans": spans,
        "depopulation": kind,
        "depopulation_sidos": tuple(sidos),
        "depopulation_soft": soft,
        "_phrase": phrase,
    }


# The places a move must go to, in brackets right after the relocation phrase: "(설립) 중 1개
# 이상 필수(포항시, 구미시, 경주시, 경산시, 칠곡군)".
_MOVE_PLACES = re.compile(r"\)?(?:[^()。.;※]|\([^()]{0,6}\)){0,30}?\(([^()]{4,80})\)")


def _area_sidos(m: re.Match[str]) -> tuple[str, ...]:
    """The 시·도 an _AREA match names: one for a place, the set of a grouping (its own bracket
    list first; "(서울, 경기 제외)" is every 시·도 but those), () for an undefined grouping."""
    if m.group(1) is None:
        sido = sido_of_place(m.group(0))
        return (sido,) if sido else ()
    inner = m.group(2) or ""
    listed: list[str] = []
    for word in re.findall(r"[가-힣]+", inner):
        for found in (*_PAIR_NAMES.get(word, ()), *REGION_GROUPS.get(word, ())):
            listed.append(found)
        place = _PLACE.fullmatch(word)
        if place and (sido := sido_of_place(word)):
            listed.append(sido)
    listed = list(dict.fromkeys(listed))
    if listed and "제외" in inner:
        return tuple(s for s in SIDO if s not in listed)
    if listed:
        return tuple(listed)
    name = re.sub(r"[\s·ㆍ]", "", m.group(1))
    return REGION_GROUPS.get(name, ())


def _preference_spans(text: str) -> list[tuple[int, int]]:
    """Spans of text that prefer, give a quota to, or exempt someone rather than require it.

    A clause labelled "(우대사항)", "우대 대상:"; a bracket holding the word ("(강북구 거주자 우선
    선발)", "(울산 소재 기업 우대)"); or the last noun phrase of a clause that ends with it
    ("서초구 거주자, 서초구 소재 기업 우대", "호남권(…) 소재 (예비)창업기업을 60% 이상 선발"). A
    preference inside a sentence that goes on ("… 20인 이상 기업 우선 지원 기업 대상") is not one.
    """
    spans = [m.span() for m in _EXCEPTION_NOTE.finditer(text)]
    start = 0
    for sep in [*_PREF_CLAUSE.finditer(text), None]:
        end = sep.start() if sep is not None else len(text)
        clause = text[start:end]
        if _PREF_LABEL.match(clause) and "우대" in clause[:12]:
            spans.append((start, end))
        else:
            for m in _PREFERENCE.finditer(clause):
                opened = clause.rfind("(", 0, m.start())
                closed = clause.find(")", m.end())
                if opened > clause.rfind(")", 0, m.start()) and closed >= 0:
                    spans.append((start + opened, start + closed + 1))
                elif _PREF_END.match(clause[m.end() :]):
                    heads = [
                        h.end()
                        for h in _HEAD_BOUNDARY.finditer(clause, 0, m.start())
                        if clause[h.end() : m.start()].strip()
                    ]
                    spans.append((start + max(heads, default=0), start + m.end()))
        start = sep.end() if sep is not None else len(text)
    return spans


def _fields(w: _Work) -> tuple[tuple[str, ...], str]:
    """Technology fields named as a requirement ("농식품 분야", "콘텐츠 스타트업")."""
    found: list[str] = []
    phrases: list[str] = []
    for m in _FIELD_PHRASE.finditer(w.buf):
        words = m.group(1).strip(" ,·")
        start = m.start(1) + (len(m.group(1)) - len(m.group(1).lstrip(" ,·")))
        if not words or _NOT_A_FIELD.search(words) or re.search(r"\s등\s*$|등$", words):
            continue
        if re.match(r"^\s*등", w.buf[m.end() : m.end() + 3]):
            continue  # "뉴미디어 분야 등": an example, not a requirement
        tags = [t for t in tag_fields(words) if t != GENERAL_FIELD]
        if not tags:
            continue
        for t in tags:
            if t not in found:
                found.append(t)
        phrases.append(w.quote((start, m.end())))
        w.take((start, m.end()))
    preferred = _preference_spans(w.text)
    for m in _FIELD_LEAD.finditer(w.buf):
        words = [x for x in _FIELD_LEAD_SEP.split(m.group(1)) if x]
        leads = [field_of_word(x) for x in words]
        before = w.text[max(0, m.start() - 12) : m.start()]
        previous = before.split()[-1] if before.split() and before[-1:].isspace() else ""
        if (
            not words
            or any(t is None or t in _FIELD_LEAD_SKIP for t in leads)
            or _FIELD_LEAD_NOT.match(w.text[m.end() :])
            or _FIELD_LEAD_BEFORE.search(before)
            or (previous and canonical_field(previous) is not None)
            or any(a <= m.start() < b for a, b in preferred)
        ):
            continue
        for lead in leads:
            if lead is not None and lead not in found:
                found.append(lead)
        phrases.append(w.text[m.start() : m.end()].strip())
        w.take(m.span(1))
    return tuple(found), " / ".join(phrases)


def _flag(pattern: re.Pattern[str], text: str) -> str | None:
    """The phrase requiring the flag, or None if absent or only offered as an alternative."""
    for m in pattern.finditer(text):
        before = text[max(0, m.start() - 8) : m.start()]
        if _ALTERNATIVE_BEFORE.search(before) and _FOUNDED.search(text[: m.start()]):
            continue
        if _GROUP_LABEL.match(text[m.end() :]):
            continue
        if _ALTERNATIVE_AFTER.match(text[m.end() :]):
            continue
        return _snippet(text, m.start(), m.end(), 24)
    return None


def _listed_kind(pattern: re.Pattern[str], text: str) -> str | None:
    """The phrase naming a group as one kind in a list of applicant kinds, if the text has one."""
    for m in pattern.finditer(text):
        if after := _ALTERNATIVE_AFTER.match(text[m.end() :]):
            return _snippet(text, m.start(), m.end() + after.end(), 60)
    return None


def _open_conditions(w: _Work) -> list[str]:
    out: list[str] = []
    for pattern, label in _OPEN:
        for m in pattern.finditer(w.buf):
            quote = w.quote(m.span())
            entry = f"{label}: '{quote}'"
            if not any(e.startswith(f"{label}:") for e in out):
                out.append(entry)
            w.take(m.span())
    return out


def _unknown_words(piece: str) -> list[str]:
    """Words of ``piece`` that are neither benign phrases nor known condition-free tokens."""
    rest = _BENIGN_RE.sub(" ", piece)
    rest = re.sub(r"[\d\s()\[\]{}~∼\-–·ㆍ\u119e‧,./:;*※%'\"‘’“”<>▲◦○□❍▸&\u2460-\u2473]+", " ", rest)
    out: list[str] = []
    for token in rest.split():
        word = token
        for _ in range(2):
            if word in _KNOWN_WORDS:
                break
            word = _PARTICLE_SUFFIX.sub("", word) or word
        if word in _KNOWN_WORDS or len(word) < 2 or token in _KNOWN_WORDS:
            continue
        if sido_of_place(word) or word in _PLACE_WORDS or token.rstrip("인에으로") in _PLACE_WORDS:
            continue
        out.append(token)
    return out


def _leftover(w: _Work) -> str:
    """Clauses of the original text whose remains were not understood, quoted (or "")."""
    quotes: list[str] = []
    pos = 0
    for piece in _CLAUSE_SPLIT.split(w.buf):
        if not piece or not piece.strip():
            continue
        start = w.buf.find(piece, pos)
        if start < 0:
            continue
        end = start + len(piece)
        pos = end
        if re.search(r"우대|가점", w.text[start:end]):
            continue  # a preference, not a requirement
        if _unknown_words(piece):
            quotes.append(_snippet(w.text, start, end, 50))
    seen: list[str] = []
    for q in quotes:
        if q and q not in seen:
            seen.append(q)
    return " · ".join(f"'{q}'" for q in seen[:3])


# --------------------------------------------------------------------------- one track


def _top_open(out: dict[str, Any]) -> bool:
    """A text that admits firms but states no upper 업력 bound or founding dates so far — where
    the word 창업기업 may still carry the law's 7 years."""
    return (
        out.get("years_max") is None
        and "founded_from" not in out
        and "founded_until" not in out
        and out.get("founder") in ("pre_or_founded", "founded_only")
    )


def _parse(text: str, basis: Basis, *, with_unparsed: bool) -> dict[str, Any]:
    """Constraints found in one text (one track), as Eligibility fields plus ``evidence``."""
    out: dict[str, Any] = {}
    evidence: list[Evidence] = []
    w = _Work(text)
    for m in _DOC_BASIS.finditer(w.buf):
        w.take(m.span())

    def ev(name: str, phrase: str) -> None:
        evidence.append(Evidence(name, basis, phrase))

    dates: dict[str, Any] = {}
    if basis == "target":
        ref, ref_phrase = _reference_date(w)
        if ref is not None:
            out["reference_date"] = ref
            ev("reference_date", ref_phrase)
        elif deadline := _DEADLINE_BASIS.search(w.buf):
            out["count_on_deadline"] = True
            ev("count_on", deadline.group(0))
        dates = _absolute_dates(w)
        for key in ("founded_from", "founded_until", "born_from", "born_until"):
            if dates.get(key) is not None:
                out[key] = dates[key]
        if "_founded_phrase" in dates:
            ev("founded_dates", str(dates["_founded_phrase"]))
        if "_birth_phrase" in dates:
            ev("birth", str(dates["_birth_phrase"]))
        age_widen_m = _AGE_WIDEN.search(w.buf)
        military = _MILITARY.search(w.buf)
        if military is not None:
            w.take(military.span())  # "군복무 1년 이상~2년 미만 2세" is not 업력
    else:
        age_widen_m = military = None

    years, years_widen, widen_phrase = _years(w)
    if years.phrases:
        low, low_inc, high, high_inc = years.union()
        out.update(
            years_min=low, years_min_inclusive=low_inc, years_max=high, years_max_inclusive=high_inc
        )
        ev("years", " / ".join(years.phrases))
    qualified_only = years_widen is not None and years_widen < 0
    if (
        basis == "target"
        and not years.phrases
        and "founded_from" not in out
        and "founded_until" not in out
        and _LEGAL_STARTUP.search(text)
    ):
        # 「중소기업창업 지원법」 제2조: a 창업기업 has been in business for less than 7 years
        # (10 for a 신산업 창업 분야), so a text that only cites the law still bounds 업력.
        out.update(years_max=STARTUP_YEARS, years_max_inclusive=True)
        ev("years", "「중소기업창업 지원법」상 창업기업(7년 이내)")
        years_widen, widen_phrase, qualified_only = 10, "신산업 창업 분야는 10년 이내", False
    if years_widen is not None and not qualified_only:
        out["years_widen"] = years_widen
        ev("years_widen", widen_phrase)

    age_widen: int | None = None
    if age_widen_m is not None:
        age_widen = int(age_widen_m.group(1))
        ev("age_widen", w.quote(age_widen_m.span()).strip("*※() "))
        w.take(age_widen_m.span())
    ages, genders = _ages(w)
    youth = _YOUTH.search(text)
    either = _EITHER_GROUP.search(text)
    if genders:
        out["gender_ages"] = tuple((g, lo, hi) for g, lo, hi, _ in genders)
        ev("age_gender", " / ".join(p for *_, p in genders))
    any_age = _AGE_ANY.search(w.buf)
    if any_age:
        ev("age", any_age.group(0))
        w.take(any_age.span())
    elif ages.phrases:
        low, _, high, _ = ages.union()
        out.update(age_min=low, age_max=high)
        ev("age", " / ".join(ages.phrases))
    elif youth and not genders and not either and "born_from" not in out:
        out.update(age_max=39)
        ev("age", "청년 (통상 만 39세 이하로 해석)")
    elif (middle := _MIDDLE_AGED.search(text)) and not genders:
        out.update(age_min=40)
        ev("age", f"{middle.group(0)} (만 40세 이상으로 해석)")
    if military is not None and out.get("age_max") is not None:
        extra = max((int(x) for x in re.findall(r"(\d)\s*세", military.group(0))), default=0)
        if extra:
            age_widen = max(age_widen or 0, int(out["age_max"]) + extra)
            ev("age_widen", w.quote(military.span()))
    if age_widen is not None and (out.get("age_max") is None or age_widen > out["age_max"]):
        out["age_widen"] = age_widen
    if either and not genders:
        out["any_of_groups"] = ("youth", "women")
        ev("groups", either.group(0))
        w.take(either.span())
    if youth and not either:
        out["youth"] = True
        ev("youth", "청년")

    founded_only = _FOUNDED_ONLY.search(w.buf)
    no_business = _NO_BUSINESS.search(w.buf)
    pre = _PRE.search(w.buf)
    without_pre = _NO_BUSINESS.sub(" ", _PRE.sub(" ", w.buf))
    founded_match = _FOUNDED.search(without_pre)
    founded = bool(founded_match or years.phrases or "founded_from" in out)
    if founded_only:
        out["founder"] = "founded_only"
        ev("founder", founded_only.group(0).strip("() "))
        w.take(founded_only.span())
    elif no_business and not founded:
        out["founder"] = "pre_only"
        ev("founder", w.quote(no_business.span()))
    elif pre and founded:
        out["founder"] = "pre_or_founded"
        ev("founder", pre.group(0).strip())
    elif pre:
        out["founder"] = "pre_only"
        ev("founder", pre.group(0).strip())
    elif no_business:
        out["founder"] = "pre_only"  # "사업자등록증이 없는 …": never an existing business
        ev("founder", w.quote(no_business.span()))
    elif founded and basis == "target":
        out["founder"] = "founded_only"
        if years.phrases:
            phrase = years.phrases[0]
        elif founded_match:
            phrase = founded_match.group(0)
        else:
            phrase = str(dates.get("_founded_phrase", ""))
        ev("founder", phrase)
    for m in _NO_BUSINESS.finditer(w.buf):
        w.take(m.span())
    if (
        basis == "target"
        and not years.phrases
        and "founded_from" not in out
        and "founded_until" not in out
        and out.get("founder") in ("pre_or_founded", "founded_only")
    ):
        early = _EARLY_WORD.search(w.buf)
        if early:
            out["early_word"] = True
            ev("early", _snippet(text, early.start(), early.end(), 20))
    if (
        basis == "target"
        and not years.phrases
        and _top_open(out)
        and not out.get("early_word")
        and (term := _STARTUP_TERM.search(without_pre)) is not None
        and not _ANY_FIRM.search(without_pre)
    ):
        # "대전 서구 소재 (예비)기술창업기업" (171218): a 창업기업 is one within 7 years of
        # founding (「중소기업창업 지원법」 제2조), so an older firm is not plainly admitted — read as
        # a cue ("해석"), it asks rather than refuses.
        out.update(years_max=STARTUP_YEARS, years_max_inclusive=True)
        ev("years", f"{term.group(0)} (「중소기업창업 지원법」상 7년 이내로 해석)")
    if (
        basis == "target"
        and years.phrases
        and out.get("years_min") is not None
        and _top_open(out)
        and (term := _STARTUP_TERM.search(without_pre)) is not None
        and not _ANY_FIRM.search(without_pre)
        and _STARTUP_OR_VENTURE.search(without_pre) is None
    ):
        # "업력 3년 이상, 대전광역시 소재 창업기업" (171215): only a lower band is stated, but a
        # 창업기업 is one within 7 years (「중소기업창업 지원법」 제2조) — read, not stated, so a firm
        # past it is asked about, never admitted silently (a 14-year-old firm had been ○).
        out.update(years_max=STARTUP_YEARS, years_max_inclusive=True, years_max_read=True)
        ev("years_read", f"{term.group(0)} (「중소기업창업 지원법」상 7년 이내로 해석)")
    if (
        basis == "target"
        and not years.phrases
        and _top_open(out)
        and not out.get("early_word")
        and (pair := _STARTUP_OR_VENTURE.search(without_pre)) is not None
        and not _ANY_FIRM.search(_STARTUP_OR_VENTURE.sub(" ", without_pre))
        and not _SME_BESIDE.search(without_pre)
    ):
        # "관악구 소재 창업·벤처기업" (171304): a 창업기업 (7 years, 「중소기업창업 지원법」 제2조)
        # or a 벤처기업 of any age. The profile has no 벤처 flag, so a firm past the 7 years is
        # asked whether it is a 벤처기업 — never refused, never admitted silently.
        out.update(years_max=STARTUP_YEARS, years_max_inclusive=True, years_or_venture=True)
        ev("years", pair.group(0))
        # The founder reason quotes the whole term, not its last word ("기업").
        evidence[:] = [
            Evidence("founder", basis, pair.group(0)) if e.field == "founder" else e
            for e in evidence
        ]

    if basis == "target":
        depop = _depopulation(w)
        if "depopulation" in depop:
            out.update(
                depopulation=depop["depopulation"],
                depopulation_sidos=depop["depopulation_sidos"],
                depopulation_soft=depop["depopulation_soft"],
            )
            ev("depopulation", str(depop["_phrase"]))
        regions = _regions(w)
        for span in depop["_spans"]:
            w.take(span)
        if regions["regions"]:
            out["regions"] = regions["regions"]
            out["region_strict"] = regions["region_strict"]
            out["region_premises"] = regions["region_premises"]
            ev("regions", str(regions["_region_phrase"]))
        if regions["_local_phrase"]:
            ev("local_area", str(regions["_local_phrase"]))
        if regions.get("region_open"):
            out["region_open"] = True
            ev("region_open", str(regions["_open_phrase"]))
        if (regions["regions"] or regions["_local_phrase"]) and (
            alt := _REGION_OR_STUDENT.search(text)
        ):
            way = "way" if alt.group("way") else "way2"
            out["region_or_student"] = _snippet(text, alt.start(way), alt.end(), 60)
        if regions.get("region_relocate"):
            out["region_relocate"] = True
            ev("region_relocate", str(regions["_move_phrase"]))
            if regions.get("relocate_to"):
                out["relocate_to"] = regions["relocate_to"]
        fields_found, field_phrase = _fields(w)
        if fields_found:
            out["fields"] = fields_found
            ev("fields", field_phrase)

    for name, pattern in (
        ("restart", _RESTART),
        ("women", _WOMEN),
        ("student", _STUDENT if basis == "target" else _CUE_STUDENT),
        ("disabled", _DISABLED),
        ("foreign", _FOREIGN),
        ("defector", _DEFECTOR),
    ):
        if name == "women" and (genders or either):
            continue
        flag_phrase = _flag(pattern, w.buf)
        if flag_phrase:
            out[name] = True
            ev(name, flag_phrase.strip())
    if (
        basis == "target"
        and out.get("founder") == "founded_only"
        and not founded_only
        and not out.get("student")
        and (listed := _listed_kind(_STUDENT, w.buf)) is not None
    ):
        # "카이스트 학생·교원, 스타트업 및 중소벤처기업" (171027): the firms need a business, the
        # students listed beside them do not — a student 예비창업자 is admitted too.
        out["founder"] = "pre_or_founded"
        evidence[:] = [
            Evidence("founder", basis, listed) if e.field == "founder" else e for e in evidence
        ]
    if basis == "target" and (korean := _KOREAN.search(text)):
        out["korean_only"] = True
        ev("korean", korean.group(0))

    if with_unparsed:
        opened = _open_conditions(w)
        if qualified_only:
            opened.insert(0, f"분야 한정: '{widen_phrase}'")
        if opened:
            out["open_conditions"] = tuple(opened)
        for pattern in (_RESTART, _WOMEN, _STUDENT, _DISABLED, _FOREIGN, _DEFECTOR, _KOREAN):
            for m in pattern.finditer(w.buf):
                if not _GROUP_LABEL.match(w.buf[m.end() :]):
                    w.take(m.span())
        out["unparsed"] = _leftover(w)
    out["evidence"] = evidence
    return out


def _cues(name: str, summary: str) -> dict[str, Any]:
    """Constraints hinted by the program name and summary (basis "cue")."""
    out = _parse(summary, "cue", with_unparsed=False) if summary else {"evidence": []}
    evidence: list[Evidence] = list(out.pop("evidence"))
    # The name is the strongest cue for the flagship packages (예비·초기·도약).
    if cue := _CUE_PRE_EARLY.search(name):
        out.update(
            founder="pre_or_founded",
            years_min=None,
            years_max=EARLY_YEARS,
            years_max_inclusive=True,
        )
        evidence.append(Evidence("founder", "cue", cue.group(0)))
        evidence.append(Evidence("years", "cue", cue.group(0)))
    elif cue := _CUE_PRE.search(name):
        out.update(founder="pre_only")
        evidence.append(Evidence("founder", "cue", cue.group(0)))
    elif cue := _CUE_EARLY.search(name):
        out.update(
            founder="founded_only", years_min=None, years_max=EARLY_YEARS, years_max_inclusive=True
        )
        evidence.append(Evidence("years", "cue", cue.group(0)))
    elif cue := _CUE_LEAP.search(name):
        out.update(
            founder="founded_only",
            years_min=EARLY_YEARS,
            years_min_inclusive=False,
            years_max=STARTUP_YEARS,
            years_max_inclusive=True,
        )
        evidence.append(Evidence("years", "cue", cue.group(0)))
    name_only = _parse(name, "cue", with_unparsed=False)
    for item in name_only.pop("evidence"):
        if item.field in {"youth", "age", *GROUP_KINDS, "groups"} and not any(
            e.field == item.field for e in evidence
        ):
            evidence.append(item)
            if item.field in ("youth", *GROUP_KINDS):
                out[item.field] = True
            if item.field == "age":
                out["age_min"] = name_only.get("age_min")
                out["age_max"] = name_only.get("age_max")
            if item.field == "groups":
                out["any_of_groups"] = name_only.get("any_of_groups")
    out["evidence"] = evidence
    return out


_GROUPS: dict[str, tuple[str, ...]] = {
    "years": ("years_min", "years_min_inclusive", "years_max", "years_max_inclusive"),
    "age": ("age_min", "age_max"),
    "founder": ("founder",),
    "youth": ("youth",),
    **{kind: (kind,) for kind in GROUP_KINDS},
    "groups": ("any_of_groups",),
}
# Target evidence that already answers what a cue of this kind would add.
_COVERS: dict[str, tuple[str, ...]] = {
    "age": ("age", "birth", "age_gender", "groups"),
    "youth": ("youth", "age", "birth", "age_gender", "groups"),
    "women": ("women", "age_gender", "groups"),
    "groups": ("groups", "age_gender", "women", "youth", "age", "birth"),
    "years": ("years", "founded_dates", "early"),
    "founder": ("founder",),
}

_EXCLUDED_PRE = re.compile(r"(?:^|[;,]\s*)예비\s*창업자(?:\s*[;,]|$)")
_EXCLUDED_FOUNDED = re.compile(r"사업자\s*등록자|이미\s*사업자\s*등록을\s*한\s*자")
# "휴·폐업하지 않은 개인·법인사업자 대표(교육 개시 전 휴·폐업자는 신청 접수 가능)"
_EXCLUDED_OWNER = re.compile(
    r"휴\s*[ᆞ·ㆍ\u119e]?\s*폐업하지\s*않은[^;]{0,20}사업자\s*대표[^;]{0,40}"
)
_EXCLUDED_STUDENT = re.compile(r"[^;]{0,30}(?:재학생|휴학생)[^;]{0,40}")


def parse_exclusion(text: str) -> dict[str, Any]:
    """The profile-decidable part of 신청 제외 대상: an excluded 예비창업자 or 기존 사업자.

    Other exclusions (arrears, earlier selection …) are shown with the program, not judged.
    """
    text = clean_cell(text)
    out: dict[str, Any] = {}
    if _EXCLUDED_PRE.search(text):
        out.update(founder="founded_only", phrase="신청 제외: 예비창업자")
    elif _EXCLUDED_FOUNDED.search(text):
        out.update(founder="pre_only", phrase="신청 제외: 사업자 등록자")
    owner = _EXCLUDED_OWNER.search(text)
    excluded: list[tuple[str, str, bool]] = []
    if owner and "founder" not in out:
        excluded.append(
            ("founded", _snippet(text, owner.start(), owner.end(), 60), "가능" in owner.group(0))
        )
    student = _EXCLUDED_STUDENT.search(text)
    if student:
        # "(2026년 8월 졸업예정자는 참여 가능)": an exception the profile cannot decide.
        excepted = "가능" in student.group(0)
        excluded.append(("student", _snippet(text, student.start(), student.end(), 60), excepted))
    if excluded:
        out["excluded"] = tuple(excluded)
    return out


def _union_of(tracks: list[dict[str, Any]]) -> dict[str, Any]:
    """Top-level fields of several tracks: the loosest bounds, requirements all tracks share."""
    out: dict[str, Any] = {}
    b = _Bounds()
    for t in tracks:
        b.add(
            t.get("years_min"),
            bool(t.get("years_min_inclusive", True)),
            t.get("years_max"),
            bool(t.get("years_max_inclusive", True)),
            "",
        )
    if any(t.get("years_min") is not None or t.get("years_max") is not None for t in tracks):
        low, low_inc, high, high_inc = b.union()
        out.update(
            years_min=low, years_min_inclusive=low_inc, years_max=high, years_max_inclusive=high_inc
        )
    lows = [t["age_min"] for t in tracks if t.get("age_min") is not None]
    highs = [t["age_max"] for t in tracks if t.get("age_max") is not None]
    if len(lows) == len(tracks):
        out["age_min"] = min(lows)
    if len(highs) == len(tracks):
        out["age_max"] = max(highs)
    founders = {t.get("founder") for t in tracks}
    if founders == {"pre_only"} or founders == {"founded_only"}:
        out["founder"] = founders.pop()
    elif founders - {None}:
        out["founder"] = "pre_or_founded" if None not in founders else None
    for flag in (*GROUP_KINDS, "youth", "korean_only"):
        if all(t.get(flag) for t in tracks):
            out[flag] = True
    regions = {t.get("regions", ()) for t in tracks}
    if len(regions) == 1:
        out["regions"] = regions.pop()
    if any(t.get("count_on_deadline") for t in tracks):
        out["count_on_deadline"] = True
    if any(t.get("years_or_venture") for t in tracks):
        out["years_or_venture"] = True
    if any(t.get("years_max_read") for t in tracks):
        out["years_max_read"] = True
    refs = {t.get("reference_date") for t in tracks} - {None}
    if len(refs) == 1:
        out["reference_date"] = refs.pop()
    return out


def parse_target(
    target_text: str, *, name: str = "", summary: str = "", exclusion: str = ""
) -> Eligibility:
    """Parse a 지원대상 text, then fill what it does not say from name/summary cues.

    Target evidence always wins over a cue for the same constraint; cue evidence has
    ``basis="cue"`` so reasons can say the constraint is only inferred. Tracks of the text
    become ``alternatives`` (see :func:`split_tracks`); ``exclusion`` (신청 제외 대상) adds the
    founder rule it states ("예비창업자" excluded).

    >>> e = parse_target("합천군에 주소를 둔 예비 창업자. 19세 이상 39세 이하 남성, 19세 이상 60세 이하 여성")
    >>> e.founder, e.gender_ages
    ('pre_only', (('men', 19, 39), ('women', 19, 60)))
    """
    target = clean_cell(target_text)
    fields: dict[str, Any] = {}
    evidence: list[Evidence] = []
    alternatives: tuple[Eligibility, ...] = ()
    excluded = parse_exclusion(exclusion) if exclusion else {}
    if target:
        tracks = split_tracks(target)
        parsed = [_parse(t, "target", with_unparsed=True) for t in tracks]
        if excluded.get("excluded"):
            for p in parsed:
                p["excluded"] = excluded["excluded"]
        if excluded.get("founder"):
            for p in parsed:
                p["founder"] = excluded["founder"]
                p["evidence"] = [e for e in p["evidence"] if e.field != "founder"]
                p["evidence"].append(Evidence("founder", "target", str(excluded["phrase"])))
        if len(parsed) == 1:
            evidence.extend(parsed[0].pop("evidence"))
            fields.update(parsed[0])
        else:
            alts = []
            for t, p in zip(tracks, parsed, strict=True):
                ev = tuple(p.pop("evidence"))
                alts.append(Eligibility(**p, evidence=ev, track=t[:40]))
            alternatives = tuple(alts)
            fields.update(_union_of(parsed))
            seen: set[str] = set()
            for alt in alts:
                for item in alt.evidence:
                    if item.field not in seen:
                        seen.add(item.field)
                        evidence.append(item)
            fields["unparsed"] = " · ".join(a.unparsed for a in alts if a.unparsed)
    elif excluded.get("founder"):
        fields["founder"] = excluded["founder"]
        evidence.append(Evidence("founder", "target", str(excluded["phrase"])))
    cues = _cues(clean_cell(name), clean_cell(summary))
    cue_evidence: list[Evidence] = cues.pop("evidence")
    have = {e.field for e in evidence}
    for item in cue_evidence:
        if item.field not in _GROUPS:
            continue
        if item.field in have or any(c in have for c in _COVERS.get(item.field, ())):
            continue
        have.add(item.field)
        evidence.append(item)
        for key in _GROUPS[item.field]:
            if key in cues:
                fields[key] = cues[key]
        if alternatives:
            alternatives = tuple(_with_cue(a, item, cues) for a in alternatives)
    return Eligibility(**fields, evidence=tuple(evidence), alternatives=alternatives)


def _with_cue(alt: Eligibility, item: Evidence, cues: dict[str, Any]) -> Eligibility:
    changes = {k: cues[k] for k in _GROUPS[item.field] if k in cues}
    return replace(alt, **changes, evidence=(*alt.evidence, item))


def derive_stages(elig: Eligibility, *, name: str = "", summary: str = "") -> tuple[str, ...]:
    """Growth stages (model.STAGES order) a program serves, from its constraints.

    예비 if pre-founders may apply; 초기/도약/성장 where the 업력 interval overlaps (0,3], (3,7]
    and beyond 7 years; 재창업 for restart programs. Empty when nothing is known.
    """
    del name, summary  # cues are already folded into ``elig`` by parse_target
    stages: set[str] = set()
    if elig.founder in {"pre_only", "pre_or_founded"}:
        stages.add("예비")
    has_years = elig.years_min is not None or elig.years_max is not None
    if elig.founder in {"pre_or_founded", "founded_only"} or has_years:
        low = elig.years_min if elig.years_min is not None else 0
        high = elig.years_max if elig.years_max is not None else 99
        low_open = elig.years_min is not None and not elig.years_min_inclusive
        if elig.founder != "pre_only" or has_years:
            if low < EARLY_YEARS or (low == EARLY_YEARS and not low_open) or low == 0:
                stages.add("초기")
            if low < STARTUP_YEARS and high > EARLY_YEARS:
                stages.add("도약")
            if high > STARTUP_YEARS or elig.years_max is None or elig.years_or_venture:
                stages.add("성장")
    if elig.restart:
        stages.add("재창업")
    return tuple(s for s in STAGES if s in stages)


def attracted_firms(name: str, target: str = "") -> str:
    """The phrase saying a program attracts firms into its area, else "".

    Why: a local program is for firms in its area unless its text says otherwise, but a program
    whose purpose is to bring firms in ("해외스타트업 유치 지원사업", 171418) is for firms that are
    not there yet — refusing them on the local-area rule would be a wrong ×. The caller admits
    them on the relocation condition, as it does for a stated relocation clause.

    >>> attracted_firms("해외스타트업 유치 지원사업")
    "사업명 '해외스타트업 유치'"
    >>> attracted_firms("스케일업 투자 유치 지원")
    ''
    """
    if m := _ATTRACT_NAME.search(name):
        return f"사업명 '{name[_word_start(name, m.start()) : m.end()]}'"
    if m := _ATTRACT_TARGET.search(target):
        return f"지원대상 '{_snippet(target, m.start(), m.end(), 40)}'"
    return ""


def _word_start(text: str, i: int) -> int:
    """Start of the word containing position ``i`` ("해외스타트업" for "스타트업")."""
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    return i
