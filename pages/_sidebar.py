"""The firm-profile form in the sidebar, bound to the URL, validated by the engine's own parser.

URL state uses Streamlit's ``bind="query-params"``: each bound widget's key is its query
parameter, values stay plain strings that Streamlit parses against the widget's own options or
type (nothing from a URL is evaluated or unpickled), unknown values fall back to the default,
and links reproduce the view. Validation is :func:`graph.profile.profile_from_dict`, the same
call as the CLI's ``--profile``.

The form is drawn by the router (:func:`pages._router.run`, through :func:`draw_profile_form`)
before the page runs, never by a page. Streamlit (checked on 1.67) gives a widget created inside
a page script an id and a query-parameter binding *of that page*: on a menu move it strips the
parameters bound to the old page from the URL before the new page runs, and the new page's
widgets (new ids) start from the stripped URL — a profile opened from a shared link vanished on
the first menu click. Widgets of the entry script belong to no page: one id and one binding on
every page, so the profile survives every move and stays in every page's link. Pages read the
result with :func:`profile_sidebar`.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import streamlit as st

from graph.profile import FirmProfile, profile_from_dict, profile_to_dict
from loaders import announcements
from loaders.errors import NavigatorError
from loaders.regions import SIDO, SIGUNGU_BY_SIDO, sigungu_label
from loaders.taxonomy import TECH_FIELDS
from loaders.vocab import CEO_AGE_FORM_LABEL, CEO_AGE_RANGE, FOUNDER_GROUPS
from pages._narrow import narrow_style

__all__ = [
    "EXAMPLE_PROFILE",
    "FLAG_LABELS",
    "NO_DISTRICT",
    "ProfileInput",
    "ceo_age_input",
    "district_label",
    "draw_profile_form",
    "fill_profile_form",
    "forget_profile_form",
    "profile_key",
    "profile_sidebar",
]

# Profile field -> the pill's word ("foreign_founder" -> "외국인").
FLAG_LABELS: dict[str, str] = {g.profile_field: g.short for g in FOUNDER_GROUPS}
# Bound radios put the *label* in the URL (firm=예비창업자), so labels stay short.
FIRM_LABELS: dict[str, str] = {
    "none": "미입력",
    "pre": "예비창업자",
    "founded": "창업기업",
}
NO_DISTRICT = "선택 안 함"


def district_label(sido: str) -> Callable[[str], str]:
    """The 시·군·구 picker's ``format_func`` for one 시·도 (its "선택 안 함" row shown as is)."""

    def label(name: str) -> str:
        return name if name == NO_DISTRICT else sigungu_label(sido, name)

    return label


@dataclass(frozen=True)
class ProfileInput:
    """The sidebar's result: the validated profile (never None), whether anything was entered,
    its cache key, and the error message when a value was refused."""

    profile: FirmProfile
    given: bool
    key: str
    error: str | None = None

    def describe(self) -> str:
        """One line for captions: "예비창업자 · 만 29세 · 서울 · 인공지능·빅데이터"."""
        if not self.given:
            return "프로필 미입력"
        p = self.profile
        parts = [p.business_age_text()]
        if p.ceo_age is not None:
            parts.append(f"대표자 만 {p.ceo_age}세")
        if p.region:
            parts.append(p.place_text())
        parts += list(p.fields)
        parts += [FLAG_LABELS[f] for f in FLAG_LABELS if getattr(p, f)]
        return " · ".join(parts)


def profile_key(profile: FirmProfile) -> str:
    """Cache key of a profile (its plain-value dict as JSON)."""
    return json.dumps(profile_to_dict(profile), ensure_ascii=False, sort_keys=True)


EXAMPLE_PROFILE: dict[str, Any] = {
    "firm": "founded",
    "founded": date(2024, 5, 1),
    "age": 34,
    "region": "서울",
    "field": ["인공지능·빅데이터"],
}


# Each form field's "nothing entered" value: such a field has no parameter in the URL.
_EMPTY: dict[str, Any] = {
    "firm": "none",
    "founded": None,
    "age": None,
    "region": None,
    "district": NO_DISTRICT,
    "field": [],
    "flag": [],
}


# The form's fields that are drawn only sometimes (the date for 창업기업, the 시·군·구 for a 시·도
# that has them), with how their value is written in the URL (the label the widget shows).
_SHOWN = "_pf_shown"
_CONDITIONAL_URL_TEXT: dict[str, Any] = {
    "founded": lambda v, state: v.isoformat(),
    "district": lambda v, state: sigungu_label(state.get("region"), v),
}


def ceo_age_input(where: Any, *, key: str, **options: Any) -> int | None:
    """The 대표자 만 나이 box in ``where`` (the sidebar, or a question's box), empty until typed.

    Its range is :data:`loaders.vocab.CEO_AGE_RANGE`, the one the profile parser accepts, so the
    form never takes an age the profile would refuse; ``options`` go to ``number_input``
    (placeholder, URL binding).
    """
    low, high = CEO_AGE_RANGE
    return where.number_input(
        CEO_AGE_FORM_LABEL, min_value=low, max_value=high, value=None, step=1, key=key, **options
    )


def fill_profile_form(values: dict[str, Any]) -> None:
    """Set form fields from code (run it as a widget callback, before the form is drawn).

    ``values`` maps form keys (``firm``, ``founded``, ``age``, ``region``, ``district``,
    ``field``, ``flag``) to widget values. Streamlit writes a value set from code into the
    URL only for a bound widget that was on screen in the last run; the date and 시·군·구 boxes
    come and go, so when one was not drawn its parameter is written here directly (it is not
    bound then), and the link carries every field.
    """
    shown = st.session_state.get(_SHOWN, frozenset())
    for key, value in values.items():
        st.session_state[key] = value
    for key, to_text in _CONDITIONAL_URL_TEXT.items():
        value = values.get(key)
        if key not in shown and value is not None and value != _EMPTY[key]:
            st.query_params[key] = to_text(value, st.session_state)


def _fill_example() -> None:
    fill_profile_form(EXAMPLE_PROFILE)


def _keep_in_url(key: str) -> None:
    """Put a kept value whose parameter went missing back into the URL (call before the widget).

    On a menu move the browser rebuilds the address from the bound widgets it has mounted; a
    widget whose script had not finished loading (a first visit on a slow machine) drops out
    of the link although the server keeps its value. Assigning the value to itself before the
    widget is created is Streamlit's programmatic set, which writes the parameter again, so
    the link always matches the form.
    """
    if key in st.session_state and key not in st.query_params:
        value = st.session_state[key]
        if value != _EMPTY[key] and value is not None:
            st.session_state[key] = value


def _reset_district() -> None:
    # Runs as the 시·도 box's on_change callback: a 시·군·구 of the old 시·도 must not linger
    # in the box (중구 exists in six 시·도). Streamlit may leave the old ?district= in the
    # address bar; its label names the old 시·도, so a copied link still falls back.
    st.session_state["district"] = NO_DISTRICT


# The form drawn by the router in this script run (script runs are per thread).
_drawn = threading.local()


def draw_profile_form() -> ProfileInput:
    """The router's call: draw the form for this run, for :func:`profile_sidebar` to return."""
    _drawn.result = _draw()
    return _drawn.result


def forget_profile_form() -> None:
    """The router's call when the page has run: the next run draws its own form."""
    _drawn.result = None


def profile_sidebar() -> ProfileInput:
    """The firm profile for this page: the form the router drew in this run.

    A page run outside the router (a fresh server's first deep link, see
    :mod:`pages._router`) draws the form itself.
    """
    drawn = getattr(_drawn, "result", None)
    return drawn if drawn is not None else _draw()


def _draw() -> ProfileInput:
    """Draw the firm-profile form in the sidebar and validate it.

    Every field is bound to the URL (``firm``, ``founded``, ``age``, ``region``, ``district``,
    ``field``, ``flag``) so a shared link shows the same results, and the values follow the
    user across the pages that show the form. The 시·군·구 box lists the chosen 시·도's 기초
    governments; choosing another 시·도 resets it to "선택 안 함".
    """
    narrow_style()  # the phone layout of the profile pages (pages/_narrow.py)
    sb = st.sidebar
    for key in _EMPTY:
        _keep_in_url(key)
    sb.header("내 회사 프로필")
    firm = sb.radio(
        "창업 여부 (예비창업자 = 사업자 등록 전)",
        list(FIRM_LABELS),
        format_func=FIRM_LABELS.__getitem__,
        key="firm",
        bind="query-params",
    )
    founded = None
    if firm == "founded":
        founded = sb.date_input(
            "설립일 (개업일·법인 설립일)",
            value=None,
            min_value=date(1950, 1, 1),
            max_value=announcements.today_kst(),
            format="YYYY-MM-DD",
            key="founded",
            bind="query-params",
        )
    age = ceo_age_input(sb, key="age", placeholder="예: 34", bind="query-params")
    region = sb.selectbox(
        "소재지 (본사·주사무소, 예비창업자는 거주지)",
        SIDO,
        index=None,
        placeholder="시·도 선택",
        key="region",
        bind="query-params",
        on_change=_reset_district,
    )
    district = None
    districts = SIGUNGU_BY_SIDO.get(region, ()) if region else ()
    if region and districts:
        # Labels (what the URL carries) keep the 시·도 where a name is shared ("대전 서구"), so a
        # parameter left over from another 시·도 never matches and falls back to "선택 안 함".
        choice = sb.selectbox(
            "시·군·구 (시·군·구 사업의 관내 요건 판정)",
            [NO_DISTRICT, *districts],
            format_func=district_label(region),
            key="district",
            bind="query-params",
        )
        district = None if choice == NO_DISTRICT else choice
    fields = sb.multiselect(
        "기술·사업 분야",
        TECH_FIELDS,
        placeholder="분야 선택 (여러 개 가능)",
        key="field",
        bind="query-params",
    )
    flags = sb.pills(
        "해당 사항",
        list(FLAG_LABELS),
        format_func=FLAG_LABELS.__getitem__,
        selection_mode="multi",
        key="flag",
        bind="query-params",
    )
    st.session_state[_SHOWN] = frozenset(
        k for k, drawn in (("founded", firm == "founded"), ("district", bool(districts))) if drawn
    )
    raw: dict[str, Any] = {
        "pre_founding": firm == "pre",
        "founded": founded.isoformat() if isinstance(founded, date) else None,
        "ceo_age": age,
        "region": region,
        "district": district,
        "fields": list(fields or []),
        **{flag: flag in (flags or []) for flag in FLAG_LABELS},
    }
    given = firm != "none" or any(raw[k] for k in ("ceo_age", "region", "fields", *FLAG_LABELS))
    if firm == "founded" and founded is None:
        sb.caption("설립일을 입력하면 업력 조건까지 판정합니다.")
    try:
        # 기준일 = today in Korea (the notice counts 업력 and age on Korean dates); it is part of
        # the profile key, so every cache keyed by the profile turns over at midnight.
        profile = profile_from_dict(raw, today=announcements.today_kst())
        error = None
    except NavigatorError as exc:
        error = str(exc)
        sb.error(error)
        profile = FirmProfile()
    if not given:
        sb.caption("프로필을 입력하면 사업마다 신청 가능 여부와 그 이유를 보여 줍니다.")
        sb.button(
            "예시 프로필로 채우기",
            on_click=_fill_example,
            key="pf_example",
            help="설립 2024-05-01 · 대표자 34세 · 서울 · 인공지능·빅데이터",
        )
    return ProfileInput(profile, given, profile_key(profile), error)
