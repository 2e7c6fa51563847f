"""Browser tier for the analysts' pages: the heatmap is drawn, a click opens its cell, the SVG and
Excel downloads open, nothing leaves the machine, and a 390 px phone gets no sideways scroll.

Uses the server, browser and tab fixtures of tests/test_browser.py (a server of its own for this
module) and its rules: wait on the app's state and on the expected result (``expect``), never
for a fixed time; files only under ``tmp_path``; screenshots only when ``NAVIGATOR_SHOTS`` is set.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl
import pytest

from graph.coverage import coverage_matrix
from loaders.catalogue import load_embedded
from tests import test_browser
from tests.test_browser import RUN_BOUND_MS, assert_offline, expect, shot, wait_ready

pytestmark = pytest.mark.browser

# The browser tier's fixtures, reused by name.
server = test_browser.server
browser = test_browser.browser
page = test_browser.page


def test_coverage_heatmap_click_opens_the_cell_and_downloads_svg(
    page, server: str, tmp_path: Path
) -> None:
    page.goto(f"{server}/coverage")
    wait_ready(page)
    matrix = coverage_matrix(load_embedded().programs, by="stage")
    # The last rect layer (transparent, on top of the numbers) takes the clicks.
    cells = page.locator("[data-testid=stVegaLiteChart]").first.locator("g.mark-rect").last
    hits = cells.locator("path")
    expect(hits).to_have_count(len(matrix.rows) * len(matrix.cols))
    # Records are row by row: (초기, 사업화) is row 1, column 1.
    hits.nth(1 * len(matrix.cols) + 1).click()
    expected = matrix.cell("초기", "사업화").count
    expect(page.get_by_text(f"초기 · 사업화 — {expected}개 사업")).to_be_visible()
    wait_ready(page)
    shot(page, "browser_coverage")
    with page.expect_download(timeout=RUN_BOUND_MS) as info:
        page.get_by_role("button", name="그림 (SVG)").first.click()
    target = tmp_path / "coverage.svg"
    info.value.save_as(target)
    root = ET.fromstring(target.read_text(encoding="utf-8").split("\n", 1)[1])
    texts = {t.text for t in root.iter("{http://www.w3.org/2000/svg}text")}
    assert {"예비", "초기", "사업화"} <= texts
    assert_offline(page, server)


def test_year_diff_page_charts_and_excel(page, server: str, tmp_path: Path) -> None:
    page.goto(f"{server}/diff")
    wait_ready(page)
    expect(page.locator("[data-testid=stMetric]", has_text="명칭 변경")).to_have_count(1)
    page.get_by_role("tab", name="예산 변동").click()
    charts = page.locator("[data-testid=stVegaLiteChart]")
    # The waterfall and the per-program bars are drawn.
    expect(charts.nth(1).locator("g.mark-rect path").first).to_be_attached()
    shot(page, "browser_diff_budget")
    with page.expect_download(timeout=RUN_BOUND_MS) as info:
        page.get_by_role("button", name="Excel (.xlsx)").click()
    target = tmp_path / "diff.xlsx"
    info.value.save_as(target)
    assert openpyxl.load_workbook(target).sheetnames[:2] == ["요약", "계보"]
    expect(page.locator("[data-testid=stException]")).to_have_count(0)
    assert_offline(page, server)


@pytest.mark.parametrize("name", ["coverage", "diff"])
def test_phone_width_has_no_sideways_scroll(browser, server: str, name: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    try:
        tab.goto(f"{server}/{name}")
        wait_ready(tab)
        expect(
            tab.locator("[data-testid=stVegaLiteChart], [data-testid=stMetric]").first
        ).to_be_visible()
        width = tab.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 391, f"page is {width}px wide at 390px"
        shot(tab, f"browser_{name}_390px")
    finally:
        context.close()
