"""The coverage use case's tables (usecases/coverage.py): the programs of a cell and those a
place reaches, as rows of the finder's program table."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from graph.coverage import coverage_matrix, reach
from graph.phases import phase_of
from loaders.catalogue import load_files
from loaders.model import Program
from tests.test_coverage import NOTICE
from usecases.coverage import cell_table, reach_table
from usecases.finder import program_table


@pytest.fixture
def programs(make_csv: Callable[..., Path]) -> tuple[Program, ...]:
    return load_files([make_csv(NOTICE)]).programs


def test_program_table_has_one_row_per_program_with_the_display_columns(programs) -> None:
    frame = program_table(programs)
    assert list(frame["program_id"]) == [p.program_id for p in programs]
    columns = "program_id 사업명 운영기관 소관 구분 지역 지원유형 예산(억원) 단계 분야 링크"
    assert list(frame.columns) == columns.split()
    assert str(frame["예산(억원)"].dtype) == "float64"
    by_name = dict(zip(frame["사업명"], frame["예산(억원)"], strict=True))
    assert (
        by_name["예비창업패키지"] == 491
        and by_name["창업성장기술개발"] != by_name["창업성장기술개발"]
    )


def test_cell_table_is_the_cells_programs(programs) -> None:
    matrix = coverage_matrix(programs, by="stage")
    frame = program_table(programs)
    for row in matrix.rows:
        for col in matrix.cols:
            table = cell_table(frame, matrix, row, col)
            assert set(table["program_id"]) == set(matrix.cell(row, col).program_ids)
            assert list(table.columns) == list(frame.columns)


def test_reach_table_drops_other_places_and_says_scope_reason_and_phase(programs) -> None:
    found = reach(programs, "경상북도", "김천시")
    by_id = {p.program_id: p for p in programs}
    table = reach_table(program_table(programs), found, by_id)
    out = {pid for pid, s in found.scope.items() if s == "out"}
    assert out and set(table["program_id"]) == set(by_id) - out
    for _, row in table.iterrows():
        pid = row["program_id"]
        assert row["범위"] == found.label(found.scope[pid])
        assert row["지역 판정"] == found.reasons[pid]
        assert row["국면"] == (phase_of(by_id[pid]) or "유형 미상")
    scopes = dict(zip(table["사업명"], table["범위"], strict=True))
    assert scopes["김천시 창업 공간 지원"] == "김천시 사업"
    assert "서울 창업허브" not in scopes
