"""Browser tier: the real app under ``streamlit run``, driven by Playwright and Debian's Chromium.

One server and one browser for the module. The test walks a first-time user's path: open the
finder, fill the sidebar profile with the real widgets, see verdicts (and the URL carrying the
profile), open the policy map and find the vis.js canvas drawn inside its iframe, download the
Excel roadmap and open it with openpyxl. Every page is screenshotted to ``/tmp/shots`` and no
request may leave localhost (the app must work offline).

Chromium is Debian's ``/usr/bin/chromium`` (``apt-get install chromium fonts-nanum``); nothing is
downloaded (never ``playwright install``). Without it the tests skip locally and fail when
``CI=true``.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode, urlparse

import openpyxl
import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("NAVIGATOR_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-dev-shm-usage",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SHOTS = Path(os.environ.get("NAVIGATOR_SHOTS", "/tmp/shots"))
IN_CI = os.environ.get("CI", "").lower() == "true"


def _missing(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"browser test cannot run under CI=true: {reason}")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``streamlit run app.py`` on a free port, with an empty K-Startup cache (embedded data)."""
    port = _free_port()
    env = dict(os.environ)
    env["NAVIGATOR_CACHE_DIR"] = str(tmp_path_factory.mktemp("navigator-cache"))
    env.pop("KSTARTUP_SERVICE_KEY", None)
    log = tmp_path_factory.mktemp("streamlit") / "server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [
                sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
                "--server.headless", "true",
                "--server.port", str(port),
                "--server.address", "127.0.0.1",
                "--server.fileWatcherType", "none",
                "--browser.gatherUsageStats", "false",
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"streamlit did not start:\n{log.read_text(errors='replace')[-3000:]}")
            time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        _missing(f"Chromium not found at {CHROMIUM} (apt-get install chromium fonts-nanum)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - dev extra not installed
        _missing("playwright is not installed (pip install -e '.[dev]')")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server: str):
    """A fresh tab that records page errors and every request's host."""
    context = browser.new_context(viewport={"width": 1400, "height": 1600}, accept_downloads=True)
    tab = context.new_page()
    tab.errors = []  # type: ignore[attr-defined]
    tab.hosts = set()  # type: ignore[attr-defined]
    tab.on("pageerror", lambda e: tab.errors.append(str(e)))
    tab.on(
        "request",
        lambda r: tab.hosts.add(urlparse(r.url).scheme + "://" + (urlparse(r.url).hostname or "")),
    )
    tab.set_default_timeout(30_000)
    yield tab
    context.close()


def wait_ready(tab) -> None:
    """Until Streamlit has finished the run (no running indicator, main block present)."""
    tab.wait_for_selector("[data-testid=stMain] h1")
    tab.wait_for_function(
        "() => !document.querySelector('[data-testid=stStatusWidget]')"
        " || !document.querySelector('[data-testid=stStatusWidget]').innerText.includes('Running')"
    )
    tab.wait_for_timeout(400)


def shot(tab, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def assert_offline(tab, server: str) -> None:
    local = {
        urlparse(server).scheme + "://" + urlparse(server).hostname,
        "data://",
        "blob://",
        "about://",
    }
    assert tab.hosts <= local, f"requests left the machine: {sorted(tab.hosts - local)}"
    assert not tab.errors, tab.errors


def sidebar_metric(tab, label: str) -> str:
    metric = tab.locator("[data-testid=stMetric]", has_text=label).first
    return metric.locator("[data-testid=stMetricValue]").inner_text()


def test_deep_link_on_first_visit_goes_through_the_router(page, server: str) -> None:
    # Runs first on the module's fresh server: Streamlit would treat pages/ as a legacy app
    # until app.py's st.navigation has run once. A shared link must still get the app's menu.
    query = urlencode(
        {"firm": "예비창업자", "age": "29", "q": "예비 창업 패키지", "status": "전체"}
    )
    page.goto(f"{server}/finder?{query}")
    wait_ready(page)
    nav = page.locator("[data-testid=stSidebarNav]").inner_text()
    assert "사업 찾기 (Finder)" in nav and "state" not in nav
    assert page.get_by_label("사업 검색").input_value() == "예비 창업 패키지"
    assert int(sidebar_metric(page, "검색·필터 결과").removesuffix("개")) >= 1


def test_first_time_user_path(page, server: str) -> None:
    tab = page
    # 1. Overview opens on the embedded dataset.
    tab.goto(server)
    wait_ready(tab)
    assert "377" in tab.locator("[data-testid=stMain]").inner_text()
    shot(tab, "browser_overview")

    # 2. Finder: fill the profile with the sidebar's own widgets.
    tab.goto(f"{server}/finder")
    wait_ready(tab)
    sidebar = tab.locator("[data-testid=stSidebar]")
    sidebar.get_by_text("창업기업", exact=True).click()
    wait_ready(tab)
    # The date input is three spin buttons (year, month, day); typing digits moves along.
    sidebar.get_by_role("spinbutton", name="year, 설립일 (개업일·법인 설립일)").click()
    tab.keyboard.type("20240501")
    tab.keyboard.press("Escape")  # closes the calendar and commits the date
    wait_ready(tab)
    age = sidebar.get_by_label("대표자 만 나이")
    age.fill("34")
    age.press("Enter")
    wait_ready(tab)
    region = sidebar.get_by_role("combobox", name="소재지 (본사·주사무소, 예비창업자는 거주지)")
    region.click()
    region.fill("서울")
    region.press("Enter")
    wait_ready(tab)
    main = tab.locator("[data-testid=stMain]")
    assert "업력 2년" in main.inner_text()  # the profile line reflects the form
    assert int(sidebar_metric(tab, "○ 신청 가능")) > 0
    assert main.locator("[data-testid=stDataFrame]").count() == 1
    assert "age=34" in tab.url and "region=" in tab.url  # a link reproduces the view
    shot(tab, "browser_finder")

    # 2a. Selecting a row opens the program card (with its source).
    grid = main.locator("[data-testid=stDataFrame]")
    box = grid.bounding_box()
    assert box
    tab.mouse.click(box["x"] + 18, box["y"] + 35 + 17)  # the first row's selection box
    tab.get_by_text("상세 페이지 열기", exact=False).first.wait_for()
    card = main.inner_text()
    assert "지원대상" in card and "출처:" in card and "sel=" in tab.url
    shot(tab, "browser_finder_card")

    # 2b. The link alone restores the same view in a new tab.
    link = tab.url
    other = tab.context.new_page()
    other.goto(link)
    wait_ready(other)
    assert sidebar_metric(other, "○ 신청 가능") == sidebar_metric(tab, "○ 신청 가능")
    other.close()

    # 3. Policy map: the vis.js canvas is drawn inside the iframe.
    tab.locator("[data-testid=stSidebarNav]").get_by_text("정책 지도").click()
    wait_ready(tab)
    frame = tab.frame_locator("[data-testid=stIFrame]")
    canvas = frame.locator("#mynetwork canvas")
    canvas.wait_for(state="visible")
    box = canvas.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 300
    drawn = tab.frames[-1].evaluate(
        "() => typeof network !== 'undefined' && network.body.data.nodes.length"
    )
    assert drawn and drawn > 300
    tab.wait_for_timeout(1500)  # let the layout settle for the screenshot
    shot(tab, "browser_policy_map")

    # 4. Roadmap: download the Excel file and open it.
    tab.locator("[data-testid=stSidebarNav]").get_by_text("지원 경로").click()
    wait_ready(tab)
    shot(tab, "browser_roadmap")
    with tab.expect_download() as info:
        tab.get_by_role("button", name="Excel 로드맵 (.xlsx)").click()
    target = SHOTS / "roadmap_download.xlsx"
    info.value.save_as(target)
    wb = openpyxl.load_workbook(target)
    assert wb.sheetnames == ["로드맵", "사업 상세", "가정·프로필"]
    names = [c.value for c in wb["로드맵"]["D"][1:] if c.value]
    assert names, "the roadmap sheet lists programs"
    assert_offline(tab, server)


def test_bad_upload_shows_an_error_not_a_traceback(page, server: str, tmp_path: Path) -> None:
    bad = tmp_path / "not_a_notice.csv"
    bad.write_bytes(b"\x00\x01\x02 garbage")
    page.goto(f"{server}/data_desk")
    wait_ready(page)
    page.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files(str(bad))
    alert = page.locator("[data-testid=stAlertContentError]")
    alert.wait_for()
    assert "지금 쓰는 데이터는 그대로입니다" in alert.inner_text()
    assert "not_a_notice.csv" in alert.inner_text()
    assert not page.locator("[data-testid=stException]").count()
    shot(page, "browser_data_desk_bad_upload")


@pytest.mark.parametrize("name", ["duplicates", "data_desk"])
def test_other_pages_render_offline(page, server: str, name: str) -> None:
    page.goto(f"{server}/{name}")
    wait_ready(page)
    assert not page.locator("[data-testid=stException]").count()
    shot(page, f"browser_{name}")
    assert_offline(page, server)
