"""The navigation engine at 400, 5,000 and 20,000 programs, against same-run baselines.

Run alone: ``python -m benchmarks.bench_engine`` (``--quick`` skips 20,000). Catalogues are
:func:`benchmarks.synthetic.synthetic_catalogue` — the real embedded records perturbed and
marked SYNTHETIC. Each row compares our code with a baseline measured in the same run:

* **duplicate scan** — :func:`graph.duplicates.find_duplicates` (rapidfuzz ``cdist`` on row
  blocks + ``cpdist`` on candidates) against a naive pairwise Python loop that scores every
  pair with the same keys and weights. The loop is timed on a random sample of 30,000 pairs and
  extrapolated to n(n−1)/2 pairs (at 20,000 it would run for minutes). At 20,000 our time is the
  best of two runs. Targets: under 10 s at 20,000 programs on 2 cores and ≥ 50× faster than the
  loop.
* **eligibility** — :func:`graph.eligibility.evaluate_all` for one profile (compiled checks
  cached, as in the app after the first call) against evaluating program by program with the
  compiled form thrown away each time. Target: under 50 ms at 20,000.
* **path** — :func:`graph.path.plan_path` for one profile; its baseline is the issue's target
  itself (200 ms at 400, 2 s at 20,000), so the ratio says how far under the target it stays.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np

from benchmarks.common import measure, peak_memory_mb, row
from benchmarks.synthetic import synthetic_catalogue
from graph import eligibility as elig_mod
from graph.duplicates import (
    COMPONENTS,
    DEFAULT_THRESHOLD,
    WEIGHTS,
    _prepare,
    find_duplicates,
)
from graph.eligibility import evaluate, evaluate_all
from graph.path import plan_path
from graph.profile import FirmProfile
from loaders.model import Program

__all__ = ["DEFAULT_SIZES", "PROFILE", "naive_pair_seconds", "run"]

DEFAULT_SIZES: tuple[int, ...] = (400, 5_000, 20_000)
# One realistic profile: a 14-month-old AI firm in 경기, CEO 34.
PROFILE = FirmProfile(
    founded=date(2025, 1, 10),
    as_of=date(2026, 3, 1),
    ceo_age=34,
    region="경기",
    fields=("인공지능·빅데이터",),
)
_NAIVE_SAMPLE_PAIRS = 30_000


def _once(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def naive_pair_seconds(programs: Sequence[Program], *, sample: int = _NAIVE_SAMPLE_PAIRS) -> float:
    """Seconds a pairwise Python loop would need for all n(n−1)/2 pairs (sampled, extrapolated).

    The loop scores each pair exactly as :func:`graph.duplicates.find_duplicates` does — the same
    normalised jamo keys, prepared once, and the same weights — calling rapidfuzz once per pair
    and component, so the ratio isolates what vectorisation, cutoffs and threads buy.
    """
    from rapidfuzz import fuzz

    prep = _prepare(programs)
    n = len(programs)
    total_pairs = n * (n - 1) // 2
    rng = random.Random(0)
    pairs = [tuple(sorted(rng.sample(range(n), 2))) for _ in range(min(sample, total_pairs))]
    names, leads, targets = list(prep.names), list(prep.leads), list(prep.targets)
    types, stages = prep.types.tolist(), prep.stages.tolist()
    owner, local = prep.owner.tolist(), prep.local.tolist()
    codes = [prep.region.tolist(), prep.place.tolist(), prep.host.tolist()]

    def different(i: int, j: int) -> bool:
        if owner[i] >= 0 and owner[j] >= 0:
            return owner[i] != owner[j]
        if local[i] != local[j]:
            return True
        return any(c[i] >= 0 and c[j] >= 0 and c[i] != c[j] for c in codes)

    w = [WEIGHTS[c] for c in COMPONENTS]

    def loop() -> int:
        hits = 0
        for i, j in pairs:
            if not different(i, j):
                continue
            parts = [fuzz.ratio(names[i], names[j]), 0.0, 0.0, 0.0, 0.0]
            have = [True, bool(leads[i] and leads[j]), bool(targets[i] and targets[j]), True, False]
            if have[1]:
                parts[1] = fuzz.ratio(leads[i], leads[j])
            if have[2]:
                parts[2] = fuzz.ratio(targets[i], targets[j])
            parts[3] = 100.0 if types[i] == types[j] else 0.0
            si, sj = stages[i], stages[j]
            if si and sj:
                have[4] = True
                parts[4] = 100.0 * bin(si & sj).count("1") / bin(si | sj).count("1")
            den = sum(wk for wk, h in zip(w, have, strict=True) if h)
            score = sum(wk * p for wk, p, h in zip(w, parts, have, strict=True) if h) / den
            hits += score >= DEFAULT_THRESHOLD
        return hits

    per_pair = measure(loop, repeat=3, min_time=0.1) / len(pairs)
    return per_pair * total_pairs


def _naive_eligibility(programs: Sequence[Program], profile: FirmProfile) -> None:
    """Program-by-program evaluation with nothing precompiled (the cache is dropped)."""
    for program in programs:
        elig_mod._CACHE.clear()
        evaluate(program, profile)


def run(sizes: Sequence[int] = DEFAULT_SIZES, *, quick: bool = False) -> list[dict[str, Any]]:
    """Rows for the performance table (see benchmarks/run.py); ``quick`` drops 20,000."""
    sizes = [s for s in sizes if not (quick and s >= 20_000)]
    catalogue = tuple(synthetic_catalogue(max(sizes), seed=0))
    rows: list[dict[str, Any]] = []
    cpus = os.cpu_count() or 1
    for n in sizes:
        programs = catalogue[:n]
        label = f"{n:,} synthetic programs"
        if n >= 20_000:
            # Best of two single runs: a 20,000 scan takes seconds, and on a shared 2-core
            # machine one run can be slowed by other processes (timeit's advice: take the min).
            ours = min(_once(lambda p=programs: find_duplicates(p)) for _ in range(2))
        else:
            ours = measure(lambda p=programs: find_duplicates(p), repeat=3, min_time=0.05)
        found = find_duplicates(programs) if n < 20_000 else None
        # tracemalloc slows the 20,000 scan several-fold; its RSS is in run.py's closing line.
        peak = peak_memory_mb(lambda p=programs: find_duplicates(p)) if n < 20_000 else None
        naive = naive_pair_seconds(programs)
        rows.append(
            row(
                "duplicate scan (cdist pipeline)",
                label,
                ours,
                "naive pairwise loop (sampled, extrapolated)",
                naive,
                target="< 10 s at 20,000 on 2 cores; ≥ 50× naive",
                peak_mb=peak,
            )
            | {
                "cpus": cpus,
                "pairs_found": len(found.pairs) if found else None,
                # The issue states both targets for 20,000 programs; smaller sizes are context.
                "meets_target": (
                    (ours < 10.0, naive / ours >= 50) if n >= 20_000 else (None, None)
                ),
            }
        )
    for n in sizes:
        if n not in (400, 20_000):
            continue
        programs = catalogue[:n]
        label = f"{n:,} synthetic programs"
        elig_mod._CACHE.clear()
        cold = _once(lambda p=programs: evaluate_all(p, PROFILE))
        warm = measure(lambda p=programs: evaluate_all(p, PROFILE), repeat=5, min_time=0.1)
        sample = programs[: min(n, 2_000)]
        base = measure(lambda s=sample: _naive_eligibility(s, PROFILE), repeat=3, min_time=0.1)
        base *= n / len(sample)
        elig_mod._CACHE.clear()
        rows.append(
            row(
                "eligibility, one profile (evaluate_all)",
                label,
                warm,
                "per-program evaluate, nothing precompiled",
                base,
                target="< 50 ms at 20,000",
                peak_mb=peak_memory_mb(lambda p=programs: evaluate_all(p, PROFILE)),
            )
            | {"cold_seconds": cold, "meets_target": warm < 0.05 if n >= 20_000 else None}
        )
        evaluate_all(programs, PROFILE)  # compile once, as the app does on first use
        path = measure(lambda p=programs: plan_path(p, PROFILE), repeat=3, min_time=0.1)
        limit = 0.2 if n <= 400 else 2.0
        rows.append(
            row(
                "support path, one profile (plan_path)",
                label,
                path,
                "target (issue 3)",
                limit,
                target=f"< {limit * 1000:.0f} ms at {n:,}",
                peak_mb=peak_memory_mb(lambda p=programs: plan_path(p, PROFILE)),
            )
            | {"meets_target": path < limit}
        )
    return rows


def _fmt(seconds: float) -> str:
    if seconds >= 3600:
        return f"{seconds / 3600:.1f} h"
    if seconds >= 1:
        return f"{seconds:.2f} s"
    return f"{seconds * 1000:.1f} ms"


def render(rows: list[dict[str, Any]]) -> str:
    """The engine's table (markdown), with whether each target is met."""
    lines = [
        "| benchmark | size | ours | baseline | baseline time | ratio | target | met |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        met = r.get("meets_target")
        if isinstance(met, tuple):
            met = " / ".join("—" if m is None else ("yes" if m else "no") for m in met)
        else:
            met = "—" if met is None else ("yes" if met else "no")
        lines.append(
            f"| {r['benchmark']} | {r['size']} | {_fmt(r['seconds'])} | {r['baseline']} | "
            f"{_fmt(r['baseline_seconds'])} | {r['ratio']:,.0f}× | {r['target']} | {met} |"
            if r["ratio"] >= 10
            else f"| {r['benchmark']} | {r['size']} | {_fmt(r['seconds'])} | {r['baseline']} | "
            f"{_fmt(r['baseline_seconds'])} | {r['ratio']:.1f}× | {r['target']} | {met} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip 20,000 programs")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    rows = run(quick=args.quick)
    print(f"{os.cpu_count()} CPUs · numpy {np.__version__} · ratio = baseline ÷ ours\n")
    print(render(rows))
    eligible_cold = [r for r in rows if "cold_seconds" in r]
    for r in eligible_cold:
        print(
            f"(eligibility at {r['size']}: first call with compilation {_fmt(r['cold_seconds'])})"
        )
    print(f"\n({time.perf_counter() - start:.0f} s in all)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
