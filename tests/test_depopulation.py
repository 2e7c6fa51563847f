"""인구감소지역 as a sourced fact: the 행정안전부 lists, the 지원대상 phrases that name them (real
2026 calls), and the verdicts a profile's 시·군·구 settles."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from graph.calls import judge_call
from graph.eligibility import evaluate, evaluate_all
from graph.profile import FirmProfile
from graph.settle import group_maybes
from loaders.announcements import load_embedded_announcements
from loaders.catalogue import load_embedded
from loaders.eligibility_text import parse_target
from loaders.model import Program
from loaders.regions import (
    DEPOPULATION_AREAS,
    DEPOPULATION_INTEREST_AREAS,
    DEPOPULATION_SOURCES,
    SIGUNGU_BY_SIDO,
    depopulation_kind,
)

# Real 지원대상 texts (K-Startup aply_trgt_ctnt, 2026).
Y_LOCAL = "충남 인구감소지역 내 창업 예정인 청년 예비창업가 및 7년이내 기창업자"  # 177133, 171068
CONTEST = "충청남도 인구감소지역에서 창업 예정인 청년 예비창업가 및 초기창업가"  # 176535
MENTOR = "충청남도 인구감소지역 청년 기창업자 또는 폐업자(사업경력 3년이상)"  # 176538
GYEONGNAM = (  # 171096 (enrichment of call 177008)
    "① 2026.3.13.기준 창업7년 이내 창업기업 ② 사업장 (예정)소재지가 '인구소멸 감소 및 관심지역' "
    "내 로컬사업분야 창업기업(인구 감소 지역 외 (예비) 창업기업도 지원 가능하나 기업선정 이후 "
    "6개월 이내 도내 인구 감소 지역 내 본사 또는 공장·연구소를 설립·이전하고 상시인력 1명 이상 "
    "고용하여야 함)"
)
PREFERENCE = (  # 176927
    "-공고일 기준 사업개시일로부터 1년 이상 7년 미만의 사회연대경제조직 ※우대가점 : 행정안전부 "
    "지정 89개 인구감소지역 혹은 18개 관심지역 소재 조직, 정부(중앙/지방) 표창 및 수상 이력"
)
DAY = date(2026, 4, 10)


@pytest.fixture(scope="module")
def programs() -> dict[str, Program]:
    return {p.kstartup_id: p for p in load_embedded().programs}


def firm(district: str | None, region: str = "충남", **kw: Any) -> FirmProfile:
    base: dict[str, Any] = {"founded": date(2024, 5, 1), "ceo_age": 33, "as_of": DAY}
    base.update(kw)
    if base.get("pre_founding"):
        base.pop("founded")
    return FirmProfile(region=region, district=district, **base)


# --------------------------------------------------------------------------- the lists


def test_the_lists_hold_89_and_18_real_sigungu_and_do_not_overlap() -> None:
    decline = {(s, n) for s, names in DEPOPULATION_AREAS.items() for n in names}
    interest = {(s, n) for s, names in DEPOPULATION_INTEREST_AREAS.items() for n in names}
    assert (len(decline), len(interest)) == (89, 18)
    assert not decline & interest
    for sido, name in decline | interest:
        assert name in SIGUNGU_BY_SIDO[sido], (sido, name)
    # 고시 제2024-15호: 군위군 is 대구's since 2023-07-01.
    assert "군위군" in DEPOPULATION_AREAS["대구"] and "군위군" not in DEPOPULATION_AREAS["경북"]
    assert all("mois.go.kr" in src for src in DEPOPULATION_SOURCES.values())


def test_the_chungnam_list_is_the_one_the_calls_print() -> None:
    calls = {c.pbanc_sn: c for c in load_embedded_announcements()[0]}
    for sn in ("176535", "176538"):
        listed = re.search(r"\(인구감소지역\)\s*([^\n-]+)", calls[sn].target_text)
        assert listed is not None, sn
        names = {n.strip() for n in listed.group(1).split(",")}
        assert names == set(DEPOPULATION_AREAS["충남"]), sn


def test_depopulation_kind() -> None:
    assert depopulation_kind("충남", "공주시") == "decline"
    assert depopulation_kind("경북", "김천시") == "interest"
    assert depopulation_kind("충남", "천안시") is None
    assert depopulation_kind("충남", None) is None
    assert depopulation_kind("인천", "제물포구") == "unsettled"  # 관심지역 동구's successor


# --------------------------------------------------------------------------- the parser


@pytest.mark.parametrize(
    ("text", "kind", "sidos", "soft", "phrase"),
    [
        (Y_LOCAL, "decline", ("충남",), True, "충남 인구감소지역 내"),
        (CONTEST, "decline", ("충남",), True, "충청남도 인구감소지역에서"),
        (MENTOR, "decline", ("충남",), False, "충청남도 인구감소지역"),
        (GYEONGNAM, "decline_or_interest", ("관내",), True, "인구소멸 감소 및 관심지역"),
    ],
)
def test_the_real_phrasings_name_the_list(
    text: str, kind: str, sidos: tuple[str, ...], soft: bool, phrase: str
) -> None:
    elig = parse_target(text)
    assert (elig.depopulation, elig.depopulation_sidos, elig.depopulation_soft) == (
        kind,
        sidos,
        soft,
    )
    ev = elig.evidence_for("depopulation")
    assert ev is not None and ev.phrase == phrase
    assert not any("인구감소" in c for c in elig.open_conditions)


def test_a_preference_for_the_areas_is_no_rule() -> None:
    for text in (PREFERENCE, "창업 7년 이내 기업 (인구감소지역 소재 기업 우대)"):
        elig = parse_target(text)
        assert elig.depopulation == ""
        assert not any("인구감소" in c for c in elig.open_conditions), text
        assert "인구감소" not in elig.unparsed


def test_the_move_in_clause_stays_a_relocation() -> None:
    elig = parse_target(GYEONGNAM)
    assert elig.region_relocate
    assert "고용하여야" not in elig.unparsed


def test_an_unread_mention_still_keeps_a_question() -> None:
    elig = parse_target("인구감소 대응 창업기업")
    assert elig.depopulation == ""
    assert any(c.startswith("인구감소지역 소재") for c in elig.open_conditions)


# --------------------------------------------------------------------------- verdicts


def test_y_local_is_settled_by_the_district(programs: dict[str, Program]) -> None:
    y_local = programs["171068"]
    met = evaluate(y_local, firm("공주시"))
    assert met.status == "eligible"
    assert any("공주시: 인구감소지역(행정안전부 고시 제2021-66호) 충족" in r for r in met.reasons)
    out = evaluate(y_local, firm("천안시"))
    assert out.status == "ineligible" and out.failed == ("region",)
    assert "천안시는 인구감소지역 아님" in out.reasons[0] and "공주시·금산군" in out.reasons[0]
    other = evaluate(y_local, firm("동구", region="대전"))
    assert other.status == "ineligible"


def test_without_a_district_the_question_is_the_district(programs: dict[str, Program]) -> None:
    y_local = programs["171068"]
    profile = firm(None)
    verdict = evaluate(y_local, profile)
    assert verdict.status == "maybe" and verdict.uncertain == ("region",)
    assert "시·군·구를 입력하면 판정합니다" in verdict.reasons[0]
    catalogue = list(load_embedded().programs)
    verdicts = evaluate_all(catalogue, profile)
    summary = group_maybes(catalogue, verdicts, profile)
    district = next(g for g in summary.groups if g.key == "district")
    assert y_local.program_id in district.settled


def test_a_pre_founder_elsewhere_may_found_there(programs: dict[str, Program]) -> None:
    # "인구감소지역 내 창업 예정인 … 예비창업가": where the business is to be, not where one lives.
    verdict = evaluate(programs["171068"], firm("천안시", pre_founding=True))
    assert verdict.status == "maybe"
    assert "창업 예정지가 인구감소지역" in verdict.reasons[0]


def test_interest_areas_count_only_where_the_text_names_them(programs: dict[str, Program]) -> None:
    gyeongnam = programs["171096"]
    sacheon = evaluate(gyeongnam, firm("사천시", region="경남"))
    assert any(
        "사천시: 인구감소관심지역(행정안전부 고시 제2025-78호) 충족" in r for r in sacheon.reasons
    )
    # A 경남 firm outside the areas may apply and move in after selection (the text says so).
    changwon = evaluate(gyeongnam, firm("창원시", region="경남"))
    assert "region" not in changwon.failed
    assert any("선정 후 이전 조건" in r for r in changwon.reasons)
    # 김천시 is a 관심지역, not a 인구감소지역: a text naming only the latter refuses it.
    text = "경북 인구감소지역 소재 기업"
    only = Program(
        "t", 2026, "중앙부처", "중기부", "중기부", "전국", "시험 사업", "사업화",
        target_text=text, eligibility=parse_target(text),
    )  # fmt: skip
    assert evaluate(only, firm("김천시", region="경북")).status == "ineligible"
    assert evaluate(only, firm("안동시", region="경북")).status == "eligible"


def test_the_calls_read_the_same_way() -> None:
    calls = {c.pbanc_sn: c for c in load_embedded_announcements()[0]}
    profile = FirmProfile(
        region="충남", district="천안시", founded=date(2024, 5, 1), ceo_age=30, as_of=DAY
    )
    refused = judge_call(calls["177133"], profile)
    assert refused.status == "ineligible"
    assert any("천안시는 인구감소지역 아님" in r for r in refused.reasons)
    preferred = judge_call(calls["176927"], profile)
    assert not any("인구감소" in r for r in preferred.reasons)
