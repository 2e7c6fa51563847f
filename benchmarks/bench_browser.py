"""Speed as a person feels it: the running app in a real browser (Playwright + Chromium).

Run: ``python -m benchmarks.bench_browser`` (``--repeat N`` rounds, ``--json``). It starts
``streamlit run app.py`` on a free port with an empty K-Startup cache (the embedded 377
programs), drives Debian's ``/usr/bin/chromium`` headless, and times what issue 12 sets targets
for:

* **cold first visit** (< 3 s) — from the start of navigation until the first script run has
  finished and the page shows its title: the server's *first* session (its shared caches built at start
  by app.py's warm-up, its per-profile caches empty), then a *new visitor* on the running server (fresh browser profile: nothing cached),
  for the overview and for a shared finder link with a profile.
* **menu move** (< 1 s) — a click in the menu until the new page's run has finished
  (finder → 지원 경로 → 정책 지도 → finder → 개요 → finder), with a profile from a link.
* **rerun after a filter change** (< 300 ms) — on the finder with a profile, the 자격 filter
  switched between two values; from the click until the run has finished and the table is
  redrawn.

"Finished" is the state Streamlit's frontend keeps on ``stApp`` (``data-test-script-state``
going ``running`` → ``notRunning``), read by a 5-ms poll inside the page, so the figures include
the websocket round trip, the server's run and the browser's drawing, not Playwright's own
overhead. Beside each browser figure the table gives the server's own CPU seconds for the same
steps (from ``/proc/<pid>/stat``), which do not depend on how busy the browser is; the machine's
load average before and after says whether the machine was shared during the run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from benchmarks.streamlit_server import sample, streamlit_server

__all__ = ["run"]

CHROMIUM = os.environ.get("NAVIGATOR_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"]
PROFILE = {"firm": "창업기업", "founded": "2024-05-01", "age": "34", "region": "서울"}
TARGETS = {"cold": 3.0, "move": 1.0, "rerun": 0.3}
MOVES = ("roadmap", "policy_map", "finder", "", "finder")
MENU = {"finder": "사업 찾기", "roadmap": "지원 경로", "policy_map": "정책 지도", "": "개요"}

# Installed in every page before its scripts. __mark() starts a timing; __took is the
# milliseconds from the mark (or from navigation start) until a run has finished with the main
# block's title present. "Finished" is the run state going running → notRunning, seen by a
# MutationObserver (a 5-ms poll alone misses a short run when a busy machine delays its timers)
# — or notRunning under another page's title (a menu move) or with the first metric's value
# changed (the finder's result count after a filter): on this machine some moves and reruns
# never showed "running" to the page although the server ran the script and the view changed.
_PROBE = """
(() => {
  const h1 = () => document.querySelector('[data-testid=stMain] h1');
  const metric = () => (document.querySelector('[data-testid=stMetricValue]') || {}).textContent;
  window.__t0 = 0; window.__ran = false; window.__took = null; window.__h1 = null;
  window.__mark = () => {
    window.__t0 = performance.now(); window.__ran = false; window.__took = null;
    window.__h1 = (h1() || {}).textContent; window.__metric = metric();
  };
  const seen = (state) => {
    if (window.__took !== null) return;
    if (state === 'running') { window.__ran = true; return; }
    const title = h1();
    if (!title) return;
    const changed = title.textContent !== window.__h1 || metric() !== window.__metric;
    if (state === 'notRunning' && title && (window.__ran || changed)) {
      window.__took = performance.now() - window.__t0;
    }
  };
  new MutationObserver((records) => {
    // A record holds the value *before* its change; the element holds the latest one, so a
    // short run (running and back in one frame) is seen through oldValue.
    for (const r of records) {
      if (r.oldValue === 'running') window.__ran = true;
      seen(r.target.getAttribute('data-test-script-state'));
    }
  }).observe(document, {subtree: true, attributes: true, attributeOldValue: true,
                        attributeFilter: ['data-test-script-state']});
  setInterval(() => {
    const app = document.querySelector('[data-testid=stApp]');
    if (app) seen(app.getAttribute('data-test-script-state'));
  }, 5);
})();
"""


def _cpu_seconds(pid: int) -> float:
    return sample(pid).cpu_s


def _took(tab: Any) -> float:
    """Seconds the probe measured (waits until the run it watches has finished)."""
    tab.wait_for_function("() => window.__took !== null", timeout=120_000)
    return float(tab.evaluate("() => window.__took")) / 1000


def _visit(browser: Any, url: str) -> tuple[Any, float]:
    """A new visitor (fresh context: no cache, no cookies) opening ``url``."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.add_init_script(_PROBE)
    tab = context.new_page()
    tab.goto(url, wait_until="commit")
    return tab, _took(tab)


def _timed(tab: Any, action: Callable[[], None]) -> float:
    tab.evaluate("() => window.__mark()")
    action()
    return _took(tab)


def _summary(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {
        "median": statistics.median(ordered),
        "max": ordered[-1],
        "n": len(ordered),
    }


def run(repeat: int = 5) -> dict[str, Any]:
    """Every timing of the module docstring; a dict of rows and the run's conditions."""
    from playwright.sync_api import sync_playwright

    load_before = os.getloadavg()
    rows: list[dict[str, Any]] = []
    link = f"/finder?{urlencode(PROFILE)}"
    with streamlit_server() as server, sync_playwright() as p:
        base, pid = server.base, server.pid
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

        cpu = start_cpu = _cpu_seconds(pid)  # the start, app.py's warm-up included
        tab, first = _visit(browser, base + link)
        rows.append(
            {
                "step": "cold first visit — server's first session (shared finder link)",
                "seconds": [first],
                "server_cpu": _cpu_seconds(pid) - cpu,
                "target": TARGETS["cold"],
            }
        )
        tab.context.close()
        for label, url in (("overview", "/"), ("shared finder link", link)):
            times, cpus = [], []
            for _ in range(repeat):
                cpu = _cpu_seconds(pid)
                tab, took = _visit(browser, base + url)
                times.append(took)
                cpus.append(_cpu_seconds(pid) - cpu)
                tab.context.close()
            rows.append(
                {
                    "step": f"cold first visit — new visitor, {label}",
                    "seconds": times,
                    "server_cpu": statistics.median(cpus),
                    "target": TARGETS["cold"],
                }
            )

        tab, _ = _visit(browser, base + link)
        moves: dict[str, list[float]] = {}
        move_cpu: dict[str, list[float]] = {}
        here = "finder"
        for _ in range(repeat):
            for path in MOVES:
                entry = tab.locator("[data-testid=stSidebarNav]").get_by_text(MENU[path]).first
                cpu = _cpu_seconds(pid)
                took = _timed(tab, entry.click)
                name = f"{MENU[here]} → {MENU[path]}"
                moves.setdefault(name, []).append(took)
                move_cpu.setdefault(name, []).append(_cpu_seconds(pid) - cpu)
                here = path
        for name, times in moves.items():
            rows.append(
                {
                    "step": f"menu move {name}",
                    "seconds": times,
                    "server_cpu": statistics.median(move_cpu[name]),
                    "target": TARGETS["move"],
                }
            )

        # The finder with the profile: switch the 자격 filter back and forth.
        radio = tab.locator("[data-testid=stRadio]", has_text="자격")
        times, cpus = [], []
        for i in range(repeat * 2):
            label = "전체" if i % 2 == 0 else "확인 필요까지"
            choice = radio.get_by_text(label, exact=True).first
            cpu = _cpu_seconds(pid)
            times.append(_timed(tab, choice.click))
            cpus.append(_cpu_seconds(pid) - cpu)
        rows.append(
            {
                "step": "finder rerun after a filter change (자격)",
                "seconds": times,
                "server_cpu": statistics.median(cpus),
                "target": TARGETS["rerun"],
            }
        )
        rss = sample(pid).rss_mb
        browser.close()
    return {
        "rows": rows,
        "server_rss_mb": rss,
        "server_start_cpu": start_cpu,
        "load_before": load_before,
        "load_after": os.getloadavg(),
        "cpus": os.cpu_count(),
    }


def _print(result: dict[str, Any]) -> None:
    print("| step | median | max | runs | target | met | server CPU (median) |")
    print("|---|---|---|---|---|---|---|")
    for r in result["rows"]:
        s = _summary(r["seconds"])
        met = "yes" if s["median"] < r["target"] else "no"
        print(
            f"| {r['step']} | {s['median'] * 1000:,.0f} ms | {s['max'] * 1000:,.0f} ms | "
            f"{s['n']} | < {r['target'] * 1000:,.0f} ms | {met} | "
            f"{r['server_cpu'] * 1000:,.0f} ms |"
        )
    lb, la = result["load_before"], result["load_after"]
    print(
        f"\n{result['cpus']} CPUs; load average before {lb[0]:.1f} / after {la[0]:.1f} "
        f"(1 min); server RSS at the end {result['server_rss_mb']:.0f} MB; server CPU until "
        f"healthy (start and cache warm-up) {result['server_start_cpu'] * 1000:,.0f} ms"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = run(repeat=args.repeat)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        _print(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
