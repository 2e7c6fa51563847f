"""Rebuild ``notice_2026.csv`` from the project's shared real-data file plus sourced enrichment.

Run from the repository root: ``python data/build_embedded.py [SHARED_CSV]``. The output uses the
column names of a notice spreadsheet (사업명, 지원유형, 예산(억원) …) so that starting the app on
the embedded dataset exercises the same loader a user's file goes through. Each value is copied
from the source row, which keeps its own citation (출처).

``enrichment_2026.csv`` (beside this file) adds facts read from public pages — 소관부처, 지원대상,
전담기관, 예산, and for local programs the running local government (institution) and its 시·도
(region) — one fact per row with the page it was read from. The merge fills BLANK cells only,
never overwrites a value of the shared file, and appends each used page to the row's 출처 cell, so
every enriched value stays traceable to a public source.
"""

from __future__ import annotations

import csv
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
    "지원내용",
    "전담기관",
    "문의처",
    "상세URL",
    "K-Startup ID",
    "연도",
    "출처",
]

ENRICHMENT_COLUMNS = ["kstartup_id", "field", "value", "source_url", "note"]

# enrichment field -> output column it fills (only when that cell is blank)
FIELD_COLUMNS = {
    "ministry": "소관부처·지자체",
    "target": "지원대상",
    "agency": "전담기관",
    "budget_eok": "예산(억원)",
    "institution": "소관부처·지자체",
    "region": "지역",
}

# Fields that describe a local government; they only ever fill 지자체 rows.
LOCAL_FIELDS = frozenset({"institution", "region"})

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
        "지원내용": row["content"],
        "전담기관": row["agency"],
        "문의처": "",
        "상세URL": row["url"],
        "K-Startup ID": row["kstartup_id"],
        "연도": row["year"],
        "출처": row["source"],
    }


def read_enrichment(path: Path = ENRICHMENT) -> list[dict[str, str]]:
    """The enrichment rows (empty when the file does not exist)."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return [{k: (v or "").strip() for k, v in r.items()} for r in csv.DictReader(fh)]


def validate_enrichment(rows: list[dict[str, str]], known_ids: set[str]) -> None:
    """Raise EnrichmentError unless every row is mergeable and cites an http(s) page."""
    seen: set[tuple[str, str]] = set()
    for n, r in enumerate(rows, start=2):
        where = f"{ENRICHMENT.name}:{n}"
        if r["kstartup_id"] not in known_ids:
            raise EnrichmentError(f"{where}: unknown kstartup_id {r['kstartup_id']!r}")
        if r["field"] not in FIELD_COLUMNS:
            raise EnrichmentError(f"{where}: field {r['field']!r} not in {sorted(FIELD_COLUMNS)}")
        if not r["value"]:
            raise EnrichmentError(f"{where}: empty value")
        if not r["source_url"].startswith(("http://", "https://")):
            raise EnrichmentError(f"{where}: source_url must be an http(s) address")
        if r["field"] == "ministry" and r["value"] not in CANONICAL_MINISTRIES:
            raise EnrichmentError(f"{where}: {r['value']!r} is not a canonical ministry name")
        if r["field"] == "region" and r["value"] not in SIDO:
            raise EnrichmentError(f"{where}: region {r['value']!r} is not a short 시·도 name")
        if r["field"] == "institution" and sido_of_institution(r["value"]) is None:
            raise EnrichmentError(
                f"{where}: {r['value']!r} is not a local government whose 시·도 is known"
            )
        if r["field"] == "budget_eok":
            try:
                float(r["value"])
            except ValueError as exc:
                raise EnrichmentError(f"{where}: budget_eok must be a number") from exc
        key = (r["kstartup_id"], r["field"])
        if key in seen:
            raise EnrichmentError(f"{where}: second {r['field']} row for {r['kstartup_id']}")
        seen.add(key)


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


def merge(rows: list[dict[str, str]], enrichment: list[dict[str, str]]) -> list[dict[str, str]]:
    """Output rows with enrichment filled into blank cells only; used pages appended to 출처.

    A ministry fact fills 소관부처·지자체 of central rows only (a local row's cell names its
    local government); institution and region facts fill local (지자체) rows only. After the
    merge every local row whose institution and 지역 are both known must agree on the 시·도.
    Returns new dicts; the input rows are not modified.
    """
    by_id = {r["K-Startup ID"]: i for i, r in enumerate(rows)}
    validate_enrichment(enrichment, set(by_id))
    out = [dict(r) for r in rows]
    for e in enrichment:
        row = out[by_id[e["kstartup_id"]]]
        column = FIELD_COLUMNS[e["field"]]
        if e["field"] == "ministry" and row["구분"] != "중앙부처":
            continue
        if e["field"] in LOCAL_FIELDS and row["구분"] != "지자체":
            continue
        if row[column].strip():
            continue  # never overwrite a value of the shared file
        row[column] = e["value"]
        cited = [c.strip() for c in row["출처"].split(";") if c.strip()]
        if e["source_url"] not in cited:
            cited.append(e["source_url"])
        row["출처"] = "; ".join(cited)
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
    n_facts = len(read_enrichment())
    print(f"{OUTPUT.name}: {len(rows)} programs from {source} (+{n_facts} sourced facts)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
