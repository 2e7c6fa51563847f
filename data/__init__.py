"""The embedded default dataset and the notice's published totals (files beside this module).

Kept as a package so an installed copy finds its files through ``Path(__file__)``.
"""

from pathlib import Path

__all__ = ["DATA_DIR", "EMBEDDED_CALL_FILES", "EMBEDDED_FILES", "EMBEDDED_YEARS", "TOTALS_FILE"]

DATA_DIR = Path(__file__).resolve().parent
# The default catalogue: real 2026 programs in the layout of a notice spreadsheet.
EMBEDDED_FILES: tuple[Path, ...] = (DATA_DIR / "notice_2026.csv",)
# Every embedded notice year -> (files, what part of that year's notice they hold). The newest
# year is the default catalogue; older years exist for the year-over-year diff (see README.md).
EMBEDDED_YEARS: dict[int, tuple[tuple[Path, ...], str]] = {
    2026: (EMBEDDED_FILES, "공개 출처에서 수집한 실제 사업"),
    2025: (
        (DATA_DIR / "notice_2025_central.csv",),
        "중앙부처 사업 일부 — 2025 안내책자 목차·보도자료에서 수집한 사업명",
    ),
}
TOTALS_FILE = DATA_DIR / "notice_totals.csv"
# Real K-Startup calls (공고) in the API's own item shape, page-shaped JSON with their source:
# 333 announced 2026-07-08 … 2026-09-16, and 994 still listed on 2026-09-16 (opened 2024-12 …
# 2026-07). The default calls when no K-Startup snapshot exists (see README.md).
EMBEDDED_CALL_FILES: tuple[Path, ...] = (
    DATA_DIR / "calls_2026_sep.json",
    DATA_DIR / "calls_2026_h1.json",
)
