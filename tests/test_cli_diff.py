"""``navigator diff``: the 연도 비교 page's comparison and files, from the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from navigator.cli import main

HEADER = "구분,소관부처·지자체,지역,사업명,지원유형,예산(억원),연도\n"
OLD = HEADER + (
    "중앙부처,중소벤처기업부,전국,예비창업패키지,사업화,500,2025\n"
    "중앙부처,중소벤처기업부,전국,초격차 스타트업 1000+ 프로젝트,사업화,1310,2025\n"
    "중앙부처,문화체육관광부,전국,예술기업 성장 지원,사업화,40,2025\n"
    '중앙부처,중소벤처기업부,전국,=HYPERLINK("http://x"),사업화,1,2025\n'
)
NEW = HEADER + (
    "중앙부처,중소벤처기업부,전국,예비창업패키지,사업화,550,2026\n"
    "중앙부처,중소벤처기업부,전국,초격차 스타트업 프로젝트,사업화,1456,2026\n"
    "중앙부처,문화체육관광부,전국,예술분야 창업기업 지원,사업화,45,2026\n"
)


@pytest.fixture
def files(tmp_path: Path) -> tuple[str, str]:
    old, new = tmp_path / "old.csv", tmp_path / "new.csv"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    return str(old), str(new)


def test_json_counts_and_links(files, capsys) -> None:
    assert main(["diff", *files, "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["counts"] == {
        "same": 1,
        "renamed": 1,
        "merged": 0,
        "split": 0,
        "new": 1,
        "dropped": 2,
    }
    renamed = next(link for link in doc["links"] if link["relation"] == "renamed")
    assert renamed["budget_change_eok"] == 146
    assert renamed["old"][0]["name"] == "초격차 스타트업 1000+ 프로젝트"


def test_text_excel_and_lineage_round_trip(files, tmp_path: Path, capsys) -> None:
    xlsx, lineage = tmp_path / "diff.xlsx", tmp_path / "lineage.csv"
    assert main(["diff", *files, "-o", str(xlsx), "--lineage-out", str(lineage)]) == 0
    out = capsys.readouterr().out
    assert (
        "명칭 변경 1" in out and "초격차 스타트업 1000+ 프로젝트 → 초격차 스타트업 프로젝트" in out
    )
    wb = openpyxl.load_workbook(xlsx)
    assert wb.sheetnames == [
        "요약", "계보", "사업별 예산", "부처별", "지원유형별", "예산 흐름", "비교 제외",
    ]  # fmt: skip
    # Formula-like names stay inert text in Excel.
    cells = [c for row in wb["계보"].iter_rows(min_row=2) for c in row if c.value]
    risky = [c for c in cells if str(c.value).startswith("=")]
    assert risky and all(c.data_type == "s" and c.quotePrefix for c in risky)
    # A person links the two art programs in the lineage CSV and gives it back.
    text = lineage.read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text  # neutralised in CSV
    text += "명칭 변경,,예술기업 성장 지원,,예술분야 창업기업 지원\n"
    lineage.write_text(text, encoding="utf-8-sig")
    assert main(["diff", *files, "--json", "--lineage", str(lineage)]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["counts"]["renamed"] == 2 and doc["counts"]["new"] == 0


def test_bad_inputs_exit_2_and_strict_lineage_exit_1(files, tmp_path: Path, capsys) -> None:
    assert main(["diff", "embedded:1999", files[1]]) == 2
    assert "내장된 연도" in capsys.readouterr().err
    assert main(["diff", files[0], str(tmp_path / "missing.csv")]) == 2
    bad = tmp_path / "bad.csv"
    bad.write_text("관계,이전 사업명,새 사업명\n유지,없는 사업,예비창업패키지\n", encoding="utf-8")
    assert main(["diff", *files, "--lineage", str(bad), "--strict"]) == 1
    assert "없는 사업" in capsys.readouterr().err


def test_embedded_years_from_the_command_line(capsys) -> None:
    assert main(["diff", "embedded:2025", "embedded:2026", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["scope"] == "central"
    assert doc["old"]["programs"] == 37 and doc["new"]["programs"] == 61
    assert sum(doc["counts"][r] for r in ("same", "renamed")) == 28


def test_cli_module_imports_no_heavy_library() -> None:
    code = (
        "import sys, navigator.cmd_diff; "
        "print([m for m in ('pandas', 'networkx', 'rapidfuzz', 'openpyxl') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_svg_charts_with_their_tables(files, tmp_path: Path, capsys) -> None:
    folder = tmp_path / "charts"
    assert main(["diff", *files, "--svg", str(folder)]) == 0
    names = sorted(p.name for p in folder.iterdir())
    stems = ["diff_2025_2026_" + n for n in ("ministry", "program", "support_type", "waterfall")]
    assert names == sorted([f"{s}.svg" for s in stems] + [f"{s}.csv" for s in stems])
    svg = (folder / "diff_2025_2026_program.svg").read_text(encoding="utf-8")
    assert "초격차 스타트업 프로젝트" in svg and "+146억원" in svg
    assert "그림(SVG)과 표(CSV) 저장" in capsys.readouterr().out
