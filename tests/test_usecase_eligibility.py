"""The eligibility use case (usecases/eligibility.py): the verdicts ``navigator eligible`` prints
and the pages show are the engine's, with linked calls weighed as evidence when given."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from graph.calls import apply_call_evidence
from graph.eligibility import evaluate_all
from loaders.announcements import AnnouncementSet, join_to_programs
from loaders.report import LoadReport
from tests.test_calls import _program, firm
from tests.test_usecase_calls import LINKED as OPEN_CALL
from tests.test_usecase_calls import PROGRAM as THREE_YEARS
from usecases.eligibility import check, judge, judge_on

D = date
# SYNTHETIC TEST DATA (tests/test_usecase_calls.py): a 3-year program and an open call of it.
# 3 years and 2 days old on 2026-09-27, 2 years 11 months on the open call's 공고일.
LATER = firm(founded=D(2023, 9, 25), as_of=D(2026, 9, 27))


def test_judge_without_calls_is_the_engines_verdicts() -> None:
    assert judge([THREE_YEARS], LATER) == evaluate_all([THREE_YEARS], LATER)
    assert judge([THREE_YEARS], LATER)["p1"].status == "ineligible"


def test_judge_with_calls_weighs_them_as_evidence() -> None:
    joined = join_to_programs([OPEN_CALL], [THREE_YEARS])
    expected = apply_call_evidence([THREE_YEARS], evaluate_all([THREE_YEARS], LATER), joined, LATER)
    assert judge([THREE_YEARS], LATER, joined) == expected
    assert expected["p1"].status == "eligible"  # counted on the call's 공고일
    assert judge_on(joined)([THREE_YEARS], LATER) == expected
    assert judge_on(None)([THREE_YEARS], LATER) == evaluate_all([THREE_YEARS], LATER)


def test_check_says_which_calls_were_evidence() -> None:
    calls = AnnouncementSet((OPEN_CALL,), LoadReport(), "file", "공고 파일 a.json (1건)")
    with_calls = check([THREE_YEARS], LATER, calls)
    assert with_calls.calls_label == "공고 파일 a.json (1건)"
    assert with_calls.verdicts["p1"].status == "eligible"
    alone = check([THREE_YEARS], LATER)
    assert alone.calls_label == "" and alone.verdicts["p1"].status == "ineligible"


def test_rows_counts_and_json_follow_the_catalogue_order() -> None:
    pre = replace(_program(name="예비 창업자 사업", target="예비창업자"), program_id="p2")
    result = check([THREE_YEARS, pre], firm(founded=D(2025, 1, 1)))
    statuses = {p.program_id: v.status for p, v in result.rows()}
    assert list(statuses) == ["p1", "p2"]
    assert result.counts() == {
        s: sum(v == s for v in statuses.values()) for s in ("eligible", "maybe", "ineligible")
    }
    assert statuses["p1"] == "eligible" and statuses["p2"] == "ineligible"
    assert [p.program_id for p, _ in result.rows(["ineligible"])] == ["p2"]
    rows = result.to_dicts(["eligible"])
    assert rows == [
        {
            "program_id": "p1",
            "name": THREE_YEARS.name,
            "institution": THREE_YEARS.institution,
            "status": "eligible",
            "reasons": list(result.verdicts["p1"].reasons),
            "failed": [],
        }
    ]
