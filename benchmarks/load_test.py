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
session clicks again the moment its page arrives, the worst case). Reported: p50/p95/max of
the rerun time (request sent → ``script_finished`` received) per step and overall, the server's
CPU-seconds per rerun (``/proc/PID/stat`` before and after), its RSS (sampled every 0.1 s and
the kernel's high-water mark) and bytes sent per rerun. Targets (issue 13): p95 < 1 s and RSS <
800 MB at 20 sessions.

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


@dataclass
class Report:
    sessions: int
    rounds: int
    think_s: float
    reruns: list[Rerun] = field(default_factory=list)
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


async def session(
    index: int, ws_url: str, rounds: int, think: float, seed: int, out: list[Rerun]
) -> None:
    """One user: a profile, then ``rounds`` × (finder, finder filter, roadmap, map)."""
    import websockets

    rng = random.Random(seed * 1000 + index)
    profile = profile_query(rng)
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
                seconds, kb, outcome = await _rerun(ws, query, page)
                label = "finder (first visit)" if (step == "finder" and r == 0) else step
                out.append(Rerun(index, r, label, seconds, kb, outcome))


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
) -> Report:
    """Start (or use a loopback) server, warm it with one session, then drive ``sessions``."""
    if not 1 <= sessions <= MAX_SESSIONS:
        raise SystemExit(f"--sessions must be 1..{MAX_SESSIONS}")
    if not 1 <= rounds <= MAX_ROUNDS:
        raise SystemExit(f"--rounds must be 1..{MAX_ROUNDS}")
    report = Report(sessions, rounds, think)
    report.machine = {
        "cpus": os.cpu_count(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
    }
    with _server(url) as (base, pid):
        ws_url = base.replace("http", "ws", 1) + "/_stcore/stream"
        # Warm-up: one session loads the catalogue and fills the shared caches once, as the
        # first visitor of a fresh server would; the measured sessions come after.
        asyncio.run(asyncio.wait_for(_drive(ws_url, 1, 1, 0.0, seed + 1), total_timeout))
        before = sample(pid)
        report.rss_start_mb = before.rss_mb
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
    report.errors = [
        f"session {r.session}: {r.outcome}"
        for r in report.reruns
        if r.outcome not in ("FINISHED_SUCCESSFULLY",)
    ]
    return report


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


def summarise(report: Report) -> dict[str, Any]:
    """Figures per step and overall, as one JSON-ready dict."""
    ok = [r for r in report.reruns if r.outcome == "FINISHED_SUCCESSFULLY"]
    steps: dict[str, dict[str, float]] = {}
    for name in dict.fromkeys(r.step for r in ok):
        times = [r.seconds for r in ok if r.step == name]
        kbs = [r.kilobytes for r in ok if r.step == name]
        steps[name] = {
            "reruns": len(times),
            "p50_s": _percentile(times, 50),
            "p95_s": _percentile(times, 95),
            "max_s": max(times),
            "kb_per_rerun": statistics.mean(kbs),
        }
    times = [r.seconds for r in ok]
    measured = [r for r in ok if r.step != "finder (first visit)"]
    return {
        "sessions": report.sessions,
        "rounds": report.rounds,
        "think_s": report.think_s,
        "reruns": len(ok),
        "errors": report.errors,
        "p50_s": _percentile(times, 50),
        "p95_s": _percentile(times, 95),
        "p95_after_first_visit_s": _percentile([r.seconds for r in measured], 95),
        "max_s": max(times) if times else float("nan"),
        "server_cpu_s_per_rerun": report.cpu_s / len(ok) if ok else float("nan"),
        "server_cpu_s": report.cpu_s,
        "wall_s": report.wall_s,
        "rss_start_mb": report.rss_start_mb,
        "rss_peak_mb": report.rss_peak_mb,
        "rss_high_water_mb": report.hwm_mb,
        "targets": {
            "p95_below_1s": _percentile(times, 95) < 1.0,
            "rss_below_800mb": max(report.rss_peak_mb, report.hwm_mb) < 800,
        },
        "steps": steps,
        "machine": report.machine,
    }


def render(s: dict[str, Any]) -> str:
    lines = [
        f"{s['sessions']} concurrent sessions × {s['rounds']} rounds "
        f"(think time {s['think_s']:g} s on average), {s['reruns']} reruns in {s['wall_s']:.0f} s",
        f"machine: {s['machine']['cpus']} CPUs, load average at start "
        f"{s['machine']['load_average_at_start']}",
        "",
        "| step | reruns | p50 | p95 | max | KB sent per rerun |",
        "|---|---|---|---|---|---|",
    ]
    for name, st in s["steps"].items():
        lines.append(
            f"| {name} | {st['reruns']} | {st['p50_s']:.2f} s | {st['p95_s']:.2f} s "
            f"| {st['max_s']:.2f} s | {st['kb_per_rerun']:,.0f} |"
        )
    lines += [
        f"| **all reruns** | {s['reruns']} | {s['p50_s']:.2f} s | {s['p95_s']:.2f} s "
        f"| {s['max_s']:.2f} s | |",
        "",
        f"server CPU {s['server_cpu_s']:.1f} s = {s['server_cpu_s_per_rerun']:.3f} CPU-s per rerun; "
        f"RSS {s['rss_start_mb']:.0f} MB after warm-up, peak {s['rss_peak_mb']:.0f} MB "
        f"(high-water {s['rss_high_water_mb']:.0f} MB)",
        f"targets: p95 < 1 s {'met' if s['targets']['p95_below_1s'] else 'NOT met'}; "
        f"RSS < 800 MB {'met' if s['targets']['rss_below_800mb'] else 'NOT met'}",
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
    parser.add_argument("--url", help="a streamlit server already running on this machine")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    report = run(
        sessions=args.sessions,
        rounds=args.rounds,
        think=max(0.0, args.think),
        seed=args.seed,
        url=args.url,
    )
    figures = summarise(report)
    if args.json:
        figures["reruns_raw"] = [asdict(r) for r in report.reruns]
        print(json.dumps(figures, ensure_ascii=False, indent=2))
    else:
        print(render(figures))
    return 1 if figures["errors"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
