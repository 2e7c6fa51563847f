"""Eligibility: every constraint kind, the 업력 and age boundaries, cues and unknowns."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from graph.eligibility import evaluate, evaluate_all, status_counts, time_window
from graph.profile import FirmProfile, add_years, profile_from_dict
from loaders.catalogue import load_embedded
from loaders.eligibility_text import parse_target
from loaders.model import Eligibility, Program
from navigator.cli import main
from tests.builders import LEAP, WITHIN_3, ev

FOUNDED = date(2023, 3, 15)


def prog(
    pid: str = "p1",
    *,
    name: str = "테스트 지원사업",
    level: str = "중앙부처",
    institution: str = "중소벤처기업부",
    region: str = "전국",
    target: str = "지원대상 있음",
    elig: Eligibility | None = None,
    fields: tuple[str, ...] = (),
) -> Program:
    return Program(
        pid, 2026, level, institution if level == "중앙부처" else region, institution, region,
        name, "사업화", target_text=target, eligibility=elig or Eligibility(), tech_fields=fields,
    )  # fmt: skip


def firm(as_of: date, **kw: object) -> FirmProfile:
    kw.setdefault("founded", FOUNDED)
    return FirmProfile(as_of=as_of, **kw)  # type: ignore[arg-type]


UNDER_7 = Eligibility(
    years_max=7, years_max_inclusive=False, founder="founded_only",
    evidence=(ev("years", "7년 미만"), ev("founder", "7년 미만")),
)  # fmt: skip


# --------------------------------------------------------------------------- 업력 boundaries


@pytest.mark.parametrize(
    ("delta", "status"), [(-1, "eligible"), (0, "eligible"), (1, "ineligible")]
)
def test_within_3_years_boundary(delta: int, status: str) -> None:
    day = add_years(FOUNDED, 3) + timedelta(days=delta)
    verdict = evaluate(prog(elig=WITHIN_3), firm(day))
    assert verdict.status == status
    assert verdict.failed == (() if status == "eligible" else ("years",))


def test_within_3_years_reason_quotes_the_phrase() -> None:
    verdict = evaluate(prog(elig=WITHIN_3), firm(date(2025, 6, 20)))
    assert "업력 2년 3개월 — '창업 3년 이내' 충족" in verdict.reasons


@pytest.mark.parametrize(
    ("years", "delta", "status"),
    [
        (3, -1, "ineligible"),
        (3, 0, "ineligible"),  # "3년 초과": the third anniversary itself is not yet over 3
        (3, 1, "eligible"),
        (7, -1, "eligible"),
        (7, 0, "eligible"),
        (7, 1, "ineligible"),
    ],
)
def test_over_3_within_7_boundaries(years: int, delta: int, status: str) -> None:
    day = add_years(FOUNDED, years) + timedelta(days=delta)
    verdict = evaluate(prog(elig=LEAP), firm(day))
    assert verdict.status == status
    if status == "ineligible":
        assert verdict.failed == ("years",)


def test_too_young_firm_is_told_when_the_band_opens() -> None:
    verdict = evaluate(prog(elig=LEAP), firm(date(2024, 5, 1)))
    assert any("2026-03-16부터 해당" in r for r in verdict.reasons)


@pytest.mark.parametrize(("delta", "status"), [(-1, "eligible"), (0, "ineligible")])
def test_under_7_years_excludes_the_anniversary(delta: int, status: str) -> None:
    day = add_years(FOUNDED, 7) + timedelta(days=delta)
    assert evaluate(prog(elig=UNDER_7), firm(day)).status == status


def test_unknown_founding_date_is_maybe() -> None:
    verdict = evaluate(prog(elig=WITHIN_3), FirmProfile(as_of=date(2026, 1, 1)))
    assert verdict.status == "maybe"
    assert "years" in verdict.uncertain
    assert any("설립일 미입력" in r for r in verdict.reasons)


# --------------------------------------------------------------------------- founder


PRE_ONLY = Eligibility(founder="pre_only", evidence=(ev("founder", "예비창업자"),))
FOUNDED_ONLY = Eligibility(founder="founded_only", evidence=(ev("founder", "창업기업"),))
EITHER = Eligibility(founder="pre_or_founded", evidence=(ev("founder", "(예비)창업자"),))


def test_pre_founder_program() -> None:
    pre = FirmProfile(pre_founding=True, as_of=date(2026, 1, 1))
    assert evaluate(prog(elig=PRE_ONLY), pre).status == "eligible"
    verdict = evaluate(prog(elig=PRE_ONLY), firm(date(2026, 1, 1)))
    assert verdict.status == "ineligible"
    assert verdict.failed == ("founder",)


def test_founded_only_program_rejects_pre_founders() -> None:
    pre = FirmProfile(pre_founding=True, as_of=date(2026, 1, 1))
    verdict = evaluate(prog(elig=FOUNDED_ONLY), pre)
    assert verdict.failed == ("founder",)
    assert any("사업자 등록 후" in r for r in verdict.reasons)
    assert evaluate(prog(elig=FOUNDED_ONLY), firm(date(2026, 1, 1))).status == "eligible"


def test_pre_or_founded_accepts_both() -> None:
    pre = FirmProfile(pre_founding=True, as_of=date(2026, 1, 1))
    assert evaluate(prog(elig=EITHER), pre).status == "eligible"
    assert evaluate(prog(elig=EITHER), firm(date(2026, 1, 1))).status == "eligible"


def test_pre_founder_and_a_years_band_fails_once_on_founder() -> None:
    pre = FirmProfile(pre_founding=True, as_of=date(2026, 1, 1))
    assert evaluate(prog(elig=WITHIN_3), pre).failed == ("founder",)


# --------------------------------------------------------------------------- age


YOUTH = Eligibility(age_max=39, evidence=(ev("age", "만 39세 이하"),))
MIDDLE = Eligibility(age_min=40, evidence=(ev("age", "만 40세 이상"),))


@pytest.mark.parametrize(("age", "status"), [(39, "eligible"), (40, "ineligible")])
def test_age_boundary_39_40(age: int, status: str) -> None:
    verdict = evaluate(prog(elig=YOUTH), firm(date(2026, 1, 1), ceo_age=age))
    assert verdict.status == status
    assert any(f"대표자 만 {age}세 — '만 39세 이하'" in r for r in verdict.reasons)


@pytest.mark.parametrize(("age", "status"), [(39, "ineligible"), (40, "eligible")])
def test_age_minimum_boundary(age: int, status: str) -> None:
    assert evaluate(prog(elig=MIDDLE), firm(date(2026, 1, 1), ceo_age=age)).status == status


def test_missing_age_is_maybe() -> None:
    verdict = evaluate(prog(elig=YOUTH), firm(date(2026, 1, 1)))
    assert verdict.status == "maybe"
    assert verdict.uncertain == ("age",)


def test_interpreted_youth_word_does_not_rule_out() -> None:
    elig = Eligibility(age_max=39, evidence=(ev("age", "청년 (통상 만 39세 이하로 해석)"),))
    verdict = evaluate(prog(elig=elig), firm(date(2026, 1, 1), ceo_age=45))
    assert verdict.status == "maybe"
    assert verdict.failed == ()


# --------------------------------------------------------------------------- region


def kimcheon(**kw: object) -> Program:
    return prog(level="기초", institution="김천시", region="경북", **kw)  # type: ignore[arg-type]


def test_local_program_rules_out_other_regions() -> None:
    verdict = evaluate(kimcheon(), firm(date(2026, 1, 1), region="서울"))
    assert verdict.status == "ineligible"
    assert verdict.failed == ("region",)
    # The 시·군·구 the rule names is quoted, not its 시·도.
    assert "지역 제한: 지자체(김천시) 사업 — 소재지 김천시 필요, 귀사 서울" in verdict.reasons


def test_basic_local_program_in_the_same_province_needs_a_check() -> None:
    verdict = evaluate(kimcheon(), firm(date(2026, 1, 1), region="경북"))
    assert verdict.status == "maybe"
    assert verdict.uncertain == ("region",)
    assert any("김천시 관내" in r for r in verdict.reasons)


def test_basic_local_program_without_district_says_the_district_would_settle_it() -> None:
    verdict = evaluate(kimcheon(), firm(date(2026, 1, 1), region="경북"))
    assert "시·군·구를 입력하면 판정합니다" in verdict.reason_for("region")


def test_basic_local_program_in_the_same_district_is_satisfied() -> None:
    verdict = evaluate(kimcheon(), firm(date(2026, 1, 1), region="경북", district="김천시"))
    assert verdict.status == "eligible"
    assert verdict.reason_for("region") == "지역: 김천시 사업 — 소재지 김천시 충족 (귀사 김천시)"


def test_basic_local_program_rules_out_another_district() -> None:
    verdict = evaluate(kimcheon(), firm(date(2026, 1, 1), region="경북", district="구미시"))
    assert verdict.status == "ineligible"
    assert verdict.failed == ("region",)
    assert verdict.reason_for("region") == (
        "지역 제한: 김천시 사업 — 소재지 김천시 필요, 귀사 구미시"
    )


def test_ambiguous_district_meets_a_prefixed_institution() -> None:
    seogu = prog(level="기초", institution="대전광역시 서구", region="대전")
    same = firm(date(2026, 1, 1), region="대전", district="서구")
    other = firm(date(2026, 1, 1), region="대전", district="유성구")
    assert evaluate(seogu, same).status == "eligible"
    assert "대전 서구" in evaluate(seogu, same).reason_for("region")
    assert evaluate(seogu, other).failed == ("region",)


def test_place_in_the_program_name_settles_a_match_but_never_rules_out() -> None:
    goyang = prog(level="지자체", institution="", region="경기", name="고양 1인 창조기업 지원센터")
    assert evaluate(goyang, firm(date(2026, 1, 1), region="경기", district="고양시")).status == (
        "eligible"
    )
    other = evaluate(goyang, firm(date(2026, 1, 1), region="경기", district="수원시"))
    assert other.status == "maybe"
    assert "귀사 수원시" in other.reason_for("region")


def test_plain_target_place_of_the_own_institution_rules_out_another_district() -> None:
    elig = Eligibility(regions=("경남",), evidence=(ev("regions", "창원시 소재"),))
    changwon = prog(level="기초", institution="창원시", region="경남", elig=elig)
    assert evaluate(changwon, firm(date(2026, 1, 1), region="경남", district="창원시")).status == (
        "eligible"
    )
    assert evaluate(changwon, firm(date(2026, 1, 1), region="경남", district="김해시")).failed == (
        "region",
    )


@pytest.mark.parametrize("phrase", ["김천시 거주·", "김천시 전입,"])
def test_target_place_with_more_words_never_rules_out_by_district(phrase: str) -> None:
    # "김천시 거주·거주예정인", "계약 후 1개월 내 군산시 전입": other 시·군 may apply.
    elig = Eligibility(regions=("경북",), evidence=(ev("regions", phrase),))
    program = kimcheon(elig=elig)
    verdict = evaluate(program, firm(date(2026, 1, 1), region="경북", district="구미시"))
    assert verdict.status == "maybe"
    assert evaluate(program, firm(date(2026, 1, 1), region="경북", district="김천시")).status == (
        "eligible"
    )


def test_target_place_without_institution_settles_only_a_match() -> None:
    elig = Eligibility(regions=("경기",), evidence=(ev("regions", "성남시 소재"),))
    program = prog(level="지자체", institution="", region="경기", elig=elig)
    assert evaluate(program, firm(date(2026, 1, 1), region="경기", district="성남시")).status == (
        "eligible"
    )
    assert evaluate(program, firm(date(2026, 1, 1), region="경기", district="용인시")).status == (
        "maybe"
    )


def test_district_changes_only_basic_programs_of_its_province() -> None:
    programs = load_embedded().programs
    base = {"founded": "2024-05-01", "as_of": "2026-03-01", "ceo_age": 34, "region": "경북"}
    without = evaluate_all(programs, profile_from_dict(base, today=date(2026, 3, 1)))
    with_district = evaluate_all(
        programs, profile_from_dict({**base, "district": "김천시"}, today=date(2026, 3, 1))
    )
    by_id = {p.program_id: p for p in programs}
    changed = [pid for pid in without if without[pid].status != with_district[pid].status]
    assert changed
    for pid in changed:
        assert by_id[pid].region == "경북"
        assert (without[pid].status, with_district[pid].status) == ("maybe", "ineligible")


@pytest.mark.parametrize("spelling", ["서울", "서울시", "서울특별시"])
def test_region_spellings_give_the_same_verdict(spelling: str) -> None:
    seoul = prog(level="광역", institution="서울특별시", region="서울")
    profile = profile_from_dict(
        {"founded": "2024-01-01", "as_of": "2026-01-01", "region": spelling},
        today=date(2026, 1, 1),
    )
    verdict = evaluate(seoul, profile)
    assert verdict.status == "eligible"
    assert "지역: 지자체(서울특별시) 사업 — 소재지 서울 충족" in verdict.reasons


def test_local_program_with_unknown_region_is_maybe() -> None:
    verdict = evaluate(prog(level="지자체", institution="", region=""), firm(date(2026, 1, 1)))
    assert verdict.status == "maybe"
    assert "지자체 사업 — 소재지 요건 확인 필요" in verdict.reasons


def test_region_from_target_text() -> None:
    elig = Eligibility(regions=("대전",), evidence=(ev("regions", "대전 소재"),))
    program = prog(elig=elig)
    assert evaluate(program, firm(date(2026, 1, 1), region="대전")).status == "eligible"
    assert evaluate(program, firm(date(2026, 1, 1), region="세종")).failed == ("region",)


def test_missing_firm_region_is_maybe() -> None:
    verdict = evaluate(kimcheon(), firm(date(2026, 1, 1)))
    assert verdict.status == "maybe"
    assert "region" in verdict.uncertain


# --------------------------------------------------------------------------- flags


@pytest.mark.parametrize(
    ("flag", "attr", "phrase"),
    [
        ("restart", "restart", "재창업자"),
        ("women", "women", "여성 창업자"),
        ("student", "student", "대학(원)생"),
        ("disabled", "disabled", "장애인"),
        ("foreign", "foreign_founder", "외국인"),
        ("defector", "defector", "북한이탈주민"),
    ],
)
def test_flag_requirements(flag: str, attr: str, phrase: str) -> None:
    program = prog(elig=Eligibility(**{flag: True}, evidence=(ev(flag, phrase),)))
    no = evaluate(program, firm(date(2026, 1, 1)))
    assert no.status == "ineligible"
    assert no.failed == (flag,)
    yes = evaluate(program, firm(date(2026, 1, 1), **{attr: True}))
    assert yes.status == "eligible"


# --------------------------------------------------------------------------- cues and unknowns


def test_cue_only_evidence_is_maybe_and_says_so() -> None:
    elig = Eligibility(age_max=39, evidence=(ev("age", "청년", basis="cue"),))
    program = prog(name="청년 창업 지원", target="", elig=elig)
    verdict = evaluate(program, firm(date(2026, 1, 1), ceo_age=45))
    assert verdict.status == "maybe"
    assert verdict.failed == ()
    assert any("사업명의 '청년'으로 추정 — 지원대상 원문 확인 필요" in r for r in verdict.reasons)


def test_no_target_text_is_never_a_silent_yes() -> None:
    verdict = evaluate(prog(target=""), firm(date(2026, 1, 1)))
    assert verdict.status == "maybe"
    assert any("지원대상 원문 없음" in r for r in verdict.reasons)


def test_no_target_text_still_ruled_out_by_region() -> None:
    verdict = evaluate(kimcheon(target=""), firm(date(2026, 1, 1), region="부산"))
    assert verdict.status == "ineligible"


def test_unparsed_clause_is_maybe_and_quoted() -> None:
    text = "창업 3년 이내 기업 중 매출 10억 이상"
    elig = Eligibility(
        years_max=3, founder="founded_only", unparsed="'기업 중 매출 10억 이상'",
        evidence=(ev("years", "3년 이내"), ev("founder", "3년 이내")),
    )  # fmt: skip
    verdict = evaluate(prog(target=text, elig=elig), firm(date(2025, 1, 1)))
    assert verdict.status == "maybe"
    assert "지원대상 원문 확인 필요: '기업 중 매출 10억 이상'" in verdict.reasons


def test_field_mismatch_is_maybe() -> None:
    program = prog(elig=WITHIN_3, fields=("농식품",))
    verdict = evaluate(program, firm(date(2025, 1, 1), fields=("인공지능·빅데이터",)))
    assert verdict.status == "maybe"
    assert "field" in verdict.uncertain
    assert evaluate(program, firm(date(2025, 1, 1), fields=("농식품",))).status == "eligible"


def test_parsed_target_end_to_end() -> None:
    elig = parse_target("창업 3년 초과 7년 이내 기업", name="창업도약패키지")
    program = prog(name="창업도약패키지", target="창업 3년 초과 7년 이내 기업", elig=elig)
    assert evaluate(program, firm(date(2024, 1, 1))).status == "ineligible"
    assert evaluate(program, firm(date(2027, 1, 1))).status == "eligible"


# --------------------------------------------------------------------------- whole catalogue


def test_evaluate_all_matches_evaluate_on_embedded_data() -> None:
    programs = load_embedded().programs
    profile = firm(date(2026, 3, 1), ceo_age=34, region="경기", fields=("인공지능·빅데이터",))
    verdicts = evaluate_all(programs, profile)
    assert len(verdicts) == len({p.program_id for p in programs})
    for p in programs[:60]:
        assert verdicts[p.program_id] == evaluate(p, profile)
    for p in programs:
        v = verdicts[p.program_id]
        assert v.reasons
        if not p.target_text:
            assert v.status != "eligible"
    counts = status_counts(verdicts)
    assert counts["eligible"] >= 1 and counts["ineligible"] >= 1


def test_time_window_opens_leap_band_after_third_anniversary() -> None:
    window = time_window(prog(elig=LEAP), firm(date(2024, 5, 1)))
    assert window == (date(2026, 3, 16), date(2030, 3, 15))
    assert time_window(prog(elig=WITHIN_3), firm(date(2026, 6, 1))) is None


def test_engine_never_imports_streamlit() -> None:
    code = (
        "import sys, graph.profile, graph.eligibility, graph.phases, graph.rules, "
        "graph.network, graph.path, graph.duplicates; "
        "assert 'streamlit' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parents[1])


def test_cli_eligible_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    profile = Path(__file__).resolve().parent / "fixtures" / "profiles" / "early_ai_gyeonggi.json"
    assert main(["eligible", "--profile", str(profile), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == len(load_embedded().programs)
    for row in rows:
        assert {"program_id", "name", "institution", "status", "reasons"} <= set(row)
        assert row["status"] in {"eligible", "maybe", "ineligible"}
        assert row["reasons"] and all(isinstance(r, str) for r in row["reasons"])
    assert main(["eligible", "--profile", str(profile), "--json", "--status", "eligible"]) == 0
    only = json.loads(capsys.readouterr().out)
    assert only and {r["status"] for r in only} == {"eligible"}


def test_cli_eligible_text(capsys: pytest.CaptureFixture[str]) -> None:
    profile = Path(__file__).resolve().parent / "fixtures" / "profiles" / "pre_founder_seoul.json"
    assert main(["eligible", "--profile", str(profile)]) == 0
    out = capsys.readouterr().out
    assert "신청 가능" in out and "확인 필요" in out  # loaders.vocab.STATUS_LABELS


# --------------------------------------------------------------------------- where a move must go


DEEPTECH = (  # 171076 경북의 저력 딥테크부스터 프로그램 (2026)
    "투자유치를 희망하는 7년 이내 법인(지역 무관) - (필수사항) 선정기업은 3개월 이내 해당 지자체 "
    "내 본사, 연구소, 공장 이전(설립) 중 1개 이상 필수(포항시, 구미시, 경주시, 경산시, 칠곡군)"
)


def test_a_move_to_list_decides_the_place_not_the_sido():
    elig = parse_target(DEEPTECH)
    assert elig.region_relocate
    assert elig.relocate_to == ("포항시", "구미시", "경주시", "경산시", "칠곡군")
    program = prog(
        level="지자체", institution="경상북도", region="경북", target=DEEPTECH, elig=elig
    )
    base = {"founded": date(2024, 1, 1), "as_of": date(2026, 4, 1)}
    here = evaluate(program, FirmProfile(region="경북", district="포항시", **base))
    assert any("소재지 포항시 충족" in r for r in here.reasons)
    for district in ("안동시", None):
        elsewhere = evaluate(program, FirmProfile(region="경북", district=district, **base))
        line = elsewhere.reason_for("region")
        assert "경북 충족" not in line and "단 선정 후 이전 조건" in line
        assert "포항시·구미시·경주시·경산시·칠곡군" in line
        assert "region" not in elsewhere.failed
    outside = evaluate(program, FirmProfile(region="서울", district="강남구", **base))
    assert "포항시·구미시" in outside.reason_for("region") and "region" not in outside.failed


def test_a_capital_area_firm_moving_into_the_centre_is_admitted_on_that_condition():
    # Call 177034 (2026): "• 2026년 비수도권 (서울, 경기 제외) 내 본사 … 소재하고 있는 … 기업
    # • 수도권 기업 중 (대구)지능형반도체 개발·지원센터 입주 예정인 기업"
    text = (
        "• 2026년 비수도권 (서울, 경기 제외) 내 본사, 지사, 공장, 연구소 중 1개 이상 소재하고 "
        "있는 중소기업 • 수도권 기업 중 (대구)지능형반도체 개발·지원센터 입주 예정인 기업"
    )
    elig = parse_target(text)
    assert elig.region_relocate and "서울" not in elig.regions
    verdict = evaluate(prog(target=text, elig=elig), FirmProfile(region="서울", founded=FOUNDED))
    assert "region" not in verdict.failed
    assert "입주 예정" in verdict.reason_for("region")


def test_an_unticked_group_box_says_so_rather_than_who_the_founder_is():
    text = "여성 창업자"
    elig = parse_target(text)
    verdict = evaluate(prog(target=text, elig=elig), FirmProfile(founded=FOUNDED))
    assert verdict.status == "ineligible"  # the verdict is unchanged
    assert verdict.reason_for("women") == "여성 창업자 대상 ('여성') — 프로필에 여성 미표시"
