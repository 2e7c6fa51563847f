"""The embedded default dataset and the notice's published totals (files beside this module).

Kept as a package so an installed copy finds its files through ``Path(__file__)``.
"""

from pathlib import Path

__all__ = ["DATA_DIR", "EMBEDDED_FILES", "TOTALS_FILE"]

DATA_DIR = Path(__file__).resolve().parent
# The default catalogue: real 2026 programs in the layout of a notice spreadsheet.
EMBEDDED_FILES: tuple[Path, ...] = (DATA_DIR / "notice_2026.csv",)
TOTALS_FILE = DATA_DIR / "notice_totals.csv"
