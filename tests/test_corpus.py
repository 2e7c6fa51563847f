"""The bad-input corpus: every odd file has a stated outcome, and every row is accounted for.

Files and expectations live in tests/corpus/; both are written by tests/corpus/make_corpus.py,
where each case stands next to the outcome a person stated for it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from loaders.catalogue import load_files, summarise
from loaders.errors import LoadError
from loaders.spreadsheet.load import load_bytes, load_path

CORPUS = Path(__file__).resolve().parent / "corpus"
EXPECTED: dict[str, dict] = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))


def test_every_corpus_file_has_an_expectation():
    files = {p.name for p in CORPUS.iterdir() if p.suffix in {".csv", ".xlsx"}}
    assert files == set(EXPECTED)
    assert len(files) >= 40


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_file(name):
    spec = EXPECTED[name]
    path = CORPUS / name
    if "error" in spec:
        with pytest.raises(LoadError) as err:
            load_path(path)
        message = str(err.value)
        assert spec["error"] in message
        assert message.startswith(name)  # the message names the file
        return
    programs, report = load_path(path)
    # The accounting check: every row read is loaded, skipped or rejected.
    assert report.balanced, report.accounting_line()
    assert report.loaded + len(report.skipped) + len(report.rejected) == report.rows_read
    assert report.rows_read == spec["rows_read"]
    assert report.loaded == spec["loaded"] == len(programs)
    assert len(report.skipped) == spec["skipped"]
    assert len(report.rejected) == spec["rejected"]
    assert len(report.suspicious) == spec["suspicious"]
    for issue in report.issues:
        assert issue.file == name and issue.row and issue.reason
    for issue in report.rejected:
        assert issue.cell and issue.column  # every rejection names the cell at fault
    notes = " ".join(n for s in report.sheets for n in s.notes) + " ".join(report.notes)
    if "header_rows" in spec:
        assert report.sheets[0].header_rows == spec["header_rows"]
    if "budgets" in spec:
        assert [p.budget_eok for p in programs] == pytest.approx(spec["budgets"])
    if "parts" in spec:
        assert [[[s, e] for s, e in p.budget_parts] for p in programs] == spec["parts"]
    if "names" in spec:
        assert [p.name for p in programs] == spec["names"]
    if "ministries" in spec:
        assert [p.ministry for p in programs] == spec["ministries"]
    if "levels" in spec:
        assert [p.level for p in programs] == spec["levels"]
    if "mapping" in spec:
        mapped = {m.header: m.field for m in report.sheets[0].mapping}
        for header, field in spec["mapping"].items():
            assert mapped[header] == field
    if "skip_reasons" in spec:
        reasons = [i.reason for i in report.skipped]
        assert [r.split(" (")[0] for r in reasons] == spec["skip_reasons"]
    if "warning_values" in spec:
        assert [w.value for w in report.warnings] == spec["warning_values"]
        assert all(w.column for w in report.warnings)
    if "warning_cells" in spec:
        assert [w.cell for w in report.warnings] == spec["warning_cells"]
    if "rejected_cells" in spec:
        assert [i.cell for i in report.rejected] == spec["rejected_cells"]
    if "suspicious_rows" in spec:
        assert [i.row for i in report.suspicious] == spec["suspicious_rows"]
    if "ignored_sheets" in spec:
        assert [s["sheet"] for s in report.ignored_sheets] == spec["ignored_sheets"]
    if "encoding" in spec:
        assert report.encodings[name] == spec["encoding"]
    if "note" in spec:
        assert spec["note"] in notes
    if "no_note" in spec:
        assert spec["no_note"] not in notes
    if "flags" in spec:
        assert len(summarise(load_files([path]))["flags"]) == spec["flags"]


def test_fifty_megabyte_file_is_refused_with_a_clear_message():
    data = ("사업명,지원대상\n" + "테스트 사업,예비창업자\n" * 2_000_000).encode()
    assert len(data) > 50_000_000
    with pytest.raises(LoadError, match="파일이 너무 큽니다") as err:
        load_bytes(data, "huge.csv")
    assert "MB" in str(err.value)


def test_upload_limits_are_configurable(monkeypatch):
    monkeypatch.setenv("NAVIGATOR_MAX_ROWS", "3")
    with pytest.raises(LoadError, match="행이 너무 많습니다"):
        load_bytes("사업명\nA\nB\nC\nD\n".encode(), "rows.csv")
    monkeypatch.setenv("NAVIGATOR_MAX_UPLOAD_MB", "0.00001")
    with pytest.raises(LoadError, match="파일이 너무 큽니다"):
        load_bytes("사업명\nA\n".encode() * 10, "small.csv")
