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


# ----------------------------------------------------------------------------- phone layout
# On a narrow screen CSS shows cards instead of the table (pages/_narrow.py); both are sent.


def cards_html(at: AppTest) -> str:
    bodies = [e.proto.body for e in at.get("html")]
    cards = [b for b in bodies if 'class="nv-cards"' in b]
    assert len(cards) == 1, "one block of result cards"
    return cards[0]


def test_phone_cards_show_the_verdict_and_lead_with_the_failing_condition() -> None:
    at = finder(q="예비창업패키지", **FOUNDED)
    html = cards_html(at)
    card = html.split("예비창업패키지</span>", 1)[1].split('<div class="nv-card">', 1)[0]
    assert "nv-ineligible" in html.split("예비창업패키지</span>", 1)[0].rsplit("nv-card", 1)[1]
    assert '<div class="nv-why">예비창업자 대상' in card  # the failing condition first
    # One card per row, in the table's order.
    assert html.count('<div class="nv-card">') == min(30, len(at.dataframe[0].value))


def test_phone_cards_without_a_profile_show_no_verdict() -> None:
    at = finder()
    html = cards_html(at)
    assert "nv-chip" not in html and "신청 가능" not in html and "해당 없음" not in html
    assert "지원대상:" in html
    assert html.count('<div class="nv-card">') == 30
    at.button(key="f_more").click().run()
    assert cards_html(at).count('<div class="nv-card">') == 60


def test_phone_picker_opens_the_program_card() -> None:
    at = finder(q="초기창업패키지", **FOUNDED)
    table = at.dataframe[0].value
    pid = str(table[table["사업명"] == "초기창업패키지"].iloc[0]["program_id"])
    at.selectbox(key="f_pick").select(pid).run()
    assert at.query_params["sel"] == [pid] or at.query_params["sel"] == pid
    assert any("초기창업패키지" in str(m.value) for m in at.markdown)


def test_card_text_is_escaped() -> None:
    from dataclasses import replace

    from loaders.catalogue import load_embedded
    from pages._narrow import result_cards
    from usecases.finder import FinderRow

    program = replace(load_embedded().programs[0], name="<script>x</script>", url="javascript:x")
    html = result_cards([FinderRow(program, "maybe", ("<b>이유</b>",))], judged=True)
    assert "<script>" not in html and "&lt;script&gt;" in html and "<b>" not in html
    assert "javascript:" not in html
