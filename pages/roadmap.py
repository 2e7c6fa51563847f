"""지원 경로: the firm's roadmap as a path a consultant can edit and hand over.

The plan is :func:`usecases.roadmap.plan` for the sidebar profile and the consultant's edits
(pinned, removed and annotated steps); the Excel/CSV files are :func:`usecases.roadmap.files` —
the same call ``navigator roadmap`` makes. Options ``loans``, ``per`` and the client's name
``client`` are bound to the URL like the profile; edits live in the session and in the saved
client file.
"""

from __future__ import annotations

import streamlit as st

from graph.clients import Client, client_from_json, client_to_json, clients_to_csv, read_clients_csv
from graph.path import Alternative, Step
from loaders.announcements import today_kst
from loaders.errors import NavigatorError
from pages._caches import roadmap, roadmap_files, timeline_spec
from pages._clients import apply_client, current_edits, set_edits
from pages._dataset import active_dataset
from pages._format import STATUS_BADGES, md_escape
from pages._router import require_router
from pages._sidebar import profile_sidebar
from usecases.roadmap import RoadmapFiles, file_stem

require_router()

ds = active_dataset()
prof = profile_sidebar()
by_id = ds.by_id()
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _no(n: int) -> str:
    return CIRCLED[n - 1] if 1 <= n <= len(CIRCLED) else f"({n})"


# ------------------------------------------------------------------ edits (callbacks)


def _pin_changed(pid: str) -> None:
    edits = current_edits()
    set_edits(edits.pin(pid) if st.session_state.get(f"pin_{pid}") else edits.restore(pid))


def _remove(pid: str) -> None:
    set_edits(current_edits().remove(pid))


def _add(pid: str) -> None:
    set_edits(current_edits().pin(pid))


def _restore(pid: str) -> None:
    set_edits(current_edits().restore(pid))


def _note_changed(pid: str) -> None:
    set_edits(current_edits().with_note(pid, st.session_state.get(f"note_{pid}", "")))


def _open_client_file() -> None:
    upload = st.session_state.get("client_json")
    if upload is None:
        return
    try:
        apply_client(client_from_json(upload.getvalue(), name=upload.name))
        st.session_state["_client_msg"] = ("ok", f"'{upload.name}'을 불러왔습니다.")
    except NavigatorError as exc:
        st.session_state["_client_msg"] = ("error", str(exc))


def _open_from_list(clients: list[Client]) -> None:
    pick = st.session_state.get("client_pick")
    for client in clients:
        if client.name == pick:
            apply_client(client)
            st.session_state["_client_msg"] = ("ok", f"고객 '{client.name}'을 불러왔습니다.")


# ------------------------------------------------------------------ page

st.title("지원 경로")
st.caption(
    "회사가 자라면서 신청할 수 있게 되는 순서대로, 귀사에 맞는 사업을 R&D → 사업화 → 보육·멘토링 "
    "→ 판로·투자·융자 → 글로벌 단계마다 골라 잇습니다. 컨설턴트는 단계를 고정·제외하고 메모를 달아 "
    "고객별 Excel로 내보낼 수 있습니다."
)

with st.expander("고객 — 불러오기·저장", expanded=not prof.given):
    c1, c2, c3 = st.columns(3)
    c1.text_input("고객명 (표지에 들어갑니다)", key="client", bind="query-params", max_chars=60)
    c1.text_input("고객 메모", key="client_memo", max_chars=200)
    c2.file_uploader(
        "고객 파일 열기 (.json)",
        type=["json"],
        key="client_json",
        on_change=_open_client_file,
        help="이 화면에서 저장한 고객 파일 또는 프로필 JSON",
    )
    listed = c3.file_uploader(
        "고객 목록 열기 (.csv)",
        type=["csv"],
        key="clients_csv",
        help="한 행에 한 고객: 고객명, 설립일, 예비창업자, 대표자 나이, 시·도, 시·군·구, 분야 …",
    )
    if listed is not None:
        try:
            loaded = read_clients_csv(listed.getvalue(), name=listed.name)
        except NavigatorError as exc:
            c3.error(str(exc))
        else:
            if loaded.clients:
                c3.selectbox("고객 선택", [c.name for c in loaded.clients], key="client_pick")
                c3.button(
                    "이 고객 불러오기",
                    on_click=_open_from_list,
                    args=(loaded.clients,),
                    key="client_pick_go",
                )
            c3.caption(loaded.accounting())
            for problem in loaded.problems:
                c3.caption(f"※ {md_escape(problem.describe())}")

message = st.session_state.pop("_client_msg", None)
if message:
    (st.success if message[0] == "ok" else st.error)(md_escape(message[1]))

if not prof.given:
    st.info(
        "**내 회사 프로필**(왼쪽 사이드바 — 휴대폰에서는 왼쪽 위 » 버튼)에 **창업 여부(예비창업자 "
        "또는 설립일)**, 나이, 소재지, 분야를 입력하거나 위에서 고객 파일을 열면 이 회사의 지원 "
        "경로를 그립니다. 먼저 둘러보려면 프로필 아래의 **예시 프로필로 채우기**를 누르세요.",
        icon=":material/person_add:",
    )
    st.stop()

o1, o2, _ = st.columns([1, 1, 2])
include_loans = o1.toggle(
    "융자·보증 포함", value=True, key="loans", bind="query-params", help="정책자금 융자·보증 사업"
)
per_phase = o2.select_slider("단계별 추천 수", [1, 2, 3], value=2, key="per", bind="query-params")

edits = current_edits()
plan = roadmap(ds, prof, max_per_phase=per_phase, include_loans=include_loans, edits=edits)
steps, gaps = plan.steps, plan.gaps
as_of = prof.profile.as_of
st.caption(
    f"프로필: {md_escape(prof.describe())} · 기준일 {as_of.isoformat()} · 데이터: "
    f"{md_escape(ds.catalogue.label)}"
)

if not steps:
    st.warning(
        "이 프로필에 맞는 사업을 찾지 못했습니다. 아래 공백마다 가장 가까운 사업과 못 미친 조건, "
        "지원대상을 확인해 볼 후보를 적었습니다.",
        icon=":material/warning:",
    )

# ------------------------------------------------------------------ the path over time


if steps:
    rows = tuple(
        (
            f"{_no(n)} {s.name}",
            s.phase,
            s.available_from.isoformat(),
            s.available_until.isoformat() if s.available_until else "",
            s.status,
            s.institution or "",
        )
        for n, s in enumerate(steps, start=1)
    )
    st.vega_lite_chart(timeline_spec(rows, as_of.isoformat()), width="stretch")
    st.caption(
        f"막대는 신청할 수 있는 기간(업력·나이 조건으로 계산, {as_of.isoformat()} 기준), "
        "점선은 기준일입니다. 순서는 신청할 수 있게 되는 날짜 순입니다."
    )

# ------------------------------------------------------------------ steps with the consultant's edits
st.subheader("단계")


def _when(s: Step) -> str:
    start = "지금" if s.available_from <= as_of else f"{s.available_from.isoformat()}부터"
    until = f" ~ {s.available_until.isoformat()}" if s.available_until else ""
    return start + until


for n, s in enumerate(steps, start=1):
    pid = s.program_id
    with st.container(border=True):
        pinned = " · 📌 컨설턴트 지정" if s.pinned else ""
        st.markdown(f"**{_no(n)} {md_escape(s.name)}** — {STATUS_BADGES.get(s.status, '')}{pinned}")
        st.caption(
            f"{md_escape(s.phase)} · {md_escape(s.stage or '단계 미상')} · "
            f"{md_escape(s.institution or '운영기관 미상')} · {_when(s)}"
        )
        if s.needs:
            st.caption(f"확인할 사항: **{md_escape(s.needs)}** (프로필에 없음)")
        if s.fit:
            st.caption("적합: " + md_escape(", ".join(s.fit)))
        with st.expander("왜 이 사업?"):
            st.markdown(md_escape(s.why))
        st.session_state[f"pin_{pid}"] = s.pinned
        if f"note_{pid}" not in st.session_state:
            st.session_state[f"note_{pid}"] = s.note
        a, b, c = st.columns([1, 1, 4])
        a.checkbox("고정", key=f"pin_{pid}", on_change=_pin_changed, args=(pid,))
        b.button("빼기", key=f"rm_{pid}", on_click=_remove, args=(pid,))
        c.text_input(
            "메모",
            key=f"note_{pid}",
            on_change=_note_changed,
            args=(pid,),
            placeholder="컨설턴트 메모 (Excel에 들어갑니다)",
            label_visibility="collapsed",
            max_chars=300,
        )


def _alternative(alt_: Alternative, key: str) -> None:
    left, right = st.columns([5, 1])
    left.markdown(
        f"**{md_escape(alt_.name)}** ({md_escape(alt_.institution or '운영기관 미상')}) — "
        f"{md_escape(alt_.why)}"
    )
    right.button("경로에 넣기", key=key, on_click=_add, args=(alt_.program_id,))


if gaps:
    st.subheader("공백")
    for g in gaps:
        text = f"**{md_escape(g.phase)}** — {md_escape(g.reason)}"
        if g.near_miss is not None:
            near = g.near_miss
            text += (
                f"\n\n가장 가까운 사업: **{md_escape(near.name)}** "
                f"({md_escape(near.institution or '운영기관 미상')}) — {md_escape(near.reason)}"
            )
        st.error(text, icon=":material/block:")
        if g.candidates:
            st.caption(
                "지원대상 확인 후보 — 공고문에서 지원대상을 확인한 뒤 경로에 넣을 수 있습니다."
            )
        for cand in g.candidates:
            _alternative(cand, f"add_gap_{g.phase}_{cand.program_id}")

if plan.alternatives:
    st.subheader("경로 밖 대안")
    for label in dict.fromkeys(a.label for a in plan.alternatives):
        st.markdown(f"**{md_escape(label)}**")
        for alt_ in (a for a in plan.alternatives if a.label == label):
            _alternative(alt_, f"add_alt_{alt_.program_id}")

if edits.removed:
    st.subheader("뺀 사업")
    for pid in edits.removed:
        p = by_id.get(pid)
        left, right = st.columns([5, 1])
        left.markdown(md_escape(p.name if p else pid))
        right.button("되돌리기", key=f"restore_{pid}", on_click=_restore, args=(pid,))

if plan.assumptions:
    with st.expander("이 경로의 가정", expanded=False):
        for assumption in plan.assumptions:
            st.markdown(f"- {md_escape(assumption)}")

# ------------------------------------------------------------------ export and save
st.subheader("내보내기")
client_name = str(st.session_state.get("client") or "")


def _made() -> RoadmapFiles:
    return roadmap_files(
        ds,
        prof,
        plan,
        max_per_phase=per_phase,
        include_loans=include_loans,
        edits=edits,
        client=client_name,
    )


# The workbook and CSV are made by a callable when their button is clicked (Streamlit runs it
# then), not written — and kept per session — on every rerun: writing the workbook costs more
# than the rest of the page.
stem = file_stem(client_name, today_kst())
client = Client(client_name, prof.profile, edits, str(st.session_state.get("client_memo") or ""))
d1, d2, d3, d4 = st.columns(4)
d1.download_button(
    "Excel 로드맵 (.xlsx)",
    lambda: _made().xlsx,
    file_name=f"{stem}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    key="dl_xlsx",
    type="primary",
    icon=":material/download:",
)
d2.download_button(
    "CSV (.csv)",
    lambda: _made().csv,
    file_name=f"{stem}.csv",
    mime="text/csv",
    key="dl_csv",
    icon=":material/download:",
)
d3.download_button(
    "고객 파일 저장 (.json)",
    client_to_json(client).encode("utf-8"),
    file_name=f"{stem.replace('roadmap', 'client', 1)}.json",
    mime="application/json",
    key="dl_client",
    icon=":material/save:",
    help="고객명·프로필·고정/제외한 단계·메모 — 다음에 '고객 파일 열기'로 이어서 작업합니다.",
)
d4.download_button(
    "고객 목록 한 줄 (.csv)",
    clients_to_csv([client]),
    file_name="clients.csv",
    mime="text/csv",
    key="dl_clients_csv",
    icon=":material/table:",
    help="navigator roadmap --clients 에 쓰는 고객 목록 CSV의 양식과 이 고객의 한 줄",
)
st.caption(
    f"Excel은 표지(고객·작성일 {today_kst().isoformat()}·데이터) 아래 로드맵, 사업 상세, 가정·프로필 "
    "시트로 되어 있고 A4 가로로 인쇄됩니다. 같은 파일을 명령줄에서 `navigator roadmap --profile "
    "client.json -o roadmap.xlsx`로, 고객 여러 명은 `navigator roadmap --clients clients.csv -o 폴더`로 "
    "만들 수 있습니다."
)
