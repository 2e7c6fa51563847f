"""``navigator`` console script: one subcommand per task, each a thin layer over library calls.

Subcommands live in their own modules (``navigator/cmd_*.py``) and register themselves through
:data:`COMMAND_MODULES`. Errors from the library (:class:`~loaders.errors.NavigatorError`) become
a one-line message on stderr and exit code 2; no traceback reaches the user.

Start-up stays fast: this module and every ``cmd_*`` module import only the standard library
and light parts of the project at the top (argument definitions, help texts); the engine, the
loaders and their pandas / networkx / openpyxl / rapidfuzz are imported inside the command that
needs them. ``navigator --help``, every ``navigator COMMAND --help`` and ``navigator --version``
therefore cost a bare Python start-up plus a few milliseconds (a test checks that building the
parser imports none of the heavy packages).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from loaders.errors import NavigatorError

__all__ = ["COMMAND_MODULES", "build_parser", "main", "version"]

# Each module defines register(subparsers) and sets func=... on its parser.
COMMAND_MODULES: tuple[str, ...] = (
    "navigator.cmd_load",
    "navigator.cmd_sync",
    "navigator.cmd_engine",
    "navigator.cmd_roadmap",
    "navigator.cmd_diff",
    "navigator.cmd_coverage",
    "navigator.cmd_calls",
    "navigator.cmd_fields",
)


def version() -> str:
    """The installed package's version ("0.1.0"), or a note when running from a bare checkout."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version

    try:
        return dist_version("startup-support-navigator")
    except PackageNotFoundError:
        return "(설치되지 않은 작업 사본)"


class _VersionAction(argparse.Action):
    """``--version``: prints ``navigator X.Y.Z`` and exits; the version is read only when asked."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="버전을 출력합니다")

    def __call__(self, parser: argparse.ArgumentParser, *args: object, **kwargs: object) -> None:
        print(f"navigator {version()}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every registered subcommand."""
    parser = argparse.ArgumentParser(
        prog="navigator",
        description="창업지원 내비게이터 — 창업지원사업 통합공고 탐색 도구 (Startup Support Navigator)",
    )
    parser.add_argument("--version", action=_VersionAction)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: parse, run, map errors to exit codes (0 ok, 1 strict failure, 2 error)."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except NavigatorError as exc:
        print(f"오류: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:  # output piped into `head` and closed early
        return 0
    except KeyboardInterrupt:
        print("중단되었습니다.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
