"""Excel/CSV exports: safe in Excel (no formulas, BOM, legal characters) and readable."""

from __future__ import annotations

import csv
import io
from types import SimpleNamespace

import openpyxl
import pytest

from graph.export import (
    duplicates_to_csv,
    duplicates_to_excel,
    roadmap_rows,
    roadmap_to_csv,
    roadmap_to_excel,
)
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

ROADMAP = {
    "steps": [
        {
            "phase": "기술개발(R&D)",
            "program_id": "r1",
            "name": "창업성장기술개발",
            "institution": "중소벤처기업부",
            "available_from": "창업 후",
            "why": "업력 7년 이내",
        },
        {
            "phase": "사업화",
            "program_id": "c1",
            "name": "예비창업패키지",
            "institution": "중소벤처기업부",
            "available_from": "2026-03",
            "why": "예비창업자 대상",
        },
        {
            "phase": "판로·투자·융자",
            "program_id": "g1",
            "name": '=HYPERLINK("http://evil","클릭")',
            "institution": "@악성\x07기관",
            "available_from": "",
            "why": "+위험한 설명",
        },
    ],
    "gaps": [
        {
            "phase": "글로벌",
            "reason": "자격을 충족하는 사업이 없습니다",
            "near_miss": {
                "program_id": "n1",
                "name": "해외진출 바우처",
                "failed": ["업력 3년 이상"],
            },
        }
    ],
    "assumptions": ["창업일은 2027-01-01로 가정"],
}
PROFILE = {
    "pre_founding": True,
    "founded": None,
    "ceo_age": 29,
    "region": "서울",
    "fields": ["인공지능"],
}


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


def test_roadmap_rows_follow_phase_order_with_gaps_after_steps() -> None:
    rows = roadmap_rows(ROADMAP, PROGRAMS)
    phases = [r[1] for r in rows]
    assert phases == ["기술개발(R&D)", "사업화", "판로·투자·융자", "글로벌"]
    assert [r[0] for r in rows] == [1, 2, 3, 4]
    gap = rows[-1]
    assert gap[2] == "공백"
    assert "해외진출 바우처" in gap[11] and "업력 3년 이상" in gap[11]


def _workbook(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def test_excel_roadmap_has_three_formatted_sheets() -> None:
    wb = _workbook(roadmap_to_excel(ROADMAP, PROGRAMS, PROFILE, dataset_label="내장 데이터"))
    assert wb.sheetnames == ["로드맵", "사업 상세", "가정·프로필"]
    ws = wb["로드맵"]
    assert ws.freeze_panes == "A2"
    assert ws["A1"].font.bold and ws["A1"].fill.fgColor.rgb.endswith("1F4E78")
    assert ws.column_dimensions["D"].width > 10
    assert ws["K2"].alignment.wrap_text
    # Program names link to their page.
    link_cells = [c for c in ws["D"][1:] if c.hyperlink]
    assert link_cells and link_cells[0].hyperlink.target.startswith("https://www.k-startup.go.kr")
    assert ws.auto_filter.ref.startswith("A1:")


def test_excel_cells_that_look_like_formulas_stay_text() -> None:
    wb = _workbook(roadmap_to_excel(ROADMAP, PROGRAMS, PROFILE))
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str) and cell.value[:1] in "=+-@":
                    assert cell.quotePrefix, (ws.title, cell.coordinate)
    names = [c.value for c in wb["로드맵"]["D"]]
    assert '=HYPERLINK("http://evil","클릭")' in names  # shown as typed, not run


def test_excel_strips_control_characters() -> None:
    wb = _workbook(roadmap_to_excel(ROADMAP, PROGRAMS, PROFILE))
    values = [c.value for row in wb["로드맵"].iter_rows() for c in row]
    assert "@악성기관" in values


def test_excel_details_and_profile_sheets() -> None:
    wb = _workbook(roadmap_to_excel(ROADMAP, PROGRAMS, PROFILE, generated_at="2026-02-01T09:00"))
    details = wb["사업 상세"]
    ids = [c.value for c in details["A"][1:]]
    assert ids == ["r1", "c1", "g1", "n1"]  # steps, then the near miss
    header = [c.value for c in details[1]]
    assert "출처" in header and "지원대상" in header
    assert details.cell(row=2, column=8).value == 7864.0  # budget stays a number
    prof = {r[1].value: r[2].value for r in wb["가정·프로필"].iter_rows(min_row=2)}
    assert prof["대표자 만 나이"] == 29
    assert prof["소재지 (시·도)"] == "서울"
    assert prof["예비창업자 (사업자 등록 전)"] == "예"
    assert prof["1"] == "창업일은 2027-01-01로 가정"
    assert prof["작성 시각"] == "2026-02-01T09:00"


def test_csv_roadmap_is_utf8_with_bom_and_neutralised() -> None:
    data = roadmap_to_csv(ROADMAP, PROGRAMS, PROFILE)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:4] == ["순서", "단계", "구분", "사업명"]
    flat = [v for r in rows[1:] for v in r]
    assert '\'=HYPERLINK("http://evil","클릭")' in flat
    assert "'+위험한 설명" in flat
    assert "'@악성기관" in flat
    assert not any(v.startswith(("=", "+", "@")) for v in flat)


def test_roadmap_accepts_an_object_with_to_dict_and_assumptions() -> None:
    obj = SimpleNamespace(
        to_dict=lambda: {"steps": ROADMAP["steps"], "gaps": []}, assumptions=("가정 A",)
    )
    wb = _workbook(roadmap_to_excel(obj, PROGRAMS, PROFILE))
    values = [c.value for c in wb["가정·프로필"]["C"]]
    assert "가정 A" in values


def test_empty_roadmap_still_writes_headers() -> None:
    wb = _workbook(roadmap_to_excel({"steps": [], "gaps": []}, PROGRAMS, {}))
    assert wb["로드맵"].max_row == 1
    assert (
        roadmap_to_csv({"steps": [], "gaps": []}, PROGRAMS).decode("utf-8-sig").startswith("순서")
    )


DUPS = SimpleNamespace(
    pairs=[
        SimpleNamespace(
            a_id="c1",
            b_id="g1",
            score=81.5,
            breakdown={"name": 90.0, "content": 70.0, "target": 80.0, "type": 100.0, "stage": 50.0},
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


def test_gap_sits_between_the_steps_of_neighbouring_phases() -> None:
    data = {
        "steps": [s for s in ROADMAP["steps"] if s["phase"] != "글로벌"],
        "gaps": [{"phase": "보육·멘토링", "reason": "없음", "near_miss": None}],
    }
    assert [r[1] for r in roadmap_rows(data, PROGRAMS)] == [
        "기술개발(R&D)",
        "사업화",
        "보육·멘토링",
        "판로·투자·융자",
    ]


def test_engine_roadmap_object_exports() -> None:
    from datetime import date

    from graph.path import Gap, NearMiss, Roadmap, Step
    from graph.profile import FirmProfile

    profile = FirmProfile(
        founded=date(2024, 5, 1), as_of=date(2026, 3, 1), ceo_age=34, region="서울"
    )
    roadmap = Roadmap(
        steps=[
            Step("사업화", "c1", "예비창업패키지", "", date(2026, 3, 1), "지금 신청 가능", "maybe")
        ],
        gaps=[
            Gap(
                "글로벌",
                "해당 사업 없음",
                NearMiss("n1", "해외진출 바우처", "", "years", "업력 3년 이상"),
            )
        ],
        assumptions=["예비창업자는 1년 뒤 창업한다고 가정"],
        profile=profile,
    )
    wb = _workbook(roadmap_to_excel(roadmap, PROGRAMS, profile))
    first = [c.value for c in wb["로드맵"][2]]
    assert first[3] == "예비창업패키지" and first[4] == "중소벤처기업부"  # blank institution filled
    assert first[7] == "2026-03-01" and first[9] == "확인 필요"
    gap = [c.value for c in wb["로드맵"][3]]
    assert gap[2] == "공백" and "업력 3년 이상" in gap[11]
    prof = {r[1].value: r[2].value for r in wb["가정·프로필"].iter_rows(min_row=2)}
    assert prof["창업일 (개업일)"] == "2024-05-01" and prof["기준일"] == "2026-03-01"
    assert "예비창업자는 1년 뒤 창업한다고 가정" in prof.values()
