"""``navigator roadmap``: write the consultant's roadmap to Excel or CSV.

The CLI twin of the 지원 경로 page's download buttons: the same :func:`graph.path.plan_path`
and the same :func:`graph.export.roadmap_to_excel` / :func:`graph.export.roadmap_to_csv`, so the
file is the one the page gives for the same profile, data and options. The format follows the
output file's extension (``.xlsx`` or ``.csv``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from graph.export import roadmap_to_csv, roadmap_to_excel
from graph.path import plan_path
from loaders.errors import NavigatorError

# The same profile reader and positive-integer check as ``navigator path``.
from navigator.cmd_engine import _positive, load_profile
from navigator.common import add_data_args, catalogue_from_args

__all__ = ["FORMATS", "register", "run"]

FORMATS: tuple[str, ...] = (".xlsx", ".csv")


class OutputError(NavigatorError):
    """The output file cannot be written (unknown extension, missing folder, no permission)."""


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``roadmap`` subcommand."""
    p = sub.add_parser(
        "roadmap",
        help="지원 경로(로드맵)를 Excel(.xlsx) 또는 CSV 파일로 저장합니다 (앱의 내보내기와 같은 파일)",
    )
    p.add_argument("--profile", required=True, metavar="PROFILE.json", help="기업 프로필 JSON")
    add_data_args(p)
    p.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help="저장할 파일: roadmap.xlsx 또는 roadmap.csv (확장자로 형식 결정)",
    )
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
    """Plan the roadmap, write it, print one line saying where and what."""
    out = Path(args.output)
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise OutputError(
            f"출력 파일 '{out.name}'의 확장자를 알 수 없습니다 — .xlsx 또는 .csv로 지정하세요."
        )
    profile = load_profile(args.profile)
    catalogue = catalogue_from_args(args)
    # Same call and options as the page (pages/_caches.roadmap): the profile's own fields.
    roadmap = plan_path(
        catalogue.programs,
        profile,
        fields=tuple(profile.fields) or None,
        max_per_phase=args.max_per_phase,
        include_loans=not args.no_loans,
    )
    by_id = catalogue.by_id()
    if suffix == ".xlsx":
        data = roadmap_to_excel(roadmap, by_id, profile, dataset_label=catalogue.label)
    else:
        data = roadmap_to_csv(roadmap, by_id, profile)
    try:
        out.write_bytes(data)
    except OSError as exc:
        raise OutputError(f"'{out}'에 쓸 수 없습니다: {exc.strerror or exc}") from None
    print(
        f"로드맵 저장: {out} (추천 {len(roadmap.steps)}개 · 공백 {len(roadmap.gaps)}개 단계) — "
        f"{catalogue.label}"
    )
    return 0
