"""``navigator roadmap``: the page's export, from the command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest

from graph.export import roadmap_rows
from graph.path import plan_path
from graph.profile import profile_from_dict
from loaders.catalogue import load_embedded
from navigator.cli import main

PROFILE = {
    "founded": "2024-05-01",
    "ceo_age": 34,
    "region": "서울",
    "fields": ["인공지능·빅데이터"],
}


@pytest.fixture
def profile_file(tmp_path: Path) -> Path:
    path = tmp_path / "profile.json"
    path.write_text(json.dumps(PROFILE, ensure_ascii=False), encoding="utf-8")
    return path


def test_writes_the_excel_roadmap(tmp_path: Path, profile_file: Path, capsys) -> None:
    out = tmp_path / "roadmap.xlsx"
    assert main(["roadmap", "--profile", str(profile_file), "-o", str(out)]) == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["로드맵", "사업 상세", "가정·프로필"]
    assert "로드맵 저장" in capsys.readouterr().out
    # Same rows the page's export builds for the same profile and data.
    catalogue = load_embedded()
    profile = profile_from_dict(PROFILE)
    expected = roadmap_rows(
        plan_path(catalogue.programs, profile, fields=profile.fields), catalogue.by_id()
    )
    got = [[c.value for c in row] for row in wb["로드맵"].iter_rows(min_row=2)]
    assert [r[3] for r in got] == [r[3] or None for r in expected]


def test_writes_csv_with_bom(tmp_path: Path, profile_file: Path) -> None:
    out = tmp_path / "roadmap.csv"
    args = ["roadmap", "--profile", str(profile_file), "-o", str(out), "--no-loans"]
    assert main(args) == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][0] == "순서" and len(rows) > 1
    assert not any(r[5] == "융자·보증" for r in rows[1:])


def test_unknown_extension_is_a_clear_error(tmp_path: Path, profile_file: Path, capsys) -> None:
    code = main(["roadmap", "--profile", str(profile_file), "-o", str(tmp_path / "r.pdf")])
    assert code == 2
    err = capsys.readouterr().err
    assert ".xlsx 또는 .csv" in err and "Traceback" not in err


def test_bad_profile_names_the_field(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"ceo_age": -4}', encoding="utf-8")
    assert main(["roadmap", "--profile", str(bad), "-o", str(tmp_path / "r.xlsx")]) == 2
    assert "대표자 나이" in capsys.readouterr().err
    assert not (tmp_path / "r.xlsx").exists()


def test_unwritable_output_is_a_clear_error(tmp_path: Path, profile_file: Path, capsys) -> None:
    out = tmp_path / "missing" / "r.xlsx"
    assert main(["roadmap", "--profile", str(profile_file), "-o", str(out)]) == 2
    assert "쓸 수 없습니다" in capsys.readouterr().err
