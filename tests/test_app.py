"""App tier: every page through ``streamlit.testing.v1.AppTest`` on the embedded dataset.

Each test opens ``app.py`` (the router), switches to a page and sets the URL query parameters a
shared link would carry, so "URL parameters restore the view" is what these tests check. Widgets
bound to the URL are read from ``at.query_params``; other widgets are driven directly.
"""

from __future__ import annotations

import io
import json
import re
from html import unescape
from pathlib import Path

import openpyxl
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from graph.profile import profile_from_dict
from graph.search import search
from loaders.catalogue import load_embedded
from usecases.roadmap import plan

pytestmark = pytest.mark.app

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
# What a shared link carries: the bound widgets' keys and their *labels* as values.
PROFILE = {
    "firm": "창업기업",
    "founded": "2024-05-01",
    "age": "34",
    "region": "서울",
    "field": "인공지능·빅데이터",
}


@pytest.fixture(autouse=True)
def _fresh_default_dataset():
    # The default dataset key rides on a st.cache_data token: clearing it makes every test
    # start from the (isolated, snapshot-free) default catalogue — the embedded one.
    st.cache_data.clear()
    yield


def open_page(page: str, **params: str | list[str]) -> AppTest:
    """Run the router, switch to ``pages/<page>.py`` with ``params`` in the URL."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    if page != "overview":
        at.switch_page(f"pages/{page}.py")
        at.query_params.update(params)
        at.run()
        assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    """Every message a user reads on the page, joined (info, warning, error, caption, markdown)."""
    parts = [
        e.value
        for kind in ("info", "warning", "error", "success", "caption", "markdown")
        for e in getattr(at, kind)
    ]
    return "\n".join(str(p) for p in parts)


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


@pytest.fixture(scope="module")
def embedded():
    return load_embedded()


# ----------------------------------------------------------------------------- overview


def test_overview_shows_dataset_coverage_and_budgets(embedded) -> None:
    at = open_page("overview")
    assert at.title[0].value == "창업지원 내비게이터"
    assert "2026 통합공고 508개 사업 중 377개" in texts(at)
    m = metrics(at)
    assert m["사업 수"] == f"{len(embedded):,}개"
    assert m["예산 합계 (명시분)"].endswith("억원")
    assert [t.label for t in at.tabs] == [
        "지원유형별",
        "중앙부처별",
        "지자체 시·도별",
        "중앙·지방별",
    ]
    assert "공표" in texts(at) and "34,645억원" in at.dataframe[0].value.to_string()


# ----------------------------------------------------------------------------- finder


def test_finder_profile_from_url_gives_verdicts_and_reasons() -> None:
    at = open_page("finder", **PROFILE)
    assert at.radio(key="firm").value == "founded"
    assert at.number_input(key="age").value == 34
    m = metrics(at)
    assert int(m["○ 신청 가능"]) > 0
    table = at.dataframe[0].value
    assert len(table) > 0
    assert table.iloc[0]["status"] == "eligible"  # eligible first when nothing is searched
    assert table["판정 이유"].str.len().gt(0).all()


def test_finder_unknown_institution_is_not_shown_as_its_province(embedded) -> None:
    at = open_page("finder", status="전체")
    table = at.dataframe[0].value.set_index("program_id")
    by_id = embedded.by_id()
    unknown = [pid for pid, p in by_id.items() if not p.institution and p.ministry == "경기"]
    assert unknown
    assert set(table.loc[unknown, "운영기관"]) == {"미상"}
    assert set(table.loc[unknown, "지역"]) == {"경기"}
    kimcheon = next(pid for pid, p in by_id.items() if p.institution == "김천시")
    assert table.loc[kimcheon, "운영기관"] == "김천시"
    assert "미상" not in at.multiselect(key="org").options


def test_finder_search_tolerates_spacing(embedded) -> None:
    at = open_page("finder", q="예비 창업 패키지", status="전체")
    table = at.dataframe[0].value
    assert table.iloc[0]["사업명"] == "예비창업패키지"


def test_finder_search_tolerates_a_typo() -> None:
    at = open_page("finder", q="예비창엄패키지", status="전체")
    assert at.dataframe[0].value.iloc[0]["사업명"] == "예비창업패키지"
    assert "이름이 비슷한 사업" in texts(at)


def test_finder_filters_narrow_the_table() -> None:
    at = open_page("finder", type="기술개발(R&D)", status="전체")
    table = at.dataframe[0].value
    assert len(table) > 0 and set(table["지원유형"]) == {"기술개발(R&D)"}
    # Driving the widget directly does the same as the URL.
    at.multiselect(key="type").set_value(["글로벌 진출"]).run()
    assert set(at.dataframe[0].value["지원유형"]) == {"글로벌 진출"}


def test_finder_budget_range_excludes_unknown_budgets() -> None:
    # A bound select_slider carries its labels: 100억 … 제한 없음.
    at = open_page("finder", budget=["100억", "제한 없음"], status="전체")
    table = at.dataframe[0].value
    assert table["예산(억원)"].min() >= 100
    assert "예산이 적히지 않은 사업" in texts(at)


def test_finder_selected_program_from_url_opens_its_card(embedded) -> None:
    target = next(p for p in embedded.programs if p.name == "초기창업패키지")
    at = open_page("finder", sel=target.program_id, **PROFILE)
    page = texts(at)
    assert "### 초기창업패키지" in page
    assert "**지원대상**" in page and "출처: " in page and "사업 ID: 2026" in page


def test_finder_unknown_selection_is_ignored() -> None:
    at = open_page("finder", sel="<script>alert(1)</script>")
    assert "###" not in texts(at)


def test_finder_empty_search_explains() -> None:
    at = open_page("finder", q="수산물유통물류센터건립", status="전체")
    assert not at.dataframe
    assert "찾은 사업이 없습니다" in texts(at)


def test_finder_profile_eligible_for_nothing_explains() -> None:
    # A firm founded in 1990 (업력 36년) led by a 70-year-old: no program is certainly open.
    at = open_page("finder", firm="창업기업", founded="1990-01-01", age="70", status="신청 가능만")
    assert metrics(at)["○ 신청 가능"] == "0"
    assert not at.dataframe
    assert "신청 가능**이 확정된 사업은 없습니다" in texts(at)


def test_finder_bad_url_values_fall_back_to_defaults() -> None:
    at = open_page("finder", age="-3", region="아틀란티스", firm="??", budget=["7", "x"])
    assert at.number_input(key="age").value is None
    assert at.selectbox(key="region").value is None
    assert at.radio(key="firm").value == "none"
    assert len(at.dataframe[0].value) > 0


def test_finder_district_from_url_is_restored_and_settles_basic_programs(embedded) -> None:
    gumi = next(p for p in embedded.programs if p.institution == "구미시")
    place = {"firm": "창업기업", "founded": "2024-05-01", "age": "34", "region": "경북"}
    at = open_page("finder", status="전체", **place)
    assert at.selectbox(key="district").value == "선택 안 함"
    before = at.dataframe[0].value.set_index("program_id")
    assert before.loc[gumi.program_id, "status"] == "maybe"
    assert "시·군·구를 입력하면 판정합니다" in before.loc[gumi.program_id, "판정 이유"]

    at = open_page("finder", status="전체", district="김천시", **place)
    assert at.selectbox(key="district").value == "김천시"
    assert "경북 김천시" in texts(at)  # the profile caption
    after = at.dataframe[0].value.set_index("program_id")
    assert after.loc[gumi.program_id, "status"] == "ineligible"
    assert "귀사 김천시" in after.loc[gumi.program_id, "판정 이유"]


def test_finder_district_outside_the_region_falls_back() -> None:
    at = open_page("finder", region="서울", district="김천시")
    assert at.selectbox(key="district").value == "선택 안 함"
    assert not at.error
    # Bound to the URL like the other profile fields (the browser writes ?district=…).
    assert at.selectbox(key="district").proto.query_param_key == "district"
    at.selectbox(key="district").set_value("마포구").run()
    assert "서울 마포구" in texts(at)
    # Another 시·도 resets it (마포구 is not in 경기, but 중구 would be in 부산 too).
    at.selectbox(key="region").set_value("부산").run()
    at.selectbox(key="district").set_value("중구").run()
    at.selectbox(key="region").set_value("서울").run()
    assert at.selectbox(key="district").value == "선택 안 함"


# ----------------------------------------------------------------------------- roadmap


def test_roadmap_without_profile_asks_for_one() -> None:
    at = open_page("roadmap")
    assert "지원 경로를 그립니다" in texts(at)
    assert not at.get("download_button")


def test_roadmap_example_profile_button_fills_the_form() -> None:
    at = open_page("roadmap")
    at.button(key="pf_example").click().run()
    assert at.radio(key="firm").value == "founded"
    assert at.selectbox(key="region").value == "서울"
    assert len(at.get("download_button")) == 4


def test_roadmap_for_profile_lists_steps_and_exports() -> None:
    at = open_page("roadmap", **PROFILE)
    page = texts(at)
    # One program per phase, each ○ for this firm (34세, 2년 차, 서울, 인공지능·빅데이터) on the
    # day it opens: the page lists the planner's steps, in its order. Which program wins a phase
    # follows the data (a newly sourced 지원대상 can make a cheaper local step ○), so the steps
    # are checked against the planner, not pinned by name.
    shown = re.findall(r"\*\*[①-⑨] (.+?)\*\* — ○ 신청 가능", page)
    firm = profile_from_dict(
        {"founded": "2024-05-01", "ceo_age": 34, "region": "서울", "fields": ["인공지능·빅데이터"]}
    )
    planned = plan(load_embedded().programs, firm).steps
    assert shown == [s.name for s in planned if s.status == "eligible"]
    assert len(shown) >= 5 and "사업화" in {s.phase for s in planned}
    buttons = at.get("download_button")
    assert [b.proto.label for b in buttons] == [
        "Excel 로드맵 (.xlsx)",
        "CSV (.csv)",
        "고객 파일 저장 (.json)",
        "고객 목록 한 줄 (.csv)",
    ]
    # Steps are numbered in the order the firm can enter them.
    assert "① " in page and "② " in page


def _first_step(at: AppTest) -> str:
    return next(c.key for c in at.checkbox if c.key and c.key.startswith("pin_")).removeprefix(
        "pin_"
    )


def test_roadmap_steps_can_be_removed_restored_and_annotated() -> None:
    at = open_page("roadmap", **PROFILE)
    pid = _first_step(at)
    at.text_input(key=f"note_{pid}").input("3월 신청 준비").run()
    assert not at.exception
    at.button(key=f"rm_{pid}").click().run()
    assert f"pin_{pid}" not in {c.key for c in at.checkbox}
    assert "뺀 사업" in [h.value for h in at.subheader]
    at.button(key=f"restore_{pid}").click().run()
    assert f"pin_{pid}" in {c.key for c in at.checkbox}
    assert at.text_input(key=f"note_{pid}").value == "3월 신청 준비"


def test_roadmap_alternatives_can_be_pinned_onto_the_path() -> None:
    at = open_page("roadmap", **PROFILE)
    add = next(b for b in at.button if b.key and b.key.startswith(("add_gap_", "add_alt_")))
    pid = add.key.rsplit("_", 1)[-1]
    add.click().run()
    assert at.checkbox(key=f"pin_{pid}").value is True
    assert "📌 컨설턴트 지정" in texts(at)


def test_roadmap_client_name_comes_from_the_url() -> None:
    at = open_page("roadmap", client="가나다 주식회사", **PROFILE)
    assert at.text_input(key="client").value == "가나다 주식회사"


def test_roadmap_uses_the_district_from_the_url() -> None:
    # Names several 시·도 share carry their 시·도 in the URL, so a leftover never misleads.
    at = open_page("roadmap", district="대전 서구", **{**PROFILE, "region": "대전"})
    assert at.selectbox(key="district").value == "서구"
    assert "대전 서구" in texts(at)
    at = open_page("roadmap", district="대전 서구", **{**PROFILE, "region": "부산"})
    assert at.selectbox(key="district").value == "선택 안 함"


def test_roadmap_options_from_url() -> None:
    at = open_page("roadmap", loans="false", per="1", **PROFILE)
    assert at.toggle(key="loans").value is False
    assert at.select_slider(key="per").value == 1


def test_roadmap_excel_matches_the_cli(tmp_path, embedded) -> None:
    # The page's bytes come from usecases.roadmap; so do the CLI's (tested in test_cli_roadmap).
    from graph.profile import profile_from_dict
    from usecases.roadmap import files, plan

    profile = profile_from_dict({"founded": "2024-05-01", "ceo_age": 34, "region": "서울"})
    data = files(plan(embedded.programs, profile), embedded).xlsx
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["로드맵", "사업 상세", "가정·프로필"]


def _page_steps(at: AppTest) -> list[str]:
    """The 지원 경로 page's steps in order (program ids of the steps' 고정 boxes)."""
    return [c.key.removeprefix("pin_") for c in at.checkbox if c.key and c.key.startswith("pin_")]


def _cli_steps(tmp_path: Path, client: dict, *options: str) -> list[str]:
    """``navigator roadmap`` for a client file: the step rows' program ids, in order."""
    import csv

    from navigator.cli import main

    path = tmp_path / "client.json"
    path.write_text(json.dumps(client, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "roadmap.csv"
    assert main(["roadmap", "--profile", str(path), "-o", str(out), *options]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    return [r["사업 ID"] for r in rows if r["구분"] in ("추천", "컨설턴트 지정")]


@pytest.mark.parametrize(
    ("url", "profile"),
    [
        (PROFILE, {"founded": "2024-05-01", "ceo_age": 34, "region": "서울",
                   "fields": ["인공지능·빅데이터"]}),
        ({"firm": "예비창업자", "age": "29", "region": "경북", "district": "김천시"},
         {"pre_founding": True, "ceo_age": 29, "region": "경북", "district": "김천시"}),
        ({"firm": "창업기업", "founded": "2012-03-01", "region": "부산", "flag": ["여성", "재창업"]},
         {"founded": "2012-03-01", "region": "부산", "women": True, "restart": True}),
    ],
)  # fmt: skip
def test_cli_roadmap_has_the_pages_steps(tmp_path, url, profile) -> None:
    """Same profile, same options, same consultant edits: the CLI lists the page's steps, in
    the page's order (both go through usecases.roadmap)."""
    from loaders.announcements import today_kst

    at = open_page("roadmap", **url)
    page = _page_steps(at)
    assert page or url.get("founded") == "2012-03-01"  # past 7 years: no steps, only gaps
    assert _cli_steps(tmp_path, {**profile, "as_of": today_kst().isoformat()}) == page

    at = open_page("roadmap", loans="false", per="1", **url)
    page = _page_steps(at)
    edits: dict[str, list[str]] = {"removed": []}
    if page:  # the consultant takes the first step out
        at.button(key=f"rm_{page[0]}").click().run()
        edits["removed"] = [page[0]]
        page = _page_steps(at)
    client = {"client": "가나다", "profile": {**profile, "as_of": today_kst().isoformat()},
              "edits": edits}  # fmt: skip
    cli = _cli_steps(tmp_path, client, "--no-loans", "--max-per-phase", "1")
    assert cli == page


# ----------------------------------------------------------------------------- policy map


def _iframe_html(at: AppTest) -> str:
    frames = at.get("iframe")
    assert frames, "no iframe on the page"
    return frames[0].proto.srcdoc


def test_policy_map_draws_an_offline_map() -> None:
    at = open_page("policy_map")
    html = _iframe_html(at)
    assert "vis.Network" in html and "cdn.jsdelivr" not in html
    assert "<script src" not in html and "<link" not in html
    assert "사업 377개" in html and "프로필을 입력하면" in texts(at)


def test_policy_map_filters_fade_without_moving_programs() -> None:
    def positions(html: str) -> dict[str, tuple[float, float]]:
        data = json.loads(html.split("var MAP = ", 1)[1].split(";\n", 1)[0])
        return {n["id"]: (n["x"], n["y"]) for n in data["nodes"] if n.get("shape") == "dot"}

    plain = positions(_iframe_html(open_page("policy_map")))
    at = open_page("policy_map", m_stage="예비")
    filtered = _iframe_html(at)
    assert positions(filtered) == plain
    assert "나머지는 자리를 지킨 채 흐리게" in texts(at)
    hidden = _iframe_html(open_page("policy_map", m_stage="예비", m_hide="숨기기"))
    assert '"hidden":true' in hidden and positions(hidden) == plain


def test_policy_map_draws_the_profile_and_its_path() -> None:
    at = open_page("policy_map", color="내 프로필 자격", **PROFILE)
    html = _iframe_html(at)
    assert "신청 가능" in html and "귀사 경로" in html and '"id":"step:1"' in html
    assert "귀사 · 업력" in html


def test_policy_map_empty_filter_explains() -> None:
    at = open_page("policy_map", m_field="양자", m_stage="재창업")
    assert not at.get("iframe")
    assert "맞는 사업이 없습니다" in texts(at)


# ----------------------------------------------------------------------------- duplicates


def test_duplicates_desk_shows_every_view() -> None:
    at = open_page("duplicates", thr="65")
    m = metrics(at)
    assert {"중복", "지역판", "분야판", "단계 사다리", "지역 간 복제", "지역 미상"} <= set(m)
    assert int(m["지역 간 복제"].removesuffix("쌍")) > 0
    assert [t.label for t in at.tabs] == [
        "중복 (예산순)",
        "지역판",
        "지역 간 복제",
        "단계 사다리",
        "부처 × 부처",
        "시·도 × 시·도",
        "지역 미상",
    ]
    overlaps = at.dataframe[0].value
    assert {"관계", "중복 가능 예산(억원)", "예산 메모", "같은 지원", "대상 겹침"} <= set(
        overlaps.columns
    )
    assert set(overlaps["관계"]) <= {"중복", "지역판", "분야판"}
    # Excel + CSV per view (5 views, 2 tables) and the all-in-one workbook.
    assert len(at.get("download_button")) == 2 * 7 + 1


def test_duplicates_desk_views_hold_what_each_promises(embedded) -> None:
    """Item 3 of issue 11, view by view: overlaps ranked by the budget at stake with unknown
    budgets stated (never read as 0), local copies by 시·도 as a table and a tile map, regional
    families with their budgets, ladders, the ministry heatmap counting central programs only and
    the 시·도 heatmap local ones only, and an Excel and a CSV per view."""
    by_id = {p.program_id: p for p in embedded.programs}
    at = open_page("duplicates", thr="65")
    tabs = {t.label: t for t in at.tabs}
    # 중복 (예산순): stated stakes first, largest first; then the notes that state the unknown.
    ranked = tabs["중복 (예산순)"].dataframe[0].value
    stakes = ranked["중복 가능 예산(억원)"]
    known = stakes.notna()
    assert known.any() and (~known).any()
    assert not known[known.idxmin() :].all() or known.all()  # no known stake after an unknown
    assert list(stakes[known]) == sorted(stakes[known], reverse=True)
    assert ranked.loc[~known, "예산 메모"].str.contains("예산 미상").all()
    # 지역판: the per-시·도 table, the tile map beside it, and each copy's row.
    local = tabs["지역판"]
    table, copies = local.dataframe[0].value, local.dataframe[1].value
    assert "지역판" in table.columns and table["지역판"].sum() == len(copies)
    assert set(copies["시·도"]) <= set(table.index)
    assert local.get("vega_lite_chart"), "the tile map"
    assert all(not by_id[pid].is_local for pid in copies["중앙 사업 ID"])
    # 지역 간 복제: families of two or more places, with stated budgets summed.
    families = tabs["지역 간 복제"].dataframe[0].value
    assert (families["사업 수"] >= 2).all() and "예산 합계(억원)" in families.columns
    # 단계 사다리: rungs in order.
    ladders = tabs["단계 사다리"].dataframe[0].value
    assert len(ladders) and "단계 (앞 단계부터)" in ladders.columns
    # 부처 × 부처 counts central programs only; 시·도 × 시·도 local ones only.
    ministries = {p.ministry or p.institution for p in embedded.programs if not p.is_local}
    for label, expected in (("부처 × 부처", ministries), ("시·도 × 시·도", None)):
        tab = tabs[label]
        assert tab.get("vega_lite_chart"), label
        frame = tab.dataframe[0].value
        assert (frame.values == frame.values.T).all(), label  # a pair counts both ways
        if expected is not None:
            assert set(frame.index) - {"소관 미상"} <= expected
        else:
            assert not set(frame.index) & ministries
    # An Excel and a CSV in every tab.
    for label, tab in tabs.items():
        names = [b.proto.label for b in tab.get("download_button")]
        assert names == ["Excel (.xlsx)", "CSV (.csv)"], label


def test_duplicates_local_copies_of_one_central_program() -> None:
    at = open_page("duplicates", thr="65")
    copies = {t.label: t for t in at.tabs}["지역판"].dataframe[1].value
    central = copies["중앙 사업 ID"].iloc[0]
    {t.label: t for t in at.tabs}["지역판"].selectbox[0].set_value(central).run()
    local = {t.label: t for t in at.tabs}["지역판"]
    shown, table = local.dataframe[1].value, local.dataframe[0].value
    assert len(shown) and set(shown["중앙 사업 ID"]) == {central}
    assert table["지역판"].sum() == len(shown)  # the table and the map count that program only


def test_duplicates_threshold_from_url() -> None:
    low = open_page("duplicates", thr="60")
    high = open_page("duplicates", thr="95")
    assert len(low.dataframe[0].value) >= len(high.dataframe[0].value)


# ----------------------------------------------------------------------------- data desk

GOOD_CSV = (
    "사업명,소관부처,지원유형,예산(억원),지원대상\n"
    "테스트 창업 바우처,중소벤처기업부,사업화,12,예비창업자\n"
    "테스트 글로벌 진출,중소벤처기업부,글로벌,,창업 7년 이내 기업\n"
).encode()
NO_BUDGET_CSV = (
    "사업명,소관부처,지원유형\n테스트 멘토링,중소벤처기업부,멘토링\n테스트 보육,서울특별시,보육\n"
).encode()


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.file_uploader(key="dd_files").set_value((name, data, "text/csv")).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_data_desk_bad_upload_shows_the_loader_message_and_keeps_data() -> None:
    at = open_page("data_desk")
    before = at.markdown[0].value
    upload(at, "broken.csv", b"\x00\x01\x02 not a notice")
    assert at.error, "a bad file must show st.error"
    assert "지금 쓰는 데이터는 그대로입니다" in at.error[0].value
    assert "broken.csv" in at.error[0].value  # the loader's own message names the file
    assert at.markdown[0].value == before
    assert "dd_switch" not in [b.key for b in at.button]


def test_data_desk_upload_reports_and_switches_the_session() -> None:
    at = open_page("data_desk")
    upload(at, "mini.csv", GOOD_CSV)
    assert metrics(at)["불러온 사업"] == "2"
    assert "머리글 매핑" in [t.label for t in at.tabs]
    at.button(key="dd_switch").click().run()
    assert "업로드한 파일: mini.csv" in at.markdown[0].value
    at.switch_page("pages/finder.py").run()
    assert set(at.dataframe[0].value["사업명"]) <= {"테스트 창업 바우처", "테스트 글로벌 진출"}


def test_sync_panel_caption_follows_the_session_dataset() -> None:
    at = open_page("data_desk")
    caption = next(c.value for c in at.caption if c.value.startswith("지금 보는 데이터"))
    assert caption.startswith("지금 보는 데이터: 내장 데이터")
    upload(at, "mini.csv", GOOD_CSV)
    at.button(key="dd_switch").click().run()
    caption = next(c.value for c in at.caption if c.value.startswith("지금 보는 데이터"))
    assert caption.startswith("지금 보는 데이터: 업로드한 파일: mini.csv (이 세션에서 전환)")
    assert "새로고침하면 바뀌는 기본 데이터: 내장 데이터" in caption


def test_overview_of_a_dataset_without_budgets_says_so() -> None:
    at = open_page("data_desk")
    upload(at, "nobudget.csv", NO_BUDGET_CSV)
    at.button(key="dd_switch").click().run()
    at.switch_page("pages/overview.py").run()
    assert not at.exception
    assert "예산 정보가 없습니다" in texts(at)


def test_search_index_is_the_library_search(embedded) -> None:
    # The finder's order is graph.search's order (no second ranking in the page).
    at = open_page("finder", q="창업 패키지", status="전체")
    names = list(at.dataframe[0].value["사업명"])
    by_id = embedded.by_id()
    expected = [by_id[h.program_id].name for h in search(embedded.programs, "창업 패키지")]
    assert names == expected[: len(names)]


def test_finder_shows_open_calls_and_filters_to_them(monkeypatch) -> None:
    # One open call joined to 예비창업패키지 by its notice program name (as K-Startup sends it).
    from datetime import timedelta

    import loaders.announcements as ann
    from loaders.report import LoadReport

    today = ann.today_kst()
    call = ann.Announcement(
        pbanc_sn="1",
        title="2026년 예비창업패키지 예비창업자 모집 공고",
        program_name="예비창업패키지",
        integrated=True,
        start=today - timedelta(days=10),
        end=today + timedelta(days=3),
    )
    fake = ann.AnnouncementSet((call,), LoadReport(), "sample", "테스트 공고 1건")
    monkeypatch.setattr(ann, "load_active_announcements", lambda *a, **k: fake)
    at = open_page("finder", status="전체")
    table = at.dataframe[0].value
    row = table[table["사업명"] == "예비창업패키지"].iloc[0]
    assert row["공고"] == "모집 중 · 마감 D-3"
    at.checkbox(key="open").check().run()
    assert list(at.dataframe[0].value["사업명"]) == ["예비창업패키지"]
    assert "공고 일정: 테스트 공고 1건" in texts(at)


# --------------------------------------------------------------------------- 모집 공고 (calls)


def test_calls_page_lists_open_calls_first_and_exports_deadlines() -> None:
    at = open_page("calls", **PROFILE, asof="2026-09-16")
    table = at.dataframe[0].value
    assert len(table) == 1327
    assert table.iloc[0]["상태"].startswith("모집 중")
    assert any(b.label.startswith("마감일 캘린더") for b in at.get("download_button"))
    assert "표시 1,327건" in texts(at)


def test_calls_page_after_the_calls_closed_still_lists_them_and_says_why() -> None:
    at = open_page("calls", **PROFILE, asof="2026-11-30")
    table = at.dataframe[0].value
    assert len(table) == 1327 and table["상태"].str.startswith("마감").sum() > 1000
    assert "대부분 마감" in texts(at)
    at.button(key="c_fetchday").click().run()
    assert at.query_params["asof"] == "2026-09-16"


def test_calls_page_filters_and_selection_from_the_url() -> None:
    at = open_page(
        "calls", **PROFILE, asof="2026-03-10", cq="예비창업패키지", clinked="true", csel="176458"
    )
    table = at.dataframe[0].value
    assert len(table) >= 3 and table["통합공고 사업"].eq("예비창업패키지").all()
    page = texts(at)
    assert "통합공고 사업: **예비창업패키지**" in page
    assert "창업기간 '예비창업자'만" in page


def test_calls_page_without_a_profile_gives_no_verdict() -> None:
    # No profile, no verdict: not in the counts, the table, the call card or the calendar —
    # even when the link asks for eligible calls only.
    at = open_page("calls", asof="2026-03-10", cstatus="eligible", csel="176458")
    table = at.dataframe[0]
    assert len(table.value) == 1327  # the 자격 filter has nothing to filter on
    assert "자격" not in list(table.proto.column_order)
    page = texts(at)
    assert "프로필을 입력하면 판정" in page
    for badge in ("○ 신청 가능", "△ 확인 필요", "× 해당 없음"):
        assert badge not in page
    assert not at.error and not at.success and not at.warning
    assert not any(b.label.startswith("마감일 캘린더") for b in at.get("download_button"))


def call_cards_html(at: AppTest) -> str:
    bodies = [e.proto.body for e in at.get("html")]
    cards = [b for b in bodies if 'class="nv-cards"' in b]
    assert len(cards) == 1, "one block of call cards"
    return cards[0]


def test_calls_page_on_a_phone_shows_the_finders_cards_in_the_tables_order() -> None:
    # On a narrow screen CSS shows cards instead of the table (pages/_narrow.py); both are sent.
    at = open_page("calls", **PROFILE, asof="2026-03-10", cq="예비창업패키지", clinked="true")
    table = at.dataframe[0].value
    html = call_cards_html(at)
    assert html.count('<div class="nv-card">') == min(30, len(table))
    first = html.split('<div class="nv-card">')[1]
    assert f'<span class="nv-name">{table.iloc[0]["공고명"]}</span>' in first
    assert f"nv-chip nv-{table.iloc[0]['_status']}" in first  # the verdict
    assert table.iloc[0]["상태"] in first  # "모집 중 · 마감 D-n"
    assert "사업: 예비창업패키지" in first  # the linked program
    assert ">공고 ↗</a>" in first
    why = unescape(first.split('<div class="nv-why">', 1)[1].split("</div>", 1)[0])
    assert why and why in table.iloc[0]["판정 이유"]  # one reason of the verdict


def test_calls_page_phone_cards_page_on_and_open_a_call() -> None:
    at = open_page("calls", asof="2026-03-10")
    html = call_cards_html(at)
    assert "nv-chip" not in html and "지원대상:" in html  # no profile, no verdict
    assert html.count('<div class="nv-card">') == 30
    at.button(key="c_more").click().run()
    assert call_cards_html(at).count('<div class="nv-card">') == 60
    at.selectbox(key="c_pick").select("176458").run()
    assert at.query_params["csel"] in (["176458"], "176458")
    assert "창업기간" in texts(at)  # the call card with its boxes


def test_call_status_and_business_age_turn_over_at_midnight(monkeypatch) -> None:
    """A long-running server: the same session data on the next day shows the next day's D-n
    and 업력 (issue 13). The caches are not cleared between the two days."""
    from datetime import date, timedelta

    import loaders.announcements as ann
    from loaders.report import LoadReport

    day = date(2026, 5, 10)
    call = ann.Announcement(
        pbanc_sn="1",
        title="2026년 예비창업패키지 예비창업자 모집 공고",
        program_name="예비창업패키지",
        integrated=True,
        start=day - timedelta(days=10),
        end=day + timedelta(days=3),
    )
    fake = ann.AnnouncementSet((call,), LoadReport(), "sample", "테스트 공고 1건")
    monkeypatch.setattr(ann, "load_active_announcements", lambda *a, **k: fake)
    # Founded three years ago tomorrow: 업력 2년 11개월 today, 3년 tomorrow.
    profile = dict(PROFILE, founded="2023-05-11", status="전체")

    def finder_on(today: date) -> tuple[str, str]:
        monkeypatch.setattr(ann, "today_kst", lambda: today)
        at = open_page("finder", **profile)
        table = at.dataframe[0].value
        status = table[table["사업명"] == "예비창업패키지"].iloc[0]["공고"]
        return status, texts(at)

    status, page = finder_on(day)
    assert status == "모집 중 · 마감 D-3" and "업력 2년 11개월" in page
    status, page = finder_on(day + timedelta(days=1))
    assert status == "모집 중 · 마감 D-2" and "업력 3년" in page


def test_data_age_labels_turn_over_at_midnight(monkeypatch) -> None:
    """The labels that say how old the data is ("… 받음, 오늘" / "1일 전") are cached with the
    data: on a long-running server the next day shows the next day's age (issue 13). The
    caches are not cleared between the two days."""
    from dataclasses import replace
    from datetime import date, timedelta

    import loaders.announcements as ann
    import pages._dataset as dataset
    from loaders.report import LoadReport

    fetched = date(2026, 5, 10)

    def age() -> str:
        return f"받은 지 {(ann.today_kst() - fetched).days}일"

    call = ann.Announcement(
        pbanc_sn="1",
        title="2026년 예비창업패키지 예비창업자 모집 공고",
        program_name="예비창업패키지",
        integrated=True,
        start=fetched - timedelta(days=10),
        end=fetched + timedelta(days=3),
    )
    monkeypatch.setattr(
        ann,
        "load_active_announcements",
        lambda *a, **k: ann.AnnouncementSet((call,), LoadReport(), "snapshot", f"공고 ({age()})"),
    )
    monkeypatch.setattr(
        dataset, "load_active", lambda **k: replace(load_embedded(), label=f"사업 ({age()})")
    )
    for days in (0, 1):
        today = fetched + timedelta(days=days)
        monkeypatch.setattr(ann, "today_kst", lambda today=today: today)
        assert f"사업 (받은 지 {days}일)" in texts(open_page("overview"))
        assert f"공고 일정: 공고 (받은 지 {days}일)" in texts(open_page("finder", **PROFILE))


NOISY_CSV = (
    "사업명,연도,예산(억원),지원대상\n"
    "테스트 창업 바우처,2026,30000,예비창업자\n"
    "2197Gym,2026,10000,xyz\n"
).encode()


def test_data_desk_reports_suspicious_rows_and_a_total_above_the_notice() -> None:
    at = open_page("data_desk")
    upload(at, "noisy.csv", NOISY_CSV)
    labels = [t.label for t in at.tabs]
    assert labels[0] == "의심 1"  # what needs checking comes first
    warnings = " ".join(w.value for w in at.warning)
    assert "의심스러운 행 1개" in warnings
    assert "공표 총액 34,645억원보다 큽니다" in warnings
    frames = [d.value for d in at.dataframe if "셀" in d.value.columns]
    assert ["A3"] in [list(f["셀"]) for f in frames]  # the suspicious row's name cell


# --------------------------------------------------------------------------- △ you can act on


def test_finder_groups_maybes_by_the_missing_fact_and_asks_the_best_question() -> None:
    at = open_page("finder", firm="창업기업", founded="2024-03-01", age="34", region="경북")
    gaps = at.get("button_group")
    assert gaps, "the △ groups are offered as pills"
    page = texts(at)
    assert "가장 많이 판정되는 질문" in page
    before = metrics(at)["△ 확인 필요"]
    # A group in the link narrows the table (and the counts) to its programs.
    at = open_page(
        "finder", firm="창업기업", founded="2024-03-01", age="34", region="경북", gap="no_text"
    )
    table = at.dataframe[0].value
    assert len(table) > 0 and set(table["status"]) <= {"maybe"}
    assert metrics(at)["△ 확인 필요"] != before


def test_finder_counts_follow_the_filters() -> None:
    at = open_page("finder", **PROFILE)
    everything = metrics(at)
    at = open_page("finder", **PROFILE, type="시설·공간·보육")
    narrowed = metrics(at)
    assert narrowed["△ 확인 필요"] != everything["△ 확인 필요"]
    assert "필터·검색에 맞는 사업 기준" in texts(at)


def test_finder_answering_the_question_fills_the_profile() -> None:
    at = open_page("finder", firm="창업기업", founded="2024-03-01", age="34", region="경북")
    keys = {w.key for w in at.main if getattr(w, "key", None)}
    if "q_fields" in keys:
        at.multiselect(key="q_fields").select("정보·통신").run()
        at.button(key="q_apply").click().run()
        assert "정보·통신" in at.query_params["field"]
    else:
        at.selectbox(key="q_district").select("김천시").run()
        at.button(key="q_apply").click().run()
        assert at.query_params["district"] == "김천시"
