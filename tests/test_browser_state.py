"""Browser tier: state that holds — a shared link's profile and filters across menu moves.

A founder opens a link a consultant sent (profile and finder filters in the URL) on a fresh
server and moves through the menu at once, without waiting for the page to settle. Each page
must show the same profile, its own link must carry it (copying the address bar reproduces
the view), and the finder's filters must come back when the founder returns to the finder.
The "예시 프로필로 채우기" button must write every field, the founding date too, to the URL.

Waits are on the app's state only (the run state Streamlit keeps on ``stApp``, the page's
title, the URL); never fixed sleeps. Fixtures (server, browser, tab) are the browser tier's.
"""

from __future__ import annotations

import contextlib
import json
import re
from urllib.parse import parse_qs, urlencode, urlparse

import pytest

try:
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
    from playwright.sync_api import expect
except ImportError:  # pragma: no cover - dev extra not installed; the browser fixture skips
    expect = None  # type: ignore[assignment]
    PlaywrightTimeoutError = TimeoutError  # type: ignore[misc,assignment]

# The tier's fixtures, and its one wait on the app's run state with the bound on a script run
# (a fresh server's first run of a page took more than 30 s under a load average of 25).
from tests.test_browser import (  # noqa: F401 (fixtures)
    RUN_BOUND_MS,
    browser,
    page,
    server,
    shot,
    wait_ready,
)

pytestmark = pytest.mark.browser

PROFILE = {
    "firm": "창업기업",
    "founded": "2024-05-01",
    "age": "34",
    "region": "경북",
    "district": "김천시",
    "field": "인공지능·빅데이터",
    "flag": "여성",
}
PROFILE_LINE = "업력 2년"  # the profile line of every page (founded 2024-05-01)
TITLES = {"finder": "사업 찾기", "roadmap": "지원 경로", "policy_map": "정책 지도", "": "창업지원"}
MENU = {"finder": "사업 찾기", "roadmap": "지원 경로", "policy_map": "정책 지도", "": "개요"}


@pytest.fixture(autouse=True)
def _patient_expect() -> None:
    # A bound on polling, not a wait: a busy 2-core machine can take seconds per run.
    if expect is not None:
        expect.set_options(timeout=30_000)


def params(tab) -> dict[str, list[str]]:
    return parse_qs(urlparse(tab.url).query)


def wait_for_params(tab, expected: dict[str, str]) -> None:
    """Until the address bar carries every ``expected`` parameter (Streamlit writes the URL
    after a run, so the check polls the page's own ``location``)."""
    try:
        tab.wait_for_function(
            """exp => { const p = new URLSearchParams(location.search);
                        return Object.entries(exp).every(([k, v]) => p.get(k) === v); }""",
            arg=expected,
            timeout=30_000,
        )
    except Exception as exc:  # the message says which parameters are missing
        have = {k: v[-1] for k, v in params(tab).items()}
        missing = {k: v for k, v in expected.items() if have.get(k) != v}
        raise AssertionError(f"URL lacks {json.dumps(missing, ensure_ascii=False)}") from exc


def move(tab, path: str) -> None:
    """Click the menu entry of ``path`` and wait until that page has run."""
    tab.locator("[data-testid=stSidebarNav]").get_by_text(MENU[path]).first.click()
    tab.wait_for_function("p => location.pathname.replace(/^\\//, '') === p", arg=path)
    # The title is drawn by the page's run: the bound is a run's, not the default 30 s.
    tab.locator("[data-testid=stMain] h1", has_text=TITLES[path]).first.wait_for(
        timeout=RUN_BOUND_MS
    )
    wait_ready(tab)


@pytest.mark.parametrize(
    ("start", "moves"),
    [
        ("finder", ["roadmap", "finder", "policy_map", "finder"]),
        ("roadmap", ["finder", "roadmap"]),
        ("policy_map", ["finder", "", "finder"]),
    ],
)
def test_shared_link_profile_survives_every_menu_move(page, server, start, moves) -> None:  # noqa: F811
    finder_filters = {"q": "패키지", "status": "전체"}
    link = {**PROFILE, **(finder_filters if start == "finder" else {})}
    page.goto(f"{server}/{start}?{urlencode(link)}")
    wait_ready(page)
    expect(page.locator("[data-testid=stMain]")).to_contain_text(PROFILE_LINE)
    # Moves start at once: no waiting for the sidebar's widgets to finish loading.
    for path in moves:
        move(page, path)
        if path == "":
            continue  # the overview shows no profile; the next page must still have it
        wait_for_params(page, PROFILE)
        main = page.locator("[data-testid=stMain]")
        expect(main).to_contain_text(PROFILE_LINE)
        expect(main).to_contain_text("경북 김천시")
        expect(main).not_to_contain_text("프로필 미입력")
        if path == "finder" and start == "finder":
            wait_for_params(page, finder_filters)  # the finder's own filters come back
            # A bound box takes its value just after the run: poll, don't read once.
            expect(page.get_by_label("사업 검색")).to_have_value("패키지")


def test_link_copied_after_moves_reproduces_the_view(page, server) -> None:  # noqa: F811
    page.goto(f"{server}/finder?{urlencode({**PROFILE, 'q': '패키지'})}")
    wait_ready(page)
    move(page, "roadmap")
    move(page, "finder")
    wait_for_params(page, {**PROFILE, "q": "패키지"})
    other = page.context.new_page()
    other.goto(page.url)
    wait_ready(other)
    expect(other.get_by_label("사업 검색")).to_have_value("패키지")
    expect(other.locator("[data-testid=stMain]")).to_contain_text("경북 김천시")
    other.close()


def test_example_profile_writes_every_field_to_the_url(page, server) -> None:  # noqa: F811
    page.goto(f"{server}/finder")
    wait_ready(page)
    page.get_by_role("button", name="예시 프로필로 채우기").click()
    wait_for_params(
        page,
        {
            "firm": "창업기업",
            "founded": "2024-05-01",
            "age": "34",
            "region": "서울",
            "field": "인공지능·빅데이터",
        },
    )
    wait_ready(page)
    move(page, "roadmap")
    wait_for_params(page, {"founded": "2024-05-01", "region": "서울"})


def test_shared_link_on_a_phone_shows_cards_first_and_the_profile_one_tap_away(
    browser,  # noqa: F811
    server,  # noqa: F811
) -> None:
    """390 px: the sidebar is behind the "»" button, so the button says what it opens and the
    caption names it; the results start on the first screen as cards with verdict and reason,
    the filters below them; nothing scrolls sideways."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    try:
        tab.goto(f"{server}/finder?{urlencode({**PROFILE, 'q': '창업패키지'})}")
        wait_ready(tab)
        main = tab.locator("[data-testid=stMain]")
        expect(main.locator(".nv-card").first).to_be_visible()
        expect(main.locator("[data-testid=stDataFrame]")).to_be_hidden()
        first = main.locator(".nv-card").first
        expect(first.locator(".nv-chip")).to_have_text(re.compile("^[○△×] "))
        expect(first.locator(".nv-why")).not_to_be_empty()
        # Wait for the layout to settle (a loaded machine can paint the cards before the
        # elements above them collapse), then measure: a state to wait on, not a sleep.
        on_screen = (
            "() => { const c = document.querySelector('[data-testid=stMain] .nv-card');"
            " return c !== null && c.getBoundingClientRect().top + 60 < 844; }"
        )
        with contextlib.suppress(PlaywrightTimeoutError):
            tab.wait_for_function(on_screen, timeout=RUN_BOUND_MS)
        card_top = first.bounding_box()["y"]
        assert card_top + 60 < 844, f"first result at {card_top:.0f}px, below the first screen"
        filters = main.get_by_text("지원유형", exact=True).first
        assert filters.bounding_box()["y"] > card_top  # the filters moved below the results
        caption = main.locator("[data-testid=stCaptionContainer]").first
        expect(caption).to_contain_text("내 회사 프로필", use_inner_text=True)
        expect(caption).not_to_contain_text("왼쪽 사이드바", use_inner_text=True)
        assert tab.evaluate("() => document.documentElement.scrollWidth") <= 391
        shot(tab, "browser_finder_390px")
        # One tap on the labelled button opens the profile form.
        button = tab.locator("[data-testid=stExpandSidebarButton]")
        assert "내 회사 프로필" in tab.evaluate(
            "e => getComputedStyle(e, '::after').content", button.element_handle()
        )
        button.click()
        expect(tab.locator("[data-testid=stSidebar]").get_by_text("설립일")).to_be_visible()
    finally:
        context.close()


def test_wide_screen_keeps_the_table_and_hides_the_cards(page, server) -> None:  # noqa: F811
    page.goto(f"{server}/finder?{urlencode(PROFILE)}")
    wait_ready(page)
    main = page.locator("[data-testid=stMain]")
    expect(main.locator("[data-testid=stDataFrame]")).to_be_visible()
    expect(main.locator(".nv-card").first).to_be_hidden()
    expect(main.get_by_label("사업 카드 열기")).to_be_hidden()
    # The sidebar is open and headed by what the caption names.
    expect(page.locator("[data-testid=stSidebar]").get_by_text("내 회사 프로필")).to_be_visible()


def test_calls_on_a_phone_show_the_finders_cards_first(browser, server) -> None:  # noqa: F811
    """390 px on 모집 공고: the same cards as the finder's (verdict, title, D-n, reason), the
    table hidden, the filters below the cards; nothing scrolls sideways."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    try:
        tab.goto(f"{server}/calls?{urlencode({**PROFILE, 'asof': '2026-03-10'})}")
        wait_ready(tab)
        main = tab.locator("[data-testid=stMain]")
        first = main.locator(".nv-card").first
        expect(first).to_be_visible()
        expect(main.locator("[data-testid=stDataFrame]")).to_be_hidden()
        expect(first.locator(".nv-chip")).to_have_text(re.compile("^[○△×] "))
        expect(first.locator(".nv-meta")).to_contain_text(re.compile("D-[0-9]+"))
        expect(first.locator(".nv-why")).not_to_be_empty()
        card_top = first.bounding_box()["y"]
        assert card_top + 60 < 844, f"first call at {card_top:.0f}px, below the first screen"
        assert main.get_by_text("공고 검색", exact=True).bounding_box()["y"] > card_top
        assert tab.evaluate("() => document.documentElement.scrollWidth") <= 391
        shot(tab, "browser_calls_390px")
    finally:
        context.close()
