"""`navigator load`: output contract and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

from navigator.cli import main
from tests.conftest import FIXTURES


def test_load_embedded_prints_summary_and_accounting(capsys):
    assert main(["load"]) == 0
    out = capsys.readouterr().out
    assert "2026 통합공고 508개 사업 중" in out
    assert "읽은 행 377 = 불러옴 377 + 건너뜀 0 + 거부 0 ✓" in out


def test_load_json_contract(capsys):
    assert main(["load", str(FIXTURES / "notice_2024_layout.csv"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["programs"] == 4
    assert data["rows_read"] == 9
    assert {"file", "sheet", "row", "reason"} <= set(data["skipped"][0])
    assert data["column_mapping"]["notice_2024_layout.csv"]["사업명"]["field"] == "name"
    assert data["by_support_type"]["사업화"]["count"] == 4


def test_strict_exits_1_on_rejected_rows(make_csv, capsys):
    path = make_csv("사업명,지원유형\nA,사업화\n,사업화\n")
    assert main(["load", str(path)]) == 0
    assert main(["load", str(path), "--strict"]) == 1
    assert "사업명이 비어 있습니다" in capsys.readouterr().out


def test_unreadable_file_exits_2_with_message_and_no_traceback(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("기관,금액\nA,1\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "navigator.cli", "load", str(bad)],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert proc.returncode == 2
    assert "사업명 열이 있는 표를 찾지 못했습니다" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_missing_file_exits_2(capsys, tmp_path):
    assert main(["load", str(tmp_path / "nope.xlsx")]) == 2
    assert "파일을 읽을 수 없습니다" in capsys.readouterr().err


def test_load_reports_the_coverage_of_sourced_facts(capsys):
    """지원대상 per level, 운영기관 (the running ministry or local government) and agency apart."""
    assert main(["load", "--embedded", "--json"]) == 0
    cov = json.loads(capsys.readouterr().out)["fact_coverage"]
    assert (cov["central"], cov["local"]) == (61, 316)
    assert cov["target"]["central"] >= 33 and cov["target"]["local"] >= 150
    assert cov["institution"]["all"] == cov["institution"]["central"] + cov["institution"]["local"]
    assert cov["institution_or_agency"] >= max(cov["institution"]["all"], cov["agency"])
    assert main(["load", "--embedded"]) == 0
    out = capsys.readouterr().out
    t, i = cov["target"], cov["institution"]
    assert f"지원대상 원문: 중앙부처 {t['central']}/61 · 지자체 {t['local']}/316" in out
    assert f"운영기관(사업을 운영하는 부처·지자체) 확인: {i['all']}/377" in out
    assert f"전담·운영 대행기관 확인: {cov['agency']}/377" in out
