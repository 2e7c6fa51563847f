"""``navigator roadmap``: write a client's roadmap — or every client's — to Excel or CSV.

The CLI twin of the 지원 경로 page's download buttons: both call :mod:`usecases.roadmap`
(:func:`~usecases.roadmap.plan` then :func:`~usecases.roadmap.files`), so the file is the one the
page gives for the same profile, edits, data and options.

* ``--profile P.json -o roadmap.xlsx`` (or ``.csv``): one roadmap. ``P.json`` is a profile, or
  a client file saved from the page (name, profile, pinned/removed steps and notes).
* ``--clients clients.csv -o DIR``: one workbook per client row plus ``clients_index.xlsx``
  linking them; rejected rows are printed and listed in the index.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from loaders.errors import NavigatorError

# The same positive-integer check as ``navigator path``.
from navigator.cmd_engine import _positive
from navigator.common import add_data_args, catalogue_from_args

if TYPE_CHECKING:
    from usecases.roadmap import RoadmapOptions

__all__ = ["FORMATS", "register", "run"]

FORMATS: tuple[str, ...] = (".xlsx", ".csv")


class OutputError(NavigatorError):
    """The output file cannot be written (unknown extension, missing folder, no permission)."""


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``roadmap`` subcommand."""
    p = sub.add_parser(
        "roadmap",
        help="지원 경로(로드맵)를 Excel(.xlsx)·CSV로 저장합니다 — 고객 한 명 또는 고객 CSV 전체",
    )
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument(
        "--profile",
        metavar="PROFILE.json",
        help="기업 프로필 JSON, 또는 앱에서 저장한 고객 파일 (고객명·프로필·편집)",
    )
    who.add_argument(
        "--clients",
        metavar="CLIENTS.csv",
        help="고객 목록 CSV (한 행에 한 고객) — -o 폴더에 고객마다 로드맵 파일과 목록 파일을 씁니다",
    )
    add_data_args(p)
    p.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE|DIR",
        help="--profile: roadmap.xlsx 또는 roadmap.csv (확장자로 형식 결정) · --clients: 폴더",
    )
    p.add_argument("--client", default="", metavar="NAME", help="표지에 쓸 고객명 (--profile)")
    p.add_argument(
        "--max-per-phase",
        type=_positive,
        default=2,
        metavar="N",
        help="단계별 최대 사업 수 (기본 2)",
    )
    p.add_argument("--no-loans", action="store_true", help="융자·보증 사업 제외")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Plan and write; print one line per file and the accounting of the clients CSV."""
    from usecases.roadmap import RoadmapOptions

    options = RoadmapOptions(max_per_phase=args.max_per_phase, include_loans=not args.no_loans)
    if args.clients:
        return _run_clients(args, options)
    return _run_one(args, options)


def _run_one(args: argparse.Namespace, options: RoadmapOptions) -> int:
    from graph.clients import client_from_json
    from loaders.errors import ProfileError
    from usecases.roadmap import files, plan

    out = Path(args.output)
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise OutputError(
            f"출력 파일 '{out.name}'의 확장자를 알 수 없습니다 — .xlsx 또는 .csv로 지정하세요."
        )
    source = Path(args.profile)
    try:
        text = source.read_bytes()
    except OSError as exc:
        raise ProfileError(f"프로필 파일을 열 수 없습니다: {source} ({exc.strerror})") from None
    client = client_from_json(text, name=f"프로필 파일 {source.name}")
    name = args.client or client.name
    catalogue = catalogue_from_args(args)
    roadmap = plan(catalogue.programs, client.profile, options, edits=client.edits)
    made = files(roadmap, catalogue, client=name)
    try:
        out.write_bytes(made.xlsx if suffix == ".xlsx" else made.csv)
    except OSError as exc:
        raise OutputError(f"'{out}'에 쓸 수 없습니다: {exc.strerror or exc}") from None
    print(
        f"로드맵 저장: {out} (추천 {len(roadmap.steps)}개 · 공백 {len(roadmap.gaps)}개 단계) — "
        f"{catalogue.label}"
    )
    return 0


def _run_clients(args: argparse.Namespace, options: RoadmapOptions) -> int:
    from graph.clients import read_clients_csv
    from loaders.errors import ProfileError
    from usecases.roadmap import write_clients

    source = Path(args.clients)
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise ProfileError(f"고객 CSV를 열 수 없습니다: {source} ({exc.strerror})") from None
    loaded = read_clients_csv(data, name=source.name)
    out = Path(args.output)
    if out.suffix.lower() in FORMATS:
        raise OutputError(
            f"--clients의 출력은 폴더입니다 — '{out}' 대신 폴더 이름을 주세요 (예: -o roadmaps)."
        )
    catalogue = catalogue_from_args(args)
    try:
        written = write_clients(loaded, catalogue, out, options)
    except OSError as exc:
        raise OutputError(f"'{out}'에 쓸 수 없습니다: {exc.strerror or exc}") from None
    for summary in written.summaries:
        if summary.file:
            gaps = f" · 공백 {', '.join(summary.gaps)}" if summary.gaps else ""
            print(f"  {summary.client}: {summary.file} (추천 {summary.steps}개{gaps})")
    for problem in loaded.problems:
        print(f"  ※ {problem.describe()}")
    print(f"고객 목록: {written.index} — {loaded.accounting()} — {catalogue.label}")
    return 0 if loaded.clients or not loaded.rows_read else 1
