"""One command for every benchmark: ``python -m benchmarks.run`` (or ``python benchmarks/run.py``).

Prints one table: each figure, the baseline it is compared with (measured in the same run), the
ratio baseline / ours (> 1 means ours is faster), the target where the project has one, and peak
Python memory. Paste the table into the README's performance section when it changes.
AppTest's bare-mode cache warnings go to stderr; the table is on stdout.
Options: ``--quick`` skips the 20,000-program sizes; ``--json`` prints the rows as JSON.
After the table it prints the engine's accuracy on the sourced cases (:mod:`benchmarks.accuracy`):
correct / △ / wrong against the verdict each program's published rule gives.
"""

from __future__ import annotations

import argparse
import importlib
import json
import platform
import resource
import sys
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# AppTest runs outside `streamlit run` and logs a warning per cached call; keep the table readable.


def _quiet_streamlit() -> None:
    """Raise Streamlit's log level for loggers that exist and those created later."""
    import streamlit.logger

    streamlit.logger.set_log_level("error")


MODULES = (
    "benchmarks.bench_loaders",
    "benchmarks.bench_engine",
    "benchmarks.bench_graph",
    "benchmarks.bench_app",
)


def _fmt_seconds(s: float) -> str:
    return f"{s * 1000:.1f} ms" if s < 1 else f"{s:.2f} s"


def collect(quick: bool = False) -> list[dict[str, Any]]:
    """Run every benchmark module's ``run()``; a module that fails becomes an error row."""
    rows: list[dict[str, Any]] = []
    for name in MODULES:
        try:
            module = importlib.import_module(name)
            _quiet_streamlit()
            kwargs: dict[str, Any] = {}
            if quick and "quick" in module.run.__code__.co_varnames:
                kwargs["quick"] = True
            rows.extend(module.run(**kwargs))
        except Exception as exc:  # a broken benchmark must not hide the others
            rows.append({"benchmark": name, "error": f"{type(exc).__name__}: {exc}"})
    return rows


def _met(value: Any) -> str:
    """'yes'/'no' per target (a tuple for rows with two targets), blank where none applies."""
    values = value if isinstance(value, tuple) else (value,)
    if all(v is None for v in values):
        return ""
    return " / ".join("—" if v is None else ("yes" if v else "no") for v in values)


def render(rows: list[dict[str, Any]]) -> str:
    """Markdown table (also readable in a terminal)."""
    lines = [
        "| benchmark | size | ours | baseline | baseline time | ratio | target | met | peak MB |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        if "error" in r:
            lines.append(f"| {r['benchmark']} | — | error: {r['error']} | | | | | | |")
            continue
        peak = f"{r['peak_mb']:.1f}" if r.get("peak_mb") is not None else ""
        lines.append(
            f"| {r['benchmark']} | {r['size']} | {_fmt_seconds(r['seconds'])} | {r['baseline']} | "
            f"{_fmt_seconds(r['baseline_seconds'])} | {r['ratio']:.2f}× | {r.get('target', '')} | "
            f"{_met(r.get('meets_target'))} | {peak} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the largest sizes")
    parser.add_argument("--json", action="store_true", help="print rows as JSON")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    rows = collect(quick=args.quick)
    from benchmarks.accuracy import measure
    from benchmarks.accuracy import render as render_accuracy

    accuracy = measure()
    if args.json:
        print(
            json.dumps([*rows, {"benchmark": "accuracy", **accuracy}], ensure_ascii=False, indent=2)
        )
    else:
        print(
            f"Python {platform.python_version()} · {platform.machine()} · ratio = baseline ÷ ours\n"
        )
        print(render(rows))
        print("\nEligibility accuracy on sourced cases (tests/accuracy/cases.csv):\n")
        print(render_accuracy(accuracy))
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
        print(
            f"\n({time.perf_counter() - start:.0f} s in all; peak RSS of the whole run {rss:.0f} MB)"
        )
    return 1 if any("error" in r for r in rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())
