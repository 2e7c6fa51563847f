"""Catalogue: the embedded dataset, summaries and coverage against published totals."""

from __future__ import annotations

import ast
from pathlib import Path

from loaders.catalogue import (
    coverage_message,
    load_embedded,
    load_files,
    published_totals,
    summarise,
)
from loaders.support_types import SUPPORT_TYPES
from tests.conftest import FIXTURES, ROOT


def test_embedded_dataset_loads_with_zero_rejected_rows():
    cat = load_embedded()
    assert cat.report.rejected == []
    assert cat.report.balanced
    assert len(cat) == cat.report.rows_read


def test_embedded_dataset_is_2026_and_every_row_has_provenance():
    cat = load_embedded()
    assert cat.year == 2026
    assert all(p.source.file == "notice_2026.csv" and p.source.row for p in cat.programs)
    assert all(p.source.citation for p in cat.programs)
    assert all(p.url.startswith("https://") for p in cat.programs)


def test_embedded_support_types_are_canonical():
    cat = load_embedded()
    assert {p.support_type for p in cat.programs} <= set(SUPPORT_TYPES)


def test_embedded_program_ids_are_unique_and_stable():
    first = [p.program_id for p in load_embedded().programs]
    assert len(set(first)) == len(first)
    assert first == [p.program_id for p in load_embedded().programs]


def test_coverage_message_states_the_gap_plainly():
    cat = load_embedded()
    n = len(cat)
    published = published_totals()[2026].programs
    assert coverage_message(cat).startswith(
        f"이 내장 데이터에는 2026 통합공고 {published}개 사업 중 {n}개가 들어 있습니다"
    )


def test_published_totals_are_data_per_year():
    totals = published_totals()
    assert totals[2024].programs == 397
    assert totals[2024].institutions == 99
    assert totals[2026].budget_total_eok == 34645


def test_summary_has_the_cli_contract_keys():
    s = summarise(load_files([FIXTURES / "notice_2024_layout.csv"]))
    for key in (
        "programs",
        "institutions",
        "total_budget_eok",
        "by_support_type",
        "rows_read",
        "skipped",
        "rejected",
        "column_mapping",
    ):
        assert key in s
    assert s["programs"] == 4
    assert s["by_support_type"]["사업화"] == {"count": 4, "budget_eok": 1778.0, "with_budget": 3}
    assert "397개 사업 중 4개" in s["coverage"]


def test_loaders_and_graph_never_import_streamlit():
    for package in ("loaders", "graph", "navigator"):
        for path in (ROOT / package).rglob("*.py"):
            tree = ast.parse(Path(path).read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                names = []
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom):
                    names = [node.module or ""]
                assert not any(n.split(".")[0] == "streamlit" for n in names), path
