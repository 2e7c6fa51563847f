"""Rebuild ``notice_2026.csv`` from the project's shared real-data file plus sourced enrichment.

Run from the repository root: ``python data/build_embedded.py [SHARED_CSV]``. The output uses the
column names of a notice spreadsheet (사업명, 지원유형, 예산(억원) …) so that starting the app on
the embedded dataset exercises the same loader a user's file goes through. Each value is copied
from the source row, which keeps its own citation (출처).

``enrichment_2026.csv`` (beside this file) adds facts read from public pages — 소관부처, 지원대상,
신청 제외 대상, 전담·운영기관, 문의처, 신청 기간, the real 2026 calls (공고 번호), 예산, and for
local programs the running local government (institution) and its 시·도 (region) — one fact per
row with the page it was read from and the program year the page speaks of. The merge fills
BLANK cells only, never overwrites a value of the shared file, appends each used page to the
row's 출처 cell and records, per filled cell, which page and year it came from in the
``항목별 출처`` column, so every enriched value stays traceable to a public source.

Precedence when several facts fill one cell (decided here, documented in data/README.md): the
newer program year first; within a year a 2026 call (공고, the K-Startup page or a business
portal's copy of it — inbusiness, 기업마당; the 2026 통합공고 is itself such a 공고) beats a press
paraphrase; facts of equal rank are all kept — several calls of one program are its
tracks, so their 지원대상 texts are joined with " / " and read as alternatives. The shared file's
own 지원대상 (the 2026 notice as listed on K-Startup) is never replaced.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository root importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from loaders.regions import SIDO, sido_of_institution

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE.parent.parent / "shared" / "data" / "programs_2026.csv"
ENRICHMENT = HERE / "enrichment_2026.csv"
OUTPUT = HERE / "notice_2026.csv"

COLUMNS = [
    "구분",
    "소관부처·지자체",
    "지역",
    "사업명",
    "지원유형",
    "예산(억원)",
    "사업개요",
    "지원대상",
    "지원대상 기준연도",
    "신청제외대상",
    "지원내용",
    "전담기관",
    "문의처",
    "신청기간",
    "모집공고",
    "상세URL",
    "K-Startup ID",
    "연도",
    "출처",
    "항목별 출처",
]

ENRICHMENT_COLUMNS = ["kstartup_id", "field", "value", "source_url", "year", "note"]

# enrichment field -> output column it fills (only when that cell is blank)
FIELD_COLUMNS = {
    "ministry": "소관부처·지자체",
    "target": "지원대상",
    "call_target": "지원대상",
    "exclusion": "신청제외대상",
    "agency": "전담기관",
    "contact": "문의처",
    "apply_period": "신청기간",
    "call": "모집공고",
    "budget_eok": "예산(억원)",
    "institution": "소관부처·지자체",
    "region": "지역",
}

# Fields that describe a local government; they only ever fill 지자체 rows.
LOCAL_FIELDS = frozenset({"institution", "region"})
# Fields whose facts of equal rank are all kept, joined: a program's several calls, their
# application windows, the 지원대상 of each call (its tracks) and every stated exclusion.
MULTI_FIELDS: dict[str, str] = {
    "target": " / ",
    "call_target": " / ",
    "exclusion": "; ",
    "apply_period": "; ",
    "call": "; ",
}
# Facts that state a rule a founder must meet: these need a program year of 2025 or later, and
# an older one is shown as "2025 기준" (see 지원대상 기준연도).
RULE_FIELDS = frozenset({"target", "call_target", "exclusion"})
OLDEST_YEAR = {"rule": 2025, "other": 2019}
_APPLY_PERIOD = re.compile(r"^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})? ~ \d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$")
# A K-Startup call page, or a business portal's copy of one: an inbusiness copy
# ("kStartUp_176019") or a 기업마당 (bizinfo) 공고 page ("pblancId=PBLN_000000000116904"). The
# 2026 통합공고 itself is such a 공고 (K-Startup 175783, 기업마당 PBLN_000000000116904), so its
# own 지원대상 cell outranks a press paraphrase of the same program.
_CALL_PAGE = re.compile(
    r"k-startup\.go\.kr/.*pbancSn=\d+|kStartUp_\d+|bizinfo\.go\.kr/.*pblancId=PBLN_\d+",
    re.IGNORECASE,
)

# Official names of the central institutions (정부조직법, as of the 2026 notice). 환경부 became
# 기후에너지환경부 and 특허청 became 지식재산처 in the October 2025 reorganisation; the older
# names stay valid for sources that predate it.
CANONICAL_MINISTRIES = frozenset(
    {
        "중소벤처기업부",
        "과학기술정보통신부",
        "문화체육관광부",
        "농림축산식품부",
        "기후에너지환경부",
        "환경부",
        "해양수산부",
        "국방부",
        "방위사업청",
        "산림청",
        "특허청",
        "지식재산처",
        "교육부",
        "금융위원회",
        "산업통상자원부",
        "고용노동부",
        "국토교통부",
        "보건복지부",
        "통일부",
        "법무부",
        "행정안전부",
        "식품의약품안전처",
        "농촌진흥청",
    }
)


class EnrichmentError(ValueError):
    """An enrichment row that cannot be merged (unknown id, field, ministry or bad URL)."""


def convert(row: dict[str, str]) -> dict[str, str]:
    """One shared-data row in notice-spreadsheet layout (values copied, never invented)."""
    central = row["level"] == "central"
    return {
        "구분": "중앙부처" if central else "지자체",
        "소관부처·지자체": row["ministry_or_region"],
        "지역": "전국" if central else row["region"],
        "사업명": row["program_name"],
        "지원유형": row["support_type"],
        "예산(억원)": row["budget_eok"],
        "사업개요": row["summary"],
        "지원대상": row["target"],
        # The shared file's 지원대상 is the notice's own text for the notice's year.
        "지원대상 기준연도": row["year"] if row["target"].strip() else "",
        "신청제외대상": "",
        "지원내용": row["content"],
        "전담기관": row["agency"],
        "문의처": "",
        "신청기간": "",
        "모집공고": "",
        "상세URL": row["url"],
        "K-Startup ID": row["kstartup_id"],
        "연도": row["year"],
        "출처": row["source"],
        "항목별 출처": "",
    }


def read_enrichment(path: Path = ENRICHMENT) -> list[dict[str, str]]:
    """The enrichment rows (empty when the file does not exist)."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return [{k: (v or "").strip() for k, v in r.items()} for r in csv.DictReader(fh)]


def validate_enrichment(rows: list[dict[str, str]], known_ids: set[str]) -> None:
    """Raise EnrichmentError unless every row is mergeable, dated and cites an http(s) page.

    A single-valued cell (ministry, agency …) may be given by several pages only when they agree
    or have different ranks (year, call over press); two different values of equal rank are a
    conflict a person must settle.
    """
    best: dict[tuple[str, str], tuple[tuple[int, int], str]] = {}
    for n, r in enumerate(rows, start=2):
        where = f"{ENRICHMENT.name}:{n}"
        field, value = r["field"], r["value"]
        if r["kstartup_id"] not in known_ids:
            raise EnrichmentError(f"{where}: unknown kstartup_id {r['kstartup_id']!r}")
        if field not in FIELD_COLUMNS:
            raise EnrichmentError(f"{where}: field {field!r} not in {sorted(FIELD_COLUMNS)}")
        if not value:
            raise EnrichmentError(f"{where}: empty value")
        if not r["source_url"].startswith(("http://", "https://")):
            raise EnrichmentError(f"{where}: source_url must be an http(s) address")
        year = r.get("year", "")
        if year and not (year.isdigit() and len(year) == 4):
            raise EnrichmentError(f"{where}: year {year!r} must be a four-digit program year")
        oldest = OLDEST_YEAR["rule" if field in RULE_FIELDS else "other"]
        if field in RULE_FIELDS and not year:
            raise EnrichmentError(f"{where}: a {field} fact needs the program year it states")
        if year and int(year) < oldest:
            raise EnrichmentError(f"{where}: a {field} fact from {year} is older than {oldest}")
        if field == "ministry" and value not in CANONICAL_MINISTRIES:
            raise EnrichmentError(f"{where}: {value!r} is not a canonical ministry name")
        if field == "region" and value not in SIDO:
            raise EnrichmentError(f"{where}: region {value!r} is not a short 시·도 name")
        if field == "institution" and sido_of_institution(value) is None:
            raise EnrichmentError(
                f"{where}: {value!r} is not a local government whose 시·도 is known"
            )
        if field == "budget_eok":
            try:
                float(value)
            except ValueError as exc:
                raise EnrichmentError(f"{where}: budget_eok must be a number") from exc
        if field == "apply_period" and not _APPLY_PERIOD.match(value):
            raise EnrichmentError(f"{where}: apply_period must read 'YYYY-MM-DD ~ YYYY-MM-DD'")
        if field == "call" and not value.isdigit():
            raise EnrichmentError(f"{where}: call must be a K-Startup pbanc_sn (digits)")
        if field in MULTI_FIELDS:
            continue
        key = (r["kstartup_id"], field)
        rank = fact_rank(r)
        if key in best and best[key][0] == rank and best[key][1] != value:
            raise EnrichmentError(
                f"{where}: second {field} value {value!r} for {r['kstartup_id']} of equal rank "
                f"(already {best[key][1]!r})"
            )
        if key not in best or rank > best[key][0]:
            best[key] = (rank, value)


def fact_rank(fact: dict[str, str]) -> tuple[int, int]:
    """(program year, 1 for a call page else 0): higher wins when facts fill one cell."""
    year = fact.get("year", "")
    return (int(year) if year.isdigit() else 0, 1 if _CALL_PAGE.search(fact["source_url"]) else 0)


def chosen_facts(enrichment: list[dict[str, str]]) -> list[dict[str, str]]:
    """The facts the merge uses: per (program, field) those of the highest rank, in file order."""
    top: dict[tuple[str, str], tuple[int, int]] = {}
    for e in enrichment:
        key = (e["kstartup_id"], e["field"])
        top[key] = max(top.get(key, (-1, -1)), fact_rank(e))
    chosen: list[dict[str, str]] = []
    seen: set[tuple[str, str, str]] = set()
    for e in enrichment:
        key = (e["kstartup_id"], e["field"])
        if fact_rank(e) != top[key] or (*key, e["value"]) in seen:
            continue
        seen.add((*key, e["value"]))
        chosen.append(e)
    return chosen


def _check_region_agreement(rows: list[dict[str, str]]) -> None:
    """Raise EnrichmentError if a local row's institution lies in another 시·도 than its 지역."""
    for row in rows:
        if row["구분"] != "지자체" or not row["소관부처·지자체"] or not row["지역"]:
            continue
        sido = sido_of_institution(row["소관부처·지자체"])
        if sido is not None and sido != row["지역"]:
            raise EnrichmentError(
                f"K-Startup ID {row['K-Startup ID']}: institution {row['소관부처·지자체']!r} "
                f"is in {sido}, but 지역 is {row['지역']!r}"
            )


def _cite(row: dict[str, str], column: str, url: str, year: str) -> None:
    """Append ``url`` to 출처 (once) and ``column year url`` to 항목별 출처."""
    cited = [c.strip() for c in row["출처"].split(";") if c.strip()]
    if url not in cited:
        cited.append(url)
    row["출처"] = "; ".join(cited)
    entry = f"{column} {year or '-'} {url}"
    facts = [c for c in row["항목별 출처"].split("; ") if c]
    if entry not in facts:
        facts.append(entry)
    row["항목별 출처"] = "; ".join(facts)


def merge(rows: list[dict[str, str]], enrichment: list[dict[str, str]]) -> list[dict[str, str]]:
    """Output rows with enrichment filled into blank cells only; used pages cited.

    A ministry fact fills 소관부처·지자체 of central rows only (a local row's cell names its
    local government); institution and region facts fill local (지자체) rows only. Of several
    facts for one cell the highest-ranked are used (:func:`fact_rank`); for 지원대상, 신청기간,
    모집공고 and 신청제외대상 all facts of that rank are joined. A 지원대상 fact also sets
    지원대상 기준연도 to the program year its page states. After the merge every local row whose
    institution and 지역 are both known must agree on the 시·도. Returns new dicts; the input
    rows are not modified.
    """
    by_id = {r["K-Startup ID"]: i for i, r in enumerate(rows)}
    validate_enrichment(enrichment, set(by_id))
    out = [{**dict.fromkeys(COLUMNS, ""), **r} for r in rows]
    filled: set[tuple[int, str]] = set()
    for e in chosen_facts(enrichment):
        i = by_id[e["kstartup_id"]]
        row = out[i]
        field = e["field"]
        column = FIELD_COLUMNS[field]
        if field == "ministry" and row["구분"] != "중앙부처":
            continue
        if field in LOCAL_FIELDS and row["구분"] != "지자체":
            continue
        if field == "call_target":
            # The 지원대상 of the program's own 2026 call, where the notice's text is a summary:
            # kept after it, marked, never in its place (it only fills a blank cell as a target).
            if row[column].strip():
                row[column] = f"{row[column]} ※ {e['year']} 모집공고: {e['value']}"
                _cite(row, column, e["source_url"], e["year"])
                continue
            field = "target"
        if row[column].strip() and (i, column) not in filled:
            continue  # never overwrite a value of the shared file
        if (i, column) in filled:
            if field not in MULTI_FIELDS or e["value"] in row[column]:
                continue
            row[column] = f"{row[column]}{MULTI_FIELDS[field]}{e['value']}"
        else:
            row[column] = e["value"]
            filled.add((i, column))
        if field == "target":
            row["지원대상 기준연도"] = e["year"]
        _cite(row, column, e["source_url"], e["year"])
    _check_region_agreement(out)
    return out


def build(source: Path = DEFAULT_SOURCE, enrichment: Path = ENRICHMENT) -> list[dict[str, str]]:
    """The embedded dataset's rows, as ``main`` writes them."""
    with source.open(encoding="utf-8-sig", newline="") as fh:
        rows = [convert(r) for r in csv.DictReader(fh)]
    return merge(rows, read_enrichment(enrichment))


def write(rows: list[dict[str, str]], path: Path = OUTPUT) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else DEFAULT_SOURCE
    rows = build(source)
    write(rows)
    facts = read_enrichment()
    used = len(chosen_facts(facts))
    print(f"{OUTPUT.name}: {len(rows)} programs from {source} (+{used} of {len(facts)} facts used)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
