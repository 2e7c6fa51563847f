"""The app's one list of pages, and the check every page makes that it came through it.

``app.py`` calls :func:`run`: page config, ``st.navigation`` over :data:`PAGE_SPECS`, then the
chosen page. Streamlit (checked on 1.67) still treats a ``pages/`` folder beside the entry script
as a legacy multipage app until some session of the process has called ``st.navigation``: on a
fresh server the first request for a deep link (``/finder?age=34``) runs ``pages/finder.py``
directly, without ``app.py``, under a menu listing every module of the folder (streamlit issues
#9624, #9992; ``AppTest`` starts every run that way). The project keeps the folder name, so each
page starts with :func:`require_router`: outside :func:`run` it applies the page config and
calls the public ``st.navigation`` with the app's pages. That call replaces the legacy menu in
this run, and — as Streamlit states at that call — ends the legacy mode for the process, so
later requests go through ``app.py``. The page then carries on in the same run (no rerun, so a
button click that started the run is not lost). Nothing private of Streamlit is read or
written, and nothing happens at import.
"""

from __future__ import annotations

import threading

import streamlit as st

from pages._sidebar import draw_profile_form, forget_profile_form

__all__ = ["PAGE_SPECS", "PROFILE_PAGES", "pages", "require_router", "run"]

# (script, menu title, icon); the first page is the default one.
PAGE_SPECS: tuple[tuple[str, str, str], ...] = (
    ("pages/overview.py", "개요 (Overview)", ":material/dashboard:"),
    ("pages/finder.py", "사업 찾기 (Finder)", ":material/search:"),
    ("pages/calls.py", "모집 공고 (Calls)", ":material/campaign:"),
    ("pages/roadmap.py", "지원 경로 (Roadmap)", ":material/route:"),
    ("pages/policy_map.py", "정책 지도 (Policy map)", ":material/hub:"),
    ("pages/duplicates.py", "중복 분석 (Duplicates)", ":material/join_inner:"),
    ("pages/coverage.py", "지원 공백 (Coverage)", ":material/grid_on:"),
    ("pages/diff.py", "연도 비교 (Year diff)", ":material/compare_arrows:"),
    ("pages/data_desk.py", "데이터 (Data desk)", ":material/upload_file:"),
)

# Pages that judge with the firm profile: the router draws the sidebar form for them (see
# pages/_sidebar.py for why the router, not the page, draws it).
PROFILE_PAGES: frozenset[str] = frozenset(
    {"pages/finder.py", "pages/calls.py", "pages/roadmap.py", "pages/policy_map.py"}
)

# Set while app.py's router runs a page, on the script thread of that run.
_inside = threading.local()


def pages() -> list[st.Page]:
    """``st.Page`` objects for :data:`PAGE_SPECS` (paths relative to ``app.py``)."""
    return [
        st.Page(script, title=title, icon=icon, default=i == 0)
        for i, (script, title, icon) in enumerate(PAGE_SPECS)
    ]


def _url_path(script: str) -> str:
    # st.Page's url_path for "pages/finder.py" is "finder".
    return script.rsplit("/", 1)[-1].removesuffix(".py")


def _configure() -> None:
    # An emoji favicon is rendered locally; a ":material/…:" favicon would be fetched from
    # fonts.gstatic.com, and the app must make no request off the machine.
    st.set_page_config(page_title="창업지원 내비게이터", page_icon="🧭", layout="wide")


def run() -> None:
    """Route this run: page config, ``st.navigation`` picks the page from the URL, run it."""
    _configure()
    page = st.navigation(pages())
    _inside.active = True
    try:
        if page.url_path in {_url_path(s) for s in PROFILE_PAGES}:
            # Drawn here, in the entry script, so the form and its URL binding belong to no
            # page and survive every menu move.
            draw_profile_form()
        page.run()
    finally:
        _inside.active = False
        forget_profile_form()


def require_router() -> None:
    """First call of every page: make sure the page runs under :func:`run`.

    Under :func:`run` this returns at once. Otherwise (a fresh server's first deep link) it
    does what ``app.py`` would have done before the page: page config and the app's menu.
    """
    if getattr(_inside, "active", False):
        return
    _configure()
    st.navigation(pages())
