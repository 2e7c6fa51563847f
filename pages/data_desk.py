"""데이터: upload notice spreadsheets, read the load report, switch the session to them.

The work is :func:`loaders.catalogue.load_uploads` (the same loader as ``navigator load``). A
file that cannot be read shows the loader's own message (file, sheet, reason) with ``st.error``
and the dataset in use stays as it was.
"""

from __future__ import annotations

import logging

import pandas as pd
import streamlit as st

from loaders.catalogue import Catalogue, load_uploads, summarise
from loaders.errors import NavigatorError
from pages._caches import summary
from pages._dataset import (
    active_dataset,
    upload_digest,
    use_default_dataset,
    use_uploaded_dataset,
)
from pages._format import eok
from pages._router import require_router
from pages._sync_panel import render_sync_panel

require_router()

log = logging.getLogger(__name__)
_PENDING = "_pending_upload"

st.title("데이터")
st.caption("통합공고 파일을 불러오거나 K-Startup에서 새로고침합니다 — Data desk")

ds = active_dataset()
current = summary(ds)
with st.container(border=True):
    st.markdown(f"**지금 쓰는 데이터:** {current['label']}")
    st.caption(f"{current['coverage']}  \n{current['accounting']}")
    if ds.key.startswith("upload:") and st.button("기본 데이터로 돌아가기", key="dd_reset"):
        use_default_dataset()
        st.rerun()

st.subheader("통합공고 파일 불러오기")
st.markdown(
    "중기부가 매년 1월 공개하는 **창업지원사업 통합공고** 엑셀(.xlsx) 또는 CSV를 올리세요. "
    "여러 파일(예: 중앙부처 + 지자체)을 한 번에 올릴 수 있습니다. 제목 행, 병합된 머리글, "
    "'사업명/지원사업명'처럼 다른 머리글 이름, 백만원·천원 단위 예산, CP949 CSV도 읽습니다."
)
files = st.file_uploader(
    "통합공고 파일 (.xlsx, .csv) — 올리면 바로 읽어서 보고서를 보여 줍니다",
    type=["xlsx", "xlsm", "csv"],
    accept_multiple_files=True,
    key="dd_files",
)

# (catalogue or None, digest, error message or None) of the files currently in the uploader;
# files are read once per distinct upload, not on every rerun.
pending: tuple[Catalogue | None, str, str | None] | None = None
if files:
    payload = [(f.getvalue(), f.name) for f in files]
    digest = upload_digest(payload)
    pending = st.session_state.get(_PENDING)
    if pending is None or pending[1] != digest:
        with st.spinner("파일을 읽는 중…"):
            try:
                pending = (load_uploads(payload), digest, None)
            except NavigatorError as exc:
                pending = (None, digest, str(exc))
            except Exception:  # a loader bug must not show a traceback to the user
                log.exception("upload failed")
                pending = (
                    None,
                    digest,
                    "파일을 읽는 중 예기치 못한 문제가 생겼습니다. 파일이 통합공고 형식"
                    "(사업명·지원유형·예산 등의 열이 있는 표)인지 확인하세요.",
                )
        st.session_state[_PENDING] = pending
else:
    st.session_state.pop(_PENDING, None)

if pending is not None and pending[2] is not None:
    st.error(
        f"파일을 불러오지 못했습니다. 지금 쓰는 데이터는 그대로입니다.\n\n{pending[2]}",
        icon=":material/error:",
    )


def issue_frame(items: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(
        [
            {
                "파일": i["file"],
                "시트": i["sheet"],
                "행": i["row"],
                "셀": i.get("cell", ""),
                "열": i["column"],
                "값": i["value"],
                "사유": i["reason"],
            }
            for i in items
        ],
        columns=["파일", "시트", "행", "셀", "열", "값", "사유"],
    )
    frame["행"] = frame["행"].astype("Int64")
    return frame


if pending is not None and (loaded := pending[0]) is not None:
    catalogue, digest = loaded, pending[1]
    s = summarise(catalogue)
    st.subheader("불러오기 보고서")
    ok = s["loaded"] > 0
    clean = ok and not (s["rejected"] or s["suspicious"] or s["flags"])
    (st.success if clean else st.warning)(
        f"{s['label']} — {s['accounting']}", icon=":material/description:"
    )
    for flag in s["flags"]:  # a load above the year's published totals
        st.warning(flag, icon=":material/priority_high:")
    if s["suspicious"]:
        st.warning(
            f"의심스러운 행 {len(s['suspicious']):,}개: 불러왔지만 사업명·글자 칸이 잡음처럼 "
            "보입니다(한글 단어 없음, 무작위 문자 조합 등). '의심' 탭에서 확인하세요.",
            icon=":material/help:",
        )
    c1, c2, c3, c4 = st.columns(4)
    c1.metric("불러온 사업", f"{s['loaded']:,}")
    c2.metric("건너뛴 행", f"{len(s['skipped']):,}", help="빈 행, 제목, 소계·합계, 각주, 중복")
    c3.metric(
        "거부된 행", f"{len(s['rejected']):,}", help="사업명이 없는 등 사업으로 읽을 수 없는 행"
    )
    c4.metric("예산 합계", eok(s["total_budget_eok"]) if s["programs_with_budget"] else "없음")
    st.caption(s["coverage"])

    def show_issues(kind: str, empty: str) -> None:
        if s[kind]:
            st.dataframe(issue_frame(s[kind]), hide_index=True, placeholder="—", width="stretch")
        else:
            st.caption(empty)

    def show_mapping() -> None:
        mapping_rows = [
            {
                "파일 · 시트": where,
                "원래 머리글": header,
                "읽은 항목": m["field"] or "(사용 안 함)",
                "방법": m["method"],
                "유사도": m["score"],
            }
            for where, mapping in s["column_mapping"].items()
            for header, m in mapping.items()
        ]
        st.dataframe(pd.DataFrame(mapping_rows), hide_index=True, placeholder="—", width="stretch")
        if s["ignored_sheets"]:
            st.markdown("**읽지 않은 시트**")
            st.dataframe(pd.DataFrame(s["ignored_sheets"]), hide_index=True)
        for note in s["notes"]:
            st.caption(f"참고: {note}")
        if s["encodings"]:
            st.caption("CSV 인코딩: " + ", ".join(f"{k} → {v}" for k, v in s["encodings"].items()))

    def show_preview() -> None:
        preview = pd.DataFrame(
            [
                {
                    "사업명": p.name,
                    "기관": p.institution,
                    "지역": p.region,
                    "지원유형": p.support_type,
                    "예산(억원)": p.budget_eok,
                    "출처": p.source.describe(),
                }
                for p in catalogue.programs[:200]
            ]
        )
        if len(preview):
            st.dataframe(preview, hide_index=True, placeholder="—", width="stretch")
            if len(catalogue) > 200:
                st.caption(f"처음 200개만 보여 줍니다 (전체 {len(catalogue):,}개).")
        else:
            st.caption("불러온 사업이 없습니다.")

    sections = {
        f"불러온 사업 {s['loaded']}": show_preview,
        "머리글 매핑": show_mapping,
        f"건너뜀 {len(s['skipped'])}": lambda: show_issues("skipped", "건너뛴 행이 없습니다."),
        f"경고 {len(s['warnings'])}": lambda: show_issues("warnings", "경고가 없습니다."),
        f"의심 {len(s['suspicious'])}": lambda: show_issues(
            "suspicious", "잡음처럼 보이는 행이 없습니다."
        ),
        f"거부 {len(s['rejected'])}": lambda: show_issues("rejected", "거부된 행이 없습니다."),
    }
    labels = list(sections)
    # What needs fixing comes first: rejected rows, then suspicious ones.
    if s["suspicious"]:
        labels = [labels[-2], *labels[:-2], labels[-1]]
    if s["rejected"]:
        labels = [labels[-1], *labels[:-1]]
    for tab, label in zip(st.tabs(labels), labels, strict=True):
        with tab:
            sections[label]()

    if ok:
        if ds.key == f"upload:{digest}":
            st.success(
                "이 데이터를 쓰고 있습니다. 다른 메뉴에서 바로 확인하세요.",
                icon=":material/check_circle:",
            )
        elif st.button("이 데이터로 전환", type="primary", key="dd_switch"):
            use_uploaded_dataset(catalogue, digest)
            st.toast("업로드한 데이터로 전환했습니다.")
            st.rerun()
    else:
        st.warning(
            "사업을 한 개도 읽지 못해 이 데이터로 전환할 수 없습니다. 거부·건너뜀 사유를 확인하세요."
        )

st.divider()
render_sync_panel()
