"""The year-comparison use case's tables (usecases/diff.py): what the 연도 비교 page shows and
draws is the engine's comparison, row for row."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from graph.diff import RELATION_LABELS, NoticeDiff, diff_catalogues, lineage_rows
from graph.diff_export import BUDGET_COLUMNS, budget_rows, group_rows
from loaders.catalogue import load_files
from tests.test_diff import HEADER, NEW, OLD
from usecases.diff import (
    budget_table,
    excluded_table,
    group_table,
    lineage_table,
    link_name,
    moves_table,
    waterfall_table,
)


@pytest.fixture
def diff(make_csv: Callable[..., Path]) -> NoticeDiff:
    old = load_files([make_csv(OLD, "notice_2025.csv")])
    new = load_files([make_csv(NEW, "notice_2026.csv")])
    return diff_catalogues(old, new)


def test_lineage_table_keeps_the_chosen_relations(diff) -> None:
    everything = lineage_table(diff)
    assert len(everything) == len(lineage_rows(diff))
    renamed = lineage_table(diff, ["renamed", "new"])
    assert set(renamed["관계"]) == {RELATION_LABELS["renamed"], RELATION_LABELS["new"]}
    assert len(renamed) == sum(
        r[0] in {RELATION_LABELS["renamed"], RELATION_LABELS["new"]} for r in lineage_rows(diff)
    )


def test_waterfall_table_stacks_the_steps(diff) -> None:
    steps = diff.waterfall()
    wf = waterfall_table(diff)
    assert list(wf["단계"]) == [s.label for s in steps]
    assert list(wf["금액(억원)"]) == [s.amount for s in steps]
    assert wf["종류"].iloc[0] == wf["종류"].iloc[-1] == "합계"
    # Each change bar starts where the running total stood; the last total ends at the new sum.
    assert wf["끝"].iloc[-1] == diff.new.budget_eok
    for i in range(1, len(wf) - 1):
        kind = "증가" if steps[i].amount >= 0 else "감소"
        assert wf["종류"].iloc[i] == kind


def test_moves_table_lists_budget_changes_smallest_first(diff) -> None:
    moves = moves_table(diff)
    expected = sorted(
        (link.budget_change, link_name(diff, link))
        for link in diff.links
        if link.budget_change is not None
    )
    assert sorted(zip(moves["증감(억원)"], moves["사업"], strict=True)) == expected
    assert list(moves["증감(억원)"]) == sorted(moves["증감(억원)"])
    assert "스마트공장 구축 지원" in set(moves["사업"])


def test_moves_table_is_empty_with_its_columns_when_no_budget_moves(make_csv) -> None:
    # SYNTHETIC TEST DATA: one program, no budget stated in either year.
    row = "중앙부처,중소벤처기업부,전국,예비창업패키지,사업화,,{}"
    old = load_files([make_csv(HEADER + row.format(2025), "notice_2025.csv")])
    new = load_files([make_csv(HEADER + row.format(2026), "notice_2026.csv")])
    frame = moves_table(diff_catalogues(old, new))
    assert frame.empty and list(frame.columns) == ["사업", "증감(억원)", "관계"]


def test_budget_and_group_tables_are_the_export_rows(diff) -> None:
    table = budget_table(diff)
    rows = budget_rows(diff)
    assert list(table.columns) == [c.header for c in BUDGET_COLUMNS]
    assert table.iloc[:, 0].tolist() == [r[0] for r in rows]
    assert len(table) == len(rows)
    tables = group_table(diff, "ministry", "소관 부처·시·도")
    groups = group_rows(diff, "ministry")
    assert tables.frame.columns[0] == "소관 부처·시·도"
    assert list(tables.frame["소관 부처·시·도"]) == [r[0] for r in groups]
    with_change = [r for r in groups if r[5] is not None]
    assert list(tables.chart["표시"]) == [f"{r[0]} (예산 명시 {r[6]}→{r[7]})" for r in with_change]


def test_excluded_table_names_each_side(diff) -> None:
    table = excluded_table(diff)
    assert len(table) == len(diff.excluded_old) + len(diff.excluded_new)
    assert list(table.columns) == ["데이터", "사업명", "구분", "지역", "예산(억원)"]
    assert ("새", "김해 창업보육센터 운영") in set(
        zip(table["데이터"], table["사업명"], strict=True)
    )
