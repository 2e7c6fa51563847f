"""Plan a client's roadmap and write its files — the call the 지원 경로 page and
``navigator roadmap`` both make, so the page's download and the CLI's file are the same.

* :func:`plan` — :func:`graph.path.plan_path` with the options a person sets (steps per phase,
  loans, fields) and the consultant's edits.
* :func:`files` — the workbook and CSV of a roadmap (:mod:`graph.roadmap_export`), with the
  client's name, the date and the data used on the title block.
* :func:`write_clients` — one workbook per client of a clients CSV, plus an index workbook
  linking them, every client row accounted for.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from graph.clients import Client, ClientsLoad
from graph.eligibility import Verdict
from graph.path import Roadmap, RoadmapEdits, plan_path
from graph.profile import FirmProfile
from graph.roadmap_export import (
    ClientSummary,
    clients_index_excel,
    profile_line,
    roadmap_to_csv,
    roadmap_to_excel,
)
from loaders.catalogue import Catalogue, coverage_message
from loaders.model import Program

__all__ = [
    "RoadmapFiles",
    "RoadmapOptions",
    "WrittenClients",
    "data_label",
    "file_stem",
    "files",
    "plan",
    "write_clients",
]


@dataclass(frozen=True)
class RoadmapOptions:
    """What a person chooses besides the profile: steps per phase, loans, preferred fields
    (None: the profile's own)."""

    max_per_phase: int = 2
    include_loans: bool = True
    fields: tuple[str, ...] | None = None


@dataclass(frozen=True)
class RoadmapFiles:
    """The files of one roadmap: workbook and CSV bytes, and the name to save them under."""

    xlsx: bytes
    csv: bytes
    stem: str


def plan(
    programs: Sequence[Program],
    profile: FirmProfile,
    options: RoadmapOptions = RoadmapOptions(),
    *,
    edits: RoadmapEdits | None = None,
    verdicts: Mapping[str, Verdict] | None = None,
) -> Roadmap:
    """The roadmap for ``profile`` with ``options`` and the consultant's ``edits``."""
    return plan_path(
        programs,
        profile,
        fields=options.fields if options.fields is not None else (tuple(profile.fields) or None),
        max_per_phase=options.max_per_phase,
        include_loans=options.include_loans,
        verdicts=verdicts,
        edits=edits,
    )


def data_label(catalogue: Catalogue) -> str:
    """Which data a file was made from and how much of the notice it holds (title block)."""
    coverage = coverage_message(catalogue).split(". ")[0].rstrip(".")
    return f"{catalogue.label} — {coverage}"


_UNSAFE = re.compile(r"[^\w가-힣-]+")


def file_stem(client: str, made: date) -> str:
    """ "roadmap_가나다주식회사_20260301" (no path separators or odd characters)."""
    name = _UNSAFE.sub("_", client.strip()).strip("_")[:40]
    return "_".join(x for x in ("roadmap", name, made.strftime("%Y%m%d")) if x)


def files(
    roadmap: Roadmap,
    catalogue: Catalogue,
    *,
    client: str = "",
    made: date | None = None,
    by_id: Mapping[str, Program] | None = None,
) -> RoadmapFiles:
    """The workbook and CSV of ``roadmap`` (title block: ``client``, ``made``, the data)."""
    made = made or date.today()
    programs = by_id if by_id is not None else catalogue.by_id()
    return RoadmapFiles(
        roadmap_to_excel(roadmap, programs, client=client, data=data_label(catalogue), made=made),
        roadmap_to_csv(roadmap, programs),
        file_stem(client, made),
    )


@dataclass
class WrittenClients:
    """What :func:`write_clients` wrote: a workbook per client, the index, one summary each."""

    workbooks: list[Path]
    index: Path
    summaries: list[ClientSummary] = field(default_factory=list)


def write_clients(
    loaded: ClientsLoad,
    catalogue: Catalogue,
    out_dir: Path,
    options: RoadmapOptions = RoadmapOptions(),
    *,
    made: date | None = None,
) -> WrittenClients:
    """One roadmap workbook per client in ``out_dir`` and ``clients_index.xlsx`` beside them.

    Rejected CSV rows are listed in the index with their reason, so every row is accounted for.
    File names are unique even when two clients share a name. Raises ``OSError`` when the
    folder cannot be written.
    """
    made = made or date.today()
    out_dir.mkdir(parents=True, exist_ok=True)
    by_id = catalogue.by_id()
    used: set[str] = set()
    workbooks: list[Path] = []
    summaries: list[ClientSummary] = []
    for client in loaded.clients:
        roadmap = plan(catalogue.programs, client.profile, options, edits=client.edits)
        made_files = files(roadmap, catalogue, client=client.name, made=made, by_id=by_id)
        stem = made_files.stem
        n = 2
        while stem in used:
            stem, n = f"{made_files.stem}_{n}", n + 1
        used.add(stem)
        path = out_dir / f"{stem}.xlsx"
        path.write_bytes(made_files.xlsx)
        workbooks.append(path)
        summaries.append(_summary(client, roadmap, path.name))
    for problem in loaded.problems:
        if problem.row > 1:
            summaries.append(ClientSummary(f"({problem.row}행)", "", 0, (), "", problem.describe()))
    index = out_dir / "clients_index.xlsx"
    index.write_bytes(clients_index_excel(summaries, data=data_label(catalogue), made=made))
    return WrittenClients(workbooks, index, summaries)


def _summary(client: Client, roadmap: Roadmap, file: str) -> ClientSummary:
    return ClientSummary(
        client.name,
        profile_line(client.profile),
        len(roadmap.steps),
        tuple(g.phase for g in roadmap.gaps),
        file,
        memo=client.memo,
    )
