"""Accuracy of the eligibility engine on sourced cases written from the rules.

``tests/accuracy/cases.csv`` holds cases a research helper wrote from each program's published
2026 rule (quote, URL, year) *before* running the engine: a profile, the program's K-Startup id
and the verdict the rule gives. A case is **correct** when the engine gives that verdict,
**△** when the engine says "maybe" where the rule gives a definite answer (the engine lacks a
fact), and **wrong** when the engine gives the other definite answer — or a definite answer
where the rule leaves it open. A ``correction`` cell ("expected=maybe: reason") records a case
the project changed after checking the rule quote; the reason stays in the file.
``tests/accuracy/REPORT.md`` is the research helper's own account: how each expected verdict
was decided, the sources (114 real 2026 calls, 18 K-Startup 사업소개 texts, 30 press pages), a
second cold pass, and what is not covered.

The cases are judged **as the finder shows them** — :func:`usecases.eligibility.judge` with
the embedded 2026 calls linked to their programs as evidence (업력 and 나이 counted on a call's
공고일, a call's boxes settling what the program's record leaves open), the verdict every page
shows — and, beside that, by the engine on the program's record alone
(:func:`graph.eligibility.evaluate`), so a difference between the two is visible.

``python -m benchmarks.accuracy`` prints the figures; ``benchmarks/run.py`` prints them too.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

CASES = Path(__file__).resolve().parent.parent / "tests" / "accuracy" / "cases.csv"
# Profiles are validated as of this day (cases may carry an as_of later than the machine's).
_TODAY = date(2026, 12, 31)
_CORRECTION = re.compile(r"^\s*expected\s*=\s*(eligible|maybe|ineligible)\s*:\s*(.+)$")


@dataclass(frozen=True, slots=True)
class CaseResult:
    """One case: what the rule gives, what the engine said, and which bucket that is."""

    case_id: str
    kstartup_id: str
    expected: str
    got: str
    outcome: str  # "correct" | "maybe" | "wrong"
    reasons: tuple[str, ...]


def expected_of(row: dict[str, str]) -> str:
    """The expected verdict, after a recorded correction (if any)."""
    found = _CORRECTION.match(row.get("correction", "") or "")
    return found.group(1) if found else row["expected"]


def run_cases(path: Path = CASES, *, calls: bool = True) -> list[CaseResult]:
    """Evaluate every case against the embedded 2026 dataset: as the finder shows it (with the
    embedded calls as evidence), or with ``calls=False`` on the program's record alone."""
    from graph.eligibility import evaluate
    from graph.profile import profile_from_dict
    from loaders.announcements import join_to_programs, load_embedded_announcements
    from loaders.catalogue import load_embedded
    from usecases.eligibility import judge

    catalogue = load_embedded().programs
    programs = {p.kstartup_id: p for p in catalogue}
    joined = join_to_programs(load_embedded_announcements()[0], catalogue) if calls else None
    out: list[CaseResult] = []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            profile = profile_from_dict(json.loads(row["profile_json"]), today=_TODAY)
            program = programs[row["kstartup_id"]]
            if joined is None:
                verdict = evaluate(program, profile)
            else:
                verdict = judge([program], profile, joined)[program.program_id]
            expected = expected_of(row)
            if verdict.status == expected:
                outcome = "correct"
            elif verdict.status == "maybe":
                outcome = "maybe"
            else:
                outcome = "wrong"
            out.append(
                CaseResult(
                    row["case_id"],
                    row["kstartup_id"],
                    expected,
                    verdict.status,
                    outcome,
                    verdict.reasons,
                )
            )
    return out


def _figures(results: list[CaseResult], levels: Counter[str]) -> dict[str, Any]:
    counts = Counter(r.outcome for r in results)
    n = len(results)
    return {
        "cases": n,
        "correct": counts["correct"],
        "maybe": counts["maybe"],
        "wrong": counts["wrong"],
        "correct_pct": round(100 * counts["correct"] / n, 1) if n else 0.0,
        "central": levels.get("central", 0),
        "local": levels.get("local", 0),
    }


def measure(path: Path = CASES) -> dict[str, Any]:
    """Counts and shares as the finder shows them — {cases, correct, maybe, wrong, correct_pct,
    central, local} — with the same figures on the program records alone under ``engine``."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        levels = Counter(row["level"] for row in csv.DictReader(fh))
    figures = _figures(run_cases(path), levels)
    figures["engine"] = _figures(run_cases(path, calls=False), levels)
    return figures


def render(figures: dict[str, Any]) -> str:
    """One Markdown table for the README and run.py: as the finder shows (calls as evidence),
    and on the program records alone."""
    rows = [("as the finder shows (calls as evidence)", figures)]
    if "engine" in figures:
        rows.append(("program records alone", figures["engine"]))
    return "\n".join(
        [
            "| judged | cases (central / local) | correct | △ (engine lacks a fact) | wrong "
            "| correct % |",
            "|---|---|---|---|---|---|",
            *(
                f"| {label} | {f['cases']} ({f['central']} / {f['local']}) | {f['correct']} | "
                f"{f['maybe']} | {f['wrong']} | {f['correct_pct']}% |"
                for label, f in rows
            ),
        ]
    )


if __name__ == "__main__":
    print(render(measure()))
