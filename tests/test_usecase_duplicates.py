"""The duplicate desk use case (usecases/duplicates.py): the call the 중복 분석 page and
``navigator duplicates`` share gives the engine's answer, and its files hold every view."""

from __future__ import annotations

import io
import json
from pathlib import Path

import openpyxl
import pytest

from graph.duplicates import RELATIONS, find_duplicates, local_copies, overlap_table
from graph.export import DUPLICATE_VIEWS, duplicate_view_csv
from navigator.cli import main
from tests.test_export import DUP_EXTRA, PROGRAMS
from usecases.duplicates import OVERLAP_TABLES, run, table_files, view_files, workbook

ALL = PROGRAMS + DUP_EXTRA


def _ids(pairs) -> list[tuple[str, str, str]]:
    return [(p.a_id, p.b_id, p.relation) for p in pairs]


def test_run_is_the_engines_scan() -> None:
    desk = run(ALL, 50, relations=RELATIONS, include_undetermined=True)
    engine = find_duplicates(ALL, 50, relations=RELATIONS, include_undetermined=True)
    assert _ids(desk.result.pairs) == _ids(engine.pairs)
    assert desk.relations == RELATIONS
    assert desk.certain_counts() == {
        r: engine.counts.get(r, {}).get("certain", 0) for r in RELATIONS
    }
    assert desk.undetermined == sum(
        c.get("uncertain", 0) for r, c in engine.counts.items() if r != "regional_copies"
    )
    assert desk.pair_counts() == {r: sum(p.relation == r for p in engine.pairs) for r in RELATIONS}
    assert [g.central_id for g in desk.local_copies] == [
        g.central_id for g in local_copies(engine, ALL)
    ]
    assert desk.tables["ministry"].equals(overlap_table(engine, ALL, by="ministry"))


def test_defaults_and_relation_order() -> None:
    assert _ids(run(ALL).result.pairs) == _ids(find_duplicates(ALL).pairs)
    # Relations keep the engine's order whatever order they are asked in.
    assert run(ALL, 50, relations=["ladder", "overlap"]).relations == ("overlap", "ladder")
    with pytest.raises(ValueError, match="unknown relation"):
        run(ALL, relations=["twins"])


def test_files_hold_every_view_and_table() -> None:
    desk = run(ALL, 50, relations=RELATIONS, include_undetermined=True)
    assert view_files(desk, "overlaps").csv == duplicate_view_csv("overlaps", desk.result, ALL)
    book = openpyxl.load_workbook(io.BytesIO(workbook(desk)))
    assert book.sheetnames == [
        *(title for title, _ in DUPLICATE_VIEWS.values()),
        *OVERLAP_TABLES.values(),
    ]
    made = table_files(desk, "ministry")
    assert openpyxl.load_workbook(io.BytesIO(made.xlsx)).sheetnames == ["부처×부처"]
    assert made.csv.startswith("\ufeff".encode())


def test_cli_prints_the_use_cases_answer(capsys: pytest.CaptureFixture[str]) -> None:
    from loaders.catalogue import load_files

    notice = str(Path(__file__).resolve().parent / "fixtures" / "notice_2024_layout.csv")
    assert main(["duplicates", "--data", notice, "--relation", "all", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    desk = run(load_files([notice]).programs, relations=RELATIONS)
    assert doc == json.loads(json.dumps(desk.result.to_dict(desk.by_id), default=str))
