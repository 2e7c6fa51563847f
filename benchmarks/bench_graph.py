"""Building the program graph (facet hubs + bounded "next" edges) at 400 / 5,000 / 20,000.

Baseline, measured in the same run: the facet-only graph (each program linked to its
institution, stage, field and type hubs with plain ``networkx`` calls) — what the map alone
would cost. The ratio shows what the support-path "next" edges add on top. Synthetic catalogues
come from :func:`benchmarks.synthetic.synthetic_catalogue` (marked synthetic, never shown).
Run alone: ``python -m benchmarks.bench_graph``.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from benchmarks.common import measure, peak_memory_mb, row
from benchmarks.synthetic import synthetic_catalogue
from graph.network import build_graph, facet_id
from loaders.model import Program

__all__ = ["run"]


def facet_only_graph(programs: list[Program]) -> nx.DiGraph:
    """The baseline: program → facet edges only, no path edges, no attributes beyond a label."""
    g = nx.DiGraph()
    for p in programs:
        g.add_node(p.program_id, label=p.name)
        hubs = [facet_id("inst", p.institution or "미상"), facet_id("type", p.support_type)]
        hubs += [facet_id("stage", s) for s in p.stages]
        hubs += [facet_id("field", f) for f in p.tech_fields]
        g.add_edges_from((p.program_id, h) for h in hubs)
    return g


def run(sizes: tuple[int, ...] = (400, 5_000, 20_000), quick: bool = False) -> list[dict[str, Any]]:
    """Rows for the performance table (see benchmarks/run.py)."""
    rows = []
    for n in sizes:
        if quick and n > 5_000:
            continue
        programs = synthetic_catalogue(n)
        repeat = 3 if n <= 5_000 else 1
        ours = measure(lambda programs=programs: build_graph(programs), repeat=repeat, min_time=0.0)
        base = measure(
            lambda programs=programs: facet_only_graph(programs), repeat=repeat, min_time=0.0
        )
        peak = (
            peak_memory_mb(lambda programs=programs: build_graph(programs)) if n <= 5_000 else None
        )
        edges = build_graph(programs).number_of_edges()
        rows.append(
            row(
                "graph build (facets + next edges)",
                f"{n:,} synthetic programs, {edges:,} edges",
                ours,
                "facet-only networkx graph",
                base,
                peak_mb=peak,
            )
        )
    return rows


if __name__ == "__main__":
    for r in run():
        print(r)
