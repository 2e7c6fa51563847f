"""Regenerate the bad-input corpus and its expectations: ``python tests/corpus/make_corpus.py``.

Every file here is synthetic test input (hand-designed layouts, made-up program names marked
"테스트", seeded random noise), never shown as real data. Each case is written next to the
outcome a person stated for it, and ``expected.json`` is written from those statements — never
from what the loader happens to return — so ``tests/test_corpus.py`` checks the loader against
them. Workbooks are written with fixed timestamps, so regenerating changes no byte unless a
case changed.

Keys of an expectation: ``error`` (a LoadError whose message contains this), else the
accounting (``rows_read`` = ``loaded`` + ``skipped`` + ``rejected``), ``suspicious`` (loaded
rows that look like noise) and optional details: ``budgets``, ``parts``, ``names``,
``ministries``, ``levels``, ``header_rows``, ``mapping``, ``skip_reasons``, ``warning_values``,
``warning_cells``, ``rejected_cells``, ``suspicious_rows``, ``flags`` (how many totals exceed
the published ones), ``note`` / ``no_note`` (text that must / must not appear in the notes),
``ignored_sheets`` and ``encoding``.
"""

from __future__ import annotations

import io
import json
import random
import re
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl

HERE = Path(__file__).resolve().parent
_FIXED = datetime(2026, 1, 1)
EXPECTED: dict[str, dict[str, Any]] = {}
_WRITERS: dict[str, Callable[[], bytes]] = {}


def case(name: str, **expected: Any) -> Callable[[Callable[[], bytes]], Callable[[], bytes]]:
    """Register a corpus file: the function returns its bytes, ``expected`` its outcome."""

    def register(writer: Callable[[], bytes]) -> Callable[[], bytes]:
        assert name not in _WRITERS, name
        _WRITERS[name] = writer
        EXPECTED[name] = expected
        return writer

    return register


def counts(rows_read: int, loaded: int, skipped: int = 0, rejected: int = 0, suspicious: int = 0):
    """The accounting of a file that loads (checked: loaded + skipped + rejected = rows read)."""
    assert loaded + skipped + rejected == rows_read
    return {
        "rows_read": rows_read,
        "loaded": loaded,
        "skipped": skipped,
        "rejected": rejected,
        "suspicious": suspicious,
    }


def _steady_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed entry times so a regenerated workbook is byte-identical."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the save time here
                content = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2026-01-01T00:00:00Z", content
                )
            dst.writestr(fixed, content)
    return out.getvalue()


def xlsx(
    sheets: dict[str, list[list[object]]], merges: dict[str, list[str]] | None = None
) -> bytes:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    wb.properties.created = wb.properties.modified = _FIXED
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
        for rng in (merges or {}).get(title, []):
            ws.merge_cells(rng)
    buf = io.BytesIO()
    wb.save(buf)
    return _steady_zip(buf.getvalue())


def text(body: str, encoding: str = "utf-8") -> bytes:
    return body.encode(encoding)


# ----------------------------------------------------------------------- files that cannot load


@case("empty_workbook.xlsx", error="사업명 열이 있는 표를 찾지 못했습니다")
def _() -> bytes:
    return xlsx({"Sheet1": []})


@case("title_only.xlsx", error="첫 행에서 본 머리글: '2026년 창업지원사업 통합공고'")
def _() -> bytes:
    return xlsx({"공고": [["2026년 창업지원사업 통합공고"]]})


@case("zip_not_xlsx.xlsx", error="엑셀(.xlsx) 파일을 열 수 없습니다")
def _() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(zipfile.ZipInfo("readme.txt", (2026, 1, 1, 0, 0, 0)), "not a workbook")
    return buf.getvalue()


@case("password_protected.xlsx", error="암호로 보호된 통합문서")
def _() -> bytes:
    # An encrypted workbook is an OLE2 compound file; the header is what the loader checks.
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


@case("corrupt_truncated.xlsx", error="손상되었거나 xlsx 형식이 아닙니다")
def _() -> bytes:
    return xlsx({"s": [["사업명"], ["테스트"]]})[:400]


@case("empty_file.csv", error="빈 파일입니다 (0바이트)")
def _() -> bytes:
    return b""


@case("binary_named_csv.csv", error="텍스트(CSV) 파일이 아닙니다")
def _() -> bytes:
    return bytes(random.Random(1).randrange(256) for _ in range(256)) + b"\x00" * 16


@case("unknown_encoding.csv", error="문자 인코딩을 알 수 없습니다")
def _() -> bytes:
    return "사업명\n".encode() + b"\xff\xfe\xff\n"


@case("no_name_column.csv", error="'기관', '금액'")
def _() -> bytes:
    return text("기관,금액\n테스트부,1\n")


# ----------------------------------------------------------------------- layouts


@case(
    "header_row5_merged_title.xlsx",
    **counts(6, 2, 4),
    header_rows=[5],
    budgets=[15.0, 25.0],
    note="병합된 셀",
)
def _() -> bytes:
    return xlsx(
        {
            "통합공고": [
                ["2026년 중앙부처 및 지자체 창업지원사업 통합공고"],
                [None],
                ["(단위: 백만원)"],
                [None],
                ["번호", "소관부처", "사업명", "지원유형", "예산(백만원)", "지원대상"],
                [1, "테스트부", "테스트 창업지원 A", "사업화", 1500, "예비창업자"],
                [2, "테스트부", "테스트 창업지원 B", "R&D", 2500, "창업 3년 이내 기업"],
            ]
        },
        {"통합공고": ["A1:F1", "A3:F3"]},
    )


@case(
    "two_row_merged_header.xlsx",
    **counts(2, 2),
    header_rows=[1, 2],
    budgets=[12.0, 3.0],
    mapping={
        "소관 / 부처": "ministry",
        "소관 / 기관명": "institution",
        "지원내용 / 지원대상": "target",
        "지원내용": "content",
        "예산 / (억원)": "budget",
    },
)
def _() -> bytes:
    return xlsx(
        {
            "공고": [
                ["사업명", "소관", None, "지원내용", None, "예산"],
                [None, "부처", "기관명", "지원대상", "지원내용", "(억원)"],
                ["테스트 사업 A", "테스트부", "테스트원", "(예비)창업자", "사업화 자금", 12],
                ["테스트 사업 B", "테스트부", "테스트원", "만 39세 이하", "멘토링", 3],
            ]
        },
        {"공고": ["A1:A2", "B1:C1", "D1:E1"]},
    )


@case(
    "merged_ministry_groups.xlsx",
    **counts(5, 5),
    ministries=["테스트부", "테스트부", "테스트부", "테스트청", "테스트청"],
    note="병합된 셀 3개",
)
def _() -> bytes:
    return xlsx(
        {
            "중앙": [
                ["소관부처", "사업명", "예산(억원)"],
                ["테스트부", "테스트 사업 A", 1],
                [None, "테스트 사업 B", 2],
                [None, "테스트 사업 C", 3],
                ["테스트청", "테스트 사업 D", 4],
                [None, "테스트 사업 E", 5],
            ]
        },
        {"중앙": ["A2:A4", "A5:A6"]},
    )


@case(
    "csv_grouped_blanks_no_merge.csv",
    **counts(5, 5),
    ministries=["테스트부", "테스트부", "테스트부", "테스트청", "테스트청"],
    levels=["중앙부처"] * 5,
    note="위 값으로 채웠습니다",
    no_note="병합",
)
def _() -> bytes:
    # A notice with merged ministry cells saved as CSV: the label only on each group's first row.
    return text(
        "구분,소관부처,사업명\n중앙,테스트부,테스트 사업 A\n,,테스트 사업 B\n,,테스트 사업 C\n"
        ",테스트청,테스트 사업 D\n,,테스트 사업 E\n"
    )


@case(
    "csv_sparse_blanks_not_grouped.csv",
    **counts(5, 5),
    ministries=["테스트부", "테스트부", "", "테스트청", "테스트부"],
    no_note="채웠습니다",
)
def _() -> bytes:
    # Repeated values with one blank: an ordinary column with one unknown, not a group.
    return text(
        "소관부처,사업명\n테스트부,테스트 사업 A\n테스트부,테스트 사업 B\n,테스트 사업 C\n"
        "테스트청,테스트 사업 D\n테스트부,테스트 사업 E\n"
    )


@case(
    "multi_sheet_central_local.xlsx",
    **counts(4, 4),
    levels=["중앙부처", "중앙부처", "광역", "기초"],
    ignored_sheets=["참고"],
)
def _() -> bytes:
    return xlsx(
        {
            "중앙부처": [
                ["소관부처", "사업명"],
                ["테스트부", "테스트 사업 A"],
                ["테스트청", "테스트 사업 B"],
            ],
            "지자체": [
                ["기관명", "사업명"],
                ["경기도", "테스트 사업 C"],
                ["김천시", "테스트 사업 D"],
            ],
            "참고": [["작성 요령"], ["이 시트는 안내문입니다"]],
        }
    )


@case(
    "duplicate_across_sheets.xlsx",
    **counts(3, 2, 1),
    skip_reasons=["중복 행 — duplicate_across_sheets.xlsx · A 2행과 내용이 같습니다"],
)
def _() -> bytes:
    rows = [["소관부처", "사업명", "예산(억원)"], ["테스트부", "테스트 사업 A", 1]]
    return xlsx({"A": rows, "B": [*rows, ["테스트부", "테스트 사업 B", 2]]})


@case(
    "repeated_header_rows.csv",
    **counts(5, 3, 2),
    skip_reasons=["표 머리글이 반복된 행", "표 머리글이 반복된 행"],
)
def _() -> bytes:
    return text(
        "사업명,지원유형\n테스트 A,사업화\n사업명,지원유형\n테스트 B,보육\n사업명,지원유형\n"
        "테스트 C,R&D\n"
    )


@case("header_only.csv", **counts(0, 0))
def _() -> bytes:
    return text("사업명,지원유형,예산(억원)\n")


@case(
    "subtotals_footnotes.csv",
    **counts(8, 3, 5),
    skip_reasons=["소계/합계 행", "빈 행", "소계/합계 행", "각주/설명 행", "각주/설명 행"],
)
def _() -> bytes:
    return text(
        "소관부처,사업명,예산(억원)\n테스트부,테스트 사업 A,10\n테스트부,테스트 사업 B,20\n소계,,30\n"
        ",,\n테스트청,테스트 사업 C,5\n합계,,35\n※ 예산은 본예산 기준,,\n주: 테스트 각주,,\n"
    )


@case(
    "total_and_note_variants.csv",
    **counts(6, 2, 4),
    skip_reasons=["소계/합계 행", "소계/합계 행", "각주/설명 행", "각주/설명 행"],
)
def _() -> bytes:
    return text(
        "사업명,예산(억원)\n테스트 A,1\n소 계,1\n테스트 B,2\n총계,3\n* 예산은 잠정,\n비고: 테스트,\n"
    )


@case(
    "title_and_unit_rows.csv",
    **counts(4, 2, 2),
    header_rows=[3],
    budgets=[12.5, 0.5],
)
def _() -> bytes:
    return text(
        "2026년 테스트 통합공고,,\n(단위: 억원),,\n사업명,지원유형,예산(억원)\n"
        "테스트 A,사업화,12.5\n테스트 B,보육,0.5\n"
    )


# ----------------------------------------------------------------------- encodings and delimiters

_BASE = "사업명,지원대상\n테스트 청년창업,만 39세 이하 예비창업자\n테스트 여성창업,여성 창업자\n"


@case("utf8.csv", **counts(2, 2), encoding="utf-8-sig")
def _() -> bytes:
    return text(_BASE)


@case("utf8_bom.csv", **counts(2, 2), encoding="utf-8-sig")
def _() -> bytes:
    return text(_BASE, "utf-8-sig")


@case("cp949.csv", **counts(2, 2), encoding="cp949")
def _() -> bytes:
    return text(_BASE, "cp949")


@case("really_csv.xlsx", **counts(2, 2), note="내용은 CSV")
def _() -> bytes:
    return text(_BASE)


@case("xlsx_named_csv.csv", **counts(1, 1), note="내용은 xlsx")
def _() -> bytes:
    return xlsx({"s": [["사업명", "예산(억원)"], ["테스트 A", 3]]})


@case("semicolon_delimited.csv", **counts(2, 2), budgets=[1.5, 2.0])
def _() -> bytes:
    return text("사업명;예산(억원)\n테스트 A;1.5\n테스트 B;2\n")


@case("tab_delimited.csv", **counts(2, 2), names=["테스트 A", "테스트 B"])
def _() -> bytes:
    return text("사업명\t지원유형\n테스트 A\t사업화\n테스트 B\t보육\n")


@case(
    "crlf_quoted_newlines.csv",
    **counts(2, 2),
    names=["테스트 A", "테스트 B"],
    budgets=[24.0, None],
    warning_values=["(예산현황) 비예산 (지원규모) 10개사"],
)
def _() -> bytes:
    return text(
        '사업명,예산\r\n테스트 A,"(예산현황) 24억원\r\n(지원규모) 95개사"\r\n'
        '테스트 B,"(예산현황) 비예산\r\n(지원규모) 10개사"\r\n'
    )


@case(
    "spaces_fullwidth.csv",
    **counts(2, 2),
    names=["테스트 AI 창업지원", "테스트 B"],
    budgets=[10.0, 3.0],
)
def _() -> bytes:
    return text(
        "사업명 , 지원유형 ,예산（억원）\n  테스트　ＡＩ 창업지원  , 사업화 ,１０\n테스트 Ｂ\t,보육,  3 \n"
    )


@case("control_characters.csv", **counts(2, 2), names=["테스트 A", "테스트 B"])
def _() -> bytes:
    return text("사업명,지원유형\n테스트\x01 A,사업화\n테스트 \x0bB,보육\n")


@case(
    "header_variants_fuzzy.csv",
    **counts(1, 1),
    budgets=[5.0],
    mapping={"지원사업명": "name", "사업예산(백만원)": "budget", "신청 자격": "target"},
)
def _() -> bytes:
    return text("지원사업명,사업예산(백만원),신청 자격\n테스트 A,500,예비창업자\n")


# ----------------------------------------------------------------------- budgets


@case(
    "budget_variants.csv",
    **counts(8, 8),
    budgets=[10.0, 1234.0, 5.0, None, None, None, None, None],
    warning_values=["미정", "-", "-5억원", "999999억원", "별도"],
)
def _() -> bytes:
    return text(
        '사업명,예산\n테스트 A,10억원\n테스트 B,"1,234"\n테스트 C,500(백만원)\n테스트 D,미정\n'
        "테스트 E,-\n테스트 F,-5억원\n테스트 G,999999억원\n테스트 H,별도\n"
    )


@case(
    "budget_units_with_spaces.csv",
    **counts(6, 6),
    # 3,000 천원 = 300만원 = 0.03억원
    budgets=[8.5, 24.0, 0.03, 2.4, 0.555, 6.4],
    warning_values=[],
)
def _() -> bytes:
    return text(
        '사업명,예산\n테스트 A,850백만 원\n테스트 B,24 억원\n테스트 C,"3,000 천원"\n'
        "테스트 D,240백만 원 (군)\n테스트 E,55.5백만 원(시비)\n테스트 F,(예산현황) 640백만 원\n"
    )


@case(
    "budget_funding_parts.csv",
    **counts(4, 4),
    budgets=[18.0, 3.0, 3.0, 3.0],
    parts=[
        [["도비", 7.0], ["시비", 11.0]],
        [["도비", 2.0], ["시비", 1.0]],
        [["도비", 2.0], ["시비", 1.0]],
        [["도비", 2.0], ["시비", 2.0]],
    ],
    # the summed parts are shown; a stated total that disagrees with its parts is reported
    warning_values=["도비 2억, 시비 1억", "총 3억 (도비 2억, 시비 2억)"],
)
def _() -> bytes:
    return text(
        '사업명,예산\n테스트 A,"18억원(도비 7억, 시비 11억)"\n테스트 B,"도비 2억, 시비 1억"\n'
        '테스트 C,도비 2억 + 시비 1억 = 3억원\n테스트 D,"총 3억 (도비 2억, 시비 2억)"\n'
    )


@case(
    "budget_parts_under_unit_header.csv",
    **counts(1, 1),
    budgets=[3.0],
    parts=[[["도비", 2.0], ["시비", 1.0]]],
)
def _() -> bytes:
    return text('사업명,예산(억원)\n테스트 A,"도비 2, 시비 1"\n')


@case(
    "budget_years_and_counts.csv",
    **counts(4, 4),
    budgets=[12.0, None, None, 130.0],
    warning_values=["(지원규모) 40개사", "2026년"],
)
def _() -> bytes:
    return text(
        '사업명,예산\n테스트 A,"1,200백만원(\'26년)"\n테스트 B,(지원규모) 40개사\n테스트 C,2026년\n'
        "테스트 D,2026년 130억원\n"
    )


@case(
    "budget_glued_digits.csv",
    **counts(3, 3),
    budgets=[None, None, None],
    warning_values=["2197Gym", "Gym2197", "12가나"],
    warning_cells=["B2", "B3", "B4"],
)
def _() -> bytes:
    return text("사업명,예산\n테스트 A,2197Gym\n테스트 B,Gym2197\n테스트 C,12가나\n")


@case(
    "budget_placeholders.csv",
    **counts(5, 5),
    budgets=[None, None, None, None, None],
    warning_values=["비예산", "-", "미정", "해당없음"],
)
def _() -> bytes:
    return text(
        "사업명,예산(억원)\n테스트 A,비예산\n테스트 B,-\n테스트 C,미정\n테스트 D,해당없음\n테스트 E,\n"
    )


@case(
    "budget_compound_units.csv",
    **counts(4, 4),
    budgets=[12000.0, 3.5, 5.0, 0.05],
)
def _() -> bytes:
    return text(
        '사업명,예산\n테스트 A,"1조 2,000억원"\n테스트 B,3억 5천만원\n테스트 C,500(백만원)\n'
        "테스트 D,500 만 원\n"
    )


@case(
    "budget_bare_numbers.csv",
    **counts(2, 2),
    budgets=[3.0, 4.0],
    note="단위가 없어 억원으로 읽었습니다",
)
def _() -> bytes:
    return text("사업명,예산\n테스트 A,3\n테스트 B,4\n")


@case("budget_thousand_won_header.xlsx", **counts(2, 2), budgets=[5.0, 0.5])
def _() -> bytes:
    return xlsx({"s": [["사업명", "사업비(천원)"], ["테스트 A", 500_000], ["테스트 B", 50_000]]})


@case(
    "formulas_no_values.xlsx",
    **counts(3, 3),
    budgets=[1.0, 2.0, None],
    warning_values=["=SUM(B2:B3)"],
    warning_cells=["B4"],
)
def _() -> bytes:
    wb = openpyxl.Workbook()
    wb.properties.created = wb.properties.modified = _FIXED
    ws = wb.active
    ws.title = "s"
    for row in (
        ["사업명", "예산(억원)", "지원유형"],
        ["테스트 A", 1, "사업화"],
        ["테스트 B", 2, "사업화"],
        ["테스트 합계 수식", "=SUM(B2:B3)", "사업화"],
    ):
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return _steady_zip(buf.getvalue())


@case(
    "inflated_total_2026.csv",
    **counts(3, 3),
    budgets=[20000.0, 15000.0, 5000.0],
    flags=1,
)
def _() -> bytes:
    # 40,000억원 in three rows: more than the whole 2026 notice (34,645억원).
    return text(
        "사업명,연도,예산(억원)\n테스트 A,2026,20000\n테스트 B,2026,15000\n테스트 C,2026,5000\n"
    )


# ----------------------------------------------------------------------- rows at fault


@case("duplicated_rows.csv", **counts(4, 2, 1, 1), rejected_cells=["C4"])
def _() -> bytes:
    return text(
        "사업명,소관부처,예산(억원)\n테스트 A,테스트부,1\n테스트 A,테스트부,1\n테스트 A,테스트부,2\n"
        "테스트 B,테스트부,3\n"
    )


@case("missing_names.csv", **counts(3, 1, 0, 2), rejected_cells=["B3", "B4"])
def _() -> bytes:
    # The ministry beside an empty name is not the cell at fault: B (사업명) is.
    return text("소관부처,사업명,예산(억원)\n테스트부,테스트 A,1\n테스트부,,2\n테스트청,,3\n")


@case(
    "missing_names_and_conflict.xlsx",
    **counts(4, 2, 0, 2),
    rejected_cells=["C3", "D4"],
)
def _() -> bytes:
    return xlsx(
        {
            "s": [
                ["구분", "소관부처", "사업명", "지원대상"],
                ["중앙", "테스트부", "테스트 A", "예비창업자"],
                ["중앙", "테스트부", None, "예비창업자"],
                ["중앙", "테스트부", "테스트 A", "창업 3년 이내"],
                ["중앙", "테스트부", "테스트 B", "예비창업자"],
            ]
        }
    )


@case(
    "unknown_values_warned.csv",
    **counts(3, 3),
    # in the order the loader reads a row's cells: year, level, region, support type, budget
    warning_values=["기타", "아틀란티스", "내년", "알수없음"],
    warning_cells=["A2", "B3", "E4", "C4"],
)
def _() -> bytes:
    return text(
        "구분,지역,지원유형,사업명,연도\n기타,서울,사업화,테스트 A,2026\n중앙,아틀란티스,사업화,테스트 B,2026\n"
        "중앙,서울,알수없음,테스트 C,내년\n"
    )


# ----------------------------------------------------------------------- noise


def _junk(rng: random.Random, low: int = 5, high: int = 14) -> str:
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789#@!"
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(low, high)))


@case(
    "noise_random_ascii.csv",
    **counts(30, 30, suspicious=30),
    no_note="채웠습니다",
)
def _() -> bytes:
    rng = random.Random(2197)
    rows = ["사업명,소관부처,지원대상,예산"]
    for i in range(30):
        ministry = _junk(rng) if i % 4 == 0 else ""
        rows.append(f"{_junk(rng)},{ministry},{_junk(rng)},{_junk(rng)}")
    return text("\n".join(rows) + "\n")


@case("noise_random_hangul.csv", **counts(10, 10, suspicious=10))
def _() -> bytes:
    rng = random.Random(13)

    def syllables() -> str:
        # Random syllables from the whole Hangul block: mostly ones Korean text never uses.
        return "".join(chr(rng.randint(0xAC00, 0xD7A3)) for _ in range(rng.randint(4, 9)))

    return text("사업명,지원대상\n" + "".join(f"{syllables()},{syllables()}\n" for _ in range(10)))


@case(
    "noise_mixed_with_real.csv",
    **counts(6, 6, suspicious=3),
    suspicious_rows=[3, 5, 7],
)
def _() -> bytes:
    return text(
        "사업명,지원대상\n테스트 예비창업 지원,예비창업자\n2197Gym,Lorem\n테스트 초기창업 지원,창업 3년 이내\n"
        "xK9#2a,q1w2\n테스트 글로벌 진출,창업 7년 이내\nqwe rty uiop,asdf\n"
    )


@case(
    "noise_odd_names.csv",
    **counts(3, 3, suspicious=3),
    suspicious_rows=[2, 3, 4],
)
def _() -> bytes:
    return text("사업명,지원유형\n12345,사업화\n---?,사업화\n" + "테스트" * 80 + ",사업화\n")


@case(
    "english_name_korean_text.csv",
    **counts(2, 2, suspicious=0),
)
def _() -> bytes:
    # An English-only name with a Korean target is a real program shape ("TIPS"), not noise.
    return text(
        "사업명,지원대상\nTIPS,민간 투자를 받은 창업기업\nK-Startup Grand Challenge,해외 창업팀\n"
    )


def main() -> None:
    keep = {"expected.json", "make_corpus.py", "__pycache__"}
    for old in HERE.iterdir():
        if old.name not in keep and old.name not in _WRITERS:
            print(f"not in the corpus any more: {old.name}")
    for name, writer in _WRITERS.items():
        (HERE / name).write_bytes(writer())
    (HERE / "expected.json").write_text(
        json.dumps(EXPECTED, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"{len(_WRITERS)} files and expected.json written to {HERE}")


if __name__ == "__main__":
    main()
