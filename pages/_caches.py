"""Cached calls into ``loaders/`` and ``graph/`` for the active dataset and profile.

Each function is a cache around one library call, keyed by the dataset key (and the profile's
key where the result depends on it); the catalogue and other heavy inputs are passed unhashed
(``_catalogue``). Results that pages only read (verdicts, graphs, search indexes, duplicate
results) live in ``st.cache_resource`` so a rerun does not copy them; small values and bytes
in ``st.cache_data``.

Everything that depends on today is keyed by the date: call statuses (D-n, 모집 중) and the
calls' source label ("… 받음, 1일 전") by today's date in Korea (the default dataset's key holds
it too, for the catalogue's label — :mod:`pages._dataset`), and verdicts, roadmaps and maps by
the profile key, which holds the profile's 기준일 (``as_of``, today in Korea by default — see
:mod:`pages._sidebar`).
"""

from __future__ import annotations

import copy
import functools
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, cast

import pandas as pd
import streamlit as st

from graph.eligibility import Verdict
from graph.path import Roadmap, RoadmapEdits
from graph.profile import FirmProfile
from graph.search import SearchIndex, build_index
from loaders import announcements
from loaders.announcements import Announcement, JoinResult
from loaders.catalogue import Catalogue, summarise
from loaders.errors import NavigatorError
from loaders.model import Program
from pages._dataset import Dataset
from pages._server import vis_network_src
from pages._sidebar import ProfileInput, profile_key
from usecases import eligibility
from usecases import roadmap as usecase
from usecases.calls import CallBoard, board, load_calls
from usecases.finder import FinderOptions, FinderResult, filter_options, program_table
from usecases.roadmap import RoadmapOptions

if TYPE_CHECKING:  # the duplicate scan and the map (numpy, rapidfuzz, networkx) load on demand
    from graph.mapviz import ColorBy
    from graph.navmap import MapLayout
    from graph.settle import MaybeSummary
    from usecases.duplicates import DuplicateDesk

__all__ = [
    "ActiveCalls",
    "active_calls",
    "call_board",
    "call_statuses",
    "duplicates",
    "finder_options",
    "map_html",
    "map_layout",
    "open_questions",
    "program_frame",
    "roadmap",
    "roadmap_files",
    "search_index",
    "summary",
    "timeline_spec",
    "verdicts",
]


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


@st.cache_resource(max_entries=8)
def _finder_options(key: str, _catalogue: Catalogue) -> FinderOptions:
    return filter_options(_catalogue.programs)


def finder_options(ds: Dataset) -> FinderOptions:
    """The finder's filter choices for the dataset (:func:`usecases.finder.filter_options`)."""
    return _finder_options(ds.key, ds.catalogue)


@dataclass(frozen=True)
class ActiveCalls:
    """The session's calls (공고), joined to the dataset's programs, and where they came from."""

    announcements: tuple[Announcement, ...]
    joined: JoinResult | None
    label: str
    error: str = ""


def _today() -> str:
    return announcements.today_kst().isoformat()


@st.cache_resource(show_spinner="공고를 불러오는 중…", max_entries=8)
def _active_calls(key: str, day: str, _catalogue: Catalogue) -> ActiveCalls:
    # ``day`` is only part of the key: the label says how old a snapshot is, so a new day
    # reloads the calls (once) rather than showing yesterday's "오늘".
    try:
        found = load_calls()
        joined = announcements.join_to_programs(found.announcements, _catalogue.programs)
    except (NavigatorError, OSError, ValueError) as exc:
        return ActiveCalls((), None, "", f"공고 데이터를 읽지 못했습니다: {exc}")
    return ActiveCalls(tuple(found.announcements), joined, found.label)


def active_calls(ds: Dataset) -> ActiveCalls:
    """The newest K-Startup calls snapshot (else the embedded real calls), linked to programs."""
    return _active_calls(ds.key, _today(), ds.catalogue)


@st.cache_data(show_spinner=False, max_entries=16)
def _call_statuses(key: str, today: str, _calls: ActiveCalls) -> dict[str, str]:
    if _calls.joined is None:
        return {}
    day = date.fromisoformat(today)
    statuses = {pid: _calls.joined.status_of(pid, day) for pid in _calls.joined.by_program}
    return {k: v for k, v in statuses.items() if v}


def call_statuses(ds: Dataset, today: date | None = None) -> tuple[dict[str, str], str]:
    """``({program_id: "모집 중 · 마감 D-3"}, source label)`` from K-Startup calls, as of
    ``today`` (Korea's date by default; the key holds the date, so a new day recomputes)."""
    calls = active_calls(ds)
    day = (today or announcements.today_kst()).isoformat()
    return _call_statuses(ds.key, day, calls), calls.label or calls.error


@st.cache_resource(max_entries=64)
def _verdicts(key: str, pkey: str, _catalogue: Catalogue, _profile: FirmProfile) -> dict:
    joined = _active_calls(key, _today(), _catalogue).joined
    return eligibility.judge(_catalogue.programs, _profile, joined)


def verdicts(ds: Dataset, prof: ProfileInput) -> dict[str, Verdict]:
    """Program verdicts for the dataset and profile, with their linked calls as evidence
    (:func:`usecases.eligibility.judge`: 업력 counted on an open call's 공고일)."""
    return _verdicts(ds.key, prof.key, ds.catalogue, prof.profile)


@st.cache_resource(max_entries=64)
def _open_questions(
    key: str,
    pkey: str,
    view: str,
    _catalogue: Catalogue,
    _result: FinderResult,
    _profile: FirmProfile,
) -> MaybeSummary:
    from usecases.finder import open_questions

    joined = _active_calls(key, _today(), _catalogue).joined
    verdicts = _verdicts(key, pkey, _catalogue, _profile)
    return open_questions(_result, verdicts, _profile, judge=eligibility.judge_on(joined))


def open_questions(ds: Dataset, prof: ProfileInput, result: FinderResult) -> MaybeSummary:
    """:func:`usecases.finder.open_questions` for the finder's current view (judged with the
    same call evidence as the verdicts), cached per dataset, profile and view."""
    view = hashlib.sha1("|".join(p.program_id for p in result.in_view).encode("utf-8")).hexdigest()[
        :16
    ]
    return _open_questions(ds.key, prof.key, view, ds.catalogue, result, prof.profile)


@st.cache_resource(max_entries=32)
def _call_board(
    key: str,
    pkey: str,
    day: date,
    _calls: ActiveCalls,
    _catalogue: Catalogue,
    _profile: FirmProfile,
) -> CallBoard:
    return board(
        _calls.announcements, _profile, _catalogue.programs, today=day, joined=_calls.joined
    )


def call_board(ds: Dataset, profile: FirmProfile, day: date) -> CallBoard:
    """:func:`usecases.calls.board`: the session's calls judged for ``profile`` (any 기준일)
    and listed as of ``day``, with their programs."""
    return _call_board(ds.key, profile_key(profile), day, active_calls(ds), ds.catalogue, profile)


@st.cache_resource(max_entries=8)
def _layout(key: str, _catalogue: Catalogue) -> MapLayout:
    from graph.navmap import layout_map

    return layout_map(_catalogue.programs)


def map_layout(ds: Dataset) -> MapLayout:
    """:func:`graph.navmap.layout_map` of the dataset: fixed positions, computed once."""
    return _layout(ds.key, ds.catalogue)


@st.cache_data(show_spinner="지도를 그리는 중…", max_entries=32)
def _map_html(
    key: str,
    pkey: str,
    filters: tuple[tuple[str, str | None], ...],
    style: tuple[str, bool, bool],
    you: str,
    vis_src: str | None,
    _layout: MapLayout,
    _catalogue: Catalogue,
    _verdicts: Mapping[str, Verdict] | None,
    _roadmap: Roadmap | None,
) -> tuple[str, int, int, int]:
    from graph.mapviz import map_html as render
    from graph.navmap import matching_programs

    wanted = {k: v for k, v in filters if v}
    keep = matching_programs(_catalogue.programs, **wanted) if wanted else None
    color_by, hide, show_next = style
    view = render(
        _layout,
        verdicts=_verdicts,
        roadmap=_roadmap,
        you=you,
        keep=keep,
        hide=hide,
        color_by=cast("ColorBy", color_by),
        show_next=show_next,
        vis_src=vis_src,
    )
    return view.html, view.programs, view.kept, view.steps


def _plan_key(plan: Roadmap | None) -> str:
    """A short key of what the map draws from a roadmap (steps, gaps, notes)."""
    if plan is None:
        return ""
    text = json.dumps(plan.to_dict(), ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def map_html(
    ds: Dataset,
    prof: ProfileInput | None,
    *,
    ministry: str | None = None,
    field: str | None = None,
    stage: str | None = None,
    support_type: str | None = None,
    color_by: str = "support_type",
    hide: bool = False,
    show_next: bool = False,
    plan: Roadmap | None = None,
) -> tuple[str, int, int, int]:
    """``(html, programs, programs the filter keeps, path steps)`` of the navigation map.

    With a profile, its verdicts fade what it cannot use and ``plan`` (its roadmap) is drawn
    on top; filters fade or hide programs, positions never change.
    """
    filters = (
        ("ministry", ministry),
        ("field", field),
        ("stage", stage),
        ("support_type", support_type),
    )
    given = prof is not None and prof.given
    pkey = prof.key if given and prof is not None else ""
    v = verdicts(ds, prof) if given and prof is not None else None
    you = f"귀사 · {prof.profile.business_age_text()}" if given and prof is not None else ""
    return _map_html(
        ds.key,
        pkey + _plan_key(plan if given else None),
        filters,
        (color_by, hide, show_next),
        you,
        vis_network_src(),  # the served script, once the server registered it (pages/_server.py)
        map_layout(ds),
        ds.catalogue,
        v,
        plan if given else None,
    )


@st.cache_resource(max_entries=32)
def _roadmap(
    key: str,
    pkey: str,
    options: RoadmapOptions,
    edits: RoadmapEdits,
    _catalogue: Catalogue,
    _profile: FirmProfile,
    _v: dict,
) -> Roadmap:
    return usecase.plan(_catalogue.programs, _profile, options, edits=edits, verdicts=_v)


def roadmap(
    ds: Dataset,
    prof: ProfileInput,
    *,
    max_per_phase: int = 2,
    include_loans: bool = True,
    edits: RoadmapEdits | None = None,
) -> Roadmap:
    """:func:`usecases.roadmap.plan` for the dataset, profile, options and edits."""
    options = RoadmapOptions(max_per_phase=max_per_phase, include_loans=include_loans)
    return _roadmap(
        ds.key,
        prof.key,
        options,
        edits or RoadmapEdits(),
        ds.catalogue,
        prof.profile,
        verdicts(ds, prof),
    )


@st.cache_data(show_spinner="파일을 만드는 중…", max_entries=32)
def _roadmap_files(
    key: str,
    pkey: str,
    options: RoadmapOptions,
    edits: RoadmapEdits,
    client: str,
    made: date,
    _roadmap: Roadmap,
    _catalogue: Catalogue,
    _by_id: dict[str, Program],
) -> usecase.RoadmapFiles:
    return usecase.files(_roadmap, _catalogue, client=client, made=made, by_id=_by_id)


def roadmap_files(
    ds: Dataset,
    prof: ProfileInput,
    plan: Roadmap,
    *,
    max_per_phase: int,
    include_loans: bool,
    edits: RoadmapEdits | None = None,
    client: str = "",
) -> usecase.RoadmapFiles:
    """The roadmap's workbook and CSV — the same bytes ``navigator roadmap`` writes."""
    options = RoadmapOptions(max_per_phase=max_per_phase, include_loans=include_loans)
    return _roadmap_files(
        ds.key,
        prof.key,
        options,
        edits or RoadmapEdits(),
        client,
        announcements.today_kst(),  # the workbook's 작성일: today in Korea, like 기준일
        plan,
        ds.catalogue,
        ds.by_id(),
    )


@st.cache_resource(show_spinner="중복 사업을 찾는 중…", max_entries=16)
def _duplicates(key: str, threshold: float, _catalogue: Catalogue) -> DuplicateDesk:
    from graph.duplicates import RELATIONS
    from usecases.duplicates import run

    return run(_catalogue.programs, threshold, relations=RELATIONS, include_undetermined=True)


def duplicates(ds: Dataset, threshold: float) -> DuplicateDesk:
    """:func:`usecases.duplicates.run` at ``threshold``, every relation, pairs of unknown
    places included (the desk shows each relation in its own view)."""
    return _duplicates(ds.key, float(threshold), ds.catalogue)


# ------------------------------------------------------------------------------ tables


@st.cache_resource(max_entries=8)
def _program_frame(key: str, _catalogue: Catalogue) -> pd.DataFrame:
    return program_table(_catalogue.programs)


def program_frame(ds: Dataset) -> pd.DataFrame:
    """:func:`usecases.finder.program_table` of the dataset (a fresh copy per call).

    The frame is built once per dataset and shared by every session (``st.cache_resource``);
    each call gets a shallow copy, which pandas' copy-on-write makes safe to change (a
    ``st.cache_data`` hit would unpickle the whole frame on every rerun of every session).
    """
    return _program_frame(ds.key, ds.catalogue).copy(deep=False)


# ------------------------------------------------------------------------------ charts


@functools.cache
def _timeline_template() -> dict[str, Any]:
    """The timeline's Vega-Lite spec without its data, built with Altair once per process.

    Building an Altair chart validates it against the Vega-Lite schema: about 37 ms of CPU,
    paid on every new roadmap (every new profile) when the chart was built per call — most of
    a roadmap page's first run (benchmarks/load_test.py). The spec's shape does not depend on
    the steps, so Altair builds it once, on named data, and :func:`timeline_spec` fills in the
    rows and the order.
    """
    import altair as alt

    from pages._format import STATUS_BADGES

    colours = alt.Scale(
        domain=[STATUS_BADGES["eligible"], STATUS_BADGES["maybe"]], range=["#2E7D32", "#F9A825"]
    )
    base = alt.Chart(alt.NamedData(name=_TIMELINE_STEPS)).encode(
        y=alt.Y(
            "순서:N",
            sort=[],  # the steps' order, filled in per call
            title=None,
            axis=alt.Axis(labelFontSize=12, labelLimit=260, labelOverlap=False),
        )
    )
    bars = base.mark_bar(cornerRadius=3, opacity=0.85, height=16).encode(
        x=alt.X("시작:T", title="신청 가능 시기", axis=alt.Axis(format="%Y-%m")),
        x2="종료:T",
        color=alt.Color("자격:N", scale=colours, legend=alt.Legend(title=None, orient="top")),
        tooltip=["순서:N", "단계:N", "기관:N", "기간:N", "자격:N"],
    )
    today = (
        alt.Chart(alt.NamedData(name=_TIMELINE_DAY))
        .mark_rule(color="#555", strokeDash=[4, 4])
        .encode(x="x:T")
    )
    return (bars + today).properties(height=alt.Step(30)).to_dict()  # one 30-px row per step


_TIMELINE_STEPS, _TIMELINE_DAY = "steps", "day"


def timeline_spec(rows: tuple[tuple[str, str, str, str, str, str], ...], day: str) -> dict:
    """The timeline's Vega-Lite spec for these steps: the shared template plus their rows.

    ``rows`` are (numbered label, phase, from, until, status, institution) of each step in
    order, ``day`` the 기준일 (ISO dates). A step without an end runs to the planning horizon.
    """
    from graph.path import DEFAULT_HORIZON_YEARS
    from graph.profile import add_years
    from pages._format import STATUS_BADGES

    as_of_day = date.fromisoformat(day)
    horizon = add_years(as_of_day, DEFAULT_HORIZON_YEARS).isoformat()
    spec = copy.deepcopy(_timeline_template())
    spec["layer"][0]["encoding"]["y"]["sort"] = [row[0] for row in rows]
    spec["datasets"] = {
        _TIMELINE_STEPS: [
            {
                "순서": label,
                "단계": phase,
                "시작": f"{start}T00:00:00",
                "종료": f"{until or horizon}T00:00:00",
                "기간": f"{start} ~ " + (until or "기한 없음"),
                "자격": STATUS_BADGES.get(status, status),
                "기관": institution,
            }
            for label, phase, start, until, status, institution in rows
        ],
        _TIMELINE_DAY: [{"x": f"{as_of_day.isoformat()}T00:00:00"}],
    }
    return spec
