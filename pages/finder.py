"""사업 찾기: every program with eligible / maybe / ineligible for the sidebar profile.

Filters and the search box are bound to the URL (keys ``q``, ``type``, ``org``, ``where``,
``stage``, ``budget``, ``status``, ``open``; the selected program is ``sel``), so a copied link
reproduces the view. The table is :func:`usecases.finder.find` for the profile's verdicts
(:func:`graph.eligibility.evaluate_all`); the page lays it out.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from loaders.regions import NATIONWIDE, SIDO
from loaders.vocab import SEARCH_EXAMPLES, STAGES, STATUSES, StatusFilter
from pages._caches import (
    active_calls,
    call_statuses,
    finder_options,
    open_questions,
    search_index,
    verdicts,
)
from pages._card import program_card
from pages._dataset import active_dataset
from pages._format import NO_PROFILE, STATUS_BADGES, md_escape
from pages._narrow import card_list, result_cards
from pages._questions import ask_question
from pages._router import require_router
from pages._sidebar import profile_sidebar
from usecases.finder import BUDGET_STOPS, FinderQuery, find

require_router()

ds = active_dataset()
prof = profile_sidebar()
# No profile, no verdict: without one the table shows no ○/△/× at all.
verdict_of = verdicts(ds, prof) if prof.given else None
calls, calls_label = call_statuses(ds)
by_id = ds.by_id()

st.title("사업 찾기")
# "내 회사 프로필" is the sidebar's heading on a wide screen and the label of the "»" button that
# opens it on a phone (pages/_narrow.py): the caption is right in both layouts.
st.caption(
    f"프로필: {md_escape(prof.describe())} — **내 회사 프로필**에서 바꾸면 판정이 바로 바뀝니다."
    if prof.given
    else "프로필: 미입력 — **내 회사 프로필**을 입력하면 사업마다 신청 가능 여부를 판정합니다."
)

if not ds.programs:
    st.info("불러온 데이터에 사업이 없습니다. **데이터** 메뉴에서 통합공고 파일을 불러오세요.")
    st.stop()

# ------------------------------------------------------------------ filters (bound to the URL)
query = st.text_input(
    "사업 검색",
    placeholder=f"예: {', '.join(SEARCH_EXAMPLES)} — 띄어쓰기·오타·줄임말도 찾습니다",
    key="q",
    bind="query-params",
)
with st.container(key="f_hint_narrow_only"):
    st.caption("필터(지원유형·기관·지역·단계·예산·자격)는 결과 목록 아래에 있습니다.")
options = finder_options(ds)
regions = [NATIONWIDE, *SIDO]


def budget_label(v: int) -> str:
    return "제한 없음" if v == BUDGET_STOPS[-1] else f"{v:,}억"


STATUS_CHOICES: dict[StatusFilter, str] = {
    "eligible": "신청 가능만",
    "maybe": "확인 필요까지",
    "all": "전체",
}
# On a phone the filters move below the results (pages/_narrow.py), so results start on the
# first screen; the search box stays on top.
with st.container(border=True, key="f_filters_narrow_last"):
    f1, f2, f3 = st.columns(3)
    types = f1.multiselect(
        "지원유형",
        list(options.types),
        placeholder="전체",
        key="type",
        bind="query-params",
    )
    org = f2.multiselect(
        "부처·기관", list(options.orgs), placeholder="전체", key="org", bind="query-params"
    )
    where = f3.multiselect(
        "사업 지역", regions, placeholder="전체", key="where", bind="query-params"
    )
    f4, f5, f6 = st.columns(3)
    stages = f4.multiselect(
        "창업 단계", list(STAGES), placeholder="전체", key="stage", bind="query-params"
    )
    budget = f5.select_slider(
        "예산 범위 (억원)",
        list(BUDGET_STOPS),
        value=(BUDGET_STOPS[0], BUDGET_STOPS[-1]),
        format_func=budget_label,
        key="budget",
        bind="query-params",
    )
    status = f6.radio(
        "자격",
        list(STATUS_CHOICES),
        index=1,
        format_func=STATUS_CHOICES.__getitem__,
        horizontal=True,
        key="status",
        bind="query-params",
        disabled=not prof.given,
        help="프로필을 입력하면 자격으로 거를 수 있습니다." if not prof.given else None,
    )
    only_open = False
    if calls:
        only_open = st.checkbox(
            "모집 중인 공고가 있는 사업만", key="open", bind="query-params", help=calls_label
        )

# ------------------------------------------------------------------ results
query_spec = FinderQuery(
    text=query,
    types=tuple(types),
    orgs=tuple(org),
    regions=tuple(where),
    stages=tuple(stages),
    budget=(budget[0], budget[1]),
    status=status,
    only_open=only_open,
)
found = find(ds.programs, verdict_of, query_spec, calls=calls, index=search_index(ds))
# Filled below, once a △ group may have narrowed the view; on a phone the four counts stay
# on one line.
counts_box = st.container(key="f_counts_narrow_row" if found.judged else "f_counts")
summary = open_questions(ds, prof, found) if prof.given and found.counts["maybe"] else None
if summary is not None and summary.groups:
    by_gap = {g.key: g for g in summary.groups}
    # The URL carries the group's key (gap=no_text), not its label: labels hold counts that
    # change with the filters, and a shared link must keep meaning the same group.
    asked = st.query_params.get("gap")
    gaps_box = st.container(key="f_gaps_narrow_last")  # below the results on a phone
    gap = gaps_box.pills(
        f"△ 확인 필요 {summary.maybe_total:,}개 — 무엇이 빠졌나 (누르면 그 사업만 봅니다)",
        list(by_gap),
        default=asked if asked in by_gap else None,
        format_func=lambda k: f"{by_gap[k].label} {len(by_gap[k]):,}개",
        key="f_gap",
    )
    if gap in by_gap:
        st.query_params["gap"] = gap
    elif "gap" in st.query_params:
        del st.query_params["gap"]
    best = summary.best
    if best is not None and best.question is not None:
        with gaps_box.container(border=True):
            ask_question(best, prof.profile)
    if gap in by_gap:
        found = find(
            ds.programs,
            verdict_of,
            replace(query_spec, only=by_gap[gap].program_ids),
            calls=calls,
            index=search_index(ds),
        )
counts = found.counts

# The ○/△/× counts follow the active filters (and a chosen △ group), not the whole catalogue.
if found.judged:
    m1, m2, m3, m4 = counts_box.columns(4)
    m1.metric("검색·필터 결과", f"{len(found.rows):,}개")
    m2.metric(STATUS_BADGES["eligible"], f"{counts.get('eligible', 0):,}")
    m3.metric(STATUS_BADGES["maybe"], f"{counts.get('maybe', 0):,}")
    m4.metric(STATUS_BADGES["ineligible"], f"{counts.get('ineligible', 0):,}")
else:
    m1, m2 = counts_box.columns([1, 3], vertical_alignment="center")
    m1.metric("검색·필터 결과", f"{len(found.rows):,}개")
    m2.info(
        f"**자격: {NO_PROFILE}** — 내 회사 프로필(창업 여부·설립일·나이·소재지)을 넣으면 사업마다 "
        "○ 신청 가능 · △ 확인 필요 · × 해당 없음과 그 이유를 보여 줍니다.",
        icon=":material/person_add:",
    )
if found.judged and sum(counts.values()) != sum(found.counts_all.values()):
    total = found.counts_all
    counts_box.caption(
        f"필터·검색에 맞는 사업 기준 — 전체 {sum(total.values()):,}개 중 "
        f"○ {total['eligible']:,} · △ {total['maybe']:,} · × {total['ineligible']:,}"
    )

if found.aliases:
    st.caption(f"'{query}'는 {', '.join(repr(a) for a in found.aliases)}(으)로도 찾았습니다.")
if found.similar_only:
    st.caption(
        f"'{query}'와 정확히 맞는 사업이 없어 이름이 비슷한 사업(또는 낱말 일부가 맞는 사업)을 "
        "보여 줍니다."
    )
if found.searched and found.judged and found.rows:
    st.caption(
        "검색 결과는 자격 필터와 관계없이 모두 보여 줍니다 — ○ 신청 가능, △, × 해당 없음 순."
    )
    top = max(found.rows, key=lambda r: r.score or 0.0)
    if top.status == "ineligible" and top is not found.rows[0]:
        why = top.reasons[0] if top.reasons else ""
        st.info(
            f"가장 잘 맞는 **{md_escape(top.program.name)}**는 × 해당 없음 — {md_escape(why)} "
            "(목록 맨 아래에 있습니다)",
            icon=":material/block:",
        )
if query_spec.budget_limited:
    st.caption(
        f"예산 범위를 정하면 예산이 적히지 않은 사업 {found.budget_unknown:,}개는 결과에서 빠집니다."
    )

if not found.rows:
    if found.judged and status == "eligible" and found.eligible_in_view == 0:
        st.info(
            "이 프로필과 필터로 **신청 가능**이 확정된 사업은 없습니다. 대부분의 사업은 지원대상 원문을 "
            "확인해야 해서 **확인 필요**로 나옵니다 — 자격을 '확인 필요까지'로 바꿔 보세요. "
            "설립일·나이·소재지를 입력하면 판정이 더 정확해집니다.",
            icon=":material/lightbulb:",
        )
    elif found.searched and not found.hits:
        st.info(
            f"'{query}'로 찾은 사업이 없습니다. 더 짧은 낱말(예: '패키지', '바우처')로 검색해 보세요.",
            icon=":material/search_off:",
        )
    else:
        st.info(
            "조건에 맞는 사업이 없습니다. 필터를 몇 개 지우거나 자격을 '전체'로 바꿔 보세요.",
            icon=":material/filter_alt_off:",
        )
    st.stop()

columns = [
    "자격",
    "사업명",
    "운영기관",
    "지역",
    "지원유형",
    "예산(억원)",
    "공고",
    "링크",
    "판정 이유",
]
if not calls:
    columns.remove("공고")
if not found.judged:
    columns.remove("자격")  # no profile, no verdict: the note above says so once
# The 지역 column already shows the 시·도; an unknown running institution is said to be unknown.
shown = found.rows
# Built column by column: pandas reads a list of per-row dicts key by key, which was a fifth of
# the finder's server time per rerun (benchmarks/load_test.py); the frame is the same.
table = pd.DataFrame(
    {
        "program_id": [r.program.program_id for r in shown],
        "status": [r.status for r in shown],
        # The verdict as a coloured chip (green ○, yellow △, grey ×). A pandas Styler would
        # colour the text too, but it renders every cell of the table to HTML on every rerun —
        # most of the page's server time with many users; a chip column is plain Arrow data.
        "자격": [[STATUS_BADGES[r.status]] if r.status is not None else [] for r in shown],
        "사업명": [r.program.name for r in shown],
        "운영기관": [r.program.institution or "미상" for r in shown],
        "지역": [r.program.region or "" for r in shown],
        "지원유형": [r.program.support_type for r in shown],
        "예산(억원)": [r.program.budget_eok for r in shown],
        "공고": [r.call for r in shown],
        "링크": [r.program.url or None for r in shown],
        # Without a profile the column shows what a verdict would be judged on.
        "판정 이유": [
            " · ".join(r.reasons) if found.judged else r.program.target_text or "지원대상 원문 없음"
            for r in shown
        ],
    }
)
table["예산(억원)"] = table["예산(억원)"].astype("float64")
# A wide screen gets the table; a phone gets cards (pages/_narrow.py): the table would show two
# columns there, and the reasons only by scrolling sideways. CSS shows one of the two.
wide = st.container(key="f_table_wide_only")
event = wide.dataframe(
    table,
    hide_index=True,
    placeholder="—",
    width="stretch",
    height=min(38 + 35 * len(table), 640),
    column_order=columns,
    column_config={
        "자격": st.column_config.MultiselectColumn(
            "자격",
            width=110,
            options=[STATUS_BADGES[s] for s in STATUSES],
            color=["green", "yellow", "gray"],
        ),
        "사업명": st.column_config.TextColumn("사업명", width=240),
        "운영기관": st.column_config.TextColumn("운영기관", width=120),
        "지원유형": st.column_config.TextColumn("지원유형", width=110),
        "예산(억원)": st.column_config.NumberColumn("예산(억원)", format="localized"),
        "판정 이유": st.column_config.TextColumn(
            "판정 이유" if found.judged else f"지원대상 ({NO_PROFILE})", width="large"
        ),
        "링크": st.column_config.LinkColumn("링크", display_text="상세 ↗"),
        "공고": st.column_config.TextColumn("공고", help=calls_label),
    },
    key="f_table",
    on_select="rerun",
    selection_mode="single-row",
)
wide.caption("행을 선택하면 아래에 사업 카드(대상·내용·예산·기관·문의처·출처)가 열립니다.")

name_of = {r.program.program_id: r.program.name for r in found.rows}


def _pick() -> None:
    # The phone's way to open a program card (the table's row selection on a wide screen).
    st.session_state["_f_sel"] = st.session_state.get("f_pick")


card_slot = card_list(  # the selected program: under the table, or above the cards
    "f",
    label="사업 카드 열기",
    names=name_of,
    placeholder="목록의 사업을 골라 대상·내용·예산·문의처 보기",
    on_pick=_pick,
    cards=lambda n: result_cards(found.rows[:n], judged=found.judged),
    total=len(found.rows),
    unit="개",
)
if calls:
    st.caption(f"공고 일정: {calls_label}")

# ------------------------------------------------------------------ selected program (sel=…)
rows = list(event.selection.rows) if event is not None else []
previous = st.session_state.get("_f_rows")
if rows != previous:
    st.session_state["_f_rows"] = rows
    if rows:
        st.session_state["_f_sel"] = str(table.loc[rows[0], "program_id"])
    elif previous:
        st.session_state["_f_sel"] = None
if "_f_sel" not in st.session_state:
    st.session_state["_f_sel"] = st.query_params.get("sel")

selected = st.session_state.get("_f_sel")
if selected and selected in by_id:
    st.query_params["sel"] = selected
    linked = active_calls(ds).joined
    with card_slot:
        program_card(
            by_id[selected],
            verdict_of.get(selected) if verdict_of is not None else None,
            calls.get(selected, ""),
            linked.by_program.get(selected, ()) if linked else (),
            linked,
            judged=prof.given,
        )
elif "sel" in st.query_params:
    del st.query_params["sel"]
