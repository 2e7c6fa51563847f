"""K-Startup business items onto the canonical :class:`~loaders.model.Program`.

The API names neither the ministry nor the local government, flattens 지원대상 into HTML and
states budgets as "(예산현황) …" prose; this module turns each ``getBusinessInformation01`` item
into a record the rest of the app reads like a spreadsheet row, and accounts for every item
(loaded, skipped as an identical repeat, or rejected with the reason) in a
:class:`~loaders.report.LoadReport`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import parse_qs, urlsplit

from loaders.budget import BudgetParse, parse_budget
from loaders.derive import derived_fields
from loaders.kstartup.wire import CITATION, as_int
from loaders.model import CONTENT_FIELDS, Program, Source, make_program_id
from loaders.plausibility import noise_reasons
from loaders.regions import (
    NATIONWIDE,
    is_sido_name,
    official_institution_name,
    resolve_sigungu,
    sido_of_institution,
)
from loaders.report import LoadReport, SheetReport
from loaders.rows import SeenPrograms, clean_url, tally
from loaders.snapshots import SnapshotPage, read_item
from loaders.support_types import normalise_support_type
from loaders.textnorm import clean_cell

__all__ = [
    "BUSINESS_FILE",
    "BUSINESS_OPERATION",
    "KSTARTUP_ID_BLOCKS",
    "budget_from_text",
    "map_business_items",
    "program_from_item",
]

BUSINESS_OPERATION = "getBusinessInformation01"
BUSINESS_FILE = f"K-Startup {BUSINESS_OPERATION}"

_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
_BLOCK_END = re.compile(r"(?i)<br\s*/?>|</(?:p|tr|li|div|h\d)>")
_CELL_END = re.compile(r"(?i)</t[dh]>")


def _text(value: object) -> str:
    """API text to one clean line: HTML tables/tags flattened, entities decoded."""
    if value is None:
        return ""
    text = str(value)
    if "<" in text and _TAG.search(text):
        text = _CELL_END.sub(" ", _BLOCK_END.sub("\n", text))
        text = _TAG.sub(" ", text)
    return clean_cell(html.unescape(text))


def _budget(value: object) -> tuple[BudgetParse, str | None]:
    raw = "" if value is None else str(value)
    parsed = parse_budget(raw if raw.strip() else None)
    warning = parsed.warning
    if parsed.eok is not None and parsed.assumed_unit:
        warning = f"예산 '{parsed.amount_text}'에 단위가 없어 억원으로 읽었습니다"
    return parsed, warning


def budget_from_text(value: object) -> tuple[float | None, str | None, str]:
    """억원 from K-Startup's ``biz_supt_bdgt_info``: ``(eok, warning, amount text)``.

    The same :func:`~loaders.budget.parse_budget` the spreadsheet loader uses (it reads the
    "(예산현황)" part, units with spaces, funding-source parts, years and counts); the API
    states no unit header, so a bare number is taken as 억원 and says so.
    """
    parsed, warning = _budget(value)
    return parsed.eok, warning, parsed.amount_text


def _url_and_id(value: object) -> tuple[str, str]:
    url = clean_url(value)
    ids = parse_qs(urlsplit(url).query).get("id") if url else None
    return url, (ids[0].strip() if ids else "")


# K-Startup 사업소개 ids form blocks per notice year (seen in the daily archives of the listings;
# the embedded dataset's 구분 follows the same blocks). Years not listed get no block rule.
KSTARTUP_ID_BLOCKS: dict[int, tuple[tuple[int, int, str], ...]] = {
    2026: ((170001, 170999, "중앙부처"), (171001, 171999, "지자체")),
}


def _level_from_id(year: int | None, kstartup_id: str) -> str | None:
    number = as_int(kstartup_id)
    if year is None or number is None:
        return None
    for low, high, level in KSTARTUP_ID_BLOCKS.get(year, ()):
        if low <= number <= high:
            return level
    return None


def _institution_from_name(name: str) -> tuple[str, str | None]:
    """Local government named at the start of a program name ("김천시 청년창업 지원")."""
    parts = name.split()
    # Two words only when they name a 기초 under its 시·도 ("대전광역시 서구 …"); otherwise
    # "서울시 청년 창업 지원" would make "서울시 청년" an institution.
    if len(parts) > 2 and resolve_sigungu(" ".join(parts[:2])) is not None:
        candidate = " ".join(parts[:2])
        return candidate, sido_of_institution(candidate)
    if len(parts) > 1:
        sido = sido_of_institution(parts[0])
        if sido and sido != NATIONWIDE:
            return official_institution_name(parts[0]), sido
    return "", None


def program_from_item(
    item: Mapping[str, Any], source: Source, warnings: list[tuple[str, str, str]] | None = None
) -> tuple[Program, str]:
    """Map one ``getBusinessInformation01`` item onto :class:`Program`.

    Returns the program and how its 구분 was decided ("name", "id", "target", "default").
    The API names neither the ministry nor the local government, so: a local government at
    the start of the name wins; else the year's K-Startup id block; else a single region the
    target text requires makes it local; else it is left as 중앙부처 (reported in the notes).
    Raises ``ValueError`` with the reason when the item has no name.
    """
    warnings = warnings if warnings is not None else []
    name = _text(item.get("supt_biz_titl_nm"))
    if not name:
        raise ValueError("사업명(supt_biz_titl_nm)이 비어 있습니다")
    year_raw = item.get("biz_yr")
    year = as_int(year_raw)
    if year is not None and not 2000 <= year <= 2100:
        year = None
    if year is None:
        warnings.append(("biz_yr", clean_cell(year_raw), "사업연도를 읽을 수 없어 비워 두었습니다"))
    raw_type = clean_cell(item.get("biz_category_cd"))
    support_type, known = normalise_support_type(raw_type)
    if not raw_type:
        warnings.append(("biz_category_cd", "", "지원유형 코드가 비어 있습니다"))
    elif not known:
        warnings.append(
            ("biz_category_cd", raw_type, "알 수 없는 지원유형 코드 — 원래 값을 그대로 두었습니다")
        )
    budget_raw = item.get("biz_supt_bdgt_info")
    budget, budget_warning = _budget(budget_raw)
    if budget_warning:
        warnings.append(("biz_supt_bdgt_info", clean_cell(budget_raw), budget_warning))
    target = _text(item.get("biz_supt_trgt_info"))
    content = _text(item.get("biz_supt_ctnt"))
    intro = _text(item.get("supt_biz_intrd_info"))
    traits = _text(item.get("supt_biz_chrct"))
    summary = intro if not traits or traits in intro else f"{intro} — {traits}" if intro else traits
    url, kstartup_id = _url_and_id(item.get("detl_pg_url"))
    derived = derived_fields(name, target=target, summary=summary, content=content)
    eligibility = derived["eligibility"]

    institution, region = _institution_from_name(name)
    if institution:
        level, how = ("광역" if is_sido_name(institution) else "기초"), "name"
    elif (by_id := _level_from_id(year, kstartup_id)) is not None:
        level, how = by_id, "id"
    elif len(eligibility.regions) == 1 and eligibility.regions[0] != NATIONWIDE:
        level, how = "지자체", "target"
    else:
        level, how = "중앙부처", "default"
    if level == "중앙부처":
        region = NATIONWIDE
    elif region is None:
        regions = [r for r in eligibility.regions if r != NATIONWIDE]
        region = regions[0] if len(regions) == 1 else ""
    ministry = region if level != "중앙부처" else ""
    program = Program(
        # The API names no institution; the K-Startup id keeps same-named local programs apart.
        program_id=make_program_id(year, "", name, fallback=kstartup_id or url),
        year=year,
        level=level,
        ministry=ministry,
        institution=institution,
        region=region or "",
        name=name,
        support_type=support_type,
        budget_eok=budget.eok,
        budget_parts=budget.parts if budget.eok is not None else (),
        target_text=target,
        content_text=content,
        summary=summary,
        url=url,
        raw_support_type=raw_type,
        **derived,
        source=source,
        kstartup_id=kstartup_id,
    )
    return program, how


# Record fields compared between two versions of a program, and the item key each comes from.
_ITEM_KEYS = {
    "name": "supt_biz_titl_nm",
    "support_type": "biz_category_cd",
    "budget_eok": "biz_supt_bdgt_info",
    "target_text": "biz_supt_trgt_info",
    "content_text": "biz_supt_ctnt",
    "summary": "supt_biz_intrd_info",
    "url": "detl_pg_url",
}

_LEVEL_NOTES = {
    "name": "사업명 앞의 지자체명으로",
    "id": "K-Startup ID 구간으로",
    "target": "지원대상의 지역 요건으로",
    "default": "근거가 없어 중앙부처로",
}


def map_business_items(
    pages: Sequence[SnapshotPage], *, file: str = BUSINESS_FILE
) -> tuple[list[Program], LoadReport]:
    """Programs from raw ``getBusinessInformation01`` pages, deduplicated by program.

    Every item is accounted for: loaded, skipped (an identical duplicate, e.g. an item that
    moved to the next page while the portal refreshed) or rejected (no name, not an object,
    or the same program id with different content), each with page and item number.
    """
    report = LoadReport()
    seen = SeenPrograms()
    programs: list[Program] = []
    how_counts: dict[str, int] = {}
    citation = CITATION.format(op=BUSINESS_OPERATION)
    for page in pages:
        sheet = f"page {page.page}"
        sr = SheetReport(file=file, sheet=sheet)
        for index, raw in enumerate(page.items, start=1):
            item = read_item(raw, sr, report, index)
            if item is None:
                continue
            url, _ = _url_and_id(item.get("detl_pg_url"))
            source = Source(
                file=file,
                sheet=sheet,
                row=index,
                url=url,
                citation=citation,
                fetched_at=page.fetched_at,
            )
            warnings: list[tuple[str, str, str]] = []
            try:
                program, how = program_from_item(item, source, warnings)
            except ValueError as exc:
                tally(report, sr, "rejected", index, str(exc), "supt_biz_titl_nm")
                continue
            # The API repeats an item verbatim across pages; any difference, even in spelling of the
            # name, is a second version of the program.
            repeat = seen.repeat_of(program, fields=("name", *CONTENT_FIELDS))
            if repeat is not None:
                if repeat.kind == "skipped":
                    reason = f"중복 항목 — {repeat.where}과 내용이 같습니다"
                    tally(report, sr, "skipped", index, reason, "supt_biz_titl_nm", program.name)
                    continue
                # Name the item key whose value differs from the first version.
                key = _ITEM_KEYS.get(repeat.differs or "", "supt_biz_titl_nm")
                reason = (
                    f"같은 사업(ID {program.kstartup_id or '없음'})이 {repeat.where}에 이미 있는데 "
                    f"내용이 다릅니다 ({key})"
                )
                tally(report, sr, "rejected", index, reason, key, clean_cell(item.get(key)))
                continue
            seen.add(program, f"{sheet} {index}번째 항목")
            for column, value, reason in warnings:
                tally(report, sr, "warning", index, reason, column, value)
            noise = noise_reasons(
                program.name, (program.target_text, program.content_text, program.summary)
            )
            if noise:
                tally(
                    report,
                    sr,
                    "suspicious",
                    index,
                    "; ".join(noise),
                    "supt_biz_titl_nm",
                    program.name,
                )
            how_counts[how] = how_counts.get(how, 0) + 1
            sr.loaded += 1
            programs.append(program)
        report.sheets.append(sr)
    if how_counts:
        parts = [f"{_LEVEL_NOTES[k]} {n}개" for k, n in how_counts.items()]
        report.notes.append(
            "K-Startup API는 소관부처·지자체와 구분을 주지 않아 구분을 이렇게 정했습니다: "
            + ", ".join(parts)
        )
    return programs, report
