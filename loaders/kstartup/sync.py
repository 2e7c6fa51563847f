"""One K-Startup refresh: fetch each operation, map it, keep a dated snapshot, say what is shown.

The CLI (``navigator sync``) and the Data desk's refresh panel both call :func:`sync`. A complete
run becomes the newest good snapshot (:mod:`loaders.snapshots`), so the app can start offline
from it; a failed or partial run never replaces the last good one unless asked to, and the
returned :class:`SyncStatus` says which data the app falls back to.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from loaders.announcements import ANNOUNCEMENT_OPERATION, announcements_from_pages
from loaders.errors import SyncError
from loaders.kstartup.client import FetchResult, KStartupClient, Progress
from loaders.kstartup.keys import scrub
from loaders.kstartup.mapping import BUSINESS_OPERATION, map_business_items
from loaders.snapshots import SnapshotInfo, newest_good, prune_snapshots, write_snapshot

__all__ = ["OPERATIONS", "OperationResult", "SyncStatus", "active_data_description", "sync"]

# What users type (``navigator sync --operation business``) and the operation it means.
OPERATIONS: dict[str, str] = {
    "business": BUSINESS_OPERATION,
    "announcement": ANNOUNCEMENT_OPERATION,
}
OPERATION_LABELS: dict[str, str] = {
    BUSINESS_OPERATION: "통합공고 지원사업",
    ANNOUNCEMENT_OPERATION: "지원사업 공고",
}


@dataclass(slots=True)
class OperationResult:
    """One operation of a sync: what was fetched, whether it was saved, and as what."""

    operation: str
    fetch: FetchResult
    snapshot: SnapshotInfo | None = None
    loaded: int | None = None
    rejected: int | None = None

    @property
    def accepted(self) -> bool:
        """True when this run's snapshot is now the one the app uses."""
        return self.snapshot is not None and self.snapshot.good

    def describe(self) -> str:
        """One line for the CLI and the UI."""
        f = self.fetch
        label = OPERATION_LABELS.get(self.operation, self.operation)
        total = f"{f.total_count}건 중 " if f.total_count is not None else ""
        head = f"{label}({self.operation}): {total}{f.item_count}건 받음"
        if self.loaded is not None:
            head += f", 불러옴 {self.loaded}" + (f"·거부 {self.rejected}" if self.rejected else "")
        if f.complete and self.accepted:
            return head + " — 새 스냅샷으로 사용"
        if f.complete:
            return head + " — 받은 항목이 없어 이전 데이터를 유지"
        why = f.error or "; ".join(f.notes) or "완료되지 않음"
        if self.accepted:
            return head + f" — 일부만 받았지만 요청대로 사용합니다 ({why})"
        kept = f"; 받은 것은 {self.snapshot.path.name}에 보관" if self.snapshot else ""
        return head + f" — 실패: {why}{kept}"


@dataclass(slots=True)
class SyncStatus:
    """The outcome of :func:`sync`, with ``message`` the sentence the UI and CLI show.

    ``ok`` is True when every requested operation is now served from this run (complete, or
    partial and accepted). ``active`` says which data the app shows now (snapshot and age,
    or the embedded dataset) so a failed or offline sync still tells the user what they see.
    """

    ok: bool
    results: list[OperationResult]
    message: str
    active: str
    error: str | None = None

    @property
    def partial(self) -> bool:
        return any(not r.fetch.complete and r.fetch.pages for r in self.results)

    def raise_for_error(self) -> None:
        """Raise :class:`SyncError` with :attr:`message` unless the sync succeeded."""
        if not self.ok:
            raise SyncError(self.message)


def active_data_description(root: Path | None = None) -> str:
    """Which program data the app shows now: newest good snapshot and its age, else embedded."""
    info = newest_good(BUSINESS_OPERATION, root)
    if info is None:
        return "내장 데이터 (data/notice_2026.csv, 2026 통합공고 일부)"
    return f"K-Startup 스냅샷 ({info.item_count}건, {info.describe()})"


def sync(
    operations: Iterable[str] = ("business", "announcement"),
    *,
    service_key: str | None = None,
    client: KStartupClient | None = None,
    max_pages: int | None = None,
    allow_partial: bool = False,
    progress: Callable[[Progress], None] | None = None,
    root: Path | None = None,
    keep: int = 10,
    **client_options: Any,
) -> SyncStatus:
    """Fetch the operations, save each run as a dated snapshot, and say what is shown now.

    ``operations`` are keys of :data:`OPERATIONS` ("business", "announcement") or operation
    names. A complete run becomes the newest good snapshot. A run that stopped part-way keeps
    what it fetched in a partial snapshot but does not replace the last good one unless
    ``allow_partial``; a run that fetched nothing writes nothing. Never raises for network,
    auth or response problems — they end up in the returned status (``status.ok`` False,
    ``status.message`` saying what failed and which data the app falls back to); the CLI turns
    that into exit code 2 via :meth:`SyncStatus.raise_for_error`.
    """
    names = [OPERATIONS.get(op, op) for op in operations]
    unknown = [n for n in names if n not in OPERATION_LABELS]
    if unknown:
        raise ValueError(f"unknown operation(s): {', '.join(unknown)}")
    try:
        own = client is None
        client = client or KStartupClient(service_key, **client_options)
    except SyncError as exc:
        active = active_data_description(root)
        return SyncStatus(False, [], f"{exc} 지금 보는 데이터: {active}.", active, str(exc))
    results: list[OperationResult] = []
    try:
        for name in names:
            fetch = client.fetch(name, max_pages=max_pages, progress=progress)
            result = OperationResult(name, fetch)
            results.append(result)
            if fetch.pages:
                mapper = (
                    map_business_items if name == BUSINESS_OPERATION else announcements_from_pages
                )
                mapped, report = mapper(fetch.pages)
                result.loaded, result.rejected = len(mapped), len(report.rejected)
            if fetch.item_count:
                good = fetch.complete or allow_partial
                result.snapshot = write_snapshot(
                    name,
                    fetch.pages,
                    fetched_at=fetch.started_at,
                    complete=fetch.complete,
                    good=good,
                    total_count=fetch.total_count,
                    failures=[fetch.error] if fetch.error else [],
                    notes=fetch.notes,
                    meta={
                        "base_url": client.public_base_url,
                        "per_page": client.per_page,
                        "return_type": client.return_type,
                        "failed_page": fetch.failed_page,
                        "max_pages": max_pages,
                    },
                    root=root,
                )
                if good:
                    prune_snapshots(name, root, keep=keep)
            if not fetch.pages and fetch.error:
                # Page 1 failed (offline, bad key, portal down): the next operation would fail
                # the same way after the same waits, so stop here.
                break
    finally:
        if own:
            client.close()
    skipped = names[len(results) :]
    ok = len(results) == len(names) and all(r.accepted for r in results)
    active = active_data_description(root)
    lines = [r.describe() for r in results]
    lines += [f"{OPERATION_LABELS[n]}({n}): 앞 단계 실패로 건너뜀" for n in skipped]
    errors = [r.fetch.error for r in results if r.fetch.error]
    if ok:
        head = "K-Startup에서 새로고침했습니다."
    elif any(r.accepted for r in results):
        head = "K-Startup 새로고침이 일부만 되었습니다."
    else:
        head = "K-Startup에서 새로고침하지 못했습니다."
    tail = f"지금 보는 데이터: {active}."
    if not ok and any(not r.fetch.complete and r.fetch.pages and not r.accepted for r in results):
        tail += " 일부라도 쓰려면 '일부만 받아도 사용'(--allow-partial)으로 다시 실행하세요."
    message = "\n".join([head, *(f"- {line}" for line in lines), tail])
    return SyncStatus(ok, results, scrub(message), active, errors[0] if errors else None)
