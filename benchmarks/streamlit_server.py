"""One way to start the app under ``streamlit run``, wait until it answers, read it, and stop it.

The load test, the browser benchmark and the browser test tier all drive a real server; they
start it here, so a fix to how it is started (flags, the empty K-Startup cache, the health
wait, the stop) reaches all three. It lives in ``benchmarks/`` because the tests already import
benchmark code (``benchmarks.synthetic``, ``benchmarks.load_test``) and ``benchmarks/`` must not
depend on the test suite.

The server listens on a free 127.0.0.1 port with the embedded dataset (``NAVIGATOR_CACHE_DIR``
is an empty folder and ``KSTARTUP_SERVICE_KEY`` is unset, so nothing reaches the network).
"Ready" means ``/_stcore/health`` answered 200; the start is bounded, never a fixed sleep.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "ROOT",
    "ProcessSample",
    "Server",
    "ServerStartError",
    "free_port",
    "sample",
    "streamlit_server",
    "wait_healthy",
]

ROOT = Path(__file__).resolve().parent.parent
START_BOUND_S = 90.0  # a bound on a fresh server's start on a busy 2-core machine
HEALTH_POLL_S = 0.2  # poll interval of the health check, not a wait for a state
STOP_BOUND_S = 15.0


class ServerStartError(RuntimeError):
    """The server exited or did not answer its health check within the bound (log attached)."""


@dataclass(frozen=True)
class Server:
    """A running ``streamlit run app.py``: where it answers, its process id, its log file."""

    base: str
    pid: int
    port: int
    log: Path

    @property
    def ws_url(self) -> str:
        """The websocket endpoint Streamlit's frontend speaks to."""
        return self.base.replace("http", "ws", 1) + "/_stcore/stream"


@dataclass(frozen=True)
class ProcessSample:
    """A process's CPU seconds (user + system, all threads), RSS and RSS high-water mark."""

    cpu_s: float
    rss_mb: float
    hwm_mb: float


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_healthy(
    base: str,
    proc: subprocess.Popen[bytes] | None = None,
    timeout: float = START_BOUND_S,
    log: Path | None = None,
) -> None:
    """Return once ``base``/_stcore/health answers 200; raise if ``proc`` exits or time runs out."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        exited = proc is not None and proc.poll() is not None
        if exited or time.monotonic() > deadline:
            why = "exited" if exited else f"did not answer within {timeout:g} s"
            tail = log.read_text(errors="replace")[-3000:] if log and log.exists() else ""
            raise ServerStartError(f"streamlit at {base} {why}" + (f":\n{tail}" if tail else ""))
        time.sleep(HEALTH_POLL_S)


@contextmanager
def streamlit_server(
    *,
    cache_dir: Path | None = None,
    log: Path | None = None,
    extra_args: Sequence[str] = (),
    timeout: float = START_BOUND_S,
) -> Iterator[Server]:
    """``streamlit run app.py`` on a free loopback port until the block ends.

    ``cache_dir`` (the K-Startup cache) and ``log`` (the server's stdout and stderr) default to
    a temporary folder removed afterwards; a test passes folders under its ``tmp_path``.
    """
    with ExitStack() as stack:
        if cache_dir is None or log is None:
            tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="navigator-srv-")))
            cache_dir = cache_dir or tmp / "cache"
            log = log or tmp / "server.log"
        cache_dir.mkdir(parents=True, exist_ok=True)
        port = free_port()
        env = dict(os.environ, NAVIGATOR_CACHE_DIR=str(cache_dir))
        env.pop("KSTARTUP_SERVICE_KEY", None)
        with log.open("wb") as out:
            proc = subprocess.Popen(
                [
                    sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
                    "--server.headless", "true",
                    "--server.port", str(port),
                    "--server.address", "127.0.0.1",
                    "--server.fileWatcherType", "none",
                    "--browser.gatherUsageStats", "false",
                    *extra_args,
                ],
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )  # fmt: skip
        base = f"http://127.0.0.1:{port}"
        try:
            wait_healthy(base, proc, timeout, log)
            yield Server(base, proc.pid, port, log)
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=STOP_BOUND_S)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def sample(pid: int) -> ProcessSample:
    """CPU seconds and memory of ``pid`` from /proc (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    status = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
    )
    rss = int(status["VmRSS"].split()[0]) / 1024
    hwm = int(status["VmHWM"].split()[0]) / 1024
    return ProcessSample(cpu, rss, hwm)
