"""A small HTTP client for the K-Startup service: timeouts, bounded retries, paging.

One :class:`requests.Session`; retries with backoff on 429/5xx, timeouts and connection errors;
paging counts items until the reported total is reached (the server may return fewer items per
page than asked for). :meth:`KStartupClient.fetch` never raises for network or response
problems: a run that stops part-way keeps every page read, with the reason.
"""

from __future__ import annotations

import logging
import os
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import requests

from loaders.errors import SyncError
from loaders.kstartup.keys import public_url, resolve_service_key, scrub, scrub_logs
from loaders.kstartup.wire import Envelope, PortalAuthError, as_int, parse_response
from loaders.snapshots import SnapshotPage

__all__ = [
    "BASE_ENV",
    "DEFAULT_BASE",
    "FetchResult",
    "KStartupClient",
    "Progress",
]

log = logging.getLogger(__name__)
scrub_logs(__name__)

DEFAULT_BASE = "https://apis.data.go.kr/B552735/kisedKstartupService01"
BASE_ENV = "KSTARTUP_API_BASE"
# The portal caps perPage at 100 in practice (clients that asked for more got 100).
DEFAULT_PER_PAGE = 100
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
# Hard stop for a server that keeps answering with items but never reaches its totalCount.
MAX_PAGES_HARD = 2_000


def _base_url(explicit: str | None) -> str:
    base = (explicit or os.environ.get(BASE_ENV, "") or DEFAULT_BASE).strip()
    return base.rstrip("/")


@dataclass(frozen=True, slots=True)
class Progress:
    """Paging progress reported after each page (``total`` None until the first page)."""

    operation: str
    page: int
    fetched: int
    total: int | None

    @property
    def fraction(self) -> float:
        """0..1 for a progress bar (0 while the total is unknown)."""
        if not self.total:
            return 0.0
        return min(1.0, self.fetched / self.total)


@dataclass(slots=True)
class FetchResult:
    """Everything one operation's paging run produced, including how it ended.

    ``complete`` is True when the reported total was reached; otherwise ``error`` says why not
    (already scrubbed of the key) and ``failed_page`` which page failed, and ``pages`` still holds
    every page read before that.
    """

    operation: str
    pages: list[SnapshotPage] = field(default_factory=list)
    total_count: int | None = None
    complete: bool = False
    error: str | None = None
    failed_page: int | None = None
    auth_error: bool = False
    notes: list[str] = field(default_factory=list)
    started_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def item_count(self) -> int:
        return sum(len(p.items) for p in self.pages)


class KStartupClient:
    """A small client for the K-Startup service (one :class:`requests.Session`).

    ``timeout`` is ``(connect, read)`` seconds; ``retries`` extra attempts are made on 429,
    5xx, timeouts and connection errors, waiting ``backoff * 2**attempt`` seconds (capped at
    ``max_backoff``, or the server's ``Retry-After`` if shorter) — tests pass ``backoff=0``.
    Auth errors, 4xx answers and unreadable bodies are not retried.

    >>> client = KStartupClient("my-key", base_url="http://127.0.0.1:8080/svc")  # doctest: +SKIP
    >>> result = client.fetch("getBusinessInformation01")  # doctest: +SKIP
    """

    def __init__(
        self,
        service_key: str | None = None,
        *,
        base_url: str | None = None,
        timeout: float | tuple[float, float] = (5.0, 30.0),
        retries: int = 3,
        backoff: float = 0.5,
        max_backoff: float = 8.0,
        per_page: int = DEFAULT_PER_PAGE,
        return_type: str = "json",
        key_param: str = "serviceKey",
        session: requests.Session | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if return_type not in {"json", "xml"}:
            raise ValueError("return_type must be 'json' or 'xml'")
        self._key = resolve_service_key(service_key)
        self.base_url = _base_url(base_url)
        self.timeout = timeout
        self.retries = max(0, int(retries))
        self.backoff = max(0.0, float(backoff))
        self.max_backoff = max(0.0, float(max_backoff))
        self.per_page = max(1, int(per_page))
        self.return_type = return_type
        self.key_param = key_param
        self.session = session or requests.Session()
        self.session.headers.setdefault("User-Agent", "startup-support-navigator/0.1")
        self._sleep = sleep

    def __repr__(self) -> str:  # never show the key
        return f"KStartupClient(base_url={public_url(self.base_url)!r}, key=***)"

    def __enter__(self) -> KStartupClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the HTTP session."""
        self.session.close()

    @property
    def public_base_url(self) -> str:
        """The base URL without query or credentials (safe for messages and metadata)."""
        return public_url(self.base_url)

    def _scrub(self, text: object) -> str:
        return scrub(text, self._key)

    def _wait(self, attempt: int, retry_after: str | None) -> float:
        delay = min(self.max_backoff, self.backoff * (2**attempt))
        seconds = as_int(retry_after) if retry_after else None
        if seconds is not None and seconds >= 0:
            delay = min(self.max_backoff, max(delay, float(seconds)))
        return delay

    def get_page(
        self,
        operation: str,
        page: int,
        *,
        per_page: int | None = None,
        params: Mapping[str, Any] | None = None,
    ) -> Envelope:
        """Fetch and parse one page, retrying transient failures. Raises :class:`SyncError`."""
        url = f"{self.base_url}/{operation}"
        query: dict[str, Any] = {
            self.key_param: self._key,
            "page": page,
            "perPage": per_page or self.per_page,
            "returnType": self.return_type,
        }
        query.update(params or {})
        where = f"{operation} {page}쪽"
        attempts = self.retries + 1
        last_problem = ""
        for attempt in range(attempts):
            problem = ""
            retry_after: str | None = None
            response: requests.Response | None = None
            try:
                response = self.session.get(url, params=query, timeout=self.timeout)
            except requests.Timeout:
                problem = f"응답 시간 초과 (timeout {self.timeout}초)"
            except requests.ConnectionError as exc:
                problem = f"연결할 수 없습니다 ({self._scrub(_short_reason(exc))})"
            except requests.RequestException as exc:
                problem = f"요청 실패 ({type(exc).__name__}: {self._scrub(exc)})"
            if response is not None:
                status = response.status_code
                body = response.content
                if status in RETRY_STATUSES:
                    problem = f"HTTP {status}"
                    retry_after = response.headers.get("Retry-After")
                elif status >= 400:
                    message = self._http_error(
                        status, body, response.headers.get("Content-Type", "")
                    )
                    error_cls = PortalAuthError if status in (401, 403) else SyncError
                    raise error_cls(f"{where}: {message}")
                else:
                    try:
                        return parse_response(body, response.headers.get("Content-Type", ""))
                    except SyncError as exc:
                        cls = type(exc)
                        message = self._scrub(exc)
                    raise cls(f"{where}: {message}")
            last_problem = problem
            if attempt + 1 < attempts:
                delay = self._wait(attempt, retry_after)
                log.warning(
                    "K-Startup %s: %s — %.1f초 뒤 다시 시도 (%d/%d)",
                    where,
                    problem,
                    delay,
                    attempt + 1,
                    self.retries,
                )
                if delay:
                    self._sleep(delay)
        raise SyncError(
            f"{where}: {last_problem} — {attempts}번 시도했지만 실패했습니다 "
            f"({self.public_base_url}; 네트워크나 포털 상태를 확인하세요)"
        )

    def _http_error(self, status: int, body: bytes, content_type: str) -> str:
        # The gateway's auth answers (XML or JSON) say more than the status line does.
        try:
            parse_response(body, content_type)
        except SyncError as exc:
            detail = self._scrub(exc)
        else:
            detail = ""
        if status in (401, 403):
            base = f"HTTP {status} 인증 실패 — 서비스 키를 확인하세요"
        elif status == 404:
            base = f"HTTP 404 — 오퍼레이션을 찾을 수 없습니다 ({self.public_base_url}를 확인하세요)"
        else:
            base = f"HTTP {status}"
        return f"{base}{f' ({detail})' if detail else ''}"

    def fetch(
        self,
        operation: str,
        *,
        max_pages: int | None = None,
        params: Mapping[str, Any] | None = None,
        progress: Callable[[Progress], None] | None = None,
    ) -> FetchResult:
        """Read every page of ``operation`` until the reported total is reached.

        The server may return fewer items per page than asked for, so paging counts items,
        not pages. A page that fails after its retries ends the run: the result keeps every
        page read so far, with ``complete=False`` and the reason. ``max_pages`` stops early
        on purpose (also ``complete=False``). Never raises for network or response problems.
        """
        result = FetchResult(operation)
        fetched = 0
        page = 1
        limit = min(max_pages or MAX_PAGES_HARD, MAX_PAGES_HARD)
        while True:
            if page > limit:
                result.notes.append(
                    f"--max-pages {limit}에서 멈췄습니다 ({fetched}/{result.total_count}건)"
                    if max_pages
                    else f"{MAX_PAGES_HARD}쪽을 넘어 멈췄습니다 ({fetched}/{result.total_count}건)"
                )
                break
            try:
                envelope = self.get_page(operation, page, params=params)
            except SyncError as exc:
                result.error = self._scrub(exc)
                result.failed_page = page
                result.auth_error = isinstance(exc, PortalAuthError)
                break
            stamp = datetime.now(UTC).isoformat(timespec="seconds")
            result.pages.append(SnapshotPage(page, envelope.items, stamp))
            fetched += len(envelope.items)
            if envelope.expected_total is not None:
                result.total_count = envelope.expected_total
            log.info(
                "K-Startup %s %d쪽: %d건 (누계 %d/%s)",
                operation,
                page,
                len(envelope.items),
                fetched,
                result.total_count,
            )
            if progress is not None:
                progress(Progress(operation, page, fetched, result.total_count))
            if result.total_count is None:
                # No total reported: a short page is the last one.
                if len(envelope.items) < self.per_page:
                    result.complete = True
                    result.notes.append("응답에 totalCount가 없어 짧은 쪽을 마지막으로 보았습니다")
                    break
            elif fetched >= result.total_count:
                result.complete = True
                break
            if not envelope.items:
                result.error = (
                    f"{operation} {page}쪽이 비어 있는데 아직 {fetched}/{result.total_count}건입니다 "
                    "(포털 데이터가 갱신 중일 수 있습니다 — 잠시 뒤 다시 시도하세요)"
                )
                result.failed_page = page
                break
            page += 1
        return result


def _short_reason(exc: BaseException) -> str:
    """The innermost reason of a requests/urllib3 error, without the request URL."""
    text = str(exc)
    inner = re.search(r"\((?:Caused by )?([A-Za-z]+Error\([^)]*\)?)", text)
    if inner:
        text = inner.group(1)
    text = re.sub(r"with url: \S+", "", text)
    return text[:160]
