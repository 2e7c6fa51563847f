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
    KIND_WEIGHTS,
    WEIGHTS,
    _kind_applies,
    _prepare,
    _reach,
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
    normalised jamo keys, forms and kinds of help, prepared once, and the same weights —
    calling rapidfuzz once per pair and text, then classifies the pairs that reach the threshold
    with the same reach rule, so the ratio isolates what vectorisation, cutoffs, grouping and
    threads buy.
    """
    from rapidfuzz import fuzz

    prep = _prepare(programs)
    n = len(programs)
    total_pairs = n * (n - 1) // 2
    rng = random.Random(0)
    pairs = [tuple(sorted(rng.sample(range(n), 2))) for _ in range(min(sample, total_pairs))]
    names, leads = list(prep.names), list(prep.leads)
    types, forms, kinds = prep.types.tolist(), prep.forms.tolist(), prep.kinds.tolist()
    w = [WEIGHTS[c] for c in COMPONENTS]
    kw = KIND_WEIGHTS

    def loop() -> int:
        hits: list[tuple[int, int, int]] = []
        for i, j in pairs:
            name = round(fuzz.ratio(names[i], names[j]))
            content = round(fuzz.ratio(leads[i], leads[j]))
            same_type = 100.0 if types[i] == types[j] else 0.0
            fi, fj = forms[i], forms[j]
            form = 100.0 * bin(fi & fj).count("1") / bin(fi | fj).count("1") if fi | fj else 0.0
            have = [True, bool(leads[i] and leads[j]), True, bool(fi and fj)]
            parts = [name, content, same_type, form]
            den = sum(wk for wk, h in zip(w, have, strict=True) if h)
            text = sum(wk * p for wk, p, h in zip(w, parts, have, strict=True) if h) / den
            kind = 0.0
            if kinds[i] == kinds[j]:
                kind = (kw["kind"] * 100 + kw["type"] * same_type + kw["form"] * form * have[3]) / (
                    kw["kind"] + kw["type"] + kw["form"] * have[3]
                )
            if max(text, kind) >= DEFAULT_THRESHOLD:
                hits.append((i, j, name))
        if hits:
            i_, j_ = np.array([h[0] for h in hits]), np.array([h[1] for h in hits])
            reach = _reach(prep, i_, j_)
            _kind_applies(prep, i_, j_, reach.place, np.array([h[2] for h in hits]))
        return len(hits)

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
