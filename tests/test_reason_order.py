"""Verdict reasons lead with what decides: the failed condition of a ×, the open question of a △.

A table cell or a card shows the first reason first (and may cut the rest): a × that opens with
"(예비)창업자 대상 — 충족" hides why the firm cannot apply.
"""

from __future__ import annotations

import pytest

from graph.eligibility import evaluate_all
from graph.profile import profile_from_dict
from loaders.catalogue import load_embedded

PROFILES = [
    {"founded": "2015-03-01", "ceo_age": 52, "region": "부산", "as_of": "2026-03-01"},
    {"pre_founding": True, "ceo_age": 29, "region": "경북", "district": "김천시"},
    {"founded": "2024-05-01", "ceo_age": 34, "region": "서울", "fields": ["인공지능·빅데이터"]},
]


@pytest.fixture(scope="module")
def programs():
    return load_embedded().programs


@pytest.mark.parametrize("raw", PROFILES)
def test_every_ineligible_verdict_names_a_failed_condition_first(programs, raw) -> None:
    verdicts = evaluate_all(programs, profile_from_dict(raw))
    ineligible = [v for v in verdicts.values() if v.status == "ineligible"]
    assert ineligible
    for v in ineligible:
        assert v.kinds[0] in v.failed, (v.program_id, v.reasons)
        assert "충족" not in v.reasons[0], (v.program_id, v.reasons)


def test_a_maybe_verdict_lists_its_open_questions_before_what_is_met(programs) -> None:
    verdicts = evaluate_all(programs, profile_from_dict(PROFILES[2]))
    for v in verdicts.values():
        if v.status != "maybe":
            continue
        met = [i for i, r in enumerate(v.reasons) if r.endswith("충족") or "— 충족" in r]
        open_ = [i for i, k in enumerate(v.kinds) if k in v.uncertain]
        if met and open_:
            assert min(open_) < min(met), (v.program_id, v.reasons)
