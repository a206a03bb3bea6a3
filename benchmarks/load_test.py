#!/usr/bin/env python3
"""A bounded load test with live data edits: many browser sessions on one server while a maintainer edits a CSV.

Run from the project root with the project's Python:

    .venv/bin/python benchmarks/load_test.py [--sessions 20] [--seconds 60] [--grace 3] [--page-timeout 60] [--reload]
    .venv/bin/python benchmarks/load_test.py --url http://127.0.0.1:8501 [--supervisor .serve] [--sessions 20] [--seconds 60]

With --url it loads a server that is already running, such as `make serve` (several workers behind HAProxy),
instead of starting its own: steps 1 and 4 below are left out (no data copy, no edits: the server reads its own
data, so every open is judged against the unedited data), and the CPU it reports as the server's is that of every
worker process supervisord runs (--supervisor, the run folder; `.serve/` by default when it exists) plus HAProxy's
as the proxy's, or of every process whose command line holds --server-cmdline's text. A worker that died or was
restarted during the run is reported and fails the run.

On loopback only (the server listens on 127.0.0.1; Chromium resolves no other host and every request elsewhere is
listed in the report), and it stops by itself:

1. copies data/ to a temporary folder and starts ONE `streamlit run app.py` with HIKIKOMORI_DATA_DIR pointing at
   the copy; the server is never restarted (checked at the end);
2. warms the server up with one session that opens every page once (by its sidebar link), and learns each
   page's title, how many charts it draws, whether it uses recluse_estimates.csv (named in its data caption) and
   whether it shows the edited row's rate;
3. one Chromium, --sessions browser contexts (Playwright's async API on one asyncio loop). Each session first loads
   one page in full (page i for session i; --open-at-once at a time, one per core by default, before the clock
   starts: a cold page load costs Chromium about 10 CPU-seconds, so 20 at once saturate 2 cores for minutes),
   then for --seconds keeps opening the pages in turn (every page of
   words/pages.toml except check_data) by clicking the sidebar links, as a reader does; with --reload every page is
   a full page load instead. Each open is timed from navigation start (the click, or the navigation's time
   origin) to the first new chart drawn ([data-testid=stPlotlyChart] .main-svg) or, on a page without charts, to
   the end of the script run (script state notRunning). A page has settled when a script run began after the
   open and has ended, and the page is settled as tests/support/streamlit_server.py defines it for the browser
   tests and benchmarks/run.py (its own title shown, nothing a placeholder, every chart drawn, all unchanged for
   400 ms);
4. edits recluse_estimates.csv in the temporary copy while the load runs, in place, as a maintainer's editor
   would: at 1/4 of the time a VALID edit (one row's rate, 1.79%, becomes 1.81%: marker A), at 1/2 an INVALID one (value_low above value in
   that row), at 3/4 a valid file again (the rate 1.82%: marker B, so a fresh read is proven, not an old cache entry);
5. judges every open. Errors: an exception box ([data-testid=stException], also one that came and went), a page
   not settled within --page-timeout of navigation start, a failed navigation, a "Connection error" dialog or a
   connection status shown, an error box on a page that does not use the table, a wrong number of charts, a
   JavaScript error. States: a page using the table must show the current phase's data (the original note /
   marker A / the error box "cannot be shown" / marker B; pages that do not show the row's rate can only be told
   apart by error box or not); pages not using the table must be normal in every phase.

The data a page shows was read between navigation start and the end of its last script run. An open whose interval
touches an edit (from the start of the write to --grace seconds after its end) is in a grace window and may show
the state before or after that edit; every other open is judged strictly against its phase.

It prints sessions x seconds, page opens, errors, p50/p95 time to first chart (also per page and for the first full
loads), the expected-state counts per phase, and the CPU used by the server, this run's browser and everything
else (the machine may be shared: when it is saturated the times measure the machine more than the dashboard).
Exit 0 only with no error, no wrong state (also in grace windows, where either neighbouring state is accepted), at
least one strictly judged open of a page using the table in every phase, the server never restarted and data/
unchanged. The server and the temporary folder are always removed (also on Ctrl-C or SIGTERM).
"""

import argparse
import asyncio
import contextlib
import csv
import hashlib
import io
import json
import math
import os
import shutil
import signal
import statistics
import sys
import tempfile
import time
import urllib.request
import xmlrpc.client
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
sys.path.insert(0, str(ROOT))
from shaping.words import pages  # noqa: E402
from tests.support.streamlit_server import CHROMIUM, LOOPBACK_ONLY, SETTLED, VIEWPORT, StreamlitServer  # noqa: E402
from tests.support.streamlit_server import CHROMIUM_ARGS as BROWSER_TEST_ARGS  # noqa: E402

CHROMIUM_ARGS = [*BROWSER_TEST_ARGS, LOOPBACK_ONLY]

PAGE_PATHS = ["/" + p.url for p in pages() if p.url != "check_data"]
TABLE = "recluse_estimates"
TABLE_FILE = "recluse_estimates.csv"
EDIT_ROW = "jp-cao-2010-broad"  # a Cabinet Office round: its rate is on the Japan and Compare pages' charts
MARKER_A = "1.81%"  # the edited row's rate after edit A (1.79% + 0.02), as the charts print it
MARKER_B = "1.82%"  # and after edit B
ERROR_TEXT = "cannot be shown"

# Installed in every document from its start. It records, relative to the start of the current page open
# (window.__lt.start: 0 for a page load, the click for an in-app navigation): the first chart drawn that was not
# on the screen before the open, when a script run began and last ended, and whether an exception box or a
# "Connection error" dialog ever appeared (so one that came and went is not missed).
INIT_SCRIPT = """(() => {
  const t = window.__lt = {start: 0, firstChart: null, ranAt: null, doneAt: null, exception: null, connErr: null};
  const check = (records) => {
    const now = performance.now();
    for (const r of records) {
      if (r.type === 'attributes') {
        if (t.ranAt === null) t.ranAt = now;
        if (r.target.getAttribute('data-test-script-state') === 'notRunning') t.doneAt = now;
      }
    }
    if (t.firstChart === null) {
      for (const c of document.querySelectorAll('[data-testid=stPlotlyChart]:not([data-lt-old])')) {
        if (c.querySelector('.main-svg')) { t.firstChart = now; break; }
      }
    }
    if (t.exception === null && document.querySelector('[data-testid=stException]')) t.exception = now;
    if (t.connErr === null) {
      for (const d of document.querySelectorAll('[role=dialog]')) if (d.textContent.includes('Connection error')) t.connErr = now;
    }
  };
  new MutationObserver(check).observe(document, {childList: true, subtree: true, attributes: true,
                                                 attributeFilter: ['data-test-script-state']});
})();"""

# An in-app navigation: forget the last page's timings, mark the charts on screen as old, click the sidebar link.
CLICK = """(href) => {
  const a = [...document.querySelectorAll('[data-testid=stSidebarNav] a')].find(a => a.href === href);
  if (!a || !window.__lt) return null;
  const t = window.__lt;
  document.querySelectorAll('[data-testid=stPlotlyChart]').forEach(c => { c.dataset.ltOld = '1'; });
  Object.assign(t, {firstChart: null, ranAt: null, doneAt: null, exception: null, connErr: null});
  window.__settle = null;
  t.start = performance.now();
  a.click();
  return t.start;
}"""


# Settled (tests/support/streamlit_server.SETTLED) with the page's own title, after a script run that began after the
# open: settled_args(title) is its argument.
def settled_args(title: str) -> dict:
    return {"title": title, "requireRun": True}


VERDICT = """([a, b]) => {
  const t = window.__lt || {};
  const text = document.body.textContent;
  const status = document.querySelector('[data-testid=stConnectionStatus]');
  const dialogs = [...document.querySelectorAll('[role=dialog]')].map(d => d.textContent);
  const errorBoxes = [...document.querySelectorAll('[data-testid=stAlertContentError]')].map(e => e.textContent.slice(0, 200));
  return {
    origin: performance.timeOrigin, start: t.start, firstChart: t.firstChart, doneAt: t.doneAt,
    loaded: t.start ? null : ((performance.getEntriesByType('navigation')[0] || {}).domContentLoadedEventEnd || null),
    charts: document.querySelectorAll('[data-testid=stPlotlyChart]').length,
    errorBoxes,
    dataShown: errorBoxes.length > 0
      || [...document.querySelectorAll('[data-testid=stCaptionContainer]')].some(c => c.textContent.startsWith('Data:')),
    exception: t.exception !== null || !!document.querySelector('[data-testid=stException]'),
    connErr: t.connErr !== null || dialogs.some(d => d.includes('Connection error')),
    status: status ? status.textContent : null,
    markerA: text.includes(a), markerB: text.includes(b),
  };
}"""

PHASES = ["before edits", "valid edit", "invalid edit", "valid restored"]
EXPECTED = {"before edits": "original", "valid edit": "A", "invalid edit": "error", "valid restored": "B"}


# ---------------------------------------------------------------- the data copy and its edits


def checksums(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def edited(text: str, changes: dict[str, str]) -> str:
    """The CSV text with some cells of row EDIT_ROW changed (the project's CSVs round-trip through csv exactly)."""
    records = list(csv.reader(io.StringIO(text)))
    header = records[0]
    row = next(r for r in records[1:] if r and r[0] == EDIT_ROW)
    for column, value in changes.items():
        row[header.index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(records)
    return out.getvalue()


def row_mark(folder: Path) -> str:
    """The edited row's rate as the charts print it (made by the project's own code from the copy), e.g. '1.79%'."""
    from loaders.tables import check_package
    from shaping.numbers import pct

    rows = check_package(folder).table("recluse_estimates")
    return pct(float(rows.loc[rows["estimate_id"] == EDIT_ROW, "rate_pct"].iloc[0]))


def free_the_edited_rate(folder: Path) -> None:
    """In the copy only: the quotes that confirm EDIT_ROW's rate are marked as differing, as a maintainer correcting a
    rate would mark them, so the edited rate stays a valid file (a confirmed quote must state the row's own figure)."""
    path = folder / "evidence.csv"
    records = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    header = records[0]
    for record in records[1:]:
        if record[header.index("estimate_id")] == EDIT_ROW and record[header.index("column")] == "rate_pct" and record[header.index("status")] == "confirmed":
            record[header.index("status")] = "differs"
            record[header.index("note")] = "Load test: this copy's rate is edited during the run."
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(records)
    path.write_text(out.getvalue(), encoding="utf-8")


def edit_versions(original: str) -> list[tuple[str, str]]:
    """(phase, file content) for the three edits."""
    records = list(csv.reader(io.StringIO(original)))
    header = records[0]
    row = next(r for r in records[1:] if r and r[0] == EDIT_ROW)
    value, rate = int(row[header.index("value")]), float(row[header.index("rate_pct")])
    # The marker is the row's rate as the charts print it (the Japan and Compare pages' default view), so a page
    # shows it without a click (a card's notes are only built when "About this data" is opened). The rate stays
    # inside its interval, so the file stays valid.
    valid_a = edited(original, {"rate_pct": f"{rate + 0.02:.2f}"})
    invalid = edited(valid_a, {"value_low": str(value + 10_000)})  # value_low above value: refused by the validator
    valid_b = edited(original, {"rate_pct": f"{rate + 0.03:.2f}"})
    return [("valid edit", valid_a), ("invalid edit", invalid), ("valid restored", valid_b)]


# ---------------------------------------------------------------- the server


class Server(StreamlitServer):
    """The one server of the run (tests/support/streamlit_server.py), on the data copy; its log in the temporary folder."""

    def __init__(self, data_dir: Path, log_dir: Path):
        super().__init__(env={"HIKIKOMORI_DATA_DIR": str(data_dir)}, log_dir=log_dir)

    def wait_healthy(self) -> float:
        return self.start()

    def roots(self) -> dict[str, set[int]]:
        return {"server": {self.proc.pid} if self.proc and self.proc.poll() is None else set(), "proxy": set()}


class Running:
    """A server this script did not start (--url), such as `make serve`: its processes, for the CPU count, are
    found through supervisord's XML-RPC socket (--supervisor: the workers group is the server, haproxy the proxy)
    or by command line (--server-cmdline: every process whose command line holds the text is the server)."""

    def __init__(self, url: str, supervisor: str | None, cmdline: str | None):
        self.base = url.rstrip("/")
        self.cmdline = cmdline
        self.supervisor = None
        if supervisor:
            from supervisor.xmlrpc import SupervisorTransport

            folder = Path(supervisor)
            folder = folder.parent if folder.is_file() else folder
            transport = SupervisorTransport(serverurl=f"unix://{folder / 'supervisor.sock'}")
            self.supervisor = xmlrpc.client.ServerProxy("http://127.0.0.1", transport=transport).supervisor
        self.last: dict[str, set[int]] = {"server": set(), "proxy": set()}

    def roots(self) -> dict[str, set[int]]:
        found: dict[str, set[int]] = {"server": set(), "proxy": set()}
        if self.supervisor is not None:
            try:
                for info in self.supervisor.getAllProcessInfo():
                    if info["pid"]:
                        found["server" if info["group"] == "workers" else "proxy"].add(info["pid"])
            except (OSError, xmlrpc.client.Error):
                return self.last  # supervisord busy or gone: keep the last answer
        elif self.cmdline:
            for entry in os.listdir("/proc"):
                with contextlib.suppress(OSError):
                    line = Path(f"/proc/{entry}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace") if entry.isdigit() else ""
                    if line and int(entry) != os.getpid() and self.cmdline in line:
                        found["server"].add(int(entry))
        self.last = found
        return found

    def tail(self) -> str:
        return ""


# ---------------------------------------------------------------- CPU accounting (the machine may be shared)

TICK = os.sysconf("SC_CLK_TCK")


def _proc_cpu(pid: int) -> tuple[int, float] | None:
    """(parent pid, CPU seconds) of a process, from /proc."""
    with contextlib.suppress(OSError, ValueError, IndexError):
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return int(fields[1]), (int(fields[11]) + int(fields[12])) / TICK
    return None


def _machine() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine since boot."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]
    return (sum(values[:8]) - idle) / TICK, sum(values[:8]) / TICK


@dataclass
class CpuMeter:
    """Per-process CPU seconds of this run (the server's processes, the proxy's, and this script with its browser),
    sampled every second: the largest value seen per pid counts, so processes that end during the run (a worker that
    died and was restarted) are not lost. `roots()` names the server's and the proxy's processes at each sample
    ({"server": pids, "proxy": pids}); their children count with them, and this script's other descendants are the
    client."""

    roots: Callable[[], dict[str, set[int]]]
    seen: dict[int, tuple[str, float]] = field(default_factory=dict)
    start: dict[int, float] = field(default_factory=dict)
    machine_start: tuple[float, float] = (0.0, 0.0)
    machine_end: tuple[float, float] = (0.0, 0.0)
    loads: list[float] = field(default_factory=list)

    def _sample(self) -> dict[int, tuple[str, float]]:
        table = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit() and (info := _proc_cpu(int(entry))):
                table[int(entry)] = info
        me = os.getpid()
        roles = {pid: role for role, pids in self.roots().items() for pid in pids}
        ours: dict[int, tuple[str, float]] = {}
        for pid, (_, cpu) in table.items():
            p = pid
            for _ in range(50):  # up the parent chain: the first server or proxy process, or this script, decides
                if p in roles or p == me:
                    ours[pid] = (roles.get(p, "client"), cpu)
                    break
                if p not in table or p in (0, 1):
                    break
                p = table[p][0]
        return ours

    def begin(self) -> None:
        self.start = {pid: cpu for pid, (_, cpu) in self._sample().items()}
        self.machine_start = _machine()

    def tick(self) -> None:
        for pid, (role, cpu) in self._sample().items():
            if cpu >= self.seen.get(pid, ("", 0.0))[1]:
                self.seen[pid] = (role, cpu)
        self.loads.append(os.getloadavg()[0])

    def finish(self) -> dict[str, float]:
        self.tick()
        self.machine_end = _machine()
        used = {"server": 0.0, "proxy": 0.0, "client": 0.0}
        for pid, (role, cpu) in self.seen.items():
            used[role] += cpu - self.start.get(pid, 0.0)
        busy = self.machine_end[0] - self.machine_start[0]
        wall = (self.machine_end[1] - self.machine_start[1]) / (os.cpu_count() or 1)
        return {
            "wall": wall,
            "busy": busy,
            "server": used["server"],
            "proxy": used["proxy"],
            "client": used["client"],
            "others": max(0.0, busy - used["server"] - used["proxy"] - used["client"]),
            "load_max": max(self.loads, default=0.0),
            "load_mean": statistics.mean(self.loads) if self.loads else 0.0,
        }


# ---------------------------------------------------------------- one page open


@dataclass
class Load:
    session: int
    path: str
    start: float  # run seconds: navigation start (the goto, or the click)
    how: str = "click"  # click (in-app navigation) | load (a full page load)
    end: float | None = None  # run seconds: settled (or failed)
    read_by: float | None = None  # run seconds: the last script run had ended (the data was read before)
    loaded: float | None = None  # seconds from navigation start to DOMContentLoaded (full loads only)
    first: float | None = None  # seconds from navigation start to the first chart (script run ended on chartless pages)
    state: str | None = None  # original | A | B | error
    error: str | None = None
    wrong: str | None = None
    phase: str | None = None
    grace: bool = False


def state_of(v: dict) -> str:
    if any(ERROR_TEXT in e for e in v["errorBoxes"]):
        return "error"
    if v["markerA"] and v["markerB"]:
        return "A+B"
    if v["markerA"]:
        return "A"
    if v["markerB"]:
        return "B"
    return "original"


def first_line(exc: Exception, limit: int = 160) -> str:
    return (str(exc).splitlines() or [type(exc).__name__])[0][:limit]


@dataclass
class Run:
    args: argparse.Namespace
    base: str
    folder: Path
    charts: dict[str, int]
    titles: dict[str, str]
    uses_table: dict[str, bool]
    shows_note: dict[str, bool]
    t0: float = 0.0  # epoch seconds when the measured load began
    edits: list[tuple[str, float, float]] = field(default_factory=list)  # (phase entered, write began, write ended), run seconds
    loads: list[Load] = field(default_factory=list)
    cold: list[Load] = field(default_factory=list)  # each session's first page load, before the clock starts
    stop_at: float = 0.0
    outside: set[str] = field(default_factory=set)  # requests to anything but loopback (they fail to resolve)

    def now(self) -> float:
        return time.time() - self.t0

    def phase_at(self, t: float) -> str:
        phase = PHASES[0]
        for name, _, done in self.edits:
            if t >= done:
                phase = name
        return phase

    def href(self, path: str) -> str:
        return self.base + ("/" if path == PAGE_PATHS[0] else path)  # the default page's link is the root


async def open_page(run: Run, page, load: Load, jserrors: list[str]) -> None:
    """Open one page (a full load, or a click on its sidebar link), wait until settled, and judge what it shows."""
    timeout = run.args.page_timeout
    try:
        if load.how == "load":
            await page.goto(run.href(load.path), wait_until="commit", timeout=timeout * 1000)
        elif await page.evaluate(CLICK, run.href(load.path)) is None:
            load.error = f"navigation failed: no sidebar link to {load.path}"
            return
    except Exception as exc:  # a navigation failure is one of the errors counted
        load.error = f"navigation failed: {first_line(exc)}"
        return
    remaining = max(1.0, timeout - (run.now() - load.start))
    try:
        await page.wait_for_function(SETTLED, arg=settled_args(run.titles[load.path]), polling=100, timeout=remaining * 1000)
    except Exception as exc:
        load.error = f"not settled within {timeout:.0f} s ({first_line(exc, 100)})"
        with contextlib.suppress(Exception):
            v = await page.evaluate(VERDICT, [MARKER_A, MARKER_B])
            load.error += "; connection error dialog" if v["connErr"] else ""
            load.error += "; exception box" if v["exception"] else ""
        return
    try:
        v = await page.evaluate(VERDICT, [MARKER_A, MARKER_B])
    except Exception as exc:
        load.error = f"page could not be read after settling: {first_line(exc)}"
        return
    path = load.path
    began = v["start"] or 0.0  # ms after the document's time origin
    load.read_by = (v["origin"] + v["doneAt"]) / 1000 - run.t0
    load.loaded = v["loaded"] / 1000 if v["loaded"] else None
    drawn = v["firstChart"] if run.charts[path] and v["firstChart"] is not None else v["doneAt"]
    load.first = (drawn - began) / 1000
    load.state = state_of(v)
    problems = []
    if v["exception"]:
        problems.append("exception box")
    if v["connErr"] or v["status"]:
        problems.append(f"connection problem (status {v['status']!r})")
    if not v["dataShown"]:
        problems.append("no data caption and no error box: load_tables did not run")
    if load.state == "error" and not run.uses_table[path]:
        problems.append("error box on a page that does not use the edited table: " + "; ".join(v["errorBoxes"])[:200])
    other = [e for e in v["errorBoxes"] if ERROR_TEXT not in e]
    if other:
        problems.append("unexpected error box: " + "; ".join(other)[:200])
    if load.state != "error" and v["charts"] != run.charts[path]:
        problems.append(f"{v['charts']} chart(s) drawn, {run.charts[path]} expected")
    if load.state == "error" and v["charts"]:
        problems.append(f"error box but {v['charts']} chart(s) drawn")
    if jserrors:
        problems.append("JavaScript error: " + jserrors[0])
        jserrors.clear()
    if problems:
        load.error = "; ".join(problems)


def watch_js_errors(page) -> list[str]:
    found: list[str] = []
    page.on("pageerror", lambda exc: found.append(str(exc)[:200]))
    return found


async def session(run: Run, number: int, how: str, open_one) -> None:
    """Open the pages in turn until the time is up (session i starts after page i, opened before the clock).
    After each edit, the session's next open is a page that uses the edited table, started once the grace window
    is over: every session must show the new state on that rerun. open_one(load) opens and judges one page."""
    index, handled = number, 0
    table_pages = [path for path in PAGE_PATHS if run.uses_table[path]]
    while run.now() < run.args.seconds:
        if len(run.edits) > handled:
            handled = len(run.edits)
            await asyncio.sleep(max(0.0, run.edits[-1][2] + run.args.grace - run.now()) + 0.1)
            path = table_pages[(number + handled) % len(table_pages)]
        else:
            index += 1
            path = PAGE_PATHS[index % len(PAGE_PATHS)]
        load = Load(number, path, run.now(), how)
        run.loads.append(load)
        await open_one(load)
        load.end = run.now()


async def first_opens(run: Run, how: str, opens: list) -> float:
    """Each session's first page, before the clock starts, at most --open-at-once at a time; returns the seconds taken."""
    run.t0 = time.time()
    gate = asyncio.Semaphore(run.args.open_at_once)

    async def first_open(i: int) -> None:
        async with gate:
            load = Load(i, PAGE_PATHS[i % len(PAGE_PATHS)], run.now(), how)
            run.cold.append(load)
            await opens[i](load)
            load.end = run.now()

    began = time.monotonic()
    await asyncio.gather(*(first_open(i) for i in range(len(opens))))
    return time.monotonic() - began


async def measured_load(run: Run, meter: CpuMeter, versions: list[tuple[str, str]], how: str, opens: list) -> None:
    """The measured part: the clock starts, every session opens pages until the time is up, the maintainer edits."""
    run.t0 = time.time()
    meter.begin()
    tick = asyncio.create_task(sampler(meter))
    edits = asyncio.create_task(editor(run, versions))
    try:
        await asyncio.gather(*(session(run, i, how, open_one) for i, open_one in enumerate(opens)), edits)
    finally:
        tick.cancel()
        edits.cancel()
    run.stop_at = run.now()


def learned_run(args: argparse.Namespace, base: str, folder: Path, learned: dict[str, dict], seconds: float) -> Run:
    """Print what the warm-up learned of each page and start the run's record from it."""
    print(f"warm-up: every page opened once, one after the other, in {seconds:.1f} s", flush=True)
    for path, info in learned.items():
        print(
            f"    {path:<14} {info['charts']} chart(s){'  uses ' + TABLE_FILE if info['uses'] else ''}{'  shows the edited row' if info['note'] else ''}",
            flush=True,
        )
    return Run(
        args,
        base,
        folder,
        {k: v["charts"] for k, v in learned.items()},
        {k: v["title"] for k, v in learned.items()},
        {k: v["uses"] for k, v in learned.items()},
        {k: v["note"] for k, v in learned.items()},
    )


async def editor(run: Run, versions: list[tuple[str, str]]) -> None:
    """The maintainer: writes each version in place (as an editor saving the file would) at 1/4, 1/2 and 3/4 of the run."""
    target = run.folder / TABLE_FILE
    for k, (phase, content) in enumerate(versions, 1):
        await asyncio.sleep(max(0.0, run.args.seconds * k / 4 - run.now()))
        began = run.now()
        target.write_text(content, encoding="utf-8")
        run.edits.append((phase, began, run.now()))
        print(f"  t={began:5.1f} s  wrote {TABLE_FILE}: {phase}", flush=True)


async def sampler(meter: CpuMeter) -> None:
    while True:
        meter.tick()
        await asyncio.sleep(1)


def judge(run: Run, load: Load) -> None:
    """Phase of a page open and whether it showed the expected state (see the module docstring)."""
    if load.error or load.read_by is None:
        return
    lo, hi = load.start, load.read_by
    if not run.uses_table[load.path]:  # these pages must be normal whatever the phase
        load.phase = run.phase_at(hi)
        if load.state != "original":
            load.wrong = f"showed {load.state}"
        return
    touched = [k for k, (_, began, done) in enumerate(run.edits) if lo <= done + run.args.grace and hi >= began]
    if touched:
        load.grace = True
        load.phase = PHASES[touched[-1] + 1]
        allowed = {EXPECTED[PHASES[k]] for k in range(touched[0], touched[-1] + 2)}  # before the first edit touched .. after the last
    else:
        load.phase = run.phase_at(lo)
        allowed = {EXPECTED[load.phase]}
    if not run.shows_note[load.path]:  # pages that do not show the row: only "error box or not" can be told apart
        allowed = {"error" if a == "error" else "original" for a in allowed}
    if load.state not in allowed:
        load.wrong = f"showed {load.state}, expected {' or '.join(sorted(allowed))}" + (" (grace window)" if load.grace else "")


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q / 100 * len(ordered)) - 1))]


async def warm_up(browser, base: str, note: str) -> dict[str, dict]:
    """One session loads the first page, then opens every page once by its sidebar link (the first visit pays the
    imports and fills the data cache) and learns, per page, its title, how many charts it draws, whether it uses the
    table (its file is named in the data caption) and whether it shows the edited row's rate."""
    context = await browser.new_context(viewport=VIEWPORT)
    await context.add_init_script(INIT_SCRIPT)
    page = await context.new_page()
    ran = """() => { const t = window.__lt, a = document.querySelector('[data-testid=stApp]');
        return t && t.ranAt !== null && t.doneAt !== null && a && a.getAttribute('data-test-script-state') === 'notRunning'
          && document.querySelector('[data-testid=stMain] h1'); }"""
    learned = {}
    await page.goto(base + PAGE_PATHS[0], wait_until="commit", timeout=180_000)
    for path in [PAGE_PATHS[0], *PAGE_PATHS[1:], PAGE_PATHS[0]]:
        if learned and await page.evaluate(CLICK, base + ("/" if path == PAGE_PATHS[0] else path)) is None:
            raise RuntimeError(f"warm-up: no sidebar link to {path}")
        await page.wait_for_function(ran, polling=100, timeout=180_000)
        title = (await page.text_content("[data-testid=stMain] h1")).strip()
        await page.wait_for_function(SETTLED, arg=settled_args(title), polling=100, timeout=180_000)
        info = await page.evaluate(
            """(note) => ({
            charts: document.querySelectorAll('[data-testid=stPlotlyChart]').length,
            captions: [...document.querySelectorAll('[data-testid=stCaptionContainer]')].map(c => c.textContent).join(' | '),
            errors: document.querySelectorAll('[data-testid=stAlertContentError], [data-testid=stException]').length,
            note: document.body.textContent.includes(note)})""",
            note,
        )
        if info["errors"]:
            raise RuntimeError(f"warm-up: {path} shows an error on the unedited data")
        learned[path] = {"title": title, "charts": info["charts"], "uses": TABLE_FILE in info["captions"], "note": info["note"]}
    await context.close()
    return learned


# ---------------------------------------------------------------- the same load from websocket clients (--client ws)


def page_name(path: str) -> str:
    """The page name a browser sends: '' for the default page, which lives at '/' (its own url_path is not a page)."""
    return "" if path == PAGE_PATHS[0] else path.lstrip("/")


def shows_text(seen, text: str) -> bool:
    """Whether a chart of the run holds the text (Plotly's JSON may escape non-ASCII characters)."""
    return any(text in spec or text in json.dumps(json.loads(spec), ensure_ascii=False) for spec in seen.charts)


async def open_page_ws(run: Run, client, load: Load) -> None:
    """Open one page over the session's websocket, wait for the end of the script run, and judge what it sent."""
    try:
        seen = await client.open(page_name(load.path), max(1.0, run.args.page_timeout - (run.now() - load.start)))
    except Exception as exc:  # a timeout or a closed connection is one of the errors counted
        load.error = f"not finished within {run.args.page_timeout:.0f} s or connection lost ({first_line(exc, 100)})"
        return
    path = load.path
    # The page reads the data (load_tables) before it sends its data caption or error box: that message's arrival
    # bounds when the data was read much more tightly than the end of the run, under load.
    load.read_by = load.start + seen.data_at if seen.data_at is not None else run.now()
    load.first = seen.first_chart if run.charts[path] and seen.first_chart is not None else seen.finished
    if any(ERROR_TEXT in e for e in seen.error_boxes):
        load.state = "error"
    else:
        a, b = shows_text(seen, MARKER_A), shows_text(seen, MARKER_B)
        load.state = "A+B" if a and b else "A" if a else "B" if b else "original"
    problems = []
    if seen.exceptions:
        problems.append("exception box: " + seen.exceptions[0])
    if seen.page_not_found:
        problems.append("Streamlit said 'Page not found'")
    if seen.title != run.titles[path]:
        problems.append(f"title {seen.title!r}, expected {run.titles[path]!r}")
    if not seen.error_boxes and not any(c.startswith("Data:") for c in seen.captions):
        problems.append("no data caption and no error box: load_tables did not run")
    if load.state == "error" and not run.uses_table[path]:
        problems.append("error box on a page that does not use the edited table: " + "; ".join(seen.error_boxes)[:200])
    other = [e for e in seen.error_boxes if ERROR_TEXT not in e]
    if other:
        problems.append("unexpected error box: " + "; ".join(other)[:200])
    if load.state != "error" and len(seen.charts) != run.charts[path]:
        problems.append(f"{len(seen.charts)} chart(s) sent, {run.charts[path]} expected")
    if load.state == "error" and seen.charts:
        problems.append(f"error box but {len(seen.charts)} chart(s) sent")
    if problems:
        load.error = "; ".join(problems)


async def warm_up_ws(base: str, mark: str) -> dict[str, dict]:
    """One websocket session opens every page once (the first visit pays the imports and fills the data cache) and
    learns each page's title, charts, whether it uses the table and whether it shows the edited row's rate."""
    from ws_client import Session

    client = Session(base)
    await client.connect()
    learned = {}
    try:
        for path in [*PAGE_PATHS, PAGE_PATHS[0]]:
            seen = await client.open(page_name(path), 180)
            if seen.error_boxes or seen.exceptions or seen.page_not_found:
                raise RuntimeError(f"warm-up: {path} shows an error on the unedited data: {seen.error_boxes or seen.exceptions}")
            learned[path] = {
                "title": seen.title,
                "charts": len(seen.charts),
                "note": shows_text(seen, mark),
                "uses": any(c.startswith("Data:") and TABLE_FILE in c for c in seen.captions),
            }
    finally:
        await client.close()
    return learned


async def main_async_ws(args: argparse.Namespace, folder: Path, server: Server | Running, meter: CpuMeter) -> Run:
    from ws_client import Session

    versions = [] if args.url else edit_versions((folder / TABLE_FILE).read_text(encoding="utf-8"))
    began = time.monotonic()
    learned = await warm_up_ws(server.base, row_mark(folder))
    run = learned_run(args, server.base, folder, learned, time.monotonic() - began)
    clients = [Session(server.base) for _ in range(args.sessions)]

    def opener(client):
        async def open_one(load: Load) -> None:
            await open_page_ws(run, client, load)

        return open_one

    def connecting_opener(client):
        async def open_one(load: Load) -> None:
            try:
                await client.connect()
            except Exception as exc:
                load.error = f"websocket not opened: {first_line(exc)}"
                return
            await open_page_ws(run, client, load)

        return open_one

    try:
        took = await first_opens(run, "ws", [connecting_opener(c) for c in clients])
        print(f"sessions opened: {args.sessions} websocket sessions, first page {args.open_at_once} at a time, in {took:.1f} s", flush=True)
        print(f"load: {args.sessions} websocket sessions for {args.seconds:.0f} s, each opening the pages in turn", flush=True)
        await measured_load(run, meter, versions, "ws", [opener(c) for c in clients])
    finally:
        for client in clients:
            with contextlib.suppress(Exception):
                await client.close()
    return run


async def main_async(args: argparse.Namespace, folder: Path, server: Server | Running, meter: CpuMeter) -> Run:
    from playwright.async_api import async_playwright

    versions = [] if args.url else edit_versions((folder / TABLE_FILE).read_text(encoding="utf-8"))
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            began = time.monotonic()
            learned = await warm_up(browser, server.base, row_mark(folder))
            run = learned_run(args, server.base, folder, learned, time.monotonic() - began)
            contexts, pages, jserrors = [], [], []
            for _ in range(args.sessions):
                context = await browser.new_context(viewport=VIEWPORT)
                await context.add_init_script(INIT_SCRIPT)
                context.on(
                    "request", lambda r: None if r.url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:")) else run.outside.add(r.url[:160])
                )
                contexts.append(context)
                pages.append(await context.new_page())
                jserrors.append(watch_js_errors(pages[-1]))

            def opener(i: int):
                async def open_one(load: Load) -> None:
                    await open_page(run, pages[i], load, jserrors[i])

                return open_one

            opens = [opener(i) for i in range(args.sessions)]
            try:
                took = await first_opens(run, "load", opens)  # each session's first page is a full load
                print(f"sessions opened: {args.sessions} full page loads, {args.open_at_once} at a time, in {took:.1f} s", flush=True)
                how = "full page loads (--reload)" if args.reload else "clicks on the sidebar links (in-app navigation)"
                print(f"load: {args.sessions} sessions for {args.seconds:.0f} s, opening pages by {how}", flush=True)
                await measured_load(run, meter, versions, "load" if args.reload else "click", opens)
            finally:
                for context in contexts:
                    with contextlib.suppress(Exception):
                        await context.close()
            return run
        finally:
            await browser.close()


def stats(values: list[float]) -> str:
    if not values:
        return "n/a"
    return f"p50 {percentile(values, 50):.2f} s, p95 {percentile(values, 95):.2f} s, max {max(values):.2f} s (n={len(values)})"


def report(run: Run, first: set[int], last: set[int], cpu: dict[str, float], data_unchanged: bool) -> int:
    args = run.args
    cores = os.cpu_count() or 1
    for load in run.loads:
        judge(run, load)
    loads = run.loads
    errors = [x for x in [*run.cold, *loads] if x.error]
    wrong = [x for x in loads if x.wrong]
    firsts = [x.first for x in loads if not x.error and x.first is not None and x.state != "error"]
    print()
    print(f"sessions x seconds: {args.sessions} x {args.seconds:.0f} s (last page open ended at {run.stop_at:.1f} s)")
    cold = [x.first for x in run.cold if not x.error and x.first is not None]
    ws = args.client == "ws"
    print(
        f"first page of each session ({'a new websocket session' if ws else 'full load'}, before the clock, {args.open_at_once} at a time): "
        f"time to first chart {stats(cold)}"
    )
    print(
        f"page opens: {len(loads)} ({'websocket script runs' if ws else 'full loads' if args.reload else 'in-app navigations'}), "
        f"{len(loads) - sum(1 for x in loads if x.error)} settled without error, {len(loads) / max(run.stop_at, 1e-9) * 60:.0f} per minute"
    )
    print(f"errors: {len(errors)}  (the error boxes expected in the invalid phase are not errors)")
    for x in errors[:15]:
        print(f"    session {x.session:2d} {x.path:<14} t={x.start:5.1f} s: {x.error}")
    print(f"time to first chart (to the end of the script run on chartless pages): {stats(firsts)}")
    loaded = [x.loaded for x in [*run.cold, *loads] if not x.error and x.loaded is not None]
    if loaded:
        print(f"    full loads: the document (Streamlit's JavaScript) loaded after {stats(loaded)}")
    for path in PAGE_PATHS:
        print(f"    {path:<14} {stats([x.first for x in loads if x.path == path and not x.error and x.first is not None and x.state != 'error'])}")
    phases = PHASES[: len(run.edits) + 1] if args.url else PHASES  # against --url no edit is made: one phase
    if args.url:
        print(f"edits: none (--url: the server reads its own data, which this script does not edit); {args.url}")
    else:
        print("edits:", ", ".join(f"{name} written at t={began:.1f} s" for name, began, _ in run.edits))
    print(
        f"edit pickup per phase (pages using {TABLE_FILE}, judged outside the {args.grace:g} s grace windows; "
        f"'note' = opens of a page that shows the edited row's rate):"
    )
    missing = []
    for phase in phases:
        table_opens = [x for x in loads if run.uses_table[x.path] and x.phase == phase and not x.error]
        judged = [x for x in table_opens if not x.grace]
        ok = [x for x in judged if not x.wrong]
        grace = [x for x in table_opens if x.grace]
        others = [x for x in loads if not run.uses_table[x.path] and x.phase == phase and not x.error]
        print(
            f"    {phase:<15} expected {EXPECTED[phase]:<9} {len(ok):3d}/{len(judged):<3d} as expected "
            f"(note {sum(1 for x in ok if run.shows_note[x.path])}/{sum(1 for x in judged if run.shows_note[x.path])})"
            f"  + {len(grace)} in grace ({sum(1 for x in grace if not x.wrong)} acceptable)"
            f" | other pages normal {sum(1 for x in others if not x.wrong)}/{len(others)}"
        )
        if not judged:
            missing.append(phase)
    print(
        "sessions that saw each state (each session's first open after an edit is a page using the table, started after "
        "the grace window; a session counts when such an open read the data in that phase):"
    )
    for phase in phases:
        seen_by = {x.session for x in loads if run.uses_table[x.path] and x.phase == phase and not x.error and not x.grace}
        right = {x.session for x in loads if run.uses_table[x.path] and x.phase == phase and not x.error and not x.grace and not x.wrong}
        print(
            f"    {phase:<15} {len(seen_by):2d} of {args.sessions} sessions opened such a page; {len(right)} saw {EXPECTED[phase]}"
            + ("" if right == seen_by else f"; WRONG in sessions {sorted(seen_by - right)}")
        )
    for x in wrong[:15]:
        print(f"    WRONG session {x.session:2d} {x.path:<14} t={x.start:5.1f}-{x.read_by:5.1f} s: {x.wrong}")
    restarted = not last or first != last
    if args.url:
        print(
            f"server processes: {sorted(first) or 'not found'} at the start, {sorted(last) or 'none'} at the end"
            + (": SOME DIED OR RESTARTED" if restarted else ", none restarted")
        )
    else:
        print(f"server: one process (pid {min(first)}), {'DIED OR RESTARTED' if restarted else 'still running, never restarted'}")
    print(f"data/ unchanged: {data_unchanged}")
    for url in sorted(run.outside):
        print(f"note: the page asked for a non-loopback address (blocked, not counted as an error): {url}")
    proxy = f", proxy {cpu['proxy']:.0f} s" if cpu["proxy"] else ""
    print(
        f"CPU during the measured {cpu['wall']:.0f} s on {cores} cores ({cpu['wall'] * cores:.0f} core-seconds): "
        f"machine busy {cpu['busy']:.0f} s ({cpu['busy'] / max(cpu['wall'] * cores, 1e-9):.0%}); "
        f"streamlit server{'s' if len(first) > 1 else ''} {cpu['server']:.0f} s{proxy}, "
        f"this run's {'websocket clients' if ws else 'Chromium + driver'} {cpu['client']:.0f} s, other processes {cpu['others']:.0f} s; "
        f"1-min load average mean {cpu['load_mean']:.1f}, max {cpu['load_max']:.1f}"
    )
    started = max(len(loads), 1)
    print(
        f"    per page open (over the {len(loads)} started): server {cpu['server'] / started:.2f} CPU-s ({len(first)} process(es)), "
        f"{'clients' if ws else 'browser'} {cpu['client'] / started:.2f} CPU-s"
    )
    if cpu["busy"] > 0.9 * cpu["wall"] * cores:
        print(
            f"    the machine was saturated: the times measure {cores} cores shared by the {'clients' if ws else 'browser'}, the server"
            f"{' and other processes' if cpu['others'] > 0.1 * cpu['wall'] * cores else ''} more than the dashboard alone"
        )
    if cpu["server"] > 0.8 * cpu["wall"] * len(first):
        each = " each" if len(first) > 1 else ""
        print(f"    the streamlit server{'s' if each else ''} used about one full core{each} (one Python process{each}): script runs were a bottleneck")
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                {
                    "sessions": args.sessions,
                    "seconds": args.seconds,
                    "url": args.url,
                    "server_processes": sorted(first),
                    "reload": args.reload,
                    "cpu": cpu,
                    "edits": run.edits,
                    "cold": [x.__dict__ for x in run.cold],
                    "loads": [x.__dict__ for x in loads],
                },
                indent=1,
            )
        )
    failed = bool(errors or wrong or missing or restarted or not data_unchanged)
    if missing:
        print(f"FAIL: no open of a page using {TABLE_FILE} could be judged outside the grace windows in phase(s) {missing}")
    print("RESULT:", "FAIL" if failed else "PASS")
    return 1 if failed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--grace", type=float, default=3, help="seconds after each edit in which either state is accepted")
    parser.add_argument("--page-timeout", type=float, default=60, help="a page not settled this long after navigation start is an error")
    parser.add_argument("--reload", action="store_true", help="open every page with a full page load instead of a sidebar click")
    parser.add_argument(
        "--open-at-once", type=int, default=os.cpu_count() or 2, help="how many sessions load their first page at the same time (default: one per core)"
    )
    parser.add_argument("--json", help="also write every page open to this file")
    parser.add_argument(
        "--client",
        choices=["ws", "browser"],
        default="ws",
        help="ws (default): each session is a Streamlit websocket client, so the load is the server's; "
        "browser: each session is a Chromium tab, which on 2 cores measures Chromium drawing charts",
    )
    parser.add_argument(
        "--url",
        help="load a server that is already running (e.g. make serve: http://127.0.0.1:8501) instead of starting one; "
        "no data edits are made then (the server reads its own data)",
    )
    parser.add_argument(
        "--supervisor",
        help="with --url: make serve's run folder (or its supervisord.conf), to count the CPU of every worker it runs and of HAProxy "
        "(default: .serve/ when it exists)",
    )
    parser.add_argument("--server-cmdline", help="with --url and no supervisord: count every process whose command line holds this text as the server")
    args = parser.parse_args()
    if args.url and not args.supervisor and not args.server_cmdline and (ROOT / ".serve" / "supervisor.sock").exists():
        args.supervisor = str(ROOT / ".serve")
    if args.client == "browser" and not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} not found: install it with `apt-get install -y chromium`", file=sys.stderr)
        return 1

    def on_signal(signum, _frame):
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGTERM, on_signal)
    before = checksums(DATA)
    temp = Path(tempfile.mkdtemp(prefix="hikikomori-load-"))
    server = None
    try:
        if args.url:
            target = Running(args.url, args.supervisor, args.server_cmdline)
            folder = Path(os.environ.get("HIKIKOMORI_DATA_DIR") or DATA)  # read only: to learn which page shows the row
            answer = urllib.request.build_opener(urllib.request.ProxyHandler({})).open(target.base + "/_stcore/health", timeout=10).read()
            first = target.roots()["server"]
            print(
                f"server: {target.base} (not started here; health {answer.decode()!r}); server processes {sorted(first) or 'NOT FOUND'}"
                + ("" if first else ": server CPU is not measured (pass --supervisor RUN_DIR or --server-cmdline TEXT)"),
                flush=True,
            )
        else:
            folder = temp / "data"
            shutil.copytree(DATA, folder)
            free_the_edited_rate(folder)
            target = server = Server(folder, temp)
            healthy = server.wait_healthy()
            first = target.roots()["server"]
            print(f"server: {server.base} (pid {server.proc.pid}) on a copy of data/ in {folder}; healthy after {healthy:.1f} s", flush=True)
        meter = CpuMeter(target.roots)
        run = asyncio.run((main_async_ws if args.client == "ws" else main_async)(args, folder, target, meter))
        cpu = meter.finish()
        return report(run, first, target.roots()["server"], cpu, checksums(DATA) == before)
    except KeyboardInterrupt as exc:
        print(f"interrupted {exc}", file=sys.stderr)
        return 130
    except Exception as exc:
        print(f"broken run: {exc!r}", file=sys.stderr)
        if server:
            print(server.tail(), file=sys.stderr)
        return 1
    finally:
        if server:
            server.stop()
        shutil.rmtree(temp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
