"""Many users at once: N concurrent sessions through finder → roadmap → map, on localhost only.

``python -m benchmarks.load_test`` starts ``streamlit run app.py`` on a free 127.0.0.1 port (the
embedded dataset, an empty K-Startup cache) and drives ``--sessions`` (default 20) sessions at
once with clients that do not render: each speaks Streamlit's own websocket protocol
(``/_stcore/stream``, protobuf ``BackMsg`` / ``ForwardMsg``), asks for a rerun and reads the
server's messages until ``script_finished``. A browser would spend the machine's two cores on
layout and JavaScript (see CONVENTIONS, "Measuring many users"); these clients only parse
protobufs, so the figures are the server's.

Each session has its own firm profile (seeded) and walks, every round:

1. finder with its profile (the first round is the session's first visit),
2. finder again after a search-box change (a filter rerun),
3. roadmap, 4. policy map,

waiting a seeded "think time" between steps (``--think`` seconds on average; ``0`` = every
session clicks again the moment its page arrives, the worst case). A run has three phases:

* **warm-up** — one session, as the first visitor of a fresh server (catalogue loaded, shared
  caches filled); RSS is read after it;
* **cost** — ``--cost-sessions`` (10) new sessions one at a time, each two rounds, while one
  other session stays connected: the server's CPU-seconds per step (``/proc/PID/stat`` before
  the request and at ``script_finished``), which do not depend on how busy the machine is;
* **load** — ``--sessions`` (20) sessions at once: time per script run (request sent →
  ``script_finished`` received), the server's RSS (sampled every 0.1 s, and the kernel's
  high-water mark), bytes sent per run.

A session's **first visit** (new websocket session, first script run) and its **reruns**
(every later step) are reported apart: issue 13's target is on rerun time (p95 < 1 s, RSS < 800
MB at 20 sessions), and first visits that start together queue behind each other under one GIL
whatever each costs. The output is Markdown and ends with the row for the README's runs table.

Bounded on purpose: at most 50 sessions and 10 rounds, a timeout per rerun and for the whole
run, and only loopback addresses (``--url`` may point at a server already running on this
machine; anything else is refused).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import statistics
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from benchmarks.streamlit_server import sample, streamlit_server, wait_healthy

MAX_SESSIONS = 50
MAX_ROUNDS = 10
RERUN_TIMEOUT_S = 120.0
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
SEARCHES = ("패키지", "청년", "글로벌", "R&D", "보육", "투자", "여성", "AI")
REGIONS = ("서울", "경기", "부산", "경북", "대전", "전남", "강원", "제주")
FIELDS = ("인공지능·빅데이터", "바이오·헬스", "콘텐츠·문화", "")


@dataclass
class Rerun:
    """One rerun as a client saw it."""

    session: int
    round: int
    step: str
    seconds: float
    kilobytes: float
    outcome: str
    cpu_s: float = float("nan")  # server CPU-seconds of this rerun (sequential cost phase only)


@dataclass
class Report:
    sessions: int
    rounds: int
    think_s: float
    reruns: list[Rerun] = field(default_factory=list)
    costs: list[Rerun] = field(default_factory=list)
    cpu_s: float = 0.0
    rss_start_mb: float = 0.0
    rss_peak_mb: float = 0.0
    hwm_mb: float = 0.0
    wall_s: float = 0.0
    machine: dict[str, Any] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


# ------------------------------------------------------------------------------ server


def _pid_listening_on(port: int) -> int | None:
    """The PID of the local process listening on ``port`` (Linux /proc), if readable."""
    inodes: set[str] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            parts = line.split()
            if parts[3] == "0A" and int(parts[1].rsplit(":", 1)[1], 16) == port:
                inodes.add(parts[9])
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            for fd in os.listdir(f"/proc/{pid}/fd"):
                link = os.readlink(f"/proc/{pid}/fd/{fd}")
                if link.startswith("socket:[") and link[8:-1] in inodes:
                    return int(pid)
        except OSError:
            continue
    return None


class RssSampler:
    """Samples the server's RSS every ``interval`` seconds on a thread; keeps the peak."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        self.pid, self.interval, self.peak = pid, interval, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.peak = max(self.peak, sample(self.pid).rss_mb)
            except OSError:
                return

    def __enter__(self) -> RssSampler:
        self.peak = sample(self.pid).rss_mb
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


# ------------------------------------------------------------------------------ clients


def profile_query(rng: random.Random) -> dict[str, str]:
    """A plausible firm profile as the sidebar's URL parameters."""
    if rng.random() < 0.25:
        query = {"firm": "예비창업자", "age": str(rng.randint(22, 55))}
    else:
        year = rng.randint(2016, 2025)
        query = {
            "firm": "창업기업",
            "founded": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "age": str(rng.randint(25, 60)),
        }
    query["region"] = rng.choice(REGIONS)
    if field_name := rng.choice(FIELDS):
        query["field"] = field_name
    return query


async def _rerun(ws: Any, query: dict[str, str], page: str) -> tuple[float, float, str]:
    """Ask for a rerun of ``page`` with ``query``; (seconds, KB received, outcome)."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    msg = BackMsg()
    msg.rerun_script.query_string = urlencode(query)
    msg.rerun_script.page_name = page
    received = 0
    failed = False
    start = time.perf_counter()
    await ws.send(msg.SerializeToString())
    while True:
        raw = await asyncio.wait_for(ws.recv(), RERUN_TIMEOUT_S)
        received += len(raw)
        forward = ForwardMsg()
        forward.ParseFromString(raw)
        kind = forward.WhichOneof("type")
        if kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
            failed |= forward.delta.new_element.WhichOneof("type") == "exception"
        if kind == "script_finished":
            outcome = ForwardMsg.ScriptFinishedStatus.Name(forward.script_finished)
            if outcome == "FINISHED_EARLY_FOR_RERUN":
                continue  # the server folded a queued rerun in: wait for the one we asked
            break
    return time.perf_counter() - start, received / 1024, "exception" if failed else outcome


FIRST_VISIT = "first visit (finder)"


async def session(
    index: int,
    ws_url: str,
    rounds: int,
    think: float,
    seed: int,
    out: list[Rerun],
    pid: int | None = None,
) -> None:
    """One user: a profile, then ``rounds`` × (finder, finder filter, roadmap, map).

    With ``pid`` (the server's, when sessions run one at a time) each rerun records the server's
    CPU-seconds from the request until ``script_finished``; the first visit's count starts
    before the websocket opens, so it holds the new session's set-up too.
    """
    import websockets

    rng = random.Random(seed * 1000 + index)
    profile = profile_query(rng)
    cpu = sample(pid).cpu_s if pid else float("nan")
    async with websockets.connect(
        ws_url,
        subprotocols=["streamlit"],
        max_size=None,
        open_timeout=60,  # type: ignore[list-item]
    ) as ws:
        for r in range(rounds):
            search = dict(profile, q=SEARCHES[(index + r) % len(SEARCHES)])
            steps = [
                ("finder", profile, "finder"),
                ("finder filter", search, "finder"),
                ("roadmap", profile, "roadmap"),
                ("map", profile, "policy_map"),
            ]
            for step, query, page in steps:
                if think:
                    await asyncio.sleep(rng.uniform(0.5, 1.5) * think)
                if pid and (r, step) != (0, "finder"):
                    cpu = sample(pid).cpu_s
                seconds, kb, outcome = await _rerun(ws, query, page)
                used = sample(pid).cpu_s - cpu if pid else float("nan")
                label = FIRST_VISIT if (step == "finder" and r == 0) else step
                out.append(Rerun(index, r, label, seconds, kb, outcome, used))


async def _costs(ws_url: str, pid: int, sessions: int, rounds: int, seed: int) -> list[Rerun]:
    """``sessions`` new users one after another, each alone on the server: CPU per rerun.

    One more session stays connected meanwhile, as on a server with other users: Streamlit
    drops its compiled page scripts whenever the last session disconnects, so without it
    every measured first visit would also pay for compiling app.py and the page again.
    """
    import websockets

    out: list[Rerun] = []
    async with websockets.connect(
        ws_url,
        subprotocols=["streamlit"],
        max_size=None,
        open_timeout=60,  # type: ignore[list-item]
    ) as other_user:
        await _rerun(other_user, profile_query(random.Random(seed - 1)), "finder")
        for i in range(sessions):
            await session(i, ws_url, rounds, 0.0, seed, out, pid=pid)
    return out


async def _drive(ws_url: str, sessions: int, rounds: int, think: float, seed: int) -> list[Rerun]:
    out: list[Rerun] = []
    results = await asyncio.gather(
        *(session(i, ws_url, rounds, think, seed, out) for i in range(sessions)),
        return_exceptions=True,
    )
    for i, result in enumerate(results):
        if isinstance(result, BaseException):
            out.append(Rerun(i, -1, "session", 0.0, 0.0, f"{type(result).__name__}: {result}"))
    return out


# ------------------------------------------------------------------------------ run and report


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def run(
    *,
    sessions: int = 20,
    rounds: int = 3,
    think: float = 2.0,
    seed: int = 13,
    url: str | None = None,
    total_timeout: float = 1800.0,
    cost_sessions: int = 10,
) -> Report:
    """Start (or use a loopback) server, warm it with one session, measure ``cost_sessions``
    new sessions one at a time (CPU-seconds per step), then drive ``sessions`` at once."""
    if not 1 <= sessions <= MAX_SESSIONS:
        raise SystemExit(f"--sessions must be 1..{MAX_SESSIONS}")
    if not 1 <= rounds <= MAX_ROUNDS:
        raise SystemExit(f"--rounds must be 1..{MAX_ROUNDS}")
    report = Report(sessions, rounds, think)
    report.machine = {
        "cpus": os.cpu_count(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "commit": _commit(),
    }
    with _server(url) as (base, pid):
        ws_url = base.replace("http", "ws", 1) + "/_stcore/stream"
        # Warm-up: one session loads the catalogue and fills the shared caches once, as the
        # first visitor of a fresh server would; the measured sessions come after.
        asyncio.run(asyncio.wait_for(_drive(ws_url, 1, 1, 0.0, seed + 1), total_timeout))
        report.rss_start_mb = sample(pid).rss_mb
        if cost_sessions:
            report.costs = asyncio.run(
                asyncio.wait_for(
                    _costs(ws_url, pid, cost_sessions, min(rounds, 2), seed + 2), total_timeout
                )
            )
        before = sample(pid)
        start = time.perf_counter()
        with RssSampler(pid) as rss:
            report.reruns = asyncio.run(
                asyncio.wait_for(_drive(ws_url, sessions, rounds, think, seed), total_timeout)
            )
        report.wall_s = time.perf_counter() - start
        after = sample(pid)
        report.cpu_s = after.cpu_s - before.cpu_s
        report.rss_peak_mb = max(rss.peak, after.rss_mb)
        report.hwm_mb = after.hwm_mb
    report.machine["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    report.errors = [
        f"session {r.session}: {r.outcome}"
        for r in report.reruns + report.costs
        if r.outcome not in ("FINISHED_SUCCESSFULLY",)
    ]
    return report


def _commit() -> str:
    """The checkout's short commit id (with ``+`` when it has uncommitted changes)."""
    root = Path(__file__).resolve().parent.parent
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=root,
            capture_output=True,
            text=True,
        ).stdout.strip()
    except OSError:
        return "unknown"
    return (head or "unknown") + ("+" if dirty else "")


@contextmanager
def _server(url: str | None) -> Iterator[tuple[str, int]]:
    if url is None:
        with streamlit_server(extra_args=["--logger.level", "error"]) as server:
            yield server.base, server.pid
        return
    parts = urlsplit(url)
    if parts.hostname not in LOOPBACK or parts.port is None:
        raise SystemExit("--url must be a loopback address with a port (http://127.0.0.1:8501)")
    base = f"{parts.scheme}://{parts.hostname}:{parts.port}"
    wait_healthy(base, timeout=10)
    pid = _pid_listening_on(parts.port)
    if pid is None:
        raise SystemExit(f"no readable local process listens on port {parts.port}")
    yield base, pid


def _cpu_mean(reruns: list[Rerun]) -> float:
    # The mean, not the median: /proc counts CPU time in 10-ms ticks, charged to whichever
    # thread runs at each tick, so a single rerun reads 0.00, 0.01 or 0.02 s and only the mean
    # over many is close to the true cost.
    values = [r.cpu_s for r in reruns if r.cpu_s == r.cpu_s]  # NaN-free
    return statistics.mean(values) if values else float("nan")


def _times(reruns: list[Rerun]) -> dict[str, float]:
    times = [r.seconds for r in reruns]
    return {
        "count": len(times),
        "p50_s": _percentile(times, 50),
        "p95_s": _percentile(times, 95),
        "max_s": max(times) if times else float("nan"),
    }


def summarise(report: Report) -> dict[str, Any]:
    """Figures per step, for first visits and for reruns, as one JSON-ready dict.

    A session's first visit (new websocket session, first script run) and its reruns are
    reported apart: issue 13's target (p95 < 1 s) is on rerun time, and 20 first visits at the
    same instant queue behind each other under one GIL whatever each costs. CPU-seconds come
    from the sequential phase (one session at a time), so they do not depend on the load.
    """
    ok = [r for r in report.reruns if r.outcome == "FINISHED_SUCCESSFULLY"]
    alone = [r for r in report.costs if r.outcome == "FINISHED_SUCCESSFULLY"]
    steps: dict[str, dict[str, float]] = {}
    for name in dict.fromkeys(r.step for r in ok):
        mine = [r for r in ok if r.step == name]
        steps[name] = {
            **_times(mine),
            "kb_per_rerun": statistics.mean(r.kilobytes for r in mine),
            "cpu_s_alone": _cpu_mean([r for r in alone if r.step == name]),
        }
    first = [r for r in ok if r.step == FIRST_VISIT]
    later = [r for r in ok if r.step != FIRST_VISIT]
    rerun_times = _times(later)
    return {
        "sessions": report.sessions,
        "rounds": report.rounds,
        "think_s": report.think_s,
        "reruns": len(ok),
        "errors": report.errors,
        "first_visit": {
            **_times(first),
            "cpu_s_alone": _cpu_mean([r for r in alone if r.step == FIRST_VISIT]),
        },
        "rerun": {
            **rerun_times,
            "cpu_s_alone": _cpu_mean([r for r in alone if r.step != FIRST_VISIT]),
        },
        "cost_sessions": len({r.session for r in alone}),
        "server_cpu_s": report.cpu_s,
        "server_cpu_s_per_run": report.cpu_s / len(ok) if ok else float("nan"),
        "wall_s": report.wall_s,
        "rss_start_mb": report.rss_start_mb,
        "rss_peak_mb": report.rss_peak_mb,
        "rss_high_water_mb": report.hwm_mb,
        "targets": {
            "rerun_p95_below_1s": rerun_times["p95_s"] < 1.0,
            "rss_below_800mb": max(report.rss_peak_mb, report.hwm_mb) < 800,
        },
        "steps": steps,
        "machine": report.machine,
    }


def _s(value: float) -> str:
    return f"{value:.2f} s"


def render(s: dict[str, Any]) -> str:
    """Markdown for the README: the per-step table and one row of the runs table."""
    m = s["machine"]
    load = f"{m['load_average_at_start'][0]:.1f} → {m.get('load_average_at_end', [0.0])[0]:.1f}"
    first, rerun = s["first_visit"], s["rerun"]
    lines = [
        f"{s['sessions']} concurrent sessions × {s['rounds']} rounds (think time "
        f"{s['think_s']:g} s on average), {s['reruns']} script runs in {s['wall_s']:.0f} s; "
        f"{m['cpus']} CPUs, load average (1 min) {load}; {m['date']}, commit {m['commit']}",
        "",
        "| step | runs | p50 | p95 | max | KB sent per run | server CPU-s per run, alone |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, st in s["steps"].items():
        lines.append(
            f"| {name} | {st['count']} | {_s(st['p50_s'])} | {_s(st['p95_s'])} "
            f"| {_s(st['max_s'])} | {st['kb_per_rerun']:,.0f} | {st['cpu_s_alone']:.3f} |"
        )
    lines += [
        f"| **first visits** (session start) | {first['count']} | {_s(first['p50_s'])} "
        f"| {_s(first['p95_s'])} | {_s(first['max_s'])} | | {first['cpu_s_alone']:.3f} |",
        f"| **reruns** (every later step; target p95 < 1 s) | {rerun['count']} "
        f"| {_s(rerun['p50_s'])} | {_s(rerun['p95_s'])} | {_s(rerun['max_s'])} | "
        f"| {rerun['cpu_s_alone']:.3f} |",
        "",
        f"server: {s['server_cpu_s']:.1f} CPU-s under load = {s['server_cpu_s_per_run']:.3f} per "
        f"script run; CPU-s alone are means over {s['cost_sessions']} new sessions run one at a "
        f"time; RSS {s['rss_start_mb']:.0f} MB after warm-up, peak {s['rss_peak_mb']:.0f} MB "
        f"(high-water {s['rss_high_water_mb']:.0f} MB)",
        f"targets: rerun p95 < 1 s {'met' if s['targets']['rerun_p95_below_1s'] else 'NOT met'}; "
        f"RSS < 800 MB {'met' if s['targets']['rss_below_800mb'] else 'NOT met'}",
        "",
        "README row (Many users at once, runs table):",
        "",
        f"| {m['date']} ({m['commit']}) | {s['sessions']} × {s['rounds']}, think "
        f"{s['think_s']:g} s | {_s(first['p50_s'])} / {_s(first['p95_s'])} "
        f"| {_s(rerun['p50_s'])} / {_s(rerun['p95_s'])} / {_s(rerun['max_s'])} "
        f"| {first['cpu_s_alone']:.3f} / {rerun['cpu_s_alone']:.3f} "
        f"| {s['rss_start_mb']:.0f} → {max(s['rss_peak_mb'], s['rss_high_water_mb']):.0f} MB "
        f"| {load} |",
    ]
    if s["errors"]:
        lines.append(f"errors ({len(s['errors'])}): " + "; ".join(s["errors"][:5]))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=20, help=f"1..{MAX_SESSIONS}")
    parser.add_argument("--rounds", type=int, default=3, help=f"1..{MAX_ROUNDS}")
    parser.add_argument(
        "--think", type=float, default=2.0, help="mean seconds between a session's steps"
    )
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument(
        "--cost-sessions",
        type=int,
        default=10,
        help="new sessions run one at a time first, for CPU-seconds per step (0 = skip)",
    )
    parser.add_argument("--url", help="a streamlit server already running on this machine")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    report = run(
        sessions=args.sessions,
        rounds=args.rounds,
        think=max(0.0, args.think),
        seed=args.seed,
        url=args.url,
        cost_sessions=max(0, min(args.cost_sessions, MAX_SESSIONS)),
    )
    figures = summarise(report)
    if args.json:
        figures["reruns_raw"] = [asdict(r) for r in report.reruns]
        figures["costs_raw"] = [asdict(r) for r in report.costs]
        print(json.dumps(figures, ensure_ascii=False, indent=2))
    else:
        print(render(figures))
    return 1 if figures["errors"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
