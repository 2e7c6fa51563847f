"""What every page shares: the active dataset, cached library calls and the profile sidebar.

No domain logic lives here — each function is a cache around one call into ``loaders/`` or
``graph/``. Two caching rules keep reruns fast:

* **Catalogues are never pickled.** ``st.cache_data`` copies its value on every hit (≈70 ms for
  the embedded catalogue), so catalogues and everything derived from them that pages only read
  (verdicts, graphs, search indexes, duplicate results) live in ``st.cache_resource``, keyed by a
  short *dataset key* string; the catalogue itself is passed as an unhashed ``_catalogue``.
* **The default dataset follows K-Startup syncs.** Its key embeds a token kept in
  ``st.cache_data``; the sync panel clears ``st.cache_data`` after a sync, the token changes, and
  every page reloads the newest snapshot (``loaders.catalogue.load_active``).

URL state uses Streamlit's ``bind="query-params"``: each bound widget's key is its query
parameter, values stay plain strings that Streamlit parses against the widget's own options or
type (nothing from a URL is evaluated or unpickled), unknown values fall back to the default, and
links reproduce the view.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import pandas as pd
import streamlit as st

from graph.eligibility import STATUS_LABELS, Verdict, evaluate_all
from graph.profile import FirmProfile, profile_from_dict, profile_to_dict
from graph.search import SearchIndex, build_index
from loaders.catalogue import Catalogue, load_embedded, summarise
from loaders.errors import NavigatorError
from loaders.model import Program
from loaders.regions import SIDO, SIGUNGU_BY_SIDO, sigungu_label
from loaders.taxonomy import TECH_FIELDS

__all__ = [
    "EXAMPLE_PROFILE",
    "FLAG_LABELS",
    "STATUS_BADGES",
    "Dataset",
    "ProfileInput",
    "active_dataset",
    "call_statuses",
    "duplicates",
    "eok",
    "map_html",
    "profile_sidebar",
    "program_frame",
    "program_graph",
    "roadmap",
    "roadmap_files",
    "search_index",
    "summary",
    "use_default_dataset",
    "use_uploaded_dataset",
    "verdicts",
]


# ○ / △ / × — the marks Korean forms use for yes / partly / no (and every font has them).
_STATUS_MARKS: dict[str, str] = {"eligible": "○", "maybe": "△", "ineligible": "×"}
STATUS_BADGES: dict[str, str] = {
    k: f"{_STATUS_MARKS[k]} {label}" for k, label in STATUS_LABELS.items()
}
FLAG_LABELS: dict[str, str] = {
    "restart": "재창업",
    "women": "여성",
    "student": "대학(원)생",
    "disabled": "장애인",
    "foreign_founder": "외국인",
}
# Bound radios put the *label* in the URL (firm=예비창업자), so labels stay short.
FIRM_LABELS: dict[str, str] = {
    "none": "미입력",
    "pre": "예비창업자",
    "founded": "창업기업",
}
_UPLOAD = "_uploaded_dataset"
NO_DISTRICT = "선택 안 함"


def eok(value: float | None) -> str:
    """ "1,234.5억원" (or "미상") — every budget on every page is shown in 억원."""
    if value is None:
        return "미상"
    return f"{value:,.1f}억원" if value % 1 else f"{value:,.0f}억원"


# ------------------------------------------------------------------------------ dataset


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
def _default_catalogue(token: str) -> Catalogue:
    del token  # only part of the cache key
    try:
        from loaders.catalogue import load_active
    except ImportError:  # pragma: no cover - older loaders without K-Startup snapshots
        return load_embedded()
    return load_active()


def active_dataset() -> Dataset:
    """The session's dataset: an upload switched to on the Data desk, else the default one."""
    uploaded = st.session_state.get(_UPLOAD)
    if uploaded is not None:
        return uploaded
    token = _default_token()
    return Dataset(f"default:{token}", _default_catalogue(token))


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


@st.cache_data(show_spinner=False, max_entries=8)
def _summary(key: str, _catalogue: Catalogue) -> dict[str, Any]:
    return summarise(_catalogue)


def summary(ds: Dataset) -> dict[str, Any]:
    """:func:`loaders.catalogue.summarise` of the dataset."""
    return _summary(ds.key, ds.catalogue)


@st.cache_resource(max_entries=8)
def _search_index(key: str, _catalogue: Catalogue) -> SearchIndex:
    return build_index(_catalogue.programs)


def search_index(ds: Dataset) -> SearchIndex:
    """Normalised search keys of the dataset (:func:`graph.search.build_index`)."""
    return _search_index(ds.key, ds.catalogue)


@st.cache_data(show_spinner=False, max_entries=8)
def _call_statuses(key: str, _catalogue: Catalogue) -> tuple[dict[str, str], str]:
    try:
        from loaders.announcements import join_to_programs, load_active_announcements
    except ImportError:  # pragma: no cover - sync package absent
        return {}, ""
    try:
        found = load_active_announcements()
        joined = join_to_programs(found.announcements, _catalogue.programs)
    except (NavigatorError, OSError, ValueError) as exc:
        return {}, f"공고 데이터를 읽지 못했습니다: {exc}"
    statuses = {pid: joined.status_of(pid) for pid in joined.by_program}
    return {k: v for k, v in statuses.items() if v}, found.label


def call_statuses(ds: Dataset) -> tuple[dict[str, str], str]:
    """``({program_id: "모집 중 · 마감 D-3"}, source label)`` from K-Startup open calls."""
    return _call_statuses(ds.key, ds.catalogue)


# ------------------------------------------------------------------------------ profile


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


def _fill_example() -> None:
    # Runs as a button callback, before the bound widgets are created on the rerun.
    for key, value in EXAMPLE_PROFILE.items():
        st.session_state[key] = value


def _reset_district() -> None:
    # Runs as the 시·도 box's on_change callback: a 시·군·구 of the old 시·도 must not linger
    # in the box (중구 exists in six 시·도). Streamlit may leave the old ?district= in the
    # address bar; its label names the old 시·도, so a copied link still falls back.
    st.session_state["district"] = NO_DISTRICT


def profile_sidebar() -> ProfileInput:
    """Draw the firm-profile form in the sidebar and validate it.

    Every field is bound to the URL (``firm``, ``founded``, ``age``, ``region``, ``district``,
    ``field``, ``flag``) so a shared link shows the same results, and the values follow the
    user across the pages that show the form. The 시·군·구 box lists the chosen 시·도's 기초
    governments; choosing another 시·도 resets it to "선택 안 함".
    """
    sb = st.sidebar
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
            max_value=date.today(),
            format="YYYY-MM-DD",
            key="founded",
            bind="query-params",
        )
    age = sb.number_input(
        "대표자 만 나이",
        min_value=14,
        max_value=100,
        value=None,
        step=1,
        placeholder="예: 34",
        key="age",
        bind="query-params",
    )
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
    if districts:
        # Labels (what the URL carries) keep the 시·도 where a name is shared ("대전 서구"), so a
        # parameter left over from another 시·도 never matches and falls back to "선택 안 함".
        choice = sb.selectbox(
            "시·군·구 (시·군·구 사업의 관내 요건 판정)",
            [NO_DISTRICT, *districts],
            format_func=lambda name: name if name == NO_DISTRICT else sigungu_label(region, name),
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
        profile = profile_from_dict(raw)
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


# ------------------------------------------------------------------------------ engine caches


@st.cache_resource(max_entries=64)
def _verdicts(key: str, pkey: str, _catalogue: Catalogue, _profile: FirmProfile) -> dict:
    return evaluate_all(_catalogue.programs, _profile)


def verdicts(ds: Dataset, prof: ProfileInput) -> dict[str, Verdict]:
    """:func:`graph.eligibility.evaluate_all` for the dataset and profile."""
    return _verdicts(ds.key, prof.key, ds.catalogue, prof.profile)


@st.cache_resource(max_entries=16)
def _graph(key: str, pkey: str, _catalogue: Catalogue, _verdicts: dict | None) -> Any:
    from graph.network import build_graph

    return build_graph(_catalogue.programs, _verdicts)


def program_graph(ds: Dataset, prof: ProfileInput | None) -> Any:
    """:func:`graph.network.build_graph` (with the profile's statuses when given)."""
    if prof is None:
        return _graph(ds.key, "", ds.catalogue, None)
    return _graph(ds.key, prof.key, ds.catalogue, verdicts(ds, prof))


@st.cache_data(show_spinner="지도를 그리는 중…", max_entries=32)
def _map_html(
    key: str,
    pkey: str,
    filters: tuple[tuple[str, str | None], ...],
    color_by: str,
    cap: int,
    include_next: bool,
    _graph: Any,
) -> tuple[str, str | None, int, int]:
    from graph.mapviz import network_html, plan_map
    from graph.network import subgraph_for

    wanted = dict(filters)
    # subgraph_for's own limit is lifted so that mapviz alone decides (and reports) the cap.
    sub = subgraph_for(_graph, limit=10**9, **wanted) if any(wanted.values()) else _graph
    plan = plan_map(sub, cap)
    html = network_html(
        sub,
        color_by=color_by,  # type: ignore[arg-type]
        max_nodes=cap,
        height=680,
        include_next=include_next,
    )
    return html, plan.note, plan.programs_drawn, plan.programs_total


def map_html(
    ds: Dataset,
    prof: ProfileInput | None,
    *,
    ministry: str | None,
    field: str | None,
    stage: str | None,
    color_by: str,
    cap: int,
    include_next: bool = False,
) -> tuple[str, str | None, int, int]:
    """``(html, cap note, programs drawn, programs matching)`` for the policy map."""
    graph = program_graph(ds, prof)
    filters = (("ministry", ministry), ("field", field), ("stage", stage))
    pkey = prof.key if prof else ""
    return _map_html(ds.key, pkey, filters, color_by, cap, include_next, graph)


@st.cache_resource(max_entries=32)
def _roadmap(
    key: str, pkey: str, options: tuple, _catalogue: Catalogue, _profile: FirmProfile, _v: dict
) -> Any:
    from graph.path import plan_path

    fields, max_per_phase, include_loans = options
    return plan_path(
        _catalogue.programs,
        _profile,
        fields=fields or None,
        max_per_phase=max_per_phase,
        include_loans=include_loans,
        verdicts=_v,
    )


def roadmap(
    ds: Dataset, prof: ProfileInput, *, max_per_phase: int = 2, include_loans: bool = True
) -> Any:
    """:func:`graph.path.plan_path` for the dataset and profile."""
    options = (tuple(prof.profile.fields), max_per_phase, include_loans)
    return _roadmap(ds.key, prof.key, options, ds.catalogue, prof.profile, verdicts(ds, prof))


@st.cache_data(show_spinner="파일을 만드는 중…", max_entries=32)
def _roadmap_files(
    key: str, pkey: str, options: tuple, label: str, _roadmap: Any, _cat: Catalogue, _p: Any
) -> tuple[bytes, bytes]:
    from graph.export import roadmap_to_csv, roadmap_to_excel

    by_id = _by_id(key, _cat)
    return (
        roadmap_to_excel(_roadmap, by_id, _p, dataset_label=label),
        roadmap_to_csv(_roadmap, by_id, _p),
    )


def roadmap_files(
    ds: Dataset, prof: ProfileInput, plan: Any, *, max_per_phase: int, include_loans: bool
) -> tuple[bytes, bytes]:
    """``(xlsx, csv)`` of a roadmap — the same bytes ``navigator roadmap`` writes."""
    options = (tuple(prof.profile.fields), max_per_phase, include_loans)
    return _roadmap_files(
        ds.key, prof.key, options, ds.catalogue.label, plan, ds.catalogue, prof.profile
    )


@st.cache_resource(show_spinner="중복 사업을 찾는 중…", max_entries=16)
def _duplicates(key: str, threshold: float, _catalogue: Catalogue) -> Any:
    from graph.duplicates import find_duplicates

    return find_duplicates(_catalogue.programs, threshold)


def duplicates(ds: Dataset, threshold: float) -> Any:
    """:func:`graph.duplicates.find_duplicates` at ``threshold``."""
    return _duplicates(ds.key, float(threshold), ds.catalogue)


# ------------------------------------------------------------------------------ tables


@st.cache_data(show_spinner=False, max_entries=8)
def _program_frame(key: str, _catalogue: Catalogue) -> pd.DataFrame:
    rows = [
        {
            "program_id": p.program_id,
            "사업명": p.name,
            # Loaders leave institution blank only when no source names who runs the program
            # (a local row's ministry is then just its 시·도), so it is shown as unknown.
            "운영기관": p.institution,
            "소관": p.ministry,
            "구분": p.level,
            "지역": p.region or "",
            "지원유형": p.support_type,
            "예산(억원)": p.budget_eok,
            "단계": ", ".join(p.stages),
            "분야": ", ".join(p.tech_fields),
            "링크": p.url or None,
        }
        for p in _catalogue.programs
    ]
    columns = ["program_id", "사업명", "운영기관", "소관", "구분", "지역", "지원유형"]
    columns += ["예산(억원)", "단계", "분야", "링크"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["예산(억원)"] = frame["예산(억원)"].astype("float64")
    return frame


def program_frame(ds: Dataset) -> pd.DataFrame:
    """One row per program with the finder's display columns (a fresh copy per call)."""
    return _program_frame(ds.key, ds.catalogue)
