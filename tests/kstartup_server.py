"""A local stand-in for the K-Startup OpenAPI: a real HTTP server on 127.0.0.1 for tests.

``http.server.ThreadingHTTPServer`` runs in a thread on an ephemeral port and serves the
documented response shapes (see ``/work/shared/api.md``): the JSON envelope
``{currentCount, data, matchCount, page, perPage, totalCount}``, the XML envelope
``<response>…<data><item><col name="…">…</col></item></data></response>`` with entity-escaped
text, and the portal gateway's ``<OpenAPI_ServiceResponse>`` auth errors. Tests script faults
per page (500, 429, timeouts, malformed JSON, HTML error pages, auth errors), so the client's
real ``requests`` code path is exercised without touching the internet.

Items come from two places, kept apart: ``EXAMPLE_*`` are the real example items quoted in the
shared API notes (values shortened there), and ``synthetic_*`` builds SYNTHETIC TEST DATA with
seeded code — names start with "테스트" and ids sit in the unused 990000 block.
"""

from __future__ import annotations

import json
import random
import select
import threading
from collections import defaultdict, deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape, quoteattr

import pytest
import requests

SERVICE_PATH = "/B552735/kisedKstartupService01"
# Characters that change under URL encoding, so tests catch any encoded form of the key.
TEST_KEY = "TESTKEY+abc/DEF==ghi%secret42"

# --- real example items (shared/api.md, "Example items as seen") -------------------------------
# 1. 2026 item from a real JSON dump (engelmm8917-ui/gongo-radar recon-biz-sample.json).
EXAMPLE_BUSINESS_2026: dict[str, Any] = {
    "biz_category_cd": "cmrczn_Tab3",
    "supt_biz_titl_nm": "그린스타트업타운 지원",
    "biz_supt_bdgt_info": "(예산현황) 24억원(충남도비 9.24억, 천안시비 15.7억) / (지원규모) 스타트업 95개사 내외 육성·지원",
    "biz_supt_trgt_info": "그린스타트업타운 입주기업(또는 충남도 내 창업 7년 이하 스타트업)",
    "biz_supt_ctnt": "입주공간, 스케일업(멘토링/투자연계지원 등), 글로벌 시장진출 지원 등",
    "supt_biz_chrct": "스타트업별 맞춤 스케일업 지원",
    "biz_yr": 2026,
    "detl_pg_url": "www.k-startup.go.kr/web/contents/webFC_SP_NR.do?id=171260&page=1&schM=view",
    "id": 1,
}
# 2. 2025 item (sinbum/korea_public_data_be live sample; the client had renamed the keys, so
#    the API's own key names are used here).
EXAMPLE_BUSINESS_2025: dict[str, Any] = {
    "biz_category_cd": "cmrczn_Tab1",
    "supt_biz_titl_nm": "글로벌 ICT 미래 유니콘 육성(ICT GROWTH)",
    "biz_supt_bdgt_info": "(예산현황) ‘25년 24.09억원 / (지원규모) 연간 15개사 내외",
    "biz_supt_trgt_info": "최근 3년간 20억원 이상 투자유치 또는 연평균 20% 이상 매출 성장을 달성한 ICT 융·복합분야 중소기업",
    "biz_yr": 2025,
    "detl_pg_url": "www.k-startup.go.kr/web/contents/webCMRCZN.do?id=165410&page=1&schM=view",
    "id": 2,
}
# 3. 2023 example of the service design document.
EXAMPLE_BUSINESS_2023: dict[str, Any] = {
    "biz_category_cd": "cmrczn_Tab3",
    "supt_biz_titl_nm": "1인 창조기업 활성화 지원사업",
    "biz_supt_trgt_info": "「1인 창조기업 육성에 관한 법률」제2조의 (예비) 1인 창조기업",
    "biz_supt_bdgt_info": "(예산현황) 51.1억원, (지원규모) (1인 창조기업 지원센터) 전국 총 47개, (사업화) 160개 내외",
    "biz_yr": 2023,
    "id": 3,
}
EXAMPLE_BUSINESS = [EXAMPLE_BUSINESS_2026, EXAMPLE_BUSINESS_2025, EXAMPLE_BUSINESS_2023]

EXAMPLE_ANNOUNCEMENTS: list[dict[str, Any]] = [
    {
        "pbanc_sn": 174652,
        "biz_pbanc_nm": "2025년 범부처 공공기술이전 사업화 로드쇼 릴레이IR 참여기업 모집",
        "intg_pbanc_yn": "N",
        "intg_pbanc_biz_nm": "2025년 범부처 공공기술이전 사업화 로드쇼",
        "supt_biz_clsfc": "정책자금",
        "aply_trgt": "연구기관,일반기업",
        "biz_enyy": "7년미만",
        "biz_trgt_age": "만 20세 미만,만 20세 이상 ~ 만 39세 이하,만 40세 이상",
        "pbanc_rcpt_bgng_dt": "20250813",
        "pbanc_rcpt_end_dt": "20250831",
        "sprv_inst": "민간",
        "supt_regin": "전국",
        "rcrt_prgs_yn": "Y",
        "detl_pg_url": "https://www.k-startup.go.kr/web/contents/bizpbanc-ongoing.do?schM=view&pbancSn=174652",
        "id": 1,
    },
    {
        "pbanc_sn": 174646,
        "biz_pbanc_nm": "2025 한진 오픈이노베이션 프로그램 참여기업 모집공고",
        "pbanc_ntrp_nm": "(재)인천창조경제혁신센터",
        "sprv_inst": "공공기관",
        "supt_biz_clsfc": "사업화",
        "biz_enyy": "7년미만",
        "pbanc_rcpt_bgng_dt": "20250813",
        "pbanc_rcpt_end_dt": "20250820",
        "id": 2,
    },
    {
        "pbanc_sn": 179232,
        "biz_pbanc_nm": "「민관협력 오픈이노베이션 지원」 '공공데이터 활용 지원' 공공기관 제안형(Top-Down) 창업기업 모집공고",
        "intg_pbanc_yn": "Y",
        "pbanc_ntrp_nm": "중소벤처기업부장관",
        "supt_biz_clsfc": "행사ㆍ네트워크",
        "pbanc_rcpt_bgng_dt": "20260915",
        "pbanc_rcpt_end_dt": "20261006",
        "id": 3,
    },
]


def synthetic_business_items(n: int, *, seed: int = 5, year: int = 2026) -> list[dict[str, Any]]:
    """SYNTHETIC TEST DATA: ``n`` business items in the API's shape (seeded, ids 990001…)."""
    rng = random.Random(seed)
    codes = [f"cmrczn_Tab{i}" for i in range(1, 10)]
    items = []
    for i in range(1, n + 1):
        budget = rng.choice(["12억원", "500백만원", "3.5억원", "비예산"])
        items.append(
            {
                "biz_category_cd": rng.choice(codes),
                "supt_biz_titl_nm": f"테스트 창업지원사업 {i:04d}",
                "biz_supt_bdgt_info": f"(예산현황) {budget}\r\n(지원규모) {rng.randint(1, 90)}개사 내외",
                "biz_supt_trgt_info": rng.choice(
                    ["예비창업자", "창업 3년 이내 기업", "업력 7년 이내 창업기업", ""]
                ),
                "biz_supt_ctnt": "사업화 자금 지원",
                "supt_biz_intrd_info": "합성 테스트 데이터",
                "biz_yr": year,
                "detl_pg_url": f"www.k-startup.go.kr/web/contents/webCMRCZN.do?id={990000 + i}&page=1&schM=view",
                "id": i,
            }
        )
    return items


def synthetic_announcements(n: int, *, seed: int = 7) -> list[dict[str, Any]]:
    """SYNTHETIC TEST DATA: ``n`` announcement items (pbanc_sn 990001…)."""
    rng = random.Random(seed)
    items = []
    for i in range(1, n + 1):
        start = 20260900 + rng.randint(1, 20)
        items.append(
            {
                "pbanc_sn": 990000 + i,
                "biz_pbanc_nm": f"테스트 공고 {i:03d}",
                "intg_pbanc_yn": "Y",
                "intg_pbanc_biz_nm": f"테스트 창업지원사업 {i:04d}",
                "supt_biz_clsfc": "사업화",
                "supt_regin": "전국",
                "pbanc_rcpt_bgng_dt": str(start),
                "pbanc_rcpt_end_dt": str(start + 9),
                "rcrt_prgs_yn": "Y",
                "id": i,
            }
        )
    return items


# --- response bodies ---------------------------------------------------------------------------


def json_body(items: list[dict], *, page: int, per_page: int, total: int) -> bytes:
    return json.dumps(
        {
            "currentCount": len(items),
            "data": items,
            "matchCount": total,
            "page": page,
            "perPage": per_page,
            "totalCount": total,
        },
        ensure_ascii=False,
    ).encode("utf-8")


def _xml_text(value: Any) -> str:
    # Entity-escaped, with line breaks as character references as the real service sends them.
    return escape(str(value)).replace("\r", "&#xD;").replace("\n", "&#xA;")


def xml_body(items: list[dict], *, page: int, per_page: int, total: int) -> bytes:
    rows = "".join(
        "<item>"
        + "".join(f"<col name={quoteattr(k)}>{_xml_text(v)}</col>" for k, v in item.items())
        + "</item>"
        for item in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f"<response><currentCount>{len(items)}</currentCount><data>{rows}</data>"
        f"<matchCount>{total}</matchCount><page>{page}</page><perPage>{per_page}</perPage>"
        f"<totalCount>{total}</totalCount></response>"
    ).encode()


def portal_auth_error(
    reason: str = "SERVICE_KEY_IS_NOT_REGISTERED_ERROR", code: str = "30"
) -> bytes:
    return (
        "<OpenAPI_ServiceResponse><cmmMsgHeader><errMsg>SERVICE ERROR</errMsg>"
        f"<returnAuthMsg>{reason}</returnAuthMsg><returnReasonCode>{code}</returnReasonCode>"
        "</cmmMsgHeader></OpenAPI_ServiceResponse>"
    ).encode()


HTML_ERROR = (
    "<!DOCTYPE html><html><head><title>503 Service Temporarily Unavailable</title></head>"
    "<body><h1>점검 중입니다</h1></body></html>"
).encode()


# --- the server --------------------------------------------------------------------------------


@dataclass
class Action:
    """One scripted response for a page: ``kind`` is one of status/timeout/body."""

    kind: str
    status: int = 200
    body: bytes = b""
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class FakeKStartup:
    """State of the fake service: items per operation, page cap, scripted faults, request log."""

    key: str = TEST_KEY
    items: dict[str, list[dict]] = field(default_factory=dict)
    page_cap: dict[str, int] = field(default_factory=dict)
    scripts: dict[tuple[str, int], deque[Action]] = field(
        default_factory=lambda: defaultdict(deque)
    )
    requests: list[dict[str, Any]] = field(default_factory=list)
    base_url: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def set_items(self, operation: str, items: list[dict], *, cap: int | None = None) -> None:
        """Serve ``items`` for ``operation``; ``cap`` returns at most that many per page."""
        self.items[operation] = list(items)
        if cap:
            self.page_cap[operation] = cap

    def script(self, operation: str, page: int, *actions: Action) -> None:
        """Queue responses for one page; once used up, the page is served normally."""
        self.scripts[(operation, page)].extend(actions)

    def claim_stall(self, operation: str, page: int) -> bool:
        """Take this page's next scripted timeout for a request about to be sent, if it is one.

        The client side claims it (rather than the server on receipt), so the request that
        carries :data:`STALL_HEADER` is exactly the one the server leaves unanswered.
        """
        with self.lock:
            queue = self.scripts.get((operation, page))
            if queue and queue[0].kind == "timeout":
                queue.popleft()
                return True
            return False

    def session(self) -> requests.Session:
        """A client session whose read timeout is short only where this server stalls."""
        return StallAwareSession(self)

    def calls(self, operation: str, page: int | None = None) -> list[dict[str, Any]]:
        return [
            r
            for r in self.requests
            if r["operation"] == operation and (page is None or r["page"] == page)
        ]


# Ready-made faults.
def status(
    code: int, body: bytes = b"error", content_type: str = "text/plain", **headers: str
) -> Action:
    return Action("status", code, body, content_type, headers=dict(headers))


def timeout() -> Action:
    """No answer at all: the server holds the request until the client hangs up, so the
    client's read timeout (not a race between two clocks) is what ends it."""
    return Action("timeout")


def body(data: bytes, content_type: str = "application/json", code: int = 200) -> Action:
    return Action("body", code, data, content_type)


def _handler(state: FakeKStartup) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:  # keep test output quiet
            pass

        def _send(
            self, code: int, data: bytes, content_type: str, headers: dict | None = None
        ) -> None:
            try:
                self.send_response(code)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):  # client gave up (timeout tests)
                pass

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
            operation = parts.path.rsplit("/", 1)[-1]
            page = int(query.get("page", "1"))
            per_page = int(query.get("perPage", "10"))
            return_type = query.get("returnType", "json")
            with state.lock:
                state.requests.append(
                    {"operation": operation, "page": page, "query": query, "path": parts.path}
                )
                if self.headers.get(STALL_HEADER):  # claimed by a StallAwareSession
                    action: Action | None = Action("timeout")
                else:
                    queue = state.scripts.get((operation, page))
                    action = queue.popleft() if queue else None
            if not parts.path.startswith(SERVICE_PATH + "/"):
                self._send(
                    404, b"<html><head><title>404 Not Found</title></head></html>", "text/html"
                )
                return
            key = query.get("serviceKey") or query.get("ServiceKey")
            if key != state.key:
                # What the data.go.kr gateway answers for a wrong key (HTTP 200, XML).
                self._send(200, portal_auth_error(), "text/xml;charset=UTF-8")
                return
            if action is not None and action.kind == "status":
                self._send(action.status, action.body, action.content_type, action.headers)
                return
            if action is not None and action.kind == "body":
                self._send(action.status, action.body, action.content_type)
                return
            if action is not None and action.kind == "timeout":
                # Wait for the client to give up (its socket becomes readable: EOF), bounded so
                # a client without a timeout cannot hang the suite; then drop the connection.
                select.select([self.connection], [], [], STALL_BOUND_S)
                self.close_connection = True
                return
            items = state.items.get(operation)
            if items is None:
                self._send(
                    404, b"<html><head><title>404 Not Found</title></head></html>", "text/html"
                )
                return
            size = min(per_page, state.page_cap.get(operation, per_page))
            chunk = items[(page - 1) * size : page * size]
            if return_type == "xml":
                data = xml_body(chunk, page=page, per_page=size, total=len(items))
                self._send(200, data, "application/xml;charset=UTF-8")
            else:
                data = json_body(chunk, page=page, per_page=size, total=len(items))
                self._send(200, data, "application/json;charset=UTF-8")

    return Handler


@contextmanager
def running_server(state: FakeKStartup | None = None) -> Iterator[FakeKStartup]:
    """Start the fake service on 127.0.0.1 (ephemeral port) for the duration of the block."""
    state = state or FakeKStartup()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    host, port = server.server_address[:2]
    state.base_url = f"http://{host}:{port}{SERVICE_PATH}"
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@contextmanager
def kstartup_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[FakeKStartup]:
    """Server plus environment: base URL, key and cache dir point at the test's own places."""
    with running_server() as state:
        monkeypatch.setenv("KSTARTUP_API_BASE", state.base_url)
        monkeypatch.setenv("KSTARTUP_SERVICE_KEY", state.key)
        monkeypatch.setenv("NAVIGATOR_CACHE_DIR", str(tmp_path / "cache"))
        monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
        for var in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY"):
            monkeypatch.delenv(var, raising=False)
        yield state


# Client settings for the suite: no backoff waits, and timeouts that are bounds, never races.
# A local answer comes in milliseconds on a quiet machine but took more than the old 0.3 s read
# timeout under a load average of 25 (a timed-out answer was retried: two calls where the test
# expects one). Tests of timeouts get their short timeout only for the request the server
# stalls (StallAwareSession), so no normal answer races a clock.
FAST = {"timeout": (10.0, 60.0), "retries": 2, "backoff": 0.0}
STALL_READ_TIMEOUT_S = 0.2  # read timeout for a stalled request: the server never answers it
STALL_HEADER = "X-Test-Stall"  # marks the request a StallAwareSession claimed a timeout for
STALL_BOUND_S = 120.0  # how long the server holds a stalled request if the client never gives up


class StallAwareSession(requests.Session):
    """A :class:`requests.Session` that times out fast on the requests the fake stalls.

    A test of timeouts needs a short read timeout, and a short read timeout also fails a normal
    answer that a busy machine delays. This session keeps the client's own (generous) timeout
    for every request the fake will answer and uses :data:`STALL_READ_TIMEOUT_S` for the ones
    it scripted to stall (:func:`timeout`), which time out whatever the machine's load.
    """

    def __init__(self, state: FakeKStartup) -> None:
        super().__init__()
        self.fake = state

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        parts = urlsplit(request.url or "")
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        operation = parts.path.rsplit("/", 1)[-1]
        if self.fake.claim_stall(operation, int(query.get("page", "1"))):
            request.headers[STALL_HEADER] = "1"
            kwargs["timeout"] = (10.0, STALL_READ_TIMEOUT_S)
        return super().send(request, **kwargs)
