"""A loaded catalogue: programs + load report + where they came from, and its summary.

This is the unit every consumer works with (CLI, engine, app): one immutable list of
:class:`~loaders.model.Program` plus the :class:`~loaders.report.LoadReport` that accounts for
every row, a label saying which data it is, and the summary figures compared against the
notice's published totals for that year (``data/notice_totals.csv``; nothing hard-codes 397).
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from data import EMBEDDED_FILES, EMBEDDED_YEARS, TOTALS_FILE
from loaders.errors import LoadError
from loaders.kstartup.mapping import BUSINESS_OPERATION, map_business_items
from loaders.model import Program
from loaders.plausibility import catalogue_flags
from loaders.report import LoadReport
from loaders.rows import SeenPrograms
from loaders.snapshots import list_snapshots, newest_good, read_snapshot
from loaders.spreadsheet.load import load_bytes, load_path
from loaders.support_types import SUPPORT_TYPES

__all__ = [
    "Catalogue",
    "PublishedTotals",
    "coverage_lines",
    "coverage_message",
    "embedded_years",
    "fact_coverage",
    "load_active",
    "load_embedded",
    "load_files",
    "load_snapshot",
    "load_uploads",
    "published_totals",
    "summarise",
]

UNKNOWN = "미상"


@dataclass(frozen=True, slots=True)
class PublishedTotals:
    """The notice's own figures for one year (from the 중기부 press releases)."""

    year: int
    institutions: int
    institutions_central: int
    institutions_local: int
    programs: int
    programs_central: int
    programs_local: int
    budget_total_eok: float
    budget_central_eok: float
    budget_central_excl_loans_eok: float | None
    budget_local_eok: float
    source: str


def published_totals(path: Path = TOTALS_FILE) -> dict[int, PublishedTotals]:
    """Published totals per notice year, read from the data file (the year is data)."""
    out: dict[int, PublishedTotals] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            excl = row["budget_central_excl_loans_eok"]
            out[int(row["year"])] = PublishedTotals(
                year=int(row["year"]),
                institutions=int(row["institutions"]),
                institutions_central=int(row["institutions_central"]),
                institutions_local=int(row["institutions_local"]),
                programs=int(row["programs"]),
                programs_central=int(row["programs_central"]),
                programs_local=int(row["programs_local"]),
                budget_total_eok=float(row["budget_total_eok"]),
                budget_central_eok=float(row["budget_central_eok"]),
                budget_central_excl_loans_eok=float(excl) if excl else None,
                budget_local_eok=float(row["budget_local_eok"]),
                source=row["source"],
            )
    return out


@dataclass(frozen=True)
class Catalogue:
    """Programs plus provenance of the whole load.

    ``origin`` is "embedded", "files", "snapshot" (a cached K-Startup sync) or "synthetic"
    (benchmarks only); ``label`` is the sentence the UI shows about which data this is.
    """

    programs: tuple[Program, ...]
    report: LoadReport
    origin: str
    label: str
    files: tuple[str, ...] = ()
    loaded_at: str = field(default_factory=lambda: datetime.now().isoformat(timespec="seconds"))

    def __len__(self) -> int:
        return len(self.programs)

    @property
    def years(self) -> list[int]:
        """Notice years present, most common first."""
        return [y for y, _ in Counter(p.year for p in self.programs if p.year).most_common()]

    @property
    def year(self) -> int | None:
        """The main notice year of the catalogue (None if no program states one)."""
        years = self.years
        return years[0] if years else None

    def by_id(self) -> dict[str, Program]:
        """Programs keyed by program_id."""
        return {p.program_id: p for p in self.programs}


def load_files(paths: Sequence[str | Path], *, origin: str = "files", label: str = "") -> Catalogue:
    """Load one or more notice files into one catalogue (ids deduplicated across files).

    Raises :class:`~loaders.errors.LoadError` if any file cannot be read; rows inside readable
    files are never lost (see the report).
    """
    report = LoadReport()
    seen = SeenPrograms()
    programs: list[Program] = []
    for path in paths:
        found, _ = load_path(path, report=report, seen=seen)
        programs.extend(found)
    names = tuple(Path(p).name for p in paths)
    return Catalogue(
        tuple(programs), report, origin, label or "불러온 파일: " + ", ".join(names), names
    )


def load_uploads(files: Iterable[tuple[bytes, str]]) -> Catalogue:
    """Load uploaded files given as ``(bytes, file name)`` pairs (the Data desk)."""
    report = LoadReport()
    seen = SeenPrograms()
    programs: list[Program] = []
    names: list[str] = []
    for data, name in files:
        found, _ = load_bytes(data, name, report=report, seen=seen)
        programs.extend(found)
        names.append(name)
    return Catalogue(
        tuple(programs), report, "files", "업로드한 파일: " + ", ".join(names), tuple(names)
    )


def load_embedded(year: int | None = None) -> Catalogue:
    """An embedded dataset shipped in ``data/`` (see data/README.md): the default (newest) year,
    or ``year`` — one of :func:`embedded_years` — for the year-over-year diff.

    Raises :class:`~loaders.errors.LoadError` for a year that is not embedded.
    """
    if year is None:
        files, what = EMBEDDED_FILES, EMBEDDED_YEARS[max(EMBEDDED_YEARS)][1]
    elif year in EMBEDDED_YEARS:
        files, what = EMBEDDED_YEARS[year]
    else:
        known = ", ".join(str(y) for y in embedded_years())
        raise LoadError(f"내장 데이터에 {year}년 통합공고가 없습니다 (내장된 연도: {known}).")
    cat = load_files(files, origin="embedded")
    label = f"내장 데이터 ({cat.year} 통합공고, {what})"
    return Catalogue(cat.programs, cat.report, "embedded", label, cat.files, cat.loaded_at)


def embedded_years() -> list[int]:
    """Notice years with an embedded dataset, newest first."""
    return sorted(EMBEDDED_YEARS, reverse=True)


def coverage_message(catalogue: Catalogue, totals: dict[int, PublishedTotals] | None = None) -> str:
    """Plain sentence on how much of the year's notice the catalogue holds.

    Example: "이 내장 데이터에는 2026 통합공고 508개 사업 중 377개가 들어 있습니다."
    """
    totals = published_totals() if totals is None else totals
    year = catalogue.year
    n = sum(1 for p in catalogue.programs if p.year == year) if year else len(catalogue)
    subject = {"embedded": "이 내장 데이터", "snapshot": "이 K-Startup 스냅샷"}.get(
        catalogue.origin, "불러온 데이터"
    )
    if year is None or year not in totals:
        return f"{subject}에는 {n}개 사업이 있습니다 (해당 연도의 공표 총계가 없어 비교하지 못했습니다)."
    published = totals[year].programs
    if n >= published:
        return f"{subject}에는 {year} 통합공고 {published}개 사업이 모두({n}개) 들어 있습니다."
    return (
        f"{subject}에는 {year} 통합공고 {published}개 사업 중 {n}개가 들어 있습니다. "
        "전체를 보려면 통합공고 엑셀 파일을 불러오거나 K-Startup에서 새로고침하세요."
    )


def _group(programs: Iterable[Program], key: str) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = defaultdict(
        lambda: {"count": 0, "budget_eok": 0.0, "with_budget": 0}
    )
    for p in programs:
        k = getattr(p, key) or UNKNOWN
        entry = out[k]
        entry["count"] += 1
        if p.budget_eok is not None:
            entry["budget_eok"] += p.budget_eok
            entry["with_budget"] += 1
    for entry in out.values():
        entry["budget_eok"] = round(entry["budget_eok"], 2)
    return dict(sorted(out.items(), key=lambda kv: (-kv[1]["budget_eok"], -kv[1]["count"], kv[0])))


def fact_coverage(programs: Sequence[Program]) -> dict[str, Any]:
    """How many programs carry each fact the eligibility answers depend on.

    ``target``: programs with 지원대상 text, central and local apart (``dated`` of them state an
    older year's rule, shown as "2025 기준"). ``institution`` (운영기관): programs whose running
    institution is named — the 소관 ministry of a central program, the local government (광역 or
    기초) of a local one; a 시·도 that is only the program's location does not count.
    ``agency``: programs that also name the agency running it for them (전담기관/운영기관 such as
    창업진흥원 or a 창조경제혁신센터). ``calls``: programs with at least one known K-Startup 공고.
    """
    central = [p for p in programs if not p.is_local]
    local = [p for p in programs if p.is_local]

    def count(group: Sequence[Program], attr: str) -> int:
        return sum(1 for p in group if getattr(p, attr))

    return {
        "programs": len(programs),
        "central": len(central),
        "local": len(local),
        "target": {
            "central": count(central, "target_text"),
            "local": count(local, "target_text"),
            "dated": sum(1 for p in programs if p.target_text and p.target_basis),
        },
        "institution": {
            "central": count(central, "institution"),
            "local": count(local, "institution"),
            "all": count(programs, "institution"),
        },
        "agency": count(programs, "agency"),
        "institution_or_agency": sum(1 for p in programs if p.institution or p.agency),
        "calls": count(programs, "call_ids"),
        "apply_period": count(programs, "apply_period"),
        "contact": count(programs, "contact"),
        "exclusion": count(programs, "exclusion_text"),
    }


def coverage_lines(cov: dict[str, Any]) -> list[str]:
    """The fact coverage as Korean sentences (``navigator load`` and the Overview page)."""
    t, i = cov["target"], cov["institution"]
    dated = f", 이 중 {t['dated']}개는 2025년 공고 기준" if t["dated"] else ""
    return [
        f"지원대상 원문: 중앙부처 {t['central']}/{cov['central']} · 지자체 {t['local']}/{cov['local']}"
        f"{dated}",
        f"운영기관(사업을 운영하는 부처·지자체) 확인: {i['all']}/{cov['programs']}"
        f" (중앙 {i['central']}/{cov['central']}, 지자체 {i['local']}/{cov['local']})",
        f"전담·운영 대행기관 확인: {cov['agency']}/{cov['programs']}"
        f" · 운영기관 또는 대행기관 중 하나라도 확인: {cov['institution_or_agency']}/{cov['programs']}",
        f"2026 모집공고 확인: {cov['calls']}개 사업 · 신청기간 {cov['apply_period']} · "
        f"신청 제외 대상 {cov['exclusion']} · 문의처 {cov['contact']}",
    ]


def summarise(catalogue: Catalogue) -> dict[str, Any]:
    """Summary figures of a catalogue (the CLI's ``load --json`` object and the Overview page).

    Budgets are sums of the stated budgets only; ``with_budget`` says how many programs stated
    one, so a partial dataset is never mistaken for the notice's total. ``suspicious`` lists
    loaded rows that look like noise and ``flags`` says where the load exceeds the year's
    published totals (see :mod:`loaders.plausibility`).
    """
    programs = catalogue.programs
    report = catalogue.report
    by_type = _group(programs, "support_type")
    ordered_types = {t: by_type[t] for t in SUPPORT_TYPES if t in by_type}
    ordered_types.update({t: v for t, v in by_type.items() if t not in ordered_types})
    local_by_region = _group((p for p in programs if p.is_local), "region")
    central_by_ministry = _group((p for p in programs if not p.is_local), "ministry")
    institutions = {p.institution for p in programs if p.institution}
    budgets = [p.budget_eok for p in programs if p.budget_eok is not None]
    totals = published_totals()
    year = catalogue.year
    published = totals.get(year) if year else None
    return {
        "label": catalogue.label,
        "origin": catalogue.origin,
        "files": list(catalogue.files),
        "loaded_at": catalogue.loaded_at,
        "year": year,
        "programs": len(programs),
        "institutions": len(institutions),
        "programs_without_institution": sum(1 for p in programs if not p.institution),
        "total_budget_eok": round(sum(budgets), 2),
        "programs_with_budget": len(budgets),
        "by_support_type": ordered_types,
        "by_level": _group(programs, "level"),
        "by_ministry": central_by_ministry,
        "by_region": local_by_region,
        "coverage": coverage_message(catalogue, totals),
        "fact_coverage": fact_coverage(programs),
        "published": None if published is None else asdict(published),
        "rows_read": report.rows_read,
        "loaded": report.loaded,
        "balanced": report.balanced,
        "accounting": report.accounting_line(),
        "skipped": [i.to_dict() for i in report.skipped],
        "rejected": [i.to_dict() for i in report.rejected],
        "warnings": [i.to_dict() for i in report.warnings],
        "suspicious": [i.to_dict() for i in report.suspicious],
        "flags": catalogue_flags(programs, totals),
        "ignored_sheets": report.ignored_sheets,
        "notes": report.notes
        + [f"{s.file} {s.sheet}: {n}".strip() for s in report.sheets for n in s.notes],
        "encodings": report.encodings,
        "column_mapping": report.column_mapping(),
    }


# --------------------------------------------------------------------------- K-Startup snapshots


def load_snapshot(path: str | Path | None = None, *, root: Path | None = None) -> Catalogue:
    """A catalogue from a K-Startup sync snapshot (the newest good one when ``path`` is None).

    The label says it is K-Startup data, when it was fetched and how many days old it is; a
    partial snapshot (accepted with ``allow_partial``) says how much of it is there. Raises
    ``LoadError`` when there is no good snapshot or the file cannot be read.
    """
    if path is None:
        info = newest_good(BUSINESS_OPERATION, root)
        if info is None:
            raise LoadError("K-Startup 스냅샷이 없습니다 — 먼저 'navigator sync'로 새로고침하세요.")
        path = info.path
    path = Path(path)
    try:
        info, pages, _ = read_snapshot(path)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise LoadError(
            f"{path.name}: K-Startup 스냅샷을 읽을 수 없습니다 ({type(exc).__name__}).",
            file=path.name,
        ) from None
    programs, report = map_business_items(pages)
    report.notes.append(f"K-Startup 스냅샷 {path.name}: {info.describe()}")
    report.notes.extend(f"동기화 실패 기록: {f}" for f in info.failures)
    label = f"K-Startup 데이터 (통합공고 지원사업 {len(programs)}개, {info.describe()})"
    return Catalogue(tuple(programs), report, "snapshot", label, (path.name,))


def load_active(*, root: Path | None = None) -> Catalogue:
    """The catalogue the app and CLI show by default.

    The newest good K-Startup snapshot if there is one, else the embedded dataset. A snapshot
    that cannot be read (or holds no program) is passed over for the next older good one, and
    the reason is kept in the report's notes, so the user sees why older data is shown.
    """
    problems: list[str] = []
    for info in list_snapshots(BUSINESS_OPERATION, root, problems=problems):
        if not info.good:
            continue
        try:
            catalogue = load_snapshot(info.path)
        except LoadError as exc:
            problems.append(str(exc))
            continue
        if len(catalogue):
            catalogue.report.notes.extend(problems)
            return catalogue
        problems.append(f"{info.path.name}: 스냅샷에 불러올 사업이 없어 건너뜀")
    catalogue = load_embedded()
    if problems:
        catalogue.report.notes.extend(problems)
        catalogue.report.notes.append(
            "쓸 수 있는 K-Startup 스냅샷이 없어 내장 데이터를 보여 줍니다."
        )
    return catalogue
