#!/usr/bin/env python3
"""Benchmark the static edition (`make site`, issue 13) against the bare Streamlit page and the dashboard.

Run from the project root with the project's Python:

    .venv/bin/python benchmarks/static_edition.py [--reps 5] [--figure japan-rounds] [--page /japan] [--site DIR]
        [--lighthouse] [--lh-runs 3] [--shots /tmp/static-shots] [--json results.json]

One run measures, each repeated and reported as a median, the time until the chart is drawn on:

- static: the figure's page (site/figures/<figure>/index.html) served by `python -m http.server` on loopback;
- embed: the same figure's embed.html, served the same way;
- bare: the bare Streamlit page (benchmarks/bare_app.py);
- dashboard: the dashboard's page showing the same figure (--page, /japan for japan-rounds).

cold is a fresh server and a fresh browser context (empty cache) opening the page; warm is a reload of it.
"Drawn" is the rule of tests/support/streamlit_server.py that benchmarks/run.py uses: the page's h1 is shown,
no placeholder is left, every Plotly chart holds its SVG (.main-svg) and there are at least as many charts as
the page has, all unchanged for QUIET_MS; the time is when that stable state began; the page is probed every
25 ms. A static page has no script run on a server and no Streamlit test ids, so for it the same script is
used with the selectors mapped (STATIC_PAGE_STATE): the h1 in <main>, each chart box (.chart-box) for a
chart, the run state always over. The SVG still the static page shows before plotly.js has loaded does not
count as drawn: only Plotly's own SVG does, as on the Streamlit pages. A static page fetches plotly.js only when
a reader reaches for the chart, so the benchmark moves the pointer onto it as soon as it shows. First
contentful paint and largest contentful paint (the browser's own entries, from navigation start) are reported
besides, for information.

The goal (issue 13) is static / bare <= 0.3 for the cold visit; the other ratios are printed for information.

--lighthouse also runs Lighthouse (npm, pinned LIGHTHOUSE below, through `npx --yes`; not in package.json, so
CI never installs it) with each of --lh-presets (mobile: Lighthouse's default, a throttled phone; desktop) on the
index and the figure pages and embeds of --lh-figures in each edition of --lh-languages, served the same way,
each --lh-runs times (median score): goals performance >= 90 and accessibility 100 with either preset.
Chromium is Debian's, through CHROME_PATH. The same command by hand, with the site served on port 8000
(mobile: --form-factor=mobile, the default, instead of --preset=desktop):

    CHROME_PATH=/usr/bin/chromium npx --yes lighthouse@12.2.3 http://127.0.0.1:8000/figures/japan-rounds/ \\
        --preset=desktop --only-categories=performance,accessibility --output=json --output-path=lh.json \\
        --chrome-flags="--headless --no-sandbox --disable-gpu --disable-background-networking"

--shots DIR saves screenshots of index.html, the figure page and its embed at 1280 and 390 px wide.
The site is built into a temporary folder with `python -m publish` unless --site names a built one; without
HIKIKOMORI_PUBLIC_URL it is built for https://hikikomori.example.org/ (so the pages carry their embed code).
This is a benchmark, not a test: it never fails on a MISS (exit 0), only on a broken run (exit 1).
"""

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import suppress
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
import run  # noqa: E402  (benchmarks/run.py: its servers, browser context, clean-up and machine description)
from run import APP, BARE, PAGE_TIMEOUT, BenchError, Server, cleanup, machine, new_context  # noqa: E402

from tests.support.streamlit_server import CHROMIUM, NO_PROXY, PAGE_STATE, free_port, stop_process  # noqa: E402

LIGHTHOUSE = "12.2.3"  # the last that runs on Node 20 (13.x wants Node 22)
LH_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking"
GOAL_RATIO = 0.3
GOAL_PERFORMANCE = 90
GOAL_ACCESSIBILITY = 100
DEFAULT_URL = "https://hikikomori.example.org/"
SIDES = ["static", "embed", "bare", "dashboard"]


def _mapped(script: str, replacements: list[tuple[str, str]]) -> str:
    for old, new in replacements:
        if script.count(old) != 1:
            raise RuntimeError(
                f"tests/support/streamlit_server.PAGE_STATE changed: {old!r} not found once; update STATIC_PAGE_STATE"
            )
        script = script.replace(old, new)
    return script


# The harness's PAGE_STATE with the Streamlit selectors mapped to the static page's: same conditions, same quiet period.
STATIC_PAGE_STATE = _mapped(
    PAGE_STATE,
    [
        ("const app = document.querySelector('[data-testid=stApp]');", "const app = null;"),
        ("state: app ? app.getAttribute('data-test-script-state') : null,", "state: 'notRunning',"),
        ("[data-testid=stMain] h1", "main h1"),
        ("[data-testid=stPlotlyChart]", ".chart-box"),
    ],
)
# First and largest contentful paint of the current document, ms from navigation start (null if none yet).
PAINTS = """() => new Promise(resolve => {
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  const done = lcp => resolve({fcp: fcp ? fcp.startTime : null, lcp: lcp});
  try {
    new PerformanceObserver(list => { const e = list.getEntries(); done(e.length ? e[e.length - 1].startTime : null); })
      .observe({type: 'largest-contentful-paint', buffered: true});
  } catch (err) { done(null); }
  setTimeout(() => done(null), 500);
})"""


# ---------------------------------------------------------------- the static host


class StaticServer:
    """`python -m http.server` on a free loopback port serving the site folder; stopped by run.cleanup() too."""

    def __init__(self, folder: Path, log_dir: Path):
        self.folder, self.port = folder, free_port()
        self.base = f"http://127.0.0.1:{self.port}/"
        self.log = log_dir / f"http-server-{self.port}.log"
        self.proc: subprocess.Popen | None = None

    def start(self, timeout: float = 30) -> float:
        run.SERVERS.append(self)
        cmd = [
            sys.executable,
            "-m",
            "http.server",
            str(self.port),
            "--bind",
            "127.0.0.1",
            "--directory",
            str(self.folder),
        ]
        with open(self.log, "wb") as log:
            began = time.perf_counter()
            self.proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
        while time.perf_counter() - began < timeout:
            if self.proc.poll() is not None:
                raise BenchError(
                    f"http.server exited with code {self.proc.returncode}: "
                    f"{self.log.read_text(errors='replace')[-800:]}"
                )
            with suppress(OSError):
                if NO_PROXY.open(self.base, timeout=1).status == 200:
                    return time.perf_counter() - began
            time.sleep(0.025)
        raise BenchError(f"http.server did not answer within {timeout:.0f} s")

    def stop(self) -> None:
        stop_process(self.proc)
        if self in run.SERVERS:
            run.SERVERS.remove(self)


# ---------------------------------------------------------------- drawn, as run.py decides it, for either kind of page


def reach(page, state: str) -> None:
    """On a static page, reach for the chart as soon as it shows (the pointer onto it): plotly.js is fetched only
    then."""
    if state == STATIC_PAGE_STATE:
        page.locator(".chart-box").first.hover(timeout=PAGE_TIMEOUT * 1000)


def visit(context, url: str, state: str, min_charts: int) -> dict:
    """Cold (a fresh page in the given fresh context) and warm (a reload) times to drawn, with the paint entries."""
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    began = time.perf_counter()
    page.goto(url, wait_until="commit", timeout=PAGE_TIMEOUT * 1000)
    reach(page, state)
    cold = run.wait_drawn(page, began, min_charts=min_charts, state=state)
    cold_paints = page.evaluate(PAINTS)
    charts = run.probe(page, state)["charts"]
    began = time.perf_counter()
    page.reload(wait_until="commit", timeout=PAGE_TIMEOUT * 1000)
    reach(page, state)
    warm = run.wait_drawn(page, began, min_charts=min_charts, state=state)
    warm_paints = page.evaluate(PAINTS)
    page.close()
    if errors:
        raise BenchError(f"{url}: script errors {errors[:3]}")
    return {
        "cold": cold,
        "warm": warm,
        "charts": charts,
        "cold_fcp": cold_paints["fcp"],
        "cold_lcp": cold_paints["lcp"],
        "warm_fcp": warm_paints["fcp"],
    }


# ---------------------------------------------------------------- one repetition of each side


def measure_side(browser, side: str, args, log_dir: Path, charts: dict[str, int]) -> dict:
    if side in ("static", "embed"):
        server = StaticServer(args.site, log_dir)
        server.start()
        path = f"figures/{args.figure}/" + ("embed.html" if side == "embed" else "")
        url, state = server.base + path, STATIC_PAGE_STATE
    else:
        server = Server(BARE if side == "bare" else APP, log_dir)
        server.start()
        url, state = server.base + ("/" if side == "bare" else args.page), PAGE_STATE
    try:
        context = new_context(browser)
        try:
            return visit(context, url, state, charts.get(side, 1))
        finally:
            context.close()
    finally:
        server.stop()


def timing(browser, args, log_dir: Path) -> dict[str, list[dict]]:
    samples: dict[str, list[dict]] = {side: [] for side in SIDES}
    charts: dict[str, int] = {}
    print("warm-up (not counted): each side once, which also counts the charts each page has", flush=True)
    for side in SIDES:
        seen = measure_side(browser, side, args, log_dir, {})
        charts[side] = seen["charts"]
        print(f"  {side:<10} {seen['charts']} chart(s), cold {seen['cold']:.2f} s", flush=True)
    print(f"{args.reps} repetitions, the sides in turn (reversed every other repetition):", flush=True)
    for i in range(args.reps):
        order = SIDES if i % 2 == 0 else SIDES[::-1]
        for side in order:
            samples[side].append(measure_side(browser, side, args, log_dir, charts))
        print(
            "  rep "
            + f"{i + 1}: "
            + ", ".join(f"{s} {samples[s][-1]['cold']:.2f}/{samples[s][-1]['warm']:.2f} s" for s in SIDES),
            flush=True,
        )
    return samples


def median(values: list[float | None]) -> float | None:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def timing_report(samples: dict[str, list[dict]], args) -> dict:
    labels = {
        "static": f"static page figures/{args.figure}/",
        "embed": f"static embed figures/{args.figure}/embed.html",
        "bare": "bare Streamlit page (bare_app.py)",
        "dashboard": f"dashboard {args.page}",
    }
    table = {}
    print(f"\n{'time to chart drawn (medians)':<48} {'cold':>7} {'warm':>7} {'FCP':>7} {'LCP':>7}  (cold samples)")
    for side in SIDES:
        rows = samples[side]
        table[side] = {
            "cold": median([r["cold"] for r in rows]),
            "warm": median([r["warm"] for r in rows]),
            "cold_fcp_ms": median([r["cold_fcp"] for r in rows]),
            "cold_lcp_ms": median([r["cold_lcp"] for r in rows]),
            "samples": rows,
        }
        t = table[side]
        fcp = f"{t['cold_fcp_ms'] / 1000:.2f}" if t["cold_fcp_ms"] is not None else "n/a"
        lcp = f"{t['cold_lcp_ms'] / 1000:.2f}" if t["cold_lcp_ms"] is not None else "n/a"
        cold = " ".join(f"{r['cold']:.2f}" for r in rows)
        print(f"{labels[side]:<48} {t['cold']:>6.2f}s {t['warm']:>6.2f}s {fcp:>6}s {lcp:>6}s  ({cold})")
    print(f"\n{'ratio (cold, medians)':<48} {'ratio':>7} {'goal':>7}  result")
    ratios = {}
    for key, num, den, goal in [
        ("static/bare", "static", "bare", GOAL_RATIO),
        ("embed/bare", "embed", "bare", None),
        ("dashboard/bare", "dashboard", "bare", None),
        ("static/dashboard", "static", "dashboard", None),
    ]:
        for when in ("cold", "warm"):
            ratio = table[num][when] / table[den][when]
            verdict = "info" if goal is None or when == "warm" else ("PASS" if ratio <= goal else "MISS")
            ratios[f"{key} {when}"] = {"ratio": ratio, "goal": goal if when == "cold" else None, "result": verdict}
            shown_goal = f"<={goal}" if goal is not None and when == "cold" else "-"
            print(f"{key + ', ' + when:<48} {ratio:>6.2f}x {shown_goal:>7}  {verdict}")
    print("FCP and LCP: the browser's first and largest contentful paint, from navigation start (information only).")
    return {"sides": table, "ratios": ratios}


# ---------------------------------------------------------------- Lighthouse


def lighthouse_pages(figures: list[str], languages: list[str]) -> list[str]:
    """The paths Lighthouse scores in each language's edition (English at the root, others in ja/, ko/, it/): the
    index, then each figure's page and embed."""
    paths = []
    for lang in languages:
        folder = "" if lang == "en" else f"{lang}/"
        paths += [folder] + [f"{folder}figures/{figure}/{name}" for figure in figures for name in ("", "embed.html")]
    return paths


def lighthouse_run(url: str, preset: str, out: Path, log_dir: Path) -> dict:
    """One Lighthouse run of a page with a preset ("mobile": Lighthouse's default, a throttled mid-range phone;
    "desktop": --preset=desktop): its scores, its metrics and the accessibility audits it failed."""
    cmd = [
        "npx",
        "--yes",
        f"lighthouse@{LIGHTHOUSE}",
        url,
        *(["--preset=desktop"] if preset == "desktop" else ["--form-factor=mobile"]),
        "--only-categories=performance,accessibility",
        "--output=json",
        f"--output-path={out}",
        f"--chrome-flags={LH_FLAGS}",
        "--quiet",
    ]
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300, cwd=log_dir)
    if done.returncode != 0 or not out.exists():
        raise BenchError(f"lighthouse failed on {url}: {done.stderr[-1500:]}")
    report = json.loads(out.read_text())
    audits = report["audits"]
    refs = [ref["id"] for ref in report["categories"]["accessibility"]["auditRefs"]]
    failed = sorted(key for key in refs if audits[key].get("score") is not None and audits[key]["score"] < 1)
    return {
        "performance": round(report["categories"]["performance"]["score"] * 100),
        "accessibility": round(report["categories"]["accessibility"]["score"] * 100),
        "fcp_ms": audits["first-contentful-paint"]["numericValue"],
        "lcp_ms": audits["largest-contentful-paint"]["numericValue"],
        "tbt_ms": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "si_ms": audits["speed-index"]["numericValue"],
        "bootup_ms": audits.get("bootup-time", {}).get("numericValue"),
        "accessibility_failed": failed,
        "benchmark_index": report.get("environment", {}).get("benchmarkIndex"),
        "version": report.get("lighthouseVersion"),
    }


def lighthouse(args, log_dir: Path) -> list[dict]:
    server = StaticServer(args.site, log_dir)
    server.start()
    results = []
    try:
        for preset in args.lh_presets:
            for path in lighthouse_pages(args.lh_figures, args.lh_languages):
                url = server.base + path
                shown = path or "index.html"
                runs = []
                for i in range(args.lh_runs):
                    out = log_dir / f"lh-{preset}-{shown.replace('/', '-')}-{i}.json"
                    runs.append(lighthouse_run(url, preset, out, log_dir))
                    r = runs[-1]
                    print(
                        f"  {preset} {shown} run {i + 1}: performance {r['performance']}, "
                        f"accessibility {r['accessibility']} "
                        f"(FCP {r['fcp_ms']:.0f} ms, LCP {r['lcp_ms']:.0f} ms, TBT {r['tbt_ms']:.0f} ms, "
                        f"CLS {r['cls']:.3f}, SI {r['si_ms']:.0f} ms)"
                        + (f"; failed: {', '.join(r['accessibility_failed'])}" if r["accessibility_failed"] else ""),
                        flush=True,
                    )
                results.append({"preset": preset, "page": shown, "runs": runs})
    finally:
        server.stop()
    print(f"\nLighthouse {LIGHTHOUSE}, median of {args.lh_runs} run(s) per page:")
    print(f"{'preset':<8} {'page':<44} {'perf':>5} {'a11y':>5} {'FCP':>6} {'LCP':>6} {'TBT':>6} {'CLS':>6}  result")
    for item in results:
        runs = item["runs"]
        item["median"] = {
            key: median([r[key] for r in runs])
            for key in ("performance", "accessibility", "fcp_ms", "lcp_ms", "tbt_ms", "cls", "si_ms")
        }
        m = item["median"]
        ok = m["performance"] >= GOAL_PERFORMANCE and m["accessibility"] >= GOAL_ACCESSIBILITY
        item["result"] = "PASS" if ok else "MISS"
        print(
            f"{item['preset']:<8} {item['page']:<44} {m['performance']:>5.0f} {m['accessibility']:>5.0f} "
            f"{m['fcp_ms']:>6.0f} {m['lcp_ms']:>6.0f} {m['tbt_ms']:>6.0f} {m['cls']:>6.3f}  {item['result']}"
        )
    print(
        f"goals (each preset): performance >= {GOAL_PERFORMANCE}, accessibility {GOAL_ACCESSIBILITY}; "
        "times in ms as Lighthouse simulates them (mobile: a throttled phone, 4x CPU slowdown and slow 4G; "
        "desktop: its own throttling)"
    )
    return results


# ---------------------------------------------------------------- screenshots

LOAD_LAZY_IMAGES = """async () => {
  for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight) {
    window.scrollTo(0, y);
    await new Promise(r => setTimeout(r, 50));
  }
  window.scrollTo(0, 0);
}"""


def screenshots(browser, args, log_dir: Path, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    server = StaticServer(args.site, log_dir)
    server.start()
    saved = []
    try:
        for width, height, mobile in ((1280, 900, False), (390, 844, True)):
            context = browser.new_context(
                viewport={"width": width, "height": height}, is_mobile=mobile, has_touch=mobile, device_scale_factor=1
            )
            try:
                for name, path in (
                    ("index", ""),
                    ("figure", f"figures/{args.figure}/"),
                    ("embed", f"figures/{args.figure}/embed.html"),
                ):
                    page = context.new_page()
                    began = time.perf_counter()
                    page.goto(server.base + path, wait_until="load", timeout=PAGE_TIMEOUT * 1000)
                    if path:
                        reach(page, STATIC_PAGE_STATE)
                        run.wait_drawn(page, began, min_charts=1, state=STATIC_PAGE_STATE)
                    page.evaluate(
                        LOAD_LAZY_IMAGES
                    )  # the thumbnails are loading="lazy": scroll them in and wait for them
                    page.wait_for_function(
                        "() => [...document.images].every(i => i.complete && i.naturalWidth > 0)", timeout=60_000
                    )
                    overflow = page.evaluate(
                        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
                    )
                    for part, full in (("top", False), ("full", True)):
                        target = folder / f"{name}-{width}-{part}.png"
                        page.screenshot(path=str(target), full_page=full)
                        saved.append(target)
                    print(f"  {name} at {width} px: horizontal overflow {overflow} px", flush=True)
                    page.close()
            finally:
                context.close()
    finally:
        server.stop()
    return saved


# ---------------------------------------------------------------- main


def build_site(log_dir: Path) -> tuple[Path, float]:
    folder = log_dir / "site"
    env = {**os.environ}
    env.setdefault("HIKIKOMORI_PUBLIC_URL", DEFAULT_URL)
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "publish", str(folder)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900
    )
    took = time.perf_counter() - began
    if done.returncode != 0:
        raise BenchError(f"python -m publish failed: {done.stdout[-800:]} {done.stderr[-1500:]}")
    print(f"built the site: {done.stdout.strip().splitlines()[0]} (wall {took:.1f} s)", flush=True)
    return folder, took


def node_version() -> str:
    with suppress(Exception):
        return subprocess.run(["node", "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
    return "not found"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reps", type=int, default=5, help="repetitions of the timing (default 5; 0 skips it)")
    parser.add_argument("--figure", default="japan-rounds", help="the figure's key (default japan-rounds)")
    parser.add_argument("--page", default="/japan", help="the dashboard page that shows that figure (default /japan)")
    parser.add_argument(
        "--site", type=Path, help="a site folder `make site` wrote (default: build one into a temporary folder)"
    )
    parser.add_argument(
        "--lighthouse", action="store_true", help=f"also run Lighthouse {LIGHTHOUSE} (npx) on figure pages and embeds"
    )
    parser.add_argument(
        "--lh-figures",
        nargs="+",
        default=["japan-rounds", "compare"],
        help="figures whose page and embed Lighthouse scores",
    )
    parser.add_argument(
        "--lh-runs", type=int, default=3, help="Lighthouse runs per page (default 3; the median counts)"
    )
    parser.add_argument(
        "--lh-languages",
        nargs="+",
        choices=["en", "ja", "ko", "it"],
        default=["en"],
        help="the editions Lighthouse scores (default en; ja, ko, it are site/ja/ and so on)",
    )
    parser.add_argument(
        "--lh-presets",
        nargs="+",
        choices=["mobile", "desktop"],
        default=["mobile", "desktop"],
        help="Lighthouse's presets to score with (default both)",
    )
    parser.add_argument(
        "--shots", type=Path, help="also save screenshots of index.html, the figure page and its embed here"
    )
    parser.add_argument("--json", type=Path, help="also write every sample and the machine description here")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} not found: install Debian's chromium package", file=sys.stderr)
        return 1
    signal.signal(signal.SIGTERM, run._on_signal)
    signal.signal(signal.SIGINT, run._on_signal)
    from importlib.metadata import version

    from playwright.sync_api import sync_playwright

    info: dict[str, object] = {"machine": machine(), "node": node_version(), "lighthouse": LIGHTHOUSE}
    info["machine"].update({name: version(name) for name in ("kaleido", "jinja2")})
    info["load_before"] = os.getloadavg()
    print(
        "machine: " + ", ".join(f"{k} {v}" for k, v in info["machine"].items()) + f", node {info['node']}", flush=True
    )
    print(f"load average before: {' '.join(f'{x:.2f}' for x in info['load_before'])}", flush=True)
    started = time.perf_counter()
    log_dir = Path(tempfile.mkdtemp(prefix="hikikomori-static-bench-"))
    run.TEMP_DIRS.append(log_dir)
    output: dict[str, object] = {"info": info}
    try:
        if args.site is None:
            args.site, info["site_build_seconds"] = build_site(log_dir)
        args.site = args.site.resolve()
        if not (args.site / "figures" / args.figure / "index.html").exists():
            parser.error(f"{args.site} has no figures/{args.figure}/index.html")
        info["plotly_js_bytes"] = sum(p.stat().st_size for p in (args.site / "assets").glob("plotly*.js"))
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=run.CHROMIUM_ARGS, timeout=60_000)
            try:
                if args.reps > 0:
                    output["timing"] = timing_report(timing(browser, args, log_dir), args)
                if args.shots:
                    print(f"screenshots into {args.shots}:", flush=True)
                    output["shots"] = [str(s) for s in screenshots(browser, args, log_dir, args.shots)]
            finally:
                browser.close()
        if args.lighthouse:
            info["load_before_lighthouse"] = os.getloadavg()
            print(f"\nLighthouse (load average before: {info['load_before_lighthouse'][0]:.2f}):", flush=True)
            output["lighthouse"] = lighthouse(args, log_dir)
    except BenchError as err:
        print(f"\nbenchmark broken: {err}", file=sys.stderr)
        return 1
    finally:
        cleanup()
    info["outside_requests"] = sorted(set(run.OUTSIDE))
    info["seconds"] = time.perf_counter() - started
    info["load_after"] = os.getloadavg()
    print(f"requests to hosts other than 127.0.0.1 (blocked): {info['outside_requests'] or 'none'}")
    print(
        f"run took {info['seconds']:.0f} s; load average after: {info['load_after'][0]:.2f} (on {os.cpu_count()} CPUs)"
    )
    if args.json:
        args.json.write_text(json.dumps(output, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
