"""``navigator calls``: every call (공고) judged for a profile, open or closed, and its program.

One call of :func:`usecases.calls.board` (the 모집 공고 page's list) plus printing:
the calls come from ``--calls FILE`` (API items as a JSON list, or a page with ``data`` — a saved
sync page works too), else the active calls (newest K-Startup snapshot, else the embedded real
calls). Every call in the input appears in the output. ``--as-of`` sets the day calls are open or
closed on (and the profile's 기준일); 업력 and age are counted on each call's own date. The use case
is imported inside :func:`run` so ``navigator --help`` stays fast.
"""

from __future__ import annotations

import argparse
import sys

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
    """Judge every call for the profile (:func:`usecases.calls.board`, the 모집 공고 page's
    list); JSON list or grouped text."""
    from navigator.cmd_engine import load_profile
    from navigator.common import catalogue_from_args, print_json
    from usecases.calls import board, load_calls

    profile = load_profile(args.profile, as_of=args.as_of)
    calls = load_calls(args.calls)
    catalogue = catalogue_from_args(args)
    found = board(calls.announcements, profile, catalogue.programs)
    for issue in calls.report.rejected:
        print(f"건너뛴 항목: {issue.describe()}", file=sys.stderr)
    for issue in calls.report.skipped:
        print(f"중복 공고: {issue.describe()}", file=sys.stderr)
    if args.json:
        print_json(found.to_dicts())
        return 0
    today = found.today
    counts = found.counts()
    print(calls.label)
    print(f"사업 목록: {catalogue.label}")
    print(
        f"기준일 {today.isoformat()} · {profile.business_age_text()} — 업력·나이는 공고마다 "
        "접수 시작일(공고일) 기준으로 셉니다"
    )
    print(
        f"공고 {len(found.rows):,}건: "
        + " · ".join(f"{_MARKS[s]} {counts[s]:,}" for s in _MARKS)
        + f" · 사업과 연결 {found.linked():,}"
    )
    state = None
    for row in found.rows:
        call = row.call
        if row.state != state:
            state = row.state
            group = sum(r.state == state for r in found.rows)
            print(f"\n[{CALL_STATE_LABELS[state]}: {group:,}건]")
        who = f" ({call.organiser})" if call.organiser else ""
        print(f"  {_MARKS[row.verdict.status]} | {call.title}{who}")
        print(f"    {call.period or '기간 미상'} · {row.when} · {call.url}")
        if row.program_id is not None:
            name = row.program_name or row.program_id
            print(f"    → 통합공고 사업: {name} (연결 {row.link_score:g}점 — {row.link_reason})")
        for reason in row.verdict.reasons:
            print(f"    - {reason}")
    return 0
