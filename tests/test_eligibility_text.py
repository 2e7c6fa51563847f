"""지원대상 parser on real target phrases (verbatim from the embedded 2026 data and announcements).

Each case states the exact structure expected; fields not listed must keep their defaults, so a
phrase that sets something unexpected fails too.
"""

from __future__ import annotations

import pytest

from loaders.eligibility_text import derive_stages, parse_target, split_tracks
from loaders.model import Eligibility

DEFAULTS = Eligibility()
CHECKED = (
    "years_min",
    "years_min_inclusive",
    "years_max",
    "years_max_inclusive",
    "founder",
    "age_min",
    "age_max",
    "regions",
    "restart",
    "women",
    "student",
    "disabled",
    "youth",
    "foreign",
)

PRE, BOTH, FOUNDED = "pre_only", "pre_or_founded", "founded_only"

# (target text, expected non-default fields)
REAL_PHRASES: list[tuple[str, dict]] = [
    ("예비창업자", {"founder": PRE}),
    ("창업 3년 이내 기업", {"founder": FOUNDED, "years_max": 3}),
    (
        "창업 3년 초과 7년 이내 기업",
        {"founder": FOUNDED, "years_min": 3, "years_min_inclusive": False, "years_max": 7},
    ),
    ("(예비)창업자", {"founder": BOTH}),
    ("예비 또는 7년 이내 창업기업", {"founder": BOTH, "years_max": 7}),
    (
        "예비창업자, 7년 미만 창업자",
        {"founder": BOTH, "years_max": 7, "years_max_inclusive": False},
    ),
    ("5년 이내 창업기업", {"founder": FOUNDED, "years_max": 5}),
    ("창업 후 7년 이내 첨단기술 분야 기업", {"founder": FOUNDED, "years_max": 7}),
    (
        "폐업 이력을 보유한 예비재창업자 또는 7년 이내 재창업기업",
        {"founder": BOTH, "years_max": 7, "restart": True},
    ),
    (
        "대표자 만 39세 이하, 창업 3년 이내 기업 (심화과정은 창업 7년 이내)",
        {"founder": FOUNDED, "years_max": 7, "age_max": 39},
    ),
    (
        "업력 7년 이내 기술창업기업(신산업 분야의 경우 10년 이내 창업기업)",
        {"founder": FOUNDED, "years_max": 7},
    ),
    ("7년 이내 창업기업(신산업 분야는 창업 10년 이내 기업)", {"founder": FOUNDED, "years_max": 7}),
    (
        "도내 예비창업자 및 7년 이내 창업기업 * 신산업분야는 10년 미만",
        {"founder": BOTH, "years_max": 7},
    ),
    (
        "예비창업자(예비관광벤처), 창업 3년 이내(초기관광벤처), 창업 3년 초과 7년 이내(성장관광벤처)",
        {"founder": BOTH, "years_max": 7},
    ),
    (
        "스포츠산업 분야 예비창업자·창업 3년 미만 기업(예비·초기), 창업 3년 이상 7년 미만 기업(창업 도약)",
        {"founder": BOTH, "years_max": 7, "years_max_inclusive": False},
    ),
    ("창업 3~7년 이내 소셜벤처 기업", {"founder": FOUNDED, "years_min": 3, "years_max": 7}),
    (
        "업력 3년 이상, 대전광역시 소재 창업기업 또는 입주계약 후 2개월 이내 주소 이전 기업(본사 또는 지사, 기업부설연구소)",
        # The upper bound is the word 창업기업's 7 years, read (years_max_read), not stated.
        {"founder": FOUNDED, "years_min": 3, "years_max": 7, "regions": ("대전",)},
    ),
    (
        "만 40세이상 (예비)창업자 및 3년 이내 창업기업",
        {"founder": BOTH, "years_max": 3, "age_min": 40},
    ),
    (
        "만 40세 이상 중장년 예비창업자 및 창업 3년 이내 중소기업",
        {"founder": BOTH, "years_max": 3, "age_min": 40},
    ),
    (
        "사업 공고일 기준 만 39세 이하 예비창업자 및 3년 이내 기창업자",
        {"founder": BOTH, "years_max": 3, "age_max": 39},
    ),
    (
        "19~39세 이하 예비 또는 7년 미만 초기 청년 창업기업",
        {
            "founder": BOTH,
            "years_max": 7,
            "years_max_inclusive": False,
            "age_min": 19,
            "age_max": 39,
            "youth": True,
        },
    ),
    (
        "18세 이상 40세 미만 청년으로써 농산업분야 창업(창농)희망자 또는 창업(창농)자",
        # "창업(창농)자" is a founder too (the accuracy cases' 171265 founded 창농자).
        {"founder": BOTH, "age_min": 18, "age_max": 39, "youth": True},
    ),
    (
        "19~39세 예비ㆍ초기 청년창업가",
        {"founder": BOTH, "age_min": 19, "age_max": 39, "youth": True},
    ),
    (
        "평택시 거주 15세 이상 39세 이하 청년",
        {"age_min": 15, "age_max": 39, "youth": True, "regions": ("경기",)},
    ),
    ("성남시 소재 7년 이내 창업기업", {"founder": FOUNDED, "years_max": 7, "regions": ("경기",)}),
    (
        "1인 창조기업의 육성에 관한 법률에 해당하는 창원시 소재 (예비)창업자",
        {"founder": BOTH, "regions": ("경남",)},
    ),
    ("대전 소재 딥테크 기업 등", {"founder": FOUNDED, "regions": ("대전",)}),
    (
        "대전 서구 소재 (예비)기술창업기업 / 핀테크기업 우대",
        # 창업기업 is the law's 7 years, read as a cue (an older firm is asked, not refused)
        {"founder": BOTH, "regions": ("대전",), "years_max": 7},
    ),
    (
        "양구군에 1년 이상 주소를 두고 창업을 희망하는 예비창업자 및 초기창업자",
        {"founder": BOTH, "regions": ("강원",)},
    ),
    (
        "공고일 현재 김천시 거주·거주예정인 19세 ~ 45세 이하 청년 예비창업가로 신청제외 사유에 해당되지 않는 자",
        {"founder": PRE, "age_min": 19, "age_max": 45, "youth": True, "regions": ("경북",)},
    ),
    (
        "그린스타트업타운 입주기업(또는 충남도 내 창업 7년 이하 스타트업)",
        {"founder": FOUNDED, "years_max": 7, "regions": ("충남",)},
    ),
    ("예비창업자여성 및 기창업자여성(3년이내)", {"founder": BOTH, "years_max": 3, "women": True}),
    (
        "도내 창업 초기~7년 여성창업자 (지원센터 초기~3년, 성장센터 3~7년)",
        {"founder": FOUNDED, "years_max": 7, "women": True},
    ),
    (
        "대전 내 재창업자 및 대전 정착희망 예비 재창업자",
        {"founder": BOTH, "restart": True, "regions": ("대전",)},
    ),
    ("만 19~39세 (예비)청년창업가", {"founder": BOTH, "age_min": 19, "age_max": 39, "youth": True}),
    ("(예비)창업자 및 학생 등", {"founder": BOTH}),
    (
        "예비창업자 또는 창업자의 경우 공고일 기준 사업자등록 5년 미만인 청년",
        {
            "founder": BOTH,
            "years_max": 5,
            "years_max_inclusive": False,
            "age_max": 39,
            "youth": True,
        },
    ),
    # getAnnouncementInformation01 aply_trgt_ctnt (tests/fixtures/announcements_2026_sample.csv)
    (
        "투자유치 전략 수립이 필요한 서울시 소재 스타트업",
        {"founder": FOUNDED, "regions": ("서울",)},
    ),
    # calls_2026_sep.json pbanc_sn 178888: "충북도내" used to crash the parser (the place word
    # was removed before the 도내 phrase was read).
    ("충북도내 (예비)창업자,「모두의 창업」선정자 등", {"founder": BOTH, "regions": ("충북",)}),
]


def _structure(e: Eligibility) -> dict:
    return {k: getattr(e, k) for k in CHECKED if getattr(e, k) != getattr(DEFAULTS, k)}


@pytest.mark.parametrize(("text", "expected"), REAL_PHRASES, ids=[t[:24] for t, _ in REAL_PHRASES])
def test_real_target_phrase(text, expected):
    assert _structure(parse_target(text)) == expected


def test_at_least_thirty_real_phrases():
    assert len(REAL_PHRASES) >= 30


def test_every_constraint_carries_its_phrase_from_the_target():
    e = parse_target("성남시 소재 만 40세 이상 창업 3년 이내 기업")
    by_field = {ev.field: ev for ev in e.evidence}
    assert by_field["years"].phrase == "3년 이내"
    assert by_field["age"].phrase == "만 40세 이상"
    assert by_field["regions"].phrase.startswith("성남시")
    assert {ev.basis for ev in e.evidence} == {"target"}


# --------------------------------------------------------------------------- boundaries


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        ("3년 이내", (None, True, 3, True)),
        ("3년 이하", (None, True, 3, True)),
        ("3년 미만", (None, True, 3, False)),
        ("3년 초과", (3, False, None, True)),
        ("3년 이상", (3, True, None, True)),
        ("3년 초과 7년 이내", (3, False, 7, True)),
        ("창업 후 7년이 지나지 아니한 기업", (None, True, 7, True)),
    ],
)
def test_years_keywords(text, bounds):
    e = parse_target(text)
    assert (e.years_min, e.years_min_inclusive, e.years_max, e.years_max_inclusive) == bounds


def test_residence_period_is_not_business_age():
    e = parse_target("김천시에 1년 이상 거주한 예비창업자")
    assert e.years_min is None
    assert e.regions == ("경북",)


def test_business_age_after_a_residence_word_still_counts():
    # 2025 강릉시 청년창업 희망키움사업: "거주하는" before "창업 3년 이내" is not a residence period.
    e = parse_target("강릉시에 거주하는 창업 3년 이내, 18~45세 이하 청년")
    assert (e.years_max, e.age_min, e.age_max, e.regions) == (3, 18, 45, ("강원",))


def test_out_of_area_firms_that_move_are_admitted():
    # 2026 대구 창업기업 스케일업 지원사업: "역외기업이라도 … 대구 이전 … 신청할 수 있다".
    e = parse_target(
        "대구시에 본사 또는 사업장을 둔 창업 7년 이내의 법인 및 개인 사업자이며 역외기업이라도"
        " 협약 후 3개월 이내 본사 대구 이전 및 사업종료 후 2년간 유지할 경우 신청할 수 있다"
    )
    assert e.regions == ("대구",) and e.region_relocate


def test_calendar_years_are_not_business_age():
    e = parse_target("2026년 이내 창업 가능한 예비창업자")
    assert (e.years_min, e.years_max) == (None, None)


def test_age_below_forty_means_thirty_nine():
    assert parse_target("만 40세 미만").age_max == 39


def test_age_irrelevant_clears_age():
    e = parse_target("만 40세 이상 60% 이상, 연령무관 40% 이하")
    assert (e.age_min, e.age_max) == (None, None)


def test_place_without_location_word_is_not_a_restriction():
    assert parse_target("서울 본사 기업과 협업").regions == ()


def test_local_area_word_is_recorded_without_a_place():
    e = parse_target("관내 창업기업")
    assert e.regions == ()
    assert e.evidence_for("local_area").phrase == "관내"


# --------------------------------------------------------------------------- cues and unparsed


def test_name_cue_fills_what_the_target_does_not_say():
    e = parse_target("", name="예비창업패키지")
    assert e.founder == PRE
    assert e.evidence_for("founder").basis == "cue"


def test_target_wins_over_cue():
    e = parse_target("창업 3년 이내 기업", name="예비창업패키지")
    assert e.founder == FOUNDED
    assert e.evidence_for("founder").basis == "target"


@pytest.mark.parametrize(
    ("name", "field", "value"),
    [
        ("초기창업패키지", "years_max", 3),
        ("창업도약패키지", "years_min", 3),
        ("재도전성공패키지", "restart", True),
        ("청년 창업 지원", "age_max", 39),
        ("여성 창업 경진대회", "women", True),
        ("중장년 기술창업센터", "age_min", 40),
    ],
)
def test_name_cues(name, field, value):
    e = parse_target("", name=name)
    assert getattr(e, field) == value
    assert all(ev.basis == "cue" for ev in e.evidence)


def test_university_program_is_not_a_student_flag():
    assert parse_target("", name="창업중심대학").student is False


def test_summary_cue_reads_business_age():
    e = parse_target("", name="초격차", summary="창업 7년 이내 기업의 스케일업 지원")
    assert e.years_max == 7
    assert e.evidence_for("years").basis == "cue"


def test_unknown_requirement_stays_unparsed_and_is_quoted():
    # 170004 초격차 스타트업 프로젝트 (2026 press, asiae.co.kr 2025121907442374005 era)
    e = parse_target("6대 전략산업 12대 초격차 기술을 영위하는 창업 10년 이내 스타트업")
    assert e.years_max == 10
    assert e.unparsed.startswith("'6대 전략산업 12대 초격차")


def test_a_field_named_as_a_requirement_is_a_field_not_a_leftover():
    e = parse_target("녹색산업 분야 창업기업")
    assert e.fields == ("친환경·에너지",)
    assert e.unparsed == ""


def test_fully_understood_target_leaves_nothing_unparsed():
    assert parse_target("예비창업자 및 창업 7년 이내 기업").unparsed == ""


def test_empty_text_gives_empty_eligibility():
    e = parse_target("")
    assert e.is_empty()
    assert derive_stages(e) == ()


# --------------------------------------------------------------------------- stages


@pytest.mark.parametrize(
    ("text", "stages"),
    [
        ("예비창업자", ("예비",)),
        ("창업 3년 이내 기업", ("초기",)),
        ("창업 3년 초과 7년 이내 기업", ("도약",)),
        ("예비창업자 및 7년 이내 창업기업", ("예비", "초기", "도약")),
        ("업력 7년 초과 중소기업", ("성장",)),
        ("7년 이내 재창업기업", ("초기", "도약", "재창업")),
    ],
)
def test_stages(text, stages):
    assert derive_stages(parse_target(text)) == stages


def test_band_from_founding_has_no_lower_bound():
    e = parse_target("지원센터 초기~3년 입주기업")
    assert (e.years_min, e.years_max) == (None, 3)


# Places listed before one location word share it: each is an area the program admits. Real
# phrasing of 2026 K-Startup calls (k-startup.go.kr, pbancSn 177277 '2026-4회 충청권 엔젤투자 피칭룸',
# 179025 '제3회 부기테크 투자쇼', 179069 부산 창업기획자 전문인력 양성과정, 177082 호남권 엔젤투자 피칭룸).
@pytest.mark.parametrize(
    ("text", "regions"),
    [
        ("대전/세종/충남/충북에 소재하는 기업", ("대전", "세종", "충남", "충북")),
        (
            "본사, 영업점 또는 연구소, 공장 중 하나 이상 부산, 울산, 경남 소재",
            ("부산", "울산", "경남"),
        ),
        ("부산·울산·경남 소재 교육신청자", ("부산", "울산", "경남")),
        ("광주/전남 소재 기업", ("광주", "전남")),
        ("서울 및 경기 소재 기업", ("서울", "경기")),
    ],
)
def test_a_list_of_places_before_one_location_word_names_every_place(text, regions):
    e = parse_target(text)
    assert e.regions == regions
    phrases = [x.phrase for x in e.evidence if x.field == "regions"]
    assert len(phrases) == 1 and all(r[:1] in phrases[0] for r in regions)


def test_a_firm_in_the_first_place_of_a_list_is_not_refused():
    from graph.eligibility import evaluate
    from graph.profile import FirmProfile
    from loaders.model import Program

    text = "대전/세종/충남/충북에 소재하는 기업"
    program = Program(
        "p", 2026, "지자체", "", "", "대전", "충청권 엔젤투자 피칭룸", "판로·투자",
        target_text=text, eligibility=parse_target(text),
    )  # fmt: skip
    for sido in ("대전", "세종", "충남", "충북"):
        verdict = evaluate(program, FirmProfile(region=sido))
        assert verdict.status != "ineligible", (sido, verdict)
    assert evaluate(program, FirmProfile(region="부산")).status == "ineligible"


# The place as the predicate of a location noun. Real phrasing: 2026 통합공고 row 대전 방산혁신클러스터
# 드론특화 창업 지원사업 (a central program: the place is its only area rule) and 인천 신개념
# 세대융합청년창업 지원 (data/notice_2026.csv, K-Startup 170032 and 171310).
@pytest.mark.parametrize(
    ("text", "region", "phrase"),
    [
        ("본사 소재지가 대전광역시인 1~3차년도 드론특화 창업 지원 기업(공고일 기준)", "대전", "본사 소재지가 대전광역시인"),
        ("(기창업자) 사업자등록증 기준, 사업장 소재지가 인천에 위치한 3년 이내 창업자", "인천", "사업장 소재지가 인천에"),
        ("주민등록상 거주지가 인천인 자", "인천", "거주지가 인천인"),
    ],
)  # fmt: skip
def test_a_place_after_its_location_noun_is_an_area_rule(text, region, phrase):
    e = parse_target(text)
    assert e.regions == (region,) and e.region_strict
    assert [x.phrase for x in e.evidence if x.field == "regions"] == [phrase]


def test_a_central_program_located_by_its_target_refuses_other_places():
    from graph.eligibility import evaluate
    from graph.profile import FirmProfile
    from loaders.model import Program

    text = "본사 소재지가 대전광역시인 1~3차년도 드론특화 창업 지원 기업(공고일 기준)"
    program = Program(
        "p", 2026, "중앙부처", "방위사업청", "방위사업청", "전국", "드론특화 창업 지원사업", "사업화",
        target_text=text, eligibility=parse_target(text),
    )  # fmt: skip
    seoul = evaluate(program, FirmProfile(region="서울"))
    assert seoul.status == "ineligible" and "대전" in seoul.reason_for("region")
    assert evaluate(program, FirmProfile(region="대전")).status != "ineligible"


# Groupings of 시·도 (loaders.regions.REGION_GROUPS, each with its source in REGION_GROUP_SOURCES):
# real phrasing of 2026 K-Startup calls (k-startup.go.kr, pbancSn in the comment). A bracket list
# in the text wins over the vocabulary; "(서울, 경기 제외)" is every 시·도 but those.
@pytest.mark.parametrize(
    ("text", "regions"),
    [
        ("동남권(부산·울산·경남) 소재 창업 후 2년 3개월 미만 기업", ("부산", "울산", "경남")),  # 179126
        ("동남권(경남, 부산, 울산) 소재 예비창업자 및 창업 7년 이내 기업", ("경남", "부산", "울산")),  # 176495
        ("대경권(대구·경북) 소재 창업 후 2년 3개월 미만 기업", ("대구", "경북")),  # 178893
        ("사업자등록증 상 본사가 충청권 소재 기업 (충북/충남/대전/세종)", ("대전", "세종", "충북", "충남")),  # 176156
        ("대전·충청 소재 창업 7년이내 사업자", ("대전", "세종", "충북", "충남")),  # 177033
        ("대전/세종/충청지역에 소재하는 업력 6년 미만 기업", ("대전", "세종", "충북", "충남")),  # 177090
        ("수도권에 본사 또는 공장이 소재한 공공조달시장 관심 기업", ("서울", "인천", "경기")),  # 179205
        ("동남권(부·울·경) 지역내 쉬었음청년", ("부산", "울산", "경남")),  # 177363
        ("광주/전남 권역 내 시제품 제작이 가능한 예비창업자", ("광주", "전남")),  # 177144
        ("광주 전남 권역 내 시제품 제작 및 양산 연계가 가능한 창업자", ("광주", "전남")),  # 177353
    ],
)  # fmt: skip
def test_a_grouping_of_places_names_its_sido(text, regions):
    e = parse_target(text)
    assert sorted(e.regions) == sorted(regions)


def test_outside_the_capital_area_is_every_other_sido():
    # 176801: "비수도권 소재"; 177034: "비수도권 (서울, 경기 제외) 내" spells its own set (인천 in it).
    plain = parse_target(
        "투자기관으로부터 1천만원 이상 투자를 받은 비수도권 소재 3년 이내의 초기 창업기업"
    )
    assert len(plain.regions) == 14 and not {"서울", "인천", "경기"} & set(plain.regions)
    own = parse_target(
        "2026년 비수도권 (서울, 경기 제외) 내 본사, 지사, 공장, 연구소 중 1개 이상 소재"
    )
    assert "인천" in own.regions and not {"서울", "경기"} & set(own.regions)
    # 177195: the 수도권 that is excluded is not an area the call admits.
    assert (
        "서울"
        not in parse_target("수도권(서울·인천·경기)을 제외한 비수도권 본사 소재 스타트업").regions
    )


@pytest.mark.parametrize(
    "text",
    [
        "농식품분야 (예비)벤처‧창업기업 * 호남권(전라·광주·제주) 소재 (예비)창업기업을 60% 이상 선발",  # 176929
        "일본 진출을 희망하는 업력 7년 이내 기술 기반 창업기업(울산 소재 기업 우대)",  # 177129
        "컨설팅 참여를 희망하는 (예비)창업자 * 서초구 거주자, 서초구 소재 기업 우대",  # 179169
        "19~39세 청년 예비창업자 또는 3년 이내 초기창업자 (총 30명 내외) 영등포구 거주 또는 "
        "영등포구에 사업장을 둔 청년 (예비)창업자 우선 선발",  # 179116
        "AI 기술 기반 스마트해운물류 분야 예비창업자 및 창업 7년 이내 기업(*부울경 소재 기업 업력 제한 없음)",  # 177091
        "- (필수사항) 수요과제 내용에 부합하는 BM 및 기술을 보유한 스타트업 - (우대사항) 대구광역시 "
        "본사 소재 기업 혹은 협약 2개월 이내 대구광역시 내 본사 이전 예정인 기업",  # 177478
    ],
)  # fmt: skip
def test_a_place_that_is_preferred_or_exempted_is_not_required(text):
    assert parse_target(text).regions == ()


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        ("대구소재 제조 분야 예비창업자 및 기업 (모빌리티/ICT/의료·헬스 우대)", ("대구",)),  # 178919
        (
            "서울/경기/인천/강원 소재 AI 활용,도입 수요가 있는 상시근로자 20인 이상 기업 우선 지원 기업 대상",
            ("서울", "경기", "인천", "강원"),
        ),  # 177466
        (
            "예비창업자 및 은평구 소재 창업 7년 이내 기업 AI, 정보통신, 바이오헬스, 친환경, 초격차 기업 우대",
            ("서울",),
        ),  # 176979
    ],
)  # fmt: skip
def test_a_preference_beside_a_place_leaves_the_place_required(text, regions):
    assert parse_target(text).regions == regions


def test_firms_that_will_move_into_a_grouping_are_admitted_on_that_condition():
    # 178907: "동남권 소재 또는 동남권으로 이전을 희망하는 (예비) 스타트업 * 동남권: 부산 울산 경남".
    e = parse_target(
        "동남권 소재 또는 동남권으로 이전을 희망하는 (예비) 스타트업 * 동남권: 부산 울산 경남"
    )
    assert sorted(e.regions) == ["경남", "부산", "울산"] and e.region_relocate


def test_a_grouping_admits_its_sido_and_refuses_others_with_the_phrase_quoted():
    from graph.eligibility import evaluate
    from graph.profile import FirmProfile
    from loaders.model import Program

    text = "대전·충청 소재 창업 7년이내 사업자"  # 177033
    program = Program(
        "p", 2026, "지자체", "", "", "대전", "딥테크 창업기업 모집", "사업화",
        target_text=text, eligibility=parse_target(text),
    )  # fmt: skip
    for sido in ("대전", "세종", "충북", "충남"):
        assert evaluate(program, FirmProfile(region=sido)).status != "ineligible", sido
    busan = evaluate(program, FirmProfile(region="부산"))
    assert busan.status == "ineligible"
    assert "'대전·충청 소재'" in busan.reason_for("region")


# Firms elsewhere admitted if they move: real phrasing of 2026 calls and programs (pbancSn or
# K-Startup id in the comment). The place is still the area; the engine answers ○ with the
# condition stated ("관외 기업도 신청 가능, 단 선정 후 이전 조건").
@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("대구시에 본사 또는 사업장을 둔 창업 7년 이내의 법인 및 개인 사업자이며 역외기업이라도 협약 후 "
         "3개월 이내 본사 대구 이전 및 사업종료 후 2년간 유지할 경우 신청할 수 있다", "대구"),  # 171149 (헤럴드경제 2026)
        ("사업장 주소 : 구미소재 기업 및 구미(본사)로 이전 계획 기업", "경북"),  # 176367
        ("② 대구광역시 본사 소재 기업 혹은 선정 후 대구광역시 내 본사 이전 예정*인 기업", "대구"),  # 177471
        ("울산시에 주소지를 두고 있는 스타트업 및 관내 기업, 울산으로 소재지를 옮길 예정인 관외기업", "울산"),  # 177319
        ("만19세 ~ 55세, 전라남도 거주자 및 전입 예정자", "전남"),  # 176888
        ("울주군에 사업자등록증상 소재하고 있거나 이전 예정인 청년 창업기업", "울산"),  # 171033
        ("업력 3년 이상, 대전광역시 소재 창업기업 또는 입주계약 후 2개월 이내 주소 이전 기업", "대전"),  # 171215
        ("만19~49세 이하 군산시 (예비)창업가 ※ 계약 후 1개월 내 군산시 전입, 6개월 내 관내 창업가능자", "전북"),  # 171296
        ("본사, 영업점 또는 연구소, 공장 중 하나 이상 부산, 울산, 경남 소재 해당 또는 부산 이전 수요가 있는 기업", "부산"),  # 179025
        ("경상북도 소재 기업 ※ 경북 외 지역에 본사가 있는 경우, 사업 종료 2개월 전(10.31.)까지 본사 또는 지사 이전", "경북"),  # 176791
        ("광명시 소재 7년 미만 스타트업(또는 예비창업자): 1 광명시 본사 소재 기업 2 광명시 본사 이전 계획이 있는 기업", "경기"),  # 171326
    ],
)  # fmt: skip
def test_firms_that_will_move_there_are_admitted_on_that_condition(text, region):
    e = parse_target(text)
    assert region in e.regions and e.region_relocate


@pytest.mark.parametrize(
    "text",
    [
        # 177283: moving later is explicitly not enough.
        "경북 지역에 본사 또는 주된 사무소(지사, 연구소, 공장)를 두고 있는 7년 이내 창업기업(2026.4.16. 기준, "
        "이전 예정 기업 불가)",
        # 176808: a move into the centre after a 대구 residence rule admits nobody from elsewhere.
        "대구지역 소재 3년 미만 창업자 - 공고일 기준 대구광역시에 주민등록(또는 사업자등록)이 되어 있는 자 "
        "※ 기창업자의 경우 입주 계약 후 1개월 이내 주사업장(본사) 이전이 가능한 기업",
        # 177065: 기술이전 is a technology transfer.
        "공고일 기준 광주광역시 거주자이며 본 사업 협약 체결 이후 협약 기간 내 광주 소재지 창업"
        "(기술이전 계약 필수)이 가능한 자 - 기술이전 수행 완료ㆍ예정인 예비창업자",
    ],
)  # fmt: skip
def test_what_is_not_a_relocation(text):
    assert not parse_target(text).region_relocate


def test_numbered_items_opening_with_a_scope_are_tracks():
    # call 177358 (2026): a 서울 예비창업자 fits the first item; only the second is 광주·전남's.
    text = (
        "1. (전국) 예비창업자 2. (광주·전남지역) 에너지분야 초기창업자 [업력 7년 미만(공고일 기준)]"
    )
    assert len(split_tracks(text)) == 2
    e = parse_target(text)
    assert e.regions == () and e.alternatives[0].region_open
    assert e.alternatives[1].regions == ("광주", "전남")


def test_kinds_of_applicant_after_a_slash_share_the_place():
    # call 177232 (2026): every kind is 부·울·경's, not only the first.
    text = "부·울·경 소재 스타트업 / 예비창업가 / 로컬크리에이터"
    assert split_tracks(text) == [text]
    assert sorted(parse_target(text).regions) == ["경남", "부산", "울산"]


def test_a_required_label_is_not_a_leftover():
    # call 176421 (2026), 171011's target: "(필수사항)" heads the rule, it is not a condition.
    text = (
        "(필수사항)「중소기업창업지원법」에 따른 창업기업 대표자로, 창업 7년 이내인 자(기업) "
        "* 공고일 기준 7년 이내의 창업기업('19.2.12 ~ '26.2.13)"
    )
    assert parse_target(text).unparsed == ""
