"""Timing helpers shared by the benchmark modules.

Every figure is reported as a ratio against a baseline measured in the same run on the same
machine, so numbers stay comparable across machines; absolute seconds are printed for context.
"""

from __future__ import annotations

import gc
import statistics
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

__all__ = ["measure", "row"]


def measure(fn: Callable[[], Any], *, repeat: int = 5, min_time: float = 0.2) -> float:
    """Median seconds per call over ``repeat`` rounds (each round loops until ``min_time``)."""
    fn()  # warm-up: imports, caches, JIT-free but allocator warm
    rounds: list[float] = []
    for _ in range(repeat):
        gc.collect()
        n = 0
        start = time.perf_counter()
        while True:
            fn()
            n += 1
            elapsed = time.perf_counter() - start
            if elapsed >= min_time:
                break
        rounds.append(elapsed / n)
    return statistics.median(rounds)


def peak_memory_mb(fn: Callable[[], Any]) -> float:
    """Peak Python heap allocation of one call, in MB (tracemalloc)."""
    gc.collect()
    tracemalloc.start()
    try:
        fn()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 1_048_576


def row(
    benchmark: str,
    size: str,
    seconds: float,
    baseline_name: str,
    baseline_seconds: float,
    *,
    target: str = "",
    peak_mb: float | None = None,
) -> dict[str, Any]:
    """One table row: the ratio is baseline time / our time (> 1 means we are faster)."""
    return {
        "benchmark": benchmark,
        "size": size,
        "seconds": seconds,
        "baseline": baseline_name,
        "baseline_seconds": baseline_seconds,
        "ratio": baseline_seconds / seconds if seconds else float("inf"),
        "target": target,
        "peak_mb": peak_mb,
    }
