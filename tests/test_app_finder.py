"""App tier: the finder's search shows every match with its verdict, and no profile, no verdict.

Issue 12 items 5 and 6 through the real page (``AppTest``): a 창업기업 searching
예비창업패키지 sees it with its × and the reason, abbreviations find their program, and
without a profile the table has no ○/△/× at all.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

pytestmark = pytest.mark.app

APP = str(Path(__file__).resolve().parent.parent / "app.py")
FOUNDED = {"firm": "창업기업", "founded": "2024-05-01", "age": "34", "region": "서울"}


@pytest.fixture(autouse=True)
def _fresh_default_dataset():
    st.cache_data.clear()
    yield


def finder(**params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("pages/finder.py")
    at.query_params.update(params)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    kinds = ("info", "caption", "markdown", "warning")
    return "\n".join(str(e.value) for k in kinds for e in getattr(at, k))


def test_a_founded_firm_searching_the_pre_founder_package_sees_it_with_its_cross() -> None:
    at = finder(q="예비창업패키지", **FOUNDED)  # the default verdict filter hides ×
    table = at.dataframe[0].value
    row = table[table["사업명"] == "예비창업패키지"].iloc[0]
    assert row["status"] == "ineligible" and row["자격"] == ["× 해당 없음"]
    assert row["판정 이유"].startswith("예비창업자 대상")  # the failing condition first


def test_search_lists_eligible_matches_first_and_ineligible_last() -> None:
    at = finder(q="패키지", **FOUNDED)
    statuses = list(at.dataframe[0].value["status"])
    order = ["eligible", "maybe", "ineligible"]
    assert statuses == sorted(statuses, key=order.index)
    assert statuses[0] == "eligible" and statuses[-1] == "ineligible"


@pytest.mark.parametrize(
    ("query", "name"), [("예창패", "예비창업패키지"), ("초창패", "초기창업패키지")]
)
def test_abbreviations_find_their_program(query: str, name: str) -> None:
    at = finder(q=query, **FOUNDED)
    assert name in list(at.dataframe[0].value["사업명"])
    assert f"'{query}'는 '{name}'(으)로도 찾았습니다" in texts(at)


def test_without_a_profile_there_is_no_verdict() -> None:
    at = finder(status="신청 가능만")
    table = at.dataframe[0].value
    assert set(table["status"]) == {None} and len(table) == 377  # nothing judged, nothing hidden
    assert "프로필을 입력하면 판정" in texts(at)
    assert not any(m.label.startswith(("○", "△", "×")) for m in at.metric)
    assert at.radio(key="status").disabled
