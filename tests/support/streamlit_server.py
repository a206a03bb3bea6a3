"""A Streamlit server on loopback and the one rule for when a page has settled, shared by tests/e2e,
benchmarks/run.py and benchmarks/static_edition.py (standard library only, so the benchmarks import it as they are).

Settled: the script run is over (data-test-script-state="notRunning"), the page's title (its h1) is shown, no
lazily loaded element is still a placeholder (stSkeleton, stAppSkeleton: Plotly and the data grid arrive as
separate scripts, seconds after the run on a cold browser), every Plotly chart holds its SVG, and the title, the
number of charts and their axis labels have stayed the same for QUIET_MS. Callers can add conditions (a title,
a minimum number of charts, axes that differ from before a click) that count as part of "settled".
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import suppress
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "asgi.py"  # what make run and make serve start: app.py with its caches filled at start
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# Loopback only: any other host name fails to resolve (the benchmarks list what was asked for).
LOOPBACK_ONLY = "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1, EXCLUDE localhost"
VIEWPORT = {"width": 1280, "height": 900}
HEALTH_TIMEOUT = 90
QUIET_MS = 400
# Files edited while a server runs (a maintainer's save, another developer's branch switch) must not make it unload
# the project's modules mid-run (KeyError: 'loaders'); data edits are picked up by content, not by the watcher.
SERVER_FLAGS = [
    "--server.headless=true",
    "--server.address=127.0.0.1",
    "--browser.gatherUsageStats=false",
    "--server.fileWatcherType=none",
]
NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))

# The page's state and whether it has settled. `o` (all optional): title (the h1 must be this), notTitle (must not
# be this: a navigation away from it), minCharts, changedFrom (the axes must differ: a redraw after a click),
# scriptOnly (only the script run and the title count: the server's part of a visit), requireRun (a script run
# must have begun and ended since the open, as recorded in window.__lt by a caller that sets it), quietMs.
# The quiet period is kept in window.__settle; reset it (RESET) before waiting on a page that is already drawn.
PAGE_STATE = """(o) => {
  o = o || {};
  const quiet = o.quietMs === undefined || o.quietMs === null ? QUIET_MS : o.quietMs;
  const app = document.querySelector('[data-testid=stApp]');
  const h1 = document.querySelector('[data-testid=stMain] h1');
  const charts = [...document.querySelectorAll('[data-testid=stPlotlyChart]')];
  const seen = {
    state: app ? app.getAttribute('data-test-script-state') : null,
    title: h1 ? h1.textContent.trim() : null,
    charts: charts.length,
    undrawn: charts.filter(c => !c.querySelector('.main-svg')).length,
    axes: charts.map(c => [...c.querySelectorAll('.xaxislayer-above text, .yaxislayer-above text')]
                             .map(t => t.textContent).join('|')).join('||'),
    skeletons: document.querySelectorAll('[data-testid=stSkeleton], [data-testid=stAppSkeleton]').length,
    errors: document.querySelectorAll('[data-testid=stAlertContentError]').length,
    exception: [...document.querySelectorAll('[data-testid=stException]')]
                 .map(e => e.innerText.slice(0, 300)).join(' | '),
  };
  const lt = window.__lt;
  const ready = seen.state === 'notRunning' && !!seen.title
    && (o.title === undefined || o.title === null || seen.title === o.title)
    && (o.notTitle === undefined || o.notTitle === null || seen.title !== o.notTitle)
    && (!o.requireRun || (!!lt && lt.ranAt !== null && lt.doneAt !== null))
    && (!!o.scriptOnly || (seen.skeletons === 0 && seen.undrawn === 0 && seen.charts >= (o.minCharts || 0)
                           && (o.changedFrom === undefined || o.changedFrom === null || seen.axes !== o.changedFrom)));
  const key = JSON.stringify(o.scriptOnly ? [seen.title, seen.state] : [seen.title, seen.charts, seen.axes]);
  const now = performance.now();
  const s = window.__settle || (window.__settle = {since: null, key: null});
  if (!ready) { s.since = null; s.key = null; }
  else if (s.since === null || s.key !== key) { s.since = now; s.key = key; }
  seen.quietFor = s.since === null ? 0 : now - s.since;
  seen.settled = ready && seen.quietFor >= quiet;
  return seen;
}""".replace("QUIET_MS", str(QUIET_MS), 1)
SETTLED = "(o) => { const seen = (" + PAGE_STATE + ")(o); return seen.settled ? seen : false; }"
RESET = "() => { window.__settle = null; }"


class ServerError(RuntimeError):
    """The server exited or did not become healthy in time."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop_process(proc: subprocess.Popen | None, grace: float = 10) -> None:
    """Ask a server process to stop (SIGTERM), then kill it if it has not within `grace` seconds."""
    if proc is not None and proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=grace)


class StreamlitServer:
    """`streamlit run APP` on a free loopback port, its output in a log file; start() waits for /_stcore/health."""

    def __init__(self, app: Path = APP, env: dict[str, str] | None = None, log_dir: Path | None = None):
        self.app, self.env, self.port = Path(app), env or {}, free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self._own_log_dir = log_dir is None
        self.log_dir = Path(tempfile.mkdtemp(prefix="streamlit-server-")) if log_dir is None else Path(log_dir)
        self.log = self.log_dir / f"streamlit-{self.app.stem}-{self.port}.log"
        self.proc: subprocess.Popen | None = None

    def start(self, timeout: float = HEALTH_TIMEOUT) -> float:
        """Start the server; seconds until /_stcore/health answered "ok"."""
        cmd = [sys.executable, "-m", "streamlit", "run", str(self.app), f"--server.port={self.port}", *SERVER_FLAGS]
        with open(self.log, "wb") as log:
            began = time.perf_counter()
            self.proc = subprocess.Popen(
                cmd, cwd=ROOT, env={**os.environ, **self.env}, stdout=log, stderr=subprocess.STDOUT
            )
        while time.perf_counter() - began < timeout:
            if self.proc.poll() is not None:
                raise ServerError(f"streamlit exited with code {self.proc.returncode}: {self.tail()}")
            with suppress(OSError):
                if NO_PROXY.open(self.base + "/_stcore/health", timeout=1).read() == b"ok":
                    return time.perf_counter() - began
            time.sleep(0.025)
        self.stop()
        raise ServerError(f"streamlit was not healthy after {timeout:.0f} s: {self.tail()}")

    def tail(self, chars: int = 1500) -> str:
        with suppress(OSError):
            return self.log.read_text(errors="replace")[-chars:]
        return ""

    def memory_kb(self) -> dict[str, int]:
        """VmRSS (now) and VmHWM (peak) of the streamlit process, from /proc."""
        found = {}
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                found[key] = int(value.split()[0])
        return found

    def stop(self) -> None:
        stop_process(self.proc)
        if self._own_log_dir:
            shutil.rmtree(self.log_dir, ignore_errors=True)

    def __enter__(self) -> "StreamlitServer":
        self.start()
        return self

    def __exit__(self, *_exc) -> None:
        self.stop()


def page_state(page, **options) -> dict | None:
    """The page's state (PAGE_STATE) now, or None while a navigation replaces the document (sync Playwright)."""
    try:
        return page.evaluate(PAGE_STATE, options)
    except Exception:  # navigation in progress: the execution context is being replaced
        return None


def settle(page, timeout: float = 60, **options) -> dict:
    """Wait until the page has settled (sync Playwright; no fixed sleeps); returns its state."""
    with suppress(Exception):  # a navigation in progress brings a fresh window anyway
        page.evaluate(RESET)
    return page.wait_for_function(SETTLED, arg=options, polling=100, timeout=timeout * 1000).json_value()


async def settle_async(page, timeout: float = 60, **options) -> dict:
    """settle() for Playwright's async API."""
    with suppress(Exception):
        await page.evaluate(RESET)
    handle = await page.wait_for_function(SETTLED, arg=options, polling=100, timeout=timeout * 1000)
    return await handle.json_value()
