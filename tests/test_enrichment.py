"""Sourced enrichment of the embedded dataset: provenance, merge rules, reproducible build."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from data.build_embedded import (
    CANONICAL_MINISTRIES,
    COLUMNS,
    DEFAULT_SOURCE,
    ENRICHMENT,
    ENRICHMENT_COLUMNS,
    FIELD_COLUMNS,
    OUTPUT,
    EnrichmentError,
    build,
    convert,
    merge,
    read_enrichment,
)
from loaders.catalogue import load_embedded
from loaders.regions import SIDO, sido_of_institution

ALLOWED_FIELDS = {"ministry", "target", "agency", "budget_eok", "institution", "region"}


def _embedded_rows() -> list[dict[str, str]]:
    with OUTPUT.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _shared_rows() -> list[dict[str, str]]:
    with DEFAULT_SOURCE.open(encoding="utf-8-sig", newline="") as fh:
        return [convert(r) for r in csv.DictReader(fh)]


needs_shared = pytest.mark.skipif(
    not DEFAULT_SOURCE.exists(), reason="shared/data/programs_2026.csv is not beside the repo"
)


def _row(kid: str, level: str = "중앙부처", **cells: str) -> dict[str, str]:
    base = dict.fromkeys(COLUMNS, "")
    base.update({"구분": level, "K-Startup ID": kid, "출처": "archive:2026-04-15.html"})
    base.update(cells)
    return base


def _fact(kid: str, field: str, value: str, url: str = "https://example.org/a") -> dict:
    return {"kstartup_id": kid, "field": field, "value": value, "source_url": url, "note": "n"}


# --- the enrichment file itself ---------------------------------------------------------------


def test_enrichment_file_has_the_documented_columns():
    with ENRICHMENT.open(encoding="utf-8-sig", newline="") as fh:
        assert csv.DictReader(fh).fieldnames == ENRICHMENT_COLUMNS
    assert set(FIELD_COLUMNS) == ALLOWED_FIELDS


def test_every_enrichment_row_is_sourced_and_points_at_a_known_program():
    rows = read_enrichment()
    assert rows, "enrichment file is empty"
    ids = {r["K-Startup ID"] for r in _embedded_rows()}
    for r in rows:
        assert r["source_url"].startswith(("http://", "https://")), r
        assert r["kstartup_id"] in ids, r
        assert r["field"] in ALLOWED_FIELDS, r
        assert r["value"], r
        assert r["note"], r  # what the page states, in a few words


def test_one_fact_per_program_and_field():
    keys = [(r["kstartup_id"], r["field"]) for r in read_enrichment()]
    assert len(keys) == len(set(keys))


def test_ministries_are_canonical_names_and_only_for_central_programs():
    levels = {r["K-Startup ID"]: r["구분"] for r in _embedded_rows()}
    for r in read_enrichment():
        if r["field"] == "ministry":
            assert r["value"] in CANONICAL_MINISTRIES, r
            assert levels[r["kstartup_id"]] == "중앙부처", r


def test_local_facts_are_for_local_programs_and_use_canonical_names():
    levels = {r["K-Startup ID"]: r["구분"] for r in _embedded_rows()}
    for r in read_enrichment():
        if r["field"] == "region":
            assert r["value"] in SIDO, r
            assert levels[r["kstartup_id"]] == "지자체", r
        if r["field"] == "institution":
            assert sido_of_institution(r["value"]) is not None, r
            assert levels[r["kstartup_id"]] == "지자체", r


def test_a_programs_institution_and_region_facts_agree():
    facts = {(r["kstartup_id"], r["field"]): r["value"] for r in read_enrichment()}
    for (kid, field), value in facts.items():
        if field == "institution" and (kid, "region") in facts:
            assert sido_of_institution(value) == facts[(kid, "region")], kid


def test_budgets_are_numbers():
    for r in read_enrichment():
        if r["field"] == "budget_eok":
            assert float(r["value"]) > 0


# --- merge rules ------------------------------------------------------------------------------


def test_merge_fills_blank_cells_and_cites_the_page():
    rows = [_row("170004")]
    out = merge(rows, [_fact("170004", "ministry", "중소벤처기업부", "https://news.example/1")])
    assert out[0]["소관부처·지자체"] == "중소벤처기업부"
    assert out[0]["출처"] == "archive:2026-04-15.html; https://news.example/1"
    assert rows[0]["소관부처·지자체"] == ""  # input untouched


def test_merge_never_overwrites_a_shared_value():
    rows = [_row("170001", **{"소관부처·지자체": "중소벤처기업부", "예산(억원)": "491"})]
    facts = [
        _fact("170001", "ministry", "과학기술정보통신부"),
        _fact("170001", "budget_eok", "500"),
    ]
    out = merge(rows, facts)
    assert out[0]["소관부처·지자체"] == "중소벤처기업부"
    assert out[0]["예산(억원)"] == "491"
    assert out[0]["출처"] == "archive:2026-04-15.html"  # unused pages are not cited


def test_merge_leaves_a_local_rows_institution_alone():
    out = merge([_row("171001", level="지자체")], [_fact("171001", "ministry", "중소벤처기업부")])
    assert out[0]["소관부처·지자체"] == ""


def test_merge_cites_a_page_once_when_it_gives_several_facts():
    facts = [
        _fact("170008", "ministry", "중소벤처기업부", "https://x.example/p"),
        _fact("170008", "agency", "중소벤처기업진흥공단", "https://x.example/p"),
    ]
    out = merge([_row("170008")], facts)
    assert out[0]["출처"].count("https://x.example/p") == 1
    assert out[0]["전담기관"] == "중소벤처기업진흥공단"


def test_merge_fills_a_local_rows_institution_and_region():
    out = merge(
        [_row("171097", level="지자체")],
        [
            _fact("171097", "institution", "창원시", "https://news.example/c"),
            _fact("171097", "region", "경남", "https://news.example/c"),
        ],
    )
    assert out[0]["소관부처·지자체"] == "창원시"
    assert out[0]["지역"] == "경남"
    assert out[0]["출처"] == "archive:2026-04-15.html; https://news.example/c"


def test_merge_keeps_local_facts_off_central_rows_and_shared_values():
    central = merge([_row("170004")], [_fact("170004", "institution", "경기도")])
    assert central[0]["소관부처·지자체"] == ""
    shared = _row("171050", level="지자체", **{"소관부처·지자체": "성남시", "지역": "경기"})
    out = merge([shared], [_fact("171050", "region", "서울")])
    assert out[0]["지역"] == "경기"
    assert out[0]["출처"] == "archive:2026-04-15.html"


def test_merge_rejects_an_institution_in_another_sido_than_the_rows_region():
    row = _row("171003", level="지자체", 지역="부산")
    with pytest.raises(EnrichmentError):
        merge([row], [_fact("171003", "institution", "관악구")])


def test_merge_rejects_facts_that_disagree_with_each_other():
    facts = [_fact("171003", "institution", "관악구"), _fact("171003", "region", "경기")]
    with pytest.raises(EnrichmentError):
        merge([_row("171003", level="지자체")], facts)


@pytest.mark.parametrize(
    "fact",
    [
        _fact("171001", "region", "서울특별시"),
        _fact("171001", "region", "전국"),
        _fact("171001", "institution", "중소벤처기업부"),
        _fact("171001", "institution", "중구"),
        _fact("171001", "institution", "광주시"),
    ],
)
def test_merge_rejects_non_canonical_local_facts(fact):
    with pytest.raises(EnrichmentError):
        merge([_row("171001", level="지자체")], [fact])


@pytest.mark.parametrize(
    "fact",
    [
        _fact("999999", "ministry", "중소벤처기업부"),
        _fact("170004", "contact", "02-000-0000"),
        _fact("170004", "ministry", "중기부"),
        _fact("170004", "ministry", "중소벤처기업부", url="K-Startup 공고"),
        _fact("170004", "budget_eok", "약 10억"),
        _fact("170004", "target", ""),
    ],
)
def test_merge_rejects_unmergeable_facts(fact):
    with pytest.raises(EnrichmentError):
        merge([_row("170004")], [fact])


def test_merge_rejects_two_values_for_the_same_cell():
    facts = [_fact("170004", "target", "a"), _fact("170004", "target", "b")]
    with pytest.raises(EnrichmentError):
        merge([_row("170004")], facts)


# --- the shipped dataset ----------------------------------------------------------------------


@needs_shared
def test_embedded_file_equals_a_fresh_build():
    assert build() == _embedded_rows()


@needs_shared
def test_embedded_file_keeps_every_shared_value():
    shared = {r["K-Startup ID"]: r for r in _shared_rows()}
    for row in _embedded_rows():
        before = shared[row["K-Startup ID"]]
        for column, value in before.items():
            if column == "출처":
                assert row[column].startswith(value)
            elif value.strip():
                assert row[column] == value, (row["K-Startup ID"], column)


@needs_shared
def test_every_filled_cell_is_an_enrichment_value_with_its_page_cited():
    shared = {r["K-Startup ID"]: r for r in _shared_rows()}
    facts = {(r["kstartup_id"], FIELD_COLUMNS[r["field"]]): r for r in read_enrichment()}
    for row in _embedded_rows():
        kid = row["K-Startup ID"]
        for column in FIELD_COLUMNS.values():
            if row[column] and not shared[kid][column]:
                fact = facts[(kid, column)]
                assert row[column] == fact["value"]
                assert fact["source_url"] in row["출처"].split("; ")


def test_loaded_catalogue_shows_the_sourced_ministries():
    facts = {r["kstartup_id"]: r["value"] for r in read_enrichment() if r["field"] == "ministry"}
    by_id = {p.kstartup_id: p for p in load_embedded().programs}
    for kid, ministry in facts.items():
        assert by_id[kid].institution == ministry, kid


def test_loaded_catalogue_shows_the_sourced_local_governments():
    facts = {r["kstartup_id"]: r["value"] for r in read_enrichment() if r["field"] == "institution"}
    by_id = {p.kstartup_id: p for p in load_embedded().programs}
    for kid, institution in facts.items():
        program = by_id[kid]
        assert program.institution == institution, kid
        assert program.region == sido_of_institution(institution), kid


@needs_shared
def test_every_local_row_with_institution_and_region_agrees():
    for row in _embedded_rows():
        if row["구분"] == "지자체" and row["소관부처·지자체"] and row["지역"]:
            sido = sido_of_institution(row["소관부처·지자체"])
            assert sido in (None, row["지역"]), row["K-Startup ID"]


def test_readme_documents_the_enrichment():
    text = (Path(OUTPUT).parent / "README.md").read_text(encoding="utf-8")
    assert "## Enrichment" in text
    assert "enrichment_2026.csv" in text
