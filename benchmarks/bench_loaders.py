"""Loading the embedded notice through the full loader vs a bare ``pandas.read_excel``.

The loader does much more than read cells (header detection, mapping, eligibility parsing,
provenance, the row accounting); this shows what that costs against the simplest possible read
of the same workbook. Run alone: ``python -m benchmarks.bench_loaders``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pandas as pd

from benchmarks.common import measure, peak_memory_mb, row
from data import EMBEDDED_FILES
from loaders.spreadsheet.load import load_path

__all__ = ["run"]


def _as_xlsx(csv_path: Path, out_dir: Path) -> Path:
    frame = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
    out = out_dir / (csv_path.stem + ".xlsx")
    frame.to_excel(out, index=False, sheet_name="통합공고")
    return out


def run() -> list[dict[str, Any]]:
    """Rows for the performance table (see benchmarks/run.py)."""
    csv_path = EMBEDDED_FILES[0]
    with tempfile.TemporaryDirectory() as tmp:
        xlsx = _as_xlsx(csv_path, Path(tmp))
        n = len(load_path(xlsx)[0])
        ours_x = measure(lambda: load_path(xlsx), repeat=3)
        base_x = measure(lambda: pd.read_excel(xlsx, engine="openpyxl"), repeat=3)
        peak_x = peak_memory_mb(lambda: load_path(xlsx))
        ours_c = measure(lambda: load_path(csv_path), repeat=3)
        base_c = measure(lambda: pd.read_csv(csv_path), repeat=3)
        peak_c = peak_memory_mb(lambda: load_path(csv_path))
    return [
        row(
            "load embedded notice (.xlsx)",
            f"{n} programs",
            ours_x,
            "pandas.read_excel",
            base_x,
            peak_mb=peak_x,
        ),
        row(
            "load embedded notice (.csv)",
            f"{n} programs",
            ours_c,
            "pandas.read_csv",
            base_c,
            peak_mb=peak_c,
        ),
    ]


if __name__ == "__main__":
    for r in run():
        print(r)
