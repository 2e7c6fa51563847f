"""Data desk panel: "K-Startup에서 새로고침" with a progress bar and the fallback messages.

Layout only — the work is :func:`loaders.kstartup.sync.sync`, the same call as ``navigator sync``.
The Data desk page calls :func:`render_sync_panel`. The service key is read from Streamlit
secrets (``KSTARTUP_SERVICE_KEY``) or the environment and handed to the loader; it is never
shown, logged or stored in session state.
"""

from __future__ import annotations

import os

import streamlit as st

from loaders.kstartup.client import Progress
from loaders.kstartup.keys import KEY_ENV
from loaders.kstartup.sync import SyncStatus, active_data_description, sync
from pages._dataset import active_dataset

__all__ = ["render_sync_panel", "service_key_from_secrets"]

_CHOICES = {
    "통합공고 사업 + 공고": ("business", "announcement"),
    "통합공고 사업만": ("business",),
    "공고만": ("announcement",),
}


def service_key_from_secrets() -> str | None:
    """The key from ``st.secrets`` if a secrets file defines it, else from the environment."""
    try:
        value = st.secrets.get(KEY_ENV)
    except Exception:  # no secrets.toml at all: Streamlit raises rather than returning None
        value = None
    return str(value) if value else os.environ.get(KEY_ENV) or None


def render_sync_panel(*, key: str = "kstartup_sync") -> SyncStatus | None:
    """Draw the refresh panel; returns the sync status after a click, else None.

    After a run that changed the data, cached data is cleared so every page reloads the
    active catalogue (newest good snapshot, else the embedded dataset).
    """
    st.subheader("K-Startup OpenAPI")
    # What *this session* shows: after switching to uploaded files that is the upload, not the
    # default data (newest snapshot, else embedded) that a refresh replaces.
    shown = active_dataset()
    if shown.uploaded:
        st.caption(
            f"지금 보는 데이터: {shown.catalogue.label} (이 세션에서 전환) · 새로고침하면 바뀌는 "
            f"기본 데이터: {active_data_description()}"
        )
    else:
        st.caption(f"지금 보는 데이터: {shown.catalogue.label}")
    service_key = service_key_from_secrets()
    if not service_key:
        st.info(
            "K-Startup에서 새로고침하려면 공공데이터포털(data.go.kr) 인증키를 "
            f"Streamlit secrets 또는 환경 변수 `{KEY_ENV}`에 넣으세요. "
            "키가 없으면 마지막 스냅샷이나 내장 데이터를 보여 줍니다."
        )
    choice = st.radio("받을 자료", list(_CHOICES), horizontal=True, key=f"{key}_what")
    allow_partial = st.checkbox(
        "일부만 받아도 사용 (중간에 실패해도 받은 만큼을 새 데이터로)", key=f"{key}_partial"
    )
    if not st.button("K-Startup에서 새로고침", key=f"{key}_run", disabled=not service_key):
        return None
    bar = st.progress(0.0, text="K-Startup에 연결하는 중…")

    def progress(p: Progress) -> None:
        total = p.total if p.total is not None else "?"
        bar.progress(p.fraction, text=f"{p.operation}: {p.fetched}/{total}건 ({p.page}쪽)")

    status = sync(
        _CHOICES[choice], service_key=service_key, allow_partial=allow_partial, progress=progress
    )
    bar.empty()
    if status.ok:
        st.success(status.message)
    elif any(r.accepted for r in status.results):
        st.warning(status.message)
    else:
        st.error(status.message)
    if any(r.accepted for r in status.results):
        st.cache_data.clear()
        if shown.uploaded:
            st.info(
                "이 세션은 업로드한 데이터를 계속 보여 줍니다. 새로고침한 데이터를 보려면 "
                "기본 데이터로 돌아가세요."
            )
    return status
