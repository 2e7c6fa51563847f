"""App tier: the profile form belongs to the router, so its values and URL follow every page.

Companion of ``tests/test_browser_state.py`` (which drives the real frontend): here the same
facts through ``AppTest`` — the URL a page leaves behind carries the profile, and the example
button writes every field, the founding date included.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

pytestmark = pytest.mark.app

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PROFILE = {
    "firm": "창업기업",
    "founded": "2024-05-01",
    "age": "34",
    "region": "경북",
    "district": "김천시",
    "field": "인공지능·빅데이터",
}


@pytest.fixture(autouse=True)
def _fresh_default_dataset():
    st.cache_data.clear()
    yield


def run_page(at: AppTest, page: str) -> AppTest:
    at.switch_page(f"pages/{page}.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def profile_line(at: AppTest) -> str:
    return next(c.value for c in at.caption if c.value.startswith("프로필:"))


def test_profile_from_a_link_follows_every_profile_page() -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("pages/finder.py")
    at.query_params.update(PROFILE)
    at.run()
    first = profile_line(at)
    assert "경북 김천시" in first
    for page in ("roadmap", "policy_map", "finder"):
        run_page(at, page)
        assert {k: at.query_params.get(k) for k in PROFILE} == PROFILE, page
        assert "경북 김천시" in profile_line(at), page


def test_the_form_is_drawn_once_per_run_in_the_sidebar() -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    run_page(at, "finder")
    assert [r.key for r in at.sidebar.radio] == ["firm"]
    run_page(at, "overview")
    assert not at.sidebar.radio  # pages without verdicts have no profile form


def test_example_profile_writes_every_field_to_the_url() -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    run_page(at, "finder")
    at.button(key="pf_example").click().run()
    assert dict(at.query_params) == {
        "firm": "창업기업",
        "founded": "2024-05-01",
        "age": "34",
        "region": "서울",
        "field": "인공지능·빅데이터",
    }
    assert profile_line(at).startswith("프로필: 업력 2년")


def _form_with_a_fill_button() -> None:
    # A script for AppTest.from_function: the profile form and a button that fills it from
    # code, as the example button and a consultant's client file do.
    from datetime import date

    import streamlit as st

    from pages._sidebar import draw_profile_form, fill_profile_form

    draw_profile_form()
    client = {"firm": "founded", "founded": date(2023, 3, 1), "region": "경북"}
    st.button(
        "fill", key="fill", on_click=fill_profile_form, args=({**client, "district": "김천시"},)
    )


def test_filling_the_form_from_code_writes_the_boxes_that_were_not_on_screen() -> None:
    # Neither the date box (창업기업 only) nor the 시·군·구 box (a 시·도 with 시·군·구 only) was
    # drawn before the fill; their parameters must still reach the URL.
    at = AppTest.from_function(_form_with_a_fill_button, default_timeout=60)
    at.run()
    at.button(key="fill").click().run()
    assert not at.exception
    assert dict(at.query_params) == {
        "firm": "창업기업",
        "founded": "2023-03-01",
        "region": "경북",
        "district": "김천시",
    }
