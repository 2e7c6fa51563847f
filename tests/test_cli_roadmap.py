"""``navigator roadmap``: the page's export, from the command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest

from graph.profile import profile_from_dict
from graph.roadmap_export import roadmap_rows
from loaders.catalogue import load_embedded
from navigator.cli import main
from usecases.roadmap import plan

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
    # Same rows the page's export builds for the same profile and data (usecases.roadmap).
    catalogue = load_embedded()
    profile = profile_from_dict(PROFILE)
    expected = roadmap_rows(plan(catalogue.programs, profile), catalogue.by_id())
    got = [[c.value for c in row] for row in wb["로드맵"].iter_rows(min_row=9)]
    assert [r[6] for r in got] == [r[6] or None for r in expected]


def test_writes_csv_with_bom(tmp_path: Path, profile_file: Path) -> None:
    out = tmp_path / "roadmap.csv"
    args = ["roadmap", "--profile", str(profile_file), "-o", str(out), "--no-loans"]
    assert main(args) == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][0] == "순서" and len(rows) > 1
    by_id = load_embedded().by_id()
    assert not any(by_id[r[15]].support_type == "융자·보증" for r in rows[1:] if r[15] in by_id)


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


def test_a_saved_client_file_keeps_its_name_and_edits(tmp_path: Path, capsys) -> None:
    from graph.clients import Client, client_to_json
    from graph.path import RoadmapEdits

    profile = profile_from_dict(PROFILE)
    first = plan(load_embedded().programs, profile).steps[0]
    client = Client("가나다", profile, RoadmapEdits().remove(first.program_id), "메모")
    path = tmp_path / "client.json"
    path.write_text(client_to_json(client), encoding="utf-8")
    out = tmp_path / "r.xlsx"
    assert main(["roadmap", "--profile", str(path), "-o", str(out)]) == 0
    ws = openpyxl.load_workbook(out)["로드맵"]
    assert ws["A1"].value == "창업지원 로드맵 — 가나다"
    assert first.program_id not in [c.value for c in ws["O"][8:]]


def test_clients_csv_writes_a_folder_of_workbooks(tmp_path: Path, capsys) -> None:
    csv_path = tmp_path / "clients.csv"
    csv_path.write_text(
        "고객명,설립일,대표자 나이,시·도,분야\n가,2024-05-01,34,서울,AI\n나,2099-01-01,30,서울,\n",
        encoding="utf-8-sig",
    )
    out = tmp_path / "roadmaps"
    assert main(["roadmap", "--clients", str(csv_path), "-o", str(out)]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names[0] == "clients_index.xlsx" and names[1].startswith("roadmap_가_")
    printed = capsys.readouterr().out
    assert "읽은 행 2 = 불러옴 1 + 건너뜀 0 + 거부 1" in printed and "3행" in printed
    assert main(["roadmap", "--clients", str(csv_path), "-o", str(tmp_path / "x.xlsx")]) == 2
