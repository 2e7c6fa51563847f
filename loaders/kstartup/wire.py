"""K-Startup's wire format: the response envelope, JSON or XML, and the portal's error answers.

The body decides how a response is read, not its header: the portal's gateway answers auth and
quota problems in XML even when JSON was asked for, and error pages come back as HTML with status
200. Every answer that is not a page of items becomes a :class:`~loaders.errors.SyncError` whose
message says what was received; :class:`PortalAuthError` marks the ones retrying cannot help.
"""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

from loaders.errors import SyncError
from loaders.textnorm import clean_cell

__all__ = [
    "CITATION",
    "Envelope",
    "PortalAuthError",
    "as_int",
    "parse_response",
]

CITATION = "K-Startup OpenAPI {op} (data.go.kr 15125364)"


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


def as_int(value: object) -> int | None:
    """The portal's numbers come as text or numbers; anything unreadable is None."""
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


class PortalAuthError(SyncError):
    """Auth/quota answers: retrying cannot help."""


def _portal_error(root: ET.Element) -> SyncError:
    texts = {el.tag: (el.text or "").strip() for el in root.iter()}
    auth = texts.get("returnAuthMsg") or texts.get("errMsg") or "오류"
    code = texts.get("returnReasonCode", "")
    reason = _PORTAL_REASONS.get(auth, "")
    detail = f"{auth}{f' (코드 {code})' if code else ''}"
    return PortalAuthError(
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
        total_count=as_int(head.get("totalCount")),
        match_count=as_int(head.get("matchCount")),
        page=as_int(head.get("page")),
        per_page=as_int(head.get("perPage")),
        current_count=as_int(head.get("currentCount")),
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
            cls = PortalAuthError if "인증" in str(msg) or "key" in str(msg).lower() else SyncError
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
                return as_int(data[name])
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
