"""모집 공고: every call (공고) judged for the sidebar profile, open calls first by deadline.

The calls are the newest K-Startup snapshot, else the embedded real calls. A 기준일 box (``asof``
in the URL) shows the list as it stood on another day — the embedded calls were fetched on
2026-09-16, so on later days most are closed, and the closed ones stay listed as such. The list
is :func:`usecases.calls.board` (업력 and age counted on each call's own date; the same call as
``navigator calls``), filters and counts :func:`usecases.calls.view`, the .ics file
:func:`graph.ics.calls_to_ics`; the page only lays them out.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pandas as pd
import streamlit as st

from graph.ics import calls_to_ics
from loaders.announcements import today_kst
from loaders.regions import NATIONWIDE, SIDO
from loaders.vocab import CALL_STATE_LABELS, STATUSES, StatusFilter
from pages._caches import active_calls, call_board
from pages._card import call_link, call_when
from pages._dataset import active_dataset
from pages._format import NO_PROFILE, STATUS_BADGES, md_escape
from pages._narrow import call_cards, card_list
from pages._router import require_router
from pages._sidebar import profile_sidebar
from usecases.calls import CallQuery, view

require_router()

ds = active_dataset()
prof = profile_sidebar()
found = active_calls(ds)

st.title("모집 공고")
st.caption(
    f"프로필: {prof.describe()} — 공고마다 창업기간·대상연령·지원지역·신청대상 항목을 먼저, "
    "지원대상 본문을 다음으로 판정합니다. 업력·나이는 각 공고의 접수 시작일(공고일) 기준입니다."
)
if found.error:
    st.error(found.error)
    st.stop()
if not found.announcements:
    st.info("공고 데이터가 없습니다. **데이터** 메뉴에서 K-Startup 공고를 새로고침하세요.")
    st.stop()

today = today_kst()
newest = max((c.start for c in found.announcements if c.start), default=today)
with st.container(key="c_hint_narrow_only"):
    st.caption("기준일·상태·검색·자격·지역 필터는 공고 목록 아래에 있습니다.")
# On a phone the filters move below the results (pages/_narrow.py), so the cards start on the
# first screen.
with st.container(border=True, key="c_filters_narrow_last"):
    c1, c2, c3 = st.columns([1, 1, 2])
    as_of = c1.date_input(
        "기준일 (이 날 모집 중이던 공고)",
        value=today,
        min_value=date(2024, 1, 1),
        max_value=today + timedelta(days=365),
        format="YYYY-MM-DD",
        key="asof",
        bind="query-params",
        help="공고 데이터보다 나중 날짜에는 대부분 마감으로 보입니다. 공고가 모집 중이던 날을 "
        "고르면 그때 신청할 수 있던 공고를 봅니다.",
    )
    if not isinstance(as_of, date):
        as_of = today
    state_choices = {s: CALL_STATE_LABELS[s] for s in ("open", "upcoming", "closed")}
    states = c2.pills(
        "모집 상태",
        list(state_choices),
        format_func=state_choices.__getitem__,
        selection_mode="multi",
        key="cstate",
        bind="query-params",
    )
    query = c3.text_input(
        "공고 검색",
        placeholder="공고명·기관 (예: 예비창업패키지, IP디딤돌)",
        key="cq",
        bind="query-params",
    )
    f1, f2, f3, f4 = st.columns(4)
    status_choices: dict[StatusFilter, str] = {
        "eligible": "신청 가능만",
        "maybe": "확인 필요까지",
        "all": "전체",
    }
    status = f1.radio(
        "자격",
        list(status_choices),
        index=2,
        format_func=status_choices.__getitem__,
        key="cstatus",
        bind="query-params",
        disabled=not prof.given,
        help="프로필을 입력하면 자격으로 거를 수 있습니다." if not prof.given else None,
    )
    types = f2.multiselect(
        "지원유형",
        sorted({c.support_type for c in found.announcements if c.support_type}),
        placeholder="전체",
        key="ctype",
        bind="query-params",
    )
    regions = f3.multiselect(
        "지원지역", [NATIONWIDE, *SIDO], placeholder="전체", key="cwhere", bind="query-params"
    )
    linked_only = f4.checkbox("통합공고 사업과 연결된 공고만", key="clinked", bind="query-params")

fetched = sorted(
    {c.source.fetched_at[:10] for c in found.announcements if c.source.fetched_at[:4].isdigit()}
)
if as_of > newest + timedelta(days=30):
    st.info(
        f"공고 데이터({found.label})는 {newest.isoformat()}까지 접수를 시작한 공고입니다. "
        f"기준일 {as_of.isoformat()}에는 대부분 마감이라 마감 공고도 함께 보여 줍니다. "
        "기준일을 공고 기간 안으로 바꾸면 그때 모집 중이던 공고를 먼저 봅니다.",
        icon=":material/history:",
    )
    if fetched:

        def _to_fetch_day(day: str = fetched[-1]) -> None:
            # A callback runs before the bound date box is drawn again, so it may set it.
            st.session_state["asof"] = date.fromisoformat(day)

        st.button(
            f"공고 수집일({fetched[-1]}) 기준으로 보기",
            on_click=_to_fetch_day,
            icon=":material/event_available:",
            key="c_fetchday",
        )

profile = prof.profile
if profile.founded is not None and profile.founded > as_of:
    st.warning(
        f"기준일 {as_of.isoformat()}은 설립일 {profile.founded.isoformat()}보다 앞입니다 — "
        "판정은 오늘 기준 프로필로 합니다."
    )
else:
    profile = replace(profile, as_of=as_of)
found_calls = call_board(ds, profile, as_of)
verdict_of, rows = found_calls.verdicts, found_calls.rows
# No profile, no verdict: the engine still judges every call (an empty profile leaves most at
# △, but a program for 예비창업자 or 여성 would show ○ or ×), so nothing of it is shown.
judged = prof.given
if not judged:
    status = "all"
picked_view = view(
    rows,
    CallQuery(tuple(states or ()), status, tuple(types), tuple(regions), query, linked_only),
)
shown, counts = picked_view.shown, picked_view.counts
# One line (not six metrics) so a phone shows the counts and the table on the first screen.
line = f"**표시 {len(shown):,}건** · 모집 중 **{counts['open']:,}** · 접수 예정 **{counts['upcoming']:,}**"
if judged:
    line += " · " + " · ".join(f"{STATUS_BADGES[k]} **{counts[k]:,}**" for k in STATUSES)
else:
    line += f" · 자격: **{NO_PROFILE}**"
st.markdown(line)

# ------------------------------------------------------------------ .ics of eligible deadlines
ics_scope = judged and st.toggle(
    "캘린더에 '확인 필요' 공고도 넣기", key="cics", help="기본은 '신청 가능' 공고만 넣습니다."
)
ics_statuses = {"eligible", "maybe"} if ics_scope else {"eligible"}
ics_rows = [
    r
    for r in shown
    if r.state in ("open", "upcoming") and r.call.end and r.verdict.status in ics_statuses
]
if not judged:
    st.caption("프로필을 입력하면 신청 가능한 공고의 마감일 캘린더(.ics)를 받을 수 있습니다.")
elif ics_rows:
    st.download_button(
        f"마감일 캘린더 (.ics, {len(ics_rows)}건)",
        calls_to_ics(
            [r.call for r in ics_rows],
            verdict_of,
            stamp=datetime.combine(as_of, datetime.min.time()),
            source=found.label,
        ),
        file_name=f"call-deadlines-{as_of.isoformat()}.ics",
        mime="text/calendar",
        icon=":material/event:",
    )
else:
    st.caption(
        "캘린더(.ics)에 넣을 공고가 없습니다 — 기준일에 모집 중이거나 접수 예정인 "
        f"{'신청 가능·확인 필요' if ics_scope else '신청 가능'} 공고만 넣습니다."
    )

if not shown:
    st.info(
        "조건에 맞는 공고가 없습니다. 자격을 '전체'로 바꾸거나 필터를 지워 보세요.",
        icon=":material/filter_alt_off:",
    )
    st.stop()

table = pd.DataFrame(
    [
        {
            "pbanc_sn": r.call.pbanc_sn,
            "자격": STATUS_BADGES[r.verdict.status],
            "상태": r.when,
            "공고명": r.call.title,
            "공고기관": r.call.organiser or "미상",
            "지원지역": r.call.region or "",
            "지원유형": r.call.support_type,
            "접수기간": r.call.period,
            "통합공고 사업": r.program_name,
            "링크": r.call.url if r.call.url.startswith("https://") else None,
            # Without a profile the column shows what a verdict would be judged on.
            "판정 이유": (
                " · ".join(r.verdict.reasons) if judged else r.call.target_text or "(지원대상 없음)"
            ),
            "_state": r.state,
            "_status": r.verdict.status,
        }
        for r in shown
    ]
)
STATE_STYLE = {"open": "color: #1B5E20; font-weight: 600", "upcoming": "color: #0D47A1"}
STATUS_STYLE = {"eligible": "color: #1B5E20; font-weight: 600", "maybe": "color: #8D6E00"}
styled = table.style.apply(
    lambda col: [STATE_STYLE.get(s, "color: #757575") for s in table["_state"]], subset=["상태"]
).apply(
    lambda col: [STATUS_STYLE.get(s, "color: #757575") for s in table["_status"]], subset=["자격"]
)
# A wide screen gets the table; a phone gets the finder's cards (pages/_narrow.py): the table
# would show two columns there, and the reasons only by scrolling sideways. CSS shows one of them.
wide = st.container(key="c_table_wide_only")
event = wide.dataframe(
    styled,
    hide_index=True,
    width="stretch",
    height=min(38 + 35 * len(table), 600),
    column_order=[
        *(["자격"] if judged else []),
        "공고명",
        "상태",
        "공고기관",
        "지원지역",
        "접수기간",
        "통합공고 사업",
        "링크",
        "판정 이유",
    ],
    column_config={
        "자격": st.column_config.TextColumn("자격", width=96),
        "상태": st.column_config.TextColumn("상태", width=150),
        "공고명": st.column_config.TextColumn("공고명", width=300),
        "링크": st.column_config.LinkColumn("링크", display_text="공고 ↗"),
        "판정 이유": st.column_config.TextColumn(
            "판정 이유" if judged else f"지원대상 ({NO_PROFILE})", width="large"
        ),
    },
    key="c_table",
    on_select="rerun",
    selection_mode="single-row",
)
wide.caption("행을 선택하면 아래에 공고 카드가 열립니다.")

title_of = {r.call.pbanc_sn: r.call.title for r in shown}


def _pick() -> None:
    # The phone's way to open a call card (the table's row selection on a wide screen).
    picked_sn = st.session_state.get("c_pick")
    if picked_sn:
        st.query_params["csel"] = picked_sn


card_slot = card_list(  # the selected call: under the table, or above the cards
    "c",
    label="공고 카드 열기",
    names=title_of,
    placeholder="목록의 공고를 골라 대상·기간·판정 이유 보기",
    on_pick=_pick,
    cards=lambda n: call_cards(shown[:n], judged=judged),
    total=len(shown),
    unit="건",
)
st.caption(f"공고 데이터: {found.label}")

# ------------------------------------------------------------------ selected call (csel=…)
picked = list(event.selection.rows) if event is not None else []
if picked:
    st.query_params["csel"] = str(table.loc[picked[0], "pbanc_sn"])
selected = st.query_params.get("csel")
row = next((r for r in rows if r.call.pbanc_sn == selected), None)
if row is not None:
    call, verdict = row.call, row.verdict
    with card_slot, st.container(border=True):
        st.markdown(f"### {call_link(call)}")
        chips = [call.organiser, call.region, call.raw_support_type or call.support_type]
        st.caption(" · ".join(md_escape(c) for c in chips if c))
        st.markdown(f"**{md_escape(call_when(call, as_of))}**")
        if judged:
            badge = STATUS_BADGES[verdict.status]
            lines = "\n".join(f"- {md_escape(r)}" for r in verdict.reasons)
            box = {"eligible": st.success, "maybe": st.warning, "ineligible": st.error}
            box[verdict.status](f"**{badge}**\n\n{lines}")
        else:
            st.info(
                f"**자격: {NO_PROFILE}** — 내 회사 프로필을 채우면 이 공고의 신청 가능 여부와 "
                "이유를 보여 줍니다.",
                icon=":material/person_add:",
            )
        if row.program_id:
            st.info(
                f"통합공고 사업: **{md_escape(row.program_name)}** — 연결 {row.link_score:g}점: "
                f"{md_escape(row.link_reason)}",
                icon=":material/link:",
            )
        else:
            st.caption("이 공고와 연결된 통합공고 사업이 없습니다 (행사·민간 프로그램 등).")
        left, right = st.columns(2)
        with left:
            st.markdown(f"**지원대상**  \n{md_escape(call.target_text or '(없음)')}")
            if call.excluded_text:
                st.markdown(f"**신청 제외대상**  \n{md_escape(call.excluded_text)}")
        with right:
            boxes = [
                ("창업기간", ", ".join(call.business_ages)),
                ("대상연령", ", ".join(call.ages)),
                ("지원지역", call.region),
                ("신청대상", ", ".join(call.applicant_types)),
            ]
            for label, value in boxes:
                if value:
                    st.markdown(f"**{label}**  \n{md_escape(value)}")
        src = call.source
        provenance = [f"위치: {src.describe()}", f"공고번호(pbanc_sn): {call.pbanc_sn}"]
        if src.citation:
            provenance.append(f"출처: {src.citation}")
        if src.fetched_at:
            provenance.append(f"수집 시각: {src.fetched_at}")
        st.caption("  \n".join(md_escape(x) for x in provenance))
