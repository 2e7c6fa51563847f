"""Spreadsheet loader: each layout feature on a small hand-made file, and the accounting rule."""

from __future__ import annotations

import re

import pytest

from loaders.errors import LoadError
from loaders.report import LoadReport
from loaders.spreadsheet.load import load_bytes, load_path
from tests.conftest import FIXTURES

HEADER = ["사업명", "소관부처", "지원유형", "예산(억원)", "지원대상"]


def _load(path):
    programs, report = load_path(path)
    assert report.balanced, report.accounting_line()
    return programs, report


def _reasons(report: LoadReport, kind: str) -> list[str]:
    return [i.reason for i in report.of_kind(kind)]


# --------------------------------------------------------------------------- header detection


def test_header_found_under_title_rows_and_titles_are_accounted_for():
    programs, report = _load(FIXTURES / "notice_2024_layout.csv")
    assert [p.name for p in programs] == [
        "예비창업패키지",
        "초기창업패키지",
        "창업도약패키지",
        "예비초기 관광벤처",
    ]
    assert report.sheets[0].header_rows == [4]
    skipped_rows = [i.row for i in report.skipped]
    assert skipped_rows[:3] == [1, 2, 3]
    assert report.rows_read == 9  # 10 lines minus the header row


def test_year_read_from_title_row():
    programs, _ = _load(FIXTURES / "notice_2024_layout.csv")
    assert {p.year for p in programs} == {2024}


def test_two_row_merged_header_maps_sub_columns(make_xlsx):
    path = make_xlsx(
        {
            "공고": [
                ["번호", "사업명", "소관부처", "지원 내용", None, "예산"],
                [None, None, None, "지원대상", "지원내용", "(억원)"],
                [1, "A 창업지원", "중소벤처기업부", "예비창업자", "사업화 자금", 10],
            ]
        },
        merges={"공고": ["D1:E1", "A1:A2", "B1:B2", "C1:C2"]},
    )
    programs, report = _load(path)
    mapping = {m.field: m.header for m in report.sheets[0].mapping if m.field}
    assert mapping["target"] == "지원 내용 / 지원대상"
    assert mapping["content"] == "지원 내용 / 지원내용"
    assert programs[0].target_text == "예비창업자"
    assert programs[0].content_text == "사업화 자금"
    assert programs[0].budget_eok == 10


def test_unit_from_second_header_row(make_xlsx):
    path = make_xlsx(
        {
            "s": [
                ["사업명", "지원유형", "예산"],
                [None, None, "(백만원)"],
                ["A 사업", "사업화", 1234],
            ]
        }
    )
    programs, _ = _load(path)
    assert programs[0].budget_eok == pytest.approx(12.34)


# --------------------------------------------------------------------------- fill-down


def test_grouping_column_filled_down_in_csv():
    programs, report = _load(FIXTURES / "notice_2024_layout.csv")
    assert [p.ministry for p in programs] == ["중소벤처기업부"] * 3 + ["문화체육관광부"]
    assert all(p.level == "중앙부처" for p in programs)
    assert any("위 값으로 채웠습니다" in n for n in report.sheets[0].notes)


def test_merged_ministry_cells_in_xlsx_fill_the_group(make_xlsx):
    rows = [
        HEADER,
        ["A 사업", "중소벤처기업부", "사업화", 1, ""],
        ["B 사업", None, "사업화", 2, ""],
    ]
    path = make_xlsx({"s": rows}, merges={"s": ["B2:B3"]})
    programs, report = _load(path)
    assert [p.ministry for p in programs] == ["중소벤처기업부", "중소벤처기업부"]
    assert any("병합된 셀" in n for n in report.sheets[0].notes)


def test_repeated_values_with_blanks_are_not_filled_down(make_csv):
    """A column that repeats its values is an ordinary column: a blank there means unknown."""
    text = "사업명,지역\nA,서울\nB,서울\nC,\nD,경기\n"
    programs, _ = _load(make_csv(text))
    assert [p.region for p in programs] == ["서울", "서울", "", "경기"]


# --------------------------------------------------------------------------- budgets and units


@pytest.mark.parametrize(
    ("header", "cell", "expected"),
    [
        ("예산(억원)", "10", 10.0),
        ("예산(백만원)", "1,234", 12.34),
        ("예산", "10억원", 10.0),
        ("예산", "500(백만원)", 5.0),
        ("사업비(천원)", "500,000", 5.0),
        ("예산", "1조 2,000억원", 12000.0),
    ],
)
def test_budget_units(make_csv, header, cell, expected):
    programs, _ = _load(make_csv(f'사업명,{header}\nA,"{cell}"\n'))
    assert programs[0].budget_eok == pytest.approx(expected)


@pytest.mark.parametrize("cell", ["미정", "-", "별도"])
def test_budget_placeholders_become_missing_with_warning(make_csv, cell):
    programs, report = _load(make_csv(f"사업명,예산(억원)\nA,{cell}\n"))
    assert programs[0].budget_eok is None
    warning = report.warnings[0]
    assert (warning.row, warning.column, warning.value) == (2, "예산(억원)", cell)


def test_budget_without_any_unit_is_read_as_eok_with_one_note(make_csv):
    programs, report = _load(make_csv("사업명,예산\nA,3\nB,4\n"))
    assert [p.budget_eok for p in programs] == [3, 4]
    assert sum("단위가 없어 억원" in n for n in report.sheets[0].notes) == 1


# --------------------------------------------------------------------------- encodings


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp949"])
def test_csv_encodings_detected(make_csv, encoding):
    programs, report = _load(
        make_csv("사업명,지원대상\n청년창업사관학교,만 39세 이하\n", encoding=encoding)
    )
    assert programs[0].name == "청년창업사관학교"
    assert report.encodings["notice.csv"] == ("cp949" if encoding == "cp949" else "utf-8-sig")


def test_full_width_characters_and_trailing_spaces_are_normalised(make_csv):
    programs, _ = _load(make_csv("사업명 ,지원유형\n  ＡＩ 창업지원　 ,사업화 \n"))
    assert programs[0].name == "AI 창업지원"
    assert programs[0].support_type == "사업화"


# --------------------------------------------------------------------------- row classification


def test_subtotal_footnote_and_blank_rows_are_skipped_with_reason():
    _, report = _load(FIXTURES / "notice_2024_layout.csv")
    reasons = _reasons(report, "skipped")
    assert any(r.startswith("소계/합계 행") for r in reasons)
    assert any(r.startswith("각주/설명 행") for r in reasons)
    assert any(r == "빈 행" for r in reasons)


@pytest.mark.parametrize("label", ["합계", "계", "총계", "소 계"])
def test_total_labels(make_csv, label):
    programs, report = _load(make_csv(f"사업명,예산(억원)\nA,1\n{label},1\n"))
    assert len(programs) == 1
    assert report.skipped[0].reason.startswith("소계/합계 행")


def test_row_without_name_is_rejected_with_location(make_csv):
    programs, report = _load(make_csv("사업명,지원유형,예산(억원)\nA,사업화,1\n,사업화,2\n"))
    assert len(programs) == 1
    issue = report.rejected[0]
    assert (issue.file, issue.row, issue.column) == ("notice.csv", 3, "사업명")
    assert "사업명" in issue.reason


def test_identical_duplicate_row_is_skipped_and_conflicting_one_rejected(make_csv):
    text = "사업명,소관부처,예산(억원)\nA,중기부,1\nA,중기부,1\nA,중기부,2\n"
    programs, report = _load(make_csv(text))
    assert len(programs) == 1
    assert report.skipped[0].reason.startswith("중복 행")
    assert "내용이 다릅니다" in report.rejected[0].reason


def test_repeated_header_row_is_skipped(make_csv):
    programs, report = _load(make_csv("사업명,지원유형\nA,사업화\n사업명,지원유형\nB,사업화\n"))
    assert [p.name for p in programs] == ["A", "B"]
    assert report.skipped[0].reason == "표 머리글이 반복된 행"


# --------------------------------------------------------------------------- header mapping


def test_known_variants_and_fuzzy_headers_are_reported(make_csv):
    text = "지원사업명칭,신청 자격,비고\nA,예비창업자,x\n"
    programs, report = _load(make_csv(text))
    by_header = {m.header: m for m in report.sheets[0].mapping}
    assert by_header["지원사업명칭"].field == "name"
    assert by_header["지원사업명칭"].method == "fuzzy"
    assert by_header["신청 자격"].field == "target"
    assert by_header["신청 자격"].method == "exact"
    assert by_header["비고"].field is None
    assert programs[0].target_text == "예비창업자"


def test_file_without_name_column_fails_listing_headers(make_csv):
    with pytest.raises(LoadError) as err:
        load_path(make_csv("기관,금액\nA,1\n"))
    assert "'기관'" in str(err.value)
    assert "'금액'" in str(err.value)
    assert "사업명" in str(err.value)


def test_unknown_support_type_is_kept_and_reported(make_csv):
    programs, report = _load(make_csv("사업명,지원유형\nA,바우처\nB,R&D\n"))
    assert [p.support_type for p in programs] == ["바우처", "기술개발(R&D)"]
    assert report.warnings[0].value == "바우처"


# --------------------------------------------------------------------------- workbooks and bad files


def test_every_program_sheet_is_loaded_and_others_noted(make_xlsx):
    path = make_xlsx(
        {
            "안내": [["2026년 통합공고 안내"], ["문의: 1357"]],
            "중앙부처": [["사업명", "소관부처"], ["A", "중소벤처기업부"]],
            "지자체": [["사업명", "지자체"], ["B", "김천시"]],
        }
    )
    programs, report = _load(path)
    assert [(p.name, p.level) for p in programs] == [("A", "중앙부처"), ("B", "기초")]
    assert report.ignored_sheets[0]["sheet"] == "안내"
    assert programs[1].region == "경북"


def test_sheet_name_gives_level_when_no_column_does(make_xlsx):
    path = make_xlsx({"지자체 사업": [["사업명", "지원유형"], ["A", "사업화"]]})
    programs, _ = _load(path)
    assert programs[0].level == "지자체"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "빈 파일"),
        (b"PK\x03\x04garbage", "열 수 없습니다"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "암호로 보호된"),
        (b"\x00\x01\x02binary", "엑셀(.xlsx) 파일이 아닙니다"),
    ],
)
def test_bad_files_fail_with_clear_message(content, message):
    with pytest.raises(LoadError, match=re.escape(message)):
        load_bytes(content, "bad.xlsx")


def test_xlsx_that_is_really_csv_is_read_as_csv():
    programs, report = load_bytes("사업명\nA\n".encode(), "renamed.xlsx")
    assert programs[0].name == "A"
    assert any("내용은 CSV" in n for n in report.notes)


def test_size_and_row_guards(make_csv):
    with pytest.raises(LoadError, match="너무 큽니다"):
        load_bytes(b"x" * 200, "big.csv", max_bytes=100)
    with pytest.raises(LoadError, match="행이 너무 많습니다"):
        load_bytes(("사업명\n" + "A\n" * 20).encode(), "long.csv", max_rows=10)


# --------------------------------------------------------------------------- records


def test_program_id_ignores_spacing_and_year_prefix(make_csv):
    a, _ = _load(make_csv("사업명,소관부처\n2026년 예비창업패키지,중소벤처기업부\n", name="a.csv"))
    b, _ = _load(make_csv("사업명,소관부처\n예비 창업 패키지,중소벤처기업부\n", name="b.csv"))
    assert a[0].program_id == b[0].program_id


def test_provenance_names_file_sheet_and_row(make_xlsx):
    path = make_xlsx({"중앙": [["제목"], ["사업명", "출처"], ["A", "https://example.org/a"]]})
    programs, _ = _load(path)
    src = programs[0].source
    assert (src.file, src.sheet, src.row, src.citation) == (
        "notice.xlsx",
        "중앙",
        3,
        "https://example.org/a",
    )


@pytest.mark.parametrize(
    ("written", "official"),
    [
        ("서울시", "서울특별시"),
        ("경기", "경기도"),
        ("전라북도", "전북특별자치도"),
        ("광주시", "광주시"),
    ],
)
def test_sido_institution_spellings_become_one_official_name(make_csv, written, official):
    programs, _ = _load(make_csv(f"사업명,구분,소관부처·지자체\nA,지자체,{written}\n"))
    assert programs[0].institution == official
