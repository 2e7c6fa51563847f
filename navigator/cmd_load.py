"""``navigator load``: load notice files (or the embedded dataset) and print the summary."""

from __future__ import annotations

import argparse
from typing import Any

from navigator.common import add_data_args, catalogue_from_args, print_json

__all__ = ["register", "run"]


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``load`` subcommand."""
    p = sub.add_parser("load", help="통합공고 파일을 불러와 요약과 적재 보고서를 출력합니다")
    add_data_args(p, positional=True)
    p.add_argument("--json", action="store_true", help="JSON 하나로 출력")
    p.add_argument(
        "--embedded",
        action="store_true",
        help="K-Startup 스냅샷이 있어도 내장 데이터를 씁니다 (FILE이 없을 때)",
    )
    p.add_argument(
        "--strict",
        action="store_true",
        help="거부된 행·의심스러운 행이 있거나 합계가 공표 총액을 넘으면 종료 코드 1",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Load and print; under ``--strict`` return 1 when anything is not plausible.

    That is: a rejected row, a suspicious (noise-like) row, or a total above the year's
    published one.
    """
    from loaders.catalogue import summarise

    catalogue = catalogue_from_args(args)
    summary = summarise(catalogue)
    if args.json:
        print_json(summary)
    else:
        print(render_text(summary))
    failed = summary["rejected"] or summary["suspicious"] or summary["flags"]
    return 1 if args.strict and failed else 0


def _table(title: str, groups: dict[str, dict[str, Any]], limit: int | None = None) -> list[str]:
    lines = [f"\n[{title}]"]
    items = list(groups.items())
    for name, g in items[:limit]:
        budget = (
            f"{g['budget_eok']:>10,.1f}억원 ({g['with_budget']}개 예산 명시)"
            if g["with_budget"]
            else "   예산 미상"
        )
        lines.append(f"  {name:<20} {g['count']:>4}개  {budget}")
    if limit and len(items) > limit:
        lines.append(f"  … 외 {len(items) - limit}개")
    return lines


def render_text(s: dict[str, Any]) -> str:
    """Human-readable summary with every skipped and rejected row."""
    from loaders.catalogue import coverage_lines
    from loaders.report import RowIssue

    lines = [
        s["label"],
        s["coverage"],
        f"사업 {s['programs']}개 · 기관 {s['institutions']}곳 (기관 미상 {s['programs_without_institution']}개 사업)"
        f" · 예산 합계 {s['total_budget_eok']:,.1f}억원 (예산 명시 {s['programs_with_budget']}개 사업)",
        s["accounting"],
        "",
        "[판정에 쓰는 사실의 수록 범위]",
        *(f"  {line}" for line in coverage_lines(s["fact_coverage"])),
    ]
    if s["suspicious"]:
        lines.append(
            f"의심스러운 행 {len(s['suspicious'])}개 (불러왔지만 잡음으로 보임 — 아래 목록)"
        )
    lines += [f"※ 확인 필요: {flag}" for flag in s["flags"]]
    lines += _table("지원유형별", s["by_support_type"])
    lines += _table("구분별", s["by_level"])
    lines += _table("중앙부처별", s["by_ministry"], 20)
    lines += _table("지자체 시·도별", s["by_region"], 20)
    lines.append("\n[머리글 매핑]")
    for where, mapping in s["column_mapping"].items():
        lines.append(f"  {where}")
        for header, m in mapping.items():
            target = m["field"] or "(사용 안 함)"
            how = f"{m['method']} {m['score']:.0f}" if m["method"] == "fuzzy" else m["method"]
            lines.append(f"    '{header}' → {target} ({how})")
    sections = (
        ("건너뛴 행", "skipped"),
        ("거부된 행", "rejected"),
        ("의심스러운 행", "suspicious"),
        ("경고", "warnings"),
    )
    for title, key in sections:
        items = s[key]
        lines.append(f"\n[{title}: {len(items)}]")
        lines += [f"  {RowIssue(**i).describe()}" for i in items]
    if s["ignored_sheets"]:
        lines.append("\n[읽지 않은 시트]")
        lines += [f"  {x['file']} · {x['sheet']}: {x['reason']}" for x in s["ignored_sheets"]]
    if s["notes"]:
        lines.append("\n[참고]")
        lines += [f"  {n}" for n in s["notes"]]
    return "\n".join(lines)
