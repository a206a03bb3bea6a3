#!/usr/bin/env python3
"""Benchmark the dashboard against a bare Streamlit app (benchmarks/bare_app.py) in headless Chromium.

Run from the project root with the project's Python:

    .venv/bin/python benchmarks/run.py [--reps 5] [--mem-reps 1] [--page /claims] [--json results.json]

One run measures, for the dashboard (app.py) and the bare app, each repeated and reported as a median:

1. server start to healthy: `streamlit run` until GET /_stcore/health answers "ok";
2. cold: a fresh server and a fresh browser context open the heaviest page until it is drawn;
3. warm: a reload of that page on the same server until it is drawn, against the bare app drawing the same
   finished charts (BARE_PAGE: that page's figures at their default view, built once, with nothing around them);
4. widget: clicking "Logarithmic" (then "Linear") in the "Scale" segmented control until the chart has redrawn
   (the dashboard's Compare page; the bare app has the same control);
5. memory: RSS of the streamlit process after 10 browser sessions have each opened every page;
6. scale: the data grown 100x (copies of every row with suffixed ids; still valid) against the real data:
   loaders.tables.check_package time, and the warm time of the heaviest page with HIKIKOMORI_DATA_DIR.

"Drawn" means settled as tests/support/streamlit_server.py defines it for the browser tests too: the script run is
over, the page's h1 is shown, no lazily loaded element is still a placeholder, every Plotly chart holds its SVG
(and there are at least as many charts as the page has), all unchanged for QUIET_MS (400 ms); the time reported is
when that stable state began. The page is probed every 25 ms, with a timeout.

The heaviest page is found first: each page is opened once in a fresh session on a warmed-up server and the
slowest is used (or --page). Ratios 1-5 are dashboard / bare app, 6 is 100x data / real data; each is checked
against its goal and printed as PASS or MISS. Servers listen on 127.0.0.1 only, Chromium resolves no other
host, and every server and temporary folder is removed at the end (also on Ctrl-C or SIGTERM).
Servers are started by the same harness, with --server.fileWatcherType=none: with the default watcher, a project
file saved during the run makes Streamlit drop the project's modules from sys.modules while sessions import them.
This is a benchmark, not a test: it never fails on a MISS (exit 0), only on a broken run (exit 1).
"""

import argparse
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "asgi.py"  # what make run and make serve start
BARE = ROOT / "benchmarks" / "bare_app.py"
DATA = ROOT / "data"
WIDGET_PAGE = "/compare"
SESSIONS = 10
GROWTH = 100
POLL = 0.025  # seconds between DOM probes
PAGE_TIMEOUT = 120
SCALE_PAGE_TIMEOUT = 45
SCALE_START_TIMEOUT = 600
GOALS = {"cold": 1.2, "warm": 1.3, "widget": 1.5, "memory": 1.5, "scale_check": 2.0, "scale_page": 2.0}

sys.path.insert(0, str(ROOT))
from validation import grow_package, time_checks  # noqa: E402

from core.package import MAX_FILE_BYTES  # noqa: E402
from shaping.words import pages  # noqa: E402
from tests.support.streamlit_server import (  # noqa: E402  (the server and "settled" rule the browser tests use)
    CHROMIUM,
    HEALTH_TIMEOUT,
    LOOPBACK_ONLY,
    PAGE_STATE,
    RESET,
    VIEWPORT,
    ServerError,
    StreamlitServer,
)
from tests.support.streamlit_server import CHROMIUM_ARGS as BROWSER_TEST_ARGS  # noqa: E402

CHROMIUM_ARGS = [*BROWSER_TEST_ARGS, LOOPBACK_ONLY]

DASHBOARD_PAGES = ["/" if i == 0 else "/" + p.url for i, p in enumerate(pages())]


class BenchError(RuntimeError):
    """A measurement that could not be made (timeout, server died)."""


# ---------------------------------------------------------------- clean-up of everything this run starts

SERVERS: list["Server"] = []
TEMP_DIRS: list[Path] = []


def cleanup() -> None:
    for server in list(SERVERS):
        server.stop()
    for folder in TEMP_DIRS:
        shutil.rmtree(folder, ignore_errors=True)
    TEMP_DIRS.clear()


def _on_signal(signum, _frame) -> None:
    raise SystemExit(128 + signum)


# ---------------------------------------------------------------- servers


class Server(StreamlitServer):
    """One `streamlit run` on a free loopback port (the shared harness), stopped by cleanup() whatever happens."""

    def __init__(self, app: Path, log_dir: Path, env: dict[str, str] | None = None):
        super().__init__(app, env=env, log_dir=log_dir)

    def start(self, timeout: float = HEALTH_TIMEOUT) -> float:
        SERVERS.append(self)
        try:
            return super().start(timeout)
        except ServerError as err:
            raise BenchError(str(err)) from err

    def log_tail(self) -> str:
        return self.tail(800)

    def stop(self) -> None:
        super().stop()
        if self in SERVERS:
            SERVERS.remove(self)


# ---------------------------------------------------------------- CPU seconds, from /proc

TICK = os.sysconf("SC_CLK_TCK")


def _stat(pid: int) -> list[str] | None:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None


def browser_pids() -> list[int]:
    """Chromium processes started by this run (descendants of this process)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (fields := _stat(int(entry.name))):
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, stack = [], [os.getpid()]
    while stack:
        for child in children.get(stack.pop(), []):
            stack.append(child)
            with suppress(OSError):
                if b"chromium" in Path(f"/proc/{child}/cmdline").read_bytes():
                    found.append(child)
    return found


def cpu_snapshot(server: "Server") -> dict[str, dict[int, float]]:
    """utime + stime of the server and of every Chromium process, in seconds."""

    def cpu(pids):
        return {pid: (int(f[11]) + int(f[12])) / TICK for pid in pids if (f := _stat(pid))}

    return {"server": cpu([server.proc.pid]), "browser": cpu(browser_pids())}


def cpu_used(before: dict[str, dict[int, float]], server: "Server") -> dict[str, float]:
    """CPU seconds the server and Chromium spent since `before` (processes that ended meanwhile are not counted)."""
    after = cpu_snapshot(server)
    return {side: sum(value - before[side].get(pid, 0.0) for pid, value in after[side].items()) for side in after}


def add_cpu(results: "Results", key: str, side: str, used: dict[str, float]) -> None:
    results.add(f"{key}_cpu_server", side, used["server"])
    results.add(f"{key}_cpu_browser", side, used["browser"])


# ---------------------------------------------------------------- the browser side

OUTSIDE: list[str] = []  # requests to anything but loopback (Chromium cannot resolve them; listed in the report)


def new_context(browser):
    """A fresh browser context (its own cookies, cache and so Streamlit session) that notes non-loopback requests."""
    context = browser.new_context(viewport=VIEWPORT)
    context.on(
        "request",
        lambda r: (
            None
            if r.url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:"))
            else OUTSIDE.append(r.url)
        ),
    )
    return context


def probe(page, state: str = PAGE_STATE, **options) -> dict | None:
    """The page's state (tests/support/streamlit_server.PAGE_STATE, or another page's script of the same shape), or
    None while a navigation replaces the document."""
    try:
        return page.evaluate(state, options)
    except Exception:  # navigation in progress: the execution context is being replaced
        return None


def wait_drawn(
    page,
    began: float,
    timeout: float = PAGE_TIMEOUT,
    min_charts: int = 0,
    title: str | None = None,
    changed_from: str | None = None,
    not_title: str | None = None,
    script_only: bool = False,
    state: str = PAGE_STATE,
) -> float:
    """Seconds from `began` until the page was drawn (settled, see the module docstring), taken as the moment the
    stable state began.

    script_only: only wait for the script run to be over with the right title (the server's side of a visit)."""
    options = {
        "minCharts": min_charts,
        "title": title,
        "changedFrom": changed_from,
        "notTitle": not_title,
        "scriptOnly": script_only,
    }
    with suppress(Exception):  # a navigation in progress brings a fresh window anyway
        page.evaluate(RESET)
    seen = None
    while time.perf_counter() - began < timeout:
        seen = probe(page, state, **options)
        now = time.perf_counter()
        if seen and seen["state"] == "notRunning" and seen["exception"]:
            raise BenchError(f"{page.url} shows an exception: {seen['exception']}")
        if seen and seen["settled"]:
            if seen["errors"]:
                print(f"    warning: {seen['errors']} error box(es) on {page.url}", flush=True)
            return now - seen["quietFor"] / 1000 - began
        time.sleep(POLL)
    raise BenchError(
        f"{page.url} was not drawn within {timeout:.0f} s "
        f"(last probe: {seen and {k: v for k, v in seen.items() if k != 'axes'}})"
    )


def open_drawn(context, url: str, **kw) -> tuple[object, float]:
    page = context.new_page()
    began = time.perf_counter()
    page.goto(url, wait_until="commit", timeout=kw.get("timeout", PAGE_TIMEOUT) * 1000)
    return page, wait_drawn(page, began, **kw)


def count_charts(browser, log_dir: Path, path: str) -> int:
    """How many charts the dashboard's page draws (when --page skips the phase that finds out)."""
    server = Server(APP, log_dir)
    server.start()
    try:
        context = new_context(browser)
        page, _ = open_drawn(context, server.base + path)
        charts = probe(page)["charts"]
        context.close()
        return charts
    finally:
        server.stop()


def reload_drawn(page, **kw) -> float:
    began = time.perf_counter()
    page.reload(wait_until="commit", timeout=kw.get("timeout", PAGE_TIMEOUT) * 1000)
    return wait_drawn(page, began, **kw)


def click_redrawn(page, option: str, **kw) -> float:
    """Click an option of the "Scale" segmented control; seconds until the chart axes changed and settled."""
    before = probe(page)["axes"]
    button = page.get_by_role("radiogroup", name="Scale").get_by_role("radio", name=option)
    button.wait_for(timeout=10_000)
    began = time.perf_counter()
    button.click(timeout=10_000)
    return wait_drawn(page, began, changed_from=before, **kw)


# ---------------------------------------------------------------- results


@dataclass
class Measure:
    samples: list[float] = field(default_factory=list)
    note: str = ""

    @property
    def median(self) -> float | None:
        return statistics.median(self.samples) if self.samples else None


@dataclass
class Results:
    measures: dict[str, dict[str, Measure]] = field(default_factory=dict)
    info: dict[str, object] = field(default_factory=dict)

    def add(self, key: str, side: str, value: float) -> None:
        self.measures.setdefault(key, {}).setdefault(side, Measure()).samples.append(value)

    def get(self, key: str, side: str) -> Measure:
        return self.measures.setdefault(key, {}).setdefault(side, Measure())


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "n/a"
    return f"{value:.0f} {unit}" if unit == "MB" else f"{value:.2f} {unit}"


# ---------------------------------------------------------------- phases


def page_reps(
    browser,
    log_dir: Path,
    results: Results,
    side: str,
    app: Path,
    heavy: str,
    charts: int,
    env: dict | None = None,
    widget: bool = True,
) -> None:
    """One repetition of measures 1-4 on a fresh server (1-3 only without the widget)."""
    server = Server(app, log_dir, env=env)
    results.add("start", side, server.start())
    try:
        context = new_context(browser)
        before = cpu_snapshot(server)
        page, cold = open_drawn(context, server.base + heavy, min_charts=charts)
        results.add("cold", side, cold)
        add_cpu(results, "cold", side, cpu_used(before, server))
        before = cpu_snapshot(server)
        results.add("warm", side, reload_drawn(page, min_charts=charts))
        add_cpu(results, "warm", side, cpu_used(before, server))
        page.close()
        if not widget:
            context.close()
            return
        widget_page = WIDGET_PAGE if side == "dashboard" else "/"
        page, _ = open_drawn(context, server.base + widget_page, min_charts=1)
        for option in ("Logarithmic", "Linear"):
            before = cpu_snapshot(server)
            results.add("widget", side, click_redrawn(page, option, min_charts=1))
            add_cpu(results, "widget", side, cpu_used(before, server))
        context.close()
    finally:
        server.stop()


def first_session(first, base: str, paths: list[str], pages: dict[str, dict] | None, visit) -> dict[str, dict]:
    """Measure 5's first session: every page opened once to warm up, then again, each timed until drawn."""
    began = time.perf_counter()
    first.goto(base + paths[0], wait_until="commit", timeout=PAGE_TIMEOUT * 1000)
    wait_drawn(first, began, min_charts=(pages or {}).get(paths[0], {}).get("charts", 0))
    if len(paths) == 1:
        seen = probe(first)
        return {paths[0]: {"seconds": None, "title": seen["title"], "charts": seen["charts"]}}
    for path in paths[1:]:
        visit(first, path)
    found = {}
    for path in paths:
        took = visit(first, path)
        seen = probe(first)
        found[path] = {"seconds": took, "title": seen["title"], "charts": seen["charts"]}
    return found


def memory_rep(
    browser,
    log_dir: Path,
    results: Results,
    side: str,
    app: Path,
    paths: list[str],
    pages: dict[str, dict] | None = None,
) -> dict[str, dict]:
    """Measure 5: RSS of the server after SESSIONS browser sessions have each opened every page.

    A session is a tab (one Streamlit session each: pages are opened with the sidebar links, which keeps the
    websocket); the tabs share one fresh browser context, so its cache holds Streamlit's scripts once.
    The first session goes alone: it opens every page once (warm-up: imports, caches, the lazy scripts), then
    again, timing each until drawn; that finds the heaviest page and each page's title. The other sessions
    move together: all open the first page, then all click the next link, and so on; each wave waits until
    every tab's script run is over with the page's title (the server's part of a visit; not the drawing of
    nine tabs of charts, which costs the 2 CPUs several times what the server spends).
    Returns {path: {"seconds", "title", "charts"}} from the first session's timed pass."""
    server = Server(app, log_dir)
    server.start()
    try:
        idle = server.memory_kb()["VmRSS"]
        context = new_context(browser)
        tabs = [context.new_page() for _ in range(SESSIONS)]

        def link(tab, path: str):
            return tab.locator(f'[data-testid=stSidebarNav] a[href="{server.base}{path}"]')

        def visit(tab, path: str) -> float:
            before = probe(tab)["title"]
            began = time.perf_counter()
            link(tab, path).click(timeout=30_000)
            return wait_drawn(tab, began, not_title=before, min_charts=(pages or {}).get(path, {}).get("charts", 0))

        found = first_session(tabs[0], server.base, paths, pages, visit)
        expected = pages or found

        rest = tabs[1:]
        for tab in rest:
            tab.goto(server.base + paths[0], wait_until="commit", timeout=PAGE_TIMEOUT * 1000)
        began = time.perf_counter()
        for tab in rest:
            wait_drawn(tab, began, title=expected[paths[0]]["title"], script_only=True, timeout=PAGE_TIMEOUT * 3)
        for path in paths[1:]:
            for tab in rest:
                link(tab, path).click(timeout=30_000)
            began = time.perf_counter()
            for tab in rest:
                wait_drawn(tab, began, title=expected[path]["title"], script_only=True, timeout=PAGE_TIMEOUT * 3)
        memory = server.memory_kb()
        results.add("memory", side, memory["VmRSS"] / 1024)
        results.add("memory_peak", side, memory["VmHWM"] / 1024)
        results.add("memory_idle", side, idle / 1024)
        context.close()
        return found
    finally:
        server.stop()


def scale_phase(browser, log_dir: Path, results: Results, heavy: str, charts: int, reps: int) -> None:
    """Measure 6: check_package and the heaviest page's warm time on 100x data vs the real data."""
    folder = Path(tempfile.mkdtemp(prefix="hikikomori-bench-"))
    TEMP_DIRS.append(folder)
    grown = folder / "data"
    sizes = grow_package(DATA, grown, GROWTH)
    over = {name: size for name, size in sizes.items() if size > MAX_FILE_BYTES}
    results.info["grown_sizes"] = sizes
    results.info["over_max_file_bytes"] = over
    biggest = max(sizes, key=sizes.get)
    print(
        f"    grown {GROWTH}x: largest file {biggest} {sizes[biggest] / 1e6:.2f} MB "
        f"(MAX_FILE_BYTES {MAX_FILE_BYTES / 1e6:.2f} MB): "
        + (f"OVER the limit: {sorted(over)}" if over else "all under the limit"),
        flush=True,
    )
    checked = time_checks({"real": DATA, "grown": grown}, reps)
    timed = {str(DATA): checked["real"], str(grown): checked["grown"]}
    results.get("scale_check", "real").samples += timed[str(DATA)]["times"]
    results.get("scale_check", "grown").samples += timed[str(grown)]["times"]
    results.info["scale_rows"] = {"real": timed[str(DATA)]["rows"], "grown": timed[str(grown)]["rows"]}
    problems = timed[str(grown)]["problems"]
    results.info["grown_problems"] = problems
    print(
        f"    check_package({grown}) (what python -m loaders.validate runs): "
        f"{timed[str(grown)]['rows']} rows, {problems} problem(s)",
        flush=True,
    )
    if problems:
        raise BenchError(
            f"the grown data does not validate: {problems} problem(s); see python -m loaders.validate {grown}"
        )
    print(
        f"    check_package: real {results.get('scale_check', 'real').median:.2f} s, "
        f"{GROWTH}x {results.get('scale_check', 'grown').median:.2f} s",
        flush=True,
    )

    # Real side: the warm reloads of measure 3 (same page, server and browser warm). Grown side: open "/" first
    # (imports, the 100x check_package into the cache, the browser's script cache), then the heavy page in the
    # same tab, then reload it. If the heavy page is not drawn within SCALE_PAGE_TIMEOUT, that warm visit took at
    # least that long: it is recorded as a lower bound and the reloads are skipped.
    results.get("scale_page", "real").samples += results.get("warm", "dashboard").samples
    server = Server(APP, log_dir, env={"HIKIKOMORI_DATA_DIR": str(grown)})
    # asgi.py validates the grown package and builds every default view before its health check answers: minutes here
    started = server.start(timeout=SCALE_START_TIMEOUT)
    results.info["scale_start"] = started
    print(f"    server start to healthy on {GROWTH}x data (validation and warm-up): {started:.1f} s", flush=True)
    try:
        context = new_context(browser)
        page, first = open_drawn(context, server.base + "/", timeout=PAGE_TIMEOUT)
        results.info["scale_overview_first_visit"] = first
        print(f"    / on {GROWTH}x data, first visit (fills the data cache): {first:.2f} s", flush=True)
        began = time.perf_counter()
        page.goto(server.base + heavy, wait_until="commit", timeout=PAGE_TIMEOUT * 1000)
        try:
            took = wait_drawn(page, began, min_charts=1, timeout=SCALE_PAGE_TIMEOUT)
        except BenchError:
            results.get("scale_page", "grown").note = (
                f"{heavy} on {GROWTH}x data was not drawn within {SCALE_PAGE_TIMEOUT} s (warm server, data cached): "
                "the median is a lower bound"
            )
            results.get("scale_page", "grown").samples.append(float(SCALE_PAGE_TIMEOUT))
            results.info["scale_page_lower_bound"] = True
            print(
                f"    {heavy} on {GROWTH}x data: not drawn within {SCALE_PAGE_TIMEOUT} s (recorded as a lower bound)",
                flush=True,
            )
            return
        seen = probe(page)
        results.info["scale_page_first_visit"] = took
        results.info["scale_page_charts"] = seen["charts"]
        print(f"    {heavy} on {GROWTH}x data, first visit: {took:.2f} s, {seen['charts']} chart(s)", flush=True)
        for _ in range(reps):
            try:
                before = cpu_snapshot(server)
                results.add("scale_page", "grown", reload_drawn(page, min_charts=1, timeout=SCALE_PAGE_TIMEOUT))
                add_cpu(results, "scale_page", "grown", cpu_used(before, server))
            except BenchError:
                results.add("scale_page", "grown", float(SCALE_PAGE_TIMEOUT))
                results.info["scale_page_lower_bound"] = True
                results.get("scale_page", "grown").note = (
                    f"a reload was not drawn within {SCALE_PAGE_TIMEOUT} s; it counts as {SCALE_PAGE_TIMEOUT} s, "
                    "so the median is a lower bound"
                )
                print(
                    f"    a reload took over {SCALE_PAGE_TIMEOUT} s: stopping the reloads "
                    "(the median is a lower bound)",
                    flush=True,
                )
                break
        context.close()
    finally:
        server.stop()


# ---------------------------------------------------------------- report

ROWS = [
    ("start", "1. server start to healthy", "s", "dashboard", "bare", None),
    ("cold", "2. cold first visit, {heavy}", "s", "dashboard", "bare", "cold"),
    ("warm", "3. warm reload, {heavy}", "s", "dashboard", "bare_same", "warm"),
    ("cold", "   2 against its {charts} charts alone", "s", "dashboard", "bare_same", None),
    ("warm", "   3 against the one-chart bare page", "s", "dashboard", "bare", None),
    ("widget", "4. widget redraw (Scale)", "s", "dashboard", "bare", "widget"),
    ("memory", f"5. RSS after {SESSIONS} sessions x all pages", "MB", "dashboard", "bare", "memory"),
    ("memory_peak", "   peak RSS (VmHWM), same run", "MB", "dashboard", "bare", None),
    ("memory_idle", "   RSS when healthy, before any visit", "MB", "dashboard", "bare", None),
    ("scale_check", f"6a. check_package, {GROWTH}x vs real data", "s", "grown", "real", "scale_check"),
    ("scale_page", f"6b. warm {{heavy}}, {GROWTH}x vs real data", "s", "grown", "real", "scale_page"),
]


def report(results: Results, heavy: str) -> list[dict]:
    lines, charts = [], results.info.get("charts", "N")
    print()
    print(f"{'measure':<44} {'measured':>11} {'baseline':>11} {'ratio':>8} {'goal':>7}  result   (samples)")
    for key, label, unit, side, base, goal in ROWS:
        if key not in results.measures:
            continue
        a, b = results.get(key, side), results.get(key, base)
        ratio = a.median / b.median if a.median is not None and b.median else None
        limit = GOALS.get(goal) if goal else None
        if limit is None:
            verdict = "info"
        elif ratio is None:
            verdict = "n/a"
        else:
            verdict = "PASS" if ratio <= limit else "MISS"
        bound = ">=" if key == "scale_page" and results.info.get("scale_page_lower_bound") else ""
        shown_ratio = f"{bound}{ratio:.2f}x" if ratio is not None else "n/a"
        samples = (
            " ".join(f"{s:.2f}" if unit == "s" else f"{s:.0f}" for s in a.samples)
            + " / "
            + " ".join(f"{s:.2f}" if unit == "s" else f"{s:.0f}" for s in b.samples)
        )
        print(
            f"{label.format(heavy=heavy, charts=charts):<44} {bound + fmt(a.median, unit):>11} "
            f"{fmt(b.median, unit):>11} {shown_ratio:>8} "
            f"{(f'<={limit}x' if limit else '-'):>7}  {verdict:<7}  ({samples})"
        )
        if a.note:
            print(f"{'':<44} note: {a.note}")
        lines.append(
            {
                "key": key,
                "label": label.format(heavy=heavy, charts=charts),
                "unit": unit,
                "measured": a.median,
                "baseline": b.median,
                "measured_samples": a.samples,
                "baseline_samples": b.samples,
                "ratio": ratio,
                "goal": limit,
                "result": verdict,
                "lower_bound": bool(bound),
                "note": a.note,
            }
        )
    print("\nmeasured/baseline: dashboard/bare app for 1-5; 100x data/real data for 6.")
    cpu_rows = [(key, side) for key in ("cold", "warm", "widget") for side in ("dashboard", "bare", "bare_same")] + [
        ("scale_page", "grown")
    ]
    if any(results.measures.get(f"{key}_cpu_server", {}).get(side) for key, side in cpu_rows):
        print("\nCPU seconds per visit, medians (utime+stime from /proc; less sensitive to other load than wall time):")
        print(f"{'':<34} {'server':>8} {'Chromium':>9} {'wall':>8}")
        for key, side in cpu_rows:
            server, chromium = results.get(f"{key}_cpu_server", side), results.get(f"{key}_cpu_browser", side)
            if server.median is None:
                continue
            label = {"scale_page": f"warm, {GROWTH}x data"}.get(key, key)
            print(
                f"{label + ', ' + side:<34} {server.median:8.2f} {chromium.median:9.2f} "
                f"{results.get(key, side).median:8.2f}"
            )
            lines.append(
                {
                    "key": f"{key}_cpu",
                    "side": side,
                    "server_cpu": server.median,
                    "browser_cpu": chromium.median,
                    "server_cpu_samples": server.samples,
                    "browser_cpu_samples": chromium.samples,
                }
            )
    return lines


def machine() -> dict[str, str]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = next(
        line.split(":", 1)[1].strip()
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    from importlib.metadata import version

    packages = {
        name: version(name)
        for name in ("streamlit", "plotly", "pandas", "numpy", "pyarrow", "frictionless", "playwright")
    }
    chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
    return {
        "nproc": str(os.cpu_count()),
        "cpu": cpu,
        "memory": memory,
        "python": platform.python_version(),
        "chromium": chromium,
        **packages,
    }


# ---------------------------------------------------------------- quick measures: validation, load, fault

LOAD_SESSIONS = 20
FAULT_GOALS = {"readers of w1: working page (s after kill)": 10.0, "readers of w2: next page settled": 30.0}


def validation_measure(args: argparse.Namespace) -> dict:
    """check_package on the bundled data and a copy grown --factor times (benchmarks/validation.py)."""
    grown = Path(tempfile.mkdtemp(prefix="hikikomori-grown-")) / "data"
    TEMP_DIRS.append(grown.parent)
    grow_package(DATA, grown, args.factor)
    timed = time_checks({"bundled": DATA, f"{args.factor}x": grown}, args.reps)
    for label, r in timed.items():
        line = f"  {label:>8}: {r['seconds']:.3f} s ({r['cpu_seconds']:.3f} s CPU), {r['rows']:,} rows"
        print(f"{line}, {r['ms_per_1000_rows']:.0f} ms per 1,000 rows")
    ratio = timed[f"{args.factor}x"]["ms_per_1000_rows"] / timed["bundled"]["ms_per_1000_rows"]
    print(f"  cost per row, {args.factor}x / bundled: {ratio:.2f} (goal <= 1): {'PASS' if ratio <= 1 else 'MISS'}")
    return timed


async def _reader(base: str, number: int, until: float, runs: list[float], errors: list[str]) -> None:
    """One reader without a browser (ws_client.Session) opening every page in turn until the clock says stop."""
    from ws_client import Session

    session = Session(base)
    await session.connect()
    try:
        i = number
        while time.perf_counter() < until:
            path = DASHBOARD_PAGES[i % len(DASHBOARD_PAGES)].strip("/")
            seen = await session.open(path, timeout=PAGE_TIMEOUT)
            if seen.exceptions or seen.error_boxes or seen.page_not_found:
                errors.append(f"/{path}: {(seen.exceptions + seen.error_boxes)[:1] or 'page not found'}")
            runs.append(seen.finished)
            i += 1
    finally:
        await session.close()


def load_measure(args: argparse.Namespace) -> dict:
    """LOAD_SESSIONS readers at once against one warm server for --seconds: script runs finished, their p50 and p95
    seconds, and every error box or exception a reader was shown."""
    import asyncio

    log_dir = Path(tempfile.mkdtemp(prefix="hikikomori-bench-logs-"))
    TEMP_DIRS.append(log_dir)
    server = Server(APP, log_dir)
    print(
        f"  server healthy after {server.start():.1f} s; {LOAD_SESSIONS} readers for {args.seconds:.0f} s", flush=True
    )
    runs: list[float] = []
    errors: list[str] = []

    async def readers() -> None:
        until = time.perf_counter() + args.seconds
        await asyncio.gather(*(_reader(server.base, n, until, runs, errors) for n in range(LOAD_SESSIONS)))

    asyncio.run(readers())
    server.stop()
    cut = statistics.quantiles(runs, n=20) if len(runs) > 1 else runs * 19
    result = {"runs": len(runs), "p50": statistics.median(runs), "p95": cut[18], "errors": errors}
    print(f"  {len(runs)} script runs, p50 {result['p50']:.2f} s, p95 {result['p95']:.2f} s, {len(errors)} error(s)")
    return result


def fault_measure(args: argparse.Namespace) -> dict:
    """tests/e2e/test_serve.py's fault test (a worker killed under ten readers), which judges the outcome; here its
    times are judged against FAULT_GOALS (the largest time of any reader)."""
    out = Path(tempfile.mkdtemp(prefix="hikikomori-fault-")) / "times.json"
    TEMP_DIRS.append(out.parent)
    test = "tests/e2e/test_serve.py::test_a_killed_worker_loses_no_reader_and_comes_back"
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", test],
        cwd=ROOT,
        env={**os.environ, "FAULT_TIMES": str(out)},
        capture_output=True,
        text=True,
        timeout=900,
    )
    if not out.exists():
        raise BenchError(f"the fault test wrote no times: {done.stdout[-2000:]}")
    times = json.loads(out.read_text())
    for name, goal in FAULT_GOALS.items():
        worst = max(times.get(name) or [float("nan")])
        print(f"  {name}: worst {worst:.1f} s (goal <= {goal:.0f} s): {'PASS' if worst <= goal else 'MISS'}")
    return times


def quick_measure(args: argparse.Namespace) -> int:
    """One quick measure (no browser run), its result written to --json when given."""
    print(f"measure {args.measure}; load average before: {os.getloadavg()[0]:.2f}", flush=True)
    try:
        result = QUICK[args.measure](args)
    finally:
        cleanup()
    if args.json:
        args.json.write_text(json.dumps({"measure": args.measure, "result": result, "machine": machine()}, indent=2))
    return 0


def memory_phase(browser, log_dir: Path, results: Results, args: argparse.Namespace) -> tuple[str, int]:
    """Measure 5, which also finds the heaviest page: that page and its chart count."""
    phase = time.perf_counter()
    print(
        f"measure 5 and the heaviest page: {args.mem_reps} repetition(s) of {SESSIONS} sessions x every page",
        flush=True,
    )
    pages: dict[str, dict] = {}
    for i in range(0 if "memory" in args.skip else args.mem_reps):
        found = memory_rep(browser, log_dir, results, "dashboard", APP, DASHBOARD_PAGES, pages or None)
        if not pages:
            pages = found
            results.info["pages"] = pages
            for path, seen in pages.items():
                print(
                    f"    {path:<14} {seen['seconds']:6.2f} s  {seen['charts']} chart(s)  (first session, warm server)",
                    flush=True,
                )
        memory_rep(browser, log_dir, results, "bare", BARE, ["/"])
        print(
            f"  rep {i + 1}: RSS {results.get('memory', 'dashboard').samples[-1]:.0f}/"
            f"{results.get('memory', 'bare').samples[-1]:.0f} MB",
            flush=True,
        )
    heavy = args.page or max(pages, key=lambda path: pages[path]["seconds"])
    charts = pages[heavy]["charts"] if heavy in pages else count_charts(browser, log_dir, heavy)
    results.info["charts"] = charts
    print(
        f"  heaviest page: {heavy}{' (given)' if args.page else ''}; phase took {time.perf_counter() - phase:.0f} s",
        flush=True,
    )
    return heavy, charts


def pages_phase(browser, log_dir: Path, results: Results, heavy: str, charts: int, reps: int) -> None:
    """Measures 1-4, alternating the dashboard and the bare app."""
    phase = time.perf_counter()
    print(f"measures 1-4, {reps} repetitions, alternating dashboard and bare app:", flush=True)
    for i in range(reps):
        page_reps(browser, log_dir, results, "dashboard", APP, heavy, charts)
        page_reps(browser, log_dir, results, "bare", BARE, "/", 1)
        # the bare page drawing the same finished charts: measure 3's baseline (how much is the charts themselves)
        page_reps(
            browser,
            log_dir,
            results,
            "bare_same",
            BARE,
            "/",
            charts,
            env={"BARE_PAGE": heavy.strip("/") or pages()[0].url},
            widget=False,
        )
        print(
            f"  rep {i + 1}: "
            + ", ".join(
                f"{k} {results.get(k, 'dashboard').samples[-1]:.2f}/{results.get(k, 'bare').samples[-1]:.2f} s"
                for k in ("start", "cold", "warm", "widget")
            ),
            flush=True,
        )
    print(f"  phase took {time.perf_counter() - phase:.0f} s", flush=True)


QUICK = {"validation": validation_measure, "load": load_measure, "fault": fault_measure}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reps", type=int, default=5, help="repetitions of measures 1-4 and 6 (default 5)")
    parser.add_argument(
        "--mem-reps", type=int, default=1, help="repetitions of measure 5, the slow one (default 1, at least 1)"
    )
    parser.add_argument("--page", help="the heaviest page to use, e.g. /claims (default: found by opening every page)")
    parser.add_argument(
        "--skip",
        action="append",
        default=[],
        choices=["scale", "memory"],
        help="leave out measure 6 (scale) or 5 (memory; then give --page)",
    )
    parser.add_argument("--json", type=Path, help="also write every sample and the machine description here")
    parser.add_argument("--measure", choices=sorted(QUICK), help="only this quick measure (no browser run)")
    parser.add_argument("--factor", type=int, default=10, help="validation: how many times to grow the data (10)")
    parser.add_argument("--seconds", type=float, default=60, help="load: how long the readers read (60)")
    args = parser.parse_args()
    if args.measure:
        return quick_measure(args)
    if "memory" in args.skip and not args.page:
        parser.error("--skip memory needs --page: measure 5's first session is what finds the heaviest page")
    args.mem_reps = max(1, args.mem_reps)
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} not found: install Debian's chromium package", file=sys.stderr)
        return 1
    signal.signal(signal.SIGTERM, _on_signal)
    signal.signal(signal.SIGINT, _on_signal)
    from playwright.sync_api import sync_playwright

    results = Results()
    results.info["machine"] = machine()
    results.info["load_before"] = os.getloadavg()
    print("machine: " + ", ".join(f"{k} {v}" for k, v in results.info["machine"].items()), flush=True)
    print(f"load average before: {results.info['load_before'][0]:.2f}", flush=True)
    started = time.perf_counter()
    log_dir = Path(tempfile.mkdtemp(prefix="hikikomori-bench-logs-"))
    TEMP_DIRS.append(log_dir)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, timeout=60_000)
            try:
                heavy, charts = memory_phase(browser, log_dir, results, args)
                pages_phase(browser, log_dir, results, heavy, charts, args.reps)
                if "scale" not in args.skip:
                    phase = time.perf_counter()
                    print(f"measure 6, {GROWTH}x data:", flush=True)
                    scale_phase(browser, log_dir, results, heavy, charts, args.reps)
                    print(f"  phase took {time.perf_counter() - phase:.0f} s", flush=True)
            finally:
                browser.close()
    except BenchError as err:
        print(f"\nbenchmark broken: {err}", file=sys.stderr)
        report(results, "the heaviest page")
        return 1
    finally:
        cleanup()
    results.info["outside_requests"] = sorted(set(OUTSIDE))
    results.info["seconds"] = time.perf_counter() - started
    results.info["load_after"] = os.getloadavg()
    table = report(results, heavy)
    print(f"requests to hosts other than 127.0.0.1 (blocked): {results.info['outside_requests'] or 'none'}")
    print(
        f"\nrun took {results.info['seconds']:.0f} s; load average after: {results.info['load_after'][0]:.2f} "
        f"(on {os.cpu_count()} CPUs; other work on the machine skews every number)"
    )
    if args.json:
        args.json.write_text(json.dumps({"table": table, "info": results.info, "heavy": heavy}, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
