"""Excel and CSV exports of a support roadmap and of duplicate findings.

Consultants hand these files to clients and ministries open them in Excel; every cell goes
through :mod:`graph.sheets`, which keeps formula-like text inert, writes CSV as UTF-8 with BOM
and respects openpyxl's limits. Columns name each other by header (a program name links to the
"상세 URL" column), so a column can move without breaking a link.

The page (지원 경로, 중복 분석) and the CLI (``navigator roadmap``) call the same functions, so
both write the same file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from graph.sheets import (
    Column,
    csv_bytes,
    new_workbook,
    safe_sheet_title,
    workbook_bytes,
    write_table,
)
from loaders.model import Program
from loaders.vocab import CEO_AGE_FORM_LABEL, FOUNDER_GROUPS, PHASES, STATUS_LABELS

__all__ = [
    "CLUSTER_COLUMNS",
    "PAIR_COLUMNS",
    "PROFILE_LABELS",
    "ROADMAP_COLUMNS",
    "cluster_rows",
    "duplicates_to_csv",
    "duplicates_to_excel",
    "pair_rows",
    "roadmap_rows",
    "roadmap_to_csv",
    "roadmap_to_excel",
]

# Korean labels of FirmProfile fields (profile_to_dict keys), in the order the sheet lists them.
PROFILE_LABELS: dict[str, str] = {
    "pre_founding": "예비창업자 (사업자 등록 전)",
    "founded": "창업일 (개업일)",
    "as_of": "기준일",
    "ceo_age": CEO_AGE_FORM_LABEL,
    "region": "소재지 (시·도)",
    "district": "소재지 (시·군·구)",
    "fields": "기술·사업 분야",
    **{g.profile_field: g.topic for g in FOUNDER_GROUPS},
}


def _by_id(programs: Sequence[Program] | Mapping[str, Program]) -> Mapping[str, Program]:
    if isinstance(programs, Mapping):
        return programs
    return {p.program_id: p for p in programs}


# ---------------------------------------------------------------------------- roadmap


def _as_dict(obj: Any) -> dict[str, Any]:
    if isinstance(obj, Mapping):
        return dict(obj)
    return dict(obj.to_dict())


def _profile_dict(profile: Any) -> dict[str, Any]:
    if profile is None:
        return {}
    if isinstance(profile, Mapping):
        return dict(profile)
    from graph.profile import profile_to_dict  # the engine's own serialisation

    return profile_to_dict(profile)


def _assumptions(roadmap: Any, data: Mapping[str, Any]) -> list[str]:
    found = data.get("assumptions")
    if found is None:
        found = getattr(roadmap, "assumptions", ()) or ()
    return [str(a) for a in found]


def _near_miss_text(near: Mapping[str, Any] | None, by_id: Mapping[str, Program]) -> str:
    """ "사업명 (기관): 미충족 조건" for a gap's closest program."""
    if not near:
        return ""
    pid = near.get("program_id", "")
    prog = by_id.get(pid)
    name = near.get("name") or (prog.name if prog else pid)
    inst = near.get("institution") or (prog.institution if prog else "")
    why = near.get("reason") or near.get("failed_label") or near.get("failed") or ""
    if isinstance(why, (list, tuple)):
        why = "; ".join(str(w) for w in why)
    head = f"{name} ({inst})" if inst else str(name)
    return f"{head}: {why}" if why else head


ROADMAP_COLUMNS: tuple[Column, ...] = (
    Column("순서", 6),
    Column("단계", 16),
    Column("구분", 8),
    Column("사업명", 40, link="상세 URL"),
    Column("운영기관", 24),
    Column("지원유형", 16),
    Column("예산(억원)", 12, number_format="#,##0.0"),
    Column("신청 가능 시작", 14),
    Column("신청 가능 종료", 14),
    Column("자격", 10),
    Column("추천 이유 / 공백 설명", 60, wrap=True),
    Column("가장 가까운 사업 (미충족 조건)", 60, wrap=True),
    Column("사업 ID", 16),
    Column("상세 URL", 40),
)


def _phase_order(data: Mapping[str, Any]) -> dict[str, int]:
    """Phase rank: the engine's PHASES order, then any other phase in order of appearance."""
    known = list(PHASES)
    seen = [str(x.get("phase", "")) for x in (*data.get("steps", []), *data.get("gaps", []))]
    return {ph: i for i, ph in enumerate(dict.fromkeys([*known, *seen]))}


def roadmap_rows(roadmap: Any, programs: Sequence[Program] | Mapping[str, Program]) -> list[list]:
    """The roadmap as table rows (steps and gaps in phase order) shared by Excel and CSV.

    Within a phase, recommended steps come first and its gap (if any) after them, so reading
    down the sheet follows the support path and shows where it breaks.
    """
    data = _as_dict(roadmap)
    by_id = _by_id(programs)
    order = _phase_order(data)

    entries: list[tuple[int, int, int, list]] = []
    for k, step in enumerate(data.get("steps", [])):
        prog = by_id.get(step.get("program_id", ""))
        phase = str(step.get("phase", ""))
        owner = step.get("institution") or (prog.institution if prog else "") or "미상"
        status = step.get("status") or ""
        entries.append(
            (
                order[phase],
                0,
                k,
                [
                    phase,
                    "추천",
                    step.get("name") or (prog.name if prog else ""),
                    owner,
                    prog.support_type if prog else "",
                    prog.budget_eok if prog else None,
                    step.get("available_from") or "",
                    step.get("available_until") or "",
                    STATUS_LABELS.get(status, status),
                    step.get("why") or "",
                    "",
                    step.get("program_id", ""),
                    prog.url if prog else "",
                ],
            )
        )
    for k, gap in enumerate(data.get("gaps", [])):
        phase = str(gap.get("phase", ""))
        near = gap.get("near_miss")
        entries.append(
            (
                order[phase],
                1,
                k,
                [
                    phase,
                    "공백",
                    "",
                    "",
                    "",
                    None,
                    "",
                    "",
                    "",
                    gap.get("reason") or "",
                    _near_miss_text(near, by_id),
                    (near or {}).get("program_id", ""),
                    "",
                ],
            )
        )
    entries.sort(key=lambda e: e[:3])
    return [[n, *e[3]] for n, e in enumerate(entries, start=1)]


DETAIL_COLUMNS: tuple[Column, ...] = (
    Column("사업 ID", 16),
    Column("사업명", 36, link="상세 URL"),
    Column("구분", 10),
    Column("소관 부처·지자체", 20),
    Column("운영기관", 22),
    Column("지역", 8),
    Column("지원유형", 16),
    Column("예산(억원)", 12, number_format="#,##0.0"),
    Column("창업 단계", 16),
    Column("기술·사업 분야", 24, wrap=True),
    Column("지원대상", 60, wrap=True),
    Column("지원내용", 60, wrap=True),
    Column("사업개요", 60, wrap=True),
    Column("전담기관", 20),
    Column("문의처", 24, wrap=True),
    Column("신청 기간", 20),
    Column("상세 URL", 40),
    Column("출처", 50, wrap=True),
)


def _detail_row(p: Program) -> list:
    src = p.source.citation or p.source.describe()
    return [
        p.program_id,
        p.name,
        p.level,
        p.ministry,
        p.institution,
        p.region,
        p.support_type,
        p.budget_eok,
        p.stages,
        p.tech_fields,
        p.target_text,
        p.content_text,
        p.summary,
        p.agency,
        p.contact,
        p.apply_period,
        p.url,
        src,
    ]


def _roadmap_program_ids(data: Mapping[str, Any]) -> list[str]:
    ids = [s.get("program_id", "") for s in data.get("steps", [])]
    ids += [(g.get("near_miss") or {}).get("program_id", "") for g in data.get("gaps", [])]
    return list(dict.fromkeys(i for i in ids if i))


def _profile_rows(
    profile: Any, assumptions: Sequence[str], dataset_label: str, generated_at: str
) -> list[list]:
    prof = _profile_dict(profile)
    rows: list[list] = []
    for key, label in PROFILE_LABELS.items():
        if key in prof:
            value = prof[key]
            rows.append(["프로필", label, "" if value is None else value])
    for key, value in prof.items():
        if key not in PROFILE_LABELS:
            rows.append(["프로필", key, value])
    rows += [["가정", f"{i}", text] for i, text in enumerate(assumptions, start=1)]
    if dataset_label:
        rows.append(["데이터", "사용한 데이터", dataset_label])
    rows.append(["데이터", "작성 시각", generated_at])
    rows.append(
        [
            "안내",
            "확인 필요",
            "자격 판정과 지원 시기는 통합공고·사업 공고문을 바탕으로 한 추정입니다. "
            "신청 전 각 사업의 공고문 원문을 확인하세요.",
        ]
    )
    return rows


PROFILE_COLUMNS: tuple[Column, ...] = (
    Column("구분", 10),
    Column("항목", 28),
    Column("값", 80, wrap=True),
)


def roadmap_to_excel(
    roadmap: Any,
    programs: Sequence[Program] | Mapping[str, Program],
    profile: Any,
    *,
    dataset_label: str = "",
    generated_at: str | None = None,
) -> bytes:
    """The roadmap as a formatted workbook: 로드맵 / 사업 상세 / 가정·프로필.

    ``roadmap`` is a :class:`graph.path.Roadmap` (or its ``to_dict()``), ``profile`` a
    :class:`graph.profile.FirmProfile` (or its dict). Gaps are shaded so the break in the path is
    visible at a glance; program names link to their K-Startup page.
    """
    data = _as_dict(roadmap)
    by_id = _by_id(programs)
    stamp = generated_at or datetime.now().isoformat(timespec="seconds")
    wb, ws = new_workbook("로드맵")
    write_table(ws, ROADMAP_COLUMNS, roadmap_rows(data, by_id), highlight=lambda r: r[2] == "공백")
    details = [_detail_row(by_id[i]) for i in _roadmap_program_ids(data) if i in by_id]
    write_table(wb.create_sheet(safe_sheet_title("사업 상세")), DETAIL_COLUMNS, details)
    write_table(
        wb.create_sheet(safe_sheet_title("가정·프로필")),
        PROFILE_COLUMNS,
        _profile_rows(profile, _assumptions(roadmap, data), dataset_label, stamp),
    )
    return workbook_bytes(wb)


def roadmap_to_csv(
    roadmap: Any,
    programs: Sequence[Program] | Mapping[str, Program],
    profile: Any = None,
) -> bytes:
    """The 로드맵 sheet as CSV (UTF-8 with BOM, formula-like cells neutralised).

    ``profile`` is accepted for symmetry with :func:`roadmap_to_excel`; a CSV holds one table,
    so the profile and assumptions are only in the workbook.
    """
    del profile
    return csv_bytes([c.header for c in ROADMAP_COLUMNS], roadmap_rows(roadmap, programs))


# ---------------------------------------------------------------------------- duplicates

PAIR_COLUMNS: tuple[Column, ...] = (
    Column("유사도", 8, number_format="0.0"),
    Column("사업 A", 36, link="URL A"),
    Column("운영기관 A", 20),
    Column("사업 B", 36, link="URL B"),
    Column("운영기관 B", 20),
    Column("이름", 8, number_format="0.0"),
    Column("내용", 8, number_format="0.0"),
    Column("대상", 8, number_format="0.0"),
    Column("유형", 8, number_format="0.0"),
    Column("단계", 8, number_format="0.0"),
    Column("군집", 6),
    Column("사업 A ID", 14),
    Column("사업 B ID", 14),
    Column("URL A", 30),
    Column("URL B", 30),
)

BREAKDOWN_KEYS = ("name", "content", "target", "type", "stage")


def _cluster_of(result: Any) -> dict[str, int]:
    return {pid: n for n, members in enumerate(result.clusters, start=1) for pid in members}


def pair_rows(result: Any, by_id: Mapping[str, Program]) -> list[list]:
    """Pair table rows (headers: :data:`PAIR_COLUMNS`), best score first."""
    cluster_of = _cluster_of(result)
    rows = []
    for pair in sorted(result.pairs, key=lambda p: -p.score):
        a, b = by_id.get(pair.a_id), by_id.get(pair.b_id)
        rows.append(
            [
                pair.score,
                a.name if a else pair.a_id,
                a.institution if a else "",
                b.name if b else pair.b_id,
                b.institution if b else "",
                *(pair.breakdown.get(k) for k in BREAKDOWN_KEYS),
                cluster_of.get(pair.a_id, ""),
                pair.a_id,
                pair.b_id,
                a.url if a else "",
                b.url if b else "",
            ]
        )
    return rows


CLUSTER_COLUMNS: tuple[Column, ...] = (
    Column("군집", 6),
    Column("사업 수", 8),
    Column("기관 수", 8),
    Column("예산 합계(억원)", 14, number_format="#,##0.0"),
    Column("예산 명시 사업", 12),
    Column("사업 (기관)", 80, wrap=True),
    Column("사업 ID", 40, wrap=True),
)


def cluster_rows(result: Any, by_id: Mapping[str, Program]) -> list[list]:
    """One row per cluster (headers: :data:`CLUSTER_COLUMNS`): size, institutions, the budget
    the overlapping programs add up to (stated budgets only) and their names."""
    rows = []
    for n, members in enumerate(result.clusters, start=1):
        progs = [by_id[m] for m in members if m in by_id]
        budgets = [p.budget_eok for p in progs if p.budget_eok is not None]
        rows.append(
            [
                n,
                len(members),
                len({p.institution for p in progs if p.institution}),
                round(sum(budgets), 2) if budgets else None,
                len(budgets),
                "\n".join(f"{p.name} ({p.institution or p.region or '기관 미상'})" for p in progs),
                ", ".join(members),
            ]
        )
    return rows


def _frame_rows(frame: Any) -> tuple[list[str], list[list]]:
    """Header and rows of a DataFrame, index first (the overlap matrices)."""
    index_name = frame.index.name or ""
    headers = [str(index_name), *(str(c) for c in frame.columns)]
    rows = [
        [str(idx), *vals]
        for idx, vals in zip(frame.index, frame.itertuples(index=False), strict=True)
    ]
    return headers, rows


def duplicates_to_excel(
    result: Any,
    programs: Sequence[Program] | Mapping[str, Program],
    *,
    tables: Mapping[str, Any] | None = None,
) -> bytes:
    """Duplicate findings as a workbook: 중복 쌍 / 군집 / one sheet per overlap table.

    ``result`` is a :class:`graph.duplicates.DuplicateResult`; ``tables`` maps sheet titles to
    DataFrames (e.g. ``{"부처×부처": overlap_table(result, programs, by="ministry")}``).
    """
    by_id = _by_id(programs)
    wb, ws = new_workbook("중복 쌍")
    write_table(ws, PAIR_COLUMNS, pair_rows(result, by_id))
    write_table(wb.create_sheet("군집"), CLUSTER_COLUMNS, cluster_rows(result, by_id))
    for title, frame in (tables or {}).items():
        headers, rows = _frame_rows(frame)
        cols = [Column(headers[0], 20)] + [Column(h, 10) for h in headers[1:]]
        write_table(wb.create_sheet(safe_sheet_title(title)), cols, rows)
    return workbook_bytes(wb)


def duplicates_to_csv(result: Any, programs: Sequence[Program] | Mapping[str, Program]) -> bytes:
    """The pair table as CSV (UTF-8 with BOM, formula-like cells neutralised)."""
    return csv_bytes([c.header for c in PAIR_COLUMNS], pair_rows(result, _by_id(programs)))
