"""The one profile question that settles the most △ programs, asked where the founder reads them.

Layout only: the question and its count come from :func:`usecases.finder.open_questions`; the
answer goes into the sidebar form through :func:`pages._sidebar.fill_profile_form` (a button
callback, so the form is drawn with it on the next run and the link carries it).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from graph.profile import FirmProfile
from graph.settle import MaybeGroup
from loaders.announcements import today_kst
from loaders.regions import SIDO, SIGUNGU_BY_SIDO, sigungu_label
from loaders.taxonomy import TECH_FIELDS
from pages._sidebar import ceo_age_input, fill_profile_form

__all__ = ["ask_question"]


def ask_question(group: MaybeGroup, profile: FirmProfile) -> None:
    """Draw the question of ``group`` with a box to answer it and a button to use the answer."""
    question = group.question
    assert question is not None
    outright = len(group.settled)
    st.markdown(
        f"가장 많이 판정되는 질문: **{question.field_label}** — 답하면 △ {len(group):,}개 사업의 "
        "조건이 판정됩니다" + (f" (그중 {outright:,}개는 바로 ○ 또는 ×)." if outright else ".")
    )
    box, go = st.columns([3, 1], vertical_alignment="bottom")
    values: dict[str, Any] = {}
    if question.key == "district" and profile.region:
        region = profile.region
        name = box.selectbox(
            "시·군·구",
            SIGUNGU_BY_SIDO.get(region, ()),
            format_func=lambda n: sigungu_label(region, n),
            key="q_district",
        )
        values = {"district": name}
    elif question.key == "founded":
        kind = box.radio("창업 여부", ["예비창업자", "창업기업"], horizontal=True, key="q_firm")
        if kind == "예비창업자":
            values = {"firm": "pre"}
        else:
            day = box.date_input(
                "설립일",
                value=None,
                min_value=date(1950, 1, 1),
                max_value=today_kst(),  # the sidebar's 설립일 bound: today in Korea
                format="YYYY-MM-DD",
                key="q_founded",
            )
            values = {"firm": "founded", "founded": day} if isinstance(day, date) else {}
    elif question.key == "ceo_age":
        age = ceo_age_input(box, key="q_age")
        values = {"age": age} if age is not None else {}
    elif question.key == "region":
        sido = box.selectbox(
            "소재지 시·도", SIDO, index=None, placeholder="시·도 선택", key="q_region"
        )
        values = {"region": sido} if sido else {}
    elif question.key == "fields":
        fields = box.multiselect(
            "기술·사업 분야", TECH_FIELDS, placeholder="분야 선택 (여러 개 가능)", key="q_fields"
        )
        values = {"field": list(fields)} if fields else {}
    go.button(
        "프로필에 넣기",
        on_click=fill_profile_form,
        args=(values,),
        disabled=not values,
        key="q_apply",
        icon=":material/check:",
    )
