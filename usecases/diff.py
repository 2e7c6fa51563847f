"""Compare two notices and make their files — the call the 연도 비교 page and ``navigator diff``
both make, so the page's downloads and the CLI's files are the same.

* :func:`load_notice` — a notice named on the command line: a file, a K-Startup snapshot or an
  embedded year (``embedded:2025``).
* :func:`compare` — :func:`graph.diff.diff_catalogues` with a threshold and a person's lineage
  edits (from a lineage CSV and from the page's editable table).
* :func:`files` — the workbook and the lineage CSV; :func:`charts` — each chart as an SVG with
  the CSV of its table (budget waterfall, per program, per ministry, per support type).
* :func:`lineage_table`, :func:`waterfall_table`, :func:`moves_table`, :func:`budget_table`,
  :func:`group_table`, :func:`excluded_table` — the tables the page shows and draws.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from graph.diff import (
    DEFAULT_THRESHOLD,
    LINEAGE_COLUMNS,
    RELATION_LABELS,
    RELATIONS,
    LineageEdit,
    Link,
    NoticeDiff,
    diff_catalogues,
    lineage_rows,
    lineage_to_csv,
)
from graph.diff_export import (
    BUDGET_COLUMNS,
    GROUP_COLUMNS,
    budget_rows,
    diff_to_excel,
    group_rows,
    table_csv,
    waterfall_rows,
)
from graph.svgchart import Bar, bars_svg, waterfall_spans, waterfall_svg
from loaders.catalogue import Catalogue, load_embedded, load_files, load_snapshot
from loaders.errors import LoadError

__all__ = [
    "Chart",
    "DiffFiles",
    "GroupTable",
    "budget_table",
    "chart",
    "charts",
    "compare",
    "excluded_table",
    "file_stem",
    "files",
    "group_table",
    "lineage_table",
    "link_name",
    "load_notice",
    "moves_table",
    "waterfall_table",
]

CHARTS: tuple[str, ...] = ("waterfall", "program", "ministry", "support_type")


@dataclass(frozen=True)
class DiffFiles:
    """The workbook and lineage CSV of a comparison, and the name to save them under."""

    xlsx: bytes
    lineage_csv: bytes
    stem: str


@dataclass(frozen=True)
class Chart:
    """One downloadable chart: the SVG, the CSV of its table, and a file name stem."""

    svg: bytes
    csv: bytes
    stem: str
    empty: bool = False


def load_notice(spec: str) -> Catalogue:
    """The notice named by ``spec``: ``embedded`` (the default year) or ``embedded:YEAR``,
    ``snapshot`` (the newest good K-Startup snapshot) or a ``.json`` snapshot file, else a
    notice file (``.xlsx``/``.csv``). Raises :class:`~loaders.errors.LoadError`."""
    if spec == "embedded" or spec.startswith("embedded:"):
        year = spec.partition(":")[2]
        if not year:
            return load_embedded()
        if not year.isdigit():
            raise LoadError(
                f"'{spec}': 내장 데이터는 embedded:연도 로 지정하세요 (예: embedded:2025)."
            )
        return load_embedded(int(year))
    if spec == "snapshot":
        return load_snapshot()
    if spec.lower().endswith(".json"):
        return load_snapshot(spec)
    return load_files([spec])


def compare(
    old: Catalogue,
    new: Catalogue,
    *,
    threshold: float | None = None,
    edits: Sequence[LineageEdit] = (),
) -> NoticeDiff:
    """The comparison of two notices (see :mod:`graph.diff`)."""
    return diff_catalogues(
        old, new, threshold=DEFAULT_THRESHOLD if threshold is None else threshold, edits=edits
    )


def file_stem(diff: NoticeDiff) -> str:
    """ "diff_2025_2026" (years, or old/new when a side states none)."""
    return f"diff_{diff.old.year or 'old'}_{diff.new.year or 'new'}"


def files(diff: NoticeDiff) -> DiffFiles:
    """The workbook (:func:`graph.diff_export.diff_to_excel`) and the lineage CSV."""
    return DiffFiles(diff_to_excel(diff), lineage_to_csv(diff), file_stem(diff))


def link_name(diff: NoticeDiff, link: Link) -> str:
    """A link's programs by name (the new ones, or the old ones of a dropped program)."""
    ids = link.new_ids or link.old_ids
    by_id = diff.new_programs if link.new_ids else diff.old_programs
    return " + ".join(by_id[i].name for i in ids)


def chart(diff: NoticeDiff, name: str) -> Chart:
    """One of :data:`CHARTS` as SVG plus its table as CSV. Titles name the years; the
    description says how much of each notice the data holds and that only stated budgets
    count, so the file is not mistaken for the notices' totals."""
    span = f"{diff.old.year or '이전'} → {diff.new.year or '새'}"
    desc = f"{diff.old.coverage} → {diff.new.coverage}; 적힌 예산만"
    stem = f"{file_stem(diff)}_{name}"
    if name == "waterfall":
        steps = diff.waterfall()
        svg = waterfall_svg(
            [(s.label, s.amount, s.kind) for s in steps], title=f"예산 흐름 {span}", desc=desc
        )
        return Chart(
            svg.encode("utf-8"),
            table_csv(("단계", "금액(억원)", "사업 수"), waterfall_rows(diff)),
            stem,
        )
    if name == "program":
        moves = sorted(
            (link for link in diff.links if link.budget_change is not None),
            key=lambda link: -(link.budget_change or 0),
        )
        svg = bars_svg(
            [Bar(link_name(diff, link), link.budget_change) for link in moves],
            title=f"사업별 예산 증감 {span}",
            desc=desc,
        )
        return Chart(
            svg.encode("utf-8"), table_csv(BUDGET_COLUMNS, budget_rows(diff)), stem, not moves
        )
    if name in ("ministry", "support_type"):
        key: Literal["ministry", "support_type"] = (
            "ministry" if name == "ministry" else "support_type"
        )
        rows = group_rows(diff, key)
        label = "소관 부처·시·도" if key == "ministry" else "지원유형"
        bars = [Bar(f"{r[0]} (예산 명시 {r[6]}→{r[7]})", r[5]) for r in rows if r[5] is not None]
        svg = bars_svg(bars, title=f"{label}별 예산 증감 {span}", desc=desc)
        headers = (label, *(c.header for c in GROUP_COLUMNS[1:]))
        return Chart(svg.encode("utf-8"), table_csv(headers, rows), stem, not bars)
    raise ValueError(f"unknown chart {name!r}; one of {CHARTS}")


def charts(diff: NoticeDiff) -> dict[str, Chart]:
    """Every chart of :data:`CHARTS`."""
    return {name: chart(diff, name) for name in CHARTS}


# ----------------------------------------------------------------------------- the page's tables


def lineage_table(diff: NoticeDiff, relations: Iterable[str] = RELATIONS) -> pd.DataFrame:
    """The lineage table (:data:`graph.diff.LINEAGE_COLUMNS`), only the links of ``relations``
    (all of them by default)."""
    frame = pd.DataFrame(lineage_rows(diff), columns=list(LINEAGE_COLUMNS))
    return frame[frame["관계"].isin({RELATION_LABELS[r] for r in relations})]


def waterfall_table(diff: NoticeDiff) -> pd.DataFrame:
    """The budget waterfall as bars: each step's label, where its bar starts and ends (억원),
    its amount, programs and kind (합계, 증가 or 감소)."""
    steps = diff.waterfall()
    spans = waterfall_spans((s.amount, s.kind) for s in steps)
    return pd.DataFrame(
        [
            {
                "단계": s.label,
                "시작": start,
                "끝": end,
                "금액(억원)": s.amount,
                "사업 수": s.programs or None,
                "종류": "합계" if s.kind == "total" else "증가" if s.amount >= 0 else "감소",
            }
            for s, (start, end) in zip(steps, spans, strict=True)
        ]
    )


def moves_table(diff: NoticeDiff) -> pd.DataFrame:
    """Budget change per link whose programs state a budget in both notices (사업, 증감(억원),
    관계), smallest change first; empty when no link has one."""
    rows = [
        {"사업": link_name(diff, link), "증감(억원)": link.budget_change, "관계": link.label}
        for link in diff.links
        if link.budget_change is not None
    ]
    return pd.DataFrame(rows, columns=["사업", "증감(억원)", "관계"]).sort_values("증감(억원)")


def budget_table(diff: NoticeDiff) -> pd.DataFrame:
    """Budget per program, old and new (:data:`graph.diff_export.BUDGET_COLUMNS`)."""
    return pd.DataFrame(budget_rows(diff), columns=[c.header for c in BUDGET_COLUMNS])


@dataclass(frozen=True)
class GroupTable:
    """Budget moved per ministry or support type: the whole table, and the rows with a change
    for the chart, each labelled with how many programs state a budget (``표시``)."""

    frame: pd.DataFrame
    chart: pd.DataFrame


def group_table(
    diff: NoticeDiff, key: Literal["ministry", "support_type"], name: str
) -> GroupTable:
    """:func:`graph.diff_export.group_rows` by ``key``, its first column headed ``name``."""
    headers = [name, *(c.header for c in GROUP_COLUMNS[1:])]
    frame = pd.DataFrame(group_rows(diff, key), columns=headers)
    shown = frame.dropna(subset=["증감(억원)"])
    chart = shown.assign(
        표시=shown[name]
        + " (예산 명시 "
        + shown["이전 예산 명시"].astype(str)
        + "→"
        + shown["새 예산 명시"].astype(str)
        + ")"
    )
    return GroupTable(frame, chart)


def excluded_table(diff: NoticeDiff) -> pd.DataFrame:
    """The programs left out of the comparison (no program of the same level on the other
    side): which notice, name, level, region and budget."""
    excluded = [("이전", diff.old_programs[pid]) for pid in diff.excluded_old] + [
        ("새", diff.new_programs[pid]) for pid in diff.excluded_new
    ]
    return pd.DataFrame(
        [
            {
                "데이터": side,
                "사업명": p.name,
                "구분": p.level,
                "지역": p.region,
                "예산(억원)": p.budget_eok,
            }
            for side, p in excluded
        ],
        columns=["데이터", "사업명", "구분", "지역", "예산(억원)"],
    )
