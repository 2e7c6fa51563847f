"""``navigator sync``: refresh programs and open calls from the K-Startup OpenAPI.

A thin layer over :func:`loaders.kstartup.sync.sync` (the same call the Data desk page makes): a
text progress bar on stderr, the outcome on stdout, exit 0 when every requested operation is
now served from this run, 2 otherwise (the message says which data is shown instead).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from loaders.kstartup.client import Progress

__all__ = ["ProgressBar", "register", "run"]

# The keys of loaders.kstartup.sync.OPERATIONS, written out so that `--help` does not import the
# HTTP client (a test checks they agree).
_CHOICES = {
    "business": ("business",),
    "announcement": ("announcement",),
    "both": ("business", "announcement"),
}


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``sync`` subcommand."""
    p = sub.add_parser(
        "sync",
        help="K-Startup OpenAPI에서 통합공고 사업·공고를 새로 받아 스냅샷으로 저장합니다",
        description=(
            "서비스 키는 환경 변수 KSTARTUP_SERVICE_KEY에서 읽습니다 (출력·로그·파일에 남기지 않음). "
            "서비스 주소는 KSTARTUP_API_BASE, 저장 위치는 NAVIGATOR_CACHE_DIR로 바꿀 수 있습니다."
        ),
    )
    p.add_argument(
        "--operation",
        choices=tuple(_CHOICES),
        default="both",
        help="business = 통합공고 지원사업, announcement = 지원사업 공고, both = 둘 다 (기본)",
    )
    p.add_argument("--max-pages", type=int, default=None, metavar="N", help="쪽 수 상한 (시험용)")
    p.add_argument(
        "--allow-partial",
        action="store_true",
        help="중간에 실패해도 받은 만큼을 새 스냅샷으로 사용합니다",
    )
    p.add_argument(
        "--retries", type=int, default=3, metavar="N", help="쪽마다 재시도 횟수 (기본 3)"
    )
    p.add_argument(
        "--backoff",
        type=float,
        default=0.5,
        metavar="S",
        help="재시도 대기 시작값(초, 두 배씩 늘어남)",
    )
    p.add_argument("--timeout", type=float, default=30.0, metavar="S", help="응답 대기 시간(초)")
    p.add_argument("--quiet", action="store_true", help="진행 막대를 표시하지 않습니다")
    p.set_defaults(func=run)


class ProgressBar:
    """A one-line text progress bar redrawn in place on a stream (stderr by default)."""

    def __init__(self, stream: TextIO | None = None, width: int = 30) -> None:
        self.stream = stream or sys.stderr
        self.width = width
        self._open = False

    def __call__(self, p: Progress) -> None:
        filled = round(self.width * p.fraction)
        bar = "#" * filled + "-" * (self.width - filled)
        total = p.total if p.total is not None else "?"
        self.stream.write(f"\r{p.operation} [{bar}] {p.fetched}/{total}건 · {p.page}쪽")
        self.stream.flush()
        self._open = True

    def end(self) -> None:
        """Finish the current line (call after the run)."""
        if self._open:
            self.stream.write("\n")
            self.stream.flush()
            self._open = False


def run(args: argparse.Namespace) -> int:
    """Sync, print the outcome; raise SyncError (exit 2) unless every operation succeeded."""
    if args.max_pages is not None and args.max_pages < 1:
        raise SystemExit("--max-pages는 1 이상이어야 합니다")
    bar = None if args.quiet else ProgressBar()
    current = {"operation": ""}

    def progress(p: Progress) -> None:
        if bar is None:
            return
        if current["operation"] not in ("", p.operation):
            bar.end()
        current["operation"] = p.operation
        bar(p)

    from loaders.kstartup.sync import sync

    try:
        status = sync(
            _CHOICES[args.operation],
            max_pages=args.max_pages,
            allow_partial=args.allow_partial,
            progress=progress,
            retries=args.retries,
            backoff=args.backoff,
            timeout=(min(10.0, args.timeout), args.timeout),
        )
    finally:
        if bar is not None:
            bar.end()
    if status.ok:
        print(status.message)
    status.raise_for_error()
    return 0
