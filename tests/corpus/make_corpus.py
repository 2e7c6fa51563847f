"""Regenerate the bad-input corpus: ``python tests/corpus/make_corpus.py``.

Every file here is synthetic test input (hand-designed layouts, made-up program names marked
"테스트"), never shown as real data. ``expected.json`` beside it states each file's outcome; the
files are committed so the corpus is reviewable, and this script documents how each was made.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent


def _wb(
    sheets: dict[str, list[list[object]]], merges: dict[str, list[str]] | None = None
) -> openpyxl.Workbook:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
        for rng in (merges or {}).get(title, []):
            ws.merge_cells(rng)
    return wb


def _save(wb: openpyxl.Workbook, name: str) -> None:
    wb.save(HERE / name)


def _text(name: str, text: str, encoding: str = "utf-8") -> None:
    (HERE / name).write_bytes(text.encode(encoding))


def main() -> None:
    _save(_wb({"Sheet1": []}), "empty_workbook.xlsx")
    _save(_wb({"공고": [["2026년 창업지원사업 통합공고"]]}), "title_only.xlsx")
    _save(
        _wb(
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
        ),
        "header_row5_merged_title.xlsx",
    )
    _save(
        _wb(
            {
                "공고": [
                    ["사업명", "소관", None, "지원내용", None, "예산"],
                    [None, "부처", "기관명", "지원대상", "지원내용", "(억원)"],
                    ["테스트 사업 A", "테스트부", "테스트원", "(예비)창업자", "사업화 자금", 12],
                    ["테스트 사업 B", "테스트부", "테스트원", "만 39세 이하", "멘토링", 3],
                ]
            },
            {"공고": ["A1:A2", "B1:C1", "D1:E1"]},
        ),
        "two_row_merged_header.xlsx",
    )
    _save(
        _wb(
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
        ),
        "merged_ministry_groups.xlsx",
    )
    _text(
        "subtotals_footnotes.csv",
        "소관부처,사업명,예산(억원)\n테스트부,테스트 사업 A,10\n테스트부,테스트 사업 B,20\n소계,,30\n"
        ",,\n테스트청,테스트 사업 C,5\n합계,,35\n※ 예산은 본예산 기준,,\n주: 테스트 각주,,\n",
    )
    _text(
        "budget_variants.csv",
        '사업명,예산\n테스트 A,10억원\n테스트 B,"1,234"\n테스트 C,500(백만원)\n테스트 D,미정\n'
        "테스트 E,-\n테스트 F,-5억원\n테스트 G,999999억원\n테스트 H,별도\n",
    )
    _text(
        "duplicated_rows.csv",
        "사업명,소관부처,예산(억원)\n테스트 A,테스트부,1\n테스트 A,테스트부,1\n테스트 A,테스트부,2\n테스트 B,테스트부,3\n",
    )
    _text(
        "spaces_fullwidth.csv",
        "사업명 , 지원유형 ,예산（억원）\n  테스트　ＡＩ 창업지원  , 사업화 ,１０\n테스트 Ｂ\t,보육,  3 \n",
    )
    base = "사업명,지원대상\n테스트 청년창업,만 39세 이하 예비창업자\n테스트 여성창업,여성 창업자\n"
    _text("utf8.csv", base)
    _text("utf8_bom.csv", base, "utf-8-sig")
    _text("cp949.csv", base, "cp949")
    _text("really_csv.xlsx", base)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("readme.txt", "not a workbook")
    (HERE / "zip_not_xlsx.xlsx").write_bytes(buf.getvalue())
    # An encrypted workbook is an OLE2 compound file; the header is what the loader checks.
    (HERE / "password_protected.xlsx").write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    )
    good = io.BytesIO()
    _wb({"s": [["사업명"], ["테스트"]]}).save(good)
    (HERE / "corrupt_truncated.xlsx").write_bytes(good.getvalue()[:400])
    wb = _wb(
        {
            "s": [
                ["사업명", "예산(억원)", "지원유형"],
                ["테스트 A", 1, "사업화"],
                ["테스트 B", 2, "사업화"],
            ]
        }
    )
    ws = wb["s"]
    ws.append(["테스트 합계 수식", "=SUM(B2:B3)", "사업화"])
    _save(wb, "formulas_no_values.xlsx")


if __name__ == "__main__":
    main()
