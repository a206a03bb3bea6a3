"""Browser tests: a real Streamlit server on loopback and Debian's Chromium driven by Playwright.

Without Chromium they skip with a message saying how to install it; with E2E_REQUIRED=1 (set by
.ci/run) a missing browser is a failure instead, so CI can never pass by skipping them.
"""
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
INSTALL_HINT = "Chromium is needed for browser tests: install it with `apt-get install -y chromium` (Debian)."


def _missing(reason: str) -> None:
    if os.environ.get("E2E_REQUIRED") == "1":
        pytest.fail(f"required browser test cannot run: {reason}")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(env: dict[str, str] | None = None, timeout: float = 60) -> tuple[subprocess.Popen, str]:
    """Start the dashboard on a free loopback port and wait until it is healthy."""
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless=true",
                               f"--server.port={port}", "--server.address=127.0.0.1", "--browser.gatherUsageStats=false"],
                              cwd=ROOT, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if server.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {server.returncode}")
        try:
            if urllib.request.urlopen(base + "/_stcore/health", timeout=1).read() == b"ok":
                return server, base
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise RuntimeError("streamlit did not become healthy")


def stop_server(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()


@pytest.fixture(scope="session")
def base_url():
    server, base = start_server()
    yield base
    stop_server(server)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        _missing(INSTALL_HINT)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def axe_script() -> Path:
    if not AXE.exists():
        _missing("axe-core is needed for accessibility tests: run `npm ci` in the project folder (make test does).")
    return AXE


def settle(page, timeout: float = 60) -> None:
    """Wait until Streamlit has finished the script run and every Plotly chart is drawn (no fixed sleeps)."""
    page.evaluate("window.__quietSince = null")
    page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]", timeout=timeout * 1000)
    page.wait_for_function(
        """() => {
            const app = document.querySelector('[data-testid=stApp]');
            if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') { window.__quietSince = null; return false; }
            if (document.querySelector('[data-testid=stSkeleton]')) { window.__quietSince = null; return false; }
            const charts = [...document.querySelectorAll('[data-testid=stPlotlyChart]')];
            if (charts.some(c => !c.querySelector('.main-svg'))) { window.__quietSince = null; return false; }
            const now = performance.now();
            window.__quietSince = window.__quietSince || now;
            return now - window.__quietSince > 400;
        }""", polling=100, timeout=timeout * 1000)


def open_expanders(page, limit: int = 50) -> None:
    """Click up to `limit` closed expanders of the page open, top down, as a reader would; a card's expanders
    run their content only when opened (a script run), so each click is followed by a wait."""
    for _ in range(limit):
        closed = page.query_selector("[data-testid=stMain] [data-testid=stExpander] details:not([open]) summary")
        if closed is None:
            break
        closed.click()
        settle(page)
