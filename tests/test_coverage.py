"""Coverage matrix and reach on a small hand-made notice whose cells are known."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from graph.coverage import (
    MAYBE_ROW,
    NATIONWIDE_ROW,
    UNKNOWN_SIDO,
    UNKNOWN_STAGE,
    coverage_matrix,
    reach,
    sido_of_program,
)
from loaders.catalogue import load_files
from loaders.errors import ProfileError
from loaders.model import Program
from loaders.vocab import PHASES

NOTICE = """구분,소관부처·지자체,지역,사업명,지원유형,예산(억원),지원대상
중앙부처,중소벤처기업부,전국,예비창업패키지,사업화,491,예비창업자
중앙부처,중소벤처기업부,전국,초기창업패키지,사업화,559,창업 3년 이내 기업
중앙부처,중소벤처기업부,전국,창업도약패키지,사업화,728,창업 후 3년 초과 7년 이내 기업
중앙부처,중소벤처기업부,전국,창업성장기술개발,기술개발(R&D),,창업 7년 이내 기업
중앙부처,중소벤처기업부,전국,글로벌 액셀러레이팅,글로벌 진출,30,
지자체,김천시,경북,김천시 창업 공간 지원,시설·공간·보육,2,
지자체,경상북도,경북,경북 창업보육,시설·공간·보육,5,
지자체,서울특별시,서울,서울 창업허브,시설·공간·보육,10,
지자체,,,창업 아카데미,멘토링·컨설팅·교육,,
"""


@pytest.fixture
def programs(make_csv: Callable[..., Path]) -> tuple[Program, ...]:
    return load_files([make_csv(NOTICE)]).programs


def by_name(programs: tuple[Program, ...], name: str) -> str:
    return next(p.program_id for p in programs if p.name == name)


def test_stage_by_phase_counts_budgets_and_gaps(programs) -> None:
    m = coverage_matrix(programs, by="stage")
    assert m.cols == PHASES
    assert m.rows == ("예비", "초기", "도약", "성장", "재창업", UNKNOWN_STAGE)
    commercial = m.cell("예비", "사업화")
    assert commercial.program_ids == (by_name(programs, "예비창업패키지"),)
    assert (commercial.budget_eok, commercial.with_budget) == (491, 1)
    # 창업 7년 이내: 초기 and 도약 both; its budget is unknown and said so.
    rnd = m.cell("도약", "기술개발(R&D)")
    assert rnd.count == 1 and rnd.with_budget == 0 and rnd.without_budget == 1
    assert m.cell("초기", "기술개발(R&D)").count == 1
    assert m.column_total("기술개발(R&D)") == 1  # counted once down the column
    # 글로벌: only a program without 지원대상 (stage unknown) → the gap is not confirmed.
    assert m.is_gap("초기", "글로벌") and not m.confirmed_gap("초기", "글로벌")
    assert "단계 미상 사업 1개가 이 칸에 들 수 있습니다" in m.gap_note("초기", "글로벌")
    # 판로·투자·융자: nothing at all → a confirmed gap.
    assert m.confirmed_gap("예비", "판로·투자·융자")
    assert m.gap_note("예비", "판로·투자·융자").startswith("공백 — 예비 · 판로·투자·융자")
    assert not m.is_gap(UNKNOWN_STAGE, "판로·투자·융자")  # open rows are never gaps
    assert ("예비", "판로·투자·융자", True) in m.gaps()
    assert m.table()[0] == ["예비", 0, 1, 0, 0, 0]
    assert m.table("budget")[0] == ["예비", None, 491, None, None, None]


def test_sido_axis_and_filters(programs) -> None:
    m = coverage_matrix(programs, by="sido")
    assert m.rows[0] == "서울" and m.rows[-2:] == (NATIONWIDE_ROW, UNKNOWN_SIDO)
    assert m.cell("경북", "보육·멘토링").count == 2
    assert m.cell(UNKNOWN_SIDO, "보육·멘토링").count == 1
    assert m.cell(NATIONWIDE_ROW, "사업화").count == 3
    note = m.gap_note("부산", "사업화")
    assert "모두에게 열린 전국 사업 3개" in note
    only = coverage_matrix(programs, by="stage", sido="경북")
    assert only.programs == 2 and any("경북 지자체 사업만" in n for n in only.notes)
    assert sido_of_program(programs[0]) == NATIONWIDE_ROW


def test_field_axis_counts_general_programs_apart(programs) -> None:
    m = coverage_matrix(programs, by="field")
    assert m.general_rows == ("일반/분야무관",)
    assert m.row_total("일반/분야무관") == len(programs)
    assert m.confirmed_gap("인공지능·빅데이터", "사업화")  # nothing field-specific


def test_reach_follows_the_engines_area_rule(programs) -> None:
    here = reach(programs, "경상북도", "김천시")
    assert here.place == "경북 김천시"
    scope = {p.name: here.scope[p.program_id] for p in programs}
    assert scope["예비창업패키지"] == "nationwide"
    assert scope["경북 창업보육"] == "sido"
    assert scope["김천시 창업 공간 지원"] == "sigungu"
    assert scope["서울 창업허브"] == "out"
    assert scope["창업 아카데미"] == "unknown_area"
    assert len(here.ids()) == 7
    elsewhere = reach(programs, "경북", "구미시")
    assert elsewhere.scope[by_name(programs, "김천시 창업 공간 지원")] == "out"
    province = reach(programs, "경북")
    assert province.scope[by_name(programs, "김천시 창업 공간 지원")] == "uncertain"
    assert (
        "관내 소재 여부 확인 필요" in province.reasons[by_name(programs, "김천시 창업 공간 지원")]
    )
    with pytest.raises(ProfileError):
        reach(programs, "아틀란티스")
    # The reach matrix is the same matrix over the reachable programs.
    m = coverage_matrix([p for p in programs if p.program_id in here.ids()], by="stage")
    assert m.programs == 7


def test_unsettled_programs_get_their_own_row_and_rows_can_be_limited(programs) -> None:
    province = reach(programs, "경북")
    keep = [p for p in programs if p.program_id in province.ids()]
    maybe = [p for p in programs if p.program_id in province.ids("uncertain", "unknown_area")]
    m = coverage_matrix(keep, by="sido", maybe=maybe, rows=("경북",))
    assert m.rows == ("경북", NATIONWIDE_ROW, MAYBE_ROW)
    assert m.cell(MAYBE_ROW, "보육·멘토링").count == 2  # 김천시's program and the unknown one
    assert m.programs == len(keep)
    assert m.is_gap("경북", "판로·투자·융자") and m.confirmed_gap("경북", "판로·투자·융자")
    assert m.cell("경북", "보육·멘토링").count == 1
