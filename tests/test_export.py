"""Duplicate exports and the shared cell rules: safe in Excel (no formulas, BOM, legal characters).

The roadmap workbook is tested in tests/test_roadmap_export.py.
"""

from __future__ import annotations

import csv
import io
from typing import Any

import openpyxl
import pytest

from graph.export import duplicates_to_csv, duplicates_to_excel
from graph.sheets import neutralise, safe_sheet_title
from loaders.model import Program, Source
from tests.test_search import prog as make_program


def prog(pid: str, name: str, **kw: object) -> Program:
    """A program with a K-Startup URL and a source, as the exports show them."""
    base: dict[str, object] = {
        "url": f"https://www.k-startup.go.kr/x?id={pid}",
        "source": Source(file="notice_2026.csv", row=2, citation="K-Startup 사업소개"),
    }
    base.update(kw)
    return make_program(pid, name, **base)


PROGRAMS = [
    prog("r1", "창업성장기술개발", support_type="기술개발(R&D)", budget_eok=7864.0),
    prog("c1", "예비창업패키지", budget_eok=491.0, content_text="- 사업화 자금 최대 1억원"),
    prog("g1", '=HYPERLINK("http://evil","클릭")', institution="@악성\x07기관"),
    prog("n1", "해외진출 바우처", support_type="글로벌 진출"),
]


@pytest.mark.parametrize("text", ["=1+2", "+82-10", "-3", "@SUM(A1)", "\tx", "\rx"])
def test_neutralise_prefixes_formula_like_text(text: str) -> None:
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("value", ["예비창업패키지", "a=b", 12, 3.5, None])
def test_neutralise_leaves_other_values_alone(value: object) -> None:
    assert neutralise(value) == value


def test_sheet_titles_are_cut_and_cleaned() -> None:
    assert safe_sheet_title("a/b:c*d?e[f]g\\h") == "a b c d e f g h"
    assert len(safe_sheet_title("가" * 40)) == 31
    assert safe_sheet_title("[]") == "Sheet"


def _workbook(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def _dups() -> Any:
    from graph.duplicates import RELATIONS, find_duplicates

    return find_duplicates(PROGRAMS + DUP_EXTRA, 50, relations=RELATIONS)


# A hostile copy of 예비창업패키지 in the same ministry, and a local copy in 김천시.
DUP_EXTRA = [
    prog("c2", '=HYPERLINK("http://evil","예비창업패키지")', budget_eok=12.0,
         content_text="- 사업화 자금 최대 1억원"),
    prog("l1", "예비창업패키지", level="기초", institution="김천시", region="경북", ministry="경북",
         content_text="- 사업화 자금 최대 1억원"),
]  # fmt: skip


def test_duplicates_excel_has_every_view_and_the_tables() -> None:
    import pandas as pd

    table = pd.DataFrame(
        [[1, 2], [2, 0]],
        index=pd.Index(["중기부", "문체부"], name="부처"),
        columns=["중기부", "문체부"],
    )
    wb = _workbook(duplicates_to_excel(_dups(), PROGRAMS + DUP_EXTRA, tables={"부처×부처": table}))
    assert wb.sheetnames == [
        "중복(예산순)", "지역판", "지역 간 복제", "단계 사다리", "지역 미상 쌍", "부처×부처",
    ]  # fmt: skip
    header = [c.value for c in wb["중복(예산순)"][1]]
    rows = [[c.value for c in r] for r in wb["중복(예산순)"].iter_rows(min_row=2)]
    relation = header.index("관계")
    assert {r[relation] for r in rows} == {"중복", "지역판"}
    stake = header.index("중복 가능 예산(억원)")
    assert rows[0][stake] == 12.0  # the known stake ranks first
    local = [[c.value for c in r] for r in wb["지역판"].iter_rows(min_row=2)]
    assert sorted((r[0], r[3], r[4]) for r in local) == [
        ('=HYPERLINK("http://evil","예비창업패키지")', "경북", "예비창업패키지"),
        ("예비창업패키지", "경북", "예비창업패키지"),
    ]
    assert [c.value for c in wb["부처×부처"][2]] == ["중기부", 1, 2]


def test_duplicates_csv_is_neutralised() -> None:
    from graph.export import duplicate_view_csv

    for view in ("overlaps", "local_copies"):
        text = duplicate_view_csv(view, _dups(), PROGRAMS + DUP_EXTRA).decode("utf-8-sig")
        cells = [c for row in csv.reader(io.StringIO(text)) for c in row]
        assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)
    text = duplicates_to_csv(_dups(), PROGRAMS + DUP_EXTRA).decode("utf-8-sig")
    assert "'=HYPERLINK" in text
