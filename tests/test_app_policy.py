"""App tier for the analysts' pages: 지원 공백 (coverage, reach) and 연도 비교 (year diff).

Like tests/test_app.py: open ``app.py``, switch to the page with the URL parameters a shared link
carries, and compare what the page shows with the library call it is a layer over.
"""

from __future__ import annotations

import io

import openpyxl
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from graph.coverage import coverage_matrix, reach
from graph.diff import LineageEdit, diff_catalogues
from loaders.catalogue import load_embedded
from pages._policy import NO_LINK, editor_edits, lineage_editor
from tests.test_app import APP, texts

pytestmark = pytest.mark.app


@pytest.fixture(autouse=True)
def _fresh_default_dataset():
    st.cache_data.clear()
    yield


@pytest.fixture(scope="module")
def embedded():
    return load_embedded()


def open_page(page: str, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    at.switch_page(f"pages/{page}.py")
    at.query_params.update(params)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_coverage_cell_opens_its_programs(embedded) -> None:
    at = open_page("coverage", nat_row="초기", nat_col="사업화")
    assert at.title[0].value == "지원 공백"
    expected = coverage_matrix(embedded.programs, by="stage").cell("초기", "사업화")
    shown = at.dataframe[0].value
    assert len(shown) == expected.count > 0
    assert set(shown["program_id"]) == set(expected.program_ids)
    assert f"**초기 · 사업화** — {expected.count}개 사업" in texts(at)
    assert {b.label for b in at.get("download_button")} >= {"그림 (SVG)", "표 (CSV)"}


def test_coverage_gap_cell_explains_itself(embedded) -> None:
    # Whichever cell the data leaves empty (sourced enrichment fills cells over time).
    matrix = coverage_matrix(embedded.programs, by="stage")
    row, col = next((r, c) for r in matrix.rows for c in matrix.cols if matrix.is_gap(r, c))
    at = open_page("coverage", nat_row=row, nat_col=col)
    assert matrix.gap_note(row, col) in [i.value for i in at.info]


def test_reach_of_a_district_beside_the_national_picture(embedded) -> None:
    at = open_page("coverage", reach_sido="경북", reach_sgg="김천시")
    found = reach(embedded.programs, "경북", "김천시")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["닿는 사업"] == f"{len(found.ids())}개"
    assert metrics["전국 사업"] == f"{found.counts()['nationwide']}개"
    assert "경북 김천시에서 닿는 사업" in texts(at)
    assert "전국 현황" in texts(at)


def test_coverage_by_sido_from_the_url() -> None:
    at = open_page("coverage", cov_by="시·도", nat_row="경기", nat_col="보육·멘토링")
    assert at.segmented_control(key="cov_by").value == "sido"
    assert "**경기 · 보육·멘토링**" in texts(at)


def test_year_diff_of_the_embedded_years() -> None:
    at = open_page("diff")
    expected = diff_catalogues(load_embedded(2025), load_embedded(2026))
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["유지"] == f"{expected.counts()['same']}건"
    assert metrics["명칭 변경"] == f"{expected.counts()['renamed']}건"
    assert metrics["신규"] == f"{expected.counts()['new']}건"
    assert "'신규'는 '이전 데이터에 없음'" in texts(at)
    excel = next(b for b in at.get("download_button") if b.label.startswith("Excel"))
    assert excel is not None


def test_year_diff_follows_an_uploaded_lineage_file() -> None:
    at = open_page("diff")
    lineage = "관계,이전 사업명,새 사업명\n명칭 변경,예술기업 성장 지원,예술분야 창업기업 지원\n"
    uploader = next(u for u in at.get("file_uploader") if u.label.startswith("고친 계보 표"))
    uploader.set_value(("lineage.csv", lineage.encode("utf-8"), "text/csv"))
    at.run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    base = diff_catalogues(load_embedded(2025), load_embedded(2026))
    assert metrics["명칭 변경"] == f"{base.counts()['renamed'] + 1}건"


def test_editor_rows_become_lineage_edits() -> None:
    diff = diff_catalogues(load_embedded(2025), load_embedded(2026))
    frame, labels = lineage_editor(diff)
    assert len(frame) == diff.old.programs
    row = int(frame.index[frame["이전 사업"] == "예술기업 성장 지원"][0])
    target = next(
        pid for pid, label in labels.items() if label.startswith("예술분야 창업기업 지원")
    )
    edits = editor_edits(
        {row: {"연결할 새 사업": labels[target]}, 0: {"연결할 새 사업": NO_LINK}}, frame, labels
    )
    assert edits == [
        LineageEdit("폐지", frame.iloc[0]["_old_id"], "", "앱 계보 표 1행"),
        LineageEdit("명칭 변경", frame.iloc[row]["_old_id"], target, f"앱 계보 표 {row + 1}행"),
    ]
    fixed = diff_catalogues(load_embedded(2025), load_embedded(2026), edits=edits)
    assert fixed.counts()["renamed"] == diff.counts()["renamed"] + 1


def test_diff_excel_download_opens() -> None:
    from graph.diff_export import diff_to_excel

    data = diff_to_excel(diff_catalogues(load_embedded(2025), load_embedded(2026)))
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb["계보"].max_row == 1 + 24 + 4 + 9 + 33
    assert wb["비교 제외"].max_row == 1 + 316
