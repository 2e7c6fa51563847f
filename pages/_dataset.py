"""The dataset a session works on: the default one (following K-Startup syncs) or an upload.

Catalogues are never pickled: ``st.cache_data`` copies its value on every hit (≈70 ms for the
embedded catalogue), so catalogues live in ``st.cache_resource``, filed under a short *dataset
key* that every derived cache (:mod:`pages._caches`) is keyed by. The default dataset's key
embeds a token kept in ``st.cache_data``; the sync panel clears ``st.cache_data`` after a sync,
the token changes, and every page reloads the newest snapshot
(:func:`loaders.catalogue.load_active`). The key also holds today's date in Korea: the
catalogue's label says how old a snapshot is ("… 받음, 오늘" / "1일 전"), so on a long-running
server the next day reloads it (once) instead of showing yesterday's "오늘".
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

import streamlit as st

from loaders import announcements
from loaders.catalogue import Catalogue, load_active
from loaders.model import Program

__all__ = [
    "Dataset",
    "active_dataset",
    "upload_digest",
    "use_default_dataset",
    "use_uploaded_dataset",
]

_UPLOAD = "_uploaded_dataset"


@dataclass(frozen=True)
class Dataset:
    """The catalogue a session works on, with the key its derived caches are filed under."""

    key: str
    catalogue: Catalogue

    @property
    def programs(self) -> tuple[Program, ...]:
        return self.catalogue.programs

    @property
    def uploaded(self) -> bool:
        """True when the session switched to uploaded files (the default follows syncs)."""
        return self.key.startswith("upload:")

    def by_id(self) -> dict[str, Program]:
        return _by_id(self.key, self.catalogue)


@st.cache_data(show_spinner=False)
def _default_token() -> str:
    # Recomputed whenever st.cache_data is cleared (the sync panel does so after a sync).
    return datetime.now().isoformat(timespec="microseconds")


@st.cache_resource(show_spinner="데이터를 불러오는 중…", max_entries=2)
def _default_catalogue(token: str, day: str) -> Catalogue:
    del token, day  # only parts of the cache key
    return load_active()


def active_dataset() -> Dataset:
    """The session's dataset: an upload switched to on the Data desk, else the default one."""
    uploaded = st.session_state.get(_UPLOAD)
    if uploaded is not None:
        return uploaded
    token = _default_token()
    day = announcements.today_kst().isoformat()
    return Dataset(f"default:{token}:{day}", _default_catalogue(token, day))


def use_uploaded_dataset(catalogue: Catalogue, digest: str) -> None:
    """Switch this session to an uploaded catalogue (``digest`` identifies the bytes)."""
    st.session_state[_UPLOAD] = Dataset(f"upload:{digest}", catalogue)


def use_default_dataset() -> None:
    """Back to the default dataset (newest K-Startup snapshot, else embedded)."""
    st.session_state.pop(_UPLOAD, None)


def upload_digest(files: list[tuple[bytes, str]]) -> str:
    """Stable id of a set of uploaded files (names and contents)."""
    h = hashlib.sha1()
    for data, name in files:
        h.update(name.encode("utf-8") + b"\0" + hashlib.sha1(data).digest())
    return h.hexdigest()[:16]


@st.cache_resource(max_entries=8)
def _by_id(key: str, _catalogue: Catalogue) -> dict[str, Program]:
    return _catalogue.by_id()
