"""Program text is untrusted: hostile names travel from a notice file through every output.

A notice row named ``=HYPERLINK(...)`` must reach every CSV/Excel export as inert text, and one
named ``<img src=x onerror=alert(1)>`` must reach the navigation map (which runs with same-origin
access to the app) only escaped. The files go through the real loader, engine and exporters.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from graph.duplicates import find_duplicates
from graph.export import duplicates_to_csv, duplicates_to_excel
from graph.mapviz import map_html
from graph.navmap import layout_map
from graph.path import plan_path
from graph.profile import FirmProfile
from graph.roadmap_export import roadmap_to_csv, roadmap_to_excel
from loaders.spreadsheet.load import load_bytes
from tests.conftest import ROOT

FORMULA = '=HYPERLINK("http://evil.example/x","클릭")'
XSS = "<img src=x onerror=alert(1)>"
SCRIPT = "</script><script>alert(2)</script>"
DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")

ROWS = [
    # name, institution, support type, target, content
    (FORMULA, "중소벤처기업부", "사업화", "창업 3년 이내 기업", "=1+2 사업화 자금 지원"),
    (f"{FORMULA} 2", "문화체육관광부", "사업화", "창업 3년 이내 기업", "=1+2 사업화 자금 지원"),
    (XSS, "과학기술정보통신부", "기술개발(R&D)", "창업 3년 이내 기업", XSS),
    (SCRIPT, "@SUM(A1)", "글로벌", "창업 7년 이내 기업", "+해외 진출 지원"),
    ("-2+3 보육", "-기관", "보육", "창업 7년 이내 기업", "\t입주 공간"),
]


@pytest.fixture(scope="module")
def programs():
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["사업명", "소관부처", "지원유형", "지원대상", "지원내용", "예산(억원)"])
    for name, inst, kind, target, content in ROWS:
        writer.writerow([name, inst, kind, target, content, 10])
    loaded, report = load_bytes(buf.getvalue().encode("utf-8"), "hostile.csv")
    assert report.balanced and len(loaded) == len(ROWS)
    return loaded


@pytest.fixture(scope="module")
def profile():
    return FirmProfile(founded=date(2025, 1, 1), as_of=date(2026, 3, 1), ceo_age=35, region="서울")


def _cells_of_workbook(data: bytes) -> list[str]:
    """Text cells, as a spreadsheet would act on them.

    The .xlsx exports keep formula-like text unchanged but typed as a string with Excel's quote
    prefix (Excel and LibreOffice never evaluate such a cell); those count as neutralised and are
    returned with the apostrophe the quote prefix stands for.
    """
    wb = openpyxl.load_workbook(io.BytesIO(data))
    cells = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if not isinstance(c.value, str):
                    continue
                if c.value.startswith(DANGEROUS_START):
                    assert c.data_type == "s" and c.quotePrefix, (ws.title, c.coordinate, c.value)
                    cells.append("'" + c.value)
                else:
                    cells.append(c.value)
    return cells


def _cells_of_csv(data: bytes) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))) for cell in row]


def _assert_inert(cells: list[str]) -> None:
    dangerous = [c for c in cells if c.startswith(DANGEROUS_START)]
    assert dangerous == []
    assert any(c.startswith("'=HYPERLINK") for c in cells), "the hostile name must still be shown"


def test_roadmap_exports_neutralise_formulas(programs, profile):
    roadmap = plan_path(programs, profile)
    assert any(s.program_id == programs[0].program_id for s in roadmap.steps)
    by_id = {p.program_id: p for p in programs}
    _assert_inert(_cells_of_workbook(roadmap_to_excel(roadmap, by_id, client=FORMULA)))
    _assert_inert(_cells_of_csv(roadmap_to_csv(roadmap, by_id)))


def test_duplicate_exports_neutralise_formulas(programs):
    result = find_duplicates(programs, threshold=0.5)
    assert result.pairs, "the two HYPERLINK programs are near-duplicates across institutions"
    _assert_inert(_cells_of_workbook(duplicates_to_excel(result, programs)))
    _assert_inert(_cells_of_csv(duplicates_to_csv(result, programs)))


def test_policy_map_html_has_no_live_tag_from_program_text(programs, profile):
    roadmap = plan_path(programs, profile)
    assert roadmap.steps, "the hostile programs are on the path, so their labels are drawn"
    html = map_html(layout_map(programs), roadmap=roadmap).html
    assert XSS not in html
    assert "<img" not in html
    assert "alert(2)</script>" not in html
    assert "\\u003cimg" not in html  # a raw "<" inside the JSON node data would render as a tag
    assert "&lt;img src=x" in html or "\\u0026lt;img src=x" in html  # shown, escaped


def test_policy_map_is_offline(programs):
    html = map_html(layout_map(programs)).html
    assert not re.search(r"<(script|link)[^>]+(src|href)=[\"']?https?://", html)


def test_phone_result_cards_show_program_text_escaped(programs, profile):
    # The finder's cards are the one st.html block of program text (pages/_narrow.py).
    from graph.eligibility import evaluate_all
    from pages._narrow import result_cards
    from usecases.finder import FinderQuery, find

    found = find(programs, evaluate_all(programs, profile), FinderQuery(status="all"))
    html = result_cards(found.rows, judged=True)
    assert len(found.rows) == len(ROWS)
    assert XSS not in html and "<img" not in html and "<script" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;" in html


def test_pages_never_render_program_text_as_html():
    for path in [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]:
        source = Path(path).read_text(encoding="utf-8")
        assert "unsafe_allow_html=True" not in source, path
