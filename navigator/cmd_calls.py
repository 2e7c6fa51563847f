"""``navigator calls``: every call (공고) judged for a profile, open or closed, and its program.

A thin layer over :func:`graph.calls.judge_calls` and :func:`loaders.announcements.join_to_programs`:
the calls come from ``--calls FILE`` (API items as a JSON list, or a page with ``data`` — a saved
sync page works too), else the active calls (newest K-Startup snapshot, else the embedded real
calls). Every call in the input appears in the output. ``--as-of`` sets the day calls are open or
closed on (and the profile's 기준일); 업력 and age are counted on each call's own date. The engine
is imported inside :func:`run` so ``navigator --help`` stays fast.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from loaders.vocab import CALL_STATE_LABELS, STATUS_LABELS, STATUS_MARKS, STATUSES
from navigator.common import add_data_args

__all__ = ["register", "run"]

_MARKS = {s: f"{STATUS_MARKS[s]} {STATUS_LABELS[s]}" for s in STATUSES}


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``calls`` subcommand."""
    p = sub.add_parser(
        "calls",
        help="공고(모집 공고)마다 프로필의 신청 가능 여부·모집 중/마감(D-n)·연결된 사업을 보여 줍니다",
    )
    p.add_argument("--profile", required=True, metavar="PROFILE.json", help="기업 프로필 JSON")
    p.add_argument(
        "--calls",
        nargs="+",
        metavar="FILE",
        default=[],
        help="공고 항목 JSON (목록 또는 'data'가 있는 페이지); 없으면 K-Startup 스냅샷, "
        "그것도 없으면 내장 공고",
    )
    p.add_argument(
        "--as-of",
        metavar="YYYY-MM-DD",
        help="이 날짜 기준으로 모집 중/마감과 D-n을 셉니다 (프로필의 기준일도 이 날짜)",
    )
    add_data_args(p)
    p.add_argument("--json", action="store_true", help="JSON 목록으로 출력")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Judge every call for the profile; JSON list or grouped text."""
    from graph.calls import judge_calls, sort_calls
    from loaders.announcements import join_to_programs, load_active_announcements, load_call_files
    from navigator.cmd_engine import load_profile
    from navigator.common import catalogue_from_args, print_json

    profile = load_profile(args.profile, as_of=args.as_of)
    today = profile.as_of
    if args.calls:
        calls, report = load_call_files(args.calls)
        label = f"공고 파일 {', '.join(args.calls)} ({len(calls):,}건)"
    else:
        found = load_active_announcements()
        calls, report, label = list(found.announcements), found.report, found.label
    catalogue = catalogue_from_args(args)
    joined = join_to_programs(calls, catalogue.programs)
    verdicts = judge_calls(calls, profile)
    ordered = sort_calls(calls, today, verdicts)
    by_id = catalogue.by_id()
    for issue in report.rejected:
        print(f"건너뛴 항목: {issue.describe()}", file=sys.stderr)
    for issue in report.skipped:
        print(f"중복 공고: {issue.describe()}", file=sys.stderr)
    rows: list[dict[str, Any]] = []
    for call in ordered:
        link = joined.link_of(call.pbanc_sn)
        verdict = verdicts[call.pbanc_sn]
        rows.append(
            {
                "pbanc_sn": call.pbanc_sn,
                "title": call.title,
                "status": verdict.status,
                "reasons": list(verdict.reasons),
                "open": call.state(today) == "open",
                "d_day": call.d_day(today),
                "program_id": link.program_id if link else None,
                "link_score": link.score if link and link.program_id else None,
            }
        )
    if args.json:
        print_json(rows)
        return 0
    counts = {s: sum(r["status"] == s for r in rows) for s in _MARKS}
    print(label)
    print(f"사업 목록: {catalogue.label}")
    print(
        f"기준일 {today.isoformat()} · {profile.business_age_text()} — 업력·나이는 공고마다 "
        "접수 시작일(공고일) 기준으로 셉니다"
    )
    print(
        f"공고 {len(rows):,}건: "
        + " · ".join(f"{_MARKS[s]} {counts[s]:,}" for s in _MARKS)
        + f" · 사업과 연결 {sum(r['program_id'] is not None for r in rows):,}"
    )
    state = None
    for call, row in zip(ordered, rows, strict=True):
        now = call.state(today)
        if now != state:
            state = now
            group = sum(c.state(today) == now for c in ordered)
            print(f"\n[{CALL_STATE_LABELS[now]}: {group:,}건]")
        who = f" ({call.organiser})" if call.organiser else ""
        print(f"  {_MARKS[row['status']]} | {call.title}{who}")
        days = call.d_day(today)
        when = call.status(today)
        if now == "closed" and days is not None:
            when += f" (D+{-days})"
        print(f"    {call.period or '기간 미상'} · {when} · {call.url}")
        link = joined.link_of(call.pbanc_sn)
        if link is not None and link.program_id is not None:
            program = by_id.get(link.program_id)
            name = program.name if program else link.program_id
            print(f"    → 통합공고 사업: {name} (연결 {link.score:g}점 — {link.reason})")
        for reason in row["reasons"]:
            print(f"    - {reason}")
    return 0
