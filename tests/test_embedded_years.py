"""The embedded years: 2026 (the default catalogue) and the partial 2025 central list."""

from __future__ import annotations

import csv

import pytest

from data import EMBEDDED_YEARS
from data.build_embedded_2025 import DEFAULT_SOURCE, OUTPUT, build
from loaders.catalogue import coverage_message, embedded_years, load_embedded
from loaders.errors import LoadError


def test_embedded_years_are_data_and_newest_is_the_default() -> None:
    assert embedded_years() == sorted(EMBEDDED_YEARS, reverse=True)
    assert embedded_years()[:2] == [2026, 2025]
    assert load_embedded().year == load_embedded(2026).year == 2026


def test_2025_loads_every_row_and_says_what_it_is() -> None:
    cat = load_embedded(2025)
    assert cat.year == 2025
    assert cat.report.balanced
    assert cat.report.rows_read == len(cat) == 37
    assert not cat.report.rejected
    # The three rows without a 지원유형 are kept (with a warning), not dropped.
    assert sum(1 for p in cat.programs if not p.support_type) == 3
    assert {w.row for w in cat.report.warnings} == {35, 36, 37}
    assert all(not p.is_local for p in cat.programs)
    assert all(p.source.citation for p in cat.programs)
    assert "중앙부처 사업 일부" in cat.label
    assert "2025 통합공고 429개 사업 중 37개" in coverage_message(cat)


def test_unknown_embedded_year_is_a_clear_error() -> None:
    with pytest.raises(LoadError, match="내장된 연도"):
        load_embedded(2019)


@pytest.mark.skipif(not DEFAULT_SOURCE.exists(), reason="shared 2025 file is not beside the repo")
def test_2025_file_equals_a_fresh_build() -> None:
    with OUTPUT.open(encoding="utf-8", newline="") as fh:
        assert list(csv.DictReader(fh)) == build()
