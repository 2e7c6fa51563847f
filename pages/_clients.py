"""A consultant's client on the 지원 경로 page: load one into the sidebar form, keep the roadmap
edits in the session, save it again. Layout helpers only; the file formats are
:mod:`graph.clients`."""

from __future__ import annotations

import streamlit as st

from graph.clients import Client
from graph.path import RoadmapEdits
from graph.profile import FirmProfile
from loaders.vocab import FOUNDER_GROUPS
from pages._sidebar import NO_DISTRICT, fill_profile_form

__all__ = ["EDITS_KEY", "apply_client", "current_edits", "set_edits"]

EDITS_KEY = "_roadmap_edits"


def current_edits() -> RoadmapEdits:
    """The session's roadmap edits (pins, removals, notes)."""
    edits = st.session_state.get(EDITS_KEY)
    return edits if isinstance(edits, RoadmapEdits) else RoadmapEdits()


def set_edits(edits: RoadmapEdits) -> None:
    st.session_state[EDITS_KEY] = edits


def apply_client(client: Client) -> None:
    """Fill the sidebar form and the client box with ``client`` (run as a widget callback, so
    it happens before the bound widgets are drawn), and take over its edits."""
    p: FirmProfile = client.profile
    state = st.session_state
    fill_profile_form(
        {
            "firm": "pre" if p.pre_founding else "founded" if p.founded else "none",
            "founded": p.founded,
            "age": p.ceo_age,
            "region": p.region,
            "district": p.district or NO_DISTRICT,
            "field": list(p.fields),
            "flag": [g.profile_field for g in FOUNDER_GROUPS if getattr(p, g.profile_field)],
        }
    )
    state["client"] = client.name
    state["client_memo"] = client.memo
    set_edits(client.edits)
