"""``navigator coverage``: stage × support-phase coverage, its gaps, and what a place can reach.

The CLI twin of the 지원 공백 page: :func:`usecases.coverage.view` over the catalogue (or, with
``--region``, over the programs in reach of a firm there), printed as a grid with gaps marked or
as JSON; ``-o FILE.svg`` / ``-o FILE.csv`` writes the page's heatmap or its cell table.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from loaders.errors import NavigatorError
from navigator.common import add_data_args

if TYPE_CHECKING:
    from graph.coverage import CoverageMatrix

__all__ = ["register", "render_matrix", "run"]


class OptionError(NavigatorError):
    """A field or 시·도 option that is not in the vocabulary."""


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``coverage`` subcommand."""
    p = sub.add_parser(
        "coverage",
        help="성장 단계(분야·시·도) × 지원 국면별 사업 수·예산과 공백, 지역에서 닿는 사업",
    )
    add_data_args(p, positional=True)
    p.add_argument("--embedded", action="store_true", help="내장 데이터를 씁니다 (FILE이 없을 때)")
    p.add_argument(
        "--by", choices=("stage", "field", "sido"), default="stage", help="행 기준 (기본 stage)"
    )
    p.add_argument("--measure", choices=("count", "budget"), default="count", help="칸의 값")
    p.add_argument("--field", metavar="분야", help="이 분야 사업만 (예: 바이오·헬스, AI)")
    p.add_argument("--sido", metavar="시·도", help="이 시·도 지자체 사업만")
    p.add_argument(
        "--region", metavar="시·도", help="이 시·도 기업이 닿는 사업만 (전국 + 시·도 + 시·군·구)"
    )
    p.add_argument("--district", metavar="시·군·구", help="--region과 함께: 기업의 시·군·구")
    p.add_argument("--json", action="store_true", help="JSON 하나로 출력")
    p.add_argument(
        "-o", "--output", metavar="FILE", help="표를 그림(.svg) 또는 칸별 표(.csv)로 저장"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Build the matrix (and reach), print it, write ``-o`` when asked."""
    from loaders.regions import canonical_sido
    from loaders.taxonomy import canonical_field
    from navigator.common import catalogue_from_args, print_json
    from usecases.coverage import files, title, view

    field = sido = None
    if args.field:
        field = canonical_field(args.field)
        if field is None:
            raise OptionError(f"--field '{args.field}': 알 수 없는 분야입니다.")
    if args.sido:
        sido = canonical_sido(args.sido)
        if sido is None:
            raise OptionError(f"--sido '{args.sido}': 알 수 없는 시·도입니다.")
    if args.district and not args.region:
        raise OptionError("--district는 --region과 함께 쓰세요.")
    out = Path(args.output) if args.output else None
    if out is not None and out.suffix.lower() not in (".svg", ".csv"):
        raise OptionError(f"'{out.name}': 출력 파일은 .svg 또는 .csv로 지정하세요.")
    catalogue = catalogue_from_args(args)
    shown = view(
        catalogue.programs,
        by=args.by,
        field=field,
        sido=sido,
        region=args.region,
        district=args.district,
    )
    matrix, found = shown.matrix, shown.reach
    if out is not None:
        heading = title(
            matrix.by, field=field, sido=sido, place=found.place if found is not None else None
        )
        made = files(matrix, measure=args.measure, title=heading, desc=catalogue.label)
        try:
            out.write_bytes(made.svg if out.suffix.lower() == ".svg" else made.csv)
        except OSError as exc:
            raise OptionError(f"{out}: 파일을 쓸 수 없습니다 ({exc.strerror or exc}).") from None
    if args.json:
        doc: dict[str, Any] = {"label": catalogue.label, "matrix": matrix.to_dict()}
        if found is not None:
            doc["reach"] = {
                "place": found.place,
                "counts": found.counts(),
                "scope": dict(found.scope),
            }
        print_json(doc)
        return 0
    print(catalogue.label)
    if found is not None:
        counts = found.counts()
        parts = [f"{found.label(s)} {n}개" for s, n in counts.items() if n]
        print(f"{found.place} 기업이 닿는 사업 {len(found.ids())}개 — " + " · ".join(parts))
    print(render_matrix(matrix, measure=args.measure))
    if out is not None:
        print(f"저장: {out}")
    return 0


def _width(text: str) -> int:
    """Terminal columns: Hangul and other wide characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, *, left: bool = False) -> str:
    space = " " * max(width - _width(text), 0)
    return text + space if left else space + text


def render_matrix(matrix: CoverageMatrix, *, measure: str = "count") -> str:
    """The grid as text: counts (or 억원), "—" for a gap and "?" for a gap that programs of
    unknown stage or place may fill; then the notes."""
    from graph.coverage import AXIS_LABELS

    width = max(_width(r) for r in [*matrix.rows, AXIS_LABELS[matrix.by]]) + 2
    head = _pad(AXIS_LABELS[matrix.by], width, left=True) + "".join(
        _pad(c, 16) for c in matrix.cols
    )
    lines = ["", head]
    for row in matrix.rows:
        cells = []
        for col in matrix.cols:
            cell = matrix.cell(row, col)
            if matrix.confirmed_gap(row, col):
                text = "—"
            elif matrix.is_gap(row, col):
                text = "?"
            elif measure == "budget":
                text = f"{cell.budget_eok:,.0f}" if cell.with_budget else "미상"
            else:
                text = str(cell.count)
            cells.append(_pad(text, 16))
        lines.append(_pad(row, width, left=True) + "".join(cells))
    gaps = matrix.gaps()
    confirmed = sum(1 for *_, sure in gaps if sure)
    lines.append(f"\n공백 {len(gaps)}칸 (확인 {confirmed}, 미확인 {len(gaps) - confirmed})")
    lines += [f"참고: {n}" for n in matrix.notes]
    return "\n".join(lines)
