"""Dated snapshots of K-Startup syncs in a user-writable cache directory.

Every sync is written as one JSON file holding the raw items exactly as the API sent them (per
page) plus metadata, so a later version of the mapping can re-read old syncs and the app can
start offline from the newest good one. Files are written atomically (temporary file in the
same directory, then :func:`os.replace`), so a crash never leaves half a snapshot behind.

A snapshot is *good* when the sync read every page, or when a partial sync was explicitly
accepted (``allow_partial``); partial syncs that were not accepted are still written (nothing
fetched is lost) but are never chosen by :func:`newest_good`. The service key is never part of
a snapshot: callers pass only items and non-secret metadata, and :func:`write_snapshot` refuses
text that still holds a ``serviceKey=`` parameter.

The cache lives outside the installed package: ``NAVIGATOR_CACHE_DIR`` if set, else the
platform's user cache directory (``$XDG_CACHE_HOME`` or ``~/.cache`` on Linux,
``~/Library/Caches`` on macOS, ``%LOCALAPPDATA%`` on Windows) plus ``startup-navigator``.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from loaders.report import LoadReport, RowIssue, SheetReport

__all__ = [
    "APP_DIR_NAME",
    "CACHE_ENV",
    "FORMAT_VERSION",
    "KST",
    "SnapshotInfo",
    "SnapshotPage",
    "age_text",
    "cache_dir",
    "list_snapshots",
    "newest_good",
    "prune_snapshots",
    "read_item",
    "read_snapshot",
    "snapshot_dir",
    "write_snapshot",
]

CACHE_ENV = "NAVIGATOR_CACHE_DIR"
APP_DIR_NAME = "startup-navigator"
FORMAT_VERSION = 1
# Korea has no daylight saving time, so a fixed offset is exact (and needs no tzdata).
KST = timezone(timedelta(hours=9), "KST")
# A key that slipped into metadata would look like this; write_snapshot refuses such text.
_KEY_PARAM = re.compile(r"(?i)servicekey=(?!\*\*\*)[^&\s\"']+")


def cache_dir(*, create: bool = False) -> Path:
    """The cache root: ``$NAVIGATOR_CACHE_DIR``, else the user cache dir + ``startup-navigator``.

    Never inside the package (an installed package may be read-only and is shared by users).
    ``create=True`` makes the directory if it is missing.
    """
    env = os.environ.get(CACHE_ENV, "").strip()
    if env:
        root = Path(env).expanduser()
    elif sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        root = Path(base) / APP_DIR_NAME / "cache"
    elif sys.platform == "darwin":
        root = Path.home() / "Library" / "Caches" / APP_DIR_NAME
    else:
        base = os.environ.get("XDG_CACHE_HOME", "").strip() or str(Path.home() / ".cache")
        root = Path(base) / APP_DIR_NAME
    if create:
        root.mkdir(parents=True, exist_ok=True)
    return root


def snapshot_dir(operation: str, root: Path | None = None) -> Path:
    """Directory holding the snapshots of one API operation (e.g. getBusinessInformation01)."""
    return (root or cache_dir()) / "kstartup" / operation


@dataclass(frozen=True, slots=True)
class SnapshotPage:
    """One page of raw items as received, with the time it was fetched."""

    page: int
    items: tuple[dict[str, Any], ...]
    fetched_at: str


@dataclass(frozen=True, slots=True)
class SnapshotInfo:
    """Metadata of one snapshot file (cheap to list; items are read by :func:`read_snapshot`)."""

    path: Path
    operation: str
    fetched_at: datetime
    complete: bool
    good: bool
    total_count: int | None
    item_count: int
    pages: int
    failures: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def status(self) -> str:
        """ "complete", "partial (accepted)" or "partial" — for listings."""
        if self.complete:
            return "complete"
        return "partial (accepted)" if self.good else "partial"

    def age(self, now: datetime | None = None) -> timedelta:
        """How old the data is."""
        now = now or datetime.now(UTC)
        return now - self.fetched_at

    def describe(self, now: datetime | None = None) -> str:
        """ "2026-05-01 09:30 KST에 받음 (3일 전)" plus partial-sync caveat."""
        when = self.fetched_at.astimezone(KST).strftime("%Y-%m-%d %H:%M KST")
        text = f"{when}에 받음 ({age_text(self.fetched_at, now)})"
        if not self.complete:
            total = f"{self.total_count}건 중 " if self.total_count is not None else ""
            text += f", 일부만 받음: {total}{self.item_count}건"
        return text


@dataclass(slots=True)
class _Snapshot:
    info: SnapshotInfo
    pages: list[SnapshotPage] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)


def age_text(fetched_at: datetime, now: datetime | None = None) -> str:
    """ "오늘" / "1일 전" / "N일 전" (calendar days in KST, so 23:50 → 00:10 is 1일 전)."""
    now = now or datetime.now(UTC)
    days = (now.astimezone(KST).date() - fetched_at.astimezone(KST).date()).days
    if days <= 0:
        return "오늘"
    return f"{days}일 전"


def _parse_time(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _stamp(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def write_snapshot(
    operation: str,
    pages: Iterable[SnapshotPage],
    *,
    fetched_at: datetime,
    complete: bool,
    good: bool,
    total_count: int | None,
    failures: Iterable[str] = (),
    notes: Iterable[str] = (),
    meta: dict[str, Any] | None = None,
    root: Path | None = None,
) -> SnapshotInfo:
    """Write one snapshot atomically and return its info.

    The file name carries the UTC fetch time (sortable) and ``-partial`` when the sync did not
    finish, e.g. ``20260501T003000123456Z.json``. ``meta`` must hold only non-secret values
    (base URL without query, page size, return type); text that looks like a service-key
    parameter makes this raise ``ValueError`` rather than write a secret to disk.
    """
    pages = list(pages)
    failures = tuple(failures)
    notes = tuple(notes)
    item_count = sum(len(p.items) for p in pages)
    stamp = fetched_at.astimezone(UTC).isoformat(timespec="microseconds")
    payload = {
        "format": FORMAT_VERSION,
        "source": "K-Startup OpenAPI (data.go.kr 15125364)",
        "operation": operation,
        "fetched_at": stamp,
        "complete": complete,
        "good": good,
        "total_count": total_count,
        "item_count": item_count,
        "failures": list(failures),
        "notes": list(notes),
        "meta": meta or {},
        "pages": [
            {"page": p.page, "fetched_at": p.fetched_at, "items": list(p.items)} for p in pages
        ],
    }
    text = json.dumps(payload, ensure_ascii=False, indent=1)
    if _KEY_PARAM.search(text):
        raise ValueError("snapshot text contains a serviceKey parameter; refusing to write it")
    directory = snapshot_dir(operation, root)
    directory.mkdir(parents=True, exist_ok=True)
    name = _stamp(fetched_at) + ("" if complete else "-partial") + ".json"
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, directory / name)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return SnapshotInfo(
        path=directory / name,
        operation=operation,
        fetched_at=_parse_time(stamp),
        complete=complete,
        good=good,
        total_count=total_count,
        item_count=item_count,
        pages=len(pages),
        failures=failures,
        notes=notes,
    )


def _load(path: Path, *, with_items: bool) -> _Snapshot:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or data.get("format") != FORMAT_VERSION:
        raise ValueError(f"unknown snapshot format in {path.name}")
    raw_pages = data.get("pages") or []
    info = SnapshotInfo(
        path=path,
        operation=str(data["operation"]),
        fetched_at=_parse_time(str(data["fetched_at"])),
        complete=bool(data.get("complete")),
        good=bool(data.get("good")),
        total_count=data.get("total_count"),
        item_count=int(data.get("item_count") or sum(len(p["items"]) for p in raw_pages)),
        pages=len(raw_pages),
        failures=tuple(data.get("failures") or ()),
        notes=tuple(data.get("notes") or ()),
    )
    snap = _Snapshot(info, meta=dict(data.get("meta") or {}))
    if with_items:
        snap.pages = [
            SnapshotPage(int(p["page"]), tuple(p["items"]), str(p.get("fetched_at", "")))
            for p in raw_pages
        ]
    return snap


def list_snapshots(
    operation: str, root: Path | None = None, *, problems: list[str] | None = None
) -> list[SnapshotInfo]:
    """Every readable snapshot of ``operation``, newest first.

    Unreadable or foreign files are skipped; when ``problems`` is given, one sentence per such
    file is appended to it so the caller can show why a snapshot was not used.
    """
    directory = snapshot_dir(operation, root)
    if not directory.is_dir():
        return []
    found: list[SnapshotInfo] = []
    for path in sorted(directory.glob("*.json")):
        if path.name.startswith(".tmp-"):
            continue
        try:
            found.append(_load(path, with_items=False).info)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            if problems is not None:
                problems.append(
                    f"스냅샷 {path.name}을(를) 읽을 수 없어 건너뜀 ({type(exc).__name__})"
                )
    # The file name (UTC stamp to the microsecond) breaks ties between same-second syncs.
    found.sort(key=lambda s: (s.fetched_at, s.path.name), reverse=True)
    return found


def newest_good(
    operation: str, root: Path | None = None, *, problems: list[str] | None = None
) -> SnapshotInfo | None:
    """The newest snapshot that is complete or an accepted partial one, else None."""
    for info in list_snapshots(operation, root, problems=problems):
        if info.good:
            return info
    return None


def read_snapshot(path: Path) -> tuple[SnapshotInfo, list[SnapshotPage], dict[str, Any]]:
    """Info, raw pages and metadata of one snapshot file.

    Raises ``ValueError``/``OSError`` on an unreadable file; callers fall back to an older
    snapshot or the embedded dataset and say so.
    """
    snap = _load(Path(path), with_items=True)
    return snap.info, snap.pages, snap.meta


def prune_snapshots(operation: str, root: Path | None = None, *, keep: int = 10) -> list[Path]:
    """Delete all but the newest ``keep`` good snapshots (and partial ones older than them).

    The newest good snapshot is never deleted. Returns the deleted paths.
    """
    infos = list_snapshots(operation, root)
    good = [i for i in infos if i.good]
    keep = max(keep, 1)
    if len(good) <= keep:
        return []
    cutoff = good[keep - 1].fetched_at
    removed: list[Path] = []
    for info in infos:
        if info.fetched_at < cutoff:
            info.path.unlink(missing_ok=True)
            removed.append(info.path)
    return removed


def read_item(
    item: object, sheet_report: SheetReport, report: LoadReport, row: int
) -> Mapping[str, Any] | None:
    """Count one raw item as read; reject it (with the reason) unless it is a key-value object.

    Both operations' mappers start from this, so a malformed item is never silently dropped.
    """
    sheet_report.rows_read += 1
    if isinstance(item, Mapping):
        return item
    sheet_report.rejected += 1
    report.issues.append(
        RowIssue(
            "rejected",
            sheet_report.file,
            sheet_report.sheet,
            row,
            "항목이 객체(키-값)가 아닙니다",
            "",
            str(item)[:60],
        )
    )
    return None
