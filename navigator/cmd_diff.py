"""``navigator diff OLD NEW``: what changed between two notices (new, dropped, renamed, merged).

A thin layer over :mod:`usecases.diff` — the calls the 연도 비교 page makes — printed as text
for people or, with ``--json``, as one JSON document. ``-o diff.xlsx`` writes the page's Excel
file, ``--svg DIR`` its charts (SVG, each with the CSV of its table), ``--lineage-out
lineage.csv`` the lineage table, which a person may correct and give back with ``--lineage``.

OLD and NEW each name a notice: a file (``.xlsx``/``.csv``), a K-Startup snapshot (``.json``, or
``snapshot`` for the newest good one), or an embedded year (``embedded:2025``; ``embedded`` alone
is the default year). The engine is imported inside :func:`run` so ``navigator --help`` stays fast.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from loaders.errors import NavigatorError

if TYPE_CHECKING:
    from graph.diff import NoticeDiff

__all__ = ["register", "render_text", "run"]


class OutputError(NavigatorError):
    """An output file cannot be written."""


def _threshold(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}'는 숫자가 아닙니다") from None
    if not 0 < value <= 100:
        raise argparse.ArgumentTypeError("0보다 크고 100 이하여야 합니다")
    return value


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``diff`` subcommand."""
    p = sub.add_parser(
        "diff",
        help="두 통합공고(파일·스냅샷·내장 연도)를 비교합니다: 신규·폐지·명칭 변경·통합·예산 증감",
    )
    for name, what in (("old", "이전"), ("new", "새")):
        p.add_argument(
            name,
            metavar=name.upper(),
            help=f"{what} 공고: 파일(.xlsx/.csv), 스냅샷(.json 또는 snapshot), embedded[:연도]",
        )
    p.add_argument("--json", action="store_true", help="JSON 하나로 출력")
    p.add_argument(
        "--lineage",
        metavar="LINEAGE.csv",
        help="사람이 고친 계보 표(CSV): 여기 적힌 사업은 자동 판정 대신 이 표를 따릅니다",
    )
    p.add_argument("--lineage-out", metavar="FILE.csv", help="계보 표를 CSV로 저장")
    p.add_argument("-o", "--output", metavar="FILE.xlsx", help="비교 결과를 Excel로 저장")
    p.add_argument(
        "--svg",
        metavar="DIR",
        help="그림(SVG)과 그 표(CSV)를 폴더에 저장: 예산 흐름, 사업별, 부처별, 지원유형별",
    )
    p.add_argument(
        "--threshold",
        type=_threshold,
        default=None,
        metavar="T",
        help="자동 연결 기준 사업명 유사도 (기본 80)",
    )
    p.add_argument(
        "--strict", action="store_true", help="계보 표에 적용하지 못한 행이 있으면 종료 코드 1"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Compare, print, write the requested files; 1 under ``--strict`` with lineage issues."""
    from graph.diff import read_lineage_csv
    from usecases.diff import charts, compare, files, load_notice

    old, new = load_notice(args.old), load_notice(args.new)
    edits = read_lineage_csv(args.lineage) if args.lineage else []
    diff = compare(old, new, threshold=args.threshold, edits=edits)
    written: list[str] = []
    if args.output or args.lineage_out:
        made = files(diff)
        if args.output:
            out = Path(args.output)
            if out.suffix.lower() != ".xlsx":
                raise OutputError(f"'{out.name}': Excel 파일은 .xlsx로 지정하세요.")
            _write(out, made.xlsx)
            written.append(f"Excel 저장: {out}")
        if args.lineage_out:
            out = Path(args.lineage_out)
            _write(out, made.lineage_csv)
            written.append(f"계보 표 저장: {out}")
    if args.svg:
        folder = Path(args.svg)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(
                f"{folder}: 폴더를 만들 수 없습니다 ({exc.strerror or exc})."
            ) from None
        for chart in charts(diff).values():
            _write(folder / f"{chart.stem}.svg", chart.svg)
            _write(folder / f"{chart.stem}.csv", chart.csv)
        written.append(f"그림(SVG)과 표(CSV) 저장: {folder}/ ({len(charts(diff))}쌍)")
    if args.json:
        from navigator.common import print_json

        print_json(diff.to_dict())
    else:
        print(render_text(diff))
        for line in written:
            print(line)
    if diff.issues:
        import sys

        for issue in diff.issues:
            print(f"경고: 계보 표 {issue.describe()}", file=sys.stderr)
    return 1 if args.strict and diff.issues else 0


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise OutputError(f"{path}: 파일을 쓸 수 없습니다 ({exc.strerror or exc}).") from None


def _eok(value: float | None) -> str:
    return "미상" if value is None else f"{value:,.1f}억원"


def render_text(diff: NoticeDiff) -> str:
    """Human-readable diff: data and scope, counts, every non-trivial link with its reason,
    budget moves and notes."""
    from graph.diff import RELATION_LABELS, RELATIONS

    counts = diff.program_counts()
    lines = [
        f"이전: {diff.old.label} — {diff.old.coverage}",
        f"새:   {diff.new.label} — {diff.new.coverage}",
        "",
        "  ".join(
            f"{RELATION_LABELS[r]} {diff.counts()[r]}"
            + (f" (이전 {counts[r][0]}→새 {counts[r][1]})" if r in ("merged", "split") else "")
            for r in RELATIONS
        ),
    ]
    for relation in ("renamed", "merged", "split", "dropped", "new"):
        links = [link for link in diff.links if link.relation == relation]
        if not links:
            continue
        lines.append(f"\n[{RELATION_LABELS[relation]} {len(links)}]")
        for link in links:
            before = " + ".join(diff.old_programs[i].name for i in link.old_ids)
            after = " + ".join(diff.new_programs[i].name for i in link.new_ids)
            arrow = f"{before} → {after}" if before and after else (before or after)
            lines.append(f"  {arrow}")
            lines.append(f"      {link.reason}")
    moves = [link for link in diff.links if link.budget_change]
    if moves:
        lines.append("\n[예산 증감 — 양쪽 예산이 모두 적힌 사업]")
        for link in sorted(moves, key=lambda x: -abs(x.budget_change or 0)):
            name = " + ".join(diff.new_programs[i].name for i in link.new_ids)
            lines.append(
                f"  {name:<30} {_eok(link.old_budget)} → {_eok(link.new_budget)} "
                f"({link.budget_change:+,.1f}억원)"
            )
    lines.append("\n[예산 흐름 — 적힌 예산만]")
    for step in diff.waterfall():
        sign = "" if step.kind == "total" else "+" if step.amount >= 0 else ""
        n = f" ({step.programs}개)" if step.programs else ""
        lines.append(f"  {step.label:<24} {sign}{step.amount:,.1f}억원{n}")
    if diff.notes:
        lines.append("")
        lines += [f"참고: {note}" for note in diff.notes]
    return "\n".join(lines)
