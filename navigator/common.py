"""Helpers shared by subcommands: loading the catalogue named on the command line, JSON output."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from loaders.catalogue import Catalogue

__all__ = ["add_data_args", "catalogue_from_args", "print_json"]


def add_data_args(parser: argparse.ArgumentParser, *, positional: bool = False) -> None:
    """``--data FILE ...`` (or positional FILEs) selecting the catalogue; default: the active one."""
    if positional:
        parser.add_argument(
            "files",
            nargs="*",
            metavar="FILE",
            help="통합공고 파일(.xlsx/.csv); 없으면 K-Startup 스냅샷, 그것도 없으면 내장 데이터",
        )
    else:
        parser.add_argument(
            "--data",
            nargs="+",
            metavar="FILE",
            default=[],
            help="통합공고 파일(.xlsx/.csv); 없으면 K-Startup 스냅샷, 그것도 없으면 내장 데이터",
        )


def catalogue_from_args(args: argparse.Namespace) -> Catalogue:
    """The catalogue named by ``files``/``--data``, else the active one.

    The active catalogue is the newest good K-Startup snapshot, else the embedded dataset
    (``--embedded`` forces the embedded one); its label says which.
    """
    from loaders.catalogue import load_active, load_embedded, load_files

    files = getattr(args, "files", None) or getattr(args, "data", None) or []
    if files:
        return load_files(files)
    if getattr(args, "embedded", False):
        return load_embedded()
    return load_active()


def print_json(data: Any) -> None:
    """Pretty UTF-8 JSON on stdout (Korean kept readable)."""
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
