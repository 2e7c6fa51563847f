"""The roadmap: phase order, 업력 forward in time, 중복 수혜 rules, gaps with near-misses."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from graph.path import plan_path
from graph.phases import PHASES
from graph.profile import FirmProfile
from graph.rules import conflicts
from loaders.catalogue import load_embedded
from loaders.model import Eligibility, Program
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


def test_steps_follow_phase_order_then_date() -> None:
    roadmap = plan_path(CATALOGUE, ONE_YEAR_OLD)
    order = [PHASES.index(s.phase) for s in roadmap.steps]
    assert order == sorted(order)
    assert roadmap.steps[0].program_id == "rnd"
    for a, b in zip(roadmap.steps, roadmap.steps[1:], strict=False):
        if a.phase == b.phase:
            assert a.available_from <= b.available_from


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
