"""The one vocabulary (loaders/vocab.py) is what every layer reads."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

from graph.eligibility import CONSTRAINT_KINDS, KIND_LABELS
from graph.profile import FLAG_FIELDS, FirmProfile, profile_from_dict
from loaders.errors import ProfileError
from loaders.model import Eligibility
from loaders.vocab import (
    CALL_STATE_LABELS,
    CEO_AGE_FORM_LABEL,
    CEO_AGE_LABEL,
    CEO_AGE_RANGE,
    FOUNDER_GROUPS,
    GROWTH_STAGES,
    PHASE_OF_TYPE,
    PHASES,
    STAGES,
    STATUS_LABELS,
    STATUS_MARKS,
    STATUSES,
)


def test_each_founder_group_names_an_eligibility_flag_and_a_profile_field() -> None:
    elig = {f.name for f in dataclasses.fields(Eligibility)}
    prof = {f.name for f in dataclasses.fields(FirmProfile)}
    for group in FOUNDER_GROUPS:
        assert group.kind in elig and group.kind in CONSTRAINT_KINDS
        assert group.profile_field in prof
        assert KIND_LABELS[group.kind] == group.topic
    assert tuple(g.profile_field for g in FOUNDER_GROUPS) == FLAG_FIELDS


def test_growth_stages_are_the_notice_stages_in_time_order() -> None:
    assert set(GROWTH_STAGES) < set(STAGES)
    assert [s for s in STAGES if s in GROWTH_STAGES] == list(GROWTH_STAGES)


def test_phases_and_statuses_are_complete() -> None:
    assert set(PHASE_OF_TYPE.values()) == set(PHASES)
    assert set(STATUS_LABELS) == set(STATUS_MARKS) == set(STATUSES)


@pytest.mark.parametrize("age", CEO_AGE_RANGE)
def test_the_form_range_of_ceo_age_is_the_parser_range(age: int) -> None:
    assert profile_from_dict({"ceo_age": age}).ceo_age == age


@pytest.mark.parametrize("age", [CEO_AGE_RANGE[0] - 1, CEO_AGE_RANGE[1] + 1])
def test_ceo_age_outside_the_range_is_refused(age: int) -> None:
    with pytest.raises(ProfileError):
        profile_from_dict({"ceo_age": age})


def test_no_layer_spells_the_vocabulary_again() -> None:
    """Labels with one home are read from it: no other module writes them as a literal (a
    second copy is how the age question once said 14–100 while the form said 10–110)."""
    words = {CEO_AGE_LABEL, CEO_AGE_FORM_LABEL, *CALL_STATE_LABELS.values()}
    root = Path(__file__).resolve().parents[1]
    found = [
        f"{path.relative_to(root)}:{node.lineno} {node.value}"
        for package in ("loaders", "graph", "navigator", "usecases", "pages")
        for path in sorted((root / package).rglob("*.py"))
        if path.name != "vocab.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and node.value in words
    ]
    assert found == []
