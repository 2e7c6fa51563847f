"""The navigation engine: eligibility, the program graph, support paths, duplicate detection.

Plain Python over :class:`loaders.model.Program` records — no Streamlit here (a test checks it),
so the CLI, the app and the benchmarks call the same functions. Modules:

* :mod:`graph.profile` — :class:`~graph.profile.FirmProfile` and its validation;
* :mod:`graph.eligibility` — eligible / maybe / ineligible with reasons;
* :mod:`graph.phases` — the five phases of the support path and the type → phase mapping;
* :mod:`graph.rules` — 중복 수혜 rules as data;
* :mod:`graph.network` — the program map (facet hubs + "next" edges);
* :mod:`graph.path` — the consultant's roadmap;
* :mod:`graph.duplicates` — overlapping programs across institutions;
* :mod:`graph.search`, :mod:`graph.export` — search and Excel/CSV export;
* :mod:`graph.calls` — calls (공고) judged for a firm, and as evidence for their programs;
* :mod:`graph.ics` — call deadlines as an iCalendar file;
* :mod:`graph.settle` — △ programs grouped by the fact they miss, and the question to ask.

Submodules are imported on use (``from graph.path import plan_path``) so that importing one
part does not load the others.
"""

from __future__ import annotations

__all__ = [
    "calls",
    "duplicates",
    "eligibility",
    "export",
    "ics",
    "network",
    "path",
    "phases",
    "profile",
    "rules",
    "search",
    "settle",
]
