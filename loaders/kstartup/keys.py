"""The K-Startup service key: where it comes from, and keeping it out of everything shown or stored.

The key comes from ``KSTARTUP_SERVICE_KEY`` or the caller (the Streamlit page passes
``st.secrets``). It is sent only as the query parameter the portal requires and never appears
in a message, a log record, an exception or a snapshot: every text that could carry a request
URL goes through :func:`scrub`, and urllib3's debug log lines are scrubbed by a logging filter.
"""

from __future__ import annotations

import logging
import os
import re
from urllib.parse import quote, quote_plus, unquote, urlsplit, urlunsplit

from loaders.errors import SyncError

__all__ = ["KEY_ENV", "public_url", "resolve_service_key", "scrub", "scrub_logs"]

KEY_ENV = "KSTARTUP_SERVICE_KEY"

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


def scrub_logs(*names: str) -> None:
    """Scrub every record logged directly to the loggers ``names`` (idempotent).

    A logger's filters do not see records propagated from its children, so each logger that
    may print a request URL is named: urllib3's (here) and the client's own.
    """
    for name in names:
        logger = logging.getLogger(name)
        if not any(isinstance(f, _ScrubFilter) for f in logger.filters):
            logger.addFilter(_ScrubFilter())


scrub_logs("urllib3.connectionpool", "urllib3.connection", "urllib3.util.retry")


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


def public_url(url: str) -> str:
    """URL without query and userinfo: safe to show and to store in snapshot metadata."""
    parts = urlsplit(url)
    netloc = parts.netloc.rsplit("@", 1)[-1]
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))
