"""Shared fixtures: small hand-made notice files built in a few lines each."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import openpyxl
import pytest
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir

# One Hypothesis profile for the suite: reproducible examples, no deadline on a shared 2-core
# machine, and no example database (tests write nothing outside their tmp_path).
settings.register_profile("ci", max_examples=150, deadline=None, derandomize=True, database=None)
settings.load_profile("ci")

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ROOT = Path(__file__).resolve().parent.parent


@pytest.hookimpl(trylast=True)  # after pytest has set up its temp-path factory
def pytest_configure(config: pytest.Config) -> None:
    """Hypothesis keeps caches in ``.hypothesis/`` of the checkout; put them in pytest's temp dir.

    Set before collection, because Hypothesis collects constants of the tested modules then.
    """
    factory = getattr(config, "_tmp_path_factory", None)
    if factory is not None:
        set_hypothesis_home_dir(factory.getbasetemp() / "hypothesis")


@pytest.fixture(autouse=True)
def _isolated_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep every test off the user's real K-Startup cache (and off the network's base URL)."""
    monkeypatch.setenv("NAVIGATOR_CACHE_DIR", str(tmp_path_factory.mktemp("navigator-cache")))
    monkeypatch.delenv("KSTARTUP_SERVICE_KEY", raising=False)


@pytest.fixture
def make_xlsx(tmp_path: Path) -> Callable[..., Path]:
    """Write a workbook from ``{sheet: rows}``; ``merges`` lists ranges like ``"A3:A5"``."""

    def _make(
        sheets: dict[str, Sequence[Sequence[object]]],
        name: str = "notice.xlsx",
        merges: dict[str, Sequence[str]] | None = None,
    ) -> Path:
        wb = openpyxl.Workbook()
        wb.remove(wb.active)
        for title, rows in sheets.items():
            ws = wb.create_sheet(title)
            for row in rows:
                ws.append(list(row))
            for rng in (merges or {}).get(title, ()):
                ws.merge_cells(rng)
        path = tmp_path / name
        wb.save(path)
        return path

    return _make


@pytest.fixture
def make_csv(tmp_path: Path) -> Callable[..., Path]:
    """Write CSV text in a given encoding (cp949 for Korean Excel, utf-8-sig for BOM)."""

    def _make(text: str, name: str = "notice.csv", encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return path

    return _make
