#!/usr/bin/env python3
"""Profile what benchmarks/run.py found slow, with pyinstrument (not a project dependency: install it yourself).

    .venv/bin/pip install pyinstrument
    .venv/bin/python benchmarks/profile_page.py page views/claims.py              # a warm script run of a page
    .venv/bin/python benchmarks/profile_page.py page views/claims.py --cold       # the first run in a fresh process
    .venv/bin/python benchmarks/profile_page.py page views/compare.py --widget scale=Logarithmic   # a widget rerun
    .venv/bin/python benchmarks/profile_page.py grow /tmp/grown [--factor 100]    # the benchmark's grown data
    .venv/bin/python benchmarks/profile_page.py check /tmp/grown                   # loaders.tables.check_package
    .venv/bin/python benchmarks/profile_page.py browser /claims [--app bare]       # Chromium's side of a reload
    HIKIKOMORI_DATA_DIR=/tmp/grown .venv/bin/python benchmarks/profile_page.py page views/compare.py

Pages run through app.py with streamlit.testing.v1.AppTest; the profiler runs in the script thread, so it
sees exactly one script run. Besides the call tree it prints the slowest functions by their own time, the
page's element counts and the size of the Plotly JSON the run sends to the browser.
"""

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

try:
    from pyinstrument import Profiler
except ImportError:
    sys.exit(
        "pyinstrument is not installed: .venv/bin/pip install pyinstrument (for profiling only; not a requirement)"
    )


def show(profiler: Profiler, top: int) -> None:
    print(profiler.output_text(unicode=False, color=False, processor_options={"filter_threshold": 0.01}))
    flat = profiler.output_text(unicode=False, color=False, flat=True, flat_time="self")
    print(f"slowest {top} functions by own time:")
    print("\n".join(flat.splitlines()[: top + 6]))


def profile_page(page: str, cold: bool, widget: str | None, top: int) -> None:
    import plotly.io
    from streamlit.runtime.scriptrunner import script_runner
    from streamlit.testing.v1 import AppTest

    state: dict = {"profiler": None, "json_bytes": [], "recording": False}
    original_run, original_to_json = script_runner.ScriptRunner._run_script, plotly.io.to_json

    def run_script(self, *args, **kwargs):
        profiler = state["profiler"]
        if profiler is None:
            return original_run(self, *args, **kwargs)
        profiler.start()
        try:
            return original_run(self, *args, **kwargs)
        finally:
            profiler.stop()

    def to_json(*args, **kwargs):
        text = original_to_json(*args, **kwargs)
        if state["recording"]:
            state["json_bytes"].append(len(text))
        return text

    script_runner.ScriptRunner._run_script = run_script
    plotly.io.to_json = to_json
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    at.switch_page(page)
    if not cold:
        began = time.perf_counter()
        at.run()
        print(f"untimed first run: {time.perf_counter() - began:.2f} s")
        if not widget:
            at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
            at.switch_page(page)
    if widget:
        key, value = widget.split("=", 1)
        at.segmented_control(key=key).set_value(value)
    state["profiler"], state["recording"] = Profiler(interval=0.001), True
    began = time.perf_counter()
    at.run()
    took = time.perf_counter() - began
    show(state["profiler"], top)
    kinds = Counter(node.type for node in _walk(at._tree))
    print(
        f"\n{page} {'cold' if cold else 'widget rerun' if widget else 'warm'} script run: {took:.2f} s wall "
        f"(AppTest.run, profiled), exceptions: {len(at.exception)}"
    )
    print(
        "elements: " + ", ".join(f"{kind} {n}" for kind, n in kinds.most_common() if kind not in ("block", "unknown"))
    )
    sizes = state["json_bytes"]
    print(
        f"plotly JSON sent: {len(sizes)} chart(s), {sum(sizes) / 1024:.0f} KiB in all, "
        f"largest {max(sizes, default=0) / 1024:.0f} KiB"
    )


def _walk(node):
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _walk(child)


def profile_check(folder: str, top: int) -> None:
    from loaders.tables import check_package

    check_package(ROOT / "data")  # imports and lazy imports inside frictionless, untimed
    profiler = Profiler(interval=0.001)
    began = time.perf_counter()
    profiler.start()
    check = check_package(folder)
    profiler.stop()
    took = time.perf_counter() - began
    show(profiler, top)
    rows = sum(len(f) for f in check.frames.values())
    print(f"\ncheck_package({folder}): {took:.2f} s, {rows} rows, {len(check.all_problems())} problem(s)")


def profile_browser(app: str, path: str, reps: int, data: str | None) -> None:
    """Chromium's side of a warm reload: main-thread time by kind (CDP Performance metrics), DOM size and
    websocket bytes, next to the wall time until drawn (same wait as benchmarks/run.py)."""
    import statistics

    from playwright.sync_api import sync_playwright
    from run import APP, BARE, CHROMIUM, CHROMIUM_ARGS, Server, new_context, open_drawn, probe, reload_drawn

    app_path = {"app": APP, "bare": BARE}[app]
    import tempfile

    server = Server(
        app_path,
        Path(tempfile.mkdtemp(prefix="hikikomori-profile-")),
        env={"HIKIKOMORI_DATA_DIR": data} if data else None,
    )
    server.start()
    wanted = ("TaskDuration", "ScriptDuration", "LayoutDuration", "RecalcStyleDuration", "Nodes", "JSHeapUsedSize")
    rows: list[dict] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = new_context(browser)
            page, first = open_drawn(context, server.base + path)
            charts = probe(page)["charts"]
            received = {"bytes": 0, "frames": 0}

            def on_ws(ws):
                def on_frame(payload):
                    received["bytes"] += len(payload)
                    received["frames"] += 1

                ws.on("framereceived", on_frame)

            page.on("websocket", on_ws)
            cdp = context.new_cdp_session(page)
            cdp.send("Performance.enable")
            for _ in range(reps):
                received.update(bytes=0, frames=0)
                took = reload_drawn(page, min_charts=charts)
                # The counters start again with each document, so these are the reloaded page's own.
                after = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
                row = {
                    "wall": took,
                    **{k: after.get(k, 0) for k in wanted},
                    "ws_kib": received["bytes"] / 1024,
                    "ws_frames": received["frames"],
                }
                rows.append(row)
            counts = page.evaluate("""() => Object.entries(
                [...document.querySelectorAll('[data-testid=stMain] [data-testid]')]
                .reduce((a, e) => { const t = e.getAttribute('data-testid'); a[t] = (a[t] || 0) + 1; return a; }, {}))
                .sort((a, b) => b[1] - a[1]).slice(0, 25)""")
            browser.close()
    finally:
        server.stop()
    print(
        f"{app} {path}: first visit {first:.2f} s, {reps} warm reloads "
        "(medians; main-thread seconds from CDP Performance.getMetrics):"
    )
    for key in (
        "wall",
        "TaskDuration",
        "ScriptDuration",
        "LayoutDuration",
        "RecalcStyleDuration",
        "Nodes",
        "JSHeapUsedSize",
        "ws_kib",
        "ws_frames",
    ):
        value = statistics.median(r[key] for r in rows)
        shown = (
            f"{value / 1e6:.1f} MB"
            if key == "JSHeapUsedSize"
            else f"{value:.0f}"
            if key in ("Nodes", "ws_frames")
            else f"{value:.0f} KiB"
            if key == "ws_kib"
            else f"{value:.2f} s"
        )
        print(f"  {key:<20} {shown}")
    print("  elements in the main area by data-testid: " + ", ".join(f"{k} {n}" for k, n in counts))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="what", required=True)
    page = sub.add_parser("page", help="profile one script run of a page (e.g. views/claims.py)")
    page.add_argument("page")
    page.add_argument("--cold", action="store_true", help="profile the first run in this process (imports, data load)")
    page.add_argument("--widget", help="KEY=VALUE: after a warm run, set this segmented control and profile the rerun")
    check = sub.add_parser("check", help="profile loaders.tables.check_package on a data folder")
    check.add_argument("folder")
    grow = sub.add_parser("grow", help="write the benchmark's grown copy of data/ into a new folder")
    grow.add_argument("folder")
    grow.add_argument("--factor", type=int, default=100)
    web = sub.add_parser(
        "browser", help="Chromium's side of warm reloads of a page: CPU by kind, DOM size, websocket bytes"
    )
    web.add_argument("path", help="URL path, e.g. /claims")
    web.add_argument("--app", choices=["app", "bare"], default="app")
    web.add_argument("--reps", type=int, default=5)
    web.add_argument("--data", help="a data folder for HIKIKOMORI_DATA_DIR")
    parser.add_argument("--top", type=int, default=25, help="how many functions the flat list shows")
    args = parser.parse_args()
    if args.what == "page":
        profile_page(args.page, args.cold, args.widget, args.top)
    elif args.what == "browser":
        profile_browser(args.app, args.path, args.reps, args.data)
    elif args.what == "check":
        profile_check(args.folder, args.top)
    else:
        from validation import DATA, grow_package

        sizes = grow_package(DATA, Path(args.folder), args.factor)
        print("\n".join(f"{name}: {size / 1e6:.2f} MB" for name, size in sizes.items()))


if __name__ == "__main__":
    main()
