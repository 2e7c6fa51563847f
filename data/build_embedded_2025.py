"""Rebuild ``notice_2025_central.csv`` (the second embedded year) from the shared 2025 file.

Run from the repository root: ``python data/build_embedded_2025.py [SHARED_CSV]``. The 2025 file
holds **37 central programs** of the 2025 통합공고, named from the 2025 안내책자 목차 (중앙부처
사업화 items 001–030) and press reports; most rows carry only a name (9 a budget, 10 a ministry,
1 a K-Startup id). Rows are converted exactly like the 2026 ones (:func:`build_embedded.convert`:
values copied, never inferred, 출처 kept), so the year-over-year diff compares two catalogues that
went through the same loader. There is no enrichment for 2025: a blank cell means no source read
states it. Coverage against the published 2025 totals is in ``data/README.md``.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository root importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from data.build_embedded import convert, write

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE.parent.parent / "shared" / "data" / "programs_2025_central.csv"
OUTPUT = HERE / "notice_2025_central.csv"


def build(source: Path = DEFAULT_SOURCE) -> list[dict[str, str]]:
    """The embedded 2025 rows in notice-spreadsheet layout (one per source row, none dropped)."""
    with source.open(encoding="utf-8-sig", newline="") as fh:
        rows = [convert(r) for r in csv.DictReader(fh)]
    if any(r["연도"] != "2025" for r in rows):
        raise ValueError(f"{source}: every row must be a 2025 program")
    return rows


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else DEFAULT_SOURCE
    rows = build(source)
    write(rows, OUTPUT)
    print(f"{OUTPUT.name}: {len(rows)} programs from {source}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
