"""The roadmap: phase order, 업력 forward in time, 중복 수혜 rules, gaps with near-misses."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from graph.fit import group_restriction, specific_fields
from graph.path import RoadmapEdits, plan_path
from graph.profile import FirmProfile
from graph.rules import conflicts
from loaders.catalogue import load_embedded
from loaders.errors import ProfileError
from loaders.model import Eligibility, Program
from loaders.vocab import PHASES
from navigator.cli import main
from tests.builders import LEAP, WITHIN_3, ev


def prog(
    pid: str,
    name: str,
    stype: str,
    *,
    region: str = "전국",
    elig: Eligibility | None = None,
    stages: tuple[str, ...] = (),
    fields: tuple[str, ...] = ("일반/분야무관",),
    budget: float | None = None,
) -> Program:
    local = region != "전국"
    inst = region if local else "중소벤처기업부"
    return Program(
        pid, 2026, "광역" if local else "중앙부처", inst, inst, region, name, stype,
        budget_eok=budget, target_text="지원대상", stages=stages, tech_fields=fields,
        eligibility=elig or Eligibility(),
    )  # fmt: skip


EARLY = WITHIN_3
SEVEN = Eligibility(
    years_max=7, founder="pre_or_founded",
    evidence=(ev("years", "7년 이내"), ev("founder", "(예비)창업자")),
)  # fmt: skip
PRE = Eligibility(founder="pre_only", evidence=(ev("founder", "예비창업자"),))
ACADEMY = Eligibility(
    years_max=3, founder="founded_only", age_max=39,
    evidence=(ev("years", "창업 3년 이내"), ev("founder", "창업 3년 이내"),
              ev("age", "만 39세 이하")),
)  # fmt: skip

CATALOGUE = [
    prog("rnd", "창업성장기술개발", "기술개발(R&D)", elig=SEVEN, stages=("초기", "도약"),
         budget=7864),
    prog("pre", "예비창업패키지", "사업화", elig=PRE, stages=("예비",), budget=491),
    prog("early", "초기창업패키지", "사업화", elig=EARLY, stages=("초기",), budget=559),
    prog("academy", "창업성공패키지(청년창업사관학교)", "사업화", elig=ACADEMY, stages=("초기",),
         budget=1025),
    prog("leap", "창업도약패키지", "사업화", elig=LEAP, stages=("도약",), budget=728),
    prog("space", "경기창업혁신공간 운영", "시설·공간·보육", region="경기", elig=SEVEN,
         stages=("초기", "도약")),
    prog("busan_ir", "부산 투자유치 IR 행사", "행사·네트워크", region="부산", elig=SEVEN),
    prog("global", "글로벌 액셀러레이팅 지원사업", "글로벌 진출", elig=SEVEN),
]  # fmt: skip

ONE_YEAR_OLD = FirmProfile(
    founded=date(2025, 3, 15), as_of=date(2026, 4, 1), ceo_age=33, region="경기"
)


def test_steps_follow_the_day_the_firm_can_enter_them_then_phase() -> None:
    roadmap = plan_path(CATALOGUE, ONE_YEAR_OLD)
    order = [(s.available_from, PHASES.index(s.phase)) for s in roadmap.steps]
    assert order == sorted(order)
    assert roadmap.steps[0].program_id == "rnd"
    assert roadmap.steps[-1].program_id == "leap"  # opens after the third anniversary


def test_leap_package_is_planned_from_the_day_after_the_third_anniversary() -> None:
    roadmap = plan_path(CATALOGUE, ONE_YEAR_OLD)
    steps = {s.program_id: s for s in roadmap.steps}
    now = [s for s in roadmap.steps if s.phase == "사업화" and s.stage == "초기"]
    assert [s.available_from for s in now] == [date(2026, 4, 1)]
    assert now[0].program_id in {"early", "academy"}
    assert steps["leap"].available_from == date(2028, 3, 16)
    assert steps["leap"].stage == "도약"
    assert "2028-03-16부터 신청 가능 (업력 3년 초과)" in steps["leap"].why
    assert steps["leap"].to_dict()["available_from"] == "2028-03-16"


def test_same_stage_commercialisation_programs_are_not_combined() -> None:
    roadmap = plan_path(CATALOGUE, ONE_YEAR_OLD, max_per_phase=3)
    chosen = {s.program_id for s in roadmap.steps}
    assert not {"early", "academy"} <= chosen
    assert "leap" in chosen
    assert "중복 수혜" in " ".join(roadmap.assumptions)


def test_gap_reports_the_near_miss_and_its_constraint() -> None:
    roadmap = plan_path(CATALOGUE, ONE_YEAR_OLD)
    gaps = {g.phase: g for g in roadmap.gaps}
    gap = gaps["판로·투자·융자"]
    assert gap.near_miss is not None
    assert gap.near_miss.program_id == "busan_ir"
    assert gap.near_miss.failed == "region"
    assert "소재지 부산 필요, 귀사 경기" in gap.near_miss.reason


def test_gap_without_programs_in_the_phase() -> None:
    catalogue = [p for p in CATALOGUE if p.program_id != "busan_ir"]
    gap = {g.phase: g for g in plan_path(catalogue, ONE_YEAR_OLD).gaps}["판로·투자·융자"]
    assert gap.near_miss is None
    assert "사업이 없습니다" in gap.reason


def test_pre_founder_plans_pre_programs_now_and_the_rest_after_founding() -> None:
    founder = FirmProfile(pre_founding=True, as_of=date(2026, 4, 1), ceo_age=28, region="경기")
    roadmap = plan_path(CATALOGUE, founder, founding=date(2026, 12, 1))
    steps = {s.program_id: s for s in roadmap.steps}
    assert steps["pre"].available_from == date(2026, 4, 1)
    assert steps["pre"].available_until == date(2026, 11, 30)
    after = [s for s in roadmap.steps if s.phase == "사업화" and s.stage == "초기"]
    assert after and after[0].available_from == date(2026, 12, 1)
    assert "창업(사업자 등록) 후" in after[0].why
    assert any("2026-12-01에 창업" in a for a in roadmap.assumptions)


def test_no_loans_option_drops_loan_programs() -> None:
    loan = prog("loan", "청년전용창업자금", "융자·보증", elig=SEVEN)
    with_loans = plan_path([*CATALOGUE, loan], ONE_YEAR_OLD)
    assert "loan" in {s.program_id for s in with_loans.steps}
    without = plan_path([*CATALOGUE, loan], ONE_YEAR_OLD, include_loans=False)
    assert "loan" not in {s.program_id for s in without.steps}


def test_to_dict_shape() -> None:
    data = plan_path(CATALOGUE, ONE_YEAR_OLD).to_dict()
    assert set(data) >= {"steps", "gaps"}
    for step in data["steps"]:
        assert {"phase", "program_id", "name", "institution", "available_from", "why"} <= set(step)
        date.fromisoformat(step["available_from"])
    for gap in data["gaps"]:
        assert {"phase", "reason", "near_miss"} <= set(gap)
        if gap["near_miss"] is not None:
            assert {"program_id", "name", "institution", "failed", "reason"} <= set(
                gap["near_miss"]
            )


def test_conflicts_rule_data() -> None:
    by_id = {p.program_id: p for p in CATALOGUE}
    assert [c.rule_id for c in conflicts(["early", "academy"], by_id)] == ["mss-commercialisation"]
    assert conflicts(["pre", "early", "leap"], by_id) == []
    twice = prog("early2", "초기창업패키지", "사업화")
    assert conflicts([by_id["early"], twice])[0].rule_id == "same-program"


def test_embedded_roadmaps_cover_phases_or_explain_gaps() -> None:
    programs = load_embedded().programs
    for profile in (
        ONE_YEAR_OLD,
        FirmProfile(pre_founding=True, as_of=date(2026, 3, 1), ceo_age=45, region="부산"),
        FirmProfile(founded=date(2020, 5, 1), as_of=date(2026, 3, 1), region="제주"),
    ):
        roadmap = plan_path(programs, profile)
        covered = {s.phase for s in roadmap.steps} | {g.phase for g in roadmap.gaps}
        assert covered == set(PHASES)
        assert all(s.available_from >= profile.as_of for s in roadmap.steps)
        ids = [s.program_id for s in roadmap.steps]
        assert len(ids) == len(set(ids))
        assert not conflicts(ids, programs, stages={s.program_id: s.stage for s in roadmap.steps})


PROFILES = Path(__file__).resolve().parent / "fixtures" / "profiles"


@pytest.mark.parametrize(
    "fixture", ["early_ai_gyeonggi.json", "pre_founder_seoul.json", "leap_restart_busan.json"]
)
def test_cli_path_json_shape(fixture: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["path", "--profile", str(PROFILES / fixture), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {s["phase"] for s in data["steps"]} | {g["phase"] for g in data["gaps"]} == set(PHASES)
    for step in data["steps"]:
        assert {"phase", "program_id", "name", "institution", "available_from", "why"} <= set(step)
    for gap in data["gaps"]:
        assert {"phase", "reason", "near_miss"} <= set(gap)


def test_cli_path_options(capsys: pytest.CaptureFixture[str]) -> None:
    profile = str(PROFILES / "early_ai_gyeonggi.json")
    assert main(["path", "--profile", profile, "--json", "--max-per-phase", "1", "--no-loans"]) == 0
    data = json.loads(capsys.readouterr().out)
    counts: dict[str, int] = {}
    for step in data["steps"]:
        counts[step["phase"]] = counts.get(step["phase"], 0) + 1
    assert max(counts.values()) == 1
    assert main(["path", "--profile", profile]) == 0
    assert "[가정]" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["path", "--profile", profile, "--max-per-phase", "0"])


def test_assumptions_say_when_the_district_is_missing() -> None:
    without = plan_path(CATALOGUE, ONE_YEAR_OLD)
    assert any("시·군·구가 없어" in a for a in without.assumptions)
    with_district = plan_path(CATALOGUE, replace(ONE_YEAR_OLD, district="수원시"))
    assert not any("시·군·구가 없어" in a for a in with_district.assumptions)


# ----------------------------------------------------------------------------- fit rules
# A step is a program the firm fits: ○, or △ for one named fact the profile did not give.

NO_TARGET = Eligibility()
WOMEN_CUE = Eligibility(women=True, evidence=(ev("women", "여성 창업", "cue"),))
FOREIGN = Eligibility(foreign=True, evidence=(ev("foreign", "외국인 창업자"),))
YOUNG = Eligibility(age_max=39, evidence=(ev("age", "만 39세 이하"),))


def _fit_catalogue() -> list[Program]:
    return [
        *CATALOGUE,
        prog("women", "여성창업 인큐베이팅", "시설·공간·보육", elig=WOMEN_CUE),
        prog("foreign", "외국인 기술창업 지원", "글로벌 진출", elig=FOREIGN),
        prog("lab", "실험실 특화형 창업선도대학 사업", "기술개발(R&D)", elig=SEVEN),
        prog("bio", "바이오 글로벌 파트너링", "글로벌 진출", elig=SEVEN, fields=("바이오·헬스",)),
        prog("young", "청년 창업 글로벌 캠프", "글로벌 진출", elig=YOUNG),
    ]


def _with_no_target(p: Program) -> Program:
    return replace(p, target_text="")


def test_programs_for_a_group_the_founder_is_not_in_never_appear() -> None:
    roadmap = plan_path(_fit_catalogue(), ONE_YEAR_OLD, max_per_phase=3)
    shown = {s.program_id for s in roadmap.steps} | {a.program_id for a in roadmap.alternatives}
    shown |= {c.program_id for g in roadmap.gaps for c in g.candidates}
    shown |= {g.near_miss.program_id for g in roadmap.gaps if g.near_miss}
    assert not shown & {"women", "foreign", "lab"}


@pytest.mark.parametrize(
    ("name", "summary"),
    [
        ("창업이민 인재양성 프로그램(OASIS)", "글로벌창업이민센터에서 운영하는 교육 프로그램"),
        ("K-스타트업그랜드 챌린지", "해외 우수 스타트업의 국내 유입 및 아시아 시장 진출을 지원"),
        ("경영컨설팅 지원사업", "북한이탈주민 (예비)창업자 1:1 맞춤형 컨설팅 지원"),
        ("중장년 기술창업센터 운영", "중장년 (예비)창업자의 기술창업 활성화"),
    ],
)
def test_name_and_summary_cues_keep_other_groups_off_the_roadmap(name: str, summary: str) -> None:
    p = replace(prog("x", name, "글로벌 진출", elig=SEVEN), summary=summary)
    roadmap = plan_path([*CATALOGUE, p], ONE_YEAR_OLD, max_per_phase=3)  # a 33-year-old
    assert "x" not in {s.program_id for s in roadmap.steps}


def test_a_program_that_asks_outside_firms_to_move_is_an_alternative_not_a_step() -> None:
    moving = Eligibility(
        years_max=7, founder="pre_or_founded", region_relocate=True,
        evidence=(ev("years", "7년 이내"), ev("founder", "(예비)창업자"),
                  ev("region_relocate", "관외 기업은 선정 후 3개월 내 본사 이전")),
    )  # fmt: skip
    p = prog("far", "함안 스타기업 만들기", "사업화", region="경남", elig=moving)
    roadmap = plan_path([*CATALOGUE, p], ONE_YEAR_OLD, max_per_phase=3)  # a firm in 경기
    assert "far" not in {s.program_id for s in roadmap.steps}
    alt = {a.program_id: a for a in roadmap.alternatives}["far"]
    assert alt.kind == "relocate" and alt.label == "본사를 옮기면" and "경남" in alt.why
    at_home = plan_path([*CATALOGUE, replace(p, region="경기")], ONE_YEAR_OLD, max_per_phase=3)
    assert "far" in {s.program_id for s in at_home.steps}


def test_a_founder_in_the_group_gets_its_program_ranked_first() -> None:
    woman = replace(ONE_YEAR_OLD, women=True)
    steps = [s for s in plan_path(_fit_catalogue(), woman).steps if s.phase == "보육·멘토링"]
    assert steps[0].program_id == "women"
    assert "대상 일치(여성 창업자)" in steps[0].fit


def test_without_a_field_field_programs_are_alternatives_not_steps() -> None:
    roadmap = plan_path(_fit_catalogue(), ONE_YEAR_OLD)
    assert "bio" not in {s.program_id for s in roadmap.steps}
    alt = {a.program_id: a for a in roadmap.alternatives}["bio"]
    assert alt.kind == "field" and alt.label == "분야가 맞으면"
    assert "바이오·헬스 분야라면" in alt.why
    assert any("분야가 맞으면" in a for a in roadmap.assumptions)


def test_another_field_never_appears_and_the_same_field_is_a_step() -> None:
    ai = replace(ONE_YEAR_OLD, fields=("인공지능·빅데이터",))
    roadmap = plan_path(_fit_catalogue(), ai, max_per_phase=3)
    shown = {s.program_id for s in roadmap.steps} | {a.program_id for a in roadmap.alternatives}
    assert "bio" not in shown
    bio = replace(ONE_YEAR_OLD, fields=("바이오·헬스",))
    steps = {s.program_id: s for s in plan_path(_fit_catalogue(), bio, max_per_phase=3).steps}
    assert "분야 일치(바이오·헬스)" in steps["bio"].fit


def test_one_missing_fact_is_a_labelled_step_two_are_not() -> None:
    no_age = replace(ONE_YEAR_OLD, ceo_age=None)
    steps = {s.program_id: s for s in plan_path(_fit_catalogue(), no_age, max_per_phase=3).steps}
    assert steps["young"].status == "maybe"
    assert steps["young"].needs == "대표자 나이"
    assert "확인 필요: 대표자 나이 (프로필에 없음)" in steps["young"].why
    # A local program with an age band, for a profile with neither age nor region: two facts.
    local_young = prog("ly", "경기 청년 글로벌 캠프", "글로벌 진출", region="경기", elig=YOUNG)
    vague = replace(ONE_YEAR_OLD, ceo_age=None, region=None)
    roadmap = plan_path([*CATALOGUE, local_young], vague, max_per_phase=3)
    assert "ly" not in {s.program_id for s in roadmap.steps}


def test_unknown_target_is_never_a_step_but_a_gap_candidate() -> None:
    catalogue = [
        *[p for p in CATALOGUE if p.program_id != "global"],
        _with_no_target(prog("g2", "글로벌 기업 협업 프로그램", "글로벌 진출")),
    ]
    roadmap = plan_path(catalogue, ONE_YEAR_OLD)
    assert "g2" not in {s.program_id for s in roadmap.steps}
    gap = {g.phase: g for g in roadmap.gaps}["글로벌"]
    assert [c.program_id for c in gap.candidates] == ["g2"]
    assert gap.candidates[0].label == "지원대상 확인 후"
    assert "판정하지 못한 사업 1개" in gap.reason
    # A firm beyond 7 years is no longer a 창업기업: not even a candidate.
    old = FirmProfile(founded=date(2012, 4, 1), as_of=date(2026, 3, 1), region="경기")
    gap = {g.phase: g for g in plan_path(catalogue, old).gaps}["글로벌"]
    assert gap.candidates == ()


def test_edits_pin_remove_and_annotate_steps() -> None:
    base = plan_path(CATALOGUE, ONE_YEAR_OLD)
    first = base.steps[0].program_id
    edits = RoadmapEdits().remove(first).pin("busan_ir").with_note("leap", "  3주년 직후  신청 ")
    edited = plan_path(CATALOGUE, ONE_YEAR_OLD, edits=edits)
    by_id = {s.program_id: s for s in edited.steps}
    assert first not in by_id
    assert by_id["busan_ir"].pinned and "컨설턴트가 지정한 단계" in by_id["busan_ir"].why
    assert "주의" in by_id["busan_ir"].why  # pinned although the firm is not in 부산
    assert by_id["leap"].note == "3주년 직후 신청"
    assert "판로·투자·융자" not in {g.phase for g in edited.gaps}
    assert RoadmapEdits.from_dict(edits.to_dict()) == edits
    assert edited.to_dict()["edits"]["notes"] == {"leap": "3주년 직후 신청"}


def test_edits_from_dict_rejects_a_wrong_shape() -> None:
    with pytest.raises(ProfileError, match="edits"):
        RoadmapEdits.from_dict({"pinned": 3})
    with pytest.raises(ProfileError, match="알 수 없는 항목"):
        RoadmapEdits.from_dict({"pined": ["a"]})
    assert RoadmapEdits.from_dict({"pinned": "a; b"}).pinned == ("a", "b")


# ----------------------------------------------------------------------------- real profiles
# The four profiles the roadmap was checked against (issue 12), on the embedded 2026 data.

REAL = {
    "old_2012": FirmProfile(founded=date(2012, 4, 1), as_of=date(2026, 3, 1), ceo_age=50,
                            region="서울"),
    "pre_gimcheon": FirmProfile(pre_founding=True, as_of=date(2026, 3, 1), ceo_age=30,
                                region="경북", district="김천시"),
    "ai_gyeonggi": FirmProfile(founded=date(2024, 3, 1), as_of=date(2026, 3, 1), ceo_age=35,
                               region="경기", fields=("인공지능·빅데이터",)),
    "women_restart_busan": FirmProfile(founded=date(2025, 6, 1), as_of=date(2026, 3, 1),
                                       ceo_age=42, region="부산", women=True, restart=True),
}  # fmt: skip


@pytest.fixture(scope="module")
def embedded_programs() -> tuple[Program, ...]:
    return load_embedded().programs


@pytest.mark.parametrize("name", sorted(REAL))
def test_real_profiles_get_only_programs_they_fit(name: str, embedded_programs) -> None:
    profile = REAL[name]
    roadmap = plan_path(embedded_programs, profile)
    by_id = {p.program_id: p for p in embedded_programs}
    for step in roadmap.steps:
        p = by_id[step.program_id]
        assert step.status == "eligible" or step.needs, step
        assert not group_restriction(p, profile), step.name
        assert not specific_fields(p) or set(specific_fields(p)) & set(profile.fields), step.name
    shown = [by_id[s.program_id].name for s in roadmap.steps]
    shown += [a.name for a in roadmap.alternatives]
    shown += [c.name for g in roadmap.gaps for c in g.candidates]
    for word in (
        "실험실",
        "외국인",
        "글로벌 스타트업센터",
        "창업이민",
        "그랜드",
        "농식품",
        "바이오",
    ):
        assert not any(word in n for n in shown), (word, shown)
    order = [(s.available_from, PHASES.index(s.phase)) for s in roadmap.steps]
    assert order == sorted(order)


def test_a_firm_founded_in_2012_gets_gaps_with_its_business_age_as_the_miss(
    embedded_programs,
) -> None:
    roadmap = plan_path(embedded_programs, REAL["old_2012"])
    # Nothing is ○ for a 13-year-old firm: a step may only be △ (e.g. a '창업·벤처기업' program
    # a 벤처기업 of any age may enter), and every other phase is a gap.
    assert all(s.status == "maybe" for s in roadmap.steps)
    assert {g.phase for g in roadmap.gaps} == set(PHASES) - {s.phase for s in roadmap.steps}
    assert len(roadmap.gaps) >= len(PHASES) - 1
    misses = [g.near_miss for g in roadmap.gaps if g.near_miss]
    assert any(m.failed == "years" and "13년 11개월" in m.reason for m in misses)
    assert all(g.candidates == () for g in roadmap.gaps)


def test_a_pre_founder_in_gimcheon_starts_with_the_pre_package(embedded_programs) -> None:
    roadmap = plan_path(embedded_programs, REAL["pre_gimcheon"])
    first = roadmap.steps[0]
    assert first.name == "예비창업패키지" and first.available_from == date(2026, 3, 1)
    later = [s for s in roadmap.steps if s.available_from > date(2026, 3, 1)]
    assert later and all(s.available_from == date(2027, 3, 1) for s in later)
    # "공고일 현재 김천시 거주·거주예정인 19세 ~ 45세 이하 청년 예비창업가" is fully understood
    # now, so for a 30-year-old 김천 예비창업자 it is a step, not only an alternative.
    assert "김천시 청년 창업 공간 지원사업" in {s.name for s in roadmap.steps}


def test_an_ai_firm_in_gyeonggi_gets_the_leap_package_after_three_years(
    embedded_programs,
) -> None:
    roadmap = plan_path(embedded_programs, REAL["ai_gyeonggi"])
    steps = {s.name: s for s in roadmap.steps}
    # One 사업화 program per growth stage: one for 초기 now, 창업도약패키지 for 도약 from the day
    # after the third founding anniversary.
    now = [s for s in roadmap.steps if s.phase == "사업화" and s.stage == "초기"]
    assert len(now) == 1 and now[0].available_from == date(2026, 3, 1)
    assert steps["창업도약패키지"].available_from == date(2027, 3, 2)
    assert any("지역 사업(경기)" in s.fit for s in steps.values())


def test_a_woman_restart_founder_in_busan_gets_the_restart_package(embedded_programs) -> None:
    steps = {s.name: s for s in plan_path(embedded_programs, REAL["women_restart_busan"]).steps}
    assert "대상 일치(재창업자)" in steps["재도전성공패키지"].fit
    assert "초기창업패키지" not in steps  # same stage as 재도전성공패키지 (중복 수혜)
