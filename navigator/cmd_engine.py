"""``navigator eligible | path | duplicates``: the navigation engine from the command line.

Each subcommand is a thin layer over :mod:`graph`: the same calls the app makes, printed as
text for people or, with ``--json``, as one JSON document for scripts. A bad profile raises
:class:`~loaders.errors.ProfileError`, which ``navigator.cli.main`` turns into a one-line message
naming the field and exit code 2.

The engine modules (pandas, networkx, rapidfuzz behind them) are imported inside the commands,
so that ``navigator --help`` and each ``--help`` stay fast.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from graph.profile import FirmProfile, profile_from_dict
from loaders.errors import NavigatorError, ProfileError
from loaders.vocab import STATUS_LABELS, STATUSES
from navigator.common import add_data_args, catalogue_from_args, print_json

__all__ = [
    "load_profile",
    "profile_from_json",
    "register",
    "run_duplicates",
    "run_eligible",
    "run_path",
]

# graph.duplicates.DEFAULT_THRESHOLD, RELATIONS and DEFAULT_RELATIONS, written out for --help
# (tests check they agree).
_DUPLICATE_THRESHOLD_HELP = 65.0
_RELATIONS_HELP: tuple[str, ...] = (
    "overlap",
    "local_copy",
    "sector_variant",
    "ladder",
    "regional_copies",
)
_DEFAULT_RELATIONS_HELP: tuple[str, ...] = ("overlap", "local_copy", "sector_variant")


def load_profile(path: str | Path, *, as_of: str | None = None) -> FirmProfile:
    """Read and validate a profile JSON file (unknown keys are errors, to catch typos).

    ``as_of`` (YYYY-MM-DD, from a command's ``--as-of``) replaces the file's 기준일.
    """
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ProfileError(f"프로필 파일을 열 수 없습니다: {file} ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise ProfileError(f"프로필 파일 {file.name}이 UTF-8 텍스트가 아닙니다.") from None
    return profile_from_json(text, file.name, as_of=as_of)


def profile_from_json(text: str, name: str = "프로필", *, as_of: str | None = None) -> FirmProfile:
    """A validated profile from JSON text; any problem is a :class:`ProfileError`.

    Whatever the text — not JSON, nested a thousand deep, ``Infinity`` for an age — the only
    error raised is :class:`ProfileError`, which the CLI prints as one line with exit code 2.
    ``as_of`` (YYYY-MM-DD) replaces the profile's 기준일.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProfileError(
            f"프로필 파일 {name}이 올바른 JSON이 아닙니다 ({exc.lineno}행 {exc.colno}열: {exc.msg})"
        ) from None
    except RecursionError:
        raise ProfileError(f"프로필 파일 {name}의 JSON이 너무 깊게 중첩되어 있습니다.") from None
    except ValueError as exc:  # e.g. an integer literal of more than 4,300 digits
        raise ProfileError(f"프로필 파일 {name}의 값을 읽을 수 없습니다 ({exc}).") from None
    if not isinstance(data, dict):
        raise ProfileError(f"프로필 파일 {name}은 JSON 객체({{...}})여야 합니다.")
    if as_of is not None:
        data = {**data, "as_of": as_of}
    return profile_from_dict(data, strict=True)


def _threshold(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}'는 숫자가 아닙니다") from None
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError("0에서 100 사이여야 합니다")
    return value


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}'는 정수가 아닙니다") from None
    if value < 1:
        raise argparse.ArgumentTypeError("1 이상이어야 합니다")
    return value


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``eligible``, ``path`` and ``duplicates`` subcommands."""
    p = sub.add_parser(
        "eligible", help="프로필에 맞는 사업을 신청 가능/확인 필요/해당 없음으로 판정합니다"
    )
    p.add_argument("--profile", required=True, metavar="PROFILE.json", help="기업 프로필 JSON")
    add_data_args(p)
    p.add_argument("--json", action="store_true", help="JSON 목록으로 출력")
    p.add_argument(
        "--status",
        choices=STATUSES,
        action="append",
        help="이 판정만 출력 (여러 번 지정 가능)",
    )
    p.add_argument(
        "--calls",
        nargs="+",
        metavar="FILE",
        default=[],
        help="근거로 쓸 공고 JSON (목록 또는 'data' 페이지); 없으면 K-Startup 스냅샷, 그것도 "
        "없으면 내장 공고",
    )
    p.add_argument(
        "--no-calls",
        action="store_true",
        help="공고를 근거로 쓰지 않고 통합공고 데이터만으로 판정",
    )
    p.set_defaults(func=run_eligible)

    p = sub.add_parser("path", help="R&D부터 글로벌까지 단계별 지원 경로(로드맵)를 만듭니다")
    p.add_argument("--profile", required=True, metavar="PROFILE.json", help="기업 프로필 JSON")
    add_data_args(p)
    p.add_argument("--json", action="store_true", help="JSON 하나로 출력")
    p.add_argument(
        "--max-per-phase", type=_positive, default=2, metavar="N", help="단계별 최대 사업 수"
    )
    p.add_argument("--no-loans", action="store_true", help="융자·보증 사업 제외")
    p.add_argument(
        "--field",
        action="append",
        metavar="FIELD",
        help="선호 기술분야 (프로필 대신; 여러 번 지정 가능)",
    )
    p.set_defaults(func=run_path)

    p = sub.add_parser(
        "duplicates",
        help="같은 기업이 같은 지원을 두 번 받을 수 있는 사업 쌍(중복)과 그 관계를 찾습니다",
    )
    add_data_args(p)
    p.add_argument(
        "--threshold",
        type=_threshold,
        default=None,
        metavar="T",
        help=f"같은 지원 점수 기준 0–100 (기본 {_DUPLICATE_THRESHOLD_HELP:g})",
    )
    p.add_argument(
        "--relation",
        type=_relations,
        action="append",
        metavar="R",
        help=(
            f"보고할 관계 ({', '.join(_RELATIONS_HELP)} 또는 all; 쉼표로 여럿, 여러 번 지정 가능). "
            f"기본 {','.join(_DEFAULT_RELATIONS_HELP)}"
        ),
    )
    p.add_argument("--json", action="store_true", help="JSON 하나로 출력")
    p.add_argument(
        "--include-undetermined",
        action="store_true",
        help="지역을 알 수 없어 관계를 확정할 수 없는 쌍도 표시 (certain=false)",
    )
    p.set_defaults(func=run_duplicates)


def _relations(text: str) -> tuple[str, ...]:
    """``overlap,ladder`` -> ("overlap", "ladder"); ``all`` -> every relation."""
    names = [t.strip() for t in text.split(",") if t.strip()]
    if names == ["all"]:
        return _RELATIONS_HELP
    bad = [n for n in names if n not in _RELATIONS_HELP]
    if bad or not names:
        raise argparse.ArgumentTypeError(
            f"알 수 없는 관계 '{','.join(bad) or text}' (가능: {', '.join(_RELATIONS_HELP)}, all)"
        )
    return tuple(names)


def run_eligible(args: argparse.Namespace) -> int:
    """Judge every program for the profile (:func:`usecases.eligibility.check`, the verdicts
    the pages show); JSON list or grouped text."""
    from usecases.calls import load_calls
    from usecases.eligibility import check

    profile = load_profile(args.profile)
    catalogue = catalogue_from_args(args)
    # Linked calls are evidence: an open call's 공고일 is the date 업력 is counted on.
    calls = None if args.no_calls else load_calls(args.calls)
    result = check(catalogue.programs, profile, calls)
    wanted = args.status or STATUSES
    if args.json:
        print_json(result.to_dicts(wanted))
        return 0
    counts = result.counts()
    print(catalogue.label)
    if result.calls_label:
        print(f"근거 공고: {result.calls_label}")
    print(
        f"사업 {len(result.verdicts)}개: "
        + " · ".join(f"{STATUS_LABELS[s]} {counts[s]}" for s in STATUSES)
    )
    rows = result.rows(wanted)
    for status in STATUSES:
        group = [(p, v) for p, v in rows if v.status == status]
        if not group:
            continue
        print(f"\n[{STATUS_LABELS[status]}: {len(group)}]")
        for program, verdict in group:
            who = f" ({program.institution})" if program.institution else ""
            print(f"  {program.name}{who}")
            for reason in verdict.reasons:
                print(f"    - {reason}")
    return 0


def run_path(args: argparse.Namespace) -> int:
    """Plan the roadmap (:func:`usecases.roadmap.plan`, the 지원 경로 page's call); JSON
    (steps, gaps, assumptions) or text."""
    from usecases.roadmap import RoadmapOptions, plan

    profile = load_profile(args.profile)
    catalogue = catalogue_from_args(args)
    options = RoadmapOptions(
        max_per_phase=args.max_per_phase,
        include_loans=not args.no_loans,
        fields=tuple(args.field) if args.field else None,
    )
    roadmap = plan(catalogue.programs, profile, options)
    if args.json:
        print_json(roadmap.to_dict())
        return 0
    print(catalogue.label)
    print(f"기준일 {profile.as_of.isoformat()} · {profile.business_age_text()}")
    print("\n[지원 경로 — 신청할 수 있게 되는 순서]")
    for n, step in enumerate(roadmap.steps, start=1):
        when = step.available_from.isoformat()
        mark = f" (확인 필요: {step.needs})" if step.needs else ""
        who = f" — {step.institution}" if step.institution else ""
        print(f"  {n}. {when}~ [{step.phase}] {step.name}{who}{mark}")
        print(f"     {step.why}")
    if roadmap.gaps:
        print("\n[공백 단계]")
        for gap in roadmap.gaps:
            print(f"  {gap.phase}: {gap.reason}")
            if gap.near_miss is not None:
                near = gap.near_miss
                print(f"     가장 가까운 사업: {near.name} — {near.reason}")
            for cand in gap.candidates:
                print(f"     {cand.label}: {cand.name} — {cand.why}")
    if roadmap.alternatives:
        print("\n[경로 밖 대안]")
        for alt in roadmap.alternatives:
            print(f"  {alt.label} [{alt.phase}] {alt.name} — {alt.why}")
    print("\n[가정]")
    for line in roadmap.assumptions:
        print(f"  - {line}")
    return 0


def run_duplicates(args: argparse.Namespace) -> int:
    """Find duplicated programs (:func:`usecases.duplicates.run`); JSON (pairs with relation
    and reach, clusters) or text."""
    from graph.duplicates import DEFAULT_RELATIONS, RELATION_LABELS
    from usecases.duplicates import OVERLAP_TABLES, run

    catalogue = catalogue_from_args(args)
    if not catalogue.programs:
        raise NavigatorError("사업이 없어 비교할 수 없습니다.")
    desk = run(
        catalogue.programs,
        args.threshold,
        relations=[r for group in (args.relation or [DEFAULT_RELATIONS]) for r in group],
        include_undetermined=args.include_undetermined,
    )
    result, by_id, relations = desk.result, desk.by_id, desk.relations
    if args.json:
        print_json(result.to_dict(by_id))
        return 0
    print(catalogue.label)
    reported = desk.pair_counts()
    counts = " · ".join(f"{RELATION_LABELS[r]} {reported[r]}" for r in relations)
    print(
        f"같은 지원 점수 {result.threshold:g}점 이상: {counts} (쌍) · 군집 {len(result.clusters)}개"
    )
    for note in result.notes:
        print(f"  ※ {note}")
    for relation in relations:
        pairs = [p for p in result.pairs if p.relation == relation]
        if not pairs:
            continue
        print(f"\n[{RELATION_LABELS[relation]} ({relation}): {len(pairs)}쌍]")
        for pair in pairs:
            a, b = by_id[pair.a_id], by_id[pair.b_id]
            parts = " ".join(
                f"{k} 없음" if v is None or k in pair.missing else f"{k} {v:.0f}"
                for k, v in pair.breakdown.items()
            )
            flag = "" if pair.certain else " [지역 미상 — 관계 미확정]"
            reach = pair.reach.score if pair.reach is not None else None
            reach_text = "미상" if reach is None else f"{reach:.0f}"
            print(f"\n  같은 지원 {pair.score:5.1f} · 대상 겹침 {reach_text}{flag}")
            for p in (a, b):
                who = p.institution or p.ministry or "기관 미상"
                budget = f", {p.budget_eok:,.1f}억원" if p.budget_eok is not None else ""
                print(f"    {p.name} ({who}{budget})")
            print(f"    같은 지원: {pair.help_summary()}")
            if pair.reach is not None:
                print(f"    {pair.reach.summary()}")
            print(f"    {parts}")
    if result.clusters:
        print("\n[군집]")
        for n, members in enumerate(result.clusters, start=1):
            names = ", ".join(by_id[m].name for m in members)
            print(f"  {n}. ({len(members)}개) {names}")
    if "local_copy" in relations and desk.local_copies:
        print("\n[중앙 사업별 지역판]")
        for g in desk.local_copies:
            where = ", ".join(f"{s} {len(v)}" for s, v in g.by_sido.items())
            print(f"  {by_id[g.central_id].name}: {g.count}개 ({where})")
    for by, table in desk.tables.items():
        if not table.empty:
            print(f"\n[{OVERLAP_TABLES[by].replace('×', ' × ')} (중복만)]")
            print(table.to_string())
    return 0
