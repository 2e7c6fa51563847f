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
    chosen_facts,
    convert,
    fact_rank,
    merge,
    read_enrichment,
)
from loaders.catalogue import load_embedded
from loaders.regions import SIDO, sido_of_institution
from loaders.textnorm import clean_cell

ALLOWED_FIELDS = {
    "ministry",
    "target",
    "exclusion",
    "agency",
    "contact",
    "apply_period",
    "call",
    "call_target",
    "budget_eok",
    "institution",
    "region",
}
CALL_URL = "https://www.k-startup.go.kr/web/contents/bizpbanc-ongoing.do?schM=view&pbancSn=176019"


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


def _fact(
    kid: str, field: str, value: str, url: str = "https://example.org/a", year: str = "2026"
) -> dict:
    return {
        "kstartup_id": kid,
        "field": field,
        "value": value,
        "source_url": url,
        "year": year,
        "note": "n",
    }


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


def test_no_fact_is_given_twice():
    keys = [(r["kstartup_id"], r["field"], r["value"]) for r in read_enrichment()]
    assert len(keys) == len(set(keys))


def test_every_rule_fact_states_a_recent_program_year():
    for r in read_enrichment():
        if r["field"] in {"target", "exclusion"}:
            assert r["year"] in {"2025", "2026"}, r
        elif r["year"]:
            assert 2019 <= int(r["year"]) <= 2026, r


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
        _fact("170004", "apply_period", "3월 중"),
        _fact("170004", "call", "공고 176019"),
        _fact("170004", "target", "창업 3년 이내", year=""),
        _fact("170004", "target", "창업 3년 이내", year="2024"),
        _fact("170004", "agency", "창업진흥원", year="26"),
        _fact("170004", "ministry", "중기부"),
        _fact("170004", "ministry", "중소벤처기업부", url="K-Startup 공고"),
        _fact("170004", "budget_eok", "약 10억"),
        _fact("170004", "target", ""),
    ],
)
def test_merge_rejects_unmergeable_facts(fact):
    with pytest.raises(EnrichmentError):
        merge([_row("170004")], [fact])


def test_merge_rejects_two_values_of_equal_rank_for_one_single_valued_cell():
    facts = [_fact("170004", "agency", "창업진흥원"), _fact("170004", "agency", "중진공")]
    with pytest.raises(EnrichmentError):
        merge([_row("170004")], facts)


def test_a_2026_call_beats_a_press_paraphrase_and_an_older_page():
    """Precedence: newer program year first, then a call (공고) page over press."""
    facts = [
        _fact("170002", "target", "창업 3년 이내 기업", "https://press.example/1"),
        _fact("170002", "target", "모집공고일 기준 창업 3년 이내인 자", CALL_URL),
        _fact("170002", "target", "업력 3년 이내", "https://old.example/2", year="2025"),
    ]
    assert fact_rank(facts[1]) > fact_rank(facts[0]) > fact_rank(facts[2])
    out = merge([_row("170002")], facts)[0]
    assert out["지원대상"] == "모집공고일 기준 창업 3년 이내인 자"
    assert out["지원대상 기준연도"] == "2026"
    assert out["항목별 출처"] == f"지원대상 2026 {CALL_URL}"
    assert "press.example" not in out["출처"]


def test_the_notices_own_text_on_a_business_portal_beats_a_press_paraphrase():
    """기업마당 carries the 2026 통합공고 (and other 공고) as a 공고 page: it ranks as a call."""
    notice = (
        "https://www.bizinfo.go.kr/sii/siia/selectSIIA200Detail.do?pblancId=PBLN_000000000116904"
    )
    facts = [
        _fact("170015", "target", "녹색산업 분야 창업기업", "https://press.example/3"),
        _fact("170015", "target", "①예비창업자 ②창업기업(업력 7년 이내)", notice),
    ]
    assert fact_rank(facts[1]) == (2026, 1) > fact_rank(facts[0])
    out = merge([_row("170015")], facts)[0]
    assert out["지원대상"] == "①예비창업자 ②창업기업(업력 7년 이내)"
    assert out["항목별 출처"] == f"지원대상 2026 {notice}"


def test_an_older_rule_is_kept_with_its_year_when_nothing_newer_exists():
    out = merge([_row("171017", level="지자체")], [_fact("171017", "target", "청년", year="2025")])
    assert out[0]["지원대상 기준연도"] == "2025"
    assert out[0]["항목별 출처"] == "지원대상 2025 https://example.org/a"


def test_several_calls_of_one_program_are_all_kept_as_tracks():
    a = CALL_URL.replace("176019", "177064")
    b = CALL_URL.replace("176019", "177065")
    facts = [
        _fact("171022", "call", "177064", a),
        _fact("171022", "call", "177065", b),
        _fact("171022", "target", "(트랙1) 광주 거주 예비창업자", a),
        _fact("171022", "target", "(트랙2) 광주 거주 예비창업자", b),
        _fact("171022", "apply_period", "2026-04-03 ~ 2026-04-24", a),
    ]
    out = merge([_row("171022", level="지자체")], facts)[0]
    assert out["모집공고"] == "177064; 177065"
    assert out["지원대상"] == "(트랙1) 광주 거주 예비창업자 / (트랙2) 광주 거주 예비창업자"
    assert out["신청기간"] == "2026-04-03 ~ 2026-04-24"
    assert len(chosen_facts(facts)) == 5


def test_a_shared_target_is_never_replaced_and_keeps_the_notice_year():
    row = _row("171211", level="지자체", 지원대상="관내 창업 7년 이내", 연도="2026")
    out = merge([row], [_fact("171211", "target", "다른 문구", CALL_URL)])[0]
    assert out["지원대상"] == "관내 창업 7년 이내"
    assert out["항목별 출처"] == ""


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
            if column == "출처" or (column == "지원대상" and "모집공고: " in row[column]):
                assert row[column].startswith(value)
            elif value.strip():
                assert row[column] == value, (row["K-Startup ID"], column)


@needs_shared
def test_every_filled_cell_is_an_enrichment_value_with_its_page_cited():
    shared = {r["K-Startup ID"]: r for r in _shared_rows()}
    facts: dict[tuple[str, str], list[dict[str, str]]] = {}
    for r in chosen_facts(read_enrichment()):
        facts.setdefault((r["kstartup_id"], FIELD_COLUMNS[r["field"]]), []).append(r)
    for row in _embedded_rows():
        kid = row["K-Startup ID"]
        for column in FIELD_COLUMNS.values():
            if row[column] and not shared[kid][column]:
                used = [f for f in facts[(kid, column)] if f["value"] in row[column]]
                assert used, (kid, column)
                for fact in used:
                    assert fact["source_url"] in row["출처"].split("; ")
                    assert (
                        f"{column} {fact['year'] or '-'} {fact['source_url']}" in row["항목별 출처"]
                    )


def test_loaded_catalogue_carries_targets_with_their_year_and_page():
    by_id = {p.kstartup_id: p for p in load_embedded().programs}
    for r in chosen_facts(read_enrichment()):
        program = by_id[r["kstartup_id"]]
        if r["field"] == "target":
            assert clean_cell(r["value"]) in program.target_text
            assert program.target_year == int(r["year"])
            assert program.target_basis == ("" if r["year"] == "2026" else f"{r['year']} 기준")
            source = program.source_of("target_text")
            assert source is not None and source.year == int(r["year"])
        if r["field"] == "call":
            assert r["value"] in program.call_ids


def test_loaded_catalogue_shows_the_sourced_ministries():
    facts = {
        r["kstartup_id"]: r["value"]
        for r in chosen_facts(read_enrichment())
        if r["field"] == "ministry"
    }
    by_id = {p.kstartup_id: p for p in load_embedded().programs}
    for kid, ministry in facts.items():
        assert by_id[kid].institution == ministry, kid


def test_loaded_catalogue_shows_the_sourced_local_governments():
    facts = {
        r["kstartup_id"]: r["value"]
        for r in chosen_facts(read_enrichment())
        if r["field"] == "institution"
    }
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
