"""Duplicate exports and the shared cell rules: safe in Excel (no formulas, BOM, legal characters).

The roadmap workbook is tested in tests/test_roadmap_export.py.
"""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest

from graph.duplicates import DuplicateResult, Pair
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


DUPS = DuplicateResult(
    pairs=[
        Pair(
            "c1",
            "g1",
            81.5,
            {"name": 90.0, "content": 70.0, "target": 80.0, "type": 100.0, "stage": 50.0},
        )
    ],
    clusters=[["c1", "g1"]],
)


def test_duplicates_excel_has_pairs_clusters_and_tables() -> None:
    import pandas as pd

    table = pd.DataFrame(
        [[1, 2], [2, 0]],
        index=pd.Index(["중기부", "문체부"], name="부처"),
        columns=["중기부", "문체부"],
    )
    wb = _workbook(duplicates_to_excel(DUPS, PROGRAMS, tables={"부처×부처": table}))
    assert wb.sheetnames == ["중복 쌍", "군집", "부처×부처"]
    pair = [c.value for c in wb["중복 쌍"][2]]
    assert pair[0] == 81.5 and pair[1] == "예비창업패키지" and pair[10] == 1
    cluster = [c.value for c in wb["군집"][2]]
    assert cluster[:2] == [1, 2] and cluster[3] == 491.0
    assert [c.value for c in wb["부처×부처"][2]] == ["중기부", 1, 2]


def test_duplicates_csv_is_neutralised() -> None:
    text = duplicates_to_csv(DUPS, PROGRAMS).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1][3].startswith("'=")
