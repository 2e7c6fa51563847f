"""K-Startup OpenAPI client and mapping onto the canonical program record.

The integrated notice's programs are published through the public data portal's service
창업진흥원 K-Startup 조회서비스 (data.go.kr 15125364): ``getBusinessInformation01`` lists the
notice's programs, ``getAnnouncementInformation01`` the calls for applications with dates. This
module reads both with a :class:`requests.Session` (timeouts, bounded retries with backoff on
429/5xx and connection errors, paging until the reported total is reached, JSON or XML), maps
business items onto :class:`~loaders.model.Program` with every item accounted for in a
:class:`~loaders.report.LoadReport`, and :func:`sync` stores each run as a dated snapshot
(:mod:`loaders.snapshots`) so the app can start offline from the newest good one.

The service key comes from ``KSTARTUP_SERVICE_KEY`` or the caller (the Streamlit page passes
``st.secrets``). It is sent only as the query parameter the portal requires and never appears
in a message, a log record, an exception or a snapshot: every text that could carry a request
URL goes through :func:`scrub`, and urllib3's debug log lines are scrubbed by a logging filter.
"""

from __future__ import annotations

import html
import json
import logging
import os
import re
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, quote_plus, unquote, urlsplit, urlunsplit

import requests

from loaders.announcements import ANNOUNCEMENT_OPERATION, announcements_from_pages
from loaders.budget import parse_budget
from loaders.derive import derived_fields
from loaders.errors import SyncError
from loaders.model import CONTENT_FIELDS, Program, Source, make_program_id, same_content
from loaders.regions import (
    NATIONWIDE,
    is_sido_name,
    official_institution_name,
    resolve_sigungu,
    sido_of_institution,
)
from loaders.report import LoadReport, RowIssue, SheetReport
from loaders.snapshots import (
    SnapshotInfo,
    SnapshotPage,
    newest_good,
    prune_snapshots,
    read_item,
    write_snapshot,
)
from loaders.support_types import normalise_support_type
from loaders.textnorm import clean_cell

__all__ = [
    "ANNOUNCEMENT_OPERATION",
    "BASE_ENV",
    "BUSINESS_OPERATION",
    "DEFAULT_BASE",
    "KEY_ENV",
    "OPERATIONS",
    "Envelope",
    "FetchResult",
    "KStartupClient",
    "OperationResult",
    "Progress",
    "SyncStatus",
    "active_data_description",
    "map_business_items",
    "parse_response",
    "program_from_item",
    "resolve_service_key",
    "scrub",
    "sync",
]

log = logging.getLogger(__name__)

DEFAULT_BASE = "https://apis.data.go.kr/B552735/kisedKstartupService01"
BASE_ENV = "KSTARTUP_API_BASE"
KEY_ENV = "KSTARTUP_SERVICE_KEY"
BUSINESS_OPERATION = "getBusinessInformation01"
OPERATIONS: dict[str, str] = {
    "business": BUSINESS_OPERATION,
    "announcement": ANNOUNCEMENT_OPERATION,
}
OPERATION_LABELS: dict[str, str] = {
    BUSINESS_OPERATION: "통합공고 지원사업",
    ANNOUNCEMENT_OPERATION: "지원사업 공고",
}
BUSINESS_FILE = f"K-Startup {BUSINESS_OPERATION}"
CITATION = "K-Startup OpenAPI {op} (data.go.kr 15125364)"
# The portal caps perPage at 100 in practice (clients that asked for more got 100).
DEFAULT_PER_PAGE = 100
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
# Hard stop for a server that keeps answering with items but never reaches its totalCount.
MAX_PAGES_HARD = 2_000

# ---------------------------------------------------------------------------- secrets

_KEY_IN_TEXT = re.compile(r"(?i)(service_?key=)[^&\s\"'<>]+")
_KNOWN_SECRETS: set[str] = set()


def scrub(text: object, *secrets: str) -> str:
    """``text`` with every ``serviceKey=…`` value and every known key form replaced by ``***``.

    Known forms are the key as given, percent-decoded, and percent-encoded both ways
    (``quote``/``quote_plus``), since a key may reach a message through any of them.
    """
    out = str(text)
    forms: set[str] = set()
    for secret in (*secrets, *_KNOWN_SECRETS):
        if secret:
            forms |= {secret, unquote(secret), quote(secret, safe=""), quote_plus(secret)}
    for form in sorted(forms, key=len, reverse=True):
        if len(form) >= 4:
            out = out.replace(form, "***")
    return _KEY_IN_TEXT.sub(r"\1***", out)


class _ScrubFilter(logging.Filter):
    """Rewrites records of urllib3's loggers, whose debug lines include the request URL."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed record is not ours to fix
            return True
        clean = scrub(message)
        if clean != message:
            record.msg, record.args = clean, None
        return True


_SCRUB_LOGGERS = ("urllib3.connectionpool", "urllib3.connection", "urllib3.util.retry", __name__)


def _install_log_filter() -> None:
    for name in _SCRUB_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, _ScrubFilter) for f in logger.filters):
            logger.addFilter(_ScrubFilter())


_install_log_filter()


def resolve_service_key(explicit: str | None = None) -> str:
    """The service key: ``explicit`` if given, else ``$KSTARTUP_SERVICE_KEY``.

    The portal hands out an "Encoding" form (percent-encoded) and a "Decoding" form; requests
    encodes parameters itself, so an encoded key is decoded first (otherwise ``%2B`` would be
    sent as ``%252B`` and the portal answers SERVICE_KEY_IS_NOT_REGISTERED_ERROR).
    Raises :class:`SyncError` when there is none.
    """
    key = (explicit if explicit is not None else os.environ.get(KEY_ENV, "")).strip()
    if not key:
        raise SyncError(
            "K-Startup 서비스 키가 없습니다 — 환경 변수 KSTARTUP_SERVICE_KEY 또는 Streamlit "
            "secrets에 공공데이터포털(data.go.kr) 인증키를 넣으세요 (no service key)."
        )
    if "%" in key:
        key = unquote(key)
    _KNOWN_SECRETS.add(key)
    return key


def _base_url(explicit: str | None) -> str:
    base = (explicit or os.environ.get(BASE_ENV, "") or DEFAULT_BASE).strip()
    return base.rstrip("/")


def _public_url(url: str) -> str:
    """URL without query and userinfo: safe to show and to store in snapshot metadata."""
    parts = urlsplit(url)
    netloc = parts.netloc.rsplit("@", 1)[-1]
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


# ---------------------------------------------------------------------------- responses


@dataclass(frozen=True, slots=True)
class Envelope:
    """One parsed page: its items and the paging numbers the service reported."""

    items: tuple[dict[str, Any], ...]
    total_count: int | None
    match_count: int | None = None
    page: int | None = None
    per_page: int | None = None
    current_count: int | None = None

    @property
    def expected_total(self) -> int | None:
        """Items the whole query returns: ``matchCount`` (rows matching the query's
        conditions) when reported, else ``totalCount``. Without conditions they are equal."""
        return self.match_count if self.match_count is not None else self.total_count


def _int(value: object) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


# The portal's gateway answers auth and quota problems with this XML, whatever returnType was.
_PORTAL_REASONS: dict[str, str] = {
    "SERVICE_KEY_IS_NOT_REGISTERED_ERROR": "등록되지 않은 서비스 키입니다 — 키를 확인하고, 발급 직후라면 1~2시간 뒤 다시 시도하세요",
    "SERVICE_ACCESS_DENIED_ERROR": "이 서비스에 대한 활용 신청이 승인되지 않았습니다",
    "LIMITED_NUMBER_OF_SERVICE_REQUESTS_EXCEEDS_ERROR": "일일 호출 한도를 넘었습니다 — 내일 다시 시도하세요",
    "DEADLINE_HAS_EXPIRED_ERROR": "서비스 키의 활용 기간이 끝났습니다",
    "UNREGISTERED_IP_ERROR": "등록되지 않은 IP에서 호출했습니다",
    "NO_OPENAPI_SERVICE_ERROR": "해당 오픈 API 서비스가 없거나 폐기되었습니다 — KSTARTUP_API_BASE를 확인하세요",
}


class _AuthError(SyncError):
    """Auth/quota answers: retrying cannot help."""


def _portal_error(root: ET.Element) -> SyncError:
    texts = {el.tag: (el.text or "").strip() for el in root.iter()}
    auth = texts.get("returnAuthMsg") or texts.get("errMsg") or "오류"
    code = texts.get("returnReasonCode", "")
    reason = _PORTAL_REASONS.get(auth, "")
    detail = f"{auth}{f' (코드 {code})' if code else ''}"
    return _AuthError(
        f"공공데이터포털이 요청을 거부했습니다: {detail}" + (f" — {reason}" if reason else "")
    )


def _xml_items(root: ET.Element) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for item in root.iter("item"):
        record: dict[str, Any] = {}
        for child in item:
            # K-Startup's XML: <col name="field">value</col>; data.go.kr's usual: <field>value</field>.
            name = child.get("name") if child.tag == "col" else child.tag
            if name:
                record[name] = child.text or ""
        items.append(record)
    return items


def _parse_xml(text: str) -> Envelope:
    if re.search(r"<!(DOCTYPE|ENTITY)", text, re.I):
        # Entity declarations are never needed here and are the door to entity-expansion attacks.
        raise SyncError("XML 응답에 DOCTYPE/ENTITY 선언이 있어 읽지 않았습니다")
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise SyncError(f"XML 응답을 읽을 수 없습니다 ({exc})") from None
    if root.tag == "OpenAPI_ServiceResponse" or root.find(".//returnAuthMsg") is not None:
        raise _portal_error(root)
    head = {el.tag: el.text for el in root.iter() if len(el) == 0}
    code = (head.get("resultCode") or "").strip()
    if code and code not in {"00", "0", "200"}:
        raise SyncError(f"서비스 오류 응답: {code} {head.get('resultMsg') or ''}".strip())
    return Envelope(
        items=tuple(_xml_items(root)),
        total_count=_int(head.get("totalCount")),
        match_count=_int(head.get("matchCount")),
        page=_int(head.get("page")),
        per_page=_int(head.get("perPage")),
        current_count=_int(head.get("currentCount")),
    )


def _parse_json(text: str) -> Envelope:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SyncError(
            f"응답 JSON을 읽을 수 없습니다 ({exc.msg}, {exc.lineno}행 {exc.colno}열)"
        ) from None
    if not isinstance(data, dict):
        raise SyncError("응답 JSON이 객체가 아닙니다 (data/totalCount가 없음)")
    if "data" not in data:
        # odcloud-style error body, e.g. {"code": -4, "msg": "등록되지 않은 인증키 입니다."}
        msg = data.get("msg") or data.get("message") or data.get("resultMsg")
        if msg is not None:
            cls = _AuthError if "인증" in str(msg) or "key" in str(msg).lower() else SyncError
            raise cls(f"서비스 오류 응답: {msg} (code {data.get('code', '?')})")
        raise SyncError(f"응답 JSON에 'data' 항목이 없습니다 (키: {', '.join(list(data)[:8])})")
    items = data["data"]
    if items is None:
        items = []
    if not isinstance(items, list):
        raise SyncError("응답 JSON의 'data'가 목록이 아닙니다")

    def pick(*names: str) -> int | None:
        for name in names:
            if name in data:
                return _int(data[name])
        return None

    return Envelope(
        items=tuple(items),
        total_count=pick("totalCount", "total_count"),
        match_count=pick("matchCount", "match_count"),
        page=pick("page"),
        per_page=pick("perPage", "per_page"),
        current_count=pick("currentCount", "current_count"),
    )


def parse_response(body: bytes, content_type: str = "") -> Envelope:
    """Parse one response body (JSON or XML, whichever it is) into an :class:`Envelope`.

    The body decides, not the header: the portal's gateway answers errors in XML even when
    JSON was asked for, and error pages come back as HTML with status 200. Raises
    :class:`SyncError` with a message naming what was received instead.
    """
    text = body.decode("utf-8-sig", errors="replace").strip()
    if not text:
        raise SyncError("빈 응답을 받았습니다")
    head = text[:200].lower()
    if head.startswith("<!doctype html") or head.startswith("<html") or "<html" in head:
        title = re.search(r"<title[^>]*>(.*?)</title>", text, re.I | re.S)
        shown = clean_cell(html.unescape(title.group(1)))[:60] if title else ""
        raise SyncError(
            "JSON/XML 대신 HTML 페이지를 받았습니다"
            + (f" (제목 '{shown}')" if shown else "")
            + " — 서비스 주소(KSTARTUP_API_BASE)나 포털 상태를 확인하세요"
        )
    if text.startswith("<"):
        return _parse_xml(text)
    if text.startswith("{") or text.startswith("["):
        return _parse_json(text)
    shown = clean_cell(text[:60])
    raise SyncError(
        f"알 수 없는 형식의 응답입니다 ('{shown}', Content-Type {content_type or '없음'})"
    )


# ---------------------------------------------------------------------------- client


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
        return f"KStartupClient(base_url={_public_url(self.base_url)!r}, key=***)"

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
        return _public_url(self.base_url)

    def _scrub(self, text: object) -> str:
        return scrub(text, self._key)

    def _wait(self, attempt: int, retry_after: str | None) -> float:
        delay = min(self.max_backoff, self.backoff * (2**attempt))
        seconds = _int(retry_after) if retry_after else None
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
                    error_cls = _AuthError if status in (401, 403) else SyncError
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
                result.auth_error = isinstance(exc, _AuthError)
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


# ---------------------------------------------------------------------------- mapping

_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
_BLOCK_END = re.compile(r"(?i)<br\s*/?>|</(?:p|tr|li|div|h\d)>")
_CELL_END = re.compile(r"(?i)</t[dh]>")


def _text(value: object) -> str:
    """API text to one clean line: HTML tables/tags flattened, entities decoded."""
    if value is None:
        return ""
    text = str(value)
    if "<" in text and _TAG.search(text):
        text = _CELL_END.sub(" ", _BLOCK_END.sub("\n", text))
        text = _TAG.sub(" ", text)
    return clean_cell(html.unescape(text))


# "(예산현황) 24억원\r\n(지원규모) 95개사" and "(예산현황) ‘25년 24.09억원 / (지원규모) …": the
# amount is the text between "(예산현황)" and the next "(지원규모)", "/" or line break, with a
# leading fiscal-year tag removed (otherwise "‘25년" would be read as 25억원).
_BUDGET_HEAD = re.compile(r"\(\s*예산\s*현황\s*\)")
_BUDGET_END = re.compile(r"\(\s*지원\s*규모\s*\)|/|\r|\n")
_FY_TAG = re.compile(r"^\s*(?:[‘’'`]\s*\d{2}|(?:19|20)\d{2})\s*년(?:도)?\s*(?:예산)?\s*[:：]?\s*")
# A budget stated only per funding source ("도비 2억, 시비 1억") has no total to read.
_SPLIT_ONLY = re.compile(r"^\s*(?:국비|도비|시비|군비|구비|지방비)")


def budget_from_text(value: object) -> tuple[float | None, str | None, str]:
    """억원 from K-Startup's ``biz_supt_bdgt_info``: ``(eok, warning, amount text)``.

    Uses :func:`~loaders.budget.parse_budget` on the "(예산현황)" part only. Amounts split by
    funding source without a total are left missing with a warning, as in the embedded data.
    """
    raw = str(value or "")
    if not raw.strip():
        return None, None, ""
    head = _BUDGET_HEAD.search(raw)
    section = raw[head.end() :] if head else raw
    end = _BUDGET_END.search(section)
    if end:
        section = section[: end.start()]
    section = _FY_TAG.sub("", clean_cell(section)).strip(" ,;:")
    if not section:
        return None, "예산현황이 비어 있습니다", ""
    if _SPLIT_ONLY.match(section):
        return None, f"예산 '{section}'이(가) 재원별 금액뿐이라 합계를 추정하지 않았습니다", section
    parsed = parse_budget(section)
    warning = parsed.warning
    if parsed.eok is not None and parsed.assumed_unit:
        warning = f"예산 '{section}'에 단위가 없어 억원으로 읽었습니다"
    return parsed.eok, warning, section


def _url_and_id(value: object) -> tuple[str, str]:
    url = clean_cell(value)
    if url and not re.match(r"^[a-z][a-z0-9+.-]*://", url, re.I) and "." in url.split("/")[0]:
        url = "https://" + url
    ids = parse_qs(urlsplit(url).query).get("id") if url else None
    return url, (ids[0].strip() if ids else "")


# K-Startup 사업소개 ids form blocks per notice year (seen in the daily archives of the listings;
# the embedded dataset's 구분 follows the same blocks). Years not listed get no block rule.
KSTARTUP_ID_BLOCKS: dict[int, tuple[tuple[int, int, str], ...]] = {
    2026: ((170001, 170999, "중앙부처"), (171001, 171999, "지자체")),
}


def _level_from_id(year: int | None, kstartup_id: str) -> str | None:
    number = _int(kstartup_id)
    if year is None or number is None:
        return None
    for low, high, level in KSTARTUP_ID_BLOCKS.get(year, ()):
        if low <= number <= high:
            return level
    return None


def _institution_from_name(name: str) -> tuple[str, str | None]:
    """Local government named at the start of a program name ("김천시 청년창업 지원")."""
    parts = name.split()
    # Two words only when they name a 기초 under its 시·도 ("대전광역시 서구 …"); otherwise
    # "서울시 청년 창업 지원" would make "서울시 청년" an institution.
    if len(parts) > 2 and resolve_sigungu(" ".join(parts[:2])) is not None:
        candidate = " ".join(parts[:2])
        return candidate, sido_of_institution(candidate)
    if len(parts) > 1:
        sido = sido_of_institution(parts[0])
        if sido and sido != NATIONWIDE:
            return official_institution_name(parts[0]), sido
    return "", None


def program_from_item(
    item: Mapping[str, Any], source: Source, warnings: list[tuple[str, str, str]] | None = None
) -> tuple[Program, str]:
    """Map one ``getBusinessInformation01`` item onto :class:`Program`.

    Returns the program and how its 구분 was decided ("name", "id", "target", "default").
    The API names neither the ministry nor the local government, so: a local government at
    the start of the name wins; else the year's K-Startup id block; else a single region the
    target text requires makes it local; else it is left as 중앙부처 (reported in the notes).
    Raises ``ValueError`` with the reason when the item has no name.
    """
    warnings = warnings if warnings is not None else []
    name = _text(item.get("supt_biz_titl_nm"))
    if not name:
        raise ValueError("사업명(supt_biz_titl_nm)이 비어 있습니다")
    year_raw = item.get("biz_yr")
    year = _int(year_raw)
    if year is not None and not 2000 <= year <= 2100:
        year = None
    if year is None:
        warnings.append(("biz_yr", clean_cell(year_raw), "사업연도를 읽을 수 없어 비워 두었습니다"))
    raw_type = clean_cell(item.get("biz_category_cd"))
    support_type, known = normalise_support_type(raw_type)
    if not raw_type:
        warnings.append(("biz_category_cd", "", "지원유형 코드가 비어 있습니다"))
    elif not known:
        warnings.append(
            ("biz_category_cd", raw_type, "알 수 없는 지원유형 코드 — 원래 값을 그대로 두었습니다")
        )
    budget_raw = item.get("biz_supt_bdgt_info")
    budget_eok, budget_warning, _ = budget_from_text(budget_raw)
    if budget_warning:
        warnings.append(("biz_supt_bdgt_info", clean_cell(budget_raw), budget_warning))
    target = _text(item.get("biz_supt_trgt_info"))
    content = _text(item.get("biz_supt_ctnt"))
    intro = _text(item.get("supt_biz_intrd_info"))
    traits = _text(item.get("supt_biz_chrct"))
    summary = intro if not traits or traits in intro else f"{intro} — {traits}" if intro else traits
    url, kstartup_id = _url_and_id(item.get("detl_pg_url"))
    derived = derived_fields(name, target=target, summary=summary, content=content)
    eligibility = derived["eligibility"]

    institution, region = _institution_from_name(name)
    if institution:
        level, how = ("광역" if is_sido_name(institution) else "기초"), "name"
    elif (by_id := _level_from_id(year, kstartup_id)) is not None:
        level, how = by_id, "id"
    elif len(eligibility.regions) == 1 and eligibility.regions[0] != NATIONWIDE:
        level, how = "지자체", "target"
    else:
        level, how = "중앙부처", "default"
    if level == "중앙부처":
        region = NATIONWIDE
    elif region is None:
        regions = [r for r in eligibility.regions if r != NATIONWIDE]
        region = regions[0] if len(regions) == 1 else ""
    ministry = region if level != "중앙부처" else ""
    program = Program(
        # The API names no institution; the K-Startup id keeps same-named local programs apart.
        program_id=make_program_id(year, "", name, fallback=kstartup_id or url),
        year=year,
        level=level,
        ministry=ministry,
        institution=institution,
        region=region or "",
        name=name,
        support_type=support_type,
        budget_eok=budget_eok,
        target_text=target,
        content_text=content,
        summary=summary,
        url=url,
        raw_support_type=raw_type,
        **derived,
        source=source,
        kstartup_id=kstartup_id,
    )
    return program, how


_LEVEL_NOTES = {
    "name": "사업명 앞의 지자체명으로",
    "id": "K-Startup ID 구간으로",
    "target": "지원대상의 지역 요건으로",
    "default": "근거가 없어 중앙부처로",
}


def map_business_items(
    pages: Sequence[SnapshotPage], *, file: str = BUSINESS_FILE
) -> tuple[list[Program], LoadReport]:
    """Programs from raw ``getBusinessInformation01`` pages, deduplicated by program.

    Every item is accounted for: loaded, skipped (an identical duplicate, e.g. an item that
    moved to the next page while the portal refreshed) or rejected (no name, not an object,
    or the same program id with different content), each with page and item number.
    """
    report = LoadReport()
    seen: dict[str, tuple[Program, str]] = {}
    programs: list[Program] = []
    how_counts: dict[str, int] = {}
    citation = CITATION.format(op=BUSINESS_OPERATION)
    for page in pages:
        sheet = f"page {page.page}"
        sr = SheetReport(file=file, sheet=sheet)
        for index, raw in enumerate(page.items, start=1):
            item = read_item(raw, sr, report, index)
            if item is None:
                continue
            url, _ = _url_and_id(item.get("detl_pg_url"))
            source = Source(
                file=file,
                sheet=sheet,
                row=index,
                url=url,
                citation=citation,
                fetched_at=page.fetched_at,
            )
            warnings: list[tuple[str, str, str]] = []
            try:
                program, how = program_from_item(item, source, warnings)
            except ValueError as exc:
                sr.rejected += 1
                report.issues.append(
                    RowIssue("rejected", file, sheet, index, str(exc), "supt_biz_titl_nm", "")
                )
                continue
            dup = seen.get(program.program_id)
            if dup is not None:
                first, where = dup
                # The API repeats an item verbatim across pages; any difference, even in spelling of the
                # name, is a second version of the program.
                if same_content(first, program, fields=("name", *CONTENT_FIELDS)):
                    sr.skipped += 1
                    reason = f"중복 항목 — {where}과 내용이 같습니다"
                    kind = "skipped"
                else:
                    sr.rejected += 1
                    reason = f"같은 사업(ID {program.kstartup_id or '없음'})이 {where}에 이미 있는데 내용이 다릅니다"
                    kind = "rejected"
                report.issues.append(
                    RowIssue(kind, file, sheet, index, reason, "supt_biz_titl_nm", program.name)
                )
                continue
            seen[program.program_id] = (program, f"{sheet} {index}번째 항목")
            for column, value, reason in warnings:
                report.issues.append(RowIssue("warning", file, sheet, index, reason, column, value))
            how_counts[how] = how_counts.get(how, 0) + 1
            sr.loaded += 1
            programs.append(program)
        report.sheets.append(sr)
    if how_counts:
        parts = [f"{_LEVEL_NOTES[k]} {n}개" for k, n in how_counts.items()]
        report.notes.append(
            "K-Startup API는 소관부처·지자체와 구분을 주지 않아 구분을 이렇게 정했습니다: "
            + ", ".join(parts)
        )
    return programs, report


# ---------------------------------------------------------------------------- sync


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
