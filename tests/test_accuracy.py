"""The accuracy benchmark: the engine against cases written from each program's published rule.

The cases (``tests/accuracy/cases.csv``) were written by a research helper from the rule quote
and URL of each program's 2026 call or press report, before the engine was run on them. No
program id or name is special-cased anywhere in the engine: the figures come from the general
rule semantics only.
"""

from __future__ import annotations

import csv

from benchmarks.accuracy import CASES, expected_of, measure, run_cases


def test_no_case_is_wrong_and_at_least_80_percent_are_correct() -> None:
    # As the finder shows it (the calls as evidence) and on the program records alone.
    figures = measure()
    for calls, found in ((True, figures), (False, figures["engine"])):
        wrong = [r for r in run_cases(calls=calls) if r.outcome == "wrong"]
        assert found["wrong"] == 0, [(r.case_id, r.expected, r.got, r.reasons) for r in wrong]
        assert found["correct_pct"] >= 80.0, found


def test_cases_are_sourced_and_cover_central_and_local_programs() -> None:
    with CASES.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) >= 60
    assert {r["level"] for r in rows} == {"central", "local"}
    for r in rows:
        assert r["rule_quote"] and r["source_url"].startswith("http"), r["case_id"]
        assert r["source_year"] in {"2025", "2026"}, r["case_id"]
        assert expected_of(r) in {"eligible", "maybe", "ineligible"}


def test_boundaries_are_part_of_the_set() -> None:
    with CASES.open(encoding="utf-8-sig", newline="") as fh:
        rationales = " ".join(r["rationale"] for r in csv.DictReader(fh))
    assert "one day before" in rationales and "anniversary" in rationales
