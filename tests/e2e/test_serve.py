"""`make serve` in Chromium: two Streamlit workers behind HAProxy (deploy/serve.py) on free loopback ports.

Every page draws through the proxy, an upload reaches the worker holding the reader's session, a widget change
works after the first load (the sticky cookie keeps the reader on one worker), and when one worker is killed
(SIGKILL) the readers on the other see nothing while the pages of the readers on the killed one reconnect to a live
worker and answer a click; supervisord restarts the worker and new readers reach it once its health check passes.
The test judges outcomes, within a bound meant only to stop a hang (OUTCOME_WITHIN); how many seconds each step took
is the benchmark's to judge: the times are printed (pytest -s) and written to $FAULT_TIMES when set
(benchmarks/dashboard.py --measure fault runs this test for its report).
Without haproxy these tests skip and say how to install it; under E2E_REQUIRED=1 (.ci/run) that is a failure.
"""

import configparser
import csv
import io
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import xmlrpc.client
from contextlib import suppress
from pathlib import Path

import pytest

import settings
from shaping.words import served_pages
from tests.e2e.conftest import running
from tests.e2e.test_browser import CHARTS, problems_on_screen
from tests.support.streamlit_server import NO_PROXY, RESET, ROOT, VIEWPORT, free_port, page_state, settle

COOKIE = "hikikomori_worker"
WORKERS = ("w1", "w2")
PATHS = ["/" if i == 0 else "/" + p.url for i, p in enumerate(served_pages(True, settings.UPLOAD_PAGE))]
SESSIONS = 10
# Seconds after the kill by which every reader must have a working page: generous, for a loaded CI machine. The goals
# for how fast that happens are the benchmark's (benchmarks/dashboard.py, measure "fault").
OUTCOME_WITHIN = 60.0
HAPROXY = shutil.which("haproxy") or shutil.which("haproxy", path="/usr/sbin:/sbin")

# From the start of every document: epoch milliseconds of each finished script run, and of the first time a
# connection status (Streamlit's "Connecting" badge), a "Connection error" dialog or an exception box appeared.
WATCH = """(() => {
  const w = window.__serve = {done: [], status: [], back: [], dialog: [], exception: [],
                              shown: false, titled: [], title: null};
  const now = () => performance.timeOrigin + performance.now();
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes' && r.target.getAttribute('data-test-script-state') === 'notRunning')
        w.done.push(now());
    }
    const shown = !!document.querySelector('[data-testid=stConnectionStatus]');
    if (shown) w.status.push(now());
    if (w.shown && !shown) w.back.push(now());  // the connection status went away: connected again
    w.shown = shown;
    if ([...document.querySelectorAll('[role=dialog]')].some(d => d.textContent.includes('Connection error')))
      w.dialog.push(now());
    if (document.querySelector('[data-testid=stException]')) w.exception.push(now());
    const h1 = document.querySelector('[data-testid=stMain] h1');
    const title = h1 ? h1.textContent.trim() : null;
    if (title !== w.title) { w.title = title; w.titled.push([now(), title]); }  // a page's run may be too quick to see
  }).observe(document, {childList: true, subtree: true, attributes: true, attributeFilter: ['data-test-script-state']});
})();"""
# Clicks a sidebar link; returns the page's own clock (epoch ms) just before the click, or null without such a link.
# Runs are compared on the page's clock: Chromium's timeOrigin-based time may differ from Python's wall clock.
CLICK = """(href) => {
  const a = [...document.querySelectorAll('[data-testid=stSidebarNav] a')].find(a => a.href === href);
  if (!a) return null;
  const at = performance.timeOrigin + performance.now();
  a.click();
  return at;
}"""


# When the run a click asked for finished (page clock, epoch ms), or null: a recorded end of a run after the click, or,
# when the run was too quick for its running state to be rendered, the first time after the click that the page's
# title became the target's while no run is going on.
ANSWERED = """([t, title]) => {
  const w = window.__serve;
  const done = w.done.find(d => d > t);
  if (done) return done;
  const app = document.querySelector('[data-testid=stApp]');
  const shown = w.titled.find(([at, text]) => at > t && text === title);
  return shown && app && app.getAttribute('data-test-script-state') === 'notRunning' ? shown[0] : null;
}"""


def _missing(reason: str) -> None:
    if os.environ.get("E2E_REQUIRED") == "1":
        pytest.fail(f"required browser test cannot run: {reason}")
    pytest.skip(reason)


class Served:
    """`python -m deploy.serve` (supervisord after it execs) with two workers, uploads on, in a temporary folder."""

    def __init__(self, run_dir: Path):
        self.run_dir = run_dir
        self.port, self.ports = free_port(), [free_port() for _ in WORKERS]
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = run_dir / "serve.log"
        self.proc: subprocess.Popen | None = None

    def start(self, timeout: float = 120) -> float:
        cmd = [
            sys.executable,
            "-m",
            "deploy.serve",
            "--workers",
            str(len(WORKERS)),
            "--port",
            str(self.port),
            "--host",
            "127.0.0.1",
        ]
        cmd += ["--worker-ports", ",".join(map(str, self.ports)), "--run-dir", str(self.run_dir), "--uploads", "on"]
        env = {k: v for k, v in os.environ.items() if k not in ("HIKIKOMORI_COOKIE_SECRET", "HIKIKOMORI_DATA_DIR")}
        began = time.monotonic()
        # Appending: supervisord's children write to /dev/stdout, which reopens this file; without O_APPEND on both
        # sides, supervisord's own lines overwrote theirs.
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(
                cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        while time.monotonic() - began < timeout:
            if self.proc.poll() is not None:
                raise RuntimeError(f"deploy.serve exited with {self.proc.returncode}: {self.tail()}")
            with suppress(OSError, ValueError):
                if all(self.status()[w] == "UP" for w in WORKERS):
                    return time.monotonic() - began
            time.sleep(0.1)
        raise RuntimeError(f"the workers were not UP behind the proxy after {timeout:.0f} s: {self.tail()}")

    def tail(self, chars: int = 3000) -> str:
        with suppress(OSError):
            return self.log.read_text(errors="replace")[-chars:]
        return ""

    def stats(self) -> list[dict[str, str]]:
        """HAProxy's `show stat` on its admin socket, one dict per proxy and server."""
        with socket.socket(socket.AF_UNIX) as s:
            s.settimeout(5)
            s.connect(str(self.run_dir / "haproxy.sock"))
            s.sendall(b"show stat\n")
            data = b""
            while chunk := s.recv(65536):
                data += chunk
        return list(csv.DictReader(io.StringIO(data.decode().lstrip("# "))))

    def status(self) -> dict[str, str]:
        """Each worker's state as HAProxy sees it: UP, DOWN, or a transition such as 'UP 1/2'."""
        return {
            row["svname"]: row["status"]
            for row in self.stats()
            if row["pxname"] == "streamlit" and row["svname"] in WORKERS
        }

    def supervisor(self):
        """supervisord's XML-RPC interface, with the credentials supervisorctl reads from the generated config."""
        from supervisor.xmlrpc import SupervisorTransport

        config = configparser.RawConfigParser()
        config.read(self.run_dir / "supervisord.conf")
        user, password = (config.get("supervisorctl", key, fallback=None) for key in ("username", "password"))
        transport = SupervisorTransport(user, password, serverurl=f"unix://{self.run_dir / 'supervisor.sock'}")
        return xmlrpc.client.ServerProxy("http://127.0.0.1", transport=transport).supervisor

    def worker(self, name: str) -> dict:
        return self.supervisor().getProcessInfo(f"workers:{name}")

    def stop(self) -> list[int]:
        """SIGTERM to supervisord, as Ctrl-C or a service manager would;
        returns the pids still alive after it exited."""
        pids = []
        with suppress(Exception):
            pids = [info["pid"] for info in self.supervisor().getAllProcessInfo() if info["pid"]]
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)
        alive = [pid for pid in pids if Path(f"/proc/{pid}").exists()]
        for pid in alive:  # never leave a process behind, even when the assertion about it fails
            with suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        return alive


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    if not HAPROXY:
        _missing("haproxy is needed for the make serve tests: install it with `apt-get install -y haproxy` (Debian).")
    yield from running(Served(tmp_path_factory.mktemp("serve")))


def new_reader(browser):
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    context.add_init_script(WATCH)
    return context, context.new_page()


def worker_of(context) -> str | None:
    return next((c["value"] for c in context.cookies() if c["name"] == COOKIE), None)


def test_every_page_upload_and_widget_through_the_proxy(browser, served):
    secret = served.run_dir / "cookie-secret"
    assert secret.stat().st_mode & 0o777 == 0o600 and len(secret.read_text().strip()) >= 32
    context, page = new_reader(browser)
    try:
        for path in PATHS:
            page.goto(served.base + path)
            settle(page)
            assert problems_on_screen(page) == [], path
            charts = page.query_selector_all("[data-testid=stPlotlyChart]")
            assert len(charts) == CHARTS[path], path
            assert all(chart.query_selector(".main-svg") for chart in charts), path
        worker = worker_of(context)
        assert worker in WORKERS, context.cookies()
        cookie = next(c for c in context.cookies() if c["name"] == COOKIE)
        assert cookie["httpOnly"] and cookie["sameSite"] == "Lax"

        # An upload is an HTTP POST checked against the session and XSRF cookie of the worker that served the page.
        page.goto(served.base + "/check_data")
        settle(page, title="Check new data")
        page.locator("[data-testid=stFileUploader] input[type=file]").set_input_files(
            str(ROOT / "data" / "population.csv")
        )
        page.get_by_text("Valid: population.csv passes every rule").wait_for(timeout=60_000)
        settle(page, title="Check new data")
        assert problems_on_screen(page) == []

        # A widget change after the first load: a message on the open websocket, answered by the same worker.
        page.goto(served.base + "/compare?countries=Italy&measure=Count")
        before = settle(page, title="Compare countries", minCharts=1)
        page.get_by_role("radio", name="Logarithmic").click()
        page.wait_for_function("() => location.search.includes('scale=Logarithmic')")
        settle(page, title="Compare countries", changedFrom=before["axes"])
        axis = page.evaluate(
            "() => document.querySelector('[data-testid=stPlotlyChart] .js-plotly-plot')._fullLayout.xaxis.type"
        )
        assert axis == "log"
        assert worker_of(context) == worker
        assert (
            page.evaluate(
                "() => window.__serve.status.length + window.__serve.dialog.length + window.__serve.exception.length"
            )
            == 0
        )
    finally:
        context.close()


# The page has shown "Connecting" (more times than `n`, its count before the kill) and no longer does.
RECONNECTED = (
    """(n) => window.__serve.status.length > n && !document.querySelector('[data-testid=stConnectionStatus]')"""
)


def click(page, base: str, path: str) -> float:
    """Click the sidebar link to a page (as a reader does), forgetting the last quiet period;
    returns the page's time."""
    page.evaluate(RESET)
    at = page.evaluate(CLICK, base + path)
    assert at is not None, f"no sidebar link to {path}"
    return at


def w1_stats(served: Served) -> dict[str, str]:
    return next(row for row in served.stats() if row["pxname"] == "streamlit" and row["svname"] == "w1")


class Followed:
    """What the fault test sees after the kill, in seconds after it: HAProxy's and supervisord's view of w1 (events),
    and per reader the click (its page's clock, epoch ms), the answer to it, the page settled and its reconnection."""

    def __init__(self, served: Served, readers: list, titles: dict[str, str], shown_before: list[int]):
        self.served, self.readers, self.titles, self.shown_before = served, readers, titles, shown_before
        self.victim = served.worker("w1")
        self.downs = int(w1_stats(served)["chkdown"])
        self.events: dict[str, float] = {}
        self.clicked: dict[int, float] = {}
        self.answered: dict[int, float] = {}  # the script run asked for by the click has finished: the server answered
        self.settled: dict[int, float] = {}  # and the page has settled (Chromium has drawn it)
        self.reconnected: dict[int, float] = {}
        # Each page's clock against this process's, while the pages are idle, so the times the pages record (runs
        # finished, connection back) can be read as seconds after the kill without polling delays.
        self.offset = []
        for _, page, _ in readers:
            before = time.time()
            now = page.evaluate("() => performance.timeOrigin + performance.now()") / 1000
            self.offset.append(now - (before + time.time()) / 2)
        self.killed_at = 0.0

    def kill(self) -> None:
        """SIGKILL w1 and at once have each reader of w2 open a new page."""
        self.killed_at = time.time()
        os.kill(self.victim["pid"], signal.SIGKILL)
        for i, (_, page, worker) in enumerate(self.readers):
            if worker == "w2":
                self.clicked[i] = click(page, self.served.base, "/sources")

    def done(self) -> bool:
        return len(self.settled) == len(self.readers) and len(self.events) == 3

    def reader(self, i: int, page, worker: str, now: float) -> None:
        """A reader of w1 clicks once its page is back; a click's answer, then the page settled, are noted."""
        if worker == "w1" and i not in self.clicked and page.evaluate(RECONNECTED, self.shown_before[i]):
            back = page.evaluate("() => window.__serve.back")
            self.reconnected[i] = (back[-1] / 1000 - self.offset[i] - self.killed_at) if back else now
            self.clicked[i] = click(page, self.served.base, "/sources")
        if i in self.clicked and i not in self.answered:
            ran = page.evaluate(ANSWERED, [self.clicked[i], self.titles["/sources"]])
            if ran:
                self.answered[i] = ran / 1000 - self.offset[i] - self.killed_at
        if i in self.answered and i not in self.settled:
            state = page_state(page, title=self.titles["/sources"])
            if state and state["settled"]:
                self.settled[i] = time.time() - self.killed_at

    def worker(self, now: float) -> None:
        """w1 marked DOWN by HAProxy, restarted by supervisord, then UP again."""
        with suppress(OSError, ValueError, KeyError):
            row = w1_stats(self.served)
            if "w1 DOWN in HAProxy" not in self.events and int(row["chkdown"]) > self.downs:
                self.events["w1 DOWN in HAProxy"] = now
            if "w1 DOWN in HAProxy" in self.events and row["status"] == "UP":
                self.events.setdefault("w1 UP again in HAProxy", now)
        with suppress(OSError, xmlrpc.client.Error):
            info = self.served.worker("w1")
            if info["statename"] == "RUNNING" and info["pid"] != self.victim["pid"]:
                self.events.setdefault("w1 restarted by supervisord (RUNNING)", now)

    def follow(self) -> None:
        while time.time() - self.killed_at < OUTCOME_WITHIN and not self.done():
            now = time.time() - self.killed_at
            for i, (_, page, worker) in enumerate(self.readers):
                self.reader(i, page, worker, now)
            self.worker(now)
            time.sleep(0.1)

    def times(self) -> dict:
        """The seconds of every step, for the benchmark's report."""
        # How long each click waited for its answer: the test clicks a reconnected page only when its polling loop
        # gets to it (a second or two later on a busy machine), so a reader who clicks the moment the page is back
        # has it answered at reconnected + took.
        took = {i: self.answered[i] - (self.clicked[i] / 1000 - self.offset[i] - self.killed_at) for i in self.answered}
        times = {k: round(v, 2) for k, v in self.events.items()}
        back = sorted(self.reconnected)
        times["readers of w1: reconnected (s after kill)"] = [round(self.reconnected[i], 2) for i in back]
        times["readers of w1: working page (s after kill)"] = [
            round(self.reconnected[i] + took[i], 2) for i in back if i in took
        ]
        for worker in WORKERS:
            mine = [i for i in range(len(self.readers)) if self.readers[i][2] == worker]
            times[f"readers of {worker}: next page's script run finished"] = [
                round(self.answered[i], 2) for i in mine if i in self.answered
            ]
            times[f"readers of {worker}: click to answer (s)"] = [round(took[i], 2) for i in mine if i in took]
            times[f"readers of {worker}: next page settled"] = [
                round(self.settled[i], 2) for i in mine if i in self.settled
            ]
        return times


def test_a_killed_worker_loses_no_reader_and_comes_back(browser, served):
    titles = {"/": "Hikikomori in Numbers", "/sources": "Sources and method"}
    readers = []
    try:
        # Ten readers, spread over both workers by HAProxy's round robin (no cookie yet), each on a chartless page.
        for _ in range(SESSIONS):
            context, page = new_reader(browser)
            page.goto(served.base + "/")
            settle(page, title=titles["/"])
            readers.append((context, page, worker_of(context)))
        on = {w: [r for r in readers if r[2] == w] for w in WORKERS}
        assert on["w1"] and on["w2"], f"the readers were not spread over both workers: {[r[2] for r in readers]}"

        # Kill w1's Streamlit process outright, as a crash would, and follow everything at once from then on: the
        # readers of w2 each open a new page at once; the readers of w1 open one as soon as their page has shown
        # "Connecting" and reconnected (a reconnected page is not rerun by itself: it keeps what it showed until the
        # reader does something); HAProxy's view of w1 and supervisord's restart of it.
        shown_before = [page.evaluate("() => window.__serve.status.length") for _, page, _ in readers]
        seen = Followed(served, readers, titles, shown_before)
        assert seen.victim["statename"] == "RUNNING"
        seen.kill()
        seen.follow()
        times = seen.times()
        settled, answered, reconnected = seen.settled, seen.answered, seen.reconnected
        clicked, events = seen.clicked, seen.events
        print("\nfault test times:", json.dumps(times))
        if os.environ.get("FAULT_TIMES"):
            Path(os.environ["FAULT_TIMES"]).write_text(json.dumps(times))

        for i, (context, page, worker) in enumerate(readers):
            seen = page.evaluate("() => window.__serve")
            assert i in settled, (
                f"reader {i} on {worker} had no working page {OUTCOME_WITHIN:.0f} s after the kill ({times}); "
                f"clicked at {clicked.get(i)} (page clock), "
                f"answered {i in answered}, url {page.url}, state {page_state(page)}, seen {seen}, "
                f"cookie {worker_of(context)}"
            )
            assert not seen["exception"] and not seen["dialog"] and problems_on_screen(page) == [], (worker, seen)
            assert worker_of(context) == "w2", (
                "every reader is on the live worker (the readers of w1 were redispatched)"
            )
            if worker == "w2":  # the kill is invisible to them
                assert not seen["status"], f"a reader of w2 saw the connection status: {seen}"
            else:  # a working page: reconnected, and a click made then answered by a script run
                assert i in reconnected and i in answered, (
                    f"reader {i} of w1 did not reconnect and get an answer ({times})"
                )
        assert set(events) == {
            "w1 DOWN in HAProxy",
            "w1 restarted by supervisord (RUNNING)",
            "w1 UP again in HAProxy",
        }, times
        assert served.status()["w1"] == "UP"

        # New readers reach the restarted worker (round robin), and its page works.
        reached = None
        for _ in range(4):
            context, page = new_reader(browser)
            readers.append((context, page, None))
            page.goto(served.base + "/sources")
            settle(page, title=titles["/sources"])
            assert problems_on_screen(page) == []
            if worker_of(context) == "w1":
                reached = page
                break
        assert reached is not None, "no new reader was sent to the restarted worker"
    finally:
        for context, _, _ in readers:
            with suppress(Exception):
                context.close()


def test_public_edition_is_the_default_and_the_proxy_answers_health(served):
    """The launcher's own defaults (no --uploads): off. Checked on its arguments, not a second set of servers."""
    from deploy.serve import parse

    env = {k: v for k, v in os.environ.items() if k != settings.UPLOADS_VAR}
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(os, "environ", env)
        assert parse([]).uploads == "off"
    assert NO_PROXY.open(served.base + "/_stcore/health", timeout=5).read() == b"ok"
    with urllib.request.urlopen(served.base + "/", timeout=5) as answer:  # noqa: S310 (loopback)
        assert COOKIE + "=" in answer.headers.get("Set-Cookie", "")
