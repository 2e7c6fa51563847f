"""The roadmap a consultant hands over: title block, real dates, links, sources, print set-up;
clients saved and loaded as JSON and CSV; one workbook per client from a clients CSV."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from graph.clients import (
    Client,
    client_from_json,
    client_to_json,
    clients_to_csv,
    read_clients_csv,
)
from graph.path import RoadmapEdits, plan_path
from graph.profile import FirmProfile
from graph.roadmap_export import (
    ROADMAP_COLUMNS,
    profile_line,
    roadmap_rows,
    roadmap_to_csv,
    roadmap_to_excel,
)
from loaders.catalogue import load_embedded
from loaders.errors import ProfileError
from loaders.sources import describe_sources
from usecases.roadmap import RoadmapOptions, file_stem, files, plan, write_clients

HEAD = 8  # the table header row under the title block
COL = {c.header: i for i, c in enumerate(ROADMAP_COLUMNS)}
FIRM = FirmProfile(
    founded=date(2024, 3, 1), as_of=date(2026, 3, 1), ceo_age=35, region="경기",
    fields=("인공지능·빅데이터",),
)  # fmt: skip


@pytest.fixture(scope="module")
def embedded():
    return load_embedded()


@pytest.fixture(scope="module")
def workbook(embedded) -> openpyxl.Workbook:
    roadmap = plan(embedded.programs, FIRM)
    data = files(roadmap, embedded, client="가나다 주식회사", made=date(2026, 3, 2)).xlsx
    return openpyxl.load_workbook(io.BytesIO(data))


def _table(ws) -> list[list]:
    return [[c.value for c in row] for row in ws.iter_rows(min_row=HEAD + 1)]


def test_workbook_opens_on_a_title_block(workbook) -> None:
    assert workbook.sheetnames == ["로드맵", "사업 상세", "가정·프로필"]
    ws = workbook["로드맵"]
    assert ws["A1"].value == "창업지원 로드맵 — 가나다 주식회사"
    labels = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=3).value for r in range(2, 7)}
    assert labels["고객"] == "가나다 주식회사"
    assert labels["작성일"] == datetime(2026, 3, 2)  # a real date, not text
    assert labels["프로필"].startswith("업력 2년 · 대표자 만 35세 · 경기")
    assert "508개 사업 중 377개" in labels["사용한 데이터"]
    assert [c.value for c in ws[HEAD]][:3] == ["순서", "구분", "신청 시작"]


def test_steps_have_real_dates_links_and_number_formats(workbook) -> None:
    ws = workbook["로드맵"]
    first = ws.cell(row=HEAD + 1, column=COL["신청 시작"] + 1)
    assert isinstance(first.value, datetime) and first.number_format == "yyyy-mm-dd"
    link = ws.cell(row=HEAD + 1, column=COL["링크"] + 1)
    assert link.value == "열기" and link.hyperlink.target.startswith("https://www.k-startup.go.kr")
    budgets = [
        ws.cell(row=r, column=COL["예산(억원)"] + 1)
        for r in range(HEAD + 1, ws.max_row + 1)
        if isinstance(ws.cell(row=r, column=COL["예산(억원)"] + 1).value, float)
    ]
    assert budgets and {c.number_format for c in budgets} == {"#,##0.0"}
    rows = _table(ws)
    kinds = [r[COL["구분"]] for r in rows]
    assert kinds[0] == "추천" and "공백" in kinds
    starts = [r[COL["신청 시작"]] for r in rows if r[COL["구분"]] == "추천"]
    assert starts == sorted(starts)  # in the order the firm can enter them


def test_sources_are_publishers_and_titles_not_file_paths(workbook) -> None:
    for ws, column in ((workbook["로드맵"], COL["출처"] + 1), (workbook["사업 상세"], 18)):
        values = [ws.cell(row=r, column=column).value or "" for r in range(2, ws.max_row + 1)]
        assert any("K-Startup 사업소개" in v for v in values)
        assert not any("pathcosmos" in v or ".html" in v or ".json" in v for v in values)
    detail_owner = {c.value for c in workbook["사업 상세"]["F"][1:]}
    assert "" not in detail_owner  # 미상 written out, never a blank


def test_every_sheet_prints_on_a4_landscape(workbook) -> None:
    for ws in workbook.worksheets:
        assert ws.page_setup.orientation == "landscape"
        assert int(ws.page_setup.paperSize) == 9  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert workbook["로드맵"].print_title_rows == f"${HEAD}:${HEAD}"
    assert workbook["로드맵"].freeze_panes == f"A{HEAD + 1}"


def test_edits_reach_the_file(embedded) -> None:
    first = plan(embedded.programs, FIRM).steps[0].program_id
    edits = RoadmapEdits().with_note(first, "=위험한 메모 +1")
    roadmap = plan(embedded.programs, FIRM, edits=edits)
    rows = roadmap_rows(roadmap, embedded.by_id())
    assert rows[0][COL["컨설턴트 메모"]] == "=위험한 메모 +1"
    wb = openpyxl.load_workbook(io.BytesIO(roadmap_to_excel(roadmap, embedded.by_id())))
    cell = wb["로드맵"].cell(row=HEAD + 1, column=COL["컨설턴트 메모"] + 1)
    assert cell.data_type == "s" and cell.quotePrefix  # typed text, never a formula
    text = roadmap_to_csv(roadmap, embedded.by_id()).decode("utf-8-sig")
    assert "'=위험한 메모 +1" in text


def test_csv_has_iso_dates_and_the_same_rows(embedded) -> None:
    roadmap = plan(embedded.programs, FIRM)
    rows = list(
        csv.reader(io.StringIO(roadmap_to_csv(roadmap, embedded.by_id()).decode("utf-8-sig")))
    )
    assert rows[0] == [c.header for c in ROADMAP_COLUMNS]
    assert rows[1][COL["신청 시작"]] == "2026-03-01"
    assert len(rows) - 1 == len(roadmap_rows(roadmap, embedded.by_id()))


def test_profile_line_and_file_stem() -> None:
    assert profile_line(FIRM) == "업력 2년 · 대표자 만 35세 · 경기 · 인공지능·빅데이터"
    assert file_stem("가나다/주식회사 ..", date(2026, 3, 2)) == "roadmap_가나다_주식회사_20260302"
    assert file_stem("", date(2026, 3, 2)) == "roadmap_20260302"


def test_describe_sources_names_publishers() -> None:
    refs = describe_sources(
        "pathcosmos/kstartup-global-archive:2026-04-15.html; "
        "engelmm8917-ui/gongo-radar:data-raw/recon-biz-sample.json; "
        "https://www.asiae.co.kr/article/2026030122240748599; https://unknown.example/x",
        "https://www.k-startup.go.kr/x?id=1",
    )
    assert [r.label for r in refs] == [
        "K-Startup 사업소개 (글로벌, 2026-04-15 보관본)",
        "K-Startup OpenAPI 사업정보 (공개 저장소 보관본)",
        "아시아경제 기사 (2026-03-02)",
        "unknown.example",
    ]
    assert refs[0].url == "https://www.k-startup.go.kr/x?id=1"


# ----------------------------------------------------------------------------- clients


def test_client_json_round_trip_keeps_profile_edits_and_memo() -> None:
    edits = RoadmapEdits().pin("a").remove("b").with_note("a", "3월 신청")
    client = Client("가나다", FIRM, edits, "첫 상담")
    back = client_from_json(client_to_json(client))
    assert back == client


def test_a_plain_profile_json_is_a_client_without_a_name() -> None:
    client = client_from_json('{"founded": "2024-03-01", "region": "경기"}')
    assert client.name == "" and client.profile.region == "경기"


def test_client_json_errors_name_the_field() -> None:
    with pytest.raises(ProfileError, match="대표자 나이"):
        client_from_json('{"client": "x", "profile": {"ceo_age": -3}}')
    with pytest.raises(ProfileError, match="JSON"):
        client_from_json("{not json", name="x.json")
    with pytest.raises(ProfileError, match="알 수 없는 항목"):
        client_from_json('{"client": "x", "profile": {}, "extra": 1}')


CLIENTS_CSV = (
    "고객명,설립일,예비창업자,기준일,대표자 나이,시·도,시·군·구,분야,재창업,여성,메모,고정 사업 ID,비고\n"
    "가나다,2024-03-01,,2026-03-01,35,경기,,AI; 로봇,,,첫 상담,,무시\n"
    ",,예,2026-03-01,30,경북,김천시,,,,,,\n"
    ",,,,,,,,,,,,\n"
    "나쁜 행,2099-01-01,,2026-03-01,30,서울,,,,,,,\n"
)


def test_clients_csv_loads_every_row_or_says_why() -> None:
    loaded = read_clients_csv(CLIENTS_CSV.encode("utf-8-sig"), name="c.csv")
    assert [c.name for c in loaded.clients] == ["가나다", "고객 2"]
    assert loaded.clients[0].profile.fields == ("인공지능·빅데이터", "로봇·첨단제조")
    assert loaded.clients[1].profile.district == "김천시" and loaded.clients[1].profile.pre_founding
    assert loaded.accounting() == "읽은 행 4 = 불러옴 2 + 건너뜀 1 + 거부 1"
    bad = next(p for p in loaded.problems if p.row == 5)
    assert (bad.column, bad.value) == ("설립일", "2099-01-01") and "기준일" in bad.reason
    assert any(p.column == "비고" and "무시" in p.reason for p in loaded.problems)


def test_clients_csv_in_cp949_and_round_trip() -> None:
    loaded = read_clients_csv(CLIENTS_CSV.encode("cp949"))
    assert len(loaded.clients) == 2
    again = read_clients_csv(clients_to_csv(loaded.clients))
    assert [c.profile for c in again.clients] == [c.profile for c in loaded.clients]


def test_clients_csv_without_profile_columns_is_refused() -> None:
    with pytest.raises(ProfileError, match="프로필 열"):
        read_clients_csv(b"name,phone\nx,1\n")


def test_write_clients_makes_one_workbook_each_and_an_index(embedded, tmp_path: Path) -> None:
    loaded = read_clients_csv(CLIENTS_CSV.encode("utf-8"), name="c.csv")
    written = write_clients(
        loaded, embedded, tmp_path / "out", RoadmapOptions(), made=date(2026, 3, 2)
    )
    assert [p.name for p in written.workbooks] == [
        "roadmap_가나다_20260302.xlsx",
        "roadmap_고객_2_20260302.xlsx",
    ]
    index = openpyxl.load_workbook(written.index)["고객 목록"]
    rows = [[c.value for c in r] for r in index.iter_rows(min_row=2)]
    assert [r[1] for r in rows] == ["가나다", "고객 2", "(5행)"]
    assert index["B2"].hyperlink.target == "roadmap_가나다_20260302.xlsx"
    assert "기준일" in rows[2][6]  # the rejected row, with its reason
    book = openpyxl.load_workbook(written.workbooks[0])
    assert book["로드맵"]["A1"].value == "창업지원 로드맵 — 가나다"


def test_the_cli_and_the_page_plan_the_same_roadmap(embedded) -> None:
    ours = plan(embedded.programs, FIRM, RoadmapOptions(max_per_phase=1, include_loans=False))
    engine = plan_path(
        embedded.programs, FIRM, fields=FIRM.fields, max_per_phase=1, include_loans=False
    )
    assert ours.to_dict() == engine.to_dict()
