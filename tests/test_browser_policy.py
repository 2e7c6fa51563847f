"""Browser tier for the analysts' pages: the heatmap is drawn, a click opens its cell, the SVG and
Excel downloads open, nothing leaves the machine, and a 390 px phone gets no sideways scroll.

Uses the server, browser and tab fixtures of tests/test_browser.py (its own server for this
module); screenshots go to ``/tmp/shots`` (``NAVIGATOR_SHOTS``), never into the repository.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import openpyxl
import pytest

from graph.coverage import coverage_matrix
from loaders.catalogue import load_embedded
from tests import test_browser
from tests.test_browser import SHOTS, assert_offline, shot, wait_ready

# The browser tier's fixtures, reused by name (a module-scoped server of its own).
server = test_browser.server
browser = test_browser.browser
page = test_browser.page

pytestmark = pytest.mark.browser


def test_coverage_heatmap_click_opens_the_cell_and_downloads_svg(page, server: str) -> None:
    page.goto(f"{server}/coverage")
    wait_ready(page)
    chart = page.locator("[data-testid=stVegaLiteChart]").first
    chart.wait_for()
    # The last rect layer (transparent, on top of the numbers) takes the clicks.
    cells = chart.locator("g.mark-rect").last.locator("path")
    matrix = coverage_matrix(load_embedded().programs, by="stage")
    assert cells.count() == len(matrix.rows) * len(matrix.cols)
    # Records are row by row: (초기, 사업화) is row 1, column 1.
    cells.nth(1 * len(matrix.cols) + 1).click()
    wait_ready(page)
    expected = matrix.cell("초기", "사업화").count
    page.get_by_text(f"초기 · 사업화 — {expected}개 사업").wait_for()
    shot(page, "browser_coverage")
    with page.expect_download() as info:
        page.get_by_role("button", name="그림 (SVG)").first.click()
    target = SHOTS / "coverage_download.svg"
    info.value.save_as(target)
    svg = target.read_text(encoding="utf-8")
    root = ET.fromstring(svg.split("\n", 1)[1])
    texts = {t.text for t in root.iter("{http://www.w3.org/2000/svg}text")}
    assert {"예비", "초기", "사업화"} <= texts
    assert_offline(page, server)


def test_year_diff_page_charts_and_excel(page, server: str) -> None:
    page.goto(f"{server}/diff")
    wait_ready(page)
    page.locator("[data-testid=stMetric]", has_text="명칭 변경").wait_for()
    page.get_by_role("tab", name="예산 변동").click()
    wait_ready(page)
    charts = page.locator("[data-testid=stVegaLiteChart]")
    charts.nth(1).wait_for()  # the waterfall and the per-program bars
    charts.nth(1).locator("g.mark-rect path").first.wait_for()
    shot(page, "browser_diff_budget")
    with page.expect_download() as info:
        page.get_by_role("button", name="Excel (.xlsx)").click()
    target = SHOTS / "diff_download.xlsx"
    info.value.save_as(target)
    wb = openpyxl.load_workbook(target)
    assert wb.sheetnames[:2] == ["요약", "계보"]
    assert not page.locator("[data-testid=stException]").count()
    assert_offline(page, server)


@pytest.mark.parametrize("name", ["coverage", "diff"])
def test_phone_width_has_no_sideways_scroll(browser, server: str, name: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    try:
        tab.goto(f"{server}/{name}")
        wait_ready(tab)
        tab.locator("[data-testid=stVegaLiteChart], [data-testid=stMetric]").first.wait_for()
        width = tab.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 391, f"page is {width}px wide at 390px"
        shot(tab, f"browser_{name}_390px")
    finally:
        context.close()
